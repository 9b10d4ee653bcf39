/*
 * fieldmap — canonical field names ↔ the names an export uses.
 *
 * Owns: the list of `canonical=source` pairs given by --field (repeatable)
 * and --map FILE (one pair a line, `#` comments and blank lines allowed).
 * A later pair for the same canonical name replaces an earlier one.
 *
 * Filters only *read* through the map (event fields keep their names on
 * output, so nothing is renamed behind a user's back); cs-import renames.
 */
#ifndef CSKIT_FIELDMAP_H
#define CSKIT_FIELDMAP_H

#include <cjson/cJSON.h>
#include "ts.h"

struct fieldmap_pair {
	char	*canonical;
	char	*source;
};

struct fieldmap {
	struct fieldmap_pair	*pairs;
	int			 n;
};

#define FIELDMAP_INIT { NULL, 0 }

/*
 * The canonical field names of the event contract (cskit-events(5)),
 * NULL-terminated; and the one closest to a name that is none of them
 * ("txt" → "text"), or NULL when the name is one or nothing is close: a
 * custom field of a team's own is no mistake.
 */
extern const char *const fieldmap_canonical_names[];
const char *fieldmap_suggest(const char *name);

/* "canonical=source"; -1 with *why set when malformed. */
int	fieldmap_add(struct fieldmap *, const char *spec, const char **why);
/* Load a map file; -1 and errno / *why on failure, *errline the bad line. */
int	fieldmap_load(struct fieldmap *, const char *path, long *errline,
	    const char **why);
void	fieldmap_free(struct fieldmap *);

/* The name the data uses for a canonical field (itself when unmapped). */
const char *fieldmap_source(const struct fieldmap *, const char *canonical);
/* The canonical name for a source name, or NULL when it is not mapped. */
const char *fieldmap_canonical(const struct fieldmap *, const char *source);
/* The item for canonical field `name` in obj, through the map; NULL if absent. */
cJSON	*fieldmap_get(const struct fieldmap *, const cJSON *obj,
	    const char *name);
/* The string value of a canonical field, NULL when absent or not a string. */
const char *fieldmap_str(const struct fieldmap *, const cJSON *obj,
	    const char *name);

/*
 * The time of an event: canonical field `ts` through the map, a string
 * (ts_parse) or a number (epoch seconds or ms).  0 and *t; 1 when the event
 * has no ts (absent or null); -1 with *why when it is not a time.
 */
int	fieldmap_time(const struct fieldmap *, const struct ts_parser *,
	    const cJSON *ev, cs_time *t, const char **why);

#endif
