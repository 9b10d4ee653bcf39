/*
 * The parts of cs-classify shared by its main (filter) mode and its train
 * and eval subcommands.
 */
#ifndef CS_CLASSIFY_H
#define CS_CLASSIFY_H

#include "classify.h"
#include "cli.h"

/* Options every mode of cs-classify has besides the common ones. */
struct cls_opts {
	const char	*model;		/* -m; NULL is the built-in model */
	char		**lexicons;	/* --lexicon, repeatable */
	int		 nlexicons;
	float		 threshold;
	const char	*fallback;	/* --fallback: the intent below it */
	int		 explain;
	int		 no_context;
	size_t		 max_conversations;	/* context kept; 0: all */
	const char	*label;		/* -l (train, eval) */
	const char	*out;		/* -o (train) */
	int		 epochs;
	float		 lr;
	float		 l2;
	float		 lex_dropout;
	unsigned long	 buckets;
	unsigned long	 seed;
	int		 calibrate;	/* train: percent held out to calibrate */
	const char	*mean_head;	/* train: a head averaged (length power 1) */
};

int	classify_train(struct cli_common *, struct diag *, struct cls_opts *,
	    char *const *files, int nfiles);
int	classify_eval(struct cli_common *, struct diag *, struct cls_opts *,
	    char *const *files, int nfiles);
/* Load the lexicons (and the model unless for training), or exit. */
void	classify_setup(struct classifier *, const struct diag *,
	    const struct cls_opts *, int with_model);
/* classify_setup with the model for n classifiers (-j n), all loaded at
 * once, each but the first on a thread of its own; a failure is told as
 * the first classifier's, once. */
void	classify_setup_all(struct classifier **, int n, const struct diag *,
	    const struct cls_opts *);
/* What the classifier reads of an event besides its text (the strings
 * borrowed from the event). */
void	classify_input(const struct fieldmap *, const cJSON *,
	    struct cls_input *);

struct filter_add;
/*
 * A result as the members the filter appends to its event: intent,
 * intent_score, intents (top candidates), topic, ack, needs_reply,
 * needs_human, lang (only when want_lang), sentiment, sentiment_score,
 * urgency, escalate, needs_video, and explain when asked.
 */
void	classify_result_add(const struct cls_result *, struct filter_add *,
	    int want_lang, int explain);
/* Add the fields the filter reads and classify_result_add sets. */
void	classify_want(const struct fieldmap *, struct ev_want *);

#endif
