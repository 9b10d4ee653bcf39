/*
 * buyername — the buyer's name as a reply addresses her: "Anna" (en),
 * "Anna Schmidt" (de), "Kak Dewi" (id), "田中様" (ja), from the name the
 * event carries and the language's rule (locale.conf `name`, see
 * cskit-templates(5)).
 *
 * Owns nothing; results go to the caller's buffers.
 *
 * A name is not used when it is blank or looks like a marketplace
 * username or a masked name: an '@', '_' or '*', or a digit.  A name
 * that already carries one of the language's honorifics (a word of
 * `honorifics` before or after it, or written onto it: 田中様) is used
 * as it is, never honoured twice.  A name written all in lower case gets
 * capitals at the start of its words.
 *
 * The rule is a pattern: {first} (the first word), {last} (the last
 * word), {full} (the whole name), {family} (of a name in Chinese,
 * Japanese or Korean characters: its first word when it has a space, else
 * the whole name; of any other name, the whole name), and the language's
 * own words around them ("Kak {first}", "{family}様").  "none": no name.
 * Words written onto a name (คุณ{first}) are set apart by a space when the
 * name is in another script that spaces its words (คุณ Maria); Chinese and
 * Japanese, written without spaces, keep them on (Maria様).
 */
#ifndef CSKIT_BUYERNAME_H
#define CSKIT_BUYERNAME_H

#include "buf.h"

/* Is raw a name to address a buyer by? */
int	buyername_usable(const char *raw);

/*
 * The address for raw by pattern into name, and the given name into
 * given (the last word when given_last, else the first); both are reset.
 * 0, or -1 (both left empty) when raw is not usable or the rule is none.
 */
int	buyername_address(const char *raw, const char *pattern,
	    const char *honorifics, int given_last, struct buf *name,
	    struct buf *given);

#endif
