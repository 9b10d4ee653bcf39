#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <csv.h>

#include "buf.h"
#include "event.h"
#include "hmap.h"
#include "json.h"
#include "jscan.h"
#include "text.h"
#include "transcode.h"

/* ---- physical lines from a file descriptor ---------------------------- */

enum { LINE_OK, LINE_EOF, LINE_TOO_LONG, LINE_ERROR };

struct linesrc {
	int	 fd;
	char	*buf;
	size_t	 cap, start, end;
	int	 eof;
	long	 lineno;
	unsigned long long left;	/* bytes still to read (a range) */
	struct transcode *tc;	/* NULL: the bytes are UTF-8 */
};

static void
linesrc_init(struct linesrc *ls, int fd)
{
	ls->fd = fd;
	ls->start = ls->end = 0;
	ls->eof = 0;
	ls->lineno = 0;
	ls->left = ULLONG_MAX;
	transcode_close(ls->tc);
	ls->tc = NULL;
}

static int
fill(struct linesrc *ls)
{
	for (;;) {
		size_t want = ls->cap - ls->end;
		if (want > ls->left)
			want = (size_t)ls->left;
		/* (a range is never transcoded: importing reads no ranges) */
		ssize_t r = want == 0 ? 0 : ls->tc != NULL ?
		    transcode_read(ls->tc, ls->fd, ls->buf + ls->end, want) :
		    read(ls->fd, ls->buf + ls->end, want);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			ls->eof = 1;
		ls->end += (size_t)r;
		if (ls->left != ULLONG_MAX)
			ls->left -= (size_t)r;
		return 0;
	}
}

/* Discard the rest of an over-long line; *full gets its whole length. */
static int
skip_line(struct linesrc *ls, size_t *full)
{
	for (;;) {
		char *nl = memchr(ls->buf + ls->start, '\n', ls->end - ls->start);
		if (nl != NULL) {
			*full += (size_t)(nl - (ls->buf + ls->start));
			ls->start = (size_t)(nl + 1 - ls->buf);
			return LINE_TOO_LONG;
		}
		*full += ls->end - ls->start;
		ls->start = ls->end = 0;
		if (ls->eof)
			return LINE_TOO_LONG;
		if (fill(ls) < 0)
			return LINE_ERROR;
	}
}

/*
 * The next line without its newline, pointing into the buffer (valid until
 * the next call).  A line longer than max is skipped and reported with its
 * length, so one huge line costs max bytes of memory, not its size.
 */
static int
line_next(struct linesrc *ls, size_t max, const char **p, size_t *n,
    size_t *full)
{
	for (;;) {
		char *s = ls->buf + ls->start;
		char *nl = memchr(s, '\n', ls->end - ls->start);
		if (nl != NULL || (ls->eof && ls->end > ls->start)) {
			size_t len = nl ? (size_t)(nl - s) : ls->end - ls->start;
			ls->start += len + (nl != NULL);
			ls->lineno++;
			if (len > max) {
				*full = len;
				return LINE_TOO_LONG;
			}
			*p = s;
			*n = len;
			return LINE_OK;
		}
		if (ls->eof)
			return LINE_EOF;
		if (ls->start > 0) {
			memmove(ls->buf, s, ls->end - ls->start);
			ls->end -= ls->start;
			ls->start = 0;
		}
		if (ls->end == ls->cap) {
			if (ls->cap > max) {
				ls->lineno++;
				*full = 0;
				return skip_line(ls, full);
			}
			ls->cap = ls->cap * 2 > max + 1 ? max + 1 : ls->cap * 2;
			ls->buf = xrealloc(ls->buf, ls->cap);
		}
		if (fill(ls) < 0)
			return LINE_ERROR;
	}
}

/* ---- the reader --------------------------------------------------------- */

struct pending {
	cJSON	*obj;		/* NULL for a bad record */
	char	*why;
	char	*raw;
	size_t	 rawlen;
	size_t	 rawfull;	/* > rawlen when the text was not kept */
	long	 line;
};

struct ev_reader {
	struct ev_reader_opts	 o;
	long long		 range_start, range_end;  /* -1: whole */
	const struct ev_lines	*lines;		/* lines from the caller */
	struct diag		*diag;
	char *const		*files;
	int			 nfiles, next_file;
	int			 open_failed;
	const char		*name;		/* shown name of the operand */
	int			 fd;		/* -1 between operands */
	struct linesrc		 ls;
	int			 first_line;	/* BOM check pending */
	enum ev_format		 fmt;		/* this operand's format */

	/* Reading exports (o.importing) */
	int			 records_read;	/* of this operand */
	int			 json_values;	/* JSON values, not lines */
	int			 in_array;	/* inside a top-level [ ] */
	long			 vline;		/* values: the line at start */
	int			 quiet_bad;	/* not JSON: count, not show */
	unsigned long		 not_utf8;	/* lines of invalid UTF-8 */
	unsigned long		 quiet_count;
	char			 delim;		/* CSV: this operand's */

	cJSON			*obj;		/* the current record's */
	struct buf		 why;
	struct buf		 raw;
	struct jscan		 scan;		/* members of a partial line */
	struct buf		 cstr;		/* a member's key, NUL-ended */
	struct buf		 strs;		/* the current line's strings,
						   NUL-ended: the items of a
						   jscan-built object refer to
						   them (see partial_object) */
	cJSON			*spare;		/* nodes for the next line */
	int			 nspare;
	const cJSON		**first;	/* per want name: its first
						 * member of the line */
	size_t			 nfirst;

	/* CSV and TSV */
	char			**header;
	int			 nheader;
	struct csv_parser	 csv;
	int			 csv_ready;
	int			 in_record;
	long			 record_line;
	struct buf		 cells;		/* field bytes, NUL after each */
	size_t			*cell_off;
	int			*cell_null;
	int			 ncells, cells_cap;
	struct pending		*queue;
	int			 nqueue, queue_head, queue_cap;
	struct pending		 cur;		/* popped, owned until next read */
};

/*
 * cJSON nodes kept from one line for the next.  An event is a dozen nodes,
 * made and freed a line: malloc and free of them were a tenth of what
 * cs-kpi spent on a line.  The nodes of the last record and its members go
 * to the spare list (up to SPARE_NODES), what they owned is freed as
 * cJSON_Delete would, and the reader builds the next line's from them.
 */
#define SPARE_NODES	64

static void
drop_node(struct ev_reader *r, cJSON *c)
{
	if (!(c->type & cJSON_IsReference) && c->child != NULL)
		cJSON_Delete(c->child);
	if (!(c->type & cJSON_IsReference) && c->valuestring != NULL)
		cJSON_free(c->valuestring);
	if (!(c->type & cJSON_StringIsConst) && c->string != NULL)
		cJSON_free(c->string);
	if (r->nspare < SPARE_NODES) {
		c->next = r->spare;
		r->spare = c;
		r->nspare++;
	} else
		cJSON_free(c);
}

/* cJSON_Delete(obj), its own node and its members' kept. */
static void
drop_record(struct ev_reader *r, cJSON *obj)
{
	if (obj == NULL)
		return;
	for (cJSON *c = obj->child, *next; c != NULL; c = next) {
		next = c->next;
		drop_node(r, c);
	}
	obj->child = NULL;
	drop_node(r, obj);
}

/* A zeroed node of the given type, spare or new. */
static cJSON *
new_node(struct ev_reader *r, int type)
{
	cJSON *c = r->spare;

	if (c != NULL) {
		r->spare = c->next;
		r->nspare--;
	} else if ((c = cJSON_CreateNull()) == NULL)
		abort();
	memset(c, 0, sizeof *c);
	c->type = type;
	return c;
}

/* As cJSON_CreateNumber and cJSON_CreateStringReference make them. */
static cJSON *
new_number(struct ev_reader *r, double v)
{
	cJSON *c = new_node(r, cJSON_Number);

	c->valuedouble = v;
	c->valueint = v >= INT_MAX ? INT_MAX : v <= (double)INT_MIN ?
	    INT_MIN : (int)v;
	return c;
}

static cJSON *
new_string_ref(struct ev_reader *r, const char *s)
{
	cJSON *c = new_node(r, cJSON_String | cJSON_IsReference);

	c->valuestring = (char *)s;
	return c;
}

const char *
ev_display_name(const char *file)
{
	return strcmp(file, "-") == 0 ? "<stdin>" : file;
}

int
ev_format_parse(const char *s)
{
	if (!strcmp(s, "jsonl") || !strcmp(s, "json") || !strcmp(s, "ndjson"))
		return EV_JSONL;
	if (!strcmp(s, "csv"))
		return EV_CSV;
	if (!strcmp(s, "tsv"))
		return EV_TSV;
	return -1;
}

struct ev_reader *
ev_open(const struct ev_reader_opts *o, char *const *files, int nfiles,
    struct diag *d)
{
	static char *const stdin_only[] = { "-" };
	struct ev_reader *r = xcalloc(1, sizeof *r);

	r->o = *o;
	if (r->o.max_line == 0)
		r->o.max_line = EV_MAX_LINE_DEFAULT;
	if (r->o.nesting_max == 0)
		r->o.nesting_max = EV_NESTING_DEFAULT;
	r->diag = d;
	r->files = nfiles > 0 ? files : stdin_only;
	r->nfiles = nfiles > 0 ? nfiles : 1;
	r->fd = -1;
	r->ls.cap = 256 * 1024 < r->o.max_line + 1 ? 256 * 1024 :
	    r->o.max_line + 1;
	r->ls.buf = xmalloc(r->ls.cap);
	r->range_start = r->range_end = -1;
	return r;
}

struct ev_reader *
ev_open_lines(const struct ev_reader_opts *o, const struct ev_lines *lines,
    struct diag *d)
{
	struct ev_reader *r = ev_open(o, NULL, 0, d);

	r->o.format = EV_JSONL;
	r->lines = lines;
	r->name = "<stdin>";
	return r;
}

struct ev_reader *
ev_open_range(const struct ev_reader_opts *o, char *const *file,
    long long start, long long end, struct diag *d)
{
	struct ev_reader *r = ev_open(o, file, 1, d);

	r->range_start = start;
	r->range_end = end;
	return r;
}

long
ev_lines_read(const struct ev_reader *r)
{
	return r->ls.lineno;
}

int
ev_open_failed(const struct ev_reader *r)
{
	return r->open_failed;
}

static void
free_header(struct ev_reader *r)
{
	for (int i = 0; i < r->nheader; i++)
		free(r->header[i]);
	free(r->header);
	r->header = NULL;
	r->nheader = 0;
}

static void
pending_free(struct pending *p)
{
	cJSON_Delete(p->obj);
	free(p->why);
	free(p->raw);
	memset(p, 0, sizeof *p);
}

static void
csv_reset(struct ev_reader *r)
{
	if (r->csv_ready)
		csv_free(&r->csv);
	r->csv_ready = 0;
	r->in_record = 0;
	r->ncells = 0;
	buf_reset(&r->cells);
	buf_reset(&r->raw);
}

void
ev_close(struct ev_reader *r)
{
	if (r == NULL)
		return;
	if (r->fd > 0)
		close(r->fd);
	csv_reset(r);
	free_header(r);
	drop_record(r, r->obj);
	free(r->first);
	while (r->spare != NULL) {
		cJSON *next = r->spare->next;
		cJSON_free(r->spare);
		r->spare = next;
	}
	pending_free(&r->cur);
	for (int i = r->queue_head; i < r->nqueue; i++)
		pending_free(&r->queue[i]);
	free(r->queue);
	free(r->cell_off);
	free(r->cell_null);
	buf_free(&r->cells);
	buf_free(&r->why);
	buf_free(&r->raw);
	jscan_free(&r->scan);
	buf_free(&r->cstr);
	buf_free(&r->strs);
	free(r->ls.buf);
	free(r);
}

/* Is p inside the current line's copy of its texts (r->strs)? */
static int
in_line_texts(const struct ev_reader *r, const char *p)
{
	return r->strs.data != NULL && p >= r->strs.data &&
	    p < r->strs.data + r->strs.len;
}

cJSON *
ev_take(struct ev_record *rec)
{
	cJSON *o = rec->obj;
	struct ev_reader *r = rec->reader;

	if (r != NULL && r->obj == o) {
		r->obj = NULL;
		/* Strings that refer to r->strs get copies. */
		for (cJSON *it = o ? o->child : NULL; it; it = it->next) {
			if ((it->type & cJSON_IsReference) &&
			    cJSON_IsString(it) &&
			    in_line_texts(r, it->valuestring)) {
				it->valuestring = xstrdup(it->valuestring);
				it->type &= ~cJSON_IsReference;
			}
		}
	}
	rec->obj = NULL;
	rec->first = NULL;
	rec->nfirst = 0;
	return o;
}

/* ---- reading exports: formats and encodings ------------------------------ */

/* The format of an operand: -i's, else by its name, else the default. */
static enum ev_format
format_of(const struct ev_reader_opts *o, const char *file)
{
	static const struct { const char *ext; enum ev_format fmt; } exts[] = {
		{ ".csv", EV_CSV }, { ".tsv", EV_TSV }, { ".tab", EV_TSV },
		{ ".json", EV_JSONL }, { ".jsonl", EV_JSONL },
		{ ".ndjson", EV_JSONL },
	};
	const char *base = strrchr(file, '/');
	const char *dot = strrchr(base ? base : file, '.');

	if (!o->importing || o->format_given || dot == NULL)
		return o->format;
	for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
		if (strcasecmp(dot, exts[i].ext) == 0)
			return exts[i].fmt;
	return o->format;
}

static enum ev_format
operand_format(const struct ev_reader *r, const char *file)
{
	return format_of(&r->o, file);
}

/* ASCII text in UTF-16 without a byte order mark: every other byte 0. */
static const char *
looks_utf16(const unsigned char *b, size_t n)
{
	size_t pairs = (n < 512 ? n : 512) / 2, zero_even = 0, zero_odd = 0;

	if (pairs < 4)
		return NULL;
	for (size_t i = 0; i < pairs; i++) {
		zero_even += b[2 * i] == 0;
		zero_odd += b[2 * i + 1] == 0;
	}
	if (zero_even == 0 && zero_odd * 4 >= pairs * 3)
		return "UTF-16LE";
	if (zero_odd == 0 && zero_even * 4 >= pairs * 3)
		return "UTF-16BE";
	return NULL;
}

static int
is_utf8_name(const char *s)
{
	return strcasecmp(s, "UTF-8") == 0 || strcasecmp(s, "UTF8") == 0;
}

/* Read until the buffer holds n bytes or the file ends. */
static void
fill_to(struct ev_reader *r, size_t n)
{
	while (r->ls.end - r->ls.start < n && !r->ls.eof) {
		if (r->ls.end == r->ls.cap) {
			memmove(r->ls.buf, r->ls.buf + r->ls.start,
			    r->ls.end - r->ls.start);
			r->ls.end -= r->ls.start;
			r->ls.start = 0;
			if (r->ls.end == r->ls.cap)
				return;
		}
		if (fill(&r->ls) < 0)
			diag_fatal(r->diag, CS_EXIT_IOERR, "read error: %s: %s",
			    r->name, strerror(errno));
	}
}

/* UTF-16 with a byte order mark, UTF-16 without one (said), or
 * --encoding: the rest of the operand through iconv. */
static void
choose_encoding(struct ev_reader *r)
{
	const unsigned char *b = (const unsigned char *)r->ls.buf;
	size_t n = r->ls.end, skip = 0;
	const char *from = NULL;

	if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
		from = "UTF-16LE";
		skip = 2;
	} else if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
		from = "UTF-16BE";
		skip = 2;
	} else if (r->o.encoding != NULL && !is_utf8_name(r->o.encoding)) {
		from = r->o.encoding;
	} else if (r->o.encoding == NULL && (from = looks_utf16(b, n)) != NULL) {
		diag_warn(r->diag, "%s: no byte order mark, but it looks like "
		    "%s: read as such (--encoding says which)", r->name, from);
	}
	if (from == NULL)
		return;
	struct transcode *tc = transcode_open(from);
	if (tc == NULL)
		diag_fatal(r->diag, CS_EXIT_USAGE, "--encoding %s: not a "
		    "character set iconv knows", from);
	transcode_prime(tc, r->ls.buf + skip, n - skip);
	r->ls.start = r->ls.end = 0;
	r->ls.tc = tc;
}

/* JSON whose first byte is '[': an array of records.  Reads no further
 * than that byte (a pipe that sends a line and waits is not kept
 * waiting). */
static void
choose_json_mode(struct ev_reader *r)
{
	size_t i = 0;

	for (;;) {
		fill_to(r, i + 1);
		const char *p = r->ls.buf + r->ls.start;
		size_t n = r->ls.end - r->ls.start;
		if (i == 0 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
			i = 3;
		while (i < n && strchr(" \t\r\n", p[i]) != NULL)
			i++;
		if (i < n) {
			if (p[i] == '[') {
				r->json_values = 1;
				r->vline = 1;
				if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
					r->ls.start += 3;
			}
			return;
		}
		if (r->ls.eof || n == r->ls.cap)
			return;
	}
}

/* The beginning of an operand, when reading exports. */
static void
start_import(struct ev_reader *r)
{
	r->records_read = 0;
	r->json_values = r->in_array = 0;
	r->quiet_bad = 0;
	r->quiet_count = 0;
	r->not_utf8 = 0;
	r->delim = r->o.delimiter;
	if (!r->o.importing)
		return;
	fill_to(r, 2);		/* a byte order mark, or the first line */
	choose_encoding(r);
	if (r->fmt == EV_JSONL)
		choose_json_mode(r);
}

/* Open the next operand; 0 when there is none left. */
static int
next_operand(struct ev_reader *r)
{
	while (r->next_file < r->nfiles) {
		const char *f = r->files[r->next_file++];
		struct stat st;
		int fd = strcmp(f, "-") == 0 ? 0 : open(f, O_RDONLY | O_CLOEXEC);

		r->name = ev_display_name(f);
		if (fd < 0) {
			diag_warn(r->diag, "cannot open %s: %s", f,
			    strerror(errno));
			r->open_failed = 1;
			continue;
		}
		if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
			diag_warn(r->diag, "cannot read %s: %s", f,
			    strerror(EISDIR));
			r->open_failed = 1;
			if (fd > 0)
				close(fd);
			continue;
		}
		r->fd = fd;
		linesrc_init(&r->ls, fd);
		r->first_line = 1;
		if (r->range_start >= 0) {
			if (lseek(fd, (off_t)r->range_start, SEEK_SET) < 0)
				diag_fatal(r->diag, CS_EXIT_IOERR, "cannot "
				    "seek in %s: %s", f, strerror(errno));
			r->ls.left = (unsigned long long)(r->range_end -
			    r->range_start);
			r->first_line = r->range_start == 0;
		}
		r->fmt = operand_format(r, f);
		free_header(r);
		csv_reset(r);
		start_import(r);
		return 1;
	}
	return 0;
}

#define NOT_UTF8	"invalid UTF-8 at column "

void
ev_warn_not_utf8(const struct diag *d, const char *name, unsigned long lines)
{
	diag_warn(d, "%s: %lu line%s not UTF-8: if it is in another "
	    "character set, give --encoding (ISO-8859-1, WINDOWS-1252, "
	    "GB18030, SHIFT_JIS...)", name, lines, lines == 1 ? " is" :
	    "s are");
}

int
ev_why_not_utf8(const char *why)
{
	return strncmp(why, NOT_UTF8, sizeof NOT_UTF8 - 1) == 0;
}

static void
end_operand(struct ev_reader *r)
{
	if (r->fd > 0)
		close(r->fd);
	r->fd = -1;
	if (r->ls.tc != NULL && transcode_bad(r->ls.tc) > 0)
		diag_warn(r->diag, "%s: %lu byte sequences that are not %s, "
		    "read as U+FFFD", r->name, transcode_bad(r->ls.tc),
		    transcode_from(r->ls.tc));
	transcode_close(r->ls.tc);
	r->ls.tc = NULL;
	if (r->o.importing && r->not_utf8 > 0)
		ev_warn_not_utf8(r->diag, r->name, r->not_utf8);
	r->not_utf8 = 0;
	if (r->quiet_count > 0)
		diag_warn(r->diag, "%s: %lu more line%s that %s not JSON (kept "
		    "as _error events)", r->name, r->quiet_count,
		    r->quiet_count == 1 ? "" : "s",
		    r->quiet_count == 1 ? "is" : "are");
	r->quiet_count = 0;
}

/* Fill rec as a bad record and print its diagnostic. */
static int
bad(struct ev_reader *r, struct ev_record *rec, long line, const char *raw,
    size_t rawlen, size_t full)
{
	/* The last record is gone at every read, a bad one too (its texts
	 * in r->strs may be overwritten already). */
	drop_record(r, r->obj);
	r->obj = NULL;
	rec->status = EV_BAD;
	rec->obj = NULL;
	rec->partial = 0;
	rec->first = NULL;
	rec->nfirst = 0;
	rec->file = r->name;
	rec->line = line;
	rec->raw = raw;
	rec->rawlen = rawlen;
	rec->rawfull = full;
	rec->why = buf_str(&r->why);
	if (r->quiet_bad && !r->diag->strict) {
		r->diag->bad_lines++;
		r->quiet_count++;
	} else
		diag_bad_line(r->diag, r->name, line, "%s", rec->why);
	return 1;
}

/* Is there an `_error` field?  Checked on every line, so the first byte
 * rules out nearly every field before a string comparison. */
static int
has_error_field(const cJSON *obj)
{
	for (const cJSON *c = obj->child; c != NULL; c = c->next)
		if (c->string[0] == '_' && strcmp(c->string, "_error") == 0)
			return 1;
	return 0;
}

static int
good(struct ev_reader *r, struct ev_record *rec, cJSON *obj, long line,
    const char *raw, size_t rawlen)
{
	drop_record(r, r->obj);
	r->obj = obj;
	rec->status = has_error_field(obj) ? EV_PASSED : EV_OK;
	rec->obj = obj;
	rec->partial = 0;
	rec->first = NULL;
	rec->nfirst = 0;
	rec->file = r->name;
	rec->line = line;
	rec->raw = raw;
	rec->rawlen = rawlen;
	rec->rawfull = rawlen;
	rec->why = NULL;
	return 1;
}

static const char *
type_name(const cJSON *v)
{
	if (cJSON_IsArray(v))
		return "an array";
	if (cJSON_IsString(v))
		return "a string";
	if (cJSON_IsNumber(v))
		return "a number";
	if (cJSON_IsBool(v))
		return "a boolean";
	return "null";
}

/* The deepest nesting of a JSON text, strings skipped. */
static int
json_depth(const char *s, size_t n)
{
	int depth = 0, max = 0, in_str = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (in_str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_str = 0;
		} else if (c == '"')
			in_str = 1;
		else if (c == '{' || c == '[') {
			if (++depth > max)
				max = depth;
		} else if (c == '}' || c == ']')
			depth--;
	}
	return max;
}

/*
 * Where a string holds the escape \u0000, or 0.  cJSON ends the string at
 * that NUL, so the rest of the value would be lost without a word: such a
 * line is bad, like one holding a raw NUL byte.
 */
static int
has_u_escape(const char *s, size_t n)
{
	const char *q = s, *e = s + n;

	while ((q = memchr(q, '\\', (size_t)(e - q))) != NULL) {
		if (e - q >= 2 && q[1] == 'u')
			return 1;
		q += 2;
		if (q >= e)
			break;
	}
	return 0;
}

static size_t
escaped_nul(const char *s, size_t n)
{
	const char *q = s, *e = s + n;
	int in_str = 0;

	while ((q = memchr(q, '\\', (size_t)(e - q))) != NULL &&
	    (e - q < 6 || memcmp(q, "\\u0000", 6) != 0))
		q++;
	if (q == NULL)
		return 0;		/* the common case: one quick look */
	for (size_t i = 0; i < n; i++) {
		if (!in_str)
			in_str = s[i] == '"';
		else if (s[i] == '"')
			in_str = 0;
		else if (s[i] == '\\') {
			if (n - i >= 6 && memcmp(s + i, "\\u0000", 6) == 0)
				return i + 1;
			i++;
		}
	}
	return 0;
}

static void
describe_json_error(struct buf *why, const char *line, size_t n,
    const char *at)
{
	size_t col;
	const char *what;

	if (json_find_error(line, n, &col, &what) < 0) {
		buf_printf(why, "invalid JSON: %s at column %zu", what, col);
		return;
	}
	/* Valid to the validator but not to cJSON (a number out of range):
	 * say where cJSON stopped. */
	col = at && at >= line && at <= line + n ? (size_t)(at - line) : 0;
	buf_printf(why, "invalid JSON at column %zu", col + 1);
}

/*
 * A double gives back the text of most numbers, but not of an id of 16 or
 * more digits or of 1e999, and an event written again (cs-import, CSV
 * output, a filter that changes a field) would lose them.  Such a number
 * keeps its text in its item's valuestring, which cJSON leaves unused for
 * numbers, copies with the item and frees with it; json_write writes that
 * text.  The tree is checked first, so ordinary lines cost one walk.
 */
static int
number_at_risk(const cJSON *it)
{
	for (; it != NULL; it = it->next) {
		if (cJSON_IsNumber(it) && (!isfinite(it->valuedouble) ||
		    fabs(it->valuedouble) >= 9007199254740992.0))
			return 1;
		if (it->child != NULL && number_at_risk(it->child))
			return 1;
	}
	return 0;
}

struct number_items {
	cJSON	**v;
	size_t	  n, cap;
};

static void
collect_numbers(cJSON *it, struct number_items *ni)
{
	for (; it != NULL; it = it->next) {
		if (cJSON_IsNumber(it)) {
			if (ni->n == ni->cap) {
				ni->cap = ni->cap ? ni->cap * 2 : 16;
				ni->v = xrealloc(ni->v, sizeof *ni->v * ni->cap);
			}
			ni->v[ni->n++] = it;
		}
		if (it->child != NULL)
			collect_numbers(it->child, ni);
	}
}

void
ev_keep_number_texts(cJSON *obj, const char *p, size_t n)
{
	struct number_items ni = { NULL, 0, 0 };
	size_t k = 0;

	if (!number_at_risk(obj->child))
		return;
	collect_numbers(obj->child, &ni);
	/* The number tokens of the text come in the tree's order. */
	for (size_t i = 0; i < n && k < ni.n; i++) {
		if (p[i] == '"') {
			for (i++; i < n && p[i] != '"'; i++)
				if (p[i] == '\\')
					i++;
			continue;
		}
		if (p[i] != '-' && (p[i] < '0' || p[i] > '9'))
			continue;
		size_t start = i;
		while (i < n && strchr("0123456789+-.eE", p[i]) != NULL &&
		    p[i] != '\0')
			i++;
		cJSON *it = ni.v[k++];
		if ((!isfinite(it->valuedouble) || fabs(it->valuedouble) >=
		    9007199254740992.0) && it->valuestring == NULL)
			it->valuestring = xstrndup(p + start, i - start);
		i--;
	}
	free(ni.v);
}

/* ---- partial events ------------------------------------------------------ */

/* The wanted name a key is, or NULL; `_error` always (it tells a
 * passed-on event).  *num is its number in the want list, or -1. */
static const char *
wanted(const struct ev_want *w, const char *key, size_t len, long *num)
{
	*num = nametab_find(&w->names, key, len);
	if (*num >= 0)
		return w->names.name[*num];
	if (len == 6 && memcmp(key, "_error", 6) == 0)
		return "_error";
	return NULL;
}

/*
 * An integer of up to 15 digits (ids, counts, epoch seconds) as cJSON
 * would read it, without its strtod: the double holds it exactly.  NULL
 * for anything else.
 */
static cJSON *
small_integer(struct ev_reader *r, const char *s, size_t n)
{
	size_t i = s[0] == '-';
	double v = 0;

	if (n - i == 0 || n - i > 15)
		return NULL;
	for (size_t k = i; k < n; k++) {
		if (s[k] < '0' || s[k] > '9')
			return NULL;
		v = v * 10 + (s[k] - '0');
	}
	return new_number(r, i ? -v : v);
}

/*
 * FAST PATH before literal_or_decimal: a decimal fraction of at most 15
 * digits and 22 decimals (scores, amounts: -0.819, 44.99) as cJSON's
 * strtod reads it, without strtod: the digits m and 10^k are exact
 * doubles, so m / 10^k is one correctly rounded division, which is what
 * strtod gives (glibc's is correctly rounded), in a tenth of its time.
 * NULL for anything else (an exponent, more digits): the paths after it.
 * test_event's test_decimals_fast compares it with cJSON's parse.
 */
static cJSON *
short_decimal(struct ev_reader *r, const char *s, size_t n)
{
	static const double pow10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
	    1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
	    1e18, 1e19, 1e20, 1e21, 1e22 };
	size_t i = s[0] == '-', digits = 0, k = 0;
	int seen_dot = 0;
	double m = 0;

	if (n - i < 3 || n > 40)
		return NULL;
	for (size_t j = i; j < n; j++) {
		if (s[j] == '.' && !seen_dot && j > i && j + 1 < n) {
			seen_dot = 1;
			continue;
		}
		if (s[j] < '0' || s[j] > '9')
			return NULL;
		if (++digits > 15)
			return NULL;
		m = m * 10 + (s[j] - '0');
		k += seen_dot;
	}
	if (!seen_dot || k > 22)
		return NULL;
	m /= pow10[k];
	return new_number(r, i ? -m : m);
}

/*
 * FAST PATH: true, false, null and a finite number below 2^53 written
 * with a fraction or an exponent ("0.94", "-1e3"), as the items cJSON's
 * parse makes of them (strtod in the C locale, as its parse_number
 * does), without its parse: cs-classify's flags and scores were most of
 * cs-reply's calls to cJSON_ParseWithLength.  NULL for anything else
 * (the plain path, cJSON's parse).  jscan has checked the value is JSON.
 * test_event's test_values_fast_path compares both paths.
 */
static cJSON *
literal_or_decimal(struct ev_reader *r, const char *s, size_t n)
{
	char tmp[64], *end;

	if (n == 4 && memcmp(s, "true", 4) == 0) {
		cJSON *t = new_node(r, cJSON_True);
		t->valueint = 1;	/* as cJSON's parse sets it */
		return t;
	}
	if (n == 5 && memcmp(s, "false", 5) == 0)
		return new_node(r, cJSON_False);
	if (n == 4 && memcmp(s, "null", 4) == 0)
		return new_node(r, cJSON_NULL);
	if (n >= sizeof(tmp) || !(s[0] == '-' || (s[0] >= '0' && s[0] <= '9')))
		return NULL;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	double v = strtod(tmp, &end);
	if (end != tmp + n || !isfinite(v) || fabs(v) >= 9007199254740992.0)
		return NULL;
	return new_number(r, v);
}

/*
 * s[0..n) NUL-ended in r->strs, where partial_object made room: the text
 * stays put while the line's object is built.
 */
static const char *
line_text(struct ev_reader *r, const char *s, size_t n)
{
	char *t = r->strs.data + r->strs.len;

	memcpy(t, s, n);
	t[n] = '\0';
	r->strs.len += n + 1;
	return t;
}

/*
 * The string s[0..n) holds (its escapes \" \\ \/ \b \f \n \r \t, the only
 * ones jscan accepts) NUL-ended in r->strs, like line_text: the text is
 * never longer than its JSON spelling.
 */
static const char *
line_unescaped(struct ev_reader *r, const char *s, size_t n)
{
	char *t = r->strs.data + r->strs.len, *o = t;
	const char *e = s + n;

	while (s < e) {
		const char *q = memchr(s, '\\', (size_t)(e - s));
		size_t run = (size_t)((q ? q : e) - s);
		memcpy(o, s, run);
		o += run;
		if (q == NULL)
			break;
		switch (q[1]) {
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		default: *o++ = q[1]; break;	/* " \ / */
		}
		s = q + 2;
	}
	*o = '\0';
	r->strs.len += (size_t)(o - t) + 1;
	return t;
}

/* One member's value as an item; NULL if cJSON would not have it. */
static cJSON *
member_item(struct ev_reader *r, const struct jscan_member *m)
{
	cJSON *v;

	if (m->val_plain)	/* no escapes: the bytes are the string */
		return new_string_ref(r, line_text(r, m->val + 1,
		    m->vallen - 2));
	if (m->val[0] == '"')	/* jscan let only two-byte escapes through */
		return new_string_ref(r, line_unescaped(r, m->val + 1,
		    m->vallen - 2));
	if ((v = small_integer(r, m->val, m->vallen)) != NULL)
		return v;
	if ((v = short_decimal(r, m->val, m->vallen)) != NULL)
		return v;
	if ((v = literal_or_decimal(r, m->val, m->vallen)) != NULL)
		return v;
	v = cJSON_ParseWithLength(m->val, m->vallen);
	if (v == NULL)
		return NULL;
	if (cJSON_IsNumber(v) && (!isfinite(v->valuedouble) ||
	    fabs(v->valuedouble) >= 9007199254740992.0))
		v->valuestring = xstrndup(m->val, m->vallen);
	else if (v->child != NULL)
		ev_keep_number_texts(v, m->val, m->vallen);
	return v;
}

/*
 * cJSON_AddItemToObjectCS(obj, name, v) for a new member v (no key yet).
 * FAST PATH: cJSON 1.7.15 keeps the last member in child->prev, and this
 * links v the same way without the call and its checks (a twentieth of
 * reading a classified line).  Other versions of cJSON get the call, the
 * plain path; test_event checks the links against cJSON's.
 */
#if CJSON_VERSION_MAJOR == 1 && CJSON_VERSION_MINOR == 7 && \
    CJSON_VERSION_PATCH >= 15
#define APPEND_LINKED	1
#else
#define APPEND_LINKED	0
#endif

static void
append_const(cJSON *obj, const char *name, cJSON *v)
{
	if (!APPEND_LINKED || v->string != NULL) {
		cJSON_AddItemToObjectCS(obj, name, v);
		return;
	}
	v->string = (char *)name;
	v->type |= cJSON_StringIsConst;
	v->next = NULL;
	if (obj->child == NULL) {
		obj->child = v;
		v->prev = v;
	} else {
		cJSON *last = obj->child->prev;
		last->next = v;
		v->prev = last;
		obj->child->prev = v;
	}
}

/*
 * The wanted members (every member without a want list) of a line jscan
 * accepts, or NULL to read the line the full way (which also explains what
 * is wrong with it).
 *
 * A member's string value is not allocated: its text (escapes undone) is
 * copied into r->strs, and the item refers to it (a string reference,
 * which cJSON_Delete leaves alone and cJSON_Duplicate copies); the nodes
 * come from the spare list.  So the object is good until the next line is
 * read, like every record; ev_take gives a kept object its own copies.
 */
static cJSON *
partial_object(struct ev_reader *r, const char *p, size_t n)
{
	int depth = r->o.nesting_max < CJSON_NESTING_LIMIT ?
	    r->o.nesting_max : CJSON_NESTING_LIMIT - 1;

	if (!jscan_object(&r->scan, p, n, depth))
		return NULL;
	/* The values are disjoint spans of the line: n bytes and a NUL a
	 * member hold them all. */
	buf_reset(&r->strs);
	buf_grow(&r->strs, n + r->scan.n + 1);
	if (r->o.want != NULL) {
		if (r->first == NULL) {
			r->nfirst = ev_want_count(r->o.want);
			r->first = xcalloc(r->nfirst + 1, sizeof(*r->first));
		} else
			memset(r->first, 0, r->nfirst * sizeof(*r->first));
	}
	cJSON *obj = new_node(r, cJSON_Object);
	for (size_t i = 0; i < r->scan.n; i++) {
		const struct jscan_member *m = &r->scan.m[i];
		const char *name = NULL;
		long num = -1;
		if (r->o.want != NULL &&
		    (name = wanted(r->o.want, m->key, m->keylen, &num)) == NULL)
			continue;
		cJSON *v = member_item(r, m);
		if (v == NULL) {
			drop_record(r, obj);
			return NULL;
		}
		/* The first member of each name, as json_get finds it. */
		if (num >= 0 && (size_t)num < r->nfirst && m->keylen > 0 &&
		    r->first[num] == NULL)
			r->first[num] = v;
		if (name != NULL)	/* the want list's own string, no copy */
			append_const(obj, name, v);
		else {
			/* A key of its own: cJSON_Duplicate would share a
			 * const key, and duplicates outlive the line. */
			buf_reset(&r->cstr);
			buf_add(&r->cstr, m->key, m->keylen);
			cJSON_AddItemToObject(obj, buf_str(&r->cstr), v);
		}
	}
	return obj;
}

cJSON *
ev_full_object(const struct ev_record *rec)
{
	cJSON *obj = cJSON_ParseWithLength(rec->raw, rec->rawlen);

	if (obj != NULL)
		ev_keep_number_texts(obj, rec->raw, rec->rawlen);
	return obj;
}

/* The next line, from the operand or from the caller (ev_open_lines). */
static int
next_line(struct ev_reader *r, const char **p, size_t *n, size_t *full,
    long *lineno)
{
	int st;

	if (r->lines == NULL) {
		st = line_next(&r->ls, r->o.max_line, p, n, full);
		*lineno = r->ls.lineno;
		return st;
	}
	if (!r->lines->next(r->lines->ctx, p, n, &r->name, lineno))
		return LINE_EOF;
	r->ls.lineno = *lineno;
	if (*p == NULL || *n > r->o.max_line) {
		*full = *n;
		return LINE_TOO_LONG;
	}
	return LINE_OK;
}

int
ev_line_blank(const char *p, size_t n)
{
	size_t k = 0;

	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		k = 3;
	while (k < n && (p[k] == ' ' || p[k] == '\t' || p[k] == '\r'))
		k++;
	return k == n;
}

/*
 * One JSON text (a line, or a value of a JSON document) as a record:
 * good, or bad with the reason.
 */
static int
parse_record(struct ev_reader *r, struct ev_record *rec, const char *p,
    size_t n, long lineno)
{
	size_t bad_at;

	r->records_read++;
	/* The line as jscan indexed it: only the wanted members, or
	 * every one built without cJSON's parse (its strtod for every
	 * number).  jscan accepts only valid UTF-8 without NUL bytes;
	 * a line it declines is checked below, which says what is
	 * wrong with it. */
	cJSON *built = partial_object(r, p, n);
	if (built != NULL) {
		good(r, rec, built, lineno, p, n);
		rec->partial = r->o.want != NULL;
		if (rec->partial) {
			rec->first = r->first;
			rec->nfirst = r->nfirst;
		}
		return 1;
	}
	const char *nul = memchr(p, '\0', n);
	if (nul != NULL) {
		buf_printf(&r->why, "NUL byte at column %zu",
		    (size_t)(nul - p) + 1);
		return bad(r, rec, lineno, p, n, n);
	}
	if (!text_utf8_valid(p, n, &bad_at)) {
		r->not_utf8++;
		buf_printf(&r->why, NOT_UTF8 "%zu", bad_at + 1);
		return bad(r, rec, lineno, p, n, n);
	}
	const char *end = NULL;
	cJSON *obj = cJSON_ParseWithLengthOpts(p, n, &end, 0);
	if (obj == NULL) {
		int depth = json_depth(p, n);
		if (depth >= CJSON_NESTING_LIMIT ||
		    depth > r->o.nesting_max)
			buf_printf(&r->why, "JSON nested deeper than %d "
			    "levels", r->o.nesting_max);
		else
			describe_json_error(&r->why, p, n, end);
		return bad(r, rec, lineno, p, n, n);
	}
	if (end != NULL) {
		while (end < p + n && (*end == ' ' || *end == '\t' ||
		    *end == '\r'))
			end++;
		if (end < p + n) {
			cJSON_Delete(obj);
			buf_printf(&r->why, "invalid JSON: text after the "
			    "value at column %zu", (size_t)(end - p) + 1);
			return bad(r, rec, lineno, p, n, n);
		}
	}
	if (!cJSON_IsObject(obj)) {
		buf_printf(&r->why, "not a JSON object but %s",
		    type_name(obj));
		cJSON_Delete(obj);
		return bad(r, rec, lineno, p, n, n);
	}
	if (r->o.nesting_max < CJSON_NESTING_LIMIT &&
	    json_depth(p, n) > r->o.nesting_max) {
		cJSON_Delete(obj);
		buf_printf(&r->why, "JSON nested deeper than %d levels",
		    r->o.nesting_max);
		return bad(r, rec, lineno, p, n, n);
	}
	size_t esc = escaped_nul(p, n);
	if (esc > 0) {
		cJSON_Delete(obj);
		buf_printf(&r->why, "NUL character (\\u0000) in a "
		    "string at column %zu", esc);
		return bad(r, rec, lineno, p, n, n);
	}
	/* cJSON lets bad \u escapes (lone surrogates, non-hex) through
	 * and drops them from the string: check the escapes ourselves,
	 * on the few lines that have any. */
	size_t col;
	const char *what;
	if (has_u_escape(p, n) &&
	    json_find_error(p, n, &col, &what) < 0) {
		cJSON_Delete(obj);
		buf_printf(&r->why, "invalid JSON: %s at column %zu",
		    what, col);
		return bad(r, rec, lineno, p, n, n);
	}
	ev_keep_number_texts(obj, p, n);
	return good(r, rec, obj, lineno, p, n);
}

/*
 * A first line that only begins a JSON value ("{" of a pretty-printed
 * document): the rest is on the lines after it.
 */
static int
begins_value(const char *p, size_t n)
{
	size_t col;
	const char *what;

	return n > 0 && (p[0] == '{' || p[0] == '[') &&
	    json_find_error(p, n, &col, &what) < 0 && col > n;
}

/*
 * The most frequent of the separators , ; tab | outside double quotes in
 * p, with its count in *count (0: none there; then ',').
 */
static char
most_frequent_sep(const char *p, size_t n, int *count)
{
	static const char seps[] = ",;\t|";
	char sep = ',';

	*count = 0;
	for (const char *s = seps; *s; s++) {
		int c = 0, quote = 0;
		for (size_t i = 0; i < n; i++) {
			if (p[i] == '"')
				quote = !quote;
			else if (!quote && p[i] == *s)
				c++;
		}
		if (c > *count) {
			*count = c;
			sep = *s;
		}
	}
	return sep;
}

/*
 * Text that is not JSON but lines of fields separated by ',' ';' tab or
 * '|' (CSV read as JSON): the separator, or 0.  *ncols the columns.
 */
static char
looks_delimited(const char *p, size_t n, int *ncols)
{
	size_t col;
	const char *what;
	int count;
	char sep;

	if (n == 0 || p[0] == '{' || p[0] == '[' ||
	    json_find_error(p, n, &col, &what) == 0)
		return 0;
	sep = most_frequent_sep(p, n, &count);
	*ncols = count + 1;
	return count > 0 ? sep : 0;
}

static const char *
separator_name(char c)
{
	return c == '\t' ? "tabs" : c == ',' ? "','" : c == ';' ? "';'" :
	    c == '|' ? "'|'" : "?";
}


/* A JSON line as the reader takes it: without a byte order mark in front
 * (the first line's, or any line of files joined with cat) and a CR at
 * the end; returns the blanks that open what is left (all of it: a blank
 * line). */
static size_t
bare_line(const char **p, size_t *n)
{
	size_t k = 0;

	if (*n >= 3 && memcmp(*p, "\xEF\xBB\xBF", 3) == 0) {
		*p += 3;
		*n -= 3;
	}
	if (*n > 0 && (*p)[*n - 1] == '\r')
		(*n)--;
	while (k < *n && ((*p)[k] == ' ' || (*p)[k] == '\t' || (*p)[k] == '\r'))
		k++;
	return k;
}
static int read_values(struct ev_reader *, struct ev_record *);

/* How much of an operand ev_import_lines looks at for its first line. */
#define PEEK_BYTES	(1u << 20)

/*
 * Would the importing reader read `file` as JSON Lines from its first line
 * to its last, each line on its own?  What it decides from the beginning
 * (start_import, read_jsonl's first record) must come out as for any
 * other line: a regular file named, read as JSON, in UTF-8 (no byte order
 * mark of UTF-16, nothing that looks like it, no other --encoding), not a
 * top-level array, and its first line that is not blank neither the start
 * of a document over several lines nor a line that looks like CSV.
 */
int
ev_import_lines(const struct ev_reader_opts *o, const char *file)
{
	struct stat st;
	char *b;
	ssize_t got;
	size_t n = 0, i = 0;
	int fd, ok = 0;

	if (strcmp(file, "-") == 0 || format_of(o, file) != EV_JSONL ||
	    (o->encoding != NULL && !is_utf8_name(o->encoding)))
		return 0;
	if ((fd = open(file, O_RDONLY | O_CLOEXEC)) < 0)
		return 1;	/* told in its place, as by one thread */
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return 0;
	}
	b = xmalloc(PEEK_BYTES);
	while (n < PEEK_BYTES && (got = pread(fd, b + n, PEEK_BYTES - n,
	    (off_t)n)) > 0)
		n += (size_t)got;
	close(fd);
	const unsigned char *u = (const unsigned char *)b;
	if ((n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	    (u[0] == 0xFE && u[1] == 0xFF))) ||
	    (o->encoding == NULL && looks_utf16(u, n) != NULL))
		goto out;
	if (n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	/* the first line that is not blank, as read_jsonl finds it */
	for (;;) {
		const char *p = b + i;
		const char *nl = memchr(p, '\n', n - i);
		size_t len = nl ? (size_t)(nl - p) : n - i;
		if (nl == NULL && n == PEEK_BYTES)
			goto out;	/* longer than we look at */
		if (len > (o->max_line ? o->max_line : EV_MAX_LINE_DEFAULT))
			goto out;
		size_t k = bare_line(&p, &len);
		if (k < len) {
			int ncols;
			ok = p[k] != '[' && !begins_value(p + k, len - k) &&
			    !looks_delimited(p + k, len - k, &ncols);
			break;
		}
		if (nl == NULL) {
			ok = 1;		/* nothing but blanks */
			break;
		}
		i = (size_t)(nl - b) + 1;
	}
out:
	free(b);
	return ok;
}

static int
read_jsonl(struct ev_reader *r, struct ev_record *rec)
{
	const char *p;
	size_t n, full;
	long lineno;

	if (r->json_values)
		return read_values(r, rec);
	for (;;) {
		int st = next_line(r, &p, &n, &full, &lineno);
		if (st == LINE_EOF)
			return 0;
		if (st == LINE_ERROR)
			diag_fatal(r->diag, CS_EXIT_IOERR, "read error: %s: %s",
			    r->name, strerror(errno));
		buf_reset(&r->why);
		if (st == LINE_TOO_LONG) {
			buf_printf(&r->why, "line too long: %zu bytes, more than "
			    "--max-line %zu", full, r->o.max_line);
			return bad(r, rec, lineno, "", 0, full);
		}
		/* A BOM starts the first line, or any line of files joined
		 * with cat: cJSON would skip it, but it must not reach _raw or
		 * a filter's spliced output line. */
		size_t k = bare_line(&p, &n);
		if (k == n)
			continue;	/* blank lines carry no event */
		if (r->o.importing && r->records_read == 0) {
			int ncols;
			char sep;
			if (begins_value(p + k, n - k)) {
				/* A document across lines: read by value. */
				r->json_values = 1;
				r->vline = lineno;
				r->ls.start = (size_t)(p + k - r->ls.buf);
				return read_values(r, rec);
			}
			if ((sep = looks_delimited(p + k, n - k, &ncols)) != 0) {
				r->records_read++;
				buf_printf(&r->why, "not JSON: this looks like "
				    "CSV separated by %s (%d columns): read it "
				    "with -i csv", separator_name(sep), ncols);
				bad(r, rec, lineno, p, n, n);
				r->quiet_bad = 1;
				return 1;
			}
		}
		return parse_record(r, rec, p, n, lineno);
	}
}

/* ---- JSON values (documents and arrays) ------------------------------------- */

/*
 * Make byte ls->start + k readable: 0 when it is, 1 at the end of the
 * file, 2 when the buffer cannot grow past limit bytes to hold it.  May
 * move the unread bytes to the front of the buffer.
 */
static int
value_byte(struct ev_reader *r, size_t k, size_t limit)
{
	struct linesrc *ls = &r->ls;

	while (ls->start + k >= ls->end) {
		if (ls->eof)
			return 1;
		if (ls->start > 0) {
			memmove(ls->buf, ls->buf + ls->start, ls->end - ls->start);
			ls->end -= ls->start;
			ls->start = 0;
		}
		if (ls->end == ls->cap) {
			if (ls->cap >= limit)
				return 2;
			ls->cap = ls->cap * 2 > limit ? limit : ls->cap * 2;
			ls->buf = xrealloc(ls->buf, ls->cap);
		}
		if (fill(ls) < 0)
			diag_fatal(r->diag, CS_EXIT_IOERR, "read error: %s: %s",
			    r->name, strerror(errno));
	}
	return 0;
}

struct value_scan {
	int	 depth, in_str, esc, scalar;
	long	 newlines;
	size_t	 skipped;	/* bytes let go of a value too long to keep */
	int	 truncated;	/* the file ended inside it */
};

/*
 * The length of the JSON value at ls->start: brackets and braces
 * counted outside strings (the parse that follows checks the rest).  A
 * value longer than --max-line is read to its end without keeping it:
 * *len is then 0 and sc->skipped its length.
 */
static size_t
scan_value(struct ev_reader *r, struct value_scan *sc)
{
	size_t k = 0, limit = r->o.max_line + 1;

	memset(sc, 0, sizeof *sc);
	for (;;) {
		int got = value_byte(r, k, limit);
		if (got == 2) {		/* too long: let the bytes go */
			sc->skipped += k;
			r->ls.start += k;
			k = 0;
			continue;
		}
		if (got == 1) {
			sc->truncated = sc->depth > 0 || sc->in_str;
			return k;
		}
		char c = r->ls.buf[r->ls.start + k];
		sc->newlines += c == '\n';
		if (sc->in_str) {
			if (sc->esc)
				sc->esc = 0;
			else if (c == '\\')
				sc->esc = 1;
			else if (c == '"' && (sc->in_str = 0, sc->depth == 0))
				return k + 1;
		} else if (sc->scalar) {
			if (strchr(",]} \t\r\n", c) != NULL) {
				sc->newlines -= c == '\n';
				return k;
			}
		} else if (c == '{' || c == '[') {
			sc->depth++;
		} else if (c == '}' || c == ']') {
			if (--sc->depth <= 0)
				return k + 1;
		} else if (c == '"') {
			sc->in_str = 1;
		} else if (sc->depth == 0) {
			sc->scalar = 1;
		}
		k++;
	}
}

/* Skip white space, and inside an array its commas, counting lines;
 * 1 at the end of the file. */
static int
skip_between(struct ev_reader *r)
{
	for (;;) {
		if (value_byte(r, 0, r->o.max_line + 1) != 0)
			return 1;
		char c = r->ls.buf[r->ls.start];
		if (c == '\n')
			r->vline++;
		else if (!(c == ' ' || c == '\t' || c == '\r' ||
		    (r->in_array && c == ',')))
			return 0;
		r->ls.start++;
	}
}

/*
 * The records of a file of JSON values: each value a record, and each
 * element of a top-level array one.
 */
static int
read_values(struct ev_reader *r, struct ev_record *rec)
{
	struct value_scan sc;

	for (;;) {
		buf_reset(&r->why);
		if (skip_between(r)) {
			if (!r->in_array)
				return 0;
			r->in_array = 0;
			buf_adds(&r->why, "the file ends inside a JSON array "
			    "(no closing ']')");
			return bad(r, rec, r->vline, "", 0, 0);
		}
		char c = r->ls.buf[r->ls.start];
		if (c == '[' && !r->in_array) {
			r->in_array = 1;
			r->ls.start++;
			continue;
		}
		if (c == ']' && r->in_array) {
			r->in_array = 0;
			r->ls.start++;
			continue;
		}
		long line = r->vline;
		size_t n = scan_value(r, &sc);
		const char *p = r->ls.buf + r->ls.start;
		r->ls.start += n;
		r->vline += sc.newlines;
		if (sc.skipped > 0) {
			r->records_read++;
			buf_printf(&r->why, "JSON value too long: %zu bytes, more "
			    "than --max-line %zu (a JSON document is read "
			    "whole: give a larger --max-line)", sc.skipped + n,
			    r->o.max_line);
			return bad(r, rec, line, "", 0, sc.skipped + n);
		}
		if (sc.truncated) {
			r->records_read++;
			buf_adds(&r->why, "the file ends inside a JSON value");
			return bad(r, rec, line, p, n, n);
		}
		return parse_record(r, rec, p, n, line);
	}
}

/* ---- CSV / TSV cells ------------------------------------------------------ */

/* Is s exactly how json_write_number prints some number? */
static int
canonical_number(const char *s, size_t n)
{
	size_t i = 0;
	if (n == 0 || n > 24)
		return 0;
	if (s[i] == '-')
		i++;
	if (i == n || s[i] < '0' || s[i] > '9')
		return 0;
	for (size_t j = i; j < n; j++)
		if (!strchr("0123456789.-+e", s[j]))
			return 0;
	char tmp[32];
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	char *end;
	double v = strtod(tmp, &end);
	if (end != tmp + n)
		return 0;
	struct buf b = BUF_INIT;
	json_write_number(&b, v);
	int same = b.len == n && memcmp(b.data, s, n) == 0;
	buf_free(&b);
	return same;
}

/*
 * A cell's JSON value: numbers, booleans, null, objects and arrays when the
 * text is exactly their JSON form, else a string.  NULL for a missing cell.
 */
static cJSON *
cell_value(const char *s, size_t n, int is_null)
{
	if (is_null)
		return NULL;
	if (n == 4 && memcmp(s, "true", 4) == 0)
		return cJSON_CreateTrue();
	if (n == 5 && memcmp(s, "false", 5) == 0)
		return cJSON_CreateFalse();
	if (n == 4 && memcmp(s, "null", 4) == 0)
		return cJSON_CreateNull();
	if (canonical_number(s, n))
		return cJSON_CreateNumber(strtod(s, NULL));
	if (n > 15 && (s[0] == '-' || (s[0] >= '1' && s[0] <= '9'))) {
		/* A number whose text a double cannot give back (an id of 16+
		 * digits) is still a number, with its text kept. */
		size_t col;
		const char *what;
		cJSON *v = json_find_error(s, n, &col, &what) == 0 ?
		    cJSON_ParseWithLength(s, n) : NULL;
		if (cJSON_IsNumber(v)) {
			cJSON *wrap = cJSON_CreateArray();
			cJSON_AddItemToArray(wrap, v);
			ev_keep_number_texts(wrap, s, n);
			v = cJSON_DetachItemFromArray(wrap, 0);
			cJSON_Delete(wrap);
			if (v->valuestring != NULL)
				return v;
		}
		cJSON_Delete(v);
	}
	/* JSON in a cell, unless it holds \u0000 (then it stays text, whole). */
	if (n >= 2 && (s[0] == '{' || s[0] == '[') && escaped_nul(s, n) == 0) {
		const char *end = NULL;
		cJSON *v = cJSON_ParseWithLengthOpts(s, n, &end, 0);
		if (v != NULL && end == s + n) {
			ev_keep_number_texts(v, s, n);
			return v;
		}
		cJSON_Delete(v);
	}
	cJSON *str = cJSON_CreateString("");
	free(str->valuestring);
	str->valuestring = xstrndup(s, n);
	return str;
}

static void
cells_add(struct ev_reader *r, const char *s, size_t n, int is_null)
{
	if (r->ncells == r->cells_cap) {
		r->cells_cap = r->cells_cap ? r->cells_cap * 2 : 16;
		r->cell_off = xrealloc(r->cell_off,
		    sizeof *r->cell_off * (size_t)r->cells_cap);
		r->cell_null = xrealloc(r->cell_null,
		    sizeof *r->cell_null * (size_t)r->cells_cap);
	}
	r->cell_off[r->ncells] = r->cells.len;
	r->cell_null[r->ncells] = is_null;
	r->ncells++;
	buf_add(&r->cells, s, n);
	buf_addc(&r->cells, '\0');
}

static size_t
cell_len(const struct ev_reader *r, int i)
{
	size_t end = i + 1 < r->ncells ? r->cell_off[i + 1] : r->cells.len;

	return end - r->cell_off[i] - 1;
}

static void
queue_push(struct ev_reader *r, cJSON *obj, const char *why)
{
	if (r->queue_head > 0 && r->queue_head == r->nqueue)
		r->queue_head = r->nqueue = 0;
	if (r->nqueue == r->queue_cap) {
		r->queue_cap = r->queue_cap ? r->queue_cap * 2 : 4;
		r->queue = xrealloc(r->queue, sizeof *r->queue *
		    (size_t)r->queue_cap);
	}
	struct pending *p = &r->queue[r->nqueue++];
	size_t n = r->raw.len;
	/* The raw text of a record ends before its final line break. */
	while (n > 0 && (r->raw.data[n - 1] == '\n' || r->raw.data[n - 1] == '\r'))
		n--;
	p->obj = obj;
	p->why = why ? xstrdup(why) : NULL;
	p->raw = xstrndup(r->raw.len ? r->raw.data : "", n);
	p->rawlen = n;
	p->rawfull = n;
	p->line = r->record_line;
}

/*
 * A header naming a column twice would give events with the key twice, of
 * which tools read one: the second becomes NAME_2 (then _3...), and says so.
 * `taken` holds the names of the columns before i (a set: exports with
 * 100,000 columns exist, and comparing each name with every earlier one
 * took minutes).
 */
static int
column_taken(const struct hmap *taken, const char *name)
{
	return hmap_find(taken, name, strlen(name)) != HMAP_NONE;
}

static void
unique_column_name(struct ev_reader *r, int i, struct hmap *taken)
{
	struct buf b = BUF_INIT;

	if (column_taken(taken, r->header[i])) {
		for (int n = 2;; n++) {
			buf_reset(&b);
			buf_printf(&b, "%s_%d", r->header[i], n);
			if (!column_taken(taken, b.data))
				break;
		}
		diag_warn_line(r->diag, r->name, r->record_line, "column %d is "
		    "named '%s' again: read as '%s'", i + 1, r->header[i],
		    b.data);
		free(r->header[i]);
		r->header[i] = buf_detach(&b);
	}
	hmap_put(taken, r->header[i], strlen(r->header[i]), NULL);
	buf_free(&b);
}

/* The separator of a CSV header line: the most frequent of , ; tab |
 * outside quotes (',' when none is there). */
static char
sniff_delimiter(const char *p, size_t n)
{
	int count;
	char sep = most_frequent_sep(p, n, &count);

	return count > 0 ? sep : ',';
}

int
ev_delimiter_parse(const char *s, char *out)
{
	static const struct { const char *name; char c; } names[] = {
		{ "tab", '\t' }, { "\\t", '\t' }, { "comma", ',' },
		{ "semicolon", ';' }, { "pipe", '|' },
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcasecmp(s, names[i].name) == 0) {
			*out = names[i].c;
			return 0;
		}
	}
	if (strlen(s) != 1 || *s == '"' || *s == '\n' || *s == '\r')
		return -1;
	*out = *s;
	return 0;
}

/* The header is read: a tool may check it; a header of one column that
 * holds another separator is said to be one. */
static void
header_done(struct ev_reader *r)
{
	if (!r->o.importing)
		return;
	if (r->nheader == 1 && r->fmt == EV_CSV) {
		const char *h = r->header[0];
		char sep = sniff_delimiter(h, strlen(h));
		if (strchr(h, sep) != NULL && sep != r->delim)
			diag_warn_line(r->diag, r->name, r->record_line, "the "
			    "header is one column; it looks separated by %s "
			    "(give --delimiter '%s')", separator_name(sep),
			    sep == '\t' ? "tab" : (char[]){ sep, 0 });
	}
	if (r->o.header_cb != NULL)
		r->o.header_cb(r->o.header_ctx, r->name, r->header, r->nheader);
}

/* A complete row of cells: the header, or a record. */
static void
row_done(struct ev_reader *r)
{
	if (r->header == NULL) {
		struct hmap taken = HMAP_INIT;

		r->nheader = r->ncells;
		r->header = xcalloc((size_t)r->ncells, sizeof *r->header);
		for (int i = 0; i < r->ncells; i++) {
			const char *s = r->cells.data + r->cell_off[i];
			if (i == 0 && strncmp(s, "\xEF\xBB\xBF", 3) == 0)
				s += 3;
			if (*s)
				r->header[i] = xstrdup(s);
			else {
				struct buf b = BUF_INIT;
				buf_printf(&b, "_%d", i + 1);
				r->header[i] = buf_detach(&b);
			}
			unique_column_name(r, i, &taken);
		}
		hmap_free(&taken);
		header_done(r);
	} else if (r->ncells != r->nheader) {
		struct buf why = BUF_INIT;
		buf_printf(&why, "%d fields where the header has %d", r->ncells,
		    r->nheader);
		queue_push(r, NULL, why.data);
		buf_free(&why);
	} else {
		cJSON *obj = cJSON_CreateObject();
		for (int i = 0; i < r->ncells; i++) {
			cJSON *v = cell_value(r->cells.data + r->cell_off[i],
			    cell_len(r, i), r->cell_null[i]);
			if (v != NULL)
				cJSON_AddItemToObject(obj, r->header[i], v);
		}
		queue_push(r, obj, NULL);
	}
	r->ncells = 0;
	buf_reset(&r->cells);
	buf_reset(&r->raw);
	r->in_record = 0;
}

static void
csv_field_cb(void *s, size_t n, void *data)
{
	cells_add(data, s ? s : "", s ? n : 0, s == NULL);
}

static void
csv_row_cb(int c, void *data)
{
	(void)c;
	row_done(data);
}

static void
csv_start(struct ev_reader *r)
{
	if (csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL |
	    CSV_APPEND_NULL) != 0)
		diag_fatal(r->diag, CS_EXIT_SOFTWARE, "cannot start the CSV parser");
	if (r->delim != 0)
		csv_set_delim(&r->csv, (unsigned char)r->delim);
	r->csv_ready = 1;
}


static void
csv_bad(struct ev_reader *r, const char *why)
{
	queue_push(r, NULL, why);
	csv_reset(r);
}

/* Over --max-line: as for JSON Lines, the length is kept, not the text. */
static void
csv_too_long(struct ev_reader *r, const char *why, size_t full)
{
	buf_reset(&r->raw);
	queue_push(r, NULL, why);
	r->queue[r->nqueue - 1].rawfull = full;
	csv_reset(r);
}

/* TSV: split on tabs, undo the \t \n \r \\ escapes. */
static void
tsv_line(struct ev_reader *r, const char *p, size_t n)
{
	struct buf cell = BUF_INIT;
	size_t i = 0;

	for (;;) {
		buf_reset(&cell);
		while (i < n && p[i] != '\t') {
			if (p[i] == '\\' && i + 1 < n && strchr("tnr\\", p[i + 1])) {
				char c = p[i + 1];
				buf_addc(&cell, c == 't' ? '\t' : c == 'n' ? '\n' :
				    c == 'r' ? '\r' : '\\');
				i += 2;
			} else
				buf_addc(&cell, p[i++]);
		}
		cells_add(r, cell.len ? cell.data : "", cell.len, cell.len == 0);
		if (i >= n)
			break;
		i++;		/* the tab */
	}
	buf_free(&cell);
	row_done(r);
}

static void
feed_line(struct ev_reader *r, const char *p, size_t n, int has_nl)
{
	size_t bad_at;

	if (!r->in_record) {
		if (n == 0 || (n == 1 && p[0] == '\r'))
			return;		/* blank line between records */
		r->in_record = 1;
		r->record_line = r->ls.lineno;
	}
	buf_add(&r->raw, p, n);
	if (has_nl)
		buf_addc(&r->raw, '\n');
	if (memchr(p, '\0', n) != NULL) {
		csv_bad(r, "NUL byte in the record");
		return;
	}
	if (!text_utf8_valid(p, n, &bad_at)) {
		struct buf why = BUF_INIT;
		r->not_utf8++;
		buf_printf(&why, "invalid UTF-8 at byte %zu of line %ld",
		    bad_at + 1, r->ls.lineno);
		csv_bad(r, why.data);
		buf_free(&why);
		return;
	}
	if (r->raw.len > r->o.max_line) {
		struct buf why = BUF_INIT;
		buf_printf(&why, "record longer than --max-line %zu bytes "
		    "(an unbalanced quote?)", r->o.max_line);
		csv_too_long(r, why.data, r->raw.len - (has_nl ? 1 : 0));
		buf_free(&why);
		return;
	}
	if (r->fmt == EV_TSV) {
		size_t len = n > 0 && p[n - 1] == '\r' ? n - 1 : n;
		tsv_line(r, p, len);
		return;
	}
	if (!r->csv_ready)
		csv_start(r);
	if (csv_parse(&r->csv, p, n, csv_field_cb, csv_row_cb, r) != n ||
	    (has_nl && csv_parse(&r->csv, "\n", 1, csv_field_cb, csv_row_cb,
	    r) != 1)) {
		csv_bad(r, "malformed quoting (a quote inside an unquoted "
		    "field, or text after a closing quote)");
		return;
	}
}

static int
read_table(struct ev_reader *r)
{
	const char *p;
	size_t n, full;

	for (;;) {
		if (r->queue_head < r->nqueue)
			return 1;
		int st = line_next(&r->ls, r->o.max_line, &p, &n, &full);
		if (st == LINE_ERROR)
			diag_fatal(r->diag, CS_EXIT_IOERR, "read error: %s: %s",
			    r->name, strerror(errno));
		if (st == LINE_EOF) {
			if (r->csv_ready && r->in_record &&
			    csv_fini(&r->csv, csv_field_cb, csv_row_cb, r) != 0)
				csv_bad(r, "unterminated quoted field at the "
				    "end of the file");
			csv_reset(r);
			return r->queue_head < r->nqueue;
		}
		if (st == LINE_TOO_LONG) {
			struct buf why = BUF_INIT;
			buf_printf(&why, "line too long: %zu bytes, more than "
			    "--max-line %zu", full, r->o.max_line);
			if (!r->in_record)
				r->record_line = r->ls.lineno;
			csv_too_long(r, why.data, r->raw.len + full);
			buf_free(&why);
			continue;
		}
		if (r->first_line) {
			r->first_line = 0;
			if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
				p += 3;
				n -= 3;
			}
			if (r->o.importing && r->fmt == EV_CSV && r->delim == 0)
				r->delim = sniff_delimiter(p, n);
		}
		/* line_next drops the newline; a quoted field may hold it. */
		int has_nl = r->ls.start > 0 && r->ls.buf[r->ls.start - 1] == '\n';
		feed_line(r, p, n, has_nl);
	}
}

static int
pop_table(struct ev_reader *r, struct ev_record *rec)
{
	pending_free(&r->cur);
	r->cur = r->queue[r->queue_head++];
	if (r->cur.obj == NULL) {
		buf_reset(&r->why);
		buf_adds(&r->why, r->cur.why);
		return bad(r, rec, r->cur.line, r->cur.raw, r->cur.rawlen,
		    r->cur.rawfull);
	}
	cJSON *obj = r->cur.obj;
	r->cur.obj = NULL;
	return good(r, rec, obj, r->cur.line, r->cur.raw, r->cur.rawlen);
}

int
ev_read(struct ev_reader *r, struct ev_record *rec)
{
	drop_record(r, r->obj);
	r->obj = NULL;
	if (r->lines != NULL) {
		if (!read_jsonl(r, rec))
			return 0;
		rec->reader = r;
		return 1;
	}
	for (;;) {
		if (r->fd < 0 && !next_operand(r))
			return 0;
		int got = r->fmt == EV_JSONL ? read_jsonl(r, rec) :
		    read_table(r) ? pop_table(r, rec) : 0;
		if (got) {
			rec->reader = r;
			return 1;
		}
		end_operand(r);
	}
}

cJSON *
ev_error_object(const struct ev_record *rec)
{
	cJSON *o = cJSON_CreateObject();
	struct buf src = BUF_INIT;

	cJSON_AddStringToObject(o, "_error", rec->why ? rec->why : "bad line");
	buf_printf(&src, "%s:%ld", rec->file, rec->line);
	cJSON_AddStringToObject(o, "_source", src.data);
	buf_free(&src);
	if (rec->rawfull > rec->rawlen || rec->raw == NULL) {
		cJSON_AddNumberToObject(o, "_raw_length", (double)rec->rawfull);
		return o;
	}
	if (memchr(rec->raw, '\0', rec->rawlen) == NULL &&
	    text_utf8_valid(rec->raw, rec->rawlen, NULL)) {
		char *s = xstrndup(rec->raw, rec->rawlen);
		cJSON_AddStringToObject(o, "_raw", s);
		free(s);
	} else {
		struct buf b = BUF_INIT;
		text_base64(rec->raw, rec->rawlen, &b);
		cJSON_AddStringToObject(o, "_raw_base64", buf_str(&b));
		buf_free(&b);
	}
	return o;
}
