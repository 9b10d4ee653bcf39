/*
 * lib/cli: sizes for --max-line and the common options (those that do not
 * exit; --help, --version and usage errors are golden tests of the tools).
 */
#include "unit.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "tz.h"

static void
test_parse_size(void **state)
{
	(void)state;
	assert_int_equal(cli_parse_size("4096"), 4096);
	assert_int_equal(cli_parse_size("0"), 0);
	assert_int_equal(cli_parse_size("1k"), 1024);
	assert_int_equal(cli_parse_size("1K"), 1024);
	assert_int_equal(cli_parse_size("1kb"), 1024);
	assert_int_equal(cli_parse_size("64M"), 64LL << 20);
	assert_int_equal(cli_parse_size("64MB"), 64LL << 20);
	assert_int_equal(cli_parse_size("2G"), 2LL << 30);
	assert_int_equal(cli_parse_size("10B"), 10);
	assert_int_equal(cli_parse_size(""), -1);
	assert_int_equal(cli_parse_size("M"), -1);
	assert_int_equal(cli_parse_size("-1"), -1);
	assert_int_equal(cli_parse_size("1T"), -1);
	assert_int_equal(cli_parse_size("1 M"), -1);
	assert_int_equal(cli_parse_size("1MM"), -1);
	assert_int_equal(cli_parse_size("99999999999999999999"), -1);
	/* Would overflow when scaled: refused, not wrapped. */
	assert_int_equal(cli_parse_size("9999999999999G"), -1);
	assert_int_equal(cli_parse_size("8589934592G"), -1);
	assert_int_equal(cli_parse_size("8589934591G"), 8589934591LL << 30);
}

static void
no_usage(FILE *fp)
{
	(void)fp;
}

static void
test_common_options(void **state)
{
	struct cli_common c;
	struct diag d;

	(void)state;
	diag_init(&d, "test");
	cli_common_init(&c, no_usage);
	assert_int_equal(c.in.format, EV_JSONL);
	assert_int_equal(c.out_format, OUT_JSONL);
	assert_int_equal(cli_common_option(&c, &d, 'i', "csv"), 1);
	assert_int_equal(c.in.format, EV_CSV);
	assert_int_equal(cli_common_option(&c, &d, 'o', "md"), 1);
	assert_int_equal(c.out_format, OUT_MARKDOWN);
	assert_int_equal(cli_common_option(&c, &d, CLI_OPT_FIELD, "text=body"), 1);
	assert_string_equal(fieldmap_source(&c.map, "text"), "body");
	assert_int_equal(cli_common_option(&c, &d, CLI_OPT_STRICT, NULL), 1);
	assert_int_equal(d.strict, 1);
	assert_int_equal(cli_common_option(&c, &d, CLI_OPT_MAX_LINE, "2k"), 1);
	assert_int_equal(c.in.max_line, 2048);
	assert_int_equal(cli_common_option(&c, &d, CLI_OPT_TIME_FORMAT, "%d.%m.%Y"),
	    1);
	assert_string_equal(c.ts.time_format[0], "%d.%m.%Y");
	assert_null(c.ts.time_format[1]);
	/* A tool's own option is left to the tool. */
	assert_int_equal(cli_common_option(&c, &d, 's', NULL), 0);
	assert_int_equal(cli_common_option(&c, &d, CLI_OPT_TOOL, "x"), 0);
	/* --input-tz is looked up at finish. */
	assert_int_equal(cli_common_option(&c, &d, CLI_OPT_INPUT_TZ,
	    "Asia/Tokyo"), 1);
	assert_null(c.ts.input_zone);
	cli_common_finish(&c, &d);
	assert_non_null(c.ts.input_zone);
	assert_string_equal(tz_name(c.ts.input_zone), "Asia/Tokyo");
	assert_int_equal(tz_offset_at(c.ts.input_zone, 1795144320, NULL, NULL),
	    9 * 3600);
	cli_common_free(&c);
	assert_null(c.tzdb);
	assert_int_equal(c.map.n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_size),
		cmocka_unit_test(test_common_options),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
