/*
 * lib/buyername: the buyer's name as a language's rule addresses her, and
 * an honorific written onto a name in another script.
 */
#include "unit.h"

#include <string.h>

#include "buf.h"
#include "buyername.h"

/* The address of raw by pattern, as a string owned by the caller's buf. */
static const char *
address(struct buf *name, const char *raw, const char *pattern,
    const char *honorifics)
{
	struct buf given = BUF_INIT;
	int rc = buyername_address(raw, pattern, honorifics, 0, name, &given);

	buf_free(&given);
	return rc == 0 ? buf_str(name) : NULL;
}

static void
test_same_script_glued(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	/* คุณ + a Thai name: Thai writes them together. */
	assert_string_equal(address(&b, "\xe0\xb8\x9b\xe0\xb8\xb4\xe0\xb8\xa2"
	    "\xe0\xb8\xb0\xe0\xb8\x94\xe0\xb8\xb2 X",
	    "\xe0\xb8\x84\xe0\xb8\xb8\xe0\xb8\x93{first}", NULL),
	    "\xe0\xb8\x84\xe0\xb8\xb8\xe0\xb8\x93\xe0\xb8\x9b\xe0\xb8\xb4"
	    "\xe0\xb8\xa2\xe0\xb8\xb0\xe0\xb8\x94\xe0\xb8\xb2");
	/* A Latin pattern with its own blank is left alone. */
	assert_string_equal(address(&b, "Dewi Lestari", "Kak {first}", NULL),
	    "Kak Dewi");
	buf_free(&b);
}

static void
test_other_script_apart(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	/* คุณ + Maria, คุณ + Анна: a space between the scripts. */
	assert_string_equal(address(&b, "Maria Santos",
	    "\xe0\xb8\x84\xe0\xb8\xb8\xe0\xb8\x93{first}", NULL),
	    "\xe0\xb8\x84\xe0\xb8\xb8\xe0\xb8\x93 Maria");
	assert_string_equal(address(&b, "\xd0\x90\xd0\xbd\xd0\xbd\xd0\xb0",
	    "\xe0\xb8\x84\xe0\xb8\xb8\xe0\xb8\x93{first}", NULL),
	    "\xe0\xb8\x84\xe0\xb8\xb8\xe0\xb8\x93 \xd0\x90\xd0\xbd\xd0\xbd"
	    "\xd0\xb0");
	/* After the name too: a Latin word onto a Thai name. */
	assert_string_equal(address(&b, "\xe0\xb8\x9b\xe0\xb8\xb4",
	    "{first}san", NULL), "\xe0\xb8\x9b\xe0\xb8\xb4 san");
	buf_free(&b);
}

static void
test_unspaced_scripts_keep_on(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	/* Japanese 様 stays on a Latin name; on a kanji name too. */
	assert_string_equal(address(&b, "Felix Meyer", "{family}\xe6\xa7\x98",
	    NULL), "Felix Meyer\xe6\xa7\x98");
	assert_string_equal(address(&b, "\xe7\x94\xb0\xe4\xb8\xad \xe5\xa4\xaa"
	    "\xe9\x83\x8e", "{family}\xe6\xa7\x98", NULL),
	    "\xe7\x94\xb0\xe4\xb8\xad\xe6\xa7\x98");
	/* Punctuation and digits are no script: no space is added. */
	assert_string_equal(address(&b, "Anna Berg", "({first})", NULL),
	    "(Anna)");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_script_glued),
		cmocka_unit_test(test_other_script_apart),
		cmocka_unit_test(test_unspaced_scripts_keep_on),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
