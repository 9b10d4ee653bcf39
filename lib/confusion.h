/*
 * confusion — scoring a classifier against labelled data: accuracy,
 * per-label precision, recall and F1, macro-F1 and the confusion matrix.
 *
 * Owns: struct confusion, the label names (interned) and the counts.
 * Labels are reported in byte order of their names, so the report is the
 * same whatever order the data came in.  Macro-F1 is the unweighted mean of
 * the F1 of every label seen as truth or as prediction (a label never
 * predicted has F1 0; precision of a label never predicted is 0).
 */
#ifndef CSKIT_CONFUSION_H
#define CSKIT_CONFUSION_H

#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "hmap.h"

struct confusion {
	struct hmap	 labels;
	uint64_t	*m;		/* [cap][cap]: truth row, prediction column */
	size_t		 cap;
	uint64_t	 total, correct;
};

struct conf_label {
	const char	*name;
	uint64_t	 support;	/* times it was the truth */
	double		 precision, recall, f1;
};

void	conf_init(struct confusion *);
void	conf_free(struct confusion *);
void	conf_add(struct confusion *, const char *truth, const char *pred);
double	conf_accuracy(const struct confusion *);
double	conf_macro_f1(const struct confusion *);
/* The labels in name order with their figures; caller frees the array. */
struct conf_label *conf_labels(const struct confusion *, size_t *n);
/* The whole report as aligned text. */
void	conf_report(const struct confusion *, struct buf *out);

#endif
