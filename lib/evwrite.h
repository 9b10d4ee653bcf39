/*
 * evwrite — writing records as jsonl, csv, tsv, table or markdown.
 *
 * Owns: struct ev_writer, its column list and, for table and markdown, the
 * rows held until ev_writer_close() (aligned output needs every width first;
 * reports are small, filters should stream jsonl/csv/tsv).
 *
 * jsonl writes each object as it is (key order kept).  csv/tsv take their
 * columns from ev_writer_columns() (streamed, other fields left out) or else
 * spool the records to a temporary file and write, at close, one header
 * that is the union of every record's fields in first-seen order (so
 * nothing is lost); a missing field is an empty cell, an empty string a
 * quoted "" in CSV.  Nested values are written as JSON text in the cell.  table aligns columns by
 * display width (text_width: CJK counts 2, combining marks 0) and right-
 * aligns numbers; markdown writes a pipe table.  Column kinds change how a
 * number is shown in table and markdown only: a duration is `1h02m`.
 */
#ifndef CSKIT_EVWRITE_H
#define CSKIT_EVWRITE_H

#include <cjson/cJSON.h>
#include "buf.h"
#include "diag.h"

enum out_format { OUT_JSONL, OUT_CSV, OUT_TSV, OUT_TABLE, OUT_MARKDOWN };

enum ew_kind {
	EW_PLAIN,
	EW_DURATION,	/* seconds → "1h02m" in table/markdown */
	EW_PERCENT	/* a share 0..1 → "93.5%" in table/markdown */
};

struct ev_writer;

struct ev_writer *ev_writer_open(enum out_format, int fd, const struct diag *);
/* Fix the columns (reports); otherwise the first record sets them. */
void	ev_writer_columns(struct ev_writer *, const char *const *names, int n);
void	ev_writer_kind(struct ev_writer *, const char *column, enum ew_kind);
/*
 * CSV and TSV for a spreadsheet: a string cell starting with = + - @ (a
 * formula to a spreadsheet) is written with a leading apostrophe.  For the
 * reports a person opens (cs-kpi, coverage); never for events, whose round
 * trip keeps every text exact.
 */
void	ev_writer_neutralise(struct ev_writer *, int on);
/* A table's longest line in columns (0, the default: no limit): wider text
 * columns are cut with "…" to fit. */
void	ev_writer_max_width(struct ev_writer *, size_t cols);
void	ev_writer_write(struct ev_writer *, const cJSON *obj);
/* jsonl only: a line already serialized (no newline), written as is. */
void	ev_writer_raw(struct ev_writer *, const char *line, size_t len);
/* jsonl only: part of a line, written as is; ev_writer_raw ends it. */
void	ev_writer_raw_part(struct ev_writer *, const char *p, size_t len);
/* A writer opened on OUT_MEMORY (out.h): append what it wrote to `to`. */
void	ev_writer_take(struct ev_writer *, struct buf *to);
/*
 * jsonl only: until called again with NULL, each line goes onto the end
 * of b instead of out, without its newline (a filter holding events
 * writes them later, in order); no effect in the other formats.
 */
void	ev_writer_capture(struct ev_writer *, struct buf *b);
/* Write out what is buffered (jsonl, and csv/tsv with fixed columns;
 * spooled and aligned formats wait for close). */
void	ev_writer_flush(struct ev_writer *);
/* For diag's before_strict_exit (ctx is the writer): writes everything
 * accepted so far in every format, spooled and aligned ones included, as
 * close would; only close may follow. */
void	ev_writer_flush_cb(void *ctx);
/* Flush (and for table/markdown, write everything); frees the writer. */
void	ev_writer_close(struct ev_writer *);

/* "-o" values: jsonl csv tsv table markdown (md); -1 if unknown. */
int	ev_writer_format_parse(const char *);

#endif
