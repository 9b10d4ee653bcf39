/*
 * lib/fieldmap: --field canonical=source pairs and --map files.
 */
#include "unit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include "fieldmap.h"

static void
test_add_and_lookup(void **state)
{
	struct fieldmap m = FIELDMAP_INIT;
	const char *why = NULL;

	(void)state;
	assert_int_equal(fieldmap_add(&m, "text=body", &why), 0);
	assert_int_equal(fieldmap_add(&m, " ts = created_at ", &why), 0);
	assert_int_equal(m.n, 2);
	assert_string_equal(fieldmap_source(&m, "text"), "body");
	assert_string_equal(fieldmap_source(&m, "ts"), "created_at");
	/* Unmapped: the canonical name itself. */
	assert_string_equal(fieldmap_source(&m, "role"), "role");
	assert_string_equal(fieldmap_canonical(&m, "body"), "text");
	assert_string_equal(fieldmap_canonical(&m, "created_at"), "ts");
	assert_null(fieldmap_canonical(&m, "text"));
	assert_null(fieldmap_canonical(&m, "Body"));	/* case-sensitive */
	/* A later pair for the same canonical name replaces the earlier. */
	assert_int_equal(fieldmap_add(&m, "text=message", &why), 0);
	assert_int_equal(m.n, 2);
	assert_string_equal(fieldmap_source(&m, "text"), "message");
	assert_null(fieldmap_canonical(&m, "body"));
	/* The source may itself contain '=' after the first one. */
	assert_int_equal(fieldmap_add(&m, "x=a=b", &why), 0);
	assert_string_equal(fieldmap_source(&m, "x"), "a=b");
	/* Names with spaces and non-ASCII inside are fine. */
	assert_int_equal(fieldmap_add(&m, "agent=Agent Name", &why), 0);
	assert_string_equal(fieldmap_source(&m, "agent"), "Agent Name");
	assert_int_equal(fieldmap_add(&m, "customer=\xE5\xAE\xA2\xE6\x88\xB7",
	    &why), 0);
	assert_string_equal(fieldmap_canonical(&m, "\xE5\xAE\xA2\xE6\x88\xB7"),
	    "customer");
	fieldmap_free(&m);
	assert_int_equal(m.n, 0);
	assert_null(m.pairs);
}

static void
test_add_malformed(void **state)
{
	struct fieldmap m = FIELDMAP_INIT;
	const char *why = NULL;

	(void)state;
	assert_int_equal(fieldmap_add(&m, "textbody", &why), -1);
	assert_non_null(why);
	why = NULL;
	assert_int_equal(fieldmap_add(&m, "=body", &why), -1);
	assert_non_null(why);
	assert_int_equal(fieldmap_add(&m, "text=", &why), -1);
	assert_int_equal(fieldmap_add(&m, " = ", &why), -1);
	assert_int_equal(fieldmap_add(&m, "", &why), -1);
	assert_int_equal(m.n, 0);
	fieldmap_free(&m);
}

static void
test_get_through_map(void **state)
{
	struct fieldmap m = FIELDMAP_INIT;
	const char *why;
	cJSON *ev = cJSON_Parse("{\"body\":\"hi\",\"text\":\"not this\","
	    "\"role\":5,\"created_at\":\"2026-01-01T00:00:00Z\"}");

	(void)state;
	fieldmap_add(&m, "text=body", &why);
	fieldmap_add(&m, "ts=created_at", &why);
	assert_string_equal(fieldmap_str(&m, ev, "text"), "hi");
	assert_string_equal(fieldmap_str(&m, ev, "ts"), "2026-01-01T00:00:00Z");
	assert_null(fieldmap_str(&m, ev, "role"));	/* not a string */
	assert_non_null(fieldmap_get(&m, ev, "role"));
	assert_true(cJSON_IsNumber(fieldmap_get(&m, ev, "role")));
	assert_null(fieldmap_get(&m, ev, "lang"));
	assert_null(fieldmap_str(&m, ev, "lang"));
	cJSON_Delete(ev);
	fieldmap_free(&m);
}

static char *
temp_file(const char *content)
{
	char *path = strdup("/tmp/cskit-fieldmap-XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, content, strlen(content)),
	    (ssize_t)strlen(content));
	close(fd);
	return path;
}

static void
test_load(void **state)
{
	struct fieldmap m = FIELDMAP_INIT;
	const char *why = NULL;
	long line = -1;

	(void)state;
	char *path = temp_file("# Zendesk export\n\ntext = body\r\n"
	    "   # indented comment\n  ts=created_at  \nrole=sender_type");
	assert_int_equal(fieldmap_load(&m, path, &line, &why), 0);
	assert_int_equal(line, 0);
	assert_int_equal(m.n, 3);
	assert_string_equal(fieldmap_source(&m, "text"), "body");
	assert_string_equal(fieldmap_source(&m, "ts"), "created_at");
	assert_string_equal(fieldmap_source(&m, "role"), "sender_type");
	unlink(path);
	free(path);
	fieldmap_free(&m);

	/* A bad line: its number is reported, the pairs before it kept. */
	path = temp_file("text=body\n# ok\nnot a pair\nts=created_at\n");
	assert_int_equal(fieldmap_load(&m, path, &line, &why), -1);
	assert_int_equal(line, 3);
	assert_non_null(why);
	assert_string_equal(fieldmap_source(&m, "text"), "body");
	unlink(path);
	free(path);
	fieldmap_free(&m);

	/* A missing file: line 0 and the errno text. */
	line = -1;
	assert_int_equal(fieldmap_load(&m, "/nonexistent/cskit.map", &line,
	    &why), -1);
	assert_int_equal(line, 0);
	assert_string_equal(why, strerror(ENOENT));
	fieldmap_free(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_and_lookup),
		cmocka_unit_test(test_add_malformed),
		cmocka_unit_test(test_get_through_map),
		cmocka_unit_test(test_load),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
