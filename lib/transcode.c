#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "transcode.h"

#define RAW_CAP		(64 * 1024)
#define OUT_CAP		(256 * 1024)	/* UTF-8 is at most 3/2 of UTF-16 */

struct transcode {
	iconv_t	 cd;
	char	*from;
	size_t	 unit;		/* bytes skipped past a bad sequence */
	char	*raw;		/* RAW_CAP, or what transcode_prime gave */
	size_t	 rawlen, rawcap;
	char	 out[OUT_CAP];
	size_t	 outpos, outlen;
	int	 eof;
	unsigned long bad;
};

struct transcode *
transcode_open(const char *from)
{
	iconv_t cd = iconv_open("UTF-8", from);

	if (cd == (iconv_t)-1)
		return NULL;
	struct transcode *tc = xmalloc(sizeof *tc);
	tc->cd = cd;
	tc->from = xstrdup(from);
	tc->unit = strncasecmp(from, "UTF-16", 6) == 0 ||
	    strncasecmp(from, "UCS-2", 5) == 0 ? 2 :
	    strncasecmp(from, "UTF-32", 6) == 0 ||
	    strncasecmp(from, "UCS-4", 5) == 0 ? 4 : 1;
	tc->raw = xmalloc(RAW_CAP);
	tc->rawcap = RAW_CAP;
	tc->rawlen = tc->outpos = tc->outlen = 0;
	tc->eof = 0;
	tc->bad = 0;
	return tc;
}

void
transcode_prime(struct transcode *tc, const char *bytes, size_t n)
{
	/* The reader's first read may be larger than RAW_CAP: keep it all
	 * (dropping the rest lost every line past the first 64 KB). */
	if (tc->rawlen + n > tc->rawcap) {
		tc->rawcap = tc->rawlen + n;
		tc->raw = xrealloc(tc->raw, tc->rawcap);
	}
	memcpy(tc->raw + tc->rawlen, bytes, n);
	tc->rawlen += n;
}

static void
replacement(struct transcode *tc)
{
	memcpy(tc->out + tc->outlen, "\xEF\xBF\xBD", 3);
	tc->outlen += 3;
	tc->bad++;
}

/* Convert what raw holds into out (which has room for some). */
static void
convert(struct transcode *tc)
{
	char *in = tc->raw, *o = tc->out + tc->outlen;
	size_t inleft = tc->rawlen, outleft = OUT_CAP - tc->outlen;

	while (inleft > 0 && outleft >= 8) {
		size_t r = iconv(tc->cd, &in, &inleft, &o, &outleft);
		tc->outlen = OUT_CAP - outleft;
		if (r != (size_t)-1 || errno == E2BIG)
			break;
		if (errno == EINVAL && !tc->eof)
			break;		/* the rest arrives with more input */
		/* EILSEQ, or a sequence cut off by the end of the file. */
		size_t skip = errno == EINVAL ? inleft :
		    (tc->unit < inleft ? tc->unit : inleft);
		replacement(tc);
		in += skip;
		inleft -= skip;
		o = tc->out + tc->outlen;
		outleft = OUT_CAP - tc->outlen;
	}
	memmove(tc->raw, in, inleft);
	tc->rawlen = inleft;
}

ssize_t
transcode_read(struct transcode *tc, int fd, char *dst, size_t cap)
{
	while (tc->outpos == tc->outlen) {
		tc->outpos = tc->outlen = 0;
		if (tc->eof && tc->rawlen == 0)
			return 0;
		if (!tc->eof && tc->rawlen < tc->rawcap) {
			ssize_t r = read(fd, tc->raw + tc->rawlen,
			    tc->rawcap - tc->rawlen);
			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0)
				return -1;
			if (r == 0)
				tc->eof = 1;
			tc->rawlen += (size_t)r;
		}
		convert(tc);
	}
	size_t n = tc->outlen - tc->outpos < cap ? tc->outlen - tc->outpos : cap;
	memcpy(dst, tc->out + tc->outpos, n);
	tc->outpos += n;
	return (ssize_t)n;
}

unsigned long
transcode_bad(const struct transcode *tc)
{
	return tc->bad;
}

const char *
transcode_from(const struct transcode *tc)
{
	return tc->from;
}

void
transcode_close(struct transcode *tc)
{
	if (tc == NULL)
		return;
	iconv_close(tc->cd);
	free(tc->raw);
	free(tc->from);
	free(tc);
}
