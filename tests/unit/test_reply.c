/*
 * lib/reply: the stable hash, the derived context, selection with language
 * fallback and variants, and overriding directories, on a library written
 * to a scratch directory.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include "diag.h"
#include "event.h"
#include "json.h"
#include "reply.h"
#include "replyctx.h"

static char scratch[64];

static void
put(const char *rel, const char *text)
{
	char path[256], dir[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", scratch, rel);
	snprintf(dir, sizeof(dir), "%s", path);
	for (char *p = dir + strlen(scratch) + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0700);
			*p = '/';
		}
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int
setup(void **state)
{
	(void)state;
	snprintf(scratch, sizeof(scratch), "/tmp/test_reply.XXXXXX");
	assert_non_null(mkdtemp(scratch));
	put("a/en/other.mustache", "en other");
	put("a/en/refund.x.mustache", "en refund x");
	put("a/en/refund.y.mustache", "en refund y");
	put("a/en/refund.z.mustache", "en refund z");
	put("a/pt/refund.mustache", "pt refund {{> sig}}");
	put("a/pt/_sig.mustache", "pt sig");
	put("a/pt-BR/auto_reply.mustache", "br auto {{> sig}}");
	put("a/_sig.mustache", "root sig");
	put("a/de/other.mustache", "de other {{> sig}}");
	put("b/en/refund.mustache", "en refund override");
	put("a/zh/other.mustache", "zh other");
	put("a/zh-Hant/refund.mustache", "zh-Hant refund");
	/* A library for the context: formats from locale.conf. */
	put("c/en/other.mustache", "x");
	put("c/en/locale.conf", "locale en_US\nname {first}\n"
	    "time %-I:%M %p\ntime_hour %-I %p\ndate %A, %B %-d\n");
	put("c/de/other.mustache", "x");
	put("c/de/locale.conf", "# Germany\nlocale de_DE\nname {full}\n"
	    "time %-H:%M Uhr\ntime_hour %-H Uhr\ndate %A, %-d. %B\n");
	put("c/ja/other.mustache", "x");
	put("c/ja/locale.conf", "locale ja_JP\nname {family}様\n"
	    "honorifics 様 さん\ntime %-H時%M分\ntime_hour %-H時\n"
	    "date %-m月%-d日(%a)\n");
	put("c/id/other.mustache", "x");
	put("c/id/locale.conf", "locale id_ID\nname Kak {first}\n"
	    "honorifics Kak Bapak Ibu\ntime pukul %H.%M\ndate %A, %-d %B\n");
	put("c/pt/other.mustache", "x");
	put("c/pt/locale.conf", "locale pt_BR\ndate %A, %-d de %B\n"
	    "time %Hh%M\n");
	put("c/ru/other.mustache", "x");
	put("c/ru/locale.conf", "locale ru_RU\nlower %A\ndate %A, %-d %B\n"
	    "time %-H:%M\n");
	put("c/tr/other.mustache", "x");
	put("c/tr/locale.conf", "locale tr_TR\nlower weekday\n"
	    "date %-d %B %A\n");
	put("c/ar/other.mustache", "x {{name}}");
	put("c/ar/locale.conf", "locale ar_SA\nscript Arab\n");
	return 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", scratch);
	return system(cmd) == 0 ? 0 : -1;
}

static struct reply_lib *
open_lib(int with_b)
{
	struct reply_lib *lib = reply_lib_new();
	struct buf errs = BUF_INIT, dir = BUF_INIT;

	buf_printf(&dir, "%s/a", scratch);
	assert_int_equal(reply_lib_add_dir(lib, dir.data, &errs), 0);
	if (with_b) {
		buf_reset(&dir);
		buf_printf(&dir, "%s/b", scratch);
		assert_int_equal(reply_lib_add_dir(lib, dir.data, &errs), 0);
	}
	buf_free(&errs);
	buf_free(&dir);
	return lib;
}

static void
test_fnv1a(void **state)
{
	(void)state;
	/* Reference values of 32-bit FNV-1a. */
	assert_int_equal(reply_fnv1a(""), 2166136261UL);
	assert_int_equal(reply_fnv1a("a"), 0xe40c292cUL);
	assert_int_equal(reply_fnv1a("foobar"), 0xbf9cf968UL);
}

static const char *
pick(const struct reply_lib *lib, const struct reply_opts *o,
    const char *lang, const char *intent, const char *special,
    const char *key)
{
	const struct reply_tpl *t = reply_select(lib, o, lang, intent,
	    special, key);
	return t ? t->id : "(none)";
}

static void
test_selection(void **state)
{
	struct reply_lib *lib = open_lib(0);
	struct reply_opts o = { 0 };
	const char *ids[3] = { "en/refund.x", "en/refund.y", "en/refund.z" };

	(void)state;
	o.default_lang = "en";
	assert_string_equal(pick(lib, &o, "pt-BR", "refund", NULL, NULL),
	    "pt/refund");
	assert_string_equal(pick(lib, &o, "PT-br", "refund", "auto_reply",
	    NULL), "pt-BR/auto_reply");
	/* German has only "other": it wins over English "refund". */
	assert_string_equal(pick(lib, &o, "de-AT", "refund", NULL, NULL),
	    "de/other");
	assert_string_equal(pick(lib, &o, "ja", "refund", NULL, NULL),
	    "en/refund.x");
	/* Taiwan, Hong Kong, Macao: traditional characters before zh. */
	assert_string_equal(pick(lib, &o, "zh-TW", "refund", NULL, NULL),
	    "zh-Hant/refund");
	/* Never Simplified for them: the default language, flagged. */
	assert_string_equal(pick(lib, &o, "zh-HK", "account", NULL, NULL),
	    "en/other");
	assert_string_equal(pick(lib, &o, "zh_TW", "refund", NULL, NULL),
	    "zh-Hant/refund");
	assert_string_equal(pick(lib, &o, "zh-CN", "refund", NULL, NULL),
	    "zh/other");
	assert_string_equal(pick(lib, &o, "zh-twx", "refund", NULL, NULL),
	    "zh/other");
	assert_string_equal(pick(lib, &o, NULL, "nothing", NULL, NULL),
	    "en/other");
	assert_string_equal(pick(lib, &o, "und", "shipping", "video_call",
	    NULL), "en/other");
	/* Variants: FNV-1a of the key modulo 3, in name order. */
	o.variants = 1;
	for (int i = 0; i < 20; i++) {
		char key[32];
		snprintf(key, sizeof(key), "conv-%d", i);
		assert_string_equal(pick(lib, &o, "en", "refund", NULL, key),
		    ids[reply_fnv1a(key) % 3]);
	}
	assert_string_equal(pick(lib, &o, "en", "refund", NULL, NULL),
	    "en/refund.x");
	o.default_lang = "fr";
	assert_string_equal(pick(lib, &o, "fr", "refund", NULL, NULL),
	    "(none)");
	reply_lib_free(lib);
}

static void
test_override(void **state)
{
	struct reply_lib *lib = open_lib(1);
	struct reply_opts o = { 0 };

	(void)state;
	o.default_lang = "en";
	o.variants = 1;
	/* b's refund replaces all of a's versions. */
	assert_string_equal(pick(lib, &o, "en", "refund", NULL, "k1"),
	    "en/refund");
	assert_int_equal(reply_lib_count(lib), 7);
	reply_lib_free(lib);
}

static char *
reply_for(const struct reply_lib *lib, const char *json)
{
	struct reply_opts o = { 0 };
	struct reply_result res = { 0 };
	struct buf err = BUF_INIT;
	cJSON *ev = cJSON_Parse(json);
	char *s;

	o.default_lang = "en";
	assert_non_null(ev);
	assert_int_equal(reply_event(lib, &o, ev, &res, &err), 0);
	s = strdup(buf_str(&res.text));
	reply_result_free(&res);
	buf_free(&err);
	cJSON_Delete(ev);
	return s;
}

static void
test_partials_by_language(void **state)
{
	struct reply_lib *lib = open_lib(0);
	char *s;

	(void)state;
	s = reply_for(lib, "{\"lang\":\"pt-BR\",\"intent\":\"refund\"}");
	assert_string_equal(s, "pt refund pt sig");
	free(s);
	/* pt-BR's partial comes from pt, its parent. */
	s = reply_for(lib, "{\"lang\":\"pt-BR\",\"auto_reply\":true}");
	assert_string_equal(s, "br auto pt sig");
	free(s);
	s = reply_for(lib, "{\"lang\":\"de\"}");
	assert_string_equal(s, "de other root sig");
	free(s);
	reply_lib_free(lib);
}

/* The derived context of an event in a language of library c. */
static cJSON *
context_of(const char *json, const char *lang)
{
	static struct reply_lib *lib;
	struct reply_opts o = { 0 };
	struct reply_plan sp;
	const struct reply_plan *p;
	cJSON *ev = cJSON_Parse(json), *c;

	if (lib == NULL) {
		struct buf errs = BUF_INIT, dir = BUF_INIT;
		lib = reply_lib_new();
		buf_printf(&dir, "%s/c", scratch);
		assert_int_equal(reply_lib_add_dir(lib, dir.data, &errs), 0);
		buf_free(&errs);
		buf_free(&dir);
	}
	assert_non_null(ev);
	o.default_lang = "en";
	p = reply_plan_for(lib, &o, lang, NULL, &sp);
	c = reply_context(&o, p, NULL, ev);
	cJSON_Delete(ev);
	return c;
}

static int
flag(const cJSON *c, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(c, name);

	assert_true(cJSON_IsBool(v));
	return cJSON_IsTrue(v);
}

static const char *
str(const cJSON *c, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(c, name);

	return cJSON_IsString(v) ? v->valuestring : "(absent)";
}

static void
test_context_buyer(void **state)
{
	cJSON *c;

	(void)state;
	c = context_of("{\"orders_count\":1}", "en");
	assert_true(flag(c, "first_time"));
	assert_false(flag(c, "returning"));
	cJSON_Delete(c);
	c = context_of("{\"orders\":2,\"urgency\":2,\"escalate\":true}", "en");
	assert_false(flag(c, "first_time"));
	assert_true(flag(c, "returning"));
	assert_true(flag(c, "urgent"));
	assert_true(flag(c, "angry"));
	cJSON_Delete(c);
	c = context_of("{\"returning\":false,\"urgency\":1,"
	    "\"sentiment\":\"negative\",\"sentiment_score\":-0.3}", "en");
	assert_true(flag(c, "first_time"));
	assert_false(flag(c, "urgent"));
	assert_false(flag(c, "angry"));
	cJSON_Delete(c);
	c = context_of("{\"sentiment\":\"negative\",\"needs_video\":true}",
	    "en");
	assert_false(flag(c, "first_time"));
	assert_false(flag(c, "returning"));
	assert_true(flag(c, "angry"));
	assert_true(flag(c, "needs_video"));
	cJSON_Delete(c);
}

static void
test_context_times_and_amounts(void **state)
{
	cJSON *c;

	(void)state;
	/* 2026-11-23 is a Monday; the buyer wrote on the Sunday evening. */
	c = context_of("{\"reply_due_local\":\"2026-11-23T09:10:00+01:00\","
	    "\"local_time\":\"2026-11-22T20:15:00+01:00\","
	    "\"amount\":1234.5,\"currency\":\"EUR\"}", "de");
	/* The older names give the promise too. */
	assert_string_equal(str(c, "reply_due_text"),
	    "Montag, 23. November, 9:30 Uhr");
	assert_string_equal(str(c, "reply_due_time"), "09:30");
	assert_string_equal(str(c, "reply_due_date"), "2026-11-23");
	/* Rounded up to the half hour. */
	assert_string_equal(str(c, "promise_time"), "9:30 Uhr");
	assert_string_equal(str(c, "promise_date"), "Montag, 23. November");
	assert_string_equal(str(c, "promise_weekday"), "Montag");
	assert_false(flag(c, "promise_morning"));
	assert_false(flag(c, "promise_today"));
	assert_true(flag(c, "promise_tomorrow"));
	assert_string_equal(str(c, "amount_text"), "1.234,50\u00a0\u20ac");
	cJSON_Delete(c);
	/* Due at 23:00 her time: the morning after, without a time. */
	c = context_of("{\"reply_due\":\"2026-11-21T02:00:00Z\","
	    "\"local_time\":\"2026-11-20T20:15:00-03:00\",\"amount\":1980,"
	    "\"currency\":\"JPY\"}", "ja");
	assert_string_equal(str(c, "reply_due_local"),
	    "2026-11-20T23:00:00-03:00");
	assert_string_equal(str(c, "promise_date"), "11\u670821\u65e5(\u571f)");
	assert_string_equal(str(c, "promise_time"), "(absent)");
	assert_true(flag(c, "promise_morning"));
	assert_true(flag(c, "promise_tomorrow"));
	assert_string_equal(str(c, "reply_due_text"),
	    "11\u670821\u65e5(\u571f) 8\u6642");
	assert_string_equal(str(c, "amount_text"), "1,980\u5186");
	cJSON_Delete(c);
	/* Due at 05:00: that same morning; on the hour. */
	c = context_of("{\"reply_due_local\":\"2026-11-24T05:00:00+07:00\","
	    "\"local_time\":\"2026-11-24T01:00:00+07:00\","
	    "\"amount\":150000,\"currency\":\"IDR\"}", "id");
	assert_string_equal(str(c, "promise_date"), "Selasa, 24 November");
	assert_true(flag(c, "promise_morning"));
	assert_true(flag(c, "promise_today"));
	assert_string_equal(str(c, "amount_text"), "Rp150.000");
	cJSON_Delete(c);
	c = context_of("{\"reply_due_local\":\"2026-11-24T14:00:00-05:00\","
	    "\"amount\":44.99,\"currency\":\"USD\"}", "en");
	assert_string_equal(str(c, "promise_time"), "2 PM");
	assert_string_equal(str(c, "promise_date"), "Tuesday, November 24");
	assert_string_equal(str(c, "amount_text"), "$44.99");
	cJSON_Delete(c);
	c = context_of("{\"reply_due_local\":\"2026-11-24T08:00:00-03:00\","
	    "\"amount\":1234.5,\"currency\":\"BRL\"}", "pt-BR");
	assert_string_equal(str(c, "promise_date"),
	    "ter\u00e7a, 24 de novembro");
	assert_string_equal(str(c, "promise_time"), "08h00");
	assert_string_equal(str(c, "amount_text"), "R$\u00a01.234,50");
	cJSON_Delete(c);
	/* Russian: the genitive month of glibc, the weekday in lower case. */
	c = context_of("{\"reply_due_local\":\"2026-11-24T10:00:00+03:00\"}",
	    "ru");
	assert_string_equal(str(c, "promise_date"),
	    "\u0432\u0442\u043e\u0440\u043d\u0438\u043a, 24 "
	    "\u043d\u043e\u044f\u0431\u0440\u044f");
	assert_string_equal(str(c, "promise_weekday"),
	    "\u0432\u0442\u043e\u0440\u043d\u0438\u043a");
	cJSON_Delete(c);
	/* Turkish: a weekday inside a date keeps its capital (TDK), the
	 * weekday alone is lower case ("lower weekday"). */
	c = context_of("{\"reply_due_local\":\"2026-11-24T10:00:00+03:00\"}",
	    "tr");
	assert_string_equal(str(c, "promise_date"), "24 Kas\u0131m Sal\u0131");
	assert_string_equal(str(c, "promise_weekday"), "sal\u0131");
	cJSON_Delete(c);
	c = context_of("{\"reply_due_local\":\"soon\"}", "en");
	assert_string_equal(str(c, "reply_due_text"), "(absent)");
	assert_string_equal(str(c, "promise_date"), "(absent)");
	cJSON_Delete(c);
}

/* The name as each language addresses the buyer. */
static void
test_context_names(void **state)
{
	static const char *const cases[][3] = {
		{ "en", "Anna Schmidt", "Anna" },
		{ "en", "anna schmidt", "Anna" },
		{ "de", "Anna Schmidt", "Anna Schmidt" },
		{ "id", "Dewi Santoso", "Kak Dewi" },
		{ "id", "Kak Dewi", "Kak Dewi" },
		{ "ja", "\u7530\u4e2d \u592a\u90ce", "\u7530\u4e2d\u69d8" },
		{ "ja", "\u7530\u4e2d\u69d8", "\u7530\u4e2d\u69d8" },
		{ "ja", "Felix Meyer", "Felix Meyer\u69d8" },
		{ "en", "mike_88", "(absent)" },
		{ "en", "buyer1234", "(absent)" },
		{ "en", "a***n", "(absent)" },
		{ "en", "  ", "(absent)" },
	};
	char json[256];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cJSON *c;
		snprintf(json, sizeof(json), "{\"customer_name\":\"%s\"}",
		    cases[i][1]);
		c = context_of(json, cases[i][0]);
		assert_string_equal(str(c, "name"), cases[i][2]);
		cJSON_Delete(c);
	}
}

/*
 * The run's memo of names (the FAST PATH of buyer_name: a kept
 * reply_derived) gives the address a fresh derivation (reply_context, the
 * plain path) gives, for many names in three languages, each seen twice
 * (the second time from the memo) and in turn with the other languages.
 */
static void
test_name_memo(void **state)
{
	static const char *const langs[] = { "en", "de", "ja" };
	static const char *const given[] = { "Anna", "\u7530\u4e2d",
	    "\u041c\u0438\u0445\u0430\u0438\u043b", "mike_88", "Dewi" };
	struct reply_lib *lib = reply_lib_new();
	struct reply_opts o = { 0 };
	struct reply_derived d;
	struct reply_fields f;
	struct reply_plan sp[3];
	const struct reply_plan *p[3];
	struct buf errs = BUF_INIT, dir = BUF_INIT, raw = BUF_INIT;
	char json[256];
	int named = 0;

	(void)state;
	memset(&d, 0, sizeof d);
	buf_printf(&dir, "%s/c", scratch);
	assert_int_equal(reply_lib_add_dir(lib, dir.data, &errs), 0);
	o.default_lang = "en";
	for (int l = 0; l < 3; l++)
		p[l] = reply_plan_for(lib, &o, langs[l], NULL, &sp[l]);
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < 6000; i++) {
			int l = (i / 7 + pass) % 3;
			buf_reset(&raw);
			int k = i % 2000;
			buf_printf(&raw, "%s %c%c%c", given[i % 5], 'A' + k % 26,
			    'a' + k / 26 % 26, 'a' + k / 676);
			cJSON *name = cJSON_CreateString(buf_str(&raw));
			memset(&f, 0, sizeof f);
			f.v[RF_CUSTOMER_NAME] = name;
			reply_derive(p[l], &f, NULL, NULL, &d);
			snprintf(json, sizeof json, "{\"customer_name\":\"%s\"}",
			    buf_str(&raw));
			cJSON *c = context_of(json, langs[l]);
			const cJSON *want = json_get(c, "name");
			const cJSON *got = &d.item[RD_NAME];
			if (want == NULL)
				assert_int_equal(got->type, cJSON_Invalid);
			else {
				assert_string_equal(got->valuestring,
				    want->valuestring);
				named++;
			}
			want = json_get(c, "first_name");
			got = &d.item[RD_FIRST_NAME];
			if (want != NULL)
				assert_string_equal(got->valuestring,
				    want->valuestring);
			cJSON_Delete(c);
			cJSON_Delete(name);
		}
	/* Not vacuous: most names were addressed. */
	assert_true(named > 6000);
	reply_derived_free(&d);
	reply_lib_free(lib);
	buf_free(&errs);
	buf_free(&dir);
	buf_free(&raw);
}

/*
 * The money memo (FAST PATH of order_facts' amounts) gives the text a
 * fresh derivation gives (reply_context, the plain path): amounts that
 * repeat and that differ in a last bit, currencies absent, empty, the
 * locale's own and foreign, in four languages, each case seen twice.
 */
static void
test_money_memo(void **state)
{
	static const char *const langs[] = { "en", "de", "ja", "pt" };
	static const char *const curs[] = { NULL, "", "EUR", "USD", "JPY",
	    "BRL", "XYZ" };
	static const double fixed[] = { 44.99, 1234.5, 0, -3.25, 1980,
	    0.1 + 0.2, 0.3, 150000 };
	double amounts[300];
	struct reply_lib *lib = reply_lib_new();
	struct reply_opts o = { 0 };
	struct reply_derived d;
	struct reply_fields f;
	struct reply_plan sp[4];
	const struct reply_plan *p[4];
	struct buf errs = BUF_INIT, dir = BUF_INIT, json = BUF_INIT;
	int checked = 0;

	(void)state;
	memset(&d, 0, sizeof d);
	buf_printf(&dir, "%s/c", scratch);
	assert_int_equal(reply_lib_add_dir(lib, dir.data, &errs), 0);
	o.default_lang = "en";
	for (int l = 0; l < 4; l++)
		p[l] = reply_plan_for(lib, &o, langs[l], NULL, &sp[l]);
	/* More amounts than the memo has entries, so that entries are
	 * shared: the currency innermost, so that a memo that compared
	 * less than its whole key would hand one currency's text to the
	 * next. */
	for (int a = 0; a < 300; a++)
		amounts[a] = a < 8 ? fixed[a] : a * 0.37 + 1;
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < 4 * 7 * 300; i++) {
			int c = i % 7, l = i / 7 % 4, a = i / 28;
			cJSON *ev = cJSON_CreateObject();
			cJSON_AddNumberToObject(ev, "amount", amounts[a]);
			if (curs[c] != NULL)
				cJSON_AddStringToObject(ev, "currency",
				    curs[c]);
			memset(&f, 0, sizeof f);
			f.v[RF_AMOUNT] = json_get(ev, "amount");
			f.v[RF_CURRENCY] = json_get(ev, "currency");
			reply_derive(p[l], &f, NULL, NULL, &d);
			buf_reset(&json);
			json_write(&json, ev);
			cJSON *ctx = context_of(json.data, langs[l]);
			const cJSON *want = json_get(ctx, "amount_text");
			assert_non_null(want);
			assert_string_equal(d.item[RD_AMOUNT_TEXT].valuestring,
			    want->valuestring);
			checked++;
			cJSON_Delete(ctx);
			cJSON_Delete(ev);
		}
	assert_int_equal(checked, 2 * 4 * 7 * 300);
	reply_derived_free(&d);
	reply_lib_free(lib);
	buf_free(&errs);
	buf_free(&dir);
	buf_free(&json);
}

/* Grounded facts: the order's state only from its fields. */
static void
test_context_order_state(void **state)
{
	cJSON *c;

	(void)state;
	c = context_of("{\"order_id\":\"A-1\"}", "en");
	assert_false(flag(c, "shipped"));
	assert_false(flag(c, "refunded"));
	assert_false(flag(c, "on_hold"));
	cJSON_Delete(c);
	c = context_of("{\"order_status\":\"delivered\"}", "en");
	assert_true(flag(c, "paid"));
	assert_true(flag(c, "shipped"));
	assert_true(flag(c, "delivered"));
	cJSON_Delete(c);
	c = context_of("{\"amount\":50,\"refund_amount\":20,"
	    "\"currency\":\"USD\"}", "en");
	assert_true(flag(c, "partially_refunded"));
	assert_false(flag(c, "refunded"));
	assert_string_equal(str(c, "refund_amount_text"), "$20.00");
	cJSON_Delete(c);
	c = context_of("{\"amount\":50,\"refund_amount\":50}", "en");
	assert_true(flag(c, "refunded"));
	assert_false(flag(c, "partially_refunded"));
	cJSON_Delete(c);
}

static void
test_order_from_text(void **state)
{
	static const char *const cases[][2] = {
		{ "{\"text\":\"cancel #11295, thanks\"}", "#11295" },
		{ "{\"text\":\"Bestellung 166-3879220-6416934!\"}",
		    "166-3879220-6416934" },
		/* No spaces around it in Chinese: still found. */
		{ "{\"text\":\"订单260828XB5Q3PYD还没到\"}", "260828XB5Q3PYD" },
		{ "{\"text\":\"pedido 260828XB5Q3PYD?\"}", "260828XB5Q3PYD" },
		{ "{\"text\":\"#12, 0049-1234567-1234567, 2608281234567890\"}",
		    "(absent)" },
		{ "{\"text\":\"#11295\",\"order_id\":\"A-1\"}", "(absent)" },
		{ "{\"text\":\"#11295\",\"order_id\":\"\"}", "#11295" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cJSON *c = context_of(cases[i][0], "en");
		assert_string_equal(str(c, "order_id"), cases[i][1]);
		cJSON_Delete(c);
	}
}

static void
test_wanted(void **state)
{
	struct reply_opts o = { 0 };
	const char *yes[] = { "{}", "{\"role\":\"customer\"}",
	    "{\"type\":\"message\",\"role\":\"customer\"}", NULL };
	const char *no[] = { "{\"role\":\"agent\"}", "{\"role\":\"bot\"}",
	    "{\"type\":\"rating\"}", "{\"type\":\"order\",\"role\":\"customer\"}",
	    NULL };

	(void)state;
	for (int i = 0; yes[i]; i++) {
		cJSON *ev = cJSON_Parse(yes[i]);
		assert_true(reply_wanted(&o, ev));
		cJSON_Delete(ev);
	}
	for (int i = 0; no[i]; i++) {
		cJSON *ev = cJSON_Parse(no[i]);
		assert_false(reply_wanted(&o, ev));
		cJSON_Delete(ev);
	}
}

/*
 * A run gives what reply_event gives, event after event: the same text,
 * template and missing names, and the same annotated event.
 */
static void
test_run_matches_event(void **state)
{
	static const char *const events[] = {
		"{\"role\":\"customer\",\"lang\":\"en\",\"intent\":\"refund\","
		    "\"conversation\":\"c1\",\"text\":\"order #12345 please\","
		    "\"amount\":59.9,\"currency\":\"EUR\",\"orders_count\":3,"
		    "\"urgency\":2,\"items\":[{\"n\":\"cup\"},{\"n\":\"lid\","
		    "\"reply_lang\":\"inner\"}],\"p\":{\"name\":\"Mug\"}}",
		/* lang mapped from sprache (its canonical name shadows the
		 * event's own lang), a --set value the event shadows, a reply
		 * field already there (replaced in place), a duplicate key
		 * (the first is read). */
		"{\"role\":\"customer\",\"sprache\":\"de\",\"intent\":\"refund\","
		    "\"reply\":\"old\",\"shop\":\"Own\",\"lang\":\"fr\","
		    "\"amount\":5,\"amount\":7,\"reply_due_local\":"
		    "\"2026-11-23T09:30:00+01:00\"}",
		"{\"role\":\"agent\",\"text\":\"hi\"}",
		"{\"lang\":\"xx\",\"intent\":\"nothing\",\"needs_video\":true}",
		NULL
	};
	struct reply_lib *lib = reply_lib_new();
	struct reply_opts o = { 0 };
	struct fieldmap map = FIELDMAP_INIT;
	struct reply_result r1 = { 0 }, r2 = { 0 };
	struct buf err = BUF_INIT, dir = BUF_INIT, j1 = BUF_INIT, j2 = BUF_INIT;
	struct reply_run *run;
	const char *why;
	cJSON *set = cJSON_CreateObject();

	(void)state;
	put("r/en/refund.mustache", "{{#urgent}}fast {{/urgent}}{{order_id}} "
	    "{{amount_text}} {{reply_lang}} {{#items}}{{n}}/{{reply_lang}} "
	    "{{/items}}{{p.name}} {{shop}} {{agent}} {{nope}} {{first_time}}");
	put("r/de/refund.mustache", "{{lang}} {{amount_text}} {{shop}} "
	    "{{reply_due_text}} {{.}}");
	put("r/en/other.mustache", "other {{needs_video}}");
	buf_printf(&dir, "%s/r", scratch);
	assert_int_equal(reply_lib_add_dir(lib, dir.data, &err), 0);
	assert_int_equal(fieldmap_add(&map, "lang=sprache", &why), 0);
	json_set_str(set, "shop", "Nordlicht");
	json_set_str(set, "agent", "Mei");
	o.default_lang = "en";
	o.map = &map;
	o.set = set;
	run = reply_run_new(lib, &o);
	for (int i = 0; events[i] != NULL; i++) {
		cJSON *e1 = cJSON_Parse(events[i]), *e2 = cJSON_Parse(events[i]);
		int rc = reply_run_event(run, e2, &r2, &err);

		if (!reply_wanted(&o, e1)) {
			assert_int_equal(rc, 1);
		} else {
			assert_int_equal(rc, 0);
			assert_int_equal(reply_event(lib, &o, e1, &r1, &err), 0);
			assert_string_equal(buf_str(&r1.text), buf_str(&r2.text));
			assert_ptr_equal(r1.tpl, r2.tpl);
			reply_annotate(e1, &r1);
			reply_run_annotate(run, e2, &r2);
		}
		buf_reset(&j1);
		buf_reset(&j2);
		json_write(&j1, e1);
		json_write(&j2, e2);
		assert_string_equal(buf_str(&j1), buf_str(&j2));
		if (i == 0)
			assert_string_equal(buf_str(&r2.text), "fast #12345 "
			    "\u20ac59.90 en cup/en lid/inner Mug Nordlicht Mei  "
			    "false");
		if (i == 1)
			/* No locale.conf: ISO dates, de_DE's digits and
			 * weekday names. */
			assert_string_equal(buf_str(&r2.text), "de 5,00 Own "
			    "2026-11-23, 09:30 {\"lang\":\"de\","
			    "\"first_time\":false,\"returning\":false,"
			    "\"urgent\":false,\"angry\":false,"
			    "\"needs_video\":false,\"reply_lang\":\"de\","
			    "\"reply_due_text\":\"2026-11-23, 09:30\","
			    "\"reply_due_time\":\"09:30\","
			    "\"reply_due_date\":\"2026-11-23\","
			    "\"amount_text\":\"5,00\",\"followup\":false,"
			    "\"topic_answer\":false,\"paid\":false,"
			    "\"shipped\":false,\"delivered\":false,"
			    "\"refunded\":false,\"partially_refunded\":false,"
			    "\"on_hold\":false,\"cancelled\":false,"
			    "\"promise_date\":\"2026-11-23\","
			    "\"promise_weekday\":\"Montag\","
			    "\"promise_time\":\"09:30\","
			    "\"promise_morning\":false,"
			    "\"lang_fallback\":false,\"agent\":\"Mei\"}");
		cJSON_Delete(e1);
		cJSON_Delete(e2);
	}
	reply_run_free(run);
	reply_result_free(&r1);
	reply_result_free(&r2);
	reply_lib_free(lib);
	fieldmap_free(&map);
	cJSON_Delete(set);
	buf_free(&err);
	buf_free(&dir);
	buf_free(&j1);
	buf_free(&j2);
}

/* What a run released, one line a release (cs-reply's release hook). */
static void
note_release(void *arg, uint64_t ticket, const struct reply_draft *d)
{
	struct buf *b = arg;

	buf_printf(b, "%llu ", (unsigned long long)ticket);
	if (d != NULL)
		reply_draft_members(d, b);
	buf_addc(b, '\n');
}

/* One step's outcome, as a line. */
static void
note_step(struct buf *b, struct reply_run *run, int rc,
    const struct reply_step *st, const struct reply_result *res)
{
	buf_printf(b, "%d %d%d%d%d%d ", rc, st->draft, st->auto_reply,
	    st->turn_now, st->hold, st->needs_human);
	if (st->draft)
		buf_printf(b, "[%s]", buf_str((struct buf *)&res->text));
	if (st->hold || st->turn_now)
		buf_printf(b, "{%s}", buf_str((struct buf *)
		    &reply_run_turn_draft(run)->text));
	buf_addc(b, '\n');
}

/*
 * The reader's index of a partial record (the FAST PATH of
 * reply_run_step_read) gives every step and release what the walk over
 * the event's fields (reply_run_step, the plain path) gives: turns,
 * auto-replies, mapped fields, duplicate and empty keys, an object.
 */
static void
test_run_read_index(void **state)
{
	static const char lines[] =
	    "{\"type\":\"order\",\"customer\":\"u1\",\"order_id\":"
	    "\"SO-1\",\"amount\":12.5,\"currency\":\"EUR\",\"status\":"
	    "\"shipped\"}\n"
	    "{\"type\":\"message\",\"role\":\"customer\",\"conversation\":"
	    "\"c1\",\"customer\":\"u1\",\"customer_name\":\"Ana Lima\","
	    "\"sprache\":\"de\",\"intent\":\"refund\",\"text\":\"SO-1?\","
	    "\"ack\":false,\"needs_reply\":true,\"needs_human\":false}\n"
	    "{\"role\":\"customer\",\"conversation\":\"c1\",\"intent\":"
	    "\"other\",\"intent\":\"refund\",\"\":1,\"lang\":\"en\","
	    "\"auto_reply\":true,\"next_open\":"
	    "\"2026-12-08T09:00:00Z\",\"needs_human\":true}\n"
	    "{\"role\":\"customer\",\"conversation\":\"c2\",\"lang\":"
	    "\"pt-BR\",\"intent\":\"refund\",\"reply\":\"old\",\"p\":"
	    "{\"name\":\"Mug\"}}\n"
	    "{\"role\":\"customer\",\"conversation\":\"c3\",\"lang\":"
	    "\"en\",\"intent\":\"refund\",\"needs_reply\":false}\n"
	    "{\"role\":\"agent\",\"conversation\":\"c1\",\"text\":\"hi\"}\n"
	    "{\"role\":\"customer\",\"lang\":\"zh-TW\",\"intent\":"
	    "\"refund\"}\n";
	struct reply_lib *lib[2];
	struct reply_run *run[2];
	struct reply_opts o = { 0 };
	struct fieldmap map = FIELDMAP_INIT;
	struct reply_result res[2] = { { 0 }, { 0 } };
	struct buf err = BUF_INIT, dir = BUF_INIT, got[2] = { BUF_INIT,
	    BUF_INIT }, path = BUF_INIT;
	struct ev_want want = EV_WANT_INIT;
	struct ev_record rec;
	struct diag d;
	const char *why;
	cJSON *set = cJSON_CreateObject();
	int fast = 0;

	(void)state;
	put("ix/en/refund.mustache", "{{name}} {{order_id}} {{amount_text}} "
	    "{{p.name}} {{shop}} {{lang}} {{intent}} {{#shipped}}S{{/shipped}}");
	put("ix/de/refund.mustache", "{{first_name}} {{amount_text}} {{lang}}");
	put("ix/en/other.mustache", "other {{needs_video}} {{nope}}");
	put("ix/en/auto_reply.mustache", "away {{promise_date}} {{order_id}}");
	put("ix/ev.jsonl", lines);
	buf_printf(&dir, "%s/ix", scratch);
	buf_printf(&path, "%s/ix/ev.jsonl", scratch);
	assert_int_equal(fieldmap_add(&map, "lang=sprache", &why), 0);
	json_set_str(set, "shop", "Nordlicht");
	o.default_lang = "en";
	o.map = &map;
	o.set = set;
	o.quiet_after = 3 * 3600;
	for (int k = 0; k < 2; k++) {
		lib[k] = reply_lib_new();
		assert_int_equal(reply_lib_add_dir(lib[k], dir.data, &err), 0);
		run[k] = reply_run_new(lib[k], &o);
		reply_run_on_release(run[k], note_release, &got[k]);
	}
	assert_int_equal(reply_run_want(run[1], &want), 0);
	assert_int_equal(reply_run_index_from(run[1], &want), 1);
	char *files[] = { path.data };
	struct ev_reader_opts ro = { .format = EV_JSONL, .want = &want };
	diag_init(&d, "test");
	struct ev_reader *r = ev_open(&ro, files, 1, &d);
	uint64_t ticket = 0;
	while (ev_read(r, &rec) > 0) {
		struct reply_step st;
		int rc;
		assert_int_equal(rec.status, EV_OK);
		assert_true(rec.partial);
		fast += rec.first != NULL;
		ticket++;
		for (int k = 0; k < 2; k++) {
			buf_reset(&err);
			rc = k == 0 ? reply_run_step(run[k], rec.obj, &st,
			    &res[k], &err) : reply_run_step_read(run[k],
			    rec.obj, rec.first, rec.nfirst, &st, &res[k], &err);
			note_step(&got[k], run[k], rc, &st, &res[k]);
			if (st.hold)
				reply_run_held(run[k], ticket);
		}
	}
	ev_close(r);
	for (int k = 0; k < 2; k++)
		reply_run_flush(run[k], 0, NULL);
	assert_int_equal(fast, 7);
	assert_string_equal(buf_str(&got[1]), buf_str(&got[0]));
	/* Not a test that cannot fail: the drafts hold the fields. */
	assert_non_null(strstr(buf_str(&got[0]), "Mug Nordlicht pt-BR refund"));
	assert_non_null(strstr(buf_str(&got[0]), "{Ana 12,50"));
	for (int k = 0; k < 2; k++) {
		reply_run_free(run[k]);
		reply_lib_free(lib[k]);
		reply_result_free(&res[k]);
		buf_free(&got[k]);
	}
	ev_want_free(&want);
	fieldmap_free(&map);
	cJSON_Delete(set);
	buf_free(&err);
	buf_free(&dir);
	buf_free(&path);
}

/*
 * Files that do not compile are left out, and so are templates that need
 * a broken partial with nothing in its place; selection then falls back.
 */
static void
test_broken_left_out(void **state)
{
	struct reply_lib *lib = reply_lib_new();
	struct reply_opts o = { 0 };
	struct buf errs = BUF_INIT, dir = BUF_INIT;
	const struct reply_tpl *t;

	(void)state;
	put("k/en/other.mustache", "other");
	put("k/en/refund.mustache", "{{#a}}");
	put("k/en/payment.mustache", "pay {{> sig}}");
	put("k/en/shipping.mustache", "ship {{> ok}}");
	put("k/en/_ok.mustache", "fine {{> sig2}}");
	put("k/en/_sig2.mustache", "{{/b}}");
	put("k/_sig2.mustache", "root sig2");
	put("k/en/_sig.mustache", "{{x");
	buf_printf(&dir, "%s/k", scratch);
	assert_int_equal(reply_lib_add_dir(lib, dir.data, &errs), 3);
	assert_non_null(strstr(buf_str(&errs), "k/en/refund.mustache:1:1: "
	    "section 'a' is never closed\n"));
	assert_non_null(strstr(buf_str(&errs), "k/en/_sig.mustache:1:1: "));
	assert_non_null(strstr(buf_str(&errs), "k/en/_sig2.mustache:1:1: "));
	buf_reset(&errs);
	/* payment needs sig (broken, no other); shipping needs sig2 through
	 * ok, whose broken en version the root's stands in for. */
	assert_int_equal(reply_lib_drop_broken(lib, &errs), 1);
	assert_non_null(strstr(buf_str(&errs), "k/en/payment.mustache: left "
	    "out: it includes partial 'sig', which did not compile\n"));
	assert_int_equal(reply_lib_count(lib), 2);
	o.default_lang = "en";
	t = reply_select(lib, &o, "en", "payment", NULL, NULL);
	assert_string_equal(t->id, "en/other");
	t = reply_select(lib, &o, "en", "refund", NULL, NULL);
	assert_string_equal(t->id, "en/other");
	t = reply_select(lib, &o, "en", "shipping", NULL, NULL);
	assert_string_equal(t->id, "en/shipping");
	assert_int_equal(reply_lib_drop_broken(lib, &errs), 0);
	reply_lib_free(lib);
	buf_free(&errs);
	buf_free(&dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fnv1a),
		cmocka_unit_test(test_selection),
		cmocka_unit_test(test_override),
		cmocka_unit_test(test_partials_by_language),
		cmocka_unit_test(test_context_buyer),
		cmocka_unit_test(test_context_times_and_amounts),
		cmocka_unit_test(test_context_names),
		cmocka_unit_test(test_name_memo),
		cmocka_unit_test(test_money_memo),
		cmocka_unit_test(test_context_order_state),
		cmocka_unit_test(test_order_from_text),
		cmocka_unit_test(test_wanted),
		cmocka_unit_test(test_run_matches_event),
		cmocka_unit_test(test_run_read_index),
		cmocka_unit_test(test_broken_left_out),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
