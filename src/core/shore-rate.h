/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SHORE_RATE_ERROR:
 *
 * Error domain for parsing interest rates. Errors in this domain are from
 * the #ShoreRateError enumeration.
 */
#define SHORE_RATE_ERROR (shore_rate_error_quark ())

/**
 * ShoreRateError:
 * @SHORE_RATE_ERROR_INVALID: the text is not a rate, or a negative one
 * @SHORE_RATE_ERROR_OUT_OF_RANGE: the rate is above 1000 % a year
 *
 * Why shore_rate_parse() refused its input.
 */
typedef enum {
  SHORE_RATE_ERROR_INVALID,
  SHORE_RATE_ERROR_OUT_OF_RANGE,
} ShoreRateError;

/**
 * ShoreRatePeriod:
 * @SHORE_RATE_DAILY: per day (日利率)
 * @SHORE_RATE_MONTHLY: per month of 30 days (月利率)
 * @SHORE_RATE_ANNUAL: per year of 360 days (年利率)
 *
 * The period a rate is quoted for.
 */
typedef enum {
  SHORE_RATE_DAILY,
  SHORE_RATE_MONTHLY,
  SHORE_RATE_ANNUAL,
} ShoreRatePeriod;

/**
 * SHORE_RATE_SCALE:
 *
 * A #ShoreRate value is the fraction per period times this: daily 0.05 %
 * = 0.0005 is 5,000,000. One unit is 10⁻⁸ percent.
 */
#define SHORE_RATE_SCALE G_GINT64_CONSTANT (10000000000)

/**
 * SHORE_RATE_VALUE_MAX:
 *
 * The largest #ShoreRate value the functions below accept (in either sign),
 * about 2.5 × 10⁸ % per period, so that converting to a longer period stays
 * exact. Parsed rates are far below it (at most 1000 % a year).
 */
#define SHORE_RATE_VALUE_MAX (G_MAXINT64 / 360)

/**
 * SHORE_RATE_ANNUAL_MAX:
 *
 * The highest rate shore_rate_parse() accepts, annualized: 1000 %.
 */
#define SHORE_RATE_ANNUAL_MAX (1000 * (SHORE_RATE_SCALE / 100))

/**
 * ShoreRate:
 * @period: the period the rate was quoted for
 * @value: the fraction per @period, times %SHORE_RATE_SCALE
 *
 * A rate exactly as quoted. Conversions follow the 360-day banking
 * convention: monthly = daily × 30, annual = monthly × 12.
 */
typedef struct {
  ShoreRatePeriod period;
  gint64          value;
} ShoreRate;

GQuark      shore_rate_error_quark           (void);

gboolean    shore_rate_parse                 (const char      *text,
                                              ShoreRate       *out,
                                              GError         **error);
char       *shore_rate_to_string             (const ShoreRate *rate) G_GNUC_WARN_UNUSED_RESULT;

void        shore_rate_in_period             (const ShoreRate *rate,
                                              ShoreRatePeriod  target,
                                              gint64          *num,
                                              gint64          *den);
gboolean    shore_rate_apply                 (const ShoreRate *rate,
                                              ShoreRatePeriod  target,
                                              gint64           amount_fen,
                                              gint64           times,
                                              gint64          *out) G_GNUC_WARN_UNUSED_RESULT;

char       *shore_rate_format_percent        (const ShoreRate *rate,
                                              ShoreRatePeriod  target,
                                              guint            decimals) G_GNUC_WARN_UNUSED_RESULT;
char       *shore_rate_format                (const ShoreRate *rate) G_GNUC_WARN_UNUSED_RESULT;

int         shore_rate_compare               (const ShoreRate *a,
                                              const ShoreRate *b);

ShoreRate   shore_rate_annual_from_hundredths (gint64          hundredths_of_percent);

const char *shore_rate_period_to_string      (ShoreRatePeriod  period);
gboolean    shore_rate_period_from_string    (const char      *text,
                                              ShoreRatePeriod *out);

G_END_DECLS
