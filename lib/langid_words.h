/*
 * langid_words — the data langid reads: which words, letters, word endings
 * and characters tell the languages apart, and which languages a country
 * (or a time zone's country) speaks.  Read-only tables, written for cskit;
 * langid.c builds its lookup tables from them once.
 *
 * Owns nothing at run time: every table is static const.
 */
#ifndef CSKIT_LANGID_WORDS_H
#define CSKIT_LANGID_WORDS_H

#include <stddef.h>
#include <stdint.h>

/* The languages scored by their words: Latin script, then Cyrillic. */
enum li_lang {
	LI_EN, LI_DE, LI_FR, LI_ES, LI_IT, LI_PT, LI_NL, LI_PL, LI_SV, LI_DA,
	LI_NO, LI_FI, LI_TR, LI_ID, LI_MS, LI_VI, LI_CS, LI_SK, LI_RO, LI_HU,
	LI_NLATIN,
	LI_RU = LI_NLATIN, LI_UK, LI_BG,
	LI_NSCORED
};

extern const char *const li_tags[LI_NSCORED];

/*
 * Words of one language, space-separated, written as people write them
 * (langid folds and strips them the way tokenize does).  weight 1: a word
 * the language uses often; 2: one that marks it among its neighbours.
 */
struct li_words {
	enum li_lang	 lang;
	int		 weight;
	const char	*words;
};
extern const struct li_words li_word_lists[];
extern const size_t li_nword_lists;

/* A letter only some Latin or Cyrillic languages use. */
struct li_letter {
	int32_t		 cp;		/* lower case */
	enum li_lang	 lang;
	float		 weight;
};
extern const struct li_letter li_letters[];
extern const size_t li_nletters;

/* A word ending typical of one language (on folded, stripped tokens). */
struct li_suffix {
	const char	*suffix;
	enum li_lang	 lang;
	float		 weight;
};
extern const struct li_suffix li_suffixes[];
extern const size_t li_nsuffixes;

/* A word before an apostrophe ("dell'", "qu'", "j'"), lower case ASCII. */
struct li_elision {
	const char	*word;
	enum li_lang	 lang;
	float		 weight;
};
extern const struct li_elision li_elisions[];
extern const size_t li_nelisions;

/* Han characters written only in one script, as UTF-8 strings. */
extern const char li_han_simplified[];
extern const char li_han_traditional[];
/* Kanji in their Japanese forms (neither Chinese script writes them). */
extern const char li_kanji_japanese[];

/*
 * Countries and their buyers' languages, most spoken first (tags as
 * langid_detect returns them); zones map to a country.
 */
struct li_country {
	char		 cc[3];
	const char	*langs[3];
};
extern const struct li_country li_countries[];
extern const size_t li_ncountries;

struct li_zone {
	const char	*tz;
	char		 cc[3];
};
extern const struct li_zone li_zones[];
extern const size_t li_nzones;

#endif
