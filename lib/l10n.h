/*
 * l10n — numbers, shares, durations and dates as a reader of a language
 * writes them, for reports: English and Chinese (Simplified, as written in
 * mainland China).
 *
 * Owns nothing: every function appends to a caller's buf.  The machine's
 * locale is never used, so a report is the same bytes everywhere.  Days are
 * day numbers (civil.h) and instants local seconds (the caller has applied
 * the zone), so this module knows no zones.  Negative numbers are written
 * with the minus sign U+2212, as typesetters do.
 *
 *                 en                  zh
 *   count         12,345              12,345
 *   percent       93.5%               93.5%
 *   duration      45s 4m 05s 14m      45秒 4分05秒 14分钟
 *                 3h 59m 2d 4h        3小时59分 2天4小时
 *   date          Fri 20 Nov 2026     2026年11月20日（周五）
 *   short day     20 Nov              11月20日
 *   weekday       Mon                 周一
 *   time          20 Nov 09:05        11月20日 09:05
 */
#ifndef CSKIT_L10N_H
#define CSKIT_L10N_H

#include <stdint.h>
#include "buf.h"

enum l10n_lang { L10N_EN, L10N_ZH };

/* "en", "zh" (also "zh-CN", "zh-Hans", any case) → the language; -1. */
int	l10n_parse(const char *);
/* The language tag for <html lang>: "en", "zh-CN". */
const char *l10n_tag(enum l10n_lang);

/* A whole number, grouped by thousands (rounded). */
void	l10n_count(enum l10n_lang, double v, struct buf *);
/* A number with `decimals` digits after the point, grouped. */
void	l10n_decimal(enum l10n_lang, double v, int decimals, struct buf *);
/* A share 0..1 as a percentage with one decimal ("93.5%", "100%"). */
void	l10n_percent(enum l10n_lang, double share, struct buf *);
/* Seconds, to the precision a reader wants at that size (see above). */
void	l10n_duration(enum l10n_lang, double seconds, struct buf *);
void	l10n_date(enum l10n_lang, int64_t day, struct buf *);
void	l10n_day_short(enum l10n_lang, int64_t day, struct buf *);
/* 0 = Monday … 6 = Sunday */
void	l10n_weekday(enum l10n_lang, int weekday, struct buf *);
/* Local seconds since the epoch: the day (short) and hh:mm. */
void	l10n_day_time(enum l10n_lang, int64_t local_seconds, struct buf *);

#endif
