/*
 * linmodel — the model file decoder (cs-classify --model), then a
 * prediction with the model it accepted.
 *
 * Input: byte 0 bit 0 set makes the harness fix the size field and append
 * the checksum, so the fuzzer reaches past the integrity check into the
 * fields; the rest is the file.
 */
#include "fuzz.h"
#include "linmodel.h"
#include "tokenize.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct lm_model m;
	struct buf err = BUF_INIT, file = BUF_INIT;

	if (n < 1)
		return 0;
	buf_add(&file, data + 1, n - 1);
	if ((data[0] & 1) && file.len >= 16) {
		uint64_t size = file.len + 8, h;

		for (int i = 0; i < 8; i++)
			file.data[8 + i] = (char)(size >> (8 * i));
		h = tok_hash(file.data, file.len);
		for (int i = 0; i < 8; i++) {
			char c = (char)(h >> (8 * i));
			buf_add(&file, &c, 1);
		}
	}
	if (lm_decode(&m, (const unsigned char *)file.data, file.len,
	    &err) == 0) {
		uint32_t f[3] = { 0, m.buckets - 1, m.buckets / 2 };
		float *lex = calloc(m.nlex + 1, sizeof *lex);
		float *prob = calloc(m.nlabels + 1, sizeof *prob);

		if (m.buckets == 0 || (m.buckets & (m.buckets - 1)) != 0)
			abort();
		lm_predict(&m, f, 3, lex, prob);
		free(lex);
		free(prob);
		lm_free(&m);
	}
	buf_free(&err);
	buf_free(&file);
	return 0;
}
