/*
 * report — the nightly report of cs-report(1): what it shows, worked out
 * from one kpi run, and the words it shows it in.
 *
 * Owns: struct report — the kpi (lib/kpi) and its views, the periods, the
 * lists of conversations kept for the report (SLA breaches, the unanswered,
 * escalations: ids and a few fields each, at most max_list of each plus
 * their counts), the hours no one covers, the checks' outcomes; and the
 * strings it builds for its writers.  Every figure is lib/kpi's, through
 * views of the same pass (kpi.h), so a figure equals cs-kpi's for the same
 * options, and the events are read once whatever the number of sections.
 *
 * Use: report_new; kpi_want(report_kpi()) and kpi_add() each event (the
 * caller's stream loop); report_finish; then report_empty, report_checks
 * and report_write_* (report_html.c, report_text.c) in any order.
 *
 * The periods, in the report's zone (kpi_opts.tz):
 *   period    [since, until): the one reported (the kpi's own);
 *   previous  the same number of days just before (the same length when
 *             the period is not whole days);
 *   week      the 7 days before the period: its "7-day average" is the
 *             figure over those days for times, shares and scores, and the
 *             count a day times the period's days for counts;
 *   trend     the `days` days that end with the period, day by day; the
 *             hours of the day and of the week are counted over it too.
 */
#ifndef CSKIT_REPORT_H
#define CSKIT_REPORT_H

#include <stdint.h>
#include "buf.h"
#include "check.h"
#include "kpi.h"
#include "l10n.h"

struct cal;
struct coverage;

struct report_opts {
	struct kpi_opts		 kpi;	/* since and until set: the period */
	enum l10n_lang		 lang;
	int			 days;		/* the trend: 7 .. 92 */
	const char		*zone_name;	/* shown ("Asia/Shanghai") */
	const char		*title;		/* the team's name, or NULL */
	const char		*link;		/* "…{{conversation}}…", NULL */
	int			 max_list;	/* rows of each list */
	/* Who is on shift, to mark the hours no one covers (both may be
	 * NULL): the roster (agents' own hours), else the team's hours. */
	struct coverage		*roster;
	const struct cal	*hours;
	const char		*hours_text;	/* --hours as given, shown */
};

struct report;

struct report *report_new(const struct report_opts *);
void	report_free(struct report *);
/* The kpi that every event goes to (kpi_add, kpi_reject, kpi_want; the
 * checks' metric names are its). */
struct kpi *report_kpi(struct report *);
/* The checks (parsed against report_kpi), evaluated on the period. */
void	report_set_checks(struct report *, const struct check *, int n);
/* End of input: the kpi finished, the sections worked out. */
void	report_finish(struct report *);

/* No conversation and no message in the period. */
int	report_empty(const struct report *);
/* The instant of the latest event read, CS_TIME_NONE when none. */
cs_time	report_latest(const struct report *);
/*
 * Check i's outcome: 1 met, 0 missed, -1 no data (which fails too); the
 * measured value in *v.
 */
int	report_check(const struct report *, int i, double *v);
int	report_nchecks(const struct report *);

/* The three forms; out receives the whole document. */
void	report_write_html(struct report *, struct buf *out);
void	report_write_markdown(struct report *, struct buf *out);
void	report_write_text(struct report *, struct buf *out);

/* ---- for the writers ----------------------------------------------------- */

/* The report's own words, in its language. */
enum rw {
	RW_TITLE, RW_PERIOD, RW_COMPARED, RW_PREVIOUS, RW_WEEK_AVG,
	RW_LATEST_EVENT, RW_STALE, RW_NO_DATA, RW_TARGETS, RW_MET, RW_MISSED,
	RW_TARGETS_SUMMARY, RW_NO_TARGETS,
	RW_HEADLINE, RW_CONVERSATIONS, RW_CUSTOMER_MESSAGES, RW_FRT_P50,
	RW_FRT_P90, RW_FRT_BH_P50, RW_FRT_BH_P90, RW_SLA_SHARE,
	RW_SLA_BREACHES, RW_UNANSWERED, RW_BACKLOG, RW_CSAT, RW_RATINGS,
	RW_CONVERSIONS, RW_CONVERSION_RATE, RW_REPURCHASE_RATE,
	RW_ESCALATIONS, RW_TREND, RW_TREND_VOLUME, RW_TREND_FRT,
	RW_TREND_CSAT, RW_HOURS, RW_HOURS_FRT, RW_HOURS_NOTE, RW_NO_COVER,
	RW_HEATMAP, RW_HEAT_FEW, RW_HEAT_MANY, RW_NO_ROSTER, RW_MEDIAN,
	RW_P90, RW_SLA_LINE,
	RW_BY_AGENT, RW_BY_COUNTRY, RW_BY_LANG, RW_BY_INTENT, RW_NO_AGENT,
	RW_UNKNOWN, RW_CHANGE, RW_MORE_ROWS, RW_JUMPS, RW_NO_JUMPS,
	RW_JUMP_LINE, RW_NO_ESCALATIONS, RW_LIST, RW_LIST_NONE,
	RW_CONVERSATION, RW_STARTED, RW_WAITED, RW_AGENT, RW_COUNTRY,
	RW_LANG, RW_INTENT, RW_STATE, RW_STATE_LATE, RW_STATE_WAITING,
	RW_STATE_ANSWERED_LATE, RW_MORE_LIST, RW_FOOTER, RW_PER_DAY,
	RW_PTS, RW_ZONE, RW_HOURS_OPEN, RW_PERIOD_DAYS, RW_OLDEST_WAITING,
	RW_SAME, RW_DAY_BEFORE, RW_STATE_ANSWERED, RW_HOUR, RW_CONTENTS,
	RW_UNCOVERED_SHARE, RW_OF, RW_COL_FRT, RW_COL_SLA, RW_COL_CSAT,
	RW_COLON, RW_LPAREN, RW_RPAREN, RW_SENTENCE, RW_SEMICOLON,
	RW_N
};
const char *report_word(const struct report *, enum rw);
/* A word with its {1} and {2} put in (NULL: nothing), appended to out. */
void	report_say(const struct report *, enum rw, const char *a,
	    const char *b, struct buf *out);

/* report_say with a count as its {1} ("12 more rows …"). */
void	report_say_count(const struct report *, enum rw, int n,
	    struct buf *out);

/* A figure of the headline: its value now, before, over the week. */
struct report_figure {
	const char	*metric;	/* cs-kpi's name ("frt_p50"), or the
					 * report's own ("backlog") */
	enum rw		 label;
	enum kpi_kind	 kind;
	double		 now, prev, week;	/* NAN: no data */
	int		 better;	/* 1 higher is better, -1 lower, 0 */
	int		 check;		/* a check on it, or -1 */
	double		 extra;		/* ratings of csat; NAN */
};
int	report_nfigures(const struct report *);
const struct report_figure *report_figure(const struct report *, int i);

/* A value as the report writes it ("14m", "93.5%", "4.62", "1,204"); "–"
 * for NAN. */
void	report_value(const struct report *, enum kpi_kind, double v,
	    struct buf *);
/* The change from `was` to `is` ("+12", "−3m", "+2.1 pts", "+8%"), with
 * -1, 0 or 1 in *dir for worse, no change or better (0 when neutral);
 * "–" when either is NAN. */
void	report_change(const struct report *, enum kpi_kind, double is,
	    double was, int better, struct buf *, int *dir);

/* Check i as given ("frt_p50<=30m"), and its measured value written as
 * the report writes values ("no data" for none). */
void	report_check_text(const struct report *, int i, struct buf *);
void	report_check_value(const struct report *, int i, struct buf *);
/* The SLA as a duration ("30m"). */
void	report_sla_text(const struct report *, struct buf *);
/* "12% of the customer messages (40 of 330) came when no one was on
 * shift." over the trend, or "" when who is on shift is not known. */
void	report_uncovered_text(const struct report *, struct buf *);
struct report_jump;
/* A line of the intents that jumped. */
void	report_jump_text(const struct report *, const struct report_jump *,
	    struct buf *);

/* The header lines: the period, what it is compared with, the zone. */
void	report_period_text(const struct report *, struct buf *);
void	report_compare_text(const struct report *, struct buf *);
/* The latest event, and a warning when it is before the period (or ""). */
void	report_latest_text(const struct report *, struct buf *);
int	report_stale(const struct report *);

/* The trend: days, and per day conversations, FRT p50 and CSAT. */
int	report_trend_days(const struct report *);
void	report_trend_day(const struct report *, int i, struct buf *label,
	    double *conversations, double *frt_p50, double *csat,
	    int *in_period);

/* FRT p50 and p90 by hour of day (0-23) over the trend; *uncovered: no
 * one on shift at that hour on any day of the week; -1 when unknown. */
void	report_hour(const struct report *, int hour, double *p50, double *p90,
	    double *conversations, int *uncovered);
/* Customer messages by weekday (0 Monday) and hour; *uncovered as above
 * for that hour of that weekday. */
void	report_week_hour(const struct report *, int wd, int hour,
	    double *messages, int *uncovered);
int	report_has_cover(const struct report *);

/* The tables by field: 0 agent, 1 country, 2 lang, 3 intent. */
enum { REPORT_TABLES = 4 };
struct report_row {
	const char	*key;		/* NULL: none (no agent, unknown) */
	double		 conv, conv_prev, frt_p50, frt_p50_prev;
	double		 sla, sla_prev, csat, csat_prev, ratings;
};
enum rw	report_table_title(int table);
int	report_table_rows(const struct report *, int table, int *more);
const struct report_row *report_table_row(const struct report *, int table,
	    int i);
/* The label of a row's key ("(no reply)" for no agent, "(unknown)"). */
const char *report_row_label(const struct report *, int table,
	    const struct report_row *);

/* Intents whose conversations jumped against the week's average. */
struct report_jump {
	const char	*intent;
	double		 now, per_period;	/* per_period: the week's
						 * average for a period */
};
int	report_njumps(const struct report *);
const struct report_jump *report_jump(const struct report *, int i);

/* The lists: 0 the escalations, 1 the breached or unanswered. */
struct report_item {
	char		*id;
	cs_time		 start;
	double		 waited;	/* FRT, or age at now when unanswered */
	int		 state;		/* RW_STATE_* */
	char		*agent, *country, *lang, *intent;
};
int	report_list(const struct report *, int list, int *total);
const struct report_item *report_item(const struct report *, int list,
	    int i);
/* The link of a conversation (--link with the id put in, percent-encoded),
 * or "" without --link. */
void	report_link(const struct report *, const char *id, struct buf *);
/* An instant as the report writes it: day and time in its zone. */
void	report_instant(const struct report *, cs_time, struct buf *);
/* The number of conversations waiting now, and since when the oldest. */
double	report_backlog(const struct report *, cs_time *oldest);
enum l10n_lang report_lang(const struct report *);
const struct report_opts *report_options(const struct report *);

#endif
