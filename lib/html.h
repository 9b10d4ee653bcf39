/*
 * html — the plain text of an HTML fragment, as a helpdesk's message body
 * reads: what cs-import's `html()` and --html give the other tools.
 *
 * Owns nothing: the text is appended to the caller's buf.
 *
 * Tags are removed; `<br>` is a line break, and the start or end of a
 * block (p, div, li, tr, h1-h6, blockquote, pre, table, ul, ol, hr,
 * section...) ends the line, a paragraph (p, h1-h6, blockquote, pre) with
 * a blank line; a list item starts with "- ".  Runs of white space
 * collapse to one space, except inside <pre>; at most one blank line is
 * kept, and the text is trimmed at both ends.  script, style, head and
 * title elements, comments, <!DOCTYPE ...> and <?...?> leave nothing.
 * Character references are decoded: &#NNN; and &#xHH; (an invalid or
 * out-of-range code point, NUL or a surrogate gives U+FFFD), and the
 * common named ones (&amp; &lt; &nbsp; &eacute; &mdash; &euro; ...; an
 * unknown name stays as it is).  &nbsp; gives a plain space.
 *
 * One pass, no recursion, no allocation but the output: time and memory
 * are linear in the input whatever it holds (deep nesting, unterminated
 * tags, a million-digit reference).  The output is never longer than the
 * input, so a caller can size it from the input.  Valid UTF-8 in, valid
 * UTF-8 out.
 */
#ifndef CSKIT_HTML_H
#define CSKIT_HTML_H

#include <stddef.h>
#include "buf.h"

void	html_to_text(const char *s, size_t n, struct buf *out);

#endif
