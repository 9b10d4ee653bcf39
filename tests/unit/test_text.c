/*
 * lib/text: UTF-8 validation, folding for matching, display widths, base64.
 * Expected bytes are written out by hand from the Unicode tables.
 */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"

/* Validate a C string literal of n bytes; returns bad_at or -1 when valid. */
static long
bad_offset(const char *s, size_t n)
{
	size_t at = 12345;

	if (text_utf8_valid(s, n, &at))
		return -1;
	return (long)at;
}

#define BAD(lit)	bad_offset(lit, sizeof(lit) - 1)

static void
test_valid_utf8(void **state)
{
	(void)state;
	assert_int_equal(BAD(""), -1);
	assert_int_equal(BAD("plain ascii text, longer than eight"), -1);
	assert_int_equal(BAD("caf\xC3\xA9"), -1);		/* é */
	assert_int_equal(BAD("\xE9\x80\x80\xE6\xAC\xBE"), -1);	/* 退款 */
	assert_int_equal(BAD("\xF0\x9F\x98\x80"), -1);		/* U+1F600 */
	assert_int_equal(BAD("\xC2\x80"), -1);			/* U+0080 */
	assert_int_equal(BAD("\xE0\xA0\x80"), -1);		/* U+0800 */
	assert_int_equal(BAD("\xF0\x90\x80\x80"), -1);		/* U+10000 */
	assert_int_equal(BAD("\xED\x9F\xBF"), -1);		/* U+D7FF */
	assert_int_equal(BAD("\xEE\x80\x80"), -1);		/* U+E000 */
	assert_int_equal(BAD("\xEF\xBF\xBF"), -1);		/* U+FFFF */
	assert_int_equal(BAD("\xF4\x8F\xBF\xBF"), -1);		/* U+10FFFF */
	/* NUL is valid UTF-8; callers that cannot carry it check themselves. */
	assert_int_equal(BAD("a\0b"), -1);
}

static void
test_invalid_utf8(void **state)
{
	(void)state;
	/* Overlong forms of '/' and of NUL, in 2, 3 and 4 bytes. */
	assert_int_equal(BAD("\xC0\xAF"), 0);
	assert_int_equal(BAD("\xC1\xBF"), 0);
	assert_int_equal(BAD("\xC0\x80"), 0);
	assert_int_equal(BAD("\xE0\x80\xAF"), 0);
	assert_int_equal(BAD("\xE0\x9F\xBF"), 0);	/* U+07FF in 3 bytes */
	assert_int_equal(BAD("\xF0\x80\x80\xAF"), 0);
	assert_int_equal(BAD("\xF0\x8F\xBF\xBF"), 0);	/* U+FFFF in 4 bytes */
	/* UTF-16 surrogates, high and low. */
	assert_int_equal(BAD("ok\xED\xA0\x80"), 2);
	assert_int_equal(BAD("\xED\xBF\xBF"), 0);
	/* Past U+10FFFF, and lead bytes that can never start one. */
	assert_int_equal(BAD("\xF4\x90\x80\x80"), 0);
	assert_int_equal(BAD("\xF5\x80\x80\x80"), 0);
	assert_int_equal(BAD("\xFF"), 0);
	assert_int_equal(BAD("\xFE"), 0);
	/* A continuation byte with no lead. */
	assert_int_equal(BAD("abc\x80"), 3);
	/* Truncated sequences: at the end, and cut by an ASCII byte. */
	assert_int_equal(BAD("abc\xE9\x80"), 3);
	assert_int_equal(BAD("\xF0\x9F\x98"), 0);
	assert_int_equal(BAD("\xC3"), 0);
	assert_int_equal(BAD("\xC3x"), 0);
	assert_int_equal(BAD("\xE9\x80x"), 0);
	/* The 8-bytes-at-a-time ASCII skip must not hide a late bad byte. */
	assert_int_equal(BAD("0123456789abcdef\xFF"), 16);
	assert_int_equal(BAD("0123456789abcde\xFF"), 15);
	assert_int_equal(BAD("01234567\xC3\xA9" "89abcdefgh\x80"), 20);
	/* bad_at may be NULL. */
	assert_false(text_utf8_valid("\xFF", 1, NULL));
	/* The length is honoured: a valid prefix of a longer bad buffer. */
	assert_true(text_utf8_valid("ab\xFF", 2, NULL));
}

static void
test_decode(void **state)
{
	int32_t cp = -1;

	(void)state;
	assert_int_equal(text_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(text_decode("\xC3\xA9", 2, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(text_decode("\xE9\x80\x80", 3, &cp), 3);
	assert_int_equal(cp, 0x9000);
	assert_int_equal(text_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	assert_int_equal(text_decode("\xF0\x9F\x98\x80", 3, &cp), -1);
	assert_int_equal(text_decode("", 0, &cp), -1);
	assert_int_equal(text_decode("\x80", 1, &cp), -1);
}

/* Fold a literal and compare with the expected bytes. */
static void
fold_is(const char *in, size_t n, const char *want)
{
	struct buf b = BUF_INIT;

	assert_int_equal(text_fold(in, n, &b), 0);
	assert_string_equal(buf_str(&b), want);
	assert_int_equal(b.len, strlen(want));
	buf_free(&b);
}

#define FOLD(lit, want)	fold_is(lit, sizeof(lit) - 1, want)

static void
test_fold(void **state)
{
	(void)state;
	FOLD("", "");
	FOLD("Refund NOW", "refund now");
	/* Full-width Latin: NFKC makes it ASCII, then case folding. */
	FOLD("\xEF\xBC\xB2\xEF\xBC\xA5\xEF\xBC\xA6\xEF\xBC\xB5\xEF\xBC\xAE"
	    "\xEF\xBC\xA4", "refund");
	FOLD("\xEF\xBD\x92\xEF\xBD\x85\xEF\xBD\x86\xEF\xBD\x95\xEF\xBD\x8E"
	    "\xEF\xBD\x84", "refund");			/* ｒｅｆｕｎｄ */
	FOLD("\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93", "123");	/* １２３ */
	/* Accents are kept (composed), only the case changes. */
	FOLD("CAF\xC3\x89", "caf\xC3\xA9");
	/* A decomposed é (e + U+0301) composes to the same bytes. */
	FOLD("Cafe\xCC\x81", "caf\xC3\xA9");
	/* German sharp s folds to ss; capital sharp s too. */
	FOLD("Stra\xC3\x9F" "e", "strasse");
	FOLD("STRA\xE1\xBA\x9E" "E", "strasse");
	/* Turkish: dotted capital I folds to i + combining dot (U+0307);
	 * dotless ı stays itself; plain I folds to i (no locale). */
	FOLD("\xC4\xB0", "i\xCC\x87");
	FOLD("\xC4\xB1", "\xC4\xB1");
	FOLD("I\xC3\xA7", "i\xC3\xA7");
	/* Greek: capital and final sigma both fold to σ. */
	FOLD("\xCE\x9F\xCE\x94\xCE\x9F\xCE\xA3",
	    "\xCE\xBF\xCE\xB4\xCE\xBF\xCF\x83");		/* ΟΔΟΣ */
	FOLD("\xCE\xBF\xCE\xB4\xCF\x8C\xCF\x82",
	    "\xCE\xBF\xCE\xB4\xCF\x8C\xCF\x83");		/* οδός */
	/* CJK and kana are unchanged. */
	FOLD("\xE9\x80\x80\xE6\xAC\xBE", "\xE9\x80\x80\xE6\xAC\xBE");	/* 退款 */
	FOLD("\xE8\xBF\x94\xE5\x93\x81", "\xE8\xBF\x94\xE5\x93\x81");	/* 返品 */
	/* Half-width katakana ｶ becomes full-width カ (NFKC). */
	FOLD("\xEF\xBD\xB6", "\xE3\x82\xAB");
	/* The ﬁ ligature is two letters after NFKC. */
	FOLD("\xEF\xAC\x81" "x", "fix");
	/* Default-ignorable characters vanish: soft hyphen, zero-width space. */
	FOLD("re\xC2\xAD" "fund", "refund");
	FOLD("re\xE2\x80\x8B" "fund", "refund");
	/* Cyrillic case. */
	FOLD("\xD0\x92\xD0\x9E\xD0\x97\xD0\x92\xD0\xA0\xD0\x90\xD0\xA2",
	    "\xD0\xB2\xD0\xBE\xD0\xB7\xD0\xB2\xD1\x80\xD0\xB0\xD1\x82");	/* ВОЗВРАТ */
}

static void
test_fold_bad_bytes(void **state)
{
	(void)state;
	/* Invalid bytes: each becomes U+FFFD; the text around still folds. */
	FOLD("\xC3\x89" "A\xFF" "B", "\xC3\xA9" "a\xEF\xBF\xBD" "b");
	FOLD("\xFF\xFE", "\xEF\xBF\xBD\xEF\xBF\xBD");
	FOLD("X\xE9\x80", "x\xEF\xBF\xBD\xEF\xBF\xBD");
	/* A NUL inside non-ASCII text does not cut the text short. */
	FOLD("\xC3\x89\0Z", "\xC3\xA9 z");
}

static void
test_fold_appends(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	buf_adds(&b, "x:");
	text_fold("AB", 2, &b);
	text_fold("\xC3\x89", 2, &b);
	assert_string_equal(b.data, "x:ab\xC3\xA9");
	buf_free(&b);
}

#define WIDTH(lit)	text_width(lit, sizeof(lit) - 1)

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(WIDTH(""), 0);
	assert_int_equal(WIDTH("agent"), 5);
	assert_int_equal(WIDTH("\xE7\x8E\x8B\xE8\x8A\xB3"), 4);	/* 王芳 */
	assert_int_equal(WIDTH("\xE3\x82\xAB\xE3\x82\xBF"), 4);	/* カタ */
	assert_int_equal(WIDTH("\xED\x95\x9C"), 2);			/* 한 */
	assert_int_equal(WIDTH("\xEF\xBC\xA1"), 2);			/* Ａ */
	assert_int_equal(WIDTH("\xEF\xBD\xB6"), 1);			/* ｶ half-width */
	assert_int_equal(WIDTH("e\xCC\x81"), 1);		/* combining acute */
	assert_int_equal(WIDTH("caf\xC3\xA9"), 4);
	assert_int_equal(WIDTH("\xF0\x9F\x98\x80"), 2);		/* 😀 */
	assert_int_equal(WIDTH("ok\xF0\x9F\x91\x8D"), 4);	/* ok👍 */
	assert_int_equal(WIDTH("a\tb\n"), 2);			/* controls 0 */
	assert_int_equal(WIDTH("a\xC2\x85" "b"), 2);		/* C1 control */
	assert_int_equal(WIDTH("a\xE2\x80\x8B" "b"), 2);	/* zero-width space */
	assert_int_equal(WIDTH("a\xFF" "b"), 3);		/* bad byte: 1 */
	assert_int_equal(WIDTH("Li \xE9\x9B\xB7 (Lei)"), 11);
	/* emoji as terminals draw them: one cluster, two columns */
	assert_int_equal(WIDTH("\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA"), 2); /* 🇩🇪 */
	assert_int_equal(WIDTH("\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA"
	    "\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5"), 4);		/* 🇩🇪🇯🇵 */
	assert_int_equal(WIDTH("\xE2\x9D\xA4\xEF\xB8\x8F"), 2);	/* ❤️ */
	assert_int_equal(WIDTH("\xE2\x9D\xA4"), 1);		/* ❤ text */
	assert_int_equal(WIDTH("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"), 2); /* 👍🏽 */
	assert_int_equal(WIDTH("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9"
	    "\xE2\x80\x8D\xF0\x9F\x91\xA7"), 2);		/* 👨‍👩‍👧 */
	assert_int_equal(WIDTH("ok \xF0\x9F\x87\xA7\xF0\x9F\x87\xB7!"), 6);
}

/* The longest start that fits, in whole clusters. */
static void
test_fit(void **state)
{
	size_t used;

	(void)state;
	assert_int_equal(text_fit("hello", 5, 3, &used), 3);
	assert_int_equal(used, 3);
	assert_int_equal(text_fit("\xE7\x8E\x8B\xE8\x8A\xB3", 6, 3, &used), 3);
	assert_int_equal(used, 2);	/* 王 fits, 芳 would not */
	assert_int_equal(text_fit("ab\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA", 10, 3,
	    &used), 2);		/* the flag is not split */
	assert_int_equal(text_fit("e\xCC\x81x", 4, 1, &used), 3);	/* é whole */
	assert_int_equal(text_fit("abc", 3, 10, NULL), 3);
}

static void
b64_is(const char *in, size_t n, const char *want)
{
	struct buf b = BUF_INIT;

	text_base64(in, n, &b);
	assert_string_equal(buf_str(&b), want);
	buf_free(&b);
}

static void
test_base64(void **state)
{
	(void)state;
	/* RFC 4648 section 10. */
	b64_is("", 0, "");
	b64_is("f", 1, "Zg==");
	b64_is("fo", 2, "Zm8=");
	b64_is("foo", 3, "Zm9v");
	b64_is("foob", 4, "Zm9vYg==");
	b64_is("fooba", 5, "Zm9vYmE=");
	b64_is("foobar", 6, "Zm9vYmFy");
	/* High bits and NUL bytes. */
	b64_is("\xFF\xFE\xFD", 3, "//79");
	b64_is("\0\0", 2, "AAA=");
	b64_is("{\"x\":\"\xFF\"}", 9, "eyJ4Ijoi/yJ9");
}

/* The end of the non-ASCII run at s, by text_decode, or NULL. */
static const char *
skip_by_decode(const char *s, const char *e)
{
	int32_t cp;

	while (s < e && (unsigned char)*s >= 0x80) {
		int n = text_decode(s, (size_t)(e - s), &cp);
		if (n < 0)
			return NULL;
		s += n;
	}
	return s;
}

/*
 * text_utf8_skip against text_decode: every lead byte from 0x80 with
 * every second byte, the later bytes from a set around the continuation
 * range, sequences cut short, and runs followed by ASCII.
 */
static void
test_utf8_skip(void **state)
{
	static const unsigned char later[] = { 0x00, 0x41, 0x7F, 0x80, 0x8F,
	    0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xE3, 0xFF };
	size_t nl = sizeof later;
	unsigned char b[8];

	(void)state;
	for (unsigned c0 = 0x80; c0 <= 0xFF; c0++)
		for (unsigned c1 = 0; c1 <= 0xFF; c1++)
			for (size_t i2 = 0; i2 < nl; i2++)
				for (size_t i3 = 0; i3 < nl; i3++) {
					b[0] = (unsigned char)c0;
					b[1] = (unsigned char)c1;
					b[2] = later[i2];
					b[3] = later[i3];
					b[4] = 'x';
					for (size_t len = 1; len <= 5; len++) {
						const char *s = (const char *)b;
						assert_ptr_equal(
						    text_utf8_skip(s, s + len),
						    skip_by_decode(s, s + len));
					}
				}
	const char *t = "\xE5\xA5\xBD\xC3\xA9\xF0\x9F\x98\x80ok";
	assert_ptr_equal(text_utf8_skip(t, t + strlen(t)), t + 9);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_utf8),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_utf8_skip),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_fold_bad_bytes),
		cmocka_unit_test(test_fold_appends),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_base64),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
