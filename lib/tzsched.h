/*
 * tzsched — the customer's clock against the team's calendar, one event at
 * a time: the logic of `cs-tzsched` (annotate) and `cs-tzsched followup`.
 *
 * Owns: struct tzsched — a copy of the options, the customer-window
 * calendars (one per customer zone met, made on first use) and the memory
 * of each conversation's customer zone (open state: one entry per
 * conversation seen with a zone, so a reply without `tz`/`country` is read
 * in its customer's zone).  The team calendar, field map, time parser and
 * tz database are borrowed and must outlive it.
 *
 * The customer's zone is, in order: the event's `tz`; the zone of its
 * `country` (tzdb_country_zone, so --country-zone overrides apply); the
 * zone remembered for its `conversation`; the default zone.  A `tz` or
 * `country` that names no zone is a bad field, never UTC in silence.  An
 * event with no zone at all still gets what needs none (the team's fields,
 * reply_due) and is counted (tzsched_no_zone), so that the tool can say
 * once, at the end, how many and how to give one.
 * Events whose `type` is not `message` (absent means message) pass untouched.
 */
#ifndef CSKIT_TZSCHED_H
#define CSKIT_TZSCHED_H

#include <stdint.h>
#include <cjson/cJSON.h>
#include "buf.h"
#include "ts.h"

struct ev_want;

struct cal;
struct fieldmap;
struct tz_db;
struct tz_zone;

#define TZSCHED_WINDOW_DEFAULT	"09:00-21:00"

struct tzsched_opts {
	const struct fieldmap	*map;
	const struct ts_parser	*ts;
	struct tz_db		*db;
	const struct cal	*team;		/* NULL: no team fields */
	const struct tz_zone	*default_zone;	/* --default-tz, or NULL */
	const char		*window;	/* customer hours spec */
	double			 sla;		/* open seconds for reply_due */
	double			 after;		/* followup: delay in seconds */
	const char		*role;		/* followup: role to act on;
						   NULL: every message */
	size_t			 max_conversations;  /* zones kept; 0: all */
};

struct tzsched;

/* NULL with the reason in *why when the window spec is bad. */
struct tzsched	*tzsched_new(const struct tzsched_opts *, struct buf *why);
void		 tzsched_free(struct tzsched *);

/*
 * Annotate a message event in place: customer_tz, local_time, local_hour,
 * customer_daytime; with a team calendar also team_open and next_open; for
 * a customer message reply_due and reply_due_local, and with a team
 * calendar auto_reply.  NULL, or the reason the event is bad (valid until
 * the next call).
 */
const char	*tzsched_annotate(struct tzsched *, cJSON *ev);
/*
 * For a message of the chosen role: customer_tz, followup_at (UTC) and
 * followup_local, the first instant at or after ts + after that falls in
 * the customer's window.
 */
const char	*tzsched_followup(struct tzsched *, cJSON *ev);
/* Messages annotated (or passed over by followup) without a buyer zone. */
uint64_t	 tzsched_no_zone(const struct tzsched *);
/* Add the fields the two above read and set (for a partial reader). */
void		 tzsched_want(const struct tzsched *, struct ev_want *);

#endif
