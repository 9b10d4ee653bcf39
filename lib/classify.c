#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "share.h"
#include "text.h"

/* What a model's lexicon input reads, besides an intent's index (>= 0). */
enum {
	IN_NEG = -1, IN_POS = -2, IN_ESCALATE = -3, IN_VIDEO = -4,
	IN_URGENCY = -5, IN_NONE = -100
};

#define LEX_INPUT_MAX	3.0f	/* one cue or three: the input saturates */

void
cls_init(struct classifier *c)
{
	memset(c, 0, sizeof(*c));
	lex_init(&c->lex);
	langid_init(&c->langid);
	tok_init(&c->tt);
}

void
cls_free(struct classifier *c)
{
	lex_free(&c->lex);
	lm_free(&c->model);
	langid_free(&c->langid);
	tok_free(&c->tt);
	lm_feats_free(&c->feats);
	lex_hits_free(&c->hits);
	free(c->lexmap);
	free(c->lexv);
	free(c->intent_sum);
	free(c->prob);
	buf_free(&c->scratch);
	hmap_free(&c->convs);
	memset(c, 0, sizeof(*c));
}

int
cls_load_lexicons(struct classifier *c, char *const *extra, int n,
    struct buf *err)
{
	struct buf dir = BUF_INIT;
	int rc = 0;

	if (share_path("lexicon", &dir) == 0)
		rc = lex_load_dir(&c->lex, buf_str(&dir), err);
	buf_free(&dir);
	for (int i = 0; rc == 0 && i < n; i++)
		rc = lex_load(&c->lex, extra[i], err);
	free(c->intent_sum);
	c->intent_sum = xcalloc((size_t)c->lex.nintents + 1, sizeof(float));
	return rc;
}

char **
cls_lexicon_inputs(const struct classifier *c, uint32_t *n)
{
	static const char *const fixed[] = {
		"sentiment:neg", "sentiment:pos", "escalate", "video", "urgency"
	};
	size_t nf = sizeof(fixed) / sizeof(fixed[0]);
	char **v = xcalloc((size_t)c->lex.nintents + nf, sizeof(*v));
	struct buf b = BUF_INIT;
	int k = 0;

	for (int i = 0; i < c->lex.nintents; i++) {
		buf_reset(&b);
		buf_printf(&b, "intent:%s", c->lex.intents[i]);
		v[k++] = xstrdup(buf_str(&b));
	}
	for (size_t i = 0; i < nf; i++)
		v[k++] = xstrdup(fixed[i]);
	buf_free(&b);
	*n = (uint32_t)k;
	return v;
}

static int
input_code(const struct classifier *c, const char *name)
{
	if (strncmp(name, "intent:", 7) == 0) {
		int i = lex_intent_index(&c->lex, name + 7);
		return i >= 0 ? i : IN_NONE;
	}
	if (strcmp(name, "sentiment:neg") == 0)
		return IN_NEG;
	if (strcmp(name, "sentiment:pos") == 0)
		return IN_POS;
	if (strcmp(name, "escalate") == 0)
		return IN_ESCALATE;
	if (strcmp(name, "video") == 0)
		return IN_VIDEO;
	if (strcmp(name, "urgency") == 0)
		return IN_URGENCY;
	return IN_NONE;
}

void
cls_use_model(struct classifier *c, struct lm_model *m)
{
	if (c->have_model && &c->model != m)
		lm_free(&c->model);
	if (&c->model != m)
		c->model = *m;
	c->have_model = 1;
	free(c->lexmap);
	free(c->lexv);
	free(c->prob);
	c->lexmap = xcalloc((size_t)c->model.nlex + 1, sizeof(int));
	c->lexv = xcalloc((size_t)c->model.nlex + 1, sizeof(float));
	c->prob = xcalloc(c->model.nlabels, sizeof(float));
	for (uint32_t k = 0; k < c->model.nlex; k++)
		c->lexmap[k] = input_code(c, c->model.lexnames[k]);
	lm_feats_hint(&c->feats, &c->model);
}

int
cls_load_model(struct classifier *c, const char *path, struct buf *err)
{
	struct buf p = BUF_INIT;
	struct lm_model m;
	int rc;

	if (!path) {
		if (share_path("model/intent.bin", &p) < 0) {
			buf_adds(err, "the built-in model share/cskit/model/"
			    "intent.bin was not found (set CSKIT_SHARE)");
			buf_free(&p);
			return -1;
		}
		path = buf_str(&p);
	}
	rc = lm_load(&m, path, err);
	if (rc == 0)
		cls_use_model(c, &m);
	buf_free(&p);
	return rc;
}

/* Sums of the lexicon hits by what they mean. */
struct cues {
	float	 neg, pos, escalate, video, urgency;
};

/* Is there a negation word within three words before token pos? */
static int
negated(const struct classifier *c, uint32_t pos)
{
	for (size_t i = 0; i < c->hits.n; i++) {
		const struct lex_hit *h = &c->hits.h[i];
		if (c->lex.e[h->entry].kind == LEX_NEGATION &&
		    h->pos < pos && h->pos + h->ntok + 3 > pos)
			return 1;
	}
	return 0;
}

static void
sum_cues(struct classifier *c, struct cues *q)
{
	memset(q, 0, sizeof(*q));
	for (int i = 0; i < c->lex.nintents; i++)
		c->intent_sum[i] = 0;
	for (size_t i = 0; i < c->hits.n; i++) {
		const struct lex_hit *h = &c->hits.h[i];
		const struct lex_entry *e = &c->lex.e[h->entry];
		float w = e->weight;
		switch (e->kind) {
		case LEX_INTENT:
			c->intent_sum[e->cat] += w;
			break;
		case LEX_SENTIMENT:
			if (negated(c, h->pos))
				w = -w * 0.5f;
			if (e->cat * w < 0)
				q->neg += fabsf(w);
			else
				q->pos += fabsf(w);
			break;
		case LEX_URGENCY:
			q->urgency += w;
			break;
		case LEX_ESCALATE:
			q->escalate += w;
			break;
		case LEX_VIDEO:
			q->video += w;
			break;
		}
	}
}

static float
capped(float x)
{
	return x > LEX_INPUT_MAX ? LEX_INPUT_MAX : x;
}

static void
fill_inputs(struct classifier *c, const struct cues *q)
{
	for (uint32_t k = 0; k < c->model.nlex; k++) {
		int code = c->lexmap[k];
		float v = 0;
		if (code >= 0)
			v = c->intent_sum[code];
		else if (code == IN_NEG)
			v = q->neg;
		else if (code == IN_POS)
			v = q->pos;
		else if (code == IN_ESCALATE)
			v = q->escalate;
		else if (code == IN_VIDEO)
			v = q->video;
		else if (code == IN_URGENCY)
			v = q->urgency;
		c->lexv[k] = capped(v);
	}
}

/* Tokens, lexicon hits and their sums, and the model's lexicon inputs of
 * a message. */
static void
read_message(struct classifier *c, const char *text, size_t len,
    struct cues *q)
{
	tok_run(&c->tt, text, len);
	lex_match(&c->lex, &c->tt, &c->hits);
	sum_cues(c, q);
	if (c->have_model)
		fill_inputs(c, q);
}

static void
message_features(struct classifier *c)
{
	lm_features(&c->tt, c->model.buckets ? c->model.buckets :
	    LM_BUCKETS_DEFAULT, &c->feats);
}

void
cls_prepare(struct classifier *c, const char *text, size_t len)
{
	struct cues q;

	read_message(c, text, len, &q);
	message_features(c);
}

/* Shouting and exclamation marks, from the text as written. */
static float
emphasis(const char *s, size_t len)
{
	size_t upper = 0, lower = 0, bang = 0, i = 0;
	int32_t cp;
	float pts = 0;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80)	/* ASCII, without decoding */
			cp = (unsigned char)s[i++];
		else {
			int k = text_decode(s + i, len - i, &cp);
			if (k < 0) {
				i++;
				continue;
			}
			i += (size_t)k;
		}
		if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE &&
		    cp != 0xD7))
			upper++;
		else if ((cp >= 'a' && cp <= 'z') || (cp >= 0xDF &&
		    cp <= 0xFF && cp != 0xF7))
			lower++;
		else if (cp == '!' || cp == 0xFF01)
			bang++;
	}
	if (upper + lower >= 8 && upper * 10 >= (upper + lower) * 6)
		pts += 1;
	if (bang >= 2)
		pts += 1;
	return pts;
}

static void
rank_top(struct classifier *c, struct cls_result *r)
{
	const struct lm_model *m = &c->model;

	r->ntop = 0;
	for (uint32_t l = 0; l < m->nlabels; l++) {
		int at = r->ntop < CLS_TOP ? r->ntop : CLS_TOP;
		while (at > 0 && (c->prob[l] > r->top_score[at - 1] ||
		    (c->prob[l] == r->top_score[at - 1] &&
		    strcmp(m->labels[l], r->top[at - 1]) < 0)))
			at--;
		if (at >= CLS_TOP)
			continue;
		int end = r->ntop < CLS_TOP ? r->ntop : CLS_TOP - 1;
		for (int j = end; j > at; j--) {
			r->top[j] = r->top[j - 1];
			r->top_score[j] = r->top_score[j - 1];
		}
		r->top[at] = m->labels[l];
		r->top_score[at] = c->prob[l];
		if (r->ntop < CLS_TOP)
			r->ntop++;
	}
}

static void
explain_add(struct cls_result *r, const char *s, size_t n)
{
	const char *p = r->explain.data;

	for (int i = 0; i < r->nexplain; i++) {
		size_t l = strlen(p);
		if (l == n && memcmp(p, s, n) == 0)
			return;
		p += l + 1;
	}
	buf_add(&r->explain, s, n);
	buf_addc(&r->explain, '\0');
	r->nexplain++;
}

struct span_score {
	uint32_t	 span;
	float		 score;
};

static int
cmp_span(const void *a, const void *b)
{
	const struct span_score *x = a, *y = b;
	if (x->span != y->span)
		return x->span < y->span ? -1 : 1;
	return 0;
}

static int
cmp_score(const void *a, const void *b)
{
	const struct span_score *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->span < y->span ? -1 : x->span > y->span;
}

/* Mark tokens first..first+cnt as explained; 0 when one already was. */
static int
claim(uint64_t *used, uint32_t first, uint32_t cnt)
{
	uint64_t bits = 0;

	for (uint32_t t = first; t < first + cnt && t < 64; t++)
		bits |= 1ull << t;
	if (bits & *used)
		return 0;
	*used |= bits;
	return 1;
}

/* Model features summed by the words (spans of tokens) they came from. */
static size_t
span_scores(struct classifier *c, int win, struct span_score **out)
{
	const struct lm_model *m = &c->model;
	size_t n = c->feats.n, ns = 0;
	struct span_score *sp;

	buf_reset(&c->scratch);
	buf_grow(&c->scratch, (n ? n : 1) * sizeof(*sp));
	sp = (struct span_score *)(void *)c->scratch.data;
	for (size_t i = 0; i < n; i++) {
		const float *row = m->w + (size_t)c->feats.f[i] * m->nlabels;
		float mean = 0;
		for (uint32_t l = 0; l < m->nlabels; l++)
			mean += row[l];
		sp[i].span = c->feats.span[i];
		sp[i].score = row[win] - mean / (float)m->nlabels;
	}
	qsort(sp, n, sizeof(*sp), cmp_span);
	for (size_t i = 0; i < n; i++) {
		if (ns > 0 && sp[ns - 1].span == sp[i].span)
			sp[ns - 1].score += sp[i].score;
		else
			sp[ns++] = sp[i];
	}
	qsort(sp, ns, sizeof(*sp), cmp_score);
	*out = sp;
	return ns;
}

/*
 * The words that decided: the winning intent's lexicon cues, then the
 * words the model weighed most for it (at least a third of the strongest;
 * single short tokens, mostly function words and lone CJK characters, left out).
 */
static void
explain(struct classifier *c, int win, struct cls_result *r)
{
	struct span_score *sp;
	uint64_t used = 0;
	size_t ns;

	if (win < 0)
		return;
	for (size_t i = 0; i < c->hits.n; i++) {
		const struct lex_hit *h = &c->hits.h[i];
		const struct lex_entry *e = &c->lex.e[h->entry];
		const char *ph = lex_phrase(&c->lex, h->entry);
		if (e->kind != LEX_INTENT || r->nexplain >= CLS_EXPLAIN_MAX ||
		    strcmp(c->lex.intents[e->cat], c->model.labels[win]) != 0)
			continue;
		claim(&used, h->pos, h->ntok);
		explain_add(r, ph, strlen(ph));
	}
	ns = span_scores(c, win, &sp);
	float bar = 0;
	for (size_t i = 0; i < ns && r->nexplain < CLS_EXPLAIN_MAX; i++) {
		uint32_t first = sp[i].span >> 8, cnt = sp[i].span & 0xFF;
		/* "the", "を", "的": short single tokens explain nothing */
		if (cnt == 1 && c->tt.toks[first].len <= 3)
			continue;
		if (bar == 0)
			bar = sp[i].score / 3;
		if (sp[i].score <= 0 || sp[i].score < bar)
			break;
		if (!claim(&used, first, cnt))
			continue;
		const struct tok *a = &c->tt.toks[first];
		const struct tok *z = &c->tt.toks[first + cnt - 1];
		explain_add(r, c->tt.folded.data + a->src,
		    z->src + z->srclen - a->src);
	}
}

/* The top candidates and the intent from c->prob. */
static int
decide(struct classifier *c, struct cls_result *r)
{
	const struct lm_model *m = &c->model;
	int win = -1;

	rank_top(c, r);
	r->intent = r->ntop ? r->top[0] : "other";
	r->intent_score = r->ntop ? r->top_score[0] : 0;
	for (uint32_t l = 0; l < m->nlabels; l++)
		if (r->ntop && m->labels[l] == r->top[0])
			win = (int)l;
	if (r->intent_score < c->threshold)
		r->intent = "other";
	return win;
}

static void
intent_of(struct classifier *c, struct cls_result *r)
{
	lm_predict_tokens(&c->model, &c->tt, &c->feats, c->lexv, c->prob);
	int win = decide(c, r);
	if (c->explain) {
		message_features(c);	/* every feature, for its words */
		explain(c, win, r);
	}
}

void
cls_follow(struct classifier *c, const char *conv, struct cls_result *r)
{
	size_t len = strlen(conv), id;
	/* "ok", "???", "thanks": the model's own "other" stays */
	int unsure = r->intent_score < CLS_SURE && r->ntop > 0 &&
	    strcmp(r->top[0], "other") != 0;
	struct hmap_entry *e;

	id = hmap_find(&c->convs, conv, len);
	if (id != HMAP_NONE)		/* active: the last one to forget */
		hmap_touch(&c->convs, id);
	if (unsure && id != HMAP_NONE) {
		uint64_t prev = hmap_at(&c->convs, id)->val.num;
		for (uint32_t l = 0; l < c->model.nlabels; l++)
			c->prob[l] *= 1 - CLS_CARRY;
		if (prev >= 1 && prev <= c->model.nlabels)
			c->prob[prev - 1] += CLS_CARRY;
		decide(c, r);
	}
	if (r->intent_score < CLS_SURE || strcmp(r->intent, "other") == 0)
		return;
	for (uint32_t l = 0; l < c->model.nlabels; l++)
		if (strcmp(c->model.labels[l], r->intent) == 0) {
			e = hmap_at(&c->convs, hmap_put_lru(&c->convs,
			    conv, len, c->max_convs, NULL, &c->forgotten));
			e->val.num = l + 1;
		}
}

void
cls_classify(struct classifier *c, const char *text, size_t len,
    int want_lang, struct cls_result *r)
{
	struct cues q;
	float sent, urg;

	buf_reset(&r->explain);
	r->nexplain = 0;
	read_message(c, text, len, &q);
	intent_of(c, r);

	r->escalate = q.escalate >= 1;
	r->needs_video = q.video >= 1;
	sent = q.pos - q.neg - (r->escalate ? 1.0f : 0);
	/* Reporting a defect is not neutral, even in neutral words. */
	if (strcmp(r->intent, "complaint") == 0 && r->intent_score >= CLS_SURE)
		sent -= 0.5f;
	r->sentiment_score = tanhf(sent / 2);
	r->sentiment = r->sentiment_score < -0.2f ? "negative" :
	    r->sentiment_score > 0.2f ? "positive" : "neutral";
	urg = q.urgency + emphasis(text, len) + (r->escalate ? 1.0f : 0);
	/* A lone weak cue ("gift", 0.5) is no hurry; 0.75 and up counts. */
	r->urgency = urg >= 2.75f ? 3 : (int)(urg + 0.25f);
	r->lang = want_lang ? langid_detect(&c->langid, text, len, &c->tt,
	    NULL) :
	    NULL;
}

void
cls_result_free(struct cls_result *r)
{
	buf_free(&r->explain);
}
