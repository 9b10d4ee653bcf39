/*
 * guard — what makes a report safe to run from cron, in cs-kpi and
 * cs-report alike: a night with no data, or stale data, must not pass as a
 * night of good figures.
 *
 * Owns nothing; messages go to standard error through the caller's diag.
 *   - A --check on a metric with no data (null) fails with "no data": on
 *     the total always; on a group row it is skipped (a group with nothing
 *     to measure is no group to judge).
 *   - Nothing in the period (no conversation, message, rating or order) is
 *     an error the caller reports with guard_empty_message ("no
 *     conversations between … and …; the latest event is …") and exit 65,
 *     unless the user allowed an empty report.
 *   - The newest event older than the period's start is warned about: the
 *     export feeding the job has stopped.
 * Instants are written in RFC 3339 with the offset of the report's zone.
 */
#ifndef CSKIT_GUARD_H
#define CSKIT_GUARD_H

#include "buf.h"
#include "check.h"
#include "diag.h"
#include "kpi.h"

struct tz_zone;

/*
 * The --check expressions of a run, parsed against k's metrics: an array of
 * n (plus one zeroed) the caller frees.  A bad one is a usage error (exit
 * 64) that names the option a metric needs ("… needs --sla") or the metric
 * meant ("did you mean …"), else the parser's reason.
 */
struct check *guard_checks_parse(const struct diag *, struct kpi *,
	    char *const *exprs, int n);
/* Nothing at all counted in the kpi's total row. */
int	guard_kpi_empty(struct kpi *);
/* "no WHAT between A and B; the latest event is C" (or "…in the input",
 * "…since A", "…before B"; "there are no events" when latest is NONE). */
void	guard_empty_message(const char *what, cs_time since, cs_time until,
	    cs_time latest, const struct tz_zone *, struct buf *out);
/*
 * Nothing in the period: the guard_empty_message of WHAT on standard
 * error; CS_EXIT_DATAERR (65) with "no report" unless allow_empty, then 0.
 */
int	guard_empty(const struct diag *, const char *what, cs_time since,
	    cs_time until, cs_time latest, const struct tz_zone *,
	    int allow_empty);
/* The warning when conversations had messages folded out of order. */
void	guard_reordered(const struct diag *, struct kpi *);
/* The warning when latest is before since (nothing when since is NONE). */
void	guard_stale(const struct diag *, cs_time since, cs_time latest,
	    const struct tz_zone *);
/*
 * Every check on every row (all_rows) or on the total only: each failure
 * on standard error, "PROG: check EXPR failed for LABEL: METRIC is VALUE"
 * or "… failed for total: no data".  1 when any failed.
 */
int	guard_checks(const struct diag *, struct kpi *, const struct check *,
	    int n, int all_rows);

#endif
