/*
 * replyctx — what a reply template sees besides the event's own fields.
 *
 * Owns struct reply_derived (the derived values of one event, reused from
 * event to event); reply_context() builds them as a new cJSON object that
 * the caller deletes; the other functions answer a question about one
 * event.  The derived values are the names of cskit-templates(5)'s Values:
 * the buyer (name, first_name, first_time, returning, angry, urgent,
 * followup), the turn (intent, topic, topic_answer, needs_video), the
 * order, joined and grounded (order_id, product, amount_text,
 * orders_count, paid, shipped, delivered, refunded, partially_refunded,
 * refund_amount_text, on_hold, cancelled, tracking_url, coupon), the
 * auto-reply's promise in the buyer's daytime and locale (promise_*,
 * holiday, holiday_closed, and the older reply_due_*), and the language (reply_lang,
 * lang_fallback).  Formatting is the plan's locale (locfmt.h); cs-reply(1)
 * states each rule.
 */
#ifndef CSKIT_REPLYCTX_H
#define CSKIT_REPLYCTX_H

#include <stddef.h>
#include <cjson/cJSON.h>
#include "buf.h"
#include "fieldmap.h"
#include "langtag.h"

struct locfmt;
struct locfmt_cache;
struct ts_parser;

/* The options of a reply run that the context and the selection read
 * (reply.h's functions take them too). */
struct reply_opts {
	const char		*default_lang;	/* "en" */
	int			 variants;	/* A/B assignment on */
	int			 escape_html;
	const struct fieldmap	*map;
	const cJSON		*set;		/* --set KEY=VALUE, an object */
	const struct ts_parser	*ts;		/* reading `ts` (NULL: RFC 3339) */
	int			 each_message;	/* a draft per message, no turns */
	double			 quiet_after;	/* s: no auto-reply this soon
						 * after an agent's message */
	size_t			 max_convs;	/* conversations and customers
						 * kept; 0: no bound */
};

/* The settings of a language directory's locale.conf. */
enum reply_setting {
	RS_LOCALE, RS_SCRIPT, RS_NAME, RS_GIVEN, RS_HONORIFICS, RS_TIME,
	RS_TIME_HOUR, RS_DATE, RS_LOWER, RS_REPLACE, RS_N
};
extern const char *const reply_setting_names[RS_N];

#define REPLY_CHAIN_MAX	8

/*
 * How one buyer language is served: made once per (lang, country) and kept
 * by the library.  The strings point into the plan or the library.
 */
struct reply_plan {
	char		 buyer[LANGTAG_MAX];	/* normalised; "" unknown */
	char		 reply[LANGTAG_MAX];	/* the drafts' language */
	int		 fallback;	/* drafts not in the buyer's language */
	int		 n;		/* directories in the chain */
	int		 chain[REPLY_CHAIN_MAX];	/* language numbers */
	const char	*set[RS_N];	/* resolved settings (NULL: none) */
	struct locfmt_cache *fmt;	/* the library's locales */
	const struct locfmt *loc;	/* NULL: the system lacks it */
	int		 isolate;	/* right to left: isolate values */
	char		 deflocale[32];	/* the default `locale` setting */
	char		 defscript[8];	/* the default `script` setting */
};


/* Does this event get a reply (a customer message)? */
int	reply_wanted(const struct reply_opts *, const cJSON *ev);

/* The event fields the derived context, the selection and the
 * conversation read. */
enum reply_field {
	RF_TYPE, RF_ROLE, RF_LANG, RF_INTENT, RF_CONVERSATION, RF_CUSTOMER,
	RF_AUTO_REPLY, RF_NEEDS_VIDEO, RF_FIRST_TIME, RF_RETURNING,
	RF_ORDERS_COUNT, RF_ORDER_COUNT, RF_ORDERS, RF_URGENCY, RF_URGENT,
	RF_SENTIMENT, RF_SENTIMENT_SCORE, RF_ESCALATE, RF_REPLY_DUE_LOCAL,
	RF_REPLY_DUE, RF_NEXT_OPEN, RF_LOCAL_TIME, RF_TEXT, RF_ORDER_ID,
	RF_CURRENCY, RF_AMOUNT, RF_TS, RF_COUNTRY, RF_TOPIC, RF_NEEDS_REPLY,
	RF_ACK, RF_STATUS, RF_ORDER_STATUS, RF_PRODUCT, RF_TRACKING_URL,
	RF_COUPON, RF_REFUND_AMOUNT, RF_CUSTOMER_NAME, RF_NEEDS_HUMAN,
	RF_HOLIDAY, RF_N
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
/* The string value of field k, NULL when absent, empty or not a string. */
const char *reply_fields_str(const struct reply_fields *, enum reply_field k);
/* Is the event angry (escalate, or negative sentiment at -0.5 or below)? */
int	reply_fields_angry(const struct reply_fields *);
int	reply_fields_urgent(const struct reply_fields *);
/*
 * Do a and b name the same order?  Case and a leading '#' aside:
 * "#so-20002" is SO-20002.
 */
int	reply_same_order(const char *a, const char *b);

/*
 * The order number written in the event's text (#11295, an Amazon or a
 * Shopee number) into out; 0, or -1 when there is none.
 */
int	reply_order_in_text(const struct reply_fields *, struct buf *out);

/* An order as the stream has shown it (replyconv.c keeps them). */
struct reply_order {
	const char	*id, *product, *currency, *status, *tracking_url,
			*coupon;
	double		 amount, refund_amount;
	int		 has_amount, has_refund;
};

/*
 * What the conversation adds to an event (cs-reply's turns and the order
 * join); NULL members and -1 counts: nothing known.
 */
struct reply_turn {
	const char		*intent, *topic, *order_id;
	int			 angry, urgent, needs_video, followup;
	int			 topic_answer;	/* the plan has the topic's
						 * partial */
	int			 referred_only;	/* order_id only of an order
						 * the messages refer to, not
						 * the joined one (auto-replies) */
	const struct reply_order *order;	/* the joined order */
	int			 orders_count;
};

/* The derived values, in the order the context object lists them. */
enum reply_derived_name {
	RD_FIRST_TIME, RD_RETURNING, RD_URGENT, RD_ANGRY, RD_NEEDS_VIDEO,
	RD_REPLY_LANG, RD_REPLY_DUE_LOCAL, RD_REPLY_DUE_TEXT,
	RD_REPLY_DUE_TIME, RD_REPLY_DUE_DATE, RD_AMOUNT_TEXT, RD_ORDER_ID,
	RD_NAME, RD_FIRST_NAME, RD_FOLLOWUP, RD_INTENT, RD_TOPIC,
	RD_TOPIC_ANSWER, RD_PRODUCT, RD_ORDERS_COUNT, RD_PAID, RD_SHIPPED,
	RD_DELIVERED, RD_REFUNDED, RD_PARTIALLY_REFUNDED,
	RD_REFUND_AMOUNT_TEXT, RD_ON_HOLD, RD_CANCELLED, RD_TRACKING_URL,
	RD_COUPON, RD_PROMISE_DATE, RD_PROMISE_WEEKDAY, RD_PROMISE_TIME,
	RD_PROMISE_MORNING, RD_PROMISE_TODAY, RD_PROMISE_TOMORROW,
	RD_HOLIDAY, RD_HOLIDAY_CLOSED, RD_LANG_FALLBACK,
	RD_N
};
extern const char *const reply_derived_names[RD_N];

/*
 * The derived values of one event, kept from event to event so that
 * deriving allocates nothing once the buffers have grown: item[k] is a
 * bool, a number or a string pointing into text[k], or cJSON_Invalid when
 * the event gives no such value.  Zero it before the first use.
 */
#define REPLY_NAME_MEMO	4096
#define REPLY_MONEY_MEMO	1024

struct reply_derived {
	cJSON		item[RD_N];
	struct buf	text[RD_N];
	/* Names addressed lately (a buyer writes several messages): the
	 * plan and the name as written → the address, the given name. */
	struct reply_name_memo {
		const char	*rule, *honorifics;	/* the library's */
		int		 given_last;
		struct buf	 raw, name, given;
		int		 ok;
	}		memo[REPLY_NAME_MEMO];
	/* Amounts formatted lately (a turn's messages join one order): the
	 * locale, the amount and the currency → the text. */
	struct reply_money_memo {
		const void	*fmt, *loc;	/* the plan's, NULL: unused */
		double		 amount;
		char		 currency[16];
		size_t		 clen;
		int		 no_currency;	/* NULL, not "" */
		struct buf	 text;
	}		money_memo[REPLY_MONEY_MEMO];
};

/*
 * Derive the values for an event's fields f, the conversation's turn t
 * (may be NULL) and the plan p its draft is made with.  need[k] (may be
 * NULL: all) says which values a template can show; the others may be
 * left out.
 */
void	reply_derive(const struct reply_plan *p, const struct reply_fields *f,
	    const struct reply_turn *t, const unsigned char *need,
	    struct reply_derived *);
void	reply_derived_free(struct reply_derived *);

/* The derived fields for ev, with plan p and turn t (may be NULL);
 * the caller deletes them. */
cJSON	*reply_context(const struct reply_opts *, const struct reply_plan *p,
	    const struct reply_turn *t, const cJSON *ev);

/* Is the event's field `name` true (or the string "true")? */
int	reply_flag(const struct reply_opts *, const cJSON *ev,
	    const char *name);

/* The options' field map, or an empty one. */
const struct fieldmap *reply_map(const struct reply_opts *);

#endif
