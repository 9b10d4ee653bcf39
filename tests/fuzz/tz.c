/*
 * tz — the TZif reader (header, 64-bit data block, POSIX TZ footer) on
 * arbitrary bytes, then every question the tools ask of a zone.
 *
 * Input: a TZif file.  It is written to a scratch zoneinfo directory and
 * read through a fresh tz_db each time (the db caches zones).
 */
#include "fuzz.h"
#include "tz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static const int64_t at[] = {
		INT64_MIN, -67768100567971200LL, -2208988800LL, -1, 0,
		1774746000LL, 1792890000LL, 4102444800LL, 253402300799LL,
		67767976233532799LL, INT64_MAX,
	};
	struct tz_db *db;
	const struct tz_zone *z;

	fuzz_file("Zone", data, n);
	db = tzdb_open(fuzz_dir());
	z = tzdb_zone(db, "Zone");
	if (z != NULL)
		for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) {
			int dst;
			const char *abbr;
			int64_t u;

			tz_offset_at(z, at[i], &dst, &abbr);
			if (abbr == NULL)
				abort();
			tz_local_to_utc(z, at[i], &u);
			tz_local_boundary(z, at[i]);
			tz_next_change(z, at[i]);
		}
	tzdb_close(db);
	return 0;
}
