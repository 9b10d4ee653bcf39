#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "orderref.h"
#include "text.h"

#define REF_MIN_DIGITS	4
#define REF_MAX_LEN	25
#define REF_MAX_FILLERS	3

/*
 * Words for an order, folded (NFKC and case folding, text_fold()).  A
 * trailing '*' takes the word's endings too (заказа, замовленні, siparişim);
 * a leading '~' marks a word of a script that writes no spaces, matched
 * anywhere (ご注文番号).  Our own list, one or a few words per language.
 */
static const char *const order_words[] = {
	"order", "orders", "ordernummer", "ordernr", "order-nr",	/* en nl sv */
	"bestellung*", "bestellnummer", "bestellnr", "auftrag*",	/* de */
	"auftragsnummer", "bestelling*", "bestelnummer",		/* de nl */
	"commande*", "pedido*", "orden", "encomenda*", "ordine*",	/* fr es pt it */
	"zamówieni*", "beställning*", "sipariş*", "siparis*",	/* pl sv tr */
	"pesanan", "đơn",						/* id ms vi */
	"заказ*", "замовлен*",						/* ru uk */
	"طلب", "طلبي", "الطلب", "طلبية", "الطلبية",			/* ar */
	"הזמנה", "ההזמנה", "הזמנתי",					/* he */
	"~注文", "~オーダー", "~受注",					/* ja */
	"~주문",							/* ko */
	"~订单", "~訂單",						/* zh */
	"~คำสั่งซื้อ", "~ออเดอร์",					/* th */
	NULL
};

/* What may stand between the word and the number ("order number is",
 * "commande n°", "номер", "注文番号は", "주문번호는", "订单号是"). */
static const char *const fillers[] = {
	"no", "nr", "n", "o", "nro", "num", "núm", "number", "nummer",
	"numéro", "numero", "número", "numer", "numaram", "numarası",
	"numarasi", "numaralı", "nolu", "nomor", "nomer", "id", "ref",
	"is", "ist", "est", "es", "é", "è", "hàng", "số", "mã", "номер",
	"номером", "رقم", "מס", "מספר",
	"~番号", "~は", "~号", "~號", "~编号", "~編號", "~是", "~为", "~為",
	"~：", "~번호", "~는", "~은", "~หมายเลข", "~เลขที่", NULL
};

/* Words that say a number after an order word is an amount or a count
 * ("заказ 5000 рублей", "注文2000円"), folded. */
static const char *const not_after[] = {
	"円", "元", "圓", "원", "руб", "грн", "tl", "zł", "zl", "kr", "eur",
	"euro", "usd", "dollar", "yen", "lira", "baht", "บาท", "vnd", "rp",
	"ريال", "шт", "pcs", "piece", "stück", "adet", "個", "件", "개", NULL
};

static int
ascii_alnum(int c)
{
	return c < 0x80 && isalnum(c);
}

/* The code point before s[i] (0 at the start). */
static int32_t
cp_before(const char *s, size_t i)
{
	size_t k = i;
	int32_t cp = 0;

	if (i == 0)
		return 0;
	do
		k--;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80);
	if (text_decode(s + k, i - k, &cp) < 0)
		return 0;
	return cp;
}

static int
cp_is_letter_or_digit(int32_t cp)
{
	utf8proc_category_t c;

	if (cp <= 0)
		return 0;
	c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME) ||
	    c == UTF8PROC_CATEGORY_ND;
}

/* Bytes of the letter or digit at s[i], or 0 when it is something else. */
static size_t
letter_at(const char *s, size_t i, size_t n)
{
	int32_t cp;
	int len = text_decode(s + i, n - i, &cp);

	return len > 0 && cp_is_letter_or_digit(cp) ? (size_t)len : 0;
}

/*
 * Does the list's entry w match s at i?  Returns the bytes it takes
 * (with a '*' entry's endings), 0 when it does not match.
 */
static size_t
word_at(const char *w, const char *s, size_t i, size_t n)
{
	int anywhere = w[0] == '~', endings, ascii;
	size_t wl, k, step;

	w += anywhere;
	wl = strlen(w);
	endings = wl > 0 && w[wl - 1] == '*';
	wl -= endings;
	if (n - i < wl || memcmp(s + i, w, wl) != 0)
		return 0;
	if (anywhere)
		return wl;
	if (cp_is_letter_or_digit(cp_before(s, i)))
		return 0;
	k = i + wl;
	/* Endings in the word's own script: "заказа", not "заказno" (№). */
	ascii = (unsigned char)w[0] < 0x80;
	if (endings)
		while (k < n && ((unsigned char)s[k] < 0x80) == ascii &&
		    (step = letter_at(s, k, n)) > 0)
			k += step;
	return k < n && letter_at(s, k, n) > 0 ? 0 : k - i;
}

/* The bytes of a list entry that matches at s[i], or 0. */
static size_t
list_at(const char *const *list, const char *s, size_t i, size_t n)
{
	size_t len;

	for (int k = 0; list[k] != NULL; k++)
		if ((len = word_at(list[k], s, i, n)) > 0)
			return len;
	return 0;
}

static int
is_separator(const char *s, size_t i)
{
	static const char seps[] = " \t\r\n:#.,'\"()-";
	unsigned char c = (unsigned char)s[i];

	if (c != '\0' && strchr(seps, c) != NULL)
		return 1;
	/* °, Hebrew geresh ׳, a no-break space left by folding */
	return strncmp(s + i, "°", 2) == 0 || strncmp(s + i, "׳", 2) == 0;
}

static size_t
separator_len(const char *s, size_t i)
{
	return (unsigned char)s[i] < 0x80 ? 1 : 2;
}

/* Does the number that ends at s[i] name an amount or a count? */
static int
amount_follows(const char *s, size_t i, size_t n)
{
	int32_t cp;

	while (i < n && s[i] == ' ')
		i++;
	if (i == n)
		return 0;
	if (text_decode(s + i, n - i, &cp) > 0 &&
	    utf8proc_category(cp) == UTF8PROC_CATEGORY_SC)
		return 1;
	for (int k = 0; not_after[k] != NULL; k++)
		if (strncmp(s + i, not_after[k], strlen(not_after[k])) == 0)
			return 1;
	return 0;
}

/* Length of the order number (letters, digits and hyphens, 4 digits or
 * more) that starts at s[i], or 0. */
static size_t
number_at(const char *s, size_t i, size_t n)
{
	size_t k = i, digits = 0;

	if (!ascii_alnum((unsigned char)s[i]))
		return 0;
	while (k < n && (ascii_alnum((unsigned char)s[k]) || s[k] == '-')) {
		digits += isdigit((unsigned char)s[k]) != 0;
		k++;
	}
	while (k > i && s[k - 1] == '-')
		k--;
	/* A letter of another script may follow: "注文番号は123456です". */
	if (digits < REF_MIN_DIGITS || k - i > REF_MAX_LEN ||
	    amount_follows(s, k, n))
		return 0;
	return k - i;
}

/* The order number after an order word that ends at s[i]: its start in
 * *at and its length, or 0. */
static size_t
number_after_word(const char *s, size_t i, size_t n, size_t *at)
{
	size_t len;

	for (int fill = 0; fill <= REF_MAX_FILLERS && i < n; ) {
		if (is_separator(s, i)) {
			i += separator_len(s, i);
			continue;
		}
		/* "№4412" folds to "no4412", "Nr.4412" has its dot */
		if ((strncmp(s + i, "no", 2) == 0 ||
		    strncmp(s + i, "nr", 2) == 0) && i + 2 < n &&
		    isdigit((unsigned char)s[i + 2]) && fill == 0) {
			i += 2;
			fill++;
			continue;
		}
		if ((len = number_at(s, i, n)) > 0) {
			*at = i;
			return len;
		}
		if ((len = list_at(fillers, s, i, n)) == 0)
			return 0;
		i += len;
		fill++;
	}
	return 0;
}

/* The first order word in folded text followed by a number. */
static size_t
number_by_word(const char *s, size_t n, size_t *at)
{
	size_t best_at = n, best_len = 0;

	for (int w = 0; order_words[w] != NULL; w++) {
		const char *word = order_words[w] + (order_words[w][0] == '~');
		size_t wl = strcspn(word, "*"), len, from, wlen;
		char first[64];
		const char *p = s;

		if (wl >= sizeof(first))
			wl = sizeof(first) - 1;
		memcpy(first, word, wl);
		first[wl] = '\0';
		while ((p = strstr(p, first)) != NULL && (size_t)(p - s) < best_at) {
			size_t i = (size_t)(p - s);

			p++;
			if ((wlen = word_at(order_words[w], s, i, n)) == 0)
				continue;
			if ((len = number_after_word(s, i + wlen, n, &from)) > 0) {
				best_at = i;
				*at = from;
				best_len = len;
				break;
			}
		}
	}
	return best_len;
}

/* Length of the order number that starts at s[i] in the forms with a
 * '#', Amazon's and Shopee's, or 0. */
static size_t
marked_at(const char *s, size_t i, size_t n)
{
	size_t k, d = 0;

	if (s[i] == '#') {
		/* "#11295", "#SO-20391": a hash and at least 4 digits. */
		for (k = i + 1; k < n && (ascii_alnum((unsigned char)s[k]) ||
		    s[k] == '-'); k++)
			d += isdigit((unsigned char)s[k]) != 0;
		return d >= REF_MIN_DIGITS && k - i <= REF_MAX_LEN ? k - i : 0;
	}
	if (i > 0 && ascii_alnum((unsigned char)s[i - 1]))
		return 0;
	/* Amazon: 3-7-7 digits. */
	if (n - i >= 19 && s[i + 3] == '-' && s[i + 11] == '-' &&
	    (i + 19 == n || !ascii_alnum((unsigned char)s[i + 19]))) {
		for (k = 0; k < 19; k++)
			if (k != 3 && k != 11 && !isdigit((unsigned char)s[i + k]))
				break;
		if (k == 19)
			return 19;
	}
	/* Shopee: a date (6 digits) and 8 capitals or digits, one a letter. */
	if (n - i >= 14 && (i + 14 == n || !ascii_alnum((unsigned char)s[i + 14]))) {
		int letters = 0;
		for (k = 0; k < 14; k++) {
			char c = s[i + k];
			if (k < 6 ? !isdigit((unsigned char)c) :
			    !(isdigit((unsigned char)c) || (c >= 'A' && c <= 'Z')))
				break;
			letters += c >= 'A' && c <= 'Z';
		}
		if (k == 14 && letters > 0)
			return 14;
	}
	return 0;
}

/* Does folded s hold id (ASCII, any case) as a word of its own? */
static int
holds_word(const char *s, size_t n, const char *id)
{
	size_t il = strlen(id);

	for (size_t i = 0; i + il <= n; i++) {
		if (strncasecmp(s + i, id, il) != 0)
			continue;
		if ((i == 0 || !ascii_alnum((unsigned char)s[i - 1])) &&
		    (i + il == n || !ascii_alnum((unsigned char)s[i + il])))
			return 1;
	}
	return 0;
}

static size_t
count_digits(const char *s, size_t *n)
{
	size_t d = 0, i = 0;

	for (; s[i] != '\0'; i++) {
		unsigned char c = (unsigned char)s[i];
		/* ASCII digits, and fullwidth ones (U+FF10..U+FF19) */
		d += (c >= '0' && c <= '9') || (c == 0xEF && s[i + 1] ==
		    (char)0xBC && (unsigned char)s[i + 2] >= 0x90 &&
		    (unsigned char)s[i + 2] <= 0x99);
	}
	*n = i;
	return d;
}

/* Copy the folded number f[0..len) as text writes it (any case), else
 * as folding left it, in capitals. */
static void
as_written(const char *text, size_t n, const char *f, size_t len,
    struct buf *out)
{
	for (size_t i = 0; i + len <= n; i++)
		if (strncasecmp(text + i, f, len) == 0 &&
		    (i == 0 || !ascii_alnum((unsigned char)text[i - 1])) &&
		    (i + len == n || !ascii_alnum((unsigned char)text[i + len]))) {
			buf_add(out, text + i, len);
			return;
		}
	for (size_t i = 0; i < len; i++) {
		char c = (char)toupper((unsigned char)f[i]);
		buf_add(out, &c, 1);
	}
}

int
orderref_find(const char *text, const char *const *known, size_t nknown,
    struct buf *scratch, struct buf *out)
{
	size_t n, len, at;

	if (text == NULL || count_digits(text, &n) < REF_MIN_DIGITS)
		return -1;		/* most messages: no number at all */
	buf_reset(scratch);
	text_fold(text, n, scratch);
	for (size_t k = 0; k < nknown; k++) {
		size_t d;
		if (known[k] == NULL || count_digits(known[k], &d) <
		    REF_MIN_DIGITS)
			continue;
		/* "#1001" is also written "1001" */
		if (holds_word(scratch->data, scratch->len, known[k]) ||
		    (known[k][0] == '#' && holds_word(scratch->data,
		    scratch->len, known[k] + 1))) {
			buf_adds(out, known[k]);
			return 0;
		}
	}
	for (size_t i = 0; i < n; i++) {
		/* Every such form starts with '#' or a digit. */
		if (text[i] != '#' && !isdigit((unsigned char)text[i]))
			continue;
		if ((len = marked_at(text, i, n)) > 0) {
			buf_add(out, text + i, len);
			return 0;
		}
	}
	if ((len = number_by_word(scratch->data, scratch->len, &at)) > 0) {
		as_written(text, n, scratch->data + at, len, out);
		return 0;
	}
	return -1;
}
