/*
 * hash — the byte-string hashes cskit uses, in one place.
 *
 * Owns nothing.  FNV-1a because it is tiny, needs no seed and gives the same
 * value on every machine, which the model files (hashed features) and the
 * A/B variant assignment (one buyer, one variant, forever) depend on: these
 * values are part of file formats and must never change.
 */
#ifndef CSKIT_HASH_H
#define CSKIT_HASH_H

#include <stddef.h>
#include <stdint.h>

uint64_t	hash_fnv1a64(const void *, size_t);
uint32_t	hash_fnv1a32(const void *, size_t);

#define HASH_FNV1A64_BASIS	0xcbf29ce484222325ULL

/*
 * FNV-1a 64 continued over n more bytes: hash_fnv1a64(ab) is
 * hash_fnv1a64_more(hash_fnv1a64(a), b), so a prefix's hash is on the way
 * to the whole string's.  Inline for the classifier's per-token hashes.
 */
static inline uint64_t
hash_fnv1a64_more(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;

	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

#endif
