/*
 * lib/text: text_fold gives utf8proc's own NFKC + case fold, byte for
 * byte, also where it takes its shortcut (code points that fold alone are
 * folded one at a time, without utf8proc_map).  The reference is
 * utf8proc_map with the flags text_fold documents.
 */
#include "unit.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "text.h"

#define FOLD_FLAGS	(UTF8PROC_STABLE | UTF8PROC_COMPAT | \
			UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE)

/* Does text_fold of s[0..len) give what utf8proc_map gives? */
static int
same_as_utf8proc(const char *s, size_t len, struct buf *out)
{
	utf8proc_uint8_t *ref = NULL;
	utf8proc_ssize_t n;
	int ok;

	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
	    &ref, FOLD_FLAGS);
	buf_reset(out);
	text_fold(s, len, out);
	ok = n >= 0 && (size_t)n == out->len &&
	    memcmp(ref, out->data, out->len) == 0;
	free(ref);
	return ok;
}

static size_t
encode(int32_t cp, char *dst)
{
	return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)dst);
}

/* Every code point alone (not NUL, not the surrogates, which are not UTF-8). */
static void
test_fold_every_code_point(void **state)
{
	struct buf out = BUF_INIT;
	char s[4];
	long bad = 0, first = -1;

	(void)state;
	for (int32_t cp = 1; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		if (!same_as_utf8proc(s, encode(cp, s), &out)) {
			if (first < 0)
				first = cp;
			bad++;
		}
	}
	if (bad)
		print_error("%ld code points fold unlike utf8proc, first U+%04lX\n",
		    bad, first);
	assert_int_equal(bad, 0);
	buf_free(&out);
}

/*
 * Pairs: what folds alone must fold alone next to its neighbours too (no
 * composition or reordering across them).  Every pair of the letters and
 * marks of the shortcut's scripts (CJK ideographs sampled), and each of
 * them next to combining marks and other scripts' letters, which send the
 * text down utf8proc's path.
 */
static void
test_fold_pairs(void **state)
{
	static const int32_t ranges[][3] = {	/* first, last, step */
		{ 0x20, 0x7E, 1 }, { 0xA0, 0x17F, 1 }, { 0x400, 0x45F, 1 },
		{ 0x2010, 0x2027, 1 }, { 0x3000, 0x30FF, 1 },
		{ 0xFF01, 0xFF5E, 1 }, { 0x4E00, 0x9FFF, 211 },
		{ 0x3400, 0x4DBF, 307 },
		/* not in the shortcut: combining marks, voiced-kana marks,
		 * Hangul jamo, halfwidth kana, Greek, ligatures */
		{ 0x300, 0x36F, 7 }, { 0x3099, 0x309A, 1 },
		{ 0x1100, 0x1100, 1 }, { 0x1161, 0x1161, 1 },
		{ 0x11A8, 0x11A8, 1 }, { 0xFF76, 0xFF9F, 9 },
		{ 0x391, 0x3C9, 5 }, { 0xFB00, 0xFB06, 1 },
	};
	int32_t *cps = NULL;
	size_t n = 0;
	struct buf out = BUF_INIT;
	long bad = 0;
	char s[8];

	(void)state;
	for (size_t r = 0; r < sizeof(ranges) / sizeof(ranges[0]); r++)
		for (int32_t cp = ranges[r][0]; cp <= ranges[r][1];
		    cp += ranges[r][2]) {
			cps = xrealloc(cps, (n + 1) * sizeof(*cps));
			cps[n++] = cp;
		}
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			size_t k = encode(cps[i], s);
			k += encode(cps[j], s + k);
			if (!same_as_utf8proc(s, k, &out)) {
				if (bad == 0)
					print_error("U+%04X U+%04X folds unlike "
					    "utf8proc\n", (unsigned)cps[i],
					    (unsigned)cps[j]);
				bad++;
			}
		}
	assert_int_equal(bad, 0);
	free(cps);
	buf_free(&out);
}

/* Hand-checked folds through the shortcut, and its way out. */
static void
test_fold_examples(void **state)
{
	static const struct {
		const char	*in, *want;
	} cases[] = {
		{ "Ｒｅｆｕｎｄ！", "refund!" },
		{ "ÉCHANGÉ « SVP » ¿Dónde?", "échangé « svp » ¿dónde?" },
		{ "ВОЗВРАТ денег", "возврат денег" },
		{ "退款，谢谢。", "退款,谢谢。" },
		{ "返品できますか？", "返品できますか?" },
		{ "Straße", "strasse" },	/* ß: utf8proc's path */
		{ "e\xCC\x81t\xC3\xA9", "\xC3\xA9t\xC3\xA9" },	/* e + U+0301 */
		{ "ｶﾞ", "ガ" },			/* halfwidth kana compose */
		{ "caf\xC3\xA9\xFF!", "caf\xC3\xA9\xEF\xBF\xBD!" },
	};
	struct buf out = BUF_INIT;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		buf_reset(&out);
		text_fold(cases[i].in, strlen(cases[i].in), &out);
		assert_string_equal(buf_str(&out), cases[i].want);
	}
	buf_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_examples),
		cmocka_unit_test(test_fold_every_code_point),
		cmocka_unit_test(test_fold_pairs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
