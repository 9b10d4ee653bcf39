#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "hmap.h"
#include "json.h"
#include "kpi.h"
#include "stats.h"
#include "suggest.h"
#include "tz.h"

/* ---- metrics ------------------------------------------------------------- */

enum metric {
	M_CONVERSATIONS, M_MESSAGES, M_CUSTOMER_MESSAGES, M_AGENT_MESSAGES,
	M_BOT_MESSAGES, M_NOTES,
	M_FRT_COUNT, M_FRT_MEAN, M_FRT_P50, M_FRT_P90, M_FRT_MAX,
	M_REPLY_COUNT, M_REPLY_MEAN, M_REPLY_P50, M_REPLY_P90, M_REPLY_MAX,
	M_RES_COUNT, M_RES_MEAN, M_RES_P50, M_RES_P90, M_RES_MAX,
	M_UNANSWERED, M_SLA_BREACHES, M_SLA_SHARE, M_RATINGS, M_CSAT,
	M_CSAT_SHARE, M_CUSTOMERS_ORDERING, M_REPEAT_CUSTOMERS,
	M_REPURCHASE_RATE, M_CONVERSIONS, M_CONVERSION_RATE,
	M_CONVERSION_AMOUNT, M_REJECTED,
	M_RES_INFERRED,
	M_FRT_BH_COUNT, M_FRT_BH_MEAN, M_FRT_BH_P50, M_FRT_BH_P90, M_FRT_BH_MAX,
	M_REPLY_BH_COUNT, M_REPLY_BH_MEAN, M_REPLY_BH_P50, M_REPLY_BH_P90,
	M_REPLY_BH_MAX,
	M_RES_BH_COUNT, M_RES_BH_MEAN, M_RES_BH_P50, M_RES_BH_P90, M_RES_BH_MAX,
	M_SLA_SHARE_CHANGE, M_CSAT_CHANGE, M_CSAT_SHARE_CHANGE,
	M_REPURCHASE_RATE_CHANGE, M_CONVERSION_RATE_CHANGE,
	M_NMETRICS
};

/* How a value is rounded and shown. */
/* When a metric exists: always, with business hours, with --by. */
enum mwhen { MW_ALWAYS, MW_BUSINESS, MW_BY };

static const struct metric_def {
	const char	*name;
	enum kpi_kind	 kind;
	enum mwhen	 when;
	const char	*text;		/* one line, for --metrics list */
} metric_defs[M_NMETRICS] = {
	{ "conversations", KPI_COUNT, MW_ALWAYS,
	    "conversations started in the period (first buyer message)" },
	{ "messages", KPI_COUNT, MW_ALWAYS,
	    "message events, every role" },
	{ "customer_messages", KPI_COUNT, MW_ALWAYS,
	    "messages from buyers" },
	{ "agent_messages", KPI_COUNT, MW_ALWAYS,
	    "messages from agents, notes left out" },
	{ "bot_messages", KPI_COUNT, MW_ALWAYS,
	    "messages from bots" },
	{ "notes", KPI_COUNT, MW_ALWAYS,
	    "private or internal notes, never replies" },
	{ "frt_count", KPI_COUNT, MW_ALWAYS,
	    "conversations with a first response" },
	{ "frt_mean", KPI_DURATION, MW_ALWAYS,
	    "mean first response time: start to first agent message" },
	{ "frt_p50", KPI_DURATION, MW_ALWAYS,
	    "median first response time" },
	{ "frt_p90", KPI_DURATION, MW_ALWAYS,
	    "90th percentile of first response time" },
	{ "frt_max", KPI_DURATION, MW_ALWAYS,
	    "longest first response time" },
	{ "reply_count", KPI_COUNT, MW_ALWAYS,
	    "buyer turns answered (buyer messages to the next response)" },
	{ "reply_mean", KPI_DURATION, MW_ALWAYS,
	    "mean reply time of a buyer turn" },
	{ "reply_p50", KPI_DURATION, MW_ALWAYS,
	    "median reply time" },
	{ "reply_p90", KPI_DURATION, MW_ALWAYS,
	    "90th percentile of reply time" },
	{ "reply_max", KPI_DURATION, MW_ALWAYS,
	    "longest reply time" },
	{ "resolution_count", KPI_COUNT, MW_ALWAYS,
	    "conversations with a resolution time" },
	{ "resolution_mean", KPI_DURATION, MW_ALWAYS,
	    "mean time from start to status resolved (else the last response)" },
	{ "resolution_p50", KPI_DURATION, MW_ALWAYS,
	    "median resolution time" },
	{ "resolution_p90", KPI_DURATION, MW_ALWAYS,
	    "90th percentile of resolution time" },
	{ "resolution_max", KPI_DURATION, MW_ALWAYS,
	    "longest resolution time" },
	{ "unanswered", KPI_COUNT, MW_ALWAYS,
	    "conversations with no agent response yet" },
	{ "sla_breaches", KPI_COUNT, MW_ALWAYS,
	    "answered later than --sla, or unanswered and older than it" },
	{ "sla_share", KPI_SHARE, MW_ALWAYS,
	    "share answered within --sla of those answered or breached" },
	{ "ratings", KPI_COUNT, MW_ALWAYS,
	    "ratings: 1-5 scores and good/bad thumbs" },
	{ "csat", KPI_SCORE, MW_ALWAYS,
	    "mean score of the 1-5 ratings" },
	{ "csat_share", KPI_SHARE, MW_ALWAYS,
	    "share of good ratings: 4-5 stars or thumbs up" },
	{ "customers_ordering", KPI_COUNT, MW_ALWAYS,
	    "buyers with an order (distinct order_id) in the period" },
	{ "repeat_customers", KPI_COUNT, MW_ALWAYS,
	    "buyers with two or more orders" },
	{ "repurchase_rate", KPI_SHARE, MW_ALWAYS,
	    "repeat_customers over customers_ordering" },
	{ "conversions", KPI_COUNT, MW_ALWAYS,
	    "conversations whose buyer ordered within --window of the start" },
	{ "conversion_rate", KPI_SHARE, MW_ALWAYS,
	    "conversions over conversations" },
	{ "conversion_amount", KPI_AMOUNTS, MW_ALWAYS,
	    "revenue of the converting orders, by currency" },
	{ "rejected", KPI_COUNT, MW_ALWAYS,
	    "lines that were no good event (total row only)" },
	{ "resolution_inferred", KPI_COUNT, MW_ALWAYS,
	    "resolution times measured to the last response (no status)" },
	{ "frt_bh_count", KPI_COUNT, MW_BUSINESS,
	    "first response times measured in business hours" },
	{ "frt_bh_mean", KPI_DURATION, MW_BUSINESS,
	    "mean first response time in business hours (--hours)" },
	{ "frt_bh_p50", KPI_DURATION, MW_BUSINESS,
	    "median first response time in business hours" },
	{ "frt_bh_p90", KPI_DURATION, MW_BUSINESS,
	    "90th percentile of first response time in business hours" },
	{ "frt_bh_max", KPI_DURATION, MW_BUSINESS,
	    "longest first response time in business hours" },
	{ "reply_bh_count", KPI_COUNT, MW_BUSINESS,
	    "reply times measured in business hours" },
	{ "reply_bh_mean", KPI_DURATION, MW_BUSINESS,
	    "mean reply time in business hours (--hours)" },
	{ "reply_bh_p50", KPI_DURATION, MW_BUSINESS,
	    "median reply time in business hours" },
	{ "reply_bh_p90", KPI_DURATION, MW_BUSINESS,
	    "90th percentile of reply time in business hours" },
	{ "reply_bh_max", KPI_DURATION, MW_BUSINESS,
	    "longest reply time in business hours" },
	{ "resolution_bh_count", KPI_COUNT, MW_BUSINESS,
	    "resolution times measured in business hours" },
	{ "resolution_bh_mean", KPI_DURATION, MW_BUSINESS,
	    "mean resolution time in business hours (--hours)" },
	{ "resolution_bh_p50", KPI_DURATION, MW_BUSINESS,
	    "median resolution time in business hours" },
	{ "resolution_bh_p90", KPI_DURATION, MW_BUSINESS,
	    "90th percentile of resolution time in business hours" },
	{ "resolution_bh_max", KPI_DURATION, MW_BUSINESS,
	    "longest resolution time in business hours" },
	{ "sla_share_change", KPI_SHARE, MW_BY,
	    "sla_share minus the same group's in the period before (--by)" },
	{ "csat_change", KPI_SCORE, MW_BY,
	    "csat minus the same group's in the period before (--by)" },
	{ "csat_share_change", KPI_SHARE, MW_BY,
	    "csat_share minus the same group's in the period before (--by)" },
	{ "repurchase_rate_change", KPI_SHARE, MW_BY,
	    "repurchase_rate minus the same group's in the period before (--by)" },
	{ "conversion_rate_change", KPI_SHARE, MW_BY,
	    "conversion_rate minus the same group's in the period before (--by)" },
};

/* The rate each change column follows. */
static const enum metric change_of[][2] = {
	{ M_SLA_SHARE_CHANGE, M_SLA_SHARE }, { M_CSAT_CHANGE, M_CSAT },
	{ M_CSAT_SHARE_CHANGE, M_CSAT_SHARE },
	{ M_REPURCHASE_RATE_CHANGE, M_REPURCHASE_RATE },
	{ M_CONVERSION_RATE_CHANGE, M_CONVERSION_RATE },
};

static const char *const bucket_names[] = { NULL, "hour", "day", "week",
	"month", "hour_of_day", "weekday_hour" };

static const char *const weekday_names[] = { "Mon", "Tue", "Wed", "Thu",
	"Fri", "Sat", "Sun" };

/* ---- state --------------------------------------------------------------- */

/* What an event is to the fold. */
enum kind {
	K_CUSTOMER,	/* a customer message */
	K_RESPONDER,	/* an agent message (or a bot's, with --bots-respond) */
	K_QUIET,	/* any other message: counted, never a response */
	K_OPEN, K_RESOLVED, K_REOPENED,
	K_CLASSIFIED = 0x10	/* flag: the message has an `intent` */
};

/* The roles counted apart: customer, agent, bot, then notes (by_role). */
#define ROLE_NOTE	4

/* The three times of a conversation. */
enum timing { T_FRT, T_REPLY, T_RESOLUTION };

/* How a conversation takes the value of a group field. */
enum rule { R_FIRST, R_AGENT, R_CLASSIFIED };

/* One event of a conversation that is kept as a list (out of order). */
struct kev {
	cs_time		 ts;
	uint32_t	 seq;		/* arrival order, for equal ts */
	uint32_t	 tuple;		/* its group field values (tuples map) */
	uint8_t		 kind;
};

struct held {
	cs_time		 ts;
	uint32_t	 agent;		/* string id, for an outbound response */
	uint8_t		 kind;
};

struct reply_pair {
	cs_time		 from, to;
};

/* A rating: a score 1-5, or thumbs up or down (score NAN, good 1 or 0),
 * which counts in ratings and csat_share but not in the mean. */
struct rating {
	double		 score;
	int		 good;
	cs_time		 ts;
	uint32_t	 tuple;		/* its own group field values */
};

struct conv {
	cs_time		 last_ts;	/* latest event seen (arrival) */
	/* the fold */
	cs_time		 start, first_resp, last_resp, run_start;
	cs_time		 resolved, reopened, classified_at;
	int		 closed;	/* last status was `resolved` */
	/* Kept only in case a late event lands among them: the responses
	 * before the start (outbound, usually none or one) and the later
	 * customer messages of the run still unanswered (dropped when it is
	 * answered).  The first nout are the outbound ones. */
	struct held	*held;
	uint32_t	 nheld, capheld, nout;
	cs_time		 dropped;	/* latest message the fold let go */
	int		 last_kept;	/* last_resp is also first or a reply */
	int		 approx;	/* a late event landed at or before it */
	struct reply_pair *pairs;
	uint32_t	 npairs, cappairs;
	/* kept whatever the order */
	uint32_t	 customer;	/* string id, 0 = none */
	struct rating	*ratings;
	uint32_t	 nratings, capratings;
	/* out of order */
	struct kev	*evs;
	uint32_t	 nevs, capevs;
	uint32_t	 seq;
	uint8_t		 escalated;	/* a message with `escalate: true` */
	uint32_t	 gv[];		/* field values (kpi.fields), string ids */
};

struct group {
	const struct kpi *k;		/* for sorting */
	uint32_t	*vals;		/* string ids, 0 = missing */
	int64_t		 bucket;
	uint64_t	 conversations, messages, by_role[5];
	uint64_t	 unanswered, within, breaches, inferred;
	uint64_t	 ratings, ratings_high, scored, conversions;
	double		 rating_sum;
	struct stats	 time[3];	/* by enum timing */
	struct stats	*bh;		/* the same in business hours, or NULL */
	struct hmap	 buyers;	/* customer → number of orders */
	struct hmap	 order_ids;	/* customer NUL order_id: counted */
	struct hmap	 revenue;	/* currency → amount of conversions
					 * (a double's bits) */
};

/* One order of a customer: several events of one order_id (a line item a
 * row, as shops export them) are one order, at its first instant, with the
 * first amount any of them gives. */
struct order {
	cs_time		 t;
	double		 amount;	/* NAN: none given */
	uint32_t	 currency;	/* string id, 0 = none */
	uint32_t	 id;		/* order_id's string id, 0 = none */
};

struct orders {
	struct order	*o;
	uint32_t	 n, cap;
	int		 unsorted;	/* an order came before an earlier one */
};

struct kpi {
	struct kpi_opts	 o;
	enum rule	*rules;
	int		 agent_field;	/* index in group, or -1 */
	int		 grouped;	/* any -g or --by */
	struct hmap	 strs;		/* interned values: id = index + 1 */
	struct hmap	 tuples;	/* tuple of ids → number */
	struct hmap	 convs;		/* id → struct conv * */
	size_t		 recent;	/* the entry last asked for */
	int		 full;		/* a conversation past the bound */
	struct hmap	 groups;	/* vals + bucket → struct group * */
	struct hmap	 orders;	/* customer → struct orders * */
	/* ratings without a conversation, in the period, counted at the end
	 * (after the last part of a split has come, kpi_absorb) */
	struct rating	*loose;
	uint32_t	 nloose, caploose;
	uint32_t	*tmap;		/* kpi_partial_add: a part's tuple
					 * numbers → ours */
	struct pline	*pl;		/* and its line, read */
	struct conv_at	*fin;		/* kpi_finish: the conversations */
	size_t		 nfin;
	uint32_t	 ntmap, captmap;
	struct group	 total;
	uint64_t	 rejected;
	cs_time		 latest;
	cs_time		 now;
	size_t		 reordered;
	uint32_t	*vals;		/* the current event's, scratch */
	unsigned char	*group_seen;	/* a -g field some event had */
	uint32_t	*synth;		/* a made-up event's, scratch */
	uint32_t	*zero;		/* no values at all */
	struct buf	 key, scratch, conv_text, cust_text;
	char		 why[200];
	/* after kpi_finish */
	double		 cache[M_NMETRICS], prev[M_NMETRICS];
	size_t		 cached;	/* the row in cache, or SIZE_MAX */
	struct group	**rows;
	size_t		 nrows;
	int		 metric_ids[M_NMETRICS];
	int		 nmetrics;
	/* The fields read from events: the -g ones, then those only views
	 * ask for (kpi_field); the first o.ngroup make this report's groups. */
	const char	**fields;
	int		 nfields;
	/* Views (kpi_view_add): reports of their own fed by this one. */
	struct kpi	*root;		/* of a view: the kpi it belongs to */
	int		*fmap;		/* of a view: its fields in the root's */
	struct kpi	**views;
	int		 nviews;
	kpi_conversation_fn visit;
	void		*visit_ctx;
	int		 escalate;	/* read `escalate` (views, visit) */
};

/* The views' side of the fold (the end of this file). */
static void	set_field(struct kpi *, int f, const char *name);
static void	views_message(struct kpi *, int role, cs_time);
static void	views_order(struct kpi *, const char *cust,
		    const struct order *);
static void	views_rating(struct kpi *, const uint32_t *vals,
		    const struct rating *);
static void	views_start(struct kpi *);
static void	views_conversation(struct kpi *, const struct hmap_entry *);
static void	views_free(struct kpi *);
static void	pline_free(struct pline *);	/* mergeable state, below */

/* ---- small helpers ------------------------------------------------------- */

static uint32_t
intern(struct kpi *k, const char *s, size_t len)
{
	return (uint32_t)hmap_put(&k->strs, s, len, NULL) + 1;
}

static const char *
str_of(const struct kpi *k, uint32_t id)
{
	const struct kpi *r = k->root ? k->root : k;	/* views share it */

	return id ? hmap_at(&r->strs, id - 1)->key : NULL;
}

/* A field value as a string id: strings as they are, numbers and booleans
 * as their JSON text; absent or null is 0. */
static uint32_t
value_id(struct kpi *k, const cJSON *v)
{
	if (v == NULL || cJSON_IsNull(v))
		return 0;
	if (cJSON_IsString(v))
		return intern(k, v->valuestring, strlen(v->valuestring));
	buf_reset(&k->scratch);
	json_write(&k->scratch, v);
	return intern(k, k->scratch.data, k->scratch.len);
}

static uint32_t
tuple_id(struct kpi *k, const uint32_t *vals)
{
	return (uint32_t)hmap_put(&k->tuples, vals,
	    sizeof *vals * (size_t)k->nfields, NULL);
}

static const uint32_t *
tuple_vals(const struct kpi *k, uint32_t id)
{
	return (const uint32_t *)(const void *)hmap_at(&k->tuples, id)->key;
}

static int
in_period(const struct kpi *k, cs_time t)
{
	return (k->o.since == CS_TIME_NONE || t >= k->o.since) &&
	    (k->o.until == CS_TIME_NONE || t < k->o.until);
}

static double
seconds(cs_time from, cs_time to)
{
	return (double)(to - from) / 1000;
}

static int
offset_at(const struct kpi *k, int64_t sec)
{
	return k->o.tz ? tz_offset_at(k->o.tz, sec, NULL, NULL) : 0;
}

static int64_t
bucket_of(const struct kpi *k, cs_time t)
{
	int64_t sec = civil_floor_div(t, 1000), local, day, y;
	int m, d;

	if (k->o.by == KPI_BY_NONE)
		return 0;
	local = sec + offset_at(k, sec);
	day = civil_floor_div(local, 86400);
	switch (k->o.by) {
	case KPI_BY_HOUR:
		/* The UTC instant at which the local hour began. */
		return sec - (local - civil_floor_div(local, 3600) * 3600);
	case KPI_BY_DAY:
		return day;
	case KPI_BY_WEEK:
		return day - civil_weekday(day);
	case KPI_BY_HOUR_OF_DAY:
		return civil_floor_div(local - day * 86400, 3600);
	case KPI_BY_WEEKDAY_HOUR:
		return civil_weekday(day) * 24 +
		    civil_floor_div(local - day * 86400, 3600);
	default:
		civil_from_days(day, &y, &m, &d);
		return y * 12 + m - 1;
	}
}

static void
bucket_label(const struct kpi *k, int64_t b, struct buf *out)
{
	int64_t y;
	int m, d;

	switch (k->o.by) {
	case KPI_BY_HOUR:
		ts_format_offset(b * 1000, offset_at(k, b), out);
		return;
	case KPI_BY_DAY:
	case KPI_BY_WEEK:
		civil_from_days(b, &y, &m, &d);
		buf_printf(out, "%04lld-%02d-%02d", (long long)y, m, d);
		return;
	case KPI_BY_MONTH:
		buf_printf(out, "%04lld-%02d", (long long)civil_floor_div(b, 12),
		    (int)(b - civil_floor_div(b, 12) * 12) + 1);
		return;
	case KPI_BY_HOUR_OF_DAY:
		buf_printf(out, "%02d", (int)b);
		return;
	case KPI_BY_WEEKDAY_HOUR:
		buf_printf(out, "%s %02d", weekday_names[b / 24], (int)(b % 24));
		return;
	case KPI_BY_NONE:
		return;
	}
}

/* ---- groups -------------------------------------------------------------- */

static void
group_init(struct group *g)
{
	memset(g, 0, sizeof *g);
	for (int i = 0; i < 3; i++)
		g->time[i] = (struct stats)STATS_INIT;
	g->buyers = (struct hmap)HMAP_INIT;
	g->order_ids = (struct hmap)HMAP_INIT;
	g->revenue = (struct hmap)HMAP_INIT;
}

static void
group_free(struct group *g)
{
	for (int i = 0; i < 3; i++) {
		stats_free(&g->time[i]);
		if (g->bh != NULL)
			stats_free(&g->bh[i]);
	}
	free(g->bh);
	hmap_free(&g->buyers);
	hmap_free(&g->order_ids);
	hmap_free(&g->revenue);
}

static void
group_key(struct kpi *k, const uint32_t *vals, int64_t bucket)
{
	buf_reset(&k->key);
	buf_add(&k->key, vals, sizeof *vals * (size_t)k->o.ngroup);
	buf_add(&k->key, &bucket, sizeof bucket);
}

/*
 * The group of these values and bucket, made when new; NULL when the report
 * has no groups (only the total).
 */
static struct group *
group_get(struct kpi *k, const uint32_t *vals, int64_t bucket)
{
	int added;

	if (!k->grouped)
		return NULL;
	group_key(k, vals, bucket);
	struct hmap_entry *e = hmap_at(&k->groups, hmap_put(&k->groups,
	    k->key.data, k->key.len, &added));
	if (added) {
		struct group *g = xmalloc(sizeof *g);
		group_init(g);
		g->k = k;
		g->vals = xmalloc(sizeof *vals * (size_t)(k->o.ngroup + 1));
		memcpy(g->vals, vals, sizeof *vals * (size_t)k->o.ngroup);
		g->bucket = bucket;
		e->val.ptr = g;
	}
	return e->val.ptr;
}

/* The group (when there are groups) and the total, for figures that go to
 * both: targets[0..n). */
static int
targets(struct kpi *k, const uint32_t *vals, cs_time t, struct group **tg)
{
	int n = 0;
	struct group *g = group_get(k, vals, bucket_of(k, t));

	if (g != NULL)
		tg[n++] = g;
	tg[n++] = &k->total;
	return n;
}

/* ---- the fold of one conversation ---------------------------------------- */

static void
add_pair(struct conv *c, cs_time from, cs_time to)
{
	if (c->npairs == c->cappairs) {
		c->cappairs = c->cappairs ? c->cappairs * 2 : 2;
		c->pairs = xrealloc(c->pairs, sizeof *c->pairs * c->cappairs);
	}
	c->pairs[c->npairs++] = (struct reply_pair){ from, to };
}

static void
hold(struct conv *c, cs_time t, int kind, uint32_t agent)
{
	if (c->nheld == c->capheld) {
		c->capheld = c->capheld ? c->capheld * 2 : 2;
		c->held = xrealloc(c->held, sizeof *c->held * c->capheld);
	}
	c->held[c->nheld++] = (struct held){ t, agent, (uint8_t)kind };
}

static void
capture(const struct kpi *k, struct conv *c, int rule, const uint32_t *vals)
{
	for (int f = 0; f < k->nfields; f++)
		if (k->rules[f] == (enum rule)rule &&
		    (rule != R_FIRST || c->gv[f] == 0))
			c->gv[f] = vals[f];
}

/* One event, in time order, into the conversation's summary. */
static void
fold(const struct kpi *k, struct conv *c, int kind, cs_time t,
    const uint32_t *vals)
{
	switch (kind & ~K_CLASSIFIED) {
	case K_CUSTOMER:
		if (c->start == CS_TIME_NONE)
			c->start = t;
		if (c->run_start == CS_TIME_NONE)
			c->run_start = t;
		else
			hold(c, t, K_CUSTOMER, 0);
		break;
	case K_OPEN:
		if (c->start == CS_TIME_NONE)
			c->start = t;
		break;
	case K_RESPONDER:
		if (c->start == CS_TIME_NONE) {
			/* Outbound: the agent spoke first, nothing to answer. */
			hold(c, t, K_RESPONDER, k->agent_field >= 0 ?
			    vals[k->agent_field] : 0);
			c->nout++;
			break;
		}
		/* The previous last response is let go unless the summary
		 * keeps it as the first response or a reply. */
		if (c->last_resp != CS_TIME_NONE && !c->last_kept)
			c->dropped = c->last_resp;
		c->last_kept = 0;
		if (c->first_resp == CS_TIME_NONE) {
			c->first_resp = t;
			c->last_kept = 1;
			capture(k, c, R_AGENT, vals);
		}
		if (c->run_start != CS_TIME_NONE) {
			add_pair(c, c->run_start, t);
			c->run_start = CS_TIME_NONE;
			if (c->nheld > c->nout &&
			    c->held[c->nheld - 1].ts > c->dropped)
				c->dropped = c->held[c->nheld - 1].ts;
			c->nheld = c->nout;
			c->last_kept = 1;
		}
		c->last_resp = t;
		break;
	case K_RESOLVED:
		/* Kept even before a start, so a late start can use it; only
		 * a resolution at or after the start counts (conv_into). */
		c->resolved = t;
		c->closed = 1;
		break;
	case K_REOPENED:
		c->reopened = t;
		c->closed = 0;
		break;
	}
	if ((kind & K_CLASSIFIED) && c->classified_at == CS_TIME_NONE) {
		c->classified_at = t;
		capture(k, c, R_CLASSIFIED, vals);
	}
	capture(k, c, R_FIRST, vals);
}

static void
fold_reset(const struct kpi *k, struct conv *c)
{
	c->start = c->first_resp = c->last_resp = c->run_start = CS_TIME_NONE;
	c->resolved = c->reopened = c->classified_at = CS_TIME_NONE;
	c->nheld = c->nout = 0;
	c->dropped = CS_TIME_NONE;
	c->last_kept = 0;
	c->closed = 0;
	c->npairs = 0;
	memset(c->gv, 0, sizeof *c->gv * (size_t)k->nfields);
}

static struct conv *
conv_get(struct kpi *k, const char *id, size_t len)
{
	int added;

	/* Exports grouped by conversation ask for the same one line after
	 * line: no hashing then. */
	if (k->recent != HMAP_NONE) {
		const struct hmap_entry *r = hmap_at(&k->convs, k->recent);
		if (r->len == len && memcmp(r->key, id, len) == 0)
			return r->val.ptr;
	}
	if (k->o.max_conversations > 0 &&
	    hmap_count(&k->convs) >= k->o.max_conversations &&
	    hmap_find(&k->convs, id, len) == HMAP_NONE) {
		k->full = 1;
		return NULL;
	}
	k->recent = hmap_put(&k->convs, id, len, &added);
	struct hmap_entry *e = hmap_at(&k->convs, k->recent);
	if (added) {
		struct conv *c = xcalloc(1, sizeof *c + sizeof *c->gv *
		    (size_t)k->nfields);
		fold_reset(k, c);
		c->last_ts = CS_TIME_NONE;
		e->val.ptr = c;
	}
	return e->val.ptr;
}

static void
list_add(struct kpi *k, struct conv *c, cs_time t, int kind,
    const uint32_t *vals)
{
	if (c->nevs == c->capevs) {
		c->capevs = c->capevs ? c->capevs * 2 : 16;
		c->evs = xrealloc(c->evs, sizeof *c->evs * c->capevs);
	}
	c->evs[c->nevs++] = (struct kev){ t, c->seq++, tuple_id(k, vals),
	    (uint8_t)kind };
}

/* The values an event of the summary carries, for one rule (0 elsewhere). */
static const uint32_t *
synth_vals(struct kpi *k, const struct conv *c, int rule, uint32_t agent)
{
	for (int f = 0; f < k->nfields; f++)
		k->synth[f] = k->rules[f] == (enum rule)rule ? c->gv[f] : 0;
	if (rule == R_AGENT && k->agent_field >= 0)
		k->synth[k->agent_field] = agent;
	return k->synth;
}

/*
 * The first late event of a conversation: turn the summary back into the
 * events it was made of, so that later ones can be sorted in among them.
 */
/*
 * The values taken from the first event that has them (R_FIRST) go on the
 * earliest of the events made up from the summary (the first made of
 * those at one instant), with the values it carries already: the first
 * event that had them can have been any of the conversation's, one the
 * summary let go included, but none before the earliest kept.
 */
static void
first_values_on_earliest(struct kpi *k, const struct conv *c, uint32_t from)
{
	uint32_t at = from;
	int any = 0;

	for (int f = 0; f < k->nfields; f++)
		any |= k->rules[f] == R_FIRST && c->gv[f] != 0;
	if (!any || from == c->nevs)
		return;
	for (uint32_t i = from + 1; i < c->nevs; i++)
		if (c->evs[i].ts < c->evs[at].ts)
			at = i;
	memcpy(k->synth, tuple_vals(k, c->evs[at].tuple),
	    sizeof *k->synth * (size_t)k->nfields);
	for (int f = 0; f < k->nfields; f++)
		if (k->rules[f] == R_FIRST)
			k->synth[f] = c->gv[f];
	c->evs[at].tuple = tuple_id(k, k->synth);
}

static void
conv_to_list(struct kpi *k, struct conv *c)
{
	const uint32_t *zero = k->zero;
	uint32_t agent = k->agent_field >= 0 ? c->gv[k->agent_field] : 0;
	uint32_t from = c->nevs;
	int agent_done = 0;

	/* In the order they came, so that equal times keep their order. */
	for (uint32_t i = 0; i < c->nout; i++)
		list_add(k, c, c->held[i].ts, K_RESPONDER, synth_vals(k, c,
		    R_AGENT, c->held[i].agent));
	if (c->start != CS_TIME_NONE) {
		int opened = c->npairs == 0 || c->pairs[0].from != c->start;
		list_add(k, c, c->start, opened && c->run_start != c->start ?
		    K_OPEN : K_CUSTOMER, zero);
	}
	for (uint32_t i = 0; i < c->npairs; i++) {
		int first = !agent_done && c->pairs[i].to == c->first_resp;
		list_add(k, c, c->pairs[i].from, K_CUSTOMER, zero);
		list_add(k, c, c->pairs[i].to, K_RESPONDER, first ?
		    synth_vals(k, c, R_AGENT, agent) : zero);
		agent_done |= first;
	}
	if (c->first_resp != CS_TIME_NONE && !agent_done)
		list_add(k, c, c->first_resp, K_RESPONDER, synth_vals(k, c,
		    R_AGENT, agent));
	if (c->last_resp != CS_TIME_NONE)
		list_add(k, c, c->last_resp, K_RESPONDER, zero);
	if (c->run_start != CS_TIME_NONE)
		list_add(k, c, c->run_start, K_CUSTOMER, zero);
	for (uint32_t i = c->nout; i < c->nheld; i++)
		list_add(k, c, c->held[i].ts, K_CUSTOMER, zero);
	if (c->classified_at != CS_TIME_NONE)
		list_add(k, c, c->classified_at, K_QUIET | K_CLASSIFIED,
		    synth_vals(k, c, R_CLASSIFIED, 0));
	/* Statuses in the order that leaves `closed` as it was. */
	if (c->closed && c->reopened != CS_TIME_NONE)
		list_add(k, c, c->reopened, K_REOPENED, zero);
	if (c->resolved != CS_TIME_NONE)
		list_add(k, c, c->resolved, K_RESOLVED, zero);
	if (!c->closed && c->reopened != CS_TIME_NONE)
		list_add(k, c, c->reopened, K_REOPENED, zero);
	first_values_on_earliest(k, c, from);
}

static int
cmp_kev(const void *a, const void *b)
{
	const struct kev *x = a, *y = b;

	if (x->ts != y->ts)
		return x->ts < y->ts ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/*
 * One event of a conversation.  An event of a later part of a split input
 * (kpi_absorb) comes after every event already held at its instant, so one
 * at the instant of the latest message let go still folds exactly.
 */
static void
conv_event_from(struct kpi *k, struct conv *c, int kind, cs_time t,
    int later_part)
{
	if (c->evs == NULL && c->last_ts == CS_TIME_NONE && k->o.any_order)
		c->evs = xmalloc(sizeof *c->evs * (c->capevs = 4));
	else if (c->evs == NULL && c->last_ts != CS_TIME_NONE &&
	    t < c->last_ts)
		conv_to_list(k, c);
	if (c->evs != NULL && !c->approx && c->dropped != CS_TIME_NONE &&
	    (t < c->dropped || (t == c->dropped && !later_part))) {
		c->approx = 1;
		k->reordered++;
	}
	if (c->evs != NULL)
		list_add(k, c, t, kind, k->vals);
	else
		fold(k, c, kind, t, k->vals);
	if (c->last_ts == CS_TIME_NONE || t > c->last_ts)
		c->last_ts = t;
}

static void
conv_event(struct kpi *k, struct conv *c, int kind, cs_time t)
{
	conv_event_from(k, c, kind, t, 0);
}

/* ---- events -------------------------------------------------------------- */

static const char *
bad(struct kpi *k, const char *fmt, const char *a)
{
	snprintf(k->why, sizeof k->why, fmt, a);
	return k->why;
}

static const char *
event_time(struct kpi *k, const cJSON *ev, cs_time *t)
{
	const char *why = NULL;
	int rc = fieldmap_time(k->o.map, k->o.ts, ev, t, &why);

	if (rc == 1)
		return bad(k, "missing field '%s'",
		    fieldmap_source(k->o.map, "ts"));
	if (rc < 0) {
		snprintf(k->why, sizeof k->why, "field '%s': %s",
		    fieldmap_source(k->o.map, "ts"), why);
		return k->why;
	}
	return NULL;
}

/* A canonical field that must be a string when present. */
static const char *
string_field(struct kpi *k, const cJSON *ev, const char *name,
    const char **out)
{
	const cJSON *v = fieldmap_get(k->o.map, ev, name);

	*out = NULL;
	if (v == NULL || cJSON_IsNull(v))
		return NULL;
	if (!cJSON_IsString(v))
		return bad(k, "field '%s' is not a string",
		    fieldmap_source(k->o.map, name));
	*out = v->valuestring;
	return NULL;
}

/*
 * An id field (conversation, customer): a string or a number, as text in
 * *out (a number's text lives in `text` until the next call); NULL when
 * absent.  Not interned: most lines only look their conversation up.
 */
static const char *
id_field(struct kpi *k, const cJSON *ev, const char *name, struct buf *text,
    const char **out)
{
	const cJSON *v = fieldmap_get(k->o.map, ev, name);

	*out = NULL;
	if (v == NULL || cJSON_IsNull(v))
		return NULL;
	if (cJSON_IsString(v)) {
		*out = v->valuestring;
		return NULL;
	}
	if (!cJSON_IsNumber(v))
		return bad(k, "field '%s' is not a string or number",
		    fieldmap_source(k->o.map, name));
	buf_reset(text);
	json_write_number(text, v->valuedouble);
	*out = text->data;
	return NULL;
}

static void
count_message(struct kpi *k, int role, cs_time t)
{
	struct group *tg[2];
	int n = targets(k, k->vals, t, tg);

	for (int i = 0; i < n; i++) {
		tg[i]->messages++;
		tg[i]->by_role[role]++;
	}
}

static void
rating_into(struct group *g, const struct rating *r)
{
	g->ratings++;
	if (isnan(r->score))
		g->ratings_high += r->good;
	else {
		g->scored++;
		g->rating_sum += r->score;
		g->ratings_high += r->score >= 4;
	}
}

static void
count_rating(struct kpi *k, const uint32_t *vals, const struct rating *r)
{
	struct group *tg[2];
	int n = targets(k, vals, r->ts, tg);

	for (int i = 0; i < n; i++)
		rating_into(tg[i], r);
}

/* The orders kept of a customer, made when new. */
static struct orders *
orders_of(struct kpi *k, const char *cust, size_t len)
{
	int added;
	struct hmap_entry *e = hmap_at(&k->orders, hmap_put(&k->orders, cust,
	    len, &added));

	if (added)
		e->val.ptr = xcalloc(1, sizeof(struct orders));
	return e->val.ptr;
}

/* Keep an order of a customer for conversion, or merge it into the
 * order of the same order_id already kept. */
static void
order_keep(struct orders *o, const struct order *ord)
{
	for (uint32_t i = 0; ord->id != 0 && i < o->n; i++) {
		struct order *same = &o->o[i];
		if (same->id != ord->id)
			continue;
		if (ord->t < same->t) {
			same->t = ord->t;
			o->unsorted = 1;
		}
		if (isnan(same->amount) && !isnan(ord->amount)) {
			same->amount = ord->amount;
			same->currency = ord->currency;
		}
		return;
	}
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 2;
		o->o = xrealloc(o->o, sizeof *o->o * o->cap);
	}
	if (o->n > 0 && ord->t < o->o[o->n - 1].t)
		o->unsorted = 1;
	o->o[o->n++] = *ord;
}

static void
add_order(struct kpi *k, const char *cust, const struct order *ord)
{
	order_keep(orders_of(k, cust, strlen(cust)), ord);
}

/* An order into the repurchase counts of its groups: once per order_id
 * (every event without one is an order of its own). */
static void
count_order(struct kpi *k, const char *cust, const struct order *ord)
{
	struct group *tg[2];
	int n = targets(k, k->vals, ord->t, tg), added;
	size_t clen = strlen(cust);

	for (int i = 0; i < n; i++) {
		if (ord->id != 0) {
			const char *oid = str_of(k, ord->id);
			buf_reset(&k->scratch);
			buf_add(&k->scratch, cust, clen + 1);
			buf_adds(&k->scratch, oid);
			hmap_put(&tg[i]->order_ids, k->scratch.data,
			    k->scratch.len, &added);
			if (!added)
				continue;
		}
		hmap_at(&tg[i]->buyers, hmap_put(&tg[i]->buyers, cust,
		    clen, NULL))->val.num++;
	}
}

/* An order event's order_id, amount and currency. */
static const char *
order_fields(struct kpi *k, const cJSON *ev, cs_time t, struct order *ord)
{
	const char *oid, *cur, *why;
	const cJSON *amount = fieldmap_get(k->o.map, ev, "amount");

	if ((why = id_field(k, ev, "order_id", &k->scratch, &oid)) != NULL ||
	    (why = string_field(k, ev, "currency", &cur)) != NULL)
		return why;
	ord->t = t;
	ord->id = oid ? intern(k, oid, strlen(oid)) : 0;
	ord->currency = cur ? intern(k, cur, strlen(cur)) : 0;
	ord->amount = NAN;
	if (cJSON_IsNumber(amount))
		ord->amount = amount->valuedouble;
	else if (amount != NULL && !cJSON_IsNull(amount))
		return bad(k, "field '%s' is not a number",
		    fieldmap_source(k->o.map, "amount"));
	return NULL;
}

/* Is the event's field true? */
static int
flag(const struct kpi *k, const cJSON *ev, const char *name)
{
	return cJSON_IsTrue(fieldmap_get(k->o.map, ev, name));
}

/* A message's role (0 customer, 1 agent, 2 bot, 3 system, ROLE_NOTE for a
 * private or internal note) and its kind. */
static const char *
message_kind(struct kpi *k, const cJSON *ev, int *role, int *kind)
{
	static const char *const roles[] = { "customer", "agent", "bot",
		"system" };
	const char *name, *why;
	int r = 0;

	if ((why = string_field(k, ev, "role", &name)) != NULL)
		return why;
	if (name == NULL)
		return bad(k, "missing field '%s'",
		    fieldmap_source(k->o.map, "role"));
	while (r < 4 && strcmp(name, roles[r]) != 0)
		r++;
	if (r == 4)
		return bad(k, "unknown role '%.60s' (customer, agent, bot, "
		    "system)", name);
	*role = r;
	*kind = r == 0 ? K_CUSTOMER : r == 1 || (r == 2 && k->o.bots_respond) ?
	    K_RESPONDER : K_QUIET;
	/* A note the buyer never sees answers nothing; an acknowledgement
	 * ("ok thanks") asks nothing, so it starts no wait. */
	if (flag(k, ev, "private") || flag(k, ev, "internal")) {
		*role = ROLE_NOTE;
		*kind = K_QUIET;
	} else if (r == 0 && cJSON_IsFalse(fieldmap_get(k->o.map, ev,
	    "needs_reply")))
		*kind = K_QUIET;
	const cJSON *intent = fieldmap_get(k->o.map, ev, "intent");
	if (intent != NULL && !cJSON_IsNull(intent))
		*kind |= K_CLASSIFIED;
	return NULL;
}

static const char *
status_kind(struct kpi *k, const cJSON *ev, int *kind)
{
	const char *status, *why;

	if ((why = string_field(k, ev, "status", &status)) != NULL)
		return why;
	if (status == NULL)
		return bad(k, "missing field '%s'",
		    fieldmap_source(k->o.map, "status"));
	*kind = strcmp(status, "open") == 0 ? K_OPEN :
	    strcmp(status, "resolved") == 0 ? K_RESOLVED :
	    strcmp(status, "reopened") == 0 ? K_REOPENED : -1;
	if (*kind < 0)
		return bad(k, "unknown status '%.60s' (open, resolved, "
		    "reopened)", status);
	return NULL;
}

static void
loose_add(struct kpi *k, const struct rating *r, uint32_t tuple)
{
	if (k->nloose == k->caploose) {
		k->caploose = k->caploose ? k->caploose * 2 : 4;
		k->loose = xrealloc(k->loose, sizeof *k->loose * k->caploose);
	}
	k->loose[k->nloose] = *r;
	k->loose[k->nloose++].tuple = tuple;
}

static void
add_rating(struct kpi *k, const char *conv_id, struct rating r)
{
	if (conv_id == NULL) {
		if (in_period(k, r.ts))
			loose_add(k, &r, tuple_id(k, k->vals));
		else if (k->nviews > 0)		/* for the views' periods */
			loose_add(k, &r, tuple_id(k, k->vals));
		return;
	}
	/* Its group is the conversation's, known at the end. */
	struct conv *c = conv_get(k, conv_id, strlen(conv_id));
	if (c == NULL)
		return;		/* kpi_full: the run stops */
	if (c->nratings == c->capratings) {
		c->capratings = c->capratings ? c->capratings * 2 : 1;
		c->ratings = xrealloc(c->ratings, sizeof *c->ratings *
		    c->capratings);
	}
	r.tuple = tuple_id(k, k->vals);
	c->ratings[c->nratings++] = r;
}

/* A rating's `score` (1 to 5) or, without one, its `good` (true or
 * false, a thumbs up or down). */
static const char *
rating_value(struct kpi *k, const cJSON *ev, struct rating *r)
{
	const cJSON *score = fieldmap_get(k->o.map, ev, "score");
	const cJSON *good = fieldmap_get(k->o.map, ev, "good");

	r->score = NAN;
	r->good = 0;
	if (score != NULL && !cJSON_IsNull(score)) {
		if (!cJSON_IsNumber(score) || score->valuedouble < 1 ||
		    score->valuedouble > 5)
			return bad(k, "field '%s' must be a number from 1 to 5",
			    fieldmap_source(k->o.map, "score"));
		r->score = score->valuedouble;
		return NULL;
	}
	if (cJSON_IsBool(good)) {
		r->good = cJSON_IsTrue(good);
		return NULL;
	}
	snprintf(k->why, sizeof k->why, "a rating needs field '%s' (1 to 5) "
	    "or '%s' (true or false)", fieldmap_source(k->o.map, "score"),
	    fieldmap_source(k->o.map, "good"));
	return k->why;
}

/*
 * Everything about the event is checked first, so that a bad line counts
 * nowhere; then it is counted.
 */
const char *
kpi_add(struct kpi *k, const cJSON *ev)
{
	const char *type, *why, *conv_id, *cust_id;
	struct rating rating;
	struct order order;
	cs_time t;
	int role = -1, kind = -1, is_rating = 0;

	if ((why = string_field(k, ev, "type", &type)) != NULL ||
	    (why = event_time(k, ev, &t)) != NULL ||
	    (why = id_field(k, ev, "conversation", &k->conv_text, &conv_id))
	    != NULL ||
	    (why = id_field(k, ev, "customer", &k->cust_text, &cust_id)) != NULL)
		return why;
	if (type == NULL || strcmp(type, "message") == 0) {
		if ((why = message_kind(k, ev, &role, &kind)) != NULL)
			return why;
	} else if (strcmp(type, "status") == 0) {
		if ((why = status_kind(k, ev, &kind)) != NULL)
			return why;
		if (conv_id == NULL)
			return bad(k, "a status event needs field '%s'",
			    fieldmap_source(k->o.map, "conversation"));
	} else if (strcmp(type, "rating") == 0) {
		if ((why = rating_value(k, ev, &rating)) != NULL)
			return why;
		is_rating = 1;
	} else if (strcmp(type, "order") == 0) {
		if ((why = order_fields(k, ev, t, &order)) != NULL)
			return why;
	} else
		return bad(k, "unknown type '%.60s' (message, rating, order, "
		    "status)", type);

	if (k->o.now != CS_TIME_NONE && t > k->o.now)
		return NULL;	/* after --now: not happened yet */
	if (k->latest == CS_TIME_NONE || t > k->latest)
		k->latest = t;
	for (int f = 0; f < k->nfields; f++) {
		k->vals[f] = value_id(k, fieldmap_get(k->o.map, ev,
		    k->fields[f]));
		if (f < k->o.ngroup)
			k->group_seen[f] |= k->vals[f] != 0;
	}
	if (is_rating) {
		rating.ts = t;
		add_rating(k, conv_id, rating);
		return NULL;
	}
	if (kind < 0) {			/* an order */
		if (cust_id != NULL) {
			add_order(k, cust_id, &order);
			if (in_period(k, t))
				count_order(k, cust_id, &order);
			views_order(k, cust_id, &order);
		}
		return NULL;
	}
	if (role >= 0 && in_period(k, t))
		count_message(k, role, t);
	if (role >= 0)
		views_message(k, role, t);
	if (conv_id == NULL)
		return NULL;
	struct conv *c = conv_get(k, conv_id, strlen(conv_id));
	if (c == NULL)
		return NULL;	/* kpi_full: the run stops */
	if (c->customer == 0 && cust_id != NULL)
		c->customer = intern(k, cust_id, strlen(cust_id));
	if (k->escalate && flag(k, ev, "escalate"))
		c->escalated = 1;
	conv_event(k, c, kind, t);
	return NULL;
}

int
kpi_full(const struct kpi *k)
{
	return k->full;
}

void
kpi_reject(struct kpi *k)
{
	k->rejected++;
}

/* ---- the end ------------------------------------------------------------- */

/*
 * A customer's orders by instant, those at one instant in the order they
 * came (a merge sort: qsort need not be stable, and the first order at an
 * instant is the one that converts, with its amount).
 */
static void
sort_orders(struct order *o, uint32_t n, struct order *tmp)
{
	uint32_t half = n / 2, i = 0, j = half, out = 0;

	if (n < 2)
		return;
	sort_orders(o, half, tmp);
	sort_orders(o + half, n - half, tmp);
	if (o[half - 1].t <= o[half].t)
		return;
	while (i < half && j < n)
		tmp[out++] = o[j].t < o[i].t ? o[j++] : o[i++];
	while (i < half)
		tmp[out++] = o[i++];
	while (j < n)
		tmp[out++] = o[j++];
	memcpy(o, tmp, sizeof *o * out);
}

/* The customer's first order within [from, from + window], or NULL. */
static const struct order *
converted(const struct kpi *k, uint32_t cust, cs_time from)
{
	const char *s = str_of(k, cust);
	size_t i = hmap_find(&k->orders, s, strlen(s));
	cs_time to = from + (cs_time)llround(k->o.window * 1000);

	if (i == HMAP_NONE)
		return NULL;
	const struct orders *o = hmap_at(&k->orders, i)->val.ptr;
	size_t lo = 0, hi = o->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (o->o[mid].t < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < o->n && o->o[lo].t <= to ? &o->o[lo] : NULL;
}

/* The amount of a converting order into its group's revenue. */
static void
add_revenue(struct kpi *k, struct group *g, const struct order *ord)
{
	/* XXX: ISO 4217's code for "no currency" */
	const char *cur = ord->currency ? str_of(k, ord->currency) : "XXX";
	struct hmap_entry *e;
	double sum;

	if (isnan(ord->amount))
		return;
	e = hmap_at(&g->revenue, hmap_put(&g->revenue, cur, strlen(cur),
	    NULL));
	memcpy(&sum, &e->val.num, sizeof sum);	/* a new entry's 0 is 0.0 */
	sum += ord->amount;
	memcpy(&e->val.num, &sum, sizeof sum);
}

/* One time of a conversation, in calendar and (with --hours) open time. */
static void
add_time(struct kpi *k, struct group *g, enum timing which, cs_time from,
    cs_time to)
{
	stats_add(&g->time[which], seconds(from, to));
	if (k->o.business == NULL)
		return;
	if (g->bh == NULL) {
		g->bh = xmalloc(sizeof *g->bh * 3);
		for (int i = 0; i < 3; i++)
			g->bh[i] = (struct stats)STATS_INIT;
	}
	stats_add(&g->bh[which], k->o.business(k->o.business_ctx, from, to));
}

/* Answered later than the SLA, or unanswered and older than it at now. */
static int
breached(const struct kpi *k, const struct conv *c)
{
	cs_time to = c->first_resp != CS_TIME_NONE ? c->first_resp : k->now;

	return seconds(c->start, to) > k->o.sla;
}

/* A conversation's figures into one group (or the total). */
static void
conv_into(struct kpi *k, const struct conv *c, struct group *g,
    const struct order *conv)
{
	g->conversations++;
	if (c->first_resp != CS_TIME_NONE) {
		add_time(k, g, T_FRT, c->start, c->first_resp);
		if (!breached(k, c))
			g->within++;
		else
			g->breaches++;
	} else {
		g->unanswered++;
		if (breached(k, c))
			g->breaches++;
	}
	for (uint32_t i = 0; i < c->npairs; i++)
		add_time(k, g, T_REPLY, c->pairs[i].from,
		    c->pairs[i].to);
	if (c->closed && c->resolved >= c->start)
		add_time(k, g, T_RESOLUTION, c->start, c->resolved);
	else if (c->last_resp != CS_TIME_NONE) {
		add_time(k, g, T_RESOLUTION, c->start, c->last_resp);
		g->inferred++;
	}
	for (uint32_t i = 0; i < c->nratings; i++)
		rating_into(g, &c->ratings[i]);
	if (conv != NULL) {
		g->conversions++;
		add_revenue(k, g, conv);
	}
}

/* A conversation kept as a list: its events sorted and folded. */
static void
conv_settle(struct kpi *k, struct conv *c)
{
	if (c->evs == NULL)
		return;
	fold_reset(k, c);
	qsort(c->evs, c->nevs, sizeof *c->evs, cmp_kev);
	for (uint32_t i = 0; i < c->nevs; i++)
		fold(k, c, c->evs[i].kind, c->evs[i].ts,
		    tuple_vals(k, c->evs[i].tuple));
	free(c->evs);
	c->evs = NULL;
	c->nevs = c->capevs = 0;
}

/* Every customer's orders in time order (converted() only reads them). */
static void
sort_all_orders(struct kpi *k)
{
	for (size_t i = 0; i < hmap_count(&k->orders); i++) {
		struct orders *o = hmap_at(&k->orders, i)->val.ptr;
		if (o == NULL || !o->unsorted)
			continue;
		struct order *tmp = xmalloc(sizeof *tmp * o->n);
		sort_orders(o->o, o->n, tmp);
		free(tmp);
		o->unsorted = 0;
	}
}

/* A conversation at the end: where it goes, found before it is counted. */
struct conv_at {
	cs_time			 start;
	struct hmap_entry	*e;
	struct group		*g;		/* NULL: made when counted */
	const struct order	*conv;		/* the order it converted */
};

/*
 * The group of values and bucket if there is one yet, only looked up (so
 * that threads may look at once): NULL when new, or when ungrouped.
 */
static struct group *
group_find(const struct kpi *k, const uint32_t *vals, int64_t bucket,
    struct buf *key)
{
	size_t i;

	if (!k->grouped)
		return NULL;
	buf_reset(key);
	buf_add(key, vals, sizeof *vals * (size_t)k->o.ngroup);
	buf_add(key, &bucket, sizeof bucket);
	i = hmap_find(&k->groups, key->data, key->len);
	return i == HMAP_NONE ? NULL : hmap_at(&k->groups, i)->val.ptr;
}

/* What a conversation needs found before it is counted (it reads k only). */
static void
conv_prepare(const struct kpi *k, struct conv_at *at, struct buf *key)
{
	const struct conv *c = at->e->val.ptr;

	at->start = c->start;
	at->g = NULL;
	at->conv = NULL;
	if (c->start == CS_TIME_NONE || !in_period(k, c->start))
		return;
	if (c->customer != 0)
		at->conv = converted(k, c->customer, c->start);
	at->g = group_find(k, c->gv, bucket_of(k, c->start), key);
}

/* A conversation into its group (KPI_COUNT_GROUPS) and the total
 * (KPI_COUNT_TOTAL): one touches the groups only, the other the total. */
static void
conv_finish(struct kpi *k, struct conv *c, const struct conv_at *at,
    int which)
{
	if (c->start == CS_TIME_NONE) {
		/* Not a conversation (no customer message, no open): its
		 * ratings count by their own fields. */
		for (uint32_t i = 0; i < c->nratings; i++) {
			const struct rating *r = &c->ratings[i];
			if (!in_period(k, r->ts))
				continue;
			struct group *g = which & KPI_COUNT_GROUPS ?
			    group_get(k, tuple_vals(k, r->tuple),
			    bucket_of(k, r->ts)) : NULL;
			if (g != NULL)
				rating_into(g, r);
			if (which & KPI_COUNT_TOTAL)
				rating_into(&k->total, r);
		}
		return;
	}
	if (!in_period(k, c->start))
		return;
	if (which & KPI_COUNT_GROUPS) {
		struct group *g = at->g != NULL ? at->g :
		    group_get(k, c->gv, bucket_of(k, c->start));
		if (g != NULL)
			conv_into(k, c, g, at->conv);
	}
	if (which & KPI_COUNT_TOTAL)
		conv_into(k, c, &k->total, at->conv);
}

static void
conv_free(struct conv *c)
{
	free(c->pairs);
	free(c->held);
	free(c->ratings);
	free(c->evs);
	free(c);
}

static double
rounded(double v, double scale)
{
	return isnan(v) ? v : round(v * scale) / scale;
}

static double
revenue_at(const struct group *g, size_t i)
{
	double sum;

	memcpy(&sum, &hmap_at(&g->revenue, i)->val.num, sizeof sum);
	return sum;
}

/* conversion_amount as JSON: the amount in each currency, in the order
 * the currencies came. */
static cJSON *
revenue_object(const struct group *g)
{
	cJSON *o = cJSON_CreateObject();

	for (size_t i = 0; i < hmap_count(&g->revenue); i++)
		cJSON_AddItemToObject(o, hmap_at(&g->revenue, i)->key,
		    cJSON_CreateNumber(rounded(revenue_at(g, i), 10000)));
	return o;
}

static double
ratio(uint64_t a, uint64_t b)
{
	return b ? (double)a / (double)b : NAN;
}

static void
fill_stats(double *row, int first, struct stats *s)
{
	row[first] = (double)stats_count(s);
	row[first + 1] = stats_mean(s);
	row[first + 2] = stats_quantile(s, 0.5);
	row[first + 3] = stats_quantile(s, 0.9);
	row[first + 4] = stats_max(s);
}

static void
fill_row(const struct kpi *k, struct group *g, double *r)
{
	uint64_t repeat = 0;

	for (size_t i = 0; i < hmap_count(&g->buyers); i++)
		repeat += hmap_at(&g->buyers, i)->val.num >= 2;
	r[M_CONVERSATIONS] = (double)g->conversations;
	r[M_MESSAGES] = (double)g->messages;
	r[M_CUSTOMER_MESSAGES] = (double)g->by_role[0];
	r[M_AGENT_MESSAGES] = (double)g->by_role[1];
	r[M_BOT_MESSAGES] = (double)g->by_role[2];
	r[M_NOTES] = (double)g->by_role[ROLE_NOTE];
	struct stats none = STATS_INIT;
	fill_stats(r, M_FRT_COUNT, &g->time[T_FRT]);
	fill_stats(r, M_REPLY_COUNT, &g->time[T_REPLY]);
	fill_stats(r, M_RES_COUNT, &g->time[T_RESOLUTION]);
	fill_stats(r, M_FRT_BH_COUNT, g->bh ? &g->bh[T_FRT] : &none);
	fill_stats(r, M_REPLY_BH_COUNT, g->bh ? &g->bh[T_REPLY] : &none);
	fill_stats(r, M_RES_BH_COUNT, g->bh ? &g->bh[T_RESOLUTION] : &none);
	r[M_UNANSWERED] = (double)g->unanswered;
	r[M_SLA_BREACHES] = (double)g->breaches;
	r[M_SLA_SHARE] = ratio(g->within, g->within + g->breaches);
	r[M_RATINGS] = (double)g->ratings;
	r[M_CSAT] = g->scored ? g->rating_sum / (double)g->scored : NAN;
	r[M_CSAT_SHARE] = ratio(g->ratings_high, g->ratings);
	r[M_CUSTOMERS_ORDERING] = (double)hmap_count(&g->buyers);
	r[M_REPEAT_CUSTOMERS] = (double)repeat;
	r[M_REPURCHASE_RATE] = ratio(repeat, hmap_count(&g->buyers));
	r[M_CONVERSIONS] = (double)g->conversions;
	r[M_CONVERSION_RATE] = ratio(g->conversions, g->conversations);
	r[M_CONVERSION_AMOUNT] = NAN;
	if (hmap_count(&g->revenue) == 1)
		r[M_CONVERSION_AMOUNT] = revenue_at(g, 0);
	r[M_REJECTED] = g == &k->total ? (double)k->rejected : NAN;
	r[M_RES_INFERRED] = (double)g->inferred;
	for (int m = 0; m < M_NMETRICS; m++)
		switch (metric_defs[m].kind) {
		case KPI_DURATION: r[m] = rounded(r[m], 1000); break;
		case KPI_SHARE: r[m] = rounded(r[m], 10000); break;
		case KPI_SCORE: r[m] = rounded(r[m], 1000); break;
		case KPI_AMOUNTS: r[m] = rounded(r[m], 10000); break;
		case KPI_COUNT: break;
		}
	for (size_t i = 0; i < sizeof change_of / sizeof change_of[0]; i++)
		r[change_of[i][0]] = NAN;
}

/* The bucket before b: the hour, day, week or month before it. */
static int64_t
bucket_before(const struct kpi *k, int64_t b)
{
	switch (k->o.by) {
	case KPI_BY_HOUR: return bucket_of(k, (b - 1) * 1000);
	case KPI_BY_WEEK: return b - 7;
	/* Hours of the day or week come round again: nothing is before. */
	case KPI_BY_HOUR_OF_DAY: case KPI_BY_WEEKDAY_HOUR: return INT64_MIN;
	default: return b - 1;
	}
}

/* With --by: each rate against the same group's bucket before. */
static void
fill_changes(struct kpi *k, struct group *g, double *r)
{
	group_key(k, g->vals, bucket_before(k, g->bucket));
	size_t i = hmap_find(&k->groups, k->key.data, k->key.len);

	if (i == HMAP_NONE)
		return;
	fill_row(k, hmap_at(&k->groups, i)->val.ptr, k->prev);
	for (size_t j = 0; j < sizeof change_of / sizeof change_of[0]; j++)
		r[change_of[j][0]] = rounded(r[change_of[j][1]] -
		    k->prev[change_of[j][1]], metric_defs[change_of[j][0]].kind ==
		    KPI_SHARE ? 10000 : 1000);
}

/*
 * The figures of a row, computed when asked (rows are asked for in turn, so
 * one is cached): no group holds a row of figures it may never show.
 */
static const double *
row_values(struct kpi *k, size_t row)
{
	if (k->cached != row) {
		struct group *g = k->rows[row];
		fill_row(k, g, k->cache);
		if (k->o.by != KPI_BY_NONE && g != &k->total)
			fill_changes(k, g, k->cache);
		k->cached = row;
	}
	return k->cache;
}

/* Rows in order of their field values (missing last), then of time. */
static int
cmp_group(const void *a, const void *b)
{
	const struct group *x = *(struct group *const *)a,
	    *y = *(struct group *const *)b;
	const struct kpi *k = x->k;

	for (int f = 0; f < k->o.ngroup; f++) {
		const char *s = str_of(k, x->vals[f]),
		    *t = str_of(k, y->vals[f]);
		if (s == t)
			continue;
		if (s == NULL || t == NULL)
			return s == NULL ? 1 : -1;
		int c = strcmp(s, t);
		if (c != 0)
			return c;
	}
	return (x->bucket > y->bucket) - (x->bucket < y->bucket);
}

/* Ratings without a conversation in the order of their time, score and
 * thumb: sums in one order whatever order the input came in. */
static int
cmp_loose(const void *a, const void *b)
{
	const struct rating *x = a, *y = b;

	if (x->ts != y->ts)
		return x->ts < y->ts ? -1 : 1;
	if (isnan(x->score) != isnan(y->score))
		return isnan(x->score) ? 1 : -1;
	if (!isnan(x->score) && x->score != y->score)
		return x->score < y->score ? -1 : 1;
	return (x->good > y->good) - (x->good < y->good);
}

/* A conversation by its start (none first), then its id. */
static int
cmp_conv_at(const void *a, const void *b)
{
	const struct conv_at *x = a, *y = b;
	size_t n = x->e->len < y->e->len ? x->e->len : y->e->len;
	int c;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if ((c = memcmp(x->e->key, y->e->key, n)) != 0)
		return c;
	return (x->e->len > y->e->len) - (x->e->len < y->e->len);
}

/* The groups in order, and the total last. */
static size_t
make_rows(struct kpi *k)
{
	k->nrows = hmap_count(&k->groups) + 1;
	k->rows = xmalloc(sizeof *k->rows * k->nrows);
	for (size_t i = 0; i + 1 < k->nrows; i++)
		k->rows[i] = hmap_at(&k->groups, i)->val.ptr;
	qsort(k->rows, k->nrows - 1, sizeof *k->rows, cmp_group);
	k->rows[k->nrows - 1] = &k->total;
	return k->nrows;
}

/*
 * The end of input, in steps (kpi.h).  The conversations are counted in
 * the order of their starts, then ids: sums of times and amounts, and the
 * order of currencies, are then the same however the input was ordered or
 * split (kpi_absorb).
 */
void
kpi_finish_begin(struct kpi *k)
{
	size_t n = hmap_count(&k->convs);

	k->now = k->o.now != CS_TIME_NONE ? k->o.now : k->latest;
	if (k->now == CS_TIME_NONE)
		k->now = 0;
	views_start(k);
	if (k->nloose > 1)
		qsort(k->loose, k->nloose, sizeof *k->loose, cmp_loose);
	for (uint32_t i = 0; i < k->nloose; i++) {
		const uint32_t *vals = tuple_vals(k, k->loose[i].tuple);
		if (in_period(k, k->loose[i].ts))
			count_rating(k, vals, &k->loose[i]);
		views_rating(k, vals, &k->loose[i]);
	}
	sort_all_orders(k);
	k->fin = xmalloc(sizeof *k->fin * (n ? n : 1));
	k->nfin = n;
	for (size_t i = 0; i < n; i++)
		k->fin[i].e = hmap_at(&k->convs, i);
}

void
kpi_finish_prepare(struct kpi *k, size_t part, size_t nparts)
{
	size_t from = k->nfin * part / nparts, to = k->nfin * (part + 1) /
	    nparts;
	struct buf key = BUF_INIT;

	for (size_t i = from; i < to; i++) {
		/* settling touches its conversation only */
		conv_settle(k, k->fin[i].e->val.ptr);
		conv_prepare(k, &k->fin[i], &key);
	}
	buf_free(&key);
	/* the part in order: kpi_finish_order merges the parts */
	qsort(k->fin + from, to - from, sizeof *k->fin, cmp_conv_at);
}

/* Runs [a, m) and [m, b) of k->fin, each in order, merged through tmp. */
static void
merge_runs(struct kpi *k, size_t a, size_t m, size_t b, struct conv_at *tmp)
{
	size_t i = a, j = m, n = 0;

	while (i < m && j < b)
		tmp[n++] = cmp_conv_at(&k->fin[j], &k->fin[i]) < 0 ?
		    k->fin[j++] : k->fin[i++];
	while (i < m)
		tmp[n++] = k->fin[i++];
	while (j < b)
		tmp[n++] = k->fin[j++];
	memcpy(k->fin + a, tmp, sizeof *tmp * n);
}

/* Each counted in turn, into the views too; let go at once when
 * `release` (one thread: the groups grow as the conversations shrink). */
static void
count_conversations(struct kpi *k, int which, int release)
{
	for (size_t i = 0; i < k->nfin; i++) {
		conv_finish(k, k->fin[i].e->val.ptr, &k->fin[i], which);
		if (which & KPI_COUNT_GROUPS)
			views_conversation(k, k->fin[i].e);
		if (release) {
			conv_free(k->fin[i].e->val.ptr);
			k->fin[i].e->val.ptr = NULL;
		}
	}
}

void
kpi_finish_order(struct kpi *k, size_t nparts)
{
	struct conv_at *tmp;

	if (nparts <= 1 || k->nfin < 2)
		return;
	/* part p is [nfin * p / nparts, nfin * (p + 1) / nparts): runs of
	 * width parts merged pairwise, twice as wide each pass */
	tmp = xmalloc(sizeof *tmp * k->nfin);
	for (size_t w = 1; w < nparts; w *= 2)
		for (size_t p = 0; p + w < nparts; p += 2 * w) {
			size_t end = p + 2 * w < nparts ? p + 2 * w : nparts;
			merge_runs(k, k->nfin * p / nparts,
			    k->nfin * (p + w) / nparts, k->nfin * end / nparts,
			    tmp);
		}
	free(tmp);
}

/* The groups' pass and the total's share nothing but what they read,
 * unless business hours are counted (the calendar is the caller's, and
 * may not be read from two threads at once). */
int
kpi_finish_counts_apart(const struct kpi *k)
{
	return k->o.business == NULL;
}

void
kpi_finish_count(struct kpi *k, int which)
{
	count_conversations(k, which, 0);
}

void
kpi_finish_release(struct kpi *k, size_t part, size_t nparts)
{
	size_t from = k->nfin * part / nparts, to = k->nfin * (part + 1) /
	    nparts;

	for (size_t i = from; i < to; i++) {
		conv_free(k->fin[i].e->val.ptr);
		k->fin[i].e->val.ptr = NULL;
	}
}

size_t
kpi_finish_end(struct kpi *k)
{
	free(k->fin);
	k->fin = NULL;
	k->nfin = 0;
	for (int v = 0; v < k->nviews; v++)
		make_rows(k->views[v]);
	return make_rows(k);
}

size_t
kpi_finish(struct kpi *k)
{
	kpi_finish_begin(k);
	kpi_finish_prepare(k, 0, 1);
	count_conversations(k, KPI_COUNT_GROUPS | KPI_COUNT_TOTAL, 1);
	return kpi_finish_end(k);
}

/* ---- the report ---------------------------------------------------------- */

static int
available(const struct kpi *k, int m)
{
	switch (metric_defs[m].when) {
	case MW_BUSINESS: return k->o.business != NULL;
	case MW_BY: return k->o.by != KPI_BY_NONE;
	default: return 1;
	}
}

struct kpi *
kpi_new(const struct kpi_opts *o)
{
	struct kpi *k = xcalloc(1, sizeof *k);
	size_t nv = (size_t)o->ngroup + 1;

	k->o = *o;
	k->rules = xcalloc(nv, sizeof *k->rules);
	k->vals = xcalloc(nv, sizeof *k->vals);
	k->synth = xcalloc(nv, sizeof *k->synth);
	k->zero = xcalloc(nv, sizeof *k->zero);
	k->group_seen = xcalloc(nv, 1);
	k->agent_field = -1;
	k->fields = xcalloc(nv, sizeof *k->fields);
	for (int f = 0; f < o->ngroup; f++)
		set_field(k, f, o->group[f]);
	k->nfields = o->ngroup;
	k->grouped = o->ngroup > 0 || o->by != KPI_BY_NONE;
	group_init(&k->total);
	k->total.k = k;
	k->latest = CS_TIME_NONE;
	k->cached = SIZE_MAX;
	k->recent = HMAP_NONE;
	for (int m = 0; m < M_NMETRICS; m++)
		if (available(k, m))
			k->metric_ids[k->nmetrics++] = m;
	return k;
}

void
kpi_free(struct kpi *k)
{
	if (k == NULL)
		return;
	views_free(k);
	for (size_t i = 0; i < hmap_count(&k->convs); i++)
		if (hmap_at(&k->convs, i)->val.ptr != NULL)
			conv_free(hmap_at(&k->convs, i)->val.ptr);
	for (size_t i = 0; i < hmap_count(&k->groups); i++) {
		struct group *g = hmap_at(&k->groups, i)->val.ptr;
		group_free(g);
		free(g->vals);
		free(g);
	}
	for (size_t i = 0; i < hmap_count(&k->orders); i++) {
		struct orders *o = hmap_at(&k->orders, i)->val.ptr;
		if (o == NULL)		/* moved to another (kpi_absorb) */
			continue;
		free(o->o);
		free(o);
	}
	group_free(&k->total);
	free(k->loose);
	free(k->tmap);
	pline_free(k->pl);
	free(k->fin);
	hmap_free(&k->strs);
	hmap_free(&k->tuples);
	hmap_free(&k->convs);
	hmap_free(&k->groups);
	hmap_free(&k->orders);
	buf_free(&k->key);
	buf_free(&k->scratch);
	buf_free(&k->conv_text);
	buf_free(&k->cust_text);
	free(k->rules);
	free(k->fields);
	free(k->fmap);
	free(k->vals);
	free(k->synth);
	free(k->zero);
	free(k->group_seen);
	free(k->rows);
	free(k);
}

int
kpi_group_seen(const struct kpi *k, int f)
{
	return k->group_seen[f];
}

size_t
kpi_nrows(const struct kpi *k)
{
	return k->nrows;
}

size_t
kpi_reordered(const struct kpi *k)
{
	return k->reordered;
}

cs_time
kpi_now(const struct kpi *k)
{
	return k->now;
}

int
kpi_key_count(const struct kpi *k)
{
	return k->o.ngroup + 2 * (k->o.by != KPI_BY_NONE) + 1;
}

const char *
kpi_key_name(const struct kpi *k, int i)
{
	if (i < k->o.ngroup)
		return k->o.group[i];
	if (i == k->o.ngroup && k->o.by != KPI_BY_NONE)
		return bucket_names[k->o.by];
	if (i == k->o.ngroup + 1 && k->o.by != KPI_BY_NONE)
		return "tz";
	return "total";
}

/* The zone the periods are in, as the rows say it. */
static const char *
bucket_zone(const struct kpi *k)
{
	return k->o.tz != NULL ? tz_name(k->o.tz) : "UTC";
}

int
kpi_metric_count(const struct kpi *k)
{
	return k->nmetrics;
}

const char *
kpi_metric_name(const struct kpi *k, int i)
{
	return metric_defs[k->metric_ids[i]].name;
}

enum kpi_kind
kpi_metric_kind(const struct kpi *k, int i)
{
	return metric_defs[k->metric_ids[i]].kind;
}

const char *
kpi_metric_requires(const char *name)
{
	for (int m = 0; m < M_NMETRICS; m++)
		if (strcmp(metric_defs[m].name, name) == 0)
			switch (metric_defs[m].when) {
			case MW_BUSINESS: return "--hours";
			case MW_BY: return "--by";
			default: return NULL;
			}
	return NULL;
}

void
kpi_metrics_list(struct buf *out)
{
	for (int m = 0; m < M_NMETRICS; m++) {
		const char *req = kpi_metric_requires(metric_defs[m].name);
		buf_printf(out, "%-24s %s%s%s%s\n", metric_defs[m].name,
		    metric_defs[m].text, req ? " [needs " : "", req ? req : "",
		    req ? "]" : "");
	}
}

const char *
kpi_metric_suggest(const char *name)
{
	struct suggest s = { name, NULL, 0, 0 };

	for (int m = 0; m < M_NMETRICS; m++)
		suggest_offer(&s, metric_defs[m].name);
	return s.best;
}

int
kpi_metric_find(const struct kpi *k, const char *name)
{
	for (int i = 0; i < k->nmetrics; i++)
		if (strcmp(kpi_metric_name(k, i), name) == 0)
			return i;
	return -1;
}

int
kpi_value(struct kpi *k, size_t row, int metric, double *v)
{
	double x = row_values(k, row)[k->metric_ids[metric]];

	if (isnan(x))
		return -1;
	*v = x;
	return 0;
}

int
kpi_row_is_total(const struct kpi *k, size_t row)
{
	return row + 1 == k->nrows;
}

cJSON *
kpi_row_object(struct kpi *k, size_t row, const int *metrics,
    int nmetrics)
{
	const struct group *g = k->rows[row];
	cJSON *o = cJSON_CreateObject();
	struct buf b = BUF_INIT;
	double v;

	if (kpi_row_is_total(k, row))
		cJSON_AddItemToObject(o, "total", cJSON_CreateTrue());
	else {
		for (int f = 0; f < k->o.ngroup; f++) {
			const char *s = str_of(k, g->vals[f]);
			cJSON_AddItemToObject(o, k->o.group[f], s ?
			    cJSON_CreateString(s) : cJSON_CreateNull());
		}
		if (k->o.by != KPI_BY_NONE) {
			bucket_label(k, g->bucket, &b);
			cJSON_AddItemToObject(o, bucket_names[k->o.by],
			    cJSON_CreateString(buf_str(&b)));
			cJSON_AddItemToObject(o, "tz",
			    cJSON_CreateString(bucket_zone(k)));
		}
	}
	if (metrics == NULL)
		nmetrics = k->nmetrics;
	for (int i = 0; i < nmetrics; i++) {
		int m = metrics ? metrics[i] : i;
		cJSON *val;
		if (k->metric_ids[m] == M_CONVERSION_AMOUNT)
			val = hmap_count(&g->revenue) > 0 ?
			    revenue_object(g) : cJSON_CreateNull();
		else
			val = kpi_value(k, row, m, &v) == 0 ?
			    cJSON_CreateNumber(v) : cJSON_CreateNull();
		cJSON_AddItemToObject(o, kpi_metric_name(k, m), val);
	}
	buf_free(&b);
	return o;
}

void
kpi_row_label(const struct kpi *k, size_t row, struct buf *out)
{
	const struct group *g = k->rows[row];

	if (kpi_row_is_total(k, row)) {
		buf_adds(out, "total");
		return;
	}
	for (int f = 0; f < k->o.ngroup; f++) {
		const char *s = str_of(k, g->vals[f]);
		buf_printf(out, "%s%s=%s", f ? " " : "", k->o.group[f],
		    s ? s : "null");
	}
	if (k->o.by != KPI_BY_NONE) {
		buf_printf(out, "%s%s=", k->o.ngroup ? " " : "",
		    bucket_names[k->o.by]);
		bucket_label(k, g->bucket, out);
	}
}

int
kpi_bucket_parse(const char *s)
{
	for (int i = KPI_BY_HOUR; i <= KPI_BY_MONTH; i++)
		if (strcmp(s, bucket_names[i]) == 0)
			return i;
	return -1;
}

/* Local midnight `back` days before the day of `now`, as an instant. */
static cs_time
local_midnight(cs_time now, const struct tz_zone *tz, int back)
{
	int64_t sec = civil_floor_div(now, 1000), utc;
	int64_t local = sec + (tz ? tz_offset_at(tz, sec, NULL, NULL) : 0);
	int64_t day = civil_floor_div(local, 86400) - back;

	if (tz == NULL)
		return day * 86400 * 1000;
	tz_local_to_utc(tz, day * 86400, &utc);
	return utc * 1000;
}

/* A date alone, YYYY-MM-DD: its first instant in tz (UTC without). */
static int
plain_date(const char *s, const struct tz_zone *tz, cs_time *out)
{
	int y, m, d, n = 0;
	int64_t utc;

	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3
	    || n != 10 || s[4] != '-' || s[7] != '-' || m < 1 || m > 12 ||
	    d < 1 || d > civil_days_in_month(y, m))
		return 0;
	int64_t local = civil_days_from(y, m, d) * 86400;
	if (tz == NULL)
		utc = local;
	else
		tz_local_to_utc(tz, local, &utc);
	*out = utc * 1000;
	return 1;
}

int
kpi_parse_instant(const char *s, cs_time now, const struct tz_zone *tz,
    const struct ts_parser *p, cs_time *out)
{
	size_t n = strlen(s);
	double secs;
	const char *why;

	if (strcmp(s, "today") == 0 || strcmp(s, "yesterday") == 0) {
		*out = local_midnight(now, tz, s[0] == 'y');
		return 0;
	}
	if (plain_date(s, tz, out))
		return 0;
	if (n > 0 && strchr("smhdw", s[n - 1]) != NULL &&
	    dur_parse(s, &secs) == 0) {
		if (secs > 1000 * 366 * 86400.0)
			return -1;
		*out = now - (cs_time)llround(secs * 1000);
		return 0;
	}
	return ts_parse(p, s, out, &why);
}

void
kpi_want(const struct kpi *k, struct ev_want *w)
{
	static const char *const reads[] = { "type", "ts", "conversation",
	    "customer", "role", "intent", "status", "score", "good",
	    "needs_reply", "private", "internal", "order_id", "amount",
	    "currency" };

	for (size_t i = 0; i < sizeof reads / sizeof *reads; i++)
		ev_want_add(w, fieldmap_source(k->o.map, reads[i]));
	for (int f = 0; f < k->nfields; f++)
		ev_want_add(w, fieldmap_source(k->o.map, k->fields[f]));
	if (k->escalate)
		ev_want_add(w, fieldmap_source(k->o.map, "escalate"));
}

/* ---- views: more reports from the same pass (cs-report) ------------------ */

static enum rule
rule_of(const char *field)
{
	if (strcmp(field, "agent") == 0)
		return R_AGENT;
	if (strcmp(field, "intent") == 0 || strcmp(field, "variant") == 0 ||
	    strcmp(field, "template") == 0)
		return R_CLASSIFIED;
	return R_FIRST;
}

static void
set_field(struct kpi *k, int f, const char *name)
{
	k->fields[f] = name;
	k->rules[f] = rule_of(name);
	if (k->rules[f] == R_AGENT && k->agent_field < 0)
		k->agent_field = f;
}

int
kpi_field(struct kpi *k, const char *name)
{
	int f;
	size_t nv;

	for (f = 0; f < k->nfields; f++)
		if (strcmp(k->fields[f], name) == 0)
			return f;
	nv = (size_t)k->nfields + 2;
	k->fields = xrealloc(k->fields, sizeof *k->fields * nv);
	k->rules = xrealloc(k->rules, sizeof *k->rules * nv);
	k->vals = xrealloc(k->vals, sizeof *k->vals * nv);
	k->synth = xrealloc(k->synth, sizeof *k->synth * nv);
	free(k->zero);
	k->zero = xcalloc(nv, sizeof *k->zero);
	set_field(k, f, name);
	k->nfields++;
	return f;
}

const char *
kpi_field_name(const struct kpi *k, int f)
{
	return k->fields[f];
}

struct kpi *
kpi_view_add(struct kpi *k, const struct kpi_view_opts *vo)
{
	struct kpi_opts o = k->o;

	o.group = vo->group;
	o.ngroup = vo->ngroup;
	o.by = vo->by;
	o.since = vo->since;
	o.until = vo->until;
	struct kpi *v = kpi_new(&o);
	v->root = k;
	v->fmap = xcalloc((size_t)vo->ngroup + 1, sizeof *v->fmap);
	for (int f = 0; f < vo->ngroup; f++)
		v->fmap[f] = kpi_field(k, vo->group[f]);
	k->views = xrealloc(k->views, sizeof *k->views *
	    (size_t)(k->nviews + 1));
	k->views[k->nviews++] = v;
	k->escalate = 1;
	return v;
}

void
kpi_on_conversation(struct kpi *k, kpi_conversation_fn fn, void *ctx)
{
	k->visit = fn;
	k->visit_ctx = ctx;
	k->escalate = 1;
}

/* A view's values of its fields, from the root's values of all fields. */
static const uint32_t *
view_vals(struct kpi *v, const uint32_t *root_vals)
{
	for (int f = 0; f < v->o.ngroup; f++)
		v->vals[f] = root_vals[v->fmap[f]];
	return v->vals;
}

static void
views_message(struct kpi *k, int role, cs_time t)
{
	for (int i = 0; i < k->nviews; i++) {
		struct kpi *v = k->views[i];
		if (!in_period(v, t))
			continue;
		view_vals(v, k->vals);
		count_message(v, role, t);
	}
}

static void
views_order(struct kpi *k, const char *cust, const struct order *ord)
{
	for (int i = 0; i < k->nviews; i++) {
		struct kpi *v = k->views[i];
		if (!in_period(v, ord->t))
			continue;
		view_vals(v, k->vals);
		count_order(v, cust, ord);
	}
}

static void
views_rating(struct kpi *k, const uint32_t *vals, const struct rating *r)
{
	for (int i = 0; i < k->nviews; i++) {
		struct kpi *v = k->views[i];
		if (in_period(v, r->ts))
			count_rating(v, view_vals(v, vals), r);
	}
}

static void
views_start(struct kpi *k)
{
	for (int i = 0; i < k->nviews; i++) {
		k->views[i]->now = k->now;
		k->views[i]->rejected = k->rejected;
	}
}

static void
visit(struct kpi *k, const struct hmap_entry *e, const struct conv *c)
{
	struct kpi_conversation kc = {
		.id = e->key, .start = c->start,
		.first_response = c->first_resp,
		.waiting_since = c->run_start,
		.breached = breached(k, c),
		.escalated = c->escalated,
		.closed = c->closed && c->resolved >= c->start,
		.values = c->gv,
	};

	/* Resolved after the buyer last wrote: nobody is waiting. */
	if (c->closed && c->run_start != CS_TIME_NONE &&
	    c->resolved >= c->run_start)
		kc.waiting_since = CS_TIME_NONE;
	k->visit(k->visit_ctx, &kc);
}

/* A folded conversation (conv_finish) into every view, and to the visitor. */
static void
views_conversation(struct kpi *k, const struct hmap_entry *e)
{
	const struct conv *c = e->val.ptr;
	const struct order *conv = NULL;
	int conv_known = 0;

	for (int i = 0; i < k->nviews; i++) {
		struct kpi *v = k->views[i];
		if (c->start == CS_TIME_NONE) {
			for (uint32_t j = 0; j < c->nratings; j++)
				if (in_period(v, c->ratings[j].ts))
					count_rating(v, view_vals(v, tuple_vals(k,
					    c->ratings[j].tuple)), &c->ratings[j]);
			continue;
		}
		if (!in_period(v, c->start))
			continue;
		if (!conv_known && c->customer != 0)
			conv = converted(k, c->customer, c->start);
		conv_known = 1;
		struct group *g = group_get(v, view_vals(v, c->gv),
		    bucket_of(v, c->start));
		if (g != NULL)
			conv_into(v, c, g, conv);
		conv_into(v, c, &v->total, conv);
	}
	if (k->visit != NULL && c->start != CS_TIME_NONE)
		visit(k, e, c);
}

static void
views_free(struct kpi *k)
{
	for (int i = 0; i < k->nviews; i++)
		kpi_free(k->views[i]);
	free(k->views);
	/* The field names past the -g ones are the views' (borrowed). */
}

const char *
kpi_conversation_value(const struct kpi *k, const struct kpi_conversation *c,
    int field)
{
	return str_of(k, c->values[field]);
}

const char *
kpi_row_key(const struct kpi *k, size_t row, int field)
{
	if (kpi_row_is_total(k, row))
		return NULL;
	return str_of(k, k->rows[row]->vals[field]);
}

int64_t
kpi_row_bucket(const struct kpi *k, size_t row)
{
	return k->rows[row]->bucket;
}

/* ---- mergeable state (cs-kpi -o partial, --merge, -j) -------------------- */

/*
 * A report's open state before kpi_finish, moved into another report
 * (kpi_absorb) or written as JSON lines (kpi_partial_write) and read back
 * into a report of its own (kpi_partial_add).  Nothing here computes a
 * figure: every conversation is folded, and every figure counted, by the
 * engine above in the report the parts end in.  Before kpi_finish a group
 * holds only counts of messages and orders; everything else is counted at
 * the end, from the conversations.
 */

static uint32_t
str_into(struct kpi *dst, const struct kpi *src, uint32_t id)
{
	if (id == 0)
		return 0;
	const struct hmap_entry *e = hmap_at(&src->strs, id - 1);
	return intern(dst, e->key, e->len);
}

/* src's string and tuple numbers as dst's, each looked up once. */
struct idmap {
	struct kpi	*dst;
	struct kpi	*src;
	uint32_t	*str, *tuple;	/* UINT32_MAX: not looked up yet */
	size_t		 nstr, ntuple;
	uint32_t	*vals;		/* scratch */
};

static void
idmap_init(struct idmap *m, struct kpi *dst, struct kpi *src)
{
	m->dst = dst;
	m->src = src;
	m->nstr = hmap_count(&src->strs);
	m->str = xmalloc(sizeof *m->str * (m->nstr + 1));
	memset(m->str, 0xff, sizeof *m->str * (m->nstr + 1));
	m->tuple = NULL;
	m->ntuple = 0;
	m->vals = xcalloc((size_t)src->nfields + 1, sizeof *m->vals);
}

static void
idmap_free(struct idmap *m)
{
	free(m->str);
	free(m->tuple);
	free(m->vals);
}

static uint32_t
map_str(struct idmap *m, uint32_t id)
{
	if (id == 0)
		return 0;
	if (m->str[id - 1] == UINT32_MAX)
		m->str[id - 1] = str_into(m->dst, m->src, id);
	return m->str[id - 1];
}

static uint32_t
map_tuple(struct idmap *m, uint32_t t)
{
	if (t >= m->ntuple) {	/* src makes tuples as it is turned to lists */
		size_t n = hmap_count(&m->src->tuples);
		m->tuple = xrealloc(m->tuple, sizeof *m->tuple * n);
		memset(m->tuple + m->ntuple, 0xff, sizeof *m->tuple *
		    (n - m->ntuple));
		m->ntuple = n;
	}
	if (m->tuple[t] == UINT32_MAX) {
		const uint32_t *v = tuple_vals(m->src, t);
		for (int f = 0; f < m->src->nfields; f++)
			m->vals[f] = map_str(m, v[f]);
		m->tuple[t] = tuple_id(m->dst, m->vals);
	}
	return m->tuple[t];
}

static void
buyer_add(struct group *g, const char *cust, size_t len, uint64_t n)
{
	hmap_at(&g->buyers, hmap_put(&g->buyers, cust, len, NULL))->val.num +=
	    n;
}

/* The orders of s (its buyers and order ids) into g: an order id both
 * have was counted by both. */
static void
buyers_absorb(struct group *g, const struct group *s)
{
	int added;

	for (size_t i = 0; i < hmap_count(&s->buyers); i++) {
		const struct hmap_entry *e = hmap_at(&s->buyers, i);
		buyer_add(g, e->key, e->len, e->val.num);
	}
	for (size_t i = 0; i < hmap_count(&s->order_ids); i++) {
		const struct hmap_entry *e = hmap_at(&s->order_ids, i);
		hmap_put(&g->order_ids, e->key, e->len, &added);
		if (!added)
			hmap_at(&g->buyers, hmap_find(&g->buyers, e->key,
			    strlen(e->key)))->val.num--;
	}
}

/* A group's counts before kpi_finish: messages and orders. */
static void
group_absorb(struct group *g, const struct group *s)
{
	g->messages += s->messages;
	for (int i = 0; i < 5; i++)
		g->by_role[i] += s->by_role[i];
	buyers_absorb(g, s);
}

static void
rating_push(struct conv *c, const struct rating *r)
{
	if (c->nratings == c->capratings) {
		c->capratings = c->capratings ? c->capratings * 2 : 1;
		c->ratings = xrealloc(c->ratings, sizeof *c->ratings *
		    c->capratings);
	}
	c->ratings[c->nratings++] = *r;
}

/* A part's summary of a conversation is carried on: a message it let go
 * is still a place a later event cannot land exactly. */
static void
conv_carry(struct kpi *k, struct conv *c, cs_time dropped, int approx)
{
	if (dropped > c->dropped)	/* CS_TIME_NONE is the least */
		c->dropped = dropped;
	if (approx && !c->approx) {
		c->approx = 1;
		k->reordered++;
	}
}

/* A conversation only src has: moved over as it is, its numbers dst's. */
static void
conv_move(struct idmap *m, struct conv *s)
{
	for (int f = 0; f < m->src->nfields; f++)
		s->gv[f] = map_str(m, s->gv[f]);
	s->customer = map_str(m, s->customer);
	for (uint32_t i = 0; i < s->nout; i++)
		s->held[i].agent = map_str(m, s->held[i].agent);
	for (uint32_t i = 0; i < s->nevs; i++)
		s->evs[i].tuple = map_tuple(m, s->evs[i].tuple);
	for (uint32_t i = 0; i < s->nratings; i++)
		s->ratings[i].tuple = map_tuple(m, s->ratings[i].tuple);
	if (s->approx)
		m->dst->reordered++;
}

/*
 * A conversation both have: src's events (its summary turned back into
 * events, as for a late event) in time order, after dst's own.
 */
static void
conv_join(struct idmap *m, struct conv *c, struct conv *s)
{
	struct kpi *dst = m->dst;

	if (c->customer == 0)
		c->customer = map_str(m, s->customer);
	if (s->evs == NULL)
		conv_to_list(m->src, s);
	if (s->nevs > 1)
		qsort(s->evs, s->nevs, sizeof *s->evs, cmp_kev);
	for (uint32_t i = 0; i < s->nevs; i++) {
		memcpy(dst->vals, tuple_vals(dst, map_tuple(m,
		    s->evs[i].tuple)), sizeof *dst->vals *
		    (size_t)dst->nfields);
		conv_event_from(dst, c, s->evs[i].kind, s->evs[i].ts, 1);
	}
	conv_carry(dst, c, s->dropped, s->approx);
	for (uint32_t i = 0; i < s->nratings; i++) {
		struct rating r = s->ratings[i];
		r.tuple = map_tuple(m, r.tuple);
		rating_push(c, &r);
	}
}

/* A customer's orders: moved over when dst has none of theirs. */
static void
orders_absorb(struct idmap *m, struct hmap_entry *e)
{
	struct orders *s = e->val.ptr;
	int added;
	struct hmap_entry *d = hmap_at(&m->dst->orders, hmap_put(
	    &m->dst->orders, e->key, e->len, &added));

	for (uint32_t j = 0; j < s->n; j++) {
		s->o[j].currency = map_str(m, s->o[j].currency);
		s->o[j].id = map_str(m, s->o[j].id);
		if (!added)
			order_keep(d->val.ptr, &s->o[j]);
	}
	if (added) {
		d->val.ptr = s;
		e->val.ptr = NULL;
	}
}

/* An absorption under way (kpi_absorb_begin .. _end). */
struct kpi_absorb {
	struct idmap	 m;
	struct group	**groups;	/* dst's group of each of src's */
	size_t		*joins;		/* src's conversations dst has too */
	size_t		 njoins, capjoins;
};

struct kpi_absorb *
kpi_absorb_begin(struct kpi *dst, struct kpi *src)
{
	struct kpi_absorb *a = xcalloc(1, sizeof *a);
	size_t ng = hmap_count(&src->groups);

	idmap_init(&a->m, dst, src);
	/* Every string and tuple of src is looked up now: the parts then
	 * read the map and touch no map of dst's but their own. */
	for (size_t id = 1; id <= a->m.nstr; id++)
		map_str(&a->m, (uint32_t)id);
	for (size_t t = 0; t < hmap_count(&src->tuples); t++)
		map_tuple(&a->m, (uint32_t)t);
	a->groups = xcalloc(ng + 1, sizeof *a->groups);
	for (size_t i = 0; i < ng; i++) {
		const struct group *s = hmap_at(&src->groups, i)->val.ptr;
		for (int f = 0; f < src->o.ngroup; f++)
			a->m.vals[f] = map_str(&a->m, s->vals[f]);
		a->groups[i] = group_get(dst, a->m.vals, s->bucket);
	}
	return a;
}

static void
absorb_groups(struct kpi_absorb *a)
{
	struct kpi *dst = a->m.dst, *src = a->m.src;

	for (size_t i = 0; i < hmap_count(&src->groups); i++)
		if (a->groups[i] != NULL)
			group_absorb(a->groups[i],
			    hmap_at(&src->groups, i)->val.ptr);
	group_absorb(&dst->total, &src->total);
	for (uint32_t i = 0; i < src->nloose; i++)
		loose_add(dst, &src->loose[i], map_tuple(&a->m,
		    src->loose[i].tuple));
}

/* A conversation only src has is moved; one both have is joined at the
 * end, where dst's tuples may grow. */
static void
absorb_conversations(struct kpi_absorb *a)
{
	struct kpi *dst = a->m.dst, *src = a->m.src;
	int added;

	for (size_t i = 0; i < hmap_count(&src->convs) && !dst->full; i++) {
		struct hmap_entry *e = hmap_at(&src->convs, i);
		struct conv *s = e->val.ptr;
		if (s == NULL)
			continue;
		if (dst->o.max_conversations > 0 &&
		    hmap_count(&dst->convs) >= dst->o.max_conversations &&
		    hmap_find(&dst->convs, e->key, e->len) == HMAP_NONE) {
			dst->full = 1;
			break;
		}
		struct hmap_entry *d = hmap_at(&dst->convs, hmap_put(
		    &dst->convs, e->key, e->len, &added));
		if (!added) {
			if (a->njoins == a->capjoins) {
				a->capjoins = a->capjoins ? a->capjoins * 2 : 64;
				a->joins = xrealloc(a->joins, sizeof *a->joins *
				    a->capjoins);
			}
			a->joins[a->njoins++] = i;
			continue;
		}
		conv_move(&a->m, s);
		d->val.ptr = s;
		e->val.ptr = NULL;
	}
}

void
kpi_absorb_part(struct kpi_absorb *a, enum kpi_absorb_part part)
{
	switch (part) {
	case KPI_ABSORB_GROUPS:
		absorb_groups(a);
		break;
	case KPI_ABSORB_ORDERS:
		for (size_t i = 0; i < hmap_count(&a->m.src->orders); i++)
			orders_absorb(&a->m, hmap_at(&a->m.src->orders, i));
		break;
	case KPI_ABSORB_CONVERSATIONS:
		absorb_conversations(a);
		break;
	}
}

void
kpi_absorb_end(struct kpi_absorb *a)
{
	struct kpi *dst = a->m.dst, *src = a->m.src;

	for (size_t i = 0; i < a->njoins; i++) {
		const struct hmap_entry *e = hmap_at(&src->convs, a->joins[i]);
		conv_join(&a->m, hmap_at(&dst->convs, hmap_find(&dst->convs,
		    e->key, e->len))->val.ptr, e->val.ptr);
	}
	if (src->latest > dst->latest)		/* CS_TIME_NONE is the least */
		dst->latest = src->latest;
	dst->rejected += src->rejected;
	dst->full |= src->full;
	for (int f = 0; f < dst->o.ngroup; f++)
		dst->group_seen[f] |= src->group_seen[f];
	idmap_free(&a->m);
	free(a->groups);
	free(a->joins);
	free(a);
}

void
kpi_absorb(struct kpi *dst, struct kpi *src)
{
	struct kpi_absorb *a = kpi_absorb_begin(dst, src);

	kpi_absorb_part(a, KPI_ABSORB_GROUPS);
	kpi_absorb_part(a, KPI_ABSORB_ORDERS);
	kpi_absorb_part(a, KPI_ABSORB_CONVERSATIONS);
	kpi_absorb_end(a);
}

/* ---- the state as JSON lines ---------------------------------------------- */

static void
put_num(struct buf *b, double v)
{
	json_write_number(b, v);
}

static void
put_str(struct buf *b, const struct kpi *k, uint32_t id)
{
	if (id == 0) {
		buf_add(b, "null", 4);
		return;
	}
	const struct hmap_entry *e = hmap_at(&k->strs, id - 1);
	json_write_string(b, e->key, e->len);
}

static void
put_vals(struct buf *b, const struct kpi *k, const uint32_t *vals, int n)
{
	buf_addc(b, '[');
	for (int f = 0; f < n; f++) {
		if (f)
			buf_addc(b, ',');
		put_str(b, k, vals[f]);
	}
	buf_addc(b, ']');
}

static void
put_rating(struct buf *b, const struct rating *r)
{
	put_num(b, r->score);	/* NaN (a thumb) is written null */
	buf_addc(b, ',');
	put_num(b, r->good);
	buf_addc(b, ',');
	put_num(b, (double)r->ts);
	buf_addc(b, ',');
	put_num(b, r->tuple);
}

static void
emit_line(struct buf *b, kpi_emit_fn emit, void *ctx)
{
	emit(ctx, b->data, b->len);
	buf_reset(b);
}

static void
write_group(struct buf *b, const struct kpi *k, const struct group *g)
{
	if (g == &k->total)
		buf_adds(b, "{\"total\":true");
	else {
		buf_adds(b, "{\"g\":");
		put_vals(b, k, g->vals, k->o.ngroup);
		buf_adds(b, ",\"b\":");
		put_num(b, (double)g->bucket);
	}
	buf_adds(b, ",\"m\":[");
	put_num(b, (double)g->messages);
	for (int i = 0; i < 5; i++) {
		buf_addc(b, ',');
		put_num(b, (double)g->by_role[i]);
	}
	buf_adds(b, "],\"bu\":[");
	for (size_t i = 0; i < hmap_count(&g->buyers); i++) {
		const struct hmap_entry *e = hmap_at(&g->buyers, i);
		if (i)
			buf_addc(b, ',');
		json_write_string(b, e->key, e->len);
		buf_addc(b, ',');
		put_num(b, (double)e->val.num);
	}
	buf_adds(b, "],\"oi\":[");
	for (size_t i = 0; i < hmap_count(&g->order_ids); i++) {
		const struct hmap_entry *e = hmap_at(&g->order_ids, i);
		size_t clen = strlen(e->key);
		if (i)
			buf_addc(b, ',');
		json_write_string(b, e->key, clen);
		buf_addc(b, ',');
		json_write_string(b, e->key + clen + 1, e->len - clen - 1);
	}
	buf_adds(b, "]}");
}

static void
write_orders(struct buf *b, const struct kpi *k, const struct hmap_entry *e)
{
	const struct orders *o = e->val.ptr;

	buf_adds(b, "{\"o\":");
	json_write_string(b, e->key, e->len);
	buf_adds(b, ",\"l\":[");
	for (uint32_t i = 0; i < o->n; i++) {
		if (i)
			buf_addc(b, ',');
		put_num(b, (double)o->o[i].t);
		buf_addc(b, ',');
		put_num(b, o->o[i].amount);
		buf_addc(b, ',');
		put_str(b, k, o->o[i].currency);
		buf_addc(b, ',');
		put_str(b, k, o->o[i].id);
	}
	buf_adds(b, "]}");
}

/* A conversation: its events as ts (then the change from the one before),
 * kind and tuple, in the order they came. */
static void
write_conv(struct buf *b, struct kpi *k, const struct hmap_entry *e)
{
	struct conv *c = e->val.ptr;
	cs_time prev = 0;

	if (c->evs == NULL)
		conv_to_list(k, c);
	buf_adds(b, "{\"c\":");
	json_write_string(b, e->key, e->len);
	if (c->customer != 0) {
		buf_adds(b, ",\"cu\":");
		put_str(b, k, c->customer);
	}
	buf_adds(b, ",\"e\":[");
	for (uint32_t i = 0; i < c->nevs; i++) {
		if (i)
			buf_addc(b, ',');
		put_num(b, (double)(c->evs[i].ts - prev));
		prev = c->evs[i].ts;
		buf_addc(b, ',');
		put_num(b, c->evs[i].kind);
		buf_addc(b, ',');
		put_num(b, c->evs[i].tuple);
	}
	buf_addc(b, ']');
	if (c->dropped != CS_TIME_NONE) {
		buf_adds(b, ",\"d\":");
		put_num(b, (double)c->dropped);
	}
	if (c->approx)
		buf_adds(b, ",\"a\":1");
	if (c->nratings > 0) {
		buf_adds(b, ",\"r\":[");
		for (uint32_t i = 0; i < c->nratings; i++) {
			if (i)
				buf_addc(b, ',');
			put_rating(b, &c->ratings[i]);
		}
		buf_addc(b, ']');
	}
	buf_addc(b, '}');
}

void
kpi_partial_write(struct kpi *k, kpi_emit_fn emit, void *ctx)
{
	struct buf b = BUF_INIT;

	/* Conversations made into lists make tuples: those first. */
	for (size_t i = 0; i < hmap_count(&k->convs); i++) {
		struct conv *c = hmap_at(&k->convs, i)->val.ptr;
		if (c != NULL && c->evs == NULL)
			conv_to_list(k, c);
	}
	for (size_t i = 0; i < hmap_count(&k->tuples); i++) {
		buf_adds(&b, "{\"t\":");
		put_vals(&b, k, tuple_vals(k, (uint32_t)i), k->nfields);
		buf_addc(&b, '}');
		emit_line(&b, emit, ctx);
	}
	for (size_t i = 0; i < hmap_count(&k->groups); i++) {
		write_group(&b, k, hmap_at(&k->groups, i)->val.ptr);
		emit_line(&b, emit, ctx);
	}
	write_group(&b, k, &k->total);
	emit_line(&b, emit, ctx);
	for (uint32_t i = 0; i < k->nloose; i++) {
		buf_adds(&b, "{\"lr\":[");
		put_rating(&b, &k->loose[i]);
		buf_adds(&b, "]}");
		emit_line(&b, emit, ctx);
	}
	for (size_t i = 0; i < hmap_count(&k->orders); i++) {
		write_orders(&b, k, hmap_at(&k->orders, i));
		emit_line(&b, emit, ctx);
	}
	for (size_t i = 0; i < hmap_count(&k->convs); i++) {
		write_conv(&b, k, hmap_at(&k->convs, i));
		emit_line(&b, emit, ctx);
	}
	buf_adds(&b, "{\"end\":true,\"latest\":");
	put_num(&b, k->latest == CS_TIME_NONE ? NAN : (double)k->latest);
	buf_adds(&b, ",\"rejected\":");
	put_num(&b, (double)k->rejected);
	buf_adds(&b, ",\"seen\":[");
	for (int f = 0; f < k->o.ngroup; f++)
		buf_adds(&b, f ? (k->group_seen[f] ? ",true" : ",false") :
		    k->group_seen[f] ? "true" : "false");
	buf_adds(&b, "]}");
	emit_line(&b, emit, ctx);
	buf_free(&b);
}

/* ---- reading it back ------------------------------------------------------ */

/*
 * A line of partial state is read without building a tree (a merge reads
 * one a conversation): its members, each a scalar or a flat array of
 * scalars, in the order they are written.  Strings are copied out,
 * unescaped and NUL-ended, into one buffer.
 */
enum pv_type { PV_NULL, PV_FALSE, PV_TRUE, PV_NUM, PV_STR };

struct pval {
	enum pv_type	 type;
	double		 num;
	size_t		 str;		/* offset in strs */
};

struct pmember {
	const char	*key;		/* into the line: no escapes */
	size_t		 keylen;
	int		 array;
	size_t		 first, n;	/* its values */
};

#define PLINE_MEMBERS	8

struct pline {
	const char	*p, *e;		/* the text being read */
	struct pval	*v;
	size_t		 nv, capv;
	struct pmember	 m[PLINE_MEMBERS];
	int		 nm;
	struct buf	 strs;
};

static void
pline_free(struct pline *pl)
{
	if (pl == NULL)
		return;
	free(pl->v);
	buf_free(&pl->strs);
	free(pl);
}

static void
pl_blanks(struct pline *pl)
{
	while (pl->p < pl->e && (*pl->p == ' ' || *pl->p == '\t' ||
	    *pl->p == '\r' || *pl->p == '\n'))
		pl->p++;
}

static int
pl_char(struct pline *pl, char c)
{
	pl_blanks(pl);
	if (pl->p < pl->e && *pl->p == c) {
		pl->p++;
		return 1;
	}
	return 0;
}

static int
hex4(const char *p, unsigned *out)
{
	*out = 0;
	for (int i = 0; i < 4; i++) {
		int c = p[i], d = c >= '0' && c <= '9' ? c - '0' :
		    c >= 'a' && c <= 'f' ? c - 'a' + 10 :
		    c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		*out = *out * 16 + (unsigned)d;
	}
	return 0;
}

static void
put_utf8(struct buf *b, unsigned c)
{
	char u[4];
	size_t n;

	if (c < 0x80) {
		u[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		u[0] = (char)(0xC0 | c >> 6);
		u[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		u[0] = (char)(0xE0 | c >> 12);
		u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		u[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | c >> 18);
		u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		u[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	}
	buf_add(b, u, n);
}

/* A string at p (its quote), unescaped into strs: 0, or -1. */
static int
pl_string(struct pline *pl, size_t *off)
{
	const char *p = pl->p + 1;
	unsigned c, lo;

	*off = pl->strs.len;
	for (;;) {
		const char *q = p;
		while (q < pl->e && *q != '"' && *q != '\\' &&
		    (unsigned char)*q >= 0x20)
			q++;
		buf_add(&pl->strs, p, (size_t)(q - p));
		if (q >= pl->e || (unsigned char)*q < 0x20)
			return -1;
		if (*q == '"') {
			buf_addc(&pl->strs, '\0');
			pl->p = q + 1;
			return 0;
		}
		if (q + 1 >= pl->e)
			return -1;
		p = q + 2;
		switch (q[1]) {
		case '"': case '\\': case '/': buf_addc(&pl->strs, q[1]); break;
		case 'b': buf_addc(&pl->strs, '\b'); break;
		case 'f': buf_addc(&pl->strs, '\f'); break;
		case 'n': buf_addc(&pl->strs, '\n'); break;
		case 'r': buf_addc(&pl->strs, '\r'); break;
		case 't': buf_addc(&pl->strs, '\t'); break;
		case 'u':
			if (pl->e - p < 4 || hex4(p, &c) != 0)
				return -1;
			p += 4;
			if (c >= 0xD800 && c < 0xDC00) {
				if (pl->e - p < 6 || p[0] != '\\' || p[1] != 'u' ||
				    hex4(p + 2, &lo) != 0 || lo < 0xDC00 ||
				    lo > 0xDFFF)
					return -1;
				c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
				p += 6;
			} else if ((c >= 0xDC00 && c < 0xE000) || c == 0)
				return -1;
			put_utf8(&pl->strs, c);
			break;
		default:
			return -1;
		}
	}
}

/* A number: whole ones of up to 15 digits exactly, others by strtod. */
static int
pl_number(struct pline *pl, double *v)
{
	const char *p = pl->p, *s = p;
	char tmp[64];
	int whole = 1;
	int64_t n = 0;

	if (p < pl->e && *p == '-')
		p++;
	for (int digits = 0; p < pl->e && *p >= '0' && *p <= '9'; p++)
		if (++digits <= 15)
			n = n * 10 + (*p - '0');
		else
			whole = 0;
	if (p == s || (p == s + 1 && *s == '-'))
		return -1;
	while (p < pl->e && (*p == '.' || *p == 'e' || *p == 'E' ||
	    *p == '+' || *p == '-' || (*p >= '0' && *p <= '9'))) {
		whole = 0;
		p++;
	}
	if (p == s)
		return -1;
	pl->p = p;
	if (whole) {
		*v = (double)(*s == '-' ? -n : n);
		return 0;
	}
	if ((size_t)(p - s) >= sizeof tmp)
		return -1;
	memcpy(tmp, s, (size_t)(p - s));
	tmp[p - s] = '\0';
	char *end;
	*v = strtod(tmp, &end);
	return *end == '\0' && isfinite(*v) ? 0 : -1;
}

static int
pl_word(struct pline *pl, const char *w, size_t n)
{
	if ((size_t)(pl->e - pl->p) < n || memcmp(pl->p, w, n) != 0)
		return -1;
	pl->p += n;
	return 0;
}

static int
pl_scalar(struct pline *pl)
{
	struct pval v = { PV_NULL, 0, 0 };

	pl_blanks(pl);
	if (pl->p >= pl->e)
		return -1;
	switch (*pl->p) {
	case '"':
		v.type = PV_STR;
		if (pl_string(pl, &v.str) != 0)
			return -1;
		break;
	case 'n':
		if (pl_word(pl, "null", 4) != 0)
			return -1;
		break;
	case 't':
		v.type = PV_TRUE;
		if (pl_word(pl, "true", 4) != 0)
			return -1;
		break;
	case 'f':
		v.type = PV_FALSE;
		if (pl_word(pl, "false", 5) != 0)
			return -1;
		break;
	default:
		v.type = PV_NUM;
		if (pl_number(pl, &v.num) != 0)
			return -1;
	}
	if (pl->nv == pl->capv) {
		pl->capv = pl->capv ? pl->capv * 2 : 64;
		pl->v = xrealloc(pl->v, sizeof *pl->v * pl->capv);
	}
	pl->v[pl->nv++] = v;
	return 0;
}

/* The line as members: 0, or -1 when it is not one of ours. */
static int
pl_parse(struct pline *pl, const char *text, size_t len)
{
	pl->p = text;
	pl->e = text + len;
	pl->nv = 0;
	pl->nm = 0;
	buf_reset(&pl->strs);
	if (!pl_char(pl, '{'))
		return -1;
	if (pl_char(pl, '}'))
		return -1;
	do {
		struct pmember *m;
		pl_blanks(pl);
		if (pl->nm == PLINE_MEMBERS || pl->p >= pl->e || *pl->p != '"')
			return -1;
		m = &pl->m[pl->nm++];
		m->key = pl->p + 1;
		while (pl->p + 1 < pl->e && pl->p[1] != '"' && pl->p[1] != '\\')
			pl->p++;
		if (pl->p + 1 >= pl->e || pl->p[1] != '"')
			return -1;
		m->keylen = (size_t)(pl->p + 1 - m->key);
		pl->p += 2;
		if (!pl_char(pl, ':'))
			return -1;
		m->first = pl->nv;
		m->array = pl_char(pl, '[');
		if (m->array && !pl_char(pl, ']')) {
			do {
				if (pl_scalar(pl) != 0)
					return -1;
			} while (pl_char(pl, ','));
			if (!pl_char(pl, ']'))
				return -1;
		} else if (!m->array && pl_scalar(pl) != 0)
			return -1;
		m->n = pl->nv - m->first;
	} while (pl_char(pl, ','));
	if (!pl_char(pl, '}'))
		return -1;
	pl_blanks(pl);
	return pl->p == pl->e ? 0 : -1;
}

static const struct pmember *
pl_get(const struct pline *pl, const char *key)
{
	size_t n = strlen(key);

	for (int i = 0; i < pl->nm; i++)
		if (pl->m[i].keylen == n && memcmp(pl->m[i].key, key, n) == 0)
			return &pl->m[i];
	return NULL;
}

/* An array member of rows of `width` values: its rows, or -1. */
static long
pl_rows(const struct pline *pl, const char *key, size_t width,
    const struct pval **v)
{
	const struct pmember *m = pl_get(pl, key);

	*v = NULL;
	if (m == NULL || !m->array || m->n % width != 0)
		return -1;
	*v = pl->v + m->first;
	return (long)(m->n / width);
}

static const struct pval *
pl_one(const struct pline *pl, const char *key)
{
	const struct pmember *m = pl_get(pl, key);

	return m != NULL && !m->array ? &pl->v[m->first] : NULL;
}

static const char *
pv_str(const struct pline *pl, const struct pval *v)
{
	return v != NULL && v->type == PV_STR ? pl->strs.data + v->str : NULL;
}

#define TS_LIMIT	((int64_t)1 << 53)

static int
pv_int(const struct pval *v, int64_t lo, int64_t hi, int64_t *out)
{
	if (v == NULL || v->type != PV_NUM || !(v->num >= (double)lo &&
	    v->num <= (double)hi) || v->num != trunc(v->num))
		return -1;
	*out = (int64_t)v->num;
	return 0;
}

/* A string (interned) or null (0). */
static int
pv_id(struct kpi *k, const struct pline *pl, const struct pval *v,
    uint32_t *out)
{
	const char *s = pv_str(pl, v);

	if (v != NULL && v->type == PV_NULL) {
		*out = 0;
		return 0;
	}
	if (s == NULL)
		return -1;
	*out = intern(k, s, strlen(s));
	return 0;
}

static const char *
read_vals(struct kpi *k, const struct pline *pl, const char *key,
    uint32_t *vals, int n)
{
	const struct pval *v = NULL;

	if (pl_rows(pl, key, 1, &v) != n)
		return "group values of another grouping (-g)";
	for (int f = 0; f < n; f++)
		if (pv_id(k, pl, &v[f], &vals[f]) != 0)
			return "a group value is not a string or null";
	return NULL;
}

static const char *
read_tuple(struct kpi *k, const struct pline *pl)
{
	const char *why = read_vals(k, pl, "t", k->synth, k->nfields);

	if (why != NULL)
		return why;
	if (k->ntmap == k->captmap) {
		k->captmap = k->captmap ? k->captmap * 2 : 16;
		k->tmap = xrealloc(k->tmap, sizeof *k->tmap * k->captmap);
	}
	k->tmap[k->ntmap++] = tuple_id(k, k->synth);
	return NULL;
}

static int
pv_tuple(const struct kpi *k, const struct pval *v, uint32_t *out)
{
	int64_t t;

	if (pv_int(v, 0, (int64_t)k->ntmap - 1, &t) != 0)
		return -1;
	*out = k->tmap[t];
	return 0;
}

static const char *
read_group(struct kpi *k, const struct pline *pl)
{
	const struct pval *m = NULL, *bu = NULL, *oi = NULL;
	long nbu = pl_rows(pl, "bu", 2, &bu), noi = pl_rows(pl, "oi", 2, &oi);
	struct group *g = &k->total;
	const char *why;
	int64_t n, bucket;

	if (pl_get(pl, "total") == NULL) {
		if ((why = read_vals(k, pl, "g", k->synth, k->o.ngroup)) !=
		    NULL)
			return why;
		if (pv_int(pl_one(pl, "b"), -TS_LIMIT, TS_LIMIT, &bucket))
			return "a group without its bucket";
		if ((g = group_get(k, k->synth, bucket)) == NULL)
			return "a group in a report without groups";
	}
	if (pl_rows(pl, "m", 6, &m) != 1 || nbu < 0 || noi < 0)
		return "a group without its counts";
	for (int i = 0; i < 6; i++) {
		if (pv_int(&m[i], 0, TS_LIMIT, &n) != 0)
			return "a count that is not a whole number";
		if (i == 0)
			g->messages += (uint64_t)n;
		else
			g->by_role[i - 1] += (uint64_t)n;
	}
	for (long i = 0; i < nbu; i++) {
		const char *cust = pv_str(pl, &bu[2 * i]);
		if (cust == NULL || pv_int(&bu[2 * i + 1], 1, TS_LIMIT, &n))
			return "a buyer without a count of orders";
		buyer_add(g, cust, strlen(cust), (uint64_t)n);
	}
	for (long i = 0; i < noi; i++) {
		const char *cust = pv_str(pl, &oi[2 * i]),
		    *oid = pv_str(pl, &oi[2 * i + 1]);
		if (cust == NULL || oid == NULL)
			return "an order id without its buyer";
		buf_reset(&k->scratch);
		buf_add(&k->scratch, cust, strlen(cust) + 1);
		buf_adds(&k->scratch, oid);
		/* the buyers' counts already hold it */
		hmap_put(&g->order_ids, k->scratch.data, k->scratch.len, NULL);
	}
	return NULL;
}

static const char *
read_rating(const struct kpi *k, const struct pval *v, struct rating *r)
{
	int64_t good, ts;

	r->score = NAN;
	if (v[0].type == PV_NUM && v[0].num >= 1 && v[0].num <= 5)
		r->score = v[0].num;
	else if (v[0].type != PV_NULL)
		return "a rating's score is not 1 to 5";
	if (pv_int(&v[1], 0, 1, &good) != 0 ||
	    pv_int(&v[2], -TS_LIMIT, TS_LIMIT, &ts) != 0 ||
	    pv_tuple(k, &v[3], &r->tuple) != 0)
		return "a rating without its time or values";
	r->good = (int)good;
	r->ts = ts;
	return NULL;
}

static const char *
read_loose(struct kpi *k, const struct pline *pl)
{
	const struct pval *v = NULL;
	struct rating r;
	const char *why;

	if (pl_rows(pl, "lr", 4, &v) != 1)
		return "a rating without its fields";
	if ((why = read_rating(k, v, &r)) != NULL)
		return why;
	loose_add(k, &r, r.tuple);
	return NULL;
}

static const char *
read_orders(struct kpi *k, const struct pline *pl)
{
	const char *cust = pv_str(pl, pl_one(pl, "o"));
	const struct pval *v = NULL;
	long n = pl_rows(pl, "l", 4, &v);
	struct orders *o;
	struct order ord;
	int64_t t;

	if (cust == NULL || n < 0)
		return "orders without their buyer or list";
	o = orders_of(k, cust, strlen(cust));
	for (long i = 0; i < n; i++, v += 4) {
		if (pv_int(&v[0], -TS_LIMIT, TS_LIMIT, &t) != 0 ||
		    (v[1].type != PV_NUM && v[1].type != PV_NULL) ||
		    pv_id(k, pl, &v[2], &ord.currency) != 0 ||
		    pv_id(k, pl, &v[3], &ord.id) != 0)
			return "an order without its time, amount or ids";
		ord.t = t;
		ord.amount = v[1].type == PV_NUM ? v[1].num : NAN;
		order_keep(o, &ord);
	}
	return NULL;
}

static void
list_push(struct conv *c, cs_time t, int kind, uint32_t tuple)
{
	if (c->nevs == c->capevs) {
		c->capevs = c->capevs ? c->capevs * 2 : 4;
		c->evs = xrealloc(c->evs, sizeof *c->evs * c->capevs);
	}
	c->evs[c->nevs++] = (struct kev){ t, c->seq++, tuple, (uint8_t)kind };
	if (c->last_ts == CS_TIME_NONE || t > c->last_ts)
		c->last_ts = t;
}

static const char *
read_events(const struct kpi *k, struct conv *c, const struct pval *v,
    long n)
{
	cs_time t = 0;
	int64_t dt, kind;
	uint32_t tuple;

	if (c->evs == NULL)
		c->evs = xmalloc(sizeof *c->evs * (c->capevs = n > 4 ?
		    (uint32_t)n : 4));
	for (long i = 0; i < n; i++, v += 3) {
		if (pv_int(&v[0], -2 * TS_LIMIT, 2 * TS_LIMIT, &dt) != 0 ||
		    pv_int(&v[1], 0, K_REOPENED | K_CLASSIFIED, &kind) ||
		    (kind & ~K_CLASSIFIED) > K_REOPENED ||
		    pv_tuple(k, &v[2], &tuple) != 0)
			return "an event without its time, kind or values";
		t += dt;
		if (t < -TS_LIMIT || t > TS_LIMIT)
			return "an event out of time";
		list_push(c, t, (int)kind, tuple);
	}
	return NULL;
}

static const char *
read_conv(struct kpi *k, const struct pline *pl)
{
	const char *id = pv_str(pl, pl_one(pl, "c"));
	const struct pval *cu = pl_one(pl, "cu"), *d = pl_one(pl, "d"),
	    *e = NULL, *r = NULL;
	long ne = pl_rows(pl, "e", 3, &e), nr = pl_get(pl, "r") ?
	    pl_rows(pl, "r", 4, &r) : 0;
	struct conv *c;
	struct rating rating;
	uint32_t cust = 0;
	int64_t dropped = CS_TIME_NONE;
	const char *why;

	if (id == NULL || (cu != NULL && pv_id(k, pl, cu, &cust) != 0) ||
	    ne < 0 || nr < 0 ||
	    (d != NULL && pv_int(d, -TS_LIMIT, TS_LIMIT, &dropped) != 0))
		return "a conversation without its id and events";
	if ((c = conv_get(k, id, strlen(id))) == NULL)
		return NULL;	/* kpi_full: the caller stops */
	if (c->customer == 0)
		c->customer = cust;
	if ((why = read_events(k, c, e, ne)) != NULL)
		return why;
	conv_carry(k, c, dropped, pl_get(pl, "a") != NULL);
	for (long i = 0; i < nr; i++, r += 4) {
		if ((why = read_rating(k, r, &rating)) != NULL)
			return why;
		rating_push(c, &rating);
	}
	return NULL;
}

static const char *
read_end(struct kpi *k, const struct pline *pl)
{
	const struct pval *latest = pl_one(pl, "latest"), *seen = NULL;
	int64_t t = 0, n;

	if (pv_int(pl_one(pl, "rejected"), 0, TS_LIMIT, &n) != 0 ||
	    latest == NULL || (latest->type != PV_NULL &&
	    pv_int(latest, -TS_LIMIT, TS_LIMIT, &t) != 0) ||
	    pl_rows(pl, "seen", 1, &seen) != k->o.ngroup)
		return "an end without its counts";
	if (latest->type != PV_NULL && (k->latest == CS_TIME_NONE ||
	    t > k->latest))
		k->latest = t;
	k->rejected += (uint64_t)n;
	/* the -g fields some event had */
	for (int f = 0; f < k->o.ngroup; f++)
		k->group_seen[f] |= seen[f].type == PV_TRUE;
	return NULL;
}

const char *
kpi_partial_add(struct kpi *k, const char *line, size_t len)
{
	static const struct {
		const char *key;
		const char *(*read)(struct kpi *, const struct pline *);
	} kinds[] = {
		{ "c", read_conv }, { "t", read_tuple }, { "g", read_group },
		{ "total", read_group }, { "o", read_orders },
		{ "lr", read_loose }, { "end", read_end },
	};

	if (k->pl == NULL)
		k->pl = xcalloc(1, sizeof *k->pl);
	if (pl_parse(k->pl, line, len) != 0)
		return "not a line of cs-kpi's partial state";
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (k->pl->m[0].keylen == strlen(kinds[i].key) &&
		    memcmp(k->pl->m[0].key, kinds[i].key,
		    k->pl->m[0].keylen) == 0)
			return kinds[i].read(k, k->pl);
	return "not a line of cs-kpi's partial state";
}

/* ---- views, continued ---------------------------------------------------- */

cs_time
kpi_latest(const struct kpi *k)
{
	return k->latest;
}
