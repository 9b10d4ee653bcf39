#include <dirent.h>
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

static const char *const beside_binary[] = {
	"/../share/cskit", "/../../share/cskit"
};

/* The running binary's directory into exe; 0, or -1 when unknown. */
static int
binary_dir(char exe[PATH_MAX])
{
	ssize_t n = readlink("/proc/self/exe", exe, PATH_MAX - 1);
	char *slash;

	if (n <= 0)
		return -1;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return -1;
	*slash = '\0';
	return 0;
}

int
share_path(const char *rel, struct buf *out)
{
	const char *env = getenv("CSKIT_SHARE");
	char exe[PATH_MAX];

	if (env != NULL && *env)
		return try_dir(env, strlen(env), rel, out);
	if (binary_dir(exe) == 0)
		for (size_t i = 0; i < 2; i++) {
			struct buf d = BUF_INIT;
			buf_adds(&d, exe);
			buf_adds(&d, beside_binary[i]);
			int ok = exists(d.data) &&
			    try_dir(d.data, d.len, rel, out) == 0;
			buf_free(&d);
			if (ok)
				return 0;
		}
	return try_dir(CSKIT_PREFIX "/share/cskit",
	    strlen(CSKIT_PREFIX "/share/cskit"), rel, out);
}

void
share_searched(const char *rel, struct buf *out)
{
	const char *env = getenv("CSKIT_SHARE");
	char exe[PATH_MAX];

	if (env != NULL && *env) {
		buf_printf(out, "%s/%s (from CSKIT_SHARE)", env, rel);
		return;
	}
	if (binary_dir(exe) == 0)
		for (size_t i = 0; i < 2; i++)
			buf_printf(out, "%s%s/%s, ", exe, beside_binary[i], rel);
	buf_printf(out, "%s/share/cskit/%s; CSKIT_SHARE is not set",
	    CSKIT_PREFIX, rel);
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
share_dirs(const char *rel, char ***names)
{
	struct buf dir = BUF_INIT, p = BUF_INIT;
	struct dirent *de;
	struct stat st;
	DIR *d;
	int n = 0;

	*names = NULL;
	if (share_path(rel, &dir) < 0 || (d = opendir(buf_str(&dir))) == NULL) {
		buf_free(&dir);
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		buf_reset(&p);
		buf_printf(&p, "%s/%s", buf_str(&dir), de->d_name);
		if (stat(buf_str(&p), &st) != 0 || !S_ISDIR(st.st_mode))
			continue;
		*names = xrealloc(*names, (size_t)(n + 1) * sizeof(**names));
		(*names)[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(*names, (size_t)n, sizeof(**names), cmp_names);
	buf_free(&dir);
	buf_free(&p);
	return n;
}
