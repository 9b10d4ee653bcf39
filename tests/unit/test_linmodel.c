/*
 * lib/linmodel: features, training on a small labelled set, determinism,
 * the model file and its corruption (truncated, foreign, altered files).
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "linmodel.h"

static const struct {
	const char	*text;
	uint32_t	 label;
} data[] = {
	{ "i want a refund", 0 }, { "refund my money please", 0 },
	{ "give me my money back", 0 }, { "money back now", 0 },
	{ "where is my package", 1 }, { "tracking number please", 1 },
	{ "package not delivered yet", 1 }, { "when will the package arrive", 1 },
	{ "我要退款", 0 }, { "退款还没到", 0 }, { "快递到哪了", 1 },
	{ "快递单号", 1 },
};
#define NDATA (sizeof(data) / sizeof(data[0]))

static char *labels[] = { "refund", "shipping" };
static char *lexnames[] = { "urgency" };

static void
train_small(struct lm_model *m, uint64_t seed)
{
	struct tok_text tt;
	struct lm_feats fs = { 0 };
	struct lm_example ex[NDATA];
	float zero = 0;

	tok_init(&tt);
	lm_setup(m, 1024, 2, labels, 1, lexnames);
	for (size_t i = 0; i < NDATA; i++) {
		tok_run(&tt, data[i].text, strlen(data[i].text));
		lm_features(&tt, m->buckets, &fs);
		ex[i].nf = (uint32_t)fs.n;
		ex[i].f = malloc(fs.n * sizeof(uint32_t));
		memcpy(ex[i].f, fs.f, fs.n * sizeof(uint32_t));
		ex[i].lex = &zero;
		ex[i].label[0] = data[i].label;
		for (int h = 1; h < LM_HEADS_MAX; h++)
			ex[i].label[h] = LM_NONE;
	}
	struct lm_train_opts o = { 30, 0.5f, 0.001f, 0.5f, seed };
	lm_train(m, ex, NDATA, &o);
	for (size_t i = 0; i < NDATA; i++)
		free(ex[i].f);
	lm_feats_free(&fs);
	tok_free(&tt);
}

static uint32_t
predict(const struct lm_model *m, const char *s, float *p)
{
	struct tok_text tt;
	struct lm_feats fs = { 0 };
	float zero = 0;

	tok_init(&tt);
	tok_run(&tt, s, strlen(s));
	lm_features(&tt, m->buckets, &fs);
	lm_predict(m, fs.f, fs.n, &zero, p);
	lm_feats_free(&fs);
	tok_free(&tt);
	return p[1] > p[0];
}

static void
test_features(void **state)
{
	struct tok_text tt;
	struct lm_feats fs = { 0 };

	(void)state;
	tok_init(&tt);
	tok_run(&tt, "ab", 2);
	lm_features(&tt, 1024, &fs);
	/* unigram + "<ab" "ab>" (3-grams) + "<ab>" is the word itself: 3 */
	assert_int_equal(fs.n, 3);
	tok_run(&tt, "退款", strlen("退款"));
	lm_features(&tt, 1024, &fs);
	/* two unigrams and one character bigram */
	assert_int_equal(fs.n, 3);
	assert_int_equal(fs.span[2], (0u << 8) | 2);
	tok_run(&tt, "退款了", strlen("退款了"));
	lm_features(&tt, 1024, &fs);
	/* three unigrams, two bigrams, one trigram */
	assert_int_equal(fs.n, 6);
	for (size_t i = 0; i < fs.n; i++)
		assert_true(fs.f[i] < 1024);
	lm_feats_free(&fs);
	tok_free(&tt);
}

static void
test_train_predict(void **state)
{
	struct lm_model m;
	float p[2];

	(void)state;
	train_small(&m, 1);
	/* unseen phrasings that share words and subwords */
	assert_int_equal(predict(&m, "please refund", p), 0);
	assert_true(p[0] > 0.6f);
	assert_int_equal(predict(&m, "my package tracking", p), 1);
	assert_int_equal(predict(&m, "the packages", p), 1);
	assert_int_equal(predict(&m, "退款", p), 0);
	assert_int_equal(predict(&m, "快递呢", p), 1);
	assert_true(p[0] + p[1] > 0.999f && p[0] + p[1] < 1.001f);
	lm_free(&m);
}

static void
test_deterministic(void **state)
{
	struct lm_model a, b;
	struct buf ea = BUF_INIT, eb = BUF_INIT;

	(void)state;
	train_small(&a, 7);
	train_small(&b, 7);
	lm_encode(&a, &ea);
	lm_encode(&b, &eb);
	assert_int_equal(ea.len, eb.len);
	assert_memory_equal(ea.data, eb.data, ea.len);
	lm_free(&a);
	lm_free(&b);
	buf_free(&ea);
	buf_free(&eb);
}

static void
test_roundtrip(void **state)
{
	struct lm_model a, b;
	struct buf enc = BUF_INIT, err = BUF_INIT;
	float pa[2], pb[2];

	(void)state;
	train_small(&a, 1);
	lm_encode(&a, &enc);
	assert_memory_equal(enc.data, "CSKM", 4);
	assert_int_equal(lm_decode(&b, (unsigned char *)enc.data, enc.len,
	    &err), 0);
	assert_int_equal(b.nlabels, 2);
	assert_string_equal(b.labels[1], "shipping");
	assert_string_equal(b.lexnames[0], "urgency");
	predict(&a, "where is my refund", pa);
	predict(&b, "where is my refund", pb);
	assert_true(pa[0] == pb[0] && pa[1] == pb[1]);

	/* through a file */
	char path[] = "/tmp/cskit-model-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(lm_save(&a, path, &err), 0);
	lm_free(&b);
	assert_int_equal(lm_load(&b, path, &err), 0);
	assert_string_equal(buf_str(&err), "");
	unlink(path);
	lm_free(&a);
	lm_free(&b);
	buf_free(&enc);
	buf_free(&err);
}

static const char *
decode_error(const unsigned char *p, size_t len, struct buf *err)
{
	struct lm_model m;

	buf_reset(err);
	if (lm_decode(&m, p, len, err) == 0) {
		lm_free(&m);
		return NULL;
	}
	assert_null(m.w);		/* nothing left allocated */
	return buf_str(err);
}

/* Rewrite the trailing checksum after an edit. */
static void
reseal(struct buf *b)
{
	uint64_t h = tok_hash(b->data, b->len - 8);
	for (int i = 0; i < 8; i++)
		b->data[b->len - 8 + (size_t)i] = (char)(h >> (8 * i));
}

static void
test_corrupt(void **state)
{
	struct lm_model a;
	struct buf enc = BUF_INIT, err = BUF_INIT, c = BUF_INIT;
	const unsigned char *p;

	(void)state;
	train_small(&a, 1);
	lm_encode(&a, &enc);
	p = (const unsigned char *)enc.data;

	/* every truncation is refused, none crashes */
	for (size_t n = 0; n < enc.len; n++)
		assert_non_null(decode_error(p, n, &err));
	assert_non_null(strstr(decode_error(p, enc.len - 1, &err), "truncated"));
	assert_non_null(strstr(decode_error(p, 10, &err), "truncated"));
	assert_non_null(strstr(decode_error(p, 2, &err), "no CSKM magic"));

	/* a foreign file */
	assert_non_null(strstr(decode_error((const unsigned char *)
	    "\x7f" "ELF\x02\x01\x01", 7, &err), "not a cskit model"));

	/* any flipped bit in the body: checksum */
	buf_add(&c, enc.data, enc.len);
	for (size_t at = 16; at < enc.len; at += 97) {
		c.data[at] ^= 0x10;
		assert_non_null(decode_error((unsigned char *)c.data, c.len,
		    &err));
		c.data[at] ^= 0x10;
	}
	c.data[enc.len / 2] ^= 1;
	assert_non_null(strstr(decode_error((unsigned char *)c.data, c.len,
	    &err), "checksum"));
	c.data[enc.len / 2] ^= 1;

	/* another version */
	c.data[4] = 9;
	assert_non_null(strstr(decode_error((unsigned char *)c.data, c.len,
	    &err), "version 9 is not supported"));
	c.data[4] = 1;

	/* trailing bytes */
	buf_addc(&c, 'x');
	assert_non_null(strstr(decode_error((unsigned char *)c.data, c.len,
	    &err), "damaged"));
	c.len--;

	/* a well-sealed file with impossible dimensions: 0 labels */
	memset(c.data + 20, 0, 4);
	reseal(&c);
	assert_non_null(strstr(decode_error((unsigned char *)c.data, c.len,
	    &err), "impossible dimensions"));
	memcpy(c.data, enc.data, enc.len);
	/* buckets not a power of two */
	c.data[24] = 3;
	c.data[25] = 0;
	reseal(&c);
	assert_non_null(decode_error((unsigned char *)c.data, c.len, &err));
	memcpy(c.data, enc.data, enc.len);
	/* more rows claimed than there are */
	c.data[32]++;
	reseal(&c);
	assert_non_null(strstr(decode_error((unsigned char *)c.data, c.len,
	    &err), "inconsistent sizes"));

	/* the intact copy still reads */
	memcpy(c.data, enc.data, enc.len);
	assert_null(decode_error((unsigned char *)c.data, c.len, &err));

	/* missing file */
	struct lm_model m;
	buf_reset(&err);
	assert_int_equal(lm_load(&m, "/nonexistent/m.bin", &err), -1);
	assert_non_null(strstr(buf_str(&err), "/nonexistent/m.bin: No such"));
	lm_free(&a);
	buf_free(&enc);
	buf_free(&err);
	buf_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_features),
		cmocka_unit_test(test_train_predict),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_corrupt),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
