/*
 * buf — a growable byte buffer, the one string builder of cskit.
 *
 * Owns: its `data` allocation.  A buf is zeroed to start (BUF_INIT) and freed
 * with buf_free(); buf_reset() keeps the allocation for reuse, which is how
 * the stream loops avoid an allocation per line.  `data` is always
 * NUL-terminated after any call that adds bytes (data may be NULL while
 * cap is 0), so it can be handed to C string functions when the content has
 * no NUL of its own.  Allocation failure aborts: there is no partial result
 * a caller could sensibly go on with.
 */
#ifndef CSKIT_BUF_H
#define CSKIT_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

#define BUF_INIT { NULL, 0, 0 }

void	 buf_grow(struct buf *, size_t extra);
void	 buf_adds(struct buf *, const char *);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *, const char *, va_list);
void	 buf_reset(struct buf *);
void	 buf_free(struct buf *);
/* Hands the allocation to the caller (who frees it) and resets the buf. */
char	*buf_detach(struct buf *);
/* The NUL-terminated content, "" for an empty buf. */
const char *buf_str(const struct buf *);

/* Allocation helpers that never return NULL (they abort with a message). */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);

/* Inline: the writers add a byte or a few at a time, millions a second,
 * and the room is nearly always there already. */
static inline void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (b->cap - b->len <= n)	/* room for n and the NUL? */
		buf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static inline void
buf_addc(struct buf *b, char c)
{
	if (b->cap - b->len < 2)
		buf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

#endif
