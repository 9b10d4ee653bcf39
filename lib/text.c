#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"

int
text_utf8_valid(const char *s, size_t len, size_t *bad_at)
{
	size_t i = 0;
	int32_t cp;

	while (i < len) {
		/* ASCII runs are the common case: skip them 8 bytes at a time. */
		while (i + 8 <= len) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= len)
			break;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		int n = text_decode(s + i, len - i, &cp);
		if (n < 0) {
			if (bad_at)
				*bad_at = i;
			return 0;
		}
		i += (size_t)n;
	}
	return 1;
}

/* Fold one run that is valid UTF-8 through utf8proc. */
static void
fold_valid(const char *s, size_t len, struct buf *out)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t n;

	n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
	    &dst, UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
	    UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
	if (n >= 0)
		buf_add(out, dst, (size_t)n);
	else
		buf_add(out, s, len);
	free(dst);
}

static int
all_ascii(const char *s, size_t len)
{
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {		/* 8 bytes at a time */
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080ULL)
			return 0;
	}
	for (; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/*
 * The fold of a code point that folds on its own, whatever surrounds it:
 * the one code point NFKC + case folding makes of it, or -1 for every
 * other code point (those go through utf8proc).  The set is the letters
 * and punctuation of the markets cskit serves: ASCII, Latin-1 and
 * Latin Extended-A, Cyrillic, CJK ideographs, kana, fullwidth ASCII and
 * common quotes.  None of them is a combining mark or the second half of
 * a composition (and each decomposes to a starter first), so in a text
 * made only of them NFKC composes and orders nothing across characters,
 * and folding each alone gives the same bytes as folding the whole text.
 * test_text checks the fold of every code point, and of pairs of these,
 * against utf8proc's.
 */
static int32_t
fold_simple(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	if (cp >= 0xC0 && cp <= 0x17F) {
		switch (cp) {
		case 0xDF:		/* ß folds to "ss" */
		case 0x130:		/* İ folds to "i" + U+0307 */
		case 0x132: case 0x133:	/* Ĳ ĳ: "ij" */
		case 0x13F: case 0x140:	/* Ŀ ŀ: "l·" */
		case 0x149:		/* ŉ: "ʼn" */
		case 0x17F:		/* ſ: "s" */
			return -1;
		}
		return utf8proc_tolower(cp);
	}
	if (cp >= 0x400 && cp <= 0x45F)
		return utf8proc_tolower(cp);
	if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA) ||
	    (cp >= 0x30FC && cp <= 0x30FE) || cp == 0x309D || cp == 0x309E ||
	    (cp >= 0x3001 && cp <= 0x3002) || (cp >= 0x300C && cp <= 0x3011))
		return cp;
	if (cp >= 0xFF01 && cp <= 0xFF5E) {	/* fullwidth ASCII: NFKC */
		cp -= 0xFEE0;
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	}
	switch (cp) {
	case 0xA0: case 0x3000:			/* no-break, ideographic space */
		return ' ';
	case 0xA1: case 0xAB: case 0xBB: case 0xBF:	/* ¡ « » ¿ */
	case 0x2013: case 0x2014:			/* – — */
	case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x201E:
		return cp;
	}
	return -1;
}

/* Fold s[0..len) one code point at a time; 0 when one does not fold alone. */
static int
fold_simple_text(const char *s, size_t len, struct buf *out)
{
	size_t i = 0, mark = out->len;
	int32_t cp;

	/* A fold is never longer than its source in this set. */
	buf_grow(out, len);
	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80 && b != 0) {
			out->data[out->len++] = (char)(b >= 'A' && b <= 'Z' ?
			    b + 32 : b);
			i++;
			continue;
		}
		int n = text_decode(s + i, len - i, &cp);
		int32_t f;
		if (n < 0 || cp == 0 || (f = fold_simple(cp)) < 0) {
			out->len = mark;
			out->data[mark] = '\0';
			return 0;
		}
		i += (size_t)n;
		out->len += (size_t)utf8proc_encode_char(f,
		    (utf8proc_uint8_t *)out->data + out->len);
	}
	out->data[out->len] = '\0';
	return 1;
}

int
text_fold(const char *s, size_t len, struct buf *out)
{
	/* ASCII needs no normalisation and folds by tolower; most messages
	 * in most markets are ASCII, so this spares utf8proc's allocation. */
	if (all_ascii(s, len)) {
		buf_grow(out, len);
		char *d = out->data + out->len;
		for (size_t i = 0; i < len; i++) {
			unsigned char c = (unsigned char)s[i];
			d[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		}
		out->len += len;
		out->data[out->len] = '\0';
		return 0;
	}
	if (fold_simple_text(s, len, out))
		return 0;
	size_t i = 0, start = 0;
	int32_t cp;
	while (i < len) {
		int n = text_decode(s + i, len - i, &cp);
		if (n > 0 && cp != 0) {
			i += (size_t)n;
			continue;
		}
		/* An invalid byte (or a NUL, which utf8proc would stop at):
		 * fold what came before it and stand U+FFFD in its place. */
		fold_valid(s + start, i - start, out);
		buf_adds(out, n > 0 ? " " : "\xEF\xBF\xBD");
		i += n > 0 ? (size_t)n : 1;
		start = i;
	}
	fold_valid(s + start, i - start, out);
	return 0;
}

/*
 * One grapheme cluster (what a terminal draws as one character) at s: its
 * bytes, and in *cols the columns it takes.  Its width is its first code
 * point's, except that an emoji presentation selector (U+FE0F: "❤️") or a
 * pair of regional indicators (a flag: "🇩🇪") makes it two, and what
 * follows the first code point (skin tones, joined emoji, combining marks)
 * adds nothing: terminals draw "👍🏽" and "👨‍👩‍👧" in two columns.
 */
static size_t
cluster(const char *s, size_t len, size_t *cols)
{
	utf8proc_int32_t state = 0;
	int32_t cp, first = -1, prev = -1;
	size_t i = 0;
	int w = 0, ri = 0;

	while (i < len) {
		int n = text_decode(s + i, len - i, &cp);
		if (n < 0) {
			if (first < 0) {	/* a byte shown as U+FFFD */
				*cols = 1;
				return 1;
			}
			break;
		}
		if (first >= 0 && utf8proc_grapheme_break_stateful(prev, cp,
		    &state))
			break;
		if (first < 0) {
			first = cp;
			w = cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ? 0 :
			    utf8proc_charwidth(cp);
		} else if (cp == 0xFE0F)
			w = 2;
		ri += cp >= 0x1F1E6 && cp <= 0x1F1FF;
		prev = cp;
		i += (size_t)n;
	}
	if (ri == 2)
		w = 2;
	*cols = w > 0 ? (size_t)w : 0;
	return i;
}

size_t
text_width(const char *s, size_t len)
{
	size_t i = 0, w = 0, cols;

	while (i < len) {
		i += cluster(s + i, len - i, &cols);
		w += cols;
	}
	return w;
}

size_t
text_fit(const char *s, size_t len, size_t width, size_t *used)
{
	size_t i = 0, w = 0, cols;

	while (i < len) {
		size_t n = cluster(s + i, len - i, &cols);
		if (w + cols > width)
			break;
		w += cols;
		i += n;
	}
	if (used != NULL)
		*used = w;
	return i;
}

void
text_base64(const char *s, size_t len, struct buf *out)
{
	static const char tab[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *u = (const unsigned char *)s;
	size_t i;

	buf_grow(out, (len + 2) / 3 * 4);
	for (i = 0; i + 3 <= len; i += 3) {
		uint32_t v = (uint32_t)u[i] << 16 | (uint32_t)u[i + 1] << 8 | u[i + 2];
		char q[4] = { tab[v >> 18], tab[(v >> 12) & 63],
		    tab[(v >> 6) & 63], tab[v & 63] };
		buf_add(out, q, 4);
	}
	if (i < len) {
		uint32_t v = (uint32_t)u[i] << 16;
		if (i + 1 < len)
			v |= (uint32_t)u[i + 1] << 8;
		char q[4] = { tab[v >> 18], tab[(v >> 12) & 63],
		    i + 1 < len ? tab[(v >> 6) & 63] : '=', '=' };
		buf_add(out, q, 4);
	}
}
