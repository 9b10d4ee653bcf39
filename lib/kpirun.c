#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "json.h"
#include "kpirun.h"

/* A file smaller than this is read by one thread: cutting it saves less
 * than starting a thread costs.  The tests make it smaller, through the
 * environment's CSKIT_PIECE_MIN (bytes). */
#define MIN_PIECE	(1LL << 20)

static long long
min_piece(void)
{
	const char *s = getenv("CSKIT_PIECE_MIN");
	long long v = s ? cli_parse_size(s) : -1;

	return v > 0 ? v : MIN_PIECE;
}

/* ---- settings -------------------------------------------------------------- */

static void
put_instant(struct buf *b, const char *key, cs_time t)
{
	buf_printf(b, ",\"%s\":", key);
	if (t == CS_TIME_NONE)
		buf_adds(b, "null");
	else
		json_write_number(b, (double)t);
}

static void
put_name(struct buf *b, const char *key, const char *s)
{
	buf_printf(b, ",\"%s\":", key);
	if (s == NULL)
		buf_adds(b, "null");
	else
		json_write_string(b, s, strlen(s));
}

char *
kpirun_settings_json(const struct kpirun_settings *s)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, "{\"group\":[");
	for (int i = 0; i < s->ngroup; i++) {
		if (i)
			buf_addc(&b, ',');
		json_write_string(&b, s->group[i], strlen(s->group[i]));
	}
	buf_addc(&b, ']');
	put_name(&b, "by", s->by);
	put_name(&b, "tz", s->tz);
	put_instant(&b, "since", s->since);
	put_instant(&b, "until", s->until);
	put_instant(&b, "now", s->now);
	buf_printf(&b, ",\"bots-respond\":%s}", s->bots_respond ? "true" :
	    "false");
	return buf_detach(&b);
}

/* ---- reading events on this thread ------------------------------------------ */

/* Where a report went past --max-conversations. */
struct full_at {
	const char	*file;
	long		 line;
};

/*
 * Events from r into k until the end, the conversation bound, or (when d
 * stops at the first bad line without exiting: a thread's) a bad line.
 * 1 when k is full, with where.
 */
static int
read_into(struct kpi *k, struct ev_reader *r, struct diag *d,
    struct full_at *at)
{
	struct ev_record rec;

	while (ev_read(r, &rec) > 0) {
		const char *bad = NULL;
		if (rec.status == EV_OK && (bad = kpi_add(k, rec.obj)) == NULL) {
			if (kpi_full(k)) {
				at->file = rec.file;
				at->line = rec.line;
				return 1;
			}
			continue;
		}
		if (bad != NULL)
			diag_bad_line(d, rec.file, rec.line, "%s", bad);
		kpi_reject(k);
		if (d->strict && d->bad_lines > 0)
			break;
	}
	return 0;
}

static void
say_full(struct diag *d, const struct kpirun *run, const char *file,
    long line)
{
	size_t max = run->opts->max_conversations;

	if (file != NULL)
		diag_warn_line(d, file, line, "conversation %zu is over --max-"
		    "conversations %zu: no report, its figures would be wrong "
		    "(raise the bound, 0 for none; see LIMITS in cs-kpi(1))",
		    max + 1, max);
	else
		diag_warn(d, "more than --max-conversations %zu conversations: "
		    "no report, its figures would be wrong (raise the bound, 0 "
		    "for none; see LIMITS in cs-kpi(1))", max);
}

static struct kpi *
events_here(const struct kpirun *run, const struct ev_reader_opts *in,
    char *const *files, int nfiles, int *status)
{
	struct kpi *k = kpi_new(run->opts);
	struct ev_reader *r = ev_open(in, files, nfiles, run->diag);
	struct full_at at;
	int full = read_into(k, r, run->diag, &at);

	if (full) {
		say_full(run->diag, run, at.file, at.line);
		kpi_free(k);
		k = NULL;
	}
	*status = full ? CS_EXIT_DATAERR : ev_open_failed(r) ?
	    CS_EXIT_NOINPUT : diag_exit_status(run->diag);
	ev_close(r);
	return k;
}

/* ---- pieces of the input ------------------------------------------------------ */

struct note {
	enum diag_kind	 kind;
	const char	*file;		/* an operand's shown name: lives on */
	long		 line;		/* in the piece */
	char		*msg;
};

struct piece {
	char		*file[1];	/* the operand, as ev_open takes it */
	long long	 start, end;	/* bytes; start -1: the whole operand */
	/* what reading it gave */
	struct kpi	*k;
	struct note	*notes;
	size_t		 nnotes, capnotes;
	long		 lines;
	int		 open_failed, full;
	struct full_at	 at;
};

static void
note_add(void *ctx, enum diag_kind kind, const char *file, long line,
    const char *msg)
{
	struct piece *p = ctx;

	if (p->nnotes == p->capnotes) {
		p->capnotes = p->capnotes ? p->capnotes * 2 : 8;
		p->notes = xrealloc(p->notes, sizeof *p->notes * p->capnotes);
	}
	p->notes[p->nnotes++] = (struct note){ kind, file, line,
	    xstrdup(msg) };
}

/* The first line boundary at or after off (just past a newline), or size. */
static long long
boundary(int fd, long long off, long long size)
{
	char buf[65536];

	if (off <= 0)
		return 0;
	for (long long at = off - 1; at < size; ) {
		ssize_t n = pread(fd, buf, sizeof buf, (off_t)at);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		const char *nl = memchr(buf, '\n', (size_t)n);
		if (nl != NULL)
			return at + (nl - buf) + 1;
		at += n;
	}
	return size;
}

static void
piece_add(struct piece **v, size_t *n, char *file, long long start,
    long long end)
{
	*v = xrealloc(*v, sizeof **v * (*n + 1));
	memset(&(*v)[*n], 0, sizeof **v);
	(*v)[*n].file[0] = file;
	(*v)[*n].start = start;
	(*v)[*n].end = end;
	(*n)++;
}

/* A regular file's size, or -1 for anything else (stdin, a pipe). */
static long long
regular_size(const char *file)
{
	struct stat st;

	if (strcmp(file, "-") == 0 || stat(file, &st) != 0 ||
	    !S_ISREG(st.st_mode))
		return -1;
	return (long long)st.st_size;
}

/* Cut a file into n pieces at line boundaries (as many as are not empty). */
static void
cut_file(struct piece **v, size_t *nv, char *file, long long size, int n)
{
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	long long start = 0;

	if (fd < 0) {		/* said when read, as by one thread */
		piece_add(v, nv, file, -1, -1);
		return;
	}
	for (int i = 1; i <= n; i++) {
		long long end = i == n ? size : boundary(fd,
		    size / n * i, size);
		if (end > start)
			piece_add(v, nv, file, start, end);
		start = end;
	}
	close(fd);
}

/*
 * The pieces of the operands: each regular JSON Lines file cut into about
 * jobs × its share of the bytes, at least MIN_PIECE each.
 */
static struct piece *
plan(const struct kpirun *run, char *const *files, int nfiles, size_t *n)
{
	static char *const stdin_only[] = { "-" };
	struct piece *v = NULL;
	long long total = 0, least = min_piece();

	if (nfiles == 0) {
		files = stdin_only;
		nfiles = 1;
	}
	for (int i = 0; i < nfiles; i++) {
		long long size = regular_size(files[i]);
		if (size > 0)
			total += size;
	}
	*n = 0;
	for (int i = 0; i < nfiles; i++) {
		long long size = regular_size(files[i]);
		long long cuts = size > 0 ? llround((double)run->jobs *
		    (double)size / (double)total) : 1;
		if (cuts > size / least)
			cuts = size / least;
		if (run->cli->in.format != EV_JSONL || cuts < 2)
			piece_add(&v, n, files[i], -1, -1);
		else
			cut_file(&v, n, files[i], size, (int)cuts);
	}
	return v;
}

struct pool {
	const struct kpirun	*run;
	const struct ev_reader_opts *in;
	struct piece		*pieces;
	size_t			 n, next;
	pthread_mutex_t		 lock;
};

static void
read_piece(const struct kpirun *run, const struct ev_reader_opts *in,
    struct piece *p)
{
	struct diag d;
	struct ev_reader *r;

	diag_init(&d, run->diag->prog);
	d.strict = run->diag->strict;
	d.sink = note_add;
	d.sink_ctx = p;
	r = p->start < 0 ? ev_open(in, p->file, 1, &d) :
	    ev_open_range(in, p->file, p->start, p->end, &d);
	p->k = kpi_new(run->opts);
	p->full = read_into(p->k, r, &d, &p->at);
	p->lines = ev_lines_read(r);
	p->open_failed = ev_open_failed(r);
	ev_close(r);
}

static void *
worker(void *arg)
{
	struct pool *pool = arg;

	for (;;) {
		pthread_mutex_lock(&pool->lock);
		size_t i = pool->next++;
		pthread_mutex_unlock(&pool->lock);
		if (i >= pool->n)
			return NULL;
		read_piece(pool->run, pool->in, &pool->pieces[i]);
	}
}

/*
 * A piece's diagnostics, told as one thread would have: lines numbered
 * from the start of the file.  Under --strict the first bad line ends the
 * run here (diag_bad_line exits).  0, or 1 when the piece was full.
 */
static int
tell(const struct kpirun *run, struct piece *p, long base)
{
	for (size_t i = 0; i < p->nnotes; i++) {
		struct note *nt = &p->notes[i];
		diag_replay(run->diag, nt->kind, nt->file, nt->line + base,
		    nt->msg);
	}
	if (p->full)
		say_full(run->diag, run, p->at.file, p->at.line + base);
	return p->full;
}

static void
piece_free(struct piece *p)
{
	for (size_t i = 0; i < p->nnotes; i++)
		free(p->notes[i].msg);
	free(p->notes);
	kpi_free(p->k);
}

struct absorb_task {
	struct kpi_absorb	*a;
	enum kpi_absorb_part	 part;
};

static void *
absorb_part(void *arg)
{
	struct absorb_task *t = arg;

	kpi_absorb_part(t->a, t->part);
	return NULL;
}

/* src into dst, its groups and orders on threads of their own while this
 * one moves the conversations. */
static void
absorb_threads(struct kpi *dst, struct kpi *src)
{
	struct kpi_absorb *a = kpi_absorb_begin(dst, src);
	struct absorb_task t[2] = { { a, KPI_ABSORB_GROUPS },
	    { a, KPI_ABSORB_ORDERS } };
	pthread_t tid[2];
	int started[2];

	for (int i = 0; i < 2; i++)
		if (!(started[i] = pthread_create(&tid[i], NULL, absorb_part,
		    &t[i]) == 0))
			absorb_part(&t[i]);
	kpi_absorb_part(a, KPI_ABSORB_CONVERSATIONS);
	for (int i = 0; i < 2; i++)
		if (started[i])
			pthread_join(tid[i], NULL);
	kpi_absorb_end(a);
}

static struct kpi *
events_threads(const struct kpirun *run, const struct ev_reader_opts *in,
    struct piece *pieces, size_t n, int *status)
{
	struct pool pool = { run, in, pieces, n, 0, PTHREAD_MUTEX_INITIALIZER };
	size_t nthreads = (size_t)run->jobs < n ? (size_t)run->jobs : n;
	pthread_t *tid = xmalloc(sizeof *tid * nthreads);
	struct kpi *k = NULL;
	int full = 0, failed = 0;
	long base = 0;

	for (size_t i = 0; i < nthreads; i++)
		if (pthread_create(&tid[i], NULL, worker, &pool) != 0)
			diag_fatal(run->diag, CS_EXIT_SOFTWARE, "cannot start "
			    "a thread: %s", strerror(errno));
	for (size_t i = 0; i < nthreads; i++)
		pthread_join(tid[i], NULL);
	free(tid);
	for (size_t i = 0; i < n && !full; i++) {
		if (pieces[i].start <= 0)
			base = 0;
		full = tell(run, &pieces[i], base);
		base += pieces[i].lines;
		failed |= pieces[i].open_failed;
	}
	if (!full) {
		k = pieces[0].k;
		pieces[0].k = NULL;
		for (size_t i = 1; i < n; i++) {
			absorb_threads(k, pieces[i].k);
			kpi_free(pieces[i].k);
			pieces[i].k = NULL;
		}
		if ((full = kpi_full(k)) != 0) {
			say_full(run->diag, run, NULL, 0);
			kpi_free(k);
			k = NULL;
		}
	}
	for (size_t i = 0; i < n; i++)
		piece_free(&pieces[i]);
	*status = full ? CS_EXIT_DATAERR : failed ? CS_EXIT_NOINPUT :
	    diag_exit_status(run->diag);
	return k;
}

struct kpi *
kpirun_events(const struct kpirun *run, char *const *files, int nfiles,
    int *status)
{
	struct ev_reader_opts in = run->cli->in;
	struct ev_want want = EV_WANT_INIT;
	struct kpi *k = kpi_new(run->opts);
	struct piece *pieces = NULL;
	size_t n = 0;

	kpi_want(k, &want);
	kpi_free(k);
	in.want = &want;
	if (run->jobs > 1)
		pieces = plan(run, files, nfiles, &n);
	if (n > 1)
		k = events_threads(run, &in, pieces, n, status);
	else
		k = events_here(run, &in, files, nfiles, status);
	free(pieces);
	ev_want_free(&want);
	return k;
}

/* ---- the end of the report ------------------------------------------------------ */

struct finish_task {
	struct kpi	*k;
	size_t		 part, nparts;
	int		 release;
};

static void *
finish_part(void *arg)
{
	struct finish_task *t = arg;

	if (t->release)
		kpi_finish_release(t->k, t->part, t->nparts);
	else
		kpi_finish_prepare(t->k, t->part, t->nparts);
	return NULL;
}

/* One step of the end on every thread, this one's part last. */
static void
finish_step(const struct kpirun *run, struct kpi *k, int release)
{
	size_t n = (size_t)run->jobs;
	struct finish_task *t = xcalloc(n, sizeof *t);
	pthread_t *tid = xcalloc(n, sizeof *tid);
	int *started = xcalloc(n, sizeof *started);

	for (size_t i = 0; i < n; i++) {
		t[i] = (struct finish_task){ k, i, n, release };
		if (i + 1 < n)
			started[i] = pthread_create(&tid[i], NULL, finish_part,
			    &t[i]) == 0;
		if (!started[i])
			finish_part(&t[i]);
	}
	for (size_t i = 0; i + 1 < n; i++)
		if (started[i])
			pthread_join(tid[i], NULL);
	free(t);
	free(tid);
	free(started);
}

static void *
count_groups(void *arg)
{
	kpi_finish_count(arg, KPI_COUNT_GROUPS);
	return NULL;
}

/* The conversations counted into the groups on a thread of their own
 * while this one counts them into the total. */
static void
count_apart(struct kpi *k)
{
	pthread_t tid;

	if (!kpi_finish_counts_apart(k) ||
	    pthread_create(&tid, NULL, count_groups, k) != 0) {
		kpi_finish_count(k, KPI_COUNT_GROUPS | KPI_COUNT_TOTAL);
		return;
	}
	kpi_finish_count(k, KPI_COUNT_TOTAL);
	pthread_join(tid, NULL);
}

size_t
kpirun_finish(const struct kpirun *run, struct kpi *k)
{
	if (run->jobs <= 1)
		return kpi_finish(k);
	kpi_finish_begin(k);
	finish_step(run, k, 0);
	kpi_finish_order(k, (size_t)run->jobs);
	count_apart(k);
	finish_step(run, k, 1);
	return kpi_finish_end(k);
}

/* ---- partial state ------------------------------------------------------------ */

#define PARTIAL_KEY	"cskit-kpi-partial"
#define PARTIAL_VERSION	1

static void
emit_raw(void *ctx, const char *line, size_t len)
{
	ev_writer_raw(ctx, line, len);
}

void
kpirun_write_partial(const struct kpirun *run, struct kpi *k,
    const char *part)
{
	struct ev_writer *w = ev_writer_open(OUT_JSONL, STDOUT_FILENO,
	    run->diag);
	struct buf b = BUF_INIT;

	buf_printf(&b, "{\"%s\":%d,\"part\":%s,\"any-order\":%s,"
	    "\"settings\":%s}", PARTIAL_KEY, PARTIAL_VERSION,
	    part ? part : "null", run->opts->any_order ? "true" : "false",
	    run->settings);
	ev_writer_raw(w, b.data, b.len);
	kpi_partial_write(k, emit_raw, w);
	ev_writer_close(w);
	buf_free(&b);
}

/* One part of a merge: its report, where it was, its place. */
struct part {
	struct kpi	*k;
	double		 number;	/* --part, else its place */
	size_t		 place;
	const char	*file;
	long		 line;
	int		 ended;		/* its "end" line came */
};

struct merge {
	const struct kpirun	*run;
	cJSON			*settings;	/* the merge's own */
	struct part		*parts;
	size_t			 n;
	int			 full;
	int			 skip;		/* up to the next header */
};

/* "" when a part's settings are the merge's, else the first option that
 * differs, with both values in why. */
static const char *
settings_differ(const struct merge *m, const cJSON *theirs, struct buf *why)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	const char *opt = "";

	for (const cJSON *it = m->settings->child; it && !*opt; it = it->next) {
		const cJSON *t = cJSON_IsObject(theirs) ?
		    json_get(theirs, it->string) : NULL;
		buf_reset(&a);
		buf_reset(&b);
		json_write(&a, it);
		if (t != NULL)
			json_write(&b, t);
		if (t == NULL || strcmp(buf_str(&a), buf_str(&b)) != 0) {
			opt = it->string;
			buf_printf(why, "%s, here %s", t ? buf_str(&b) :
			    "none", buf_str(&a));
		}
	}
	buf_free(&a);
	buf_free(&b);
	return opt;
}

/* A header line: a new part, or why not. */
static const char *
part_begin(struct merge *m, const cJSON *obj, const struct ev_record *rec,
    struct buf *why)
{
	const cJSON *version = json_get(obj, PARTIAL_KEY),
	    *number = json_get(obj, "part");
	const char *opt;

	if (!cJSON_IsNumber(version) || version->valuedouble !=
	    PARTIAL_VERSION) {
		buf_printf(why, "partial state of version %s (this cs-kpi "
		    "reads %d)", cJSON_IsNumber(version) ? "other" : "unknown",
		    PARTIAL_VERSION);
		return why->data;
	}
	if (number != NULL && !cJSON_IsNull(number) &&
	    !cJSON_IsNumber(number)) {
		buf_adds(why, "a part number that is not a number");
		return why->data;
	}
	if (*(opt = settings_differ(m, json_get(obj, "settings"), why))) {
		struct buf msg = BUF_INIT;
		buf_printf(&msg, "a part made with other --%s (%s): give "
		    "--merge the options of the runs it completes", opt,
		    buf_str(why));
		buf_reset(why);
		buf_add(why, msg.data, msg.len);
		buf_free(&msg);
		return why->data;
	}
	m->parts = xrealloc(m->parts, sizeof *m->parts * (m->n + 1));
	m->parts[m->n] = (struct part){ kpi_new(m->run->opts),
	    cJSON_IsNumber(number) ? number->valuedouble : (double)m->n, m->n,
	    rec->file, rec->line, 0 };
	m->n++;
	return NULL;
}

/*
 * One line of partial state: NULL, or why it is not.  After a line that
 * leaves no part to read into (a refused header, state with no header or
 * after its part's end), the lines up to the next header are passed over:
 * one diagnostic says it.
 */
/* The first member's key of a line of state: where its text starts. */
static int
starts_with_key(const char *p, size_t n, const char *key)
{
	size_t k = strlen(key), i = 0;

	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	if (i < n && p[i] == '{')
		i++;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	return n - i > k + 1 && p[i] == '"' && memcmp(p + i + 1, key, k) == 0 &&
	    p[i + 1 + k] == '"';
}

static const char *
merge_record(struct merge *m, const struct ev_record *rec, struct buf *why)
{
	struct part *p = m->n ? &m->parts[m->n - 1] : NULL;
	const char *bad;

	buf_reset(why);
	if (rec->status != EV_PASSED && starts_with_key(rec->raw, rec->rawlen,
	    PARTIAL_KEY)) {
		cJSON *obj = cJSON_ParseWithLength(rec->raw, rec->rawlen);
		bad = obj ? part_begin(m, obj, rec, why) : "a header that is "
		    "not JSON";
		cJSON_Delete(obj);
		m->skip = bad != NULL;
		return bad;
	}
	if (m->skip)
		return NULL;
	m->skip = 1;
	if (rec->status == EV_PASSED)
		return "an event that has _error, not partial state (the "
		    "lines up to the next header are passed over)";
	if (p == NULL)
		return "partial state without its header line, passed over "
		    "(cs-kpi -o partial writes one first)";
	if (p->ended)
		return "partial state after its part's end line, passed "
		    "over up to the next header";
	m->skip = 0;
	bad = kpi_partial_add(p->k, rec->raw, rec->rawlen);
	if (bad == NULL && starts_with_key(rec->raw, rec->rawlen, "end"))
		p->ended = 1;
	if (bad == NULL && kpi_full(p->k))
		m->full = 1;
	return bad;
}

static int
cmp_part(const void *a, const void *b)
{
	const struct part *x = a, *y = b;

	if (x->number != y->number)
		return x->number < y->number ? -1 : 1;
	return (x->place > y->place) - (x->place < y->place);
}

struct kpi *
kpirun_merge(const struct kpirun *run, char *const *files, int nfiles,
    int *status)
{
	struct ev_reader_opts in = run->cli->in;
	struct merge m = { run, cJSON_Parse(run->settings), NULL, 0, 0, 0 };
	struct ev_record rec;
	struct buf why = BUF_INIT;
	struct kpi *k = NULL;

	/* The reader checks each line is JSON and builds none of it: the
	 * state is read from the line's text (kpi_partial_add). */
	struct ev_want none = EV_WANT_INIT;
	in.format = EV_JSONL;
	in.want = &none;
	struct ev_reader *r = ev_open(&in, files, nfiles, run->diag);
	while (!m.full && ev_read(r, &rec) > 0) {
		const char *bad = rec.status == EV_BAD ? NULL :
		    merge_record(&m, &rec, &why);
		if (bad != NULL)
			diag_bad_line(run->diag, rec.file, rec.line, "%s", bad);
	}
	for (size_t i = 0; i < m.n && !m.full; i++)
		if (!m.parts[i].ended)
			diag_bad_line(run->diag, m.parts[i].file,
			    m.parts[i].line, "a part without its end line: "
			    "cut short?");
	if (m.n > 1)
		qsort(m.parts, m.n, sizeof *m.parts, cmp_part);
	/* The first part is the report the others are absorbed into. */
	if (!m.full) {
		k = m.n > 0 ? m.parts[0].k : kpi_new(run->opts);
		if (m.n > 0)
			m.parts[0].k = NULL;
		for (size_t i = 1; i < m.n && !kpi_full(k); i++)
			kpi_absorb(k, m.parts[i].k);
		m.full = kpi_full(k);
	}
	if (m.full) {
		say_full(run->diag, run, NULL, 0);
		kpi_free(k);
		k = NULL;
	}
	for (size_t i = 0; i < m.n; i++)
		kpi_free(m.parts[i].k);
	*status = m.full ? CS_EXIT_DATAERR : ev_open_failed(r) ?
	    CS_EXIT_NOINPUT : diag_exit_status(run->diag);
	ev_close(r);
	ev_want_free(&none);
	free(m.parts);
	cJSON_Delete(m.settings);
	buf_free(&why);
	return k;
}

/* ---- events keyed for a shuffle (-o keyed) ------------------------------------ */

/* An id field's text (a number as its JSON text, as the report reads it),
 * as a JSON string into b; 0 when the event has none. */
static int
key_of(const struct fieldmap *map, const cJSON *ev, const char *name,
    struct buf *b)
{
	const cJSON *v = fieldmap_get(map, ev, name);
	struct buf num = BUF_INIT;

	if (cJSON_IsString(v))
		json_write_string(b, v->valuestring, strlen(v->valuestring));
	else if (cJSON_IsNumber(v)) {
		json_write_number(&num, v->valuedouble);
		json_write_string(b, num.data, num.len);
		buf_free(&num);
	} else
		return 0;
	return 1;
}

/*
 * The key of an event: its conversation's id, but an order's customer's
 * (so that a customer's orders meet), or the customer of an event without
 * a conversation; "" for none (and for a line that is no event).
 */
static void
event_key(const struct fieldmap *map, const struct ev_record *rec,
    struct buf *b)
{
	const cJSON *type;

	if (rec->status == EV_BAD)
		return;
	type = fieldmap_get(map, rec->obj, "type");
	if (cJSON_IsString(type) && strcmp(type->valuestring, "order") == 0 &&
	    key_of(map, rec->obj, "customer", b))
		return;
	if (!key_of(map, rec->obj, "conversation", b))
		key_of(map, rec->obj, "customer", b);
}

int
kpirun_keyed(const struct kpirun *run, char *const *files, int nfiles,
    const char *part)
{
	static const char *const reads[] = { "type", "conversation",
		"customer" };
	const struct fieldmap *map = &run->cli->map;
	struct ev_reader_opts in = run->cli->in;
	struct ev_want want = EV_WANT_INIT;
	struct ev_writer *w = ev_writer_open(OUT_JSONL, STDOUT_FILENO,
	    run->diag);
	struct buf b = BUF_INIT;
	struct ev_record rec;
	long long n = 0;

	for (size_t i = 0; i < sizeof reads / sizeof *reads; i++)
		ev_want_add(&want, fieldmap_source(map, reads[i]));
	if (in.format == EV_JSONL)
		in.want = &want;
	struct ev_reader *r = ev_open(&in, files, nfiles, run->diag);
	while (ev_read(r, &rec) > 0) {
		buf_reset(&b);
		event_key(map, &rec, &b);
		/* The place in the input, fixed width so that sort keeps a
		 * key's events in it: this part's number, the line. */
		buf_printf(&b, "\t%016lld.%012lld\t", part ? atoll(part) : 0,
		    ++n);
		if (rec.status != EV_BAD && in.format == EV_JSONL) {
			ev_writer_raw_part(w, b.data, b.len);
			ev_writer_raw(w, rec.raw, rec.rawlen);
			continue;
		}
		cJSON *obj = rec.status == EV_BAD ? ev_error_object(&rec) :
		    ev_full_object(&rec);
		if (obj == NULL)
			obj = cJSON_Duplicate(rec.obj, 1);
		json_write(&b, obj);
		cJSON_Delete(obj);
		ev_writer_raw(w, b.data, b.len);
	}
	int status = ev_open_failed(r) ? CS_EXIT_NOINPUT :
	    diag_exit_status(run->diag);
	ev_close(r);
	ev_writer_close(w);
	ev_want_free(&want);
	buf_free(&b);
	return status;
}
