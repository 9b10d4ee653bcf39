/*
 * text — UTF-8 validation, normalisation for matching, display widths.
 *
 * Owns nothing: every function writes into a caller's buf or returns a
 * number.  All Unicode knowledge comes from utf8proc, so the answers are the
 * same on every machine whatever its locale.
 */
#ifndef CSKIT_TEXT_H
#define CSKIT_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include "buf.h"

/*
 * Is s[0..len) valid UTF-8 (no overlong forms, no surrogates, nothing past
 * U+10FFFF)?  On failure *bad_at (if non-NULL) is the offset of the first
 * bad byte.  NUL bytes are valid UTF-8; callers that cannot carry them
 * check separately.
 */
int	text_utf8_valid(const char *s, size_t len, size_t *bad_at);

/*
 * NFKC normalisation plus Unicode case folding, appended to out, for
 * matching: "ＲＥＦＵＮＤ" and "Refund" and "refund" fold to the same bytes.
 * Invalid UTF-8 is copied through a byte at a time as U+FFFD.  Returns 0.
 */
int	text_fold(const char *s, size_t len, struct buf *out);

/*
 * Display width in terminal columns, a grapheme cluster at a time: East
 * Asian wide and fullwidth count 2, an emoji drawn as one (flags, skin
 * tones, joined families, "❤️") 2, combining marks and zero-width
 * characters 0, control characters 0.
 */
size_t	text_width(const char *s, size_t len);
/* The bytes of the longest start of s, whole clusters, that fits in width
 * columns; *used (may be NULL) gets the columns it takes. */
size_t	text_fit(const char *s, size_t len, size_t width, size_t *used);

/*
 * Decode one code point; returns bytes used (>=1) or -1 on invalid UTF-8.
 * Inline: the reader checks every non-ASCII character of every line.
 */
static inline int
text_decode(const char *s, size_t len, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	int32_t c;
	int n;

	if (len == 0)
		return -1;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] < 0xC2)
		return -1;	/* continuation byte, or overlong 2 bytes */
	if (u[0] < 0xE0) {
		n = 2;
		c = u[0] & 0x1F;
	} else if (u[0] < 0xF0) {
		n = 3;
		c = u[0] & 0x0F;
	} else if (u[0] < 0xF5) {
		n = 4;
		c = u[0] & 0x07;
	} else
		return -1;
	if (len < (size_t)n)
		return -1;
	for (int i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (u[i] & 0x3F);
	}
	/* Overlong forms, surrogates and values past U+10FFFF. */
	if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
	    (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return -1;
	*cp = c;
	return n;
}

/*
 * p at a byte of 0x80 or more: the end of the run of valid multibyte
 * sequences from p (at the next ASCII byte or e), or NULL at an invalid
 * one.  The checks of text_decode by the lead byte (Unicode's table of
 * well-formed sequences), without building the code point: the reader
 * runs it over every non-ASCII string of every line.
 */
static inline const char *
text_utf8_skip(const char *p, const char *e)
{
	const unsigned char *u = (const unsigned char *)p;
	const unsigned char *end = (const unsigned char *)e;

	while (u < end && u[0] >= 0x80) {
		unsigned c = u[0];
		ptrdiff_t left = end - u;
		if (c < 0xC2)
			return NULL;	/* continuation, or overlong 2 bytes */
		if (c < 0xE0) {
			if (left < 2 || (u[1] & 0xC0) != 0x80)
				return NULL;
			u += 2;
		} else if (c < 0xF0) {
			if (left < 3 || (u[1] & 0xC0) != 0x80 ||
			    (u[2] & 0xC0) != 0x80 ||
			    (c == 0xE0 && u[1] < 0xA0) ||	/* overlong */
			    (c == 0xED && u[1] >= 0xA0))	/* surrogate */
				return NULL;
			u += 3;
		} else if (c < 0xF5) {
			if (left < 4 || (u[1] & 0xC0) != 0x80 ||
			    (u[2] & 0xC0) != 0x80 || (u[3] & 0xC0) != 0x80 ||
			    (c == 0xF0 && u[1] < 0x90) ||	/* overlong */
			    (c == 0xF4 && u[1] >= 0x90))	/* past 10FFFF */
				return NULL;
			u += 4;
		} else
			return NULL;
	}
	return (const char *)u;
}

/* Append the base64 encoding of s (RFC 4648, padded). */
void	text_base64(const char *s, size_t len, struct buf *out);

#endif
