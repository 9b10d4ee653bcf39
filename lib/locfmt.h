/*
 * locfmt — dates, times and money as a buyer's locale writes them, from
 * the system's locale data: glibc's locales (Debian locales-all), opened
 * with newlocale(), names by strftime_l(), money conventions by
 * localeconv() under uselocale(); the decimals of a currency from CLDR
 * (cldr.h).  No table of month names of our own; for money, a short
 * list of the markets whose shops write it otherwise than glibc does
 * (locfmt.c's money_customs: Turkish "TL", Ukrainian "грн" without
 * glibc's full stop, Japanese "円" after the amount, CLDR's positions for
 * Hebrew, Mexican Spanish, Arabic and Vietnamese, CLDR's grouping for
 * Arabic, Korean "원" after the amount), each row with its reason; the
 * space between an amount and its sign is a no-break one (U+00A0).  Amounts are rounded half away from zero (1234.5 JPY:
 * 1,235円).
 *
 * Owns: struct locfmt_cache, every locale opened (by name, opened once,
 * a name the system lacks remembered as missing) with its money
 * conventions copied out.  A struct locfmt lives as long as the cache.
 *
 * Money: an amount in the locale's own currency is written with its symbol,
 * position, separators and grouping (de_DE: 1.234,50 €; pt_BR:
 * R$ 1.234,50; th_TH: ฿145.90, its p_sep_by_space 2 putting the space
 * between the symbol and a sign a positive amount does not have).  In
 * another currency, the buyer's separators and symbol
 * position with that currency's symbol from its own country's locale (the
 * first two letters of the code: USD → US; EUR → CLDR's und_EU), or the
 * code itself when that symbol is the buyer's own for another currency
 * ($ for USD in Mexico) or no locale has it.  Decimals: CLDR's digits for
 * the currency, none for a whole amount in a currency without coins for
 * them (IDR: Rp150.000).
 */
#ifndef CSKIT_LOCFMT_H
#define CSKIT_LOCFMT_H

#include <time.h>
#include "buf.h"

struct cldr;
struct locfmt;
struct locfmt_cache;

struct locfmt_cache *locfmt_cache_new(const struct cldr *);
void	locfmt_cache_free(struct locfmt_cache *);

/*
 * The locale "de_DE.UTF-8" (".UTF-8" is added to a bare "de_DE"), opened
 * on first use; NULL when the system has none.
 */
const struct locfmt *locfmt_open(struct locfmt_cache *, const char *name);
const char *locfmt_name(const struct locfmt *);
/* Its script class, for symbols: 1 when it writes CJK (ja, zh, ko). */
int	locfmt_cjk(const struct locfmt *);

/*
 * strftime_l(pattern) of tm into out.  Directives listed in `lower` (such
 * as "%A%B", may be NULL) are written with their first letter in lower
 * case (Russian weekday names are capitalised in glibc, not in a sentence).
 */
void	locfmt_time(const struct locfmt *, const char *pattern,
	    const char *lower, const struct tm *, struct buf *out);

/* The amount in currency (ISO 4217; NULL or "": the number alone). */
void	locfmt_money(struct locfmt_cache *, const struct locfmt *,
	    double amount, const char *currency, struct buf *out);

#endif
