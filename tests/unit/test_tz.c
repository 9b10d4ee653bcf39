#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "civil.h"
#include "ts.h"
#include "tz.h"
#include "tzfix.h"

/* UTC seconds of a civil date-time. */
static int64_t
utc(int y, int mo, int d, int h, int mi, int s)
{
	return civil_days_from(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}


static const struct tz_zone *
zone(const char *name)
{
	const struct tz_zone *z = tzdb_zone(db, name);

	assert_non_null(z);
	return z;
}

static void
test_berlin_2026(void **state)
{
	const struct tz_zone *z = zone("Europe/Berlin");
	const char *abbr;
	int dst;

	(void)state;
	assert_string_equal(tz_name(z), "Europe/Berlin");
	/* Spring forward at 01:00Z on 2026-03-29. */
	assert_int_equal(tz_offset_at(z, utc(2026, 3, 29, 0, 59, 59), &dst,
	    &abbr), 3600);
	assert_int_equal(dst, 0);
	assert_string_equal(abbr, "CET");
	assert_int_equal(tz_offset_at(z, utc(2026, 3, 29, 1, 0, 0), &dst,
	    &abbr), 7200);
	assert_int_equal(dst, 1);
	assert_string_equal(abbr, "CEST");
	/* Fall back at 01:00Z on 2026-10-25. */
	assert_int_equal(tz_offset_at(z, utc(2026, 10, 25, 0, 59, 59), NULL,
	    NULL), 7200);
	assert_int_equal(tz_offset_at(z, utc(2026, 10, 25, 1, 0, 0), NULL,
	    NULL), 3600);
	assert_int_equal(tz_next_change(z, utc(2026, 7, 1, 0, 0, 0)),
	    utc(2026, 10, 25, 1, 0, 0));
}

/* Past 2037 the table ends and the footer rule answers. */
static void
test_berlin_footer(void **state)
{
	const struct tz_zone *z = zone("Europe/Berlin");

	(void)state;
	assert_int_equal(tz_offset_at(z, utc(2050, 3, 27, 0, 59, 59), NULL,
	    NULL), 3600);
	assert_int_equal(tz_offset_at(z, utc(2050, 3, 27, 1, 0, 0), NULL,
	    NULL), 7200);
	assert_int_equal(tz_offset_at(z, utc(2050, 10, 30, 0, 59, 59), NULL,
	    NULL), 7200);
	assert_int_equal(tz_offset_at(z, utc(2050, 10, 30, 1, 0, 0), NULL,
	    NULL), 3600);
	assert_int_equal(tz_offset_at(z, utc(2400, 1, 1, 0, 0, 0), NULL,
	    NULL), 3600);
	assert_int_equal(tz_next_change(z, utc(2050, 4, 1, 0, 0, 0)),
	    utc(2050, 10, 30, 1, 0, 0));
}

static void
test_local_to_utc_berlin(void **state)
{
	const struct tz_zone *z = zone("Europe/Berlin");
	int64_t u;

	(void)state;
	/* Ordinary summer time. */
	assert_int_equal(tz_local_to_utc(z, utc(2026, 7, 1, 12, 0, 0), &u), 0);
	assert_int_equal(u, utc(2026, 7, 1, 10, 0, 0));
	/* 02:30 never happens on 2026-03-29: read with CET, after the gap. */
	assert_int_equal(tz_local_to_utc(z, utc(2026, 3, 29, 2, 30, 0), &u),
	    2);
	assert_int_equal(u, utc(2026, 3, 29, 1, 30, 0));
	assert_int_equal(tz_local_boundary(z, utc(2026, 3, 29, 2, 30, 0)),
	    utc(2026, 3, 29, 1, 0, 0));
	/* 03:00 is the first wall time after the gap. */
	assert_int_equal(tz_local_to_utc(z, utc(2026, 3, 29, 3, 0, 0), &u), 0);
	assert_int_equal(u, utc(2026, 3, 29, 1, 0, 0));
	/* 02:30 happens twice on 2026-10-25: the earlier, CEST. */
	assert_int_equal(tz_local_to_utc(z, utc(2026, 10, 25, 2, 30, 0), &u),
	    1);
	assert_int_equal(u, utc(2026, 10, 25, 0, 30, 0));
	assert_int_equal(tz_local_boundary(z, utc(2026, 10, 25, 2, 30, 0)),
	    utc(2026, 10, 25, 0, 30, 0));
	/* 03:00 on that day happens once, in CET. */
	assert_int_equal(tz_local_to_utc(z, utc(2026, 10, 25, 3, 0, 0), &u), 0);
	assert_int_equal(u, utc(2026, 10, 25, 2, 0, 0));
}

/* São Paulo kept DST until 2019; the clocks jumped at midnight. */
static void
test_sao_paulo_history(void **state)
{
	const struct tz_zone *z = zone("America/Sao_Paulo");
	int64_t u;

	(void)state;
	/* 2018-11-04 00:00 -03 became 01:00 -02. */
	assert_int_equal(tz_offset_at(z, utc(2018, 11, 4, 2, 59, 59), NULL,
	    NULL), -3 * 3600);
	assert_int_equal(tz_offset_at(z, utc(2018, 11, 4, 3, 0, 0), NULL,
	    NULL), -2 * 3600);
	assert_int_equal(tz_local_to_utc(z, utc(2018, 11, 4, 0, 30, 0), &u),
	    2);
	assert_int_equal(u, utc(2018, 11, 4, 3, 30, 0));
	assert_int_equal(tz_local_boundary(z, utc(2018, 11, 4, 0, 0, 0)),
	    utc(2018, 11, 4, 3, 0, 0));
	/* 2019-02-17 00:00 -02 went back to 2019-02-16 23:00 -03. */
	assert_int_equal(tz_local_to_utc(z, utc(2019, 2, 16, 23, 30, 0), &u),
	    1);
	assert_int_equal(u, utc(2019, 2, 17, 1, 30, 0));
	/* No DST since: -03 all year. */
	assert_int_equal(tz_offset_at(z, utc(2026, 1, 15, 12, 0, 0), NULL,
	    NULL), -3 * 3600);
	assert_int_equal(tz_offset_at(z, utc(2060, 1, 15, 12, 0, 0), NULL,
	    NULL), -3 * 3600);
}

static void
test_half_hour_dst(void **state)
{
	const struct tz_zone *z = zone("Australia/Lord_Howe");
	int dst;

	(void)state;
	/* +10:30 standard, +11 in summer (a 30-minute DST). */
	assert_int_equal(tz_offset_at(z, utc(2026, 7, 1, 0, 0, 0), &dst, NULL),
	    37800);
	assert_int_equal(dst, 0);
	assert_int_equal(tz_offset_at(z, utc(2026, 1, 1, 0, 0, 0), &dst, NULL),
	    39600);
	assert_int_equal(dst, 1);
}

static void
test_names_rejected(void **state)
{
	(void)state;
	assert_null(tzdb_zone(db, "../etc/passwd"));
	assert_null(tzdb_zone(db, "/etc/localtime"));
	assert_null(tzdb_zone(db, "Europe/../UTC"));
	assert_null(tzdb_zone(db, "Europe//Berlin"));
	assert_null(tzdb_zone(db, "./UTC"));
	assert_null(tzdb_zone(db, ""));
	assert_null(tzdb_zone(db, "Europe/Berlin "));
	assert_null(tzdb_zone(db, "Mars/Olympus_Mons"));
	assert_null(tzdb_zone(db, "zone.tab"));		/* not a TZif file */
	assert_null(tzdb_zone(db, "Europe"));		/* a directory */
	assert_null(tzdb_zone(db, "right/Europe/Berlin"));	/* leap seconds */
	assert_null(tzdb_zone(db, NULL));
	assert_non_null(tzdb_zone(db, "UTC"));
	assert_non_null(tzdb_zone(db, "Etc/GMT+5"));
	assert_int_equal(tz_offset_at(tzdb_zone(db, "Etc/GMT+5"), 0, NULL,
	    NULL), -5 * 3600);
}

static void
test_fixed_offsets(void **state)
{
	static const struct {
		const char *name;
		int off;
	} good[] = {
		{ "UTC+8", 8 * 3600 }, { "GMT-03:00", -3 * 3600 },
		{ "+05:30", 19800 }, { "utc+0545", 20700 }, { "-9", -9 * 3600 },
		{ "GMT+0", 0 }, { "UTC-12", -12 * 3600 }, { "+14:00", 14 * 3600 },
	};
	static const char *const bad[] = {
		"UTC+", "UTC+8x", "+5:3", "+19", "+08:60", "UTC 8", "GMT+08:00:00",
		"+123", NULL
	};
	const struct tz_zone *z;
	const char *abbr;
	int64_t u;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		z = tzdb_zone(db, good[i].name);
		assert_non_null(z);
		assert_string_equal(tz_name(z), good[i].name);
		assert_int_equal(tz_offset_at(z, 0, NULL, NULL), good[i].off);
		assert_int_equal(tz_offset_at(z, utc(2300, 6, 1, 0, 0, 0), NULL,
		    NULL), good[i].off);
		assert_int_equal(tz_local_to_utc(z, utc(2026, 3, 29, 2, 30, 0),
		    &u), 0);
		assert_int_equal(u, utc(2026, 3, 29, 2, 30, 0) - good[i].off);
	}
	tz_offset_at(tzdb_zone(db, "+05:30"), 0, NULL, &abbr);
	assert_string_equal(abbr, "+0530");
	for (i = 0; bad[i] != NULL; i++)
		if (tzdb_zone(db, bad[i]) != NULL) {
			print_error("accepted %s\n", bad[i]);
			fail();
		}
	/* The files keep their POSIX sign. */
	assert_int_equal(tz_offset_at(tzdb_zone(db, "Etc/GMT+5"), 0, NULL,
	    NULL), -5 * 3600);
}

static void
test_cache(void **state)
{
	const struct tz_zone *a = zone("Asia/Tokyo"), *b = zone("Asia/Tokyo");

	(void)state;
	assert_ptr_equal(a, b);
	/* Unknown names are remembered too and still unknown. */
	assert_null(tzdb_zone(db, "Nowhere/City"));
	assert_null(tzdb_zone(db, "Nowhere/City"));
	/* Past the first thousand, made-up names are no longer remembered
	 * (memory must not grow with the lines of a hostile stream). */
	{
		char name[32];
		int i;

		for (i = 0; i < 3000; i++) {
			snprintf(name, sizeof name, "Made/Up_%d", i);
			assert_null(tzdb_zone(db, name));
		}
		assert_null(tzdb_zone(db, "Made/Up_2999"));
		assert_non_null(tzdb_zone(db, "Europe/Lisbon"));
		assert_non_null(tzdb_zone(db, "UTC+7"));
		assert_ptr_equal(tzdb_zone(db, "Asia/Tokyo"), a);
	}
}

static void
test_countries(void **state)
{
	(void)state;
	assert_string_equal(tzdb_country_zone(db, "DE"), "Europe/Berlin");
	assert_string_equal(tzdb_country_zone(db, "br"), "America/Sao_Paulo");
	assert_string_equal(tzdb_country_zone(db, "US"), "America/New_York");
	assert_string_equal(tzdb_country_zone(db, "CN"), "Asia/Shanghai");
	assert_string_equal(tzdb_country_zone(db, "JP"), "Asia/Tokyo");
	assert_string_equal(tzdb_country_zone(db, "RU"), "Europe/Moscow");
	assert_string_equal(tzdb_country_zone(db, "CA"), "America/Toronto");
	assert_string_equal(tzdb_country_zone(db, "AU"), "Australia/Sydney");
	/* A country that shares its zone with others (OM is on Asia/Dubai). */
	assert_string_equal(tzdb_country_zone(db, "OM"), "Asia/Dubai");
	assert_null(tzdb_country_zone(db, "XX"));
	assert_null(tzdb_country_zone(db, "USA"));
	assert_null(tzdb_country_zone(db, "U1"));
	assert_null(tzdb_country_zone(db, NULL));
	assert_int_equal(tzdb_set_country_zone(db, "us", "America/Los_Angeles"),
	    0);
	assert_string_equal(tzdb_country_zone(db, "US"), "America/Los_Angeles");
	assert_int_equal(tzdb_set_country_zone(db, "US", "Nowhere/City"), -1);
	assert_string_equal(tzdb_country_zone(db, "US"), "America/Los_Angeles");
	assert_int_equal(tzdb_set_country_zone(db, "USA", "UTC"), -1);
}

/* ---- hand-made TZif files in a scratch TZDIR ---- */

static void
put32(struct buf *b, uint32_t v)
{
	unsigned char c[4] = { v >> 24, v >> 16, v >> 8, v };

	buf_add(b, c, 4);
}

static void
put64(struct buf *b, int64_t v)
{
	put32(b, (uint32_t)((uint64_t)v >> 32));
	put32(b, (uint32_t)v);
}

static void
header(struct buf *b, char version, uint32_t ntime, uint32_t ntype,
    uint32_t nchar)
{
	static const char zeros[15];

	buf_add(b, "TZif", 4);
	buf_addc(b, version);
	buf_add(b, zeros, 15);
	put32(b, 0);
	put32(b, 0);
	put32(b, 0);
	put32(b, ntime);
	put32(b, ntype);
	put32(b, nchar);
}

/* Two types: 0 = "AAA" at off0, 1 = "BBB" at off1 (dst); one transition. */
static void
block(struct buf *b, int wide, int64_t when, int32_t off0, int32_t off1)
{
	if (wide)
		put64(b, when);
	else
		put32(b, (uint32_t)(int32_t)when);
	buf_addc(b, 1);
	put32(b, (uint32_t)off0);
	buf_addc(b, 0);
	buf_addc(b, 0);
	put32(b, (uint32_t)off1);
	buf_addc(b, 1);
	buf_addc(b, 4);
	buf_add(b, "AAA\0BBB\0", 8);
}

static void
write_file(const char *dir, const char *name, const struct buf *b)
{
	struct buf path = BUF_INIT;
	FILE *f;

	buf_printf(&path, "%s/%s", dir, name);
	f = fopen(buf_str(&path), "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(b->data, 1, b->len, f), b->len);
	assert_int_equal(fclose(f), 0);
	buf_free(&path);
}

static void
test_tzif_forms(void **state)
{
	char dir[] = "/tmp/cskit-tz-XXXXXX";
	struct buf b = BUF_INIT;
	struct tz_db *d;
	const struct tz_zone *z;
	const char *abbr;
	int dst;

	(void)state;
	assert_non_null(mkdtemp(dir));

	/* Version 1: 32-bit data, no footer. */
	header(&b, 0, 1, 2, 8);
	block(&b, 0, 1000000, -3600, 0);
	write_file(dir, "One", &b);

	/* Version 2 with a footer of the J and zero-based day forms and
	 * times past 24h and below 0. */
	buf_reset(&b);
	header(&b, '2', 1, 2, 8);
	block(&b, 0, 1000000, -3 * 3600, -2 * 3600);
	header(&b, '2', 1, 2, 8);
	block(&b, 1, 1000000, -3 * 3600, -2 * 3600);
	buf_adds(&b, "\nAAA3BBB,J60/-1,300/26\n");
	write_file(dir, "Two", &b);

	/* Truncated and garbage files. */
	buf_reset(&b);
	header(&b, '2', 5, 2, 8);
	write_file(dir, "Short", &b);
	buf_reset(&b);
	buf_adds(&b, "not a zone at all, just text\n");
	write_file(dir, "Text", &b);

	d = tzdb_open(dir);
	z = tzdb_zone(d, "One");
	assert_non_null(z);
	assert_int_equal(tz_offset_at(z, 999999, &dst, &abbr), -3600);
	assert_string_equal(abbr, "AAA");
	assert_int_equal(tz_offset_at(z, 1000000, &dst, &abbr), 0);
	assert_int_equal(dst, 1);
	assert_string_equal(abbr, "BBB");
	assert_int_equal(tz_offset_at(z, utc(2100, 1, 1, 0, 0, 0), NULL, NULL),
	    0);

	z = tzdb_zone(d, "Two");
	assert_non_null(z);
	/* J60 is 1 March in every year; /-1 is 23:00 the day before. */
	assert_int_equal(tz_offset_at(z, utc(2030, 3, 1, 1, 59, 59), &dst,
	    &abbr), -3 * 3600);
	assert_string_equal(abbr, "AAA");
	assert_int_equal(tz_offset_at(z, utc(2030, 3, 1, 2, 0, 0), &dst,
	    &abbr), -2 * 3600);
	assert_string_equal(abbr, "BBB");
	assert_int_equal(dst, 1);
	assert_int_equal(tz_offset_at(z, utc(2032, 3, 1, 2, 0, 0), NULL, NULL),
	    -2 * 3600);
	/* Day 300 counts 29 February: 28 Oct 2030, 27 Oct 2032; /26 is
	 * 02:00 the next day, in DST (-2). */
	assert_int_equal(tz_offset_at(z, utc(2030, 10, 29, 3, 59, 59), NULL,
	    NULL), -2 * 3600);
	assert_int_equal(tz_offset_at(z, utc(2030, 10, 29, 4, 0, 0), NULL,
	    NULL), -3 * 3600);
	assert_int_equal(tz_offset_at(z, utc(2032, 10, 28, 3, 59, 59), NULL,
	    NULL), -2 * 3600);
	assert_int_equal(tz_offset_at(z, utc(2032, 10, 28, 4, 0, 0), NULL,
	    NULL), -3 * 3600);

	assert_null(tzdb_zone(d, "Short"));
	assert_null(tzdb_zone(d, "Text"));
	/* No tab files here: no countries, not a crash. */
	assert_null(tzdb_country_zone(d, "DE"));
	tzdb_close(d);

	buf_free(&b);
	{
		struct buf p = BUF_INIT;
		const char *names[] = { "One", "Two", "Short", "Text" };
		size_t i;

		for (i = 0; i < 4; i++) {
			buf_reset(&p);
			buf_printf(&p, "%s/%s", dir, names[i]);
			unlink(buf_str(&p));
		}
		rmdir(dir);
		buf_free(&p);
	}
}

/* Damaged copies of a real file: unknown zone or sane answers, no crash
 * (this is what ASan and UBSan check) and no endless loop. */
static void
test_tzif_mutations(void **state)
{
	char dir[] = "/tmp/cskit-tzm-XXXXXX";
	struct buf orig = BUF_INIT, b = BUF_INIT, path = BUF_INIT;
	uint64_t seed = 12345;
	FILE *f;
	char chunk[4096];
	size_t n;
	int i, k, loaded = 0;

	(void)state;
	f = fopen("/usr/share/zoneinfo/Europe/Berlin", "rb");
	if (f == NULL)
		skip();
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&orig, chunk, n);
	fclose(f);
	assert_non_null(mkdtemp(dir));
	for (i = 0; i < 400; i++) {
		struct tz_db *d;
		const struct tz_zone *z;

		buf_reset(&b);
		buf_add(&b, orig.data, orig.len);
		for (k = 0; k < 1 + i % 4; k++) {
			seed = seed * 6364136223846793005u + 1442695040888963407u;
			b.data[(seed >> 20) % b.len] = (char)(seed >> 8);
		}
		if (i % 5 == 0)
			b.len = (seed >> 33) % b.len;	/* truncated */
		write_file(dir, "M", &b);
		d = tzdb_open(dir);
		if ((z = tzdb_zone(d, "M")) != NULL) {
			int64_t t, u;

			loaded++;
			for (t = -4000000000LL; t < 8000000000LL; t += 86400 * 97) {
				int off = tz_offset_at(z, t, NULL, NULL);

				assert_true(off >= -26 * 3600 && off <= 26 * 3600);
				tz_local_to_utc(z, t, &u);
				(void)tz_local_boundary(z, t);
			}
		}
		tzdb_close(d);
	}
	buf_printf(&path, "%s/M", dir);
	unlink(buf_str(&path));
	rmdir(dir);
	print_message("%d of 400 damaged files still loaded\n", loaded);
	buf_free(&orig);
	buf_free(&b);
	buf_free(&path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_berlin_2026),
		cmocka_unit_test(test_berlin_footer),
		cmocka_unit_test(test_local_to_utc_berlin),
		cmocka_unit_test(test_sao_paulo_history),
		cmocka_unit_test(test_half_hour_dst),
		cmocka_unit_test(test_names_rejected),
		cmocka_unit_test(test_fixed_offsets),
		cmocka_unit_test(test_cache),
		cmocka_unit_test(test_countries),
		cmocka_unit_test(test_tzif_forms),
		cmocka_unit_test(test_tzif_mutations),
	};

	return cmocka_run_group_tests(tests, tz_setup, tz_teardown);
}
