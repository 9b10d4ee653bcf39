/*
 * replyconv — conversations' turns and customers' orders, bounded.
 */
#include <stdlib.h>
#include <string.h>

#include "hmap.h"
#include "replyconv.h"

/* An order kept: the view handed out, over strings owned here. */
struct kept_order {
	struct reply_order	 o;	/* strings below, or NULL */
	char			*s[6];	/* id product currency status
					 * tracking_url coupon */
};

struct customer {
	int			 norders;	/* seen in the stream */
	int			 nkept;
	struct kept_order	 kept[REPLY_ORDERS_KEPT];	/* oldest first */
};

struct reply_convs {
	size_t		 max;
	struct hmap	 convs;		/* key → struct reply_conv * */
	struct hmap	 customers;	/* key → struct customer * */
	void		(*forget)(void *, struct reply_conv *);
	void		*arg;
};

struct reply_convs *
reply_convs_new(size_t max, void (*forget)(void *, struct reply_conv *),
    void *arg)
{
	struct reply_convs *rc = xcalloc(1, sizeof(*rc));
	struct hmap empty = HMAP_INIT;

	rc->max = max;
	rc->convs = empty;
	rc->customers = empty;
	rc->forget = forget;
	rc->arg = arg;
	return rc;
}

void
reply_conv_set(char **field, const char *s)
{
	if (*field != NULL && s != NULL && strcmp(*field, s) == 0)
		return;
	free(*field);
	*field = s != NULL ? xstrdup(s) : NULL;
}

int
reply_conv_copy(char *field, size_t size, const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	if (n >= size)
		n = 0;		/* too long to keep: none */
	if (strncmp(field, s != NULL ? s : "", n) == 0 && field[n] == '\0')
		return 0;
	memcpy(field, s != NULL ? s : "", n);
	field[n] = '\0';
	return 1;
}

void
reply_conv_end_turn(struct reply_conv *c)
{
	c->nmsg = 0;
	c->intent[0] = c->topic[0] = c->order_id[0] = '\0';
	c->angry = c->urgent = c->needs_video = 0;
	c->has_pending = 0;
	c->pending.ticket = 0;
	/* A quiet conversation holds no draft's memory. */
	buf_free(&c->pending.text);
	mst_names_free(&c->pending.missing);
}

static void
conv_free(struct reply_conv *c)
{
	if (c == NULL)
		return;
	buf_free(&c->pending.text);
	mst_names_free(&c->pending.missing);
	free(c);
}

static void
kept_clear(struct kept_order *k)
{
	for (int i = 0; i < 6; i++)
		free(k->s[i]);
	memset(k, 0, sizeof(*k));
}

static void
customer_free(struct customer *cu)
{
	if (cu == NULL)
		return;
	for (int i = 0; i < cu->nkept; i++)
		kept_clear(&cu->kept[i]);
	free(cu);
}

void
reply_convs_free(struct reply_convs *rc)
{
	if (rc == NULL)
		return;
	for (size_t i = 0; i < hmap_count(&rc->convs); i++)
		if (hmap_at(&rc->convs, i)->key != NULL)
			conv_free(hmap_at(&rc->convs, i)->val.ptr);
	for (size_t i = 0; i < hmap_count(&rc->customers); i++)
		if (hmap_at(&rc->customers, i)->key != NULL)
			customer_free(hmap_at(&rc->customers, i)->val.ptr);
	hmap_free(&rc->convs);
	hmap_free(&rc->customers);
	free(rc);
}

/* Forget the least recently used conversations down to max - 1. */
static void
make_room(struct reply_convs *rc)
{
	while (rc->max > 0 && hmap_live(&rc->convs) >= rc->max) {
		size_t old = hmap_oldest(&rc->convs);
		struct reply_conv *c = hmap_at(&rc->convs, old)->val.ptr;
		rc->forget(rc->arg, c);
		conv_free(c);
		hmap_remove(&rc->convs, old);
	}
}

struct reply_conv *
reply_convs_get(struct reply_convs *rc, const char *key)
{
	size_t i = hmap_find(&rc->convs, key, strlen(key));
	struct reply_conv *c;

	if (i != HMAP_NONE) {
		hmap_touch(&rc->convs, i);
		return hmap_at(&rc->convs, i)->val.ptr;
	}
	make_room(rc);
	c = xcalloc(1, sizeof(*c));
	c->last_agent = CS_TIME_NONE;
	i = hmap_put(&rc->convs, key, strlen(key), NULL);
	hmap_touch(&rc->convs, i);
	hmap_at(&rc->convs, i)->val.ptr = c;
	return c;
}

struct reply_conv *
reply_convs_find(struct reply_convs *rc, const char *key)
{
	size_t i = hmap_find(&rc->convs, key, strlen(key));

	return i == HMAP_NONE ? NULL : hmap_at(&rc->convs, i)->val.ptr;
}

void
reply_convs_each(struct reply_convs *rc,
    void (*fn)(void *, struct reply_conv *), void *arg)
{
	for (size_t i = 0; i < hmap_count(&rc->convs); i++)
		if (hmap_at(&rc->convs, i)->key != NULL)
			fn(arg, hmap_at(&rc->convs, i)->val.ptr);
}

static struct customer *
customer_get(struct reply_convs *rc, const char *key)
{
	size_t i = hmap_find(&rc->customers, key, strlen(key));
	struct customer *cu;

	if (i != HMAP_NONE) {
		hmap_touch(&rc->customers, i);
		return hmap_at(&rc->customers, i)->val.ptr;
	}
	while (rc->max > 0 && hmap_live(&rc->customers) >= rc->max) {
		size_t old = hmap_oldest(&rc->customers);
		customer_free(hmap_at(&rc->customers, old)->val.ptr);
		hmap_remove(&rc->customers, old);
	}
	cu = xcalloc(1, sizeof(*cu));
	i = hmap_put(&rc->customers, key, strlen(key), NULL);
	hmap_touch(&rc->customers, i);
	hmap_at(&rc->customers, i)->val.ptr = cu;
	return cu;
}

/* Set kept string i (and its view) to s when s is given. */
static void
kept_set(struct kept_order *k, int i, const char *s, const char **view)
{
	if (s == NULL || *s == '\0')
		return;
	reply_conv_set(&k->s[i], s);
	*view = k->s[i];
}

static struct kept_order *
find_kept(struct customer *cu, const char *id)
{
	if (id == NULL)
		return NULL;
	for (int i = 0; i < cu->nkept; i++)
		if (cu->kept[i].o.id != NULL && strcmp(cu->kept[i].o.id, id) == 0)
			return &cu->kept[i];
	return NULL;
}

void
reply_convs_order(struct reply_convs *rc, const char *customer,
    const struct reply_order *o)
{
	struct customer *cu;
	struct kept_order *k;

	if (customer == NULL || *customer == '\0')
		return;
	cu = customer_get(rc, customer);
	if ((k = find_kept(cu, o->id)) == NULL) {
		cu->norders++;
		if (cu->nkept == REPLY_ORDERS_KEPT) {
			kept_clear(&cu->kept[0]);
			memmove(&cu->kept[0], &cu->kept[1],
			    (REPLY_ORDERS_KEPT - 1) * sizeof(cu->kept[0]));
			cu->nkept--;
		}
		k = &cu->kept[cu->nkept++];
		memset(k, 0, sizeof(*k));
	}
	/* Strings are re-pointed after the move above. */
	for (int i = 0; i < 6; i++) {
		const char **view[6] = { &k->o.id, &k->o.product,
		    &k->o.currency, &k->o.status, &k->o.tracking_url,
		    &k->o.coupon };
		*view[i] = k->s[i];
	}
	kept_set(k, 0, o->id, &k->o.id);
	kept_set(k, 1, o->product, &k->o.product);
	kept_set(k, 2, o->currency, &k->o.currency);
	kept_set(k, 3, o->status, &k->o.status);
	kept_set(k, 4, o->tracking_url, &k->o.tracking_url);
	kept_set(k, 5, o->coupon, &k->o.coupon);
	if (o->has_amount) {
		k->o.amount = o->amount;
		k->o.has_amount = 1;
	}
	if (o->has_refund) {
		k->o.refund_amount = o->refund_amount;
		k->o.has_refund = 1;
	}
}

const struct reply_order *
reply_convs_join(struct reply_convs *rc, const char *customer,
    const char *order_id, int *count)
{
	size_t i;
	struct customer *cu;
	struct kept_order *k;

	*count = 0;
	if (customer == NULL || *customer == '\0')
		return NULL;
	i = hmap_find(&rc->customers, customer, strlen(customer));
	if (i == HMAP_NONE)
		return NULL;
	cu = hmap_at(&rc->customers, i)->val.ptr;
	*count = cu->norders;
	if (order_id != NULL)
		return (k = find_kept(cu, order_id)) != NULL ? &k->o : NULL;
	return cu->norders == 1 && cu->nkept == 1 ? &cu->kept[0].o : NULL;
}

size_t
reply_convs_order_ids(struct reply_convs *rc, const char *customer,
    const char *ids[REPLY_ORDERS_KEPT])
{
	size_t i, n = 0;
	struct customer *cu;

	if (customer == NULL || *customer == '\0')
		return 0;
	i = hmap_find(&rc->customers, customer, strlen(customer));
	if (i == HMAP_NONE)
		return 0;
	cu = hmap_at(&rc->customers, i)->val.ptr;
	for (int k = 0; k < cu->nkept; k++)
		if (cu->kept[k].o.id != NULL)
			ids[n++] = cu->kept[k].o.id;
	return n;
}
