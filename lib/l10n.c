#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "civil.h"
#include "l10n.h"

#define MINUS	"\xe2\x88\x92"	/* U+2212 */

static const char *const en_weekdays[] = { "Mon", "Tue", "Wed", "Thu",
	"Fri", "Sat", "Sun" };
static const char *const zh_weekdays[] = { "周一", "周二", "周三", "周四",
	"周五", "周六", "周日" };
static const char *const en_months[] = { "Jan", "Feb", "Mar", "Apr", "May",
	"Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

int
l10n_parse(const char *s)
{
	if (strcasecmp(s, "en") == 0 || strncasecmp(s, "en-", 3) == 0)
		return L10N_EN;
	if (strcasecmp(s, "zh") == 0 || strcasecmp(s, "zh-CN") == 0 ||
	    strcasecmp(s, "zh-Hans") == 0 || strcasecmp(s, "zh-SG") == 0)
		return L10N_ZH;
	return -1;
}

const char *
l10n_tag(enum l10n_lang l)
{
	return l == L10N_ZH ? "zh-CN" : "en";
}

/* The digits of a non-negative whole number, grouped by thousands. */
static void
grouped(unsigned long long n, struct buf *out)
{
	char digits[32];
	int len = snprintf(digits, sizeof digits, "%llu", n);

	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf_addc(out, ',');
		buf_addc(out, digits[i]);
	}
}

void
l10n_decimal(enum l10n_lang l, double v, int decimals, struct buf *out)
{
	double scale = pow(10, decimals), r;
	unsigned long long whole, frac;

	(void)l;	/* both write 1,234.5 */
	if (isnan(v)) {
		buf_adds(out, "–");
		return;
	}
	r = round(fabs(v) * scale);
	if (v < 0 && r > 0)
		buf_adds(out, MINUS);
	whole = (unsigned long long)(r / scale);
	frac = (unsigned long long)(r - (double)whole * scale);
	grouped(whole, out);
	if (decimals > 0)
		buf_printf(out, ".%0*llu", decimals, frac);
}

void
l10n_count(enum l10n_lang l, double v, struct buf *out)
{
	l10n_decimal(l, v, 0, out);
}

void
l10n_percent(enum l10n_lang l, double share, struct buf *out)
{
	double p = share * 100;

	if (isnan(share)) {
		buf_adds(out, "–");
		return;
	}
	/* One decimal, none when it is .0 */
	l10n_decimal(l, p, fabs(round(p * 10) - round(p) * 10) < 0.5 ? 0 : 1,
	    out);
	buf_addc(out, '%');
}

void
l10n_duration(enum l10n_lang l, double seconds, struct buf *out)
{
	int zh = l == L10N_ZH;
	double s;

	if (isnan(seconds)) {
		buf_adds(out, "–");
		return;
	}
	if (seconds < 0)
		buf_adds(out, MINUS);
	s = fabs(seconds);
	if (s < 59.5) {
		buf_printf(out, zh ? "%.0f秒" : "%.0fs", s);
	} else if (s < 599.5) {
		long t = lround(s);
		buf_printf(out, zh ? "%ld分%02ld秒" : "%ldm %02lds", t / 60,
		    t % 60);
	} else if (s < 3570) {
		buf_printf(out, zh ? "%ld分钟" : "%ldm", lround(s / 60));
	} else if (s < 86370) {
		long m = lround(s / 60);
		buf_printf(out, zh ? "%ld小时%02ld分" : "%ldh %02ldm", m / 60,
		    m % 60);
	} else {
		long h = lround(s / 3600);
		if (h % 24 == 0)
			buf_printf(out, zh ? "%ld天" : "%ldd", h / 24);
		else
			buf_printf(out, zh ? "%ld天%ld小时" : "%ldd %ldh",
			    h / 24, h % 24);
	}
}

void
l10n_weekday(enum l10n_lang l, int wd, struct buf *out)
{
	buf_adds(out, (l == L10N_ZH ? zh_weekdays : en_weekdays)[wd % 7]);
}

void
l10n_date(enum l10n_lang l, int64_t day, struct buf *out)
{
	int64_t y;
	int m, d;

	civil_from_days(day, &y, &m, &d);
	if (l == L10N_ZH) {
		buf_printf(out, "%lld年%d月%d日（%s）", (long long)y, m, d,
		    zh_weekdays[civil_weekday(day)]);
		return;
	}
	buf_printf(out, "%s %d %s %lld", en_weekdays[civil_weekday(day)], d,
	    en_months[m - 1], (long long)y);
}

void
l10n_day_short(enum l10n_lang l, int64_t day, struct buf *out)
{
	int64_t y;
	int m, d;

	civil_from_days(day, &y, &m, &d);
	if (l == L10N_ZH)
		buf_printf(out, "%d月%d日", m, d);
	else
		buf_printf(out, "%d %s", d, en_months[m - 1]);
}

void
l10n_day_time(enum l10n_lang l, int64_t local, struct buf *out)
{
	int64_t day = civil_floor_div(local, 86400);
	int64_t sec = local - day * 86400;

	l10n_day_short(l, day, out);
	buf_printf(out, " %02d:%02d", (int)(sec / 3600), (int)(sec / 60 % 60));
}
