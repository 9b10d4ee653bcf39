#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/uio.h>

#include "out.h"

#define OUT_BLOCK (64 * 1024)

void
out_open(struct out *o, int fd, const struct diag *d)
{
	/* EPIPE must reach us as an error so a closed pipe can end quietly
	 * with status 0 instead of a signal death the shell reports. */
	signal(SIGPIPE, SIG_IGN);
	o->fd = fd;
	o->diag = d;
	o->b = (struct buf)BUF_INIT;
	buf_grow(&o->b, OUT_BLOCK);
}

static void
write_all(struct out *o, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(o->fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE)
				exit(CS_EXIT_OK);
			diag_fatal(o->diag, CS_EXIT_IOERR, "write error: %s",
			    strerror(errno));
		}
		p += w;
		n -= (size_t)w;
	}
}

void
out_flush(struct out *o)
{
	if (o->fd == OUT_MEMORY)
		return;
	if (o->b.len) {
		write_all(o, o->b.data, o->b.len);
		buf_reset(&o->b);
	}
}

void
out_write(struct out *o, const void *p, size_t n)
{
	if (o->b.len + n > OUT_BLOCK && o->fd != OUT_MEMORY) {
		out_flush(o);
		if (n >= OUT_BLOCK) {
			write_all(o, p, n);
			return;
		}
	}
	buf_add(&o->b, p, n);
}

void
out_puts(struct out *o, const char *s)
{
	out_write(o, s, strlen(s));
}

void
out_buf(struct out *o, struct buf *b)
{
	out_write(o, b->data, b->len);
	buf_reset(b);
}

void
out_writev(struct out *o, struct iovec *iov, int n)
{
	out_flush(o);
	while (n > 0) {
		ssize_t w = writev(o->fd, iov, n > OUT_IOV_MAX ? OUT_IOV_MAX : n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE)
				exit(CS_EXIT_OK);
			diag_fatal(o->diag, CS_EXIT_IOERR, "write error: %s",
			    strerror(errno));
		}
		/* past what was written, into the first iovec not all out */
		while (n > 0 && (size_t)w >= iov->iov_len) {
			w -= (ssize_t)iov->iov_len;
			iov++;
			n--;
		}
		if (n > 0) {
			iov->iov_base = (char *)iov->iov_base + w;
			iov->iov_len -= (size_t)w;
		}
	}
}

void
out_take(struct out *o, struct buf *to)
{
	buf_add(to, o->b.data, o->b.len);
	buf_reset(&o->b);
}

void
out_close(struct out *o)
{
	out_flush(o);
	buf_free(&o->b);
}
