/*
 * mustache — compile a template and render it against a fixed context,
 * with a partial loader that can hand the template back to itself.
 *
 * Input: byte 0 flags (bit 0 HTML escaping); then the template, then after
 * the first NUL the text of the partial named "p" (every other partial name
 * is the template itself, so `{{> self}}` recurses).
 */
#include "fuzz.h"
#include "mustache.h"

static cJSON *ctx;

struct parts {
	const struct mst_template *self, *p;
};

static const struct mst_template *
load(void *arg, const char *name)
{
	const struct parts *ps = arg;

	return strcmp(name, "p") == 0 ? ps->p : ps->self;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct buf err = BUF_INIT, out = BUF_INIT;
	struct mst_names missing = MST_NAMES_INIT;
	struct mst_render_opts o = { 0 };
	struct parts ps = { 0 };
	const cJSON *stack[2];
	struct mst_template *t, *p;
	char *src;

	if (ctx == NULL)
		ctx = cJSON_Parse("{\"name\":\"Ana\",\"order\":{\"id\":\"A-1\","
		    "\"items\":[{\"sku\":\"x\",\"n\":2},{\"sku\":\"y\",\"n\":0}]},"
		    "\"list\":[1,\"two\",null,true,[3]],\"empty\":[],\"zero\":0,"
		    "\"html\":\"<a href='x'>&</a>\",\"t\":true,\"f\":false,"
		    "\"brace\":\"{{name}}\",\"n\":null}");
	if (n < 1)
		return 0;
	o.escape_html = data[0] & 1;
	data++, n--;
	src = fuzz_split(&data, &n, '\0');
	t = mst_compile(src, strlen(src), "t.mustache", &err);
	p = mst_compile((const char *)data, n, "p.mustache", &err);
	if (t != NULL) {
		ps.self = t;
		ps.p = p;
		o.partial = load;
		o.partial_ctx = &ps;
		o.missing = &missing;
		stack[0] = ctx;
		stack[1] = cJSON_GetObjectItemCaseSensitive(ctx, "order");
		mst_render(t, stack, 2, &o, &out, &err);
		buf_reset(&out);
		o.partial = NULL;
		mst_render(t, stack, 1, &o, &out, &err);
	}
	mst_free(t);
	mst_free(p);
	mst_names_free(&missing);
	buf_free(&err);
	buf_free(&out);
	free(src);
	return 0;
}
