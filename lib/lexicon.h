/*
 * lexicon — weighted cue words and phrases, in plain files a team can read
 * and extend.
 *
 * Owns: struct lexicon, its entries, their normalised tokens and the index
 * from what a message's tokens give at a position (a word's hash, its
 * first code points, two words) to the entries that may start there.
 *
 * A lexicon file is UTF-8 text, one entry a line, four fields separated by
 * tabs; blank lines and lines starting with `#` are ignored:
 *
 *	KIND	LABEL	WEIGHT	PHRASE
 *	intent	refund	1.5	money back
 *	intent	refund	1	退款
 *	sentiment	neg	1	terrible
 *	escalate	-	2	chargeback
 *	video	-	1	loose seam*
 *
 * KIND is intent (LABEL names the intent), sentiment (LABEL pos or neg),
 * urgency, escalate, video or negation (LABEL `-`).  WEIGHT is a number
 * from 0 to 10; 0 switches an entry off.  PHRASE is folded and tokenised
 * like a message (so case, width and Latin accents do not matter, and
 * Chinese or Japanese needs no spaces); a `*` at its end makes the last
 * word a prefix (`refund*` matches refunded, refunds; at least 3 letters).
 * An entry with the same KIND, LABEL and PHRASE as an earlier one replaces
 * its weight: that is how --lexicon overrides the built-in files.
 */
#ifndef CSKIT_LEXICON_H
#define CSKIT_LEXICON_H

#include <stddef.h>
#include <stdint.h>
#include "buf.h"
#include "tokenize.h"
#include "u64map.h"

enum lex_kind {
	LEX_INTENT, LEX_SENTIMENT, LEX_URGENCY, LEX_ESCALATE, LEX_VIDEO,
	LEX_NEGATION, LEX_NKINDS
};

#define LEX_FILTER_BITS	65536	/* a power of two; 8 KB */

struct lex_tok {
	uint64_t	 hash;
	uint32_t	 off, len;	/* bytes in lexicon.pool */
};

struct lex_entry {
	int		 kind;
	int		 cat;		/* intent: index in intents; sentiment: -1/+1 */
	float		 weight;
	uint32_t	 tok0, ntok;	/* tokens in lexicon.toks */
	int		 prefix;	/* the last token is a prefix */
	uint32_t	 phrase;	/* phrase as written, offset in pool */
	int		 next;		/* next entry under the same index key */
};

struct lexicon {
	struct lex_entry *e;
	size_t		 n, cap;
	struct lex_tok	*toks;
	size_t		 ntoks, captoks;
	struct buf	 pool;
	char		**intents;	/* intent labels, in order first seen */
	int		 nintents;
	struct u64map	 index;		/* key → first entry of its chain */
	/* A bit for each index key (LEX_FILTER_BITS, by the key's top
	 * bits): most words of a message are no cue, and this answers
	 * for them from the cache, where the index is a miss. */
	uint64_t	 filter[LEX_FILTER_BITS / 64];
	struct tok_text	 scratch;
};

struct lex_hit {
	uint32_t	 entry;
	uint32_t	 pos;		/* first token of the match */
	uint32_t	 ntok;
};

struct lex_hits {
	struct lex_hit	*h;
	size_t		 n, cap;
};

void	lex_init(struct lexicon *);
void	lex_free(struct lexicon *);
/*
 * Load a lexicon file (adding to and overriding what is there).  0, or -1
 * with a reason "FILE:LINE: what" (or "FILE: strerror") in err.
 */
int	lex_load(struct lexicon *, const char *path, struct buf *err);
/* Load every *.tsv file of a directory, in byte order of their names. */
int	lex_load_dir(struct lexicon *, const char *dir, struct buf *err);
/* Add one entry; -1 with a reason in err when a field is bad. */
int	lex_add(struct lexicon *, const char *kind, const char *label,
	    const char *weight, const char *phrase, struct buf *err);
/* Index of an intent label, -1 when the lexicon has no cue for it. */
int	lex_intent_index(const struct lexicon *, const char *label);

/*
 * Every entry (weight above 0) found in a tokenised message, each entry
 * once, in the order of their first position.
 */
void	lex_match(const struct lexicon *, const struct tok_text *,
	    struct lex_hits *);
void	lex_hits_free(struct lex_hits *);
/* The phrase of an entry as written in its file. */
const char *lex_phrase(const struct lexicon *, uint32_t entry);

#endif
