/*
 * lib/confusion: accuracy, per-label precision/recall/F1, macro-F1 and the
 * report, checked against figures worked out by hand.
 */
#include "unit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "confusion.h"

static void
test_figures(void **state)
{
	struct confusion c;
	struct conf_label *v;
	size_t n;

	(void)state;
	conf_init(&c);
	/* truth a a a b b c ; predicted a a b b c c */
	conf_add(&c, "a", "a");
	conf_add(&c, "a", "a");
	conf_add(&c, "a", "b");
	conf_add(&c, "b", "b");
	conf_add(&c, "b", "c");
	conf_add(&c, "c", "c");
	assert_true(fabs(conf_accuracy(&c) - 4.0 / 6) < 1e-9);
	v = conf_labels(&c, &n);
	assert_int_equal(n, 3);
	/* a: P 2/2, R 2/3, F1 0.8 */
	assert_string_equal(v[0].name, "a");
	assert_true(fabs(v[0].precision - 1.0) < 1e-9);
	assert_true(fabs(v[0].recall - 2.0 / 3) < 1e-9);
	assert_true(fabs(v[0].f1 - 0.8) < 1e-9);
	/* b: P 1/2, R 1/2, F1 0.5 */
	assert_true(fabs(v[1].f1 - 0.5) < 1e-9);
	/* c: P 1/2, R 1, F1 2/3 */
	assert_true(fabs(v[2].precision - 0.5) < 1e-9);
	assert_true(fabs(v[2].f1 - 2.0 / 3) < 1e-9);
	assert_int_equal(v[2].support, 1);
	/* macro: (0.8 + 0.5 + 0.6667) / 3 */
	assert_true(fabs(conf_macro_f1(&c) - (0.8 + 0.5 + 2.0 / 3) / 3) < 1e-9);
	free(v);
	conf_free(&c);
}

static void
test_predicted_only_label(void **state)
{
	struct confusion c;

	(void)state;
	conf_init(&c);
	conf_add(&c, "a", "a");
	conf_add(&c, "a", "other");
	/* "other" was never the truth: F1 0, and it counts in the mean */
	assert_true(fabs(conf_macro_f1(&c) - (2.0 / 3) / 2) < 1e-9);
	conf_free(&c);
}

static void
test_report(void **state)
{
	struct confusion c;
	struct buf b = BUF_INIT;

	(void)state;
	conf_init(&c);
	conf_add(&c, "shipping", "shipping");
	conf_add(&c, "退款", "shipping");
	conf_report(&c, &b);
	assert_string_equal(buf_str(&b),
	    "examples  2\n"
	    "accuracy  0.500\n"
	    "macro_f1  0.333\n"
	    "\n"
	    "label     precision  recall     f1  support\n"
	    "shipping      0.500   1.000  0.667        1\n"
	    "退款          0.000   0.000  0.000        1\n"
	    "\n"
	    "confusion (rows: true label, columns: predicted, in the order above)\n"
	    "shipping    1    0\n"
	    "退款        1    0\n");
	buf_free(&b);
	conf_free(&c);
}

static void
test_many_labels(void **state)
{
	struct confusion c;
	char t[16], p[16];

	(void)state;
	conf_init(&c);
	/* grows past its first capacity and keeps earlier counts */
	for (int i = 0; i < 40; i++) {
		snprintf(t, sizeof(t), "l%02d", i);
		snprintf(p, sizeof(p), "l%02d", i % 2 ? i : 0);
		conf_add(&c, t, p);
	}
	assert_int_equal(c.total, 40);
	assert_int_equal(c.correct, 21);
	conf_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_predicted_only_label),
		cmocka_unit_test(test_report),
		cmocka_unit_test(test_many_labels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
