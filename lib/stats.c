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

double
stats_quantile(struct stats *s, double p)
{
	if (s->n == 0)
		return NAN;
	if (!s->sorted) {
		qsort(s->v, s->n, sizeof *s->v, cmp_double);
		s->sorted = 1;
	}
	double h = (double)(s->n - 1) * p;
	size_t lo = (size_t)floor(h);
	if (lo + 1 >= s->n)
		return s->v[s->n - 1];
	return s->v[lo] + (h - (double)lo) * (s->v[lo + 1] - s->v[lo]);
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
