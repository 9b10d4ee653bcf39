#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "event.h"
#include "fieldmap.h"
#include "import.h"
#include "json.h"
#include "text.h"

const char *const import_canonical_names[] = {
	"type", "conversation", "ts", "role", "agent", "customer", "text",
	"lang", "tz", "country", "channel", "score", "good", "amount",
	"currency", "status", "order_id", "tracking_url", "customer_name",
	"product", NULL
};

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

static int
is_canonical_name(const char *name)
{
	for (size_t i = 0; import_canonical_names[i] != NULL; i++)
		if (strcmp(name, import_canonical_names[i]) == 0)
			return 1;
	return 0;
}

/* ---- the spec ------------------------------------------------------------- */

void
import_spec_init(struct import_spec *sp)
{
	memset(sp, 0, sizeof *sp);
}

static void
free_field(struct import_field *f)
{
	free(f->name);
	ex_free(f->expr);
	ex_conds_free(&f->when);
}

static void
free_rule(struct import_rule *r)
{
	free(r->name);
	ex_explode_free(r->explode);
	ex_conds_free(&r->when);
	for (int i = 0; i < r->ndrops; i++) {
		ex_conds_free(&r->drops[i].cond);
		free(r->drops[i].label);
	}
	free(r->drops);
	for (int i = 0; i < r->nfields; i++)
		free_field(&r->fields[i]);
	free(r->fields);
	for (int i = 0; i < r->nmaps; i++) {
		free(r->maps[i].field);
		ex_map_free(&r->maps[i].map);
	}
	free(r->maps);
	for (int i = 0; i < r->nkeep; i++)
		ex_free(r->keep_list[i]);
	free(r->keep_list);
	free(r->unique);
	free(r->unique_label);
	hmap_free(&r->seen);
}

void
import_spec_free(struct import_spec *sp)
{
	for (int i = 0; i < sp->nrules; i++)
		free_rule(&sp->rules[i]);
	free(sp->rules);
	free(sp->name);
	free(sp->prefix);
	ex_cache_free(&sp->cache);
	buf_free(&sp->why);
	memset(sp, 0, sizeof *sp);
}

struct import_rule *
import_rule_add(struct import_spec *sp, const char *name)
{
	sp->rules = xrealloc(sp->rules, sizeof *sp->rules *
	    (size_t)(sp->nrules + 1));
	struct import_rule *r = &sp->rules[sp->nrules++];
	memset(r, 0, sizeof *r);
	r->name = name ? xstrdup(name) : NULL;
	r->keep = IMPORT_KEEP_ALL;
	return r;
}

/* Split "EXPR when COND" at the last top-level " when ". */
static const char *
when_part(const char *text, size_t *expr_len)
{
	const char *w = NULL;
	int depth = 0, quote = 0;

	for (const char *p = text; *p; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		if (quote) {
			quote = *p != '"';
			continue;
		}
		if (*p == '"')
			quote = 1;
		else if (*p == '(' || *p == '[')
			depth++;
		else if ((*p == ')' || *p == ']') && depth > 0)
			depth--;
		else if (depth == 0 && strncmp(p, " when ", 6) == 0)
			w = p;
	}
	*expr_len = w ? (size_t)(w - text) : strlen(text);
	return w ? w + 6 : NULL;
}

static int
valid_field_name(const char *name, const char **why)
{
	if (name == NULL || *name == '\0') {
		*why = "empty field name";
		return -1;
	}
	if (!text_utf8_valid(name, strlen(name), NULL)) {
		*why = "not UTF-8";
		return -1;
	}
	return 0;
}

/* Text that becomes part of events (expressions, values, maps) is UTF-8. */
static int
valid_text(const char *s, const char **why)
{
	if (!text_utf8_valid(s, strlen(s), NULL)) {
		*why = "not UTF-8";
		return -1;
	}
	return 0;
}

/* Add field f to the rule: NAME = replaces the `=` field of that name
 * (where it stands), NAME ?= goes after every field of that name. */
static void
put_field(struct import_rule *r, struct import_field *f)
{
	int first = -1, last = -1;

	for (int i = 0; i < r->nfields; i++) {
		if (strcmp(r->fields[i].name, f->name) != 0)
			continue;
		if (!f->fallback && !r->fields[i].fallback) {
			free_field(&r->fields[i]);
			r->fields[i] = *f;
			return;
		}
		if (first < 0)
			first = i;
		last = i;
	}
	int pos = first < 0 ? r->nfields : f->fallback ? last + 1 : first;
	r->fields = xrealloc(r->fields, sizeof *r->fields *
	    (size_t)(r->nfields + 1));
	memmove(&r->fields[pos + 1], &r->fields[pos], sizeof *r->fields *
	    (size_t)(r->nfields - pos));
	r->fields[pos] = *f;
	r->nfields++;
}

int
import_field(struct import_rule *r, const char *name, const char *text,
    int fallback, const char **why)
{
	struct import_field f = { 0 };
	size_t elen;
	const char *cond = when_part(text, &elen);

	if (valid_field_name(name, why) < 0 || valid_text(text, why) < 0)
		return -1;
	char *etext = xstrndup(text, elen);
	f.expr = ex_parse(etext, r->strict, why);
	free(etext);
	if (f.expr == NULL)
		return -1;
	if (cond != NULL && ex_conds_parse(&f.when, cond, r->strict, why) < 0) {
		free_field(&f);
		return -1;
	}
	f.name = xstrdup(name);
	f.fallback = fallback;
	put_field(r, &f);
	return 0;
}

/* "true", "5", "order": the JSON value of a --set. */
static cJSON *
constant_value(const char *s)
{
	struct ex_map m = EX_MAP_INIT;
	struct buf b = BUF_INIT;
	const char *why;
	cJSON *v = NULL;

	/* The value a map's target gives: one place decides how text reads. */
	buf_adds(&b, "x=");
	for (const char *p = s; *p; p++) {
		if (*p == ',' || *p == '=' || *p == '\\')
			buf_addc(&b, '\\');
		buf_addc(&b, *p);
	}
	if (ex_map_add(&m, buf_str(&b), &why) == 0 && m.n == 1)
		v = cJSON_Duplicate(m.pairs[0].to, 1);
	else
		v = cJSON_CreateString(s);
	ex_map_free(&m);
	buf_free(&b);
	return v;
}

int
import_set(struct import_rule *r, const char *name, const char *value,
    const char **why)
{
	struct import_field f = { 0 };

	if (valid_field_name(name, why) < 0 || valid_text(value, why) < 0)
		return -1;
	cJSON *v = constant_value(value);
	f.expr = ex_literal(v);
	cJSON_Delete(v);
	f.name = xstrdup(name);
	put_field(r, &f);
	return 0;
}

int
import_html(struct import_rule *r, const char *name, const char **why)
{
	int any = 0;

	if (valid_field_name(name, why) < 0)
		return -1;
	for (int i = 0; i < r->nfields; i++) {
		if (strcmp(r->fields[i].name, name) != 0)
			continue;
		r->fields[i].expr = ex_html(r->fields[i].expr);
		any = 1;
	}
	if (!any) {
		struct buf b = BUF_INIT;
		buf_printf(&b, "html(%s)", name);
		int rc = import_field(r, name, b.data, 0, why);
		buf_free(&b);
		return rc;
	}
	return 0;
}

int
import_map(struct import_rule *r, const char *field, const char *spec,
    int first, const char **why)
{
	struct ex_map add = EX_MAP_INIT;

	if (valid_field_name(field, why) < 0 || valid_text(spec, why) < 0 ||
	    ex_map_add(&add, spec, why) < 0) {
		ex_map_free(&add);
		return -1;
	}
	if (strcmp(field, "role") == 0) {
		for (int i = 0; i < add.n; i++) {
			cJSON *to = add.pairs[i].to;
			const char *role = cJSON_IsString(to) ?
			    canonical_role(to->valuestring) : NULL;
			if (role == NULL) {
				ex_map_free(&add);
				*why = "a role must be customer, agent, bot or "
				    "system";
				return -1;
			}
			json_string_assign(to, role);
		}
	}
	struct import_vmap *m = NULL;
	for (int i = 0; i < r->nmaps && m == NULL; i++)
		if (strcmp(r->maps[i].field, field) == 0)
			m = &r->maps[i];
	if (m == NULL) {
		r->maps = xrealloc(r->maps, sizeof *r->maps *
		    (size_t)(r->nmaps + 1));
		m = &r->maps[r->nmaps++];
		m->field = xstrdup(field);
		m->map = (struct ex_map)EX_MAP_INIT;
	}
	/* Join the pairs: the new ones first or last. */
	struct ex_map joined = EX_MAP_INIT;
	struct ex_map *a = first ? &add : &m->map, *b = first ? &m->map : &add;
	joined.n = a->n + b->n;
	joined.pairs = xcalloc((size_t)joined.n + 1, sizeof *joined.pairs);
	for (int i = 0; i < a->n; i++)		/* (memcpy: NULL when 0) */
		joined.pairs[i] = a->pairs[i];
	for (int i = 0; i < b->n; i++)
		joined.pairs[a->n + i] = b->pairs[i];
	free(a->pairs);
	free(b->pairs);
	m->map = joined;
	return 0;
}

void
import_quiet_fields(struct import_spec *sp)
{
	for (int i = 0; i < sp->nrules; i++)
		for (int k = 0; k < sp->rules[i].nfields; k++)
			sp->rules[i].fields[k].quiet = 1;
}

int
import_add_roles(struct import_rule *r, const char *spec, const char **why)
{
	return import_map(r, "role", spec, 0, why);
}

int
import_drop(struct import_rule *r, const char *cond, const char *label,
    const char **why)
{
	struct import_drop d = { EX_CONDS_INIT, NULL, 0 };

	if (valid_text(cond, why) < 0 || (label && valid_text(label, why) < 0))
		return -1;
	if (ex_conds_parse(&d.cond, cond, r->strict, why) < 0) {
		ex_conds_free(&d.cond);
		return -1;
	}
	d.label = xstrdup(label != NULL ? label : cond);
	r->drops = xrealloc(r->drops, sizeof *r->drops * (size_t)(r->ndrops + 1));
	r->drops[r->ndrops++] = d;
	return 0;
}

int
import_when(struct import_rule *r, const char *cond, const char **why)
{
	if (valid_text(cond, why) < 0)
		return -1;
	return ex_conds_parse(&r->when, cond, r->strict, why);
}

int
import_explode(struct import_rule *r, const char *path, const char **why)
{
	if (valid_text(path, why) < 0)
		return -1;
	struct ex_explode *x = ex_explode_parse(path, why);

	if (x == NULL)
		return -1;
	ex_explode_free(r->explode);
	r->explode = x;
	return 0;
}

int
import_keep(struct import_rule *r, const char *list, const char **why)
{
	for (int i = 0; i < r->nkeep; i++)
		ex_free(r->keep_list[i]);
	r->nkeep = 0;
	if (strcmp(list, "all") == 0) {
		r->keep = IMPORT_KEEP_ALL;
		return 0;
	}
	if (strcmp(list, "none") == 0) {
		r->keep = IMPORT_KEEP_NONE;
		return 0;
	}
	if (valid_text(list, why) < 0)
		return -1;
	r->keep = IMPORT_KEEP_LIST;
	const char *p = list;
	while (*p) {
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char *item = xstrndup(p, n);
		struct ex *e = ex_parse(item, r->strict, why);
		free(item);
		if (e == NULL)
			return -1;
		r->keep_list = xrealloc(r->keep_list, sizeof *r->keep_list *
		    (size_t)(r->nkeep + 1));
		r->keep_list[r->nkeep++] = e;
		p = end ? end + 1 : p + n;
	}
	if (r->nkeep == 0) {
		*why = "expected all, none or a list of members";
		return -1;
	}
	return 0;
}

int
import_unique(struct import_rule *r, const char *field, const char *label,
    const char **why)
{
	if (valid_field_name(field, why) < 0 ||
	    (label != NULL && valid_text(label, why) < 0))
		return -1;
	free(r->unique);
	free(r->unique_label);
	r->unique = xstrdup(field);
	r->unique_label = label ? xstrdup(label) : NULL;
	return 0;
}

/* ---- one record ----------------------------------------------------------- */

/* One field's value for one event. */
struct fval {
	const cJSON	*v;		/* computed (borrowed or made) */
	cJSON		*own;		/* v, owned: made, or a copy */
	const char	*rename;	/* or: the member of this name */
	cJSON		*member;	/* that member in the event object */
};

struct visit {
	struct import_spec	*sp;
	struct import_rule	*rule;
	const char		*file;
	long			 line;
	const char		*raw;
	size_t			 rawlen;
	const struct import_sink *sink;
	struct diag		*diag;
	cJSON			*record;
	int			 in_place;	/* the record is the event */
	int			 taken;		/* some element was taken */
	struct fval		*fv;		/* one per field of the rule */
	size_t			 fvcap;
	struct buf		 why;
};

static int
has_value(const cJSON *v)
{
	return v != NULL && !cJSON_IsNull(v) &&
	    !(cJSON_IsString(v) && v->valuestring[0] == '\0');
}

/* Does a field before `upto` give name a value? */
static int
name_given(const struct visit *vs, int upto, const char *name)
{
	for (int i = 0; i < upto; i++)
		if ((vs->fv[i].v != NULL || vs->fv[i].rename != NULL) &&
		    strcmp(vs->rule->fields[i].name, name) == 0)
			return 1;
	return 0;
}

static int
rule_maps(const struct import_rule *r, const char *name)
{
	for (int i = 0; i < r->nfields; i++)
		if (strcmp(r->fields[i].name, name) == 0)
			return 1;
	return 0;
}

/*
 * The value of every field of the rule for the element (sc), into vs->fv:
 * with keep all, a plain name present in the element is a rename (the
 * member moves, no copy); anything else is evaluated.  claimed: the names
 * renamed so far (a member moves once; a second field copies it).
 */
static void
eval_fields(struct visit *vs, const struct ex_scope *sc, int renames)
{
	struct import_rule *r = vs->rule;
	const cJSON *elem = sc->level[sc->n - 1];

	if ((size_t)r->nfields > vs->fvcap) {
		vs->fvcap = (size_t)r->nfields;
		vs->fv = xrealloc(vs->fv, sizeof *vs->fv * vs->fvcap);
	}
	if (r->nfields > 0)	/* (fv is NULL until a rule has fields) */
		memset(vs->fv, 0, sizeof *vs->fv * (size_t)r->nfields);
	for (int i = 0; i < r->nfields; i++) {
		struct import_field *f = &r->fields[i];
		struct fval *fv = &vs->fv[i];
		if (f->when.n > 0 && !ex_conds_hold(&f->when, sc))
			continue;
		if (f->fallback && (name_given(vs, i, f->name) ||
		    (renames && has_value(json_get(elem, f->name)))))
			continue;
		f->tried++;
		const char *plain = renames ? ex_plain_name(f->expr) : NULL;
		int claimed = 0;
		for (int k = 0; plain && k < i; k++)
			claimed |= vs->fv[k].rename != NULL &&
			    strcmp(vs->fv[k].rename, plain) == 0;
		if (plain && !claimed && has_value(json_get(elem, plain))) {
			fv->rename = plain;
			f->found++;
			continue;
		}
		cJSON *made;
		fv->v = ex_eval(f->expr, sc, &made);
		if (fv->v == NULL)
			continue;
		f->found++;
		/* Copied now: the element may change before it is placed. */
		fv->own = made != NULL ? made : cJSON_Duplicate(fv->v, 1);
	}
}

static void
free_fvals(struct visit *vs)
{
	for (int i = 0; i < vs->rule->nfields; i++)
		cJSON_Delete(vs->fv[i].own);
}

/* Give member m the name (borrowed: the spec outlives every event). */
static void
rename_member(cJSON *m, const char *name)
{
	if (m->string != NULL && !(m->type & cJSON_StringIsConst))
		cJSON_free(m->string);
	m->string = (char *)name;
	m->type |= cJSON_StringIsConst;
}

/*
 * keep all: ev (the record, or a copy of the element) changed in place.
 * Members renamed where they stand, members a field replaces dropped,
 * clashing members prefixed; computed fields appended.
 */
static void
shape_keep_all(struct visit *vs, cJSON *ev)
{
	struct import_rule *r = vs->rule;

	if (r->nfields == 0 && vs->sp->prefix == NULL)
		return;		/* the record as it is: nothing to walk */

	for (int i = 0; i < r->nfields; i++)
		if (vs->fv[i].rename != NULL)
			vs->fv[i].member = json_get(ev, vs->fv[i].rename);
	for (cJSON *m = ev->child, *next; m != NULL; m = next) {
		next = m->next;
		int done = 0;
		for (int i = 0; i < r->nfields && !done; i++) {
			if (vs->fv[i].member == m) {
				rename_member(m, r->fields[i].name);
				done = 1;
			}
		}
		if (done)
			continue;
		if (name_given(vs, r->nfields, m->string)) {
			cJSON_Delete(cJSON_DetachItemViaPointer(ev, m));
			continue;
		}
		if (vs->sp->prefix != NULL && is_canonical_name(m->string) &&
		    !rule_maps(r, m->string)) {
			struct buf b = BUF_INIT;
			buf_printf(&b, "%s%s", vs->sp->prefix, m->string);
			if (!(m->type & cJSON_StringIsConst))
				cJSON_free(m->string);
			m->string = buf_detach(&b);
			m->type &= ~cJSON_StringIsConst;
		}
	}
	for (int i = 0; i < r->nfields; i++) {
		if (vs->fv[i].own == NULL)
			continue;
		cJSON_AddItemToObjectCS(ev, r->fields[i].name, vs->fv[i].own);
		vs->fv[i].own = NULL;
	}
}

/* keep none or a list: a new object, the fields in order, then the kept
 * members. */
static cJSON *
shape_new(struct visit *vs, const struct ex_scope *sc)
{
	struct import_rule *r = vs->rule;
	cJSON *ev = cJSON_CreateObject();

	for (int i = 0; i < r->nfields; i++) {
		if (vs->fv[i].own == NULL || json_get(ev, r->fields[i].name))
			continue;
		cJSON_AddItemToObjectCS(ev, r->fields[i].name, vs->fv[i].own);
		vs->fv[i].own = NULL;
	}
	for (int i = 0; i < r->nkeep; i++) {
		cJSON *made;
		const cJSON *v = ex_eval(r->keep_list[i], sc, &made);
		const char *name = ex_last_name(r->keep_list[i]);
		if (name == NULL)
			name = ex_source(r->keep_list[i]);
		if (v == NULL || json_get(ev, name) != NULL) {
			cJSON_Delete(made);
			continue;
		}
		cJSON *copy = made ? made : cJSON_Duplicate(v, 1);
		if (vs->sp->prefix != NULL && is_canonical_name(name) &&
		    !rule_maps(r, name)) {
			struct buf b = BUF_INIT;
			buf_printf(&b, "%s%s", vs->sp->prefix, name);
			cJSON_AddItemToObject(ev, b.data, copy);
			buf_free(&b);
		} else
			cJSON_AddItemToObject(ev, name, copy);
	}
	return ev;
}

static void
apply_maps(const struct import_rule *r, cJSON *ev)
{
	for (int i = 0; i < r->nmaps; i++) {
		cJSON *it = json_get(ev, r->maps[i].field);
		if (it == NULL)
			continue;
		const cJSON *to = ex_map_find(&r->maps[i].map, it);
		if (to != NULL)
			json_set(ev, r->maps[i].field, cJSON_Duplicate(to, 1));
	}
}

static int
normalise_time(const struct import_spec *sp, cJSON *ev, cs_time *t,
    struct buf *why)
{
	static const struct fieldmap canonical = FIELDMAP_INIT;
	const char *reason;
	int rc;

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

static int
check_role(cJSON *ev, struct buf *why)
{
	cJSON *it = json_get(ev, "role");
	const char *to;

	if (it == NULL)
		return 0;
	if (cJSON_IsString(it) && (to = canonical_role(it->valuestring))) {
		if (strcmp(to, it->valuestring) != 0)
			json_string_assign(it, to);
		return 0;
	}
	if (!cJSON_IsString(it) && !cJSON_IsNumber(it) && !cJSON_IsBool(it)) {
		buf_adds(why, "role is not a string");
		return -1;
	}
	struct buf text = BUF_INIT;
	ex_text(it, &text);
	buf_printf(why, "unknown role '%.60s' (map it with --role-map "
	    "'%.60s=customer' or agent, bot, system)", buf_str(&text),
	    buf_str(&text));
	buf_free(&text);
	return -1;
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

/* The `_error` event for ev's source: the record's text, or the element's
 * JSON when it came from inside the record. */
static void
report_bad(struct visit *vs, const cJSON *elem, const char *where,
    const char *why, int quiet)
{
	struct ev_record rec = { 0 };
	struct buf msg = BUF_INIT, raw = BUF_INIT;

	if (where != NULL && *where)
		buf_printf(&msg, "%s: ", where);
	buf_adds(&msg, why);
	rec.status = EV_BAD;
	rec.file = vs->file;
	rec.line = vs->line;
	rec.why = msg.data;
	if (elem == vs->record && vs->raw != NULL) {
		rec.raw = vs->raw;
		rec.rawlen = rec.rawfull = vs->rawlen;
	} else {
		json_write(&raw, elem);
		rec.raw = raw.data;
		rec.rawlen = rec.rawfull = raw.len;
	}
	if (!quiet)
		diag_bad_line(vs->diag, vs->file, vs->line, "%s", msg.data);
	else if (vs->diag->strict)	/* stops here */
		diag_bad_line(vs->diag, vs->file, vs->line, "%s", msg.data);
	else
		vs->diag->bad_lines++;
	cJSON *err = ev_error_object(&rec);
	vs->sink->bad(vs->sink->ctx, err);
	cJSON_Delete(err);
	buf_free(&msg);
	buf_free(&raw);
}

/* The mapped ts, role and conversation the event lacks: bits 1, 2, 4. */
static int
missing_fields(const struct import_rule *r, const cJSON *ev)
{
	static const char *const need[] = { "ts", "role", "conversation" };
	const char *type = NULL;
	int bits = 0;

	for (int i = 0; i < 3; i++) {
		if (!rule_maps(r, need[i]) || has_value(json_get(ev, need[i])))
			continue;
		if (i > 0 && type == NULL)
			type = json_str(ev, "type");
		if (i == 1 && type != NULL && strcmp(type, "message") != 0)
			continue;	/* only messages have a role */
		if (i == 2 && type != NULL && strcmp(type, "order") == 0)
			continue;	/* an order needs no conversation */
		bits |= 1 << i;
	}
	return bits;
}

/* "no ts ('time' not in the record), no role (...)" */
static const char *
missing_reason(const struct import_rule *r, int bits, struct buf *b)
{
	static const char *const need[] = { "ts", "role", "conversation" };

	for (int i = 0; i < 3; i++) {
		if (!(bits & 1 << i))
			continue;
		buf_printf(b, "%sno %s", b->len ? ", " : "", need[i]);
		for (int k = 0; k < r->nfields; k++)
			if (strcmp(r->fields[k].name, need[i]) == 0) {
				buf_printf(b, " ('%s' not in the record)",
				    ex_source(r->fields[k].expr));
				break;
			}
	}
	return b->data;
}

/* Seen this unique value before?  (Remembers it.) */
static int
repeated(struct import_rule *r, const cJSON *ev)
{
	const cJSON *v = json_get(ev, r->unique);
	struct buf text = BUF_INIT;
	int added = 1;

	if (has_value(v)) {
		ex_text(v, &text);
		hmap_put(&r->seen, text.data, text.len, &added);
	}
	buf_free(&text);
	return !added;
}

/* One element the rule's explode found (or the record itself). */
static void
visit_element(void *ctx, struct ex_scope *sc, const char *where)
{
	struct visit *vs = ctx;
	struct import_rule *r = vs->rule;
	const cJSON *elem = sc->level[sc->n - 1];
	cs_time t = CS_TIME_NONE;
	cJSON *ev;

	if (r->when.n > 0 && !ex_conds_hold(&r->when, sc))
		return;
	vs->taken = 1;
	for (int i = 0; i < r->ndrops; i++) {
		if (ex_conds_hold(&r->drops[i].cond, sc)) {
			r->drops[i].count++;
			return;
		}
	}
	eval_fields(vs, sc, r->keep == IMPORT_KEEP_ALL);
	if (r->keep == IMPORT_KEEP_ALL) {
		ev = vs->in_place ? vs->record : cJSON_Duplicate(elem, 1);
		shape_keep_all(vs, ev);
	} else
		ev = shape_new(vs, sc);
	free_fvals(vs);
	apply_maps(r, ev);
	buf_reset(&vs->why);
	int bits;
	if (normalise_time(vs->sp, ev, &t, &vs->why) < 0 ||
	    check_role(ev, &vs->why) < 0) {
		report_bad(vs, elem, where, vs->why.data, 0);
	} else if ((bits = missing_fields(r, ev)) != 0) {
		for (int i = 0; i < 3; i++)
			vs->sp->missing[i] += (bits >> i) & 1;
		vs->sp->incomplete++;
		report_bad(vs, elem, where, missing_reason(r, bits, &vs->why),
		    1);
	} else if (r->unique != NULL && repeated(r, ev)) {
		r->repeated++;
	} else {
		ids_to_strings(ev);
		vs->sp->events++;
		vs->sink->event(vs->sink->ctx, ev, t);
	}
	if (ev != vs->record)
		cJSON_Delete(ev);
}

/* A spec that only makes each record canonical, as it is (cs-import with
 * no options that shape events: the common case, and the benchmark's). */
static int
as_it_is(const struct import_spec *sp)
{
	const struct import_rule *r = sp->rules;

	return sp->nrules == 1 && r->explode == NULL && r->when.n == 0 &&
	    r->ndrops == 0 && r->nfields == 0 && r->nmaps == 0 &&
	    r->unique == NULL && r->keep == IMPORT_KEEP_ALL &&
	    sp->prefix == NULL;
}

void
import_record(struct import_spec *sp, cJSON *rec, const char *file,
    long line, const char *raw, size_t rawlen,
    const struct import_sink *sink, struct diag *d)
{
	if (as_it_is(sp)) {
		/* What visit_element does for such a spec, without its
		 * set-up: the same answers (the golden tests hold both). */
		cs_time t = CS_TIME_NONE;
		sp->records++;
		buf_reset(&sp->why);
		if (normalise_time(sp, rec, &t, &sp->why) == 0 &&
		    check_role(rec, &sp->why) == 0) {
			ids_to_strings(rec);
			sp->events++;
			sink->event(sink->ctx, rec, t);
			return;
		}
		sp->records--;		/* counted again below */
	}
	struct visit vs = { 0 };
	struct ex_scope sc = { { rec }, 1, &sp->cache };
	int taken = 0;

	vs.sp = sp;
	vs.file = file;
	vs.line = line;
	vs.raw = raw;
	vs.rawlen = rawlen;
	vs.sink = sink;
	vs.diag = d;
	vs.record = rec;
	sp->records++;
	for (int i = 0; i < sp->nrules; i++) {
		struct import_rule *r = &sp->rules[i];
		vs.rule = r;
		vs.taken = 0;
		vs.in_place = sp->nrules == 1 && r->explode == NULL &&
		    r->keep == IMPORT_KEEP_ALL;
		if (r->explode == NULL) {
			visit_element(&vs, &sc, "");
		} else {
			long n = ex_explode_each(r->explode, &sc, visit_element,
			    &vs);
			if (n == EX_TOO_DEEP)
				report_bad(&vs, rec, "", "explode: nested deeper "
				    "than 16 levels", 0);
			/* An empty list is nothing to do; too deep is said. */
			vs.taken |= n == 0 || n == EX_TOO_DEEP;
		}
		taken |= vs.taken;
	}
	if (!taken && sp->name == NULL) {
		sp->skipped++;		/* --when or --explode said no */
	} else if (!taken) {
		struct buf why = BUF_INIT;
		sp->unmatched++;
		if (sp->name != NULL)
			buf_printf(&why, "nothing in it that preset %s reads",
			    sp->name);
		else
			buf_adds(&why, "nothing in it to import");
		report_bad(&vs, rec, "", why.data, 1);
		buf_free(&why);
	}
	ex_cache_clear(&sp->cache);
	free(vs.fv);
	buf_free(&vs.why);
}

/* ---- the summary ---------------------------------------------------------- */

/* 1204 as "1,204". */
static void
count(struct buf *b, unsigned long n)
{
	char digits[32];
	int len = snprintf(digits, sizeof digits, "%lu", n);

	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf_addc(b, ',');
		buf_addc(b, digits[i]);
	}
}

/* Did any field of this name find a value? */
static int
name_found(const struct import_rule *r, const char *name)
{
	for (int i = 0; i < r->nfields; i++)
		if (r->fields[i].found > 0 && strcmp(r->fields[i].name, name) == 0)
			return 1;
	return 0;
}

/* The labels of what was left out and their counts, each label once (in
 * the order first met), into b; the total. */
static unsigned long
left_out(const struct import_spec *sp, struct buf *b)
{
	struct hmap labels = HMAP_INIT;
	unsigned long *counts = NULL, total = 0;
	size_t cap = 0;

	for (int i = 0; i < sp->nrules; i++) {
		const struct import_rule *r = &sp->rules[i];
		for (int k = 0; k <= r->ndrops; k++) {
			const char *label;
			unsigned long n;
			struct buf u = BUF_INIT;
			if (k < r->ndrops) {
				label = r->drops[k].label;
				n = r->drops[k].count;
			} else {
				if (r->unique_label == NULL && r->unique != NULL)
					buf_printf(&u, "repeated %s", r->unique);
				label = r->unique_label ? r->unique_label :
				    buf_str(&u);
				n = r->repeated;
			}
			if (n > 0) {
				int added;
				size_t at = hmap_put(&labels, label,
				    strlen(label), &added);
				if (at >= cap) {
					cap = cap ? cap * 2 : 8;
					counts = xrealloc(counts, sizeof *counts *
					    cap);
				}
				counts[at] = added ? n : counts[at] + n;
				total += n;
			}
			buf_free(&u);
		}
	}
	if (sp->skipped > 0 && sp->nrules > 0) {
		/* Without a preset, records no rule takes were not asked for. */
		const struct import_rule *r = &sp->rules[0];
		struct buf why = BUF_INIT;
		if (r->explode != NULL)
			buf_printf(&why, "no %s", ex_explode_source(r->explode));
		if (r->when.n > 0)
			buf_printf(&why, "%snot %s", why.len ? " or " : "",
			    r->when.text);
		int added;
		size_t at = hmap_put(&labels, why.data, why.len, &added);
		if (at >= cap) {
			cap = cap ? cap * 2 : 8;
			counts = xrealloc(counts, sizeof *counts * cap);
		}
		counts[at] = added ? sp->skipped : counts[at] + sp->skipped;
		total += sp->skipped;
		buf_free(&why);
	}
	for (size_t i = 0; i < hmap_count(&labels); i++) {
		const struct hmap_entry *e = hmap_at(&labels, i);
		buf_printf(b, "%s%s: ", i ? ", " : "", e->key);
		count(b, counts[i]);
	}
	free(counts);
	hmap_free(&labels);
	return total;
}

void
import_summary(const struct import_spec *sp, const struct diag *d)
{
	struct buf b = BUF_INIT;
	unsigned long left = left_out(sp, &b);

	if (left > 0) {
		struct buf n = BUF_INIT;
		count(&n, left);
		diag_warn(d, "left out %s record%s (%s)", n.data,
		    left == 1 ? "" : "s", b.data);
		buf_free(&n);
	}
	static const char *const need[] = { "ts", "role", "conversation" };
	buf_reset(&b);
	for (int i = 0; i < 3; i++) {
		if (sp->missing[i] == 0)
			continue;
		buf_adds(&b, b.len ? ", " : "");
		count(&b, sp->missing[i]);
		buf_printf(&b, " without %s", need[i]);
	}
	if (b.len > 0) {
		struct buf n = BUF_INIT;
		count(&n, sp->incomplete);
		diag_warn(d, "%s record%s cannot be events (%s): kept as _error "
		    "events; --strict stops at the first", n.data,
		    sp->incomplete == 1 ? "" : "s", b.data);
		buf_free(&n);
	}
	if (sp->unmatched > 0) {
		buf_reset(&b);
		count(&b, sp->unmatched);
		if (sp->name != NULL)
			diag_warn(d, "%s of %lu records have nothing preset %s "
			    "reads (kept as _error events): is this a %s "
			    "export?", b.data, sp->records, sp->name, sp->name);
		else
			diag_warn(d, "%s record%s nothing to import (kept as "
			    "_error events)", b.data, sp->unmatched == 1 ?
			    " has" : "s have");
	}
	for (int i = 0; i < sp->nrules; i++) {
		const struct import_rule *r = &sp->rules[i];
		for (int k = 0; k < r->nfields; k++) {
			const struct import_field *f = &r->fields[k];
			if (f->quiet || f->tried == 0 || f->found > 0 ||
			    name_found(r, f->name))
				continue;
			buf_reset(&b);
			count(&b, f->tried);
			diag_warn(d, "%s: source '%s' never found in %s record%s",
			    f->name, ex_source(f->expr), b.data,
			    f->tried == 1 ? "" : "s");
		}
	}
	buf_free(&b);
}

void
import_spec_add_counts(struct import_spec *dst, const struct import_spec *src)
{
	dst->records += src->records;
	dst->events += src->events;
	dst->unmatched += src->unmatched;
	dst->skipped += src->skipped;
	dst->incomplete += src->incomplete;
	for (int i = 0; i < 3; i++)
		dst->missing[i] += src->missing[i];
	for (int i = 0; i < dst->nrules && i < src->nrules; i++) {
		struct import_rule *d = &dst->rules[i];
		const struct import_rule *s = &src->rules[i];
		for (int k = 0; k < d->ndrops && k < s->ndrops; k++)
			d->drops[k].count += s->drops[k].count;
		d->repeated += s->repeated;
		for (int k = 0; k < d->nfields && k < s->nfields; k++) {
			d->fields[k].tried += s->fields[k].tried;
			d->fields[k].found += s->fields[k].found;
		}
	}
}

int
import_spec_needs_all(const struct import_spec *sp)
{
	for (int i = 0; i < sp->nrules; i++)
		if (sp->rules[i].unique != NULL)
			return 1;
	return 0;
}

struct name_check {
	int	(*has)(void *, const char *);
	void	*ctx;
	int	 any;
};

static void
check_one(void *ctx, const char *name)
{
	struct name_check *nc = ctx;

	nc->any |= nc->has(nc->ctx, name) != 0;
}

const struct import_field *
import_check_names(const struct import_spec *sp,
    int (*has)(void *, const char *), void *ctx)
{
	for (int i = 0; i < sp->nrules; i++) {
		const struct import_rule *r = &sp->rules[i];
		for (int k = 0; k < r->nfields; k++) {
			struct name_check nc = { has, ctx, 0 };
			int free_choices = ex_roots(r->fields[k].expr, check_one,
			    &nc);
			if (!nc.any && free_choices == 0)
				return &r->fields[k];
		}
	}
	return NULL;
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
