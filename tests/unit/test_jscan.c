/*
 * lib/jscan: the validating scanner behind partial events.  What matters:
 * it never accepts a text the full parser rejects, and the spans it gives
 * are exactly each member's key and value.
 */
#include "unit.h"

#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>

#include "jscan.h"

static int
scan(struct jscan *js, const char *s)
{
	return jscan_object(js, s, strlen(s), 1000);
}

static void
assert_member(const struct jscan *js, size_t i, const char *key,
    const char *val)
{
	assert_true(i < js->n);
	assert_int_equal(js->m[i].keylen, strlen(key));
	assert_memory_equal(js->m[i].key, key, strlen(key));
	assert_int_equal(js->m[i].vallen, strlen(val));
	assert_memory_equal(js->m[i].val, val, strlen(val));
}

static void
test_members(void **state)
{
	struct jscan js = JSCAN_INIT;

	(void)state;
	assert_true(scan(&js, " { \"a\" : 1 , \"b\":\"x y\",\"c\":{\"d\":[1,"
	    "{\"e\":null}]},\"a\":-0.5e+3,\"\":[] ,\"f\":true}\r\n"));
	assert_int_equal(js.n, 6);
	assert_member(&js, 0, "a", "1");
	assert_member(&js, 1, "b", "\"x y\"");
	assert_member(&js, 2, "c", "{\"d\":[1,{\"e\":null}]}");
	assert_member(&js, 3, "a", "-0.5e+3");
	assert_member(&js, 4, "", "[]");
	assert_member(&js, 5, "f", "true");
	assert_true(js.m[1].val_plain);
	assert_false(js.m[0].val_plain);
	assert_false(js.m[2].val_plain);

	assert_true(scan(&js, "{\"t\":\"a\\\"b\\\\c\\/\\n\",\"u\":\"caf\xc3\xa9\"}"));
	assert_int_equal(js.n, 2);
	assert_false(js.m[0].val_plain);	/* escapes: decode it fully */
	assert_true(js.m[1].val_plain);

	assert_true(scan(&js, "{}"));
	assert_int_equal(js.n, 0);
	assert_true(scan(&js, "{\"a\":{},\"b\":[[]],\"c\":[{}]}"));
	assert_int_equal(js.n, 3);
	jscan_free(&js);
}

/* Long strings go eight bytes a step: a special byte at every offset. */
static void
test_long_strings(void **state)
{
	struct jscan js = JSCAN_INIT;
	char s[80];

	(void)state;
	for (int at = 0; at < 40; at++) {
		for (int k = 0; k < 3; k++) {
			memset(s, 'x', sizeof s);
			memcpy(s, "{\"k\":\"", 6);
			memcpy(s + 60, "\"}", 3);
			s[6 + at] = k == 0 ? '"' : k == 1 ? '\x01' : '\\';
			if (k == 2)
				s[7 + at] = 'n';
			int ok = scan(&js, s);
			/* a quote ends the string early: text after it */
			assert_int_equal(ok, k == 2);
			if (ok)
				assert_int_equal(js.m[0].vallen, 56);
		}
	}
	jscan_free(&js);
}

/*
 * UTF-8 is checked inside strings, at every offset of a long string (both
 * sides of the sixteen- and eight-byte steps): é is kept, a lone
 * continuation byte, an overlong form, a surrogate, a cut sequence and
 * bytes past U+10FFFF decline, and so does any byte of 0x80 and up outside
 * a string.
 */
static void
test_utf8(void **state)
{
	static const struct { const char *b; int ok; } seq[] = {
		{ "\xC3\xA9", 1 }, { "\xE6\x97\xA5", 1 },
		{ "\xF0\x9F\x98\x80", 1 }, { "\xEF\xBF\xBF", 1 },
		{ "\x80", 0 }, { "\xBF", 0 }, { "\xC0\xAF", 0 },
		{ "\xC1\xBF", 0 }, { "\xE0\x80\xAF", 0 },
		{ "\xED\xA0\x80", 0 }, { "\xF4\x90\x80\x80", 0 },
		{ "\xF5\x80\x80\x80", 0 }, { "\xFF", 0 }, { "\xC3", 0 },
		{ "\xE6\x97", 0 }, { "\xC3\xA9\xA9", 0 },
	};
	struct jscan js = JSCAN_INIT;
	char s[80];

	(void)state;
	for (size_t q = 0; q < sizeof seq / sizeof *seq; q++) {
		size_t len = strlen(seq[q].b);
		for (int at = 0; at < 50; at++) {
			memset(s, 'x', sizeof s);
			memcpy(s, "{\"k\":\"", 6);
			memcpy(s + 60, "\"}", 3);
			memcpy(s + 6 + at, seq[q].b, len);
			if (scan(&js, s) != seq[q].ok)
				fail_msg("sequence %zu at %d", q, at);
			if (seq[q].ok)
				assert_int_equal(js.m[0].vallen, 56);
			/* the same bytes in the key */
			memset(s, 'x', sizeof s);
			memcpy(s, "{\"", 2);
			memcpy(s + 2 + at, seq[q].b, len);
			memcpy(s + 60, "\":1}", 5);
			assert_int_equal(scan(&js, s), seq[q].ok);
		}
	}
	assert_false(scan(&js, "{\"a\":1\xC3\xA9}"));
	assert_false(scan(&js, "{\"a\":\xC3\xA9}"));
	assert_false(scan(&js, "\xC2\xA0{\"a\":1}"));
	assert_false(jscan_object(&js, "{\"a\":\"\0\"}", 8, 10));
	jscan_free(&js);
}

static void
test_declines(void **state)
{
	static const char *const bad[] = {
		"", " ", "[]", "\"a\"", "1", "{", "}", "{\"a\"}", "{\"a\":}",
		"{\"a\":1,}", "{,}", "{\"a\":1}x", "{\"a\":1}{}", "{a:1}",
		"{'a':1}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}",
		"{\"a\":1e}", "{\"a\":+1}", "{\"a\":-}", "{\"a\":tru}",
		"{\"a\":nul}", "{\"a\":True}", "{\"a\":[1,]}", "{\"a\":[,1]}",
		"{\"a\":[1}", "{\"a\":{]}", "{\"a\":{\"b\"}}", "{\"a\":{\"b\":1,}}",
		"{\"a\":\"x}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u0041\"}",
		"{\"a\\n\":1}", "{\"a\":\"tab\there\"}", "{\"a\":1\x01}",
		"{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":[1 2]}",
	};
	struct jscan js = JSCAN_INIT;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		if (scan(&js, bad[i]))
			fail_msg("accepted: %s", bad[i]);
	}
	jscan_free(&js);
}

static void
test_depth(void **state)
{
	struct jscan js = JSCAN_INIT;
	char s[64];

	(void)state;
	strcpy(s, "{\"a\":[[{\"b\":[]}]]}");	/* depth 5 */
	assert_true(jscan_object(&js, s, strlen(s), 5));
	assert_false(jscan_object(&js, s, strlen(s), 4));
	assert_false(jscan_object(&js, "{}", 2, 0));

	/* 100,000 levels: declined without recursion */
	size_t n = 200000 + 10;
	char *deep = malloc(n);
	memcpy(deep, "{\"a\":", 5);
	memset(deep + 5, '[', 100000);
	memset(deep + 5 + 100000, ']', 100000);
	memcpy(deep + 5 + 200000, "}", 1);
	assert_false(jscan_object(&js, deep, 200006, 1000));
	assert_false(jscan_object(&js, deep, 200006, 1 << 30));
	free(deep);
	jscan_free(&js);
}

/*
 * Whatever jscan accepts, cJSON parses to an object with the same keys in
 * the same order, each value parsing alone to the same thing.  Texts made
 * by mutating good lines byte by byte.
 */
static void
test_agrees_with_cjson(void **state)
{
	static const char *const seeds[] = {
		"{\"ts\":\"2026-01-01T00:00:00Z\",\"n\":[1,2.5,-3e2],\"o\":"
		    "{\"x\":null,\"y\":false},\"s\":\"a\\tb\"}",
		"{\"a\":{\"b\":{\"c\":[[],{}]}},\"d\":\"\"}",
	};
	static const char alphabet[] = "{}[]:,\"\\ 0-1.eE+tnfaluxb";
	struct jscan js = JSCAN_INIT;
	unsigned seed = 7;

	(void)state;
	for (size_t si = 0; si < sizeof seeds / sizeof *seeds; si++) {
		size_t n = strlen(seeds[si]);
		char *s = malloc(n + 1);
		for (int round = 0; round < 20000; round++) {
			memcpy(s, seeds[si], n + 1);
			for (int k = 0; k < 1 + round % 3; k++) {
				seed = seed * 1103515245u + 12345u;
				size_t at = (seed >> 8) % n;
				seed = seed * 1103515245u + 12345u;
				s[at] = alphabet[(seed >> 8) %
				    (sizeof alphabet - 1)];
			}
			if (!jscan_object(&js, s, n, 1000))
				continue;
			cJSON *o = cJSON_ParseWithLength(s, n);
			if (o == NULL || !cJSON_IsObject(o))
				fail_msg("jscan accepted what cJSON rejects: %s", s);
			size_t i = 0;
			for (cJSON *c = o->child; c; c = c->next, i++) {
				assert_true(i < js.n);
				assert_int_equal(strlen(c->string), js.m[i].keylen);
				assert_memory_equal(c->string, js.m[i].key,
				    js.m[i].keylen);
				cJSON *v = cJSON_ParseWithLength(js.m[i].val,
				    js.m[i].vallen);
				assert_non_null(v);
				/* printed, not cJSON_Compare: that one
				 * is confused by duplicate keys */
				char *pv = cJSON_PrintUnformatted(v);
				char *pc = cJSON_PrintUnformatted(c);
				if (strcmp(pv, pc) != 0)
					fail_msg("member %zu differs: %s", i, s);
				cJSON_free(pv);
				cJSON_free(pc);
				cJSON_Delete(v);
			}
			assert_int_equal(i, js.n);
			cJSON_Delete(o);
		}
		free(s);
	}
	jscan_free(&js);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_members),
		cmocka_unit_test(test_long_strings),
		cmocka_unit_test(test_declines),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_agrees_with_cjson),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
