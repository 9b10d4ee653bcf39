/*
 * lib/json: the serializer (numbers, escaping, key order) and the
 * order-keeping setters.
 */
#include "unit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include "buf.h"
#include "json.h"

static void
num_is(double v, const char *want)
{
	struct buf b = BUF_INIT;

	json_write_number(&b, v);
	if (strcmp(buf_str(&b), want) != 0)
		fail_msg("json_write_number(%.17g) = '%s', want '%s'", v,
		    buf_str(&b), want);
	/* Whatever is printed reads back as the same double. */
	if (isfinite(v))
		assert_true(strtod(b.data, NULL) == v);
	buf_free(&b);
}

static void
test_numbers(void **state)
{
	(void)state;
	num_is(0, "0");
	num_is(-0.0, "0");
	num_is(1, "1");
	num_is(-5, "-5");
	num_is(42, "42");
	num_is(1.5, "1.5");
	num_is(0.1, "0.1");
	num_is(-0.25, "-0.25");
	num_is(0.1 + 0.2, "0.30000000000000004");
	num_is(1.0 / 3, "0.3333333333333333");
	num_is(2.0 / 3, "0.6666666666666666");
	num_is(3.14159, "3.14159");
	num_is(1795144320123.0, "1795144320123");
	num_is(1e15, "1000000000000000");
	/* Integers are exact up to 2^53, printed in full. */
	num_is(9007199254740991.0, "9007199254740991");
	num_is(-9007199254740991.0, "-9007199254740991");
	/* From 2^53 on, the shortest %g form that reads back. */
	num_is(9007199254740992.0, "9007199254740992");
	num_is(9007199254740994.0, "9007199254740994");
	num_is(9223372036854775808.0, "9.223372036854776e+18");
	num_is(1e21, "1e+21");
	num_is(-1e300, "-1e+300");
	num_is(1e-7, "1e-07");
	num_is(123.456e-10, "1.23456e-08");
	/* Not representable in JSON: null. */
	num_is(NAN, "null");
	num_is(INFINITY, "null");
	num_is(-INFINITY, "null");
}

static void
str_is(const char *s, size_t n, const char *want)
{
	struct buf b = BUF_INIT;

	json_write_string(&b, s, n);
	assert_string_equal(buf_str(&b), want);
	buf_free(&b);
}

#define STR(lit, want)	str_is(lit, sizeof(lit) - 1, want)

static char *
milli_text(long long k)
{
	struct buf b = BUF_INIT;
	json_write_milli(&b, k);
	return buf_detach(&b);
}

/* Thousandths write as the double k / 1000 does, every k of a score and
 * a spread of others. */
static void
test_milli(void **state)
{
	(void)state;
	struct buf want = BUF_INIT;
	long long ks[] = { 1000000000, -999999999999, 123456789012345 };

	for (long long k = -20000; k <= 20000; k++) {
		buf_reset(&want);
		json_write_number(&want, (double)k / 1000);
		char *got = milli_text(k);
		assert_string_equal(got, buf_str(&want));
		free(got);
	}
	for (size_t i = 0; i < sizeof ks / sizeof *ks; i++) {
		buf_reset(&want);
		json_write_number(&want, (double)ks[i] / 1000);
		char *got = milli_text(ks[i]);
		assert_string_equal(got, buf_str(&want));
		free(got);
	}
	char *s = milli_text(-537);
	assert_string_equal(s, "-0.537");
	free(s);
	s = milli_text(50);
	assert_string_equal(s, "0.05");
	free(s);
	buf_free(&want);
}

static void
test_strings(void **state)
{
	(void)state;
	STR("", "\"\"");
	STR("plain", "\"plain\"");
	STR("say \"hi\"", "\"say \\\"hi\\\"\"");
	STR("back\\slash", "\"back\\\\slash\"");
	STR("a\nb\rc\td\be\ff", "\"a\\nb\\rc\\td\\be\\ff\"");
	STR("\x01\x1f", "\"\\u0001\\u001f\"");
	STR("nul\0here", "\"nul\\u0000here\"");
	/* DEL, '/' and non-ASCII are written as they are. */
	STR("\x7f/", "\"\x7f/\"");
	STR("\xE9\x80\x80\xE6\xAC\xBE \xF0\x9F\x98\x80",
	    "\"\xE9\x80\x80\xE6\xAC\xBE \xF0\x9F\x98\x80\"");
	/* {{ is text, nothing special. */
	STR("{{name}}", "\"{{name}}\"");
}

static char *
written(const cJSON *v)
{
	struct buf b = BUF_INIT;

	json_write(&b, v);
	return buf_detach(&b);
}

static void
round_trip(const char *in, const char *want)
{
	cJSON *v = cJSON_Parse(in);

	assert_non_null(v);
	char *s = written(v);
	assert_string_equal(s, want);
	free(s);
	cJSON_Delete(v);
}

static void
test_write(void **state)
{
	(void)state;
	round_trip("{}", "{}");
	round_trip("[]", "[]");
	round_trip("{ \"b\" : 1 , \"a\" : [ true, false, null, \"x\" ] }",
	    "{\"b\":1,\"a\":[true,false,null,\"x\"]}");
	/* Keys stay in input order, never sorted. */
	round_trip("{\"z\":1,\"a\":2,\"m\":{\"y\":[],\"b\":{}}}",
	    "{\"z\":1,\"a\":2,\"m\":{\"y\":[],\"b\":{}}}");
	round_trip("{\"n\":1.0,\"e\":2E3,\"f\":-0.5e-1}",
	    "{\"n\":1,\"e\":2000,\"f\":-0.05}");
	round_trip("{\"k\\\"ey\":\"v\\u00e9\\n\"}",
	    "{\"k\\\"ey\":\"v\xC3\xA9\\n\"}");
	round_trip("[[[[1]]]]", "[[[[1]]]]");
	/* Duplicate keys are kept, both. */
	round_trip("{\"a\":1,\"a\":2}", "{\"a\":1,\"a\":2}");
	/* A raw item is written as is. */
	cJSON *o = cJSON_CreateObject();
	cJSON_AddRawToObject(o, "r", "[1,2]");
	char *s = written(o);
	assert_string_equal(s, "{\"r\":[1,2]}");
	free(s);
	cJSON_Delete(o);
}

static void
test_getters(void **state)
{
	cJSON *o = cJSON_Parse("{\"s\":\"x\",\"n\":2.5,\"b\":true,\"N\":null}");
	double d = 0;

	(void)state;
	assert_string_equal(json_str(o, "s"), "x");
	assert_null(json_str(o, "n"));
	assert_null(json_str(o, "missing"));
	assert_null(json_str(o, "S"));		/* case-sensitive */
	assert_int_equal(json_num(o, "n", &d), 0);
	assert_true(d == 2.5);
	assert_int_equal(json_num(o, "s", &d), -1);
	assert_int_equal(json_num(o, "b", &d), -1);
	assert_int_equal(json_num(o, "N", &d), -1);
	assert_int_equal(json_num(o, "missing", &d), -1);
	cJSON_Delete(o);
}

static void
set_is(cJSON *o, const char *want)
{
	char *s = written(o);

	assert_string_equal(s, want);
	free(s);
}

/* json_put: the same places as json_set, the key borrowed (not freed by
 * cJSON_Delete, shared by cJSON_Duplicate), duplicates dropped. */
static void
test_put(void **state)
{
	cJSON *o = cJSON_Parse("{\"a\":1,\"b\":2,\"a\":3}");

	(void)state;
	json_put(o, "a", cJSON_CreateString("x"));
	set_is(o, "{\"a\":\"x\",\"b\":2}");
	assert_true(o->child->type & cJSON_StringIsConst);
	json_put(o, "c", cJSON_CreateNumber(2.5));
	json_put(o, "d", cJSON_CreateBool(1));
	json_put(o, "b", cJSON_CreateNull());
	set_is(o, "{\"a\":\"x\",\"b\":null,\"c\":2.5,\"d\":true}");
	/* json_set after json_put, and the other way round, on one key */
	json_set_num(o, "c", 1);
	json_put(o, "c", cJSON_CreateNumber(3));
	set_is(o, "{\"a\":\"x\",\"b\":null,\"c\":3,\"d\":true}");
	cJSON *dup = cJSON_Duplicate(o, 1);
	cJSON_Delete(o);
	set_is(dup, "{\"a\":\"x\",\"b\":null,\"c\":3,\"d\":true}");
	cJSON_Delete(dup);
}

static void
test_set_keeps_position(void **state)
{
	cJSON *o = cJSON_Parse("{\"a\":1,\"b\":2,\"c\":3}");

	(void)state;
	json_set_str(o, "b", "x");
	set_is(o, "{\"a\":1,\"b\":\"x\",\"c\":3}");
	json_set_num(o, "a", 0.5);
	set_is(o, "{\"a\":0.5,\"b\":\"x\",\"c\":3}");
	json_set_bool(o, "c", 0);
	set_is(o, "{\"a\":0.5,\"b\":\"x\",\"c\":false}");
	json_set_bool(o, "d", 1);
	set_is(o, "{\"a\":0.5,\"b\":\"x\",\"c\":false,\"d\":true}");
	json_set(o, "b", cJSON_CreateNull());
	set_is(o, "{\"a\":0.5,\"b\":null,\"c\":false,\"d\":true}");
	json_set(o, "a", cJSON_Parse("{\"in\":[1]}"));
	set_is(o, "{\"a\":{\"in\":[1]},\"b\":null,\"c\":false,\"d\":true}");
	/* Setting the same key twice: still one item, last value. */
	json_set_str(o, "e", "1");
	json_set_str(o, "e", "2");
	set_is(o, "{\"a\":{\"in\":[1]},\"b\":null,\"c\":false,\"d\":true,"
	    "\"e\":\"2\"}");
	/* Key names are case-sensitive: "A" is a new field. */
	json_set_num(o, "A", 1);
	assert_non_null(cJSON_GetObjectItemCaseSensitive(o, "a"));
	assert_true(cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(o, "A")));
	cJSON_Delete(o);
	/* With a duplicate key, the first one is replaced in place and the
	 * later ones go, so no reader can take a stale value. */
	o = cJSON_Parse("{\"k\":1,\"x\":0,\"k\":2,\"y\":3,\"k\":4}");
	json_set_str(o, "k", "v");
	set_is(o, "{\"k\":\"v\",\"x\":0,\"y\":3}");
	cJSON_Delete(o);
	/* On an empty object. */
	o = cJSON_CreateObject();
	json_set_str(o, "only", "x");
	set_is(o, "{\"only\":\"x\"}");
	cJSON_Delete(o);
}

/* json_find_error: "what@column", or "ok". */
static char *
find_error(const char *s, size_t n)
{
	struct buf b = BUF_INIT;
	size_t col = 0;
	const char *what = NULL;

	if (json_find_error(s, n, &col, &what) == 0)
		buf_adds(&b, "ok");
	else
		buf_printf(&b, "%s@%zu", what, col);
	return buf_detach(&b);
}

static void
err_is(const char *s, const char *want)
{
	char *got = find_error(s, strlen(s));

	assert_string_equal(got, want);
	free(got);
}

static void
test_find_error(void **state)
{
	(void)state;
	err_is("{\"a\":[1,2,{\"b\":null}],\"c\":-0.5e+3}", "ok");
	err_is("{} \t\r\n", "ok");
	err_is(" \"\\u00e9\\n\" ", "ok");
	err_is("", "unexpected end of line@1");
	err_is("   ", "unexpected end of line@4");
	err_is("{", "unexpected end of line@2");
	err_is("{\"a\":", "unexpected end of line@6");
	err_is("{bad", "expected a string key@2");
	err_is("{\"a\":1,}", "expected a string key@8");
	err_is("{\"a\" 1}", "expected ':'@6");
	err_is("{\"a\":1 \"b\":2}", "expected ',' or '}'@8");
	err_is("[1,]", "expected a value@4");
	err_is("[1 2]", "expected ',' or ']'@4");
	err_is("{\"a\":1}x", "text after the value@8");
	err_is("\"abc", "unterminated string@1");
	err_is("\"a\\x\"", "invalid escape in a string@3");
	err_is("\"\\u12g4\"", "invalid \\u escape@2");
	err_is("\"a\tb\"", "control character in a string@3");
	err_is("-", "invalid number@1");
	err_is("1.", "invalid number@1");
	err_is("[1e]", "invalid number@2");
	err_is("nul", "expected a value@1");
	err_is("[tru]", "expected a value@2");
	/* The length is honoured: no reading past n. */
	char *got = find_error("{}garbage", 2);
	assert_string_equal(got, "ok");
	free(got);
	/* Deeper than cJSON's limit: reported at the bracket that is too deep. */
	struct buf deep = BUF_INIT;
	for (int i = 0; i < 1001; i++)
		buf_addc(&deep, '[');
	for (int i = 0; i < 1001; i++)
		buf_addc(&deep, ']');
	got = find_error(deep.data, deep.len);
	assert_string_equal(got, "nested too deeply@1001");
	free(got);
	buf_free(&deep);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_milli),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_write),
		cmocka_unit_test(test_put),
		cmocka_unit_test(test_getters),
		cmocka_unit_test(test_set_keeps_position),
		cmocka_unit_test(test_find_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
