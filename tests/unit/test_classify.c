/*
 * lib/classify with the built-in lexicons and model: an intent per
 * language, sentiment, urgency, escalation, video need and language.
 * The messages are written for this test, in another style than the
 * training examples (share/cskit/training), so they check that the
 * classifier generalises rather than recalls.
 */
#include "unit.h"

#include <stdio.h>
#include <string.h>

#include "classify.h"

static const struct {
	const char	*lang;
	const char	*intent;
	const char	*text;
} cases[] = {
	{ "en", "shipping", "Any news on my parcel? Tracking hasn't updated in a week" },
	{ "en", "return", "These jeans don't fit, how can I return them?" },
	{ "en", "refund", "I still haven't received my refund for the returned blender" },
	{ "en", "payment", "Why was my credit card charged twice?" },
	{ "en", "complaint", "The lamp arrived with a cracked base and doesn't work" },
	{ "en", "product", "Is this backpack waterproof and what material is it?" },
	{ "en", "discount", "Is there a coupon for returning customers?" },
	{ "en", "order_change", "Please cancel my order, I found it cheaper in a store nearby" },
	{ "en", "account", "I can't log in, my password reset link doesn't work" },
	{ "en", "other", "Thank you, have a great weekend!" },
	{ "zh-Hans", "shipping", "快递到哪了？一直显示运输中" },
	{ "zh-Hans", "return", "裤子不合适，我想退货" },
	{ "zh-Hans", "refund", "退货寄回去好几天了，退款还没到账" },
	{ "zh-Hans", "payment", "为什么信用卡被扣了两次款" },
	{ "zh-Hans", "complaint", "台灯收到就是坏的，底座裂了" },
	{ "zh-Hans", "product", "这个背包是什么材质的？防水吗" },
	{ "zh-Hans", "discount", "老顾客有优惠券吗" },
	{ "zh-Hans", "order_change", "麻烦取消订单，我不想要了" },
	{ "zh-Hans", "account", "登录不上，密码重置链接打不开" },
	{ "zh-Hans", "other", "谢谢你，周末愉快！" },
	{ "de", "shipping", "Gibt es Neuigkeiten zu meinem Paket? Die Sendungsverfolgung steht seit einer Woche still" },
	{ "de", "return", "Die Jeans passt nicht, wie kann ich sie zurücksenden?" },
	{ "de", "refund", "Meine Rückerstattung für den zurückgeschickten Mixer fehlt immer noch" },
	{ "de", "payment", "Warum wurde meine Kreditkarte zweimal belastet und doppelt abgebucht?" },
	{ "de", "complaint", "Die Lampe kam mit gesprungenem Fuß an und ist defekt" },
	{ "de", "product", "Ist der Rucksack wasserdicht und aus welchem Material?" },
	{ "de", "discount", "Gibt es einen Gutschein für Stammkunden?" },
	{ "de", "order_change", "Bitte stornieren Sie meine Bestellung, ich brauche sie nicht mehr" },
	{ "de", "account", "Ich kann mich nicht einloggen, das Passwort lässt sich nicht zurücksetzen" },
	{ "de", "other", "Vielen Dank, schönes Wochenende!" },
	{ "fr", "shipping", "Des nouvelles de mon colis ? Le suivi ne bouge plus depuis une semaine" },
	{ "fr", "return", "Le jean ne me va pas, comment le retourner ?" },
	{ "fr", "refund", "Je n'ai toujours pas été remboursé pour le mixeur renvoyé" },
	{ "fr", "payment", "Pourquoi ma carte bancaire a été débitée deux fois ?" },
	{ "fr", "complaint", "La lampe est arrivée avec le pied fissuré et elle ne marche pas" },
	{ "fr", "product", "Ce sac à dos est-il étanche et en quelle matière ?" },
	{ "fr", "discount", "Avez-vous un code promo pour les clients fidèles ?" },
	{ "fr", "order_change", "Annulez ma commande s'il vous plaît, je n'en ai plus besoin" },
	{ "fr", "account", "Impossible de me connecter, le lien pour le mot de passe ne marche pas" },
	{ "fr", "other", "Merci, bon week-end !" },
	{ "es", "shipping", "¿Novedades de mi paquete? El seguimiento no cambia desde hace una semana" },
	{ "es", "return", "Los vaqueros no me quedan, ¿cómo los devuelvo?" },
	{ "es", "refund", "Sigo sin recibir el reembolso de la batidora que devolví" },
	{ "es", "payment", "¿Por qué me cobraron dos veces en la tarjeta?" },
	{ "es", "complaint", "La lámpara llegó con la base rota y no funciona" },
	{ "es", "product", "¿Esta mochila es impermeable? ¿De qué material es?" },
	{ "es", "discount", "¿Tienen algún descuento para clientes habituales?" },
	{ "es", "order_change", "Por favor cancelen mi pedido, ya no lo necesito" },
	{ "es", "account", "No puedo entrar a mi cuenta, el enlace de la contraseña no funciona" },
	{ "es", "other", "¡Gracias, buen fin de semana!" },
	{ "pt", "shipping", "Alguma novidade da minha encomenda? O rastreio não muda faz uma semana" },
	{ "pt", "return", "A calça jeans não serviu, como faço a devolução?" },
	{ "pt", "refund", "Ainda não recebi o reembolso do liquidificador que devolvi" },
	{ "pt", "payment", "Por que meu cartão foi cobrado duas vezes?" },
	{ "pt", "complaint", "A luminária chegou com a base rachada e não funciona" },
	{ "pt", "product", "Essa mochila é à prova d'água? Qual o material?" },
	{ "pt", "discount", "Tem cupom de desconto para cliente antigo?" },
	{ "pt", "order_change", "Por favor cancelem meu pedido, não preciso mais" },
	{ "pt", "account", "Não consigo entrar na conta, o link da senha não funciona" },
	{ "pt", "other", "Obrigado, bom fim de semana!" },
	{ "ja", "shipping", "荷物はいつ届きますか？追跡が一週間更新されていません" },
	{ "ja", "return", "ジーンズのサイズが合わなかったので返品したいです" },
	{ "ja", "refund", "返品したミキサーの返金がまだです" },
	{ "ja", "payment", "クレジットカードで二重に請求されているのはなぜですか" },
	{ "ja", "complaint", "ライトの台座が割れていて、点きません。不良品です" },
	{ "ja", "product", "このリュックは防水ですか？素材は何ですか" },
	{ "ja", "discount", "リピーター向けのクーポンはありますか" },
	{ "ja", "order_change", "注文をキャンセルしてください。もう必要なくなりました" },
	{ "ja", "account", "ログインできません。パスワードの再設定リンクが開きません" },
	{ "ja", "other", "ありがとうございました。良い週末を！" },
};
#define NCASES (sizeof(cases) / sizeof(cases[0]))

static struct classifier cls;
static struct cls_result res;

static int
setup(void **state)
{
	struct buf err = BUF_INIT;

	(void)state;
	cls_init(&cls);
	if (cls_load_lexicons(&cls, NULL, 0, &err) < 0 ||
	    cls_load_model(&cls, NULL, &err) < 0) {
		fprintf(stderr, "setup: %s\n", buf_str(&err));
		return -1;
	}
	buf_free(&err);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	cls_result_free(&res);
	cls_free(&cls);
	return 0;
}

/* A message alone: no conversation, the language detected. */
static void
run(const char *text)
{
	cls_classify(&cls, text, strlen(text), NULL, &res);
}

static void
test_intents_by_language(void **state)
{
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < NCASES; i++) {
		run(cases[i].text);
		int ok = strcmp(res.intent, cases[i].intent) == 0;
		int lok = strcmp(res.lang, cases[i].lang) == 0;
		if (!ok || !lok) {
			fprintf(stderr, "%s/%s: got %s (%.2f) lang %s: %s\n",
			    cases[i].lang, cases[i].intent, res.intent,
			    res.intent_score, res.lang, cases[i].text);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void
test_top_candidates(void **state)
{
	(void)state;
	run("The mug arrived broken, I want my money back");
	assert_int_equal(res.ntop, 3);
	/* a complaint and a refund request at once: both on top */
	assert_true((strcmp(res.top[0], "refund") == 0 &&
	    strcmp(res.top[1], "complaint") == 0) ||
	    (strcmp(res.top[0], "complaint") == 0 &&
	    strcmp(res.top[1], "refund") == 0));
	assert_true(res.top_score[0] >= res.top_score[1]);
	assert_true(res.top_score[1] >= res.top_score[2]);
	assert_string_equal(res.lang, "en");
}

static void
test_threshold(void **state)
{
	(void)state;
	cls.threshold = 1.0f;
	run("Where is my package?");
	assert_string_equal(res.intent, "other");
	assert_string_equal(res.top[0], "shipping");
	cls.threshold = 0;
	run("Where is my package?");
	assert_string_equal(res.intent, "shipping");
}

static void
test_sentiment(void **state)
{
	(void)state;
	run("Thank you so much, I love it, perfect!");
	assert_string_equal(res.sentiment, "positive");
	assert_true(res.sentiment_score > 0.5f);
	run("This is terrible, worst purchase ever, I'm so disappointed");
	assert_string_equal(res.sentiment, "negative");
	assert_true(res.sentiment_score < -0.5f);
	run("What are the dimensions of the desk?");
	assert_string_equal(res.sentiment, "neutral");
	assert_true(res.sentiment_score == 0);
	/* a negation flips the cue after it */
	run("I am not happy with this");
	assert_string_equal(res.sentiment, "negative");
	run("太差了，非常失望");
	assert_string_equal(res.sentiment, "negative");
	run("非常满意，谢谢！");
	assert_string_equal(res.sentiment, "positive");
	run("Muito obrigada, adorei!");
	assert_string_equal(res.sentiment, "positive");
	run("Das ist eine Frechheit, total enttäuscht");
	assert_string_equal(res.sentiment, "negative");
	assert_true(res.sentiment_score >= -1 && res.sentiment_score <= 1);
}

static void
test_urgency(void **state)
{
	(void)state;
	run("Where is my package?");
	assert_int_equal(res.urgency, 0);
	run("I need it before Christmas, it's a gift");
	assert_true(res.urgency >= 1);
	run("WHERE IS MY PACKAGE, I NEED IT TOMORROW!!!");
	assert_int_equal(res.urgency, 3);
	run("Third time I'm asking, still no answer!!");
	assert_true(res.urgency >= 2);
	run("至急お願いします！明日が誕生日なんです！");
	assert_true(res.urgency >= 2);
	run("急！！明天就要用");
	assert_true(res.urgency >= 2);
	/* shouting alone counts: most letters capitals */
	run("WHERE IS MY ORDER");
	assert_int_equal(res.urgency, 1);
}

static void
test_escalation(void **state)
{
	(void)state;
	run("Refund me or I will file a chargeback with my bank");
	assert_true(res.escalate);
	run("I'll leave a 1-star review everywhere");
	assert_true(res.escalate);
	run("My lawyer will hear about this");
	assert_true(res.escalate);
	run("不退款我就给差评");
	assert_true(res.escalate);
	run("Sonst gebe ich eine schlechte Bewertung und schalte einen Anwalt ein");
	assert_true(res.escalate);
	run("Vou abrir reclamação no Reclame Aqui e no Procon");
	assert_true(res.escalate);
	run("Voy a abrir una disputa en PayPal");
	assert_true(res.escalate);
	run("低評価をつけます");
	assert_true(res.escalate);
	run("Je vais ouvrir un litige");
	assert_true(res.escalate);
	/* an escalation is negative and urgent */
	run("I will open a dispute");
	assert_string_equal(res.sentiment, "negative");
	assert_true(res.urgency >= 1);
	/* praise is no threat */
	run("I left you a great review, thanks");
	assert_false(res.escalate);
	/* numbers: a 5-star review and an order number are no threat */
	run("I would give it 5 stars");
	assert_false(res.escalate);
	run("Order #302-118 from the 10. March, ref 12315");
	assert_false(res.escalate);
	run("This deserves 1 star");
	assert_true(res.escalate);
	run("Where is my package?");
	assert_false(res.escalate);
}

static void
test_video(void **state)
{
	(void)state;
	run("The seams on the sleeve are coming loose");
	assert_true(res.needs_video);
	run("The colour is different from the photo");
	assert_true(res.needs_video);
	run("The replacement part does not fit the frame");
	assert_true(res.needs_video);
	run("衣服开线了，还有色差");
	assert_true(res.needs_video);
	run("Die Naht ist aufgegangen");
	assert_true(res.needs_video);
	run("縫い目がほつれています");
	assert_true(res.needs_video);
	run("When will my order ship?");
	assert_false(res.needs_video);
	run("Can I pay with PayPal?");
	assert_false(res.needs_video);
}

static void
test_explain(void **state)
{
	(void)state;
	cls.explain = 1;
	run("I want a refund for the broken mug");
	assert_true(res.nexplain >= 1);
	const char *p = res.explain.data;
	int seen = 0;
	for (int i = 0; i < res.nexplain; i++, p += strlen(p) + 1)
		seen |= strstr(p, "refund") != NULL;
	if (strcmp(res.intent, "refund") == 0)
		assert_true(seen);
	cls.explain = 0;
	run("I want a refund");
	assert_int_equal(res.nexplain, 0);
}

static void
test_edge_inputs(void **state)
{
	(void)state;
	run("");
	assert_non_null(res.intent);
	assert_string_equal(res.lang, "und");
	assert_int_equal(res.urgency, 0);
	run("{{reply}} {{#x}}");
	assert_non_null(res.intent);
	run("\xff\xfe\xfd");
	assert_non_null(res.intent);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_intents_by_language),
		cmocka_unit_test(test_top_candidates),
		cmocka_unit_test(test_threshold),
		cmocka_unit_test(test_sentiment),
		cmocka_unit_test(test_urgency),
		cmocka_unit_test(test_escalation),
		cmocka_unit_test(test_video),
		cmocka_unit_test(test_explain),
		cmocka_unit_test(test_edge_inputs),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
