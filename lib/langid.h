/*
 * langid — which language a customer wrote in, told from the script, then
 * from the words and letters of the text, then (only to break a tie) from
 * what the event says about the buyer.
 *
 * Owns: struct langid, its table of words (built once from the lists in
 * langid_words.c, looked up by the hashes tokenize already made) and its
 * sorted tables of Han characters.  langid_detect allocates nothing.
 *
 * 1. Script.  Hangul is Korean, kana Japanese (with Han or alone), Thai
 *    Thai, Hebrew Hebrew, Greek Greek, Devanagari Hindi; Arabic script is
 *    Arabic unless letters only Persian or Urdu use are there.  Han alone is
 *    Chinese: zh-Hans or zh-Hant by the characters only one of the two
 *    writes (这/這, 们/們...; written Cantonese 唔 冇 咗 嘅 counts as
 *    Traditional), plain "zh" when every character is common to both and no
 *    hint tells.  Latin text with Han characters weighing at least half as
 *    much is Chinese with English words mixed in ("cancel咗未", "有冇size").
 * 2. Latin and Cyrillic text is scored per language by its words (function
 *    words, shop and chat words, slang, unaccented spellings), by letters
 *    only some languages use (ñ, ß, ł, ğ, ő, ș, ư, і, ы...), by word endings
 *    and elisions (dell', qu').  The best language wins only by a clear
 *    margin over the second.
 * 3. When the margin is not clear, a hint may break the tie: the buyer's
 *    country (or the country of the time zone) and the conversation's
 *    earlier language lift their languages by less than clear evidence
 *    weighs, so a hint never overrides the text.  Short text (four words
 *    at most) whose words tell no language better than the buyer's ("Klarna?", "pillows", a model
 *    number) is in the language the hint names fully: the country's first
 *    language or the conversation's earlier one.
 * 4. Otherwise the answer is "und": a wrong language is worse than none.
 *
 * Tags are BCP 47: plain language codes ("de", "pt"), "zh-Hans", "zh-Hant"
 * and "zh" for Chinese.
 */
#ifndef CSKIT_LANGID_H
#define CSKIT_LANGID_H

#include <stddef.h>
#include <stdint.h>
#include "tokenize.h"
#include "u64map.h"

/*
 * What an event tells about its buyer besides the text; any may be NULL.
 */
struct langid_hints {
	const char	*country;	/* ISO 3166 alpha-2 ("DE") */
	const char	*tz;		/* IANA zone ("Europe/Berlin") */
	const char	*prev;		/* the conversation's earlier language */
};

struct langid_word;

struct langid {
	struct u64map	 index;		/* a listed word's hash → words[] */
	struct langid_word *words;
	size_t		 nwords, capwords;
	int32_t		*hans;		/* sorted: written only in Simplified */
	size_t		 nhans;
	int32_t		*hant;		/* sorted: written only in Traditional */
	size_t		 nhant;
	int32_t		*kanji;		/* sorted: Japanese forms only */
	size_t		 nkanji;
	/* FAST PATH: the word endings by their last byte, so a word is
	 * compared only with the endings it could have (suffix_order:
	 * indexes of li_suffixes in their order, those ending in byte b
	 * from suffix_first[b] to suffix_first[b + 1]; suffix_len their
	 * lengths).  The plain loop over every ending adds the same
	 * weights in the same order: test_langid checks both. */
	uint16_t	*suffix_order;
	uint8_t		*suffix_len;
	uint16_t	 suffix_first[257];
};

void	langid_init(struct langid *);
void	langid_free(struct langid *);
/*
 * The language of a message: raw is the text as written (for its letters),
 * tt its tokens (tok_run of the same text), hints NULL or what the event
 * says.  Returns a static tag, "und" when unsure.
 */
const char *langid_detect(const struct langid *, const char *raw, size_t len,
	    const struct tok_text *tt, const struct langid_hints *);

/*
 * Add to s[] (LI_NSCORED floats, indexed by enum li_lang) the weights of
 * the word endings w[0..n) has, for words of five bytes or more.  plain:
 * the reference loop over every ending, for the test of the fast path.
 */
void	langid_endings(const struct langid *, const char *w, size_t n,
	    float *s, int plain);

#endif
