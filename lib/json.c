#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

void
json_write_string(struct buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run = 0;

	buf_grow(b, len + 2);
	buf_addc(b, '"');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
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
		int n = snprintf(tmp, sizeof tmp, "%lld", (long long)v);
		buf_add(b, tmp, (size_t)n);
		return;
	}
	for (int prec = 15; prec <= 17; prec++) {
		int n = snprintf(tmp, sizeof tmp, "%.*g", prec, v);
		if (prec == 17 || strtod(tmp, NULL) == v) {
			buf_add(b, tmp, (size_t)n);
			return;
		}
	}
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
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);

	return cJSON_IsString(it) ? it->valuestring : NULL;
}

int
json_num(const cJSON *obj, const char *key, double *out)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (!cJSON_IsNumber(it))
		return -1;
	*out = it->valuedouble;
	return 0;
}

void
json_set(cJSON *obj, const char *key, cJSON *item)
{
	if (cJSON_GetObjectItemCaseSensitive(obj, key) != NULL)
		cJSON_ReplaceItemInObjectCaseSensitive(obj, key, item);
	else
		cJSON_AddItemToObject(obj, key, item);
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
