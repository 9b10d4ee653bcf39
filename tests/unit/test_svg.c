/*
 * lib/svg: round ticks, duration ticks, and what a chart and a heat map
 * write (titles, escaping, marks, thinned labels, CJK widths).
 */
#include "unit.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "svg.h"

static void
ticks_are(double min, double max, int n, double lo, double hi, double step)
{
	struct svg_ticks t;

	svg_nice_ticks(min, max, n, &t);
	assert_float_equal(t.lo, lo, 1e-9);
	assert_float_equal(t.hi, hi, 1e-9);
	assert_float_equal(t.step, step, 1e-9);
	assert_int_equal(t.n, (int)llround((hi - lo) / step) + 1);
	assert_true(t.n <= n);
}

static void
test_nice_ticks(void **state)
{
	(void)state;
	ticks_are(0, 93, 5, 0, 100, 50);
	ticks_are(0, 93, 6, 0, 100, 20);
	ticks_are(0, 4.6, 6, 0, 5, 1);
	ticks_are(0, 0.93, 6, 0, 1, 0.2);
	ticks_are(0, 1234, 5, 0, 1500, 500);
	ticks_are(0, 1, 5, 0, 1, 0.5);
	ticks_are(3, 7, 5, 0, 8, 2);		/* from 0 */
	ticks_are(-12, 30, 6, -20, 30, 10);
	ticks_are(0, 0, 5, 0, 1, 0.5);		/* nothing: one unit */
	ticks_are(NAN, NAN, 5, 0, 1, 0.5);
}

static void
test_duration_ticks(void **state)
{
	struct svg_ticks t;

	(void)state;
	svg_duration_ticks(14 * 60 + 20, 5, &t);	/* 14m20s */
	assert_float_equal(t.step, 300, 0);		/* 5 min */
	assert_float_equal(t.hi, 900, 0);
	assert_int_equal(t.n, 4);
	svg_duration_ticks(3 * 3600 + 60, 5, &t);
	assert_float_equal(t.step, 3600, 0);
	assert_float_equal(t.hi, 4 * 3600, 0);
	svg_duration_ticks(42, 5, &t);
	assert_float_equal(t.step, 15, 0);
	assert_float_equal(t.hi, 45, 0);
	svg_duration_ticks(40 * 86400, 5, &t);		/* weeks: round days */
	assert_float_equal(fmod(t.step, 86400), 0, 0);
	assert_true(t.hi >= 40 * 86400 && t.n <= 5);
	svg_duration_ticks(0, 5, &t);
	assert_float_equal(t.hi, 60, 0);
}

static void
minutes(void *ctx, double v, struct buf *out)
{
	(void)ctx;
	buf_printf(out, "%gm", v / 60);
}

static int
count(const char *hay, const char *needle)
{
	int n = 0;

	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

static void
test_bars(void **state)
{
	static const char *const labels[] = { "00", "01", "02", "03" };
	static const double p50[] = { 600, NAN, 1800, 120 };
	static const unsigned char marked[] = { 0, 1, 1, 0 };
	struct svg_series s[] = { { "median", p50 } };
	struct svg_chart c = { .id = "frt", .title = "First <response> & more",
		.kind = SVG_BARS, .width = 600, .height = 200, .n = 4,
		.labels = labels, .series = s, .nseries = 1, .duration = 1,
		.fmt = minutes, .marked = marked, .mark_label = "no one on shift",
		.target = 1800, .target_label = "SLA 30m" };
	struct buf b = BUF_INIT;

	(void)state;
	svg_chart(&b, &c);
	const char *svg = buf_str(&b);
	assert_true(strncmp(svg, "<svg ", 5) == 0);
	assert_true(strstr(svg, "</svg>") == svg + b.len - 6);
	/* The title escaped, in <title> and aria-label. */
	assert_int_equal(count(svg, "First &lt;response&gt; &amp; more"), 2);
	/* Three bars (the NAN one is no bar), each with its own title. */
	assert_int_equal(count(svg, "<rect x=") - count(svg, "fill=\"url(")
	    - count(svg, "fill=\"#f1f1f1\""), 3);
	assert_non_null(strstr(svg, "<title>00: 10m</title>"));
	assert_non_null(strstr(svg, "<title>02: 30m (no one on shift)"));
	/* Two marked bands and the legend's swatch, hatched. */
	assert_int_equal(count(svg, "fill=\"url(#frt-hatch)\""), 3);
	assert_non_null(strstr(svg, ">no one on shift</text>"));
	assert_non_null(strstr(svg, "stroke-dasharray"));
	/* Ticks 0, 10m, 20m, 30m (duration steps of 10 min). */
	assert_non_null(strstr(svg, ">30m</text>"));
	assert_non_null(strstr(svg, ">10m</text>"));
	buf_free(&b);
}

/* The x of the first grid line: the left margin, made for the labels. */
static double
left_margin(const char *svg)
{
	const char *p = strstr(strstr(svg, "</defs>"), "<line x1=\"");
	double x;

	assert_non_null(p);
	assert_int_equal(sscanf(p, "<line x1=\"%lf\"", &x), 1);
	return x;
}

static void
label(void *ctx, double v, struct buf *out)
{
	buf_printf(out, "%s%g", (const char *)ctx, v);
}

static void
test_cjk_widths_and_thinning(void **state)
{
	char names[31][8];
	const char *labels[31];
	double v[31];
	struct svg_series s[] = { { "n", v } };
	struct svg_chart c = { .id = "t", .title = "t", .kind = SVG_LINES,
		.width = 300, .height = 150, .n = 31, .labels = labels,
		.series = s, .nseries = 1, .fmt = label, .fmt_ctx = "x",
		.target = NAN };
	struct buf a = BUF_INIT, b = BUF_INIT;

	(void)state;
	for (int i = 0; i < 31; i++) {
		snprintf(names[i], sizeof names[i], "%02d", i + 1);
		labels[i] = names[i];
		v[i] = i == 7 ? NAN : i;
	}
	svg_chart(&a, &c);
	/* Wide labels (two columns a character) get a wider margin. */
	c.fmt_ctx = "会话";
	svg_chart(&b, &c);
	assert_true(left_margin(buf_str(&b)) > left_margin(buf_str(&a)) + 10);
	/* 31 labels in under 300 px: thinned, the last one always shown. */
	int shown = count(buf_str(&a), "text-anchor=\"middle\"");
	assert_true(shown >= 5 && shown < 31);
	assert_non_null(strstr(buf_str(&a), ">31</text>"));
	/* A gap at the NAN: the path starts again with M. */
	assert_int_equal(count(buf_str(&a), " M"), 2);
	assert_int_equal(count(buf_str(&a), "<circle"), 30);
	buf_free(&a);
	buf_free(&b);
}

static void
test_heatmap(void **state)
{
	static const char *const rows[] = { "周一", "周二" };
	static const char *const cols[] = { "00", "01", "02" };
	static const double v[] = { 0, 5, 10, NAN, 1, 2 };
	static const unsigned char marked[] = { 1, 0, 0, 0, 0, 1 };
	struct svg_heatmap h = { .id = "hm", .title = "每小时消息", .rows = 2,
		.cols = 3, .row_labels = rows, .col_labels = cols, .v = v,
		.marked = marked, .mark_label = "无人值班", .low_label = "少",
		.high_label = "多" };
	struct buf b = BUF_INIT;

	(void)state;
	svg_heatmap(&b, &h);
	const char *svg = buf_str(&b);
	assert_non_null(strstr(svg, "<title>周一 00: 0 (无人值班)</title>"));
	assert_non_null(strstr(svg, "<title>周二 02: 2 (无人值班)</title>"));
	/* The largest value is the deepest colour; none and 0 are grey. */
	assert_non_null(strstr(svg, "fill=\"#084594\" stroke=\"#ffffff\"><title>周一 02"));
	assert_int_equal(count(svg, "fill=\"#f7f7f7\""), 2);
	/* Two marked cells and the legend's swatch. */
	assert_int_equal(count(svg, "url(#hm-hatch)"), 3);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nice_ticks),
		cmocka_unit_test(test_duration_ticks),
		cmocka_unit_test(test_bars),
		cmocka_unit_test(test_cjk_widths_and_thinning),
		cmocka_unit_test(test_heatmap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
