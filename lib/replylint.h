/*
 * replylint — checks of a template library's content, as the contract of
 * cskit-templates(5) asks: every language that is not a regional override
 * has every template and partial and a locale.conf; no gender slash
 * ("désolé(e)", "Bienvenido/a", "получил(а)", "Kund*in"); no honorific
 * written beside {{name}} (it carries its own) and none doubled in a
 * rendering; every name a template uses is one of the contract's values;
 * the text is in the language's script (Traditional and Simplified Chinese
 * told apart, Japanese by its kana); no sentence or line too long for the
 * script; no doubled punctuation, no ASCII punctuation after CJK text, no
 * blank before a full stop or comma outside French.
 *
 * Owns nothing: problems are appended to the caller's report, one a line,
 * "FILE:LINE: reason" or "LANG: reason".
 */
#ifndef CSKIT_REPLYLINT_H
#define CSKIT_REPLYLINT_H

#include "buf.h"
#include "reply.h"

/* The values of the contract (cskit-templates(5), Values), NULL-ended. */
extern const char *const reply_contract_names[];
/* The topics with a partial of their own, NULL-ended. */
extern const char *const reply_topics[];
/* The shared partials every language has, NULL-ended. */
extern const char *const reply_shared_partials[];

/*
 * Check the languages in only (NULL: all) and their overrides; returns
 * the number of problems.
 */
int	reply_lint_content(const struct reply_lib *, const char *const *only,
	    struct buf *report);

#endif
