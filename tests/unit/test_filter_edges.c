/*
 * lib/filter, edge cases beside test_filter: deletions, whitespace, CSV out,
 * stderr and status, a BOM inside the stream.  filter_run writes to
 * standard output, so each run happens in a forked child whose stdout and
 * stderr go to temporary files; the output is compared byte for byte.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "filter.h"
#include "json.h"

static char *
slurp(FILE *fp)
{
	struct buf b = BUF_INIT;
	char chunk[8192];
	size_t n;

	rewind(fp);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	return buf_detach(&b);
}

/*
 * The tool's function: appends "seen", rewrites "set" in place when present,
 * deletes "drop", and refuses events that have "fail".
 */
static const char *
annotate(void *ctx, cJSON *ev, const struct ev_record *rec,
    struct filter_add *add)
{
	int *calls = ctx;

	(void)add;
	(*calls)++;
	assert_non_null(rec->file);
	if (cJSON_GetObjectItemCaseSensitive(ev, "fail"))
		return "told to fail";
	if (cJSON_GetObjectItemCaseSensitive(ev, "set"))
		json_set_str(ev, "set", "changed");
	if (cJSON_GetObjectItemCaseSensitive(ev, "drop"))
		cJSON_DeleteItemFromObjectCaseSensitive(ev, "drop");
	json_set_bool(ev, "seen", 1);
	return NULL;
}

struct run {
	int	 status;
	char	*out;
	char	*err;
};

static struct run
run_filter(enum ev_format in, enum out_format outf, const char *input)
{
	FILE *inf = tmpfile(), *of = tmpfile(), *ef = tmpfile();
	struct run r;
	int st;

	fputs(input, inf);
	fflush(inf);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct cli_common cli;
		struct diag d;
		int calls = 0;
		dup2(fileno(inf), 0);
		lseek(0, 0, SEEK_SET);
		dup2(fileno(of), 1);
		dup2(fileno(ef), 2);
		diag_init(&d, "test");
		cli_common_init(&cli, NULL);
		cli.in.format = in;
		cli.out_format = outf;
		int status = filter_run(&cli, &d, NULL, 0, annotate, &calls);
		cli_common_free(&cli);
		_exit(status);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	r.out = slurp(of);
	r.err = slurp(ef);
	fclose(inf);
	fclose(of);
	fclose(ef);
	return r;
}

static void
run_is(enum ev_format in, enum out_format outf, const char *input,
    int status, const char *out, const char *err)
{
	struct run r = run_filter(in, outf, input);

	assert_string_equal(r.out, out);
	assert_string_equal(r.err, err);
	assert_int_equal(r.status, status);
	free(r.out);
	free(r.err);
}

static void
test_jsonl_stream(void **state)
{
	(void)state;
	run_is(EV_JSONL, OUT_JSONL,
	    /* appended only: the line's own bytes are kept (1.50, \u00e9) */
	    "{\"n\":1.50,\"t\":\"caf\\u00e9\"}\n"
	    /* a field replaced: serialized again, in place */
	    "{\"n\":2,\"set\":\"x\",\"z\":0}\n"
	    /* a field deleted: serialized again */
	    "{\"n\":3,\"drop\":1,\"z\":0}\n"
	    "{}\n"
	    "{ \"a\" : 1 }  \r\n"
	    "{\"fail\":1}\n"
	    "{bad\n"
	    "{\"_error\":\"up\",\"_raw\":\"x\",  \"n\":1.0}\n"
	    "\n"
	    "{\"last\":true}",
	    65,
	    "{\"n\":1.50,\"t\":\"caf\\u00e9\",\"seen\":true}\n"
	    "{\"n\":2,\"set\":\"changed\",\"z\":0,\"seen\":true}\n"
	    "{\"n\":3,\"z\":0,\"seen\":true}\n"
	    "{\"seen\":true}\n"
	    "{ \"a\" : 1 ,\"seen\":true}\n"
	    "{\"_error\":\"told to fail\",\"_source\":\"<stdin>:6\","
	    "\"_raw\":\"{\\\"fail\\\":1}\"}\n"
	    "{\"_error\":\"invalid JSON: expected a string key at column 2\","
	    "\"_source\":\"<stdin>:7\",\"_raw\":\"{bad\"}\n"
	    "{\"_error\":\"up\",\"_raw\":\"x\",  \"n\":1.0}\n"
	    "{\"last\":true,\"seen\":true}\n",
	    "test: <stdin>:6: told to fail\n"
	    "test: <stdin>:7: invalid JSON: expected a string key at column 2\n");
}

static void
test_all_good_is_zero(void **state)
{
	(void)state;
	run_is(EV_JSONL, OUT_JSONL, "{\"a\":1}\n", 0,
	    "{\"a\":1,\"seen\":true}\n", "");
	run_is(EV_JSONL, OUT_JSONL, "", 0, "", "");
}

static void
test_bom_inside_stream(void **state)
{
	(void)state;
	/* Files joined with cat: a BOM at the start of a later line is read
	 * (cJSON skips it), but must not be copied into the output line. */
	run_is(EV_JSONL, OUT_JSONL, "{\"a\":1}\n\xEF\xBB\xBF{\"b\":2}\n", 0,
	    "{\"a\":1,\"seen\":true}\n{\"b\":2,\"seen\":true}\n", "");
}

static void
test_csv_in_and_out(void **state)
{
	(void)state;
	/* CSV in: events are built, so they are serialized. */
	run_is(EV_CSV, OUT_JSONL, "a,b\n1,\"x,y\"\n2,z,extra\n", 65,
	    "{\"a\":1,\"b\":\"x,y\",\"seen\":true}\n"
	    "{\"_error\":\"3 fields where the header has 2\",\"_source\":"
	    "\"<stdin>:3\",\"_raw\":\"2,z,extra\"}\n",
	    "test: <stdin>:3: 3 fields where the header has 2\n");
	/* CSV out: one header over good and bad records alike. */
	run_is(EV_JSONL, OUT_CSV, "{\"a\":1}\n{\"fail\":1}\n", 65,
	    "a,seen,_error,_source,_raw\n"
	    "1,true,,,\n"
	    ",,told to fail,<stdin>:2,\"{\"\"fail\"\":1}\"\n",
	    "test: <stdin>:2: told to fail\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jsonl_stream),
		cmocka_unit_test(test_all_good_is_zero),
		cmocka_unit_test(test_bom_inside_stream),
		cmocka_unit_test(test_csv_in_and_out),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
