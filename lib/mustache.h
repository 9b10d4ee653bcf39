/*
 * mustache — the Mustache template language: compile once, render often.
 *
 * Owns: struct mst_template, the parsed tree of one template (its text, tag
 * names and positions), and struct mst_names, a list of names a rendering
 * could not resolve.  Templates are compiled once (mst_compile) and rendered
 * once per event against a stack of cJSON values (mst_render); rendering
 * never parses anything it finds in the data, so a `{{` inside a value is
 * text.
 *
 * The language is the Mustache specification's: interpolation (`{{x}}`,
 * `{{{x}}}`, `{{&x}}`) with dotted names and the implicit iterator `.`,
 * sections and inverted sections (lists, booleans, objects), comments,
 * partials (`{{> name}}`, resolved through the caller's loader, indented when
 * standalone), set-delimiter tags (`{{=<% %>=}}`) and the standalone-line
 * rules.  Lambdas are not supported: nothing in the data is ever code.
 *
 * Output is plain text unless opts.escape_html is set, in which case `{{x}}`
 * escapes & " < > as the specification's HTML mode does.  Falsy values for
 * sections: missing, null, false, 0, "" and [].  A syntax error comes back
 * as "FILE:LINE:COL: reason" (column counted in characters).
 */
#ifndef CSKIT_MUSTACHE_H
#define CSKIT_MUSTACHE_H

#include <stddef.h>
#include <cjson/cJSON.h>
#include "buf.h"

struct mst_template;

/* Deepest nesting of sections in one template, and of partials at render. */
#define MST_MAX_SECTION_DEPTH	100
#define MST_MAX_PARTIAL_DEPTH	32
/*
 * The work of one rendering: tags and text pieces visited, and bytes
 * written.  Partials that each include the next twice, or sections nested
 * over a long list, multiply; past these a rendering fails instead of
 * running for hours.  No sane reply comes near either.
 */
#define MST_MAX_RENDER_STEPS	1000000
#define MST_MAX_OUTPUT		(64u << 20)
/* The largest template file read (a template is a few KiB of text; a link
 * to /dev/zero or a log saved under the wrong name is not one). */
#define MST_MAX_FILE		(1u << 20)

/* A list of distinct names, in the order first seen. */
struct mst_names {
	char	**v;
	int	  n;
	int	  cap;
};

#define MST_NAMES_INIT { NULL, 0, 0 }

void	mst_names_add(struct mst_names *, const char *name);
int	mst_names_has(const struct mst_names *, const char *name);
void	mst_names_clear(struct mst_names *);	/* keeps the array */
void	mst_names_free(struct mst_names *);

/*
 * Compile src[0..len).  `file` names it in error messages (copied).  NULL on
 * a syntax error, with "FILE:LINE:COL: reason" in *err (appended).
 */
struct mst_template *mst_compile(const char *src, size_t len,
	    const char *file, struct buf *err);
/* Compile a file; NULL with "PATH: reason" or a syntax error in *err. */
struct mst_template *mst_compile_file(const char *path, struct buf *err);
void	mst_free(struct mst_template *);
const char *mst_file(const struct mst_template *);

/*
 * Find a partial by name for a rendering; NULL when there is none (it then
 * renders as nothing, as the specification says).  The template stays owned
 * by the loader.
 */
typedef const struct mst_template *(*mst_loader_fn)(void *ctx,
	    const char *name);

struct mst_render_opts {
	int		 escape_html;
	mst_loader_fn	 partial;	/* may be NULL: no partials */
	void		*partial_ctx;
	/* When non-NULL, every interpolated name that resolved to nothing
	 * (missing, null or "") is added here: a reply must not say
	 * "your order  has shipped". */
	struct mst_names *missing;
	/*
	 * Optional, for rendering many events with one template: the values
	 * of the names bound by mst_bind, by slot number, standing for the
	 * frames in ctx (which are then searched only for unbound names).
	 * A bound name is looked up in the sections' frames first, then in
	 * slots[slot] (NULL: absent), with no string compare per frame.
	 * `self` gives the implicit iterator `.` outside every section.
	 */
	const cJSON *const *slots;
	int		 nslots;
	const cJSON	*(*self)(void *ctx);
	void		*self_ctx;
	/*
	 * Optional: written before and after every interpolated value that
	 * is not empty (Unicode isolates, so that a Latin name keeps the
	 * order of a right-to-left line).
	 */
	const char	*value_open;
	const char	*value_close;
	/* Optional: does this value want them (NULL: every value does)? */
	int		(*value_isolated)(const char *s, size_t len);
};

/*
 * Render against a context stack (ctx[0] the bottom, ctx[nctx-1] the top,
 * searched top down).  Appends to out.  Returns 0, or -1 with the reason in
 * *err (partials nested deeper than MST_MAX_PARTIAL_DEPTH, or a rendering
 * over MST_MAX_RENDER_STEPS or MST_MAX_OUTPUT).
 */
int	mst_render(const struct mst_template *, const cJSON *const *ctx,
	    int nctx, const struct mst_render_opts *, struct buf *out,
	    struct buf *err);

/*
 * Number every name of the template: fn gives the slot of a name's first
 * part ("order" of "order.id"), or -1 to leave it unbound.  Slots are used
 * by mst_render when opts.slots is set.
 */
void	mst_bind(struct mst_template *,
	    int (*fn)(void *arg, const char *name), void *arg);

/*
 * Does the template use `.` outside every section (the whole context, not
 * just the names it binds)?
 */
int	mst_root_self(const struct mst_template *);

/*
 * A walk over a template (not its partials), for checks: text gets every
 * literal piece with the line it starts on; name every interpolation and
 * section name as written ("order.id"), section true for a section or an
 * inverted one.  Either may be NULL.
 */
struct mst_walk {
	void	(*text)(void *arg, const char *s, size_t len, int line);
	void	(*name)(void *arg, const char *name, int section, int line,
		    int col);
	void	*arg;
};

void	mst_walk(const struct mst_template *, const struct mst_walk *);

/* Call fn for every partial tag of the template, in order. */
void	mst_foreach_partial(const struct mst_template *,
	    void (*fn)(void *arg, const char *name, int line, int col),
	    void *arg);

/* Append s with & " < > escaped as HTML. */
void	mst_escape_html(struct buf *, const char *s, size_t len);

#endif
