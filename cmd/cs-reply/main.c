/*
 * cs-reply — a reply draft in the buyer's language for each classified
 * customer message; `render` tries one template, `lint` checks a library.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "filter.h"
#include "filterpar.h"
#include "json.h"
#include "out.h"
#include "reply.h"
#include "replyctx.h"
#include "replylint.h"
#include "share.h"

enum {
	OPT_TEMPLATES = CLI_OPT_TOOL,
	OPT_DEFAULT_LANG,
	OPT_VARIANTS,
	OPT_ESCAPE,
	OPT_TEXT,
	OPT_SET,
	OPT_PARTIALS,
	OPT_EACH_MESSAGE,
	OPT_QUIET_AFTER,
	OPT_HOLD,
	OPT_LANG
};

static void
usage(FILE *fp)
{
	fprintf(fp,
"usage: cs-reply [options] [file ...]\n"
"       cs-reply render [--partials DIR] [--escape html] [--text] TEMPLATE [file ...]\n"
"       cs-reply lint [--lang TAG,...] DIR ...\n"
"Add a reply draft (reply, template, variant, reply_missing, reply_lang,\n"
"buyer_lang) to the last message of each buyer turn, in the buyer's\n"
"language, and auto-replies while the team is closed.\n\n"
"  -t, --templates DIR       a template library over the built-in one\n"
"                            (repeatable; later ones win; also $CSKIT_TEMPLATES)\n"
"      --default-lang TAG    language when the buyer's has no template (en)\n"
"      --variants            A/B versions by a hash of the conversation id\n"
"      --escape html|none    HTML-escape {{values}} (default none: plain text)\n"
"      --set KEY=VALUE       a value for templates, e.g. agent_name=Lena\n"
"      --text                print the bare drafts, not the events\n"
"      --each-message        a draft for every customer message (no turns)\n"
"      --quiet-after DUR     no auto-reply this soon after an agent (3h)\n"
"      --max-conversations N conversations and customers kept (10000)\n"
"      --hold N              events kept waiting for a turn's end (10000)\n"
"%s%s", cli_jobs_usage, cli_common_usage);
}

struct state {
	struct reply_lib	*lib;
	struct reply_run	*run;
	struct reply_opts	 o;
	struct reply_result	 res;
	struct buf		 err;
	struct buf		 members;	/* a release's fields */
	struct filter_add	*add;		/* the filter's, for releases */
	struct out		*text_out;	/* --text: drafts go here */
	int			 text_first;
	int			 strict;
};

/* Under --strict, a draft with a name that had no value is a bad line. */
static const char *
check_missing(struct state *s, const struct reply_result *r)
{
	if (!s->strict || r->missing.n == 0)
		return NULL;
	buf_printf(&s->err, "template %s: no value for", r->tpl->id);
	for (int i = 0; i < r->missing.n; i++)
		buf_printf(&s->err, "%s %s", i ? "," : "", r->missing.v[i]);
	return buf_str(&s->err);
}

/*
 * One event through the run: NULL, or why it is a bad line.  *step says
 * what the event got.
 */
static const char *
step_one(struct state *s, const cJSON *ev, const struct ev_record *rec,
    struct reply_step *step)
{
	const char *why;
	int rc;

	buf_reset(&s->err);
	rc = reply_run_step_read(s->run, ev, rec->first, rec->nfirst, step,
	    &s->res, &s->err);
	if (rc < 0)
		return buf_str(&s->err);
	if (step->draft && (why = check_missing(s, &s->res)) != NULL)
		return why;
	if ((step->hold || step->turn_now) &&
	    (why = check_missing(s, reply_run_turn_draft(s->run))) != NULL)
		return why;
	return NULL;
}

/* A draft printed by --text, a blank line before all but the first. */
static void
print_draft(struct state *s, const char *text, size_t len)
{
	if (!s->text_first)
		out_puts(s->text_out, "\n");
	s->text_first = 0;
	out_write(s->text_out, text, len);
	if (len == 0 || text[len - 1] != '\n')
		out_puts(s->text_out, "\n");
}

/* A turn ended: its held event goes out with the draft's fields. */
static void
release(void *arg, uint64_t ticket, const struct reply_draft *d)
{
	struct state *s = arg;

	if (s->text_out != NULL) {
		if (d != NULL)
			print_draft(s, d->text, d->len);
		return;
	}
	buf_reset(&s->members);
	if (d != NULL)
		reply_draft_members(d, &s->members);
	filter_release(s->add, ticket, s->members.data, s->members.len);
}

static void
overflow(void *arg, uint64_t ticket, void *owner)
{
	struct state *s = arg;

	reply_run_flush(s->run, ticket, owner);
}

static void
end_of_input(void *arg)
{
	struct state *s = arg;

	reply_run_flush(s->run, 0, NULL);
}

static const char *
annotate(void *arg, cJSON *ev, const struct ev_record *rec,
    struct filter_add *add)
{
	struct state *s = arg;
	struct reply_step step;
	const char *why;

	s->add = add;
	if ((why = step_one(s, ev, rec, &step)) != NULL)
		return why;
	if (step.draft && step.auto_reply)
		reply_run_annotate_auto(s->run, ev, &s->res);
	else if (step.draft)
		reply_run_annotate(s->run, ev, &s->res);
	if (step.turn_now)
		reply_run_annotate(s->run, ev, reply_run_turn_draft(s->run));
	if (step.needs_human)
		reply_run_annotate_human(s->run, ev);
	if (step.hold)
		reply_run_held(s->run, filter_hold(add,
		    reply_run_awaiting(s->run)));
	return NULL;
}

/* --text: the drafts alone, a blank line between two, as they are made. */
static int
run_text(struct state *s, struct cli_common *cli, struct diag *d,
    char *const *files, int nfiles)
{
	struct ev_reader *r = ev_open(&cli->in, files, nfiles, d);
	struct ev_record rec;
	struct reply_step step;
	struct out out;
	const char *why;
	int status;

	out_open(&out, STDOUT_FILENO, d);
	s->text_out = &out;
	s->text_first = 1;
	while (ev_read(r, &rec) > 0) {
		if (rec.status != EV_OK)
			continue;
		if ((why = step_one(s, rec.obj, &rec, &step)) != NULL) {
			diag_bad_line(d, rec.file, rec.line, "%s", why);
			continue;
		}
		if (step.draft)
			print_draft(s, s->res.text.data, s->res.text.len);
		if (step.turn_now) {
			const struct reply_result *t =
			    reply_run_turn_draft(s->run);
			print_draft(s, t->text.data, t->text.len);
		}
		if (step.hold)
			reply_run_held(s->run, 1);
	}
	reply_run_flush(s->run, 0, NULL);
	status = ev_open_failed(r) ? CS_EXIT_NOINPUT : diag_exit_status(d);
	ev_close(r);
	out_close(&out);
	s->text_out = NULL;
	return status;
}

/* "cs-reply: FILE:LINE:COL: reason", one diagnostic a line of errs. */
static void
print_errors(const struct buf *errs, const struct diag *d)
{
	for (const char *p = buf_str(errs); *p; ) {
		size_t k = strcspn(p, "\n");
		fprintf(stderr, "%s: %.*s\n", d->prog, (int)k, p);
		p += k + (p[k] == '\n');
	}
}

/*
 * Add a library directory.  A file that does not compile is named once and
 * left out (its messages get the template chosen as if it did not exist);
 * under --strict it ends the run.  Returns the number left out.
 */
static int
add_dir(struct reply_lib *lib, const char *dir, const struct diag *d,
    int quiet)
{
	struct buf errs = BUF_INIT;
	int n = reply_lib_add_dir(lib, dir, &errs);

	if (n < 0)
		diag_fatal(d, CS_EXIT_NOINPUT, "cannot read template "
		    "directory %s", dir);
	if (n > 0 && !quiet) {
		print_errors(&errs, d);
		if (d->strict)
			diag_fatal(d, CS_EXIT_DATAERR, "%d template error%s in "
			    "%s", n, n == 1 ? "" : "s", dir);
		diag_warn(d, "%d template error%s in %s: going on without "
		    "%s", n, n == 1 ? "" : "s", dir, n == 1 ? "it" : "them");
	}
	buf_free(&errs);
	return n > 0 ? n : 0;
}

/*
 * Built-in first, then $CSKIT_TEMPLATES, then --templates: later wins.
 * *broken: how many files were left out.  quiet: what is wrong was told
 * already (by the first thread's library).
 */
static struct reply_lib *
load_library(char **dirs, int ndirs, const struct diag *d, int *broken,
    int quiet)
{
	struct reply_lib *lib = reply_lib_new();
	struct buf path = BUF_INIT, errs = BUF_INIT;
	const char *env = getenv("CSKIT_TEMPLATES");
	int n;

	*broken = 0;
	if (share_path("templates", &path) == 0)
		*broken += add_dir(lib, path.data, d, quiet);
	while (env != NULL && *env != '\0') {
		size_t k = strcspn(env, ":");
		if (k > 0) {
			char *dir = xstrndup(env, k);
			*broken += add_dir(lib, dir, d, quiet);
			free(dir);
		}
		env += k + (env[k] == ':');
	}
	for (int i = 0; i < ndirs; i++)
		*broken += add_dir(lib, dirs[i], d, quiet);
	if ((n = reply_lib_drop_broken(lib, &errs)) > 0) {
		if (!quiet)
			print_errors(&errs, d);
		*broken += n;
	}
	if (reply_lib_count(lib) == 0) {
		buf_reset(&path);
		share_searched("templates", &path);
		diag_fatal(d, CS_EXIT_NOINPUT, "no templates found: looked in "
		    "%s; set CSKIT_SHARE to the directory holding templates/ "
		    "(share/cskit of the source tree), install with make "
		    "install, or give --templates DIR", buf_str(&path));
	}
	buf_free(&path);
	buf_free(&errs);
	return lib;
}

static int
parse_escape(const struct diag *d, const char *arg)
{
	if (strcmp(arg, "html") == 0)
		return 1;
	if (strcmp(arg, "none") == 0)
		return 0;
	diag_usage(d, "--escape %s: expected html or none", arg);
}

/* cs-reply render: each input object is the whole context. */
static int
cmd_render(int argc, char *argv[], struct diag *d, struct cli_common *cli)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "partials", required_argument, NULL, OPT_PARTIALS },
		{ "escape", required_argument, NULL, OPT_ESCAPE },
		{ "text", no_argument, NULL, OPT_TEXT },
		{ NULL, 0, NULL, 0 }
	};
	struct reply_lib *lib = reply_lib_new();
	struct reply_tpl tpl = { 0 };
	struct reply_result res = { 0 };
	struct buf err = BUF_INIT, line = BUF_INIT;
	struct ev_reader *r;
	struct ev_record rec;
	struct out out;
	int c, escape = 0, text = 0, status;

	optind = 1;
	while ((c = cli_getopt(cli, d, argc, argv, "i:o:", longopts)) != -1) {
		if (cli_common_option(cli, d, c, optarg))
			continue;
		switch (c) {
		case OPT_PARTIALS:
			if (reply_lib_add_partials(lib, optarg, &err) != 0) {
				fputs(buf_str(&err), stderr);
				diag_fatal(d, err.len ? CS_EXIT_DATAERR :
				    CS_EXIT_NOINPUT, "cannot use partials in %s",
				    optarg);
			}
			break;
		case OPT_ESCAPE:
			escape = parse_escape(d, optarg);
			break;
		case OPT_TEXT:
			text = 1;
			break;
		default:
			usage(stderr);
			return CS_EXIT_USAGE;
		}
	}
	cli_common_finish(cli, d);
	if (optind >= argc)
		diag_usage(d, "render: which template?");
	tpl.lang = "";
	tpl.id = argv[optind];
	if ((tpl.t = mst_compile_file(argv[optind], &err)) == NULL)
		diag_fatal(d, access(argv[optind], R_OK) == 0 ?
		    CS_EXIT_DATAERR : CS_EXIT_NOINPUT, "%s", buf_str(&err));
	optind++;

	r = ev_open(&cli->in, argv + optind, argc - optind, d);
	out_open(&out, STDOUT_FILENO, d);
	while (ev_read(r, &rec) > 0) {
		const cJSON *ctx = rec.obj;
		if (rec.status != EV_OK)
			continue;
		buf_reset(&err);
		if (reply_render(lib, &tpl, &ctx, 1, escape, &res, &err) != 0) {
			diag_bad_line(d, rec.file, rec.line, "%s", buf_str(&err));
			continue;
		}
		if (text) {
			out_write(&out, res.text.data, res.text.len);
			continue;
		}
		buf_reset(&line);
		buf_adds(&line, "{\"reply\":");
		json_write_string(&line, buf_str(&res.text), res.text.len);
		if (res.missing.n > 0) {
			buf_adds(&line, ",\"reply_missing\":[");
			for (int i = 0; i < res.missing.n; i++) {
				if (i > 0)
					buf_addc(&line, ',');
				json_write_string(&line, res.missing.v[i],
				    strlen(res.missing.v[i]));
			}
			buf_addc(&line, ']');
		}
		buf_adds(&line, "}\n");
		out_buf(&out, &line);
	}
	status = ev_open_failed(r) ? CS_EXIT_NOINPUT : diag_exit_status(d);
	ev_close(r);
	out_close(&out);
	mst_free(tpl.t);
	reply_result_free(&res);
	reply_lib_free(lib);
	buf_free(&err);
	buf_free(&line);
	cli_common_free(cli);
	return status;
}

/* "en,de-CH" as a NULL-ended list (the string is cut up). */
static char **
split_langs(char *arg)
{
	char **v = NULL;
	int n = 0;

	char *save = NULL;
	for (char *tok = strtok_r(arg, ", ", &save); tok != NULL;
	    tok = strtok_r(NULL, ", ", &save)) {
		v = xrealloc(v, (size_t)(n + 2) * sizeof(*v));
		v[n++] = tok;
	}
	if (v == NULL)
		v = xcalloc(1, sizeof(*v));
	v[n] = NULL;
	return v;
}

/*
 * cs-reply lint [--lang TAG,...] DIR...: exit 1 when a problem was found.
 * --lang checks those languages (and their regional overrides) only.
 */
static int
cmd_lint(int argc, char *argv[], struct diag *d)
{
	struct reply_lib *lib = reply_lib_new();
	struct buf report = BUF_INIT;
	struct out out;
	char **only = NULL;
	int problems = 0, n, i = 1;

	if (i + 1 < argc && strcmp(argv[i], "--lang") == 0) {
		only = split_langs(argv[i + 1]);
		i += 2;
	} else if (i < argc && strncmp(argv[i], "--lang=", 7) == 0)
		only = split_langs(argv[i++] + 7);
	if (i >= argc)
		diag_usage(d, "lint: which template directory?");
	for (; i < argc; i++) {
		if ((n = reply_lib_add_dir(lib, argv[i], &report)) < 0)
			diag_fatal(d, CS_EXIT_NOINPUT, "cannot read template "
			    "directory %s", argv[i]);
		problems += n;
	}
	problems += reply_lint(lib, (const char *const *)only, &report);
	problems += reply_lint_content(lib, (const char *const *)only,
	    &report);
	buf_printf(&report, "%d template%s, %d problem%s\n",
	    reply_lib_count(lib), reply_lib_count(lib) == 1 ? "" : "s",
	    problems, problems == 1 ? "" : "s");
	out_open(&out, STDOUT_FILENO, d);
	out_buf(&out, &report);
	out_close(&out);
	buf_free(&report);
	free(only);
	reply_lib_free(lib);
	return problems > 0 ? CS_EXIT_CHECK : CS_EXIT_OK;
}

/* --hold N: 1 or more events. */
static size_t
parse_hold(const struct diag *d, const char *arg)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (errno || end == arg || *end || arg[0] == '-' || v == 0 ||
	    v > 100000000)
		diag_usage(d, "--hold %s: not a number from 1 to 100000000",
		    arg);
	return (size_t)v;
}

static void
add_set(cJSON *set, const char *arg, const struct diag *d)
{
	const char *eq = strchr(arg, '=');
	char *key;

	if (eq == NULL || eq == arg)
		diag_usage(d, "--set %s: expected KEY=VALUE", arg);
	key = xstrndup(arg, (size_t)(eq - arg));
	json_set_str(set, key, eq + 1);
	free(key);
}

/*
 * The events with their drafts, on cli->jobs threads (-j): a library and
 * a run a thread, each conversation's events on one (by conversation, else
 * customer, as the run keys its turns), the orders on every one (the join
 * by customer is then each thread's); --strict stays on one thread (it
 * writes what is held at the bad line as it is then).
 */
static int
run_events(struct state *s, struct cli_common *cli, struct diag *d,
    char *const *files, int nfiles, const struct filter_hooks *hooks,
    char **dirs, int ndirs)
{
	int jobs = d->strict ? 1 : filter_jobs(cli), broken, status;
	struct state *st = xcalloc((size_t)jobs, sizeof *st);
	void **ctxs = xcalloc((size_t)jobs, sizeof *ctxs);
	struct filter_par par = { jobs, "conversation", "customer", "type",
	    "order", hooks, NULL, NULL };

	ctxs[0] = s;
	for (int i = 1; i < jobs; i++) {
		st[i].o = s->o;
		st[i].strict = s->strict;
		st[i].lib = load_library(dirs, ndirs, d, &broken, 1);
		st[i].run = reply_run_new(st[i].lib, &s->o);
		if (cli->in.want != NULL)
			reply_run_index_from(st[i].run, cli->in.want);
		reply_run_on_release(st[i].run, release, &st[i]);
		ctxs[i] = &st[i];
	}
	status = filter_run_par(cli, d, files, nfiles, annotate, ctxs, &par);
	for (int i = 1; i < jobs; i++) {
		reply_result_free(&st[i].res);
		buf_free(&st[i].members);
		reply_run_free(st[i].run);
		reply_lib_free(st[i].lib);
		buf_free(&st[i].err);
	}
	free(st);
	free(ctxs);
	return status;
}

static const char examples[] =
"  cs-classify < chats.jsonl | cs-reply > drafts.jsonl\n"
"  cs-reply -t ./our-templates --set shop='Lumen Store' classified.jsonl\n"
"  cs-reply lint share/cskit/templates\n";

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		{ "templates", required_argument, NULL, 't' },
		{ "default-lang", required_argument, NULL, OPT_DEFAULT_LANG },
		{ "variants", no_argument, NULL, OPT_VARIANTS },
		{ "escape", required_argument, NULL, OPT_ESCAPE },
		{ "set", required_argument, NULL, OPT_SET },
		{ "text", no_argument, NULL, OPT_TEXT },
		{ "each-message", no_argument, NULL, OPT_EACH_MESSAGE },
		{ "quiet-after", required_argument, NULL, OPT_QUIET_AFTER },
		{ "hold", required_argument, NULL, OPT_HOLD },
		CLI_MAX_CONVERSATIONS_LONGOPT,
		CLI_JOBS_LONGOPT,
		{ NULL, 0, NULL, 0 }
	};
	struct filter_hooks hooks = { overflow, end_of_input, 0 };
	struct diag diag;
	struct cli_common cli;
	struct state s;
	char **dirs = NULL;
	cJSON *set;
	int c, ndirs = 0, text = 0, status, broken;

	diag_init(&diag, "cs-reply");
	cli_common_init(&cli, usage);
	cli.examples = examples;
	if (argc > 1 && strcmp(argv[1], "render") == 0) {
		status = cmd_render(argc - 1, argv + 1, &diag, &cli);
		cli_common_free(&cli);	/* the settings cli_getopt read */
		return status;
	}
	if (argc > 1 && strcmp(argv[1], "lint") == 0)
		return cmd_lint(argc - 1, argv + 1, &diag);

	memset(&s, 0, sizeof(s));
	s.o.default_lang = "en";
	s.o.quiet_after = 3 * 3600;
	cli.max_conversations = CLI_FILTER_MAX_CONVERSATIONS;
	set = cJSON_CreateObject();
	while ((c = cli_getopt(&cli, &diag, argc, argv, "i:o:t:j:", longopts))
	    != -1) {
		if (cli_common_option(&cli, &diag, c, optarg))
			continue;
		switch (c) {
		case 't':
			dirs = xrealloc(dirs, (ndirs + 1) * sizeof(*dirs));
			dirs[ndirs++] = optarg;
			break;
		case OPT_DEFAULT_LANG:
			s.o.default_lang = optarg;
			break;
		case OPT_VARIANTS:
			s.o.variants = 1;
			break;
		case OPT_ESCAPE:
			s.o.escape_html = parse_escape(&diag, optarg);
			break;
		case OPT_SET:
			add_set(set, optarg, &diag);
			break;
		case OPT_TEXT:
			text = 1;
			break;
		case OPT_EACH_MESSAGE:
			s.o.each_message = 1;
			break;
		case OPT_QUIET_AFTER:
			s.o.quiet_after = cli_duration_arg(&diag,
			    "--quiet-after", optarg);
			break;
		case OPT_HOLD:
			hooks.max_held = parse_hold(&diag, optarg);
			break;
		default:
			usage(stderr);
			return CS_EXIT_USAGE;
		}
	}
	cli_common_finish(&cli, &diag);
	s.o.max_convs = cli.max_conversations;
	s.o.ts = &cli.ts;
	s.lib = load_library(dirs, ndirs, &diag, &broken, 0);
	s.o.map = &cli.map;
	s.o.set = set;
	s.strict = diag.strict;
	s.run = reply_run_new(s.lib, &s.o);
	reply_run_on_release(s.run, release, &s);
	if (text)
		status = run_text(&s, &cli, &diag, argv + optind, argc - optind);
	else {
		struct ev_want want = EV_WANT_INIT;
		if (reply_run_want(s.run, &want) == 0) {
			cli.in.want = &want;
			reply_run_index_from(s.run, &want);
		}
		status = run_events(&s, &cli, &diag, argv + optind,
		    argc - optind, &hooks, dirs, ndirs);
		ev_want_free(&want);
	}
	/* Broken templates end the run as bad input does, once all the
	 * messages have their replies. */
	if (broken > 0) {
		diag_warn(&diag, "finished with %d broken template%s left "
		    "out", broken, broken == 1 ? "" : "s");
		if (status == CS_EXIT_OK)
			status = CS_EXIT_DATAERR;
	}
	reply_result_free(&s.res);
	buf_free(&s.members);
	reply_run_free(s.run);
	reply_lib_free(s.lib);
	buf_free(&s.err);
	cJSON_Delete(set);
	free(dirs);
	cli_common_free(&cli);
	return status;
}
