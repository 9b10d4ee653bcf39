#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "civil.h"
#include "coverage.h"
#include "hmap.h"
#include "report.h"
#include "tz.h"

/* ---- words --------------------------------------------------------------- */

/* {1} and {2} stand for what the writer puts in. */
static const char *const words[RW_N][2] = {
	[RW_TITLE] = { "Customer service report", "客服报告" },
	[RW_PERIOD] = { "Period", "统计周期" },
	[RW_COMPARED] = { "Compared with {1} and with the 7 days before it.",
	    "对比：{1}，以及统计周期之前 7 天的平均水平。" },
	[RW_DAY_BEFORE] = { "the day before ({1})", "前一天（{1}）" },
	[RW_PERIOD_DAYS] = { "the {1} days before ({2})", "之前 {1} 天（{2}）" },
	[RW_PREVIOUS] = { "Previous", "上期" },
	[RW_WEEK_AVG] = { "7-day avg", "7日均值" },
	[RW_LATEST_EVENT] = { "Latest event in the data: {1}",
	    "数据中最新的事件：{1}" },
	[RW_STALE] = { "Warning: the newest event ({1}) is older than the "
	    "period asked for; the export may be stale.",
	    "警告：最新的事件（{1}）早于所选统计周期，导出的数据可能没有更新。" },
	[RW_NO_DATA] = { "no data", "无数据" },
	[RW_TARGETS] = { "Targets", "目标" },
	[RW_MET] = { "met", "达标" },
	[RW_MISSED] = { "missed", "未达标" },
	[RW_TARGETS_SUMMARY] = { "{1} of {2} targets met",
	    "{2} 项目标中 {1} 项达标" },
	[RW_NO_TARGETS] = { "No targets set: give them with --check, "
	    "e.g. 'frt_p50<=30m'.",
	    "未设置目标：可用 --check 设置，例如 'frt_p50<=30m'。" },
	[RW_HEADLINE] = { "Headline figures", "核心指标" },
	[RW_CONVERSATIONS] = { "Conversations", "会话数" },
	[RW_CUSTOMER_MESSAGES] = { "Customer messages", "客户消息数" },
	[RW_FRT_P50] = { "First response, median", "首次响应时间（中位数）" },
	[RW_FRT_P90] = { "First response, 90th percentile",
	    "首次响应时间（P90）" },
	[RW_FRT_BH_P50] = { "First response in business hours, median",
	    "工作时间内首次响应（中位数）" },
	[RW_FRT_BH_P90] = { "First response in business hours, 90th "
	    "percentile", "工作时间内首次响应（P90）" },
	[RW_SLA_SHARE] = { "Answered within the SLA ({1})",
	    "SLA（{1}）内首次响应占比" },
	[RW_SLA_BREACHES] = { "SLA breaches", "超出 SLA 的会话" },
	[RW_UNANSWERED] = { "Unanswered", "未回复的会话" },
	[RW_BACKLOG] = { "Waiting for a reply now", "当前待回复" },
	[RW_CSAT] = { "CSAT (1–5)", "满意度评分（1–5）" },
	[RW_RATINGS] = { "{1} ratings", "{1} 个评价" },
	[RW_CONVERSIONS] = { "Conversions", "咨询后下单" },
	[RW_CONVERSION_RATE] = { "Conversion rate", "咨询转化率" },
	[RW_REPURCHASE_RATE] = { "Repurchase rate", "复购率" },
	[RW_ESCALATIONS] = { "Escalations", "升级会话" },
	[RW_TREND] = { "The last {1} days", "近 {1} 天趋势" },
	[RW_TREND_VOLUME] = { "Conversations a day", "每日会话数" },
	[RW_TREND_FRT] = { "First response, median of the day",
	    "每日首次响应时间（中位数）" },
	[RW_TREND_CSAT] = { "CSAT, mean of the day", "每日满意度评分" },
	[RW_HOURS] = { "First response by hour of day",
	    "各时段首次响应时间" },
	[RW_HOURS_NOTE] = { "By the hour the conversation started ({1}), "
	    "over the last {2} days.", "按会话开始的时段统计（{1}），近 {2} 天。" },
	[RW_NO_COVER] = { "no one on shift", "无人值班" },
	[RW_HEATMAP] = { "Customer messages by weekday and hour",
	    "客户消息分布（星期 × 时段）" },
	[RW_HEAT_FEW] = { "fewer", "少" },
	[RW_HEAT_MANY] = { "more", "多" },
	[RW_NO_ROSTER] = { "Give --roster or --hours to mark the hours no "
	    "one covers.", "提供 --roster 或 --hours 即可标出无人值班的时段。" },
	[RW_MEDIAN] = { "median", "中位数" },
	[RW_P90] = { "90th percentile", "P90" },
	[RW_SLA_LINE] = { "SLA {1}", "SLA {1}" },
	[RW_BY_AGENT] = { "By agent", "按客服" },
	[RW_BY_COUNTRY] = { "By market", "按市场" },
	[RW_BY_LANG] = { "By language", "按语言" },
	[RW_BY_INTENT] = { "By intent", "按咨询类型" },
	[RW_NO_AGENT] = { "(no reply)", "（未回复）" },
	[RW_UNKNOWN] = { "(unknown)", "（未知）" },
	[RW_CHANGE] = { "change", "变化" },
	[RW_MORE_ROWS] = { "and {1} more", "另有 {1} 项" },
	[RW_JUMPS] = { "Intents that jumped", "咨询量激增的类型" },
	[RW_NO_JUMPS] = { "No intent jumped against its 7-day average.",
	    "与 7 日均值相比，没有咨询类型明显激增。" },
	[RW_JUMP_LINE] = { "{1}: {2} conversations, against {3} over the 7 "
	    "days before", "{1}：{2} 个会话，此前 7 天平均为 {3}" },
	[RW_NO_ESCALATIONS] = { "No escalations.", "没有升级会话。" },
	[RW_LIST] = { "Conversations that broke the SLA or still wait",
	    "超出 SLA 或仍在等待回复的会话" },
	[RW_LIST_NONE] = { "None: every conversation was answered within the "
	    "SLA.", "无：所有会话均在 SLA 内得到回复。" },
	[RW_CONVERSATION] = { "Conversation", "会话" },
	[RW_STARTED] = { "Started", "开始时间" },
	[RW_WAITED] = { "Waited", "等待时长" },
	[RW_AGENT] = { "Agent", "客服" },
	[RW_COUNTRY] = { "Market", "市场" },
	[RW_LANG] = { "Language", "语言" },
	[RW_INTENT] = { "Intent", "咨询类型" },
	[RW_STATE] = { "State", "状态" },
	[RW_STATE_LATE] = { "closed, no reply", "已关闭，未回复" },
	[RW_STATE_WAITING] = { "waiting", "等待回复中" },
	[RW_STATE_ANSWERED_LATE] = { "answered late", "回复超时" },
	[RW_STATE_ANSWERED] = { "answered", "已回复" },
	[RW_MORE_LIST] = { "and {1} more (the oldest are shown)",
	    "另有 {1} 个（仅列出最早的）" },
	[RW_FOOTER] = { "Figures as cs-kpi(1) defines them, computed by the "
	    "same code; SLA {1}. Made by cs-report {2}.",
	    "指标定义见 cs-kpi(1)，与 cs-kpi 由同一代码计算；SLA 为 {1}。"
	    "由 cs-report {2} 生成。" },
	[RW_PER_DAY] = { "a day", "每天" },
	[RW_PTS] = { " pts", "个百分点" },
	[RW_ZONE] = { "Time zone: {1}", "时区：{1}" },
	[RW_HOURS_OPEN] = { "Business hours: {1}", "工作时间：{1}" },
	[RW_OLDEST_WAITING] = { "the oldest waiting since {1}",
	    "最早的自 {1} 起等待" },
	[RW_SAME] = { "no change", "持平" },
	[RW_HOUR] = { "Hour", "时段" },
	[RW_CONTENTS] = { "Contents", "目录" },
	[RW_UNCOVERED_SHARE] = { "{1} of the customer messages ({2}) came "
	    "when no one was on shift.",
	    "{1} 的客户消息（{2}）在无人值班时到达。" },
	[RW_OF] = { "{1} of {2}", "{2} 条中的 {1} 条" },
	[RW_COL_FRT] = { "First response (median)", "首次响应（中位数）" },
	[RW_COL_SLA] = { "Within SLA ({1})", "SLA（{1}）内占比" },
	[RW_COL_CSAT] = { "CSAT", "满意度" },
	/* punctuation: Chinese takes full-width marks, no space after 。 */
	[RW_COLON] = { ": ", "：" },
	[RW_LPAREN] = { " (", "（" },
	[RW_RPAREN] = { ")", "）" },
	[RW_SENTENCE] = { " ", "" },
	[RW_SEMICOLON] = { "; ", "；" },
};

const char *
report_word(const struct report *r, enum rw w)
{
	return words[w][report_lang(r) == L10N_ZH];
}

/* A word with {1}, {2} and {3} put in. */
static void
say3(const struct report *r, enum rw w, const char *a, const char *b,
    const char *c, struct buf *out)
{
	const char *args[3] = { a, b, c };

	for (const char *p = report_word(r, w); *p; p++)
		if (p[0] == '{' && p[1] >= '1' && p[1] <= '3' && p[2] == '}') {
			const char *v = args[p[1] - '1'];
			buf_adds(out, v ? v : "");
			p += 2;
		} else
			buf_addc(out, *p);
}

static void
say(const struct report *r, enum rw w, const char *a, const char *b,
    struct buf *out)
{
	say3(r, w, a, b, NULL, out);
}

void
report_say(const struct report *r, enum rw w, const char *a, const char *b,
    struct buf *out)
{
	say(r, w, a, b, out);
}

void
report_say_count(const struct report *r, enum rw w, int n, struct buf *out)
{
	char count[16];

	snprintf(count, sizeof count, "%d", n);
	say(r, w, count, NULL, out);
}

/* ---- state --------------------------------------------------------------- */

enum view {
	V_PREV, V_WEEK, V_TREND, V_HOUR, V_WEEK_HOUR, V_INTENT_WEEK,
	V_TABLE,			/* then 2 a table: now, previous */
	V_N = V_TABLE + 2 * REPORT_TABLES
};

static const char *const table_field[REPORT_TABLES][1] = {
	{ "agent" }, { "country" }, { "lang" }, { "intent" } };
static const char *const intent_field[] = { "intent" };

#define MAX_TABLE_ROWS	12

struct table {
	struct report_row *rows;
	int		 n, more;
};

struct list {
	struct report_item *items;
	int		 n, cap, total;
};

struct report {
	struct report_opts o;
	struct kpi	*k;
	struct kpi	*v[V_N];
	cs_time		 since, until, prev_since, week_since, trend_since;
	int64_t		 first_day, last_day;	/* of the period */
	int		 whole_days, ndays;
	double		 period_days;
	int		 days;			/* of the trend */
	const struct check *checks;
	int		 nchecks;
	/* from the conversations */
	struct list	 lists[2];
	double		 escalations[3];	/* period, previous, week */
	double		 backlog;
	cs_time		 oldest_waiting;
	int		 field[REPORT_TABLES];
	/* after report_finish */
	struct report_figure *figs;
	int		 nfigs;
	struct table	 tables[REPORT_TABLES];
	struct report_jump *jumps;
	int		 njumps;
	int		 cover_known;
	unsigned char	 uncovered[168];
	struct buf	 scratch;
};

enum l10n_lang
report_lang(const struct report *r)
{
	return r->o.lang;
}

const struct report_opts *
report_options(const struct report *r)
{
	return &r->o;
}

struct kpi *
report_kpi(struct report *r)
{
	return r->k;
}

/* ---- periods ------------------------------------------------------------- */

static int
offset(const struct report *r, cs_time t)
{
	int64_t sec = civil_floor_div(t, 1000);

	return r->o.kpi.tz ? tz_offset_at(r->o.kpi.tz, sec, NULL, NULL) : 0;
}

static int64_t
local_day(const struct report *r, cs_time t)
{
	return civil_floor_div(civil_floor_div(t, 1000) + offset(r, t), 86400);
}

static cs_time
midnight(const struct report *r, int64_t day)
{
	int64_t utc;

	if (r->o.kpi.tz == NULL)
		return day * 86400 * 1000;
	tz_local_to_utc(r->o.kpi.tz, day * 86400, &utc);
	return utc * 1000;
}

static void
set_periods(struct report *r)
{
	cs_time len = r->until - r->since;

	r->first_day = local_day(r, r->since);
	r->last_day = local_day(r, r->until - 1);
	r->whole_days = midnight(r, r->first_day) == r->since &&
	    midnight(r, local_day(r, r->until)) == r->until;
	if (r->whole_days) {
		r->ndays = (int)(local_day(r, r->until) - r->first_day);
		r->period_days = r->ndays;
		r->prev_since = midnight(r, r->first_day - r->ndays);
		r->week_since = midnight(r, r->first_day - 7);
	} else {
		r->ndays = 0;
		r->period_days = (double)len / 86400000.0;
		r->prev_since = r->since - len;
		r->week_since = r->since - 7 * 86400000LL;
	}
	r->trend_since = midnight(r, r->last_day - r->days + 1);
	if (r->trend_since > r->since)
		r->trend_since = r->since;
}

/* ---- conversations ------------------------------------------------------- */

static void
keep(struct report *r, int which, const struct kpi_conversation *c,
    double waited, int state)
{
	struct list *l = &r->lists[which];

	l->total++;
	if (l->n == l->cap)
		l->items = xrealloc(l->items, sizeof *l->items *
		    (size_t)(l->cap = l->cap ? l->cap * 2 : 32));
	struct report_item *it = &l->items[l->n++];
	const char *v;
	it->id = xstrdup(c->id);
	it->start = c->start;
	it->waited = waited;
	it->state = state;
#define FIELD(i) ((v = kpi_conversation_value(r->k, c, r->field[i])) ? \
	xstrdup(v) : NULL)
	it->agent = FIELD(0);
	it->country = FIELD(1);
	it->lang = FIELD(2);
	it->intent = FIELD(3);
#undef FIELD
}

static int
in(cs_time t, cs_time from, cs_time to)
{
	return t >= from && t < to;
}

static void
visit(void *ctx, const struct kpi_conversation *c)
{
	struct report *r = ctx;
	cs_time now = kpi_now(r->k);
	int in_period = in(c->start, r->since, r->until);
	int answered = c->first_response != CS_TIME_NONE;
	double frt = answered ? (double)(c->first_response - c->start) / 1000
	    : NAN;

	if (c->waiting_since != CS_TIME_NONE) {
		r->backlog++;
		if (r->oldest_waiting == CS_TIME_NONE ||
		    c->waiting_since < r->oldest_waiting)
			r->oldest_waiting = c->waiting_since;
	}
	if (c->escalated) {
		r->escalations[0] += in_period;
		r->escalations[1] += in(c->start, r->prev_since, r->since);
		r->escalations[2] += in(c->start, r->week_since, r->since);
		if (in_period)
			keep(r, 0, c, answered ? frt : (double)(now -
			    c->start) / 1000, answered ? RW_STATE_ANSWERED :
			    c->waiting_since != CS_TIME_NONE ?
			    RW_STATE_WAITING : RW_STATE_LATE);
	}
	if (c->waiting_since != CS_TIME_NONE && c->start < r->until &&
	    (in_period || c->start >= r->trend_since))
		keep(r, 1, c, (double)(now - c->waiting_since) / 1000,
		    RW_STATE_WAITING);
	else if (in_period && !answered && c->breached)
		keep(r, 1, c, (double)(now - c->start) / 1000, RW_STATE_LATE);
	else if (in_period && answered && c->breached)
		keep(r, 1, c, frt, RW_STATE_ANSWERED_LATE);
}

/* ---- set-up -------------------------------------------------------------- */

static struct kpi *
view(struct report *r, const char *const *group, int ngroup,
    enum kpi_bucket by, cs_time since, cs_time until)
{
	struct kpi_view_opts vo = { group, ngroup, by, since, until };

	return kpi_view_add(r->k, &vo);
}

struct report *
report_new(const struct report_opts *o)
{
	struct report *r = xcalloc(1, sizeof *r);

	r->o = *o;
	r->days = o->days > 0 ? o->days : 28;
	r->since = o->kpi.since;
	r->until = o->kpi.until;
	r->oldest_waiting = CS_TIME_NONE;
	set_periods(r);
	r->k = kpi_new(&o->kpi);
	r->v[V_PREV] = view(r, NULL, 0, KPI_BY_NONE, r->prev_since, r->since);
	r->v[V_WEEK] = view(r, NULL, 0, KPI_BY_NONE, r->week_since, r->since);
	r->v[V_TREND] = view(r, NULL, 0, KPI_BY_DAY, r->trend_since, r->until);
	r->v[V_HOUR] = view(r, NULL, 0, KPI_BY_HOUR_OF_DAY, r->trend_since,
	    r->until);
	r->v[V_WEEK_HOUR] = view(r, NULL, 0, KPI_BY_WEEKDAY_HOUR,
	    r->trend_since, r->until);
	r->v[V_INTENT_WEEK] = view(r, intent_field, 1, KPI_BY_NONE,
	    r->week_since, r->since);
	for (int t = 0; t < REPORT_TABLES; t++) {
		r->v[V_TABLE + 2 * t] = view(r, table_field[t], 1, KPI_BY_NONE,
		    r->since, r->until);
		r->v[V_TABLE + 2 * t + 1] = view(r, table_field[t], 1,
		    KPI_BY_NONE, r->prev_since, r->since);
		r->field[t] = kpi_field(r->k, table_field[t][0]);
	}
	kpi_on_conversation(r->k, visit, r);
	return r;
}

void
report_set_checks(struct report *r, const struct check *c, int n)
{
	r->checks = c;
	r->nchecks = n;
}

static void
free_list(struct list *l)
{
	for (int i = 0; i < l->n; i++) {
		free(l->items[i].id);
		free(l->items[i].agent);
		free(l->items[i].country);
		free(l->items[i].lang);
		free(l->items[i].intent);
	}
	free(l->items);
}

void
report_free(struct report *r)
{
	if (r == NULL)
		return;
	kpi_free(r->k);
	for (int i = 0; i < 2; i++)
		free_list(&r->lists[i]);
	for (int t = 0; t < REPORT_TABLES; t++)
		free(r->tables[t].rows);
	free(r->figs);
	free(r->jumps);
	buf_free(&r->scratch);
	free(r);
}

/* ---- figures ------------------------------------------------------------- */

/* A metric of a kpi's total row; NAN for null or no such metric. */
static double
total(struct kpi *k, const char *metric)
{
	int m = kpi_metric_find(k, metric);
	double v;

	if (m < 0 || kpi_value(k, kpi_nrows(k) - 1, m, &v) != 0)
		return NAN;
	return v;
}

static double
row_value(struct kpi *k, size_t row, const char *metric)
{
	int m = kpi_metric_find(k, metric);
	double v;

	if (m < 0 || kpi_value(k, row, m, &v) != 0)
		return NAN;
	return v;
}

static void
add_figure(struct report *r, const char *metric, enum rw label, int better)
{
	struct report_figure *f;
	int m = kpi_metric_find(r->k, metric);

	r->figs = xrealloc(r->figs, sizeof *r->figs * (size_t)(r->nfigs + 1));
	f = &r->figs[r->nfigs++];
	memset(f, 0, sizeof *f);
	f->metric = metric;
	f->label = label;
	f->better = better;
	f->extra = NAN;
	f->check = -1;
	for (int i = 0; i < r->nchecks; i++)
		if (r->checks[i].metric == m && m >= 0) {
			f->check = i;
			break;
		}
	f->kind = m >= 0 ? kpi_metric_kind(r->k, m) : KPI_COUNT;
	f->now = total(r->k, metric);
	f->prev = total(r->v[V_PREV], metric);
	f->week = total(r->v[V_WEEK], metric);
	if (f->kind == KPI_COUNT && !isnan(f->week))
		f->week = f->week / 7 * r->period_days;
}

static void
make_figures(struct report *r)
{
	int bh = r->o.kpi.business != NULL;

	add_figure(r, "conversations", RW_CONVERSATIONS, 0);
	add_figure(r, "customer_messages", RW_CUSTOMER_MESSAGES, 0);
	add_figure(r, "frt_p50", RW_FRT_P50, -1);
	add_figure(r, "frt_p90", RW_FRT_P90, -1);
	if (bh) {
		add_figure(r, "frt_bh_p50", RW_FRT_BH_P50, -1);
		add_figure(r, "frt_bh_p90", RW_FRT_BH_P90, -1);
	}
	add_figure(r, "sla_share", RW_SLA_SHARE, 1);
	add_figure(r, "sla_breaches", RW_SLA_BREACHES, -1);
	add_figure(r, "unanswered", RW_UNANSWERED, -1);
	add_figure(r, "backlog", RW_BACKLOG, -1);
	r->figs[r->nfigs - 1].now = r->backlog;
	r->figs[r->nfigs - 1].prev = r->figs[r->nfigs - 1].week = NAN;
	add_figure(r, "csat", RW_CSAT, 1);
	r->figs[r->nfigs - 1].extra = total(r->k, "ratings");
	add_figure(r, "conversions", RW_CONVERSIONS, 1);
	add_figure(r, "conversion_rate", RW_CONVERSION_RATE, 1);
	add_figure(r, "repurchase_rate", RW_REPURCHASE_RATE, 1);
	add_figure(r, "escalations", RW_ESCALATIONS, -1);
	struct report_figure *f = &r->figs[r->nfigs - 1];
	f->now = r->escalations[0];
	f->prev = r->escalations[1];
	f->week = r->escalations[2] / 7 * r->period_days;
}

int
report_nfigures(const struct report *r)
{
	return r->nfigs;
}

const struct report_figure *
report_figure(const struct report *r, int i)
{
	return &r->figs[i];
}

/* ---- tables -------------------------------------------------------------- */

static int
cmp_rows(const void *a, const void *b)
{
	const struct report_row *x = a, *y = b;
	double cx = isnan(x->conv) ? 0 : x->conv, cy = isnan(y->conv) ? 0 :
	    y->conv;

	if (cx != cy)
		return cx < cy ? 1 : -1;
	if (x->key == NULL || y->key == NULL)
		return (x->key == NULL) - (y->key == NULL);
	return strcmp(x->key, y->key);
}

static void
make_table(struct report *r, int t)
{
	struct kpi *now = r->v[V_TABLE + 2 * t], *prev = r->v[V_TABLE + 2 * t + 1];
	struct hmap seen = HMAP_INIT;
	struct table *tb = &r->tables[t];
	size_t nn = kpi_nrows(now) - 1, np = kpi_nrows(prev) - 1;
	int n = 0;

	tb->rows = xcalloc(nn + np + 1, sizeof *tb->rows);
	/* Rows of this period, then keys only the previous one had. */
	for (size_t i = 0; i < nn + np; i++) {
		struct kpi *k = i < nn ? now : prev;
		size_t row = i < nn ? i : i - nn;
		const char *key = kpi_row_key(k, row, 0);
		const char *kk = key ? key : "";
		int added;
		size_t e = hmap_put(&seen, kk, strlen(kk) + (key != NULL),
		    &added);
		struct report_row *rw;
		if (added) {
			rw = &tb->rows[n++];
			hmap_at(&seen, e)->val.num = (uint64_t)(rw - tb->rows);
			rw->key = key;
			rw->conv = rw->frt_p50 = rw->sla = rw->csat = NAN;
			rw->ratings = 0;
			rw->conv_prev = rw->frt_p50_prev = rw->sla_prev =
			    rw->csat_prev = NAN;
		} else
			rw = &tb->rows[hmap_at(&seen, e)->val.num];
		if (k == now) {
			rw->conv = row_value(k, row, "conversations");
			rw->frt_p50 = row_value(k, row, "frt_p50");
			rw->sla = row_value(k, row, "sla_share");
			rw->csat = row_value(k, row, "csat");
			rw->ratings = row_value(k, row, "ratings");
		} else {
			rw->conv_prev = row_value(k, row, "conversations");
			rw->frt_p50_prev = row_value(k, row, "frt_p50");
			rw->sla_prev = row_value(k, row, "sla_share");
			rw->csat_prev = row_value(k, row, "csat");
		}
	}
	/* Only rows with conversations in either period. */
	int kept = 0;
	for (int i = 0; i < n; i++) {
		struct report_row *rw = &tb->rows[i];
		if ((isnan(rw->conv) || rw->conv == 0) &&
		    (isnan(rw->conv_prev) || rw->conv_prev == 0))
			continue;
		if (isnan(rw->conv))
			rw->conv = 0;
		tb->rows[kept++] = *rw;
	}
	qsort(tb->rows, (size_t)kept, sizeof *tb->rows, cmp_rows);
	tb->n = kept < MAX_TABLE_ROWS ? kept : MAX_TABLE_ROWS;
	tb->more = kept - tb->n;
	hmap_free(&seen);
}

enum rw
report_table_title(int t)
{
	static const enum rw titles[] = { RW_BY_AGENT, RW_BY_COUNTRY,
		RW_BY_LANG, RW_BY_INTENT };
	return titles[t];
}

int
report_table_rows(const struct report *r, int t, int *more)
{
	if (more)
		*more = r->tables[t].more;
	return r->tables[t].n;
}

const struct report_row *
report_table_row(const struct report *r, int t, int i)
{
	return &r->tables[t].rows[i];
}

const char *
report_row_label(const struct report *r, int t, const struct report_row *row)
{
	if (row->key != NULL)
		return row->key;
	return report_word(r, t == 0 ? RW_NO_AGENT : RW_UNKNOWN);
}

/* ---- intents that jumped ------------------------------------------------- */

static int
cmp_jumps(const void *a, const void *b)
{
	const struct report_jump *x = a, *y = b;
	double dx = x->now - x->per_period, dy = y->now - y->per_period;

	if (dx != dy)
		return dx < dy ? 1 : -1;
	return strcmp(x->intent, y->intent);
}

/*
 * An intent jumped when it had at least 3 conversations, half as many
 * again as its average for a period of this length over the 7 days before,
 * and at least 2 more.
 */
static void
make_jumps(struct report *r)
{
	struct kpi *now = r->v[V_TABLE + 2 * 3], *week = r->v[V_INTENT_WEEK];
	size_t nn = kpi_nrows(now) - 1, nw = kpi_nrows(week) - 1;

	r->jumps = xcalloc(nn + 1, sizeof *r->jumps);
	for (size_t i = 0; i < nn; i++) {
		const char *intent = kpi_row_key(now, i, 0);
		double c = row_value(now, i, "conversations"), w = 0;
		if (intent == NULL)
			continue;
		for (size_t j = 0; j < nw; j++) {
			const char *wi = kpi_row_key(week, j, 0);
			if (wi != NULL && strcmp(wi, intent) == 0)
				w = row_value(week, j, "conversations");
		}
		w = w / 7 * r->period_days;
		if (c >= 3 && c >= 1.5 * w && c - w >= 2)
			r->jumps[r->njumps++] = (struct report_jump){ intent, c,
			    w };
	}
	qsort(r->jumps, (size_t)r->njumps, sizeof *r->jumps, cmp_jumps);
}

int
report_njumps(const struct report *r)
{
	return r->njumps;
}

const struct report_jump *
report_jump(const struct report *r, int i)
{
	return &r->jumps[i];
}

/* ---- coverage ------------------------------------------------------------ */

static void
make_cover(struct report *r)
{
	int64_t monday = r->first_day - civil_weekday(r->first_day);

	if (r->o.roster != NULL) {
		int agents[168];
		coverage_set_week(r->o.roster, r->first_day);
		coverage_shift_counts(r->o.roster, agents);
		for (int h = 0; h < 168; h++)
			r->uncovered[h] = agents[h] == 0;
		r->cover_known = 1;
	} else if (r->o.hours != NULL) {
		for (int h = 0; h < 168; h++) {
			int64_t utc;
			tz_local_to_utc(cal_zone(r->o.hours), monday * 86400 +
			    h * 3600 + 1800, &utc);
			r->uncovered[h] = !cal_is_open(r->o.hours, utc * 1000);
		}
		r->cover_known = 1;
	}
}

int
report_has_cover(const struct report *r)
{
	return r->cover_known;
}

/* ---- lists --------------------------------------------------------------- */

static int
cmp_items(const void *a, const void *b)
{
	const struct report_item *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return strcmp(x->id, y->id);
}

static void
cut_list(struct report *r, struct list *l)
{
	if (l->n > 1)
		qsort(l->items, (size_t)l->n, sizeof *l->items, cmp_items);
	if (l->n <= r->o.max_list)
		return;
	for (int i = r->o.max_list; i < l->n; i++) {
		free(l->items[i].id);
		free(l->items[i].agent);
		free(l->items[i].country);
		free(l->items[i].lang);
		free(l->items[i].intent);
	}
	l->n = r->o.max_list;
}

int
report_list(const struct report *r, int list, int *total_n)
{
	if (total_n)
		*total_n = r->lists[list].total;
	return r->lists[list].n;
}

const struct report_item *
report_item(const struct report *r, int list, int i)
{
	return &r->lists[list].items[i];
}

/* ---- the end ------------------------------------------------------------- */

void
report_finish(struct report *r)
{
	kpi_finish(r->k);
	make_figures(r);
	for (int t = 0; t < REPORT_TABLES; t++)
		make_table(r, t);
	make_jumps(r);
	make_cover(r);
	for (int i = 0; i < 2; i++)
		cut_list(r, &r->lists[i]);
}

int
report_empty(const struct report *r)
{
	struct kpi *k = r->k;

	return !(total(k, "conversations") > 0) && !(total(k, "messages") > 0);
}

cs_time
report_latest(const struct report *r)
{
	return kpi_latest(r->k);
}

int
report_stale(const struct report *r)
{
	cs_time l = kpi_latest(r->k);

	return l == CS_TIME_NONE || l < r->since;
}

int
report_nchecks(const struct report *r)
{
	return r->nchecks;
}

int
report_check(const struct report *r, int i, double *v)
{
	struct kpi *k = r->k;

	if (kpi_value(k, kpi_nrows(k) - 1, r->checks[i].metric, v) != 0)
		return -1;
	return check_holds(&r->checks[i], *v);
}

/* ---- formatting ---------------------------------------------------------- */

void
report_value(const struct report *r, enum kpi_kind kind, double v,
    struct buf *out)
{
	enum l10n_lang l = r->o.lang;

	if (isnan(v)) {
		buf_adds(out, "–");
		return;
	}
	switch (kind) {
	case KPI_DURATION: l10n_duration(l, v, out); break;
	case KPI_SHARE: l10n_percent(l, v, out); break;
	case KPI_SCORE: l10n_decimal(l, v, 2, out); break;
	case KPI_AMOUNTS: l10n_decimal(l, v, 2, out); break;
	case KPI_COUNT:
		l10n_decimal(l, v, v == floor(v) ? 0 : 1, out);
		break;
	}
}

void
report_change(const struct report *r, enum kpi_kind kind, double is,
    double was, int better, struct buf *out, int *dir)
{
	double d = is - was;

	*dir = 0;
	if (isnan(is) || isnan(was)) {
		buf_adds(out, "–");
		return;
	}
	if (d == 0 || (kind == KPI_SHARE && fabs(d) < 0.0005)) {
		buf_adds(out, report_word(r, RW_SAME));
		return;
	}
	*dir = better == 0 ? 0 : (d > 0) == (better > 0) ? 1 : -1;
	if (d > 0)
		buf_addc(out, '+');
	switch (kind) {
	case KPI_SHARE:
		l10n_decimal(r->o.lang, d * 100, 1, out);
		buf_adds(out, report_word(r, RW_PTS));
		return;
	case KPI_DURATION:
		l10n_duration(r->o.lang, d, out);
		break;
	default:
		report_value(r, kind, d, out);
		break;
	}
	if (kind != KPI_SCORE && was > 0) {
		buf_adds(out, report_word(r, RW_LPAREN));
		if (d > 0)
			buf_addc(out, '+');
		l10n_decimal(r->o.lang, d / was * 100, 0, out);
		buf_addc(out, '%');
		buf_adds(out, report_word(r, RW_RPAREN));
	}
}

void
report_instant(const struct report *r, cs_time t, struct buf *out)
{
	int64_t sec = civil_floor_div(t, 1000);

	l10n_day_time(r->o.lang, sec + offset(r, t), out);
}

static void
day_range(const struct report *r, int64_t from, int64_t to, struct buf *out)
{
	l10n_day_short(r->o.lang, from, out);
	if (to != from) {
		buf_adds(out, " – ");
		l10n_day_short(r->o.lang, to, out);
	}
}

void
report_period_text(const struct report *r, struct buf *out)
{
	if (r->whole_days && r->ndays == 1) {
		l10n_date(r->o.lang, r->first_day, out);
	} else if (r->whole_days) {
		l10n_date(r->o.lang, r->first_day, out);
		buf_adds(out, " – ");
		l10n_date(r->o.lang, r->last_day, out);
	} else {
		report_instant(r, r->since, out);
		buf_adds(out, " – ");
		report_instant(r, r->until, out);
	}
}

void
report_compare_text(const struct report *r, struct buf *out)
{
	struct buf a = BUF_INIT, n = BUF_INIT;

	if (r->whole_days && r->ndays == 1) {
		l10n_day_short(r->o.lang, r->first_day - 1, &n);
		say(r, RW_DAY_BEFORE, buf_str(&n), NULL, &a);
	} else if (r->whole_days) {
		day_range(r, r->first_day - r->ndays, r->first_day - 1, &n);
		char days[16];
		snprintf(days, sizeof days, "%d", r->ndays);
		say(r, RW_PERIOD_DAYS, days, buf_str(&n), &a);
	} else {
		report_instant(r, r->prev_since, &n);
		buf_adds(&n, " – ");
		report_instant(r, r->since, &n);
		buf_add(&a, n.data, n.len);
	}
	say(r, RW_COMPARED, buf_str(&a), NULL, out);
	buf_free(&a);
	buf_free(&n);
}

void
report_latest_text(const struct report *r, struct buf *out)
{
	struct buf t = BUF_INIT;
	cs_time l = kpi_latest(r->k);

	if (l == CS_TIME_NONE)
		buf_adds(&t, report_word(r, RW_NO_DATA));
	else
		report_instant(r, l, &t);
	say(r, report_stale(r) ? RW_STALE : RW_LATEST_EVENT, buf_str(&t), NULL,
	    out);
	buf_free(&t);
}

void
report_link(const struct report *r, const char *id, struct buf *out)
{
	static const char mark[] = "{{conversation}}";
	const char *p = r->o.link, *hit;

	if (p == NULL)
		return;
	while ((hit = strstr(p, mark)) != NULL) {
		buf_add(out, p, (size_t)(hit - p));
		for (const unsigned char *s = (const unsigned char *)id; *s; s++)
			if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')
			    || (*s >= '0' && *s <= '9') || strchr("-._~", *s))
				buf_addc(out, (char)*s);
			else
				buf_printf(out, "%%%02X", *s);
		p = hit + sizeof mark - 1;
	}
	buf_adds(out, p);
}

double
report_backlog(const struct report *r, cs_time *oldest)
{
	*oldest = r->oldest_waiting;
	return r->backlog;
}

/* ---- charts' data -------------------------------------------------------- */

int
report_trend_days(const struct report *r)
{
	return (int)(r->last_day - local_day(r, r->trend_since)) + 1;
}

void
report_trend_day(const struct report *r, int i, struct buf *label,
    double *conversations, double *frt_p50, double *csat, int *in_period)
{
	struct kpi *k = r->v[V_TREND];
	int64_t day = local_day(r, r->trend_since) + i;

	l10n_day_short(r->o.lang, day, label);
	*conversations = 0;
	*frt_p50 = *csat = NAN;
	*in_period = day >= r->first_day && day <= r->last_day;
	for (size_t row = 0; row + 1 < kpi_nrows(k); row++)
		if (kpi_row_bucket(k, row) == day) {
			*conversations = row_value(k, row, "conversations");
			*frt_p50 = row_value(k, row, "frt_p50");
			*csat = row_value(k, row, "csat");
		}
}

void
report_hour(const struct report *r, int hour, double *p50, double *p90,
    double *conversations, int *uncovered)
{
	struct kpi *k = r->v[V_HOUR];

	*p50 = *p90 = NAN;
	*conversations = 0;
	for (size_t row = 0; row + 1 < kpi_nrows(k); row++)
		if (kpi_row_bucket(k, row) == hour) {
			*p50 = row_value(k, row, "frt_p50");
			*p90 = row_value(k, row, "frt_p90");
			*conversations = row_value(k, row, "conversations");
		}
	*uncovered = -1;
	if (r->cover_known) {
		*uncovered = 1;
		for (int wd = 0; wd < 7; wd++)
			if (!r->uncovered[wd * 24 + hour])
				*uncovered = 0;
	}
}

void
report_week_hour(const struct report *r, int wd, int hour, double *messages,
    int *uncovered)
{
	struct kpi *k = r->v[V_WEEK_HOUR];

	*messages = 0;
	for (size_t row = 0; row + 1 < kpi_nrows(k); row++)
		if (kpi_row_bucket(k, row) == wd * 24 + hour)
			*messages = row_value(k, row, "customer_messages");
	*uncovered = r->cover_known ? r->uncovered[wd * 24 + hour] : -1;
}

void
report_check_text(const struct report *r, int i, struct buf *out)
{
	buf_adds(out, r->checks[i].text);
}

void
report_check_value(const struct report *r, int i, struct buf *out)
{
	double v;
	int m = r->checks[i].metric;

	if (report_check(r, i, &v) < 0) {
		buf_adds(out, report_word(r, RW_NO_DATA));
		return;
	}
	report_value(r, kpi_metric_kind(r->k, m), v, out);
}

void
report_sla_text(const struct report *r, struct buf *out)
{
	l10n_duration(r->o.lang, r->o.kpi.sla, out);
}

void
report_uncovered_text(const struct report *r, struct buf *out)
{
	double all = 0, unc = 0, m;
	int u;
	struct buf share = BUF_INIT, a = BUF_INIT, b = BUF_INIT,
	    of = BUF_INIT;

	if (!r->cover_known)
		return;
	for (int h = 0; h < 168; h++) {
		report_week_hour(r, h / 24, h % 24, &m, &u);
		all += m;
		unc += u == 1 ? m : 0;
	}
	l10n_percent(r->o.lang, all > 0 ? unc / all : 0, &share);
	l10n_count(r->o.lang, unc, &a);
	l10n_count(r->o.lang, all, &b);
	say(r, RW_OF, buf_str(&a), buf_str(&b), &of);
	say(r, RW_UNCOVERED_SHARE, buf_str(&share), buf_str(&of), out);
	buf_free(&share);
	buf_free(&a);
	buf_free(&b);
	buf_free(&of);
}

void
report_jump_text(const struct report *r, const struct report_jump *j,
    struct buf *out)
{
	struct buf a = BUF_INIT, b = BUF_INIT;

	report_value(r, KPI_COUNT, j->now, &a);
	report_value(r, KPI_COUNT, round(j->per_period * 10) / 10, &b);
	say3(r, RW_JUMP_LINE, j->intent, buf_str(&a), buf_str(&b), out);
	buf_free(&a);
	buf_free(&b);
}
