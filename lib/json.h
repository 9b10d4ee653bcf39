/*
 * json — writing JSON text, and small cJSON conveniences that keep key order.
 *
 * Owns nothing.  json_write() is the one serializer of cskit: compact, keys
 * in the object's order, strings escaped minimally (only ", \ and control
 * characters; non-ASCII stays UTF-8), numbers in the shortest form that reads
 * back as the same double, so output is byte-identical across machines.
 */
#ifndef CSKIT_JSON_H
#define CSKIT_JSON_H

#include <stddef.h>
#include <cjson/cJSON.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "buf.h"

void	json_write(struct buf *, const cJSON *);
void	json_write_string(struct buf *, const char *s, size_t len);
void	json_write_number(struct buf *, double);
/* k thousandths, as json_write_number writes k / 1000.0 ("0.25", "-1"):
 * for scores rounded to three decimals, without the double's detour. */
void	json_write_milli(struct buf *, long long k);

/*
 * Validate JSON text; on a syntax error, -1 with the 1-based column and what
 * was wrong ("expected ',' or '}'", "unterminated string", ...).  For
 * diagnostics: cJSON only says roughly where it stopped.
 */
int	json_find_error(const char *s, size_t n, size_t *column,
	    const char **what);

/*
 * The first item named key at it or after it, or NULL.  Inline, and the
 * first byte compared before the rest: the tools look up a dozen fields an
 * event, and most names differ in their first byte.
 */
static inline cJSON *
json_named(cJSON *it, const char *key)
{
	for (; it != NULL; it = it->next)
		if (it->string != NULL && it->string[0] == key[0] &&
		    strcmp(it->string, key) == 0)
			return it;
	return NULL;
}

/* obj[key], the first of that name, as cJSON_GetObjectItemCaseSensitive. */
static inline cJSON *
json_get(const cJSON *obj, const char *key)
{
	return obj != NULL ? json_named(obj->child, key) : NULL;
}

/* The string value of obj[key], or NULL when absent or not a string. */
const char *json_str(const cJSON *obj, const char *key);
/* The number value of obj[key] into *out; -1 when absent or not a number. */
int	json_num(const cJSON *obj, const char *key, double *out);

/*
 * Set obj[key], replacing the first item of that name in place (its position
 * kept) or appending at the end.  Takes ownership of item.
 */
void	json_set(cJSON *obj, const char *key, cJSON *item);
void	json_set_str(cJSON *obj, const char *key, const char *val);
void	json_set_num(cJSON *obj, const char *key, double val);
void	json_set_bool(cJSON *obj, const char *key, int val);
/*
 * json_set for a key that lives as long as the program (a literal, a
 * table's name): the item borrows it instead of a copy, which a filter
 * setting a dozen fields on every event notices.
 */
void	json_put(cJSON *obj, const char *key, cJSON *item);
/*
 * Give string item it the value val (copied), also when it refers to text
 * it does not own (a reader's item: cJSON_SetValuestring refuses those).
 */
void	json_string_assign(cJSON *it, const char *val);

/*
 * The bytes of v (eight, in memory order) that end or escape a string's
 * plain run: '"', '\\' or a control byte, each marked by its high bit.
 * Bytes of 0x80 and up never match.  A borrow only runs upward, so the
 * lowest mark is always a true match: the first special byte.
 */
static inline uint64_t
json_special_bytes(uint64_t v)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	uint64_t quote = v ^ (ones * '"'), slash = v ^ (ones * '\\');

	return (((v - ones * 0x20) & ~v) | ((quote - ones) & ~quote) |
	    ((slash - ones) & ~slash)) & high;
}

/*
 * The first byte at or after p, or e, that a JSON string cannot hold as it
 * is ('"', '\\', a control byte), and with stop_high also the first byte of
 * 0x80 and up.  Sixteen bytes a step with SSE2 (every x86-64 has it), then
 * eight.  Inline: it runs for every string read and written, and stop_high
 * is a constant where it is called.
 */
static inline const char *
json_run(const char *p, const char *e, int stop_high)
{
#ifdef __SSE2__
	const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\');
	const __m128i below_space = _mm_set1_epi8(0x20);
	const __m128i ctl = _mm_set1_epi8(0x1F);

	while (e - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i m = _mm_or_si128(_mm_cmpeq_epi8(v, quote),
		    _mm_cmpeq_epi8(v, bslash));
		/* Signed, every byte of 0x80 and up is below 0x20 too. */
		m = _mm_or_si128(m, stop_high ? _mm_cmplt_epi8(v, below_space) :
		    _mm_cmpeq_epi8(_mm_min_epu8(v, ctl), v));
		int bits = _mm_movemask_epi8(m);
		if (bits != 0)
			return p + __builtin_ctz((unsigned)bits);
		p += 16;
	}
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* Eight bytes a step; the last few padded with NULs, which count as
	 * control bytes and so stop the search at e. */
	for (;;) {
		uint64_t v = 0, m;
		size_t left = (size_t)(e - p);

		if (left == 0)
			return e;
		if (left >= 8)
			memcpy(&v, p, 8);	/* one load */
		else
			for (size_t i = 0; i < left; i++)
				v |= (uint64_t)(unsigned char)p[i] << 8 * i;
		m = json_special_bytes(v);
		if (stop_high)	/* exact marks: the lowest is still true */
			m |= v & 0x8080808080808080u;
		if (m != 0) {
			size_t at = (size_t)__builtin_ctzll(m) / 8;
			return at < left ? p + at : e;
		}
		p += 8;
	}
#else
	while (p < e && (unsigned char)*p >= 0x20 && *p != '"' && *p != '\\' &&
	    !(stop_high && (unsigned char)*p >= 0x80))
		p++;
	return p;
#endif
}

/* The end of a string's plain run: json_run without stopping at 0x80+. */
static inline const char *
json_string_run(const char *p, const char *e)
{
	return json_run(p, e, 0);
}

#endif
