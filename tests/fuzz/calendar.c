/*
 * calendar — the --hours spec and the --holidays file, then the questions
 * cs-kpi and cs-tzsched ask of the calendar they make.
 *
 * Input: byte 0 picks the team's zone (bits 0-1) and the span of the
 * check below (the rest); then the hours spec up to the first newline, the
 * rest the holidays file.  Business time over the span must equal the sum
 * of the open intervals one by one (cal_business_seconds does not walk: it
 * counts per period of the zone's offset, with a table of years).
 */
#include <math.h>
#include "fuzz.h"
#include "calendar.h"
#include "tz.h"

static struct tz_db *db;

/* Open time in [from, to) in ms, the plain way: interval by interval. */
static cs_time
plain_ms(const struct cal *c, cs_time from, cs_time to)
{
	struct cal_iter it;
	cs_time o, e, sum = 0;

	cal_iter_start(&it, c, from);
	while (cal_iter_next(&it, &o, &e) && o < to) {
		if (o < from)
			o = from;
		if (e > to)
			e = to;
		sum += e - o;
	}
	return sum;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static const char *const zones[] = {
		"Asia/Shanghai", "Europe/Berlin", "America/Sao_Paulo",
		"Australia/Lord_Howe",
	};
	struct buf why = BUF_INIT;
	const char *hol = NULL;
	struct cal *c;
	char *spec;
	int z, span;

	if (db == NULL)
		db = tzdb_open(NULL);
	if (n < 1)
		return 0;
	z = data[0] & 3;
	span = data[0] >> 2;		/* 0..63: up to 441 days */
	data++, n--;
	spec = fuzz_split(&data, &n, '\n');
	if (n > 0)
		hol = fuzz_file("holidays", data, n);
	c = cal_from_options(db, spec, zones[z], hol, &why);
	if (c != NULL) {
		/* 2026-03-28T12:00Z, around a DST change in Berlin. */
		cs_time t0 = 1774699200000LL, t, o, cl;
		struct cal_iter it;
		int k = 0;

		cal_is_open(c, t0);
		t = cal_next_open(c, t0);
		if (t != CS_TIME_NONE && t < t0)
			abort();
		t = cal_next_close(c, t0);
		if (t != CS_TIME_NONE && t < t0)
			abort();
		t = t0 - 200 * 86400000LL + 3600123;
		/* (seconds with ms: compare in whole ms, not as doubles) */
		if (llround(cal_business_seconds(c, t, t + span * 7 *
		    86400000LL + 4000) * 1000) != plain_ms(c, t, t + span *
		    7 * 86400000LL + 4000))
			abort();
		cal_add_business(c, t0, 3600 * 30);
		cal_iter_start(&it, c, t0);
		while (k++ < 50 && cal_iter_next(&it, &o, &cl))
			if (cl <= o)
				abort();
		cal_free(c);
	}
	buf_free(&why);
	free(spec);
	return 0;
}
