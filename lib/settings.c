#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "settings.h"

/* The file the environment names (caller frees). */
static char *
default_path(void)
{
	const char *env = getenv("CSKIT_CONFIG"), *xdg, *home;
	struct buf b = BUF_INIT;

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if ((xdg = getenv("XDG_CONFIG_HOME")) != NULL && *xdg == '/')
		buf_printf(&b, "%s/cskit/config", xdg);
	else if ((home = getenv("HOME")) != NULL && *home != '\0')
		buf_printf(&b, "%s/.config/cskit/config", home);
	else
		return NULL;
	return buf_detach(&b);
}

static char *
trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

static void
add(struct settings *st, const char *key, const char *value, long line)
{
	if (st->n == st->cap) {
		st->cap = st->cap ? st->cap * 2 : 16;
		st->e = xrealloc(st->e, st->cap * sizeof *st->e);
	}
	st->e[st->n++] = (struct setting){ xstrdup(key), xstrdup(value),
	    line };
}

/* One line: 0 (an entry, a comment or a blank), or -1 with a reason. */
static int
read_line(struct settings *st, char *line, long no, struct buf *err)
{
	char *s = trim(line), *eq, *key, *val;
	size_t n;

	if (*s == '\0' || *s == '#')
		return 0;
	if ((eq = strchr(s, '=')) == NULL) {
		buf_printf(err, "%s:%ld: not `key = value`", st->path, no);
		return -1;
	}
	*eq = '\0';
	key = trim(s);
	val = trim(eq + 1);
	if (*key == '\0') {
		buf_printf(err, "%s:%ld: no key before '='", st->path, no);
		return -1;
	}
	for (const char *k = key; *k; k++)
		if (!islower((unsigned char)*k) && !isdigit((unsigned char)*k)
		    && *k != '-') {
			buf_printf(err, "%s:%ld: '%s' is no key (keys are "
			    "option names, like team-tz)", st->path, no, key);
			return -1;
		}
	n = strlen(val);
	if (n >= 2 && (val[0] == '"' || val[0] == '\'') && val[n - 1] == val[0]) {
		val[n - 1] = '\0';
		val++;
	}
	add(st, key, val, no);
	return 0;
}

int
settings_load(struct settings *st, const char *path, struct buf *err)
{
	char *line = NULL;
	size_t cap = 0;
	long no = 0;
	FILE *fp;
	int rc = 0;

	st->path = path ? xstrdup(path) : default_path();
	if (st->path == NULL)
		return 0;
	if ((fp = fopen(st->path, "r")) == NULL) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		buf_printf(err, "%s: %s", st->path, strerror(errno));
		return -1;
	}
	st->found = 1;
	while (rc == 0 && getline(&line, &cap, fp) != -1)
		rc = read_line(st, line, ++no, err);
	if (rc == 0 && ferror(fp)) {
		buf_printf(err, "%s: %s", st->path, strerror(errno));
		rc = -1;
	}
	free(line);
	fclose(fp);
	return rc;
}

const char *
settings_get(const struct settings *st, const char *key)
{
	for (size_t i = st->n; i > 0; i--)
		if (strcmp(st->e[i - 1].key, key) == 0)
			return st->e[i - 1].value;
	return NULL;
}

void
settings_free(struct settings *st)
{
	for (size_t i = 0; i < st->n; i++) {
		free(st->e[i].key);
		free(st->e[i].value);
	}
	free(st->e);
	free(st->path);
	*st = (struct settings)SETTINGS_INIT;
}
