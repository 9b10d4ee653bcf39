#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "calendar.h"
#include "fieldmap.h"
#include "json.h"
#include "tz.h"
#include "tzfix.h"
#include "tzsched.h"

static struct fieldmap map = FIELDMAP_INIT;
static struct ts_parser tp = { NULL, { NULL } };

static struct tzsched *
make(const struct cal *team, const char *window, double after,
    const char *role)
{
	struct tzsched_opts o = { 0 };
	struct buf why = BUF_INIT;
	struct tzsched *s;

	o.map = &map;
	o.ts = &tp;
	o.db = db;
	o.team = team;
	o.window = window;
	o.sla = 1800;
	o.after = after;
	o.role = role;
	s = tzsched_new(&o, &why);
	assert_non_null(s);
	buf_free(&why);
	return s;
}

/* Run fn on a JSON event and compare the result's field with want. */
static cJSON *
run(struct tzsched *s, int followup, const char *json, const char **why)
{
	cJSON *ev = cJSON_Parse(json);

	assert_non_null(ev);
	*why = followup ? tzsched_followup(s, ev) : tzsched_annotate(s, ev);
	return ev;
}

static void
want_str(const cJSON *ev, const char *key, const char *want)
{
	const char *got = json_str(ev, key);

	if (got == NULL || strcmp(got, want) != 0) {
		print_error("%s: got %s, want %s\n", key, got ? got : "(none)",
		    want);
		fail();
	}
}

static void
want_bool(const cJSON *ev, const char *key, int want)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(ev, key);

	assert_true(cJSON_IsBool(v));
	assert_int_equal(cJSON_IsTrue(v), want);
}

static void
test_annotate_out_of_hours(void **state)
{
	struct buf why = BUF_INIT;
	struct cal *team = cal_from_options(db, "Mon-Fri 09:00-18:00",
	    "Asia/Shanghai", NULL, &why);
	struct tzsched *s = make(team, NULL, 0, NULL);
	const char *bad;
	cJSON *ev;
	double h;

	(void)state;
	/* Friday 20:00 in São Paulo is Saturday 07:00 in Hangzhou. */
	ev = run(s, 0, "{\"conversation\":\"c1\",\"ts\":\"2026-11-20T23:00:00Z\","
	    "\"role\":\"customer\",\"country\":\"BR\"}", &bad);
	assert_null(bad);
	want_str(ev, "customer_tz", "America/Sao_Paulo");
	want_str(ev, "local_time", "2026-11-20T20:00:00-03:00");
	assert_int_equal(json_num(ev, "local_hour", &h), 0);
	assert_true(h == 20);
	want_bool(ev, "customer_daytime", 1);
	want_bool(ev, "team_open", 0);
	want_str(ev, "next_open", "2026-11-23T01:00:00Z");
	want_str(ev, "reply_due", "2026-11-23T01:30:00Z");
	want_str(ev, "reply_due_local", "2026-11-22T22:30:00-03:00");
	want_bool(ev, "auto_reply", 1);
	cJSON_Delete(ev);

	/* The agent's reply: the conversation's zone, no reply_due. */
	ev = run(s, 0, "{\"conversation\":\"c1\",\"ts\":\"2026-11-23T01:30:00Z\","
	    "\"role\":\"agent\"}", &bad);
	assert_null(bad);
	want_str(ev, "local_time", "2026-11-22T22:30:00-03:00");
	want_bool(ev, "customer_daytime", 0);
	want_bool(ev, "team_open", 1);
	want_str(ev, "next_open", "2026-11-23T01:30:00Z");
	assert_null(cJSON_GetObjectItem(ev, "reply_due"));
	assert_null(cJSON_GetObjectItem(ev, "auto_reply"));
	cJSON_Delete(ev);

	/* In hours: reply_due is 30 minutes on; auto_reply false. */
	ev = run(s, 0, "{\"ts\":\"2026-11-23T02:00:00.250Z\",\"role\":"
	    "\"customer\",\"tz\":\"Europe/Berlin\"}", &bad);
	assert_null(bad);
	want_str(ev, "local_time", "2026-11-23T03:00:00.250+01:00");
	want_str(ev, "reply_due", "2026-11-23T02:30:00.250Z");
	want_bool(ev, "auto_reply", 0);
	cJSON_Delete(ev);

	/* Epoch seconds, and 17:45 on a Friday: due Monday 09:15. */
	ev = run(s, 0, "{\"ts\":1795167900,\"role\":\"customer\","
	    "\"tz\":\"Asia/Tokyo\"}", &bad);
	assert_null(bad);
	want_str(ev, "local_time", "2026-11-20T18:45:00+09:00");
	want_str(ev, "reply_due", "2026-11-23T01:15:00Z");
	want_bool(ev, "auto_reply", 0);
	cJSON_Delete(ev);

	tzsched_free(s);
	cal_free(team);
	buf_free(&why);
}

static void
test_annotate_bad(void **state)
{
	struct tzsched *s = make(NULL, NULL, 0, NULL);
	const char *bad;
	cJSON *ev;

	(void)state;
	ev = run(s, 0, "{\"ts\":\"2026-11-23T02:00:00Z\",\"tz\":\"Mars/Base\"}",
	    &bad);
	assert_string_equal(bad, "unknown time zone \"Mars/Base\" in field "
	    "\"tz\"");
	cJSON_Delete(ev);
	ev = run(s, 0, "{\"ts\":\"2026-11-23T02:00:00Z\",\"country\":\"XX\"}",
	    &bad);
	assert_string_equal(bad, "unknown country \"XX\" in field \"country\"");
	cJSON_Delete(ev);
	/* No zone anywhere: no buyer fields, counted, not bad. */
	ev = run(s, 0, "{\"ts\":\"2026-11-23T02:00:00Z\"}", &bad);
	assert_null(bad);
	assert_null(cJSON_GetObjectItem(ev, "customer_tz"));
	assert_null(cJSON_GetObjectItem(ev, "local_time"));
	assert_null(cJSON_GetObjectItem(ev, "customer_daytime"));
	assert_int_equal(tzsched_no_zone(s), 1);
	cJSON_Delete(ev);
	ev = run(s, 0, "{\"tz\":\"UTC\"}", &bad);
	assert_string_equal(bad, "no \"ts\" field");
	cJSON_Delete(ev);
	ev = run(s, 0, "{\"ts\":\"yesterday-ish\",\"tz\":\"UTC\"}", &bad);
	assert_non_null(strstr(bad, "bad \"ts\""));
	cJSON_Delete(ev);
	ev = run(s, 0, "{\"ts\":true,\"tz\":\"UTC\"}", &bad);
	assert_non_null(bad);
	cJSON_Delete(ev);
	/* Not a message: untouched, even without ts. */
	ev = run(s, 0, "{\"type\":\"rating\",\"score\":5}", &bad);
	assert_null(bad);
	assert_null(cJSON_GetObjectItem(ev, "local_time"));
	cJSON_Delete(ev);
	/* Without a team calendar: customer fields only, reply_due in plain
	 * time. */
	ev = run(s, 0, "{\"ts\":\"2026-11-22T02:00:00Z\",\"tz\":\"UTC\","
	    "\"role\":\"customer\"}", &bad);
	assert_null(bad);
	assert_null(cJSON_GetObjectItem(ev, "team_open"));
	assert_null(cJSON_GetObjectItem(ev, "auto_reply"));
	want_str(ev, "reply_due", "2026-11-22T02:30:00Z");
	cJSON_Delete(ev);
	tzsched_free(s);
}

static void
test_followup(void **state)
{
	struct tzsched *s = make(NULL, "09:00-21:00", 86400, "agent");
	struct tzsched *w = make(NULL, "Mon-Fri 09:00-20:00", 3600, NULL);
	const char *bad;
	cJSON *ev;

	(void)state;
	/* The customer's message is left alone but teaches the zone. */
	ev = run(s, 1, "{\"conversation\":7,\"ts\":\"2026-11-20T23:00:00Z\","
	    "\"role\":\"customer\",\"country\":\"BR\"}", &bad);
	assert_null(bad);
	assert_null(cJSON_GetObjectItem(ev, "followup_at"));
	cJSON_Delete(ev);
	/* Reply Sunday 22:30 in São Paulo: +24h is Monday 22:30, night, so
	 * Tuesday 09:00. */
	ev = run(s, 1, "{\"conversation\":7,\"ts\":\"2026-11-23T01:30:00Z\","
	    "\"role\":\"agent\"}", &bad);
	assert_null(bad);
	want_str(ev, "customer_tz", "America/Sao_Paulo");
	want_str(ev, "followup_at", "2026-11-24T12:00:00Z");
	want_str(ev, "followup_local", "2026-11-24T09:00:00-03:00");
	cJSON_Delete(ev);
	/* Already in the day: exactly 24h later. */
	ev = run(s, 1, "{\"conversation\":7,\"ts\":\"2026-11-23T15:00:00Z\","
	    "\"role\":\"agent\"}", &bad);
	want_str(ev, "followup_at", "2026-11-24T15:00:00Z");
	cJSON_Delete(ev);
	/* Over the spring change in Berlin: 22:00 CET + 24h is 23:00 CEST,
	 * so 09:00 CEST the next morning. */
	ev = run(s, 1, "{\"ts\":\"2026-03-28T21:00:00Z\",\"role\":\"agent\","
	    "\"tz\":\"Europe/Berlin\"}", &bad);
	want_str(ev, "followup_at", "2026-03-30T07:00:00Z");
	want_str(ev, "followup_local", "2026-03-30T09:00:00+02:00");
	cJSON_Delete(ev);
	/* A window with days: Friday 19:30 + 1h → Monday 09:00 (any role). */
	ev = run(w, 1, "{\"ts\":\"2026-11-20T19:30:00Z\",\"role\":\"customer\","
	    "\"tz\":\"UTC\"}", &bad);
	assert_null(bad);
	want_str(ev, "followup_at", "2026-11-23T09:00:00Z");
	cJSON_Delete(ev);
	/* An agent message with no zone anywhere: no follow-up, not bad. */
	ev = run(s, 1, "{\"ts\":\"2026-11-20T19:30:00Z\",\"role\":\"agent\"}",
	    &bad);
	assert_null(bad);
	assert_null(cJSON_GetObjectItem(ev, "followup_at"));
	assert_int_equal(tzsched_no_zone(s), 1);
	cJSON_Delete(ev);
	tzsched_free(s);
	tzsched_free(w);
}

static void
test_bad_window(void **state)
{
	struct tzsched_opts o = { 0 };
	struct buf why = BUF_INIT;

	(void)state;
	o.map = &map;
	o.ts = &tp;
	o.db = db;
	o.window = "9-21";
	assert_null(tzsched_new(&o, &why));
	assert_true(why.len > 0);
	buf_free(&why);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_annotate_out_of_hours),
		cmocka_unit_test(test_annotate_bad),
		cmocka_unit_test(test_followup),
		cmocka_unit_test(test_bad_window),
	};

	return cmocka_run_group_tests(tests, tz_setup, tz_teardown);
}
