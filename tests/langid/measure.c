/*
 * measure — language identifiers side by side on labelled messages: our
 * lib/langid, the detector it replaced (old_langid.c), Compact Language
 * Detector 2 (through cld2shim) and libexttextcat.
 *
 *   measure [-d LIST] [--hints none|country|all] [--errors DET] FILE[:LANG]...
 *
 * A FILE is TSV with a header row naming its columns; "text" is required,
 * "lang" gives the truth (or :LANG after the file name gives it for every
 * row, for files such as share/cskit/training/de-chat.tsv).  Truth "und"
 * marks a message with no language (an order number, an emoji): any
 * language said for it counts against that language's precision.
 *
 * --hints country gives each message the country of a buyer of its
 * language (one in five from another market, as real shops see), and its
 * time zone; --hints all adds the conversation's earlier language for half
 * of them.  Hints are drawn from a hash of the text: the same every run.
 *
 * Prints, for every detector, its accuracy overall, under 30 characters
 * and from 30 up, how often it says "und", its lowest precision, and its
 * speed; then a table per language.  Only run by hand (make langid-measure).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <libexttextcat/textcat.h>

#include "buf.h"
#include "langid.h"
#include "langid_words.h"
#include "text.h"
#include "tokenize.h"
#include "cld2shim.h"
#include "old_langid.h"

#define SHORT_CHARS	30
#define MAXLANG		256

struct sample {
	char	*lang;
	char	*text;
	size_t	 len;
	size_t	 chars;		/* code points */
	char	 country[3];
	const char *tz;
	const char *prev;
};

struct samples {
	struct sample	*v;
	size_t		 n, cap;
};

/* ---- reading ---------------------------------------------------------- */

static int
column(char *header, const char *name)
{
	int i = 0;
	for (char *p = strtok(header, "\t\r\n"); p; p = strtok(NULL, "\t\r\n"), i++)
		if (strcmp(p, name) == 0)
			return i;
	return -1;
}

static char *
field(char *line, int col)
{
	char *p = line;
	for (int i = 0; i < col && p; i++) {
		p = strchr(p, '\t');
		if (p)
			p++;
	}
	if (!p)
		return NULL;
	size_t n = strcspn(p, "\t\r\n");
	char *s = xmalloc(n + 1);
	memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

static size_t
code_points(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

static void
read_file(const char *arg, struct samples *ss)
{
	char *path = strdup(arg), *forced = strrchr(path, ':');
	char *line = NULL, *hdr;
	size_t cap = 0;
	FILE *f;

	if (forced)
		*forced++ = '\0';
	if (!(f = fopen(path, "r"))) {
		fprintf(stderr, "measure: %s: %s\n", path, strerror(errno));
		exit(66);
	}
	if (getline(&line, &cap, f) < 0) {
		fclose(f);
		free(path);
		return;
	}
	hdr = strdup(line);
	int tcol = column(hdr, "text");
	strcpy(hdr, line);
	int lcol = column(hdr, "lang");
	free(hdr);
	if (tcol < 0 || (lcol < 0 && !forced)) {
		fprintf(stderr, "measure: %s: no text or lang column\n", path);
		exit(65);
	}
	while (getline(&line, &cap, f) >= 0) {
		char *text = field(line, tcol);
		if (!text || !*text) {
			free(text);
			continue;
		}
		if (ss->n == ss->cap) {
			ss->cap = ss->cap ? ss->cap * 2 : 1024;
			ss->v = xrealloc(ss->v, ss->cap * sizeof(*ss->v));
		}
		struct sample *s = &ss->v[ss->n++];
		memset(s, 0, sizeof(*s));
		s->lang = forced ? strdup(forced) : field(line, lcol);
		s->text = text;
		s->len = strlen(text);
		s->chars = code_points(text, s->len);
	}
	free(line);
	fclose(f);
	free(path);
}

/* ---- hints ------------------------------------------------------------ */

/* Where buyers of each language live, and one time zone of each country. */
static const struct {
	const char	*lang;
	const char	*countries;
} markets[] = {
	{ "en", "US GB AU CA IE NZ SG PH" }, { "de", "DE AT CH" },
	{ "fr", "FR BE CH CA" }, { "es", "ES MX AR CO CL US" },
	{ "it", "IT CH" }, { "pt", "BR PT" }, { "nl", "NL BE" },
	{ "pl", "PL" }, { "sv", "SE FI" }, { "tr", "TR DE" },
	{ "ru", "RU KZ BY" }, { "uk", "UA" }, { "ar", "SA AE EG KW MA" },
	{ "he", "IL" }, { "ja", "JP" }, { "ko", "KR" },
	{ "zh-Hans", "CN SG MY" }, { "zh-Hant", "TW HK MO" },
	{ "th", "TH" }, { "vi", "VN" }, { "id", "ID" }, { "ms", "MY BN" },
	{ "da", "DK" }, { "no", "NO" }, { "fi", "FI" }, { "cs", "CZ" },
	{ "ro", "RO MD" }, { "hu", "HU" }, { "el", "GR CY" },
	{ "und", "US DE CN JP BR FR" },
};

static const struct {
	const char	*country;
	const char	*tz;
} zones[] = {
	{ "US", "America/New_York" }, { "GB", "Europe/London" },
	{ "AU", "Australia/Sydney" }, { "CA", "America/Toronto" },
	{ "IE", "Europe/Dublin" }, { "NZ", "Pacific/Auckland" },
	{ "SG", "Asia/Singapore" }, { "PH", "Asia/Manila" },
	{ "DE", "Europe/Berlin" }, { "AT", "Europe/Vienna" },
	{ "CH", "Europe/Zurich" }, { "FR", "Europe/Paris" },
	{ "BE", "Europe/Brussels" }, { "ES", "Europe/Madrid" },
	{ "MX", "America/Mexico_City" }, { "AR", "America/Argentina/Buenos_Aires" },
	{ "CO", "America/Bogota" }, { "CL", "America/Santiago" },
	{ "IT", "Europe/Rome" }, { "BR", "America/Sao_Paulo" },
	{ "PT", "Europe/Lisbon" }, { "NL", "Europe/Amsterdam" },
	{ "PL", "Europe/Warsaw" }, { "SE", "Europe/Stockholm" },
	{ "FI", "Europe/Helsinki" }, { "TR", "Europe/Istanbul" },
	{ "RU", "Europe/Moscow" }, { "KZ", "Asia/Almaty" },
	{ "BY", "Europe/Minsk" }, { "UA", "Europe/Kyiv" },
	{ "SA", "Asia/Riyadh" }, { "AE", "Asia/Dubai" },
	{ "EG", "Africa/Cairo" }, { "KW", "Asia/Kuwait" },
	{ "MA", "Africa/Casablanca" }, { "IL", "Asia/Jerusalem" },
	{ "JP", "Asia/Tokyo" }, { "KR", "Asia/Seoul" },
	{ "CN", "Asia/Shanghai" }, { "MY", "Asia/Kuala_Lumpur" },
	{ "TW", "Asia/Taipei" }, { "HK", "Asia/Hong_Kong" },
	{ "MO", "Asia/Macau" }, { "TH", "Asia/Bangkok" },
	{ "VN", "Asia/Ho_Chi_Minh" }, { "ID", "Asia/Jakarta" },
	{ "BN", "Asia/Brunei" }, { "DK", "Europe/Copenhagen" },
	{ "NO", "Europe/Oslo" }, { "CZ", "Europe/Prague" },
	{ "RO", "Europe/Bucharest" }, { "MD", "Europe/Chisinau" },
	{ "HU", "Europe/Budapest" }, { "GR", "Europe/Athens" },
	{ "CY", "Asia/Nicosia" },
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const char *
zone_of(const char *country)
{
	for (size_t i = 0; i < NELEM(zones); i++)
		if (strcmp(zones[i].country, country) == 0)
			return zones[i].tz;
	return NULL;
}

/* The n-th country of a space-separated list (wrapping), into out[3]. */
static void
nth_country(const char *list, uint64_t n, char out[3])
{
	size_t count = (strlen(list) + 1) / 3;
	const char *p = list + (n % count) * 3;
	out[0] = p[0];
	out[1] = p[1];
	out[2] = '\0';
}

static void
give_hints(struct samples *ss, int level)
{
	for (size_t i = 0; i < ss->n; i++) {
		struct sample *s = &ss->v[i];
		uint64_t h = tok_hash(s->text, s->len);
		const char *list = NULL;

		for (size_t m = 0; m < NELEM(markets); m++)
			if (strcmp(markets[m].lang, s->lang) == 0)
				list = markets[m].countries;
		if (h % 5 == 0 || !list)	/* a buyer abroad */
			list = markets[(h >> 8) % NELEM(markets)].countries;
		nth_country(list, h >> 16, s->country);
		s->tz = zone_of(s->country);
		if (level >= 2 && (h >> 32) % 2 == 0 && strcmp(s->lang, "und"))
			s->prev = s->lang;
	}
}

/* ---- detectors -------------------------------------------------------- */

/* Tags as the target list writes them: CLD2's "iw", "zh"... and textcat's
 * "nb--utf8", "zh-TW-utf8"... mapped onto ours. */
static void
canonical(const char *in, char *out, size_t cap)
{
	static const char *const map[][2] = {
		{ "iw", "he" }, { "zh", "zh-Hans" }, { "zh-CN", "zh-Hans" },
		{ "zh-TW", "zh-Hant" }, { "nb", "no" }, { "nn", "no" },
		{ "in", "id" }, { "un", "und" }, { "xx", "und" },
		{ "UNKNOWN", "und" }, { "SHORT", "und" }, { "", "und" },
	};
	size_t n = strlen(in);

	if (n > 6 && strcmp(in + n - 5, "-utf8") == 0) {
		n -= 5;
		if (n > 0 && in[n - 1] == '-')
			n--;
	}
	snprintf(out, cap, "%.*s", (int)n, in);
	for (size_t i = 0; i < NELEM(map); i++)
		if (strcmp(out, map[i][0]) == 0) {
			snprintf(out, cap, "%s", map[i][1]);
			return;
		}
}

enum det { D_OLD, D_OURS, D_CLD2, D_CLD2R, D_TEXTCAT, D_TEXTCAT1, D_OURS_CLD2,
	D_OURS_CLD2_HINT, D_N };
static const char *const det_names[D_N] = {
	"old", "ours", "cld2", "cld2-reliable", "textcat", "textcat-first",
	"ours+cld2", "ours+cld2-hint"
};

struct ctx {
	struct oldlid	*old;
	struct langid	 li;
	struct tok_text	 tt;
	void		*tc;
	char		 out[32];
};

static void
lower2(const char *c, char out[3])
{
	out[0] = (char)tolower((unsigned char)c[0]);
	out[1] = (char)tolower((unsigned char)c[1]);
	out[2] = '\0';
}

static const char *
detect(struct ctx *c, enum det d, const struct sample *s)
{
	struct cld2_answer a;
	char tld[3], *r, *end;

	switch (d) {
	case D_OLD:
		tok_run(&c->tt, s->text, s->len);
		return oldlid_detect(c->old, s->text, s->len, &c->tt);
	case D_OURS: {
		struct langid_hints h = { s->country[0] ? s->country : NULL,
		    s->tz, s->prev };
		tok_run(&c->tt, s->text, s->len);
		return langid_detect(&c->li, s->text, s->len, &c->tt, &h);
	}
	case D_CLD2:
	case D_CLD2R:
		if (s->country[0])
			lower2(s->country, tld);
		/* best effort (an answer on short text too) for "cld2";
		 * CLD2's default, and only what it calls reliable, for
		 * "cld2-reliable" */
		cld2_detect(s->text, s->len, s->country[0] ? tld : NULL,
		    s->prev, d == D_CLD2, &a);
		if (d == D_CLD2R && !a.reliable)
			return "und";
		canonical(a.tag, c->out, sizeof(c->out));
		return c->out;
	case D_TEXTCAT:
	case D_TEXTCAT1:
		r = textcat_Classify(c->tc, s->text, s->len);
		if (r[0] != '[') {
			canonical(r, c->out, sizeof(c->out));
			return c->out;
		}
		end = strchr(r, ']');
		if (d == D_TEXTCAT && end[1] == '[')	/* several: unsure */
			return "und";
		*end = '\0';
		canonical(r + 1, c->out, sizeof(c->out));
		*end = ']';
		return c->out;
	case D_OURS_CLD2: {
		/* ours, and where ours is unsure what CLD2 calls reliable,
		 * if it is one of the languages we serve */
		static const char *const served[] = { "en", "de", "fr", "es",
		    "it", "pt", "nl", "pl", "sv", "tr", "ru", "uk", "ar", "he",
		    "ja", "ko", "zh-Hans", "zh-Hant", "th", "vi", "id", "ms",
		    "da", "no", "fi", "cs", "ro", "hu", "el" };
		const char *ours = detect(c, D_OURS, s);
		if (strcmp(ours, "und") != 0)
			return ours;
		if (s->country[0])
			lower2(s->country, tld);
		cld2_detect(s->text, s->len, s->country[0] ? tld : NULL,
		    s->prev, 0, &a);
		canonical(a.tag, c->out, sizeof(c->out));
		for (size_t i = 0; a.reliable && i < NELEM(served); i++)
			if (strcmp(served[i], c->out) == 0)
				return c->out;
		return "und";
	}
	case D_OURS_CLD2_HINT: {
		/* the same, and CLD2's answer must be a language of the
		 * buyer's country (none without a country) */
		const char *both = detect(c, D_OURS_CLD2, s);
		if (strcmp(both, "und") == 0 ||
		    strcmp(both, detect(c, D_OURS, s)) == 0)
			return both;
		for (size_t i = 0; s->country[0] && i < li_ncountries; i++)
			if (strcasecmp(li_countries[i].cc, s->country) == 0)
				for (int k = 0; k < 3 && li_countries[i].langs[k]; k++)
					if (strcmp(li_countries[i].langs[k],
					    both) == 0)
						return both;
		return "und";
	}
	default:
		return "und";
	}
}

/* ---- counting --------------------------------------------------------- */

struct tally {
	char	 lang[16];
	size_t	 n, right, und;
	size_t	 n_short, right_short;
	size_t	 said, said_right;	/* precision: times this tag was said */
};

struct score {
	struct tally	 t[MAXLANG];
	size_t		 nt;
	size_t		 n, right, und, n_short, right_short, n_long, right_long;
	size_t		 none_n, none_said;	/* truth "und" */
	double		 secs;
};

static struct tally *
tally_of(struct score *sc, const char *lang)
{
	for (size_t i = 0; i < sc->nt; i++)
		if (strcmp(sc->t[i].lang, lang) == 0)
			return &sc->t[i];
	if (sc->nt == MAXLANG) {
		fprintf(stderr, "measure: more than %d languages\n", MAXLANG);
		exit(70);
	}
	struct tally *t = &sc->t[sc->nt++];
	memset(t, 0, sizeof(*t));
	snprintf(t->lang, sizeof(t->lang), "%s", lang);
	return t;
}

static void
count(struct score *sc, const struct sample *s, const char *said)
{
	int right = strcmp(said, s->lang) == 0, und = strcmp(said, "und") == 0;

	if (strcmp(s->lang, "und") == 0) {
		sc->none_n++;
		sc->none_said += !und;
	} else {
		struct tally *t = tally_of(sc, s->lang);
		int shrt = s->chars < SHORT_CHARS;
		t->n++;
		t->right += right;
		t->und += und;
		t->n_short += shrt;
		t->right_short += shrt && right;
		sc->n++;
		sc->right += right;
		sc->und += und;
		sc->n_short += shrt;
		sc->right_short += shrt && right;
		sc->n_long += !shrt;
		sc->right_long += !shrt && right;
	}
	if (!und) {
		struct tally *t = tally_of(sc, said);
		t->said++;
		t->said_right += right;
	}
}

static double
ratio(size_t a, size_t b)
{
	return b ? (double)a / (double)b : 0;
}

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Run detector d over every sample (counting), then time it. */
static void
run(struct ctx *c, enum det d, const struct samples *ss, struct score *sc,
    int errors)
{
	memset(sc, 0, sizeof(*sc));
	for (size_t i = 0; i < ss->n; i++) {
		const char *said = detect(c, d, &ss->v[i]);
		count(sc, &ss->v[i], said);
		if (errors && strcmp(said, ss->v[i].lang) != 0)
			printf("%s\t%s\t%s%s%s\t%s\n", ss->v[i].lang, said,
			    ss->v[i].country, ss->v[i].prev ? "/" : "",
			    ss->v[i].prev ? ss->v[i].prev : "", ss->v[i].text);
	}
	size_t done = 0;
	double t0 = now(), t;
	do {
		for (size_t i = 0; i < ss->n; i++)
			detect(c, d, &ss->v[i]);
		done += ss->n;
	} while ((t = now() - t0) < 0.5 && ss->n > 0);
	sc->secs = t / (double)done;
}

static int
by_lang(const void *a, const void *b)
{
	return strcmp(((const struct tally *)a)->lang,
	    ((const struct tally *)b)->lang);
}

/* The lowest precision among tags said at least 3 times, and which. */
static double
worst_precision(const struct score *sc, const char **which)
{
	double w = 1;
	*which = "-";
	for (size_t i = 0; i < sc->nt; i++) {
		const struct tally *t = &sc->t[i];
		if (t->said >= 3 && ratio(t->said_right, t->said) < w) {
			w = ratio(t->said_right, t->said);
			*which = t->lang;
		}
	}
	return w;
}

static void
summary_row(const char *name, const struct score *sc)
{
	const char *which;
	double wp = worst_precision(sc, &which);

	printf("| %-13s | %5.3f | %5.3f | %5.3f | %5.3f | %5.3f %-7s | %5.3f | %9.0f |\n",
	    name, ratio(sc->right, sc->n), ratio(sc->right_short, sc->n_short),
	    ratio(sc->right_long, sc->n_long), ratio(sc->und, sc->n), wp, which,
	    ratio(sc->none_said, sc->none_n), sc->secs > 0 ? 1 / sc->secs : 0);
}

static void
lang_table(const char *name, struct score *sc)
{
	qsort(sc->t, sc->nt, sizeof(sc->t[0]), by_lang);
	printf("\n%s, per language:\n\n", name);
	printf("| lang    |    n | acc   | <30   | n<30 | >=30  | prec  | und   |\n");
	printf("|---------|------|-------|-------|------|-------|-------|-------|\n");
	for (size_t i = 0; i < sc->nt; i++) {
		const struct tally *t = &sc->t[i];
		if (t->n == 0) {	/* said, never true: a foreign tag */
			printf("| %-7s |    0 |   -   |   -   |    0 |   -   | 0.000 |   -   | (said %zu times)\n",
			    t->lang, t->said);
			continue;
		}
		printf("| %-7s | %4zu | %5.3f | %5.3f | %4zu | %5.3f | %5.3f | %5.3f |\n",
		    t->lang, t->n, ratio(t->right, t->n),
		    ratio(t->right_short, t->n_short), t->n_short,
		    ratio(t->right - t->right_short, t->n - t->n_short),
		    t->said ? ratio(t->said_right, t->said) : 1,
		    ratio(t->und, t->n));
	}
}

static void
usage(void)
{
	fprintf(stderr, "usage: measure [-d old,ours,cld2,cld2-reliable,textcat,textcat-first,ours+cld2,ours+cld2-hint]\n"
	    "               [--hints none|country|all] [--errors DET] [--no-tables] FILE[:LANG]...\n");
	exit(64);
}

static int
det_by_name(const char *name)
{
	for (int d = 0; d < D_N; d++)
		if (strcmp(det_names[d], name) == 0)
			return d;
	fprintf(stderr, "measure: no detector %s\n", name);
	exit(64);
}

int
main(int argc, char **argv)
{
	int use[D_N] = { 0 }, hints = 0, errors = -1, tables = 1, any = 0;
	struct samples ss = { 0 };
	struct ctx c;
	static struct score sc[D_N];

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-d") == 0 && i + 1 < argc) {
			char *list = strdup(argv[++i]);
			for (char *p = strtok(list, ","); p; p = strtok(NULL, ","))
				use[det_by_name(p)] = any = 1;
			free(list);
		} else if (strcmp(argv[i], "--hints") == 0 && i + 1 < argc) {
			const char *h = argv[++i];
			hints = strcmp(h, "country") == 0 ? 1 :
			    strcmp(h, "all") == 0 ? 2 : strcmp(h, "none") == 0 ? 0 : -1;
			if (hints < 0)
				usage();
		} else if (strcmp(argv[i], "--errors") == 0 && i + 1 < argc) {
			errors = det_by_name(argv[++i]);
		} else if (strcmp(argv[i], "--no-tables") == 0) {
			tables = 0;
		} else if (argv[i][0] == '-') {
			usage();
		} else
			read_file(argv[i], &ss);
	}
	if (ss.n == 0)
		usage();
	if (!any)
		for (int d = 0; d < D_N; d++)
			use[d] = 1;
	if (hints)
		give_hints(&ss, hints);

	c.old = oldlid_new();
	langid_init(&c.li);
	tok_init(&c.tt);
	c.tc = special_textcat_Init("/usr/share/libexttextcat/fpdb.conf",
	    "/usr/share/libexttextcat/");
	if (!c.tc) {
		fprintf(stderr, "measure: cannot load libexttextcat's fingerprints\n");
		return 66;
	}

	if (errors >= 0) {
		run(&c, (enum det)errors, &ss, &sc[errors], 1);
		return 0;
	}
	printf("%zu messages, hints: %s\n\n", ss.n,
	    hints == 2 ? "country, tz, earlier language" :
	    hints == 1 ? "country, tz" : "none");
	printf("| detector      | acc   | <30   | >=30  | und   | worst precision | no-lang said | msgs/s    |\n");
	printf("|---------------|-------|-------|-------|-------|-----------------|--------------|-----------|\n");
	for (int d = 0; d < D_N; d++)
		if (use[d]) {
			run(&c, (enum det)d, &ss, &sc[d], 0);
			summary_row(det_names[d], &sc[d]);
		}
	if (tables)
		for (int d = 0; d < D_N; d++)
			if (use[d])
				lang_table(det_names[d], &sc[d]);

	textcat_Done(c.tc);
	tok_free(&c.tt);
	langid_free(&c.li);
	oldlid_delete(c.old);
	for (size_t i = 0; i < ss.n; i++) {
		free(ss.v[i].lang);
		free(ss.v[i].text);
	}
	free(ss.v);
	return 0;
}
