/*
 * tokenize — one message as a sequence of tokens, for the classifier.
 *
 * Owns: struct tok_text, the folded text, the normalised token bytes and the
 * token array of the last message, all reused from message to message so
 * the stream loop allocates nothing per token.
 *
 * The text is folded first (text_fold: NFKC + case folding), then split:
 *   - words of space-separated scripts (Latin, Cyrillic, Greek, Hangul,
 *     Arabic…) are runs of letters, marks and digits; an apostrophe inside
 *     a word is dropped ("don't" → "dont"), accents of Latin letters are
 *     stripped ("não" → "nao", "envío" → "envio") because buyers type them
 *     or not; a number of three or more digits (an order number, a year)
 *     is the one token "0", a shorter one stays ("1 star", "2 weeks");
 *   - Han, Hiragana and Katakana are written without spaces: every such
 *     character is a token of its own (flag cjk), so a phrase of Chinese or
 *     Japanese is a sequence of character tokens and a "word bigram" of CJK
 *     text is its character bigram.  Thai, also written without spaces
 *     between words, likewise: a letter with the vowel and tone marks on
 *     it is a token (flag cjk);
 *   - an emoji or other pictograph is a token of its own ("👍", "🙏",
 *     "❤"; skin tones and variation selectors left out), and so is a
 *     question mark (a run of them, "???", is one "?"; the Arabic ؟ too):
 *     both say much in a short message (flag sym).
 * Every token carries a 64-bit hash of its bytes and a lookup key (the hash
 * of its first three code points, or of its first syllable when it starts
 * with a Hangul syllable: a Korean stem is one or two) that lexicon prefix
 * entries share.
 */
#ifndef CSKIT_TOKENIZE_H
#define CSKIT_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>
#include "buf.h"

/* Longest message part looked at, in tokens: bounds memory and time. */
#define TOK_MAX	4096

struct tok {
	uint32_t	 off;		/* normalised bytes in tok_text.bytes */
	uint32_t	 len;
	uint32_t	 src;		/* where it starts in tok_text.folded */
	uint32_t	 srclen;
	uint64_t	 hash;		/* of the normalised bytes */
	uint64_t	 key;		/* of the first 3 code points (Hangul: 1) */
	int		 cjk;		/* one Han, kana or Thai character */
	int		 sym;		/* an emoji or "?" */
};

struct tok_text {
	struct buf	 folded;
	struct buf	 bytes;
	struct tok	*toks;
	size_t		 n;
	size_t		 cap;
};

void	tok_init(struct tok_text *);
void	tok_free(struct tok_text *);
/* Fold and tokenise s[0..len); replaces the previous message. */
void	tok_run(struct tok_text *, const char *s, size_t len);
/* Tokenise text that is folded already (lexicon phrases are folded once). */
void	tok_run_folded(struct tok_text *);

/* The normalised bytes of token i (not NUL-terminated). */
static inline const char *
tok_bytes(const struct tok_text *tt, size_t i)
{
	return tt->bytes.data + tt->toks[i].off;
}

/* FNV-1a 64 of a byte string: the hash every cskit classifier part uses. */
uint64_t tok_hash(const void *, size_t);
/* The lookup key of a token's normalised bytes (as struct tok's key). */
uint64_t tok_key(const char *, size_t);
/* Han, Hiragana or Katakana: written without spaces. */
int	tok_is_cjk(int32_t cp);
/* Thai: written without spaces too. */
int	tok_is_thai(int32_t cp);

#endif
