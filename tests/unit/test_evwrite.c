/*
 * lib/evwrite: every output format, written to a temporary file and
 * compared byte for byte with output laid out by hand.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include "buf.h"
#include "diag.h"
#include "evwrite.h"

/*
 * Write the JSON lines of `records` (one object a line) in format fmt, with
 * columns (NULL-terminated, or NULL for none) and kinds ("name=d" duration,
 * "name=p" percent; "!width=N" a table's width, "!neutralise" CSV cells
 * safe for spreadsheets), and return what came out.
 */
static char *
render(enum out_format fmt, const char *records, const char *const *columns,
    const char *const *kinds)
{
	struct diag d;
	FILE *fp = tmpfile();
	struct buf got = BUF_INIT;
	char chunk[4096];
	size_t n;

	assert_non_null(fp);
	diag_init(&d, "test");
	struct ev_writer *w = ev_writer_open(fmt, fileno(fp), &d);
	if (columns != NULL) {
		int nc = 0;
		while (columns[nc] != NULL)
			nc++;
		ev_writer_columns(w, columns, nc);
	}
	for (int i = 0; kinds != NULL && kinds[i] != NULL; i++) {
		const char *eq = strchr(kinds[i], '=');
		if (strncmp(kinds[i], "!width=", 7) == 0) {
			ev_writer_max_width(w, (size_t)atoi(kinds[i] + 7));
			continue;
		}
		if (strcmp(kinds[i], "!neutralise") == 0) {
			ev_writer_neutralise(w, 1);
			continue;
		}
		char *name = strndup(kinds[i], (size_t)(eq - kinds[i]));
		ev_writer_kind(w, name, eq[1] == 'd' ? EW_DURATION : EW_PERCENT);
		free(name);
	}
	const char *p = records;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		cJSON *o = cJSON_ParseWithLength(p, len);
		assert_non_null(o);
		ev_writer_write(w, o);
		cJSON_Delete(o);
		p += len + (nl != NULL);
	}
	ev_writer_close(w);
	rewind(fp);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&got, chunk, n);
	fclose(fp);
	return buf_detach(&got);
}

static void
render_is(enum out_format fmt, const char *records, const char *const *columns,
    const char *const *kinds, const char *want)
{
	char *got = render(fmt, records, columns, kinds);

	assert_string_equal(got, want);
	free(got);
}

static const char mixed[] =
    "{\"a\":1,\"b\":\"x,y\"}\n"
    "{\"a\":2,\"c\":\"say \\\"hi\\\"\"}\n"
    "{\"b\":\" lead\",\"d\":{\"n\":[1,2]},\"e\":\"\",\"f\":null,\"g\":true,"
    "\"h\":\"multi\\nline\"}\n"
    "{\"c\":\"tab\\there\",\"h\":\"back\\\\slash\",\"a\":-0.5}\n";

static void
test_jsonl(void **state)
{
	(void)state;
	render_is(OUT_JSONL, "{\"z\":1,\"a\":[true,null],\"m\":\"\xC3\xA9\"}\n{}\n",
	    NULL, NULL, "{\"z\":1,\"a\":[true,null],\"m\":\"\xC3\xA9\"}\n{}\n");
	render_is(OUT_JSONL, "", NULL, NULL, "");
}

static void
test_jsonl_raw(void **state)
{
	struct diag d;
	FILE *fp = tmpfile();
	char got[64] = { 0 };

	(void)state;
	diag_init(&d, "test");
	struct ev_writer *w = ev_writer_open(OUT_JSONL, fileno(fp), &d);
	ev_writer_raw(w, "{\"kept\":1.50}", 13);
	cJSON *o = cJSON_Parse("{\"b\":2}");
	ev_writer_write(w, o);
	cJSON_Delete(o);
	ev_writer_close(w);
	rewind(fp);
	assert_int_equal(fread(got, 1, sizeof got - 1, fp), 22);
	assert_string_equal(got, "{\"kept\":1.50}\n{\"b\":2}\n");
	fclose(fp);
}

static void
test_csv_union(void **state)
{
	(void)state;
	/* One header, the union of every record's fields in first-seen
	 * order; a missing field is an empty cell; "" is a quoted empty cell
	 * (so it reads back as ""); nested values are JSON text. */
	render_is(OUT_CSV, mixed, NULL, NULL,
	    "a,b,c,d,e,f,g,h\n"
	    "1,\"x,y\",,,,,,\n"
	    "2,,\"say \"\"hi\"\"\",,,,,\n"
	    ",\" lead\",,\"{\"\"n\"\":[1,2]}\",\"\",null,true,\"multi\nline\"\n"
	    "-0.5,,tab\there,,,,,back\\slash\n");
	/* No record, no columns: nothing at all. */
	render_is(OUT_CSV, "", NULL, NULL, "");
	/* Header names are quoted like cells. */
	render_is(OUT_CSV, "{\"x,y\":1,\"q\\\"\":2,\"\xE5\xAE\xA2\":3}\n", NULL,
	    NULL, "\"x,y\",\"q\"\"\",\xE5\xAE\xA2\n1,2,3\n");
	/* A trailing space is kept by quoting too; tabs at either end as
	 * well (libcsv trims both when unquoted); a tab inside needs none. */
	render_is(OUT_CSV, "{\"t\":\"end \"}\n", NULL, NULL, "t\n\"end \"\n");
	render_is(OUT_CSV, "{\"t\":\"\\tlead\",\"u\":\"end\\t\",\"v\":\"a\\tb\"}\n",
	    NULL, NULL, "t,u,v\n\"\tlead\",\"end\t\",a\tb\n");
}

static void
test_tsv_union(void **state)
{
	(void)state;
	render_is(OUT_TSV, mixed, NULL, NULL,
	    "a\tb\tc\td\te\tf\tg\th\n"
	    "1\tx,y\t\t\t\t\t\t\n"
	    "2\t\tsay \"hi\"\t\t\t\t\t\n"
	    "\t lead\t\t{\"n\":[1,2]}\t\tnull\ttrue\tmulti\\nline\n"
	    "-0.5\t\ttab\\there\t\t\t\t\tback\\\\slash\n");
}

static void
test_fixed_columns(void **state)
{
	static const char *const cols[] = { "b", "a", "zz", NULL };

	(void)state;
	/* Only the given columns, in the given order; others are left out. */
	render_is(OUT_CSV, mixed, cols, NULL,
	    "b,a,zz\n\"x,y\",1,\n,2,\n\" lead\",,\n,-0.5,\n");
	/* Fixed columns and no records: the header alone. */
	render_is(OUT_CSV, "", cols, NULL, "b,a,zz\n");
	render_is(OUT_TSV, "", cols, NULL, "b\ta\tzz\n");
}

static const char report[] =
    "{\"agent\":\"\xE7\x8E\x8B\xE8\x8A\xB3\",\"frt_mean\":3720,"
    "\"sla_share\":0.935,\"n\":12}\n"
    "{\"agent\":\"Bob\",\"frt_mean\":45,\"sla_share\":1,\"n\":3}\n"
    "{\"agent\":\"\xE4\xBD\x90\xE8\x97\xA4\xE3\x81\x95\xE3\x82\x93\","
    "\"frt_mean\":null,\"sla_share\":0.5,\"n\":100,\"note\":\"a\\tb|c\"}\n";

static const char *const report_cols[] = {
	"agent", "frt_mean", "sla_share", "n", "note", NULL
};
static const char *const report_kinds[] = {
	"frt_mean=d", "sla_share=p", NULL
};

static void
test_table(void **state)
{
	(void)state;
	/* Widths by display columns: 王芳 is 4 wide, 佐藤さん 8.  Numeric
	 * columns (durations and shares too) are right-aligned; the last
	 * column is not padded; a missing value is "-"; a tab is a space. */
	render_is(OUT_TABLE, report, report_cols, report_kinds,
	    "agent     frt_mean  sla_share    n  note\n"
	    "\xE7\x8E\x8B\xE8\x8A\xB3         1h02m      93.5%   12  -\n"
	    "Bob            45s     100.0%    3  -\n"
	    "\xE4\xBD\x90\xE8\x97\xA4\xE3\x81\x95\xE3\x82\x93         -      "
	    "50.0%  100  a b|c\n");
	/* Without kinds: plain numbers; a column with any fraction shows
	 * two decimals throughout, so its digits line up. */
	render_is(OUT_TABLE, report, report_cols, NULL,
	    "agent     frt_mean  sla_share    n  note\n"
	    "\xE7\x8E\x8B\xE8\x8A\xB3          3720       0.94   12  -\n"
	    "Bob             45       1.00    3  -\n"
	    "\xE4\xBD\x90\xE8\x97\xA4\xE3\x81\x95\xE3\x82\x93         -       "
	    "0.50  100  a b|c\n");
	/* Nothing to show: nothing written. */
	render_is(OUT_TABLE, "", NULL, NULL, "");
	/* Negative zero shows as 0 in every kind. */
	static const char *const z_cols[] = { "a", "d", "p", NULL };
	static const char *const z_kinds[] = { "d=d", "p=p", NULL };
	render_is(OUT_TABLE, "{\"a\":-0.0,\"d\":-0.0,\"p\":-0.0}\n", z_cols,
	    z_kinds, "a   d     p\n0  0s  0.0%\n");
	/* Fixed columns, no rows: the header line. */
	render_is(OUT_TABLE, "", report_cols, NULL,
	    "agent  frt_mean  sla_share  n  note\n");
}

static void
test_total_row(void **state)
{
	(void)state;
	/* A report's total row: the flag becomes a label under the group
	 * column, and the column of flags goes. */
	render_is(OUT_TABLE,
	    "{\"agent\":\"li\",\"n\":2}\n{\"agent\":\"wu\",\"n\":3}\n"
	    "{\"total\":true,\"n\":5}\n", NULL, NULL,
	    "agent  n\nli     2\nwu     3\ntotal  5\n");
	render_is(OUT_MARKDOWN,
	    "{\"day\":\"mon\",\"n\":2}\n{\"total\":true,\"n\":2}\n", NULL,
	    NULL, "| day | n |\n| --- | ---: |\n| mon | 2 |\n| total | 2 |\n");
	/* No group column to hold the label: the column stays, in words. */
	render_is(OUT_TABLE, "{\"total\":true,\"n\":5}\n", NULL, NULL,
	    "total  n\ntotal  5\n");
	/* A data field named total is left alone. */
	render_is(OUT_TABLE, "{\"k\":\"a\",\"total\":7}\n", NULL, NULL,
	    "k  total\na      7\n");
}

static void
test_table_union(void **state)
{
	(void)state;
	/* Columns from every record; a string in a column makes it left-
	 * aligned; combining marks take no width. */
	render_is(OUT_TABLE,
	    "{\"k\":\"cafe\\u0301\",\"v\":1}\n{\"k\":\"x\",\"v\":\"n/a\",\"w\":2.5}\n",
	    NULL, NULL,
	    "k     v       w\n"
	    "cafe\xCC\x81  1       -\n"
	    "x     n/a  2.50\n");
}

static void
test_markdown(void **state)
{
	(void)state;
	render_is(OUT_MARKDOWN, report, report_cols, report_kinds,
	    "| agent | frt_mean | sla_share | n | note |\n"
	    "| --- | ---: | ---: | ---: | --- |\n"
	    "| \xE7\x8E\x8B\xE8\x8A\xB3 | 1h02m | 93.5% | 12 | - |\n"
	    "| Bob | 45s | 100.0% | 3 | - |\n"
	    "| \xE4\xBD\x90\xE8\x97\xA4\xE3\x81\x95\xE3\x82\x93 | - | 50.0% | "
	    "100 | a b\\|c |\n");
	render_is(OUT_MARKDOWN, "", NULL, NULL, "");
}

static void
test_format_names(void **state)
{
	(void)state;
	assert_int_equal(ev_writer_format_parse("jsonl"), OUT_JSONL);
	assert_int_equal(ev_writer_format_parse("json"), OUT_JSONL);
	assert_int_equal(ev_writer_format_parse("ndjson"), OUT_JSONL);
	assert_int_equal(ev_writer_format_parse("csv"), OUT_CSV);
	assert_int_equal(ev_writer_format_parse("tsv"), OUT_TSV);
	assert_int_equal(ev_writer_format_parse("table"), OUT_TABLE);
	assert_int_equal(ev_writer_format_parse("markdown"), OUT_MARKDOWN);
	assert_int_equal(ev_writer_format_parse("md"), OUT_MARKDOWN);
	assert_int_equal(ev_writer_format_parse("xml"), -1);
	assert_int_equal(ev_writer_format_parse(""), -1);
}

/* A table wider than its width: the text columns are cut to one width
 * with "…", numbers never; emoji and CJK are measured as drawn. */
static void
test_table_width(void **state)
{
	static const char *const w40[] = { "!width=40", NULL };
	static const char *const w0[] = { "!width=0", NULL };
	const char *rows =
	    "{\"id\":\"a1\",\"text\":\"where is my parcel, it has been two "
	    "weeks\",\"n\":12345}\n"
	    "{\"id\":\"b2\",\"text\":\"\xE6\x88\x91\xE7\x9A\x84\xE5\x8C\x85"
	    "\xE8\xA3\xB9\xE5\x9C\xA8\xE5\x93\xAA\xE9\x87\x8C\xEF\xBC\x9F"
	    "\xE5\xB7\xB2\xE7\xBB\x8F\xE4\xB8\xA4\xE5\x91\xA8\xE4\xBA\x86"
	    "\",\"n\":7}\n"
	    "{\"id\":\"c3\",\"text\":\"ok \xF0\x9F\x87\xA9\xF0\x9F\x87\xAA\","
	    "\"n\":1}\n";

	(void)state;
	/* 2 + 2 + 29 + 2 + 5 = 40: the text column gets 29 columns */
	render_is(OUT_TABLE, rows, NULL, w40,
	    "id  text                               n\n"
	    "a1  where is my parcel, it has b\xE2\x80\xA6  12345\n"
	    "b2  \xE6\x88\x91\xE7\x9A\x84\xE5\x8C\x85\xE8\xA3\xB9\xE5\x9C\xA8"
	    "\xE5\x93\xAA\xE9\x87\x8C\xEF\xBC\x9F\xE5\xB7\xB2\xE7\xBB\x8F"
	    "\xE4\xB8\xA4\xE5\x91\xA8\xE4\xBA\x86         7\n"
	    "c3  ok \xF0\x9F\x87\xA9\xF0\x9F\x87\xAA                              1\n");
	char *uncut = render(OUT_TABLE, rows, NULL, w0);
	assert_non_null(strstr(uncut, "it has been two weeks  12345\n"));
	free(uncut);
}

/* CSV for a spreadsheet: formula-like text gets an apostrophe, numbers
 * (negative ones too) and other text are left as they are. */
static void
test_csv_neutralise(void **state)
{
	static const char *const on[] = { "!neutralise", NULL };
	const char *rows =
	    "{\"agent\":\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\","
	    "\"d\":-0.25,\"t\":\"+1 555\"}\n"
	    "{\"agent\":\"@li\",\"d\":1,\"t\":\"-x\"}\n"
	    "{\"agent\":\"wang\",\"d\":0,\"t\":\"a=b\"}\n";

	(void)state;
	render_is(OUT_CSV, rows, NULL, on,
	    "agent,d,t\n"
	    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-0.25,'+1 555\n"
	    "'@li,1,'-x\n"
	    "wang,0,a=b\n");
	render_is(OUT_CSV, rows, NULL, NULL,
	    "agent,d,t\n"
	    "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-0.25,+1 555\n"
	    "@li,1,-x\n"
	    "wang,0,a=b\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jsonl),
		cmocka_unit_test(test_jsonl_raw),
		cmocka_unit_test(test_csv_union),
		cmocka_unit_test(test_tsv_union),
		cmocka_unit_test(test_fixed_columns),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_total_row),
		cmocka_unit_test(test_table_union),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_format_names),
		cmocka_unit_test(test_table_width),
		cmocka_unit_test(test_csv_neutralise),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
