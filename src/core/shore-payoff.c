/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-payoff"

#include "config.h"

#include <string.h>

#include <glib.h>
#include "shore-intl.h"

#include "shore-apr.h"
#include "shore-money.h"
#include "shore-payoff.h"

G_DEFINE_QUARK (shore-payoff-error-quark, shore_payoff_error)

static const struct {
  const char *id;
  const char *label;
} strategies[SHORE_PAYOFF_N_STRATEGIES] = {
  { "avalanche", NC_("payoff strategy", "Avalanche (highest real rate first)") },
  { "snowball", NC_("payoff strategy", "Snowball (smallest balance first)") },
  { "overdue-first", NC_("payoff strategy", "Overdue first (then highest real rate)") },
};

const char *
shore_payoff_strategy_to_string (ShorePayoffStrategy strategy)
{
  g_return_val_if_fail ((guint) strategy < SHORE_PAYOFF_N_STRATEGIES, NULL);

  return strategies[strategy].id;
}

gboolean
shore_payoff_strategy_from_string (const char          *text,
                                   ShorePayoffStrategy *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; text != NULL && i < SHORE_PAYOFF_N_STRATEGIES; i++)
    {
      if (strcmp (text, strategies[i].id) == 0)
        {
          *out = (ShorePayoffStrategy) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
shore_payoff_strategy_get_label (ShorePayoffStrategy strategy)
{
  g_return_val_if_fail ((guint) strategy < SHORE_PAYOFF_N_STRATEGIES, NULL);

  return shore_pgettext2 ("payoff strategy", strategies[strategy].label);
}

/* Ordering */

typedef struct
{
  const ShorePayoffDebt *debts;
  ShorePayoffStrategy    strategy;
} OrderContext;

static int
compare_rate (const ShorePayoffDebt *a,
              const ShorePayoffDebt *b)
{
  if (a->real_rate != b->real_rate)
    return a->real_rate > b->real_rate ? -1 : 1;
  /* Equal real rates: the one charging more interest now, then the smaller */
  return shore_rate_compare (&b->rate, &a->rate);
}

static int
compare_balance (const ShorePayoffDebt *a,
                 const ShorePayoffDebt *b)
{
  return (a->balance > b->balance) - (a->balance < b->balance);
}

static int
compare_debts (gconstpointer pa,
               gconstpointer pb,
               gpointer      user_data)
{
  const OrderContext *ctx = user_data;
  guint ia = *(const guint *) pa;
  guint ib = *(const guint *) pb;
  const ShorePayoffDebt *a = &ctx->debts[ia];
  const ShorePayoffDebt *b = &ctx->debts[ib];
  int c = 0;

  switch (ctx->strategy)
    {
    case SHORE_PAYOFF_OVERDUE_FIRST:
      c = b->days_overdue - a->days_overdue;
      if (c == 0)
        c = (b->overdue > 0) - (a->overdue > 0);
      if (c == 0)
        c = compare_rate (a, b);
      break;

    case SHORE_PAYOFF_AVALANCHE:
      c = compare_rate (a, b);
      break;

    case SHORE_PAYOFF_SNOWBALL:
      c = compare_balance (a, b);
      if (c == 0)
        c = compare_rate (a, b);
      break;

    default:
      g_assert_not_reached ();
    }

  if (c == 0)
    c = (ia > ib) - (ia < ib);
  return c;
}

/* Plan */

void
shore_payoff_plan_free (ShorePayoffPlan *plan)
{
  if (plan == NULL)
    return;

  g_clear_pointer (&plan->dates, g_array_unref);
  g_clear_pointer (&plan->payments, g_array_unref);
  g_clear_pointer (&plan->interest, g_array_unref);
  g_clear_pointer (&plan->balances, g_array_unref);
  g_free (plan->paid_off_month);
  g_free (plan);
}

static gboolean
check_debts (const ShorePayoffDebt  *debts,
             guint                   n_debts,
             gint64                  budget,
             GError                **error)
{
  if (budget < 0)
    {
      g_set_error_literal (error, SHORE_PAYOFF_ERROR, SHORE_PAYOFF_ERROR_INVALID,
                           _("The monthly amount cannot be negative"));
      return FALSE;
    }

  for (guint i = 0; i < n_debts; i++)
    {
      const ShorePayoffDebt *d = &debts[i];
      gint64 probe = 0;

      if (d->balance < 0 || d->monthly_fee < 0 || d->minimum < 0 || d->overdue < 0 ||
          d->days_overdue < 0 || d->rate.value < 0 ||
          !shore_rate_apply (&d->rate, SHORE_RATE_MONTHLY, d->balance, 1, &probe))
        {
          g_set_error (error, SHORE_PAYOFF_ERROR, SHORE_PAYOFF_ERROR_INVALID,
                       /* Translators: %u is the position of a debt in the list, from 1 */
                       _("Debt %u has a negative amount or a bad rate"), i + 1);
          return FALSE;
        }
    }

  return TRUE;
}

static void
set_never (GError **error)
{
  g_set_error_literal (error, SHORE_PAYOFF_ERROR, SHORE_PAYOFF_ERROR_NEVER,
                       _("At this monthly amount your debts would not be paid off within 50 years. Talk to your lenders about a repayment plan, and see the Rights page."));
}

/* Adds the month's interest to every balance; FALSE on overflow. */
static gboolean
add_interest (const ShorePayoffDebt *debts,
              guint                  n,
              gint64                *bal,
              gint64                *interest)
{
  for (guint i = 0; i < n; i++)
    {
      interest[i] = 0;
      if (bal[i] == 0)
        continue;
      if (!shore_rate_apply (&debts[i].rate, SHORE_RATE_MONTHLY, bal[i], 1, &interest[i]) ||
          !shore_money_add (interest[i], debts[i].monthly_fee, &interest[i]) ||
          !shore_money_add (bal[i], interest[i], &bal[i]))
        return FALSE;
    }

  return TRUE;
}

/* What debt @i must get in @month, after its interest is added. */
static gint64
minimum_due (const ShorePayoffDebt *d,
             gint64                 balance,
             int                    month)
{
  gint64 due = d->minimum;

  if (month == 1 && !shore_money_add (due, d->overdue, &due))
    due = G_MAXINT64;
  return MIN (due, balance);
}

static gboolean
all_clear (const gint64 *bal,
           guint         n)
{
  for (guint i = 0; i < n; i++)
    if (bal[i] != 0)
      return FALSE;
  return TRUE;
}

/* One month: interest, minimums, then the rest in @order. FALSE on overflow. */
static gboolean
run_month (ShorePayoffPlan       *plan,
           const ShorePayoffDebt *debts,
           const guint           *order,
           gint64                 budget,
           int                    month,
           gint64                *bal)
{
  guint n = plan->n_debts;
  g_autofree gint64 *interest = g_new0 (gint64, n);
  g_autofree gint64 *paid = g_new0 (gint64, n);
  gint64 left = budget;

  if (!add_interest (debts, n, bal, interest))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      paid[i] = minimum_due (&debts[i], bal[i], month);
      bal[i] -= paid[i];
      left -= paid[i];
    }
  g_assert (left >= 0);   /* the first month is the dearest; checked before */

  for (guint k = 0; k < n && left > 0; k++)
    {
      guint i = order[k];
      gint64 extra = MIN (left, bal[i]);

      bal[i] -= extra;
      paid[i] += extra;
      left -= extra;
    }

  for (guint i = 0; i < n; i++)
    {
      if (!shore_money_add (plan->total_interest, interest[i], &plan->total_interest) ||
          !shore_money_add (plan->total_paid, paid[i], &plan->total_paid))
        return FALSE;
      if (bal[i] == 0 && paid[i] > 0 && plan->paid_off_month[i] == 0)
        plan->paid_off_month[i] = month;
    }

  g_array_append_vals (plan->payments, paid, n);
  g_array_append_vals (plan->interest, interest, n);
  g_array_append_vals (plan->balances, bal, n);
  return TRUE;
}

/* The first month's minimums, after its interest; FALSE on overflow. */
static gboolean
first_minimums (const ShorePayoffDebt *debts,
                guint                  n,
                gint64                *out)
{
  g_autofree gint64 *bal = g_new0 (gint64, n);
  g_autofree gint64 *interest = g_new0 (gint64, n);
  gint64 sum = 0;

  for (guint i = 0; i < n; i++)
    bal[i] = debts[i].balance;
  if (!add_interest (debts, n, bal, interest))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!shore_money_add (sum, minimum_due (&debts[i], bal[i], 1), &sum))
      return FALSE;

  *out = sum;
  return TRUE;
}

/**
 * shore_payoff_plan_compute:
 * @debts: (array length=n_debts): the debts
 * @n_debts: how many
 * @budget: what the borrower can pay every month, in fen
 * @strategy: where the money beyond the minimums goes first
 * @start: the date of the first month's payment
 * @error: return location for a #ShorePayoffError
 *
 * Plans the repayment of @debts with @budget a month. Each month interest
 * is added to every balance, every minimum is paid (capped at the
 * balance), and the rest of the budget goes to the debts in the order of
 * @strategy; a cleared debt's minimum rolls into that rest. When @budget
 * does not cover the first month's minimums, the plan is empty and its
 * shortfall says by how much.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 *   (%SHORE_PAYOFF_ERROR_NEVER when not paid off within 600 months)
 */
ShorePayoffPlan *
shore_payoff_plan_compute (const ShorePayoffDebt  *debts,
                           guint                   n_debts,
                           gint64                  budget,
                           ShorePayoffStrategy     strategy,
                           const GDate            *start,
                           GError                **error)
{
  g_autoptr(ShorePayoffPlan) plan = NULL;
  g_autofree gint64 *bal = NULL;
  g_autofree guint *order = NULL;
  OrderContext ctx = { debts, strategy };

  g_return_val_if_fail (debts != NULL || n_debts == 0, NULL);
  g_return_val_if_fail ((guint) strategy < SHORE_PAYOFF_N_STRATEGIES, NULL);
  g_return_val_if_fail (start != NULL && g_date_valid (start), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_debts (debts, n_debts, budget, error))
    return NULL;

  plan = g_new0 (ShorePayoffPlan, 1);
  plan->strategy = strategy;
  plan->n_debts = n_debts;
  g_date_clear (&plan->debt_free_date, 1);
  plan->dates = g_array_new (FALSE, TRUE, sizeof (GDate));
  plan->payments = g_array_new (FALSE, TRUE, sizeof (gint64));
  plan->interest = g_array_new (FALSE, TRUE, sizeof (gint64));
  plan->balances = g_array_new (FALSE, TRUE, sizeof (gint64));
  plan->paid_off_month = g_new0 (int, MAX (n_debts, 1));

  if (!first_minimums (debts, n_debts, &plan->first_minimums))
    {
      set_never (error);
      return NULL;
    }
  if (plan->first_minimums > budget)
    {
      plan->shortfall = plan->first_minimums - budget;
      return g_steal_pointer (&plan);
    }

  bal = g_new0 (gint64, MAX (n_debts, 1));
  order = g_new0 (guint, MAX (n_debts, 1));
  for (guint i = 0; i < n_debts; i++)
    {
      bal[i] = debts[i].balance;
      order[i] = i;
    }
  g_qsort_with_data (order, (int) n_debts, sizeof (guint), compare_debts, &ctx);

  for (int month = 1; !all_clear (bal, n_debts); month++)
    {
      GDate date;

      if (month > SHORE_PAYOFF_MONTHS_MAX || !run_month (plan, debts, order, budget, month, bal))
        {
          set_never (error);
          return NULL;
        }
      shore_schedule_due_date (start, month - 1, &date);
      g_array_append_val (plan->dates, date);
      plan->months = month;
      plan->debt_free_date = date;
    }

  return g_steal_pointer (&plan);
}

/**
 * shore_payoff_compare:
 * @out: (out caller-allocates) (array fixed-size=3): a plan per strategy
 *
 * Runs shore_payoff_plan_compute() for every strategy.
 *
 * Returns: %TRUE if every plan could be made
 */
gboolean
shore_payoff_compare (const ShorePayoffDebt  *debts,
                      guint                   n_debts,
                      gint64                  budget,
                      const GDate            *start,
                      ShorePayoffPlan       **out,
                      GError                **error)
{
  ShorePayoffPlan *plans[SHORE_PAYOFF_N_STRATEGIES] = { NULL };

  g_return_val_if_fail (out != NULL, FALSE);

  for (guint s = 0; s < SHORE_PAYOFF_N_STRATEGIES; s++)
    {
      plans[s] = shore_payoff_plan_compute (debts, n_debts, budget, (ShorePayoffStrategy) s, start, error);
      if (plans[s] == NULL)
        {
          for (guint k = 0; k < s; k++)
            shore_payoff_plan_free (plans[k]);
          return FALSE;
        }
    }

  memcpy (out, plans, sizeof plans);
  return TRUE;
}

static gint64
get_cell (const ShorePayoffPlan *plan,
          const GArray          *array,
          int                    month,
          guint                  debt)
{
  g_return_val_if_fail (plan != NULL, 0);
  g_return_val_if_fail (month >= 1 && month <= plan->months, 0);
  g_return_val_if_fail (debt < plan->n_debts, 0);

  return g_array_index (array, gint64, (guint) (month - 1) * plan->n_debts + debt);
}

gint64
shore_payoff_plan_get_payment (const ShorePayoffPlan *plan,
                               int                    month,
                               guint                  debt)
{
  return get_cell (plan, plan->payments, month, debt);
}

gint64
shore_payoff_plan_get_interest (const ShorePayoffPlan *plan,
                                int                    month,
                                guint                  debt)
{
  return get_cell (plan, plan->interest, month, debt);
}

gint64
shore_payoff_plan_get_balance (const ShorePayoffPlan *plan,
                               int                    month,
                               guint                  debt)
{
  return get_cell (plan, plan->balances, month, debt);
}

const GDate *
shore_payoff_plan_get_date (const ShorePayoffPlan *plan,
                            int                    month)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (month >= 1 && month <= plan->months, NULL);

  return &g_array_index (plan->dates, GDate, month - 1);
}

int
shore_payoff_plan_get_paid_off_month (const ShorePayoffPlan *plan,
                                      guint                  debt)
{
  g_return_val_if_fail (plan != NULL, 0);
  g_return_val_if_fail (debt < plan->n_debts, 0);

  return plan->paid_off_month[debt];
}

/* From a loan */

/* Interest of installments due before @as_of that @paid_total has not
 * covered: payments go to the oldest installment, interest first. */
static gint64
unpaid_past_interest (const ShoreSchedule *schedule,
                      gint64               paid_total,
                      const GDate         *as_of)
{
  gint64 money = paid_total;
  gint64 unpaid = 0;

  for (guint i = 0; i < schedule->installments->len; i++)
    {
      const ShoreInstallment *row = &g_array_index (schedule->installments, ShoreInstallment, i);
      gint64 on_interest = MIN (money, row->interest);

      if (g_date_compare (&row->due_date, as_of) >= 0)
        break;
      money -= on_interest;
      money -= MIN (money, row->principal);
      unpaid += row->interest - on_interest;
    }

  return unpaid;
}

/* The regular payment of the first installment not yet due. */
static gboolean
regular_minimum (const ShoreLoan     *loan,
                 const ShoreSchedule *schedule,
                 gint64               principal_remaining,
                 const GDate         *as_of,
                 gint64              *out)
{
  gint64 interest = 0;
  gint64 fee = 0;

  *out = 0;
  if (loan->method == SHORE_METHOD_INTEREST_FIRST || loan->method == SHORE_METHOD_BULLET)
    {
      /* The principal falls due at the end; a month's interest keeps the debt from growing. */
      if (!shore_rate_apply (&loan->rate, SHORE_RATE_MONTHLY, principal_remaining, 1, &interest) ||
          (loan->has_monthly_fee_rate &&
           !shore_rate_apply (&loan->monthly_fee_rate, SHORE_RATE_MONTHLY, loan->principal, 1, &fee)))
        return FALSE;
      *out = principal_remaining > 0 ? interest + fee : 0;
      return TRUE;
    }

  for (guint i = 0; i < schedule->installments->len; i++)
    {
      const ShoreInstallment *row = &g_array_index (schedule->installments, ShoreInstallment, i);

      if (g_date_compare (&row->due_date, as_of) >= 0)
        {
          *out = row->payment;
          break;
        }
    }

  return TRUE;
}

/**
 * shore_payoff_debt_from_loan:
 *
 * See the header. The real rate is shore_apr_for_loan()'s compound rate
 * (the nominal annual rate if the IRR cannot be found).
 *
 * Returns: %TRUE on success
 */
gboolean
shore_payoff_debt_from_loan (const ShoreLoan     *loan,
                             const ShorePayment  *payments,
                             guint                n_payments,
                             const GDate         *as_of,
                             ShorePayoffDebt     *out,
                             GError             **error)
{
  g_autoptr(ShoreSchedule) schedule = NULL;
  ShoreLoanStatus status;
  ShoreTrueCost cost;
  ShorePayoffDebt debt;
  gint64 num = 0, den = 1;

  g_return_val_if_fail (loan != NULL, FALSE);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  schedule = shore_schedule_with_payments (loan, payments, n_payments, error);
  if (schedule == NULL ||
      !shore_loan_status_compute (loan, payments, n_payments, as_of, 0, &status, error))
    return FALSE;

  memset (&debt, 0, sizeof debt);
  debt.id = loan->id;
  debt.label = loan->lender;
  debt.rate = loan->rate;
  if (status.state == SHORE_LOAN_STATE_PAID_OFF)
    {
      *out = debt;
      return TRUE;
    }

  debt.balance = status.principal_remaining + unpaid_past_interest (schedule, status.paid_total, as_of);
  debt.overdue = status.overdue_amount;
  debt.days_overdue = status.days_overdue;
  if (loan->has_monthly_fee_rate &&
      !shore_rate_apply (&loan->monthly_fee_rate, SHORE_RATE_MONTHLY, loan->principal, 1, &debt.monthly_fee))
    debt.monthly_fee = 0;
  if (!regular_minimum (loan, schedule, status.principal_remaining, as_of, &debt.minimum))
    debt.minimum = 0;

  if (shore_apr_for_loan (loan, &cost, NULL))
    debt.real_rate = cost.apr_compound;
  else
    {
      shore_rate_in_period (&loan->rate, SHORE_RATE_ANNUAL, &num, &den);
      debt.real_rate = (double) num / (double) den;
    }

  *out = debt;
  return TRUE;
}
