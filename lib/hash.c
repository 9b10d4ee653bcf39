#include "hash.h"

uint64_t
hash_fnv1a64(const void *p, size_t len)
{
	return hash_fnv1a64_more(HASH_FNV1A64_BASIS, p, len);
}

uint32_t
hash_fnv1a32(const void *p, size_t len)
{
	const unsigned char *s = p;
	uint32_t h = 2166136261U;

	for (size_t i = 0; i < len; i++) {
		h ^= s[i];
		h *= 16777619U;
	}
	return h;
}
