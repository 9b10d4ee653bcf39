/*
 * lib/stats, lib/check and lib/hmap: the small modules under cs-kpi.
 * Expected values worked out by hand (numpy.percentile agrees).
 */
#include "unit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "hmap.h"
#include "stats.h"

static void
test_quantiles(void **state)
{
	struct stats s = STATS_INIT;

	(void)state;
	/* Added out of order: 4 1 3 2 → sorted 1 2 3 4. */
	stats_add(&s, 4);
	stats_add(&s, 1);
	stats_add(&s, 3);
	stats_add(&s, 2);
	assert_int_equal(stats_count(&s), 4);
	assert_float_equal(stats_mean(&s), 2.5, 1e-12);
	/* h = 3 * 0.5 = 1.5: x[1] + 0.5 (x[2] - x[1]) = 2.5 */
	assert_float_equal(stats_quantile(&s, 0.5), 2.5, 1e-12);
	/* h = 3 * 0.9 = 2.7: 3 + 0.7 * 1 = 3.7 */
	assert_float_equal(stats_quantile(&s, 0.9), 3.7, 1e-12);
	assert_float_equal(stats_quantile(&s, 0), 1, 1e-12);
	assert_float_equal(stats_quantile(&s, 1), 4, 1e-12);
	assert_float_equal(stats_max(&s), 4, 0);
	/* Adding after a sort sorts again. */
	stats_add(&s, 0);
	assert_float_equal(stats_quantile(&s, 0.5), 2, 1e-12);
	stats_free(&s);
}

static int
cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/*
 * Quantiles by selection equal R type 7 on the sorted values, for sets
 * random, with many ties, sorted, reversed, all equal, organ-pipe shaped,
 * of sizes around the sort cut-off; p50 then p90 then p50 again on the
 * same (reordered) set.
 */
static void
test_quantiles_as_sorted(void **state)
{
	static const double ps[] = { 0.5, 0.9, 0.5, 0, 1, 0.25, 0.999 };
	unsigned seed = 12345;

	(void)state;
	for (int shape = 0; shape < 6; shape++)
	for (size_t n = 1; n < 3000; n = n < 40 ? n + 1 : n * 3) {
		struct stats s = STATS_INIT;
		double *ref = malloc(n * sizeof *ref);
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			double x = shape == 0 ? (seed >> 8) % 100000 / 7.0 :
			    shape == 1 ? (double)((seed >> 8) % 5) :
			    shape == 2 ? (double)i : shape == 3 ? (double)(n - i) :
			    shape == 4 ? 42.0 :
			    (double)(i < n / 2 ? i : n - i);
			stats_add(&s, x);
			ref[i] = x;
		}
		qsort(ref, n, sizeof *ref, cmp_d);
		for (size_t k = 0; k < sizeof ps / sizeof *ps; k++) {
			double h = (double)(n - 1) * ps[k];
			size_t lo = (size_t)floor(h);
			double want = lo + 1 >= n ? ref[n - 1] :
			    ref[lo] + (h - (double)lo) * (ref[lo + 1] - ref[lo]);
			double got = stats_quantile(&s, ps[k]);
			if (got != want)
				fail_msg("shape %d n %zu p %g: %.17g, want %.17g",
				    shape, n, ps[k], got, want);
		}
		free(ref);
		stats_free(&s);
	}
}

static void
test_one_and_none(void **state)
{
	struct stats s = STATS_INIT, t = STATS_INIT;

	(void)state;
	assert_true(isnan(stats_mean(&s)));
	assert_true(isnan(stats_quantile(&s, 0.5)));
	assert_true(isnan(stats_max(&s)));
	stats_add(&s, 600);
	assert_float_equal(stats_quantile(&s, 0.9), 600, 0);
	assert_float_equal(stats_max(&s), 600, 0);
	/* 600 and 1800 and 3600: p90 h = 1.8 → 1800 + 0.8 * 1800 = 3240 */
	stats_add(&t, 3600);
	stats_add(&t, 1800);
	stats_add_all(&t, &s);
	assert_float_equal(stats_quantile(&t, 0.9), 3240, 1e-9);
	assert_float_equal(stats_mean(&t), 2000, 1e-9);
	stats_free(&s);
	stats_free(&t);
}

static int
lookup(void *ctx, const char *name, int *is_duration)
{
	static const char *const names[] = { "frt_p50", "csat", "sla_share" };

	(void)ctx;
	for (int i = 0; i < 3; i++)
		if (strcmp(name, names[i]) == 0) {
			*is_duration = i == 0;
			return i;
		}
	return -1;
}

static void
test_check_parse(void **state)
{
	struct check c;
	struct buf why = BUF_INIT;

	(void)state;
	assert_int_equal(check_parse(&c, "frt_p50<=30m", lookup, NULL, &why),
	    0);
	assert_int_equal(c.metric, 0);
	assert_int_equal(c.op, CHECK_LE);
	assert_float_equal(c.value, 1800, 0);
	assert_true(check_holds(&c, 1800));
	assert_false(check_holds(&c, 1800.5));
	assert_int_equal(check_parse(&c, " csat >= 4.5 ", lookup, NULL, &why),
	    0);
	assert_int_equal(c.op, CHECK_GE);
	assert_float_equal(c.value, 4.5, 0);
	assert_false(check_holds(&c, 4.49));
	assert_int_equal(check_parse(&c, "sla_share>90%", lookup, NULL, &why),
	    0);
	assert_int_equal(c.op, CHECK_GT);
	assert_float_equal(c.value, 0.9, 1e-12);
	assert_int_equal(check_parse(&c, "csat!=3", lookup, NULL, &why), 0);
	assert_int_equal(c.op, CHECK_NE);
	assert_int_equal(check_parse(&c, "csat==3", lookup, NULL, &why), 0);
	assert_true(check_holds(&c, 3));
	assert_int_equal(check_parse(&c, "csat<3", lookup, NULL, &why), 0);
	assert_int_equal(c.op, CHECK_LT);
	assert_int_equal(check_parse(&c, "frt_p50 < 90", lookup, NULL, &why),
	    0);
	assert_float_equal(c.value, 90, 0);
	buf_free(&why);
}

static void
test_check_errors(void **state)
{
	struct check c;
	struct buf why = BUF_INIT;

	(void)state;
	assert_int_equal(check_parse(&c, "frt_median<=30m", lookup, NULL,
	    &why), -1);
	assert_non_null(strstr(buf_str(&why), "unknown metric 'frt_median'"));
	buf_reset(&why);
	assert_int_equal(check_parse(&c, "csat 4.5", lookup, NULL, &why), -1);
	assert_non_null(strstr(buf_str(&why), "no operator"));
	assert_int_equal(check_parse(&c, "frt_p50<=soon", lookup, NULL, &why),
	    -1);
	assert_int_equal(check_parse(&c, "csat>=", lookup, NULL, &why), -1);
	assert_int_equal(check_parse(&c, "csat>=4.5x", lookup, NULL, &why), -1);
	buf_free(&why);
}

static void
test_hmap(void **state)
{
	struct hmap m = HMAP_INIT;
	char key[32];
	int added;

	(void)state;
	assert_int_equal(hmap_find(&m, "x", 1), HMAP_NONE);
	for (int i = 0; i < 1000; i++) {
		int n = snprintf(key, sizeof key, "k%d", i);
		assert_int_equal(hmap_put(&m, key, (size_t)n, &added), i);
		assert_true(added);
		hmap_at(&m, (size_t)i)->val.num = (uint64_t)i * 2;
	}
	assert_int_equal(hmap_put(&m, "k7", 2, &added), 7);
	assert_false(added);
	assert_int_equal(hmap_count(&m), 1000);
	/* Insertion order, values kept, keys NUL-terminated copies. */
	assert_string_equal(hmap_at(&m, 999)->key, "k999");
	assert_int_equal(hmap_at(&m, 500)->val.num, 1000);
	assert_int_equal(hmap_find(&m, "k500", 4), 500);
	/* A key with a NUL inside is its own key. */
	assert_int_equal(hmap_put(&m, "k5\0x", 4, &added), 1000);
	assert_true(added);
	assert_int_equal(hmap_find(&m, "k5", 2), 5);
	hmap_free(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quantiles),
		cmocka_unit_test(test_quantiles_as_sorted),
		cmocka_unit_test(test_one_and_none),
		cmocka_unit_test(test_check_parse),
		cmocka_unit_test(test_check_errors),
		cmocka_unit_test(test_hmap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
