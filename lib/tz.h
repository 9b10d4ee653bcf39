/*
 * tz — time zones from the system's tz database.
 *
 * Owns: struct tz_db, a cache of zones read from TZif files (version 2+
 * 64-bit data, and the POSIX TZ footer for instants past the table) and the
 * country → zone table from zone1970.tab / zone.tab.  Zones are read once,
 * on first use, and live as long as the db; the tz_zone pointers handed out
 * stay valid until tzdb_close().  One db per process, made in main.
 *
 * The database directory is $TZDIR when set, else /usr/share/zoneinfo.
 */
#ifndef CSKIT_TZ_H
#define CSKIT_TZ_H

#include <stdint.h>

struct tz_db;
struct tz_zone;

struct tz_db	*tzdb_open(const char *dir);	/* NULL dir: $TZDIR or default */
void		 tzdb_close(struct tz_db *);

/*
 * A zone by IANA name ("Europe/Berlin", "UTC"), or a fixed offset as exports
 * write it ("UTC+8", "GMT-03:00", "+05:30": east positive, as in RFC 3339,
 * unlike the POSIX-signed Etc/GMT+5 files); NULL when unknown.
 */
const struct tz_zone *tzdb_zone(struct tz_db *, const char *name);
/*
 * The zone for an ISO 3166-1 alpha-2 country ("DE", case-insensitive): an
 * override set with tzdb_set_country_zone, else the first zone the tab file
 * lists for it (the tab files list the most populous first).  NULL if none.
 */
const char	*tzdb_country_zone(struct tz_db *, const char *cc);
int		 tzdb_set_country_zone(struct tz_db *, const char *cc,
		    const char *zone);

/*
 * The database's own spelling of a zone or link name given in another
 * case ("asia/shanghai" → "Asia/Shanghai"), or NULL; tzdb_zone uses it, so
 * zone names are matched without regard to case.
 */
const char	*tzdb_name_nocase(struct tz_db *, const char *name);
/* For a name that is no zone: the closest zone name, or a zone of that
 * city ("shanghai" → "Asia/Shanghai"); NULL when nothing is close. */
const char	*tzdb_suggest(struct tz_db *, const char *name);

const char	*tz_name(const struct tz_zone *);

/* Offset from UTC (seconds east) in force at utc_sec; abbreviation and
 * DST flag through the pointers when non-NULL. */
int	tz_offset_at(const struct tz_zone *, int64_t utc_sec, int *is_dst,
	    const char **abbr);

/*
 * Local wall-clock seconds (as if UTC) → UTC seconds.  For a local time
 * that happens twice (the hour repeated when clocks go back) the earlier
 * instant is taken; for one that never happens (the hour skipped when clocks
 * go forward) the wall time is read with the offset in force before the gap,
 * which lands after the gap, as a person would set a clock.  Returns 0 for an
 * ordinary time, 1 for a repeated one, 2 for a skipped one.
 */
int	tz_local_to_utc(const struct tz_zone *, int64_t local_sec,
	    int64_t *utc_sec);

/*
 * The first instant at which the wall clock shows local_sec or later: for
 * an ordinary or repeated time the same instant as tz_local_to_utc (the
 * earlier one), for a skipped time the instant of the jump over it.  The
 * rule calendar windows open and close by.
 */
int64_t	tz_local_boundary(const struct tz_zone *, int64_t local_sec);

/* The next instant after utc_sec at which the offset may change (the end
 * of the span tz_offset_at's answer holds for); INT64-large when never. */
int64_t	tz_next_change(const struct tz_zone *, int64_t utc_sec);

#endif
