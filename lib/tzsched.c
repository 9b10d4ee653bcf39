/*
 * tzsched — per-event time-zone annotation (see tzsched.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "civil.h"
#include "event.h"
#include "fieldmap.h"
#include "hmap.h"
#include "json.h"
#include "tz.h"
#include "tzsched.h"

struct tzsched {
	struct tzsched_opts	 o;
	char			*window;	/* the spec, owned */
	struct hmap		 windows;	/* zone name → struct window * */
	struct cal_stretch		 team_stretch;	/* around the last event */
	struct hmap		 convs;		/* conversation → zone */
	struct buf		 why;		/* the last reason given */
	struct buf		 tmp;
	uint64_t		 no_zone;	/* messages without a buyer zone */
};

/* A customer's day in one zone, and where the last event fell in it. */
struct window {
	struct cal	*cal;
	struct cal_stretch	 stretch;
};

struct tzsched *
tzsched_new(const struct tzsched_opts *o, struct buf *why)
{
	struct tzsched *s;
	struct cal *probe;

	s = xcalloc(1, sizeof *s);
	s->o = *o;
	s->window = xstrdup(o->window ? o->window : TZSCHED_WINDOW_DEFAULT);
	s->o.window = s->window;
	/* Check the spec once here, so a bad one is a usage error. */
	probe = cal_new(NULL);
	if (cal_add_hours(probe, s->window, why) != 0) {
		cal_free(probe);
		tzsched_free(s);
		return NULL;
	}
	cal_free(probe);
	return s;
}

void
tzsched_free(struct tzsched *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < hmap_count(&s->windows); i++) {
		struct window *w = hmap_at(&s->windows, i)->val.ptr;
		cal_free(w->cal);
		free(w);
	}
	hmap_free(&s->windows);
	hmap_free(&s->convs);
	buf_free(&s->why);
	buf_free(&s->tmp);
	free(s->window);
	free(s);
}
/* The customer's window as a calendar in zone z (made once per zone). */
static struct window *
window_in(struct tzsched *s, const struct tz_zone *z)
{
	const char *name = tz_name(z);
	struct hmap_entry *e;
	int added;
	size_t i;

	i = hmap_put(&s->windows, name, strlen(name), &added);
	e = hmap_at(&s->windows, i);
	if (added) {
		struct window *w = xcalloc(1, sizeof *w);

		w->cal = cal_new(z);
		cal_add_hours(w->cal, s->window, &s->tmp); /* checked in new */
		e->val.ptr = w;
	}
	return e->val.ptr;
}

/* The conversation id as a key, NULL when there is none. */
static const char *
conv_key(struct tzsched *s, const cJSON *ev)
{
	const cJSON *v = fieldmap_get(s->o.map, ev, "conversation");

	buf_reset(&s->tmp);
	if (cJSON_IsString(v))
		buf_adds(&s->tmp, v->valuestring);
	else if (cJSON_IsNumber(v))
		json_write_number(&s->tmp, v->valuedouble);
	else
		return NULL;
	return buf_str(&s->tmp);
}

static const char *
bad(struct tzsched *s, const char *fmt, const char *what)
{
	buf_reset(&s->why);
	buf_printf(&s->why, fmt, what);
	return buf_str(&s->why);
}

/* The customer's zone, or NULL with the reason in *why. */
static const struct tz_zone *
customer_zone(struct tzsched *s, const cJSON *ev, const char **why)
{
	const cJSON *tz = fieldmap_get(s->o.map, ev, "tz");
	const cJSON *cc = fieldmap_get(s->o.map, ev, "country");
	const struct tz_zone *z = NULL;
	const char *key, *name;
	size_t i;
	int added;

	*why = NULL;
	if (tz != NULL && !cJSON_IsNull(tz)) {
		if (!cJSON_IsString(tz)) {
			*why = "field \"tz\" is not a string";
			return NULL;
		}
		if ((z = tzdb_zone(s->o.db, tz->valuestring)) == NULL) {
			*why = bad(s, "unknown time zone \"%s\" in field \"tz\"",
			    tz->valuestring);
			return NULL;
		}
	} else if (cc != NULL && !cJSON_IsNull(cc)) {
		if (!cJSON_IsString(cc)) {
			*why = "field \"country\" is not a string";
			return NULL;
		}
		name = tzdb_country_zone(s->o.db, cc->valuestring);
		if (name == NULL || (z = tzdb_zone(s->o.db, name)) == NULL) {
			*why = bad(s, "unknown country \"%s\" in field "
			    "\"country\"", cc->valuestring);
			return NULL;
		}
	}
	if ((key = conv_key(s, ev)) != NULL) {
		if (z != NULL) {
			i = hmap_put_lru(&s->convs, key, strlen(key),
			    s->o.max_conversations, &added, NULL);
			hmap_at(&s->convs, i)->val.ptr = (void *)z;
			return z;
		}
		if ((i = hmap_find(&s->convs, key, strlen(key))) != HMAP_NONE) {
			hmap_touch(&s->convs, i);	/* forgotten last */
			return hmap_at(&s->convs, i)->val.ptr;
		}
	}
	if (z == NULL)
		z = s->o.default_zone;
	return z;	/* NULL with *why NULL: no zone known */
}

/* A message event's time and customer zone; 1 when it is not a message. */
static int
message_setup(struct tzsched *s, cJSON *ev, cs_time *t,
    const struct tz_zone **z, const char **why)
{
	const cJSON *type = fieldmap_get(s->o.map, ev, "type");
	const char *twhy = NULL;
	int r;

	*why = NULL;
	if (type != NULL && !(cJSON_IsString(type) &&
	    strcmp(type->valuestring, "message") == 0))
		return 1;
	r = fieldmap_time(s->o.map, s->o.ts, ev, t, &twhy);
	if (r == 1) {
		*why = "no \"ts\" field";
		return -1;
	}
	if (r != 0) {
		*why = bad(s, "bad \"ts\": %s", twhy);
		return -1;
	}
	if ((*z = customer_zone(s, ev, why)) == NULL && *why != NULL)
		return -1;
	if (*z == NULL)
		s->no_zone++;
	return 0;
}

/* t + seconds, or CS_TIME_NONE past what RFC 3339 can write (year 9999). */
static cs_time
later(cs_time t, double seconds)
{
	if (!(seconds >= 0) || seconds > (CS_TIME_LAST - t) / 1000.0)
		return CS_TIME_NONE;
	return t + (cs_time)llround(seconds * 1000);
}

/* An instant in UTC; null when there is none or it cannot be written.  key
 * is a literal (json_put). */
static void
set_time(cJSON *ev, const char *key, cs_time t, struct buf *b)
{
	if (t == CS_TIME_NONE || t < CS_TIME_FIRST || t > CS_TIME_LAST) {
		json_put(ev, key, cJSON_CreateNull());
		return;
	}
	buf_reset(b);
	ts_format_utc(t, b);
	json_put(ev, key, cJSON_CreateString(buf_str(b)));
}

/* The same in the customer's local time; null when its wall-clock year
 * would leave 0000-9999 (9999-12-31T23:00Z is already 10000 in Tokyo). */
static void
set_local(cJSON *ev, const char *key, cs_time t, const struct tz_zone *z,
    struct buf *b)
{
	int off;

	if (t == CS_TIME_NONE) {
		json_put(ev, key, cJSON_CreateNull());
		return;
	}
	off = tz_offset_at(z, civil_floor_div(t, 1000), NULL, NULL);
	if (t + off * (cs_time)1000 < CS_TIME_FIRST ||
	    t + off * (cs_time)1000 > CS_TIME_LAST) {
		json_put(ev, key, cJSON_CreateNull());
		return;
	}
	buf_reset(b);
	ts_format_offset(t, off, b);
	json_put(ev, key, cJSON_CreateString(buf_str(b)));
}

static int
is_role(const struct tzsched *s, const cJSON *ev, const char *role)
{
	const char *r = fieldmap_str(s->o.map, ev, "role");

	return r != NULL && strcmp(r, role) == 0;
}

/* The buyer's side of an event: her zone, clock, hour and daytime. */
static void
set_buyer_clock(struct tzsched *s, cJSON *ev, cs_time t,
    const struct tz_zone *z)
{
	int64_t sec = civil_floor_div(t, 1000);
	int off = tz_offset_at(z, sec, NULL, NULL);
	cs_time next;

	json_put(ev, "customer_tz", cJSON_CreateString(tz_name(z)));
	set_local(ev, "local_time", t, z, &s->tmp);
	int64_t hour = civil_floor_div(sec + off, 3600) -
	    civil_floor_div(sec + off, 86400) * 24;
	json_put(ev, "local_hour", cJSON_CreateNumber((double)hour));
	struct window *w = window_in(s, z);
	json_put(ev, "customer_daytime",
	    cJSON_CreateBool(cal_is_open_at(w->cal, &w->stretch, t, &next)));
}

uint64_t
tzsched_no_zone(const struct tzsched *s)
{
	return s->no_zone;
}

const char *
tzsched_annotate(struct tzsched *s, cJSON *ev)
{
	const struct tz_zone *z = NULL;
	const char *why;
	cs_time t = 0, due, next;
	int customer, open = 0;

	if (message_setup(s, ev, &t, &z, &why) != 0)
		return why;
	customer = is_role(s, ev, "customer");
	if (z != NULL)
		set_buyer_clock(s, ev, t, z);
	if (s->o.team != NULL) {
		open = cal_is_open_at(s->o.team, &s->team_stretch, t, &next);
		json_put(ev, "team_open", cJSON_CreateBool(open));
		set_time(ev, "next_open", next, &s->tmp);
	}
	if (!customer)
		return NULL;
	due = s->o.team != NULL ? cal_add_business(s->o.team, t, s->o.sla) :
	    later(t, s->o.sla);
	set_time(ev, "reply_due", due, &s->tmp);
	if (z != NULL)
		set_local(ev, "reply_due_local", due, z, &s->tmp);
	if (s->o.team != NULL) {
		const char *hol = open ? NULL :
		    cal_holiday_name(s->o.team, t, next);
		json_put(ev, "auto_reply", cJSON_CreateBool(!open));
		/* The team is closed for a holiday: its name, for the
		 * auto-reply (cskit-templates(5)). */
		if (hol != NULL)
			json_put(ev, "holiday", cJSON_CreateString(hol));
	}
	return NULL;
}

const char *
tzsched_followup(struct tzsched *s, cJSON *ev)
{
	const struct tz_zone *z = NULL;
	const char *why;
	cs_time t = 0, at;

	if (s->o.role != NULL && !is_role(s, ev, s->o.role)) {
		/* Still learn the conversation's zone from other roles. */
		const cJSON *type = fieldmap_get(s->o.map, ev, "type");

		if (type == NULL || (cJSON_IsString(type) &&
		    strcmp(type->valuestring, "message") == 0))
			(void)customer_zone(s, ev, &why);
		return NULL;
	}
	if (message_setup(s, ev, &t, &z, &why) != 0)
		return why;
	if (z == NULL)
		return NULL;	/* no buyer zone: no daytime to aim at */
	at = later(t, s->o.after);
	if (at != CS_TIME_NONE)
		at = cal_next_open(window_in(s, z)->cal, at);
	json_put(ev, "customer_tz", cJSON_CreateString(tz_name(z)));
	set_time(ev, "followup_at", at, &s->tmp);
	set_local(ev, "followup_local", at, z, &s->tmp);
	return NULL;
}

void
tzsched_want(const struct tzsched *s, struct ev_want *w)
{
	static const char *const reads[] = { "conversation", "tz", "country",
	    "type", "ts", "role" };
	static const char *const sets[] = { "customer_tz", "local_time",
	    "local_hour", "customer_daytime", "team_open", "next_open",
	    "reply_due", "reply_due_local", "auto_reply", "holiday",
	    "followup_at", "followup_local" };

	for (size_t i = 0; i < sizeof reads / sizeof *reads; i++)
		ev_want_add(w, fieldmap_source(s->o.map, reads[i]));
	for (size_t i = 0; i < sizeof sets / sizeof *sets; i++)
		ev_want_add(w, sets[i]);
}
