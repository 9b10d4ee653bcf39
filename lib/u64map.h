/*
 * u64map — a hash map from 64-bit keys (hashes of words, of n-grams) to an
 * int, for the classifier's lookups by a key already hashed.
 *
 * Owns: its key and value arrays (freed by u64map_free).  Open addressing
 * with linear probing, kept at most half full.  A value is an int the
 * caller gives meaning to (a list head, a bit set); -1 reads as absent.
 *
 * Why not hmap: these keys are hashes already, eight bytes each, looked up
 * for every token of every message (three probes a token in the lexicon);
 * hmap would hash them again and compare them as byte strings.
 */
#ifndef CSKIT_U64MAP_H
#define CSKIT_U64MAP_H

#include <stddef.h>
#include <stdint.h>

struct u64map {
	uint64_t	*key;
	int		*val;		/* -1: an empty slot */
	size_t		 mask;		/* slots - 1 */
	size_t		 used;
};

#define U64MAP_INIT	{ NULL, NULL, 0, 0 }

/* The slot of key: its own, or the empty one where it would go. */
static inline size_t
u64map_slot(const struct u64map *m, uint64_t key)
{
	size_t i = (size_t)(key ^ (key >> 29)) & m->mask;

	while (m->val[i] >= 0 && m->key[i] != key)
		i = (i + 1) & m->mask;
	return i;
}

/* The value of key, or -1. */
static inline int
u64map_get(const struct u64map *m, uint64_t key)
{
	return m->key == NULL ? -1 : m->val[u64map_slot(m, key)];
}

/* Where key's value is kept, set to -1 when key was absent (the caller
 * stores a value of 0 or more there); valid until the next u64map_ref. */
int	*u64map_ref(struct u64map *, uint64_t key);
void	 u64map_free(struct u64map *);

#endif
