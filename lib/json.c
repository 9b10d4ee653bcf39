#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "json.h"

void
json_write_string(struct buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run = 0;

	/* Labels, tags, keys: short and plain, one byte at a time costs less
	 * than setting up the wide search. */
	if (len < 16) {
		for (i = 0; i < len; i++) {
			unsigned char c = (unsigned char)s[i];
			if (c < 0x20 || c == '"' || c == '\\')
				break;
		}
		if (i == len) {
			if (b->cap - b->len <= len + 2)
				buf_grow(b, len + 2);
			char *d = b->data + b->len;
			d[0] = '"';
			memcpy(d + 1, s, len);
			d[len + 1] = '"';
			b->len += len + 2;
			b->data[b->len] = '\0';
			return;
		}
	}
	buf_grow(b, len + 2);
	buf_addc(b, '"');
	for (i = 0; i < len; i++) {
		i = (size_t)(json_string_run(s + i, s + len) - s);
		if (i == len)
			break;
		unsigned char c = (unsigned char)s[i];
		buf_add(b, s + run, i - run);
		run = i + 1;
		switch (c) {
		case '"':  buf_add(b, "\\\"", 2); break;
		case '\\': buf_add(b, "\\\\", 2); break;
		case '\n': buf_add(b, "\\n", 2); break;
		case '\r': buf_add(b, "\\r", 2); break;
		case '\t': buf_add(b, "\\t", 2); break;
		case '\b': buf_add(b, "\\b", 2); break;
		case '\f': buf_add(b, "\\f", 2); break;
		default: {
			char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
			buf_add(b, u, 6);
		}
		}
	}
	buf_add(b, s + run, len - run);
	buf_addc(b, '"');
}

/* The decimal digits of u, ending just before end; returns the first. */
static char *
put_decimal(char *end, unsigned long long u)
{
	do {
		*--end = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	return end;
}

/*
 * A number of at most six decimals from 1e-4 to 1e9 (scores, shares,
 * amounts: most of what the tools write) as "%.15g" prints it, without
 * printf, which was a tenth of cs-classify's run.  It is that string: when
 * k / 1e6 == |v| for an integer k, the decimal k·10⁻⁶ has at most 15
 * significant digits and lies within half an ulp of v, far inside half a
 * step of the 15-digit grid, so %.15g rounds v to exactly it (and prints
 * it without exponent in this range, trailing zeros dropped).  0 when v is
 * not such a number.
 */
static int
write_short_decimal(struct buf *b, double v)
{
	double a = fabs(v);
	char tmp[32], *end = tmp + sizeof tmp, *p;

	if (!(a >= 1e-4 && a < 1e9))
		return 0;
	long long k = llround(a * 1e6);
	if ((double)k / 1e6 != a)
		return 0;
	unsigned long long frac = (unsigned long long)(k % 1000000);
	int digits = 6;
	while (frac != 0 && frac % 10 == 0) {
		frac /= 10;
		digits--;
	}
	p = end;
	if (frac != 0) {
		char *f = put_decimal(end, frac);
		while (end - f < digits)
			*--f = '0';
		*--f = '.';
		p = f;
	}
	p = put_decimal(p, (unsigned long long)(k / 1000000));
	if (v < 0)
		*--p = '-';
	buf_add(b, p, (size_t)(end - p));
	return 1;
}

void
json_write_number(struct buf *b, double v)
{
	char tmp[40];

	if (!isfinite(v)) {
		buf_add(b, "null", 4);
		return;
	}
	if (v == 0) {
		buf_addc(b, '0');
		return;
	}
	/* Integers print as integers (exact below 2^53); anything else in the
	 * fewest digits that read back as the same double. */
	if (fabs(v) < 9007199254740992.0 && v == trunc(v)) {
		char *end = tmp + sizeof tmp;
		char *p = put_decimal(end, (unsigned long long)fabs(v));
		if (v < 0)
			*--p = '-';
		buf_add(b, p, (size_t)(end - p));
		return;
	}
	if (write_short_decimal(b, v))
		return;
	for (int prec = 15; prec <= 17; prec++) {
		int n = snprintf(tmp, sizeof tmp, "%.*g", prec, v);
		if (prec == 17 || strtod(tmp, NULL) == v) {
			buf_add(b, tmp, (size_t)n);
			return;
		}
	}
}

void
json_write_milli(struct buf *b, long long k)
{
	char tmp[32], *end = tmp + sizeof tmp, *p = end;
	unsigned long long u = k < 0 ? 0ull - (unsigned long long)k :
	    (unsigned long long)k;
	unsigned frac = (unsigned)(u % 1000);

	if (frac != 0) {
		char d[3] = { (char)('0' + frac / 100), (char)('0' + frac / 10 % 10),
		    (char)('0' + frac % 10) };
		int digits = frac % 100 == 0 ? 1 : frac % 10 == 0 ? 2 : 3;
		p -= digits;
		memcpy(p, d, (size_t)digits);
		*--p = '.';
	}
	p = put_decimal(p, u / 1000);
	if (k < 0)
		*--p = '-';
	buf_add(b, p, (size_t)(end - p));
}

void
json_write(struct buf *b, const cJSON *item)
{
	const cJSON *c;

	switch (item->type & 0xFF) {
	case cJSON_NULL:
		buf_add(b, "null", 4);
		break;
	case cJSON_False:
		buf_add(b, "false", 5);
		break;
	case cJSON_True:
		buf_add(b, "true", 4);
		break;
	case cJSON_Number:
		/* The text of a number a double cannot give back (event.c). */
		if (item->valuestring != NULL)
			buf_adds(b, item->valuestring);
		else
			json_write_number(b, item->valuedouble);
		break;
	case cJSON_String:
		json_write_string(b, item->valuestring,
		    strlen(item->valuestring));
		break;
	case cJSON_Raw:
		buf_adds(b, item->valuestring);
		break;
	case cJSON_Array:
		buf_addc(b, '[');
		for (c = item->child; c; c = c->next) {
			json_write(b, c);
			if (c->next)
				buf_addc(b, ',');
		}
		buf_addc(b, ']');
		break;
	case cJSON_Object:
		buf_addc(b, '{');
		for (c = item->child; c; c = c->next) {
			json_write_string(b, c->string, strlen(c->string));
			buf_addc(b, ':');
			json_write(b, c);
			if (c->next)
				buf_addc(b, ',');
		}
		buf_addc(b, '}');
		break;
	default:
		buf_add(b, "null", 4);
	}
}

const char *
json_str(const cJSON *obj, const char *key)
{
	const cJSON *it = json_get(obj, key);

	return cJSON_IsString(it) ? it->valuestring : NULL;
}

int
json_num(const cJSON *obj, const char *key, double *out)
{
	const cJSON *it = json_get(obj, key);

	if (!cJSON_IsNumber(it))
		return -1;
	*out = it->valuedouble;
	return 0;
}

/* json_set and json_put: borrow says whether item may keep key itself. */
static void
set_item(cJSON *obj, const char *key, cJSON *item, int borrow)
{
	cJSON *first = json_named(obj->child, key);

	if (first == NULL) {
		if (borrow)
			cJSON_AddItemToObjectCS(obj, key, item);
		else
			cJSON_AddItemToObject(obj, key, item);
		return;
	}
	/* A later duplicate of the key would outlive the new value for
	 * readers that take the last one (jq does): drop the duplicates. */
	for (cJSON *it = json_named(first->next, key), *next; it != NULL;
	    it = next) {
		next = json_named(it->next, key);
		cJSON_Delete(cJSON_DetachItemViaPointer(obj, it));
	}
	if (item->string != NULL && !(item->type & cJSON_StringIsConst))
		cJSON_free(item->string);
	if (borrow) {
		item->string = (char *)key;
		item->type |= cJSON_StringIsConst;
	} else {
		item->string = xstrdup(key);
		item->type &= ~cJSON_StringIsConst;
	}
	cJSON_ReplaceItemViaPointer(obj, first, item);
}

void
json_set(cJSON *obj, const char *key, cJSON *item)
{
	set_item(obj, key, item, 0);
}

void
json_put(cJSON *obj, const char *key, cJSON *item)
{
	set_item(obj, key, item, 1);
}

void
json_string_assign(cJSON *it, const char *val)
{
	if (it->type & cJSON_IsReference) {
		it->valuestring = xstrdup(val);
		it->type &= ~cJSON_IsReference;
	} else if (cJSON_SetValuestring(it, val) == NULL)
		abort();	/* not a string: the caller's mistake */
}

void
json_set_str(cJSON *obj, const char *key, const char *val)
{
	json_set(obj, key, cJSON_CreateString(val));
}

void
json_set_num(cJSON *obj, const char *key, double val)
{
	json_set(obj, key, cJSON_CreateNumber(val));
}

void
json_set_bool(cJSON *obj, const char *key, int val)
{
	json_set(obj, key, cJSON_CreateBool(val));
}

/* ---- locating a syntax error ------------------------------------------------
 * cJSON says only roughly where it gave up.  This validator runs on the
 * error path alone, to tell the user what was expected and at which column.
 */

struct jscan {
	const char	*s;
	size_t		 n, i;
	const char	*what;
	size_t		 at;
	int		 depth;
};

static int
jfail(struct jscan *j, size_t at, const char *what)
{
	j->what = what;
	j->at = at;
	return -1;
}

static void
jws(struct jscan *j)
{
	while (j->i < j->n && (j->s[j->i] == ' ' || j->s[j->i] == '\t' ||
	    j->s[j->i] == '\r' || j->s[j->i] == '\n'))
		j->i++;
}

static int
jexpect(struct jscan *j, const char *what)
{
	return jfail(j, j->i, j->i >= j->n ? "unexpected end of line" : what);
}

static int jvalue(struct jscan *);

/* The value of the 4 hex digits after the \u at `at`, or -1. */
static long
jhex4(const struct jscan *j, size_t at)
{
	long v = 0;

	for (size_t k = at + 2; k < at + 6; k++) {
		char c = k < j->n ? j->s[k] : '\0';
		int d = c >= '0' && c <= '9' ? c - '0' :
		    c >= 'a' && c <= 'f' ? c - 'a' + 10 :
		    c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

static int
jstring(struct jscan *j)
{
	size_t start = j->i++;

	while (j->i < j->n) {
		unsigned char c = (unsigned char)j->s[j->i];
		if (c == '"') {
			j->i++;
			return 0;
		}
		if (c < 0x20)
			return jfail(j, j->i, "control character in a string");
		if (c == '\\') {
			if (j->i + 1 >= j->n)
				break;
			char e = j->s[j->i + 1];
			if (e == 'u') {
				long u = jhex4(j, j->i);
				if (u < 0)
					return jfail(j, j->i, "invalid \\u escape");
				/* UTF-16 surrogates come in pairs: high, low. */
				if (u >= 0xDC00 && u <= 0xDFFF)
					return jfail(j, j->i, "lone low surrogate "
					    "in a \\u escape");
				if (u >= 0xD800 && u <= 0xDBFF) {
					long lo = j->i + 7 < j->n &&
					    j->s[j->i + 6] == '\\' &&
					    j->s[j->i + 7] == 'u' ?
					    jhex4(j, j->i + 6) : -1;
					if (lo < 0xDC00 || lo > 0xDFFF)
						return jfail(j, j->i, "lone high "
						    "surrogate in a \\u escape");
					j->i += 6;
				}
				j->i += 6;
				continue;
			}
			if (!strchr("\"\\/bfnrt", e) || e == '\0')
				return jfail(j, j->i, "invalid escape in a string");
			j->i += 2;
			continue;
		}
		j->i++;
	}
	return jfail(j, start, "unterminated string");
}

static int
jdigits(struct jscan *j)
{
	size_t start = j->i;

	while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9')
		j->i++;
	return j->i > start ? 0 : -1;
}

static int
jnumber(struct jscan *j)
{
	size_t start = j->i;

	if (j->s[j->i] == '-')
		j->i++;
	if (j->i < j->n && j->s[j->i] == '0')
		j->i++;
	else if (jdigits(j) < 0)
		return jfail(j, start, "invalid number");
	if (j->i < j->n && j->s[j->i] == '.') {
		j->i++;
		if (jdigits(j) < 0)
			return jfail(j, start, "invalid number");
	}
	if (j->i < j->n && (j->s[j->i] == 'e' || j->s[j->i] == 'E')) {
		j->i++;
		if (j->i < j->n && (j->s[j->i] == '+' || j->s[j->i] == '-'))
			j->i++;
		if (jdigits(j) < 0)
			return jfail(j, start, "invalid number");
	}
	return 0;
}

static int
jcontainer(struct jscan *j, char close)
{
	int object = close == '}';

	if (++j->depth > CJSON_NESTING_LIMIT)
		return jfail(j, j->i, "nested too deeply");
	j->i++;
	jws(j);
	if (j->i < j->n && j->s[j->i] == close) {
		j->i++;
		j->depth--;
		return 0;
	}
	for (;;) {
		if (object) {
			if (j->i >= j->n || j->s[j->i] != '"')
				return jexpect(j, "expected a string key");
			if (jstring(j) < 0)
				return -1;
			jws(j);
			if (j->i >= j->n || j->s[j->i] != ':')
				return jexpect(j, "expected ':'");
			j->i++;
		}
		if (jvalue(j) < 0)
			return -1;
		jws(j);
		if (j->i < j->n && j->s[j->i] == ',') {
			j->i++;
			jws(j);
			continue;
		}
		if (j->i < j->n && j->s[j->i] == close) {
			j->i++;
			j->depth--;
			return 0;
		}
		return jexpect(j, object ? "expected ',' or '}'" :
		    "expected ',' or ']'");
	}
}

static int
jliteral(struct jscan *j, const char *word)
{
	size_t len = strlen(word);

	if (j->n - j->i < len || memcmp(j->s + j->i, word, len) != 0)
		return jfail(j, j->i, "expected a value");
	j->i += len;
	return 0;
}

static int
jvalue(struct jscan *j)
{
	jws(j);
	if (j->i >= j->n)
		return jexpect(j, "expected a value");
	switch (j->s[j->i]) {
	case '{': return jcontainer(j, '}');
	case '[': return jcontainer(j, ']');
	case '"': return jstring(j);
	case 't': return jliteral(j, "true");
	case 'f': return jliteral(j, "false");
	case 'n': return jliteral(j, "null");
	default:
		if (j->s[j->i] == '-' || (j->s[j->i] >= '0' && j->s[j->i] <= '9'))
			return jnumber(j);
		return jfail(j, j->i, "expected a value");
	}
}

int
json_find_error(const char *s, size_t n, size_t *column, const char **what)
{
	struct jscan j = { s, n, 0, NULL, 0, 0 };

	if (jvalue(&j) == 0) {
		jws(&j);
		if (j.i == n)
			return 0;
		jfail(&j, j.i, "text after the value");
	}
	*column = j.at + 1;
	*what = j.what;
	return -1;
}
