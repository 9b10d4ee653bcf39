#include <stdlib.h>
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

/* Write rec's line, n bytes to its brace, with the items from `added` on
 * spliced in. */
static void
splice(struct buf *line, const struct ev_record *rec, size_t n,
    const cJSON *added)
{
	buf_reset(line);
	buf_add(line, rec->raw, n - 1);
	int empty = rec->obj->child == added;	/* the input was {} */
	for (const cJSON *it = added; it; it = it->next) {
		if (!empty || it != added)
			buf_addc(line, ',');
		json_write_string(line, it->string, strlen(it->string));
		buf_addc(line, ':');
		json_write(line, it);
	}
	buf_addc(line, '}');
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

static void
write_event(struct ev_writer *w, const struct cli_common *cli,
    const struct children *before, const struct ev_record *rec,
    struct buf *line)
{
	int changed;
	const cJSON *added;

	if (cli->out_format == OUT_JSONL && cli->in.format == EV_JSONL &&
	    rec->raw != NULL) {
		added = appended_after(before, rec->obj, &changed);
		size_t n = changed ? 0 : object_end(rec);
		if (n > 0 && added == NULL) {
			/* untouched (most events): the line as it came */
			ev_writer_raw(w, rec->raw, n);
			return;
		}
		if (n > 0) {
			splice(line, rec, n, added);
			ev_writer_raw(w, line->data, line->len);
			return;
		}
	}
	if (rec->partial)
		write_partial(w, rec);
	else
		ev_writer_write(w, rec->obj);
}

int
filter_run(struct cli_common *cli, struct diag *d, char *const *files,
    int nfiles, filter_fn fn, void *ctx)
{
	struct ev_reader_opts in = cli->in;

	/* Only a line written back as it came can skip building its fields. */
	if (cli->out_format != OUT_JSONL)
		in.want = NULL;
	struct ev_reader *r = ev_open(&in, files, nfiles, d);
	struct ev_writer *w = ev_writer_open(cli->out_format, STDOUT_FILENO, d);
	struct children before = { NULL, 0, 0 };
	struct buf line = BUF_INIT;
	struct ev_record rec;
	int status;

	d->before_strict_exit = ev_writer_flush_cb;
	d->before_strict_exit_ctx = w;
	while (ev_read(r, &rec) > 0) {
		if (rec.status == EV_OK) {
			children_note(&before, rec.obj);
			const char *why = fn(ctx, rec.obj, &rec);
			if (why == NULL) {
				write_event(w, cli, &before, &rec, &line);
				continue;
			}
			rec.status = EV_BAD;
			rec.why = why;
			diag_bad_line(d, rec.file, rec.line, "%s", why);
		}
		if (rec.status == EV_PASSED) {
			children_note(&before, rec.obj);
			write_event(w, cli, &before, &rec, &line);
			continue;
		}
		cJSON *err = ev_error_object(&rec);
		ev_writer_write(w, err);
		cJSON_Delete(err);
	}
	d->before_strict_exit = NULL;
	status = diag_exit_status(d);
	if (ev_open_failed(r))
		status = CS_EXIT_NOINPUT;
	ev_close(r);
	ev_writer_close(w);
	free(before.item);
	buf_free(&line);
	return status;
}
