/*
 * cldr — likely subtags, parent locales and currency decimals from CLDR's
 * supplemental XML files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cldr.h"
#include "hmap.h"

#define CLDR_DEFAULT_DIR	"/usr/share/unicode/cldr"

struct cldr {
	struct hmap	 likely;	/* from → to (ptr: owned string) */
	struct hmap	 parent;	/* locale → parent */
	struct hmap	 digits;	/* code → digits * 16 + cash digits */
	int		 loaded;
	int		 def_digits, def_cash;
};

/*
 * The value of attribute `name` in the element text at s (up to its end
 * or the next '>'), copied into out; 0, or -1 when it has none.
 */
static int
attr(const char *s, const char *name, struct buf *out)
{
	size_t n = strlen(name);
	const char *end = strchr(s, '>');

	buf_reset(out);
	for (const char *p = s; (p = strstr(p, name)) != NULL; p += n) {
		const char *q;
		if (end != NULL && p > end)
			return -1;
		if (p == s || p[-1] != ' ' || p[n] != '=' || p[n + 1] != '"')
			continue;
		q = strchr(p + n + 2, '"');
		if (q == NULL)
			return -1;
		buf_add(out, p + n + 2, (size_t)(q - p - n - 2));
		return 0;
	}
	return -1;
}

static void
put_str(struct hmap *m, const char *key, const char *val)
{
	int added;
	size_t i = hmap_put(m, key, strlen(key), &added);

	if (added)
		hmap_at(m, i)->val.ptr = xstrdup(val);
}

static void
free_strs(struct hmap *m)
{
	for (size_t i = 0; i < hmap_count(m); i++)
		free(hmap_at(m, i)->val.ptr);
	hmap_free(m);
}

/* An element of interest and what reads it. */
struct element {
	const char	*tag;		/* "<likelySubtag " */
	void		(*fn)(struct cldr *, const char *);
};

/*
 * Each line of path that starts (after blanks) with one of the elements'
 * tags, to its function.
 */
static int
scan(const char *path, const struct element *els, struct cldr *c)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;

	if (fp == NULL)
		return -1;
	while (getline(&line, &cap, fp) > 0) {
		const char *p = line + strspn(line, " \t");
		if (*p != '<')
			continue;
		for (const struct element *e = els; e->tag != NULL; e++)
			if (strncmp(p, e->tag, strlen(e->tag)) == 0) {
				e->fn(c, p);
				break;
			}
	}
	free(line);
	fclose(fp);
	return 0;
}

static void
on_likely(struct cldr *c, const char *el)
{
	struct buf from = BUF_INIT, to = BUF_INIT;

	if (attr(el, "from", &from) == 0 && attr(el, "to", &to) == 0)
		put_str(&c->likely, from.data, to.data);
	buf_free(&from);
	buf_free(&to);
}

static void
on_parent(struct cldr *c, const char *el)
{
	struct buf parent = BUF_INIT, locales = BUF_INIT;

	if (attr(el, "parent", &parent) == 0 &&
	    attr(el, "locales", &locales) == 0) {
		/* strtok_r: cs-reply -j reads CLDR on every thread at once,
		 * and strtok's hidden state crossed them (en-SG lost its
		 * parent now and then) */
		char *save = NULL;
		for (char *tok = strtok_r(locales.data, " ", &save);
		    tok != NULL; tok = strtok_r(NULL, " ", &save))
			put_str(&c->parent, tok, parent.data);
	}
	buf_free(&parent);
	buf_free(&locales);
}

static void
on_info(struct cldr *c, const char *el)
{
	struct buf code = BUF_INIT, v = BUF_INIT;
	int digits = 2, cash;
	size_t i;

	if (attr(el, "iso4217", &code) == 0) {
		if (attr(el, "digits", &v) == 0)
			digits = atoi(v.data);
		cash = attr(el, "cashDigits", &v) == 0 ? atoi(v.data) : digits;
		if (strcmp(code.data, "DEFAULT") == 0) {
			c->def_digits = digits;
			c->def_cash = cash;
		} else {
			i = hmap_put(&c->digits, code.data, code.len, NULL);
			hmap_at(&c->digits, i)->val.num =
			    (uint64_t)(digits * 16 + cash);
		}
	}
	buf_free(&code);
	buf_free(&v);
}

static const struct element likely_els[] = {
	{ "<likelySubtag ", on_likely }, { NULL, NULL }
};
static const struct element supplemental_els[] = {
	{ "<parentLocale ", on_parent }, { "<info iso4217=", on_info },
	{ NULL, NULL }
};

struct cldr *
cldr_open(const char *dir)
{
	struct cldr *c = xcalloc(1, sizeof(*c));
	struct hmap empty = HMAP_INIT;
	struct buf path = BUF_INIT;

	c->likely = empty;
	c->parent = empty;
	c->digits = empty;
	c->def_digits = 2;
	c->def_cash = 2;
	if (dir == NULL)
		dir = getenv("CSKIT_CLDR");
	if (dir == NULL || *dir == '\0')
		dir = CLDR_DEFAULT_DIR;
	buf_printf(&path, "%s/common/supplemental/likelySubtags.xml", dir);
	c->loaded = scan(path.data, likely_els, c) == 0;
	buf_reset(&path);
	buf_printf(&path, "%s/common/supplemental/supplementalData.xml", dir);
	scan(path.data, supplemental_els, c);
	buf_free(&path);
	return c;
}

void
cldr_free(struct cldr *c)
{
	if (c == NULL)
		return;
	free_strs(&c->likely);
	free_strs(&c->parent);
	hmap_free(&c->digits);
	free(c);
}

int
cldr_loaded(const struct cldr *c)
{
	return c->loaded;
}

static const char *
get_str(const struct hmap *m, const char *key)
{
	size_t i = hmap_find(m, key, strlen(key));

	return i == HMAP_NONE ? NULL : hmap_at(m, i)->val.ptr;
}

const char *
cldr_likely(const struct cldr *c, const char *key)
{
	return get_str(&c->likely, key);
}

const char *
cldr_parent(const struct cldr *c, const char *locale)
{
	return get_str(&c->parent, locale);
}

void
cldr_currency_digits(const struct cldr *c, const char *code, int *digits,
    int *cash_digits)
{
	size_t i = hmap_find(&c->digits, code, strlen(code));

	if (i == HMAP_NONE) {
		*digits = c->def_digits;
		*cash_digits = c->def_cash;
		return;
	}
	*digits = (int)(hmap_at(&c->digits, i)->val.num / 16);
	*cash_digits = (int)(hmap_at(&c->digits, i)->val.num % 16);
}

void
cldr_foreach_parent(const struct cldr *c,
    void (*fn)(void *arg, const char *locale, const char *parent), void *arg)
{
	for (size_t i = 0; i < hmap_count(&c->parent); i++) {
		const struct hmap_entry *e = hmap_at(&c->parent, i);
		fn(arg, e->key, e->val.ptr);
	}
}
