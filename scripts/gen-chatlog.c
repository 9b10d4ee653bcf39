/*
 * gen-chatlog — a deterministic generator of customer-service chat logs in
 * the cskit event format (cskit-events(5)), for demos and benchmarks.
 *
 * What it models: buyers in several markets (language, zone, currency,
 * channel) write about shipping, returns, refunds, payments, complaints,
 * products, discounts, order changes, accounts; a small team of agents
 * (Shanghai office hours, a late shift, one colleague in Berlin) answers in
 * the buyer's language at delays that follow their shifts, so messages that
 * arrive at night wait for the morning; bots acknowledge some chats; some
 * chats are slow, some never answered; buyers chase ("hello??"), say thanks,
 * rate, come back months later and order again.  Conversations overlap in
 * time and the output is sorted by `ts`, like a real export.
 *
 * Determinism: one splitmix64 stream seeded by -s drives every choice, in a
 * fixed order; only integer arithmetic (no libm, no locale, no clock), so
 * the same options give the same bytes on every machine.  Events wait in a
 * min-heap keyed by (ts, creation order) until no conversation yet to be
 * generated can precede them, so memory follows the conversations that are
 * open, not the number of lines.
 *
 * The phrase banks below were written for cskit; {x} marks a slot (see
 * struct slots).  Leading marks (MARKS) say where a phrase fits:
 *   ^  wearable products (clothes, shoes)    ~  electronics
 *   @  gadgets that go with a phone
 *   +  a buyer with a female first name      -  a male one (names alternate
 *      female, male in first_names; only where the language shows it)
 *   !  a conversation about a problem with an order ("sorry again")
 *   %  a chaser sent after more than a day and a half ("for days"); an
 *      agent's greeting after a wait of over 12 hours ("thanks for your
 *      patience")
 *   <  =  >  a morning, afternoon, evening greeting (buyer's local time)
 *   *  the Christmas season (October to December)
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "civil.h"
#include "diag.h"
#include "json.h"
#include "out.h"
#include "ts.h"

#define L(...)	((const char *const[]){ __VA_ARGS__, NULL })
#define MARKS	"^~@<=>*+-!%"	/* phrase marks, see the comment above */
#define QA(...)	((const struct qa[]){ __VA_ARGS__, { NULL, NULL, 0 } })

enum lang { L_EN, L_DE, L_FR, L_ES, L_JA, L_PT, L_ZH, L_ID, L_RU, N_LANG };

enum intent {
	I_SHIPPING, I_RETURN, I_REFUND, I_PAYMENT, I_COMPLAINT, I_PRODUCT,
	I_DISCOUNT, I_ORDER_CHANGE, I_ACCOUNT, I_OTHER, N_INTENT
};

static const char *const intent_names[N_INTENT] = {
	"shipping", "return", "refund", "payment", "complaint", "product",
	"discount", "order_change", "account", "other"
};

/* How an agent addresses the buyer in {n}. */
enum address { ADDR_FIRST, ADDR_FULL, ADDR_LAST };

/*
 * A customer's line and the agent's answer to it.  A later turn (`more`)
 * with a topic follows only a first message of the same topic (the photos
 * follow "it arrived broken", not "wrong colour"); topic 0 fits any.  A
 * line about another intent than its conversation's says so with AS() in
 * the topic ("how long is delivery?" in a chat about sizes), so --labelled
 * tells the truth about it.
 */
struct qa {
	const char	*q, *a;
	int		 topic;		/* topic + AS(intent) */
};

#define AS(intent)	(16 * ((intent) + 1))
#define QA_TOPIC(p)	((p)->topic % 16)
#define QA_LABEL(p, dflt) \
	((p)->topic >= 16 ? (enum intent)((p)->topic / 16 - 1) : (dflt))

/* Everything said in one language; every list is NULL-terminated and
 * non-empty (bank_check() makes sure at start). */
struct bank {
	const char		*sep;		/* between sentences: " " or "" */
	enum address		 address;
	int			 family_first;	/* "王芳", "佐藤 美咲" */
	const char *const	*first_names;	/* female, male, female… */
	const char *const	*last_names;
	const char *const	*colours;
	const char *const	*greet;		/* customer openers */
	const char *const	*close;		/* customer closers */
	const struct qa		*ask[N_INTENT];	/* first message, first reply */
	const struct qa		*more[N_INTENT];	/* later turns */
	const char *const	*urgent;
	const char *const	*angry;
	const char *const	*chase;		/* "hello??" */
	const char *const	*chase_angry;	/* after a long silence */
	const char *const	*thanks;
	const struct qa		*reopen;
	const char *const	*bot;
	const char *const	*agent_hello;
	const char *const	*agent_bye;
	const char *const	*sign;		/* e-mail signature */
};

/* Apparel and shoes are wearable ('^' phrases); gadgets go with a phone
 * ('@' phrases); gadgets and appliances are electronics ('~' phrases). */
enum kind { K_APPAREL, K_SHOES, K_GADGET, K_APPLIANCE, K_HOME };

struct product {
	enum kind	 kind;
	int		 usd_cents;
	const char	*name[N_LANG];
};

/* Names as the listing in each market shows them: en de fr es ja pt zh id ru. */
static const struct product products[] = {
	{ K_APPAREL, 3990, { "linen summer dress", "Leinenkleid",
	    "robe d'été en lin", "vestido de lino", "リネンワンピース",
	    "vestido de linho", "亚麻连衣裙", "dress linen",
	    "льняное платье" } },
	{ K_APPAREL, 7900, { "waterproof hiking jacket",
	    "wasserdichte Wanderjacke", "veste de randonnée imperméable",
	    "chaqueta impermeable de montaña", "防水マウンテンパーカー",
	    "jaqueta impermeável de trilha", "防水冲锋衣",
	    "jaket hiking anti air",
	    "непромокаемая туристическая куртка" } },
	{ K_SHOES, 5900, { "running shoes", "Laufschuhe",
	    "chaussures de running", "zapatillas de running",
	    "ランニングシューズ", "tênis de corrida", "跑步鞋",
	    "sepatu lari",
	    "беговые кроссовки" } },
	{ K_SHOES, 8900, { "leather ankle boots", "Leder-Stiefeletten",
	    "bottines en cuir", "botines de piel", "レザーショートブーツ",
	    "bota de couro cano curto", "真皮短靴", "sepatu boots kulit",
	    "кожаные ботильоны" } },
	{ K_APPAREL, 3500, { "cotton hoodie", "Baumwoll-Hoodie",
	    "sweat à capuche en coton", "sudadera con capucha de algodón",
	    "コットンパーカー", "moletom de algodão com capuz", "纯棉连帽卫衣",
	    "hoodie katun",
	    "хлопковое худи" } },
	{ K_APPAREL, 2400, { "yoga leggings", "Yoga-Leggings",
	    "legging de yoga", "mallas de yoga", "ヨガレギンス",
	    "legging de ioga", "瑜伽裤", "legging yoga",
	    "леггинсы для йоги" } },
	{ K_GADGET, 2900, { "wireless earbuds", "kabellose Ohrhörer",
	    "écouteurs sans fil", "auriculares inalámbricos",
	    "ワイヤレスイヤホン", "fone de ouvido sem fio", "无线蓝牙耳机",
	    "earbuds wireless",
	    "беспроводные наушники" } },
	{ K_GADGET, 6900, { "smart watch", "Smartwatch", "montre connectée",
	    "reloj inteligente", "スマートウォッチ", "relógio inteligente",
	    "智能手表", "jam tangan pintar",
	    "смарт-часы" } },
	{ K_GADGET, 1200, { "phone case", "Handyhülle", "coque de téléphone",
	    "funda de móvil", "スマホケース", "capinha de celular", "手机壳",
	    "casing HP",
	    "чехол для телефона" } },
	{ K_GADGET, 2500, { "10000 mAh power bank", "Powerbank 10000 mAh",
	    "batterie externe 10000 mAh", "batería externa de 10000 mAh",
	    "モバイルバッテリー 10000mAh", "carregador portátil 10000 mAh",
	    "10000毫安充电宝", "powerbank 10000 mAh",
	    "повербанк на 10000 мАч" } },
	{ K_APPLIANCE, 4500, { "electric toothbrush", "elektrische Zahnbürste",
	    "brosse à dents électrique", "cepillo de dientes eléctrico",
	    "電動歯ブラシ", "escova de dentes elétrica", "电动牙刷",
	    "sikat gigi elektrik",
	    "электрическая зубная щётка" } },
	{ K_HOME, 2200, { "ceramic mug set", "Keramik-Tassenset",
	    "lot de tasses en céramique", "juego de tazas de cerámica",
	    "陶器マグカップセット", "jogo de canecas de cerâmica", "陶瓷马克杯套装",
	    "set mug keramik",
	    "набор керамических кружек" } },
	{ K_HOME, 3200, { "LED desk lamp", "LED-Schreibtischlampe",
	    "lampe de bureau LED", "lámpara de escritorio LED",
	    "LEDデスクライト", "luminária de mesa LED", "LED台灯",
	    "lampu meja LED",
	    "настольная LED-лампа" } },
	{ K_HOME, 2700, { "kids' backpack", "Kinderrucksack", "sac à dos enfant",
	    "mochila infantil", "キッズリュック", "mochila infantil",
	    "儿童书包", "tas ransel anak",
	    "детский рюкзак" } },
};
#define N_PRODUCTS (sizeof products / sizeof products[0])

static const char *const apparel_sizes[] = { "S", "M", "L", "XL", "XXL" };
static const char *const shoe_sizes[] = { "37", "38", "39", "40", "41", "42",
	"43", "44" };
static const char *const discount_codes[] = { "WELCOME10", "AUTUMN15",
	"VIP20", "FREESHIP", "SAVE5", "HELLO2026", "BF30", "THANKYOU" };

/* ---- English ------------------------------------------------------- */

static const struct bank bank_en = {
	.sep = " ", .address = ADDR_FIRST, .family_first = 0,
	.first_names = L("Emily", "Jacob", "Olivia", "Michael", "Sarah",
	    "David", "Jessica", "Chris", "Ashley", "Tyler", "Megan", "Brandon",
	    "Hannah", "Kevin", "Lauren", "Ryan", "Charlotte", "Oliver"),
	.last_names = L("Johnson", "Miller", "Davis", "Wilson", "Taylor",
	    "Anderson", "Thomas", "Moore", "Martin", "Clark", "Lewis",
	    "Walker", "Hughes", "Evans", "Baker", "Turner"),
	.colours = L("black", "white", "navy", "beige", "olive green",
	    "pink", "grey"),
	.greet = L("Hi,", "Hello,", "Hi there,", "<Good morning,", "Hello!",
	    "Hey,", "Dear seller,", "Hi team,"),
	.close = L("Thanks.", "Thank you!", "Please help.",
	    "Waiting for your reply.", "Thanks in advance.",
	    "Please let me know asap.", "Regards.", "Thx"),
	.ask = {
	[I_SHIPPING] = QA(
	    { "Where is my order {o}? It's been {d} days and nothing has arrived.",
	      "I'm sorry for the wait. I checked order {o}: the parcel (tracking {t}) has arrived in your country and is now with the local carrier. It should be delivered within 3-5 working days.", 1 },
	    { "The tracking for order {o} hasn't updated in {d} days. Is my package lost?",
	      "I understand the worry. The tracking for {t} only updates when the parcel is scanned at a sorting centre, so it can stay the same for a week during the flight. I've asked the carrier for an update and will get back to you within 48 hours.", 1 },
	    { "My package is stuck in customs. Do I need to pay import duties or will you handle it?",
	      "Sorry for the trouble. Import duties for your order are prepaid by us, so you don't need to pay anything. Customs clearance usually takes 2-5 working days; if they ask you for money, please tell us before paying.", 1 },
	    { "The tracking says delivered but I never got anything. Order {o}.",
	      "I'm sorry to hear that. Sometimes the courier leaves parcels with a neighbour or at a pickup point, could you check there first? If it's not there, I'll open a claim with the carrier and send you a replacement.", 1 },
	    { "When will you ship my {p}? I ordered {d} days ago and it still says processing.",
	      "Apologies for the delay. Your {p} left our warehouse today, the tracking number is {t}. It may take a day before the link shows the first scan.", 0 },
	    { "I got a letter from customs asking for an invoice for my parcel. What should I send them?",
	      "Thanks for letting us know. I've attached the commercial invoice for order {o} to this message, you can forward it to customs as it is. If they need anything else, just tell me.", 0 },
	    { "Can you give me a tracking number for order {o}? The link in the email doesn't work.",
	      "Of course! Your tracking number is {t}. You can check it on the carrier's site; the link in the email will work once the parcel has its first scan.", 0 },
	    { "Your site said delivery in 7-10 days, it's now day {d}. Where is my {p}?",
	      "I'm really sorry, there are delays with our carrier at the moment. Your parcel {t} is on its way and should arrive within a week. If it doesn't, we'll reship it or refund you, whichever you prefer.", 1 }),
	[I_RETURN] = QA(
	    { "^I'd like to return the {p}, it's too small. How do I send it back?",
	      "Of course. Please send it back within 30 days, unworn and with the tags on. I'll email you a prepaid return label; just put the order number {o} inside the parcel.", 0 },
	    { "^Can I exchange the {p} for a size {s}? The one I got doesn't fit.",
	      "No problem, exchanges are free. I've reserved the {p} in size {s} for you and will send you a return label for the old one; the new one ships as soon as the return is scanned.", 0 },
	    { "How do I return an item? I don't see a return label in the package.",
	      "You don't need a label from the parcel: I've just emailed you a prepaid return label for order {o}. Print it, stick it on the box and drop it at any post office.", 0 },
	    { "Who pays for return shipping? I'm not happy with the {p}.",
	      "I'm sorry the {p} didn't meet your expectations. Returns are free for you; I'll send the prepaid label by email, and the refund follows once the parcel reaches us.", 0 },
	    { "I want to send back order {o}, it's unused and still in the box.",
	      "Sure, thanks for letting us know. I've created the return for order {o} and emailed you the label. The refund is issued within 3 working days after we receive it.", 0 },
	    { "@The {p} won't connect to my phone, can I return it for a different model?",
	      "Sorry about that! Yes, you can exchange it. Could you tell me your phone model? I'll check which version fits and send you a free return label.", 0 }),
	[I_REFUND] = QA(
	    { "I returned the {p} {d} days ago and still haven't received my refund.",
	      "I'm sorry for the delay. I checked and your return reached our warehouse; the refund of {m} was issued today. Depending on your bank it takes 3-7 working days to show up.", 1 },
	    { "When will I get my money back for order {o}?",
	      "Thanks for your patience. The refund for order {o} is approved and will be sent within 2 working days. You'll get a confirmation email as soon as it's done.", 1 },
	    { "You said you would refund me but I only got part of the money. I paid {m}.",
	      "I'm sorry for the confusion. The first payment was for the item only, the shipping cost is refunded separately. I've just sent the rest, you'll see it in a few days.", 0 },
	    { "The refund hasn't shown up on my card yet. It's been {d} days.",
	      "I understand, that's a long wait. On our side the refund was completed, so it's now with your bank. If it isn't there in 3 more days, please send me a screenshot of your statement and I'll ask our payment provider for a trace.", 0 },
	    { "I cancelled order {o} before it shipped, please refund me.",
	      "Sorry that this wasn't done automatically. I've refunded order {o} in full just now, you'll get a confirmation email shortly.", 0 },
	    { "Can I get a refund instead of a replacement? I don't want the {p} anymore.",
	      "Of course, that's no problem. I've cancelled the replacement and issued a full refund of {m} to your original payment method.", 0 }),
	[I_PAYMENT] = QA(
	    { "My card keeps getting declined at checkout but it works everywhere else.",
	      "Sorry for the trouble! Declines at checkout usually come from the bank's security check on foreign payments. Could you try again after approving it in your banking app, or use PayPal?", 1 },
	    { "I was charged twice for order {o}! Please refund the extra {m}.",
	      "I'm sorry about this. The second charge is a pending authorisation that will be released automatically within 5 working days. If it's still there after that, I'll refund it manually right away.", 2 },
	    { "Can I pay with PayPal? I don't see the option.",
	      "Yes, we accept PayPal. The option appears on the last step of checkout, after you enter your address. If you still can't see it, please tell me which browser you use.", 0 },
	    { "The payment failed but the money was taken from my account.",
	      "I understand, that's worrying. When a payment fails the bank only holds the amount for a few days and then releases it; nothing has been charged on our side. If the money doesn't come back within a week, let me know.", 2 },
	    { "I need an invoice with VAT for order {o} for my company.",
	      "Sure! Please send me your company name, address and VAT number and I'll email you the invoice for order {o} today.", 3 },
	    { "Why was I charged {m}? The price on the page was lower.",
	      "Thanks for asking. The difference is the shipping fee and the import tax, which are added on the last checkout step. I'm sorry if that wasn't clear.", 0 }),
	[I_COMPLAINT] = QA(
	    { "The {p} arrived broken. The box was completely crushed.",
	      "I'm really sorry the {p} arrived like this. Could you send us a photo of the item and the box? Then we'll send a replacement or a full refund, whichever you prefer.", 1 },
	    { "I received the wrong item. I ordered the {p} in {c} and got a different colour.",
	      "I apologise for the mix-up. I've arranged for the {p} in {c} to be sent today at no cost. You can keep the other one or give it away, no need to return it.", 0 },
	    { "~The {p} stopped working after {d} days. Very disappointed.",
	      "I'm sorry to hear that. It's covered by our 12-month warranty. Could you send a short video showing the problem? Then I'll send you a new one right away.", 2 },
	    { "^The seam on the {p} is already coming loose after one wash.",
	      "So sorry about that, it shouldn't happen. Could you send a photo or a short video of the seam? We'll then send you a new one or refund you in full.", 1 },
	    { "The colour of the {p} looks nothing like the photos on your page.",
	      "I'm sorry it's not what you expected. Colours can look different on screens, but we want you to be happy: you can return it for free or keep it with a 30% refund. Which do you prefer?", 0 },
	    { "~One part of the {p} doesn't fit, the clip is too small and won't close.",
	      "Thank you for telling us. Could you send a short video of the clip when you try to close it? That helps our factory check the batch, and we'll send you a replacement part for free.", 2 },
	    { "Half of my order is missing. I only got one package but paid for two items.",
	      "Sorry for the confusion. Your order was shipped in two parcels; the second one is on its way with tracking {t}. If it hasn't arrived in 5 days, I'll resend it.", 0 },
	    { "The courier left my parcel outside in the rain and now the {p} got damaged.",
	      "I'm so sorry, that's not acceptable from the courier. Please send me a photo of the damage and I'll send you a new {p} and report the driver to the carrier.", 1 }),
	[I_PRODUCT] = QA(
	    { "^How is the sizing on the {p}? I usually wear {s}.",
	      "Thanks for your interest! Sizing on the {p} is standard, so {s} should be right for you. If it doesn't fit, exchanges are free.", 1 },
	    { "What material is used for the {p}?",
	      "Good question! We use durable, skin-friendly material for the {p}; the full details are on the product page under 'Specifications', and there is a 12-month warranty.", 0 },
	    { "Do you have the {p} in {c}? The page says sold out.",
	      "The {p} in {c} will be back in stock in about 2 weeks. I can send you a message as soon as it's available if you like.", 0 },
	    { "@Will the {p} work with an iPhone 15?",
	      "Yes, the {p} will work with an iPhone 15 and with all recent Android phones.", 0 },
	    { "~What's the water resistance of the {p}?",
	      "We rate the {p} IPX4 splash-proof, so splashes and rain are fine, but please don't put it under water.", 0 },
	    { "^I'm between {s} and the next size up for the {p}, which would you recommend?",
	      "The cut of the {p} is slightly slim, so I'd recommend the bigger size if you're in between. You can also send me your height and weight and I'll check the size chart for you.", 1 },
	    { "When will the {p} be back in stock?",
	      "We expect a new batch of the {p} in about 10 days. Shall I let you know when it's back?", 0 }),
	[I_DISCOUNT] = QA(
	    { "Do you have any discount code for first-time buyers?",
	      "Welcome! You can use the code {x} for 10% off your first order.", 1 },
	    { "The code {x} doesn't work at checkout, it says invalid.",
	      "Sorry the code didn't work, it has expired. Here is a new one for 10% off your order: THANKYOU.", 0 },
	    { "I bought the {p} and a day later the price dropped. Can you refund the difference?",
	      "I understand, that's annoying. We can't change the price of an order already placed, but as a gesture I've added the difference as store credit to your account.", 0 },
	    { "Is there a discount if I buy 3 of the {p}?",
	      "Yes! When you buy 3 or more, 15% off is applied automatically at checkout.", 0 },
	    { "I forgot to use my coupon {x} on order {o}, can you still apply it?",
	      "No worries, I've applied the coupon {x} to order {o} and refunded the difference to your payment method.", 0 },
	    { "Will the {p} be on sale for Black Friday?",
	      "We can't share the Black Friday prices yet, but newsletter subscribers get them a day early. You can sign up at the bottom of our homepage.", 0 }),
	[I_ORDER_CHANGE] = QA(
	    { "Please cancel my order {o}, I ordered by mistake.",
	      "Done! Order {o} is cancelled and the full amount will be refunded within 3-5 working days.", 0 },
	    { "I entered the wrong shipping address for order {o}. Can you change it?",
	      "Sure, please send me the full correct address and I'll update order {o} before it ships.", 1 },
	    { "^Can I change the size of the {p} to {s} before it ships?",
	      "Yes, I've changed the {p} to size {s}. Your order ships tomorrow as planned.", 0 },
	    { "Can I change the colour to {c}? Order {o} hasn't shipped yet.",
	      "I'm sorry, order {o} was handed to the carrier this morning, so we can't change it anymore. Once it arrives you can exchange it for {c} for free.", 0 },
	    { "I need to add one more {p} to my order, is that possible?",
	      "We can't add items to a paid order, but if you place a second order today I'll ship both together and refund the second shipping fee.", 3 },
	    { "Please update my phone number on order {o}, the courier can't reach me.",
	      "Of course, please send me the new number and I'll pass it on to the courier today.", 0 }),
	[I_ACCOUNT] = QA(
	    { "I can't log in to my account, the password reset email never arrives.",
	      "Sorry for the trouble! I've sent the reset email again manually; please also check your spam folder. The link is valid for 24 hours.", 1 },
	    { "Please delete my account and all my personal data.",
	      "Your request has been received. Your account and personal data will be deleted within 30 days, and you'll get a confirmation email when it's done.", 0 },
	    { "How do I change the email address on my account?",
	      "You can change it under 'My account' > 'Settings'. If that doesn't work, send me the new address and I'll change it for you.", 0 },
	    { "My account got locked after too many login attempts.",
	      "I've unlocked your account, you can try again now. If you don't remember the password, use 'Forgot password' on the login page.", 1 }),
	[I_OTHER] = QA(
	    { "Do you have a physical store I can visit?",
	      "Thanks for asking! We're an online shop only, but we ship worldwide and returns are free.", 0 },
	    { "Are you the manufacturer? I'm interested in buying wholesale.",
	      "Thanks for your interest! Yes, we work directly with our factory. I've forwarded your message to our wholesale team, they'll contact you within 2 working days.", 1 },
	    { "I run a small blog, would you be interested in a collaboration?",
	      "Thank you for thinking of us! I've passed your message to our marketing team, they'll get back to you if it's a fit.", 0 },
	    { "Do you ship to Canada as well?",
	      "Yes, we ship to Canada! Delivery usually takes 8-15 days.", 0 },
	    { "What are your opening hours?",
	      "Our customer service team answers Monday to Friday, 9:00-18:00 China time. Messages sent outside these hours are answered the next working day.", 0 }),
	},
	.more = {
	[I_SHIPPING] = QA(
	    { "Tracking still shows the same status, nothing has moved.",
	      "Thank you for checking. I've opened an investigation with the carrier. If the parcel doesn't move within 5 days, we'll reship it or refund you, your choice.", 1 },
	    { "I checked with my local post office and they have nothing.",
	      "Thanks for checking with them. I've contacted the carrier again and asked them to locate the parcel; I'll update you by tomorrow.", 1 },
	    { "Ok. Do I need to be at home for the delivery?",
	      "If nobody is home, the courier leaves a note and you can pick it up at the nearest post office.", 0 }),
	[I_RETURN] = QA(
	    { "It's unused and I still have the original packaging.",
	      "Perfect, thanks. Once the parcel reaches our warehouse we'll process your return within 3 working days.", 0 },
	    { "Ok, do I need to print the label myself?",
	      "Yes, please print the label from the email I sent you. If you don't have a printer, the post office can print it from the QR code.", 0 },
	    { "I sent it back today, here is the receipt.",
	      "Thank you! I can see the tracking. We'll let you know as soon as it arrives.", 0 }),
	[I_REFUND] = QA(
	    { "The tracking shows it was delivered to your warehouse last week.",
	      "Thanks, I can see it too. I've asked our finance team to process your refund with priority, you'll hear from us within 24 hours.", 1 },
	    { "I paid with my Visa card.",
	      "Thank you. The refund goes back to the same Visa card, usually within 5 working days.", 0 },
	    { "Still nothing on my account.",
	      "I'm sorry. I've asked our payment provider for the transaction reference so that your bank can trace it, and will send it to you today.", 0 }),
	[I_PAYMENT] = QA(
	    { "I tried two different cards, same error.",
	      "Thanks for trying. I've forwarded this to our payment team; in the meantime PayPal should work without problems.", 1 },
	    { "Here is a screenshot of my bank statement.",
	      "Thank you, I can see both charges. I've refunded the duplicate, it will be back on your account within 5 working days.", 2 },
	    { "Ok, I've sent you the company details.",
	      "Thanks, I've emailed you the invoice as a PDF. Please check your inbox.", 3 }),
	[I_COMPLAINT] = QA(
	    { "I attached photos of the damage.",
	      "Thank you for the photos. I've approved a full refund, you'll see it in 3-5 working days. No need to send the item back.", 1 },
	    { "Here is a short video of the problem.",
	      "Thanks, that helps a lot. A replacement will be shipped tomorrow and I'll send you the tracking number.", 2 },
	    { "I want a replacement, not a coupon.",
	      "Of course. I've arranged a replacement, it ships within 2 working days.", 0 }),
	[I_PRODUCT] = QA(
	    { "^I'm 170 cm and about 65 kg.",
	      "Thanks! For your measurements I'd choose size M.", 1 },
	    { "Thanks, and how long does delivery take to my country?",
	      "Delivery usually takes 7-12 days, with tracking.", AS(I_SHIPPING) },
	    { "Ok, and is there a warranty?",
	      "Yes, every product has a 12-month warranty.", 0 }),
	[I_DISCOUNT] = QA(
	    { "I signed up for the newsletter but never got the code.",
	      "Sorry about that, I've sent the code to your email again. It's valid for 30 days.", 1 },
	    { "Can it be combined with free shipping?",
	      "Yes, the discount and free shipping can be combined.", 0 },
	    { "Is the code also valid in the app?",
	      "Yes, you can use it in the app and on the website.", 0 }),
	[I_ORDER_CHANGE] = QA(
	    { "The correct address is 42 Maple Street, apartment 3B.",
	      "Thank you, I've updated the address. The order will ship to 42 Maple Street, apartment 3B.", 1 },
	    { "Yes please, as soon as possible.",
	      "Done, the change is confirmed.", 1 },
	    { "Ok, I'll place the second order now.",
	      "Great, I'll make sure both are packed together.", 3 }),
	[I_ACCOUNT] = QA(
	    { "I registered with my Gmail address.",
	      "Thanks, I found your account. The reset email is on its way to your Gmail address.", 1 },
	    { "I already tried that twice, it doesn't work.",
	      "Sorry about that. I've set a temporary password and sent it to your email; please change it after logging in.", 1 }),
	[I_OTHER] = QA(
	    { "Ok, thanks for the info.",
	      "You're welcome! Let me know if there's anything else.", 0 },
	    { "Could you send me your catalogue?",
	      "Sure, I've sent our current catalogue to your email.", 1 }),
	},
	.urgent = L("It's a birthday present for Saturday!",
	    "*I need it before Christmas, it's a gift.",
	    "I'm leaving on holiday next week, I really need it before then.",
	    "This is urgent please."),
	.angry = L("This is unacceptable!!!",
	    "If this isn't fixed I'm leaving a 1-star review.",
	    "I will open a PayPal dispute if I don't hear back today.",
	    "I'm going to file a chargeback with my bank.",
	    "WORST SERVICE EVER.",
	    "I want my money back NOW."),
	.chase = L("hello??", "Any update?", "Hi, is anyone there?", "???",
	    "Still waiting for an answer...", "Hello? Can someone help me?"),
	.chase_angry = L("It's been a whole day and nobody answered!!!",
	    "Why is no one replying??? I will report you to the platform.",
	    "%Seriously, I've been waiting for days. Answer me!"),
	.thanks = L("Ok thank you!", "Great, thanks for the quick help.",
	    "Perfect, thanks!", "ok", "Thanks, have a nice day.",
	    "Alright, I'll wait then. Thanks.", "thank you so much!!"),
	.reopen = QA(
	    { "Hi again, I still have the same problem with order {o}.",
	      "I'm sorry it's still not solved. I've escalated your case to my team lead and will get back to you today.", 0 },
	    { "Sorry to bother you again, but nothing has changed.",
	      "Not a bother at all, sorry for the trouble. I've checked again and am sending you a replacement today.", 0 },
	    { "You said it would be solved but it's still not. What now?",
	      "You're right, and I apologise. I've issued a full refund so you don't have to wait any longer.", 0 }),
	.bot = L("Thanks for your message! An agent will get back to you as soon as possible. Our team works Monday to Friday, 9:00-18:00 China time.",
	    "Hi! We've received your message and will reply within 24 hours. For order status you can also check the tracking link in your confirmation email."),
	.agent_hello = L("Hi {n},", "Hello {n},", "Dear {n},",
	    "Hi {n}, thank you for reaching out.",
	    "%Hi {n}, thank you for your patience."),
	.agent_bye = L("You're welcome! Have a great day.",
	    "Happy to help! Don't hesitate to contact us again.",
	    "!Thanks for your patience, and sorry again for the trouble."),
	.sign = L("\n\nBest regards,\n{a}\nCustomer Service",
	    "\n\nKind regards,\n{a}"),
};

/* ---- German -------------------------------------------------------- */

static const struct bank bank_de = {
	.sep = " ", .address = ADDR_FULL, .family_first = 0,
	.first_names = L("Anna", "Lukas", "Julia", "Maximilian", "Laura",
	    "Jonas", "Sophie", "Felix", "Lena", "Tobias", "Katharina", "Jan",
	    "Sabine", "Thomas", "Petra", "Stefan", "Birgit", "Jürgen"),
	.last_names = L("Müller", "Schmidt", "Schneider", "Fischer", "Weber",
	    "Meyer", "Wagner", "Becker", "Hoffmann", "Schäfer", "Koch",
	    "Bauer", "Richter", "Klein", "Wolf", "Neumann"),
	.colours = L("Schwarz", "Weiß", "Dunkelblau", "Beige", "Olivgrün",
	    "Rosa", "Grau"),
	.greet = L("Hallo,", "Guten Tag,", "Hallo zusammen,", "Moin,",
	    "Sehr geehrte Damen und Herren,", "Hi,", "<Guten Morgen,"),
	.close = L("Danke.", "Vielen Dank!", "Mit freundlichen Grüßen",
	    "Ich bitte um schnelle Antwort.", "Danke im Voraus.", "LG",
	    "Bitte um Rückmeldung."),
	.ask = {
	[I_SHIPPING] = QA(
	    { "Wo bleibt meine Bestellung {o}? Ich warte jetzt schon {d} Tage.",
	      "Es tut mir leid, dass Sie so lange warten. Ich habe die Bestellung {o} geprüft: Das Paket (Sendungsnummer {t}) ist bereits in Deutschland und beim Zusteller. Es sollte in 3-5 Werktagen ankommen.", 1 },
	    { "Die Sendungsverfolgung zeigt seit {d} Tagen keinen neuen Status. Ist das Paket verloren gegangen?",
	      "Ich verstehe Ihre Sorge. Die Sendung {t} wird nur im Verteilzentrum gescannt, deshalb steht der Status während des Transports oft eine Woche still. Ich habe beim Versanddienstleister nachgefragt und melde mich innerhalb von 48 Stunden.", 1 },
	    { "Mein Paket hängt beim Zoll fest. Muss ich Einfuhrabgaben zahlen?",
	      "Entschuldigen Sie die Umstände. Die Einfuhrabgaben für Ihre Bestellung haben wir bereits bezahlt, Sie müssen nichts zahlen. Die Zollabfertigung dauert meist 2-5 Werktage.", 1 },
	    { "Laut Tracking wurde das Paket zugestellt, aber ich habe nichts bekommen. Bestellnummer {o}.",
	      "Das tut mir leid. Manchmal gibt der Zusteller Pakete beim Nachbarn oder in einer Packstation ab, könnten Sie dort bitte nachsehen? Falls es nicht auftaucht, eröffne ich einen Nachforschungsauftrag und schicke Ihnen Ersatz.", 1 },
	    { "Der Zoll hat mir einen Brief geschickt und will eine Rechnung sehen. Was soll ich denen schicken?",
	      "Danke für die Info. Im Anhang finden Sie die Handelsrechnung für die Bestellung {o}, die können Sie direkt an den Zoll weiterleiten.", 0 },
	    { "Auf der Seite stand Lieferzeit 7-10 Tage, jetzt sind es {d}. Wann kommt der Artikel „{p}“?",
	      "Es tut mir wirklich leid, unser Versanddienstleister hat derzeit Verzögerungen. Ihr Paket {t} ist unterwegs und sollte innerhalb einer Woche ankommen. Sonst schicken wir es neu oder erstatten den Betrag, wie Sie möchten.", 1 },
	    { "Können Sie mir bitte die Sendungsnummer für {o} schicken? Der Link in der Mail funktioniert nicht.",
	      "Gerne! Ihre Sendungsnummer lautet {t}. Der Link in der Mail funktioniert, sobald das Paket zum ersten Mal gescannt wurde.", 0 }),
	[I_RETURN] = QA(
	    { "^Der Artikel „{p}“ ist mir zu klein, ich möchte ihn zurückschicken. Wie geht das?",
	      "Selbstverständlich. Bitte senden Sie den Artikel innerhalb von 30 Tagen ungetragen und mit Etikett zurück. Ein kostenloses Rücksendeetikett schicke ich Ihnen per E-Mail, bitte legen Sie die Bestellnummer {o} bei.", 0 },
	    { "^Kann ich „{p}“ in Größe {s} umtauschen? Die gelieferte passt leider nicht.",
	      "Kein Problem, der Umtausch ist kostenlos. Ich habe Größe {s} für Sie reserviert und schicke Ihnen ein Rücksendeetikett für die alte.", 0 },
	    { "Wie funktioniert die Rücksendung? Im Paket war kein Retourenschein.",
	      "Sie brauchen keinen Schein aus dem Paket: Ich habe Ihnen gerade ein kostenloses Rücksendeetikett für die Bestellung {o} gemailt. Einfach ausdrucken, aufkleben und bei der Post abgeben.", 0 },
	    { "Wer zahlt den Rückversand? Der Artikel „{p}“ entspricht nicht der Beschreibung.",
	      "Es tut mir leid, dass der Artikel nicht Ihren Erwartungen entspricht. Die Rücksendung ist für Sie kostenlos, das Etikett kommt per E-Mail, und die Erstattung folgt, sobald das Paket bei uns ist.", 0 },
	    { "Ich möchte die Bestellung {o} widerrufen, die Ware ist unbenutzt und originalverpackt.",
	      "Danke für Ihre Nachricht. Ich habe die Rücksendung für {o} angelegt und Ihnen das Etikett geschickt. Die Erstattung erfolgt innerhalb von 3 Werktagen nach Eingang.", 0 }),
	[I_REFUND] = QA(
	    { "Ich habe „{p}“ vor {d} Tagen zurückgeschickt und noch kein Geld bekommen.",
	      "Entschuldigen Sie die Verzögerung. Ihre Rücksendung ist bei uns eingegangen und die Erstattung über {m} wurde heute veranlasst. Je nach Bank dauert es 3-7 Werktage.", 1 },
	    { "Wann bekomme ich mein Geld für die Bestellung {o} zurück?",
	      "Danke für Ihre Geduld. Die Erstattung für {o} ist freigegeben und wird innerhalb von 2 Werktagen ausgeführt. Sie bekommen dann eine Bestätigung per E-Mail.", 1 },
	    { "Sie haben mir nur einen Teil erstattet, bezahlt habe ich {m}!",
	      "Entschuldigung für die Verwirrung. Die erste Zahlung war nur der Warenwert, die Versandkosten werden separat erstattet. Ich habe den Rest gerade überwiesen.", 0 },
	    { "Die Erstattung ist nach {d} Tagen immer noch nicht auf meinem Konto.",
	      "Ich verstehe, das ist ärgerlich. Bei uns ist die Erstattung abgeschlossen, sie liegt jetzt bei Ihrer Bank. Wenn sie in 3 Tagen nicht da ist, schicken Sie mir bitte einen Kontoauszug, dann lasse ich die Zahlung nachverfolgen.", 0 },
	    { "Ich habe {o} storniert, bevor es verschickt wurde. Bitte erstatten Sie den Betrag.",
	      "Entschuldigung, das hätte automatisch passieren sollen. Ich habe die Bestellung {o} eben vollständig erstattet.", 0 }),
	[I_PAYMENT] = QA(
	    { "Meine Kreditkarte wird an der Kasse immer abgelehnt, obwohl sie sonst überall funktioniert.",
	      "Das tut mir leid! Ablehnungen kommen meist von der Sicherheitsprüfung der Bank bei Auslandszahlungen. Bitte geben Sie die Zahlung in Ihrer Banking-App frei oder zahlen Sie per PayPal.", 1 },
	    { "Mir wurde die Bestellung {o} doppelt abgebucht! Bitte erstatten Sie die {m}.",
	      "Entschuldigen Sie bitte. Die zweite Buchung ist nur eine Vormerkung und wird innerhalb von 5 Werktagen automatisch freigegeben. Falls nicht, erstatte ich sie sofort manuell.", 2 },
	    { "Kann ich auch per Rechnung oder Klarna bezahlen?",
	      "Derzeit bieten wir Kreditkarte, PayPal und Sofortüberweisung an. Kauf auf Rechnung ist leider noch nicht möglich.", 0 },
	    { "Die Zahlung ist fehlgeschlagen, aber das Geld wurde trotzdem abgebucht.",
	      "Ich verstehe, dass Sie das beunruhigt. Bei einer fehlgeschlagenen Zahlung reserviert die Bank den Betrag nur für einige Tage und gibt ihn dann wieder frei; bei uns wurde nichts belastet.", 2 },
	    { "Ich brauche für {o} eine Rechnung mit ausgewiesener MwSt. für meine Firma.",
	      "Gerne! Schicken Sie mir bitte Firmenname, Anschrift und USt-IdNr., dann erhalten Sie die Rechnung für {o} noch heute per E-Mail.", 3 }),
	[I_COMPLAINT] = QA(
	    { "Der Artikel „{p}“ ist kaputt angekommen, der Karton war völlig zerdrückt.",
	      "Es tut mir sehr leid, dass der Artikel so angekommen ist. Könnten Sie uns ein Foto vom Artikel und vom Karton schicken? Dann senden wir Ihnen Ersatz oder erstatten den vollen Betrag, ganz wie Sie möchten.", 1 },
	    { "Ich habe den falschen Artikel bekommen. Bestellt war „{p}“ in {c}, geliefert wurde eine andere Farbe.",
	      "Entschuldigen Sie die Verwechslung. Ich lasse Ihnen heute noch den richtigen Artikel in {c} kostenlos zuschicken; den anderen müssen Sie nicht zurücksenden.", 0 },
	    { "~„{p}“ funktioniert nach {d} Tagen schon nicht mehr. Sehr enttäuschend.",
	      "Das tut mir leid. Das ist ein Garantiefall. Könnten Sie uns ein kurzes Video schicken, auf dem man den Fehler sieht? Dann schicke ich Ihnen sofort ein neues Gerät.", 2 },
	    { "^Bei „{p}“ geht nach einmal Waschen schon die Naht auf.",
	      "Das darf nicht passieren, entschuldigen Sie bitte. Schicken Sie uns ein Foto oder ein kurzes Video der Naht, dann bekommen Sie Ersatz oder Ihr Geld zurück.", 1 },
	    { "Die Farbe sieht ganz anders aus als auf den Fotos im Shop.",
	      "Es tut mir leid, dass die Farbe nicht Ihren Erwartungen entspricht. Sie können den Artikel kostenlos zurückschicken oder ihn mit 30 % Preisnachlass behalten. Was ist Ihnen lieber?", 0 },
	    { "~Ein Teil passt nicht, die Halterung ist zu klein und rastet nicht ein.",
	      "Danke für den Hinweis. Könnten Sie ein kurzes Video machen, wie Sie die Halterung einsetzen? Dann prüfen wir die Charge und schicken Ihnen kostenlos ein Ersatzteil.", 2 },
	    { "Der Paketbote hat das Paket im Regen vor die Tür gestellt, jetzt ist „{p}“ beschädigt.",
	      "Das tut mir sehr leid, das geht so nicht. Schicken Sie mir bitte ein Foto vom Schaden, dann bekommen Sie Ersatz, und ich melde den Vorfall beim Versanddienstleister.", 1 }),
	[I_PRODUCT] = QA(
	    { "^Fällt „{p}“ normal aus? Ich trage normalerweise {s}.",
	      "Danke für Ihr Interesse! Der Artikel fällt normal aus, {s} sollte also passen. Falls nicht, ist der Umtausch kostenlos.", 1 },
	    { "Aus welchem Material ist „{p}“?",
	      "Gute Frage! Die genaue Materialangabe finden Sie auf der Produktseite unter „Details“. Alle Artikel haben 12 Monate Garantie.", 0 },
	    { "Gibt es „{p}“ auch in {c}? Auf der Seite steht ausverkauft.",
	      "„{p}“ in {c} ist in etwa 2 Wochen wieder auf Lager. Soll ich Ihnen Bescheid geben, sobald der Artikel verfügbar ist?", 0 },
	    { "@Ist „{p}“ mit dem iPhone 15 kompatibel?",
	      "Ja, der Artikel funktioniert mit dem iPhone 15 und allen aktuellen Android-Handys.", 0 },
	    { "~Ist „{p}“ wasserdicht?",
	      "Der Artikel ist spritzwassergeschützt (IPX4), Regen ist also kein Problem, untertauchen sollte man ihn aber nicht.", 0 },
	    { "Wann ist „{p}“ wieder lieferbar?",
	      "Wir erwarten eine neue Lieferung in etwa 10 Tagen. Soll ich Sie benachrichtigen?", 0 }),
	[I_DISCOUNT] = QA(
	    { "Gibt es einen Rabattcode für Neukunden?",
	      "Herzlich willkommen! Mit dem Code {x} erhalten Sie 10 % auf Ihre erste Bestellung.", 1 },
	    { "Der Gutscheincode {x} funktioniert nicht, es kommt immer „ungültig“.",
	      "Entschuldigung, der Code ist leider abgelaufen. Hier ist ein neuer mit 10 % Rabatt: THANKYOU.", 0 },
	    { "Einen Tag nach meinem Kauf war „{p}“ billiger. Bekomme ich die Differenz zurück?",
	      "Ich verstehe, das ist ärgerlich. Den Preis einer bestehenden Bestellung können wir nicht ändern, aber ich habe Ihnen die Differenz als Guthaben auf Ihr Kundenkonto gebucht.", 0 },
	    { "Gibt es Mengenrabatt, wenn ich 3 Stück nehme?",
	      "Ja! Ab 3 Stück werden an der Kasse automatisch 15 % abgezogen.", 0 },
	    { "Ich habe vergessen, den Gutschein {x} bei {o} einzulösen. Geht das noch nachträglich?",
	      "Kein Problem, ich habe den Gutschein {x} nachträglich angewendet und Ihnen die Differenz erstattet.", 0 }),
	[I_ORDER_CHANGE] = QA(
	    { "Bitte stornieren Sie meine Bestellung {o}, ich habe mich verklickt.",
	      "Erledigt! Die Bestellung {o} ist storniert, der Betrag wird innerhalb von 3-5 Werktagen erstattet.", 0 },
	    { "Ich habe bei {o} die falsche Lieferadresse angegeben. Können Sie die noch ändern?",
	      "Gerne, schicken Sie mir bitte die vollständige richtige Adresse, dann ändere ich sie vor dem Versand.", 1 },
	    { "^Kann ich die Größe noch auf {s} ändern, bevor es verschickt wird?",
	      "Ja, ich habe die Größe auf {s} geändert. Ihre Bestellung geht morgen wie geplant raus.", 0 },
	    { "Kann ich die Farbe noch auf {c} ändern? Die Bestellung {o} ist noch nicht versendet.",
	      "Es tut mir leid, die Bestellung {o} wurde heute früh schon an den Versanddienstleister übergeben. Nach Erhalt können Sie sie aber kostenlos gegen {c} umtauschen.", 0 },
	    { "Bitte ändern Sie meine Telefonnummer bei {o}, der Kurier erreicht mich nicht.",
	      "Natürlich, schicken Sie mir bitte die neue Nummer, ich gebe sie heute noch an den Kurier weiter.", 0 }),
	[I_ACCOUNT] = QA(
	    { "Ich kann mich nicht einloggen, die Mail zum Zurücksetzen des Passworts kommt nie an.",
	      "Das tut mir leid! Ich habe die Mail eben noch einmal manuell verschickt, bitte schauen Sie auch im Spam-Ordner nach.", 1 },
	    { "Bitte löschen Sie mein Kundenkonto und alle meine Daten gemäß DSGVO.",
	      "Ihre Anfrage ist eingegangen. Ihr Konto und Ihre personenbezogenen Daten werden innerhalb von 30 Tagen gelöscht; Sie erhalten eine Bestätigung per E-Mail.", 0 },
	    { "Wie ändere ich die E-Mail-Adresse in meinem Konto?",
	      "Das geht unter „Mein Konto“ > „Einstellungen“. Wenn es nicht klappt, schicken Sie mir die neue Adresse und ich ändere sie für Sie.", 0 }),
	[I_OTHER] = QA(
	    { "Haben Sie auch ein Geschäft vor Ort?",
	      "Danke für die Frage! Wir sind ein reiner Online-Shop, versenden aber europaweit, und Rücksendungen sind kostenlos.", 0 },
	    { "Sind Sie der Hersteller? Ich interessiere mich für Großhandel.",
	      "Danke für Ihr Interesse! Ich habe Ihre Anfrage an unser Großhandelsteam weitergeleitet, es meldet sich innerhalb von 2 Werktagen.", 1 },
	    { "Liefern Sie auch in die Schweiz?",
	      "Ja, wir liefern auch in die Schweiz. Die Lieferzeit beträgt etwa 8-15 Tage; eventuelle Zollgebühren trägt der Empfänger.", 0 }),
	},
	.more = {
	[I_SHIPPING] = QA(
	    { "Der Status hat sich immer noch nicht geändert.",
	      "Danke für die Rückmeldung. Ich habe einen Nachforschungsauftrag beim Versanddienstleister eröffnet. Bewegt sich das Paket in 5 Tagen nicht, schicken wir es neu oder erstatten den Betrag.", 1 },
	    { "Ich war bei der Post, die haben nichts.",
	      "Danke, dass Sie nachgefragt haben. Ich habe den Versanddienstleister erneut kontaktiert und melde mich bis morgen bei Ihnen.", 1 },
	    { "Ok. Muss ich zu Hause sein, wenn es geliefert wird?",
	      "Wenn niemand da ist, hinterlässt der Zusteller eine Benachrichtigung und Sie können das Paket in der Filiale abholen.", 0 }),
	[I_RETURN] = QA(
	    { "Die Ware ist unbenutzt und noch in der Originalverpackung.",
	      "Perfekt, danke. Sobald das Paket bei uns ist, bearbeiten wir die Rücksendung innerhalb von 3 Werktagen.", 0 },
	    { "Muss ich das Etikett selbst ausdrucken?",
	      "Ja, bitte drucken Sie das Etikett aus der E-Mail aus. Ohne Drucker kann die Post es auch über den QR-Code ausdrucken.", 0 },
	    { "Habe es heute abgeschickt, anbei der Einlieferungsbeleg.",
	      "Vielen Dank! Ich sehe die Sendung und gebe Bescheid, sobald sie angekommen ist.", 0 }),
	[I_REFUND] = QA(
	    { "Laut Sendungsverfolgung ist das Paket seit letzter Woche bei Ihnen.",
	      "Danke, das sehe ich auch. Ich habe die Buchhaltung gebeten, die Erstattung bevorzugt zu bearbeiten, Sie hören innerhalb von 24 Stunden von uns.", 1 },
	    { "Ich habe mit PayPal bezahlt.",
	      "Danke. Die Erstattung geht auf Ihr PayPal-Konto zurück, das dauert meist nur 1-2 Tage.", 0 },
	    { "Immer noch nichts auf dem Konto.",
	      "Das tut mir leid. Ich fordere beim Zahlungsanbieter die Transaktionsnummer an, damit Ihre Bank die Zahlung finden kann, und schicke sie Ihnen heute.", 0 }),
	[I_PAYMENT] = QA(
	    { "Ich habe zwei verschiedene Karten probiert, gleicher Fehler.",
	      "Danke fürs Ausprobieren. Ich habe das an unser Zahlungsteam weitergegeben; in der Zwischenzeit sollte PayPal problemlos funktionieren.", 1 },
	    { "Anbei ein Screenshot vom Kontoauszug.",
	      "Danke, ich sehe beide Buchungen. Die doppelte habe ich erstattet, sie ist in 5 Werktagen wieder auf Ihrem Konto.", 2 },
	    { "Die Firmendaten habe ich Ihnen geschickt.",
	      "Danke, die Rechnung ist als PDF an Ihre E-Mail-Adresse unterwegs.", 3 }),
	[I_COMPLAINT] = QA(
	    { "Fotos vom Schaden sind im Anhang.",
	      "Danke für die Fotos. Ich habe die volle Erstattung veranlasst, Sie sehen sie in 3-5 Werktagen. Den Artikel müssen Sie nicht zurückschicken.", 1 },
	    { "Hier ist ein kurzes Video vom Problem.",
	      "Danke, das hilft sehr. Der Ersatz wird morgen verschickt, die Sendungsnummer bekommen Sie per E-Mail.", 2 },
	    { "Ich will Ersatz, keinen Gutschein.",
	      "Selbstverständlich. Ich habe den Ersatz veranlasst, er wird innerhalb von 2 Werktagen verschickt.", 0 }),
	[I_PRODUCT] = QA(
	    { "^Ich bin 1,75 m groß und wiege etwa 70 kg.",
	      "Danke! Bei Ihren Maßen würde ich Größe M empfehlen.", 1 },
	    { "Und wie lange dauert der Versand nach Deutschland?",
	      "Der Versand nach Deutschland dauert in der Regel 7-12 Tage, mit Sendungsverfolgung.", AS(I_SHIPPING) },
	    { "Gibt es eine Garantie?",
	      "Ja, auf alle Artikel gibt es 12 Monate Garantie.", 0 }),
	[I_DISCOUNT] = QA(
	    { "Ich habe mich für den Newsletter angemeldet, aber keinen Code bekommen.",
	      "Entschuldigung, ich habe Ihnen den Code noch einmal per E-Mail geschickt. Er ist 30 Tage gültig.", 1 },
	    { "Ist der Rabatt mit kostenlosem Versand kombinierbar?",
	      "Ja, Rabatt und kostenloser Versand lassen sich kombinieren.", 0 }),
	[I_ORDER_CHANGE] = QA(
	    { "Die richtige Adresse ist Lindenstraße 12, 50674 Köln.",
	      "Danke, ich habe die Adresse geändert. Die Bestellung geht an Lindenstraße 12, 50674 Köln.", 1 },
	    { "Ja bitte, so schnell wie möglich.",
	      "Erledigt, die Änderung ist bestätigt.", 1 }),
	[I_ACCOUNT] = QA(
	    { "Ich habe mich mit meiner GMX-Adresse registriert.",
	      "Danke, ich habe Ihr Konto gefunden. Die Mail zum Zurücksetzen ist an Ihre GMX-Adresse unterwegs.", 1 },
	    { "Das habe ich schon zweimal versucht, klappt nicht.",
	      "Das tut mir leid. Ich habe Ihnen ein vorläufiges Passwort per E-Mail geschickt, bitte ändern Sie es nach dem Login.", 1 }),
	[I_OTHER] = QA(
	    { "Ok, danke für die Info.",
	      "Gern geschehen! Melden Sie sich, wenn Sie noch Fragen haben.", 0 },
	    { "Können Sie mir einen Katalog schicken?",
	      "Gerne, ich habe Ihnen unseren aktuellen Katalog per E-Mail geschickt.", 1 }),
	},
	.urgent = L("Es ist ein Geburtstagsgeschenk für Samstag!",
	    "*Ich brauche es unbedingt vor Weihnachten.",
	    "Ich fahre nächste Woche in den Urlaub und brauche es vorher.",
	    "Es ist dringend!"),
	.angry = L("Das ist eine Frechheit!!!",
	    "Wenn das nicht geklärt wird, gibt es eine 1-Stern-Bewertung.",
	    "Ich eröffne sonst einen PayPal-Käuferschutzfall.",
	    "Ich lasse das Geld sonst über meine Bank zurückbuchen.",
	    "NIE WIEDER bei Ihnen!",
	    "Ich will sofort mein Geld zurück!"),
	.chase = L("Hallo??", "Gibt es schon etwas Neues?", "Ist da jemand?",
	    "???", "Ich warte immer noch auf eine Antwort.",
	    "Hallo, bekomme ich noch eine Antwort?"),
	.chase_angry = L("Seit einem Tag keine Antwort!!!",
	    "Warum antwortet hier niemand??? Ich melde das der Plattform.",
	    "%Ich warte seit Tagen. Antworten Sie endlich!"),
	.thanks = L("Ok, danke!", "Super, vielen Dank für die schnelle Hilfe.",
	    "Perfekt, danke!", "ok", "Danke, schönen Tag noch.",
	    "Alles klar, dann warte ich. Danke.", "Vielen lieben Dank!!"),
	.reopen = QA(
	    { "Hallo nochmal, ich habe immer noch dasselbe Problem mit {o}.",
	      "Es tut mir leid, dass das noch nicht gelöst ist. Ich habe Ihren Fall an meine Teamleitung weitergegeben und melde mich heute noch.", 0 },
	    { "Entschuldigung, dass ich nochmal schreibe, aber es hat sich nichts geändert.",
	      "Sie stören überhaupt nicht, entschuldigen Sie die Umstände. Ich schicke Ihnen heute noch Ersatz.", 0 },
	    { "Sie hatten versprochen, dass es erledigt ist. Ist es aber nicht!",
	      "Sie haben recht, und ich entschuldige mich. Ich habe Ihnen den vollen Betrag erstattet, damit Sie nicht länger warten müssen.", 0 }),
	.bot = L("Danke für Ihre Nachricht! Ein Mitarbeiter meldet sich so schnell wie möglich. Unser Team ist Montag bis Freitag von 9 bis 18 Uhr (chinesische Zeit) erreichbar.",
	    "Hallo! Wir haben Ihre Nachricht erhalten und antworten innerhalb von 24 Stunden. Den Sendungsstatus finden Sie auch über den Link in Ihrer Bestellbestätigung."),
	.agent_hello = L("Hallo {n},", "Guten Tag {n},",
	    "Hallo {n}, danke für Ihre Nachricht.",
	    "%Hallo {n}, danke für Ihre Geduld."),
	.agent_bye = L("Gern geschehen! Einen schönen Tag noch.",
	    "Gerne! Melden Sie sich jederzeit wieder.",
	    "!Danke für Ihre Geduld, und nochmals Entschuldigung für die Umstände."),
	.sign = L("\n\nMit freundlichen Grüßen\n{a}\nKundenservice",
	    "\n\nViele Grüße\n{a}"),
};

/* ---- French -------------------------------------------------------- */

static const struct bank bank_fr = {
	.sep = " ", .address = ADDR_FULL, .family_first = 0,
	.first_names = L("Camille", "Lucas", "Léa", "Hugo", "Manon", "Louis",
	    "Chloé", "Nathan", "Inès", "Julien", "Sophie", "Antoine",
	    "Émilie", "Thomas", "Céline", "Nicolas"),
	.last_names = L("Martin", "Bernard", "Dubois", "Lambert", "Robert",
	    "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
	    "Laurent", "Lefèvre", "Michel", "Garcia", "Fournier"),
	.colours = L("noir", "blanc", "bleu marine", "beige", "vert olive",
	    "rose", "gris"),
	.greet = L("Bonjour,", "Bonjour à vous,", ">Bonsoir,", "Salut,",
	    "Madame, Monsieur,", "Bonjour !"),
	.close = L("Merci.", "Merci d'avance.", "Cordialement.",
	    "Merci de me répondre rapidement.", "Bonne journée.",
	    "Dans l'attente de votre réponse."),
	.ask = {
	[I_SHIPPING] = QA(
	    { "Où en est ma commande {o} ? Ça fait {d} jours que j'attends.",
	      "Nous sommes désolés pour l'attente. J'ai vérifié la commande {o} : le colis (suivi {t}) est arrivé en France et il est chez le transporteur local. Il devrait être livré sous 3 à 5 jours ouvrés.", 1 },
	    { "Le suivi de la commande {o} ne bouge plus depuis {d} jours. Le colis est perdu ?",
	      "Je comprends votre inquiétude. Le suivi {t} n'est mis à jour qu'au passage dans un centre de tri, il peut donc rester figé une semaine pendant le transport. J'ai demandé une mise à jour au transporteur et je reviens vers vous sous 48 h.", 1 },
	    { "Mon colis est bloqué à la douane. Est-ce que je dois payer des frais d'importation ?",
	      "Toutes nos excuses pour ce désagrément. Les droits d'importation de votre commande sont déjà payés par nous, vous n'avez rien à régler. Le dédouanement prend en général 2 à 5 jours ouvrés.", 1 },
	    { "Le suivi indique « livré » mais je n'ai rien reçu. Commande {o}.",
	      "Nous sommes navrés. Le livreur dépose parfois les colis chez un voisin ou en point relais, pourriez-vous vérifier ? S'il reste introuvable, j'ouvre une enquête et je vous renvoie la commande.", 1 },
	    { "Quand est-ce que vous allez expédier ma commande ? J'ai commandé il y a {d} jours et c'est toujours « en préparation ».",
	      "Toutes mes excuses pour ce retard. Votre commande est partie de notre entrepôt aujourd'hui, le numéro de suivi est {t}. Le premier scan peut prendre un jour.", 0 },
	    { "La douane me demande une facture pour mon colis, qu'est-ce que je dois leur envoyer ?",
	      "Merci de nous avoir prévenus. Je vous envoie en pièce jointe la facture commerciale de la commande {o}, vous pouvez la transmettre telle quelle à la douane.", 0 }),
	[I_RETURN] = QA(
	    { "^L'article « {p} » est trop petit, je voudrais le renvoyer. Comment faire ?",
	      "Bien sûr. Vous pouvez nous le renvoyer sous 30 jours, non porté et avec l'étiquette. Je vous envoie une étiquette de retour prépayée par e-mail ; merci de glisser le numéro de commande {o} dans le colis.", 0 },
	    { "^Est-il possible d'échanger « {p} » contre une taille {s} ?",
	      "Aucun problème, l'échange est gratuit. J'ai réservé la taille {s} pour vous et je vous envoie une étiquette de retour pour l'ancien article.", 0 },
	    { "Comment retourner un article ? Il n'y avait pas de bon de retour dans le colis.",
	      "Pas besoin de bon dans le colis : je viens de vous envoyer par e-mail une étiquette de retour prépayée pour la commande {o}. Il suffit de l'imprimer et de déposer le colis en bureau de poste.", 0 },
	    { "Qui paie les frais de retour ? L'article ne correspond pas à la description.",
	      "Nous sommes désolés que l'article ne vous convienne pas. Le retour est gratuit pour vous ; le remboursement suit dès réception du colis.", 0 },
	    { "Je souhaite me rétracter pour la commande {o}, l'article est neuf dans son emballage.",
	      "C'est noté. J'ai créé le retour pour la commande {o} et vous ai envoyé l'étiquette. Le remboursement est effectué sous 3 jours ouvrés après réception.", 0 }),
	[I_REFUND] = QA(
	    { "J'ai renvoyé l'article il y a {d} jours et je n'ai toujours pas reçu mon remboursement.",
	      "Toutes mes excuses pour ce délai. Votre retour est bien arrivé et le remboursement de {m} a été lancé aujourd'hui. Selon votre banque, comptez 3 à 7 jours ouvrés.", 1 },
	    { "Quand est-ce que je vais recevoir mon remboursement pour la commande {o} ?",
	      "Merci pour votre patience. Le remboursement de la commande {o} est validé et sera effectué sous 2 jours ouvrés ; vous recevrez une confirmation par e-mail.", 1 },
	    { "Vous ne m'avez remboursé qu'une partie, j'avais payé {m} !",
	      "Toutes nos excuses pour la confusion. Le premier virement correspondait à l'article, les frais de port sont remboursés à part. Je viens d'envoyer le reste.", 0 },
	    { "Le remboursement n'apparaît toujours pas sur mon compte après {d} jours.",
	      "Je comprends, c'est long. De notre côté le remboursement est terminé, il est maintenant entre les mains de votre banque. S'il n'arrive pas d'ici 3 jours, envoyez-moi un relevé et je demanderai une recherche.", 0 },
	    { "J'ai annulé la commande {o} avant l'expédition, merci de me rembourser.",
	      "Toutes nos excuses, cela aurait dû être automatique. Je viens de rembourser intégralement la commande {o}.", 0 }),
	[I_PAYMENT] = QA(
	    { "Ma carte est refusée au moment de payer, alors qu'elle marche partout ailleurs.",
	      "Toutes nos excuses pour ce problème ! Les refus viennent souvent du contrôle de sécurité de la banque pour les paiements à l'étranger. Pouvez-vous valider le paiement dans votre appli bancaire ou payer avec PayPal ?", 1 },
	    { "Vous m'avez débité deux fois pour la commande {o} ! Merci de rembourser les {m} en trop.",
	      "Toutes mes excuses. Le second débit est une pré-autorisation qui sera libérée automatiquement sous 5 jours ouvrés. Si ce n'est pas le cas, je le rembourse aussitôt.", 2 },
	    { "Le paiement a échoué mais l'argent a quand même été prélevé.",
	      "Je comprends que ce soit inquiétant. Quand un paiement échoue, la banque bloque seulement le montant quelques jours avant de le libérer ; rien n'a été encaissé chez nous.", 2 },
	    { "J'ai besoin d'une facture avec TVA pour la commande {o}, pour mon entreprise.",
	      "Avec plaisir ! Envoyez-moi le nom de la société, l'adresse et le numéro de TVA, et vous recevrez la facture de la commande {o} aujourd'hui.", 3 },
	    { "Est-ce qu'on peut payer en plusieurs fois ?",
	      "Pour l'instant nous acceptons la carte bancaire et PayPal ; avec PayPal, le paiement en 4 fois est possible selon votre compte.", 0 }),
	[I_COMPLAINT] = QA(
	    { "L'article « {p} » est arrivé cassé, le carton était complètement écrasé.",
	      "Nous sommes vraiment désolés. Pourriez-vous nous envoyer une photo de l'article et du carton ? Nous vous enverrons ensuite un remplacement ou un remboursement complet, comme vous préférez.", 1 },
	    { "Je n'ai pas reçu le bon article : j'avais commandé « {p} » en {c} et j'ai reçu une autre couleur.",
	      "Toutes mes excuses pour cette erreur. Je vous fais envoyer aujourd'hui le bon article en {c}, sans frais ; inutile de renvoyer l'autre.", 0 },
	    { "~« {p} » ne fonctionne plus après {d} jours. Vraiment décevant.",
	      "Nous sommes désolés. C'est couvert par la garantie. Pourriez-vous nous envoyer une courte vidéo qui montre le problème ? Je vous envoie ensuite un appareil neuf.", 2 },
	    { "^La couture de « {p} » se défait déjà après un lavage.",
	      "Cela ne devrait pas arriver, toutes mes excuses. Envoyez-nous une photo ou une petite vidéo de la couture et nous vous enverrons un article neuf ou un remboursement.", 1 },
	    { "La couleur n'a rien à voir avec les photos du site.",
	      "Nous sommes désolés que la couleur ne corresponde pas à vos attentes. Vous pouvez nous le renvoyer gratuitement ou le garder avec 30 % de remise. Que préférez-vous ?", 0 },
	    { "~Une pièce ne s'emboîte pas, le clip est trop petit et ne ferme pas.",
	      "Merci de nous le signaler. Pourriez-vous filmer une courte vidéo en essayant de fermer le clip ? Cela aide notre usine à contrôler le lot, et nous vous envoyons une pièce de rechange gratuite.", 2 }),
	[I_PRODUCT] = QA(
	    { "^Est-ce que « {p} » taille normalement ? Je fais du {s} d'habitude.",
	      "Merci de votre intérêt ! L'article taille normalement, le {s} devrait donc vous aller. Sinon, l'échange est gratuit.", 1 },
	    { "En quelle matière est « {p} » ?",
	      "Bonne question ! La composition exacte est indiquée sur la fiche produit, rubrique « Détails ». Tous nos articles sont garantis 12 mois.", 0 },
	    { "Est-ce que « {p} » existe en {c} ? Le site indique épuisé.",
	      "Le coloris {c} sera de retour en stock dans environ 2 semaines. Voulez-vous que je vous prévienne dès qu'il est disponible ?", 0 },
	    { "@Est-ce que « {p} » est compatible avec l'iPhone 15 ?",
	      "Oui, c'est compatible avec l'iPhone 15 et avec tous les smartphones Android récents.", 0 },
	    { "Quand est-ce que « {p} » sera de nouveau disponible ?",
	      "Nous attendons un nouveau lot dans une dizaine de jours. Je vous préviens à son arrivée ?", 0 }),
	[I_DISCOUNT] = QA(
	    { "Vous avez un code promo pour une première commande ?",
	      "Bienvenue ! Avec le code {x}, vous avez 10 % de réduction sur votre première commande.", 1 },
	    { "Le code {x} ne marche pas, il est indiqué comme invalide.",
	      "Toutes nos excuses, ce code a expiré. En voici un nouveau, valable pour 10 % de réduction : THANKYOU.", 0 },
	    { "Le prix de « {p} » a baissé le lendemain de mon achat. Vous pouvez me rembourser la différence ?",
	      "Je comprends, c'est frustrant. Nous ne pouvons pas modifier le prix d'une commande passée, mais j'ai crédité la différence sur votre compte client en bon d'achat.", 0 },
	    { "Il y a une réduction si j'en prends 3 ?",
	      "Oui ! À partir de 3 articles, 15 % de remise s'appliquent automatiquement au panier.", 0 }),
	[I_ORDER_CHANGE] = QA(
	    { "Merci d'annuler ma commande {o}, j'ai fait une erreur.",
	      "C'est fait ! La commande {o} est annulée et le remboursement sera effectué sous 3 à 5 jours ouvrés.", 0 },
	    { "J'ai mis une mauvaise adresse de livraison pour la commande {o}. Vous pouvez la modifier ?",
	      "Bien sûr, envoyez-moi l'adresse complète et je la modifie avant l'expédition.", 1 },
	    { "^Je peux changer pour une taille {s} avant l'envoi ?",
	      "Oui, j'ai modifié la taille en {s}. Votre commande part demain comme prévu.", 0 },
	    { "Je peux passer en {c} ? La commande {o} n'est pas encore partie.",
	      "Nous sommes désolés, la commande {o} a été remise au transporteur ce matin. À réception, vous pourrez l'échanger gratuitement contre le coloris {c}.", 0 }),
	[I_ACCOUNT] = QA(
	    { "Je n'arrive pas à me connecter, je ne reçois jamais l'e-mail de réinitialisation.",
	      "Toutes nos excuses ! Je viens de renvoyer l'e-mail manuellement ; pensez à regarder dans vos spams.", 1 },
	    { "Merci de supprimer mon compte et toutes mes données personnelles (RGPD).",
	      "Votre demande est bien reçue. Votre compte et vos données seront supprimés sous 30 jours, vous recevrez une confirmation par e-mail.", 0 },
	    { "Comment modifier l'adresse e-mail de mon compte ?",
	      "Dans « Mon compte » > « Paramètres ». Si cela ne marche pas, envoyez-moi la nouvelle adresse et je m'en occupe.", 0 }),
	[I_OTHER] = QA(
	    { "Vous avez une boutique physique ?",
	      "Merci pour votre question ! Nous vendons uniquement en ligne, mais nous livrons dans toute l'Europe et les retours sont gratuits.", 0 },
	    { "Vous livrez aussi en Belgique et en Suisse ?",
	      "Oui, nous livrons en Belgique et en Suisse. Comptez 8 à 15 jours ; pour la Suisse, d'éventuels frais de douane sont à la charge du destinataire.", 0 },
	    { "Je fais des vidéos sur YouTube, une collaboration vous intéresserait ?",
	      "Merci d'avoir pensé à nous ! J'ai transmis votre message à notre équipe marketing, elle vous recontactera si cela correspond.", 0 }),
	},
	.more = {
	[I_SHIPPING] = QA(
	    { "Le suivi n'a toujours pas bougé.",
	      "Merci d'avoir vérifié. J'ai ouvert une enquête auprès du transporteur. Si le colis ne bouge pas d'ici 5 jours, nous le renvoyons ou vous remboursons, à votre choix.", 1 },
	    { "J'ai demandé à la poste, ils n'ont rien.",
	      "Merci d'avoir vérifié auprès d'eux. J'ai relancé le transporteur et je reviens vers vous d'ici demain.", 1 }),
	[I_RETURN] = QA(
	    { "L'article n'a pas été porté, il est dans son emballage d'origine.",
	      "Parfait, merci. Dès réception, nous traitons le retour sous 3 jours ouvrés.", 0 },
	    { "Je dois imprimer l'étiquette moi-même ?",
	      "Oui, l'étiquette est dans l'e-mail que je vous ai envoyé. Sans imprimante, la poste peut l'imprimer à partir du QR code.", 0 }),
	[I_REFUND] = QA(
	    { "D'après le suivi, le colis est chez vous depuis la semaine dernière.",
	      "Merci, je le vois aussi. J'ai demandé à notre comptabilité de traiter votre remboursement en priorité, vous aurez des nouvelles sous 24 h.", 1 },
	    { "Toujours rien sur mon compte.",
	      "Nous sommes désolés. Je demande la référence de transaction à notre prestataire de paiement pour que votre banque puisse la retrouver.", 0 }),
	[I_PAYMENT] = QA(
	    { "J'ai essayé avec deux cartes différentes, même erreur.",
	      "Merci d'avoir essayé. J'ai transmis à notre équipe paiement ; en attendant, PayPal devrait fonctionner sans problème.", 1 },
	    { "Voici une capture de mon relevé bancaire.",
	      "Merci, je vois bien les deux débits. J'ai remboursé le doublon, il sera sur votre compte sous 5 jours ouvrés.", 2 }),
	[I_COMPLAINT] = QA(
	    { "Je vous envoie les photos en pièce jointe.",
	      "Merci pour les photos. J'ai validé un remboursement complet, visible sous 3 à 5 jours ouvrés. Inutile de renvoyer l'article.", 1 },
	    { "Voici une petite vidéo du problème.",
	      "Merci, c'est très utile. Le remplacement part demain, je vous envoie le numéro de suivi.", 2 },
	    { "Je veux un remplacement, pas un bon d'achat.",
	      "Bien entendu. Le remplacement est lancé, il part sous 2 jours ouvrés.", 0 }),
	[I_PRODUCT] = QA(
	    { "^Je mesure 1,68 m pour 60 kg.",
	      "Merci ! Avec ces mesures, je vous conseille la taille M.", 1 },
	    { "Et la livraison en France prend combien de temps ?",
	      "La livraison en France prend en général 7 à 12 jours, avec suivi.", AS(I_SHIPPING) }),
	[I_DISCOUNT] = QA(
	    { "J'ai souscrit à la newsletter mais je n'ai jamais reçu le code.",
	      "Toutes nos excuses, je viens de vous renvoyer le code par e-mail. Il est valable 30 jours.", 1 },
	    { "C'est cumulable avec la livraison gratuite ?",
	      "Oui, la remise et la livraison gratuite sont cumulables.", 0 }),
	[I_ORDER_CHANGE] = QA(
	    { "La bonne adresse est 8 rue des Lilas, 69003 Lyon.",
	      "Merci, c'est modifié. La commande sera livrée au 8 rue des Lilas, 69003 Lyon.", 1 },
	    { "Oui, le plus vite possible svp.",
	      "C'est fait, la modification est confirmée.", 1 }),
	[I_ACCOUNT] = QA(
	    { "Mon compte est lié à mon adresse Orange.",
	      "Merci, j'ai trouvé votre compte. L'e-mail de réinitialisation est parti vers votre adresse Orange.", 1 },
	    { "J'ai déjà essayé deux fois, ça ne marche pas.",
	      "Toutes nos excuses. Je vous ai envoyé un mot de passe provisoire par e-mail ; pensez à le changer après connexion.", 1 }),
	[I_OTHER] = QA(
	    { "D'accord, merci pour l'info.",
	      "Avec plaisir ! N'hésitez pas si vous avez d'autres questions.", 0 }),
	},
	.urgent = L("C'est un cadeau d'anniversaire pour samedi !",
	    "*J'en ai besoin avant Noël, c'est un cadeau.",
	    "Je pars en vacances la semaine prochaine, il me le faut avant.",
	    "C'est urgent svp."),
	.angry = L("C'est inadmissible !!!",
	    "Si ce n'est pas réglé, je laisse un avis 1 étoile.",
	    "Sinon j'ouvre un litige PayPal.",
	    "Je vais faire opposition auprès de ma banque.",
	    "PLUS JAMAIS je ne commande chez vous.",
	    "Je veux mon argent TOUT DE SUITE."),
	.chase = L("Allô ??", "Des nouvelles ?", "Il y a quelqu'un ?", "???",
	    "J'attends toujours une réponse...", "Bonjour ? Quelqu'un peut m'aider ?"),
	.chase_angry = L("Ça fait une journée entière et personne ne répond !!!",
	    "Pourquoi personne ne répond ??? Je vais vous signaler à la plateforme.",
	    "%J'attends depuis des jours. Répondez-moi !"),
	.thanks = L("Ok merci !", "Super, merci pour votre réactivité.",
	    "Parfait, merci !", "ok", "Merci, bonne journée.",
	    "D'accord, j'attends alors. Merci.", "Merci beaucoup !!"),
	.reopen = QA(
	    { "Rebonjour, j'ai toujours le même problème avec la commande {o}.",
	      "Nous sommes désolés que ce ne soit toujours pas réglé. J'ai transmis votre dossier à ma responsable et je reviens vers vous aujourd'hui.", 0 },
	    { "Pardon de vous relancer, mais rien n'a changé.",
	      "Vous ne dérangez pas du tout, toutes mes excuses. Je vous envoie un remplacement dès aujourd'hui.", 0 },
	    { "Vous m'aviez dit que ce serait réglé, ce n'est pas le cas. On fait quoi ?",
	      "Vous avez raison, toutes mes excuses. J'ai effectué un remboursement intégral pour que vous n'ayez plus à attendre.", 0 }),
	.bot = L("Merci pour votre message ! Un conseiller vous répondra dès que possible. Notre équipe est disponible du lundi au vendredi, de 9 h à 18 h (heure de Chine).",
	    "Bonjour ! Nous avons bien reçu votre message et vous répondrons sous 24 h. Vous pouvez aussi suivre votre colis via le lien de votre e-mail de confirmation."),
	.agent_hello = L("Bonjour {n},", "Bonjour {n}, merci pour votre message.",
	    "%Bonjour {n}, merci pour votre patience.",
	    "Bonjour {n}, et merci de nous avoir contactés."),
	.agent_bye = L("Avec plaisir ! Belle journée à vous.",
	    "Je vous en prie, n'hésitez pas à nous recontacter.",
	    "!Merci pour votre patience, et encore toutes nos excuses pour le désagrément."),
	.sign = L("\n\nCordialement,\n{a}\nService client",
	    "\n\nBien à vous,\n{a}"),
};

/* ---- Spanish ------------------------------------------------------- */

static const struct bank bank_es = {
	.sep = " ", .address = ADDR_FIRST, .family_first = 0,
	.first_names = L("Lucía", "Pablo", "María", "Javier", "Carmen",
	    "Alejandro", "Sofía", "Diego", "Paula", "Sergio", "Laura",
	    "Daniel", "Valentina", "Andrés", "Marta", "José"),
	.last_names = L("García", "Fernández", "González", "Rodríguez",
	    "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz",
	    "Hernández", "Díaz", "Moreno", "Álvarez", "Romero", "Torres"),
	.colours = L("negro", "blanco", "azul marino", "beige", "verde oliva",
	    "rosa", "gris"),
	.greet = L("Hola,", "<Buenos días,", "=Buenas tardes,", "Hola!",
	    "Hola buenas,", "Estimados,"),
	.close = L("Gracias.", "Muchas gracias!", "Un saludo.",
	    "Espero su respuesta.", "Gracias de antemano.", "Saludos"),
	.ask = {
	[I_SHIPPING] = QA(
	    { "¿Dónde está mi pedido {o}? Ya llevo {d} días esperando.",
	      "Siento mucho la espera. He revisado el pedido {o}: el paquete (seguimiento {t}) ya está en su país y lo tiene la empresa de reparto local. Debería llegar en 3-5 días laborables.", 1 },
	    { "El seguimiento del pedido {o} no se actualiza desde hace {d} días. ¿Se ha perdido?",
	      "Entiendo su preocupación. El seguimiento {t} solo se actualiza cuando el paquete pasa por un centro de clasificación, así que puede quedarse igual una semana durante el transporte. He pedido información a la transportista y le escribo en 48 horas.", 1 },
	    { "Mi paquete está retenido en aduanas. ¿Tengo que pagar aranceles?",
	      "Disculpe las molestias. Los aranceles de su pedido ya están pagados por nosotros, no tiene que pagar nada. El despacho de aduanas suele tardar 2-5 días laborables.", 1 },
	    { "El seguimiento dice entregado pero no he recibido nada. Pedido {o}.",
	      "Lo siento mucho. A veces el repartidor deja el paquete a un vecino o en un punto de recogida, ¿podría comprobarlo? Si no aparece, abro una reclamación y le enviamos otro.", 1 },
	    { "¿Cuándo van a enviar mi pedido de {p}? Lo compré hace {d} días y sigue en preparación.",
	      "Disculpe el retraso. Su pedido ha salido hoy de nuestro almacén, el número de seguimiento es {t}. El primer escaneo puede tardar un día en aparecer.", 0 },
	    { "Aduanas me pide una factura de mi paquete, ¿qué les mando?",
	      "Gracias por avisar. Le adjunto la factura comercial del pedido {o}, puede enviársela tal cual a aduanas.", 0 }),
	[I_RETURN] = QA(
	    { "^Quiero devolver el pedido de {p}, me queda pequeño. ¿Cómo lo hago?",
	      "Por supuesto. Puede devolverlo en un plazo de 30 días, sin usar y con la etiqueta. Le envío por correo una etiqueta de devolución prepagada; incluya el número de pedido {o} en el paquete.", 0 },
	    { "^¿Puedo cambiar {p} por una talla {s}?",
	      "Sin problema, el cambio es gratuito. Le he reservado la talla {s} y le envío una etiqueta para devolver la otra.", 0 },
	    { "¿Cómo hago una devolución? No venía ninguna etiqueta en el paquete.",
	      "No hace falta la etiqueta del paquete: le acabo de enviar por correo una etiqueta prepagada para el pedido {o}. Solo tiene que imprimirla y llevar el paquete a Correos.", 0 },
	    { "¿Quién paga el envío de la devolución? El producto no es como en la foto.",
	      "Siento que el producto no cumpla sus expectativas. La devolución es gratuita para usted y el reembolso se hace en cuanto recibamos el paquete.", 0 },
	    { "Quiero devolver el pedido {o}, está sin usar y en su caja.",
	      "De acuerdo, gracias por avisar. He creado la devolución del pedido {o} y le he mandado la etiqueta. El reembolso se hace en 3 días laborables tras recibirlo.", 0 }),
	[I_REFUND] = QA(
	    { "Devolví el producto hace {d} días y todavía no me han devuelto el dinero.",
	      "Disculpe el retraso. Su devolución ya llegó a nuestro almacén y hoy hemos emitido el reembolso de {m}. Según su banco, tarda 3-7 días laborables.", 1 },
	    { "¿Cuándo me devuelven el dinero del pedido {o}?",
	      "Gracias por su paciencia. El reembolso del pedido {o} está aprobado y se hará en 2 días laborables; recibirá una confirmación por correo.", 1 },
	    { "Solo me han devuelto una parte y yo pagué {m}.",
	      "Perdone la confusión. El primer pago correspondía al producto y los gastos de envío se reembolsan aparte. Acabo de enviar el resto.", 0 },
	    { "Han pasado {d} días y el reembolso no aparece en mi tarjeta.",
	      "Entiendo, es mucho tiempo. Por nuestra parte el reembolso está hecho, ahora depende de su banco. Si no lo ve en 3 días, envíeme un extracto y pediremos un rastreo del pago.", 0 },
	    { "Cancelé el pedido {o} antes de que lo enviaran, por favor devuélvanme el dinero.",
	      "Disculpe, debería haberse hecho automáticamente. Acabo de reembolsar el pedido {o} completo.", 0 }),
	[I_PAYMENT] = QA(
	    { "Mi tarjeta es rechazada al pagar, pero en otras tiendas funciona.",
	      "Siento las molestias. Los rechazos suelen venir del control de seguridad del banco para pagos internacionales. ¿Puede autorizar el pago en la app de su banco o pagar con PayPal?", 1 },
	    { "¡Me han cobrado dos veces el pedido {o}! Devuélvanme los {m} de más.",
	      "Lo siento mucho. El segundo cargo es una preautorización que se libera sola en 5 días laborables. Si sigue ahí después, se lo reembolso a mano enseguida.", 2 },
	    { "El pago falló pero me quitaron el dinero de la cuenta.",
	      "Entiendo que preocupe. Cuando un pago falla, el banco solo retiene el importe unos días y luego lo libera; por nuestra parte no se ha cobrado nada.", 2 },
	    { "Necesito factura con IVA del pedido {o} para mi empresa.",
	      "¡Claro! Envíeme el nombre de la empresa, la dirección y el NIF y hoy mismo le mando la factura del pedido {o}.", 3 },
	    { "¿Se puede pagar con Bizum o en efectivo?",
	      "De momento aceptamos tarjeta y PayPal. Bizum y el pago contra reembolso no están disponibles, disculpe.", 0 }),
	[I_COMPLAINT] = QA(
	    { "El pedido de {p} llegó roto, la caja venía completamente aplastada.",
	      "Lo siento muchísimo. ¿Podría enviarnos una foto del producto y de la caja? Después le mandamos uno nuevo o le devolvemos el dinero, lo que prefiera.", 1 },
	    { "Me ha llegado el producto equivocado: pedí {p} en {c} y me llegó otro color.",
	      "Disculpe la confusión. Hoy mismo le enviamos el producto correcto en {c} sin coste; el otro no hace falta que lo devuelva.", 0 },
	    { "~El producto ({p}) dejó de funcionar a los {d} días. Qué decepción.",
	      "Lo siento. Está cubierto por la garantía. ¿Podría mandarnos un vídeo corto donde se vea el fallo? Así le enviamos uno nuevo enseguida.", 2 },
	    { "^La costura de {p} se está abriendo después de un solo lavado.",
	      "Eso no debería pasar, disculpe. Envíenos una foto o un vídeo corto de la costura y le mandamos otro o le reembolsamos.", 1 },
	    { "El color no se parece nada al de las fotos de la web.",
	      "Siento que el color no sea lo que esperaba. Puede devolverlo gratis o quedárselo con un 30 % de descuento. ¿Qué prefiere?", 0 },
	    { "~Una pieza no encaja, el clip es demasiado pequeño y no cierra.",
	      "Gracias por avisarnos. ¿Podría grabar un vídeo corto intentando cerrar el clip? Así la fábrica revisa el lote, y le enviamos una pieza de repuesto gratis.", 2 }),
	[I_PRODUCT] = QA(
	    { "^Quiero comprar {p}, ¿la talla es normal? Normalmente uso la {s}.",
	      "¡Gracias por su interés! La talla es normal, así que la {s} le debería quedar bien. Si no, el cambio es gratis.", 1 },
	    { "¿De qué material es {p}?",
	      "¡Buena pregunta! La composición exacta está en la ficha del producto, en «Detalles». Todos nuestros productos tienen 12 meses de garantía.", 0 },
	    { "¿Tienen {p} en {c}? En la web pone agotado.",
	      "El color {c} vuelve a estar disponible en unas 2 semanas. ¿Quiere que le avise cuando llegue?", 0 },
	    { "@¿Es compatible con el iPhone 15?",
	      "Sí, funciona con el iPhone 15 y con todos los móviles Android recientes.", 0 },
	    { "¿Cuándo vuelven a tener {p}?",
	      "Esperamos un nuevo lote en unos 10 días. ¿Le aviso cuando esté?", 0 }),
	[I_DISCOUNT] = QA(
	    { "¿Tienen algún código de descuento para la primera compra?",
	      "¡Bienvenido/a! Con el código {x} tiene un 10 % de descuento en su primer pedido.", 1 },
	    { "El cupón {x} no funciona, dice que no es válido.",
	      "Disculpe, ese código ha caducado. Aquí tiene uno nuevo con un 10 % de descuento: THANKYOU.", 0 },
	    { "Al día siguiente de comprar {p}, el precio bajó. ¿Me devuelven la diferencia?",
	      "Le entiendo. No podemos cambiar el precio de un pedido ya hecho, pero le he abonado la diferencia como saldo en su cuenta.", 0 },
	    { "¿Hay descuento si compro 3?",
	      "¡Sí! A partir de 3 unidades se aplica automáticamente un 15 % de descuento en la cesta.", 0 }),
	[I_ORDER_CHANGE] = QA(
	    { "Por favor cancelen mi pedido {o}, lo hice por error.",
	      "¡Hecho! El pedido {o} está cancelado y el importe se reembolsará en 3-5 días laborables.", 0 },
	    { "Puse mal la dirección de envío del pedido {o}. ¿Pueden cambiarla?",
	      "Claro, envíeme la dirección completa correcta y la cambio antes del envío.", 1 },
	    { "^¿Puedo cambiar la talla a {s} antes de que lo envíen?",
	      "Sí, he cambiado la talla a {s}. Su pedido sale mañana como estaba previsto.", 0 },
	    { "¿Puedo cambiar el color a {c}? El pedido {o} todavía no ha salido.",
	      "Lo siento, el pedido {o} se entregó esta mañana a la transportista y ya no se puede cambiar. Cuando le llegue, puede cambiarlo gratis por el color {c}.", 0 }),
	[I_ACCOUNT] = QA(
	    { "No puedo entrar en mi cuenta, nunca me llega el correo para restablecer la contraseña.",
	      "¡Disculpe! Le acabo de reenviar el correo manualmente; revise también la carpeta de spam.", 1 },
	    { "Por favor borren mi cuenta y todos mis datos personales.",
	      "Hemos recibido su solicitud. Su cuenta y sus datos se eliminarán en un plazo de 30 días y recibirá una confirmación por correo.", 0 }),
	[I_OTHER] = QA(
	    { "¿Tienen tienda física?",
	      "¡Gracias por preguntar! Solo vendemos online, pero enviamos a toda España y las devoluciones son gratis.", 0 },
	    { "¿Hacen envíos a Canarias?",
	      "Sí, enviamos a Canarias. Tarda unos 10-18 días y puede haber gastos de aduana a cargo del destinatario.", 0 }),
	},
	.more = {
	[I_SHIPPING] = QA(
	    { "El seguimiento sigue igual, no se mueve.",
	      "Gracias por comprobarlo. He abierto una investigación con la transportista. Si el paquete no se mueve en 5 días, se lo reenviamos o le devolvemos el dinero, como prefiera.", 1 },
	    { "He preguntado en Correos y no tienen nada.",
	      "Gracias por preguntar. He vuelto a contactar con la transportista y le digo algo mañana.", 1 }),
	[I_RETURN] = QA(
	    { "Está sin usar y con el embalaje original.",
	      "Perfecto, gracias. Cuando llegue a nuestro almacén tramitamos la devolución en 3 días laborables.", 0 },
	    { "Ya lo he enviado hoy, le paso el justificante.",
	      "¡Gracias! Ya veo el envío, le aviso en cuanto llegue.", 0 }),
	[I_REFUND] = QA(
	    { "Según el seguimiento les llegó la semana pasada.",
	      "Gracias, yo también lo veo. He pedido a contabilidad que tramite su reembolso con prioridad; tendrá noticias en 24 horas.", 1 },
	    { "Sigo sin ver nada en la cuenta.",
	      "Lo siento. Pido a nuestro proveedor de pagos la referencia de la transacción para que su banco pueda localizarla.", 0 }),
	[I_PAYMENT] = QA(
	    { "He probado con dos tarjetas distintas y sale el mismo error.",
	      "Gracias por intentarlo. Lo he pasado a nuestro equipo de pagos; mientras tanto, con PayPal debería funcionar.", 1 },
	    { "Le adjunto captura del extracto del banco.",
	      "Gracias, veo los dos cargos. He reembolsado el duplicado, lo tendrá en 5 días laborables.", 2 }),
	[I_COMPLAINT] = QA(
	    { "Le mando las fotos del daño.",
	      "Gracias por las fotos. He aprobado el reembolso completo, lo verá en 3-5 días laborables. No hace falta devolver el producto.", 1 },
	    { "Aquí va un vídeo corto del problema.",
	      "Gracias, nos ayuda mucho. Mañana sale el producto de sustitución y le paso el seguimiento.", 2 }),
	[I_PRODUCT] = QA(
	    { "^Mido 1,65 y peso unos 58 kg.",
	      "¡Gracias! Con esas medidas le recomiendo la talla S.", 1 },
	    { "¿Y cuánto tarda el envío?",
	      "El envío suele tardar 7-12 días, con seguimiento.", AS(I_SHIPPING) }),
	[I_DISCOUNT] = QA(
	    { "Me suscribí a la newsletter pero no me llegó el código.",
	      "Disculpe, le he reenviado el código por correo. Es válido 30 días.", 1 },
	    { "¿Es compatible con el envío gratis?",
	      "Sí, el descuento y el envío gratis se pueden combinar.", 0 }),
	[I_ORDER_CHANGE] = QA(
	    { "La dirección correcta es Calle Mayor 15, 3º B, 28013 Madrid.",
	      "Gracias, ya está cambiada. El pedido irá a Calle Mayor 15, 3º B, 28013 Madrid.", 1 },
	    { "Sí, lo antes posible por favor.",
	      "Hecho, el cambio está confirmado.", 1 }),
	[I_ACCOUNT] = QA(
	    { "Ya lo he intentado dos veces y no funciona.",
	      "Lo siento. Le he enviado una contraseña provisional por correo; cámbiela al entrar.", 1 }),
	[I_OTHER] = QA(
	    { "Vale, gracias por la info.",
	      "¡De nada! Si tiene cualquier otra duda, aquí estamos.", 0 }),
	},
	.urgent = L("¡Es un regalo de cumpleaños para el sábado!",
	    "*Lo necesito antes de Navidad, es un regalo.",
	    "Me voy de vacaciones la semana que viene y lo necesito antes.",
	    "Es urgente por favor."),
	.angry = L("¡¡¡Esto es una vergüenza!!!",
	    "Si no se soluciona, dejaré una reseña de 1 estrella.",
	    "Si no me contestan hoy abro una disputa en PayPal.",
	    "Voy a pedir la devolución del cargo a mi banco.",
	    "NUNCA MÁS compro aquí.",
	    "Quiero mi dinero YA."),
	.chase = L("hola??", "¿Alguna novedad?", "¿Hay alguien?", "???",
	    "Sigo esperando respuesta...", "Hola, ¿alguien me puede ayudar?"),
	.chase_angry = L("¡¡Llevo un día entero sin respuesta!!",
	    "¿Por qué nadie contesta??? Voy a denunciarlo en la plataforma.",
	    "%Llevo días esperando. ¡Contesten de una vez!"),
	.thanks = L("Vale, gracias!", "Genial, gracias por la rapidez.",
	    "Perfecto, gracias!", "ok", "Gracias, buen día.",
	    "De acuerdo, espero entonces. Gracias.", "Muchísimas gracias!!"),
	.reopen = QA(
	    { "Hola de nuevo, sigo con el mismo problema con el pedido {o}.",
	      "Siento que todavía no esté resuelto. He pasado su caso a mi responsable y le escribo hoy mismo.", 0 },
	    { "Perdone que insista, pero no ha cambiado nada.",
	      "No se preocupe, disculpe las molestias. Hoy mismo le enviamos un producto de sustitución.", 0 },
	    { "Me dijeron que estaba solucionado y no es así. ¿Y ahora qué?",
	      "Tiene razón, le pido disculpas. Le he hecho el reembolso completo para que no tenga que esperar más.", 0 }),
	.bot = L("¡Gracias por tu mensaje! Un agente te responderá lo antes posible. Nuestro equipo atiende de lunes a viernes, de 9:00 a 18:00 (hora de China).",
	    "¡Hola! Hemos recibido tu mensaje y te responderemos en menos de 24 horas. También puedes ver el estado del envío en el enlace del correo de confirmación."),
	.agent_hello = L("Hola {n},", "<Buenos días, {n}:", "Hola {n}, gracias por escribirnos.",
	    "%Hola {n}, gracias por su paciencia."),
	.agent_bye = L("¡De nada! Que tenga un buen día.",
	    "¡Un placer ayudarle! Aquí estamos para lo que necesite.",
	    "!Gracias por su paciencia y disculpe de nuevo las molestias."),
	.sign = L("\n\nUn saludo,\n{a}\nAtención al cliente",
	    "\n\nAtentamente,\n{a}"),
};

/* ---- Japanese ------------------------------------------------------ */

static const struct bank bank_ja = {
	.sep = "", .address = ADDR_LAST, .family_first = 1,
	.first_names = L("美咲", "健太", "陽菜", "翔太", "さくら", "大輔",
	    "結衣", "拓也", "愛", "直樹", "真由美", "浩二", "彩", "亮"),
	.last_names = L("佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺",
	    "山本", "中村", "小林", "加藤", "吉田", "山田", "松本", "井上"),
	.colours = L("ブラック", "ホワイト", "ネイビー", "ベージュ",
	    "オリーブ", "ピンク", "グレー"),
	.greet = L("こんにちは。", "お世話になっております。", "すみません、",
	    "はじめまして。", "お忙しいところ失礼します。"),
	.close = L("よろしくお願いします。", "ご確認お願いします。",
	    "お返事お待ちしております。", "よろしくお願いいたします。",
	    "至急ご対応ください。"),
	.ask = {
	[I_SHIPPING] = QA(
	    { "注文番号{o}の商品がまだ届きません。注文してから{d}日経っています。",
	      "お待たせしてしまい、大変申し訳ございません。ご注文{o}を確認いたしました。お荷物（追跡番号{t}）はすでに日本に到着し、国内の配送業者に引き渡されております。3〜5営業日ほどでお届けの予定です。", 1 },
	    { "追跡情報が{d}日間ずっと更新されていません。荷物は紛失したのでしょうか？",
	      "ご心配をおかけして申し訳ございません。追跡番号{t}は仕分けセンターを通過した時のみ更新されるため、輸送中は1週間ほど変わらないことがございます。配送業者に確認中ですので、48時間以内にご連絡いたします。", 1 },
	    { "荷物が税関で止まっているようです。関税は自分で払う必要がありますか？",
	      "ご不便をおかけしております。関税は当店で前払いしておりますので、お客様のご負担はございません。通関には通常2〜5営業日かかります。", 1 },
	    { "追跡では「配達完了」になっていますが、受け取っていません。注文番号は{o}です。",
	      "ご迷惑をおかけして申し訳ございません。宅配ボックスや管理人室、ご近所に預けられている場合がございますので、ご確認いただけますでしょうか。見つからない場合は調査を依頼し、再送いたします。", 1 },
	    { "{d}日前に注文した{p}がまだ「発送準備中」のままです。いつ発送されますか？",
	      "発送が遅れてしまい申し訳ございません。本日倉庫から発送いたしました。追跡番号は{t}です。反映まで1日ほどかかる場合がございます。", 0 },
	    { "税関から請求書（インボイス）を求められました。何を送ればいいですか？",
	      "ご連絡ありがとうございます。ご注文{o}のインボイスを添付いたしましたので、そのまま税関へご提出ください。", 0 }),
	[I_RETURN] = QA(
	    { "^{p}のサイズが小さかったので返品したいです。どうすればいいですか？",
	      "かしこまりました。30日以内、未着用・タグ付きの状態でご返送ください。返品用の送り状をメールでお送りしますので、箱の中に注文番号{o}のメモを入れてください。", 0 },
	    { "^{p}を{s}サイズに交換できますか？",
	      "もちろんです。交換は無料です。{s}サイズを確保いたしましたので、お手元の商品の返送用送り状をお送りします。", 0 },
	    { "返品方法を教えてください。返品伝票が同梱されていませんでした。",
	      "ご不便をおかけしました。ご注文{o}の返品用送り状を先ほどメールでお送りしました。印刷して箱に貼り、郵便局からご返送ください。", 0 },
	    { "商品がイメージと違ったので返品したいです。送料はどちらの負担ですか？",
	      "ご期待に沿えず申し訳ございません。返品送料は当店が負担いたします。商品到着後に返金手続きを行います。", 0 }),
	[I_REFUND] = QA(
	    { "{d}日前に返品しましたが、まだ返金されていません。",
	      "お待たせして申し訳ございません。返品商品は倉庫に到着しており、本日{m}の返金手続きを行いました。カード会社により反映まで3〜7営業日かかります。", 1 },
	    { "注文{o}の返金はいつになりますか？",
	      "お待ちいただきありがとうございます。ご注文{o}の返金は承認済みで、2営業日以内に処理されます。完了しましたらメールでお知らせいたします。", 1 },
	    { "{m}支払ったのに、一部しか返金されていません。",
	      "分かりにくくて申し訳ございません。先の返金は商品代金分で、送料は別途返金となります。残りの金額も先ほど返金いたしました。", 0 },
	    { "返金手続き済みと言われてから{d}日経ちますが、カードに反映されていません。",
	      "ご心配をおかけしております。当店側の返金処理は完了しており、現在はカード会社での処理待ちとなっております。3日経っても反映されない場合は、明細の画面をお送りいただければ調査いたします。", 0 }),
	[I_PAYMENT] = QA(
	    { "クレジットカードで決済しようとするとエラーになります。他のサイトでは使えます。",
	      "ご迷惑をおかけしております。海外決済はカード会社のセキュリティで止められることが多いです。カード会社のアプリで承認いただくか、PayPalをお試しください。", 1 },
	    { "注文{o}の代金が二重に引き落とされています！{m}を返金してください。",
	      "大変申し訳ございません。2件目は仮売上（オーソリ）で、5営業日以内に自動的に取り消されます。それ以降も残っている場合は、すぐに返金いたします。", 2 },
	    { "コンビニ払いや代引きはできますか？",
	      "申し訳ございませんが、現在はクレジットカードとPayPalのみ対応しております。", 0 },
	    { "決済エラーになったのに、口座からお金が引かれています。",
	      "ご心配をおかけして申し訳ございません。決済失敗時はカード会社が一時的に金額を保留しますが、数日で解除されます。当店では請求は発生しておりません。", 2 },
	    { "注文{o}の領収書を会社宛てで発行してもらえますか？",
	      "承知いたしました。宛名をお知らせいただければ、本日中に領収書をPDFでお送りいたします。", 3 }),
	[I_COMPLAINT] = QA(
	    { "{p}が壊れた状態で届きました。箱もつぶれていました。",
	      "このたびはご迷惑をおかけし、誠に申し訳ございません。お手数ですが、商品と箱の写真をお送りいただけますでしょうか。確認後、交換または全額返金にて対応いたします。", 1 },
	    { "届いた商品が違います。{c}の{p}を注文したのに、別の色が届きました。",
	      "大変申し訳ございません。本日{c}の正しい商品を無料でお送りいたします。お手元の商品は返送不要です。", 0 },
	    { "~{p}が{d}日で動かなくなりました。とても残念です。",
	      "ご不便をおかけして申し訳ございません。保証対象となりますので、症状が分かる短い動画をお送りいただけますか。確認次第、新品をお送りします。", 2 },
	    { "^{p}の縫い目が一度洗っただけでほつれてきました。",
	      "申し訳ございません。縫製の不良と思われます。ほつれ部分の写真か短い動画をお送りいただければ、交換または返金いたします。", 1 },
	    { "色がサイトの写真と全然違います。",
	      "イメージと異なり申し訳ございません。無料で返品いただくか、30%返金でそのままお使いいただくこともできます。どちらがよろしいでしょうか。", 0 },
	    { "~部品が合いません。留め具が小さくて閉まりません。",
	      "ご連絡ありがとうございます。留め具を閉めようとしている様子を動画で撮っていただけますか。工場でロットを確認し、交換部品を無料でお送りします。", 2 }),
	[I_PRODUCT] = QA(
	    { "^{p}のサイズ感はどうですか？普段は{s}を着ています。",
	      "お問い合わせありがとうございます。{p}は標準的なサイズ感ですので、{s}で問題ないかと思います。合わない場合は無料で交換いたします。", 1 },
	    { "{p}の素材は何ですか？",
	      "商品ページの「詳細」に素材を記載しております。全商品12か月保証付きです。", 0 },
	    { "{p}の{c}は在庫ありますか？売り切れと表示されています。",
	      "{c}は約2週間後に再入荷予定です。入荷しましたらご連絡しましょうか？", 0 },
	    { "@{p}はiPhone 15に対応していますか？",
	      "はい、iPhone 15および最近のAndroid端末に対応しております。", 0 },
	    { "~{p}は防水ですか？",
	      "生活防水（IPX4）ですので、雨程度なら問題ございませんが、水没にはご注意ください。", 0 }),
	[I_DISCOUNT] = QA(
	    { "初回購入のクーポンはありますか？",
	      "ご利用ありがとうございます！クーポンコード{x}で初回10%オフになります。", 1 },
	    { "クーポン{x}が使えません。「無効」と出ます。",
	      "申し訳ございません、そちらのコードは期限切れでした。代わりに10%オフのコードTHANKYOUをお使いください。", 0 },
	    { "購入した翌日に{p}が値下がりしました。差額を返金してもらえませんか？",
	      "お気持ちお察しいたします。ご注文後の価格変更はできかねますが、差額分をポイントとしてアカウントに付与いたしました。", 0 },
	    { "3つ買うと割引はありますか？",
	      "はい！3点以上のご購入で、カートにて自動的に15%オフになります。", 0 }),
	[I_ORDER_CHANGE] = QA(
	    { "注文{o}をキャンセルしてください。間違えて注文しました。",
	      "承知いたしました。ご注文{o}をキャンセルし、3〜5営業日以内に全額返金いたします。", 0 },
	    { "注文{o}の配送先住所を間違えました。変更できますか？",
	      "かしこまりました。正しいご住所をお知らせいただければ、発送前に変更いたします。", 1 },
	    { "^発送前なら{s}サイズに変更できますか？",
	      "はい、{s}サイズに変更いたしました。予定どおり明日発送いたします。", 0 },
	    { "色を{c}に変更できますか？注文{o}はまだ発送されていないはずです。",
	      "申し訳ございません。ご注文{o}は今朝すでに配送業者へ引き渡されたため、変更ができません。到着後、{c}への交換を無料で承ります。", 0 }),
	[I_ACCOUNT] = QA(
	    { "ログインできません。パスワード再設定のメールが届きません。",
	      "ご不便をおかけしております。再設定メールを手動で再送いたしました。迷惑メールフォルダもご確認ください。", 1 },
	    { "アカウントと個人情報を削除してください。",
	      "承知いたしました。30日以内にアカウントと個人情報を削除し、完了後メールでお知らせいたします。", 0 }),
	[I_OTHER] = QA(
	    { "実店舗はありますか？",
	      "お問い合わせありがとうございます。当店はオンライン専門ですが、全国へ発送しております。", 0 },
	    { "法人でまとめて購入したいのですが、見積もりは可能ですか？",
	      "ありがとうございます。担当部署に共有いたしましたので、2営業日以内にご連絡いたします。", 0 }),
	},
	.more = {
	[I_SHIPPING] = QA(
	    { "まだ追跡が更新されていません。",
	      "ご確認ありがとうございます。配送業者に調査を依頼いたしました。5日以内に動きがない場合は、再送または返金にて対応いたします。", 1 },
	    { "郵便局に問い合わせましたが、荷物はないそうです。",
	      "お手数をおかけしました。配送業者に再度確認し、明日までにご連絡いたします。", 1 }),
	[I_RETURN] = QA(
	    { "未使用で、箱もそのままです。",
	      "ありがとうございます。倉庫に到着後、3営業日以内に返品処理いたします。", 0 },
	    { "本日発送しました。控えを送ります。",
	      "ありがとうございます。追跡を確認できました。到着しましたらご連絡いたします。", 0 }),
	[I_REFUND] = QA(
	    { "追跡では先週そちらに届いています。",
	      "ありがとうございます。こちらでも確認できました。経理に優先処理を依頼しましたので、24時間以内にご連絡いたします。", 1 },
	    { "まだ口座に入っていません。",
	      "申し訳ございません。決済会社に取引番号を確認し、カード会社で照会できるよう本日中にお送りいたします。", 0 }),
	[I_PAYMENT] = QA(
	    { "別のカードでも同じエラーでした。",
	      "お試しいただきありがとうございます。決済担当に共有いたしました。PayPalでしたら問題なくご利用いただけます。", 1 },
	    { "明細のスクリーンショットを送ります。",
	      "ありがとうございます。二重の請求を確認し、1件分を返金いたしました。5営業日ほどで反映されます。", 2 }),
	[I_COMPLAINT] = QA(
	    { "写真を添付しました。",
	      "お写真ありがとうございます。全額返金の手続きをいたしました。商品のご返送は不要です。", 1 },
	    { "動画を送ります。",
	      "ありがとうございます。大変参考になります。明日、交換品を発送いたします。", 2 },
	    { "クーポンではなく交換をお願いします。",
	      "かしこまりました。交換品を2営業日以内に発送いたします。", 0 }),
	[I_PRODUCT] = QA(
	    { "^身長158cm、体重50kgくらいです。",
	      "ありがとうございます。そのサイズでしたらSをおすすめいたします。", 1 },
	    { "日本までどのくらいで届きますか？",
	      "通常7〜12日ほどでお届けしております。追跡番号もございます。", AS(I_SHIPPING) }),
	[I_DISCOUNT] = QA(
	    { "メルマガに登録しましたが、コードが届いていません。",
	      "失礼いたしました。コードをメールで再送いたしました。有効期限は30日です。", 1 }),
	[I_ORDER_CHANGE] = QA(
	    { "正しい住所は東京都世田谷区桜新町1-2-3 サクラハイツ201です。",
	      "ありがとうございます。住所を変更いたしました。", 1 },
	    { "はい、できるだけ早くお願いします。",
	      "対応いたしました。変更が確定しております。", 1 }),
	[I_ACCOUNT] = QA(
	    { "もう2回試しましたが、だめでした。",
	      "申し訳ございません。仮パスワードをメールでお送りしましたので、ログイン後に変更をお願いいたします。", 1 }),
	[I_OTHER] = QA(
	    { "わかりました、ありがとうございます。",
	      "どういたしまして。ほかにご不明な点がございましたら、お気軽にお問い合わせください。", 0 }),
	},
	.urgent = L("土曜日の誕生日プレゼントなんです！",
	    "*クリスマスまでに必要です。", "来週から旅行なので、それまでに欲しいです。",
	    "急ぎでお願いします。"),
	.angry = L("ありえないです！！", "対応してもらえない場合は星1のレビューを書きます。",
	    "今日中に返事がなければPayPalに申し立てします。",
	    "カード会社に連絡してチャージバックします。",
	    "二度と買いません。", "今すぐ返金してください！"),
	.chase = L("すみません、まだですか？", "その後いかがでしょうか？",
	    "返信お待ちしています。", "？？？", "どなたかいらっしゃいますか？"),
	.chase_angry = L("丸一日返事がないのですが！！", "なぜ誰も返信しないんですか？プラットフォームに報告します。",
	    "%何日も待っています。早く返事をください。"),
	.thanks = L("わかりました、ありがとうございます。", "迅速な対応ありがとうございました！",
	    "了解です。", "ありがとうございます！助かりました。",
	    "では待ちます。ありがとうございます。"),
	.reopen = QA(
	    { "度々すみません。注文{o}の件、まだ解決していません。",
	      "ご迷惑をおかけして申し訳ございません。責任者に引き継ぎましたので、本日中にご連絡いたします。", 0 },
	    { "再度すみませんが、状況が変わりません。",
	      "とんでもございません。ご不便をおかけしております。本日中に交換品を発送いたします。", 0 },
	    { "解決したと言われましたが、解決していません。どうなっているんですか？",
	      "おっしゃる通りです。大変申し訳ございません。これ以上お待たせしないよう、全額返金いたしました。", 0 }),
	.bot = L("お問い合わせありがとうございます！担当者より順次ご返信いたします。営業時間は月〜金 9:00〜18:00（中国時間）です。",
	    "メッセージを受け付けました。24時間以内にご返信いたします。配送状況は注文確認メールのリンクからもご確認いただけます。"),
	.agent_hello = L("{n}様、", "{n}様、お問い合わせありがとうございます。",
	    "%{n}様、大変お待たせいたしました。",
	    "{n}様、いつもご利用ありがとうございます。"),
	.agent_bye = L("こちらこそありがとうございました。またのご利用をお待ちしております。",
	    "どういたしまして。今後ともよろしくお願いいたします。",
	    "!ご不便をおかけし申し訳ございませんでした。"),
	.sign = L("\n\n今後ともよろしくお願いいたします。\nカスタマーサポート {a}",
	    "\n\nカスタマーサポート担当 {a}"),
};

/* ---- Portuguese (Brazil mostly) ------------------------------------ */

static const struct bank bank_pt = {
	.sep = " ", .address = ADDR_FIRST, .family_first = 0,
	.first_names = L("Ana", "João", "Mariana", "Lucas", "Juliana",
	    "Gabriel", "Beatriz", "Rafael", "Larissa", "Felipe", "Camila",
	    "Thiago", "Fernanda", "Pedro", "Patrícia", "Rodrigo"),
	.last_names = L("Silva", "Santos", "Oliveira", "Souza", "Pereira",
	    "Costa", "Rodrigues", "Almeida", "Nascimento", "Lima", "Araújo",
	    "Ferreira", "Carvalho", "Gomes", "Ribeiro", "Martins"),
	.colours = L("preto", "branco", "azul-marinho", "bege", "verde-oliva",
	    "rosa", "cinza"),
	.greet = L("Olá,", "Oi,", "<Bom dia,", "=Boa tarde,", ">Boa noite,",
	    "Oi, tudo bem?"),
	.close = L("-Obrigado.", "+Obrigada.", "Aguardo retorno.",
	    "Desde já agradeço.", "Por favor me ajudem.", "Att."),
	.ask = {
	[I_SHIPPING] = QA(
	    { "Cadê meu pedido {o}? Já faz {d} dias e nada.",
	      "Sinto muito pela demora. Verifiquei o pedido {o}: o pacote (rastreio {t}) já chegou ao Brasil e está com a transportadora local. A previsão é de 3 a 5 dias úteis.", 1 },
	    { "O rastreio do pedido {o} não atualiza há {d} dias. Meu pacote sumiu?",
	      "Entendo sua preocupação. O rastreio {t} só atualiza quando o pacote passa por um centro de triagem, então pode ficar parado uma semana durante o transporte. Já pedi uma atualização à transportadora e retorno em até 48 horas.", 1 },
	    { "Meu pacote está parado na fiscalização aduaneira. Vou ter que pagar imposto?",
	      "Desculpe o transtorno. Os impostos de importação do seu pedido já foram pagos por nós, você não precisa pagar nada. O desembaraço costuma levar de 2 a 5 dias úteis.", 1 },
	    { "O rastreio diz entregue mas eu não recebi nada. Pedido {o}.",
	      "Sinto muito. Às vezes o entregador deixa o pacote com a portaria ou um vizinho, você poderia verificar? Se não aparecer, abro uma reclamação e enviamos outro.", 1 },
	    { "Quando vocês vão enviar meu pedido? Comprei há {d} dias e continua \"em preparação\".",
	      "Desculpe o atraso. Seu pedido saiu hoje do nosso armazém, o código de rastreio é {t}. Pode levar um dia para aparecer a primeira atualização.", 0 },
	    { "A Receita Federal está pedindo a nota fiscal do meu pacote, o que eu mando?",
	      "Obrigado por avisar. Segue em anexo a fatura comercial do pedido {o}, pode encaminhar do jeito que está.", 0 }),
	[I_RETURN] = QA(
	    { "^Quero devolver o produto \"{p}\", ficou pequeno. Como faço?",
	      "Claro. Você pode devolver em até 30 dias, sem uso e com etiqueta. Vou te mandar por e-mail uma etiqueta de devolução pré-paga; coloque o número do pedido {o} dentro do pacote.", 0 },
	    { "^Posso trocar \"{p}\" por um tamanho {s}?",
	      "Sem problemas, a troca é grátis. Já reservei o tamanho {s} pra você e vou mandar a etiqueta para devolver o outro.", 0 },
	    { "Como faço a devolução? Não veio etiqueta nenhuma no pacote.",
	      "Não precisa da etiqueta do pacote: acabei de te mandar por e-mail uma etiqueta pré-paga para o pedido {o}. É só imprimir e postar nos Correios.", 0 },
	    { "Quem paga o frete da devolução? O produto não é igual à foto.",
	      "Sinto muito que o produto não atendeu às suas expectativas. A devolução é grátis pra você, e o reembolso sai assim que o pacote chegar.", 0 }),
	[I_REFUND] = QA(
	    { "Devolvi o produto há {d} dias e até agora nada do reembolso.",
	      "Desculpe a demora. Sua devolução chegou ao nosso armazém e o reembolso de {m} foi feito hoje. Dependendo do banco, leva de 3 a 7 dias úteis.", 1 },
	    { "Quando vou receber meu dinheiro de volta do pedido {o}?",
	      "Obrigado pela paciência. O reembolso do pedido {o} foi aprovado e será feito em até 2 dias úteis; você vai receber uma confirmação por e-mail.", 1 },
	    { "Vocês só devolveram uma parte, eu paguei {m}!",
	      "Desculpe a confusão. O primeiro valor era do produto, o frete é reembolsado separadamente. Acabei de enviar o restante.", 0 },
	    { "Já faz {d} dias e o estorno não apareceu no meu cartão.",
	      "Entendo, é muito tempo. Do nosso lado o estorno já foi concluído, agora depende da operadora do cartão. Se não aparecer em 3 dias, me mande a fatura e pedimos o rastreamento.", 0 },
	    { "Cancelei o pedido {o} antes do envio, quero meu dinheiro de volta.",
	      "Desculpe, isso deveria ter sido automático. Acabei de reembolsar o pedido {o} integralmente.", 0 }),
	[I_PAYMENT] = QA(
	    { "Meu cartão é recusado na hora de pagar, mas funciona em outros sites.",
	      "Sinto muito pelo problema! A recusa geralmente vem da segurança do banco para compras internacionais. Você pode liberar a compra no app do banco ou pagar com Pix?", 1 },
	    { "Vocês me cobraram duas vezes no pedido {o}! Quero o estorno dos {m}.",
	      "Peço desculpas. A segunda cobrança é uma pré-autorização e será cancelada automaticamente em até 5 dias úteis. Se continuar depois disso, estorno na hora.", 2 },
	    { "Dá pra pagar com Pix ou boleto?",
	      "Dá sim! Aceitamos Pix, boleto e cartão em até 3x sem juros.", 0 },
	    { "O pagamento deu erro mas o dinheiro saiu da minha conta.",
	      "Entendo a preocupação. Quando o pagamento falha, o banco só segura o valor por alguns dias e depois libera; do nosso lado não houve cobrança.", 2 },
	    { "Preciso de nota fiscal do pedido {o} no CNPJ da minha empresa.",
	      "Claro! Me mande o CNPJ, a razão social e o endereço, e envio a nota do pedido {o} ainda hoje.", 3 }),
	[I_COMPLAINT] = QA(
	    { "O produto \"{p}\" chegou quebrado, a caixa veio toda amassada.",
	      "Sinto muito mesmo. Você pode mandar uma foto do produto e da caixa? Depois enviamos outro ou devolvemos o valor total, como preferir.", 1 },
	    { "Veio o produto errado. Pedi \"{p}\" na cor {c} e veio outra cor.",
	      "Desculpe a confusão. Vamos enviar hoje mesmo o produto certo na cor {c}, sem custo; não precisa devolver o outro.", 0 },
	    { "~\"{p}\" parou de funcionar depois de {d} dias. Que decepção.",
	      "Sinto muito. Está na garantia. Você pode mandar um vídeo curto mostrando o defeito? Assim enviamos um novo na hora.", 2 },
	    { "^A costura de \"{p}\" já está abrindo depois de uma lavagem.",
	      "Isso não deveria acontecer, desculpe. Mande uma foto ou um vídeo curto da costura e enviamos outro ou reembolsamos.", 1 },
	    { "A cor é totalmente diferente das fotos do anúncio.",
	      "Sinto muito que a cor não seja o que você esperava. Você pode devolver grátis ou ficar com o produto com 30% de reembolso. O que prefere?", 0 },
	    { "~Uma peça não encaixa, a trava é pequena e não fecha.",
	      "Obrigado por avisar. Pode gravar um vídeo curto tentando fechar a trava? Assim a fábrica confere o lote, e mandamos uma peça de reposição grátis.", 2 }),
	[I_PRODUCT] = QA(
	    { "^\"{p}\" veste normal? Costumo usar {s}.",
	      "Obrigado pelo interesse! A modelagem é normal, então o {s} deve servir. Se não servir, a troca é grátis.", 1 },
	    { "Qual é o material do produto \"{p}\"?",
	      "Boa pergunta! A composição completa está na página do produto, em \"Detalhes\". Todos os produtos têm 12 meses de garantia.", 0 },
	    { "Tem \"{p}\" na cor {c}? No site aparece esgotado.",
	      "A cor {c} volta ao estoque em umas 2 semanas. Quer que eu te avise quando chegar?", 0 },
	    { "@Funciona com iPhone 15?",
	      "Funciona sim, com iPhone 15 e com todos os Android recentes.", 0 },
	    { "Quando \"{p}\" volta ao estoque?",
	      "Esperamos um novo lote em uns 10 dias. Te aviso quando chegar?", 0 }),
	[I_DISCOUNT] = QA(
	    { "Tem cupom de desconto para primeira compra?",
	      "Seja bem-vindo! Com o cupom {x} você ganha 10% de desconto na primeira compra.", 1 },
	    { "O cupom {x} não funciona, diz que é inválido.",
	      "Desculpe, esse cupom expirou. Aqui está um novo com 10% de desconto: THANKYOU.", 0 },
	    { "Comprei \"{p}\" e no dia seguinte o preço baixou. Vocês devolvem a diferença?",
	      "Entendo, é chato mesmo. Não conseguimos alterar o preço de um pedido já feito, mas coloquei a diferença como crédito na sua conta.", 0 },
	    { "Tem desconto se eu comprar 3?",
	      "Tem sim! Comprando 3 ou mais, 15% de desconto entra automaticamente no carrinho.", 0 }),
	[I_ORDER_CHANGE] = QA(
	    { "Por favor cancelem meu pedido {o}, comprei errado.",
	      "Pronto! O pedido {o} foi cancelado e o valor será estornado em 3 a 5 dias úteis.", 0 },
	    { "Coloquei o endereço errado no pedido {o}. Dá pra mudar?",
	      "Claro, me manda o endereço completo certo que eu altero antes do envio.", 1 },
	    { "^Dá pra trocar o tamanho para {s} antes de enviar?",
	      "Sim, troquei para o tamanho {s}. Seu pedido sai amanhã como previsto.", 0 },
	    { "Posso mudar a cor para {c}? O pedido {o} ainda não foi enviado.",
	      "Sinto muito, o pedido {o} foi entregue à transportadora hoje de manhã e não dá mais para alterar. Quando chegar, você pode trocar pela cor {c} sem custo.", 0 }),
	[I_ACCOUNT] = QA(
	    { "Não consigo entrar na minha conta, o e-mail de redefinir senha nunca chega.",
	      "Desculpe o transtorno! Reenviei o e-mail manualmente; confira também a caixa de spam.", 1 },
	    { "Quero excluir minha conta e todos os meus dados (LGPD).",
	      "Recebemos sua solicitação. Sua conta e seus dados serão excluídos em até 30 dias, e você receberá uma confirmação por e-mail.", 0 }),
	[I_OTHER] = QA(
	    { "Vocês têm loja física?",
	      "Obrigado por perguntar! Vendemos só online, mas entregamos em todo o Brasil.", 0 },
	    { "Vocês são revendedores ou fabricantes? Tenho interesse em comprar no atacado.",
	      "Obrigado pelo interesse! Trabalhamos direto com a fábrica. Encaminhei sua mensagem para o time de atacado, eles entram em contato em até 2 dias úteis.", 1 }),
	},
	.more = {
	[I_SHIPPING] = QA(
	    { "O rastreio continua igual, não mexeu.",
	      "Obrigado por verificar. Abri uma investigação com a transportadora. Se o pacote não andar em 5 dias, reenviamos ou reembolsamos, você escolhe.", 1 },
	    { "Fui nos Correios e eles não têm nada.",
	      "Obrigado por verificar com eles. Entrei em contato de novo com a transportadora e te dou um retorno até amanhã.", 1 }),
	[I_RETURN] = QA(
	    { "Está sem uso e na embalagem original.",
	      "Perfeito, obrigado. Quando o pacote chegar, processamos a devolução em até 3 dias úteis.", 0 },
	    { "Postei hoje, segue o comprovante.",
	      "Obrigado! Já estou vendo o rastreio, aviso quando chegar.", 0 }),
	[I_REFUND] = QA(
	    { "O rastreio mostra que chegou aí semana passada.",
	      "Obrigado, estou vendo aqui também. Pedi ao financeiro para priorizar seu reembolso, você terá retorno em até 24 horas.", 1 },
	    { "Ainda não caiu nada.",
	      "Sinto muito. Vou pedir o código da transação ao nosso intermediador de pagamento para o seu banco localizar.", 0 }),
	[I_PAYMENT] = QA(
	    { "Tentei com dois cartões diferentes, mesmo erro.",
	      "Obrigado por tentar. Passei para o time de pagamentos; enquanto isso, o Pix deve funcionar sem problemas.", 1 },
	    { "Segue print da fatura.",
	      "Obrigado, estou vendo as duas cobranças. Estornei a duplicada, ela volta em até 5 dias úteis.", 2 }),
	[I_COMPLAINT] = QA(
	    { "Mandei as fotos do estrago.",
	      "Obrigado pelas fotos. Aprovei o reembolso total, você verá em 3 a 5 dias úteis. Não precisa devolver o produto.", 1 },
	    { "Segue um vídeo curto do problema.",
	      "Obrigado, ajuda muito. O produto novo sai amanhã e te mando o rastreio.", 2 },
	    { "Quero a troca, não cupom.",
	      "Claro. Já providenciei a troca, o envio sai em até 2 dias úteis.", 0 }),
	[I_PRODUCT] = QA(
	    { "^Tenho 1,70 m e uns 68 kg.",
	      "Obrigado! Com essas medidas eu indicaria o tamanho M.", 1 },
	    { "E quanto tempo demora pra chegar?",
	      "O envio costuma levar de 10 a 20 dias, com rastreio.", AS(I_SHIPPING) }),
	[I_DISCOUNT] = QA(
	    { "Me inscrevi na newsletter mas o cupom não chegou.",
	      "Desculpe, reenviei o cupom por e-mail. Ele vale por 30 dias.", 1 }),
	[I_ORDER_CHANGE] = QA(
	    { "O endereço certo é Rua das Flores, 250, apto 32, São Paulo.",
	      "Obrigado, já alterei. O pedido vai para Rua das Flores, 250, apto 32, São Paulo.", 1 },
	    { "Sim, o mais rápido possível por favor.",
	      "Feito, a alteração está confirmada.", 1 }),
	[I_ACCOUNT] = QA(
	    { "Já tentei duas vezes e não foi.",
	      "Sinto muito. Enviei uma senha provisória para o seu e-mail; troque depois de entrar.", 1 }),
	[I_OTHER] = QA(
	    { "-Tá bom, obrigado pela informação.",
	      "Por nada! Qualquer dúvida, estamos à disposição.", 0 },
	    { "+Tá bom, obrigada pela informação.",
	      "Por nada! Qualquer dúvida, estamos à disposição.", 0 }),
	},
	.urgent = L("É presente de aniversário pra sábado!",
	    "*Preciso antes do Natal, é presente.",
	    "Vou viajar semana que vem, preciso antes disso.",
	    "É urgente por favor."),
	.angry = L("Isso é um absurdo!!!",
	    "Se não resolverem vou deixar avaliação de 1 estrela.",
	    "Vou abrir reclamação no Reclame Aqui.",
	    "Vou pedir o chargeback no cartão.",
	    "NUNCA MAIS compro com vocês.",
	    "Quero meu dinheiro de volta JÁ."),
	.chase = L("oi??", "Alguma novidade?", "Tem alguém aí?", "???",
	    "Ainda aguardando resposta...", "Olá? Alguém pode me ajudar?"),
	.chase_angry = L("Já faz um dia inteiro e ninguém responde!!!",
	    "Por que ninguém responde??? Vou denunciar na plataforma.",
	    "%Estou esperando há dias. Me respondam!"),
	.thanks = L("-Ok, obrigado!", "+Ok, obrigada!",
	    "-Show, obrigado pela ajuda rápida.",
	    "+Show, obrigada pela ajuda rápida.", "Perfeito, valeu!", "ok",
	    "-Obrigado, bom dia.", "+Obrigada, bom dia.",
	    "-Beleza, vou aguardar então. Obrigado.",
	    "+Beleza, vou aguardar então. Obrigada.", "-Muito obrigado!!",
	    "+Muito obrigada!!"),
	.reopen = QA(
	    { "Oi de novo, continuo com o mesmo problema no pedido {o}.",
	      "Sinto muito que ainda não foi resolvido. Passei seu caso para a minha supervisora e te dou um retorno hoje.", 0 },
	    { "Desculpa incomodar de novo, mas nada mudou.",
	      "Não incomoda de jeito nenhum, desculpe o transtorno. Vou te enviar outro produto hoje.", 0 },
	    { "Vocês disseram que estava resolvido e não está. E agora?",
	      "Você tem razão, peço desculpas. Fiz o reembolso total para você não precisar esperar mais.", 0 }),
	.bot = L("Obrigado pela mensagem! Um atendente vai responder o mais rápido possível. Nosso horário é de segunda a sexta, das 9h às 18h (horário da China).",
	    "Oi! Recebemos sua mensagem e respondemos em até 24 horas. Você também pode acompanhar o pedido pelo link de rastreio no e-mail de confirmação."),
	.agent_hello = L("Olá {n},", "Oi {n}, tudo bem?", "Olá {n}, obrigado pelo contato.",
	    "%Olá {n}, obrigado pela paciência."),
	.agent_bye = L("Por nada! Tenha um ótimo dia.",
	    "Disponha! Qualquer coisa é só chamar.",
	    "!Obrigado pela paciência e desculpe mais uma vez o transtorno."),
	.sign = L("\n\nAtenciosamente,\n{a}\nAtendimento ao cliente",
	    "\n\nAbraços,\n{a}"),
};

/* ---- Chinese (simplified) ------------------------------------------ */

static const struct bank bank_zh = {
	.sep = "", .address = ADDR_FULL, .family_first = 1,
	.first_names = L("伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇",
	    "婷", "杰", "欣怡", "子涵", "浩然", "雨萱", "俊杰"),
	.last_names = L("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴",
	    "周", "徐", "孙", "林", "郭"),
	.colours = L("黑色", "白色", "藏青色", "米色", "橄榄绿", "粉色", "灰色"),
	.greet = L("你好，", "您好，", "在吗？", "客服你好，", "亲，", "你好！"),
	.close = L("谢谢。", "麻烦尽快回复。", "谢谢！", "辛苦了。", "等你们回复。"),
	.ask = {
	[I_SHIPPING] = QA(
	    { "我的订单{o}怎么还没到？已经{d}天了。",
	      "非常抱歉让您久等了。已帮您查询订单{o}：包裹（运单号{t}）已到达目的地，目前由当地快递派送中，预计3-5个工作日送达。", 1 },
	    { "物流信息{d}天都没更新了，包裹是不是丢了？",
	      "理解您的担心。运单{t}只有经过分拣中心时才会更新，运输途中一周不更新是常见的。我已联系物流商核实，48小时内给您回复。", 1 },
	    { "包裹卡在海关了，需要我自己交关税吗？",
	      "给您添麻烦了。您订单的关税已由我们预付，您无需支付任何费用。清关一般需要2-5个工作日。", 1 },
	    { "物流显示已签收，但是我根本没收到。订单号{o}。",
	      "非常抱歉。快递有时会放在快递柜、驿站或门卫处，麻烦您先查看一下。如果还是找不到，我这边立即申请调查并给您补发。", 1 },
	    { "我{d}天前下的单，{p}怎么还显示待发货？什么时候发？",
	      "抱歉发货延迟了。您的包裹今天已从仓库发出，运单号是{t}，物流信息大约一天后更新。", 0 },
	    { "海关让我提供发票，我该发什么给他们？",
	      "感谢告知。订单{o}的商业发票已附上，您直接转给海关即可。", 0 }),
	[I_RETURN] = QA(
	    { "^{p}尺码偏小，我想退货，怎么操作？",
	      "好的，没问题。请在30天内寄回，保持未穿着、吊牌完好。退货面单我发到您邮箱，包裹里请附上订单号{o}。", 0 },
	    { "^{p}可以换成{s}码吗？",
	      "可以的，换货免费。已为您预留{s}码，稍后把退回旧商品的面单发给您。", 0 },
	    { "怎么退货？包裹里没有退货单。",
	      "不需要包裹里的单子，我刚把订单{o}的预付退货面单发到您邮箱了，打印贴在箱子上寄出就可以。", 0 },
	    { "商品和描述不符，退货运费谁出？",
	      "很抱歉商品没有达到您的预期。退货运费由我们承担，商品寄回后会尽快为您退款。", 0 }),
	[I_REFUND] = QA(
	    { "我{d}天前就退货了，钱到现在还没退。",
	      "抱歉让您久等。退货已到仓库，今天已为您发起{m}的退款，根据银行不同，3-7个工作日到账。", 1 },
	    { "订单{o}的退款什么时候到？",
	      "感谢您的耐心。订单{o}的退款已审核通过，2个工作日内处理完毕，届时会邮件通知您。", 1 },
	    { "我付了{m}，怎么只退了一部分？",
	      "抱歉造成误会。第一笔是商品款，运费是单独退的，剩余部分我刚刚已经退给您了。", 0 },
	    { "说好退款了，{d}天了卡里还是没有。",
	      "理解您的心情。我们这边退款已完成，目前在银行处理中。如果3天后仍未到账，请把账单截图发给我，我帮您申请查询。", 0 }),
	[I_PAYMENT] = QA(
	    { "付款的时候信用卡一直被拒，别的网站都能用。",
	      "抱歉给您带来不便。境外支付常被银行风控拦截，您可以在银行App里确认一下，或者换用PayPal支付。", 1 },
	    { "订单{o}被扣了两次钱！请把多扣的{m}退给我。",
	      "非常抱歉。第二笔是预授权，5个工作日内会自动解冻。如果到时还没退回，我马上手动为您退款。", 2 },
	    { "可以用支付宝或者微信支付吗？",
	      "可以的，结账页面选择支付宝或微信支付即可。", 0 },
	    { "支付显示失败，但是钱已经扣了。",
	      "理解您的担心。支付失败时银行会临时冻结金额，几天后自动退回，我们这边并没有收款。", 2 },
	    { "订单{o}能开发票吗？要公司抬头的。",
	      "可以的，请提供公司抬头和税号，今天就把发票发到您邮箱。", 3 }),
	[I_COMPLAINT] = QA(
	    { "收到的{p}是坏的，箱子都压扁了。",
	      "真的非常抱歉。麻烦您拍一下商品和外箱的照片发给我们，核实后给您补发新的或者全额退款，您看哪种方便。", 1 },
	    { "发错货了！我买的是{c}的{p}，收到的是别的颜色。",
	      "非常抱歉发错了。今天就给您免费补发{c}的，错发的那件不用寄回。", 0 },
	    { "~{p}才用了{d}天就坏了，太失望了。",
	      "很抱歉给您带来不好的体验。这在保修范围内，麻烦您拍一段短视频展示一下问题，确认后马上给您寄新的。", 2 },
	    { "^{p}洗了一次就开线了。",
	      "非常抱歉，这属于质量问题。麻烦拍一下开线处的照片或短视频，我们给您换新或退款。", 1 },
	    { "颜色和网站上的图片差太多了，有色差。",
	      "抱歉颜色和您预期的不一样。您可以免费退货，或者保留商品我们退您30%，您看哪种合适？", 0 },
	    { "~有个零件装不上，卡扣太小了扣不上。",
	      "感谢反馈。麻烦您拍一段扣卡扣的视频给我们，方便工厂核查这一批次，我们免费给您寄新的配件。", 2 }),
	[I_PRODUCT] = QA(
	    { "^{p}尺码标准吗？我平时穿{s}。",
	      "感谢关注！{p}是标准尺码，您选{s}就可以。不合适可以免费换货。", 1 },
	    { "{p}是什么材质的？",
	      "您好，详细材质在商品页面“详情”里有写，所有商品都有12个月质保。", 0 },
	    { "{p}有{c}的吗？页面显示缺货。",
	      "{c}大约两周后补货，到货后我通知您可以吗？", 0 },
	    { "@{p}支持iPhone 15吗？",
	      "支持的，iPhone 15和最近的安卓手机都可以用。", 0 },
	    { "~{p}防水吗？",
	      "是生活防水（IPX4），淋雨没问题，但不能泡水。", 0 }),
	[I_DISCOUNT] = QA(
	    { "新用户有优惠券吗？",
	      "欢迎光临！使用优惠码{x}首单可享9折。", 1 },
	    { "优惠码{x}用不了，显示无效。",
	      "抱歉，这个码已经过期了。给您一个新的9折码：THANKYOU。", 0 },
	    { "我刚买完{p}第二天就降价了，能退差价吗？",
	      "理解您的心情。已下单的价格无法修改，不过我已把差价以余额的形式返到您的账户了。", 0 },
	    { "买3件有优惠吗？",
	      "有的！买3件及以上，购物车自动打85折。", 0 }),
	[I_ORDER_CHANGE] = QA(
	    { "订单{o}帮我取消一下，拍错了。",
	      "好的，订单{o}已取消，款项3-5个工作日原路退回。", 0 },
	    { "订单{o}的收货地址填错了，能改吗？",
	      "可以的，请把完整的正确地址发给我，发货前帮您修改。", 1 },
	    { "^还没发货的话能换成{s}码吗？",
	      "可以，已帮您改成{s}码，明天正常发货。", 0 },
	    { "能改成{c}吗？订单{o}还没发货。",
	      "抱歉，订单{o}今天上午已经交给物流了，无法再修改。收到后可以免费换成{c}。", 0 }),
	[I_ACCOUNT] = QA(
	    { "登录不了，重置密码的邮件一直收不到。",
	      "抱歉给您添麻烦了！已手动重新发送，请同时查看一下垃圾邮件箱。", 1 },
	    { "请注销我的账号并删除所有个人信息。",
	      "已收到您的申请，30天内会注销账号并删除个人信息，完成后邮件通知您。", 0 }),
	[I_OTHER] = QA(
	    { "你们有实体店吗？",
	      "感谢咨询！我们目前只有网店，但支持全球配送。", 0 },
	    { "你们是厂家吗？想批发。",
	      "感谢关注！我们是工厂直营，已把您的信息转给批发同事，2个工作日内会联系您。", 0 }),
	},
	.more = {
	[I_SHIPPING] = QA(
	    { "物流还是没动。",
	      "感谢您的确认。已向物流商提交查件，如果5天内还没有动态，我们给您重新发货或者退款，您选择。", 1 },
	    { "我问了快递点，说没有我的包裹。",
	      "辛苦您了。我再联系物流商核实，明天之前回复您。", 1 }),
	[I_RETURN] = QA(
	    { "没用过，包装都在。",
	      "好的，谢谢。仓库收到后3个工作日内处理。", 0 },
	    { "今天寄出了，这是快递单号截图。",
	      "收到，谢谢！已经能看到物流了，到货后通知您。", 0 }),
	[I_REFUND] = QA(
	    { "物流显示上周就签收了。",
	      "谢谢，我这边也看到了。已请财务优先处理，24小时内给您答复。", 1 },
	    { "还是没到账。",
	      "抱歉。我向支付渠道申请交易流水号，方便您的银行查询。", 0 }),
	[I_PAYMENT] = QA(
	    { "换了两张卡都一样报错。",
	      "辛苦您了，已转给支付同事排查。您也可以先用PayPal支付。", 1 },
	    { "这是银行账单截图。",
	      "收到，确实扣了两次。已退回重复的一笔，5个工作日内到账。", 2 }),
	[I_COMPLAINT] = QA(
	    { "照片发你们了。",
	      "谢谢您的照片。已为您全额退款，3-5个工作日到账，商品不用寄回。", 1 },
	    { "视频发过去了，你们看一下。",
	      "收到，非常清楚。明天给您寄出新的，单号稍后发您。", 2 },
	    { "我要换新的，不要优惠券。",
	      "好的，已为您安排换新，2个工作日内发出。", 0 }),
	[I_PRODUCT] = QA(
	    { "^我身高165，体重52公斤。",
	      "谢谢！按您的身材推荐S码。", 1 },
	    { "发货到我这边要多久？",
	      "一般7-12天送达，有物流跟踪。", AS(I_SHIPPING) }),
	[I_DISCOUNT] = QA(
	    { "我订阅了邮件，但是没收到优惠码。",
	      "抱歉，已重新发到您邮箱，30天内有效。", 1 }),
	[I_ORDER_CHANGE] = QA(
	    { "正确地址是上海市浦东新区张杨路500号12楼。",
	      "好的，地址已修改为上海市浦东新区张杨路500号12楼。", 1 },
	    { "好的，麻烦尽快。",
	      "已处理，修改已确认。", 1 }),
	[I_ACCOUNT] = QA(
	    { "试了两次了，还是不行。",
	      "抱歉，已给您发送临时密码，登录后请及时修改。", 1 }),
	[I_OTHER] = QA(
	    { "好的，了解了，谢谢。",
	      "不客气！有其他问题随时联系我们。", 0 }),
	},
	.urgent = L("这是周六的生日礼物！", "*圣诞节前一定要到，是送人的。",
	    "我下周要出差，之前必须收到。", "很急，麻烦快点！"),
	.angry = L("太过分了！！！", "再不处理我就给差评了。",
	    "今天不回复我就去PayPal投诉。", "我要找银行拒付。",
	    "再也不会在你们家买了！", "马上给我退款！"),
	.chase = L("在吗？？", "有消息了吗？", "有人吗？", "？？？",
	    "还在等回复…", "你好？能帮我看一下吗？"),
	.chase_angry = L("一整天了都没人回！！！", "为什么没人回复？？我要去平台投诉。",
	    "%等了好几天了，赶紧回复！"),
	.thanks = L("好的，谢谢！", "太好了，谢谢这么快处理。", "好的", "收到，谢谢～",
	    "那我再等等，谢谢。", "非常感谢！！"),
	.reopen = QA(
	    { "你好，订单{o}的问题还是没解决。",
	      "很抱歉问题还没解决。已转给我们主管跟进，今天内给您回复。", 0 },
	    { "不好意思又来打扰，情况还是一样。",
	      "一点都不打扰，给您添麻烦了。今天就给您补发。", 0 },
	    { "你们说已经解决了，但根本没有。现在怎么办？",
	      "您说得对，非常抱歉。已为您全额退款，不用再等了。", 0 }),
	.bot = L("感谢您的留言！客服会尽快回复您。我们的工作时间是周一至周五 9:00-18:00（北京时间）。",
	    "您好！已收到您的消息，我们将在24小时内回复。订单物流也可以通过确认邮件里的链接查看。"),
	.agent_hello = L("您好，", "亲，您好～", "{n}，您好！", "%{n}，您好！让您久等了。"),
	.agent_bye = L("不客气，祝您生活愉快！", "应该的，有问题随时找我们～",
	    "!感谢您的耐心，再次抱歉给您带来不便。"),
	.sign = L("\n\n祝好\n客服 {a}", "\n\n客服{a}"),
};

/* ---- Indonesian ---------------------------------------------------- */

static const struct bank bank_id = {
	.sep = " ", .address = ADDR_FIRST, .family_first = 0,
	.first_names = L("Putri", "Budi", "Sari", "Agus", "Dewi", "Rizky",
	    "Ayu", "Dimas", "Nur", "Andi", "Fitri", "Hendra"),
	.last_names = L("Wijaya", "Santoso", "Pratama", "Saputra",
	    "Hidayat", "Kusuma", "Lestari", "Nugroho", "Siregar", "Rahman"),
	.colours = L("hitam", "putih", "navy", "krem", "hijau army", "pink",
	    "abu-abu"),
	.greet = L("Halo kak,", "Permisi kak,", "Halo min,", "<Selamat pagi,",
	    "Kak,"),
	.close = L("Terima kasih.", "Makasih kak.", "Mohon dibantu ya.",
	    "Ditunggu balasannya.", "Tolong cepat ya kak."),
	.ask = {
	[I_SHIPPING] = QA(
	    { "Pesanan saya {o} kok belum sampai ya? Sudah {d} hari.",
	      "Mohon maaf atas ketidaknyamanannya. Sudah saya cek pesanan {o}: paket (resi {t}) sudah sampai di Indonesia dan sedang dibawa kurir lokal. Estimasi tiba 3-5 hari kerja.", 1 },
	    { "Resi pesanan {o} tidak update sudah {d} hari, paketnya hilang ya?",
	      "Kami paham kakak khawatir. Resi {t} hanya update saat paket discan di pusat sortir, jadi bisa tidak berubah seminggu selama pengiriman. Sudah kami tanyakan ke ekspedisi, kami kabari dalam 48 jam.", 1 },
	    { "Paket saya tertahan di bea cukai. Apa saya harus bayar pajak?",
	      "Mohon maaf kak. Bea masuk untuk pesanan kakak sudah kami bayar, jadi kakak tidak perlu bayar apa-apa. Proses bea cukai biasanya 2-5 hari kerja.", 1 },
	    { "Status sudah diterima tapi barangnya tidak ada. Pesanan {o}.",
	      "Mohon maaf kak. Kadang kurir menitipkan paket ke tetangga atau satpam, bisa dicek dulu? Kalau tetap tidak ada, kami ajukan klaim dan kirim ulang.", 1 }),
	[I_RETURN] = QA(
	    { "^Kak, {p} kekecilan, mau retur bisa?",
	      "Bisa kak. Silakan dikirim balik dalam 30 hari, belum dipakai dan label masih ada. Label retur kami kirim lewat email, jangan lupa tulis nomor pesanan {o} di dalam paket.", 0 },
	    { "^Bisa tukar {p} ke ukuran {s}?",
	      "Bisa kak, tukar ukuran gratis. Ukuran {s} sudah kami siapkan, label untuk mengembalikan yang lama kami kirim ya.", 0 },
	    { "Cara retur barang gimana ya kak?",
	      "Label retur prabayar untuk pesanan {o} sudah kami kirim ke email kakak. Tinggal dicetak, ditempel, lalu diantar ke agen ekspedisi.", 0 }),
	[I_REFUND] = QA(
	    { "Saya sudah retur {d} hari lalu tapi dana belum kembali.",
	      "Mohon maaf lama menunggu. Barang retur sudah sampai gudang dan refund {m} sudah kami proses hari ini, masuk 3-7 hari kerja tergantung bank.", 1 },
	    { "Refund pesanan {o} kapan masuk kak?",
	      "Terima kasih sudah menunggu. Refund pesanan {o} sudah disetujui dan diproses maksimal 2 hari kerja.", 1 },
	    { "Saya bayar {m} tapi refundnya cuma sebagian.",
	      "Mohon maaf atas kebingungannya. Refund pertama untuk harga barang, ongkir dikembalikan terpisah. Sisanya barusan sudah kami kirim.", 0 }),
	[I_PAYMENT] = QA(
	    { "Kartu saya ditolak terus waktu bayar.",
	      "Mohon maaf kak. Biasanya ditolak oleh sistem keamanan bank untuk transaksi luar negeri. Bisa dicoba lagi setelah konfirmasi di aplikasi bank, atau bayar pakai ShopeePay.", 1 },
	    { "Saya kena tagih dua kali untuk pesanan {o}! Tolong kembalikan {m}.",
	      "Mohon maaf kak. Tagihan kedua itu otorisasi sementara dan otomatis batal dalam 5 hari kerja. Kalau masih ada setelah itu, langsung kami refund.", 2 },
	    { "Bisa bayar COD nggak kak?",
	      "Bisa kak, pilih COD di halaman checkout ya.", 0 }),
	[I_COMPLAINT] = QA(
	    { "Barang {p} datang dalam keadaan rusak, kardusnya penyok.",
	      "Mohon maaf sekali kak. Boleh kirim foto barang dan kardusnya? Setelah itu kami kirim pengganti atau refund penuh, sesuai pilihan kakak.", 1 },
	    { "Barangnya salah kirim, saya pesan {p} warna {c} tapi yang datang warna lain.",
	      "Mohon maaf atas kesalahan kami. Hari ini kami kirim yang benar warna {c} tanpa biaya, yang salah tidak perlu dikembalikan.", 0 },
	    { "~{p} sudah rusak setelah {d} hari dipakai. Kecewa banget.",
	      "Mohon maaf kak. Ini masih garansi. Boleh kirim video singkat yang menunjukkan masalahnya? Nanti langsung kami kirim yang baru.", 2 },
	    { "Warnanya beda jauh sama foto di toko.",
	      "Mohon maaf warnanya tidak sesuai harapan. Kakak bisa retur gratis atau tetap simpan dengan refund 30%. Mau pilih yang mana kak?", 0 }),
	[I_PRODUCT] = QA(
	    { "^{p} ukurannya normal kak? Biasanya saya pakai {s}.",
	      "Terima kasih kak! Ukurannya normal, jadi {s} seharusnya pas. Kalau tidak pas, tukar ukuran gratis.", 1 },
	    { "{p} bahannya apa kak?",
	      "Detail bahan ada di halaman produk bagian \"Spesifikasi\" ya kak. Semua produk garansi 12 bulan.", 0 },
	    { "{p} warna {c} ready kak?",
	      "Warna {c} restock sekitar 2 minggu lagi kak. Mau kami kabari kalau sudah ready?", 0 }),
	[I_DISCOUNT] = QA(
	    { "Ada voucher untuk pembeli baru kak?",
	      "Selamat datang kak! Pakai kode {x} untuk diskon 10% di pesanan pertama.", 0 },
	    { "Voucher {x} tidak bisa dipakai, katanya tidak valid.",
	      "Mohon maaf kak, kode itu sudah kedaluwarsa. Ini kode baru diskon 10%: THANKYOU.", 0 }),
	[I_ORDER_CHANGE] = QA(
	    { "Tolong batalkan pesanan {o} kak, salah pesan.",
	      "Baik kak, pesanan {o} sudah dibatalkan dan dana kembali dalam 3-5 hari kerja.", 0 },
	    { "Alamat di pesanan {o} salah, bisa diganti?",
	      "Bisa kak, silakan kirim alamat lengkap yang benar, kami ubah sebelum dikirim.", 1 }),
	[I_ACCOUNT] = QA(
	    { "Saya tidak bisa login, email reset password tidak masuk.",
	      "Mohon maaf kak! Email reset sudah kami kirim ulang, coba cek folder spam juga ya.", 1 }),
	[I_OTHER] = QA(
	    { "Tokonya ada offline store nggak kak?",
	      "Terima kasih sudah bertanya kak! Kami hanya toko online, tapi kirim ke seluruh Indonesia.", 0 }),
	},
	.more = {
	[I_SHIPPING] = QA(
	    { "Resinya masih sama kak, belum gerak.",
	      "Terima kasih sudah dicek kak. Kami sudah ajukan investigasi ke ekspedisi. Kalau dalam 5 hari belum bergerak, kami kirim ulang atau refund.", 1 }),
	[I_RETURN] = QA(
	    { "Barangnya belum dipakai, masih lengkap dengan kemasan.",
	      "Siap kak, terima kasih. Setelah sampai gudang, retur kami proses maksimal 3 hari kerja.", 0 }),
	[I_REFUND] = QA(
	    { "Sampai sekarang belum masuk kak.",
	      "Mohon maaf kak. Kami mintakan nomor referensi transaksi supaya bank kakak bisa melacaknya.", 0 }),
	[I_PAYMENT] = QA(
	    { "Sudah coba dua kartu, tetap gagal.",
	      "Terima kasih sudah mencoba kak. Sudah kami teruskan ke tim pembayaran; sementara bisa pakai ShopeePay dulu.", 1 }),
	[I_COMPLAINT] = QA(
	    { "Fotonya sudah saya kirim kak.",
	      "Terima kasih fotonya kak. Refund penuh sudah kami setujui, barang tidak perlu dikembalikan.", 1 },
	    { "Ini videonya kak.",
	      "Terima kasih kak, jelas sekali. Barang pengganti kami kirim besok.", 2 }),
	[I_PRODUCT] = QA(
	    { "Pengiriman ke Jakarta berapa lama kak?",
	      "Biasanya 7-12 hari kak, ada nomor resinya.", AS(I_SHIPPING) }),
	[I_DISCOUNT] = QA(
	    { "Oke kak, bisa digabung sama gratis ongkir?",
	      "Bisa kak, diskon dan gratis ongkir bisa digabung.", 0 }),
	[I_ORDER_CHANGE] = QA(
	    { "Alamat yang benar Jl. Melati No. 12, Bandung.",
	      "Siap kak, alamat sudah kami ubah ke Jl. Melati No. 12, Bandung.", 1 }),
	[I_ACCOUNT] = QA(
	    { "Sudah dua kali coba, tetap tidak bisa.",
	      "Mohon maaf kak. Kami sudah kirim password sementara ke email kakak, silakan diganti setelah login.", 1 }),
	[I_OTHER] = QA(
	    { "Oke kak, makasih infonya.",
	      "Sama-sama kak! Kalau ada pertanyaan lain, chat lagi ya.", 0 }),
	},
	.urgent = L("Ini buat kado ulang tahun hari Sabtu kak!",
	    "Saya butuh minggu ini kak.", "Urgent kak, tolong dibantu."),
	.angry = L("Parah banget!!!", "Kalau tidak diurus saya kasih bintang 1.",
	    "Saya ajukan komplain ke Shopee kalau hari ini tidak dibalas.",
	    "Kembalikan uang saya SEKARANG."),
	.chase = L("kak??", "Gimana kak, ada kabar?", "Halo, ada orang?", "???",
	    "Masih nunggu balasan kak..."),
	.chase_angry = L("Sudah seharian tidak dibalas!!!",
	    "Kok tidak ada yang balas??? Saya laporkan ke Shopee.",
	    "%Sudah berhari-hari nunggu. Tolong dibalas!"),
	.thanks = L("Oke kak, makasih!", "Siap, terima kasih banyak kak.",
	    "Mantap, makasih!", "ok kak", "Baik kak, saya tunggu. Terima kasih."),
	.reopen = QA(
	    { "Kak, masalah pesanan {o} masih belum beres.",
	      "Mohon maaf kak masih belum selesai. Kasus kakak sudah kami teruskan ke supervisor, hari ini kami kabari.", 0 },
	    { "Maaf ganggu lagi kak, tapi belum ada perubahan.",
	      "Tidak mengganggu sama sekali kak, mohon maaf atas ketidaknyamanannya. Hari ini kami kirim pengganti.", 0 }),
	.bot = L("Terima kasih sudah menghubungi kami! Admin akan segera membalas. Jam operasional Senin-Jumat 09.00-18.00 (waktu China).",
	    "Halo kak! Pesan sudah kami terima dan akan dibalas dalam 24 jam."),
	.agent_hello = L("Halo kak {n},", "Hai kak {n}, terima kasih sudah menghubungi kami.",
	    "%Halo kak {n}, terima kasih sudah menunggu."),
	.agent_bye = L("Sama-sama kak! Semoga harinya menyenangkan.",
	    "Siap kak, kalau ada apa-apa chat lagi ya."),
	.sign = L("\n\nSalam,\n{a}\nCustomer Service", "\n\nTerima kasih,\n{a}"),
};


/* ---- Russian ------------------------------------------------------- */

/* Customer lines avoid the first-person past tense, which Russian marks
 * for gender, and day counts, whose noun form depends on the number. */
static const struct bank bank_ru = {
	.sep = " ", .address = ADDR_FIRST, .family_first = 0,
	.first_names = L("Анна", "Дмитрий", "Екатерина", "Алексей", "Ольга",
	    "Сергей", "Мария", "Иван", "Наталья", "Андрей", "Татьяна",
	    "Михаил"),
	.last_names = L("Коваленко", "Бондаренко", "Ткаченко", "Черных",
	    "Седых", "Белых", "Долгих", "Мороз", "Лысенко", "Гончаренко"),
	.colours = L("чёрный", "белый", "тёмно-синий", "бежевый", "оливковый",
	    "розовый", "серый"),
	.greet = L("Здравствуйте!", "Добрый день!", "Привет!", "Добрый день.",
	    "<Доброе утро!", ">Добрый вечер!"),
	.close = L("Спасибо.", "Заранее спасибо.", "Жду ответа.",
	    "Помогите, пожалуйста.", "С уважением."),
	.ask = {
	[I_SHIPPING] = QA(
	    { "Где мой заказ {o}? Жду уже больше двух недель.",
	      "Приносим извинения за ожидание. Мы проверили заказ {o}: посылка (трек-номер {t}) уже в России и передана местной службе доставки. Ожидаемый срок — 3–5 рабочих дней.", 1 },
	    { "Трек-номер заказа {o} не обновляется уже неделю. Посылка потерялась?",
	      "Понимаем ваше беспокойство. Статус {t} обновляется только при сканировании в сортировочном центре, поэтому во время перевозки он может не меняться неделю. Мы запросили информацию у перевозчика и ответим в течение 48 часов.", 1 },
	    { "Посылка застряла на таможне. Нужно ли платить пошлину?",
	      "Извините за неудобства. Пошлина по вашему заказу уже оплачена нами, платить ничего не нужно. Таможенное оформление обычно занимает 2–5 рабочих дней.", 1 },
	    { "По трекингу заказ {o} доставлен, но посылки нет.",
	      "Очень жаль. Иногда курьер оставляет посылку в пункте выдачи или у соседей — проверьте, пожалуйста. Если её нет, мы откроем расследование и отправим заказ повторно.", 1 },
	    { "Когда отправите заказ {o}? Он всё ещё в статусе «в обработке».",
	      "Извините за задержку. Заказ отправлен сегодня, трек-номер {t}. Первая отметка может появиться в течение суток.", 0 }),
	[I_RETURN] = QA(
	    { "^Товар «{p}» маловат, хочу вернуть. Как это сделать?",
	      "Конечно. Верните товар в течение 30 дней без следов носки и с бирками. Бесплатную этикетку для возврата пришлём на почту; вложите, пожалуйста, номер заказа {o} в посылку.", 0 },
	    { "^Можно обменять «{p}» на размер {s}?",
	      "Да, обмен бесплатный. Размер {s} мы для вас отложили и пришлём этикетку для возврата первого товара.", 0 },
	    { "Как оформить возврат? В посылке не было бланка.",
	      "Бланк не нужен: мы только что отправили вам на почту этикетку для возврата заказа {o}. Распечатайте её, наклейте на коробку и сдайте на почте.", 0 }),
	[I_REFUND] = QA(
	    { "Возврат отправлен давно, а деньги так и не пришли.",
	      "Приносим извинения за задержку. Возврат получен на складе, сегодня мы вернули вам {m}. В зависимости от банка деньги придут за 3–7 рабочих дней.", 1 },
	    { "Когда вернут деньги за заказ {o}?",
	      "Спасибо за терпение. Возврат по заказу {o} одобрен и будет проведён в течение 2 рабочих дней, мы пришлём подтверждение на почту.", 1 },
	    { "Вернули только часть суммы, а оплачено было {m}!",
	      "Извините за путаницу. Первым платежом вернулась стоимость товара, доставка возвращается отдельно. Остаток мы только что отправили.", 0 },
	    { "Заказ {o} отменён ещё до отправки, верните, пожалуйста, деньги.",
	      "Извините, это должно было произойти автоматически. Мы только что вернули полную сумму за заказ {o}.", 0 }),
	[I_PAYMENT] = QA(
	    { "Карта не проходит при оплате, хотя на других сайтах всё работает.",
	      "Извините за неудобства. Чаще всего банк блокирует зарубежные платежи — подтвердите оплату в приложении банка или попробуйте другой способ оплаты.", 1 },
	    { "С меня дважды списали деньги за заказ {o}! Верните {m}.",
	      "Приносим извинения. Второе списание — это временная блокировка, банк снимет её автоматически в течение 5 рабочих дней. Если этого не произойдёт, мы сразу вернём деньги вручную.", 2 },
	    { "Оплата не прошла, но деньги с карты списались.",
	      "Понимаем, это тревожно. При неудачной оплате банк лишь временно блокирует сумму и через несколько дней её возвращает; мы никаких денег не получали.", 2 },
	    { "Нужен счёт с НДС на юрлицо по заказу {o}.",
	      "Конечно! Пришлите, пожалуйста, реквизиты компании, и сегодня мы отправим счёт по заказу {o} на почту.", 3 }),
	[I_COMPLAINT] = QA(
	    { "Товар «{p}» пришёл сломанным, коробка вся смята.",
	      "Нам очень жаль. Пришлите, пожалуйста, фото товара и коробки — после этого мы отправим замену или вернём полную стоимость, как вам удобнее.", 1 },
	    { "Прислали не тот товар: в заказе «{p}», цвет «{c}», а пришёл другой цвет.",
	      "Извините за ошибку. Сегодня же бесплатно отправим правильный товар в цвете «{c}», второй возвращать не нужно.", 0 },
	    { "~Товар «{p}» перестал работать через неделю. Очень обидно.",
	      "Очень жаль. Это гарантийный случай. Пришлите, пожалуйста, короткое видео с неисправностью — и мы сразу отправим новый.", 2 },
	    { "^У товара «{p}» после первой стирки расходится шов.",
	      "Такого быть не должно, извините. Пришлите фото или короткое видео шва, и мы отправим замену или вернём деньги.", 1 },
	    { "Цвет совсем не такой, как на фото в магазине.",
	      "Жаль, что цвет вас не устроил. Можно бесплатно вернуть товар или оставить его с возвратом 30% стоимости. Как вам удобнее?", 0 }),
	[I_PRODUCT] = QA(
	    { "^Товар «{p}» соответствует размеру? Обычно ношу {s}.",
	      "Спасибо за интерес! Размер стандартный, так что {s} должен подойти. Если нет — обмен бесплатный.", 1 },
	    { "Из какого материала товар «{p}»?",
	      "Хороший вопрос! Состав указан на странице товара в разделе «Характеристики». На все товары гарантия 12 месяцев.", 0 },
	    { "Есть ли «{p}» в цвете «{c}»? На сайте написано, что нет в наличии.",
	      "Цвет «{c}» снова появится примерно через 2 недели. Сообщить вам, когда он будет в наличии?", 0 }),
	[I_DISCOUNT] = QA(
	    { "Есть ли промокод на первый заказ?",
	      "Добро пожаловать! Промокод {x} даёт скидку 10% на первый заказ.", 1 },
	    { "Промокод {x} не работает, пишет «недействителен».",
	      "Извините, срок действия этого промокода истёк. Вот новый на скидку 10%: THANKYOU.", 0 }),
	[I_ORDER_CHANGE] = QA(
	    { "Отмените, пожалуйста, заказ {o}, он оформлен по ошибке.",
	      "Готово! Заказ {o} отменён, деньги вернутся в течение 3–5 рабочих дней.", 0 },
	    { "В заказе {o} указан неправильный адрес. Можно исправить?",
	      "Конечно, пришлите, пожалуйста, правильный адрес полностью, и мы исправим его до отправки.", 1 }),
	[I_ACCOUNT] = QA(
	    { "Не могу войти в аккаунт, письмо для сброса пароля не приходит.",
	      "Извините за неудобства! Мы отправили письмо повторно вручную, проверьте, пожалуйста, и папку «Спам».", 1 }),
	[I_OTHER] = QA(
	    { "У вас есть офлайн-магазин?",
	      "Спасибо за вопрос! Мы работаем только онлайн, но доставляем по всей России.", 0 }),
	},
	.more = {
	[I_SHIPPING] = QA(
	    { "Статус так и не изменился.",
	      "Спасибо, что проверили. Мы открыли расследование у перевозчика. Если посылка не сдвинется за 5 дней, отправим заказ повторно или вернём деньги — на ваш выбор.", 1 }),
	[I_RETURN] = QA(
	    { "Товар не использовался, упаковка целая.",
	      "Отлично, спасибо. Как только посылка придёт на склад, оформим возврат в течение 3 рабочих дней.", 0 }),
	[I_REFUND] = QA(
	    { "До сих пор ничего не пришло.",
	      "Извините. Мы запросим у платёжной системы номер транзакции, чтобы ваш банк смог найти платёж.", 0 }),
	[I_PAYMENT] = QA(
	    { "Вот скриншот выписки из банка.",
	      "Спасибо, вижу оба списания. Лишнее мы вернули, деньги придут в течение 5 рабочих дней.", 2 }),
	[I_COMPLAINT] = QA(
	    { "Фото отправлено.",
	      "Спасибо за фото. Мы оформили полный возврат денег, товар отправлять обратно не нужно.", 1 },
	    { "Вот видео с проблемой.",
	      "Спасибо, всё видно. Замену отправим завтра и пришлём трек-номер.", 2 }),
	[I_PRODUCT] = QA(
	    { "А сколько идёт доставка в Москву?",
	      "Обычно 10–20 дней, с трек-номером.", AS(I_SHIPPING) }),
	[I_DISCOUNT] = QA(
	    { "А со скидкой доставка будет бесплатной?",
	      "Да, скидка и бесплатная доставка суммируются.", 0 }),
	[I_ORDER_CHANGE] = QA(
	    { "Правильный адрес: Москва, ул. Лесная, д. 5, кв. 12.",
	      "Спасибо, адрес исправлен: Москва, ул. Лесная, д. 5, кв. 12.", 1 }),
	[I_ACCOUNT] = QA(
	    { "Уже два раза пытаюсь, не помогает.",
	      "Извините. Мы отправили временный пароль на почту, смените его после входа.", 1 }),
	[I_OTHER] = QA(
	    { "Понятно, спасибо.",
	      "Пожалуйста! Если будут вопросы — пишите.", 0 }),
	},
	.urgent = L("Это подарок на день рождения в субботу!",
	    "*Нужно успеть до Нового года, это подарок.",
	    "Очень срочно, пожалуйста."),
	.angry = L("Это безобразие!!!",
	    "Если не решите вопрос, оставлю отзыв на одну звезду.",
	    "Иначе открою спор в PayPal.",
	    "ВЕРНИТЕ ДЕНЬГИ!"),
	.chase = L("Ау??", "Есть новости?", "Здесь кто-нибудь есть?", "???",
	    "Всё ещё жду ответа..."),
	.chase_angry = L("Целый день нет ответа!!!",
	    "Почему никто не отвечает??? Напишу жалобу на площадку.",
	    "%Жду уже несколько дней. Ответьте наконец!"),
	.thanks = L("Хорошо, спасибо!", "Отлично, спасибо за быструю помощь.",
	    "ок", "Спасибо, хорошего дня!", "Понятно, тогда жду. Спасибо."),
	.reopen = QA(
	    { "Здравствуйте ещё раз, проблема с заказом {o} так и не решена.",
	      "Очень жаль, что вопрос всё ещё не решён. Мы передали вопрос руководителю и сегодня же вернёмся с ответом.", 0 },
	    { "Извините, что снова пишу, но ничего не изменилось.",
	      "Что вы, не извиняйтесь. Сегодня же отправим вам замену.", 0 }),
	.bot = L("Спасибо за сообщение! Оператор ответит вам в ближайшее время. Мы работаем с понедельника по пятницу с 9:00 до 18:00 по китайскому времени.",
	    "Здравствуйте! Мы получили ваше сообщение и ответим в течение 24 часов."),
	.agent_hello = L("Здравствуйте, {n}!", "Добрый день, {n}!",
	    "Здравствуйте, {n}! Спасибо за обращение.",
	    "%Здравствуйте, {n}! Спасибо за терпение."),
	.agent_bye = L("Пожалуйста! Хорошего дня.",
	    "Рады помочь! Обращайтесь.",
	    "!Спасибо за терпение и ещё раз извините за неудобства."),
	.sign = L("\n\nС уважением,\n{a}\nСлужба поддержки",
	    "\n\nВсего доброго,\n{a}"),
};

static const struct bank *const banks[N_LANG] = {
	[L_EN] = &bank_en, [L_DE] = &bank_de, [L_FR] = &bank_fr,
	[L_ES] = &bank_es, [L_JA] = &bank_ja, [L_PT] = &bank_pt,
	[L_ZH] = &bank_zh, [L_ID] = &bank_id, [L_RU] = &bank_ru,
};

/* ---- markets, zones, channels, agents ------------------------------ */

/* Daylight-saving rules of the zones used; enough to place a buyer's or an
 * agent's day, not a tz database. */
enum dst_rule { DST_NONE, DST_EU, DST_US };

struct zone {
	const char	*name;
	int		 std_off;	/* seconds east of UTC */
	enum dst_rule	 rule;
};

enum {
	Z_NEW_YORK, Z_CHICAGO, Z_LOS_ANGELES, Z_LONDON, Z_BERLIN, Z_PARIS,
	Z_MADRID, Z_LISBON, Z_TOKYO, Z_SAO_PAULO, Z_MEXICO_CITY, Z_SHANGHAI,
	Z_SINGAPORE, Z_JAKARTA, Z_MOSCOW
};

static const struct zone zones[] = {
	[Z_NEW_YORK] = { "America/New_York", -5 * 3600, DST_US },
	[Z_CHICAGO] = { "America/Chicago", -6 * 3600, DST_US },
	[Z_LOS_ANGELES] = { "America/Los_Angeles", -8 * 3600, DST_US },
	[Z_LONDON] = { "Europe/London", 0, DST_EU },
	[Z_BERLIN] = { "Europe/Berlin", 3600, DST_EU },
	[Z_PARIS] = { "Europe/Paris", 3600, DST_EU },
	[Z_MADRID] = { "Europe/Madrid", 3600, DST_EU },
	[Z_LISBON] = { "Europe/Lisbon", 0, DST_EU },
	[Z_TOKYO] = { "Asia/Tokyo", 9 * 3600, DST_NONE },
	[Z_SAO_PAULO] = { "America/Sao_Paulo", -3 * 3600, DST_NONE },
	[Z_MEXICO_CITY] = { "America/Mexico_City", -6 * 3600, DST_NONE },
	[Z_SHANGHAI] = { "Asia/Shanghai", 8 * 3600, DST_NONE },
	[Z_SINGAPORE] = { "Asia/Singapore", 8 * 3600, DST_NONE },
	[Z_JAKARTA] = { "Asia/Jakarta", 7 * 3600, DST_NONE },
	[Z_MOSCOW] = { "Europe/Moscow", 3 * 3600, DST_NONE },
};

enum channel { CH_AMAZON, CH_SHOPEE, CH_SHOP, CH_EMAIL, CH_WHATSAPP, N_CH };

static const char *const channel_names[N_CH] = {
	"amazon", "shopee", "shop", "email", "whatsapp"
};

/* Prices: local minor units = USD cents * per_mille / 1000 * 10^decimals
 * / 100, then rounded up to a multiple of `step` less `minus` (39.99,
 * 4980円, 289元). */
struct market {
	const char	*country;
	const char	*lang_tag;
	enum lang	 lang;
	int		 weight;
	const char	*currency;
	int64_t		 per_mille;
	int		 decimals;
	int		 step, minus;
	int		 zones[3];
	int		 nzones;
	int		 channel_weight[N_CH];	/* amazon shopee shop email wa */
};

static const struct market markets[] = {
	{ "US", "en", L_EN, 18, "USD", 1000, 2, 100, 1,
	    { Z_NEW_YORK, Z_CHICAGO, Z_LOS_ANGELES }, 3, { 55, 0, 30, 15, 0 } },
	{ "GB", "en-GB", L_EN, 5, "GBP", 790, 2, 100, 1,
	    { Z_LONDON }, 1, { 50, 0, 30, 20, 0 } },
	{ "DE", "de", L_DE, 15, "EUR", 920, 2, 100, 1,
	    { Z_BERLIN }, 1, { 55, 0, 25, 20, 0 } },
	{ "FR", "fr", L_FR, 9, "EUR", 920, 2, 100, 1,
	    { Z_PARIS }, 1, { 50, 0, 30, 20, 0 } },
	{ "ES", "es", L_ES, 7, "EUR", 920, 2, 100, 1,
	    { Z_MADRID }, 1, { 45, 0, 25, 10, 20 } },
	{ "MX", "es-MX", L_ES, 4, "MXN", 18000, 2, 1000, 100,
	    { Z_MEXICO_CITY }, 1, { 40, 0, 20, 0, 40 } },
	{ "JP", "ja", L_JA, 11, "JPY", 150000, 0, 100, 20,
	    { Z_TOKYO }, 1, { 60, 0, 30, 10, 0 } },
	{ "BR", "pt-BR", L_PT, 10, "BRL", 5500, 2, 1000, 10,
	    { Z_SAO_PAULO }, 1, { 0, 45, 20, 0, 35 } },
	{ "PT", "pt", L_PT, 2, "EUR", 920, 2, 100, 1,
	    { Z_LISBON }, 1, { 40, 0, 30, 30, 0 } },
	{ "CN", "zh", L_ZH, 5, "CNY", 7200, 2, 1000, 100,
	    { Z_SHANGHAI }, 1, { 0, 0, 70, 10, 20 } },
	{ "SG", "zh-Hans", L_ZH, 3, "SGD", 1350, 2, 100, 1,
	    { Z_SINGAPORE }, 1, { 0, 70, 20, 0, 10 } },
	{ "ID", "id", L_ID, 3, "IDR", 16000000, 0, 1000, 100,
	    { Z_JAKARTA }, 1, { 0, 80, 10, 0, 10 } },
	{ "RU", "ru", L_RU, 2, "RUB", 92000, 0, 100, 10,
	    { Z_MOSCOW }, 1, { 0, 0, 50, 30, 20 } },
};
#define N_MARKETS (sizeof markets / sizeof markets[0])

enum calendar { CAL_CN, CAL_DE };

struct agent {
	const char	*id;
	const char	*alias;		/* the name they sign with */
	int		 zone;
	int		 start_min, end_min;	/* Mon-Fri, local */
	enum calendar	 cal;
	int		 weight;
};

/* The same team as share/sample/roster.csv. */
static const struct agent agents[] = {
	{ "li.wei", "Vivian", Z_SHANGHAI, 9 * 60, 18 * 60, CAL_CN, 4 },
	{ "zhang.min", "Kevin", Z_SHANGHAI, 9 * 60, 18 * 60, CAL_CN, 4 },
	{ "chen.jing", "Jenny", Z_SHANGHAI, 9 * 60, 18 * 60, CAL_CN, 3 },
	{ "wang.fang", "Fiona", Z_SHANGHAI, 14 * 60, 23 * 60, CAL_CN, 3 },
	{ "liu.yang", "Leo", Z_BERLIN, 9 * 60, 17 * 60, CAL_DE, 2 },
};
#define N_AGENTS (int)(sizeof agents / sizeof agents[0])

/* Closed days (month * 100 + day, every year; or a full YYYYMMDD). */
static const int holidays_cn[] = { 101, 501, 502, 503, 1001, 1002, 1003,
	1004, 1005, 1006, 1007, 20260925 };
static const int holidays_de[] = { 101, 501, 1003, 1224, 1225, 1226, 1231 };

/* Intent mix of first messages, in per mille. */
static const int intent_weight[N_INTENT] = { 270, 95, 115, 70, 125, 125,
	70, 65, 25, 40 };

/* ---- the random stream --------------------------------------------- */

struct band {
	int	 weight;
	int64_t	 lo, hi;	/* inclusive */
};

static uint64_t
rng_next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n), n > 0 (multiply-shift: no modulo bias worth the name
 * at these sizes, and the same on every machine). */
static uint32_t
rng_below(uint64_t *s, uint32_t n)
{
	return (uint32_t)(((rng_next(s) >> 32) * (uint64_t)n) >> 32);
}

static int64_t
rng_range(uint64_t *s, int64_t lo, int64_t hi)
{
	return lo + (int64_t)(rng_next(s) % (uint64_t)(hi - lo + 1));
}

static int
rng_pct(uint64_t *s, unsigned pct)
{
	return rng_below(s, 100) < pct;
}

static int
rng_weighted(uint64_t *s, const int *w, int n)
{
	int total = 0, i, r;

	for (i = 0; i < n; i++)
		total += w[i];
	r = (int)rng_below(s, (uint32_t)total);
	for (i = 0; i < n - 1; i++) {
		if (r < w[i])
			return i;
		r -= w[i];
	}
	return n - 1;
}

static int64_t
rng_band(uint64_t *s, const struct band *b, int n)
{
	int total = 0, i, r;

	for (i = 0; i < n; i++)
		total += b[i].weight;
	r = (int)rng_below(s, (uint32_t)total);
	for (i = 0; i < n - 1 && r >= b[i].weight; i++)
		r -= b[i].weight;
	return rng_range(s, b[i].lo, b[i].hi);
}
#define BAND(s, b) rng_band((s), (b), (int)(sizeof(b) / sizeof((b)[0])))

/* v in decimal, zero-padded to width, at p; returns the end.  Ids are
 * made a million times a run, so no printf. */
static char *
put_num(char *p, uint64_t v, int width)
{
	char tmp[24];
	int n = 0;

	do
		tmp[n++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (n < width)
		tmp[n++] = '0';
	while (n > 0)
		*p++ = tmp[--n];
	*p = '\0';
	return p;
}

/* a, b and c into dst (cut to size): names, without printf. */
static void
join3(char *dst, size_t size, const char *a, const char *b, const char *c)
{
	const char *part[3] = { a, b, c };
	size_t n = 0;

	for (int i = 0; i < 3; i++)
		for (const char *p = part[i]; *p && n + 1 < size; p++)
			dst[n++] = *p;
	dst[n] = '\0';
}

static size_t
list_len(const char *const *l)
{
	size_t n = 0;

	while (l[n])
		n++;
	return n;
}

static const char *
rng_pick(uint64_t *s, const char *const *l)
{
	return l[rng_below(s, (uint32_t)list_len(l))];
}

/* ---- time ------------------------------------------------------------ */

#define MIN	60
#define HOUR	3600
#define DAY	86400

static int64_t
last_sunday(int64_t y, int m)
{
	int64_t d = m == 12 ? civil_days_from(y + 1, 1, 1) - 1 :
	    civil_days_from(y, m + 1, 1) - 1;

	return d - (civil_weekday(d) + 1) % 7;
}

static int64_t
first_sunday(int64_t y, int m)
{
	int64_t d = civil_days_from(y, m, 1);

	return d + (6 - civil_weekday(d)) % 7;
}

/* Offset from UTC in seconds at instant t (seconds). */
static int
zone_offset(int z, int64_t t)
{
	const struct zone *zn = &zones[z];
	int64_t y, on, off;
	int m, d;

	if (zn->rule == DST_NONE)
		return zn->std_off;
	civil_from_days(civil_floor_div(t, DAY), &y, &m, &d);
	if (zn->rule == DST_EU) {
		on = last_sunday(y, 3) * DAY + HOUR;
		off = last_sunday(y, 10) * DAY + HOUR;
	} else {
		on = (first_sunday(y, 3) + 7) * DAY + 2 * HOUR - zn->std_off;
		off = first_sunday(y, 11) * DAY + 2 * HOUR - zn->std_off - HOUR;
	}
	return zn->std_off + (t >= on && t < off ? HOUR : 0);
}

static int
is_holiday(enum calendar cal, int64_t day)
{
	const int *h = cal == CAL_CN ? holidays_cn : holidays_de;
	size_t n = cal == CAL_CN ? sizeof holidays_cn / sizeof *h :
	    sizeof holidays_de / sizeof *h;
	int64_t y;
	int m, d;

	civil_from_days(day, &y, &m, &d);
	for (size_t i = 0; i < n; i++)
		if (h[i] == m * 100 + d || h[i] == y * 10000 + m * 100 + d)
			return 1;
	return 0;
}

/* The first instant >= t at which agent a is on shift, and in *end the end
 * of that shift. */
static int64_t
agent_shift(const struct agent *a, int64_t t, int64_t *end)
{
	int base = zone_offset(a->zone, t);
	int64_t day0 = civil_floor_div(t + base, DAY);

	for (int64_t day = day0; day < day0 + 30; day++) {
		int off = zone_offset(a->zone, day * DAY + 12 * HOUR - base);
		int64_t start = day * DAY + a->start_min * MIN - off;

		*end = day * DAY + a->end_min * MIN - off;
		if (civil_weekday(day) >= 5 || is_holiday(a->cal, day) || t >= *end)
			continue;
		return t > start ? t : start;
	}
	*end = t + 30 * DAY;
	return *end;
}

static int64_t
agent_next_on(const struct agent *a, int64_t t)
{
	int64_t end;

	return agent_shift(a, t, &end);
}

static int
agent_on_at(const struct agent *a, int64_t t)
{
	return agent_next_on(a, t) == t;
}

/* ---- the event heap -------------------------------------------------- */

struct pending {
	int64_t	 t;
	uint64_t seq;
	char	*line;
	size_t	 len;
};

struct heap {
	struct pending	*v;
	size_t		 n, cap;
};

static int
pending_before(const struct pending *a, const struct pending *b)
{
	return a->t < b->t || (a->t == b->t && a->seq < b->seq);
}

static void
heap_push(struct heap *h, struct pending p)
{
	size_t i;

	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 1024;
		h->v = xrealloc(h->v, h->cap * sizeof *h->v);
	}
	for (i = h->n++; i > 0 && pending_before(&p, &h->v[(i - 1) / 2]);
	    i = (i - 1) / 2)
		h->v[i] = h->v[(i - 1) / 2];
	h->v[i] = p;
}

static struct pending
heap_pop(struct heap *h)
{
	struct pending top = h->v[0], last = h->v[--h->n];
	size_t i = 0, c;

	while ((c = 2 * i + 1) < h->n) {
		if (c + 1 < h->n && pending_before(&h->v[c + 1], &h->v[c]))
			c++;
		if (!pending_before(&h->v[c], &last))
			break;
		h->v[i] = h->v[c];
		i = c;
	}
	if (h->n)
		h->v[i] = last;
	return top;
}

/* ---- generator state ------------------------------------------------- */

#define CUST_RING 8192	/* buyers who may come back */
#define TS_DAYS 64	/* formatted days kept (ts_text) */

struct customer {
	uint64_t	 id;
	uint8_t		 market, zone, first, last;
	uint8_t		 channel;
	uint8_t		 locate;	/* 0 tz, 1 country, 2 both */
};

struct gen {
	uint64_t	 rng;
	int		 labelled;
	struct heap	 heap;
	uint64_t	 seq;
	int64_t		 floor;		/* --start: nothing earlier is written */
	uint64_t	 conversations;	/* generated, warm-up included */
	uint64_t	 written;	/* conversations written */
	uint64_t	 customers;
	uint64_t	 shop_orders;
	struct customer	 ring[CUST_RING];
	size_t		 ring_len, ring_pos;
	struct buf	 line, text;
	struct ts_day {
		int64_t	 day;		/* INT64_MIN: empty */
		char	 text[32];
	}		 ts_days[TS_DAYS];
};

/* The values of the {x} slots of one conversation. */
struct slots {
	const char	*order;		/* {o} */
	const char	*product;	/* {p} */
	const char	*size;		/* {s} */
	const char	*colour;	/* {c} */
	const char	*name;		/* {n} how the agent addresses the buyer */
	const char	*agent;		/* {a} */
	const char	*tracking;	/* {t} */
	const char	*money;		/* {m} */
	const char	*code;		/* {x} */
	int		 days;		/* {d} */
};

struct conv {
	char			 id[32];
	char			 cust_id[32];
	const struct market	*mk;
	const struct bank	*bk;
	struct customer		*cu;
	enum intent		 intent;
	enum channel		 ch;
	const struct product	*pr;
	int			 carry_lang;	/* lang field on its messages */
	int			 carry_order;	/* order_id/product fields */
	int			 carry_tracking;
	int			 angry, urgent;
	int			 agent;		/* last agent, -1 none */
	int			 first_agent;
	int64_t			 amount;	/* minor units */
	char			 order_id[32];
	char			 tracking[32];
	char			 tracking_url[80];
	char			 money[48];
	char			 name[96];	/* customer_name */
	char			 address[96];	/* {n} */
	struct slots		 sl;
	const struct qa		*used[8];	/* pairs said so far */
	size_t			 nused;
};

/* ---- text ------------------------------------------------------------ */

static int
wearable(const struct product *p)
{
	return p->kind == K_APPAREL || p->kind == K_SHOES;
}

static int
female(const struct conv *c)
{
	return c->cu->first % 2 == 0;
}

/* Does the phrase suit the buyer (its '+' / '-' mark)? */
static int
buyer_fits(const char *s, const struct conv *c)
{
	size_t n = strspn(s, MARKS);

	return !(memchr(s, '+', n) && !female(c)) &&
	    !(memchr(s, '-', n) && female(c));
}

/* Does the phrase suit the product and the buyer (its marks)? */
static int
phrase_fits(const char *s, const struct conv *c)
{
	const struct product *p = c->pr;

	return (*s != '^' || wearable(p)) && (*s != '@' || p->kind == K_GADGET) &&
	    (*s != '~' || p->kind == K_GADGET || p->kind == K_APPLIANCE) &&
	    buyer_fits(s, c);
}

static int
post_sale(enum intent in)
{
	return in == I_SHIPPING || in == I_RETURN || in == I_REFUND ||
	    in == I_COMPLAINT || in == I_ORDER_CHANGE ||
	    in == I_PAYMENT;
}

/* A goodbye; an apology ('!') only where there was a problem. */
static const char *
pick_bye(struct gen *g, const struct conv *c)
{
	const char *s;

	do
		s = rng_pick(&g->rng, c->bk->agent_bye);
	while (*s == '!' && !post_sale(c->intent));
	return s;
}

/* A phrase for this buyer (gender marks) from a plain list. */
static const char *
pick_buyer(struct gen *g, const struct conv *c, const char *const *l)
{
	const char *s;

	do
		s = rng_pick(&g->rng, l);
	while (!buyer_fits(s, c));
	return s;
}

static size_t
qa_len(const struct qa *l)
{
	size_t n = 0;

	while (l[n].q)
		n++;
	return n;
}

static int
qa_said(const struct conv *c, const struct qa *p)
{
	for (size_t u = 0; u < c->nused; u++)
		if (c->used[u] == p)
			return 1;
	return 0;
}

/*
 * A pair that suits the conversation's product and topic (any topic when
 * topic < 0) and was not said in it yet; NULL when none is left.
 */
static const struct qa *
pick_qa(struct gen *g, struct conv *c, const struct qa *l, int topic)
{
	size_t n = qa_len(l), i = rng_below(&g->rng, (uint32_t)n);

	for (size_t k = 0; k < n; k++, i = (i + 1) % n) {
		if (!phrase_fits(l[i].q, c) || qa_said(c, &l[i]) ||
		    (topic >= 0 && QA_TOPIC(&l[i]) != 0 &&
		    QA_TOPIC(&l[i]) != topic))
			continue;
		if (c->nused < sizeof c->used / sizeof c->used[0])
			c->used[c->nused++] = &l[i];
		return &l[i];
	}
	return NULL;
}

/* Append phrase s with its slots filled in. */
static void
render(struct buf *b, const char *s, const struct slots *sl)
{
	const char *v, *brace;

	s += strspn(s, MARKS);
	while ((brace = strchr(s, '{')) != NULL) {
		buf_add(b, s, (size_t)(brace - s));
		s = brace;
		if (!s[1] || s[2] != '}') {
			buf_add(b, s++, 1);
			continue;
		}
		switch (s[1]) {
		case 'o': v = sl->order; break;
		case 'p': v = sl->product; break;
		case 's': v = sl->size; break;
		case 'c': v = sl->colour; break;
		case 'n': v = sl->name; break;
		case 'a': v = sl->agent; break;
		case 't': v = sl->tracking; break;
		case 'm': v = sl->money; break;
		case 'x': v = sl->code; break;
		case 'd': {
			char num[24];
			buf_add(b, num, (size_t)(put_num(num,
			    (uint64_t)sl->days, 1) - num));
			s += 3;
			continue;
		}
		default: v = NULL;
		}
		if (v == NULL) {
			buf_add(b, s++, 1);
			continue;
		}
		buf_adds(b, v);
		s += 3;
	}
	buf_adds(b, s);
}

/* A phrase that suits the month at t ('*': October to December only). */
static const char *
pick_seasonal(struct gen *g, const char *const *l, int64_t t)
{
	int64_t y;
	int m, d;
	const char *s;

	civil_from_days(civil_floor_div(t, DAY), &y, &m, &d);
	do
		s = rng_pick(&g->rng, l);
	while (*s == '*' && m < 10);
	return s;
}

/* A greeting that suits the buyer's local hour at t ('%': only after a
 * long wait, "thank you for your patience"). */
static const char *
pick_greeting(struct gen *g, const struct conv *c, const char *const *l,
    int64_t t, int late)
{
	int64_t local = t + zone_offset(c->cu->zone, t);
	int h = (int)((local - civil_floor_div(local, DAY) * DAY) / HOUR);
	const char *s;

	do
		s = rng_pick(&g->rng, l);
	while ((*s == '<' && (h < 5 || h >= 12)) ||
	    (*s == '=' && (h < 12 || h >= 18)) ||
	    (*s == '>' && h >= 5 && h < 18) || (*s == '%' && !late));
	return s;
}

/* Append a sentence to the message being built, separated as the
 * language separates sentences. */
static void
say(struct gen *g, const struct conv *c, const char *sep, const char *s)
{
	size_t at = g->text.len;

	if (g->text.len)
		buf_adds(&g->text, sep ? sep : c->bk->sep);
	render(&g->text, s, &c->sl);
	/* "{p} sudah rusak": a product name that opens a message gets a
	 * capital like any first word */
	if (at == 0 && s[strspn(s, MARKS)] == '{' &&
	    g->text.data[0] >= 'a' && g->text.data[0] <= 'z')
		g->text.data[0] = (char)(g->text.data[0] - 32);
}

/* Upper-case ASCII and the Latin-1 letters of UTF-8 (à → À), the way an
 * angry buyer holds down shift; other scripts are left alone. */
static void
shout(char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char u = (unsigned char)s[i];
		if (u >= 'a' && u <= 'z')
			s[i] = (char)(u - 32);
		else if (u == 0xc3 && i + 1 < len &&
		    (unsigned char)s[i + 1] >= 0xa0 &&
		    (unsigned char)s[i + 1] <= 0xbe &&
		    (unsigned char)s[i + 1] != 0xb7)
			s[++i] -= 0x20;
	}
}

static void
strip_comma(struct buf *b)
{
	if (b->len >= 1 && b->data[b->len - 1] == ',')
		b->data[--b->len] = '\0';
	else if (b->len >= 3 && (!memcmp(b->data + b->len - 3, "、", 3) ||
	    !memcmp(b->data + b->len - 3, "，", 3)))
		b->data[b->len -= 3] = '\0';
}

static void
lower_ascii(char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			s[i] = (char)(s[i] + 32);
}

/*
 * "Hi Anna, where is…": in a chat the sentence after a greeting that ends
 * in a comma goes on in lower case; not "I" and not the German polite
 * pronouns (Sie, Ihr, Ihnen).
 */
static void
after_comma(const struct conv *c, int comma, char *first)
{
	if (!strncmp(first, "¿", 2) || !strncmp(first, "¡", 2))
		first += 2;
	/* a capital, then a small letter (ASCII or not) or a space ("A
	 * Receita", "O pedido"): not "I", not "VIP" */
	if (!comma || first[0] < 'A' || first[0] > 'Z' ||
	    !((first[1] >= 'a' && first[1] <= 'z') ||
	    (unsigned char)first[1] >= 0x80 ||
	    (first[1] == ' ' && first[0] != 'I')))
		return;
	if (c->mk->lang == L_DE && (!strncmp(first, "Sie", 3) ||
	    !strncmp(first, "Ihr", 3) || !strncmp(first, "Ihn", 3)))
		return;
	first[0] = (char)(first[0] + 32);
}

static int
latin_script(const struct conv *c)
{
	return c->mk->lang != L_JA && c->mk->lang != L_ZH;
}

/* ---- events ---------------------------------------------------------- */

/* ,"key":"val" — keys are plain ASCII names, values any text. */
static void
field_str(struct buf *b, const char *key, const char *val)
{
	buf_add(b, ",\"", 2);
	buf_adds(b, key);
	buf_add(b, "\":", 2);
	json_write_string(b, val, strlen(val));
}

/*
 * The RFC 3339 form of t (seconds): ts_format_utc() once a day, the time
 * of day patched into that text, since a million printf calls would be
 * most of the run time.  Conversations are written ahead over several
 * weeks, so a small table keeps the days in use.
 */
static const char *
ts_text(struct gen *g, int64_t t)
{
	int64_t day = civil_floor_div(t, DAY), sod = t - day * DAY;
	struct ts_day *e = &g->ts_days[(uint64_t)day % TS_DAYS];
	char *p = e->text;

	if (day != e->day) {
		struct buf b = BUF_INIT;

		ts_format_utc(day * DAY * 1000, &b);
		if (b.len >= sizeof e->text)
			abort();	/* not before year 0 or after 9999 */
		memcpy(p, b.data, b.len + 1);
		buf_free(&b);
		e->day = day;
	}
	p = strchr(p, 'T') + 1;
	p[0] = (char)('0' + sod / 36000);
	p[1] = (char)('0' + sod / 3600 % 10);
	p[3] = (char)('0' + sod % 3600 / 600);
	p[4] = (char)('0' + sod % 600 / 60);
	p[6] = (char)('0' + sod % 60 / 10);
	p[7] = (char)('0' + sod % 10);
	return e->text;
}

/* Amounts print as the shortest decimal: 39.99, 4980, 219.9. */
static void
field_amount(struct buf *b, int64_t minor, int decimals)
{
	buf_adds(b, ",\"amount\":");
	if (decimals == 0 || minor % 100 == 0)
		buf_printf(b, "%" PRId64, decimals ? minor / 100 : minor);
	else if (minor % 10 == 0)
		buf_printf(b, "%" PRId64 ".%" PRId64, minor / 100,
		    minor / 10 % 10);
	else
		buf_printf(b, "%" PRId64 ".%02" PRId64, minor / 100, minor % 100);
}

static void
event_begin(struct gen *g, const struct conv *c, const char *type, int64_t t,
    int with_conversation)
{
	struct buf *b = &g->line;

	buf_reset(b);
	buf_adds(b, "{\"type\":");
	json_write_string(b, type, strlen(type));
	if (with_conversation)
		field_str(b, "conversation", c->id);
	buf_adds(b, ",\"ts\":\"");
	buf_adds(b, ts_text(g, t));
	buf_addc(b, '"');
	field_str(b, "channel", channel_names[c->ch]);
}

static void
event_end(struct gen *g, int64_t t)
{
	struct pending p;

	if (t < g->floor)
		return;	/* before the export window (warm-up) */
	buf_adds(&g->line, "}\n");
	p.t = t;
	p.seq = g->seq++;
	p.len = g->line.len;
	p.line = xmalloc(p.len);
	memcpy(p.line, g->line.data, p.len);
	heap_push(&g->heap, p);
}

static void
field_locate(struct gen *g, const struct conv *c)
{
	if (c->cu->locate != 1)
		field_str(&g->line, "tz", zones[c->cu->zone].name);
	if (c->cu->locate != 0)
		field_str(&g->line, "country", c->mk->country);
}

static void
field_customer(struct gen *g, const struct conv *c)
{
	field_str(&g->line, "customer", c->cust_id);
}

/* A customer message with the text built in g->text. */
static void
emit_customer(struct gen *g, struct conv *c, int64_t t, enum intent truth)
{
	event_begin(g, c, "message", t, 1);
	field_str(&g->line, "role", "customer");
	field_customer(g, c);
	field_str(&g->line, "customer_name", c->name);
	if (c->carry_lang)
		field_str(&g->line, "lang", c->mk->lang_tag);
	field_locate(g, c);
	if (c->carry_order && c->order_id[0]) {
		field_str(&g->line, "order_id", c->order_id);
		field_str(&g->line, "product", c->sl.product);
	}
	if (c->carry_tracking)
		field_str(&g->line, "tracking_url", c->tracking_url);
	field_str(&g->line, "text", buf_str(&g->text));
	if (g->labelled)
		field_str(&g->line, "intent", intent_names[truth]);
	event_end(g, t);
	buf_reset(&g->text);
}

/* An agent message with the text built in g->text. */
static void
emit_agent(struct gen *g, struct conv *c, int64_t t, int agent)
{
	event_begin(g, c, "message", t, 1);
	field_str(&g->line, "role", "agent");
	field_str(&g->line, "agent", agents[agent].id);
	field_customer(g, c);
	if (c->carry_lang)
		field_str(&g->line, "lang", c->mk->lang_tag);
	field_str(&g->line, "text", buf_str(&g->text));
	event_end(g, t);
	buf_reset(&g->text);
}

static void
emit_bot(struct gen *g, struct conv *c, int64_t t)
{
	/* Bots answer in the buyer's language when the shop set one up for
	 * the market, in English otherwise. */
	const struct bank *bk = rng_pct(&g->rng, 80) ? c->bk : &bank_en;

	event_begin(g, c, "message", t, 1);
	field_str(&g->line, "role", "bot");
	field_customer(g, c);
	field_str(&g->line, "text", rng_pick(&g->rng, bk->bot));
	event_end(g, t);
}

static void
emit_status(struct gen *g, struct conv *c, int64_t t, const char *status,
    int agent)
{
	event_begin(g, c, "status", t, 1);
	field_customer(g, c);
	if (agent >= 0)
		field_str(&g->line, "agent", agents[agent].id);
	field_str(&g->line, "status", status);
	event_end(g, t);
}

/* An order; one asked about by e-mail or WhatsApp was placed in the shop. */
static void
emit_order(struct gen *g, struct conv *c, int64_t t, int with_conversation)
{
	enum channel ch = c->ch;

	if (ch == CH_EMAIL || ch == CH_WHATSAPP)
		c->ch = CH_SHOP;
	event_begin(g, c, "order", t, with_conversation);
	c->ch = ch;
	field_customer(g, c);
	field_str(&g->line, "customer_name", c->name);
	field_str(&g->line, "order_id", c->order_id);
	field_str(&g->line, "product", c->sl.product);
	field_amount(&g->line, c->amount, c->mk->decimals);
	field_str(&g->line, "currency", c->mk->currency);
	event_end(g, t);
}

static void
emit_rating(struct gen *g, struct conv *c, int64_t t, int score)
{
	event_begin(g, c, "rating", t, 1);
	field_customer(g, c);
	if (c->first_agent >= 0)
		field_str(&g->line, "agent", agents[c->first_agent].id);
	buf_adds(&g->line, ",\"score\":");
	buf_addc(&g->line, (char)('0' + score));
	event_end(g, t);
}

/* ---- one conversation ------------------------------------------------ */

static struct customer *
pick_customer(struct gen *g)
{
	struct customer *cu;
	const struct market *mk;
	int w[N_MARKETS];
	size_t i;

	/* A quarter of the chats come from buyers seen before. */
	if (g->ring_len >= 20 && rng_pct(&g->rng, 25))
		return &g->ring[rng_below(&g->rng, (uint32_t)g->ring_len)];
	for (i = 0; i < N_MARKETS; i++)
		w[i] = markets[i].weight;
	cu = &g->ring[g->ring_pos];
	g->ring_pos = (g->ring_pos + 1) % CUST_RING;
	if (g->ring_len < CUST_RING)
		g->ring_len++;
	memset(cu, 0, sizeof *cu);
	cu->id = ++g->customers;
	cu->market = (uint8_t)rng_weighted(&g->rng, w, (int)N_MARKETS);
	mk = &markets[cu->market];
	cu->zone = (uint8_t)mk->zones[rng_below(&g->rng, (uint32_t)mk->nzones)];
	cu->first = (uint8_t)rng_below(&g->rng,
	    (uint32_t)list_len(banks[mk->lang]->first_names));
	cu->last = (uint8_t)rng_below(&g->rng,
	    (uint32_t)list_len(banks[mk->lang]->last_names));
	cu->channel = (uint8_t)rng_weighted(&g->rng, mk->channel_weight, N_CH);
	cu->locate = (uint8_t)rng_weighted(&g->rng, (const int[]){ 45, 45, 10 },
	    3);
	return cu;
}

static int64_t
local_price(const struct market *mk, const struct product *p, int qty)
{
	int64_t pow = mk->decimals ? 100 : 1;
	int64_t v = (int64_t)p->usd_cents * mk->per_mille * pow / 100000;

	v = (v + mk->step - 1) / mk->step * mk->step - mk->minus;
	return v * qty;
}

/* The amount as a buyer writes it: $39.99, 39,99 €, 4980円, R$ 219,90. */
static void
format_money(char *out, size_t n, const struct market *mk, int64_t v)
{
	int64_t u = mk->decimals ? v / 100 : v, f = mk->decimals ? v % 100 : 0;
	const char *cur = mk->currency;

	if (!strcmp(cur, "USD"))
		snprintf(out, n, "$%" PRId64 ".%02" PRId64, u, f);
	else if (!strcmp(cur, "GBP"))
		snprintf(out, n, "£%" PRId64 ".%02" PRId64, u, f);
	else if (!strcmp(cur, "EUR"))
		snprintf(out, n, "%" PRId64 ",%02" PRId64 " €", u, f);
	else if (!strcmp(cur, "BRL"))
		snprintf(out, n, "R$ %" PRId64 ",%02" PRId64, u, f);
	else if (!strcmp(cur, "JPY"))
		snprintf(out, n, "%" PRId64 "円", u);
	else if (!strcmp(cur, "CNY"))
		snprintf(out, n, "%" PRId64 "元", u);
	else if (!strcmp(cur, "RUB"))
		snprintf(out, n, "%" PRId64 " ₽", u);
	else if (!strcmp(cur, "IDR"))
		snprintf(out, n, "Rp%" PRId64 ".%03" PRId64, u / 1000, u % 1000);
	else
		snprintf(out, n, "%" PRId64 ".%02" PRId64 " %s", u, f, cur);
}

/* Order ids look like the channel's: Amazon 3-7-7 digits, Shopee date and
 * letters, a shop's running number; a carrier's tracking number. */
static void
make_order_id(struct gen *g, struct conv *c, int64_t t)
{
	static const char alnum[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	static const char url[] = "https://tracking.example.com/t/";
	char *p = c->order_id;
	int64_t y;
	int m, d;

	switch (c->ch) {
	case CH_AMAZON:
		p = put_num(p, (uint64_t)rng_range(&g->rng, 111, 407), 3);
		*p++ = '-';
		p = put_num(p, (uint64_t)rng_range(&g->rng, 0, 9999999), 7);
		*p++ = '-';
		put_num(p, (uint64_t)rng_range(&g->rng, 0, 9999999), 7);
		break;
	case CH_SHOPEE:
		civil_from_days(civil_floor_div(t, DAY), &y, &m, &d);
		p = put_num(p, (uint64_t)(((y % 100) * 100 + m) * 100 + d), 6);
		for (int i = 0; i < 8; i++)
			*p++ = alnum[rng_below(&g->rng, 32)];
		*p = '\0';
		break;
	default:
		*p++ = '#';
		put_num(p, 10001 + g->shop_orders++, 1);
	}
	memcpy(c->tracking, "YT", 2);
	p = put_num(c->tracking + 2, (uint64_t)rng_range(&g->rng, 2600, 2699), 4);
	p = put_num(p, (uint64_t)rng_range(&g->rng, 0, 999999), 6);
	put_num(p, (uint64_t)rng_range(&g->rng, 0, 999999), 6);
	memcpy(c->tracking_url, url, sizeof url - 1);
	memcpy(c->tracking_url + sizeof url - 1, c->tracking,
	    strlen(c->tracking) + 1);
}


static void
conv_init(struct gen *g, struct conv *c, int64_t t0)
{
	const struct bank *bk;
	struct customer *cu;
	int iw[N_INTENT], i;

	memset(c, 0, sizeof *c);
	memcpy(c->id, "cv-", 3);
	put_num(c->id + 3, ++g->conversations, 7);
	c->cu = cu = pick_customer(g);
	memcpy(c->cust_id, "cu-", 3);
	put_num(c->cust_id + 3, cu->id, 6);
	c->mk = &markets[cu->market];
	c->bk = bk = banks[c->mk->lang];
	/* Repeat buyers mostly come back through the same channel. */
	c->ch = rng_pct(&g->rng, 85) ? (enum channel)cu->channel :
	    (enum channel)rng_weighted(&g->rng, c->mk->channel_weight, N_CH);
	for (i = 0; i < N_INTENT; i++)
		iw[i] = intent_weight[i];
	c->intent = (enum intent)rng_weighted(&g->rng, iw, N_INTENT);
	c->pr = &products[rng_below(&g->rng, N_PRODUCTS)];
	c->carry_lang = rng_pct(&g->rng, 70);
	c->carry_order = rng_pct(&g->rng, 60);
	c->carry_tracking = c->intent == I_SHIPPING && rng_pct(&g->rng, 50);
	c->angry = !post_sale(c->intent) ? 0 : rng_pct(&g->rng,
	    c->intent == I_COMPLAINT || c->intent == I_REFUND ||
	    c->intent == I_SHIPPING ? 14 : 4);
	c->urgent = rng_pct(&g->rng, 7);
	c->agent = c->first_agent = -1;
	c->amount = local_price(c->mk, c->pr, rng_pct(&g->rng, 12) ? 2 : 1);
	format_money(c->money, sizeof c->money, c->mk, c->amount);
	make_order_id(g, c, t0);

	if (bk->family_first)
		join3(c->name, sizeof c->name, bk->last_names[cu->last],
		    c->mk->lang == L_JA ? " " : "", bk->first_names[cu->first]);
	else
		join3(c->name, sizeof c->name, bk->first_names[cu->first], " ",
		    bk->last_names[cu->last]);
	join3(c->address, sizeof c->address,
	    bk->address == ADDR_FIRST ? bk->first_names[cu->first] :
	    bk->address == ADDR_LAST ? bk->last_names[cu->last] : c->name,
	    "", "");

	c->sl.order = c->order_id;
	c->sl.product = c->pr->name[c->mk->lang];
	c->sl.size = c->pr->kind == K_SHOES ?
	    shoe_sizes[rng_below(&g->rng, 8)] :
	    apparel_sizes[rng_below(&g->rng, 5)];
	c->sl.colour = rng_pick(&g->rng, bk->colours);
	c->sl.name = c->address;
	c->sl.tracking = c->tracking;
	c->sl.money = c->money;
	c->sl.code = discount_codes[rng_below(&g->rng, 8)];
	c->sl.days = (int)rng_range(&g->rng, 3, c->intent == I_SHIPPING ? 40 :
	    20);
}

/* The buyer's first message: greeting, what they want, maybe urgency or
 * anger, maybe a closing line; e-mails put them on separate lines. */
static void
write_opening(struct gen *g, struct conv *c, int64_t t, const char *body,
    int greet)
{
	const struct bank *bk = c->bk;
	const char *nl = c->ch == CH_EMAIL ? "\n\n" : NULL, *hi = NULL;
	size_t body_at;
	char *first;

	if (greet)
		say(g, c, NULL, hi = pick_greeting(g, c, bk->greet, t, 0));
	body_at = g->text.len;
	say(g, c, nl, body);
	first = g->text.data + body_at + (hi ? strlen(nl ? nl : bk->sep) : 0);
	if (hi && !nl)
		after_comma(c, hi[strlen(hi) - 1] == ',', first);
	if (c->urgent)
		say(g, c, NULL, pick_seasonal(g, bk->urgent, t));
	if (c->angry) {
		say(g, c, NULL, rng_pick(&g->rng, bk->angry));
		if (latin_script(c) && rng_pct(&g->rng, 30))
			shout(g->text.data + body_at, g->text.len - body_at);
	} else if (rng_pct(&g->rng, 50))
		say(g, c, nl, pick_buyer(g, c, bk->close));
	if (latin_script(c) && !c->angry && rng_pct(&g->rng, 6))
		lower_ascii(g->text.data, g->text.len);
}

enum { NO_HELLO, HELLO, HELLO_LATE };	/* write_agent's greeting */

/* An agent's message: a greeting by name on the first reply (HELLO_LATE
 * after a long wait), the content, a signature on e-mail and marketplace
 * messages. */
static void
write_agent(struct gen *g, struct conv *c, int agent, int64_t t,
    const char *content, int hello)
{
	const char *nl = c->ch == CH_EMAIL || c->ch == CH_AMAZON ? "\n\n" :
	    NULL;
	size_t at;
	int comma = 0;

	c->sl.agent = agents[agent].alias;
	if (hello) {
		say(g, c, NULL, pick_greeting(g, c, c->bk->agent_hello, t,
		    hello == HELLO_LATE));
		comma = g->text.data[g->text.len - 1] == ',';
	}
	at = g->text.len;
	say(g, c, hello ? nl : NULL, content);
	if (hello && !nl)
		after_comma(c, comma, g->text.data + at + strlen(c->bk->sep));
	if (nl)
		render(&g->text, rng_pick(&g->rng, c->bk->sign), &c->sl);
}

/* How long a reply takes once someone is at the desk: most within minutes,
 * a tail of slow ones; longer when the desk just opened on a backlog. */
static const struct band reply_delay[] = {
	{ 30, 40, 5 * MIN }, { 30, 5 * MIN, 15 * MIN },
	{ 20, 15 * MIN, 45 * MIN }, { 11, 45 * MIN, 2 * HOUR },
	{ 6, 2 * HOUR, 6 * HOUR }, { 3, 6 * HOUR, 20 * HOUR },
};
static const struct band backlog_delay[] = {
	{ 40, 3 * MIN, 20 * MIN }, { 40, 20 * MIN, 90 * MIN },
	{ 20, 90 * MIN, 4 * HOUR },
};

/* Who takes a message waiting at t, when they are at the desk (*at) and
 * until when (*until). */
static int
agent_pick(struct gen *g, const struct conv *c, int64_t t, int64_t *at,
    int64_t *until)
{
	int64_t on[N_AGENTS], end[N_AGENTS], first = INT64_MAX;
	int w[N_AGENTS], a;

	for (a = 0; a < N_AGENTS; a++) {
		on[a] = agent_shift(&agents[a], t, &end[a]);
		if (on[a] < first)
			first = on[a];
	}
	/* The agent already on the case keeps it if at the desk soon. */
	if (c->agent >= 0 && on[c->agent] <= first + 2 * HOUR)
		a = c->agent;
	else {
		for (a = 0; a < N_AGENTS; a++)
			w[a] = on[a] <= first + 15 * MIN ? agents[a].weight : 0;
		a = rng_weighted(&g->rng, w, N_AGENTS);
	}
	*at = on[a];
	*until = end[a];
	return a;
}

/*
 * When the team answers a message sent at t, and who.  A reply that would
 * fall after the agent's shift is left for whoever is at the desk then
 * (twice at most; then the same agent answers next shift).
 */
static int64_t
agent_reply(struct gen *g, struct conv *c, int64_t t, int *who)
{
	int64_t at, until, r;
	int a;

	for (int tries = 0;; tries++) {
		a = agent_pick(g, c, t, &at, &until);
		r = at + (at > t + MIN ? BAND(&g->rng, backlog_delay) :
		    BAND(&g->rng, reply_delay));
		if (agent_on_at(&agents[a], r))
			break;
		if (tries == 2) {
			r = agent_next_on(&agents[a], r) +
			    rng_range(&g->rng, 2 * MIN, 40 * MIN);
			break;
		}
		t = until;	/* still waiting when the shift ends */
	}
	*who = a;
	return r;
}

/* Buyers write in their waking hours: a time in the small hours moves to
 * the morning, mostly. */
static int64_t
awake(struct gen *g, const struct conv *c, int64_t t)
{
	int off = zone_offset(c->cu->zone, t);
	int64_t local = t + off, sod = local - civil_floor_div(local, DAY) * DAY;

	if (sod < 7 * HOUR && rng_pct(&g->rng, 85))
		t += 7 * HOUR - sod + rng_range(&g->rng, 0, 4 * HOUR);
	return t;
}

/* "hello??" messages while waiting for an answer due at `reply`. */
static void
chase(struct gen *g, struct conv *c, int64_t sent, int64_t reply)
{
	int64_t gap = reply - sent, t;
	int n = gap > 2 * HOUR && rng_pct(&g->rng, 50) ?
	    (rng_pct(&g->rng, 30) ? 2 : 1) : 0;

	const char *said = NULL, *s;

	for (int i = 1; i <= n; i++) {
		t = sent + gap * (int64_t)rng_range(&g->rng, 3 * i, 4 * i) / 10;
		t = awake(g, c, t);
		if (t >= reply)
			break;
		do
			s = rng_pick(&g->rng, t - sent > 12 * HOUR ?
			    c->bk->chase_angry : c->bk->chase);
		while (s == said || (*s == '%' && t - sent < 36 * HOUR));
		say(g, c, NULL, said = s);
		emit_customer(g, c, t, I_OTHER);
	}
}

static int
rating_score(struct gen *g, const struct conv *c, int64_t frt)
{
	static const int base[5] = { 4, 4, 7, 20, 65 };	/* 1..5 */
	int s = rng_weighted(&g->rng, base, 5) + 1;

	/* Slow answers and bad experiences cost a star, sometimes two. */
	if (frt > 24 * HOUR)
		s -= rng_pct(&g->rng, 30) ? 2 : 1;
	else if (frt > 8 * HOUR && rng_pct(&g->rng, 35))
		s--;
	if ((c->intent == I_COMPLAINT || c->angry) && rng_pct(&g->rng, 30))
		s--;
	return s < 1 ? 1 : s;
}

/* Days between the order and the chat about it, by intent. */
static int64_t
order_lead(struct gen *g, enum intent in)
{
	switch (in) {
	case I_SHIPPING:
		return rng_range(&g->rng, 4 * DAY, 30 * DAY);
	case I_ORDER_CHANGE:
		return rng_range(&g->rng, 5 * MIN, 20 * HOUR);
	case I_PAYMENT:
		return rng_range(&g->rng, 2 * MIN, 3 * DAY);
	default:
		return rng_range(&g->rng, 6 * DAY, 35 * DAY);
	}
}


/*
 * The buyer's opening: maybe a status `open`, maybe a lone greeting first,
 * the question, maybe a bot's acknowledgement.  Returns when the question
 * was sent.
 */
static int64_t
open_chat(struct gen *g, struct conv *c, const struct qa *ask, int64_t t)
{
	if (rng_pct(&g->rng, c->ch == CH_EMAIL ? 70 : 15))
		emit_status(g, c, t, "open", -1);
	if (c->ch != CH_EMAIL && rng_pct(&g->rng, 12)) {
		/* A greeting sent on its own loses its comma. */
		say(g, c, NULL, pick_greeting(g, c, c->bk->greet, t, 0));
		strip_comma(&g->text);
		emit_customer(g, c, t, I_OTHER);
		t += rng_range(&g->rng, 8, 90);
		write_opening(g, c, t, ask->q, 0);
	} else
		write_opening(g, c, t, ask->q, rng_pct(&g->rng, 65));
	emit_customer(g, c, t, c->intent);
	if ((c->ch == CH_SHOP || c->ch == CH_WHATSAPP || c->ch == CH_SHOPEE) &&
	    rng_pct(&g->rng, 55))
		emit_bot(g, c, t + rng_range(&g->rng, 1, 4));
	return t;
}

/* Nobody answers: the buyer chases, and now and then leaves one star. */
static void
unanswered(struct gen *g, struct conv *c, int64_t sent)
{
	chase(g, c, sent, sent + rng_range(&g->rng, 3 * HOUR, 3 * DAY));
	if (rng_pct(&g->rng, 15))
		emit_rating(g, c, sent + rng_range(&g->rng, 2 * DAY, 6 * DAY), 1);
}

/* A customer line, chasers while it waits, the agent's answer to it.
 * Returns the time of the answer. */
static int64_t
exchange(struct gen *g, struct conv *c, const struct qa *qa, int64_t sent,
    enum intent truth)
{
	int64_t t;
	int who;

	say(g, c, NULL, qa->q);
	emit_customer(g, c, sent, truth);
	t = agent_reply(g, c, sent, &who);
	chase(g, c, sent, t);
	c->agent = who;
	write_agent(g, c, who, t, qa->a, NO_HELLO);
	emit_agent(g, c, t, who);
	return t;
}

/* 0-3 more turns on the topic of the first question. */
static int64_t
follow_ups(struct gen *g, struct conv *c, const struct qa *ask, int64_t t)
{
	static const struct band pause[] = {
		{ 40, MIN, 10 * MIN }, { 25, 10 * MIN, HOUR },
		{ 20, HOUR, 8 * HOUR }, { 15, 8 * HOUR, 30 * HOUR }
	};
	int rounds = rng_weighted(&g->rng, (const int[]){ 35, 35, 20, 10 }, 4);
	const struct qa *qa;

	for (int r = 0; r < rounds; r++) {
		if ((qa = pick_qa(g, c, c->bk->more[c->intent],
		    QA_TOPIC(ask))) == NULL)
			break;	/* nothing more to say on this topic */
		t = awake(g, c, t + BAND(&g->rng, pause));
		t = exchange(g, c, qa, t, QA_LABEL(qa, c->intent));
	}
	return t;
}

/* Half the buyers say thanks; a third of those get a goodbye. */
static int64_t
thank(struct gen *g, struct conv *c, int64_t t)
{
	int who;

	if (!rng_pct(&g->rng, 50))
		return t;
	t = awake(g, c, t + rng_range(&g->rng, MIN, 40 * MIN));
	say(g, c, NULL, pick_buyer(g, c, c->bk->thanks));
	emit_customer(g, c, t, I_OTHER);
	if (rng_pct(&g->rng, 35)) {
		t = agent_reply(g, c, t, &who);
		c->agent = who;
		write_agent(g, c, who, t, pick_bye(g, c), NO_HELLO);
		emit_agent(g, c, t, who);
	}
	return t;
}

/*
 * Resolved (mostly), rated (often when resolved), and after a sale now
 * and then reopened and resolved again.  Returns the last instant.
 */
static int64_t
close_chat(struct gen *g, struct conv *c, int64_t t, int64_t frt)
{
	int resolved = rng_pct(&g->rng, 80);
	int64_t done = t + rng_range(&g->rng, 2 * MIN, 4 * HOUR);
	const struct qa *qa;

	if (resolved)
		emit_status(g, c, done, "resolved", c->agent);
	if (rng_pct(&g->rng, resolved ? 45 : 10)) {
		/* Two draws: one statement each, so the order is fixed. */
		int score = rating_score(g, c, frt);
		emit_rating(g, c, done + rng_range(&g->rng, 5 * MIN,
		    36 * HOUR), score);
	}
	if (resolved && post_sale(c->intent) && rng_pct(&g->rng, 9) &&
	    (qa = pick_qa(g, c, c->bk->reopen, -1)) != NULL) {
		int64_t sent = awake(g, c, done + rng_range(&g->rng, DAY,
		    6 * DAY));

		/* the message first, then the status it causes */
		say(g, c, NULL, qa->q);
		emit_customer(g, c, sent, c->intent);
		emit_status(g, c, sent, "reopened", -1);
		t = agent_reply(g, c, sent, &c->agent);
		write_agent(g, c, c->agent, t, qa->a, NO_HELLO);
		emit_agent(g, c, t, c->agent);
		emit_status(g, c, t + rng_range(&g->rng, 5 * MIN, 3 * HOUR),
		    "resolved", c->agent);
	}
	return t;
}

/* Questions before buying turn into orders, some of them. */
static void
convert(struct gen *g, struct conv *c, int64_t t)
{
	static const struct band later[] = {
		{ 50, 5 * MIN, 3 * HOUR }, { 35, 3 * HOUR, 3 * DAY },
		{ 15, 3 * DAY, 12 * DAY }
	};

	if (post_sale(c->intent) || !rng_pct(&g->rng,
	    c->intent == I_PRODUCT ? 40 : c->intent == I_DISCOUNT ? 35 : 10))
		return;
	make_order_id(g, c, t);
	emit_order(g, c, t + BAND(&g->rng, later), 1);
}

/*
 * One conversation, all its events queued; every event is at or after t0.
 * A conversation whose chat starts before the window is dropped (its order
 * may have been placed, unseen, before the window too).
 */
static void
gen_conversation(struct gen *g, int64_t t0)
{
	struct conv c;
	const struct qa *ask;
	int64_t start, sent, reply;
	int who;

	conv_init(g, &c, t0);
	ask = pick_qa(g, &c, c.bk->ask[c.intent], -1);	/* never NULL */
	start = t0;
	if (post_sale(c.intent)) {
		if (c.intent != I_PAYMENT || rng_pct(&g->rng, 60))
			if (rng_pct(&g->rng, 85))
				emit_order(g, &c, t0, 0);
		start += order_lead(g, c.intent);
	} else
		c.carry_order = 0;
	start = awake(g, &c, start);
	if (start < g->floor)
		return;
	g->written++;

	sent = open_chat(g, &c, ask, start);
	if (rng_pct(&g->rng, 6)) {
		unanswered(g, &c, sent);
		return;
	}
	reply = agent_reply(g, &c, sent, &who);
	chase(g, &c, sent, reply);
	c.agent = c.first_agent = who;
	write_agent(g, &c, who, reply, ask->a, reply - sent > 12 * HOUR ?
	    HELLO_LATE : HELLO);
	emit_agent(g, &c, reply, who);

	convert(g, &c, close_chat(g, &c, thank(g, &c, follow_ups(g, &c, ask,
	    reply)), reply - start));
}

/* ---- checks, options, main ------------------------------------------- */

static int
list_ok(const char *const *l)
{
	return l != NULL && l[0] != NULL;
}

/* A list with a phrase for any hour and month, so that pick_greeting and
 * pick_seasonal end. */
static int
unmarked_ok(const char *const *l)
{
	for (size_t i = 0; l != NULL && l[i]; i++)
		if (!strchr("<=>*!%", l[i][0]))
			return 1;
	return 0;
}

/* Pairs present, and one that fits any product among them, so the first
 * pick_qa of a conversation always finds one. */
static int
qa_ok(const struct qa *l)
{
	for (size_t i = 0; l != NULL && l[i].q; i++)
		if (l[i].a == NULL)
			return 0;
	for (size_t i = 0; l != NULL && l[i].q; i++)
		if (strcspn(l[i].q, "^~@+-") >= strspn(l[i].q, MARKS))
			return 1;
	return 0;
}

/* A phrase for either kind of buyer, so that pick_buyer ends. */
static int
buyer_ok(const char *const *l)
{
	int f = 0, m = 0;

	for (size_t i = 0; l != NULL && l[i]; i++) {
		size_t n = strspn(l[i], MARKS);
		int plus = memchr(l[i], '+', n) != NULL;
		int minus = memchr(l[i], '-', n) != NULL;

		f |= !minus;
		m |= !plus;
	}
	return f && m;
}

/* Every list present and non-empty, names few enough for a byte. */
static int
bank_check(const struct bank *b)
{
	int ok = b->sep && list_ok(b->first_names) &&
	    list_ok(b->last_names) && list_ok(b->colours) &&
	    unmarked_ok(b->greet) && buyer_ok(b->close) && unmarked_ok(b->urgent) &&
	    list_ok(b->angry) && list_ok(b->chase) &&
	    unmarked_ok(b->chase_angry) && buyer_ok(b->thanks) &&
	    qa_ok(b->reopen) && list_ok(b->bot) && unmarked_ok(b->agent_hello) &&
	    unmarked_ok(b->agent_bye) && list_ok(b->sign);

	for (int i = 0; ok && i < N_INTENT; i++)
		ok = qa_ok(b->ask[i]) && b->more[i] != NULL &&
		    b->more[i][0].q != NULL;
	return ok && list_len(b->first_names) < 256 &&
	    list_len(b->last_names) < 256;
}

static const char usage_text[] =
    "usage: gen-chatlog [-n lines] [-c conversations] [-s seed] [-r per-day]\n"
    "                   [--start RFC3339] [--end RFC3339] [--labelled]\n";

static noreturn void
usage(void)
{
	fputs(usage_text, stderr);
	exit(CS_EXIT_USAGE);
}

static void
help(void)
{
	fputs(usage_text, stdout);
	fputs("\n"
	    "Writes a synthetic customer-service chat log as cskit events\n"
	    "(JSON Lines, sorted by ts) to standard output.  The same options\n"
	    "give the same bytes on every machine.\n"
	    "\n"
	    "  -n, --lines N          stop after N events (default 1000 unless\n"
	    "                         -c or --end bounds the output)\n"
	    "  -c, --conversations N  write N conversations, whole\n"
	    "  -s, --seed N           seed of the random stream (default 1)\n"
	    "  -r, --rate N           new conversations per day (default 300,\n"
	    "                         at most 5000)\n"
	    "      --start TIME       first instant (default 2026-09-01T00:00:00Z)\n"
	    "      --end TIME         stop before this instant, like an export\n"
	    "                         (conversations open then are cut)\n"
	    "      --labelled         add the true \"intent\" to customer messages\n"
	    "  -h, --help             this text\n"
	    "  -V, --version          the version\n", stdout);
}

static uint64_t
number_arg(const struct diag *d, const char *opt, const char *s, uint64_t max)
{
	char *end;
	unsigned long long v;

	if (*s < '0' || *s > '9')
		diag_usage(d, "%s: not a number: %s", opt, s);
	errno = 0;
	v = strtoull(s, &end, 10);
	if (*end || errno == ERANGE || v > max)
		diag_usage(d, "%s: bad value: %s", opt, s);
	return v;
}

/* Gap to the next conversation: roughly exponential around the mean
 * (a Poisson stream), in integer steps. */
static int64_t
arrival_gap(struct gen *g, int64_t mean)
{
	static const struct band per_mille[] = {
		{ 39, 5, 500 }, { 24, 500, 1000 }, { 23, 1000, 2000 },
		{ 11, 2000, 4000 }, { 3, 4000, 7000 },
	};

	return mean * BAND(&g->rng, per_mille) / 1140;
}

#define WARM_UP	(40 * DAY)	/* longer than any order-to-chat lead */

/*
 * Write up to `lines` events before `end`, of at most `convs` conversations
 * (0: any number).  An event can only be written once no conversation yet
 * to come can precede it, so conversations are generated while the next
 * arrival is not after the earliest queued event.  Generation starts
 * WARM_UP before g->floor (writing nothing before it) so the log opens in a
 * steady state: chats about earlier orders, buyers already known.
 */
static void
generate(struct gen *g, struct out *out, int64_t mean, int64_t end,
    uint64_t convs, uint64_t lines)
{
	int64_t next = g->floor - WARM_UP;
	uint64_t written = 0;

	while (written < lines) {
		while ((convs == 0 || g->written < convs) && next < end &&
		    (g->heap.n == 0 || next <= g->heap.v[0].t)) {
			gen_conversation(g, next);
			next += arrival_gap(g, mean);
		}
		if (g->heap.n == 0 || g->heap.v[0].t >= end)
			break;
		struct pending p = heap_pop(&g->heap);
		out_write(out, p.line, p.len);
		free(p.line);
		written++;
	}
}
/*
 * Chats about an order start up to 35 days after it and are held, written
 * out, until then: memory is about rate x 35 days of conversations
 * (10 MB at the default 300 a day, ~140 MB at this cap).
 */
#define MAX_RATE 5000

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "lines", required_argument, NULL, 'n' },
		{ "conversations", required_argument, NULL, 'c' },
		{ "seed", required_argument, NULL, 's' },
		{ "rate", required_argument, NULL, 'r' },
		{ "start", required_argument, NULL, 'S' },
		{ "end", required_argument, NULL, 'E' },
		{ "labelled", no_argument, NULL, 'L' },
		{ "labeled", no_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static struct gen g;	/* large: the customer ring */
	struct ts_parser tp = { NULL, { NULL } };
	struct diag d;
	struct out out;
	uint64_t lines = 0, convs = 0, rate;
	int64_t mean, end = INT64_MAX;
	int lines_given = 0;
	cs_time start, stop;
	const char *why;
	int ch;

	diag_init(&d, "gen-chatlog");
	ts_parse(&tp, "2026-09-01T00:00:00Z", &start, &why);
	mean = DAY / 300;
	g.rng = 1;
	for (int i = 0; i < TS_DAYS; i++)
		g.ts_days[i].day = INT64_MIN;
	while ((ch = getopt_long(argc, argv, "n:c:s:r:hV", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'n':
			lines = number_arg(&d, "-n", optarg, UINT64_MAX / 2);
			lines_given = 1;
			break;
		case 'c':
			convs = number_arg(&d, "-c", optarg, UINT64_MAX / 2);
			if (convs == 0)
				diag_usage(&d, "-c: must be at least 1");
			break;
		case 's':
			g.rng = number_arg(&d, "-s", optarg, UINT64_MAX);
			break;
		case 'r':
			rate = number_arg(&d, "-r", optarg, MAX_RATE);
			if (rate == 0)
				diag_usage(&d, "-r: must be at least 1");
			mean = DAY / (int64_t)rate;
			break;
		case 'S':
			if (ts_parse(&tp, optarg, &start, &why) != 0)
				diag_usage(&d, "--start: not an RFC 3339 time: "
				    "%s", optarg);
			break;
		case 'E':
			if (ts_parse(&tp, optarg, &stop, &why) != 0)
				diag_usage(&d, "--end: not an RFC 3339 time: "
				    "%s", optarg);
			end = civil_floor_div(stop, 1000);
			break;
		case 'L':
			g.labelled = 1;
			break;
		case 'h':
			help();
			return CS_EXIT_OK;
		case 'V':
			puts("gen-chatlog " CSKIT_VERSION);
			return CS_EXIT_OK;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	/* -n 1000 unless the output is bounded otherwise */
	if (!lines_given)
		lines = convs || end != INT64_MAX ? UINT64_MAX : 1000;
	for (int i = 0; i < N_LANG; i++)
		if (!bank_check(banks[i]))
			diag_fatal(&d, CS_EXIT_SOFTWARE, "phrase bank %d is "
			    "incomplete", i);

	out_open(&out, STDOUT_FILENO, &d);
	g.floor = civil_floor_div(start, 1000);
	generate(&g, &out, mean, end, convs, lines);
	out_close(&out);
	while (g.heap.n)
		free(heap_pop(&g.heap).line);
	free(g.heap.v);
	buf_free(&g.line);
	buf_free(&g.text);
	return CS_EXIT_OK;
}
