#include <stdlib.h>
#include <stdnoreturn.h>
#include <string.h>
#include <unistd.h>

#include "filter.h"
#include "json.h"

/*
 * Most filters only append fields.  Then the event's original line is
 * still right up to its closing brace, and writing that line with the new
 * fields spliced in is both faster than serializing the whole tree again
 * and truer to "unchanged": the input's own bytes (number spellings,
 * escapes) go out as they came.  struct children remembers the items an
 * event had before the filter ran, to tell an append from a change.
 */
struct children {
	const cJSON	**item;
	size_t		  n, cap;
};

static void
children_note(struct children *c, const cJSON *obj)
{
	c->n = 0;
	for (const cJSON *it = obj->child; it; it = it->next) {
		if (c->n == c->cap) {
			c->cap = c->cap ? c->cap * 2 : 32;
			c->item = xrealloc(c->item, sizeof *c->item * c->cap);
		}
		c->item[c->n++] = it;
	}
}

/* The first item the filter appended, or NULL if it changed any other. */
static const cJSON *
appended_after(const struct children *c, const cJSON *obj, int *changed)
{
	const cJSON *it = obj->child;

	*changed = 0;
	for (size_t i = 0; i < c->n; i++, it = it->next) {
		if (it != c->item[i]) {
			*changed = 1;
			return NULL;
		}
	}
	return it;
}

/* The length of rec's line up to its closing brace, or 0 if it has none. */
static size_t
object_end(const struct ev_record *rec)
{
	size_t n = rec->rawlen;

	while (n > 0 && (rec->raw[n - 1] == ' ' || rec->raw[n - 1] == '\t'))
		n--;
	return n > 0 && rec->raw[n - 1] == '}' ? n : 0;
}

/* Was rec's line {}?  Its n bytes end in the brace; before it, past any
 * blanks, only an empty object has its opening brace (a value ends in a
 * quote, a digit, a letter, ] or }). */
static int
empty_object(const struct ev_record *rec, size_t n)
{
	size_t k = n - 1;

	while (k > 0 && (rec->raw[k - 1] == ' ' || rec->raw[k - 1] == '\t' ||
	    rec->raw[k - 1] == '\n' || rec->raw[k - 1] == '\r'))
		k--;
	return k > 0 && rec->raw[k - 1] == '{';
}

/* Write rec's line, n bytes to its brace, with the items from `added` on
 * and then the text members of `add` spliced in.  The pieces go to the
 * writer as they are: the line is not copied to be written. */
static void
splice(struct ev_writer *w, const struct ev_record *rec, size_t n,
    const cJSON *added, const struct filter_add *add, struct buf *items)
{
	int comma = !empty_object(rec, n);

	buf_reset(items);
	for (const cJSON *it = added; it; it = it->next) {
		if (comma)
			buf_addc(items, ',');
		comma = 1;
		json_write_string(items, it->string, strlen(it->string));
		buf_addc(items, ':');
		json_write(items, it);
	}
	ev_writer_raw_part(w, rec->raw, n - 1);
	ev_writer_raw_part(w, items->data, items->len);
	if (add->n > 0) {
		size_t skip = comma ? 0 : 1;	/* the text's leading comma */
		ev_writer_raw_part(w, add->text.data + skip,
		    add->text.len - skip);
	}
	ev_writer_raw(w, "}", 1);
}

/*
 * A partial event (only the fields the filter reads or sets) that the
 * filter changed: the whole event from its line, each of those fields set
 * on it as the filter left it (the first of duplicates, the one read).  A
 * later duplicate goes, as json_set does for any key it sets: the event
 * says what the filter read.
 */
static void
write_partial(struct ev_writer *w, const struct ev_record *rec)
{
	cJSON *full = ev_full_object(rec);

	if (full == NULL)	/* the reader checked the line: cannot be */
		abort();
	for (const cJSON *it = rec->obj->child; it; it = it->next)
		if (json_get(rec->obj, it->string) == it)
			json_set(full, it->string, cJSON_Duplicate(it, 1));
	ev_writer_write(w, full);
	cJSON_Delete(full);
}

void
filter_add_str(struct filter_add *add, const char *key, const char *val)
{
	filter_add_key(add, key);
	if (val == NULL)
		buf_add(&add->text, "null", 4);
	else
		json_write_string(&add->text, val, strlen(val));
}

void
filter_add_num(struct filter_add *add, const char *key, double val)
{
	filter_add_key(add, key);
	json_write_number(&add->text, val);
}

void
filter_add_milli(struct filter_add *add, const char *key, long long k)
{
	filter_add_key(add, key);
	json_write_milli(&add->text, k);
}

void
filter_add_bool(struct filter_add *add, const char *key, int val)
{
	filter_add_key(add, key);
	if (val)
		buf_add(&add->text, "true", 4);
	else
		buf_add(&add->text, "false", 5);
}

static void
add_clear(struct filter_add *add)
{
	add->n = 0;
	buf_reset(&add->text);
}

/* Does the event already have a key that add sets? */
static int
add_overlaps(const struct filter_add *add, const cJSON *obj)
{
	for (const cJSON *it = obj->child; it; it = it->next)
		for (int i = 0; i < add->n; i++)
			if (it->string[0] == add->key[i][0] &&
			    strcmp(it->string, add->key[i]) == 0)
				return 1;
	return 0;
}

/* The text members as items on obj, set with json_put, as fn would have. */
static void
add_to_object(struct filter_add *add, cJSON *obj)
{
	add->text.data[0] = '{';	/* ,"k":v,... becomes {"k":v,...} */
	buf_addc(&add->text, '}');
	cJSON *parsed = cJSON_ParseWithLength(add->text.data, add->text.len);
	if (parsed == NULL)	/* written by filter_add_*: cannot be */
		abort();
	for (int i = 0; i < add->n; i++) {
		cJSON *it = cJSON_DetachItemViaPointer(parsed, parsed->child);
		json_put(obj, add->key[i], it);
	}
	cJSON_Delete(parsed);
	add_clear(add);
}

/*
 * Held events (filter_run_held): a queue of records in input order, each a
 * line of text in `bytes` (JSON Lines out) or an object, the oldest first.
 * An entry's number is base + its index; a ticket is that number + 1.
 */
struct held {
	size_t		 off, len;	/* its line in bytes */
	size_t		 moff, mlen;	/* members a release added */
	cJSON		*obj;		/* other formats: the event */
	void		*owner;		/* the tool's, for overflow */
	int		 waiting;	/* held, not released yet */
};

struct filter_queue {
	struct held	*v;
	size_t		 head, n, cap;	/* entries v[head .. head + n) */
	uint64_t	 base;		/* the number of v[head] */
	struct buf	 bytes;
	size_t		 waiting;	/* entries held */
};

#define FILTER_MAX_HELD	10000

/* What one filter_run keeps from event to event. */
struct filter_state {
	struct cli_common	*cli;
	struct diag		*d;
	struct ev_writer	*w;
	struct children		 before;	/* the items before fn */
	struct buf		 line;		/* splice scratch */
	struct filter_add	 add;		/* what fn appends as text */
	int			 check;		/* CSKIT_CHECK=1: check_sets */
	struct filter_queue	 q;
	const struct filter_hooks *hooks;	/* NULL: nothing is held */
	void			*ctx;
};

/*
 * The contract of a filter that reads partial events (filter.h): it sets
 * only fields it wants.  A field it does not want is not built into the
 * event it sees, so an input that already has the field would leave with
 * it twice.  Checked when the environment has CSKIT_CHECK=1, as the test
 * suite runs every tool: a look-up of each key set, on every event, which
 * a run over a million events should not pay for.
 */
static noreturn void
unwanted(const struct diag *d, const char *key)
{
	diag_fatal(d, CS_EXIT_SOFTWARE, "internal error: the filter sets "
	    "\"%s\" without wanting it, so an event that has it would get "
	    "it twice", key);
}

static void
check_key(const struct ev_want *want, const char *key, const struct diag *d)
{
	if (strcmp(key, "_error") != 0 &&
	    ev_want_find(want, key, strlen(key)) == NULL)
		unwanted(d, key);
}

/* The text members fn added and the items it appended or left (all of
 * them when it changed any). */
static void
check_sets(const struct ev_want *want, const struct filter_add *add,
    const cJSON *items, const struct diag *d)
{
	for (int i = 0; i < add->n; i++)
		check_key(want, add->key[i], d);
	for (const cJSON *it = items; it != NULL; it = it->next)
		check_key(want, it->string, d);
}

/* Write rec's line with what fn appended spliced on, if that is the event
 * fn left; 0 when it is not (or when the output is not JSON Lines). */
static int
write_spliced(struct ev_writer *w, const struct cli_common *cli,
    const struct ev_record *rec, const cJSON *added, int changed,
    const struct filter_add *add, struct buf *line)
{
	size_t n;

	if (cli->out_format != OUT_JSONL || cli->in.format != EV_JSONL ||
	    rec->raw == NULL)
		return 0;
	n = changed ? 0 : object_end(rec);
	if (n == 0 || (add->n > 0 && add_overlaps(add, rec->obj)))
		return 0;
	if (added == NULL && add->n == 0) {
		/* untouched (most events): the line as it came */
		ev_writer_raw(w, rec->raw, n);
		return 1;
	}
	splice(w, rec, n, added, add, line);
	return 1;
}

static void
write_event(struct filter_state *st, const struct ev_record *rec)
{
	int changed;
	const cJSON *added = appended_after(&st->before, rec->obj, &changed);

	if (st->check && rec->partial)
		check_sets(st->cli->in.want, &st->add,
		    changed ? rec->obj->child : added, st->d);
	if (write_spliced(st->w, st->cli, rec, added, changed, &st->add,
	    &st->line))
		return;
	if (st->add.n > 0) {
		add_to_object(&st->add, rec->obj);
		added = appended_after(&st->before, rec->obj, &changed);
		if (write_spliced(st->w, st->cli, rec, added, changed,
		    &st->add, &st->line))
			return;
	}
	if (rec->partial)
		write_partial(st->w, rec);
	else
		ev_writer_write(st->w, rec->obj);
}

/* The queue's entry with number n (base + index), or NULL. */
static struct held *
held_at(struct filter_queue *q, uint64_t n)
{
	if (n < q->base || n - q->base >= q->n)
		return NULL;
	return &q->v[q->head + (size_t)(n - q->base)];
}

static struct held *
held_push(struct filter_queue *q)
{
	struct held *h;

	if (q->head + q->n == q->cap) {
		if (q->head > q->cap / 2) {
			memmove(q->v, q->v + q->head, q->n * sizeof(*q->v));
			q->head = 0;
		} else {
			q->cap = q->cap ? q->cap * 2 : 64;
			q->v = xrealloc(q->v, q->cap * sizeof(*q->v));
		}
	}
	h = &q->v[q->head + q->n++];
	memset(h, 0, sizeof(*h));
	return h;
}

uint64_t
filter_hold(struct filter_add *add, void *owner)
{
	struct filter_queue *q = add->queue;

	if (q == NULL)
		abort();	/* holding needs filter_run_held */
	/* The event is queued right after fn: it gets the next number. */
	add->hold = q->base + q->n + 1;
	add->owner = owner;
	return add->hold;
}

void
filter_release(struct filter_add *add, uint64_t ticket, const char *members,
    size_t len)
{
	struct filter_queue *q = add->queue;
	struct held *h = q != NULL && ticket > 0 ? held_at(q, ticket - 1) :
	    NULL;

	if (h == NULL || !h->waiting)
		return;
	h->waiting = 0;
	q->waiting--;
	if (len > 0) {
		h->moff = q->bytes.len;
		h->mlen = len;
		buf_add(&q->bytes, members, len);
	}
}

/* Keep the event as the filter would write it now. */
static void
keep_event(struct filter_state *st, const struct ev_record *rec, int hold)
{
	struct filter_queue *q = &st->q;
	struct held *h = held_push(q);

	if (st->cli->out_format == OUT_JSONL) {
		h->off = q->bytes.len;
		ev_writer_capture(st->w, &q->bytes);
		write_event(st, rec);
		ev_writer_capture(st->w, NULL);
		h->len = q->bytes.len - h->off;
	} else {
		if (st->add.n > 0)
			add_to_object(&st->add, rec->obj);
		h->obj = cJSON_Duplicate(rec->obj, 1);
	}
	h->waiting = hold;
	h->owner = hold ? st->add.owner : NULL;
	q->waiting += hold != 0;
}

static void
keep_object(struct filter_state *st, const cJSON *obj)
{
	struct filter_queue *q = &st->q;
	struct held *h = held_push(q);

	if (st->cli->out_format == OUT_JSONL) {
		h->off = q->bytes.len;
		json_write(&q->bytes, obj);
		h->len = q->bytes.len - h->off;
	} else
		h->obj = cJSON_Duplicate(obj, 1);
}

/* Write one kept entry with the members its release added. */
static void
write_held(struct filter_state *st, struct held *h)
{
	struct filter_queue *q = &st->q;
	const char *line = q->bytes.data + h->off;
	const char *mem = q->bytes.data + h->moff;

	if (h->obj != NULL) {
		if (h->mlen > 0) {
			/* ,"k":v,... read as {"k":v,...} and set member by
			 * member. */
			struct buf text = BUF_INIT;
			cJSON *parsed;
			buf_addc(&text, '{');
			buf_add(&text, mem + 1, h->mlen - 1);
			buf_addc(&text, '}');
			parsed = cJSON_ParseWithLength(text.data, text.len);
			for (cJSON *it = parsed ? parsed->child : NULL; it;
			    it = it->next)
				json_set(h->obj, it->string,
				    cJSON_Duplicate(it, 1));
			cJSON_Delete(parsed);
			buf_free(&text);
		}
		ev_writer_write(st->w, h->obj);
		cJSON_Delete(h->obj);
		h->obj = NULL;
		return;
	}
	if (h->mlen == 0) {
		ev_writer_raw(st->w, line, h->len);
		return;
	}
	/* The line ends in its brace: the members go before it. */
	ev_writer_raw_part(st->w, line, h->len - 1);
	if (h->len == 2 && line[0] == '{')
		ev_writer_raw_part(st->w, mem + 1, h->mlen - 1);
	else
		ev_writer_raw_part(st->w, mem, h->mlen);
	ev_writer_raw(st->w, "}", 1);
}

/*
 * The bytes before every kept entry's line and members were written: when
 * they are most of the buffer, the rest moves down.
 */
static void
compact(struct filter_queue *q)
{
	/* Lines go on in input order and a release's members after every
	 * line before it: the oldest kept line is the lowest byte kept. */
	size_t low = q->v[q->head].off;

	if (q->v[q->head].obj != NULL || low < 65536 ||
	    low < q->bytes.len / 2)
		return;
	memmove(q->bytes.data, q->bytes.data + low, q->bytes.len - low);
	q->bytes.len -= low;
	q->bytes.data[q->bytes.len] = '\0';
	for (size_t i = 0; i < q->n; i++) {
		struct held *h = &q->v[q->head + i];
		h->off = h->obj == NULL ? h->off - low : 0;
		if (h->mlen > 0)
			h->moff -= low;
	}
}

/* Write the kept events up to the first still held (all with force). */
static void
drain(struct filter_state *st, int force)
{
	struct filter_queue *q = &st->q;

	while (q->n > 0) {
		struct held *h = &q->v[q->head];
		if (h->waiting && !force)
			break;
		if (h->waiting) {
			h->waiting = 0;
			q->waiting--;
		}
		write_held(st, h);
		q->head++;
		q->n--;
		q->base++;
	}
	if (q->n == 0) {
		q->head = 0;
		buf_reset(&q->bytes);
	} else
		compact(q);
}

/* --strict ends the run: what is kept goes out first, then the writer. */
static void
drain_for_exit(void *arg)
{
	struct filter_state *st = arg;

	drain(st, 1);
	ev_writer_flush_cb(st->w);
}

/* The queue over its bound: the oldest held event must be released. */
static void
bound_queue(struct filter_state *st)
{
	struct filter_queue *q = &st->q;
	size_t max = st->hooks->max_held ? st->hooks->max_held :
	    FILTER_MAX_HELD;

	while (q->n > max && q->waiting > 0) {
		uint64_t ticket = 0;
		void *owner = NULL;
		for (size_t i = 0; i < q->n && ticket == 0; i++)
			if (q->v[q->head + i].waiting) {
				ticket = q->base + i + 1;
				owner = q->v[q->head + i].owner;
			}
		st->hooks->overflow(st->ctx, ticket, owner);
		if (held_at(q, ticket - 1)->waiting)
			filter_release(&st->add, ticket, NULL, 0);
		drain(st, 0);
	}
}

/* Every record of r through fn to w; the exit status of what was read. */
static int
run_loop(struct cli_common *cli, struct diag *d, struct ev_reader *r,
    struct ev_writer *w, const struct ev_reader_opts *in, filter_fn fn,
    void *ctx, const struct filter_hooks *hooks)
{
	const char *check = getenv("CSKIT_CHECK");
	struct filter_state st = { cli, d, w, { NULL, 0, 0 }, BUF_INIT,
	    { BUF_INIT, { NULL }, 0, NULL, 0, NULL },
	    in->want != NULL && check != NULL && strcmp(check, "1") == 0,
	    { NULL, 0, 0, 0, 0, BUF_INIT, 0 }, hooks, ctx };
	struct ev_record rec;

	if (hooks != NULL) {
		st.add.queue = &st.q;
		/* --strict ends the run: what is kept goes out first. */
		d->before_strict_exit = drain_for_exit;
		d->before_strict_exit_ctx = &st;
	}
	while (ev_read(r, &rec) > 0) {
		if (rec.status == EV_OK) {
			children_note(&st.before, rec.obj);
			add_clear(&st.add);
			st.add.hold = 0;
			const char *why = fn(ctx, rec.obj, &rec, &st.add);
			if (why == NULL) {
				if (st.add.hold != 0 || st.q.n > 0) {
					keep_event(&st, &rec, st.add.hold != 0);
					drain(&st, 0);
					if (hooks != NULL)
						bound_queue(&st);
				} else
					write_event(&st, &rec);
				continue;
			}
			rec.status = EV_BAD;
			rec.why = why;
			diag_bad_line(d, rec.file, rec.line, "%s", why);
		}
		if (rec.status == EV_PASSED) {
			children_note(&st.before, rec.obj);
			add_clear(&st.add);
			if (st.q.n > 0)
				keep_event(&st, &rec, 0);
			else
				write_event(&st, &rec);
			continue;
		}
		cJSON *err = ev_error_object(&rec);
		if (st.q.n > 0)
			keep_object(&st, err);
		else
			ev_writer_write(st.w, err);
		cJSON_Delete(err);
	}
	if (hooks != NULL && hooks->end != NULL)
		hooks->end(ctx);
	drain(&st, 1);
	if (hooks != NULL) {
		d->before_strict_exit = ev_writer_flush_cb;
		d->before_strict_exit_ctx = w;
	}
	free(st.before.item);
	free(st.q.v);
	buf_free(&st.q.bytes);
	buf_free(&st.line);
	buf_free(&st.add.text);
	return ev_open_failed(r) ? CS_EXIT_NOINPUT : diag_exit_status(d);
}

/* What the reader may leave unbuilt: only a line written back as it came
 * can skip building its fields. */
static struct ev_reader_opts
reader_opts(const struct cli_common *cli)
{
	struct ev_reader_opts in = cli->in;

	if (cli->out_format != OUT_JSONL)
		in.want = NULL;
	return in;
}

int
filter_run(struct cli_common *cli, struct diag *d, char *const *files,
    int nfiles, filter_fn fn, void *ctx)
{
	return filter_run_held(cli, d, files, nfiles, fn, ctx, NULL);
}

int
filter_run_held(struct cli_common *cli, struct diag *d, char *const *files,
    int nfiles, filter_fn fn, void *ctx, const struct filter_hooks *hooks)
{
	struct ev_reader_opts in = reader_opts(cli);
	struct ev_reader *r = ev_open(&in, files, nfiles, d);
	struct ev_writer *w = cli_writer_open(cli, d);
	int status;

	d->before_strict_exit = ev_writer_flush_cb;
	d->before_strict_exit_ctx = w;
	status = run_loop(cli, d, r, w, &in, fn, ctx, hooks);
	d->before_strict_exit = NULL;
	ev_close(r);
	ev_writer_close(w);
	return status;
}

int
filter_run_lines(struct cli_common *cli, struct diag *d,
    const struct ev_lines *lines, struct ev_writer *w, filter_fn fn,
    void *ctx)
{
	return filter_run_lines_held(cli, d, lines, w, fn, ctx, NULL);
}

int
filter_run_lines_held(struct cli_common *cli, struct diag *d,
    const struct ev_lines *lines, struct ev_writer *w, filter_fn fn,
    void *ctx, const struct filter_hooks *hooks)
{
	struct ev_reader_opts in = reader_opts(cli);
	struct ev_reader *r = ev_open_lines(&in, lines, d);
	int status = run_loop(cli, d, r, w, &in, fn, ctx, hooks);

	ev_close(r);
	return status;
}
