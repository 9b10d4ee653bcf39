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

#endif
