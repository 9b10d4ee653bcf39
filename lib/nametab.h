/*
 * nametab — a small index of names (field names, template names) to their
 * numbers 0, 1, 2… in the order they were added, for lookups on the hot
 * path of every line.
 *
 * Owns: the arrays of the list and the slot table (freed by nametab_free).
 * The names are borrowed, never copied: they must outlive the table (a
 * tool's literals, a field map's strings, an hmap's interned keys).
 *
 * Why not hmap: hmap hashes every byte of a key (FNV-1a) and compares
 * through its entries; the names looked up here are few (tens) and differ
 * in their length and first and last bytes, so a hash of those three
 * and a slot array of entry numbers find them in a few instructions.  The
 * reader looks every key of every line up here (want.h), and cs-reply every
 * field of every event: replacing the general map by this one took cs-kpi
 * from 883 to 812 million instructions on 100,000 events (commit 139e9a1).
 */
#ifndef CSKIT_NAMETAB_H
#define CSKIT_NAMETAB_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct nametab {
	const char	**name;		/* in the order added */
	size_t		 *len;
	size_t		  n, cap;
	uint32_t	 *slot;		/* number + 1 at its hash, 0 empty */
	size_t		  mask;		/* slots - 1; the table stays at most
					 * a quarter full */
};

/* An empty table's slots: one, empty, so a lookup needs no test for it. */
extern const uint32_t nametab_no_slots[1];

#define NAMETAB_INIT	{ NULL, NULL, 0, 0, (uint32_t *)nametab_no_slots, 0 }

/* The number of the name (added when new; a name is added once). */
size_t	nametab_add(struct nametab *, const char *name, size_t len);
void	nametab_free(struct nametab *);

static inline size_t
nametab_hash(const char *s, size_t len)
{
	size_t h = len * 31;

	if (len > 0)
		h += (unsigned char)s[0] * 7u + (unsigned char)s[len - 1];
	return h;
}

/* The number of a name of len bytes, or -1.  Inline: see above. */
static inline long
nametab_find(const struct nametab *t, const char *s, size_t len)
{
	for (size_t at = nametab_hash(s, len) & t->mask; t->slot[at] != 0;
	    at = (at + 1) & t->mask) {
		size_t i = t->slot[at] - 1u;
		if (t->len[i] == len && memcmp(t->name[i], s, len) == 0)
			return (long)i;
	}
	return -1;
}

#endif
