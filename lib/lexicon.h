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
 *	topic	customs	1	import duty
 *	sentiment	neg	1	terrible
 *	escalate	-	2	chargeback
 *	video	-	1	loose seam*
 *	negation	after	1	ない
 *
 * KIND is intent (LABEL names the intent), topic (LABEL names the topic),
 * sentiment (LABEL pos or neg), urgency, escalate, video (LABEL `-`),
 * negation (LABEL `-` or before: it comes before the word it negates;
 * after: after it, as Japanese ない) or contrast (LABEL `-`: "but", after
 * which the buyer's real mood comes).  WEIGHT is a number from 0 to 10; 0
 * switches an entry off.  PHRASE is folded and tokenised like a message
 * (so case, width and Latin accents do not matter, and Chinese or Japanese
 * needs no spaces); a `*` at its end makes the last word a prefix
 * (`refund*` matches refunded, refunds; at least 3 letters).
 *
 * LANGUAGES.  An entry belongs to a language (the file LANG.tsv of the
 * built-in directory: de.tsv holds German cues) or to every language (a
 * file loaded by lex_load).  lex_match finds an entry only in text of its
 * language: a tag matches its own, its subtags' and its parent's (the zh
 * cues fire in zh-Hans and zh-Hant text, and the zh-Hant ones in plain
 * zh), and text of unknown language ("und", or NULL) every language.
 * An entry with the same KIND, LABEL, PHRASE and language as an earlier
 * one replaces its weight; one of every language replaces the weight of
 * all such entries whatever their language: that is how --lexicon
 * overrides the built-in files.
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
	LEX_NEGATION, LEX_TOPIC, LEX_CONTRAST, LEX_NKINDS
};

#define LEX_LANGS_MAX	64	/* languages of the lexicon (a bit each) */
#define LEX_PACK_FILTER	(1 << 14)	/* bits of a language's filter */
#define LEX_ALL_LANGS	(~(uint64_t)0)

#define LEX_FILTER_BITS	65536	/* a power of two; 8 KB */

struct lex_tok {
	uint64_t	 hash;
	uint32_t	 off, len;	/* bytes in lexicon.pool */
};

struct lex_entry {
	int		 kind;
	int		 cat;		/* intent, topic: index in intents,
					   topics; sentiment: -1/+1;
					   negation: -1 before, +1 after */
	int		 lang;		/* index in langs; -1: every language */
	int		 shared;	/* another language has the same phrase
					   (or this is of every language):
					   lex_mark_shared */
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
	char		**topics;	/* topic labels, likewise */
	int		 ntopics;
	char		**langs;	/* languages of entries, likewise */
	int		 nlangs;
	size_t		 nall;		/* entries of every language */
	struct u64map	 index;		/* key → first entry of its chain */
	/* A bit for each index key (LEX_FILTER_BITS, by the key's top
	 * bits): most words of a message are no cue, and this answers
	 * for them from the cache, where the index is a miss. */
	uint64_t	 filter[LEX_FILTER_BITS / 64];
	/* FAST PATH: the same for each entry's key before its language is
	 * mixed in (entry_key): a word no language has a cue for is passed
	 * over with three bit tests, not three per language of the
	 * message.  lex_match's plain path (lex_match_plain) skips it. */
	uint64_t	 any_lang[LEX_FILTER_BITS / 64];
	struct tok_text	 scratch;
	/*
	 * The index packed for matching (lex_pack): per language (and one
	 * for the entries of every language, the last), a filter and a slot
	 * per key with its chain's entries side by side, so that a message
	 * touches only its own language's few kilobytes and a probe costs a
	 * cache miss or two, not one per entry and token.  Empty until
	 * packed; lex_add unpacks.
	 */
	struct lex_packed {
		uint64_t filter[LEX_PACK_FILTER / 64];
		struct lex_slot {
			uint64_t key;
			uint32_t first, count;	/* in cand */
		}	*slot;
		size_t	 nslots;	/* a power of two, or 0 */
	}		*packed;	/* [nlangs + 1] */
	int		 npacked;
	struct lex_cand {
		uint32_t entry;
		uint16_t ntok;
		uint16_t simple;	/* one word, no prefix: the key
					   alone says it matches */
	}		*cand;
	size_t		 ncand;
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
/* The same, every entry of the language lang (NULL: of every language). */
int	lex_load_lang(struct lexicon *, const char *path, const char *lang,
	    struct buf *err);
/* Load every *.tsv file of a directory, in byte order of their names, each
 * as the cues of the language its name says (de.tsv: de). */
int	lex_load_dir(struct lexicon *, const char *dir, struct buf *err);
/* Add one entry (lang as in lex_load_lang); -1 with a reason in err when
 * a field is bad. */
int	lex_add(struct lexicon *, const char *kind, const char *label,
	    const char *weight, const char *phrase, const char *lang,
	    struct buf *err);
/* Mark the entries whose phrase (as folded tokens) another language's
 * file has too: what is left says its language.  Call after loading. */
void	lex_mark_shared(struct lexicon *);
/* Pack the index for fast matching (the same matches, found sooner).
 * Call after loading; a later lex_add undoes it. */
void	lex_pack(struct lexicon *);
/* Index of an intent label, -1 when the lexicon has no cue for it. */
int	lex_intent_index(const struct lexicon *, const char *label);
/* Index of a topic label, likewise. */
int	lex_topic_index(const struct lexicon *, const char *label);
/* Index of a language of the lexicon, -1 when it has no entry of it. */
int	lex_lang_index(const struct lexicon *, const char *tag);
/* The languages whose entries fire in text of language tag (a bit per
 * index of langs): see LANGUAGES above. */
uint64_t lex_lang_mask(const struct lexicon *, const char *tag);

/*
 * Every entry (weight above 0) of a language in langs (a mask from
 * lex_lang_mask) or of every language found in a tokenised message, each
 * entry once, in the order of their first position.
 */
void	lex_match(const struct lexicon *, const struct tok_text *,
	    uint64_t langs, struct lex_hits *);
/* REFERENCE PATH: the same without the any_lang filter (for the test
 * of the fast path). */
void	lex_match_plain(const struct lexicon *, const struct tok_text *,
	    uint64_t langs, struct lex_hits *);
void	lex_hits_free(struct lex_hits *);
/* The phrase of an entry as written in its file. */
const char *lex_phrase(const struct lexicon *, uint32_t entry);

#endif
