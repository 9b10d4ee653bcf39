/*
 * replyctx — what a reply template sees besides the event's own fields.
 *
 * Owns nothing: reply_context() builds a new cJSON object that the caller
 * deletes; the other functions answer a question about one event.  The
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
#include "reply.h"

/* Does this event get a reply (a customer message)? */
int	reply_wanted(const struct reply_opts *, const cJSON *ev);

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
