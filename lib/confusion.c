#include <stdlib.h>
#include <string.h>

#include "confusion.h"
#include "text.h"

void
conf_init(struct confusion *c)
{
	memset(c, 0, sizeof(*c));
}

void
conf_free(struct confusion *c)
{
	hmap_free(&c->labels);
	free(c->m);
	memset(c, 0, sizeof(*c));
}

static size_t
label_id(struct confusion *c, const char *name)
{
	size_t id = hmap_put(&c->labels, name, strlen(name), NULL);

	if (id >= c->cap) {
		size_t ncap = c->cap ? c->cap * 2 : 16;
		uint64_t *nm = xcalloc(ncap * ncap, sizeof(*nm));
		for (size_t i = 0; i < c->cap; i++)
			memcpy(nm + i * ncap, c->m + i * c->cap,
			    c->cap * sizeof(*nm));
		free(c->m);
		c->m = nm;
		c->cap = ncap;
	}
	return id;
}

void
conf_add(struct confusion *c, const char *truth, const char *pred)
{
	size_t t = label_id(c, truth), p = label_id(c, pred);

	c->m[t * c->cap + p]++;
	c->total++;
	c->correct += t == p;
}

double
conf_accuracy(const struct confusion *c)
{
	return c->total ? (double)c->correct / (double)c->total : 0;
}

static int
cmp_label(const void *a, const void *b)
{
	return strcmp(((const struct conf_label *)a)->name,
	    ((const struct conf_label *)b)->name);
}

/* Figures of every label in entry order (ids), then sorted by name. */
struct conf_label *
conf_labels(const struct confusion *c, size_t *np)
{
	size_t n = hmap_count(&c->labels);
	struct conf_label *v = xcalloc(n ? n : 1, sizeof(*v));

	for (size_t i = 0; i < n; i++) {
		uint64_t tp = c->m[i * c->cap + i], row = 0, col = 0;
		for (size_t j = 0; j < n; j++) {
			row += c->m[i * c->cap + j];
			col += c->m[j * c->cap + i];
		}
		v[i].name = hmap_at(&c->labels, i)->key;
		v[i].support = row;
		v[i].precision = col ? (double)tp / (double)col : 0;
		v[i].recall = row ? (double)tp / (double)row : 0;
		v[i].f1 = tp ? 2 * v[i].precision * v[i].recall /
		    (v[i].precision + v[i].recall) : 0;
	}
	qsort(v, n, sizeof(*v), cmp_label);
	*np = n;
	return v;
}

double
conf_macro_f1(const struct confusion *c)
{
	size_t n;
	struct conf_label *v = conf_labels(c, &n);
	double sum = 0;

	for (size_t i = 0; i < n; i++)
		sum += v[i].f1;
	free(v);
	return n ? sum / (double)n : 0;
}

static void
pad(struct buf *out, const char *s, size_t width)
{
	size_t w = text_width(s, strlen(s));

	buf_adds(out, s);
	while (w++ < width)
		buf_addc(out, ' ');
}

void
conf_report(const struct confusion *c, struct buf *out)
{
	size_t n, width = 5;
	struct conf_label *v = conf_labels(c, &n);

	buf_printf(out, "examples  %llu\naccuracy  %.3f\nmacro_f1  %.3f\n\n",
	    (unsigned long long)c->total, conf_accuracy(c), conf_macro_f1(c));
	for (size_t i = 0; i < n; i++) {
		size_t w = text_width(v[i].name, strlen(v[i].name));
		if (w > width)
			width = w;
	}
	pad(out, "label", width);
	buf_adds(out, "  precision  recall     f1  support\n");
	for (size_t i = 0; i < n; i++) {
		pad(out, v[i].name, width);
		buf_printf(out, "  %9.3f  %6.3f  %5.3f  %7llu\n", v[i].precision,
		    v[i].recall, v[i].f1, (unsigned long long)v[i].support);
	}
	buf_adds(out, "\nconfusion (rows: true label, columns: predicted, "
	    "in the order above)\n");
	for (size_t i = 0; i < n; i++) {
		size_t ti = hmap_find(&c->labels, v[i].name,
		    strlen(v[i].name));
		pad(out, v[i].name, width);
		for (size_t j = 0; j < n; j++) {
			size_t pj = hmap_find(&c->labels, v[j].name,
			    strlen(v[j].name));
			buf_printf(out, " %4llu",
			    (unsigned long long)c->m[ti * c->cap + pj]);
		}
		buf_addc(out, '\n');
	}
	free(v);
}
