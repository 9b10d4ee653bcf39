/*
 * hmap — a hash map from byte-string keys to values, in insertion order.
 *
 * Owns: copies of the keys (in blocks growing to 64 KiB, not one allocation
 * a key), the entry array and the slot table, all starting small so that a
 * report can keep one map per group.  Values are the caller's: a pointer or
 * a number, never freed here.  Entries are numbered 0, 1, 2… in the order they
 * were added, and iteration goes by that number, so anything built from a
 * map is deterministic (never hash order).  The number doubles as a dense id
 * for interning strings.  Open addressing with linear probing, kept at most
 * half full; no deletion (the tools accumulate until the end of the stream).
 */
#ifndef CSKIT_HMAP_H
#define CSKIT_HMAP_H

#include <stddef.h>
#include <stdint.h>

#define HMAP_NONE	SIZE_MAX

struct hmap_entry {
	const char	*key;		/* NUL-terminated copy (may hold NULs),
					 * 8-byte aligned */
	size_t		 len;
	uint64_t	 hash;
	union {
		void	*ptr;
		uint64_t num;
	} val;
};

struct hmap {
	struct hmap_entry *ents;
	size_t		 n, cap;
	struct hmap_slot {
		uint32_t ent;		/* entry number + 1; 0 is empty */
		uint32_t hash;		/* high bits of its hash: most misses
					 * end here, without touching the entry */
	}		*slots;
	size_t		 nslots;	/* a power of two */
	char		*block;		/* key storage being filled */
	size_t		 block_used, block_cap;
	char		**blocks;	/* every block, to free */
	size_t		 nblocks;
};

#define HMAP_INIT { NULL, 0, 0, NULL, 0, NULL, 0, 0, NULL, 0 }

uint64_t hmap_hash(const void *key, size_t len);
/* The entry number of key, or HMAP_NONE. */
size_t	hmap_find(const struct hmap *, const void *key, size_t len);
/* The entry number of key, added (value zeroed) when absent; *added says. */
size_t	hmap_put(struct hmap *, const void *key, size_t len, int *added);
size_t	hmap_count(const struct hmap *);
/* Entry i (< hmap_count); valid until the next hmap_put. */
struct hmap_entry *hmap_at(const struct hmap *, size_t i);
void	hmap_free(struct hmap *);

#endif
