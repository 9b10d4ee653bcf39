/*
 * lib/expr: paths, lookups, choices, html() and number(), conditions,
 * globs, value maps and explode, on small records written by hand.
 */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include "buf.h"
#include "expr.h"
#include "json.h"

/* A Zendesk-like document: a ticket with comments, users beside it. */
static const char doc[] =
    "{\"tickets\":[{\"id\":101,\"type\":\"question\",\"requester_id\":7,"
    "\"via\":{\"channel\":\"email\"},\"comments\":["
    "{\"id\":1,\"author_id\":7,\"html_body\":\"<p>Hallo &amp; danke</p>\","
    "\"public\":true},"
    "{\"id\":2,\"author_id\":9,\"body\":\"intern\",\"public\":false},"
    "{\"id\":3,\"author_id\":9,\"html_body\":\"\",\"body\":\"Hi!\","
    "\"public\":true}]}],"
    "\"users\":[{\"id\":7,\"role\":\"end-user\",\"name\":\"Lena\"},"
    "{\"id\":9,\"role\":\"agent\",\"name\":\"王芳\"}],"
    "\"Total (EUR)\":\"1.234,50\",\"a.b\":\"dotted key\",\"a\":{\"b\":\"nested\"},"
    "\"list\":[\"x\",\"y\"],\"n\":5,\"f\":false,\"z\":null,\"e\":\"\"}";

struct fixture {
	cJSON		*doc;
	struct ex_cache	 cache;
	struct ex_scope	 sc;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	f->doc = cJSON_Parse(doc);
	if (f->doc == NULL)
		return -1;
	f->sc.level[0] = f->doc;
	f->sc.n = 1;
	f->sc.cache = &f->cache;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	ex_cache_free(&f->cache);
	cJSON_Delete(f->doc);
	free(f);
	return 0;
}

/* The value of expression text at sc, as JSON text ("-" when absent). */
static char *
value_at(const struct ex_scope *sc, const char *text)
{
	const char *why = NULL;
	struct ex *e = ex_parse(text, EX_LENIENT, &why);
	struct buf b = BUF_INIT;
	cJSON *made = NULL;

	if (e == NULL)
		fail_msg("'%s' does not compile: %s", text, why);
	const cJSON *v = ex_eval(e, sc, &made);
	if (v == NULL)
		buf_adds(&b, "-");
	else
		json_write(&b, v);
	cJSON_Delete(made);
	ex_free(e);
	return buf_detach(&b);
}

#define VALUE(sc, text, want) do {					\
	char *got_ = value_at(sc, text);				\
	assert_string_equal(got_, want);				\
	free(got_);							\
} while (0)

static void
test_paths(void **state)
{
	struct fixture *f = *state;

	VALUE(&f->sc, "n", "5");
	VALUE(&f->sc, "a.b", "\"dotted key\"");	/* the member named so */
	VALUE(&f->sc, "a . b", "\"nested\"");	/* not a member: the path */
	VALUE(&f->sc, "tickets[0].via.channel", "\"email\"");
	VALUE(&f->sc, "tickets[0].comments[2].body", "\"Hi!\"");
	VALUE(&f->sc, "tickets[1].id", "-");
	VALUE(&f->sc, "list[1]", "\"y\"");
	VALUE(&f->sc, "n.x", "-");		/* into a number: absent */
	VALUE(&f->sc, "Total (EUR)", "\"1.234,50\"");	/* not an expression */
	VALUE(&f->sc, "number(Total (EUR))", "-");	/* no such member */
	VALUE(&f->sc, "users[id=9].name", "\"王芳\"");
	VALUE(&f->sc, "users[id=\"7\"].role", "\"end-user\"");
	VALUE(&f->sc, "users[id=n].name", "-");	/* no user 5 */
	struct ex_scope small = { { json_get(f->doc, "a") }, 1, NULL };
	VALUE(&small, ".", "{\"b\":\"nested\"}");
	VALUE(&small, "^.", "-");
}

static void
test_choices_and_functions(void **state)
{
	struct fixture *f = *state;

	VALUE(&f->sc, "z | e | nothing | n", "5");
	VALUE(&f->sc, "z | \"fallback\"", "\"fallback\"");
	VALUE(&f->sc, "f | n", "false");	/* false is a value */
	VALUE(&f->sc, "\"a \\\"quoted\\\" text\"", "\"a \\\"quoted\\\" text\"");
	VALUE(&f->sc, "html(tickets[0].comments[0].html_body)",
	    "\"Hallo & danke\"");
	VALUE(&f->sc, "html(n)", "5");		/* not a string: as it is */
	VALUE(&f->sc, "number(\"59.90\")", "59.9");
	VALUE(&f->sc, "number(\"1,234.50\")", "1234.5");
	VALUE(&f->sc, "number(\"1.234,50\")", "1234.5");
	VALUE(&f->sc, "number(\"1,234\")", "1234");
	VALUE(&f->sc, "number(\"12,5\")", "12.5");
	VALUE(&f->sc, "number(\"-3\")", "-3");
	VALUE(&f->sc, "number(\"abc\")", "-");
	VALUE(&f->sc, "number(\"nan\")", "-");
	VALUE(&f->sc, "number(\"0x10\")", "-");
	VALUE(&f->sc, "number(n)", "5");
}

/* In an element: ^ reaches the levels it came from. */
static void
elem_value(void *ctx, struct ex_scope *sc, const char *where)
{
	struct buf *out = ctx;
	char *role = value_at(sc, "^^users[id=author_id].role | "
	    "^users[id=author_id].role | \"?\"");
	char *conv = value_at(sc, "^id");
	char *text = value_at(sc, "html(html_body) | body");

	buf_printf(out, "%s %s %s %s\n", where, conv, role, text);
	free(role);
	free(conv);
	free(text);
}

static void
test_explode(void **state)
{
	struct fixture *f = *state;
	const char *why = NULL;
	struct buf out = BUF_INIT;
	struct ex_explode *x = ex_explode_parse(
	    "tickets[].comments | comments | .", &why);

	assert_non_null(x);
	assert_int_equal(ex_explode_each(x, &f->sc, elem_value, &out), 3);
	assert_string_equal(buf_str(&out),
	    "tickets[0].comments[0] 101 \"end-user\" \"Hallo & danke\"\n"
	    "tickets[0].comments[1] 101 \"agent\" \"intern\"\n"
	    "tickets[0].comments[2] 101 \"agent\" \"Hi!\"\n");
	assert_int_equal(f->sc.n, 1);		/* levels popped */
	/* A ticket alone (the full export's lines): comments, one level. */
	cJSON *ticket = cJSON_GetArrayItem(json_get(f->doc, "tickets"), 0);
	struct ex_scope one = { { ticket }, 1, &f->cache };
	buf_reset(&out);
	assert_int_equal(ex_explode_each(x, &one, elem_value, &out), 3);
	assert_string_equal(buf_str(&out),
	    "comments[0] 101 \"?\" \"Hallo & danke\"\n"
	    "comments[1] 101 \"?\" \"intern\"\n"
	    "comments[2] 101 \"?\" \"Hi!\"\n");
	/* Neither: the record itself. */
	struct ex_scope self = { { json_get(f->doc, "a") }, 1, &f->cache };
	buf_reset(&out);
	assert_int_equal(ex_explode_each(x, &self, elem_value, &out), 1);
	assert_string_equal(buf_str(&out), " - \"?\" -\n");
	ex_explode_free(x);
	/* An object at a level is one element; no such path, none. */
	x = ex_explode_parse("a", &why);
	buf_reset(&out);
	assert_int_equal(ex_explode_each(x, &f->sc, elem_value, &out), 1);
	ex_explode_free(x);
	x = ex_explode_parse("nothing[].here", &why);
	assert_int_equal(ex_explode_each(x, &f->sc, elem_value, &out), EX_NONE);
	ex_explode_free(x);
	assert_null(ex_explode_parse("a[", &why));
	assert_non_null(why);
	assert_null(ex_explode_parse("a..b", &why));
	buf_free(&out);
}

static int
holds(struct fixture *f, const char *text)
{
	struct ex_conds c = EX_CONDS_INIT;
	const char *why;

	if (ex_conds_parse(&c, text, EX_LENIENT, &why) < 0)
		fail_msg("'%s' does not compile: %s", text, why);
	int h = ex_conds_hold(&c, &f->sc);
	ex_conds_free(&c);
	return h;
}

static void
test_conditions(void **state)
{
	struct fixture *f = *state;
	struct ex_conds c = EX_CONDS_INIT;
	const char *why;

	assert_true(holds(f, "n"));
	assert_false(holds(f, "f"));		/* false is not present */
	assert_false(holds(f, "z"));
	assert_false(holds(f, "e"));
	assert_true(holds(f, "!e"));
	assert_true(holds(f, "!missing"));
	assert_true(holds(f, "n=5"));
	assert_true(holds(f, "n = 3, 4 ,5"));
	assert_false(holds(f, "n=50"));
	assert_true(holds(f, "f=false"));
	assert_true(holds(f, "users[id=7].role=END-*"));
	assert_true(holds(f, "users[id=9].role!=end-user,admin"));
	assert_true(holds(f, "missing!=x"));	/* absent matches nothing */
	assert_false(holds(f, "missing=*"));
	assert_true(holds(f, "tickets[0].requester_id==users[id=7].id"));
	assert_false(holds(f, "tickets[0].requester_id==users[id=9].id"));
	assert_false(holds(f, "missing==missing"));
	assert_true(holds(f, "not tickets[0].requester_id==users[id=9].id"));
	assert_false(holds(f, "not n"));
	assert_true(holds(f, "not missing==missing"));
	assert_true(holds(f, "n=5 and users[id=9].name=王*"));
	assert_false(holds(f, "n=5 and f"));
	assert_int_equal(ex_conds_parse(&c, "", EX_LENIENT, &why), -1);
	assert_int_equal(ex_conds_parse(&c, "a=", EX_LENIENT, &why), -1);
	ex_conds_free(&c);
}

static void
test_globs_and_maps(void **state)
{
	struct ex_map m = EX_MAP_INIT;
	const char *why;
	cJSON *v;

	(void)state;
	assert_true(ex_glob("Staff *", "staff Anna"));
	assert_false(ex_glob("Staff *", "Staffer"));
	assert_true(ex_glob("*", ""));
	assert_true(ex_glob("a*b*c", "aXXbYYbZc"));
	assert_false(ex_glob("a*b*c", "aXXbYYbZ"));
	assert_true(ex_glob("?-?", "é-x"));	/* ? is one UTF-8 char */
	assert_true(ex_glob("\\*", "*"));
	assert_false(ex_glob("\\*", "x"));
	assert_true(ex_glob("\\?", "?"));
	assert_false(ex_glob("\\?", "x"));
	/* A long text against many stars stays fast. */
	char big[20001];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_false(ex_glob("*a*a*a*a*a*a*a*b", big));

	assert_int_equal(ex_map_add(&m, "0=customer, 1=agent,3=bot,"
	    "Staff *=agent,true=customer,good=true,bad=false,103=5,"
	    "a\\,b=x\\=y", &why), 0);
	static const char *const cases[][2] = {
		{ "0", "\"customer\"" }, { "1", "\"agent\"" },
		{ "\"staff Bo\"", "\"agent\"" }, { "true", "\"customer\"" },
		{ "\"good\"", "true" }, { "\"BAD\"", "false" }, { "103", "5" },
		{ "\"a,b\"", "\"x=y\"" }, { "2", "-" }, { "\"other\"", "-" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf b = BUF_INIT;
		v = cJSON_Parse(cases[i][0]);
		const cJSON *to = ex_map_find(&m, v);
		if (to == NULL)
			buf_adds(&b, "-");
		else
			json_write(&b, to);
		assert_string_equal(buf_str(&b), cases[i][1]);
		buf_free(&b);
		cJSON_Delete(v);
	}
	assert_int_equal(ex_map_add(&m, "nothing", &why), -1);
	assert_int_equal(ex_map_add(&m, "=x", &why), -1);
	assert_int_equal(ex_map_add(&m, "", &why), -1);
	ex_map_free(&m);
}

static void
add(void *ctx, const char *name)
{
	buf_printf(ctx, "%s;", name);
}

static void
test_roots(void **state)
{
	const char *why;
	struct buf names = BUF_INIT;
	struct ex *e = ex_parse("html(Body) | Message | ^id | \"x\"",
	    EX_LENIENT, &why);

	(void)state;
	assert_int_equal(ex_roots(e, add, &names), 2);
	assert_string_equal(buf_str(&names), "Body;Message;");
	assert_string_equal(ex_source(e), "html(Body) | Message | ^id | \"x\"");
	assert_null(ex_plain_name(e));
	ex_free(e);
	e = ex_parse("  Created at ", EX_LENIENT, &why);
	assert_string_equal(ex_plain_name(e), "Created at");
	ex_free(e);
	buf_free(&names);
	assert_null(ex_parse("   ", EX_LENIENT, &why));
	/* Strict: what is no expression is an error, said. */
	assert_null(ex_parse("Total (EUR)", EX_STRICT, &why));
	assert_non_null(why);
	assert_null(ex_parse("a[b", EX_STRICT, &why));
	assert_null(ex_parse("html(a", EX_STRICT, &why));
	assert_string_equal(why, "expected ')'");
	e = ex_parse("Total \\(EUR\\)", EX_STRICT, &why);
	assert_string_equal(ex_plain_name(e), "Total (EUR)");
	ex_free(e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_paths, setup, teardown),
		cmocka_unit_test_setup_teardown(test_choices_and_functions,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_explode, setup, teardown),
		cmocka_unit_test_setup_teardown(test_conditions, setup,
		    teardown),
		cmocka_unit_test(test_globs_and_maps),
		cmocka_unit_test(test_roots),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
