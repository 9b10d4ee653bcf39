/* old_langid — lib/langid.c as it was before issue 16, for comparison. */
#ifndef CSKIT_OLD_LANGID_H
#define CSKIT_OLD_LANGID_H
#include <stddef.h>
#include <stdint.h>
#include "tokenize.h"
struct oldlid;
struct oldlid	*oldlid_new(void);
void		 oldlid_delete(struct oldlid *);
const char	*oldlid_detect(const struct oldlid *, const char *raw, size_t len,
		    const struct tok_text *tt);
#endif
