#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "event.h"
#include "evwrite.h"
#include "hmap.h"
#include "json.h"
#include "out.h"
#include "text.h"
#include "ts.h"

/*
 * CSV and TSV without fixed columns are spooled: each record goes to a
 * temporary file as a JSON line while the union of field names is
 * collected, and the table is written at the end under one header.  So a
 * stream whose records differ (messages, orders, ratings) still makes one
 * well-formed table, and memory holds the field names, not the records.
 */

struct column {
	char		*name;
	enum ew_kind	 kind;
	int		 numeric;	/* every non-empty cell a number */
	int		 fractional;	/* some number has a fraction */
	size_t		 width;
};

struct ev_writer {
	enum out_format	 fmt;
	struct out	 out;
	const struct diag *diag;
	struct column	*cols;
	int		 ncols, capcols;
	struct hmap	 colix;		/* name → column number */
	const cJSON	**cells;	/* one row's values, by column */
	int		 fixed;		/* columns given up front */
	int		 header_done;
	FILE		*spool;		/* csv/tsv without fixed columns */
	cJSON		**rows;		/* table/markdown */
	size_t		 nrows, rows_cap;
	struct buf	 line;
	struct buf	 cell;
	struct buf	*capture;	/* jsonl lines go here instead */
	int		 finished;	/* the end-only output is written */
	size_t		 max_width;	/* a table's line; 0: no limit */
	int		 neutralise;	/* formula-like CSV cells as text */
};

int
ev_writer_format_parse(const char *s)
{
	static const struct { const char *name; enum out_format fmt; } t[] = {
		{ "jsonl", OUT_JSONL }, { "json", OUT_JSONL },
		{ "ndjson", OUT_JSONL }, { "csv", OUT_CSV }, { "tsv", OUT_TSV },
		{ "table", OUT_TABLE }, { "markdown", OUT_MARKDOWN },
		{ "md", OUT_MARKDOWN }
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strcmp(s, t[i].name) == 0)
			return (int)t[i].fmt;
	return -1;
}

struct ev_writer *
ev_writer_open(enum out_format fmt, int fd, const struct diag *d)
{
	struct ev_writer *w = xcalloc(1, sizeof *w);

	w->fmt = fmt;
	w->diag = d;
	out_open(&w->out, fd, d);
	return w;
}

/*
 * Columns are found by a hash of their names and a row's cells are matched
 * to them in one pass over its fields: an export with 200,000 columns took
 * hours when both were linear searches.
 */
static int
find_column(const struct ev_writer *w, const char *name)
{
	size_t e = hmap_find(&w->colix, name, strlen(name));

	return e == HMAP_NONE ? -1 : (int)hmap_at(&w->colix, e)->val.num;
}

static int
add_column(struct ev_writer *w, const char *name)
{
	int i = find_column(w, name);

	if (i >= 0)
		return i;
	if (w->ncols == w->capcols) {
		w->capcols = w->capcols ? 2 * w->capcols : 16;
		w->cols = xrealloc(w->cols, sizeof *w->cols *
		    (size_t)w->capcols);
		w->cells = xrealloc(w->cells, sizeof *w->cells *
		    (size_t)w->capcols);
	}
	w->cols[w->ncols] = (struct column){ xstrdup(name), EW_PLAIN, 1, 0, 0 };
	hmap_at(&w->colix, hmap_put(&w->colix, name, strlen(name), NULL))
	    ->val.num = (uint64_t)w->ncols;
	return w->ncols++;
}

/* The value of each column in obj (the first of a repeated name). */
static const cJSON **
row_cells(struct ev_writer *w, const cJSON *obj)
{
	for (int i = 0; i < w->ncols; i++)
		w->cells[i] = NULL;
	for (const cJSON *c = obj ? obj->child : NULL; c; c = c->next) {
		int i = c->string ? find_column(w, c->string) : -1;
		if (i >= 0 && w->cells[i] == NULL)
			w->cells[i] = c;
	}
	return w->cells;
}

void
ev_writer_columns(struct ev_writer *w, const char *const *names, int n)
{
	for (int i = 0; i < n; i++)
		add_column(w, names[i]);
	w->fixed = 1;
}

void
ev_writer_neutralise(struct ev_writer *w, int on)
{
	w->neutralise = on;
}

void
ev_writer_max_width(struct ev_writer *w, size_t cols)
{
	w->max_width = cols;
}

void
ev_writer_kind(struct ev_writer *w, const char *column, enum ew_kind kind)
{
	w->cols[add_column(w, column)].kind = kind;
}

/* ---- cells ---------------------------------------------------------------- */

/* A value as text: a string as it is, anything else as its JSON. */
static void
value_text(struct buf *b, const cJSON *v)
{
	if (cJSON_IsString(v))
		buf_adds(b, v->valuestring);
	else
		json_write(b, v);
}

/*
 * The text of a value as a CSV/TSV cell (before quoting).  For a report a
 * spreadsheet opens, a string that a spreadsheet would take for a formula
 * (= + - @, or a tab or return first: "=HYPERLINK(…)" typed by a buyer) gets
 * a leading apostrophe, which spreadsheets show as text; numbers are never
 * touched.
 */
static void
cell_text(const struct ev_writer *w, struct buf *b, const cJSON *v)
{
	if (w->neutralise && cJSON_IsString(v) && v->valuestring[0] != '\0' &&
	    strchr("=+-@\t\r", v->valuestring[0]) != NULL)
		buf_addc(b, '\'');
	value_text(b, v);
}

static void
write_csv_cell(struct ev_writer *w, const cJSON *v)
{
	buf_reset(&w->cell);
	if (v == NULL)
		return;
	cell_text(w, &w->cell, v);
	const char *s = buf_str(&w->cell);
	/* libcsv trims unquoted spaces and tabs at both ends: quote them. */
	int quote = w->cell.len == 0 || strpbrk(s, ",\"\r\n") != NULL ||
	    s[0] == ' ' || s[0] == '\t' || s[w->cell.len - 1] == ' ' ||
	    s[w->cell.len - 1] == '\t';
	if (!quote) {
		buf_add(&w->line, s, w->cell.len);
		return;
	}
	buf_addc(&w->line, '"');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			buf_addc(&w->line, '"');
		buf_addc(&w->line, *p);
	}
	buf_addc(&w->line, '"');
}

static void
write_tsv_cell(struct ev_writer *w, const cJSON *v)
{
	buf_reset(&w->cell);
	if (v == NULL)
		return;
	cell_text(w, &w->cell, v);
	for (const char *p = buf_str(&w->cell); *p; p++) {
		switch (*p) {
		case '\t': buf_adds(&w->line, "\\t"); break;
		case '\n': buf_adds(&w->line, "\\n"); break;
		case '\r': buf_adds(&w->line, "\\r"); break;
		case '\\': buf_adds(&w->line, "\\\\"); break;
		default: buf_addc(&w->line, *p);
		}
	}
}

static void
write_delimited_row(struct ev_writer *w, const cJSON *obj)
{
	const cJSON **cells = row_cells(w, obj);

	buf_reset(&w->line);
	for (int i = 0; i < w->ncols; i++) {
		const cJSON *v = cells[i];
		if (i > 0)
			buf_addc(&w->line, w->fmt == OUT_CSV ? ',' : '\t');
		if (obj == NULL) {
			cJSON *name = cJSON_CreateString(w->cols[i].name);
			if (w->fmt == OUT_CSV)
				write_csv_cell(w, name);
			else
				write_tsv_cell(w, name);
			cJSON_Delete(name);
		} else if (w->fmt == OUT_CSV)
			write_csv_cell(w, v);
		else
			write_tsv_cell(w, v);
	}
	buf_addc(&w->line, '\n');
	out_buf(&w->out, &w->line);
}

/* The text of a value in a table or markdown cell. */
static void
display_text(struct buf *b, const cJSON *v, const struct column *col)
{
	enum ew_kind kind = col->kind;

	if (v == NULL || cJSON_IsNull(v)) {
		buf_addc(b, '-');
		return;
	}
	if (cJSON_IsNumber(v)) {
		/* + 0.0 turns -0 into 0: a table shows "0", never "-0". */
		double d = v->valuedouble + 0.0;
		if (kind == EW_DURATION)
			dur_format(d, b);
		else if (kind == EW_PERCENT)
			buf_printf(b, "%.1f%%", d * 100);
		else if (!col->fractional && fabs(d) < 1e15)
			buf_printf(b, "%.0f", d);	/* a column of whole numbers */
		else
			buf_printf(b, "%.2f", d);
		return;
	}
	size_t start = b->len;
	value_text(b, v);
	/* A table row is one line: control characters become spaces. */
	for (size_t i = start; i < b->len; i++)
		if ((unsigned char)b->data[i] < 0x20)
			b->data[i] = ' ';
}

/* ---- records ------------------------------------------------------------- */

static void
note_columns(struct ev_writer *w, const cJSON *obj)
{
	for (const cJSON *c = obj->child; c; c = c->next) {
		int i = w->fixed ? find_column(w, c->string) : add_column(w,
		    c->string);
		if (i >= 0 && !cJSON_IsNumber(c) && !cJSON_IsNull(c))
			w->cols[i].numeric = 0;
		if (i >= 0 && cJSON_IsNumber(c) && c->valuedouble !=
		    trunc(c->valuedouble))
			w->cols[i].fractional = 1;
	}
}

static void
spool_open(struct ev_writer *w)
{
	w->spool = tmpfile();
	if (w->spool == NULL)
		diag_fatal(w->diag, CS_EXIT_IOERR, "cannot create a temporary "
		    "file for CSV output: %s", strerror(errno));
}

void
ev_writer_write(struct ev_writer *w, const cJSON *obj)
{
	switch (w->fmt) {
	case OUT_JSONL:
		if (w->capture != NULL) {
			json_write(w->capture, obj);
			return;
		}
		json_write(&w->line, obj);
		buf_addc(&w->line, '\n');
		out_buf(&w->out, &w->line);
		return;
	case OUT_CSV:
	case OUT_TSV:
		if (w->fixed) {
			if (!w->header_done) {
				write_delimited_row(w, NULL);
				w->header_done = 1;
			}
			write_delimited_row(w, obj);
			return;
		}
		if (w->spool == NULL)
			spool_open(w);
		note_columns(w, obj);
		buf_reset(&w->line);
		json_write(&w->line, obj);
		buf_addc(&w->line, '\n');
		if (fwrite(w->line.data, 1, w->line.len, w->spool) != w->line.len)
			diag_fatal(w->diag, CS_EXIT_IOERR, "cannot write the "
			    "temporary file: %s", strerror(errno));
		return;
	case OUT_TABLE:
	case OUT_MARKDOWN:
		note_columns(w, obj);
		if (w->nrows == w->rows_cap) {
			w->rows_cap = w->rows_cap ? w->rows_cap * 2 : 64;
			w->rows = xrealloc(w->rows, sizeof *w->rows * w->rows_cap);
		}
		w->rows[w->nrows++] = cJSON_Duplicate(obj, 1);
		return;
	}
}

void
ev_writer_raw_part(struct ev_writer *w, const char *p, size_t len)
{
	if (w->capture != NULL) {
		buf_add(w->capture, p, len);
		return;
	}
	out_write(&w->out, p, len);
}

void
ev_writer_raw(struct ev_writer *w, const char *line, size_t len)
{
	if (w->capture != NULL) {
		buf_add(w->capture, line, len);
		return;
	}
	out_write(&w->out, line, len);
	out_write(&w->out, "\n", 1);
}

void
ev_writer_capture(struct ev_writer *w, struct buf *b)
{
	w->capture = w->fmt == OUT_JSONL ? b : NULL;
}

static void
unspool(struct ev_writer *w)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (fflush(w->spool) != 0 || fseek(w->spool, 0, SEEK_SET) != 0)
		diag_fatal(w->diag, CS_EXIT_IOERR, "temporary file: %s",
		    strerror(errno));
	write_delimited_row(w, NULL);
	while ((n = getline(&line, &cap, w->spool)) > 0) {
		cJSON *obj = cJSON_ParseWithLength(line, (size_t)n);
		if (obj == NULL)
			diag_fatal(w->diag, CS_EXIT_SOFTWARE, "temporary file "
			    "corrupt");
		ev_keep_number_texts(obj, line, (size_t)n);
		write_delimited_row(w, obj);
		cJSON_Delete(obj);
	}
	free(line);
	fclose(w->spool);
	w->spool = NULL;
}

/*
 * Reports end with a total row flagged `"total": true` in place of the group
 * fields.  On screen that flag is better read as the word "total" under the
 * group columns than as a column of its own that is empty in every other
 * row: drop the column and label the row, when the first column is free;
 * when it is not (a report with no groups), the column says "total".
 */
static void
label_total_rows(struct ev_writer *w)
{
	int t = find_column(w, "total");

	if (t < 0 || w->ncols < 2)
		return;
	for (size_t r = 0; r < w->nrows; r++) {
		const cJSON *v = json_get(w->rows[r], "total");
		if (v != NULL && !cJSON_IsTrue(v))
			return;		/* a data field that happens to be so named */
	}
	for (size_t r = 0; r < w->nrows; r++)
		if (json_get(w->rows[r], "total") != NULL &&
		    json_get(w->rows[r], w->cols[t == 0 ? 1 : 0].name) != NULL) {
			/* no group column to hold the label: the column
			 * stays, and says so in words */
			for (size_t k = 0; k < w->nrows; k++)
				if (json_get(w->rows[k], "total") != NULL)
					json_set_str(w->rows[k], "total",
					    "total");
			w->cols[t].numeric = 0;
			return;
		}
	free(w->cols[t].name);
	memmove(&w->cols[t], &w->cols[t + 1], sizeof *w->cols *
	    (size_t)(w->ncols - t - 1));
	w->ncols--;
	hmap_free(&w->colix);		/* the numbers after t moved */
	w->colix = (struct hmap)HMAP_INIT;
	for (int i = 0; i < w->ncols; i++)
		hmap_at(&w->colix, hmap_put(&w->colix, w->cols[i].name,
		    strlen(w->cols[i].name), NULL))->val.num = (uint64_t)i;
	for (size_t r = 0; r < w->nrows; r++) {
		cJSON *row = w->rows[r];
		if (!cJSON_IsTrue(json_get(row, "total")))
			continue;
		if (json_get(row, w->cols[0].name) == NULL)
			cJSON_AddStringToObject(row, w->cols[0].name, "total");
		w->cols[0].numeric = 0;
	}
}

static void
pad(struct buf *b, size_t n)
{
	while (n-- > 0)
		buf_addc(b, ' ');
}

#define MIN_CUT_WIDTH	8	/* a text column is never cut narrower */

/*
 * A table wider than max_width: the text columns are cut to one width,
 * the largest that lets the line fit (numbers and columns already narrow
 * keep theirs), never below MIN_CUT_WIDTH.
 */
static void
fit_columns(struct ev_writer *w)
{
	size_t fixed = 2 * (size_t)(w->ncols - 1), widest = 0;

	if (w->max_width == 0)
		return;
	for (int i = 0; i < w->ncols; i++) {
		if (w->cols[i].numeric)
			fixed += w->cols[i].width;
		else if (w->cols[i].width > widest)
			widest = w->cols[i].width;
	}
	for (size_t cap = widest; cap > MIN_CUT_WIDTH; cap--) {
		size_t total = fixed;
		for (int i = 0; i < w->ncols; i++)
			if (!w->cols[i].numeric)
				total += w->cols[i].width < cap ?
				    w->cols[i].width : cap;
		if (total <= w->max_width) {
			widest = cap;
			break;
		}
		widest = cap - 1;
	}
	for (int i = 0; i < w->ncols; i++)
		if (!w->cols[i].numeric && w->cols[i].width > widest)
			w->cols[i].width = widest;
}

/* A cell wider than its column ends in "…" at the column's width. */
static void
cut_cell(struct buf *c, size_t width)
{
	if (text_width(c->data, c->len) <= width)
		return;
	c->len = text_fit(c->data, c->len, width - 1, NULL);
	buf_add(c, "\xE2\x80\xA6", 3);	/* … */
}

static void
write_table(struct ev_writer *w)
{
	struct buf *b = &w->line, *c = &w->cell;

	for (int i = 0; i < w->ncols; i++)
		w->cols[i].width = text_width(w->cols[i].name,
		    strlen(w->cols[i].name));
	for (size_t r = 0; r < w->nrows; r++) {
		const cJSON **cells = row_cells(w, w->rows[r]);
		for (int i = 0; i < w->ncols; i++) {
			buf_reset(c);
			display_text(c, cells[i], &w->cols[i]);
			size_t wd = text_width(c->data, c->len);
			if (wd > w->cols[i].width)
				w->cols[i].width = wd;
		}
	}
	fit_columns(w);
	for (long r = -1; r < (long)w->nrows; r++) {
		const cJSON **cells = row_cells(w, r < 0 ? NULL :
		    w->rows[r]);
		buf_reset(b);
		for (int i = 0; i < w->ncols; i++) {
			const struct column *col = &w->cols[i];
			buf_reset(c);
			if (r < 0)
				buf_adds(c, col->name);
			else
				display_text(c, cells[i], col);
			cut_cell(c, col->width);
			size_t gap = col->width - text_width(c->data, c->len);
			int last = i == w->ncols - 1;
			if (col->numeric)
				pad(b, gap);
			buf_add(b, c->data, c->len);
			if (!col->numeric && !last)
				pad(b, gap);
			if (!last)
				buf_add(b, "  ", 2);
		}
		buf_addc(b, '\n');
		out_buf(&w->out, b);
	}
}

static void
markdown_cell(struct buf *b, const char *s, size_t n)
{
	buf_addc(b, ' ');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '|')
			buf_addc(b, '\\');
		buf_addc(b, s[i]);
	}
	buf_add(b, " |", 2);
}

static void
write_markdown(struct ev_writer *w)
{
	struct buf *b = &w->line, *c = &w->cell;

	buf_reset(b);
	buf_addc(b, '|');
	for (int i = 0; i < w->ncols; i++)
		markdown_cell(b, w->cols[i].name, strlen(w->cols[i].name));
	buf_add(b, "\n|", 2);
	for (int i = 0; i < w->ncols; i++)
		buf_adds(b, w->cols[i].numeric ? " ---: |" : " --- |");
	buf_addc(b, '\n');
	out_buf(&w->out, b);
	for (size_t r = 0; r < w->nrows; r++) {
		const cJSON **cells = row_cells(w, w->rows[r]);
		buf_addc(b, '|');
		for (int i = 0; i < w->ncols; i++) {
			buf_reset(c);
			display_text(c, cells[i], &w->cols[i]);
			markdown_cell(b, c->data, c->len);
		}
		buf_addc(b, '\n');
		out_buf(&w->out, b);
	}
}

void
ev_writer_take(struct ev_writer *w, struct buf *to)
{
	out_take(&w->out, to);
}

void
ev_writer_flush(struct ev_writer *w)
{
	out_flush(&w->out);
}

/* Write what only the end can write (the spooled csv/tsv, the aligned
 * table), once, and flush. */
static void
finish(struct ev_writer *w)
{
	if (w->finished)
		return;
	w->finished = 1;
	if ((w->fmt == OUT_CSV || w->fmt == OUT_TSV) && !w->header_done) {
		if (w->spool != NULL)
			unspool(w);
		else if (w->fixed)
			write_delimited_row(w, NULL);
	}
	if (w->fmt == OUT_TABLE || w->fmt == OUT_MARKDOWN)
		label_total_rows(w);
	if (w->fmt == OUT_TABLE && w->ncols > 0)
		write_table(w);
	if (w->fmt == OUT_MARKDOWN && w->ncols > 0)
		write_markdown(w);
	out_flush(&w->out);
}

void
ev_writer_flush_cb(void *ctx)
{
	/* The run is ending (--strict): what was accepted goes out in every
	 * format, spooled and aligned ones too, as close would write it. */
	finish(ctx);
}

void
ev_writer_close(struct ev_writer *w)
{
	if (w == NULL)
		return;
	finish(w);
	out_close(&w->out);
	for (size_t r = 0; r < w->nrows; r++)
		cJSON_Delete(w->rows[r]);
	free(w->rows);
	for (int i = 0; i < w->ncols; i++)
		free(w->cols[i].name);
	free(w->cols);
	free(w->cells);
	hmap_free(&w->colix);
	buf_free(&w->line);
	buf_free(&w->cell);
	free(w);
}
