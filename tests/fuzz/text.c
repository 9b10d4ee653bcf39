/*
 * text — what every message goes through in cs-classify: UTF-8 checking,
 * NFKC case folding, display width, tokenising and language detection.
 *
 * Input: the message bytes.
 */
#include "fuzz.h"
#include "langid.h"
#include "text.h"
#include "tokenize.h"

static struct langid li;
static int ready;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	const char *s = (const char *)data;
	struct buf b = BUF_INIT;
	struct tok_text tt;
	size_t bad;

	if (!ready) {
		langid_init(&li);
		ready = 1;
	}
	if (text_utf8_valid(s, n, &bad)) {
		text_fold(s, n, &b);
		text_width(s, n);
	} else if (bad > n)
		abort();
	tok_init(&tt);
	tok_run(&tt, s, n);
	for (size_t i = 0; i < tt.n; i++)
		if (tt.toks[i].off + tt.toks[i].len > tt.bytes.len)
			abort();
	langid_detect(&li, s, n, &tt, NULL);
	tok_free(&tt);
	buf_reset(&b);
	text_base64(s, n, &b);
	buf_free(&b);
	return 0;
}
