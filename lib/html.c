#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html.h"

/* ---- character references ------------------------------------------------ */

/* Named references, sorted by name (strcmp) for the binary search. */
static const struct named_ref {
	const char	*name;
	uint32_t	 cp;
} named_refs[] = {
	{ "AElig", 0xC6 }, { "Aacute", 0xC1 }, { "Acirc", 0xC2 },
	{ "Agrave", 0xC0 }, { "Aring", 0xC5 }, { "Atilde", 0xC3 },
	{ "Auml", 0xC4 }, { "Ccedil", 0xC7 }, { "Eacute", 0xC9 },
	{ "Ecirc", 0xCA }, { "Egrave", 0xC8 }, { "Euml", 0xCB },
	{ "Iacute", 0xCD }, { "Icirc", 0xCE }, { "Igrave", 0xCC },
	{ "Iuml", 0xCF }, { "Ntilde", 0xD1 }, { "OElig", 0x152 },
	{ "Oacute", 0xD3 }, { "Ocirc", 0xD4 }, { "Ograve", 0xD2 },
	{ "Oslash", 0xD8 }, { "Otilde", 0xD5 }, { "Ouml", 0xD6 },
	{ "Scaron", 0x160 }, { "Uacute", 0xDA }, { "Ucirc", 0xDB },
	{ "Ugrave", 0xD9 }, { "Uuml", 0xDC }, { "Yacute", 0xDD },
	{ "aacute", 0xE1 }, { "acirc", 0xE2 }, { "acute", 0xB4 },
	{ "aelig", 0xE6 }, { "agrave", 0xE0 }, { "amp", '&' },
	{ "apos", '\'' }, { "aring", 0xE5 }, { "atilde", 0xE3 },
	{ "auml", 0xE4 }, { "bdquo", 0x201E }, { "brvbar", 0xA6 },
	{ "bull", 0x2022 }, { "ccedil", 0xE7 }, { "cedil", 0xB8 },
	{ "cent", 0xA2 }, { "copy", 0xA9 }, { "curren", 0xA4 },
	{ "dagger", 0x2020 }, { "darr", 0x2193 }, { "deg", 0xB0 },
	{ "divide", 0xF7 }, { "eacute", 0xE9 }, { "ecirc", 0xEA },
	{ "egrave", 0xE8 }, { "ensp", 0x2002 }, { "emsp", 0x2003 },
	{ "euml", 0xEB }, { "euro", 0x20AC }, { "frac12", 0xBD },
	{ "frac14", 0xBC }, { "frac34", 0xBE }, { "ge", 0x2265 },
	{ "gt", '>' }, { "harr", 0x2194 }, { "hellip", 0x2026 },
	{ "iacute", 0xED }, { "icirc", 0xEE }, { "iexcl", 0xA1 },
	{ "igrave", 0xEC }, { "iquest", 0xBF }, { "iuml", 0xEF },
	{ "laquo", 0xAB }, { "larr", 0x2190 }, { "ldquo", 0x201C },
	{ "le", 0x2264 }, { "lsaquo", 0x2039 }, { "lsquo", 0x2018 },
	{ "lt", '<' }, { "macr", 0xAF }, { "mdash", 0x2014 },
	{ "micro", 0xB5 }, { "middot", 0xB7 }, { "minus", 0x2212 },
	{ "nbsp", ' ' }, { "ndash", 0x2013 }, { "ne", 0x2260 },
	{ "not", 0xAC }, { "ntilde", 0xF1 }, { "oacute", 0xF3 },
	{ "ocirc", 0xF4 }, { "oelig", 0x153 }, { "ograve", 0xF2 },
	{ "ordf", 0xAA }, { "ordm", 0xBA }, { "oslash", 0xF8 },
	{ "otilde", 0xF5 }, { "ouml", 0xF6 }, { "para", 0xB6 },
	{ "permil", 0x2030 }, { "plusmn", 0xB1 }, { "pound", 0xA3 },
	{ "quot", '"' }, { "raquo", 0xBB }, { "rarr", 0x2192 },
	{ "rdquo", 0x201D }, { "reg", 0xAE }, { "rsaquo", 0x203A },
	{ "rsquo", 0x2019 }, { "sbquo", 0x201A }, { "scaron", 0x161 },
	{ "sect", 0xA7 }, { "shy", 0xAD }, { "sup1", 0xB9 },
	{ "sup2", 0xB2 }, { "sup3", 0xB3 }, { "szlig", 0xDF },
	{ "thinsp", 0x2009 }, { "times", 0xD7 }, { "trade", 0x2122 },
	{ "uacute", 0xFA }, { "uarr", 0x2191 }, { "ucirc", 0xFB },
	{ "ugrave", 0xF9 }, { "uml", 0xA8 }, { "uuml", 0xFC },
	{ "yacute", 0xFD }, { "yen", 0xA5 }, { "yuml", 0xFF },
	{ "zwj", 0x200D }, { "zwnj", 0x200C },
};

#define NAME_MAX_LEN	8	/* the longest name above */
#define REPLACEMENT	0xFFFD

static int
by_name(const void *key, const void *elem)
{
	return strcmp(key, ((const struct named_ref *)elem)->name);
}

static void
put_utf8(struct buf *out, uint32_t cp)
{
	char b[4];

	if (cp < 0x80) {
		buf_addc(out, (char)cp);
		return;
	}
	if (cp < 0x800) {
		b[0] = (char)(0xC0 | cp >> 6);
		b[1] = (char)(0x80 | (cp & 0x3F));
		buf_add(out, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | cp >> 12);
		b[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		buf_add(out, b, 3);
	} else {
		b[0] = (char)(0xF0 | cp >> 18);
		b[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		b[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		buf_add(out, b, 4);
	}
}

/*
 * A numeric reference at s ("&#..."): its code point and its length, or 0
 * when it is not one.  Every digit is read (a million of them too: the
 * value stops growing once it is out of range), so the text is consumed
 * once.
 */
static size_t
numeric_ref(const char *s, size_t n, uint32_t *cp)
{
	size_t i = 2;
	int hex = i < n && (s[i] == 'x' || s[i] == 'X');
	uint32_t v = 0;
	size_t nd = 0;

	if (hex)
		i++;
	for (; i < n; i++, nd++) {
		int d;
		if (isdigit((unsigned char)s[i]))
			d = s[i] - '0';
		else if (hex && isxdigit((unsigned char)s[i]))
			d = tolower((unsigned char)s[i]) - 'a' + 10;
		else
			break;
		if (v <= 0x10FFFF)
			v = v * (hex ? 16 : 10) + (uint32_t)d;
	}
	if (nd == 0)
		return 0;
	if (i < n && s[i] == ';')
		i++;
	if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		v = REPLACEMENT;
	*cp = v;
	return i;
}

/* A named reference at s ("&name;"): its code point and length, or 0. */
static size_t
named_ref(const char *s, size_t n, uint32_t *cp)
{
	char name[NAME_MAX_LEN + 1];
	size_t i = 1;

	while (i < n && i <= NAME_MAX_LEN + 1 && isalnum((unsigned char)s[i]))
		i++;
	if (i == 1 || i > NAME_MAX_LEN + 1 || i >= n || s[i] != ';')
		return 0;
	memcpy(name, s + 1, i - 1);
	name[i - 1] = '\0';
	const struct named_ref *r = bsearch(name, named_refs,
	    sizeof named_refs / sizeof named_refs[0], sizeof named_refs[0],
	    by_name);
	if (r == NULL)
		return 0;
	*cp = r->cp;
	return i + 1;
}

/* ---- the text being written ---------------------------------------------- */

struct writer {
	struct buf	*out;
	size_t		 start;		/* where this text began in out */
	int		 space;		/* a space is due before the next text */
	int		 newlines;	/* line breaks due (0-2) */
	int		 item;		/* "- " due at the next text */
	int		 pre;		/* inside <pre> (depth) */
};

static int
wrote_any(const struct writer *w)
{
	return w->out->len > w->start;
}

/* Before a byte of text: the breaks, space or bullet that are due. */
static void
flush_due(struct writer *w)
{
	if (wrote_any(w) && w->newlines > 0) {
		buf_add(w->out, "\n\n", (size_t)(w->newlines > 2 ? 2 :
		    w->newlines));
	} else if (wrote_any(w) && w->space)
		buf_addc(w->out, ' ');
	if (w->item)
		buf_add(w->out, "- ", 2);
	w->newlines = w->space = w->item = 0;
}

static void
text_byte(struct writer *w, char c)
{
	if (!w->pre && (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f')) {
		w->space = 1;
		return;
	}
	if (w->pre && c == '\r')
		return;
	if (w->pre && c == '\n') {
		w->newlines++;
		return;
	}
	flush_due(w);
	buf_addc(w->out, c);
}

static void
text_cp(struct writer *w, uint32_t cp)
{
	if (cp < 0x80) {
		text_byte(w, (char)cp);
		return;
	}
	flush_due(w);
	put_utf8(w->out, cp);
}

static void
line_break(struct writer *w, int n)
{
	if (w->newlines < n)
		w->newlines = n;
	w->space = 0;
}

/* ---- tags ----------------------------------------------------------------- */

enum tag_effect {
	T_NONE,
	T_BR,		/* a line break */
	T_LINE,		/* a block: ends the line */
	T_PARA,		/* a paragraph: a blank line */
	T_ITEM,		/* a list item */
	T_CELL,		/* a table cell: a space */
	T_PRE,		/* <pre>: a paragraph, white space kept */
	T_SKIP		/* its content is not text (script, style...) */
};

static const struct tag_def {
	const char	*name;
	enum tag_effect	 effect;
} tag_defs[] = {
	{ "address", T_LINE }, { "article", T_LINE }, { "aside", T_LINE },
	{ "blockquote", T_PARA }, { "br", T_BR }, { "caption", T_LINE },
	{ "dd", T_LINE }, { "div", T_LINE }, { "dl", T_LINE },
	{ "dt", T_LINE }, { "figcaption", T_LINE }, { "figure", T_LINE },
	{ "footer", T_LINE }, { "form", T_LINE }, { "h1", T_PARA },
	{ "h2", T_PARA }, { "h3", T_PARA }, { "h4", T_PARA },
	{ "h5", T_PARA }, { "h6", T_PARA }, { "head", T_SKIP },
	{ "header", T_LINE }, { "hr", T_LINE }, { "li", T_ITEM },
	{ "main", T_LINE }, { "nav", T_LINE }, { "ol", T_LINE },
	{ "p", T_PARA }, { "pre", T_PRE }, { "script", T_SKIP },
	{ "section", T_LINE }, { "style", T_SKIP }, { "table", T_LINE },
	{ "td", T_CELL }, { "template", T_SKIP }, { "th", T_CELL },
	{ "title", T_SKIP }, { "tr", T_LINE }, { "ul", T_LINE },
};

static enum tag_effect
tag_effect(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof tag_defs / sizeof tag_defs[0]; i++)
		if (strlen(tag_defs[i].name) == len &&
		    strncasecmp(tag_defs[i].name, name, len) == 0)
			return tag_defs[i].effect;
	return T_NONE;
}

/* The end of a tag whose name ends at i: past its '>' (quotes in its
 * attributes respected), or n when it never ends. */
static size_t
tag_end(const char *s, size_t n, size_t i)
{
	char quote = 0;

	for (; i < n; i++) {
		if (quote) {
			if (s[i] == quote)
				quote = 0;
		} else if (s[i] == '"' || s[i] == '\'')
			quote = s[i];
		else if (s[i] == '>')
			return i + 1;
	}
	return n;
}

/* Where `</name` starts at or after i (any case), or n. */
static size_t
find_close(const char *s, size_t n, size_t i, const char *name, size_t len)
{
	for (; i + 2 + len <= n; i++) {
		const char *lt = memchr(s + i, '<', n - i);
		if (lt == NULL)
			return n;
		i = (size_t)(lt - s);
		if (i + 2 + len <= n && s[i + 1] == '/' &&
		    strncasecmp(s + i + 2, name, len) == 0 &&
		    (i + 2 + len == n || !isalnum((unsigned char)s[i + 2 + len])))
			return i;
	}
	return n;
}

/* Past the end of "<!--...-->", "<!...>" or "<?...>" starting at i. */
static size_t
markup_end(const char *s, size_t n, size_t i)
{
	if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
		for (size_t j = i + 4; j + 3 <= n; j++) {
			const char *dash = memchr(s + j, '-', n - j);
			if (dash == NULL)
				return n;
			j = (size_t)(dash - s);
			if (j + 3 <= n && memcmp(s + j, "-->", 3) == 0)
				return j + 3;
		}
		return n;
	}
	const char *gt = memchr(s + i, '>', n - i);
	return gt ? (size_t)(gt - s) + 1 : n;
}

/* A tag at s[i] == '<': its effect applied; returns where text resumes. */
static size_t
tag(struct writer *w, const char *s, size_t n, size_t i)
{
	size_t j = i + 1;
	int closing = j < n && s[j] == '/';

	if (closing)
		j++;
	size_t name = j;
	while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '-' ||
	    s[j] == ':'))
		j++;
	size_t len = j - name;
	size_t end = tag_end(s, n, j);
	switch (tag_effect(s + name, len)) {
	case T_NONE:
		break;
	case T_BR:
		if (w->newlines < 2)
			w->newlines++;
		w->space = 0;
		break;
	case T_LINE:
		line_break(w, 1);
		break;
	case T_PARA:
		line_break(w, 2);
		break;
	case T_ITEM:
		line_break(w, 1);
		w->item = !closing;
		break;
	case T_CELL:
		if (closing)
			w->space = 1;
		break;
	case T_PRE:
		line_break(w, 2);
		if (closing && w->pre > 0)
			w->pre--;
		else if (!closing && s[end - 2] != '/')
			w->pre++;
		break;
	case T_SKIP:
		if (!closing && (end < 2 || s[end - 2] != '/')) {
			size_t close = find_close(s, n, end, s + name, len);
			return close < n ? tag_end(s, n, close + 2 + len) : n;
		}
		break;
	}
	return end;
}

void
html_to_text(const char *s, size_t n, struct buf *out)
{
	struct writer w = { out, out->len, 0, 0, 0, 0 };
	size_t i = 0;

	buf_grow(out, n);
	while (i < n) {
		char c = s[i];
		if (c == '<' && i + 1 < n && (isalpha((unsigned char)s[i + 1]) ||
		    s[i + 1] == '/')) {
			i = tag(&w, s, n, i);
			continue;
		}
		if (c == '<' && i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?')) {
			i = markup_end(s, n, i);
			continue;
		}
		if (c == '&') {
			uint32_t cp;
			size_t len = i + 1 < n && s[i + 1] == '#' ?
			    numeric_ref(s + i, n - i, &cp) :
			    named_ref(s + i, n - i, &cp);
			if (len > 0) {
				text_cp(&w, cp);
				i += len;
				continue;
			}
		}
		text_byte(&w, c);
		i++;
	}
	/* Breaks and spaces due at the end are not written: trimmed. */
}
