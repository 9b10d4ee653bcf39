/*
 * svg — small charts as inline SVG for reports: bars, lines and a heat
 * map, with axes whose ticks fall on round numbers (or round durations).
 *
 * Owns nothing: each function appends one <svg> element to a caller's buf,
 * and the caller's strings and arrays are only read.  The picture is drawn
 * in viewBox units with width="100%", so it scales to any screen or page;
 * colours, fonts sizes and strokes are attributes (no stylesheet needed),
 * the font is the page's.  Text that a chart must fit (axis labels, the
 * legend) is measured as its display width (text.h: CJK counts two
 * columns) times 0.55 em a column, which over-estimates Latin text a
 * little and is exact enough for CJK, so labels never overlap; x labels
 * that would crowd are thinned out to every k-th.  Every chart has a
 * <title> (read out by screen readers) and each bar, point and cell a
 * <title> of its own with its label and value, so nothing is told by
 * colour alone: marked categories are also hatched and named in the
 * legend.  Output is the same bytes for the same input (numbers written
 * with one decimal, no locale).
 */
#ifndef CSKIT_SVG_H
#define CSKIT_SVG_H

#include "buf.h"

/* Text for XML/HTML, escaped (& < > " '), appended to out. */
void	svg_escape(struct buf *out, const char *s);

/* Ticks at lo, lo + step, ... hi (n of them), round numbers covering
 * [min, max]. */
struct svg_ticks {
	double	lo, hi, step;
	int	n;
};
/* 1, 2 or 5 times a power of ten, at most max_ticks ticks, from 0 when
 * min >= 0. */
void	svg_nice_ticks(double min, double max, int max_ticks,
	    struct svg_ticks *);
/* For seconds: steps of 1, 2, 5, 10, 15, 30 s, 1, 2, 5, 10, 15, 30 min,
 * 1, 2, 3, 6, 12 h, 1, 2, 7 days ..., from 0. */
void	svg_duration_ticks(double max, int max_ticks, struct svg_ticks *);

/* Writes a value as a label ("12m", "1,204", "93%"). */
typedef void (*svg_format_fn)(void *ctx, double v, struct buf *out);

struct svg_series {
	const char	*name;		/* in the legend */
	const double	*v;		/* one per category; NAN: no data */
};

enum svg_kind { SVG_BARS, SVG_LINES };

struct svg_chart {
	const char	*id;		/* unique in the page (pattern ids) */
	const char	*title;		/* <title> of the chart */
	enum svg_kind	 kind;
	int		 width, height;	/* viewBox */
	int		 n;		/* categories */
	const char *const *labels;	/* n x-axis labels */
	const char *const *tips;	/* n longer names for <title>s, or NULL */
	const struct svg_series *series;
	int		 nseries;
	int		 duration;	/* values are seconds */
	svg_format_fn	 fmt;
	void		*fmt_ctx;
	/* Categories drawn hatched and named in the legend (e.g. the hours
	 * no one covers); NULL for none. */
	const unsigned char *marked;
	const char	*mark_label;
	/* Categories drawn stronger (e.g. the report's own period); NULL. */
	const unsigned char *strong;
	double		 target;	/* a dashed line at it; NAN: none */
	const char	*target_label;
	double		 y_max;		/* the axis' top when > 0 (a score's
					 * 5), else from the data */
};
void	svg_chart(struct buf *out, const struct svg_chart *);

struct svg_heatmap {
	const char	*id;
	const char	*title;
	int		 rows, cols;
	const char *const *row_labels;	/* rows */
	const char *const *col_labels;	/* cols; thinned out when crowded */
	const double	*v;		/* rows * cols, row by row; NAN: none */
	const unsigned char *marked;	/* rows * cols, or NULL */
	const char	*mark_label;	/* legend of marked cells */
	const char	*low_label, *high_label;	/* ends of the scale */
	svg_format_fn	 fmt;
	void		*fmt_ctx;
};
void	svg_heatmap(struct buf *out, const struct svg_heatmap *);

#endif
