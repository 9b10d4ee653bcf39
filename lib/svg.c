#include <math.h>
#include <stdio.h>
#include <string.h>

#include "svg.h"
#include "text.h"

#define FONT		11	/* px, labels */
#define EM_PER_COL	0.55	/* a display column in em (see svg.h) */
#define LEGEND_H	20

/* Colours that stay apart for the colour-blind (Okabe and Ito). */
static const char *const series_colour[] = { "#0072B2", "#E69F00",
	"#009E73", "#CC79A7" };
#define TARGET_COLOUR	"#D55E00"
#define GRID_COLOUR	"#e2e2e2"
#define AXIS_COLOUR	"#555555"
#define MARK_BG		"#f1f1f1"

void
svg_escape(struct buf *out, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&': buf_adds(out, "&amp;"); break;
		case '<': buf_adds(out, "&lt;"); break;
		case '>': buf_adds(out, "&gt;"); break;
		case '"': buf_adds(out, "&quot;"); break;
		case '\'': buf_adds(out, "&#39;"); break;
		default: buf_addc(out, *s);
		}
}

/* The width of a label in px at font size fs. */
static double
label_width(const char *s, double fs)
{
	return (double)text_width(s, strlen(s)) * fs * EM_PER_COL;
}

/* ---- ticks --------------------------------------------------------------- */

void
svg_nice_ticks(double min, double max, int max_ticks, struct svg_ticks *t)
{
	static const double steps[] = { 1, 2, 5, 10 };
	double span, rough, mag, step = 1;

	if (max_ticks < 2)
		max_ticks = 2;
	if (!(min <= max) || !isfinite(min) || !isfinite(max))
		min = max = 0;
	if (min > 0)
		min = 0;
	if (max <= min)
		max = min + 1;
	span = max - min;
	rough = span / (max_ticks - 1);
	mag = pow(10, floor(log10(rough)));
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
		step = steps[i] * mag;
		if (ceil(max / step - 1e-9) - floor(min / step + 1e-9) <=
		    max_ticks - 1)
			break;
	}
	t->step = step;
	t->lo = floor(min / step + 1e-9) * step;
	t->hi = ceil(max / step - 1e-9) * step;
	t->n = (int)llround((t->hi - t->lo) / step) + 1;
}

void
svg_duration_ticks(double max, int max_ticks, struct svg_ticks *t)
{
	static const double steps[] = { 1, 2, 5, 10, 15, 30, 60, 120, 300,
		600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
		172800, 604800 };
	double step = 0;

	if (max_ticks < 2)
		max_ticks = 2;
	if (!(max > 0) || !isfinite(max))
		max = 60;
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
		if (ceil(max / steps[i] - 1e-9) <= max_ticks - 1) {
			step = steps[i];
			break;
		}
	if (step == 0) {		/* weeks and beyond: round days */
		svg_nice_ticks(0, max / 86400, max_ticks, t);
		t->step *= 86400;
		t->hi *= 86400;
		return;
	}
	t->step = step;
	t->lo = 0;
	t->hi = ceil(max / step - 1e-9) * step;
	t->n = (int)llround(t->hi / step) + 1;
}

/* ---- pieces -------------------------------------------------------------- */

static void
open_svg(struct buf *out, const char *title, int w, int h)
{
	buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" "
	    "font-size=\"%d\" aria-label=\"", w, h, FONT);
	svg_escape(out, title);
	buf_adds(out, "\"><title>");
	svg_escape(out, title);
	buf_adds(out, "</title>");
}

static void
hatch_def(struct buf *out, const char *id)
{
	buf_adds(out, "<defs><pattern id=\"");
	svg_escape(out, id);
	buf_adds(out, "-hatch\" width=\"6\" height=\"6\" "
	    "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
	    "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#8a8a8a\" "
	    "stroke-width=\"2\"/></pattern></defs>");
}

static void
hatch_rect(struct buf *out, const char *id, double x, double y, double w,
    double h)
{
	buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
	    "height=\"%.1f\" fill=\"url(#", x, y, w, h);
	svg_escape(out, id);
	buf_adds(out, "-hatch)\"/>");
}

static void
text_at(struct buf *out, double x, double y, const char *anchor,
    const char *fill, const char *s)
{
	buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" "
	    "fill=\"%s\">", x, y, anchor, fill);
	svg_escape(out, s);
	buf_adds(out, "</text>");
}

static void
format(svg_format_fn fmt, void *ctx, double v, struct buf *out)
{
	if (fmt != NULL)
		fmt(ctx, v, out);
	else
		buf_printf(out, "%g", v);
}

/* One legend entry from x: a swatch (a colour, a dash or the hatch) and
 * its words; returns the x after it. */
enum swatch { SW_FILL, SW_DASH, SW_HATCH };

static double
legend_item(struct buf *out, const char *id, double x, enum swatch sw,
    const char *colour, const char *words)
{
	double y = 6;

	switch (sw) {
	case SW_FILL:
		buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" "
		    "height=\"10\" fill=\"%s\"/>", x, y, colour);
		break;
	case SW_DASH:
		buf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\" "
		    "stroke-dasharray=\"4 3\"/>", x, y + 5, x + 14, y + 5,
		    colour);
		x += 4;
		break;
	case SW_HATCH:
		buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" "
		    "height=\"10\" fill=\"" MARK_BG "\" stroke=\"#bbbbbb\"/>",
		    x, y);
		hatch_rect(out, id, x, y, 10, 10);
		break;
	}
	text_at(out, x + 14, y + 9, "start", AXIS_COLOUR, words);
	return x + 14 + label_width(words, FONT) + 14;
}

/* ---- bars and lines ------------------------------------------------------ */

struct frame {
	double	left, right, top, bottom;	/* the plot area */
	double	band;				/* width of a category */
	struct svg_ticks ticks;
};

static double
y_of(const struct frame *f, double v)
{
	double span = f->ticks.hi - f->ticks.lo;

	return f->bottom - (v - f->ticks.lo) / span * (f->bottom - f->top);
}

static double
series_max(const struct svg_chart *c)
{
	double max = 0;

	for (int s = 0; s < c->nseries; s++)
		for (int i = 0; i < c->n; i++)
			if (!isnan(c->series[s].v[i]) && c->series[s].v[i] > max)
				max = c->series[s].v[i];
	if (!isnan(c->target) && c->target > max)
		max = c->target;
	if (c->y_max > 0 && c->y_max > max)
		max = c->y_max;
	return max;
}

static int
any_marked(const unsigned char *m, int n)
{
	for (int i = 0; m != NULL && i < n; i++)
		if (m[i])
			return 1;
	return 0;
}

/* The y axis: grid lines and their labels; sets the left margin. */
static void
y_axis(struct buf *out, const struct svg_chart *c, struct frame *f,
    struct buf *tmp)
{
	double widest = 0;

	for (int i = 0; i < f->ticks.n; i++) {
		buf_reset(tmp);
		format(c->fmt, c->fmt_ctx, f->ticks.lo + i * f->ticks.step, tmp);
		if (label_width(buf_str(tmp), FONT) > widest)
			widest = label_width(buf_str(tmp), FONT);
	}
	f->left = widest + 10;
	f->band = (f->right - f->left) / (c->n > 0 ? c->n : 1);
	for (int i = 0; i < f->ticks.n; i++) {
		double v = f->ticks.lo + i * f->ticks.step, y = y_of(f, v);
		buf_reset(tmp);
		format(c->fmt, c->fmt_ctx, v, tmp);
		buf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"%s\"/>", f->left, y, f->right, y,
		    i == 0 ? AXIS_COLOUR : GRID_COLOUR);
		text_at(out, f->left - 5, y + 4, "end", AXIS_COLOUR,
		    buf_str(tmp));
	}
}

/* Every k-th x label, counted back from the last, so that none touch. */
static void
x_labels(struct buf *out, const struct svg_chart *c, const struct frame *f)
{
	double widest = 0;
	int every;

	for (int i = 0; i < c->n; i++)
		if (label_width(c->labels[i], FONT) > widest)
			widest = label_width(c->labels[i], FONT);
	every = (int)ceil((widest + 6) / (f->band > 0 ? f->band : 1));
	if (every < 1)
		every = 1;
	for (int i = 0; i < c->n; i++) {
		double x = f->left + (i + 0.5) * f->band;
		double half = label_width(c->labels[i], FONT) / 2;
		if ((c->n - 1 - i) % every != 0)
			continue;
		if (x + half > c->width - 1)	/* kept inside the picture */
			x = c->width - 1 - half;
		text_at(out, x, f->bottom + 14, "middle", AXIS_COLOUR,
		    c->labels[i]);
	}
}

/* "label: value (series)" for a bar's or a point's <title>. */
static void
tip(struct buf *out, const struct svg_chart *c, int s, int i,
    struct buf *tmp)
{
	buf_adds(out, "<title>");
	svg_escape(out, c->tips ? c->tips[i] : c->labels[i]);
	if (c->nseries > 1 && c->series[s].name) {
		buf_adds(out, ", ");
		svg_escape(out, c->series[s].name);
	}
	buf_adds(out, ": ");
	buf_reset(tmp);
	format(c->fmt, c->fmt_ctx, c->series[s].v[i], tmp);
	svg_escape(out, buf_str(tmp));
	if (c->marked && c->marked[i] && c->mark_label) {
		buf_adds(out, " (");
		svg_escape(out, c->mark_label);
		buf_adds(out, ")");
	}
	buf_adds(out, "</title>");
}

static const char *
opacity(const struct svg_chart *c, int i)
{
	return c->strong == NULL || c->strong[i] ? "1" : "0.5";
}

static void
draw_bars(struct buf *out, const struct svg_chart *c, const struct frame *f,
    struct buf *tmp)
{
	double group = f->band * 0.8, w = group / c->nseries;

	for (int s = 0; s < c->nseries; s++)
		for (int i = 0; i < c->n; i++) {
			double v = c->series[s].v[i];
			if (isnan(v))
				continue;
			double x = f->left + i * f->band + f->band * 0.1 + s * w;
			double y = y_of(f, v);
			buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" "
			    "width=\"%.1f\" height=\"%.1f\" fill=\"%s\" "
			    "fill-opacity=\"%s\">", x, y, w > 1.5 ? w - 0.5 : w,
			    f->bottom - y, series_colour[s % 4], opacity(c, i));
			tip(out, c, s, i, tmp);
			buf_adds(out, "</rect>");
		}
}

static void
draw_lines(struct buf *out, const struct svg_chart *c, const struct frame *f,
    struct buf *tmp)
{
	for (int s = 0; s < c->nseries; s++) {
		const double *v = c->series[s].v;
		int pen = 0;
		buf_adds(out, "<path d=\"");
		for (int i = 0; i < c->n; i++) {
			if (isnan(v[i])) {
				pen = 0;
				continue;
			}
			buf_printf(out, "%s%.1f %.1f", pen ? " L" : " M",
			    f->left + (i + 0.5) * f->band, y_of(f, v[i]));
			pen = 1;
		}
		buf_printf(out, "\" fill=\"none\" stroke=\"%s\" "
		    "stroke-width=\"2\"/>", series_colour[s % 4]);
		for (int i = 0; i < c->n; i++) {
			if (isnan(v[i]))
				continue;
			buf_printf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" "
			    "fill=\"%s\" fill-opacity=\"%s\">",
			    f->left + (i + 0.5) * f->band, y_of(f, v[i]),
			    series_colour[s % 4], opacity(c, i));
			tip(out, c, s, i, tmp);
			buf_adds(out, "</circle>");
		}
	}
}

static void
legend(struct buf *out, const struct svg_chart *c)
{
	double x = 0;

	if (c->nseries > 1)
		for (int s = 0; s < c->nseries; s++)
			x = legend_item(out, c->id, x, SW_FILL,
			    series_colour[s % 4], c->series[s].name);
	if (!isnan(c->target) && c->target_label)
		x = legend_item(out, c->id, x, SW_DASH, TARGET_COLOUR,
		    c->target_label);
	if (any_marked(c->marked, c->n) && c->mark_label)
		legend_item(out, c->id, x, SW_HATCH, NULL, c->mark_label);
}

static int
has_legend(const struct svg_chart *c)
{
	return c->nseries > 1 || (!isnan(c->target) && c->target_label) ||
	    (any_marked(c->marked, c->n) && c->mark_label);
}

void
svg_chart(struct buf *out, const struct svg_chart *c)
{
	struct frame f;
	struct buf tmp = BUF_INIT;
	double max = series_max(c);

	if (c->duration)
		svg_duration_ticks(max, 5, &f.ticks);
	else
		svg_nice_ticks(0, max, 5, &f.ticks);
	f.right = c->width - 6;
	f.top = has_legend(c) ? LEGEND_H + 8 : 8;
	f.bottom = c->height - 20;
	open_svg(out, c->title, c->width, c->height);
	hatch_def(out, c->id);
	legend(out, c);
	/* The axis sets the left margin, so marks go under it by order of
	 * drawing only: draw the axis into a buffer of its own first. */
	struct buf axis = BUF_INIT;
	y_axis(&axis, c, &f, &tmp);
	for (int i = 0; c->marked != NULL && i < c->n; i++)
		if (c->marked[i]) {
			double x = f.left + i * f.band;
			buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" "
			    "width=\"%.1f\" height=\"%.1f\" fill=\"" MARK_BG
			    "\"/>", x, f.top, f.band, f.bottom - f.top);
			hatch_rect(out, c->id, x, f.top, f.band,
			    f.bottom - f.top);
		}
	buf_add(out, axis.data, axis.len);
	buf_free(&axis);
	x_labels(out, c, &f);
	if (c->kind == SVG_BARS)
		draw_bars(out, c, &f, &tmp);
	else
		draw_lines(out, c, &f, &tmp);
	if (!isnan(c->target)) {
		double y = y_of(&f, c->target);
		buf_printf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
		    "y2=\"%.1f\" stroke=\"" TARGET_COLOUR "\" stroke-width=\"1.5\" "
		    "stroke-dasharray=\"4 3\"/>", f.left, y, f.right, y);
	}
	buf_adds(out, "</svg>");
	buf_free(&tmp);
}

/* ---- heat map ------------------------------------------------------------ */

/* From a pale to a deep blue, t in [0, 1]. */
static void
shade(double t, char colour[8])
{
	static const int lo[3] = { 0xe3, 0xee, 0xf9 }, hi[3] = { 0x08, 0x45,
		0x94 };
	int rgb[3];

	for (int i = 0; i < 3; i++)
		rgb[i] = (int)lround(lo[i] + (hi[i] - lo[i]) * t);
	snprintf(colour, 8, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
}

static void
heat_legend(struct buf *out, const struct svg_heatmap *h, double left)
{
	double x = left;
	char colour[8];

	if (h->low_label) {
		text_at(out, x, 15, "start", AXIS_COLOUR, h->low_label);
		x += label_width(h->low_label, FONT) + 4;
	}
	for (int i = 0; i < 5; i++) {
		shade(i / 4.0, colour);
		buf_printf(out, "<rect x=\"%.1f\" y=\"6\" width=\"12\" "
		    "height=\"10\" fill=\"%s\"/>", x + i * 12, colour);
	}
	x += 64;
	if (h->high_label) {
		text_at(out, x, 15, "start", AXIS_COLOUR, h->high_label);
		x += label_width(h->high_label, FONT) + 16;
	}
	if (any_marked(h->marked, h->rows * h->cols) && h->mark_label)
		legend_item(out, h->id, x, SW_HATCH, NULL, h->mark_label);
}

void
svg_heatmap(struct buf *out, const struct svg_heatmap *h)
{
	struct buf tmp = BUF_INIT;
	double max = 0, left = 0, top = LEGEND_H + 8, cw, ch = 18, widest = 0;
	int width = 720, height, every;
	char colour[8];

	for (int i = 0; i < h->rows * h->cols; i++)
		if (!isnan(h->v[i]) && h->v[i] > max)
			max = h->v[i];
	for (int r = 0; r < h->rows; r++)
		if (label_width(h->row_labels[r], FONT) > left)
			left = label_width(h->row_labels[r], FONT);
	left += 8;
	cw = (width - left - 4) / h->cols;
	height = (int)(top + h->rows * ch + 20);
	open_svg(out, h->title, width, height);
	hatch_def(out, h->id);
	heat_legend(out, h, left);
	for (int r = 0; r < h->rows; r++) {
		text_at(out, left - 5, top + r * ch + 13, "end", AXIS_COLOUR,
		    h->row_labels[r]);
		for (int c = 0; c < h->cols; c++) {
			int i = r * h->cols + c;
			double v = h->v[i], x = left + c * cw, y = top + r * ch;
			if (isnan(v) || v <= 0)
				snprintf(colour, sizeof colour, "#f7f7f7");
			else
				shade(max > 0 ? v / max : 0, colour);
			buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" "
			    "width=\"%.1f\" height=\"%.1f\" fill=\"%s\" "
			    "stroke=\"#ffffff\">", x, y, cw, ch, colour);
			buf_adds(out, "<title>");
			svg_escape(out, h->row_labels[r]);
			buf_adds(out, " ");
			svg_escape(out, h->col_labels[c]);
			buf_adds(out, ": ");
			buf_reset(&tmp);
			format(h->fmt, h->fmt_ctx, isnan(v) ? 0 : v, &tmp);
			svg_escape(out, buf_str(&tmp));
			if (h->marked && h->marked[i] && h->mark_label) {
				buf_adds(out, " (");
				svg_escape(out, h->mark_label);
				buf_adds(out, ")");
			}
			buf_adds(out, "</title></rect>");
			if (h->marked && h->marked[i])
				hatch_rect(out, h->id, x, y, cw, ch);
		}
	}
	for (int c = 0; c < h->cols; c++)
		if (label_width(h->col_labels[c], FONT) > widest)
			widest = label_width(h->col_labels[c], FONT);
	every = (int)ceil((widest + 4) / cw);
	for (int c = 0; c < h->cols; c += every > 0 ? every : 1)
		text_at(out, left + (c + 0.5) * cw, top + h->rows * ch + 14,
		    "middle", AXIS_COLOUR, h->col_labels[c]);
	buf_adds(out, "</svg>");
	buf_free(&tmp);
}
