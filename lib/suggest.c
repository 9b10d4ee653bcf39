#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "suggest.h"

#define SUGGEST_MAX_LEN	128	/* longer words get no suggestion */

static int
same(char a, char b)
{
	return tolower((unsigned char)a) == tolower((unsigned char)b);
}

static size_t
min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;

	return m < c ? m : c;
}

size_t
suggest_distance(const char *a, const char *b, size_t cap)
{
	size_t n = strlen(a), m = strlen(b);
	/* three rows of the table: two back (for the swap), one back, now */
	size_t r[3][SUGGEST_MAX_LEN + 1];

	if (n > SUGGEST_MAX_LEN || m > SUGGEST_MAX_LEN)
		return cap + 1;
	if ((n > m ? n - m : m - n) > cap)
		return cap + 1;
	size_t prevmin = 0;	/* the least of row i-1 */

	for (size_t j = 0; j <= m; j++)
		r[0][j] = j;
	for (size_t i = 1; i <= n; i++) {
		/* row i in r[i % 3]; rows i-1 and i-2 in the other two */
		size_t *cur = r[i % 3], *one = r[(i + 2) % 3],
		    *two = r[(i + 1) % 3];
		size_t rowmin;
		cur[0] = i;
		rowmin = i;
		for (size_t j = 1; j <= m; j++) {
			size_t cost = same(a[i - 1], b[j - 1]) ? 0 : 1;
			cur[j] = min3(one[j] + 1, cur[j - 1] + 1,
			    one[j - 1] + cost);
			if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) &&
			    same(a[i - 2], b[j - 1]) && two[j - 2] + 1 < cur[j])
				cur[j] = two[j - 2] + 1;
			if (cur[j] < rowmin)
				rowmin = cur[j];
		}
		/* Later rows come from this one, or by a swap from the one
		 * before at a cost of one more. */
		if (rowmin > cap && prevmin + 1 > cap)
			return cap + 1;
		prevmin = rowmin;
	}
	return r[n % 3][m];
}

void
suggest_offer(struct suggest *s, const char *cand)
{
	size_t len = strlen(s->word);
	size_t cap = s->cap ? s->cap : len / 3 > 0 ? len / 3 : 1;
	size_t d = suggest_distance(s->word, cand, cap);

	if (d <= cap && (s->best == NULL || d < s->dist)) {
		s->best = cand;
		s->dist = d;
	}
}

const char *
suggest_closest(const char *word, const char *const *cand, size_t n)
{
	struct suggest s = { word, NULL, 0, 0 };

	for (size_t i = 0; i < n; i++)
		suggest_offer(&s, cand[i]);
	return s.best;
}
