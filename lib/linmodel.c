#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "linmodel.h"

#define MAX_LABELS	4096
#define MAX_LEX		1024
#define MAX_WEIGHTS	(1ull << 28)	/* buckets × labels floats in memory */
#define NGRAM_CPS	32		/* character n-grams of a word's start */
#define LM_PREFETCH	8		/* rows asked for ahead of their use */
#define W_SLACK		12		/* floats behind the weights (sum_rows) */

/* splitmix64's finaliser: spreads a hash over all 64 bits. */
static uint64_t
mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

/*
 * Start loading a row of n floats (both cache lines it may span) into the
 * cache.  The rows are scattered over a table of megabytes, so nearly every
 * one is a cache miss: asked for early, the misses overlap instead of
 * waiting for each other.
 */
static inline void
prefetch(const float *row, uint32_t n)
{
#if defined(__GNUC__) || defined(__clang__)
	__builtin_prefetch(row);
	__builtin_prefetch(row + n - 1);
#else
	(void)row;
	(void)n;
#endif
}

/* Called for every feature (about 200 a message): inlined. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
static inline void
add_bucket(struct lm_feats *fs, uint32_t bucket, size_t tok, unsigned ntok)
{
	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 512;
		fs->f = xrealloc(fs->f, fs->cap * sizeof(*fs->f));
		fs->span = xrealloc(fs->span, fs->cap * sizeof(*fs->span));
	}
	fs->f[fs->n] = bucket;
	if (fs->hint)
		prefetch(fs->hint + (size_t)bucket * fs->hint_labels,
		    fs->hint_labels);
	fs->span[fs->n] = (uint32_t)(tok << 8 | ntok);
	fs->n++;
}

static inline uint32_t
bucket_of(uint64_t h, uint32_t buckets)
{
	return (uint32_t)(mix(h) & (buckets - 1));
}

#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
static inline void
add_feat(struct lm_feats *fs, uint64_t h, uint32_t buckets, size_t tok,
    unsigned ntok)
{
	add_bucket(fs, bucket_of(h, buckets), tok, ntok);
}

/*
 * The buckets of the character 3- to 5-grams of "<word>" (its first
 * NGRAM_CPS code points) into ids, 3-grams first as the weights expect;
 * returns how many.
 */
#define NGRAM_IDS	(3 * (NGRAM_CPS + 2))
static size_t
char_ngram_buckets(const char *w, size_t len, uint32_t buckets,
    uint32_t ids[NGRAM_IDS])
{
	char padded[NGRAM_CPS * 4 + 2];
	size_t at[NGRAM_CPS + 3], ncp = 0, plen = 0, nids = 0;

	at[ncp++] = plen;
	padded[plen++] = '<';
	for (size_t i = 0; i < len && ncp <= NGRAM_CPS; ) {
		size_t k = 1;
		while (i + k < len && ((unsigned char)w[i + k] & 0xC0) == 0x80)
			k++;
		at[ncp++] = plen;
		memcpy(padded + plen, w + i, k);
		plen += k;
		i += k;
	}
	at[ncp++] = plen;
	padded[plen++] = '>';
	at[ncp] = plen;
	/*
	 * The 4- and 5-gram from a start continue the 3-gram's hash (FNV-1a
	 * reads bytes in order), so each start is hashed once.
	 */
	uint64_t h[3][NGRAM_CPS + 3];
	for (size_t s = 0; s + 3 <= ncp; s++) {
		uint64_t x = hash_fnv1a64_more(HASH_FNV1A64_BASIS,
		    padded + at[s], at[s + 3] - at[s]);
		h[0][s] = x;
		if (s + 4 <= ncp)
			h[1][s] = x = hash_fnv1a64_more(x, padded + at[s + 3],
			    at[s + 4] - at[s + 3]);
		if (s + 5 <= ncp)
			h[2][s] = hash_fnv1a64_more(x, padded + at[s + 4],
			    at[s + 5] - at[s + 4]);
	}
	for (size_t n = 3; n <= 5; n++)
		for (size_t s = 0; s + n <= ncp; s++) {
			if (n == ncp)	/* the whole padded word: a unigram */
				continue;
			ids[nids++] = bucket_of(h[n - 3][s] ^ (0x3100 + n),
			    buckets);
		}
	return nids;
}

/*
 * Words remembered with their n-gram buckets.  A chat log says the same
 * few thousand words again and again, and a word's n-grams were a third of
 * classifying it.  Direct-mapped by the word's hash, a newer word taking
 * an older one's slot: the memory is fixed (about 900 KB), and which words
 * are remembered changes only the speed, never a feature.  A cache, not a
 * map (so not hmap or u64map): a miss is allowed to forget, a slot is found
 * by one index with no probing, and the memory never grows.
 */
#define WORD_SLOTS	4096		/* a power of two */
#define WORD_BYTES	16		/* longer words are not remembered */

/* Which word a slot holds: both caches of words (ids here, row sums for
 * lm_predict_tokens) find theirs this way. */
struct lm_word_key {
	uint64_t	hash;
	uint8_t		len;		/* 0: an empty slot */
	uint8_t		nids;
	char		bytes[WORD_BYTES];
};

static size_t
word_slot(const struct tok *t)
{
	return (size_t)(t->hash ^ t->hash >> 32) & (WORD_SLOTS - 1);
}

static int
word_held(const struct lm_word_key *k, const struct tok *t, const char *w)
{
	return k->len == t->len && k->hash == t->hash &&
	    memcmp(k->bytes, w, t->len) == 0;
}

static void
word_hold(struct lm_word_key *k, const struct tok *t, const char *w,
    size_t nids)
{
	k->hash = t->hash;
	k->len = (uint8_t)t->len;
	k->nids = (uint8_t)nids;
	memcpy(k->bytes, w, t->len);
}

struct lm_word {
	struct lm_word_key key;
	uint32_t	ids[3 * WORD_BYTES];
};

struct lm_words {
	uint32_t	buckets;	/* the ids are for this many rows */
	struct lm_word	slot[WORD_SLOTS];
};

static void
char_ngrams(struct lm_feats *fs, const struct tok *t, const char *w,
    uint32_t buckets, size_t tok)
{
	uint32_t local[NGRAM_IDS];
	const uint32_t *ids = local;
	size_t nids;

	if (t->len <= WORD_BYTES) {
		if (fs->words == NULL || fs->words->buckets != buckets) {
			if (fs->words == NULL)
				fs->words = xmalloc(sizeof *fs->words);
			memset(fs->words, 0, sizeof *fs->words);
			fs->words->buckets = buckets;
		}
		struct lm_word *wd = &fs->words->slot[word_slot(t)];
		if (!word_held(&wd->key, t, w)) {
			/* up to WORD_BYTES code points: 3 * WORD_BYTES ids */
			nids = char_ngram_buckets(w, t->len, buckets, local);
			memcpy(wd->ids, local, nids * sizeof *wd->ids);
			word_hold(&wd->key, t, w, nids);
		}
		ids = wd->ids;
		nids = wd->key.nids;
	} else
		nids = char_ngram_buckets(w, t->len, buckets, local);
	for (size_t i = 0; i < nids; i++)
		add_bucket(fs, ids[i], tok, 1);
}

/* The hashes of a token's word features (lm_features, lm_predict_tokens). */
static uint64_t
unigram_hash(const struct tok_text *tt, size_t i)
{
	return tt->toks[i].hash ^ 0x1100;
}

static uint64_t
bigram_hash(const struct tok_text *tt, size_t i)
{
	return tt->toks[i - 1].hash * 0x9E3779B97F4A7C15ULL + tt->toks[i].hash;
}

/* A CJK character with two before it has a trigram. */
static int
has_trigram(const struct tok_text *tt, size_t i)
{
	return tt->toks[i].cjk && i > 1 && tt->toks[i - 1].cjk &&
	    tt->toks[i - 2].cjk;
}

static uint64_t
trigram_hash(const struct tok_text *tt, size_t i)
{
	return mix(tt->toks[i - 2].hash + 0x2200) * 31 +
	    tt->toks[i - 1].hash * 7 + tt->toks[i].hash;
}

/* A word (not CJK or Thai, no emoji, more than a byte) has character
 * n-grams. */
static int
has_ngrams(const struct tok *t)
{
	return !t->cjk && !t->sym && t->len > 1;
}

void
lm_features(const struct tok_text *tt, uint32_t buckets, struct lm_feats *fs)
{
	fs->n = 0;
	for (size_t i = 0; i < tt->n; i++) {
		const struct tok *t = &tt->toks[i];
		add_feat(fs, unigram_hash(tt, i), buckets, i, 1);
		if (i > 0)
			add_feat(fs, bigram_hash(tt, i), buckets, i - 1, 2);
		if (has_trigram(tt, i))
			add_feat(fs, trigram_hash(tt, i), buckets, i - 2, 3);
		else if (has_ngrams(t))
			char_ngrams(fs, t, tok_bytes(tt, i), buckets, i);
	}
}

void
lm_feats_hint(struct lm_feats *fs, const struct lm_model *m)
{
	fs->hint = m && m->w && m->nlabels ? m->w : NULL;
	fs->hint_labels = m ? m->nlabels : 0;
	/* Sums of another model's rows, or of these before training: the
	 * weights' address alone cannot tell. */
	free(fs->wsums);
	fs->wsums = NULL;
}

void
lm_feats_free(struct lm_feats *fs)
{
	free(fs->f);
	free(fs->span);
	free(fs->words);
	free(fs->wsums);
	free(fs->wsum);
	memset(fs, 0, sizeof(*fs));
}

static char **
copy_names(uint32_t n, char *const *names)
{
	char **v = xcalloc(n ? n : 1, sizeof(*v));

	for (uint32_t i = 0; i < n; i++)
		v[i] = xstrdup(names[i]);
	return v;
}

void
lm_setup(struct lm_model *m, uint32_t buckets, uint32_t nlabels,
    char *const *labels, uint32_t nlex, char *const *lexnames)
{
	memset(m, 0, sizeof(*m));
	m->buckets = buckets;
	m->nlabels = nlabels;
	m->nlex = nlex;
	m->labels = copy_names(nlabels, labels);
	m->lexnames = copy_names(nlex, lexnames);
	m->parent = xmalloc((nlabels ? nlabels : 1) * sizeof(*m->parent));
	for (uint32_t c = 0; c < nlabels; c++)
		m->parent[c] = LM_NONE;
	m->nheads = 1;
	m->heads[0].name = xstrdup("");
	m->heads[0].first = 0;
	m->heads[0].n = nlabels;
	m->heads[0].temperature = 1;
	m->heads[0].length_power = LM_LENGTH_POWER;
	m->bias = xcalloc(nlabels, sizeof(float));
	m->lexw = xcalloc((size_t)nlex * nlabels + 1, sizeof(float));
	m->w = xcalloc((size_t)buckets * nlabels + W_SLACK, sizeof(float));
}

static void
free_heads(struct lm_model *m)
{
	for (uint32_t h = 0; h < m->nheads; h++)
		free(m->heads[h].name);
	memset(m->heads, 0, sizeof(m->heads));
	m->nheads = 0;
}

void
lm_set_heads(struct lm_model *m, uint32_t n, char *const *name,
    const uint32_t *count)
{
	uint32_t first = 0;

	free_heads(m);
	for (uint32_t h = 0; h < n && h < LM_HEADS_MAX; h++) {
		m->heads[h].name = xstrdup(name[h]);
		m->heads[h].first = first;
		m->heads[h].n = count[h];
		m->heads[h].temperature = 1;
		m->heads[h].length_power = LM_LENGTH_POWER;
		first += count[h];
	}
	m->nheads = n < LM_HEADS_MAX ? n : LM_HEADS_MAX;
	for (uint32_t c = 0; c < m->nlabels; c++)
		m->parent[c] = LM_NONE;
}

int
lm_head_index(const struct lm_model *m, const char *name)
{
	for (uint32_t h = 0; h < m->nheads; h++)
		if (strcmp(m->heads[h].name, name) == 0)
			return (int)h;
	return -1;
}

void
lm_free(struct lm_model *m)
{
	if (m->labels)
		for (uint32_t i = 0; i < m->nlabels; i++)
			free(m->labels[i]);
	if (m->lexnames)
		for (uint32_t i = 0; i < m->nlex; i++)
			free(m->lexnames[i]);
	free_heads(m);
	free(m->labels);
	free(m->lexnames);
	free(m->parent);
	free(m->bias);
	free(m->lexw);
	free(m->w);
	memset(m, 0, sizeof(*m));
}

/* v[0..n) / t through a softmax, in place. */
static void
softmax(float *v, uint32_t n, float t)
{
	float max, sum = 0, inv = t > 0 ? 1.0f / t : 1;

	if (inv != 1)
		for (uint32_t c = 0; c < n; c++)
			v[c] *= inv;
	max = v[0];
	for (uint32_t c = 1; c < n; c++)
		if (v[c] > max)
			max = v[c];
	for (uint32_t c = 0; c < n; c++) {
		v[c] = expf(v[c] - max);
		sum += v[c];
	}
	for (uint32_t c = 0; c < n; c++)
		v[c] /= sum;
}

void
lm_softmax_heads(const struct lm_model *m, float *v)
{
	for (uint32_t h = 0; h < m->nheads; h++)
		softmax(v + m->heads[h].first, m->heads[h].n,
		    m->heads[h].temperature);
}

/*
 * sum[c] = the sum of the rows of features f[0..nf), each label's sum
 * added up in feature order.  For up to VEC_LABELS labels the sums stay in
 * vector registers, four labels to an add (each lane adds exactly what
 * the plain loop adds, so the sums are the same to the bit); the last
 * vector reads past a row whose labels are not a multiple of four, into
 * the next row or the slack behind the table (W_SLACK).
 */
#if defined(__GNUC__) || defined(__clang__)
typedef float v4f __attribute__((vector_size(16)));
#define VEC_LABELS	32
#define VEC_MAX		(VEC_LABELS / 4)

/* nv is a constant where this is inlined: the accumulators stay in
 * registers. */
__attribute__((always_inline))
static inline void
sum_rows_vec(const float *w, uint32_t L, const uint32_t *f, size_t nf,
    float *sum, const int nv)
{
	v4f acc[VEC_MAX], r;
	float out[VEC_LABELS];

	for (int k = 0; k < nv; k++)
		acc[k] = (v4f){ 0, 0, 0, 0 };
	for (size_t i = 0; i < nf; i++) {
		const float *row = w + (size_t)f[i] * L;
		if (i + LM_PREFETCH < nf)
			prefetch(w + (size_t)f[i + LM_PREFETCH] * L, L);
		for (int k = 0; k < nv; k++) {
			memcpy(&r, row + 4 * k, sizeof(r));
			acc[k] += r;
		}
	}
	memcpy(out, acc, (size_t)nv * sizeof(v4f));
	memcpy(sum, out, L * sizeof(*sum));
}
#endif

static void
sum_rows(const struct lm_model *m, const uint32_t *f, size_t nf, float *sum)
{
	uint32_t L = m->nlabels;

	for (size_t i = 0; i < nf && i < LM_PREFETCH; i++)
		prefetch(m->w + (size_t)f[i] * L, L);
#ifdef VEC_LABELS
	switch ((L + 3) / 4) {
	case 1: sum_rows_vec(m->w, L, f, nf, sum, 1); return;
	case 2: sum_rows_vec(m->w, L, f, nf, sum, 2); return;
	case 3: sum_rows_vec(m->w, L, f, nf, sum, 3); return;
	case 4: sum_rows_vec(m->w, L, f, nf, sum, 4); return;
	case 5: sum_rows_vec(m->w, L, f, nf, sum, 5); return;
	case 6: sum_rows_vec(m->w, L, f, nf, sum, 6); return;
	case 7: sum_rows_vec(m->w, L, f, nf, sum, 7); return;
	case 8: sum_rows_vec(m->w, L, f, nf, sum, 8); return;
	default: break;
	}
#endif
	for (uint32_t c = 0; c < L; c++)
		sum[c] = 0;
	for (size_t i = 0; i < nf; i++) {
		const float *row = m->w + (size_t)f[i] * L;
		if (i + LM_PREFETCH < nf)
			prefetch(m->w + (size_t)f[i + LM_PREFETCH] * L, L);
		for (uint32_t c = 0; c < L; c++)
			sum[c] += row[c];
	}
}

static void	sums_to_logits(const struct lm_model *, size_t nf,
		    const float *lex, float *v);

void
lm_logits(const struct lm_model *m, const uint32_t *f, size_t nf,
    const float *lex, float *out)
{
	sum_rows(m, f, nf, out);
	sums_to_logits(m, nf, lex, out);
}

void
lm_predict(const struct lm_model *m, const uint32_t *f, size_t nf,
    const float *lex, float *prob)
{
	lm_logits(m, f, nf, lex, prob);
	lm_softmax_heads(m, prob);
}

/* What head h's n-gram sum of nf features is multiplied by: 1/sqrt(nf) by
 * default; with length power p, (LM_LENGTH_PIVOT/nf)^p / sqrt(PIVOT), so
 * that a message of LM_LENGTH_PIVOT features weighs the same whatever the
 * power and, with p = 1 (a mean), a longer one no more than it. */
static float
length_scale(const struct lm_head *hd, size_t nf)
{
	if (nf == 0)
		return 0;
	if (hd->length_power == LM_LENGTH_POWER)
		return 1.0f / sqrtf((float)nf);
	return powf(LM_LENGTH_PIVOT, hd->length_power - 0.5f) *
	    powf((float)nf, -hd->length_power);
}

/* v holds the row sum of nf features: scaled, biased, the lexicon inputs
 * added. */
static void
sums_to_logits(const struct lm_model *m, size_t nf, const float *lex,
    float *v)
{
	uint32_t L = m->nlabels;

	for (uint32_t h = 0; h < m->nheads; h++) {
		const struct lm_head *hd = &m->heads[h];
		float scale = length_scale(hd, nf);
		for (uint32_t c = hd->first; c < hd->first + hd->n; c++)
			v[c] = v[c] * scale + m->bias[c];
	}
	for (uint32_t k = 0; k < m->nlex; k++) {
		if (lex[k] == 0)
			continue;
		for (uint32_t c = 0; c < L; c++)
			v[c] += lex[k] * m->lexw[(size_t)k * L + c];
	}
}

/*
 * Words remembered with the sum of their n-gram rows, for one model's
 * weights: most of a message's features are the n-grams of words said
 * before, and their rows, scattered over megabytes, were most of its
 * cache misses.  Direct-mapped like struct lm_words; a word's sum is the
 * same whether it was remembered or made again.
 */
/* Models with more labels sum every row; the sums hold this many floats,
 * at least as many as the vector paths read (VEC_LABELS). */
#define VEC_LABELS_OR_32	32
#define WSUM_LABELS	VEC_LABELS_OR_32

struct lm_wsum {
	struct lm_word_key key;
	float		sum[WSUM_LABELS];
};

struct lm_wsums {
	const float	*w;		/* the sums are of these weights */
	uint32_t	 labels;
	struct lm_wsum	 slot[WORD_SLOTS];
};

/*
 * The n-gram row sum of token i (sum_rows of its n-grams, in order): the
 * remembered one, or made into scratch[0..L).  Valid until the next call;
 * *n gets how many n-grams.  Either holds at least WSUM_LABELS floats.
 */
static const float *
word_sum(const struct lm_model *m, struct lm_feats *fs,
    const struct tok_text *tt, size_t i, float *scratch, size_t *n)
{
	const struct tok *t = &tt->toks[i];
	const char *w = tok_bytes(tt, i);
	uint32_t L = m->nlabels, ids[1 + NGRAM_IDS];

	/* the word's own row first, then its n-grams' */
	ids[0] = bucket_of(unigram_hash(tt, i), m->buckets);
	if (t->len > WORD_BYTES || L > WSUM_LABELS) {
		*n = 1 + char_ngram_buckets(w, t->len, m->buckets, ids + 1);
		sum_rows(m, ids, *n, scratch);
		return scratch;
	}
	if (fs->wsums == NULL)
		fs->wsums = xcalloc(1, sizeof *fs->wsums);
	if (fs->wsums->w != m->w || fs->wsums->labels != L) {
		memset(fs->wsums, 0, sizeof *fs->wsums);
		fs->wsums->w = m->w;
		fs->wsums->labels = L;
	}
	struct lm_wsum *e = &fs->wsums->slot[word_slot(t)];
	if (!word_held(&e->key, t, w)) {
		size_t k = 1 + char_ngram_buckets(w, t->len, m->buckets,
		    ids + 1);
		sum_rows(m, ids, k, e->sum);
		word_hold(&e->key, t, w, k);
	}
	*n = e->key.nids;
	return e->sum;
}

/* acc[c] += v[c] for c < L; both hold at least WSUM_LABELS floats. */
static void
add_vector(float *acc, const float *v, uint32_t L)
{
#ifdef VEC_LABELS
	if (L <= VEC_LABELS) {
		for (uint32_t k = 0; k < L; k += 4) {
			v4f a, b;
			memcpy(&a, acc + k, sizeof a);
			memcpy(&b, v + k, sizeof b);
			a += b;
			memcpy(acc + k, &a, sizeof a);
		}
		return;
	}
#endif
	for (uint32_t c = 0; c < L; c++)
		acc[c] += v[c];
}

void
lm_predict_tokens(const struct lm_model *m, const struct tok_text *tt,
    struct lm_feats *fs, const float *lex, float *prob)
{
	uint32_t L = m->nlabels, cap = L > WSUM_LABELS ? L : WSUM_LABELS;
	size_t nf = 0, n;

	if (fs->wsum_cap < cap) {
		fs->wsum_cap = cap;
		free(fs->wsum);
		/* zeros past L: the vector adds read them */
		fs->wsum = xcalloc(2 * cap, sizeof *fs->wsum);
	}
	float *words = fs->wsum, *scratch = fs->wsum + cap;
	for (uint32_t c = 0; c < cap; c++)
		words[c] = 0;
	/* The word and pair rows into fs (their loads started as each is
	 * found), the words' n-gram sums added up meanwhile. */
	fs->n = 0;
	for (size_t i = 0; i < tt->n; i++) {
		int grams = !has_trigram(tt, i) && has_ngrams(&tt->toks[i]);
		if (!grams)	/* a word with n-grams sums its own row */
			add_feat(fs, unigram_hash(tt, i), m->buckets, i, 1);
		if (i > 0)
			add_feat(fs, bigram_hash(tt, i), m->buckets, i - 1, 2);
		if (has_trigram(tt, i))
			add_feat(fs, trigram_hash(tt, i), m->buckets, i - 2, 3);
		else if (grams) {
			add_vector(words, word_sum(m, fs, tt, i, scratch, &n),
			    L);
			nf += n;
		}
	}
	nf += fs->n;
	sum_rows(m, fs->f, fs->n, prob);
	for (uint32_t c = 0; c < L; c++)
		prob[c] += words[c];
	sums_to_logits(m, nf, lex, prob);
	lm_softmax_heads(m, prob);
}

static uint64_t
next_rand(uint64_t *state)
{
	*state += 0x9E3779B97F4A7C15ULL;
	return mix(*state);
}

/* The gradient of the logits in p (the probabilities of every head): p
 * minus the label's one-hot, 0 for a head without a label. */
static void
head_gradient(const struct lm_model *m, const struct lm_example *e, float *p)
{
	for (uint32_t h = 0; h < m->nheads; h++) {
		const struct lm_head *hd = &m->heads[h];
		uint32_t y = e->label[h];
		if (y == LM_NONE || y >= hd->n) {
			for (uint32_t c = 0; c < hd->n; c++)
				p[hd->first + c] = 0;
			continue;
		}
		softmax(p + hd->first, hd->n, 1);
		p[hd->first + y] -= 1.0f;
	}
}

/* Each label of a later head under the label of head 0 that nine in ten
 * of its examples or more carried; none when no label did. */
static void
find_parents(struct lm_model *m, const struct lm_example *ex, size_t n)
{
	uint32_t L = m->nlabels, L0 = m->heads[0].n;
	uint32_t *count = xcalloc((size_t)L * L0 + 1, sizeof(*count));

	for (size_t i = 0; i < n; i++) {
		uint32_t y0 = ex[i].label[0];
		if (y0 == LM_NONE || y0 >= L0)
			continue;
		for (uint32_t h = 1; h < m->nheads; h++)
			if (ex[i].label[h] < m->heads[h].n)
				count[(size_t)(m->heads[h].first +
				    ex[i].label[h]) * L0 + y0]++;
	}
	for (uint32_t c = 0; c < L; c++) {
		uint32_t best = 0, all = 0;
		m->parent[c] = LM_NONE;
		for (uint32_t k = 0; k < L0 && c >= L0; k++) {
			all += count[(size_t)c * L0 + k];
			if (count[(size_t)c * L0 + k] > best) {
				best = count[(size_t)c * L0 + k];
				m->parent[c] = k;
			}
		}
		if ((uint64_t)best * 10 < (uint64_t)all * 9)
			m->parent[c] = LM_NONE;	/* no label it belongs under */
	}
	free(count);
}

void
lm_train(struct lm_model *m, const struct lm_example *ex, size_t n,
    const struct lm_train_opts *o)
{
	uint32_t L = m->nlabels;
	size_t *order = xmalloc((n ? n : 1) * sizeof(*order));
	float *p = xmalloc(L * sizeof(*p));
	float *g = xcalloc(L, sizeof(*g));	/* p times rate and scale */
	float *nolex = xcalloc(m->nlex + 1, sizeof(*nolex));
	uint64_t rng = o->seed;
	size_t total = (size_t)o->epochs * n, step = 0;

	find_parents(m, ex, n);
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	for (int ep = 0; ep < o->epochs; ep++) {
		for (size_t i = n; i > 1; i--) {
			size_t j = (size_t)(next_rand(&rng) % i);
			size_t t = order[i - 1];
			order[i - 1] = order[j];
			order[j] = t;
		}
		for (size_t i = 0; i < n; i++, step++) {
			const struct lm_example *e = &ex[order[i]];
			float lr = o->lr * (1.0f - (float)step / (float)total);
			float scale[LM_HEADS_MAX];
			for (uint32_t h = 0; h < m->nheads; h++)
				scale[h] = length_scale(&m->heads[h], e->nf);
			/*
			 * Lexicon dropout: without it the model learns that
			 * a message with no cue is "other", and every
			 * message whose words the lexicon misses ends there.
			 */
			const float *lex = e->lex;
			if ((double)(next_rand(&rng) >> 11) * 0x1.0p-53 <
			    o->lex_dropout)
				lex = nolex;

			lm_logits(m, e->f, e->nf, lex, p);
			head_gradient(m, e, p);
			for (uint32_t c = 0; c < L; c++)
				m->bias[c] -= lr * p[c];
			for (uint32_t h = 0; h < m->nheads; h++) {
				const struct lm_head *hd = &m->heads[h];
				for (uint32_t c = hd->first;
				    c < hd->first + hd->n; c++)
					g[c] = lr * scale[h] * p[c];
			}
			for (size_t k = 0; k < e->nf; k++) {
				float *row = m->w + (size_t)e->f[k] * L;
				for (uint32_t c = 0; c < L; c++)
					row[c] -= g[c];
			}
			for (uint32_t k = 0; k < m->nlex; k++) {
				float *lw = m->lexw + (size_t)k * L;
				for (uint32_t c = 0; c < L; c++)
					lw[c] -= lr * (lex[k] * p[c] +
					    o->l2 * lw[c]);
			}
		}
	}
	free(order);
	free(p);
	free(g);
	free(nolex);
}

/* The mean log loss of head h at temperature t. */
static double
head_loss(const struct lm_model *m, uint32_t h, const float *logits,
    const struct lm_example *ex, size_t n, float t)
{
	const struct lm_head *hd = &m->heads[h];
	float *p = xmalloc(hd->n * sizeof(*p));
	double loss = 0;
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		uint32_t y = ex[i].label[h];
		if (y == LM_NONE || y >= hd->n)
			continue;
		memcpy(p, logits + i * m->nlabels + hd->first,
		    hd->n * sizeof(*p));
		softmax(p, hd->n, t);
		loss -= log(p[y] > 1e-30f ? (double)p[y] : 1e-30);
		k++;
	}
	free(p);
	return k ? loss / (double)k : 0;
}

float
lm_fit_temperature(const struct lm_model *m, uint32_t h, const float *logits,
    const struct lm_example *ex, size_t n)
{
	/* golden-section search on log t: the loss is unimodal in t */
	const double g = 0.6180339887498949;
	double a = log(0.05), b = log(20.0);
	double x1 = b - g * (b - a), x2 = a + g * (b - a);
	double f1 = head_loss(m, h, logits, ex, n, (float)exp(x1));
	double f2 = head_loss(m, h, logits, ex, n, (float)exp(x2));

	if (h >= m->nheads)
		return 1;
	for (int it = 0; it < 40; it++) {
		if (f1 <= f2) {
			b = x2;
			x2 = x1;
			f2 = f1;
			x1 = b - g * (b - a);
			f1 = head_loss(m, h, logits, ex, n, (float)exp(x1));
		} else {
			a = x1;
			x1 = x2;
			f1 = f2;
			x2 = a + g * (b - a);
			f2 = head_loss(m, h, logits, ex, n, (float)exp(x2));
		}
	}
	return (float)exp((a + b) / 2);
}

/* Little-endian encoding, whatever the host's byte order. */
static void
put_u16(struct buf *b, uint32_t v)
{
	unsigned char x[2] = { (unsigned char)v, (unsigned char)(v >> 8) };
	buf_add(b, x, 2);
}

static void
put_u32(struct buf *b, uint32_t v)
{
	unsigned char x[4];
	for (int i = 0; i < 4; i++)
		x[i] = (unsigned char)(v >> (8 * i));
	buf_add(b, x, 4);
}

static void
put_u64(struct buf *b, uint64_t v)
{
	put_u32(b, (uint32_t)v);
	put_u32(b, (uint32_t)(v >> 32));
}

static void
put_f32(struct buf *b, float f)
{
	uint32_t v;
	memcpy(&v, &f, 4);
	put_u32(b, v);
}

static void
put_name(struct buf *b, const char *s)
{
	size_t n = strlen(s);
	if (n > 0xFFFF)
		n = 0xFFFF;
	put_u16(b, (uint32_t)n);
	buf_add(b, s, n);
}

static int
row_used(const struct lm_model *m, uint32_t r)
{
	const float *row = m->w + (size_t)r * m->nlabels;
	for (uint32_t c = 0; c < m->nlabels; c++)
		if (row[c] != 0)
			return 1;
	return 0;
}

void
lm_encode(const struct lm_model *m, struct buf *out)
{
	size_t start = out->len, sizeat;
	uint32_t rows = 0;

	for (uint32_t r = 0; r < m->buckets; r++)
		rows += (uint32_t)row_used(m, r);
	buf_add(out, LM_MAGIC, 4);
	put_u32(out, LM_VERSION);
	sizeat = out->len;
	put_u64(out, 0);
	put_u32(out, LM_SCHEME);
	put_u32(out, m->nlabels);
	put_u32(out, m->buckets);
	put_u32(out, m->nlex);
	put_u32(out, rows);
	put_u32(out, m->nheads);
	for (uint32_t c = 0; c < m->nlabels; c++)
		put_name(out, m->labels[c]);
	for (uint32_t k = 0; k < m->nlex; k++)
		put_name(out, m->lexnames[k]);
	for (uint32_t h = 0; h < m->nheads; h++) {
		put_name(out, m->heads[h].name);
		put_u32(out, m->heads[h].n);
		put_f32(out, m->heads[h].temperature);
		put_f32(out, m->heads[h].length_power);
	}
	for (uint32_t c = 0; c < m->nlabels; c++)
		put_u32(out, m->parent[c]);
	for (uint32_t c = 0; c < m->nlabels; c++)
		put_f32(out, m->bias[c]);
	for (size_t i = 0; i < (size_t)m->nlex * m->nlabels; i++)
		put_f32(out, m->lexw[i]);
	for (uint32_t r = 0; r < m->buckets; r++) {
		if (!row_used(m, r))
			continue;
		put_u32(out, r);
		for (uint32_t c = 0; c < m->nlabels; c++)
			put_f32(out, m->w[(size_t)r * m->nlabels + c]);
	}
	/* The size includes the checksum that follows. */
	uint64_t size = out->len - start + 8;
	for (int i = 0; i < 8; i++)
		out->data[sizeat + i] = (char)(size >> (8 * i));
	put_u64(out, tok_hash(out->data + start, out->len - start));
}

/* A bounds-checked reader over the file's bytes. */
struct rd {
	const unsigned char *p;
	size_t len, at;
	int short_read;
};

static uint64_t
get_n(struct rd *r, int bytes)
{
	uint64_t v = 0;

	if (r->len - r->at < (size_t)bytes) {
		r->short_read = 1;
		r->at = r->len;
		return 0;
	}
	for (int i = 0; i < bytes; i++)
		v |= (uint64_t)r->p[r->at + (size_t)i] << (8 * i);
	r->at += (size_t)bytes;
	return v;
}

static float
get_f32(struct rd *r)
{
	uint32_t v = (uint32_t)get_n(r, 4);
	float f;
	memcpy(&f, &v, 4);
	return f;
}

/* n floats into dst: one copy where the host is little-endian too (the
 * sizes were checked, the bytes are there). */
static void
get_f32s(struct rd *r, float *dst, uint32_t n)
{
	static const union { uint32_t u; unsigned char b[4]; } one = { 1 };

	if (one.b[0] == 1 && r->len - r->at >= (size_t)n * 4) {
		memcpy(dst, r->p + r->at, (size_t)n * 4);
		r->at += (size_t)n * 4;
		return;
	}
	for (uint32_t c = 0; c < n; c++)
		dst[c] = get_f32(r);
}

static char *
get_name(struct rd *r)
{
	size_t n = (size_t)get_n(r, 2);
	if (r->short_read || r->len - r->at < n) {
		r->short_read = 1;
		return xstrdup("");
	}
	char *s = xstrndup((const char *)r->p + r->at, n);
	r->at += n;
	return s;
}

static int
fail(struct lm_model *m, struct buf *err, const char *why)
{
	lm_free(m);
	buf_adds(err, why);
	return -1;
}

/* The heads and parents of a version 2 or 3 file (3: with each head's
 * length power); 0 or -1 when impossible. */
static int
get_heads(struct lm_model *m, struct rd *r, uint32_t nheads,
    uint32_t version)
{
	uint32_t first = 0;

	m->nheads = nheads;
	for (uint32_t h = 0; h < nheads; h++) {
		struct lm_head *hd = &m->heads[h];
		hd->name = get_name(r);
		hd->first = first;
		hd->n = (uint32_t)get_n(r, 4);
		hd->temperature = get_f32(r);
		hd->length_power = version >= 3 ? get_f32(r) :
		    LM_LENGTH_POWER;
		if (r->short_read || hd->n < 1 || hd->n > m->nlabels - first ||
		    !(hd->temperature > 0 && hd->temperature < 1e6f) ||
		    !(hd->length_power >= 0 && hd->length_power <= 1))
			return -1;
		first += hd->n;
	}
	if (first != m->nlabels)
		return -1;
	for (uint32_t c = 0; c < m->nlabels; c++) {
		m->parent[c] = (uint32_t)get_n(r, 4);
		if (m->parent[c] != LM_NONE && m->parent[c] >= m->heads[0].n)
			return -1;
	}
	return r->short_read ? -1 : 0;
}

int
lm_decode(struct lm_model *m, const unsigned char *p, size_t len,
    struct buf *err)
{
	struct rd r = { p, len, 0, 0 };
	uint32_t version, scheme, nlabels, buckets, nlex, rows, nheads = 1;
	uint64_t size, sum;
	size_t header;

	memset(m, 0, sizeof(*m));
	if (len < 4 || memcmp(p, LM_MAGIC, 4) != 0)
		return fail(m, err, "not a cskit model file (no CSKM magic)");
	r.at = 4;
	version = (uint32_t)get_n(&r, 4);
	size = get_n(&r, 8);
	if (r.short_read)
		return fail(m, err, "truncated model file (header cut short)");
	if (version < 1 || version > LM_VERSION) {
		buf_printf(err, "model file version %u is not supported "
		    "(this cs-classify reads versions 1 to %u)", version,
		    LM_VERSION);
		return -1;
	}
	if (size != len) {
		buf_printf(err, "%s model file (%zu bytes, its header says "
		    "%llu)", len < size ? "truncated" : "damaged", len,
		    (unsigned long long)size);
		return -1;
	}
	header = version == 1 ? 36 : 40;
	if (len < header + 8)
		return fail(m, err, "truncated model file (header cut short)");
	r.at = len - 8;
	sum = get_n(&r, 8);
	if (sum != tok_hash(p, len - 8))
		return fail(m, err, "model file checksum mismatch: the file "
		    "is corrupt");
	r.len = len - 8;
	r.at = 16;
	scheme = (uint32_t)get_n(&r, 4);
	nlabels = (uint32_t)get_n(&r, 4);
	buckets = (uint32_t)get_n(&r, 4);
	nlex = (uint32_t)get_n(&r, 4);
	rows = (uint32_t)get_n(&r, 4);
	if (version >= 2)
		nheads = (uint32_t)get_n(&r, 4);
	if (scheme != LM_SCHEME)
		return fail(m, err, "model file made for another feature "
		    "scheme: retrain it with this cs-classify");
	if (nlabels < 1 || nlabels > MAX_LABELS || nlex > MAX_LEX ||
	    buckets < 2 || (buckets & (buckets - 1)) || rows > buckets ||
	    (uint64_t)buckets * nlabels > MAX_WEIGHTS || nheads < 1 ||
	    nheads > LM_HEADS_MAX || nheads > nlabels)
		return fail(m, err, "model file has impossible dimensions");
	m->nlabels = nlabels;
	m->buckets = buckets;
	m->labels = xcalloc(nlabels, sizeof(char *));
	for (uint32_t c = 0; c < nlabels; c++)
		m->labels[c] = get_name(&r);
	m->nlex = nlex;
	m->lexnames = xcalloc(nlex ? nlex : 1, sizeof(char *));
	for (uint32_t k = 0; k < nlex; k++)
		m->lexnames[k] = get_name(&r);
	m->parent = xmalloc(nlabels * sizeof(*m->parent));
	if (version == 1) {
		m->nheads = 1;
		m->heads[0] = (struct lm_head){ xstrdup(""), 0, nlabels, 1,
		    LM_LENGTH_POWER };
		for (uint32_t c = 0; c < nlabels; c++)
			m->parent[c] = LM_NONE;
	} else if (get_heads(m, &r, nheads, version) < 0)
		return fail(m, err, "model file has impossible heads");
	if (r.short_read ||
	    (r.len - r.at) != 4 * ((size_t)nlabels * (1 + nlex) +
	    (size_t)rows * (1 + nlabels)))
		return fail(m, err, "model file has inconsistent sizes");
	m->bias = xcalloc(nlabels, sizeof(float));
	m->lexw = xcalloc((size_t)nlex * nlabels + 1, sizeof(float));
	m->w = xcalloc((size_t)buckets * nlabels + W_SLACK, sizeof(float));
	for (uint32_t c = 0; c < nlabels; c++)
		m->bias[c] = get_f32(&r);
	for (size_t i = 0; i < (size_t)nlex * nlabels; i++)
		m->lexw[i] = get_f32(&r);
	for (uint32_t i = 0, prev = 0; i < rows; i++) {
		uint32_t b = (uint32_t)get_n(&r, 4);
		if (b >= buckets || (i > 0 && b <= prev))
			return fail(m, err, "model file has a bad row index");
		prev = b;
		get_f32s(&r, m->w + (size_t)b * nlabels, nlabels);
	}
	for (size_t i = 0; i < (size_t)nlex * nlabels; i++)
		if (!isfinite(m->lexw[i]))
			return fail(m, err, "model file has a weight that is "
			    "not a finite number");
	return 0;
}

int
lm_load(struct lm_model *m, const char *path, struct buf *err)
{
	struct buf data = BUF_INIT;
	char chunk[65536];
	size_t n;
	FILE *fp = fopen(path, "rb");
	int rc;

	memset(m, 0, sizeof(*m));
	if (!fp) {
		buf_printf(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		buf_add(&data, chunk, n);
		if (data.len > (MAX_WEIGHTS + 1) * 8) {
			errno = EFBIG;
			break;
		}
	}
	if (ferror(fp) || data.len > (MAX_WEIGHTS + 1) * 8) {
		buf_printf(err, "%s: %s", path, strerror(errno));
		fclose(fp);
		buf_free(&data);
		return -1;
	}
	fclose(fp);
	buf_printf(err, "%s: ", path);
	size_t mark = err->len;
	rc = lm_decode(m, (const unsigned char *)buf_str(&data), data.len, err);
	if (rc == 0 || err->len == mark) {
		err->len = mark - strlen(path) - 2;
		if (err->data)
			err->data[err->len] = '\0';
	}
	buf_free(&data);
	return rc;
}

int
lm_save(const struct lm_model *m, const char *path, struct buf *err)
{
	struct buf data = BUF_INIT;
	FILE *fp;
	int rc = 0;

	lm_encode(m, &data);
	fp = fopen(path, "wb");
	if (!fp || fwrite(data.data, 1, data.len, fp) != data.len ||
	    fflush(fp) != 0) {
		buf_printf(err, "%s: %s", path, strerror(errno));
		rc = -1;
	}
	if (fp && fclose(fp) != 0 && rc == 0) {
		buf_printf(err, "%s: %s", path, strerror(errno));
		rc = -1;
	}
	buf_free(&data);
	return rc;
}
