#include <stdlib.h>

#include "buf.h"
#include "nametab.h"

const uint32_t nametab_no_slots[1];

static void
put_slot(struct nametab *t, size_t i)
{
	size_t at = nametab_hash(t->name[i], t->len[i]) & t->mask;

	while (t->slot[at] != 0)
		at = (at + 1) & t->mask;
	t->slot[at] = (uint32_t)(i + 1);
}

static void
grow_slots(struct nametab *t)
{
	size_t size = t->mask ? (t->mask + 1) * 2 : 64;

	if (t->slot != nametab_no_slots)
		free(t->slot);
	t->slot = xcalloc(size, sizeof *t->slot);
	t->mask = size - 1;
	for (size_t i = 0; i < t->n; i++)
		put_slot(t, i);
}

size_t
nametab_add(struct nametab *t, const char *name, size_t len)
{
	long found = nametab_find(t, name, len);

	if (found >= 0)
		return (size_t)found;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->name = xrealloc(t->name, sizeof *t->name * t->cap);
		t->len = xrealloc(t->len, sizeof *t->len * t->cap);
	}
	t->name[t->n] = name;
	t->len[t->n] = len;
	t->n++;
	if (4 * t->n > t->mask + 1)
		grow_slots(t);
	else
		put_slot(t, t->n - 1);
	return t->n - 1;
}

void
nametab_free(struct nametab *t)
{
	free(t->name);
	free(t->len);
	if (t->slot != nametab_no_slots)
		free(t->slot);
	*t = (struct nametab)NAMETAB_INIT;
}
