/*
 * ts — timestamps and durations as exports and options spell them:
 * ts_parse (RFC 3339, epoch, plain date-times through a zone, a strptime
 * layout), ts_from_number, dur_parse, and the printers fed what they read.
 *
 * Input: byte 0 picks the parser options; the rest, cut at the first NUL,
 * is the text.  A stamp that parses must print as RFC 3339 and parse back
 * to the same instant, and the text with a space after it must read as
 * the text (the in-place read of stamps agrees with the general one).
 */
#include "fuzz.h"
#include "ts.h"
#include "tz.h"

static struct tz_db *db;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct ts_parser p = { 0 };
	struct buf b = BUF_INIT;
	const char *why;
	cs_time t, back;
	double secs;
	char *s;

	if (db == NULL)
		db = tzdb_open(NULL);
	if (n < 1)
		return 0;
	if (data[0] & 1)
		p.input_zone = tzdb_zone(db, (data[0] & 2) ? "America/New_York" :
		    "Europe/Berlin");
	if (data[0] & 4)
		p.time_format[0] = (data[0] & 8) ? "%d/%m/%Y %H:%M:%S" : "%s";
	data++, n--;
	s = fuzz_split(&data, &n, '\0');

	/* The text with a space after it is read the general way only (the
	 * in-place read of ...Z stamps takes exact stamps): same answer. */
	int rc = ts_parse(&p, s, &t, &why);
	const char *why1 = why;
	size_t len = strlen(s);
	char *spaced = malloc(len + 2);
	cs_time t2 = 0;
	memcpy(spaced, s, len);
	memcpy(spaced + len, " ", 2);
	if (ts_parse(&p, spaced, &t2, &why) != rc || (rc == 0 && t2 != t) ||
	    (rc != 0 && strcmp(why, why1) != 0)) {
		fprintf(stderr, "'%s' and '%s ' read differently\n", s, s);
		abort();
	}
	free(spaced);
	if (rc == 0) {
		ts_format_utc(t, &b);
		if (ts_parse(&p, buf_str(&b), &back, &why) != 0 || back != t) {
			fprintf(stderr, "%s -> %s does not read back\n", s,
			    buf_str(&b));
			abort();
		}
		buf_reset(&b);
		ts_format_offset(t, 5 * 3600 + 1800, &b);
		buf_reset(&b);
		ts_format_offset(t, -(14 * 3600), &b);
	}
	if (dur_parse(s, &secs) == 0) {
		buf_reset(&b);
		dur_format(secs, &b);
		if (ts_from_number(secs, &t, &why) == 0) {
			buf_reset(&b);
			ts_format_utc(t, &b);
		}
	}
	buf_free(&b);
	free(s);
	return 0;
}
