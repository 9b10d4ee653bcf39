#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "hash.h"
#include "text.h"
#include "tokenize.h"

uint64_t
tok_hash(const void *p, size_t len)
{
	return hash_fnv1a64(p, len);
}

int
tok_is_cjk(int32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) ||	/* kana, ー */
	    (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF) ||
	    cp == 0x3005;				/* 々 */
}

int
tok_is_thai(int32_t cp)
{
	return cp >= 0x0E01 && cp <= 0x0E5B;
}

/* A vowel or tone mark written on a Thai letter. */
static int
thai_mark(int32_t cp)
{
	return cp == 0x0E31 || (cp >= 0x0E34 && cp <= 0x0E3A) ||
	    (cp >= 0x0E47 && cp <= 0x0E4E);
}

/* Emoji and pictographs (Unicode's other symbols), not the skin tones. */
static int
pictograph(int32_t cp)
{
	return cp >= 0x2100 && !(cp >= 0x1F3FB && cp <= 0x1F3FF) &&
	    utf8proc_category(cp) == UTF8PROC_CATEGORY_SO;
}

static int
ascii_word_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	    (c >= 'A' && c <= 'Z');
}

static int
is_word_cp(int32_t cp)
{
	if (cp < 0x80)
		return ascii_word_byte((char)cp);
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

/* Append cp to out, without its accents when it is a Latin letter. */
static void
add_stripped(struct buf *out, int32_t cp)
{
	utf8proc_int32_t parts[8];
	utf8proc_uint8_t enc[4];
	utf8proc_ssize_t n;
	int last = 0;

	if (cp < 0x80) {
		/* tok_run_folded made room for the folded text's length */
		if (out->len + 1 < out->cap) {
			out->data[out->len++] = (char)cp;
			out->data[out->len] = '\0';
		} else
			buf_addc(out, (char)cp);
		return;
	}
	if ((cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x1E00 && cp <= 0x1EFF)) {
		n = utf8proc_decompose_char(cp, parts, 8,
		    UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, &last);
		if (n > 0 && n <= 8) {
			for (utf8proc_ssize_t i = 0; i < n; i++) {
				utf8proc_ssize_t k = utf8proc_encode_char(
				    parts[i], enc);
				buf_add(out, enc, (size_t)k);
			}
			return;
		}
	}
	n = utf8proc_encode_char(cp, enc);
	buf_add(out, enc, (size_t)n);
}

static struct tok *
new_tok(struct tok_text *tt)
{
	if (tt->n == tt->cap) {
		tt->cap = tt->cap ? tt->cap * 2 : 64;
		tt->toks = xrealloc(tt->toks, tt->cap * sizeof(*tt->toks));
	}
	memset(&tt->toks[tt->n], 0, sizeof(*tt->toks));
	return &tt->toks[tt->n++];
}

/* The bytes of a token's lookup key: its first 3 code points, or its
 * first one when that is a Hangul syllable (a whole stem or more). */
static size_t
key_length(const unsigned char *b, size_t len)
{
	size_t keylen = 0;
	int cps = 0, keycps = 3;

	if (len >= 3 && b[0] >= 0xEA && b[0] <= 0xED) {
		int32_t cp;
		if (text_decode((const char *)b, len, &cp) == 3 &&
		    cp >= 0xAC00 && cp <= 0xD7A3)
			keycps = 1;
	}
	while (keylen < len && cps < keycps) {
		keylen++;
		while (keylen < len && (b[keylen] & 0xC0) == 0x80)
			keylen++;
		cps++;
	}
	return keylen;
}

/* Hash and key of the token just written to the end of tt->bytes. */
static void
close_tok(struct tok_text *tt, struct tok *t, uint32_t srcend)
{
	const unsigned char *b = (const unsigned char *)tt->bytes.data + t->off;
	size_t keylen;

	t->len = (uint32_t)(tt->bytes.len - t->off);
	/* Order numbers, amounts, years: any run of 3 or more digits is "0". */
	if (t->len >= 3 && (unsigned)(b[0] - '0') <= 9) {
		size_t d = 1;
		while (d < t->len && (unsigned)(b[d] - '0') <= 9)
			d++;
		if (d == t->len) {
			tt->bytes.len = t->off + 1;
			tt->bytes.data[t->off] = '0';
			t->len = 1;
		}
	}
	t->srclen = srcend - t->src;
	keylen = key_length(b, t->len);
	/* The key's hash (the first 3 code points) is on the way to the
	 * whole token's. */
	t->key = hash_fnv1a64_more(HASH_FNV1A64_BASIS, b, keylen);
	t->hash = hash_fnv1a64_more(t->key, b + keylen, t->len - keylen);
}

uint64_t
tok_key(const char *s, size_t len)
{
	return hash_fnv1a64_more(HASH_FNV1A64_BASIS, s,
	    key_length((const unsigned char *)s, len));
}

void
tok_init(struct tok_text *tt)
{
	memset(tt, 0, sizeof(*tt));
}

void
tok_free(struct tok_text *tt)
{
	buf_free(&tt->folded);
	buf_free(&tt->bytes);
	free(tt->toks);
	memset(tt, 0, sizeof(*tt));
}

void
tok_run(struct tok_text *tt, const char *s, size_t len)
{
	buf_reset(&tt->folded);
	text_fold(s, len, &tt->folded);
	tok_run_folded(tt);
}

void
tok_run_folded(struct tok_text *tt)
{
	const char *s = buf_str(&tt->folded);
	size_t len = tt->folded.len, i = 0;
	struct tok *cur = NULL;
	int32_t cp;

	buf_reset(&tt->bytes);
	buf_grow(&tt->bytes, len);
	tt->n = 0;
	while (i < len && tt->n < TOK_MAX) {
		int k;
		if (ascii_word_byte(s[i])) {
			/* A run of ASCII letters and digits, most of a Latin
			 * text, in one step: the same as a byte at a time. */
			size_t j = i + 1;
			while (j < len && ascii_word_byte(s[j]))
				j++;
			if (cur && cur->cjk) {	/* after Thai */
				close_tok(tt, cur, (uint32_t)i);
				cur = NULL;
			}
			if (!cur) {
				cur = new_tok(tt);
				cur->off = (uint32_t)tt->bytes.len;
				cur->src = (uint32_t)i;
				cur->cjk = 0;
			}
			buf_add(&tt->bytes, s + i, j - i);
			i = j;
			continue;
		}
		if ((unsigned char)s[i] < 0x80) {
			k = 1;
			cp = (unsigned char)s[i];
		} else if ((k = text_decode(s + i, len - i, &cp)) < 0) {
			k = 1;
			cp = 0xFFFD;
		}
		if (cp >= 0x3005 && tok_is_cjk(cp)) {
			if (cur)
				close_tok(tt, cur, (uint32_t)i);
			cur = new_tok(tt);
			cur->off = (uint32_t)tt->bytes.len;
			cur->src = (uint32_t)i;
			cur->cjk = 1;
			buf_add(&tt->bytes, s + i, (size_t)k);
			close_tok(tt, cur, (uint32_t)(i + (size_t)k));
			cur = NULL;
		} else if (tok_is_thai(cp) && !(cur && cur->cjk && thai_mark(cp))) {
			/* a Thai letter: its marks follow into its token */
			if (cur)
				close_tok(tt, cur, (uint32_t)i);
			cur = new_tok(tt);
			cur->off = (uint32_t)tt->bytes.len;
			cur->src = (uint32_t)i;
			cur->cjk = 1;
			buf_add(&tt->bytes, s + i, (size_t)k);
		} else if (cur && cur->cjk && thai_mark(cp)) {
			buf_add(&tt->bytes, s + i, (size_t)k);
		} else if (cp == 0xFE0E || cp == 0xFE0F ||
		    (cp >= 0x1F3FB && cp <= 0x1F3FF)) {
			/* a variation selector or skin tone: nothing */
		} else if (cp == '?' || cp == 0x061F || pictograph(cp)) {
			if (cur)
				close_tok(tt, cur, (uint32_t)i);
			cur = NULL;
			if (cp == 0x061F)
				cp = '?';
			/* "???" is one "?" */
			if (cp == '?' && tt->n > 0 && tt->toks[tt->n - 1].sym &&
			    tt->toks[tt->n - 1].len == 1 &&
			    tok_bytes(tt, tt->n - 1)[0] == '?' &&
			    tt->toks[tt->n - 1].src + tt->toks[tt->n - 1].srclen
			    >= i) {
				tt->toks[tt->n - 1].srclen = (uint32_t)(i +
				    (size_t)k - tt->toks[tt->n - 1].src);
			} else {
				struct tok *t = new_tok(tt);
				t->off = (uint32_t)tt->bytes.len;
				t->src = (uint32_t)i;
				t->sym = 1;
				if (cp == '?')
					buf_addc(&tt->bytes, '?');
				else
					buf_add(&tt->bytes, s + i, (size_t)k);
				close_tok(tt, t, (uint32_t)(i + (size_t)k));
			}
		} else if (cp >= 0x0300 && cp <= 0x036F) {
			/* a combining accent left by folding (Turkish "İ"
			 * folds to i and a dot above): stripped like the
			 * others */
		} else if (is_word_cp(cp)) {
			if (cur && cur->cjk) {	/* after Thai */
				close_tok(tt, cur, (uint32_t)i);
				cur = NULL;
			}
			if (!cur) {
				cur = new_tok(tt);
				cur->off = (uint32_t)tt->bytes.len;
				cur->src = (uint32_t)i;
				cur->cjk = 0;
			}
			add_stripped(&tt->bytes, cp);
		} else if (cur && !cur->cjk && (cp == '\'' || cp == 0x2019) &&
		    i + (size_t)k < len) {
			/* An apostrophe inside a word is dropped. */
			int32_t next;
			if (text_decode(s + i + k, len - i - (size_t)k, &next) <= 0 ||
			    !is_word_cp(next) || tok_is_cjk(next)) {
				close_tok(tt, cur, (uint32_t)i);
				cur = NULL;
			}
		} else if (cur) {
			close_tok(tt, cur, (uint32_t)i);
			cur = NULL;
		}
		i += (size_t)k;
	}
	if (cur)
		close_tok(tt, cur, (uint32_t)(i < len ? i : len));
	buf_addc(&tt->bytes, '\0');
	tt->bytes.len--;
}
