/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-rate"

#include "config.h"

#include <string.h>

#include <glib.h>
#include "shore-intl.h"

#include "shore-money.h"
#include "shore-rate.h"
#include "shore-scanner.h"

#define PERCENT_DECIMALS    8                         /* SHORE_RATE_SCALE / 100 = 10⁸ */
#define PERCENT_UNIT        (SHORE_RATE_SCALE / 100)  /* value of 1 % */
#define FORMAT_DECIMALS_MAX 16                        /* keeps format_percent within 128 bits */

__extension__ typedef unsigned __int128 UWide;

/* What is wrong with a rate someone typed; each has its own message */
typedef enum
{
  PROBLEM_EMPTY,
  PROBLEM_SYNTAX,
  PROBLEM_DECIMALS,
  PROBLEM_NEGATIVE,
  PROBLEM_RANGE,
} Problem;

typedef struct
{
  const char      *name;
  ShoreRatePeriod  period;
} PeriodName;

/* Longer names first, so that 日利率 is not read as 日 followed by garbage.
 * 年化 (annualized) and 日息/月息/年息 are how lenders and borrowers
 * usually write rates. 月费率 is deliberately absent: a monthly fee on the
 * original principal is not an interest rate.
 */
static const PeriodName period_names[] = {
  { "daily", SHORE_RATE_DAILY },
  { "monthly", SHORE_RATE_MONTHLY },
  { "annual", SHORE_RATE_ANNUAL },
  { "日利率", SHORE_RATE_DAILY },
  { "日息", SHORE_RATE_DAILY },
  { "日", SHORE_RATE_DAILY },
  { "月利率", SHORE_RATE_MONTHLY },
  { "月息", SHORE_RATE_MONTHLY },
  { "月", SHORE_RATE_MONTHLY },
  { "年化利率", SHORE_RATE_ANNUAL },
  { "年利率", SHORE_RATE_ANNUAL },
  { "年化", SHORE_RATE_ANNUAL },
  { "年息", SHORE_RATE_ANNUAL },
  { "年", SHORE_RATE_ANNUAL },
};

G_DEFINE_QUARK (shore-rate-error-quark, shore_rate_error)

static gboolean
is_period (ShoreRatePeriod period)
{
  return period == SHORE_RATE_DAILY
         || period == SHORE_RATE_MONTHLY
         || period == SHORE_RATE_ANNUAL;
}

static gboolean
is_valid_rate (const ShoreRate *rate)
{
  return rate != NULL
         && is_period (rate->period)
         && rate->value >= -SHORE_RATE_VALUE_MAX
         && rate->value <= SHORE_RATE_VALUE_MAX;
}

/* The 360-day banking convention */
static gint64
days_in (ShoreRatePeriod period)
{
  switch (period)
    {
    case SHORE_RATE_DAILY:
      return 1;
    case SHORE_RATE_MONTHLY:
      return 30;
    case SHORE_RATE_ANNUAL:
      return 360;
    default:
      g_assert_not_reached ();
    }
}

static gint64
gcd (gint64 a,
     gint64 b)
{
  g_assert (a >= 0 && b > 0);

  while (a != 0)
    {
      gint64 t = b % a;

      b = a;
      a = t;
    }

  return b;
}

/* @magnitude / 10^@decimals as decimal text, trailing zeros trimmed but
 * at least @min_decimals kept. “-” only when something nonzero is shown.
 */
static char *
decimal_string (gboolean negative,
                UWide    magnitude,
                guint    decimals,
                guint    min_decimals)
{
  char digits[64];
  GString *str = g_string_sized_new (48);
  gboolean is_zero = (magnitude == 0);
  guint n = 0;
  guint keep = decimals;

  g_assert (decimals < 40 && min_decimals <= decimals);

  do
    {
      digits[n++] = (char) ('0' + (guint) (magnitude % 10));
      magnitude /= 10;
    }
  while (magnitude != 0 || n <= decimals);

  while (keep > min_decimals && digits[decimals - keep] == '0')
    keep--;

  if (negative && !is_zero)
    g_string_append_c (str, '-');
  while (n > decimals)
    g_string_append_c (str, digits[--n]);
  if (keep > 0)
    g_string_append_c (str, '.');
  while (keep > 0)
    {
      g_string_append_c (str, digits[--n]);
      keep--;
    }

  return g_string_free (str, FALSE);
}

static char *
value_string (gint64 value,
              guint  min_decimals)
{
  UWide magnitude = value < 0 ? 0 - (UWide) value : (UWide) value;

  return decimal_string (value < 0, magnitude, PERCENT_DECIMALS, min_decimals);
}

static gboolean
fail (GError      **error,
      Problem       problem,
      const char   *text)
{
  g_autofree char *quoted = shore_money_quote_input (text);

  switch (problem)
    {
    case PROBLEM_EMPTY:
      g_set_error (error, SHORE_RATE_ERROR, SHORE_RATE_ERROR_INVALID,
                   /* Translators: keep the examples as they are */
                   _("The rate is empty; type it as daily:0.05%%, monthly:1.5%% or annual:18%%"));
      break;

    case PROBLEM_SYNTAX:
      g_set_error (error, SHORE_RATE_ERROR, SHORE_RATE_ERROR_INVALID,
                   /* Translators: %s is what the person typed; keep the examples as they are */
                   _("“%s” is not a rate; type it as daily:0.05%%, monthly:1.5%% or annual:18%%"),
                   quoted);
      break;

    case PROBLEM_DECIMALS:
      g_set_error (error, SHORE_RATE_ERROR, SHORE_RATE_ERROR_INVALID,
                   /* Translators: %s is what the person typed */
                   _("“%s” has too many decimals; a rate takes at most eight decimals of a percent"),
                   quoted);
      break;

    case PROBLEM_NEGATIVE:
      g_set_error (error, SHORE_RATE_ERROR, SHORE_RATE_ERROR_INVALID,
                   /* Translators: %s is what the person typed */
                   _("“%s” is negative; a rate must be zero or more"),
                   quoted);
      break;

    case PROBLEM_RANGE:
      g_set_error (error, SHORE_RATE_ERROR, SHORE_RATE_ERROR_OUT_OF_RANGE,
                   /* Translators: %s is what the person typed; %% is a percent sign */
                   _("“%s” comes to more than 1000%% a year; rates up to 1000%% a year are accepted"),
                   quoted);
      break;

    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

static gboolean
accept_period (ShoreScanner         *s,
               ShoreRatePeriod *period)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (period_names); i++)
    if (shore_scanner_accept_word (s, period_names[i].name))
      {
        *period = period_names[i].period;
        return TRUE;
      }

  return FALSE;
}

/* Appends a digit to @value; FALSE once it passes %G_MAXINT64 */
static gboolean
push_digit (gint64 *value,
            guint   digit)
{
  if (*value > (G_MAXINT64 - (gint64) digit) / 10)
    return FALSE;

  *value = *value * 10 + digit;
  return TRUE;
}

/**
 * shore_rate_parse:
 * @text: a rate as a person types it, in UTF-8
 * @out: (out) (optional): where to store the rate
 * @error: return location for a #ShoreRateError
 *
 * Reads a rate such as “daily:0.05%”, “monthly:1.5%”, “annual:18%” or
 * “年利率：15.4％”. The period comes first: daily, monthly or annual (any
 * case), or 日/日利率/日息, 月/月利率/月息, 年/年利率/年化/年化利率/年息; a
 * colon (: or ：) after it is optional, and white space may surround each
 * part. The percent sign (% or ％) is required; the number has at most
 * eight decimals and may use full-width digits.
 *
 * Negative rates are %SHORE_RATE_ERROR_INVALID. Rates above 1000 % a year
 * once annualized (daily × 360, monthly × 12) are
 * %SHORE_RATE_ERROR_OUT_OF_RANGE; exactly 1000 % is accepted.
 *
 * On failure @out is left untouched.
 *
 * Returns: %TRUE if @text was a rate
 */
gboolean
shore_rate_parse (const char  *text,
                  ShoreRate   *out,
                  GError     **error)
{
  g_auto(ShoreScanner) s = { NULL, 0, 0 };
  ShoreRatePeriod period = SHORE_RATE_ANNUAL;
  gboolean negative = FALSE;
  gboolean in_range = TRUE;
  gint64 value = 0;
  guint n_integer = 0;
  guint n_fraction = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_scanner_init (&s, text))
    goto invalid;
  if (shore_scanner_at_end (&s))
    return fail (error, PROBLEM_EMPTY, text);

  if (!accept_period (&s, &period))
    goto invalid;
  shore_scanner_skip_space (&s);
  if (shore_scanner_peek (&s) == ':')
    s.pos++;
  shore_scanner_skip_space (&s);

  if (shore_scanner_peek (&s) == '-' || shore_scanner_peek (&s) == '+')
    negative = (s.chars[s.pos++] == '-');

  for (; shore_scanner_at_digit (&s); s.pos++, n_integer++)
    in_range = push_digit (&value, shore_scanner_peek (&s) - '0') && in_range;
  if (shore_scanner_peek (&s) == '.')
    {
      s.pos++;
      for (; shore_scanner_at_digit (&s); s.pos++, n_fraction++)
        if (n_fraction < PERCENT_DECIMALS)
          in_range = push_digit (&value, shore_scanner_peek (&s) - '0') && in_range;
      if (n_fraction == 0)
        goto invalid;
    }
  if (n_integer == 0 && n_fraction == 0)
    goto invalid;

  shore_scanner_skip_space (&s);
  if (shore_scanner_peek (&s) != '%')
    goto invalid;
  s.pos++;
  if (s.pos != s.end)
    goto invalid;

  if (n_fraction > PERCENT_DECIMALS)
    return fail (error, PROBLEM_DECIMALS, text);

  if (negative)
    return fail (error, PROBLEM_NEGATIVE, text);

  for (; n_fraction < PERCENT_DECIMALS; n_fraction++)
    in_range = push_digit (&value, 0) && in_range;
  if (!in_range
      || (UWide) value * (UWide) (360 / days_in (period)) > (UWide) SHORE_RATE_ANNUAL_MAX)
    return fail (error, PROBLEM_RANGE, text);

  if (out != NULL)
    {
      out->period = period;
      out->value = value;
    }

  return TRUE;

invalid:
  return fail (error, PROBLEM_SYNTAX, text);
}

/**
 * shore_rate_to_string:
 * @rate: a rate
 *
 * Canonical machine text for @rate, which shore_rate_parse() reads back to
 * the same rate: “daily:0.05%”, “annual:18%” (trailing zeros trimmed).
 *
 * Returns: (transfer full): a newly allocated string
 */
char *
shore_rate_to_string (const ShoreRate *rate)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (is_valid_rate (rate), NULL);

  number = value_string (rate->value, 0);
  return g_strdup_printf ("%s:%s%%", shore_rate_period_to_string (rate->period), number);
}

/**
 * shore_rate_in_period:
 * @rate: a rate
 * @target: the period to express it in
 * @num: (out): the numerator
 * @den: (out): the denominator, always > 0
 *
 * The exact fraction per @target period, reduced: daily 0.05 % in
 * %SHORE_RATE_ANNUAL is 0.18 = 9/50.
 */
void
shore_rate_in_period (const ShoreRate *rate,
                      ShoreRatePeriod  target,
                      gint64          *num,
                      gint64          *den)
{
  gint64 from;
  gint64 to;
  gint64 n;
  gint64 d;
  gint64 g;

  g_return_if_fail (num != NULL);
  g_return_if_fail (den != NULL);

  *num = 0;
  *den = 1;

  g_return_if_fail (is_valid_rate (rate));
  g_return_if_fail (is_period (target));

  from = days_in (rate->period);
  to = days_in (target);
  if (to >= from)
    {
      n = rate->value * (to / from);
      d = SHORE_RATE_SCALE;
    }
  else
    {
      n = rate->value;
      d = SHORE_RATE_SCALE * (from / to);
    }

  g = gcd (n < 0 ? -n : n, d);
  *num = n / g;
  *den = d / g;
}

/**
 * shore_rate_apply:
 * @rate: a rate
 * @target: the period @times counts
 * @amount_fen: the amount the rate applies to
 * @times: how many @target periods
 * @out: (out): where to store the result in fen
 *
 * Computes @amount_fen × (@rate per @target) × @times exactly and rounds it
 * half away from zero once. Interest for one month on a balance is
 * `shore_rate_apply (&rate, SHORE_RATE_MONTHLY, balance, 1, &interest)`;
 * for 30 days, `shore_rate_apply (&rate, SHORE_RATE_DAILY, balance, 30, &interest)`.
 * @out is left untouched on failure.
 *
 * Returns: %FALSE if the result does not fit in a #gint64
 */
gboolean
shore_rate_apply (const ShoreRate *rate,
                  ShoreRatePeriod  target,
                  gint64           amount_fen,
                  gint64           times,
                  gint64          *out)
{
  ShoreMoneyWide product;
  ShoreMoneyWide result;
  gint64 num;
  gint64 den;

  g_return_val_if_fail (is_valid_rate (rate), FALSE);
  g_return_val_if_fail (is_period (target), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  shore_rate_in_period (rate, target, &num, &den);

  /* |amount × num| < 2¹²⁶, so only the last product can overflow; if it
   * does, the quotient (den < 2⁶³) cannot fit in 64 bits either.
   */
  if (__builtin_mul_overflow ((ShoreMoneyWide) amount_fen * num, (ShoreMoneyWide) times, &product))
    return FALSE;
  if (!shore_money_wide_div_round (product, den, &result))
    return FALSE;
  if (result < G_MININT64 || result > G_MAXINT64)
    return FALSE;

  *out = (gint64) result;
  return TRUE;
}

/**
 * shore_rate_format_percent:
 * @rate: a rate
 * @target: the period to express it in
 * @decimals: how many decimals to show, at most 16
 *
 * The percentage per @target with exactly @decimals decimals, rounded
 * half away from zero, without a percent sign: daily 0.05 % in
 * %SHORE_RATE_ANNUAL with 2 decimals is “18.00”; monthly 1.5 % in
 * %SHORE_RATE_DAILY with 4 decimals is “0.0500”.
 *
 * Returns: (transfer full): a newly allocated string
 */
char *
shore_rate_format_percent (const ShoreRate *rate,
                           ShoreRatePeriod  target,
                           guint            decimals)
{
  ShoreMoneyWide scale = 100;
  ShoreMoneyWide rounded;
  gint64 num;
  gint64 den;
  guint i;

  g_return_val_if_fail (is_valid_rate (rate), NULL);
  g_return_val_if_fail (is_period (target), NULL);
  g_return_val_if_fail (decimals <= FORMAT_DECIMALS_MAX, NULL);

  shore_rate_in_period (rate, target, &num, &den);
  for (i = 0; i < decimals; i++)
    scale *= 10;

  /* |num| < 2⁶³ and scale ≤ 10¹⁸, so the product stays below 2¹²⁷ */
  if (!shore_money_wide_div_round (num * scale, den, &rounded))
    g_assert_not_reached ();

  return decimal_string (rounded < 0,
                         rounded < 0 ? 0 - (UWide) rounded : (UWide) rounded,
                         decimals, decimals);
}

/**
 * shore_rate_format:
 * @rate: a rate
 *
 * The rate as people read it, in the quoted period, translated: “0.05% a
 * day”, “1.50% a month”, “18.00% a year”. The number has at least two
 * decimals and no trailing zeros beyond them.
 *
 * Returns: (transfer full): a newly allocated string
 */
char *
shore_rate_format (const ShoreRate *rate)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (is_valid_rate (rate), NULL);

  number = value_string (rate->value, 2);

  switch (rate->period)
    {
    case SHORE_RATE_DAILY:
      /* Translators: a daily interest rate; %s is a number such as 0.05, %% a percent sign */
      return g_strdup_printf (_("%s%% a day"), number);
    case SHORE_RATE_MONTHLY:
      /* Translators: a monthly interest rate; %s is a number such as 1.50, %% a percent sign */
      return g_strdup_printf (_("%s%% a month"), number);
    case SHORE_RATE_ANNUAL:
      /* Translators: an annual interest rate; %s is a number such as 18.00, %% a percent sign */
      return g_strdup_printf (_("%s%% a year"), number);
    default:
      g_assert_not_reached ();
    }
}

/**
 * shore_rate_compare:
 * @a: a rate
 * @b: another rate
 *
 * Compares two rates exactly once annualized, so daily 0.05 %, monthly
 * 1.5 % and annual 18 % are equal.
 *
 * Returns: a negative number if @a is lower, 0 if equal, positive if higher
 */
int
shore_rate_compare (const ShoreRate *a,
                    const ShoreRate *b)
{
  ShoreMoneyWide annual_a;
  ShoreMoneyWide annual_b;

  g_return_val_if_fail (a != NULL && is_period (a->period), 0);
  g_return_val_if_fail (b != NULL && is_period (b->period), 0);

  annual_a = (ShoreMoneyWide) a->value * (360 / days_in (a->period));
  annual_b = (ShoreMoneyWide) b->value * (360 / days_in (b->period));

  return (annual_a > annual_b) - (annual_a < annual_b);
}

/**
 * shore_rate_annual_from_hundredths:
 * @hundredths_of_percent: the annual rate in hundredths of a percent
 *
 * Makes an annual rate: 1540 is 15.40 % a year.
 *
 * Returns: the rate
 */
ShoreRate
shore_rate_annual_from_hundredths (gint64 hundredths_of_percent)
{
  const gint64 unit = PERCENT_UNIT / 100;
  ShoreRate rate = { SHORE_RATE_ANNUAL, 0 };

  g_return_val_if_fail (hundredths_of_percent >= -SHORE_RATE_VALUE_MAX / unit, rate);
  g_return_val_if_fail (hundredths_of_percent <= SHORE_RATE_VALUE_MAX / unit, rate);

  rate.value = hundredths_of_percent * unit;
  return rate;
}

/**
 * shore_rate_period_to_string:
 * @period: a period
 *
 * Returns: the stable machine name of @period: “daily”, “monthly” or
 *   “annual”
 */
const char *
shore_rate_period_to_string (ShoreRatePeriod period)
{
  switch (period)
    {
    case SHORE_RATE_DAILY:
      return "daily";
    case SHORE_RATE_MONTHLY:
      return "monthly";
    case SHORE_RATE_ANNUAL:
      return "annual";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * shore_rate_period_from_string:
 * @text: a machine name from shore_rate_period_to_string()
 * @out: (out) (optional): where to store the period
 *
 * Reads a stored period name back. Only the exact lowercase names are
 * accepted; this is for storage, not for people.
 *
 * Returns: %TRUE if @text was a period name
 */
gboolean
shore_rate_period_from_string (const char      *text,
                               ShoreRatePeriod *out)
{
  static const ShoreRatePeriod periods[] = {
    SHORE_RATE_DAILY, SHORE_RATE_MONTHLY, SHORE_RATE_ANNUAL,
  };
  gsize i;

  g_return_val_if_fail (text != NULL, FALSE);

  for (i = 0; i < G_N_ELEMENTS (periods); i++)
    if (strcmp (text, shore_rate_period_to_string (periods[i])) == 0)
      {
        if (out != NULL)
          *out = periods[i];
        return TRUE;
      }

  return FALSE;
}
