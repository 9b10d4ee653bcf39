/*
 * lib/preset: preset files read into import specs: directives, rules,
 * continuation lines, errors with their line, the installed presets.
 */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "event.h"
#include "import.h"
#include "preset.h"
#include "ts.h"

/* Parse text; returns the status, the error in err. */
static int
parse(const char *text, struct import_spec *sp, struct preset *ps,
    struct buf *err)
{
	import_spec_init(sp);
	*ps = (struct preset)PRESET_INIT;
	buf_reset(err);
	return preset_parse(text, strlen(text), "t.preset", sp, ps, err);
}

static void
test_directives(void **state)
{
	struct import_spec sp;
	struct preset ps;
	struct buf err = BUF_INIT;

	(void)state;
	assert_int_equal(parse(
	    "# a comment\n"
	    "\n"
	    "describe Our desk\n"
	    "prefix od_\n"
	    "input csv\n"
	    "delimiter semicolon\n"
	    "encoding WINDOWS-1252\n"
	    "time-format %d/%m/%Y\n"
	    "field ts = created\n"			/* an unnamed rule */
	    "rule ratings\n"
	    "  when score\r\n"				/* indent, CRLF */
	    "  field conversation = ticket | \\\n"
	    "      id\n"				/* continued */
	    "  field score ?= 5\n"
	    "  set type rating\n"
	    "  map score 103=5, -103=1\n"
	    "  keep none\n"
	    "  unique conversation as repeats\n"
	    "  drop closed as closed ones\n",
	    &sp, &ps, &err), PRESET_OK);
	assert_string_equal(ps.name, "t");		/* from the path */
	assert_string_equal(sp.name, "t");
	assert_string_equal(ps.describe, "Our desk");
	assert_string_equal(sp.prefix, "od_");
	assert_int_equal(ps.format, EV_CSV);
	assert_int_equal(ps.delimiter, ';');
	assert_string_equal(ps.encoding, "WINDOWS-1252");
	assert_int_equal(ps.ntime_formats, 1);
	assert_int_equal(sp.nrules, 2);
	assert_null(sp.rules[0].name);
	assert_int_equal(sp.rules[0].nfields, 1);
	const struct import_rule *r = &sp.rules[1];
	assert_string_equal(r->name, "ratings");
	assert_int_equal(r->when.n, 1);
	assert_int_equal(r->nfields, 3);
	assert_string_equal(r->fields[0].name, "conversation");
	assert_string_equal(ex_source(r->fields[0].expr), "ticket | id");
	assert_true(r->fields[1].fallback);
	assert_true(r->fields[0].quiet);		/* a preset's */
	assert_int_equal(r->keep, IMPORT_KEEP_NONE);
	assert_string_equal(r->unique, "conversation");
	assert_string_equal(r->unique_label, "repeats");
	assert_string_equal(r->drops[0].label, "closed ones");
	assert_int_equal(r->maps[0].map.n, 2);

	/* What it says of input goes where the command line said nothing. */
	struct ev_reader_opts in = { .format = EV_JSONL };
	struct ts_parser ts = { NULL, { "%Y" } };
	preset_apply_input(&ps, &in, &ts);
	assert_int_equal(in.format, EV_CSV);
	assert_int_equal(in.delimiter, ';');
	assert_string_equal(ts.time_format[0], "%Y");	/* the user's first */
	assert_string_equal(ts.time_format[1], "%d/%m/%Y");
	struct ev_reader_opts given = { .format = EV_TSV, .format_given = 1,
	    .delimiter = '|' };
	preset_apply_input(&ps, &given, &ts);
	assert_int_equal(given.format, EV_TSV);
	assert_int_equal(given.delimiter, '|');
	import_spec_free(&sp);
	preset_free(&ps);
	/* The preset directive names it. */
	assert_int_equal(parse("preset ourdesk\nfield a = b\n", &sp, &ps, &err),
	    PRESET_OK);
	assert_string_equal(sp.name, "ourdesk");
	import_spec_free(&sp);
	preset_free(&ps);
	buf_free(&err);
}

static void
test_errors(void **state)
{
	static const struct { const char *text, *err; } cases[] = {
		{ "field a = b\nfild x = y\n", "t.preset:2: unknown directive "
		    "'fild'" },
		{ "field a b\n", "t.preset:1: field a: expected '=' or '?=' "
		    "after the name" },
		{ "field a = b[\n", "t.preset:1: field a: expected [N] or "
		    "[KEY=VALUE]" },
		{ "field a = Total (EUR)\n", "t.preset:1: field a: unexpected "
		    "text" },
		{ "\n\nmap role a=boss\n", "t.preset:3: map role: a role must "
		    "be" },
		{ "explode a[.b\n", "t.preset:1: explode a[.b:" },
		{ "field a = b\ninput xml\n", "t.preset:2: input xml:" },
		{ "when\n", "t.preset:1: when: expected a value" },
		{ "drop a=\n", "t.preset:1: drop:" },
		{ "field a = \\\n  b[\n", "t.preset:1: field a:" },
		{ "# nothing\n", "t.preset: no rules" },
		{ "", "t.preset: no rules" },
	};
	struct import_spec sp;
	struct preset ps;
	struct buf err = BUF_INIT;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(parse(cases[i].text, &sp, &ps, &err),
		    PRESET_BAD);
		if (strncmp(buf_str(&err), cases[i].err,
		    strlen(cases[i].err)) != 0)
			fail_msg("'%s': '%s', not '%s...'", cases[i].text,
			    buf_str(&err), cases[i].err);
		import_spec_free(&sp);
		preset_free(&ps);
	}
	/* A NUL byte. */
	import_spec_init(&sp);
	buf_reset(&err);
	assert_int_equal(preset_parse("field a = b\0x", 13, "n.preset", &sp,
	    &ps, &err), PRESET_BAD);
	assert_string_equal(buf_str(&err), "n.preset: a NUL byte: not a preset");
	import_spec_free(&sp);
	preset_free(&ps);
	buf_free(&err);
}

/* The presets installed with cskit ($CSKIT_SHARE, set by the test
 * runner): every one loads and is listed; a wrong name is told the
 * nearest. */
static void
test_installed(void **state)
{
	static const char *const names[] = {
		"chatwoot", "freshdesk", "gorgias", "intercom", "shopify-orders",
		"zendesk",
	};
	struct import_spec sp;
	struct preset ps = PRESET_INIT;
	struct buf err = BUF_INIT, list = BUF_INIT;

	(void)state;
	if (getenv("CSKIT_SHARE") == NULL)
		skip();
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		import_spec_init(&sp);
		if (preset_load(names[i], &sp, &ps, &err) != PRESET_OK)
			fail_msg("%s: %s", names[i], buf_str(&err));
		assert_string_equal(sp.name, names[i]);
		assert_non_null(ps.describe);
		assert_true(sp.nrules >= 1);
		import_spec_free(&sp);
		preset_free(&ps);
	}
	assert_int_equal(preset_list(&list), 0);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		assert_non_null(strstr(buf_str(&list), names[i]));
	import_spec_init(&sp);
	assert_int_equal(preset_load("zendsk", &sp, &ps, &err),
	    PRESET_NOT_FOUND);
	assert_non_null(strstr(buf_str(&err), "did you mean zendesk?"));
	buf_reset(&err);
	assert_int_equal(preset_load("../etc", &sp, &ps, &err),
	    PRESET_NOT_FOUND);	/* a path: no such file */
	buf_reset(&err);
	assert_int_equal(preset_load("x.y", &sp, &ps, &err), PRESET_NOT_FOUND);
	import_spec_free(&sp);
	preset_free(&ps);
	buf_free(&err);
	buf_free(&list);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_directives),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_installed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
