/*
 * cs-import — turn a helpdesk or marketplace export into canonical events.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "import.h"
#include "json.h"

enum { OPT_ROLE_MAP = CLI_OPT_TOOL, OPT_SORT };

static void
usage(FILE *fp)
{
	fprintf(fp,
"usage: cs-import [options] [file ...]\n"
"Turn an export (JSON Lines, CSV or TSV with its own field names) into\n"
"canonical cskit events: mapped names, ts in RFC 3339 UTC, roles mapped.\n\n"
"      --role-map MAP        export role names, e.g. 'Contact=customer,User=agent'\n"
"  -s, --sort                sort the events by time (holds the whole input)\n"
"%s", cli_common_usage);
}

struct sink {
	struct ev_writer	*w;
	enum out_format		 fmt;
	struct diag		*diag;
};

/* Write one serialized event, re-reading it only for non-JSON output. */
static void
emit_line(void *ctx, const char *line, size_t len)
{
	struct sink *s = ctx;

	if (s->fmt == OUT_JSONL) {
		ev_writer_raw(s->w, line, len);
		return;
	}
	cJSON *obj = cJSON_ParseWithLength(line, len);
	if (obj == NULL)
		diag_fatal(s->diag, CS_EXIT_SOFTWARE, "internal: unreadable "
		    "sorted event");
	ev_keep_number_texts(obj, line, len);
	ev_writer_write(s->w, obj);
	cJSON_Delete(obj);
}

static void
emit(struct sink *s, struct import_sorter *sorter, const cJSON *obj,
    cs_time t, struct buf *line)
{
	if (sorter == NULL) {
		ev_writer_write(s->w, obj);
		return;
	}
	buf_reset(line);
	json_write(line, obj);
	import_sorter_add(sorter, t, line->data, line->len);
}

static const char examples[] =
"  cs-import -i csv --field ts=created_at --field text=body \\\n"
"      --field role=sender_type --role-map 'Contact=customer,User=agent' \\\n"
"      --input-tz Asia/Shanghai export.csv > events.jsonl\n"
"  cs-import -o csv events.jsonl > events.csv     # to a spreadsheet and back\n"
"  cs-import events.jsonl 2>/dev/null | jq -c 'select(._error)'\n";

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "role-map", required_argument, NULL, OPT_ROLE_MAP },
		{ "sort", no_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	struct diag diag;
	struct cli_common cli;
	struct import_spec spec = { 0 };
	struct import_sorter *sorter = NULL;
	const char *why;
	int c;

	diag_init(&diag, "cs-import");
	cli_common_init(&cli, usage);
	cli.examples = examples;
	while ((c = cli_getopt(&cli, &diag, argc, argv, "i:o:s", longopts))
	    != -1) {
		if (cli_common_option(&cli, &diag, c, optarg))
			continue;
		switch (c) {
		case OPT_ROLE_MAP:
			if (import_add_roles(&spec, optarg, &why) < 0)
				diag_usage(&diag, "--role-map %s: %s", optarg, why);
			break;
		case 's':
			sorter = import_sorter_new();
			break;
		default:
			usage(stderr);
			return CS_EXIT_USAGE;
		}
	}
	cli_common_finish(&cli, &diag);
	spec.map = &cli.map;
	spec.ts = &cli.ts;

	struct ev_reader *r = ev_open(&cli.in, argv + optind, argc - optind,
	    &diag);
	struct sink sink = { cli_writer_open(&cli, &diag), cli.out_format,
	    &diag };
	struct ev_record rec;
	struct buf reason = BUF_INIT, line = BUF_INIT;

	if (sorter == NULL) {
		diag.before_strict_exit = ev_writer_flush_cb;
		diag.before_strict_exit_ctx = sink.w;
	}

	while (ev_read(r, &rec) > 0) {
		cs_time t = CS_TIME_NONE;
		if (rec.status == EV_OK) {
			buf_reset(&reason);
			if (import_event(&spec, rec.obj, &t, &reason) == 0) {
				emit(&sink, sorter, rec.obj, t, &line);
				continue;
			}
			rec.status = EV_BAD;
			rec.why = reason.data;
			diag_bad_line(&diag, rec.file, rec.line, "%s", rec.why);
		}
		if (rec.status == EV_PASSED) {
			emit(&sink, sorter, rec.obj, CS_TIME_NONE, &line);
			continue;
		}
		cJSON *err = ev_error_object(&rec);
		emit(&sink, sorter, err, CS_TIME_NONE, &line);
		cJSON_Delete(err);
	}
	if (sorter != NULL)
		import_sorter_finish(sorter, emit_line, &sink);
	int status = ev_open_failed(r) ? CS_EXIT_NOINPUT :
	    diag_exit_status(&diag);
	ev_close(r);
	ev_writer_close(sink.w);
	buf_free(&reason);
	buf_free(&line);
	import_spec_free(&spec);
	cli_common_free(&cli);
	return status;
}
