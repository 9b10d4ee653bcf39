/*
 * cs-kpi — a customer-service team's KPIs from a stream of events.
 *
 * Option parsing and the stream loop; the definitions live in lib/kpi.c,
 * the --check expressions in lib/check.c.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdnoreturn.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "calendar.h"
#include "check.h"
#include "cli.h"
#include "guard.h"
#include "json.h"
#include "kpi.h"
#include "kpirun.h"
#include "tz.h"

enum {
	OPT_BY = CLI_OPT_TOOL, OPT_TZ, OPT_SLA, OPT_WINDOW, OPT_BOTS, OPT_NOW,
	OPT_SINCE, OPT_UNTIL, OPT_METRICS, OPT_CHECK, OPT_HOURS, OPT_TEAM_TZ,
	OPT_HOLIDAYS, OPT_ANY_ORDER, OPT_CSV_RAW, OPT_MERGE, OPT_PART,
	OPT_ALLOW_EMPTY
};

static void
usage(FILE *fp)
{
	fprintf(fp,
"usage: cs-kpi [options] [file ...]\n"
"A team's KPIs from events: FRT, reply and resolution time, SLA, CSAT,\n"
"repurchase and conversion, one record per group and a total.\n\n"
"  -g, --group F[,F...]      one row per value (agent, intent, country...)\n"
"      --by PERIOD           hour, day, week or month, in --tz\n"
"      --tz ZONE             zone of the periods and of today (--team-tz,\n"
"                            else UTC)\n"
"      --sla DURATION        first-response target (30m)\n"
"      --window DURATION     an order this soon after the start converts (7d)\n"
"      --bots-respond        a bot's message counts as a response\n"
"      --now TIME|now        the report's instant (the latest ts in input)\n"
"      --since TIME          period start: RFC 3339, a date (midnight in\n"
"                            --tz), today, yesterday, 7d\n"
"      --until TIME          period end (excluded), same forms\n"
"      --metrics M[,M...]    the metric columns to write; all; list (every\n"
"                            metric, defined)\n"
"      --check EXPR          e.g. 'frt_p50<=30m'; exit 1 when one fails (no\n"
"                            data in the total fails too)\n"
"      --hours SPEC          business hours, 'Mon-Fri 09:00-18:00'\n"
"      --team-tz ZONE        the team's zone: of --hours, and of the periods\n"
"      --holidays FILE       closed days, YYYY-MM-DD a line\n"
"      --any-order           exact for any input order (24 bytes a message)\n"
"      --csv-raw             CSV/TSV cells as they are (by default a text\n"
"                            starting = + - @ gets a ' so no spreadsheet\n"
"                            runs it as a formula)\n"
"      --allow-empty         a report even when the period has no events\n"
"                            (else none, and exit 65)\n"
"      --max-conversations N stop (exit 65) past N conversations (default %d;\n"
"                            0: no bound)\n"
"  -o partial                write the run's state, to finish with --merge\n"
"  -o keyed                  write the events keyed by conversation (a shuffle)\n"
"      --part N              the number of this run's part of the input\n"
"      --merge               read partial states (-o partial) and report\n"
"%s%s", KPI_MAX_CONVERSATIONS, cli_jobs_usage, cli_common_usage);
}

/* Split "a,b,c" into a NULL-terminated array (one allocation each). */
static void
split_list(const char *arg, char ***list, int *n)
{
	const char *p = arg;

	for (;;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len > 0) {
			*list = xrealloc(*list, sizeof **list * (size_t)(*n + 2));
			(*list)[(*n)++] = xstrndup(p, len);
			(*list)[*n] = NULL;
		}
		if (e == NULL)
			break;
		p = e + 1;
	}
}

static void
free_list(char **list, int n)
{
	for (int i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

/* How a table shows a metric of this kind. */
static enum ew_kind
writer_kind(enum kpi_kind kind)
{
	switch (kind) {
	case KPI_DURATION: return EW_DURATION;
	case KPI_SHARE: return EW_PERCENT;
	default: return EW_PLAIN;
	}
}

static double
business_seconds(const void *cal, cs_time from, cs_time to)
{
	return cal_business_seconds(cal, from, to);
}

/* In CSV and TSV a null is an empty cell, as spreadsheets expect. */
static void
drop_nulls(cJSON *o)
{
	cJSON *c = o->child, *next;

	for (; c != NULL; c = next) {
		next = c->next;
		if (cJSON_IsNull(c))
			cJSON_Delete(cJSON_DetachItemViaPointer(o, c));
	}
}

static void
write_report(struct cli_common *cli, const struct diag *d,
    struct kpi *k, const int *metrics, int nm, int csv_raw)
{
	struct ev_writer *w = cli_writer_open(cli, d);

	ev_writer_neutralise(w, !csv_raw);
	int nk = kpi_key_count(k);
	const char **names = xmalloc(sizeof *names * (size_t)(nk + nm));

	for (int i = 0; i < nk; i++)
		names[i] = kpi_key_name(k, i);
	for (int i = 0; i < nm; i++)
		names[nk + i] = kpi_metric_name(k, metrics[i]);
	ev_writer_columns(w, names, nk + nm);
	for (int i = 0; i < nm; i++)
		ev_writer_kind(w, names[nk + i],
		    writer_kind(kpi_metric_kind(k, metrics[i])));
	for (size_t r = 0; r < kpi_nrows(k); r++) {
		cJSON *o = kpi_row_object(k, r, metrics, nm);
		if (cli->out_format == OUT_CSV || cli->out_format == OUT_TSV)
			drop_nulls(o);
		ev_writer_write(w, o);
		cJSON_Delete(o);
	}
	ev_writer_close(w);
	free(names);
}

/* --metrics list: every metric with its definition. */
static noreturn void
list_metrics(void)
{
	struct buf b = BUF_INIT;

	kpi_metrics_list(&b);
	fwrite(b.data, 1, b.len, stdout);
	buf_free(&b);
	exit(fflush(stdout) == 0 && !ferror(stdout) ? CS_EXIT_OK :
	    CS_EXIT_IOERR);
}

struct args {
	char		**group, **metrics, **checks;
	int		 ngroup, nmetrics, nchecks;
	const char	*by, *tz, *now, *since, *until;
	const char	*hours, *team_tz, *holidays;
	int		 holidays_by_hand;	/* not from the settings */
	int		 csv_raw;
	const char	*part;
	int		 partial, keyed, merge;
	int		 allow_empty;
};

/* --part N: a whole number, as the part's JSON. */
static const char *
part_arg(const struct diag *d, const char *arg)
{
	size_t n = strspn(arg, "0123456789");

	if (n == 0 || n > 15 || arg[n] != '\0')
		diag_usage(d, "--part %s: not a whole number (0 to "
		    "999999999999999)", arg);
	while (*arg == '0' && arg[1] != '\0')
		arg++;
	return arg;
}

static void
parse_args(int argc, char *argv[], struct cli_common *cli, struct diag *d,
    struct args *a, struct kpi_opts *o)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		CLI_MAX_CONVERSATIONS_LONGOPT,
		{ "group", required_argument, NULL, 'g' },
		{ "by", required_argument, NULL, OPT_BY },
		{ "tz", required_argument, NULL, OPT_TZ },
		{ "sla", required_argument, NULL, OPT_SLA },
		{ "window", required_argument, NULL, OPT_WINDOW },
		{ "bots-respond", no_argument, NULL, OPT_BOTS },
		{ "now", required_argument, NULL, OPT_NOW },
		{ "since", required_argument, NULL, OPT_SINCE },
		{ "until", required_argument, NULL, OPT_UNTIL },
		{ "metrics", required_argument, NULL, OPT_METRICS },
		{ "check", required_argument, NULL, OPT_CHECK },
		{ "hours", required_argument, NULL, OPT_HOURS },
		{ "team-tz", required_argument, NULL, OPT_TEAM_TZ },
		{ "holidays", required_argument, NULL, OPT_HOLIDAYS },
		{ "any-order", no_argument, NULL, OPT_ANY_ORDER },
		{ "csv-raw", no_argument, NULL, OPT_CSV_RAW },
		CLI_JOBS_LONGOPT,
		{ "merge", no_argument, NULL, OPT_MERGE },
		{ "part", required_argument, NULL, OPT_PART },
		{ "allow-empty", no_argument, NULL, OPT_ALLOW_EMPTY },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = cli_getopt(cli, d, argc, argv, "i:o:g:j:", longopts)) !=
	    -1) {
		if (c == 'o' && strcmp(optarg, "partial") == 0) {
			a->partial = 1;
			continue;
		}
		if (c == 'o' && strcmp(optarg, "keyed") == 0) {
			a->keyed = 1;
			continue;
		}
		if (cli_common_option(cli, d, c, optarg))
			continue;
		switch (c) {
		case 'g': split_list(optarg, &a->group, &a->ngroup); break;
		case OPT_BY: a->by = optarg; break;
		case OPT_TZ: a->tz = optarg; break;
		case OPT_SLA: o->sla = cli_duration_arg(d, "--sla", optarg); break;
		case OPT_WINDOW:
			o->window = cli_duration_arg(d, "--window", optarg);
			break;
		case OPT_BOTS: o->bots_respond = 1; break;
		case OPT_NOW: a->now = optarg; break;
		case OPT_SINCE: a->since = optarg; break;
		case OPT_UNTIL: a->until = optarg; break;
		case OPT_METRICS:
			if (strcmp(optarg, "list") == 0)
				list_metrics();
			split_list(optarg, &a->metrics, &a->nmetrics);
			break;
		case OPT_CHECK:
			a->checks = xrealloc(a->checks, sizeof *a->checks *
			    (size_t)(a->nchecks + 1));
			a->checks[a->nchecks++] = optarg;
			break;
		case OPT_HOURS: a->hours = optarg; break;
		case OPT_TEAM_TZ: a->team_tz = optarg; break;
		case OPT_HOLIDAYS:
			a->holidays = optarg;
			a->holidays_by_hand = cli->from_setting == NULL;
			break;
		case OPT_ANY_ORDER: o->any_order = 1; break;
		case OPT_CSV_RAW: a->csv_raw = 1; break;
		case OPT_MERGE: a->merge = 1; break;
		case OPT_PART: a->part = part_arg(d, optarg); break;
		case OPT_ALLOW_EMPTY: a->allow_empty = 1; break;
		default:
			usage(stderr);
			exit(CS_EXIT_USAGE);
		}
	}
	cli_common_finish(cli, d);
	if (a->part != NULL && !a->partial && !a->keyed)
		diag_usage(d, "--part goes with -o partial or -o keyed");
	if (a->keyed && (a->partial || a->merge))
		diag_usage(d, "-o keyed writes events, not state: no -o partial "
		    "or --merge with it");
}

/* Options that need the zone database or each other. */
static struct cal *
resolve_args(struct cli_common *cli, struct diag *d,
    const struct args *a, struct kpi_opts *o)
{
	cs_time wall = (cs_time)time(NULL) * 1000, ref;
	struct cal *cal = NULL;
	struct buf why = BUF_INIT;
	int by;

	o->group = (const char *const *)a->group;
	o->ngroup = a->ngroup;
	if (a->by != NULL) {
		if ((by = kpi_bucket_parse(a->by)) < 0)
			diag_usage(d, "--by %s: not hour, day, week or month",
			    a->by);
		o->by = (enum kpi_bucket)by;
	}
	/* The team's zone is the periods' too, unless --tz says otherwise. */
	if (a->tz != NULL)
		o->tz = cli_zone(cli, d, "--tz", a->tz);
	else if (a->team_tz != NULL)
		o->tz = cli_zone(cli, d, "--team-tz", a->team_tz);
	if (a->now != NULL && strcmp(a->now, "now") == 0)
		o->now = wall;
	else if (a->now != NULL &&
	    kpi_parse_instant(a->now, wall, o->tz, &cli->ts, &o->now) != 0)
		diag_usage(d, "--now %s: not a time", a->now);
	ref = o->now != CS_TIME_NONE ? o->now : wall;
	if (a->since != NULL &&
	    kpi_parse_instant(a->since, ref, o->tz, &cli->ts, &o->since) != 0)
		diag_usage(d, "--since %s: not a time (RFC 3339, today, "
		    "yesterday, 7d)", a->since);
	if (a->until != NULL &&
	    kpi_parse_instant(a->until, ref, o->tz, &cli->ts, &o->until) != 0)
		diag_usage(d, "--until %s: not a time (RFC 3339, today, "
		    "yesterday, 7d)", a->until);
	if (o->since != CS_TIME_NONE && o->until != CS_TIME_NONE &&
	    o->since >= o->until)
		diag_usage(d, "--since %s is not before --until %s", a->since,
		    a->until);
	if (a->hours == NULL && a->holidays_by_hand)
		diag_usage(d, "--holidays goes with --hours");
	if (a->hours != NULL) {
		if (a->team_tz == NULL)
			diag_usage(d, "--hours needs --team-tz");
		cal = cal_from_options(cli_tzdb(cli, d),
		    a->hours, a->team_tz, a->holidays, &why);
		if (cal == NULL)
			diag_usage(d, "%s", buf_str(&why));
		o->business = business_seconds;
		o->business_ctx = cal;
	}
	buf_free(&why);
	return cal;
}

/* What a table for people shows without --metrics: one screen wide. */
static const char *const table_metrics[] = { "conversations",
    "customer_messages", "frt_p50", "frt_p90", "sla_share", "unanswered",
    "csat", "conversion_rate" };

/* A metric named on the command line that is none. */
static noreturn void
unknown_metric(const struct diag *d, const char *what, const char *name)
{
	const char *near = kpi_metric_suggest(name);

	if (kpi_metric_requires(name) != NULL)
		diag_usage(d, "%s: %s needs %s", what, name,
		    kpi_metric_requires(name));
	if (near != NULL)
		diag_usage(d, "%s: unknown metric '%s' (did you mean '%s'? "
		    "all: cs-kpi --metrics list)", what, name, near);
	diag_usage(d, "%s: unknown metric '%s' (all: cs-kpi --metrics list)",
	    what, name);
}

/*
 * The metric columns: those of --metrics, or every one (--metrics all, and
 * what a program reads: JSON, CSV, TSV), or for a table a short set.
 */
static int *
select_metrics(const struct diag *d, const struct kpi *k, const struct args *a,
    enum out_format fmt, int *n)
{
	const char *const *names = (const char *const *)a->metrics;
	int all = a->nmetrics == 0 && fmt != OUT_TABLE && fmt != OUT_MARKDOWN;

	if (a->nmetrics == 1 && strcmp(a->metrics[0], "all") == 0)
		all = 1;
	*n = all ? kpi_metric_count(k) : a->nmetrics;
	if (!all && a->nmetrics == 0) {
		names = table_metrics;
		*n = (int)(sizeof table_metrics / sizeof table_metrics[0]);
	}
	int *metrics = xmalloc(sizeof *metrics * (size_t)*n);
	for (int i = 0; i < *n; i++)
		if ((metrics[i] = all ? i : kpi_metric_find(k, names[i])) < 0)
			unknown_metric(d, "--metrics", names[i]);
	return metrics;
}


/*
 * End of input: the rows, the checks, the exit status, with the rules that
 * keep a cron job from passing on no data (lib/guard.h): an input that
 * could not be opened gives no report; nothing in the period neither,
 * unless --allow-empty; a newest event older than the period is warned of.
 */
static int
report(const struct kpirun *run, struct kpi *k, int status,
    const struct args *a, const struct kpi_opts *o, const int *metrics,
    int nm, struct check *checks)
{
	struct cli_common *cli = run->cli;
	struct diag *d = run->diag;

	if (status == CS_EXIT_NOINPUT)
		return status;		/* said by the reader: no report */
	kpirun_finish(run, k);
	for (int f = 0; f < a->ngroup; f++) {
		const char *near = fieldmap_suggest(a->group[f]);
		if (kpi_group_seen(k, f) || kpi_nrows(k) <= 1)
			continue;
		if (near != NULL)
			diag_warn(d, "-g %s: no event has that field (did you "
			    "mean '%s'?)", a->group[f], near);
		else
			diag_warn(d, "-g %s: no event has that field",
			    a->group[f]);
	}
	guard_reordered(d, k);
	guard_stale(d, o->since, kpi_latest(k), o->tz);
	if (guard_kpi_empty(k) && guard_empty(d, "events", o->since, o->until,
	    kpi_latest(k), o->tz, a->allow_empty) != 0)
		return CS_EXIT_DATAERR;
	write_report(cli, d, k, metrics, nm, a->csv_raw);
	int failed = guard_checks(d, k, checks, a->nchecks, 1);
	if (status == CS_EXIT_OK && failed)
		status = CS_EXIT_CHECK;
	return status;
}

static const char examples[] =
"  cs-kpi -g agent --by day -o table chats.jsonl\n"
"  cs-kpi --since yesterday --until today --check 'frt_p50<=30m' chats.jsonl\n"
"  cs-kpi --metrics list                        # every metric, defined\n";

/* The options a part of the input must have been read with. */
static char *
settings_of(const struct args *a, const struct kpi_opts *o)
{
	struct kpirun_settings s = { (const char *const *)a->group,
	    a->ngroup, a->by, o->tz ? tz_name(o->tz) : NULL, o->since,
	    o->until, o->now,
	    o->bots_respond };

	return kpirun_settings_json(&s);
}

int
main(int argc, char *argv[])
{
	struct diag diag;
	struct cli_common cli;
	struct args a = { 0 };
	struct kpi_opts o = { .sla = 1800, .window = 7 * 86400,
		.since = CS_TIME_NONE, .until = CS_TIME_NONE,
		.now = CS_TIME_NONE };

	diag_init(&diag, "cs-kpi");
	cli_common_init(&cli, usage);
	cli.examples = examples;
	cli.max_conversations = KPI_MAX_CONVERSATIONS;
	parse_args(argc, argv, &cli, &diag, &a, &o);
	o.max_conversations = cli.max_conversations;
	o.map = &cli.map;
	o.ts = &cli.ts;
	struct cal *cal = resolve_args(&cli, &diag, &a, &o);
	struct kpi *k = kpi_new(&o);

	int nm;
	int *metrics = select_metrics(&diag, k, &a, cli.out_format, &nm);
	struct check *checks = guard_checks_parse(&diag, k, a.checks,
	    a.nchecks);

	char *settings = settings_of(&a, &o);
	struct kpirun run = { &o, &cli, &diag, cli.jobs, settings };
	int status;

	kpi_free(k);
	k = NULL;
	if (a.keyed)
		status = kpirun_keyed(&run, argv + optind, argc - optind,
		    a.part);
	else if (a.merge)
		k = kpirun_merge(&run, argv + optind, argc - optind, &status);
	else
		k = kpirun_events(&run, argv + optind, argc - optind, &status);
	/* No report past the bound, as after a line past --max-line under
	 * --strict. */
	if (k != NULL && a.partial)
		kpirun_write_partial(&run, k, a.part);
	else if (k != NULL)
		status = report(&run, k, status, &a, &o, metrics, nm, checks);

	kpi_free(k);
	free(settings);
	cal_free(cal);
	free(metrics);
	free(checks);
	free(a.checks);
	free_list(a.group, a.ngroup);
	free_list(a.metrics, a.nmetrics);
	cli_common_free(&cli);
	return status;
}
