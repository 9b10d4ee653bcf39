/*
 * preset — cs-import's preset language and the rules it builds, on
 * arbitrary bytes: a preset file and a record, cut at the first NUL.
 *
 * The preset is parsed as cs-import reads a file (strictly); when it
 * parses, the record (when it is JSON in UTF-8, as the reader gives
 * records) is imported with it, and every
 * event and _error event must be one line of valid UTF-8 JSON.  The
 * record's text also goes through html_to_text, whose output must be valid
 * UTF-8 and no longer than its input when the input is valid UTF-8.
 */
#include "fuzz.h"
#include "buf.h"
#include "diag.h"
#include "html.h"
#include "import.h"
#include "json.h"
#include "preset.h"
#include "text.h"

static void
check_line(const cJSON *o)
{
	struct buf b = BUF_INIT;

	json_write(&b, o);
	if (memchr(b.data, '\n', b.len) != NULL ||
	    !text_utf8_valid(b.data, b.len, NULL))
		abort();
	cJSON *back = cJSON_ParseWithLength(b.data, b.len);
	if (back == NULL || !cJSON_IsObject(back))
		abort();
	cJSON_Delete(back);
	buf_free(&b);
}

static void
on_event(void *ctx, cJSON *ev, cs_time t)
{
	(void)ctx;
	(void)t;
	check_line(ev);
}

static void
on_bad(void *ctx, cJSON *err)
{
	(void)ctx;
	check_line(err);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	const char *p = (const char *)data;
	const char *nul = memchr(p, '\0', n);
	size_t plen = nul ? (size_t)(nul - p) : n;
	const char *rec = nul ? nul + 1 : "";
	size_t rlen = nul ? n - plen - 1 : 0;
	struct import_spec spec;
	struct preset ps = PRESET_INIT;
	struct ts_parser ts = { 0 };
	struct buf err = BUF_INIT, text = BUF_INIT;
	struct diag d;

	/* HTML first: any bytes. */
	html_to_text(rec, rlen, &text);
	if (text_utf8_valid(rec, rlen, NULL) &&
	    (text.len > rlen || !text_utf8_valid(buf_str(&text), text.len,
	    NULL)))
		abort();
	buf_free(&text);

	import_spec_init(&spec);
	diag_init(&d, "fuzz-preset");
	if (preset_parse(p, plen, "fuzz.preset", &spec, &ps, &err) ==
	    PRESET_OK) {
		/* Records reach import as the reader makes them: valid
		 * UTF-8 (cJSON alone would let bad bytes through). */
		cJSON *obj = text_utf8_valid(rec, rlen, NULL) ?
		    cJSON_ParseWithLength(rec, rlen) : NULL;
		if (cJSON_IsObject(obj)) {
			struct import_sink sink = { on_event, on_bad, NULL };
			spec.ts = &ts;
			import_record(&spec, obj, "fuzz", 1, rec, rlen, &sink,
			    &d);
		}
		cJSON_Delete(obj);
	}
	import_spec_free(&spec);
	preset_free(&ps);
	buf_free(&err);
	return 0;
}
