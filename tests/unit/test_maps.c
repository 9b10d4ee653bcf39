/*
 * lib/nametab and lib/u64map, the two specialised maps beside hmap: each
 * checked against a plain list (the plain path) over many keys, colliding
 * ones included.
 */
#include "unit.h"

#include <stdio.h>
#include <string.h>

#include "nametab.h"
#include "u64map.h"

/*
 * An empty table, made out of sight of the compiler: gcc's -Warray-bounds
 * would otherwise follow the inline lookup into the empty table's NULL
 * list, on a path its one empty slot never takes.
 */
static void
empty_table(struct nametab *t)
{
	*t = (struct nametab)NAMETAB_INIT;
	nametab_free(t);
}

/* Names that share length, first and last byte collide in nametab_hash. */
static void
test_nametab_against_list(void **state)
{
	static char names[300][16];
	struct nametab t;

	(void)state;
	empty_table(&t);
	assert_int_equal(nametab_find(&t, "x", 1), -1);	/* empty table */
	for (int i = 0; i < 300; i++) {
		snprintf(names[i], sizeof names[i], "f%03dz", i);
		assert_int_equal(nametab_add(&t, names[i], strlen(names[i])),
		    i);
	}
	assert_int_equal(nametab_add(&t, "f007z", 5), 7);	/* once */
	assert_int_equal(t.n, 300);
	for (int i = 0; i < 300; i++)
		assert_int_equal(nametab_find(&t, names[i], 5), i);
	assert_int_equal(nametab_find(&t, "f300z", 5), -1);
	assert_int_equal(nametab_find(&t, "f00z", 4), -1);
	assert_int_equal(nametab_find(&t, "f007", 4), -1);	/* a prefix */
	/* a key that is not NUL-terminated where it ends */
	assert_int_equal(nametab_find(&t, "f042z\"", 5), 42);
	nametab_free(&t);
	assert_int_equal(t.n, 0);
}

/* The empty name is a name like any other. */
static void
test_nametab_empty_name(void **state)
{
	static char empty[8];	/* as a line's key: bytes after it */
	struct nametab t;

	(void)state;
	empty_table(&t);
	assert_int_equal(nametab_find(&t, empty, 0), -1);
	assert_int_equal(nametab_add(&t, "a", 1), 0);
	assert_int_equal(nametab_add(&t, empty, 0), 1);
	assert_int_equal(nametab_find(&t, empty, 0), 1);
	assert_int_equal(nametab_find(&t, "a", 1), 0);
	nametab_free(&t);
}

/* Keys that differ only in their high bits, and many of them. */
static void
test_u64map_against_list(void **state)
{
	struct u64map m = U64MAP_INIT;

	(void)state;
	assert_int_equal(u64map_get(&m, 42), -1);
	for (int i = 0; i < 5000; i++) {
		uint64_t key = (uint64_t)i << 40 | (uint64_t)(i % 7);
		int *v = u64map_ref(&m, key);
		assert_int_equal(*v, -1);
		*v = i;
	}
	assert_int_equal(m.used, 5000);
	for (int i = 0; i < 5000; i++)
		assert_int_equal(u64map_get(&m,
		    (uint64_t)i << 40 | (uint64_t)(i % 7)), i);
	assert_int_equal(u64map_get(&m, (uint64_t)5000 << 40), -1);
	*u64map_ref(&m, 0) = 99;		/* key 0 is the first one's */
	assert_int_equal(u64map_get(&m, 0), 99);
	assert_int_equal(m.used, 5000);
	u64map_free(&m);
	assert_int_equal(u64map_get(&m, 0), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nametab_against_list),
		cmocka_unit_test(test_nametab_empty_name),
		cmocka_unit_test(test_u64map_against_list),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
