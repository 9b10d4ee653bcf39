/* The language detector of lib/langid.c before issue 16 (commit 564df01),
 * kept under other names so the harness can measure it beside its successor. */
#include <stddef.h>
#include <stdint.h>
#include "tokenize.h"

enum { OLDLID_LATIN = 6 };	/* en de fr es pt id */

struct oldlid_word {
	uint64_t	 hash;
	float		 w[OLDLID_LATIN];
};

struct oldlid {
	struct oldlid_word *slot;	/* open addressing, hash 0 = empty */
	size_t		 nslots;
};

static void	oldlid_init(struct oldlid *);
static void	oldlid_free(struct oldlid *);
/*
 * The language of a message: raw is the text as written (for its letters),
 * tt its tokens (tok_run of the same text).  Returns a static tag.
 */
const char *oldlid_detect(const struct oldlid *, const char *raw, size_t len,
	    const struct tok_text *tt);

#include <stdlib.h>
#include <string.h>

#include "text.h"

enum { EN, DE, FR, ES, PT, ID };

static const char *const latin_tags[OLDLID_LATIN] = {
	"en", "de", "fr", "es", "pt", "id"
};

/*
 * Words that tell a language apart, written as tokenize makes them
 * (case-folded, Latin accents stripped).  A word in several lists counts
 * for each; only the difference between languages matters.
 */
static const struct {
	int		 lang;
	const char	*words;
} word_lists[] = {
	{ EN, "the and is my i you it to of for not this that was have has "
	    "please where when what why how still can would thanks thank hi "
	    "hello received item money want your with but didnt dont doesnt "
	    "yet wrong arrived just are be do me get got back im ive been "
	    "should will any from there they we our order package refund "
	    "return shipping tracking buy bought size color colour cancel "
	    "broken damaged help need asap week days ago hey if or an at "
	    "which who does did cant wont able after every time off turns someone else without morning good cool thx lol chat available receipt gift exchange address shows anyone" },
	{ DE, "der die das und ist ich nicht mein meine meinen meiner ein "
	    "eine einen einem mit fur auf wo wann warum bitte danke noch "
	    "schon habe hat bestellung paket sie es zu den dem wie kann "
	    "keine kein aber auch ware lieferung hallo immer zuruck geld "
	    "sehr leider wurde nur bis heute morgen gestern woche tage "
	    "bekommen erhalten kaputt defekt rucksendung ruckerstattung "
	    "gutschein grosse farbe stornieren andern adresse konto "
	    "ihr ihre ihnen wir uns sind war hatte gibt geht mir mich dass "
	    "oder wenn weil nach vor uber seit einer guten tag moin drei karten werden kam statt versehen aus bei euch gibt kein nur" },
	{ FR, "le la les et est je ne pas mon ma mes un une des du avec pour "
	    "sur ou quand pourquoi merci bonjour commande colis toujours "
	    "vous il elle ai cest mais remboursement recu tres rien suis "
	    "avez votre au aux ce jai nai qui quoi comment depuis jours "
	    "semaine livraison rembourser retour taille couleur annuler "
	    "adresse compte aide bonsoir produit article abime casse "
	    "etait sont peux pouvez veux voudrais svp nest dun dune bon bonne coucou mdr ca fait vos nos les des une tres peut" },
	{ ES, "el la los las y es yo no mi mis un una con para por donde "
	    "cuando que gracias hola pedido paquete todavia usted ustedes "
	    "esta estoy pero muy reembolso llegado llego ya tengo quiero "
	    "hace del al su lo recibi envio puedo dias semana devolucion "
	    "talla cancelar direccion cuenta ayuda producto roto dinero "
	    "compra todo nada porque como hay fue sido tiene favor buenas "
	    "buenos nunca aun entonces quisiera necesito me sin muy hay tengo tarjeta tarjetas hacen llevo algo ahora bien ellos mismo cual cuanto jaja porfa pues oye tambien ese esa eso este esto siempre solo otro otra mucho poco hasta desde quiero puede pueden tienen y el los las del lo en con" },
	{ PT, "o a os as e eu nao meu minha um uma com para por onde quando "
	    "obrigado obrigada ola oi pedido encomenda ainda voce voces "
	    "esta estou mas muito reembolso chegou ja tenho quero do da dos "
	    "das no na seu sua recebi entrega posso produto dias semana "
	    "devolucao tamanho cancelar endereco conta ajuda quebrado "
	    "dinheiro compra nada porque como tem foi sido favor bom boa "
	    "nunca entao gostaria preciso me vcs vc pra sem muito tem tenho cartao cartoes voce aceita agora bem eles mesmo qual quanto kkkk valeu ta pra ela ele isso esse essa sempre so outro outra pouco ate quero pode podem eae legal show tambem entao depois sozinho em com um" },
	{ ID, "saya tidak yang dan ini itu sudah belum pesanan barang kapan "
	    "mana dengan untuk kak terima kasih tolong bisa mau paket uang "
	    "kembali sampai dari ada apa gan min kok sih dong ya kenapa "
	    "bagaimana rusak ukuran warna batal alamat akun bayar harga "
	    "diskon kirim pengiriman lama hari minggu juga tapi sama" },
};

static size_t
find_slot(const struct oldlid *li, uint64_t h)
{
	size_t mask = li->nslots - 1, i = (size_t)(h ^ (h >> 31)) & mask;

	while (li->slot[i].hash && li->slot[i].hash != h)
		i = (i + 1) & mask;
	return i;
}

static void
oldlid_init(struct oldlid *li)
{
	li->nslots = 2048;
	li->slot = xcalloc(li->nslots, sizeof(*li->slot));
	for (size_t l = 0; l < sizeof(word_lists) / sizeof(word_lists[0]);
	    l++) {
		const char *p = word_lists[l].words;
		while (*p) {
			size_t n = strcspn(p, " ");
			uint64_t h = tok_hash(p, n);
			size_t s = find_slot(li, h);
			li->slot[s].hash = h;
			li->slot[s].w[word_lists[l].lang] = 1;
			p += n;
			p += strspn(p, " ");
		}
	}
}

static void
oldlid_free(struct oldlid *li)
{
	free(li->slot);
	memset(li, 0, sizeof(*li));
}

/* Evidence from one letter that only some Latin languages use. */
static void
letter_evidence(int32_t cp, float *s)
{
	switch (cp) {
	case 0xE3: case 0xC3: case 0xF5: case 0xD5:	/* ã õ */
		s[PT] += 2;
		break;
	case 0xE7: case 0xC7:				/* ç */
		s[PT] += 1;
		s[FR] += 1;
		break;
	case 0xF1: case 0xD1: case 0xBF: case 0xA1:	/* ñ ¿ ¡ */
		s[ES] += 2.5f;
		break;
	case 0xDF: case 0x1E9E:				/* ß */
		s[DE] += 3;
		break;
	case 0xE4: case 0xC4: case 0xF6: case 0xD6:	/* ä ö */
		s[DE] += 2;
		break;
	case 0xFC: case 0xDC:				/* ü */
		s[DE] += 1.5f;
		break;
	case 0xE8: case 0xC8: case 0xF9: case 0xD9:	/* è ù */
	case 0xEB: case 0xEF: case 0xFB: case 0xEE:	/* ë ï û î */
	case 0x153: case 0x152:				/* œ */
		s[FR] += 1.5f;
		break;
	case 0xEA: case 0xCA: case 0xF4: case 0xD4:	/* ê ô */
	case 0xE2: case 0xC2:				/* â */
		s[FR] += 0.8f;
		s[PT] += 0.8f;
		break;
	case 0xE0: case 0xC0:				/* à */
		s[FR] += 0.8f;
		s[PT] += 0.5f;
		break;
	case 0xE9: case 0xC9:				/* é */
		s[FR] += 0.5f;
		s[ES] += 0.3f;
		s[PT] += 0.3f;
		break;
	case 0xE1: case 0xC1: case 0xED: case 0xCD:	/* á í */
	case 0xF3: case 0xD3: case 0xFA: case 0xDA:	/* ó ú */
		s[ES] += 0.6f;
		s[PT] += 0.6f;
		break;
	}
}

/* Word endings typical of one language (tokens are accent-stripped). */
static void
suffix_evidence(const char *w, size_t n, float *s)
{
#define SUF(s)	s, sizeof(s) - 1
	static const struct {
		const char	*suf;
		size_t		 len;
		int		 lang;
		float		 w;
	} sufs[] = {
		{ SUF("cao"), PT, 1 }, { SUF("coes"), PT, 1 },
		{ SUF("cion"), ES, 1 }, { SUF("ciones"), ES, 1 },
		{ SUF("ung"), DE, 0.7f }, { SUF("keit"), DE, 1 },
		{ SUF("lich"), DE, 0.7f }, { SUF("chen"), DE, 0.5f },
		{ SUF("ment"), FR, 0.4f }, { SUF("eux"), FR, 0.7f },
		{ SUF("ing"), EN, 0.5f }, { SUF("ly"), EN, 0.4f },
		{ SUF("nya"), ID, 0.7f }, { SUF("kan"), ID, 0.5f },
	};
#undef SUF

	if (n < 5)
		return;
	for (size_t i = 0; i < sizeof(sufs) / sizeof(sufs[0]); i++) {
		size_t k = sufs[i].len;
		/* every suffix is at least two letters: test the last first */
		if (n > k && w[n - 1] == sufs[i].suf[k - 1] &&
		    memcmp(w + n - k, sufs[i].suf, k) == 0)
			s[sufs[i].lang] += sufs[i].w;
	}
}

const char *
oldlid_detect(const struct oldlid *li, const char *raw, size_t len,
    const struct tok_text *tt)
{
	size_t han = 0, kana = 0, hangul = 0, cyr = 0, arab = 0, latin = 0;
	size_t latin_words = 0, i = 0;
	float s[OLDLID_LATIN] = { 0 };
	int32_t cp;

	while (i < len) {
		unsigned char b = (unsigned char)raw[i];
		if (b < 0x80) {		/* ASCII: most of most texts */
			latin += (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
			i++;
			continue;
		}
		int k = text_decode(raw + i, len - i, &cp);
		if (k < 0) {
			i++;
			continue;
		}
		i += (size_t)k;
		if (cp < 0x80) {
			latin += (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
		} else if ((cp >= 0x3040 && cp <= 0x30FF) ||
		    (cp >= 0xFF66 && cp <= 0xFF9D))
			kana++;
		else if (tok_is_cjk(cp))
			han++;
		else if ((cp >= 0xAC00 && cp <= 0xD7AF) ||
		    (cp >= 0x1100 && cp <= 0x11FF) ||
		    (cp >= 0x3130 && cp <= 0x318F))
			hangul++;
		else if (cp >= 0x400 && cp <= 0x4FF)
			cyr++;
		else if ((cp >= 0x600 && cp <= 0x6FF) ||
		    (cp >= 0x750 && cp <= 0x77F))
			arab++;
		else if ((cp >= 0xC0 && cp <= 0x24F) || cp == 0x1E9E ||
		    cp == 0xBF || cp == 0xA1 || (cp >= 0xFF21 && cp <= 0xFF5A)) {
			latin += cp != 0xBF && cp != 0xA1;
			letter_evidence(cp, s);
		}
	}
	for (size_t t = 0; t < tt->n; t++) {
		const char *w = tok_bytes(tt, t);
		unsigned char c = (unsigned char)w[0];
		if (tt->toks[t].cjk || !((c >= 'a' && c <= 'z') || c >= 0xC0))
			continue;
		if (c < 0x80)
			latin_words++;
		size_t sl = find_slot(li, tt->toks[t].hash);
		if (li->slot[sl].hash)
			for (int l = 0; l < OLDLID_LATIN; l++)
				s[l] += li->slot[sl].w[l];
		suffix_evidence(w, tt->toks[t].len, s);
	}

	size_t cjk = han + kana;
	if (kana > 0 && cjk >= 2 && cjk * 2 >= latin_words)
		return "ja";
	if (hangul >= 1 && hangul * 2 >= latin_words)
		return "ko";
	if (han >= 1 && han >= latin_words)
		return "zh";
	if (cyr > latin && cyr >= 2)
		return "ru";
	if (arab > latin && arab >= 2)
		return "ar";
	if (kana == 1 && latin_words == 0 && cjk == 1)
		return "ja";

	int best = 0, second = -1;
	for (int l = 1; l < OLDLID_LATIN; l++)
		if (s[l] > s[best])
			best = l;
	for (int l = 0; l < OLDLID_LATIN; l++)
		if (l != best && (second < 0 || s[l] > s[second]))
			second = l;
	/* Weak or tied evidence: say so rather than guess. */
	if (s[best] < 1 || s[best] - s[second] < 0.75f)
		return "und";
	if (latin_words >= 6 && s[best] < 2)
		return "und";
	return latin_tags[best];
}

#include "old_langid.h"

struct oldlid *
oldlid_new(void)
{
	struct oldlid *li = xcalloc(1, sizeof(*li));
	oldlid_init(li);
	return li;
}

void
oldlid_delete(struct oldlid *li)
{
	oldlid_free(li);
	free(li);
}
