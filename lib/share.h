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
/*
 * The names of the directories in share/cskit/REL (not starting with a
 * dot), sorted, into *names (the caller frees each and the array): the
 * template languages are share_dirs("templates").  Their number, or -1
 * when REL is not found.
 */
int	share_dirs(const char *rel, char ***names);

#endif
