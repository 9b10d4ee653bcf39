/*
 * lib/import: canonicalising one export record (renames in place, roles,
 * ts to UTC, ids to strings) and the stable time sort of --sort.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include "buf.h"
#include "fieldmap.h"
#include "import.h"
#include "json.h"
#include "ts.h"
#include "tz.h"

#define E	1795144320000LL		/* 2026-11-20T03:12:00Z */

struct fixture {
	struct fieldmap		map;
	struct ts_parser	ts;
	struct import_spec	spec;
	struct tz_db		*db;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	const char *why;

	f->db = tzdb_open(NULL);
	if (f->db != NULL)
		f->ts.input_zone = tzdb_zone(f->db, "Asia/Shanghai");
	fieldmap_add(&f->map, "ts=created_at", &why);
	fieldmap_add(&f->map, "text=body", &why);
	fieldmap_add(&f->map, "role=sender", &why);
	fieldmap_add(&f->map, "lang=lang", &why);	/* a no-op pair */
	f->spec.map = &f->map;
	f->spec.ts = &f->ts;
	if (import_add_roles(&f->spec, "Contact=customer,User=AGENT,Auto=bot",
	    &why) != 0)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	import_spec_free(&f->spec);
	fieldmap_free(&f->map);
	if (f->db != NULL)
		tzdb_close(f->db);
	free(f);
	return 0;
}

/* Canonicalise `in`; returns the event text, or "ERR: reason". */
static char *
canon(struct fixture *f, const char *in, cs_time *t)
{
	cJSON *ev = cJSON_Parse(in);
	struct buf out = BUF_INIT, why = BUF_INIT;
	cs_time dummy;

	assert_non_null(ev);
	if (import_event(&f->spec, ev, t ? t : &dummy, &why) == 0)
		json_write(&out, ev);
	else
		buf_printf(&out, "ERR: %s", buf_str(&why));
	cJSON_Delete(ev);
	buf_free(&why);
	return buf_detach(&out);
}

static void
canon_is(struct fixture *f, const char *in, const char *want)
{
	char *got = canon(f, in, NULL);

	assert_string_equal(got, want);
	free(got);
}

static void
test_roles_spec(void **state)
{
	struct import_spec sp = { 0 };
	const char *why = NULL;

	(void)state;
	assert_int_equal(import_add_roles(&sp, "Contact=customer,", &why), 0);
	assert_int_equal(import_add_roles(&sp, "Ops=System", &why), 0);
	assert_int_equal(sp.nroles, 2);
	assert_string_equal(sp.roles[0].from, "Contact");
	assert_string_equal(sp.roles[0].to, "customer");
	assert_string_equal(sp.roles[1].to, "system");	/* canonical case */
	assert_int_equal(import_add_roles(&sp, "Contact", &why), -1);
	assert_non_null(why);
	why = NULL;
	assert_int_equal(import_add_roles(&sp, "=agent", &why), -1);
	assert_non_null(why);
	why = NULL;
	assert_int_equal(import_add_roles(&sp, "Boss=manager", &why), -1);
	assert_non_null(why);
	assert_int_equal(import_add_roles(&sp, "X=", &why), -1);
	import_spec_free(&sp);
	assert_int_equal(sp.nroles, 0);
	assert_null(sp.roles);
}

static void
test_full_record(void **state)
{
	struct fixture *f = *state;
	cs_time t = 0;

	if (f->db == NULL)
		skip();
	/* Mapped fields renamed where they stand; the stale "text" dropped
	 * (the map says where text comes from); ts to UTC through the input
	 * zone; the role mapped; ids become strings; the rest untouched. */
	char *got = canon(f,
	    "{\"id\":1,\"created_at\":\"2026-11-20 11:12:00\",\"body\":\"hi\","
	    "\"text\":\"old\",\"sender\":\"contact\",\"conversation\":123,"
	    "\"agent\":7,\"customer\":\"c1\",\"order_id\":42.5,\"amount\":9.9,"
	    "\"lang\":\"de\"}", &t);
	assert_string_equal(got,
	    "{\"id\":1,\"ts\":\"2026-11-20T03:12:00Z\",\"text\":\"hi\","
	    "\"role\":\"customer\",\"conversation\":\"123\",\"agent\":\"7\","
	    "\"customer\":\"c1\",\"order_id\":\"42.5\",\"amount\":9.9,"
	    "\"lang\":\"de\"}");
	assert_int_equal(t, E);
	free(got);
}

static void
test_roles(void **state)
{
	struct fixture *f = *state;

	canon_is(f, "{\"role\":\"User\"}", "{\"role\":\"agent\"}");
	canon_is(f, "{\"role\":\"AUTO\"}", "{\"role\":\"bot\"}");
	/* Canonical names pass in any case, come out in lower case. */
	canon_is(f, "{\"role\":\"Agent\"}", "{\"role\":\"agent\"}");
	canon_is(f, "{\"role\":\"system\"}", "{\"role\":\"system\"}");
	canon_is(f, "{\"sender\":\"customer\",\"x\":1}",
	    "{\"role\":\"customer\",\"x\":1}");
	canon_is(f, "{\"role\":\"boss\"}",
	    "ERR: unknown role 'boss' (map it with --role-map 'boss=customer' "
	    "or agent, bot, system)");
	canon_is(f, "{\"role\":5}", "ERR: role is not a string");
	canon_is(f, "{\"role\":null}", "ERR: role is not a string");
	/* No role at all is fine (type rating, order...). */
	canon_is(f, "{\"type\":\"order\"}", "{\"type\":\"order\"}");
}

static void
test_times(void **state)
{
	struct fixture *f = *state;
	cs_time t = 0;

	canon_is(f, "{\"ts\":\"2026-11-20T12:12:00+09:00\"}",
	    "{\"ts\":\"2026-11-20T03:12:00Z\"}");
	canon_is(f, "{\"ts\":\"2026-11-20T03:12:00.250Z\"}",
	    "{\"ts\":\"2026-11-20T03:12:00.250Z\"}");
	/* Epoch seconds and milliseconds, as numbers and as text. */
	canon_is(f, "{\"ts\":1795144320}", "{\"ts\":\"2026-11-20T03:12:00Z\"}");
	canon_is(f, "{\"ts\":1795144320123}",
	    "{\"ts\":\"2026-11-20T03:12:00.123Z\"}");
	canon_is(f, "{\"ts\":\"1795144320123\"}",
	    "{\"ts\":\"2026-11-20T03:12:00.123Z\"}");
	canon_is(f, "{\"created_at\":-1}", "{\"ts\":\"1969-12-31T23:59:59Z\"}");
	/* Wrong types and bad text: the reason names the field. */
	canon_is(f, "{\"ts\":true}", "ERR: ts: not a string or a number");
	canon_is(f, "{\"ts\":{\"t\":1}}", "ERR: ts: not a string or a number");
	canon_is(f, "{\"ts\":\"2026-02-29T00:00:00Z\"}", "ERR: ts: no such date");
	canon_is(f, "{\"ts\":\"soon\"}", "ERR: ts: not a time (RFC 3339, epoch "
	    "seconds, or give --time-format)");
	/* No ts: fine, and no time. */
	free(canon(f, "{\"text\":\"x\"}", &t));
	assert_true(t == CS_TIME_NONE);
	/* A bad ts leaves no time either. */
	char *s = canon(f, "{\"ts\":\"soon\"}", &t);
	free(s);
	assert_true(t == CS_TIME_NONE);
}

static void
test_rename_edges(void **state)
{
	struct fixture *f = *state;

	/* Source absent: a field already named canonically stays. */
	canon_is(f, "{\"text\":\"x\",\"a\":1}", "{\"text\":\"x\",\"a\":1}");
	/* The canonical field after the source: dropped, source renamed in
	 * its own place. */
	canon_is(f, "{\"a\":0,\"body\":\"new\",\"b\":1,\"text\":\"old\"}",
	    "{\"a\":0,\"text\":\"new\",\"b\":1}");
	/* Ids already strings stay; non-numbers are left as they are. */
	canon_is(f, "{\"conversation\":\"c-9\",\"agent\":null,"
	    "\"customer\":12345678901}",
	    "{\"conversation\":\"c-9\",\"agent\":null,"
	    "\"customer\":\"12345678901\"}");
}

/* ---- the sorter ---------------------------------------------------------- */

static void
collect(void *ctx, const char *line, size_t len)
{
	struct buf *b = ctx;

	buf_add(b, line, len);
	buf_addc(b, ' ');
}

static void
test_sorter(void **state)
{
	struct import_sorter *s = import_sorter_new();
	struct buf out = BUF_INIT;

	(void)state;
	import_sorter_add(s, 3000, "c1", 2);
	import_sorter_add(s, CS_TIME_NONE, "n1", 2);
	import_sorter_add(s, 1000, "a", 1);
	import_sorter_add(s, 3000, "c2", 2);
	import_sorter_add(s, CS_TIME_NONE, "n2", 2);
	import_sorter_add(s, -5000, "neg", 3);
	import_sorter_add(s, 3000, "c3xx", 2);	/* only len bytes count */
	import_sorter_finish(s, collect, &out);
	/* By time, equal times in input order, untimed last in input order. */
	assert_string_equal(out.data, "neg a c1 c2 c3 n1 n2 ");
	buf_free(&out);
	/* Empty. */
	s = import_sorter_new();
	import_sorter_finish(s, collect, &out);
	assert_string_equal(buf_str(&out), "");
	buf_free(&out);
}

static void
test_sorter_stable_many(void **state)
{
	struct import_sorter *s = import_sorter_new();
	struct buf out = BUF_INIT;
	char tmp[32];

	(void)state;
	/* 20000 lines, seven distinct times given in a scrambled order: the
	 * output must be grouped by time and in input order within a group
	 * (qsort alone is not stable). */
	for (int i = 0; i < 20000; i++) {
		int n = snprintf(tmp, sizeof tmp, "%d", i);
		import_sorter_add(s, (cs_time)((i * 5) % 7) * 1000, tmp,
		    (size_t)n);
	}
	import_sorter_finish(s, collect, &out);
	long prev_t = -1, prev_i = -1, count = 0;
	for (char *p = out.data; *p; ) {
		long i = strtol(p, &p, 10);
		long t = (i * 5) % 7;
		assert_true(t >= prev_t);
		if (t == prev_t)
			assert_true(i > prev_i);
		prev_t = t;
		prev_i = i;
		count++;
		p++;		/* the space */
	}
	assert_int_equal(count, 20000);
	buf_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roles_spec),
		cmocka_unit_test(test_full_record),
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_rename_edges),
		cmocka_unit_test(test_sorter),
		cmocka_unit_test(test_sorter_stable_many),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
