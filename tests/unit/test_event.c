/*
 * lib/event: the reader of JSON Lines, CSV and TSV.  Each test writes its
 * input to a temporary file, reads every record and compares a one-line
 * summary of each (line number, status, the object or the `_error` event)
 * with what was worked out by hand.
 */
#include "unit.h"

#include <math.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include "buf.h"
#include "diag.h"
#include "event.h"
#include "json.h"

static char tmpdir[64];

static int
setup(void **state)
{
	(void)state;
	strcpy(tmpdir, "/tmp/cskit-event-XXXXXX");
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	struct buf cmd = BUF_INIT;

	(void)state;
	buf_printf(&cmd, "rm -rf '%s'", tmpdir);
	int rc = system(cmd.data);
	buf_free(&cmd);
	return rc == 0 ? 0 : -1;
}

/* Write n bytes to tmpdir/name; returns the path (caller frees). */
static char *
put(const char *name, const char *content, size_t n)
{
	struct buf path = BUF_INIT;

	buf_printf(&path, "%s/%s", tmpdir, name);
	int fd = open(path.data, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, content, n), (ssize_t)n);
	close(fd);
	return buf_detach(&path);
}

/*
 * Read every record of the named files (in tmpdir) and summarise them, one
 * line each: "LINE OK {json}", "LINE PASSED {json}" or
 * "LINE BAD why {the _error event without _error and _source}".
 * The file name of a record is shown only when it is not "in".
 */
static char *
summary(enum ev_format fmt, size_t max_line, const char *const *names,
    int n, struct diag *d, int *open_failed)
{
	struct ev_reader_opts o = { .format = fmt, .max_line = max_line };
	char **paths = calloc((size_t)n, sizeof *paths);
	struct buf out = BUF_INIT;
	struct ev_record rec;

	for (int i = 0; i < n; i++) {
		struct buf p = BUF_INIT;
		buf_printf(&p, "%s/%s", tmpdir, names[i]);
		paths[i] = buf_detach(&p);
	}
	struct ev_reader *r = ev_open(&o, paths, n, d);
	while (ev_read(r, &rec) > 0) {
		const char *base = strrchr(rec.file, '/');
		base = base ? base + 1 : rec.file;
		if (strcmp(base, "in") != 0)
			buf_printf(&out, "%s:", base);
		buf_printf(&out, "%ld ", rec.line);
		switch (rec.status) {
		case EV_OK:
			buf_adds(&out, "OK ");
			json_write(&out, rec.obj);
			break;
		case EV_PASSED:
			buf_adds(&out, "PASSED ");
			json_write(&out, rec.obj);
			break;
		case EV_BAD: {
			cJSON *e = ev_error_object(&rec);
			assert_string_equal(json_str(e, "_error"), rec.why);
			/* _source is FILE:LINE. */
			struct buf src = BUF_INIT;
			buf_printf(&src, "%s:%ld", rec.file, rec.line);
			assert_string_equal(json_str(e, "_source"), src.data);
			buf_free(&src);
			cJSON_DeleteItemFromObjectCaseSensitive(e, "_error");
			cJSON_DeleteItemFromObjectCaseSensitive(e, "_source");
			buf_printf(&out, "BAD %s ", rec.why);
			json_write(&out, e);
			cJSON_Delete(e);
			break;
		}
		}
		buf_addc(&out, '\n');
	}
	if (open_failed)
		*open_failed = ev_open_failed(r);
	ev_close(r);
	for (int i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	return buf_detach(&out);
}

/* Read one input of n bytes; check the summary and the bad-line count. */
static void
check_n(enum ev_format fmt, size_t max_line, const char *in, size_t n,
    const char *want, unsigned long want_bad)
{
	struct diag d;
	const char *names[] = { "in" };

	diag_init(&d, "test");
	free(put("in", in, n));
	char *got = summary(fmt, max_line, names, 1, &d, NULL);
	assert_string_equal(got, want);
	assert_int_equal(d.bad_lines, want_bad);
	free(got);
}

#define CHECK(fmt, in, want, nbad) check_n(fmt, 0, in, sizeof(in) - 1, want, nbad)

/* ---- JSON Lines ------------------------------------------------------- */

static void
test_jsonl_plain(void **state)
{
	(void)state;
	CHECK(EV_JSONL, "", "", 0);
	CHECK(EV_JSONL, "\n\n", "", 0);
	CHECK(EV_JSONL, "{\"a\":1}\n{\"b\":[true,null]}\n",
	    "1 OK {\"a\":1}\n2 OK {\"b\":[true,null]}\n", 0);
	/* The last line without a newline still counts. */
	CHECK(EV_JSONL, "{\"a\":1}\n{\"b\":2}", "1 OK {\"a\":1}\n2 OK {\"b\":2}\n",
	    0);
	/* Key order and unknown fields are kept. */
	CHECK(EV_JSONL, "{\"z\":1,\"text\":\"hi\",\"a\":{\"y\":2,\"b\":3}}\n",
	    "1 OK {\"z\":1,\"text\":\"hi\",\"a\":{\"y\":2,\"b\":3}}\n", 0);
	CHECK(EV_JSONL, "  {\"a\" : 1}  \t\n{}\n", "1 OK {\"a\":1}\n2 OK {}\n", 0);
}

static void
test_jsonl_bom_crlf_blank(void **state)
{
	(void)state;
	/* A BOM on the first line, CRLF endings, blank and white lines:
	 * line numbers still count every physical line. */
	CHECK(EV_JSONL, "\xEF\xBB\xBF{\"a\":1}\r\n\r\n  \t\n{\"b\":2}\r\n"
	    "\r\n{\"c\":3}",
	    "1 OK {\"a\":1}\n4 OK {\"b\":2}\n6 OK {\"c\":3}\n", 0);
	/* A BOM later on (files joined with cat) is skipped too. */
	CHECK(EV_JSONL, "{\"a\":1}\n\xEF\xBB\xBF{\"b\":2}\n",
	    "1 OK {\"a\":1}\n2 OK {\"b\":2}\n", 0);
}

static void
test_jsonl_bad_middle(void **state)
{
	(void)state;
	/* Every good line comes out; the bad ones carry their line number
	 * and raw text. */
	CHECK(EV_JSONL,
	    "{\"a\":1}\n"
	    "{\"a\":\n"
	    "{\"a\":3}\n"
	    "{bad\n"
	    "\n"
	    "{\"a\":1,}\n"
	    "{\"a\" 1}\n"
	    "{\"a\":1 \"b\":2}\n"
	    "{\"a\":tru}\n"
	    "{\"a\":\"x}\n"
	    "{\"a\":1} x\n"
	    "{\"a\":7}\n",
	    "1 OK {\"a\":1}\n"
	    "2 BAD invalid JSON: unexpected end of line at column 6 "
	    "{\"_raw\":\"{\\\"a\\\":\"}\n"
	    "3 OK {\"a\":3}\n"
	    "4 BAD invalid JSON: expected a string key at column 2 "
	    "{\"_raw\":\"{bad\"}\n"
	    "6 BAD invalid JSON: expected a string key at column 8 "
	    "{\"_raw\":\"{\\\"a\\\":1,}\"}\n"
	    "7 BAD invalid JSON: expected ':' at column 6 "
	    "{\"_raw\":\"{\\\"a\\\" 1}\"}\n"
	    "8 BAD invalid JSON: expected ',' or '}' at column 8 "
	    "{\"_raw\":\"{\\\"a\\\":1 \\\"b\\\":2}\"}\n"
	    "9 BAD invalid JSON: expected a value at column 6 "
	    "{\"_raw\":\"{\\\"a\\\":tru}\"}\n"
	    "10 BAD invalid JSON: unterminated string at column 6 "
	    "{\"_raw\":\"{\\\"a\\\":\\\"x}\"}\n"
	    "11 BAD invalid JSON: text after the value at column 9 "
	    "{\"_raw\":\"{\\\"a\\\":1} x\"}\n"
	    "12 OK {\"a\":7}\n", 8);
}

static void
test_jsonl_not_object(void **state)
{
	(void)state;
	CHECK(EV_JSONL, "[1]\n5\n\"s\"\nnull\ntrue\n{\"ok\":1}\n",
	    "1 BAD not a JSON object but an array {\"_raw\":\"[1]\"}\n"
	    "2 BAD not a JSON object but a number {\"_raw\":\"5\"}\n"
	    "3 BAD not a JSON object but a string {\"_raw\":\"\\\"s\\\"\"}\n"
	    "4 BAD not a JSON object but null {\"_raw\":\"null\"}\n"
	    "5 BAD not a JSON object but a boolean {\"_raw\":\"true\"}\n"
	    "6 OK {\"ok\":1}\n", 5);
}

static void
test_jsonl_bad_bytes(void **state)
{
	(void)state;
	/* Invalid UTF-8: the raw bytes go out as base64. */
	CHECK(EV_JSONL, "{\"x\":\"\xFF\"}\n{\"x\":\"\xC3\xA9\"}\n",
	    "1 BAD invalid UTF-8 at column 7 {\"_raw_base64\":\"eyJ4Ijoi/yJ9\"}\n"
	    "2 OK {\"x\":\"\xC3\xA9\"}\n", 1);
	/* An overlong and a surrogate are invalid too. */
	CHECK(EV_JSONL, "{\"x\":\"\xC0\xAF\"}\n{\"x\":\"\xED\xA0\x80\"}\n",
	    "1 BAD invalid UTF-8 at column 7 {\"_raw_base64\":\"eyJ4IjoiwK8ifQ==\"}\n"
	    "2 BAD invalid UTF-8 at column 7 {\"_raw_base64\":\"eyJ4Ijoi7aCAIn0=\"}\n",
	    2);
	/* A NUL byte: base64 too (a JSON string cannot carry it raw). */
	check_n(EV_JSONL, 0, "{\"x\":\"a\0b\"}\n{\"y\":1}\n", 20,
	    "1 BAD NUL byte at column 8 {\"_raw_base64\":\"eyJ4IjoiYQBiIn0=\"}\n"
	    "2 OK {\"y\":1}\n", 1);
}

static void
test_jsonl_max_line(void **state)
{
	(void)state;
	/* 16 bytes is the limit: a 16-byte line passes, 40 and 30 do not;
	 * the bad ones give their length, not their text. */
	const char *in =
	    "{\"a\":1}\n"
	    "{\"abcdefghij\":1}\n"
	    "{\"x\":\"0123456789012345678901234567\"}\n"
	    "{\"b\":2}\n"
	    "{\"y\":\"01234567890123456789\"}";
	check_n(EV_JSONL, 16, in, strlen(in),
	    "1 OK {\"a\":1}\n"
	    "2 OK {\"abcdefghij\":1}\n"
	    "3 BAD line too long: 36 bytes, more than --max-line 16 "
	    "{\"_raw_length\":36}\n"
	    "4 OK {\"b\":2}\n"
	    "5 BAD line too long: 28 bytes, more than --max-line 16 "
	    "{\"_raw_length\":28}\n", 2);
	/* A long line longer than the first read buffer (256 KiB) is fine
	 * under the default limit. */
	size_t n = 700000;
	char *big = malloc(n + 32);
	memcpy(big, "{\"t\":\"", 6);
	memset(big + 6, 'x', n);
	memcpy(big + 6 + n, "\"}\n{\"z\":1}\n", 11);
	struct diag d;
	const char *names[] = { "in" };
	diag_init(&d, "test");
	free(put("in", big, n + 17));
	char *got = summary(EV_JSONL, 0, names, 1, &d, NULL);
	assert_int_equal(d.bad_lines, 0);
	assert_int_equal(strlen(got), 5 + 6 + n + 2 + 1 + 13);
	assert_memory_equal(got, "1 OK {\"t\":\"xxx", 14);
	assert_string_equal(got + strlen(got) - 13, "2 OK {\"z\":1}\n");
	free(got);
	free(big);
}

static void
test_jsonl_nesting(void **state)
{
	struct buf in = BUF_INIT, want = BUF_INIT;

	(void)state;
	/* 1000 levels (cJSON's limit) parse; 1001 are a bad line. */
	for (int i = 0; i < 999; i++)
		buf_adds(&in, "{\"a\":");
	buf_adds(&in, "{}");
	for (int i = 0; i < 999; i++)
		buf_addc(&in, '}');
	buf_addc(&in, '\n');
	for (int i = 0; i < 1001; i++)
		buf_adds(&in, "[");
	for (int i = 0; i < 1001; i++)
		buf_adds(&in, "]");
	buf_adds(&in, "\n{\"ok\":1}\n");
	struct diag d;
	const char *names[] = { "in" };
	diag_init(&d, "test");
	free(put("in", in.data, in.len));
	char *got = summary(EV_JSONL, 0, names, 1, &d, NULL);
	assert_int_equal(d.bad_lines, 1);
	assert_memory_equal(got, "1 OK {\"a\":{\"a\":", 15);
	char *l2 = strstr(got, "\n2 ");
	assert_non_null(l2);
	assert_memory_equal(l2, "\n2 BAD JSON nested deeper than 1000 levels ",
	    strlen("\n2 BAD JSON nested deeper than 1000 levels "));
	char *l3 = strstr(got, "\n3 OK {\"ok\":1}\n");
	assert_non_null(l3);
	assert_int_equal(l3[strlen("\n3 OK {\"ok\":1}\n")], '\0');
	free(got);
	buf_free(&in);
	buf_free(&want);
}

static void
test_jsonl_passed(void **state)
{
	(void)state;
	/* An event that already failed upstream passes, untouched. */
	CHECK(EV_JSONL, "{\"_error\":\"x\",\"_source\":\"a:1\",\"_raw\":\"{\"}\n"
	    "{\"a\":1}\n",
	    "1 PASSED {\"_error\":\"x\",\"_source\":\"a:1\",\"_raw\":\"{\"}\n"
	    "2 OK {\"a\":1}\n", 0);
}

static void
test_operands(void **state)
{
	struct diag d;
	int failed = -1;

	(void)state;
	free(put("one", "{\"f\":1}\n{\"f\":2}\n", 16));
	free(put("two", "{\"f\":3}", 7));
	free(put("empty", "", 0));
	struct buf dir = BUF_INIT;
	buf_printf(&dir, "%s/sub", tmpdir);
	mkdir(dir.data, 0755);
	buf_free(&dir);
	const char *names[] = { "one", "missing", "empty", "sub", "two" };
	diag_init(&d, "test");
	char *got = summary(EV_JSONL, 0, names, 5, &d, &failed);
	/* Line numbers restart with each file; unreadable ones are skipped
	 * and remembered. */
	assert_string_equal(got, "one:1 OK {\"f\":1}\none:2 OK {\"f\":2}\n"
	    "two:1 OK {\"f\":3}\n");
	assert_int_equal(failed, 1);
	assert_int_equal(d.bad_lines, 0);
	free(got);
	/* All files fine: open_failed stays 0. */
	const char *ok[] = { "two", "one" };
	got = summary(EV_JSONL, 0, ok, 2, &d, &failed);
	assert_string_equal(got, "two:1 OK {\"f\":3}\none:1 OK {\"f\":1}\n"
	    "one:2 OK {\"f\":2}\n");
	assert_int_equal(failed, 0);
	free(got);
}

static void
test_take(void **state)
{
	struct ev_reader_opts o = { .format = EV_JSONL };
	struct diag d;
	struct ev_record rec;

	(void)state;
	char *path = put("in", "{\"n\":1}\n{\"n\":2}\n", 16);
	char *files[] = { path };
	diag_init(&d, "test");
	struct ev_reader *r = ev_open(&o, files, 1, &d);
	assert_int_equal(ev_read(r, &rec), 1);
	cJSON *kept = ev_take(&rec);
	assert_null(rec.obj);
	assert_int_equal(ev_read(r, &rec), 1);
	assert_int_equal(ev_read(r, &rec), 0);
	ev_close(r);
	/* The taken object outlived the reader. */
	double v = 0;
	assert_int_equal(json_num(kept, "n", &v), 0);
	assert_true(v == 1);
	cJSON_Delete(kept);
	free(path);
}

/*
 * A line's strings live in the reader until the next read: a taken object
 * gets its own copies (the next lines overwrite the reader's), with and
 * without a want list, and a bad line between does not disturb them.
 */
/*
 * A want list finds its names by hash, past the hashed ones by a walk: of
 * a line with keys f0..f99 (and "", "f", near misses), exactly the wanted
 * ones are built, in the line's order.
 */
static void
test_want_many(void **state)
{
	static char names[100][16];
	struct ev_want want = EV_WANT_INIT;
	struct buf line = BUF_INIT;
	struct diag d;
	struct ev_record rec;

	(void)state;
	buf_adds(&line, "{\"\":0,\"f\":0,\"f1x\":0");
	for (int i = 0; i < 100; i++) {
		snprintf(names[i], sizeof names[i], "f%d", i);
		buf_printf(&line, ",\"%s\":%d", names[i], i);
	}
	buf_adds(&line, "}\n");
	/* f0, f3.. and f1, f4..: 66 names, two past the EV_WANT_HASHED
	 * that are found by hash */
	for (int i = 0; i < 99; i += 3)
		ev_want_add(&want, names[i]);
	for (int i = 1; i < 99; i += 3)
		ev_want_add(&want, names[i]);
	assert_int_equal(ev_want_count(&want), 66);
	char *path = put("in", line.data, line.len);
	char *files[] = { path };
	struct ev_reader_opts o = { .format = EV_JSONL, .want = &want };
	diag_init(&d, "test");
	struct ev_reader *r = ev_open(&o, files, 1, &d);
	assert_int_equal(ev_read(r, &rec), 1);
	assert_true(rec.partial);
	int k = 0;
	for (const cJSON *c = rec.obj->child; c; c = c->next, k++) {
		int i = atoi(c->string + 1);
		assert_true(i % 3 != 2 && i < 99);
		assert_string_equal(c->string, names[i]);
		assert_int_equal(c->valuedouble, i);
	}
	assert_int_equal(k, 66);
	ev_close(r);
	ev_want_free(&want);
	buf_free(&line);
	free(path);
}

/*
 * The fast path for true, false, null and numbers with a fraction or an
 * exponent builds the same items as cJSON's parse (the plain path): type,
 * valuedouble to the bit, valueint; values it leaves to cJSON (2^53 and
 * up, 1e999, integers of 16 digits) come out as before too.
 */
static void
test_values_fast_path(void **state)
{
	static const char *vals[] = { "true", "false", "null", "0.94",
	    "-0.884", "0.1", "1e3", "-1E-7", "2.5e+2", "-0", "-0.0",
	    "123456.789012345678", "0.30000000000000004", "1e308", "4e-320",
	    "9007199254740991.5", "9007199254740993.0", "1e999", "-1e999",
	    "1234567890123456", "12", "-3", "2147483648.5", "-2147483649.5" };
	struct buf line = BUF_INIT;

	(void)state;
	for (size_t i = 0; i < sizeof(vals) / sizeof(*vals); i++) {
		struct ev_reader_opts o = { .format = EV_JSONL };
		struct diag d;
		struct ev_record rec;
		buf_reset(&line);
		buf_printf(&line, "{\"v\":%s}\n", vals[i]);
		char *path = put("in", line.data, line.len);
		char *files[] = { path };
		diag_init(&d, "test");
		struct ev_reader *r = ev_open(&o, files, 1, &d);
		assert_int_equal(ev_read(r, &rec), 1);
		const cJSON *got = rec.obj->child;
		cJSON *want = cJSON_Parse(vals[i]);
		assert_non_null(want);
		assert_int_equal(got->type & 0xFF, want->type & 0xFF);
		assert_memory_equal(&got->valuedouble, &want->valuedouble,
		    sizeof(double));
		assert_int_equal(got->valueint, want->valueint);
		cJSON_Delete(want);
		ev_close(r);
		free(path);
	}
	buf_free(&line);
}

/* Strings with escapes are read without cJSON, to the same bytes. */
static void
test_jsonl_escapes(void **state)
{
	static const char text[] =
	    "{\"t\":\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\\\\\",\"u\":\"\\n\"}\n";
	struct ev_reader_opts o = { .format = EV_JSONL };
	struct diag d;
	struct ev_record rec;

	(void)state;
	char *path = put("in", text, sizeof text - 1);
	char *files[] = { path };
	diag_init(&d, "test");
	struct ev_reader *r = ev_open(&o, files, 1, &d);
	assert_int_equal(ev_read(r, &rec), 1);
	assert_int_equal(rec.status, EV_OK);
	assert_string_equal(json_str(rec.obj, "t"),
	    "a\"b\\c/d\be\ff\ng\rh\ti\\");
	assert_string_equal(json_str(rec.obj, "u"), "\n");
	assert_int_equal(ev_read(r, &rec), 0);
	ev_close(r);
	free(path);
}

/*
 * The fast path for short decimals gives the bits cJSON's strtod gives
 * (the plain path), over many fractions and their edges.
 */
static void
test_decimals_fast(void **state)
{
	static const char *const fixed[] = { "-0.819", "0.1", "44.99", "-0.0",
	    "0.30000000000000004", "123456789012.345", "999999999999999.9",
	    "0.000000000000000000001", "1.5e3", "-1.25E-2", "100",
	    "9007199254740993.5", "0.1234567890123456789012" };
	static char names[4000][16];
	struct ev_want want = EV_WANT_INIT;
	struct buf line = BUF_INIT;
	struct diag d;
	struct ev_record rec;
	unsigned long x = 12345;
	char num[64];
	int n = 0;

	(void)state;
	buf_addc(&line, '{');
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		buf_printf(&line, "%s\"f%d\":%s", n ? "," : "", n, fixed[i]),
		    n++;
	for (int i = 0; i < 3000; i++) {
		x = x * 6364136223846793005UL + 1442695040888963407UL;
		int frac = (int)(x >> 60) % 9 + 1;
		snprintf(num, sizeof num, "%s%lu.%0*lu", (x >> 20) & 1 ? "-" :
		    "", (x >> 33) % 100000, frac, (x >> 8) % 1000000000UL %
		    (unsigned long)pow(10, frac));
		buf_printf(&line, ",\"f%d\":%s", n++, num);
	}
	buf_adds(&line, "}\n");
	for (int i = 0; i < n; i++) {
		snprintf(names[i], sizeof names[i], "f%d", i);
		ev_want_add(&want, names[i]);
	}
	char *path = put("in", line.data, line.len);
	char *files[] = { path };
	struct ev_reader_opts o = { .format = EV_JSONL, .want = &want };
	diag_init(&d, "test");
	struct ev_reader *r = ev_open(&o, files, 1, &d);
	assert_int_equal(ev_read(r, &rec), 1);
	assert_int_equal(rec.status, EV_OK);
	/* Read the fast way (jscan's, which indexes it), not cJSON's. */
	assert_non_null(rec.first);
	cJSON *plain = cJSON_Parse(line.data);
	assert_non_null(plain);
	const cJSON *a = rec.obj->child, *b = plain->child;
	int k = 0;
	for (; a != NULL && b != NULL; a = a->next, b = b->next, k++) {
		assert_string_equal(a->string, b->string);
		assert_true(cJSON_IsNumber(a));
		assert_memory_equal(&a->valuedouble, &b->valuedouble,
		    sizeof(double));
		assert_int_equal(a->valueint, b->valueint);
	}
	assert_int_equal(k, n);
	assert_null(a);
	assert_null(b);
	cJSON_Delete(plain);
	ev_close(r);
	ev_want_free(&want);
	buf_free(&line);
	free(path);
}

/*
 * A partial record's members are linked as cJSON links them (the FAST
 * PATH append_const against cJSON_AddItemToObjectCS, the plain path):
 * same prev and next pointers' shape, the last member in child->prev,
 * constant keys; cJSON can then detach, add and delete them.
 */
static void
test_links_fast(void **state)
{
	static const char text[] =
	    "{\"a\":1,\"x\":2,\"b\":\"s\",\"c\":true,\"a\":[1],\"d\":0.5}\n";
	static const char *const names[] = { "a", "b", "c", "d" };
	struct ev_want want = EV_WANT_INIT;
	struct diag d;
	struct ev_record rec;

	(void)state;
	for (int i = 0; i < 4; i++)
		ev_want_add(&want, names[i]);
	char *path = put("in", text, sizeof text - 1);
	char *files[] = { path };
	struct ev_reader_opts o = { .format = EV_JSONL, .want = &want };
	diag_init(&d, "test");
	struct ev_reader *r = ev_open(&o, files, 1, &d);
	assert_int_equal(ev_read(r, &rec), 1);
	assert_non_null(rec.first);
	/* The plain way: the same values added by cJSON. */
	cJSON *plain = cJSON_CreateObject();
	for (const cJSON *c = rec.obj->child; c != NULL; c = c->next)
		cJSON_AddItemToObjectCS(plain, c->string,
		    cJSON_Duplicate(c, 1));
	const cJSON *a = rec.obj->child, *b = plain->child;
	int n = 0;
	for (; a != NULL && b != NULL; a = a->next, b = b->next, n++) {
		assert_string_equal(a->string, b->string);
		assert_true(a->type & cJSON_StringIsConst);
		assert_true((a->prev == rec.obj->child->prev) ==
		    (b->prev == plain->child->prev));
		if (a != rec.obj->child)
			assert_ptr_equal(a->prev->next, a);
		assert_true(cJSON_Compare(a, b, 1));
	}
	assert_int_equal(n, 5);
	assert_null(a);
	assert_null(b);
	assert_null(rec.obj->child->prev->next);
	assert_string_equal(rec.obj->child->prev->string, "d");
	/* cJSON's own operations work on the links. */
	cJSON *kept = ev_take(&rec);
	cJSON_Delete(cJSON_DetachItemFromObjectCaseSensitive(kept, "d"));
	cJSON_AddNumberToObject(kept, "e", 3);
	cJSON_Delete(cJSON_DetachItemFromObjectCaseSensitive(kept, "a"));
	char *out = cJSON_PrintUnformatted(kept);
	assert_string_equal(out, "{\"b\":\"s\",\"c\":true,\"a\":[1],\"e\":3}");
	free(out);
	cJSON_Delete(kept);
	cJSON_Delete(plain);
	assert_int_equal(ev_read(r, &rec), 0);
	ev_close(r);
	ev_want_free(&want);
	free(path);
}

static void
test_take_strings(void **state)
{
	static const char text[] =
	    "{\"text\":\"Wo bleibt mein Paket?\",\"n\":1,\"role\":\"customer\"}\n"
	    "{\"text\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\"role\":\"agent\"}\n"
	    "{bad\n"
	    "{\"text\":\"yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\"}\n";
	struct ev_want want = EV_WANT_INIT;
	struct diag d;
	struct ev_record rec;

	(void)state;
	ev_want_add(&want, "text");
	ev_want_add(&want, "role");
	char *path = put("in", text, sizeof text - 1);
	char *files[] = { path };
	for (int partial = 0; partial < 2; partial++) {
		struct ev_reader_opts o = { .format = EV_JSONL,
		    .want = partial ? &want : NULL };
		diag_init(&d, "test");
		struct ev_reader *r = ev_open(&o, files, 1, &d);
		assert_int_equal(ev_read(r, &rec), 1);
		assert_int_equal(rec.partial, partial);
		cJSON *kept = ev_take(&rec);
		while (ev_read(r, &rec) > 0)
			;
		ev_close(r);
		assert_string_equal(json_str(kept, "text"),
		    "Wo bleibt mein Paket?");
		assert_string_equal(json_str(kept, "role"), "customer");
		assert_int_equal(json_num(kept, "n", &(double){ 0 }),
		    partial ? -1 : 0);
		cJSON_Delete(kept);
	}
	ev_want_free(&want);
	free(path);
}

static void
test_format_names(void **state)
{
	(void)state;
	assert_int_equal(ev_format_parse("jsonl"), EV_JSONL);
	assert_int_equal(ev_format_parse("json"), EV_JSONL);
	assert_int_equal(ev_format_parse("ndjson"), EV_JSONL);
	assert_int_equal(ev_format_parse("csv"), EV_CSV);
	assert_int_equal(ev_format_parse("tsv"), EV_TSV);
	assert_int_equal(ev_format_parse("CSV"), -1);
	assert_int_equal(ev_format_parse(""), -1);
	assert_string_equal(ev_display_name("-"), "<stdin>");
	assert_string_equal(ev_display_name("a.jsonl"), "a.jsonl");
}

/* ---- CSV ------------------------------------------------------------------ */

static void
test_csv_quoted_multiline(void **state)
{
	(void)state;
	/* Embedded commas, doubled quotes, a newline inside quotes (kept as
	 * written: CRLF in a CRLF file), CRLF row ends, a BOM on the header. */
	CHECK(EV_CSV,
	    "\xEF\xBB\xBFid,created_at,body\r\n"
	    "1,2026-01-01 10:00,\"hello, there\r\nsecond line\"\r\n"
	    "2,2026-01-02,\"say \"\"hi\"\"\"\r\n"
	    "\r\n"
	    "3,x,plain\r\n",
	    "2 OK {\"id\":1,\"created_at\":\"2026-01-01 10:00\","
	    "\"body\":\"hello, there\\r\\nsecond line\"}\n"
	    "4 OK {\"id\":2,\"created_at\":\"2026-01-02\",\"body\":\"say \\\"hi\\\"\"}\n"
	    "6 OK {\"id\":3,\"created_at\":\"x\",\"body\":\"plain\"}\n", 0);
	/* LF file, quoted field of three lines, last row without newline. */
	CHECK(EV_CSV,
	    "a,b\n"
	    "\"x\ny\n\nz\",1\n"
	    "q,2",
	    "2 OK {\"a\":\"x\\ny\\n\\nz\",\"b\":1}\n"
	    "6 OK {\"a\":\"q\",\"b\":2}\n", 0);
	/* Header only: no records. */
	CHECK(EV_CSV, "a,b\n", "", 0);
	CHECK(EV_CSV, "", "", 0);
}

static void
test_csv_types(void **state)
{
	(void)state;
	CHECK(EV_CSV,
	    "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q\n"
	    "5,007,1.0,true,false,null,\"{\"\"x\"\":1}\",\"[1,2]\",-3,4.5,1e3,,"
	    "\"\",\" 5\",-0,TRUE,{bad\n",
	    "2 OK {\"a\":5,\"b\":\"007\",\"c\":\"1.0\",\"d\":true,\"e\":false,"
	    "\"f\":null,\"g\":{\"x\":1},\"h\":[1,2],\"i\":-3,\"j\":4.5,"
	    "\"k\":\"1e3\",\"m\":\"\",\"n\":\" 5\",\"o\":\"-0\",\"p\":\"TRUE\","
	    "\"q\":\"{bad\"}\n", 0);
	/* Numbers that would lose digits as doubles (ids of 16+ digits) are
	 * numbers that keep their text; those printed exactly as cskit
	 * prints numbers become numbers; a leading zero keeps a string. */
	CHECK(EV_CSV,
	    "a,b,c,d,e,f\n"
	    "9007199254740993,0.1,1e+21,12345678901234567890,0.30000000000000004,"
	    "01234567890123456789\n",
	    "2 OK {\"a\":9007199254740993,\"b\":0.1,\"c\":1e+21,"
	    "\"d\":12345678901234567890,\"e\":0.30000000000000004,"
	    "\"f\":\"01234567890123456789\"}\n", 0);
}

static void
test_csv_header_names(void **state)
{
	(void)state;
	/* An empty header cell is named by its position. */
	CHECK(EV_CSV, "a,,c\n1,2,3\n", "2 OK {\"a\":1,\"_2\":2,\"c\":3}\n", 0);
	CHECK(EV_CSV, "\"first name\",\"x,y\"\nAnn,1\n",
	    "2 OK {\"first name\":\"Ann\",\"x,y\":1}\n", 0);
}

static void
test_csv_bad_rows(void **state)
{
	(void)state;
	/* Wrong field counts are bad lines; the rows around them are fine. */
	CHECK(EV_CSV, "a,b\n1,2,3\n4\n5,6\n",
	    "2 BAD 3 fields where the header has 2 {\"_raw\":\"1,2,3\"}\n"
	    "3 BAD 1 fields where the header has 2 {\"_raw\":\"4\"}\n"
	    "4 OK {\"a\":5,\"b\":6}\n", 2);
	/* Malformed quoting, then the next row reads fine. */
	CHECK(EV_CSV, "a,b\nx\"y,2\n\"ab\"c,3\nok,4\n",
	    "2 BAD malformed quoting (a quote inside an unquoted field, or text "
	    "after a closing quote) {\"_raw\":\"x\\\"y,2\"}\n"
	    "3 BAD malformed quoting (a quote inside an unquoted field, or text "
	    "after a closing quote) {\"_raw\":\"\\\"ab\\\"c,3\"}\n"
	    "4 OK {\"a\":\"ok\",\"b\":4}\n", 2);
	/* An unbalanced quote runs to the end of the file. */
	CHECK(EV_CSV, "a,b\n1,2\n3,\"open\n4,5\n",
	    "2 OK {\"a\":1,\"b\":2}\n"
	    "3 BAD unterminated quoted field at the end of the file "
	    "{\"_raw\":\"3,\\\"open\\n4,5\"}\n", 1);
	/* Invalid UTF-8 and NUL bytes. */
	check_n(EV_CSV, 0, "a,b\n1,\xFF\n2,x\0y\n3,ok\n", 19,
	    "2 BAD invalid UTF-8 at byte 3 of line 2 {\"_raw_base64\":\"MSz/\"}\n"
	    "3 BAD NUL byte in the record {\"_raw_base64\":\"Mix4AHk=\"}\n"
	    "4 OK {\"a\":3,\"b\":\"ok\"}\n", 2);
}

static void
test_csv_max_line(void **state)
{
	(void)state;
	/* Over --max-line: diagnosed with the length, the raw text not kept
	 * (as for JSON Lines); the following rows still read. */
	const char *in = "a,b\n1,0123456789012345678901234567890123456789\n2,y\n";
	check_n(EV_CSV, 16, in, strlen(in),
	    "2 BAD line too long: 42 bytes, more than --max-line 16 "
	    "{\"_raw_length\":42}\n"
	    "3 OK {\"a\":2,\"b\":\"y\"}\n", 1);
	/* A quoted record that grows past the limit over several lines
	 * (an unbalanced quote, most likely) is cut there. */
	in = "a,b\n1,\"abcdefghij\nklmnopqrs\",2\n3,x\n";
	check_n(EV_CSV, 16, in, strlen(in),
	    "2 BAD record longer than --max-line 16 bytes (an unbalanced "
	    "quote?) {\"_raw_length\":26}\n"
	    "4 OK {\"a\":3,\"b\":\"x\"}\n", 1);
}

static void
test_csv_passed(void **state)
{
	(void)state;
	CHECK(EV_CSV, "_error,_source\nbad,x:1\n",
	    "2 PASSED {\"_error\":\"bad\",\"_source\":\"x:1\"}\n", 0);
}

/* ---- TSV ------------------------------------------------------------------ */

static void
test_tsv(void **state)
{
	(void)state;
	CHECK(EV_TSV,
	    "a\tb\tc\r\n"
	    "1\\t2\tx\\ny\\\\z\t\r\n"
	    "\"q\"\t\\q\t5\n",
	    "2 OK {\"a\":\"1\\t2\",\"b\":\"x\\ny\\\\z\"}\n"
	    "3 OK {\"a\":\"\\\"q\\\"\",\"b\":\"\\\\q\",\"c\":5}\n", 0);
	CHECK(EV_TSV, "a\tb\n1\n1\t2\t3\n",
	    "2 BAD 1 fields where the header has 2 {\"_raw\":\"1\"}\n"
	    "3 BAD 3 fields where the header has 2 {\"_raw\":\"1\\t2\\t3\"}\n", 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jsonl_plain),
		cmocka_unit_test(test_jsonl_bom_crlf_blank),
		cmocka_unit_test(test_jsonl_bad_middle),
		cmocka_unit_test(test_jsonl_not_object),
		cmocka_unit_test(test_jsonl_bad_bytes),
		cmocka_unit_test(test_jsonl_max_line),
		cmocka_unit_test(test_jsonl_nesting),
		cmocka_unit_test(test_jsonl_passed),
		cmocka_unit_test(test_operands),
		cmocka_unit_test(test_take),
		cmocka_unit_test(test_take_strings),
		cmocka_unit_test(test_jsonl_escapes),
		cmocka_unit_test(test_decimals_fast),
		cmocka_unit_test(test_links_fast),
		cmocka_unit_test(test_want_many),
		cmocka_unit_test(test_values_fast_path),
		cmocka_unit_test(test_format_names),
		cmocka_unit_test(test_csv_quoted_multiline),
		cmocka_unit_test(test_csv_types),
		cmocka_unit_test(test_csv_header_names),
		cmocka_unit_test(test_csv_bad_rows),
		cmocka_unit_test(test_csv_max_line),
		cmocka_unit_test(test_csv_passed),
		cmocka_unit_test(test_tsv),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
