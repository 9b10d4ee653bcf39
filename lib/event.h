/*
 * event — reading events: JSON Lines, CSV and TSV, from files or stdin.
 *
 * Owns: struct ev_reader, which walks the operands in order and hands out one
 * record at a time.  The record (its cJSON object and raw bytes) belongs to
 * the reader and is valid until the next ev_read(); a caller that wants to
 * keep an object detaches it with ev_take().  Memory is bounded by the
 * longest line (--max-line), never by the number of lines.
 *
 * Every record carries its file name and line number.  A line that cannot be
 * an event (invalid JSON or UTF-8, not an object, longer than --max-line, a
 * CSV row with unbalanced quotes) comes back as EV_BAD with a reason; the
 * reader has already printed the diagnostic and counted it in struct diag,
 * and ev_error_object() builds the `_error` event that keeps it.  An event
 * that already carries `_error` (bad upstream) comes back as EV_PASSED, to be
 * passed on untouched by filters and counted as rejected by aggregators.
 *
 * EVENT MEMORY — the rules every tool and filter function works by.
 *
 *   Who owns what.  The reader owns rec->obj and everything reachable from
 *   it until the next ev_read() or ev_close().  Three kinds of borrowed
 *   bytes hang off it:
 *     - string values of a partial record are references (cJSON_IsReference)
 *       into the reader's buffer of the current line's texts;
 *     - member keys of a partial record are the want list's names
 *       (cJSON_StringIsConst), so the list must outlive every record;
 *     - keys set with json_put() are the caller's literals, borrowed the
 *       same way.
 *   The nodes themselves are recycled: when the next line is read, the
 *   last record's nodes (up to 64) go to a spare list and what they owned
 *   is freed as cJSON_Delete() would, honouring those two flags.  So never
 *   keep a pointer into a record past the next read; keep a copy, or
 *   detach the whole object with ev_take() (which copies the referenced
 *   strings and gives the nodes to the caller).
 *
 *   What a filter function may do (filter.h runs it on each good record):
 *     - read any field it wants, through fieldmap_get() and json_get();
 *     - append members as JSON text with filter_add_*() (cheapest: no node
 *       is made when the line can be spliced);
 *     - set a field with json_set() or json_put(): the item is replaced
 *       (its position kept) or appended;
 *     - never change an item in place (cJSON's setters, editing
 *       valuestring): the loop tells an append from a change by comparing
 *       the items' pointers before and after, so an item edited in place
 *       goes out as it came;
 *     - with a want list (partial records), want every field it reads and
 *       every field it sets: a field it sets but did not want is not in the
 *       record it sees, so an input that already has it would leave with it
 *       twice.  filter_run checks this on every event when the environment
 *       has CSKIT_CHECK=1, as the test suite runs every tool;
 *     - items it makes are the record's from then on (freed with it);
 *       strings it sets as references (reply_run_annotate) must live until
 *       the event is written.
 *
 * CSV and TSV: the first row names the fields.  CSV is RFC 4180 (by libcsv):
 * quoted fields, embedded newlines and commas, CRLF, a UTF-8 BOM.  TSV has
 * no quoting; \t \n \r \\ escape those bytes in fields.  A cell becomes a
 * JSON number only when it reads back as exactly the same text ("5", "4.5",
 * but not "007" or "1e3"), true/false become booleans, a cell that is a JSON
 * object or array becomes one; everything else stays a string, and an empty
 * cell is left out.  That makes JSONL → CSV → JSONL keep every field.
 *
 * Reading exports (opts.importing, cs-import): each operand's format is
 * -i's, else guessed from its name (.csv, .tsv/.tab, .json/.jsonl/.ndjson)
 * and otherwise JSON.  Its bytes are UTF-8, or UTF-16 when they start
 * with a byte order mark (or look like UTF-16 without one: then a warning
 * says so), or opts.encoding's through iconv.  JSON is told by its first
 * byte: '[' is an array whose elements are the records, read one at a
 * time (a 1,000,000-element array costs the largest element's memory);
 * '{' whose line holds a whole value is JSON Lines; '{' starting a value
 * that spans lines (a pretty-printed document) makes the file a sequence
 * of JSON values, each a record read whole, up to --max-line bytes.  A
 * CSV header's separator is found from the header (',' ';' tab '|', the
 * most frequent outside quotes) unless opts.delimiter says it.  An
 * operand read as JSON that looks like CSV is named with the fix once
 * (its lines are bad lines, counted, not each reported).
 */
#ifndef CSKIT_EVENT_H
#define CSKIT_EVENT_H

#include <stddef.h>
#include <cjson/cJSON.h>
#include "diag.h"
#include "want.h"

enum ev_format { EV_JSONL, EV_CSV, EV_TSV };

enum ev_status {
	EV_OK,		/* a good event in rec->obj */
	EV_BAD,		/* a bad line: rec->why, rec->raw */
	EV_PASSED	/* an event that already has `_error` */
};

/*
 * Given a want list (want.h), the JSON Lines reader builds only those
 * members (and `_error`) into rec->obj and marks the record partial: most
 * of a line is checked but never built.  The items' keys point to the
 * list's names.
 */
struct ev_reader_opts {
	enum ev_format	 format;
	int		 format_given;	/* -i said it (else it may be guessed) */
	size_t		 max_line;	/* bytes; 0 means the default */
	int		 nesting_max;	/* JSON depth; 0 means the default */
	const struct ev_want *want;	/* NULL: build every field */

	/*
	 * Exports as they come (cs-import): see "Reading exports" above.
	 * The rest is for them only.
	 */
	int		 importing;
	char		 delimiter;	/* CSV; 0: found from the header */
	const char	*encoding;	/* iconv name; NULL: UTF-8 */
	/* Called with each CSV or TSV operand's header before its records
	 * (a tool checks the columns it needs; it may exit). */
	void		(*header_cb)(void *ctx, const char *file,
			    char *const *names, int n);
	void		*header_ctx;
};

#define EV_MAX_LINE_DEFAULT	(64u << 20)
#define EV_NESTING_DEFAULT	1000	/* cJSON's own limit; lower only */

struct ev_record {
	enum ev_status	 status;
	cJSON		*obj;		/* EV_OK, EV_PASSED */
	const char	*file;		/* "-" shows as "<stdin>" */
	long		 line;		/* first line of the record */
	const char	*raw;		/* the bytes read (for EV_BAD) */
	size_t		 rawlen;
	size_t		 rawfull;	/* full length when raw was cut short */
	const char	*why;		/* EV_BAD: the reason, no file:line */
	int		 partial;	/* obj holds only the wanted fields */
	/*
	 * A partial record's index (else NULL): first[i] is obj's first
	 * member named the want list's i-th name (a non-empty one), or
	 * NULL; valid as obj is (not after ev_take), nfirst entries.
	 */
	const cJSON *const *first;
	size_t		 nfirst;
	struct ev_reader *reader;	/* the owner of obj, for ev_take */
};

struct ev_reader;

/*
 * Open the operands (argv-style; none or "-" means stdin).  Files that cannot
 * be opened are reported when reached (exit 66 at the end, others still
 * read).
 */
struct ev_reader *ev_open(const struct ev_reader_opts *, char *const *files,
	    int nfiles, struct diag *);
/*
 * One regular file's bytes [start, end) only, which begin and end at line
 * boundaries (a part of an input read by several threads).  Lines are
 * numbered from 1 at start: the caller adds the lines before it.
 */
struct ev_reader *ev_open_range(const struct ev_reader_opts *,
	    char *const *file, long long start, long long end, struct diag *);
/*
 * JSON Lines handed over by the caller a line at a time (a thread reading
 * the lines a router gave it): next() gives the line without its newline,
 * the shown name of its file and its number there, and returns 1, or 0 at
 * the end; a line longer than --max-line comes as *p NULL and *n its
 * length.  The pointers must stay valid until the following call.
 */
struct ev_lines {
	int	(*next)(void *ctx, const char **p, size_t *n,
		    const char **file, long *line);
	void	*ctx;
};
struct ev_reader *ev_open_lines(const struct ev_reader_opts *,
	    const struct ev_lines *, struct diag *);
/* Is this line one the reader passes over (blanks, a byte order mark)? */
int	ev_line_blank(const char *p, size_t n);
/* The lines of the current operand read so far. */
long	ev_lines_read(const struct ev_reader *);
/* 1 and a record, 0 at the end of the last operand. */
int	ev_read(struct ev_reader *, struct ev_record *);
/*
 * Detach rec->obj so it outlives the next ev_read (caller cJSON_Deletes):
 * its strings are copied out of the reader's line buffer and its nodes out
 * of the reader's pool.  No tool keeps events today (they keep what they
 * need as their own summaries); test_event checks this path, for a tool
 * that will.
 */
cJSON	*ev_take(struct ev_record *);
/*
 * The whole event of a partial record, parsed from its line (caller
 * deletes): for writing it out some other way than splicing the line.
 */
cJSON	*ev_full_object(const struct ev_record *);
/* Did an operand fail to open?  (The tool exits 66 unless worse.) */
int	ev_open_failed(const struct ev_reader *);
void	ev_close(struct ev_reader *);

/* The `_error` event for a bad record (caller deletes). */
cJSON	*ev_error_object(const struct ev_record *);

/*
 * Numbers a double cannot give back (16+ digit ids, 1e999) keep their text
 * from `text`, the JSON that `container` (an object or array) was parsed
 * from, so json_write writes them as they were.  The reader does this for
 * every line; call it after parsing JSON text again (a spool, a sort).
 */
void	ev_keep_number_texts(cJSON *container, const char *text, size_t len);

/* "-i" values: "jsonl" (also "json", "ndjson"), "csv", "tsv"; -1 if unknown. */
int	ev_format_parse(const char *);
/* A CSV separator: one character, or tab, comma, semicolon, pipe; -1 when
 * it is none of these. */
int	ev_delimiter_parse(const char *, char *out);

/*
 * Reading exports (o->importing): would `file` be read as JSON Lines from
 * its first line to its last, each line on its own, so that its lines may
 * be read apart (cs-import -j)?  1 also for a file that cannot be opened
 * (its error is told in its place).  Peeks at its first megabyte.
 */
int	ev_import_lines(const struct ev_reader_opts *, const char *file);
/* The warning at the end of an operand with lines that are not UTF-8
 * (reading exports), for a reader of its lines apart. */
void	ev_warn_not_utf8(const struct diag *, const char *name,
	    unsigned long lines);
/* Is a bad line's reason that it is not UTF-8? */
int	ev_why_not_utf8(const char *why);

/* Shown name of an operand: "<stdin>" for "-". */
const char *ev_display_name(const char *file);

#endif
