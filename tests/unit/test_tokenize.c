/*
 * lib/tokenize: folding, word tokens, CJK characters, accents, digits.
 */
#include "unit.h"

#include <string.h>

#include "buf.h"
#include "tokenize.h"

/* The tokens of s joined by "|". */
static const char *
joined(struct tok_text *tt, const char *s, char *out, size_t cap)
{
	size_t at = 0;

	tok_run(tt, s, strlen(s));
	out[0] = '\0';
	for (size_t i = 0; i < tt->n; i++) {
		size_t n = tt->toks[i].len;
		if (at + n + 2 >= cap)
			break;
		if (i)
			out[at++] = '|';
		memcpy(out + at, tok_bytes(tt, i), n);
		at += n;
		out[at] = '\0';
	}
	return out;
}

static void
test_words(void **state)
{
	struct tok_text tt;
	char b[256];

	(void)state;
	tok_init(&tt);
	/* a question mark is a token; a run of them one */
	assert_string_equal(joined(&tt, "Where IS my order?!", b, sizeof(b)),
	    "where|is|my|order|?");
	assert_string_equal(joined(&tt, "ok??? hm ؟", b, sizeof(b)),
	    "ok|?|hm|?");
	assert_string_equal(joined(&tt, "  ", b, sizeof(b)), "");
	assert_int_equal(tt.n, 0);
	/* apostrophes inside words go, so "don't" and "dont" are one cue */
	assert_string_equal(joined(&tt, "I don't know", b, sizeof(b)),
	    "i|dont|know");
	assert_string_equal(joined(&tt, "it\u2019s 'fine'", b, sizeof(b)),
	    "its|fine");
	tok_free(&tt);
}

/* Emoji are tokens (skin tones and variation selectors left out); Thai is
 * a token per letter with its marks, like CJK; Turkish İ loses its dot. */
static void
test_emoji_thai_turkish(void **state)
{
	struct tok_text tt;
	char b[256];

	(void)state;
	tok_init(&tt);
	assert_string_equal(joined(&tt, "ok\U0001F44D\U0001F3FD thx \u2764\uFE0F",
	    b, sizeof(b)), "ok|\U0001F44D|thx|\u2764");
	assert_int_equal(tt.n, 4);
	assert_true(tt.toks[1].sym && !tt.toks[1].cjk);
	assert_string_equal(joined(&tt, "\u0e02\u0e2d\u0e1a\u0e04\u0e38\u0e13 ok",
	    b, sizeof(b)), "\u0e02|\u0e2d|\u0e1a|\u0e04\u0e38|\u0e13|ok");
	assert_true(tt.toks[3].cjk);
	assert_false(tt.toks[5].cjk);
	assert_string_equal(joined(&tt, "\u0130ADE \u0130stanbul", b, sizeof(b)),
	    "iade|istanbul");
	tok_free(&tt);
}

/* A Hangul word is keyed by its first syllable, others by 3 code points. */
static void
test_hangul_key(void **state)
{
	struct tok_text tt;

	(void)state;
	tok_init(&tt);
	tok_run(&tt, "\ubc30\uc1a1\uc774 refunds", strlen("\ubc30\uc1a1\uc774 refunds"));
	assert_int_equal(tt.n, 2);
	assert_true(tt.toks[0].key == tok_hash("\ubc30", strlen("\ubc30")));
	assert_true(tt.toks[1].key == tok_hash("ref", 3));
	tok_free(&tt);
}

static void
test_fold_and_accents(void **state)
{
	struct tok_text tt;
	char b[256];

	(void)state;
	tok_init(&tt);
	/* full-width Latin folds to ASCII */
	assert_string_equal(joined(&tt, "\uff32\uff25\uff26\uff35\uff2e\uff24",
	    b, sizeof(b)), "refund");
	/* Latin accents are stripped; ß case-folds to ss */
	assert_string_equal(joined(&tt, "Não recebi o Envío Rückerstattung Straße",
	    b, sizeof(b)), "nao|recebi|o|envio|ruckerstattung|strasse");
	/* Cyrillic keeps its letters (й is not stripped to и) */
	assert_string_equal(joined(&tt, "Мой заказ", b, sizeof(b)),
	    "мой|заказ");
	tok_free(&tt);
}

static void
test_cjk(void **state)
{
	struct tok_text tt;
	char b[256];

	(void)state;
	tok_init(&tt);
	assert_string_equal(joined(&tt, "我要退款", b, sizeof(b)),
	    "我|要|退|款");
	assert_int_equal(tt.toks[2].cjk, 1);
	/* kana and kanji each a token; Latin inside stays a word */
	assert_string_equal(joined(&tt, "iPhoneの返品", b, sizeof(b)),
	    "iphone|の|返|品");
	assert_int_equal(tt.toks[0].cjk, 0);
	/* half-width katakana folds to full width */
	assert_string_equal(joined(&tt, "\uff77\uff6c\uff9d\uff7e\uff99",
	    b, sizeof(b)), "キ|ャ|ン|セ|ル");
	/* Hangul is written with spaces: words */
	assert_string_equal(joined(&tt, "환불 해주세요", b, sizeof(b)),
	    "환불|해주세요");
	tok_free(&tt);
}

static void
test_digits(void **state)
{
	struct tok_text tt;
	char b[256];

	(void)state;
	tok_init(&tt);
	/* long numbers are one token "0" whatever their digits */
	assert_string_equal(joined(&tt, "order #48213 in 3rd box a12",
	    b, sizeof(b)), "order|0|in|3rd|box|a12");
	assert_string_equal(joined(&tt, "２０２４年", b, sizeof(b)),
	    "0|年");
	/* short ones stay: a 1-star review is not a 5-star one */
	assert_string_equal(joined(&tt, "1 star, 5 stars, 48h, 100",
	    b, sizeof(b)), "1|star|5|stars|48h|0");
	tok_free(&tt);
}

static void
test_hash_and_key(void **state)
{
	struct tok_text tt;

	(void)state;
	tok_init(&tt);
	tok_run(&tt, "refund refunded re", 18);
	assert_int_equal(tt.n, 3);
	/* same first three letters: same lookup key, different hashes */
	assert_true(tt.toks[0].key == tt.toks[1].key);
	assert_true(tt.toks[0].hash != tt.toks[1].hash);
	/* a short token's key is its hash */
	assert_true(tt.toks[2].key == tt.toks[2].hash);
	assert_true(tok_hash("", 0) == 0xcbf29ce484222325ULL);
	assert_true(tok_hash("a", 1) == 0xaf63dc4c8601ec8cULL);
	/* the source span points into the folded text */
	tok_run(&tt, "ＡＢ cd", strlen("ＡＢ cd"));
	assert_int_equal(tt.toks[0].srclen, 2);
	assert_memory_equal(tt.folded.data + tt.toks[1].src, "cd", 2);
	tok_free(&tt);
}

/*
 * A message of more words than TOK_MAX: the first TOK_MAX are its tokens,
 * the last of them whole, and a word of ASCII letters reads the same as
 * one with a non-ASCII letter in it (one path a run, the other a byte).
 */
static void
test_many_words(void **state)
{
	struct tok_text tt;
	struct buf text = BUF_INIT;
	char out[64];

	(void)state;
	tok_init(&tt);
	for (int i = 0; i < TOK_MAX + 10; i++)
		buf_adds(&text, i % 2 ? "paket " : "lieferung ");
	tok_run(&tt, text.data, text.len);
	assert_int_equal(tt.n, TOK_MAX);
	assert_int_equal(tt.toks[TOK_MAX - 1].len, 5);
	assert_memory_equal(tok_bytes(&tt, TOK_MAX - 1), "paket", 5);
	assert_string_equal(joined(&tt, "Abc1 2x\xC3\xA9y z\xC3\xA9 9", out,
	    sizeof out), "abc1|2xey|ze|9");
	buf_free(&text);
	tok_free(&tt);
}

static void
test_invalid_utf8(void **state)
{
	struct tok_text tt;

	(void)state;
	tok_init(&tt);
	tok_run(&tt, "ab\xff\xfe cd", 7);	/* no crash, words around kept */
	assert_true(tt.n >= 2);
	assert_memory_equal(tok_bytes(&tt, 0), "ab", 2);
	tok_free(&tt);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_emoji_thai_turkish),
		cmocka_unit_test(test_hangul_key),
		cmocka_unit_test(test_fold_and_accents),
		cmocka_unit_test(test_cjk),
		cmocka_unit_test(test_digits),
		cmocka_unit_test(test_hash_and_key),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_many_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
