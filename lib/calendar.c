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
#include "civil.h"
#include "tz.h"

struct cal_window {
	int32_t	 start, end;	/* seconds from local midnight, end > start */
};

/* The longest interval the iterator hands out in one piece. */
#define CAL_PIECE_MS	((cs_time)7 * 86400 * 1000)

struct cal_holiday {
	int64_t	 first, last;	/* local day numbers, inclusive */
};

/* A holiday as its line names it ("National Day (Golden Week)"). */
struct cal_named {
	int64_t	 first, last;
	char	*name;
};

/* A span of open local time in the reference week, in ms from Monday. */
struct cal_span {
	cs_time	 start, end;
	cs_time	 before;	/* open ms of the week before start */
};

struct cal {
	const struct tz_zone	*zone;
	struct cal_window	*win[7];	/* 0 = Monday */
	int			 nwin[7];
	struct cal_holiday	*hol;		/* sorted, disjoint */
	size_t			 nhol;
	struct cal_named	*named;		/* as the file gave them */
	size_t			 nnamed;
	struct cal_span		*week;	/* open time of a week */
	size_t			 nweek;
	cs_time			 week_ms;	/* sum of week */
	/* Filled on the first query over years, emptied when the calendar
	 * changes: behind a pointer, so queries on a const calendar can fill
	 * it. */
	struct cal_memo		*memo;
};

/* Open ms from the first grid instant to each one, a year apart (n 0:
 * not made yet). */
struct cal_memo {
	cs_time		*sum;
	size_t		 n;
};

static void	week_build(struct cal *);
static void	memo_clear(const struct cal *);

struct cal *
cal_new(const struct tz_zone *zone)
{
	struct cal *c = xcalloc(1, sizeof *c);

	c->zone = zone;
	c->memo = xcalloc(1, sizeof *c->memo);
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
	for (size_t i = 0; i < c->nnamed; i++)
		free(c->named[i].name);
	free(c->named);
	free(c->week);
	memo_clear(c);
	free(c->memo);
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

/*
 * One window of a clause, HH:MM-HH:MM, in [p, end); *next is past it and
 * its comma.  An end at or before the start runs into the next day, so
 * 22:00-06:00 is a night shift and 22:00-22:00 a shift of 24 hours (a
 * window of no length would mean nothing).  The reason names the part that
 * is wrong and how to write it.
 */
static int
window_parse(const char *p, const char *end, const char **next, int32_t *a,
    int32_t *b, struct buf *why)
{
	size_t n = strcspn(p, ",;");
	int len = (int)(n < (size_t)(end - p) ? n : (size_t)(end - p));
	const char *q = p;

	if (clock_parse(p, &q, a) != 0) {
		buf_printf(why, "bad start time in window '%.*s' (want HH:MM, "
		    "00:00 to 23:59, e.g. 09:00-18:00)", len, p);
		return -1;
	}
	if (*a == 86400) {
		buf_printf(why, "window '%.*s' starts at 24:00 (write 00:00 "
		    "on the next day; 24:00 is only an end)", len, p);
		return -1;
	}
	if (q >= end || *q != '-') {
		buf_printf(why, "no end time in window '%.*s' (want "
		    "HH:MM-HH:MM, e.g. 09:00-18:00)", len, p);
		return -1;
	}
	if (clock_parse(q + 1, &q, b) != 0 || q > end) {
		buf_printf(why, "bad end time in window '%.*s' (want HH:MM, "
		    "up to 24:00)", len, p);
		return -1;
	}
	if (q < end && *q != ',') {
		size_t r = strcspn(q, ",;");

		if (r > (size_t)(end - q))
			r = (size_t)(end - q);
		buf_printf(why, "unexpected '%.*s' after window '%.*s' "
		    "(windows are separated by ',', clauses by ';')", (int)r,
		    q, (int)(q - p), p);
		return -1;
	}
	if (q < end && q + 1 == end) {
		buf_printf(why, "a ',' after window '%.*s' with no window "
		    "after it", (int)(q - p), p);
		return -1;
	}
	if (*b <= *a)			/* over midnight, or 24 hours */
		*b += 86400;
	*next = q < end ? q + 1 : q;
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
		int32_t a, b;

		if (window_parse(p, end, &p, &a, &b, why) != 0)
			return -1;
		for (d = 0; d < 7; d++)
			if (days[d])
				day_add_window(c, d, a, b);
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
		if (n > 0 && clause_parse(c, p, n, why) != 0) {
			week_build(c);	/* the clauses before stay */
			return -1;
		}
		if (p[n] == '\0')
			break;
		p += n + 1;
	}
	week_build(c);
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
	memo_clear(c);
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

static int64_t local_day(const struct cal *, cs_time);

/* The text after a holiday's dates, up to a comment, as its name. */
static void
add_name(struct cal *c, int64_t first, int64_t last, const char *text)
{
	size_t n;

	while (isspace((unsigned char)*text))
		text++;
	n = strcspn(text, "#\r\n");
	while (n > 0 && isspace((unsigned char)text[n - 1]))
		n--;
	if (n == 0)
		return;
	c->named = xrealloc(c->named, (c->nnamed + 1) * sizeof *c->named);
	c->named[c->nnamed].first = first;
	c->named[c->nnamed].last = last;
	c->named[c->nnamed].name = xstrndup(text, n);
	c->nnamed++;
}

const char *
cal_holiday_name(const struct cal *c, cs_time from, cs_time to)
{
	int64_t first, last;

	if (c->nnamed == 0 || from == CS_TIME_NONE || to == CS_TIME_NONE)
		return NULL;
	first = local_day(c, from);
	last = local_day(c, to);
	for (size_t i = 0; i < c->nnamed; i++)
		if (c->named[i].first <= last && c->named[i].last >= first)
			return c->named[i].name;
	return NULL;
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
	dn = civil_days_from(y, m, d);
	civil_from_days(dn, &y2, &m2, &d2);
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
		add_name(c, first, last, q);
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
	int64_t s = civil_floor_div(t, 1000);

	return civil_floor_div(s + tz_offset_at(c->zone, s, NULL, NULL), 86400);
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
		int wd = civil_weekday(it->day);
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

int
cal_is_open_at(const struct cal *c, struct cal_stretch *st, cs_time t,
    cs_time *next_open)
{
	struct cal_iter it;
	cs_time o, e;

	if (st->cal != c || t < st->from || t >= st->to) {
		cal_iter_start(&it, c, t);
		if (!cal_iter_next(&it, &o, &e) || o > CS_TIME_LAST) {
			st->cal = NULL;	/* closed past the horizon */
			*next_open = CS_TIME_NONE;
			return 0;
		}
		/* [o, e) is open; before o, from t on, nothing is. */
		*st = o <= t ? (struct cal_stretch){ c, o, e, 1 } :
		    (struct cal_stretch){ c, t, o, 0 };
	}
	*next_open = st->open ? t : st->to;
	return st->open;
}

/*
 * Business time without walking the days.  The windows of the calendar,
 * read as wall-clock time, make a set U of local instants: weekly
 * repeating, except that a holiday takes out the windows of its days.
 * An instant t is open exactly when M(t), the highest time the team's wall
 * clock has shown up to t, lies in U: a window [s, e) opens at the first
 * instant the clock shows s or later (M reaches s) and closes at the first
 * instant it shows e or later (M reaches e).  M runs at the wall clock's
 * pace, except for the hour after clocks go back, when the clock repeats
 * times it showed already and M stands still at the last instant before
 * the change — open throughout when that instant is in U, else closed.
 * So open time is the zone's periods one by one (a few look-ups per DST
 * change), and in each the measure of U over a range of wall time: whole
 * weeks times the open time of a week, plus a table of one week, plus the
 * days next to each holiday (cal_is_open and the iterator give the same
 * answer instant by instant; tests/unit/test_calendar.c checks it against a
 * walk over the days).
 */
#define CAL_DAY_MS	((cs_time)86400 * 1000)
#define CAL_WEEK_MS	(7 * CAL_DAY_MS)
#define CAL_MONDAY_MS	(4 * CAL_DAY_MS)	/* 1970-01-05, a Monday */
/* Times outside years 0000-9999 by more than this count as the bound:
 * keeps the arithmetic far from overflow and the walk over DST changes
 * bounded whatever a caller passes. */
#define CAL_SLACK_MS	(8 * CAL_DAY_MS)

/* The weekly set U of one week from Monday 00:00 (local ms), merged. */
static void
week_build(struct cal *c)
{
	struct cal_span *u = NULL;
	size_t n = 0, cap = 0;
	cs_time sum = 0;
	int k, i;

	/* Two weeks of windows, so the second holds what the first week's
	 * late windows carry over its end; keep the second.  Starts come in
	 * order (days in order, a day's windows sorted), so merging as they
	 * come is enough. */
	for (k = 0; k < 14; k++)
		for (i = 0; i < c->nwin[k % 7]; i++) {
			cs_time o = k * CAL_DAY_MS +
			    (cs_time)c->win[k % 7][i].start * 1000;
			cs_time e = k * CAL_DAY_MS +
			    (cs_time)c->win[k % 7][i].end * 1000;

			if (o < CAL_WEEK_MS)
				o = CAL_WEEK_MS;
			if (e > 2 * CAL_WEEK_MS)
				e = 2 * CAL_WEEK_MS;
			if (e <= o)
				continue;
			o -= CAL_WEEK_MS;
			e -= CAL_WEEK_MS;
			if (n > 0 && o <= u[n - 1].end) {
				if (e > u[n - 1].end)
					u[n - 1].end = e;
				continue;
			}
			if (n == cap) {
				cap = cap ? 2 * cap : 16;
				u = xrealloc(u, cap * sizeof *u);
			}
			u[n].start = o;
			u[n].end = e;
			n++;
		}
	free(c->week);
	c->week = u;
	c->nweek = n;
	for (i = 0; (size_t)i < n; i++) {
		u[i].before = sum;
		sum += u[i].end - u[i].start;
	}
	c->week_ms = sum;
	memo_clear(c);
}

/* Measure of the weekly U (no holidays) over local ms [-inf, x), up to a
 * constant: whole weeks, then the week table. */
static cs_time
week_prefix(const struct cal *c, cs_time x)
{
	int64_t weeks = civil_floor_div(x - CAL_MONDAY_MS, CAL_WEEK_MS);
	cs_time r = x - CAL_MONDAY_MS - weeks * CAL_WEEK_MS;
	size_t lo = 0, hi = c->nweek;

	while (lo < hi) {		/* the first span ending after r */
		size_t mid = lo + (hi - lo) / 2;

		if (c->week[mid].end <= r)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == c->nweek)
		return weeks * c->week_ms + c->week_ms;
	return weeks * c->week_ms + c->week[lo].before +
	    (r > c->week[lo].start ? r - c->week[lo].start : 0);
}

/* Measure of one day's own windows over local ms [x, y). */
static cs_time
day_open(const struct cal *c, int64_t day, cs_time x, cs_time y)
{
	int wd = civil_weekday(day), i;
	cs_time sum = 0;

	for (i = 0; i < c->nwin[wd]; i++) {
		cs_time o = day * CAL_DAY_MS + (cs_time)c->win[wd][i].start *
		    1000;
		cs_time e = day * CAL_DAY_MS + (cs_time)c->win[wd][i].end *
		    1000;

		if (o < x)
			o = x;
		if (e > y)
			e = y;
		if (e > o)
			sum += e - o;
	}
	return sum;
}

/*
 * Measure of U over local ms [x, y).  A holiday range first..last changes U
 * only over [first, last + 2) (a window runs at most 48 h from the start of
 * its day); in there, only the day before it and the day after it have
 * windows.  Ranges are merged with a day between them, so these stretches
 * never overlap.
 */
static cs_time
wall_open_ms(const struct cal *c, cs_time x, cs_time y)
{
	size_t lo = 0, hi = c->nhol;
	cs_time sum = 0;

	while (lo < hi) {		/* the first holiday still ahead */
		size_t mid = lo + (hi - lo) / 2;

		if ((c->hol[mid].last + 2) * CAL_DAY_MS <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; x < y; lo++) {
		cs_time rs, re;

		if (lo == c->nhol ||
		    (rs = c->hol[lo].first * CAL_DAY_MS) >= y) {
			sum += week_prefix(c, y) - week_prefix(c, x);
			break;
		}
		if (x < rs) {
			sum += week_prefix(c, rs) - week_prefix(c, x);
			x = rs;
		}
		re = (c->hol[lo].last + 2) * CAL_DAY_MS;
		if (re > y)
			re = y;
		sum += day_open(c, c->hol[lo].first - 1, x, re) +
		    day_open(c, c->hol[lo].last + 1, x, re);
		x = re;
	}
	return sum;
}

/* Open time in [from, to) in ms: the zone's periods one by one. */
static cs_time
span_ms(const struct cal *c, cs_time from, cs_time to)
{
	cs_time t, sum = 0, seen = INT64_MIN;	/* sup of the wall clock */

	if (from < CS_TIME_FIRST - CAL_SLACK_MS)
		from = CS_TIME_FIRST - CAL_SLACK_MS;
	if (to > CS_TIME_LAST + CAL_SLACK_MS)
		to = CS_TIME_LAST + CAL_SLACK_MS;
	if (to <= from || c->nweek == 0)
		return 0;
	/* Start 3 days early: the hour repeated after a change just before
	 * `from` must be known (no zone went back by more than a day). */
	for (t = from - 3 * CAL_DAY_MS; t < to;) {
		int64_t s = civil_floor_div(t, 1000);
		cs_time off = (cs_time)tz_offset_at(c->zone, s, NULL, NULL) *
		    1000;
		int64_t chg = tz_next_change(c->zone, s);
		cs_time end = chg > civil_floor_div(to, 1000) ? to : chg * 1000;
		cs_time a = t > from ? t : from;

		if (a < end && seen != INT64_MIN && a + off < seen) {
			/* The clock repeats: M stands at seen - 1 ms. */
			cs_time f = seen - off < end ? seen - off : end;

			if (wall_open_ms(c, seen - 1, seen) > 0)
				sum += f - a;
			a = f;
		}
		if (a < end)
			sum += wall_open_ms(c, a + off, end + off);
		if (seen == INT64_MIN || end + off > seen)
			seen = end + off;
		t = end;
	}
	return sum;
}

/*
 * A query over decades still looks at every DST change on the way (10 ms
 * for year 0000 to 9999 in Berlin); a file of such conversations asks again
 * and again.  So the first query spanning more than two years sums the open
 * time of each year of 0000-9999 once (that same 10 ms, 80 KB), and every
 * later one adds the years between from its table and walks only the
 * first and the last.  Open time is a measure, so the pieces add up to
 * exactly the same milliseconds.
 */
#define CAL_MEMO_STEP	(366 * CAL_DAY_MS)
#define CAL_MEMO_FIRST	(CS_TIME_FIRST - CAL_SLACK_MS)

static void
memo_clear(const struct cal *c)
{
	free(c->memo->sum);
	c->memo->sum = NULL;
	c->memo->n = 0;
}

static cs_time
business_ms(const struct cal *c, cs_time from, cs_time to)
{
	struct cal_memo *m = c->memo;
	int64_t i, j;

	if (from < CAL_MEMO_FIRST)
		from = CAL_MEMO_FIRST;
	if (to > CS_TIME_LAST + CAL_SLACK_MS)
		to = CS_TIME_LAST + CAL_SLACK_MS;
	if (to - from <= 2 * CAL_MEMO_STEP || c->nweek == 0)
		return span_ms(c, from, to);
	if (m->n == 0) {
		size_t k, n = (size_t)((CS_TIME_LAST + CAL_SLACK_MS -
		    CAL_MEMO_FIRST) / CAL_MEMO_STEP) + 1;

		m->sum = xcalloc(n, sizeof *m->sum);
		for (k = 1; k < n; k++)
			m->sum[k] = m->sum[k - 1] + span_ms(c,
			    CAL_MEMO_FIRST + (cs_time)(k - 1) * CAL_MEMO_STEP,
			    CAL_MEMO_FIRST + (cs_time)k * CAL_MEMO_STEP);
		m->n = n;
	}
	i = (from - CAL_MEMO_FIRST + CAL_MEMO_STEP - 1) / CAL_MEMO_STEP;
	j = (to - CAL_MEMO_FIRST) / CAL_MEMO_STEP;
	if ((size_t)j >= m->n)
		j = (int64_t)m->n - 1;
	return span_ms(c, from, CAL_MEMO_FIRST + i * CAL_MEMO_STEP) +
	    m->sum[j] - m->sum[i] +
	    span_ms(c, CAL_MEMO_FIRST + j * CAL_MEMO_STEP, to);
}

double
cal_business_seconds(const struct cal *c, cs_time from, cs_time to)
{
	if (to <= from)
		return 0;
	return business_ms(c, from, to) / 1000.0;
}

/*
 * The searches below walk the intervals, which is quick when the answer is
 * near.  When it is far (a calendar open round the clock, a target of
 * years of open time, a calendar open a second a week), business time over
 * the whole horizon, counted at once, often settles it without the walk:
 * the walk of up to 1464 days cost 0.04-0.2 ms a call.
 */
#define CAL_HORIZON_MS	((cs_time)CAL_HORIZON_DAYS * CAL_DAY_MS)
#define CAL_SHORTCUT_AFTER	16	/* intervals walked before trying */

/* Is the calendar open at every instant of [t, t + horizon]? */
static int
open_past_horizon(const struct cal *c, cs_time t)
{
	return t >= CS_TIME_FIRST && t <= CS_TIME_LAST &&
	    business_ms(c, t, t + CAL_HORIZON_MS + 1) == CAL_HORIZON_MS + 1;
}

/*
 * Is a deadline of `want` ms of open time from `from` certainly further
 * than the walk would go?  It is when the horizon holds less open time and
 * its last instant is closed: the interval the deadline falls in then
 * opens after the horizon.
 */
static int
deadline_past_horizon(const struct cal *c, cs_time from, cs_time want)
{
	return from >= CS_TIME_FIRST && from <= CS_TIME_LAST &&
	    !cal_is_open(c, from + CAL_HORIZON_MS) &&
	    business_ms(c, from, from + CAL_HORIZON_MS + 1) < want;
}

cs_time
cal_next_close(const struct cal *c, cs_time t)
{
	struct cal_iter it;
	cs_time o, e, end;
	int n = 0;

	cal_iter_start(&it, c, t);
	if (!cal_iter_next(&it, &o, &e) || o > t)
		return t;
	while (cal_iter_next(&it, &o, &end) && o == e) {	/* a piece */
		e = end;
		if (e - t > CAL_HORIZON_MS)
			return CS_TIME_NONE;
		if (++n == CAL_SHORTCUT_AFTER && open_past_horizon(c, t))
			return CS_TIME_NONE;
	}
	return e > CS_TIME_LAST ? CS_TIME_NONE : e;
}

cs_time
cal_add_business(const struct cal *c, cs_time from, double seconds)
{
	struct cal_iter it;
	cs_time o, e, left, want;
	int n = 0;

	if (!(seconds < 1e15))		/* also NaN: no sensible deadline */
		return CS_TIME_NONE;
	want = left = seconds > 0 ? (cs_time)llround(seconds * 1000) : 0;
	cal_iter_start(&it, c, from);
	while (cal_iter_next(&it, &o, &e)) {
		if (o < from)
			o = from;
		/* A second open a week and --sla 30m would be decades of
		 * walking for each message: no deadline that far. */
		if (o - from > CAL_HORIZON_MS)
			return CS_TIME_NONE;
		if (left <= e - o)
			return o + left > CS_TIME_LAST ? CS_TIME_NONE : o + left;
		left -= e - o;
		if (++n == CAL_SHORTCUT_AFTER &&
		    deadline_past_horizon(c, from, want))
			return CS_TIME_NONE;
	}
	return CS_TIME_NONE;
}
