#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "civil.h"
#include "coverage.h"
#include "diag.h"
#include "evwrite.h"
#include "ts.h"
#include "tz.h"
#include "tzfix.h"

static struct diag dg;

/* ms of a Shanghai (+08) civil time. */
static cs_time
sh(int y, int mo, int d, int h, int mi)
{
	return (civil_days_from(y, mo, d) * 86400 + (h - 8) * 3600 +
	    mi * 60) * 1000;
}

/*
 * Li works in Hangzhou 09:00-18:00; Ana in São Paulo 09:00-17:00, which is
 * 20:00-04:00 the next day in Hangzhou.  Week of Monday 2026-11-23.
 */
static struct coverage *
small_roster(void)
{
	struct coverage *c = coverage_new(tzdb_zone(db, "Asia/Shanghai"));
	struct buf why = BUF_INIT;

	assert_int_equal(coverage_add_shift(c, "li",
	    tzdb_zone(db, "Asia/Shanghai"), "Mon-Fri", "09:00-18:00", &why), 0);
	assert_int_equal(coverage_add_shift(c, "ana",
	    tzdb_zone(db, "America/Sao_Paulo"), "Mon-Fri", "09:00-17:00",
	    &why), 0);
	/* A second row for an agent must keep the agent's zone. */
	assert_int_equal(coverage_add_shift(c, "ana",
	    tzdb_zone(db, "Europe/Berlin"), "Sat", "09:00-10:00", &why), -1);
	assert_int_equal(coverage_agents(c), 2);
	coverage_add_message(c, sh(2026, 11, 23, 10, 0));	/* li */
	coverage_add_message(c, sh(2026, 11, 23, 19, 0));	/* nobody, 1h */
	coverage_add_message(c, sh(2026, 11, 24, 2, 0));	/* ana */
	coverage_add_message(c, sh(2026, 11, 28, 12, 0));	/* Sat: 45h */
	coverage_reject(c);
	buf_free(&why);
	return c;
}

/* What the writer wrote, as text. */
static void
capture(struct coverage *c, int mode, struct buf *out)
{
	FILE *f = tmpfile();
	struct ev_writer *w;
	char chunk[4096];
	size_t n;

	assert_non_null(f);
	w = ev_writer_open(OUT_JSONL, fileno(f), &dg);
	if (mode == 0)
		coverage_report(c, w, 0);
	else if (mode == 1)
		coverage_suggest(c, 3, 8, 5, NULL, 0, w);
	else
		coverage_heatmap_rows(c, w, 0);
	ev_writer_close(w);
	rewind(f);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(out, chunk, n);
	fclose(f);
}

static void
test_report(void **state)
{
	struct coverage *c = small_roster();
	struct buf out = BUF_INIT;

	(void)state;
	coverage_set_week(c, civil_days_from(2026, 11, 25));
	capture(c, 0, &out);
	/* Monday 19:00: nobody (Li left at 18, Ana starts at 20). */
	assert_non_null(strstr(buf_str(&out),
	    "{\"day\":\"Mon\",\"hour\":\"19:00\",\"messages\":1,\"uncovered\":1,"
	    "\"uncovered_share\":1,\"agents\":0,\"wait_mean\":3600,"
	    "\"wait_max\":3600}\n"));
	/* Saturday noon waits for Li on Monday 09:00: 45 hours. */
	assert_non_null(strstr(buf_str(&out),
	    "{\"day\":\"Sat\",\"hour\":\"12:00\",\"messages\":1,\"uncovered\":1,"
	    "\"uncovered_share\":1,\"agents\":0,\"wait_mean\":162000,"
	    "\"wait_max\":162000}\n"));
	/* Covered hours are not listed; hours with nobody on shift are. */
	assert_null(strstr(buf_str(&out), "{\"day\":\"Mon\",\"hour\":\"10:00\""));
	assert_null(strstr(buf_str(&out), "{\"day\":\"Tue\",\"hour\":\"02:00\""));
	assert_non_null(strstr(buf_str(&out),
	    "{\"day\":\"Mon\",\"hour\":\"18:00\",\"messages\":0,\"uncovered\":0,"
	    "\"uncovered_share\":null,\"agents\":0,\"wait_mean\":null,"
	    "\"wait_max\":null}\n"));
	/* The total: 4 messages, half uncovered, mean wait (3600+162000)/2. */
	assert_non_null(strstr(buf_str(&out),
	    "{\"total\":true,\"messages\":4,\"uncovered\":2,"
	    "\"uncovered_share\":0.5,\"agents\":2,\"wait_mean\":82800,"
	    "\"wait_max\":162000,\"rejected\":1}\n"));
	/* Hours: Mon-Fri li 9..17 (45), ana 20..23 Mon-Fri and 0..3 Tue-Sat
	 * (40), none of them overlapping: 168 - 85 = 83 gap rows + total. */
	{
		size_t lines = 0;

		for (size_t i = 0; i < out.len; i++)
			lines += out.data[i] == '\n';
		assert_int_equal(lines, 84);
	}
	buf_free(&out);
	coverage_free(c);
}

static void
test_suggest(void **state)
{
	struct coverage *c = small_roster();
	struct buf out = BUF_INIT;

	(void)state;
	capture(c, 1, &out);
	/* One 8-hour, 5-day shift covers Mon 19:00 and Sat 12:00: it must
	 * start at 12:00 and include Saturday and Monday; Thu-Mon is the
	 * first such. Nothing is left for a second one. */
	assert_string_equal(buf_str(&out),
	    "{\"suggest\":1,\"zone\":\"Asia/Shanghai\",\"days\":\"Thu-Mon\","
	    "\"hours\":\"12:00-20:00\",\"covers\":2,\"covers_share\":1}\n");
	buf_free(&out);
	coverage_free(c);
}

/* A gap in the team's night is a day shift elsewhere: with --zones the
 * suggestion is the shift with the fewest night hours on its own clock. */
static void
test_suggest_other_zone(void **state)
{
	const struct tz_zone *berlin = tzdb_zone(db, "Europe/Berlin");
	struct coverage *c = coverage_new(tzdb_zone(db, "Asia/Shanghai"));
	struct buf why = BUF_INIT, out = BUF_INIT;
	FILE *f = tmpfile();
	char chunk[4096];
	size_t n;

	(void)state;
	assert_int_equal(coverage_add_shift(c, "li",
	    tzdb_zone(db, "Asia/Shanghai"), "Mon-Fri", "09:00-18:00", &why), 0);
	coverage_add_message(c, sh(2026, 11, 24, 2, 0));	/* Tue 02:00 */
	coverage_add_message(c, sh(2026, 11, 25, 3, 0));	/* Wed 03:00 */
	coverage_add_message(c, sh(2026, 11, 26, 1, 0));	/* Thu 01:00 */
	struct ev_writer *w = ev_writer_open(OUT_JSONL, fileno(f), &dg);
	coverage_suggest(c, 1, 8, 5, &berlin, 1, w);
	ev_writer_close(w);
	rewind(f);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&out, chunk, n);
	fclose(f);
	/* Shanghai's 01:00, 02:00, 03:00 are Berlin's 18:00, 19:00, 20:00 the
	 * day before (UTC+8, UTC+1): 13:00-21:00 there, the earliest shift
	 * that takes all three, has no night hour. */
	assert_string_equal(buf_str(&out),
	    "{\"suggest\":1,\"zone\":\"Europe/Berlin\",\"days\":\"Mon-Fri\","
	    "\"hours\":\"13:00-21:00\",\"covers\":3,\"covers_share\":1}\n");
	buf_free(&out);
	buf_free(&why);
	coverage_free(c);
}

/* The heat map as rows (-o jsonl): the day's hours as arrays. */
static void
test_heatmap_rows(void **state)
{
	struct coverage *c = small_roster();
	struct buf out = BUF_INIT;

	(void)state;
	coverage_set_week(c, civil_days_from(2026, 11, 23));
	capture(c, 2, &out);
	const char *mon = strstr(buf_str(&out), "{\"day\":\"Mon\"");
	assert_non_null(mon);
	assert_true(strncmp(mon, "{\"day\":\"Mon\",\"hour_messages\":"
	    "[0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,1,0,0,0,0],"
	    "\"hour_uncovered\":[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,"
	    "0,0],", 146) == 0);
	assert_non_null(strstr(mon, "\"messages\":2,\"uncovered\":1}\n"));
	buf_free(&out);
	coverage_free(c);
}

static void
test_heatmap(void **state)
{
	struct coverage *c = small_roster();
	struct buf out = BUF_INIT;
	const char *mon, *sat;

	(void)state;
	coverage_set_week(c, civil_days_from(2026, 11, 23));
	coverage_heatmap(c, &out);
	mon = strstr(buf_str(&out), "\nMon ");
	sat = strstr(buf_str(&out), "\nSat ");
	assert_non_null(mon);
	assert_non_null(sat);
	/* Cells are 3 wide after "Day ": hour h's density at 5 + 3h, its
	 * mark at 6 + 3h (the +1 skips the newline). */
	assert_int_equal(mon[1 + 5 + 3 * 10], '@');	/* one message, max */
	assert_int_equal(mon[1 + 6 + 3 * 10], ' ');	/* Li on shift */
	assert_int_equal(mon[1 + 5 + 3 * 19], '@');
	assert_int_equal(mon[1 + 6 + 3 * 19], '!');	/* nobody */
	assert_int_equal(mon[1 + 5 + 3 * 3], ' ');	/* no message */
	assert_int_equal(mon[1 + 6 + 3 * 3], '!');	/* Sunday for Ana */
	assert_int_equal(sat[1 + 6 + 3 * 2], ' ');	/* Ana's Friday */
	assert_non_null(strstr(mon, "        2         1\n"));
	/* The legend names what it counts; the totals' header sits over
	 * their columns. */
	assert_non_null(strstr(buf_str(&out), "(busiest hour: 1 message)\n"));
	const char *head = strstr(buf_str(&out), "     00 01");
	assert_non_null(head);
	assert_int_equal(strcspn(head, "\n"), strcspn(mon + 1, "\n"));
	assert_true(strncmp(head + strcspn(head, "\n") - 19,
	    " messages uncovered", 19) == 0);
	buf_free(&out);
	coverage_free(c);
}

static void
test_roster_file(void **state)
{
	char path[] = "/tmp/cskit-roster-XXXXXX";
	struct coverage *c = coverage_new(tzdb_zone(db, "Asia/Shanghai"));
	struct buf why = BUF_INIT;
	FILE *f;
	int fd;

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	f = fdopen(fd, "w");
	fputs("agent,zone,days,hours,note\n"
	    "li,Asia/Shanghai,Mon-Fri,\"09:00-12:00,13:00-18:00\",lunch\n"
	    "li,Asia/Shanghai,Sat,10:00-14:00,\n"
	    "ana,America/Sao_Paulo,Mon-Fri,09:00-17:00,\n", f);
	fclose(f);
	assert_int_equal(coverage_load_roster(c, db, path, &dg, &why), 0);
	assert_int_equal(coverage_agents(c), 2);
	coverage_free(c);

	f = fopen(path, "w");
	fputs("agent,zone,days,hours\nli,Asia/Shanghai,Mon-Fri,09:00-18:00\n"
	    "bo,Mars/Base,Mon,09:00-10:00\n", f);
	fclose(f);
	c = coverage_new(tzdb_zone(db, "Asia/Shanghai"));
	assert_int_equal(coverage_load_roster(c, db, path, &dg, &why), -1);
	assert_non_null(strstr(buf_str(&why), ":3: unknown time zone"));
	coverage_free(c);

	f = fopen(path, "w");
	fputs("agent,zone,hours\nli,Asia/Shanghai,09:00-18:00\n", f);
	fclose(f);
	buf_reset(&why);
	c = coverage_new(tzdb_zone(db, "Asia/Shanghai"));
	assert_int_equal(coverage_load_roster(c, db, path, &dg, &why), -1);
	assert_non_null(strstr(buf_str(&why), ":2: no \"days\""));
	coverage_free(c);
	unlink(path);
	buf_free(&why);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_heatmap),
		cmocka_unit_test(test_heatmap_rows),
		cmocka_unit_test(test_suggest_other_zone),
		cmocka_unit_test(test_roster_file),
	};

	diag_init(&dg, "test_coverage");
	return cmocka_run_group_tests(tests, tz_setup, tz_teardown);
}
