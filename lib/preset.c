#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "preset.h"
#include "share.h"
#include "text.h"

#define PRESET_MAX_BYTES	(1 << 20)	/* a preset is a page of text */

void
preset_free(struct preset *ps)
{
	free(ps->name);
	free(ps->describe);
	free(ps->path);
	free(ps->encoding);
	for (int i = 0; i < ps->ntime_formats; i++)
		free(ps->time_format[i]);
	*ps = (struct preset)PRESET_INIT;
}

/* ---- reading a file -------------------------------------------------------- */

static int
read_file(const char *path, struct buf *out, struct buf *err)
{
	FILE *fp = fopen(path, "r");
	char chunk[8192];
	size_t n;

	struct stat st;

	if (fp == NULL || (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode))) {
		buf_printf(err, "cannot read %s: %s", path,
		    strerror(fp == NULL ? errno : EISDIR));
		if (fp != NULL)
			fclose(fp);
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		buf_add(out, chunk, n);
		if (out->len > PRESET_MAX_BYTES) {
			fclose(fp);
			buf_printf(err, "%s: longer than %d bytes: not a preset",
			    path, PRESET_MAX_BYTES);
			return -1;
		}
	}
	int bad = ferror(fp);
	fclose(fp);
	if (bad) {
		buf_printf(err, "cannot read %s: %s", path, strerror(EIO));
		return -1;
	}
	return 0;
}

/* ---- parsing --------------------------------------------------------------- */

struct pstate {
	const char		*path;
	long			 line;
	struct import_spec	*spec;
	struct preset		*ps;
	struct import_rule	*rule;
	struct buf		*err;
};

static int bad(struct pstate *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

static int
bad(struct pstate *st, const char *fmt, ...)
{
	va_list ap;

	buf_printf(st->err, "%s:%ld: ", st->path, st->line);
	va_start(ap, fmt);
	buf_vprintf(st->err, fmt, ap);
	va_end(ap);
	return -1;
}

/* The rule rule-level directives go to (an unnamed one when none). */
static struct import_rule *
rule_of(struct pstate *st)
{
	if (st->rule == NULL) {
		st->rule = import_rule_add(st->spec, NULL);
		st->rule->strict = EX_STRICT;
	}
	return st->rule;
}

/* The first word of s (up to a space, '=' or "?=") and where the rest
 * starts. */
static char *
first_word(const char *s, const char **rest)
{
	size_t n = 0;

	while (s[n] && !isspace((unsigned char)s[n]) && s[n] != '=' &&
	    !(s[n] == '?' && s[n + 1] == '='))
		n++;
	const char *r = s + n;
	while (isspace((unsigned char)*r))
		r++;
	*rest = r;
	return xstrndup(s, n);
}

/* "COND as LABEL": the label split off (NULL when there is none). */
static char *
split_label(char *s)
{
	char *as = NULL;

	for (char *p = strstr(s, " as "); p != NULL; p = strstr(p + 1, " as "))
		as = p;
	if (as == NULL)
		return NULL;
	*as = '\0';
	char *label = as + 4;
	while (isspace((unsigned char)*label))
		label++;
	return *label ? label : NULL;
}

static int
dir_field(struct pstate *st, const char *arg)
{
	const char *rest, *why;
	char *name = first_word(arg, &rest);
	int fallback = 0, rc;

	if (*name == '\0') {
		free(name);
		return bad(st, "field: expected NAME = SOURCE");
	}
	if (rest[0] == '?' && rest[1] == '=') {
		fallback = 1;
		rest += 2;
	} else if (rest[0] == '=')
		rest++;
	else {
		rc = bad(st, "field %s: expected '=' or '?=' after the name",
		    name);
		free(name);
		return rc;
	}
	rc = import_field(rule_of(st), name, rest, fallback, &why);
	if (rc < 0)
		bad(st, "field %s: %s", name, why);
	free(name);
	return rc;
}

static int
dir_set(struct pstate *st, const char *arg)
{
	const char *rest, *why;
	char *name = first_word(arg, &rest);
	int rc;

	if (*rest == '=')
		rest++;
	while (isspace((unsigned char)*rest))
		rest++;
	if (*name == '\0' || *rest == '\0')
		rc = bad(st, "set: expected NAME VALUE");
	else if ((rc = import_set(rule_of(st), name, rest, &why)) < 0)
		bad(st, "set %s: %s", name, why);
	free(name);
	return rc;
}

static int
dir_map(struct pstate *st, const char *arg)
{
	const char *rest, *why;
	char *name = first_word(arg, &rest);
	int rc;

	if (*name == '\0' || *rest == '\0')
		rc = bad(st, "map: expected FIELD FROM=TO,...");
	else if ((rc = import_map(rule_of(st), name, rest, 0, &why)) < 0)
		bad(st, "map %s: %s", name, why);
	free(name);
	return rc;
}

static int
dir_labelled(struct pstate *st, const char *dir, const char *arg)
{
	char *copy = xstrdup(arg);
	char *label = split_label(copy);
	const char *why = NULL;
	int rc;

	if (strcmp(dir, "drop") == 0)
		rc = import_drop(rule_of(st), copy, label, &why);
	else
		rc = import_unique(rule_of(st), copy, label, &why);
	if (rc < 0)
		bad(st, "%s: %s", dir, why);
	free(copy);
	return rc;
}

static int
dir_input(struct pstate *st, const char *dir, const char *arg)
{
	struct preset *ps = st->ps;

	if (strcmp(dir, "input") == 0) {
		if ((ps->format = ev_format_parse(arg)) < 0)
			return bad(st, "input %s: not jsonl, json, csv or tsv",
			    arg);
	} else if (strcmp(dir, "delimiter") == 0) {
		if (ev_delimiter_parse(arg, &ps->delimiter) < 0)
			return bad(st, "delimiter %s: one character, or tab, "
			    "comma, semicolon, pipe", arg);
	} else if (strcmp(dir, "encoding") == 0) {
		free(ps->encoding);
		ps->encoding = xstrdup(arg);
	} else {		/* time-format */
		if (ps->ntime_formats == TS_MAX_FORMATS)
			return bad(st, "time-format: more than %d layouts",
			    TS_MAX_FORMATS);
		ps->time_format[ps->ntime_formats++] = xstrdup(arg);
	}
	return 0;
}

/* One directive (its continuation lines joined). */
static int
directive(struct pstate *st, const char *line)
{
	const char *arg, *why = NULL;
	char *dir = first_word(line, &arg);
	int rc = 0;

	if (*arg == '\0' && strcmp(dir, "rule") != 0) {
		rc = bad(st, "%s: expected a value after it", dir);
	} else if (strcmp(dir, "preset") == 0) {
		free(st->ps->name);
		st->ps->name = xstrdup(arg);
	} else if (strcmp(dir, "describe") == 0) {
		free(st->ps->describe);
		st->ps->describe = xstrdup(arg);
	} else if (strcmp(dir, "prefix") == 0) {
		free(st->spec->prefix);
		st->spec->prefix = xstrdup(arg);
	} else if (!strcmp(dir, "input") || !strcmp(dir, "delimiter") ||
	    !strcmp(dir, "encoding") || !strcmp(dir, "time-format")) {
		rc = dir_input(st, dir, arg);
	} else if (strcmp(dir, "rule") == 0) {
		st->rule = import_rule_add(st->spec, *arg ? arg : NULL);
		st->rule->strict = EX_STRICT;
	} else if (strcmp(dir, "field") == 0) {
		rc = dir_field(st, arg);
	} else if (strcmp(dir, "set") == 0) {
		rc = dir_set(st, arg);
	} else if (strcmp(dir, "map") == 0) {
		rc = dir_map(st, arg);
	} else if (strcmp(dir, "drop") == 0 || strcmp(dir, "unique") == 0) {
		rc = dir_labelled(st, dir, arg);
	} else if (strcmp(dir, "explode") == 0) {
		if ((rc = import_explode(rule_of(st), arg, &why)) < 0)
			bad(st, "explode %s: %s", arg, why);
	} else if (strcmp(dir, "when") == 0) {
		if ((rc = import_when(rule_of(st), arg, &why)) < 0)
			bad(st, "when %s: %s", arg, why);
	} else if (strcmp(dir, "html") == 0) {
		if ((rc = import_html(rule_of(st), arg, &why)) < 0)
			bad(st, "html %s: %s", arg, why);
	} else if (strcmp(dir, "keep") == 0) {
		if ((rc = import_keep(rule_of(st), arg, &why)) < 0)
			bad(st, "keep %s: %s", arg, why);
	} else {
		rc = bad(st, "unknown directive '%s' (rule, explode, when, "
		    "drop, field, set, map, html, keep, unique, prefix, input, "
		    "delimiter, encoding, time-format, preset, describe)", dir);
	}
	free(dir);
	return rc;
}

/* The name a path gives: its last component without ".preset". */
static char *
name_from_path(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 7 && strcmp(base + n - 7, ".preset") == 0)
		n -= 7;
	return xstrndup(base, n);
}

int
preset_parse(const char *text, size_t len, const char *path,
    struct import_spec *spec, struct preset *ps, struct buf *err)
{
	struct pstate st = { path, 0, spec, ps, NULL, err };
	struct buf line = BUF_INIT;
	size_t i = 0;
	long next_line = 1;

	size_t bad_at;

	if (memchr(text, '\0', len) != NULL) {
		buf_printf(err, "%s: a NUL byte: not a preset", path);
		return PRESET_BAD;
	}
	if (!text_utf8_valid(text, len, &bad_at)) {
		long line = 1;
		for (size_t k = 0; k < bad_at; k++)
			line += text[k] == '\n';
		buf_printf(err, "%s:%ld: not UTF-8 (a preset is UTF-8 text)",
		    path, line);
		return PRESET_BAD;
	}
	while (i < len) {
		/* One directive: lines ending in '\' continue it. */
		buf_reset(&line);
		st.line = next_line;
		for (int cont = 0;; cont = 1) {
			const char *nl = memchr(text + i, '\n', len - i);
			size_t n = nl ? (size_t)(nl - (text + i)) : len - i;
			const char *s = text + i;
			i += n + (nl != NULL);
			next_line++;
			while (cont && n > 0 && (*s == ' ' || *s == '\t')) {
				s++;	/* a continuation's indent */
				n--;
			}
			while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == ' ' ||
			    s[n - 1] == '\t'))
				n--;
			int slash = n > 0 && s[n - 1] == '\\';
			int more = slash && i < len;
			/* (a backslash ending the file continues nothing) */
			if (slash)
				for (n--; n > 0 && (s[n - 1] == ' ' ||
				    s[n - 1] == '\t'); n--)
					;
			buf_add(&line, s, n);
			if (!more)
				break;
			buf_addc(&line, ' ');
		}
		const char *s = buf_str(&line);
		while (isspace((unsigned char)*s))
			s++;
		if (*s == '\0' || *s == '#')
			continue;
		if (directive(&st, s) < 0) {
			buf_free(&line);
			return PRESET_BAD;
		}
	}
	buf_free(&line);
	if (spec->nrules == 0) {
		buf_printf(err, "%s: no rules (a preset needs at least one "
		    "field, explode or rule directive)", path);
		return PRESET_BAD;
	}
	import_quiet_fields(spec);
	if (ps->name == NULL)
		ps->name = name_from_path(path);
	free(spec->name);
	spec->name = xstrdup(ps->name);
	return PRESET_OK;
}

/* ---- finding presets --------------------------------------------------------- */

static int
is_path(const char *which)
{
	size_t n = strlen(which);

	return strchr(which, '/') != NULL ||
	    (n > 7 && strcmp(which + n - 7, ".preset") == 0);
}

/* Edit distance, for "did you mean"; names are short. */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), prev[64], cur[64];

	if (la >= 63 || lb >= 63)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
			cur[j] = sub < del ? (sub < ins ? sub : ins) :
			    (del < ins ? del : ins);
		}
		memcpy(prev, cur, sizeof cur[0] * (lb + 1));
	}
	return prev[lb];
}

/* The names of the installed presets, sorted, NULL-terminated; NULL when
 * there is no presets directory. */
static char **
installed(void)
{
	struct buf dir = BUF_INIT;
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;

	if (share_path("presets", &dir) < 0 || (d = opendir(dir.data)) == NULL) {
		buf_free(&dir);
		return NULL;
	}
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len <= 7 || strcmp(e->d_name + len - 7, ".preset") != 0)
			continue;
		names = xrealloc(names, sizeof *names * (n + 2));
		names[n++] = xstrndup(e->d_name, len - 7);
	}
	closedir(d);
	buf_free(&dir);
	if (names == NULL)
		names = xcalloc(1, sizeof *names);
	names[n] = NULL;
	for (size_t i = 1; i < n; i++)		/* a handful: insertion sort */
		for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0;
		    j--) {
			char *t = names[j];
			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	return names;
}

static void
free_names(char **names)
{
	for (size_t i = 0; names != NULL && names[i] != NULL; i++)
		free(names[i]);
	free(names);
}

static void
not_found(const char *which, struct buf *err)
{
	char **names = installed();
	const char *best = NULL;
	size_t best_d = 3;

	for (size_t i = 0; names != NULL && names[i] != NULL; i++) {
		size_t d = distance(which, names[i]);
		if (d < best_d) {
			best_d = d;
			best = names[i];
		}
	}
	buf_printf(err, "--from %s: no such preset", which);
	if (best != NULL)
		buf_printf(err, " (did you mean %s?)", best);
	buf_adds(err, "; cs-import --from list names them");
	free_names(names);
}

int
preset_load(const char *which, struct import_spec *spec, struct preset *ps,
    struct buf *err)
{
	struct buf path = BUF_INIT, text = BUF_INIT, rel = BUF_INIT;
	int rc;

	if (is_path(which)) {
		buf_adds(&path, which);
	} else {
		buf_printf(&rel, "presets/%s.preset", which);
		if (strchr(which, '.') != NULL || *which == '\0' ||
		    share_path(rel.data, &path) < 0) {
			not_found(which, err);
			buf_free(&path);
			buf_free(&rel);
			return PRESET_NOT_FOUND;
		}
	}
	buf_free(&rel);
	if (read_file(path.data, &text, err) < 0) {
		buf_free(&path);
		buf_free(&text);
		return PRESET_NOT_FOUND;
	}
	ps->path = buf_detach(&path);
	rc = preset_parse(text.data ? text.data : "", text.len, ps->path, spec,
	    ps, err);
	buf_free(&text);
	return rc;
}

void
preset_apply_input(const struct preset *ps, struct ev_reader_opts *in,
    struct ts_parser *ts)
{
	if (!in->format_given && ps->format >= 0)
		in->format = (enum ev_format)ps->format;
	if (in->delimiter == 0)
		in->delimiter = ps->delimiter;
	if (in->encoding == NULL)
		in->encoding = ps->encoding;
	for (int i = 0; i < ps->ntime_formats; i++)
		(void)ts_add_format(ts, ps->time_format[i]);
}

/* The describe line of a preset file, or "". */
static void
describe_of(const char *name, struct buf *out)
{
	struct buf rel = BUF_INIT, path = BUF_INIT, text = BUF_INIT,
	    err = BUF_INIT;

	buf_printf(&rel, "presets/%s.preset", name);
	if (share_path(rel.data, &path) == 0 &&
	    read_file(path.data, &text, &err) == 0) {
		const char *s = buf_str(&text);
		while (*s) {
			while (*s == ' ' || *s == '\t')
				s++;
			const char *nl = strchr(s, '\n');
			size_t n = nl ? (size_t)(nl - s) : strlen(s);
			if (n > 9 && strncmp(s, "describe", 8) == 0 &&
			    isspace((unsigned char)s[8])) {
				const char *d = s + 9;
				while (*d == ' ' || *d == '\t')
					d++;
				buf_add(out, d, n - (size_t)(d - s));
				break;
			}
			s += n + (nl != NULL);
		}
	}
	buf_free(&rel);
	buf_free(&path);
	buf_free(&text);
	buf_free(&err);
}

int
preset_list(struct buf *out)
{
	char **names = installed();

	if (names == NULL)
		return -1;
	for (size_t i = 0; names[i] != NULL; i++) {
		struct buf d = BUF_INIT;
		describe_of(names[i], &d);
		while (d.len > 0 && isspace((unsigned char)d.data[d.len - 1]))
			d.len--;
		buf_printf(out, "%-16s %.*s\n", names[i], (int)d.len,
		    buf_str(&d));
		buf_free(&d);
	}
	free_names(names);
	return 0;
}
