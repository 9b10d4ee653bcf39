/*
 * coverage — customer messages by hour of the week against the agents on
 * shift: the logic of `cs-tzsched coverage`.
 *
 * Owns: struct coverage — the roster (one calendar per agent, in the
 * agent's own zone), 168 hour-of-week counters in the team's zone and the
 * totals.  Memory is the roster plus a fixed table, whatever the input size.
 *
 * A message is covered when at least one agent is on shift at its instant
 * (exactly, per agent calendar, DST included); an uncovered one waits until
 * the first agent comes on shift.  The `agents` column of an hour counts
 * the agents on shift at the middle of that hour in the reference week (the
 * week of the latest message, or the one set with coverage_set_week).
 *
 * Roster file: CSV with a header row naming (at least) agent, zone, days,
 * hours; days and hours as in calendar.h (`Mon-Fri`, `09:00-18:00` or
 * `"09:00-12:00,13:00-18:00"`).  Several rows for one agent add up.
 */
#ifndef CSKIT_COVERAGE_H
#define CSKIT_COVERAGE_H

#include "buf.h"
#include "diag.h"
#include "evwrite.h"
#include "ts.h"

struct cal;
struct tz_db;
struct tz_zone;
struct coverage;

struct coverage	*coverage_new(const struct tz_zone *team);
void		 coverage_free(struct coverage *);

/* Add shift windows for an agent; -1 and the reason on a bad spec or a
 * zone that disagrees with the agent's earlier rows. */
int		 coverage_add_shift(struct coverage *, const char *agent,
		    const struct tz_zone *zone, const char *days,
		    const char *hours, struct buf *why);
/* Close every agent's days listed in a holidays file (the team's). */
int		 coverage_load_holidays(struct coverage *, const char *path,
		    struct buf *why);
/*
 * Read a roster file.  0; -1 with "FILE:LINE: reason" in *why on a bad row
 * (bad lines the reader finds are diagnosed through d); -2 when the file
 * cannot be opened (the reader has said so).
 */
int		 coverage_load_roster(struct coverage *, struct tz_db *,
		    const char *path, struct diag *d, struct buf *why);
int		 coverage_agents(const struct coverage *);

/* The reference week: the one containing local day `day` (team zone). */
void		 coverage_set_week(struct coverage *, int64_t day);

void		 coverage_add_message(struct coverage *, cs_time t);
void		 coverage_reject(struct coverage *);

/*
 * The report: one row per hour of the week (team zone) that has uncovered
 * messages or nobody on shift (every hour with `all`), then the total row.
 * Columns: day hour total messages uncovered uncovered_share agents
 * wait_mean wait_max rejected (the last in the total row only).
 */
void		 coverage_report(struct coverage *, struct ev_writer *,
		    int all);
/*
 * Up to n shifts of `hours` (1..23) hours on `days` (1..7) consecutive
 * days that cover the most uncovered messages, chosen greedily among
 * shifts in the team's zone and in each of zones (their hours as that
 * zone's clock shows them, in the reference week; a zone a half hour off
 * the team's counts from the team hour the shift starts in).  Rows:
 * suggest zone days hours covers covers_share.
 */
void		 coverage_suggest(struct coverage *, int n, int hours,
		    int days, const struct tz_zone *const *zones, int nzones,
		    struct ev_writer *);
/* Agents on shift at the middle of each hour of the reference week (0 =
 * Monday 00:00-01:00, in the team zone), into agents[0..167]. */
void		 coverage_shift_counts(struct coverage *, int agents[168]);
/* The week as text: a 7 × 24 grid of message density, nobody-on-shift marks. */
void		 coverage_heatmap(struct coverage *, struct buf *out);
/*
 * The same grid as rows, one a day: with marks (markdown) the two marks of
 * each hour in columns 00..23; else the hours' messages, uncovered messages
 * and agents on shift as arrays; then the day's messages and uncovered.
 */
void		 coverage_heatmap_rows(struct coverage *, struct ev_writer *,
		    int marks);

#endif
