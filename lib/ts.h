/*
 * ts — instants and durations: parsing what exports contain, printing
 * RFC 3339 and the short duration form of reports.
 *
 * An instant is `cs_time`, milliseconds since 1970-01-01T00:00:00Z (UTC,
 * leap seconds ignored as POSIX does).  Milliseconds because exports carry
 * them and nothing finer matters for customer service; int64 covers years
 * 0 to 9999 and far beyond.  Durations are seconds as double where they are
 * statistics, and whole seconds (int64) where they are options.
 *
 * Owns nothing but struct ts_parser, which a tool fills once from its
 * options (--input-tz, --time-format) and passes to every parse.
 */
#ifndef CSKIT_TS_H
#define CSKIT_TS_H

#include <stddef.h>
#include <stdint.h>
#include "buf.h"

typedef int64_t cs_time;	/* ms since the epoch, UTC */

#define CS_TIME_NONE INT64_MIN	/* "no instant" */
/* The instants the tools read and write: years 0000 to 9999 in UTC, what
 * RFC 3339 can spell (a stamp past them could not be read back). */
#define CS_TIME_FIRST	(-62167219200000LL)	/* 0000-01-01T00:00:00Z */
#define CS_TIME_LAST	(253402300799999LL)	/* 9999-12-31T23:59:59.999Z */

struct tz_zone;

#define TS_MAX_FORMATS	8	/* --time-format layouts, at most */

struct ts_parser {
	/* Zone for stamps without an offset ("2026-11-20 03:12:00"); NULL
	 * makes such stamps an error, since guessing UTC silently is wrong. */
	const struct tz_zone	*input_zone;
	/* strptime(3) layouts tried in order when the stamp is none of the
	 * built-in forms; the list ends at the first NULL.  Borrowed. */
	const char		*time_format[TS_MAX_FORMATS + 1];
};

/* Add a layout after the others; -1 when TS_MAX_FORMATS are there. */
int	ts_add_format(struct ts_parser *, const char *layout);

/*
 * Parse a timestamp string.  The built-in forms:
 *
 *   RFC 3339 / ISO 8601 with `T` or a space, `Z` or `±hh:mm` / `±hhmm` /
 *   `±hh`, fractional seconds of any length (kept to the millisecond);
 *   the offset may follow a space, and may be `UTC` or `GMT`
 *   (2026-11-02 09:15:00 +0100, the Rails and Shopify form;
 *   2026-11-20 03:12:00 UTC); `/` may stand for `-` in the date
 *   (2026/11/20 03:12);
 *   RFC 2822 (Fri, 20 Nov 2026 03:12:00 +0000, the day name optional,
 *   seconds optional, UT/GMT/Z and the US zone names, a comment after);
 *   DD.MM.YYYY with an optional HH:MM[:SS] (20.11.2026 04:12).
 *
 * A form without an offset is read in p->input_zone.  Then the
 * p->time_format layouts in order (so "20261120" under %Y%m%d is a date);
 * then a bare number as epoch seconds, or milliseconds when it has 13 or
 * more digits.  Returns 0, or -1 with a short reason in *why (static text).
 */
int	ts_parse(const struct ts_parser *p, const char *s, cs_time *out,
	    const char **why);
/* A JSON number: epoch seconds, or ms when >= 1e11 (a year past 5138 in s). */
int	ts_from_number(double v, cs_time *out, const char **why);

/* RFC 3339 in UTC with `Z`; milliseconds only when not zero. */
void	ts_format_utc(cs_time t, struct buf *out);
/* RFC 3339 at a fixed offset (seconds east of UTC), e.g. +09:00. */
void	ts_format_offset(cs_time t, int offset_sec, struct buf *out);

/*
 * Durations: "90s", "30m", "30min", "1h30m", "1hour30mins", "2d",
 * "1w", "1.5h", a bare number of seconds; units w d h m s, also spelt
 * week(s) day(s) hour(s) hr(s) min(s) minute(s) sec(s) second(s) in any
 * case, combined largest first.  Returns 0 and the seconds, or -1.
 */
int	dur_parse(const char *s, double *seconds);
/*
 * The report form: "45s", "12m30s", "1h02m", "3d04h"; two units at most,
 * rounded to the smaller; negative values get a "-".
 */
void	dur_format(double seconds, struct buf *out);

#endif
