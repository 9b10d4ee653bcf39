/*
 * replyctx — what a reply template sees besides the event's own fields.
 *
 * Owns struct reply_derived (the derived values of one event, reused from
 * event to event); reply_context() builds them as a new cJSON object that
 * the caller deletes; the other functions answer a question about one
 * event.  The
 * derived fields are the buyer (first_time, returning, urgent, angry,
 * needs_video), the promised reply time in her local time and in the words
 * of her language (reply_due_local, reply_due_text, reply_due_time,
 * reply_due_date), the amount as she writes it (amount_text), an order
 * number found in her text when the event has none (order_id), the
 * canonical names of mapped fields and the --set values.  cs-reply(1)
 * states each rule.
 */
#ifndef CSKIT_REPLYCTX_H
#define CSKIT_REPLYCTX_H

#include <stddef.h>
#include <cjson/cJSON.h>
#include "fieldmap.h"

/* The options of a reply run that the context and the selection read
 * (reply.h's functions take them too). */
struct reply_opts {
	const char		*default_lang;	/* "en" */
	int			 variants;	/* A/B assignment on */
	int			 escape_html;
	const struct fieldmap	*map;
	const cJSON		*set;		/* --set KEY=VALUE, an object */
};

/* Does this event get a reply (a customer message)? */
int	reply_wanted(const struct reply_opts *, const cJSON *ev);

/* The event fields the derived context and the selection read. */
enum reply_field {
	RF_TYPE, RF_ROLE, RF_LANG, RF_INTENT, RF_CONVERSATION, RF_CUSTOMER,
	RF_AUTO_REPLY, RF_NEEDS_VIDEO, RF_FIRST_TIME, RF_RETURNING,
	RF_ORDERS_COUNT, RF_ORDER_COUNT, RF_ORDERS, RF_URGENCY, RF_URGENT,
	RF_SENTIMENT, RF_SENTIMENT_SCORE, RF_ESCALATE, RF_REPLY_DUE_LOCAL,
	RF_REPLY_DUE, RF_NEXT_OPEN, RF_LOCAL_TIME, RF_TEXT, RF_ORDER_ID,
	RF_CURRENCY, RF_AMOUNT, RF_N
};
extern const char *const reply_field_names[RF_N];	/* canonical */

/* Those fields of one event, read through the field map; NULL: absent. */
struct reply_fields {
	const cJSON	*v[RF_N];
};

/* Fill f by looking each field up in ev (a reply_run uses its index). */
void	reply_fields_get(const struct reply_opts *, const cJSON *ev,
	    struct reply_fields *f);
int	reply_wanted_fields(const struct reply_fields *);
/* Is field k true (or the string "true")? */
int	reply_fields_flag(const struct reply_fields *, enum reply_field k);

/* The derived values, in the order the context object lists them. */
enum reply_derived_name {
	RD_FIRST_TIME, RD_RETURNING, RD_URGENT, RD_ANGRY, RD_NEEDS_VIDEO,
	RD_REPLY_LANG, RD_REPLY_DUE_LOCAL, RD_REPLY_DUE_TEXT,
	RD_REPLY_DUE_TIME, RD_REPLY_DUE_DATE, RD_AMOUNT_TEXT, RD_ORDER_ID,
	RD_N
};
extern const char *const reply_derived_names[RD_N];

/*
 * The derived values of one event, kept from event to event so that
 * deriving allocates nothing once the buffers have grown: item[k] is a
 * bool or a string pointing into text[k], or cJSON_Invalid when the event
 * gives no such value.  Zero it before the first use.
 */
struct reply_derived {
	cJSON		item[RD_N];
	struct buf	text[RD_N];
};

/*
 * Derive the values for an event's fields f in language lang.  need[k]
 * (may be NULL: all) says which values a template can show; the others
 * may be left out.
 */
void	reply_derive(const struct reply_fields *f, const char *lang,
	    const unsigned char *need, struct reply_derived *);
void	reply_derived_free(struct reply_derived *);

/* The derived fields for ev, rendered in language lang (caller deletes). */
cJSON	*reply_context(const struct reply_opts *, const cJSON *ev,
	    const char *lang);

/* Is the event's field `name` true (or the string "true")? */
int	reply_flag(const struct reply_opts *, const cJSON *ev,
	    const char *name);

/* The options' field map, or an empty one. */
const struct fieldmap *reply_map(const struct reply_opts *);

/*
 * Does the (lower-case) tag start with the language code on a subtag
 * boundary?  Its length when it does ("zh-hant-tw", "zh-hant" → 7), else 0.
 */
size_t	reply_tag_prefix(const char *tag, const char *code);

#endif
