/*
 * lib/lexicon: the file format, prefixes, overrides, CJK phrases, errors.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "lexicon.h"

/* Write text to a temporary file; its path in path[64]. */
static void
temp_file(char *path, const char *text)
{
	strcpy(path, "/tmp/cskit-lex-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

/* The phrases found in s (text of the languages in mask), joined by "|". */
static const char *
found_in(struct lexicon *lx, const char *s, uint64_t mask, char *out)
{
	struct tok_text tt;
	struct lex_hits hits = { 0 };

	tok_init(&tt);
	tok_run(&tt, s, strlen(s));
	lex_match(lx, &tt, mask, &hits);
	out[0] = '\0';
	for (size_t i = 0; i < hits.n; i++) {
		if (i)
			strcat(out, "|");
		strcat(out, lex_phrase(lx, hits.h[i].entry));
	}
	lex_hits_free(&hits);
	tok_free(&tt);
	return out;
}

static const char *
found(struct lexicon *lx, const char *s, char *out)
{
	return found_in(lx, s, LEX_ALL_LANGS, out);
}

static void
test_load_and_match(void **state)
{
	struct lexicon lx;
	struct buf err = BUF_INIT;
	char path[64], out[512];

	(void)state;
	temp_file(path,
	    "# a comment\n"
	    "\n"
	    "intent\trefund\t1.5\tmoney back\n"
	    "intent\trefund\t1\trefund*\n"
	    "intent\tshipping\t1\t快递\n"
	    "sentiment\tneg\t1\tterrible\n"
	    "escalate\t-\t2\tchargeback\r\n"
	    "negation\t-\t1\tnot\n");
	lex_init(&lx);
	assert_int_equal(lex_load(&lx, path, &err), 0);
	unlink(path);
	assert_int_equal(lx.n, 6);
	assert_int_equal(lx.nintents, 2);
	assert_int_equal(lex_intent_index(&lx, "shipping"), 1);
	assert_int_equal(lex_intent_index(&lx, "nope"), -1);

	assert_string_equal(found(&lx, "I want my MONEY BACK, refunded now",
	    out), "money back|refund");
	assert_string_equal(found(&lx, "Refunds?", out), "refund");
	/* a prefix needs the whole prefix: "ref" alone is no refund */
	assert_string_equal(found(&lx, "ref", out), "");
	/* CJK phrases match inside text without spaces */
	assert_string_equal(found(&lx, "我的快递呢", out), "快递");
	/* full width and case do not matter; one hit per entry */
	assert_string_equal(found(&lx, "ＣＨＡＲＧＥＢＡＣＫ chargeback", out),
	    "chargeback");
	/* words must match whole: "moneyback" is one other word */
	assert_string_equal(found(&lx, "moneyback", out), "");
	lex_free(&lx);
	buf_free(&err);
}

static void
test_override(void **state)
{
	struct lexicon lx;
	struct buf err = BUF_INIT;
	char out[256];

	(void)state;
	lex_init(&lx);
	assert_int_equal(lex_add(&lx, "intent", "refund", "1", "Money  Back",
	    NULL, &err), 0);
	/* same kind, label and (folded) phrase: the weight is replaced */
	assert_int_equal(lex_add(&lx, "intent", "refund", "3", "money back",
	    NULL, &err), 0);
	assert_int_equal(lx.n, 1);
	assert_true(lx.e[0].weight == 3.0f);
	/* another label is another entry */
	assert_int_equal(lex_add(&lx, "intent", "return", "1", "money back",
	    NULL, &err), 0);
	assert_int_equal(lx.n, 2);
	/* weight 0 switches an entry off */
	assert_int_equal(lex_add(&lx, "intent", "refund", "0", "money back",
	    NULL, &err), 0);
	assert_string_equal(found(&lx, "money back", out), "money back");
	assert_int_equal(lx.e[1].cat, lex_intent_index(&lx, "return"));
	assert_int_equal(lx.e[1].kind, LEX_INTENT);
	lex_free(&lx);
	buf_free(&err);
}

static void
test_errors(void **state)
{
	struct lexicon lx;
	struct buf err = BUF_INIT;
	char path[64];

	(void)state;
	lex_init(&lx);
	assert_int_equal(lex_add(&lx, "mood", "x", "1", "a", NULL, &err), -1);
	assert_non_null(strstr(buf_str(&err), "unknown kind \"mood\""));
	buf_reset(&err);
	assert_int_equal(lex_add(&lx, "intent", "refund", "abc", "a", NULL, &err), -1);
	assert_non_null(strstr(buf_str(&err), "weight \"abc\""));
	buf_reset(&err);
	assert_int_equal(lex_add(&lx, "intent", "refund", "11", "a", NULL, &err), -1);
	buf_reset(&err);
	assert_int_equal(lex_add(&lx, "sentiment", "meh", "1", "a", NULL, &err), -1);
	buf_reset(&err);
	assert_int_equal(lex_add(&lx, "intent", "-", "1", "a", NULL, &err), -1);
	buf_reset(&err);
	assert_int_equal(lex_add(&lx, "intent", "refund", "1", "!.,", NULL, &err), -1);
	assert_non_null(strstr(buf_str(&err), "has no words"));
	buf_reset(&err);
	assert_int_equal(lex_add(&lx, "escalate", "-", "2", "12315", NULL, &err), -1);
	assert_non_null(strstr(buf_str(&err), "only numbers"));
	buf_reset(&err);
	assert_int_equal(lex_add(&lx, "escalate", "-", "2", "1 star", NULL, &err), 0);

	buf_reset(&err);
	temp_file(path, "intent\trefund\t1\tok\nintent refund 1 spaces\n");
	assert_int_equal(lex_load(&lx, path, &err), -1);
	char want[128];
	snprintf(want, sizeof(want), "%s:2: expected 4 tab-separated", path);
	assert_non_null(strstr(buf_str(&err), want));
	unlink(path);

	buf_reset(&err);
	assert_int_equal(lex_load(&lx, "/nonexistent/lex.tsv", &err), -1);
	assert_non_null(strstr(buf_str(&err), "No such file"));
	lex_free(&lx);
	buf_free(&err);
}

/*
 * Entries of a language fire only in its text (its own tag, its subtags,
 * its parent); entries of every language and text of unknown language
 * see everything; an entry of every language overrides all alike.
 */
static void
test_languages(void **state)
{
	struct lexicon lx;
	struct buf err = BUF_INIT;
	char out[512];

	(void)state;
	lex_init(&lx);
	assert_int_equal(lex_add(&lx, "sentiment", "pos", "1", "fast", "en",
	    &err), 0);
	assert_int_equal(lex_add(&lx, "intent", "product", "1", "fast", "de",
	    &err), 0);
	assert_int_equal(lex_add(&lx, "intent", "refund", "1", "退款", "zh",
	    &err), 0);
	assert_int_equal(lex_add(&lx, "intent", "refund", "1", "退費",
	    "zh-Hant", &err), 0);
	assert_int_equal(lex_add(&lx, "intent", "refund", "1", "reembolso",
	    "pt", &err), 0);
	assert_int_equal(lex_add(&lx, "escalate", "-", "2", "chargeback", NULL,
	    &err), 0);
	assert_int_equal(lx.nlangs, 5);
	assert_int_equal(lex_lang_index(&lx, "zh-Hant"), 3);
	/* German "fast" (almost) is no English praise */
	assert_string_equal(found_in(&lx, "fast chargeback",
	    lex_lang_mask(&lx, "de"), out), "fast|chargeback");
	assert_int_equal(lx.e[1].lang, lex_lang_index(&lx, "de"));
	struct tok_text tt;
	struct lex_hits hits = { 0 };
	tok_init(&tt);
	tok_run(&tt, "fast", 4);
	lex_match(&lx, &tt, lex_lang_mask(&lx, "de"), &hits);
	assert_int_equal(hits.n, 1);
	assert_int_equal(lx.e[hits.h[0].entry].kind, LEX_INTENT);
	lex_match(&lx, &tt, lex_lang_mask(&lx, "en"), &hits);
	assert_int_equal(hits.n, 1);
	assert_int_equal(lx.e[hits.h[0].entry].kind, LEX_SENTIMENT);
	lex_match(&lx, &tt, lex_lang_mask(&lx, "fr"), &hits);
	assert_int_equal(hits.n, 0);
	/* unknown language: every cue */
	lex_match(&lx, &tt, lex_lang_mask(&lx, "und"), &hits);
	assert_int_equal(hits.n, 2);
	lex_match(&lx, &tt, lex_lang_mask(&lx, NULL), &hits);
	assert_int_equal(hits.n, 2);
	lex_hits_free(&hits);
	tok_free(&tt);
	/* Chinese: zh cues in both scripts, zh-Hant ones in Traditional and
	 * in plain zh; Taiwan's tag is Traditional; pt-BR is pt */
	assert_string_equal(found_in(&lx, "退款 退費",
	    lex_lang_mask(&lx, "zh-Hans"), out), "退款");
	assert_string_equal(found_in(&lx, "退款 退費",
	    lex_lang_mask(&lx, "zh-Hant"), out), "退款|退費");
	assert_string_equal(found_in(&lx, "退款 退費",
	    lex_lang_mask(&lx, "zh-TW"), out), "退款|退費");
	assert_string_equal(found_in(&lx, "退款 退費",
	    lex_lang_mask(&lx, "zh"), out), "退款|退費");
	assert_string_equal(found_in(&lx, "reembolso",
	    lex_lang_mask(&lx, "pt-BR"), out), "reembolso");
	assert_string_equal(found_in(&lx, "reembolso",
	    lex_lang_mask(&lx, "es"), out), "");
	/* an entry of every language sets the weight of all such entries */
	assert_int_equal(lex_add(&lx, "intent", "refund", "0", "退款", NULL,
	    &err), 0);
	assert_string_equal(found_in(&lx, "退款",
	    lex_lang_mask(&lx, "zh"), out), "");
	assert_int_equal(lx.n, 6);
	/* one of a language only its own */
	assert_int_equal(lex_add(&lx, "intent", "product", "0", "fast", "en",
	    &err), 0);
	assert_int_equal(lx.n, 7);
	lex_free(&lx);
	buf_free(&err);
}

/* The kinds beyond intent: topics, negations after the word, contrast;
 * a prefix of three letters. */
static void
test_kinds(void **state)
{
	struct lexicon lx;
	struct buf err = BUF_INIT;
	char out[512];

	(void)state;
	lex_init(&lx);
	assert_int_equal(lex_add(&lx, "topic", "customs", "1", "import duty",
	    NULL, &err), 0);
	assert_int_equal(lex_add(&lx, "negation", "after", "1", "ない", NULL,
	    &err), 0);
	assert_int_equal(lex_add(&lx, "negation", "before", "1", "not", NULL,
	    &err), 0);
	assert_int_equal(lex_add(&lx, "contrast", "-", "1", "but", NULL,
	    &err), 0);
	assert_int_equal(lex_add(&lx, "intent", "payment", "1", "pay*", NULL,
	    &err), 0);
	assert_int_equal(lex_add(&lx, "intent", "shipping", "1", "배송*", NULL,
	    &err), 0);
	assert_int_equal(lx.ntopics, 1);
	assert_int_equal(lex_topic_index(&lx, "customs"), 0);
	assert_int_equal(lx.e[0].kind, LEX_TOPIC);
	assert_int_equal(lx.e[1].cat, 1);	/* after */
	assert_int_equal(lx.e[2].cat, -1);	/* before */
	assert_int_equal(lx.e[3].kind, LEX_CONTRAST);
	assert_string_equal(found(&lx, "the import duty is not ok but fine",
	    out), "import duty|not|but");
	assert_string_equal(found(&lx, "良くない", out), "ない");
	/* pay* has three letters: pay, paying, payment */
	assert_string_equal(found(&lx, "pay", out), "pay");
	assert_string_equal(found(&lx, "payments", out), "pay");
	assert_string_equal(found(&lx, "pa", out), "");
	/* Hebrew and Arabic words are read without "the", "and"... too */
	assert_int_equal(lex_add(&lx, "intent", "discount", "1", "קופון", NULL,
	    &err), 0);
	assert_int_equal(lex_add(&lx, "intent", "shipping", "1", "طلب*", NULL,
	    &err), 0);
	assert_int_equal(lex_add(&lx, "intent", "refund", "1", "כסף בחזרה",
	    NULL, &err), 0);
	assert_string_equal(found(&lx, "הקופון לא עובד", out), "קופון");
	assert_string_equal(found(&lx, "והקופון", out), "קופון");
	assert_string_equal(found(&lx, "وين والطلبية", out), "طلب");
	assert_string_equal(found(&lx, "רוצה את הכסף בחזרה", out),
	    "כסף בחזרה");
	/* but not a word that only starts like one: two letters must stay */
	assert_string_equal(found(&lx, "בקו", out), "");
	/* a Hangul prefix of one syllable */
	assert_string_equal(found(&lx, "배송이 늦어요", out), "배송");
	assert_int_equal(lex_add(&lx, "negation", "sideways", "1", "x", NULL,
	    &err), -1);
	assert_non_null(strstr(buf_str(&err), "not -, before or after"));
	buf_reset(&err);
	assert_int_equal(lex_add(&lx, "topic", "-", "1", "x", NULL, &err), -1);
	assert_non_null(strstr(buf_str(&err), "a topic entry needs a label"));
	lex_free(&lx);
	buf_free(&err);
}

/* The hits of s with and without the any_lang filter, as "entry@pos". */
static void
hits_of(const struct lexicon *lx, const struct tok_text *tt, uint64_t mask,
    int plain, struct lex_hits *hits)
{
	if (plain)
		lex_match_plain(lx, tt, mask, hits);
	else
		lex_match(lx, tt, mask, hits);
}

/*
 * The fast path (words no language has a cue for passed over by the
 * any_lang filter) finds exactly the plain path's hits, in the same order:
 * on the built-in lexicons, every entry's own phrase as a message, then
 * with words before and after, read as each language, as every language
 * and as 'und'; and it does find cues (the test would pass on nothing).
 */
static void
test_fast_path(void **state)
{
	const char *share = getenv("CSKIT_SHARE");
	struct lexicon lx;
	struct buf err = BUF_INIT, dir = BUF_INIT, text = BUF_INIT;
	struct tok_text tt;
	struct lex_hits a = { 0 }, b = { 0 };
	size_t found = 0;

	(void)state;
	buf_printf(&dir, "%s/lexicon", share ? share : "share/cskit");
	lex_init(&lx);
	assert_int_equal(lex_load_dir(&lx, dir.data, &err), 0);
	lex_mark_shared(&lx);
	lex_pack(&lx);
	tok_init(&tt);
	for (size_t i = 0; i < lx.n; i++) {
		for (int pad = 0; pad < 2; pad++) {
			buf_reset(&text);
			buf_printf(&text, pad ? "xq %s zz" : "%s",
			    lex_phrase(&lx, (uint32_t)i));
			tok_run(&tt, text.data, text.len);
			for (int l = -2; l < lx.nlangs; l++) {
				uint64_t mask = l == -2 ? LEX_ALL_LANGS :
				    l == -1 ? lex_lang_mask(&lx, "und") :
				    (uint64_t)1 << l;
				hits_of(&lx, &tt, mask, 0, &a);
				hits_of(&lx, &tt, mask, 1, &b);
				assert_int_equal(a.n, b.n);
				if (a.n)
					assert_memory_equal(a.h, b.h,
					    a.n * sizeof(*a.h));
				found += a.n;
			}
		}
	}
	assert_true(found > lx.n);
	lex_hits_free(&a);
	lex_hits_free(&b);
	tok_free(&tt);
	lex_free(&lx);
	buf_free(&err);
	buf_free(&dir);
	buf_free(&text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_and_match),
		cmocka_unit_test(test_override),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_languages),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_fast_path),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
