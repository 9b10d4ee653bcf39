/*
 * cs-tzsched — answer buyers in their time, with a team in another.
 *
 *   cs-tzsched [annotate]  local time, team hours, reply deadline, auto_reply
 *   cs-tzsched followup    when to follow up, inside the customer's day
 *   cs-tzsched coverage    messages by hour of the week against the roster
 *
 * Option parsing and the stream loops; the logic is in lib/tzsched.c,
 * lib/coverage.c, lib/calendar.c and lib/tz.c.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "calendar.h"
#include "civil.h"
#include "cli.h"
#include "filterpar.h"
#include "coverage.h"
#include "filter.h"
#include "out.h"
#include "tz.h"
#include "tzsched.h"

enum {
	OPT_HOURS = CLI_OPT_TOOL, OPT_TEAM_TZ, OPT_HOLIDAYS, OPT_DEFAULT_TZ,
	OPT_COUNTRY_ZONE, OPT_WINDOW, OPT_SLA, OPT_AFTER, OPT_ROLE, OPT_ROSTER,
	OPT_SUGGEST, OPT_SHIFT, OPT_SHIFT_DAYS, OPT_WEEK, OPT_ALL, OPT_HEATMAP,
	OPT_CSV_RAW, OPT_ZONES
};

enum sub { SUB_ANNOTATE, SUB_FOLLOWUP, SUB_COVERAGE };

static void
usage(FILE *fp)
{
	fprintf(fp,
"usage: cs-tzsched [annotate] [--hours SPEC --team-tz ZONE [--holidays FILE]]\n"
"                  [--sla DUR] [zone options] [options] [file ...]\n"
"       cs-tzsched followup [--after DUR] [--role ROLE|any] [zone options]\n"
"                  [options] [file ...]\n"
"       cs-tzsched coverage --roster FILE --team-tz ZONE [--holidays FILE]\n"
"                  [--suggest N [--shift DUR] [--shift-days N]] [--week DATE]\n"
"                  [--all] [--heatmap] [options] [file ...]\n"
"Customer local time, team hours and reply deadlines; follow-up times in\n"
"the customer's day; the week's coverage by the roster.\n\n"
"      --hours SPEC          team hours, 'Mon-Fri 09:00-12:00,13:30-18:00'\n"
"      --team-tz ZONE        the team's zone (IANA name)\n"
"      --holidays FILE       closed days, YYYY-MM-DD[..YYYY-MM-DD] a line\n"
"      --sla DUR             reply target in open time (30m)\n"
"  zone options:\n"
"      --default-tz ZONE     customer zone when no tz, country or earlier\n"
"                            message of the conversation gives one\n"
"      --country-zone CC=ZONE  the zone for a country (repeatable)\n"
"      --window SPEC         the customer's day, local (09:00-21:00)\n"
"      --max-conversations N conversations whose zone is kept (default %d;\n"
"                            past it the least recently active is forgotten)\n"
"  followup:\n"
"      --after DUR           delay after the message (24h)\n"
"      --role ROLE|any       messages to follow up (agent)\n"
"  coverage:\n"
"      --roster FILE         CSV: agent,zone,days,hours\n"
"      --suggest N           propose N shifts covering the most gaps\n"
"      --shift DUR           length of a proposed shift (8h)\n"
"      --shift-days N        days a week of a proposed shift (5)\n"
"      --zones Z[,Z...]      shifts may also be proposed in these zones (an\n"
"                            agent's clock elsewhere: Europe/Berlin)\n"
"      --week DATE           reference week for the agents column\n"
"      --all                 every hour of the week, not only the gaps\n"
"      --heatmap             print the week as a text heat map instead\n"
"      --csv-raw             CSV/TSV cells as they are (else a text starting\n"
"                            = + - @ gets a ' against spreadsheet formulas)\n"
"%s%s", CLI_FILTER_MAX_CONVERSATIONS, cli_jobs_usage, cli_common_usage);
}

struct args {
	const char	*hours, *team_tz, *holidays, *default_tz, *window;
	const char	*role, *roster, *week;
	char		**country_zone;
	int		 ncountry_zone;
	double		 sla, after, shift;
	int		 suggest, shift_days, all, heatmap, csv_raw;
	const char	*zones;		/* --zones for --suggest */
	int		 team_by_hand;	/* --team-tz or --holidays given on
					 * the command line, not by settings */
};

static int
int_arg(const struct diag *d, const char *opt, const char *arg, int lo,
    int hi)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < lo || v > hi)
		diag_usage(d, "%s %s: not a number from %d to %d", opt, arg,
		    lo, hi);
	return (int)v;
}

/*
 * Does the subcommand take the option?  Asked only of an option from the
 * settings file: a team's hours or SLA there are defaults for the commands
 * that use them, not an error in the one that does not.
 */
static int
takes(enum sub sub, int opt)
{
	switch (opt) {
	case OPT_HOURS:
		return sub == SUB_ANNOTATE;
	case OPT_TEAM_TZ: case OPT_HOLIDAYS:
		return sub != SUB_FOLLOWUP;
	case OPT_DEFAULT_TZ: case OPT_COUNTRY_ZONE: case OPT_WINDOW:
		return sub != SUB_COVERAGE;
	case OPT_SLA:
		return sub == SUB_ANNOTATE;
	case OPT_AFTER: case OPT_ROLE:
		return sub == SUB_FOLLOWUP;
	case OPT_ROSTER: case OPT_SUGGEST: case OPT_SHIFT: case OPT_SHIFT_DAYS:
	case OPT_WEEK: case OPT_ALL: case OPT_HEATMAP: case OPT_CSV_RAW:
	case OPT_ZONES:
		return sub == SUB_COVERAGE;
	default:
		return 1;
	}
}

static void
parse_args(int argc, char *argv[], struct cli_common *cli, struct diag *d,
    enum sub sub, struct args *a)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		CLI_MAX_CONVERSATIONS_LONGOPT,
		CLI_JOBS_LONGOPT,
		{ "hours", required_argument, NULL, OPT_HOURS },
		{ "team-tz", required_argument, NULL, OPT_TEAM_TZ },
		{ "holidays", required_argument, NULL, OPT_HOLIDAYS },
		{ "default-tz", required_argument, NULL, OPT_DEFAULT_TZ },
		{ "country-zone", required_argument, NULL, OPT_COUNTRY_ZONE },
		{ "window", required_argument, NULL, OPT_WINDOW },
		{ "sla", required_argument, NULL, OPT_SLA },
		{ "after", required_argument, NULL, OPT_AFTER },
		{ "role", required_argument, NULL, OPT_ROLE },
		{ "roster", required_argument, NULL, OPT_ROSTER },
		{ "suggest", required_argument, NULL, OPT_SUGGEST },
		{ "shift", required_argument, NULL, OPT_SHIFT },
		{ "shift-days", required_argument, NULL, OPT_SHIFT_DAYS },
		{ "week", required_argument, NULL, OPT_WEEK },
		{ "all", no_argument, NULL, OPT_ALL },
		{ "heatmap", no_argument, NULL, OPT_HEATMAP },
		{ "csv-raw", no_argument, NULL, OPT_CSV_RAW },
		{ "zones", required_argument, NULL, OPT_ZONES },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = cli_getopt(cli, d, argc, argv, "i:o:j:", longopts)) !=
	    -1) {
		if (cli->from_setting != NULL && !takes(sub, c))
			continue;
		if (cli_common_option(cli, d, c, optarg))
			continue;
		switch (c) {
		case OPT_HOURS: a->hours = optarg; break;
		case OPT_TEAM_TZ:
			a->team_tz = optarg;
			a->team_by_hand |= cli->from_setting == NULL;
			break;
		case OPT_HOLIDAYS:
			a->holidays = optarg;
			a->team_by_hand |= cli->from_setting == NULL;
			break;
		case OPT_DEFAULT_TZ: a->default_tz = optarg; break;
		case OPT_COUNTRY_ZONE:
			a->country_zone = xrealloc(a->country_zone,
			    sizeof *a->country_zone * (a->ncountry_zone + 1));
			a->country_zone[a->ncountry_zone++] = optarg;
			break;
		case OPT_WINDOW: a->window = optarg; break;
		case OPT_SLA: a->sla = cli_duration_arg(d, "--sla", optarg); break;
		case OPT_AFTER:
			a->after = cli_duration_arg(d, "--after", optarg);
			break;
		case OPT_ROLE: a->role = optarg; break;
		case OPT_ROSTER: a->roster = optarg; break;
		case OPT_SUGGEST:
			a->suggest = int_arg(d, "--suggest", optarg, 1, 168);
			break;
		case OPT_SHIFT:
			a->shift = cli_duration_arg(d, "--shift", optarg);
			break;
		case OPT_SHIFT_DAYS:
			a->shift_days = int_arg(d, "--shift-days", optarg, 1, 7);
			break;
		case OPT_WEEK: a->week = optarg; break;
		case OPT_ALL: a->all = 1; break;
		case OPT_HEATMAP: a->heatmap = 1; break;
		case OPT_CSV_RAW: a->csv_raw = 1; break;
		case OPT_ZONES: a->zones = optarg; break;
		default:
			usage(stderr);
			exit(CS_EXIT_USAGE);
		}
	}
	cli_common_finish(cli, d);
}

/* --default-tz and --country-zone, for annotate and followup. */
static const struct tz_zone *
zone_options(struct cli_common *cli, const struct diag *d,
    const struct args *a, struct tz_db *db)
{
	const struct tz_zone *def = NULL;
	int i;

	if (a->default_tz != NULL)
		def = cli_zone(cli, d, "--default-tz", a->default_tz);
	if (def != NULL && db != cli_tzdb(cli, d))
		def = tzdb_zone(db, tz_name(def));
	for (i = 0; i < a->ncountry_zone; i++) {
		char cc[3] = { 0 };
		const char *arg = a->country_zone[i], *eq = strchr(arg, '=');

		if (eq == NULL || eq - arg != 2)
			diag_usage(d, "--country-zone %s: want CC=ZONE", arg);
		memcpy(cc, arg, 2);
		if (tzdb_set_country_zone(db, cc, eq + 1) != 0)
			diag_usage(d, "--country-zone %s: unknown country code "
			    "or time zone", arg);
	}
	return def;
}

static const char *
annotate_one(void *ctx, cJSON *ev, const struct ev_record *rec,
    struct filter_add *add)
{
	(void)rec;
	(void)add;
	return tzsched_annotate(ctx, ev);
}

static const char *
followup_one(void *ctx, cJSON *ev, const struct ev_record *rec,
    struct filter_add *add)
{
	(void)rec;
	(void)add;
	return tzsched_followup(ctx, ev);
}

/* One thread's scheduler, with a zone database of its own (the zones it
 * loads are cached there) and its own team calendar. */
struct sched {
	struct tz_db	*db;
	struct cal	*team;
	struct tzsched	*s;
};

static void
sched_make(struct cli_common *cli, struct diag *d, const struct args *a,
    struct tz_db *db, struct sched *sc)
{
	struct tzsched_opts o = { 0 };
	struct buf why = BUF_INIT;

	sc->db = db;
	sc->team = NULL;
	if (a->hours != NULL && (sc->team = cal_from_options(db, a->hours,
	    a->team_tz, a->holidays, &why)) == NULL)
		diag_usage(d, "%s", buf_str(&why));
	o.map = &cli->map;
	o.ts = &cli->ts;
	o.db = db;
	o.team = sc->team;
	o.default_zone = zone_options(cli, d, a, db);
	o.window = a->window;
	o.sla = a->sla;
	o.after = a->after;
	o.max_conversations = cli->max_conversations;
	o.role = a->role != NULL && strcmp(a->role, "any") == 0 ? NULL :
	    a->role != NULL ? a->role : "agent";
	if ((sc->s = tzsched_new(&o, &why)) == NULL)
		diag_usage(d, "--window %s: %s", a->window, buf_str(&why));
	buf_free(&why);
}

static int
run_filter(struct cli_common *cli, struct diag *d, const struct args *a,
    enum sub sub, char *const *files, int nfiles)
{
	struct tz_db *db = cli_tzdb(cli, d);
	struct ev_want want = EV_WANT_INIT;
	int status, jobs = filter_jobs(cli);
	struct sched *sc = xcalloc((size_t)jobs, sizeof *sc);
	void **ctxs = xcalloc((size_t)jobs, sizeof *ctxs);
	uint64_t no_zone = 0;

	if (a->roster || a->suggest || a->heatmap || a->all || a->week ||
	    a->csv_raw || a->zones)
		diag_usage(d, "--roster, --suggest, --week, --all and "
		    "--heatmap go with coverage");
	if (sub == SUB_FOLLOWUP && (a->hours || a->team_tz || a->holidays))
		diag_usage(d, "followup uses the customer's --window, not the "
		    "team's --hours");
	if (a->hours == NULL && a->team_by_hand)
		diag_usage(d, "--team-tz and --holidays go with --hours");
	if (a->hours != NULL) {
		if (a->team_tz == NULL)
			diag_usage(d, "--hours needs --team-tz");
		cli_zone(cli, d, "--team-tz", a->team_tz);
	}
	for (int i = 0; i < jobs; i++) {
		struct tz_db *own = i == 0 ? db : tzdb_open(NULL);
		if (own == NULL)
			diag_fatal(d, CS_EXIT_NOINPUT, "cannot read the time "
			    "zone database");
		sched_make(cli, d, a, own, &sc[i]);
		ctxs[i] = sc[i].s;
	}
	tzsched_want(sc[0].s, &want);
	cli->in.want = &want;
	status = filter_run_jobs(cli, d, files, nfiles,
	    sub == SUB_FOLLOWUP ? followup_one : annotate_one, ctxs, jobs,
	    "conversation");
	for (int i = 0; i < jobs; i++)
		no_zone += tzsched_no_zone(sc[i].s);
	if (no_zone > 0)
		diag_warn(d, "%llu message%s had no buyer zone (no tz or "
		    "country field): %s; give --default-tz ZONE, or a country "
		    "field (--field country=COLUMN)", (unsigned long long)
		    no_zone, no_zone == 1 ? "" : "s",
		    sub == SUB_FOLLOWUP ?
		    "they got no follow-up time" :
		    "their buyer-local fields are left out");
	cli->in.want = NULL;
	ev_want_free(&want);
	for (int i = 0; i < jobs; i++) {
		tzsched_free(sc[i].s);
		cal_free(sc[i].team);
		if (i > 0)
			tzdb_close(sc[i].db);
	}
	free(sc);
	free(ctxs);
	return status;
}

static void
load_roster(struct coverage *cov, struct tz_db *db, struct diag *d,
    const struct args *a)
{
	struct buf why = BUF_INIT;
	int rc;

	if ((rc = coverage_load_roster(cov, db, a->roster, d, &why)) == -2)
		exit(CS_EXIT_NOINPUT);
	if (rc != 0)
		diag_fatal(d, CS_EXIT_DATAERR, "roster %s", buf_str(&why));
	if (coverage_agents(cov) == 0)
		diag_fatal(d, CS_EXIT_DATAERR, "roster %s: no agents",
		    a->roster);
	if (a->holidays != NULL &&
	    coverage_load_holidays(cov, a->holidays, &why) != 0)
		diag_usage(d, "--holidays: %s", buf_str(&why));
	buf_free(&why);
}

static int
run_coverage(struct cli_common *cli, struct diag *d, const struct args *a,
    char *const *files, int nfiles)
{
	struct tz_db *db = cli_tzdb(cli, d);
	const struct tz_zone *team, **zones = NULL;
	struct coverage *cov;
	struct ev_reader *r;
	struct ev_record rec;
	int status, nzones = 0;

	if (a->zones != NULL && a->suggest == 0)
		diag_usage(d, "--zones goes with --suggest");
	for (const char *p = a->zones; p != NULL && *p; ) {
		size_t n = strcspn(p, ",");
		char *name = xstrndup(p, n);
		zones = xrealloc(zones, sizeof *zones * (size_t)(nzones + 1));
		zones[nzones++] = cli_zone(cli, d, "--zones", name);
		free(name);
		p += n + (p[n] == ',');
	}
	if (a->roster == NULL || a->team_tz == NULL)
		diag_usage(d, "coverage needs --roster FILE and --team-tz ZONE");
	if (a->hours != NULL)
		diag_usage(d, "coverage takes the shifts from --roster, not "
		    "--hours");
	if (a->default_tz || a->ncountry_zone || a->window || a->role)
		diag_usage(d, "coverage counts in the team's zone: no "
		    "--default-tz, --country-zone, --window or --role");
	team = cli_zone(cli, d, "--team-tz", a->team_tz);
	cov = coverage_new(team);
	load_roster(cov, db, d, a);
	if (a->week != NULL) {
		cs_time t;
		const char *why;
		struct ts_parser p = { team, { NULL } };

		if (ts_parse(&p, a->week, &t, &why) != 0)
			diag_usage(d, "--week %s: %s", a->week, why);
		coverage_set_week(cov, civil_floor_div(civil_floor_div(t, 1000) +
		    tz_offset_at(team, civil_floor_div(t, 1000), NULL, NULL),
		    86400));
	}

	r = ev_open(&cli->in, files, nfiles, d);
	while (ev_read(r, &rec) > 0) {
		const char *why = NULL, *role;
		cs_time t;
		int rc;

		if (rec.status != EV_OK) {
			coverage_reject(cov);
			continue;
		}
		role = fieldmap_str(&cli->map, rec.obj, "role");
		if (role == NULL || strcmp(role, "customer") != 0)
			continue;
		rc = fieldmap_time(&cli->map, &cli->ts, rec.obj, &t, &why);
		if (rc != 0) {
			diag_bad_line(d, rec.file, rec.line, "%s",
			    rc == 1 ? "no \"ts\" field" : why);
			coverage_reject(cov);
			continue;
		}
		coverage_add_message(cov, t);
	}
	status = diag_exit_status(d);
	if (ev_open_failed(r))
		status = CS_EXIT_NOINPUT;
	ev_close(r);

	if (a->heatmap && cli->out_given && cli->out_format != OUT_TABLE) {
		struct ev_writer *w = cli_writer_open(cli, d);

		coverage_heatmap_rows(cov, w, cli->out_format == OUT_MARKDOWN);
		ev_writer_close(w);
	} else if (a->heatmap) {
		struct out out;
		struct buf b = BUF_INIT;

		out_open(&out, STDOUT_FILENO, d);
		coverage_heatmap(cov, &b);
		out_buf(&out, &b);
		out_close(&out);
		buf_free(&b);
	} else {
		struct ev_writer *w = cli_writer_open(cli, d);

		ev_writer_neutralise(w, !a->csv_raw);
		coverage_report(cov, w, a->all);
		ev_writer_close(w);
		if (a->suggest > 0) {
			if (cli->out_format != OUT_JSONL) {
				struct out out;	/* a closed pipe ends quietly */

				out_open(&out, STDOUT_FILENO, d);
				out_puts(&out, "\n");
				out_close(&out);
			}
			w = cli_writer_open(cli, d);
			ev_writer_neutralise(w, !a->csv_raw);
			coverage_suggest(cov, a->suggest,
			    a->shift > 0 ? (int)(a->shift / 3600) : 8,
			    a->shift_days > 0 ? a->shift_days : 5, zones,
			    nzones, w);
			ev_writer_close(w);
		}
	}
	coverage_free(cov);
	free(zones);
	return status;
}

static const char examples[] =
"  cs-tzsched --hours 'Mon-Fri 09:00-18:00' --team-tz Asia/Shanghai \\\n"
"      chats.jsonl\n"
"  cs-tzsched followup --after 48h --window 09:00-20:00 chats.jsonl\n"
"  cs-tzsched coverage --roster roster.csv --team-tz Asia/Shanghai \\\n"
"      -o table chats.jsonl\n";

int
main(int argc, char *argv[])
{
	struct diag diag;
	struct cli_common cli;
	struct args a = { 0 };
	enum sub sub = SUB_ANNOTATE;
	int status;

	diag_init(&diag, "cs-tzsched");
	cli_common_init(&cli, usage);
	cli.examples = examples;
	cli.max_conversations = CLI_FILTER_MAX_CONVERSATIONS;
	if (argc > 1 && strcmp(argv[1], "followup") == 0)
		sub = SUB_FOLLOWUP;
	else if (argc > 1 && strcmp(argv[1], "coverage") == 0)
		sub = SUB_COVERAGE;
	if (sub != SUB_ANNOTATE || (argc > 1 &&
	    strcmp(argv[1], "annotate") == 0)) {
		argv[1] = argv[0];	/* getopt names the program by it */
		argv++;
		argc--;
	}
	a.sla = a.after = -1;		/* not given */
	parse_args(argc, argv, &cli, &diag, sub, &a);
	if (sub != SUB_FOLLOWUP && (a.after >= 0 || a.role != NULL))
		diag_usage(&diag, "--after and --role go with followup");
	if (sub != SUB_ANNOTATE && a.sla >= 0)
		diag_usage(&diag, "--sla goes with annotate");
	if (a.sla < 0)
		a.sla = 1800;
	if (a.after < 0)
		a.after = 86400;
	if (a.shift != 0 && (a.shift < 3600 || a.shift > 23 * 3600 ||
	    (long)a.shift % 3600 != 0))
		diag_usage(&diag, "--shift: whole hours from 1h to 23h");
	if (sub == SUB_COVERAGE)
		status = run_coverage(&cli, &diag, &a, argv + optind,
		    argc - optind);
	else
		status = run_filter(&cli, &diag, &a, sub, argv + optind,
		    argc - optind);
	cli_common_free(&cli);
	free(a.country_zone);
	return status;
}
