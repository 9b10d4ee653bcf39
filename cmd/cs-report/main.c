/*
 * cs-report — the report a team lead opens in the morning: one HTML page
 * with charts, Markdown for a chat, or text for a mail, from the KPIs of
 * lib/kpi (the figures of cs-kpi, the same code).
 *
 * Option parsing and the stream loop; what the report shows and how it is
 * written live in lib/report*.c, the cron rules in lib/guard.c.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "calendar.h"
#include "check.h"
#include "cli.h"
#include "coverage.h"
#include "guard.h"
#include "kpi.h"
#include "out.h"
#include "report.h"
#include "tz.h"

enum {
	OPT_TZ = CLI_OPT_TOOL, OPT_SLA, OPT_WINDOW, OPT_BOTS, OPT_NOW,
	OPT_SINCE, OPT_UNTIL, OPT_CHECK, OPT_HOURS, OPT_TEAM_TZ, OPT_HOLIDAYS,
	OPT_ANY_ORDER, OPT_LANG, OPT_DAYS, OPT_LINK, OPT_TITLE, OPT_MAX_LIST,
	OPT_ROSTER, OPT_ALLOW_EMPTY
};

enum form { FORM_HTML, FORM_MARKDOWN, FORM_TEXT };

static void
usage(FILE *fp)
{
	fprintf(fp,
"usage: cs-report [options] [file ...]\n"
"The team's report for a period against the one before and the 7-day\n"
"average: headline figures, targets, trends, hours, tables by agent,\n"
"market, language and intent, escalations and the conversations that\n"
"broke the SLA.  Figures are cs-kpi's (the same code).\n\n"
"  -o, --output-format F     html (default), markdown or text\n"
"      --lang en|zh          the report's language (en)\n"
"      --since TIME          period start (yesterday): RFC 3339, today,\n"
"                            yesterday, 7d\n"
"      --until TIME          period end, excluded (today)\n"
"      --tz ZONE             the report's zone (--team-tz, else UTC)\n"
"      --now TIME|now        the report's instant (the latest ts in input)\n"
"      --days N              days of the trend, 7 to 92 (28)\n"
"      --sla DURATION        first-response target (30m)\n"
"      --check EXPR          a target, e.g. 'frt_p50<=30m'; exit 1 when\n"
"                            missed, or when its metric has no data\n"
"      --hours SPEC          business hours, 'Mon-Fri 09:00-18:00'\n"
"      --team-tz ZONE        zone of --hours\n"
"      --holidays FILE       closed days, YYYY-MM-DD a line\n"
"      --roster FILE         agents' shifts (CSV: agent,zone,days,hours)\n"
"      --link URL            link of a conversation, with {{conversation}}\n"
"      --title TEXT          the team's name, under the title\n"
"      --max-list N          rows of each list of conversations (50)\n"
"      --allow-empty         a report even when the period has no data\n"
"      --window DURATION     an order this soon after the start converts (7d)\n"
"      --bots-respond        a bot's message counts as a response\n"
"      --any-order           exact for any input order (24 bytes a message)\n"
"      --max-conversations N stop (exit 65) past N conversations (default %d)\n"
"  -i, --input-format FMT    jsonl (default), csv or tsv\n"
"      --field CANON=SRC     read canonical field CANON from field SRC\n"
"      --map FILE            CANON=SRC pairs, one a line\n"
"      --strict              stop at the first bad line (exit 65)\n"
"      --max-line BYTES      longest line read (default 64M)\n"
"      --input-tz ZONE       zone of timestamps that carry no offset\n"
"      --time-format FMT     strptime(3) layout of timestamps\n"
"      --help, --version\n", KPI_MAX_CONVERSATIONS);
}

struct args {
	char		**checks;
	int		 nchecks;
	const char	*tz, *now, *since, *until, *hours, *team_tz;
	const char	*holidays, *roster, *lang;
	enum form	 form;
	int		 allow_empty;
	int		 holidays_by_hand;	/* not from the settings */
};

static int
parse_form(const char *s)
{
	if (strcmp(s, "html") == 0)
		return FORM_HTML;
	if (strcmp(s, "markdown") == 0 || strcmp(s, "md") == 0)
		return FORM_MARKDOWN;
	if (strcmp(s, "text") == 0 || strcmp(s, "txt") == 0)
		return FORM_TEXT;
	return -1;
}

static long
number_arg(const struct diag *d, const char *opt, const char *arg, long lo,
    long hi)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (end == arg || *end || v < lo || v > hi)
		diag_usage(d, "%s %s: not a number from %ld to %ld", opt, arg,
		    lo, hi);
	return v;
}

static void
parse_args(int argc, char *argv[], struct cli_common *cli, struct diag *d,
    struct args *a, struct report_opts *ro)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		CLI_MAX_CONVERSATIONS_LONGOPT,
		{ "tz", required_argument, NULL, OPT_TZ },
		{ "sla", required_argument, NULL, OPT_SLA },
		{ "window", required_argument, NULL, OPT_WINDOW },
		{ "bots-respond", no_argument, NULL, OPT_BOTS },
		{ "now", required_argument, NULL, OPT_NOW },
		{ "since", required_argument, NULL, OPT_SINCE },
		{ "until", required_argument, NULL, OPT_UNTIL },
		{ "check", required_argument, NULL, OPT_CHECK },
		{ "hours", required_argument, NULL, OPT_HOURS },
		{ "team-tz", required_argument, NULL, OPT_TEAM_TZ },
		{ "holidays", required_argument, NULL, OPT_HOLIDAYS },
		{ "any-order", no_argument, NULL, OPT_ANY_ORDER },
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "days", required_argument, NULL, OPT_DAYS },
		{ "link", required_argument, NULL, OPT_LINK },
		{ "title", required_argument, NULL, OPT_TITLE },
		{ "max-list", required_argument, NULL, OPT_MAX_LIST },
		{ "roster", required_argument, NULL, OPT_ROSTER },
		{ "allow-empty", no_argument, NULL, OPT_ALLOW_EMPTY },
		{ NULL, 0, NULL, 0 }
	};
	struct kpi_opts *o = &ro->kpi;
	int c, f;

	while ((c = cli_getopt(cli, d, argc, argv, "i:o:", longopts)) != -1) {
		if (c == 'o') {		/* ours, not the event formats */
			if ((f = parse_form(optarg)) < 0)
				diag_usage(d, "-o %s: not html, markdown or "
				    "text", optarg);
			a->form = (enum form)f;
			continue;
		}
		if (cli_common_option(cli, d, c, optarg))
			continue;
		switch (c) {
		case OPT_TZ: a->tz = optarg; break;
		case OPT_SLA: o->sla = cli_duration_arg(d, "--sla", optarg); break;
		case OPT_WINDOW:
			o->window = cli_duration_arg(d, "--window", optarg);
			break;
		case OPT_BOTS: o->bots_respond = 1; break;
		case OPT_NOW: a->now = optarg; break;
		case OPT_SINCE: a->since = optarg; break;
		case OPT_UNTIL: a->until = optarg; break;
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
		case OPT_LANG: a->lang = optarg; break;
		case OPT_DAYS:
			ro->days = (int)number_arg(d, "--days", optarg, 7, 92);
			break;
		case OPT_LINK:
			if (strncmp(optarg, "https://", 8) != 0 &&
			    strncmp(optarg, "http://", 7) != 0)
				diag_usage(d, "--link %s: not an http or https "
				    "address", optarg);
			if (strstr(optarg, "{{conversation}}") == NULL)
				diag_usage(d, "--link %s: no {{conversation}} "
				    "in it", optarg);
			ro->link = optarg;
			break;
		case OPT_TITLE: ro->title = optarg; break;
		case OPT_MAX_LIST:
			ro->max_list = (int)number_arg(d, "--max-list", optarg,
			    0, 100000);
			break;
		case OPT_ROSTER: a->roster = optarg; break;
		case OPT_ALLOW_EMPTY: a->allow_empty = 1; break;
		default:
			usage(stderr);
			exit(CS_EXIT_USAGE);
		}
	}
	cli_common_finish(cli, d);
}

static double
business_seconds(const void *cal, cs_time from, cs_time to)
{
	return cal_business_seconds(cal, from, to);
}

static cs_time
instant(struct cli_common *cli, const struct diag *d, const char *opt,
    const char *s, cs_time ref, const struct tz_zone *tz)
{
	cs_time t;

	if (kpi_parse_instant(s, ref, tz, &cli->ts, &t) != 0)
		diag_usage(d, "%s %s: not a time (RFC 3339, today, yesterday, "
		    "7d)", opt, s);
	return t;
}

/* The zone, the period, the calendar and the roster. */
static void
resolve_args(struct cli_common *cli, struct diag *d, const struct args *a,
    struct report_opts *ro, struct cal **cal, struct coverage **roster)
{
	struct kpi_opts *o = &ro->kpi;
	cs_time wall = (cs_time)time(NULL) * 1000, ref;
	struct buf why = BUF_INIT;
	int lang;

	if (a->lang != NULL) {
		if ((lang = l10n_parse(a->lang)) < 0)
			diag_usage(d, "--lang %s: not en or zh", a->lang);
		ro->lang = (enum l10n_lang)lang;
	}
	ro->zone_name = a->tz ? a->tz : a->team_tz;
	if (ro->zone_name != NULL)
		o->tz = cli_zone(cli, d, a->tz ? "--tz" : "--team-tz",
		    ro->zone_name);
	if (a->now != NULL && strcmp(a->now, "now") == 0)
		o->now = wall;
	else if (a->now != NULL)
		o->now = instant(cli, d, "--now", a->now, wall, o->tz);
	ref = o->now != CS_TIME_NONE ? o->now : wall;
	o->since = instant(cli, d, "--since", a->since ? a->since :
	    "yesterday", ref, o->tz);
	o->until = instant(cli, d, "--until", a->until ? a->until : "today",
	    ref, o->tz);
	if (o->since >= o->until)
		diag_usage(d, "--since %s is not before --until %s",
		    a->since ? a->since : "yesterday",
		    a->until ? a->until : "today");
	if (a->hours == NULL && a->holidays_by_hand)
		diag_usage(d, "--holidays goes with --hours");
	if (a->hours != NULL) {
		if (a->team_tz == NULL)
			diag_usage(d, "--hours needs --team-tz");
		*cal = cal_from_options(cli_tzdb(cli, d), a->hours, a->team_tz,
		    a->holidays, &why);
		if (*cal == NULL)
			diag_usage(d, "%s", buf_str(&why));
		o->business = business_seconds;
		o->business_ctx = *cal;
		ro->hours = *cal;
		ro->hours_text = a->hours;
	}
	if (a->roster != NULL) {
		const struct tz_zone *team = a->team_tz ? cli_zone(cli, d,
		    "--team-tz", a->team_tz) : o->tz;
		if (team == NULL)
			diag_usage(d, "--roster needs --team-tz or --tz");
		*roster = coverage_new(team);
		buf_reset(&why);
		int rc = coverage_load_roster(*roster, cli_tzdb(cli, d),
		    a->roster, d, &why);
		if (rc == -2)
			exit(CS_EXIT_NOINPUT);
		if (rc != 0)
			diag_usage(d, "%s", buf_str(&why));
		if (a->holidays && coverage_load_holidays(*roster, a->holidays,
		    &why) != 0)
			diag_usage(d, "%s", buf_str(&why));
		ro->roster = *roster;
	}
	buf_free(&why);
}

/* Read every event into the report's kpi; 1 when it filled up. */
static int
read_events(struct cli_common *cli, struct diag *d, struct kpi *k,
    struct ev_reader *r, size_t max)
{
	struct ev_record rec;

	(void)cli;
	while (ev_read(r, &rec) > 0) {
		const char *bad = NULL;
		if (rec.status == EV_OK && (bad = kpi_add(k, rec.obj)) == NULL) {
			if (kpi_full(k)) {
				diag_warn_line(d, rec.file, rec.line,
				    "conversation %zu is over --max-"
				    "conversations %zu: no report, its figures "
				    "would be wrong (raise the bound, 0 for "
				    "none)", max + 1, max);
				return 1;
			}
			continue;
		}
		if (bad != NULL)
			diag_bad_line(d, rec.file, rec.line, "%s", bad);
		kpi_reject(k);
	}
	return 0;
}

static void
write_out(struct report *rep, enum form form, const struct diag *d)
{
	struct buf b = BUF_INIT;
	struct out out;

	switch (form) {
	case FORM_HTML: report_write_html(rep, &b); break;
	case FORM_MARKDOWN: report_write_markdown(rep, &b); break;
	case FORM_TEXT: report_write_text(rep, &b); break;
	}
	out_open(&out, STDOUT_FILENO, d);
	out_buf(&out, &b);
	out_close(&out);
	buf_free(&b);
}

/* After the input: the cron rules and the report; the status when it
 * ends here, -1 when the report is written. */
static int
finish(struct diag *d, struct report *rep, const struct args *a,
    const struct report_opts *ro, struct ev_reader *r)
{
	struct kpi *k = report_kpi(rep);

	if (ev_open_failed(r))
		return CS_EXIT_NOINPUT;		/* said by the reader */
	report_finish(rep);
	guard_reordered(d, k);
	guard_stale(d, ro->kpi.since, report_latest(rep), ro->kpi.tz);
	if (report_empty(rep) && guard_empty(d, "conversations",
	    ro->kpi.since, ro->kpi.until, report_latest(rep), ro->kpi.tz,
	    a->allow_empty) != 0)
		return CS_EXIT_DATAERR;
	write_out(rep, a->form, d);
	return -1;
}

static const char examples[] =
"  cs-report --team-tz Asia/Shanghai --check 'frt_p50<=30m' all.jsonl > report.html\n"
"  cs-report -o markdown --lang zh --since 7d --until today all.jsonl\n"
"  cs-report -o text --link 'https://desk.example/c/{{conversation}}' all.jsonl\n";

int
main(int argc, char *argv[])
{
	struct diag diag;
	struct cli_common cli;
	struct args a = { 0 };
	struct report_opts ro = { .kpi = { .sla = 1800, .window = 7 * 86400,
		.since = CS_TIME_NONE, .until = CS_TIME_NONE,
		.now = CS_TIME_NONE }, .days = 28, .max_list = 50 };
	struct cal *cal = NULL;
	struct coverage *roster = NULL;

	diag_init(&diag, "cs-report");
	cli_common_init(&cli, usage);
	cli.examples = examples;
	cli.max_conversations = KPI_MAX_CONVERSATIONS;
	parse_args(argc, argv, &cli, &diag, &a, &ro);
	ro.kpi.max_conversations = cli.max_conversations;
	ro.kpi.map = &cli.map;
	ro.kpi.ts = &cli.ts;
	resolve_args(&cli, &diag, &a, &ro, &cal, &roster);
	struct report *rep = report_new(&ro);
	struct kpi *k = report_kpi(rep);
	struct check *checks = guard_checks_parse(&diag, k, a.checks,
	    a.nchecks);
	report_set_checks(rep, checks, a.nchecks);

	struct ev_want want = EV_WANT_INIT;
	kpi_want(k, &want);
	cli.in.want = &want;
	struct ev_reader *r = ev_open(&cli.in, argv + optind, argc - optind,
	    &diag);
	int status;
	if (read_events(&cli, &diag, k, r, ro.kpi.max_conversations))
		status = CS_EXIT_DATAERR;
	else if ((status = finish(&diag, rep, &a, &ro, r)) < 0) {
		/* The report is out: then the targets it missed. */
		int failed = guard_checks(&diag, k, checks, a.nchecks, 0);
		status = diag_exit_status(&diag);
		if (status == CS_EXIT_OK && failed)
			status = CS_EXIT_CHECK;
	}
	ev_close(r);
	ev_want_free(&want);
	report_free(rep);
	cal_free(cal);
	coverage_free(roster);
	free(checks);
	free(a.checks);
	cli_common_free(&cli);
	return status;
}
