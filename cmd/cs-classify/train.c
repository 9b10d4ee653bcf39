/*
 * cs-classify train and eval: the loops over labelled events.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cs-classify.h"
#include "confusion.h"
#include "hmap.h"
#include "json.h"
#include "out.h"

/*
 * The text and label of a labelled event, or 0 when it has none.  A number
 * label (a team's "3") is taken as its text; lbuf holds it.
 */
static int
labelled(const struct cli_common *cli, const struct cls_opts *o,
    const cJSON *ev, const char **text, const char **label, struct buf *lbuf)
{
	const cJSON *l = fieldmap_get(&cli->map, ev, o->label);

	*text = fieldmap_str(&cli->map, ev, "text");
	*label = NULL;
	if (cJSON_IsString(l))
		*label = l->valuestring;
	else if (cJSON_IsNumber(l)) {
		buf_reset(lbuf);
		json_write_number(lbuf, l->valuedouble);
		*label = buf_str(lbuf);
	}
	return *text && *label && **label;
}

struct examples {
	struct lm_example *v;
	size_t		 n, cap;
	struct hmap	 labels;
};

static void
add_example(struct examples *ex, const struct classifier *cls,
    const char *label)
{
	struct lm_example *e;
	size_t nlex = cls->model.nlex;

	if (ex->n == ex->cap) {
		ex->cap = ex->cap ? ex->cap * 2 : 256;
		ex->v = xrealloc(ex->v, ex->cap * sizeof(*ex->v));
	}
	e = &ex->v[ex->n++];
	e->nf = (uint32_t)cls->feats.n;
	e->f = xmalloc((e->nf ? e->nf : 1) * sizeof(*e->f));
	memcpy(e->f, cls->feats.f, e->nf * sizeof(*e->f));
	e->lex = xmalloc((nlex ? nlex : 1) * sizeof(*e->lex));
	memcpy(e->lex, cls->lexv, nlex * sizeof(*e->lex));
	e->label = (uint32_t)hmap_put(&ex->labels, label, strlen(label), NULL);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The labels in name order, and each example's label renumbered to it. */
static char **
sorted_labels(struct examples *ex, uint32_t *np)
{
	size_t n = hmap_count(&ex->labels);
	char **names = xmalloc(n * sizeof(*names));
	uint32_t *to = xmalloc(n * sizeof(*to));

	for (size_t i = 0; i < n; i++)
		names[i] = (char *)hmap_at(&ex->labels, i)->key;
	qsort(names, n, sizeof(*names), cmp_str);
	for (size_t i = 0; i < n; i++)
		to[hmap_find(&ex->labels, names[i], strlen(names[i]))] =
		    (uint32_t)i;
	for (size_t i = 0; i < ex->n; i++)
		ex->v[i].label = to[ex->v[i].label];
	free(to);
	*np = (uint32_t)n;
	return names;
}

static void
free_names(char **v, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int
classify_train(struct cli_common *cli, struct diag *diag, struct cls_opts *o,
    char *const *files, int nfiles)
{
	struct classifier cls;
	struct examples ex = { NULL, 0, 0, HMAP_INIT };
	struct lm_model m;
	struct ev_record rec;
	struct buf err = BUF_INIT, lbuf = BUF_INIT;
	const char *text, *label;
	char *none = "-";
	uint32_t nlex, nlabels;
	char **lexnames;

	cls_init(&cls);
	classify_setup(&cls, diag, o, 0);
	lexnames = cls_lexicon_inputs(&cls, &nlex);
	/* A model without labels yet, so that inputs are computed. */
	lm_setup(&m, (uint32_t)o->buckets, 1, &none, nlex, lexnames);
	cls_use_model(&cls, &m);

	struct ev_reader *r = ev_open(&cli->in, files, nfiles, diag);
	while (ev_read(r, &rec) > 0) {
		if (rec.status != EV_OK ||
		    !labelled(cli, o, rec.obj, &text, &label, &lbuf))
			continue;
		cls_prepare(&cls, text, strlen(text));
		add_example(&ex, &cls, label);
	}
	int status = ev_open_failed(r) ? CS_EXIT_NOINPUT :
	    diag_exit_status(diag);
	ev_close(r);
	if (ex.n == 0)
		diag_fatal(diag, CS_EXIT_DATAERR, "no events with both a text "
		    "and a \"%s\" label to learn from", o->label);

	char **labels = sorted_labels(&ex, &nlabels);
	lm_setup(&m, (uint32_t)o->buckets, nlabels, labels, nlex, lexnames);
	struct lm_train_opts to = { o->epochs, o->lr, o->l2, o->lex_dropout,
	    o->seed };
	lm_train(&m, ex.v, ex.n, &to);
	if (lm_save(&m, o->out, &err) < 0)
		diag_fatal(diag, CS_EXIT_IOERR, "%s", buf_str(&err));

	for (size_t i = 0; i < ex.n; i++) {
		free(ex.v[i].f);
		free(ex.v[i].lex);
	}
	free(ex.v);
	free(labels);
	hmap_free(&ex.labels);
	free_names(lexnames, nlex);
	lm_free(&m);
	cls_free(&cls);
	buf_free(&err);
	buf_free(&lbuf);
	return status;
}

int
classify_eval(struct cli_common *cli, struct diag *diag, struct cls_opts *o,
    char *const *files, int nfiles)
{
	struct classifier cls;
	struct cls_result res;
	struct confusion conf;
	struct ev_record rec;
	struct buf report = BUF_INIT, lbuf = BUF_INIT;
	struct out out;
	const char *text, *label;

	memset(&res, 0, sizeof(res));
	cls_init(&cls);
	classify_setup(&cls, diag, o, 1);
	cls.explain = 0;
	conf_init(&conf);
	struct ev_reader *r = ev_open(&cli->in, files, nfiles, diag);
	while (ev_read(r, &rec) > 0) {
		if (rec.status != EV_OK ||
		    !labelled(cli, o, rec.obj, &text, &label, &lbuf))
			continue;
		cls_classify(&cls, text, strlen(text), 0, &res);
		classify_follow(&cls, &cli->map, rec.obj, &res);
		conf_add(&conf, label, res.intent);
	}
	int status = ev_open_failed(r) ? CS_EXIT_NOINPUT :
	    diag_exit_status(diag);
	ev_close(r);
	conf_report(&conf, &report);
	out_open(&out, STDOUT_FILENO, diag);
	out_buf(&out, &report);
	out_close(&out);
	buf_free(&report);
	buf_free(&lbuf);
	conf_free(&conf);
	cls_result_free(&res);
	cls_free(&cls);
	return status;
}
