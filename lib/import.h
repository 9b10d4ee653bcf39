/*
 * import — turning an export's records into canonical events (cs-import).
 *
 * Owns: struct import_spec, the rules that say how (built from cs-import's
 * options, or read from a preset file by preset.c), with the counts of a
 * run kept for its summary; and struct import_sorter, the buffer that
 * --sort needs: every event serialized once (not kept as a tree) with its
 * time, so memory is about the size of the input text.
 *
 * A spec is a list of rules; every record is offered to each rule in turn.
 * A rule says where its elements are (explode: the record itself, or each
 * element of an array inside it, whose parents stay reachable with ^),
 * which elements it takes (when), which of those it leaves out and counts
 * (drop, unique), and how each becomes an event: fields from expressions
 * (expr.h: paths, lookups, html(), constants), value maps (the role map is
 * the map of `role`), and which of the element's own members are kept:
 *
 *   keep all    every member, the mapped ones renamed where they stand; a
 *               member already carrying a mapped name is dropped when the
 *               map gives that name a value (the map says where it comes
 *               from); other mapped fields are appended.  cs-import's
 *               default, without a preset.
 *   keep none   only the mapped fields, in the order they are declared.
 *   keep LIST   those, then the listed members (paths; named by their last
 *               step).
 *
 * With a prefix (presets: `zendesk_`), a kept member whose name is a
 * canonical field of cskit-events(5) and that the rule does not map is
 * renamed PREFIX+name: a vendor's `type` never passes as the event's type.
 *
 * Then the event is made canonical: `ts` becomes RFC 3339 UTC; `role`
 * must end as customer, agent, bot or system; the ids `conversation`,
 * `agent`, `customer`, `order_id` become strings.  An event that cannot be
 * is a bad record: diagnosed with its file and line and written as an
 * `_error` event.  An event lacking ts, role or conversation where the
 * rule maps them is a bad record too, counted into one summary line
 * (--strict: diagnosed, and the run stops).  Records no rule takes are
 * bad records of one summary line as well.
 *
 * Memory: a record is borrowed for the call; with one rule of `keep all`
 * and no explode (cs-import's plain use) it is changed in place and handed
 * on, else events are new objects the sink receives and frees.  unique
 * keeps the values it has seen (one hash entry each).
 */
#ifndef CSKIT_IMPORT_H
#define CSKIT_IMPORT_H

#include <cjson/cJSON.h>
#include "buf.h"
#include "diag.h"
#include "expr.h"
#include "hmap.h"
#include "ts.h"

enum import_keep { IMPORT_KEEP_ALL, IMPORT_KEEP_NONE, IMPORT_KEEP_LIST };

struct import_field {
	char		*name;		/* the event's field */
	struct ex	*expr;
	struct ex_conds	 when;
	int		 fallback;	/* `?=`: only when still unset */
	int		 quiet;		/* a preset's: never found is no news */
	unsigned long	 tried, found;	/* records it was looked for in */
};

struct import_drop {
	struct ex_conds	 cond;
	char		*label;		/* for the summary */
	unsigned long	 count;
};

struct import_vmap {
	char		*field;
	struct ex_map	 map;
};

struct import_rule {
	char			*name;
	struct ex_explode	*explode;	/* NULL: the record itself */
	struct ex_conds		 when;
	struct import_drop	*drops;
	int			 ndrops;
	struct import_field	*fields;
	int			 nfields;
	struct import_vmap	*maps;
	int			 nmaps;
	int			 strict;	/* EX_STRICT: a preset's */
	enum import_keep	 keep;
	struct ex		**keep_list;
	int			 nkeep;
	char			*unique;	/* an event field, or NULL */
	char			*unique_label;
	struct hmap		 seen;
	unsigned long		 repeated;
};

struct import_spec {
	char			*name;		/* the preset's, or NULL */
	struct import_rule	*rules;
	int			 nrules;
	char			*prefix;	/* NULL: members keep names */
	const struct ts_parser	*ts;
	struct ex_cache		 cache;
	struct buf		 why;		/* a record's reason, reused */
	/* what the run met, for import_summary */
	unsigned long		 records, events, unmatched;
	unsigned long		 skipped;	/* not taken, without a preset */
	unsigned long		 missing[3];	/* ts, role, conversation */
	unsigned long		 incomplete;	/* records lacking any */
};

/* An empty spec: no rules yet (import_rule_add adds them). */
void	import_spec_init(struct import_spec *);
void	import_spec_free(struct import_spec *);

/* A new rule at the end (keep all, no explode); its name may be NULL. */
struct import_rule *import_rule_add(struct import_spec *, const char *name);

/*
 * Building a rule; each returns 0, or -1 with *why (static text).
 *
 * import_field: NAME = EXPR (replacing the rule's fields of that name) or,
 * with fallback, NAME ?= EXPR (added after them); the text may end in
 * " when CONDITIONS".  import_set: a constant, VALUE read as true, false,
 * null, a number or else a string.  import_html: the field's value is
 * HTML (its expression wrapped in html(); NAME = html(NAME) when the rule
 * has no such field).  import_map: FROM=TO pairs for a field (expr.h);
 * for `role` every TO must be customer, agent, bot or system; pairs added
 * later are tried after earlier ones, unless first is set.
 * import_keep: "all", "none" or a comma list of paths.
 */
int	import_field(struct import_rule *, const char *name, const char *text,
	    int fallback, const char **why);
int	import_set(struct import_rule *, const char *name, const char *value,
	    const char **why);
int	import_html(struct import_rule *, const char *name, const char **why);
int	import_map(struct import_rule *, const char *field, const char *spec,
	    int first, const char **why);
int	import_drop(struct import_rule *, const char *cond, const char *label,
	    const char **why);
int	import_when(struct import_rule *, const char *cond, const char **why);
int	import_explode(struct import_rule *, const char *path,
	    const char **why);
int	import_keep(struct import_rule *, const char *list, const char **why);
int	import_unique(struct import_rule *, const char *field,
	    const char *label, const char **why);
/* Mark every field so far as quiet: the summary does not say when one is
 * never found (a preset's choices and optional fields). */
void	import_quiet_fields(struct import_spec *);
/* "Contact=customer,User=agent": import_map of role (the old name). */
int	import_add_roles(struct import_rule *, const char *spec,
	    const char **why);

/* Where events go. */
struct import_sink {
	/* A good event and its time (CS_TIME_NONE without one); the sink
	 * writes it; the spec frees it (or it is the record) after. */
	void	(*event)(void *ctx, cJSON *ev, cs_time t);
	/* A bad one: the `_error` event to write (the sink writes it; the
	 * spec frees it). */
	void	(*bad)(void *ctx, cJSON *err);
	void	*ctx;
};

/*
 * Import one record read from file:line (raw: its text, for `_error`
 * events of the record itself): every event it gives goes to the sink, in
 * rule order, then element order.  Diagnostics go to diag.
 */
void	import_record(struct import_spec *, cJSON *rec, const char *file,
	    long line, const char *raw, size_t rawlen,
	    const struct import_sink *, struct diag *);

/*
 * The end of the run: one line each for what was left out (drop, unique),
 * records lacking a mapped ts, role or conversation, records no rule
 * took, and mapped sources never found.  Nothing when all went well.
 */
void	import_summary(const struct import_spec *, const struct diag *);

/* Add what src met to dst's counts (a run on several threads, each with
 * a spec built the same way: then one summary). */
void	import_spec_add_counts(struct import_spec *dst,
	    const struct import_spec *src);
/* Does what becomes of a record depend on the records before it (a rule's
 * unique)?  Then they are read on one thread. */
int	import_spec_needs_all(const struct import_spec *);

/* Call fn with every top-level name the rules read from a record (for
 * checking a CSV header); fn returns nonzero for a name the header has.
 * Returns the first field that can be given no value from the header
 * (its source text in *src), or NULL when all can. */
const struct import_field *import_check_names(const struct import_spec *,
	    int (*has)(void *ctx, const char *name), void *ctx);

/* The canonical field names of cskit-events(5) (NULL-terminated). */
extern const char *const import_canonical_names[];

struct import_sorter;

struct import_sorter *import_sorter_new(void);
/* Keep a serialized event (no newline) with its time; events without a
 * time sort after all timed ones, each group in input order. */
void	import_sorter_add(struct import_sorter *, cs_time t, const char *line,
	    size_t len);
/* Sort (stable) and call emit for each line in order; then free. */
void	import_sorter_finish(struct import_sorter *,
	    void (*emit)(void *ctx, const char *line, size_t len), void *ctx);

#endif
