#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "share.h"

#ifndef CSKIT_PREFIX
#define CSKIT_PREFIX "/usr/local"
#endif

static int
exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/* Try DIR/REL; leaves the candidate in out. */
static int
try_dir(const char *dir, size_t dirlen, const char *rel, struct buf *out)
{
	buf_reset(out);
	buf_add(out, dir, dirlen);
	if (*rel) {
		buf_addc(out, '/');
		buf_adds(out, rel);
	}
	return exists(out->data) ? 0 : -1;
}

int
share_path(const char *rel, struct buf *out)
{
	const char *env = getenv("CSKIT_SHARE");
	char exe[PATH_MAX];
	ssize_t n;

	if (env != NULL && *env)
		return try_dir(env, strlen(env), rel, out);
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash != NULL) {
			static const char *const up[] = {
				"/../share/cskit", "/../../share/cskit"
			};
			*slash = '\0';
			for (size_t i = 0; i < 2; i++) {
				struct buf d = BUF_INIT;
				buf_adds(&d, exe);
				buf_adds(&d, up[i]);
				int ok = exists(d.data) &&
				    try_dir(d.data, d.len, rel, out) == 0;
				buf_free(&d);
				if (ok)
					return 0;
			}
		}
	}
	return try_dir(CSKIT_PREFIX "/share/cskit",
	    strlen(CSKIT_PREFIX "/share/cskit"), rel, out);
}
