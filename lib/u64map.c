#include <stdlib.h>

#include "buf.h"
#include "u64map.h"

static void
grow(struct u64map *m)
{
	uint64_t *okey = m->key;
	int *oval = m->val;
	size_t on = okey ? m->mask + 1 : 0;
	size_t n = on ? on * 2 : 256;

	m->key = xcalloc(n, sizeof *m->key);
	m->val = xmalloc(n * sizeof *m->val);
	m->mask = n - 1;
	for (size_t i = 0; i < n; i++)
		m->val[i] = -1;
	for (size_t i = 0; i < on; i++) {
		if (oval[i] < 0)
			continue;
		size_t s = u64map_slot(m, okey[i]);
		m->key[s] = okey[i];
		m->val[s] = oval[i];
	}
	free(okey);
	free(oval);
}

int *
u64map_ref(struct u64map *m, uint64_t key)
{
	if (m->key == NULL || (m->used + 1) * 2 > m->mask + 1)
		grow(m);
	size_t s = u64map_slot(m, key);
	if (m->val[s] < 0) {
		m->key[s] = key;
		m->used++;
	}
	return &m->val[s];
}

void
u64map_free(struct u64map *m)
{
	free(m->key);
	free(m->val);
	*m = (struct u64map)U64MAP_INIT;
}
