/*
 * replyconv — what cs-reply remembers between events, within a bound:
 * per conversation, the buyer's open turn (her messages since the last
 * agent message, their intents, topic, order number and mood), the draft
 * waiting for that turn to end, the last agent message, the closed period
 * of the last auto-reply and the last drafts written; per customer, her
 * orders as order events showed them (the order join).
 *
 * Owns: struct reply_convs, its conversations and customers (each map at
 * most `max` entries, the least recently used forgotten first; 0: no
 * bound) and every string in them.  A conversation is forgotten only
 * through the caller's `forget` function, which must first end its turn
 * (its pending draft, if any, is released by the caller); pointers to a
 * conversation or an order are valid until the next call that adds one.
 */
#ifndef CSKIT_REPLYCONV_H
#define CSKIT_REPLYCONV_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "langtag.h"
#include "mustache.h"
#include "replyctx.h"
#include "ts.h"

#define REPLY_ORDERS_KEPT	4	/* a customer's latest orders */

/* A draft waiting for the end of its turn. */
struct reply_pending {
	uint64_t	 ticket;	/* the caller's, for the held event */
	struct buf	 text;
	const char	*tpl_id;	/* the library's */
	const char	*variant;	/* the library's, or NULL */
	struct mst_names missing;
	char		 reply_lang[LANGTAG_MAX];
	char		 buyer_lang[LANGTAG_MAX];	/* "" unknown */
	int		 needs_human;
};

/*
 * A conversation's strings are kept inline ("" for none; one too long
 * for its room is kept as none): no allocation per message, and one
 * conversation's state on few cache lines.
 */
struct reply_conv {
	cs_time		 last_agent;	/* CS_TIME_NONE when none */
	uint64_t	 last_draft;	/* hash of the last draft written */
	uint64_t	 last_auto;	/* hash of the last auto-reply */
	const void	*plan;		/* the run's plan for them, or NULL */
	char		 period[40];	/* closed period of the last auto-reply */
	char		 lang[32];	/* the buyer's last stated language */
	char		 country[8];
	/* The open turn. */
	int		 nmsg;		/* her messages in it that need a reply */
	char		 intent[48], topic[48], order_id[64];
	int		 angry, urgent, needs_video;
	int		 has_pending;
	struct reply_pending pending;
};

struct reply_convs;

/* forget(arg, conv) ends a conversation's turn before it is forgotten. */
struct reply_convs *reply_convs_new(size_t max,
	    void (*forget)(void *arg, struct reply_conv *), void *arg);
/* Forgets nothing through `forget`: end the turns first. */
void	reply_convs_free(struct reply_convs *);

/* The conversation `key`, made the newest (added when absent). */
struct reply_conv *reply_convs_get(struct reply_convs *, const char *key);
/* The conversation `key`, or NULL (its recency unchanged). */
struct reply_conv *reply_convs_find(struct reply_convs *, const char *key);
/* Call fn for every conversation (for the end of the input). */
void	reply_convs_each(struct reply_convs *,
	    void (*fn)(void *arg, struct reply_conv *), void *arg);

/* A conversation's string field set to s (NULL: none); 1 if it changed. */
#define reply_conv_put(field, s)	reply_conv_copy((field), sizeof(field), (s))
int	reply_conv_copy(char *field, size_t size, const char *s);
/* A string field, NULL for none. */
static inline const char *
reply_conv_get(const char *field)
{
	return field[0] != '\0' ? field : NULL;
}
/* A heap string set to s (NULL: freed). */
void	reply_conv_set(char **field, const char *s);
/* The turn forgotten (the pending draft's buffers kept for reuse). */
void	reply_conv_end_turn(struct reply_conv *);

/*
 * An order event of customer: remembered (the same order_id updates its
 * state: a later event's status, refund, tracking).
 */
void	reply_convs_order(struct reply_convs *, const char *customer,
	    const struct reply_order *);
/*
 * The order to join to a message of customer: the one numbered order_id
 * (may be NULL), else her only order; NULL when none fits.  *count: her
 * orders seen (0 when none).
 */
const struct reply_order *reply_convs_join(struct reply_convs *,
	    const char *customer, const char *order_id, int *count);
/* The numbers of customer's orders kept (at most REPLY_ORDERS_KEPT) into
 * ids; returns how many (0: none, or no such customer). */
size_t	reply_convs_order_ids(struct reply_convs *, const char *customer,
	    const char *ids[REPLY_ORDERS_KEPT]);

#endif
