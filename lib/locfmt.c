/*
 * locfmt — glibc locales for names, digits and money.
 */
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "cldr.h"
#include "hmap.h"
#include "locfmt.h"
#include "text.h"

struct locfmt {
	char		*name;
	locale_t	 loc;
	char		 currency[4];	/* its own, "EUR" */
	char		*symbol;	/* "€" */
	char		*decimal;	/* mon_decimal_point */
	char		*thousands;	/* mon_thousands_sep */
	char		*grouping;	/* mon_grouping */
	int		 cs_precedes, sep_by_space;	/* any currency */
	int		 own_precedes, own_space;	/* its own currency */
	int		 cjk;
	/* The last other currency written, and its symbol (a cache). */
	char		 other[8];
	const char	*other_sym;
};

struct locfmt_cache {
	const struct cldr *cldr;
	struct hmap	 byname;	/* name → struct locfmt *, NULL: none */
};

struct locfmt_cache *
locfmt_cache_new(const struct cldr *c)
{
	struct locfmt_cache *lc = xcalloc(1, sizeof(*lc));
	struct hmap empty = HMAP_INIT;

	lc->cldr = c;
	lc->byname = empty;
	return lc;
}

static void
locfmt_free(struct locfmt *f)
{
	if (f == NULL)
		return;
	freelocale(f->loc);
	free(f->name);
	free(f->symbol);
	free(f->decimal);
	free(f->thousands);
	free(f->grouping);
	free(f);
}

void
locfmt_cache_free(struct locfmt_cache *lc)
{
	if (lc == NULL)
		return;
	for (size_t i = 0; i < hmap_count(&lc->byname); i++)
		locfmt_free(hmap_at(&lc->byname, i)->val.ptr);
	hmap_free(&lc->byname);
	free(lc);
}

/*
 * Where shops write money otherwise than glibc's locale, and why.  A row
 * applies to the locales whose name starts with `locale`; NULL and -1
 * keep glibc's value.  These are readers' findings (REVIEW.md, second
 * readings), each checked against CLDR's main/LANG.xml.
 */
static const struct money_custom {
	const char	*locale;
	const char	*own_symbol;	/* the locale's own currency */
	int		 own_precedes, own_space;
	int		 precedes, space;	/* every currency */
	const char	*thousands;	/* with a grouping of 3 */
} money_customs[] = {
	/* glibc writes 145,90 ₺ and CLDR tr ₺145,90 (¤#,##0.00), but
	 * Turkish shops and marketplaces write the lira as "TL" after the
	 * amount, 145,90 TL: the sign is recent (2012) and not on every
	 * keyboard.  The position is glibc's. */
	{ "tr_TR", "TL", -1, -1, -1, -1, NULL },
	/* glibc's "грн." is an abbreviation with its full stop, which reads
	 * as the end of a sentence in the middle of one; Ukrainian shops
	 * write 173,90 грн (CLDR uk's symbol is ₴, rarer in shop text). */
	{ "uk_UA", "грн", -1, -1, -1, -1, NULL },
	/* glibc and CLDR ja write ￥1,234 (fullwidth sign before); Japanese
	 * shops write 1,234円 in running text, the sign after, no space. */
	{ "ja_JP", "円", 0, 0, -1, -1, NULL },
	/* CLDR he: ‏#,##0.00 ¤ — the sign after the number and a space
	 * (200.00 ₪, 20.00 €); glibc he_IL puts it before with a space
	 * (₪ 200.00), which readers found odd. */
	{ "he_IL", NULL, -1, -1, 0, 1, NULL },
	/* CLDR es_MX (through es_419): ¤#,##0.00 with "," and "." —
	 * $75.90, €20.00, $1,234.50; glibc es_MX writes $ 1 234.50. */
	{ "es_MX", NULL, -1, -1, 1, 0, "," },
	/* CLDR ar (Latin digits) groups with ",": 1,234.50 ر.س; glibc
	 * ar_SA has no grouping at all (1234.50 ر.س).  CLDR ar's pattern
	 * puts every currency after the number with a space (‏#,##0.00 ¤:
	 * 1,234.50 د.إ., 20.00 €); glibc ar_AE and ar_EG put it before. */
	{ "ar_", NULL, -1, -1, 0, 1, "," },
	/* glibc and CLDR ko write ₩146,000, but Korean shops write the won
	 * as 원 after the amount, no space: 146,000원 (other currencies
	 * keep the sign before: $20.00, €20.00). */
	{ "ko_KR", "원", 0, 0, -1, -1, NULL },
	/* CLDR vi: #,##0.00 ¤ — the sign after the number with a space
	 * (146.000 ₫, 20,00 €); glibc vi_VN glues it (146.000₫), and
	 * Vietnamese readers found 20,00€ glued. */
	{ "vi_VN", NULL, -1, -1, 0, 1, NULL },
};

/* Between an amount and its sign: a no-break space (U+00A0), as CLDR's
 * patterns have it, so the sign never wraps to the next line alone
 * (French typography asks for it; every language is better for it). */
#define MONEY_SPACE "\xc2\xa0"

/* Apply money_customs to f (after glibc's conventions are read). */
static void
apply_customs(struct locfmt *f)
{
	f->own_precedes = f->cs_precedes;
	f->own_space = f->sep_by_space;
	for (size_t i = 0; i < sizeof(money_customs) /
	    sizeof(money_customs[0]); i++) {
		const struct money_custom *m = &money_customs[i];
		if (strncmp(f->name, m->locale, strlen(m->locale)) != 0)
			continue;
		if (m->precedes >= 0)
			f->cs_precedes = f->own_precedes = m->precedes;
		if (m->space >= 0)
			f->sep_by_space = f->own_space = m->space;
		if (m->own_symbol != NULL) {
			free(f->symbol);
			f->symbol = xstrdup(m->own_symbol);
		}
		if (m->own_precedes >= 0)
			f->own_precedes = m->own_precedes;
		if (m->own_space >= 0)
			f->own_space = m->own_space;
		if (m->thousands != NULL) {
			free(f->thousands);
			f->thousands = xstrdup(m->thousands);
			free(f->grouping);
			f->grouping = xstrdup("\003");
		}
	}
}

/* The money conventions of f's locale, copied out of localeconv(). */
static void
read_conventions(struct locfmt *f)
{
	locale_t old = uselocale(f->loc);
	const struct lconv *lc = localeconv();

	snprintf(f->currency, sizeof(f->currency), "%.3s",
	    lc->int_curr_symbol);
	f->symbol = xstrdup(lc->currency_symbol);
	f->decimal = xstrdup(*lc->mon_decimal_point ? lc->mon_decimal_point :
	    ".");
	f->thousands = xstrdup(lc->mon_thousands_sep);
	f->grouping = xstrdup(lc->mon_grouping);
	f->cs_precedes = lc->p_cs_precedes == 1;
	/* 2 puts the space by the sign: when the sign is written right
	 * beside the symbol (p_sign_posn 3, 4: th_TH's ฿), a positive
	 * amount, which has no sign, has no space (฿145.90, as CLDR's th
	 * pattern ¤#,##0.00 too); else it sits at the far end and the
	 * space stays between the symbol and the number. */
	f->sep_by_space = lc->p_sep_by_space == 1 ||
	    (lc->p_sep_by_space == 2 && lc->p_sign_posn != 3 &&
	    lc->p_sign_posn != 4);
	uselocale(old);
	f->cjk = strncmp(f->name, "ja", 2) == 0 ||
	    strncmp(f->name, "zh", 2) == 0 || strncmp(f->name, "ko", 2) == 0;
	apply_customs(f);
}

const struct locfmt *
locfmt_open(struct locfmt_cache *lc, const char *name)
{
	struct buf full = BUF_INIT;
	struct locfmt *f = NULL;
	locale_t loc;
	size_t i;
	int added;

	if (name == NULL || *name == '\0')
		return NULL;
	buf_adds(&full, name);
	if (strchr(name, '.') == NULL)
		buf_adds(&full, ".UTF-8");
	i = hmap_put(&lc->byname, full.data, full.len, &added);
	if (!added) {
		buf_free(&full);
		return hmap_at(&lc->byname, i)->val.ptr;
	}
	loc = newlocale(LC_ALL_MASK, full.data, (locale_t)0);
	if (loc != (locale_t)0) {
		f = xcalloc(1, sizeof(*f));
		f->loc = loc;
		f->name = buf_detach(&full);
		read_conventions(f);
	}
	hmap_at(&lc->byname, i)->val.ptr = f;
	buf_free(&full);
	return f;
}

const char *
locfmt_name(const struct locfmt *f)
{
	return f->name;
}

int
locfmt_cjk(const struct locfmt *f)
{
	return f->cjk;
}

/* The first letter of s[0..n) in lower case, the rest as it is. */
static void
add_lower_first(struct buf *out, const char *s, size_t n)
{
	int32_t cp;
	int len = n > 0 ? text_decode(s, n, &cp) : 0;
	utf8proc_uint8_t enc[4];

	if (len <= 0) {
		buf_add(out, s, n);
		return;
	}
	buf_add(out, enc, (size_t)utf8proc_encode_char(utf8proc_tolower(cp),
	    enc));
	buf_add(out, s + len, n - (size_t)len);
}

/* One directive ("%-d", "%A") of pattern at p: its length. */
static size_t
directive_len(const char *p)
{
	size_t n = 1;

	while (p[n] != '\0' && strchr("-_0^#EO", p[n]) != NULL)
		n++;
	return p[n] != '\0' ? n + 1 : n;
}

void
locfmt_time(const struct locfmt *f, const char *pattern, const char *lower,
    const struct tm *tm, struct buf *out)
{
	char one[16], piece[256];

	for (const char *p = pattern; *p; ) {
		size_t n, k;
		if (*p != '%') {
			n = strcspn(p, "%");
			buf_add(out, p, n);
			p += n;
			continue;
		}
		n = directive_len(p);
		if (n >= sizeof(one))
			n = sizeof(one) - 1;
		memcpy(one, p, n);
		one[n] = '\0';
		k = strftime_l(piece, sizeof(piece), one, tm, f->loc);
		if (lower != NULL && n >= 2 && strstr(lower, one) != NULL)
			add_lower_first(out, piece, k);
		else
			buf_add(out, piece, k);
		p += n;
	}
}

/* digits[0..n) grouped from the right by the POSIX grouping string. */
static void
add_grouped(struct buf *out, const char *digits, size_t n, const char *sep,
    const char *grouping)
{
	size_t cut[64], ncut = 0, left = n;
	const char *g = grouping;
	int size = 0;

	while (*sep != '\0' && left > 0 && ncut < 64) {
		if (*g != '\0') {
			if (*g == CHAR_MAX || *g <= 0)
				break;
			size = *g++;
		}
		if (size <= 0 || left <= (size_t)size)
			break;
		left -= (size_t)size;
		cut[ncut++] = left;
	}
	for (size_t i = 0, c = ncut; i < n; i++) {
		if (c > 0 && i == cut[c - 1]) {
			buf_adds(out, sep);
			c--;
		}
		buf_addc(out, digits[i]);
	}
}

/* The currency's symbol (from its own country's locale), or NULL. */
static const char *
foreign_symbol(struct locfmt_cache *lc, const char *code)
{
	char key[8], name[32];
	const char *to, *region;
	const struct locfmt *home;

	snprintf(key, sizeof(key), "und_%.2s", code);
	to = cldr_likely(lc->cldr, key);
	region = to != NULL ? strrchr(to, '_') + 1 : key + 4;
	/* CLDR leaves out the countries of its default language (und_US,
	 * und_GB): "und" itself is en_Latn_US. */
	if (to == NULL)
		to = cldr_likely(lc->cldr, "und");
	if (to == NULL)
		return NULL;
	/* "ja_Jpan_JP" → "ja_JP"; und_EU is en_Latn_IE. */
	snprintf(name, sizeof(name), "%.*s_%s", (int)strcspn(to, "_"), to,
	    region);
	home = locfmt_open(lc, name);
	if (home == NULL || strcmp(home->currency, code) != 0)
		return NULL;
	return home->symbol;
}

void
locfmt_money(struct locfmt_cache *lc, const struct locfmt *f, double amount,
    const char *currency, struct buf *out)
{
	char num[64];
	const char *sym = NULL, *dot;
	int digits = 2, cash = 2, precedes, space, code = 0, own = 0;
	double scale;
	size_t intlen;

	if (currency != NULL && *currency != '\0') {
		cldr_currency_digits(lc->cldr, currency, &digits, &cash);
		if (strcmp(currency, f->currency) == 0) {
			sym = f->symbol;
			own = 1;
		} else {
			struct locfmt *memo = (struct locfmt *)f;
			if (strncmp(memo->other, currency, sizeof(memo->other)) != 0) {
				snprintf(memo->other, sizeof(memo->other),
				    "%s", currency);
				memo->other_sym = foreign_symbol(lc, currency);
			}
			sym = memo->other_sym;
			if (sym == NULL || strcmp(sym, f->symbol) == 0) {
				sym = currency;
				code = 1;
			}
		}
	}
	if (cash == 0 && amount == floor(amount))
		digits = 0;
	/* Rounded half away from zero (1234.5 JPY is 1,235円), not by
	 * printf's ties-to-even. */
	scale = pow(10, digits);
	snprintf(num, sizeof(num), "%.*f", digits,
	    round(fabs(amount) * scale) / scale);
	dot = strchr(num, '.');
	intlen = dot ? (size_t)(dot - num) : strlen(num);
	precedes = sym != NULL && (own ? f->own_precedes : f->cs_precedes);
	space = sym != NULL && ((own ? f->own_space : f->sep_by_space) ||
	    code);
	if (amount < 0)
		buf_addc(out, '-');
	if (precedes) {
		/* A fullwidth yen sign reads oddly outside CJK text. */
		if (!f->cjk && strcmp(sym, "\xef\xbf\xa5") == 0)
			sym = "\xc2\xa5";
		buf_adds(out, sym);
		if (space)
			buf_adds(out, MONEY_SPACE);
	}
	add_grouped(out, num, intlen, f->thousands, f->grouping);
	if (dot != NULL) {
		buf_adds(out, f->decimal);
		buf_adds(out, dot + 1);
	}
	if (sym != NULL && !precedes) {
		if (!f->cjk && strcmp(sym, "\xef\xbf\xa5") == 0)
			sym = "\xc2\xa5";
		if (space)
			buf_adds(out, MONEY_SPACE);
		buf_adds(out, sym);
	}
}
