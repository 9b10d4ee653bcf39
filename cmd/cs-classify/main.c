/*
 * cs-classify — what each customer message wants: intent, sentiment,
 * urgency, escalation risk, video need and language.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cs-classify.h"
#include "filter.h"
#include "filterpar.h"
#include "json.h"

enum {
	OPT_LEXICON = CLI_OPT_TOOL, OPT_THRESHOLD, OPT_FALLBACK, OPT_EXPLAIN,
	OPT_NO_CONTEXT, OPT_EPOCHS, OPT_LR, OPT_L2, OPT_LEX_DROPOUT,
	OPT_BUCKETS, OPT_SEED, OPT_CALIBRATE, OPT_MEAN_HEAD
};

static void
usage(FILE *fp)
{
	fprintf(fp,
"usage: cs-classify [-m model] [--lexicon file] [--threshold x] [--explain]\n"
"                   [options] [file ...]\n"
"       cs-classify train -l field[,field...] -o model.bin [train options]\n"
"                   [file ...]\n"
"       cs-classify eval -l field [-m model] [options] [file ...]\n"
"Annotate customer messages with intent, intents, topic, ack, needs_reply,\n"
"needs_human, sentiment, urgency, escalate, needs_video and (when absent) lang.\n\n"
"  -m, --model FILE          a model from cs-classify train (default: built-in)\n"
"      --lexicon FILE        extra lexicon entries (repeatable)\n"
"      --threshold X         intent is the fallback when its score is below X\n"
"      --fallback LABEL      that intent (default \"other\")\n"
"      --explain             add \"explain\": the words that decided\n"
"      --no-context          classify each message alone, not in its conversation\n"
"      --max-conversations N conversations whose context is kept (default %d;\n"
"                            past it the least recently active is forgotten)\n"
"  -l, --label FIELD         train, eval: the field holding the label; train:\n"
"                            more fields after commas, each a head of the model\n"
"  -o, --output FILE         train: where the model is written\n"
"      --epochs N            train: passes over the data (default 30)\n"
"      --lr X                train: learning rate (default 0.5)\n"
"      --l2 X                train: decay of the lexicon weights (default 0.001)\n"
"      --lexicon-dropout X   train: share of steps without lexicon inputs (0.5)\n"
"      --buckets N           train: hash rows, a power of two (default 262144)\n"
"      --seed N              train: shuffling seed (default 1)\n"
"      --calibrate PCT       train: hold out PCT %% to calibrate the scores (0)\n"
"      --mean-head HEAD      train: average that head's n-gram weights, so that\n"
"                            a message's length does not sway it\n"
"%s%s", CLI_FILTER_MAX_CONVERSATIONS, cli_jobs_usage, cli_common_usage);
}

static void
usage_exit(void)
{
	usage(stderr);
	exit(CS_EXIT_USAGE);
}

struct ctx {
	struct classifier	 cls;
	struct cls_result	 res;
	const struct fieldmap	*map;
	cJSON			*scratch;
};

/* Only customer messages (a missing role or type counts as one). */
static const char *
annotate(void *ctxp, cJSON *ev, const struct ev_record *rec,
    struct filter_add *add)
{
	struct ctx *c = ctxp;
	const cJSON *type, *role, *text;

	(void)rec;
	type = fieldmap_get(c->map, ev, "type");
	role = fieldmap_get(c->map, ev, "role");
	if ((type && !(cJSON_IsString(type) &&
	    strcmp(type->valuestring, "message") == 0)) ||
	    (role && !(cJSON_IsString(role) &&
	    strcmp(role->valuestring, "customer") == 0)))
		return NULL;
	text = fieldmap_get(c->map, ev, "text");
	if (text == NULL || cJSON_IsNull(text))
		return NULL;
	if (!cJSON_IsString(text))
		return "field \"text\" is not a string";
	struct cls_input in;
	classify_input(c->map, ev, &in);
	cls_classify(&c->cls, text->valuestring, strlen(text->valuestring),
	    &in, &c->res);
	classify_result_add(&c->res, add, in.lang == NULL, c->cls.explain);
	return NULL;
}

static double
number_arg(const struct diag *diag, const char *opt, const char *arg,
    double min, double max)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(arg, &end);
	if (errno || end == arg || *end || !(v >= min && v <= max))
		diag_usage(diag, "%s %s: not a number from %g to %g", opt, arg,
		    min, max);
	return v;
}

static int
parse_options(int argc, char *argv[], struct cli_common *cli,
    struct diag *diag, struct cls_opts *o, int sub)
{
	static const struct option longopts[] = {
		CLI_COMMON_LONGOPTS,
		CLI_MAX_CONVERSATIONS_LONGOPT,
		CLI_JOBS_LONGOPT,
		{ "model", required_argument, NULL, 'm' },
		{ "lexicon", required_argument, NULL, OPT_LEXICON },
		{ "threshold", required_argument, NULL, OPT_THRESHOLD },
		{ "fallback", required_argument, NULL, OPT_FALLBACK },
		{ "explain", no_argument, NULL, OPT_EXPLAIN },
		{ "no-context", no_argument, NULL, OPT_NO_CONTEXT },
		{ "label", required_argument, NULL, 'l' },
		{ "output", required_argument, NULL, 'O' },
		{ "epochs", required_argument, NULL, OPT_EPOCHS },
		{ "lr", required_argument, NULL, OPT_LR },
		{ "l2", required_argument, NULL, OPT_L2 },
		{ "lexicon-dropout", required_argument, NULL, OPT_LEX_DROPOUT },
		{ "buckets", required_argument, NULL, OPT_BUCKETS },
		{ "seed", required_argument, NULL, OPT_SEED },
		{ "calibrate", required_argument, NULL, OPT_CALIBRATE },
		{ "mean-head", required_argument, NULL, OPT_MEAN_HEAD },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = cli_getopt(cli, diag, argc, argv, "i:o:m:l:j:", longopts))
	    != -1) {
		if (c == 'o' && sub == 't')
			c = 'O';	/* train: -o is the model file */
		if (c != 'O' && cli_common_option(cli, diag, c, optarg))
			continue;
		switch (c) {
		case 'm':
			o->model = optarg;
			break;
		case OPT_LEXICON:
			o->lexicons = xrealloc(o->lexicons,
			    (size_t)(o->nlexicons + 1) * sizeof(char *));
			o->lexicons[o->nlexicons++] = optarg;
			break;
		case OPT_THRESHOLD:
			o->threshold = (float)number_arg(diag, "--threshold",
			    optarg, 0, 1);
			break;
		case OPT_FALLBACK:
			if (*optarg == '\0')
				diag_usage(diag, "--fallback needs a label");
			o->fallback = optarg;
			break;
		case OPT_EXPLAIN:
			o->explain = 1;
			break;
		case OPT_NO_CONTEXT:
			o->no_context = 1;
			break;
		case 'l':
			o->label = optarg;
			break;
		case 'O':
			if (sub != 't')
				diag_usage(diag, "--output is for train");
			o->out = optarg;
			break;
		case OPT_EPOCHS:
			o->epochs = (int)number_arg(diag, "--epochs", optarg,
			    1, 10000);
			break;
		case OPT_LR:
			o->lr = (float)number_arg(diag, "--lr", optarg, 1e-6, 100);
			break;
		case OPT_L2:
			o->l2 = (float)number_arg(diag, "--l2", optarg, 0, 1);
			break;
		case OPT_LEX_DROPOUT:
			o->lex_dropout = (float)number_arg(diag,
			    "--lexicon-dropout", optarg, 0, 1);
			break;
		case OPT_BUCKETS:
			o->buckets = (unsigned long)number_arg(diag,
			    "--buckets", optarg, 1024, 1 << 24);
			if (o->buckets & (o->buckets - 1))
				diag_usage(diag, "--buckets %s: not a power of "
				    "two", optarg);
			break;
		case OPT_SEED:
			o->seed = (unsigned long)number_arg(diag, "--seed",
			    optarg, 0, 4294967295.0);
			break;
		case OPT_CALIBRATE:
			o->calibrate = (int)number_arg(diag, "--calibrate",
			    optarg, 0, 50);
			break;
		case OPT_MEAN_HEAD:
			o->mean_head = optarg;
			break;
		default:
			usage_exit();
		}
	}
	cli_common_finish(cli, diag);
	o->max_conversations = cli->max_conversations;
	if (sub && o->label == NULL)
		diag_usage(diag, "%s needs -l FIELD, the label field",
		    sub == 't' ? "train" : "eval");
	if (sub == 't' && o->out == NULL)
		diag_usage(diag, "train needs -o FILE, where the model goes");
	if (!sub && o->label)
		diag_usage(diag, "-l is for train and eval");
	if (sub == 'e' && strchr(o->label, ','))
		diag_usage(diag, "eval takes one label field");
	return optind;
}

static const char examples[] =
"  cs-classify < chats.jsonl > classified.jsonl\n"
"  cs-classify --explain chats.jsonl | jq -c 'select(.escalate)'\n"
"  cs-classify eval -l intent -i tsv our-labels.tsv\n";

int
main(int argc, char *argv[])
{
	struct diag diag;
	struct cli_common cli;
	struct cls_opts o = { .epochs = 30, .lr = 0.5f, .l2 = 0.001f,
	    .lex_dropout = 0.5f,
	    .buckets = LM_BUCKETS_DEFAULT, .seed = 1 };
	struct ev_want want = EV_WANT_INIT;
	int sub = 0, status;

	diag_init(&diag, "cs-classify");
	cli_common_init(&cli, usage);
	cli.examples = examples;
	cli.max_conversations = CLI_FILTER_MAX_CONVERSATIONS;
	if (argc > 1 && strcmp(argv[1], "train") == 0)
		sub = 't';
	else if (argc > 1 && strcmp(argv[1], "eval") == 0)
		sub = 'e';
	if (sub) {
		argv++;
		argc--;
	}
	int first = parse_options(argc, argv, &cli, &diag, &o, sub);
	if (sub == 't')
		status = classify_train(&cli, &diag, &o, argv + first,
		    argc - first);
	else if (sub == 'e')
		status = classify_eval(&cli, &diag, &o, argv + first,
		    argc - first);
	else {
		/* A classifier a thread: its conversations' context is its
		 * own (filterpar.h). */
		int jobs = filter_jobs(&cli);
		struct ctx *ctx = xcalloc((size_t)jobs, sizeof *ctx);
		void **ctxs = xcalloc((size_t)jobs, sizeof *ctxs);
		struct classifier **cls = xcalloc((size_t)jobs, sizeof *cls);
		for (int i = 0; i < jobs; i++) {
			cls_init(&ctx[i].cls);
			cls[i] = &ctx[i].cls;
			ctx[i].map = &cli.map;
			ctxs[i] = &ctx[i];
		}
		classify_setup_all(cls, jobs, &diag, &o);
		free(cls);
		classify_want(&cli.map, &want);
		cli.in.want = &want;
		status = filter_run_jobs(&cli, &diag, argv + first,
		    argc - first, annotate, ctxs, jobs, "conversation");
		ev_want_free(&want);
		for (int i = 0; i < jobs; i++) {
			cls_result_free(&ctx[i].res);
			cls_free(&ctx[i].cls);
		}
		free(ctx);
		free(ctxs);
	}
	free(o.lexicons);
	cli_common_free(&cli);
	return status;
}
