/*
 * lib/langid: scripts, distinctive words and letters, short messages,
 * full-width input, mixed scripts, and "und" when unsure.
 */
#include "unit.h"

#include <string.h>

#include "langid.h"

struct fixture {
	struct langid	 li;
	struct tok_text	 tt;
};

static const char *
lang(struct fixture *f, const char *s)
{
	tok_run(&f->tt, s, strlen(s));
	return langid_detect(&f->li, s, strlen(s), &f->tt, NULL);
}

static int
setup(void **state)
{
	static struct fixture f;

	langid_init(&f.li);
	tok_init(&f.tt);
	*state = &f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	langid_free(&f->li);
	tok_free(&f->tt);
	return 0;
}

static void
test_sentences(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(lang(f, "Hi, where is my package? It has been two weeks."), "en");
	assert_string_equal(lang(f, "Wo bleibt meine Bestellung? Ich warte schon seit Tagen."), "de");
	assert_string_equal(lang(f, "Bonjour, je n'ai toujours pas reçu mon colis."), "fr");
	assert_string_equal(lang(f, "Hola, todavía no me ha llegado el pedido."), "es");
	assert_string_equal(lang(f, "Olá, meu pedido ainda não chegou."), "pt");
	assert_string_equal(lang(f, "Kak, pesanan saya belum sampai, kapan dikirim?"), "id");
	assert_string_equal(lang(f, "我的快递什么时候到？"), "zh");
	assert_string_equal(lang(f, "荷物がまだ届きません。"), "ja");
	assert_string_equal(lang(f, "환불해 주세요"), "ko");
	assert_string_equal(lang(f, "Где мой заказ?"), "ru");
	assert_string_equal(lang(f, "أين طلبي؟"), "ar");
}

static void
test_short(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(lang(f, "Danke!"), "de");
	assert_string_equal(lang(f, "Merci"), "fr");
	assert_string_equal(lang(f, "Obrigado"), "pt");
	assert_string_equal(lang(f, "Gracias"), "es");
	assert_string_equal(lang(f, "Thanks"), "en");
	assert_string_equal(lang(f, "谢谢"), "zh");
	assert_string_equal(lang(f, "はい"), "ja");
	/* a distinctive letter is enough */
	assert_string_equal(lang(f, "¿Y?"), "es");
	assert_string_equal(lang(f, "Straße"), "de");
	assert_string_equal(lang(f, "São Paulo"), "pt");
}

static void
test_unsure(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(lang(f, "ok"), "und");
	assert_string_equal(lang(f, "12345"), "und");
	assert_string_equal(lang(f, ""), "und");
	assert_string_equal(lang(f, "iPhone 15 Pro Max"), "und");
	assert_string_equal(lang(f, "!!!???"), "und");
}

static void
test_fullwidth_and_mixed(void **state)
{
	struct fixture *f = *state;

	/* full-width Latin reads as Latin */
	assert_string_equal(lang(f, "ＷＨＥＲＥ ＩＳ ＭＹ ＯＲＤＥＲ"), "en");
	/* Han only is Chinese, Han with kana is Japanese */
	assert_string_equal(lang(f, "注文"), "zh");
	assert_string_equal(lang(f, "注文をキャンセル"), "ja");
	/* half-width katakana */
	assert_string_equal(lang(f, "ｷｬﾝｾﾙ"), "ja");
	/* a brand name in Latin does not outweigh the Chinese */
	assert_string_equal(lang(f, "iPhone充电器坏了"), "zh");
	/* a Chinese word inside an English sentence does not make it Chinese */
	assert_string_equal(lang(f, "where is my order, the tracking says 已签收 but nothing came"), "en");
	/* Japanese with an English product name */
	assert_string_equal(lang(f, "AirPodsのケースが壊れていました"), "ja");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_short),
		cmocka_unit_test(test_unsure),
		cmocka_unit_test(test_fullwidth_and_mixed),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
