#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "langid.h"
#include "langid_words.h"
#include "text.h"

/* A word of the lists: which languages list it, with weight 1 or 2. */
struct langid_word {
	uint32_t	 one, two;	/* bit per enum li_lang */
};

/*
 * How sure is sure.  The best language needs SURE_MIN of evidence and
 * SURE_MARGIN more than the next one; a hint adds at most HINT_LIFT, less
 * than the margin, so it decides only between languages the text leaves
 * close, and only for a language with HINT_OWN of evidence of its own that
 * at most HINT_RIVALS others match ("a" or "da" fit too many to tell).
 */
#define SURE_MIN	1.5f
#define SURE_MARGIN	1.0f
#define HINT_LIFT	1.0f
#define HINT_OWN	0.9f
#define HINT_RIVALS	1
/* Text of at most this many words that tells no language better than the
 * hint's may take the hint's (longer text of no known language is und). */
#define HINT_ALONE_WORDS 4
#define HINT_ALONE_LETTERS 4

/* Code points below this have their letter evidence indexed. */
#define LETTER_CP_MAX	0x500

/* ---- building the tables --------------------------------------------- */

/* The entry of a word's hash, made when new. */
static struct langid_word *
word_entry(struct langid *li, uint64_t h)
{
	int *i = u64map_ref(&li->index, h);

	if (*i < 0) {
		if (li->nwords == li->capwords) {
			li->capwords = li->capwords ? li->capwords * 2 : 1024;
			li->words = xrealloc(li->words,
			    li->capwords * sizeof(*li->words));
		}
		li->words[li->nwords] = (struct langid_word){ 0, 0 };
		*i = (int)li->nwords++;
	}
	return &li->words[*i];
}

/*
 * Every word of the lists, folded and stripped as tokenize does.  A word
 * marked distinctive (weight 2) that another language lists too is only
 * weight 1: stripping accents makes "én" and "en" one word.
 */
static void
add_words(struct langid *li)
{
	struct tok_text tt;

	tok_init(&tt);
	for (size_t l = 0; l < li_nword_lists; l++) {
		const struct li_words *w = &li_word_lists[l];
		tok_run(&tt, w->words, strlen(w->words));
		for (size_t t = 0; t < tt.n; t++) {
			struct langid_word *e = word_entry(li,
			    tt.toks[t].hash);
			if (w->weight >= 2)
				e->two |= 1u << w->lang;
			else
				e->one |= 1u << w->lang;
		}
	}
	tok_free(&tt);
	for (size_t i = 0; i < li->nwords; i++) {
		struct langid_word *w = &li->words[i];
		uint32_t all = w->one | w->two;
		if (all & (all - 1)) {		/* more than one language */
			w->one = all;
			w->two = 0;
		}
	}
}

static int
cmp_cp(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

/* The code points of a UTF-8 string, sorted, without repeats. */
static int32_t *
code_point_set(const char *s, size_t *n)
{
	size_t len = strlen(s), k = 0;
	int32_t *v = xmalloc((len + 1) * sizeof(*v)), cp;

	for (size_t i = 0; i < len;) {
		int step = text_decode(s + i, len - i, &cp);
		if (step <= 0)
			break;
		v[k++] = cp;
		i += (size_t)step;
	}
	qsort(v, k, sizeof(*v), cmp_cp);
	*n = 0;
	for (size_t i = 0; i < k; i++)
		if (*n == 0 || v[*n - 1] != v[i])
			v[(*n)++] = v[i];
	return v;
}

/* li's index of the word endings by last byte (a counting sort, stable). */
static void
index_suffixes(struct langid *li)
{
	size_t n = li_nsuffixes;

	li->suffix_order = xcalloc(n + 1, sizeof(*li->suffix_order));
	li->suffix_len = xcalloc(n + 1, sizeof(*li->suffix_len));
	memset(li->suffix_first, 0, sizeof(li->suffix_first));
	for (size_t i = 0; i < n; i++) {
		size_t k = strlen(li_suffixes[i].suffix);
		li->suffix_len[i] = (uint8_t)k;
		li->suffix_first[(unsigned char)li_suffixes[i].suffix[k - 1] +
		    1]++;
	}
	for (int b = 0; b < 256; b++)
		li->suffix_first[b + 1] += li->suffix_first[b];
	uint16_t next[256];
	memcpy(next, li->suffix_first, sizeof(next));
	for (size_t i = 0; i < n; i++) {
		size_t k = li->suffix_len[i];
		li->suffix_order[next[(unsigned char)
		    li_suffixes[i].suffix[k - 1]]++] = (uint16_t)i;
	}
}

void
langid_init(struct langid *li)
{
	memset(li, 0, sizeof(*li));
	add_words(li);
	li->hans = code_point_set(li_han_simplified, &li->nhans);
	li->hant = code_point_set(li_han_traditional, &li->nhant);
	li->kanji = code_point_set(li_kanji_japanese, &li->nkanji);
	index_suffixes(li);
}

void
langid_free(struct langid *li)
{
	u64map_free(&li->index);
	free(li->words);
	free(li->hans);
	free(li->hant);
	free(li->kanji);
	free(li->suffix_order);
	free(li->suffix_len);
	memset(li, 0, sizeof(*li));
}

/* ---- reading the text ------------------------------------------------ */

enum script {
	SC_LATIN, SC_CYRILLIC, SC_GREEK, SC_ARABIC, SC_HEBREW, SC_THAI,
	SC_DEVANAGARI, SC_HANGUL, SC_KANA, SC_HAN, SC_N
};

/* What one pass over the raw text found. */
struct reading {
	float		 units[SC_N];	/* letters, CJK weighted as words */
	float		 s[LI_NSCORED];	/* evidence per scored language */
	int		 hans, hant, kanji;	/* Han characters by script */
	int		 persian, urdu, arabic_only;
	const char	*cyrillic_other;	/* be, sr, mk, kk letters */
	int		 nwords;	/* words read (not links) */
	size_t		 longest;	/* bytes of the longest word of letters */
};

static int
in_set(const int32_t *v, size_t n, int32_t cp)
{
	return bsearch(&cp, v, n, sizeof(*v), cmp_cp) != NULL;
}

static void
letter(struct reading *r, int32_t cp)
{
	for (size_t i = 0; i < li_nletters; i++)
		if (li_letters[i].cp == cp)
			r->s[li_letters[i].lang] += li_letters[i].weight;
}

/* A Latin letter past ASCII: its evidence (Vietnamese tone letters too). */
static void
latin_letter(struct reading *r, int32_t cp)
{
	r->units[SC_LATIN]++;
	if (cp >= 0x1EA0 && cp <= 0x1EF9) {	/* ạ ả ấ ầ ... ỹ */
		r->s[LI_VI] += 3;
		return;
	}
	cp = utf8proc_tolower(cp);
	if (cp == 0x69 || cp == 0x130)		/* İ folds to i */
		r->s[LI_TR] += 2;
	else
		letter(r, cp);
}

static void
cyrillic_letter(struct reading *r, int32_t cp)
{
	r->units[SC_CYRILLIC]++;
	cp = utf8proc_tolower(cp);
	switch (cp) {
	case 0x45E:				/* ў */
		r->cyrillic_other = "be";
		return;
	case 0x458: case 0x459: case 0x45A: case 0x45B: case 0x452:
	case 0x45F:				/* ј љ њ ћ ђ џ */
		r->cyrillic_other = "sr";
		return;
	case 0x453: case 0x45C: case 0x455:	/* ѓ ќ ѕ */
		r->cyrillic_other = "mk";
		return;
	case 0x4D9: case 0x493: case 0x49B: case 0x4A3: case 0x4E9:
	case 0x4B1: case 0x4AF: case 0x4BB:	/* ә ғ қ ң ө ұ ү һ */
		r->cyrillic_other = "kk";
		return;
	}
	letter(r, cp);
}

static void
arabic_letter(struct reading *r, int32_t cp)
{
	r->units[SC_ARABIC]++;
	switch (cp) {
	case 0x67E: case 0x686: case 0x698: case 0x6AF:	/* پ چ ژ گ */
	case 0x6A9: case 0x6CC:				/* ک ی */
		r->persian++;
		break;
	case 0x679: case 0x688: case 0x691: case 0x6BA: case 0x6D2:
	case 0x6C1:					/* ٹ ڈ ڑ ں ے ہ */
		r->urdu++;
		break;
	case 0x629: case 0x64A: case 0x643: case 0x649:	/* ة ي ك ى */
		r->arabic_only++;
		break;
	}
}

static void
han(const struct langid *li, struct reading *r, int32_t cp)
{
	r->units[SC_HAN] += 3;
	if (in_set(li->hans, li->nhans, cp))
		r->hans++;
	else if (in_set(li->hant, li->nhant, cp))
		r->hant++;
	else if (in_set(li->kanji, li->nkanji, cp))
		r->kanji++;
}

static void
code_point(const struct langid *li, struct reading *r, int32_t cp)
{
	if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
	    (cp >= 0x1E00 && cp <= 0x1EFF))
		latin_letter(r, cp);
	else if (cp == 0xBF || cp == 0xA1) {	/* ¿ ¡: Spanish text */
		r->units[SC_LATIN]++;
		letter(r, cp);
	}
	else if (cp >= 0xFF21 && cp <= 0xFF5A)	/* full-width A-z */
		r->units[SC_LATIN]++;
	else if (cp >= 0x400 && cp <= 0x4FF)
		cyrillic_letter(r, cp);
	else if (cp >= 0x370 && cp <= 0x3FF)
		r->units[SC_GREEK]++;
	else if ((cp >= 0x600 && cp <= 0x6FF) || (cp >= 0x750 && cp <= 0x77F))
		arabic_letter(r, cp);
	else if (cp >= 0x5D0 && cp <= 0x5EA)
		r->units[SC_HEBREW]++;
	else if (cp >= 0xE01 && cp <= 0xE5B)
		r->units[SC_THAI]++;
	else if (cp >= 0x900 && cp <= 0x97F)
		r->units[SC_DEVANAGARI]++;
	else if ((cp >= 0xAC00 && cp <= 0xD7AF) ||
	    (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F))
		r->units[SC_HANGUL] += 2.5f;
	else if ((cp >= 0x3040 && cp <= 0x30FF) ||
	    (cp >= 0xFF66 && cp <= 0xFF9D))
		r->units[SC_KANA] += 3;
	else if (cp == 0x3005)			/* 々 */
		r->kanji++;
	else if (tok_is_cjk(cp))
		han(li, r, cp);
}

/*
 * The word before an apostrophe: "dell'" and "c'è" are Italian, "qu'" and
 * "j'" French, "n't" and "'re" English.
 */
static void
apostrophe(struct reading *r, const char *raw, size_t at, size_t after,
    size_t len)
{
	size_t b = at, n;
	char w[8];

	while (b > 0 && at - b < sizeof(w) - 1 &&
	    ((raw[b - 1] | 0x20) >= 'a' && (raw[b - 1] | 0x20) <= 'z'))
		b--;
	n = at - b;
	if (n == 0 || (b > 0 && (unsigned char)raw[b - 1] >= 0x80))
		return;
	for (size_t i = 0; i < n; i++)
		w[i] = (char)(raw[b + i] | 0x20);
	w[n] = '\0';
	size_t k = 0;
	while (after + k < len && ((raw[after + k] | 0x20) >= 'a' &&
	    (raw[after + k] | 0x20) <= 'z'))
		k++;
	if (k == 1 && (raw[after] | 0x20) == 't' && w[n - 1] == 'n') {
		r->s[LI_EN] += 2;		/* don't, can't */
		return;
	}
	if ((k == 2 && (memcmp(raw + after, "re", 2) == 0 ||
	    memcmp(raw + after, "ll", 2) == 0 ||
	    memcmp(raw + after, "ve", 2) == 0)) ||
	    (k == 1 && (raw[after] == 'm' || raw[after] == 's'))) {
		r->s[LI_EN] += 1;		/* you're, I'm, it's */
		return;
	}
	for (size_t i = 0; i < li_nelisions; i++)
		if (strcmp(li_elisions[i].word, w) == 0)
			r->s[li_elisions[i].lang] += li_elisions[i].weight;
}

static void
read_raw(const struct langid *li, const char *raw, size_t len,
    struct reading *r)
{
	size_t i = 0;
	int32_t cp;

	while (i < len) {
		unsigned char b = (unsigned char)raw[i];
		if (b < 0x80) {		/* ASCII: most of most texts */
			if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')
				r->units[SC_LATIN]++;
			else if (b == '\'' && i > 0)
				apostrophe(r, raw, i, i + 1, len);
			i++;
			continue;
		}
		int k = text_decode(raw + i, len - i, &cp);
		if (k < 0) {
			i++;
			continue;
		}
		if (cp == 0x2019 && i > 0)	/* ’ */
			apostrophe(r, raw, i, i + (size_t)k, len);
		else
			code_point(li, r, cp);
		i += (size_t)k;
	}
}

void
langid_endings(const struct langid *li, const char *w, size_t n, float *s,
    int plain)
{
	if (n < 5)
		return;
	if (plain) {		/* REFERENCE PATH: every ending */
		for (size_t i = 0; i < li_nsuffixes; i++) {
			size_t k = strlen(li_suffixes[i].suffix);
			if (n > k && memcmp(w + n - k, li_suffixes[i].suffix,
			    k) == 0)
				s[li_suffixes[i].lang] += li_suffixes[i].weight;
		}
		return;
	}
	/* FAST PATH: only the endings that end in the word's last byte
	 * (index_suffixes), in the same order; a tenth of the detector's
	 * instructions were the plain loop's strlen and memcmp */
	unsigned char last = (unsigned char)w[n - 1];
	for (size_t j = li->suffix_first[last]; j < li->suffix_first[last + 1];
	    j++) {
		size_t i = li->suffix_order[j], k = li->suffix_len[i];
		if (n > k && memcmp(w + n - k, li_suffixes[i].suffix, k) == 0)
			s[li_suffixes[i].lang] += li_suffixes[i].weight;
	}
}

static void
add_word(const struct langid *li, uint64_t hash, struct reading *r)
{
	int i = u64map_get(&li->index, hash);

	if (i < 0)
		return;
	const struct langid_word *w = &li->words[i];
	for (uint32_t m = w->one | w->two; m; m &= m - 1) {
		int l = __builtin_ctz(m);
		r->s[l] += (w->two >> l & 1) ? 2 : 1;
	}
}

/*
 * tokenize drops an apostrophe inside a word ("l'avete" is "lavete"): the
 * word after it is looked up too.  Returns the letters before it, or 0.
 */
static size_t
elided(const char *src, size_t n)
{
	for (size_t i = 1; i + 1 < n && i <= 7; i++) {
		if (src[i] == '\'')
			return i;
		if ((unsigned char)src[i] == 0xE2 && i + 3 < n &&
		    (unsigned char)src[i + 1] == 0x80 &&
		    (unsigned char)src[i + 2] == 0x99)
			return i;
		if ((unsigned char)src[i] >= 0x80)
			return 0;
	}
	return 0;
}

/* A word of its own that only one language writes with that accent. */
static void
lone_letter(const char *src, size_t n, struct reading *r)
{
	if (n != 2 || (unsigned char)src[0] != 0xC3)
		return;
	switch ((unsigned char)src[1]) {
	case 0xA9:			/* é: Portuguese "is" */
		r->s[LI_PT] += 1.5f;
		break;
	case 0xA8:			/* è: Italian "is" */
		r->s[LI_IT] += 1.5f;
		break;
	case 0xA0:			/* à: French, Portuguese "to" */
		r->s[LI_FR] += 0.7f;
		r->s[LI_PT] += 0.5f;
		break;
	}
}

/* Between two tokens: a blank ends a link, "://", "www." or "@" starts one. */
static int
link_state(const char *gap, size_t n, int in_link, const char *word,
    size_t wn)
{
	if (memchr(gap, ' ', n) || memchr(gap, '\n', n) || memchr(gap, '\t', n))
		in_link = 0;
	if (memchr(gap, '@', n))
		return 1;
	if ((wn == 4 && memcmp(word, "http", 4) == 0) ||
	    (wn == 5 && memcmp(word, "https", 5) == 0) ||
	    (wn == 3 && memcmp(word, "www", 3) == 0))
		return 1;
	return in_link;
}

/* No digit, dash or underscore: a word, not a code. */
static int
all_letters(const char *w, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((w[i] >= '0' && w[i] <= '9') || w[i] == '-' || w[i] == '_')
			return 0;
	return 1;
}

static void
read_words(const struct langid *li, const struct tok_text *tt,
    struct reading *r)
{
	const char *folded = tt->folded.data;
	size_t prev_end = 0;
	int in_link = 0;

	for (size_t t = 0; t < tt->n; t++) {
		const struct tok *k = &tt->toks[t];
		const char *src = folded + k->src, *w = tok_bytes(tt, t);

		in_link = link_state(folded + prev_end, k->src - prev_end,
		    in_link, w, k->len);
		prev_end = k->src + k->srclen;
		if (k->cjk || k->sym || in_link)
			continue;
		r->nwords++;
		if (k->len > r->longest && all_letters(w, k->len))
			r->longest = k->len;
		add_word(li, k->hash, r);
		size_t e = elided(src, k->srclen);
		if (e > 0 && e < k->len)
			add_word(li, tok_hash(w + e, k->len - e), r);
		lone_letter(src, k->srclen, r);
		langid_endings(li, w, k->len, r->s, 0);
	}
}

/* ---- hints ----------------------------------------------------------- */

static const struct li_country *
country_of(const struct langid_hints *h)
{
	const char *cc = h->country;

	if ((!cc || strlen(cc) != 2) && h->tz) {
		cc = NULL;
		for (size_t i = 0; i < li_nzones; i++)
			if (strcmp(li_zones[i].tz, h->tz) == 0)
				cc = li_zones[i].cc;
	}
	if (!cc || strlen(cc) != 2)
		return NULL;
	for (size_t i = 0; i < li_ncountries; i++)
		if ((li_countries[i].cc[0] | 0x20) == (cc[0] | 0x20) &&
		    (li_countries[i].cc[1] | 0x20) == (cc[1] | 0x20))
			return &li_countries[i];
	return NULL;
}

/* How much the hints lift tag: 0 to 1. */
static float
hinted(const struct langid_hints *h, const char *tag)
{
	float lift = 0;

	if (!h)
		return 0;
	if (h->prev && strcmp(h->prev, tag) == 0)
		lift = 1;
	const struct li_country *c = country_of(h);
	if (c)
		for (int i = 0; i < 3 && c->langs[i]; i++)
			if (strcmp(c->langs[i], tag) == 0) {
				float w = i == 0 ? 1 : 0.6f;
				lift = lift > w ? lift : w;
			}
	return lift;
}

/* ---- deciding -------------------------------------------------------- */

/* The best of languages [lo, hi) by s, sure or not. */
static int
best_of(const float *s, int lo, int hi, int *second)
{
	int best = lo;

	*second = -1;
	for (int l = lo + 1; l < hi; l++)
		if (s[l] > s[best])
			best = l;
	for (int l = lo; l < hi; l++)
		if (l != best && (*second < 0 || s[l] > s[*second]))
			*second = l;
	return best;
}

static int
sure(const float *s, int best, int second)
{
	return s[best] >= SURE_MIN &&
	    (second < 0 || s[best] - s[second] >= SURE_MARGIN);
}

/* How many languages of [lo, hi) the text fits as well as it fits l. */
static int
rivals(const float *s, int lo, int hi, int l)
{
	int n = 0;

	for (int k = lo; k < hi; k++)
		n += k != l && s[k] >= s[l];
	return n;
}

/*
 * Short text whose words tell no language better than the buyer's own
 * ("Klarna?", "pillows", "Kopfkissen 40x80" when no list has the word):
 * the language a hint names fully (the country's first language, the
 * conversation's earlier one), when no language of [lo, hi) has more
 * evidence than it and at most max_rivals as much ("ok tak" fits too many
 * to be anyone's); with no evidence at all, a word of HINT_ALONE_LETTERS
 * or more must be there ("ok", "#48213" and codes stay und).  Else -1.
 */
static int
hint_alone(const struct reading *r, int lo, int hi,
    const struct langid_hints *h, int max_rivals)
{
	const float *s = r->s;
	int pick = -1;

	if (r->nwords < 1 || r->nwords > HINT_ALONE_WORDS)
		return -1;
	for (int l = lo; l < hi; l++)
		if (hinted(h, li_tags[l]) >= 1 && (pick < 0 || s[l] > s[pick]))
			pick = l;
	if (pick < 0)
		return -1;
	for (int l = lo; l < hi; l++)
		if (s[l] > s[pick])
			return -1;
	(void)max_rivals;
	return r->longest >= HINT_ALONE_LETTERS ? pick : -1;
}

/*
 * The scored language of [lo, hi) the text names clearly, else the one a
 * hint lifts clear of the others, else the hint's own when the text tells
 * nothing better, else -1.
 */
static int
decide(const struct reading *r, int lo, int hi, const struct langid_hints *h,
    int alone_rivals)
{
	const float *s = r->s;
	float lifted[LI_NSCORED];
	int second, best = best_of(s, lo, hi, &second);

	if (sure(s, best, second))
		return best;
	if (!h)
		return -1;
	memcpy(lifted, s, sizeof(lifted));
	for (int l = lo; l < hi; l++)
		if (s[l] >= HINT_OWN && rivals(s, lo, hi, l) <= HINT_RIVALS)
			lifted[l] += HINT_LIFT * hinted(h, li_tags[l]);
	best = best_of(lifted, lo, hi, &second);
	if (sure(lifted, best, second) && s[best] >= HINT_OWN)
		return best;
	return hint_alone(r, lo, hi, h, alone_rivals);
}

static const char *
chinese(const struct reading *r, const struct langid_hints *h)
{
	if (r->hans > r->hant)
		return "zh-Hans";
	if (r->hant > r->hans)
		return "zh-Hant";
	float t = hinted(h, "zh-Hant"), s = hinted(h, "zh-Hans");
	return t > s ? "zh-Hant" : s > t ? "zh-Hans" : "zh";
}

static const char *
cyrillic(const struct reading *r, const struct langid_hints *h)
{
	if (r->cyrillic_other)
		return r->cyrillic_other;
	/* three languages: a tie of all three still follows the hint */
	int l = decide(r, LI_RU, LI_NSCORED, h, LI_NSCORED - LI_RU - 1);
	if (l >= 0)
		return li_tags[l];
	/* Nothing Ukrainian or Bulgarian: the script's common language. */
	if (r->s[LI_UK] == 0 && r->s[LI_BG] == 0 &&
	    r->units[SC_CYRILLIC] >= 20 && hinted(h, "uk") == 0)
		return "ru";
	return "und";
}

static const char *
arabic_script(const struct reading *r)
{
	if (r->urdu > 0 && r->arabic_only == 0)
		return "ur";
	if (r->persian > 0 && r->arabic_only == 0)
		return "fa";
	return "ar";
}

/*
 * Chinese with English words in it ("cancel張單", "有冇size chart",
 * "AlipayHK話payment failed，但錢又扣咗"): two Han characters or more,
 * no kana, and Han at least half as much of the text as Latin letters
 * (a Han character weighs three).  A name in Han inside an English
 * sentence stays English.
 */
static int
chinese_with_english(const struct reading *r)
{
	return r->units[SC_KANA] == 0 && r->units[SC_HAN] >= 6 &&
	    2 * r->units[SC_HAN] >= r->units[SC_LATIN];
}

const char *
langid_detect(const struct langid *li, const char *raw, size_t len,
    const struct tok_text *tt, const struct langid_hints *hints)
{
	struct reading r;
	int top = 0;

	memset(&r, 0, sizeof(r));
	read_raw(li, raw, len, &r);
	for (int sc = 1; sc < SC_N; sc++)
		if (r.units[sc] > r.units[top])
			top = sc;
	if (top == SC_LATIN && chinese_with_english(&r))
		top = SC_HAN;
	/* kana with Han is Japanese, whichever has more characters */
	if ((top == SC_HAN || top == SC_KANA) && r.units[SC_KANA] > 0 &&
	    (r.units[SC_KANA] >= 6 || r.units[SC_HAN] <= 12))
		return "ja";
	if (r.units[top] < 2)
		return "und";
	switch (top) {
	case SC_HANGUL:
		return "ko";
	case SC_KANA:
		return "ja";
	case SC_HAN:
		return r.kanji > 0 && r.hans == 0 && r.hant == 0 ? "ja" :
		    chinese(&r, hints);
	case SC_THAI:
		return "th";
	case SC_HEBREW:
		return "he";
	case SC_GREEK:
		return "el";
	case SC_DEVANAGARI:
		return "hi";
	case SC_ARABIC:
		return arabic_script(&r);
	case SC_CYRILLIC:
		read_words(li, tt, &r);
		return cyrillic(&r, hints);
	default:
		break;
	}
	read_words(li, tt, &r);
	int l = decide(&r, 0, LI_NLATIN, hints, HINT_RIVALS);
	return l >= 0 ? li_tags[l] : "und";
}
