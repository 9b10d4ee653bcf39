#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "hmap.h"
#include "html.h"
#include "json.h"

/* ---- compiled form -------------------------------------------------------- */

enum term_kind { T_PATH, T_LITERAL, T_HTML, T_NUMBER };

struct ex_step {
	char		*name;		/* a member; NULL: the current value */
	long		 index;		/* >= 0: that element of an array */
	char		*key;		/* a lookup: the element whose key... */
	struct ex	*value;		/* ...equals this */
};

struct ex_term {
	enum term_kind	 kind;
	int		 up;		/* levels above the current one (^) */
	struct ex_step	*steps;
	int		 nsteps;
	cJSON		*literal;
	struct ex	*arg;		/* html(), number() */
};

struct ex {
	struct ex_term	*alt;		/* choices: the first present wins */
	int		 nalt;
	char		*source;
	char		*as_named;	/* a member named by the whole text,
					   tried first (NULL: a plain name) */
};

/* A lookup index: array → (key text → element). */
struct ex_index {
	const cJSON	*array;
	const char	*key;		/* the compiled step's (outlives it) */
	struct hmap	 map;
	const cJSON	**elem;		/* by entry number */
};

static void
free_term(struct ex_term *t)
{
	for (int i = 0; i < t->nsteps; i++) {
		free(t->steps[i].name);
		free(t->steps[i].key);
		ex_free(t->steps[i].value);
	}
	free(t->steps);
	cJSON_Delete(t->literal);
	ex_free(t->arg);
}

void
ex_free(struct ex *e)
{
	if (e == NULL)
		return;
	for (int i = 0; i < e->nalt; i++)
		free_term(&e->alt[i]);
	free(e->alt);
	free(e->source);
	free(e->as_named);
	free(e);
}

/* ---- parsing -------------------------------------------------------------- */

struct parser {
	const char	*s;
	size_t		 i, n;
	const char	*why;
};

static int
is_special(char c)
{
	return c == '.' || c == '[' || c == ']' || c == '^' || c == '|' ||
	    c == '(' || c == ')' || c == '"' || c == '=';
}

static void
skip_ws(struct parser *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t'))
		p->i++;
}

static int
fail(struct parser *p, const char *why)
{
	if (p->why == NULL)
		p->why = why;
	return -1;
}

/* A name: up to a special character, a backslash escaping one; spaces
 * inside kept, at the end dropped.  NULL when there is none. */
static char *
parse_name(struct parser *p)
{
	struct buf b = BUF_INIT;
	size_t keep = 0;	/* length without trailing spaces */

	while (p->i < p->n && !is_special(p->s[p->i])) {
		char c = p->s[p->i++];
		if (c == '\\' && p->i < p->n) {
			buf_addc(&b, p->s[p->i++]);
			keep = b.len;
			continue;
		}
		buf_addc(&b, c);
		if (c != ' ' && c != '\t')
			keep = b.len;
	}
	if (keep == 0) {
		buf_free(&b);
		return NULL;
	}
	b.len = keep;
	b.data[keep] = '\0';
	return buf_detach(&b);
}

static struct ex *parse_choices(struct parser *p);

static int
add_step(struct ex_term *t, char *name)
{
	t->steps = xrealloc(t->steps, sizeof *t->steps * (size_t)(t->nsteps + 1));
	t->steps[t->nsteps] = (struct ex_step){ name, -1, NULL, NULL };
	t->nsteps++;
	return 0;
}

/* "[3]" or "[key=expr]" after a step. */
static int
parse_bracket(struct parser *p, struct ex_term *t)
{
	struct ex_step *st;
	size_t start = ++p->i;

	skip_ws(p);
	if (p->i < p->n && isdigit((unsigned char)p->s[p->i])) {
		char *end;
		errno = 0;
		long v = strtol(p->s + p->i, &end, 10);
		p->i = (size_t)(end - p->s);
		skip_ws(p);
		if (errno || p->i >= p->n || p->s[p->i] != ']')
			return fail(p, "expected ']' after an index");
		p->i++;
		add_step(t, NULL);
		t->steps[t->nsteps - 1].index = v;
		return 0;
	}
	p->i = start;
	skip_ws(p);
	char *key = parse_name(p);
	if (key == NULL || p->i >= p->n || p->s[p->i] != '=') {
		free(key);
		return fail(p, "expected [N] or [KEY=VALUE]");
	}
	p->i++;
	struct ex *value = parse_choices(p);
	if (value == NULL || p->i >= p->n || p->s[p->i] != ']') {
		free(key);
		ex_free(value);
		return fail(p, "expected ']' after a lookup");
	}
	p->i++;
	add_step(t, NULL);
	st = &t->steps[t->nsteps - 1];
	st->key = key;
	st->value = value;
	return 0;
}

static int
parse_path(struct parser *p, struct ex_term *t)
{
	t->kind = T_PATH;
	while (p->i < p->n && p->s[p->i] == '^') {
		t->up++;
		p->i++;
	}
	if (p->i < p->n && p->s[p->i] == '.' &&
	    (p->i + 1 == p->n || strchr(" \t|)]", p->s[p->i + 1]) != NULL)) {
		p->i++;		/* "." or "^.": the level itself */
		return 0;
	}
	for (;;) {
		skip_ws(p);
		char *name = parse_name(p);
		if (name == NULL)
			return fail(p, "expected a name");
		add_step(t, name);
		while (p->i < p->n && p->s[p->i] == '[')
			if (parse_bracket(p, t) < 0)
				return -1;
		if (p->i < p->n && p->s[p->i] == '.') {
			p->i++;
			continue;
		}
		return 0;
	}
}

/* A string literal with backslash escapes of one character. */
static int
parse_literal(struct parser *p, struct ex_term *t)
{
	struct buf b = BUF_INIT;

	p->i++;
	while (p->i < p->n && p->s[p->i] != '"') {
		char c = p->s[p->i++];
		if (c == '\\' && p->i < p->n) {
			c = p->s[p->i++];
			c = c == 'n' ? '\n' : c == 't' ? '\t' : c;
		}
		buf_addc(&b, c);
	}
	if (p->i >= p->n) {
		buf_free(&b);
		return fail(p, "unterminated string");
	}
	p->i++;
	t->kind = T_LITERAL;
	t->literal = cJSON_CreateString(buf_str(&b));
	buf_free(&b);
	return 0;
}

/* Digits (a sign, one point) up to the end of the term: a number. */
static int
parse_number(struct parser *p, struct ex_term *t)
{
	size_t j = p->i, dots = 0, digits = 0;

	if (j < p->n && p->s[j] == '-')
		j++;
	for (; j < p->n; j++) {
		if (isdigit((unsigned char)p->s[j]))
			digits++;
		else if (p->s[j] == '.' && dots++ == 0)
			continue;
		else
			break;
	}
	size_t k = j;
	while (k < p->n && (p->s[k] == ' ' || p->s[k] == '\t'))
		k++;
	if (digits == 0 || (k < p->n && strchr("|)]", p->s[k]) == NULL))
		return 1;
	char *text = xstrndup(p->s + p->i, j - p->i);
	char *end;
	double v = strtod(text, &end);
	int ok = *end == '\0' && isfinite(v);
	free(text);
	if (!ok)
		return 1;
	t->kind = T_LITERAL;
	t->literal = cJSON_CreateNumber(v);
	p->i = j;
	return 0;
}

static int
parse_term(struct parser *p, struct ex_term *t)
{
	skip_ws(p);
	if (p->i < p->n && p->s[p->i] == '"')
		return parse_literal(p, t);
	if (parse_number(p, t) == 0)
		return 0;
	/* html(...) and number(...) */
	static const struct { const char *name; enum term_kind kind; } fns[] = {
		{ "html", T_HTML }, { "number", T_NUMBER }
	};
	for (size_t k = 0; k < 2; k++) {
		size_t len = strlen(fns[k].name);
		if (p->n - p->i > len && memcmp(p->s + p->i, fns[k].name, len) == 0
		    && p->s[p->i + len] == '(') {
			p->i += len + 1;
			t->kind = fns[k].kind;
			t->arg = parse_choices(p);
			if (t->arg == NULL)
				return -1;
			if (p->i >= p->n || p->s[p->i] != ')')
				return fail(p, "expected ')'");
			p->i++;
			return 0;
		}
	}
	return parse_path(p, t);
}

/* Choices joined by |, up to the end, ')' or ']'. */
static struct ex *
parse_choices(struct parser *p)
{
	struct ex *e = xcalloc(1, sizeof *e);

	for (;;) {
		e->alt = xrealloc(e->alt, sizeof *e->alt * (size_t)(e->nalt + 1));
		memset(&e->alt[e->nalt], 0, sizeof e->alt[0]);
		e->nalt++;
		if (parse_term(p, &e->alt[e->nalt - 1]) < 0) {
			ex_free(e);
			return NULL;
		}
		skip_ws(p);
		if (p->i < p->n && p->s[p->i] == '|') {
			p->i++;
			continue;
		}
		return e;
	}
}

/* An expression of one term of the given kind, its other fields zero. */
static struct ex *
ex_single(enum term_kind kind)
{
	struct ex *e = xcalloc(1, sizeof *e);

	e->alt = xcalloc(1, sizeof *e->alt);
	e->nalt = 1;
	e->alt[0].kind = kind;
	return e;
}

/* The whole text as one member name. */
static struct ex *
named_member(const char *text)
{
	struct ex *e = ex_single(T_PATH);

	add_step(&e->alt[0], xstrdup(text));
	return e;
}

struct ex *
ex_parse(const char *text, int mode, const char **why)
{
	struct parser p = { text, 0, strlen(text), NULL };
	struct ex *e;

	while (*text == ' ' || *text == '\t')
		text++;
	p.s = text;
	p.n = strlen(text);
	while (p.n > 0 && (text[p.n - 1] == ' ' || text[p.n - 1] == '\t'))
		p.n--;
	if (p.n == 0) {
		*why = "empty expression";
		return NULL;
	}
	e = parse_choices(&p);
	if (e != NULL && p.i < p.n) {
		ex_free(e);
		e = NULL;
		p.why = NULL;
	}
	if (e == NULL && mode == EX_STRICT) {
		*why = p.why != NULL ? p.why : "unexpected text after the "
		    "expression (a backslash escapes . [ ] ^ | ( ) \" = in a "
		    "name)";
		return NULL;
	}
	char *trimmed = xstrndup(text, p.n);
	if (e == NULL) {
		/* Not an expression: a member of that name ("Total (EUR)"). */
		e = named_member(trimmed);
	} else if (ex_plain_name(e) == NULL ||
	    strcmp(ex_plain_name(e), trimmed) != 0)
		e->as_named = xstrdup(trimmed);
	e->source = trimmed;
	return e;
}

struct ex *
ex_literal(const cJSON *v)
{
	struct ex *e = ex_single(T_LITERAL);
	struct buf b = BUF_INIT;

	e->alt[0].literal = cJSON_Duplicate(v, 1);
	json_write(&b, v);
	e->source = buf_detach(&b);
	return e;
}

struct ex *
ex_html(struct ex *inner)
{
	struct ex *e = ex_single(T_HTML);
	struct buf b = BUF_INIT;

	e->alt[0].arg = inner;
	buf_printf(&b, "html(%s)", inner->source);
	e->source = buf_detach(&b);
	return e;
}

const char *
ex_source(const struct ex *e)
{
	return e->source;
}

const char *
ex_plain_name(const struct ex *e)
{
	const struct ex_term *t = &e->alt[0];

	if (e->nalt != 1 || t->kind != T_PATH || t->up != 0 ||
	    t->nsteps != 1 || t->steps[0].name == NULL)
		return NULL;
	return t->steps[0].name;
}

const char *
ex_last_name(const struct ex *e)
{
	const struct ex_term *t = &e->alt[0];

	if (e->nalt != 1 || t->kind != T_PATH || t->nsteps == 0)
		return NULL;
	for (int i = t->nsteps - 1; i >= 0; i--)
		if (t->steps[i].name != NULL)
			return t->steps[i].name;
	return NULL;
}

int
ex_roots(const struct ex *e, void (*fn)(void *, const char *), void *ctx)
{
	int free_choices = 0;

	if (e->as_named != NULL && e->nalt == 1 && e->alt[0].kind == T_PATH)
		fn(ctx, e->as_named);	/* "a.b": a column of that name? */
	for (int i = 0; i < e->nalt; i++) {
		const struct ex_term *t = &e->alt[i];
		if (t->kind == T_LITERAL)
			free_choices++;
		else if (t->kind != T_PATH)
			free_choices += ex_roots(t->arg, fn, ctx);
		else if (t->up == 0 && t->nsteps > 0 && t->steps[0].name)
			fn(ctx, t->steps[0].name);
		else
			free_choices++;	/* ^ or ".": not a column */
	}
	return free_choices;
}

/* ---- evaluating ----------------------------------------------------------- */

static int
has_value(const cJSON *v)
{
	return v != NULL && !cJSON_IsNull(v) &&
	    !(cJSON_IsString(v) && v->valuestring[0] == '\0');
}

int
ex_present(const cJSON *v)
{
	return has_value(v) && !cJSON_IsFalse(v);
}

void
ex_text(const cJSON *v, struct buf *out)
{
	if (cJSON_IsString(v))
		buf_adds(out, v->valuestring);
	else if (cJSON_IsNumber(v) && v->valuestring != NULL)
		buf_adds(out, v->valuestring);	/* its text, kept */
	else if (cJSON_IsNumber(v))
		json_write_number(out, v->valuedouble);
	else if (cJSON_IsTrue(v))
		buf_adds(out, "true");
	else if (cJSON_IsFalse(v))
		buf_adds(out, "false");
	else if (v == NULL || cJSON_IsNull(v))
		buf_adds(out, "null");
	else
		json_write(out, v);
}

static struct ex_index *
index_of(struct ex_cache *c, const cJSON *array, const char *key)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->idx[i].array == array && c->idx[i].key == key)
			return &c->idx[i];
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 4;
		c->idx = xrealloc(c->idx, sizeof *c->idx * c->cap);
	}
	struct ex_index *x = &c->idx[c->n++];
	struct buf text = BUF_INIT;
	size_t cap = 0;

	memset(x, 0, sizeof *x);
	x->array = array;
	x->key = key;
	for (const cJSON *el = array->child; el != NULL; el = el->next) {
		const cJSON *k = json_get(el, key);
		int added;
		if (!has_value(k))
			continue;
		buf_reset(&text);
		ex_text(k, &text);
		size_t at = hmap_put(&x->map, text.data, text.len, &added);
		if (!added)
			continue;	/* the first of equal keys wins */
		if (at >= cap) {
			cap = cap ? cap * 2 : 16;
			x->elem = xrealloc(x->elem, sizeof *x->elem * cap);
		}
		x->elem[at] = el;
	}
	buf_free(&text);
	return x;
}

static const cJSON *
lookup(const struct ex_step *st, const cJSON *array,
    const struct ex_scope *sc)
{
	cJSON *made = NULL;
	const cJSON *want = ex_eval(st->value, sc, &made);
	const cJSON *found = NULL;

	if (has_value(want) && sc->cache != NULL) {
		struct buf text = BUF_INIT;
		struct ex_index *x = index_of(sc->cache, array, st->key);
		ex_text(want, &text);
		size_t at = hmap_find(&x->map, text.data, text.len);
		if (at != HMAP_NONE)
			found = x->elem[at];
		buf_free(&text);
	}
	cJSON_Delete(made);
	return found;
}

static const cJSON *
eval_path(const struct ex_term *t, const struct ex_scope *sc)
{
	if (t->up >= sc->n)
		return NULL;
	const cJSON *cur = sc->level[sc->n - 1 - t->up];

	for (int i = 0; i < t->nsteps && cur != NULL; i++) {
		const struct ex_step *st = &t->steps[i];
		if (st->name != NULL)
			cur = cJSON_IsObject(cur) ? json_get(cur, st->name) :
			    NULL;
		else if (st->index >= 0)
			cur = cJSON_IsArray(cur) && st->index <= INT32_MAX ?
			    cJSON_GetArrayItem(cur, (int)st->index) : NULL;
		else
			cur = cJSON_IsArray(cur) ? lookup(st, cur, sc) : NULL;
	}
	return cur;
}

/* "59.90", "1,234.50", "1.234,50", "-3": the number, or NAN. */
static double
text_number(const char *s)
{
	char tmp[64];
	size_t n = 0;
	const char *last_sep = NULL, *p;

	while (*s == ' ')
		s++;
	for (p = s; *p; p++)
		if (*p == '.' || *p == ',')
			last_sep = p;
	/* The decimal mark is the last separator, unless it is a comma
	 * followed by exactly three digits and nothing else ("1,234"). */
	if (last_sep && *last_sep == ',' && strlen(last_sep + 1) == 3 &&
	    strspn(last_sep + 1, "0123456789") == 3 && strchr(s, '.') == NULL)
		last_sep = NULL;
	for (p = s; *p && n < sizeof tmp - 1; p++) {
		if (p == last_sep)
			tmp[n++] = '.';
		else if (*p == ',' || *p == '.' || *p == ' ')
			continue;	/* grouping */
		else
			tmp[n++] = *p;
	}
	tmp[n] = '\0';
	if (*p != '\0' || n == 0)
		return NAN;
	char *end;
	double v = strtod(tmp, &end);
	if (*end != '\0' || !isfinite(v) || strchr(tmp, 'x') || strchr(tmp, 'X')
	    || strpbrk(tmp, "nNiI") != NULL)
		return NAN;
	return v;
}

static const cJSON *
eval_term(const struct ex_term *t, const struct ex_scope *sc, cJSON **made)
{
	const cJSON *v;

	switch (t->kind) {
	case T_PATH:
		return eval_path(t, sc);
	case T_LITERAL:
		return t->literal;
	case T_HTML:
		v = ex_eval(t->arg, sc, made);
		if (cJSON_IsString(v)) {
			struct buf b = BUF_INIT;
			html_to_text(v->valuestring, strlen(v->valuestring), &b);
			cJSON *s = cJSON_CreateString(buf_str(&b));
			buf_free(&b);
			cJSON_Delete(*made);
			*made = s;
			return s;
		}
		return v;
	case T_NUMBER:
		v = ex_eval(t->arg, sc, made);
		if (cJSON_IsString(v)) {
			double d = text_number(v->valuestring);
			cJSON_Delete(*made);
			*made = isnan(d) ? NULL : cJSON_CreateNumber(d);
			return *made;
		}
		return cJSON_IsNumber(v) ? v : NULL;
	}
	return NULL;
}

const cJSON *
ex_eval(const struct ex *e, const struct ex_scope *sc, cJSON **made)
{
	*made = NULL;
	if (e->as_named != NULL) {
		const cJSON *v = json_get(sc->level[sc->n - 1], e->as_named);
		if (has_value(v))
			return v;
	}
	for (int i = 0; i < e->nalt; i++) {
		const cJSON *v = eval_term(&e->alt[i], sc, made);
		if (has_value(v))
			return v;
		cJSON_Delete(*made);
		*made = NULL;
	}
	return NULL;
}

void
ex_cache_clear(struct ex_cache *c)
{
	for (size_t i = 0; i < c->n; i++) {
		hmap_free(&c->idx[i].map);
		free(c->idx[i].elem);
	}
	c->n = 0;
}

void
ex_cache_free(struct ex_cache *c)
{
	ex_cache_clear(c);
	free(c->idx);
	c->idx = NULL;
	c->cap = 0;
}

/* ---- globs and value maps ------------------------------------------------- */

/* Iterative, with one point to go back to: linear in practice, never
 * exponential (a '*' only ever moves the last star's anchor). */
int
ex_glob(const char *g, const char *s)
{
	const char *star = NULL, *resume = NULL;

	for (;;) {
		if (*g == '*') {
			star = ++g;
			resume = s;
			continue;
		}
		if (*s == '\0') {
			while (*g == '*')
				g++;
			return *g == '\0';
		}
		const char *gp = g;
		int literal = 0;
		if (*gp == '\\' && gp[1] != '\0') {
			gp++;
			literal = 1;
		}
		int any = !literal && *gp == '?';
		if (*gp != '\0' && (any || tolower((unsigned char)*gp) ==
		    tolower((unsigned char)*s))) {
			if (any && ((unsigned char)*s & 0xC0) == 0xC0)
				while (((unsigned char)s[1] & 0xC0) == 0x80)
					s++;	/* the rest of a UTF-8 char */
			g = gp + 1;
			s++;
			continue;
		}
		if (star == NULL)
			return 0;
		g = star;
		s = ++resume;
	}
}

/*
 * The next item of a comma list at *sp, NULL at the end.  A backslash
 * before , or = makes it part of the item (other escapes are left for the
 * glob).  With eq_at, the first bare '=' splits the item: it becomes a
 * NUL and *eq_at its offset (SIZE_MAX when there is none).
 */
static char *
list_item(const char **sp, size_t *eq_at)
{
	const char *s = *sp;
	struct buf b = BUF_INIT;

	if (*s == '\0')
		return NULL;
	if (eq_at != NULL)
		*eq_at = SIZE_MAX;
	buf_adds(&b, "");
	while (*s && *s != ',') {
		if (*s == '\\' && (s[1] == ',' || s[1] == '=')) {
			buf_addc(&b, s[1]);
			s += 2;
		} else if (*s == '=' && eq_at != NULL && *eq_at == SIZE_MAX) {
			*eq_at = b.len;
			buf_addc(&b, '\0');
			s++;
		} else
			buf_addc(&b, *s++);
	}
	*sp = *s ? s + 1 : s;
	return buf_detach(&b);
}

static char *
trim_copy(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return xstrndup(s, n);
}

/* "true", "5", "agent": the JSON value a map's target text stands for. */
static cJSON *
target_value(const char *s)
{
	if (strcmp(s, "true") == 0)
		return cJSON_CreateTrue();
	if (strcmp(s, "false") == 0)
		return cJSON_CreateFalse();
	if (strcmp(s, "null") == 0)
		return cJSON_CreateNull();
	if (*s != '\0' && strspn(s, "-0123456789.") == strlen(s)) {
		char *end;
		double v = strtod(s, &end);
		if (*end == '\0' && isfinite(v))
			return cJSON_CreateNumber(v);
	}
	return cJSON_CreateString(s);
}

int
ex_map_add(struct ex_map *m, const char *spec, const char **why)
{
	const char *p = spec;
	char *item;
	size_t eq;

	*why = "expected FROM=TO pairs separated by commas";
	if (*spec == '\0')
		return -1;
	while ((item = list_item(&p, &eq)) != NULL) {
		if (eq == SIZE_MAX) {
			free(item);
			return -1;
		}
		char *from = trim_copy(item), *to = trim_copy(item + eq + 1);
		free(item);
		if (*from == '\0') {
			free(from);
			free(to);
			*why = "a pair with nothing before '='";
			return -1;
		}
		m->pairs = xrealloc(m->pairs, sizeof *m->pairs *
		    (size_t)(m->n + 1));
		m->pairs[m->n].from = from;
		m->pairs[m->n].to = target_value(to);
		m->n++;
		free(to);
	}
	*why = NULL;
	return 0;
}

const cJSON *
ex_map_find(const struct ex_map *m, const cJSON *v)
{
	struct buf text = BUF_INIT;
	const cJSON *to = NULL;

	if (m->n == 0)
		return NULL;
	ex_text(v, &text);
	for (int i = 0; i < m->n && to == NULL; i++)
		if (ex_glob(m->pairs[i].from, buf_str(&text)))
			to = m->pairs[i].to;
	buf_free(&text);
	return to;
}

void
ex_map_free(struct ex_map *m)
{
	for (int i = 0; i < m->n; i++) {
		free(m->pairs[i].from);
		cJSON_Delete(m->pairs[i].to);
	}
	free(m->pairs);
	m->pairs = NULL;
	m->n = 0;
}

/* ---- conditions ----------------------------------------------------------- */

enum cond_op { C_PRESENT, C_ABSENT, C_MATCH, C_NOMATCH, C_SAME };

struct ex_cond {
	enum cond_op	 op;
	int		 negate;	/* "not COND" */
	struct ex	*lhs, *rhs;
	char		**globs;
	int		 nglobs;
};

static void
free_cond(struct ex_cond *c)
{
	ex_free(c->lhs);
	ex_free(c->rhs);
	for (int i = 0; i < c->nglobs; i++)
		free(c->globs[i]);
	free(c->globs);
}

void
ex_conds_free(struct ex_conds *cs)
{
	for (int i = 0; i < cs->n; i++)
		free_cond(&cs->c[i]);
	free(cs->c);
	free(cs->text);
	cs->c = NULL;
	cs->n = 0;
	cs->text = NULL;
}

/* Where an operator or " and " is outside brackets, parentheses and
 * quotes: the offset of the first of them, or n. */
static size_t
top_level(const char *s, size_t n, const char *what)
{
	size_t wl = strlen(what);
	int depth = 0, quote = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\\' && i + 1 < n) {
			i++;
			continue;
		}
		if (quote) {
			quote = c != '"';
			continue;
		}
		if (c == '"')
			quote = 1;
		else if (c == '[' || c == '(')
			depth++;
		else if ((c == ']' || c == ')') && depth > 0)
			depth--;
		else if (depth == 0 && i + wl <= n && memcmp(s + i, what, wl) == 0)
			return i;
	}
	return n;
}

static int
parse_globs(struct ex_cond *c, const char *s)
{
	const char *p = s;
	char *item;

	while ((item = list_item(&p, NULL)) != NULL) {
		c->globs = xrealloc(c->globs, sizeof *c->globs *
		    (size_t)(c->nglobs + 1));
		c->globs[c->nglobs++] = trim_copy(item);
		free(item);
	}
	return c->nglobs > 0 ? 0 : -1;
}

static int
parse_cond(struct ex_cond *c, const char *s, size_t n, int mode,
    const char **why)
{
	char *text = xstrndup(s, n);
	size_t at;
	int rc = 0;

	memset(c, 0, sizeof *c);
	char *t = text;
	while (*t == ' ')
		t++;
	if (strncmp(t, "not ", 4) == 0) {
		c->negate = 1;
		t += 4;
		while (*t == ' ')
			t++;
	}
	size_t tn = strlen(t);
	if ((at = top_level(t, tn, "==")) < tn) {
		c->op = C_SAME;
		t[at] = '\0';
		c->lhs = ex_parse(t, mode, why);
		c->rhs = ex_parse(t + at + 2, mode, why);
	} else if ((at = top_level(t, tn, "!=")) < tn) {
		c->op = C_NOMATCH;
		t[at] = '\0';
		c->lhs = ex_parse(t, mode, why);
		if (parse_globs(c, t + at + 2) < 0)
			rc = -1;
	} else if ((at = top_level(t, tn, "=")) < tn) {
		c->op = C_MATCH;
		t[at] = '\0';
		c->lhs = ex_parse(t, mode, why);
		if (parse_globs(c, t + at + 1) < 0)
			rc = -1;
	} else if (*t == '!') {
		c->op = C_ABSENT;
		c->lhs = ex_parse(t + 1, mode, why);
	} else {
		c->op = C_PRESENT;
		c->lhs = ex_parse(t, mode, why);
	}
	if (c->lhs == NULL || (c->op == C_SAME && c->rhs == NULL))
		rc = -1;
	if (rc < 0 && *why == NULL)
		*why = "expected a value after the operator";
	free(text);
	return rc;
}

int
ex_conds_parse(struct ex_conds *cs, const char *text, int mode,
    const char **why)
{
	size_t n = strlen(text), start = 0;

	*why = NULL;
	if (strspn(text, " \t") == n) {
		*why = "empty condition";
		return -1;
	}
	while (start <= n) {
		size_t at = top_level(text + start, n - start, " and ");
		cs->c = xrealloc(cs->c, sizeof *cs->c * (size_t)(cs->n + 1));
		if (parse_cond(&cs->c[cs->n], text + start, at, mode, why) < 0) {
			free_cond(&cs->c[cs->n]);
			return -1;
		}
		cs->n++;
		start += at + 5;
	}
	if (cs->text == NULL)
		cs->text = xstrdup(text);
	else {
		struct buf b = BUF_INIT;
		buf_printf(&b, "%s and %s", cs->text, text);
		free(cs->text);
		cs->text = buf_detach(&b);
	}
	return 0;
}

static int
cond_holds(const struct ex_cond *c, const struct ex_scope *sc)
{
	cJSON *made = NULL, *made2 = NULL;
	const cJSON *v = ex_eval(c->lhs, sc, &made);
	int holds = 0;

	switch (c->op) {
	case C_PRESENT:
		holds = ex_present(v);
		break;
	case C_ABSENT:
		holds = !ex_present(v);
		break;
	case C_MATCH:
	case C_NOMATCH: {
		struct buf text = BUF_INIT;
		int match = 0;
		if (v != NULL) {
			ex_text(v, &text);
			for (int i = 0; i < c->nglobs && !match; i++)
				match = ex_glob(c->globs[i], buf_str(&text));
		}
		buf_free(&text);
		holds = c->op == C_MATCH ? match : !match;
		break;
	}
	case C_SAME: {
		const cJSON *w = ex_eval(c->rhs, sc, &made2);
		if (has_value(v) && has_value(w)) {
			struct buf a = BUF_INIT, b = BUF_INIT;
			ex_text(v, &a);
			ex_text(w, &b);
			holds = a.len == b.len && memcmp(buf_str(&a),
			    buf_str(&b), a.len) == 0;
			buf_free(&a);
			buf_free(&b);
		}
		break;
	}
	}
	cJSON_Delete(made);
	cJSON_Delete(made2);
	return c->negate ? !holds : holds;
}

int
ex_conds_hold(const struct ex_conds *cs, const struct ex_scope *sc)
{
	for (int i = 0; i < cs->n; i++)
		if (!cond_holds(&cs->c[i], sc))
			return 0;
	return 1;
}

/* ---- explode -------------------------------------------------------------- */

struct ex_xstep {
	char	*name;
	int	 level;		/* [] or the last step */
};

struct ex_xalt {
	struct ex_xstep	*steps;
	int		 nsteps;	/* 0: the record itself (".") */
};

struct ex_explode {
	struct ex_xalt	*alt;
	int		 nalt;
	char		*source;
};

void
ex_explode_free(struct ex_explode *x)
{
	if (x == NULL)
		return;
	for (int i = 0; i < x->nalt; i++) {
		for (int k = 0; k < x->alt[i].nsteps; k++)
			free(x->alt[i].steps[k].name);
		free(x->alt[i].steps);
	}
	free(x->alt);
	free(x->source);
	free(x);
}

const char *
ex_explode_source(const struct ex_explode *x)
{
	return x->source;
}

static int
parse_xalt(struct parser *p, struct ex_xalt *a)
{
	skip_ws(p);
	if (p->i < p->n && p->s[p->i] == '.') {
		p->i++;
		return 0;	/* the record itself */
	}
	for (;;) {
		char *name = parse_name(p);
		if (name == NULL)
			return fail(p, "expected a name");
		a->steps = xrealloc(a->steps, sizeof *a->steps *
		    (size_t)(a->nsteps + 1));
		a->steps[a->nsteps++] = (struct ex_xstep){ name, 0 };
		if (p->i + 1 < p->n && p->s[p->i] == '[' && p->s[p->i + 1] == ']') {
			a->steps[a->nsteps - 1].level = 1;
			p->i += 2;
		}
		if (p->i < p->n && p->s[p->i] == '.') {
			p->i++;
			continue;
		}
		a->steps[a->nsteps - 1].level = 1;
		return 0;
	}
}

struct ex_explode *
ex_explode_parse(const char *text, const char **why)
{
	struct parser p = { text, 0, strlen(text), NULL };
	struct ex_explode *x = xcalloc(1, sizeof *x);

	x->source = xstrdup(text);
	for (;;) {
		x->alt = xrealloc(x->alt, sizeof *x->alt * (size_t)(x->nalt + 1));
		memset(&x->alt[x->nalt], 0, sizeof x->alt[0]);
		x->nalt++;
		if (parse_xalt(&p, &x->alt[x->nalt - 1]) < 0)
			break;
		skip_ws(&p);
		if (p.i < p.n && p.s[p.i] == '|') {
			p.i++;
			continue;
		}
		if (p.i == p.n)
			return x;
		fail(&p, "expected '.', '[]' or '|'");
		break;
	}
	*why = p.why;
	ex_explode_free(x);
	return NULL;
}

struct walk {
	const struct ex_xalt	*alt;
	struct ex_scope		*sc;
	void			(*fn)(void *, struct ex_scope *, const char *);
	void			*ctx;
	struct buf		 where;
	long			 count;
	int			 too_deep;
};

static void walk_steps(struct walk *w, int step, const cJSON *node);

static void
visit(struct walk *w, int step, const cJSON *el)
{
	if (w->sc->n >= EX_LEVELS) {
		w->too_deep = 1;
		return;
	}
	w->sc->level[w->sc->n++] = el;
	if (step == w->alt->nsteps) {
		w->count++;
		w->fn(w->ctx, w->sc, buf_str(&w->where));
	} else
		walk_steps(w, step, el);
	w->sc->n--;
}

/* From node, follow the steps from `step` on. */
static void
walk_steps(struct walk *w, int step, const cJSON *node)
{
	size_t mark = w->where.len;

	for (; step < w->alt->nsteps; step++) {
		const struct ex_xstep *st = &w->alt->steps[step];
		node = cJSON_IsObject(node) ? json_get(node, st->name) : NULL;
		if (node == NULL)
			break;
		if (w->where.len > 0)
			buf_addc(&w->where, '.');
		buf_adds(&w->where, st->name);
		if (!st->level)
			continue;
		size_t at = w->where.len;
		if (cJSON_IsArray(node)) {
			long i = 0;
			for (const cJSON *el = node->child; el != NULL && !w->too_deep;
			    el = el->next, i++) {
				w->where.len = at;
				buf_printf(&w->where, "[%ld]", i);
				visit(w, step + 1, el);
			}
		} else if (cJSON_IsObject(node))
			visit(w, step + 1, node);
		break;
	}
	w->where.len = mark;
	if (w->where.data != NULL)
		w->where.data[mark] = '\0';
}

/* Is the first level of the choice there (an array or an object)? */
static int
alt_present(const struct ex_xalt *a, const cJSON *rec)
{
	const cJSON *node = rec;

	for (int i = 0; i < a->nsteps; i++) {
		node = cJSON_IsObject(node) ? json_get(node, a->steps[i].name) :
		    NULL;
		if (node == NULL)
			return 0;
		if (a->steps[i].level)
			return cJSON_IsArray(node) || cJSON_IsObject(node);
	}
	return 1;
}

long
ex_explode_each(const struct ex_explode *x, struct ex_scope *sc,
    void (*fn)(void *, struct ex_scope *, const char *), void *ctx)
{
	const cJSON *rec = sc->level[sc->n - 1];

	for (int i = 0; i < x->nalt; i++) {
		const struct ex_xalt *a = &x->alt[i];
		if (!alt_present(a, rec))
			continue;
		if (a->nsteps == 0) {
			fn(ctx, sc, "");
			return 1;
		}
		struct walk w = { a, sc, fn, ctx, BUF_INIT, 0, 0 };
		walk_steps(&w, 0, rec);
		buf_free(&w.where);
		return w.too_deep ? EX_TOO_DEEP : w.count;
	}
	return EX_NONE;
}
