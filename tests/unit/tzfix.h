/*
 * tzfix — the fixture of the zone and calendar unit tests: one tz_db of
 * the system's database, opened before the group and closed after it.
 */
#ifndef CSKIT_TZFIX_H
#define CSKIT_TZFIX_H

#include "tz.h"

static struct tz_db *db;

static int
tz_setup(void **state)
{
	(void)state;
	db = tzdb_open(NULL);
	return 0;
}

static int
tz_teardown(void **state)
{
	(void)state;
	tzdb_close(db);
	return 0;
}

#endif
