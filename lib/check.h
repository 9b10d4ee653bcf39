/*
 * check — the threshold expressions of `cs-kpi --check`, for cron jobs.
 *
 * Owns: struct check, one parsed expression `METRIC OP VALUE`:
 *   OP     <=  <  >=  >  ==  !=
 *   VALUE  a duration for a time metric ("30m", "1h30m", "90" = seconds, as
 *          dur_parse reads it), else a number ("4.5", "12"), or a share
 *          written as a percentage ("90%" = 0.9).
 * Spaces around the operator are allowed.  Which names are metrics, and
 * which of them are durations, the caller says through a lookup function,
 * so the parser knows nothing of the KPI engine.
 */
#ifndef CSKIT_CHECK_H
#define CSKIT_CHECK_H

#include "buf.h"

enum check_op { CHECK_LE, CHECK_LT, CHECK_GE, CHECK_GT, CHECK_EQ, CHECK_NE };

struct check {
	const char	*text;		/* the expression as given (borrowed) */
	int		 metric;	/* the lookup's number for the metric */
	enum check_op	 op;
	double		 value;
	int		 is_duration;
};

/* The number of a metric name, or -1; *is_duration set for time metrics. */
typedef int (*check_lookup)(void *ctx, const char *name, int *is_duration);

/*
 * Parse expr into c; 0, or -1 with the reason in *why (an unknown metric,
 * a missing operator, a value that is not a number or duration).
 */
int	check_parse(struct check *c, const char *expr, check_lookup lookup,
	    void *ctx, struct buf *why);
/* Does the threshold hold for the measured value v? */
int	check_holds(const struct check *c, double v);
const char *check_op_text(enum check_op);

#endif
