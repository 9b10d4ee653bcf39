/*
 * calendar — the --hours spec and the --holidays file, then the questions
 * cs-kpi and cs-tzsched ask of the calendar they make.
 *
 * Input: the first line is the hours spec, the rest the holidays file;
 * byte 0 of the spec picks the team's zone.
 */
#include "fuzz.h"
#include "calendar.h"
#include "tz.h"

static struct tz_db *db;

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
	int z;

	if (db == NULL)
		db = tzdb_open(NULL);
	if (n < 1)
		return 0;
	z = data[0] & 3;
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
		if (cal_business_seconds(c, t0, t0 + 9 * 86400000LL) < 0)
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
