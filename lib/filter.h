/*
 * filter — the stream loop of a filter tool (classify, reply, tzsched).
 *
 * Owns nothing past the call: filter_run() opens the reader and writer from
 * the common options, hands each good event to the tool's function, and
 * writes every record out in input order, so a filter keeps every field it
 * does not own and loses no line:
 *   - a good event: fn annotates it in place; it is written;
 *   - fn returns a reason: the event is diagnosed as a bad line (FILE:LINE)
 *     and written as an `_error` event with its raw text;
 *   - a bad line from the reader, or an event already carrying `_error`:
 *     written as the `_error` event / untouched.
 * Returns the exit status (0, 65, 66; write failures exit inside out).
 *
 * fn must change an event only through json_set*() (which replaces the item)
 * or by appending: when it only appended, the event's original line is
 * written with the new fields spliced on (its own bytes kept); an item
 * changed in place through cJSON's setters would go unseen.
 *
 * With cli->in.want set (and JSON Lines out), fn sees only the wanted
 * fields, so it must want every field it reads and every field it sets;
 * the rest of the line goes out as it came.
 *
 * fn may also append members as JSON text, through filter_add_*() on its
 * `add` argument, instead of making cJSON items: when the line can be
 * spliced, the text goes out as it is, with no item made, written and freed
 * per field.  When it cannot (another output format, a line that does not
 * end in its brace, or an event that already has one of the keys) the
 * filter parses the text and sets each member with json_put(), just as if
 * fn had; the output is the same either way.
 */
#ifndef CSKIT_FILTER_H
#define CSKIT_FILTER_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"

#define FILTER_ADD_MAX	16	/* members one event may get as text */

/*
 * Members to append, as the text ,"key":value,"key":value.  Owned by
 * filter_run and emptied before each event; the keys are borrowed (a
 * tool's literals) and must need no escaping.
 */
struct filter_queue;

struct filter_add {
	struct buf	 text;
	const char	*key[FILTER_ADD_MAX];
	int		 n;
	struct filter_queue *queue;	/* filter_run_held's, or NULL */
	uint64_t	 hold;		/* the ticket of this event, held */
	void		*owner;		/* ... and its owner */
};

/* Start a member: writes ,"key": (the value follows, in JSON).  Inline:
 * the key is a literal, so its length and copy fold into a few moves. */
static inline void
filter_add_key(struct filter_add *add, const char *key)
{
	struct buf *b = &add->text;
	size_t n = strlen(key);

	if (add->n == FILTER_ADD_MAX)
		abort();	/* a tool adding more than it may */
	add->key[add->n++] = key;
	if (b->cap - b->len <= n + 4)
		buf_grow(b, n + 4);
	char *d = b->data + b->len;
	d[0] = ',';
	d[1] = '"';
	memcpy(d + 2, key, n);
	d[n + 2] = '"';
	d[n + 3] = ':';
	b->len += n + 4;
	b->data[b->len] = '\0';
}

void	filter_add_str(struct filter_add *, const char *key, const char *);
void	filter_add_num(struct filter_add *, const char *key, double);
/* k thousandths (json_write_milli) */
void	filter_add_milli(struct filter_add *, const char *key, long long k);
void	filter_add_bool(struct filter_add *, const char *key, int);

/* NULL when the event is fine, else a reason (valid until the next call). */
typedef const char *(*filter_fn)(void *ctx, cJSON *ev,
	    const struct ev_record *rec, struct filter_add *add);

int	filter_run(struct cli_common *, struct diag *, char *const *files,
	    int nfiles, filter_fn fn, void *ctx);
/* The same loop over lines handed over by the caller (ev_open_lines),
 * written to w, which the caller opened and closes (filterpar.h). */
int	filter_run_lines(struct cli_common *, struct diag *,
	    const struct ev_lines *, struct ev_writer *, filter_fn fn,
	    void *ctx);

/*
 * Holding, for a filter that can finish an event only when a later one
 * comes (cs-reply drafts a buyer's turn on its last message).  fn holds
 * the event it is given with filter_hold(), which returns the event's
 * ticket; that event and every later one are then kept, in input order,
 * until the held event is released with filter_release(): its members
 * text (",\"key\":value…", possibly empty) goes on as if fn had added it,
 * and the kept events are written up to the next one still held.  Keys a
 * release adds must not be in the event already.
 *
 * At most max_held events are kept (0: 10,000): past that, overflow(ctx,
 * ticket, owner) is called for the oldest held event and must release it;
 * at the
 * end of the input end(ctx) must release the rest.  What is still held
 * then, or when --strict ends the run, is written without a release.
 * Memory: the kept events' lines (JSON Lines out) or objects.
 */
struct filter_hooks {
	void	(*overflow)(void *ctx, uint64_t ticket, void *owner);
	void	(*end)(void *ctx);
	size_t	 max_held;
};

/* owner: the tool's, handed back to overflow with the ticket. */
uint64_t filter_hold(struct filter_add *, void *owner);
void	filter_release(struct filter_add *, uint64_t ticket,
	    const char *members, size_t len);
int	filter_run_held(struct cli_common *, struct diag *,
	    char *const *files, int nfiles, filter_fn fn, void *ctx,
	    const struct filter_hooks *);
/* filter_run_lines, holding (hooks NULL: none held). */
int	filter_run_lines_held(struct cli_common *, struct diag *,
	    const struct ev_lines *, struct ev_writer *, filter_fn fn,
	    void *ctx, const struct filter_hooks *);

#endif
