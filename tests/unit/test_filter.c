/* filter_run: annotations appended, changed events re-serialized, bad
 * lines kept, input bytes of untouched fields preserved. */
#include "unit.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "filter.h"
#include "json.h"

/* Tags customer messages; rejects events whose role is a number; renames
 * nothing but replaces `lang` when it is "xx" (a change, not an append). */
static const char *
tag(void *ctx, cJSON *ev, const struct ev_record *rec,
    struct filter_add *add)
{
	(void)ctx;
	(void)rec;
	(void)add;
	const cJSON *role = cJSON_GetObjectItemCaseSensitive(ev, "role");
	if (cJSON_IsNumber(role))
		return "role is not a string";
	const char *lang = json_str(ev, "lang");
	if (lang != NULL && strcmp(lang, "xx") == 0)
		json_set_str(ev, "lang", "und");
	if (cJSON_IsString(role) && strcmp(role->valuestring, "customer") == 0)
		json_set_str(ev, "seen", "yes");
	return NULL;
}

/* Appends as text members: seen, score and ok to customer messages,
 * and always mark (so that an event without any wanted field gets one). */
static const char *
tag_text(void *ctx, cJSON *ev, const struct ev_record *rec,
    struct filter_add *add)
{
	(void)ctx;
	(void)rec;
	const char *role = json_str(ev, "role");
	if (role != NULL && strcmp(role, "customer") == 0) {
		filter_add_str(add, "seen", "yes");
		filter_add_num(add, "score", 2.5);
		filter_add_bool(add, "ok", 1);
	}
	filter_add_key(add, "mark");
	buf_adds(&add->text, "[1,\"\\\"\"]");
	return NULL;
}

static char *
run_with(const char *input, enum ev_format fmt, enum out_format ofmt,
    filter_fn fn, const char *const *want, int *status)
{
	char in[] = "/tmp/cskit-filter-in.XXXXXX";
	char out[] = "/tmp/cskit-filter-out.XXXXXX";
	int ifd = mkstemp(in), ofd = mkstemp(out);
	assert_true(ifd >= 0 && ofd >= 0);
	assert_int_equal(write(ifd, input, strlen(input)), (ssize_t)strlen(input));
	close(ifd);

	int saved_out = dup(1), saved_err = dup(2), devnull = open("/dev/null", O_WRONLY);
	dup2(ofd, 1);
	dup2(devnull, 2);
	struct diag d;
	struct cli_common cli;
	diag_init(&d, "test");
	cli_common_init(&cli, NULL);
	cli.in.format = fmt;
	cli.out_format = ofmt;
	struct ev_want w = EV_WANT_INIT;
	for (size_t i = 0; want != NULL && want[i] != NULL; i++)
		ev_want_add(&w, want[i]);
	if (want != NULL)
		cli.in.want = &w;
	char *files[] = { in };
	*status = filter_run(&cli, &d, files, 1, fn, NULL);
	dup2(saved_out, 1);
	dup2(saved_err, 2);
	close(saved_out);
	close(saved_err);
	close(devnull);

	FILE *fp = fdopen(ofd, "r");
	fseek(fp, 0, SEEK_SET);
	char *text = calloc(1, 65536);
	size_t n = fread(text, 1, 65535, fp);
	text[n] = '\0';
	fclose(fp);
	unlink(in);
	unlink(out);
	cli_common_free(&cli);
	ev_want_free(&w);
	return text;
}

static char *
run(const char *input, enum ev_format fmt, enum out_format ofmt, int *status)
{
	return run_with(input, fmt, ofmt, tag, NULL, status);
}

static const char *const tag_text_fields[] = { "role", "seen", "score", "ok",
    "mark", NULL };

/* Text members go out after the line's own bytes, as they are. */
static void
text_members_are_spliced(void **state)
{
	(void)state;
	int st;
	char *out = run_with("{\"role\":\"customer\",\"amount\":1.50}\n"
	    "{\"role\":\"agent\",\"t\":\"caf\\u00e9\"}\n",
	    EV_JSONL, OUT_JSONL, tag_text, tag_text_fields, &st);
	assert_string_equal(out,
	    "{\"role\":\"customer\",\"amount\":1.50,\"seen\":\"yes\","
	    "\"score\":2.5,\"ok\":true,\"mark\":[1,\"\\\"\"]}\n"
	    "{\"role\":\"agent\",\"t\":\"caf\\u00e9\",\"mark\":[1,\"\\\"\"]}\n");
	assert_int_equal(st, 0);
	free(out);
}

/* An event with none of the wanted fields is no empty object: a comma
 * before what is appended, unless the line really was {}. */
static void
appended_to_events_without_wanted_fields(void **state)
{
	(void)state;
	int st;
	const char *in = "{\"x\":1}\n{}\n{ }\n{\"y\":{}}\n";
	char *out = run_with(in, EV_JSONL, OUT_JSONL, tag_text,
	    tag_text_fields, &st);
	assert_string_equal(out,
	    "{\"x\":1,\"mark\":[1,\"\\\"\"]}\n"
	    "{\"mark\":[1,\"\\\"\"]}\n"
	    "{ \"mark\":[1,\"\\\"\"]}\n"
	    "{\"y\":{},\"mark\":[1,\"\\\"\"]}\n");
	free(out);
}

/* A key the event already has: the text members are set as items, the
 * first of the key replaced and a later duplicate dropped, as json_put
 * does; the line is written again from its parse. */
static void
text_member_over_an_existing_key(void **state)
{
	(void)state;
	int st;
	char *out = run_with("{\"seen\":\"no\",\"role\":\"customer\","
	    "\"z\":1.50,\"seen\":0}\n", EV_JSONL, OUT_JSONL, tag_text,
	    tag_text_fields, &st);
	assert_string_equal(out,
	    "{\"seen\":\"yes\",\"role\":\"customer\",\"z\":1.5,"
	    "\"score\":2.5,\"ok\":true,\"mark\":[1,\"\\\"\"]}\n");
	assert_int_equal(st, 0);
	free(out);
}

/* Another output format: the text members become fields like any. */
static void
text_members_in_csv(void **state)
{
	(void)state;
	int st;
	char *out = run_with("{\"role\":\"customer\",\"n\":1}\n",
	    EV_JSONL, OUT_CSV, tag_text, tag_text_fields, &st);
	assert_string_equal(out, "role,n,seen,score,ok,mark\n"
	    "customer,1,yes,2.5,true,\"[1,\"\"\\\"\"\"\"]\"\n");
	free(out);
}

static void
appends_keep_input_bytes(void **state)
{
	(void)state;
	int st;
	/* 1.50 and \u00e9 would be rewritten by a re-serialization. */
	char *out = run("{\"role\":\"customer\",\"amount\":1.50,\"t\":\"caf\\u00e9\"}\n"
	    "{\"role\":\"agent\"}  \n{}\n", EV_JSONL, OUT_JSONL, &st);
	assert_string_equal(out,
	    "{\"role\":\"customer\",\"amount\":1.50,\"t\":\"caf\\u00e9\",\"seen\":\"yes\"}\n"
	    "{\"role\":\"agent\"}\n"
	    "{}\n");
	assert_int_equal(st, 0);
	free(out);
}

static void
a_change_reserializes(void **state)
{
	(void)state;
	int st;
	char *out = run("{\"lang\":\"xx\",\"n\":1.50,\"role\":\"customer\"}\n",
	    EV_JSONL, OUT_JSONL, &st);
	assert_string_equal(out,
	    "{\"lang\":\"und\",\"n\":1.5,\"role\":\"customer\",\"seen\":\"yes\"}\n");
	free(out);
}

static void
bad_lines_are_kept_in_order(void **state)
{
	(void)state;
	int st;
	char *out = run("{\"role\":\"customer\"}\n{\"role\":5}\n{oops\n"
	    "{\"_error\":\"earlier\",\"_raw\":\"x\"}\n{\"role\":\"bot\"}\n",
	    EV_JSONL, OUT_JSONL, &st);
	const char *want =
	    "{\"role\":\"customer\",\"seen\":\"yes\"}\n"
	    "{\"_error\":\"role is not a string\",\"_source\":\"%s:2\",\"_raw\":\"{\\\"role\\\":5}\"}\n"
	    "{\"_error\":\"invalid JSON: expected a string key at column 2\",\"_source\":\"%s:3\",\"_raw\":\"{oops\"}\n"
	    "{\"_error\":\"earlier\",\"_raw\":\"x\"}\n"
	    "{\"role\":\"bot\"}\n";
	/* The temporary file's name is in _source; compare around it. */
	assert_non_null(strstr(out, "\"_source\":\"/tmp/cskit-filter-in."));
	char *p = out;
	const char *w = want;
	while (*w) {
		if (w[0] == '%' && w[1] == 's') {
			while (*p && *p != ':')
				p++;
			w += 2;
			continue;
		}
		assert_int_equal(*p, *w);
		p++;
		w++;
	}
	assert_int_equal(*p, '\0');
	assert_int_equal(st, 65);
	free(out);
}

static void
csv_input_is_written_as_objects(void **state)
{
	(void)state;
	int st;
	char *out = run("role,n\ncustomer,007\nagent,2\n", EV_CSV, OUT_JSONL, &st);
	assert_string_equal(out,
	    "{\"role\":\"customer\",\"n\":\"007\",\"seen\":\"yes\"}\n"
	    "{\"role\":\"agent\",\"n\":2}\n");
	free(out);
}

/* The exit status of run_with(input, fn, want) in a child process with
 * CSKIT_CHECK set as given (NULL: unset). */
static int
status_in_child(const char *input, filter_fn fn, const char *const *want,
    const char *check)
{
	pid_t pid = fork();
	int wst;

	assert_true(pid >= 0);
	if (pid == 0) {
		int st;
		if (check != NULL)
			setenv("CSKIT_CHECK", check, 1);
		else
			unsetenv("CSKIT_CHECK");
		free(run_with(input, EV_JSONL, OUT_JSONL, fn, want, &st));
		_exit(st);
	}
	assert_int_equal(waitpid(pid, &wst, 0), pid);
	assert_true(WIFEXITED(wst));
	return WEXITSTATUS(wst);
}

/* A filter that sets a field it does not want breaks the contract of
 * filter.h: the input's own copy of the field is unseen, so it would go out
 * twice.  With CSKIT_CHECK=1 (as the test suite runs) that is an internal
 * error, exit 70, whether the field is set as a text member or an item. */
static void
unwanted_field_fails_the_check(void **state)
{
	static const char *const no_score[] = { "role", "seen", "ok", "mark",
	    NULL };
	static const char *const no_seen[] = { "role", "lang", NULL };
	const char *in = "{\"role\":\"customer\",\"score\":1}\n";
	int st;

	(void)state;
	assert_int_equal(status_in_child(in, tag_text, no_score, "1"), 70);
	assert_int_equal(status_in_child(in, tag, no_seen, "1"), 70);
	/* the same filters, their fields wanted: no complaint */
	assert_int_equal(status_in_child(in, tag_text, tag_text_fields, "1"),
	    0);
	static const char *const tag_fields[] = { "role", "lang", "seen",
	    NULL };
	assert_int_equal(status_in_child(in, tag, tag_fields, "1"), 0);
	/* unchecked, what the check is for: the key twice */
	assert_int_equal(status_in_child(in, tag_text, no_score, NULL), 0);
	const char *was = getenv("CSKIT_CHECK");
	char *saved = was ? strdup(was) : NULL;
	unsetenv("CSKIT_CHECK");
	char *out = run_with(in, EV_JSONL, OUT_JSONL, tag_text, no_score, &st);
	if (saved != NULL)
		setenv("CSKIT_CHECK", saved, 1);
	free(saved);
	assert_string_equal(out, "{\"role\":\"customer\",\"score\":1,"
	    "\"seen\":\"yes\",\"score\":2.5,\"ok\":true,\"mark\":[1,\"\\\"\"]}\n");
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(appends_keep_input_bytes),
		cmocka_unit_test(a_change_reserializes),
		cmocka_unit_test(bad_lines_are_kept_in_order),
		cmocka_unit_test(csv_input_is_written_as_objects),
		cmocka_unit_test(text_members_are_spliced),
		cmocka_unit_test(appended_to_events_without_wanted_fields),
		cmocka_unit_test(text_member_over_an_existing_key),
		cmocka_unit_test(text_members_in_csv),
		cmocka_unit_test(unwanted_field_fails_the_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
