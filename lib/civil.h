/*
 * civil — the proleptic Gregorian calendar as arithmetic on day numbers.
 *
 * Owns nothing: pure functions on integers.  A day number counts days from
 * 1970-01-01 (day 0), negative before it, and is exact for every int64
 * year the tools can meet.  Both ts (instants, parsing) and tz (zone rules)
 * sit on this module, so neither needs the other for dates.
 */
#ifndef CSKIT_CIVIL_H
#define CSKIT_CIVIL_H

#include <stdint.h>

/* Days since 1970-01-01 of year y, month m (1-12), day d (1-31). */
int64_t	civil_days_from(int64_t y, int m, int d);
/* The year, month and day of a day number. */
void	civil_from_days(int64_t days, int64_t *y, int *m, int *d);
/* 0 = Monday … 6 = Sunday. */
int	civil_weekday(int64_t days);
/* Days in month m of year y (leap years counted). */
int	civil_days_in_month(int64_t y, int m);
/* a / b rounded toward minus infinity (b > 0 or b < 0, never 0). */
int64_t	civil_floor_div(int64_t a, int64_t b);

#endif
