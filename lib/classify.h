/*
 * classify — what a customer message is about: the language, the intent
 * and its topic (by the linear model and the lexicon together), whether it
 * is only an acknowledgement, whether a person should answer it,
 * sentiment, urgency, escalation risk and the need for a video.
 *
 * Owns: struct classifier, which holds the lexicon, the model, the language
 * table, the languages that have reply templates, the memory of
 * conversations and every scratch array of one message (reused; nothing is
 * allocated per message once the arrays have grown).
 *
 * ORDER.  The language comes first (the event's own `lang`, else langid
 * with the event's country and zone and the conversation's earlier
 * language as hints), because the lexicon's cues are matched only in text
 * of their own language (lexicon.h, LANGUAGES).  When langid says "und",
 * the cues only one language's lexicon has may still tell (two words or
 * more of one language's, none of another's); Han text with such cues of
 * Japanese is Japanese without kana.  Then the model.
 *
 * The model sees the lexicon through named inputs, one score per name:
 * "intent:LABEL" and "topic:LABEL" (sum of the weights of that label's
 * cues found), "sentiment:neg", "sentiment:pos", "escalate", "video",
 * "urgency", and "only:ack" (1 when every word of a short message is in
 * an acknowledgement cue: "ok thanks 👍").  A trained model keeps the names it was trained with, so a
 * team's --lexicon cue for an intent feeds the model's input of that
 * intent at once.
 *
 * The model's heads (linmodel.h): the first gives the intent; a head named
 * "topic" the topic, one named "sentiment" (labels neg, neu, pos) the
 * sentiment.  Without them (a team's own model) there is no topic, and
 * sentiment comes from the lexicon alone.
 *
 * A nudge, nothing but question or exclamation marks and dots ("??",
 * "？", "..."), asks nothing by itself: intent "other", no topic (in a
 * conversation the last sure intent stays remembered for the next
 * message).
 *
 * Topic: among the topics whose parent is the intent and "no topic", the
 * most probable, if its share of them is CLS_TOPIC_MIN or more.  The topic
 * "ack" under "other" is an acknowledgement (ack true, needs_reply false):
 * when the intent is "other", the probability of "ack" is CLS_ACK_MIN
 * or more and no contrast word ("but") has words after it ("thanks, but
 * that is not what I asked" wants an answer) (an acknowledgement left unanswered costs less than a question
 * taken for one, so this is tuned to keep false acknowledgements rare).
 *
 * Sentiment from the model: score = P(pos) - P(neg), negative below
 * -CLS_NEUTRAL_BAND, positive above it, neutral between.  From the lexicon
 * alone: the signed sum of the sentiment cues (a negation flips a cue: one
 * up to three words before it, or, for an "after" negation such as
 * Japanese ない, up to four after it; cues before a contrast word such as
 * "but" count half), minus one for an escalation threat and a half for a
 * sure "complaint", squashed by tanh(x/2) into -1..1, with the same band.
 * Sentiment cues feed the model with the same negation and contrast.
 *
 * needs_human: an escalation threat, an intent scored below CLS_UNSURE, or
 * a language that has no reply templates (when the template languages are
 * known: cls_set_template_langs).  An acknowledgement needs no one.
 *
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
#define CLS_TOPIC_MIN	0.4f
#define CLS_ACK_MIN	0.2f
#define CLS_NEUTRAL_BAND 0.15f
#define CLS_UNSURE	0.5f

/* What an event says besides its text; any may be NULL. */
struct cls_input {
	const char	*lang;		/* the buyer's language: not detected */
	const char	*country;	/* hints for detecting it */
	const char	*tz;
	const char	*conversation;	/* context (when the classifier's
					   context is on) */
};

struct cls_result {
	const char	*intent;	/* the fallback below the threshold */
	float		 intent_score;
	int		 ntop;
	const char	*top[CLS_TOP];
	float		 top_score[CLS_TOP];
	int		 has_topics;	/* the model gives topics */
	const char	*topic;		/* NULL: none */
	float		 topic_score;
	int		 ack;		/* only an acknowledgement */
	int		 needs_reply;
	int		 needs_human;
	const char	*lang;		/* given or detected ("und") */
	const char	*sentiment;
	float		 sentiment_score;
	int		 urgency;
	int		 escalate;
	int		 needs_video;
	int		 cue;		/* a lexicon cue of the intent fired */
	int		 nexplain;	/* strings one after another in explain */
	struct buf	 explain;
};

/* What a model input reads (input_code in classify.c). */
struct cls_input_ref {
	int		 kind;		/* enum in classify.c */
	int		 index;		/* an intent's or topic's */
};

struct classifier {
	struct lexicon	 lex;
	struct lm_model	 model;
	int		 have_model;
	int		 h_topic;	/* heads of the model; -1: none */
	int		 h_sentiment;
	int		 s_neg, s_neu, s_pos;	/* their labels, or -1 */
	int		 ack_label;	/* the topic "ack", or -1 */
	int		 ack_topic;	/* the lexicon's topic "ack", or -1 */
	int		 other_label;	/* the intent "other", or -1 */
	struct langid	 langid;
	struct tok_text	 tt;
	struct lm_feats	 feats;
	struct lex_hits	 hits;
	struct cls_input_ref *lexmap;	/* model input → what it reads */
	float		*lexv;		/* [model.nlex] */
	float		*intent_sum;	/* [lex.nintents] */
	float		*topic_sum;	/* [lex.ntopics] */
	float		*prob;		/* [model.nlabels] */
	float		 threshold;
	const char	*fallback;	/* the intent below it ("other") */
	float		 topic_min;	/* CLS_TOPIC_MIN, CLS_ACK_MIN, */
	float		 ack_min;	/* CLS_NEUTRAL_BAND unless tuned */
	float		 neutral_band;
	int		 explain;
	int		 context;	/* conversations are followed */
	char		**tpl_langs;	/* languages with reply templates */
	int		 ntpl_langs;	/* -1: not known */
	struct buf	 scratch;
	struct cls_tag {		/* what a language tag means here */
		char	 tag[16];	/* "" in a free slot */
		uint64_t mask;		/* its lexicon languages */
		int	 templates;	/* cls_has_templates */
	}		 tags[64];	/* direct-mapped by the tag's hash */
	uint64_t	 ja_mask;	/* Japanese's lexicon bit, or 0 */
	struct hmap	 convs;		/* conversation → last sure intent + 1
					   | its language's number + 1 << 16 */
	struct hmap	 langs;		/* languages met, numbered */
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
/* The languages that have reply templates (copied; n < 0: unknown, and
 * no message needs a human for its language). */
void	cls_set_template_langs(struct classifier *, char *const *langs, int n);
/* Do templates of language tag exist (its own, or its parent's)? */
int	cls_has_templates(const struct classifier *, const char *tag);

/*
 * Tokenise a message, find its language (lang, else detected without
 * hints) and compute its features and lexicon inputs, for training.
 * Returns the language.
 */
const char *cls_prepare(struct classifier *, const char *text, size_t len,
	    const char *lang);
/*
 * Everything about a message.  With the classifier's context on and a
 * conversation given, the conversation's earlier messages count too:
 *
 * A follow-up inside a conversation ("here are the photos", "still nothing
 * on my account") says little by itself: when the message's own intent is
 * unsure (score below CLS_SURE, and not the model's own "other", which
 * "ok" or "???" are), the conversation's last sure intent is mixed in with
 * weight CLS_CARRY before ranking again; a sure intent becomes the
 * conversation's.  The conversation's last known language is a hint for
 * the next message's.  Memory is one small entry per conversation, at most
 * max_convs: past that the conversation least recently followed is
 * forgotten (its next message is read like a new conversation's first).
 */
#define CLS_SURE	0.5f
#define CLS_CARRY	0.4f
void	cls_classify(struct classifier *, const char *text, size_t len,
	    const struct cls_input *, struct cls_result *);
void	cls_result_free(struct cls_result *);
#endif
