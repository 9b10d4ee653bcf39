/*
 * lib/kpi: every figure of cs-kpi(1) DEFINITIONS over small
 * conversations whose answers were worked out by hand (in the comments).
 */
#include "unit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "kpi.h"
#include "tz.h"

static struct fieldmap no_map = FIELDMAP_INIT;
static struct ts_parser parser;

static struct kpi_opts
defaults(void)
{
	struct kpi_opts o = { 0 };

	o.map = &no_map;
	o.ts = &parser;
	o.sla = 1800;
	o.window = 7 * 86400;
	o.since = o.until = o.now = CS_TIME_NONE;
	return o;
}

static cs_time
at(const char *s)
{
	cs_time t;
	const char *why;

	assert_int_equal(ts_parse(&parser, s, &t, &why), 0);
	return t;
}

/* Feed the lines (NULL-terminated), finish; bad lines count as rejected. */
static struct kpi *
run(const struct kpi_opts *o, const char *const *lines)
{
	struct kpi *k = kpi_new(o);

	for (; *lines; lines++) {
		cJSON *ev = cJSON_Parse(*lines);
		assert_non_null(ev);
		if (kpi_add(k, ev) != NULL)
			kpi_reject(k);
		cJSON_Delete(ev);
	}
	kpi_finish(k);
	return k;
}

/* The value of a metric in a row; NAN for null. */
static double
val(struct kpi *k, size_t row, const char *name)
{
	int m = kpi_metric_find(k, name);
	double v;

	assert_true(m >= 0);
	return kpi_value(k, row, m, &v) == 0 ? v : NAN;
}

static double
total(struct kpi *k, const char *name)
{
	return val(k, kpi_nrows(k) - 1, name);
}

#define C(conv, ts, role, extra) "{\"conversation\":\"" conv "\",\"ts\":\"" \
	ts "\",\"role\":\"" role "\"" extra "}"
#define STATUS(conv, ts, st) "{\"type\":\"status\",\"conversation\":\"" \
	conv "\",\"ts\":\"" ts "\",\"status\":\"" st "\"}"

static void
test_bot_then_agent(void **state)
{
	static const char *const lines[] = {
		C("c1", "2026-11-20T10:00:00Z", "customer", ""),
		C("c1", "2026-11-20T10:01:00Z", "bot", ""),
		C("c1", "2026-11-20T10:10:00Z", "agent", ",\"agent\":\"li\""),
		NULL
	};
	struct kpi_opts o = defaults();
	struct kpi *k;

	(void)state;
	/* The bot's message is no response: FRT 10 minutes. */
	k = run(&o, lines);
	assert_float_equal(total(k, "frt_count"), 1, 0);
	assert_float_equal(total(k, "frt_mean"), 600, 0);
	assert_float_equal(total(k, "reply_p50"), 600, 0);
	assert_float_equal(total(k, "messages"), 3, 0);
	assert_float_equal(total(k, "bot_messages"), 1, 0);
	assert_float_equal(total(k, "sla_share"), 1, 0);
	kpi_free(k);
	/* Unless bots respond: then one minute. */
	o.bots_respond = 1;
	k = run(&o, lines);
	assert_float_equal(total(k, "frt_mean"), 60, 0);
	/* Resolution inferred from the last responding message (the agent). */
	assert_float_equal(total(k, "resolution_mean"), 600, 0);
	assert_float_equal(total(k, "resolution_inferred"), 1, 0);
	kpi_free(k);
}

static void
test_outbound(void **state)
{
	static const char *const lines[] = {
		C("c2", "2026-11-20T09:00:00Z", "agent", ",\"agent\":\"wang\""),
		C("c2", "2026-11-20T10:00:00Z", "customer", ""),
		C("c2", "2026-11-20T10:30:00Z", "agent", ",\"agent\":\"li\""),
		C("c9", "2026-11-20T11:00:00Z", "agent", ",\"agent\":\"li\""),
		NULL
	};
	static const char *const group[] = { "agent" };
	struct kpi_opts o = defaults();
	struct kpi *k;

	(void)state;
	o.group = group;
	o.ngroup = 1;
	k = run(&o, lines);
	/* The 09:00 message was outbound: the start is 10:00, FRT 30m, credited
	 * to li who answered; c9 never got a customer message: no conversation. */
	assert_float_equal(total(k, "conversations"), 1, 0);
	assert_float_equal(total(k, "frt_mean"), 1800, 0);
	assert_float_equal(total(k, "sla_share"), 1, 0);	/* 30m <= 30m */
	assert_float_equal(total(k, "unanswered"), 0, 0);
	assert_float_equal(total(k, "agent_messages"), 3, 0);
	/* Rows: li, wang, (no agent), total. */
	assert_int_equal(kpi_nrows(k), 4);
	assert_float_equal(val(k, 0, "conversations"), 1, 0);
	assert_float_equal(val(k, 0, "frt_p90"), 1800, 0);
	assert_float_equal(val(k, 0, "agent_messages"), 2, 0);
	assert_float_equal(val(k, 1, "conversations"), 0, 0);
	assert_true(isnan(val(k, 1, "frt_mean")));
	assert_float_equal(val(k, 1, "agent_messages"), 1, 0);
	assert_float_equal(val(k, 2, "customer_messages"), 1, 0);
	assert_true(isnan(val(k, 0, "rejected")));
	assert_float_equal(total(k, "rejected"), 0, 0);
	kpi_free(k);
}

static void
test_no_reply(void **state)
{
	static const char *const lines[] = {
		C("c3", "2026-11-20T10:00:00Z", "customer", ""),
		NULL
	};
	struct kpi_opts o = defaults();
	struct kpi *k;

	(void)state;
	/* Default --now is the latest ts: age 0, unanswered, no breach yet. */
	k = run(&o, lines);
	assert_float_equal(total(k, "unanswered"), 1, 0);
	assert_float_equal(total(k, "sla_breaches"), 0, 0);
	assert_true(isnan(total(k, "sla_share")));
	assert_float_equal(total(k, "frt_count"), 0, 0);
	assert_true(isnan(total(k, "frt_mean")));
	assert_true(isnan(total(k, "resolution_mean")));
	assert_float_equal(total(k, "conversion_rate"), 0, 0);
	kpi_free(k);
	/* 30 minutes is not past the SLA; 30m01s is. */
	o.now = at("2026-11-20T10:30:00Z");
	k = run(&o, lines);
	assert_float_equal(total(k, "sla_breaches"), 0, 0);
	kpi_free(k);
	o.now = at("2026-11-20T10:30:01Z");
	k = run(&o, lines);
	assert_float_equal(total(k, "sla_breaches"), 1, 0);
	assert_float_equal(total(k, "sla_share"), 0, 0);
	kpi_free(k);
}

static void
test_reply_after_now(void **state)
{
	static const char *const lines[] = {
		C("c4", "2026-11-20T10:00:00Z", "customer", ""),
		C("c4", "2026-11-20T11:00:00Z", "agent", ""),
		C("c5", "2026-11-20T10:00:00Z", "customer", ""),
		C("c5", "2026-11-20T10:10:00Z", "agent", ""),
		NULL
	};
	struct kpi_opts o = defaults();
	struct kpi *k;

	(void)state;
	/* At 10:45 c4 had no answer yet: unanswered and 45m old, a breach;
	 * c5 was answered in 10m.  Share 1 / (1 + 1). */
	o.now = at("2026-11-20T10:45:00Z");
	k = run(&o, lines);
	assert_float_equal(total(k, "unanswered"), 1, 0);
	assert_float_equal(total(k, "sla_breaches"), 1, 0);
	assert_float_equal(total(k, "frt_count"), 1, 0);
	assert_float_equal(total(k, "frt_max"), 600, 0);
	assert_float_equal(total(k, "sla_share"), 0.5, 0);
	assert_float_equal(total(k, "agent_messages"), 1, 0);
	kpi_free(k);
	/* Without --now both are answered; c4 late (1h): a breach. */
	o.now = CS_TIME_NONE;
	k = run(&o, lines);
	assert_float_equal(total(k, "unanswered"), 0, 0);
	assert_float_equal(total(k, "sla_breaches"), 1, 0);
	assert_float_equal(total(k, "frt_mean"), 2100, 0);	/* (600+3600)/2 */
	kpi_free(k);
}

static void
test_two_customer_messages(void **state)
{
	static const char *const lines[] = {
		C("c6", "2026-11-20T10:00:00Z", "customer", ""),
		C("c6", "2026-11-20T10:10:00Z", "customer", ""),
		C("c6", "2026-11-20T10:40:00Z", "agent", ""),
		C("c6", "2026-11-20T10:50:00Z", "customer", ""),
		C("c6", "2026-11-20T10:55:00Z", "system", ""),
		C("c6", "2026-11-20T11:00:00Z", "agent", ""),
		C("c6", "2026-11-20T11:05:00Z", "agent", ""),
		NULL
	};
	struct kpi_opts o = defaults();
	struct kpi *k;

	(void)state;
	/* Runs: 10:00-10:10 → 10:40 (40m), 10:50 → 11:00 (10m).
	 * mean 25m, p50 25m, p90 10m + 0.9 * 30m = 37m. */
	k = run(&o, lines);
	assert_float_equal(total(k, "reply_count"), 2, 0);
	assert_float_equal(total(k, "reply_mean"), 1500, 0);
	assert_float_equal(total(k, "reply_p50"), 1500, 0);
	assert_float_equal(total(k, "reply_p90"), 2220, 1e-9);
	assert_float_equal(total(k, "reply_max"), 2400, 0);
	assert_float_equal(total(k, "frt_mean"), 2400, 0);
	/* Inferred resolution to the last agent message, 11:05: 65m. */
	assert_float_equal(total(k, "resolution_mean"), 3900, 0);
	assert_float_equal(total(k, "messages"), 7, 0);
	kpi_free(k);
}

static void
test_reopened(void **state)
{
	static const char *const lines[] = {
		C("c7", "2026-11-20T10:00:00Z", "customer", ""),
		C("c7", "2026-11-20T10:10:00Z", "agent", ""),
		STATUS("c7", "2026-11-20T11:00:00Z", "resolved"),
		STATUS("c7", "2026-11-20T12:00:00Z", "reopened"),
		C("c7", "2026-11-20T12:00:00Z", "customer", ""),
		C("c7", "2026-11-20T12:30:00Z", "agent", ""),
		STATUS("c7", "2026-11-20T13:00:00Z", "resolved"),
		NULL
	};
	struct kpi_opts o = defaults();
	struct kpi *k;

	(void)state;
	/* Resolved again: resolution to the last `resolved`, 3h. */
	k = run(&o, lines);
	assert_float_equal(total(k, "resolution_count"), 1, 0);
	assert_float_equal(total(k, "resolution_mean"), 10800, 0);
	assert_float_equal(total(k, "resolution_inferred"), 0, 0);
	assert_float_equal(total(k, "reply_count"), 2, 0);
	assert_float_equal(total(k, "reply_mean"), 1200, 0);	/* 10m, 30m */
	assert_float_equal(total(k, "conversations"), 1, 0);
	kpi_free(k);
	/* Reopened and never resolved again: open, so the resolution is
	 * inferred from the last agent message (12:30): 2h30m. */
	const char *open_lines[7];
	memcpy(open_lines, lines, sizeof open_lines);
	open_lines[6] = NULL;
	k = run(&o, open_lines);
	assert_float_equal(total(k, "resolution_mean"), 9000, 0);
	assert_float_equal(total(k, "resolution_inferred"), 1, 0);
	kpi_free(k);
}

static void
test_status_open_starts(void **state)
{
	static const char *const lines[] = {
		STATUS("c8", "2026-11-20T09:50:00Z", "open"),
		C("c8", "2026-11-20T10:00:00Z", "customer", ""),
		C("c8", "2026-11-20T10:05:00Z", "agent", ""),
		STATUS("c8", "2026-11-20T10:20:00Z", "resolved"),
		NULL
	};
	struct kpi_opts o = defaults();
	struct kpi *k;

	(void)state;
	/* Start = the open status (earlier): FRT 15m, reply 5m, res 30m. */
	k = run(&o, lines);
	assert_float_equal(total(k, "frt_mean"), 900, 0);
	assert_float_equal(total(k, "reply_mean"), 300, 0);
	assert_float_equal(total(k, "resolution_mean"), 1800, 0);
	kpi_free(k);
}

static void
test_ratings(void **state)
{
	static const char *const lines[] = {
		C("c1", "2026-11-20T10:00:00Z", "customer", ""),
		C("c1", "2026-11-20T10:05:00Z", "agent", ",\"agent\":\"li\""),
		"{\"type\":\"rating\",\"conversation\":\"c1\",\"ts\":"
		    "\"2026-11-20T11:00:00Z\",\"score\":3,\"agent\":\"wang\"}",
		/* No conversation: counted by its own agent field. */
		"{\"type\":\"rating\",\"ts\":\"2026-11-20T12:00:00Z\",\"score\":5,"
		    "\"agent\":\"wang\"}",
		/* A conversation not in the log: by its own fields too. */
		"{\"type\":\"rating\",\"conversation\":\"gone\",\"ts\":"
		    "\"2026-11-20T12:00:00Z\",\"score\":4,\"agent\":\"wang\"}",
		/* Bad: out of range, and not a number. */
		"{\"type\":\"rating\",\"ts\":\"2026-11-20T12:00:00Z\",\"score\":6}",
		"{\"type\":\"rating\",\"ts\":\"2026-11-20T12:00:00Z\",\"score\":\"5\"}",
		NULL
	};
	static const char *const group[] = { "agent" };
	struct kpi_opts o = defaults();
	struct kpi *k;

	(void)state;
	o.group = group;
	o.ngroup = 1;
	k = run(&o, lines);
	/* 3 ratings: 3, 5, 4 → mean 4, share of 4-5 = 2/3. */
	assert_float_equal(total(k, "ratings"), 3, 0);
	assert_float_equal(total(k, "csat"), 4, 0);
	assert_float_equal(total(k, "csat_share"), 0.6667, 0);
	assert_float_equal(total(k, "rejected"), 2, 0);
	/* li: the conversation's rating (its first responder), 3. */
	assert_float_equal(val(k, 0, "ratings"), 1, 0);
	assert_float_equal(val(k, 0, "csat"), 3, 0);
	assert_float_equal(val(k, 0, "csat_share"), 0, 0);
	/* wang: the two without a conversation, 4.5, share 1. */
	assert_float_equal(val(k, 1, "ratings"), 2, 0);
	assert_float_equal(val(k, 1, "csat"), 4.5, 0);
	assert_float_equal(val(k, 1, "csat_share"), 1, 0);
	kpi_free(k);
}

#define ORDER(cust, ts) "{\"type\":\"order\",\"customer\":\"" cust \
	"\",\"ts\":\"" ts "\",\"amount\":20}"

static void
test_repeat_buyer_by_month(void **state)
{
	static const char *const lines[] = {
		ORDER("u1", "2026-01-10T08:00:00Z"),
		ORDER("u1", "2026-02-05T08:00:00Z"),
		ORDER("u2", "2026-02-07T08:00:00Z"),
		ORDER("u2", "2026-02-20T08:00:00Z"),
		ORDER("u3", "2026-01-03T08:00:00Z"),
		ORDER("u3", "2026-01-04T08:00:00Z"),
		NULL
	};
	struct kpi_opts o = defaults();
	struct kpi *k;
	struct buf label = BUF_INIT;

	(void)state;
	o.by = KPI_BY_MONTH;
	k = run(&o, lines);
	assert_int_equal(kpi_nrows(k), 3);
	kpi_row_label(k, 0, &label);
	assert_string_equal(buf_str(&label), "month=2026-01");
	/* January: u1 once, u3 twice → 1 of 2 repeat. */
	assert_float_equal(val(k, 0, "customers_ordering"), 2, 0);
	assert_float_equal(val(k, 0, "repeat_customers"), 1, 0);
	assert_float_equal(val(k, 0, "repurchase_rate"), 0.5, 0);
	assert_true(isnan(val(k, 0, "repurchase_rate_change")));
	/* February: u1 once, u2 twice → 1 of 2 again: change 0. */
	assert_float_equal(val(k, 1, "repurchase_rate"), 0.5, 0);
	assert_float_equal(val(k, 1, "repurchase_rate_change"), 0, 0);
	/* The whole period: u1, u2, u3 all bought twice. */
	assert_float_equal(total(k, "customers_ordering"), 3, 0);
	assert_float_equal(total(k, "repurchase_rate"), 1, 0);
	assert_true(isnan(total(k, "repurchase_rate_change")));
	kpi_free(k);
	buf_free(&label);
}

static void
test_month_change(void **state)
{
	static const char *const lines[] = {
		ORDER("u1", "2026-01-10T08:00:00Z"),
		ORDER("u2", "2026-01-11T08:00:00Z"),
		ORDER("u2", "2026-01-12T08:00:00Z"),
		ORDER("u1", "2026-02-05T08:00:00Z"),
		ORDER("u1", "2026-02-06T08:00:00Z"),
		NULL
	};
	struct kpi_opts o = defaults();
	struct kpi *k;

	(void)state;
	o.by = KPI_BY_MONTH;
	k = run(&o, lines);
	/* January 1/2, February 1/1: +0.5. */
	assert_float_equal(val(k, 1, "repurchase_rate_change"), 0.5, 0);
	kpi_free(k);
}

static void
test_conversion_and_attribution(void **state)
{
	static const char *const lines[] = {
		C("c1", "2026-11-01T10:00:00Z", "customer",
		    ",\"customer\":\"u1\""),
		C("c1", "2026-11-01T10:01:00Z", "customer",
		    ",\"customer\":\"u1\",\"intent\":\"refund\",\"variant\":\"b\""),
		C("c1", "2026-11-01T10:20:00Z", "agent", ",\"agent\":\"li\""),
		C("c1", "2026-11-01T10:30:00Z", "customer",
		    ",\"customer\":\"u1\",\"intent\":\"shipping\",\"variant\":\"a\""),
		C("c1", "2026-11-01T10:40:00Z", "agent", ",\"agent\":\"wang\""),
		C("c2", "2026-11-01T10:00:00Z", "customer",
		    ",\"customer\":\"u2\",\"intent\":\"shipping\",\"variant\":\"a\""),
		C("c2", "2026-11-01T10:05:00Z", "agent", ",\"agent\":\"li\""),
		/* u1 buys 6 days later (converts); u2 8 days later (does not). */
		ORDER("u1", "2026-11-07T10:00:00Z"),
		ORDER("u2", "2026-11-09T10:00:00Z"),
		NULL
	};
	static const char *const group[] = { "agent", "intent", "variant" };
	struct kpi_opts o = defaults();
	struct kpi *k;
	struct buf label = BUF_INIT;

	(void)state;
	o.group = group;
	o.ngroup = 3;
	k = run(&o, lines);
	assert_float_equal(total(k, "conversions"), 1, 0);
	assert_float_equal(total(k, "conversion_rate"), 0.5, 0);
	/* Conversation rows: c1 → (li, refund, b), c2 → (li, shipping, a). */
	size_t r;
	for (r = 0; r + 1 < kpi_nrows(k); r++) {
		buf_reset(&label);
		kpi_row_label(k, r, &label);
		if (strcmp(buf_str(&label), "agent=li intent=refund variant=b") == 0)
			break;
	}
	assert_true(r + 1 < kpi_nrows(k));
	assert_float_equal(val(k, r, "conversations"), 1, 0);
	assert_float_equal(val(k, r, "conversion_rate"), 1, 0);
	assert_float_equal(val(k, r, "reply_count"), 2, 0);
	kpi_free(k);
	/* A 9-day window converts both. */
	o.window = 9 * 86400;
	k = run(&o, lines);
	assert_float_equal(total(k, "conversion_rate"), 1, 0);
	kpi_free(k);
	buf_free(&label);
}

static void
test_conversion_orders_any_order(void **state)
{
	static const char *const lines[] = {
		/* Orders first and out of order: 11-20 (too late), 10-01 (before
		 * the start), then 11-02, within the week: converts. */
		ORDER("u3", "2026-11-20T10:00:00Z"),
		ORDER("u3", "2026-10-01T10:00:00Z"),
		ORDER("u3", "2026-11-02T10:00:00Z"),
		ORDER("u4", "2026-10-31T09:59:59Z"),
		C("c3", "2026-11-01T10:00:00Z", "customer", ",\"customer\":\"u3\""),
		C("c4", "2026-11-01T10:00:00Z", "customer", ",\"customer\":\"u4\""),
		/* Exactly at the end of the window still counts. */
		ORDER("u4", "2026-11-08T10:00:00Z"),
		NULL
	};
	struct kpi_opts o = defaults();
	struct kpi *k;

	(void)state;
	k = run(&o, lines);
	assert_float_equal(total(k, "conversions"), 2, 0);
	assert_float_equal(total(k, "customers_ordering"), 2, 0);
	assert_float_equal(total(k, "repeat_customers"), 2, 0);
	kpi_free(k);
	o.window = 7 * 86400 - 1;
	k = run(&o, lines);
	assert_float_equal(total(k, "conversions"), 1, 0);
	kpi_free(k);
}

static void
test_group_conversation_and_period(void **state)
{
	static const char *const lines[] = {
		C("a", "2026-11-20T23:50:00Z", "customer", ""),
		C("a", "2026-11-21T00:10:00Z", "agent", ""),
		C("b", "2026-11-21T10:00:00Z", "customer", ""),
		C("b", "2026-11-21T10:01:00Z", "agent", ""),
		"{\"ts\":\"2026-11-21T10:00:00Z\",\"role\":\"robot\"}",
		"{\"ts\":\"yesterday\",\"role\":\"agent\"}",
		"{\"type\":\"note\",\"ts\":\"2026-11-21T10:00:00Z\"}",
		NULL
	};
	static const char *const group[] = { "conversation" };
	struct kpi_opts o = defaults();
	struct kpi *k;
	struct buf label = BUF_INIT;

	(void)state;
	o.group = group;
	o.ngroup = 1;
	o.by = KPI_BY_DAY;
	k = run(&o, lines);
	assert_float_equal(total(k, "rejected"), 3, 0);
	/* a: started on the 20th; its agent message counts on the 21st. */
	kpi_row_label(k, 0, &label);
	assert_string_equal(buf_str(&label), "conversation=a day=2026-11-20");
	assert_float_equal(val(k, 0, "frt_mean"), 1200, 0);
	assert_float_equal(val(k, 0, "messages"), 1, 0);
	assert_float_equal(val(k, 1, "conversations"), 0, 0);
	assert_float_equal(val(k, 1, "agent_messages"), 1, 0);
	kpi_free(k);
	/* --since the 21st: conversation a (started the 20th) is left out. */
	o.since = at("2026-11-21T00:00:00Z");
	o.ngroup = 0;
	o.by = KPI_BY_NONE;
	k = run(&o, lines);
	assert_int_equal(kpi_nrows(k), 1);
	assert_float_equal(total(k, "conversations"), 1, 0);
	assert_float_equal(total(k, "messages"), 3, 0);
	assert_float_equal(total(k, "frt_mean"), 60, 0);
	kpi_free(k);
	buf_free(&label);
}

/* The same conversation shuffled gives the same figures. */
static void
test_out_of_order(void **state)
{
	static const char *const reversed[] = {
		STATUS("c", "2026-11-20T11:00:00Z", "resolved"),
		C("c", "2026-11-20T10:40:00Z", "agent", ",\"agent\":\"li\""),
		C("c", "2026-11-20T10:10:00Z", "customer", ""),
		C("c", "2026-11-20T10:00:00Z", "customer", ""),
		NULL
	};
	static const char *const merged[] = {
		/* customers' file, then agents' file */
		C("d", "2026-11-20T10:00:00Z", "customer", ""),
		C("d", "2026-11-20T10:30:00Z", "customer", ""),
		C("d", "2026-11-20T10:10:00Z", "agent", ""),
		C("d", "2026-11-20T10:50:00Z", "agent", ""),
		NULL
	};
	static const char *const agents_first[] = {
		C("e", "2026-11-20T10:10:00Z", "agent", ",\"agent\":\"li\""),
		C("e", "2026-11-20T10:50:00Z", "agent", ",\"agent\":\"wang\""),
		C("e", "2026-11-20T10:00:00Z", "customer", ""),
		C("e", "2026-11-20T10:30:00Z", "customer", ""),
		NULL
	};
	static const char *const dropped[] = {
		C("f", "2026-11-20T10:00:00Z", "customer", ""),
		C("f", "2026-11-20T10:10:00Z", "agent", ",\"agent\":\"li\""),
		C("f", "2026-11-20T10:20:00Z", "agent", ",\"agent\":\"wang\""),
		C("f", "2026-11-20T10:30:00Z", "agent", ",\"agent\":\"li\""),
		C("f", "2026-11-20T10:15:00Z", "customer", ""),
		NULL
	};
	static const char *const group[] = { "agent" };
	struct kpi_opts o = defaults();
	struct kpi *k;
	struct buf label = BUF_INIT;

	(void)state;
	o.group = group;
	o.ngroup = 1;
	k = run(&o, reversed);
	assert_float_equal(total(k, "frt_mean"), 2400, 0);
	assert_float_equal(total(k, "reply_count"), 1, 0);
	assert_float_equal(total(k, "reply_mean"), 2400, 0);
	assert_float_equal(total(k, "resolution_mean"), 3600, 0);
	assert_float_equal(total(k, "resolution_inferred"), 0, 0);
	kpi_row_label(k, 0, &label);
	assert_string_equal(buf_str(&label), "agent=li");
	assert_float_equal(val(k, 0, "conversations"), 1, 0);
	assert_int_equal(kpi_reordered(k), 0);	/* nothing dropped: exact */
	kpi_free(k);
	/* Two files concatenated (customers', then agents'): the unanswered
	 * run was held, so this is exact too.  Replies 10m and 20m. */
	k = run(&o, merged);
	assert_float_equal(total(k, "reply_count"), 2, 0);
	assert_float_equal(total(k, "reply_mean"), 900, 0);
	assert_float_equal(total(k, "frt_mean"), 600, 0);
	assert_int_equal(kpi_reordered(k), 0);
	kpi_free(k);
	/* Agents' file first: the outbound responses were held. */
	k = run(&o, agents_first);
	assert_float_equal(total(k, "reply_count"), 2, 0);
	assert_float_equal(total(k, "reply_mean"), 900, 0);
	assert_float_equal(val(k, 0, "frt_mean"), 600, 0);
	buf_reset(&label);
	kpi_row_label(k, 0, &label);
	assert_string_equal(buf_str(&label), "agent=li");
	kpi_free(k);
	/* Where the fold had dropped a message the late one lands next to,
	 * only --any-order is exact: the 10:20 follow-up was dropped, so the
	 * 10:15 message looks answered at 10:30. */
	k = run(&o, dropped);
	assert_float_equal(total(k, "reply_mean"), 750, 0);	/* 10m, 15m */
	assert_int_equal(kpi_reordered(k), 1);	/* and says so */
	kpi_free(k);
	o.any_order = 1;
	k = run(&o, dropped);
	assert_float_equal(total(k, "reply_count"), 2, 0);
	assert_float_equal(total(k, "reply_mean"), 450, 0);	/* 10m, 5m */
	assert_int_equal(kpi_reordered(k), 0);
	kpi_free(k);
	buf_free(&label);
}

/* A small deterministic random stream (splitmix64). */
static uint64_t
next_random(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Random conversations, events in time order, as JSON lines. */
static char **
random_log(uint64_t *rnd, int nconv, int *nlines)
{
	static const char *const roles[] = { "customer", "customer", "agent",
		"agent", "bot", "system" };
	static const char *const agents[] = { "li", "wang", "anna" };
	char **lines = NULL;
	int n = 0;

	for (int c = 0; c < nconv; c++) {
		long t = 1780000000L + c * 600;
		int len = 2 + (int)(next_random(rnd) % 9);
		for (int e = 0; e < len; e++) {
			char *line = malloc(200);
			uint64_t r = next_random(rnd);
			/* Strictly later: at equal times the input order decides,
			 * which moving an event changes. */
			t += 60 + (long)(r % 3) * 300;
			if (r % 13 == 0)
				snprintf(line, 200, "{\"type\":\"status\",\"conversation"
				    "\":\"c%d\",\"ts\":%ld,\"status\":\"%s\"}", c, t,
				    r % 2 ? "resolved" : "reopened");
			else
				snprintf(line, 200, "{\"conversation\":\"c%d\",\"ts\":"
				    "%ld,\"role\":\"%s\",\"agent\":\"%s\"}", c, t,
				    roles[(r >> 8) % 6], agents[(r >> 16) % 3]);
			lines = realloc(lines, sizeof *lines * (size_t)(n + 2));
			lines[n++] = line;
		}
	}
	lines[n] = NULL;
	*nlines = n;
	return lines;
}

/* Every figure of every row, as text, to compare two reports. */
static void
report_text(struct kpi *k, struct buf *out)
{
	buf_reset(out);
	for (size_t r = 0; r < kpi_nrows(k); r++) {
		cJSON *o = kpi_row_object(k, r, NULL, 0);
		char *s = cJSON_PrintUnformatted(o);
		buf_adds(out, s);
		buf_addc(out, '\n');
		free(s);
		cJSON_Delete(o);
	}
}

/*
 * The promise of the fold: moving some events to the end of the input gives
 * the same report as the sorted input, unless kpi_reordered() says it may
 * not; and with any_order always the same.
 */
static void
test_late_events_property(void **state)
{
	static const char *const group[] = { "agent" };
	uint64_t rnd = 42;
	int n, exact = 0, flagged = 0;
	char **lines = random_log(&rnd, 60, &n);
	const char **moved = malloc(sizeof *moved * (size_t)(n + 1));
	struct kpi_opts o = defaults();
	struct buf want = BUF_INIT, got = BUF_INIT;
	struct kpi *k;

	(void)state;
	o.group = group;
	o.ngroup = 1;
	k = run(&o, (const char *const *)lines);
	report_text(k, &want);
	kpi_free(k);
	for (int round = 0; round < 300; round++) {
		/* Take 1 to 4 random events out and append them. */
		int late[4], nlate = 1 + (int)(next_random(&rnd) % 4), m = 0;
		for (int i = 0; i < nlate; i++)
			late[i] = (int)(next_random(&rnd) % (uint64_t)n);
		for (int i = 0; i < n; i++) {
			int is_late = 0;
			for (int j = 0; j < nlate; j++)
				is_late |= late[j] == i;
			if (!is_late)
				moved[m++] = lines[i];
		}
		for (int i = 0; i < n; i++)
			for (int j = 0; j < nlate; j++)
				if (late[j] == i) {
					moved[m++] = lines[i];
					break;
				}
		moved[m] = NULL;
		o.any_order = 0;
		k = run(&o, moved);
		report_text(k, &got);
		if (kpi_reordered(k) == 0) {
			assert_string_equal(buf_str(&got), buf_str(&want));
			exact++;
		} else
			flagged++;
		kpi_free(k);
		o.any_order = 1;
		k = run(&o, moved);
		report_text(k, &got);
		assert_string_equal(buf_str(&got), buf_str(&want));
		kpi_free(k);
	}
	/* Both kinds happened, so both promises were tested. */
	assert_true(exact > 50);
	assert_true(flagged > 10);
	for (int i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	free(moved);
	buf_free(&want);
	buf_free(&got);
}

static double
business(const void *cal, cs_time from, cs_time to)
{
	return cal_business_seconds(cal, from, to);
}

static void
test_business_hours(void **state)
{
	static const char *const weekend[] = {
		/* Friday 17:30 → Monday 09:15, team Mon-Fri 09-18 UTC. */
		C("w", "2026-11-20T17:30:00Z", "customer", ""),
		C("w", "2026-11-23T09:15:00Z", "agent", ""),
		NULL
	};
	static const char *const dst[] = {
		/* Berlin: Saturday 2026-10-24 17:00 CEST (15:00Z) → Monday
		 * 10:00 CET (09:00Z); clocks go back on Sunday 03:00. */
		C("d", "2026-10-24T15:00:00Z", "customer", ""),
		C("d", "2026-10-26T09:00:00Z", "agent", ""),
		/* 23:00 CEST Saturday → 07:00 CET Sunday, window 00:00-06:00,
		 * which lasts 7 real hours that night. */
		C("n", "2026-10-24T21:00:00Z", "customer", ""),
		C("n", "2026-10-25T06:00:00Z", "agent", ""),
		NULL
	};
	struct tz_db *db = tzdb_open(NULL);
	struct buf why = BUF_INIT;
	struct kpi_opts o = defaults();
	struct kpi *k;

	(void)state;
	assert_non_null(db);
	struct cal *cal = cal_from_options(db, "Mon-Fri 09:00-18:00", "UTC",
	    NULL, &why);
	assert_non_null(cal);
	o.business = business;
	o.business_ctx = cal;
	k = run(&o, weekend);
	/* Calendar: 2d15h45m; open: 30m Friday + 15m Monday. */
	assert_float_equal(total(k, "frt_mean"), 229500, 0);
	assert_float_equal(total(k, "frt_bh_mean"), 2700, 0);
	assert_float_equal(total(k, "reply_bh_p50"), 2700, 0);
	assert_float_equal(total(k, "resolution_bh_max"), 2700, 0);
	assert_float_equal(total(k, "frt_bh_count"), 1, 0);
	kpi_free(k);
	cal_free(cal);

	cal = cal_from_options(db, "daily 09:00-18:00", "Europe/Berlin", NULL,
	    &why);
	assert_non_null(cal);
	o.business_ctx = cal;
	static const char *const one[] = { NULL, NULL, NULL };
	const char *lines[3];
	memcpy(lines, one, sizeof lines);
	lines[0] = dst[0];
	lines[1] = dst[1];
	k = run(&o, lines);
	/* 42h of calendar; open: Sat 17-18 (1h), Sun 9-18 (9h), Mon 9-10
	 * (1h) = 11h. */
	assert_float_equal(total(k, "frt_mean"), 151200, 0);
	assert_float_equal(total(k, "frt_bh_mean"), 39600, 0);
	kpi_free(k);
	cal_free(cal);

	cal = cal_from_options(db, "daily 00:00-06:00", "Europe/Berlin", NULL,
	    &why);
	assert_non_null(cal);
	o.business_ctx = cal;
	lines[0] = dst[2];
	lines[1] = dst[3];
	k = run(&o, lines);
	/* 9h of calendar, 7h of it open (22:00Z to 05:00Z). */
	assert_float_equal(total(k, "frt_mean"), 32400, 0);
	assert_float_equal(total(k, "frt_bh_mean"), 25200, 0);
	kpi_free(k);
	cal_free(cal);
	buf_free(&why);
	tzdb_close(db);
}

static void
test_buckets_in_zone(void **state)
{
	static const char *const lines[] = {
		/* 23:30Z on the 20th is 07:30 on the 21st in Shanghai. */
		C("z", "2026-11-20T23:30:00Z", "customer", ""),
		C("z", "2026-11-20T23:40:00Z", "agent", ""),
		NULL
	};
	struct tz_db *db = tzdb_open(NULL);
	struct kpi_opts o = defaults();
	struct kpi *k;
	struct buf label = BUF_INIT;
	cs_time t;

	(void)state;
	o.tz = tzdb_zone(db, "Asia/Shanghai");
	assert_non_null(o.tz);
	o.by = KPI_BY_DAY;
	k = run(&o, lines);
	kpi_row_label(k, 0, &label);
	assert_string_equal(buf_str(&label), "day=2026-11-21");
	kpi_free(k);
	o.by = KPI_BY_HOUR;
	k = run(&o, lines);
	buf_reset(&label);
	kpi_row_label(k, 0, &label);
	assert_string_equal(buf_str(&label), "hour=2026-11-21T07:00:00+08:00");
	kpi_free(k);
	o.by = KPI_BY_WEEK;
	k = run(&o, lines);
	buf_reset(&label);
	kpi_row_label(k, 0, &label);
	assert_string_equal(buf_str(&label), "week=2026-11-16");
	kpi_free(k);
	/* today / yesterday: local midnights; 7d back from now. */
	cs_time now = at("2026-11-20T23:30:00Z");
	assert_int_equal(kpi_parse_instant("today", now, o.tz, &parser, &t), 0);
	assert_true(t == at("2026-11-20T16:00:00Z"));
	assert_int_equal(kpi_parse_instant("yesterday", now, o.tz, &parser,
	    &t), 0);
	assert_true(t == at("2026-11-19T16:00:00Z"));
	assert_int_equal(kpi_parse_instant("7d", now, NULL, &parser, &t), 0);
	assert_true(t == at("2026-11-13T23:30:00Z"));
	assert_int_equal(kpi_parse_instant("2026-11-01T00:00:00+08:00", now,
	    NULL, &parser, &t), 0);
	assert_true(t == at("2026-10-31T16:00:00Z"));
	assert_int_equal(kpi_parse_instant("soon", now, NULL, &parser, &t), -1);
	buf_free(&label);
	tzdb_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bot_then_agent),
		cmocka_unit_test(test_outbound),
		cmocka_unit_test(test_no_reply),
		cmocka_unit_test(test_reply_after_now),
		cmocka_unit_test(test_two_customer_messages),
		cmocka_unit_test(test_reopened),
		cmocka_unit_test(test_status_open_starts),
		cmocka_unit_test(test_ratings),
		cmocka_unit_test(test_repeat_buyer_by_month),
		cmocka_unit_test(test_month_change),
		cmocka_unit_test(test_conversion_and_attribution),
		cmocka_unit_test(test_conversion_orders_any_order),
		cmocka_unit_test(test_group_conversation_and_period),
		cmocka_unit_test(test_out_of_order),
		cmocka_unit_test(test_late_events_property),
		cmocka_unit_test(test_business_hours),
		cmocka_unit_test(test_buckets_in_zone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
