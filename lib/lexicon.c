#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lexicon.h"
#include "text.h"

static const char *const kind_names[LEX_NKINDS] = {
	"intent", "sentiment", "urgency", "escalate", "video", "negation",
	"topic", "contrast"
};

static void	unpack(struct lexicon *);

void
lex_init(struct lexicon *lx)
{
	memset(lx, 0, sizeof(*lx));
	tok_init(&lx->scratch);
}

void
lex_free(struct lexicon *lx)
{
	for (int i = 0; i < lx->nintents; i++)
		free(lx->intents[i]);
	free(lx->intents);
	for (int i = 0; i < lx->ntopics; i++)
		free(lx->topics[i]);
	free(lx->topics);
	for (int i = 0; i < lx->nlangs; i++)
		free(lx->langs[i]);
	free(lx->langs);
	free(lx->e);
	free(lx->toks);
	u64map_free(&lx->index);
	unpack(lx);
	buf_free(&lx->pool);
	tok_free(&lx->scratch);
	memset(lx, 0, sizeof(*lx));
}

/* Index of name in v[0..n), or -1. */
static int
name_index(char *const *v, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(v[i], name) == 0)
			return i;
	return -1;
}

/* Index of name in *v, added at the end when new. */
static int
name_add(char ***v, int *n, const char *name)
{
	int i = name_index(*v, *n, name);

	if (i >= 0)
		return i;
	*v = xrealloc(*v, (size_t)(*n + 1) * sizeof(**v));
	(*v)[*n] = xstrdup(name);
	return (*n)++;
}

int
lex_intent_index(const struct lexicon *lx, const char *label)
{
	return name_index(lx->intents, lx->nintents, label);
}

int
lex_topic_index(const struct lexicon *lx, const char *label)
{
	return name_index(lx->topics, lx->ntopics, label);
}

int
lex_lang_index(const struct lexicon *lx, const char *tag)
{
	return name_index(lx->langs, lx->nlangs, tag);
}

/* Taiwan, Hong Kong and Macao write Traditional Chinese; China and
 * Singapore Simplified. */
static const char *
chinese_script(const char *tag)
{
	static const char *const trad[] = { "zh-tw", "zh-hk", "zh-mo" };
	static const char *const simp[] = { "zh-cn", "zh-sg" };

	for (size_t i = 0; i < sizeof trad / sizeof *trad; i++)
		if (strcasecmp(tag, trad[i]) == 0)
			return "zh-Hant";
	for (size_t i = 0; i < sizeof simp / sizeof *simp; i++)
		if (strcasecmp(tag, simp[i]) == 0)
			return "zh-Hans";
	return tag;
}

/* Is a the tag b or a tag under it (zh-Hant under zh)? */
static int
tag_within(const char *a, const char *b)
{
	size_t n = strlen(b);

	return strncasecmp(a, b, n) == 0 && (a[n] == '\0' || a[n] == '-');
}

uint64_t
lex_lang_mask(const struct lexicon *lx, const char *tag)
{
	uint64_t m = 0;

	if (tag == NULL || *tag == '\0' || strcasecmp(tag, "und") == 0)
		return LEX_ALL_LANGS;
	tag = chinese_script(tag);
	for (int i = 0; i < lx->nlangs; i++)
		if (tag_within(tag, lx->langs[i]) ||
		    tag_within(lx->langs[i], tag))
			m |= 1ull << i;
	return m;
}

static int
same_tokens(const struct lexicon *lx, const struct lex_entry *a,
    const struct tok_text *tt, int prefix)
{
	if (a->ntok != tt->n || a->prefix != prefix)
		return 0;
	for (uint32_t i = 0; i < a->ntok; i++)
		if (lx->toks[a->tok0 + i].hash != tt->toks[i].hash)
			return 0;
	return 1;
}

/*
 * An entry is indexed under one of three keys (mixed with its language:
 * lang_key), each from what a message's tokens give at the entry's first
 * position: a single word by its hash, a
 * single prefix (`refund*`) by the lookup key of its first code points,
 * and a phrase by its first word's hash with the second word's key (that
 * key, not its hash, as the second word may be the prefix).  A message
 * token asks for all three, and nearly every probe lands on an empty slot
 * or on entries that match: keyed by the first word's key alone, a token
 * such as "not" walked a chain of a dozen phrases that failed one by one,
 * a branch mispredicted at each.  Two keys that collide only cost a probe;
 * entry_at decides what matches.
 */
static uint64_t
word_key(uint64_t hash)
{
	return hash;
}

static uint64_t
prefix_key(uint64_t key)
{
	return key ^ 0x9E3779B97F4A7C15ULL;
}

static uint64_t
phrase_key(uint64_t first_hash, uint64_t second_key)
{
	return (first_hash ^ second_key) * 0xBF58476D1CE4E5B9ULL +
	    (second_key >> 17);
}

static size_t
filter_bit(uint64_t key)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 40) &
	    (LEX_FILTER_BITS - 1);
}

/* Bit filter_bit(key) of a LEX_FILTER_BITS filter: test, set. */
static int
bit_of(const uint64_t *filter, uint64_t key)
{
	size_t b = filter_bit(key);

	return (filter[b / 64] >> (b % 64)) & 1;
}

static void
set_bit_of(uint64_t *filter, uint64_t key)
{
	size_t b = filter_bit(key);

	filter[b / 64] |= 1ull << (b % 64);
}

static int
may_have(const struct lexicon *lx, uint64_t key)
{
	return bit_of(lx->filter, key);
}

/* Might any language have an entry whose key, before lang_key, is key? */
static int
any_lang_may_have(const struct lexicon *lx, uint64_t key)
{
	return bit_of(lx->any_lang, key);
}

static size_t
code_points(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* Is token i at least as long as its lookup key: 3 code points, or one
 * Hangul syllable (tokenize.h)? */
static int
key_long(const struct tok_text *tt, size_t i)
{
	const char *b = tok_bytes(tt, i);
	int32_t cp;

	if (text_decode(b, tt->toks[i].len, &cp) > 0 && cp >= 0xAC00 &&
	    cp <= 0xD7A3)
		return 1;
	return code_points(b, tt->toks[i].len) >= 3;
}

/* The index key of an entry of tt's tokens. */
static uint64_t
entry_key(const struct tok_text *tt, int prefix)
{
	if (tt->n > 1)
		return phrase_key(tt->toks[0].hash, tt->toks[1].key);
	return prefix ? prefix_key(tt->toks[0].key) : word_key(tt->toks[0].hash);
}

/* The key under which an entry of a language is indexed: chains hold one
 * language's entries (or those of every language, lang -1), so that a
 * message walks only its own language's. */
static uint64_t
lang_key(uint64_t key, int lang)
{
	if (lang < 0)
		return key;
	return (key ^ ((uint64_t)(lang + 1) * 0xD6E8FEB86659FD93ULL)) *
	    0x9E3779B97F4A7C15ULL;
}

/* Set the weight of the entries of the chain at key like (k, cat, tt,
 * prefix); whether there was one. */
static int
reweigh(struct lexicon *lx, uint64_t key, int k, int cat,
    const struct tok_text *tt, int prefix, float w)
{
	int found = 0;

	for (int i = u64map_get(&lx->index, key); i >= 0; i = lx->e[i].next) {
		struct lex_entry *e = &lx->e[i];
		if (e->kind == k && e->cat == cat &&
		    same_tokens(lx, e, tt, prefix)) {
			e->weight = w;
			found = 1;
		}
	}
	return found;
}

static void
unpack(struct lexicon *lx)
{
	for (int i = 0; i < lx->npacked; i++)
		free(lx->packed[i].slot);
	free(lx->packed);
	free(lx->cand);
	lx->packed = NULL;
	lx->npacked = 0;
	lx->cand = NULL;
	lx->ncand = 0;
}

int
lex_add(struct lexicon *lx, const char *kind, const char *label,
    const char *weight, const char *phrase, const char *lang,
    struct buf *err)
{
	unpack(lx);
	struct tok_text *tt = &lx->scratch;
	struct lex_entry *e;
	size_t plen = strlen(phrase);
	int k, cat = 0, prefix = 0;
	char *end;
	double w;

	for (k = 0; k < LEX_NKINDS; k++)
		if (strcmp(kind, kind_names[k]) == 0)
			break;
	if (k == LEX_NKINDS) {
		buf_printf(err, "unknown kind \"%s\" (intent, topic, "
		    "sentiment, urgency, escalate, video, negation, "
		    "contrast)", kind);
		return -1;
	}
	errno = 0;
	w = strtod(weight, &end);
	if (errno || end == weight || *end || !(w >= 0 && w <= 10)) {
		buf_printf(err, "weight \"%s\" is not a number from 0 to 10",
		    weight);
		return -1;
	}
	if (k == LEX_INTENT || k == LEX_TOPIC) {
		if (!*label || strcmp(label, "-") == 0) {
			buf_printf(err, "%s entry needs a label", k == LEX_INTENT ?
			    "an intent" : "a topic");
			return -1;
		}
	} else if (k == LEX_NEGATION) {
		if (strcmp(label, "after") == 0)
			cat = 1;
		else if (strcmp(label, "-") == 0 || strcmp(label, "before") == 0)
			cat = -1;
		else {
			buf_printf(err, "negation label \"%s\" is not -, before "
			    "or after", label);
			return -1;
		}
	} else if (k == LEX_SENTIMENT) {
		if (strcmp(label, "pos") == 0)
			cat = 1;
		else if (strcmp(label, "neg") == 0)
			cat = -1;
		else {
			buf_printf(err, "sentiment label \"%s\" is not pos or "
			    "neg", label);
			return -1;
		}
	}
	while (plen && (phrase[plen - 1] == ' ' || phrase[plen - 1] == '*')) {
		if (phrase[plen - 1] == '*')
			prefix = 1;
		plen--;
	}
	buf_reset(&tt->folded);
	text_fold(phrase, plen, &tt->folded);
	tok_run_folded(tt);
	if (tt->n == 0) {
		buf_printf(err, "phrase \"%s\" has no words", phrase);
		return -1;
	}
	/* Long numbers all read as "0": such a phrase would match any. */
	size_t zeros = 0;
	for (size_t i = 0; i < tt->n; i++)
		zeros += tt->toks[i].len == 1 && tok_bytes(tt, i)[0] == '0';
	if (zeros == tt->n) {
		buf_printf(err, "phrase \"%s\" is only numbers of 3 or more "
		    "digits, which match any number", phrase);
		return -1;
	}
	/* A prefix shorter than a lookup key could not be found: exact. */
	if (prefix && (tt->toks[tt->n - 1].cjk || !key_long(tt, tt->n - 1)))
		prefix = 0;
	if (k == LEX_INTENT)
		cat = name_add(&lx->intents, &lx->nintents, label);
	else if (k == LEX_TOPIC)
		cat = name_add(&lx->topics, &lx->ntopics, label);
	int li = -1;
	if (lang != NULL) {
		li = lex_lang_index(lx, lang);
		if (li < 0 && lx->nlangs == LEX_LANGS_MAX) {
			buf_printf(err, "more than %d languages", LEX_LANGS_MAX);
			return -1;
		}
		if (li < 0)
			li = name_add(&lx->langs, &lx->nlangs, lang);
	}

	uint64_t base = entry_key(tt, prefix), key = lang_key(base, li);
	int found = reweigh(lx, key, k, cat, tt, prefix, (float)w);
	/* one of every language overrides all of its kind */
	for (int l = 0; li < 0 && l < lx->nlangs; l++)
		found |= reweigh(lx, lang_key(base, l), k, cat, tt, prefix,
		    (float)w);
	if (found)
		return 0;
	int head = u64map_get(&lx->index, key);
	if (lx->n == lx->cap) {
		lx->cap = lx->cap ? lx->cap * 2 : 512;
		lx->e = xrealloc(lx->e, lx->cap * sizeof(*lx->e));
	}
	e = &lx->e[lx->n];
	e->kind = k;
	e->cat = cat;
	e->lang = li;
	e->shared = 1;
	lx->nall += li < 0;
	e->weight = (float)w;
	e->prefix = prefix;
	e->tok0 = (uint32_t)lx->ntoks;
	e->ntok = (uint32_t)tt->n;
	e->phrase = (uint32_t)lx->pool.len;
	buf_add(&lx->pool, phrase, plen);
	buf_addc(&lx->pool, '\0');
	for (size_t i = 0; i < tt->n; i++) {
		if (lx->ntoks == lx->captoks) {
			lx->captoks = lx->captoks ? lx->captoks * 2 : 1024;
			lx->toks = xrealloc(lx->toks,
			    lx->captoks * sizeof(*lx->toks));
		}
		struct lex_tok *t = &lx->toks[lx->ntoks++];
		t->hash = tt->toks[i].hash;
		t->off = (uint32_t)lx->pool.len;
		t->len = tt->toks[i].len;
		buf_add(&lx->pool, tok_bytes(tt, i), t->len);
	}
	set_bit_of(lx->filter, key);
	set_bit_of(lx->any_lang, base);
	e->next = -1;
	if (head < 0) {
		*u64map_ref(&lx->index, key) = (int)lx->n++;
		return 0;
	}
	/* Append, so matches come in the order entries were read. */
	int i = head;
	while (lx->e[i].next >= 0)
		i = lx->e[i].next;
	lx->e[i].next = (int)lx->n++;
	return 0;
}

/* The identity of an entry's phrase: its tokens and whether it is a
 * prefix. */
static uint64_t
phrase_id(const struct lexicon *lx, const struct lex_entry *e)
{
	uint64_t h = (uint64_t)e->prefix + 0x51;

	for (uint32_t i = 0; i < e->ntok; i++)
		h = (h ^ lx->toks[e->tok0 + i].hash) * 0x100000001B3ULL;
	return h;
}

void
lex_mark_shared(struct lexicon *lx)
{
	struct u64map seen = U64MAP_INIT;

	for (size_t i = 0; i < lx->n; i++) {
		const struct lex_entry *e = &lx->e[i];
		if (e->lang < 0 || e->weight <= 0)
			continue;
		int *v = u64map_ref(&seen, phrase_id(lx, e));
		if (*v < 0)
			*v = e->lang;
		else if (*v != e->lang)
			*v = LEX_LANGS_MAX;	/* two languages */
	}
	for (size_t i = 0; i < lx->n; i++) {
		struct lex_entry *e = &lx->e[i];
		e->shared = e->lang < 0 ||
		    u64map_get(&seen, phrase_id(lx, e)) != e->lang;
	}
	u64map_free(&seen);
}

static size_t
slot_of(const struct lex_packed *p, uint64_t key)
{
	size_t mask = p->nslots - 1, i = (size_t)(key ^ (key >> 29)) & mask;

	while (p->slot[i].count && p->slot[i].key != key)
		i = (i + 1) & mask;
	return i;
}

static size_t
pack_bit(uint64_t key)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 40) &
	    (LEX_PACK_FILTER - 1);
}

/* The table of language lang (-1: every language's entries). */
static struct lex_packed *
packed_of(const struct lexicon *lx, int lang)
{
	return &lx->packed[lang < 0 ? lx->nlangs : lang];
}

void
lex_pack(struct lexicon *lx)
{
	const struct u64map *ix = &lx->index;
	size_t *keys;

	unpack(lx);
	if (ix->used == 0 || ix->key == NULL)
		return;
	lx->npacked = lx->nlangs + 1;
	lx->packed = xcalloc((size_t)lx->npacked, sizeof(*lx->packed));
	lx->cand = xmalloc((lx->n + 1) * sizeof(*lx->cand));
	/* every chain holds one language's entries (lang_key): count the
	 * keys of each language, then fill its table */
	keys = xcalloc((size_t)lx->npacked, sizeof(*keys));
	for (size_t i = 0; i <= ix->mask; i++)
		if (ix->val[i] >= 0)
			keys[lx->e[ix->val[i]].lang < 0 ? lx->nlangs :
			    lx->e[ix->val[i]].lang]++;
	for (int l = 0; l < lx->npacked; l++) {
		struct lex_packed *p = &lx->packed[l];
		p->nslots = 16;
		while (p->nslots < keys[l] * 2)
			p->nslots *= 2;
		p->slot = xcalloc(p->nslots, sizeof(*p->slot));
	}
	free(keys);
	for (size_t i = 0; i <= ix->mask; i++) {
		if (ix->val[i] < 0)
			continue;
		struct lex_packed *p = packed_of(lx, lx->e[ix->val[i]].lang);
		struct lex_slot *sl = &p->slot[slot_of(p, ix->key[i])];
		sl->first = (uint32_t)lx->ncand;
		for (int e = ix->val[i]; e >= 0; e = lx->e[e].next) {
			const struct lex_entry *en = &lx->e[e];
			if (en->weight <= 0)
				continue;
			lx->cand[lx->ncand].entry = (uint32_t)e;
			lx->cand[lx->ncand].ntok = (uint16_t)en->ntok;
			lx->cand[lx->ncand].simple = en->ntok == 1 &&
			    !en->prefix;
			lx->ncand++;
		}
		sl->count = (uint32_t)lx->ncand - sl->first;
		if (sl->count == 0)	/* all switched off: still free */
			continue;
		sl->key = ix->key[i];
		size_t b = pack_bit(ix->key[i]);
		p->filter[b / 64] |= 1ull << (b % 64);
	}
}

/* Split line at tabs into at most n fields; the count found. */
static int
split_tabs(char *line, char **f, int n)
{
	int i = 0;

	f[i++] = line;
	for (char *p = line; *p && i < n; p++)
		if (*p == '\t') {
			*p = '\0';
			f[i++] = p + 1;
		}
	return i;
}

int
lex_load(struct lexicon *lx, const char *path, struct buf *err)
{
	return lex_load_lang(lx, path, NULL, err);
}

int
lex_load_lang(struct lexicon *lx, const char *path, const char *lang,
    struct buf *err)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL, *f[4];
	size_t cap = 0;
	ssize_t len;
	long lineno = 0;
	int rc = 0;

	if (!fp) {
		buf_printf(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	while ((len = getline(&line, &cap, fp)) > 0) {
		lineno++;
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		if (!text_utf8_valid(line, (size_t)len, NULL)) {
			buf_printf(err, "%s:%ld: invalid UTF-8", path, lineno);
			rc = -1;
			break;
		}
		if (split_tabs(line, f, 4) != 4) {
			buf_printf(err, "%s:%ld: expected 4 tab-separated "
			    "fields: KIND LABEL WEIGHT PHRASE", path, lineno);
			rc = -1;
			break;
		}
		size_t mark = err->len;
		buf_printf(err, "%s:%ld: ", path, lineno);
		if (lex_add(lx, f[0], f[1], f[2], f[3], lang, err) < 0) {
			rc = -1;
			break;
		}
		err->len = mark;
		if (err->data)
			err->data[mark] = '\0';
	}
	if (rc == 0 && ferror(fp)) {
		buf_printf(err, "%s: %s", path, strerror(errno));
		rc = -1;
	}
	free(line);
	fclose(fp);
	return rc;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
lex_load_dir(struct lexicon *lx, const char *dir, struct buf *err)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0;
	int rc = 0;

	if (!d) {
		buf_printf(err, "%s: %s", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);
		if (l < 5 || strcmp(de->d_name + l - 4, ".tsv") != 0 ||
		    de->d_name[0] == '.')
			continue;
		names = xrealloc(names, (n + 1) * sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_names);
	struct buf path = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		buf_reset(&path);
		buf_printf(&path, "%s/%s", dir, names[i]);
		names[i][strlen(names[i]) - 4] = '\0';	/* de.tsv: de */
		if (rc == 0 && lex_load_lang(lx, buf_str(&path), names[i],
		    err) < 0)
			rc = -1;
		free(names[i]);
	}
	free(names);
	buf_free(&path);
	return rc;
}

/* A message word as a lexicon word is compared with it: its bytes (past
 * a clitic stripped off, see clitics) and their hash. */
struct lex_word {
	const char	*b;
	uint32_t	 len;
	uint64_t	 hash, key;
};

static int
tok_matches(const struct lexicon *lx, const struct lex_tok *lt, int prefix,
    const struct lex_word *w)
{
	if (!prefix)
		return lt->hash == w->hash;
	if (w->len < lt->len)
		return 0;
	/* A few bytes, usually differing early: cheaper than a memcmp call. */
	const char *a = w->b, *b = lx->pool.data + lt->off;
	for (uint32_t k = 0; k < lt->len; k++)
		if (a[k] != b[k])
			return 0;
	return 1;
}

static void
word_of(const struct tok_text *tt, size_t i, struct lex_word *w)
{
	w->b = tok_bytes(tt, i);
	w->len = tt->toks[i].len;
	w->hash = tt->toks[i].hash;
	w->key = tt->toks[i].key;
}

/* Does entry e match at pos, its first word being first (the token at
 * pos, or what is left of it past a clitic)? */
static int
entry_at(const struct lexicon *lx, const struct lex_entry *e,
    const struct tok_text *tt, size_t pos, const struct lex_word *first)
{
	struct lex_word w;

	if (pos + e->ntok > tt->n)
		return 0;
	for (uint32_t j = 0; j < e->ntok; j++) {
		int prefix = e->prefix && j + 1 == e->ntok;
		if (j > 0)
			word_of(tt, pos + j, &w);
		if (!tok_matches(lx, &lx->toks[e->tok0 + j], prefix,
		    j == 0 ? first : &w))
			return 0;
	}
	return 1;
}

/* Add the entries of the chain at key that match at pos, unless found
 * before. */
static void	add_hit(uint32_t entry, size_t pos, uint32_t ntok,
		    struct lex_hits *);

/* The same from the packed table of language lang. */
static void
match_packed(const struct lexicon *lx, int lang, uint64_t key,
    const struct tok_text *tt, size_t pos, const struct lex_word *first,
    struct lex_hits *hits)
{
	const struct lex_packed *p = packed_of(lx, lang);
	size_t b = pack_bit(key);

	if (!((p->filter[b / 64] >> (b % 64)) & 1))
		return;
	const struct lex_slot *sl = &p->slot[slot_of(p, key)];
	for (uint32_t k = sl->first; k < sl->first + sl->count; k++) {
		const struct lex_cand *c = &lx->cand[k];
		if (c->simple || entry_at(lx, &lx->e[c->entry], tt, pos, first))
			add_hit(c->entry, pos, c->ntok, hits);
	}
}

static void
match_chain(const struct lexicon *lx, int lang, uint64_t key,
    const struct tok_text *tt, size_t pos, const struct lex_word *first,
    struct lex_hits *hits)
{
	key = lang_key(key, lang);
	if (lx->packed) {
		match_packed(lx, lang, key, tt, pos, first, hits);
		return;
	}
	if (!may_have(lx, key))
		return;
	for (int i = u64map_get(&lx->index, key); i >= 0; i = lx->e[i].next) {
		const struct lex_entry *e = &lx->e[i];
		if (e->weight <= 0 || !entry_at(lx, e, tt, pos, first))
			continue;
		add_hit((uint32_t)i, pos, e->ntok, hits);
	}
}

/* Add entry's hit at pos (ntok words), unless found before. */
static void
add_hit(uint32_t entry, size_t pos, uint32_t ntok, struct lex_hits *hits)
{
	for (size_t j = 0; j < hits->n; j++)
		if (hits->h[j].entry == entry)
			return;
	if (hits->n == hits->cap) {
		hits->cap = hits->cap ? hits->cap * 2 : 32;
		hits->h = xrealloc(hits->h, hits->cap * sizeof(*hits->h));
	}
	hits->h[hits->n].entry = entry;
	hits->h[hits->n].pos = (uint32_t)pos;
	hits->h[hits->n].ntok = ntok;
	hits->n++;
}

/*
 * Hebrew and Arabic write "the", "and", "in", "to", "from"... as letters
 * in front of the word: "הקופון" is "the coupon", "والطلب" "and the
 * order".  Such a word is looked up as written and without them, so that
 * the cue "קופון" or "طلب" finds it.  The forms of w without its clitics
 * into alt (the longest first, at least two letters left); their number.
 */
#define CLITIC_FORMS	3

static int
clitics(const struct lex_word *w, struct lex_word *alt)
{
	static const char *const he[] = {	/* longest first */
		"\u05D5\u05D4", "\u05E9\u05D4", "\u05D1\u05D4",
		"\u05DC\u05D4", "\u05DE\u05D4", "\u05DB\u05E9",
		"\u05D4", "\u05D5", "\u05D1", "\u05DC", "\u05DE",
		"\u05E9", "\u05DB"
	};
	static const char *const ar[] = {
		"\u0648\u0627\u0644", "\u0628\u0627\u0644",
		"\u0641\u0627\u0644", "\u0643\u0627\u0644",
		"\u0644\u0644", "\u0627\u0644", "\u0648", "\u0628",
		"\u0644", "\u0641"
	};
	const char *const *set;
	size_t nset;
	int n = 0;
	unsigned char c0 = (unsigned char)w->b[0];

	if (w->len < 6)		/* two letters of two bytes and more */
		return 0;
	if (c0 == 0xD7) {	/* U+05C0..U+05FF: Hebrew letters */
		set = he;
		nset = sizeof he / sizeof *he;
	} else if (c0 == 0xD8 || c0 == 0xD9) {	/* Arabic */
		set = ar;
		nset = sizeof ar / sizeof *ar;
	} else
		return 0;
	for (size_t i = 0; i < nset && n < CLITIC_FORMS; i++) {
		size_t k = strlen(set[i]);
		if (w->len < k + 4 || memcmp(w->b, set[i], k) != 0)
			continue;
		/* one form per length: "ה" after "וה" is the same cut */
		if (n > 0 && alt[n - 1].b == w->b + k)
			continue;
		alt[n].b = w->b + k;
		alt[n].len = w->len - (uint32_t)k;
		alt[n].hash = tok_hash(alt[n].b, alt[n].len);
		alt[n].key = tok_key(alt[n].b, alt[n].len);
		n++;
	}
	return n;
}

static void
match_all(const struct lexicon *lx, const struct tok_text *tt,
    uint64_t langs, struct lex_hits *hits, int fast)
{
	int lang[LEX_LANGS_MAX + 1], nl = 0;
	struct lex_word form[1 + CLITIC_FORMS];

	hits->n = 0;
	if (lx->index.used == 0)
		return;
	if (lx->nall > 0)
		lang[nl++] = -1;	/* every language's entries */
	for (int l = 0; l < lx->nlangs; l++)
		if ((langs >> l) & 1)
			lang[nl++] = l;
	for (size_t pos = 0; pos < tt->n; pos++) {
		size_t first = hits->n;
		uint64_t next = pos + 1 < tt->n ? tt->toks[pos + 1].key : 0;
		word_of(tt, pos, &form[0]);
		int nf = 1 + clitics(&form[0], form + 1);
		for (int f = 0; f < nf; f++) {
			const struct lex_word *w = &form[f];
			uint64_t word = word_key(w->hash);
			uint64_t pre = prefix_key(w->key);
			uint64_t phrase = phrase_key(w->hash, next);
			/* a prefix's (a word of 3 code points is its own
			 * key; one shorter than 3 bytes can be no
			 * prefix's); a phrase's, when a word follows */
			int has_word = 1, has_pre = w->len >= 3,
			    has_phrase = pos + 1 < tt->n;
			if (fast) {	/* FAST PATH: no language's key */
				has_word = any_lang_may_have(lx, word);
				has_pre = has_pre && any_lang_may_have(lx, pre);
				has_phrase = has_phrase &&
				    any_lang_may_have(lx, phrase);
				if (!(has_word | has_pre | has_phrase))
					continue;
			}
			for (int k = 0; k < nl; k++) {
				if (has_word)
					match_chain(lx, lang[k], word, tt, pos,
					    w, hits);
				if (has_pre)
					match_chain(lx, lang[k], pre, tt, pos,
					    w, hits);
				if (has_phrase)
					match_chain(lx, lang[k], phrase, tt,
					    pos, w, hits);
			}
		}
		/* The entries found here in the order they were read, as
		 * from one chain: sums and explanations come out alike. */
		for (size_t i = first + 1; i < hits->n; i++) {
			struct lex_hit h = hits->h[i];
			size_t j = i;
			for (; j > first && hits->h[j - 1].entry > h.entry; j--)
				hits->h[j] = hits->h[j - 1];
			hits->h[j] = h;
		}
	}
}

void
lex_match(const struct lexicon *lx, const struct tok_text *tt,
    uint64_t langs, struct lex_hits *hits)
{
	match_all(lx, tt, langs, hits, 1);
}

void
lex_match_plain(const struct lexicon *lx, const struct tok_text *tt,
    uint64_t langs, struct lex_hits *hits)
{
	match_all(lx, tt, langs, hits, 0);
}

void
lex_hits_free(struct lex_hits *hits)
{
	free(hits->h);
	memset(hits, 0, sizeof(*hits));
}

const char *
lex_phrase(const struct lexicon *lx, uint32_t entry)
{
	return lx->pool.data + lx->e[entry].phrase;
}
