/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The budget handout: the month's income, spending and budgets, what is
 * left for debts, the category and trend charts and what is still due. */
#define G_LOG_DOMAIN "shore-handout"

#include "config.h"

#include "../shore-intl.h"
#include "../shore-ledger.h"
#include "../shore-money.h"
#include "shore-handout-money-private.h"
#include "shore-report-chart.h"

/* The upcoming table lists at most this many entries, then sums the rest. */
#define MAX_UPCOMING 15

static const ShoreDocumentAlign key_aligns[] = {
  SHORE_DOCUMENT_ALIGN_START, SHORE_DOCUMENT_ALIGN_END, SHORE_DOCUMENT_ALIGN_START,
};

static void
add_key_row (GPtrArray  *rows,
             const char *what,
             gint64      amount,
             const char *meaning)
{
  shore_handout_money_add_row (rows, g_strdup (what), shore_money_format (amount), g_strdup (meaning), NULL);
}

/* The opening statement: what came in, what went out, what is left. */
static char *
surplus_statement (const ShoreMonthSummary *s,
                   const char              *month)
{
  g_autofree char *income = shore_money_format (s->income);
  g_autofree char *spending = shore_money_format (s->spending);
  g_autofree char *surplus = shore_money_format (ABS (s->surplus_for_debt));

  if (s->surplus_for_debt > 0)
    /* Translators: on the budget handout; %1$s is a month (“November 2026”), %2$s the income,
     * %3$s the spending, %4$s what is left for debts */
    return g_strdup_printf (_("In %1$s you received %2$s and spent %3$s, not counting debt repayments. "
                              "After what is still budgeted, %4$s is available for your debts this month."),
                            month, income, spending, surplus);
  if (s->surplus_for_debt == 0)
    /* Translators: on the budget handout; %1$s is a month, %2$s the income, %3$s the spending */
    return g_strdup_printf (_("In %1$s you received %2$s and spent %3$s, not counting debt repayments. "
                              "After what is still budgeted, nothing is left for your debts this month."),
                            month, income, spending);
  /* Translators: on the budget handout; %1$s is a month, %2$s the income, %3$s the spending, %4$s the
   * amount by which spending and budgets exceed the income */
  return g_strdup_printf (_("In %1$s you received %2$s and spent %3$s, not counting debt repayments. "
                            "Spending and what is still budgeted come to %4$s more than the income: "
                            "nothing is left for your debts this month."),
                          month, income, spending, surplus);
}

static void
add_key_figures (ShoreDocument           *doc,
                 const ShoreMonthSummary *s)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *header[] = {
    /* Translators: a column of the key figures table of the budget handout */
    C_("handout budget", "Figure"),
    /* Translators: a column of the key figures table of the budget handout */
    C_("handout budget", "Amount"),
    /* Translators: a column of the key figures table of the budget handout */
    C_("handout budget", "What it means"),
  };

  add_key_row (rows, _("Income"), s->income, _("Money received this month"));
  if (s->expected_income > 0)
    add_key_row (rows, _("Income still expected"), s->expected_income,
                 _("Repeating income due later this month"));
  add_key_row (rows, _("Spending"), s->spending, _("Everything spent this month except debt repayments"));
  if (s->budget_total > 0)
    {
      add_key_row (rows, _("Budget"), s->budget_total, _("What you planned to spend this month"));
      if (s->budget_left >= 0)
        add_key_row (rows, _("Budget left"), s->budget_left, _("What you can still spend as planned"));
      else
        add_key_row (rows, _("Over budget"), -s->budget_left, _("Spent beyond the plan: this is over the budget"));
    }
  add_key_row (rows, _("Debt repayments"), s->debt_paid, _("Paid to lenders this month"));
  add_key_row (rows, _("Debt still due"), s->debt_due, _("Loan installments of this month not yet paid"));
  add_key_row (rows, _("Available for debt"), s->surplus_for_debt,
               s->surplus_for_debt > 0 ? _("Income minus spending and what is still budgeted")
                                       : _("Nothing is left for debts: income does not cover spending and budgets"));

  shore_document_add_table (doc, header, G_N_ELEMENTS (header), rows, key_aligns);
}

/* ---- Spending by category ------------------------------------------------ */

typedef struct
{
  GHashTable *parents;   /* category id → parent id, both gint64 */
  gint64      debt_id;
} Categories;

static void
categories_clear (Categories *c)
{
  g_clear_pointer (&c->parents, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Categories, categories_clear)

static gboolean
categories_load (ShoreStore  *store,
                 Categories  *out,
                 GError     **error)
{
  g_autoptr(GPtrArray) list = shore_ledger_list_categories (store, SHORE_CATEGORY_EXPENSE, TRUE, error);

  if (list == NULL)
    return FALSE;
  out->parents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < list->len; i++)
    {
      const ShoreCategory *category = g_ptr_array_index (list, i);

      g_hash_table_insert (out->parents, g_memdup2 (&category->id, sizeof (gint64)),
                           g_memdup2 (&category->parent_id, sizeof (gint64)));
    }
  out->debt_id = shore_ledger_find_builtin (store, "debt", NULL);
  return TRUE;
}

static gint64
parent_of (const Categories *c,
           gint64            id)
{
  const gint64 *parent = g_hash_table_lookup (c->parents, &id);

  return parent != NULL ? *parent : 0;
}

static char *
left_or_over (gint64 budget,
              gint64 spent)
{
  g_autofree char *amount = shore_money_format (ABS (budget - spent));

  if (budget <= 0)
    return g_strdup ("—");
  if (spent > budget)
    /* Translators: in the category table of the budget handout: spent beyond the budget by %s */
    return g_strdup_printf (_("%s over budget"), amount);
  /* Translators: in the category table of the budget handout: %s of the budget is left */
  return g_strdup_printf (_("%s left"), amount);
}

static void
add_category_row (GPtrArray             *rows,
                  const ShoreBudgetLine *line,
                  gboolean               sub)
{
  /* Translators: a subcategory in the category table of the budget handout, under its parent */
  g_autofree char *name = sub ? g_strdup_printf (_("· %s"), line->name) : g_strdup (line->name);

  shore_handout_money_add_row (rows, g_strdup (name), shore_money_format (line->spent),
                               line->amount > 0 ? shore_money_format (line->amount) : g_strdup ("—"),
                               left_or_over (line->amount, line->spent), NULL);
}

/* Top-level categories by spending, each followed by its subcategories that
 * have a budget; debt repayments are shown apart, in the key figures. */
static void
add_category_table (ShoreDocument           *doc,
                    const Categories        *cats,
                    GArray                  *lines,
                    const ShoreMonthSummary *s)
{
  static const ShoreDocumentAlign aligns[] = {
    SHORE_DOCUMENT_ALIGN_START, SHORE_DOCUMENT_ALIGN_END, SHORE_DOCUMENT_ALIGN_END, SHORE_DOCUMENT_ALIGN_END,
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *header[] = {
    /* Translators: a column of the category table of the budget handout */
    C_("handout budget", "Category"),
    /* Translators: a column of the category table of the budget handout */
    C_("handout budget", "Spent"),
    /* Translators: a column of the category table of the budget handout */
    C_("handout budget", "Budget"),
    /* Translators: a column of the category table of the budget handout: what is left of the budget, or by how much it is exceeded */
    C_("handout budget", "Left or over"),
  };
  gint64 categorised = 0;
  gboolean has_budgets = s->budget_total > 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const ShoreBudgetLine *line = &g_array_index (lines, ShoreBudgetLine, i);

      has_budgets = has_budgets || line->amount > 0;
      if (line->category_id == 0 || line->category_id == cats->debt_id ||
          parent_of (cats, line->category_id) != 0)
        continue;
      add_category_row (rows, line, FALSE);
      categorised += line->spent;
      for (guint j = 0; j < lines->len; j++)
        {
          const ShoreBudgetLine *sub = &g_array_index (lines, ShoreBudgetLine, j);

          if (sub->category_id != 0 && parent_of (cats, sub->category_id) == line->category_id)
            add_category_row (rows, sub, TRUE);
        }
    }
  if (s->spending > categorised)
    shore_handout_money_add_row (rows, g_strdup (_("Uncategorized")), shore_money_format (s->spending - categorised),
                                 g_strdup ("—"), g_strdup ("—"), NULL);
  shore_handout_money_add_row (rows, g_strdup (_("All spending")), shore_money_format (s->spending),
                               s->budget_total > 0 ? shore_money_format (s->budget_total) : g_strdup ("—"),
                               left_or_over (s->budget_total, s->spending), NULL);

  /* Without any budget the budget columns would only hold dashes. */
  shore_document_add_table (doc, header, has_budgets ? G_N_ELEMENTS (header) : 2, rows, aligns);
}

/* ---- Charts ---------------------------------------------------------------- */

/* A report chart of the handout, with the texts it shows. */
typedef struct
{
  char       *language;
  GPtrArray  *strings;   /* owns every text the drawing shows */
  gboolean    trend;     /* the months' trend, or else the categories */
  GArray     *items;     /* ShoreReportMonth or ShoreReportCategory */
  union
  {
    ShoreReportCategoryOptions categories;
    ShoreReportTrendOptions    trend;
  } options;
} ReportDrawing;

static ReportDrawing *
report_drawing_new (const ShoreHandoutContext *ctx,
                    gboolean                   trend)
{
  ReportDrawing *d = g_new0 (ReportDrawing, 1);

  d->language = g_strdup (ctx->options->language);
  d->strings = g_ptr_array_new_with_free_func (g_free);
  d->trend = trend;
  d->items = g_array_new (FALSE, TRUE, trend ? sizeof (ShoreReportMonth) : sizeof (ShoreReportCategory));
  return d;
}

static void
report_drawing_free (gpointer data)
{
  ReportDrawing *d = data;

  g_free (d->language);
  g_ptr_array_unref (d->strings);
  g_array_unref (d->items);
  g_free (d);
}

static void
draw_report (cairo_t *cr,
             double   width,
             double   height,
             gpointer data)
{
  ReportDrawing *d = data;
  ShoreChartStyle style;

  shore_handout_money_print_style (&style, width, height, d->language);
  if (d->trend)
    shore_report_trend_draw (cr, &style, (const ShoreReportMonth *) (gpointer) d->items->data,
                             d->items->len, &d->options.trend);
  else
    shore_report_categories_draw (cr, &style, (const ShoreReportCategory *) (gpointer) d->items->data,
                                  d->items->len, &d->options.categories);
}

static gboolean
add_categories_chart (ShoreHandoutContext *ctx,
                      const Categories    *cats,
                      GArray              *lines,
                      const GDate         *first,
                      const GDate         *last,
                      GError             **error)
{
  g_autoptr(GArray) totals = shore_ledger_spending_by_category (ctx->store, first, last, error);
  ReportDrawing *d;
  ShoreReportCategoryOptions *options;
  ShoreChartStyle style;

  if (totals == NULL)
    return FALSE;

  d = report_drawing_new (ctx, FALSE);
  options = &d->options.categories;
  for (guint i = 0; i < totals->len; i++)
    {
      const ShoreCategoryTotal *total = &g_array_index (totals, ShoreCategoryTotal, i);
      ShoreReportCategory item = { 0 };

      if (total->category_id != 0 && total->category_id == cats->debt_id)
        continue;
      item.label = shore_handout_money_keep (d->strings, g_strdup (total->name != NULL ? total->name
                                                                                     : _("Uncategorized")));
      item.amount_fen = total->amount;
      for (guint j = 0; j < lines->len; j++)
        {
          const ShoreBudgetLine *line = &g_array_index (lines, ShoreBudgetLine, j);

          if (line->category_id != 0 && line->category_id == total->category_id)
            item.budget_fen = line->amount;
        }
      g_array_append_val (d->items, item);
    }

  shore_report_category_options_init (options);
  options->other_label = shore_handout_money_keep (d->strings, g_strdup (C_("chart", "Other")));
  for (guint i = 0; i < d->items->len; i++)
    options->show_budgets |= g_array_index (d->items, ShoreReportCategory, i).budget_fen > 0;
  options->budget_label = shore_handout_money_keep (d->strings, g_strdup (_("Budget")));
  options->over_budget_label = shore_handout_money_keep (d->strings, g_strdup (_("Over budget")));
  options->empty_text = shore_handout_money_keep (d->strings, g_strdup (_("No spending this month")));

  shore_handout_money_print_style (&style, SHORE_HANDOUT_MONEY_CONTENT_WIDTH, 0, d->language);
  shore_document_add_heading (ctx->doc, _("Where the money went"));
  shore_document_add_drawing (ctx->doc,
                              shore_report_categories_natural_height (&style, d->items->len, options),
                              draw_report, d, report_drawing_free);
  return TRUE;
}

static gboolean
add_trend_chart (ShoreHandoutContext *ctx,
                 GError             **error)
{
  const GDate *today = &ctx->options->today;
  g_autoptr(GArray) totals = shore_ledger_monthly_trend (ctx->store, g_date_get_year (today),
                                                          g_date_get_month (today), 12, error);
  ReportDrawing *d;
  ShoreReportTrendOptions *options;
  ShoreChartStyle style;

  if (totals == NULL)
    return FALSE;

  d = report_drawing_new (ctx, TRUE);
  options = &d->options.trend;
  for (guint i = 0; i < totals->len; i++)
    {
      const ShoreMonthTotal *total = &g_array_index (totals, ShoreMonthTotal, i);
      ShoreReportMonth month = { 0 };

      month.label = shore_handout_money_keep (d->strings, shore_handout_money_month_label (total->month));
      month.income_fen = total->income;
      month.spending_fen = total->spending;
      month.debt_fen = total->debt_paid;
      g_array_append_val (d->items, month);
    }
  options->income_label = shore_handout_money_keep (d->strings, g_strdup (_("Income")));
  options->spending_label = shore_handout_money_keep (d->strings, g_strdup (_("Spending")));
  options->debt_label = shore_handout_money_keep (d->strings, g_strdup (_("Debt repayments")));
  options->surplus_label = shore_handout_money_keep (d->strings, g_strdup (_("Left over")));
  options->empty_text = shore_handout_money_keep (d->strings, g_strdup (_("Nothing recorded in these months")));

  shore_handout_money_print_style (&style, SHORE_HANDOUT_MONEY_CONTENT_WIDTH, 0, d->language);
  shore_document_add_heading (ctx->doc, _("The last 12 months"));
  shore_document_add_drawing (ctx->doc, shore_report_trend_natural_height (&style, options),
                              draw_report, d, report_drawing_free);
  return TRUE;
}

/* ---- Coming up ------------------------------------------------------------ */

static char **
upcoming_row (const ShoreUpcoming *item)
{
  g_autofree char *date = shore_handout_format_date (&item->date);
  char *when, *kind;

  if (item->overdue)
    /* Translators: %s is a date; the payment was due then and is not recorded */
    when = g_strdup_printf (_("Overdue since %s"), date);
  else
    when = g_strdup (date);
  if (item->period > 0)
    kind = g_strdup_printf (_("Installment %d"), item->period);
  else
    kind = g_strdup (item->amount > 0 ? _("Income") : _("Spending"));

  return shore_handout_money_strv (when, g_strdup (item->payee != NULL ? item->payee : ""), kind,
                                   shore_money_format (ABS (item->amount)), NULL);
}

static gboolean
add_upcoming (ShoreHandoutContext *ctx,
              const GDate         *last,
              GError             **error)
{
  static const ShoreDocumentAlign aligns[] = {
    SHORE_DOCUMENT_ALIGN_START, SHORE_DOCUMENT_ALIGN_START, SHORE_DOCUMENT_ALIGN_START, SHORE_DOCUMENT_ALIGN_END,
  };
  const GDate *today = &ctx->options->today;
  int days = (int) g_date_days_between (today, last);
  g_autoptr(GArray) upcoming = shore_ledger_upcoming (ctx->store, today, days, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *header[] = {
    /* Translators: a column of the “coming up” table of the budget handout */
    C_("handout budget", "When"),
    /* Translators: a column of the “coming up” table of the budget handout: a payee or lender */
    C_("handout budget", "Who"),
    /* Translators: a column of the “coming up” table of the budget handout */
    C_("handout budget", "What"),
    /* Translators: a column of the “coming up” table of the budget handout */
    C_("handout budget", "Amount"),
  };
  gint64 rest = 0;
  guint n_rest = 0;

  if (upcoming == NULL)
    return FALSE;

  shore_document_add_heading (ctx->doc, _("Coming up this month"));
  if (upcoming->len == 0)
    {
      shore_document_add_paragraph (ctx->doc, _("No repeating entries or loan installments are due for the rest of this month."));
      return TRUE;
    }

  for (guint i = 0; i < upcoming->len; i++)
    {
      const ShoreUpcoming *item = &g_array_index (upcoming, ShoreUpcoming, i);

      if (i < MAX_UPCOMING || upcoming->len == MAX_UPCOMING + 1)
        g_ptr_array_add (rows, upcoming_row (item));
      else
        {
          rest += item->amount;
          n_rest++;
        }
    }
  if (n_rest > 0)
    g_ptr_array_add (rows, shore_handout_money_strv (g_strdup (""),
                                                     /* Translators: the last row of the “coming up” table; %u entries are not listed */
                                                     g_strdup_printf (shore_ngettext ("and %u more entry", "and %u more entries", n_rest),
                                                                      n_rest),
                                                     g_strdup (""), shore_money_format (ABS (rest)), NULL));
  shore_document_add_table (ctx->doc, header, G_N_ELEMENTS (header), rows, aligns);
  return TRUE;
}

/* ---- What it means -------------------------------------------------------- */

static void
add_meaning (ShoreDocument           *doc,
             const ShoreMonthSummary *s)
{
  g_autofree char *surplus = shore_money_format (s->surplus_for_debt);
  g_autofree char *due = shore_money_format (s->debt_due);
  g_autofree char *gap = shore_money_format (ABS (s->debt_due - s->surplus_for_debt));
  g_autofree char *negotiate = shore_handout_money_negotiate_text ();

  shore_document_add_heading (doc, _("What this means for your repayments"));

  if (s->surplus_for_debt <= 0)
    {
      shore_handout_money_add_paragraph_take (doc,
                                    /* Translators: on the budget handout; %s is what the budget leaves for debt (zero or less) */
                                    g_strdup_printf (_("Your budget leaves nothing for debt this month (%s). Borrowing from "
                                                       "one lender to pay another only makes the debt grow: cutting spending "
                                                       "and negotiating with your lenders are the ways out."), surplus));
      shore_document_add_paragraph (doc, negotiate);
      return;
    }

  if (s->debt_due > s->surplus_for_debt)
    {
      shore_handout_money_add_paragraph_take (doc,
                                    /* Translators: on the budget handout; %1$s is what the budget leaves for debt,
                                     * %2$s the installments still due this month, %3$s the difference */
                                    g_strdup_printf (_("Your budget leaves %1$s for debt this month, but %2$s of loan "
                                                       "installments are still due: %3$s is missing. Pay what you can "
                                                       "afford without cutting food, rent and other essentials, and "
                                                       "talk to your lenders before the due dates."), surplus, due, gap));
      shore_document_add_paragraph (doc, negotiate);
      return;
    }

  shore_handout_money_add_paragraph_take (doc,
                                /* Translators: on the budget handout; %1$s is what the budget leaves for debt,
                                 * %2$s the installments still due this month, %3$s what is left after them */
                                g_strdup_printf (_("Your budget leaves %1$s for debt this month. That covers the %2$s "
                                                   "of loan installments still due, with %3$s to spare. Putting what is "
                                                   "spare on the loan with the highest real annual rate saves the most "
                                                   "interest: the repayment plan handout shows how."), surplus, due, gap));
}

/* ---- The handout ---------------------------------------------------------- */

/* Whether the ledger holds anything for the month or before it. */
static gboolean
has_budget_data (ShoreStore              *store,
                 const ShoreMonthSummary *s,
                 GArray                  *lines,
                 const GDate             *last)
{
  g_autoptr(ShoreTransactionList) list = NULL;
  ShoreTxnFilter filter;
  gboolean found;

  if (s->income != 0 || s->spending != 0 || s->budget_total != 0 || s->expected_income != 0 ||
      s->debt_paid != 0 || lines->len > 0)
    return TRUE;

  shore_txn_filter_init (&filter);
  filter.to = *last;
  list = shore_transaction_list_new (store, &filter);
  found = g_list_model_get_n_items (G_LIST_MODEL (list)) > 0;
  shore_txn_filter_clear (&filter);
  return found;
}

/**
 * shore_handout_build_budget:
 * @ctx: the handout being built
 * @error: return location for an error
 *
 * The month of @ctx's date: key figures, the spending by category against
 * the budgets, the category and trend charts, what is due for the rest of
 * the month and what the surplus means for repayments.
 *
 * Returns: %TRUE on success; %SHORE_HANDOUT_ERROR_NO_DATA when the ledger
 *   holds nothing for the month or before
 */
gboolean
shore_handout_build_budget (ShoreHandoutContext *ctx,
                            GError             **error)
{
  const GDate *today = &ctx->options->today;
  g_auto(Categories) cats = { 0 };
  g_autoptr(GArray) lines = NULL;
  g_autofree char *month = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *statement = NULL;
  ShoreMonthSummary s = { 0 };
  GDate first, last;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, g_date_get_month (today), g_date_get_year (today));
  last = first;
  g_date_add_months (&last, 1);
  g_date_subtract_days (&last, 1);

  if (!shore_ledger_month_summary (ctx->store, today, &s, error) ||
      (lines = shore_ledger_budget_lines (ctx->store, s.year, s.month, error)) == NULL ||
      !categories_load (ctx->store, &cats, error))
    return FALSE;

  if (!has_budget_data (ctx->store, &s, lines, &last))
    {
      shore_handout_set_error (ctx, error, SHORE_HANDOUT_ERROR_NO_DATA,
                               N_("The budget holds nothing for this month or before: record some income "
                                  "and spending, or set a budget, first."));
      return FALSE;
    }

  month = shore_handout_money_month_year (today);
  subtitle = shore_handout_subtitle (ctx, NULL);
  shore_document_set_title (ctx->doc, shore_handout_topic_get_label (SHORE_HANDOUT_BUDGET), subtitle);

  statement = surplus_statement (&s, month);
  shore_document_add_paragraph (ctx->doc, statement);
  add_key_figures (ctx->doc, &s);
  /* What it means comes right after the figures it reads, not after the charts. */
  add_meaning (ctx->doc, &s);

  /* Translators: a heading of the budget handout; %s is a month (“November 2026”) */
  shore_handout_money_add_heading_printf (ctx->doc, _("Spending by category in %s"), month);
  add_category_table (ctx->doc, &cats, lines, &s);

  if (!add_categories_chart (ctx, &cats, lines, &first, &last, error) ||
      !add_trend_chart (ctx, error) ||
      !add_upcoming (ctx, &last, error))
    return FALSE;
  return TRUE;
}
