#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "filterpar.h"
#include "hmap.h"
#include "json.h"
#include "out.h"

/* A batch is read until it holds this much; a longer line makes it
 * longer (up to --max-line). */
#define BATCH_BYTES	(256u << 10)

/* ---- batches ------------------------------------------------------------------ */

struct bline {
	size_t		 off, len;	/* in the batch's bytes; for a line
					 * over --max-line, len is its length */
	long		 lineno;
	const char	*file;		/* shown name: lives on (argv) */
	int		 owner;		/* the thread that writes its record,
					 * or -1: a blank line */
	int		 too_long;
	int		 to_all;	/* every thread reads it */
};

struct note {
	enum diag_kind	 kind;
	const char	*file;
	long		 line;
	size_t		 at;		/* the batch line it is told before */
	char		*msg;
	int		 not_utf8;	/* a line that is not UTF-8 (importing:
					 * counted for the operand's end) */
};

/* One thread's part of a batch: its records and diagnostics. */
struct share {
	struct buf	 out;
	size_t		*lens;
	size_t		 nlens, caplens;
	struct note	*notes;
	size_t		 nnotes, capnotes;
};

struct batch {
	struct buf	 bytes;
	struct bline	*l;
	size_t		 n, cap;
	struct note	*pre;		/* the reader's own (an operand that
					 * cannot be opened), told first */
	size_t		 npre, cappre;
	struct share	*share;		/* one a thread */
	int		 left;		/* threads not done reading it */
	atomic_size_t	 pending;	/* its records not yet made */
	uint64_t	 seq;
	int		 operand;	/* its lines' (a batch holds one's) */
};

struct par {
	struct cli_common	*cli;
	struct diag		*d;
	filter_fn		 fn;
	void *const		*ctxs;
	int			 jobs;
	const struct filter_par	*opt;
	char *const		*files;
	/* The batches read and not yet written, oldest first: batch s is
	 * q[s - base].  Each is one allocation, kept until written (a
	 * thread holding events keeps its lines' records owed). */
	struct batch		**q;
	size_t			 nq, capq;
	uint64_t		 base;
	struct batch		**spare;	/* written, to fill again */
	size_t			 nspare;
	uint64_t		 filled;	/* batches 0 .. filled-1 read */
	uint64_t		 unread;	/* filled, not read by all */
	int			 ended;		/* and no more */
	int			 stop;		/* --strict ends the run */
	pthread_t		*tid;
	struct out		*out;
	int			 wop;		/* the operand written last */
	unsigned long		 not_utf8;	/* ... its lines not UTF-8 */
	pthread_mutex_t		 lock;
	pthread_cond_t		 more;		/* a batch filled, or the end */
	pthread_cond_t		 done;		/* a thread is done with one */
};

static void
note_push(struct note **v, size_t *n, size_t *cap, const struct note *nt)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*v = xrealloc(*v, sizeof **v * *cap);
	}
	(*v)[(*n)++] = *nt;
}

static void
notes_clear(struct note *v, size_t *n)
{
	for (size_t i = 0; i < *n; i++)
		free(v[i].msg);
	*n = 0;
}

/* ---- a thread --------------------------------------------------------------- */

/* A line a thread read whose record is still to come. */
struct owed {
	struct batch	*b;
	size_t		 at;
	int		 discard;	/* another thread's to write */
};

struct worker {
	struct par	*par;
	int		 id;
	uint64_t	 seq;		/* the batch it reads */
	struct batch	*b;		/* NULL between batches */
	size_t		 i;		/* the next line of b to look at */
	size_t		 at;		/* the line being filtered */
	int		 mine;		/* ... and this thread writes it */
	/* records owed, oldest first: one at most unless the filter holds
	 * events (then each record is one line of output) */
	struct owed	*owed;
	size_t		 nowed, headowed, capowed;
	struct buf	 made;		/* what the writer gave, to share out */
	struct ev_writer *w;		/* into memory */
	struct diag	 d;
	int		 status;
};

static void
sink(void *ctx, enum diag_kind kind, const char *file, long line,
    const char *msg)
{
	struct worker *wk = ctx;
	struct share *sh;
	struct note nt = { kind, file, line, wk->at, NULL,
	    wk->par->cli->in.importing && kind == DIAG_BAD_LINE &&
	    ev_why_not_utf8(msg) };

	/* a line every thread reads is told by the one that writes it */
	if (wk->b == NULL || !wk->mine)
		return;
	sh = &wk->b->share[wk->id];
	nt.msg = xstrdup(msg);
	note_push(&sh->notes, &sh->nnotes, &sh->capnotes, &nt);
}

static void
owe(struct worker *wk, struct batch *b, size_t at, int discard)
{
	if (wk->headowed > 0 && wk->headowed == wk->nowed)
		wk->headowed = wk->nowed = 0;
	if (wk->nowed == wk->capowed) {
		if (wk->headowed > 0) {
			memmove(wk->owed, wk->owed + wk->headowed,
			    sizeof *wk->owed * (wk->nowed - wk->headowed));
			wk->nowed -= wk->headowed;
			wk->headowed = 0;
		} else {
			wk->capowed = wk->capowed ? wk->capowed * 2 : 64;
			wk->owed = xrealloc(wk->owed,
			    sizeof *wk->owed * wk->capowed);
		}
	}
	wk->owed[wk->nowed++] = (struct owed){ b, at, discard };
}

/* A record made: into the share of its line's batch. */
static void
pay(struct worker *wk, const char *p, size_t len)
{
	struct par *par = wk->par;
	struct owed *ow;
	struct share *sh;

	if (wk->headowed == wk->nowed)
		diag_fatal(par->d, CS_EXIT_SOFTWARE, "internal error: a record "
		    "for no line");
	ow = &wk->owed[wk->headowed++];
	if (ow->discard)
		return;
	sh = &ow->b->share[wk->id];
	buf_add(&sh->out, p, len);
	if (sh->nlens == sh->caplens) {
		sh->caplens = sh->caplens ? sh->caplens * 2 : 256;
		sh->lens = xrealloc(sh->lens, sizeof *sh->lens * sh->caplens);
	}
	sh->lens[sh->nlens++] = len;
	if (atomic_fetch_sub(&ow->b->pending, 1) == 1) {
		pthread_mutex_lock(&par->lock);
		pthread_cond_broadcast(&par->done);
		pthread_mutex_unlock(&par->lock);
	}
}

/* What the filter wrote since the last look: the records owed. */
static void
take_records(struct worker *wk)
{
	if (wk->headowed == wk->nowed)
		return;
	if (wk->par->opt->hooks == NULL) {
		/* one line given, one record (or none, or several events
		 * of one record) */
		buf_reset(&wk->made);
		ev_writer_take(wk->w, &wk->made);
		pay(wk, wk->made.data, wk->made.len);
		return;
	}
	ev_writer_take(wk->w, &wk->made);
	size_t done = 0;
	for (;;) {
		const char *s = wk->made.data + done;
		const char *nl = memchr(s, '\n', wk->made.len - done);
		if (nl == NULL)
			break;
		pay(wk, s, (size_t)(nl - s) + 1);
		done += (size_t)(nl - s) + 1;
	}
	memmove(wk->made.data, wk->made.data + done, wk->made.len - done);
	wk->made.len -= done;
}

static void
batch_done(struct worker *wk)
{
	struct par *par = wk->par;

	pthread_mutex_lock(&par->lock);
	if (--wk->b->left == 0)
		par->unread--;
	pthread_cond_broadcast(&par->done);
	pthread_mutex_unlock(&par->lock);
	wk->b = NULL;
	wk->seq++;
}

/* ev_lines: the thread's next line, waiting for the batch it is in. */
static int
next_line(void *ctx, const char **p, size_t *n, const char **file,
    long *line)
{
	struct worker *wk = ctx;
	struct par *par = wk->par;

	take_records(wk);
	for (;;) {
		while (wk->b != NULL && wk->i < wk->b->n) {
			const struct bline *l = &wk->b->l[wk->i++];
			if (l->owner != wk->id && !(l->to_all && l->owner >= 0))
				continue;
			wk->at = wk->i - 1;
			wk->mine = l->owner == wk->id;
			owe(wk, wk->b, wk->at, !wk->mine);
			*p = l->too_long ? NULL : wk->b->bytes.data + l->off;
			*n = l->len;
			*file = l->file;
			*line = l->lineno;
			return 1;
		}
		if (wk->b != NULL)
			batch_done(wk);
		pthread_mutex_lock(&par->lock);
		while (par->filled <= wk->seq && !par->ended && !par->stop)
			pthread_cond_wait(&par->more, &par->lock);
		if (par->filled > wk->seq && !par->stop) {
			wk->b = par->q[wk->seq - par->base];
			wk->i = 0;
		}
		pthread_mutex_unlock(&par->lock);
		if (wk->b == NULL)
			return 0;
	}
}

static void *
work(void *arg)
{
	struct worker *wk = arg;
	struct par *par = wk->par;
	struct ev_lines lines = { next_line, wk };

	if (par->opt->body != NULL)
		wk->status = par->opt->body(par->ctxs[wk->id], par->cli,
		    &wk->d, &lines, wk->w);
	else
		wk->status = filter_run_lines_held(par->cli, &wk->d, &lines,
		    wk->w, par->fn, par->ctxs[wk->id], par->opt->hooks);
	/* what the end released */
	take_records(wk);
	return NULL;
}

/* ---- the reader: whole lines, each dealt to a thread ---------------------------- */

struct input {
	char *const	*files;
	int		 nfiles, next;
	int		 fd;		/* -1 between operands */
	const char	*name;
	long		 lineno;
	int		 open_failed;
	struct buf	 carry;		/* a line begun in the last batch */
	size_t		 max_line;
	size_t		 skipping;	/* > 0: the length so far of a line
					 * over --max-line, being passed */
	const char	*key;		/* the routing field's source name */
	const char	*key_else;	/* ... when key has no value */
	const char	*all;		/* the source name of the field whose
					 * value all_value sends a line to
					 * every thread */
	const char	*all_value;
	unsigned	 turn;		/* for lines without a key */
	struct buf	 keytext;
};

/* Open the next operand, its failures told before the batch's lines. */
static int
open_next(struct input *in, struct batch *b, struct diag *d)
{
	while (in->next < in->nfiles) {
		const char *f = in->files[in->next++];
		struct stat st;
		int fd = strcmp(f, "-") == 0 ? 0 : open(f, O_RDONLY | O_CLOEXEC);
		struct buf msg = BUF_INIT;

		in->name = ev_display_name(f);
		if (fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
			buf_printf(&msg, "cannot read %s: %s", f,
			    strerror(EISDIR));
			if (fd > 0)
				close(fd);
			fd = -1;
		} else if (fd < 0)
			buf_printf(&msg, "cannot open %s: %s", f,
			    strerror(errno));
		if (fd < 0) {
			struct note nt = { DIAG_WARN, NULL, 0, 0,
			    buf_detach(&msg), 0 };
			note_push(&b->pre, &b->npre, &b->cappre, &nt);
			in->open_failed = 1;
			continue;
		}
		(void)d;
		in->fd = fd;
		in->lineno = 0;
		in->skipping = 0;
		return 1;
	}
	return 0;
}

/*
 * The top-level member `key` of a JSON object text: its value's span, or
 * NULL.  Quick and not validating: the thread's reader judges the line;
 * for a line that is JSON this finds what the reader would.
 */
static const char *
skip_string(const char *p, const char *e)
{
	for (p++; p < e; ) {
		const char *q = memchr(p, '"', (size_t)(e - p));
		if (q == NULL)
			return NULL;
		const char *b = q;
		while (b > p && b[-1] == '\\')
			b--;
		if (((q - b) & 1) == 0)
			return q + 1;
		p = q + 1;
	}
	return NULL;
}

static const char *
skip_blanks(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	return p;
}

static const char *
skip_value(const char *p, const char *e)
{
	int depth = 0;

	do {
		if (p >= e)
			return NULL;
		if (*p == '"') {
			if ((p = skip_string(p, e)) == NULL)
				return NULL;
			continue;
		}
		if (*p == '{' || *p == '[')
			depth++;
		else if (*p == '}' || *p == ']')
			depth--;
		else if (depth == 0 && (*p == ',' || *p == ' ' ||
		    *p == '\t' || *p == '\r'))
			return p;
		p++;
	} while (depth > 0 || (p < e && *p != ',' && *p != '}' &&
	    *p != ' ' && *p != '\t' && *p != '\r'));
	return p;
}

static const char *
find_member(const char *p, size_t n, const char *key, size_t keylen,
    size_t *vlen)
{
	const char *e = p + n, *k, *v;

	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	p = skip_blanks(p, e);
	if (p >= e || *p++ != '{')
		return NULL;
	for (;;) {
		p = skip_blanks(p, e);
		if (p >= e || *p != '"')
			return NULL;
		k = p + 1;
		if ((p = skip_string(p, e)) == NULL)
			return NULL;
		int match = (size_t)(p - 1 - k) == keylen &&
		    memcmp(k, key, keylen) == 0;
		p = skip_blanks(p, e);
		if (p >= e || *p++ != ':')
			return NULL;
		v = p = skip_blanks(p, e);
		if ((p = skip_value(p, e)) == NULL)
			return NULL;
		if (match) {
			*vlen = (size_t)(p - v);
			return v;
		}
		p = skip_blanks(p, e);
		if (p >= e || *p++ != ',')
			return NULL;
	}
}

/*
 * The routing text of a value: a string's text, a number's as the tools
 * write it (json_write_number), so that a conversation numbered 12 and
 * "12" go together; 0 when it is neither (or no JSON at all).
 */
static int
route_text(const char *v, size_t n, struct buf *out)
{
	buf_reset(out);
	if (n >= 2 && v[0] == '"' && v[n - 1] == '"') {
		if (memchr(v, '\\', n) == NULL) {
			buf_add(out, v + 1, n - 2);
			return 1;
		}
		cJSON *s = cJSON_ParseWithLength(v, n);
		int ok = cJSON_IsString(s);
		if (ok)
			buf_adds(out, s->valuestring);
		cJSON_Delete(s);
		return ok;
	}
	if (n > 0 && (v[0] == '-' || (v[0] >= '0' && v[0] <= '9'))) {
		char tmp[64];
		if (n >= sizeof tmp)
			return 0;
		memcpy(tmp, v, n);
		tmp[n] = '\0';
		json_write_number(out, strtod(tmp, NULL));
		return 1;
	}
	return 0;
}

/* The routing text of the member named key; 0 when there is none (or,
 * with empty_is_none, when it is the empty string). */
static int
member_text(struct input *in, const char *p, size_t n, const char *key,
    int empty_is_none)
{
	size_t vlen;
	const char *v = find_member(p, n, key, strlen(key), &vlen);

	return v != NULL && route_text(v, vlen, &in->keytext) &&
	    !(empty_is_none && in->keytext.len == 0);
}

static int
owner_of(struct input *in, const char *p, size_t n, int jobs)
{
	int else_ = in->key_else != NULL;

	if ((in->key != NULL && member_text(in, p, n, in->key, else_)) ||
	    (else_ && member_text(in, p, n, in->key_else, 1)))
		return (int)(hmap_hash(in->keytext.data, in->keytext.len) %
		    (uint64_t)jobs);
	in->turn = (in->turn + 1) % (unsigned)jobs;
	return (int)in->turn;
}

/* Does the line go to every thread (its `all` member is all_value)? */
static int
to_all(struct input *in, const char *p, size_t n)
{
	return in->all != NULL && member_text(in, p, n, in->all, 0) &&
	    strcmp(buf_str(&in->keytext), in->all_value) == 0;
}

static void
line_add(struct batch *b, const struct input *in, size_t off, size_t len,
    int owner, int too_long, int all)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 4096;
		b->l = xrealloc(b->l, sizeof *b->l * b->cap);
	}
	b->l[b->n++] = (struct bline){ off, len, in->lineno, in->name, owner,
	    too_long, all };
}

/* A line of b->bytes (without its newline), numbered and dealt. */
static void
add_line(struct input *in, struct batch *b, size_t off, size_t len, int jobs)
{
	const char *s = b->bytes.data + off;

	in->lineno++;
	if (len > in->max_line)
		line_add(b, in, 0, len, owner_of(in, "", 0, jobs), 1, 0);
	else if (ev_line_blank(s, len))
		line_add(b, in, off, len, -1, 0, 0);
	else
		line_add(b, in, off, len, owner_of(in, s, len, jobs), 0,
		    to_all(in, s, len));
}

/* The complete lines of b->bytes from `done`: where the last one ends. */
static size_t
split_lines(struct input *in, struct batch *b, size_t done, int jobs)
{
	for (;;) {
		const char *s = b->bytes.data + done;
		const char *nl = memchr(s, '\n', b->bytes.len - done);
		if (nl == NULL)
			return done;
		add_line(in, b, done, (size_t)(nl - s), jobs);
		done += (size_t)(nl - s) + 1;
	}
}

static ssize_t
read_some(struct input *in, char *p, size_t n, struct diag *d)
{
	for (;;) {
		ssize_t r = read(in->fd, p, n);
		if (r >= 0)
			return r;
		if (errno != EINTR)
			diag_fatal(d, CS_EXIT_IOERR, "read error: %s: %s",
			    in->name, strerror(errno));
	}
}

/*
 * The rest of a line already longer than --max-line, passed over as the
 * reader does (its length kept, not its bytes); what follows its newline
 * is carried.  1 when the operand ended in it.
 */
static int
pass_long_line(struct input *in, struct batch *b, size_t len, int jobs,
    struct diag *d)
{
	char tmp[65536];
	ssize_t r;
	const char *nl = NULL;

	while (nl == NULL && (r = read_some(in, tmp, sizeof tmp, d)) > 0) {
		nl = memchr(tmp, '\n', (size_t)r);
		len += nl ? (size_t)(nl - tmp) : (size_t)r;
	}
	in->lineno++;
	line_add(b, in, 0, len, owner_of(in, "", 0, jobs), 1, 0);
	if (nl != NULL)
		buf_add(&in->carry, nl + 1, (size_t)(tmp + r - nl - 1));
	return nl == NULL;
}

static void
end_operand(struct input *in)
{
	if (in->fd > 0)
		close(in->fd);
	in->fd = -1;
}

/*
 * Fill b with whole lines, about BATCH_BYTES of them, never of two
 * operands (so that what is said of an operand comes in its place); the
 * start of a line that does not fit is carried to the next.  0 when the
 * input is at its end.
 */
static int
fill(struct input *in, struct batch *b, int jobs, struct diag *d)
{
	size_t done;

	buf_reset(&b->bytes);
	b->n = 0;
	notes_clear(b->pre, &b->npre);
	if (in->fd < 0 && !open_next(in, b, d))
		return 0;
	b->operand = in->next - 1;
	buf_add(&b->bytes, in->carry.data, in->carry.len);
	buf_reset(&in->carry);
	done = split_lines(in, b, 0, jobs);
	while (done < BATCH_BYTES) {
		if (b->bytes.len - done > in->max_line) {
			size_t len = b->bytes.len - done;
			b->bytes.len = done;
			int ended = pass_long_line(in, b, len, jobs, d);
			buf_add(&b->bytes, in->carry.data, in->carry.len);
			buf_reset(&in->carry);
			done = split_lines(in, b, done, jobs);
			if (ended) {
				end_operand(in);
				return 1;
			}
			continue;
		}
		buf_grow(&b->bytes, 65536);
		ssize_t r = read_some(in, b->bytes.data + b->bytes.len,
		    b->bytes.cap - b->bytes.len - 1, d);
		if (r == 0) {
			if (b->bytes.len > done)
				add_line(in, b, done, b->bytes.len - done, jobs);
			end_operand(in);
			return 1;
		}
		b->bytes.len += (size_t)r;
		done = split_lines(in, b, done, jobs);
	}
	buf_add(&in->carry, b->bytes.data + done, b->bytes.len - done);
	b->bytes.len = done;
	return 1;
}

/* ---- the writer: records in input order --------------------------------------- */

/* --strict ends the run at a bad line: what was written before it goes
 * out, and the threads stop at the end of their batch. */
static void
stop_for_exit(void *ctx)
{
	struct par *par = ctx;

	out_flush(par->out);
	pthread_mutex_lock(&par->lock);
	par->stop = 1;
	pthread_cond_broadcast(&par->more);
	pthread_mutex_unlock(&par->lock);
	for (int i = 0; i < par->jobs; i++)
		pthread_join(par->tid[i], NULL);
}

/* Has line i a diagnostic to tell (so what comes before goes out first)? */
static int
told_next(const struct batch *b, size_t i, const size_t *next_note)
{
	int w = b->l[i].owner;

	return w >= 0 && next_note[w] < b->share[w].nnotes &&
	    b->share[w].notes[next_note[w]].at == i;
}

/* Reading exports: what the reader says at an operand's end (ev.h). */
static void
end_of_operand(struct par *par, int next)
{
	if (par->not_utf8 > 0)
		ev_warn_not_utf8(par->d, ev_display_name(par->files[par->wop]),
		    par->not_utf8);
	par->not_utf8 = 0;
	par->wop = next;
}

/* Batch b, every record of it made: its records in input order, each
 * line's diagnostics first. */
static void
write_batch(struct par *par, struct batch *b, struct out *o)
{
	struct iovec iov[OUT_IOV_MAX];
	int niov = 0;
	size_t *next_rec = xcalloc((size_t)par->jobs, sizeof *next_rec),
	    *next_note = xcalloc((size_t)par->jobs, sizeof *next_note),
	    *off = xcalloc((size_t)par->jobs, sizeof *off);

	if (b->operand != par->wop)
		end_of_operand(par, b->operand);
	for (size_t i = 0; i < b->npre; i++)
		diag_replay(par->d, b->pre[i].kind, b->pre[i].file,
		    b->pre[i].line, b->pre[i].msg);
	for (size_t i = 0; i < b->n; i++) {
		int w = b->l[i].owner;
		if (w < 0)
			continue;
		struct share *sh = &b->share[w];
		while (next_note[w] < sh->nnotes &&
		    sh->notes[next_note[w]].at == i) {
			struct note *nt = &sh->notes[next_note[w]++];
			diag_replay(par->d, nt->kind, nt->file, nt->line,
			    nt->msg);
			par->not_utf8 += nt->not_utf8 != 0;
		}
		if (next_rec[w] >= sh->nlens)
			diag_fatal(par->d, CS_EXIT_SOFTWARE, "internal error: "
			    "no record for %s:%ld", b->l[i].file,
			    b->l[i].lineno);
		/* the thread's bytes go out as they are: a record that
		 * follows the last one of the same thread extends it */
		size_t len = sh->lens[next_rec[w]++];
		const char *p = sh->out.data + off[w];
		off[w] += len;
		if (niov > 0 && (const char *)iov[niov - 1].iov_base +
		    iov[niov - 1].iov_len == p)
			iov[niov - 1].iov_len += len;
		else if (len > 0) {
			if (niov == OUT_IOV_MAX) {
				out_writev(o, iov, niov);
				niov = 0;
			}
			iov[niov++] = (struct iovec){ (void *)p, len };
		}
		/* told before a later line's diagnostics, as one thread */
		if (i + 1 < b->n && told_next(b, i + 1, next_note) && niov > 0) {
			out_writev(o, iov, niov);
			niov = 0;
		}
	}
	if (niov > 0)
		out_writev(o, iov, niov);
	for (int w = 0; w < par->jobs; w++) {
		buf_reset(&b->share[w].out);
		b->share[w].nlens = 0;
		notes_clear(b->share[w].notes, &b->share[w].nnotes);
	}
	free(next_rec);
	free(next_note);
	free(off);
}

static void
batch_free(struct batch *b, int jobs)
{
	buf_free(&b->bytes);
	free(b->l);
	notes_clear(b->pre, &b->npre);
	free(b->pre);
	for (int w = 0; w < jobs; w++) {
		buf_free(&b->share[w].out);
		free(b->share[w].lens);
		notes_clear(b->share[w].notes, &b->share[w].nnotes);
		free(b->share[w].notes);
	}
	free(b->share);
	free(b);
}

static struct batch *
batch_get(struct par *par)
{
	struct batch *b;

	if (par->nspare > 0)
		return par->spare[--par->nspare];
	b = xcalloc(1, sizeof *b);
	b->share = xcalloc((size_t)par->jobs, sizeof *b->share);
	return b;
}

/* Under the lock: is the oldest batch read by all, every record made? */
static int
oldest_done(const struct par *par)
{
	return par->nq > 0 && par->q[0]->left == 0 &&
	    atomic_load(&par->q[0]->pending) == 0;
}

/* Under the lock: the oldest batch out of the queue, written. */
static void
write_oldest(struct par *par, struct out *o)
{
	struct batch *b = par->q[0];

	pthread_mutex_unlock(&par->lock);
	write_batch(par, b, o);
	pthread_mutex_lock(&par->lock);
	memmove(par->q, par->q + 1, sizeof *par->q * (par->nq - 1));
	par->nq--;
	par->base++;
	par->spare = xrealloc(par->spare, sizeof *par->spare *
	    (par->nspare + 1));
	par->spare[par->nspare++] = b;
}

/* Batches read ahead of the slowest thread, at most. */
static uint64_t
read_ahead(const struct par *par)
{
	return (uint64_t)par->jobs * 2 + 2;
}

/*
 * Read batches while the threads filter them; write each once every
 * record of it is made.  A thread holding events owes the records of
 * lines it has read: the batches wait (their number bound by the hold),
 * while reading goes on as far as the threads do.
 */
static void
run_par(struct par *par, struct input *in)
{
	struct out o;
	struct batch *last = NULL;	/* what the end of input said */

	out_open(&o, STDOUT_FILENO, par->d);
	par->out = &o;
	par->d->before_strict_exit = stop_for_exit;
	par->d->before_strict_exit_ctx = par;
	pthread_mutex_lock(&par->lock);
	for (;;) {
		while (oldest_done(par))
			write_oldest(par, &o);
		if (!par->ended && par->unread < read_ahead(par)) {
			struct batch *b = batch_get(par);
			pthread_mutex_unlock(&par->lock);
			int more = fill(in, b, par->jobs, par->d);
			size_t pending = 0;
			for (size_t i = 0; i < b->n; i++)
				pending += b->l[i].owner >= 0;
			atomic_store(&b->pending, pending);
			pthread_mutex_lock(&par->lock);
			if (more) {
				b->left = par->jobs;
				b->seq = par->filled;
				if (par->nq == par->capq) {
					par->capq = par->capq ? par->capq * 2 :
					    16;
					par->q = xrealloc(par->q, sizeof *par->q *
					    par->capq);
				}
				par->q[par->nq++] = b;
				par->filled++;
				par->unread++;
			} else {
				par->ended = 1;
				last = b;
			}
			pthread_cond_broadcast(&par->more);
			continue;
		}
		if (par->ended && par->nq == 0)
			break;
		pthread_cond_wait(&par->done, &par->lock);
	}
	pthread_mutex_unlock(&par->lock);
	end_of_operand(par, -1);
	/* what an operand that cannot be opened says, in its place */
	if (last != NULL) {
		for (size_t i = 0; i < last->npre; i++)
			diag_replay(par->d, last->pre[i].kind,
			    last->pre[i].file, last->pre[i].line,
			    last->pre[i].msg);
		batch_free(last, par->jobs);
	}
	par->d->before_strict_exit = NULL;
	out_close(&o);
}

int
filter_run_par(struct cli_common *cli, struct diag *d, char *const *files,
    int nfiles, filter_fn fn, void *const *ctxs, const struct filter_par *opt)
{
	static char *const stdin_only[] = { "-" };
	struct par par = { cli, d, fn, ctxs, opt->jobs, opt, NULL, NULL, 0,
	    0, 0, NULL, 0, 0, 0, 0, 0, NULL, NULL, -1, 0,
	    PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
	    PTHREAD_COND_INITIALIZER };
	struct input in = { nfiles ? files : stdin_only, nfiles ? nfiles : 1,
	    0, -1, NULL, 0, 0, BUF_INIT,
	    cli->in.max_line ? cli->in.max_line : EV_MAX_LINE_DEFAULT, 0,
	    opt->key ? fieldmap_source(&cli->map, opt->key) : NULL,
	    opt->key_else ? fieldmap_source(&cli->map, opt->key_else) : NULL,
	    opt->all ? fieldmap_source(&cli->map, opt->all) : NULL,
	    opt->all_value, 0, BUF_INIT };
	struct worker *wk;
	pthread_t *tid;
	int status, jobs = opt->jobs;

	if (jobs > filter_jobs(cli))
		jobs = filter_jobs(cli);
	if (jobs <= 1)
		return opt->one != NULL ? opt->one(ctxs[0], cli, d, files,
		    nfiles) : filter_run_held(cli, d, files, nfiles, fn,
		    ctxs[0], opt->hooks);
	par.jobs = jobs;
	par.files = in.files;
	wk = xcalloc((size_t)jobs, sizeof *wk);
	tid = xmalloc(sizeof *tid * (size_t)jobs);
	par.tid = tid;
	for (int i = 0; i < jobs; i++) {
		wk[i].par = &par;
		wk[i].id = i;
		wk[i].w = ev_writer_open(OUT_JSONL, OUT_MEMORY, d);
		wk[i].made = (struct buf)BUF_INIT;
		diag_init(&wk[i].d, d->prog);
		wk[i].d.strict = d->strict;
		wk[i].d.sink = sink;
		wk[i].d.sink_ctx = &wk[i];
		if (pthread_create(&tid[i], NULL, work, &wk[i]) != 0)
			diag_fatal(d, CS_EXIT_SOFTWARE, "cannot start a "
			    "thread: %s", strerror(errno));
	}
	run_par(&par, &in);
	for (int i = 0; i < jobs; i++) {
		pthread_join(tid[i], NULL);
		ev_writer_close(wk[i].w);
		buf_free(&wk[i].made);
		free(wk[i].owed);
	}
	status = in.open_failed ? CS_EXIT_NOINPUT : diag_exit_status(d);
	for (size_t i = 0; i < par.nspare; i++)
		batch_free(par.spare[i], jobs);
	free(par.spare);
	free(par.q);
	free(wk);
	free(tid);
	buf_free(&in.carry);
	buf_free(&in.keytext);
	return status;
}

int
filter_run_jobs(struct cli_common *cli, struct diag *d, char *const *files,
    int nfiles, filter_fn fn, void *const *ctxs, int jobs, const char *key)
{
	struct filter_par opt = { jobs, key, NULL, NULL, NULL, NULL, NULL,
	    NULL };

	return filter_run_par(cli, d, files, nfiles, fn, ctxs, &opt);
}

int
filter_jobs(const struct cli_common *cli)
{
	return cli->in.format == EV_JSONL && cli->out_format == OUT_JSONL ?
	    cli->jobs : 1;
}
