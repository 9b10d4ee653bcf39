#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
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
"      --help, --version\n";

void
cli_common_init(struct cli_common *c, void (*usage)(FILE *))
{
	memset(c, 0, sizeof *c);
	c->in.format = EV_JSONL;
	c->out_format = OUT_JSONL;
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
		return 1;
	case 'o':
		if ((f = ev_writer_format_parse(arg)) < 0)
			diag_usage(d, "unknown output format '%s' (jsonl, csv, "
			    "tsv, table, markdown)", arg);
		c->out_format = (enum out_format)f;
		return 1;
	case CLI_OPT_FIELD:
		if (fieldmap_add(&c->map, arg, &why) < 0)
			diag_usage(d, "--field %s: %s", arg, why);
		return 1;
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
	case CLI_OPT_TIME_FORMAT:
		c->ts.time_format = arg;
		return 1;
	case CLI_OPT_HELP:
		c->usage(stdout);
		exit(CS_EXIT_OK);
	case CLI_OPT_VERSION:
		printf("%s (cskit) %s\n", d->prog, CSKIT_VERSION);
		exit(CS_EXIT_OK);
	}
	return 0;
}

struct tz_db *
cli_tzdb(struct cli_common *c, struct diag *d)
{
	if (c->tzdb == NULL && (c->tzdb = tzdb_open(NULL)) == NULL)
		diag_fatal(d, CS_EXIT_NOINPUT, "cannot read the time zone "
		    "database");
	return c->tzdb;
}

void
cli_common_finish(struct cli_common *c, struct diag *d)
{
	if (c->input_tz != NULL) {
		c->ts.input_zone = tzdb_zone(cli_tzdb(c, d), c->input_tz);
		if (c->ts.input_zone == NULL)
			diag_usage(d, "--input-tz %s: unknown time zone",
			    c->input_tz);
	}
}

void
cli_common_free(struct cli_common *c)
{
	fieldmap_free(&c->map);
	if (c->tzdb != NULL)
		tzdb_close(c->tzdb);
	c->tzdb = NULL;
}
