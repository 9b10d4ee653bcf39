/*
 * buyername — addressing a buyer by name, per language.
 */
#include <ctype.h>
#include <string.h>
#include <utf8proc.h>

#include "buyername.h"
#include "text.h"

int
buyername_usable(const char *raw)
{
	int letters = 0;

	if (raw == NULL)
		return 0;
	for (const char *p = raw; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '@' || c == '_' || c == '*' || isdigit(c))
			return 0;
		letters += c >= 0x80 || isalpha(c);
	}
	return letters > 0;
}

static int
is_cjk(int32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) ||	/* kana */
	    (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xAC00 && cp <= 0xD7AF) ||		/* Hangul */
	    (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

/* Does s hold a CJK character?  Is it written all in lower case? */
static void
scan_name(const char *s, int *cjk, int *lower_only)
{
	size_t n = strlen(s);
	int upper = 0, lower = 0;
	const char *p;

	*cjk = 0;
	for (p = s; *p != '\0' && (unsigned char)*p < 0x80; p++) {
		upper |= isupper((unsigned char)*p) != 0;
		lower |= islower((unsigned char)*p) != 0;
	}
	if (*p == '\0') {		/* ASCII, the usual case */
		*lower_only = lower && !upper;
		return;
	}
	upper = lower = 0;
	for (size_t i = 0; i < n; ) {
		int32_t cp;
		int k = text_decode(s + i, n - i, &cp);
		if (k <= 0)
			break;
		*cjk |= is_cjk(cp);
		upper |= utf8proc_tolower(cp) != cp;
		lower |= utf8proc_toupper(cp) != cp;
		i += (size_t)k;
	}
	*lower_only = lower && !upper;
}

/* The name cleaned: blanks trimmed and single, words capitalised when
 * it was all in lower case. */
static void
clean(const char *raw, struct buf *out)
{
	int cjk, lower_only, word_start = 1;
	size_t n = strlen(raw);
	const char *p;

	scan_name(raw, &cjk, &lower_only);
	for (p = raw; *p != '\0' && (unsigned char)*p < 0x80; p++)
		;
	if (*p == '\0') {		/* ASCII: a byte a character */
		for (p = raw; *p != '\0'; p++) {
			if (*p == ' ' || *p == '\t') {
				word_start = 1;
				continue;
			}
			if (word_start && out->len > 0)
				buf_addc(out, ' ');
			buf_addc(out, word_start && lower_only ?
			    (char)toupper((unsigned char)*p) : *p);
			word_start = 0;
		}
		return;
	}
	for (size_t i = 0; i < n; ) {
		int32_t cp;
		int k = text_decode(raw + i, n - i, &cp);
		utf8proc_uint8_t enc[4];
		if (k <= 0)
			break;
		i += (size_t)k;
		if (cp == ' ' || cp == '\t' || cp == 0x3000) {
			word_start = 1;
			continue;
		}
		if (word_start && out->len > 0)
			buf_addc(out, ' ');
		if (word_start && lower_only)
			cp = utf8proc_toupper(cp);
		buf_add(out, enc, (size_t)utf8proc_encode_char(cp, enc));
		word_start = 0;
	}
}

static int
latin_edge(const char *s, size_t len, int last)
{
	unsigned char c = (unsigned char)(last ? s[len - 1] : s[0]);

	return c < 0x80 && isalpha(c);
}

/* Does name carry one of the (space-separated) honorifics? */
static int
honoured(const char *name, const char *honorifics)
{
	size_t n = strlen(name);

	for (const char *h = honorifics; h != NULL && *h; ) {
		size_t k;
		h += strspn(h, " ");
		k = strcspn(h, " ");
		if (k == 0)
			break;
		if (n > k && strncmp(name, h, k) == 0 &&
		    (name[k] == ' ' || !latin_edge(h, k, 1)))
			return 1;
		if (n > k && strncmp(name + n - k, h, k) == 0 &&
		    (name[n - k - 1] == ' ' || !latin_edge(h, k, 0)))
			return 1;
		h += k;
	}
	return 0;
}

/*
 * The writing system of a letter, as far as spacing goes: SCRIPT_NONE for
 * what is not a letter (a space, punctuation, a digit), SCRIPT_UNSPACED
 * for the scripts written without spaces between words (Han, kana), where
 * an honorific sits on any name (Maria様).
 */
enum script {
	SCRIPT_NONE, SCRIPT_UNSPACED, SCRIPT_LATIN, SCRIPT_CYRILLIC,
	SCRIPT_GREEK, SCRIPT_ARABIC, SCRIPT_HEBREW, SCRIPT_THAI,
	SCRIPT_HANGUL, SCRIPT_OTHER
};

static enum script
script_of(int32_t cp)
{
	if (cp < 0x80)
		return isalpha((int)cp) ? SCRIPT_LATIN : SCRIPT_NONE;
	if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x20000 && cp <= 0x2FFFF))
		return SCRIPT_UNSPACED;
	if ((cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x1E00 && cp <= 0x1EFF))
		return cp == 0xD7 || cp == 0xF7 ? SCRIPT_NONE : SCRIPT_LATIN;
	if (cp >= 0x370 && cp <= 0x3FF)
		return SCRIPT_GREEK;
	if (cp >= 0x400 && cp <= 0x52F)
		return SCRIPT_CYRILLIC;
	if (cp >= 0x590 && cp <= 0x5FF)
		return SCRIPT_HEBREW;
	if ((cp >= 0x600 && cp <= 0x6FF) || (cp >= 0x750 && cp <= 0x77F) ||
	    (cp >= 0x8A0 && cp <= 0x8FF))
		return SCRIPT_ARABIC;
	if (cp >= 0xE00 && cp <= 0xE7F)
		return SCRIPT_THAI;
	if ((cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF))
		return SCRIPT_HANGUL;
	return utf8proc_category(cp) >= UTF8PROC_CATEGORY_LU &&
	    utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO ?
	    SCRIPT_OTHER : SCRIPT_NONE;
}

/* The script of the last character of b, of the first of s. */
static enum script
script_last(const struct buf *b)
{
	size_t i = b->len;
	int32_t cp;

	while (i > 0 && ((unsigned char)b->data[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0 || text_decode(b->data + i - 1, b->len - i + 1, &cp) <= 0)
		return SCRIPT_NONE;
	return script_of(cp);
}

static enum script
script_first(const char *s, size_t n)
{
	int32_t cp;

	if (n == 0 || text_decode(s, n, &cp) <= 0)
		return SCRIPT_NONE;
	return script_of(cp);
}

/*
 * Append s to the address being made: a space first where an honorific
 * written onto the name (คุณ{first}) meets a name in another script, which
 * that script would write apart (คุณ Maria, not คุณMaria).
 */
static void
join(struct buf *name, const char *s, size_t n)
{
	enum script a = script_last(name), b = script_first(s, n);

	if (a != b && a > SCRIPT_UNSPACED && b > SCRIPT_UNSPACED)
		buf_addc(name, ' ');
	buf_add(name, s, n);
}

/* Word `which` (0 first, -1 last) of s into out. */
static void
word(const char *s, int which, struct buf *out)
{
	const char *start = s, *sp;

	if (which < 0 && (sp = strrchr(s, ' ')) != NULL)
		start = sp + 1;
	buf_add(out, start, strcspn(start, " "));
}

int
buyername_address(const char *raw, const char *pattern,
    const char *honorifics, int given_last, struct buf *name,
    struct buf *given)
{
	struct buf full = BUF_INIT;
	int cjk, lower_only;

	buf_reset(name);
	buf_reset(given);
	if (!buyername_usable(raw) || pattern == NULL ||
	    strcmp(pattern, "none") == 0)
		return -1;
	clean(raw, &full);
	if (full.len == 0) {
		buf_free(&full);
		return -1;
	}
	scan_name(full.data, &cjk, &lower_only);
	word(full.data, given_last ? -1 : 0, given);
	if (honoured(full.data, honorifics)) {
		buf_add(name, full.data, full.len);
		buf_free(&full);
		return 0;
	}
	for (const char *p = pattern; *p; ) {
		struct buf part = BUF_INIT;
		size_t k;
		if (strncmp(p, "{first}", 7) == 0) {
			word(full.data, 0, &part);
			p += 7;
		} else if (strncmp(p, "{last}", 6) == 0) {
			word(full.data, -1, &part);
			p += 6;
		} else if (strncmp(p, "{full}", 6) == 0) {
			buf_add(&part, full.data, full.len);
			p += 6;
		} else if (strncmp(p, "{family}", 8) == 0) {
			if (cjk)
				word(full.data, 0, &part);
			else
				buf_add(&part, full.data, full.len);
			p += 8;
		} else {
			/* The words up to the next name. */
			k = 1 + strcspn(p + 1, "{");
			join(name, p, k);
			p += k;
			continue;
		}
		join(name, part.data != NULL ? part.data : "", part.len);
		buf_free(&part);
	}
	buf_free(&full);
	return 0;
}
