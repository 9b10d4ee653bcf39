/*
 * json — writing JSON text, and small cJSON conveniences that keep key order.
 *
 * Owns nothing.  json_write() is the one serializer of cskit: compact, keys
 * in the object's order, strings escaped minimally (only ", \ and control
 * characters; non-ASCII stays UTF-8), numbers in the shortest form that reads
 * back as the same double, so output is byte-identical across machines.
 */
#ifndef CSKIT_JSON_H
#define CSKIT_JSON_H

#include <stddef.h>
#include <cjson/cJSON.h>
#include "buf.h"

void	json_write(struct buf *, const cJSON *);
void	json_write_string(struct buf *, const char *s, size_t len);
/*
 * The first byte at or after p that a JSON string cannot hold as it is
 * ('"', '\\', a control byte), or e: eight bytes a step.
 */
const char *json_string_run(const char *p, const char *e);
void	json_write_number(struct buf *, double);

/*
 * Validate JSON text; on a syntax error, -1 with the 1-based column and what
 * was wrong ("expected ',' or '}'", "unterminated string", ...).  For
 * diagnostics: cJSON only says roughly where it stopped.
 */
int	json_find_error(const char *s, size_t n, size_t *column,
	    const char **what);

/* The string value of obj[key], or NULL when absent or not a string. */
const char *json_str(const cJSON *obj, const char *key);
/* The number value of obj[key] into *out; -1 when absent or not a number. */
int	json_num(const cJSON *obj, const char *key, double *out);

/*
 * Set obj[key], replacing the first item of that name in place (its position
 * kept) or appending at the end.  Takes ownership of item.
 */
void	json_set(cJSON *obj, const char *key, cJSON *item);
void	json_set_str(cJSON *obj, const char *key, const char *val);
void	json_set_num(cJSON *obj, const char *key, double val);
void	json_set_bool(cJSON *obj, const char *key, int val);

#endif
