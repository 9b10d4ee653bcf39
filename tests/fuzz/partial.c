/*
 * partial — cs-kpi's partial state (--merge reads it from anywhere): lines
 * of state read into a part's report, absorbed into another, finished and
 * every row made.  Whatever the text, a line is read or refused with a
 * reason, and the report that follows is one that can be written.
 *
 * Input: byte 0 picks the grouping (bits 0-1: none, agent, agent and
 * channel) and --by day (bit 2); the rest is the state, a line a record.
 */
#include "fuzz.h"
#include "kpi.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static const char *const group[] = { "agent", "channel" };
	static struct fieldmap map = FIELDMAP_INIT;
	static struct ts_parser ts;
	struct kpi_opts o = { 0 };
	struct kpi *part, *whole;

	if (n < 1)
		return 0;
	o.map = &map;
	o.ts = &ts;
	o.sla = 1800;
	o.window = 7 * 86400;
	o.since = o.until = o.now = CS_TIME_NONE;
	o.group = group;
	o.ngroup = data[0] & 3;
	if (o.ngroup > 2)
		o.ngroup = 2;
	o.by = data[0] & 4 ? KPI_BY_DAY : KPI_BY_NONE;
	o.max_conversations = 1000;
	data++, n--;
	part = kpi_new(&o);
	whole = kpi_new(&o);
	while (n > 0) {
		const uint8_t *nl = memchr(data, '\n', n);
		size_t len = nl ? (size_t)(nl - data) : n;
		(void)kpi_partial_add(part, (const char *)data, len);
		if (kpi_full(part))
			break;
		data += len + (nl != NULL);
		n -= len + (nl != NULL);
	}
	kpi_absorb(whole, part);
	kpi_free(part);
	if (!kpi_full(whole)) {
		kpi_finish(whole);
		for (size_t r = 0; r < kpi_nrows(whole); r++)
			cJSON_Delete(kpi_row_object(whole, r, NULL, 0));
	}
	kpi_free(whole);
	return 0;
}
