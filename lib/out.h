/*
 * out — buffered, checked output to a file descriptor.
 *
 * Owns: the output buffer (64 KiB, written in large blocks).  Every write is
 * checked: a closed pipe (EPIPE — `| head`) ends the program quietly with
 * status 0, any other failure (ENOSPC on a full disk, EIO) prints a message
 * and exits 74.  SIGPIPE is ignored by out_open() so that EPIPE is seen.
 */
#ifndef CSKIT_OUT_H
#define CSKIT_OUT_H

#include <stddef.h>
#include "buf.h"
#include "diag.h"

struct out {
	int		 fd;
	const struct diag *diag;
	struct buf	 b;
};

/* fd OUT_MEMORY: nothing is written, the bytes wait for out_take. */
#define OUT_MEMORY	(-1)
void	out_open(struct out *, int fd, const struct diag *);
void	out_write(struct out *, const void *, size_t);
void	out_puts(struct out *, const char *);
/* Move a whole buf's content to the output (the buf is reset). */
void	out_buf(struct out *, struct buf *);
void	out_flush(struct out *);
/* Write what is buffered, then the iovecs' bytes as they are (no copy);
 * iov is changed. */
struct iovec;
#define OUT_IOV_MAX	1024	/* iovecs a writev takes (Linux's IOV_MAX) */
void	out_writev(struct out *, struct iovec *, int n);
/* Append what is buffered to `to` (an OUT_MEMORY output's bytes). */
void	out_take(struct out *, struct buf *to);
/* Flush and release; the fd is left open. */
void	out_close(struct out *);

#endif
