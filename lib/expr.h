/*
 * expr — the small language cs-import's options and preset files use to
 * say where a field comes from: paths into a record, lookups, choices,
 * conditions, value maps.  cskit-import(5) is its manual.
 *
 * Owns: compiled expressions (struct ex), conditions (struct ex_conds),
 * explode paths (struct ex_explode) and value maps (struct ex_map), each
 * freed by its _free function; and struct ex_cache, the lookup indexes
 * built for one record (ex_cache_clear between records).  Evaluation
 * borrows the record: a value comes back as a pointer into it, or, when
 * it had to be made (html(), number(), a "literal"), as a new item the
 * caller frees.
 *
 * An expression:
 *
 *   body.plain            a member of a member (dotted path)
 *   ^id, ^^users          a member of the level above, two above (the
 *                         record an exploded element came from)
 *   contacts[0].id        an array element by index
 *   ^users[id=author_id]  the element of array ^users whose `id` equals
 *                         this record's `author_id` (a join; indexed)
 *   html(body)            the plain text of an HTML value (html.h)
 *   number(Total)         a number written as text ("59.90", "1,234.5")
 *   "agent", 5            a literal string, a literal number
 *   a | b | "x"           the first of these that is present (not
 *                         absent, null or "")
 *
 * Names are any characters but . [ ] ^ | ( ) " = and a backslash, which
 * escapes the next one; spaces inside a name are kept ("Created at"); a
 * name of digits only is a number unless escaped (\7).
 * A text that is not an expression at all, or that names a member as it
 * is written, is that member: "Amount (EUR)" reads the column of that
 * name.
 *
 * A condition: `expr` (present: not absent, null, false or ""), `!expr`
 * (not present), `expr=GLOBS` (its text matches one of the
 * comma-separated globs, * and ? wildcards, letters in any case),
 * `expr!=GLOBS`, `expr==expr` (both present, same text), `not` before
 * any of these; several joined by ` and `.  The text of a value: a string as it is, a number as JSON
 * writes it, true, false, null.
 *
 * A value map: `FROM=TO,...`, FROM a glob matched against the text of the
 * value (the first pair that matches wins; a value no pair matches is
 * kept), TO the new value: true, false, null or a number become those, any
 * other text a string.
 */
#ifndef CSKIT_EXPR_H
#define CSKIT_EXPR_H

#include <stddef.h>
#include <cjson/cJSON.h>
#include "buf.h"

#define EX_LEVELS	16	/* record, and up to 15 levels of explode */

struct ex;

struct ex_cache {
	struct ex_index	*idx;
	size_t		 n, cap;
};

/* The levels an expression is evaluated at: level[0] is the record,
 * level[n - 1] the current element. */
struct ex_scope {
	const cJSON	*level[EX_LEVELS];
	int		 n;
	struct ex_cache	*cache;
};

/* How lenient a parse is: a text that is no expression is a member
 * named so (the command line: CSV columns like "Total (EUR)"), or an
 * error (preset files, where a typo should be said). */
#define EX_LENIENT	0
#define EX_STRICT	1

/* Compile text; NULL with *why (static text) when it cannot be. */
struct ex *ex_parse(const char *text, int mode, const char **why);
/* A literal (a copy of v): --set's constant. */
struct ex *ex_literal(const cJSON *v);
/* Wrap e in html() (--html FIELD). */
struct ex *ex_html(struct ex *e);
void	ex_free(struct ex *);

/* The value, or NULL when absent.  *made (set to NULL first) receives a
 * value that had to be made, which the caller frees. */
const cJSON *ex_eval(const struct ex *, const struct ex_scope *,
	    cJSON **made);

/* Is the value present: not NULL, null, false or ""? */
int	ex_present(const cJSON *);
/* The text of a value for matching (see above), appended to out. */
void	ex_text(const cJSON *, struct buf *out);

/*
 * The top-level member names the expression reads at the current level,
 * for checking them against a CSV header: fn is called with each name of
 * each choice that is a path at level 0 (not a literal or ^).  Returns
 * the number of choices that need no member (literals), so a caller can
 * tell whether the expression can be satisfied without the header.
 */
int	ex_roots(const struct ex *, void (*fn)(void *ctx, const char *name),
	    void *ctx);
/* The text the expression was compiled from. */
const char *ex_source(const struct ex *);
/* Is it a single member name at the current level (a plain rename)? */
const char *ex_plain_name(const struct ex *);
/* The name of the last step of a single path (`via.channel`: channel;
 * `^type`: type), or NULL. */
const char *ex_last_name(const struct ex *);

void	ex_cache_clear(struct ex_cache *);
void	ex_cache_free(struct ex_cache *);

/* ---- conditions ------------------------------------------------------- */

struct ex_conds {
	struct ex_cond	*c;
	int		 n;
	char		*text;		/* as written, for messages */
};

#define EX_CONDS_INIT	{ NULL, 0, NULL }

/* Add the conditions of text (joined by " and "); -1 with *why. */
int	ex_conds_parse(struct ex_conds *, const char *text, int mode,
	    const char **why);
/* Do all hold?  (No conditions: yes.) */
int	ex_conds_hold(const struct ex_conds *, const struct ex_scope *);
void	ex_conds_free(struct ex_conds *);

/* ---- globs and value maps --------------------------------------------- */

/* Does text match glob (* and ?, letters in any case)? */
int	ex_glob(const char *glob, const char *text);

struct ex_map {
	struct ex_map_pair {
		char	*from;		/* a glob */
		cJSON	*to;
	}		*pairs;
	int		 n;
};

#define EX_MAP_INIT	{ NULL, 0 }

/* Add "FROM=TO,..." pairs (a backslash escapes , = and itself); -1 with
 * *why. */
int	ex_map_add(struct ex_map *, const char *spec, const char **why);
/* The value v maps to (the map's own item), or NULL when no pair matches. */
const cJSON *ex_map_find(const struct ex_map *, const cJSON *v);
void	ex_map_free(struct ex_map *);

/* ---- explode ---------------------------------------------------------- */

/*
 * Where the elements of a record are: `comments`, `tickets[].comments`,
 * `conversation_parts.conversation_parts`, `.` (the record itself), or
 * several choices joined by | (the first that is present is used).  A step
 * marked [] and the last step are levels: each element of an array there
 * (or the object itself) is an element, and ^ from inside it reaches the
 * level it came from.
 */
struct ex_explode;

struct ex_explode *ex_explode_parse(const char *text, const char **why);
void	ex_explode_free(struct ex_explode *);
const char *ex_explode_source(const struct ex_explode *);

#define EX_NONE		(-1)	/* no choice of the path is there */
#define EX_TOO_DEEP	(-2)	/* the levels would pass EX_LEVELS */

/*
 * Call fn for each element, with the element pushed on scope (popped
 * after) and where names it ("tickets[2].comments[0]").  Returns the
 * number of elements (0 for an empty array), EX_NONE or EX_TOO_DEEP.
 */
long	ex_explode_each(const struct ex_explode *, struct ex_scope *,
	    void (*fn)(void *ctx, struct ex_scope *, const char *where),
	    void *ctx);

#endif
