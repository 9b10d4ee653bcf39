/*
 * lib/orderref: the order number a buyer writes in her message — her own
 * orders first, a '#', an order word in each language, and the numbers
 * that are no order number (postcodes, tracking numbers, amounts).
 */
#include "unit.h"

#include <string.h>

#include "buf.h"
#include "orderref.h"

/* The number text names with the known order numbers, or NULL. */
static const char *
ref(struct buf *out, const char *text, const char *const *known, size_t n)
{
	struct buf scratch = BUF_INIT;
	int rc;

	buf_reset(out);
	rc = orderref_find(text, known, n, &scratch, out);
	buf_free(&scratch);
	return rc == 0 ? buf_str(out) : NULL;
}

#define REF(text)	ref(&b, (text), NULL, 0)

static void
test_order_words(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	assert_string_equal(REF("order placed 11/02, nothing. not even a "
	    "tracking number. Order SO-2026-11873"), "SO-2026-11873");
	assert_string_equal(REF("Please cancel order 204877, ordered the "
	    "wrong one by mistake"), "204877");
	assert_string_equal(REF("au sujet de ma commande n° 100482617 "
	    "passée le 2 mars"), "100482617");
	assert_string_equal(REF("Замовлення 4410 відправили Укрпоштою"),
	    "4410");
	assert_string_equal(REF("Добрий день! Замовлення №4412 ще не прийшло"),
	    "4412");
	assert_string_equal(REF("номер заказа: 5521-0033"), "5521-0033");
	assert_string_equal(REF("pedido n.º 20457781, por favor"), "20457781");
	assert_string_equal(REF("mi pedido ES-88412 no llega"), "ES-88412");
	assert_string_equal(REF("Bestellnummer SO-2026-1187"), "SO-2026-1187");
	assert_string_equal(REF("sipariş no: 1098324761"), "1098324761");
	assert_string_equal(REF("ご注文番号は１２３４５６です"), "123456");
	assert_string_equal(REF("주문번호는 77881234 입니다"), "77881234");
	assert_string_equal(REF("订单号是 SH20261120"), "SH20261120");
	assert_string_equal(REF("My order number is 55512"), "55512");
	buf_free(&b);
}

static void
test_not_order_numbers(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	assert_null(REF("PLZ 25980, liefern Sie dahin?"));
	assert_null(REF("Sendungsnummer 00340434161234567890"));
	assert_null(REF("tracking # 9400 1118 9922 3344 5566"));
	assert_null(REF("I ordered 2000 pieces last year"));
	assert_null(REF("заказ на 5000 рублей"));
	assert_null(REF("注文2000円分です"));
	assert_null(REF("order 123 please"));		/* 3 digits */
	assert_null(REF("order on 2026-03-12"));	/* no order word next */
	assert_null(REF(NULL));
	buf_free(&b);
}

static void
test_marked_forms(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	assert_string_equal(REF("where is #11295?"), "#11295");
	assert_string_equal(REF("my Amazon 112-4455667-8899001 order"),
	    "112-4455667-8899001");
	assert_string_equal(REF("Shopee 261120ABCD1234 belum sampai"),
	    "261120ABCD1234");
	buf_free(&b);
}

static void
test_known_orders_first(void **state)
{
	struct buf b = BUF_INIT;
	const char *known[] = { "SO-20002", "#1001" };

	(void)state;
	/* Her own number wins over a number after an order word. */
	assert_string_equal(ref(&b, "order 55555, or was it so-20002?", known,
	    2), "SO-20002");
	/* "#1001" is also written without its hash. */
	assert_string_equal(ref(&b, "what about 1001", known, 2), "#1001");
	/* A part of a longer number is not hers. */
	assert_null(ref(&b, "parcel 100100 1", known, 2));
	/* None of hers: the number she wrote. */
	assert_string_equal(ref(&b, "commande n° 100482617", known, 2),
	    "100482617");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order_words),
		cmocka_unit_test(test_not_order_numbers),
		cmocka_unit_test(test_marked_forms),
		cmocka_unit_test(test_known_orders_first),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
