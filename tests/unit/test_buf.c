/*
 * lib/buf: the growable buffer and the allocation helpers.
 */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

static void
test_empty(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	assert_null(b.data);
	assert_string_equal(buf_str(&b), "");
	buf_reset(&b);			/* reset of a never-used buf is fine */
	assert_int_equal(b.len, 0);
	char *p = buf_detach(&b);	/* always a heap string */
	assert_string_equal(p, "");
	free(p);
	buf_free(&b);
}

static void
test_add_and_terminate(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	buf_add(&b, "abc", 3);
	assert_int_equal(b.len, 3);
	assert_int_equal(b.data[3], '\0');
	buf_addc(&b, 'd');
	buf_adds(&b, "ef");
	assert_string_equal(b.data, "abcdef");
	assert_int_equal(b.len, 6);
	assert_true(b.cap > b.len);
	buf_add(&b, "", 0);
	assert_int_equal(b.len, 6);
	/* Bytes with a NUL inside are kept whole; len says where they end. */
	buf_add(&b, "g\0h", 3);
	assert_int_equal(b.len, 9);
	assert_memory_equal(b.data + 6, "g\0h", 3);
	assert_int_equal(b.data[9], '\0');
	buf_free(&b);
	assert_null(b.data);
	assert_int_equal(b.cap, 0);
}

static void
test_grow_large(void **state)
{
	struct buf b = BUF_INIT;
	char chunk[1000];

	(void)state;
	memset(chunk, 'x', sizeof chunk);
	for (int i = 0; i < 5000; i++)
		buf_add(&b, chunk, sizeof chunk);
	assert_int_equal(b.len, 5000000);
	assert_true(b.cap >= b.len + 1);
	assert_int_equal(b.data[b.len], '\0');
	assert_int_equal(b.data[4999999], 'x');
	buf_free(&b);
}

static void
test_grow_reserves(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	buf_grow(&b, 100);
	assert_true(b.cap >= 101);	/* room for the NUL too */
	assert_int_equal(b.len, 0);
	size_t cap = b.cap;
	buf_grow(&b, 10);		/* already room: no change */
	assert_int_equal(b.cap, cap);
	buf_free(&b);
}

static void
test_printf(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	buf_printf(&b, "%d-%s", 42, "x");
	buf_printf(&b, "|%05.1f", 3.14159);
	assert_string_equal(b.data, "42-x|003.1");
	assert_int_equal(b.len, strlen("42-x|003.1"));
	buf_reset(&b);
	/* Longer than the first allocation: the second vsnprintf must fit. */
	char big[300];
	memset(big, 'y', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	buf_printf(&b, "<%s>", big);
	assert_int_equal(b.len, 301);
	assert_int_equal(b.data[0], '<');
	assert_int_equal(b.data[300], '>');
	assert_int_equal(b.data[301], '\0');
	buf_printf(&b, "%s", "");
	assert_int_equal(b.len, 301);
	buf_free(&b);
}

static void
test_reset_keeps_allocation(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	buf_adds(&b, "hello world");
	char *p = b.data;
	size_t cap = b.cap;
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_ptr_equal(b.data, p);
	assert_int_equal(b.cap, cap);
	assert_string_equal(buf_str(&b), "");
	buf_adds(&b, "hi");
	assert_string_equal(b.data, "hi");
	buf_free(&b);
}

static void
test_detach(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	buf_adds(&b, "owned");
	char *p = buf_detach(&b);
	assert_string_equal(p, "owned");
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	buf_adds(&b, "again");		/* usable after detach */
	assert_string_equal(b.data, "again");
	free(p);
	buf_free(&b);
}

static void
test_xalloc(void **state)
{
	(void)state;
	char *s = xstrdup("abc");
	assert_string_equal(s, "abc");
	free(s);
	s = xstrndup("abcdef", 2);
	assert_string_equal(s, "ab");
	free(s);
	s = xstrndup("a\0b", 3);	/* copies n bytes, NUL and all */
	assert_memory_equal(s, "a\0b", 4);
	free(s);
	void *p = xmalloc(0);		/* never NULL, even for 0 */
	assert_non_null(p);
	free(p);
	int *z = xcalloc(8, sizeof *z);
	for (int i = 0; i < 8; i++)
		assert_int_equal(z[i], 0);
	z = xrealloc(z, 0);
	assert_non_null(z);
	free(z);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_add_and_terminate),
		cmocka_unit_test(test_grow_large),
		cmocka_unit_test(test_grow_reserves),
		cmocka_unit_test(test_printf),
		cmocka_unit_test(test_reset_keeps_allocation),
		cmocka_unit_test(test_detach),
		cmocka_unit_test(test_xalloc),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
