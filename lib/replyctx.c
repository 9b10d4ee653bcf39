/*
 * replyctx — the fields a reply template sees besides the event's own.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "json.h"
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

size_t
reply_tag_prefix(const char *tag, const char *code)
{
	size_t n = strlen(code);

	return strncmp(tag, code, n) == 0 && (tag[n] == '\0' || tag[n] == '-') ?
	    n : 0;
}


const char *const reply_field_names[RF_N] = {
	"type", "role", "lang", "intent", "conversation", "customer",
	"auto_reply", "needs_video", "first_time", "returning", "orders_count",
	"order_count", "orders", "urgency", "urgent", "sentiment",
	"sentiment_score", "escalate", "reply_due_local", "reply_due",
	"next_open", "local_time", "text", "order_id", "currency", "amount"
};

const char *const reply_derived_names[RD_N] = {
	"first_time", "returning", "urgent", "angry", "needs_video",
	"reply_lang", "reply_due_local", "reply_due_text", "reply_due_time",
	"reply_due_date", "amount_text", "order_id"
};

void
reply_fields_get(const struct reply_opts *o, const cJSON *ev,
    struct reply_fields *f)
{
	for (int k = 0; k < RF_N; k++)
		f->v[k] = fieldmap_get(MAP(o), ev, reply_field_names[k]);
}

/* The string value of field k, NULL when absent or not a string. */
static const char *
fstr(const struct reply_fields *f, enum reply_field k)
{
	return cJSON_IsString(f->v[k]) ? f->v[k]->valuestring : NULL;
}

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
	buf_reset(&d->text[k]);
	buf_adds(&d->text[k], s);
	set_text(d, k);
}

/* first_time / returning: stated by the event, or from its orders count. */
static void
buyer_history(const struct reply_fields *f, struct reply_derived *d)
{
	static const enum reply_field counts[] = {
		RF_ORDERS_COUNT, RF_ORDER_COUNT, RF_ORDERS
	};
	const cJSON *ft = f->v[RF_FIRST_TIME];
	const cJSON *ret = f->v[RF_RETURNING];
	double n;
	int first = 0, back = 0;

	if (cJSON_IsBool(ret) || cJSON_IsBool(ft)) {
		back = cJSON_IsBool(ret) ? cJSON_IsTrue(ret) : !cJSON_IsTrue(ft);
		first = !back;
	} else {
		for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
			if (get_number(f, counts[i], &n) == 0) {
				back = n >= 2;
				first = !back;
				break;
			}
		}
	}
	set_bool(d, RD_FIRST_TIME, first);
	set_bool(d, RD_RETURNING, back);
}

static int
is_urgent(const struct reply_fields *f)
{
	const cJSON *u = f->v[RF_URGENCY];

	if (cJSON_IsNumber(u))
		return u->valuedouble >= 2;
	if (cJSON_IsString(u))
		return strcmp(u->valuestring, "high") == 0 ||
		    strcmp(u->valuestring, "urgent") == 0;
	return is_true(f->v[RF_URGENT]);
}

static int
is_angry(const struct reply_fields *f)
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

struct date_words {
	const char	*lang;
	const char	*weekday[7];	/* Monday first */
	const char	*month[12];
	const char	*layout;	/* W weekday, D day, M month, N month
					 * number, T hh:mm */
};

static const struct date_words date_words[] = {
	{ "en", { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	    "Saturday", "Sunday" }, { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December" }, "W, M D, T" },
	{ "de", { "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag",
	    "Samstag", "Sonntag" }, { "Januar", "Februar", "März", "April",
	    "Mai", "Juni", "Juli", "August", "September", "Oktober",
	    "November", "Dezember" }, "W, D. M, T Uhr" },
	{ "fr", { "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
	    "dimanche" }, { "janvier", "février", "mars", "avril", "mai",
	    "juin", "juillet", "août", "septembre", "octobre", "novembre",
	    "décembre" }, "W D M à T" },
	{ "es", { "lunes", "martes", "miércoles", "jueves", "viernes",
	    "sábado", "domingo" }, { "enero", "febrero", "marzo", "abril",
	    "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
	    "noviembre", "diciembre" }, "W D de M a las T" },
	{ "pt", { "segunda-feira", "terça-feira", "quarta-feira",
	    "quinta-feira", "sexta-feira", "sábado", "domingo" }, { "janeiro",
	    "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
	    "setembro", "outubro", "novembro", "dezembro" },
	    "W, D de M, às T" },
	{ "id", { "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu",
	    "Minggu" }, { "Januari", "Februari", "Maret", "April", "Mei",
	    "Juni", "Juli", "Agustus", "September", "Oktober", "November",
	    "Desember" }, "W, D M, pukul T" },
	{ "ja", { "月", "火", "水", "木", "金", "土", "日" }, { NULL },
	    "N月D日(W) T" },
	{ "zh", { "周一", "周二", "周三", "周四", "周五", "周六", "周日" },
	    { NULL }, "N月D日（W）T" },
	{ "zh-hant", { "週一", "週二", "週三", "週四", "週五", "週六", "週日" },
	    { NULL }, "N月D日（W）T" },
};

/* The local time in the words of the buyer's language. */
static void
wall_words(const struct wall *w, const char *lang, struct buf *out)
{
	const struct date_words *dw = NULL;
	int wd = civil_weekday(civil_days_from(w->y, w->mon, w->d));
	size_t best = 0, n;

	/* The longest code that matches: zh-hant before zh. */
	for (size_t i = 0; i < sizeof(date_words) / sizeof(date_words[0]); i++)
		if ((n = reply_tag_prefix(lang, date_words[i].lang)) > best) {
			best = n;
			dw = &date_words[i];
		}
	if (dw == NULL) {
		buf_printf(out, "%04d-%02d-%02d %02d:%02d", w->y, w->mon, w->d,
		    w->h, w->min);
		return;
	}
	for (const char *p = dw->layout; *p; p++) {
		switch (*p) {
		case 'W': buf_adds(out, dw->weekday[wd]); break;
		case 'D': buf_printf(out, "%d", w->d); break;
		case 'M': buf_adds(out, dw->month[w->mon - 1]); break;
		case 'N': buf_printf(out, "%d", w->mon); break;
		case 'T': buf_printf(out, "%02d:%02d", w->h, w->min); break;
		default: buf_addc(out, *p); break;
		}
	}
}

/*
 * reply_due_local from cs-tzsched, else reply_due (or next_open) shown at
 * the offset of the buyer's local_time; then its words.
 */
static void
due_time(const struct reply_fields *f, const char *lang,
    struct reply_derived *d)
{
	const char *local = fstr(f, RF_REPLY_DUE_LOCAL);
	const char *utc = fstr(f, RF_REPLY_DUE);
	struct buf *b;
	struct wall w;
	cs_time t;
	int off;
	const char *why;
	struct ts_parser tp = { NULL, { NULL } };

	if (utc == NULL)
		utc = fstr(f, RF_NEXT_OPEN);
	if (local == NULL && utc != NULL &&
	    stamp_offset(fstr(f, RF_LOCAL_TIME), &off) == 0 &&
	    ts_parse(&tp, utc, &t, &why) == 0) {
		b = &d->text[RD_REPLY_DUE_LOCAL];
		buf_reset(b);
		ts_format_offset(t, off, b);
		set_text(d, RD_REPLY_DUE_LOCAL);
		local = b->data;
	}
	if (parse_wall(local, &w) == 0) {
		b = &d->text[RD_REPLY_DUE_TEXT];
		buf_reset(b);
		wall_words(&w, lang, b);
		set_text(d, RD_REPLY_DUE_TEXT);
		b = &d->text[RD_REPLY_DUE_TIME];
		buf_reset(b);
		buf_printf(b, "%02d:%02d", w.h, w.min);
		set_text(d, RD_REPLY_DUE_TIME);
		b = &d->text[RD_REPLY_DUE_DATE];
		buf_reset(b);
		buf_printf(b, "%04d-%02d-%02d", w.y, w.mon, w.d);
		set_text(d, RD_REPLY_DUE_DATE);
	}
}

static int
is_alnum(char c)
{
	return isalnum((unsigned char)c) != 0;
}

/* Length of the order number that starts at s[i], or 0. */
static size_t
order_ref_at(const char *s, size_t i, size_t n)
{
	size_t k, d = 0;

	if (s[i] == '#') {
		/* "#11295", "#SO-20391": a hash and at least 4 digits. */
		for (k = i + 1; k < n && (is_alnum(s[k]) || s[k] == '-'); k++)
			d += isdigit((unsigned char)s[k]) != 0;
		return d >= 4 && k - i <= 25 ? k - i : 0;
	}
	if (i > 0 && is_alnum(s[i - 1]))
		return 0;
	/* Amazon: 3-7-7 digits. */
	if (n - i >= 19 && s[i + 3] == '-' && s[i + 11] == '-' &&
	    (i + 19 == n || !is_alnum(s[i + 19]))) {
		for (k = 0; k < 19; k++)
			if (k != 3 && k != 11 && !isdigit((unsigned char)s[i + k]))
				break;
		if (k == 19)
			return 19;
	}
	/* Shopee: a date (6 digits) and 8 capitals or digits, one a letter. */
	if (n - i >= 14 && (i + 14 == n || !is_alnum(s[i + 14]))) {
		int letters = 0;
		for (k = 0; k < 14; k++) {
			char c = s[i + k];
			if (k < 6 ? !isdigit((unsigned char)c) :
			    !(isdigit((unsigned char)c) || (c >= 'A' && c <= 'Z')))
				break;
			letters += c >= 'A' && c <= 'Z';
		}
		if (k == 14 && letters > 0)
			return 14;
	}
	return 0;
}

/*
 * order_id from the message text when the event has none: buyers write
 * their order number more often than exports carry it, and a draft that
 * asks for a number the buyer already gave reads badly.
 */
static void
order_from_text(const struct reply_fields *f, struct reply_derived *d)
{
	const char *text = fstr(f, RF_TEXT);
	const cJSON *have = f->v[RF_ORDER_ID];
	size_t n, len;

	if (text == NULL || (have != NULL && !cJSON_IsNull(have) &&
	    !(cJSON_IsString(have) && have->valuestring[0] == '\0')))
		return;
	n = strlen(text);
	for (size_t i = 0; i < n; i++) {
		/* Every form starts with '#' or a digit: skip the rest fast. */
		if (text[i] != '#' && !isdigit((unsigned char)text[i]))
			continue;
		if ((len = order_ref_at(text, i, n)) > 0) {
			buf_reset(&d->text[RD_ORDER_ID]);
			buf_add(&d->text[RD_ORDER_ID], text + i, len);
			set_text(d, RD_ORDER_ID);
			return;
		}
	}
}

/* The amount as buyers write it: 59,90 EUR in de fr es pt, 59.90 EUR else. */
static void
amount_words(const struct reply_fields *f, const char *lang,
    struct reply_derived *d)
{
	static const char *const comma[] = { "de", "fr", "es", "pt", "it", "nl",
	    "ru", "id", NULL };
	const char *cur = fstr(f, RF_CURRENCY);
	struct buf *b = &d->text[RD_AMOUNT_TEXT];
	double a;
	int decimals = 2;

	if (get_number(f, RF_AMOUNT, &a) != 0)
		return;
	/* Currencies whose prices are written without cents. */
	if (cur != NULL && (strcmp(cur, "JPY") == 0 || strcmp(cur, "KRW") == 0 ||
	    strcmp(cur, "IDR") == 0 || strcmp(cur, "VND") == 0))
		decimals = 0;
	buf_reset(b);
	buf_printf(b, "%.*f", decimals, a);
	for (int i = 0; comma[i] != NULL; i++)
		if (strncmp(lang, comma[i], 2) == 0 &&
		    (lang[2] == '\0' || lang[2] == '-') && decimals > 0)
			b->data[b->len - 3] = ',';
	if (cur != NULL && *cur != '\0')
		buf_printf(b, " %s", cur);
	set_text(d, RD_AMOUNT_TEXT);
}

void
reply_derive(const struct reply_fields *f, const char *lang,
    const unsigned char *need, struct reply_derived *d)
{
	for (int k = 0; k < RD_N; k++)
		d->item[k].type = cJSON_Invalid;
	buyer_history(f, d);
	set_bool(d, RD_URGENT, is_urgent(f));
	set_bool(d, RD_ANGRY, is_angry(f));
	set_bool(d, RD_NEEDS_VIDEO, is_true(f->v[RF_NEEDS_VIDEO]));
	set_str(d, RD_REPLY_LANG, lang);
	/* The costlier ones only when a template can show them. */
	if (need == NULL || need[RD_REPLY_DUE_LOCAL] ||
	    need[RD_REPLY_DUE_TEXT] || need[RD_REPLY_DUE_TIME] ||
	    need[RD_REPLY_DUE_DATE])
		due_time(f, lang, d);
	if (need == NULL || need[RD_AMOUNT_TEXT])
		amount_words(f, lang, d);
	if (need == NULL || need[RD_ORDER_ID])
		order_from_text(f, d);
}

void
reply_derived_free(struct reply_derived *d)
{
	for (int k = 0; k < RD_N; k++)
		buf_free(&d->text[k]);
}

cJSON *
reply_context(const struct reply_opts *o, const cJSON *ev, const char *lang)
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
	reply_derive(&f, lang, NULL, &d);
	for (int k = 0; k < RD_N; k++) {
		if (d.item[k].type == cJSON_Invalid)
			continue;
		if (cJSON_IsBool(&d.item[k]))
			json_set_bool(c, reply_derived_names[k],
			    cJSON_IsTrue(&d.item[k]));
		else
			json_set_str(c, reply_derived_names[k],
			    d.item[k].valuestring);
	}
	reply_derived_free(&d);
	if (o->set != NULL)
		cJSON_ArrayForEach(v, o->set)
			if (json_get(ev, v->string) == NULL)
				json_set(c, v->string, cJSON_Duplicate(v, 1));
	return c;
}
