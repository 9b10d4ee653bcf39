#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "want.h"

void
ev_want_add(struct ev_want *w, const char *name)
{
	size_t len = strlen(name);

	if (ev_want_find(w, name, len) != NULL)
		return;
	if (w->n == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 16;
		w->name = xrealloc(w->name, sizeof *w->name * w->cap);
		w->len = xrealloc(w->len, sizeof *w->len * w->cap);
	}
	w->name[w->n] = name;
	w->len[w->n] = len;
	if (w->n < EV_WANT_HASHED) {
		size_t h = ev_want_hash(name, len);
		while (w->slot[h] != 0)
			h = (h + 1) & (EV_WANT_SLOTS - 1);
		w->slot[h] = (unsigned char)(w->n + 1);
	}
	w->n++;
}

void
ev_want_free(struct ev_want *w)
{
	free(w->name);
	free(w->len);
	*w = (struct ev_want)EV_WANT_INIT;
}
