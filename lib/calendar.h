/*
 * calendar — a team's business hours: weekly windows in the team's zone,
 * minus holidays, as instants.  Shared by cs-tzsched and cs-kpi.
 *
 * Owns: struct cal (the windows of each weekday, the sorted holiday list and
 * a borrowed zone, which must outlive it — zones live as long as the tz_db).
 *
 * Hours spec (--hours): clauses separated by ';', each `DAYS WINDOWS`:
 *   DAYS     Mon,Wed  Mon-Fri  Fri-Mon (wraps)  daily  weekdays  weekends
 *            (names: Mon…Sun or Monday…Sunday, any case); a clause of
 *            windows alone is every day
 *  *   WINDOWS  09:00-12:00,13:30-18:00   (HH:MM or HH:MM:SS; an end of 24:00
 *            is midnight at the end of the day; an end at or before the
 *            start crosses midnight into the next day: 22:00-06:00 is a
 *            night shift, 22:00-22:00 a 24-hour one)
 *   e.g. 'Mon-Fri 09:00-12:00,13:30-18:00; Sat 10:00-14:00'
 * Clauses add up: windows that overlap or touch are merged.
 *
 * Holidays file (--holidays): one date or range a line, `YYYY-MM-DD` or
 * `YYYY-MM-DD..YYYY-MM-DD` (inclusive), then optional text; `#` starts a
 * comment; blank lines are ignored.
 *
 * Rules, so that every instant has one answer across DST changes:
 *   - A window belongs to the day on which it starts; a holiday closes the
 *     windows that start on that date (in the team's zone), so a night shift
 *     starting the evening before a holiday still runs into it.
 *   - A window opens at the first instant at which the team's wall clock
 *     shows its start time or later, and closes likewise at its end time.
 *     So a boundary inside a repeated hour (clocks going back) is taken at
 *     its first occurrence, and a boundary inside a skipped hour (clocks
 *     going forward) at the instant of the jump: a Berlin window 02:30-05:00
 *     on 2026-03-29 is open from 03:00 CEST (01:00Z) to 05:00 CEST, and
 *     00:00-06:00 on 2026-10-25 lasts 7 real hours.
 *
 * Instants are cs_time (ms).  Searches walk day by day in the team's zone
 * (a few zone look-ups a day), never minute by minute; they give up after
 * CAL_HORIZON_DAYS without an open window and answer CS_TIME_NONE, as they
 * do for an instant past CS_TIME_LAST (year 9999).  Business time does not
 * walk: it is counted per change of the zone's offset, from the open time
 * of a week and of the days next to holidays, and a calendar keeps a table
 * of the open time of each year 0000-9999 (80 KB, made on the first span of
 * over two years), so any span costs a few microseconds.
 */
#ifndef CSKIT_CALENDAR_H
#define CSKIT_CALENDAR_H

#include <stdint.h>
#include "buf.h"
#include "ts.h"

struct tz_db;
struct tz_zone;
struct cal;

#define CAL_HORIZON_DAYS	(366 * 4)

/* An empty calendar (never open) in `zone`. */
struct cal	*cal_new(const struct tz_zone *zone);
void		 cal_free(struct cal *);
/* Add the windows of an hours spec; -1 and a reason in *why on error. */
int		 cal_add_hours(struct cal *, const char *spec, struct buf *why);
/* Close the days first..last (day numbers as civil_days_from). */
void		 cal_add_holidays(struct cal *, int64_t first_day,
		    int64_t last_day);
/*
 * The name of the first holiday (the text after its dates in the holidays
 * file) that closes a day from the one of instant `from` to the one of
 * `to` (team zone); NULL when none does or none is named.
 */
const char	*cal_holiday_name(const struct cal *, cs_time from, cs_time to);
/* Read a holidays file; -1 and "FILE:LINE: reason" (or errno text) in *why. */
int		 cal_load_holidays(struct cal *, const char *path,
		    struct buf *why);

/*
 * The calendar of the options --hours SPEC --team-tz ZONE --holidays FILE
 * (holidays may be NULL).  NULL with the reason in *why on a bad spec, an
 * unknown zone or an unreadable holidays file.
 */
struct cal	*cal_from_options(struct tz_db *, const char *hours,
		    const char *team_tz, const char *holidays,
		    struct buf *why);

const struct tz_zone *cal_zone(const struct cal *);
/* Has the calendar any window at all? */
int		 cal_has_hours(const struct cal *);

int		 cal_is_open(const struct cal *, cs_time t);
/* The first instant >= t at which the team is open (t when open). */
cs_time		 cal_next_open(const struct cal *, cs_time t);
/* The first instant >= t at which the team is closed (t when closed;
 * CS_TIME_NONE when it stays open past the horizon). */
cs_time		 cal_next_close(const struct cal *, cs_time t);
/*
 * The open or closed stretch around the last instant a caller asked about.
 * A stream loop asks about nearly the same instant event after event; one
 * look at the stretch answers those without expanding days and zones again.
 * Zeroed to start; it belongs to the caller and refers to one calendar.
 */
struct cal_stretch {
	const struct cal *cal;		/* NULL: nothing remembered */
	cs_time		 from, to;	/* [from, to) */
	int		 open;
};
/* cal_is_open, and *next_open as cal_next_open gives it, through *st. */
int		 cal_is_open_at(const struct cal *, struct cal_stretch *,
		    cs_time t, cs_time *next_open);
/* Open time in [from, to), in seconds (ms precision); 0 when to <= from. */
double		 cal_business_seconds(const struct cal *, cs_time from,
		    cs_time to);
/*
 * The instant at which `seconds` of open time have passed since `from`
 * (from itself for 0 when open; the next opening for 0 when closed);
 * CS_TIME_NONE when that is more than CAL_HORIZON_DAYS away.
 */
cs_time		 cal_add_business(const struct cal *, cs_time from,
		    double seconds);

/*
 * The open intervals one by one, in order, merged: cal_iter_start(), then
 * cal_iter_next() gives [*open, *close) for every interval that ends after t
 * (the first may have started before t).  0 when none is left within the
 * horizon.  An interval longer than a week (a round-the-clock calendar)
 * comes as touching pieces of about a week.  For reports that need the
 * intervals themselves.
 */
struct cal_iter {
	const struct cal *cal;
	int64_t		 day;		/* local day being expanded */
	int		 win;		/* next window of that day */
	int64_t		 limit;		/* last day to look at */
	cs_time		 pend_open, pend_close;	/* interval being merged */
	int		 have_pend;
	cs_time		 after;
};
void		 cal_iter_start(struct cal_iter *, const struct cal *,
		    cs_time t);
int		 cal_iter_next(struct cal_iter *, cs_time *open,
		    cs_time *close);

#endif
