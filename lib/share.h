/*
 * share — finding cskit's data files (templates, lexicons, the default model).
 *
 * Owns nothing.  The share directory is the first of: $CSKIT_SHARE; beside
 * the running binary, ../share/cskit (installed) or ../../share/cskit (the
 * build tree, build/bin/cs-x); PREFIX/share/cskit as compiled in.
 */
#ifndef CSKIT_SHARE_H
#define CSKIT_SHARE_H

#include "buf.h"

/* Path of share/cskit/REL into out; 0 if it exists, -1 if not found. */
int	share_path(const char *rel, struct buf *out);
/* Where share_path looked for REL, for a message that says so. */
void	share_searched(const char *rel, struct buf *out);

#endif
