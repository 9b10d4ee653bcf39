/*
 * clstrain — teaching the classifier's model: labelled messages made into
 * examples (their features and lexicon inputs as the classifier computes
 * them, one label per head), the model trained on them, and its heads'
 * temperatures fitted on a share held out so that scores are calibrated.
 *
 * Owns: struct clt_set, the examples (their feature and input arrays) and
 * the names of every head's labels.
 *
 * Heads: the first names the field every example must have (its label
 * is the intent, or a team's own label).  A later head is named
 * "field" or "field=LABEL": an example without a value for it teaches
 * that head nothing, or, with =LABEL, teaches it LABEL (the built-in
 * model's "topic=-": a message without a topic has the topic "-", none).
 * Labels are sorted by name within their head.
 *
 * Calibration (clt_opts.calibrate = P > 0): the examples whose text hash
 * falls in P % (by the high half of the text's FNV-1a 64, so a split by
 * the low half is independent of it) are held out, a model is trained on
 * the others, each head's temperature is fitted on the held-out ones
 * (lm_fit_temperature), and the model is trained again on every example
 * and given those temperatures.  All of it is deterministic.
 *
 * Length (clt_opts.mean_head): a head's n-gram sum is divided by the
 * square root of the number of features, so a long message weighs more
 * than a short one; the head named there divides by the number itself, a
 * mean, so that the length of a message does not sway it (the built-in
 * model's sentiment: in chat, long messages are mostly complaints, and a
 * long happy review read as one).
 */
#ifndef CSKIT_CLSTRAIN_H
#define CSKIT_CLSTRAIN_H

#include "classify.h"
#include "hmap.h"
#include "linmodel.h"

struct clt_opts {
	struct lm_train_opts train;
	uint32_t	 buckets;
	int		 calibrate;	/* percent held out to fit temperatures */
	const char	*mean_head;	/* a head whose n-gram weights are
					   averaged (length power 1), or NULL */
};

struct clt_set {
	uint32_t	 nheads;
	char		*head[LM_HEADS_MAX];	/* field names */
	char		*fallback[LM_HEADS_MAX];	/* label when missing,
						   or NULL */
	struct hmap	 labels[LM_HEADS_MAX];
	struct lm_example *v;
	uint64_t	*hash;		/* of each example's text */
	size_t		 n, cap;
	uint32_t	 buckets;
};

/*
 * Examples for a model of these heads and buckets, read through cls: its
 * lexicon gives the inputs (cls gets an empty model with their names, so
 * that cls_prepare computes them).
 */
void	clt_init(struct clt_set *, struct classifier *cls, uint32_t nheads,
	    char *const *heads, uint32_t buckets);
void	clt_free(struct clt_set *);
/* One message: labels[h] its label of head h ("" past the first: missing,
 * the head's fallback label if it has one; NULL: unknown, the head learns
 * nothing from it); lang its language or NULL (detected). */
void	clt_add(struct clt_set *, struct classifier *cls, const char *text,
	    size_t len, const char *lang, const char *const *labels);
/* Train (and calibrate) a model on the set: m is set up here. */
void	clt_train(struct clt_set *, const struct classifier *cls,
	    const struct clt_opts *, struct lm_model *m);

#endif
