/*
 * langtag — a buyer's language tag as the reply library needs it:
 * normalised (pt_BR is pt-BR, zh_tw is zh-TW, iw is he), completed with
 * CLDR's likely subtags (zh-TW is zh-Hant-TW, und-BR is pt-Latn-BR), and
 * turned into the candidates a library is searched with, most specific
 * first.
 *
 * Owns nothing: struct langtag is a value (three short strings); the CLDR
 * tables are the caller's (cldr.h).
 *
 * Candidates of a maximised tag lang-Script-Region, in order:
 *   lang-Script-Region, lang-Region (when Script is lang's usual script);
 *   the region's CLDR parent locales (en-AU: en-001; pt-AO: pt-PT;
 *   zh-Hant-MO: zh-Hant-HK), each followed by its children (a library's
 *   en-GB is a child of en-001, so it serves en-AU);
 *   lang-Script, lang (when Script is lang's usual script).
 * So zh-Hant-TW never reaches zh (Simplified), and es-MX reaches es.
 */
#ifndef CSKIT_LANGTAG_H
#define CSKIT_LANGTAG_H

#include <stddef.h>

struct cldr;

struct langtag {
	char	lang[9];	/* "pt", "und" */
	char	script[5];	/* "Hant", or "" */
	char	region[4];	/* "BR", "419", or "" */
};

#define LANGTAG_MAX	24	/* a formatted tag, NUL included */
#define LANGTAG_CANDIDATES 12

/*
 * Read s ("pt_BR", "ZH-hant-hk", "pt_BR.UTF-8", "iw"): the language, script
 * and region in canonical case, legacy codes replaced, the rest (variants,
 * extensions, an encoding) dropped.  -1 when s is no language tag.
 */
int	langtag_parse(const char *s, struct langtag *);
/* "zh-Hant-TW", the empty parts left out. */
void	langtag_format(const struct langtag *, char out[LANGTAG_MAX]);
/*
 * Fill the script and region from the likely subtags; a tag without a
 * region takes country (ISO 3166 alpha-2, may be NULL) first.  A tag of
 * "und" with a country becomes that country's language.
 */
void	langtag_maximize(const struct cldr *, struct langtag *,
	    const char *country);
/*
 * The shortest tag that maximises to t (CLDR's "remove likely subtags"):
 * en-Latn-US is en, es-Latn-MX is es-MX, zh-Hant-TW is zh-TW.
 */
void	langtag_minimize(const struct cldr *, const struct langtag *t,
	    char out[LANGTAG_MAX]);
/*
 * The candidates of a maximised tag, formatted, into out; returns how
 * many.  The parent locales are among them; the library adds its
 * directories whose parent they are.
 */
int	langtag_candidates(const struct cldr *, const struct langtag *,
	    char out[][LANGTAG_MAX], int max);
/* Is the tag's script the usual one of its language? */
int	langtag_usual_script(const struct cldr *, const struct langtag *);

#endif
