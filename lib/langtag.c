/*
 * langtag — normalising, maximising and searching with language tags.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "cldr.h"
#include "langtag.h"

/* Legacy and macrolanguage codes buyers' systems still send. */
static const char *const legacy[][2] = {
	{ "iw", "he" }, { "in", "id" }, { "ji", "yi" }, { "jw", "jv" },
	{ "mo", "ro" }, { "cmn", "zh" }, { "zsm", "ms" }, { "arb", "ar" },
	{ "pes", "fa" }, { "nob", "nb" }, { "fil", "fil" },
};

static int
all(const char *s, size_t n, int (*pred)(int))
{
	for (size_t i = 0; i < n; i++)
		if (!pred((unsigned char)s[i]))
			return 0;
	return 1;
}

static void
copy_case(char *dst, const char *s, size_t n, int first_upper, int upper)
{
	for (size_t i = 0; i < n; i++) {
		int c = (unsigned char)s[i];
		dst[i] = (char)((i == 0 ? first_upper : upper) ? toupper(c) :
		    tolower(c));
	}
	dst[n] = '\0';
}

/* The next subtag of s at *at: its start, and its length in *n. */
static const char *
next_subtag(const char *s, size_t *at, size_t *n)
{
	const char *p = s + *at;

	if (*p == '\0')
		return NULL;
	*n = strcspn(p, "-_.@");
	*at += *n;
	if (s[*at] == '-' || s[*at] == '_')
		(*at)++;
	else if (s[*at] != '\0')
		*at = strlen(s);	/* ".UTF-8", "@euro": the end */
	return p;
}

static void
replace_legacy(struct langtag *t)
{
	for (size_t i = 0; i < sizeof(legacy) / sizeof(legacy[0]); i++)
		if (strcmp(t->lang, legacy[i][0]) == 0) {
			strcpy(t->lang, legacy[i][1]);
			return;
		}
	/* Cantonese is read in Traditional characters as Hong Kong writes. */
	if (strcmp(t->lang, "yue") == 0) {
		strcpy(t->lang, "zh");
		if (t->script[0] == '\0')
			strcpy(t->script, "Hant");
		if (t->region[0] == '\0')
			strcpy(t->region, "HK");
	}
}

int
langtag_parse(const char *s, struct langtag *t)
{
	const char *p;
	size_t at = 0, n;

	memset(t, 0, sizeof(*t));
	if (s == NULL)
		return -1;
	while (*s == ' ')
		s++;
	p = next_subtag(s, &at, &n);
	if (p == NULL || n < 2 || n > 3 || !all(p, n, isalpha))
		return -1;
	copy_case(t->lang, p, n, 0, 0);
	while ((p = next_subtag(s, &at, &n)) != NULL) {
		if (n == 4 && t->script[0] == '\0' && t->region[0] == '\0' &&
		    all(p, n, isalpha))
			copy_case(t->script, p, n, 1, 0);
		else if (t->region[0] == '\0' && ((n == 2 && all(p, n,
		    isalpha)) || (n == 3 && all(p, n, isdigit))))
			copy_case(t->region, p, n, 1, 1);
		else if (n == 0 || n > 8 || !all(p, n, isalnum))
			return -1;
		else
			break;		/* a variant or extension: dropped */
	}
	replace_legacy(t);
	return 0;
}

void
langtag_format(const struct langtag *t, char out[LANGTAG_MAX])
{
	snprintf(out, LANGTAG_MAX, "%s%s%s%s%s", t->lang,
	    t->script[0] ? "-" : "", t->script, t->region[0] ? "-" : "",
	    t->region);
}

/* "zh_Hant_TW", as CLDR keys its tables. */
static void
cldr_key(char *out, size_t size, const char *lang, const char *script,
    const char *region)
{
	snprintf(out, size, "%s%s%s%s%s", lang, script[0] ? "_" : "", script,
	    region[0] ? "_" : "", region);
}

/* Read CLDR's "lang_Script_Region" into t's empty parts. */
static void
fill_from(struct langtag *t, const char *to)
{
	struct langtag m;
	char tag[LANGTAG_MAX];

	snprintf(tag, sizeof(tag), "%s", to);
	if (langtag_parse(tag, &m) != 0)
		return;
	if (strcmp(t->lang, "und") == 0)
		strcpy(t->lang, m.lang);
	if (t->script[0] == '\0')
		strcpy(t->script, m.script);
	if (t->region[0] == '\0')
		strcpy(t->region, m.region);
}

void
langtag_maximize(const struct cldr *c, struct langtag *t, const char *country)
{
	const char *script = t->script, *region;
	char key[LANGTAG_MAX];
	const char *to = NULL;

	if (t->region[0] == '\0' && country != NULL && strlen(country) == 2 &&
	    all(country, 2, isalpha)) {
		copy_case(t->region, country, 2, 1, 1);
		if (strcmp(t->region, "UK") == 0)	/* a common slip */
			strcpy(t->region, "GB");
	}
	region = t->region;
	/* CLDR's lookup order: lang_Script_Region, lang_Region, lang_Script,
	 * lang, then und_Script. */
	cldr_key(key, sizeof(key), t->lang, script, region);
	if (script[0] && region[0])
		to = cldr_likely(c, key);
	if (to == NULL && region[0]) {
		cldr_key(key, sizeof(key), t->lang, "", region);
		to = cldr_likely(c, key);
	}
	if (to == NULL && script[0]) {
		cldr_key(key, sizeof(key), t->lang, script, "");
		to = cldr_likely(c, key);
	}
	if (to == NULL)
		to = cldr_likely(c, t->lang);
	if (to == NULL && script[0]) {
		cldr_key(key, sizeof(key), "und", script, "");
		to = cldr_likely(c, key);
	}
	if (to != NULL)
		fill_from(t, to);
}

/* Does the tag made of lang, script, region maximise to t? */
static int
same_max(const struct cldr *c, const struct langtag *t, const char *script,
    const char *region)
{
	struct langtag m;

	memset(&m, 0, sizeof(m));
	snprintf(m.lang, sizeof(m.lang), "%s", t->lang);
	snprintf(m.script, sizeof(m.script), "%s", script);
	snprintf(m.region, sizeof(m.region), "%s", region);
	langtag_maximize(c, &m, NULL);
	return strcmp(m.script, t->script) == 0 &&
	    (t->region[0] == '\0' || strcmp(m.region, t->region) == 0);
}

void
langtag_minimize(const struct cldr *c, const struct langtag *t,
    char out[LANGTAG_MAX])
{
	struct langtag m = *t;

	if (same_max(c, t, "", "")) {
		m.script[0] = m.region[0] = '\0';
	} else if (t->region[0] && same_max(c, t, "", t->region)) {
		m.script[0] = '\0';
	} else if (t->script[0] && same_max(c, t, t->script, "")) {
		m.region[0] = '\0';
	}
	langtag_format(&m, out);
}

int
langtag_usual_script(const struct cldr *c, const struct langtag *t)
{
	const char *to = cldr_likely(c, t->lang);
	struct langtag m;
	char tag[LANGTAG_MAX];

	if (t->script[0] == '\0' || to == NULL)
		return 1;
	snprintf(tag, sizeof(tag), "%s", to);
	return langtag_parse(tag, &m) != 0 || strcmp(m.script, t->script) == 0;
}

static int
add(char out[][LANGTAG_MAX], int n, int max, const char *tag)
{
	for (int i = 0; i < n; i++)
		if (strcmp(out[i], tag) == 0)
			return n;
	if (n < max)
		snprintf(out[n++], LANGTAG_MAX, "%s", tag);
	return n;
}

/* CLDR's "en_001" as a tag, "en-001". */
static void
hyphens(char *s)
{
	for (; *s; s++)
		if (*s == '_')
			*s = '-';
}

int
langtag_candidates(const struct cldr *c, const struct langtag *t,
    char out[][LANGTAG_MAX], int max)
{
	int usual = langtag_usual_script(c, t), n = 0, guard;
	char tag[LANGTAG_MAX], key[LANGTAG_MAX];
	const char *parent;

	cldr_key(tag, sizeof(tag), t->lang, t->script, t->region);
	hyphens(tag);
	n = add(out, n, max, tag);
	if (usual && t->region[0]) {
		cldr_key(tag, sizeof(tag), t->lang, "", t->region);
		hyphens(tag);
		n = add(out, n, max, tag);
	}
	/* The region's parent locales: zh_Hant_MO, or en_AU. */
	cldr_key(key, sizeof(key), t->lang, t->script, t->region);
	parent = cldr_parent(c, key);
	if (parent == NULL && usual) {
		cldr_key(key, sizeof(key), t->lang, "", t->region);
		parent = cldr_parent(c, key);
	}
	for (guard = 0; parent != NULL && strcmp(parent, "root") != 0 &&
	    guard < 8; guard++) {
		snprintf(tag, sizeof(tag), "%s", parent);
		hyphens(tag);
		n = add(out, n, max, tag);
		parent = cldr_parent(c, parent);
	}
	if (t->script[0]) {
		cldr_key(tag, sizeof(tag), t->lang, t->script, "");
		hyphens(tag);
		n = add(out, n, max, tag);
	}
	if (usual)
		n = add(out, n, max, t->lang);
	return n;
}
