/*
 * classify — what a customer message is about: the intent (by the linear
 * model and the lexicon together), sentiment, urgency, escalation risk, the
 * need for a video, and the language.
 *
 * Owns: struct classifier, which holds the lexicon, the model, the language
 * table and every scratch array of one message (reused; nothing is
 * allocated per message once the arrays have grown).
 *
 * The model sees the lexicon through named inputs, one score per name:
 * "intent:LABEL" (sum of the weights of that intent's cues found), and
 * "sentiment:neg", "sentiment:pos", "escalate", "video", "urgency".  A
 * trained model keeps the names it was trained with, so a team's --lexicon
 * cue for an intent feeds the model's input of that intent at once.
 *
 * Sentiment is the signed sum of sentiment cues (a negation word up to three
 * words before a cue flips it), minus one for an escalation threat and a half
 * for a sure "complaint", squashed
 * by tanh(x/2) into -1..1: negative below -0.2, positive above 0.2.
 * Urgency 0..3 is the sum of urgency cues (time pressure, follow-ups),
 * plus one for shouting (most letters capitals), one for two or more
 * exclamation marks, one for an escalation threat; 0.75 counts as 1, 1.75
 * as 2, 2.75 and more as 3.
 */
#ifndef CSKIT_CLASSIFY_H
#define CSKIT_CLASSIFY_H

#include "buf.h"
#include "hmap.h"
#include "langid.h"
#include "lexicon.h"
#include "linmodel.h"
#include "tokenize.h"

#define CLS_TOP		3
#define CLS_EXPLAIN_MAX	6

struct cls_result {
	const char	*intent;	/* "other" below the threshold */
	float		 intent_score;
	int		 ntop;
	const char	*top[CLS_TOP];
	float		 top_score[CLS_TOP];
	const char	*lang;		/* when asked for */
	const char	*sentiment;
	float		 sentiment_score;
	int		 urgency;
	int		 escalate;
	int		 needs_video;
	int		 nexplain;	/* strings one after another in explain */
	struct buf	 explain;
};

struct classifier {
	struct lexicon	 lex;
	struct lm_model	 model;
	int		 have_model;
	struct langid	 langid;
	struct tok_text	 tt;
	struct lm_feats	 feats;
	struct lex_hits	 hits;
	int		*lexmap;	/* model input → what it reads */
	float		*lexv;		/* [model.nlex] */
	float		*intent_sum;	/* [lex.nintents] */
	float		*prob;		/* [model.nlabels] */
	float		 threshold;
	int		 explain;
	int		 context;	/* cls_follow is in use */
	struct buf	 scratch;
	struct hmap	 convs;		/* conversation → last sure intent + 1 */
	size_t		 max_convs;	/* conversations kept; 0: no bound */
	uint64_t	 forgotten;	/* conversations let go to keep it */
};

void	cls_init(struct classifier *);
void	cls_free(struct classifier *);
/* The built-in lexicon directory (share/cskit/lexicon) then extra files. */
int	cls_load_lexicons(struct classifier *, char *const *extra, int n,
	    struct buf *err);
/* Load a model file (NULL: the built-in share/cskit/model/intent.bin). */
int	cls_load_model(struct classifier *, const char *path, struct buf *err);
/* The lexicon input names a new model gets (caller frees each and the list). */
char	**cls_lexicon_inputs(const struct classifier *, uint32_t *n);
/* Take a set-up model (lm_setup or lm_decode) as the classifier's own. */
void	cls_use_model(struct classifier *, struct lm_model *);

/* Tokenise a message and compute its features and lexicon inputs. */
void	cls_prepare(struct classifier *, const char *text, size_t len);
/* Everything about a message; lang is detected only when want_lang. */
void	cls_classify(struct classifier *, const char *text, size_t len,
	    int want_lang, struct cls_result *);
/*
 * A follow-up inside a conversation ("here are the photos", "still nothing
 * on my account") says little by itself: when the message's own intent is
 * unsure (score below CLS_SURE, and not the model's own "other", which
 * "ok" or "???" are), the conversation's last sure intent is mixed in with
 * weight CLS_CARRY before ranking again.  A sure
 * intent becomes the conversation's.  Call after cls_classify.  Memory is
 * one small entry per conversation with a sure intent, at most max_convs:
 * past that the conversation least recently followed is forgotten (its next
 * message is read like a new conversation's first).
 */
#define CLS_SURE	0.5f
#define CLS_CARRY	0.4f
void	cls_follow(struct classifier *, const char *conversation,
	    struct cls_result *);
void	cls_result_free(struct cls_result *);
#endif
