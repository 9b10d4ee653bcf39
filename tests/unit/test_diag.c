/*
 * lib/diag: messages, counting, and the exits (in forked children).
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"

static char *
slurp(FILE *fp)
{
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t n;

	rewind(fp);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	return buf_detach(&b);
}

/* Run body(d) in a child; its exit status and stderr. */
static int
in_child(void (*body)(struct diag *), int strict, char **err)
{
	FILE *ef = tmpfile();
	pid_t pid = fork();
	int st;

	assert_true(pid >= 0);
	if (pid == 0) {
		struct diag d;
		dup2(fileno(ef), 2);
		diag_init(&d, "cs-test");
		d.strict = strict;
		body(&d);
		_exit(diag_exit_status(&d) + 100);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	*err = slurp(ef);
	fclose(ef);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void
two_bad_lines(struct diag *d)
{
	diag_warn_line(d, "a.jsonl", 1, "kept as it is");
	diag_bad_line(d, "a.jsonl", 7, "invalid JSON: %s at column %d",
	    "expected ':'", 12);
	diag_bad_line(d, "<stdin>", 1207, "second");
	diag_warn(d, "%d bad lines", (int)d->bad_lines);
}

static void
usage_error(struct diag *d)
{
	diag_usage(d, "unknown format '%s'", "xml");
}

static void
fatal_error(struct diag *d)
{
	diag_fatal(d, CS_EXIT_NOINPUT, "cannot open %s", "x");
}

static void
long_message(struct diag *d)
{
	char big[3000];

	memset(big, 'm', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	diag_bad_line(d, "f", 1, "%s", big);
}

static void
test_messages_and_count(void **state)
{
	char *err;

	(void)state;
	/* Not strict: every bad line is reported and counted; 65 at the end. */
	assert_int_equal(in_child(two_bad_lines, 0, &err), 100 + 65);
	assert_string_equal(err,
	    "cs-test: a.jsonl:1: kept as it is\n"
	    "cs-test: a.jsonl:7: invalid JSON: expected ':' at column 12\n"
	    "cs-test: <stdin>:1207: second\n"
	    "cs-test: 2 bad lines\n");
	free(err);
	/* Strict: the first bad line ends the run with 65. */
	assert_int_equal(in_child(two_bad_lines, 1, &err), 65);
	assert_string_equal(err,
	    "cs-test: a.jsonl:1: kept as it is\n"
	    "cs-test: a.jsonl:7: invalid JSON: expected ':' at column 12\n"
	    "cs-test: stopping at the first bad line (--strict)\n");
	free(err);
}

static void
test_exits(void **state)
{
	char *err;

	(void)state;
	assert_int_equal(in_child(usage_error, 0, &err), 64);
	assert_string_equal(err, "cs-test: unknown format 'xml'\n"
	    "Try 'cs-test --help' for more information.\n");
	free(err);
	assert_int_equal(in_child(fatal_error, 0, &err), 66);
	assert_string_equal(err, "cs-test: cannot open x\n");
	free(err);
	/* A very long message is cut, not overflowed; still one line. */
	assert_int_equal(in_child(long_message, 0, &err), 100 + 65);
	assert_true(strlen(err) > 1000 && strlen(err) < 1100);
	assert_ptr_equal(strchr(err, '\n'), err + strlen(err) - 1);
	free(err);
}

static void
test_status(void **state)
{
	struct diag d;

	(void)state;
	diag_init(&d, "x");
	assert_int_equal(diag_exit_status(&d), 0);
	assert_int_equal(d.strict, 0);
	d.bad_lines = 3;
	assert_int_equal(diag_exit_status(&d), CS_EXIT_DATAERR);
	assert_int_equal(CS_EXIT_USAGE, 64);
	assert_int_equal(CS_EXIT_NOINPUT, 66);
	assert_int_equal(CS_EXIT_SOFTWARE, 70);
	assert_int_equal(CS_EXIT_IOERR, 74);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_messages_and_count),
		cmocka_unit_test(test_exits),
		cmocka_unit_test(test_status),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
