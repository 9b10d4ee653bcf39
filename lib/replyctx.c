/*
 * replyctx — the fields a reply template sees besides the event's own.
 */
#include <ctype.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "buyername.h"
#include "civil.h"
#include "hash.h"
#include "json.h"
#include "locfmt.h"
#include "orderref.h"
#include "replyctx.h"
#include "ts.h"

/* An empty field map for callers that have none. */
static const struct fieldmap no_map = FIELDMAP_INIT;

const struct fieldmap *
reply_map(const struct reply_opts *o)
{
	return o->map != NULL ? o->map : &no_map;
}

#define MAP(o) reply_map(o)

const char *const reply_field_names[RF_N] = {
	"type", "role", "lang", "intent", "conversation", "customer",
	"auto_reply", "needs_video", "first_time", "returning", "orders_count",
	"order_count", "orders", "urgency", "urgent", "sentiment",
	"sentiment_score", "escalate", "reply_due_local", "reply_due",
	"next_open", "local_time", "text", "order_id", "currency", "amount",
	"ts", "country", "topic", "needs_reply", "ack", "status",
	"order_status", "product", "tracking_url", "coupon", "refund_amount",
	"customer_name", "needs_human", "holiday"
};

const char *const reply_derived_names[RD_N] = {
	"first_time", "returning", "urgent", "angry", "needs_video",
	"reply_lang", "reply_due_local", "reply_due_text", "reply_due_time",
	"reply_due_date", "amount_text", "order_id", "name", "first_name",
	"followup", "intent", "topic", "topic_answer", "product",
	"orders_count", "paid", "shipped", "delivered", "refunded",
	"partially_refunded", "refund_amount_text", "on_hold", "cancelled",
	"tracking_url", "coupon", "promise_date", "promise_weekday",
	"promise_time", "promise_morning", "promise_today",
	"promise_tomorrow", "holiday", "holiday_closed", "lang_fallback"
};

void
reply_fields_get(const struct reply_opts *o, const cJSON *ev,
    struct reply_fields *f)
{
	for (int k = 0; k < RF_N; k++)
		f->v[k] = fieldmap_get(MAP(o), ev, reply_field_names[k]);
}

const char *
reply_fields_str(const struct reply_fields *f, enum reply_field k)
{
	return cJSON_IsString(f->v[k]) && f->v[k]->valuestring[0] != '\0' ?
	    f->v[k]->valuestring : NULL;
}

#define fstr reply_fields_str

int
reply_wanted_fields(const struct reply_fields *f)
{
	const char *type = fstr(f, RF_TYPE);
	const char *role = fstr(f, RF_ROLE);

	return (type == NULL || strcmp(type, "message") == 0) &&
	    (role == NULL || strcmp(role, "customer") == 0);
}

int
reply_wanted(const struct reply_opts *o, const cJSON *ev)
{
	const char *type = fieldmap_str(MAP(o), ev, "type");
	const char *role = fieldmap_str(MAP(o), ev, "role");

	return (type == NULL || strcmp(type, "message") == 0) &&
	    (role == NULL || strcmp(role, "customer") == 0);
}

static int
is_true(const cJSON *v)
{
	return cJSON_IsTrue(v) ||
	    (cJSON_IsString(v) && strcmp(v->valuestring, "true") == 0);
}

int
reply_flag(const struct reply_opts *o, const cJSON *ev, const char *name)
{
	return is_true(fieldmap_get(MAP(o), ev, name));
}

int
reply_fields_flag(const struct reply_fields *f, enum reply_field k)
{
	return is_true(f->v[k]);
}

static int
get_number(const struct reply_fields *f, enum reply_field k, double *out)
{
	if (cJSON_IsNumber(f->v[k])) {
		*out = f->v[k]->valuedouble;
		return 0;
	}
	return -1;
}

static void
set_bool(struct reply_derived *d, enum reply_derived_name k, int v)
{
	d->item[k].type = v ? cJSON_True : cJSON_False;
}

static void
set_number(struct reply_derived *d, enum reply_derived_name k, double v)
{
	d->item[k].type = cJSON_Number;
	d->item[k].valuedouble = v;
	d->item[k].valueint = (int)v;
}

/* The string of derived value k is what text[k] holds now. */
static void
set_text(struct reply_derived *d, enum reply_derived_name k)
{
	d->item[k].type = cJSON_String | cJSON_IsReference;
	d->item[k].valuestring = (char *)buf_str(&d->text[k]);
}

static void
set_str(struct reply_derived *d, enum reply_derived_name k, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	buf_reset(&d->text[k]);
	buf_adds(&d->text[k], s);
	set_text(d, k);
}

/* The buffer of value k, emptied, to write its text into. */
static struct buf *
text_of(struct reply_derived *d, enum reply_derived_name k)
{
	buf_reset(&d->text[k]);
	return &d->text[k];
}

/* first_time / returning: stated by the event, else its orders count,
 * else the orders of hers the stream has shown. */
static void
buyer_history(const struct reply_fields *f, const struct reply_turn *t,
    struct reply_derived *d)
{
	static const enum reply_field counts[] = {
		RF_ORDERS_COUNT, RF_ORDER_COUNT, RF_ORDERS
	};
	const cJSON *ft = f->v[RF_FIRST_TIME];
	const cJSON *ret = f->v[RF_RETURNING];
	double n = -1;
	int first = 0, back = 0;

	if (cJSON_IsBool(ret) || cJSON_IsBool(ft)) {
		back = cJSON_IsBool(ret) ? cJSON_IsTrue(ret) : !cJSON_IsTrue(ft);
		first = !back;
	} else {
		for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++)
			if (get_number(f, counts[i], &n) == 0)
				break;
		if (n < 0 && t != NULL && t->orders_count > 0)
			n = t->orders_count;
		if (n >= 0) {
			back = n >= 2;
			first = !back;
		}
	}
	set_bool(d, RD_FIRST_TIME, first);
	set_bool(d, RD_RETURNING, back);
	if (n >= 0)
		set_number(d, RD_ORDERS_COUNT, n);
}

int
reply_fields_urgent(const struct reply_fields *f)
{
	const cJSON *u = f->v[RF_URGENCY];

	if (cJSON_IsNumber(u))
		return u->valuedouble >= 2;
	if (cJSON_IsString(u))
		return strcmp(u->valuestring, "high") == 0 ||
		    strcmp(u->valuestring, "urgent") == 0;
	return is_true(f->v[RF_URGENT]);
}

int
reply_fields_angry(const struct reply_fields *f)
{
	const cJSON *s = f->v[RF_SENTIMENT];
	double score;

	if (is_true(f->v[RF_ESCALATE]))
		return 1;
	if (cJSON_IsNumber(s))
		return s->valuedouble <= -0.5;
	if (!cJSON_IsString(s) || strcmp(s->valuestring, "negative") != 0)
		return 0;
	return get_number(f, RF_SENTIMENT_SCORE, &score) != 0 ||
	    score <= -0.5;
}

/* Local wall-clock time as written in an RFC 3339 stamp with an offset. */
struct wall {
	int	y, mon, d, h, min;
};

/* n decimal digits at s, or -1. */
static int
digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* "YYYY-MM-DDTHH:MM…" (or a space for T). */
static int
parse_wall(const char *s, struct wall *w)
{
	if (s == NULL || strlen(s) < 16 || s[4] != '-' || s[7] != '-' ||
	    (s[10] != 'T' && s[10] != ' ') || s[13] != ':')
		return -1;
	w->y = digits(s, 4);
	w->mon = digits(s + 5, 2);
	w->d = digits(s + 8, 2);
	w->h = digits(s + 11, 2);
	w->min = digits(s + 14, 2);
	if (w->y < 0 || w->mon < 1 || w->mon > 12 || w->d < 1 || w->d > 31 ||
	    w->h < 0 || w->h > 23 || w->min < 0 || w->min > 59)
		return -1;
	return 0;
}

/* Seconds east of UTC of an RFC 3339 stamp's offset; -1 when it has none. */
static int
stamp_offset(const char *s, int *off)
{
	size_t n = s ? strlen(s) : 0;
	int hh, mm;

	if (n < 6)
		return -1;
	if (s[n - 1] == 'Z') {
		*off = 0;
		return 0;
	}
	if ((s[n - 6] != '+' && s[n - 6] != '-') || s[n - 3] != ':' ||
	    (hh = digits(s + n - 5, 2)) < 0 || (mm = digits(s + n - 2, 2)) < 0)
		return -1;
	*off = (hh * 3600 + mm * 60) * (s[n - 6] == '-' ? -1 : 1);
	return 0;
}

/* The day number of a wall time (civil_days_from). */
static int64_t
wall_day(const struct wall *w)
{
	return civil_days_from(w->y, w->mon, w->d);
}

static void
wall_tm(const struct wall *w, struct tm *tm)
{
	int64_t day = wall_day(w);

	memset(tm, 0, sizeof(*tm));
	tm->tm_year = w->y - 1900;
	tm->tm_mon = w->mon - 1;
	tm->tm_mday = w->d;
	tm->tm_hour = w->h;
	tm->tm_min = w->min;
	tm->tm_wday = (civil_weekday(day) + 1) % 7;	/* Sunday 0 */
	tm->tm_yday = (int)(day - civil_days_from(w->y, 1, 1));
	tm->tm_isdst = -1;
}

static void
wall_from_days_min(int64_t day, int minutes, struct wall *w)
{
	int64_t y;

	civil_from_days(day, &y, &w->mon, &w->d);
	w->y = (int)y;
	w->h = minutes / 60;
	w->min = minutes % 60;
}

/* Is word one of the blank-separated words of list? */
static int
has_word(const char *list, const char *word)
{
	size_t n = strlen(word);

	for (const char *s = list; (s = strstr(s, word)) != NULL; s += n)
		if ((s == list || s[-1] == ' ' || s[-1] == '\t') &&
		    (s[n] == '\0' || s[n] == ' ' || s[n] == '\t'))
			return 1;
	return 0;
}

/* A wall time by a strftime pattern in the plan's locale. */
static void
format_pattern(const struct reply_plan *p, const char *pat,
    const struct wall *w, struct buf *out)
{
	struct tm tm;

	wall_tm(w, &tm);
	locfmt_time(p->loc, pat, p->set[RS_LOWER], &tm, out);
}

/*
 * The weekday said alone (promise_weekday): lower-cased as the date's
 * weekday is, or, with the word "weekday" in the language's "lower", only
 * here: Turkish capitalises a weekday inside a date (8 Ekim Perşembe) and
 * not alone mid-sentence (perşembe sabahı).
 */
static void
weekday_alone(const struct reply_plan *p, const struct wall *w,
    struct buf *out)
{
	const char *lower = p->set[RS_LOWER];
	struct tm tm;

	if (lower != NULL && has_word(lower, "weekday"))
		lower = "%A";
	wall_tm(w, &tm);
	locfmt_time(p->loc, "%A", lower, &tm, out);
}

/* A wall time in the plan's pattern for setting k (ISO without a locale). */
static void
format_wall(const struct reply_plan *p, enum reply_setting k,
    const char *dflt, const struct wall *w, struct buf *out)
{
	if (p == NULL || p->loc == NULL) {
		if (k == RS_DATE)
			buf_printf(out, "%04d-%02d-%02d", w->y, w->mon, w->d);
		else
			buf_printf(out, "%02d:%02d", w->h, w->min);
		return;
	}
	format_pattern(p, p->set[k] != NULL ? p->set[k] : dflt, w, out);
}

static void
format_time(const struct reply_plan *p, const struct wall *w, struct buf *out)
{
	if (w->min == 0 && p != NULL && p->set[RS_TIME_HOUR] != NULL)
		format_wall(p, RS_TIME_HOUR, "%H:%M", w, out);
	else
		format_wall(p, RS_TIME, "%H:%M", w, out);
}

/*
 * reply_due_local from cs-tzsched, else reply_due (or next_open) shown at
 * the offset of the buyer's local_time; then its words (the older names).
 */
static int
due_time(const struct reply_fields *f, const struct reply_plan *p,
    struct reply_derived *d, struct wall *due, int *off)
{
	const char *local = fstr(f, RF_REPLY_DUE_LOCAL);
	const char *utc = fstr(f, RF_REPLY_DUE);
	struct buf *b;

	cs_time t;
	const char *why;
	struct ts_parser tp = { NULL, { NULL } };

	if (utc == NULL)
		utc = fstr(f, RF_NEXT_OPEN);
	if (local == NULL && utc != NULL &&
	    stamp_offset(fstr(f, RF_LOCAL_TIME), off) == 0 &&
	    ts_parse(&tp, utc, &t, &why) == 0) {
		b = text_of(d, RD_REPLY_DUE_LOCAL);
		ts_format_offset(t, *off, b);
		set_text(d, RD_REPLY_DUE_LOCAL);
		local = b->data;
	}
	(void)p;
	if (parse_wall(local, due) != 0 || stamp_offset(local, off) != 0)
		return -1;
	return 0;
}

/*
 * The older names, kept for teams' own templates: the promise's day and
 * time (08:00 for a promise of the morning), never a night time.
 */
static void
older_words(const struct reply_plan *p, const struct wall *w,
    struct reply_derived *d)
{
	struct buf *b = text_of(d, RD_REPLY_DUE_TEXT);
	int cjk = p != NULL && p->set[RS_SCRIPT] != NULL &&
	    (strcmp(p->set[RS_SCRIPT], "Jpan") == 0 ||
	    strcmp(p->set[RS_SCRIPT], "Hans") == 0 ||
	    strcmp(p->set[RS_SCRIPT], "Hant") == 0);

	format_wall(p, RS_DATE, "%Y-%m-%d", w, b);
	buf_adds(b, cjk ? " " : ", ");
	format_time(p, w, b);
	set_text(d, RD_REPLY_DUE_TEXT);
	b = text_of(d, RD_REPLY_DUE_TIME);
	buf_printf(b, "%02d:%02d", w->h, w->min);
	set_text(d, RD_REPLY_DUE_TIME);
	b = text_of(d, RD_REPLY_DUE_DATE);
	buf_printf(b, "%04d-%02d-%02d", w->y, w->mon, w->d);
	set_text(d, RD_REPLY_DUE_DATE);
}

/* The buyer's daytime: a promise never falls from 22:00 to 08:00. */
#define DAY_FROM	(8 * 60)
#define DAY_TO		(22 * 60)

/*
 * The promise of an auto-reply: the due time rounded up to the half hour,
 * moved to the morning when it falls in her night; today and tomorrow are
 * counted from the message's local date (local_time).
 */
static void
promise(const struct reply_fields *f, const struct reply_plan *p,
    const struct wall *due, struct reply_derived *d)
{
	int64_t day = wall_day(due);
	int minutes = due->h * 60 + due->min, morning = 0;
	struct wall w, now;

	minutes = (minutes + 29) / 30 * 30;
	if (minutes >= DAY_TO) {
		day++;
		minutes = DAY_FROM;
		morning = 1;
	} else if (minutes < DAY_FROM) {
		minutes = DAY_FROM;
		morning = 1;
	}
	wall_from_days_min(day, minutes, &w);
	older_words(p, &w, d);
	format_wall(p, RS_DATE, "%Y-%m-%d", &w, text_of(d, RD_PROMISE_DATE));
	set_text(d, RD_PROMISE_DATE);
	if (p != NULL && p->loc != NULL) {
		weekday_alone(p, &w, text_of(d, RD_PROMISE_WEEKDAY));
		set_text(d, RD_PROMISE_WEEKDAY);
	}
	if (!morning) {
		format_time(p, &w, text_of(d, RD_PROMISE_TIME));
		set_text(d, RD_PROMISE_TIME);
	}
	set_bool(d, RD_PROMISE_MORNING, morning);
	if (parse_wall(fstr(f, RF_LOCAL_TIME), &now) == 0) {
		set_bool(d, RD_PROMISE_TODAY, day == wall_day(&now));
		set_bool(d, RD_PROMISE_TOMORROW, day == wall_day(&now) + 1);
	}
}

int
reply_same_order(const char *a, const char *b)
{
	a += *a == '#';
	b += *b == '#';
	return strcasecmp(a, b) == 0;
}

/*
 * The event's order_id, when the turn's order is another one: she named
 * another order in her words (reply.c's message_order), and the event's
 * own order facts (its status, amount, product...) are not about it.
 */
static const char *
superseded_order(const struct reply_fields *f, const struct reply_turn *t)
{
	const char *field = fstr(f, RF_ORDER_ID);

	return field != NULL && t != NULL && t->order_id != NULL &&
	    !reply_same_order(field, t->order_id) ? field : NULL;
}

int
reply_order_in_text(const struct reply_fields *f, struct buf *out)
{
	struct buf scratch = { 0 };
	int rc = orderref_find(fstr(f, RF_TEXT), NULL, 0, &scratch, out);

	buf_free(&scratch);
	return rc;
}

/*
 * order_id: the event's, else the turn's (any of its messages, or her only
 * order), else one written in the text: buyers write their order number
 * more often than exports carry it, and a draft that asks for a number the
 * buyer already gave reads badly.  An auto-reply (referred_only) names no
 * order the buyer did not write about: not the joined one.
 */
static void
order_number(const struct reply_fields *f, const struct reply_turn *t,
    struct reply_derived *d)
{
	const char *id = NULL;

	if (fstr(f, RF_ORDER_ID) != NULL && superseded_order(f, t) == NULL)
		return;		/* the event's own shows */
	if (t != NULL)
		id = t->order_id;
	if (id == NULL && t != NULL && t->order != NULL && !t->referred_only)
		id = t->order->id;
	if (id != NULL) {
		set_str(d, RD_ORDER_ID, id);
		return;
	}
	/* A turn has read the text already (reply.c's message_order). */
	if (t == NULL && reply_order_in_text(f, text_of(d, RD_ORDER_ID)) == 0)
		set_text(d, RD_ORDER_ID);
}

/* An amount in the plan's locale (plain without one). */
static void
money(const struct reply_plan *p, double a, const char *cur,
    struct buf *out)
{
	if (p == NULL || p->loc == NULL) {
		buf_printf(out, "%.2f", a);
		if (cur != NULL && *cur != '\0')
			buf_printf(out, " %s", cur);
		return;
	}
	locfmt_money(p->fmt, p->loc, a, cur, out);
}

/*
 * FAST PATH for money(): the text of an amount formatted lately, by every
 * input of locfmt_money (its cache and locale, which live as long as the
 * library, the amount's bits, the currency); money() is the plain path,
 * taken on a miss, and test_reply checks the two agree.  An amount was
 * formatted by snprintf on every message that joins an order.
 */
static void
money_memo(const struct reply_plan *p, double a, const char *cur,
    struct reply_derived *d, struct buf *out)
{
	size_t clen = cur != NULL ? strlen(cur) : 0;
	struct reply_money_memo *m;
	uint64_t h, bits;

	if (p == NULL || p->loc == NULL || clen >= sizeof(m->currency)) {
		money(p, a, cur, out);
		return;
	}
	memcpy(&bits, &a, sizeof bits);
	h = hash_fnv1a64(cur != NULL ? cur : "", clen) ^ bits ^
	    ((uint64_t)(uintptr_t)p->loc >> 4);
	h = (h ^ h >> 31) * 0x94d049bb133111ebULL;
	m = &d->money_memo[(h >> 32) % REPLY_MONEY_MEMO];
	if (m->loc != p->loc || m->fmt != p->fmt ||
	    memcmp(&m->amount, &a, sizeof a) != 0 ||
	    m->no_currency != (cur == NULL) || m->clen != clen ||
	    memcmp(m->currency, cur != NULL ? cur : "", clen) != 0) {
		m->loc = p->loc;
		m->fmt = p->fmt;
		m->amount = a;
		m->no_currency = cur == NULL;
		m->clen = clen;
		memcpy(m->currency, cur != NULL ? cur : "", clen);
		buf_reset(&m->text);
		money(p, a, cur, &m->text);
	}
	buf_add(out, m->text.data, m->text.len);
}

/* The order's state words, by the status an export gives. */
static int
status_in(const char *status, const char *const *words)
{
	if (status == NULL)
		return 0;
	for (int i = 0; words[i] != NULL; i++)
		if (strcmp(status, words[i]) == 0)
			return 1;
	return 0;
}

static const char *const st_paid[] = { "paid", "processing", "packed",
	"shipped", "in_transit", "out_for_delivery", "delivered", "completed",
	NULL };
static const char *const st_shipped[] = { "shipped", "in_transit",
	"out_for_delivery", "delivered", "completed", NULL };
static const char *const st_delivered[] = { "delivered", "completed", NULL };
static const char *const st_refunded[] = { "refunded", NULL };
static const char *const st_partial[] = { "partially_refunded",
	"partial_refund", NULL };
static const char *const st_hold[] = { "on_hold", "hold", NULL };
static const char *const st_cancelled[] = { "cancelled", "canceled", NULL };

/*
 * The joined and grounded order: amount, product, state flags, tracking,
 * coupon and refund, each from the event first, then the joined order.
 */
/* Derived value k as an empty string: it hides the event's own field. */
static void
set_empty(struct reply_derived *d, enum reply_derived_name k)
{
	buf_reset(&d->text[k]);
	set_text(d, k);
}

/* The facts of o alone (NULL: none), not the event's. */
static void
other_order_facts(const struct reply_order *o, struct reply_derived *d)
{
	static const enum reply_derived_name texts[] = {
		RD_PRODUCT, RD_TRACKING_URL, RD_COUPON
	};

	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		set_empty(d, texts[i]);
	if (o != NULL) {
		set_str(d, RD_PRODUCT, o->product);
		set_str(d, RD_TRACKING_URL, o->tracking_url);
		set_str(d, RD_COUPON, o->coupon);
	}
}

static void
order_facts(const struct reply_plan *p,
    const struct reply_fields *f, const struct reply_turn *t,
    const unsigned char *need, struct reply_derived *d)
{
	const struct reply_order *o = t != NULL ? t->order : NULL;
	/* When she named another order than the event's, the event's own
	 * facts are that other order's: only the joined one speaks. */
	int own = superseded_order(f, t) == NULL;
	const char *cur = own ? fstr(f, RF_CURRENCY) : NULL, *status;
	double amount = 0, refund = 0;
	int has_amount, has_refund;

	has_amount = own && get_number(f, RF_AMOUNT, &amount) == 0;
	if (!has_amount && o != NULL && o->has_amount) {
		amount = o->amount;
		cur = o->currency;
		has_amount = 1;
	}
	has_refund = own && get_number(f, RF_REFUND_AMOUNT, &refund) == 0;
	if (!has_refund && o != NULL && o->has_refund) {
		refund = o->refund_amount;
		has_refund = 1;
	}
	if (cur == NULL && o != NULL)
		cur = o->currency;
	if (has_amount && (need == NULL || need[RD_AMOUNT_TEXT])) {
		money_memo(p, amount, cur, d, text_of(d, RD_AMOUNT_TEXT));
		set_text(d, RD_AMOUNT_TEXT);
	}
	if (has_refund && (need == NULL || need[RD_REFUND_AMOUNT_TEXT])) {
		money_memo(p, refund, cur, d, text_of(d, RD_REFUND_AMOUNT_TEXT));
		set_text(d, RD_REFUND_AMOUNT_TEXT);
	}
	status = own ? fstr(f, RF_ORDER_STATUS) : NULL;
	if (status == NULL && o != NULL)
		status = o->status;
	set_bool(d, RD_PAID, status_in(status, st_paid));
	set_bool(d, RD_SHIPPED, status_in(status, st_shipped));
	set_bool(d, RD_DELIVERED, status_in(status, st_delivered));
	set_bool(d, RD_ON_HOLD, status_in(status, st_hold));
	set_bool(d, RD_CANCELLED, status_in(status, st_cancelled));
	set_bool(d, RD_REFUNDED, status_in(status, st_refunded) ||
	    (has_refund && has_amount && refund >= amount - 0.005));
	set_bool(d, RD_PARTIALLY_REFUNDED, status_in(status, st_partial) ||
	    (has_refund && has_amount && refund > 0 &&
	    refund < amount - 0.005));
	if (!own)
		other_order_facts(o, d);
	if (own && fstr(f, RF_PRODUCT) == NULL && o != NULL)
		set_str(d, RD_PRODUCT, o->product);
	if (own && fstr(f, RF_TRACKING_URL) == NULL && o != NULL)
		set_str(d, RD_TRACKING_URL, o->tracking_url);
	if (own && fstr(f, RF_COUPON) == NULL && o != NULL)
		set_str(d, RD_COUPON, o->coupon);
}

/* The buyer's name as the plan's language addresses her. */
static void
buyer_name(const struct reply_plan *p, const struct reply_fields *f,
    struct reply_derived *d)
{
	const char *raw = fstr(f, RF_CUSTOMER_NAME);
	const char *rule = p != NULL ? p->set[RS_NAME] : NULL;
	const char *given = p != NULL ? p->set[RS_GIVEN] : NULL;
	struct reply_name_memo *m;
	uint64_t h;
	size_t n;

	if (raw == NULL)
		return;
	n = strlen(raw);
	/* The whole name hashed: length, first and last byte alone put
	 * names of one script and length in one slot (UTF-8 lead bytes),
	 * and the memo missed half the time with a few thousand buyers. */
	/* The key is every input of buyername_address: the settings are
	 * the library's strings (a plan made in scratch has them too). */
	const char *hon = p != NULL ? p->set[RS_HONORIFICS] : NULL;
	int last = given != NULL && strcmp(given, "last") == 0;
	if (rule == NULL)
		rule = "{full}";
	h = hash_fnv1a64(raw, n) ^ ((uint64_t)(uintptr_t)rule >> 4) ^
	    ((uint64_t)(uintptr_t)hon << 7) ^ (uint64_t)last;
	h = (h ^ h >> 29) * 0xbf58476d1ce4e5b9ULL;
	m = &d->memo[(h >> 32) % REPLY_NAME_MEMO];
	if (m->raw.data == NULL || m->rule != rule || m->honorifics != hon ||
	    m->given_last != last || m->raw.len != n ||
	    memcmp(m->raw.data, raw, n) != 0) {
		m->rule = rule;
		m->honorifics = hon;
		m->given_last = last;
		buf_reset(&m->raw);
		buf_add(&m->raw, raw, n);
		m->ok = buyername_address(raw, rule, hon, last, &m->name,
		    &m->given) == 0;
	}
	if (!m->ok)
		return;
	buf_reset(&d->text[RD_NAME]);
	buf_add(&d->text[RD_NAME], m->name.data, m->name.len);
	set_text(d, RD_NAME);
	buf_reset(&d->text[RD_FIRST_NAME]);
	buf_add(&d->text[RD_FIRST_NAME], m->given.data, m->given.len);
	set_text(d, RD_FIRST_NAME);
}

/* Does the tag tag[0..n) serve the language lang (itself or a prefix of
 * it: "zh" serves "zh-Hant")? */
static int
tag_serves(const char *tag, size_t n, const char *lang)
{
	return n > 0 && strncasecmp(tag, lang, n) == 0 &&
	    (lang[n] == '\0' || lang[n] == '-');
}

/* s[0..*n) without the blanks around it. */
static const char *
trimmed(const char *s, size_t *n)
{
	while (*n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		(*n)--;
	}
	while (*n > 0 && (s[*n - 1] == ' ' || s[*n - 1] == '\t'))
		(*n)--;
	return s;
}

/*
 * The holiday's name in the draft's language.  The holidays file's text
 * (cs-tzsched's holiday) is "National Day | de: Nationalfeiertag | th:
 * …": the name before the first '|' is English, each other one is in the
 * language of its tag, and the longest tag that is the draft's language
 * or a prefix of it wins.  Without one in the draft's language the value
 * is empty (holiday_closed stays true), so that the template says the team
 * is closed for a public holiday without naming it: no English name in a
 * Thai draft.
 */
static void
holiday_name(const struct reply_plan *p, const char *text,
    struct reply_derived *d)
{
	const char *lang = p != NULL && p->reply[0] != '\0' ? p->reply : "en";
	const char *best = NULL, *s = text;
	size_t best_len = 0, best_tag = 0;
	struct buf *out = text_of(d, RD_HOLIDAY);

	for (;;) {
		size_t n = strcspn(s, "|"), len = n, tn = 2;
		const char *name = s, *tag = "en";
		const char *colon = s == text ? NULL : memchr(s, ':', n);

		if (colon != NULL) {
			tn = (size_t)(colon - s);
			tag = trimmed(s, &tn);
			name = colon + 1;
			len = n - (size_t)(name - s);
		}
		name = trimmed(name, &len);
		if ((s == text || colon != NULL) && len > 0 && tn > best_tag &&
		    tag_serves(tag, tn, lang)) {
			best = name;
			best_len = len;
			best_tag = tn;
		}
		if (s[n] == '\0')
			break;
		s += n + 1;
	}
	if (best != NULL)
		buf_add(out, best, best_len);
	set_text(d, RD_HOLIDAY);
}

/* The turn: its intent and topic, and whether the topic has an answer. */
static void
turn_facts(const struct reply_turn *t, struct reply_derived *d)
{
	if (t != NULL) {
		set_str(d, RD_INTENT, t->intent);
		set_str(d, RD_TOPIC, t->topic);
	}
	set_bool(d, RD_TOPIC_ANSWER, t != NULL && t->topic_answer);
	set_bool(d, RD_FOLLOWUP, t != NULL && t->followup);
}

void
reply_derive(const struct reply_plan *p, const struct reply_fields *f,
    const struct reply_turn *t, const unsigned char *need,
    struct reply_derived *d)
{
	struct wall due;
	int off;

	for (int k = 0; k < RD_N; k++)
		d->item[k].type = cJSON_Invalid;
	buyer_history(f, t, d);
	set_bool(d, RD_URGENT, reply_fields_urgent(f) || (t && t->urgent));
	set_bool(d, RD_ANGRY, reply_fields_angry(f) || (t && t->angry));
	set_bool(d, RD_NEEDS_VIDEO, is_true(f->v[RF_NEEDS_VIDEO]) ||
	    (t && t->needs_video));
	if (p != NULL) {
		set_str(d, RD_REPLY_LANG, p->reply);
		set_bool(d, RD_LANG_FALLBACK, p->fallback && p->buyer[0]);
	}
	turn_facts(t, d);
	if (need == NULL || need[RD_NAME] || need[RD_FIRST_NAME])
		buyer_name(p, f, d);
	/* The costlier ones only when a template can show them. */
	if ((need == NULL || need[RD_REPLY_DUE_LOCAL] ||
	    need[RD_REPLY_DUE_TEXT] || need[RD_REPLY_DUE_TIME] ||
	    need[RD_REPLY_DUE_DATE] || need[RD_PROMISE_DATE] ||
	    need[RD_PROMISE_TIME] || need[RD_PROMISE_WEEKDAY] ||
	    need[RD_PROMISE_MORNING]) && due_time(f, p, d, &due, &off) == 0)
		promise(f, p, &due, d);
	/* Closed for a holiday, named in her language or not: a template
	 * can say why the answer waits without the name. */
	if (fstr(f, RF_HOLIDAY) != NULL) {
		set_bool(d, RD_HOLIDAY_CLOSED, 1);
		holiday_name(p, fstr(f, RF_HOLIDAY), d);
	}
	order_facts(p, f, t, need, d);
	if (need == NULL || need[RD_ORDER_ID])
		order_number(f, t, d);
}

void
reply_derived_free(struct reply_derived *d)
{
	for (int k = 0; k < RD_N; k++)
		buf_free(&d->text[k]);
	for (int k = 0; k < REPLY_NAME_MEMO; k++) {
		buf_free(&d->memo[k].raw);
		buf_free(&d->memo[k].name);
		buf_free(&d->memo[k].given);
	}
	for (int k = 0; k < REPLY_MONEY_MEMO; k++)
		buf_free(&d->money_memo[k].text);
}

cJSON *
reply_context(const struct reply_opts *o, const struct reply_plan *p,
    const struct reply_turn *t, const cJSON *ev)
{
	cJSON *c = cJSON_CreateObject();
	struct reply_fields f;
	struct reply_derived d;
	const cJSON *v;

	/* Canonical names of mapped fields, so templates use one vocabulary. */
	for (int i = 0; o->map != NULL && i < o->map->n; i++) {
		v = json_get(ev, o->map->pairs[i].source);
		if (v != NULL)
			json_set(c, o->map->pairs[i].canonical,
			    cJSON_Duplicate(v, 1));
	}
	memset(&d, 0, sizeof(d));
	reply_fields_get(o, ev, &f);
	reply_derive(p, &f, t, NULL, &d);
	for (int k = 0; k < RD_N; k++) {
		if (d.item[k].type == cJSON_Invalid)
			continue;
		if (cJSON_IsBool(&d.item[k]))
			json_set_bool(c, reply_derived_names[k],
			    cJSON_IsTrue(&d.item[k]));
		else if (cJSON_IsNumber(&d.item[k]))
			json_set(c, reply_derived_names[k],
			    cJSON_CreateNumber(d.item[k].valuedouble));
		else
			json_set_str(c, reply_derived_names[k],
			    d.item[k].valuestring);
	}
	reply_derived_free(&d);
	if (o->set != NULL)
		cJSON_ArrayForEach(v, o->set)
			if (json_get(ev, v->string) == NULL &&
			    json_get(c, v->string) == NULL)
				json_set(c, v->string, cJSON_Duplicate(v, 1));
	return c;
}
