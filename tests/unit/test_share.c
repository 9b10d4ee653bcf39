/*
 * lib/share: finding share/cskit — $CSKIT_SHARE first, then beside the
 * binary (this test runs from O/tests/, so ../../share/cskit is the source
 * tree's), then PREFIX.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "share.h"

static void
test_env_first(void **state)
{
	char dir[] = "/tmp/cskit-share-XXXXXX";
	struct buf path = BUF_INIT, f = BUF_INIT;

	(void)state;
	assert_non_null(mkdtemp(dir));
	buf_printf(&f, "%s/lexicon", dir);
	assert_int_equal(mkdir(f.data, 0755), 0);
	setenv("CSKIT_SHARE", dir, 1);
	assert_int_equal(share_path("lexicon", &path), 0);
	assert_string_equal(path.data, f.data);
	/* Set but without the file: not found, and no fallback (the user
	 * chose that directory). */
	assert_int_equal(share_path("templates", &path), -1);
	/* The directory itself. */
	assert_int_equal(share_path("", &path), 0);
	assert_string_equal(path.data, dir);
	rmdir(f.data);
	rmdir(dir);
	unsetenv("CSKIT_SHARE");
	buf_free(&path);
	buf_free(&f);
}

static void
test_beside_binary(void **state)
{
	struct buf path = BUF_INIT;
	struct stat st;

	(void)state;
	unsetenv("CSKIT_SHARE");
	setenv("CSKIT_SHARE", "", 1);		/* empty counts as unset */
	/* O/tests/test_share → ../../share/cskit is the source tree's; a
	 * build further down (O=build/san) has none beside it. */
	if (share_path("templates", &path) != 0) {
		buf_free(&path);
		skip();
	}
	assert_non_null(strstr(path.data, "/share/cskit/templates"));
	assert_int_equal(stat(path.data, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(share_path("no-such-thing", &path), -1);
	buf_free(&path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_env_first),
		cmocka_unit_test(test_beside_binary),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
