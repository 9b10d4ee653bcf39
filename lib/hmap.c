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
		if (m->slots[i].hash != (uint32_t)(h >> 32))
			continue;
		const struct hmap_entry *e = &m->ents[s - 1];
		if (e->hash == h && e->len == len &&
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

static void
rehash(struct hmap *m)
{
	size_t n = m->nslots ? m->nslots * 2 : 8;

	free(m->slots);
	m->slots = xcalloc(n, sizeof *m->slots);
	m->nslots = n;
	for (size_t i = 0; i < m->n; i++) {
		uint64_t h = m->ents[i].hash;
		size_t j = (size_t)h & (n - 1);
		while (m->slots[j].ent != 0)
			j = (j + 1) & (n - 1);
		m->slots[j] = (struct hmap_slot){ (uint32_t)(i + 1),
		    (uint32_t)(h >> 32) };
	}
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
	return p;
}

size_t
hmap_put(struct hmap *m, const void *key, size_t len, int *added)
{
	uint64_t h = hmap_hash(key, len);
	size_t slot, i;

	if ((m->n + 1) * 2 > m->nslots)
		rehash(m);
	i = probe(m, key, len, h, &slot);
	if (added != NULL)
		*added = i == HMAP_NONE;
	if (i != HMAP_NONE)
		return i;
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 4;
		m->ents = xrealloc(m->ents, sizeof *m->ents * m->cap);
	}
	i = m->n++;
	m->ents[i] = (struct hmap_entry){ store_key(m, key, len), len, h,
	    { NULL } };
	m->ents[i].val.num = 0;
	m->slots[slot] = (struct hmap_slot){ (uint32_t)(i + 1),
	    (uint32_t)(h >> 32) };
	return i;
}

size_t
hmap_count(const struct hmap *m)
{
	return m->n;
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
