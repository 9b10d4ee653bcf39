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

#include "hmap.h"
#include "json.h"
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
struct group {
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
	struct hmap	 gindex;	/* "lang/name" → entry number = group */
	struct group	*groups;
	struct hmap	 pindex;	/* partial key → entry number = partial */
	struct partial	*parts;
	int		 ndirs;
	int		 ntpl;
};

struct reply_lib *
reply_lib_new(void)
{
	struct reply_lib *lib = xcalloc(1, sizeof(*lib));
	struct hmap empty = HMAP_INIT;

	lib->gindex = empty;
	lib->pindex = empty;
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
group_clear(struct group *g)
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
	for (size_t i = 0; i < hmap_count(&lib->gindex); i++)
		group_clear(&lib->groups[i]);
	for (size_t i = 0; i < hmap_count(&lib->pindex); i++) {
		free(lib->parts[i].key);
		free(lib->parts[i].path);
		mst_free(lib->parts[i].t);
	}
	free(lib->groups);
	free(lib->parts);
	hmap_free(&lib->gindex);
	hmap_free(&lib->pindex);
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

	if (t == NULL)
		return;
	buf_printf(&key, "%s/%.*s", lang, (int)nlen, name);
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
	struct group *g;
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
	i = hmap_put(&lib->gindex, key.data, key.len, &added);
	buf_free(&key);
	if (added) {
		lib->groups = xrealloc(lib->groups,
		    hmap_count(&lib->gindex) * sizeof(*lib->groups));
		memset(&lib->groups[i], 0, sizeof(lib->groups[i]));
	}
	g = &lib->groups[i];
	if (!added && g->owner != lib->ndirs) {
		/* A later directory replaces every version of the pair. */
		lib->ntpl -= g->n;
		group_clear(g);
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

static const struct group *
find_group(const struct reply_lib *lib, const char *lang, size_t llen,
    const char *name)
{
	char key[256];
	size_t len, i;

	if (make_key(key, sizeof(key), lang, llen, name, &len) != 0)
		return NULL;
	i = hmap_find(&lib->gindex, key, len);
	return i == HMAP_NONE || lib->groups[i].n == 0 ? NULL :
	    &lib->groups[i];
}

static const struct reply_tpl *
pick_version(const struct group *g, const struct reply_opts *o,
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

static const struct reply_tpl *
try_lang(const struct reply_lib *lib, const struct reply_opts *o,
    const char *lang, size_t len, const char *const *names, const char *key)
{
	for (int i = 0; names[i] != NULL; i++) {
		const struct group *g = find_group(lib, lang, len, names[i]);
		if (g != NULL)
			return pick_version(g, o, key);
	}
	return NULL;
}

static const struct reply_tpl *
select_in(const struct reply_lib *lib, const struct reply_opts *o,
    const char *tag, const char *const *names, const char *key)
{
	char *lang = lower(tag, strlen(tag));
	const struct reply_tpl *t = NULL;

	for (size_t len = strlen(lang); len > 0 && t == NULL;
	    len = parent_tag(lang, len)) {
		if (len == 2 && traditional_chinese(lang))
			t = try_lang(lib, o, "zh-hant", 7, names, key);
		if (t == NULL)
			t = try_lang(lib, o, lang, len, names, key);
	}
	free(lang);
	return t;
}

const struct reply_tpl *
reply_select(const struct reply_lib *lib, const struct reply_opts *o,
    const char *lang, const char *intent, const char *special,
    const char *key)
{
	const char *names[4];
	const struct reply_tpl *t = NULL;
	int n = 0;

	if (special != NULL)
		names[n++] = special;
	if (intent != NULL && *intent != '\0')
		names[n++] = intent;
	names[n++] = "other";
	names[n] = NULL;
	if (lang != NULL && *lang != '\0' && strcmp(lang, "und") != 0)
		t = select_in(lib, o, lang, names, key);
	if (t == NULL && o->default_lang != NULL)
		t = select_in(lib, o, o->default_lang, names, key);
	return t;
}

/* Partials: the template's language, its parents, then the library root. */
struct partial_ctx {
	const struct reply_lib	*lib;
	const char		*lang;
};

static const struct mst_template *
find_partial(void *arg, const char *name)
{
	const struct partial_ctx *pc = arg;
	size_t len = strlen(pc->lang), klen, i;
	char key[256];

	for (;;) {
		/* Partial names keep their case: they are file names. */
		if (len + 1 + strlen(name) >= sizeof(key))
			return NULL;
		memcpy(key, pc->lang, len);
		key[len] = '/';
		strcpy(key + len + 1, name);
		klen = len + 1 + strlen(name);
		i = hmap_find(&pc->lib->pindex, key, klen);
		if (i != HMAP_NONE)
			return pc->lib->parts[i].t;
		if (len == 0)
			return NULL;
		len = parent_tag(pc->lang, len);
	}
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

int
reply_event(const struct reply_lib *lib, const struct reply_opts *o,
    const cJSON *ev, struct reply_result *res, struct buf *err)
{
	const char *lang = fieldmap_str(MAP(o), ev, "lang");
	const char *intent = fieldmap_str(MAP(o), ev, "intent");
	const char *key = fieldmap_str(MAP(o), ev, "conversation");
	const char *special = NULL;
	char *numkey = NULL;
	const struct reply_tpl *t;
	const cJSON *ctx[2];
	cJSON *derived;
	int rc;

	if (reply_flag(o, ev, "auto_reply"))
		special = "auto_reply";
	else if (reply_flag(o, ev, "needs_video"))
		special = "video_call";
	if (key == NULL)
		key = fieldmap_str(MAP(o), ev, "customer");
	if (key == NULL) {
		/* Some exports number their conversations. */
		const cJSON *n = fieldmap_get(MAP(o), ev, "conversation");
		if (cJSON_IsNumber(n)) {
			struct buf b = BUF_INIT;
			json_write_number(&b, n->valuedouble);
			key = numkey = buf_detach(&b);
		}
	}
	t = reply_select(lib, o, lang, intent, special, key);
	free(numkey);
	if (t == NULL) {
		buf_printf(err, "no template for intent '%s' in language '%s' "
		    "or '%s'", intent ? intent : "other", lang ? lang : "",
		    o->default_lang ? o->default_lang : "");
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

	json_set_str(ev, "reply", buf_str(&r->text));
	json_set_str(ev, "template", r->tpl->id);
	if (r->tpl->variant != NULL)
		json_set_str(ev, "variant", r->tpl->variant);
	else
		json_set(ev, "variant", cJSON_CreateNull());
	for (int i = 0; i < r->missing.n; i++)
		cJSON_AddItemToArray(miss, cJSON_CreateString(r->missing.v[i]));
	json_set(ev, "reply_missing", miss);
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

	for (size_t i = 0; i < hmap_count(&lib->gindex); i++) {
		const struct group *g = &lib->groups[i];
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
			if (find_group(lib, lang, strlen(lang),
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
