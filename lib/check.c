#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ts.h"

/* Longest first, so that "<=" is not read as "<" then "=". */
static const struct {
	const char	*text;
	enum check_op	 op;
} ops[] = {
	{ "<=", CHECK_LE }, { ">=", CHECK_GE }, { "==", CHECK_EQ },
	{ "!=", CHECK_NE }, { "<", CHECK_LT }, { ">", CHECK_GT }
};

const char *
check_op_text(enum check_op op)
{
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
		if (ops[i].op == op)
			return ops[i].text;
	return "?";
}

static char *
trimmed(const char *s, size_t n)
{
	while (n > 0 && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	return xstrndup(s, n);
}

static int
parse_number(const char *s, int percent_ok, double *out)
{
	char *end;
	double v;

	if (*s == '\0' || isspace((unsigned char)*s))
		return -1;
	v = strtod(s, &end);
	if (end == s || !isfinite(v))
		return -1;
	if (percent_ok && *end == '%') {
		v /= 100;
		end++;
	}
	if (*end != '\0')
		return -1;
	*out = v;
	return 0;
}

int
check_parse(struct check *c, const char *expr, check_lookup lookup,
    void *ctx, struct buf *why)
{
	const char *at = NULL;
	size_t k = 0;

	/* The first operator character splits name from value. */
	for (const char *p = expr; *p && at == NULL; p++)
		for (k = 0; k < sizeof ops / sizeof ops[0]; k++)
			if (strncmp(p, ops[k].text, strlen(ops[k].text)) == 0) {
				at = p;
				break;
			}
	if (at == NULL) {
		buf_printf(why, "check '%s': no operator (<= < >= > == !=)",
		    expr);
		return -1;
	}
	char *name = trimmed(expr, (size_t)(at - expr));
	char *value = trimmed(at + strlen(ops[k].text),
	    strlen(at + strlen(ops[k].text)));
	int rc = -1;

	c->text = expr;
	c->op = ops[k].op;
	c->is_duration = 0;
	c->metric = lookup(ctx, name, &c->is_duration);
	if (c->metric < 0)
		buf_printf(why, "check '%s': unknown metric '%s'", expr, name);
	else if (c->is_duration ? dur_parse(value, &c->value) != 0 :
	    parse_number(value, 1, &c->value) != 0)
		buf_printf(why, "check '%s': '%s' is not a %s", expr, value,
		    c->is_duration ? "duration (30m, 1h30m, 90)" :
		    "number (4.5, 90%)");
	else
		rc = 0;
	free(name);
	free(value);
	return rc;
}

int
check_holds(const struct check *c, double v)
{
	switch (c->op) {
	case CHECK_LE: return v <= c->value;
	case CHECK_LT: return v < c->value;
	case CHECK_GE: return v >= c->value;
	case CHECK_GT: return v > c->value;
	case CHECK_EQ: return v == c->value;
	case CHECK_NE: return v != c->value;
	}
	return 0;
}
