/*
 * cs-classify train and eval: the loops over labelled events.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clstrain.h"
#include "cs-classify.h"
#include "confusion.h"
#include "hmap.h"
#include "json.h"
#include "out.h"

/* A label value as text: a string, or a number (a team's "3") written
 * into lbuf; NULL for anything else. */
static const char *
label_text(const cJSON *l, struct buf *lbuf)
{
	if (cJSON_IsString(l))
		return l->valuestring;
	if (cJSON_IsNumber(l)) {
		buf_reset(lbuf);
		json_write_number(lbuf, l->valuedouble);
		return buf_str(lbuf);
	}
	return NULL;
}

/*
 * The text and the label of a labelled event, or 0 when it has none.
 */
static int
labelled(const struct cli_common *cli, const char *field, const cJSON *ev,
    const char **text, const char **label, struct buf *lbuf)
{
	*text = fieldmap_str(&cli->map, ev, "text");
	*label = label_text(fieldmap_get(&cli->map, ev, field), lbuf);
	return *text && *label && **label;
}

/*
 * The heads of -l a,b=LABEL,c (at most LM_HEADS_MAX) in place of the copy:
 * spec[h] as written, field[h] its field (the copy of it before '=').
 */
static uint32_t
head_fields(const struct diag *diag, char *copy, char **spec, char **field)
{
	uint32_t n = 0;

	for (char *p = strtok(copy, ","); p; p = strtok(NULL, ",")) {
		if (n == LM_HEADS_MAX)
			diag_usage(diag, "-l: at most %d fields", LM_HEADS_MAX);
		char *eq = strchr(p, '=');
		if (eq == p || (eq && n == 0))
			diag_usage(diag, "-l %s: the first field takes no "
			    "=LABEL, and a field needs a name", p);
		spec[n] = p;
		field[n] = eq ? xstrndup(p, (size_t)(eq - p)) : xstrdup(p);
		for (uint32_t i = 0; i < n; i++)
			if (strcmp(field[i], field[n]) == 0)
				diag_usage(diag, "-l: %s twice", field[n]);
		n++;
	}
	if (n == 0)
		diag_usage(diag, "-l needs a field");
	return n;
}

int
classify_train(struct cli_common *cli, struct diag *diag, struct cls_opts *o,
    char *const *files, int nfiles)
{
	struct classifier cls;
	struct clt_set set;
	struct lm_model m;
	struct ev_record rec;
	struct buf err = BUF_INIT, lbuf[LM_HEADS_MAX];
	const char *text, *labels[LM_HEADS_MAX];
	char *copy = xstrdup(o->label), *spec[LM_HEADS_MAX];
	char *field[LM_HEADS_MAX];
	uint32_t nheads = head_fields(diag, copy, spec, field);

	for (uint32_t h = 0; h < LM_HEADS_MAX; h++)
		lbuf[h] = (struct buf)BUF_INIT;
	cls_init(&cls);
	classify_setup(&cls, diag, o, 0);
	clt_init(&set, &cls, nheads, spec, (uint32_t)o->buckets);

	struct ev_reader *r = ev_open(&cli->in, files, nfiles, diag);
	while (ev_read(r, &rec) > 0) {
		if (rec.status != EV_OK || !labelled(cli, field[0], rec.obj,
		    &text, &labels[0], &lbuf[0]))
			continue;
		for (uint32_t h = 1; h < nheads; h++) {
			labels[h] = label_text(fieldmap_get(&cli->map, rec.obj,
			    field[h]), &lbuf[h]);
			if (labels[h] == NULL)
				labels[h] = "";	/* missing */
		}
		clt_add(&set, &cls, text, strlen(text),
		    fieldmap_str(&cli->map, rec.obj, "lang"), labels);
	}
	int status = ev_open_failed(r) ? CS_EXIT_NOINPUT :
	    diag_exit_status(diag);
	ev_close(r);
	if (set.n == 0)
		diag_fatal(diag, CS_EXIT_DATAERR, "no events with both a text "
		    "and a \"%s\" label to learn from", field[0]);

	struct clt_opts to = { { o->epochs, o->lr, o->l2, o->lex_dropout,
	    o->seed }, (uint32_t)o->buckets, o->calibrate, o->mean_head };
	clt_train(&set, &cls, &to, &m);
	if (lm_save(&m, o->out, &err) < 0)
		diag_fatal(diag, CS_EXIT_IOERR, "%s", buf_str(&err));

	clt_free(&set);
	lm_free(&m);
	cls_free(&cls);
	buf_free(&err);
	for (uint32_t h = 0; h < LM_HEADS_MAX; h++)
		buf_free(&lbuf[h]);
	for (uint32_t h = 0; h < nheads; h++)
		free(field[h]);
	free(copy);
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
		if (rec.status != EV_OK || !labelled(cli, o->label, rec.obj,
		    &text, &label, &lbuf))
			continue;
		struct cls_input in;
		classify_input(&cli->map, rec.obj, &in);
		cls_classify(&cls, text, strlen(text), &in, &res);
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
