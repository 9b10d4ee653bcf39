/*
 * cld2shim — the one C entry to Compact Language Detector 2 (a C++
 * library, Debian's libcld2), for the langid measurement harness.
 *
 * Owns nothing: the answer is written into the caller's struct.
 */
#ifndef CSKIT_CLD2SHIM_H
#define CSKIT_CLD2SHIM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct cld2_answer {
	char	 tag[16];	/* CLD2's code ("en", "zh-Hant", "un"...) */
	int	 reliable;	/* CLD2's own is_reliable */
	int	 percent;	/* share of the text in that language */
};

/*
 * The language of text (UTF-8, plain).  tld is a country-code hint ("de")
 * or NULL, lang a language hint ("it") or NULL; best_effort asks CLD2 for
 * an answer on short text too.  Returns 0, or -1 on invalid UTF-8.
 */
int	cld2_detect(const char *text, size_t len, const char *tld,
	    const char *lang, int best_effort, struct cld2_answer *);

#ifdef __cplusplus
}
#endif

#endif
