/*
 * mustache — parsing Mustache templates into a tree, rendering the tree.
 *
 * The parser makes one pass over the source: text up to the next open
 * delimiter, then one tag.  A tag that may stand alone (section, inverted,
 * close, comment, partial, set-delimiter) and is the only thing on its line
 * takes the whole line with it (leading blanks and the line end), which is
 * what keeps templates readable without blank lines in the output; a
 * standalone partial remembers the blanks it removed as its indentation.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "mustache.h"

enum node_kind {
	N_TEXT,
	N_VAR,		/* {{x}}: escaped in HTML mode */
	N_RAW,		/* {{{x}}} {{&x}}: never escaped */
	N_SECTION,
	N_INVERTED,
	N_PARTIAL
};

struct name {
	char	 *full;		/* as written, "." for the implicit iterator */
	char	**parts;	/* dotted parts; nparts 0 for "." */
	int	  nparts;
	int	  slot;		/* of parts[0] (mst_bind), -1 when unbound */
};

struct node;

struct block {
	struct node	*v;
	int		 n;
	int		 cap;
};

struct node {
	enum node_kind	 kind;
	char		*text;		/* N_TEXT; N_PARTIAL: its indentation */
	size_t		 len;
	struct name	 name;
	struct block	 body;		/* sections */
	int		 line;
	int		 col;
};

struct mst_template {
	char		*file;
	struct block	 root;
};

/* Names ------------------------------------------------------------------ */

void
mst_names_add(struct mst_names *l, const char *name)
{
	if (mst_names_has(l, name))
		return;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = xstrdup(name);
}

int
mst_names_has(const struct mst_names *l, const char *name)
{
	for (int i = 0; i < l->n; i++)
		if (strcmp(l->v[i], name) == 0)
			return 1;
	return 0;
}

void
mst_names_clear(struct mst_names *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->v[i]);
	l->n = 0;
}

void
mst_names_free(struct mst_names *l)
{
	mst_names_clear(l);
	free(l->v);
	l->v = NULL;
	l->cap = 0;
}

/* The tree --------------------------------------------------------------- */

static struct node *
block_push(struct block *b)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 4;
		b->v = xrealloc(b->v, b->cap * sizeof(*b->v));
	}
	memset(&b->v[b->n], 0, sizeof(b->v[0]));
	return &b->v[b->n++];
}

static void
name_free(struct name *nm)
{
	for (int i = 0; i < nm->nparts; i++)
		free(nm->parts[i]);
	free(nm->parts);
	free(nm->full);
}

static void block_free(struct block *);

static void
node_free(struct node *n)
{
	free(n->text);
	name_free(&n->name);
	block_free(&n->body);
}

static void
block_free(struct block *b)
{
	for (int i = 0; i < b->n; i++)
		node_free(&b->v[i]);
	free(b->v);
}

void
mst_free(struct mst_template *t)
{
	if (t == NULL)
		return;
	block_free(&t->root);
	free(t->file);
	free(t);
}

const char *
mst_file(const struct mst_template *t)
{
	return t->file;
}

/* Parsing ---------------------------------------------------------------- */

#define DELIM_MAX 32

struct parser {
	const char	*src;
	size_t		 len;
	size_t		 pos;
	const char	*file;
	char		 otag[DELIM_MAX];
	char		 ctag[DELIM_MAX];
	size_t		 olen;
	size_t		 clen;
	struct node	*open[MST_MAX_SECTION_DEPTH + 1];	/* open sections */
	int		 depth;
	struct buf	*err;
	size_t		 woff;		/* where() was last asked: offset, */
	int		 wline, wcol;	/* line and column there */
};

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/* Line and column (in characters) of a byte offset; counted on from the
 * last offset asked (the parser asks in order), else from the start. */
static void
where(struct parser *p, size_t off, int *line, int *col)
{
	int l = 1, c = 1;
	size_t i = 0;

	if (p->wline > 0 && off >= p->woff) {
		i = p->woff;
		l = p->wline;
		c = p->wcol;
	}
	for (; i < off && i < p->len; i++) {
		unsigned char ch = (unsigned char)p->src[i];
		if (ch == '\n') {
			l++;
			c = 1;
		} else if ((ch & 0xc0) != 0x80)
			c++;
	}
	*line = l;
	*col = c;
	p->woff = i;
	p->wline = l;
	p->wcol = c;
}

static int
fail_at(struct parser *p, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
fail_at(struct parser *p, size_t off, const char *fmt, ...)
{
	va_list ap;
	int line, col;

	where(p, off, &line, &col);
	buf_printf(p->err, "%s:%d:%d: ", p->file, line, col);
	va_start(ap, fmt);
	buf_vprintf(p->err, fmt, ap);
	va_end(ap);
	return -1;
}

static struct block *
current(struct parser *p)
{
	return &p->open[p->depth]->body;
}

static void
add_text(struct parser *p, size_t from, size_t to)
{
	struct node *n;

	if (to <= from)
		return;
	n = block_push(current(p));
	n->kind = N_TEXT;
	n->text = xstrndup(p->src + from, to - from);
	n->len = to - from;
	where(p, from, &n->line, &n->col);
}

static const void *
find(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	if (nlen == 0 || hlen < nlen)
		return NULL;
	for (size_t i = 0; i + nlen <= hlen; i++) {
		const char *q = memchr(hay + i, needle[0], hlen - nlen + 1 - i);
		if (q == NULL)
			return NULL;
		if (memcmp(q, needle, nlen) == 0)
			return q;
		i = (size_t)(q - hay);
	}
	return NULL;
}

/* Split a trimmed tag content into a name; -1 when it is not one. */
static int
parse_name(const char *s, size_t len, struct name *nm)
{
	size_t i, start;

	nm->full = xstrndup(s, len);
	nm->parts = NULL;
	nm->nparts = 0;
	nm->slot = -1;
	if (len == 0)
		return -1;
	for (i = 0; i < len; i++)
		if (is_space(s[i]))
			return -1;
	if (len == 1 && s[0] == '.')
		return 0;
	for (i = 0, start = 0; i <= len; i++) {
		if (i < len && s[i] != '.')
			continue;
		if (i == start)
			return -1;	/* empty part: "a..b", ".a", "a." */
		nm->parts = xrealloc(nm->parts,
		    (nm->nparts + 1) * sizeof(*nm->parts));
		nm->parts[nm->nparts++] = xstrndup(s + start, i - start);
		start = i + 1;
	}
	return 0;
}

/* {{=<% %>=}}: content is "<% %>" (trimmed). */
static int
set_delimiters(struct parser *p, const char *s, size_t len, size_t at)
{
	size_t i = 0, o0, o1, c0, c1;

	o0 = i;
	while (i < len && !is_space(s[i]))
		i++;
	o1 = i;
	while (i < len && is_space(s[i]))
		i++;
	c0 = i;
	while (i < len && !is_space(s[i]))
		i++;
	c1 = i;
	if (o1 == o0 || c1 == c0 || c1 != len || o1 - o0 >= DELIM_MAX ||
	    c1 - c0 >= DELIM_MAX || memchr(s, '=', len) != NULL)
		return fail_at(p, at, "invalid set-delimiter tag: "
		    "need two delimiters without '=' or blanks");
	memcpy(p->otag, s + o0, o1 - o0);
	p->olen = o1 - o0;
	memcpy(p->ctag, s + c0, c1 - c0);
	p->clen = c1 - c0;
	return 0;
}

/*
 * Is the tag [start, end) alone on its line?  Then *ls is where the line
 * starts and *next where the following line does.
 */
static int
standalone(const struct parser *p, size_t start, size_t end, size_t *ls,
    size_t *next)
{
	size_t i = start, q = end;

	while (i > 0 && p->src[i - 1] != '\n') {
		if (!is_blank(p->src[i - 1]))
			return 0;
		i--;
	}
	while (q < p->len && is_blank(p->src[q]))
		q++;
	if (q == p->len)
		*next = q;
	else if (p->src[q] == '\n')
		*next = q + 1;
	else if (p->src[q] == '\r' && q + 1 < p->len && p->src[q + 1] == '\n')
		*next = q + 2;
	else
		return 0;
	*ls = i;
	return 1;
}

static char
tag_sigil(char c)
{
	return strchr("#^/!>&{=", c) != NULL ? c : 0;
}

static int
parse_tag(struct parser *p, size_t start)
{
	const char *close, *s;
	size_t after = start + p->olen, cstart, end, clen, ls, next, len;
	char sigil = after < p->len ? tag_sigil(p->src[after]) : 0;
	char closing[DELIM_MAX + 1];
	struct node *n;
	struct name nm;
	int line, col;

	/* A triple mustache closes with "}" + ctag, a set-delimiter tag with
	 * "=" + ctag. */
	clen = 0;
	if (sigil == '{' || sigil == '=')
		closing[clen++] = sigil == '{' ? '}' : '=';
	memcpy(closing + clen, p->ctag, p->clen);
	clen += p->clen;
	if (sigil)
		after++;
	close = find(p->src + after, p->len - after, closing, clen);
	if (close == NULL)
		return fail_at(p, start, "unclosed tag: no '%.*s' after it",
		    (int)clen, closing);
	cstart = (size_t)(close - p->src);
	end = cstart + clen;
	s = p->src + after;
	len = cstart - after;
	while (len > 0 && is_space(*s)) {
		s++;
		len--;
	}
	while (len > 0 && is_space(s[len - 1]))
		len--;

	if (sigil && strchr("#^/!>=", sigil) &&
	    standalone(p, start, end, &ls, &next)) {
		add_text(p, p->pos, ls);
		p->pos = next;
	} else {
		ls = start;
		add_text(p, p->pos, start);
		p->pos = end;
	}
	where(p, start, &line, &col);

	switch (sigil) {
	case '!':
		return 0;
	case '=':
		return set_delimiters(p, s, len, start);
	case '>':
		if (len == 0)
			return fail_at(p, start, "partial tag without a name");
		n = block_push(current(p));
		n->kind = N_PARTIAL;
		n->name.full = xstrndup(s, len);
		n->text = xstrndup(p->src + ls, start - ls);
		n->len = start - ls;
		n->line = line;
		n->col = col;
		return 0;
	default:
		break;
	}

	if (parse_name(s, len, &nm) == -1) {
		name_free(&nm);
		return fail_at(p, start, "invalid name '%.*s'", (int)len, s);
	}
	if (sigil == '/') {
		struct node *o = p->open[p->depth];
		int r = 0;

		if (p->depth == 0)
			r = fail_at(p, start, "closing tag '%s' without an open "
			    "section", nm.full);
		else if (strcmp(o->name.full, nm.full) != 0)
			r = fail_at(p, start, "closing tag '%s' does not match "
			    "the section '%s' opened at line %d", nm.full,
			    o->name.full, o->line);
		else {
			/* The finished section moves into its parent. */
			p->depth--;
			*block_push(current(p)) = *o;
			free(o);
		}
		name_free(&nm);
		return r;
	}
	if (sigil == '#' || sigil == '^') {
		if (p->depth == MST_MAX_SECTION_DEPTH) {
			name_free(&nm);
			return fail_at(p, start, "sections nested deeper than %d",
			    MST_MAX_SECTION_DEPTH);
		}
		n = xcalloc(1, sizeof(*n));
		n->kind = sigil == '#' ? N_SECTION : N_INVERTED;
		n->name = nm;
		n->line = line;
		n->col = col;
		p->open[++p->depth] = n;
		return 0;
	}
	n = block_push(current(p));
	n->kind = sigil == '&' || sigil == '{' ? N_RAW : N_VAR;
	n->name = nm;
	n->line = line;
	n->col = col;
	return 0;
}

struct mst_template *
mst_compile(const char *src, size_t len, const char *file, struct buf *err)
{
	struct mst_template *t = xcalloc(1, sizeof(*t));
	struct node rootnode;
	struct parser p;
	int rc = 0;

	memset(&p, 0, sizeof(p));
	memset(&rootnode, 0, sizeof(rootnode));
	p.src = src;
	p.len = len;
	p.file = file ? file : "<template>";
	p.err = err;
	memcpy(p.otag, "{{", 2);
	memcpy(p.ctag, "}}", 2);
	p.olen = p.clen = 2;
	p.open[0] = &rootnode;

	while (rc == 0 && p.pos < p.len) {
		const char *o = find(p.src + p.pos, p.len - p.pos, p.otag,
		    p.olen);
		if (o == NULL) {
			add_text(&p, p.pos, p.len);
			p.pos = p.len;
			break;
		}
		rc = parse_tag(&p, (size_t)(o - p.src));
	}
	if (rc == 0 && p.depth > 0) {
		struct node *o = p.open[p.depth];
		buf_printf(err, "%s:%d:%d: section '%s' is never closed",
		    p.file, o->line, o->col, o->name.full);
		rc = -1;
	}
	while (p.depth > 0) {
		node_free(p.open[p.depth]);
		free(p.open[p.depth--]);
	}
	t->root = rootnode.body;
	t->file = xstrdup(p.file);
	if (rc != 0) {
		mst_free(t);
		return NULL;
	}
	return t;
}

struct mst_template *
mst_compile_file(const char *path, struct buf *err)
{
	struct buf src = BUF_INIT;
	struct mst_template *t;
	char chunk[8192];
	size_t k, skip;
	FILE *f = fopen(path, "rb");

	if (f == NULL) {
		buf_printf(err, "%s: %s", path, strerror(errno));
		return NULL;
	}
	while ((k = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		buf_add(&src, chunk, k);
		if (src.len > MST_MAX_FILE) {
			buf_printf(err, "%s: larger than %u bytes: not a "
			    "template", path, MST_MAX_FILE);
			fclose(f);
			buf_free(&src);
			return NULL;
		}
	}
	if (ferror(f)) {
		buf_printf(err, "%s: read error", path);
		fclose(f);
		buf_free(&src);
		return NULL;
	}
	fclose(f);
	/* A byte-order mark (editors on Windows write one) is not text. */
	skip = src.len >= 3 && memcmp(src.data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	t = mst_compile(src.data ? src.data + skip : "", src.len - skip, path,
	    err);
	buf_free(&src);
	return t;
}

/* Rendering -------------------------------------------------------------- */

struct render {
	const struct mst_render_opts *o;
	struct buf	*out;
	const cJSON	**stack;
	int		 n;
	int		 cap;
	int		 nroot;		/* frames given by the caller */
	const cJSON	*inline_stack[16];	/* no allocation for most */
	const char	*indent;	/* of the partial being rendered */
	size_t		 indent_len;
	int		 line_start;	/* the next template byte starts a line */
	int		 partials;	/* depth */
	long		 steps;		/* nodes visited, for the budget */
	size_t		 start;		/* out->len when the rendering began */
	struct buf	*err;
};

static void
push(struct render *r, const cJSON *v)
{
	if (r->n == r->cap) {
		const cJSON **grown = xmalloc(2 * r->cap * sizeof(*grown));

		memcpy(grown, r->stack, r->n * sizeof(*grown));
		if (r->stack != r->inline_stack)
			free(r->stack);
		r->stack = grown;
		r->cap *= 2;
	}
	r->stack[r->n++] = v;
}

/* Template text: indentation goes before every line it starts. */
static void
emit_text(struct render *r, const char *s, size_t len)
{
	if (r->indent_len == 0) {
		buf_add(r->out, s, len);
		return;
	}
	while (len > 0) {
		const char *nl = memchr(s, '\n', len);
		size_t k = nl ? (size_t)(nl - s) + 1 : len;

		if (r->line_start)
			buf_add(r->out, r->indent, r->indent_len);
		buf_add(r->out, s, k);
		r->line_start = nl != NULL;
		s += k;
		len -= k;
	}
}

/* A value: indented only where the template line starts, never inside;
 * between the caller's isolates when it gave some. */
static void
emit_value(struct render *r, const char *s, size_t len, int escape)
{
	if (len == 0)
		return;
	if (r->indent_len > 0 && r->line_start) {
		buf_add(r->out, r->indent, r->indent_len);
		r->line_start = 0;
	}
	int iso = r->o->value_isolated == NULL ||
	    r->o->value_isolated(s, len);

	if (r->o->value_open != NULL && iso)
		buf_adds(r->out, r->o->value_open);
	if (escape)
		mst_escape_html(r->out, s, len);
	else
		buf_add(r->out, s, len);
	if (r->o->value_close != NULL && iso)
		buf_adds(r->out, r->o->value_close);
}

void
mst_escape_html(struct buf *b, const char *s, size_t len)
{
	size_t from = 0;

	for (size_t i = 0; i < len; i++) {
		const char *rep;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '"': rep = "&quot;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		default: continue;
		}
		buf_add(b, s + from, i - from);
		buf_adds(b, rep);
		from = i + 1;
	}
	buf_add(b, s + from, len - from);
}

static const cJSON *
lookup(const struct render *r, const struct name *nm)
{
	const struct mst_render_opts *o = r->o;
	int bound = o->slots != NULL && nm->slot >= 0 && nm->slot < o->nslots;
	const cJSON *v = NULL;

	if (nm->nparts == 0) {
		if (r->n == r->nroot && o->slots != NULL && o->self != NULL)
			return o->self(o->self_ctx);
		return r->n > 0 ? r->stack[r->n - 1] : NULL;
	}
	/* The first part is searched down the stack; the rest only inside
	 * what it found (the specification's "broken chains").  A bound name
	 * below the sections' frames is the caller's slot: it resolved the
	 * root frames once for every name. */
	for (int i = r->n - 1; i >= (bound ? r->nroot : 0) && v == NULL; i--)
		if (cJSON_IsObject(r->stack[i]))
			v = json_get(r->stack[i], nm->parts[0]);
	if (v == NULL && bound)
		v = o->slots[nm->slot];
	for (int k = 1; k < nm->nparts && v != NULL; k++)
		v = cJSON_IsObject(v) ? json_get(v, nm->parts[k]) : NULL;
	return v;
}

static int
truthy(const cJSON *v)
{
	if (v == NULL || cJSON_IsFalse(v) || cJSON_IsNull(v))
		return 0;
	if (cJSON_IsString(v))
		return v->valuestring[0] != '\0';
	if (cJSON_IsNumber(v))
		return v->valuedouble != 0;
	if (cJSON_IsArray(v))
		return v->child != NULL;
	return 1;
}

static void
interpolate(struct render *r, const struct node *n)
{
	const cJSON *v = lookup(r, &n->name);
	int esc = n->kind == N_VAR && r->o->escape_html;
	struct buf tmp = BUF_INIT;

	if (v == NULL || cJSON_IsNull(v) ||
	    (cJSON_IsString(v) && v->valuestring[0] == '\0')) {
		if (r->o->missing)
			mst_names_add(r->o->missing, n->name.full);
		return;
	}
	if (cJSON_IsString(v)) {
		emit_value(r, v->valuestring, strlen(v->valuestring), esc);
		return;
	}
	if (cJSON_IsNumber(v))
		json_write_number(&tmp, v->valuedouble);
	else if (cJSON_IsBool(v))
		buf_adds(&tmp, cJSON_IsTrue(v) ? "true" : "false");
	else
		json_write(&tmp, v);
	emit_value(r, buf_str(&tmp), tmp.len, esc);
	buf_free(&tmp);
}

static int render_block(struct render *, const struct block *);

static int
render_partial(struct render *r, const struct node *n)
{
	const struct mst_template *t;
	const char *saved = r->indent;
	size_t saved_len = r->indent_len;
	struct buf ind = BUF_INIT;
	int rc;

	if (r->o->partial == NULL ||
	    (t = r->o->partial(r->o->partial_ctx, n->name.full)) == NULL)
		return 0;
	if (r->partials == MST_MAX_PARTIAL_DEPTH) {
		buf_printf(r->err, "partial '%s' nested deeper than %d "
		    "(a partial that includes itself?)", n->name.full,
		    MST_MAX_PARTIAL_DEPTH);
		return -1;
	}
	if (n->len > 0) {
		buf_add(&ind, r->indent, r->indent_len);
		buf_add(&ind, n->text, n->len);
		r->indent = ind.data;
		r->indent_len = ind.len;
		r->line_start = 1;
	}
	r->partials++;
	rc = render_block(r, &t->root);
	r->partials--;
	r->indent = saved;
	r->indent_len = saved_len;
	buf_free(&ind);
	return rc;
}

static int
render_section(struct render *r, const struct node *n)
{
	const cJSON *v = lookup(r, &n->name), *e;
	int rc = 0;

	if (n->kind == N_INVERTED)
		return truthy(v) ? 0 : render_block(r, &n->body);
	if (!truthy(v))
		return 0;
	if (!cJSON_IsArray(v)) {
		push(r, v);
		rc = render_block(r, &n->body);
		r->n--;
		return rc;
	}
	cJSON_ArrayForEach(e, v) {
		push(r, e);
		rc = render_block(r, &n->body);
		r->n--;
		if (rc != 0)
			break;
	}
	return rc;
}

static int
render_block(struct render *r, const struct block *b)
{
	for (int i = 0; i < b->n; i++) {
		const struct node *n = &b->v[i];
		int rc = 0;

		if (++r->steps > MST_MAX_RENDER_STEPS ||
		    r->out->len - r->start > MST_MAX_OUTPUT) {
			buf_printf(r->err, "rendering too large (over %d tags "
			    "or %u bytes: partials or sections that multiply?)",
			    MST_MAX_RENDER_STEPS, MST_MAX_OUTPUT);
			return -1;
		}
		switch (n->kind) {
		case N_TEXT:
			emit_text(r, n->text, n->len);
			break;
		case N_VAR:
		case N_RAW:
			interpolate(r, n);
			break;
		case N_SECTION:
		case N_INVERTED:
			rc = render_section(r, n);
			break;
		case N_PARTIAL:
			rc = render_partial(r, n);
			break;
		}
		if (rc != 0)
			return rc;
	}
	return 0;
}

int
mst_render(const struct mst_template *t, const cJSON *const *ctx, int nctx,
    const struct mst_render_opts *o, struct buf *out, struct buf *err)
{
	static const struct mst_render_opts none;
	struct render r;
	int rc;

	memset(&r, 0, sizeof(r));
	r.o = o ? o : &none;
	r.out = out;
	r.err = err;
	r.line_start = 1;
	r.start = out->len;
	r.stack = r.inline_stack;
	r.cap = (int)(sizeof(r.inline_stack) / sizeof(r.inline_stack[0]));
	for (int i = 0; i < nctx; i++)
		push(&r, ctx[i]);
	r.nroot = nctx;
	rc = render_block(&r, &t->root);
	if (r.stack != r.inline_stack)
		free(r.stack);
	return rc;
}

static void
walk_partials(const struct block *b,
    void (*fn)(void *, const char *, int, int), void *arg)
{
	for (int i = 0; i < b->n; i++) {
		const struct node *n = &b->v[i];
		if (n->kind == N_PARTIAL)
			fn(arg, n->name.full, n->line, n->col);
		else if (n->kind == N_SECTION || n->kind == N_INVERTED)
			walk_partials(&n->body, fn, arg);
	}
}

void
mst_foreach_partial(const struct mst_template *t,
    void (*fn)(void *, const char *, int, int), void *arg)
{
	walk_partials(&t->root, fn, arg);
}

static void
walk_names(const struct block *b, const struct mst_walk *w)
{
	for (int i = 0; i < b->n; i++) {
		const struct node *n = &b->v[i];
		if (n->kind == N_TEXT) {
			if (w->text != NULL)
				w->text(w->arg, n->text, n->len, n->line);
			continue;
		}
		if (n->kind == N_PARTIAL)
			continue;
		if (w->name != NULL)
			w->name(w->arg, n->name.full, n->kind == N_SECTION ||
			    n->kind == N_INVERTED, n->line, n->col);
		if (n->kind == N_SECTION || n->kind == N_INVERTED)
			walk_names(&n->body, w);
	}
}

void
mst_walk(const struct mst_template *t, const struct mst_walk *w)
{
	walk_names(&t->root, w);
}

static void
bind_block(struct block *b, int (*fn)(void *, const char *), void *arg)
{
	for (int i = 0; i < b->n; i++) {
		struct node *n = &b->v[i];
		if (n->kind == N_TEXT || n->kind == N_PARTIAL)
			continue;
		n->name.slot = n->name.nparts > 0 ?
		    fn(arg, n->name.parts[0]) : -1;
		if (n->kind == N_SECTION || n->kind == N_INVERTED)
			bind_block(&n->body, fn, arg);
	}
}

void
mst_bind(struct mst_template *t, int (*fn)(void *arg, const char *name),
    void *arg)
{
	bind_block(&t->root, fn, arg);
}

int
mst_root_self(const struct mst_template *t)
{
	for (int i = 0; i < t->root.n; i++) {
		const struct node *n = &t->root.v[i];
		if (n->kind != N_TEXT && n->kind != N_PARTIAL &&
		    n->name.nparts == 0)
			return 1;
	}
	return 0;
}
