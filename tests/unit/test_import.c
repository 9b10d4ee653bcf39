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
	struct ts_parser	ts;
	struct import_spec	spec;
	struct tz_db		*db;
	struct diag		diag;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	const char *why;

	f->db = tzdb_open(NULL);
	if (f->db != NULL)
		f->ts.input_zone = tzdb_zone(f->db, "Asia/Shanghai");
	import_spec_init(&f->spec);
	struct import_rule *r = import_rule_add(&f->spec, NULL);
	if (import_field(r, "ts", "created_at", 0, &why) != 0 ||
	    import_field(r, "text", "body", 0, &why) != 0 ||
	    import_field(r, "role", "sender", 0, &why) != 0 ||
	    import_field(r, "lang", "lang", 0, &why) != 0 ||	/* a no-op */
	    import_add_roles(r, "Contact=customer,User=AGENT,Auto=bot",
	    &why) != 0)
		return -1;
	f->spec.ts = &f->ts;
	diag_init(&f->diag, "test_import");
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	import_spec_free(&f->spec);
	if (f->db != NULL)
		tzdb_close(f->db);
	free(f);
	return 0;
}

/* What a record gave: events and _error reasons, one a line. */
struct collected {
	struct buf	 out;
	cs_time		 t;
};

static void
got_event(void *ctx, cJSON *ev, cs_time t)
{
	struct collected *c = ctx;

	json_write(&c->out, ev);
	buf_addc(&c->out, '\n');
	c->t = t;
}

static void
got_bad(void *ctx, cJSON *err)
{
	struct collected *c = ctx;

	buf_printf(&c->out, "ERR: %s\n", json_str(err, "_error"));
}

/* Import `in` with spec; returns what came out (the caller frees). */
static char *
import_text(struct import_spec *sp, struct diag *d, const char *in,
    cs_time *t)
{
	cJSON *rec = cJSON_Parse(in);
	struct collected c = { BUF_INIT, CS_TIME_NONE };
	struct import_sink sink = { got_event, got_bad, &c };

	assert_non_null(rec);
	import_record(sp, rec, "in.json", 1, in, strlen(in), &sink, d);
	cJSON_Delete(rec);
	if (t != NULL)
		*t = c.t;
	if (c.out.len > 0)	/* without the last newline */
		c.out.data[--c.out.len] = '\0';
	if (c.out.data == NULL)
		return xstrdup("");
	return buf_detach(&c.out);
}

/* The record through the fixture's spec: the event or "ERR: reason". */
static char *
canon(struct fixture *f, const char *in, cs_time *t)
{
	return import_text(&f->spec, &f->diag, in, t);
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
	struct import_spec sp;
	const char *why = NULL;

	(void)state;
	import_spec_init(&sp);
	struct import_rule *r = import_rule_add(&sp, NULL);
	assert_int_equal(import_add_roles(r, "Contact=customer", &why), 0);
	assert_int_equal(import_add_roles(r, "Ops=System,0=customer", &why), 0);
	assert_int_equal(r->nmaps, 1);
	assert_int_equal(r->maps[0].map.n, 3);
	assert_string_equal(r->maps[0].map.pairs[0].from, "Contact");
	assert_string_equal(r->maps[0].map.pairs[0].to->valuestring,
	    "customer");
	/* The canonical spelling of a role. */
	assert_string_equal(r->maps[0].map.pairs[1].to->valuestring, "system");
	/* Pairs put first are tried first (the command line's). */
	assert_int_equal(import_map(r, "role", "Ops=agent", 1, &why), 0);
	assert_string_equal(r->maps[0].map.pairs[0].from, "Ops");
	assert_int_equal(import_add_roles(r, "Contact", &why), -1);
	assert_non_null(why);
	assert_int_equal(import_add_roles(r, "=agent", &why), -1);
	assert_int_equal(import_add_roles(r, "Boss=manager", &why), -1);
	assert_string_equal(why, "a role must be customer, agent, bot or "
	    "system");
	assert_int_equal(import_add_roles(r, "X=", &why), -1);
	import_spec_free(&sp);
	assert_int_equal(sp.nrules, 0);
	assert_null(sp.rules);
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

	/* T: a time, so that only the role is in question. */
#define T	"{\"ts\":0,"
#define TO	"{\"ts\":\"1970-01-01T00:00:00Z\","
	canon_is(f, T "\"sender\":\"User\"}", TO "\"role\":\"agent\"}");
	canon_is(f, T "\"sender\":\"AUTO\"}", TO "\"role\":\"bot\"}");
	/* Canonical names pass in any case, come out in lower case. */
	canon_is(f, T "\"sender\":\"Agent\"}", TO "\"role\":\"agent\"}");
	canon_is(f, T "\"sender\":\"system\"}", TO "\"role\":\"system\"}");
	canon_is(f, T "\"sender\":\"customer\",\"x\":1}",
	    TO "\"role\":\"customer\",\"x\":1}");
	canon_is(f, T "\"sender\":\"boss\"}",
	    "ERR: unknown role 'boss' (map it with --role-map 'boss=customer' "
	    "or agent, bot, system)");
	canon_is(f, T "\"sender\":5}", "ERR: unknown role '5' (map it with "
	    "--role-map '5=customer' or agent, bot, system)");
	canon_is(f, T "\"role\":[\"agent\"]}", "ERR: role is not a string");
	/* A role the map does not say, but the record has: read as it is. */
	canon_is(f, T "\"role\":\"User\"}", TO "\"role\":\"agent\"}");
	/* Without a role the rule maps: a record that cannot be an event,
	 * unless it is not a message. */
	canon_is(f, T "\"x\":1}", "ERR: no role ('sender' not in the record)");
	canon_is(f, T "\"type\":\"order\"}", TO "\"type\":\"order\"}");
	assert_int_equal(f->spec.missing[1], 1);
#undef T
#undef TO
}

static void
test_times(void **state)
{
	struct fixture *f = *state;
	cs_time t = 0;

	canon_is(f, "{\"role\":\"agent\",\"ts\":\"2026-11-20T12:12:00+09:00\"}",
	    "{\"role\":\"agent\",\"ts\":\"2026-11-20T03:12:00Z\"}");
	canon_is(f, "{\"role\":\"agent\",\"created_at\":\"2026-11-20T03:12:00.250Z\"}",
	    "{\"role\":\"agent\",\"ts\":\"2026-11-20T03:12:00.250Z\"}");
	/* Epoch seconds and milliseconds, as numbers and as text. */
	canon_is(f, "{\"type\":\"order\",\"ts\":1795144320}",
	    "{\"type\":\"order\",\"ts\":\"2026-11-20T03:12:00Z\"}");
	canon_is(f, "{\"type\":\"order\",\"ts\":1795144320123}",
	    "{\"type\":\"order\",\"ts\":\"2026-11-20T03:12:00.123Z\"}");
	canon_is(f, "{\"type\":\"order\",\"ts\":\"1795144320123\"}",
	    "{\"type\":\"order\",\"ts\":\"2026-11-20T03:12:00.123Z\"}");
	canon_is(f, "{\"type\":\"order\",\"created_at\":-1}",
	    "{\"type\":\"order\",\"ts\":\"1969-12-31T23:59:59Z\"}");
	/* Wrong types and bad text: the reason names the field. */
	canon_is(f, "{\"ts\":true}", "ERR: ts: not a string or a number");
	/* (a bad ts is the reason, before any missing role) */
	canon_is(f, "{\"ts\":{\"t\":1}}", "ERR: ts: not a string or a number");
	canon_is(f, "{\"ts\":\"2026-02-29T00:00:00Z\"}", "ERR: ts: no such date");
	canon_is(f, "{\"ts\":\"soon\"}", "ERR: ts: not a time (RFC 3339, epoch "
	    "seconds, or give --time-format)");
	/* No ts where the rule maps one: no event, no time. */
	unsigned long before = f->spec.missing[0];
	free(canon(f, "{\"role\":\"agent\",\"text\":\"x\"}", &t));
	assert_true(t == CS_TIME_NONE);
	assert_int_equal(f->spec.missing[0], before + 1);
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
	canon_is(f, "{\"type\":\"order\",\"ts\":0,\"text\":\"x\",\"a\":1}",
	    "{\"type\":\"order\",\"ts\":\"1970-01-01T00:00:00Z\","
	    "\"text\":\"x\",\"a\":1}");
	/* The canonical field after the source: dropped, source renamed in
	 * its own place. */
	canon_is(f, "{\"type\":\"order\",\"ts\":0,\"a\":0,\"body\":\"new\","
	    "\"b\":1,\"text\":\"old\"}",
	    "{\"type\":\"order\",\"ts\":\"1970-01-01T00:00:00Z\",\"a\":0,"
	    "\"text\":\"new\",\"b\":1}");
	/* Ids already strings stay; non-numbers are left as they are. */
	canon_is(f, "{\"type\":\"order\",\"ts\":0,\"conversation\":\"c-9\","
	    "\"agent\":null,\"customer\":12345678901}",
	    "{\"type\":\"order\",\"ts\":\"1970-01-01T00:00:00Z\","
	    "\"conversation\":\"c-9\",\"agent\":null,"
	    "\"customer\":\"12345678901\"}");
}

/* The building blocks beyond renames, on a Zendesk-like document. */
static const char zendesk_doc[] =
    "{\"tickets\":[{\"id\":101,\"type\":\"question\",\"requester_id\":7,"
    "\"via\":{\"channel\":\"email\"},"
    "\"satisfaction_rating\":{\"score\":\"good\"},\"comments\":["
    "{\"id\":1,\"type\":\"Comment\",\"author_id\":7,"
    "\"html_body\":\"<p>Wo ist mein Paket?</p>\",\"public\":true,"
    "\"created_at\":\"2026-11-20T03:12:00Z\"},"
    "{\"id\":2,\"type\":\"Comment\",\"author_id\":9,\"body\":\"intern\","
    "\"public\":false,\"created_at\":\"2026-11-20T03:20:00Z\"},"
    "{\"id\":3,\"type\":\"Comment\",\"author_id\":9,\"body\":\"Morgen!\","
    "\"public\":true,\"created_at\":\"2026-11-20T03:42:00Z\"}]}],"
    "\"users\":[{\"id\":7,\"role\":\"end-user\"},{\"id\":9,\"role\":\"agent\","
    "\"name\":\"Wang Fang\"}]}";

static void
build(struct import_rule *r, const char *const *lines)
{
	const char *why = NULL;

	for (; *lines != NULL; lines++) {
		const char *l = *lines;
		int rc;
		if (strncmp(l, "explode ", 8) == 0)
			rc = import_explode(r, l + 8, &why);
		else if (strncmp(l, "drop ", 5) == 0)
			rc = import_drop(r, l + 5, "private note", &why);
		else if (strncmp(l, "when ", 5) == 0)
			rc = import_when(r, l + 5, &why);
		else if (strncmp(l, "keep ", 5) == 0)
			rc = import_keep(r, l + 5, &why);
		else if (strncmp(l, "map ", 4) == 0) {
			const char *sp = strchr(l + 4, ' ');
			char *field = xstrndup(l + 4, (size_t)(sp - l - 4));
			rc = import_map(r, field, sp + 1, 0, &why);
			free(field);
		} else if (strncmp(l, "set ", 4) == 0) {
			const char *sp = strchr(l + 4, ' ');
			char *field = xstrndup(l + 4, (size_t)(sp - l - 4));
			rc = import_set(r, field, sp + 1, &why);
			free(field);
		} else {
			const char *eq = strstr(l, " = "), *q = strstr(l, " ?= ");
			const char *at = q != NULL ? q : eq;
			char *field = xstrndup(l, (size_t)(at - l));
			rc = import_field(r, field, at + (q ? 4 : 3), q != NULL,
			    &why);
			free(field);
		}
		if (rc != 0)
			fail_msg("'%s': %s", l, why);
	}
}

static void
test_explode_and_rules(void **state)
{
	static const char *const messages[] = {
		"explode tickets[].comments | comments",
		"keep id, ^type",
		"drop public=false",
		"conversation = ^id",
		"ts = created_at",
		"role = ^^users[id=author_id].role",
		"role ?= \"end-user\" when author_id==^requester_id",
		"role ?= \"agent\"",
		"map role end-user=customer,agent=agent,admin=agent",
		"agent = ^^users[id=author_id].name when author_id!=^requester_id",
		"customer = ^requester_id",
		"text = html(html_body) | body",
		"channel = ^via.channel",
		NULL
	};
	static const char *const ratings[] = {
		"explode tickets | .",
		"when satisfaction_rating.score=good,bad",
		"keep none",
		"set type rating",
		"conversation = id",
		"good = satisfaction_rating.score",
		"map good good=true,bad=false",
		NULL
	};
	struct import_spec sp;
	struct diag d;

	(void)state;
	import_spec_init(&sp);
	sp.prefix = xstrdup("zendesk_");
	sp.name = xstrdup("zendesk");
	diag_init(&d, "test_import");
	build(import_rule_add(&sp, "messages"), messages);
	build(import_rule_add(&sp, "ratings"), ratings);
	char *got = import_text(&sp, &d, zendesk_doc, NULL);
	assert_string_equal(got,
	    "{\"conversation\":\"101\",\"ts\":\"2026-11-20T03:12:00Z\","
	    "\"role\":\"customer\",\"customer\":\"7\","
	    "\"text\":\"Wo ist mein Paket?\",\"channel\":\"email\",\"id\":1,"
	    "\"zendesk_type\":\"question\"}\n"
	    "{\"conversation\":\"101\",\"ts\":\"2026-11-20T03:42:00Z\","
	    "\"role\":\"agent\",\"agent\":\"Wang Fang\",\"customer\":\"7\","
	    "\"text\":\"Morgen!\",\"channel\":\"email\",\"id\":3,"
	    "\"zendesk_type\":\"question\"}\n"
	    "{\"type\":\"rating\",\"conversation\":\"101\",\"good\":true}");
	free(got);
	assert_int_equal(sp.rules[0].drops[0].count, 1);
	/* A ticket alone (the full export's lines), no users: the role from
	 * the requester. */
	const char *ticket = strstr(zendesk_doc, "{\"id\":101");
	char *one = xstrndup(ticket, strlen(ticket) - strlen(strstr(ticket,
	    "}]}],\"users\"")) + 4);
	got = import_text(&sp, &d, one, NULL);
	assert_non_null(strstr(got, "\"role\":\"customer\",\"customer\":\"7\","
	    "\"text\":\"Wo ist"));
	assert_non_null(strstr(got, "\"role\":\"agent\",\"customer\":\"7\","
	    "\"text\":\"Morgen!\""));
	assert_non_null(strstr(got, "{\"type\":\"rating\",\"conversation\":"
	    "\"101\",\"good\":true}"));
	free(got);
	free(one);
	/* Something else entirely: no rule takes it. */
	got = import_text(&sp, &d, "{\"hello\":1}", NULL);
	assert_string_equal(got, "ERR: nothing in it that preset zendesk "
	    "reads");
	free(got);
	assert_int_equal(sp.unmatched, 1);
	assert_int_equal(sp.records, 3);
	import_spec_free(&sp);
}

static void
test_keep_all_building_blocks(void **state)
{
	static const char *const rule[] = {
		"set channel shop",
		"set score 5",
		"set good true",
		"text = html(body.html) | body.plain",
		"role = from",
		"map role 0=customer,1=agent,Staff *=agent",
		"map score 5=4",
		NULL
	};
	struct import_spec sp;
	struct diag d;

	(void)state;
	import_spec_init(&sp);
	diag_init(&d, "test_import");
	build(import_rule_add(&sp, NULL), rule);
	/* Renames in place; computed fields appended; value maps. */
	char *got = import_text(&sp, &d, "{\"from\":0,\"body\":{\"html\":"
	    "\"a<br>b &amp; c\"},\"channel\":\"web\"}", NULL);
	assert_string_equal(got, "{\"role\":\"customer\",\"body\":{\"html\":"
	    "\"a<br>b &amp; c\"},\"channel\":\"shop\",\"score\":4,"
	    "\"good\":true,\"text\":\"a\\nb & c\"}");
	free(got);
	got = import_text(&sp, &d, "{\"from\":\"staff Li\",\"body\":{\"plain\":"
	    "\"hi\"}}", NULL);
	assert_string_equal(got, "{\"role\":\"agent\",\"body\":{\"plain\":"
	    "\"hi\"},\"channel\":\"shop\",\"score\":4,\"good\":true,"
	    "\"text\":\"hi\"}");
	free(got);
	/* A prefix keeps a vendor's canonical-looking member apart. */
	sp.prefix = xstrdup("v_");
	got = import_text(&sp, &d, "{\"from\":1,\"type\":\"question\","
	    "\"lang\":\"de\"}", NULL);
	assert_string_equal(got, "{\"role\":\"agent\",\"v_type\":\"question\","
	    "\"v_lang\":\"de\",\"channel\":\"shop\",\"score\":4,\"good\":true}");
	free(got);
	/* Two fields from one member: the first moves it, the second
	 * copies. */
	const char *why;
	assert_int_equal(import_field(&sp.rules[0], "raw_from", "from", 0,
	    &why), 0);
	got = import_text(&sp, &d, "{\"from\":1}", NULL);
	assert_string_equal(got, "{\"role\":\"agent\",\"channel\":\"shop\","
	    "\"score\":4,\"good\":true,\"raw_from\":1}");
	free(got);
	import_spec_free(&sp);
}

static void
test_unique_and_summary_counts(void **state)
{
	static const char *const orders[] = {
		"keep none",
		"set type order",
		"order_id = Name",
		"customer = Email",
		"amount = number(Total)",
		NULL
	};
	struct import_spec sp;
	struct diag d;
	const char *why;

	(void)state;
	import_spec_init(&sp);
	diag_init(&d, "test_import");
	struct import_rule *r = import_rule_add(&sp, NULL);
	build(r, orders);
	assert_int_equal(import_unique(r, "order_id", "more line items", &why),
	    0);
	char *a = import_text(&sp, &d, "{\"Name\":\"#1001\",\"Email\":\"a@x\","
	    "\"Total\":\"59.90\"}", NULL);
	char *b = import_text(&sp, &d, "{\"Name\":\"#1001\",\"Email\":\"a@x\"}",
	    NULL);
	char *c = import_text(&sp, &d, "{\"Name\":\"#1002\",\"Email\":\"a@x\","
	    "\"Total\":\"1.234,00\"}", NULL);
	assert_string_equal(a, "{\"type\":\"order\",\"order_id\":\"#1001\","
	    "\"customer\":\"a@x\",\"amount\":59.9}");
	assert_string_equal(b, "");
	assert_string_equal(c, "{\"type\":\"order\",\"order_id\":\"#1002\","
	    "\"customer\":\"a@x\",\"amount\":1234}");
	assert_int_equal(r->repeated, 1);
	assert_int_equal(sp.events, 2);
	assert_int_equal(d.bad_lines, 0);
	free(a);
	free(b);
	free(c);
	import_spec_free(&sp);
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
		cmocka_unit_test(test_explode_and_rules),
		cmocka_unit_test(test_keep_all_building_blocks),
		cmocka_unit_test(test_unique_and_summary_counts),
		cmocka_unit_test(test_sorter),
		cmocka_unit_test(test_sorter_stable_many),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
