/*
 * lib/kpi views: a view counted in the pass of another kpi gives, row for
 * row and figure for figure, what a kpi of its own with the same options
 * gives over the same events; the conversation visitor agrees with the
 * figures it stands beside.
 */
#include "unit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "kpi.h"
#include "tz.h"

static struct fieldmap no_map = FIELDMAP_INIT;
static struct ts_parser parser;

static const cs_time DAY = 86400 * 1000LL;
/* 2026-11-01T00:00:00Z */
static const cs_time T0 = 1793491200000LL;

static uint64_t rng = 88172645463325252ULL;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static void
add_time(cJSON *o, cs_time t)
{
	struct buf b = BUF_INIT;

	ts_format_utc(t, &b);
	cJSON_AddStringToObject(o, "ts", buf_str(&b));
	buf_free(&b);
}

/*
 * A month of made-up events: conversations with replies, ratings, orders,
 * statuses, escalations, fields that come and go, some of them out of
 * order; every event a cJSON object, in *evs.
 */
static int
make_events(cJSON ***evs)
{
	static const char *const agents[] = { "li", "wang", "zhao", "anna" };
	static const char *const countries[] = { "DE", "US", "JP", "BR" };
	static const char *const langs[] = { "de", "en", "ja", "pt", "zh" };
	static const char *const intents[] = { "shipping", "refund",
		"return", "complaint" };
	int n = 0, cap = 0;
	char id[32], cust[32];

	*evs = NULL;
	for (int c = 0; c < 400; c++) {
		cs_time t = T0 + (cs_time)rnd(30 * 24 * 60) * 60000;
		int nev = 1 + (int)rnd(6);
		snprintf(id, sizeof id, "cv-%d", c);
		snprintf(cust, sizeof cust, "cu-%d", (int)rnd(150));
		for (int e = 0; e < nev + 3; e++) {
			if (n + 1 >= cap)
				*evs = realloc(*evs, sizeof **evs *
				    (size_t)(cap = cap ? cap * 2 : 256));
			cJSON *o = cJSON_CreateObject();
			cJSON_AddStringToObject(o, "conversation", id);
			cJSON_AddStringToObject(o, "customer", cust);
			if (e == nev) {		/* a rating, sometimes */
				if (rnd(3) != 0) {
					cJSON_Delete(o);
					continue;
				}
				cJSON_AddStringToObject(o, "type", "rating");
				if (rnd(4) == 0)	/* from a survey tool */
					cJSON_DeleteItemFromObject(o,
					    "conversation");
				cJSON_AddNumberToObject(o, "score",
				    1 + (int)rnd(5));
			} else if (e == nev + 1) {	/* an order, sometimes */
				if (rnd(4) != 0) {
					cJSON_Delete(o);
					continue;
				}
				cJSON_DeleteItemFromObject(o, "conversation");
				cJSON_AddStringToObject(o, "type", "order");
				cJSON_AddNumberToObject(o, "amount", 10);
				if (rnd(2))
					cJSON_AddStringToObject(o, "country",
					    countries[rnd(4)]);
			} else if (e == nev + 2) {	/* resolved, sometimes */
				if (rnd(2) != 0) {
					cJSON_Delete(o);
					continue;
				}
				cJSON_AddStringToObject(o, "type", "status");
				cJSON_AddStringToObject(o, "status", "resolved");
			} else if (e % 2 == 0) {
				cJSON_AddStringToObject(o, "role", "customer");
				if (rnd(3))
					cJSON_AddStringToObject(o, "country",
					    countries[rnd(4)]);
				if (rnd(4))
					cJSON_AddStringToObject(o, "lang",
					    langs[rnd(5)]);
				if (rnd(3))
					cJSON_AddStringToObject(o, "intent",
					    intents[rnd(4)]);
				cJSON_AddBoolToObject(o, "escalate", rnd(9) == 0);
			} else {
				cJSON_AddStringToObject(o, "role",
				    rnd(8) ? "agent" : "bot");
				cJSON_AddStringToObject(o, "agent",
				    agents[rnd(4)]);
			}
			t += (cs_time)(1 + rnd(180)) * 60000;
			/* now and then an event out of order */
			add_time(o, rnd(15) == 0 ? t - 200 * 60000 : t);
			(*evs)[n++] = o;
		}
	}
	/* Interleave conversations: a deterministic shuffle by blocks. */
	for (int i = n - 1; i > 0; i--) {
		int j = i - (int)rnd(i < 40 ? (unsigned)i + 1 : 40);
		cJSON *x = (*evs)[i];
		(*evs)[i] = (*evs)[j];
		(*evs)[j] = x;
	}
	return n;
}

static struct kpi_opts
base_opts(const struct tz_zone *tz)
{
	struct kpi_opts o = { 0 };

	o.map = &no_map;
	o.ts = &parser;
	o.sla = 3600;
	o.window = 7 * 86400;
	o.tz = tz;
	o.since = o.until = o.now = CS_TIME_NONE;
	return o;
}

static void
feed(struct kpi *k, cJSON **evs, int n)
{
	for (int i = 0; i < n; i++)
		if (kpi_add(k, evs[i]) != NULL)
			kpi_reject(k);
	kpi_finish(k);
}

/* Every row of two kpis as JSON text, equal. */
static void
assert_same_rows(struct kpi *a, struct kpi *b)
{
	assert_int_equal(kpi_nrows(a), kpi_nrows(b));
	for (size_t r = 0; r < kpi_nrows(a); r++) {
		cJSON *x = kpi_row_object(a, r, NULL, 0);
		cJSON *y = kpi_row_object(b, r, NULL, 0);
		char *sx = cJSON_PrintUnformatted(x);
		char *sy = cJSON_PrintUnformatted(y);
		if (strcmp(sx, sy) != 0)
			fail_msg("row %zu differs:\n view %s\n own  %s", r, sx,
			    sy);
		free(sx);
		free(sy);
		cJSON_Delete(x);
		cJSON_Delete(y);
	}
}

struct spec {
	const char *const	*group;
	int			 ngroup;
	enum kpi_bucket		 by;
	int			 from_day, to_day;	/* -1: open */
};

static cs_time
day_at(int d)
{
	return d < 0 ? CS_TIME_NONE : T0 + d * DAY;
}

static void
test_views_equal_own_runs(void **state)
{
	static const char *const agent[] = { "agent" };
	static const char *const country[] = { "country" };
	static const char *const lang_intent[] = { "lang", "intent" };
	static const char *const intent[] = { "intent" };
	static const struct spec specs[] = {
		{ NULL, 0, KPI_BY_NONE, 20, 21 },
		{ NULL, 0, KPI_BY_NONE, 19, 20 },
		{ NULL, 0, KPI_BY_DAY, 3, 31 },
		{ NULL, 0, KPI_BY_HOUR_OF_DAY, 3, 31 },
		{ NULL, 0, KPI_BY_WEEKDAY_HOUR, -1, -1 },
		{ agent, 1, KPI_BY_NONE, 20, 21 },
		{ agent, 1, KPI_BY_NONE, 13, 20 },
		{ country, 1, KPI_BY_NONE, 10, 25 },
		{ lang_intent, 2, KPI_BY_NONE, 0, 31 },
		{ intent, 1, KPI_BY_WEEK, -1, 28 },
	};
	enum { NSPEC = sizeof specs / sizeof specs[0] };
	struct tz_db *db = tzdb_open(NULL);
	const struct tz_zone *tz = tzdb_zone(db, "Asia/Shanghai");
	cJSON **evs;
	int n = make_events(&evs);
	struct kpi *views[NSPEC];
	static const char *const main_group[] = { "country" };

	(void)state;
	assert_non_null(tz);
	/* The kpi the views ride on has a grouping and a period of its own. */
	struct kpi_opts o = base_opts(tz);
	o.group = main_group;
	o.ngroup = 1;
	o.since = day_at(5);
	o.until = day_at(12);
	struct kpi *k = kpi_new(&o);
	for (int i = 0; i < NSPEC; i++) {
		struct kpi_view_opts vo = { specs[i].group, specs[i].ngroup,
			specs[i].by, day_at(specs[i].from_day),
			day_at(specs[i].to_day) };
		views[i] = kpi_view_add(k, &vo);
	}
	feed(k, evs, n);
	/* Its own figures are those of a run without views. */
	struct kpi *plain = kpi_new(&o);
	feed(plain, evs, n);
	assert_same_rows(k, plain);
	kpi_free(plain);
	for (int i = 0; i < NSPEC; i++) {
		struct kpi_opts so = base_opts(tz);
		so.group = specs[i].group;
		so.ngroup = specs[i].ngroup;
		so.by = specs[i].by;
		so.since = day_at(specs[i].from_day);
		so.until = day_at(specs[i].to_day);
		struct kpi *own = kpi_new(&so);
		feed(own, evs, n);
		assert_true(kpi_nrows(own) > 1 || specs[i].ngroup == 0);
		assert_same_rows(views[i], own);
		kpi_free(own);
	}
	kpi_free(k);
	for (int i = 0; i < n; i++)
		cJSON_Delete(evs[i]);
	free(evs);
	tzdb_close(db);
}

struct tally {
	struct kpi	*k;
	cs_time		 since, until;
	int		 field_agent;
	int		 conversations, breached, unanswered, escalated, waiting;
	int		 agents_seen;
};

static void
tally(void *ctx, const struct kpi_conversation *c)
{
	struct tally *t = ctx;

	assert_non_null(c->id);
	assert_true(strncmp(c->id, "cv-", 3) == 0);
	if (c->waiting_since != CS_TIME_NONE)
		t->waiting++;
	if (c->start < t->since || c->start >= t->until)
		return;
	t->conversations++;
	t->breached += c->breached;
	t->unanswered += c->first_response == CS_TIME_NONE;
	t->escalated += c->escalated;
	t->agents_seen += kpi_conversation_value(t->k, c, t->field_agent)
	    != NULL;
	/* An unanswered conversation waits, unless it was resolved. */
	if (c->first_response == CS_TIME_NONE && !c->closed)
		assert_true(c->waiting_since != CS_TIME_NONE ||
		    c->start != CS_TIME_NONE);
}

static void
test_visitor_agrees(void **state)
{
	cJSON **evs;
	int n = make_events(&evs);
	struct kpi_opts o = base_opts(NULL);
	struct tally t = { 0 };

	(void)state;
	o.since = t.since = day_at(10);
	o.until = t.until = day_at(20);
	struct kpi *k = kpi_new(&o);
	t.k = k;
	t.field_agent = kpi_field(k, "agent");
	assert_int_equal(kpi_field(k, "agent"), t.field_agent);
	assert_string_equal(kpi_field_name(k, t.field_agent), "agent");
	kpi_on_conversation(k, tally, &t);
	feed(k, evs, n);
	size_t tot = kpi_nrows(k) - 1;
	double v;
	assert_int_equal(kpi_value(k, tot, kpi_metric_find(k, "conversations"),
	    &v), 0);
	assert_true(t.conversations > 50);
	assert_int_equal(t.conversations, (int)v);
	kpi_value(k, tot, kpi_metric_find(k, "sla_breaches"), &v);
	assert_int_equal(t.breached, (int)v);
	kpi_value(k, tot, kpi_metric_find(k, "unanswered"), &v);
	assert_int_equal(t.unanswered, (int)v);
	kpi_value(k, tot, kpi_metric_find(k, "frt_count"), &v);
	assert_int_equal(t.agents_seen, (int)v);
	assert_true(t.escalated > 0 && t.escalated < t.conversations);
	assert_true(t.waiting > 0);
	kpi_free(k);
	for (int i = 0; i < n; i++)
		cJSON_Delete(evs[i]);
	free(evs);
}

static void
test_hour_buckets(void **state)
{
	static const char *const lines[] = {
		/* 2026-11-02 is a Monday; 01:30Z is 09:30 in Shanghai. */
		"{\"conversation\":\"a\",\"ts\":\"2026-11-02T01:30:00Z\","
		    "\"role\":\"customer\"}",
		"{\"conversation\":\"a\",\"ts\":\"2026-11-02T01:40:00Z\","
		    "\"role\":\"agent\"}",
		/* Sunday 23:10 in Shanghai */
		"{\"conversation\":\"b\",\"ts\":\"2026-11-08T15:10:00Z\","
		    "\"role\":\"customer\"}",
		NULL
	};
	struct tz_db *db = tzdb_open(NULL);
	struct kpi_opts o = base_opts(tzdb_zone(db, "Asia/Shanghai"));
	struct buf label = BUF_INIT;

	(void)state;
	o.by = KPI_BY_WEEKDAY_HOUR;
	struct kpi *k = kpi_new(&o);
	for (const char *const *l = lines; *l; l++) {
		cJSON *ev = cJSON_Parse(*l);
		assert_null(kpi_add(k, ev));
		cJSON_Delete(ev);
	}
	kpi_finish(k);
	assert_int_equal(kpi_nrows(k), 3);
	assert_int_equal(kpi_row_bucket(k, 0), 9);
	assert_int_equal(kpi_row_bucket(k, 1), 6 * 24 + 23);
	kpi_row_label(k, 1, &label);
	assert_string_equal(buf_str(&label), "weekday_hour=Sun 23");
	assert_null(kpi_row_key(k, 2, 0));
	kpi_free(k);
	buf_free(&label);
	tzdb_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_views_equal_own_runs),
		cmocka_unit_test(test_visitor_agrees),
		cmocka_unit_test(test_hour_buckets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
