/*
 * lib/out: buffered, checked output.  The failure paths end the process,
 * so they run in a forked child whose exit status and stderr are checked.
 */
#include "unit.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "out.h"

static char *
slurp(int fd)
{
	struct buf b = BUF_INIT;
	char chunk[8192];
	ssize_t n;

	lseek(fd, 0, SEEK_SET);
	while ((n = read(fd, chunk, sizeof chunk)) > 0)
		buf_add(&b, chunk, (size_t)n);
	return buf_detach(&b);
}

static void
test_writes_in_order(void **state)
{
	struct diag d;
	struct out o;
	FILE *fp = tmpfile();
	struct buf b = BUF_INIT;

	(void)state;
	diag_init(&d, "test");
	out_open(&o, fileno(fp), &d);
	out_puts(&o, "a");
	out_write(&o, "bc", 2);
	/* A write larger than the block goes straight through, after what
	 * was buffered before it. */
	char *big = malloc(200000);
	memset(big, 'x', 200000);
	out_write(&o, big, 200000);
	buf_adds(&b, "yz");
	out_buf(&o, &b);
	assert_int_equal(b.len, 0);		/* moved out */
	/* Many small writes crossing block boundaries. */
	for (int i = 0; i < 30000; i++)
		out_puts(&o, "0123");
	out_close(&o);
	char *got = slurp(fileno(fp));
	assert_int_equal(strlen(got), 3 + 200000 + 2 + 120000);
	assert_memory_equal(got, "abcxxx", 6);
	assert_memory_equal(got + 3 + 200000, "yz0123", 6);
	assert_string_equal(got + strlen(got) - 4, "0123");
	free(got);
	free(big);
	buf_free(&b);
	fclose(fp);
}

/* Run body in a child with stderr to a file; returns the exit status and
 * the stderr text. */
static int
in_child(void (*body)(void), char **err)
{
	FILE *ef = tmpfile();
	pid_t pid = fork();
	int st;

	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(fileno(ef), 2);
		body();
		_exit(3);	/* body returned: not what the tests expect */
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	*err = slurp(fileno(ef));
	fclose(ef);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void
write_to_closed_pipe(void)
{
	struct diag d;
	struct out o;
	int p[2];

	if (pipe(p) != 0)
		_exit(4);
	close(p[0]);		/* the reader went away (| head) */
	diag_init(&d, "test");
	out_open(&o, p[1], &d);
	for (int i = 0; i < 100000; i++)
		out_puts(&o, "{\"line\":1}\n");
	out_close(&o);
}

static void
write_to_full_disk(void)
{
	struct diag d;
	struct out o;
	int fd = open("/dev/full", O_WRONLY);

	if (fd < 0)
		_exit(5);
	diag_init(&d, "test");
	out_open(&o, fd, &d);
	out_puts(&o, "small\n");	/* buffered: fails at close */
	out_close(&o);
}

static void
write_to_bad_fd(void)
{
	struct diag d;
	struct out o;

	diag_init(&d, "test");
	out_open(&o, 99, &d);
	out_puts(&o, "x");
	out_flush(&o);
}

static void
test_closed_pipe_is_quiet(void **state)
{
	char *err;

	(void)state;
	/* SIGPIPE ignored, EPIPE seen: status 0 and nothing said. */
	assert_int_equal(in_child(write_to_closed_pipe, &err), 0);
	assert_string_equal(err, "");
	free(err);
}

static void
test_full_disk_is_74(void **state)
{
	char *err;

	(void)state;
	if (access("/dev/full", W_OK) != 0)
		skip();
	assert_int_equal(in_child(write_to_full_disk, &err), 74);
	assert_string_equal(err, "test: write error: No space left on device\n");
	free(err);
	assert_int_equal(in_child(write_to_bad_fd, &err), 74);
	assert_string_equal(err, "test: write error: Bad file descriptor\n");
	free(err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_writes_in_order),
		cmocka_unit_test(test_closed_pipe_is_quiet),
		cmocka_unit_test(test_full_disk_is_74),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
