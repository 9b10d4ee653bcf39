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
 * half full.
 *
 * A map can also be a bounded memory (the filters' per-conversation state):
 * entries are kept in a recency list (added or touched last = newest), and
 * hmap_remove forgets one.  A removed entry's number is reused by a later
 * hmap_put, its key reads NULL until then, and its key bytes are reclaimed
 * (the keys are copied together again once half of their storage is dead),
 * so such a map's memory follows the entries it holds, not the entries it
 * ever held.  Maps that never remove keep numbering 0, 1, 2… and stable key
 * pointers, as above.
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
	union {
		void	*ptr;
		uint64_t num;
	} val;
	uint32_t	 older, newer;	/* recency list (entry number + 1, 0:
					 * none); a removed entry's newer
					 * links the free list */
};

struct hmap {
	struct hmap_entry *ents;
	size_t		 n, cap;
	struct hmap_slot {
		uint32_t ent;		/* entry number + 1; 0 is empty */
		uint32_t hash;		/* low bits of its hash: the home slot,
					 * and most misses end here, without
					 * touching the entry */
	}		*slots;
	size_t		 nslots;	/* a power of two */
	char		*block;		/* key storage being filled */
	size_t		 block_used, block_cap;
	char		**blocks;	/* every block, to free */
	size_t		 nblocks;
	size_t		 live;		/* entries not removed */
	uint32_t	 oldest, newest;	/* recency list ends (no. + 1) */
	uint32_t	 free;		/* removed entries to reuse (no. + 1) */
	size_t		 key_bytes;	/* key storage in use, dead included */
	size_t		 dead_bytes;	/* of which removed keys */
};

#define HMAP_INIT { NULL, 0, 0, NULL, 0, NULL, 0, 0, NULL, 0, 0, 0, 0, 0, \
	0, 0 }

uint64_t hmap_hash(const void *key, size_t len);
/* The entry number of key, or HMAP_NONE. */
size_t	hmap_find(const struct hmap *, const void *key, size_t len);
/* The entry number of key, added (value zeroed) when absent; *added says. */
size_t	hmap_put(struct hmap *, const void *key, size_t len, int *added);
/* Entry numbers handed out: the bound for iterating with hmap_at. */
size_t	hmap_count(const struct hmap *);
/* Entries held (hmap_count less the removed ones). */
size_t	hmap_live(const struct hmap *);
/* Entry i (< hmap_count); valid until the next hmap_put or hmap_remove. */
struct hmap_entry *hmap_at(const struct hmap *, size_t i);
void	hmap_free(struct hmap *);

/* Make entry i the newest (most recently used). */
void	hmap_touch(struct hmap *, size_t i);
/* The least recently added or touched entry, or HMAP_NONE when empty. */
size_t	hmap_oldest(const struct hmap *);
/* Forget entry i: its key, value and place; other entries keep numbers. */
void	hmap_remove(struct hmap *, size_t i);
/*
 * A bounded memory: key's entry, made the newest.  When key is absent and
 * max entries are held (max 0: no bound), the oldest are removed first and
 * counted in *evicted (may be NULL); then key is added (*added says, value
 * zeroed).  The map never holds more than max entries.
 */
size_t	hmap_put_lru(struct hmap *, const void *key, size_t len, size_t max,
	    int *added, uint64_t *evicted);

#endif
