/*
 * --max-conversations through the libraries: cs-kpi's stop (kpi_full) and
 * cs-tzsched's forgetting (the least recently active conversation's zone
 * goes; a conversation forgotten and seen again is new).  hmap's own LRU
 * is in test_hmap.
 */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fieldmap.h"
#include "kpi.h"
#include "tz.h"
#include "tzfix.h"
#include "tzsched.h"

static struct fieldmap map = FIELDMAP_INIT;
static struct ts_parser parser;

static const char *
kpi_line(struct kpi *k, const char *json)
{
	cJSON *ev = cJSON_Parse(json);
	const char *why;

	assert_non_null(ev);
	why = kpi_add(k, ev);
	cJSON_Delete(ev);
	return why;
}

#define MSG(conv, role, ts) \
	"{\"conversation\":\"" conv "\",\"role\":\"" role "\"," \
	"\"ts\":\"" ts "\"}"

/* The third conversation trips a bound of two; events of the two held
 * (and events of no conversation) never do. */
static void
test_kpi_stops_past_bound(void **state)
{
	struct kpi_opts o = { 0 };

	(void)state;
	o.map = &map;
	o.ts = &parser;
	o.sla = 1800;
	o.window = 7 * 86400;
	o.since = o.until = o.now = CS_TIME_NONE;
	o.max_conversations = 2;
	struct kpi *k = kpi_new(&o);
	assert_null(kpi_line(k, MSG("a", "customer", "2026-01-05T10:00:00Z")));
	assert_null(kpi_line(k, MSG("b", "customer", "2026-01-05T10:01:00Z")));
	assert_null(kpi_line(k, MSG("a", "agent", "2026-01-05T10:02:00Z")));
	assert_null(kpi_line(k, "{\"type\":\"rating\",\"conversation\":\"b\","
	    "\"ts\":\"2026-01-05T11:00:00Z\",\"score\":5}"));
	assert_null(kpi_line(k, "{\"type\":\"order\",\"customer\":\"x\","
	    "\"ts\":\"2026-01-05T12:00:00Z\",\"amount\":3}"));
	assert_false(kpi_full(k));
	/* A rating can open a conversation too. */
	assert_null(kpi_line(k, "{\"type\":\"rating\",\"conversation\":\"c\","
	    "\"ts\":\"2026-01-05T13:00:00Z\",\"score\":4}"));
	assert_true(kpi_full(k));
	kpi_free(k);

	/* 0: no bound. */
	o.max_conversations = 0;
	k = kpi_new(&o);
	assert_null(kpi_line(k, MSG("a", "customer", "2026-01-05T10:00:00Z")));
	assert_null(kpi_line(k, MSG("b", "customer", "2026-01-05T10:01:00Z")));
	assert_null(kpi_line(k, MSG("c", "customer", "2026-01-05T10:02:00Z")));
	assert_false(kpi_full(k));
	kpi_finish(k);
	kpi_free(k);
}

/* The customer_tz cs-tzsched gives an event, or "" for none (never a
 * bad event: the team's fields need no buyer zone). */
static char *
zone_of(struct tzsched *s, const char *json)
{
	cJSON *ev = cJSON_Parse(json);
	const cJSON *tz;
	char *z;

	assert_non_null(ev);
	assert_null(tzsched_annotate(s, ev));
	tz = cJSON_GetObjectItem(ev, "customer_tz");
	z = strdup(tz != NULL ? tz->valuestring : "");
	cJSON_Delete(ev);
	return z;
}

static void
expect_zone(struct tzsched *s, const char *json, const char *want)
{
	char *z = zone_of(s, json);

	assert_string_equal(z, want);
	free(z);
}

#define TZMSG(conv, role, zone) \
	"{\"conversation\":\"" conv "\",\"role\":\"" role "\"," \
	"\"ts\":\"2026-03-02T01:00:00Z\"" zone "}"

/* Events in order, each with the zone it must be read in ("": none). */
static const struct step {
	const char	*json, *zone;
} steps[] = {
	{ TZMSG("a", "customer", ",\"tz\":\"Asia/Tokyo\""), "Asia/Tokyo" },
	{ TZMSG("b", "customer", ",\"tz\":\"Europe/Berlin\""),
	  "Europe/Berlin" },
	/* A reply to a: b is now the least recently active. */
	{ TZMSG("a", "agent", ""), "Asia/Tokyo" },
	{ TZMSG("c", "customer", ",\"country\":\"BR\""), "America/Sao_Paulo" },
	/* b was forgotten: with no --default-tz its reply has no buyer
	 * zone, never another conversation's. */
	{ TZMSG("b", "agent", ""), "" },
	{ TZMSG("a", "agent", ""), "Asia/Tokyo" },
	{ TZMSG("c", "agent", ""), "America/Sao_Paulo" },
	/* b writes again with its zone: remembered anew, and c (touched
	 * before a) is the one to go. */
	{ TZMSG("a", "agent", ""), "Asia/Tokyo" },
	{ TZMSG("b", "customer", ",\"tz\":\"Europe/Berlin\""),
	  "Europe/Berlin" },
	{ TZMSG("b", "agent", ""), "Europe/Berlin" },
	{ TZMSG("a", "agent", ""), "Asia/Tokyo" },
	{ TZMSG("c", "agent", ""), "" },
};

static void
test_tzsched_forgets_least_recent(void **state)
{
	struct tzsched_opts o = { 0 };
	struct buf why = BUF_INIT;

	(void)state;
	o.map = &map;
	o.ts = &parser;
	o.db = db;
	o.window = TZSCHED_WINDOW_DEFAULT;
	o.sla = 1800;
	o.max_conversations = 2;
	struct tzsched *s = tzsched_new(&o, &why);
	assert_non_null(s);

	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
		expect_zone(s, steps[i].json, steps[i].zone);
	assert_int_equal(tzsched_no_zone(s), 2);
	tzsched_free(s);
	buf_free(&why);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kpi_stops_past_bound),
		cmocka_unit_test(test_tzsched_forgets_least_recent),
	};
	return cmocka_run_group_tests(tests, tz_setup, tz_teardown);
}
