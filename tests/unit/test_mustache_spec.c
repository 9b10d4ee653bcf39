/*
 * The official Mustache specification's tests (JSON files of mustache/spec),
 * run against lib/mustache: interpolation, sections, inverted, comments,
 * partials, delimiters.  Lambdas are optional in the specification and not
 * supported by cskit (no code in templates), so that file is not run.
 *
 * The files are not in this repository: scripts/install-deps installs them
 * (from Debian's r-cran-whisker, which ships the specification's JSON files)
 * into /usr/local/share/mustache-spec.  $MUSTACHE_SPEC_DIR points elsewhere.
 * Missing files are a failure, never a skip.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>
#include "buf.h"
#include "mustache.h"

static const char *const spec_dirs[] = {
	"/usr/local/share/mustache-spec",
	"/usr/lib/R/site-library/whisker/specs",
};

struct partials {
	const cJSON		*src;	/* the test's "partials" object */
	struct mst_template	*t[16];
	char			*name[16];
	int			 n;
};

static const char *
spec_dir(void)
{
	const char *env = getenv("MUSTACHE_SPEC_DIR");
	struct stat st;

	if (env != NULL && *env != '\0')
		return env;
	for (size_t i = 0; i < sizeof(spec_dirs) / sizeof(spec_dirs[0]); i++)
		if (stat(spec_dirs[i], &st) == 0)
			return spec_dirs[i];
	return NULL;
}

static char *
slurp(const char *path)
{
	struct buf b = BUF_INIT;
	char chunk[8192];
	size_t k;
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		return NULL;
	while ((k = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, k);
	fclose(f);
	buf_addc(&b, '\0');
	return buf_detach(&b);
}

static const struct mst_template *
load_partial(void *ctx, const char *name)
{
	struct partials *p = ctx;
	const cJSON *src;
	struct buf err = BUF_INIT;

	for (int i = 0; i < p->n; i++)
		if (strcmp(p->name[i], name) == 0)
			return p->t[i];
	src = cJSON_GetObjectItemCaseSensitive(p->src, name);
	if (!cJSON_IsString(src) || p->n == 16)
		return NULL;
	p->name[p->n] = strdup(name);
	p->t[p->n] = mst_compile(src->valuestring, strlen(src->valuestring),
	    name, &err);
	if (p->t[p->n] == NULL)
		fprintf(stderr, "partial %s: %s\n", name, buf_str(&err));
	buf_free(&err);
	return p->t[p->n++];
}

/* One test case; 1 when it passes. */
static int
run_case(const char *file, const cJSON *tc)
{
	const char *name = cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(tc, "name"));
	const char *tpl = cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(tc, "template"));
	const char *want = cJSON_GetStringValue(
	    cJSON_GetObjectItemCaseSensitive(tc, "expected"));
	const cJSON *data = cJSON_GetObjectItemCaseSensitive(tc, "data");
	struct partials parts = { 0 };
	struct mst_render_opts o = { 0 };
	struct buf out = BUF_INIT, err = BUF_INIT;
	struct mst_template *t;
	int ok = 0;

	if (name == NULL || tpl == NULL || want == NULL || data == NULL) {
		fprintf(stderr, "%s: malformed test\n", file);
		return 0;
	}
	parts.src = cJSON_GetObjectItemCaseSensitive(tc, "partials");
	o.escape_html = 1;
	o.partial = load_partial;
	o.partial_ctx = &parts;
	t = mst_compile(tpl, strlen(tpl), name, &err);
	if (t == NULL)
		fprintf(stderr, "FAIL %s / %s: %s\n", file, name, buf_str(&err));
	else if (mst_render(t, &data, 1, &o, &out, &err) != 0)
		fprintf(stderr, "FAIL %s / %s: %s\n", file, name, buf_str(&err));
	else if (strcmp(buf_str(&out), want) != 0)
		fprintf(stderr, "FAIL %s / %s:\n  want [%s]\n  got  [%s]\n",
		    file, name, want, buf_str(&out));
	else
		ok = 1;
	mst_free(t);
	for (int i = 0; i < parts.n; i++) {
		mst_free(parts.t[i]);
		free(parts.name[i]);
	}
	buf_free(&out);
	buf_free(&err);
	return ok;
}

static void
run_spec_file(const char *base)
{
	const char *dir = spec_dir();
	char path[4096];
	char *text;
	cJSON *doc, *tc;
	int pass = 0, fail = 0;

	if (dir == NULL)
		fail_msg("Mustache spec files not found (run scripts/install-deps "
		    "or set MUSTACHE_SPEC_DIR)");
	snprintf(path, sizeof(path), "%s/%s.json", dir, base);
	text = slurp(path);
	if (text == NULL)
		fail_msg("cannot read %s (run scripts/install-deps)", path);
	doc = cJSON_Parse(text);
	free(text);
	if (doc == NULL)
		fail_msg("%s: not JSON", path);
	cJSON_ArrayForEach(tc, cJSON_GetObjectItemCaseSensitive(doc, "tests")) {
		if (run_case(base, tc))
			pass++;
		else
			fail++;
	}
	cJSON_Delete(doc);
	printf("mustache spec %-14s %d passed, %d failed\n", base, pass, fail);
	assert_true(pass > 0);
	assert_int_equal(fail, 0);
}

static void test_interpolation(void **s) { (void)s; run_spec_file("interpolation"); }
static void test_sections(void **s) { (void)s; run_spec_file("sections"); }
static void test_inverted(void **s) { (void)s; run_spec_file("inverted"); }
static void test_comments(void **s) { (void)s; run_spec_file("comments"); }
static void test_partials(void **s) { (void)s; run_spec_file("partials"); }
static void test_delimiters(void **s) { (void)s; run_spec_file("delimiters"); }

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_interpolation),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_inverted),
		cmocka_unit_test(test_comments),
		cmocka_unit_test(test_partials),
		cmocka_unit_test(test_delimiters),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
