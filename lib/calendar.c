/*
 * calendar — business hours as instants (see calendar.h for the rules).
 *
 * Each weekday keeps its windows as seconds from local midnight, sorted and
 * merged (an end past 86400 runs into the next day).  The open intervals
 * are made day by day: a window's start and end are wall-clock times of
 * that day, turned into instants by tz_local_boundary(), so DST changes
 * move them exactly as the team's clocks move.  Days are expanded in order
 * and windows by start, so the starts come out in order and intervals that
 * overlap or touch (a night shift running into the next day's) merge as
 * they come.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "calendar.h"
#include "tz.h"

struct cal_window {
	int32_t	 start, end;	/* seconds from local midnight, end > start */
};

/* The longest interval the iterator hands out in one piece. */
#define CAL_PIECE_MS	((cs_time)7 * 86400 * 1000)

struct cal_holiday {
	int64_t	 first, last;	/* local day numbers, inclusive */
};

struct cal {
	const struct tz_zone	*zone;
	struct cal_window	*win[7];	/* 0 = Monday */
	int			 nwin[7];
	struct cal_holiday	*hol;		/* sorted, disjoint */
	size_t			 nhol;
};

struct cal *
cal_new(const struct tz_zone *zone)
{
	struct cal *c = xcalloc(1, sizeof *c);

	c->zone = zone;
	return c;
}

void
cal_free(struct cal *c)
{
	int d;

	if (c == NULL)
		return;
	for (d = 0; d < 7; d++)
		free(c->win[d]);
	free(c->hol);
	free(c);
}

const struct tz_zone *
cal_zone(const struct cal *c)
{
	return c->zone;
}

int
cal_has_hours(const struct cal *c)
{
	int d;

	for (d = 0; d < 7; d++)
		if (c->nwin[d] > 0)
			return 1;
	return 0;
}

/* ---- the hours spec ------------------------------------------------------ */

static int
cmp_window(const void *a, const void *b)
{
	const struct cal_window *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* Add a window to a weekday, keeping the list sorted and merged. */
static void
day_add_window(struct cal *c, int wd, int32_t start, int32_t end)
{
	struct cal_window *w;
	int i, n;

	c->win[wd] = xrealloc(c->win[wd], (c->nwin[wd] + 1) * sizeof *w);
	w = c->win[wd];
	w[c->nwin[wd]].start = start;
	w[c->nwin[wd]].end = end;
	n = c->nwin[wd] + 1;
	qsort(w, n, sizeof *w, cmp_window);
	for (i = 1, c->nwin[wd] = 1; i < n; i++) {
		struct cal_window *last = &w[c->nwin[wd] - 1];

		if (w[i].start <= last->end) {
			if (w[i].end > last->end)
				last->end = w[i].end;
		} else
			w[c->nwin[wd]++] = w[i];
	}
}

static const char *const day_names[7] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday"
};

/* "Mon" or "Monday" (any case) → 0..6; -1 otherwise. */
static int
day_parse(const char *s, size_t n)
{
	int d;

	for (d = 0; d < 7; d++)
		if ((n == 3 || n == strlen(day_names[d])) &&
		    strncasecmp(s, day_names[d], n) == 0)
			return d;
	return -1;
}

/* DAYS: comma list of days and ranges, or daily/weekdays/weekends. */
static int
days_parse(const char *s, size_t len, int days[7])
{
	size_t i = 0;

	memset(days, 0, 7 * sizeof *days);
	if (len == 5 && strncasecmp(s, "daily", 5) == 0) {
		for (i = 0; i < 7; i++)
			days[i] = 1;
		return 0;
	}
	if (len == 8 && strncasecmp(s, "weekdays", 8) == 0) {
		for (i = 0; i < 5; i++)
			days[i] = 1;
		return 0;
	}
	if (len == 8 && strncasecmp(s, "weekends", 8) == 0) {
		days[5] = days[6] = 1;
		return 0;
	}
	while (i < len) {
		size_t j = i, k;
		int a, b;

		while (j < len && isalpha((unsigned char)s[j]))
			j++;
		if ((a = b = day_parse(s + i, j - i)) < 0)
			return -1;
		if (j < len && s[j] == '-') {
			k = ++j;
			while (j < len && isalpha((unsigned char)s[j]))
				j++;
			if ((b = day_parse(s + k, j - k)) < 0)
				return -1;
		}
		for (;;) {		/* Fri-Mon wraps over the weekend */
			days[a] = 1;
			if (a == b)
				break;
			a = (a + 1) % 7;
		}
		if (j < len && s[j] != ',')
			return -1;
		i = j + 1;
		if (j + 1 == len)
			return -1;	/* a trailing comma */
	}
	return 0;
}

/* H:MM, HH:MM or HH:MM:SS, up to 24:00; the end of the text in *end. */
static int
clock_parse(const char *s, const char **end, int32_t *secs)
{
	int h = 0, m, sec = 0, digits = 0;

	while (isdigit((unsigned char)*s) && digits < 2) {
		h = h * 10 + (*s++ - '0');
		digits++;
	}
	if (digits == 0 || *s++ != ':' || !isdigit((unsigned char)s[0]) ||
	    !isdigit((unsigned char)s[1]))
		return -1;
	m = (s[0] - '0') * 10 + (s[1] - '0');
	s += 2;
	if (*s == ':' && isdigit((unsigned char)s[1]) &&
	    isdigit((unsigned char)s[2])) {
		sec = (s[1] - '0') * 10 + (s[2] - '0');
		s += 3;
	}
	if (m > 59 || sec > 59 || h > 24 || (h == 24 && (m || sec)))
		return -1;
	*secs = h * 3600 + m * 60 + sec;
	*end = s;
	return 0;
}

/* One clause: "DAYS WINDOWS" (or just WINDOWS, meaning daily). */
static int
clause_parse(struct cal *c, const char *s, size_t len, struct buf *why)
{
	int days[7], d;
	size_t dl = 0;
	const char *p, *end = s + len;

	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	end = s + len;
	if (len == 0) {
		buf_printf(why, "an empty clause");
		return -1;
	}
	if (isdigit((unsigned char)s[0])) {
		for (d = 0; d < 7; d++)
			days[d] = 1;
		p = s;
	} else {
		while (dl < len && !isspace((unsigned char)s[dl]))
			dl++;
		if (days_parse(s, dl, days) != 0) {
			buf_printf(why, "bad days '%.*s' (want e.g. Mon-Fri, "
			    "Sat,Sun or daily)", (int)dl, s);
			return -1;
		}
		p = s + dl;
		while (p < end && isspace((unsigned char)*p))
			p++;
		if (p == end) {
			buf_printf(why, "no hours after '%.*s'", (int)dl, s);
			return -1;
		}
	}
	while (p < end) {
		const char *q = p;
		int32_t a, b;

		if (clock_parse(p, &q, &a) != 0 || a == 86400 || *q++ != '-' ||
		    clock_parse(q, &q, &b) != 0 || (q < end && *q != ',') ||
		    a == b || (q == end - 1)) {
			size_t n = strcspn(p, ",;");

			buf_printf(why, "bad window '%.*s' (want HH:MM-HH:MM)",
			    (int)(n < (size_t)(end - p) ? n : (size_t)(end - p)),
			    p);
			return -1;
		}
		if (b < a)		/* over midnight */
			b += 86400;
		for (d = 0; d < 7; d++)
			if (days[d])
				day_add_window(c, d, a, b);
		p = q < end ? q + 1 : q;
		while (p < end && isspace((unsigned char)*p))
			p++;
	}
	return 0;
}

int
cal_add_hours(struct cal *c, const char *spec, struct buf *why)
{
	const char *p = spec;

	for (;;) {
		size_t n = strcspn(p, ";");

		while (n > 0 && isspace((unsigned char)*p)) {
			p++;
			n--;
		}
		if (n > 0 && clause_parse(c, p, n, why) != 0)
			return -1;
		if (p[n] == '\0')
			break;
		p += n + 1;
	}
	if (!cal_has_hours(c)) {
		buf_printf(why, "no opening hours in '%s'", spec);
		return -1;
	}
	return 0;
}

/* ---- holidays ------------------------------------------------------------ */

void
cal_add_holidays(struct cal *c, int64_t first, int64_t last)
{
	size_t i, n;

	c->hol = xrealloc(c->hol, (c->nhol + 1) * sizeof *c->hol);
	for (i = c->nhol; i > 0 && c->hol[i - 1].first > first; i--)
		c->hol[i] = c->hol[i - 1];
	c->hol[i].first = first;
	c->hol[i].last = last;
	c->nhol++;
	for (i = 1, n = 1; i < c->nhol; i++) {	/* merge what overlaps */
		if (c->hol[i].first <= c->hol[n - 1].last + 1) {
			if (c->hol[i].last > c->hol[n - 1].last)
				c->hol[n - 1].last = c->hol[i].last;
		} else
			c->hol[n++] = c->hol[i];
	}
	c->nhol = n;
}

static int
is_holiday(const struct cal *c, int64_t day)
{
	size_t lo = 0, hi = c->nhol;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->hol[mid].last < day)
			lo = mid + 1;
		else if (c->hol[mid].first > day)
			hi = mid;
		else
			return 1;
	}
	return 0;
}

/* YYYY-MM-DD → day number; the end of the text in *end. */
static int
date_parse(const char *s, const char **end, int64_t *day)
{
	int y, m, d, n = 0;
	int64_t dn, y2;
	int m2, d2;

	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	dn = ts_days_from_civil(y, m, d);
	ts_civil_from_days(dn, &y2, &m2, &d2);
	if (m2 != m || d2 != d)		/* 2026-02-30 */
		return -1;
	*day = dn;
	*end = s + 10;
	return 0;
}

int
cal_load_holidays(struct cal *c, const char *path, struct buf *why)
{
	FILE *f = fopen(path, "r");
	char line[1024];
	long lineno = 0;

	if (f == NULL) {
		buf_printf(why, "%s: %s", path, strerror(errno));
		return -1;
	}
	for (;;) {
		const char *p = line, *q;
		int64_t first, last;
		int ch;

		line[sizeof line - 1] = 'x';	/* fgets filled it: '\0' */
		if (fgets(line, sizeof line, f) == NULL)
			break;
		lineno++;
		/* Past the buffer a line is only its description or a
		 * comment: skip the rest rather than read it as a line. */
		if (line[sizeof line - 1] == '\0' &&
		    line[sizeof line - 2] != '\n')
			while ((ch = getc(f)) != EOF && ch != '\n')
				;
		while (isspace((unsigned char)*p))
			p++;
		if (*p == '\0' || *p == '#')
			continue;
		if (date_parse(p, &q, &first) != 0)
			goto bad;
		last = first;
		if (q[0] == '.' && q[1] == '.' &&
		    (date_parse(q + 2, &q, &last) != 0 || last < first))
			goto bad;
		if (*q != '\0' && !isspace((unsigned char)*q) && *q != '#')
			goto bad;
		cal_add_holidays(c, first, last);
		continue;
bad:
		line[strcspn(line, "\r\n")] = '\0';
		buf_printf(why, "%s:%ld: bad holiday '%s' (want YYYY-MM-DD or "
		    "YYYY-MM-DD..YYYY-MM-DD)", path, lineno, line);
		fclose(f);
		return -1;
	}
	if (ferror(f)) {
		buf_printf(why, "%s: %s", path, strerror(errno));
		fclose(f);
		return -1;
	}
	fclose(f);
	return 0;
}

struct cal *
cal_from_options(struct tz_db *db, const char *hours, const char *team_tz,
    const char *holidays, struct buf *why)
{
	const struct tz_zone *z;
	struct buf reason = BUF_INIT;
	struct cal *c;

	if (hours == NULL) {
		buf_printf(why, "no --hours for the team calendar");
		return NULL;
	}
	if (team_tz == NULL) {
		buf_printf(why, "--hours needs --team-tz ZONE");
		return NULL;
	}
	if ((z = tzdb_zone(db, team_tz)) == NULL) {
		buf_printf(why, "unknown time zone '%s' for --team-tz", team_tz);
		return NULL;
	}
	c = cal_new(z);
	if (cal_add_hours(c, hours, &reason) != 0) {
		buf_printf(why, "--hours %s: %s", hours, buf_str(&reason));
		buf_free(&reason);
		cal_free(c);
		return NULL;
	}
	if (holidays != NULL && cal_load_holidays(c, holidays, why) != 0) {
		cal_free(c);
		return NULL;
	}
	return c;
}

/* ---- open intervals ------------------------------------------------------ */

static int64_t
local_day(const struct cal *c, cs_time t)
{
	int64_t s = ts_floor_div(t, 1000);

	return ts_floor_div(s + tz_offset_at(c->zone, s, NULL, NULL), 86400);
}

void
cal_iter_start(struct cal_iter *it, const struct cal *c, cs_time t)
{
	memset(it, 0, sizeof *it);
	it->cal = c;
	/* Two days back: a window of yesterday may still be open, and an
	 * offset of up to a day separates the local day from the UTC one. */
	it->day = local_day(c, t) - 2;
	it->limit = cal_has_hours(c) ? it->day + 2 + CAL_HORIZON_DAYS :
	    it->day - 1;
	it->after = t;
}

/* The next window as instants, unmerged; 0 past the horizon. */
static int
iter_raw(struct cal_iter *it, cs_time *open, cs_time *close)
{
	const struct cal *c = it->cal;

	while (it->day <= it->limit) {
		int wd = ts_weekday(it->day);
		const struct cal_window *w;
		int64_t base = it->day * 86400;

		if (it->win >= c->nwin[wd] || is_holiday(c, it->day)) {
			it->day++;
			it->win = 0;
			continue;
		}
		w = &c->win[wd][it->win++];
		*open = tz_local_boundary(c->zone, base + w->start) * 1000;
		*close = tz_local_boundary(c->zone, base + w->end) * 1000;
		if (*close > *open) {	/* else skipped whole by a jump */
			it->limit = it->day + CAL_HORIZON_DAYS;
			return 1;
		}
	}
	return 0;
}

int
cal_iter_next(struct cal_iter *it, cs_time *open, cs_time *close)
{
	cs_time o, c;

	for (;;) {
		if (!iter_raw(it, &o, &c)) {
			if (!it->have_pend)
				return 0;
			it->have_pend = 0;
			if (it->pend_close <= it->after)
				return 0;
			*open = it->pend_open;
			*close = it->pend_close;
			return 1;
		}
		if (it->have_pend && o <= it->pend_close) {
			if (c <= it->pend_close)
				continue;
			/* Round the clock, merging would walk to the horizon:
			 * hand out a week at a time, as touching pieces. */
			if (it->pend_close - it->pend_open >= CAL_PIECE_MS) {
				cs_time cut = it->pend_close;

				*open = it->pend_open;
				*close = cut;
				it->pend_open = cut;
				it->pend_close = c;
				if (cut > it->after)
					return 1;
				continue;
			}
			it->pend_close = c;
			continue;
		}
		if (it->have_pend && it->pend_close > it->after) {
			*open = it->pend_open;
			*close = it->pend_close;
			it->pend_open = o;
			it->pend_close = c;
			return 1;
		}
		it->pend_open = o;
		it->pend_close = c;
		it->have_pend = 1;
	}
}

int
cal_is_open(const struct cal *c, cs_time t)
{
	struct cal_iter it;
	cs_time o, e;

	cal_iter_start(&it, c, t);
	return cal_iter_next(&it, &o, &e) && o <= t;
}

cs_time
cal_next_open(const struct cal *c, cs_time t)
{
	struct cal_iter it;
	cs_time o, e;

	cal_iter_start(&it, c, t);
	if (!cal_iter_next(&it, &o, &e) || o > CS_TIME_LAST)
		return CS_TIME_NONE;
	return o > t ? o : t;
}

cs_time
cal_next_close(const struct cal *c, cs_time t)
{
	struct cal_iter it;
	cs_time o, e, end;

	cal_iter_start(&it, c, t);
	if (!cal_iter_next(&it, &o, &e) || o > t)
		return t;
	while (cal_iter_next(&it, &o, &end) && o == e) {	/* a piece */
		e = end;
		if (e - t > (cs_time)CAL_HORIZON_DAYS * 86400000)
			return CS_TIME_NONE;
	}
	return e > CS_TIME_LAST ? CS_TIME_NONE : e;
}

/*
 * Long spans (a year-old message answered today, or a hostile time in year
 * 0000) would cost a walk over every day.  But while the team's UTC offset
 * stays the same and no holiday is near, the open intervals repeat exactly
 * every week, so such a stretch counts as whole weeks times the open time
 * of its first week.  The margin keeps off every window that a change or a
 * holiday could touch: windows run at most 48 h from the start of their
 * day, and a local day lies within 26 h of UTC.
 */
#define CAL_WEEK_MS	((cs_time)7 * 86400 * 1000)
#define CAL_MARGIN_MS	((cs_time)4 * 86400 * 1000)
#define CAL_FAR_MS	(INT64_MAX / 4)

/* Where the weekly repetition from t may end (t or before: none). */
static cs_time
periodic_until(const struct cal *c, cs_time t)
{
	int64_t chg = tz_next_change(c->zone, ts_floor_div(t - CAL_MARGIN_MS,
	    1000));
	int64_t day = ts_floor_div(t - CAL_MARGIN_MS, 86400 * 1000);
	cs_time until = chg >= CAL_FAR_MS / 1000 ? CAL_FAR_MS :
	    chg * 1000 - CAL_MARGIN_MS;
	size_t lo = 0, hi = c->nhol;

	while (lo < hi) {		/* the first holiday not long past */
		size_t mid = lo + (hi - lo) / 2;

		if (c->hol[mid].last < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < c->nhol && c->hol[lo].first < CAL_FAR_MS / 86400000 &&
	    c->hol[lo].first * 86400000 - CAL_MARGIN_MS < until)
		until = c->hol[lo].first * 86400000 - CAL_MARGIN_MS;
	return until;
}

/* Open time in [from, to) in ms, interval by interval. */
static cs_time
business_ms(const struct cal *c, cs_time from, cs_time to)
{
	struct cal_iter it;
	cs_time o, e, sum = 0, recheck = from;

	cal_iter_start(&it, c, from);
	while (cal_iter_next(&it, &o, &e) && o < to) {
		if (o < from)
			o = from;
		if (o >= recheck && to - o > 3 * CAL_WEEK_MS) {
			cs_time until = periodic_until(c, o);
			cs_time end = until < to ? until : to;
			int64_t weeks = end > o ? (end - o) / CAL_WEEK_MS : 0;

			if (weeks >= 2) {
				sum += weeks * business_ms(c, o,
				    o + CAL_WEEK_MS);
				from = o + weeks * CAL_WEEK_MS;
				cal_iter_start(&it, c, from);
				continue;
			}
			recheck = o + CAL_WEEK_MS;
		}
		if (e > to)
			e = to;
		sum += e - o;
	}
	return sum;
}

double
cal_business_seconds(const struct cal *c, cs_time from, cs_time to)
{
	if (to <= from)
		return 0;
	return business_ms(c, from, to) / 1000.0;
}

cs_time
cal_add_business(const struct cal *c, cs_time from, double seconds)
{
	struct cal_iter it;
	cs_time o, e, left;

	if (!(seconds < 1e15))		/* also NaN: no sensible deadline */
		return CS_TIME_NONE;
	left = seconds > 0 ? (cs_time)llround(seconds * 1000) : 0;
	cal_iter_start(&it, c, from);
	while (cal_iter_next(&it, &o, &e)) {
		if (o < from)
			o = from;
		/* A second open a week and --sla 30m would be decades of
		 * walking for each message: no deadline that far. */
		if (o - from > (cs_time)CAL_HORIZON_DAYS * 86400 * 1000)
			return CS_TIME_NONE;
		if (left <= e - o)
			return o + left > CS_TIME_LAST ? CS_TIME_NONE : o + left;
		left -= e - o;
	}
	return CS_TIME_NONE;
}
