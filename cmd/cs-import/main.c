/*
 * cs-import — turn a helpdesk or marketplace export into canonical events.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "filterpar.h"
#include "import.h"
#include "json.h"
#include "preset.h"
#include "text.h"

enum {
	OPT_ROLE_MAP = CLI_OPT_TOOL, OPT_SORT, OPT_FROM, OPT_EXPLODE, OPT_SET,
	OPT_DROP, OPT_WHEN, OPT_HTML, OPT_KEEP, OPT_PREFIX, OPT_UNIQUE,
	OPT_VALUE_MAP, OPT_DELIMITER, OPT_ENCODING
};

static void
usage(FILE *fp)
{
	fprintf(fp,
"usage: cs-import [options] [file ...]\n"
"Turn an export (JSON Lines, a JSON document or array, CSV or TSV with its\n"
"own field names) into canonical cskit events: mapped names, ts in RFC 3339\n"
"UTC, roles mapped.\n\n"
"      --from PRESET         a helpdesk's export: zendesk, chatwoot, freshdesk,\n"
"                            intercom, gorgias, shopify-orders, or a preset\n"
"                            file (cskit-import(5)); --from list names them\n"
"      --role-map MAP        role values: 'Contact=customer,1=agent,Bot*=bot'\n"
"      --explode PATH        an event for each element of the array at PATH\n"
"      --set FIELD=VALUE     a constant field\n"
"      --drop CONDITION      leave out records where it holds (private=true)\n"
"      --when CONDITION      take only records where it holds\n"
"      --html FIELD          the field is HTML: keep its text\n"
"      --keep all|none|LIST  the export's other fields to keep (default all)\n"
"      --prefix PREFIX       rename kept fields that clash with canonical ones\n"
"      --unique FIELD        one event for each value of FIELD\n"
"      --value-map FIELD:MAP map a field's values: 'good:good=true,bad=false'\n"
"      --delimiter CHAR      CSV separator (default: found from the header)\n"
"      --encoding NAME       the input's character set (iconv name)\n"
"  -s, --sort                sort the events by time (holds the whole input)\n"
"%s%s", cli_jobs_usage, cli_common_usage);
}

/* Options given more than once, kept in order until the spec is built. */
struct strs {
	const char	**v;
	int		 n;
};

static void
strs_add(struct strs *s, const char *v)
{
	s->v = xrealloc(s->v, sizeof *s->v * (size_t)(s->n + 1));
	s->v[s->n++] = v;
}

struct import_opts {
	const char	*from, *explode, *keep, *prefix, *unique;
	struct strs	 roles, sets, drops, whens, htmls, vmaps;
};

struct sink {
	struct ev_writer	*w;
	enum out_format		 fmt;
	struct diag		*diag;
	struct import_sorter	*sorter;
	struct buf		 line;
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
emit(struct sink *s, const cJSON *obj, cs_time t)
{
	if (s->sorter == NULL) {
		ev_writer_write(s->w, obj);
		return;
	}
	buf_reset(&s->line);
	json_write(&s->line, obj);
	import_sorter_add(s->sorter, t, s->line.data, s->line.len);
}

static void
sink_event(void *ctx, cJSON *ev, cs_time t)
{
	emit(ctx, ev, t);
}

static void
sink_bad(void *ctx, cJSON *err)
{
	emit(ctx, err, CS_TIME_NONE);
}

/* Every record of r through the spec to the sink. */
static void
import_all(struct ev_reader *r, struct import_spec *spec, struct sink *sink,
    struct diag *diag)
{
	struct import_sink to = { sink_event, sink_bad, sink };
	struct ev_record rec;

	while (ev_read(r, &rec) > 0) {
		if (rec.status == EV_OK) {
			import_record(spec, rec.obj, rec.file, rec.line, rec.raw,
			    rec.rawlen, &to, diag);
			continue;
		}
		if (rec.status == EV_PASSED) {
			emit(sink, rec.obj, CS_TIME_NONE);
			continue;
		}
		cJSON *err = ev_error_object(&rec);
		emit(sink, err, CS_TIME_NONE);
		cJSON_Delete(err);
	}
}

/* A thread's spec (built as the first one is) and preset. */
struct job {
	struct import_spec	 spec;
	struct preset		 ps;
};

/* filterpar's body: the lines a thread is given, read as JSON Lines
 * (ev_import_lines said each operand is read so), imported to w. */
static int
import_lines(void *ctx, struct cli_common *cli, struct diag *d,
    const struct ev_lines *lines, struct ev_writer *w)
{
	struct import_spec *spec = ctx;
	struct ev_reader_opts in = cli->in;
	struct sink sink = { w, OUT_JSONL, d, NULL, BUF_INIT };
	struct ev_reader *r;

	in.importing = 0;
	in.header_cb = NULL;
	r = ev_open_lines(&in, lines, d);
	import_all(r, spec, &sink, d);
	ev_close(r);
	buf_free(&sink.line);
	return 0;
}

/* "NAME=VALUE" into its halves (NAME trimmed); -1 when there is no '='. */
static int
split_pair(const char *arg, char **name, const char **value)
{
	const char *eq = strchr(arg, '=');

	if (eq == NULL || eq == arg)
		return -1;
	const char *e = eq;
	while (e > arg && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	*name = xstrndup(arg, (size_t)(e - arg));
	*value = eq + 1;
	return 0;
}

/* The options that shape events, on one rule. */
static void
apply_to_rule(struct import_rule *r, const struct cli_common *cli,
    const struct import_opts *o, const struct diag *d)
{
	const char *why, *value;
	char *name;

	for (int i = 0; i < cli->map.n; i++) {
		/* NAME?=SOURCE: a fallback, taken when NAME has no value. */
		const char *canon = cli->map.pairs[i].canonical;
		size_t len = strlen(canon);
		int fallback = len > 1 && canon[len - 1] == '?';
		name = xstrndup(canon, fallback ? len - 1 : len);
		if (import_field(r, name, cli->map.pairs[i].source, fallback,
		    &why) < 0)
			diag_usage(d, "--field %s=%s: %s", canon,
			    cli->map.pairs[i].source, why);
		free(name);
	}
	for (int i = 0; i < o->sets.n; i++) {
		if (split_pair(o->sets.v[i], &name, &value) < 0)
			diag_usage(d, "--set %s: expected FIELD=VALUE",
			    o->sets.v[i]);
		if (import_set(r, name, value, &why) < 0)
			diag_usage(d, "--set %s: %s", o->sets.v[i], why);
		free(name);
	}
	for (int i = 0; i < o->htmls.n; i++)
		if (import_html(r, o->htmls.v[i], &why) < 0)
			diag_usage(d, "--html %s: %s", o->htmls.v[i], why);
	/* The command line's pairs before a preset's: they win. */
	for (int i = o->roles.n - 1; i >= 0; i--)
		if (import_map(r, "role", o->roles.v[i], 1, &why) < 0)
			diag_usage(d, "--role-map %s: %s", o->roles.v[i], why);
	for (int i = o->vmaps.n - 1; i >= 0; i--) {
		const char *colon = strchr(o->vmaps.v[i], ':');
		if (colon == NULL || colon == o->vmaps.v[i])
			diag_usage(d, "--value-map %s: expected FIELD:FROM=TO,...",
			    o->vmaps.v[i]);
		name = xstrndup(o->vmaps.v[i], (size_t)(colon - o->vmaps.v[i]));
		if (import_map(r, name, colon + 1, 1, &why) < 0)
			diag_usage(d, "--value-map %s: %s", o->vmaps.v[i], why);
		free(name);
	}
	for (int i = 0; i < o->whens.n; i++)
		if (import_when(r, o->whens.v[i], &why) < 0)
			diag_usage(d, "--when %s: %s", o->whens.v[i], why);
	for (int i = 0; i < o->drops.n; i++)
		if (import_drop(r, o->drops.v[i], NULL, &why) < 0)
			diag_usage(d, "--drop %s: %s", o->drops.v[i], why);
	if (o->keep != NULL && import_keep(r, o->keep, &why) < 0)
		diag_usage(d, "--keep %s: %s", o->keep, why);
	if (o->unique != NULL && import_unique(r, o->unique, NULL, &why) < 0)
		diag_usage(d, "--unique %s: %s", o->unique, why);
	if (o->explode != NULL && import_explode(r, o->explode, &why) < 0)
		diag_usage(d, "--explode %s: %s", o->explode, why);
}

static void
build_spec(struct import_spec *spec, struct preset *ps,
    struct cli_common *cli, const struct import_opts *o, struct diag *d)
{
	import_spec_init(spec);
	if (o->from != NULL) {
		struct buf err = BUF_INIT;
		int rc = preset_load(o->from, spec, ps, &err);
		if (rc != 0)
			diag_fatal(d, rc == PRESET_NOT_FOUND ? CS_EXIT_USAGE :
			    CS_EXIT_USAGE, "%s", err.data);
		buf_free(&err);
		if (o->explode != NULL)
			diag_usage(d, "--explode and --from: the preset says "
			    "where the records are (write a preset file of "
			    "your own to change it)");
		preset_apply_input(ps, &cli->in, &cli->ts);
	} else
		import_rule_add(spec, NULL);
	for (int i = 0; i < spec->nrules; i++)
		apply_to_rule(&spec->rules[i], cli, o, d);
	if (o->prefix != NULL) {
		if (!text_utf8_valid(o->prefix, strlen(o->prefix), NULL))
			diag_usage(d, "--prefix: not UTF-8");
		free(spec->prefix);
		spec->prefix = *o->prefix ? xstrdup(o->prefix) : NULL;
	}
	spec->ts = &cli->ts;
}

/* Every field a CSV or TSV operand must give is in its header, else a
 * usage error before any of its records is read. */
struct header_check {
	const struct import_spec	*spec;
	struct diag			*diag;
	char *const			*names;
	int				 n;
};

static int
header_has(void *ctx, const char *name)
{
	const struct header_check *hc = ctx;

	for (int i = 0; i < hc->n; i++)
		if (strcmp(hc->names[i], name) == 0)
			return 1;
	return 0;
}

/* Does s start with prefix, letters in any case? */
static int
starts_folded(const char *s, const char *prefix)
{
	size_t n = strlen(prefix);

	return n > 0 && strncasecmp(s, prefix, n) == 0;
}

static void
check_header(void *ctx, const char *file, char *const *names, int n)
{
	struct header_check *hc = ctx;
	struct buf cols = BUF_INIT;

	hc->names = names;
	hc->n = n;
	const struct import_field *f = import_check_names(hc->spec,
	    header_has, hc);
	if (f == NULL)
		return;
	for (int i = 0; i < n && cols.len < 160; i++)
		buf_printf(&cols, "%s%s", i ? ", " : "", names[i]);
	if (cols.len >= 160)
		buf_adds(&cols, ", ...");
	/* A column whose name starts with the source, or the source with
	 * the column's, in any case: "created" for created_at, "Body" for
	 * body. */
	const char *src = ex_source(f->expr);
	for (int i = 0; i < n; i++) {
		if (starts_folded(names[i], src) || starts_folded(src, names[i])) {
			buf_printf(&cols, " (did you mean '%s'?)", names[i]);
			break;
		}
	}
	if (hc->spec->name != NULL)
		diag_fatal(hc->diag, CS_EXIT_USAGE, "%s: --from %s: no column "
		    "for %s (%s) in the header: %s (is it a %s export?)", file,
		    hc->spec->name, f->name, ex_source(f->expr), cols.data,
		    hc->spec->name);
	diag_fatal(hc->diag, CS_EXIT_USAGE, "%s: %s=%s: no such column in the "
	    "header: %s", file, f->name, ex_source(f->expr), cols.data);
}

static void
opts_free(struct import_opts *o)
{
	free(o->roles.v);
	free(o->sets.v);
	free(o->drops.v);
	free(o->whens.v);
	free(o->htmls.v);
	free(o->vmaps.v);
}

/*
 * The threads to import with: cli->jobs when every record stands alone
 * (no --sort, no unique) and every operand is a file read as JSON Lines
 * from its first line to its last (ev_import_lines: cs-import(1), One
 * thread and more); else 1.
 */
static int
import_jobs(const struct cli_common *cli, const struct import_spec *spec,
    int sort, char *const *files, int nfiles)
{
	if (sort || filter_jobs(cli) <= 1 || import_spec_needs_all(spec) ||
	    nfiles == 0)
		return 1;
	for (int i = 0; i < nfiles; i++)
		if (!ev_import_lines(&cli->in, files[i]))
			return 1;
	return filter_jobs(cli);
}

/* The run on threads: a spec a thread, built as the first; one summary of
 * what they all met. */
static int
import_threads(struct cli_common *cli, struct diag *d,
    struct import_spec *spec, const struct import_opts *o,
    char *const *files, int nfiles)
{
	int jobs = filter_jobs(cli), status;
	struct job *jb = xcalloc((size_t)jobs, sizeof *jb);
	void **ctxs = xcalloc((size_t)jobs, sizeof *ctxs);
	struct filter_par par = { jobs, NULL, NULL, NULL, NULL, NULL,
	    import_lines, NULL };

	ctxs[0] = spec;
	for (int i = 1; i < jobs; i++) {
		/* a preset's input settings are in cli already */
		struct cli_common scratch = *cli;
		jb[i].ps = (struct preset)PRESET_INIT;
		build_spec(&jb[i].spec, &jb[i].ps, &scratch, o, d);
		jb[i].spec.ts = &cli->ts;
		ctxs[i] = &jb[i].spec;
	}
	status = filter_run_par(cli, d, files, nfiles, NULL, ctxs, &par);
	for (int i = 1; i < jobs; i++) {
		import_spec_add_counts(spec, &jb[i].spec);
		import_spec_free(&jb[i].spec);
		preset_free(&jb[i].ps);
	}
	import_summary(spec, d);
	free(jb);
	free(ctxs);
	return status;
}

static const char examples[] =
"  cs-import --from zendesk tickets.json | cs-kpi --metrics frt_p50,csat_share\n"
"  cs-import -i csv --field ts=created_at --field text=body \\\n"
"      --field role=sender_type --role-map 'Contact=customer,User=agent' \\\n"
"      --input-tz Asia/Shanghai export.csv > events.jsonl\n"
"  cs-import -o csv events.jsonl > events.csv     # to a spreadsheet and back\n"
"  cs-import events.jsonl 2>/dev/null | jq -c 'select(._error)'\n";

/* --from list */
static void
list_presets(struct diag *d)
{
	struct buf out = BUF_INIT;

	if (preset_list(&out) < 0)
		diag_fatal(d, CS_EXIT_NOINPUT, "no presets found (looked in "
		    "$CSKIT_SHARE/presets and beside the program)");
	fputs(out.data, stdout);
	buf_free(&out);
	exit(fflush(stdout) == 0 ? CS_EXIT_OK : CS_EXIT_IOERR);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "role-map", required_argument, NULL, OPT_ROLE_MAP },
		{ "sort", no_argument, NULL, 's' },
		{ "from", required_argument, NULL, OPT_FROM },
		{ "explode", required_argument, NULL, OPT_EXPLODE },
		{ "set", required_argument, NULL, OPT_SET },
		{ "drop", required_argument, NULL, OPT_DROP },
		{ "when", required_argument, NULL, OPT_WHEN },
		{ "html", required_argument, NULL, OPT_HTML },
		{ "keep", required_argument, NULL, OPT_KEEP },
		{ "prefix", required_argument, NULL, OPT_PREFIX },
		{ "unique", required_argument, NULL, OPT_UNIQUE },
		{ "value-map", required_argument, NULL, OPT_VALUE_MAP },
		{ "delimiter", required_argument, NULL, OPT_DELIMITER },
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		CLI_JOBS_LONGOPT,
		{ NULL, 0, NULL, 0 }
	};
	struct diag diag;
	struct cli_common cli;
	struct import_opts o = { 0 };
	struct import_spec spec;
	struct preset ps = PRESET_INIT;
	int sort = 0, c;

	diag_init(&diag, "cs-import");
	cli_common_init(&cli, usage);
	cli.in.importing = 1;
	cli.examples = examples;
	while ((c = cli_getopt(&cli, &diag, argc, argv, "i:o:sj:", longopts))
	    != -1) {
		if (cli_common_option(&cli, &diag, c, optarg))
			continue;
		switch (c) {
		case OPT_ROLE_MAP:	strs_add(&o.roles, optarg); break;
		case 's':		sort = 1; break;
		case OPT_FROM:		o.from = optarg; break;
		case OPT_EXPLODE:	o.explode = optarg; break;
		case OPT_SET:		strs_add(&o.sets, optarg); break;
		case OPT_DROP:		strs_add(&o.drops, optarg); break;
		case OPT_WHEN:		strs_add(&o.whens, optarg); break;
		case OPT_HTML:		strs_add(&o.htmls, optarg); break;
		case OPT_KEEP:		o.keep = optarg; break;
		case OPT_PREFIX:	o.prefix = optarg; break;
		case OPT_UNIQUE:	o.unique = optarg; break;
		case OPT_VALUE_MAP:	strs_add(&o.vmaps, optarg); break;
		case OPT_DELIMITER:
			if (ev_delimiter_parse(optarg, &cli.in.delimiter) < 0)
				diag_usage(&diag, "--delimiter %s: one character, "
				    "or tab, comma, semicolon, pipe", optarg);
			break;
		case OPT_ENCODING:
			cli.in.encoding = optarg;
			break;
		default:
			usage(stderr);
			return CS_EXIT_USAGE;
		}
	}
	if (o.from != NULL && strcmp(o.from, "list") == 0)
		list_presets(&diag);
	build_spec(&spec, &ps, &cli, &o, &diag);
	cli_common_finish(&cli, &diag);

	int nfiles = argc - optind;
	if (import_jobs(&cli, &spec, sort, argv + optind, nfiles) > 1) {
		int status = import_threads(&cli, &diag, &spec, &o,
		    argv + optind, nfiles);
		import_spec_free(&spec);
		preset_free(&ps);
		opts_free(&o);
		cli_common_free(&cli);
		return status;
	}
	struct header_check check = { &spec, &diag, NULL, 0 };
	cli.in.header_cb = check_header;
	cli.in.header_ctx = &check;
	struct ev_reader *r = ev_open(&cli.in, argv + optind, argc - optind,
	    &diag);
	struct sink sink = { cli_writer_open(&cli, &diag), cli.out_format,
	    &diag, sort ? import_sorter_new() : NULL,
	    BUF_INIT };

	if (!sort) {
		diag.before_strict_exit = ev_writer_flush_cb;
		diag.before_strict_exit_ctx = sink.w;
	}
	import_all(r, &spec, &sink, &diag);
	if (sink.sorter != NULL)
		import_sorter_finish(sink.sorter, emit_line, &sink);
	import_summary(&spec, &diag);
	int status = ev_open_failed(r) ? CS_EXIT_NOINPUT :
	    diag_exit_status(&diag);
	ev_close(r);
	ev_writer_close(sink.w);
	buf_free(&sink.line);
	import_spec_free(&spec);
	preset_free(&ps);
	opts_free(&o);
	cli_common_free(&cli);
	return status;
}
