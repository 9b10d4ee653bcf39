/*
 * lib/linmodel: features, training on a small labelled set, determinism,
 * the model file and its corruption (truncated, foreign, altered files).
 */
#include "unit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
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
	c.data[4] = LM_VERSION;

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


/*
 * Two heads trained together: the second ("mood") learns only from the
 * examples that have its label; its labels get the intent most of their
 * examples carried as parent when nine in ten did, none otherwise.
 */
static void
train_heads(struct lm_model *m)
{
	static const struct {
		const char	*text;
		uint32_t	 intent, mood;
	} d[] = {
		{ "i want a refund now", 0, 0 }, { "refund my money please", 0, 0 },
		{ "give me my money back", 0, 0 }, { "where is my package", 1, 1 },
		{ "tracking number please", 1, 1 }, { "package late again", 1, 0 },
		{ "when will the package arrive", 1, LM_NONE },
		{ "money back thanks", 0, LM_NONE },
	};
	static char *names[] = { "refund", "shipping", "angry", "calm" };
	static char *heads[] = { "intent", "mood" };
	uint32_t count[] = { 2, 2 };
	struct tok_text tt;
	struct lm_feats fs = { 0 };
	struct lm_example ex[8];
	float zero = 0;

	tok_init(&tt);
	lm_setup(m, 1024, 4, names, 1, lexnames);
	lm_set_heads(m, 2, heads, count);
	for (size_t i = 0; i < 8; i++) {
		tok_run(&tt, d[i].text, strlen(d[i].text));
		lm_features(&tt, m->buckets, &fs);
		ex[i].nf = (uint32_t)fs.n;
		ex[i].f = malloc(fs.n * sizeof(uint32_t));
		memcpy(ex[i].f, fs.f, fs.n * sizeof(uint32_t));
		ex[i].lex = &zero;
		ex[i].label[0] = d[i].intent;
		ex[i].label[1] = d[i].mood;
		ex[i].label[2] = ex[i].label[3] = LM_NONE;
	}
	struct lm_train_opts o = { 30, 0.5f, 0.001f, 0.5f, 3 };
	lm_train(m, ex, 8, &o);
	for (size_t i = 0; i < 8; i++)
		free(ex[i].f);
	lm_feats_free(&fs);
	tok_free(&tt);
}

static void
test_heads(void **state)
{
	struct lm_model a, b;
	struct buf enc = BUF_INIT, err = BUF_INIT;
	struct tok_text tt;
	struct lm_feats fs = { 0 };
	float p[4], zero = 0;

	(void)state;
	train_heads(&a);
	assert_int_equal(a.nheads, 2);
	assert_int_equal(lm_head_index(&a, "mood"), 1);
	assert_int_equal(lm_head_index(&a, "topic"), -1);
	/* "angry": 3 refunds, 1 shipping: no parent; "calm": shipping */
	assert_int_equal(a.parent[2], LM_NONE);
	assert_int_equal(a.parent[3], 1);
	assert_int_equal(a.parent[0], LM_NONE);
	/* each head's probabilities add up to one */
	tok_init(&tt);
	tok_run(&tt, "where is my refund", strlen("where is my refund"));
	lm_features(&tt, a.buckets, &fs);
	lm_predict(&a, fs.f, fs.n, &zero, p);
	assert_true(fabsf(p[0] + p[1] - 1) < 1e-5f);
	assert_true(fabsf(p[2] + p[3] - 1) < 1e-5f);
	/* a temperature flattens its head only */
	float q[4];
	a.heads[1].temperature = 4;
	lm_predict(&a, fs.f, fs.n, &zero, q);
	assert_true(q[0] == p[0] && q[1] == p[1]);
	assert_true(fabsf(q[2] - 0.5f) < fabsf(p[2] - 0.5f));
	/* heads, temperatures and parents survive the file */
	lm_encode(&a, &enc);
	assert_int_equal(lm_decode(&b, (unsigned char *)enc.data, enc.len,
	    &err), 0);
	assert_int_equal(b.nheads, 2);
	assert_string_equal(b.heads[1].name, "mood");
	assert_int_equal(b.heads[1].first, 2);
	assert_true(b.heads[1].temperature == 4);
	assert_int_equal(b.parent[3], 1);
	assert_int_equal(b.parent[2], LM_NONE);
	lm_free(&a);
	lm_free(&b);
	lm_feats_free(&fs);
	tok_free(&tt);
	buf_free(&enc);
	buf_free(&err);
}

/*
 * Length power: a head that averages (power 1) gives a message the same
 * answer however often its features repeat, while the default head (1/2)
 * grows surer; a message of LM_LENGTH_PIVOT features weighs the same under
 * either power; the power survives the file.
 */
static void
test_length_power(void **state)
{
	struct lm_model a, b;
	struct buf enc = BUF_INIT, err = BUF_INIT;
	struct tok_text tt;
	struct lm_feats fs = { 0 };
	float p1[4], p4[4], q[4], zero = 0;
	uint32_t f[64];

	(void)state;
	train_heads(&a);
	tok_init(&tt);
	tok_run(&tt, "refund", strlen("refund"));
	lm_features(&tt, a.buckets, &fs);
	size_t n = fs.n;
	assert_true(n >= 1 && n * 4 <= 64);
	for (size_t k = 0; k < 4; k++)
		memcpy(f + k * n, fs.f, n * sizeof(*f));
	a.heads[1].length_power = 1;
	lm_predict(&a, f, n, &zero, p1);
	lm_predict(&a, f, 4 * n, &zero, p4);
	/* the mean head: the same; the default head: surer of its label */
	assert_true(fabsf(p1[2] - p4[2]) < 1e-5f);
	assert_true(fabsf(p4[0] - 0.5f) > fabsf(p1[0] - 0.5f));
	/* at the pivot both powers agree */
	for (size_t k = 0; k < (size_t)LM_LENGTH_PIVOT; k++)
		f[k] = (uint32_t)(k * 37 % a.buckets);
	lm_predict(&a, f, (size_t)LM_LENGTH_PIVOT, &zero, p1);
	a.heads[1].length_power = LM_LENGTH_POWER;
	lm_predict(&a, f, (size_t)LM_LENGTH_PIVOT, &zero, q);
	assert_true(fabsf(p1[2] - q[2]) < 1e-5f);
	/* the power survives the file (version 3) */
	a.heads[1].length_power = 1;
	lm_encode(&a, &enc);
	assert_int_equal(lm_decode(&b, (unsigned char *)enc.data, enc.len,
	    &err), 0);
	assert_true(b.heads[1].length_power == 1);
	assert_true(b.heads[0].length_power == LM_LENGTH_POWER);
	lm_predict(&b, f, 4 * n, &zero, q);
	lm_predict(&a, f, 4 * n, &zero, p4);
	assert_true(q[2] == p4[2]);
	lm_free(&a);
	lm_free(&b);
	lm_feats_free(&fs);
	tok_free(&tt);
	buf_free(&enc);
	buf_free(&err);
}

/* A version 1 file (one head, no temperature) as the old cs-classify
 * wrote it: still read. */
static void
put32(struct buf *b, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		buf_addc(b, (char)(v >> (8 * i)));
}

static void
test_version1(void **state)
{
	struct lm_model a, b;
	struct buf v1 = BUF_INIT, err = BUF_INIT;
	float pa[2], pb[2];

	(void)state;
	train_small(&a, 1);
	buf_add(&v1, "CSKM", 4);
	put32(&v1, 1);
	put32(&v1, 0);			/* size, below */
	put32(&v1, 0);
	put32(&v1, LM_SCHEME);
	put32(&v1, a.nlabels);
	put32(&v1, a.buckets);
	put32(&v1, a.nlex);
	uint32_t rows = 0;
	for (uint32_t r = 0; r < a.buckets; r++)
		rows += a.w[(size_t)r * 2] != 0 || a.w[(size_t)r * 2 + 1] != 0;
	put32(&v1, rows);
	for (uint32_t c = 0; c < a.nlabels; c++) {
		buf_addc(&v1, (char)strlen(a.labels[c]));
		buf_addc(&v1, 0);
		buf_adds(&v1, a.labels[c]);
	}
	buf_addc(&v1, (char)strlen(a.lexnames[0]));
	buf_addc(&v1, 0);
	buf_adds(&v1, a.lexnames[0]);
	for (uint32_t c = 0; c < 2; c++) {
		uint32_t u;
		memcpy(&u, &a.bias[c], 4);
		put32(&v1, u);
	}
	for (uint32_t c = 0; c < 2; c++) {
		uint32_t u;
		memcpy(&u, &a.lexw[c], 4);
		put32(&v1, u);
	}
	for (uint32_t r = 0; r < a.buckets; r++) {
		if (a.w[(size_t)r * 2] == 0 && a.w[(size_t)r * 2 + 1] == 0)
			continue;
		put32(&v1, r);
		for (uint32_t c = 0; c < 2; c++) {
			uint32_t u;
			memcpy(&u, &a.w[(size_t)r * 2 + c], 4);
			put32(&v1, u);
		}
	}
	uint64_t size = v1.len + 8;
	for (int i = 0; i < 8; i++)
		v1.data[8 + i] = (char)(size >> (8 * i));
	uint64_t h = tok_hash(v1.data, v1.len);
	put32(&v1, (uint32_t)h);
	put32(&v1, (uint32_t)(h >> 32));
	assert_int_equal(lm_decode(&b, (unsigned char *)v1.data, v1.len, &err),
	    0);
	assert_int_equal(b.nheads, 1);
	assert_string_equal(b.heads[0].name, "");
	assert_true(b.heads[0].temperature == 1);
	assert_true(b.heads[0].length_power == LM_LENGTH_POWER);
	predict(&a, "where is my refund", pa);
	predict(&b, "where is my refund", pb);
	assert_true(pa[0] == pb[0] && pa[1] == pb[1]);
	lm_free(&a);
	lm_free(&b);
	buf_free(&v1);
	buf_free(&err);
}

/*
 * Temperature fitting: logits three times too sure of labels drawn at
 * the probabilities of the true logits come back with a temperature near
 * three; logits that are right need none (near one).
 */
static void
test_fit_temperature(void **state)
{
	static char *names[] = { "a", "b" };
	struct lm_model m;
	struct lm_example ex[400];
	float lg[800], right[800];

	(void)state;
	lm_setup(&m, 2, 2, names, 0, NULL);
	for (int i = 0; i < 400; i++) {
		float z = (float)(i / 20 - 10) / 4;	/* -2.5 .. 2.25 */
		float p = 1 / (1 + expf(-z));		/* P(b) */
		memset(&ex[i], 0, sizeof ex[i]);
		ex[i].label[0] = (i % 20) < (int)(p * 20 + 0.5f) ? 1 : 0;
		for (int h = 1; h < LM_HEADS_MAX; h++)
			ex[i].label[h] = LM_NONE;
		lg[2 * i] = 0;
		lg[2 * i + 1] = 3 * z;
		right[2 * i] = 0;
		right[2 * i + 1] = z;
	}
	float t = lm_fit_temperature(&m, 0, lg, ex, 400);
	assert_true(t > 2.5f && t < 3.5f);
	t = lm_fit_temperature(&m, 0, right, ex, 400);
	assert_true(t > 0.8f && t < 1.25f);
	lm_free(&m);
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
		cmocka_unit_test(test_heads),
		cmocka_unit_test(test_length_power),
		cmocka_unit_test(test_version1),
		cmocka_unit_test(test_fit_temperature),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
