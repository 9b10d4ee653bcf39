/*
 * lib/locfmt: money as shops of each market write it — glibc's locale,
 * CLDR's currency decimals, and the rows where shops write otherwise
 * (Turkish TL, Ukrainian грн without its full stop, Japanese 円, Hebrew
 * and Mexican positions from CLDR, Arabic grouping), rounded half away
 * from zero.
 */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cldr.h"
#include "locfmt.h"

struct fixture {
	struct cldr		*cldr;
	struct locfmt_cache	*cache;
	struct buf		 out;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	f->cldr = cldr_open(NULL);
	f->cache = locfmt_cache_new(f->cldr);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	locfmt_cache_free(f->cache);
	cldr_free(f->cldr);
	buf_free(&f->out);
	free(f);
	return 0;
}

/* The amount as locale writes it; "" when the system lacks the locale. */
static const char *
money(struct fixture *f, const char *locale, double amount, const char *cur)
{
	const struct locfmt *l = locfmt_open(f->cache, locale);

	buf_reset(&f->out);
	if (l == NULL)
		fail_msg("locale %s is not installed (locales-all)", locale);
	locfmt_money(f->cache, l, amount, cur, &f->out);
	return buf_str(&f->out);
}

static void
test_turkish_lira_as_tl(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(money(f, "tr_TR", 145.9, "TRY"), "145,90 TL");
	assert_string_equal(money(f, "tr_TR", 1234.5, "TRY"), "1.234,50 TL");
}

static void
test_hryvnia_without_full_stop(void **state)
{
	struct fixture *f = *state;

	/* glibc's thousands separator for uk_UA is a space */
	assert_string_equal(money(f, "uk_UA", 173.9, "UAH"), "173,90 грн");
}

static void
test_yen_after_and_rounded(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(money(f, "ja_JP", 1234, "JPY"), "1,234円");
	/* no decimals for yen: rounded, not truncated nor to even */
	assert_string_equal(money(f, "ja_JP", 1234.5, "JPY"), "1,235円");
	assert_string_equal(money(f, "ja_JP", 1980.4, "JPY"), "1,980円");
	/* another currency keeps its sign before */
	assert_string_equal(money(f, "ja_JP", 20, "EUR"), "€20.00");
}

static void
test_hebrew_sign_after(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(money(f, "he_IL", 200, "ILS"), "200.00 ₪");
	assert_string_equal(money(f, "he_IL", 1234.5, "ILS"), "1,234.50 ₪");
	assert_string_equal(money(f, "he_IL", 20, "EUR"), "20.00 €");
}

static void
test_arabic_grouping(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(money(f, "ar_SA", 1234.5, "SAR"), "1,234.50 ر.س");
	assert_string_equal(money(f, "ar_SA", 145.9, "SAR"), "145.90 ر.س");
}

static void
test_mexican_no_space(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(money(f, "es_MX", 75.9, "MXN"), "$75.90");
	assert_string_equal(money(f, "es_MX", 1234.5, "MXN"), "$1,234.50");
	assert_string_equal(money(f, "es_MX", 20, "EUR"), "€20.00");
}

static void
test_unchanged_elsewhere(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(money(f, "de_DE", 1234.5, "EUR"), "1.234,50 €");
	assert_string_equal(money(f, "pt_BR", 1234.5, "BRL"), "R$ 1.234,50");
	assert_string_equal(money(f, "th_TH", 1145.9, "THB"), "฿1,145.90");
	assert_string_equal(money(f, "id_ID", 150000, "IDR"), "Rp150.000");
	assert_string_equal(money(f, "en_US", 0.125, "USD"), "$0.13");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_turkish_lira_as_tl),
		cmocka_unit_test(test_hryvnia_without_full_stop),
		cmocka_unit_test(test_yen_after_and_rounded),
		cmocka_unit_test(test_hebrew_sign_after),
		cmocka_unit_test(test_arabic_grouping),
		cmocka_unit_test(test_mexican_no_space),
		cmocka_unit_test(test_unchanged_elsewhere),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
