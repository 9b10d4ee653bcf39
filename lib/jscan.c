#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "jscan.h"
#include "json.h"
#include "text.h"

/* Deeper texts are declined: the bit stack below is this long. */
#define JSCAN_DEPTH_MAX	4096

static inline const char *
skip_ws(const char *p, const char *e)
{
	/* JSON Lines seldom has blanks between tokens: test for none first */
	if (p < e && (unsigned char)*p > ' ')
		return p;
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

/*
 * p is just past an opening quote.  The closing quote, or NULL to decline;
 * *plain is cleared when the string holds an escape.  Its UTF-8 is checked
 * here, run by run: bytes of 0x80 and up are valid in a line only inside a
 * string, so a line jscan accepts is valid UTF-8 without NUL bytes, and the
 * reader need not look at it again.
 */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))	/* twice for every member of every line */
#endif
static inline const char *
scan_string(const char *p, const char *e, int *plain)
{
	for (;;) {
		p = json_run(p, e, 1);
		if (p >= e)
			return NULL;
		if (*p == '"')
			return p;
		if ((unsigned char)*p >= 0x80) {
			if ((p = text_utf8_skip(p, e)) == NULL)
				return NULL;
			continue;
		}
		if (*p != '\\' || e - p < 2)
			return NULL;	/* a control byte */
		switch (p[1]) {
		case '"': case '\\': case '/': case 'b': case 'f': case 'n':
		case 'r': case 't':
			*plain = 0;
			p += 2;
			break;
		default:	/* \u (surrogates to check) or not an escape */
			return NULL;
		}
	}
}

static const char *
scan_digits(const char *p, const char *e)
{
	const char *s = p;

	while (p < e && *p >= '0' && *p <= '9')
		p++;
	return p > s ? p : NULL;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static const char *
scan_number(const char *p, const char *e)
{
	if (p < e && *p == '-')
		p++;
	if (p < e && *p == '0')
		p++;
	else if ((p = scan_digits(p, e)) == NULL)
		return NULL;
	if (p < e && *p == '.' && (p = scan_digits(p + 1, e)) == NULL)
		return NULL;
	if (p < e && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < e && (*p == '+' || *p == '-'))
			p++;
		if ((p = scan_digits(p, e)) == NULL)
			return NULL;
	}
	return p;
}

static const char *
scan_word(const char *p, const char *e, const char *w, size_t n)
{
	return (size_t)(e - p) >= n && memcmp(p, w, n) == 0 ? p + n : NULL;
}

/* Key, colon and the whitespace after: p at the quote; NULL to decline. */
static const char *
scan_key(const char *p, const char *e)
{
	int plain = 1;

	if (p >= e || *p != '"' || (p = scan_string(p + 1, e, &plain)) == NULL)
		return NULL;
	p = skip_ws(p + 1, e);
	if (p >= e || *p != ':')
		return NULL;
	return skip_ws(p + 1, e);
}

/*
 * One value starting at p, nested containers walked without recursion (a
 * bit a level: set for an object); its end, or NULL to decline.
 */
#define IS_OBJECT(lv)	(objects[(lv) / 8] & (1u << (lv) % 8))

static const char *
scan_value(const char *p, const char *e, int max_depth, int *plain)
{
	unsigned char objects[JSCAN_DEPTH_MAX / 8];
	int depth = 0;

	*plain = 0;
	for (;;) {
		if (p >= e)
			return NULL;
		if (*p == '{' || *p == '[') {
			int obj = *p == '{';
			if (++depth > max_depth || depth >= JSCAN_DEPTH_MAX)
				return NULL;
			if (obj)
				objects[depth / 8] |= (unsigned char)(1u << depth % 8);
			else
				objects[depth / 8] &= (unsigned char)~(1u << depth % 8);
			p = skip_ws(p + 1, e);
			if (p < e && *p == (obj ? '}' : ']')) {
				p++;
				depth--;
				goto after;
			}
			if (obj && (p = scan_key(p, e)) == NULL)
				return NULL;
			continue;
		}
		switch (*p) {
		case '"': {
			int pl = 1;
			if ((p = scan_string(p + 1, e, &pl)) == NULL)
				return NULL;
			p++;
			if (depth == 0)
				*plain = pl;
			break;
		}
		case 't':
			p = scan_word(p, e, "true", 4);
			break;
		case 'f':
			p = scan_word(p, e, "false", 5);
			break;
		case 'n':
			p = scan_word(p, e, "null", 4);
			break;
		default:
			p = scan_number(p, e);
			break;
		}
		if (p == NULL)
			return NULL;
after:
		if (depth == 0)
			return p;
		p = skip_ws(p, e);
		if (p >= e)
			return NULL;
		if (*p == ',') {
			p = skip_ws(p + 1, e);
			if (IS_OBJECT(depth) && (p = scan_key(p, e)) == NULL)
				return NULL;
			continue;
		}
		if (*p != (IS_OBJECT(depth) ? '}' : ']'))
			return NULL;
		p++;
		depth--;
		goto after;
	}
}

static void
add_member(struct jscan *js, const char *key, size_t keylen,
    const char *val, size_t vallen, int plain)
{
	if (js->n == js->cap) {
		js->cap = js->cap ? js->cap * 2 : 32;
		js->m = xrealloc(js->m, sizeof *js->m * js->cap);
	}
	js->m[js->n++] = (struct jscan_member){ key, keylen, val, vallen,
	    plain };
}

int
jscan_object(struct jscan *js, const char *p, size_t n, int max_depth)
{
	const char *e = p + n;

	js->n = 0;
	p = skip_ws(p, e);
	if (p >= e || *p != '{' || max_depth < 1)
		return 0;
	p = skip_ws(p + 1, e);
	if (p < e && *p == '}')
		return skip_ws(p + 1, e) == e;
	for (;;) {
		int plain = 1;
		if (p >= e || *p != '"')
			return 0;
		const char *key = p + 1, *q = scan_string(key, e, &plain);
		if (q == NULL || !plain)
			return 0;	/* escaped keys: the full parser */
		size_t keylen = (size_t)(q - key);
		p = skip_ws(q + 1, e);
		if (p >= e || *p != ':')
			return 0;
		const char *val = p = skip_ws(p + 1, e);
		if ((p = scan_value(p, e, max_depth - 1, &plain)) == NULL)
			return 0;
		add_member(js, key, keylen, val, (size_t)(p - val), plain);
		p = skip_ws(p, e);
		if (p < e && *p == ',') {
			p = skip_ws(p + 1, e);
			continue;
		}
		if (p < e && *p == '}')
			return skip_ws(p + 1, e) == e;
		return 0;
	}
}

void
jscan_free(struct jscan *js)
{
	free(js->m);
	js->m = NULL;
	js->n = js->cap = 0;
}
