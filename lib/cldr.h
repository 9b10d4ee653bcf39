/*
 * cldr — the few tables of Unicode CLDR that cskit reads: likely subtags
 * (to complete a language tag: zh-TW is zh-Hant-TW, und-BR is pt-Latn-BR),
 * parent locales (en-AU's parent is en-001, pt-AO's is pt-PT) and the
 * decimals of currencies (IDR: 2, but none in cash; JPY: 0).
 *
 * Owns: struct cldr, the three tables as read from the XML files of
 * Debian's unicode-cldr-core (common/supplemental/likelySubtags.xml and
 * supplementalData.xml), keys and values in CLDR's own spelling with
 * underscores ("zh_Hant_TW").  The files are machine-written, one element a
 * line, and only the attributes of those elements are read: no XML parser.
 * A missing directory gives empty tables (every lookup misses), so the
 * tools still run where CLDR is not installed; cldr_loaded() says which.
 *
 * The directory is $CSKIT_CLDR, else /usr/share/unicode/cldr.
 */
#ifndef CSKIT_CLDR_H
#define CSKIT_CLDR_H

struct cldr;

/* Read the tables (dir NULL: the default); never NULL. */
struct cldr	*cldr_open(const char *dir);
void		 cldr_free(struct cldr *);
/* Were the likely subtags found? */
int		 cldr_loaded(const struct cldr *);

/* "zh_Hant_TW" for "zh_TW", or NULL (the key as CLDR writes it). */
const char	*cldr_likely(const struct cldr *, const char *key);
/* The explicit parent of a locale ("en_001" for "en_AU"), or NULL. */
const char	*cldr_parent(const struct cldr *, const char *locale);
/*
 * The decimals of a currency (ISO 4217 code) in prices, and in cash (its
 * smallest coin: IDR 0); CLDR's DEFAULT (2, 2) for a code it does not list.
 */
void		 cldr_currency_digits(const struct cldr *, const char *code,
		    int *digits, int *cash_digits);
/* Call fn for every locale with an explicit parent (for siblings). */
void		 cldr_foreach_parent(const struct cldr *,
		    void (*fn)(void *arg, const char *locale, const char *parent),
		    void *arg);

#endif
