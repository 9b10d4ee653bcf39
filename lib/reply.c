/*
 * reply — template libraries, selection with language fallback and A/B
 * variants, rendering and lint; the context itself is replyctx.c.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <utf8proc.h>

#include "cldr.h"
#include "event.h"
#include "hmap.h"
#include "json.h"
#include "nametab.h"
#include "hash.h"
#include "locfmt.h"
#include "reply.h"
#include "orderref.h"
#include "replyconv.h"
#include "replyctx.h"
#include "text.h"

const char *const reply_intents[] = {
	"shipping", "return", "refund", "payment", "complaint", "product",
	"discount", "order_change", "account", "other", NULL
};

#define MAP(o) reply_map(o)

#define EXT ".mustache"
#define EXTLEN (sizeof(EXT) - 1)

/* All versions of one (language, name): the base first, then variants. */
struct tpl_set {
	struct reply_tpl	**v;
	int			  n;
	int			  owner;	/* directory number */
};

struct partial {
	char			*key;		/* "lang/name", "/name" for all */
	char			*path;
	struct mst_template	*t;
};

const char *const reply_setting_names[RS_N] = {
	"locale", "script", "name", "given", "honorifics", "time",
	"time_hour", "date", "lower", "replace"
};

/* A language directory (of any library directory): its settings. */
struct langdir {
	char		*tag;		/* as spelled: "zh-Hant" */
	char		*parent;	/* its CLDR parent, lower case, or NULL */
	char		*set[RS_N];
	char		*conf;		/* the last locale.conf read */
};

struct reply_lib {
	struct hmap	 sindex;	/* "lang/name" → entry number = set */
	struct tpl_set	*sets;
	struct hmap	 pindex;	/* partial key → entry number = partial */
	struct hmap	 broken;	/* partial keys whose file did not
					 * compile */
	struct partial	*parts;
	struct hmap	 langs;		/* lower tag → entry number = langdir */
	struct langdir	*ldirs;
	size_t		 nparents;	/* langdirs whose parent is known */
	struct cldr	*cldr;		/* opened on the first plan */
	struct locfmt_cache *fmt;
	struct hmap	 plans;		/* "lang\0country" → plan */
	struct reply_plan *fallback;	/* the default language's, flagged */
	int		 ndirs;
	int		 ntpl;
};

/* Plans kept; past this, plans are made per event (a stream of made-up
 * tags must not grow the library). */
#define PLANS_MAX	4096

struct reply_lib *
reply_lib_new(void)
{
	struct reply_lib *lib = xcalloc(1, sizeof(*lib));
	struct hmap empty = HMAP_INIT;

	lib->sindex = empty;
	lib->pindex = empty;
	lib->broken = empty;
	lib->langs = empty;
	lib->plans = empty;
	return lib;
}

static void
tpl_free(struct reply_tpl *t)
{
	free(t->lang);
	free(t->name);
	free(t->variant);
	free(t->id);
	free(t->path);
	mst_free(t->t);
	free(t);
}

static void
set_clear(struct tpl_set *g)
{
	for (int i = 0; i < g->n; i++)
		tpl_free(g->v[i]);
	free(g->v);
	g->v = NULL;
	g->n = 0;
}

void
reply_lib_free(struct reply_lib *lib)
{
	if (lib == NULL)
		return;
	for (size_t i = 0; i < hmap_count(&lib->sindex); i++)
		set_clear(&lib->sets[i]);
	for (size_t i = 0; i < hmap_count(&lib->pindex); i++) {
		free(lib->parts[i].key);
		free(lib->parts[i].path);
		mst_free(lib->parts[i].t);
	}
	for (size_t i = 0; i < hmap_count(&lib->langs); i++) {
		struct langdir *ld = &lib->ldirs[i];
		free(ld->tag);
		free(ld->parent);
		free(ld->conf);
		for (int k = 0; k < RS_N; k++)
			free(ld->set[k]);
	}
	for (size_t i = 0; i < hmap_count(&lib->plans); i++)
		free(hmap_at(&lib->plans, i)->val.ptr);
	free(lib->sets);
	free(lib->parts);
	free(lib->ldirs);
	hmap_free(&lib->sindex);
	hmap_free(&lib->pindex);
	hmap_free(&lib->broken);
	hmap_free(&lib->langs);
	hmap_free(&lib->plans);
	free(lib->fallback);
	locfmt_cache_free(lib->fmt);
	cldr_free(lib->cldr);
	free(lib);
}

int
reply_lib_count(const struct reply_lib *lib)
{
	return lib->ntpl;
}

/* Loading ---------------------------------------------------------------- */

static char *
lower(const char *s, size_t len)
{
	char *r = xstrndup(s, len);

	for (char *p = r; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return r;
}

static int
word_ok(const char *s, size_t len)
{
	if (len == 0)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_' && s[i] != '-')
			return 0;
	return 1;
}

static struct mst_template *
compile_file(const char *path, struct buf *errs, int *nerr)
{
	struct mst_template *t = mst_compile_file(path, errs);

	if (t == NULL) {
		buf_addc(errs, '\n');
		(*nerr)++;
	}
	return t;
}

static void
add_partial(struct reply_lib *lib, const char *lang, const char *name,
    size_t nlen, const char *path, struct buf *errs, int *nerr)
{
	struct buf key = BUF_INIT;
	struct mst_template *t = compile_file(path, errs, nerr);
	size_t i;
	int added;

	buf_printf(&key, "%s/%.*s", lang, (int)nlen, name);
	if (t == NULL) {
		/* Left out; templates that need it are found by
		 * reply_lib_drop_broken(). */
		hmap_put(&lib->broken, key.data, key.len, NULL);
		buf_free(&key);
		return;
	}
	i = hmap_put(&lib->pindex, key.data, key.len, &added);
	if (added) {
		lib->parts = xrealloc(lib->parts,
		    hmap_count(&lib->pindex) * sizeof(*lib->parts));
		lib->parts[i].key = buf_detach(&key);
	} else {
		free(lib->parts[i].path);
		mst_free(lib->parts[i].t);
	}
	lib->parts[i].path = xstrdup(path);
	lib->parts[i].t = t;
	buf_free(&key);
}

static int
variant_cmp(const struct reply_tpl *a, const struct reply_tpl *b)
{
	if (a->variant == NULL || b->variant == NULL)
		return (a->variant != NULL) - (b->variant != NULL);
	return strcmp(a->variant, b->variant);
}

static void
add_template(struct reply_lib *lib, const char *lang, const char *langdir,
    const char *file, const char *path, struct buf *errs, int *nerr)
{
	size_t stem = strlen(file) - EXTLEN, i;
	const char *dot = memchr(file, '.', stem);
	size_t nlen = dot ? (size_t)(dot - file) : stem;
	struct reply_tpl *t;
	struct tpl_set *g;
	struct buf key = BUF_INIT;
	int added, at;

	if (!word_ok(file, nlen) ||
	    (dot && !word_ok(dot + 1, stem - nlen - 1)))
		return;		/* not a template name: ignored */
	t = xcalloc(1, sizeof(*t));
	t->t = compile_file(path, errs, nerr);
	if (t->t == NULL) {
		free(t);
		return;
	}
	t->lang = xstrdup(lang);
	t->name = lower(file, nlen);
	t->variant = dot ? xstrndup(dot + 1, stem - nlen - 1) : NULL;
	t->path = xstrdup(path);
	/* The id keeps the directory's spelling: "pt-BR/complaint". */
	buf_printf(&key, "%s/%s", langdir, t->name);
	if (t->variant)
		buf_printf(&key, ".%s", t->variant);
	t->id = xstrdup(buf_str(&key));
	buf_reset(&key);
	buf_printf(&key, "%s/%s", t->lang, t->name);
	i = hmap_put(&lib->sindex, key.data, key.len, &added);
	buf_free(&key);
	if (added) {
		lib->sets = xrealloc(lib->sets,
		    hmap_count(&lib->sindex) * sizeof(*lib->sets));
		memset(&lib->sets[i], 0, sizeof(lib->sets[i]));
	}
	g = &lib->sets[i];
	if (!added && g->owner != lib->ndirs) {
		/* A later directory replaces every version of the pair. */
		lib->ntpl -= g->n;
		set_clear(g);
	}
	g->owner = lib->ndirs;
	g->v = xrealloc(g->v, (g->n + 1) * sizeof(*g->v));
	for (at = g->n; at > 0 && variant_cmp(g->v[at - 1], t) > 0; at--)
		g->v[at] = g->v[at - 1];
	g->v[at] = t;
	g->n++;
	lib->ntpl++;
}

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int
ends_with_ext(const char *name)
{
	size_t n = strlen(name);

	return n > EXTLEN && strcmp(name + n - EXTLEN, EXT) == 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of a directory, sorted (so loading is deterministic). */
static char **
list_dir(const char *path, int *n)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **v = NULL;

	*n = 0;
	if (d == NULL)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		v = xrealloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(v, *n, sizeof(*v), cmp_str);
	return v;
}

static void
free_list(char **v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* The language directory `tag`, registered on first sight. */
static struct langdir *
lang_register(struct reply_lib *lib, const char *tag)
{
	char *key = lower(tag, strlen(tag));
	int added;
	size_t i = hmap_put(&lib->langs, key, strlen(key), &added);

	free(key);
	if (added) {
		lib->ldirs = xrealloc(lib->ldirs,
		    hmap_count(&lib->langs) * sizeof(*lib->ldirs));
		memset(&lib->ldirs[i], 0, sizeof(lib->ldirs[i]));
		lib->ldirs[i].tag = xstrdup(tag);
	}
	return &lib->ldirs[i];
}

/* One "key value" line of a locale.conf; -1 for an unknown key. */
static int
conf_line(struct langdir *ld, char *line)
{
	char *key = line + strspn(line, " \t"), *val;
	size_t klen = strcspn(key, " \t");

	if (*key == '\0' || *key == '#')
		return 0;
	val = key + klen;
	if (*val != '\0')
		*val++ = '\0';
	val += strspn(val, " \t");
	for (size_t n = strlen(val); n > 0 && (val[n - 1] == ' ' ||
	    val[n - 1] == '\t'); n--)
		val[n - 1] = '\0';
	for (int k = 0; k < RS_N; k++)
		if (strcmp(key, reply_setting_names[k]) == 0) {
			free(ld->set[k]);
			ld->set[k] = xstrdup(val);
			return 0;
		}
	return -1;
}

/* Read LANGDIR/locale.conf over the settings read before. */
static void
load_conf(struct langdir *ld, const char *path, struct buf *errs, int *nerr)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int lineno = 0;

	if (fp == NULL)
		return;
	free(ld->conf);
	ld->conf = xstrdup(path);
	while ((n = getline(&line, &cap, fp)) > 0) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (conf_line(ld, line) != 0) {
			buf_printf(errs, "%s:%d: unknown setting '%s'\n", path,
			    lineno, line + strspn(line, " \t"));
			(*nerr)++;
		}
	}
	free(line);
	fclose(fp);
}

static void
load_lang(struct reply_lib *lib, const char *dir, const char *langdir,
    struct buf *errs, int *nerr)
{
	struct buf path = BUF_INIT, sub = BUF_INIT;
	char *lang = lower(langdir, strlen(langdir));
	char **files;
	int n;

	buf_printf(&sub, "%s/%s", dir, langdir);
	files = list_dir(sub.data, &n);
	for (int i = 0; i < n; i++) {
		if (strcmp(files[i], "locale.conf") == 0) {
			buf_reset(&path);
			buf_printf(&path, "%s/%s", sub.data, files[i]);
			load_conf(lang_register(lib, langdir), path.data, errs,
			    nerr);
			continue;
		}
		if (!ends_with_ext(files[i]))
			continue;
		buf_reset(&path);
		buf_printf(&path, "%s/%s", sub.data, files[i]);
		if (files[i][0] == '_')
			add_partial(lib, lang, files[i] + 1,
			    strlen(files[i]) - 1 - EXTLEN, path.data, errs, nerr);
		else
			add_template(lib, lang, langdir, files[i], path.data,
			    errs, nerr);
	}
	free_list(files, n);
	free(lang);
	buf_free(&path);
	buf_free(&sub);
}

int
reply_lib_add_dir(struct reply_lib *lib, const char *dir, struct buf *errs)
{
	struct buf path = BUF_INIT;
	char **ents;
	int n, nerr = 0;

	if (!is_dir(dir))
		return -1;
	lib->ndirs++;
	ents = list_dir(dir, &n);
	for (int i = 0; i < n; i++) {
		buf_reset(&path);
		buf_printf(&path, "%s/%s", dir, ents[i]);
		if (is_dir(path.data)) {
			if (word_ok(ents[i], strlen(ents[i]))) {
				lang_register(lib, ents[i]);
				load_lang(lib, dir, ents[i], errs, &nerr);
			}
		} else if (ents[i][0] == '_' && ends_with_ext(ents[i]))
			add_partial(lib, "", ents[i] + 1,
			    strlen(ents[i]) - 1 - EXTLEN, path.data, errs, &nerr);
	}
	free_list(ents, n);
	buf_free(&path);
	return nerr;
}

int
reply_lib_add_partials(struct reply_lib *lib, const char *dir,
    struct buf *errs)
{
	struct buf path = BUF_INIT;
	char **ents;
	int n, nerr = 0;

	if (!is_dir(dir))
		return -1;
	ents = list_dir(dir, &n);
	for (int i = 0; i < n; i++) {
		const char *name = ents[i] + (ents[i][0] == '_');
		if (!ends_with_ext(ents[i]) || strlen(name) <= EXTLEN)
			continue;
		buf_reset(&path);
		buf_printf(&path, "%s/%s", dir, ents[i]);
		add_partial(lib, "", name, strlen(name) - EXTLEN, path.data,
		    errs, &nerr);
	}
	free_list(ents, n);
	buf_free(&path);
	return nerr;
}

/* s into a tag buffer (cut at its size): the per-event copies, without
 * snprintf's cost. */
static void
copy_tag(char out[LANGTAG_MAX], const char *s)
{
	size_t n = strlen(s);

	if (n >= LANGTAG_MAX)
		n = LANGTAG_MAX - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

/* Selection -------------------------------------------------------------- */

unsigned long
reply_fnv1a(const char *s)
{
	return hash_fnv1a32(s, strlen(s));
}

/* "lang/name" into key (lower case); -1 when it does not fit. */
static int
make_key(char *key, size_t size, const char *lang, size_t llen,
    const char *name, size_t *len)
{
	size_t nlen = strlen(name);

	if (llen + 1 + nlen >= size)
		return -1;
	memcpy(key, lang, llen);
	key[llen] = '/';
	for (size_t i = 0; i < nlen; i++)
		key[llen + 1 + i] = (char)tolower((unsigned char)name[i]);
	*len = llen + 1 + nlen;
	key[*len] = '\0';
	return 0;
}

static const struct tpl_set *
find_set(const struct reply_lib *lib, const char *lang, size_t llen,
    const char *name)
{
	char key[256];
	size_t len, i;

	if (make_key(key, sizeof(key), lang, llen, name, &len) != 0)
		return NULL;
	i = hmap_find(&lib->sindex, key, len);
	return i == HMAP_NONE || lib->sets[i].n == 0 ? NULL :
	    &lib->sets[i];
}

static const struct reply_tpl *
pick_version(const struct tpl_set *g, const struct reply_opts *o,
    const char *key)
{
	int named = g->v[0]->variant == NULL ? g->n - 1 : g->n;

	if (o->variants && named > 0 && key != NULL && *key != '\0')
		return g->v[g->n - named + (int)(reply_fnv1a(key) %
		    (unsigned long)named)];
	return g->v[0];
}

/* Length of the tag with its last subtag dropped; 0 when none is left. */
static size_t
parent_tag(const char *tag, size_t len)
{
	while (len > 0 && tag[len - 1] != '-')
		len--;
	return len > 0 ? len - 1 : 0;
}

/* Plans ------------------------------------------------------------------ */

/* The library's caches behind a const pointer: the CLDR tables, the
 * locales and the plans are made on first need. */
static struct reply_lib *
cache_of(const struct reply_lib *lib)
{
	return (struct reply_lib *)lib;
}

static struct cldr *
lib_cldr(const struct reply_lib *clib)
{
	struct reply_lib *lib = cache_of(clib);

	if (lib->cldr == NULL) {
		lib->cldr = cldr_open(NULL);
		lib->fmt = locfmt_cache_new(lib->cldr);
	}
	return lib->cldr;
}

struct locfmt_cache *
reply_lib_fmt(const struct reply_lib *lib)
{
	lib_cldr(lib);
	return lib->fmt;
}

/* "en_001" or "en-001" as "en-001" in lower case, into out. */
static void
tag_key(const char *s, char *out, size_t size)
{
	size_t i;

	for (i = 0; s[i] != '\0' && i + 1 < size; i++)
		out[i] = s[i] == '_' ? '-' : (char)tolower((unsigned char)s[i]);
	out[i] = '\0';
}

/* Each language directory's CLDR parent (en-GB: en-001), once. */
static void
note_parents(const struct reply_lib *clib)
{
	struct reply_lib *lib = cache_of(clib);
	struct cldr *c = lib_cldr(lib);

	for (; lib->nparents < hmap_count(&lib->langs); lib->nparents++) {
		struct langdir *ld = &lib->ldirs[lib->nparents];
		struct langtag t;
		char key[LANGTAG_MAX], out[LANGTAG_MAX];
		const char *p;
		if (langtag_parse(ld->tag, &t) != 0)
			continue;
		langtag_format(&t, key);
		for (char *q = key; *q; q++)
			if (*q == '-')
				*q = '_';
		if ((p = cldr_parent(c, key)) != NULL &&
		    strcmp(p, "root") != 0) {
			tag_key(p, out, sizeof(out));
			ld->parent = xstrdup(out);
		}
	}
}

static int
lang_number(const struct reply_lib *lib, const char *tag)
{
	char key[LANGTAG_MAX];
	size_t i;

	tag_key(tag, key, sizeof(key));
	i = hmap_find(&lib->langs, key, strlen(key));
	return i == HMAP_NONE ? -1 : (int)i;
}

static void
chain_add(struct reply_plan *p, int num)
{
	for (int i = 0; i < p->n; i++)
		if (p->chain[i] == num)
			return;
	if (p->n < REPLY_CHAIN_MAX)
		p->chain[p->n++] = num;
}

/* Does language number num have a template (of any name)? */
static int
lang_has_templates(const struct reply_lib *lib, int num)
{
	const char *key = hmap_at(&lib->langs, (size_t)num)->key;
	size_t klen = strlen(key);

	for (int k = 0; reply_intents[k] != NULL; k++)
		if (find_set(lib, key, klen, reply_intents[k]) != NULL)
			return 1;
	return find_set(lib, key, klen, "auto_reply") != NULL ||
	    find_set(lib, key, klen, "video_call") != NULL;
}

/* The directories serving a maximised tag, most specific first. */
static void
make_chain(const struct reply_lib *lib, const struct langtag *t,
    struct reply_plan *p)
{
	char cand[LANGTAG_CANDIDATES][LANGTAG_MAX], key[LANGTAG_MAX];
	int n = langtag_candidates(lib_cldr(lib), t, cand, LANGTAG_CANDIDATES);
	int any = 0;

	note_parents(lib);
	p->n = 0;
	for (int i = 0; i < n; i++) {
		int num = lang_number(lib, cand[i]);
		if (num >= 0)
			chain_add(p, num);
		/* A library's en-GB serves en-AU: both are en-001's. */
		tag_key(cand[i], key, sizeof(key));
		for (size_t k = 0; k < hmap_count(&lib->langs); k++)
			if (lib->ldirs[k].parent != NULL &&
			    strcmp(lib->ldirs[k].parent, key) == 0)
				chain_add(p, (int)k);
	}
	for (int i = 0; i < p->n; i++)
		any |= lang_has_templates(lib, p->chain[i]);
	if (!any)
		p->n = 0;
}

/* Settings along the chain; the defaults from CLDR's likely subtags. */
static void
resolve_settings(const struct reply_lib *lib, struct reply_plan *p,
    const struct langtag *buyer, char *deflocale, size_t size)
{
	struct langtag r;
	char name[64];

	for (int k = 0; k < RS_N; k++) {
		p->set[k] = NULL;
		for (int i = 0; i < p->n && p->set[k] == NULL; i++)
			p->set[k] = lib->ldirs[p->chain[i]].set[k];
	}
	if (langtag_parse(p->reply, &r) == 0)
		langtag_maximize(lib_cldr(lib), &r, NULL);
	else
		memset(&r, 0, sizeof(r));
	snprintf(deflocale, size, "%s_%s", r.lang, r.region);
	if (p->set[RS_LOCALE] == NULL)
		p->set[RS_LOCALE] = deflocale;
	snprintf(p->defscript, sizeof(p->defscript), "%s", r.script);
	if (p->set[RS_SCRIPT] == NULL && p->defscript[0] != '\0')
		p->set[RS_SCRIPT] = p->defscript;
	p->isolate = p->set[RS_SCRIPT] != NULL &&
	    (strcmp(p->set[RS_SCRIPT], "Arab") == 0 ||
	    strcmp(p->set[RS_SCRIPT], "Hebr") == 0);
	/* The buyer's own region's formats, in her language: es_AR. */
	p->loc = NULL;
	if (!p->fallback && buyer != NULL && buyer->region[0] &&
	    strcmp(buyer->lang, r.lang) == 0) {
		snprintf(name, sizeof(name), "%s_%s", buyer->lang,
		    buyer->region);
		p->loc = locfmt_open(lib->fmt, name);
	}
	if (p->loc == NULL)
		p->loc = locfmt_open(lib->fmt, p->set[RS_LOCALE]);
}

/* The plan of a buyer; with lang NULL and country "\1", the default
 * language's plan for a buyer whose language lacks a template. */
static void
make_plan(const struct reply_lib *lib, const struct reply_opts *o,
    const char *lang, const char *country, struct reply_plan *p)
{
	struct langtag t, d;
	int known;

	memset(p, 0, sizeof(*p));
	known = lang != NULL && langtag_parse(lang, &t) == 0 &&
	    strcmp(t.lang, "und") != 0;
	if (lang == NULL && country != NULL && strcmp(country, "\1") == 0)
		country = NULL;		/* the fallback plan */
	else if (!known && country != NULL && *country != '\0' &&
	    langtag_parse("und", &t) == 0) {
		langtag_maximize(lib_cldr(lib), &t, country);
		known = strcmp(t.lang, "und") != 0;
	} else if (known) {
		/* The region only as the buyer (or her country) states it:
		 * "es" is the library's es, not CLDR's likely es-ES. */
		int stated = t.region[0] != '\0' ||
		    (country != NULL && *country != '\0');
		langtag_maximize(lib_cldr(lib), &t, country);
		if (!stated)
			t.region[0] = '\0';
	}
	if (known) {
		langtag_minimize(lib_cldr(lib), &t, p->buyer);
		/* A region the buyer stated stays: es-ES is not our es. */
		if (t.region[0] && strchr(p->buyer, '-') == NULL) {
			size_t n = strlen(p->buyer);
			snprintf(p->buyer + n, sizeof(p->buyer) - n, "-%s",
			    t.region);
		}
		make_chain(lib, &t, p);
	}
	if (p->n == 0) {
		p->fallback = 1;
		if (o->default_lang != NULL &&
		    langtag_parse(o->default_lang, &d) == 0) {
			langtag_maximize(lib_cldr(lib), &d, NULL);
			make_chain(lib, &d, p);
		}
	}
	p->fmt = lib->fmt;
	if (p->n > 0) {
		struct langtag dir;
		if (langtag_parse(lib->ldirs[p->chain[0]].tag, &dir) == 0)
			langtag_format(&dir, p->reply);
	}
	resolve_settings(lib, p, known ? &t : NULL, p->deflocale,
	    sizeof(p->deflocale));
}

/* The plan for (lang, country), kept; scratch past PLANS_MAX. */
static const struct reply_plan *
plan_cached(const struct reply_lib *clib, const struct reply_opts *o,
    const char *lang, const char *country, struct reply_plan *scratch)
{
	struct reply_lib *lib = cache_of(clib);
	char key[128];
	size_t i, len;
	int added;

	size_t ll = lang ? strlen(lang) : 0, cl = country ? strlen(country) : 0;
	len = ll + 1 + cl;
	if (len < sizeof(key)) {
		memcpy(key, lang ? lang : "", ll);
		key[ll] = '\0';
		memcpy(key + ll + 1, country ? country : "", cl);
	} else {
		make_plan(lib, o, lang, country, scratch);
		return scratch;
	}
	i = hmap_find(&lib->plans, key, len);
	if (i != HMAP_NONE)
		return hmap_at(&lib->plans, i)->val.ptr;
	if (hmap_count(&lib->plans) >= PLANS_MAX) {
		make_plan(lib, o, lang, country, scratch);
		return scratch;
	}
	i = hmap_put(&lib->plans, key, len, &added);
	hmap_at(&lib->plans, i)->val.ptr = xmalloc(sizeof(struct reply_plan));
	make_plan(lib, o, lang, country, hmap_at(&lib->plans, i)->val.ptr);
	return hmap_at(&lib->plans, i)->val.ptr;
}

const struct reply_plan *
reply_plan_for(const struct reply_lib *lib, const struct reply_opts *o,
    const char *lang, const char *country, struct reply_plan *scratch)
{
	return plan_cached(lib, o, lang, country, scratch);
}

/* The default language's plan, flagged: for a name the buyer's chain
 * lacks (and has no `other` for). */
static const struct reply_plan *
fallback_plan(const struct reply_lib *clib, const struct reply_opts *o)
{
	struct reply_lib *lib = cache_of(clib);

	if (lib->fallback == NULL) {
		lib->fallback = xmalloc(sizeof(*lib->fallback));
		make_plan(lib, o, NULL, "\1", lib->fallback);
	}
	return lib->fallback;
}

const char *
reply_plan_lang(const struct reply_lib *lib, const struct reply_plan *p,
    int i)
{
	return i < p->n ? lib->ldirs[p->chain[i]].tag : NULL;
}

/* Selection along a plan's chain: each name in every directory before
 * the next name. */
static const struct tpl_set *
select_chain(const struct reply_lib *lib, const struct reply_plan *p,
    const char *intent, const char *special)
{
	const char *names[4];
	int n = 0;

	if (special != NULL)
		names[n++] = special;
	if (intent != NULL && *intent != '\0')
		names[n++] = intent;
	names[n++] = "other";
	for (int k = 0; k < n; k++)
		for (int i = 0; i < p->n; i++) {
			const char *key = hmap_at(&lib->langs,
			    (size_t)p->chain[i])->key;
			const struct tpl_set *g = find_set(lib, key,
			    strlen(key), names[k]);
			if (g != NULL)
				return g;
		}
	return NULL;
}

/*
 * The versions for a plan; when its chain has neither the name nor
 * `other`, the default language's, and *used becomes that plan.
 */
static const struct tpl_set *
select_or_fall(const struct reply_lib *lib, const struct reply_opts *o,
    const struct reply_plan **used, const char *intent, const char *special)
{
	const struct tpl_set *g = select_chain(lib, *used, intent, special);

	if (g == NULL && !(*used)->fallback) {
		*used = fallback_plan(lib, o);
		g = select_chain(lib, *used, intent, special);
	}
	return g;
}

const struct reply_tpl *
reply_select_plan(const struct reply_lib *lib, const struct reply_opts *o,
    const struct reply_plan *p, const char *intent, const char *special,
    const char *key)
{
	const struct tpl_set *g = select_or_fall(lib, o, &p, intent, special);

	return g != NULL ? pick_version(g, o, key) : NULL;
}

const struct reply_tpl *
reply_select(const struct reply_lib *lib, const struct reply_opts *o,
    const char *lang, const char *intent, const char *special,
    const char *key)
{
	struct reply_plan scratch;
	const struct reply_plan *p = plan_cached(lib, o, lang, NULL, &scratch);

	return reply_select_plan(lib, o, p, intent, special, key);
}

/* Partials: the template's language, its parents, then the library root. */
/* A run's memory of partials found: (plan, name as the template holds
 * it) → the partial, direct-mapped by the two pointers. */
#define PARTIAL_MEMO	1024

struct partial_memo {
	const struct reply_plan		*plan;
	const char			*name;
	const struct mst_template	*t;
};

struct partial_ctx {
	const struct reply_lib	*lib;
	const char		*lang;		/* without a plan */
	const struct reply_plan	*plan;		/* may be NULL */
	const char		*topic;		/* for {{> topic}} */
	struct partial_memo	*cache;		/* a run's, or NULL */
};

/*
 * The partial NAME for a template in lang: lang's, its parents', then the
 * library root's.  *broken (may be NULL) says whether a file for one of
 * those keys failed to compile.
 */
static const struct mst_template *
lookup_partial(const struct reply_lib *lib, const char *lang,
    const char *name, int *broken)
{
	size_t len = strlen(lang), klen, i;
	char key[256];

	for (;;) {
		/* Partial names keep their case: they are file names. */
		if (len + 1 + strlen(name) >= sizeof(key))
			return NULL;
		memcpy(key, lang, len);
		key[len] = '/';
		strcpy(key + len + 1, name);
		klen = len + 1 + strlen(name);
		i = hmap_find(&lib->pindex, key, klen);
		if (i != HMAP_NONE)
			return lib->parts[i].t;
		if (broken != NULL &&
		    hmap_find(&lib->broken, key, klen) != HMAP_NONE)
			*broken = 1;
		if (len == 0)
			return NULL;
		len = parent_tag(lang, len);
	}
}

/* The partial NAME along a plan's chain, then the library root's. */
static const struct mst_template *
chain_partial(const struct reply_lib *lib, const struct reply_plan *p,
    const char *name)
{
	char key[256];
	size_t i;

	size_t nlen = strlen(name);

	for (int k = 0; k < p->n; k++) {
		const struct hmap_entry *e = hmap_at(&lib->langs,
		    (size_t)p->chain[k]);
		if (e->len + 1 + nlen >= sizeof(key))
			return NULL;
		memcpy(key, e->key, e->len);
		key[e->len] = '/';
		memcpy(key + e->len + 1, name, nlen + 1);
		i = hmap_find(&lib->pindex, key, e->len + 1 + nlen);
		if (i != HMAP_NONE)
			return lib->parts[i].t;
	}
	return lookup_partial(lib, "", name, NULL);
}

int
reply_plan_has_partial(const struct reply_lib *lib, const struct reply_plan *p,
    const char *name)
{
	return chain_partial(lib, p, name) != NULL;
}

static const struct mst_template *
find_partial(void *arg, const char *name)
{
	const struct partial_ctx *pc = arg;

	if (pc->plan != NULL) {
		struct partial_memo *m;
		/* {{> topic}}: the partial named after the turn's topic. */
		if (strcmp(name, "topic") == 0)
			return pc->topic != NULL ? chain_partial(pc->lib,
			    pc->plan, pc->topic) : NULL;
		if (pc->cache == NULL)
			return chain_partial(pc->lib, pc->plan, name);
		/* A template's names live as long as the library, a kept
		 * plan as long as the run: the two pointers are a key. */
		m = &pc->cache[(((uint64_t)(uintptr_t)pc->plan ^
		    (uint64_t)(uintptr_t)name * 0x9e3779b97f4a7c15ULL) *
		    0xff51afd7ed558ccdULL) >> 54];
		if (m->plan != pc->plan || m->name != name) {
			m->plan = pc->plan;
			m->name = name;
			m->t = chain_partial(pc->lib, pc->plan, name);
		}
		return m->t;
	}
	return lookup_partial(pc->lib, pc->lang, name, NULL);
}

/*
 * Templates that include (at any depth) a partial whose file did not
 * compile, with no other version to take its place, would lose that text
 * in silence: they are left out like broken templates.
 */
struct taint_walk {
	const struct reply_lib		*lib;
	const char			*lang;
	const struct mst_template	**seen;		/* partials walked */
	size_t				  nseen;
	const char			*bad;		/* first broken name */
};

static void
taint_partial(void *arg, const char *name, int line, int col)
{
	struct taint_walk *tw = arg;
	const struct mst_template *p;
	int broken = 0;

	(void)line;
	(void)col;
	if (tw->bad != NULL)
		return;
	p = lookup_partial(tw->lib, tw->lang, name, &broken);
	if (p == NULL) {
		if (broken)
			tw->bad = name;
		return;
	}
	for (size_t i = 0; i < tw->nseen; i++)
		if (tw->seen[i] == p)
			return;
	tw->seen = xrealloc(tw->seen, (tw->nseen + 1) * sizeof(*tw->seen));
	tw->seen[tw->nseen++] = p;
	mst_foreach_partial(p, taint_partial, tw);
}

int
reply_lib_drop_broken(struct reply_lib *lib, struct buf *errs)
{
	struct taint_walk tw = { lib, NULL, NULL, 0, NULL };
	int dropped = 0;

	if (hmap_count(&lib->broken) == 0)
		return 0;
	for (size_t i = 0; i < hmap_count(&lib->sindex); i++) {
		struct tpl_set *g = &lib->sets[i];
		for (int k = 0; k < g->n; ) {
			struct reply_tpl *t = g->v[k];
			tw.lang = t->lang;
			tw.nseen = 0;
			tw.bad = NULL;
			mst_foreach_partial(t->t, taint_partial, &tw);
			if (tw.bad == NULL) {
				k++;
				continue;
			}
			buf_printf(errs, "%s: left out: it includes partial "
			    "'%s', which did not compile\n", t->path, tw.bad);
			tpl_free(t);
			memmove(&g->v[k], &g->v[k + 1],
			    (size_t)(g->n - k - 1) * sizeof(*g->v));
			g->n--;
			lib->ntpl--;
			dropped++;
		}
	}
	free(tw.seen);
	return dropped;
}

/* Rendering -------------------------------------------------------------- */

void
reply_result_free(struct reply_result *r)
{
	buf_free(&r->text);
	mst_names_free(&r->missing);
}

void
reply_result_swap(struct reply_result *a, struct reply_result *b)
{
	struct reply_result t = *a;

	*a = *b;
	*b = t;
}

int
reply_render(const struct reply_lib *lib, const struct reply_tpl *t,
    const cJSON *const *ctx, int nctx, int escape_html,
    struct reply_result *res, struct buf *err)
{
	struct partial_ctx pc = { lib, t->lang, NULL, NULL, NULL };
	struct mst_render_opts ro = { 0 };

	buf_reset(&res->text);
	mst_names_clear(&res->missing);
	res->tpl = t;
	res->plan = NULL;
	res->fallback = 0;
	res->reply_lang[0] = res->buyer_lang[0] = '\0';
	ro.escape_html = escape_html;
	ro.partial = find_partial;
	ro.partial_ctx = &pc;
	ro.missing = &res->missing;
	return mst_render(t->t, ctx, nctx, &ro, &res->text, err);
}

/* What selection reads of an event. */
struct choice {
	const struct reply_plan *plan;	/* known already, or NULL */
	const char	*lang;
	const char	*country;
	const char	*intent;
	const char	*special;	/* NULL, auto_reply, video_call */
	const char	*key;		/* for variants; may be NULL */
};

/* The conversation's key (its id, else the customer's), into num when
 * the export numbers its conversations; NULL when there is none. */
static const char *
conv_key(const struct reply_fields *f, struct buf *num)
{
	const cJSON *conv = f->v[RF_CONVERSATION];

	if (cJSON_IsString(conv) && conv->valuestring[0] != '\0')
		return conv->valuestring;
	if (cJSON_IsNumber(conv)) {
		/* Some exports number their conversations. */
		buf_reset(num);
		json_write_number(num, conv->valuedouble);
		return buf_str(num);
	}
	return reply_fields_str(f, RF_CUSTOMER);
}

/* The choice for an event's fields; key may point into num. */
static void
choice_of(const struct reply_fields *f, struct choice *c, struct buf *num)
{
	c->plan = NULL;
	c->lang = reply_fields_str(f, RF_LANG);
	c->country = reply_fields_str(f, RF_COUNTRY);
	c->intent = reply_fields_str(f, RF_INTENT);
	c->special = NULL;
	if (reply_fields_flag(f, RF_AUTO_REPLY))
		c->special = "auto_reply";
	else if (reply_fields_flag(f, RF_NEEDS_VIDEO))
		c->special = "video_call";
	c->key = conv_key(f, num);
}

static void
no_template(const struct reply_opts *o, const struct choice *c,
    struct buf *err)
{
	buf_printf(err, "no template for intent '%s' in language '%s' or '%s'",
	    c->intent ? c->intent : "other", c->lang ? c->lang : "",
	    o->default_lang ? o->default_lang : "");
}

/* Unicode's first strong isolate and pop directional isolate. */
#define FSI	"\xe2\x81\xa8"
#define PDI	"\xe2\x81\xa9"

/* The plan's `replace FROM TO` over the whole draft (de-CH: ß ss). */
static void
apply_replace(const struct reply_plan *p, struct buf *text)
{
	const char *rule = p != NULL ? p->set[RS_REPLACE] : NULL;
	struct buf out = BUF_INIT, from = BUF_INIT;
	const char *s, *at, *to;
	size_t flen;

	if (rule == NULL || (flen = strcspn(rule, " \t")) == 0 ||
	    text->len == 0)
		return;
	buf_add(&from, rule, flen);
	to = rule + flen + strspn(rule + flen, " \t");
	for (s = buf_str(text); (at = strstr(s, from.data)) != NULL;
	    s = at + flen) {
		buf_add(&out, s, (size_t)(at - s));
		buf_adds(&out, to);
	}
	if (s != buf_str(text)) {
		buf_adds(&out, s);
		buf_reset(text);
		buf_add(text, out.data, out.len);
	}
	buf_free(&out);
	buf_free(&from);
}

/* Has the plan the partial of the topic?  ({{> topic}} is not one.) */
static int
topic_answer(const struct reply_lib *lib, const struct reply_plan *p,
    const char *topic)
{
	return topic != NULL && strcmp(topic, "topic") != 0 &&
	    reply_plan_has_partial(lib, p, topic);
}

/*
 * Does a value of a right-to-left draft want isolates?  Not a link: a
 * chat client that makes links of what runs up to a blank would take the
 * closing isolate into it.  Not a value written in the line's own
 * direction (an Arabic weekday, a Hebrew name): only one holding a
 * left-to-right letter or a digit (a Latin name, an order number, an
 * amount) could upset the line's order.
 */
static int
rtl_isolated(const char *s, size_t len)
{
	if ((len > 7 && strncmp(s, "http://", 7) == 0) ||
	    (len > 8 && strncmp(s, "https://", 8) == 0))
		return 0;
	for (size_t i = 0; i < len; ) {
		int32_t cp;
		int k = text_decode(s + i, len - i, &cp);
		if (k <= 0)
			return 1;
		i += (size_t)k;
		if (cp < 0x80 ? isalnum((unsigned char)cp) != 0 :
		    !(cp >= 0x590 && cp <= 0x8FF) &&
		    !(cp >= 0xFB1D && cp <= 0xFDFF) &&
		    !(cp >= 0xFE70 && cp <= 0xFEFF) &&
		    !(cp >= 0x2000 && cp <= 0x206F) &&
		    utf8proc_category(cp) >= UTF8PROC_CATEGORY_LU &&
		    utf8proc_category(cp) <= UTF8PROC_CATEGORY_ND)
			return 1;
	}
	return 0;
}

/* Render t with the plan's partials, topic and isolates. */
static int
render_plan(const struct reply_lib *lib, const struct reply_tpl *t,
    const struct reply_plan *p, const char *topic, int escape_html,
    struct mst_render_opts *ro, const cJSON *const *ctx, int nctx,
    struct partial_memo *cache, struct reply_result *res, struct buf *err)
{
	struct partial_ctx pc = { lib, t->lang, p, topic, cache };
	int rc;

	buf_reset(&res->text);
	mst_names_clear(&res->missing);
	res->tpl = t;
	res->plan = p;
	res->fallback = p != NULL && p->fallback;
	copy_tag(res->reply_lang, p != NULL && p->reply[0] ? p->reply :
	    t->lang);
	ro->escape_html = escape_html;
	ro->partial = find_partial;
	ro->partial_ctx = &pc;
	ro->missing = &res->missing;
	if (p != NULL && p->isolate) {
		ro->value_open = FSI;
		ro->value_close = PDI;
		ro->value_isolated = rtl_isolated;
	}
	rc = mst_render(t->t, ctx, nctx, ro, &res->text, err);
	if (rc == 0)
		apply_replace(p, &res->text);
	return rc;
}

int
reply_event(const struct reply_lib *lib, const struct reply_opts *o,
    const cJSON *ev, struct reply_result *res, struct buf *err)
{
	struct reply_fields f;
	struct choice c;
	struct buf num = BUF_INIT;
	struct reply_plan scratch;
	struct reply_turn turn;
	struct mst_render_opts ro = { 0 };
	const struct reply_plan *p;
	const struct tpl_set *g;
	const struct reply_tpl *t;
	const cJSON *ctx[2];
	cJSON *derived;
	int rc;

	reply_fields_get(o, ev, &f);
	choice_of(&f, &c, &num);
	p = reply_plan_for(lib, o, c.lang, c.country, &scratch);
	copy_tag(res->buyer_lang, p->buyer);
	g = select_or_fall(lib, o, &p, c.intent, c.special);
	buf_free(&num);
	if (g == NULL) {
		no_template(o, &c, err);
		return -1;
	}
	t = pick_version(g, o, c.key);
	memset(&turn, 0, sizeof(turn));
	turn.topic_answer = topic_answer(lib, p,
	    reply_fields_str(&f, RF_TOPIC));
	/* One event, no stream: the order number written in its text. */
	if (reply_order_in_text(&f, &num) == 0)
		turn.order_id = num.data;
	derived = reply_context(o, p, &turn, ev);
	buf_free(&num);
	ctx[0] = ev;
	ctx[1] = derived;
	rc = render_plan(lib, t, p, reply_fields_str(&f, RF_TOPIC),
	    o->escape_html, &ro, ctx, 2, NULL, res, err);
	if (p == &scratch)
		res->plan = NULL;
	cJSON_Delete(derived);
	return rc;
}

void
reply_draft_of(const struct reply_result *r, struct reply_draft *d)
{
	d->text = buf_str(&r->text);
	d->len = r->text.len;
	d->tpl_id = r->tpl->id;
	d->variant = r->tpl->variant;
	d->missing = &r->missing;
	d->reply_lang = r->reply_lang[0] ? r->reply_lang : r->tpl->lang;
	d->buyer_lang = r->buyer_lang;
	d->needs_human = r->fallback;
}

void
reply_draft_members(const struct reply_draft *d, struct buf *out)
{
	buf_adds(out, ",\"reply\":");
	json_write_string(out, d->text, d->len);
	buf_adds(out, ",\"template\":");
	json_write_string(out, d->tpl_id, strlen(d->tpl_id));
	buf_adds(out, ",\"variant\":");
	if (d->variant != NULL)
		json_write_string(out, d->variant, strlen(d->variant));
	else
		buf_adds(out, "null");
	buf_adds(out, ",\"reply_missing\":[");
	for (int i = 0; i < d->missing->n; i++) {
		if (i > 0)
			buf_addc(out, ',');
		json_write_string(out, d->missing->v[i],
		    strlen(d->missing->v[i]));
	}
	buf_adds(out, "],\"reply_lang\":");
	json_write_string(out, d->reply_lang, strlen(d->reply_lang));
	buf_adds(out, ",\"buyer_lang\":");
	if (d->buyer_lang[0] != '\0')
		json_write_string(out, d->buyer_lang, strlen(d->buyer_lang));
	else
		buf_adds(out, "null");
	if (d->needs_human)
		buf_adds(out, ",\"needs_human\":true");
}

void
reply_annotate(cJSON *ev, const struct reply_result *r)
{
	struct reply_draft d;
	cJSON *miss = cJSON_CreateArray();

	reply_draft_of(r, &d);
	json_put(ev, "reply", cJSON_CreateString(buf_str(&r->text)));
	json_put(ev, "template", cJSON_CreateString(r->tpl->id));
	if (r->tpl->variant != NULL)
		json_put(ev, "variant", cJSON_CreateString(r->tpl->variant));
	else
		json_put(ev, "variant", cJSON_CreateNull());
	for (int i = 0; i < r->missing.n; i++)
		cJSON_AddItemToArray(miss, cJSON_CreateString(r->missing.v[i]));
	json_put(ev, "reply_missing", miss);
	json_put(ev, "reply_lang", cJSON_CreateString(d.reply_lang));
	json_put(ev, "buyer_lang", d.buyer_lang[0] ?
	    cJSON_CreateString(d.buyer_lang) : cJSON_CreateNull());
	if (d.needs_human)
		json_put(ev, "needs_human", cJSON_CreateTrue());
}

/* Runs: many events, names resolved once ---------------------------------- */

/* The fields cs-reply adds, by slot in a run. */
enum {
	OUT_REPLY, OUT_TEMPLATE, OUT_VARIANT, OUT_MISSING, OUT_REPLY_LANG,
	OUT_BUYER_LANG, OUT_NEEDS_HUMAN, OUT_AUTO_DRAFT, OUT_AUTO_TEMPLATE,
	OUT_N
};
static const char *const out_names[OUT_N] = {
	"reply", "template", "variant", "reply_missing", "reply_lang",
	"buyer_lang", "needs_human", "auto_reply_draft", "auto_reply_template"
};

#define SELECT_CACHE_MAX 4096	/* (plan, intent, special) kept */

struct reply_run {
	struct reply_lib	*lib;
	const struct reply_opts	*o;
	struct hmap		 names;		/* field name → slot */
	struct nametab		 fast;		/* the same, for the walk */
	int			 nslots;
	const cJSON		**ev_slot;	/* the event's first field of
						 * each name */
	const cJSON		**slot;		/* what templates see */
	int			 field_slot[RF_N];
	int			 derived_slot[RD_N];	/* -1: no template
							 * shows it */
	unsigned char		 need[RD_N];
	int			 out_slot[OUT_N];
	int			*map_source;	/* per field-map pair */
	int			*map_canonical;
	int			*set_slot;	/* per --set value */
	int			 nset;
	struct reply_fields	 fields;
	struct reply_derived	 derived;
	struct hmap		 chosen;	/* selection cache: key → set
						 * number + 1, 0 for none */
	struct partial_memo	 partials[PARTIAL_MEMO];
	struct buf		 key;
	struct buf		 num;
	const cJSON		*ev;		/* for `.` outside sections */
	const struct reply_plan	*plan;
	const struct reply_turn	*turn;
	cJSON			*self;
	struct reply_plan	 scratch;	/* a plan past the cache */
	/* Turns. */
	struct reply_convs	*convs;
	struct reply_result	 tres;		/* the turn's draft, made */
	struct reply_conv	*awaiting;	/* whose draft wants a ticket */
	struct buf		 text_order;	/* an order number in a text */
	struct buf		 text_folded;	/* orderref's scratch */
	int			 want_same;	/* reply_run_index_from */
	reply_release_fn	 release;
	void			*release_arg;
};

static int
intern(void *arg, const char *name)
{
	struct reply_run *run = arg;

	return (int)hmap_put(&run->names, name, strlen(name), NULL);
}

static int
find_name(const struct reply_run *run, const char *name)
{
	size_t i = hmap_find(&run->names, name, strlen(name));

	return i == HMAP_NONE ? -1 : (int)i;
}

/* Number every name a template or partial of the library uses. */
static void
bind_library(struct reply_run *run)
{
	struct reply_lib *lib = run->lib;

	for (size_t i = 0; i < hmap_count(&lib->sindex); i++)
		for (int k = 0; k < lib->sets[i].n; k++)
			mst_bind(lib->sets[i].v[k]->t, intern, run);
	for (size_t i = 0; i < hmap_count(&lib->pindex); i++)
		mst_bind(lib->parts[i].t, intern, run);
}

int
reply_run_want(const struct reply_run *run, struct ev_want *w)
{
	const struct reply_lib *lib = run->lib;

	/* `.` at the top shows the whole event: every field is needed. */
	for (size_t i = 0; i < hmap_count(&lib->sindex); i++)
		for (int k = 0; k < lib->sets[i].n; k++)
			if (mst_root_self(lib->sets[i].v[k]->t))
				return -1;
	for (size_t i = 0; i < hmap_count(&lib->pindex); i++)
		if (mst_root_self(lib->parts[i].t))
			return -1;
	/* Every name a template, the context or the output uses. */
	for (size_t i = 0; i < hmap_count(&run->names); i++)
		ev_want_add(w, hmap_at(&run->names, i)->key);
	return 0;
}

/* The conversation being forgotten ends its turn first. */
static void close_turn(struct reply_run *, struct reply_conv *);

static void
forget_conv(void *arg, struct reply_conv *c)
{
	close_turn(arg, c);
}

struct reply_run *
reply_run_new(struct reply_lib *lib, const struct reply_opts *o)
{
	struct reply_run *run = xcalloc(1, sizeof(*run));

	run->fast = (struct nametab)NAMETAB_INIT;
	const struct fieldmap *map = reply_map(o);
	struct hmap empty = HMAP_INIT;
	const cJSON *v;
	int k;

	run->lib = lib;
	run->o = o;
	run->names = empty;
	run->chosen = empty;
	bind_library(run);
	/* Derived values no template shows need not be computed. */
	for (k = 0; k < RD_N; k++) {
		run->derived_slot[k] = find_name(run, reply_derived_names[k]);
		run->need[k] = run->derived_slot[k] >= 0;
	}
	for (k = 0; k < RF_N; k++)
		run->field_slot[k] = intern(run,
		    fieldmap_source(map, reply_field_names[k]));
	for (k = 0; k < OUT_N; k++)
		run->out_slot[k] = intern(run, out_names[k]);
	run->map_source = xcalloc((size_t)map->n + 1, sizeof(int));
	run->map_canonical = xcalloc((size_t)map->n + 1, sizeof(int));
	for (k = 0; k < map->n; k++) {
		run->map_source[k] = intern(run, map->pairs[k].source);
		run->map_canonical[k] = intern(run, map->pairs[k].canonical);
	}
	if (o->set != NULL)
		cJSON_ArrayForEach(v, o->set)
			run->nset++;
	run->set_slot = xcalloc((size_t)run->nset + 1, sizeof(int));
	k = 0;
	if (o->set != NULL)
		cJSON_ArrayForEach(v, o->set)
			run->set_slot[k++] = intern(run, v->string);
	run->nslots = (int)hmap_count(&run->names);
	for (size_t i = 0; i < hmap_count(&run->names); i++) {
		const struct hmap_entry *h = hmap_at(&run->names, i);
		nametab_add(&run->fast, h->key, h->len);
	}
	run->ev_slot = xcalloc((size_t)run->nslots, sizeof(*run->ev_slot));
	run->slot = xcalloc((size_t)run->nslots, sizeof(*run->slot));
	run->convs = reply_convs_new(o->max_convs, forget_conv, run);
	return run;
}

void
reply_run_on_release(struct reply_run *run, reply_release_fn fn, void *arg)
{
	run->release = fn;
	run->release_arg = arg;
}

void
reply_run_free(struct reply_run *run)
{
	if (run == NULL)
		return;
	hmap_free(&run->names);
	nametab_free(&run->fast);
	hmap_free(&run->chosen);
	free(run->ev_slot);
	free(run->slot);
	free(run->map_source);
	free(run->map_canonical);
	free(run->set_slot);
	reply_derived_free(&run->derived);
	reply_result_free(&run->tres);
	reply_convs_free(run->convs);
	buf_free(&run->key);
	buf_free(&run->num);
	buf_free(&run->text_order);
	buf_free(&run->text_folded);
	cJSON_Delete(run->self);
	free(run);
}

/*
 * One walk over the event's fields: the first field of every name the run
 * knows (as json_get finds it).
 */
static void
index_event(struct reply_run *run, const cJSON *ev)
{
	memset(run->ev_slot, 0, (size_t)run->nslots * sizeof(*run->ev_slot));
	for (const cJSON *it = ev->child; it != NULL; it = it->next) {
		int i;
		if (it->string == NULL)
			continue;
		size_t len = strlen(it->string);
		i = len == 0 ? -1 : (int)nametab_find(&run->fast, it->string,
		    len);
		if (i >= 0 && run->ev_slot[i] == NULL)
			run->ev_slot[i] = it;
	}
	for (int k = 0; k < RF_N; k++)
		run->fields.v[k] = run->ev_slot[run->field_slot[k]];
}

/*
 * FAST PATH for index_event: the reader has found the first member of
 * every wanted name already (ev_record's first), and the want list is the
 * run's own names in their order (reply_run_index_from said so), so the
 * walk is a copy.  index_event stays the plain path (reply_run_step, and
 * events read without a want list); test_reply checks one against the
 * other.
 */
static void
index_given(struct reply_run *run, const cJSON *const *first)
{
	memcpy(run->ev_slot, first, (size_t)run->nslots *
	    sizeof(*run->ev_slot));
	for (int k = 0; k < RF_N; k++)
		run->fields.v[k] = run->ev_slot[run->field_slot[k]];
}

int
reply_run_index_from(struct reply_run *run, const struct ev_want *w)
{
	run->want_same = 0;
	if (w == NULL || ev_want_count(w) != (size_t)run->nslots)
		return 0;
	/* By content: a thread's run (-j) has its own library and names,
	 * in the same order as the run that made the list. */
	for (int i = 0; i < run->nslots; i++) {
		const struct hmap_entry *e = hmap_at(&run->names, (size_t)i);
		if (w->names.len[i] != e->len ||
		    memcmp(w->names.name[i], e->key, e->len) != 0)
			return 0;
	}
	run->want_same = 1;
	return 1;
}

/* The versions for a plan, intent and special case, remembered; *p
 * becomes the default language's plan when the buyer's chain has none. */
#define FELL	((uint64_t)1 << 62)

static const struct tpl_set *
run_select(struct reply_run *run, const struct reply_plan **pp,
    const char *intent, const char *special)
{
	const struct reply_plan *p = *pp;
	const struct tpl_set *g;
	size_t i;

	if (p == &run->scratch)
		return select_or_fall(run->lib, run->o, pp, intent, special);
	buf_reset(&run->key);
	buf_add(&run->key, &p, sizeof(p));
	buf_addc(&run->key, special == NULL ? '-' : special[0]);
	if (intent != NULL)
		buf_adds(&run->key, intent);
	i = hmap_find(&run->chosen, run->key.data, run->key.len);
	if (i != HMAP_NONE) {
		uint64_t n = hmap_at(&run->chosen, i)->val.num;
		if (n & FELL)
			*pp = fallback_plan(run->lib, run->o);
		n &= ~FELL;
		return n == 0 ? NULL : &run->lib->sets[n - 1];
	}
	g = select_or_fall(run->lib, run->o, pp, intent, special);
	if (hmap_count(&run->chosen) < SELECT_CACHE_MAX) {
		i = hmap_put(&run->chosen, run->key.data, run->key.len, NULL);
		hmap_at(&run->chosen, i)->val.num = (g == NULL ? 0 :
		    (uint64_t)(g - run->lib->sets) + 1) |
		    (*pp != p ? FELL : 0);
	}
	return g;
}

/* `.` outside every section: the derived context as an object. */
static const cJSON *
run_self(void *arg)
{
	struct reply_run *run = arg;

	if (run->self == NULL)
		run->self = reply_context(run->o, run->plan, run->turn, run->ev);
	return run->self;
}

/*
 * What the templates see: the event's fields, under them the canonical
 * names of mapped fields, the derived values and the --set values, in the
 * order reply_context() lists them (a later one shadows an earlier one; a
 * --set value only fills a name nothing else gave).
 */
static void
fill_slots(struct reply_run *run, const struct reply_plan *p,
    const struct reply_turn *t)
{
	const struct fieldmap *map = reply_map(run->o);
	const cJSON *v;
	int k;

	memcpy(run->slot, run->ev_slot,
	    (size_t)run->nslots * sizeof(*run->slot));
	for (k = 0; k < map->n; k++)
		if ((v = run->ev_slot[run->map_source[k]]) != NULL)
			run->slot[run->map_canonical[k]] = v;
	reply_derive(p, &run->fields, t, run->need, &run->derived);
	for (k = 0; k < RD_N; k++)
		if (run->derived_slot[k] >= 0 &&
		    run->derived.item[k].type != cJSON_Invalid)
			run->slot[run->derived_slot[k]] =
			    &run->derived.item[k];
	k = 0;
	if (run->o->set != NULL)
		cJSON_ArrayForEach(v, run->o->set) {
			if (run->slot[run->set_slot[k]] == NULL)
				run->slot[run->set_slot[k]] = v;
			k++;
		}
}

/*
 * Render the draft for the current event (indexed) in res: the plan of
 * (lang, country), the template for intent and special, the turn's facts.
 * 0, or -1 with the reason in err.
 */
static int
run_render(struct reply_run *run, const struct choice *c,
    const struct reply_turn *t, struct reply_result *res, struct buf *err)
{
	const struct reply_plan *p;
	const struct tpl_set *g;
	const struct reply_tpl *tpl;
	struct mst_render_opts ro = { 0 };
	struct reply_turn turn = *t;
	int rc;

	p = c->plan != NULL ? c->plan : reply_plan_for(run->lib, run->o,
	    c->lang, c->country, &run->scratch);
	copy_tag(res->buyer_lang, p->buyer);
	if ((g = run_select(run, &p, c->intent, c->special)) == NULL) {
		no_template(run->o, c, err);
		return -1;
	}
	tpl = pick_version(g, run->o, c->key);
	turn.referred_only = c->special != NULL &&
	    strcmp(c->special, "auto_reply") == 0;
	if (turn.topic == NULL)
		turn.topic = reply_fields_str(&run->fields, RF_TOPIC);
	turn.topic_answer = topic_answer(run->lib, p, turn.topic);
	fill_slots(run, p, &turn);
	run->plan = p;
	run->turn = &turn;
	ro.slots = run->slot;
	ro.nslots = run->nslots;
	ro.self = run_self;
	ro.self_ctx = run;
	rc = render_plan(run->lib, tpl, p, turn.topic, run->o->escape_html,
	    &ro, NULL, 0, p == &run->scratch ? NULL : run->partials, res,
	    err);
	run->turn = NULL;
	cJSON_Delete(run->self);
	run->self = NULL;
	if (p == &run->scratch)
		res->plan = NULL;	/* the scratch plan does not live on */
	return rc;
}

/* The order facts of an order event, for the join. */
static void
note_order(struct reply_run *run)
{
	const struct reply_fields *f = &run->fields;
	struct reply_order o;

	memset(&o, 0, sizeof(o));
	o.id = reply_fields_str(f, RF_ORDER_ID);
	o.product = reply_fields_str(f, RF_PRODUCT);
	o.currency = reply_fields_str(f, RF_CURRENCY);
	o.status = reply_fields_str(f, RF_STATUS);
	if (o.status == NULL)
		o.status = reply_fields_str(f, RF_ORDER_STATUS);
	o.tracking_url = reply_fields_str(f, RF_TRACKING_URL);
	o.coupon = reply_fields_str(f, RF_COUPON);
	if (cJSON_IsNumber(f->v[RF_AMOUNT])) {
		o.amount = f->v[RF_AMOUNT]->valuedouble;
		o.has_amount = 1;
	}
	if (cJSON_IsNumber(f->v[RF_REFUND_AMOUNT])) {
		o.refund_amount = f->v[RF_REFUND_AMOUNT]->valuedouble;
		o.has_refund = 1;
	}
	reply_convs_order(run->convs, reply_fields_str(f, RF_CUSTOMER), &o);
}

/*
 * The event's own order number, or one in its text (in run->text_order):
 * one of her orders the stream has shown first, so that "SO-20002" finds
 * that order, and a number that is none of hers joins none of them.
 */
static const char *
message_order(struct reply_run *run)
{
	const char *id = reply_fields_str(&run->fields, RF_ORDER_ID);
	const char *known[REPLY_ORDERS_KEPT + 1];
	size_t nknown;

	nknown = reply_convs_order_ids(run->convs,
	    reply_fields_str(&run->fields, RF_CUSTOMER), known);
	if (id != NULL)
		known[nknown++] = id;	/* "so-20002" is the field's order */
	buf_reset(&run->text_order);
	if (orderref_find(reply_fields_str(&run->fields, RF_TEXT), known,
	    nknown, &run->text_folded, &run->text_order) != 0)
		return id;
	/* Another order than the field's, named in her words, is the one
	 * she asks about: the export's order_id is often the last one or
	 * the conversation's first (issue 18, REVIEW.md d-en-12). */
	return id == NULL || !reply_same_order(id, run->text_order.data) ?
	    run->text_order.data : id;
}

/*
 * The order the turn names, joined: the one of hers with that number,
 * else (no number) her only order.  A number that is none of the orders
 * the stream has shown joins nothing, so that no other order's facts are
 * stated, and it is one order more than those: she is not a first-time
 * buyer (issue 18, d-fr-2's "votre première commande").
 */
static void
join_order(struct reply_run *run, struct reply_turn *t)
{
	t->order = reply_convs_join(run->convs,
	    reply_fields_str(&run->fields, RF_CUSTOMER), t->order_id,
	    &t->orders_count);
	if (t->order_id != NULL && t->order == NULL && t->orders_count > 0)
		t->orders_count++;
}

/* A turn of one message: only the order join (--each-message). */
static void
join_only(struct reply_run *run, struct reply_turn *t)
{
	memset(t, 0, sizeof(*t));
	t->order_id = message_order(run);
	join_order(run, t);
}

/* The message's facts added to its conversation's open turn. */
static void
turn_add(struct reply_run *run, struct reply_conv *c)
{
	const struct reply_fields *f = &run->fields;
	const char *intent = reply_fields_str(f, RF_INTENT);
	const char *topic = reply_fields_str(f, RF_TOPIC);
	const char *order = message_order(run);

	c->nmsg++;
	/* "hello??" after a question keeps the question's intent. */
	if (intent != NULL && (strcmp(intent, "other") != 0 ||
	    c->intent[0] == '\0')) {
		if (reply_conv_put(c->intent, intent))
			c->topic[0] = '\0';
	}
	if (topic != NULL && strcmp(topic, "ack") != 0)
		reply_conv_put(c->topic, topic);
	if (order != NULL)
		reply_conv_put(c->order_id, order);
	c->angry |= reply_fields_angry(f);
	c->urgent |= reply_fields_urgent(f);
	c->needs_video |= reply_fields_flag(f, RF_NEEDS_VIDEO);
}

static void
turn_of(struct reply_run *run, const struct reply_conv *c,
    struct reply_turn *t)
{
	memset(t, 0, sizeof(*t));
	t->intent = reply_conv_get(c->intent);
	t->topic = reply_conv_get(c->topic);
	t->order_id = reply_conv_get(c->order_id);
	t->angry = c->angry;
	t->urgent = c->urgent;
	t->needs_video = c->needs_video;
	t->followup = c->nmsg >= 2;
	join_order(run, t);
}

/* A draft's hash, eight bytes a step (drafts are a few hundred bytes,
 * hashed once each). */
static uint64_t
text_hash(const struct buf *b)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ b->len, w;
	size_t i = 0;

	for (; i + 8 <= b->len; i += 8) {
		memcpy(&w, b->data + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 29;
	}
	w = 0;
	memcpy(&w, b->data + i, b->len - i);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	return h ^ h >> 32;
}

/*
 * End a conversation's turn: its pending draft is released, or released
 * without a draft when it repeats the last one written.
 */
static void
close_turn(struct reply_run *run, struct reply_conv *c)
{
	if (c->has_pending) {
		struct reply_pending *pd = &c->pending;
		struct reply_draft d;
		uint64_t h = text_hash(&pd->text);
		int repeat = h == c->last_draft;

		d.text = buf_str(&pd->text);
		d.len = pd->text.len;
		d.tpl_id = pd->tpl_id;
		d.variant = pd->variant;
		d.missing = &pd->missing;
		d.reply_lang = pd->reply_lang;
		d.buyer_lang = pd->buyer_lang;
		d.needs_human = pd->needs_human;
		if (!repeat)
			c->last_draft = h;
		if (run->release != NULL)
			run->release(run->release_arg, pd->ticket,
			    repeat ? NULL : &d);
		pd->ticket = 0;
	}
	reply_conv_end_turn(c);
}

/* A newer message of the turn takes the draft: the older goes without. */
static void
supersede(struct reply_run *run, struct reply_conv *c)
{
	if (!c->has_pending)
		return;
	if (run->release != NULL)
		run->release(run->release_arg, c->pending.ticket, NULL);
	c->pending.ticket = 0;
	c->has_pending = 0;
}

/* Keep the turn's draft (in run->tres) with its conversation. */
static void
keep_pending(struct reply_run *run, struct reply_conv *c)
{
	struct reply_pending *pd = &c->pending;
	struct reply_draft d;

	reply_draft_of(&run->tres, &d);
	buf_reset(&pd->text);
	buf_add(&pd->text, d.text, d.len);
	pd->tpl_id = d.tpl_id;
	pd->variant = d.variant;
	mst_names_clear(&pd->missing);
	for (int i = 0; i < d.missing->n; i++)
		mst_names_add(&pd->missing, d.missing->v[i]);
	copy_tag(pd->reply_lang, d.reply_lang);
	copy_tag(pd->buyer_lang, d.buyer_lang);
	pd->needs_human = d.needs_human;
	pd->ticket = 0;
	c->has_pending = 1;
	run->awaiting = c;
}

static cs_time
event_time(const struct reply_run *run)
{
	const cJSON *ts = run->fields.v[RF_TS];
	struct ts_parser plain = { NULL, { NULL } };
	const char *why;
	cs_time t;

	if (cJSON_IsString(ts) && ts_parse(run->o->ts != NULL ? run->o->ts :
	    &plain, ts->valuestring, &t, &why) == 0)
		return t;
	if (cJSON_IsNumber(ts) && ts_from_number(ts->valuedouble, &t,
	    &why) == 0)
		return t;
	return CS_TIME_NONE;
}

/*
 * May this message get an auto-reply?  Not within --quiet-after of an
 * agent's message, and once per closed period (cs-tzsched's next_open).
 */
static int
auto_allowed(struct reply_run *run, struct reply_conv *c)
{
	const char *period = reply_fields_str(&run->fields, RF_NEXT_OPEN);
	cs_time now = event_time(run);

	if (period == NULL)
		period = reply_fields_str(&run->fields, RF_REPLY_DUE);
	if (period == NULL)
		period = "";
	if (c->last_agent != CS_TIME_NONE && now != CS_TIME_NONE &&
	    now - c->last_agent < (cs_time)(run->o->quiet_after * 1000))
		return 0;
	return reply_conv_put(c->period, period);
}

/* Does the event already have a field the draft would add?  (Not
 * needs_human: cs-classify sets it on every message; it is set now.) */
static int
has_out_fields(const struct reply_run *run)
{
	for (int k = 0; k < OUT_N; k++)
		if (k != OUT_NEEDS_HUMAN &&
		    run->ev_slot[run->out_slot[k]] != NULL)
			return 1;
	return 0;
}

static int
is_closing_status(const char *s)
{
	return s != NULL && (strcmp(s, "resolved") == 0 ||
	    strcmp(s, "closed") == 0 || strcmp(s, "solved") == 0);
}

/* Does the message say it needs no reply (cs-classify's ack)? */
static int
needs_no_reply(const struct reply_fields *f)
{
	const cJSON *nr = f->v[RF_NEEDS_REPLY];

	return cJSON_IsFalse(nr) || (cJSON_IsString(nr) &&
	    strcmp(nr->valuestring, "false") == 0) ||
	    reply_fields_flag(f, RF_ACK);
}

/* A customer message in a conversation, with turns. */
static int
step_buyer(struct reply_run *run, struct reply_conv *c,
    struct reply_step *step, struct reply_result *res, struct buf *err)
{
	const struct reply_fields *f = &run->fields;
	struct reply_turn t;
	struct choice ch;
	int rc;

	choice_of(f, &ch, &run->num);
	if (ch.lang != NULL && strcmp(ch.lang, "und") != 0 &&
	    reply_conv_put(c->lang, ch.lang))
		c->plan = NULL;
	if (ch.country != NULL && reply_conv_put(c->country, ch.country))
		c->plan = NULL;
	if (needs_no_reply(f))
		return 1;
	/* The conversation's earlier language when this one has none; its
	 * plan kept with it (a kept plan lives as long as the library). */
	ch.lang = reply_conv_get(c->lang);
	ch.country = reply_conv_get(c->country);
	if (c->plan == NULL) {
		const struct reply_plan *p = reply_plan_for(run->lib, run->o,
		    ch.lang, ch.country, &run->scratch);
		c->plan = p != &run->scratch ? p : NULL;
	}
	ch.plan = c->plan;
	turn_add(run, c);
	turn_of(run, c, &t);
	if (ch.special != NULL && strcmp(ch.special, "auto_reply") == 0 &&
	    auto_allowed(run, c)) {
		if ((rc = run_render(run, &ch, &t, res, err)) != 0)
			return rc;
		if (text_hash(&res->text) != c->last_auto) {
			c->last_auto = text_hash(&res->text);
			step->draft = 1;
			step->auto_reply = 1;
		}
	}
	/* The turn's draft, for the agent: the turn's intent, never the
	 * auto-reply. */
	ch.special = t.needs_video ? "video_call" : NULL;
	ch.intent = t.intent;
	supersede(run, c);
	if ((rc = run_render(run, &ch, &t, &run->tres, err)) != 0)
		return rc;
	if (has_out_fields(run)) {
		/* Its own fields would be added twice at release: the draft
		 * goes on now, beside an auto-reply if it got one, and the
		 * turn ends here. */
		if (step->draft)
			step->turn_now = 1;
		else {
			reply_result_swap(res, &run->tres);
			step->draft = 1;
		}
		reply_conv_end_turn(c);
		return 0;
	}
	keep_pending(run, c);
	if (c->pending.needs_human &&
	    run->ev_slot[run->out_slot[OUT_NEEDS_HUMAN]] != NULL) {
		/* The event has its own needs_human (cs-classify's): set it
		 * now, not added again at the release. */
		step->needs_human = 1;
		c->pending.needs_human = 0;
	}
	step->hold = 1;
	return 0;
}

static int draft_indexed(struct reply_run *, const cJSON *,
    struct reply_result *, struct buf *);

static int step_indexed(struct reply_run *, const cJSON *,
    struct reply_step *, struct reply_result *, struct buf *);

int
reply_run_step(struct reply_run *run, const cJSON *ev,
    struct reply_step *step, struct reply_result *res, struct buf *err)
{
	index_event(run, ev);
	return step_indexed(run, ev, step, res, err);
}

int
reply_run_step_read(struct reply_run *run, const cJSON *ev,
    const cJSON *const *first, size_t nfirst, struct reply_step *step,
    struct reply_result *res, struct buf *err)
{
	if (run->want_same && first != NULL && nfirst == (size_t)run->nslots)
		index_given(run, first);
	else
		index_event(run, ev);
	return step_indexed(run, ev, step, res, err);
}

/* reply_run_step, the event indexed. */
static int
step_indexed(struct reply_run *run, const cJSON *ev,
    struct reply_step *step, struct reply_result *res, struct buf *err)
{
	const struct reply_fields *f = &run->fields;
	const char *type, *role, *key;
	struct reply_conv *c;

	memset(step, 0, sizeof(*step));
	run->awaiting = NULL;
	run->ev = ev;
	type = reply_fields_str(f, RF_TYPE);
	role = reply_fields_str(f, RF_ROLE);
	if (type != NULL && strcmp(type, "order") == 0) {
		note_order(run);
		return 1;
	}
	if (run->o->each_message) {
		int rc = draft_indexed(run, ev, res, err);
		step->draft = rc == 0;
		return rc;
	}
	key = conv_key(f, &run->num);
	if (type != NULL && strcmp(type, "status") == 0) {
		if (key != NULL && is_closing_status(reply_fields_str(f,
		    RF_STATUS)) && (c = reply_convs_find(run->convs, key)))
			close_turn(run, c);
		return 1;
	}
	if (type != NULL && strcmp(type, "message") != 0)
		return 1;
	if (role != NULL && strcmp(role, "agent") == 0) {
		if (key != NULL) {
			c = reply_convs_get(run->convs, key);
			close_turn(run, c);
			c->last_agent = event_time(run);
		}
		return 1;
	}
	if (role != NULL && strcmp(role, "customer") != 0)
		return 1;
	if (key == NULL) {
		/* No conversation to follow: a draft for the message. */
		int rc;
		if (needs_no_reply(f))
			return 1;
		rc = draft_indexed(run, ev, res, err);
		step->draft = rc == 0;
		return rc;
	}
	return step_buyer(run, reply_convs_get(run->convs, key), step, res,
	    err);
}

const struct reply_result *
reply_run_turn_draft(const struct reply_run *run)
{
	return &run->tres;
}

void *
reply_run_awaiting(const struct reply_run *run)
{
	return run->awaiting;
}

void
reply_run_held(struct reply_run *run, uint64_t ticket)
{
	if (run->awaiting != NULL)
		run->awaiting->pending.ticket = ticket;
	run->awaiting = NULL;
}

static void
close_each(void *arg, struct reply_conv *c)
{
	close_turn(arg, c);
}

void
reply_run_flush(struct reply_run *run, uint64_t ticket, void *owner)
{
	struct reply_conv *c = owner;

	if (ticket == 0) {
		reply_convs_each(run->convs, close_each, run);
		return;
	}
	/* A held event's owner is live: forgetting a conversation releases
	 * its event first. */
	if (c != NULL && c->has_pending && c->pending.ticket == ticket)
		close_turn(run, c);
}

/* The draft of the event just indexed, as a message of its own. */
static int
draft_indexed(struct reply_run *run, const cJSON *ev,
    struct reply_result *res, struct buf *err)
{
	struct reply_turn t;
	struct choice c;

	if (!reply_wanted_fields(&run->fields))
		return 1;
	choice_of(&run->fields, &c, &run->num);
	join_only(run, &t);
	run->ev = ev;
	return run_render(run, &c, &t, res, err);
}

int
reply_run_event(struct reply_run *run, const cJSON *ev,
    struct reply_result *res, struct buf *err)
{
	index_event(run, ev);
	return draft_indexed(run, ev, res, err);
}

/* Set field k of ev: appended when the event has none (the usual case). */
static void
run_set(struct reply_run *run, cJSON *ev, int k, cJSON *item)
{
	if (run->ev_slot[run->out_slot[k]] == NULL)
		cJSON_AddItemToObjectCS(ev, out_names[k], item);
	else
		json_set(ev, out_names[k], item);
}

void
reply_run_annotate(struct reply_run *run, cJSON *ev,
    const struct reply_result *r)
{
	struct reply_draft d;
	cJSON *miss = cJSON_CreateArray();

	/* The strings stay the result's and the library's: the event is
	 * written before the next one is replied to. */
	reply_draft_of(r, &d);
	run_set(run, ev, OUT_REPLY, cJSON_CreateStringReference(d.text));
	run_set(run, ev, OUT_TEMPLATE, cJSON_CreateStringReference(d.tpl_id));
	run_set(run, ev, OUT_VARIANT, d.variant != NULL ?
	    cJSON_CreateStringReference(d.variant) : cJSON_CreateNull());
	for (int i = 0; i < r->missing.n; i++)
		cJSON_AddItemToArray(miss,
		    cJSON_CreateStringReference(r->missing.v[i]));
	run_set(run, ev, OUT_MISSING, miss);
	run_set(run, ev, OUT_REPLY_LANG,
	    cJSON_CreateStringReference(d.reply_lang));
	run_set(run, ev, OUT_BUYER_LANG, d.buyer_lang[0] ?
	    cJSON_CreateStringReference(d.buyer_lang) : cJSON_CreateNull());
	if (d.needs_human)
		run_set(run, ev, OUT_NEEDS_HUMAN, cJSON_CreateTrue());
}

void
reply_run_annotate_human(struct reply_run *run, cJSON *ev)
{
	run_set(run, ev, OUT_NEEDS_HUMAN, cJSON_CreateTrue());
}

void
reply_run_annotate_auto(struct reply_run *run, cJSON *ev,
    const struct reply_result *r)
{
	run_set(run, ev, OUT_AUTO_DRAFT,
	    cJSON_CreateStringReference(buf_str(&r->text)));
	run_set(run, ev, OUT_AUTO_TEMPLATE,
	    cJSON_CreateStringReference(r->tpl->id));
}

/* Lint ------------------------------------------------------------------- */

int
reply_lib_nlangs(const struct reply_lib *lib)
{
	return (int)hmap_count(&lib->langs);
}

const char *
reply_lib_lang(const struct reply_lib *lib, int i)
{
	return lib->ldirs[i].tag;
}

const char *
reply_lib_lang_conf(const struct reply_lib *lib, int i)
{
	return lib->ldirs[i].conf;
}

int
reply_lib_is_override(const struct reply_lib *lib, int i)
{
	struct reply_opts o = { 0 };
	struct reply_plan scratch;
	const struct reply_plan *p = reply_plan_for(lib, &o, lib->ldirs[i].tag,
	    NULL, &scratch);

	for (int k = 0; k < p->n; k++)
		if (p->chain[k] != i)
			return 1;
	return 0;
}

const char *
reply_lib_setting(const struct reply_lib *lib, int i, enum reply_setting k)
{
	struct reply_opts o = { 0 };
	struct reply_plan scratch;

	return reply_plan_for(lib, &o, lib->ldirs[i].tag, NULL,
	    &scratch)->set[k];
}

int
reply_lib_has_file(const struct reply_lib *lib, int i, const char *name,
    int partial)
{
	const char *key = hmap_at(&lib->langs, (size_t)i)->key;
	char k[256];

	if (!partial)
		return find_set(lib, key, strlen(key), name) != NULL;
	if ((size_t)snprintf(k, sizeof(k), "%s/%s", key, name) >= sizeof(k))
		return 0;
	return hmap_find(&lib->pindex, k, strlen(k)) != HMAP_NONE;
}

void
reply_lib_each_file(const struct reply_lib *lib,
    void (*fn)(void *arg, const struct reply_file *), void *arg)
{
	struct reply_file f;

	for (size_t i = 0; i < hmap_count(&lib->sindex); i++) {
		const struct tpl_set *g = &lib->sets[i];
		for (int k = 0; k < g->n; k++) {
			f.lang = g->v[k]->lang;
			f.name = g->v[k]->name;
			f.path = g->v[k]->path;
			f.t = g->v[k]->t;
			f.tpl = g->v[k];
			f.partial = 0;
			fn(arg, &f);
		}
	}
	for (size_t i = 0; i < hmap_count(&lib->pindex); i++) {
		const struct partial *pt = &lib->parts[i];
		char lang[LANGTAG_MAX * 2];
		size_t n = strcspn(pt->key, "/");
		snprintf(lang, sizeof(lang), "%.*s", (int)n, pt->key);
		f.lang = lang;
		f.name = pt->key + n + 1;
		f.path = pt->path;
		f.t = pt->t;
		f.tpl = NULL;
		f.partial = 1;
		fn(arg, &f);
	}
}

/* The language number of a lower-case directory key, or -1. */
int
reply_lib_lang_number(const struct reply_lib *lib, const char *key)
{
	return lang_number(lib, key);
}

struct lint_walk {
	const struct reply_lib	*lib;
	const char		*lang;
	const char		*path;
	struct buf		*report;
	int			 problems;
	const char *const	*only;	/* languages checked; NULL: all */
};

static void
lint_partial(void *arg, const char *name, int line, int col)
{
	struct lint_walk *lw = arg;
	struct partial_ctx pc = { lw->lib, lw->lang, NULL, NULL, NULL };

	/* {{> topic}} is the turn's topic's partial, found per message. */
	if (strcmp(name, "topic") == 0 || find_partial(&pc, name) != NULL)
		return;
	buf_printf(lw->report, "%s:%d:%d: unknown partial '%s'\n", lw->path,
	    line, col, name);
	lw->problems++;
}

/*
 * A trial rendering with an empty context: catches partials that include
 * themselves outside any section (inside one, it depends on the data).
 */
static void
lint_render(const struct reply_lib *lib, const struct reply_tpl *t,
    struct lint_walk *lw)
{
	struct reply_result res = { 0 };
	struct buf err = BUF_INIT;
	cJSON *empty = cJSON_CreateObject();
	const cJSON *ctx = empty;

	if (reply_render(lib, t, &ctx, 1, 0, &res, &err) != 0) {
		buf_printf(lw->report, "%s: %s\n", t->path, buf_str(&err));
		lw->problems++;
	}
	cJSON_Delete(empty);
	reply_result_free(&res);
	buf_free(&err);
}

/* Is the language (lower key) one of those checked, or an override of
 * one of them? */
int
reply_lint_wanted(const struct reply_lib *lib, const char *const *only,
    const char *key)
{
	struct reply_opts o = { 0 };
	struct reply_plan scratch;
	const struct reply_plan *p;
	char want[LANGTAG_MAX];

	if (only == NULL)
		return 1;
	if (*key == '\0')
		return 1;	/* the library root's partials */
	p = reply_plan_for(lib, &o, key, NULL, &scratch);
	for (int i = 0; only[i] != NULL; i++) {
		tag_key(only[i], want, sizeof(want));
		for (int k = 0; k < p->n; k++)
			if (strcmp(hmap_at(&lib->langs,
			    (size_t)p->chain[k])->key, want) == 0)
				return 1;
	}
	return 0;
}

int
reply_lint(const struct reply_lib *lib, const char *const *only,
    struct buf *report)
{
	struct lint_walk lw = { lib, NULL, NULL, report, 0, only };

	for (size_t i = 0; i < hmap_count(&lib->sindex); i++) {
		const struct tpl_set *g = &lib->sets[i];
		for (int k = 0; k < g->n; k++) {
			if (!reply_lint_wanted(lib, only, g->v[k]->lang))
				continue;
			lw.lang = g->v[k]->lang;
			lw.path = g->v[k]->path;
			mst_foreach_partial(g->v[k]->t, lint_partial, &lw);
			lint_render(lib, g->v[k], &lw);
		}
	}
	for (size_t i = 0; i < hmap_count(&lib->pindex); i++) {
		const struct partial *p = &lib->parts[i];
		char *lang = xstrndup(p->key, strcspn(p->key, "/"));
		if (reply_lint_wanted(lib, only, lang)) {
			lw.lang = lang;
			lw.path = p->path;
			mst_foreach_partial(p->t, lint_partial, &lw);
		}
		free(lang);
	}
	/* Every intent in each language that is not a regional override
	 * (those take what they lack from their base). */
	for (size_t i = 0; i < hmap_count(&lib->langs); i++) {
		const char *lang = hmap_at(&lib->langs, i)->key;
		if (!reply_lint_wanted(lib, only, lang) ||
		    !lang_has_templates(lib, (int)i) ||
		    reply_lib_is_override(lib, (int)i))
			continue;
		for (int k = 0; reply_intents[k] != NULL; k++) {
			if (find_set(lib, lang, strlen(lang),
			    reply_intents[k]) != NULL)
				continue;
			buf_printf(report, "%s: no template for intent '%s'\n",
			    lang, reply_intents[k]);
			lw.problems++;
		}
	}
	return lw.problems;
}
