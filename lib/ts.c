#define _XOPEN_SOURCE 700	/* strptime */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "civil.h"
#include "ts.h"
#include "tz.h"

/* Read exactly n digits. */
static int
digits(const char **sp, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*sp)[i]))
			return -1;
		v = v * 10 + ((*sp)[i] - '0');
	}
	*sp += n;
	*out = v;
	return 0;
}

static int
parse_epoch(const char *s, cs_time *out, const char **why)
{
	const char *p = s;
	int ndig = 0;

	if (*p == '-')
		p++;
	while (isdigit((unsigned char)*p)) {
		p++;
		ndig++;
	}
	if (ndig == 0)
		return 1;
	if (*p == '.') {
		p++;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p != '\0')
		return 1;		/* not a bare number */
	double v = strtod(s, NULL);
	if (ndig >= 13)
		v /= 1000;
	return ts_from_number(v, out, why);
}

/*
 * Instants the tools accept: CS_TIME_FIRST to CS_TIME_LAST.  Anything wider
 * would be read but printed as a stamp (year 10000, or negative) that the
 * next tool cannot read back.
 */
static int
in_range(cs_time t, const char **why)
{
	if (t < CS_TIME_FIRST || t > CS_TIME_LAST) {
		*why = "time out of range (years 0000 to 9999 UTC)";
		return -1;
	}
	return 0;
}

int
ts_from_number(double v, cs_time *out, const char **why)
{
	if (!isfinite(v) || fabs(v) >= 1e11 * 1000) {
		*why = "epoch time out of range";
		return -1;
	}
	if (fabs(v) >= 1e11)
		v /= 1000;		/* milliseconds */
	*out = (cs_time)llround(v * 1000);
	return in_range(*out, why);
}

/* Offset "Z", "+09:00", "+0900", "+09", "UTC", "GMT"; 1 when absent, -1
 * when bad. */
static int
parse_offset(const char **sp, int *off)
{
	const char *s = *sp;
	int h, m = 0, sign;

	if (*s == 'Z' || *s == 'z') {
		*off = 0;
		*sp = s + 1;
		return 0;
	}
	if (strncasecmp(s, "UTC", 3) == 0 || strncasecmp(s, "GMT", 3) == 0) {
		*off = 0;
		*sp = s + 3;
		return 0;
	}
	if (*s != '+' && *s != '-')
		return 1;
	sign = *s++ == '-' ? -1 : 1;
	if (digits(&s, 2, &h) < 0)
		return -1;
	if (*s == ':')
		s++;
	if (isdigit((unsigned char)*s) && digits(&s, 2, &m) < 0)
		return -1;
	if (h > 23 || m > 59)
		return -1;
	*off = sign * (h * 3600 + m * 60);
	*sp = s;
	return 0;
}

static int
local_to_utc(const struct ts_parser *p, int64_t local, int64_t *utc,
    const char **why)
{
	if (p == NULL || p->input_zone == NULL) {
		*why = "time has no UTC offset (give --input-tz ZONE)";
		return -1;
	}
	tz_local_to_utc(p->input_zone, local, utc);
	return 0;
}

/* A wall time and its offset (has_off 0: local, in the input zone) as an
 * instant. */
static int
wall_to_instant(const struct ts_parser *p, int64_t y, int mo, int d,
    int secs_of_day, int ms, int has_off, int off, cs_time *out,
    const char **why)
{
	int64_t wall = civil_days_from(y, mo, d) * 86400 + secs_of_day, utc;

	if (has_off)
		utc = wall - off;
	else if (local_to_utc(p, wall, &utc, why) < 0)
		return -1;
	*out = utc * 1000 + ms;
	return 0;
}

/*
 * "HH:MM[:SS][.fff]" at *sp; 0 and the seconds of the day and the ms, -1
 * with *why.  60 seconds is a leap second: POSIX time folds it onto the
 * next.
 */
static int
parse_clock(const char **sp, int *sod, int *msp, const char **why)
{
	const char *s = *sp;
	int h, mi, sec = 0, ms = 0;

	if (digits(&s, 2, &h) < 0 || *s++ != ':' || digits(&s, 2, &mi) < 0) {
		*why = "malformed time of day";
		return -1;
	}
	if (*s == ':') {
		s++;
		if (digits(&s, 2, &sec) < 0) {
			*why = "malformed seconds";
			return -1;
		}
	}
	if (*s == '.' || *s == ',') {
		s++;
		int scale = 100, nd = 0;
		while (isdigit((unsigned char)*s)) {
			ms += (*s - '0') * scale;
			scale /= 10;
			s++;
			nd++;
		}
		if (nd == 0) {
			*why = "malformed fraction of a second";
			return -1;
		}
	}
	if (h > 23 || mi > 59 || sec > 60) {
		*why = "no such time of day";
		return -1;
	}
	*sod = h * 3600 + mi * 60 + sec;
	*msp = ms;
	*sp = s;
	return 0;
}

/*
 * The offset after a time: none, or one right after it, or a numeric one
 * or UTC/GMT after a space ("... 09:15:00 +0100", "... 03:12:00 UTC").
 * 1 when there is none.
 */
static int
parse_trailing_offset(const char **sp, int *off)
{
	const char *s = *sp;

	if (*s == ' ' && (s[1] == '+' || s[1] == '-' ||
	    strncasecmp(s + 1, "UTC", 3) == 0 ||
	    strncasecmp(s + 1, "GMT", 3) == 0))
		s++;
	int r = parse_offset(&s, off);
	if (r == 0)
		*sp = s;
	return r;
}

static int
valid_date(int64_t y, int mo, int d, const char **why)
{
	if (mo < 1 || mo > 12 || d < 1 || d > civil_days_in_month(y, mo)) {
		*why = "no such date";
		return -1;
	}
	return 0;
}

/* YYYY-MM-DD or YYYY/MM/DD, then the time: 0 parsed, 1 not this layout,
 * -1 this layout but invalid. */
static int
parse_iso(const struct ts_parser *p, const char *s, cs_time *out,
    const char **why)
{
	int y, mo, d, sod = 0, off = 0, ms = 0;
	char sep;

	if (digits(&s, 4, &y) < 0 || (*s != '-' && *s != '/'))
		return 1;
	sep = *s++;
	if (digits(&s, 2, &mo) < 0 || *s++ != sep || digits(&s, 2, &d) < 0) {
		*why = "malformed date";
		return -1;
	}
	if (valid_date(y, mo, d, why) < 0)
		return -1;
	int r = 1;
	if (*s == 'T' || *s == 't' || *s == ' ') {
		s++;
		if (parse_clock(&s, &sod, &ms, why) < 0)
			return -1;
		r = parse_trailing_offset(&s, &off);
	}
	if (r < 0) {
		*why = "malformed UTC offset";
		return -1;
	}
	if (*s != '\0') {
		*why = "unexpected text after the time";
		return -1;
	}
	return wall_to_instant(p, y, mo, d, sod, ms, r == 0, off, out, why);
}

/* Read 1 or 2 digits. */
static int
one_or_two(const char **sp, int *out)
{
	const char *s = *sp;

	if (!isdigit((unsigned char)*s))
		return -1;
	*out = *s++ - '0';
	if (isdigit((unsigned char)*s))
		*out = *out * 10 + (*s++ - '0');
	*sp = s;
	return 0;
}

static void
skip_spaces(const char **sp)
{
	while (**sp == ' ' || **sp == '\t')
		(*sp)++;
}

/* The zone of an RFC 2822 date: ±hhmm or a name; 1 when there is none. */
static int
rfc2822_zone(const char **sp, int *off)
{
	static const struct { const char *name; int hours; } names[] = {
		{ "UT", 0 }, { "GMT", 0 }, { "UTC", 0 }, { "Z", 0 },
		{ "EST", -5 }, { "EDT", -4 }, { "CST", -6 }, { "CDT", -5 },
		{ "MST", -7 }, { "MDT", -6 }, { "PST", -8 }, { "PDT", -7 },
	};
	const char *s = *sp;
	size_t n = 0;

	if (*s == '+' || *s == '-') {
		int hm, sign = *s == '-' ? -1 : 1;
		s++;
		if (digits(&s, 4, &hm) < 0 || hm / 100 > 23 || hm % 100 > 59)
			return -1;
		*off = sign * (hm / 100 * 3600 + hm % 100 * 60);
		*sp = s;
		return 0;
	}
	while (isalpha((unsigned char)s[n]))
		n++;
	if (n == 0)
		return 1;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strlen(names[i].name) == n &&
		    strncasecmp(s, names[i].name, n) == 0) {
			*off = names[i].hours * 3600;
			*sp = s + n;
			return 0;
		}
	}
	return -1;
}

/* "Fri, 20 Nov 2026 03:12:00 +0000 (UTC)": 0, 1 not this layout, -1. */
static int
parse_rfc2822(const struct ts_parser *p, const char *s, cs_time *out,
    const char **why)
{
	static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	int d, mo = 0, y, sod, ms, off = 0;

	if (isalpha((unsigned char)s[0])) {	/* the day name */
		while (isalpha((unsigned char)*s))
			s++;
		if (*s == ',')
			s++;
		skip_spaces(&s);
	}
	if (one_or_two(&s, &d) < 0 || *s != ' ')
		return 1;
	skip_spaces(&s);
	for (int i = 0; i < 12 && mo == 0; i++)
		if (strncasecmp(s, months + 3 * i, 3) == 0 &&
		    !isalpha((unsigned char)s[3]))
			mo = i + 1;
	if (mo == 0)
		return 1;
	s += 3;
	skip_spaces(&s);
	if (digits(&s, 4, &y) < 0 || *s != ' ') {
		*why = "malformed year";
		return -1;
	}
	skip_spaces(&s);
	if (parse_clock(&s, &sod, &ms, why) < 0)
		return -1;
	skip_spaces(&s);
	int r = rfc2822_zone(&s, &off);
	if (r < 0) {
		*why = "malformed zone";
		return -1;
	}
	skip_spaces(&s);
	if (*s == '(') {			/* a comment: "(UTC)" */
		const char *close = strchr(s, ')');
		if (close == NULL) {
			*why = "unexpected text after the time";
			return -1;
		}
		s = close + 1;
		skip_spaces(&s);
	}
	if (*s != '\0') {
		*why = "unexpected text after the time";
		return -1;
	}
	if (valid_date(y, mo, d, why) < 0)
		return -1;
	return wall_to_instant(p, y, mo, d, sod, ms, r == 0, off, out, why);
}

/* "20.11.2026" with an optional " 04:12[:00]": local time. */
static int
parse_dotted(const struct ts_parser *p, const char *s, cs_time *out,
    const char **why)
{
	int d, mo, y, sod = 0, ms = 0;

	if (one_or_two(&s, &d) < 0 || *s++ != '.' || one_or_two(&s, &mo) < 0 ||
	    *s++ != '.' || digits(&s, 4, &y) < 0)
		return 1;
	if (*s == ' ') {
		s++;
		if (parse_clock(&s, &sod, &ms, why) < 0)
			return -1;
	}
	if (*s != '\0')
		return 1;
	if (valid_date(y, mo, d, why) < 0)
		return -1;
	return wall_to_instant(p, y, mo, d, sod, ms, 0, 0, out, why);
}

static int
parse_format(const struct ts_parser *p, const char *layout, const char *s,
    cs_time *out, const char **why)
{
	struct tm tm;
	const char *end;

	memset(&tm, 0, sizeof tm);
	tm.tm_mday = 1;
	end = strptime(s, layout, &tm);
	if (end == NULL || *end != '\0')
		return 1;
	if (tm.tm_year < -1900 || tm.tm_year > 9999 - 1900) {
		/* %s or %Y can read any year; ms would overflow */
		*why = "time out of range (years 0000 to 9999 UTC)";
		return -1;
	}
	int64_t wall = civil_days_from((int64_t)tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday) * 86400 + tm.tm_hour * 3600 +
	    tm.tm_min * 60 + tm.tm_sec, utc;
	if (strstr(layout, "%z") != NULL)
		utc = wall - tm.tm_gmtoff;
	else if (local_to_utc(p, wall, &utc, why) < 0)
		return -1;
	*out = utc * 1000;
	return 0;
}

int
ts_add_format(struct ts_parser *p, const char *layout)
{
	for (int i = 0; i < TS_MAX_FORMATS; i++) {
		if (p->time_format[i] == NULL) {
			p->time_format[i] = layout;
			p->time_format[i + 1] = NULL;
			return 0;
		}
	}
	return -1;
}

/*
 * The --time-format layouts in order: 0 when one reads s, -1 when one
 * matches but the time is not valid, 1 when none matches.
 */
static int
parse_formats(const struct ts_parser *p, const char *s, cs_time *out,
    const char **why)
{
	int r;

	for (int i = 0; i < TS_MAX_FORMATS && p->time_format[i] != NULL; i++)
		if ((r = parse_format(p, p->time_format[i], s, out, why)) <= 0)
			return r;
	return 1;
}

static int
parse_any(const struct ts_parser *p, const char *s, cs_time *out,
    const char **why)
{
	char tmp[128];
	size_t n;
	int r;

	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	if (n == 0 || n >= sizeof tmp) {
		*why = n ? "time too long" : "empty time";
		return -1;
	}
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	/* The forms no layout could mean otherwise first. */
	int iso = parse_iso(p, tmp, out, why);
	if (iso == 0)
		return 0;
	int rfc = iso > 0 ? parse_rfc2822(p, tmp, out, why) : 1;
	if (rfc == 0)
		return 0;
	int have_formats = p != NULL && p->time_format[0] != NULL;
	if (have_formats) {
		/* The user's layouts before DD.MM.YYYY (%m.%d.%Y is theirs
		 * to say) and before epoch numbers: under %Y%m%d,
		 * "20261120" is that day, not epoch seconds in 1970. */
		if ((r = parse_formats(p, tmp, out, why)) <= 0)
			return r;
	} else if (iso < 0 || rfc < 0)
		return -1;
	if ((r = parse_dotted(p, tmp, out, why)) <= 0)
		return r;
	if ((r = parse_epoch(tmp, out, why)) <= 0)
		return r;
	*why = have_formats ? "time does not match --time-format" :
	    "not a time (RFC 3339, epoch seconds, or give --time-format)";
	return -1;
}

static int
two_digits(const char *s)
{
	unsigned a = (unsigned)(s[0] - '0'), b = (unsigned)(s[1] - '0');

	return a <= 9 && b <= 9 ? (int)(a * 10 + b) : -1;
}

/*
 * 2026-11-20T03:12:00Z, the form cs-import writes and so nearly every
 * event's: read in place, without the general way's trimming and copying
 * (a third of what cs-kpi spent on an event's time).  0 and *out; 1 for
 * any other text, a date that does not exist or a leap second included,
 * which the general way reads or explains.
 */
static int
parse_utc_stamp(const char *s, cs_time *out)
{
	if (strnlen(s, 21) != 20 || s[4] != '-' || s[7] != '-' ||
	    s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
		return 1;
	int c = two_digits(s), y = two_digits(s + 2), mo = two_digits(s + 5),
	    d = two_digits(s + 8), h = two_digits(s + 11),
	    mi = two_digits(s + 14), sec = two_digits(s + 17);
	if ((c | y | d | h | mi | sec) < 0 || mo < 1 || mo > 12 || d < 1 ||
	    h > 23 || mi > 59 || sec > 59)
		return 1;
	y += c * 100;
	if (d > civil_days_in_month(y, mo))
		return 1;
	*out = (civil_days_from(y, mo, d) * 86400 + h * 3600 + mi * 60 +
	    sec) * 1000;
	return 0;
}

int
ts_parse(const struct ts_parser *p, const char *s, cs_time *out,
    const char **why)
{
	if (parse_utc_stamp(s, out) == 0)
		return in_range(*out, why);
	if (parse_any(p, s, out, why) < 0)
		return -1;
	return in_range(*out, why);
}

/* v (0 <= v < 10^n) as n decimal digits at p. */
static void
put_digits(char *p, int64_t v, int n)
{
	while (n-- > 0) {
		p[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

static void
format_at(cs_time t, int offset, struct buf *out)
{
	int64_t secs = civil_floor_div(t, 1000) + offset;
	int ms = (int)(t - civil_floor_div(t, 1000) * 1000);
	int64_t days = civil_floor_div(secs, 86400), y;
	int64_t sod = secs - days * 86400;
	int m, d;

	civil_from_days(days, &y, &m, &d);
	if (y < 0 || y > 9999) {
		buf_printf(out, "%04lld-%02d-%02dT%02d:%02d:%02d", (long long)y,
		    m, d, (int)(sod / 3600), (int)(sod / 60 % 60),
		    (int)(sod % 60));
		if (ms)
			buf_printf(out, ".%03d", ms);
		return;
	}
	/* Digits by hand: cs-import writes a time on every line, and printf
	 * was a sixth of its run. */
	char s[24] = "0000-00-00T00:00:00.000";
	put_digits(s, y, 4);
	put_digits(s + 5, m, 2);
	put_digits(s + 8, d, 2);
	put_digits(s + 11, sod / 3600, 2);
	put_digits(s + 14, sod / 60 % 60, 2);
	put_digits(s + 17, sod % 60, 2);
	put_digits(s + 20, ms, 3);
	buf_add(out, s, ms ? 23 : 19);
}

void
ts_format_utc(cs_time t, struct buf *out)
{
	format_at(t, 0, out);
	buf_addc(out, 'Z');
}

void
ts_format_offset(cs_time t, int offset, struct buf *out)
{
	char s[7] = "+00:00";
	int a;

	/* RFC 3339 offsets are whole minutes; an old local mean time is
	 * not (Berlin's was +00:53:28).  Round it, and write the wall time
	 * at the rounded offset, so that the stamp still names instant t. */
	a = (offset < 0 ? -offset : offset) + 30;
	a -= a % 60;
	offset = offset < 0 ? -a : a;
	format_at(t, offset, out);
	if (a / 3600 > 99) {
		buf_printf(out, "%c%02d:%02d", offset < 0 ? '-' : '+',
		    a / 3600, a / 60 % 60);
		return;
	}
	s[0] = offset < 0 ? '-' : '+';
	put_digits(s + 1, a / 3600, 2);
	put_digits(s + 4, a / 60 % 60, 2);
	buf_add(out, s, 6);
}

/* The unit a duration's number is followed by: its length in bytes and
 * its number in units[], or 0.  Longer spellings first ("min" before "m",
 * "ms" is no unit: a millisecond is finer than any figure needs). */
static size_t
dur_unit(const char *s, int *u)
{
	static const struct { const char *name; int unit; } names[] = {
		{ "weeks", 0 }, { "week", 0 }, { "w", 0 },
		{ "days", 1 }, { "day", 1 }, { "d", 1 },
		{ "hours", 2 }, { "hour", 2 }, { "hrs", 2 }, { "hr", 2 },
		{ "h", 2 },
		{ "minutes", 3 }, { "minute", 3 }, { "mins", 3 }, { "min", 3 },
		{ "m", 3 },
		{ "seconds", 4 }, { "second", 4 }, { "secs", 4 }, { "sec", 4 },
		{ "s", 4 },
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t n = strlen(names[i].name);
		if (strncasecmp(s, names[i].name, n) == 0 &&
		    !isalpha((unsigned char)s[n])) {
			*u = names[i].unit;
			return n;
		}
	}
	return 0;
}

int
dur_parse(const char *s, double *seconds)
{
	static const double unit_secs[] = { 604800, 86400, 3600, 60, 1 };
	double total = 0;
	int next_unit = 0, any = 0, u;
	size_t n;
	char *end;

	while (*s) {
		if (!isdigit((unsigned char)*s) && *s != '.')
			return -1;
		double v = strtod(s, &end);
		if (end == s || !isfinite(v))
			return -1;
		s = end;
		any = 1;
		if (*s == '\0') {
			/* A bare trailing number is seconds ("90", or the
			 * "1m30" of a sloppy hand). */
			total += v;
			break;
		}
		if ((n = dur_unit(s, &u)) == 0 || u < next_unit)
			return -1;	/* unknown unit, or units out of order */
		total += v * unit_secs[u];
		next_unit = u + 1;
		s += n;
	}
	if (!any)
		return -1;
	*seconds = total;
	return 0;
}

void
dur_format(double seconds, struct buf *out)
{
	if (!isfinite(seconds)) {
		buf_adds(out, "-");
		return;
	}
	if (seconds < 0) {
		buf_addc(out, '-');
		seconds = -seconds;
	}
	long long s = llround(seconds);
	if (s < 60) {
		buf_printf(out, "%llds", s);
		return;
	}
	if (s < 3600) {
		buf_printf(out, "%lldm%02llds", s / 60, s % 60);
		return;
	}
	long long mins = llround(seconds / 60);
	if (mins < 24 * 60) {
		buf_printf(out, "%lldh%02lldm", mins / 60, mins % 60);
		return;
	}
	long long hours = llround(seconds / 3600);
	buf_printf(out, "%lldd%02lldh", hours / 24, hours % 24);
}
