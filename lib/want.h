/*
 * want — the list of top-level fields a tool reads and sets.
 *
 * Owns: its name index (nametab.h), freed by ev_want_free.  The names
 * themselves are borrowed (a field map's, a tool's literals), never copied:
 * they must outlive the list and every record read with it, because the
 * reader's items point their keys at them.
 *
 * The JSON Lines reader builds only the wanted members of a line (a
 * partial record, see event.h), and a filter's stream loop checks that a
 * filter sets no field it did not want (filter.h): both look names up here,
 * the reader for every key of every line.
 */
#ifndef CSKIT_WANT_H
#define CSKIT_WANT_H

#include <stddef.h>
#include <string.h>

#include "nametab.h"

struct ev_want {
	struct nametab	 names;
};

#define EV_WANT_INIT	{ NAMETAB_INIT }

/* Add a name (once: a name already there is not added again). */
void	ev_want_add(struct ev_want *, const char *name);
void	ev_want_free(struct ev_want *);
/* How many names. */
static inline size_t
ev_want_count(const struct ev_want *w)
{
	return w->names.n;
}

/* The wanted name a key of len bytes is (the list's own pointer), or NULL. */
static inline const char *
ev_want_find(const struct ev_want *w, const char *key, size_t len)
{
	long i = nametab_find(&w->names, key, len);

	return i < 0 ? NULL : w->names.name[i];
}

#endif
