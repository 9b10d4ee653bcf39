/*
 * orderref — the order number a buyer writes in her message.
 *
 * Owns nothing: orderref_find() reads a message's text and writes the
 * number it names into the caller's buf; the scratch buf is the caller's
 * too (the folded text, reused from call to call).  The forms, in the
 * order they win:
 *   1. one of her own order numbers the stream has shown (known), written
 *      as a word of the text, any case: "SO-20002", "so-20002";
 *   2. a '#' and a number with at least 4 digits (#11295, #SO-20391), an
 *      Amazon number (3-7-7 digits), a Shopee number (a 6-digit date and
 *      8 capitals or digits);
 *   3. a word for an order in one of the languages cskit serves ("order",
 *      "Bestellung", "commande n°", "заказ №", "Замовлення", "注文番号",
 *      "주문번호", "订单号", ...), at most a few filler words after it
 *      ("number", "no.", "nr", "номер", "は", "是" ...), then a word of
 *      letters, digits and hyphens with at least 4 digits: "Order
 *      SO-2026-11873", "commande n° 100482617", "Замовлення 4410".
 * A number after any other word is not taken: a postcode ("PLZ 25980"),
 * a tracking number ("Sendungsnummer 0034..."), an amount ("2000円").
 */
#ifndef CSKIT_ORDERREF_H
#define CSKIT_ORDERREF_H

#include <stddef.h>
#include "buf.h"

/*
 * The order number text names, appended to out as the text writes it
 * (known[i] itself for the first form); 0, or -1 when it names none.
 * known (may be NULL) holds nknown order numbers; scratch is reset.
 */
int	orderref_find(const char *text, const char *const *known,
	    size_t nknown, struct buf *scratch, struct buf *out);

#endif
