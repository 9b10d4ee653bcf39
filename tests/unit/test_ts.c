/*
 * lib/ts: timestamps (RFC 3339, epoch, --input-tz, --time-format), the
 * civil calendar, durations.  Instants below were worked out by hand from
 * 2026-11-20T03:12:00Z = 20412 days * 86400 + 11520 s = 1795144320 s.
 */
#include "unit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "civil.h"
#include "ts.h"
#include "tz.h"

#define E	1795144320000LL		/* 2026-11-20T03:12:00Z */

static cs_time
parse_ok(const struct ts_parser *p, const char *s)
{
	cs_time t = 0;
	const char *why = NULL;

	if (ts_parse(p, s, &t, &why) != 0)
		fail_msg("'%s' did not parse: %s", s, why);
	return t;
}

/* Returns the reason of the refusal. */
static const char *
parse_bad(const struct ts_parser *p, const char *s)
{
	cs_time t = 12345;
	const char *why = NULL;

	if (ts_parse(p, s, &t, &why) == 0)
		fail_msg("'%s' parsed (%lld) but should not", s, (long long)t);
	assert_non_null(why);
	return why;
}

static void
test_rfc3339(void **state)
{
	(void)state;
	assert_int_equal(parse_ok(NULL, "2026-11-20T03:12:00Z"), E);
	assert_int_equal(parse_ok(NULL, "2026-11-20t03:12:00z"), E);
	assert_int_equal(parse_ok(NULL, "2026-11-20 03:12:00Z"), E);
	assert_int_equal(parse_ok(NULL, "2026-11-20T03:12Z"), E);
	assert_int_equal(parse_ok(NULL, "  2026-11-20T03:12:00Z \n"), E);
	/* Offsets in every spelling, east and west, with minutes. */
	assert_int_equal(parse_ok(NULL, "2026-11-20T11:12:00+08:00"), E);
	assert_int_equal(parse_ok(NULL, "2026-11-20T11:12:00+0800"), E);
	assert_int_equal(parse_ok(NULL, "2026-11-20T11:12:00+08"), E);
	assert_int_equal(parse_ok(NULL, "2026-11-19T22:12:00-05:00"), E);
	assert_int_equal(parse_ok(NULL, "2026-11-20T08:57:00+05:45"), E);
	assert_int_equal(parse_ok(NULL, "2026-11-19T23:42:00-03:30"), E);
	assert_int_equal(parse_ok(NULL, "2026-11-20T03:12:00+00:00"), E);
	assert_int_equal(parse_ok(NULL, "2026-11-20T03:12:00-00:00"), E);
	/* An offset that crosses midnight and a month end. */
	assert_int_equal(parse_ok(NULL, "2026-12-01T08:00:00+09:00"),
	    1795144320000LL + (10LL * 86400 + 19 * 3600 + 48 * 60) * 1000);
}

static void
test_fractions(void **state)
{
	(void)state;
	assert_int_equal(parse_ok(NULL, "2026-11-20T03:12:00.5Z"), E + 500);
	assert_int_equal(parse_ok(NULL, "2026-11-20T03:12:00.05Z"), E + 50);
	assert_int_equal(parse_ok(NULL, "2026-11-20T03:12:00.123Z"), E + 123);
	/* Past the millisecond the digits are dropped, not rounded. */
	assert_int_equal(parse_ok(NULL, "2026-11-20T03:12:00.123999Z"), E + 123);
	assert_int_equal(parse_ok(NULL, "2026-11-20T03:12:00.999999999Z"),
	    E + 999);
	assert_int_equal(parse_ok(NULL, "2026-11-20T03:12:00,250Z"), E + 250);
	assert_int_equal(parse_ok(NULL, "2026-11-20T12:12:00.750+09:00"),
	    E + 750);
	parse_bad(NULL, "2026-11-20T03:12:00.Z");
	parse_bad(NULL, "2026-11-20T03:12:00.");
}

static void
test_leap_second_and_dates(void **state)
{
	(void)state;
	/* :60 folds onto the next second, as POSIX time does. */
	assert_int_equal(parse_ok(NULL, "2016-12-31T23:59:60Z"), 1483228800000LL);
	assert_int_equal(parse_ok(NULL, "2000-02-29T12:00:00Z"), 951825600000LL);
	assert_int_equal(parse_ok(NULL, "2024-02-29T00:00:00Z"),
	    (19782LL * 86400) * 1000);
	assert_int_equal(parse_ok(NULL, "9999-12-31T23:59:59Z"),
	    253402300799000LL);
	assert_int_equal(parse_ok(NULL, "1969-12-31T23:59:59.999Z"), -1);
	assert_int_equal(parse_ok(NULL, "1900-01-01T00:00:00Z"),
	    -2208988800000LL);
	assert_string_equal(parse_bad(NULL, "2026-02-29T00:00:00Z"),
	    "no such date");
	assert_string_equal(parse_bad(NULL, "1900-02-29T00:00:00Z"),
	    "no such date");
	assert_string_equal(parse_bad(NULL, "2026-04-31T00:00:00Z"),
	    "no such date");
	assert_string_equal(parse_bad(NULL, "2026-13-01T00:00:00Z"),
	    "no such date");
	assert_string_equal(parse_bad(NULL, "2026-00-10T00:00:00Z"),
	    "no such date");
	assert_string_equal(parse_bad(NULL, "2026-11-00T00:00:00Z"),
	    "no such date");
	assert_string_equal(parse_bad(NULL, "2026-11-20T24:00:00Z"),
	    "no such time of day");
	assert_string_equal(parse_bad(NULL, "2026-11-20T23:60:00Z"),
	    "no such time of day");
	assert_string_equal(parse_bad(NULL, "2026-11-20T23:59:61Z"),
	    "no such time of day");
}

static void
test_malformed(void **state)
{
	(void)state;
	assert_string_equal(parse_bad(NULL, ""), "empty time");
	assert_string_equal(parse_bad(NULL, "  \t"), "empty time");
	parse_bad(NULL, "hello");
	parse_bad(NULL, "2026-1-20T00:00:00Z");
	parse_bad(NULL, "2026-11-20T3:12:00Z");
	parse_bad(NULL, "2026-11-20T03:12:00+24:00");
	parse_bad(NULL, "2026-11-20T03:12:00+08:60");
	parse_bad(NULL, "2026-11-20T03:12:00+8");
	assert_string_equal(parse_bad(NULL, "2026-11-20T03:12:00Zjunk"),
	    "unexpected text after the time");
	parse_bad(NULL, "2026-11-20T03:12:00 Z");
	parse_bad(NULL, "20261120T031200Z");
	parse_bad(NULL, "12:00");
	parse_bad(NULL, "-");
	parse_bad(NULL, "1e9");
	/* A very long string is refused without overrunning anything. */
	char longs[300];
	memset(longs, '1', sizeof longs - 1);
	longs[sizeof longs - 1] = '\0';
	assert_string_equal(parse_bad(NULL, longs), "time too long");
}

static void
test_no_offset_needs_zone(void **state)
{
	struct ts_parser p = { NULL, { NULL } };

	(void)state;
	/* Guessing UTC silently would be wrong: without a zone it is refused. */
	const char *why = parse_bad(NULL, "2026-11-20T03:12:00");
	assert_non_null(strstr(why, "--input-tz"));
	parse_bad(&p, "2026-11-20 03:12:00");
	parse_bad(&p, "2026-11-20");
}

static void
test_input_zone(void **state)
{
	struct tz_db *db = tzdb_open(NULL);

	(void)state;
	if (db == NULL)
		skip();
	struct ts_parser p = { tzdb_zone(db, "Asia/Shanghai"), { NULL } };
	assert_non_null(p.input_zone);
	assert_int_equal(parse_ok(&p, "2026-11-20 11:12:00"), E);
	assert_int_equal(parse_ok(&p, "2026-11-20T11:12:00.250"), E + 250);
	/* An explicit offset wins over the zone. */
	assert_int_equal(parse_ok(&p, "2026-11-20T03:12:00Z"), E);
	/* A bare date is its midnight in the zone. */
	assert_int_equal(parse_ok(&p, "2026-11-20"), E - (3 * 3600 + 12 * 60 +
	    8 * 3600) * 1000LL);
	/* Berlin: 02:30 on 2026-03-29 never happens (clocks jump 02→03); it
	 * is read with the offset before the gap, +01:00, giving 01:30Z. */
	p.input_zone = tzdb_zone(db, "Europe/Berlin");
	assert_non_null(p.input_zone);
	assert_int_equal(parse_ok(&p, "2026-03-29 02:30:00"), 1774747800000LL);
	/* 02:30 on 2026-10-25 happens twice: the earlier, +02:00. */
	assert_int_equal(parse_ok(&p, "2026-10-25 02:30:00"), 1792888200000LL);
	/* Winter time: +01:00. */
	assert_int_equal(parse_ok(&p, "2026-11-20 04:12:00"), E);
	tzdb_close(db);
}

static void
test_time_format(void **state)
{
	struct tz_db *db = tzdb_open(NULL);

	(void)state;
	struct ts_parser p = { NULL, { "%Y-%m-%d %H:%M:%S %z" } };
	assert_int_equal(parse_ok(&p, "2026-11-20 12:12:00 +0900"), E);
	assert_int_equal(parse_ok(&p, "2026-11-19 22:12:00 -0500"), E);
	parse_bad(&p, "2026-11-20 12:12:00 +0900 extra");
	/* Epoch numbers are still epoch numbers with a --time-format. */
	assert_int_equal(parse_ok(&p, "1795144320"), E);
	if (db == NULL)
		skip();
	struct ts_parser q = { tzdb_zone(db, "Asia/Shanghai"),
	    { "%d/%m/%Y %H:%M" } };
	assert_int_equal(parse_ok(&q, "20/11/2026 11:12"), E);
	/* RFC 3339 stamps still read as such; the layout is for the rest. */
	assert_int_equal(parse_ok(&q, "2026-11-20T03:12:00Z"), E);
	assert_string_equal(parse_bad(&q, "Nov 20 2026"),
	    "time does not match --time-format");
	/* A layout of digits only wins over epoch numbers. */
	struct ts_parser c = { tzdb_zone(db, "UTC"), { "%Y%m%d" } };
	assert_int_equal(parse_ok(&c, "20261120"), (E / 86400000) * 86400000);
	c.time_format[0] = "%Y%m%d%H%M%S";
	assert_int_equal(parse_ok(&c, "20261120031200"), E);
	assert_int_equal(parse_ok(&c, "1795144320"), E);	/* no match: epoch */
	/* A layout that matches but needs a zone is not taken as epoch. */
	c.input_zone = NULL;
	assert_non_null(strstr(parse_bad(&c, "20261120031200"), "--input-tz"));
	struct ts_parser r = { NULL, { "%d/%m/%Y %H:%M" } };
	parse_bad(&r, "20/11/2026 11:12");	/* no zone for a local time */
	tzdb_close(db);
}

/* The layouts exports use besides RFC 3339 (issue 17). */
static void
test_export_layouts(void **state)
{
	struct tz_db *db = tzdb_open(NULL);

	(void)state;
	/* Rails and Shopify: a space before the offset. */
	assert_int_equal(parse_ok(NULL, "2026-11-20 04:12:00 +0100"), E);
	assert_int_equal(parse_ok(NULL, "2026-11-20 11:12:00 +08:00"), E);
	assert_int_equal(parse_ok(NULL, "2026-11-19 22:12:00 -0500"), E);
	/* UTC and GMT by name, with or without the space. */
	assert_int_equal(parse_ok(NULL, "2026-11-20 03:12:00 UTC"), E);
	assert_int_equal(parse_ok(NULL, "2026-11-20T03:12:00 utc"), E);
	assert_int_equal(parse_ok(NULL, "2026-11-20 03:12:00GMT"), E);
	assert_int_equal(parse_ok(NULL, "2026/11/20 03:12:00 UTC"), E);
	parse_bad(NULL, "2026-11-20 03:12:00 Europe/Berlin");
	parse_bad(NULL, "2026-11-20 03:12:00  +0100");	/* two spaces */
	parse_bad(NULL, "2026-11-20 03:12:00 +0100 x");
	parse_bad(NULL, "2026/11-20 03:12:00Z");	/* mixed separators */
	/* RFC 2822, as mail and `date -R` write it. */
	assert_int_equal(parse_ok(NULL, "Fri, 20 Nov 2026 03:12:00 +0000"), E);
	assert_int_equal(parse_ok(NULL, "Fri, 20 Nov 2026 04:12:00 +0100 (CET)"),
	    E);
	assert_int_equal(parse_ok(NULL, "20 Nov 2026 03:12 GMT"), E);
	assert_int_equal(parse_ok(NULL, "Thu, 19 Nov 2026 22:12:00 EST"), E);
	assert_int_equal(parse_ok(NULL, "Thu, 19 Nov 2026 19:12:00 pst"), E);
	assert_int_equal(parse_ok(NULL, "Fri, 20 nov 2026 03:12:00 Z"), E);
	assert_string_equal(parse_bad(NULL, "Fri, 31 Nov 2026 03:12:00 +0000"),
	    "no such date");
	assert_string_equal(parse_bad(NULL, "Fri, 20 Nov 2026 03:12:00 XYZ"),
	    "malformed zone");
	parse_bad(NULL, "Fri, 20 Nov 2026 03:12:00 +0000 (UTC");
	parse_bad(NULL, "20 November 2026 03:12 GMT");
	/* Without a zone: a local time, so it needs one. */
	assert_non_null(strstr(parse_bad(NULL, "20 Nov 2026 03:12"),
	    "--input-tz"));
	/* DD.MM.YYYY and YYYY/MM/DD are local times. */
	assert_non_null(strstr(parse_bad(NULL, "20.11.2026 04:12"),
	    "--input-tz"));
	if (db == NULL)
		skip();
	struct ts_parser b = { tzdb_zone(db, "Europe/Berlin"), { NULL } };
	assert_int_equal(parse_ok(&b, "20.11.2026 04:12"), E);
	assert_int_equal(parse_ok(&b, "20.11.2026 04:12:00"), E);
	assert_int_equal(parse_ok(&b, "1.7.2026 12:00"), 1782900000000LL);
	assert_int_equal(parse_ok(&b, "20.11.2026"), E - 4 * 3600000LL -
	    12 * 60000LL);
	assert_int_equal(parse_ok(&b, "2026/11/20 04:12"), E);
	assert_int_equal(parse_ok(&b, "2026/11/20"), E - 4 * 3600000LL -
	    12 * 60000LL);
	assert_int_equal(parse_ok(&b, "20 Nov 2026 04:12"), E);
	assert_string_equal(parse_bad(&b, "31.11.2026 04:12"), "no such date");
	parse_bad(&b, "20.11.26 04:12");
	parse_bad(&b, "20.11.2026 4:12");
	/* Several --time-format layouts, tried in order; the first that
	 * reads the text wins, and they come before DD.MM.YYYY. */
	struct ts_parser f = { tzdb_zone(db, "UTC"), { NULL } };
	assert_int_equal(ts_add_format(&f, "%m.%d.%Y %H:%M"), 0);
	assert_int_equal(ts_add_format(&f, "%d %B %Y, %H:%M"), 0);
	assert_int_equal(parse_ok(&f, "11.20.2026 03:12"), E);
	assert_int_equal(parse_ok(&f, "20 November 2026, 03:12"), E);
	/* 05.11 is May 11th under the user's layout, not 5 November. */
	assert_int_equal(parse_ok(&f, "05.11.2026 00:00"), 1778457600000LL);
	assert_string_equal(parse_bad(&f, "2026.11.20"),
	    "time does not match --time-format");
	for (int i = 2; i < TS_MAX_FORMATS; i++)
		assert_int_equal(ts_add_format(&f, "%Y"), 0);
	assert_int_equal(ts_add_format(&f, "%Y"), -1);
	assert_null(f.time_format[TS_MAX_FORMATS]);
	tzdb_close(db);
}

static void
test_epoch(void **state)
{
	cs_time t = 0;
	const char *why;

	(void)state;
	assert_int_equal(parse_ok(NULL, "1795144320"), E);
	assert_int_equal(parse_ok(NULL, "1795144320.25"), E + 250);
	/* 13 digits and more are milliseconds. */
	assert_int_equal(parse_ok(NULL, "1795144320123"), E + 123);
	assert_int_equal(parse_ok(NULL, "0"), 0);
	assert_int_equal(parse_ok(NULL, "-86400"), -86400000LL);
	assert_int_equal(parse_ok(NULL, " 1795144320 "), E);
	/* JSON numbers: seconds, or ms from 1e11 on. */
	assert_int_equal(ts_from_number(1795144320, &t, &why), 0);
	assert_int_equal(t, E);
	assert_int_equal(ts_from_number(1795144320123.0, &t, &why), 0);
	assert_int_equal(t, E + 123);
	assert_int_equal(ts_from_number(1795144320.5, &t, &why), 0);
	assert_int_equal(t, E + 500);
	assert_int_equal(ts_from_number(99999999999.0, &t, &why), 0);
	assert_int_equal(t, 99999999999000LL);
	assert_int_equal(ts_from_number(1e11, &t, &why), 0);
	assert_int_equal(t, 100000000000LL);
	assert_int_equal(ts_from_number(-1.5, &t, &why), 0);
	assert_int_equal(t, -1500);
	assert_int_equal(ts_from_number(NAN, &t, &why), -1);
	assert_int_equal(ts_from_number(INFINITY, &t, &why), -1);
	assert_int_equal(ts_from_number(1e14, &t, &why), -1);
	assert_int_equal(ts_from_number(-1e14, &t, &why), -1);
}

static void
fmt_utc_is(cs_time t, const char *want)
{
	struct buf b = BUF_INIT;

	ts_format_utc(t, &b);
	assert_string_equal(buf_str(&b), want);
	buf_free(&b);
}

static void
fmt_off_is(cs_time t, int off, const char *want)
{
	struct buf b = BUF_INIT;

	ts_format_offset(t, off, &b);
	assert_string_equal(buf_str(&b), want);
	buf_free(&b);
}

static void
test_format(void **state)
{
	(void)state;
	fmt_utc_is(0, "1970-01-01T00:00:00Z");
	fmt_utc_is(E, "2026-11-20T03:12:00Z");
	fmt_utc_is(E + 5, "2026-11-20T03:12:00.005Z");
	fmt_utc_is(E + 500, "2026-11-20T03:12:00.500Z");
	fmt_utc_is(1500, "1970-01-01T00:00:01.500Z");
	/* Before 1970: floor, not truncation toward zero. */
	fmt_utc_is(-1, "1969-12-31T23:59:59.999Z");
	fmt_utc_is(-1000, "1969-12-31T23:59:59Z");
	fmt_utc_is(-31536000000LL, "1969-01-01T00:00:00Z");
	fmt_utc_is(-2208988800000LL, "1900-01-01T00:00:00Z");
	fmt_utc_is(951825600000LL, "2000-02-29T12:00:00Z");
	fmt_utc_is(253402300799000LL, "9999-12-31T23:59:59Z");
	fmt_off_is(E, 0, "2026-11-20T03:12:00+00:00");
	fmt_off_is(E, 9 * 3600, "2026-11-20T12:12:00+09:00");
	fmt_off_is(E, -(3 * 3600 + 1800), "2026-11-19T23:42:00-03:30");
	fmt_off_is(E, 5 * 3600 + 45 * 60, "2026-11-20T08:57:00+05:45");
	fmt_off_is(E + 42, -5 * 3600, "2026-11-19T22:12:00.042-05:00");
	fmt_off_is(0, -3600, "1969-12-31T23:00:00-01:00");
	/* Offsets with seconds (local mean time before 1900): the stamp is
	 * written at the offset rounded to the minute, so it still names
	 * the same instant. */
	static const int odd[] = { 3208, -3208, 29, -29, 30, 89, 1172, -17762,
	    50399 };
	for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++) {
		struct buf b = BUF_INIT;
		ts_format_offset(E + 7, odd[i], &b);
		assert_int_equal(parse_ok(NULL, b.data), E + 7);
		buf_free(&b);
	}
	fmt_off_is(0, 3208, "1970-01-01T00:53:00+00:53");
	/* What is printed parses back to the same instant. */
	for (cs_time t = -90000000000LL; t < 90000000000LL; t += 777777777) {
		struct buf b = BUF_INIT;
		ts_format_offset(t, 19800, &b);
		assert_int_equal(parse_ok(NULL, b.data), t);
		buf_reset(&b);
		ts_format_utc(t, &b);
		assert_int_equal(parse_ok(NULL, b.data), t);
		buf_free(&b);
	}
}

static void
test_civil(void **state)
{
	int64_t y;
	int m, d;

	(void)state;
	assert_int_equal(civil_days_from(1970, 1, 1), 0);
	assert_int_equal(civil_days_from(1969, 12, 31), -1);
	assert_int_equal(civil_days_from(2000, 3, 1), 11017);
	assert_int_equal(civil_days_from(2026, 11, 23), 20780);
	assert_int_equal(civil_days_from(1, 1, 1), -719162);
	assert_int_equal(civil_days_from(0, 3, 1), -719468);
	civil_from_days(-719163, &y, &m, &d);	/* the day before 1-01-01 */
	assert_int_equal(y, 0);
	assert_int_equal(m, 12);
	assert_int_equal(d, 31);
	civil_from_days(-719469, &y, &m, &d);	/* year 0 was leap */
	assert_int_equal(y, 0);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
	/* Weekdays: Monday is 0. */
	assert_int_equal(civil_weekday(0), 3);			/* Thursday */
	assert_int_equal(civil_weekday(20780), 0);			/* Mon 2026-11-23 */
	assert_int_equal(civil_weekday(civil_days_from(2000, 1, 1)), 5);
	assert_int_equal(civil_weekday(civil_days_from(1900, 1, 1)), 0);
	assert_int_equal(civil_weekday(-1), 2);
	assert_int_equal(civil_weekday(-3), 0);
	assert_int_equal(civil_weekday(-4), 6);
}

/* Every day from 2100 BC to 2400 AD: round trip, steps of one day, weekdays. */
static void
test_civil_round_trip(void **state)
{
	int64_t py;
	int pm, pd;

	(void)state;
	civil_from_days(-1500001, &py, &pm, &pd);
	for (int64_t z = -1500000; z <= 160000; z++) {
		int64_t y;
		int m, d;
		civil_from_days(z, &y, &m, &d);
		if (civil_days_from(y, m, d) != z)
			fail_msg("day %lld does not round-trip", (long long)z);
		/* The next day of (py, pm, pd). */
		if (d == 1) {
			assert_true((m == pm + 1 && y == py) ||
			    (m == 1 && pm == 12 && y == py + 1));
			int leap = (py % 4 == 0 && py % 100 != 0) || py % 400 == 0;
			int last = pm == 2 ? 28 + leap : (pm == 4 || pm == 6 ||
			    pm == 9 || pm == 11) ? 30 : 31;
			assert_int_equal(pd, last);
		} else {
			assert_int_equal(y, py);
			assert_int_equal(m, pm);
			assert_int_equal(d, pd + 1);
		}
		assert_int_equal(civil_weekday(z), (civil_weekday(z - 1) + 1) % 7);
		py = y;
		pm = m;
		pd = d;
	}
}

/*
 * The in-place read of 2026-11-20T03:12:00Z stamps gives what the general
 * way gives the same text with a space after it (which only the general
 * way takes): the same result, instant or reason, for stamps with every
 * field at, inside and past its limits.
 */
static void
test_utc_stamp_as_general(void **state)
{
	static const char *years[] = { "0000", "0001", "1900", "1970", "2000",
	    "2024", "2026", "2100", "9999" };
	static const char *months[] = { "00", "01", "02", "04", "09", "12",
	    "13" };
	static const char *days[] = { "00", "01", "28", "29", "30", "31",
	    "32" };
	static const char *hms[] = { "00", "09", "23", "24", "59", "60",
	    "99" };
	struct ts_parser p = { 0 };
	int n = 0, good = 0;

	(void)state;
	for (size_t y = 0; y < sizeof years / sizeof *years; y++)
	for (size_t m = 0; m < sizeof months / sizeof *months; m++)
	for (size_t d = 0; d < sizeof days / sizeof *days; d++)
	for (size_t k = 0; k < sizeof hms / sizeof *hms; k++) {
		char s[32], spaced[40];
		/* hms[k] as hour, minute and second in turn, the rest 30 */
		for (int f = 0; f < 3; f++) {
			snprintf(s, sizeof s, "%s-%s-%sT%s:%s:%sZ", years[y],
			    months[m], days[d], f == 0 ? hms[k] : "10",
			    f == 1 ? hms[k] : "30", f == 2 ? hms[k] : "30");
			snprintf(spaced, sizeof spaced, "%s ", s);
			cs_time a = -1, b = -2;
			const char *wa = NULL, *wb = NULL;
			int ra = ts_parse(&p, s, &a, &wa);
			int rb = ts_parse(&p, spaced, &b, &wb);
			if (ra != rb || (ra == 0 && a != b) ||
			    (ra != 0 && strcmp(wa, wb) != 0))
				fail_msg("%s: %d %lld %s, with a space %d %lld "
				    "%s", s, ra, (long long)a, wa ? wa : "",
				    rb, (long long)b, wb ? wb : "");
			n++;
			good += ra == 0;
		}
	}
	assert_int_equal(n, 9 * 7 * 7 * 7 * 3);
	/* Real dates with real times are read, and only those. */
	assert_true(good > 1000 && good < n);
	assert_int_equal(parse_ok(&p, "2026-11-20T03:12:00Z"), E);
	assert_int_equal(parse_ok(&p, "2024-02-29T23:59:59Z"),
	    civil_days_from(2024, 2, 29) * 86400000LL + 86399000);
	/* Shorter and longer texts than the stamp are not misread. */
	assert_string_equal(parse_bad(&p, "2026-11-20T03:12:00"),
	    "time has no UTC offset (give --input-tz ZONE)");
	parse_bad(&p, "2026-11-20T03:12:00ZZ");
	parse_bad(&p, "2026-11-20T03:12:0Z");
}

static void
test_floor_div(void **state)
{
	(void)state;
	assert_int_equal(civil_floor_div(7, 2), 3);
	assert_int_equal(civil_floor_div(-7, 2), -4);
	assert_int_equal(civil_floor_div(-1, 86400), -1);
	assert_int_equal(civil_floor_div(-86400, 86400), -1);
	assert_int_equal(civil_floor_div(-86401, 86400), -2);
	assert_int_equal(civil_floor_div(0, 5), 0);
	assert_int_equal(civil_floor_div(7, -2), -4);
	assert_int_equal(civil_floor_div(-7, -2), 3);
}

static double
dur_ok(const char *s)
{
	double v = -1;

	if (dur_parse(s, &v) != 0)
		fail_msg("duration '%s' did not parse", s);
	return v;
}

static void
test_dur_parse(void **state)
{
	double v;

	(void)state;
	assert_true(dur_ok("90s") == 90);
	assert_true(dur_ok("30m") == 1800);
	assert_true(dur_ok("1h30m") == 5400);
	assert_true(dur_ok("2d") == 172800);
	assert_true(dur_ok("1w") == 604800);
	assert_true(dur_ok("1.5h") == 5400);
	assert_true(dur_ok("0.5s") == 0.5);
	assert_true(dur_ok("90") == 90);
	assert_true(dur_ok("1m30") == 90);
	assert_true(dur_ok("0") == 0);
	assert_true(dur_ok("1w2d3h4m5s") == 604800 + 172800 + 10800 + 240 + 5);
	assert_true(dur_ok("1d12h") == 129600);
	/* unit words, any case, the longest that fits */
	assert_true(dur_ok("30min") == 1800);
	assert_true(dur_ok("30MIN") == 1800);
	assert_true(dur_ok("2hours15minutes") == 8100);
	assert_true(dur_ok("1hr30mins") == 5400);
	assert_true(dur_ok("45sec") == 45);
	assert_true(dur_ok("3days") == 259200);
	assert_true(dur_ok("2weeks1day") == 1296000);
	assert_int_equal(dur_parse("5mn", &v), -1);
	assert_int_equal(dur_parse("5ms", &v), -1);	/* no millisecond */
	assert_int_equal(dur_parse("1min1hour", &v), -1);
	assert_int_equal(dur_parse("5minutess", &v), -1);
	assert_int_equal(dur_parse("", &v), -1);
	assert_int_equal(dur_parse("h", &v), -1);
	assert_int_equal(dur_parse("1x", &v), -1);
	assert_int_equal(dur_parse("30m1h", &v), -1);	/* largest first */
	assert_int_equal(dur_parse("1h1h", &v), -1);
	assert_int_equal(dur_parse("-5m", &v), -1);
	assert_int_equal(dur_parse("1 h", &v), -1);
	assert_int_equal(dur_parse("m5", &v), -1);
	assert_int_equal(dur_parse("5m ", &v), -1);
	assert_int_equal(dur_parse("1.2.3s", &v), -1);
}

static void
dur_is(double secs, const char *want)
{
	struct buf b = BUF_INIT;

	dur_format(secs, &b);
	if (strcmp(buf_str(&b), want) != 0)
		fail_msg("dur_format(%.17g) = '%s', want '%s'", secs,
		    buf_str(&b), want);
	buf_free(&b);
}

static void
test_dur_format(void **state)
{
	(void)state;
	dur_is(0, "0s");
	dur_is(0.4, "0s");
	dur_is(45, "45s");
	dur_is(59.4, "59s");
	/* Rounding carries into the next unit, never "60s" or "60m". */
	dur_is(59.5, "1m00s");
	dur_is(59.6, "1m00s");
	dur_is(60, "1m00s");
	dur_is(61, "1m01s");
	dur_is(750, "12m30s");
	dur_is(3569.6, "59m30s");
	dur_is(3599.4, "59m59s");
	dur_is(3599.6, "1h00m");
	dur_is(3600, "1h00m");
	dur_is(3720, "1h02m");
	dur_is(3749, "1h02m");
	dur_is(3750, "1h03m");		/* 62.5 min rounds up */
	dur_is(5400, "1h30m");
	dur_is(86340, "23h59m");
	dur_is(86369, "23h59m");
	dur_is(86370, "1d00h");		/* 1439.5 min → 24h → 1d00h */
	dur_is(86399, "1d00h");
	dur_is(86400, "1d00h");
	dur_is(273600, "3d04h");
	dur_is(865800, "10d01h");	/* 240.5 h rounds up */
	dur_is(-90, "-1m30s");
	dur_is(-3720, "-1h02m");
	dur_is(NAN, "-");
	dur_is(INFINITY, "-");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc3339),
		cmocka_unit_test(test_fractions),
		cmocka_unit_test(test_leap_second_and_dates),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_no_offset_needs_zone),
		cmocka_unit_test(test_input_zone),
		cmocka_unit_test(test_time_format),
		cmocka_unit_test(test_export_layouts),
		cmocka_unit_test(test_epoch),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_civil),
		cmocka_unit_test(test_civil_round_trip),
		cmocka_unit_test(test_utc_stamp_as_general),
		cmocka_unit_test(test_floor_div),
		cmocka_unit_test(test_dur_parse),
		cmocka_unit_test(test_dur_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
