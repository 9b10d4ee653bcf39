/*
 * report_html — cs-report's page: one self-contained HTML file with its
 * style and its charts inline (SVG), no script, no font or picture from
 * elsewhere, so it opens from a mail attachment or a shared folder, prints
 * on A4 and reads on a phone.  Figures carry their value as cs-kpi writes
 * it (data-metric, data-value) for whoever checks the page.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "json.h"
#include "report.h"
#include "svg.h"

static const char style[] =
"*{box-sizing:border-box}"
"body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\","
"\"Helvetica Neue\",Arial,\"PingFang SC\",\"Hiragino Sans GB\","
"\"Microsoft YaHei\",\"Noto Sans CJK SC\",\"WenQuanYi Micro Hei\",sans-serif;"
"margin:0 auto;max-width:1000px;padding:16px;color:#1b1b1b;"
"background:#fff;line-height:1.45;font-size:15px}"
"h1{font-size:1.5em;margin:0 0 .2em}"
"h2{font-size:1.15em;margin:1.5em 0 .5em;padding-bottom:.2em;"
"border-bottom:1px solid #d8d8d8}"
"p{margin:.3em 0}.muted{color:#555}"
".stale{background:#fff4e5;border:1px solid #e0a040;padding:8px 10px;"
"border-radius:4px}"
".cards{display:grid;grid-template-columns:repeat(auto-fill,"
"minmax(210px,1fr));gap:10px}"
".card{border:1px solid #d8d8d8;border-radius:6px;padding:9px 12px;"
"break-inside:avoid}"
".card .label{color:#444;font-size:.9em}"
".card .value{font-size:1.6em;font-weight:600;"
"font-variant-numeric:tabular-nums}"
".card .cmp,.card .avg,.card .goal{font-size:.85em;color:#444}"
".better{color:#1a7f37}.worse{color:#b42318}"
".met{color:#1a7f37}.missed,.nodata{color:#b42318}"
".badge{font-weight:700}"
".targets{padding-left:1.2em}"
".scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}"
"table{border-collapse:collapse;width:100%;font-size:.9em}"
"th,td{padding:4px 8px;border-bottom:1px solid #ececec;text-align:left;"
"white-space:nowrap}"
"th{font-weight:600;color:#333}"
".n{text-align:right;font-variant-numeric:tabular-nums}"
"figure{margin:0 0 14px}"
"figcaption{font-weight:600;font-size:.95em;margin:0 0 2px}"
"svg{display:block;max-width:100%;height:auto}"
".chart{overflow-x:auto;-webkit-overflow-scrolling:touch}"
".chg{display:block;font-size:.85em}"
"footer{margin-top:2em;font-size:.85em;color:#555}"
"a{color:#0b5cad}"
"@media (max-width:600px){body{padding:10px;font-size:14px}"
".cards{grid-template-columns:1fr 1fr}.card .value{font-size:1.3em}"
".chart svg{min-width:560px;max-width:none}}"
"@page{size:A4;margin:14mm}"
"@media print{body{max-width:none;padding:0;font-size:10pt}"
"h2{break-after:avoid}figure,.card,tr{break-inside:avoid}"
".cards{grid-template-columns:repeat(4,1fr)}"
".scroll{overflow:visible}"
"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

struct page {
	struct report	*r;
	struct buf	*out;
	struct buf	 t;		/* scratch */
};

static void
esc(struct page *p, const char *s)
{
	svg_escape(p->out, s);
}

static void
word(struct page *p, enum rw w)
{
	esc(p, report_word(p->r, w));
}

/* A value of a kind, escaped, into the page. */
static void
value(struct page *p, enum kpi_kind kind, double v)
{
	buf_reset(&p->t);
	report_value(p->r, kind, v, &p->t);
	esc(p, buf_str(&p->t));
}

/* The number as cs-kpi writes it, for data-value. */
static void
raw(struct page *p, double v)
{
	if (isnan(v))
		buf_adds(p->out, "null");
	else
		json_write_number(p->out, v);
}

static void
change(struct page *p, enum kpi_kind kind, double is, double was, int better)
{
	int dir;

	buf_reset(&p->t);
	report_change(p->r, kind, is, was, better, &p->t, &dir);
	buf_printf(p->out, "<span class=\"%s\">%s", dir > 0 ? "better" :
	    dir < 0 ? "worse" : "same", is > was ? "▲ " : is < was ? "▼ " : "");
	esc(p, buf_str(&p->t));
	buf_adds(p->out, "</span>");
}

/* ---- header and targets -------------------------------------------------- */

static void
header(struct page *p)
{
	const struct report_opts *o = report_options(p->r);
	struct buf b = BUF_INIT;

	buf_adds(p->out, "<header><h1>");
	word(p, RW_TITLE);
	buf_adds(p->out, "</h1>");
	if (o->title) {
		buf_adds(p->out, "<p><strong>");
		esc(p, o->title);
		buf_adds(p->out, "</strong></p>");
	}
	buf_adds(p->out, "<p class=\"period\"><strong>");
	report_period_text(p->r, &b);
	esc(p, buf_str(&b));
	buf_adds(p->out, "</strong> · ");
	buf_reset(&b);
	report_say(p->r, RW_ZONE, o->zone_name ? o->zone_name : "UTC", NULL,
	    &b);
	esc(p, buf_str(&b));
	if (o->hours_text) {
		buf_reset(&b);
		report_say(p->r, RW_HOURS_OPEN, o->hours_text, NULL, &b);
		buf_adds(p->out, " · ");
		esc(p, buf_str(&b));
	}
	buf_adds(p->out, "</p><p class=\"muted\">");
	buf_reset(&b);
	report_compare_text(p->r, &b);
	esc(p, buf_str(&b));
	buf_adds(p->out, "</p>");
	buf_reset(&b);
	report_latest_text(p->r, &b);
	if (report_stale(p->r))
		buf_adds(p->out, "<p class=\"stale\" role=\"alert\">");
	else
		buf_adds(p->out, "<p class=\"muted\">");
	esc(p, buf_str(&b));
	buf_adds(p->out, "</p></header>");
	buf_free(&b);
}

static void
targets(struct page *p)
{
	int n = report_nchecks(p->r), met = 0;
	char a[16], b[16];
	struct buf s = BUF_INIT;
	double v;

	buf_adds(p->out, "<section id=\"targets\"><h2>");
	word(p, RW_TARGETS);
	buf_adds(p->out, "</h2>");
	if (n == 0) {
		buf_adds(p->out, "<p class=\"muted\">");
		word(p, RW_NO_TARGETS);
		buf_adds(p->out, "</p></section>");
		return;
	}
	for (int i = 0; i < n; i++)
		met += report_check(p->r, i, &v) == 1;
	snprintf(a, sizeof a, "%d", met);
	snprintf(b, sizeof b, "%d", n);
	report_say(p->r, RW_TARGETS_SUMMARY, a, b, &s);
	buf_printf(p->out, "<p class=\"%s\"><strong>", met == n ? "met" :
	    "missed");
	esc(p, buf_str(&s));
	buf_adds(p->out, "</strong></p><ul class=\"targets\">");
	for (int i = 0; i < n; i++) {
		int st = report_check(p->r, i, &v);
		buf_printf(p->out, "<li class=\"%s\" data-status=\"%s\" "
		    "data-value=\"", st == 1 ? "met" : st == 0 ? "missed" :
		    "nodata", st == 1 ? "met" : st == 0 ? "missed" : "nodata");
		raw(p, st < 0 ? NAN : v);
		buf_adds(p->out, "\"><span class=\"badge\">");
		buf_adds(p->out, st == 1 ? "✔ " : "✘ ");
		word(p, st == 1 ? RW_MET : RW_MISSED);
		buf_adds(p->out, "</span> <code>");
		buf_reset(&s);
		report_check_text(p->r, i, &s);
		esc(p, buf_str(&s));
		buf_adds(p->out, "</code>");
		word(p, RW_COLON);
		buf_adds(p->out, "<strong>");
		buf_reset(&s);
		report_check_value(p->r, i, &s);
		esc(p, buf_str(&s));
		buf_adds(p->out, "</strong></li>");
	}
	buf_adds(p->out, "</ul></section>");
	buf_free(&s);
}

/* ---- headline ------------------------------------------------------------ */

static void
card(struct page *p, const struct report_figure *f)
{
	struct buf s = BUF_INIT;
	double v;

	buf_adds(p->out, "<div class=\"card\" data-metric=\"");
	esc(p, f->metric);
	buf_adds(p->out, "\" data-value=\"");
	raw(p, f->now);
	buf_adds(p->out, "\"><div class=\"label\">");
	if (f->label == RW_SLA_SHARE) {
		report_sla_text(p->r, &s);
		buf_reset(&p->t);
		report_say(p->r, RW_SLA_SHARE, buf_str(&s), NULL, &p->t);
		esc(p, buf_str(&p->t));
	} else
		word(p, f->label);
	buf_adds(p->out, "</div><div class=\"value\">");
	value(p, f->kind, f->now);
	if (!isnan(f->extra)) {
		char n[32];
		buf_reset(&s);
		snprintf(n, sizeof n, "%.0f", f->extra);
		report_say(p->r, RW_RATINGS, n, NULL, &s);
		buf_adds(p->out, " <small class=\"muted\">");
		word(p, RW_LPAREN);
		esc(p, buf_str(&s));
		word(p, RW_RPAREN);
		buf_adds(p->out, "</small>");
	}
	buf_adds(p->out, "</div>");
	if (!isnan(f->prev)) {
		buf_adds(p->out, "<div class=\"cmp\">");
		change(p, f->kind, f->now, f->prev, f->better);
		buf_adds(p->out, " · ");
		word(p, RW_PREVIOUS);
		buf_adds(p->out, " ");
		value(p, f->kind, f->prev);
		buf_adds(p->out, "</div>");
	}
	if (!isnan(f->week)) {
		buf_adds(p->out, "<div class=\"avg\">");
		word(p, RW_WEEK_AVG);
		buf_adds(p->out, " ");
		value(p, f->kind, f->week);
		buf_adds(p->out, "</div>");
	}
	if (f->check >= 0) {
		int st = report_check(p->r, f->check, &v);
		buf_printf(p->out, "<div class=\"goal %s\"><span class=\"badge\">"
		    "%s", st == 1 ? "met" : st == 0 ? "missed" : "nodata",
		    st == 1 ? "✔ " : "✘ ");
		word(p, st == 1 ? RW_MET : RW_MISSED);
		buf_adds(p->out, "</span> <code>");
		buf_reset(&s);
		report_check_text(p->r, f->check, &s);
		esc(p, buf_str(&s));
		buf_adds(p->out, "</code></div>");
	}
	buf_adds(p->out, "</div>");
	buf_free(&s);
}

static void
headline(struct page *p)
{
	buf_adds(p->out, "<section id=\"headline\"><h2>");
	word(p, RW_HEADLINE);
	buf_adds(p->out, "</h2><div class=\"cards\">");
	for (int i = 0; i < report_nfigures(p->r); i++)
		card(p, report_figure(p->r, i));
	buf_adds(p->out, "</div></section>");
}

/* ---- charts -------------------------------------------------------------- */

struct fmt_ctx {
	struct report	*r;
	enum kpi_kind	 kind;
};

static void
fmt(void *ctx, double v, struct buf *out)
{
	struct fmt_ctx *f = ctx;

	report_value(f->r, f->kind, v, out);
}

static void
figure(struct page *p, enum rw caption, struct svg_chart *c)
{
	buf_adds(p->out, "<figure><figcaption>");
	word(p, caption);
	buf_adds(p->out, "</figcaption><div class=\"chart\">");
	svg_chart(p->out, c);
	buf_adds(p->out, "</div></figure>");
}

static void
trend(struct page *p)
{
	int n = report_trend_days(p->r), inp;
	char days[16];
	double *conv = xcalloc((size_t)n, sizeof *conv);
	double *frt = xcalloc((size_t)n, sizeof *frt);
	double *csat = xcalloc((size_t)n, sizeof *csat);
	unsigned char *strong = xcalloc((size_t)n, 1);
	struct buf *labels = xcalloc((size_t)n, sizeof *labels);
	const char **lp = xcalloc((size_t)n, sizeof *lp);
	struct fmt_ctx fc = { p->r, KPI_COUNT }, fd = { p->r, KPI_DURATION },
	    fs = { p->r, KPI_COUNT };	/* a score's axis: 1 2 3, 3.5 */
	struct buf sla = BUF_INIT, sla_label = BUF_INIT;

	for (int i = 0; i < n; i++) {
		report_trend_day(p->r, i, &labels[i], &conv[i], &frt[i],
		    &csat[i], &inp);
		strong[i] = (unsigned char)inp;
		lp[i] = buf_str(&labels[i]);
	}
	snprintf(days, sizeof days, "%d", n);
	buf_adds(p->out, "<section id=\"trend\"><h2>");
	buf_reset(&p->t);
	report_say(p->r, RW_TREND, days, NULL, &p->t);
	esc(p, buf_str(&p->t));
	buf_adds(p->out, "</h2>");
	struct svg_series s1[] = { { report_word(p->r, RW_CONVERSATIONS),
		conv } };
	struct svg_chart c = { .id = "trend-volume",
		.title = report_word(p->r, RW_TREND_VOLUME), .kind = SVG_BARS,
		.width = 720, .height = 170, .n = n, .labels = lp,
		.series = s1, .nseries = 1, .fmt = fmt, .fmt_ctx = &fc,
		.strong = strong, .target = NAN };
	figure(p, RW_TREND_VOLUME, &c);
	struct svg_series s2[] = { { report_word(p->r, RW_MEDIAN), frt } };
	report_sla_text(p->r, &sla);
	report_say(p->r, RW_SLA_LINE, buf_str(&sla), NULL, &sla_label);
	c.id = "trend-frt";
	c.title = report_word(p->r, RW_TREND_FRT);
	c.kind = SVG_LINES;
	c.series = s2;
	c.duration = 1;
	c.fmt_ctx = &fd;
	c.target = report_options(p->r)->kpi.sla;
	c.target_label = buf_str(&sla_label);
	figure(p, RW_TREND_FRT, &c);
	struct svg_series s3[] = { { report_word(p->r, RW_CSAT), csat } };
	c.id = "trend-csat";
	c.title = report_word(p->r, RW_TREND_CSAT);
	c.series = s3;
	c.duration = 0;
	c.fmt_ctx = &fs;
	c.target = NAN;
	c.y_max = 5;
	figure(p, RW_TREND_CSAT, &c);
	buf_adds(p->out, "</section>");
	for (int i = 0; i < n; i++)
		buf_free(&labels[i]);
	free(labels);
	free(lp);
	free(conv);
	free(frt);
	free(csat);
	free(strong);
	buf_free(&sla);
	buf_free(&sla_label);
}

static void
hours(struct page *p)
{
	double p50[24], p90[24], conv, msgs[168];
	unsigned char marked[24], wmarked[168];
	char names[24][16], days[16];
	const char *labels[24], *rows[7];
	struct buf wd[7], s = BUF_INIT;
	struct fmt_ctx fd = { p->r, KPI_DURATION }, fc = { p->r, KPI_COUNT };
	int unc, cover = report_has_cover(p->r);

	for (int h = 0; h < 24; h++) {
		report_hour(p->r, h, &p50[h], &p90[h], &conv, &unc);
		marked[h] = unc == 1;
		snprintf(names[h], sizeof names[h], "%02d", h);
		labels[h] = names[h];
	}
	for (int d = 0; d < 7; d++) {
		wd[d] = (struct buf)BUF_INIT;
		l10n_weekday(report_lang(p->r), d, &wd[d]);
		rows[d] = buf_str(&wd[d]);
		for (int h = 0; h < 24; h++) {
			report_week_hour(p->r, d, h, &msgs[d * 24 + h], &unc);
			wmarked[d * 24 + h] = unc == 1;
		}
	}
	buf_adds(p->out, "<section id=\"hours\"><h2>");
	word(p, RW_HOURS);
	buf_adds(p->out, "</h2><p class=\"muted\">");
	snprintf(days, sizeof days, "%d", report_trend_days(p->r));
	report_say(p->r, RW_HOURS_NOTE, report_options(p->r)->zone_name ?
	    report_options(p->r)->zone_name : "UTC", days, &s);
	esc(p, buf_str(&s));
	word(p, RW_SENTENCE);
	if (!cover)
		word(p, RW_NO_ROSTER);
	else {
		buf_reset(&s);
		report_uncovered_text(p->r, &s);
		esc(p, buf_str(&s));
	}
	buf_adds(p->out, "</p>");
	struct svg_series ser[] = { { report_word(p->r, RW_MEDIAN), p50 },
		{ report_word(p->r, RW_P90), p90 } };
	struct svg_chart c = { .id = "hours-frt",
		.title = report_word(p->r, RW_HOURS), .kind = SVG_BARS,
		.width = 720, .height = 200, .n = 24, .labels = labels,
		.series = ser, .nseries = 2, .duration = 1, .fmt = fmt,
		.fmt_ctx = &fd, .marked = cover ? marked : NULL,
		.mark_label = report_word(p->r, RW_NO_COVER), .target = NAN };
	buf_adds(p->out, "<div class=\"chart\">");
	svg_chart(p->out, &c);
	buf_adds(p->out, "</div><figure><figcaption>");
	word(p, RW_HEATMAP);
	buf_adds(p->out, "</figcaption><div class=\"chart\">");
	struct svg_heatmap hm = { .id = "week-hours",
		.title = report_word(p->r, RW_HEATMAP), .rows = 7, .cols = 24,
		.row_labels = rows, .col_labels = labels, .v = msgs,
		.marked = cover ? wmarked : NULL,
		.mark_label = report_word(p->r, RW_NO_COVER),
		.low_label = report_word(p->r, RW_HEAT_FEW),
		.high_label = report_word(p->r, RW_HEAT_MANY), .fmt = fmt,
		.fmt_ctx = &fc };
	svg_heatmap(p->out, &hm);
	buf_adds(p->out, "</div></figure></section>");
	for (int d = 0; d < 7; d++)
		buf_free(&wd[d]);
	buf_free(&s);
}

/* ---- tables -------------------------------------------------------------- */

static void
th(struct page *p, enum rw w, int num)
{
	buf_adds(p->out, num ? "<th class=\"n\">" : "<th>");
	word(p, w);
	buf_adds(p->out, "</th>");
}

static void
td_value(struct page *p, enum kpi_kind kind, double v)
{
	buf_adds(p->out, "<td class=\"n\">");
	value(p, kind, v);
	buf_adds(p->out, "</td>");
}

/* A value with its change from the period before under it. */
static void
td_both(struct page *p, enum kpi_kind kind, double is, double was,
    int better)
{
	buf_adds(p->out, "<td class=\"n\">");
	value(p, kind, is);
	if (!isnan(was) || !isnan(is)) {
		buf_adds(p->out, "<span class=\"chg\">");
		change(p, kind, is, was, better);
		buf_adds(p->out, "</span>");
	}
	buf_adds(p->out, "</td>");
}

/* "N more rows/conversations …" under a table cut short. */
static void
more_note(struct page *p, enum rw word, int n)
{
	struct buf s = BUF_INIT;

	report_say_count(p->r, word, n, &s);
	buf_adds(p->out, "<p class=\"muted\">");
	esc(p, buf_str(&s));
	buf_adds(p->out, "</p>");
	buf_free(&s);
}

static void
table(struct page *p, int t)
{
	int more, n = report_table_rows(p->r, t, &more);
	struct buf s = BUF_INIT;

	buf_printf(p->out, "<section id=\"table-%d\"><h2>", t);
	word(p, report_table_title(t));
	buf_adds(p->out, "</h2><div class=\"scroll\"><table><thead><tr><th>"
	    "</th>");
	th(p, RW_CONVERSATIONS, 1);
	th(p, RW_COL_FRT, 1);
	buf_adds(p->out, "<th class=\"n\">");
	report_sla_text(p->r, &s);
	buf_reset(&p->t);
	report_say(p->r, RW_COL_SLA, buf_str(&s), NULL, &p->t);
	esc(p, buf_str(&p->t));
	buf_adds(p->out, "</th>");
	th(p, RW_COL_CSAT, 1);
	buf_adds(p->out, "</tr></thead><tbody>");
	for (int i = 0; i < n; i++) {
		const struct report_row *r = report_table_row(p->r, t, i);
		buf_adds(p->out, "<tr><td>");
		esc(p, report_row_label(p->r, t, r));
		buf_adds(p->out, "</td>");
		td_both(p, KPI_COUNT, r->conv, r->conv_prev, 0);
		td_both(p, KPI_DURATION, r->frt_p50, r->frt_p50_prev, -1);
		td_both(p, KPI_SHARE, r->sla, r->sla_prev, 1);
		td_both(p, KPI_SCORE, r->csat, r->csat_prev, 1);
		buf_adds(p->out, "</tr>");
	}
	buf_adds(p->out, "</tbody></table></div>");
	if (more > 0)
		more_note(p, RW_MORE_ROWS, more);
	buf_adds(p->out, "</section>");
	buf_free(&s);
}

static void
jumps(struct page *p)
{
	int n = report_njumps(p->r);
	struct buf s = BUF_INIT;

	buf_adds(p->out, "<section id=\"jumps\"><h2>");
	word(p, RW_JUMPS);
	buf_adds(p->out, "</h2>");
	if (n == 0) {
		buf_adds(p->out, "<p class=\"muted\">");
		word(p, RW_NO_JUMPS);
		buf_adds(p->out, "</p>");
	} else
		buf_adds(p->out, "<ul>");
	for (int i = 0; i < n; i++) {
		const struct report_jump *j = report_jump(p->r, i);
		buf_reset(&s);
		report_jump_text(p->r, j, &s);
		buf_adds(p->out, "<li data-intent=\"");
		esc(p, j->intent);
		buf_adds(p->out, "\">");
		esc(p, buf_str(&s));
		buf_adds(p->out, "</li>");
	}
	if (n > 0)
		buf_adds(p->out, "</ul>");
	buf_adds(p->out, "</section>");
	buf_free(&s);
}

static void
cell(struct page *p, const char *s)
{
	buf_adds(p->out, "<td>");
	if (s)
		esc(p, s);
	buf_adds(p->out, "</td>");
}

static void
list(struct page *p, int which)
{
	int total, n = report_list(p->r, which, &total);
	struct buf s = BUF_INIT;

	buf_printf(p->out, "<section id=\"%s\"><h2>", which == 0 ?
	    "escalations" : "waiting");
	word(p, which == 0 ? RW_ESCALATIONS : RW_LIST);
	buf_adds(p->out, " <small class=\"muted\">");
	word(p, RW_LPAREN);
	buf_printf(p->out, "%d", total);
	word(p, RW_RPAREN);
	buf_adds(p->out, "</small></h2>");
	if (n == 0) {
		buf_adds(p->out, "<p class=\"muted\">");
		word(p, which == 0 ? RW_NO_ESCALATIONS : RW_LIST_NONE);
		buf_adds(p->out, "</p></section>");
		return;
	}
	buf_adds(p->out, "<div class=\"scroll\"><table><thead><tr>");
	th(p, RW_CONVERSATION, 0);
	th(p, RW_STARTED, 0);
	th(p, RW_WAITED, 1);
	th(p, RW_STATE, 0);
	th(p, RW_AGENT, 0);
	th(p, RW_COUNTRY, 0);
	th(p, RW_LANG, 0);
	th(p, RW_INTENT, 0);
	buf_adds(p->out, "</tr></thead><tbody>");
	for (int i = 0; i < n; i++) {
		const struct report_item *it = report_item(p->r, which, i);
		buf_adds(p->out, "<tr><td>");
		buf_reset(&s);
		report_link(p->r, it->id, &s);
		if (s.len > 0) {
			buf_adds(p->out, "<a href=\"");
			esc(p, buf_str(&s));
			buf_adds(p->out, "\">");
			esc(p, it->id);
			buf_adds(p->out, "</a>");
		} else {
			buf_adds(p->out, "<code>");
			esc(p, it->id);
			buf_adds(p->out, "</code>");
		}
		buf_adds(p->out, "</td>");
		buf_reset(&s);
		report_instant(p->r, it->start, &s);
		cell(p, buf_str(&s));
		td_value(p, KPI_DURATION, it->waited);
		cell(p, report_word(p->r, it->state));
		cell(p, it->agent);
		cell(p, it->country);
		cell(p, it->lang);
		cell(p, it->intent);
		buf_adds(p->out, "</tr>");
	}
	buf_adds(p->out, "</tbody></table></div>");
	if (total > n)
		more_note(p, RW_MORE_LIST, total - n);
	buf_adds(p->out, "</section>");
	buf_free(&s);
}

static void
footer(struct page *p)
{
	struct buf s = BUF_INIT, sla = BUF_INIT;

	report_sla_text(p->r, &sla);
	report_say(p->r, RW_FOOTER, buf_str(&sla), CSKIT_VERSION, &s);
	buf_adds(p->out, "<footer><p>");
	esc(p, buf_str(&s));
	buf_adds(p->out, "</p></footer>");
	buf_free(&s);
	buf_free(&sla);
}

void
report_write_html(struct report *r, struct buf *out)
{
	struct page p = { r, out, BUF_INIT };
	struct buf s = BUF_INIT;

	buf_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>",
	    l10n_tag(report_lang(r)));
	word(&p, RW_TITLE);
	buf_adds(out, " — ");
	report_period_text(r, &s);
	esc(&p, buf_str(&s));
	buf_printf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n",
	    style);
	header(&p);
	buf_addc(out, '\n');
	targets(&p);
	buf_addc(out, '\n');
	headline(&p);
	buf_addc(out, '\n');
	trend(&p);
	buf_addc(out, '\n');
	hours(&p);
	buf_addc(out, '\n');
	for (int t = 0; t < REPORT_TABLES; t++) {
		table(&p, t);
		buf_addc(out, '\n');
	}
	jumps(&p);
	buf_addc(out, '\n');
	list(&p, 0);
	buf_addc(out, '\n');
	list(&p, 1);
	buf_addc(out, '\n');
	footer(&p);
	buf_adds(out, "\n</body>\n</html>\n");
	buf_free(&p.t);
	buf_free(&s);
}
