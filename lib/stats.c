#include <math.h>
#include <stdlib.h>

#include "buf.h"
#include "stats.h"

void
stats_add(struct stats *s, double x)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 2;
		s->v = xrealloc(s->v, sizeof *s->v * s->cap);
	}
	if (s->n == 0 || x > s->max)
		s->max = x;
	if (s->n > 0 && x < s->v[s->n - 1])
		s->sorted = 0;
	s->v[s->n++] = x;
	s->sum += x;
}

void
stats_add_all(struct stats *s, const struct stats *from)
{
	for (size_t i = 0; i < from->n; i++)
		stats_add(s, from->v[i]);
}

size_t
stats_count(const struct stats *s)
{
	return s->n;
}

double
stats_mean(const struct stats *s)
{
	return s->n ? s->sum / (double)s->n : NAN;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void
swap_at(double *v, size_t a, size_t b)
{
	double t = v[a];

	v[a] = v[b];
	v[b] = t;
}

/*
 * Move the k-th smallest of v[0..n) to v[k], the others no larger before
 * it and no smaller after it (quickselect, pivot the median of three).  A
 * quantile needs two order statistics, not a sorted array: this is linear
 * where the sort was n log n, and the sort was a tenth of what cs-kpi
 * spent.  A range that keeps not shrinking (a pattern that defeats the
 * median of three) is sorted instead, so the worst case stays n log n.
 */
static void
select_kth(double *v, size_t n, size_t k)
{
	size_t lo = 0, hi = n - 1;
	int budget = 8;

	for (size_t m = n; m > 1; m >>= 1)
		budget += 2;
	while (hi > lo) {
		if (hi - lo < 16 || budget-- == 0) {
			qsort(v + lo, hi - lo + 1, sizeof *v, cmp_double);
			return;
		}
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] < v[lo])
			swap_at(v, mid, lo);
		if (v[hi] < v[lo])
			swap_at(v, hi, lo);
		if (v[hi] < v[mid])
			swap_at(v, hi, mid);
		/* Hoare's partition: v[lo] <= pivot <= v[hi] keeps both scans
		 * inside the range and the split j in [lo, hi). */
		double pivot = v[mid];
		size_t i = lo, j = hi;
		for (;;) {
			while (v[i] < pivot)
				i++;
			while (v[j] > pivot)
				j--;
			if (i >= j)
				break;
			swap_at(v, i++, j--);
		}
		if (k <= j)
			hi = j;
		else
			lo = j + 1;
	}
}

double
stats_quantile(struct stats *s, double p)
{
	if (s->n == 0)
		return NAN;
	double h = (double)(s->n - 1) * p;
	size_t lo = (size_t)floor(h);
	if (lo + 1 >= s->n)
		return s->max;
	if (s->sorted)
		return s->v[lo] + (h - (double)lo) * (s->v[lo + 1] - s->v[lo]);
	select_kth(s->v, s->n, lo);
	/* the next order statistic: the least of those after it */
	double next = s->v[lo + 1];
	for (size_t i = lo + 2; i < s->n; i++)
		if (s->v[i] < next)
			next = s->v[i];
	return s->v[lo] + (h - (double)lo) * (next - s->v[lo]);
}

double
stats_max(const struct stats *s)
{
	return s->n ? s->max : NAN;
}

void
stats_free(struct stats *s)
{
	free(s->v);
	*s = (struct stats)STATS_INIT;
}
