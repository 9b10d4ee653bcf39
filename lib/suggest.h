/*
 * suggest — "did you mean …?": the candidate closest to a word a user
 * mistyped (an option, a metric, a field, a zone).
 *
 * Owns nothing: the candidates are the caller's and the answer points to
 * one of them.  Closeness is the optimal string alignment distance (edits:
 * insert, delete, replace, swap two neighbours) over bytes, letters
 * compared without regard to ASCII case; a candidate is offered only when
 * it is at most a third of the word's length away (at least one edit), so
 * a wild guess gets no suggestion rather than a silly one.
 */
#ifndef CSKIT_SUGGEST_H
#define CSKIT_SUGGEST_H

#include <stddef.h>

/* The edit distance of a and b, counted to at most cap (cap + 1 beyond). */
size_t	suggest_distance(const char *a, const char *b, size_t cap);

/* The candidate closest to word, or NULL; the first of equals wins. */
const char *suggest_closest(const char *word, const char *const *cand,
	    size_t n);

/*
 * The same over candidates a caller walks itself: start with a zeroed
 * struct, offer each, read best.
 */
struct suggest {
	const char	*word;
	const char	*best;
	size_t		 dist;
	size_t		 cap;		/* 0: a third of the word's length */
};
void	suggest_offer(struct suggest *, const char *cand);

#endif
