#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdnoreturn.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "suggest.h"
#include "tz.h"

const char cli_common_usage[] =
"  -i, --input-format FMT    jsonl (default), csv or tsv\n"
"  -o, --output-format FMT   jsonl (default), csv, tsv, table or markdown\n"
"      --field CANON=SRC     read canonical field CANON from field SRC\n"
"      --map FILE            CANON=SRC pairs, one a line\n"
"      --strict              stop at the first bad line (exit 65)\n"
"      --max-line BYTES      longest line read (default 64M)\n"
"      --input-tz ZONE       zone of timestamps that carry no offset\n"
"      --time-format FMT     strptime(3) layout of timestamps\n"
"      --width N             tables: cut text to N columns (0: never; the\n"
"                            terminal's width by default)\n"
"      --help, --version\n";

const char cli_jobs_usage[] =
"  -j, --jobs N              threads, 0 for one a core (default 1)\n";

void
cli_common_init(struct cli_common *c, void (*usage)(FILE *))
{
	memset(c, 0, sizeof *c);
	c->jobs = 1;
	c->in.format = EV_JSONL;
	c->out_format = OUT_JSONL;
	c->width = -1;
	c->usage = usage;
}

long long
cli_parse_size(const char *s)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || end == s || v < 0)
		return -1;
	int shift = 0;
	switch (toupper((unsigned char)*end)) {
	case 'K': shift = 10; end++; break;
	case 'M': shift = 20; end++; break;
	case 'G': shift = 30; end++; break;
	}
	if (v > (LLONG_MAX >> shift))
		return -1;	/* "9999999999999G" would overflow */
	v <<= shift;
	if (*end == 'B' || *end == 'b')
		end++;
	return *end ? -1 : v;
}

double
cli_duration_arg(const struct diag *d, const char *opt, const char *arg)
{
	double v;

	/* At most 1000 years, so that an instant plus it stays in range. */
	if (dur_parse(arg, &v) != 0 || v < 0 || v > 1000 * 366 * 86400.0)
		diag_usage(d, "%s %s: not a duration (30m, 1h30m, 2d)", opt,
		    arg);
	return v;
}

/* --help: the tool's usage, its examples, and the settings file. */
static void
help(const struct cli_common *c)
{
	c->usage(stdout);
	if (c->examples != NULL)
		printf("\nExamples:\n%s", c->examples);
	if (c->settings.path != NULL)
		printf("\nSettings: %s (%s)\n", c->settings.path,
		    c->settings.found ? "read" : "none there; see cskit(7)");
}

/* ---- options ------------------------------------------------------------- */

/* Does the command line give the option (by its long name, or its short
 * letter when it has one)?  Up to "--", the end of options. */
static int
given(int argc, char *const argv[], const struct option *o,
    const char *shortopts)
{
	size_t n = strlen(o->name);
	int letter = o->flag == NULL && o->val > 0 && o->val < 128 &&
	    strchr(shortopts, o->val) != NULL ? o->val : 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0)
			break;
		if (a[0] == '-' && a[1] == '-' && strncmp(a + 2, o->name, n) == 0
		    && (a[n + 2] == '\0' || a[n + 2] == '='))
			return 1;
		if (letter && a[0] == '-' && a[1] == letter)
			return 1;
	}
	return 0;
}

static const struct option *
long_option(const struct option *longopts, const char *name)
{
	for (const struct option *o = longopts; o->name != NULL; o++)
		if (strcmp(o->name, name) == 0)
			return o;
	return NULL;
}

/* The next settings entry that is one of the tool's options (and not on
 * its command line), as getopt would return it; -1 when none is left. */
static int
next_setting(struct cli_common *c, const struct diag *d, int argc,
    char *const argv[], const char *shortopts, const struct option *longopts)
{
	while (c->next_setting < c->settings.n) {
		const struct setting *e = &c->settings.e[c->next_setting++];
		const struct option *o = long_option(longopts, e->key);
		if (o == NULL || given(argc, argv, o, shortopts))
			continue;
		if (o->has_arg == no_argument) {
			if (strcmp(e->value, "false") == 0 ||
			    strcmp(e->value, "no") == 0 ||
			    strcmp(e->value, "off") == 0)
				continue;
			if (strcmp(e->value, "true") != 0 &&
			    strcmp(e->value, "yes") != 0 &&
			    strcmp(e->value, "on") != 0 && *e->value != '\0')
				diag_fatal(d, CS_EXIT_USAGE, "%s:%ld: %s takes "
				    "true or false", c->settings.path, e->line,
				    e->key);
			optarg = NULL;
		} else
			optarg = e->value;
		c->from_setting = e;
		if (o->flag != NULL) {
			*o->flag = o->val;
			return 0;
		}
		return o->val;
	}
	c->from_setting = NULL;
	return -1;
}

/* An unknown option, or one missing its value: one line, and exit 64. */
static noreturn void
bad_option(const struct diag *d, int rc, char *const argv[],
    const char *shortopts, const struct option *longopts)
{
	const char *arg = argv[optind - 1];
	char name[64];

	if (rc == ':')
		diag_usage(d, "option '%s' needs a value", arg);
	if (optopt != 0 && !(arg[0] == '-' && arg[1] == '-'))
		diag_usage(d, "unknown option '-%c'", optopt);
	snprintf(name, sizeof name, "%s", arg + 2);
	name[strcspn(name, "=")] = '\0';
	/* half the name may be wrong: options are short words */
	size_t len = strlen(name);
	struct suggest s = { name, NULL, 0, len / 2 > 0 ? len / 2 : 1 };
	for (const struct option *o = longopts; o->name != NULL; o++)
		suggest_offer(&s, o->name);
	(void)shortopts;
	if (s.best != NULL)
		diag_usage(d, "unknown option '--%s' (did you mean '--%s'?)",
		    name, s.best);
	diag_usage(d, "unknown option '%s'", arg);
}

int
cli_getopt(struct cli_common *c, const struct diag *d, int argc,
    char *const argv[], const char *shortopts, const struct option *longopts)
{
	int rc;

	if (!c->settings_read) {
		struct buf err = BUF_INIT;
		c->settings_read = 1;
		if (settings_load(&c->settings, NULL, &err) < 0)
			diag_fatal(d, CS_EXIT_USAGE, "%s", buf_str(&err));
		buf_free(&err);
	}
	if ((rc = next_setting(c, d, argc, argv, shortopts, longopts)) != -1)
		return rc;
	if (c->optstring == NULL) {
		c->optstring = xmalloc(strlen(shortopts) + 3);
		sprintf(c->optstring, ":%sh", shortopts);
	}
	opterr = 0;
	rc = getopt_long(argc, argv, c->optstring, longopts, NULL);
	if (rc == 'h')
		return CLI_OPT_HELP;
	if (rc == '?' || rc == ':')
		bad_option(d, rc, argv, shortopts, longopts);
	return rc;
}

const struct tz_zone *
cli_zone(struct cli_common *c, const struct diag *d, const char *opt,
    const char *name)
{
	struct tz_db *db = cli_tzdb(c, d);
	const struct tz_zone *z = tzdb_zone(db, name);
	const char *near;

	if (z != NULL)
		return z;
	if ((near = tzdb_suggest(db, name)) != NULL)
		diag_usage(d, "%s %s: unknown time zone (did you mean %s?)",
		    opt, name, near);
	diag_usage(d, "%s %s: unknown time zone (names as in the tz "
	    "database: Asia/Shanghai, America/New_York, UTC+8)", opt, name);
}

int
cli_common_option(struct cli_common *c, struct diag *d, int opt,
    const char *arg)
{
	const char *why;
	long line;
	int f;

	switch (opt) {
	case 'i':
		if ((f = ev_format_parse(arg)) < 0)
			diag_usage(d, "unknown input format '%s' (jsonl, csv, "
			    "tsv)", arg);
		c->in.format = (enum ev_format)f;
		c->in.format_given = 1;
		return 1;
	case 'o':
		if ((f = ev_writer_format_parse(arg)) < 0)
			diag_usage(d, "unknown output format '%s' (jsonl, csv, "
			    "tsv, table, markdown)", arg);
		c->out_format = (enum out_format)f;
		c->out_given = 1;
		return 1;
	case CLI_OPT_FIELD: {
		if (fieldmap_add(&c->map, arg, &why) < 0)
			diag_usage(d, "--field %s: %s", arg, why);
		char *canon = xstrndup(arg, strcspn(arg, "="));
		const char *near = fieldmap_suggest(canon);
		if (near != NULL)
			diag_warn(d, "--field %s: '%s' is no canonical field "
			    "(did you mean '%s'? cskit-events(5) lists them); "
			    "a field of your own is read as named", arg, canon,
			    near);
		free(canon);
		return 1;
	}
	case CLI_OPT_MAP:
		if (fieldmap_load(&c->map, arg, &line, &why) < 0) {
			if (line > 0)
				diag_fatal(d, CS_EXIT_USAGE, "%s:%ld: %s", arg,
				    line, why);
			diag_fatal(d, CS_EXIT_NOINPUT, "cannot read %s: %s",
			    arg, why);
		}
		return 1;
	case CLI_OPT_STRICT:
		d->strict = 1;
		return 1;
	case CLI_OPT_MAX_LINE: {
		long long v = cli_parse_size(arg);
		if (v <= 0 || v > (1LL << 40))
			diag_usage(d, "--max-line %s: not a size", arg);
		c->in.max_line = (size_t)v;
		return 1;
	}
	case 'j': {
		char *end;
		errno = 0;
		long n = strtol(arg, &end, 10);
		if (errno || end == arg || *end || n < 0 || n > 1024)
			diag_usage(d, "-j %s: not a number of threads (0 to "
			    "1024)", arg);
		if (n == 0 && (n = sysconf(_SC_NPROCESSORS_ONLN)) < 1)
			n = 1;
		c->jobs = (int)n;
		return 1;
	}
	case CLI_OPT_MAX_CONVERSATIONS: {
		char *end;
		errno = 0;
		unsigned long long v = strtoull(arg, &end, 10);
		/* Entry numbers are 32-bit (hmap); 0 lifts the bound. */
		if (errno || end == arg || *end || !isdigit((unsigned char)*arg)
		    || v > UINT32_MAX - 1)
			diag_usage(d, "--max-conversations %s: not a number "
			    "from 0 to %lu", arg,
			    (unsigned long)UINT32_MAX - 1);
		c->max_conversations = (size_t)v;
		return 1;
	}
	case CLI_OPT_INPUT_TZ:
		c->input_tz = arg;
		return 1;
	case CLI_OPT_WIDTH: {
		char *end;
		errno = 0;
		long v = strtol(arg, &end, 10);
		if (errno || end == arg || *end || v < 0 || v > 100000)
			diag_usage(d, "--width %s: not a number of columns "
			    "(0: no limit)", arg);
		c->width = v;
		return 1;
	}
	case CLI_OPT_TIME_FORMAT:
		if (ts_add_format(&c->ts, arg) < 0)
			diag_usage(d, "--time-format %s: more than %d layouts", arg,
			    TS_MAX_FORMATS);
		return 1;
	case CLI_OPT_HELP:
		help(c);
		exit(CS_EXIT_OK);
	case CLI_OPT_VERSION:
		printf("%s (cskit) %s\n", d->prog, CSKIT_VERSION);
		exit(CS_EXIT_OK);
	}
	return 0;
}

/* The columns of the terminal on fd, or 0 when fd is none. */
static size_t
terminal_width(int fd)
{
	struct winsize ws;
	const char *env;
	long v;

	if (!isatty(fd))
		return 0;
	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if ((env = getenv("COLUMNS")) != NULL && (v = atol(env)) > 0)
		return (size_t)v;
	return 80;
}

struct ev_writer *
cli_writer_open(const struct cli_common *c, const struct diag *d)
{
	struct ev_writer *w = ev_writer_open(c->out_format, STDOUT_FILENO, d);

	ev_writer_max_width(w, c->width >= 0 ? (size_t)c->width :
	    terminal_width(STDOUT_FILENO));
	return w;
}

struct tz_db *
cli_tzdb(struct cli_common *c, const struct diag *d)
{
	if (c->tzdb == NULL && (c->tzdb = tzdb_open(NULL)) == NULL)
		diag_fatal(d, CS_EXIT_NOINPUT, "cannot read the time zone "
		    "database");
	return c->tzdb;
}

void
cli_common_finish(struct cli_common *c, struct diag *d)
{
	if (c->input_tz != NULL)
		c->ts.input_zone = cli_zone(c, d, "--input-tz", c->input_tz);
}

void
cli_common_free(struct cli_common *c)
{
	fieldmap_free(&c->map);
	settings_free(&c->settings);
	free(c->optstring);
	c->optstring = NULL;
	if (c->tzdb != NULL)
		tzdb_close(c->tzdb);
	c->tzdb = NULL;
}
