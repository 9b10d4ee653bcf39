/*
 * The parts of cs-classify that sit between the classifier (lib/classify)
 * and the stream loop (lib/filter): setting the classifier up from the
 * options, following conversations, and writing a result onto its event.
 */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cs-classify.h"
#include "filter.h"
#include "json.h"
#include "share.h"

/*
 * Load into cls what classify_setup loads: 0, or -1 with the diagnostic
 * in err and the exit status it calls for in *status.
 */
static int
classify_load(struct classifier *cls, const struct cls_opts *o,
    int with_model, struct buf *err, int *status)
{
	struct buf why = BUF_INIT;
	char **langs;
	int n;

	if (cls_load_lexicons(cls, o->lexicons, o->nlexicons, &why) < 0) {
		buf_printf(err, "lexicon %s", buf_str(&why));
		*status = CS_EXIT_DATAERR;
		buf_free(&why);
		return -1;
	}
	if (with_model && cls_load_model(cls, o->model, &why) < 0) {
		*status = errno == ENOENT ? CS_EXIT_NOINPUT : CS_EXIT_DATAERR;
		buf_printf(err, "model %s", buf_str(&why));
		buf_free(&why);
		return -1;
	}
	buf_free(&why);
	/* needs_human for a language the reply templates do not speak */
	n = share_dirs("templates", &langs);
	cls_set_template_langs(cls, langs, n);
	for (int i = 0; i < n; i++)
		free(langs[i]);
	free(langs);
	cls->threshold = o->threshold;
	if (o->fallback)
		cls->fallback = o->fallback;
	cls->explain = o->explain;
	cls->context = !o->no_context;
	cls->max_convs = o->max_conversations;
	return 0;
}

void
classify_setup(struct classifier *cls, const struct diag *diag,
    const struct cls_opts *o, int with_model)
{
	struct buf err = BUF_INIT;
	int status;

	if (classify_load(cls, o, with_model, &err, &status) < 0)
		diag_fatal(diag, status, "%s", buf_str(&err));
	buf_free(&err);
}

struct loading {
	struct classifier	*cls;
	const struct cls_opts	*o;
	struct buf		 err;
	int			 status, rc;
};

static void *
load_one(void *arg)
{
	struct loading *l = arg;

	l->rc = classify_load(l->cls, l->o, 1, &l->err, &l->status);
	return NULL;
}

void
classify_setup_all(struct classifier **cls, int n, const struct diag *diag,
    const struct cls_opts *o)
{
	struct loading *l = xcalloc((size_t)n, sizeof *l);
	pthread_t *tid = xcalloc((size_t)n, sizeof *tid);
	int *started = xcalloc((size_t)n, sizeof *started);
	int failed = -1;

	for (int i = n - 1; i >= 0; i--) {
		l[i] = (struct loading){ cls[i], o, BUF_INIT, 0, 0 };
		if (i > 0)
			started[i] = pthread_create(&tid[i], NULL, load_one,
			    &l[i]) == 0;
		if (!started[i])
			load_one(&l[i]);
	}
	for (int i = 0; i < n; i++) {
		if (started[i])
			pthread_join(tid[i], NULL);
		if (l[i].rc < 0 && failed < 0)
			failed = i;
	}
	/* What to tell copied out, so that nothing is left to leak when
	 * diag_fatal ends the run. */
	char why[1024];
	int status = failed >= 0 ? l[failed].status : 0;
	if (failed >= 0)
		snprintf(why, sizeof why, "%s", buf_str(&l[failed].err));
	for (int i = 0; i < n; i++)
		buf_free(&l[i].err);
	free(l);
	free(tid);
	free(started);
	if (failed >= 0)
		diag_fatal(diag, status, "%s", why);
}

void
classify_input(const struct fieldmap *map, const cJSON *ev,
    struct cls_input *in)
{
	in->lang = fieldmap_str(map, ev, "lang");
	in->country = fieldmap_str(map, ev, "country");
	in->tz = fieldmap_str(map, ev, "tz");
	in->conversation = fieldmap_str(map, ev, "conversation");
}

/* Scores to three decimals, in thousandths: enough to rank, and stable
 * across machines. */
static long long
milli(float x)
{
	return llround((double)x * 1000);
}

void
classify_result_add(const struct cls_result *r, struct filter_add *add,
    int want_lang, int explain)
{
	struct buf *b = &add->text;

	filter_add_str(add, "intent", r->intent);
	filter_add_milli(add, "intent_score", milli(r->intent_score));
	filter_add_key(add, "intents");
	buf_addc(b, '[');
	for (int i = 0; i < r->ntop; i++) {
		if (i > 0)
			buf_addc(b, ',');
		buf_add(b, "{\"intent\":", 10);
		json_write_string(b, r->top[i], strlen(r->top[i]));
		buf_add(b, ",\"score\":", 9);
		json_write_milli(b, milli(r->top_score[i]));
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
	if (r->has_topics)	/* else a team's own "topic" stays */
		filter_add_str(add, "topic", r->topic);
	filter_add_bool(add, "ack", r->ack);
	filter_add_bool(add, "needs_reply", r->needs_reply);
	filter_add_bool(add, "needs_human", r->needs_human);
	if (want_lang)
		filter_add_str(add, "lang", r->lang);
	filter_add_str(add, "sentiment", r->sentiment);
	filter_add_milli(add, "sentiment_score",
	    milli(r->sentiment_score));
	filter_add_num(add, "urgency", r->urgency);
	filter_add_bool(add, "escalate", r->escalate);
	filter_add_bool(add, "needs_video", r->needs_video);
	if (explain) {
		const char *p = r->explain.data;
		filter_add_key(add, "explain");
		buf_addc(b, '[');
		for (int i = 0; i < r->nexplain; i++) {
			size_t n = strlen(p);
			if (i > 0)
				buf_addc(b, ',');
			json_write_string(b, p, n);
			p += n + 1;
		}
		buf_addc(b, ']');
	}
}

void
classify_want(const struct fieldmap *map, struct ev_want *w)
{
	static const char *const reads[] = { "type", "role", "text", "lang",
	    "conversation", "country", "tz" };
	static const char *const sets[] = { "intent", "intent_score",
	    "intents", "topic", "ack", "needs_reply", "needs_human", "lang",
	    "sentiment", "sentiment_score", "urgency", "escalate",
	    "needs_video", "explain" };

	for (size_t i = 0; i < sizeof reads / sizeof *reads; i++)
		ev_want_add(w, fieldmap_source(map, reads[i]));
	for (size_t i = 0; i < sizeof sets / sizeof *sets; i++)
		ev_want_add(w, sets[i]);
}
