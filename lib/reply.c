/*
 * reply — template libraries, selection with language fallback and A/B
 * variants, and the context a reply template renders with.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "hmap.h"
#include "json.h"
#include "reply.h"
#include "ts.h"

const char *const reply_intents[] = {
	"shipping", "return", "refund", "payment", "complaint", "product",
	"discount", "order_change", "account", "other", NULL
};

/* An empty field map for callers that have none. */
static const struct fieldmap no_map = FIELDMAP_INIT;
#define MAP(o) ((o)->map != NULL ? (o)->map : &no_map)

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
	unsigned long h = 2166136261UL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h = (h * 16777619UL) & 0xffffffffUL;
	}
	return h;
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

/* Does tag start with the language code, on a subtag boundary? */
static size_t
tag_has_prefix(const char *tag, const char *code)
{
	size_t n = strlen(code);

	return strncmp(tag, code, n) == 0 && (tag[n] == '\0' || tag[n] == '-') ?
	    n : 0;
}

/*
 * Chinese of Taiwan, Hong Kong and Macao is written in traditional
 * characters: zh-TW tries zh-Hant before zh.
 */
static int
traditional_chinese(const char *lang)
{
	return tag_has_prefix(lang, "zh-tw") || tag_has_prefix(lang, "zh-hk") ||
	    tag_has_prefix(lang, "zh-mo");
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

/* The context ------------------------------------------------------------ */

int
reply_wanted(const struct reply_opts *o, const cJSON *ev)
{
	const char *type = fieldmap_str(MAP(o), ev, "type");
	const char *role = fieldmap_str(MAP(o), ev, "role");

	return (type == NULL || strcmp(type, "message") == 0) &&
	    (role == NULL || strcmp(role, "customer") == 0);
}

static int
is_true(const cJSON *v)
{
	return cJSON_IsTrue(v) ||
	    (cJSON_IsString(v) && strcmp(v->valuestring, "true") == 0);
}

static int
get_number(const struct reply_opts *o, const cJSON *ev, const char *name,
    double *out)
{
	const cJSON *v = fieldmap_get(MAP(o), ev, name);

	if (cJSON_IsNumber(v)) {
		*out = v->valuedouble;
		return 0;
	}
	return -1;
}

/* first_time / returning: stated by the event, or from its orders count. */
static void
buyer_history(const struct reply_opts *o, const cJSON *ev, cJSON *c)
{
	static const char *const counts[] = {
		"orders_count", "order_count", "orders", NULL
	};
	const cJSON *ft = fieldmap_get(MAP(o), ev, "first_time");
	const cJSON *ret = fieldmap_get(MAP(o), ev, "returning");
	double n;
	int first = 0, back = 0;

	if (cJSON_IsBool(ret) || cJSON_IsBool(ft)) {
		back = cJSON_IsBool(ret) ? cJSON_IsTrue(ret) : !cJSON_IsTrue(ft);
		first = !back;
	} else {
		for (int i = 0; counts[i] != NULL; i++) {
			if (get_number(o, ev, counts[i], &n) == 0) {
				back = n >= 2;
				first = !back;
				break;
			}
		}
	}
	json_set_bool(c, "first_time", first);
	json_set_bool(c, "returning", back);
}

static int
is_urgent(const struct reply_opts *o, const cJSON *ev)
{
	const cJSON *u = fieldmap_get(MAP(o), ev, "urgency");

	if (cJSON_IsNumber(u))
		return u->valuedouble >= 2;
	if (cJSON_IsString(u))
		return strcmp(u->valuestring, "high") == 0 ||
		    strcmp(u->valuestring, "urgent") == 0;
	return is_true(fieldmap_get(MAP(o), ev, "urgent"));
}

static int
is_angry(const struct reply_opts *o, const cJSON *ev)
{
	const cJSON *s = fieldmap_get(MAP(o), ev, "sentiment");
	double score;

	if (is_true(fieldmap_get(MAP(o), ev, "escalate")))
		return 1;
	if (cJSON_IsNumber(s))
		return s->valuedouble <= -0.5;
	if (!cJSON_IsString(s) || strcmp(s->valuestring, "negative") != 0)
		return 0;
	return get_number(o, ev, "sentiment_score", &score) != 0 ||
	    score <= -0.5;
}

/* Local wall-clock time as written in an RFC 3339 stamp with an offset. */
struct wall {
	int	y, mon, d, h, min;
};

/* n decimal digits at s, or -1. */
static int
digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* "YYYY-MM-DDTHH:MM…" (or a space for T). */
static int
parse_wall(const char *s, struct wall *w)
{
	if (s == NULL || strlen(s) < 16 || s[4] != '-' || s[7] != '-' ||
	    (s[10] != 'T' && s[10] != ' ') || s[13] != ':')
		return -1;
	w->y = digits(s, 4);
	w->mon = digits(s + 5, 2);
	w->d = digits(s + 8, 2);
	w->h = digits(s + 11, 2);
	w->min = digits(s + 14, 2);
	if (w->y < 0 || w->mon < 1 || w->mon > 12 || w->d < 1 || w->d > 31 ||
	    w->h < 0 || w->h > 23 || w->min < 0 || w->min > 59)
		return -1;
	return 0;
}

/* Seconds east of UTC of an RFC 3339 stamp's offset; -1 when it has none. */
static int
stamp_offset(const char *s, int *off)
{
	size_t n = s ? strlen(s) : 0;
	int hh, mm;

	if (n < 6)
		return -1;
	if (s[n - 1] == 'Z') {
		*off = 0;
		return 0;
	}
	if ((s[n - 6] != '+' && s[n - 6] != '-') || s[n - 3] != ':' ||
	    (hh = digits(s + n - 5, 2)) < 0 || (mm = digits(s + n - 2, 2)) < 0)
		return -1;
	*off = (hh * 3600 + mm * 60) * (s[n - 6] == '-' ? -1 : 1);
	return 0;
}

struct date_words {
	const char	*lang;
	const char	*weekday[7];	/* Monday first */
	const char	*month[12];
	const char	*layout;	/* W weekday, D day, M month, N month
					 * number, T hh:mm */
};

static const struct date_words date_words[] = {
	{ "en", { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	    "Saturday", "Sunday" }, { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December" }, "W, M D, T" },
	{ "de", { "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag",
	    "Samstag", "Sonntag" }, { "Januar", "Februar", "März", "April",
	    "Mai", "Juni", "Juli", "August", "September", "Oktober",
	    "November", "Dezember" }, "W, D. M, T Uhr" },
	{ "fr", { "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
	    "dimanche" }, { "janvier", "février", "mars", "avril", "mai",
	    "juin", "juillet", "août", "septembre", "octobre", "novembre",
	    "décembre" }, "W D M à T" },
	{ "es", { "lunes", "martes", "miércoles", "jueves", "viernes",
	    "sábado", "domingo" }, { "enero", "febrero", "marzo", "abril",
	    "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
	    "noviembre", "diciembre" }, "W D de M a las T" },
	{ "pt", { "segunda-feira", "terça-feira", "quarta-feira",
	    "quinta-feira", "sexta-feira", "sábado", "domingo" }, { "janeiro",
	    "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
	    "setembro", "outubro", "novembro", "dezembro" },
	    "W, D de M, às T" },
	{ "id", { "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu",
	    "Minggu" }, { "Januari", "Februari", "Maret", "April", "Mei",
	    "Juni", "Juli", "Agustus", "September", "Oktober", "November",
	    "Desember" }, "W, D M, pukul T" },
	{ "ja", { "月", "火", "水", "木", "金", "土", "日" }, { NULL },
	    "N月D日(W) T" },
	{ "zh", { "周一", "周二", "周三", "周四", "周五", "周六", "周日" },
	    { NULL }, "N月D日（W）T" },
	{ "zh-hant", { "週一", "週二", "週三", "週四", "週五", "週六", "週日" },
	    { NULL }, "N月D日（W）T" },
};

/* The local time in the words of the buyer's language. */
static void
wall_words(const struct wall *w, const char *lang, struct buf *out)
{
	const struct date_words *dw = NULL;
	int wd = ts_weekday(ts_days_from_civil(w->y, w->mon, w->d));
	size_t best = 0, n;

	/* The longest code that matches: zh-hant before zh. */
	for (size_t i = 0; i < sizeof(date_words) / sizeof(date_words[0]); i++)
		if ((n = tag_has_prefix(lang, date_words[i].lang)) > best) {
			best = n;
			dw = &date_words[i];
		}
	if (dw == NULL) {
		buf_printf(out, "%04d-%02d-%02d %02d:%02d", w->y, w->mon, w->d,
		    w->h, w->min);
		return;
	}
	for (const char *p = dw->layout; *p; p++) {
		switch (*p) {
		case 'W': buf_adds(out, dw->weekday[wd]); break;
		case 'D': buf_printf(out, "%d", w->d); break;
		case 'M': buf_adds(out, dw->month[w->mon - 1]); break;
		case 'N': buf_printf(out, "%d", w->mon); break;
		case 'T': buf_printf(out, "%02d:%02d", w->h, w->min); break;
		default: buf_addc(out, *p); break;
		}
	}
}

/*
 * reply_due_local from cs-tzsched, else reply_due (or next_open) shown at
 * the offset of the buyer's local_time; then its words.
 */
static void
due_time(const struct reply_opts *o, const cJSON *ev, const char *lang,
    cJSON *c)
{
	const char *local = fieldmap_str(MAP(o), ev, "reply_due_local");
	const char *utc = fieldmap_str(MAP(o), ev, "reply_due");
	struct buf b = BUF_INIT;
	struct wall w;
	cs_time t;
	int off;
	const char *why;
	struct ts_parser tp = { NULL, NULL };

	if (utc == NULL)
		utc = fieldmap_str(MAP(o), ev, "next_open");
	if (local == NULL && utc != NULL &&
	    stamp_offset(fieldmap_str(MAP(o), ev, "local_time"), &off) == 0 &&
	    ts_parse(&tp, utc, &t, &why) == 0) {
		ts_format_offset(t, off, &b);
		json_set_str(c, "reply_due_local", b.data);
		local = cJSON_GetObjectItemCaseSensitive(c,
		    "reply_due_local")->valuestring;
	}
	if (parse_wall(local, &w) == 0) {
		buf_reset(&b);
		wall_words(&w, lang, &b);
		json_set_str(c, "reply_due_text", b.data);
		buf_reset(&b);
		buf_printf(&b, "%02d:%02d", w.h, w.min);
		json_set_str(c, "reply_due_time", b.data);
		buf_reset(&b);
		buf_printf(&b, "%04d-%02d-%02d", w.y, w.mon, w.d);
		json_set_str(c, "reply_due_date", b.data);
	}
	buf_free(&b);
}

static int
is_alnum(char c)
{
	return isalnum((unsigned char)c) != 0;
}

/* Length of the order number that starts at s[i], or 0. */
static size_t
order_ref_at(const char *s, size_t i, size_t n)
{
	size_t k, d = 0;

	if (s[i] == '#') {
		/* "#11295", "#SO-20391": a hash and at least 4 digits. */
		for (k = i + 1; k < n && (is_alnum(s[k]) || s[k] == '-'); k++)
			d += isdigit((unsigned char)s[k]) != 0;
		return d >= 4 && k - i <= 25 ? k - i : 0;
	}
	if (i > 0 && is_alnum(s[i - 1]))
		return 0;
	/* Amazon: 3-7-7 digits. */
	if (n - i >= 19 && s[i + 3] == '-' && s[i + 11] == '-' &&
	    (i + 19 == n || !is_alnum(s[i + 19]))) {
		for (k = 0; k < 19; k++)
			if (k != 3 && k != 11 && !isdigit((unsigned char)s[i + k]))
				break;
		if (k == 19)
			return 19;
	}
	/* Shopee: a date (6 digits) and 8 capitals or digits, one a letter. */
	if (n - i >= 14 && (i + 14 == n || !is_alnum(s[i + 14]))) {
		int letters = 0;
		for (k = 0; k < 14; k++) {
			char c = s[i + k];
			if (k < 6 ? !isdigit((unsigned char)c) :
			    !(isdigit((unsigned char)c) || (c >= 'A' && c <= 'Z')))
				break;
			letters += c >= 'A' && c <= 'Z';
		}
		if (k == 14 && letters > 0)
			return 14;
	}
	return 0;
}

/*
 * order_id from the message text when the event has none: buyers write
 * their order number more often than exports carry it, and a draft that
 * asks for a number the buyer already gave reads badly.
 */
static void
order_from_text(const struct reply_opts *o, const cJSON *ev, cJSON *c)
{
	const char *text = fieldmap_str(MAP(o), ev, "text");
	const cJSON *have = fieldmap_get(MAP(o), ev, "order_id");
	size_t n, len;

	if (text == NULL || (have != NULL && !cJSON_IsNull(have) &&
	    !(cJSON_IsString(have) && have->valuestring[0] == '\0')))
		return;
	n = strlen(text);
	for (size_t i = 0; i < n; i++) {
		if ((len = order_ref_at(text, i, n)) > 0) {
			char *ref = xstrndup(text + i, len);
			json_set_str(c, "order_id", ref);
			free(ref);
			return;
		}
	}
}

/* The amount as buyers write it: 59,90 EUR in de fr es pt, 59.90 EUR else. */
static void
amount_words(const struct reply_opts *o, const cJSON *ev, const char *lang,
    cJSON *c)
{
	static const char *const comma[] = { "de", "fr", "es", "pt", "it", "nl",
	    "ru", "id", NULL };
	const char *cur = fieldmap_str(MAP(o), ev, "currency");
	struct buf b = BUF_INIT;
	double a;
	int decimals = 2;

	if (get_number(o, ev, "amount", &a) != 0)
		return;
	/* Currencies whose prices are written without cents. */
	if (cur != NULL && (strcmp(cur, "JPY") == 0 || strcmp(cur, "KRW") == 0 ||
	    strcmp(cur, "IDR") == 0 || strcmp(cur, "VND") == 0))
		decimals = 0;
	buf_printf(&b, "%.*f", decimals, a);
	for (int i = 0; comma[i] != NULL; i++)
		if (strncmp(lang, comma[i], 2) == 0 &&
		    (lang[2] == '\0' || lang[2] == '-') && decimals > 0)
			b.data[b.len - 3] = ',';
	if (cur != NULL && *cur != '\0')
		buf_printf(&b, " %s", cur);
	json_set_str(c, "amount_text", b.data);
	buf_free(&b);
}

cJSON *
reply_context(const struct reply_opts *o, const cJSON *ev, const char *lang)
{
	cJSON *c = cJSON_CreateObject();
	const cJSON *v;

	/* Canonical names of mapped fields, so templates use one vocabulary. */
	for (int i = 0; o->map != NULL && i < o->map->n; i++) {
		v = cJSON_GetObjectItemCaseSensitive(ev, o->map->pairs[i].source);
		if (v != NULL)
			json_set(c, o->map->pairs[i].canonical,
			    cJSON_Duplicate(v, 1));
	}
	buyer_history(o, ev, c);
	json_set_bool(c, "urgent", is_urgent(o, ev));
	json_set_bool(c, "angry", is_angry(o, ev));
	json_set_bool(c, "needs_video",
	    is_true(fieldmap_get(MAP(o), ev, "needs_video")));
	json_set_str(c, "reply_lang", lang);
	due_time(o, ev, lang, c);
	amount_words(o, ev, lang, c);
	order_from_text(o, ev, c);
	if (o->set != NULL)
		cJSON_ArrayForEach(v, o->set)
			if (cJSON_GetObjectItemCaseSensitive(ev, v->string) ==
			    NULL)
				json_set(c, v->string, cJSON_Duplicate(v, 1));
	return c;
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

	if (is_true(fieldmap_get(MAP(o), ev, "auto_reply")))
		special = "auto_reply";
	else if (is_true(fieldmap_get(MAP(o), ev, "needs_video")))
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
