/*
 * cli — the options every tool shares, parsed in one place.
 *
 * Owns: struct cli_common (the field map, the input and output formats,
 * --strict, --max-line, the timestamp parser with its --input-tz zone and
 * the tz database opened for it).  A tool puts CLI_COMMON_LONGOPTS into its
 * getopt_long table and "i:o:" into its short options, offers every option
 * to cli_common_option() first, and calls cli_common_finish() after the
 * loop.  cli_common_free() releases it all.
 *
 *   -i, --input-format jsonl|csv|tsv    -o, --output-format jsonl|csv|tsv|table|markdown
 *   --field canonical=source            --map FILE
 *   --strict                            --max-line BYTES (k, M, G suffixes)
 *   --input-tz ZONE                     --time-format STRPTIME
 *   --width N   (tables: the longest line; 0 uncut; default the terminal's)
 *
 * Tools that keep state per conversation also put
 * CLI_MAX_CONVERSATIONS_LONGOPT into their table and set
 * max_conversations to their default before parsing:
 *
 *   --max-conversations N   (0: no bound)
 */
#ifndef CSKIT_CLI_H
#define CSKIT_CLI_H

#include <getopt.h>
#include <stdio.h>
#include "diag.h"
#include "event.h"
#include "evwrite.h"
#include "fieldmap.h"
#include "settings.h"
#include "ts.h"

enum {
	CLI_OPT_FIELD = 0x1000,
	CLI_OPT_MAP,
	CLI_OPT_STRICT,
	CLI_OPT_MAX_LINE,
	CLI_OPT_INPUT_TZ,
	CLI_OPT_TIME_FORMAT,
	CLI_OPT_HELP,
	CLI_OPT_VERSION,
	CLI_OPT_MAX_CONVERSATIONS,
	CLI_OPT_WIDTH,
	CLI_OPT_TOOL = 0x1100	/* tools number their long-only options from here */
};

#define CLI_COMMON_LONGOPTS \
	{ "input-format",  required_argument, NULL, 'i' }, \
	{ "output-format", required_argument, NULL, 'o' }, \
	{ "field",         required_argument, NULL, CLI_OPT_FIELD }, \
	{ "map",           required_argument, NULL, CLI_OPT_MAP }, \
	{ "strict",        no_argument,       NULL, CLI_OPT_STRICT }, \
	{ "max-line",      required_argument, NULL, CLI_OPT_MAX_LINE }, \
	{ "input-tz",      required_argument, NULL, CLI_OPT_INPUT_TZ }, \
	{ "time-format",   required_argument, NULL, CLI_OPT_TIME_FORMAT }, \
	{ "width",         required_argument, NULL, CLI_OPT_WIDTH }, \
	{ "help",          no_argument,       NULL, CLI_OPT_HELP }, \
	{ "version",       no_argument,       NULL, CLI_OPT_VERSION }

/* Tools that read with several threads put this in their table and 'j:'
 * in their short options; -j 0 is one thread a core.  Usage line: */
#define CLI_JOBS_LONGOPT \
	{ "jobs", required_argument, NULL, 'j' }
extern const char cli_jobs_usage[];

#define CLI_MAX_CONVERSATIONS_LONGOPT \
	{ "max-conversations", required_argument, NULL, \
	  CLI_OPT_MAX_CONVERSATIONS }

/*
 * The filters' default bound: the conversations whose context they keep
 * (about 100 bytes each, so about 1 MB; a month of a busy team's chats).
 */
#define CLI_FILTER_MAX_CONVERSATIONS	10000

/* The lines of usage text for the common options, for a tool's usage(). */
extern const char cli_common_usage[];

struct tz_db;
struct tz_zone;

struct cli_common {
	struct ev_reader_opts	 in;
	enum out_format		 out_format;
	int			 out_given;	/* -o was given */
	struct fieldmap		 map;
	struct ts_parser	 ts;
	const char		*input_tz;
	struct tz_db		*tzdb;		/* opened on first need */
	size_t			 max_conversations;  /* 0: no bound */
	long			 width;		/* --width; -1: the terminal's */
	int			 jobs;		/* -j: threads (1) */
	void			(*usage)(FILE *);  /* the tool's usage() */
	const char		*examples;	/* shown at the end of --help */
	struct settings		 settings;	/* the team's settings file */
	/* cli_getopt's state */
	char			*optstring;
	size_t			 next_setting;
	int			 settings_read;
	/* The settings entry cli_getopt's last option came from, or NULL
	 * when it came from the command line: a default that does not fit
	 * the command (cs-tzsched coverage has no --hours) is let go. */
	const struct setting	*from_setting;
};

void	cli_common_init(struct cli_common *, void (*usage)(FILE *));
/*
 * getopt_long for a tool, with the conventions every tool keeps:
 *   - first the settings file's entries whose key is one of longopts'
 *     names, each returned as that option with its value in optarg, unless
 *     the command line has the option too (the command line wins); a
 *     no-argument option takes `true` (or `yes`, `on`) and is skipped for
 *     `false`;
 *   - then the command line; -h is --help (CLI_OPT_HELP) in every tool;
 *   - an unknown option, or one without its value, is a usage error of one
 *     line with the closest option name ("did you mean '--metrics'?"),
 *     then "Try 'PROG --help'", exit 64: it never returns '?' or ':'.
 * shortopts are the tool's, as for getopt_long (no leading ':', no 'h').
 */
int	cli_getopt(struct cli_common *, const struct diag *, int argc,
	    char *const argv[], const char *shortopts,
	    const struct option *longopts);
/*
 * A zone named by option opt: the zone, matched without regard to case; a
 * usage error naming the closest zone when there is none of that name.
 */
const struct tz_zone *cli_zone(struct cli_common *, const struct diag *,
	    const char *opt, const char *name);
/*
 * 1 when the option was a common one (handled, or fatal with exit 64),
 * 0 when it is the tool's own.  --help prints usage, then the examples and
 * which settings file was read, to stdout and exits 0; --version prints
 * "PROG (cskit) VERSION" and exits 0.
 */
int	cli_common_option(struct cli_common *, struct diag *, int opt,
	    const char *arg);
/* After option parsing: loads the input zone, checks combinations. */
void	cli_common_finish(struct cli_common *, struct diag *);
/*
 * The writer of the tool's results on standard output, in the -o format;
 * a table is cut to --width, or to the terminal's width when standard
 * output is one (uncut into a file or a pipe).
 */
struct ev_writer *cli_writer_open(const struct cli_common *,
	    const struct diag *);
/* The tz database, opened now if not yet (for tools that need zones). */
struct tz_db *cli_tzdb(struct cli_common *, const struct diag *);
void	cli_common_free(struct cli_common *);

/* A duration option's value in seconds ("30m", "1h30m", "2d"); a usage
 * error (exit 64) naming the option when it is not one. */
double	cli_duration_arg(const struct diag *, const char *opt, const char *arg);

/* Parse "64M", "1G", "4096": bytes; -1 on error. */
long long cli_parse_size(const char *);

#endif
