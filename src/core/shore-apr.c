/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-apr"

#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include <glib.h>
#include "shore-intl.h"

#include "shore-apr.h"
#include "shore-loan-private.h"
#include "shore-money.h"

/* The monthly IRR is looked for in this open interval */
#define IRR_LOW        (-0.99)
#define IRR_HIGH       10.0
#define IRR_MAX_STEPS  400

/* Extra digits printed before rounding a percentage by hand: they absorb
 * binary noise (12.805 is stored as 12.80499999…) without changing any
 * honest digit. */
#define FORMAT_GUARD_DIGITS 6

G_DEFINE_QUARK (shore-apr-error-quark, shore_apr_error)

/* f (i) = received − Σ payments[k] / (1+i)^(k+1), and f′(i); f rises with i */
static void
npv (double        received,
     const gint64 *payments,
     guint         n,
     double        i,
     double       *f,
     double       *df)
{
  double v = 1.0 / (1.0 + i);
  double discount = v;
  double sum = 0.0;
  double slope = 0.0;
  guint k;

  for (k = 0; k < n; k++)
    {
      /* A zero payment is skipped, not multiplied: discount may be infinite */
      if (payments[k] == 0)
        {
          discount *= v;
          continue;
        }
      sum += (double) payments[k] * discount;
      slope += (double) payments[k] * (double) (k + 1) * discount * v;
      discount *= v;
    }

  *f = received - sum;
  *df = slope;
}

static double
first_guess (double        received,
             const gint64 *payments,
             guint         n)
{
  double total = 0.0;
  double weighted = 0.0;
  guint k;

  for (k = 0; k < n; k++)
    {
      total += (double) payments[k];
      weighted += (double) payments[k] * (double) (k + 1);
    }

  /* Simple interest over the payments' mean time */
  return (total - received) / received / (weighted / total);
}

/**
 * shore_apr_irr:
 * @received: what the borrower gets at month 0, in fen, > 0
 * @payments: (array length=n_payments): what the borrower pays at months
 *   1 … @n_payments, in fen, each ≥ 0, not all 0
 * @n_payments: how many months
 * @monthly_irr: (out): where to store the monthly internal rate of return
 * @error: return location for a #ShoreAprError
 *
 * The monthly rate i at which the payments, discounted, are worth what was
 * received: Σ payments[k] / (1+i)^(k+1) = @received. The net present
 * value rises with i, so there is at most one answer; it is bracketed in
 * (−99 %, 1000 %) a month and found by Newton's method, falling back to
 * bisection whenever a Newton step would leave the bracket, until the
 * rate stops moving in double precision.
 *
 * Returns: %TRUE with @monthly_irr set; %SHORE_APR_ERROR_INVALID for bad
 *   cash flows, %SHORE_APR_ERROR_NO_SOLUTION when the rate lies outside
 *   the bracket
 */
gboolean
shore_apr_irr (gint64         received,
               const gint64  *payments,
               guint          n_payments,
               double        *monthly_irr,
               GError       **error)
{
  double lo = IRR_LOW;
  double hi = IRR_HIGH;
  double f_lo;
  double f_hi;
  double f;
  double df;
  double x;
  gboolean any = FALSE;
  guint k;
  int step;

  g_return_val_if_fail (payments != NULL || n_payments == 0, FALSE);
  g_return_val_if_fail (monthly_irr != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (k = 0; k < n_payments; k++)
    {
      if (payments[k] < 0)
        {
          g_set_error (error, SHORE_APR_ERROR, SHORE_APR_ERROR_INVALID,
                       _("A payment is negative; payments must be zero or more"));
          return FALSE;
        }
      any = any || payments[k] > 0;
    }
  if (!any || received <= 0)
    {
      g_set_error (error, SHORE_APR_ERROR, SHORE_APR_ERROR_INVALID,
                   _("There is nothing to compute: the money received and at least one payment must be more than zero"));
      return FALSE;
    }

  npv ((double) received, payments, n_payments, lo, &f_lo, &df);
  npv ((double) received, payments, n_payments, hi, &f_hi, &df);
  if (f_lo >= 0 || f_hi <= 0)
    {
      g_set_error (error, SHORE_APR_ERROR, SHORE_APR_ERROR_NO_SOLUTION,
                   /* Translators: %% is a percent sign */
                   _("The true rate is beyond what can be computed: below −99%% or above 1000%% a month"));
      return FALSE;
    }

  x = CLAMP (first_guess ((double) received, payments, n_payments), 0.5 * lo, 0.5 * hi);

  for (step = 0; step < IRR_MAX_STEPS; step++)
    {
      double next;

      npv ((double) received, payments, n_payments, x, &f, &df);
      if (f == 0)
        break;
      if (f < 0)
        lo = x;
      else
        hi = x;

      next = x - f / df;
      if (!isfinite (next) || next <= lo || next >= hi)
        next = lo + (hi - lo) / 2;

      if (fabs (next - x) <= 4 * DBL_EPSILON * fmax (1.0, fabs (x)) || next == lo || next == hi)
        {
          x = next;
          break;
        }
      x = next;
    }

  if (step == IRR_MAX_STEPS)
    {
      g_set_error (error, SHORE_APR_ERROR, SHORE_APR_ERROR_NO_SOLUTION,
                   _("The true rate could not be computed for these payments"));
      return FALSE;
    }

  *monthly_irr = x;
  return TRUE;
}

static void
fill_rates (ShoreTrueCost *cost,
            double         i)
{
  cost->monthly_irr = i;
  cost->apr_simple = 12.0 * i;
  cost->apr_compound = expm1 (12.0 * log1p (i));
}

/**
 * shore_apr_for_loan:
 * @loan: a loan
 * @out: (out caller-allocates): where to store the true cost
 * @error: return location for a #ShoreLoanError or #ShoreAprError
 *
 * The true cost of @loan: the borrower receives the principal minus the
 * upfront fee at month 0 and pays the installments of its computed
 * schedule (shore_schedule_compute(), fees of a 月费率 loan included) at
 * months 1 … n; a bullet loan pays nothing before month n.
 *
 * Returns: %TRUE on success; on failure @out is left untouched
 */
gboolean
shore_apr_for_loan (const ShoreLoan  *loan,
                    ShoreTrueCost    *out,
                    GError          **error)
{
  g_autoptr(ShoreSchedule) schedule = NULL;
  g_autofree gint64 *payments = NULL;
  ShoreTrueCost cost;
  double i;
  guint k;

  g_return_val_if_fail (loan != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  schedule = shore_schedule_compute (loan, error);
  if (schedule == NULL)
    return FALSE;

  payments = g_new0 (gint64, loan->term_months);
  for (k = 0; k < schedule->installments->len; k++)
    {
      const ShoreInstallment *row = &g_array_index (schedule->installments, ShoreInstallment, k);

      g_assert (row->period >= 1 && row->period <= loan->term_months);
      payments[row->period - 1] += row->payment;
    }

  memset (&cost, 0, sizeof cost);
  cost.received = loan->principal - loan->upfront_fee;
  cost.total_repaid = schedule->total_payment;
  cost.total_cost = cost.total_repaid - cost.received;   /* both fit and are ≥ 0 */

  if (!shore_apr_irr (cost.received, payments, (guint) loan->term_months, &i, error))
    return FALSE;

  fill_rates (&cost, i);
  *out = cost;
  return TRUE;
}

/**
 * shore_apr_for_payment:
 * @principal: the amount borrowed, in fen, > 0
 * @term_months: how many monthly payments, 1 … %SHORE_LOAN_TERM_MAX
 * @payment: the monthly payment, in fen, > 0
 * @upfront_fee: deducted when the money is paid out, in fen, 0 ≤ fee < @principal
 * @out: (out caller-allocates): where to store the true cost
 * @error: return location for a #ShoreLoanError or #ShoreAprError
 *
 * The true cost of “pay @payment a month for @term_months months”, as an
 * offer often puts it. The payments must add up to at least what is
 * received.
 *
 * Returns: %TRUE on success; on failure @out is left untouched
 */
gboolean
shore_apr_for_payment (gint64          principal,
                       int             term_months,
                       gint64          payment,
                       gint64          upfront_fee,
                       ShoreTrueCost  *out,
                       GError        **error)
{
  g_autofree gint64 *payments = NULL;
  ShoreTrueCost cost;
  double i;
  int k;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (principal <= 0)
    {
      g_set_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID,
                   _("The principal must be more than zero"));
      return FALSE;
    }
  if (term_months < 1 || term_months > SHORE_LOAN_TERM_MAX)
    {
      g_set_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID,
                   /* Translators: %d is the longest term in months, 600 */
                   _("The term must be between 1 and %d months"),
                   SHORE_LOAN_TERM_MAX);
      return FALSE;
    }
  if (payment <= 0)
    {
      g_set_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID,
                   _("The monthly payment must be more than zero"));
      return FALSE;
    }
  if (upfront_fee < 0 || upfront_fee >= principal)
    {
      g_set_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID,
                   _("The upfront fee must be zero or more and less than the principal"));
      return FALSE;
    }

  memset (&cost, 0, sizeof cost);
  cost.received = principal - upfront_fee;
  if (!shore_money_mul_div (payment, term_months, 1, &cost.total_repaid))
    {
      shore_loan_set_overflow_error (error);
      return FALSE;
    }
  if (cost.total_repaid < cost.received)
    {
      g_set_error (error, SHORE_APR_ERROR, SHORE_APR_ERROR_INVALID,
                   _("The payments add up to less than the money received; check the payment and the term"));
      return FALSE;
    }
  cost.total_cost = cost.total_repaid - cost.received;

  payments = g_new (gint64, term_months);
  for (k = 0; k < term_months; k++)
    payments[k] = payment;

  if (!shore_apr_irr (cost.received, payments, (guint) term_months, &i, error))
    return FALSE;

  fill_rates (&cost, i);
  *out = cost;
  return TRUE;
}

/* Adds one to the decimal number in @digits (only digits and one '.') */
static void
increment_digits (GString *digits)
{
  gssize i;

  for (i = (gssize) digits->len - 1; i >= 0; i--)
    {
      if (digits->str[i] == '.')
        continue;
      if (digits->str[i] != '9')
        {
          digits->str[i]++;
          return;
        }
      digits->str[i] = '0';
    }
  g_string_prepend_c (digits, '1');
}

/**
 * shore_apr_format_percent:
 * @fraction: a rate as a fraction: 0.128 is 12.8 %
 * @decimals: how many decimals of a percent to show, at most 10
 *
 * The rate as a percentage with exactly @decimals decimals, no percent
 * sign, rounded half away from zero on the decimal digits: 0.128 →
 * “12.80”, 0.128049999 → “12.80”, 0.12805 → “12.81”. Always a dot and
 * ASCII digits, whatever the locale; “-” for negative rates that do not
 * round to zero.
 *
 * Returns: (transfer full): a newly allocated string
 */
char *
shore_apr_format_percent (double fraction,
                          guint  decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 64];
  char format[16];
  g_autoptr(GString) digits = NULL;
  gboolean negative;
  const char *dot;
  gsize keep;
  gsize i;

  g_return_val_if_fail (isfinite (fraction) && fabs (fraction) < 1e12, g_strdup ("0"));
  g_return_val_if_fail (decimals <= 10, g_strdup ("0"));

  negative = fraction < 0;
  g_snprintf (format, sizeof format, "%%.%uf", decimals + FORMAT_GUARD_DIGITS);
  g_ascii_formatd (buffer, sizeof buffer, format, fabs (fraction) * 100.0);

  dot = strchr (buffer, '.');
  g_assert (dot != NULL);
  keep = (gsize) (dot - buffer) + (decimals > 0 ? 1 + decimals : 0);
  digits = g_string_new_len (buffer, (gssize) keep);
  if (dot[1 + decimals] >= '5')
    increment_digits (digits);

  for (i = 0; i < digits->len; i++)
    if (digits->str[i] != '0' && digits->str[i] != '.')
      break;
  if (negative && i < digits->len)
    g_string_prepend_c (digits, '-');

  return g_string_free (g_steal_pointer (&digits), FALSE);
}
