/*
 * lib/html: the plain text of helpdesk message bodies.  Expected texts are
 * written by hand from the rules in html.h.
 */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "html.h"
#include "text.h"

/* The text of s (a C string); the caller frees. */
static char *
text_of(const char *s)
{
	struct buf b = BUF_INIT;

	html_to_text(s, strlen(s), &b);
	return buf_detach(&b);
}

#define EXPECT(html, want) do {						\
	char *got_ = text_of(html);					\
	assert_string_equal(got_, want);				\
	free(got_);							\
} while (0)

static void
test_tags_and_lines(void **state)
{
	(void)state;
	EXPECT("", "");
	EXPECT("plain text stays", "plain text stays");
	EXPECT("<p>Hallo Lena,</p><p>Ihr Paket ist unterwegs.</p>",
	    "Hallo Lena,\n\nIhr Paket ist unterwegs.");
	EXPECT("first<br>second<br/>third<BR />fourth",
	    "first\nsecond\nthird\nfourth");
	EXPECT("a<br><br>b", "a\n\nb");
	EXPECT("a<br><br><br><br>b", "a\n\nb");	/* one blank line at most */
	EXPECT("<div>one</div><div>two</div>", "one\ntwo");
	EXPECT("  <p>  spaced \n\t out  </p>  ", "spaced out");
	EXPECT("<b>bold</b> and <i>italic</i>, <a href=\"x\">a link</a>",
	    "bold and italic, a link");
	EXPECT("<ul><li>Größe M</li><li>Farbe: rot</li></ul>Danke",
	    "- Größe M\n- Farbe: rot\nDanke");
	EXPECT("<table><tr><td>Order</td><td>#1042</td></tr>"
	    "<tr><td>Total</td><td>59,90 €</td></tr></table>",
	    "Order #1042\nTotal 59,90 €");
	EXPECT("<h2>Title</h2>body", "Title\n\nbody");
	EXPECT("<pre>line 1\n  line 2</pre>after",
	    "line 1\n  line 2\n\nafter");
	/* Attributes may hold '>' inside quotes. */
	EXPECT("<img alt=\"a > b\" src='x>y'>after", "after");
	/* '<' that starts no tag is text. */
	EXPECT("3 < 5 and 5 > 3", "3 < 5 and 5 > 3");
	EXPECT("a <3 b", "a <3 b");
	/* An unterminated tag ends the text, as in a browser. */
	EXPECT("before <span class=\"x", "before");
}

static void
test_skipped(void **state)
{
	(void)state;
	EXPECT("<!DOCTYPE html><html><head><title>T</title>"
	    "<style>p { color: red }</style></head>"
	    "<body><p>visible</p><script>var a = '<p>no</p>';</script>"
	    "</body></html>", "visible");
	EXPECT("a<!-- hidden <p>x</p> -->b", "ab");
	EXPECT("a<!-- never closed", "a");
	EXPECT("a<?xml version=\"1.0\"?>b", "ab");
	EXPECT("x<script>never closed", "x");
	EXPECT("x<SCRIPT>y</scripts></SCRIPT >z", "xz");
	EXPECT("x<script/>y", "xy");
}

static void
test_references(void **state)
{
	(void)state;
	EXPECT("Fish &amp; chips &lt;3 &quot;yes&quot; &apos;ok&apos;",
	    "Fish & chips <3 \"yes\" 'ok'");
	EXPECT("caf&eacute; &Uuml;bergr&ouml;&szlig;e &euro;5 &mdash; ok",
	    "café Übergröße €5 — ok");
	EXPECT("a&nbsp;&nbsp;b", "a b");
	EXPECT("&#233;&#xE9;&#XE9;&#x1F600;", "ééé\xF0\x9F\x98\x80");
	EXPECT("&#65", "A");			/* the ';' may be left out */
	/* NUL, surrogates and out-of-range code points: U+FFFD. */
	EXPECT("&#0;&#xD800;&#x110000;", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	EXPECT("&#99999999999999999999999999;", "\xEF\xBF\xBD");
	/* Unknown names, bare '&' and names too long stay as they are. */
	EXPECT("&bogus; & &amp &; &#; &#x;", "&bogus; & &amp &; &#; &#x;");
	EXPECT("&averyveryverylongname;", "&averyveryverylongname;");
	/* Decoded once: &amp;lt; is the text "&lt;". */
	EXPECT("&amp;lt;", "&lt;");
}

/* The output is valid UTF-8 and never longer than the input. */
static void
test_bounds(void **state)
{
	static const char *const pieces[] = {
		"<p>", "</p>", "<br>", "<li>", "</li>", "<td>", "</td>", " ",
		"\n", "&lt;", "&#1;", "&#x10000;", "&ne;", "x", "é", "<pre>",
		"</pre>", "<!--", "-->", "<script>", "</script>", "&", "<",
		"\"", ">", "<a b='>'>",
	};
	const size_t np = sizeof pieces / sizeof pieces[0];
	unsigned seed = 17;
	struct buf in = BUF_INIT, out = BUF_INIT;

	(void)state;
	for (int round = 0; round < 2000; round++) {
		buf_reset(&in);
		buf_reset(&out);
		for (int k = 0; k < 40; k++) {
			seed = seed * 1103515245u + 12345u;
			buf_adds(&in, pieces[(seed >> 16) % np]);
		}
		html_to_text(in.data, in.len, &out);
		assert_true(out.len <= in.len);
		assert_true(text_utf8_valid(buf_str(&out), out.len, NULL));
	}
	buf_free(&in);
	buf_free(&out);
}

/* Hostile shapes finish in linear time: 100,000 nested elements, a long
 * reference, a long run of '<'. */
static void
test_hostile(void **state)
{
	struct buf in = BUF_INIT, out = BUF_INIT;

	(void)state;
	for (int i = 0; i < 100000; i++)
		buf_adds(&in, "<div><span>");
	buf_adds(&in, "deep");
	for (int i = 0; i < 100000; i++)
		buf_adds(&in, "</span></div>");
	html_to_text(in.data, in.len, &out);
	assert_string_equal(buf_str(&out), "deep");
	buf_reset(&in);
	buf_reset(&out);
	buf_adds(&in, "&#");
	for (int i = 0; i < 1000000; i++)
		buf_addc(&in, '9');
	buf_adds(&in, ";ok");
	html_to_text(in.data, in.len, &out);
	assert_string_equal(buf_str(&out), "\xEF\xBF\xBDok");
	buf_reset(&in);
	buf_reset(&out);
	for (int i = 0; i < 1000000; i++)
		buf_addc(&in, '<');
	html_to_text(in.data, in.len, &out);
	assert_int_equal(out.len, 1000000);
	buf_free(&in);
	buf_free(&out);
}

/* The text is appended after what the buffer holds already. */
static void
test_appends(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	buf_adds(&b, "x:");
	html_to_text("<p>a</p>", 8, &b);
	assert_string_equal(buf_str(&b), "x:a");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tags_and_lines),
		cmocka_unit_test(test_skipped),
		cmocka_unit_test(test_references),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_appends),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
