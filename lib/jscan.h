/*
 * jscan — a validating JSON scanner that indexes an object's top-level
 * members without building anything.
 *
 * Owns: struct jscan, an array of member spans (key bytes and value bytes,
 * pointing into the caller's text), reused from line to line.
 *
 * Why: a tool reads five or six fields of an event that has a dozen, often
 * with nested objects.  Building the whole cJSON tree (an allocation per
 * item, key and string) and freeing it again is most of what a filter
 * spends per line.  jscan checks the line is JSON and finds where each
 * top-level member is; the reader then builds only the members a tool asked
 * for, and a filter writes the line's own bytes back.
 *
 * jscan vouches for a text or declines; it never explains.  It declines
 * anything it does not accept outright: invalid JSON, but also valid JSON
 * it leaves to the full parser (\u escapes, which need surrogate checks;
 * keys with escapes; nesting past max_depth).  The caller then takes the
 * slow path, which either accepts the line or says exactly what is wrong,
 * so the two paths cannot disagree on which lines are events.  What it
 * accepts is strict RFC 8259: an object, whitespace only around and
 * between tokens, no control bytes in strings, numbers by the grammar, and
 * valid UTF-8 (so no NUL byte anywhere): a line it accepts needs no other
 * check.
 */
#ifndef CSKIT_JSCAN_H
#define CSKIT_JSCAN_H

#include <stddef.h>

struct jscan_member {
	const char	*key;		/* the key's bytes, without quotes */
	size_t		 keylen;
	const char	*val;		/* the value's JSON text */
	size_t		 vallen;
	int		 val_plain;	/* a string with no escapes */
};

struct jscan {
	struct jscan_member	*m;
	size_t			 n, cap;
};

#define JSCAN_INIT	{ NULL, 0, 0 }

/*
 * 1 when p[0..n) is one JSON object (whitespace around it allowed) that
 * jscan accepts, with js->m[0..n) its members in order (duplicates kept);
 * 0 when it declines.  max_depth counts the object itself.
 */
int	jscan_object(struct jscan *, const char *p, size_t n, int max_depth);
void	jscan_free(struct jscan *);

#endif
