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

#include "event.h"
#include "hmap.h"
#include "json.h"
#include "nametab.h"
#include "hash.h"
#include "reply.h"
#include "replyctx.h"

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

struct reply_lib {
	struct hmap	 sindex;	/* "lang/name" → entry number = set */
	struct tpl_set	*sets;
	struct hmap	 pindex;	/* partial key → entry number = partial */
	struct hmap	 broken;	/* partial keys whose file did not
					 * compile */
	struct partial	*parts;
	int		 ndirs;
	int		 ntpl;
};

struct reply_lib *
reply_lib_new(void)
{
	struct reply_lib *lib = xcalloc(1, sizeof(*lib));
	struct hmap empty = HMAP_INIT;

	lib->sindex = empty;
	lib->pindex = empty;
	lib->broken = empty;
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
	free(lib->sets);
	free(lib->parts);
	hmap_free(&lib->sindex);
	hmap_free(&lib->pindex);
	hmap_free(&lib->broken);
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
			if (word_ok(ents[i], strlen(ents[i])))
				load_lang(lib, dir, ents[i], errs, &nerr);
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

/*
 * Chinese of Taiwan, Hong Kong and Macao is written in traditional
 * characters: zh-TW tries zh-Hant before zh.
 */
static int
traditional_chinese(const char *lang)
{
	return reply_tag_prefix(lang, "zh-tw") || reply_tag_prefix(lang, "zh-hk") ||
	    reply_tag_prefix(lang, "zh-mo");
}

static const struct tpl_set *
try_lang(const struct reply_lib *lib, const char *lang, size_t len,
    const char *const *names)
{
	for (int i = 0; names[i] != NULL; i++) {
		const struct tpl_set *g = find_set(lib, lang, len, names[i]);
		if (g != NULL)
			return g;
	}
	return NULL;
}

static const struct tpl_set *
select_in(const struct reply_lib *lib, const char *tag,
    const char *const *names)
{
	char *lang = lower(tag, strlen(tag));
	const struct tpl_set *g = NULL;

	for (size_t len = strlen(lang); len > 0 && g == NULL;
	    len = parent_tag(lang, len)) {
		if (len == 2 && traditional_chinese(lang))
			g = try_lang(lib, "zh-hant", 7, names);
		if (g == NULL)
			g = try_lang(lib, lang, len, names);
	}
	free(lang);
	return g;
}

/* The versions of the template for an event (before the variant pick). */
static const struct tpl_set *
select_set(const struct reply_lib *lib, const struct reply_opts *o,
    const char *lang, const char *intent, const char *special)
{
	const char *names[4];
	const struct tpl_set *g = NULL;
	int n = 0;

	if (special != NULL)
		names[n++] = special;
	if (intent != NULL && *intent != '\0')
		names[n++] = intent;
	names[n++] = "other";
	names[n] = NULL;
	if (lang != NULL && *lang != '\0' && strcmp(lang, "und") != 0)
		g = select_in(lib, lang, names);
	if (g == NULL && o->default_lang != NULL)
		g = select_in(lib, o->default_lang, names);
	return g;
}

const struct reply_tpl *
reply_select(const struct reply_lib *lib, const struct reply_opts *o,
    const char *lang, const char *intent, const char *special,
    const char *key)
{
	const struct tpl_set *g = select_set(lib, o, lang, intent, special);

	return g != NULL ? pick_version(g, o, key) : NULL;
}

/* Partials: the template's language, its parents, then the library root. */
struct partial_ctx {
	const struct reply_lib	*lib;
	const char		*lang;
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

static const struct mst_template *
find_partial(void *arg, const char *name)
{
	const struct partial_ctx *pc = arg;

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

int
reply_render(const struct reply_lib *lib, const struct reply_tpl *t,
    const cJSON *const *ctx, int nctx, int escape_html,
    struct reply_result *res, struct buf *err)
{
	struct partial_ctx pc = { lib, t->lang };
	struct mst_render_opts ro = { 0 };

	buf_reset(&res->text);
	mst_names_clear(&res->missing);
	res->tpl = t;
	ro.escape_html = escape_html;
	ro.partial = find_partial;
	ro.partial_ctx = &pc;
	ro.missing = &res->missing;
	return mst_render(t->t, ctx, nctx, &ro, &res->text, err);
}

/* What selection reads of an event. */
struct choice {
	const char	*lang;
	const char	*intent;
	const char	*special;	/* NULL, auto_reply, video_call */
	const char	*key;		/* for variants; may be NULL */
};

/* The choice for an event's fields; key may point into num. */
static void
choice_of(const struct reply_fields *f, struct choice *c, struct buf *num)
{
	const cJSON *conv = f->v[RF_CONVERSATION];

	c->lang = cJSON_IsString(f->v[RF_LANG]) ?
	    f->v[RF_LANG]->valuestring : NULL;
	c->intent = cJSON_IsString(f->v[RF_INTENT]) ?
	    f->v[RF_INTENT]->valuestring : NULL;
	c->special = NULL;
	if (reply_fields_flag(f, RF_AUTO_REPLY))
		c->special = "auto_reply";
	else if (reply_fields_flag(f, RF_NEEDS_VIDEO))
		c->special = "video_call";
	c->key = cJSON_IsString(conv) ? conv->valuestring : NULL;
	if (c->key == NULL && cJSON_IsString(f->v[RF_CUSTOMER]))
		c->key = f->v[RF_CUSTOMER]->valuestring;
	if (c->key == NULL && cJSON_IsNumber(conv)) {
		/* Some exports number their conversations. */
		buf_reset(num);
		json_write_number(num, conv->valuedouble);
		c->key = buf_str(num);
	}
}

static void
no_template(const struct reply_opts *o, const struct choice *c,
    struct buf *err)
{
	buf_printf(err, "no template for intent '%s' in language '%s' or '%s'",
	    c->intent ? c->intent : "other", c->lang ? c->lang : "",
	    o->default_lang ? o->default_lang : "");
}

int
reply_event(const struct reply_lib *lib, const struct reply_opts *o,
    const cJSON *ev, struct reply_result *res, struct buf *err)
{
	struct reply_fields f;
	struct choice c;
	struct buf num = BUF_INIT;
	const struct reply_tpl *t;
	const cJSON *ctx[2];
	cJSON *derived;
	int rc;

	reply_fields_get(o, ev, &f);
	choice_of(&f, &c, &num);
	t = reply_select(lib, o, c.lang, c.intent, c.special, c.key);
	buf_free(&num);
	if (t == NULL) {
		no_template(o, &c, err);
		return -1;
	}
	derived = reply_context(o, ev, t->lang);
	ctx[0] = ev;
	ctx[1] = derived;
	rc = reply_render(lib, t, ctx, 2, o->escape_html, res, err);
	cJSON_Delete(derived);
	return rc;
}

void
reply_annotate(cJSON *ev, const struct reply_result *r)
{
	cJSON *miss = cJSON_CreateArray();

	json_put(ev, "reply", cJSON_CreateString(buf_str(&r->text)));
	json_put(ev, "template", cJSON_CreateString(r->tpl->id));
	if (r->tpl->variant != NULL)
		json_put(ev, "variant", cJSON_CreateString(r->tpl->variant));
	else
		json_put(ev, "variant", cJSON_CreateNull());
	for (int i = 0; i < r->missing.n; i++)
		cJSON_AddItemToArray(miss, cJSON_CreateString(r->missing.v[i]));
	json_put(ev, "reply_missing", miss);
}

/* Runs: many events, names resolved once ---------------------------------- */

/* The fields cs-reply adds, by slot in a run. */
enum { OUT_REPLY, OUT_TEMPLATE, OUT_VARIANT, OUT_MISSING, OUT_N };
static const char *const out_names[OUT_N] = {
	"reply", "template", "variant", "reply_missing"
};

#define SELECT_CACHE_MAX 4096	/* (lang, intent, special) kept */

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
	struct buf		 key;
	struct buf		 num;
	const cJSON		*ev;		/* for `.` outside sections */
	const char		*lang;
	cJSON			*self;
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
	return run;
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
	buf_free(&run->key);
	buf_free(&run->num);
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

/* The versions for a choice, remembered for the next event like it. */
static const struct tpl_set *
run_select(struct reply_run *run, const struct choice *c)
{
	const struct tpl_set *g;
	size_t i;

	buf_reset(&run->key);
	buf_addc(&run->key, c->special == NULL ? '-' : c->special[0]);
	if (c->lang != NULL)
		buf_adds(&run->key, c->lang);
	buf_addc(&run->key, '\0');
	if (c->intent != NULL)
		buf_adds(&run->key, c->intent);
	i = hmap_find(&run->chosen, run->key.data, run->key.len);
	if (i != HMAP_NONE) {
		uint64_t n = hmap_at(&run->chosen, i)->val.num;
		return n == 0 ? NULL : &run->lib->sets[n - 1];
	}
	g = select_set(run->lib, run->o, c->lang, c->intent, c->special);
	if (hmap_count(&run->chosen) < SELECT_CACHE_MAX) {
		i = hmap_put(&run->chosen, run->key.data, run->key.len, NULL);
		hmap_at(&run->chosen, i)->val.num = g == NULL ? 0 :
		    (uint64_t)(g - run->lib->sets) + 1;
	}
	return g;
}

/* `.` outside every section: the derived context as an object. */
static const cJSON *
run_self(void *arg)
{
	struct reply_run *run = arg;

	if (run->self == NULL)
		run->self = reply_context(run->o, run->ev, run->lang);
	return run->self;
}

/*
 * What the templates see: the event's fields, under them the canonical
 * names of mapped fields, the derived values and the --set values, in the
 * order reply_context() lists them (a later one shadows an earlier one).
 */
static void
fill_slots(struct reply_run *run, const char *lang)
{
	const struct fieldmap *map = reply_map(run->o);
	const cJSON *v;
	int k;

	memcpy(run->slot, run->ev_slot,
	    (size_t)run->nslots * sizeof(*run->slot));
	for (k = 0; k < map->n; k++)
		if ((v = run->ev_slot[run->map_source[k]]) != NULL)
			run->slot[run->map_canonical[k]] = v;
	reply_derive(&run->fields, lang, run->need, &run->derived);
	for (k = 0; k < RD_N; k++)
		if (run->derived_slot[k] >= 0 &&
		    run->derived.item[k].type != cJSON_Invalid)
			run->slot[run->derived_slot[k]] =
			    &run->derived.item[k];
	k = 0;
	if (run->o->set != NULL)
		cJSON_ArrayForEach(v, run->o->set) {
			if (run->ev_slot[run->set_slot[k]] == NULL)
				run->slot[run->set_slot[k]] = v;
			k++;
		}
}

int
reply_run_event(struct reply_run *run, const cJSON *ev,
    struct reply_result *res, struct buf *err)
{
	const struct tpl_set *g;
	const struct reply_tpl *t;
	struct choice c;
	struct partial_ctx pc;
	struct mst_render_opts ro = { 0 };
	int rc;

	index_event(run, ev);
	if (!reply_wanted_fields(&run->fields))
		return 1;
	choice_of(&run->fields, &c, &run->num);
	if ((g = run_select(run, &c)) == NULL) {
		no_template(run->o, &c, err);
		return -1;
	}
	t = pick_version(g, run->o, c.key);
	fill_slots(run, t->lang);
	run->ev = ev;
	run->lang = t->lang;
	buf_reset(&res->text);
	mst_names_clear(&res->missing);
	res->tpl = t;
	pc.lib = run->lib;
	pc.lang = t->lang;
	ro.escape_html = run->o->escape_html;
	ro.partial = find_partial;
	ro.partial_ctx = &pc;
	ro.missing = &res->missing;
	ro.slots = run->slot;
	ro.nslots = run->nslots;
	ro.self = run_self;
	ro.self_ctx = run;
	rc = mst_render(t->t, NULL, 0, &ro, &res->text, err);
	cJSON_Delete(run->self);
	run->self = NULL;
	return rc;
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
	cJSON *miss = cJSON_CreateArray();

	/* The strings stay the result's and the library's: the event is
	 * written before the next one is replied to. */
	run_set(run, ev, OUT_REPLY, cJSON_CreateStringReference(
	    buf_str(&r->text)));
	run_set(run, ev, OUT_TEMPLATE, cJSON_CreateStringReference(r->tpl->id));
	run_set(run, ev, OUT_VARIANT, r->tpl->variant != NULL ?
	    cJSON_CreateStringReference(r->tpl->variant) : cJSON_CreateNull());
	for (int i = 0; i < r->missing.n; i++)
		cJSON_AddItemToArray(miss,
		    cJSON_CreateStringReference(r->missing.v[i]));
	run_set(run, ev, OUT_MISSING, miss);
}

/* Lint ------------------------------------------------------------------- */

struct lint_walk {
	const struct reply_lib	*lib;
	const char		*lang;
	const char		*path;
	struct buf		*report;
	int			 problems;
};

static void
lint_partial(void *arg, const char *name, int line, int col)
{
	struct lint_walk *lw = arg;
	struct partial_ctx pc = { lw->lib, lw->lang };

	if (find_partial(&pc, name) != NULL)
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

int
reply_lint(const struct reply_lib *lib, struct buf *report)
{
	struct lint_walk lw = { lib, NULL, NULL, report, 0 };
	struct hmap langs = HMAP_INIT;

	for (size_t i = 0; i < hmap_count(&lib->sindex); i++) {
		const struct tpl_set *g = &lib->sets[i];
		for (int k = 0; k < g->n; k++) {
			lw.lang = g->v[k]->lang;
			lw.path = g->v[k]->path;
			mst_foreach_partial(g->v[k]->t, lint_partial, &lw);
			lint_render(lib, g->v[k], &lw);
			hmap_put(&langs, lw.lang, strlen(lw.lang), NULL);
		}
	}
	for (size_t i = 0; i < hmap_count(&lib->pindex); i++) {
		const struct partial *p = &lib->parts[i];
		char *lang = xstrndup(p->key, strcspn(p->key, "/"));
		lw.lang = lang;
		lw.path = p->path;
		mst_foreach_partial(p->t, lint_partial, &lw);
		free(lang);
	}
	for (size_t i = 0; i < hmap_count(&langs); i++) {
		const char *lang = hmap_at(&langs, i)->key;
		for (int k = 0; reply_intents[k] != NULL; k++) {
			if (find_set(lib, lang, strlen(lang),
			    reply_intents[k]) != NULL)
				continue;
			buf_printf(report, "%s: no template for intent '%s'\n",
			    lang, reply_intents[k]);
			lw.problems++;
		}
	}
	hmap_free(&langs);
	return lw.problems;
}
