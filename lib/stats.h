/*
 * stats — summary statistics of a set of numbers: count, mean, percentiles
 * and maximum.
 *
 * Owns: the growable array of the values.  Exact percentiles need every
 * value, so a report keeps one struct stats per group and per figure (that
 * is the report's open state).  Percentiles are R's type 7, numpy's default:
 * for the sorted x[0..n-1] and p in [0, 1], h = (n-1)p and the answer is
 * x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
 */
#ifndef CSKIT_STATS_H
#define CSKIT_STATS_H

#include <stddef.h>

struct stats {
	double	*v;
	size_t	 n, cap;
	double	 sum;
	double	 max;
	int	 sorted;
};

#define STATS_INIT { NULL, 0, 0, 0, 0, 1 }

void	stats_add(struct stats *, double);
/* Add every value of another set (which is left as it was). */
void	stats_add_all(struct stats *, const struct stats *);
size_t	stats_count(const struct stats *);
/* mean, quantile and max of an empty set are NaN. */
double	stats_mean(const struct stats *);
/* p in [0, 1]; reorders the values (a selection, not a sort). */
double	stats_quantile(struct stats *, double p);
double	stats_max(const struct stats *);
void	stats_free(struct stats *);

#endif
