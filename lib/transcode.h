/*
 * transcode — reading a file in another character set as UTF-8 (iconv).
 *
 * Owns: struct transcode, the iconv descriptor and its two buffers (raw
 * bytes read, UTF-8 made), freed by transcode_close.  The reader puts one
 * between a file descriptor and its line buffer when the input is UTF-16
 * with a byte order mark or --encoding names another character set.
 *
 * A byte sequence that is not valid in the source character set becomes
 * U+FFFD and is counted (transcode_bad), so one bad byte costs a
 * character, not the line; a sequence cut off by the end of the file
 * likewise.
 */
#ifndef CSKIT_TRANSCODE_H
#define CSKIT_TRANSCODE_H

#include <stddef.h>
#include <sys/types.h>

struct transcode;

/* From charset `from` (an iconv name) to UTF-8; NULL when iconv does not
 * know it. */
struct transcode *transcode_open(const char *from);
/* Bytes already read from the file (before the transcoder was chosen),
 * to be converted first. */
void	transcode_prime(struct transcode *, const char *bytes, size_t n);
/* Like read(2): up to cap bytes of UTF-8 from fd; 0 at the end, -1 on a
 * read error (errno set). */
ssize_t	transcode_read(struct transcode *, int fd, char *dst, size_t cap);
/* Sequences replaced by U+FFFD so far. */
unsigned long transcode_bad(const struct transcode *);
const char *transcode_from(const struct transcode *);
void	transcode_close(struct transcode *);

#endif
