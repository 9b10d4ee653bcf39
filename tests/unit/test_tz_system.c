/*
 * test_tz_system — lib/tz against the system's own answers, for every zone
 * and link of the tz database (tzdata.zi; else the tab files):
 *   1. `zdump -v -c FROM,TO` for all of them: each transition and the
 *      second before it, the offset, DST flag and abbreviation, and the
 *      local → UTC reading of that wall time;
 *   2. glibc's localtime_r (what date(1) uses) at many pseudo-random
 *      instants per zone from 1800 to 2400, most past the tables' end in
 *      2037 so the footer rules answer.
 * CSKIT_TZ_YEARS=1800,2200 widens the zdump span (default 1995,2045).
 * Skipped (passes with a note) when zdump is not installed.
 */
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "civil.h"
#include "ts.h"
#include "tz.h"

#define ZONEDIR	"/usr/share/zoneinfo"
#define MAX_NAMES 2000

static char *names[MAX_NAMES];
static int nnames;

static int
name_safe(const char *s)
{
	for (; *s != '\0'; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || strchr("/_+-.", *s) != NULL))
			return 0;
	return 1;
}

static void
add_name(const char *s)
{
	int i;

	if (!name_safe(s) || nnames == MAX_NAMES)
		return;
	for (i = 0; i < nnames; i++)
		if (strcmp(names[i], s) == 0)
			return;
	names[nnames++] = xstrdup(s);
}

/* Zones ("Z NAME …") and links ("L TARGET NAME") of tzdata.zi. */
static void
load_names(void)
{
	char line[1024], a[256], b[256];
	FILE *f = fopen(ZONEDIR "/tzdata.zi", "r");

	if (f != NULL) {
		while (fgets(line, sizeof line, f) != NULL) {
			if (sscanf(line, "Z %255s", a) == 1)
				add_name(a);
			else if (sscanf(line, "L %255s %255s", a, b) == 2)
				add_name(b);
		}
		fclose(f);
	}
	if (nnames > 0)
		return;
	if ((f = fopen(ZONEDIR "/zone1970.tab", "r")) == NULL)
		return;
	while (fgets(line, sizeof line, f) != NULL)
		if (line[0] != '#' && sscanf(line, "%*s %*s %255s", a) == 1)
			add_name(a);
	fclose(f);
}

static int
month_num(const char *m)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	const char *p = strstr(months, m);

	return p == NULL || strlen(m) != 3 ? 0 : (int)(p - months) / 3 + 1;
}

static struct tz_db *db;
static unsigned long checked, transitions_seen;

/* Check one known instant and its reading in zone z. */
static void
check_instant(const struct tz_zone *z, const char *name, int64_t t,
    int off, int isdst, const char *abbr)
{
	const char *a;
	int dst, got = tz_offset_at(z, t, &dst, &a);
	int64_t u;
	int r;

	if (got != off || dst != isdst || strcmp(a, abbr) != 0) {
		print_error("%s at %lld: got %d %d %s, want %d %d %s\n", name,
		    (long long)t, got, dst, a, off, isdst, abbr);
		fail();
	}
	/* The wall time of a real instant is never skipped, and reading it
	 * back gives this instant or an earlier one with the same wall time. */
	r = tz_local_to_utc(z, t + off, &u);
	if (r == 2 || (r == 0 && u != t) || u > t ||
	    u + tz_offset_at(z, u, NULL, NULL) != t + off) {
		print_error("%s: local %lld read back as %lld (%d), want %lld\n",
		    name, (long long)(t + off), (long long)u, r, (long long)t);
		fail();
	}
	checked++;
}

static void
test_zdump(void **state)
{
	const char *years = getenv("CSKIT_TZ_YEARS");
	struct buf cmd = BUF_INIT;
	char line[512];
	FILE *p;
	int i;

	(void)state;
	if (access("/usr/bin/zdump", X_OK) != 0 &&
	    access("/usr/sbin/zdump", X_OK) != 0) {
		printf("zdump not installed: comparison skipped\n");
		skip();
	}
	if (years == NULL || strspn(years, "0123456789,-") != strlen(years))
		years = "1995,2045";
	buf_printf(&cmd, "TZDIR=" ZONEDIR " zdump -v -c %s", years);
	for (i = 0; i < nnames; i++)
		buf_printf(&cmd, " %s", names[i]);
	p = popen(buf_str(&cmd), "r");
	assert_non_null(p);
	while (fgets(line, sizeof line, p) != NULL) {
		char zn[256], wd1[4], mo1[4], wd2[4], mo2[4], abbr[64];
		int d1, h1, mi1, s1, d2, h2, mi2, s2, isdst, off;
		long long y1, y2;
		const struct tz_zone *z;
		int64_t t, local;

		if (strstr(line, "= NULL") != NULL)
			continue;
		if (sscanf(line, "%255s %3s %3s %d %d:%d:%d %lld UT = %3s %3s "
		    "%d %d:%d:%d %lld %63s isdst=%d gmtoff=%d", zn, wd1, mo1,
		    &d1, &h1, &mi1, &s1, &y1, wd2, mo2, &d2, &h2, &mi2, &s2,
		    &y2, abbr, &isdst, &off) != 18) {
			print_error("unparsed zdump line: %s", line);
			fail();
		}
		z = tzdb_zone(db, zn);
		if (z == NULL) {
			print_error("zone %s did not load\n", zn);
			fail();
		}
		t = civil_days_from(y1, month_num(mo1), d1) * 86400 +
		    h1 * 3600 + mi1 * 60 + s1;
		local = civil_days_from(y2, month_num(mo2), d2) * 86400 +
		    h2 * 3600 + mi2 * 60 + s2;
		assert_int_equal(local - t, off);
		check_instant(z, zn, t, off, isdst, abbr);
		transitions_seen++;
	}
	assert_int_equal(pclose(p), 0);
	buf_free(&cmd);
	printf("zdump -c %s: %d zones, %lu instants agree\n", years, nnames,
	    transitions_seen);
	assert_true(transitions_seen > 1000);
}

static void
test_localtime(void **state)
{
	uint64_t seed = 0x9e3779b97f4a7c15u;
	const int per_zone = 400;
	unsigned long n = 0;
	int i, k;

	(void)state;
	for (i = 0; i < nnames; i++) {
		const struct tz_zone *z = tzdb_zone(db, names[i]);

		assert_non_null(z);
		setenv("TZ", names[i], 1);
		tzset();
		for (k = 0; k < per_zone; k++) {
			/* 1800 .. 2400, three quarters of them after 2037. */
			int64_t lo = k % 4 == 0 ? -5364662400LL : 2145916800LL;
			int64_t span = k % 4 == 0 ? 7510000000LL : 10620000000LL;
			time_t t;
			struct tm tm;

			seed = seed * 6364136223846793005u + 1442695040888963407u;
			t = (time_t)(lo + (int64_t)((seed >> 11) %
			    (uint64_t)span));
			assert_non_null(localtime_r(&t, &tm));
			check_instant(z, names[i], t, (int)tm.tm_gmtoff,
			    tm.tm_isdst > 0, tm.tm_zone);
			n++;
		}
	}
	unsetenv("TZ");
	printf("localtime_r: %d zones x %d instants = %lu agree\n", nnames,
	    per_zone, n);
}

static int
setup(void **state)
{
	(void)state;
	db = tzdb_open(ZONEDIR);
	load_names();
	return nnames > 0 ? 0 : -1;
}

static int
teardown(void **state)
{
	int i;

	(void)state;
	tzdb_close(db);
	for (i = 0; i < nnames; i++)
		free(names[i]);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zdump),
		cmocka_unit_test(test_localtime),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
