#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "hash.h"
#include "hmap.h"

#define HMAP_BLOCK	(64u << 10)

/* FNV-1a, then a final mix so that the low bits (the slot) depend on all. */
uint64_t
hmap_hash(const void *key, size_t len)
{
	uint64_t h = hash_fnv1a64(key, len);

	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

static size_t
probe(const struct hmap *m, const void *key, size_t len, uint64_t h,
    size_t *slot)
{
	size_t mask = m->nslots - 1;

	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		uint32_t s = m->slots[i].ent;
		if (s == 0) {
			*slot = i;
			return HMAP_NONE;
		}
		if (m->slots[i].hash != (uint32_t)h)
			continue;
		const struct hmap_entry *e = &m->ents[s - 1];
		if (e->len == len &&
		    memcmp(e->key, key, len) == 0) {
			*slot = i;
			return s - 1;
		}
	}
}

size_t
hmap_find(const struct hmap *m, const void *key, size_t len)
{
	size_t slot;

	if (m->n == 0)
		return HMAP_NONE;
	return probe(m, key, len, hmap_hash(key, len), &slot);
}

/*
 * Twice the slots.  The old table goes first, so that peak memory is the
 * new table alone; the homes come from the keys again (entries keep no
 * hash, to stay 32 bytes).
 */
static void
rehash(struct hmap *m)
{
	size_t n = m->nslots ? m->nslots * 2 : 8;

	free(m->slots);
	m->slots = xcalloc(n, sizeof *m->slots);
	m->nslots = n;
	for (size_t i = 0; i < m->n; i++) {
		const struct hmap_entry *e = &m->ents[i];
		if (e->key == NULL)
			continue;	/* removed */
		uint32_t h = (uint32_t)hmap_hash(e->key, e->len);
		size_t j = h & (n - 1);
		while (m->slots[j].ent != 0)
			j = (j + 1) & (n - 1);
		m->slots[j] = (struct hmap_slot){ (uint32_t)(i + 1), h };
	}
}

/* The bytes a key takes in a block: itself, its NUL, alignment. */
static size_t
key_size(size_t len)
{
	return (len + 1 + 7) & ~(size_t)7;
}

/* A stable copy of the key: blocks are never moved, only added. */
static const char *
store_key(struct hmap *m, const void *key, size_t len)
{
	/* Aligned, so that a key of binary numbers can be read in place. */
	m->block_used = (m->block_used + 7) & ~(size_t)7;
	if (m->block == NULL || m->block_used > m->block_cap ||
	    m->block_cap - m->block_used < len + 1) {
		/* Blocks double from small up to HMAP_BLOCK, so the many
		 * small maps of a report (one per group) stay small. */
		size_t cap = m->block_cap ? m->block_cap * 2 : 128;
		if (cap > HMAP_BLOCK)
			cap = HMAP_BLOCK;
		if (cap < len + 1)
			cap = len + 1;
		m->blocks = xrealloc(m->blocks, sizeof *m->blocks *
		    (m->nblocks + 1));
		m->block = m->blocks[m->nblocks++] = xmalloc(cap);
		m->block_cap = cap;
		m->block_used = 0;
	}
	char *p = m->block + m->block_used;
	if (len > 0)
		memcpy(p, key, len);
	p[len] = '\0';
	m->block_used += len + 1;
	m->key_bytes += key_size(len);
	return p;
}

/* Entry i goes to the newest end of the recency list. */
static void
link_newest(struct hmap *m, size_t i)
{
	struct hmap_entry *e = &m->ents[i];

	e->older = m->newest;
	e->newer = 0;
	if (m->newest != 0)
		m->ents[m->newest - 1].newer = (uint32_t)(i + 1);
	else
		m->oldest = (uint32_t)(i + 1);
	m->newest = (uint32_t)(i + 1);
}

static void
unlink_entry(struct hmap *m, size_t i)
{
	struct hmap_entry *e = &m->ents[i];

	if (e->older != 0)
		m->ents[e->older - 1].newer = e->newer;
	else
		m->oldest = e->newer;
	if (e->newer != 0)
		m->ents[e->newer - 1].older = e->older;
	else
		m->newest = e->older;
	e->older = e->newer = 0;
}

size_t
hmap_put(struct hmap *m, const void *key, size_t len, int *added)
{
	uint64_t h = hmap_hash(key, len);
	size_t slot, i;

	if ((m->live + 1) * 2 > m->nslots)
		rehash(m);
	i = probe(m, key, len, h, &slot);
	if (added != NULL)
		*added = i == HMAP_NONE;
	if (i != HMAP_NONE)
		return i;
	if (m->free != 0) {		/* reuse a removed entry's number */
		i = m->free - 1;
		m->free = m->ents[i].newer;
	} else {
		if (m->n == m->cap) {
			m->cap = m->cap ? m->cap * 2 : 4;
			m->ents = xrealloc(m->ents, sizeof *m->ents * m->cap);
		}
		i = m->n++;
	}
	m->ents[i] = (struct hmap_entry){ store_key(m, key, len), len,
	    { NULL }, 0, 0 };
	m->ents[i].val.num = 0;
	m->slots[slot] = (struct hmap_slot){ (uint32_t)(i + 1), (uint32_t)h };
	link_newest(m, i);
	m->live++;
	return i;
}

void
hmap_touch(struct hmap *m, size_t i)
{
	if (m->newest == i + 1)
		return;
	unlink_entry(m, i);
	link_newest(m, i);
}

size_t
hmap_oldest(const struct hmap *m)
{
	return m->oldest != 0 ? (size_t)m->oldest - 1 : HMAP_NONE;
}

/*
 * Linear probing without tombstones: after emptying a slot, later slots of
 * the same run move back into it when their home slot does not lie in the
 * gap between, so every key stays reachable from its home.
 */
static void
remove_slot(struct hmap *m, size_t i)
{
	size_t mask = m->nslots - 1, hole, j, home;

	hole = (size_t)hmap_hash(m->ents[i].key, m->ents[i].len) & mask;
	while (m->slots[hole].ent != i + 1)
		hole = (hole + 1) & mask;
	for (j = (hole + 1) & mask; m->slots[j].ent != 0; j = (j + 1) & mask) {
		home = m->slots[j].hash & mask;
		/* Does home lie cyclically in (hole, j]?  Then j stays. */
		if (hole <= j ? (hole < home && home <= j) :
		    (hole < home || home <= j))
			continue;
		m->slots[hole] = m->slots[j];
		hole = j;
	}
	m->slots[hole] = (struct hmap_slot){ 0, 0 };
}

/* Copy the live keys into fresh blocks and let the old ones go. */
static void
compact_keys(struct hmap *m)
{
	char **old = m->blocks;
	size_t nold = m->nblocks;

	m->blocks = NULL;
	m->nblocks = 0;
	m->block = NULL;
	m->block_used = m->block_cap = 0;
	m->key_bytes = m->dead_bytes = 0;
	for (size_t i = 0; i < m->n; i++)
		if (m->ents[i].key != NULL)
			m->ents[i].key = store_key(m, m->ents[i].key,
			    m->ents[i].len);
	for (size_t i = 0; i < nold; i++)
		free(old[i]);
	free(old);
}

void
hmap_remove(struct hmap *m, size_t i)
{
	struct hmap_entry *e = &m->ents[i];

	remove_slot(m, i);
	unlink_entry(m, i);
	m->dead_bytes += key_size(e->len);
	e->key = NULL;
	e->len = 0;
	e->val.num = 0;
	e->newer = m->free;
	m->free = (uint32_t)(i + 1);
	m->live--;
	/* Half dead: copying the rest costs no more than what was added. */
	if (m->dead_bytes * 2 > m->key_bytes)
		compact_keys(m);
}

size_t
hmap_put_lru(struct hmap *m, const void *key, size_t len, size_t max,
    int *added, uint64_t *evicted)
{
	size_t i = hmap_find(m, key, len);

	if (added != NULL)
		*added = i == HMAP_NONE;
	if (i == HMAP_NONE) {
		/* Room first, so the map never holds more than max. */
		while (max > 0 && m->live >= max) {
			hmap_remove(m, hmap_oldest(m));
			if (evicted != NULL)
				(*evicted)++;
		}
		i = hmap_put(m, key, len, NULL);
	}
	hmap_touch(m, i);
	return i;
}

size_t
hmap_count(const struct hmap *m)
{
	return m->n;
}

size_t
hmap_live(const struct hmap *m)
{
	return m->live;
}

struct hmap_entry *
hmap_at(const struct hmap *m, size_t i)
{
	return &m->ents[i];
}

void
hmap_free(struct hmap *m)
{
	for (size_t i = 0; i < m->nblocks; i++)
		free(m->blocks[i]);
	free(m->blocks);
	free(m->ents);
	free(m->slots);
	*m = (struct hmap)HMAP_INIT;
}
