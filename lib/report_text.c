/*
 * report_text — cs-report's Markdown (for Slack, WeCom, DingTalk, Feishu)
 * and plain text (for a mail body): the sections of the page, with tables
 * for the charts' figures and a character grid for the week's hours.
 *
 * Values that come from the data (ids, names, intents) are written as
 * text: control characters become spaces, and in Markdown the characters
 * that would make a link, emphasis or a table cell are escaped.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "text.h"

struct doc {
	struct report	*r;
	struct buf	*out;
	int		 md;		/* Markdown, else plain text */
	struct buf	 t;		/* scratch */
};

/* Data text: one line, and in Markdown no markup. */
static void
put(struct doc *d, struct buf *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x20 || c == 0x7f)
			buf_addc(out, ' ');
		else if (d->md && strchr("\\`*_[]<>|#~", c) != NULL) {
			buf_addc(out, '\\');
			buf_addc(out, (char)c);
		} else
			buf_addc(out, (char)c);
	}
}

static const char *
w(struct doc *d, enum rw word)
{
	return report_word(d->r, word);
}

static void
heading(struct doc *d, int level, const char *s)
{
	size_t width = text_width(s, strlen(s));

	if (d->md) {
		buf_adds(d->out, level == 1 ? "# " : "## ");
		buf_adds(d->out, s);
		buf_adds(d->out, "\n\n");
		return;
	}
	buf_adds(d->out, s);
	buf_addc(d->out, '\n');
	for (size_t i = 0; i < width; i++)
		buf_addc(d->out, level == 1 ? '=' : '-');
	buf_adds(d->out, "\n\n");
}

/* Our own words (and the user's options): one line, not escaped. */
static void
para(struct doc *d, const char *s)
{
	for (; *s; s++)
		buf_addc(d->out, (unsigned char)*s < 0x20 ? ' ' : *s);
	buf_adds(d->out, "\n\n");
}

/* ---- tables -------------------------------------------------------------- */

#define MAX_COLS 10

struct tbl {
	int	 ncols;
	int	 right[MAX_COLS];
	char	**cells;	/* row by row; the first row is the header */
	int	 n, cap;
};

static void
tbl_cell(struct tbl *t, const char *s)
{
	if (t->n == t->cap)
		t->cells = xrealloc(t->cells, sizeof *t->cells *
		    (size_t)(t->cap = t->cap ? t->cap * 2 : 64));
	t->cells[t->n++] = xstrdup(s ? s : "");
}

/* A cell of data text (escaped as put() does). */
static void
tbl_data(struct doc *d, struct tbl *t, const char *s)
{
	buf_reset(&d->t);
	if (s)
		put(d, &d->t, s);
	tbl_cell(t, buf_str(&d->t));
}

static void
tbl_write(struct doc *d, struct tbl *t)
{
	int rows = t->n / t->ncols;
	size_t width[MAX_COLS] = { 0 };

	for (int i = 0; i < t->n; i++) {
		size_t wd = text_width(t->cells[i], strlen(t->cells[i]));
		if (wd > width[i % t->ncols])
			width[i % t->ncols] = wd;
	}
	for (int r = 0; r < rows; r++) {
		for (int c = 0; c < t->ncols; c++) {
			const char *s = t->cells[r * t->ncols + c];
			size_t pad = width[c] - text_width(s, strlen(s));
			if (d->md) {
				buf_adds(d->out, c ? " " : "| ");
				buf_adds(d->out, s);
				buf_adds(d->out, " |");
				continue;
			}
			if (c)
				buf_adds(d->out, "  ");
			if (t->right[c])
				for (size_t i = 0; i < pad; i++)
					buf_addc(d->out, ' ');
			buf_adds(d->out, s);
			if (!t->right[c] && c + 1 < t->ncols)
				for (size_t i = 0; i < pad; i++)
					buf_addc(d->out, ' ');
		}
		buf_addc(d->out, '\n');
		if (r == 0 && d->md) {
			buf_addc(d->out, '|');
			for (int c = 0; c < t->ncols; c++)
				buf_adds(d->out, t->right[c] ? "---:|" : "---|");
			buf_addc(d->out, '\n');
		} else if (r == 0) {
			for (int c = 0; c < t->ncols; c++) {
				if (c)
					buf_adds(d->out, "  ");
				for (size_t i = 0; i < width[c]; i++)
					buf_addc(d->out, '-');
			}
			buf_addc(d->out, '\n');
		}
	}
	buf_addc(d->out, '\n');
	for (int i = 0; i < t->n; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof *t);
}

/* A value or a change as a cell. */
static void
tbl_value(struct doc *d, struct tbl *t, enum kpi_kind kind, double v)
{
	buf_reset(&d->t);
	report_value(d->r, kind, v, &d->t);
	tbl_cell(t, buf_str(&d->t));
}

static void
tbl_change(struct doc *d, struct tbl *t, enum kpi_kind kind, double is,
    double was, int better)
{
	int dir;

	buf_reset(&d->t);
	report_change(d->r, kind, is, was, better, &d->t, &dir);
	tbl_cell(t, buf_str(&d->t));
}

/* ---- sections ------------------------------------------------------------ */

static void
header(struct doc *d)
{
	const struct report_opts *o = report_options(d->r);
	struct buf s = BUF_INIT, line = BUF_INIT;

	buf_adds(&s, w(d, RW_TITLE));
	buf_adds(&s, " — ");
	report_period_text(d->r, &s);
	heading(d, 1, buf_str(&s));
	if (o->title) {
		if (d->md)
			buf_adds(d->out, "**");
		put(d, d->out, o->title);
		buf_adds(d->out, d->md ? "**\n\n" : "\n\n");
	}
	buf_reset(&s);
	report_say(d->r, RW_ZONE, o->zone_name ? o->zone_name : "UTC", NULL,
	    &line);
	if (o->hours_text) {
		buf_adds(&line, " · ");
		report_say(d->r, RW_HOURS_OPEN, o->hours_text, NULL, &line);
	}
	para(d, buf_str(&line));
	buf_reset(&line);
	report_compare_text(d->r, &line);
	para(d, buf_str(&line));
	buf_reset(&line);
	report_latest_text(d->r, &line);
	if (report_stale(d->r) && d->md)
		buf_adds(d->out, "> ⚠ ");
	else if (report_stale(d->r))
		buf_adds(d->out, "!! ");
	para(d, buf_str(&line));
	buf_free(&s);
	buf_free(&line);
}

static void
targets(struct doc *d)
{
	int n = report_nchecks(d->r), met = 0;
	char a[16], b[16];
	struct buf s = BUF_INIT;
	double v;

	heading(d, 2, w(d, RW_TARGETS));
	if (n == 0) {
		para(d, w(d, RW_NO_TARGETS));
		return;
	}
	for (int i = 0; i < n; i++)
		met += report_check(d->r, i, &v) == 1;
	snprintf(a, sizeof a, "%d", met);
	snprintf(b, sizeof b, "%d", n);
	report_say(d->r, RW_TARGETS_SUMMARY, a, b, &s);
	if (d->md)
		buf_printf(d->out, "**%s**\n\n", buf_str(&s));
	else
		buf_printf(d->out, "%s\n\n", buf_str(&s));
	for (int i = 0; i < n; i++) {
		int st = report_check(d->r, i, &v);
		buf_printf(d->out, d->md ? "- %s **%s** `" : "- [%s %s] ",
		    st == 1 ? "✔" : "✘", w(d, st == 1 ? RW_MET : RW_MISSED));
		buf_reset(&s);
		report_check_text(d->r, i, &s);
		buf_adds(d->out, buf_str(&s));	/* ours: the option as given */
		if (d->md)
			buf_addc(d->out, '`');
		buf_adds(d->out, w(d, RW_COLON));
		buf_reset(&s);
		report_check_value(d->r, i, &s);
		buf_adds(d->out, buf_str(&s));
		buf_addc(d->out, '\n');
	}
	buf_addc(d->out, '\n');
	buf_free(&s);
}

static void
figure_label(struct doc *d, const struct report_figure *f, struct buf *out)
{
	struct buf s = BUF_INIT;

	if (f->label == RW_SLA_SHARE) {
		report_sla_text(d->r, &s);
		report_say(d->r, RW_SLA_SHARE, buf_str(&s), NULL, out);
	} else
		buf_adds(out, w(d, f->label));
	if (!isnan(f->extra)) {
		char n[32];
		buf_reset(&s);
		snprintf(n, sizeof n, "%.0f", f->extra);
		report_say(d->r, RW_RATINGS, n, NULL, &s);
		buf_printf(out, "%s%s%s", w(d, RW_LPAREN), buf_str(&s),
		    w(d, RW_RPAREN));
	}
	buf_free(&s);
}

static void
headline(struct doc *d)
{
	struct tbl t = { .ncols = 6, .right = { 0, 1, 1, 1, 1, 0 } };
	struct buf s = BUF_INIT;
	double v;

	heading(d, 2, w(d, RW_HEADLINE));
	tbl_cell(&t, "");
	tbl_cell(&t, w(d, RW_PERIOD));
	tbl_cell(&t, w(d, RW_PREVIOUS));
	tbl_cell(&t, w(d, RW_CHANGE));
	tbl_cell(&t, w(d, RW_WEEK_AVG));
	tbl_cell(&t, w(d, RW_TARGETS));
	for (int i = 0; i < report_nfigures(d->r); i++) {
		const struct report_figure *f = report_figure(d->r, i);
		buf_reset(&s);
		figure_label(d, f, &s);
		tbl_cell(&t, buf_str(&s));
		tbl_value(d, &t, f->kind, f->now);
		tbl_value(d, &t, f->kind, f->prev);
		tbl_change(d, &t, f->kind, f->now, f->prev, f->better);
		tbl_value(d, &t, f->kind, f->week);
		buf_reset(&s);
		if (f->check >= 0) {
			int st = report_check(d->r, f->check, &v);
			buf_printf(&s, "%s %s", st == 1 ? "✔" : "✘",
			    w(d, st == 1 ? RW_MET : RW_MISSED));
		}
		tbl_cell(&t, buf_str(&s));
	}
	tbl_write(d, &t);
	buf_free(&s);
}

/* ▁▂▃▄▅▆▇█ by value over the max; a space for no data. */
static void
spark(struct buf *out, const double *v, int n)
{
	static const char *const bars[] = { "▁", "▂", "▃", "▄", "▅", "▆",
		"▇", "█" };
	double max = 0;

	for (int i = 0; i < n; i++)
		if (!isnan(v[i]) && v[i] > max)
			max = v[i];
	for (int i = 0; i < n; i++)
		buf_adds(out, isnan(v[i]) ? " " : bars[max > 0 ?
		    (int)lround(v[i] / max * 7) : 0]);
}

static void
trend(struct doc *d)
{
	int n = report_trend_days(d->r), inp;
	double *v[3];
	char days[16];
	struct buf s = BUF_INIT, first = BUF_INIT, last = BUF_INIT;
	static const enum rw names[3] = { RW_TREND_VOLUME, RW_TREND_FRT,
		RW_TREND_CSAT };
	static const enum kpi_kind kinds[3] = { KPI_COUNT, KPI_DURATION,
		KPI_SCORE };

	for (int k = 0; k < 3; k++)
		v[k] = xcalloc((size_t)n, sizeof *v[k]);
	for (int i = 0; i < n; i++) {
		buf_reset(&s);
		report_trend_day(d->r, i, &s, &v[0][i], &v[1][i], &v[2][i],
		    &inp);
		if (i == 0)
			buf_adds(&first, buf_str(&s));
		if (i == n - 1)
			buf_adds(&last, buf_str(&s));
	}
	snprintf(days, sizeof days, "%d", n);
	buf_reset(&s);
	report_say(d->r, RW_TREND, days, NULL, &s);
	buf_printf(&s, "%s%s – %s%s", w(d, RW_LPAREN), buf_str(&first),
	    buf_str(&last), w(d, RW_RPAREN));
	heading(d, 2, buf_str(&s));
	for (int k = 0; k < 3; k++) {
		double lo = NAN, hi = NAN;
		for (int i = 0; i < n; i++)
			if (!isnan(v[k][i])) {
				lo = isnan(lo) || v[k][i] < lo ? v[k][i] : lo;
				hi = isnan(hi) || v[k][i] > hi ? v[k][i] : hi;
			}
		buf_printf(d->out, "- %s%s%s", w(d, names[k]), w(d, RW_COLON),
		    d->md ? "`" : "");
		spark(d->out, v[k], n);
		buf_adds(d->out, d->md ? "` " : " ");
		buf_reset(&s);
		report_value(d->r, kinds[k], lo, &s);
		buf_adds(&s, " … ");
		report_value(d->r, kinds[k], hi, &s);
		buf_adds(d->out, buf_str(&s));
		buf_addc(d->out, '\n');
	}
	buf_addc(d->out, '\n');
	for (int k = 0; k < 3; k++)
		free(v[k]);
	buf_free(&s);
	buf_free(&first);
	buf_free(&last);
}

static void
hours(struct doc *d)
{
	struct tbl t = { .ncols = 5, .right = { 0, 1, 1, 1, 0 } };
	struct buf s = BUF_INIT;
	char days[16], hh[16];
	int cover = report_has_cover(d->r), unc;
	double p50, p90, conv;

	heading(d, 2, w(d, RW_HOURS));
	snprintf(days, sizeof days, "%d", report_trend_days(d->r));
	report_say(d->r, RW_HOURS_NOTE, report_options(d->r)->zone_name ?
	    report_options(d->r)->zone_name : "UTC", days, &s);
	buf_adds(&s, w(d, RW_SENTENCE));
	if (cover)
		report_uncovered_text(d->r, &s);
	else
		buf_adds(&s, w(d, RW_NO_ROSTER));
	para(d, buf_str(&s));
	tbl_cell(&t, w(d, RW_HOUR));
	tbl_cell(&t, w(d, RW_CONVERSATIONS));
	tbl_cell(&t, w(d, RW_MEDIAN));
	tbl_cell(&t, w(d, RW_P90));
	tbl_cell(&t, "");
	for (int h = 0; h < 24; h++) {
		report_hour(d->r, h, &p50, &p90, &conv, &unc);
		if (conv == 0 && unc != 1)
			continue;
		snprintf(hh, sizeof hh, "%02d", h);
		tbl_cell(&t, hh);
		tbl_value(d, &t, KPI_COUNT, conv);
		tbl_value(d, &t, KPI_DURATION, p50);
		tbl_value(d, &t, KPI_DURATION, p90);
		tbl_cell(&t, unc == 1 ? w(d, RW_NO_COVER) : "");
	}
	tbl_write(d, &t);
	buf_free(&s);
}

/* The week's hours as characters: volume by ░▒▓█, and where no one was
 * on shift x (messages came) or - (none came). */
static void
week_grid(struct doc *d)
{
	static const char *const shade[] = { "·", "░", "▒", "▓", "█" };
	double m[168], max = 0;
	int unc[168];
	size_t lw = 0;
	struct buf name[7];

	for (int i = 0; i < 168; i++) {
		report_week_hour(d->r, i / 24, i % 24, &m[i], &unc[i]);
		if (m[i] > max)
			max = m[i];
	}
	heading(d, 2, w(d, RW_HEATMAP));
	for (int day = 0; day < 7; day++) {
		name[day] = (struct buf)BUF_INIT;
		l10n_weekday(report_lang(d->r), day, &name[day]);
		size_t wd = text_width(name[day].data, name[day].len);
		if (wd > lw)
			lw = wd;
	}
	if (d->md)
		buf_adds(d->out, "```\n");
	for (size_t i = 0; i < lw + 1; i++)
		buf_addc(d->out, ' ');
	buf_adds(d->out, "0     6     12    18    23\n");
	for (int day = 0; day < 7; day++) {
		buf_adds(d->out, buf_str(&name[day]));
		for (size_t i = text_width(name[day].data, name[day].len);
		    i < lw + 1; i++)
			buf_addc(d->out, ' ');
		for (int h = 0; h < 24; h++) {
			double v = m[day * 24 + h];
			if (unc[day * 24 + h] == 1)
				buf_addc(d->out, v > 0 ? 'x' : '-');
			else
				buf_adds(d->out, shade[v <= 0 || max <= 0 ? 0 :
				    1 + (int)lround(v / max * 3)]);
		}
		buf_addc(d->out, '\n');
		buf_free(&name[day]);
	}
	if (d->md)
		buf_adds(d->out, "```\n");
	buf_printf(d->out, "· ░▒▓█ %s → %s", w(d, RW_HEAT_FEW),
	    w(d, RW_HEAT_MANY));
	if (report_has_cover(d->r))
		buf_printf(d->out, "%sx, -%s%s", w(d, RW_SEMICOLON),
		    w(d, RW_COLON), w(d, RW_NO_COVER));
	buf_adds(d->out, "\n\n");
}

static void
table(struct doc *d, int tn)
{
	struct tbl t = { .ncols = 9, .right = { 0, 1, 1, 1, 1, 1, 1, 1, 1 } };
	struct buf s = BUF_INIT;
	int more, n = report_table_rows(d->r, tn, &more);

	heading(d, 2, w(d, report_table_title(tn)));
	tbl_cell(&t, "");
	tbl_cell(&t, w(d, RW_CONVERSATIONS));
	tbl_cell(&t, w(d, RW_CHANGE));
	tbl_cell(&t, w(d, RW_COL_FRT));
	tbl_cell(&t, w(d, RW_CHANGE));
	report_sla_text(d->r, &s);
	buf_reset(&d->t);
	report_say(d->r, RW_COL_SLA, buf_str(&s), NULL, &d->t);
	tbl_cell(&t, buf_str(&d->t));
	tbl_cell(&t, w(d, RW_CHANGE));
	tbl_cell(&t, w(d, RW_COL_CSAT));
	tbl_cell(&t, w(d, RW_CHANGE));
	for (int i = 0; i < n; i++) {
		const struct report_row *r = report_table_row(d->r, tn, i);
		tbl_data(d, &t, report_row_label(d->r, tn, r));
		tbl_value(d, &t, KPI_COUNT, r->conv);
		tbl_change(d, &t, KPI_COUNT, r->conv, r->conv_prev, 0);
		tbl_value(d, &t, KPI_DURATION, r->frt_p50);
		tbl_change(d, &t, KPI_DURATION, r->frt_p50, r->frt_p50_prev, -1);
		tbl_value(d, &t, KPI_SHARE, r->sla);
		tbl_change(d, &t, KPI_SHARE, r->sla, r->sla_prev, 1);
		tbl_value(d, &t, KPI_SCORE, r->csat);
		tbl_change(d, &t, KPI_SCORE, r->csat, r->csat_prev, 1);
	}
	tbl_write(d, &t);
	if (more > 0) {
		buf_reset(&s);
		report_say_count(d->r, RW_MORE_ROWS, more, &s);
		para(d, buf_str(&s));
	}
	buf_free(&s);
}

static void
jumps(struct doc *d)
{
	struct buf s = BUF_INIT;

	heading(d, 2, w(d, RW_JUMPS));
	if (report_njumps(d->r) == 0)
		para(d, w(d, RW_NO_JUMPS));
	for (int i = 0; i < report_njumps(d->r); i++) {
		buf_reset(&s);
		report_jump_text(d->r, report_jump(d->r, i), &s);
		buf_adds(d->out, "- ");
		put(d, d->out, buf_str(&s));
		buf_addc(d->out, '\n');
	}
	if (report_njumps(d->r) > 0)
		buf_addc(d->out, '\n');
	buf_free(&s);
}

static void
list(struct doc *d, int which)
{
	int total, n = report_list(d->r, which, &total);
	int link = report_options(d->r)->link != NULL;
	struct tbl t = { .ncols = 8 + (link && !d->md),
		.right = { 0, 0, 1, 0, 0, 0, 0, 0, 0 } };
	struct buf s = BUF_INIT, id = BUF_INIT;

	buf_printf(&s, "%s%s%d%s", w(d, which == 0 ? RW_ESCALATIONS : RW_LIST),
	    w(d, RW_LPAREN), total, w(d, RW_RPAREN));
	heading(d, 2, buf_str(&s));
	if (n == 0) {
		para(d, w(d, which == 0 ? RW_NO_ESCALATIONS : RW_LIST_NONE));
		buf_free(&s);
		return;
	}
	tbl_cell(&t, w(d, RW_CONVERSATION));
	tbl_cell(&t, w(d, RW_STARTED));
	tbl_cell(&t, w(d, RW_WAITED));
	tbl_cell(&t, w(d, RW_STATE));
	tbl_cell(&t, w(d, RW_AGENT));
	tbl_cell(&t, w(d, RW_COUNTRY));
	tbl_cell(&t, w(d, RW_LANG));
	tbl_cell(&t, w(d, RW_INTENT));
	if (link && !d->md)
		tbl_cell(&t, "");
	for (int i = 0; i < n; i++) {
		const struct report_item *it = report_item(d->r, which, i);
		buf_reset(&s);
		report_link(d->r, it->id, &s);
		buf_reset(&id);
		if (link && d->md) {
			buf_addc(&id, '[');
			put(d, &id, it->id);
			buf_adds(&id, "](");
			buf_adds(&id, buf_str(&s));	/* percent-encoded */
			buf_addc(&id, ')');
			tbl_cell(&t, buf_str(&id));
		} else
			tbl_data(d, &t, it->id);
		buf_reset(&id);
		report_instant(d->r, it->start, &id);
		tbl_cell(&t, buf_str(&id));
		tbl_value(d, &t, KPI_DURATION, it->waited);
		tbl_cell(&t, w(d, it->state));
		tbl_data(d, &t, it->agent);
		tbl_data(d, &t, it->country);
		tbl_data(d, &t, it->lang);
		tbl_data(d, &t, it->intent);
		if (link && !d->md)
			tbl_cell(&t, buf_str(&s));
	}
	tbl_write(d, &t);
	if (total > n) {
		buf_reset(&s);
		report_say_count(d->r, RW_MORE_LIST, total - n, &s);
		para(d, buf_str(&s));
	}
	buf_free(&s);
	buf_free(&id);
}

static void
footer(struct doc *d)
{
	struct buf s = BUF_INIT, sla = BUF_INIT;

	report_sla_text(d->r, &sla);
	report_say(d->r, RW_FOOTER, buf_str(&sla), CSKIT_VERSION, &s);
	if (d->md)
		buf_addc(d->out, '_');
	put(d, d->out, buf_str(&s));
	buf_adds(d->out, d->md ? "_\n" : "\n");
	buf_free(&s);
	buf_free(&sla);
}

static void
write_doc(struct report *r, struct buf *out, int md)
{
	struct doc d = { r, out, md, BUF_INIT };

	header(&d);
	targets(&d);
	headline(&d);
	trend(&d);
	hours(&d);
	week_grid(&d);
	for (int t = 0; t < REPORT_TABLES; t++)
		table(&d, t);
	jumps(&d);
	list(&d, 0);
	list(&d, 1);
	footer(&d);
	buf_free(&d.t);
}

void
report_write_markdown(struct report *r, struct buf *out)
{
	write_doc(r, out, 1);
}

void
report_write_text(struct report *r, struct buf *out)
{
	write_doc(r, out, 0);
}
