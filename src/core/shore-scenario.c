/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Three ways out of an overdue loan, side by side (the Simulator page):
 *
 * - pay now: everything overdue today at once, then the installments not yet
 *   due as scheduled;
 * - keep waiting: nothing paid until the horizon; what is owed then (the
 *   overdue total on that day plus the installments still not due);
 * - negotiate: a new plan over N months on the principal still owed
 *   (overdue principal + principal not yet due) minus a settlement discount,
 *   either interest-free (停息挂账) or at the loan's monthly rate on the
 *   declining balance (equal installments), plus a one-off fee spread over
 *   the months. The overdue interest and charges are assumed waived: that is
 *   what such an agreement asks for, and the comparison shows its worth.
 *
 * Pure: structs in, structs out, integer fen.
 */

#define G_LOG_DOMAIN "shore-scenario"

#include "config.h"

#include <string.h>

#include <glib.h>
#include "shore-intl.h"

#include "shore-money.h"
#include "shore-schedule.h"
#include "shore-scenario.h"

#define BP_ONE 10000

G_DEFINE_QUARK (shore-scenario-error-quark, shore_scenario_error)

static gboolean
set_overflow (GError **error)
{
  g_set_error_literal (error, SHORE_SCENARIO_ERROR, SHORE_SCENARIO_ERROR_OVERFLOW,
                       _("The amounts are too large to compute"));
  return FALSE;
}

/* The installments not yet overdue on the result's date: their count, the
 * sum of their payments and of their principal, the first and last payment. */
typedef struct
{
  int    count;
  gint64 payments;
  gint64 principal;
  gint64 first;
  gint64 last;
} Rest;

static gboolean
sum_rest (const ShoreSchedule      *schedule,
          int                       missed_from,
          const ShoreOverdueResult *result,
          Rest                     *rest,
          GError                  **error)
{
  guint from = (guint) (missed_from - 1 + result->overdue_installments);

  memset (rest, 0, sizeof *rest);
  for (guint i = from; i < schedule->installments->len; i++)
    {
      const ShoreInstallment *inst = &g_array_index (schedule->installments, ShoreInstallment, i);

      if (!shore_money_add (rest->payments, inst->payment, &rest->payments)
          || !shore_money_add (rest->principal, inst->principal, &rest->principal))
        return set_overflow (error);
      if (rest->count == 0)
        rest->first = inst->payment;
      rest->last = inst->payment;
      rest->count++;
    }

  return TRUE;
}

/* Computes the overdue result and the rest on @as_of. */
static gboolean
situation (const ShoreLoan     *loan,
           int                  missed_from,
           const GDate         *as_of,
           ShoreOverdueResult **out_result,
           Rest                *rest,
           GError             **error)
{
  ShoreOverdueOptions options = { 0 };
  g_autoptr(ShoreOverdueResult) result = NULL;
  g_autoptr(ShoreSchedule) schedule = NULL;

  options.missed_from = missed_from;
  options.as_of = *as_of;
  if (!shore_overdue_compute (loan, &options, &result, error))
    return FALSE;
  schedule = shore_schedule_compute (loan, error);
  if (schedule == NULL)
    return FALSE;
  if (!sum_rest (schedule, missed_from, result, rest, error))
    return FALSE;

  *out_result = g_steal_pointer (&result);
  return TRUE;
}

static void
set_status (ShoreScenario            *out,
            const ShoreOverdueResult *result)
{
  memcpy (out->credit_status, result->credit_status, sizeof out->credit_status);
  out->worst_status = shore_scenario_worst_status (out->credit_status);
}

/**
 * shore_scenario_pay_now:
 * @loan: the loan
 * @missed_from: K, the first unpaid installment (1-based)
 * @today: the day of payment
 * @out: (out caller-allocates): the outcome
 * @error: return location for a #GError
 *
 * Pays the overdue total on @today, then the installments not yet due as
 * scheduled. @out->monthly is the next of them, @out->last_payment the last.
 *
 * Returns: %TRUE on success
 */
gboolean
shore_scenario_pay_now (const ShoreLoan *loan,
                        int              missed_from,
                        const GDate     *today,
                        ShoreScenario   *out,
                        GError         **error)
{
  g_autoptr(ShoreOverdueResult) result = NULL;
  Rest rest;

  g_return_val_if_fail (loan != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!situation (loan, missed_from, today, &result, &rest, error))
    return FALSE;

  memset (out, 0, sizeof *out);
  out->now = result->total_overdue;
  if (!shore_money_add (result->total_overdue, rest.payments, &out->total))
    return set_overflow (error);
  out->monthly = rest.first;
  out->last_payment = rest.last;
  out->months = rest.count;
  set_status (out, result);

  return TRUE;
}

/**
 * shore_scenario_keep_waiting:
 * @loan: the loan
 * @missed_from: K, the first unpaid installment (1-based)
 * @today: the first day of waiting
 * @horizon_days: how long nothing is paid, ≥ 0
 * @out: (out caller-allocates): the outcome
 * @error: return location for a #GError
 *
 * What is owed @horizon_days after @today when nothing is paid: the overdue
 * total on that day plus the installments still not due then.
 *
 * Returns: %TRUE on success
 */
gboolean
shore_scenario_keep_waiting (const ShoreLoan *loan,
                             int              missed_from,
                             const GDate     *today,
                             int              horizon_days,
                             ShoreScenario   *out,
                             GError         **error)
{
  g_autoptr(ShoreOverdueResult) result = NULL;
  GDate until;
  Rest rest;

  g_return_val_if_fail (loan != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (horizon_days < 0 || horizon_days > SHORE_OVERDUE_SERIES_MAX_DAYS)
    {
      g_set_error (error, SHORE_SCENARIO_ERROR, SHORE_SCENARIO_ERROR_INVALID,
                   /* Translators: %d is the longest number of days allowed */
                   _("Choose a horizon of 0 to %d days"), SHORE_OVERDUE_SERIES_MAX_DAYS);
      return FALSE;
    }

  until = *today;
  g_date_add_days (&until, (guint) horizon_days);
  if (!situation (loan, missed_from, &until, &result, &rest, error))
    return FALSE;

  memset (out, 0, sizeof *out);
  if (!shore_money_add (result->total_overdue, rest.payments, &out->total))
    return set_overflow (error);
  set_status (out, result);

  return TRUE;
}

static gboolean
validate_terms (const ShoreNegotiation *terms,
                GError                **error)
{
  if (terms->term_months < 1 || terms->term_months > SHORE_LOAN_TERM_MAX)
    {
      g_set_error (error, SHORE_SCENARIO_ERROR, SHORE_SCENARIO_ERROR_INVALID,
                   /* Translators: %d is the longest term in months */
                   _("The new term must be 1 to %d months"), SHORE_LOAN_TERM_MAX);
      return FALSE;
    }
  if (terms->discount_bp < 0 || terms->discount_bp > BP_ONE)
    {
      g_set_error_literal (error, SHORE_SCENARIO_ERROR, SHORE_SCENARIO_ERROR_INVALID,
                           _("The discount must be between 0 and 100 percent"));
      return FALSE;
    }
  if (terms->fee < 0)
    {
      g_set_error_literal (error, SHORE_SCENARIO_ERROR, SHORE_SCENARIO_ERROR_INVALID,
                           _("The fee cannot be negative"));
      return FALSE;
    }

  return TRUE;
}

/* The new plan at the loan's rate: equal installments on @principal. */
static gboolean
plan_with_interest (const ShoreLoan *loan,
                    gint64           principal,
                    int              months,
                    const GDate     *today,
                    gint64          *out_total,
                    gint64          *out_first,
                    gint64          *out_last,
                    GError         **error)
{
  g_autoptr(ShoreLoan) plan = shore_loan_new ();
  g_autoptr(ShoreSchedule) schedule = NULL;
  guint n;

  g_free (plan->lender);
  plan->lender = g_strdup (loan->lender != NULL && loan->lender[0] != '\0' ? loan->lender : "-");
  plan->lender_type = loan->lender_type;
  plan->principal = principal;
  plan->rate = loan->rate;
  plan->term_months = months;
  plan->method = SHORE_METHOD_EQUAL_INSTALLMENT;
  plan->start_date = *today;

  schedule = shore_schedule_compute (plan, error);
  if (schedule == NULL)
    return FALSE;

  n = schedule->installments->len;
  g_assert (n > 0);
  *out_total = schedule->total_payment;
  *out_first = g_array_index (schedule->installments, ShoreInstallment, 0).payment;
  *out_last = g_array_index (schedule->installments, ShoreInstallment, n - 1).payment;
  return TRUE;
}

/**
 * shore_scenario_negotiate:
 * @loan: the loan
 * @missed_from: K, the first unpaid installment (1-based)
 * @today: the day the plan is agreed; its first payment is a month later
 * @terms: what is agreed
 * @out: (out caller-allocates): the outcome
 * @error: return location for a #GError
 *
 * A restructured plan on the principal still owed today (@out->base) minus
 * the discount (@terms->discount_bp of it, rounded half away from zero).
 * Interest-free, the rest is split evenly over the months; otherwise it is
 * repaid in equal installments at the loan's monthly rate. The fee is split
 * evenly and added to each month; the last month takes both remainders.
 * The overdue interest and charges are waived. The credit line is today's:
 * what is already on record.
 *
 * Returns: %TRUE on success
 */
gboolean
shore_scenario_negotiate (const ShoreLoan        *loan,
                          int                     missed_from,
                          const GDate            *today,
                          const ShoreNegotiation *terms,
                          ShoreScenario          *out,
                          GError                **error)
{
  g_autoptr(ShoreOverdueResult) result = NULL;
  gint64 principal, total, first, last, fee_monthly, fee_last;
  Rest rest;

  g_return_val_if_fail (loan != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);
  g_return_val_if_fail (terms != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_terms (terms, error))
    return FALSE;
  if (!situation (loan, missed_from, today, &result, &rest, error))
    return FALSE;

  memset (out, 0, sizeof *out);
  if (!shore_money_add (result->overdue_principal, rest.principal, &out->base)
      || !shore_money_mul_div (out->base, terms->discount_bp, BP_ONE, &out->discount))
    return set_overflow (error);
  principal = out->base - out->discount;

  if (terms->interest_stops || principal == 0)
    {
      total = principal;
      shore_scenario_split (principal, terms->term_months, &first, &last);
    }
  else if (!plan_with_interest (loan, principal, terms->term_months, today,
                                &total, &first, &last, error))
    return FALSE;

  shore_scenario_split (terms->fee, terms->term_months, &fee_monthly, &fee_last);
  if (!shore_money_add (total, terms->fee, &out->total)
      || !shore_money_add (first, fee_monthly, &out->monthly)
      || !shore_money_add (last, fee_last, &out->last_payment))
    return set_overflow (error);
  if (terms->term_months == 1)
    out->monthly = out->last_payment;
  out->months = terms->term_months;
  set_status (out, result);

  return TRUE;
}

/* Checks the series arguments and fills the days before @options->as_of
 * with the overdue total of each day (nothing is paid before then). Sets
 * @out_today to the index of the first day on or after @options->as_of
 * (@n_days when there is none). */
static gboolean
series_before_today (const ShoreLoan           *loan,
                     const ShoreOverdueOptions *options,
                     const GDate               *from,
                     int                        n_days,
                     gint64                    *out,
                     int                       *out_today,
                     GError                   **error)
{
  g_autoptr(ShoreOverdueSeries) series = NULL;
  int before;

  if (n_days < 1 || n_days > SHORE_OVERDUE_SERIES_MAX_DAYS)
    {
      g_set_error (error, SHORE_SCENARIO_ERROR, SHORE_SCENARIO_ERROR_INVALID,
                   /* Translators: %d is the longest number of days allowed */
                   _("Choose a horizon of 0 to %d days"), SHORE_OVERDUE_SERIES_MAX_DAYS);
      return FALSE;
    }

  before = CLAMP (g_date_days_between (from, &options->as_of), 0, n_days);
  if (before > 0)
    {
      if (!shore_overdue_series (loan, options, from, before, &series, error))
        return FALSE;
      memcpy (out, series->total, sizeof (gint64) * (gsize) before);
    }

  *out_today = before;
  return TRUE;
}

/**
 * shore_scenario_pay_now_series:
 * @loan: the loan
 * @options: K (the first unpaid installment) and today, the day of payment
 * @from: the first day of the series
 * @n_days: its length, 1 … %SHORE_OVERDUE_SERIES_MAX_DAYS
 * @out: (array length=n_days) (out caller-allocates): what is still owed
 *   each day, fen
 * @error: return location for a #GError
 *
 * What is owed day by day under shore_scenario_pay_now(). Before today
 * nothing is paid: each day holds that day's overdue total. From today on,
 * the overdue total is paid, and a day holds the payments (principal plus
 * interest) of the installments not yet due today whose due date is after
 * that day: today it is the scenario's @total − @now, it steps down on each
 * due date and is 0 from the last one on.
 *
 * Returns: %TRUE on success
 */
gboolean
shore_scenario_pay_now_series (const ShoreLoan           *loan,
                               const ShoreOverdueOptions *options,
                               const GDate               *from,
                               int                        n_days,
                               gint64                    *out,
                               GError                   **error)
{
  g_autoptr(ShoreOverdueResult) result = NULL;
  g_autoptr(ShoreSchedule) schedule = NULL;
  guint first;
  int today;

  g_return_val_if_fail (loan != NULL, FALSE);
  g_return_val_if_fail (options != NULL && g_date_valid (&options->as_of), FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!series_before_today (loan, options, from, n_days, out, &today, error))
    return FALSE;
  if (today == n_days)
    return TRUE;

  if (!shore_overdue_compute (loan, options, &result, error))
    return FALSE;
  schedule = shore_schedule_compute (loan, error);
  if (schedule == NULL)
    return FALSE;

  first = (guint) MAX (options->missed_from - 1 + result->overdue_installments, 0);
  for (int d = today; d < n_days; d++)
    {
      GDate day = *from;
      gint64 owed = 0;

      g_date_add_days (&day, (guint) d);
      for (guint i = first; i < schedule->installments->len; i++)
        {
          const ShoreInstallment *inst = &g_array_index (schedule->installments, ShoreInstallment, i);

          if (g_date_compare (&inst->due_date, &day) > 0
              && !shore_money_add (owed, inst->payment, &owed))
            return set_overflow (error);
        }
      out[d] = owed;
    }

  return TRUE;
}

/**
 * shore_scenario_negotiate_series:
 * @loan: the loan
 * @options: K (the first unpaid installment) and today, the day the plan is
 *   agreed
 * @from: the first day of the series
 * @n_days: its length, 1 … %SHORE_OVERDUE_SERIES_MAX_DAYS
 * @terms: what is agreed
 * @out: (array length=n_days) (out caller-allocates): what is still owed
 *   each day, fen
 * @error: return location for a #GError
 *
 * What is owed day by day under shore_scenario_negotiate(). Before today
 * each day holds that day's overdue total. From today on it is the plan's
 * @total less the monthly payments made by that day (due on the
 * shore_schedule_due_date() of today, month 1 … @term_months): it steps down
 * by @monthly each month and is 0 from the last payment on.
 *
 * Returns: %TRUE on success
 */
gboolean
shore_scenario_negotiate_series (const ShoreLoan           *loan,
                                 const ShoreOverdueOptions *options,
                                 const GDate               *from,
                                 int                        n_days,
                                 const ShoreNegotiation    *terms,
                                 gint64                    *out,
                                 GError                   **error)
{
  ShoreScenario deal;
  int today, month = 0;
  GDate next;

  g_return_val_if_fail (loan != NULL, FALSE);
  g_return_val_if_fail (options != NULL && g_date_valid (&options->as_of), FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (terms != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!series_before_today (loan, options, from, n_days, out, &today, error))
    return FALSE;
  if (today == n_days)
    return TRUE;
  if (!shore_scenario_negotiate (loan, options->missed_from, &options->as_of, terms, &deal, error))
    return FALSE;

  shore_schedule_due_date (&options->as_of, 1, &next);
  for (int d = today; d < n_days; d++)
    {
      GDate day = *from;

      g_date_add_days (&day, (guint) d);
      while (month < deal.months && g_date_compare (&next, &day) <= 0)
        {
          month++;
          shore_schedule_due_date (&options->as_of, month + 1, &next);
        }
      out[d] = month >= deal.months ? 0 : deal.total - (gint64) month * deal.monthly;
    }

  return TRUE;
}

/**
 * shore_scenario_split:
 * @total: an amount, fen, ≥ 0
 * @months: the number of payments, ≥ 1
 * @out_monthly: (out): each payment but the last: @total / @months, rounded down
 * @out_last: (out): the last payment, with the remainder
 *
 * Splits an amount into equal monthly payments; they add up to @total.
 */
void
shore_scenario_split (gint64  total,
                      int     months,
                      gint64 *out_monthly,
                      gint64 *out_last)
{
  g_return_if_fail (total >= 0);
  g_return_if_fail (months >= 1);
  g_return_if_fail (out_monthly != NULL && out_last != NULL);

  *out_monthly = total / months;
  *out_last = *out_monthly + total % months;
}

/**
 * shore_scenario_worst_status:
 * @credit_status: a credit report line ('*', 'N', '1' … '7')
 *
 * Returns: the worst mark of the line: '1' … '7', or 'N' when there is none
 */
char
shore_scenario_worst_status (const char *credit_status)
{
  char worst = 'N';

  g_return_val_if_fail (credit_status != NULL, 'N');

  for (const char *c = credit_status; *c != '\0'; c++)
    {
      if (*c >= '1' && *c <= '7' && (worst == 'N' || *c > worst))
        worst = *c;
    }

  return worst;
}

/**
 * shore_scenario_describe_pay_now:
 * @now: the “pay now” scenario
 *
 * Returns: (transfer full): what is paid today and what follows, in the
 *   thread's language
 */
char *
shore_scenario_describe_pay_now (const ShoreScenario *now)
{
  g_autofree char *today_money = shore_money_format (now->now);

  if (now->months > 0)
    /* Translators: %s is an amount paid today, %d the number of installments left */
    return g_strdup_printf (shore_ngettext ("%s today, then %d payment as scheduled",
                                            "%s today, then %d payments as scheduled", now->months),
                            today_money, now->months);
  /* Translators: %s is an amount paid today */
  return g_strdup_printf (_("%s today, then nothing more"), today_money);
}

/**
 * shore_scenario_describe_monthly:
 * @scenario: a scenario with monthly payments, such as “negotiate”
 *
 * Returns: (transfer full): the monthly payment and the number of months,
 *   in the thread's language
 */
char *
shore_scenario_describe_monthly (const ShoreScenario *scenario)
{
  g_autofree char *monthly = shore_money_format (scenario->monthly);

  /* Translators: %s is a monthly amount, %d a number of months */
  return g_strdup_printf (shore_ngettext ("%s a month for %d month", "%s a month for %d months", scenario->months),
                          monthly, scenario->months);
}
