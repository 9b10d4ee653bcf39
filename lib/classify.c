#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "classify.h"
#include "share.h"
#include "text.h"

/* What a model's lexicon input reads. */
enum {
	IN_NONE, IN_INTENT, IN_TOPIC, IN_NEG, IN_POS, IN_ESCALATE, IN_VIDEO,
	IN_URGENCY, IN_ONLY_ACK
};

#define LEX_INPUT_MAX	3.0f	/* one cue or three: the input saturates */
#define NEG_BEFORE	3	/* words a negation reaches forward */
#define NEG_AFTER	4	/* and back, after the word ("良くない") */
#define LANGS_KEPT	255	/* languages a conversation can remember */

void
cls_init(struct classifier *c)
{
	memset(c, 0, sizeof(*c));
	lex_init(&c->lex);
	langid_init(&c->langid);
	tok_init(&c->tt);
	c->h_topic = c->h_sentiment = -1;
	c->s_neg = c->s_neu = c->s_pos = -1;
	c->ack_label = c->other_label = c->ack_topic = -1;
	c->fallback = "other";
	c->ntpl_langs = -1;
	c->topic_min = CLS_TOPIC_MIN;
	c->ack_min = CLS_ACK_MIN;
	c->neutral_band = CLS_NEUTRAL_BAND;
}

static void
free_tpl_langs(struct classifier *c)
{
	for (int i = 0; i < c->ntpl_langs; i++)
		free(c->tpl_langs[i]);
	free(c->tpl_langs);
	c->tpl_langs = NULL;
	c->ntpl_langs = -1;
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
	free(c->topic_sum);
	free(c->prob);
	free_tpl_langs(c);
	buf_free(&c->scratch);
	hmap_free(&c->convs);
	hmap_free(&c->langs);
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
	lex_mark_shared(&c->lex);
	lex_pack(&c->lex);
	c->ack_topic = lex_topic_index(&c->lex, "ack");
	memset(c->tags, 0, sizeof c->tags);
	c->ja_mask = lex_lang_index(&c->lex, "ja") < 0 ? 0 :
	    1ull << lex_lang_index(&c->lex, "ja");
	free(c->intent_sum);
	free(c->topic_sum);
	c->intent_sum = xcalloc((size_t)c->lex.nintents + 1, sizeof(float));
	c->topic_sum = xcalloc((size_t)c->lex.ntopics + 1, sizeof(float));
	return rc;
}

char **
cls_lexicon_inputs(const struct classifier *c, uint32_t *n)
{
	static const char *const fixed[] = {
		"sentiment:neg", "sentiment:pos", "escalate", "video", "urgency",
		"only:ack"
	};
	size_t nf = sizeof(fixed) / sizeof(fixed[0]);
	char **v = xcalloc((size_t)c->lex.nintents + (size_t)c->lex.ntopics +
	    nf, sizeof(*v));
	struct buf b = BUF_INIT;
	int k = 0;

	for (int i = 0; i < c->lex.nintents; i++) {
		buf_reset(&b);
		buf_printf(&b, "intent:%s", c->lex.intents[i]);
		v[k++] = xstrdup(buf_str(&b));
	}
	for (int i = 0; i < c->lex.ntopics; i++) {
		buf_reset(&b);
		buf_printf(&b, "topic:%s", c->lex.topics[i]);
		v[k++] = xstrdup(buf_str(&b));
	}
	for (size_t i = 0; i < nf; i++)
		v[k++] = xstrdup(fixed[i]);
	buf_free(&b);
	*n = (uint32_t)k;
	return v;
}

static struct cls_input_ref
input_code(const struct classifier *c, const char *name)
{
	static const struct {
		const char *name;
		int kind;
	} fixed[] = {
		{ "sentiment:neg", IN_NEG }, { "sentiment:pos", IN_POS },
		{ "escalate", IN_ESCALATE }, { "video", IN_VIDEO },
		{ "urgency", IN_URGENCY }, { "only:ack", IN_ONLY_ACK }
	};
	struct cls_input_ref r = { IN_NONE, -1 };

	if (strncmp(name, "intent:", 7) == 0) {
		r.index = lex_intent_index(&c->lex, name + 7);
		r.kind = r.index >= 0 ? IN_INTENT : IN_NONE;
	} else if (strncmp(name, "topic:", 6) == 0) {
		r.index = lex_topic_index(&c->lex, name + 6);
		r.kind = r.index >= 0 ? IN_TOPIC : IN_NONE;
	}
	for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
		if (strcmp(name, fixed[i].name) == 0)
			r.kind = fixed[i].kind;
	return r;
}

/* Label named name within head h, as an index of all labels, or -1. */
static int
head_label(const struct lm_model *m, int h, const char *name)
{
	if (h < 0)
		return -1;
	for (uint32_t k = 0; k < m->heads[h].n; k++)
		if (strcmp(m->labels[m->heads[h].first + k], name) == 0)
			return (int)(m->heads[h].first + k);
	return -1;
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
	c->lexmap = xcalloc((size_t)c->model.nlex + 1, sizeof(*c->lexmap));
	c->lexv = xcalloc((size_t)c->model.nlex + 1, sizeof(float));
	c->prob = xcalloc(c->model.nlabels, sizeof(float));
	for (uint32_t k = 0; k < c->model.nlex; k++)
		c->lexmap[k] = input_code(c, c->model.lexnames[k]);
	/* the first head is the intent, whatever its name */
	c->h_topic = lm_head_index(&c->model, "topic");
	c->h_sentiment = lm_head_index(&c->model, "sentiment");
	if (c->h_topic == 0)
		c->h_topic = -1;
	if (c->h_sentiment == 0)
		c->h_sentiment = -1;
	c->s_neg = head_label(&c->model, c->h_sentiment, "neg");
	c->s_neu = head_label(&c->model, c->h_sentiment, "neu");
	c->s_pos = head_label(&c->model, c->h_sentiment, "pos");
	if (c->s_neg < 0 || c->s_pos < 0)
		c->h_sentiment = -1;
	c->ack_label = head_label(&c->model, c->h_topic, "ack");
	c->other_label = head_label(&c->model, 0, "other");
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

void
cls_set_template_langs(struct classifier *c, char *const *langs, int n)
{
	free_tpl_langs(c);
	memset(c->tags, 0, sizeof c->tags);
	if (n < 0)
		return;
	c->tpl_langs = xcalloc((size_t)n + 1, sizeof(*c->tpl_langs));
	for (int i = 0; i < n; i++)
		c->tpl_langs[i] = xstrdup(langs[i]);
	c->ntpl_langs = n;
}

/* Is tag t the template language l or under it (pt-BR under pt)?  A
 * script subtag must agree: zh-Hant text is not answered in zh. */
static int
tpl_covers(const char *l, const char *t)
{
	size_t n = strlen(l);

	if (strncasecmp(t, l, n) != 0 || (t[n] != '\0' && t[n] != '-'))
		return 0;
	return t[n] == '\0' || strcasecmp(t, "zh-Hant") != 0;
}

int
cls_has_templates(const struct classifier *c, const char *tag)
{
	if (c->ntpl_langs < 0 || tag == NULL || strcmp(tag, "und") == 0)
		return 1;
	for (int i = 0; i < c->ntpl_langs; i++)
		if (tpl_covers(c->tpl_langs[i], tag))
			return 1;
	return 0;
}

/* Sums of the lexicon hits by what they mean. */
struct cues {
	float	 neg, pos, escalate, video, urgency;
	float	 only_ack;	/* 1: every word is an acknowledgement's */
	int	 turned;	/* a contrast word ("but") with words after it */
};

#define ONLY_ACK_TOKENS	12	/* longer messages say more than "ok" */

/* Is every token of the message inside a cue of the topic "ack" (and no
 * question mark there)? */
static int
only_ack(const struct classifier *c)
{
	int ack = c->ack_topic;
	uint32_t covered = 0, n = (uint32_t)c->tt.n;

	if (ack < 0 || n == 0 || n > ONLY_ACK_TOKENS)
		return 0;
	for (size_t i = 0; i < c->hits.n; i++) {
		const struct lex_hit *h = &c->hits.h[i];
		const struct lex_entry *e = &c->lex.e[h->entry];
		if (e->kind == LEX_TOPIC && e->cat == ack)
			for (uint32_t t = h->pos; t < h->pos + h->ntok && t < n;
			    t++)
				covered |= 1u << t;
	}
	return covered == (n >= 32 ? ~0u : (1u << n) - 1);
}

/* Is the cue of hit h negated: a negation up to NEG_BEFORE words before
 * it, or an "after" one up to NEG_AFTER words after it? */
static int
negated(const struct classifier *c, const struct lex_hit *h)
{
	for (size_t i = 0; i < c->hits.n; i++) {
		const struct lex_hit *n = &c->hits.h[i];
		const struct lex_entry *e = &c->lex.e[n->entry];
		if (e->kind != LEX_NEGATION)
			continue;
		if (e->cat < 0 && n->pos < h->pos &&
		    n->pos + n->ntok + NEG_BEFORE > h->pos)
			return 1;
		if (e->cat > 0 && n->pos >= h->pos + h->ntok &&
		    n->pos < h->pos + h->ntok + NEG_AFTER)
			return 1;
	}
	return 0;
}

/* The first token after the last contrast word ("but"), 0 if none. */
static uint32_t
after_contrast(const struct classifier *c)
{
	uint32_t at = 0;

	for (size_t i = 0; i < c->hits.n; i++) {
		const struct lex_hit *h = &c->hits.h[i];
		if (c->lex.e[h->entry].kind == LEX_CONTRAST &&
		    h->pos + h->ntok > at)
			at = h->pos + h->ntok;
	}
	return at;
}

static void
sum_cues(struct classifier *c, struct cues *q)
{
	uint32_t turn = after_contrast(c);

	memset(q, 0, sizeof(*q));
	q->only_ack = (float)only_ack(c);
	q->turned = turn > 0 && turn < c->tt.n;
	for (int i = 0; i < c->lex.nintents; i++)
		c->intent_sum[i] = 0;
	for (int i = 0; i < c->lex.ntopics; i++)
		c->topic_sum[i] = 0;
	for (size_t i = 0; i < c->hits.n; i++) {
		const struct lex_hit *h = &c->hits.h[i];
		const struct lex_entry *e = &c->lex.e[h->entry];
		float w = e->weight;
		switch (e->kind) {
		case LEX_INTENT:
			c->intent_sum[e->cat] += w;
			break;
		case LEX_TOPIC:
			c->topic_sum[e->cat] += w;
			break;
		case LEX_SENTIMENT:
			if (negated(c, h))
				w = -w * 0.5f;
			if (h->pos < turn)
				w *= 0.5f;
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
		default:
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
		const struct cls_input_ref *in = &c->lexmap[k];
		float v = 0;
		switch (in->kind) {
		case IN_INTENT: v = c->intent_sum[in->index]; break;
		case IN_TOPIC: v = c->topic_sum[in->index]; break;
		case IN_NEG: v = q->neg; break;
		case IN_POS: v = q->pos; break;
		case IN_ESCALATE: v = q->escalate; break;
		case IN_VIDEO: v = q->video; break;
		case IN_URGENCY: v = q->urgency; break;
		case IN_ONLY_ACK: v = q->only_ack; break;
		default: break;
		}
		c->lexv[k] = capped(v);
	}
}

/* What language tag means for the lexicon and the templates, remembered
 * for the few tags a stream repeats (a slot per tag hash; a tag longer
 * than a slot holds is worked out every time). */
static const struct cls_tag *
tag_info(struct classifier *c, const char *tag, struct cls_tag *scratch)
{
	size_t n = tag ? strlen(tag) : 0;
	struct cls_tag *e = scratch;

	if (n > 0 && n < sizeof scratch->tag) {
		e = &c->tags[tok_hash(tag, n) & 63];
		if (strcmp(e->tag, tag) == 0)
			return e;
		memcpy(e->tag, tag, n + 1);
	}
	e->mask = lex_lang_mask(&c->lex, tag);
	e->templates = cls_has_templates(c, tag);
	return e;
}

static uint64_t
lang_mask(struct classifier *c, const char *tag)
{
	struct cls_tag t;

	return tag_info(c, tag, &t)->mask;
}

/* The lexicon hits of the tokenised message in language lang, their sums
 * and the model's lexicon inputs. */
static void
read_cues(struct classifier *c, const char *lang, struct cues *q)
{
	lex_match(&c->lex, &c->tt, lang_mask(c, lang), &c->hits);
	sum_cues(c, q);
	if (c->have_model)
		fill_inputs(c, q);
}

/* Keep only the hits of language lang's cues (and those of every
 * language), as if matched for lang alone; their sums and inputs. */
static void
keep_cues_of(struct classifier *c, const char *lang, struct cues *q)
{
	uint64_t m = lang_mask(c, lang);
	size_t k = 0;

	for (size_t i = 0; i < c->hits.n; i++) {
		int l = c->lex.e[c->hits.h[i].entry].lang;
		if (l < 0 || ((m >> l) & 1))
			c->hits.h[k++] = c->hits.h[i];
	}
	c->hits.n = k;
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

const char *
cls_prepare(struct classifier *c, const char *text, size_t len,
    const char *lang)
{
	struct cues q;

	tok_run(&c->tt, text, len);
	if (lang == NULL)
		lang = langid_detect(&c->langid, text, len, &c->tt, NULL);
	read_cues(c, lang, &q);
	message_features(c);
	return lang;
}

/*
 * The language the lexicon's cues say, when the detector could not: the
 * one whose own cues (phrases no other language's file has) cover
 * CUE_LANG_MIN words or more while no other language's own cues fire.
 * Only for text of unknown language ("und"), or for Han text that may be
 * Japanese written without kana ("返品希望"): never against the detector.
 */
#define CUE_LANG_MIN	2

static const char *
lang_of_cues(const struct classifier *c, const char *detected)
{
	uint32_t words[LEX_LANGS_MAX] = { 0 };
	int best = -1, others = 0;
	int han = strncmp(detected, "zh", 2) == 0;
	int ja = lex_lang_index(&c->lex, "ja");

	if (strcmp(detected, "und") != 0 && !(han && ja >= 0))
		return NULL;
	for (size_t i = 0; i < c->hits.n; i++) {
		const struct lex_hit *h = &c->hits.h[i];
		const struct lex_entry *e = &c->lex.e[h->entry];
		if (!e->shared && e->lang >= 0 &&
		    (e->kind == LEX_INTENT || e->kind == LEX_TOPIC ||
		    e->kind == LEX_SENTIMENT))
			words[e->lang] += h->ntok;
	}
	for (int l = 0; l < c->lex.nlangs; l++) {
		if (words[l] == 0)
			continue;
		if (best < 0 || words[l] > words[best]) {
			others += best >= 0;
			best = l;
		} else
			others++;
	}
	if (best < 0 || others > 0 || words[best] < CUE_LANG_MIN)
		return NULL;
	if (han && best != ja)
		return NULL;
	return c->lex.langs[best];
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

/* The CLS_TOP best labels of the first head, by c->prob. */
static void
rank_top(struct classifier *c, struct cls_result *r)
{
	const struct lm_model *m = &c->model;

	r->ntop = 0;
	for (uint32_t l = 0; l < m->heads[0].n; l++) {
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

/* Model features summed by the words (spans of tokens) they came from:
 * each feature's weight for the winner over the mean of the first head. */
static size_t
span_scores(struct classifier *c, int win, struct span_score **out)
{
	const struct lm_model *m = &c->model;
	size_t n = c->feats.n, ns = 0;
	uint32_t L0 = m->heads[0].n;
	struct span_score *sp;

	buf_reset(&c->scratch);
	buf_grow(&c->scratch, (n ? n : 1) * sizeof(*sp));
	sp = (struct span_score *)(void *)c->scratch.data;
	for (size_t i = 0; i < n; i++) {
		const float *row = m->w + (size_t)c->feats.f[i] * m->nlabels;
		float mean = 0;
		for (uint32_t l = 0; l < L0; l++)
			mean += row[l];
		sp[i].span = c->feats.span[i];
		sp[i].score = row[win] - mean / (float)L0;
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

/* The top candidates and the intent from c->prob; the winning label. */
static int
decide(struct classifier *c, struct cls_result *r)
{
	const struct lm_model *m = &c->model;
	int win = -1;

	rank_top(c, r);
	r->intent = r->ntop ? r->top[0] : c->fallback;
	r->intent_score = r->ntop ? r->top_score[0] : 0;
	for (uint32_t l = 0; l < m->heads[0].n; l++)
		if (r->ntop && m->labels[l] == r->top[0])
			win = (int)l;
	if (r->intent_score < c->threshold) {
		r->intent = c->fallback;
		win = head_label(m, 0, c->fallback);
	}
	return win;
}

/* Did a lexicon cue of intent label win fire? */
static int
cue_fired(const struct classifier *c, int win)
{
	int i = win >= 0 ? lex_intent_index(&c->lex, c->model.labels[win]) :
	    -1;

	return i >= 0 && c->intent_sum[i] > 0;
}

/* A short tag interned: the number of the conversation memory, 0: none. */
static uint64_t
lang_number(struct classifier *c, const char *tag)
{
	size_t n = strlen(tag);

	if (n == 0 || n > 35 || strcmp(tag, "und") == 0)
		return 0;
	size_t id = hmap_find(&c->langs, tag, n);
	if (id == HMAP_NONE && hmap_count(&c->langs) < LANGS_KEPT)
		id = hmap_put(&c->langs, tag, n, NULL);
	return id == HMAP_NONE ? 0 : id + 1;
}

/* The conversation's memory (0: none); followed, it becomes the newest. */
static uint64_t
recall(struct classifier *c, const char *conv, size_t *id)
{
	*id = HMAP_NONE;
	if (!c->context || conv == NULL)
		return 0;
	*id = hmap_find(&c->convs, conv, strlen(conv));
	if (*id == HMAP_NONE)
		return 0;
	hmap_touch(&c->convs, *id);	/* active: the last one to forget */
	return hmap_at(&c->convs, *id)->val.num;
}

static void
remember(struct classifier *c, const char *conv, uint64_t was, uint64_t now)
{
	if (!c->context || conv == NULL || now == was)
		return;
	size_t id = hmap_put_lru(&c->convs, conv, strlen(conv), c->max_convs,
	    NULL, &c->forgotten);
	hmap_at(&c->convs, id)->val.num = now;
}

/*
 * An unsure intent ("here are the photos") takes in the conversation's
 * last sure one; "ok", "???", "thanks" (the model's own "other") stay.
 */
static int
carry_intent(struct classifier *c, uint64_t mem, int win,
    struct cls_result *r)
{
	uint64_t prev = mem & 0xFFFF;
	const struct lm_model *m = &c->model;
	int unsure = r->intent_score < CLS_SURE && r->ntop > 0 &&
	    strcmp(r->top[0], "other") != 0;

	if (!unsure || prev < 1 || prev > m->heads[0].n)
		return win;
	for (uint32_t l = 0; l < m->heads[0].n; l++)
		c->prob[l] *= 1 - CLS_CARRY;
	c->prob[prev - 1] += CLS_CARRY;
	return decide(c, r);
}

/* What the conversation remembers after this message. */
static uint64_t
memory_after(struct classifier *c, uint64_t mem, int win,
    const struct cls_result *r)
{
	uint64_t lang = lang_number(c, r->lang);

	if (win >= 0 && r->intent_score >= CLS_SURE &&
	    strcmp(r->intent, "other") != 0 && strcmp(r->intent,
	    c->fallback) != 0)
		mem = (mem & ~(uint64_t)0xFFFF) | (uint64_t)(win + 1);
	if (lang)
		mem = (mem & 0xFFFF) | lang << 16;
	return mem;
}

static const char *
remembered_lang(const struct classifier *c, uint64_t mem)
{
	uint64_t n = mem >> 16;

	return n >= 1 && n <= hmap_count(&c->langs) ?
	    hmap_at(&c->langs, n - 1)->key : NULL;
}

/* The topic under the intent: the best of its topics and "none", when its
 * share of them is CLS_TOPIC_MIN or more. */
static void
topic_of(struct classifier *c, int win, struct cls_result *r)
{
	const struct lm_model *m = &c->model;
	const struct lm_head *h;
	float all = 0, best = 0;
	int at = -1;

	r->topic = NULL;
	r->topic_score = 0;
	r->has_topics = c->h_topic >= 0;
	if (c->h_topic < 0 || win < 0)
		return;
	h = &m->heads[c->h_topic];
	for (uint32_t k = h->first; k < h->first + h->n; k++) {
		if (m->parent[k] == LM_NONE) {
			all += c->prob[k];	/* "none" and orphans */
			continue;
		}
		if (m->parent[k] != (uint32_t)win)
			continue;
		all += c->prob[k];
		if (c->prob[k] > best) {
			best = c->prob[k];
			at = (int)k;
		}
	}
	/* An acknowledgement at a low bar, unless another topic of the
	 * intent is likelier (praise, which needs its thank-you). */
	if (c->ack_label >= 0 && (int)c->model.parent[c->ack_label] == win &&
	    c->prob[c->ack_label] >= c->ack_min && at == c->ack_label) {
		r->topic = m->labels[c->ack_label];
		r->topic_score = c->prob[c->ack_label];
		return;
	}
	if (at < 0 || at == c->ack_label || all <= 0 ||
	    best / all < c->topic_min)
		return;
	r->topic = m->labels[at];
	r->topic_score = best / all;
}

/*
 * Nothing but question and exclamation marks, dots and spaces ("??",
 * "？", "...", "?!"): a nudge, which asks nothing by itself.
 */
static int
only_marks(const char *s, size_t len)
{
	static const char *const wide[] = { "\xEF\xBC\x9F", "\xEF\xBC\x81",
	    "\xE3\x80\x82", "\xE2\x80\xA6" };	/* ？ ！ 。 … */
	int marks = 0;

	for (size_t i = 0; i < len;) {
		if (s[i] && strchr("?!.", s[i])) {
			marks++;
			i++;
			continue;
		}
		if (s[i] && strchr(" \t\r\n", s[i])) {
			i++;
			continue;
		}
		size_t k = 0;
		while (k < sizeof wide / sizeof wide[0] &&
		    (len - i < 3 || memcmp(s + i, wide[k], 3) != 0))
			k++;
		if (k == sizeof wide / sizeof wide[0])
			return 0;
		marks++;
		i += 3;
	}
	return marks > 0;
}

/* A nudge is the intent "other" and has no topic (the conversation's
 * last sure intent stays remembered). */
static void
nudge(struct classifier *c)
{
	if (c->other_label < 0)
		return;
	const struct lm_head *h = &c->model.heads[0];
	for (uint32_t l = h->first; l < h->first + h->n; l++)
		c->prob[l] = 0;
	c->prob[c->other_label] = 1;
}

/* P(pos) - P(neg) of the sentiment head, or the lexicon's score. */
static void
sentiment_of(struct classifier *c, const struct cues *q,
    struct cls_result *r)
{
	float s;

	if (c->h_sentiment >= 0)
		s = c->prob[c->s_pos] - c->prob[c->s_neg];
	else {
		float x = q->pos - q->neg - (r->escalate ? 1.0f : 0);
		/* Reporting a defect is not neutral, even in neutral words. */
		if (strcmp(r->intent, "complaint") == 0 &&
		    r->intent_score >= CLS_SURE)
			x -= 0.5f;
		s = tanhf(x / 2);
	}
	r->sentiment_score = s;
	r->sentiment = s < -c->neutral_band ? "negative" :
	    s > c->neutral_band ? "positive" : "neutral";
}

/* A video call is for a buyer showing a defect: video cues ("zipper",
 * "seam", "noise") in a complaint or in a message whose mood is negative.
 * A product question that names a zipper or a washing machine is none. */
static int
shows_defect(const struct cues *q, const struct cls_result *r)
{
	return q->video >= 1 && (strcmp(r->intent, "complaint") == 0 ||
	    strcmp(r->sentiment, "negative") == 0);
}

void
cls_classify(struct classifier *c, const char *text, size_t len,
    const struct cls_input *in, struct cls_result *r)
{
	static const struct cls_input none;
	struct cls_tag tag;
	struct cues q;
	float urg;
	size_t id;
	uint64_t mem;
	int win;

	if (in == NULL)
		in = &none;
	buf_reset(&r->explain);
	r->nexplain = 0;
	mem = recall(c, in->conversation, &id);
	tok_run(&c->tt, text, len);
	r->lang = in->lang;
	if (r->lang == NULL) {
		struct langid_hints hints = { in->country, in->tz,
		    remembered_lang(c, mem) };
		r->lang = langid_detect(&c->langid, text, len, &c->tt, &hints);
	}
	if (in->lang == NULL && strcmp(r->lang, "und") == 0) {
		/* every lexicon: the cues may tell the language */
		read_cues(c, "und", &q);
		const char *cl = lang_of_cues(c, r->lang);
		if (cl != NULL) {
			r->lang = cl;
			keep_cues_of(c, cl, &q);
		}
	} else if (in->lang == NULL && strncmp(r->lang, "zh", 2) == 0 &&
	    c->ja_mask) {
		/* Chinese, or Japanese written without kana? */
		lex_match(&c->lex, &c->tt, lang_mask(c, r->lang) | c->ja_mask,
		    &c->hits);
		const char *cl = lang_of_cues(c, r->lang);
		if (cl != NULL)
			r->lang = cl;
		keep_cues_of(c, r->lang, &q);
	} else
		read_cues(c, r->lang, &q);
	lm_predict_tokens(&c->model, &c->tt, &c->feats, c->lexv, c->prob);
	int marks = only_marks(text, len);
	if (marks)
		nudge(c);
	win = decide(c, r);
	if (id != HMAP_NONE)
		win = carry_intent(c, mem, win, r);
	remember(c, in->conversation, mem, memory_after(c, mem, win, r));
	r->cue = cue_fired(c, win);
	if (c->explain) {
		message_features(c);	/* every feature, for its words */
		explain(c, win, r);
	}
	topic_of(c, win, r);
	/* a nudge has no topic; "thanks, but that's not what I asked" is no
	 * acknowledgement */
	if (marks || (q.turned && c->ack_label >= 0 &&
	    r->topic == c->model.labels[c->ack_label]))
		r->topic = NULL;
	r->ack = r->topic != NULL && (int)c->ack_label >= 0 &&
	    r->topic == c->model.labels[c->ack_label];
	r->needs_reply = !r->ack;

	r->escalate = q.escalate >= 1;
	sentiment_of(c, &q, r);
	r->needs_video = shows_defect(&q, r);
	urg = q.urgency + emphasis(text, len) + (r->escalate ? 1.0f : 0);
	/* A lone weak cue ("gift", 0.5) is no hurry; 0.75 and up counts. */
	r->urgency = urg >= 2.75f ? 3 : (int)(urg + 0.25f);
	r->needs_human = r->escalate || (!r->ack &&
	    (r->intent_score < CLS_UNSURE || r->intent_score < c->threshold ||
	    !tag_info(c, r->lang, &tag)->templates));
}

void
cls_result_free(struct cls_result *r)
{
	buf_free(&r->explain);
}
