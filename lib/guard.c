#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "guard.h"
#include "json.h"
#include "tz.h"

static double
total(struct kpi *k, const char *metric)
{
	int m = kpi_metric_find(k, metric);
	double v;

	if (m < 0 || kpi_value(k, kpi_nrows(k) - 1, m, &v) != 0)
		return 0;
	return v;
}

/* check_parse's lookup: a metric of the kpi by name. */
static int
guard_metric(void *ctx, const char *name, int *is_duration)
{
	const struct kpi *k = ctx;
	int m = kpi_metric_find(k, name);

	if (m >= 0)
		*is_duration = kpi_metric_kind(k, m) == KPI_DURATION;
	return m;
}

/* A check on a metric that an option would make available, or on a
 * mistyped one: the usage error that says so (returns if neither). */
static void
guard_check_unknown(const struct diag *d, const char *expr)
{
	const char *p = expr + strspn(expr, " \t");
	char *name = xstrndup(p, strcspn(p, "<>=! \t"));
	const char *opt = kpi_metric_requires(name), *near;

	if (opt != NULL)
		diag_usage(d, "check '%s': %s needs %s", expr, name, opt);
	if ((near = kpi_metric_suggest(name)) != NULL &&
	    strcmp(near, name) != 0)
		diag_usage(d, "check '%s': unknown metric '%s' (did you mean "
		    "'%s'? all: cs-kpi --metrics list)", expr, name, near);
	free(name);
}

struct check *
guard_checks_parse(const struct diag *d, struct kpi *k, char *const *exprs,
    int n)
{
	struct check *checks = xcalloc((size_t)n + 1, sizeof *checks);
	struct buf why = BUF_INIT;

	for (int i = 0; i < n; i++)
		if (check_parse(&checks[i], exprs[i], guard_metric, k,
		    &why) != 0) {
			free(checks);	/* exit follows: nothing left behind */
			guard_check_unknown(d, exprs[i]);
			diag_usage(d, "%s", buf_str(&why));
		}
	buf_free(&why);
	return checks;
}

int
guard_empty(const struct diag *d, const char *what, cs_time since,
    cs_time until, cs_time latest, const struct tz_zone *tz, int allow_empty)
{
	struct buf msg = BUF_INIT;

	guard_empty_message(what, since, until, latest, tz, &msg);
	if (allow_empty)
		diag_warn(d, "%s", buf_str(&msg));
	else
		diag_warn(d, "%s: no report (--allow-empty writes one)",
		    buf_str(&msg));
	buf_free(&msg);
	return allow_empty ? 0 : CS_EXIT_DATAERR;
}

void
guard_reordered(const struct diag *d, struct kpi *k)
{
	size_t n = kpi_reordered(k);

	if (n > 0)
		diag_warn(d, "%zu conversation%s had a message arrive after "
		    "later ones were folded; reply times may be approximate "
		    "(use --any-order, or sort the input)", n,
		    n == 1 ? "" : "s");
}

int
guard_kpi_empty(struct kpi *k)
{
	return total(k, "conversations") == 0 && total(k, "messages") == 0 &&
	    total(k, "ratings") == 0 && total(k, "customers_ordering") == 0;
}

static void
instant(cs_time t, const struct tz_zone *tz, struct buf *out)
{
	int64_t sec = civil_floor_div(t, 1000);

	ts_format_offset(t, tz ? tz_offset_at(tz, sec, NULL, NULL) : 0, out);
}

void
guard_empty_message(const char *what, cs_time since, cs_time until,
    cs_time latest, const struct tz_zone *tz, struct buf *out)
{
	buf_printf(out, "no %s ", what);
	if (since != CS_TIME_NONE && until != CS_TIME_NONE) {
		buf_adds(out, "between ");
		instant(since, tz, out);
		buf_adds(out, " and ");
		instant(until, tz, out);
	} else if (since != CS_TIME_NONE) {
		buf_adds(out, "since ");
		instant(since, tz, out);
	} else if (until != CS_TIME_NONE) {
		buf_adds(out, "before ");
		instant(until, tz, out);
	} else
		buf_adds(out, "in the input");
	if (latest == CS_TIME_NONE) {
		if (since != CS_TIME_NONE || until != CS_TIME_NONE)
			buf_adds(out, "; the input holds no events");
		return;
	}
	buf_adds(out, "; the latest event is ");
	instant(latest, tz, out);
}

void
guard_stale(const struct diag *d, cs_time since, cs_time latest,
    const struct tz_zone *tz)
{
	struct buf a = BUF_INIT, b = BUF_INIT;

	if (since == CS_TIME_NONE || latest == CS_TIME_NONE || latest >= since)
		return;
	instant(latest, tz, &a);
	instant(since, tz, &b);
	diag_warn(d, "the newest event (%s) is older than the period asked "
	    "for (from %s): is the export up to date?", buf_str(&a),
	    buf_str(&b));
	buf_free(&a);
	buf_free(&b);
}

int
guard_checks(const struct diag *d, struct kpi *k, const struct check *c,
    int n, int all_rows)
{
	struct buf label = BUF_INIT, val = BUF_INIT;
	size_t rows = kpi_nrows(k);
	int failed = 0;
	double v;

	for (int i = 0; i < n; i++)
		for (size_t r = all_rows ? 0 : rows - 1; r < rows; r++) {
			int total_row = kpi_row_is_total(k, r);
			int have = kpi_value(k, r, c[i].metric, &v) == 0;
			if (have ? check_holds(&c[i], v) : !total_row)
				continue;
			buf_reset(&label);
			buf_reset(&val);
			kpi_row_label(k, r, &label);
			if (!have)
				buf_adds(&val, "no data");
			else {
				buf_printf(&val, "%s is ",
				    kpi_metric_name(k, c[i].metric));
				if (c[i].is_duration)
					dur_format(v, &val);
				else
					json_write_number(&val, v);
			}
			fprintf(stderr, "%s: check %s failed for %s: %s\n",
			    d->prog, c[i].text, buf_str(&label), buf_str(&val));
			failed = 1;
		}
	buf_free(&label);
	buf_free(&val);
	return failed;
}
