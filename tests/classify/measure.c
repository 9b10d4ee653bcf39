/*
 * measure — how well the classifier learns the written corpus: a model is
 * trained on nine tenths of it and measured on the tenth it never saw.
 *
 *   measure [options] CORPUS.tsv...
 *	-x FILE     more training examples only (old-style "intent<TAB>text"
 *	            files, or corpus files), never measured
 *	-g          train with the corpus's own language of each row (default:
 *	            the language detected, as when classifying)
 *	-H          give the development rows hints (a country of their
 *	            market, one in five from another, and its zone)
 *	-e N -r X -D X -b N   epochs, rate, lexicon dropout, buckets
 *	-p FILE     write each development row's answers there (TSV)
 *	-M FILE     write the training rows no cue of their intent fired
 *	            for there (what the lexicons miss)
 *	-T X -A X -N X  the topic and acknowledgement minimums and the
 *	            neutral band of sentiment (default: classify.h's)
 *	-o FILE     also write the model trained on the nine tenths
 *
 * The corpus is TSV with the header "lang intent topic sentiment text" (its
 * brief: CORPUS-BRIEF).  The development split is fixed: a row is in it
 * when the FNV-1a 64 hash of its text is 0 modulo 10.  The model has the
 * built-in model's heads (intent, topic, sentiment) and is calibrated as
 * scripts/train-default-model calibrates it (--calibrate 10, inside the
 * nine tenths).  Prints, for the development rows: intent accuracy per
 * language and per intent, split by whether a lexicon cue of the right
 * intent fired; topic, acknowledgement, sentiment and language; the
 * reliability of intent_score.  Only run by hand (make classify-measure).
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "classify.h"
#include "clstrain.h"
#include "text.h"
#include "tokenize.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define SHORT_CHARS	30

struct row {
	char	*lang, *intent, *topic, *sentiment, *text;
	int	 dev;
	int	 train_only;	/* from a -x file */
};

struct rows {
	struct row	*v;
	size_t		 n, cap;
};

/* ---- reading ---------------------------------------------------------- */

/* TSV escapes \t \n \r \\ undone in place. */
static void
unescape(char *s)
{
	char *d = s;

	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			*d++ = *s;
			continue;
		}
		s++;
		*d++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s == 'r' ? '\r' :
		    *s;
	}
	*d = '\0';
}

static int
column_of(char **names, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

static int
split(char *line, char **f, int max)
{
	int n = 0;

	f[n++] = line;
	for (char *p = line; *p && n < max; p++)
		if (*p == '\t') {
			*p = '\0';
			f[n++] = p + 1;
		}
	return n;
}

static char *
dup_or_empty(char **f, int n, int col)
{
	return xstrdup(col >= 0 && col < n ? f[col] : "");
}

/* Rows of a file; train_only: never in the development split. */
static void
read_rows(const char *path, struct rows *rs, int train_only)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL, *f[16], *h[16];
	size_t cap = 0;
	ssize_t len;
	int nh, cols[5];
	static const char *const want[5] = { "lang", "intent", "topic",
	    "sentiment", "text" };

	if (!fp) {
		fprintf(stderr, "measure: %s: %s\n", path, strerror(errno));
		exit(66);
	}
	if ((len = getline(&line, &cap, fp)) <= 0)
		goto done;
	line[strcspn(line, "\r\n")] = '\0';
	char *hdr = xstrdup(line);
	nh = split(hdr, h, 16);
	for (int i = 0; i < 5; i++)
		cols[i] = column_of(h, nh, want[i]);
	if (cols[1] < 0 || cols[4] < 0) {
		fprintf(stderr, "measure: %s: no intent or text column\n", path);
		exit(65);
	}
	while ((len = getline(&line, &cap, fp)) > 0) {
		line[strcspn(line, "\r\n")] = '\0';
		int n = split(line, f, 16);
		if (n < nh || !*f[cols[4]])
			continue;
		if (rs->n == rs->cap) {
			rs->cap = rs->cap ? rs->cap * 2 : 4096;
			rs->v = xrealloc(rs->v, rs->cap * sizeof(*rs->v));
		}
		struct row *r = &rs->v[rs->n++];
		r->lang = dup_or_empty(f, n, cols[0]);
		r->intent = dup_or_empty(f, n, cols[1]);
		r->topic = dup_or_empty(f, n, cols[2]);
		r->sentiment = dup_or_empty(f, n, cols[3]);
		r->text = dup_or_empty(f, n, cols[4]);
		unescape(r->text);
		r->train_only = train_only;
		r->dev = !train_only &&
		    tok_hash(r->text, strlen(r->text)) % 10 == 0;
	}
	free(hdr);
done:
	free(line);
	fclose(fp);
}

/* ---- hints ------------------------------------------------------------ */

static const struct {
	const char	*lang, *country, *tz;
} markets[] = {
	{ "en", "US", "America/New_York" }, { "de", "DE", "Europe/Berlin" },
	{ "fr", "FR", "Europe/Paris" }, { "es", "ES", "Europe/Madrid" },
	{ "it", "IT", "Europe/Rome" }, { "pt", "BR", "America/Sao_Paulo" },
	{ "nl", "NL", "Europe/Amsterdam" }, { "pl", "PL", "Europe/Warsaw" },
	{ "sv", "SE", "Europe/Stockholm" }, { "tr", "TR", "Europe/Istanbul" },
	{ "ru", "RU", "Europe/Moscow" }, { "uk", "UA", "Europe/Kyiv" },
	{ "ar", "SA", "Asia/Riyadh" }, { "he", "IL", "Asia/Jerusalem" },
	{ "ja", "JP", "Asia/Tokyo" }, { "ko", "KR", "Asia/Seoul" },
	{ "zh", "CN", "Asia/Shanghai" }, { "zh-Hant", "TW", "Asia/Taipei" },
	{ "th", "TH", "Asia/Bangkok" }, { "vi", "VN", "Asia/Ho_Chi_Minh" },
	{ "id", "ID", "Asia/Jakarta" }, { "ms", "MY", "Asia/Kuala_Lumpur" },
};

/* A buyer of the row's market, one in five from another market. */
static void
hints_of(const struct row *r, struct cls_input *in)
{
	uint64_t h = tok_hash(r->text, strlen(r->text));
	size_t m = NELEM(markets);

	for (size_t i = 0; i < NELEM(markets); i++)
		if (strcmp(markets[i].lang, r->lang) == 0)
			m = i;
	if (m == NELEM(markets) || (h >> 20) % 5 == 0)
		m = (h >> 24) % NELEM(markets);
	in->country = markets[m].country;
	in->tz = markets[m].tz;
}

/* ---- tallies ---------------------------------------------------------- */

struct tally {
	const char	*name;
	size_t		 n, ok;		/* intent */
	size_t		 cue_n, cue_ok;	/* a cue of the right intent fired */
	size_t		 said, said_ok;	/* predicted as this (per intent) */
	size_t		 pol_n, pol_ok;	/* sentiment on pos/neg rows */
	size_t		 sent_ok;	/* three classes */
	size_t		 topic_n, topic_ok, topic_said, topic_said_ok;
	size_t		 ack_n, ack_found, nonack_n, false_ack;
	size_t		 lang_ok, lang_und, short_n, short_ok;
	size_t		 lsaid, lsaid_ok;	/* detected as this language */
};

#define MAXT	64

struct tallies {
	struct tally	 t[MAXT];
	int		 n;
};

static struct tally *
tally(struct tallies *ts, const char *name)
{
	for (int i = 0; i < ts->n; i++)
		if (strcmp(ts->t[i].name, name) == 0)
			return &ts->t[i];
	if (ts->n == MAXT)
		return &ts->t[MAXT - 1];
	memset(&ts->t[ts->n], 0, sizeof(ts->t[0]));
	ts->t[ts->n].name = name;
	return &ts->t[ts->n++];
}

static double
share(size_t a, size_t b)
{
	return b ? (double)a / (double)b : NAN;
}

static const char *
sent_short(const char *s)
{
	return strcmp(s, "negative") == 0 ? "neg" :
	    strcmp(s, "positive") == 0 ? "pos" : "neu";
}

/* The corpus says zh for Simplified Chinese. */
static int
same_lang(const char *truth, const char *said)
{
	if (strcmp(truth, "zh") == 0)
		return strcmp(said, "zh-Hans") == 0 || strcmp(said, "zh") == 0;
	return strcmp(truth, said) == 0;
}

/* Not a wrong language: the same, or plain "zh" (Han common to both
 * scripts) for either Chinese. */
static int
not_wrong(const char *truth, const char *said)
{
	if (strcmp(said, "zh") == 0)
		return strncmp(truth, "zh", 2) == 0;
	return same_lang(truth, said);
}

static size_t
code_points(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static void
count(struct tally *t, const struct row *r, const struct cls_result *res,
    int truth_cue)
{
	int ok = strcmp(res->intent, r->intent) == 0;
	int gold_ack = strcmp(r->topic, "ack") == 0;

	t->n++;
	t->ok += ok;
	if (truth_cue) {
		t->cue_n++;
		t->cue_ok += ok;
	}
	if (strcmp(r->sentiment, "neu") != 0 && *r->sentiment) {
		t->pol_n++;
		t->pol_ok += strcmp(sent_short(res->sentiment),
		    r->sentiment) == 0;
	}
	t->sent_ok += strcmp(sent_short(res->sentiment), r->sentiment) == 0;
	if (*r->topic) {
		t->topic_n++;
		t->topic_ok += res->topic && strcmp(res->topic, r->topic) == 0;
	}
	if (res->topic) {
		t->topic_said++;
		t->topic_said_ok += strcmp(res->topic, r->topic) == 0;
	}
	if (gold_ack) {
		t->ack_n++;
		t->ack_found += res->ack;
	} else {
		t->nonack_n++;
		t->false_ack += res->ack;
	}
	t->lang_ok += same_lang(r->lang, res->lang);
	t->lang_und += strcmp(res->lang, "und") == 0;
	if (code_points(r->text) < SHORT_CHARS) {
		t->short_n++;
		t->short_ok += same_lang(r->lang, res->lang);
	}
}

static void
print_header(const char *what)
{
	printf("%-13s %5s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s\n",
	    what, "n", "intent", "cue%", "w/cue", "no-cue", "topic", "t-prec",
	    "sent", "polar", "lang", "<30ch", "l-prec");
}

static void
print_row(const struct tally *t)
{
	printf("%-13s %5zu %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f "
	    "%6.3f %6.3f %6.3f\n", t->name, t->n, share(t->ok, t->n),
	    share(t->cue_n, t->n), share(t->cue_ok, t->cue_n),
	    share(t->ok - t->cue_ok, t->n - t->cue_n),
	    share(t->topic_ok, t->topic_n),
	    share(t->topic_said_ok, t->topic_said),
	    share(t->sent_ok, t->n), share(t->pol_ok, t->pol_n),
	    share(t->lang_ok, t->n), share(t->short_ok, t->short_n),
	    share(t->lsaid_ok, t->lsaid));
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct tally *)a)->name,
	    ((const struct tally *)b)->name);
}

/* ---- main ------------------------------------------------------------- */

static void
usage(void)
{
	fprintf(stderr, "usage: measure [-gH] [-x FILE] [-e epochs] [-r lr] "
	    "[-D dropout] [-b buckets] [-p FILE] [-o FILE] CORPUS.tsv...\n");
	exit(64);
}

int
main(int argc, char **argv)
{
	struct rows rs = { 0 };
	struct classifier cls;
	struct clt_set set;
	struct lm_model m;
	struct clt_opts o = { { 30, 0.5f, 0.001f, 0.5f, 1 },
	    1u << 18, 10 };
	struct buf err = BUF_INIT;
	const char *pred = NULL, *save = NULL;
	int gold_lang = 0, hints = 0, c;
	char *heads[] = { "intent", "topic=-", "sentiment" };

	float topic_min = CLS_TOPIC_MIN, ack_min = CLS_ACK_MIN;
	float band = CLS_NEUTRAL_BAND;

	const char *misses = NULL;

	while ((c = getopt(argc, argv, "x:gHe:r:D:b:p:o:T:A:N:M:")) != -1) {
		switch (c) {
		case 'x': read_rows(optarg, &rs, 1); break;
		case 'g': gold_lang = 1; break;
		case 'H': hints = 1; break;
		case 'e': o.train.epochs = atoi(optarg); break;
		case 'r': o.train.lr = (float)atof(optarg); break;
		case 'D': o.train.lex_dropout = (float)atof(optarg); break;
		case 'b': o.buckets = (uint32_t)strtoul(optarg, NULL, 0); break;
		case 'p': pred = optarg; break;
		case 'o': save = optarg; break;
		case 'T': topic_min = (float)atof(optarg); break;
		case 'M': misses = optarg; break;
		case 'A': ack_min = (float)atof(optarg); break;
		case 'N': band = (float)atof(optarg); break;
		default: usage();
		}
	}
	if (optind == argc)
		usage();
	for (int i = optind; i < argc; i++)
		read_rows(argv[i], &rs, 0);

	cls_init(&cls);
	if (cls_load_lexicons(&cls, NULL, 0, &err) < 0) {
		fprintf(stderr, "measure: lexicon %s\n", buf_str(&err));
		return 65;
	}
	clt_init(&set, &cls, 3, heads, o.buckets);
	size_t ntrain = 0, ndev = 0;
	for (size_t i = 0; i < rs.n; i++) {
		const struct row *r = &rs.v[i];
		if (r->dev) {
			ndev++;
			continue;
		}
		/* rows of -x files have no topic or sentiment to learn */
		const char *labels[3] = { r->intent, r->train_only ? NULL :
		    r->topic, r->train_only ? NULL : r->sentiment };
		clt_add(&set, &cls, r->text, strlen(r->text),
		    gold_lang && *r->lang ? r->lang : NULL, labels);
		ntrain++;
	}
	clt_train(&set, &cls, &o, &m);
	if (save && lm_save(&m, save, &err) < 0) {
		fprintf(stderr, "measure: %s\n", buf_str(&err));
		return 74;
	}
	cls_use_model(&cls, &m);
	cls.context = 0;
	cls.topic_min = topic_min;
	cls.ack_min = ack_min;
	cls.neutral_band = band;
	printf("trained on %zu rows, measured on %zu (text hash %% 10 == 0); "
	    "temperatures", ntrain, ndev);
	for (uint32_t h = 0; h < cls.model.nheads; h++)
		printf(" %s %.3f", cls.model.heads[h].name,
		    cls.model.heads[h].temperature);
	printf("\n\n");

	struct tallies langs = { .n = 0 }, intents = { .n = 0 };
	struct tally all = { .name = "all" };
	size_t bins[10][2] = { { 0 } }, said_by[MAXT] = { 0 };
	double bin_score[10] = { 0 };
	struct cls_result res = { 0 };
	FILE *pf = pred ? fopen(pred, "w") : NULL;

	if (pf)
		fprintf(pf, "lang\tintent\tsaid\tscore\tcue\ttopic\tsaid_topic"
		    "\tsentiment\tsaid_sentiment\tsent_score\tsaid_lang\tack"
		    "\tp_ack\tp_other\ttext\n");
	for (size_t i = 0; i < rs.n; i++) {
		const struct row *r = &rs.v[i];
		struct cls_input in = { 0 };
		if (!r->dev)
			continue;
		if (hints)
			hints_of(r, &in);
		cls_classify(&cls, r->text, strlen(r->text), &in, &res);
		/* was a cue of the right intent there? */
		int li = lex_intent_index(&cls.lex, r->intent);
		int truth_cue = li >= 0 && cls.intent_sum[li] > 0;
		count(&all, r, &res, truth_cue);
		count(tally(&langs, r->lang), r, &res, truth_cue);
		count(tally(&intents, r->intent), r, &res, truth_cue);
		if (strcmp(res.lang, "und") != 0) {
			struct tally *sl = tally(&langs, strcmp(res.lang,
			    "zh-Hans") == 0 ? "zh" : res.lang);
			sl->lsaid++;
			sl->lsaid_ok += not_wrong(r->lang, res.lang);
			all.lsaid++;
			all.lsaid_ok += not_wrong(r->lang, res.lang);
		}
		struct tally *si = tally(&intents, res.intent);
		si->said++;
		si->said_ok += strcmp(res.intent, r->intent) == 0;
		int b = (int)(res.intent_score * 10);
		b = b > 9 ? 9 : b < 0 ? 0 : b;
		bins[b][0]++;
		bins[b][1] += strcmp(res.intent, r->intent) == 0;
		bin_score[b] += res.intent_score;
		if (pf) {
			fprintf(pf, "%s\t%s\t%s\t%.3f\t%d\t%s\t%s\t%s\t%s\t%.3f"
			    "\t%s\t%d\t%.3f\t%.3f\t", r->lang, r->intent, res.intent,
			    res.intent_score, truth_cue, r->topic,
			    res.topic ? res.topic : "", r->sentiment,
			    sent_short(res.sentiment), res.sentiment_score,
			    res.lang, res.ack, cls.ack_label >= 0 ?
			    cls.prob[cls.ack_label] : 0, cls.other_label >= 0 ?
			    cls.prob[cls.other_label] : 0);
			for (const char *p = r->text; *p; p++)
				fputc(*p == '\t' || *p == '\n' ? ' ' : *p, pf);
			fputc('\n', pf);
		}
	}
	(void)said_by;
	if (pf)
		fclose(pf);
	if (misses) {
		/* training rows (their own language given) where no cue of
		 * their intent fired: what the lexicons miss */
		FILE *mf = fopen(misses, "w");
		for (size_t i = 0; mf && i < rs.n; i++) {
			const struct row *r = &rs.v[i];
			struct cls_input in = { 0 };
			if (r->dev || r->train_only)
				continue;
			in.lang = r->lang;
			cls_classify(&cls, r->text, strlen(r->text), &in, &res);
			int li = lex_intent_index(&cls.lex, r->intent);
			if (li >= 0 && cls.intent_sum[li] > 0)
				continue;
			fprintf(mf, "%s\t%s\t%s\t", r->lang, r->intent,
			    res.intent);
			for (const char *p = r->text; *p; p++)
				fputc(*p == '\t' || *p == '\n' ? ' ' : *p, mf);
			fputc('\n', mf);
		}
		if (mf)
			fclose(mf);
	}

	qsort(langs.t, (size_t)langs.n, sizeof(langs.t[0]), by_name);
	qsort(intents.t, (size_t)intents.n, sizeof(intents.t[0]), by_name);
	printf("intent: accuracy; cue%%: rows where a lexicon cue of the true "
	    "intent fired; w/cue, no-cue: accuracy on those and the others;\n"
	    "topic: rows with a topic given it; t-prec: topics said that are "
	    "right; sent: three classes; polar: pos/neg rows right;\n"
	    "lang: detected right (zh = zh-Hans); <30ch: the same under 30 "
	    "characters.\n\n");
	print_header("language");
	for (int i = 0; i < langs.n; i++)
		print_row(&langs.t[i]);
	print_row(&all);
	printf("\n");
	print_header("intent");
	for (int i = 0; i < intents.n; i++)
		print_row(&intents.t[i]);
	printf("\n%-13s %5s %6s %6s\n", "intent", "said", "prec", "recall");
	for (int i = 0; i < intents.n; i++) {
		const struct tally *t = &intents.t[i];
		printf("%-13s %5zu %6.3f %6.3f\n", t->name, t->said,
		    share(t->said_ok, t->said), share(t->ok, t->n));
	}
	printf("\nacknowledgements: %zu rows, found %.3f; false ack %.4f of "
	    "%zu others (%zu)\n", all.ack_n, share(all.ack_found, all.ack_n),
	    share(all.false_ack, all.nonack_n), all.nonack_n, all.false_ack);
	printf("\nintent_score reliability (bin: messages, mean score, "
	    "right)\n");
	for (int b = 0; b < 10; b++)
		printf("  %.1f-%.1f %5zu %6.3f %6.3f\n", b / 10.0,
		    (b + 1) / 10.0, bins[b][0],
		    bins[b][0] ? bin_score[b] / (double)bins[b][0] : NAN,
		    share(bins[b][1], bins[b][0]));
	cls_result_free(&res);
	clt_free(&set);
	cls_free(&cls);
	buf_free(&err);
	for (size_t i = 0; i < rs.n; i++) {
		free(rs.v[i].lang);
		free(rs.v[i].intent);
		free(rs.v[i].topic);
		free(rs.v[i].sentiment);
		free(rs.v[i].text);
	}
	free(rs.v);
	return 0;
}
