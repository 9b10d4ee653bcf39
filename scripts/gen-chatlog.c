/*
 * gen-chatlog — a deterministic generator of customer-service chat logs in
 * the cskit event format (DESIGN.md), for demos and benchmarks.
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
 * struct slots).  A leading '^' restricts a phrase to wearable products
 * (clothes, shoes), a leading '~' to the others.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "json.h"
#include "out.h"
#include "ts.h"

#define L(...)	((const char *const[]){ __VA_ARGS__, NULL })
#define QA(...)	((const struct qa[]){ __VA_ARGS__, { NULL, NULL } })

enum lang { L_EN, L_DE, L_FR, L_ES, L_JA, L_PT, L_ZH, L_ID, N_LANG };

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

/* A customer's line and the agent's answer to it. */
struct qa {
	const char	*q, *a;
};

/* Everything said in one language; every list is NULL-terminated and
 * non-empty (bank_check() makes sure at start). */
struct bank {
	const char		*sep;		/* between sentences: " " or "" */
	enum address		 address;
	int			 family_first;	/* "王芳", "佐藤 美咲" */
	const char *const	*first_names;
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

enum kind { K_APPAREL, K_SHOES, K_GADGET, K_HOME };

struct product {
	enum kind	 kind;
	int		 usd_cents;
	const char	*name[N_LANG];
};

/* Names as the listing in each market shows them: en de fr es ja pt zh id. */
static const struct product products[] = {
	{ K_APPAREL, 3990, { "linen summer dress", "Leinenkleid",
	    "robe d'été en lin", "vestido de lino", "リネンワンピース",
	    "vestido de linho", "亚麻连衣裙", "dress linen" } },
	{ K_APPAREL, 7900, { "waterproof hiking jacket",
	    "wasserdichte Wanderjacke", "veste de randonnée imperméable",
	    "chaqueta impermeable de montaña", "防水マウンテンパーカー",
	    "jaqueta impermeável de trilha", "防水冲锋衣",
	    "jaket hiking anti air" } },
	{ K_SHOES, 5900, { "running shoes", "Laufschuhe",
	    "chaussures de running", "zapatillas de running",
	    "ランニングシューズ", "tênis de corrida", "跑步鞋",
	    "sepatu lari" } },
	{ K_SHOES, 8900, { "leather ankle boots", "Leder-Stiefeletten",
	    "bottines en cuir", "botines de piel", "レザーショートブーツ",
	    "bota de couro cano curto", "真皮短靴", "sepatu boots kulit" } },
	{ K_APPAREL, 3500, { "cotton hoodie", "Baumwoll-Hoodie",
	    "sweat à capuche en coton", "sudadera con capucha de algodón",
	    "コットンパーカー", "moletom de algodão com capuz", "纯棉连帽卫衣",
	    "hoodie katun" } },
	{ K_APPAREL, 2400, { "yoga leggings", "Yoga-Leggings",
	    "legging de yoga", "mallas de yoga", "ヨガレギンス",
	    "legging de ioga", "瑜伽裤", "legging yoga" } },
	{ K_GADGET, 2900, { "wireless earbuds", "kabellose Ohrhörer",
	    "écouteurs sans fil", "auriculares inalámbricos",
	    "ワイヤレスイヤホン", "fone de ouvido sem fio", "无线蓝牙耳机",
	    "earbuds wireless" } },
	{ K_GADGET, 6900, { "smart watch", "Smartwatch", "montre connectée",
	    "reloj inteligente", "スマートウォッチ", "relógio inteligente",
	    "智能手表", "jam tangan pintar" } },
	{ K_GADGET, 1200, { "phone case", "Handyhülle", "coque de téléphone",
	    "funda de móvil", "スマホケース", "capinha de celular", "手机壳",
	    "casing HP" } },
	{ K_GADGET, 2500, { "10000 mAh power bank", "Powerbank 10000 mAh",
	    "batterie externe 10000 mAh", "batería externa de 10000 mAh",
	    "モバイルバッテリー 10000mAh", "carregador portátil 10000 mAh",
	    "10000毫安充电宝", "powerbank 10000 mAh" } },
	{ K_GADGET, 4500, { "electric toothbrush", "elektrische Zahnbürste",
	    "brosse à dents électrique", "cepillo de dientes eléctrico",
	    "電動歯ブラシ", "escova de dentes elétrica", "电动牙刷",
	    "sikat gigi elektrik" } },
	{ K_HOME, 2200, { "ceramic mug set", "Keramik-Tassenset",
	    "lot de tasses en céramique", "juego de tazas de cerámica",
	    "陶器マグカップセット", "jogo de canecas de cerâmica", "陶瓷马克杯套装",
	    "set mug keramik" } },
	{ K_HOME, 3200, { "LED desk lamp", "LED-Schreibtischlampe",
	    "lampe de bureau LED", "lámpara de escritorio LED",
	    "LEDデスクライト", "luminária de mesa LED", "LED台灯",
	    "lampu meja LED" } },
	{ K_HOME, 2700, { "kids' backpack", "Kinderrucksack", "sac à dos enfant",
	    "mochila infantil", "キッズリュック", "mochila infantil",
	    "儿童书包", "tas ransel anak" } },
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
	    "Hannah", "Kevin", "Lauren", "Ryan", "Oliver", "Charlotte"),
	.last_names = L("Johnson", "Miller", "Davis", "Wilson", "Taylor",
	    "Anderson", "Thomas", "Moore", "Martin", "Clark", "Lewis",
	    "Walker", "Hughes", "Evans", "Baker", "Turner"),
	.colours = L("black", "white", "navy", "beige", "olive green",
	    "pink", "grey"),
	.greet = L("Hi,", "Hello,", "Hi there,", "Good morning,", "Hello!",
	    "Hey,", "Dear seller,", "Hi team,"),
	.close = L("Thanks.", "Thank you!", "Please help.",
	    "Waiting for your reply.", "Thanks in advance.",
	    "Please let me know asap.", "Regards.", "Thx"),
	.ask = {
	[I_SHIPPING] = QA(
	    { "Where is my order {o}? It's been {d} days and nothing has arrived.",
	      "I'm sorry for the wait. I checked order {o}: the parcel (tracking {t}) has arrived in your country and is now with the local carrier. It should be delivered within 3-5 working days." },
	    { "The tracking for order {o} hasn't updated in {d} days. Is my package lost?",
	      "I understand the worry. The tracking for {t} only updates when the parcel is scanned at a sorting centre, so it can stay the same for a week during the flight. I've asked the carrier for an update and will get back to you within 48 hours." },
	    { "My package is stuck in customs. Do I need to pay import duties or will you handle it?",
	      "Sorry for the trouble. Import duties for your order are prepaid by us, so you don't need to pay anything. Customs clearance usually takes 2-5 working days; if they ask you for money, please tell us before paying." },
	    { "The tracking says delivered but I never got anything. Order {o}.",
	      "I'm sorry to hear that. Sometimes the courier leaves parcels with a neighbour or at a pickup point, could you check there first? If it's not there, I'll open a claim with the carrier and send you a replacement." },
	    { "When will you ship my {p}? I ordered {d} days ago and it still says processing.",
	      "Apologies for the delay. Your {p} left our warehouse today, the tracking number is {t}. It may take a day before the link shows the first scan." },
	    { "I got a letter from customs asking for an invoice for my parcel. What should I send them?",
	      "Thanks for letting us know. I've attached the commercial invoice for order {o} to this message, you can forward it to customs as it is. If they need anything else, just tell me." },
	    { "Can you give me a tracking number for order {o}? The link in the email doesn't work.",
	      "Of course! Your tracking number is {t}. You can check it on the carrier's site; the link in the email will work once the parcel has its first scan." },
	    { "Your site said delivery in 7-10 days, it's now day {d}. Where is my {p}?",
	      "I'm really sorry, there are delays with our carrier at the moment. Your parcel {t} is on its way and should arrive within a week. If it doesn't, we'll reship it or refund you, whichever you prefer." }),
	[I_RETURN] = QA(
	    { "^I'd like to return the {p}, it's too small. How do I send it back?",
	      "Of course. Please send it back within 30 days, unworn and with the tags on. I'll email you a prepaid return label; just put the order number {o} inside the parcel." },
	    { "^Can I exchange the {p} for a size {s}? The one I got doesn't fit.",
	      "No problem, exchanges are free. I've reserved the {p} in size {s} for you and will send you a return label for the old one; the new one ships as soon as the return is scanned." },
	    { "How do I return an item? I don't see a return label in the package.",
	      "You don't need a label from the parcel: I've just emailed you a prepaid return label for order {o}. Print it, stick it on the box and drop it at any post office." },
	    { "Who pays for return shipping? The {p} is not what I expected.",
	      "I'm sorry the {p} didn't meet your expectations. Returns are free for you; I'll send the prepaid label by email, and the refund follows once the parcel reaches us." },
	    { "I want to send back order {o}, it's unused and still in the box.",
	      "Sure, thanks for letting us know. I've created the return for order {o} and emailed you the label. The refund is issued within 3 working days after we receive it." },
	    { "~The {p} doesn't work with my phone, can I return it for a different model?",
	      "Sorry about that! Yes, you can exchange it. Could you tell me your phone model? I'll check which version fits and send you a free return label." }),
	[I_REFUND] = QA(
	    { "I returned the {p} {d} days ago and still haven't received my refund.",
	      "I'm sorry for the delay. I checked and your return reached our warehouse; the refund of {m} was issued today. Depending on your bank it takes 3-7 working days to show up." },
	    { "When will I get my money back for order {o}?",
	      "Thanks for your patience. The refund for order {o} is approved and will be sent within 2 working days. You'll get a confirmation email as soon as it's done." },
	    { "You said you would refund me but I only got part of the money. I paid {m}.",
	      "I'm sorry for the confusion. The first payment was for the item only, the shipping cost is refunded separately. I've just sent the rest, you'll see it in a few days." },
	    { "The refund hasn't shown up on my card yet. It's been {d} days.",
	      "I understand, that's a long wait. On our side the refund was completed, so it's now with your bank. If it isn't there in 3 more days, please send me a screenshot of your statement and I'll ask our payment provider for a trace." },
	    { "I cancelled order {o} before it shipped, please refund me.",
	      "Sorry that this wasn't done automatically. I've refunded order {o} in full just now, you'll get a confirmation email shortly." },
	    { "Can I get a refund instead of a replacement? I don't want the {p} anymore.",
	      "Of course, that's no problem. I've cancelled the replacement and issued a full refund of {m} to your original payment method." }),
	[I_PAYMENT] = QA(
	    { "My card keeps getting declined at checkout but it works everywhere else.",
	      "Sorry for the trouble! Declines at checkout usually come from the bank's security check on foreign payments. Could you try again after approving it in your banking app, or use PayPal?" },
	    { "I was charged twice for order {o}! Please refund the extra {m}.",
	      "I'm sorry about this. The second charge is a pending authorisation that will be released automatically within 5 working days. If it's still there after that, I'll refund it manually right away." },
	    { "Can I pay with PayPal? I don't see the option.",
	      "Yes, we accept PayPal. The option appears on the last step of checkout, after you enter your address. If you still can't see it, please tell me which browser you use." },
	    { "The payment failed but the money was taken from my account.",
	      "I understand, that's worrying. When a payment fails the bank only holds the amount for a few days and then releases it; nothing has been charged on our side. If the money doesn't come back within a week, let me know." },
	    { "I need an invoice with VAT for order {o} for my company.",
	      "Sure! Please send me your company name, address and VAT number and I'll email you the invoice for order {o} today." },
	    { "Why was I charged {m}? The price on the page was lower.",
	      "Thanks for asking. The difference is the shipping fee and the import tax, which are added on the last checkout step. I'm sorry if that wasn't clear." }),
	[I_COMPLAINT] = QA(
	    { "The {p} arrived broken. The box was completely crushed.",
	      "I'm really sorry the {p} arrived like this. Could you send us a photo of the item and the box? Then we'll send a replacement or a full refund, whichever you prefer." },
	    { "I received the wrong item. I ordered the {p} in {c} and got a different colour.",
	      "I apologise for the mix-up. I've arranged for the {p} in {c} to be sent today at no cost. You can keep the other one or give it away, no need to return it." },
	    { "~The {p} stopped working after {d} days. Very disappointed.",
	      "I'm sorry to hear that. It's covered by our 12-month warranty. Could you send a short video showing the problem? Then I'll send you a new one right away." },
	    { "^The seam on the {p} is already coming loose after one wash.",
	      "So sorry about that, it shouldn't happen. Could you send a photo or a short video of the seam? We'll then send you a new one or refund you in full." },
	    { "The colour of the {p} looks nothing like the photos on your page.",
	      "I'm sorry it's not what you expected. Colours can look different on screens, but we want you to be happy: you can return it for free or keep it with a 30% refund. Which do you prefer?" },
	    { "~One part of the {p} doesn't fit, the clip is too small and won't close.",
	      "Thank you for telling us. Could you send a short video of the clip when you try to close it? That helps our factory check the batch, and we'll send you a replacement part for free." },
	    { "Half of my order is missing. I only got one package but paid for two items.",
	      "Sorry for the confusion. Your order was shipped in two parcels; the second one is on its way with tracking {t}. If it hasn't arrived in 5 days, I'll resend it." },
	    { "The courier left my parcel outside in the rain and the {p} is damaged.",
	      "I'm so sorry, that's not acceptable from the courier. Please send me a photo of the damage and I'll send you a new {p} and report the driver to the carrier." }),
	[I_PRODUCT] = QA(
	    { "^Does the {p} run true to size? I usually wear {s}.",
	      "Thanks for your interest! The {p} runs true to size, so {s} should be right for you. If it doesn't fit, exchanges are free." },
	    { "What material is the {p} made of?",
	      "Good question! The {p} is made of durable, skin-friendly material, and the full details are on the product page under 'Specifications'. It comes with a 12-month warranty." },
	    { "Is the {p} in stock in {c}? The page says sold out.",
	      "The {p} in {c} will be back in stock in about 2 weeks. I can send you a message as soon as it's available if you like." },
	    { "~Is the {p} compatible with iPhone 15?",
	      "Yes, the {p} works with iPhone 15 and with all recent Android phones." },
	    { "~Is the {p} waterproof? I want to use it outside.",
	      "The {p} is splash-proof (IPX4), so rain is fine, but it shouldn't be put under water." },
	    { "^I'm between {s} and the next size up for the {p}, which would you recommend?",
	      "The {p} is cut slightly slim, so I'd recommend the bigger size if you're in between. You can also send me your height and weight and I'll check the size chart for you." },
	    { "When will the {p} be back in stock?",
	      "We expect a new batch of the {p} in about 10 days. Shall I let you know when it's back?" }),
	[I_DISCOUNT] = QA(
	    { "Do you have any discount code for first-time buyers?",
	      "Welcome! You can use the code {x} for 10% off your first order." },
	    { "The code {x} doesn't work at checkout, it says invalid.",
	      "Sorry the code didn't work, it has expired. Here is a new one for 10% off your order: THANKYOU." },
	    { "I bought the {p} and a day later the price dropped. Can you refund the difference?",
	      "I understand, that's annoying. We can't change the price of an order already placed, but as a gesture I've added the difference as store credit to your account." },
	    { "Is there a discount if I buy 3 of the {p}?",
	      "Yes! When you buy 3 or more, 15% off is applied automatically at checkout." },
	    { "I forgot to use my coupon {x} on order {o}, can you still apply it?",
	      "No worries, I've applied the coupon {x} to order {o} and refunded the difference to your payment method." },
	    { "Will the {p} be on sale for Black Friday?",
	      "We can't share the Black Friday prices yet, but newsletter subscribers get them a day early. You can sign up at the bottom of our homepage." }),
	[I_ORDER_CHANGE] = QA(
	    { "Please cancel my order {o}, I ordered by mistake.",
	      "Done! Order {o} is cancelled and the full amount will be refunded within 3-5 working days." },
	    { "I entered the wrong shipping address for order {o}. Can you change it?",
	      "Sure, please send me the full correct address and I'll update order {o} before it ships." },
	    { "^Can I change the size of the {p} to {s} before it ships?",
	      "Yes, I've changed the {p} to size {s}. Your order ships tomorrow as planned." },
	    { "Can I change the colour to {c}? Order {o} hasn't shipped yet.",
	      "I'm sorry, order {o} was handed to the carrier this morning, so we can't change it anymore. Once it arrives you can exchange it for {c} for free." },
	    { "I need to add one more {p} to my order, is that possible?",
	      "We can't add items to a paid order, but if you place a second order today I'll ship both together and refund the second shipping fee." },
	    { "Please update my phone number on order {o}, the courier can't reach me.",
	      "Of course, please send me the new number and I'll pass it on to the courier today." }),
	[I_ACCOUNT] = QA(
	    { "I can't log in to my account, the password reset email never arrives.",
	      "Sorry for the trouble! I've sent the reset email again manually; please also check your spam folder. The link is valid for 24 hours." },
	    { "Please delete my account and all my personal data.",
	      "Your request has been received. Your account and personal data will be deleted within 30 days, and you'll get a confirmation email when it's done." },
	    { "How do I change the email address on my account?",
	      "You can change it under 'My account' > 'Settings'. If that doesn't work, send me the new address and I'll change it for you." },
	    { "My account got locked after too many login attempts.",
	      "I've unlocked your account, you can try again now. If you don't remember the password, use 'Forgot password' on the login page." }),
	[I_OTHER] = QA(
	    { "Do you have a physical store I can visit?",
	      "Thanks for asking! We're an online shop only, but we ship worldwide and returns are free." },
	    { "Are you the manufacturer? I'm interested in buying wholesale.",
	      "Thanks for your interest! Yes, we work directly with our factory. I've forwarded your message to our wholesale team, they'll contact you within 2 working days." },
	    { "I run a small blog, would you be interested in a collaboration?",
	      "Thank you for thinking of us! I've passed your message to our marketing team, they'll get back to you if it's a fit." },
	    { "Do you ship to Canada as well?",
	      "Yes, we ship to Canada! Delivery usually takes 8-15 days." },
	    { "What are your opening hours?",
	      "Our customer service team answers Monday to Friday, 9:00-18:00 China time. Messages sent outside these hours are answered the next working day." }),
	},
	.more = {
	[I_SHIPPING] = QA(
	    { "Tracking still shows the same status, nothing has moved.",
	      "Thank you for checking. I've opened an investigation with the carrier. If the parcel doesn't move within 5 days, we'll reship it or refund you, your choice." },
	    { "I checked with my local post office and they have nothing.",
	      "Thanks for checking with them. I've contacted the carrier again and asked them to locate the parcel; I'll update you by tomorrow." },
	    { "Ok. Do I need to be at home for the delivery?",
	      "If nobody is home, the courier leaves a note and you can pick it up at the nearest post office." }),
	[I_RETURN] = QA(
	    { "It's unused and I still have the original packaging.",
	      "Perfect, thanks. Once the parcel reaches our warehouse we'll process your return within 3 working days." },
	    { "Ok, do I need to print the label myself?",
	      "Yes, please print the label from the email I sent you. If you don't have a printer, the post office can print it from the QR code." },
	    { "I sent it back today, here is the receipt.",
	      "Thank you! I can see the tracking. We'll let you know as soon as it arrives." }),
	[I_REFUND] = QA(
	    { "The tracking shows it was delivered to your warehouse last week.",
	      "Thanks, I can see it too. I've asked our finance team to process your refund with priority, you'll hear from us within 24 hours." },
	    { "I paid with my Visa card.",
	      "Thank you. The refund goes back to the same Visa card, usually within 5 working days." },
	    { "Still nothing on my account.",
	      "I'm sorry. I've asked our payment provider for the transaction reference so that your bank can trace it, and will send it to you today." }),
	[I_PAYMENT] = QA(
	    { "I tried two different cards, same error.",
	      "Thanks for trying. I've forwarded this to our payment team; in the meantime PayPal should work without problems." },
	    { "Here is a screenshot of my bank statement.",
	      "Thank you, I can see both charges. I've refunded the duplicate, it will be back on your account within 5 working days." },
	    { "Ok, I've sent you the company details.",
	      "Thanks, I've emailed you the invoice as a PDF. Please check your inbox." }),
	[I_COMPLAINT] = QA(
	    { "I attached photos of the damage.",
	      "Thank you for the photos. I've approved a full refund, you'll see it in 3-5 working days. No need to send the item back." },
	    { "Here is a short video of the problem.",
	      "Thanks, that helps a lot. A replacement will be shipped tomorrow and I'll send you the tracking number." },
	    { "I want a replacement, not a coupon.",
	      "Of course. I've arranged a replacement, it ships within 2 working days." }),
	[I_PRODUCT] = QA(
	    { "^I'm 170 cm and about 65 kg.",
	      "Thanks! For your measurements I'd choose size M." },
	    { "Thanks, and how long does delivery take to my country?",
	      "Delivery usually takes 7-12 days, with tracking." },
	    { "Ok, and is there a warranty?",
	      "Yes, every product has a 12-month warranty." }),
	[I_DISCOUNT] = QA(
	    { "I signed up for the newsletter but never got the code.",
	      "Sorry about that, I've sent the code to your email again. It's valid for 30 days." },
	    { "Can it be combined with free shipping?",
	      "Yes, the discount and free shipping can be combined." },
	    { "Ok, can you send me the link?",
	      "Here you go, I've sent the link to your email." }),
	[I_ORDER_CHANGE] = QA(
	    { "The correct address is 42 Maple Street, apartment 3B.",
	      "Thank you, I've updated the address. The order will ship to 42 Maple Street, apartment 3B." },
	    { "Yes please, as soon as possible.",
	      "Done, the change is confirmed." },
	    { "Ok, I'll place the second order now.",
	      "Great, I'll make sure both are packed together." }),
	[I_ACCOUNT] = QA(
	    { "I registered with my Gmail address.",
	      "Thanks, I found your account. The reset email is on its way to your Gmail address." },
	    { "I already tried that twice, it doesn't work.",
	      "Sorry about that. I've set a temporary password and sent it to your email; please change it after logging in." }),
	[I_OTHER] = QA(
	    { "Ok, thanks for the info.",
	      "You're welcome! Let me know if there's anything else." },
	    { "Could you send me your catalogue?",
	      "Sure, I've sent our current catalogue to your email." }),
	},
	.urgent = L("It's a birthday present for Saturday!",
	    "I need it before Christmas, it's a gift.",
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
	    "Seriously, I've been waiting for days. Answer me!"),
	.thanks = L("Ok thank you!", "Great, thanks for the quick help.",
	    "Perfect, thanks!", "ok", "Thanks, have a nice day.",
	    "Alright, I'll wait then. Thanks.", "thank you so much!!"),
	.reopen = QA(
	    { "Hi again, I still have the same problem with order {o}.",
	      "I'm sorry it's still not solved. I've escalated your case to my team lead and will get back to you today." },
	    { "Sorry to bother you again, but nothing has changed.",
	      "Not a bother at all, sorry for the trouble. I've checked again and am sending you a replacement today." },
	    { "You said it would be solved but it's still not. What now?",
	      "You're right, and I apologise. I've issued a full refund so you don't have to wait any longer." }),
	.bot = L("Thanks for your message! An agent will get back to you as soon as possible. Our team works Monday to Friday, 9:00-18:00 China time.",
	    "Hi! We've received your message and will reply within 24 hours. For order status you can also check the tracking link in your confirmation email."),
	.agent_hello = L("Hi {n},", "Hello {n},", "Dear {n},",
	    "Hi {n}, thank you for reaching out."),
	.agent_bye = L("You're welcome! Have a great day.",
	    "Happy to help! Don't hesitate to contact us again.",
	    "Thanks for your patience, and sorry again for the trouble."),
	.sign = L("\n\nBest regards,\n{a}\nCustomer Service",
	    "\n\nKind regards,\n{a}"),
};

/* @@BANKS@@ */

static const struct bank *const banks[N_LANG] = {
	[L_EN] = &bank_en, [L_DE] = &bank_en, [L_FR] = &bank_en,
	[L_ES] = &bank_en, [L_JA] = &bank_en, [L_PT] = &bank_en,
	[L_ZH] = &bank_en, [L_ID] = &bank_en,
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
	Z_SINGAPORE, Z_JAKARTA
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
	int64_t d = m == 12 ? ts_days_from_civil(y + 1, 1, 1) - 1 :
	    ts_days_from_civil(y, m + 1, 1) - 1;

	return d - (ts_weekday(d) + 1) % 7;
}

static int64_t
first_sunday(int64_t y, int m)
{
	int64_t d = ts_days_from_civil(y, m, 1);

	return d + (6 - ts_weekday(d)) % 7;
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
	ts_civil_from_days(ts_floor_div(t, DAY), &y, &m, &d);
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

	ts_civil_from_days(day, &y, &m, &d);
	for (size_t i = 0; i < n; i++)
		if (h[i] == m * 100 + d || h[i] == y * 10000 + m * 100 + d)
			return 1;
	return 0;
}

/* The first instant >= t at which agent a is on shift. */
static int64_t
agent_next_on(const struct agent *a, int64_t t)
{
	int base = zone_offset(a->zone, t);
	int64_t day0 = ts_floor_div(t + base, DAY);

	for (int64_t day = day0; day < day0 + 30; day++) {
		int off = zone_offset(a->zone, day * DAY + 12 * HOUR - base);
		int64_t start = day * DAY + a->start_min * MIN - off;
		int64_t end = day * DAY + a->end_min * MIN - off;

		if (ts_weekday(day) >= 5 || is_holiday(a->cal, day) || t >= end)
			continue;
		return t > start ? t : start;
	}
	return t + 30 * DAY;
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

struct customer {
	uint64_t	 id;
	uint8_t		 market, zone, first, last;
	uint8_t		 channel;
	uint8_t		 locate;	/* 0 tz, 1 country, 2 both */
	uint16_t	 orders;
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
	int64_t		 ts_day;	/* the day in ts_cache */
	char		 ts_cache[32];
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

/* Does the phrase suit the product (its '^' / '~' mark)? */
static int
phrase_fits(const char *s, const struct product *p)
{
	return (*s != '^' || wearable(p)) && (*s != '~' || !wearable(p));
}

static size_t
qa_len(const struct qa *l)
{
	size_t n = 0;

	while (l[n].q)
		n++;
	return n;
}

/* A pair that suits the conversation's product, not yet said in it when
 * there is a choice. */
static const struct qa *
pick_qa(struct gen *g, struct conv *c, const struct qa *l)
{
	size_t n = qa_len(l), i = rng_below(&g->rng, (uint32_t)n);
	size_t k, u, fit = n;

	for (k = 0; k < n; k++, i = (i + 1) % n) {
		if (!phrase_fits(l[i].q, c->pr))
			continue;
		if (fit == n)
			fit = i;
		for (u = 0; u < c->nused && c->used[u] != &l[i]; u++)
			;
		if (u == c->nused)
			break;
	}
	if (k == n)
		i = fit;	/* < n: bank_check() */
	if (c->nused < sizeof c->used / sizeof c->used[0])
		c->used[c->nused++] = &l[i];
	return &l[i];
}

/* Append phrase s with its slots filled in. */
static void
render(struct buf *b, const char *s, const struct slots *sl)
{
	const char *v, *brace;

	if (*s == '^' || *s == '~')
		s++;
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

/* Append a sentence to the message being built, separated as the
 * language separates sentences. */
static void
say(struct gen *g, const struct conv *c, const char *sep, const char *s)
{
	if (g->text.len)
		buf_adds(&g->text, sep ? sep : c->bk->sep);
	render(&g->text, s, &c->sl);
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
lower_ascii(char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			s[i] = (char)(s[i] + 32);
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
 * most of the run time.
 */
static const char *
ts_text(struct gen *g, int64_t t)
{
	int64_t day = ts_floor_div(t, DAY), sod = t - day * DAY;
	char *p = g->ts_cache;

	if (day != g->ts_day) {
		struct buf b = BUF_INIT;

		ts_format_utc(day * DAY * 1000, &b);
		if (b.len >= sizeof g->ts_cache)
			abort();	/* not before year 0 or after 9999 */
		memcpy(p, b.data, b.len + 1);
		buf_free(&b);
		g->ts_day = day;
	}
	p = strchr(p, 'T') + 1;
	p[0] = (char)('0' + sod / 36000);
	p[1] = (char)('0' + sod / 3600 % 10);
	p[3] = (char)('0' + sod % 3600 / 600);
	p[4] = (char)('0' + sod % 600 / 60);
	p[6] = (char)('0' + sod % 60 / 10);
	p[7] = (char)('0' + sod % 10);
	return g->ts_cache;
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

static void
emit_order(struct gen *g, struct conv *c, int64_t t, int with_conversation)
{
	event_begin(g, c, "order", t, with_conversation);
	field_customer(g, c);
	field_str(&g->line, "customer_name", c->name);
	field_str(&g->line, "order_id", c->order_id);
	field_str(&g->line, "product", c->sl.product);
	field_amount(&g->line, c->amount, c->mk->decimals);
	field_str(&g->line, "currency", c->mk->currency);
	event_end(g, t);
	c->cu->orders++;
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
		ts_civil_from_days(ts_floor_div(t, DAY), &y, &m, &d);
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
	c->angry = rng_pct(&g->rng, c->intent == I_COMPLAINT ||
	    c->intent == I_REFUND || c->intent == I_SHIPPING ? 14 : 4);
	c->urgent = rng_pct(&g->rng, 7);
	c->agent = c->first_agent = -1;
	c->amount = local_price(c->mk, c->pr, rng_pct(&g->rng, 12) ? 2 : 1);
	format_money(c->money, sizeof c->money, c->mk, c->amount);
	make_order_id(g, c, t0);

	if (bk->family_first)
		snprintf(c->name, sizeof c->name, "%s%s%s",
		    bk->last_names[cu->last], c->mk->lang == L_JA ? " " : "",
		    bk->first_names[cu->first]);
	else
		snprintf(c->name, sizeof c->name, "%s %s",
		    bk->first_names[cu->first], bk->last_names[cu->last]);
	snprintf(c->address, sizeof c->address, "%s",
	    bk->address == ADDR_FIRST ? bk->first_names[cu->first] :
	    bk->address == ADDR_LAST ? bk->last_names[cu->last] : c->name);

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
write_opening(struct gen *g, struct conv *c, const char *body, int greet)
{
	const struct bank *bk = c->bk;
	const char *nl = c->ch == CH_EMAIL ? "\n\n" : NULL, *hi = NULL;
	size_t body_at;
	char *first;

	if (greet)
		say(g, c, NULL, hi = rng_pick(&g->rng, bk->greet));
	body_at = g->text.len;
	say(g, c, nl, body);
	/* "Hi, where is…": after a comma in a chat the sentence goes on in
	 * lower case (not "I", not German nouns). */
	first = g->text.data + body_at + (hi ? strlen(nl ? nl : bk->sep) : 0);
	if (hi && !nl && hi[strlen(hi) - 1] == ',' && c->mk->lang != L_DE &&
	    first[0] >= 'A' && first[0] <= 'Z' && first[1] >= 'a' &&
	    first[1] <= 'z')
		first[0] = (char)(first[0] + 32);
	if (c->urgent)
		say(g, c, NULL, rng_pick(&g->rng, bk->urgent));
	if (c->angry) {
		say(g, c, NULL, rng_pick(&g->rng, bk->angry));
		if (latin_script(c) && rng_pct(&g->rng, 30))
			shout(g->text.data + body_at, g->text.len - body_at);
	} else if (rng_pct(&g->rng, 50))
		say(g, c, nl, rng_pick(&g->rng, bk->close));
	if (latin_script(c) && !c->angry && rng_pct(&g->rng, 10))
		lower_ascii(g->text.data, g->text.len);
}

/* An agent's message: greeting by name on the first reply, the content,
 * a signature on e-mail and marketplace messages. */
static void
write_agent(struct gen *g, struct conv *c, int agent, const char *content,
    int hello)
{
	const char *nl = c->ch == CH_EMAIL || c->ch == CH_AMAZON ? "\n\n" :
	    NULL;

	c->sl.agent = agents[agent].alias;
	if (hello)
		say(g, c, NULL, rng_pick(&g->rng, c->bk->agent_hello));
	say(g, c, hello ? nl : NULL, content);
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

/* When the team answers a message sent at t, and who. */
static int64_t
agent_reply(struct gen *g, struct conv *c, int64_t t, int *who)
{
	int64_t on[N_AGENTS], first = INT64_MAX, r;
	int w[N_AGENTS], a;

	for (a = 0; a < N_AGENTS; a++) {
		on[a] = agent_next_on(&agents[a], t);
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
	r = on[a] + (on[a] > t + MIN ? BAND(&g->rng, backlog_delay) :
	    BAND(&g->rng, reply_delay));
	if (!agent_on_at(&agents[a], r))
		r = agent_next_on(&agents[a], r) + rng_range(&g->rng, 2 * MIN,
		    40 * MIN);
	*who = a;
	return r;
}

/* Buyers write in their waking hours: a time in the small hours moves to
 * the morning, mostly. */
static int64_t
awake(struct gen *g, const struct conv *c, int64_t t)
{
	int off = zone_offset(c->cu->zone, t);
	int64_t local = t + off, sod = local - ts_floor_div(local, DAY) * DAY;

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

	for (int i = 1; i <= n; i++) {
		t = sent + gap * (int64_t)rng_range(&g->rng, 3 * i, 4 * i) / 10;
		say(g, c, NULL, rng_pick(&g->rng, t - sent > 12 * HOUR ?
		    c->bk->chase_angry : c->bk->chase));
		emit_customer(g, c, t, I_OTHER);
	}
}

static int
rating_score(struct gen *g, const struct conv *c, int64_t frt)
{
	static const int base[5] = { 7, 5, 9, 22, 57 };	/* 1..5 */
	int s = rng_weighted(&g->rng, base, 5) + 1;

	if (frt > 24 * HOUR)
		s -= 2;
	else if (frt > 4 * HOUR && rng_pct(&g->rng, 50))
		s--;
	if ((c->intent == I_COMPLAINT || c->angry) && rng_pct(&g->rng, 40))
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

static int
post_sale(enum intent in)
{
	return in == I_SHIPPING || in == I_RETURN || in == I_REFUND ||
	    in == I_COMPLAINT || in == I_ORDER_CHANGE ||
	    (in == I_PAYMENT);
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
	int64_t t = t0, start, sent, reply, frt = 0, done;
	int who = -1, rounds, resolved, answered;
	const struct qa *qa;

	conv_init(g, &c, t0);
	qa = pick_qa(g, &c, c.bk->ask[c.intent]);
	if (post_sale(c.intent)) {
		if (c.intent != I_PAYMENT || rng_pct(&g->rng, 60))
			if (rng_pct(&g->rng, 85))
				emit_order(g, &c, t0, 0);
		t += order_lead(g, c.intent);
	} else
		c.carry_order = 0;
	start = sent = t = awake(g, &c, t);
	if (start < g->floor)
		return;
	g->written++;

	if (rng_pct(&g->rng, c.ch == CH_EMAIL ? 70 : 15))
		emit_status(g, &c, t, "open", -1);
	if (c.ch != CH_EMAIL && rng_pct(&g->rng, 12)) {
		say(g, &c, NULL, rng_pick(&g->rng, c.bk->greet));
		emit_customer(g, &c, t, I_OTHER);
		sent = t += rng_range(&g->rng, 8, 90);
		write_opening(g, &c, qa->q, 0);
	} else
		write_opening(g, &c, qa->q, rng_pct(&g->rng, 65));
	emit_customer(g, &c, t, c.intent);
	if ((c.ch == CH_SHOP || c.ch == CH_WHATSAPP || c.ch == CH_SHOPEE) &&
	    rng_pct(&g->rng, 55))
		emit_bot(g, &c, t + rng_range(&g->rng, 1, 4));

	answered = !rng_pct(&g->rng, 6);
	if (!answered) {
		chase(g, &c, sent, sent + rng_range(&g->rng, 3 * HOUR, 3 * DAY));
		if (rng_pct(&g->rng, 15))
			emit_rating(g, &c, t + rng_range(&g->rng, 2 * DAY,
			    6 * DAY), 1);
		return;
	}

	reply = agent_reply(g, &c, sent, &who);
	chase(g, &c, sent, reply);
	c.agent = c.first_agent = who;
	frt = reply - start;
	write_agent(g, &c, who, qa->a, 1);
	emit_agent(g, &c, reply, who);
	t = reply;

	rounds = rng_weighted(&g->rng, (const int[]){ 35, 35, 20, 10 }, 4);
	for (int r = 0; r < rounds; r++) {
		sent = t = awake(g, &c, t + BAND(&g->rng, ((const struct band[]){
		    { 40, MIN, 10 * MIN }, { 25, 10 * MIN, HOUR },
		    { 20, HOUR, 8 * HOUR }, { 15, 8 * HOUR, 30 * HOUR } })));
		qa = pick_qa(g, &c, c.bk->more[c.intent]);
		say(g, &c, NULL, qa->q);
		emit_customer(g, &c, t, c.intent);
		t = agent_reply(g, &c, sent, &who);
		chase(g, &c, sent, t);
		c.agent = who;
		write_agent(g, &c, who, qa->a, 0);
		emit_agent(g, &c, t, who);
	}
	if (rng_pct(&g->rng, 50)) {
		t = awake(g, &c, t + rng_range(&g->rng, MIN, 40 * MIN));
		say(g, &c, NULL, rng_pick(&g->rng, c.bk->thanks));
		emit_customer(g, &c, t, I_OTHER);
		if (rng_pct(&g->rng, 35)) {
			t = agent_reply(g, &c, t, &who);
			write_agent(g, &c, who, rng_pick(&g->rng, c.bk->agent_bye),
			    0);
			emit_agent(g, &c, t, who);
		}
	}

	resolved = rng_pct(&g->rng, 80);
	done = t + rng_range(&g->rng, 2 * MIN, 4 * HOUR);
	if (resolved)
		emit_status(g, &c, done, "resolved", c.agent);
	if (rng_pct(&g->rng, resolved ? 45 : 10)) {
		/* Two draws: one statement each, so the order is fixed. */
		int score = rating_score(g, &c, frt);
		emit_rating(g, &c, done + rng_range(&g->rng, 5 * MIN,
		    36 * HOUR), score);
	}
	if (resolved && rng_pct(&g->rng, 7)) {
		t = sent = awake(g, &c, done + rng_range(&g->rng, DAY, 6 * DAY));
		qa = pick_qa(g, &c, c.bk->reopen);
		say(g, &c, NULL, qa->q);
		emit_customer(g, &c, t, c.intent);
		emit_status(g, &c, t, "reopened", -1);
		t = agent_reply(g, &c, sent, &who);
		c.agent = who;
		write_agent(g, &c, who, qa->a, 0);
		emit_agent(g, &c, t, who);
		emit_status(g, &c, t + rng_range(&g->rng, 5 * MIN, 3 * HOUR),
		    "resolved", who);
	}
	/* Questions before buying turn into orders, some of them. */
	if (!post_sale(c.intent) && rng_pct(&g->rng,
	    c.intent == I_PRODUCT ? 40 : c.intent == I_DISCOUNT ? 35 : 10)) {
		c.ch = c.ch == CH_EMAIL || c.ch == CH_WHATSAPP ? CH_SHOP : c.ch;
		make_order_id(g, &c, t);
		emit_order(g, &c, t + BAND(&g->rng, ((const struct band[]){
		    { 50, 5 * MIN, 3 * HOUR }, { 35, 3 * HOUR, 3 * DAY },
		    { 15, 3 * DAY, 12 * DAY } })), 1);
	}
}

/* ---- checks, options, main ------------------------------------------- */

static int
list_ok(const char *const *l)
{
	return l != NULL && l[0] != NULL;
}

/* Pairs present, and one that fits any product among them, so pick_qa
 * always finds one. */
static int
qa_ok(const struct qa *l)
{
	for (size_t i = 0; l != NULL && l[i].q; i++)
		if (l[i].a == NULL)
			return 0;
	for (size_t i = 0; l != NULL && l[i].q; i++)
		if (l[i].q[0] != '^' && l[i].q[0] != '~')
			return 1;
	return 0;
}

/* Every list present and non-empty, names few enough for a byte. */
static int
bank_check(const struct bank *b)
{
	int ok = b->sep && list_ok(b->first_names) &&
	    list_ok(b->last_names) && list_ok(b->colours) &&
	    list_ok(b->greet) && list_ok(b->close) && list_ok(b->urgent) &&
	    list_ok(b->angry) && list_ok(b->chase) &&
	    list_ok(b->chase_angry) && list_ok(b->thanks) &&
	    qa_ok(b->reopen) && list_ok(b->bot) && list_ok(b->agent_hello) &&
	    list_ok(b->agent_bye) && list_ok(b->sign);

	for (int i = 0; ok && i < N_INTENT; i++)
		ok = qa_ok(b->ask[i]) && qa_ok(b->more[i]);
	return ok && list_len(b->first_names) < 256 &&
	    list_len(b->last_names) < 256;
}

static const char usage_text[] =
    "usage: gen-chatlog [-n lines | -c conversations] [-s seed] [-r per-day]\n"
    "                   [--start RFC3339] [--labelled]\n";

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
	    "  -n, --lines N          stop after N events (default 1000)\n"
	    "  -c, --conversations N  write N whole conversations instead\n"
	    "  -s, --seed N           seed of the random stream (default 1)\n"
	    "  -r, --rate N           new conversations per day (default 300)\n"
	    "      --start TIME       first instant (default 2026-09-01T00:00:00Z)\n"
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
	v = strtoull(s, &end, 10);
	if (*end || v > max)
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

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "lines", required_argument, NULL, 'n' },
		{ "conversations", required_argument, NULL, 'c' },
		{ "seed", required_argument, NULL, 's' },
		{ "rate", required_argument, NULL, 'r' },
		{ "start", required_argument, NULL, 'S' },
		{ "labelled", no_argument, NULL, 'L' },
		{ "labeled", no_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	static struct gen g;	/* large: the customer ring */
	struct ts_parser tp = { NULL, NULL };
	struct diag d;
	struct out out;
	uint64_t lines = 1000, convs = 0, written = 0, rate;
	int64_t next, mean;
	cs_time start;
	const char *why;
	int ch;

	diag_init(&d, "gen-chatlog");
	ts_parse(&tp, "2026-09-01T00:00:00Z", &start, &why);
	mean = DAY / 300;
	g.rng = 1;
	g.ts_day = INT64_MIN;
	while ((ch = getopt_long(argc, argv, "n:c:s:r:hV", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'n':
			lines = number_arg(&d, "-n", optarg, UINT64_MAX / 2);
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
			rate = number_arg(&d, "-r", optarg, DAY);
			if (rate == 0)
				diag_usage(&d, "-r: must be at least 1");
			mean = DAY / (int64_t)rate;
			break;
		case 'S':
			if (ts_parse(&tp, optarg, &start, &why) != 0)
				diag_usage(&d, "--start: %s: %s", optarg, why);
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
	for (int i = 0; i < N_LANG; i++)
		if (!bank_check(banks[i]))
			diag_fatal(&d, CS_EXIT_SOFTWARE, "phrase bank %d is "
			    "incomplete", i);

	/* An event can only be written once no conversation yet to come can
	 * precede it, so generate while the next arrival is not after the
	 * earliest queued event.  Generation starts WARM_UP before --start
	 * (writing nothing before it) so the log opens in a steady state:
	 * chats about earlier orders, buyers already known. */
	out_open(&out, STDOUT_FILENO, &d);
	g.floor = ts_floor_div(start, 1000);
	next = g.floor - WARM_UP;
	while (convs ? (g.written < convs || g.heap.n) : written < lines) {
		while ((convs == 0 || g.written < convs) &&
		    (g.heap.n == 0 || next <= g.heap.v[0].t)) {
			gen_conversation(&g, next);
			next += arrival_gap(&g, mean);
		}
		struct pending p = heap_pop(&g.heap);
		out_write(&out, p.line, p.len);
		free(p.line);
		written++;
	}
	out_close(&out);
	while (g.heap.n)
		free(heap_pop(&g.heap).line);
	free(g.heap.v);
	buf_free(&g.line);
	buf_free(&g.text);
	return CS_EXIT_OK;
}
