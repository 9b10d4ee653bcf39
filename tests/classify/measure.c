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
 *	-P HEAD     the head whose n-gram weights are averaged (--mean-head;
 *	            default sentiment, as scripts/train-default-model; "none")
 *	-p FILE     write each development row's answers there (TSV)
 *	-M FILE     write the training rows no cue of their intent fired
 *	            for there (what the lexicons miss)
 *	-T X -A X -N X  the topic and acknowledgement minimums and the
 *	            neutral band of sentiment (default: classify.h's)
 *	-o FILE     also write the model trained on the nine tenths
 *
 * A held-out set (tests/heldout/vN: LANG.tsv, reviews/LANG.tsv,
 * langid/LANG.tsv; scripts/measure-heldout runs this on one):
 *	-B          no training: measure the built-in model (or -m FILE) on
 *	            every row of the CORPUS files
 *	-m FILE     the model -B measures
 *	-C          hints from each row's own "country" column (an event's
 *	            country), where it has one
 *	-R FILE     reviews ("lang stars text"): sentiment on the clear ones,
 *	            1-2 stars negative and 4-5 positive (repeatable)
 *	-L FILE     language rows ("lang country text"): the language
 *	            cs-classify gives, without hints and with the row's country
 *	            (repeatable)
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

enum kind { K_MESSAGE, K_TRAIN_ONLY, K_REVIEW, K_LANGID };

struct row {
	char	*lang, *intent, *topic, *sentiment, *text, *country;
	int	 stars;		/* reviews: 1-5 */
	int	 dev;
	int	 train_only;	/* from a -x file */
	enum kind kind;
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

/* Rows of a file; K_TRAIN_ONLY: never in the development split; all:
 * every message row is measured (a held-out set). */
static void
read_rows(const char *path, struct rows *rs, enum kind kind, int all)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL, *f[16], *h[16];
	size_t cap = 0;
	ssize_t len;
	int nh, cols[7];
	int train_only = kind == K_TRAIN_ONLY;
	static const char *const want[7] = { "lang", "intent", "topic",
	    "sentiment", "text", "country", "stars" };

	if (!fp) {
		fprintf(stderr, "measure: %s: %s\n", path, strerror(errno));
		exit(66);
	}
	if ((len = getline(&line, &cap, fp)) <= 0)
		goto done;
	line[strcspn(line, "\r\n")] = '\0';
	char *hdr = xstrdup(line);
	nh = split(hdr, h, 16);
	for (int i = 0; i < 7; i++)
		cols[i] = column_of(h, nh, want[i]);
	if (cols[4] < 0 || (kind == K_REVIEW ? cols[6] < 0 :
	    kind == K_LANGID ? cols[0] < 0 : cols[1] < 0)) {
		fprintf(stderr, "measure: %s: no %s or text column\n", path,
		    kind == K_REVIEW ? "stars" : kind == K_LANGID ? "lang" :
		    "intent");
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
		r->country = dup_or_empty(f, n, cols[5]);
		r->stars = cols[6] >= 0 && cols[6] < n ? atoi(f[cols[6]]) : 0;
		unescape(r->text);
		r->kind = kind;
		r->train_only = train_only;
		r->dev = kind == K_MESSAGE && (all ||
		    tok_hash(r->text, strlen(r->text)) % 10 == 0);
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
	size_t		 short_iok;	/* intent right under 30 characters */
	size_t		 nr_ok;		/* needs_reply right (not an ack) */
	/* reviews: clear positive (4-5 stars) and negative (1-2) */
	size_t		 pos_n, pos_ok, neg_n, neg_ok, neu_said;
	/* language rows with the row's country as a hint */
	size_t		 h_ok, h_und, h_short_ok, h_lsaid, h_lsaid_ok;
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
	t->nr_ok += res->needs_reply == !gold_ack;
	t->lang_ok += same_lang(r->lang, res->lang);
	t->lang_und += strcmp(res->lang, "und") == 0;
	if (code_points(r->text) < SHORT_CHARS) {
		t->short_n++;
		t->short_ok += same_lang(r->lang, res->lang);
		t->short_iok += ok;
	}
}

static void
print_header(const char *what)
{
	printf("%-13s %5s %6s %6s %6s %6s %5s %6s %6s %6s %6s %6s %6s %6s "
	    "%6s %6s\n", what, "n", "intent", "cue%", "w/cue", "no-cue", "n<30",
	    "i<30", "topic", "t-prec", "sent", "polar", "reply", "lang",
	    "<30ch", "l-prec");
}

static void
print_row(const struct tally *t)
{
	printf("%-13s %5zu %6.3f %6.3f %6.3f %6.3f %5zu %6.3f %6.3f %6.3f "
	    "%6.3f %6.3f %6.3f %6.3f %6.3f %6.3f\n", t->name, t->n,
	    share(t->ok, t->n), share(t->cue_n, t->n),
	    share(t->cue_ok, t->cue_n),
	    share(t->ok - t->cue_ok, t->n - t->cue_n), t->short_n,
	    share(t->short_iok, t->short_n), share(t->topic_ok, t->topic_n),
	    share(t->topic_said_ok, t->topic_said),
	    share(t->sent_ok, t->n), share(t->pol_ok, t->pol_n),
	    share(t->nr_ok, t->n), share(t->lang_ok, t->n), share(t->short_ok, t->short_n),
	    share(t->lsaid_ok, t->lsaid));
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct tally *)a)->name,
	    ((const struct tally *)b)->name);
}

/* ---- confusion -------------------------------------------------------- */

#define MAXCONF	256

struct confusion {
	struct conf_cell {
		const char	*truth, *said;
		size_t		 n;
	}		 c[MAXCONF];
	int		 n;
};

static void
confuse(struct confusion *cf, const char *truth, const char *said)
{
	for (int i = 0; i < cf->n; i++)
		if (strcmp(cf->c[i].truth, truth) == 0 &&
		    strcmp(cf->c[i].said, said) == 0) {
			cf->c[i].n++;
			return;
		}
	if (cf->n < MAXCONF)
		cf->c[cf->n++] = (struct conf_cell){ truth, said, 1 };
}

/* Each true intent's wrong answers, the most frequent first (up to 4). */
static void
print_confusion(const struct confusion *cf, const struct tallies *intents)
{
	printf("\nconfusion (true intent: said instead, count)\n");
	for (int i = 0; i < intents->n; i++) {
		const char *truth = intents->t[i].name;
		int used[MAXCONF] = { 0 }, shown = 0;
		if (intents->t[i].n == 0)
			continue;
		printf("  %-13s", truth);
		for (int k = 0; k < 4; k++) {
			int best = -1;
			for (int j = 0; j < cf->n; j++)
				if (!used[j] && strcmp(cf->c[j].truth,
				    truth) == 0 && (best < 0 ||
				    cf->c[j].n > cf->c[best].n))
					best = j;
			if (best < 0)
				break;
			used[best] = 1;
			printf(" %s %zu", cf->c[best].said, cf->c[best].n);
			shown++;
		}
		printf("%s\n", shown ? "" : " -");
	}
}

/* ---- reviews and language rows ------------------------------------------ */

/* Sentiment of the clear reviews (1-2 stars negative, 4-5 positive). */
static void
measure_reviews(struct classifier *cls, const struct rows *rs)
{
	struct tallies langs = { .n = 0 };
	struct tally all = { .name = "all" };
	struct cls_result res = { 0 };
	size_t three = 0;

	for (size_t i = 0; i < rs->n; i++) {
		const struct row *r = &rs->v[i];
		struct cls_input in = { 0 };
		if (r->kind != K_REVIEW)
			continue;
		if (r->stars == 3) {
			three++;
			continue;
		}
		if (r->stars < 1 || r->stars > 5)
			continue;
		cls_classify(cls, r->text, strlen(r->text), &in, &res);
		const char *said = sent_short(res.sentiment);
		struct tally *ts[2] = { tally(&langs, r->lang), &all };
		for (int k = 0; k < 2; k++) {
			struct tally *t = ts[k];
			t->n++;
			if (r->stars >= 4) {
				t->pos_n++;
				t->pos_ok += strcmp(said, "pos") == 0;
			} else {
				t->neg_n++;
				t->neg_ok += strcmp(said, "neg") == 0;
			}
			t->neu_said += strcmp(said, "neu") == 0;
		}
	}
	cls_result_free(&res);
	if (all.n == 0)
		return;
	qsort(langs.t, (size_t)langs.n, sizeof(langs.t[0]), by_name);
	printf("\nreviews: sentiment of the clear ones (1-2 stars negative, "
	    "4-5 positive; %zu of 3 stars left out), no hints\n", three);
	printf("%-13s %5s %6s %5s %6s %5s %6s %6s\n", "language", "n",
	    "right", "neg", "right", "pos", "right", "neu");
	for (int i = 0; i <= langs.n; i++) {
		const struct tally *t = i < langs.n ? &langs.t[i] : &all;
		printf("%-13s %5zu %6.3f %5zu %6.3f %5zu %6.3f %6.3f\n",
		    t->name, t->n, share(t->pos_ok + t->neg_ok, t->n),
		    t->neg_n, share(t->neg_ok, t->neg_n), t->pos_n,
		    share(t->pos_ok, t->pos_n), share(t->neu_said, t->n));
	}
}

static void
count_lang(struct tally *t, const struct row *r, const char *said,
    const char *hinted)
{
	int is_short = code_points(r->text) < SHORT_CHARS;

	t->n++;
	t->lang_ok += same_lang(r->lang, said);
	t->lang_und += strcmp(said, "und") == 0;
	t->h_ok += same_lang(r->lang, hinted);
	t->h_und += strcmp(hinted, "und") == 0;
	if (is_short) {
		t->short_n++;
		t->short_ok += same_lang(r->lang, said);
		t->h_short_ok += same_lang(r->lang, hinted);
	}
}

/* Precision: of the rows said to be a language, those not wrong. */
static void
count_said(struct tallies *langs, struct tally *all, const struct row *r,
    const char *said, int hinted)
{
	if (strcmp(said, "und") == 0)
		return;
	struct tally *ts[2] = { tally(langs, strcmp(said, "zh-Hans") == 0 ?
	    "zh" : said), all };
	for (int k = 0; k < 2; k++) {
		if (hinted) {
			ts[k]->h_lsaid++;
			ts[k]->h_lsaid_ok += not_wrong(r->lang, said);
		} else {
			ts[k]->lsaid++;
			ts[k]->lsaid_ok += not_wrong(r->lang, said);
		}
	}
}

/* The language cs-classify gives the language rows, without hints and
 * with the row's own country as the event's. */
static void
measure_langid(struct classifier *cls, const struct rows *rs)
{
	struct tallies langs = { .n = 0 };
	struct tally all = { .name = "all" };
	struct cls_result res = { 0 };
	size_t with_country = 0;

	for (size_t i = 0; i < rs->n; i++) {
		const struct row *r = &rs->v[i];
		struct cls_input in = { 0 };
		if (r->kind != K_LANGID)
			continue;
		cls_classify(cls, r->text, strlen(r->text), &in, &res);
		/* a static tag or the lexicon's: it outlives the next call
		 * (a tally keeps it as its name) */
		const char *said = res.lang;
		in.country = *r->country ? r->country : NULL;
		with_country += in.country != NULL;
		cls_classify(cls, r->text, strlen(r->text), &in, &res);
		count_lang(tally(&langs, r->lang), r, said, res.lang);
		count_lang(&all, r, said, res.lang);
		count_said(&langs, &all, r, said, 0);
		count_said(&langs, &all, r, res.lang, 1);
	}
	cls_result_free(&res);
	if (all.n == 0)
		return;
	qsort(langs.t, (size_t)langs.n, sizeof(langs.t[0]), by_name);
	printf("\nlanguage rows: the language cs-classify gives (zh = "
	    "zh-Hans), without hints and with the row's country (%zu of %zu "
	    "rows have one)\n", with_country, all.n);
	printf("%-13s %5s %5s | %6s %6s %6s %6s | %6s %6s %6s %6s\n",
	    "language", "n", "n<30", "right", "<30ch", "und", "prec",
	    "h:rght", "h:<30", "h:und", "h:prec");
	for (int i = 0; i <= langs.n; i++) {
		const struct tally *t = i < langs.n ? &langs.t[i] : &all;
		if (t->n == 0 && t->lsaid == 0 && t->h_lsaid == 0)
			continue;
		printf("%-13s %5zu %5zu | %6.3f %6.3f %6.3f %6.3f | %6.3f "
		    "%6.3f %6.3f %6.3f\n", t->name, t->n, t->short_n,
		    share(t->lang_ok, t->n), share(t->short_ok, t->short_n),
		    share(t->lang_und, t->n), share(t->lsaid_ok, t->lsaid),
		    share(t->h_ok, t->n), share(t->h_short_ok, t->short_n),
		    share(t->h_und, t->n), share(t->h_lsaid_ok, t->h_lsaid));
	}
}

/* ---- main ------------------------------------------------------------- */

static void
usage(void)
{
	fprintf(stderr, "usage: measure [-gH] [-x FILE] [-e epochs] [-r lr] "
	    "[-D dropout] [-b buckets] [-p FILE] [-o FILE] CORPUS.tsv...\n"
	    "       measure -B [-m model] [-C] [-p FILE] [-R reviews.tsv]... "
	    "[-L langid.tsv]... HELDOUT.tsv...\n");
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
	    1u << 18, 10, "sentiment" };
	struct buf err = BUF_INIT;
	const char *pred = NULL, *save = NULL;
	int gold_lang = 0, hints = 0, c;
	char *heads[] = { "intent", "topic=-", "sentiment" };

	float topic_min = CLS_TOPIC_MIN, ack_min = CLS_ACK_MIN;
	float band = CLS_NEUTRAL_BAND;

	const char *misses = NULL, *model = NULL;
	int builtin = 0, own_country = 0;
	char **extra = xcalloc((size_t)argc, sizeof(*extra));
	enum kind *extra_kind = xcalloc((size_t)argc, sizeof(*extra_kind));
	int nextra = 0;

	while ((c = getopt(argc, argv, "x:gHe:r:D:b:p:o:T:A:N:M:Bm:CR:L:P:"))
	    != -1) {
		switch (c) {
		case 'x': case 'R': case 'L':
			extra_kind[nextra] = c == 'x' ? K_TRAIN_ONLY :
			    c == 'R' ? K_REVIEW : K_LANGID;
			extra[nextra++] = optarg;
			break;
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
		case 'B': builtin = 1; break;
		case 'm': model = optarg; builtin = 1; break;
		case 'C': own_country = 1; break;
		case 'P': o.mean_head = optarg; break;
		default: usage();
		}
	}
	if (optind == argc && nextra == 0)
		usage();
	for (int i = 0; i < nextra; i++)
		read_rows(extra[i], &rs, extra_kind[i], builtin);
	for (int i = optind; i < argc; i++)
		read_rows(argv[i], &rs, K_MESSAGE, builtin);
	free(extra);
	free(extra_kind);

	cls_init(&cls);
	if (cls_load_lexicons(&cls, NULL, 0, &err) < 0) {
		fprintf(stderr, "measure: lexicon %s\n", buf_str(&err));
		return 65;
	}
	size_t ntrain = 0, ndev = 0;
	if (builtin) {
		if (cls_load_model(&cls, model, &err) < 0) {
			fprintf(stderr, "measure: %s\n", buf_str(&err));
			return 66;
		}
		for (size_t i = 0; i < rs.n; i++)
			ndev += rs.v[i].dev;
	} else {
		clt_init(&set, &cls, 3, heads, o.buckets);
		for (size_t i = 0; i < rs.n; i++) {
			const struct row *r = &rs.v[i];
			if (r->kind == K_REVIEW || r->kind == K_LANGID)
				continue;
			if (r->dev) {
				ndev++;
				continue;
			}
			/* rows of -x files have no topic or sentiment */
			const char *labels[3] = { r->intent, r->train_only ?
			    NULL : r->topic, r->train_only ? NULL :
			    r->sentiment };
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
	}
	cls.context = 0;
	cls.topic_min = topic_min;
	cls.ack_min = ack_min;
	cls.neutral_band = band;
	if (builtin && ndev == 0)
		printf("model %s; temperatures", model ? model : "built-in");
	else if (builtin)
		printf("model %s, measured on every row (%zu), hints: %s; "
		    "temperatures", model ? model : "built-in", ndev,
		    own_country ? "the rows' country" : hints ? "drawn" :
		    "none");
	else
		printf("trained on %zu rows, measured on %zu (text hash %% 10 "
		    "== 0); temperatures", ntrain, ndev);
	for (uint32_t h = 0; h < cls.model.nheads; h++)
		printf(" %s %.3f", cls.model.heads[h].name,
		    cls.model.heads[h].temperature);
	printf("\n\n");

	struct tallies langs = { .n = 0 }, intents = { .n = 0 };
	struct tally all = { .name = "all" };
	size_t bins[10][2] = { { 0 } }, said_by[MAXT] = { 0 };
	double bin_score[10] = { 0 };
	struct cls_result res = { 0 };
	struct confusion cf = { .n = 0 };
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
		if (own_country)
			in.country = *r->country ? r->country : NULL;
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
		if (strcmp(res.intent, r->intent) != 0)
			confuse(&cf, tally(&intents, r->intent)->name,
			    tally(&intents, res.intent)->name);
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
	if (all.n == 0)
		goto rest;
	printf("intent: accuracy; cue%%: rows where a lexicon cue of the true "
	    "intent fired; w/cue, no-cue: accuracy on those and the others;\n"
	    "n<30, i<30: rows under 30 characters and their intent accuracy; "
	    "topic: rows with a topic given it;\nt-prec: topics said that are "
	    "right; sent: three classes; polar: pos/neg rows right; reply: "
	    "needs_reply right\n(false for an acknowledgement only); "
	    "lang: detected right (zh = zh-Hans); <30ch: the same under 30 "
	    "characters;\nl-prec: of the rows said to be this language, those "
	    "not wrong.\n\n");
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
	print_confusion(&cf, &intents);
	printf("\nacknowledgements: %zu rows, found %.3f; false ack %.4f of "
	    "%zu others (%zu)\n", all.ack_n, share(all.ack_found, all.ack_n),
	    share(all.false_ack, all.nonack_n), all.nonack_n, all.false_ack);
	printf("needs_reply right: %.3f of %zu (%zu wrong)\n",
	    share(all.nr_ok, all.n), all.n, all.n - all.nr_ok);
	printf("\nintent_score reliability (bin: messages, mean score, "
	    "right)\n");
	for (int b = 0; b < 10; b++)
		printf("  %.1f-%.1f %5zu %6.3f %6.3f\n", b / 10.0,
		    (b + 1) / 10.0, bins[b][0],
		    bins[b][0] ? bin_score[b] / (double)bins[b][0] : NAN,
		    share(bins[b][1], bins[b][0]));
rest:
	measure_reviews(&cls, &rs);
	measure_langid(&cls, &rs);
	cls_result_free(&res);
	if (!builtin)
		clt_free(&set);
	cls_free(&cls);
	buf_free(&err);
	for (size_t i = 0; i < rs.n; i++) {
		free(rs.v[i].lang);
		free(rs.v[i].intent);
		free(rs.v[i].topic);
		free(rs.v[i].sentiment);
		free(rs.v[i].text);
		free(rs.v[i].country);
	}
	free(rs.v);
	return 0;
}
