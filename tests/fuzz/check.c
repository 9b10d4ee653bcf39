/*
 * check — the threshold expressions of cs-kpi --check.
 *
 * Input: the expression (cut at the first NUL).
 */
#include "fuzz.h"
#include "check.h"

static int
lookup(void *ctx, const char *name, int *is_duration)
{
	static const char *const names[] = {
		"frt_p50", "frt_mean", "sla_share", "csat", "conversations",
	};

	(void)ctx;
	for (int i = 0; i < 5; i++)
		if (strcmp(name, names[i]) == 0) {
			*is_duration = i < 2;
			return i;
		}
	return -1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct check c;
	struct buf why = BUF_INIT;
	char *s = fuzz_split(&data, &n, '\0');

	if (check_parse(&c, s, lookup, NULL, &why) == 0) {
		if (c.metric < 0 || c.metric > 4)
			abort();
		check_holds(&c, 0);
		check_holds(&c, 1e300);
		check_op_text(c.op);
	} else if (why.len == 0)
		abort();
	buf_free(&why);
	free(s);
	return 0;
}
