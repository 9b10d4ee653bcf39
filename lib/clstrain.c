#include <stdlib.h>
#include <string.h>

#include "clstrain.h"

void
clt_init(struct clt_set *s, struct classifier *cls, uint32_t nheads,
    char *const *heads, uint32_t buckets)
{
	struct lm_model m;
	char *none = "-";
	uint32_t nlex;
	char **lexnames = cls_lexicon_inputs(cls, &nlex);

	memset(s, 0, sizeof(*s));
	if (nheads > LM_HEADS_MAX)
		nheads = LM_HEADS_MAX;
	s->nheads = nheads;
	for (uint32_t h = 0; h < nheads; h++) {
		char *eq = strchr(heads[h], '=');
		s->head[h] = eq ? xstrndup(heads[h], (size_t)(eq - heads[h])) :
		    xstrdup(heads[h]);
		s->fallback[h] = eq && h > 0 ? xstrdup(eq + 1) : NULL;
		s->labels[h] = (struct hmap)HMAP_INIT;
	}
	s->buckets = buckets;
	/* A model without labels yet, so that inputs are computed. */
	lm_setup(&m, buckets, 1, &none, nlex, lexnames);
	cls_use_model(cls, &m);
	for (uint32_t k = 0; k < nlex; k++)
		free(lexnames[k]);
	free(lexnames);
}

void
clt_free(struct clt_set *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].f);
		free(s->v[i].lex);
	}
	free(s->v);
	free(s->hash);
	for (uint32_t h = 0; h < s->nheads; h++) {
		free(s->head[h]);
		free(s->fallback[h]);
		hmap_free(&s->labels[h]);
	}
	memset(s, 0, sizeof(*s));
}

void
clt_add(struct clt_set *s, struct classifier *cls, const char *text,
    size_t len, const char *lang, const char *const *labels)
{
	struct lm_example *e;
	size_t nlex = cls->model.nlex;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 256;
		s->v = xrealloc(s->v, s->cap * sizeof(*s->v));
		s->hash = xrealloc(s->hash, s->cap * sizeof(*s->hash));
	}
	cls_prepare(cls, text, len, lang);
	s->hash[s->n] = tok_hash(text, len);
	e = &s->v[s->n++];
	e->nf = (uint32_t)cls->feats.n;
	e->f = xmalloc((e->nf ? e->nf : 1) * sizeof(*e->f));
	memcpy(e->f, cls->feats.f, e->nf * sizeof(*e->f));
	e->lex = xmalloc((nlex ? nlex : 1) * sizeof(*e->lex));
	memcpy(e->lex, cls->lexv, nlex * sizeof(*e->lex));
	for (uint32_t h = 0; h < LM_HEADS_MAX; h++) {
		const char *l = h < s->nheads ? labels[h] : NULL;
		if (l != NULL && *l == '\0')
			l = s->fallback[h];
		if (l == NULL || *l == '\0') {
			e->label[h] = LM_NONE;
			continue;
		}
		e->label[h] = (uint32_t)hmap_put(&s->labels[h], l, strlen(l),
		    NULL);
	}
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Every head's labels in name order, one after another, into names; each
 * example's labels renumbered to their place within their head (done
 * once: s->renumbered).
 */
static char **
sorted_labels(struct clt_set *s, uint32_t *count, uint32_t *total)
{
	char **names = NULL;
	uint32_t n = 0;

	for (uint32_t h = 0; h < s->nheads; h++) {
		size_t k = hmap_count(&s->labels[h]);
		uint32_t *to = xmalloc((k ? k : 1) * sizeof(*to));
		names = xrealloc(names, (n + k + 1) * sizeof(*names));
		for (size_t i = 0; i < k; i++)
			names[n + i] = (char *)hmap_at(&s->labels[h], i)->key;
		qsort(names + n, k, sizeof(*names), cmp_str);
		for (size_t i = 0; i < k; i++)
			to[hmap_find(&s->labels[h], names[n + i],
			    strlen(names[n + i]))] = (uint32_t)i;
		for (size_t i = 0; i < s->n; i++)
			if (s->v[i].label[h] != LM_NONE)
				s->v[i].label[h] = to[s->v[i].label[h]];
		free(to);
		count[h] = (uint32_t)k;
		n += (uint32_t)k;
	}
	*total = n;
	return names;
}

/* A model set up for the set's heads and labels, weights 0. */
static void
setup(const struct clt_set *s, const struct classifier *cls, char **names,
    const uint32_t *count, uint32_t total, const struct clt_opts *o,
    struct lm_model *m)
{
	uint32_t nlex = cls->model.nlex;

	lm_setup(m, s->buckets, total, names, nlex, cls->model.lexnames);
	lm_set_heads(m, s->nheads, s->head, count);
	for (uint32_t h = 0; h < m->nheads; h++)
		if (o->mean_head != NULL &&
		    strcmp(m->heads[h].name, o->mean_head) == 0)
			m->heads[h].length_power = 1;
}

static int
held_out(const struct clt_set *s, size_t i, int pct)
{
	return (s->hash[i] >> 32) % 100 < (uint64_t)pct;
}

/* Fit the temperatures of m's heads: a model like it trained without the
 * held-out share, measured on that share. */
static void
calibrate(const struct clt_set *s, const struct classifier *cls,
    char **names, const uint32_t *count, uint32_t total,
    const struct clt_opts *o, struct lm_model *m)
{
	struct lm_example *fit = xmalloc((s->n + 1) * sizeof(*fit));
	struct lm_example *hold = xmalloc((s->n + 1) * sizeof(*hold));
	size_t nfit = 0, nhold = 0;
	struct lm_model a;

	for (size_t i = 0; i < s->n; i++) {
		if (held_out(s, i, o->calibrate))
			hold[nhold++] = s->v[i];
		else
			fit[nfit++] = s->v[i];
	}
	if (nhold > 0 && nfit > 0) {
		float *logits = xmalloc(nhold * total * sizeof(*logits));
		setup(s, cls, names, count, total, o, &a);
		lm_train(&a, fit, nfit, &o->train);
		for (size_t i = 0; i < nhold; i++)
			lm_logits(&a, hold[i].f, hold[i].nf, hold[i].lex,
			    logits + i * total);
		for (uint32_t h = 0; h < m->nheads; h++)
			m->heads[h].temperature = lm_fit_temperature(&a, h,
			    logits, hold, nhold);
		free(logits);
		lm_free(&a);
	}
	free(fit);
	free(hold);
}

void
clt_train(struct clt_set *s, const struct classifier *cls,
    const struct clt_opts *o, struct lm_model *m)
{
	uint32_t count[LM_HEADS_MAX], total;
	char **names = sorted_labels(s, count, &total);

	setup(s, cls, names, count, total, o, m);
	lm_train(m, s->v, s->n, &o->train);
	if (o->calibrate > 0)
		calibrate(s, cls, names, count, total, o, m);
	free(names);
}
