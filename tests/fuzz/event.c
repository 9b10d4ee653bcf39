/*
 * event — the reader of JSON Lines, CSV and TSV with a field map, the
 * timestamp parse of cs-import and the writers, on arbitrary bytes.
 *
 * Input: byte 0 picks the input format (mod 3) and output format (/3 mod 3);
 * byte 1 a small --max-line when odd; byte 2 a lower nesting limit when odd,
 * a strptime layout with bit 2, partial events (a few wanted fields, each
 * checked against the whole event) with bit 4, cs-import's reading of
 * exports (formats and encodings sniffed, JSON documents and arrays) with
 * bit 8; the rest is the file.  Every line a writer produces must be one
 * valid JSON object (jsonl), whatever the input was.
 */
#include <fcntl.h>
#include "fuzz.h"
#include "diag.h"
#include "event.h"
#include "evwrite.h"
#include "fieldmap.h"
#include "import.h"
#include "json.h"
#include "text.h"
#include "tz.h"

static struct tz_db *db;
static struct fieldmap map = FIELDMAP_INIT;
static struct import_spec spec;
static struct ev_want want = EV_WANT_INIT;
static int devnull = -1;

static void
setup(void)
{
	const char *why;
	static const char *const pairs[] = {
		"ts=created_at", "text=body", "role=sender_type",
		"conversation=chat_id",
	};

	db = tzdb_open(NULL);
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		if (fieldmap_add(&map, pairs[i], &why) != 0)
			abort();
	devnull = open("/dev/null", O_WRONLY);
	import_spec_init(&spec);
	struct import_rule *r = import_rule_add(&spec, NULL);
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		char *eq = strchr(pairs[i], '=');
		char *name = strndup(pairs[i], (size_t)(eq - pairs[i]));
		if (import_field(r, name, eq + 1, 0, &why) != 0)
			abort();
		free(name);
	}
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		ev_want_add(&want, strchr(pairs[i], '=') + 1);
	ev_want_add(&want, "text");
	ev_want_add(&want, "n");
}

/* One serialized event must be one line of valid UTF-8 JSON. */
static void
check_line(const cJSON *o)
{
	struct buf b = BUF_INIT;
	cJSON *back;

	json_write(&b, o);
	if (memchr(b.data, '\n', b.len) != NULL ||
	    !text_utf8_valid(b.data, b.len, NULL))
		abort();
	back = cJSON_ParseWithLength(b.data, b.len);
	if (back == NULL || !cJSON_IsObject(back))
		abort();
	cJSON_Delete(back);
	buf_free(&b);
}

/*
 * An event the reader built from jscan's index holds exactly the members
 * (the wanted ones, for a partial event) that cJSON's parse of the line
 * gives: same keys in the same order, the same values as written.
 */
static void
check_partial(const struct ev_record *rec)
{
	cJSON *full = ev_full_object(rec);
	const cJSON *p = rec->obj->child;
	struct buf a = BUF_INIT, b = BUF_INIT;

	if (full == NULL)
		abort();
	for (const cJSON *f = full->child; f != NULL; f = f->next) {
		if (p == NULL || strcmp(p->string, f->string) != 0) {
			if (!rec->partial)
				abort();	/* a member went missing */
			continue;	/* not wanted */
		}
		buf_reset(&a);
		buf_reset(&b);
		json_write(&a, p);
		json_write(&b, f);
		if (a.len != b.len || memcmp(a.data, b.data, a.len) != 0)
			abort();
		p = p->next;
	}
	if (p != NULL)
		abort();
	cJSON_Delete(full);
	buf_free(&a);
	buf_free(&b);
}

static void
fuzz_event(void *ctx, cJSON *ev, cs_time t)
{
	(void)t;
	check_line(ev);
	ev_writer_write(ctx, ev);
}

static void
fuzz_bad(void *ctx, cJSON *err)
{
	check_line(err);
	ev_writer_write(ctx, err);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct ev_reader_opts o = { 0 };
	struct ts_parser tsp = { 0 };
	struct diag d;
	struct ev_record rec;
	struct ev_reader *r;
	struct ev_writer *w;
	char *files[1];
	int outfmt;

	if (db == NULL)
		setup();
	if (n < 3)
		return 0;
	o.format = (enum ev_format)(data[0] % 3);
	outfmt = (data[0] / 3) % 3;
	if (data[1] & 1)
		o.max_line = 16 + (size_t)data[1] * 4;
	if (data[2] & 1)
		o.nesting_max = 1 + data[2] / 8;
	tsp.input_zone = tzdb_zone(db, "Asia/Shanghai");
	if (data[2] & 2)
		tsp.time_format[0] = "%d/%m/%Y %H:%M";
	if (data[2] & 4)
		o.want = &want;
	if (data[2] & 8)
		o.importing = 1;
	spec.ts = &tsp;
	files[0] = (char *)fuzz_file("events", data + 3, n - 3);

	diag_init(&d, "fuzz-event");
	r = ev_open(&o, files, 1, &d);
	w = ev_writer_open((enum out_format)outfmt, devnull, &d);
	struct import_sink sink = { fuzz_event, fuzz_bad, w };
	while (ev_read(r, &rec)) {
		cJSON *e;

		switch (rec.status) {
		case EV_OK:
			if (o.format == EV_JSONL)
				check_partial(&rec);
			fieldmap_str(&map, rec.obj, "text");
			check_line(rec.obj);
			import_record(&spec, rec.obj, rec.file, rec.line, rec.raw,
			    rec.rawlen, &sink, &d);
			break;
		case EV_BAD:
			e = ev_error_object(&rec);
			check_line(e);
			ev_writer_write(w, e);
			cJSON_Delete(e);
			break;
		case EV_PASSED:
			check_line(rec.obj);
			ev_writer_write(w, rec.obj);
			break;
		}
	}
	ev_writer_close(w);
	ev_close(r);
	return 0;
}
