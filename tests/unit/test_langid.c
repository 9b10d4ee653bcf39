/*
 * lib/langid: scripts, distinctive words and letters, short messages,
 * full-width input, mixed scripts, Simplified vs Traditional Chinese, the
 * neighbours it must tell apart, hints that break ties but never override
 * the text, and "und" when unsure.
 */
#include "unit.h"

#include <stdio.h>
#include <string.h>

#include "langid.h"
#include "langid_words.h"

struct fixture {
	struct langid	 li;
	struct tok_text	 tt;
};

static const char *
hinted(struct fixture *f, const char *s, const char *country,
    const char *tz, const char *prev)
{
	struct langid_hints h = { country, tz, prev };

	tok_run(&f->tt, s, strlen(s));
	return langid_detect(&f->li, s, strlen(s), &f->tt, &h);
}

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
	assert_string_equal(lang(f, "我的快递什么时候到？"), "zh-Hans");
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
	assert_string_equal(lang(f, "谢谢"), "zh-Hans");
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
	/* Han only is Chinese (of no telling script), Han with kana Japanese */
	assert_string_equal(lang(f, "注文"), "zh");
	assert_string_equal(lang(f, "注文をキャンセル"), "ja");
	/* half-width katakana */
	assert_string_equal(lang(f, "ｷｬﾝｾﾙ"), "ja");
	/* a brand name in Latin does not outweigh the Chinese */
	assert_string_equal(lang(f, "iPhone充电器坏了"), "zh-Hans");
	/* a Chinese word inside an English sentence does not make it Chinese */
	assert_string_equal(lang(f, "where is my order, the tracking says 已签收 but nothing came"), "en");
	/* Japanese with an English product name */
	assert_string_equal(lang(f, "AirPodsのケースが壊れていました"), "ja");
}

static void
test_more_markets(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(lang(f, "dov'è il mio ordine?"), "it");
	assert_string_equal(lang(f, "ce l'avete in nero?"), "it");
	assert_string_equal(lang(f, "siparişim nerede"), "tr");
	assert_string_equal(lang(f, "kargom hala gelmedi"), "tr");
	assert_string_equal(lang(f, "waar is mijn bestelling"), "nl");
	assert_string_equal(lang(f, "gdzie jest moje zamówienie"), "pl");
	assert_string_equal(lang(f, "var är min beställning"), "sv");
	assert_string_equal(lang(f, "đơn hàng của tôi đâu rồi"), "vi");
	assert_string_equal(lang(f, "sao chua giao hang vay shop, muon huy don"), "vi");
	assert_string_equal(lang(f, "ของที่สั่งอยู่ไหนคะ"), "th");
	assert_string_equal(lang(f, "איפה ההזמנה שלי"), "he");
	assert_string_equal(lang(f, "де моє замовлення"), "uk");
	assert_string_equal(lang(f, "доставка безкоштовна?"), "uk");
	assert_string_equal(lang(f, "доставка бесплатная?"), "ru");
	assert_string_equal(lang(f, "saya nak refund, barang rosak"), "ms");
	assert_string_equal(lang(f, "kak, barangnya belum nyampe nih"), "id");
	assert_string_equal(lang(f, "πού είναι η παραγγελία μου"), "el");
	assert_string_equal(lang(f, "hol a rendelésem"), "hu");
	assert_string_equal(lang(f, "unde este comanda mea, coletul nu a ajuns"), "ro");
	assert_string_equal(lang(f, "přišla špatná velikost"), "cs");
	/* Italian is not French, Turkish is not German */
	assert_string_equal(lang(f, "non è ancora arrivato il pacco"), "it");
	assert_string_equal(lang(f, "ürün bozuk geldi, iade istiyorum"), "tr");
}

static void
test_chinese_scripts(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(lang(f, "我的订单到哪了"), "zh-Hans");
	assert_string_equal(lang(f, "我的訂單到哪裡了"), "zh-Hant");
	assert_string_equal(lang(f, "請問還有貨嗎"), "zh-Hant");
	/* every character written alike in both: the script is not told... */
	assert_string_equal(lang(f, "我要退款"), "zh");
	/* ...unless the buyer's country, zone or earlier message tells it */
	assert_string_equal(hinted(f, "我要退款", "TW", NULL, NULL), "zh-Hant");
	assert_string_equal(hinted(f, "我要退款", NULL, "Asia/Shanghai", NULL), "zh-Hans");
	assert_string_equal(hinted(f, "我要退款", NULL, NULL, "zh-Hant"), "zh-Hant");
	/* and the characters outweigh the country */
	assert_string_equal(hinted(f, "我的订单到哪了", "TW", NULL, NULL), "zh-Hans");
	/* Japanese forms of kanji without kana */
	assert_string_equal(lang(f, "黒希望"), "ja");
}

static void
test_hints(void **state)
{
	struct fixture *f = *state;

	/* a tie between neighbours is broken by the country or zone */
	assert_string_equal(lang(f, "hallo???"), "und");
	assert_string_equal(hinted(f, "hallo???", "DE", NULL, NULL), "de");
	assert_string_equal(hinted(f, "hallo???", "nl", NULL, NULL), "nl");
	assert_string_equal(hinted(f, "hallo???", NULL, "Europe/Amsterdam", NULL), "nl");
	assert_string_equal(lang(f, "terima kasih!!"), "und");
	assert_string_equal(hinted(f, "terima kasih!!", "MY", NULL, NULL), "ms");
	assert_string_equal(hinted(f, "terima kasih!!", NULL, NULL, "id"), "id");
	/* a hint never outweighs clear evidence */
	assert_string_equal(hinted(f, "Danke!", "FR", NULL, "fr"), "de");
	assert_string_equal(hinted(f, "Wo bleibt meine Bestellung?", "NL", NULL, NULL), "de");
	/* nor gives a language to text that has none, or fits too many */
	assert_string_equal(hinted(f, "ok", "DE", NULL, "de"), "und");
	assert_string_equal(hinted(f, "#48213", "DE", NULL, "de"), "und");
	assert_string_equal(hinted(f, "ok tak", "DK", NULL, NULL), "und");
	/* short text no list tells: the buyer's language, when no other
	 * language fits it better */
	assert_string_equal(lang(f, "Kopfkissen 40x80"), "und");
	assert_string_equal(hinted(f, "Kopfkissen 40x80", "DE", NULL, NULL), "de");
	assert_string_equal(hinted(f, "Kopfkissen 40x80", NULL, NULL, "de"), "de");
	assert_string_equal(hinted(f, "Kopfkissen 40x80", "CH", NULL, NULL), "de");
	assert_string_equal(lang(f, "жесть, а не доставка"), "und");
	assert_string_equal(hinted(f, "жесть, а не доставка", "RU", NULL, NULL), "ru");
	assert_string_equal(hinted(f, "жесть, а не доставка", "UA", NULL, NULL), "uk");
	/* but not a code, nor more than a few words of no known language */
	assert_string_equal(hinted(f, "KX-TG7875S", "US", NULL, NULL), "und");
	assert_string_equal(hinted(f, "zzzz qqqq wwww xxxx yyyy", "DE", NULL, NULL), "und");
	/* an unknown country or zone is no hint */
	assert_string_equal(hinted(f, "hallo???", "XX", "Mars/Base", NULL), "und");
}

static void
test_scripts_beyond(void **state)
{
	struct fixture *f = *state;

	/* letters only another language of the script uses */
	assert_string_equal(lang(f, "здраво, где је моја поруџбина"), "sr");
	assert_string_equal(lang(f, "дзе мая пасылка, я ўжо чакаю"), "be");
	assert_string_equal(lang(f, "سفارش من کجاست؟"), "fa");
	assert_string_equal(lang(f, "میرا آرڈر کہاں ہے؟"), "ur");
	assert_string_equal(lang(f, "मेरा ऑर्डर कहाँ है"), "hi");
	/* a link or an address says nothing of the language */
	assert_string_equal(lang(f, "https://example.com/produto/camisa-azul"), "und");
	assert_string_equal(lang(f, "joao.silva@example.com"), "und");
}

/* The fast path of the word endings (only those ending in the word's last
 * byte) adds the same weights in the same order as the plain loop: every
 * ending on words of 5 to 12 bytes, endings inside another ("mente",
 * "ciones"), and words ending in bytes no ending ends in. */
static void
test_endings_fast_path(void **state)
{
	struct fixture *f = *state;
	static const char *stems[] = { "a", "abcde", "xyzzyq", "über", "ст" };
	char w[64];

	for (size_t i = 0; i < li_nsuffixes; i++)
		for (size_t j = 0; j < sizeof(stems) / sizeof(*stems); j++) {
			int n = snprintf(w, sizeof(w), "%s%s", stems[j],
			    li_suffixes[i].suffix);
			float plain[LI_NSCORED] = { 0 }, fast[LI_NSCORED] = { 0 };
			langid_endings(&f->li, w, (size_t)n, plain, 1);
			langid_endings(&f->li, w, (size_t)n, fast, 0);
			assert_memory_equal(plain, fast, sizeof(plain));
		}
	static const char *other[] = { "abcdefq", "zzzzz", "estamos",
	    "comunicaciones", "finalmente", "schaftschaft", "hello" };
	int differs = 0;
	for (size_t j = 0; j < sizeof(other) / sizeof(*other); j++) {
		float plain[LI_NSCORED] = { 0 }, fast[LI_NSCORED] = { 0 };
		langid_endings(&f->li, other[j], strlen(other[j]), plain, 1);
		langid_endings(&f->li, other[j], strlen(other[j]), fast, 0);
		assert_memory_equal(plain, fast, sizeof(plain));
		for (int l = 0; l < LI_NSCORED; l++)
			differs |= plain[l] != 0;
	}
	assert_true(differs);	/* some of them do have endings */
	/* "finalmente": es, pt and it's "mente", Spanish and Italian alike */
	float s[LI_NSCORED] = { 0 };
	langid_endings(&f->li, "finalmente", 10, s, 0);
	assert_true(s[LI_ES] > 0 && s[LI_IT] > 0 && s[LI_PT] > 0);
}

static void
test_malay_chat(void **state)
{
	struct fixture *f = *state;

	/* Malaysian short forms and Manglish are Malay, not English... */
	assert_string_equal(lang(f, "tq sis"), "ms");
	assert_string_equal(lang(f, "brp hari smpai kat kuching"), "ms");
	assert_string_equal(lang(f, "tulis delivered, barang xde"), "ms");
	assert_string_equal(lang(f, "seller cancel order sy tanpa bagitau langsung"), "ms");
	assert_string_equal(lang(f, "nk tukar saiz boleh x, baju x muat"), "ms");
	/* ...and Indonesian's own forms stay Indonesian */
	assert_string_equal(lang(f, "kak, paketnya udah dikirim belum?"), "id");
	assert_string_equal(lang(f, "bisa cod gak gan?"), "id");
	/* English with a Malay name in it stays English */
	assert_string_equal(lang(f, "Hi, my order to Jalan Ampang has not arrived yet"), "en");
}

static void
test_cantonese_and_mixed_chinese(void **state)
{
	struct fixture *f = *state;

	/* written Cantonese is Traditional (Hong Kong, Macau) */
	assert_string_equal(lang(f, "可唔可以寄OK便利店自取？"), "zh-Hant");
	assert_string_equal(lang(f, "仲未收到，點解冇人覆"), "zh-Hant");
	assert_string_equal(lang(f, "佢話已經寄咗"), "zh-Hant");
	/* Chinese with English words mixed in is Chinese */
	assert_string_equal(lang(f, "cancel咗未？"), "zh-Hant");
	assert_string_equal(lang(f, "有冇size chart"), "zh-Hant");
	assert_string_equal(lang(f, "AlipayHK話payment failed，但錢又扣咗"), "zh-Hant");
	assert_string_equal(lang(f, "这个size偏大吗"), "zh-Hans");
	/* but a Chinese name in an English sentence does not make it Chinese */
	assert_string_equal(lang(f, "I ordered from 王小明 yesterday, where is it"), "en");
}

static void
test_short_shop_lines(void **state)
{
	struct fixture *f = *state;

	/* "igen" is Scandinavian too, not only Hungarian */
	assert_string_equal(lang(f, "leveransen flyttad igen"), "sv");
	assert_string_equal(lang(f, "spårningsnummer?"), "sv");
	assert_string_equal(lang(f, "funziona con Windows?"), "it");
	assert_string_equal(lang(f, "arrivate a Ischia?"), "it");
	assert_string_equal(lang(f, "трек пришлите"), "ru");
	assert_string_equal(lang(f, "удалить профиль"), "ru");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_short),
		cmocka_unit_test(test_unsure),
		cmocka_unit_test(test_fullwidth_and_mixed),
		cmocka_unit_test(test_more_markets),
		cmocka_unit_test(test_chinese_scripts),
		cmocka_unit_test(test_hints),
		cmocka_unit_test(test_scripts_beyond),
		cmocka_unit_test(test_endings_fast_path),
		cmocka_unit_test(test_malay_chat),
		cmocka_unit_test(test_cantonese_and_mixed_chinese),
		cmocka_unit_test(test_short_shop_lines),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
