#include "unit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "calendar.h"
#include "civil.h"
#include "ts.h"
#include "tz.h"
#include "tzfix.h"


/* ms of a UTC civil time. */
static cs_time
at(int y, int mo, int d, int h, int mi)
{
	return (civil_days_from(y, mo, d) * 86400 + h * 3600 + mi * 60) *
	    1000;
}

/* ms of a Shanghai (+08, no DST since 1991) civil time. */
static cs_time
sh(int y, int mo, int d, int h, int mi)
{
	return at(y, mo, d, h, mi) - 8 * 3600 * 1000;
}

static struct cal *
make(const char *zone, const char *spec)
{
	struct buf why = BUF_INIT;
	struct cal *c = cal_from_options(db, spec, zone, NULL, &why);

	if (c == NULL)
		print_error("%s: %s\n", spec, buf_str(&why));
	assert_non_null(c);
	buf_free(&why);
	return c;
}

#define WEEK "Mon-Fri 09:00-12:00,13:30-18:00; Sat 10:00-14:00"

static void
test_weekend_and_lunch(void **state)
{
	struct cal *c = make("Asia/Shanghai", WEEK);

	(void)state;
	/* Sunday noon: closed until Monday 09:00. */
	assert_false(cal_is_open(c, sh(2026, 11, 22, 12, 0)));
	assert_int_equal(cal_next_open(c, sh(2026, 11, 22, 12, 0)),
	    sh(2026, 11, 23, 9, 0));
	assert_int_equal(cal_next_close(c, sh(2026, 11, 22, 12, 0)),
	    sh(2026, 11, 22, 12, 0));
	/* Saturday 11:00: open until 14:00. */
	assert_true(cal_is_open(c, sh(2026, 11, 21, 11, 0)));
	assert_int_equal(cal_next_open(c, sh(2026, 11, 21, 11, 0)),
	    sh(2026, 11, 21, 11, 0));
	assert_int_equal(cal_next_close(c, sh(2026, 11, 21, 11, 0)),
	    sh(2026, 11, 21, 14, 0));
	/* Lunch break, and the edges: open at 09:00, closed at 12:00. */
	assert_false(cal_is_open(c, sh(2026, 11, 23, 12, 30)));
	assert_int_equal(cal_next_open(c, sh(2026, 11, 23, 12, 30)),
	    sh(2026, 11, 23, 13, 30));
	assert_true(cal_is_open(c, sh(2026, 11, 23, 9, 0)));
	assert_false(cal_is_open(c, sh(2026, 11, 23, 9, 0) - 1));
	assert_false(cal_is_open(c, sh(2026, 11, 23, 12, 0)));
	assert_true(cal_is_open(c, sh(2026, 11, 23, 12, 0) - 1));
	/* Fri 17:00 → Mon 10:00: 1h Friday, 4h Saturday, 1h Monday. */
	assert_true(cal_business_seconds(c, sh(2026, 11, 20, 17, 0),
	    sh(2026, 11, 23, 10, 0)) == 6 * 3600);
	/* Two open hours from Fri 17:00: one Friday, one Saturday. */
	assert_int_equal(cal_add_business(c, sh(2026, 11, 20, 17, 0), 7200),
	    sh(2026, 11, 21, 11, 0));
	/* Exactly the rest of Friday ends at the close. */
	assert_int_equal(cal_add_business(c, sh(2026, 11, 20, 17, 0), 3600),
	    sh(2026, 11, 20, 18, 0));
	/* Nothing to add: itself when open, the next opening when closed. */
	assert_int_equal(cal_add_business(c, sh(2026, 11, 23, 10, 0), 0),
	    sh(2026, 11, 23, 10, 0));
	assert_int_equal(cal_add_business(c, sh(2026, 11, 22, 10, 0), 0),
	    sh(2026, 11, 23, 9, 0));
	/* Milliseconds are kept. */
	assert_true(cal_business_seconds(c, sh(2026, 11, 23, 9, 0) + 500,
	    sh(2026, 11, 23, 9, 0) + 1750) == 1.25);
	assert_true(cal_business_seconds(c, sh(2026, 11, 23, 11, 0),
	    sh(2026, 11, 23, 10, 0)) == 0);
	cal_free(c);
}

static void
test_holidays(void **state)
{
	char path[] = "/tmp/cskit-hol-XXXXXX";
	struct buf why = BUF_INIT;
	struct cal *c;
	FILE *f;
	int fd;

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	f = fdopen(fd, "w");
	fputs("# team holidays\n\n2026-11-23   Monday off\n"
	    "  2026-10-01..2026-10-07 # national day week\n"
	    "2026-12-25\n", f);
	fclose(f);
	c = cal_from_options(db, WEEK, "Asia/Shanghai", path, &why);
	assert_non_null(c);
	/* Sunday → Tuesday, Monday being a holiday. */
	assert_int_equal(cal_next_open(c, sh(2026, 11, 22, 12, 0)),
	    sh(2026, 11, 24, 9, 0));
	assert_false(cal_is_open(c, sh(2026, 11, 23, 10, 0)));
	/* The range: Wed 30 Sep open, 1-7 Oct closed (Sat 3rd too), Thu 8th
	 * opens again. */
	assert_true(cal_is_open(c, sh(2026, 9, 30, 10, 0)));
	assert_false(cal_is_open(c, sh(2026, 10, 3, 11, 0)));
	assert_int_equal(cal_next_open(c, sh(2026, 9, 30, 18, 0)),
	    sh(2026, 10, 8, 9, 0));
	assert_true(cal_business_seconds(c, sh(2026, 9, 30, 17, 0),
	    sh(2026, 10, 8, 10, 0)) == 2 * 3600);
	cal_free(c);

	/* A bad line names the file and line. */
	f = fopen(path, "w");
	fputs("2026-01-01\n# ok\n2026-02-30\n", f);
	fclose(f);
	buf_reset(&why);
	assert_null(cal_from_options(db, WEEK, "Asia/Shanghai", path, &why));
	assert_non_null(strstr(buf_str(&why), ":3: bad holiday '2026-02-30'"));
	f = fopen(path, "w");
	fputs("2026-10-07..2026-10-01\n", f);
	fclose(f);
	buf_reset(&why);
	assert_null(cal_from_options(db, WEEK, "Asia/Shanghai", path, &why));
	unlink(path);
	buf_reset(&why);
	assert_null(cal_from_options(db, WEEK, "Asia/Shanghai", path, &why));
	assert_non_null(strstr(buf_str(&why), "No such file"));
	buf_free(&why);
}

/* Berlin springs forward on 2026-03-29 at 02:00 CET → 03:00 CEST (01:00Z). */
static void
test_dst_gap(void **state)
{
	struct cal *c = make("Europe/Berlin", "daily 01:00-05:00");
	struct cal *g = make("Europe/Berlin", "Sun 02:30-05:00");

	(void)state;
	/* 01:00 CET = 00:00Z to 05:00 CEST = 03:00Z: three real hours. */
	assert_true(cal_business_seconds(c, at(2026, 3, 28, 12, 0),
	    at(2026, 3, 29, 12, 0)) == 3 * 3600);
	assert_int_equal(cal_next_open(c, at(2026, 3, 28, 12, 0)),
	    at(2026, 3, 29, 0, 0));
	assert_int_equal(cal_next_close(c, at(2026, 3, 29, 0, 30)),
	    at(2026, 3, 29, 3, 0));
	/* A window starting in the skipped hour opens at the jump. */
	assert_false(cal_is_open(g, at(2026, 3, 29, 1, 0) - 1));
	assert_true(cal_is_open(g, at(2026, 3, 29, 1, 0)));
	assert_int_equal(cal_next_open(g, at(2026, 3, 28, 0, 0)),
	    at(2026, 3, 29, 1, 0));
	assert_true(cal_business_seconds(g, at(2026, 3, 28, 0, 0),
	    at(2026, 3, 30, 0, 0)) == 2 * 3600);
	/* The next Sunday is an ordinary CEST one. */
	assert_int_equal(cal_next_open(g, at(2026, 3, 29, 12, 0)),
	    at(2026, 4, 5, 0, 30));
	cal_free(c);
	cal_free(g);
}

/* Berlin falls back on 2026-10-25 at 03:00 CEST → 02:00 CET (01:00Z). */
static void
test_dst_overlap(void **state)
{
	struct cal *c = make("Europe/Berlin", "daily 00:00-06:00");
	struct cal *r = make("Europe/Berlin", "Sun 02:15-02:45");

	(void)state;
	/* 00:00 CEST = 22:00Z the day before, to 06:00 CET = 05:00Z. */
	assert_true(cal_business_seconds(c, at(2026, 10, 24, 12, 0),
	    at(2026, 10, 25, 12, 0)) == 7 * 3600);
	assert_int_equal(cal_next_open(c, at(2026, 10, 24, 12, 0)),
	    at(2026, 10, 24, 22, 0));
	/* SLA of 6 open hours from the opening ends at 04:00Z (05:00 CET). */
	assert_int_equal(cal_add_business(c, at(2026, 10, 24, 22, 0),
	    6 * 3600), at(2026, 10, 25, 4, 0));
	/* A window inside the repeated hour runs once, the first time. */
	assert_true(cal_is_open(r, at(2026, 10, 25, 0, 30)));
	assert_false(cal_is_open(r, at(2026, 10, 25, 1, 30)));
	assert_true(cal_business_seconds(r, at(2026, 10, 24, 0, 0),
	    at(2026, 10, 26, 0, 0)) == 1800);
	cal_free(c);
	cal_free(r);
}

/* São Paulo moved its clocks at midnight while it had DST (until 2019). */
static void
test_sao_paulo_midnight(void **state)
{
	struct cal *c = make("America/Sao_Paulo", "daily 00:00-08:00");
	struct cal *e = make("America/Sao_Paulo", "daily 22:00-24:00");

	(void)state;
	/* 2018-11-04: midnight never came; open from the jump (03:00Z) to
	 * 08:00 -02 (10:00Z). */
	assert_int_equal(cal_next_open(c, at(2018, 11, 3, 12, 0)),
	    at(2018, 11, 4, 3, 0));
	assert_true(cal_business_seconds(c, at(2018, 11, 3, 12, 0),
	    at(2018, 11, 4, 12, 0)) == 7 * 3600);
	/* 2019-02-16 22:00 -02 (00:00Z) until midnight, which came after
	 * 23:00-24:00 ran twice: 03:00Z. */
	assert_int_equal(cal_next_open(e, at(2019, 2, 16, 12, 0)),
	    at(2019, 2, 17, 0, 0));
	assert_int_equal(cal_next_close(e, at(2019, 2, 17, 0, 0)),
	    at(2019, 2, 17, 3, 0));
	cal_free(c);
	cal_free(e);
}

static void
test_over_midnight(void **state)
{
	struct cal *c = make("Asia/Shanghai", "Fri 22:00-06:00");
	struct cal *m = make("Asia/Shanghai",
	    "daily 22:00-06:00; daily 06:00-08:00");
	struct cal *d = make("Asia/Shanghai", "Mon 00:00-24:00; Tue 0:00-12:00");

	(void)state;
	assert_true(cal_is_open(c, sh(2026, 11, 21, 3, 0)));
	assert_int_equal(cal_next_close(c, sh(2026, 11, 21, 3, 0)),
	    sh(2026, 11, 21, 6, 0));
	assert_false(cal_is_open(c, sh(2026, 11, 21, 23, 0)));
	assert_int_equal(cal_next_open(c, sh(2026, 11, 21, 7, 0)),
	    sh(2026, 11, 27, 22, 0));
	/* A holiday on the Friday closes the shift; on the Saturday not. */
	cal_add_holidays(c, civil_days_from(2026, 11, 21),
	    civil_days_from(2026, 11, 21));
	assert_true(cal_is_open(c, sh(2026, 11, 21, 3, 0)));
	cal_add_holidays(c, civil_days_from(2026, 11, 20),
	    civil_days_from(2026, 11, 20));
	assert_false(cal_is_open(c, sh(2026, 11, 21, 3, 0)));
	/* Shifts that touch merge: 22:00 to 08:00 next morning. */
	assert_int_equal(cal_next_close(m, sh(2026, 11, 21, 3, 0)),
	    sh(2026, 11, 21, 8, 0));
	assert_int_equal(cal_next_open(m, sh(2026, 11, 21, 9, 0)),
	    sh(2026, 11, 21, 22, 0));
	/* 24:00 joins Monday to Tuesday. */
	assert_int_equal(cal_next_close(d, sh(2026, 11, 23, 12, 0)),
	    sh(2026, 11, 24, 12, 0));
	cal_free(c);
	cal_free(m);
	cal_free(d);
}

static void
test_long_span(void **state)
{
	struct cal *c = make("Asia/Shanghai", "Mon-Fri 09:00-18:00");
	struct cal *b = make("Europe/Berlin", "Mon-Fri 09:00-18:00");

	(void)state;
	/* 261 weekdays in 2026, nine hours each, in either zone. */
	assert_true(cal_business_seconds(c, sh(2026, 1, 1, 0, 0),
	    sh(2027, 1, 1, 0, 0)) == 261 * 9 * 3600.0);
	assert_true(cal_business_seconds(b, at(2025, 12, 31, 23, 0),
	    at(2026, 12, 31, 23, 0)) == 261 * 9 * 3600.0);
	/* 90 open days of nine hours later: 18 weeks. */
	assert_int_equal(cal_add_business(c, sh(2026, 1, 5, 9, 0),
	    90 * 9 * 3600.0), sh(2026, 5, 8, 18, 0));
	cal_free(c);
	cal_free(b);
}

/* Always open: answers come at once, not after a walk to the horizon. */
static void
test_round_the_clock(void **state)
{
	struct cal *c = make("Europe/Berlin", "daily 00:00-24:00");
	struct cal *m = make("Europe/Berlin", "daily 00:00-24:00; Sun 10:00-11:00");
	struct cal_iter it;
	cs_time o, e, t = at(2026, 3, 20, 12, 0);
	int i;

	(void)state;
	for (i = 0; i < 20000; i++)		/* would take minutes if slow */
		assert_true(cal_is_open(c, t + (cs_time)i * 3600 * 1000));
	assert_int_equal(cal_next_open(c, t), t);
	assert_true(cal_next_close(c, t) == CS_TIME_NONE);
	/* Thirty days of open time over the spring change: 30 real days. */
	assert_int_equal(cal_add_business(c, t, 30 * 86400.0),
	    t + (cs_time)30 * 86400 * 1000);
	assert_true(cal_business_seconds(c, t, t + (cs_time)400 * 86400 * 1000)
	    == 400 * 86400.0);
	assert_true(cal_business_seconds(m, t, t + (cs_time)3 * 86400 * 1000)
	    == 3 * 86400.0);
	/* The pieces touch and cover the time without a gap. */
	cal_iter_start(&it, c, t);
	assert_true(cal_iter_next(&it, &o, &e));
	assert_true(o <= t && e > t);
	for (i = 0; i < 10; i++) {
		cs_time o2, e2;

		assert_true(cal_iter_next(&it, &o2, &e2));
		assert_int_equal(o2, e);
		assert_true(e2 > o2);
		e = e2;
	}
	cal_free(c);
	cal_free(m);
}

/*
 * Random calendars in zones with DST against a plain reading of glibc's
 * local time (localtime_r, independent of lib/tz): an instant is open when
 * its wall-clock time falls in a window of that day, or in the part past
 * midnight of a window of the day before, and that day is no holiday.  The
 * two definitions differ only inside an hour the clocks repeat (cskit takes
 * its first occurrence), so instants there are left out.
 */
static uint64_t rnd_state = 88172645463325252u;

static unsigned
rnd(unsigned n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return (unsigned)(rnd_state % n);
}

struct rwin {
	int	days[7];
	int	start, end;	/* seconds; end may pass 86400 */
};

static int64_t
wall_of(time_t t)
{
	struct tm tm;

	localtime_r(&t, &tm);
	return (int64_t)t + tm.tm_gmtoff;
}

static int
plain_open(const struct rwin *w, int nw, const int64_t *hol, int nhol,
    time_t t)
{
	int64_t wall = wall_of(t), day = civil_floor_div(wall, 86400);
	int i, k, back;

	for (back = 0; back <= 1; back++) {
		int64_t d = day - back, sod = wall - d * 86400;
		int wd = civil_weekday(d), isholiday = 0;

		for (k = 0; k < nhol; k++)
			isholiday |= hol[k] == d;
		if (isholiday)
			continue;
		for (i = 0; i < nw; i++)
			if (w[i].days[wd] && sod >= w[i].start &&
			    sod < w[i].end)
				return 1;
	}
	return 0;
}

/*
 * nw random windows on random days, quarter-hour bounds, over midnight
 * too, and their hours spec in *spec; with `full`, some last 24 hours
 * (written as an end equal to the start).
 */
static void
random_windows(struct rwin *w, int nw, int full, struct buf *spec)
{
	static const char *const dn[7] = {
		"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
	};
	int i, d;

	for (i = 0; i < nw; i++) {
		int any = 0;

		for (d = 0; d < 7; d++)
			any |= w[i].days[d] = rnd(3) != 0;
		if (!any)
			w[i].days[rnd(7)] = 1;
		w[i].start = (int)rnd(96) * 900;
		w[i].end = w[i].start + (1 + (int)rnd(80)) * 900;
		if (w[i].end > 86400 && w[i].end - 86400 >= w[i].start)
			w[i].end = w[i].start + 86400 - 900;
		if (full && rnd(6) == 0)
			w[i].end = w[i].start + 86400;
		if (i > 0)
			buf_adds(spec, "; ");
		for (d = 0; d < 7; d++)
			if (w[i].days[d])
				buf_printf(spec, "%s,", dn[d]);
		spec->len--;	/* the last comma */
		buf_printf(spec, " %02d:%02d-%02d:%02d",
		    w[i].start / 3600, w[i].start / 60 % 60,
		    w[i].end % 86400 / 3600 + (w[i].end == 86400) * 24,
		    w[i].end / 60 % 60);
	}
}

static void
test_random_against_localtime(void **state)
{
	static const char *const zones[] = {
		"Europe/Berlin", "America/Sao_Paulo", "Australia/Lord_Howe",
		"America/New_York", "Pacific/Apia", "America/Havana",
		"Asia/Tehran", "Europe/London"
	};
	unsigned long checked = 0;
	int round;

	(void)state;
	for (round = 0; round < 48; round++) {
		const char *zn = zones[round % 8];
		struct rwin w[4];
		int nw = 1 + rnd(3), i, nhol = rnd(3);
		int64_t hol[2], first;
		struct buf spec = BUF_INIT;
		struct cal *c;
		time_t t, t0;

		random_windows(w, nw, 0, &spec);
		/* Around a change of the clocks: spring and autumn alike. */
		first = civil_days_from(2009 + rnd(18), 1 + rnd(12), 1);
		if (strcmp(zn, "Pacific/Apia") == 0 && round < 16)
			first = civil_days_from(2011, 12, 1);	/* a lost day */
		for (i = 0; i < nhol; i++)
			hol[i] = first + rnd(60);
		c = make(zn, buf_str(&spec));
		for (i = 0; i < nhol; i++)
			cal_add_holidays(c, hol[i], hol[i]);
		setenv("TZ", zn, 1);
		tzset();
		t0 = (time_t)(first * 86400);
		for (t = t0; t < t0 + 60 * 86400; t += 420 + rnd(200)) {
			int want, got;

			if (wall_of(t - 3 * 3600) >= wall_of(t) - 3 * 3600 +
			    1 || wall_of(t - 7200) > wall_of(t) - 7200)
				continue;	/* a repeated hour is near */
			want = plain_open(w, nw, hol, nhol, t);
			got = cal_is_open(c, (cs_time)t * 1000);
			if (want != got) {
				print_error("%s '%s' at %lld: cskit %d, plain "
				    "%d\n", zn, buf_str(&spec), (long long)t,
				    got, want);
				fail();
			}
			checked++;
		}
		/* Long spans (counted by whole weeks where they repeat) equal
		 * the sum of their days (each walked interval by interval). */
		{
			cs_time a = (cs_time)t0 * 1000 - 40 * 86400000LL;
			double sum = 0;

			for (i = 0; i < 140; i++)
				sum += cal_business_seconds(c,
				    a + (cs_time)i * 86400000,
				    a + (cs_time)(i + 1) * 86400000);
			assert_true(sum == cal_business_seconds(c, a,
			    a + 140 * 86400000LL));
		}
		cal_free(c);
		buf_free(&spec);
	}
	unsetenv("TZ");
	print_message("%lu instants agree\n", checked);
}

/*
 * Business time against the plain walk, kept here and not in lib: every
 * window of every day in the span that is no holiday, its ends read by
 * tz_local_boundary (the first instant the wall clock shows that time),
 * the union of the intervals clipped to [from, to).  lib/calendar.c counts
 * it with arithmetic over the zone's periods and a memo of years; this is
 * the definition it must give back to the millisecond.
 */
struct rhol {
	int64_t	first, last;
};

static cs_time
plain_business_ms(const struct tz_zone *z, const struct rwin *w, int nw,
    const struct rhol *hol, int nhol, cs_time from, cs_time to)
{
	int64_t d, last = civil_floor_div(to, 86400000) + 2;
	cs_time sum = 0, po = 0, pe = INT64_MIN;

	for (d = civil_floor_div(from, 86400000) - 4; d <= last; d++) {
		int wd = civil_weekday(d), order[4], n = 0, i, j, closed = 0;

		for (i = 0; i < nhol; i++)
			closed |= d >= hol[i].first && d <= hol[i].last;
		for (i = 0; i < nw && !closed; i++) {
			if (!w[i].days[wd])
				continue;
			for (j = n++; j > 0 &&
			    w[order[j - 1]].start > w[i].start; j--)
				order[j] = order[j - 1];
			order[j] = i;
		}
		for (j = 0; j < n && !closed; j++) {
			cs_time o = tz_local_boundary(z, d * 86400 +
			    w[order[j]].start) * 1000;
			cs_time e = tz_local_boundary(z, d * 86400 +
			    w[order[j]].end) * 1000;

			if (o < from)
				o = from;
			if (e > to)
				e = to;
			if (e <= o)
				continue;
			if (o > pe) {
				if (pe > po)
					sum += pe - po;
				po = o;
				pe = e;
			} else if (e > pe)
				pe = e;
		}
	}
	if (pe > po)
		sum += pe - po;
	return sum;
}

/* A random instant (ms) in the years y0 .. y0 + years - 1. */
static cs_time
random_instant(int y0, unsigned years)
{
	return at(y0 + (int)rnd(years), 1, 1, 0, 0) +
	    (cs_time)rnd(365 * 86400) * 1000 + rnd(1000);
}

static cs_time
ms_of(double seconds)
{
	return llround(seconds * 1000);
}

static void
check_business(const struct cal *c, const struct rwin *w, int nw,
    const struct rhol *hol, int nhol, cs_time from, cs_time to,
    const char *spec)
{
	cs_time want = plain_business_ms(cal_zone(c), w, nw, hol, nhol, from,
	    to);
	double got = cal_business_seconds(c, from, to);

	if (got != want / 1000.0) {
		print_error("%s '%s' (%d holidays) [%lld, %lld): %.3f s, the "
		    "walk %.3f s\n", tz_name(cal_zone(c)), spec, nhol,
		    (long long)from, (long long)to, got, want / 1000.0);
		fail();
	}
}

/* One random calendar in zone zn with nhol random holidays: 40 spans. */
static void
business_round(const char *zn, int nhol)
{
	struct rwin w[4];
	struct rhol hol[6];
	int nw = 1 + rnd(3), i;
	struct buf spec = BUF_INIT;
	struct cal *c;
	cs_time from, to, mid;

	random_windows(w, nw, 1, &spec);
	c = make(zn, buf_str(&spec));
	for (i = 0; i < nhol; i++) {	/* days, ranges, 5 years */
		hol[i].first = civil_days_from(1900, 1, 1) + rnd(201 * 365);
		hol[i].last = hol[i].first + (rnd(3) ? 0 : rnd(10));
		if (rnd(8) == 0)
			hol[i].last = hol[i].first + 5 * 366;
	}
	if (nhol > 0) {	/* the memo forgets this answer */
		from = random_instant(1900, 100);
		check_business(c, w, nw, NULL, 0, from,
		    from + 30 * 365 * 86400000LL, buf_str(&spec));
		for (i = 0; i < nhol; i++)
			cal_add_holidays(c, hol[i].first, hol[i].last);
	}
	for (i = 0; i < 40; i++) {
		if (i < 30) {		/* minutes to two months */
			from = random_instant(1900, 201);
			to = from + (cs_time)rnd(60 * 86400) * 1000 + rnd(1000);
		} else if (i < 38) {	/* years: the memo */
			from = random_instant(1900, 201);
			to = from + (cs_time)rnd(12 * 366 * 86400) * 1000 +
			    rnd(1000);
		} else {		/* far: LMT, rules to 9999 */
			from = random_instant(0, 9960);
			to = from + (cs_time)rnd(40 * 366 * 86400) * 1000;
		}
		check_business(c, w, nw, hol, nhol, from, to, buf_str(&spec));
	}
	/* Year 0000 to 9999 in two parts adds up, to the ms. */
	mid = random_instant(0, 9999);
	assert_int_equal(ms_of(cal_business_seconds(c, CS_TIME_FIRST,
	    CS_TIME_LAST)), ms_of(cal_business_seconds(c, CS_TIME_FIRST,
	    mid)) + ms_of(cal_business_seconds(c, mid, CS_TIME_LAST)));
	cal_free(c);
	buf_free(&spec);
}

/* Zones with and without DST, changed rules, 30-minute DST, a lost day. */
static void
test_business_against_walk(void **state)
{
	static const char *const zones[] = {
		"Europe/Berlin", "America/Sao_Paulo", "Asia/Shanghai",
		"America/New_York", "Australia/Lord_Howe", "Pacific/Apia",
		"America/Havana", "UTC"
	};
	int k;

	(void)state;
	for (k = 0; k < 48; k++)	/* every other 8 with holidays */
		business_round(zones[k % 8], k / 8 % 2 ? 1 + rnd(6) : 0);
	print_message("%d spans agree with the walk\n", 48 * 40);
}

/*
 * Deadlines and the end of an open stretch: the walk interval by interval
 * (what lib/calendar.c does when the answer is near), against which its
 * shortcut for far answers must agree.
 */
static cs_time
walk_add_business(const struct cal *c, cs_time from, cs_time left)
{
	struct cal_iter it;
	cs_time o, e;

	cal_iter_start(&it, c, from);
	while (cal_iter_next(&it, &o, &e)) {
		if (o < from)
			o = from;
		if (o - from > (cs_time)CAL_HORIZON_DAYS * 86400000)
			return CS_TIME_NONE;
		if (left <= e - o)
			return o + left > CS_TIME_LAST ? CS_TIME_NONE : o + left;
		left -= e - o;
	}
	return CS_TIME_NONE;
}

static cs_time
walk_next_close(const struct cal *c, cs_time t)
{
	struct cal_iter it;
	cs_time o, e, end;

	cal_iter_start(&it, c, t);
	if (!cal_iter_next(&it, &o, &e) || o > t)
		return t;
	while (cal_iter_next(&it, &o, &end) && o == e) {
		e = end;
		if (e - t > (cs_time)CAL_HORIZON_DAYS * 86400000)
			return CS_TIME_NONE;
	}
	return e > CS_TIME_LAST ? CS_TIME_NONE : e;
}

static void
test_deadlines_against_walk(void **state)
{
	static const char *const fixed[] = {
		"daily 00:00-24:00", "Mon 09:00:00-09:00:01",
		"daily 22:00-22:00; Sun 10:00-11:00", "Mon-Fri 09:00-18:00",
	};
	static const char *const zones[] = {
		"Europe/Berlin", "America/Sao_Paulo", "Australia/Lord_Howe",
		"Asia/Shanghai"
	};
	int k, i, far = 0;

	(void)state;
	for (k = 0; k < 24; k++) {
		int64_t hday;
		struct rwin w[4];
		struct buf spec = BUF_INIT;
		struct cal *c;

		if (k < 8)
			buf_adds(&spec, fixed[k % 4]);
		else
			random_windows(w, 1 + rnd(3), 1, &spec);
		c = make(zones[k % 4], buf_str(&spec));
		hday = civil_days_from(1990, 1, 1) + rnd(100 * 365);
		if (k % 3 == 2)		/* a closed stretch of 3 or 5 years */
			cal_add_holidays(c, hday, hday + (k % 2 ? 3 : 5) * 366);
		else			/* one closed day */
			cal_add_holidays(c, hday, hday);
		for (i = 0; i < 30; i++) {	/* half within reach of it */
			cs_time from = i % 2 ? hday * 86400000 -
			    (cs_time)rnd(1500 * 86400) * 1000 :
			    random_instant(1900, 201);
			cs_time left = i % 3 == 0 ? (cs_time)rnd(4 * 3600000) :
			    i % 3 == 1 ? (cs_time)rnd(1200 * 86400) * 1000 :
			    (cs_time)rnd(4000000) * 1000000;
			cs_time got, want, h = (cs_time)CAL_HORIZON_DAYS *
			    86400000;

			if (i % 10 == 9 && (got = cal_next_open(c, from + h))
			    != CS_TIME_NONE) {
				/* A deadline just past the horizon, in the
				 * interval open across it. */
				from = got - h + 1000;
				left = ms_of(cal_business_seconds(c, from,
				    from + h + 1)) + 1;
			}
			got = cal_add_business(c, from, left / 1000.0);
			want = walk_add_business(c, from, left);

			if (got != want || cal_next_close(c, from) !=
			    walk_next_close(c, from)) {
				print_error("%s '%s' from %lld, %lld ms: %lld, "
				    "walk %lld\n", zones[k % 4],
				    buf_str(&spec), (long long)from,
				    (long long)left, (long long)got,
				    (long long)want);
				fail();
			}
			far += want == CS_TIME_NONE;
		}
		cal_free(c);
		buf_free(&spec);
	}
	print_message("720 deadlines agree with the walk (%d past the "
	    "horizon)\n", far);
}

static void
test_never_open(void **state)
{
	struct cal *c = cal_new(tzdb_zone(db, "UTC"));

	(void)state;
	assert_false(cal_has_hours(c));
	assert_false(cal_is_open(c, 0));
	assert_true(cal_next_open(c, 0) == CS_TIME_NONE);
	assert_true(cal_add_business(c, 0, 60) == CS_TIME_NONE);
	assert_int_equal(cal_next_close(c, 1234), 1234);
	assert_true(cal_business_seconds(c, 0, 86400000) == 0);
	cal_free(c);
}

static void
test_spec(void **state)
{
	static const char *const bad[] = {
		"", "Mon-Fri", "Mon-Fri 9-18", "Funday 09:00-10:00",
		"Mon 25:00-26:00", "Mon 09:00-18:00,",
		"Mon 09:60-10:00", "Mon,,Tue 09:00-10:00", "Mon, 09:00-10:00",
		"Mon 24:00-10:00", "Mon 24:30-10:00", "Mon 09:00 -10:00",
		"Mon 09:00-18:00 x", ";", NULL
	};
	struct buf why = BUF_INIT;
	struct cal *c;
	int i;

	(void)state;
	for (i = 0; bad[i] != NULL; i++) {
		c = cal_new(tzdb_zone(db, "UTC"));
		buf_reset(&why);
		if (cal_add_hours(c, bad[i], &why) != -1) {
			print_error("accepted '%s'\n", bad[i]);
			fail();
		}
		assert_true(why.len > 0);
		cal_free(c);
	}
	assert_null(cal_from_options(db, "daily 09:00-10:00", "Mars/Base",
	    NULL, &why));
	assert_null(cal_from_options(db, "daily 09:00-10:00", NULL, NULL,
	    &why));
	buf_free(&why);

	/* Days: 2026-11-23 is a Monday (UTC zone: at() is local). */
	c = make("UTC", "Fri-Mon 10:00-11:00");
	assert_true(cal_is_open(c, at(2026, 11, 20, 10, 30)));	/* Fri */
	assert_true(cal_is_open(c, at(2026, 11, 22, 10, 30)));	/* Sun */
	assert_true(cal_is_open(c, at(2026, 11, 23, 10, 30)));	/* Mon */
	assert_false(cal_is_open(c, at(2026, 11, 24, 10, 30)));	/* Tue */
	cal_free(c);
	c = make("UTC", "monday,Wednesday 09:00-10:00, 11:00-12:00:30");
	assert_true(cal_is_open(c, at(2026, 11, 25, 12, 0)));
	assert_false(cal_is_open(c, at(2026, 11, 24, 9, 30)));
	assert_int_equal(cal_next_close(c, at(2026, 11, 25, 11, 0)),
	    at(2026, 11, 25, 12, 0) + 30000);
	cal_free(c);
	c = make("UTC", "9:00-17:00");		/* no days: every day */
	assert_true(cal_is_open(c, at(2026, 11, 22, 9, 0)));
	cal_free(c);
	c = make("UTC", "weekends 10:00-12:00; weekdays 08:00-09:00");
	assert_true(cal_is_open(c, at(2026, 11, 21, 11, 0)));
	assert_false(cal_is_open(c, at(2026, 11, 23, 11, 0)));
	assert_true(cal_is_open(c, at(2026, 11, 23, 8, 0)));
	cal_free(c);
}

/*
 * cal_is_open_at answers as cal_is_open and cal_next_open do, whether the
 * instants come in order (a sorted log), repeat, or jump back and forth,
 * and whichever calendar the stretch last held.
 */
static void
test_open_at_matches(void **state)
{
	struct cal *cals[] = { make("Europe/Berlin", WEEK),
	    make("America/Sao_Paulo", "daily 22:00-02:00"),
	    make("Australia/Lord_Howe", "Mon-Fri 09:00-18:00") };
	struct cal_stretch st = { 0 };
	cs_time t = at(2026, 3, 20, 0, 0), next;
	unsigned seed = 11;

	(void)state;
	for (int i = 0; i < 60000; i++) {
		seed = seed * 1103515245u + 12345u;
		unsigned r = seed >> 8;
		struct cal *c = cals[i < 40000 ? 0 : r % 3];
		if (i < 20000)
			t += (cs_time)(r % 600) * 1000;		/* in order */
		else if (r % 7 == 0)
			t -= (cs_time)(r % 86400) * 3000;	/* back */
		else
			t += (cs_time)(r % 7200) * 1000 + r % 1000;
		int open = cal_is_open_at(c, &st, t, &next);
		if (open != cal_is_open(c, t) || next != cal_next_open(c, t))
			fail_msg("step %d, t %lld: open %d next %lld", i,
			    (long long)t, open, (long long)next);
	}
	for (size_t i = 0; i < sizeof cals / sizeof *cals; i++)
		cal_free(cals[i]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weekend_and_lunch),
		cmocka_unit_test(test_open_at_matches),
		cmocka_unit_test(test_holidays),
		cmocka_unit_test(test_dst_gap),
		cmocka_unit_test(test_dst_overlap),
		cmocka_unit_test(test_sao_paulo_midnight),
		cmocka_unit_test(test_over_midnight),
		cmocka_unit_test(test_long_span),
		cmocka_unit_test(test_round_the_clock),
		cmocka_unit_test(test_random_against_localtime),
		cmocka_unit_test(test_business_against_walk),
		cmocka_unit_test(test_deadlines_against_walk),
		cmocka_unit_test(test_never_open),
		cmocka_unit_test(test_spec),
	};

	return cmocka_run_group_tests(tests, tz_setup, tz_teardown);
}
