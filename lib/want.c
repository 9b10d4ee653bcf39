#include <string.h>

#include "want.h"

void
ev_want_add(struct ev_want *w, const char *name)
{
	nametab_add(&w->names, name, strlen(name));
}

void
ev_want_free(struct ev_want *w)
{
	nametab_free(&w->names);
}
