/*
 * lib/linmodel, its fast paths: the features (character n-grams hashed
 * incrementally) are the very buckets the first implementation made, which
 * every shipped model's weights depend on; lm_predict (rows summed in
 * vector registers, rows prefetched, a feature hint) gives, to the bit,
 * the plain formula of linmodel.h.
 */
#include "unit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "linmodel.h"

/* FNV-1a 64 of the values as little-endian bytes. */
static uint64_t
sum_u32(const uint32_t *v, size_t n)
{
	unsigned char b[4];
	uint64_t h = hash_fnv1a64("", 0);

	for (size_t i = 0; i < n; i++) {
		for (int k = 0; k < 4; k++)
			b[k] = (unsigned char)(v[i] >> (8 * k));
		for (int k = 0; k < 4; k++) {
			h ^= b[k];
			h *= 0x100000001b3ULL;
		}
	}
	return h;
}

/*
 * Recorded from the implementation before the fast paths (commit 5601450,
 * which hashed every n-gram from its start): count, and checksums of the
 * buckets and of the spans, for 2^18 buckets.  Feature scheme 2 (a "?" is
 * a token; Thai letters and emoji are tokens) changed the first case and
 * added the last, recorded from it.
 */
static void
test_features_unchanged(void **state)
{
	static const struct {
		const char	*text;
		size_t		 n;
		uint64_t	 f, span;
	} cases[] = {
		{ "Where is my package?", 43,
		    0x6eb441be58c120e6ULL, 0x6dfb2e40d2356f88ULL },
		{ "R\xC3\xBC" "ckerstattung f\xC3\xBCr Bestellung 12345, bitte!",
		    92, 0xd61c0a5a28577eeaULL, 0xe811be6743a0b5a8ULL },
		{ "我要退款，谢谢", 15,
		    0xf088351573110c9fULL, 0x0d11b2766b72239cULL },
		{ "返品できますか", 18,
		    0x69c2ad471a64b39cULL, 0xb8525392f2148db5ULL },
		{ "a", 1, 0x389849baa5ba4338ULL, 0xad2aca7747985764ULL },
		{ "supercalifragilisticexpialidocious-and-a-very-long-word-"
		    "past-thirty-two-code-points", 199,
		    0x1fcf24244d72bd46ULL, 0xeada35837443e651ULL },
		{ "Ｒｅｆｕｎｄ né ВОЗВРАТ", 40,
		    0x26ec874b967b9d50ULL, 0xc4e2dcc6d6e6baf3ULL },
		{ "ได้รับแล้ว 👍 ok?", 26,
		    0x431548d80bf09b1fULL, 0xe3498f5ea51e43b3ULL },
	};
	struct tok_text tt;
	struct lm_feats fs = { 0 };

	(void)state;
	tok_init(&tt);
	/* Three passes over one feature array: the words it remembers
	 * (pass 2), then after other bucket counts and thousands of other
	 * words have taken the slots (pass 3), give the same buckets. */
	for (int pass = 0; pass < 3; pass++) {
		for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
			tok_run(&tt, cases[i].text, strlen(cases[i].text));
			lm_features(&tt, 1u << 18, &fs);
			assert_int_equal(fs.n, cases[i].n);
			assert_true(sum_u32(fs.f, fs.n) == cases[i].f);
			assert_true(sum_u32(fs.span, fs.n) == cases[i].span);
		}
		for (int k = 0; pass == 1 && k < 20000; k++) {
			char w[32];
			int n = snprintf(w, sizeof w, "w%dq %s", k,
			    k % 2 ? "Where" : "package");
			tok_run(&tt, w, (size_t)n);
			lm_features(&tt, 1u << 18, &fs);
		}
		for (size_t i = 0; pass == 1 && i < sizeof(cases) /
		    sizeof(cases[0]); i++) {
			tok_run(&tt, cases[i].text, strlen(cases[i].text));
			lm_features(&tt, 1u << 10, &fs);
		}
	}
	lm_feats_free(&fs);
	tok_free(&tt);
}

static void reference_from_sums(const struct lm_model *, size_t nf,
    const float *lex, float *p);

/* linmodel.h's formula, written out plainly. */
static void
reference(const struct lm_model *m, const uint32_t *f, size_t nf,
    const float *lex, float *p)
{
	uint32_t L = m->nlabels;

	for (uint32_t c = 0; c < L; c++) {
		p[c] = 0;
		for (size_t i = 0; i < nf; i++)
			p[c] += m->w[(size_t)f[i] * L + c];
	}
	reference_from_sums(m, nf, lex, p);
}

/*
 * lm_predict_tokens' grouping, written out plainly from lm_features: the
 * features of token i come as its unigram (span i<<8|1), its bigram, then
 * either a trigram or its n-grams (span i<<8|1 again).  A word with
 * n-grams sums its unigram and n-grams from zero (the unigram first);
 * those sums are added in order into one vector; every other feature
 * (unigrams of words without n-grams, bigrams, trigrams) is summed in
 * order into another; the two added.
 */
static void
reference_tokens(const struct lm_model *m, const struct lm_feats *fs,
    const float *lex, float *p)
{
	uint32_t L = m->nlabels;
	float words[32] = { 0 }, ws[32];

	for (uint32_t c = 0; c < L; c++)
		p[c] = 0;
	for (size_t i = 0; i < fs->n; ) {
		uint32_t span = fs->span[i];
		const float *uni = m->w + (size_t)fs->f[i] * L, *row;
		if ((span & 0xFF) != 1) {	/* a bigram or trigram */
			for (uint32_t c = 0; c < L; c++)
				p[c] += uni[c];
			i++;
			continue;
		}
		/* a unigram: its bigram, then maybe its n-grams */
		size_t j = i + 1, bi = 0;
		if (j < fs->n && (fs->span[j] & 0xFF) == 2)
			bi = j++;
		if (j >= fs->n || fs->span[j] != span) {
			for (uint32_t c = 0; c < L; c++)
				p[c] += uni[c];
			if (bi) {
				row = m->w + (size_t)fs->f[bi] * L;
				for (uint32_t c = 0; c < L; c++)
					p[c] += row[c];
			}
			i = j;
			continue;
		}
		if (bi) {
			row = m->w + (size_t)fs->f[bi] * L;
			for (uint32_t c = 0; c < L; c++)
				p[c] += row[c];
		}
		for (uint32_t c = 0; c < L; c++)
			ws[c] = 0;
		for (uint32_t c = 0; c < L; c++)
			ws[c] += uni[c];
		for (; j < fs->n && fs->span[j] == span; j++) {
			row = m->w + (size_t)fs->f[j] * L;
			for (uint32_t c = 0; c < L; c++)
				ws[c] += row[c];
		}
		for (uint32_t c = 0; c < L; c++)
			words[c] += ws[c];
		i = j;
	}
	for (uint32_t c = 0; c < L; c++)
		p[c] += words[c];
	reference_from_sums(m, fs->n, lex, p);
}

/* The rest of the formula from the row sums in p: each head's labels
 * through its own softmax (of the logits over its temperature). */
static void
reference_from_sums(const struct lm_model *m, size_t nf, const float *lex,
    float *p)
{
	uint32_t L = m->nlabels;
	float scale = nf ? 1.0f / sqrtf((float)nf) : 0;

	for (uint32_t c = 0; c < L; c++)
		p[c] = p[c] * scale + m->bias[c];
	for (uint32_t k = 0; k < m->nlex; k++)
		if (lex[k] != 0)
			for (uint32_t c = 0; c < L; c++)
				p[c] += lex[k] * m->lexw[(size_t)k * L + c];
	for (uint32_t h = 0; h < m->nheads; h++) {
		float *q = p + m->heads[h].first, max, sum = 0;
		uint32_t n = m->heads[h].n;
		float t = m->heads[h].temperature;
		if (t != 1)
			for (uint32_t c = 0; c < n; c++)
				q[c] *= 1.0f / t;
		max = q[0];
		for (uint32_t c = 1; c < n; c++)
			if (q[c] > max)
				max = q[c];
		for (uint32_t c = 0; c < n; c++) {
			q[c] = expf(q[c] - max);
			sum += q[c];
		}
		for (uint32_t c = 0; c < n; c++)
			q[c] /= sum;
	}
}

static uint64_t
next(uint64_t *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return *s >> 33;
}

/* A model of L labels (at most 32) and nlex lexicon inputs (at most 2)
 * with weights from rng, a few tiny, the rest of both signs; the first
 * lexicon input's weights set.  Past 8 labels it has heads: the last
 * three labels a head of temperature 1.5, the three before one of 0.7. */
static void
random_model(struct lm_model *m, uint32_t buckets, uint32_t L,
    uint32_t nlex, uint64_t *rng)
{
	static char *names[32] = { "a", "b", "c", "d", "e", "f", "g", "h",
	    "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u",
	    "v", "w", "x", "y", "z", "A", "B", "C", "D", "E", "F" };
	static char *lexnames[] = { "x", "y" };
	static char *heads[] = { "intent", "topic", "sentiment" };

	lm_setup(m, buckets, L, names, nlex, lexnames);
	if (L > 8) {
		uint32_t count[3] = { L - 6, 3, 3 };
		lm_set_heads(m, 3, heads, count);
		m->heads[1].temperature = 0.7f;
		m->heads[2].temperature = 1.5f;
	}
	for (size_t i = 0; i < (size_t)buckets * L; i++)
		m->w[i] = ((float)next(rng) / 2147483648.0f - 0.5f) *
		    (i % 7 == 0 ? 1e-3f : 3.0f);
	for (uint32_t c = 0; c < L; c++) {
		m->bias[c] = (float)c / 7;
		m->lexw[c] = -(float)c / 3;
	}
}

/* Every label count around the vector widths, the last bucket included
 * (its vector read goes into the slack behind the table). */
static void
test_predict_exact(void **state)
{
	uint64_t rng = 42;

	(void)state;
	for (uint32_t L = 1; L <= 32; L++) {
		struct lm_model m;
		uint32_t f[300];
		float lex[2] = { 1.5f, 0 }, got[32], want[32];

		random_model(&m, 64, L, 2, &rng);
		for (size_t nf = 0; nf <= 300; nf += 37) {
			for (size_t i = 0; i < nf; i++)
				f[i] = i % 5 == 0 ? 63 : (uint32_t)(next(&rng) % 64);
			lm_predict(&m, f, nf, lex, got);
			reference(&m, f, nf, lex, want);
			assert_memory_equal(got, want, L * sizeof(float));
		}
		lm_free(&m);
	}
}

/*
 * Prediction from the tokens: to the bit the grouping linmodel.h states,
 * whether a word's sum was remembered or made (a cold cache, a warm one),
 * for every label count around the vector widths; and within float
 * rounding of lm_predict.
 */
static void
test_predict_tokens(void **state)
{
	static const char *texts[] = {
		"where is my package, the package I ordered",
		"R\u00FCckerstattung bitte, Bestellung 12345",
		"我要退款，快递还没到",
		"a b c i o",
		"incomprehensibilities and antidisestablishmentarianism",
		"", "ok", "package package package",
	};
	uint64_t rng = 7;

	(void)state;
	for (uint32_t L = 1; L <= 32; L++) {
		struct lm_model m;
		struct tok_text tt;
		struct lm_feats warm = { 0 }, flat = { 0 };
		float lex[1] = { 0.75f }, got[32], again[32], want[32],
		    plain[32];

		random_model(&m, 1024, L, 1, &rng);
		tok_init(&tt);
		for (int pass = 0; pass < 2; pass++)
			for (size_t t = 0; t < sizeof texts / sizeof *texts;
			    t++) {
				struct lm_feats cold = { 0 };
				tok_run(&tt, texts[t], strlen(texts[t]));
				lm_predict_tokens(&m, &tt, &warm, lex, got);
				lm_predict_tokens(&m, &tt, &cold, lex, again);
				assert_memory_equal(got, again,
				    L * sizeof(float));
				lm_features(&tt, m.buckets, &flat);
				reference_tokens(&m, &flat, lex, want);
				assert_memory_equal(got, want,
				    L * sizeof(float));
				lm_predict(&m, flat.f, flat.n, lex, plain);
				for (uint32_t c = 0; c < L; c++)
					assert_true(fabsf(got[c] - plain[c]) <=
					    1e-5f);
				lm_feats_free(&cold);
			}
		lm_feats_free(&warm);
		lm_feats_free(&flat);
		tok_free(&tt);
		lm_free(&m);
	}
}

/* The feature hint only warms the cache: the same buckets come out. */
static void
test_hint_same_features(void **state)
{
	static char *names[] = { "a", "b", "c" };
	struct lm_model m;
	struct tok_text tt;
	struct lm_feats plain = { 0 }, hinted = { 0 };
	const char *s = "the hint changes nothing 退款 at all";

	(void)state;
	lm_setup(&m, 1024, 3, names, 0, NULL);
	tok_init(&tt);
	tok_run(&tt, s, strlen(s));
	lm_feats_hint(&hinted, &m);
	lm_features(&tt, m.buckets, &plain);
	lm_features(&tt, m.buckets, &hinted);
	assert_int_equal(plain.n, hinted.n);
	assert_memory_equal(plain.f, hinted.f, plain.n * sizeof(uint32_t));
	lm_feats_hint(&hinted, NULL);
	assert_null(hinted.hint);
	lm_feats_free(&plain);
	lm_feats_free(&hinted);
	tok_free(&tt);
	lm_free(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_features_unchanged),
		cmocka_unit_test(test_predict_exact),
		cmocka_unit_test(test_predict_tokens),
		cmocka_unit_test(test_hint_same_features),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
