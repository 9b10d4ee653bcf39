#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fieldmap.h"
#include "json.h"
#include "suggest.h"

static int
valid_name(const char *s, size_t n)
{
	return n > 0 && memchr(s, '\0', n) == NULL;
}

static int
add_pair(struct fieldmap *m, const char *c, size_t cn, const char *s,
    size_t sn)
{
	for (int i = 0; i < m->n; i++) {
		if (strlen(m->pairs[i].canonical) == cn &&
		    memcmp(m->pairs[i].canonical, c, cn) == 0) {
			free(m->pairs[i].source);
			m->pairs[i].source = xstrndup(s, sn);
			return 0;
		}
	}
	m->pairs = xrealloc(m->pairs, sizeof *m->pairs * (size_t)(m->n + 1));
	m->pairs[m->n].canonical = xstrndup(c, cn);
	m->pairs[m->n].source = xstrndup(s, sn);
	m->n++;
	return 0;
}

/* Trim spaces around [s, e). */
static void
trim(const char **s, const char **e)
{
	while (*s < *e && isspace((unsigned char)**s))
		(*s)++;
	while (*e > *s && isspace((unsigned char)(*e)[-1]))
		(*e)--;
}

static int
add_span(struct fieldmap *m, const char *spec, const char *end,
    const char **why)
{
	const char *eq = memchr(spec, '=', (size_t)(end - spec));
	const char *cs = spec, *ce, *ss, *se = end;

	if (eq == NULL) {
		*why = "expected canonical=source";
		return -1;
	}
	ce = eq;
	ss = eq + 1;
	trim(&cs, &ce);
	trim(&ss, &se);
	if (!valid_name(cs, (size_t)(ce - cs)) ||
	    !valid_name(ss, (size_t)(se - ss))) {
		*why = "empty field name in canonical=source";
		return -1;
	}
	return add_pair(m, cs, (size_t)(ce - cs), ss, (size_t)(se - ss));
}

int
fieldmap_add(struct fieldmap *m, const char *spec, const char **why)
{
	return add_span(m, spec, spec + strlen(spec), why);
}

int
fieldmap_load(struct fieldmap *m, const char *path, long *errline,
    const char **why)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long lineno = 0;
	int rc = 0;

	*errline = 0;
	if (fp == NULL) {
		*why = strerror(errno);
		return -1;
	}
	while ((n = getline(&line, &cap, fp)) >= 0) {
		const char *s = line, *e = line + n;
		lineno++;
		trim(&s, &e);
		if (s == e || *s == '#')
			continue;
		if (add_span(m, s, e, why) < 0) {
			*errline = lineno;
			rc = -1;
			break;
		}
	}
	free(line);
	fclose(fp);
	return rc;
}

void
fieldmap_free(struct fieldmap *m)
{
	for (int i = 0; i < m->n; i++) {
		free(m->pairs[i].canonical);
		free(m->pairs[i].source);
	}
	free(m->pairs);
	m->pairs = NULL;
	m->n = 0;
}

const char *
fieldmap_source(const struct fieldmap *m, const char *canonical)
{
	for (int i = 0; i < m->n; i++)
		if (strcmp(m->pairs[i].canonical, canonical) == 0)
			return m->pairs[i].source;
	return canonical;
}

const char *
fieldmap_canonical(const struct fieldmap *m, const char *source)
{
	for (int i = 0; i < m->n; i++)
		if (strcmp(m->pairs[i].source, source) == 0)
			return m->pairs[i].canonical;
	return NULL;
}

cJSON *
fieldmap_get(const struct fieldmap *m, const cJSON *obj, const char *name)
{
	return json_get(obj, fieldmap_source(m, name));
}

const char *
fieldmap_str(const struct fieldmap *m, const cJSON *obj, const char *name)
{
	const cJSON *it = fieldmap_get(m, obj, name);

	return cJSON_IsString(it) ? it->valuestring : NULL;
}

int
fieldmap_time(const struct fieldmap *m, const struct ts_parser *tp,
    const cJSON *ev, cs_time *t, const char **why)
{
	const cJSON *v = fieldmap_get(m, ev, "ts");

	if (v == NULL || cJSON_IsNull(v))
		return 1;
	if (cJSON_IsString(v))
		return ts_parse(tp, v->valuestring, t, why);
	if (cJSON_IsNumber(v) && tp != NULL && tp->time_format[0] != NULL) {
		/* A layout of digits (%Y%m%d%H%M%S) reads numbers too: a CSV
		 * cell 20261120031200 arrives as a number, and its text is
		 * the cell's (the reader makes numbers only of exact text). */
		struct buf num = BUF_INIT;
		json_write_number(&num, v->valuedouble);
		int rc = ts_parse(tp, num.data, t, why);
		buf_free(&num);
		return rc;
	}
	if (cJSON_IsNumber(v))
		return ts_from_number(v->valuedouble, t, why);
	*why = "not a string or a number";
	return -1;
}

const char *const fieldmap_canonical_names[] = {
	"type", "conversation", "ts", "role", "agent", "customer", "text",
	"lang", "tz", "country", "channel", "score", "good", "private",
	"internal", "ack", "needs_reply", "needs_human", "topic", "intent",
	"intents", "intent_score", "sentiment", "sentiment_score", "urgency",
	"escalate", "needs_video", "amount", "currency", "status", "order_id",
	"order_status", "tracking_url", "customer_name", "agent_name", "shop",
	"product", "coupon", "refund_amount", "variant", "template", "reply",
	NULL
};

const char *
fieldmap_suggest(const char *name)
{
	struct suggest s = { name, NULL, 0, 0 };

	for (size_t i = 0; fieldmap_canonical_names[i] != NULL; i++) {
		if (strcmp(fieldmap_canonical_names[i], name) == 0)
			return NULL;
		suggest_offer(&s, fieldmap_canonical_names[i]);
	}
	return s.best;
}
