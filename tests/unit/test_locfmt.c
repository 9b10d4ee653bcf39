/*
 * lib/locfmt: money as shops of each market write it — glibc's locale,
 * CLDR's currency decimals, and the rows where shops write otherwise
 * (Turkish TL, Ukrainian грн without its full stop, Japanese 円, Korean
 * 원, Hebrew, Mexican, Arabic and Vietnamese positions from CLDR, Arabic
 * grouping), a no-break space by the sign, rounded half away from zero.
 */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cldr.h"
#include "locfmt.h"

/* Between an amount and its sign: a no-break space, never U+0020. */
#define NBSP "\xc2\xa0"

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

	assert_string_equal(money(f, "tr_TR", 145.9, "TRY"), "145,90" NBSP "TL");
	assert_string_equal(money(f, "tr_TR", 1234.5, "TRY"), "1.234,50" NBSP "TL");
}

static void
test_hryvnia_without_full_stop(void **state)
{
	struct fixture *f = *state;

	/* glibc's thousands separator for uk_UA is a space */
	assert_string_equal(money(f, "uk_UA", 173.9, "UAH"), "173,90" NBSP "грн");
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

	assert_string_equal(money(f, "he_IL", 200, "ILS"), "200.00" NBSP "₪");
	assert_string_equal(money(f, "he_IL", 1234.5, "ILS"), "1,234.50" NBSP "₪");
	assert_string_equal(money(f, "he_IL", 20, "EUR"), "20.00" NBSP "€");
}

static void
test_arabic_grouping(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(money(f, "ar_SA", 1234.5, "SAR"), "1,234.50" NBSP "ر.س");
	assert_string_equal(money(f, "ar_SA", 145.9, "SAR"), "145.90" NBSP "ر.س");
}

static void
test_mexican_no_space(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(money(f, "es_MX", 75.9, "MXN"), "$75.90");
	assert_string_equal(money(f, "es_MX", 1234.5, "MXN"), "$1,234.50");
	assert_string_equal(money(f, "es_MX", 20, "EUR"), "€20.00");
}

/* CLDR ar puts every currency after the amount, Emirates and Egypt too
 * (glibc ar_AE, ar_EG: before). */
static void
test_arabic_sign_after(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(money(f, "ar_AE", 1234.5, "AED"),
	    "1,234.50" NBSP "د.إ.");
	assert_string_equal(money(f, "ar_EG", 1234.5, "EGP"),
	    "1,234.50" NBSP "ج.م.");
	assert_string_equal(money(f, "ar_SA", 20, "EUR"), "20.00" NBSP "€");
}

/* Korean shops: 146,000원, the syllable after, no space, no decimals;
 * another currency keeps glibc's sign before. */
static void
test_korean_won_after(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(money(f, "ko_KR", 146000, "KRW"), "146,000원");
	assert_string_equal(money(f, "ko_KR", 20, "USD"), "$20.00");
}

/* CLDR vi: 146.000 ₫ and 20,00 € with a space (glibc glues them). */
static void
test_vietnamese_space(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(money(f, "vi_VN", 146000, "VND"),
	    "146.000" NBSP "₫");
	assert_string_equal(money(f, "vi_VN", 20, "EUR"), "20,00" NBSP "€");
}

/* Markets the readers checked and found right: CLDR's de_CH, es_AR,
 * en_CA, fr_CA, zh_HK, en_AU, en_GB. */
static void
test_other_markets(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(money(f, "de_CH", 1234.5, "CHF"),
	    "CHF" NBSP "1’234.50");
	assert_string_equal(money(f, "es_AR", 1234.5, "ARS"),
	    "$" NBSP "1.234,50");
	assert_string_equal(money(f, "en_CA", 1234.5, "CAD"), "$1,234.50");
	assert_string_equal(money(f, "fr_CA", 1234.5, "CAD"),
	    "1\xe2\x80\xaf" "234,50" NBSP "$");
	assert_string_equal(money(f, "zh_HK", 1234.5, "HKD"), "HK$1,234.50");
	assert_string_equal(money(f, "en_AU", 1234.5, "AUD"), "$1,234.50");
	assert_string_equal(money(f, "en_GB", 1234.5, "GBP"), "£1,234.50");
	/* A code, not a sign, where the sign is the buyer's own peso. */
	assert_string_equal(money(f, "es_MX", 75.9, "USD"),
	    "USD" NBSP "75.90");
}

static void
test_unchanged_elsewhere(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(money(f, "de_DE", 1234.5, "EUR"), "1.234,50" NBSP "€");
	assert_string_equal(money(f, "pt_BR", 1234.5, "BRL"), "R$" NBSP "1.234,50");
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
		cmocka_unit_test(test_arabic_sign_after),
		cmocka_unit_test(test_korean_won_after),
		cmocka_unit_test(test_vietnamese_space),
		cmocka_unit_test(test_other_markets),
		cmocka_unit_test(test_unchanged_elsewhere),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
