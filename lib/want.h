/*
 * want — the list of top-level fields a tool reads and sets.
 *
 * Owns: struct ev_want, the arrays of names and lengths (freed by
 * ev_want_free).  The names themselves are borrowed (a field map's, a
 * tool's literals), never copied: they must outlive the list and every
 * record read with it, because the reader's items point their keys at them.
 *
 * The JSON Lines reader builds only the wanted members of a line (a
 * partial record, see event.h), and a filter's stream loop checks that a
 * filter sets no field it did not want (filter.h): both look names up here.
 * The first EV_WANT_HASHED names are found by a small open-addressing hash
 * (length, first and last byte), because every key of every line is looked
 * up; the rest, rarely any, by a scan.
 */
#ifndef CSKIT_WANT_H
#define CSKIT_WANT_H

#include <stddef.h>
#include <string.h>

#define EV_WANT_SLOTS	128	/* a power of two, at least twice... */
#define EV_WANT_HASHED	64	/* ...the names it finds by hash */

struct ev_want {
	const char	**name;
	size_t		 *len;
	size_t		  n, cap;
	/* Each name's index + 1 at its hash (open addressing), 0 empty. */
	unsigned char	  slot[EV_WANT_SLOTS];
};

#define EV_WANT_INIT	{ NULL, NULL, 0, 0, { 0 } }

/* Add a name (once: a name already there is not added again). */
void	ev_want_add(struct ev_want *, const char *name);
void	ev_want_free(struct ev_want *);

/* Where a key of len bytes starts looking in the slots. */
static inline size_t
ev_want_hash(const char *key, size_t len)
{
	size_t h = len * 31;

	if (len > 0)
		h += (unsigned char)key[0] * 7u + (unsigned char)key[len - 1];
	return h & (EV_WANT_SLOTS - 1);
}

/* The wanted name a key of len bytes is (the list's own pointer), or NULL.
 * Inline: the reader calls it for every key of every line. */
static inline const char *
ev_want_find(const struct ev_want *w, const char *key, size_t len)
{
	for (size_t h = ev_want_hash(key, len); w->slot[h] != 0;
	    h = (h + 1) & (EV_WANT_SLOTS - 1)) {
		size_t i = w->slot[h] - 1u;
		if (w->len[i] == len && memcmp(w->name[i], key, len) == 0)
			return w->name[i];
	}
	for (size_t i = EV_WANT_HASHED; i < w->n; i++)	/* past the table */
		if (w->len[i] == len && memcmp(w->name[i], key, len) == 0)
			return w->name[i];
	return NULL;
}

#endif
