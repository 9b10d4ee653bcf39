/*
 * lib/mustache: every rule of the language as cskit uses it, with expected
 * outputs worked out by hand; the specification's own tests run in
 * test_mustache_spec.
 */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include "buf.h"
#include "mustache.h"

struct fixture_partials {
	const char *name[4];
	const char *src[4];
	struct mst_template *t[4];
};

static const struct mst_template *
partial_loader(void *ctx, const char *name)
{
	struct fixture_partials *fp = ctx;

	for (int i = 0; i < 4 && fp->name[i]; i++) {
		if (strcmp(fp->name[i], name) != 0)
			continue;
		if (fp->t[i] == NULL) {
			struct buf err = BUF_INIT;
			fp->t[i] = mst_compile(fp->src[i], strlen(fp->src[i]),
			    name, &err);
			buf_free(&err);
		}
		return fp->t[i];
	}
	return NULL;
}

/*
 * Render tpl against JSON data; returns the output (or "ERR:" and the error)
 * in a static-free heap string the caller frees.
 */
static char *
render_full(const char *tpl, const char *json, int html,
    struct fixture_partials *fp, struct mst_names *missing)
{
	struct buf out = BUF_INIT, err = BUF_INIT;
	struct mst_render_opts o = { 0 };
	cJSON *data = cJSON_Parse(json);
	const cJSON *ctx = data;
	struct mst_template *t;

	assert_non_null(data);
	o.escape_html = html;
	o.missing = missing;
	if (fp != NULL) {
		o.partial = partial_loader;
		o.partial_ctx = fp;
	}
	t = mst_compile(tpl, strlen(tpl), "t.mustache", &err);
	if (t == NULL || mst_render(t, &ctx, 1, &o, &out, &err) != 0) {
		buf_reset(&out);
		buf_adds(&out, "ERR:");
		buf_adds(&out, buf_str(&err));
	}
	mst_free(t);
	cJSON_Delete(data);
	buf_free(&err);
	buf_addc(&out, '\0');
	return buf_detach(&out);
}

static void
expect(const char *tpl, const char *json, const char *want)
{
	char *got = render_full(tpl, json, 0, NULL, NULL);
	assert_string_equal(got, want);
	free(got);
}

static void
test_interpolation(void **state)
{
	(void)state;
	expect("Hello, {{name}}!", "{\"name\":\"Ana\"}", "Hello, Ana!");
	expect("{{ name }}", "{\"name\":\"Ana\"}", "Ana");
	expect("{{order.id}}/{{order.items.n}}",
	    "{\"order\":{\"id\":\"A1\",\"items\":{\"n\":3}}}", "A1/3");
	expect("[{{n}}] [{{x}}] [{{t}}] [{{f}}] [{{z}}]",
	    "{\"n\":12.5,\"x\":-3,\"t\":true,\"f\":false,\"z\":null}",
	    "[12.5] [-3] [true] [false] []");
	/* Plain text by default: nothing escaped, {{{ }}} and & the same. */
	expect("{{v}}|{{{v}}}|{{&v}}", "{\"v\":\"<a & \\\"b\\\">\"}",
	    "<a & \"b\">|<a & \"b\">|<a & \"b\">");
	/* A value is never parsed as a template. */
	expect("{{v}}", "{\"v\":\"{{secret}} {{#x}}\"}", "{{secret}} {{#x}}");
}

static void
test_html_mode(void **state)
{
	char *got;

	(void)state;
	got = render_full("{{v}}|{{{v}}}|{{&v}}", "{\"v\":\"<a & \\\"b\\\">\"}",
	    1, NULL, NULL);
	assert_string_equal(got,
	    "&lt;a &amp; &quot;b&quot;&gt;|<a & \"b\">|<a & \"b\">");
	free(got);
}

static void
test_dotted_resolution(void **state)
{
	(void)state;
	/* The first part is found down the stack, the rest only inside it. */
	expect("{{#a}}{{b.c}}{{/a}}", "{\"a\":{\"b\":{}},\"b\":{\"c\":\"X\"}}",
	    "");
	expect("{{#a}}{{x}}{{/a}}", "{\"a\":{\"y\":1},\"x\":\"outer\"}",
	    "outer");
	expect("{{a.b.c}}", "{\"a\":{\"b\":\"str\"}}", "");
}

static void
test_sections(void **state)
{
	(void)state;
	expect("{{#ok}}yes{{/ok}}", "{\"ok\":true}", "yes");
	expect("{{#ok}}yes{{/ok}}", "{\"ok\":false}", "");
	expect("{{#l}}<{{.}}>{{/l}}", "{\"l\":[1,\"b\",3]}", "<1><b><3>");
	expect("{{#l}}{{n}},{{/l}}", "{\"l\":[{\"n\":1},{\"n\":2}]}", "1,2,");
	expect("{{#o}}{{k}}{{/o}}", "{\"o\":{\"k\":\"v\"}}", "v");
	expect("{{#s}}[{{.}}]{{/s}}", "{\"s\":\"text\"}", "[text]");
	/* Falsy: missing, null, false, 0, "" and []. */
	expect("{{#a}}A{{/a}}{{#b}}B{{/b}}{{#c}}C{{/c}}{{#d}}D{{/d}}"
	    "{{#e}}E{{/e}}{{#f}}F{{/f}}",
	    "{\"b\":null,\"c\":false,\"d\":0,\"e\":\"\",\"f\":[]}", "");
	/* {} is truthy. */
	expect("{{#o}}O{{/o}}", "{\"o\":{}}", "O");
	expect("{{#a.b}}in{{/a.b}}", "{\"a\":{\"b\":true}}", "in");
}

static void
test_inverted(void **state)
{
	(void)state;
	expect("{{^a}}none{{/a}}", "{}", "none");
	expect("{{^a}}none{{/a}}", "{\"a\":[]}", "none");
	expect("{{^a}}none{{/a}}", "{\"a\":\"\"}", "none");
	expect("{{^a}}none{{/a}}", "{\"a\":[0]}", "");
	expect("{{^a}}none{{/a}}", "{\"a\":\"x\"}", "");
}

static void
test_comments_and_standalone(void **state)
{
	(void)state;
	expect("a{{! note }}b", "{}", "ab");
	expect("a\n  {{! multi\nline }}  \nb\n", "{}", "a\nb\n");
	/* A standalone section line disappears, blanks and newline too. */
	expect("Hi\n  {{#x}}\nX\n  {{/x}}\nBye\n", "{\"x\":true}",
	    "Hi\nX\nBye\n");
	/* CRLF line ends count as line ends. */
	expect("Hi\r\n{{#x}}\r\nX\r\n{{/x}}\r\n", "{\"x\":true}", "Hi\r\nX\r\n");
	/* Two tags on a line: neither stands alone. */
	expect("{{#x}}{{/x}}\nZ", "{\"x\":true}", "\nZ");
	/* An interpolation never stands alone. */
	expect("  {{v}}\n", "{\"v\":\"\"}", "  \n");
	/* Standalone at the end without a newline. */
	expect("A\n{{#x}}B{{/x}}\n  {{! end }}", "{\"x\":1}", "A\nB\n");
}

static void
test_delimiters(void **state)
{
	(void)state;
	expect("{{=<% %>=}}<% v %> {{v}}", "{\"v\":1}", "1 {{v}}");
	expect("{{=| |=}}|#l||.||/l||={{ }}=|{{v}}", "{\"l\":[1,2],\"v\":3}",
	    "123");
	/* The set-delimiter tag alone on its line goes with the line. */
	expect("a\n {{=[ ]=}} \n[v]\n", "{\"v\":\"x\"}", "a\nx\n");
}

static void
test_partials(void **state)
{
	struct fixture_partials fp = {
		{ "sig", "self", "two" },
		{ "-- {{agent}}\n", "{{>self}}", "1\n2\n" },
		{ NULL }
	};
	char *got;

	(void)state;
	got = render_full("Text\n{{>sig}}", "{\"agent\":\"Mei\"}", 0, &fp,
	    NULL);
	assert_string_equal(got, "Text\n-- Mei\n");
	free(got);
	/* Standalone partials are indented line by line, values are not. */
	got = render_full("<\n  {{>two}}\n>", "{}", 0, &fp, NULL);
	assert_string_equal(got, "<\n  1\n  2\n>");
	free(got);
	/* An unknown partial renders as nothing. */
	got = render_full("[{{>nope}}]", "{}", 0, &fp, NULL);
	assert_string_equal(got, "[]");
	free(got);
	/* A partial including itself is an error, not a stack overflow. */
	got = render_full("{{>self}}", "{}", 0, &fp, NULL);
	assert_string_equal(got, "ERR:partial 'self' nested deeper than 32 "
	    "(a partial that includes itself?)");
	free(got);
	for (int i = 0; i < 4; i++)
		mst_free(fp.t[i]);
}

static void
test_missing_names(void **state)
{
	struct mst_names missing = MST_NAMES_INIT;
	char *got;

	(void)state;
	got = render_full("Order {{order_id}} {{x.y}} {{order_id}} {{e}} "
	    "{{#no}}{{hidden}}{{/no}}{{ok}}", "{\"e\":\"\",\"ok\":\"!\"}", 0,
	    NULL, &missing);
	assert_string_equal(got, "Order     !");
	assert_int_equal(missing.n, 3);
	assert_string_equal(missing.v[0], "order_id");
	assert_string_equal(missing.v[1], "x.y");
	assert_string_equal(missing.v[2], "e");
	mst_names_free(&missing);
	free(got);
}

static void
expect_error(const char *tpl, const char *want)
{
	char *got = render_full(tpl, "{}", 0, NULL, NULL);
	assert_string_equal(got, want);
	free(got);
}

static void
test_syntax_errors(void **state)
{
	(void)state;
	expect_error("a\nb {{#x}}\n", "ERR:t.mustache:2:3: section 'x' is "
	    "never closed");
	expect_error("ab\n{{#x}}{{/y}}", "ERR:t.mustache:2:7: closing tag 'y' "
	    "does not match the section 'x' opened at line 2");
	expect_error("x {{/y}}", "ERR:t.mustache:1:3: closing tag 'y' without "
	    "an open section");
	expect_error("né {{oops", "ERR:t.mustache:1:4: unclosed tag: no '}}' "
	    "after it");
	expect_error("{{a b}}", "ERR:t.mustache:1:1: invalid name 'a b'");
	expect_error("{{a..b}}", "ERR:t.mustache:1:1: invalid name 'a..b'");
	expect_error("{{}}", "ERR:t.mustache:1:1: invalid name ''");
	expect_error("{{=<%=}}", "ERR:t.mustache:1:1: invalid set-delimiter "
	    "tag: need two delimiters without '=' or blanks");
	expect_error("{{>}}", "ERR:t.mustache:1:1: partial tag without a name");
	expect_error("{{{v}}", "ERR:t.mustache:1:1: unclosed tag: no '}}}' "
	    "after it");
}

static void
test_deep_nesting(void **state)
{
	struct buf tpl = BUF_INIT, err = BUF_INIT;
	struct mst_template *t;

	(void)state;
	for (int i = 0; i <= MST_MAX_SECTION_DEPTH; i++)
		buf_adds(&tpl, "{{#a}}");
	t = mst_compile(tpl.data, tpl.len, "deep", &err);
	assert_null(t);
	assert_non_null(strstr(buf_str(&err), "nested deeper than 100"));
	buf_free(&tpl);
	buf_free(&err);
}

/* Slots for mst_bind: "a" is 0, "b" 1, "c" 2, everything else unbound. */
static int
slot_of(void *arg, const char *name)
{
	static const char *const names[] = { "a", "b", "c" };

	(void)arg;
	for (int i = 0; i < 3; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

static const cJSON *
self_value(void *arg)
{
	return arg;
}

static void
test_bound_slots(void **state)
{
	const char *src = "{{a}}|{{b.x}}|{{#list}}{{a}}{{c}};{{/list}}|{{d}}|"
	    "{{^c}}no c{{/c}}|{{.}}";
	cJSON *slot_a = cJSON_CreateString("A");
	cJSON *slot_b = cJSON_Parse("{\"x\":\"BX\"}");
	cJSON *list = cJSON_Parse("{\"list\":[{\"a\":\"inner\"},{}],"
	    "\"d\":\"D\",\"a\":\"not me\"}");
	cJSON *self = cJSON_CreateString("SELF");
	const cJSON *slots[3];
	const cJSON *ctx = list;
	struct mst_render_opts o = { 0 };
	struct buf out = BUF_INIT, err = BUF_INIT;
	struct mst_template *t;

	(void)state;
	t = mst_compile(src, strlen(src), "t", &err);
	assert_non_null(t);
	mst_bind(t, slot_of, NULL);
	slots[0] = slot_a;
	slots[1] = slot_b;
	slots[2] = NULL;		/* c: absent */
	o.slots = slots;
	o.nslots = 3;
	o.self = self_value;
	o.self_ctx = self;
	/* Bound names come from the slots, not from ctx ("not me"); inside
	 * a section the item's own field comes first; the unbound d is
	 * searched in ctx; `.` outside sections is self. */
	assert_int_equal(mst_render(t, &ctx, 1, &o, &out, &err), 0);
	assert_string_equal(buf_str(&out), "A|BX|inner;A;|D|no c|SELF");
	/* Without slots the same template reads ctx alone. */
	buf_reset(&out);
	o.slots = NULL;
	assert_int_equal(mst_render(t, &ctx, 1, &o, &out, &err), 0);
	assert_string_equal(buf_str(&out),
	    "not me||inner;not me;|D|no c|{\"list\":[{\"a\":\"inner\"},{}],"
	    "\"d\":\"D\",\"a\":\"not me\"}");
	mst_free(t);
	cJSON_Delete(slot_a);
	cJSON_Delete(slot_b);
	cJSON_Delete(list);
	cJSON_Delete(self);
	buf_free(&out);
	buf_free(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_interpolation),
		cmocka_unit_test(test_html_mode),
		cmocka_unit_test(test_dotted_resolution),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_inverted),
		cmocka_unit_test(test_comments_and_standalone),
		cmocka_unit_test(test_delimiters),
		cmocka_unit_test(test_partials),
		cmocka_unit_test(test_missing_names),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_bound_slots),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
