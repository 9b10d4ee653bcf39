/*
 * kpi — the KPI engine of cs-kpi: events in, one row of figures per group
 * out, as cs-kpi(1) DEFINITIONS says (doc/design.md: where each rule lives).
 *
 * Owns: struct kpi, the open state of one report:
 *   - per conversation (a hash map by conversation id): its start, first
 *     response, last responding message, current run of unanswered customer
 *     messages, last resolved/reopened status, its customer and group field
 *     values, its reply times and ratings;
 *   - per group (group field values plus a time bucket) and for the total:
 *     counters, the time values of every duration statistic (exact
 *     percentiles need them), the set of ordering customers;
 *   - per customer, the instants of their orders (for conversion).
 * Memory therefore grows with conversations, groups and orders, never with
 * the number of message lines.  A conversation whose events arrive in time
 * order is folded as they come and keeps no messages: only its summary, the
 * responses sent before its start (outbound, usually none) and the later
 * customer messages of the run still unanswered (let go once answered).
 * When an event comes earlier than the latest already seen for its
 * conversation, that conversation switches to a compact event list (24
 * bytes an event): the summary is turned back into the events it kept (the
 * start, each reply pair, the first and last response, what was held, the
 * last statuses, the first classified message), later events are appended,
 * and at the end the list is sorted and folded again.  That is exact unless
 * a late event lands at or before a message the fold had let go (a
 * follow-up response, a customer message of an answered run); such
 * conversations are counted by kpi_reordered() so the tool can say so.
 * With any_order every conversation is kept as such a list from its first
 * event: exact for any order, at 24 bytes an event.
 *
 * Conversation-level figures (conversations, FRT, reply and resolution
 * time, SLA, ratings of the conversation, conversion) go to the group of the
 * conversation: field `agent` is the agent of the first response, `intent`,
 * `variant` and `template` those of the first classified message (the first
 * with an `intent`), any other field the first event of the conversation
 * that has it; the time bucket is that of the start.  Message counts go by
 * each message's own fields and time; orders, and ratings without a known
 * conversation, by their own.
 */
#ifndef CSKIT_KPI_H
#define CSKIT_KPI_H

#include <stddef.h>
#include <cjson/cJSON.h>
#include "buf.h"
#include "want.h"
#include "fieldmap.h"
#include "ts.h"

struct tz_zone;
struct kpi;

enum kpi_bucket { KPI_BY_NONE, KPI_BY_HOUR, KPI_BY_DAY, KPI_BY_WEEK,
	KPI_BY_MONTH,
	KPI_BY_HOUR_OF_DAY,	/* 0-23, whatever the day (views) */
	KPI_BY_WEEKDAY_HOUR	/* weekday * 24 + hour, Monday 0 (views) */
};

/* Open (business) time in [from, to), seconds: cal_business_seconds. */
typedef double (*kpi_business_fn)(const void *ctx, cs_time from, cs_time to);

struct kpi_opts {
	const struct fieldmap	*map;
	const struct ts_parser	*ts;
	const char *const	*group;		/* -g fields (canonical names) */
	int			 ngroup;
	enum kpi_bucket		 by;
	const struct tz_zone	*tz;		/* of the buckets; NULL = UTC */
	double			 sla;		/* seconds */
	double			 window;	/* seconds, for conversion */
	int			 bots_respond;
	int			 any_order;	/* list every conversation */
	cs_time			 since, until;	/* [since, until); NONE = open */
	cs_time			 now;		/* NONE: the latest ts seen */
	size_t			 max_conversations;  /* 0: no bound */
	kpi_business_fn		 business;	/* NULL: no business figures */
	const void		*business_ctx;
};

struct kpi *kpi_new(const struct kpi_opts *);
void	kpi_free(struct kpi *);

/* One good event: NULL, or why it is a bad line (then nothing was counted). */
const char *kpi_add(struct kpi *, const cJSON *ev);
/* Add the fields kpi_add reads (for a partial reader). */
void	kpi_want(const struct kpi *, struct ev_want *);
/*
 * The default bound on conversations held (every one is held to the end of
 * input: they are only counted there).  A report cannot leave one out, so
 * an event of one conversation more makes kpi_full() true: the figures
 * would be wrong and the caller stops without a report.
 */
#define KPI_MAX_CONVERSATIONS	1000000
int	kpi_full(const struct kpi *);
/* A line that could not be an event, or one already carrying `_error`. */
void	kpi_reject(struct kpi *);

/*
 * End of input: every conversation is counted into its group (and let go)
 * and the rows are put in order.  Returns the number of rows.
 */
size_t	kpi_finish(struct kpi *);
/*
 * The same in steps, for a caller with threads: begin; prepare each of
 * nparts parts of the conversations (settled, their group and conversion
 * looked up, and put in the order of their starts: the parts may run at
 * once); merge the parts in that order (kpi_finish_order); count them, all of them into the groups and
 * views (KPI_COUNT_GROUPS) and into the total (KPI_COUNT_TOTAL), each in
 * that order, the two at once when kpi_finish_counts_apart says they may
 * be (or both in one call); let each part go (at once again); end, which
 * returns the number of rows.
 */
enum { KPI_COUNT_GROUPS = 1, KPI_COUNT_TOTAL = 2 };
void	kpi_finish_begin(struct kpi *);
void	kpi_finish_prepare(struct kpi *, size_t part, size_t nparts);
void	kpi_finish_order(struct kpi *, size_t nparts);
int	kpi_finish_counts_apart(const struct kpi *);
void	kpi_finish_count(struct kpi *, int which);
void	kpi_finish_release(struct kpi *, size_t part, size_t nparts);
size_t	kpi_finish_end(struct kpi *);
size_t	kpi_nrows(const struct kpi *);
/* Did any event have -g field f (0 .. ngroup-1)?  None: likely a typo. */
int	kpi_group_seen(const struct kpi *, int f);
/* Conversations that arrived out of time order in a way that may shift
 * their figures (see above). */
size_t	kpi_reordered(const struct kpi *);
/* The --now in effect (the latest ts seen when none was given). */
cs_time	kpi_now(const struct kpi *);

/*
 * The columns.  Key columns: the -g fields, then with --by the bucket
 * ("hour", "day", "week", "month") and "tz" (the zone of the buckets), then
 * "total".  Metrics: the list of cs-kpi(1),
 * then resolution_inferred, the business-hours figures (with a business
 * function) and the changes against the bucket before (with --by).
 */
int	kpi_key_count(const struct kpi *);
const char *kpi_key_name(const struct kpi *, int i);
int	kpi_metric_count(const struct kpi *);
const char *kpi_metric_name(const struct kpi *, int i);
/* What a metric's number is: a count, seconds, a share 0..1, a score, or
 * amounts of money by currency (conversion_amount: an object in the row,
 * a number from kpi_value only when there is a single currency). */
enum kpi_kind { KPI_COUNT, KPI_DURATION, KPI_SHARE, KPI_SCORE, KPI_AMOUNTS };
enum kpi_kind kpi_metric_kind(const struct kpi *, int i);
/* The number of a metric name among the available ones, or -1. */
int	kpi_metric_find(const struct kpi *, const char *name);
/* Every metric, a line each: name, definition, the option it needs. */
void	kpi_metrics_list(struct buf *out);
/* The metric name closest to a mistyped one, or NULL. */
const char *kpi_metric_suggest(const char *name);
/* The option a metric needs ("--hours", "--by"), or NULL. */
const char *kpi_metric_requires(const char *name);

/*
 * Row r (0 .. rows-1; the total is last): 0 and *v, or -1 for null.  A
 * row's figures are computed when first asked for (the last row is kept).
 */
int	kpi_value(struct kpi *, size_t row, int metric, double *v);
int	kpi_row_is_total(const struct kpi *, size_t row);
/* The record of row r with the given metrics (all when metrics is NULL). */
cJSON	*kpi_row_object(struct kpi *, size_t row, const int *metrics,
	    int nmetrics);
/* "agent=li day=2026-11-20", or "total", for messages. */
void	kpi_row_label(const struct kpi *, size_t row, struct buf *);

/*
 * Mergeable state, for a report over an input read in parts (cs-kpi -j,
 * -o partial and --merge): the open state of a report before kpi_finish.
 *
 * kpi_absorb moves src's state into dst, made with the same options, as
 * if dst had read src's input after its own; src is spent (only kpi_free
 * may follow).  Absorbing the parts in the order of the input gives the
 * report of one run over the whole input, byte for byte, when each
 * conversation's events come in time order (as exports are) or the parts
 * were read with any_order.  Otherwise, as for one run over such input, a
 * conversation whose events of two parts interleave past a message a part
 * let go is folded from the parts' summaries and counted by
 * kpi_reordered().
 *
 * A report's views (kpi_view_add) are not carried: merge reports without.
 *
 * kpi_partial_write writes the state as JSON lines (cs-kpi(1), PARTIAL
 * STATE), each passed to emit without its newline; the report is spent.
 * kpi_partial_add reads one such line (its text, without the newline)
 * back into a report made for that part with kpi_new: NULL, or why the
 * line is not one.
 */
typedef void (*kpi_emit_fn)(void *ctx, const char *line, size_t len);
void	kpi_absorb(struct kpi *dst, struct kpi *src);
/*
 * The same in steps, for a caller with threads: begin looks every string
 * and tuple of src up in dst and makes dst's groups; the three parts touch
 * disjoint state of dst's, so they may run at once on three threads; end
 * joins the conversations both have and frees the absorption.
 */
struct kpi_absorb;
enum kpi_absorb_part { KPI_ABSORB_GROUPS, KPI_ABSORB_ORDERS,
	KPI_ABSORB_CONVERSATIONS };
struct kpi_absorb *kpi_absorb_begin(struct kpi *dst, struct kpi *src);
void	kpi_absorb_part(struct kpi_absorb *, enum kpi_absorb_part);
void	kpi_absorb_end(struct kpi_absorb *);
void	kpi_partial_write(struct kpi *, kpi_emit_fn emit, void *ctx);
const char *kpi_partial_add(struct kpi *, const char *line, size_t len);

/*
 * --since / --until values: RFC 3339 (or what ts_parse reads), `today` and
 * `yesterday` (local midnight in tz), or a duration back from now ("7d",
 * "12h").  0, or -1 when unreadable.
 */
int	kpi_parse_instant(const char *s, cs_time now, const struct tz_zone *tz,
	    const struct ts_parser *p, cs_time *out);
/* "hour" "day" "week" "month" → bucket; -1 if unknown. */
int	kpi_bucket_parse(const char *);

/*
 * ---- Views: several reports from one pass (cs-report) ----
 *
 * A view is a report of its own over the same events, counted in the same
 * pass by the same definitions: its own group fields, its own bucket (any
 * kpi_bucket, the hours of the day and of the week included) and its own
 * period [since, until); the rest (SLA, window, zone, business hours, now)
 * is its kpi's.  Add views after kpi_new and before the first kpi_add.  A
 * view is read as any kpi (kpi_nrows, kpi_value, kpi_row_key ...) after its
 * kpi's kpi_finish; it belongs to that kpi, which frees it.  Each
 * conversation is folded once whatever the number of views, then counted
 * into each view whose period holds its start; messages, orders and ratings
 * go to each view whose period holds their own time (in the same order as
 * a kpi of their own would count them, so sums agree to the last bit).
 * The group field names of a view are borrowed: they must outlive the kpi.
 * Views and the fields only they read stay in the process: a kpi with
 * views is not for kpi_absorb or partial state (cs-report needs neither).
 */
struct kpi_view_opts {
	const char *const	*group;
	int			 ngroup;
	enum kpi_bucket		 by;
	cs_time			 since, until;	/* NONE: open */
};
struct kpi *kpi_view_add(struct kpi *, const struct kpi_view_opts *);

/*
 * A field read from every event and kept with each conversation (its -g
 * fields come first, then those views or callers ask for): its number,
 * added when new (before the first kpi_add; name borrowed).
 */
int	kpi_field(struct kpi *, const char *name);
const char *kpi_field_name(const struct kpi *, int field);

/* Row r's value of its group field i (NULL: missing, or the total row);
 * its bucket: a day number in the zone, an hour of the day 0-23, ... */
const char *kpi_row_key(const struct kpi *, size_t row, int field);
int64_t	kpi_row_bucket(const struct kpi *, size_t row);

/*
 * Each conversation that has a start, as kpi_finish counts it, to a
 * function: for lists of conversations (SLA breaches, escalations).  The
 * struct and its strings are valid during the call only.
 */
struct kpi_conversation {
	const char	*id;
	cs_time		 start;
	cs_time		 first_response;	/* NONE: unanswered */
	/* The first customer message not answered yet, unless the
	 * conversation was resolved after it; NONE when nobody waits. */
	cs_time		 waiting_since;
	int		 breached;	/* counted in sla_breaches */
	int		 escalated;	/* a message had `escalate: true` */
	int		 closed;	/* its last status is `resolved` */
	const uint32_t	*values;	/* for kpi_conversation_value */
};
typedef void (*kpi_conversation_fn)(void *ctx,
	    const struct kpi_conversation *);
void	kpi_on_conversation(struct kpi *, kpi_conversation_fn, void *ctx);
/* The latest ts read (events after --now left out); NONE when none. */
cs_time	kpi_latest(const struct kpi *);
/* The conversation's value of a field (kpi_field), or NULL. */
const char *kpi_conversation_value(const struct kpi *,
	    const struct kpi_conversation *, int field);

#endif
