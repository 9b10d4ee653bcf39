/*
 * langid — which language a customer wrote in, from the script and from
 * words and letters distinctive of each language.
 *
 * Owns: struct langid, the table of distinctive words (built once from the
 * lists in langid.c, looked up by the token hashes tokenize already made).
 *
 * Scripts decide first: kana (with or without Han) is Japanese, Hangul
 * Korean, Han alone Chinese, Cyrillic Russian, Arabic script Arabic.  Latin
 * text is scored by its function words and common shop words (en, de, fr,
 * es, pt, id) and by letters only some languages use (ã õ → pt, ñ ¿ ¡ → es,
 * ß ä ö ü → de, è ê à ù → fr…).  When the evidence is weak or two
 * languages tie, the answer is "und": a wrong language is worse than none.
 */
#ifndef CSKIT_LANGID_H
#define CSKIT_LANGID_H

#include <stddef.h>
#include <stdint.h>
#include "tokenize.h"

enum { LANGID_LATIN = 6 };	/* en de fr es pt id */

struct langid_word {
	uint64_t	 hash;
	float		 w[LANGID_LATIN];
};

struct langid {
	struct langid_word *slot;	/* open addressing, hash 0 = empty */
	size_t		 nslots;
};

void	langid_init(struct langid *);
void	langid_free(struct langid *);
/*
 * The language of a message: raw is the text as written (for its letters),
 * tt its tokens (tok_run of the same text).  Returns a static tag.
 */
const char *langid_detect(const struct langid *, const char *raw, size_t len,
	    const struct tok_text *tt);

#endif
