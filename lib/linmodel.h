/*
 * linmodel — a fast linear text classifier in the spirit of fastText:
 * hashed word and character n-grams, a softmax trained by SGD, a checked
 * binary file.
 *
 * Owns: struct lm_model (labels, the names of its lexicon inputs, the
 * weights) and struct lm_feats (the reused feature array of one message).
 *
 * Features of a tokenised message (tokenize.h), each hashed into one of
 * `buckets` rows: word unigrams and bigrams (a bigram of CJK characters is
 * a character bigram), character trigrams of CJK text, and character 3- to
 * 5-grams of every other word padded as "<word>" (so typos and inflections
 * share most of their features).  The logit of label c is
 *	bias[c] + sum(w[f][c] for f in features) / n^p + sum(lex[k] * lexw[k][c])
 * where p is the length power of c's head (1/2 by default; another power
 * multiplies by LM_LENGTH_PIVOT^(p - 1/2), so that a message of that many
 * features weighs the same: 1 for a head whose answer the length of a
 * message should not sway, a mean) and
 * lex[] are the lexicon scores the classifier computes for the model's
 * lexicon input names.  Training is plain SGD on the cross-entropy with a
 * linearly decaying rate over a seeded shuffle, the lexicon inputs left out
 * of a share of the steps (so the n-grams learn to stand on their own): the
 * same data and options give the same bytes.
 *
 * HEADS.  A model can answer several questions at once from the same
 * features (the built-in one: intent, topic and sentiment): its labels are
 * split into heads, consecutive runs of labels with a softmax each, every
 * row holding the weights of all of them side by side (one row load
 * serves every head).  An example may lack the label of a head other than
 * the first (that head then learns nothing from it).  A label of a later
 * head can have a parent, the label of the first head it belongs under
 * (the topic "customs" under the intent "shipping"): the one its training
 * examples carried most.  Each head has a temperature T, the logits being
 * divided by it before its softmax: 1 after training, then fitted on
 * examples kept out of training so that the scores are calibrated
 * probabilities (lm_fit_temperature).
 *
 * File (all integers and floats little-endian, IEEE 754 binary32):
 *	"CSKM"  u32 version  u64 file size  u32 feature scheme
 *	u32 labels  u32 buckets  u32 lexicon inputs  u32 rows
 *	(version 2) u32 heads
 *	labels and lexicon input names: u16 length + UTF-8 bytes each
 *	(version 2) per head: name, u32 labels, f32 temperature,
 *	            (version 3) f32 length power;
 *	            per label: u32 parent (0xFFFFFFFF: none)
 *	bias[labels]  lexw[inputs][labels]
 *	rows: u32 bucket + w[labels], buckets ascending, all-zero rows left out
 *	u64 FNV-1a 64 of every byte before it
 * Version 1 files (one head, no name, temperature 1) and 2 (length power
 * 1/2) are still read.  A
 * file that is foreign, truncated, of another version or corrupt is
 * refused with a reason; nothing in it is trusted before the checksum.
 */
#ifndef CSKIT_LINMODEL_H
#define CSKIT_LINMODEL_H

#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "tokenize.h"

#define LM_MAGIC	"CSKM"
#define LM_VERSION	3	/* written; 1 and 2 are read too */
#define LM_LENGTH_POWER	0.5f	/* a head's default, and every head's
				   before version 3 */
#define LM_LENGTH_PIVOT	16.0f	/* features of a message every power
				   weighs alike (a short chat line) */
#define LM_HEADS_MAX	4
#define LM_NONE		UINT32_MAX	/* no label, no parent */
#define LM_SCHEME	2	/* the feature extraction the weights fit */
#define LM_BUCKETS_DEFAULT (1u << 18)

struct lm_words;
struct lm_wsums;

struct lm_feats {
	uint32_t	*f;		/* bucket of each feature */
	uint32_t	*span;		/* first token << 8 | token count */
	size_t		 n, cap;
	/*
	 * Optional: the weights of the model that will read the features,
	 * so that each row starts loading into the cache as soon as its
	 * feature is found (lm_feats_hint); NULL for none.
	 */
	const float	*hint;
	uint32_t	 hint_labels;
	struct lm_words	*words;		/* recent words' n-grams, made on
					   first use (linmodel.c) */
	struct lm_wsums	*wsums;		/* and their rows' sums */
	float		*wsum;		/* [2 * wsum_cap] scratch */
	uint32_t	 wsum_cap;
};

struct lm_head {
	char		*name;		/* "" in a version 1 file */
	uint32_t	 first, n;	/* its labels: first .. first + n - 1 */
	float		 temperature;	/* the logits are divided by it */
	float		 length_power;	/* its n-gram sum is divided by
					   nf^length_power (LM_LENGTH_POWER) */
};

struct lm_model {
	uint32_t	 nlabels;
	uint32_t	 buckets;	/* a power of two */
	uint32_t	 nlex;
	uint32_t	 nheads;	/* at least 1 */
	struct lm_head	 heads[LM_HEADS_MAX];
	char		**labels;
	char		**lexnames;
	uint32_t	*parent;	/* [nlabels]: a label of head 0, or LM_NONE */
	float		*bias;		/* [nlabels] */
	float		*lexw;		/* [nlex][nlabels] */
	float		*w;		/* [buckets][nlabels] */
};

struct lm_example {
	uint32_t	*f;
	uint32_t	 nf;
	float		*lex;		/* [nlex] */
	uint32_t	 label[LM_HEADS_MAX];	/* per head: the label's index
					   within the head, or LM_NONE */
};

struct lm_train_opts {
	int		 epochs;
	float		 lr;
	float		 l2;		/* decay of the lexicon weights */
	float		 lex_dropout;	/* share of steps without lexicon inputs */
	uint64_t	 seed;
};

void	lm_feats_free(struct lm_feats *);
/* Features will be read by model m (or NULL): start loading its rows
 * early.  Also forgets the row sums lm_predict_tokens remembered: hint
 * again when the weights change (training) or another model is used. */
void	lm_feats_hint(struct lm_feats *, const struct lm_model *m);
/* The features of a tokenised message, for a model of `buckets` rows. */
void	lm_features(const struct tok_text *, uint32_t buckets,
	    struct lm_feats *);

/* An empty model (all weights 0) with these labels and lexicon inputs, all
 * in one head named "". */
void	lm_setup(struct lm_model *, uint32_t buckets, uint32_t nlabels,
	    char *const *labels, uint32_t nlex, char *const *lexnames);
/* Split the labels into n heads of count[h] labels each (they must add up
 * to nlabels), named name[h]; parents none, temperatures 1. */
void	lm_set_heads(struct lm_model *, uint32_t n, char *const *name,
	    const uint32_t *count);
/* The head named name, or -1. */
int	lm_head_index(const struct lm_model *, const char *name);
void	lm_free(struct lm_model *);
/*
 * Softmax probabilities of every label into prob[nlabels].  The PLAIN PATH:
 * training (lm_train, over feature lists) and the differential tests use
 * it; the classifier predicts with lm_predict_tokens, the fast path below,
 * which test_linmodel_fast checks against this one.
 */
void	lm_predict(const struct lm_model *, const uint32_t *f, size_t nf,
	    const float *lex, float *prob);
/*
 * The same from a tokenised message: the features of lm_features, summed
 * in another grouping (a word with character n-grams has its own row and
 * its n-grams' added up first, from zero, and remembered for the words
 * said most; the rows of the other words, the pairs and the CJK trigrams
 * in order; the two sums added), so it can differ from lm_predict in the
 * last bits of a float, never by the cache.  What the classifier predicts
 * with; fs->f is left holding the pair features and the words without
 * n-grams only.
 */
void	lm_predict_tokens(const struct lm_model *, const struct tok_text *,
	    struct lm_feats *, const float *lex, float *prob);
/* The logits of every label (before temperature and softmax), plain path. */
void	lm_logits(const struct lm_model *, const uint32_t *f, size_t nf,
	    const float *lex, float *out);
/* Logits into probabilities in place: each head's temperature, softmax. */
void	lm_softmax_heads(const struct lm_model *, float *v);
void	lm_train(struct lm_model *, const struct lm_example *, size_t n,
	    const struct lm_train_opts *);
/*
 * The temperature of head h that makes its probabilities fit the labels of
 * examples it did not learn from (the one of least log loss, from 0.05 to
 * 20); logits[i * nlabels ...] are lm_logits of example i.
 */
float	lm_fit_temperature(const struct lm_model *, uint32_t h,
	    const float *logits, const struct lm_example *, size_t n);

void	lm_encode(const struct lm_model *, struct buf *out);
/* 0, or -1 with the reason in err (the model is left empty). */
int	lm_decode(struct lm_model *, const unsigned char *, size_t,
	    struct buf *err);
int	lm_load(struct lm_model *, const char *path, struct buf *err);
int	lm_save(const struct lm_model *, const char *path, struct buf *err);

#endif
