/*
 * replylint — what a native reader would catch before a template ships.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buyername.h"
#include "replylint.h"
#include "text.h"

const char *const reply_contract_names[] = {
	"name", "first_name", "agent_name", "shop", "first_time",
	"returning", "angry", "urgent", "followup", "intent", "topic",
	"topic_answer", "needs_video", "order_id", "product", "amount_text",
	"orders_count", "paid", "shipped", "delivered", "refunded",
	"partially_refunded", "refund_amount_text", "on_hold", "cancelled",
	"tracking_url", "coupon", "promise_date", "promise_weekday",
	"promise_time", "promise_morning", "promise_today", "promise_tomorrow",
	"holiday", "holiday_closed", "reply_lang", "lang_fallback", "reply_due_local",
	"reply_due_text", "reply_due_time", "reply_due_date", NULL
};

const char *const reply_topics[] = {
	"customs", "not_received", "delivery_area", "be_home",
	"partial_refund", "refund_status", "code_rejected", "restock",
	"size_advice", "return_cost", "address_change", "double_charge",
	"praise", NULL
};

const char *const reply_shared_partials[] = {
	"greeting", "opening", "gesture", "closing", NULL
};

/* Scripts as lint tells them apart. */
enum script {
	SC_NONE, SC_LATN, SC_CYRL, SC_ARAB, SC_HEBR, SC_THAI, SC_HANG,
	SC_KANA, SC_HAN, SC_OTHER, SC_N
};
static const char *const script_names[SC_N] = {
	"", "Latin", "Cyrillic", "Arabic", "Hebrew", "Thai", "Hangul", "kana",
	"Han", "another script"
};

static enum script
script_of(int32_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
	    (c >= 0x1E00 && c <= 0x1EFF))
		return SC_LATN;
	if (c >= 0x400 && c <= 0x4FF)
		return SC_CYRL;
	if ((c >= 0x600 && c <= 0x6FF && !(c >= 0x660 && c <= 0x669) &&
	    c != 0x60C && c != 0x61B && c != 0x61F && c != 0x6D4) ||
	    (c >= 0x750 && c <= 0x77F) || (c >= 0xFB50 && c <= 0xFDFF) ||
	    (c >= 0xFE70 && c <= 0xFEFF))
		return SC_ARAB;
	if (c >= 0x5D0 && c <= 0x5F2)
		return SC_HEBR;
	if (c >= 0xE01 && c <= 0xE4E)
		return SC_THAI;
	if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) ||
	    (c >= 0x3131 && c <= 0x318E))
		return SC_HANG;
	if ((c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA))
		return SC_KANA;
	if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF))
		return SC_HAN;
	if (c >= 0x370 && c <= 0x3FF)
		return SC_OTHER;	/* Greek, and so on */
	return SC_NONE;			/* digits, marks, punctuation */
}

/*
 * Characters written one way in Simplified and another in Traditional
 * Chinese (common ones of customer service: 们們 这這 订訂 单單 货貨 …),
 * as code point pairs.
 */
static const int32_t han_pairs[][2] = {
	{ 0x4EEC, 0x5011 }, { 0x8FD9, 0x9019 }, { 0x4E3A, 0x70BA },
	{ 0x8BF7, 0x8ACB }, { 0x8BA2, 0x8A02 }, { 0x5355, 0x55AE },
	{ 0x8D27, 0x8CA8 }, { 0x53D1, 0x767C }, { 0x65F6, 0x6642 },
	{ 0x95F4, 0x9593 }, { 0x540E, 0x5F8C }, { 0x8BF4, 0x8AAA },
	{ 0x4F1A, 0x6703 }, { 0x4E2A, 0x500B }, { 0x95EE, 0x554F },
	{ 0x9898, 0x984C }, { 0x8C22, 0x8B1D }, { 0x52A1, 0x52D9 },
	{ 0x8D28, 0x8CEA }, { 0x6362, 0x63DB }, { 0x8FD0, 0x904B },
	{ 0x90AE, 0x90F5 }, { 0x8D39, 0x8CBB }, { 0x8D2D, 0x8CFC },
	{ 0x4E70, 0x8CB7 }, { 0x5356, 0x8CE3 }, { 0x4EF7, 0x50F9 },
	{ 0x4F18, 0x512A }, { 0x7801, 0x78BC }, { 0x989D, 0x984D },
	{ 0x79CD, 0x7A2E }, { 0x989C, 0x984F }, { 0x5904, 0x8655 },
	{ 0x7ECF, 0x7D93 }, { 0x8FC7, 0x904E }, { 0x8FD8, 0x9084 },
	{ 0x7ED9, 0x7D66 }, { 0x8BA9, 0x8B93 }, { 0x8054, 0x806F },
	{ 0x4E1C, 0x6771 }, { 0x6837, 0x6A23 }, { 0x4E48, 0x9EBC },
	{ 0x6CA1, 0x6C92 }, { 0x5173, 0x95DC }, { 0x5F00, 0x958B },
	{ 0x4EB2, 0x89AA }, { 0x7231, 0x611B }, { 0x6B22, 0x6B61 },
	{ 0x5BF9, 0x5C0D }, { 0x89C1, 0x898B }, { 0x94B1, 0x9322 },
	{ 0x5E2E, 0x5E6B }, { 0x7F51, 0x7DB2 }, { 0x9875, 0x9801 },
	{ 0x7EBF, 0x7DDA }, { 0x8BDD, 0x8A71 }, { 0x7535, 0x96FB },
	{ 0x5E94, 0x61C9 }, { 0x8BE5, 0x8A72 }, { 0x786E, 0x78BA },
	{ 0x8BA4, 0x8A8D }, { 0x8FBE, 0x9054 }, { 0x9012, 0x905E },
	{ 0x4ED3, 0x5009 }, { 0x5E93, 0x5EAB }, { 0x5B9E, 0x5BE6 },
	{ 0x957F, 0x9577 }, { 0x95E8, 0x9580 }, { 0x8F66, 0x8ECA },
	{ 0x4ECE, 0x5F9E }, { 0x5E08, 0x5E2B }, { 0x513F, 0x5152 },
};

/* 1 Simplified, 2 Traditional, 0 neither (or both alike). */
static int
han_form(int32_t c)
{
	for (size_t i = 0; i < sizeof(han_pairs) / sizeof(han_pairs[0]); i++) {
		if (c == han_pairs[i][0])
			return 1;
		if (c == han_pairs[i][1])
			return 2;
	}
	return 0;
}

static int
is_cjk_script(const char *script)
{
	return script != NULL && (strcmp(script, "Hans") == 0 ||
	    strcmp(script, "Hant") == 0 || strcmp(script, "Jpan") == 0);
}

/* What one lint run needs. */
struct lint {
	const struct reply_lib	*lib;
	const char *const	*only;
	struct buf		*report;
	int			 problems;
	/* The file being checked. */
	const char		*path;
	const char		*script;
	const char		*honorifics;
	const char		*name_rule;
	int			 cjk;		/* counts characters */
	int			 french;	/* spaces before ? ! : ; */
	int			 thai;
	size_t			 count[SC_N];
	size_t			 hans, hant;
	struct mst_names	 reported;	/* names reported in the file */
	int			 holiday_line;	/* where it shows holiday */
	int			 holiday_closed; /* it shows holiday_closed */
};

static void
problem(struct lint *l, int line, const char *fmt, const char *arg)
{
	if (line > 0)
		buf_printf(l->report, "%s:%d: ", l->path, line);
	else
		buf_printf(l->report, "%s: ", l->path);
	buf_printf(l->report, fmt, arg);
	buf_addc(l->report, '\n');
	l->problems++;
}

/* Names -------------------------------------------------------------- */

static int
contract_name(const char *name)
{
	size_t n = strcspn(name, ".");

	if (strcmp(name, ".") == 0)
		return 1;
	for (int i = 0; reply_contract_names[i] != NULL; i++)
		if (strlen(reply_contract_names[i]) == n &&
		    strncmp(reply_contract_names[i], name, n) == 0)
			return 1;
	return 0;
}

static void
on_name(void *arg, const char *name, int section, int line, int col)
{
	struct lint *l = arg;

	(void)section;
	(void)col;
	if (strcmp(name, "holiday") == 0 && l->holiday_line == 0)
		l->holiday_line = line > 0 ? line : 1;
	if (strcmp(name, "holiday_closed") == 0)
		l->holiday_closed = 1;
	if (!contract_name(name) && !mst_names_has(&l->reported, name)) {
		mst_names_add(&l->reported, name);
		problem(l, line, "'%s' is not a value of cskit-templates(5)",
		    name);
	}
}

/* Script -------------------------------------------------------------- */

static void
on_text(void *arg, const char *s, size_t len, int line)
{
	struct lint *l = arg;

	(void)line;
	for (size_t i = 0; i < len; ) {
		int32_t c;
		int k = text_decode(s + i, len - i, &c);
		if (k <= 0)
			break;
		l->count[script_of(c)]++;
		if (script_of(c) == SC_HAN) {
			int f = han_form(c);
			l->hans += f == 1;
			l->hant += f == 2;
		}
		i += (size_t)k;
	}
}

/* The scripts a language's text may use besides Latin brand names. */
static void
allowed_scripts(const char *script, int allow[SC_N])
{
	memset(allow, 0, SC_N * sizeof(int));
	allow[SC_NONE] = allow[SC_LATN] = 1;
	if (script == NULL || strcmp(script, "Latn") == 0)
		return;
	if (strcmp(script, "Cyrl") == 0)
		allow[SC_CYRL] = 1;
	else if (strcmp(script, "Arab") == 0)
		allow[SC_ARAB] = 1;
	else if (strcmp(script, "Hebr") == 0)
		allow[SC_HEBR] = 1;
	else if (strcmp(script, "Thai") == 0)
		allow[SC_THAI] = 1;
	else if (strcmp(script, "Kore") == 0)
		allow[SC_HANG] = 1;
	else if (strcmp(script, "Jpan") == 0)
		allow[SC_KANA] = allow[SC_HAN] = 1;
	else if (strcmp(script, "Hans") == 0 || strcmp(script, "Hant") == 0)
		allow[SC_HAN] = 1;
}

static void
check_script(struct lint *l)
{
	int allow[SC_N];
	size_t letters = 0, own = 0;

	if (l->script == NULL)
		return;
	allowed_scripts(l->script, allow);
	for (int k = SC_LATN; k < SC_N; k++) {
		letters += l->count[k];
		if (allow[k] && k != SC_LATN)
			own += l->count[k];
		if (!allow[k] && l->count[k] > 0)
			problem(l, 0, "%s letters in a template of this "
			    "language's script", script_names[k]);
	}
	if (strcmp(l->script, "Latn") != 0 && letters > 0 &&
	    own * 2 < letters)
		problem(l, 0, "mostly Latin letters: not in %s", l->script);
	if (strcmp(l->script, "Jpan") == 0 && l->count[SC_HAN] > 0 &&
	    l->count[SC_KANA] == 0)
		problem(l, 0, "%s", "Han without kana: Chinese, not Japanese");
	if (strcmp(l->script, "Hans") == 0 && l->hant > l->hans)
		problem(l, 0, "%s", "Traditional characters in a Simplified "
		    "Chinese template");
	if (strcmp(l->script, "Hant") == 0 && l->hans > l->hant)
		problem(l, 0, "%s", "Simplified characters in a Traditional "
		    "Chinese template");
}

/* The source, line by line ------------------------------------------- */

/*
 * A template's source with its tags taken out: an interpolation becomes
 * "X" (a value stands there), every other tag nothing, a comment nothing
 * even across lines.  NULL when it uses other delimiters.
 */
static char *
strip_tags(const char *src)
{
	struct buf out = BUF_INIT;
	const char *p = src;

	while (*p) {
		const char *open = strstr(p, "{{"), *close;
		if (open == NULL) {
			buf_adds(&out, p);
			break;
		}
		buf_add(&out, p, (size_t)(open - p));
		if (open[2] == '=') {
			buf_free(&out);
			return NULL;
		}
		close = strstr(open + 2, open[2] == '{' ? "}}}" : "}}");
		if (close == NULL)
			break;
		if (strchr("#^/!>", open[2]) == NULL)
			buf_addc(&out, 'X');
		p = close + (open[2] == '{' ? 3 : 2);
	}
	return buf_detach(&out);
}

static char *
read_file(const char *path)
{
	FILE *fp = fopen(path, "r");
	struct buf b = BUF_INIT;
	char chunk[4096];
	size_t n;

	if (fp == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	buf_addc(&b, '\0');
	b.len--;
	return buf_detach(&b);
}

/* Characters (code points) in s[0..n). */
static size_t
chars(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

static int
is_word_letter(unsigned char c)
{
	return c >= 0x80 || isalpha(c);
}

/*
 * Gender slashes: a letter then "(e)", "(a)", "(in)", "(а)"…, then "/a",
 * "/o", "/e", "/as", "/os", "/in"… ending the word, or "*in", ":in".
 */
static const char *const endings[] = {
	"e", "a", "o", "es", "as", "os", "in", "innen", "na", "ne", "\xd0\xb0",
	"\xd0\xbb\xd0\xb0", "\xd0\xba\xd0\xb0", NULL
};

static const char *
gender_slash(const char *s)
{
	for (const char *p = s; *p; p++) {
		size_t k;
		if (p == s || !is_word_letter((unsigned char)p[-1]))
			continue;
		for (int i = 0; endings[i] != NULL; i++) {
			k = strlen(endings[i]);
			if (*p == '(' && strncmp(p + 1, endings[i], k) == 0 &&
			    p[k + 1] == ')')
				return p;
			if ((*p == '/' || *p == '*' || *p == ':') &&
			    strncmp(p + 1, endings[i], k) == 0 &&
			    !is_word_letter((unsigned char)p[k + 1]) &&
			    (*p == '/' || strcmp(endings[i], "in") == 0 ||
			    strcmp(endings[i], "innen") == 0))
				return p;
		}
	}
	return NULL;
}

/* Punctuation doubled: "??", "!!", ",,", "..", but not "...". */
static const char *
doubled_punct(const char *s)
{
	static const char *const two[] = {
		"??", "!!", ",,", "\xe3\x80\x82\xe3\x80\x82",
		"\xef\xbc\x9f\xef\xbc\x9f", "\xef\xbc\x81\xef\xbc\x81",
		"\xe3\x80\x81\xe3\x80\x81", "\xef\xbc\x8c\xef\xbc\x8c", NULL
	};
	const char *p;

	for (int i = 0; two[i] != NULL; i++)
		if ((p = strstr(s, two[i])) != NULL)
			return p;
	for (p = s; (p = strstr(p, "..")) != NULL; p += 2)
		if ((p == s || p[-1] != '.') && p[2] != '.')
			return p;
	return NULL;
}

/* ASCII punctuation right after a CJK character. */
static int
ascii_after_cjk(const char *s)
{
	size_t n = strlen(s);
	int32_t prev = 0;

	for (size_t i = 0; i < n; ) {
		int32_t c;
		int k = text_decode(s + i, n - i, &c);
		if (k <= 0)
			return 0;
		if (c > 0 && c < 0x80 && strchr(",.?!:;", (int)c) != NULL &&
		    (script_of(prev) == SC_HAN || script_of(prev) == SC_KANA))
			return 1;
		prev = c;
		i += (size_t)k;
	}
	return 0;
}

/* The longest sentence of a line: words, or characters in CJK and Thai. */
static size_t
longest_sentence(const char *s, int by_chars)
{
	size_t best = 0, cur = 0, n = strlen(s);
	int in_word = 0;

	for (size_t i = 0; i < n; ) {
		int32_t c;
		int k = text_decode(s + i, n - i, &c);
		int end;
		if (k <= 0)
			break;
		end = c == '.' || c == '!' || c == '?' || c == 0x3002 ||
		    c == 0xFF01 || c == 0xFF1F || c == 0x61F;
		/* "e.g." and "3.5" are not ends */
		if (c == '.' && i + 1 < n && s[i + 1] != ' ')
			end = 0;
		if (by_chars) {
			cur += !end && c != ' ';
		} else if (c == ' ') {
			in_word = 0;
		} else if (!in_word) {
			in_word = 1;
			cur++;
		}
		if (end) {
			best = cur > best ? cur : best;
			cur = 0;
			in_word = 0;
		}
		i += (size_t)k;
	}
	return cur > best ? cur : best;
}

/* An honorific (or the name rule's own words) written beside {{name}}. */
static int
honorific_beside(const char *src, const char *words, int *line)
{
	static const char *const tags[] = { "{{name}}", "{{{name}}}",
	    "{{& name}}", "{{&name}}", NULL };

	for (int t = 0; tags[t] != NULL; t++) {
		size_t tl = strlen(tags[t]);
		for (const char *p = src; (p = strstr(p, tags[t])) != NULL;
		    p += tl) {
			for (const char *h = words; h != NULL && *h; ) {
				size_t k;
				h += strspn(h, " ");
				k = strcspn(h, " ");
				if (k == 0)
					break;
				const char *after = p + tl + (p[tl] == ' ');
				const char *before = p - k - (p > src &&
				    p[-1] == ' ');
				if (strncmp(after, h, k) == 0 ||
				    (before >= src &&
				    strncmp(before, h, k) == 0)) {
					*line = 1;
					for (const char *q = src; q < p; q++)
						*line += *q == '\n';
					return 1;
				}
				h += k;
			}
		}
	}
	return 0;
}

/* The honorific words of a language: its list and its name rule's. */
static void
honorific_words(const struct lint *l, struct buf *out)
{
	if (l->honorifics != NULL)
		buf_adds(out, l->honorifics);
	for (const char *p = l->name_rule; p != NULL && *p; ) {
		if (*p == '{') {
			const char *e = strchr(p, '}');
			buf_addc(out, ' ');
			p = e != NULL ? e + 1 : p + strlen(p);
			continue;
		}
		buf_addc(out, *p++);
	}
}

/* " ," or " ." (and " ?", " !" outside French, which spaces them). */
static int
blank_before_punct(const char *p, int french)
{
	return strstr(p, " ,") != NULL || strstr(p, " .") != NULL ||
	    (!french && (strstr(p, " ?") != NULL || strstr(p, " !") != NULL));
}

static void
check_source(struct lint *l, const char *src)
{
	char *stripped = strip_tags(src);
	struct buf words = BUF_INIT;
	size_t max_line = l->cjk || l->thai ? 160 : 320;
	size_t max_sentence = l->cjk ? 90 : l->thai ? 140 : 35;
	int line = 0, at;

	honorific_words(l, &words);
	if (words.len > 0 && honorific_beside(src, words.data, &at))
		problem(l, at, "%s", "an honorific beside {{name}}, which "
		    "carries its own");
	buf_free(&words);
	if (stripped == NULL)
		return;
	for (char *p = stripped, *nl; p != NULL; p = nl ? nl + 1 : NULL) {
		size_t n;
		nl = strchr(p, '\n');
		if (nl != NULL)
			*nl = '\0';
		line++;
		n = strlen(p);
		if (n == 0)
			continue;
		if (chars(p, n) > max_line)
			problem(l, line, "%s", "line too long");
		if (longest_sentence(p, l->cjk || l->thai) > max_sentence)
			problem(l, line, "%s", "sentence too long");
		if (gender_slash(p) != NULL)
			problem(l, line, "%s", "gender slash: write it so no "
			    "gender is needed");
		if (doubled_punct(p) != NULL)
			problem(l, line, "%s", "doubled punctuation");
		if (l->cjk && ascii_after_cjk(p))
			problem(l, line, "%s", "ASCII punctuation after CJK "
			    "text");
		if (!l->cjk && blank_before_punct(p, l->french))
			problem(l, line, "%s", "blank before punctuation");
	}
	free(stripped);
}

/* Is the word h[0..k) among the words before it in list? */
static int
memmem_words(const char *list, const char *h, size_t k)
{
	for (const char *p = list; p < h; ) {
		size_t n;
		p += strspn(p, " ");
		n = strcspn(p, " ");
		if (p >= h || n == 0)
			break;
		if (n == k && strncmp(p, h, k) == 0)
			return 1;
		p += n;
	}
	return 0;
}

/* The honorific doubled in a rendering with an honoured name. */
static void
check_rendering(struct lint *l, const struct reply_file *f)
{
	struct buf name = BUF_INIT, given = BUF_INIT, words = BUF_INIT;
	struct reply_result res = { 0 };
	struct buf err = BUF_INIT;
	cJSON *ctx;
	const cJSON *c;

	if (f->tpl == NULL || l->name_rule == NULL ||
	    buyername_address("Dewi Santoso", l->name_rule, l->honorifics, 0,
	    &name, &given) != 0) {
		buf_free(&name);
		buf_free(&given);
		return;
	}
	ctx = cJSON_CreateObject();
	cJSON_AddStringToObject(ctx, "name", name.data);
	cJSON_AddStringToObject(ctx, "first_name", given.data);
	c = ctx;
	honorific_words(l, &words);
	if (reply_render(l->lib, f->tpl, &c, 1, 0, &res, &err) == 0) {
		for (const char *h = words.data; h != NULL && *h; ) {
			size_t k;
			char twice[128];
			h += strspn(h, " ");
			k = strcspn(h, " ");
			if (k == 0 || k > 60)
				break;
			/* A word the list has had already: once is enough. */
			if (memmem_words(words.data, h, k)) {
				h += k;
				continue;
			}
			snprintf(twice, sizeof(twice), "%.*s %.*s", (int)k, h,
			    (int)k, h);
			if (strstr(res.text.data, twice) != NULL ||
			    (snprintf(twice, sizeof(twice), "%.*s%.*s", (int)k,
			    h, (int)k, h), strstr(res.text.data, twice)))
				problem(l, 0, "honorific '%s' twice in a "
				    "rendering", twice);
			h += k;
		}
	}
	reply_result_free(&res);
	cJSON_Delete(ctx);
	buf_free(&err);
	buf_free(&words);
	buf_free(&name);
	buf_free(&given);
}

static void
check_file(void *arg, const struct reply_file *f)
{
	struct lint *l = arg;
	struct mst_walk w = { on_text, on_name, l };
	int i = reply_lib_lang_number(l->lib, f->lang);
	char *src;

	if (!reply_lint_wanted(l->lib, l->only, f->lang))
		return;
	l->path = f->path;
	l->script = i >= 0 ? reply_lib_setting(l->lib, i, RS_SCRIPT) : NULL;
	l->honorifics = i >= 0 ? reply_lib_setting(l->lib, i,
	    RS_HONORIFICS) : NULL;
	l->name_rule = i >= 0 ? reply_lib_setting(l->lib, i, RS_NAME) : NULL;
	l->cjk = is_cjk_script(l->script);
	l->thai = l->script != NULL && strcmp(l->script, "Thai") == 0;
	l->french = strncmp(f->lang, "fr", 2) == 0 &&
	    (f->lang[2] == '\0' || f->lang[2] == '-');
	memset(l->count, 0, sizeof(l->count));
	l->hans = l->hant = 0;
	mst_names_clear(&l->reported);
	l->holiday_line = l->holiday_closed = 0;
	mst_walk(f->t, &w);
	/* A holiday the holidays file names only in English leaves
	 * holiday empty: without holiday_closed the draft reads as an
	 * ordinary night and the buyer is not told why the answer waits. */
	if (l->holiday_line > 0 && !l->holiday_closed)
		problem(l, l->holiday_line, "'%s' without 'holiday_closed': "
		    "a holiday with no name in this language reads as "
		    "closed hours", "holiday");
	if (i >= 0)
		check_script(l);
	if ((src = read_file(f->path)) != NULL) {
		check_source(l, src);
		free(src);
	}
	check_rendering(l, f);
}

/* Completeness -------------------------------------------------------- */

static void
missing(struct lint *l, const char *lang, const char *what, const char *name)
{
	buf_printf(l->report, "%s: no %s '%s'\n", lang, what, name);
	l->problems++;
}

/* A directory of partials alone (or of broken files) is no language. */
static int
has_templates(const struct lint *l, int i)
{
	for (int n = 0; reply_intents[n] != NULL; n++)
		if (reply_lib_has_file(l->lib, i, reply_intents[n], 0))
			return 1;
	return reply_lib_has_file(l->lib, i, "auto_reply", 0) ||
	    reply_lib_has_file(l->lib, i, "video_call", 0);
}

static void
check_complete(struct lint *l)
{
	static const char *const specials[] = { "auto_reply", "video_call",
	    NULL };

	for (int i = 0; i < reply_lib_nlangs(l->lib); i++) {
		const char *tag = reply_lib_lang(l->lib, i);
		char key[LANGTAG_MAX * 2];
		size_t k;
		for (k = 0; tag[k] && k + 1 < sizeof(key); k++)
			key[k] = (char)tolower((unsigned char)tag[k]);
		key[k] = '\0';
		if (!reply_lint_wanted(l->lib, l->only, key) ||
		    reply_lib_is_override(l->lib, i) || !has_templates(l, i))
			continue;
		for (int n = 0; specials[n] != NULL; n++)
			if (!reply_lib_has_file(l->lib, i, specials[n], 0))
				missing(l, tag, "template", specials[n]);
		for (int n = 0; reply_shared_partials[n] != NULL; n++)
			if (!reply_lib_has_file(l->lib, i,
			    reply_shared_partials[n], 1))
				missing(l, tag, "partial",
				    reply_shared_partials[n]);
		for (int n = 0; reply_topics[n] != NULL; n++)
			if (!reply_lib_has_file(l->lib, i, reply_topics[n], 1))
				missing(l, tag, "topic partial", reply_topics[n]);
		if (reply_lib_lang_conf(l->lib, i) == NULL)
			missing(l, tag, "file", "locale.conf");
	}
}

int
reply_lint_content(const struct reply_lib *lib, const char *const *only,
    struct buf *report)
{
	struct lint l;

	memset(&l, 0, sizeof(l));
	l.lib = lib;
	l.only = only;
	l.report = report;
	check_complete(&l);
	reply_lib_each_file(lib, check_file, &l);
	mst_names_free(&l.reported);
	return l.problems;
}
