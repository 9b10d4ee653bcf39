#include "unit.h"

#include <stdio.h>
#include <string.h>

#include "hmap.h"

static size_t
put(struct hmap *m, const char *key, size_t max, int *added, uint64_t *ev)
{
	return hmap_put_lru(m, key, strlen(key), max, added, ev);
}

static int
has(const struct hmap *m, const char *key)
{
	return hmap_find(m, key, strlen(key)) != HMAP_NONE;
}

/* The least recently used conversation goes, and only it. */
static void
test_lru_order(void **state)
{
	struct hmap m = HMAP_INIT;
	uint64_t evicted = 0;
	int added;

	(void)state;
	assert_int_equal(hmap_oldest(&m), HMAP_NONE);
	hmap_at(&m, put(&m, "a", 3, &added, &evicted))->val.num = 1;
	hmap_at(&m, put(&m, "b", 3, &added, &evicted))->val.num = 2;
	hmap_at(&m, put(&m, "c", 3, &added, &evicted))->val.num = 3;
	assert_int_equal(evicted, 0);
	assert_int_equal(hmap_live(&m), 3);
	/* "a" seen again: now "b" is the oldest. */
	put(&m, "a", 3, &added, &evicted);
	assert_false(added);
	put(&m, "d", 3, &added, &evicted);
	assert_true(added);
	assert_int_equal(evicted, 1);
	assert_false(has(&m, "b"));
	assert_true(has(&m, "a") && has(&m, "c") && has(&m, "d"));
	assert_int_equal(hmap_at(&m, hmap_find(&m, "a", 1))->val.num, 1);
	assert_int_equal(hmap_live(&m), 3);
	assert_string_equal(hmap_at(&m, hmap_oldest(&m))->key, "c");

	/* "b" comes back as new: added, value zeroed, "c" goes. */
	size_t i = put(&m, "b", 3, &added, &evicted);
	assert_true(added);
	assert_int_equal(hmap_at(&m, i)->val.num, 0);
	assert_int_equal(evicted, 2);
	assert_false(has(&m, "c"));
	assert_int_equal(hmap_live(&m), 3);
	/* Numbers are reused, never more than the bound handed out. */
	assert_true(hmap_count(&m) <= 3);
	hmap_free(&m);
}

/* A bound of one keeps the key just put. */
static void
test_bound_one(void **state)
{
	struct hmap m = HMAP_INIT;
	uint64_t evicted = 0;
	int added;

	(void)state;
	for (int r = 0; r < 3; r++) {
		put(&m, "x", 1, &added, &evicted);
		put(&m, "y", 1, &added, &evicted);
	}
	assert_int_equal(evicted, 5);
	assert_int_equal(hmap_live(&m), 1);
	assert_true(has(&m, "y"));
	assert_false(has(&m, "x"));
	hmap_free(&m);
}

/*
 * Against a plain model (an array in recency order) over many random
 * operations: same keys held, same values, bound never exceeded, every
 * held key still found after thousands of removals (the slot shifting)
 * and key copies intact after the storage was compacted.
 */
#define NKEYS	300

/* Long keys of varying length, so that blocks fill and get compacted. */
static void
keyname(char *key, size_t size, int k)
{
	snprintf(key, size, "conversation-%d-%.*s", k, k % 40,
	    "........................................");
}

#define MAXN	37

static void
test_against_model(void **state)
{
	struct hmap m = HMAP_INIT;
	int model[MAXN], nmodel = 0;	/* key numbers, oldest first */
	uint64_t vals[NKEYS] = { 0 }, evicted = 0, want_evicted = 0;
	uint64_t seed = 42;
	char key[64];
	int added;

	(void)state;
	for (int step = 0; step < 60000; step++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		int k = (int)((seed >> 33) % NKEYS), pos = -1;
		keyname(key, sizeof key, k);
		for (int j = 0; j < nmodel; j++)
			if (model[j] == k)
				pos = j;
		if ((seed >> 20) % 4 == 0) {	/* a lookup only */
			size_t i = hmap_find(&m, key, strlen(key));
			assert_int_equal(i != HMAP_NONE, pos >= 0);
			if (i != HMAP_NONE)
				assert_int_equal(hmap_at(&m, i)->val.num,
				    vals[k]);
			continue;
		}
		if (pos >= 0) {
			memmove(&model[pos], &model[pos + 1],
			    (size_t)(nmodel - pos - 1) * sizeof *model);
			nmodel--;
		} else if (nmodel == MAXN) {
			vals[model[0]] = 0;
			memmove(&model[0], &model[1], (size_t)(nmodel - 1) *
			    sizeof *model);
			nmodel--;
			want_evicted++;
		}
		model[nmodel++] = k;
		size_t i = put(&m, key, MAXN, &added, &evicted);
		assert_int_equal(added, pos < 0);
		assert_int_equal(hmap_at(&m, i)->val.num, pos < 0 ? 0 :
		    vals[k]);
		hmap_at(&m, i)->val.num = vals[k] = (uint64_t)step + 1;
		assert_int_equal(evicted, want_evicted);
		assert_int_equal(hmap_live(&m), (size_t)nmodel);
		assert_true(hmap_count(&m) <= MAXN);
		keyname(key, sizeof key, model[0]);
		assert_string_equal(hmap_at(&m, hmap_oldest(&m))->key, key);
	}
	/* Every held key, read back by its stored copy, in recency order. */
	size_t i = hmap_oldest(&m);
	for (int j = 0; j < nmodel; j++) {
		const struct hmap_entry *e = hmap_at(&m, i);
		keyname(key, sizeof key, model[j]);
		assert_string_equal(e->key, key);
		assert_int_equal(e->val.num, vals[model[j]]);
		i = e->newer != 0 ? e->newer - 1 : HMAP_NONE;
	}
	assert_int_equal(i, HMAP_NONE);
	assert_true(want_evicted > 1000);
	hmap_free(&m);
}

/* A map that never removes keeps its numbering and plain put. */
static void
test_remove_then_put(void **state)
{
	struct hmap m = HMAP_INIT;
	int added;

	(void)state;
	for (int i = 0; i < 10; i++) {
		char k[16];
		snprintf(k, sizeof k, "k%d", i);
		assert_int_equal(hmap_put(&m, k, strlen(k), &added), i);
	}
	hmap_remove(&m, 3);
	assert_null(hmap_at(&m, 3)->key);
	assert_int_equal(hmap_live(&m), 9);
	assert_int_equal(hmap_count(&m), 10);
	assert_int_equal(hmap_find(&m, "k3", 2), HMAP_NONE);
	for (int i = 0; i < 10; i++) {
		char k[16];
		snprintf(k, sizeof k, "k%d", i);
		if (i != 3)
			assert_int_equal(hmap_find(&m, k, strlen(k)), i);
	}
	/* The freed number comes back first. */
	assert_int_equal(hmap_put(&m, "new", 3, &added), 3);
	assert_true(added);
	assert_int_equal(hmap_at(&m, 3)->val.num, 0);
	assert_int_equal(hmap_oldest(&m), 0);
	hmap_free(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lru_order),
		cmocka_unit_test(test_bound_one),
		cmocka_unit_test(test_against_model),
		cmocka_unit_test(test_remove_then_put),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
