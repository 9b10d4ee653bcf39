/*
 * import — turning an export's records into canonical events (cs-import).
 *
 * Owns: struct import_spec (the role map; the field map and timestamp
 * parser are borrowed from cli) and struct import_sorter, the buffer that
 * --sort needs: every event serialized once (not kept as a tree) with its
 * time, so memory is about the size of the input text.
 *
 * Canonicalising one event: fields named in the field map are renamed to
 * their canonical names in place (position kept; a field already carrying
 * the canonical name is dropped, since the map says where that field comes
 * from); `ts` becomes RFC 3339 UTC; `role` goes through the role map and
 * must end as customer, agent, bot or system; the ids `conversation`,
 * `agent`, `customer` become strings.  Anything that cannot be made
 * canonical is reported, and the event is kept as a bad line by the caller.
 */
#ifndef CSKIT_IMPORT_H
#define CSKIT_IMPORT_H

#include <cjson/cJSON.h>
#include "buf.h"
#include "fieldmap.h"
#include "ts.h"

struct role_pair {
	char	*from;		/* as the export writes it (matched without case) */
	char	*to;		/* customer, agent, bot or system */
};

struct import_spec {
	const struct fieldmap	*map;
	const struct ts_parser	*ts;
	struct role_pair	*roles;
	int			 nroles;
};

/* "Contact=customer,User=agent"; -1 with *why on a bad pair. */
int	import_add_roles(struct import_spec *, const char *spec,
	    const char **why);
void	import_spec_free(struct import_spec *);

/*
 * Canonicalise ev in place.  Returns 0, or -1 with the reason in why.
 * *t gets the event's time (CS_TIME_NONE when it has no `ts`).
 */
int	import_event(const struct import_spec *, cJSON *ev, cs_time *t,
	    struct buf *why);

struct import_sorter;

struct import_sorter *import_sorter_new(void);
/* Keep a serialized event (no newline) with its time; events without a
 * time sort after all timed ones, each group in input order. */
void	import_sorter_add(struct import_sorter *, cs_time t, const char *line,
	    size_t len);
/* Sort (stable) and call emit for each line in order; then free. */
void	import_sorter_finish(struct import_sorter *,
	    void (*emit)(void *ctx, const char *line, size_t len), void *ctx);

#endif
