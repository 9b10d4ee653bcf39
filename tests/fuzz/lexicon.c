/*
 * lexicon — a lexicon file (cs-classify --lexicon), then a match of the
 * entries it loaded against a message.
 *
 * Input: the lexicon file up to the first NUL, the message after it.
 */
#include "fuzz.h"
#include "lexicon.h"
#include "tokenize.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct lexicon lx;
	struct lex_hits hits = { 0 };
	struct tok_text tt;
	struct buf err = BUF_INIT;
	const uint8_t *e = memchr(data, '\0', n);
	size_t k = e ? (size_t)(e - data) : n;

	lex_init(&lx);
	tok_init(&tt);
	if (lex_load(&lx, fuzz_file("lex.tsv", data, k), &err) == 0) {
		if (e != NULL)
			tok_run(&tt, (const char *)e + 1, n - k - 1);
		else
			tok_run(&tt, "I want my money back, 退款 please!!", 38);
		lex_match(&lx, &tt, LEX_ALL_LANGS, &hits);
		for (size_t i = 0; i < hits.n; i++)
			if (hits.h[i].entry >= lx.n)
				abort();
	}
	lex_hits_free(&hits);
	tok_free(&tt);
	lex_free(&lx);
	buf_free(&err);
	return 0;
}
