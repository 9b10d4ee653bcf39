#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import.h"
#include "json.h"

static const char *const canonical_roles[] = {
	"customer", "agent", "bot", "system"
};

static const char *
canonical_role(const char *s)
{
	for (size_t i = 0; i < 4; i++)
		if (strcasecmp(s, canonical_roles[i]) == 0)
			return canonical_roles[i];
	return NULL;
}

int
import_add_roles(struct import_spec *sp, const char *spec, const char **why)
{
	const char *p = spec;

	while (*p) {
		const char *end = strchr(p, ',');
		if (end == NULL)
			end = p + strlen(p);
		const char *eq = memchr(p, '=', (size_t)(end - p));
		if (eq == NULL || eq == p) {
			*why = "expected NAME=ROLE pairs separated by commas";
			return -1;
		}
		char *to = xstrndup(eq + 1, (size_t)(end - eq - 1));
		const char *role = canonical_role(to);
		free(to);
		if (role == NULL) {
			*why = "a role must be customer, agent, bot or system";
			return -1;
		}
		sp->roles = xrealloc(sp->roles, sizeof *sp->roles *
		    (size_t)(sp->nroles + 1));
		sp->roles[sp->nroles].from = xstrndup(p, (size_t)(eq - p));
		sp->roles[sp->nroles].to = xstrdup(role);
		sp->nroles++;
		p = *end ? end + 1 : end;
	}
	return 0;
}

void
import_spec_free(struct import_spec *sp)
{
	for (int i = 0; i < sp->nroles; i++) {
		free(sp->roles[i].from);
		free(sp->roles[i].to);
	}
	free(sp->roles);
	sp->roles = NULL;
	sp->nroles = 0;
}

/* Rename the mapped fields, in place, to their canonical names. */
static void
rename_fields(const struct fieldmap *map, cJSON *ev)
{
	for (int i = 0; i < map->n; i++) {
		const char *canon = map->pairs[i].canonical;
		const char *src = map->pairs[i].source;
		cJSON *it = json_get(ev, src);
		if (it == NULL || strcmp(canon, src) == 0)
			continue;
		cJSON_DeleteItemFromObjectCaseSensitive(ev, canon);
		char *name = xstrdup(canon);
		if (!(it->type & cJSON_StringIsConst))
			free(it->string);
		it->string = name;
		it->type &= ~cJSON_StringIsConst;
	}
}

static int
map_role(const struct import_spec *sp, cJSON *ev, struct buf *why)
{
	cJSON *it = json_get(ev, "role");
	const char *to = NULL;

	if (it == NULL)
		return 0;
	if (!cJSON_IsString(it)) {
		buf_adds(why, "role is not a string");
		return -1;
	}
	for (int i = 0; i < sp->nroles && to == NULL; i++)
		if (strcasecmp(sp->roles[i].from, it->valuestring) == 0)
			to = sp->roles[i].to;
	if (to == NULL)
		to = canonical_role(it->valuestring);
	if (to == NULL) {
		buf_printf(why, "unknown role '%.60s' (map it with --role-map "
		    "'%.60s=customer' or agent, bot, system)", it->valuestring,
		    it->valuestring);
		return -1;
	}
	if (strcmp(to, it->valuestring) != 0)
		json_string_assign(it, to);
	return 0;
}

static int
normalise_time(const struct import_spec *sp, cJSON *ev, cs_time *t,
    struct buf *why)
{
	static const struct fieldmap canonical = FIELDMAP_INIT;
	const char *reason;
	int rc;

	/* The fields are renamed already: read ts by its own name. */
	rc = fieldmap_time(&canonical, sp->ts, ev, t, &reason);
	if (rc != 0) {
		*t = CS_TIME_NONE;
		if (rc < 0)
			buf_printf(why, "ts: %s", reason);
		return rc < 0 ? -1 : 0;
	}
	struct buf s = BUF_INIT;
	ts_format_utc(*t, &s);
	json_set_str(ev, "ts", s.data);
	buf_free(&s);
	return 0;
}

/* Ids are strings in the event format; exports often write numbers. */
static void
ids_to_strings(cJSON *ev)
{
	static const char *const ids[] = {
		"conversation", "agent", "customer", "order_id"
	};
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		cJSON *it = json_get(ev, ids[i]);
		if (!cJSON_IsNumber(it))
			continue;
		struct buf s = BUF_INIT;
		json_write(&s, it);	/* its own text when a double lost it */
		json_set_str(ev, ids[i], s.data);
		buf_free(&s);
	}
}

int
import_event(const struct import_spec *sp, cJSON *ev, cs_time *t,
    struct buf *why)
{
	rename_fields(sp->map, ev);
	if (normalise_time(sp, ev, t, why) < 0 || map_role(sp, ev, why) < 0)
		return -1;
	ids_to_strings(ev);
	return 0;
}

/* ---- --sort ------------------------------------------------------------- */

struct sorted_line {
	cs_time	 t;
	size_t	 seq;
	size_t	 off, len;
};

struct import_sorter {
	struct buf		 text;
	struct sorted_line	*lines;
	size_t			 n, cap;
};

struct import_sorter *
import_sorter_new(void)
{
	return xcalloc(1, sizeof(struct import_sorter));
}

void
import_sorter_add(struct import_sorter *s, cs_time t, const char *line,
    size_t len)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 1024;
		s->lines = xrealloc(s->lines, sizeof *s->lines * s->cap);
	}
	s->lines[s->n] = (struct sorted_line){ t, s->n, s->text.len, len };
	s->n++;
	buf_add(&s->text, line, len);
}

static int
by_time(const void *a, const void *b)
{
	const struct sorted_line *x = a, *y = b;
	int xn = x->t == CS_TIME_NONE, yn = y->t == CS_TIME_NONE;

	if (xn != yn)
		return xn - yn;
	if (!xn && x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
import_sorter_finish(struct import_sorter *s,
    void (*emit)(void *ctx, const char *line, size_t len), void *ctx)
{
	/* qsort's base must not be NULL, even for no lines (UBSan). */
	if (s->n > 1)
		qsort(s->lines, s->n, sizeof *s->lines, by_time);
	for (size_t i = 0; i < s->n; i++)
		emit(ctx, s->text.data + s->lines[i].off, s->lines[i].len);
	buf_free(&s->text);
	free(s->lines);
	free(s);
}
