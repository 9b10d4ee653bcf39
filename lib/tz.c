/*
 * tz — reading TZif files (RFC 8536) and the POSIX TZ footer, the
 * country → zone tables, and the cache of loaded zones.
 *
 * A zone is its table of transitions (the 64-bit block of a version 2+
 * file; the 32-bit block only for a version 1 file) and, for instants at or
 * after the last transition, the rule of its footer, computed the way glibc
 * (and so zdump and date) computes it: from the UTC year of the instant.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "civil.h"
#include "suggest.h"
#include "tz.h"

#define TZ_DEFAULT_DIR	"/usr/share/zoneinfo"
#define TZ_MAX_FILE	(1 << 20)	/* real files are a few KiB */
#define TZ_NAME_MAX	255
#define TZ_UNKNOWN_MAX	1024	/* unknown names remembered */
/* Far enough for any arithmetic below to stay inside int64. */
#define TZ_T_MIN	(-((int64_t)1 << 56))
#define TZ_T_MAX	((int64_t)1 << 56)

struct tz_type {
	int32_t	 off;
	int	 isdst;
	const char *abbr;	/* into zone->abbrs */
};

/* One date of a POSIX rule: Jn, n or Mm.w.d, and the local time of day. */
struct tz_rule_date {
	char	 kind;		/* 'J', 'D' (zero-based day), 'M' */
	int	 day, week, month;
	int32_t	 secs;		/* may be negative or past 24h */
};

struct tz_rule {
	int	 present;	/* a footer was parsed */
	int	 has_dst;
	int32_t	 std_off, dst_off;	/* seconds east */
	char	 std_abbr[16], dst_abbr[16];
	struct tz_rule_date start, end;
};

struct tz_zone {
	char		*name;
	int64_t		*trans;
	unsigned char	*trans_type;
	size_t		 ntrans;
	struct tz_type	*types;
	size_t		 ntypes;
	char		*abbrs;
	struct tz_rule	 rule;
};

/* The span of one offset, [start, end), as tz_period() finds it. */
struct tz_period {
	int64_t	 start, end;
	int32_t	 off;
	int	 isdst;
	const char *abbr;
};

struct tz_cached {
	char		*name;
	struct tz_zone	*zone;	/* NULL: known not to load */
};

#define CC_SLOTS	(26 * 26)

struct tz_db {
	char		*dir;
	struct tz_cached *cache;	/* sorted by name */
	size_t		 ncache, capcache;
	size_t		 nunknown;	/* cached names that are no zone */
	int		 tab_loaded;
	char		*tab_zone[CC_SLOTS];	/* from the tab files */
	int		 names_loaded;
	char		**names;	/* every zone and link name */
	size_t		 nnames, capnames;
	char		*override[CC_SLOTS];	/* tzdb_set_country_zone */
};

/*
 * Countries whose tab files list a smaller zone first (they order zones by
 * geography): the zone with the most people, used when the tab lists it
 * for that country.
 */
static const struct {
	const char *cc, *zone;
} populous_zone[] = {
	{ "AU", "Australia/Sydney" },
	{ "BR", "America/Sao_Paulo" },
	{ "CA", "America/Toronto" },
	{ "CD", "Africa/Lagos" },	/* Kinshasa */
	{ "DE", "Europe/Berlin" },
	{ "MY", "Asia/Singapore" },	/* Kuala Lumpur */
	{ "PS", "Asia/Hebron" },
	{ "RU", "Europe/Moscow" },
	{ "UA", "Europe/Kyiv" },
	{ "UZ", "Asia/Tashkent" },
	{ "VN", "Asia/Ho_Chi_Minh" },
};

/* ---- names and files ------------------------------------------------- */

/*
 * A zone name comes from data, so it must not reach outside the database:
 * no absolute path, no "." or ".." component, only the characters IANA
 * names use.
 */
static int
tz_name_ok(const char *name)
{
	const char *p, *comp;
	size_t len = strlen(name);

	if (len == 0 || len > TZ_NAME_MAX)
		return 0;
	for (p = name; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p) && strchr("/_+-.", *p) == NULL)
			return 0;
	comp = name;
	for (;;) {
		size_t n = strcspn(comp, "/");

		if (n == 0 || (n == 1 && comp[0] == '.') ||
		    (n == 2 && comp[0] == '.' && comp[1] == '.'))
			return 0;
		if (comp[n] == '\0')
			return 1;
		comp += n + 1;
	}
}

static int
read_file(const char *path, struct buf *out, size_t max)
{
	FILE *f;
	char chunk[8192];
	size_t n;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		buf_add(out, chunk, n);
		if (out->len > max)
			break;
	}
	if (ferror(f) || out->len > max) {
		fclose(f);
		return -1;
	}
	fclose(f);
	return 0;
}

/* ---- POSIX TZ strings (the footer) ----------------------------------- */

static const char *
parse_abbr(const char *p, char *out, size_t outsz)
{
	size_t n = 0;

	if (*p == '<') {
		p++;
		while (*p != '>' && *p != '\0') {
			if (!isalnum((unsigned char)*p) && *p != '+' &&
			    *p != '-')
				return NULL;
			if (n + 1 < outsz)
				out[n++] = *p;
			p++;
		}
		if (*p != '>')
			return NULL;
		p++;
	} else {
		while (isalpha((unsigned char)*p)) {
			if (n + 1 < outsz)
				out[n++] = *p;
			p++;
		}
	}
	out[n] = '\0';
	return n >= 1 ? p : NULL;
}

/* [+-]h[h][:mm[:ss]] with hours up to 167 (RFC 8536's extension). */
static const char *
parse_hms(const char *p, int32_t *secs)
{
	int sign = 1, h = 0, m = 0, s = 0, digits = 0;

	if (*p == '+' || *p == '-')
		sign = *p++ == '-' ? -1 : 1;
	while (isdigit((unsigned char)*p) && digits < 3) {
		h = h * 10 + (*p++ - '0');
		digits++;
	}
	if (digits == 0 || h > 167)
		return NULL;
	if (*p == ':') {
		p++;
		if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]))
			return NULL;
		m = (p[0] - '0') * 10 + (p[1] - '0');
		p += 2;
		if (*p == ':') {
			p++;
			if (!isdigit((unsigned char)p[0]) ||
			    !isdigit((unsigned char)p[1]))
				return NULL;
			s = (p[0] - '0') * 10 + (p[1] - '0');
			p += 2;
		}
		if (m > 59 || s > 59)
			return NULL;
	}
	*secs = sign * (h * 3600 + m * 60 + s);
	return p;
}

static const char *
parse_num(const char *p, int *v, int lo, int hi)
{
	int n = 0, digits = 0;

	while (isdigit((unsigned char)*p) && digits < 4) {
		n = n * 10 + (*p++ - '0');
		digits++;
	}
	if (digits == 0 || n < lo || n > hi)
		return NULL;
	*v = n;
	return p;
}

static const char *
parse_rule_date(const char *p, struct tz_rule_date *d)
{
	d->secs = 2 * 3600;
	if (*p == 'J') {
		d->kind = 'J';
		p = parse_num(p + 1, &d->day, 1, 365);
	} else if (*p == 'M') {
		d->kind = 'M';
		p = parse_num(p + 1, &d->month, 1, 12);
		if (p == NULL || *p++ != '.')
			return NULL;
		p = parse_num(p, &d->week, 1, 5);
		if (p == NULL || *p++ != '.')
			return NULL;
		p = parse_num(p, &d->day, 0, 6);
	} else {
		d->kind = 'D';
		p = parse_num(p, &d->day, 0, 365);
	}
	if (p != NULL && *p == '/')
		p = parse_hms(p + 1, &d->secs);
	return p;
}

/* Parse a POSIX TZ string such as "CET-1CEST,M3.5.0,M10.5.0/3". */
static int
parse_posix_tz(const char *s, struct tz_rule *r)
{
	const char *p = s;
	int32_t off;

	memset(r, 0, sizeof *r);
	if ((p = parse_abbr(p, r->std_abbr, sizeof r->std_abbr)) == NULL ||
	    (p = parse_hms(p, &off)) == NULL)
		return -1;
	r->std_off = -off;	/* POSIX counts west as positive */
	if (off < -26 * 3600 || off > 26 * 3600)
		return -1;	/* 167 hours is for rule times only */
	r->present = 1;
	if (*p == '\0')
		return 0;
	if ((p = parse_abbr(p, r->dst_abbr, sizeof r->dst_abbr)) == NULL)
		return -1;
	r->has_dst = 1;
	r->dst_off = r->std_off + 3600;
	if (*p != ',' && *p != '\0') {
		if ((p = parse_hms(p, &off)) == NULL)
			return -1;
		r->dst_off = -off;
	}
	if (*p == '\0')		/* POSIX leaves the rule to the system: US */
		p = ",M3.2.0,M11.1.0";
	if (r->dst_off < -26 * 3600 || r->dst_off > 26 * 3600)
		return -1;
	if (*p++ != ',' || (p = parse_rule_date(p, &r->start)) == NULL ||
	    *p++ != ',' || (p = parse_rule_date(p, &r->end)) == NULL)
		return -1;
	return *p == '\0' ? 0 : -1;
}

static int
is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* The UTC instant at which rule date d happens in year y at offset off. */
static int64_t
rule_instant(const struct tz_rule_date *d, int64_t y, int32_t off)
{
	int64_t day;

	switch (d->kind) {
	case 'J':
		day = civil_days_from(y, 1, 1) + d->day - 1;
		if (is_leap(y) && d->day >= 60)
			day++;
		break;
	case 'D':
		day = civil_days_from(y, 1, 1) + d->day;
		break;
	default: {
		int64_t first = civil_days_from(y, d->month, 1);
		int64_t next = d->month == 12 ? civil_days_from(y + 1, 1, 1)
		    : civil_days_from(y, d->month + 1, 1);
		int wd = (civil_weekday(first) + 1) % 7;	/* 0 = Sunday */

		day = first + (d->day - wd + 7) % 7 + 7 * (d->week - 1);
		while (day >= next)
			day -= 7;
		break;
	}
	}
	return day * 86400 + d->secs - off;
}

static void
rule_changes(const struct tz_rule *r, int64_t y, int64_t *start,
    int64_t *end)
{
	*start = rule_instant(&r->start, y, r->std_off);
	*end = rule_instant(&r->end, y, r->dst_off);
}

static int
rule_is_dst(const struct tz_rule *r, int64_t t)
{
	int64_t y, s, e;
	int m, d;

	if (!r->has_dst)
		return 0;
	civil_from_days(civil_floor_div(t, 86400), &y, &m, &d);
	rule_changes(r, y, &s, &e);
	return s < e ? (t >= s && t < e) : (t < e || t >= s);
}

/* The period of the footer rule around t, not starting before `floor`. */
static void
rule_period(const struct tz_zone *z, int64_t t, int64_t floor,
    struct tz_period *p)
{
	const struct tz_rule *r = &z->rule;
	int64_t y, ev[6];
	int m, d, i;

	p->isdst = rule_is_dst(r, t);
	p->off = p->isdst ? r->dst_off : r->std_off;
	p->abbr = p->isdst ? r->dst_abbr : r->std_abbr;
	p->start = floor;
	p->end = TZ_T_MAX;
	if (!r->has_dst)
		return;
	civil_from_days(civil_floor_div(t, 86400), &y, &m, &d);
	for (i = 0; i < 3; i++)
		rule_changes(r, y - 1 + i, &ev[2 * i], &ev[2 * i + 1]);
	for (i = 0; i < 6; i++) {
		if (ev[i] <= t && ev[i] > p->start)
			p->start = ev[i];
		if (ev[i] > t && ev[i] < p->end)
			p->end = ev[i];
	}
}

/* ---- TZif ------------------------------------------------------------ */

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static int64_t
be64(const unsigned char *p)
{
	return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

struct tzif_counts {
	uint32_t isut, isstd, leap, time, type, chars;
};

static int
tzif_header(const unsigned char *p, size_t len, struct tzif_counts *c,
    int *version)
{
	if (len < 44 || memcmp(p, "TZif", 4) != 0)
		return -1;
	*version = p[4] == 0 ? 1 : p[4] - '0';
	c->isut = be32(p + 20);
	c->isstd = be32(p + 24);
	c->leap = be32(p + 28);
	c->time = be32(p + 32);
	c->type = be32(p + 36);
	c->chars = be32(p + 40);
	/* Leap-second ("right/") files count time in another scale than
	 * cs_time's POSIX seconds: refused rather than read 27 s off. */
	if (c->type == 0 || c->type > 256 || c->chars == 0 ||
	    c->time > 100000 || c->leap != 0 || c->chars > 100000 ||
	    (c->isut != 0 && c->isut != c->type) ||
	    (c->isstd != 0 && c->isstd != c->type))
		return -1;
	return 0;
}

static size_t
tzif_block_len(const struct tzif_counts *c, size_t tsize)
{
	return c->time * tsize + c->time + c->type * 6 + c->chars +
	    c->leap * (tsize + 4) + c->isstd + c->isut;
}

/* Fill z from one data block (tsize 4 or 8 bytes a time). */
static int
tzif_block(struct tz_zone *z, const unsigned char *p,
    const struct tzif_counts *c, size_t tsize)
{
	const unsigned char *idx = p + c->time * tsize;
	const unsigned char *ti = idx + c->time;
	const unsigned char *chars = ti + c->type * 6;
	size_t i;

	z->ntrans = c->time;
	z->trans = xcalloc(c->time ? c->time : 1, sizeof *z->trans);
	z->trans_type = xmalloc(c->time ? c->time : 1);
	for (i = 0; i < c->time; i++) {
		z->trans[i] = tsize == 8 ? be64(p + 8 * i) :
		    (int64_t)(int32_t)be32(p + 4 * i);
		if (idx[i] >= c->type || (i > 0 && z->trans[i] <= z->trans[i - 1]))
			return -1;
		z->trans_type[i] = idx[i];
	}
	z->abbrs = xmalloc(c->chars + 1);
	memcpy(z->abbrs, chars, c->chars);
	z->abbrs[c->chars] = '\0';
	z->ntypes = c->type;
	z->types = xcalloc(c->type, sizeof *z->types);
	for (i = 0; i < c->type; i++) {
		const unsigned char *e = ti + 6 * i;
		int32_t off = (int32_t)be32(e);

		if (e[5] >= c->chars || off < -25 * 3600 || off > 26 * 3600 ||
		    e[4] > 1)
			return -1;
		z->types[i].off = off;
		z->types[i].isdst = e[4];
		z->types[i].abbr = z->abbrs + e[5];
	}
	return 0;
}

static void
zone_free(struct tz_zone *z)
{
	if (z == NULL)
		return;
	free(z->name);
	free(z->trans);
	free(z->trans_type);
	free(z->types);
	free(z->abbrs);
	free(z);
}

/* Parse TZif bytes into a zone; NULL when they are not a valid file. */
static struct tz_zone *
tzif_parse(const char *name, const unsigned char *p, size_t len)
{
	struct tzif_counts c;
	struct tz_zone *z;
	size_t blen, tsize = 4;
	int version;

	if (tzif_header(p, len, &c, &version) != 0)
		return NULL;
	blen = tzif_block_len(&c, 4);
	if (44 + blen > len)
		return NULL;
	if (version >= 2) {	/* skip the 32-bit block for the 64-bit one */
		p += 44 + blen;
		len -= 44 + blen;
		if (tzif_header(p, len, &c, &version) != 0)
			return NULL;
		tsize = 8;
		blen = tzif_block_len(&c, 8);
		if (44 + blen > len)
			return NULL;
	}
	z = xcalloc(1, sizeof *z);
	z->name = xstrdup(name);
	if (tzif_block(z, p + 44, &c, tsize) != 0) {
		zone_free(z);
		return NULL;
	}
	if (tsize == 8 && 44 + blen < len && p[44 + blen] == '\n') {
		const unsigned char *f = p + 44 + blen + 1;
		const unsigned char *nl = memchr(f, '\n', len - 44 - blen - 1);
		char footer[128];

		if (nl != NULL && (size_t)(nl - f) < sizeof footer && nl > f) {
			memcpy(footer, f, nl - f);
			footer[nl - f] = '\0';
			if (parse_posix_tz(footer, &z->rule) != 0) {
				zone_free(z);
				return NULL;
			}
		}
	}
	return z;
}

/* ---- periods ----------------------------------------------------------- */

/* The span around t during which one offset is in force. */
static void
tz_period(const struct tz_zone *z, int64_t t, struct tz_period *p)
{
	size_t lo, hi, n = z->ntrans;
	const struct tz_type *ty;

	if (n == 0 || t < z->trans[0]) {
		if (n == 0 && z->rule.present) {
			rule_period(z, t, TZ_T_MIN, p);
			return;
		}
		ty = &z->types[0];
		p->start = TZ_T_MIN;
		p->end = n == 0 ? TZ_T_MAX : z->trans[0];
	} else if (t >= z->trans[n - 1]) {
		if (z->rule.present) {
			rule_period(z, t, z->trans[n - 1], p);
			return;
		}
		ty = &z->types[z->trans_type[n - 1]];
		p->start = z->trans[n - 1];
		p->end = TZ_T_MAX;
	} else {
		lo = 0;			/* trans[lo] <= t < trans[hi] */
		hi = n - 1;
		while (hi - lo > 1) {
			size_t mid = lo + (hi - lo) / 2;

			if (z->trans[mid] <= t)
				lo = mid;
			else
				hi = mid;
		}
		ty = &z->types[z->trans_type[lo]];
		p->start = z->trans[lo];
		p->end = z->trans[hi];
	}
	p->off = ty->off;
	p->isdst = ty->isdst;
	p->abbr = ty->abbr;
}

static int64_t
clamp_t(int64_t t)
{
	return t < TZ_T_MIN ? TZ_T_MIN : t > TZ_T_MAX ? TZ_T_MAX : t;
}

const char *
tz_name(const struct tz_zone *z)
{
	return z->name;
}

int
tz_offset_at(const struct tz_zone *z, int64_t utc_sec, int *is_dst,
    const char **abbr)
{
	struct tz_period p;

	tz_period(z, clamp_t(utc_sec), &p);
	if (is_dst != NULL)
		*is_dst = p.isdst;
	if (abbr != NULL)
		*abbr = p.abbr;
	return p.off;
}

/*
 * Every reading of a wall-clock time: walk the periods of the two days
 * around it (no zone has changed its offset by two days at once) and keep
 * each UTC instant whose period has the offset that produces it.
 */
#define TZ_SCAN	(2 * 86400)

int
tz_local_to_utc(const struct tz_zone *z, int64_t local, int64_t *utc)
{
	struct tz_period p, prev = { 0, 0, 0, 0, NULL };
	int64_t t, first = 0, gap = 0;
	int found = 0, have_prev = 0, have_gap = 0;

	local = clamp_t(local);
	/* Most times are far from any change: one period around them. */
	tz_period(z, local - tz_offset_at(z, local, NULL, NULL), &p);
	t = local - p.off;
	if (t >= p.start && p.start <= t - TZ_SCAN && t + TZ_SCAN < p.end) {
		*utc = t;
		return 0;
	}
	for (t = local - TZ_SCAN; t <= local + TZ_SCAN; t = p.end) {
		int64_t u;

		tz_period(z, t, &p);
		u = local - p.off;
		if (u >= p.start && u < p.end) {	/* periods are disjoint */
			if (found == 0 || u < first)
				first = u;
			found++;
		}
		/* A jump forward over the wall time: read it with the
		 * offset before the jump. */
		if (have_prev && !have_gap && p.start + prev.off <= local &&
		    local < p.start + p.off) {
			gap = local - prev.off;
			have_gap = 1;
		}
		prev = p;
		have_prev = 1;
		if (p.end >= TZ_T_MAX)
			break;
	}
	if (found > 0) {
		*utc = first;
		return found > 1 ? 1 : 0;
	}
	*utc = have_gap ? gap : local - tz_offset_at(z, local, NULL, NULL);
	return 2;
}

int64_t
tz_local_boundary(const struct tz_zone *z, int64_t local)
{
	struct tz_period p;
	int64_t u;

	if (tz_local_to_utc(z, local, &u) != 2)
		return u;
	/* Skipped: u is after the jump; the jump is where u's period starts,
	 * or an earlier start when the clock jumped more than once. */
	tz_period(z, u, &p);
	while (p.start > TZ_T_MIN) {
		struct tz_period q;

		tz_period(z, p.start - 1, &q);
		if (p.start - 1 + q.off >= local)
			p = q;
		else
			break;
	}
	return p.start;
}

int64_t
tz_next_change(const struct tz_zone *z, int64_t utc_sec)
{
	struct tz_period p;

	tz_period(z, clamp_t(utc_sec), &p);
	return p.end;
}

/* ---- the database -------------------------------------------------------- */

struct tz_db *
tzdb_open(const char *dir)
{
	struct tz_db *db = xcalloc(1, sizeof *db);

	if (dir == NULL || *dir == '\0')
		dir = getenv("TZDIR");
	if (dir == NULL || *dir == '\0')
		dir = TZ_DEFAULT_DIR;
	db->dir = xstrdup(dir);
	return db;
}

void
tzdb_close(struct tz_db *db)
{
	size_t i;

	if (db == NULL)
		return;
	for (i = 0; i < db->ncache; i++) {
		free(db->cache[i].name);
		zone_free(db->cache[i].zone);
	}
	free(db->cache);
	for (i = 0; i < CC_SLOTS; i++) {
		free(db->tab_zone[i]);
		free(db->override[i]);
	}
	for (i = 0; i < db->nnames; i++)
		free(db->names[i]);
	free(db->names);
	free(db->dir);
	free(db);
}

static struct tz_zone *
zone_load(const struct tz_db *db, const char *name)
{
	struct buf path = BUF_INIT, data = BUF_INIT;
	struct tz_zone *z = NULL;

	buf_printf(&path, "%s/%s", db->dir, name);
	if (read_file(buf_str(&path), &data, TZ_MAX_FILE) == 0)
		z = tzif_parse(name, (const unsigned char *)data.data,
		    data.len);
	buf_free(&path);
	buf_free(&data);
	return z;
}

/*
 * A fixed offset as exports write it: "UTC+8", "GMT-03:00", "+05:30",
 * "utc+0530".  East is positive, as in ISO 8601 and RFC 3339 (not as in
 * POSIX TZ strings or the Etc/GMT+5 files).  -1 when s is not one.
 */
static int
fixed_offset_parse(const char *s, int32_t *off)
{
	int sign, h = 0, m = 0, digits = 0;

	if (strncasecmp(s, "UTC", 3) == 0 || strncasecmp(s, "GMT", 3) == 0)
		s += 3;
	if (*s != '+' && *s != '-')
		return -1;
	sign = *s++ == '-' ? -1 : 1;
	while (isdigit((unsigned char)*s) && digits < 2) {
		h = h * 10 + (*s++ - '0');
		digits++;
	}
	if (digits == 0)
		return -1;
	if (*s == ':')
		s++;
	if (*s != '\0') {
		if (!isdigit((unsigned char)s[0]) ||
		    !isdigit((unsigned char)s[1]) || s[2] != '\0')
			return -1;
		m = (s[0] - '0') * 10 + (s[1] - '0');
	}
	if (h > 18 || m > 59 || (h == 18 && m > 0))
		return -1;
	*off = sign * (h * 3600 + m * 60);
	return 0;
}

/* A zone of one offset for ever, named as given. */
static struct tz_zone *
fixed_zone(const char *name, int32_t off)
{
	struct tz_zone *z = xcalloc(1, sizeof *z);
	int a = off < 0 ? -off : off;
	char abbr[16];

	snprintf(abbr, sizeof abbr, "%c%02d%02d", off < 0 ? '-' : '+',
	    a / 3600, a / 60 % 60);
	z->name = xstrdup(name);
	z->abbrs = xstrdup(abbr);
	z->ntypes = 1;
	z->types = xcalloc(1, sizeof *z->types);
	z->types[0].off = off;
	z->types[0].abbr = z->abbrs;
	return z;
}

/* Add name → z (NULL: no such zone) at position lo of the sorted cache. */
static const struct tz_zone *
cache_insert(struct tz_db *db, size_t lo, const char *name,
    struct tz_zone *z)
{
	if (db->ncache == db->capcache) {
		db->capcache = db->capcache ? 2 * db->capcache : 32;
		db->cache = xrealloc(db->cache,
		    db->capcache * sizeof *db->cache);
	}
	memmove(db->cache + lo + 1, db->cache + lo,
	    (db->ncache - lo) * sizeof *db->cache);
	db->cache[lo].name = xstrdup(name);
	db->cache[lo].zone = z;
	db->ncache++;
	if (z == NULL)
		db->nunknown++;
	return z;
}

const struct tz_zone *
tzdb_zone(struct tz_db *db, const char *name)
{
	size_t lo = 0, hi = db->ncache;
	struct tz_zone *z = NULL;
	int32_t fixed = 0;
	int is_fixed;

	if (name == NULL)
		return NULL;
	is_fixed = fixed_offset_parse(name, &fixed) == 0;
	if (!is_fixed && !tz_name_ok(name))
		return NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(db->cache[mid].name, name);

		if (c == 0)
			return db->cache[mid].zone;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* GMT+0 and GMT-0 are also files (with the abbreviation GMT); any
	 * other offset is read the RFC 3339 way, whatever files exist.  A
	 * name in another case ("asia/shanghai") is the zone of that name. */
	if (!is_fixed || fixed == 0)
		z = zone_load(db, name);
	if (z == NULL && !is_fixed) {
		const char *proper = tzdb_name_nocase(db, name);
		if (proper != NULL && strcmp(proper, name) != 0)
			z = zone_load(db, proper);
	}
	if (z == NULL && is_fixed)
		z = fixed_zone(name, fixed);
	/* Names that are no zone are remembered, but only so many: a stream
	 * of made-up names must not grow memory line by line. */
	if (z == NULL && db->nunknown >= TZ_UNKNOWN_MAX)
		return NULL;
	return cache_insert(db, lo, name, z);
}

static int
cc_slot(const char *cc)
{
	int a, b;

	if (cc == NULL || !isalpha((unsigned char)cc[0]) ||
	    !isalpha((unsigned char)cc[1]) || cc[2] != '\0')
		return -1;
	a = toupper((unsigned char)cc[0]) - 'A';
	b = toupper((unsigned char)cc[1]) - 'A';
	if (a < 0 || a >= 26 || b < 0 || b >= 26)
		return -1;
	return a * 26 + b;
}

static const char *
populous_for(const char *cc, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof populous_zone / sizeof populous_zone[0]; i++)
		if (strlen(populous_zone[i].cc) == n &&
		    memcmp(populous_zone[i].cc, cc, n) == 0)
			return populous_zone[i].zone;
	return NULL;
}

/* One data line of a tab file: "CC[,CC…]\tcoords\tZONE[\tcomment]". */
static void
tab_line(struct tz_db *db, char *line)
{
	char *codes = line, *zone, *t;
	char cc[3];

	if ((t = strchr(line, '\t')) == NULL)
		return;
	*t = '\0';
	if ((t = strchr(t + 1, '\t')) == NULL)
		return;
	zone = t + 1;
	zone[strcspn(zone, "\t\r\n")] = '\0';
	if (!tz_name_ok(zone))
		return;
	while (*codes != '\0') {
		size_t n = strcspn(codes, ",");
		const char *pop = populous_for(codes, n);
		int slot;

		if (n == 2) {
			memcpy(cc, codes, 2);
			cc[2] = '\0';
			if ((slot = cc_slot(cc)) >= 0 &&
			    (db->tab_zone[slot] == NULL ||
			    (pop != NULL && strcmp(pop, zone) == 0))) {
				free(db->tab_zone[slot]);
				db->tab_zone[slot] = xstrdup(zone);
			}
		}
		codes += n;
		if (*codes == ',')
			codes++;
	}
}

static void
tab_load(struct tz_db *db)
{
	static const char *const tabs[] = { "zone1970.tab", "zone.tab" };
	struct buf path = BUF_INIT, data = BUF_INIT;
	size_t i;

	db->tab_loaded = 1;
	for (i = 0; i < 2; i++) {
		char *line, *next;

		buf_reset(&path);
		buf_reset(&data);
		buf_printf(&path, "%s/%s", db->dir, tabs[i]);
		if (read_file(buf_str(&path), &data, TZ_MAX_FILE) != 0 ||
		    data.len == 0)
			continue;
		for (line = data.data; line != NULL && *line != '\0';
		    line = next) {
			if ((next = strchr(line, '\n')) != NULL)
				*next++ = '\0';
			if (*line != '#')
				tab_line(db, line);
		}
		break;
	}
	buf_free(&path);
	buf_free(&data);
}

const char *
tzdb_country_zone(struct tz_db *db, const char *cc)
{
	int slot = cc_slot(cc);

	if (slot < 0)
		return NULL;
	if (db->override[slot] != NULL)
		return db->override[slot];
	if (!db->tab_loaded)
		tab_load(db);
	return db->tab_zone[slot];
}

int
tzdb_set_country_zone(struct tz_db *db, const char *cc, const char *zone)
{
	int slot = cc_slot(cc);

	if (slot < 0 || tzdb_zone(db, zone) == NULL)
		return -1;
	free(db->override[slot]);
	db->override[slot] = xstrdup(zone);
	return 0;
}

/* ---- names ------------------------------------------------------------- */

static void
name_add(struct tz_db *db, const char *s, size_t n)
{
	if (db->nnames == db->capnames) {
		db->capnames = db->capnames ? db->capnames * 2 : 512;
		db->names = xrealloc(db->names, db->capnames * sizeof *db->names);
	}
	db->names[db->nnames++] = xstrndup(s, n);
}

/*
 * Every name the database knows: the zones ("Z NAME ...") and links
 * ("L TARGET NAME") of tzdata.zi, the database's own summary; without it,
 * the zones of the tab files.  Read once, on the first question.
 */
static void
names_load(struct tz_db *db)
{
	char path[4096], line[1024];
	FILE *fp;

	if (db->names_loaded)
		return;
	db->names_loaded = 1;
	name_add(db, "UTC", 3);
	snprintf(path, sizeof path, "%s/tzdata.zi", db->dir);
	if ((fp = fopen(path, "r")) != NULL) {
		while (fgets(line, sizeof line, fp) != NULL) {
			char *p = line + 2, *e;
			if ((line[0] != 'Z' && line[0] != 'L') || line[1] != ' ')
				continue;
			if (line[0] == 'L')	/* the link's own name */
				p += strcspn(p, " \n"), p += strspn(p, " ");
			e = p + strcspn(p, " \t\n");
			if (e > p)
				name_add(db, p, (size_t)(e - p));
		}
		fclose(fp);
		return;
	}
	tab_load(db);
	for (size_t i = 0; i < CC_SLOTS; i++)
		if (db->tab_zone[i] != NULL)
			name_add(db, db->tab_zone[i], strlen(db->tab_zone[i]));
}

const char *
tzdb_name_nocase(struct tz_db *db, const char *name)
{
	names_load(db);
	for (size_t i = 0; i < db->nnames; i++)
		if (strcasecmp(db->names[i], name) == 0)
			return db->names[i];
	return NULL;
}

const char *
tzdb_suggest(struct tz_db *db, const char *name)
{
	/* The region ("Asia/") matches whatever the city: a third of the
	 * city's length is what a typo may cost. */
	const char *slash = strrchr(name, '/');
	size_t city = strlen(slash ? slash + 1 : name);
	struct suggest s = { name, NULL, 0, city / 3 > 0 ? city / 3 : 1 };

	names_load(db);
	/* a city alone: "shanghai", "Sao Paulo" */
	for (size_t i = 0; i < db->nnames; i++) {
		const char *city = strrchr(db->names[i], '/');
		if (city == NULL)
			continue;
		city++;
		size_t n = strlen(city), k;
		for (k = 0; k < n && name[k] != '\0'; k++)
			if (tolower((unsigned char)name[k]) !=
			    tolower((unsigned char)(city[k] == '_' ? ' ' :
			    city[k])) && tolower((unsigned char)name[k]) !=
			    tolower((unsigned char)city[k]))
				break;
		if (k == n && name[k] == '\0')
			return db->names[i];
	}
	for (size_t i = 0; i < db->nnames; i++)
		suggest_offer(&s, db->names[i]);
	return s.best;
}
