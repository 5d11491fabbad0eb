/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The repayment plan handout: the loans, the three strategies side by
 * side, the chosen one month by month and a chart of what is still owed;
 * or, when the monthly amount cannot pay the debts off, what is missing
 * and what to do about it. */
#define G_LOG_DOMAIN "shore-handout"

#include "config.h"

#include "../shore-apr.h"
#include "../shore-debts.h"
#include "../shore-evidence.h"
#include "../shore-intl.h"
#include "../shore-ledger.h"
#include "../shore-money.h"
#include "shore-chart.h"
#include "shore-handout-money-private.h"

/* The month table shows every month of a plan this long, else the first
 * HEAD_MONTHS months and then rows of a year (or several years, so that
 * there are at most MAX_SPAN_ROWS of them). */
#define ALL_MONTHS     24
#define HEAD_MONTHS    12
#define MAX_SPAN_ROWS  15
/* Up to this many loans get a column each in the month table. */
#define MAX_LOAN_COLUMNS 4
/* What a negotiated plan should aim at: the five years of a credit-card
 * hardship plan (信用卡办法 第70条). */
#define TARGET_MONTHS  60
#define CHART_HEIGHT   230.0

typedef struct
{
  GPtrArray *loans;     /* of ShoreLoan, parallel to @debts; owns the labels */
  GArray    *debts;     /* of ShorePayoffDebt with a balance */
} Debts;

static void
debts_clear (Debts *d)
{
  g_clear_pointer (&d->loans, g_ptr_array_unref);
  g_clear_pointer (&d->debts, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Debts, debts_clear)

static const ShorePayoffDebt *
debt_at (const Debts *d,
         guint        i)
{
  return &g_array_index (d->debts, ShorePayoffDebt, i);
}

static const ShoreLoan *
loan_at (const Debts *d,
         guint        i)
{
  return g_ptr_array_index (d->loans, i);
}

static gboolean
load_debts (ShoreStore  *store,
            const GDate *today,
            Debts       *d,
            GError     **error)
{
  g_autoptr(GListModel) list = shore_debts_list (store, today, error);

  if (list == NULL)
    return FALSE;

  d->loans = g_ptr_array_new_with_free_func ((GDestroyNotify) shore_loan_free);
  d->debts = g_array_new (FALSE, TRUE, sizeof (ShorePayoffDebt));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ShoreDebt) item = g_list_model_get_item (list, i);
      GArray *payments = shore_debt_get_payments (item);
      ShoreLoan *loan;
      ShorePayoffDebt debt = { 0 };

      if (shore_debt_get_status (item)->state == SHORE_LOAN_STATE_PAID_OFF)
        continue;
      loan = shore_loan_copy (shore_debt_get_loan (item));
      if (!shore_payoff_debt_from_loan (loan, payments != NULL ? (const ShorePayment *) (gpointer) payments->data : NULL,
                                        payments != NULL ? payments->len : 0, today, &debt, error))
        {
          shore_loan_free (loan);
          return FALSE;
        }
      if (debt.balance <= 0)
        {
          shore_loan_free (loan);
          continue;
        }
      debt.label = loan->lender;
      g_ptr_array_add (d->loans, loan);
      g_array_append_val (d->debts, debt);
    }
  return TRUE;
}

/* ---- The loans ------------------------------------------------------------- */

static char *
format_rate (const ShoreLoan *loan)
{
  g_autofree char *rate = shore_rate_format (&loan->rate);
  g_autofree char *fee = NULL;

  if (!loan->has_monthly_fee_rate)
    return g_steal_pointer (&rate);
  fee = shore_rate_format (&loan->monthly_fee_rate);
  /* Translators: a loan's rate in the loans table of the plan handout: %1$s is the interest rate
   * (“0.05% a day”), %2$s the monthly fee rate, 月费率 (“1.50% a month”) */
  return g_strdup_printf (_("%1$s\nplus a fee of %2$s"), rate, fee);
}

static char *
format_overdue (const ShorePayoffDebt *debt)
{
  g_autofree char *amount = NULL;

  if (debt->days_overdue <= 0)
    /* Translators: in the “Overdue” column of the plan handout's loans table: not overdue */
    return g_strdup (C_("handout plan", "No"));
  amount = shore_money_format (debt->overdue);
  /* Translators: in the “Overdue” column of the plan handout's loans table: %1$d days overdue,
   * %2$s the amount past due */
  return g_strdup_printf (shore_ngettext ("%1$d day\n%2$s past due", "%1$d days\n%2$s past due",
                                          (gulong) debt->days_overdue),
                          debt->days_overdue, amount);
}

static void
add_loans_table (ShoreDocument *doc,
                 const Debts   *d)
{
  static const ShoreDocumentAlign aligns[] = {
    SHORE_DOCUMENT_ALIGN_START, SHORE_DOCUMENT_ALIGN_END, SHORE_DOCUMENT_ALIGN_START,
    SHORE_DOCUMENT_ALIGN_END, SHORE_DOCUMENT_ALIGN_END, SHORE_DOCUMENT_ALIGN_END,
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *header[] = {
    _("Lender"),
    C_("payoff", "Still owed"),
    /* Translators: a column of the plan handout's loans table: the rate as the lender quotes it */
    C_("handout plan", "Quoted rate"),
    /* Translators: a column of the plan handout's loans table: the real annual rate (IRR, compound) */
    C_("handout plan", "Real annual rate"),
    /* Translators: a column of the plan handout's loans table */
    C_("handout plan", "Overdue"),
    /* Translators: a column of the plan handout's loans table: the regular payment of a month */
    C_("handout plan", "Monthly payment"),
  };
  gint64 owed = 0, minimum = 0;

  for (guint i = 0; i < d->debts->len; i++)
    {
      const ShorePayoffDebt *debt = debt_at (d, i);
      g_autofree char *real = shore_apr_format_percent (debt->real_rate, 2);

      shore_handout_money_add_row (rows, g_strdup (debt->label), shore_money_format (debt->balance),
                                   format_rate (loan_at (d, i)), g_strdup_printf ("%s%%", real),
                                   format_overdue (debt), shore_money_format (debt->minimum), NULL);
      owed += debt->balance;
      minimum += debt->minimum;
    }
  if (d->debts->len > 1)
    shore_handout_money_add_row (rows, g_strdup (C_("handout plan", "Total")), shore_money_format (owed),
                                 g_strdup (""), g_strdup (""), g_strdup (""), shore_money_format (minimum), NULL);

  shore_document_add_heading (doc, _("Your loans"));
  shore_document_add_table (doc, header, G_N_ELEMENTS (header), rows, aligns);
}

/* ---- When the money is enough ------------------------------------------- */

static void
add_summary (ShoreDocument         *doc,
             const ShorePayoffPlan *plan,
             gint64                 budget)
{
  g_autofree char *amount = shore_money_format (budget);
  g_autofree char *date = shore_handout_format_date (&plan->debt_free_date);
  g_autofree char *interest = shore_money_format (plan->total_interest);
  g_autofree char *paid = shore_money_format (plan->total_paid);

  shore_handout_money_add_paragraph_take (doc,
    /* Translators: on the plan handout: %1$s is the monthly amount, %2$d a number of months, %3$s the
     * date of the last payment, %4$s the interest and fees, %5$s everything paid */
    g_strdup_printf (shore_ngettext ("With %1$s a month and this strategy you are debt-free in %2$d month, "
                                     "on %3$s. Interest and fees on the way come to %4$s; in all you pay %5$s.",
                                     "With %1$s a month and this strategy you are debt-free in %2$d months, "
                                     "on %3$s. Interest and fees on the way come to %4$s; in all you pay %5$s.",
                                     (gulong) plan->months),
                     amount, plan->months, date, interest, paid));
}

static void
add_comparison (ShoreDocument    *doc,
                ShorePayoffPlan **plans,
                ShorePayoffStrategy chosen)
{
  static const ShoreDocumentAlign aligns[] = {
    SHORE_DOCUMENT_ALIGN_START, SHORE_DOCUMENT_ALIGN_END, SHORE_DOCUMENT_ALIGN_END,
    SHORE_DOCUMENT_ALIGN_END, SHORE_DOCUMENT_ALIGN_END,
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *header[] = {
    /* Translators: a column of the strategy comparison of the plan handout */
    C_("handout plan", "Strategy"),
    /* Translators: a column of the strategy comparison of the plan handout: how many months */
    C_("handout plan", "Months"),
    /* Translators: a column of the strategy comparison of the plan handout: the date of the last payment */
    C_("handout plan", "Debt-free on"),
    _("Interest and fees"),
    _("Total paid"),
  };
  guint cheapest = chosen;

  for (guint s = 0; s < SHORE_PAYOFF_N_STRATEGIES; s++)
    {
      const ShorePayoffPlan *plan = plans[s];
      const char *label = shore_payoff_strategy_get_label ((ShorePayoffStrategy) s);

      shore_handout_money_add_row (rows,
                                   s == chosen ? g_strdup_printf (
                                                   /* Translators: marks the chosen strategy in the comparison of the plan handout */
                                                   _("%s — chosen"), label)
                                               : g_strdup (label),
                                   g_strdup_printf ("%d", plan->months),
                                   shore_handout_format_date (&plan->debt_free_date),
                                   shore_money_format (plan->total_interest),
                                   shore_money_format (plan->total_paid), NULL);
      if (plan->total_interest < plans[cheapest]->total_interest)
        cheapest = s;
    }

  shore_document_add_heading (doc, _("Comparing the strategies"));
  shore_document_add_paragraph (doc, _("Every strategy pays every minimum first; they differ in which loan gets "
                                       "the money left over. Avalanche pays the highest real rate first, "
                                       "snowball the smallest balance, overdue-first the loan overdue longest."));
  shore_document_add_table (doc, header, G_N_ELEMENTS (header), rows, aligns);
  if (cheapest != chosen)
    {
      g_autofree char *saving = shore_money_format (plans[chosen]->total_interest - plans[cheapest]->total_interest);

      shore_handout_money_add_paragraph_take (doc,
        /* Translators: on the plan handout: %1$s is a strategy, %2$s an amount of interest */
        g_strdup_printf (_("%1$s would cost %2$s less in interest and fees than the chosen strategy."),
                         shore_payoff_strategy_get_label ((ShorePayoffStrategy) cheapest), saving));
    }
}

/* ---- Month by month ------------------------------------------------------- */

typedef struct
{
  const ShorePayoffPlan *plan;
  const Debts           *d;
  gboolean               by_loan;
} MonthTable;

/* One row for months @first…@last (1-based, inclusive). */
static char **
span_row (const MonthTable *t,
          int               first,
          int               last)
{
  guint n = t->d->debts->len;
  guint n_columns = t->by_loan ? n + 3 : 5;
  char **cells = g_new0 (char *, n_columns + 1);
  g_autoptr(GString) cleared = g_string_new (NULL);
  gint64 total = 0, interest = 0, owed = 0;
  g_autofree char *from = shore_handout_money_month_year (shore_payoff_plan_get_date (t->plan, first));

  if (first == last)
    cells[0] = g_steal_pointer (&from);
  else
    {
      g_autofree char *to = shore_handout_money_month_year (shore_payoff_plan_get_date (t->plan, last));

      /* Translators: a row of the plan handout's month table covering several months: %1$s is the first
       * month (“December 2027”), %2$s the last */
      cells[0] = g_strdup_printf (_("%1$s to\n%2$s"), from, to);
    }

  for (guint i = 0; i < n; i++)
    {
      gint64 paid = 0;
      int off = shore_payoff_plan_get_paid_off_month (t->plan, i);

      for (int m = first; m <= last; m++)
        {
          paid += shore_payoff_plan_get_payment (t->plan, m, i);
          interest += shore_payoff_plan_get_interest (t->plan, m, i);
        }
      total += paid;
      owed += shore_payoff_plan_get_balance (t->plan, last, i);
      if (off >= first && off <= last)
        g_string_append_printf (cleared, "%s%s", cleared->len > 0 ? "\n" : "", debt_at (t->d, i)->label);
      if (!t->by_loan)
        continue;
      if (paid == 0)
        cells[1 + i] = g_strdup ("—");
      else if (off >= first && off <= last)
        {
          g_autofree char *amount = shore_money_format (paid);

          /* Translators: a cell of the plan handout's month table: %s is the payment that clears the loan */
          cells[1 + i] = g_strdup_printf (_("%s\npaid off"), amount);
        }
      else
        cells[1 + i] = shore_money_format (paid);
    }

  if (t->by_loan)
    {
      cells[n + 1] = shore_money_format (total);
      cells[n + 2] = shore_money_format (owed);
    }
  else
    {
      cells[1] = shore_money_format (total);
      cells[2] = shore_money_format (interest);
      cells[3] = shore_money_format (owed);
      cells[4] = g_strdup (cleared->str);
    }
  return cells;
}

static void
add_month_table (ShoreDocument         *doc,
                 const ShorePayoffPlan *plan,
                 const Debts           *d)
{
  MonthTable t = { plan, d, d->debts->len <= MAX_LOAN_COLUMNS };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) header = g_ptr_array_new ();
  g_autofree ShoreDocumentAlign *aligns = NULL;
  guint n_columns = t.by_loan ? d->debts->len + 3 : 5;
  int span = 12;

  /* Translators: a column of the plan handout's month table */
  g_ptr_array_add (header, (gpointer) C_("handout plan", "Month"));
  if (t.by_loan)
    {
      for (guint i = 0; i < d->debts->len; i++)
        g_ptr_array_add (header, (gpointer) debt_at (d, i)->label);
      /* Translators: a column of the plan handout's month table: all the payments of the month */
      g_ptr_array_add (header, (gpointer) C_("handout plan", "Paid"));
      g_ptr_array_add (header, (gpointer) C_("payoff", "Still owed"));
    }
  else
    {
      g_ptr_array_add (header, (gpointer) C_("handout plan", "Paid"));
      g_ptr_array_add (header, (gpointer) C_("payoff", "Interest"));
      g_ptr_array_add (header, (gpointer) C_("payoff", "Still owed"));
      g_ptr_array_add (header, (gpointer) C_("payoff", "Paid off"));
    }
  aligns = g_new (ShoreDocumentAlign, n_columns);
  for (guint c = 0; c < n_columns; c++)
    aligns[c] = c == 0 || (!t.by_loan && c == n_columns - 1) ? SHORE_DOCUMENT_ALIGN_START : SHORE_DOCUMENT_ALIGN_END;

  if (plan->months <= ALL_MONTHS)
    for (int m = 1; m <= plan->months; m++)
      g_ptr_array_add (rows, span_row (&t, m, m));
  else
    {
      int rest = plan->months - HEAD_MONTHS;

      while ((rest + span - 1) / span > MAX_SPAN_ROWS)
        span += 12;
      for (int m = 1; m <= HEAD_MONTHS; m++)
        g_ptr_array_add (rows, span_row (&t, m, m));
      for (int m = HEAD_MONTHS + 1; m <= plan->months; m += span)
        g_ptr_array_add (rows, span_row (&t, m, MIN (m + span - 1, plan->months)));
    }

  shore_document_add_heading (doc, _("Month by month"));
  if (plan->months > ALL_MONTHS)
    shore_handout_money_add_paragraph_take (doc,
      /* Translators: above the plan handout's month table; %d is a number of months (12, 24, …) */
      g_strdup_printf (shore_ngettext ("The first 12 months one by one, then %d month a row: the payments of "
                                       "those months added up, and what is still owed at the end.",
                                       "The first 12 months one by one, then %d months a row: the payments of "
                                       "those months added up, and what is still owed at the end.",
                                       (gulong) span), span));
  shore_document_add_table (doc, (const char *const *) header->pdata, n_columns, rows, aligns);
}

/* ---- The chart -------------------------------------------------------------- */

/* What is still owed, stacked by loan, day by day from today to the last
 * payment (a payment lowers it on its date). */
static void
add_chart (ShoreHandoutContext   *ctx,
           const ShorePayoffPlan *plan,
           const Debts           *d)
{
  const GDate *today = &ctx->options->today;
  guint n_days = (guint) MAX (g_date_days_between (today, &plan->debt_free_date), 1) + 1;
  g_autoptr(ShoreChart) chart = shore_chart_new (n_days);
  g_autofree gint64 *values = g_new (gint64, n_days);

  shore_chart_set_start_date (chart, today);
  shore_chart_set_axis_title (chart, C_("payoff", "Still owed"));
  for (guint i = 0; i < d->debts->len; i++)
    {
      int m = 0;

      /* Day 0 shows the balances before the first payment, made that day. */
      for (guint day = 0; day < n_days; day++)
        {
          GDate date = *today;

          g_date_add_days (&date, day);
          while (day > 0 && m < plan->months && g_date_compare (shore_payoff_plan_get_date (plan, m + 1), &date) <= 0)
            m++;
          values[day] = m == 0 ? debt_at (d, i)->balance : shore_payoff_plan_get_balance (plan, m, i);
        }
      shore_chart_add_series (chart, debt_at (d, i)->label, values);
    }

  shore_document_add_heading (ctx->doc, _("What you still owe, month by month"));
  shore_handout_add_chart (ctx, g_steal_pointer (&chart), CHART_HEIGHT, SHORE_HANDOUT_MONEY_CHART_FONT_SCALE);
}

/* ---- When the money is not enough --------------------------------------- */

static gboolean
pays_off_within (const Debts         *d,
                 gint64               budget,
                 ShorePayoffStrategy  strategy,
                 const GDate         *start,
                 int                  months)
{
  g_autoptr(ShorePayoffPlan) plan = shore_payoff_plan_compute ((const ShorePayoffDebt *) (gpointer) d->debts->data,
                                                                d->debts->len, budget, strategy, start, NULL);

  return plan != NULL && plan->shortfall == 0 && plan->months <= months;
}

/* The smallest amount, in whole yuan, that clears every debt within
 * @months; 0 when none can be found. */
static gint64
needed_for (const Debts         *d,
            ShorePayoffStrategy  strategy,
            const GDate         *start,
            int                  months)
{
  gint64 lo = 0, hi = 100;

  while (!pays_off_within (d, hi * 100, strategy, start, months))
    {
      lo = hi;
      if (hi > G_MAXINT64 / 400)
        return 0;
      hi *= 2;
    }
  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (pays_off_within (d, mid * 100, strategy, start, months))
        hi = mid;
      else
        lo = mid;
    }
  return hi * 100;
}

static gint64
first_month_interest (const Debts *d)
{
  gint64 total = 0;

  for (guint i = 0; i < d->debts->len; i++)
    {
      const ShorePayoffDebt *debt = debt_at (d, i);
      gint64 interest = 0;

      if (shore_rate_apply (&debt->rate, SHORE_RATE_MONTHLY, debt->balance, 1, &interest))
        total += interest + debt->monthly_fee;
    }
  return total;
}

static gboolean
has_credit_card (const Debts *d)
{
  for (guint i = 0; i < d->loans->len; i++)
    if (loan_at (d, i)->lender_type == SHORE_LENDER_CREDIT_CARD)
      return TRUE;
  return FALSE;
}

static void
add_not_enough (ShoreHandoutContext *ctx,
                const Debts         *d,
                gint64               budget,
                gint64               first_minimums,
                gboolean             never)
{
  ShoreDocument *doc = ctx->doc;
  g_autofree char *amount = shore_money_format (budget);
  g_autofree char *minimums = shore_money_format (first_minimums);
  g_autofree char *missing = shore_money_format (first_minimums - budget);
  gint64 needed = needed_for (d, ctx->options->strategy, &ctx->options->today, TARGET_MONTHS);

  shore_document_add_heading (doc, _("This amount cannot pay off your debts"));
  if (never)
    {
      g_autofree char *interest = shore_money_format (first_month_interest (d));

      shore_handout_money_add_paragraph_take (doc,
        /* Translators: on the plan handout: %1$s is the monthly amount, %2$s the interest and fees of the first month */
        g_strdup_printf (_("At %1$s a month your debts would not be paid off within 50 years. Interest and "
                           "fees alone add about %2$s in the first month, so little or nothing of each payment reduces the debt."),
                         amount, interest));
    }
  else
    shore_handout_money_add_paragraph_take (doc,
      /* Translators: on the plan handout: %1$s is the monthly amount, %2$s the first month's minimum
       * payments with what is overdue, %3$s what is missing */
      g_strdup_printf (_("The monthly amount for your debts is %1$s, but the first month’s minimum payments, "
                         "with what is overdue, come to %2$s: %3$s is missing every month at the start."),
                       amount, minimums, missing));

  if (needed > 0)
    {
      g_autofree char *needed_text = shore_money_format (needed);

      shore_handout_money_add_paragraph_take (doc,
        /* Translators: on the plan handout: %1$d is a number of months (60), %2$s an amount */
        g_strdup_printf (_("To clear every loan within %1$d months at the present rates you would need about "
                           "%2$s a month. A plan you cannot keep makes things worse: offer your lenders only "
                           "what you can really pay after rent, food and other essentials."),
                         TARGET_MONTHS, needed_text));
    }
  shore_handout_money_add_paragraph_take (doc, shore_handout_money_negotiate_text ());
  if (has_credit_card (d))
    {
      /* Translators: the citation of the credit-card hardship plan rule on the plan handout */
      g_autofree char *basis = g_strdup_printf (_("%s; %s, %s"), _("《商业银行信用卡业务监督管理办法》 Article 70"),
                                                shore_evidence_kind_get_label (SHORE_EVIDENCE_KIND_REGULATION),
                                                shore_evidence_confidence_get_label (SHORE_CONFIDENCE_SECONDARY));

      shore_handout_money_add_paragraph_take (doc,
        /* Translators: on the plan handout; %s is a citation. Art. 70 lets the bank agree (可以), it is not a right */
        g_strdup_printf (_("For a bank credit card, the bank may agree an individual instalment plan of up to "
                           "five years with a cardholder who cannot pay but wants to (%s). It may agree; it "
                           "does not have to."), basis));
    }
}

/* ---- The handout ---------------------------------------------------------- */

/* The monthly amount: the one asked for, else what the budget leaves for
 * debt this month (as the Simulator's “Use Budget” does). */
static gboolean
monthly_amount (ShoreHandoutContext *ctx,
                gint64              *out,
                char               **out_text,
                GError             **error)
{
  ShoreMonthSummary s = { 0 };
  g_autofree char *amount = NULL;

  if (ctx->options->monthly_budget > 0)
    {
      *out = ctx->options->monthly_budget;
      amount = shore_money_format (*out);
      /* Translators: on the plan handout; %s is the monthly amount for debts */
      *out_text = g_strdup_printf (_("This plan puts %s a month towards your debts."), amount);
      return TRUE;
    }

  if (!shore_ledger_month_summary (ctx->store, &ctx->options->today, &s, error))
    return FALSE;
  *out = s.surplus_for_debt;
  amount = shore_money_format (s.surplus_for_debt);
  if (s.income == 0 && s.spending == 0 && s.budget_total == 0 && s.expected_income == 0 && s.debt_paid == 0)
    *out_text = g_strdup (_("No monthly amount for debts was given, and the budget holds nothing for this month "
                            "to work it out from."));
  else if (s.surplus_for_debt > 0)
    /* Translators: on the plan handout; %s is what the budget leaves for debt */
    *out_text = g_strdup_printf (_("This plan puts %s a month towards your debts: what your budget leaves for "
                                   "debt this month, after spending and what is still budgeted."), amount);
  else
    /* Translators: on the plan handout; %s is what the budget leaves for debt (zero or less) */
    *out_text = g_strdup_printf (_("Your budget leaves nothing for debt this month (%s): income does not "
                                   "cover spending and what is still budgeted."), amount);
  return TRUE;
}

/**
 * shore_handout_build_plan:
 * @ctx: the handout being built
 * @error: return location for an error
 *
 * The loans, the strategies compared, the chosen plan month by month with
 * a chart; or, when the monthly amount is too small, the shortfall and
 * the advice to negotiate.
 *
 * Returns: %TRUE on success; %SHORE_HANDOUT_ERROR_NO_DATA without loans
 *   still owed
 */
gboolean
shore_handout_build_plan (ShoreHandoutContext *ctx,
                          GError             **error)
{
  const GDate *today = &ctx->options->today;
  ShorePayoffStrategy chosen = ctx->options->strategy;
  ShorePayoffPlan *plans[SHORE_PAYOFF_N_STRATEGIES] = { NULL };
  g_auto(Debts) d = { NULL, NULL };
  g_autoptr(GError) local = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *strategy = NULL;
  g_autofree char *subtitle = NULL;
  gint64 budget = 0;

  if ((guint) chosen >= SHORE_PAYOFF_N_STRATEGIES)
    chosen = SHORE_PAYOFF_AVALANCHE;
  if (!load_debts (ctx->store, today, &d, error))
    return FALSE;
  if (d.debts->len == 0)
    {
      shore_handout_set_error (ctx, error, SHORE_HANDOUT_ERROR_NO_DATA,
                               N_("There are no loans to plan: add the loans still owed first."));
      return FALSE;
    }
  if (!monthly_amount (ctx, &budget, &amount_text, error))
    return FALSE;

  /* Translators: %s is a strategy, such as “Avalanche (highest real rate first)” */
  strategy = g_strdup_printf (_("Strategy: %s"), shore_payoff_strategy_get_label (chosen));
  subtitle = shore_handout_subtitle (ctx, strategy);
  shore_document_set_title (ctx->doc, shore_handout_topic_get_label (SHORE_HANDOUT_PLAN), subtitle);
  shore_document_add_paragraph (ctx->doc, amount_text);
  add_loans_table (ctx->doc, &d);

  if (!shore_payoff_compare ((const ShorePayoffDebt *) (gpointer) d.debts->data, d.debts->len,
                             MAX (budget, 0), today, plans, &local))
    {
      if (!g_error_matches (local, SHORE_PAYOFF_ERROR, SHORE_PAYOFF_ERROR_NEVER))
        {
          shore_handout_set_error (ctx, error, SHORE_HANDOUT_ERROR_INVALID,
                                   N_("The repayment plan could not be worked out: %s"), local->message);
          return FALSE;
        }
      add_not_enough (ctx, &d, MAX (budget, 0), 0, TRUE);
      return TRUE;
    }

  if (plans[chosen]->shortfall > 0)
    add_not_enough (ctx, &d, MAX (budget, 0), plans[chosen]->first_minimums, FALSE);
  else
    {
      add_summary (ctx->doc, plans[chosen], budget);
      add_comparison (ctx->doc, plans, chosen);
      add_month_table (ctx->doc, plans[chosen], &d);
      add_chart (ctx, plans[chosen], &d);
    }

  for (guint s = 0; s < SHORE_PAYOFF_N_STRATEGIES; s++)
    shore_payoff_plan_free (plans[s]);
  return TRUE;
}
