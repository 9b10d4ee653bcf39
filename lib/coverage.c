/*
 * coverage — messages by hour of the week against the roster (see
 * coverage.h).
 *
 * Each agent keeps the last answer its calendar gave (open on [lo, hi), or
 * closed on [lo, hi) until the next shift at hi): messages come roughly in
 * time order, so most look-ups are a comparison, not a calendar walk.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "civil.h"
#include "coverage.h"
#include "event.h"
#include "json.h"
#include "tz.h"

#define WEEK_HOURS	168

struct agent {
	char		*name;
	struct cal	*cal;
	cs_time		 lo, hi;	/* the cached answer holds on [lo, hi) */
	int		 open;
	int		 cached;
};

struct slot {
	unsigned long	 messages, uncovered, waited;
	double		 wait_sum, wait_max;
	int		 agents;	/* on shift in the reference week */
	unsigned long	 left;		/* suggest: not yet covered */
};

struct coverage {
	const struct tz_zone	*team;
	struct agent		*agents;
	int			 nagents;
	struct slot		 slot[WEEK_HOURS];
	unsigned long		 messages, uncovered, waited, rejected;
	double			 wait_sum, wait_max;
	cs_time			 last;
	int64_t			 week_day;	/* a day of the reference week */
	int			 week_set;
};

static const char *const day_abbr[7] = {
	"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
};

struct coverage *
coverage_new(const struct tz_zone *team)
{
	struct coverage *c = xcalloc(1, sizeof *c);

	c->team = team;
	c->last = CS_TIME_NONE;
	return c;
}

void
coverage_free(struct coverage *c)
{
	int i;

	if (c == NULL)
		return;
	for (i = 0; i < c->nagents; i++) {
		free(c->agents[i].name);
		cal_free(c->agents[i].cal);
	}
	free(c->agents);
	free(c);
}

int
coverage_agents(const struct coverage *c)
{
	return c->nagents;
}

int
coverage_add_shift(struct coverage *c, const char *name,
    const struct tz_zone *zone, const char *days, const char *hours,
    struct buf *why)
{
	struct buf spec = BUF_INIT;
	struct agent *a = NULL;
	int i, rc;

	for (i = 0; i < c->nagents; i++)
		if (strcmp(c->agents[i].name, name) == 0)
			a = &c->agents[i];
	if (a != NULL && cal_zone(a->cal) != zone) {
		buf_printf(why, "agent %s is in %s, not %s", name,
		    tz_name(cal_zone(a->cal)), tz_name(zone));
		return -1;
	}
	if (a == NULL) {
		c->agents = xrealloc(c->agents,
		    (c->nagents + 1) * sizeof *c->agents);
		a = &c->agents[c->nagents++];
		memset(a, 0, sizeof *a);
		a->name = xstrdup(name);
		a->cal = cal_new(zone);
	}
	buf_printf(&spec, "%s %s", days, hours);
	rc = cal_add_hours(a->cal, buf_str(&spec), why);
	buf_free(&spec);
	a->cached = 0;
	return rc;
}

int
coverage_load_holidays(struct coverage *c, const char *path,
    struct buf *why)
{
	int i;

	for (i = 0; i < c->nagents; i++)
		if (cal_load_holidays(c->agents[i].cal, path, why) != 0)
			return -1;
	return 0;
}

/* A roster cell as text (a CSV cell like "24" reads as a number). */
static const char *
cell(cJSON *row, const char *key, struct buf *tmp)
{
	const cJSON *v = json_get(row, key);

	if (cJSON_IsNumber(v)) {
		buf_reset(tmp);
		json_write_number(tmp, v->valuedouble);
		json_set_str(row, key, buf_str(tmp));
	}
	return json_str(row, key);
}

int
coverage_load_roster(struct coverage *c, struct tz_db *db, const char *path,
    struct diag *d, struct buf *why)
{
	static const char *const need[] = { "agent", "zone", "days", "hours" };
	struct ev_reader_opts opts = { .format = EV_CSV };
	char *files[1];
	struct ev_reader *r;
	struct ev_record rec;
	struct buf tmp = BUF_INIT, reason = BUF_INIT;
	int rc = 0, i;

	files[0] = (char *)path;
	r = ev_open(&opts, files, 1, d);
	while (rc == 0 && ev_read(r, &rec) > 0) {
		const char *v[4];
		const struct tz_zone *z;

		if (rec.status != EV_OK) {
			buf_printf(why, "%s:%ld: %s", path, rec.line,
			    rec.why ? rec.why : "bad row");
			rc = -1;
			break;
		}
		for (i = 0; i < 4 && rc == 0; i++) {
			if ((v[i] = cell(rec.obj, need[i], &tmp)) == NULL) {
				buf_printf(why, "%s:%ld: no \"%s\"", path,
				    rec.line, need[i]);
				rc = -1;
			}
		}
		if (rc != 0)
			break;
		if ((z = tzdb_zone(db, v[1])) == NULL) {
			buf_printf(why, "%s:%ld: unknown time zone \"%s\"",
			    path, rec.line, v[1]);
			rc = -1;
		} else if (coverage_add_shift(c, v[0], z, v[2], v[3],
		    &reason) != 0) {
			buf_printf(why, "%s:%ld: %s", path, rec.line,
			    buf_str(&reason));
			rc = -1;
		}
	}
	if (rc == 0 && ev_open_failed(r))
		rc = -2;
	ev_close(r);
	buf_free(&tmp);
	buf_free(&reason);
	return rc;
}

void
coverage_set_week(struct coverage *c, int64_t day)
{
	c->week_day = day;
	c->week_set = 1;
}

/* Is agent a on shift at t?  *next: when closed, its next shift start. */
static int
agent_open(struct agent *a, cs_time t, cs_time *next)
{
	struct cal_iter it;
	cs_time o, e;

	if (!a->cached || t < a->lo || t >= a->hi) {
		cal_iter_start(&it, a->cal, t);
		a->cached = 1;
		a->lo = t;
		if (!cal_iter_next(&it, &o, &e)) {
			a->open = 0;
			a->hi = INT64_MAX;
		} else if (o <= t) {
			a->open = 1;
			a->lo = o;
			a->hi = e;
		} else {
			a->open = 0;
			a->hi = o;
		}
	}
	*next = a->open ? t : a->hi == INT64_MAX ? CS_TIME_NONE : a->hi;
	return a->open;
}

/* Hour of the week (0 = Monday 00:00-01:00) of t in the team's zone. */
static int
week_hour(const struct coverage *c, cs_time t, int64_t *day)
{
	int64_t s = civil_floor_div(t, 1000);
	int64_t local = s + tz_offset_at(c->team, s, NULL, NULL);

	*day = civil_floor_div(local, 86400);
	return civil_weekday(*day) * 24 + (int)((local - *day * 86400) / 3600);
}

void
coverage_add_message(struct coverage *c, cs_time t)
{
	cs_time next, first = CS_TIME_NONE;
	int64_t day;
	struct slot *sl = &c->slot[week_hour(c, t, &day)];
	int i, covered = 0;

	if (c->last == CS_TIME_NONE || t > c->last)
		c->last = t;
	c->messages++;
	sl->messages++;
	for (i = 0; i < c->nagents; i++) {
		if (agent_open(&c->agents[i], t, &next)) {
			covered = 1;
			break;
		}
		if (next != CS_TIME_NONE && (first == CS_TIME_NONE ||
		    next < first))
			first = next;
	}
	if (covered)
		return;
	c->uncovered++;
	sl->uncovered++;
	if (first != CS_TIME_NONE) {
		double w = (first - t) / 1000.0;

		c->waited++;
		c->wait_sum += w;
		if (w > c->wait_max)
			c->wait_max = w;
		sl->waited++;
		sl->wait_sum += w;
		if (w > sl->wait_max)
			sl->wait_max = w;
	}
}

void
coverage_reject(struct coverage *c)
{
	c->rejected++;
}

/* The Monday (a day number) of the reference week. */
static int64_t
reference_monday(const struct coverage *c)
{
	int64_t day;

	if (c->week_set)
		day = c->week_day;
	else if (c->last != CS_TIME_NONE)
		week_hour(c, c->last, &day);
	else
		day = 0;
	return day - civil_weekday(day);
}

/* Agents on shift at the middle of each hour of the reference week. */
static void
count_agents(struct coverage *c)
{
	int64_t monday = reference_monday(c);
	int h, i;

	for (h = 0; h < WEEK_HOURS; h++) {
		int64_t u;
		cs_time t, next;

		tz_local_to_utc(c->team, monday * 86400 + h * 3600 + 1800, &u);
		t = u * 1000;
		c->slot[h].agents = 0;
		for (i = 0; i < c->nagents; i++)
			c->slot[h].agents += agent_open(&c->agents[i], t,
			    &next);
	}
}

static cJSON *
num_or_null(double v, int ok)
{
	return ok ? cJSON_CreateNumber(v) : cJSON_CreateNull();
}

static void
add_figures(cJSON *o, unsigned long messages, unsigned long uncovered,
    int agents, unsigned long waited, double wait_sum, double wait_max)
{
	cJSON_AddItemToObject(o, "messages", cJSON_CreateNumber(messages));
	cJSON_AddItemToObject(o, "uncovered", cJSON_CreateNumber(uncovered));
	cJSON_AddItemToObject(o, "uncovered_share", num_or_null(
	    messages ? (double)uncovered / messages : 0, messages > 0));
	cJSON_AddItemToObject(o, "agents", cJSON_CreateNumber(agents));
	/* Whole seconds: the mean is a report figure, not a measurement. */
	cJSON_AddItemToObject(o, "wait_mean", num_or_null(
	    waited ? round(wait_sum / waited) : 0, waited > 0));
	cJSON_AddItemToObject(o, "wait_max", num_or_null(round(wait_max),
	    waited > 0));
}

void
coverage_report(struct coverage *c, struct ev_writer *w, int all)
{
	static const char *const cols[] = {
		"day", "hour", "total", "messages", "uncovered",
		"uncovered_share", "agents", "wait_mean", "wait_max", "rejected"
	};
	struct buf b = BUF_INIT;
	cJSON *o;
	int h;

	count_agents(c);
	ev_writer_columns(w, cols, (int)(sizeof cols / sizeof cols[0]));
	ev_writer_kind(w, "uncovered_share", EW_PERCENT);
	ev_writer_kind(w, "wait_mean", EW_DURATION);
	ev_writer_kind(w, "wait_max", EW_DURATION);
	for (h = 0; h < WEEK_HOURS; h++) {
		const struct slot *s = &c->slot[h];

		if (!all && s->uncovered == 0 && s->agents > 0)
			continue;
		o = cJSON_CreateObject();
		cJSON_AddItemToObject(o, "day",
		    cJSON_CreateString(day_abbr[h / 24]));
		buf_reset(&b);
		buf_printf(&b, "%02d:00", h % 24);
		cJSON_AddItemToObject(o, "hour", cJSON_CreateString(buf_str(&b)));
		add_figures(o, s->messages, s->uncovered, s->agents, s->waited,
		    s->wait_sum, s->wait_max);
		ev_writer_write(w, o);
		cJSON_Delete(o);
	}
	o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "total", cJSON_CreateTrue());
	add_figures(o, c->messages, c->uncovered, c->nagents, c->waited,
	    c->wait_sum, c->wait_max);
	cJSON_AddItemToObject(o, "rejected", cJSON_CreateNumber(c->rejected));
	ev_writer_write(w, o);
	cJSON_Delete(o);
	buf_free(&b);
}

/* The team's week hour of hour 0 of Monday in zone z (the reference
 * week's offsets; a zone half an hour off the team's counts from the team
 * hour its shift starts in). */
static int
zone_lead(const struct coverage *c, const struct tz_zone *z)
{
	int64_t noon = reference_monday(c) * 86400 + 3 * 86400 + 12 * 3600;
	int diff = tz_offset_at(c->team, noon, NULL, NULL) -
	    tz_offset_at(z, noon, NULL, NULL);

	return (int)(civil_floor_div(diff, 3600) % WEEK_HOURS + WEEK_HOURS) %
	    WEEK_HOURS;
}

/* The hours from 22:00 to 06:00 of a shift starting at hour h. */
static int
night_hours(int h, int hours)
{
	int n = 0;

	for (int k = 0; k < hours; k++) {
		int hh = (h + k) % 24;
		n += hh >= 22 || hh < 6;
	}
	return n;
}

/* Messages a shift (first day d0, start hour h, in a zone whose week
 * begins at the team's hour lead) would newly cover. */
static unsigned long
shift_gain(const struct coverage *c, int lead, int d0, int h, int hours,
    int days)
{
	unsigned long gain = 0;
	int d, k;

	for (d = 0; d < days; d++)
		for (k = 0; k < hours; k++)
			gain += c->slot[(lead + (d0 + d) * 24 + h + k) %
			    WEEK_HOURS].left;
	return gain;
}

void
coverage_suggest(struct coverage *c, int n, int hours, int days,
    const struct tz_zone *const *zones, int nzones, struct ev_writer *w)
{
	static const char *const cols[] = {
		"suggest", "zone", "days", "hours", "covers", "covers_share"
	};
	struct buf b = BUF_INIT;
	int i, h, d, k;

	ev_writer_columns(w, cols, (int)(sizeof cols / sizeof cols[0]));
	ev_writer_kind(w, "covers_share", EW_PERCENT);
	for (h = 0; h < WEEK_HOURS; h++)
		c->slot[h].left = c->slot[h].uncovered;
	for (i = 0; i < n; i++) {
		unsigned long best = 0, g;
		int bd = 0, bh = 0, bz = -1;
		cJSON *o;

		/* Equal covers go to the shift with the fewest night hours
		 * (22:00-06:00) on its own clock, then to the team's zone,
		 * the zones in the order given, the earlier first day, the
		 * earlier hour: a night shift in Shanghai is a day shift in
		 * New York. */
		int bnight = 25;
		for (int z = -1; z < nzones; z++) {
			int lead = z < 0 ? 0 : zone_lead(c, zones[z]);
			for (d = 0; d < 7; d++)
				for (h = 0; h < 24; h++) {
					g = shift_gain(c, lead, d, h, hours,
					    days);
					int night = night_hours(h, hours);
					if (g > best || (g == best && g > 0 &&
					    night < bnight)) {
						best = g;
						bd = d;
						bh = h;
						bz = z;
						bnight = night;
					}
				}
		}
		if (best == 0)
			break;
		int lead = bz < 0 ? 0 : zone_lead(c, zones[bz]);
		for (d = 0; d < days; d++)
			for (k = 0; k < hours; k++)
				c->slot[(lead + (bd + d) * 24 + bh + k) %
				    WEEK_HOURS].left = 0;
		o = cJSON_CreateObject();
		cJSON_AddItemToObject(o, "suggest", cJSON_CreateNumber(i + 1));
		cJSON_AddItemToObject(o, "zone", cJSON_CreateString(tz_name(
		    bz < 0 ? c->team : zones[bz])));
		buf_reset(&b);
		if (days == 7)
			buf_adds(&b, "daily");
		else if (days == 1)
			buf_adds(&b, day_abbr[bd]);
		else
			buf_printf(&b, "%s-%s", day_abbr[bd],
			    day_abbr[(bd + days - 1) % 7]);
		cJSON_AddItemToObject(o, "days", cJSON_CreateString(buf_str(&b)));
		buf_reset(&b);
		buf_printf(&b, "%02d:00-%02d:00", bh, (bh + hours) % 24);
		cJSON_AddItemToObject(o, "hours", cJSON_CreateString(buf_str(&b)));
		cJSON_AddItemToObject(o, "covers", cJSON_CreateNumber(best));
		cJSON_AddItemToObject(o, "covers_share", cJSON_CreateNumber(
		    c->uncovered ? (double)best / c->uncovered : 0));
		ev_writer_write(w, o);
		cJSON_Delete(o);
	}
	buf_free(&b);
}

static const char heat_levels[] = " .:-=+*#%@";

/* The busiest hour's messages (after counting the agents). */
static unsigned long
busiest(struct coverage *c)
{
	unsigned long max = 0;

	count_agents(c);
	for (int h = 0; h < WEEK_HOURS; h++)
		if (c->slot[h].messages > max)
			max = c->slot[h].messages;
	return max;
}

/* An hour's density mark and nobody-on-shift mark, as two characters. */
static void
heat_cell(const struct slot *s, unsigned long max, char cell[3])
{
	int lv = s->messages == 0 ? 0 :
	    (int)((s->messages * 9 + max - 1) / max);

	cell[0] = heat_levels[lv];
	cell[1] = s->agents == 0 ? '!' : ' ';
	cell[2] = '\0';
}

void
coverage_heatmap_rows(struct coverage *c, struct ev_writer *w, int marks)
{
	static const char *const hours[24] = { "00", "01", "02", "03", "04",
	    "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15",
	    "16", "17", "18", "19", "20", "21", "22", "23" };
	const char *cols[28];
	unsigned long max = busiest(c);
	int n = 0;

	cols[n++] = "day";
	if (marks)
		for (int h = 0; h < 24; h++)
			cols[n++] = hours[h];
	else {
		cols[n++] = "hour_messages";
		cols[n++] = "hour_uncovered";
		cols[n++] = "hour_agents";
	}
	cols[n++] = "messages";
	cols[n++] = "uncovered";
	ev_writer_columns(w, cols, n);
	for (int d = 0; d < 7; d++) {
		cJSON *o = cJSON_CreateObject(), *m = NULL, *u = NULL, *a = NULL;
		unsigned long dm = 0, du = 0;
		char cell[3];

		cJSON_AddItemToObject(o, "day", cJSON_CreateString(day_abbr[d]));
		if (!marks) {
			m = cJSON_AddArrayToObject(o, "hour_messages");
			u = cJSON_AddArrayToObject(o, "hour_uncovered");
			a = cJSON_AddArrayToObject(o, "hour_agents");
		}
		for (int h = 0; h < 24; h++) {
			const struct slot *s = &c->slot[d * 24 + h];
			dm += s->messages;
			du += s->uncovered;
			if (marks) {
				heat_cell(s, max, cell);
				cJSON_AddItemToObject(o, hours[h],
				    cJSON_CreateString(cell));
				continue;
			}
			cJSON_AddItemToArray(m, cJSON_CreateNumber(
			    (double)s->messages));
			cJSON_AddItemToArray(u, cJSON_CreateNumber(
			    (double)s->uncovered));
			cJSON_AddItemToArray(a, cJSON_CreateNumber(s->agents));
		}
		cJSON_AddItemToObject(o, "messages", cJSON_CreateNumber(
		    (double)dm));
		cJSON_AddItemToObject(o, "uncovered", cJSON_CreateNumber(
		    (double)du));
		ev_writer_write(w, o);
		cJSON_Delete(o);
	}
}

void
coverage_heatmap(struct coverage *c, struct buf *out)
{
	unsigned long max = busiest(c);
	int d, h;

	buf_printf(out, "customer messages by hour, %s (busiest hour: %lu "
	    "message%s)\n", tz_name(c->team), max, max == 1 ? "" : "s");
	buf_printf(out, "density \" .:-=+*#%%@\" (blank: none); "
	    "! nobody on shift\n");
	buf_adds(out, "    ");
	for (h = 0; h < 24; h++)
		buf_printf(out, " %02d", h);
	buf_printf(out, " %8s %9s\n", "messages", "uncovered");
	for (d = 0; d < 7; d++) {
		unsigned long dm = 0, du = 0;

		buf_printf(out, "%s ", day_abbr[d]);
		for (h = 0; h < 24; h++) {
			const struct slot *s = &c->slot[d * 24 + h];
			char cell[3];

			heat_cell(s, max, cell);
			buf_printf(out, " %s", cell);
			dm += s->messages;
			du += s->uncovered;
		}
		buf_printf(out, " %8lu %9lu\n", dm, du);
	}
}

void
coverage_shift_counts(struct coverage *c, int agents[168])
{
	count_agents(c);
	for (int h = 0; h < WEEK_HOURS; h++)
		agents[h] = c->slot[h].agents;
}
