/*
 * fuzz — what the libFuzzer harnesses of tests/fuzz/ share: a scratch file
 * that holds the input for parsers that only read from a path (the event
 * reader, the holidays file, the lexicon, TZif zones).
 *
 * Built only by `make fuzz` with clang -fsanitize=fuzzer; each harness is
 * one tests/fuzz/NAME.c with its seed corpus in tests/fuzz/NAME/.
 */
#ifndef CSKIT_FUZZ_H
#define CSKIT_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* A private scratch directory for this process, made once. */
static inline const char *
fuzz_dir(void)
{
	static char dir[64];

	if (dir[0] == '\0') {
		const char *t = getenv("TMPDIR");
		snprintf(dir, sizeof dir, "%s/cskit-fuzz.XXXXXX",
		    t && *t && strlen(t) < 40 ? t : "/tmp");
		if (mkdtemp(dir) == NULL)
			abort();
	}
	return dir;
}

/* Write data to DIR/name (replacing it); the path, static. */
static inline const char *
fuzz_file(const char *name, const void *data, size_t n)
{
	static char path[4][128];
	static int k;
	char *p = path[k++ & 3];
	FILE *f;

	snprintf(p, sizeof path[0], "%s/%s", fuzz_dir(), name);
	if ((f = fopen(p, "wb")) == NULL)
		abort();
	if (n && fwrite(data, 1, n, f) != n)
		abort();
	if (fclose(f) != 0)
		abort();
	return p;
}

/* Split data at the first occurrence of sep: the head as a C string. */
static inline char *
fuzz_split(const uint8_t **data, size_t *n, char sep)
{
	const uint8_t *e = memchr(*data, sep, *n);
	size_t k = e ? (size_t)(e - *data) : *n;
	char *s = malloc(k + 1);

	if (s == NULL)
		abort();
	memcpy(s, *data, k);
	s[k] = '\0';
	*data += e ? k + 1 : k;
	*n -= e ? k + 1 : k;
	return s;
}

#endif
