/*
 * filterpar — a filter's stream loop on several threads (-j N): the same
 * records filter_run writes, byte for byte, on standard output and
 * standard error, with the same exit status.
 *
 * Owns nothing past the call.  The calling thread reads the input in
 * batches of whole lines and deals each line to a thread by a hash of its
 * routing key (the value of a field, `conversation` for the tools that
 * keep a conversation's context: every event of a conversation goes to the
 * same thread, in input order); lines without one are dealt in turn.  Each
 * thread runs the filter's function, with a context of its own, over its
 * lines (filter_run_lines) into memory; the calling thread writes the
 * records in input order and tells each thread's diagnostics before the
 * record of their line, so --strict stops where one thread stops.
 *
 * What a thread's context keeps is the state of its own conversations: a
 * filter whose state is per conversation (cs-classify's context and
 * language, cs-tzsched's zone) writes what one thread writes.  A bound on
 * the conversations kept (--max-conversations) holds for each thread: past
 * it, the conversations forgotten are others than one thread forgets, so a
 * run that forgets any can differ there.  State across conversations is
 * the tool's to keep whole (it passes key NULL and keeps none, or stays on
 * one thread).
 *
 * A filter that holds events (filter_hooks, cs-reply) runs on threads as
 * well: each thread holds its own, its bound (max_held) a thread's; the
 * records a thread owes wait with their batch, and reading goes on.  Then
 * every record must be one line of output.
 *
 * Lines whose field `all` is the string all_value are read by every
 * thread, in input order, and written (and diagnosed) by the one their key
 * gives: state across conversations that such lines alone change (cs-reply's
 * orders, joined by customer) is then the same on every thread.
 *
 * Threads are used for JSON Lines in and out: other formats, and jobs 1,
 * run filter_run with the first context (or `one`).  The functions are called
 * concurrently on their own contexts; whatever else they read (a model, a
 * zone database) must not change while they run.
 */
#ifndef CSKIT_FILTERPAR_H
#define CSKIT_FILTERPAR_H

#include "evwrite.h"
#include "filter.h"

/*
 * ctxs[0 .. jobs): one context a thread.  key: the canonical field that
 * routes lines (through the field map), NULL to deal them in turn.
 */
/*
 * A thread's own loop instead of filter_run_lines: reads lines (through
 * ev_open_lines) and writes its records to w, one a line at most... as
 * cs-import does (a line may give several events, or none).
 */
typedef int (*filter_body)(void *ctx, struct cli_common *, struct diag *,
	    const struct ev_lines *, struct ev_writer *w);
typedef int (*filter_one)(void *ctx, struct cli_common *, struct diag *,
	    char *const *files, int nfiles);

struct filter_par {
	int			 jobs;
	const char		*key;		/* canonical; NULL: in turn */
	const char		*key_else;	/* when key has no value (or
						 * an empty one) */
	const char		*all;		/* canonical field, or NULL */
	const char		*all_value;
	const struct filter_hooks *hooks;	/* NULL: nothing held */
	filter_body		 body;		/* NULL: filter_run_lines */
	filter_one		 one;		/* one thread; NULL: filter_run */
};

int	filter_run_par(struct cli_common *, struct diag *, char *const *files,
	    int nfiles, filter_fn fn, void *const *ctxs,
	    const struct filter_par *);

int	filter_run_jobs(struct cli_common *, struct diag *, char *const *files,
	    int nfiles, filter_fn fn, void *const *ctxs, int jobs,
	    const char *key);

/* The threads filter_run_jobs will use for these options (cli->jobs, or
 * 1 for other formats than JSON Lines): the contexts to make. */
int	filter_jobs(const struct cli_common *);

#endif
