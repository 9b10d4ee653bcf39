/*
 * lib/kpi, mergeable state: a random log, split at random (by lines, by
 * time, by conversation, shuffled), each part read into a report of its
 * own, written as partial state and read back, absorbed in the order of
 * the parts' numbers whatever order they came in — the report must be the
 * one run's, byte for byte.  The same parts absorbed straight from memory
 * (cs-kpi -j) must give it too.
 */
#include "unit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "kpi.h"

static struct fieldmap no_map = FIELDMAP_INIT;
static struct ts_parser parser;

/* splitmix64 */
static uint64_t
rnd(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int
pick(uint64_t *s, int n)
{
	return (int)(rnd(s) % (uint64_t)n);
}

struct line {
	long		 t;
	int		 seq;
	int		 conv;		/* -1: none */
	int		 cust;		/* -1: none */
	char		*text;
};

struct log {
	struct line	*l;
	int		 n, cap;
};

static void
add(struct log *log, long t, int conv, int cust, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void
add(struct log *log, long t, int conv, int cust, const char *fmt, ...)
{
	va_list ap;
	struct buf b = BUF_INIT;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (log->n == log->cap) {
		log->cap = log->cap ? log->cap * 2 : 256;
		log->l = realloc(log->l, sizeof *log->l * (size_t)log->cap);
	}
	log->l[log->n] = (struct line){ t, log->n, conv, cust,
	    buf_detach(&b) };
	log->n++;
}

static int
by_time(const void *a, const void *b)
{
	const struct line *x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* A customer's id: some are numbers, as some exports have them. */
static void
cust_field(struct buf *b, int cust)
{
	if (cust % 7 == 3)
		buf_printf(b, ",\"customer\":%d", 900000 + cust);
	else
		buf_printf(b, ",\"customer\":\"u%d\"", cust);
}

/*
 * Conversations with every kind of event the engine reads (roles, notes,
 * acknowledgements, intents, statuses, scores and thumbs, orders with
 * repeated ids and amounts in several currencies, ratings without a
 * conversation, bad events), often several at one instant, in time order.
 */
static struct log
random_log(uint64_t *s, int nconv)
{
	static const char *const roles[] = { "customer", "customer",
		"customer", "agent", "agent", "bot", "system" };
	static const char *const agents[] = { "li", "wang", "anna", "joão" };
	static const char *const channels[] = { "shop", "email", "whatsapp" };
	static const char *const intents[] = { "refund", "shipping", "other" };
	static const char *const statuses[] = { "open", "resolved",
		"reopened" };
	static const char *const currencies[] = { "EUR", "USD", "JPY" };
	struct log log = { NULL, 0, 0 };
	struct buf b = BUF_INIT;
	int ncust = nconv / 2 + 1;

	for (int c = 0; c < nconv; c++) {
		long t = 1780000000000L + (long)pick(s, 5 * 86400) * 1000;
		int cust = pick(s, ncust), len = 1 + pick(s, 10);
		const char *channel = channels[pick(s, 3)];
		for (int e = 0; e < len; e++) {
			int r = pick(s, 100);
			/* a third at the instant of the one before */
			if (pick(s, 3) != 0)
				t += 1000L * (1 + pick(s, 4000));
			buf_reset(&b);
			if (r < 8) {
				add(&log, t, c, -1, "{\"type\":\"status\","
				    "\"conversation\":\"k%d\",\"ts\":%ld,"
				    "\"status\":\"%s\"}", c, t / 1000,
				    statuses[pick(s, 3)]);
				continue;
			}
			if (r < 14) {
				if (pick(s, 2))
					buf_printf(&b, ",\"score\":%s",
					    pick(s, 4) ? (const char *[]){ "1",
					    "2", "3", "4", "5" }[pick(s, 5)] :
					    "4.5");
				else
					buf_printf(&b, ",\"good\":%s",
					    pick(s, 2) ? "true" : "false");
				add(&log, t, c, -1, "{\"type\":\"rating\","
				    "\"conversation\":\"k%d\",\"ts\":%ld,"
				    "\"agent\":\"%s\"%s}", c, t / 1000,
				    agents[pick(s, 4)], b.data);
				continue;
			}
			if (r == 14) {		/* not an event */
				add(&log, t, c, -1, "{\"conversation\":\"k%d\","
				    "\"ts\":%ld,\"role\":\"nobody\"}", c,
				    t / 1000);
				continue;
			}
			const char *role = roles[pick(s, 7)];
			if (strcmp(role, "customer") == 0) {
				cust_field(&b, cust);
				if (pick(s, 3) == 0)
					buf_printf(&b, ",\"intent\":\"%s\"",
					    intents[pick(s, 3)]);
				if (pick(s, 8) == 0)
					buf_adds(&b, ",\"needs_reply\":false");
				if (pick(s, 4) == 0)
					buf_printf(&b, ",\"country\":\"%s\"",
					    pick(s, 2) ? "DE" : "JP");
			} else {
				buf_printf(&b, ",\"agent\":\"%s\"",
				    agents[pick(s, 4)]);
				if (pick(s, 9) == 0)
					buf_adds(&b, ",\"private\":true");
				if (pick(s, 10) == 0)
					buf_adds(&b, ",\"country\":\"BR\"");
			}
			add(&log, t, c, -1, "{\"conversation\":\"k%d\",\"ts\":"
			    "%ld,\"role\":\"%s\",\"channel\":\"%s\"%s}", c,
			    t / 1000, role, channel, b.data);
		}
		/* an order or two after some conversations */
		for (int o = pick(s, 3) - 1; o > 0 || (o == 0 && pick(s, 2));
		    o--) {
			long ot = t + 1000L * pick(s, 9 * 86400);
			int id = pick(s, 3) ? 5000 + pick(s, nconv) : -1;
			buf_reset(&b);
			cust_field(&b, cust);
			if (id >= 0)
				buf_printf(&b, ",\"order_id\":\"o%d\"", id);
			if (pick(s, 5))
				buf_printf(&b, ",\"amount\":%d.%02d",
				    pick(s, 300), pick(s, 100));
			if (pick(s, 6))
				buf_printf(&b, ",\"currency\":\"%s\"",
				    currencies[pick(s, 3)]);
			add(&log, ot, -1, cust, "{\"type\":\"order\","
			    "\"ts\":%ld%s}", ot / 1000, b.data);
			o = o > 0 ? o : 0;
		}
	}
	for (int i = 0; i < nconv / 10; i++) {	/* ratings of no one */
		long t = 1780000000000L + (long)pick(s, 6 * 86400) * 1000;
		add(&log, t, -1, -1, "{\"type\":\"rating\",\"ts\":%ld,"
		    "\"agent\":\"%s\",\"score\":%d}", t / 1000,
		    agents[pick(s, 4)], 1 + pick(s, 5));
	}
	qsort(log.l, (size_t)log.n, sizeof *log.l, by_time);
	buf_free(&b);
	return log;
}

static void
log_free(struct log *log)
{
	for (int i = 0; i < log->n; i++)
		free(log->l[i].text);
	free(log->l);
}

static struct kpi *
read_lines(const struct kpi_opts *o, struct line *const *lines, int n)
{
	struct kpi *k = kpi_new(o);

	for (int i = 0; i < n; i++) {
		cJSON *ev = cJSON_Parse(lines[i]->text);
		assert_non_null(ev);
		if (kpi_add(k, ev) != NULL)
			kpi_reject(k);
		cJSON_Delete(ev);
	}
	return k;
}

static void
report_text(struct kpi *k, struct buf *out)
{
	kpi_finish(k);
	buf_reset(out);
	for (size_t r = 0; r < kpi_nrows(k); r++) {
		cJSON *o = kpi_row_object(k, r, NULL, 0);
		json_write(out, o);
		buf_addc(out, '\n');
		cJSON_Delete(o);
	}
}

static void
keep_line(void *ctx, const char *line, size_t len)
{
	struct buf *b = ctx;

	buf_add(b, line, len);
	buf_addc(b, '\n');
}

/* A part's report written as partial state and read back. */
static struct kpi *
through_text(const struct kpi_opts *o, struct kpi *part)
{
	struct buf text = BUF_INIT;
	struct kpi *k = kpi_new(o);

	kpi_partial_write(part, keep_line, &text);
	kpi_free(part);
	for (char *p = text.data, *nl; (nl = strchr(p, '\n')) != NULL;
	    p = nl + 1) {
		*nl = '\0';
		const char *why = kpi_partial_add(k, p, (size_t)(nl - p));
		if (why != NULL)
			fail_msg("%s: %s", why, p);
	}
	buf_free(&text);
	return k;
}

enum split { BY_LINES, BY_TIME, BY_CONVERSATION, SHUFFLED, NSPLITS };

/* The part (0..nparts) of each line of `order`, for one kind of split. */
static void
split_log(uint64_t *s, enum split how, struct line **order, int n,
    int nparts, int *part)
{
	int cut[8];

	for (int i = 0; i < nparts - 1; i++)
		cut[i] = pick(s, n + 1);
	for (int i = 0; i < nparts - 1; i++)	/* sorted cuts */
		for (int j = i + 1; j < nparts - 1; j++)
			if (cut[j] < cut[i]) {
				int x = cut[i];
				cut[i] = cut[j];
				cut[j] = x;
			}
	for (int i = 0, p = 0; i < n; i++) {
		if (how == BY_CONVERSATION) {
			int key = order[i]->conv >= 0 ? order[i]->conv :
			    order[i]->cust >= 0 ? 1000 + order[i]->cust : i;
			part[i] = (int)((unsigned)(key * 2654435761u) >> 7) %
			    nparts;
			continue;
		}
		while (p < nparts - 1 && i >= cut[p])
			p++;
		/* by time: a cut never falls between lines of one instant */
		if (how == BY_TIME && i > 0 && order[i]->t == order[i - 1]->t)
			p = part[i - 1];
		part[i] = p;
	}
}

static void
shuffle(uint64_t *s, struct line **v, int n)
{
	for (int i = n - 1; i > 0; i--) {
		int j = pick(s, i + 1);
		struct line *x = v[i];
		v[i] = v[j];
		v[j] = x;
	}
}

/*
 * One round: the log (shuffled for SHUFFLED) read whole, then in parts,
 * the parts merged through text in a random order of arrival and straight
 * from memory.
 */
static void
round_trip(uint64_t *s, const struct kpi_opts *o, const struct log *log,
    enum split how)
{
	int n = log->n, nparts = 2 + pick(s, 5), number[8];
	struct line **order = malloc(sizeof *order * (size_t)n),
	    **mine = malloc(sizeof *mine * (size_t)n);
	int *part = malloc(sizeof *part * (size_t)n);
	struct kpi *k, *parts[8], *mem;
	struct buf want = BUF_INIT, got = BUF_INIT;

	for (int i = 0; i < n; i++)
		order[i] = &log->l[i];
	if (how == SHUFFLED)
		shuffle(s, order, n);
	k = read_lines(o, order, n);
	report_text(k, &want);
	kpi_free(k);

	split_log(s, how, order, n, nparts, part);
	/* Parts numbered in input order, but for a split by conversation,
	 * whose parts have no order: any numbering. */
	for (int p = 0; p < nparts; p++)
		number[p] = p;
	if (how == BY_CONVERSATION)
		for (int p = nparts - 1; p > 0; p--) {
			int j = pick(s, p + 1), x = number[p];
			number[p] = number[j];
			number[j] = x;
		}
	for (int p = 0; p < nparts; p++) {
		int m = 0;
		for (int i = 0; i < n; i++)
			if (part[i] == p)
				mine[m++] = order[i];
		parts[number[p]] = read_lines(o, mine, m);
	}
	/* Straight from memory, into the first (below). */
	mem = parts[0];
	/* Through text: each part written and read back, arriving in a
	 * random order, absorbed by number into a new report. */
	struct kpi *read_back[8];
	int arrival[8];
	for (int p = 0; p < nparts; p++)
		arrival[p] = p;
	for (int p = nparts - 1; p > 0; p--) {
		int j = pick(s, p + 1), x = arrival[p];
		arrival[p] = arrival[j];
		arrival[j] = x;
	}
	/* the memory merge spends the parts: text first, from copies */
	for (int i = 0; i < nparts; i++) {
		int p = arrival[i];
		int m = 0;
		for (int j = 0; j < n; j++)
			if (number[part[j]] == p)
				mine[m++] = order[j];
		read_back[p] = through_text(o, read_lines(o, mine, m));
	}
	k = kpi_new(o);
	for (int p = 0; p < nparts; p++) {
		kpi_absorb(k, read_back[p]);
		kpi_free(read_back[p]);
	}
	report_text(k, &got);
	if (strcmp(buf_str(&got), buf_str(&want)) != 0)
		fail_msg("split %d in %d parts, through text:\n%s\nnot\n%s",
		    how, nparts, buf_str(&got), buf_str(&want));
	kpi_free(k);

	for (int p = 1; p < nparts; p++) {
		kpi_absorb(mem, parts[p]);
		kpi_free(parts[p]);
	}
	report_text(mem, &got);
	if (strcmp(buf_str(&got), buf_str(&want)) != 0)
		fail_msg("split %d in %d parts, from memory:\n%s\nnot\n%s",
		    how, nparts, buf_str(&got), buf_str(&want));
	kpi_free(mem);
	free(order);
	free(mine);
	free(part);
	buf_free(&want);
	buf_free(&got);
}

static void
test_splits(void **state)
{
	static const char *const by_agent[] = { "agent" };
	static const char *const by_two[] = { "channel", "intent" };
	static const char *const by_country[] = { "country" };
	uint64_t s = 2022;
	(void)state;

	for (int r = 0; r < 48; r++) {
		struct log log = random_log(&s, 20 + pick(&s, 60));
		struct kpi_opts o = { 0 };
		enum split how = (enum split)(r % NSPLITS);

		o.map = &no_map;
		o.ts = &parser;
		o.sla = 600;
		o.window = 3 * 86400;
		o.since = o.until = o.now = CS_TIME_NONE;
		switch (r / NSPLITS % 4) {
		case 0:
			o.group = by_agent;
			o.ngroup = 1;
			break;
		case 1:
			o.group = by_two;
			o.ngroup = 2;
			o.by = KPI_BY_DAY;
			break;
		case 2:
			o.group = by_country;
			o.ngroup = 1;
			o.bots_respond = 1;
			o.since = 1780000000000L + 86400000L;
			o.until = 1780000000000L + 4 * 86400000L;
			break;
		default:
			o.by = KPI_BY_HOUR;
			break;
		}
		/* A shuffled log is exact only when every report keeps
		 * whole lists; so is it then whatever the split. */
		o.any_order = how == SHUFFLED || r % 3 == 0;
		round_trip(&s, &o, &log, how);
		log_free(&log);
	}
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_splits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
