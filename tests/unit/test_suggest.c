/* lib/suggest: the edit distance against a plain full table, and the
 * suggestions a user would expect. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "suggest.h"

/* The full optimal string alignment table, no cut-off (the plain path). */
static size_t
osa(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b), d[40][40];

	for (size_t i = 0; i <= n; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= m; j++) {
			size_t c = a[i - 1] == b[j - 1] ? 0 : 1, v;
			v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + c < v)
				v = d[i - 1][j - 1] + c;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[n][m];
}

static void
test_distance_against_table(void **state)
{
	char a[12], b[12];

	(void)state;
	srand(7);
	for (int k = 0; k < 20000; k++) {
		size_t n = (size_t)rand() % 11, m = (size_t)rand() % 11;
		for (size_t i = 0; i < n; i++)
			a[i] = "abcd"[rand() % 4];
		for (size_t i = 0; i < m; i++)
			b[i] = "abcd"[rand() % 4];
		a[n] = b[m] = '\0';
		size_t full = osa(a, b);
		for (size_t cap = 0; cap < 12; cap++) {
			size_t d = suggest_distance(a, b, cap);
			if (full <= cap)
				assert_int_equal(d, full);
			else
				assert_true(d > cap);
		}
	}
	assert_int_equal(suggest_distance("ca", "ac", 3), 1);	/* a swap */
	assert_int_equal(suggest_distance("Asia", "ASIA", 3), 0);
}

static void
test_suggestions(void **state)
{
	static const char *const metrics[] = { "frt_p50", "frt_p90",
	    "frt_mean", "csat", "csat_share", "sla_share", "conversations" };
	static const char *const opts[] = { "metrics", "group", "since",
	    "until", "sla", "tz" };

	(void)state;
	assert_string_equal(suggest_closest("frt_p5", metrics, 7), "frt_p50");
	assert_string_equal(suggest_closest("frt_mena", metrics, 7),
	    "frt_mean");
	assert_string_equal(suggest_closest("converstions", metrics, 7),
	    "conversations");
	assert_string_equal(suggest_closest("metric", opts, 6), "metrics");
	assert_string_equal(suggest_closest("TZ", opts, 6), "tz");
	assert_null(suggest_closest("revenue", metrics, 7));	/* no guess */
	assert_null(suggest_closest("x", opts, 6));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distance_against_table),
		cmocka_unit_test(test_suggestions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
