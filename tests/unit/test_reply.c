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
	assert_string_equal(pick(lib, &o, "zh-HK", "account", NULL, NULL),
	    "zh/other");
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

static cJSON *
context_of(const char *json, const char *lang)
{
	struct reply_opts o = { 0 };
	cJSON *ev = cJSON_Parse(json), *c;

	assert_non_null(ev);
	o.default_lang = "en";
	c = reply_context(&o, ev, lang);
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
	/* 2026-11-23 is a Monday. */
	c = context_of("{\"reply_due_local\":\"2026-11-23T09:30:00+01:00\","
	    "\"amount\":59.9,\"currency\":\"EUR\"}", "de");
	assert_string_equal(str(c, "reply_due_text"),
	    "Montag, 23. November, 09:30 Uhr");
	assert_string_equal(str(c, "reply_due_time"), "09:30");
	assert_string_equal(str(c, "reply_due_date"), "2026-11-23");
	assert_string_equal(str(c, "amount_text"), "59,90 EUR");
	cJSON_Delete(c);
	/* No local form: reply_due at local_time's offset (-03:00). */
	c = context_of("{\"reply_due\":\"2026-11-21T02:00:00Z\","
	    "\"local_time\":\"2026-11-20T20:15:00-03:00\",\"amount\":1200,"
	    "\"currency\":\"JPY\"}", "ja");
	assert_string_equal(str(c, "reply_due_local"),
	    "2026-11-20T23:00:00-03:00");
	assert_string_equal(str(c, "reply_due_text"), "11月20日(金) 23:00");
	assert_string_equal(str(c, "amount_text"), "1200 JPY");
	cJSON_Delete(c);
	c = context_of("{\"reply_due_local\":\"2026-11-29T18:05:00+08:00\"}",
	    "zh-Hans");
	assert_string_equal(str(c, "reply_due_text"), "11月29日（周日）18:05");
	cJSON_Delete(c);
	c = context_of("{\"reply_due_local\":\"2026-11-29T18:05:00+08:00\"}",
	    "zh-hant");
	assert_string_equal(str(c, "reply_due_text"), "11月29日（週日）18:05");
	cJSON_Delete(c);
	c = context_of("{\"reply_due_local\":\"2026-11-24T08:00:00-03:00\"}",
	    "pt-BR");
	assert_string_equal(str(c, "reply_due_text"),
	    "terça-feira, 24 de novembro, às 08:00");
	cJSON_Delete(c);
	c = context_of("{\"reply_due_local\":\"2026-11-24T08:00:00+07:00\","
	    "\"amount\":150000,\"currency\":\"IDR\"}", "id");
	assert_string_equal(str(c, "reply_due_text"),
	    "Selasa, 24 November, pukul 08:00");
	assert_string_equal(str(c, "amount_text"), "150000 IDR");
	cJSON_Delete(c);
		c = context_of("{\"reply_due_local\":\"2026-11-24T08:00:00+03:00\"}",
	    "ru");
	assert_string_equal(str(c, "reply_due_text"), "2026-11-24 08:00");
	cJSON_Delete(c);
	c = context_of("{\"reply_due_local\":\"soon\"}", "en");
	assert_string_equal(str(c, "reply_due_text"), "(absent)");
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
		cmocka_unit_test(test_order_from_text),
		cmocka_unit_test(test_wanted),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
