/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-ledger"

#include "config.h"

#include <glib.h>
#include "shore-intl.h"
#include <gio/gio.h>
#include <sqlite3.h>

#include "shore-debts.h"
#include "shore-ledger.h"
#include "shore-ledger-private.h"
#include "shore-money.h"
#include "shore-store-private.h"

/* The ledger's budgets and reports: budget lines, the month summary,
 * spending by category and the monthly trend. See shore-ledger.c for the
 * errors they set.
 */

/* Spending that is a debt repayment, over `transactions t LEFT JOIN categories c`. */
#define IS_DEBT "(t.amount < 0 AND (t.loan_id IS NOT NULL OR c.builtin_key IS 'debt'))"

static char *
month_text (int year,
            int month)
{
  return g_strdup_printf ("%04d-%02d", year, month);
}

static void
month_bounds (int    year,
              int    month,
              GDate *first,
              GDate *last)
{
  g_date_clear (first, 1);
  g_date_set_dmy (first, 1, (GDateMonth) month, (GDateYear) year);
  g_date_clear (last, 1);
  g_date_set_dmy (last, g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year),
                  (GDateMonth) month, (GDateYear) year);
}

/* ---- Budgets ------------------------------------------------------------ */

void
shore_budget_line_clear (ShoreBudgetLine *line)
{
  if (line == NULL)
    return;
  g_clear_pointer (&line->name, g_free);
  g_clear_pointer (&line->icon, g_free);
}

typedef struct
{
  gint64   amount;
  gboolean every_month;
} Budget;

/* The budgets in force for @month ('YYYY-MM'): category id (0: overall) →
 * Budget; a month's own row overrides the standing one. */
static GHashTable *
read_budgets (ShoreStore  *store,
              const char  *month,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) budgets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  stmt = shore_store_prepare (store,
                              "SELECT ifnull (category_id, 0), amount, month IS NULL FROM budgets"
                              " WHERE month = ?1 OR month IS NULL ORDER BY month IS NULL",
                              error);
  if (stmt == NULL)
    return NULL;
  shore_ledger_bind_text (stmt, 1, month);

  while (shore_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      Budget *budget;

      if (g_hash_table_contains (budgets, &id))
        continue;   /* the month's own came first */
      budget = g_new0 (Budget, 1);
      budget->amount = sqlite3_column_int64 (stmt, 1);
      budget->every_month = sqlite3_column_int (stmt, 2) != 0;
      g_hash_table_insert (budgets, g_memdup2 (&id, sizeof id), budget);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&budgets);
}

/* Spending by expense category (own rows only) in [from, to]: id → fen. */
static GHashTable *
read_category_spending (ShoreStore   *store,
                        const GDate  *from,
                        const GDate  *to,
                        GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) spent = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  stmt = shore_store_prepare (store,
                              "SELECT t.category_id, -sum (t.amount) FROM transactions t"
                              " JOIN categories c ON c.id = t.category_id"
                              " WHERE t.date BETWEEN ?1 AND ?2 AND t.amount < 0 AND c.kind = 'expense'"
                              " GROUP BY t.category_id",
                              error);
  if (stmt == NULL)
    return NULL;
  shore_ledger_bind_date (stmt, 1, from);
  shore_ledger_bind_date (stmt, 2, to);

  while (shore_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 amount = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (spent, g_memdup2 (&id, sizeof id), g_memdup2 (&amount, sizeof amount));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&spent);
}

static gint64
lookup_amount (GHashTable *table,
               gint64      id)
{
  gint64 *amount = g_hash_table_lookup (table, &id);

  return amount != NULL ? *amount : 0;
}

static gboolean
month_totals (ShoreStore   *store,
              const GDate  *from,
              const GDate  *to,
              gint64       *income,
              gint64       *spending,
              gint64       *debt_paid,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = FALSE;

  stmt = shore_store_prepare (store,
                              "SELECT ifnull (sum (CASE WHEN t.amount > 0 AND NOT " SHORE_LEDGER_IS_NEUTRAL " THEN t.amount END), 0),"
                              " ifnull (sum (CASE WHEN t.amount < 0 AND NOT " SHORE_LEDGER_IS_NEUTRAL " AND NOT " IS_DEBT
                              "  THEN -t.amount END), 0),"
                              " ifnull (sum (CASE WHEN " IS_DEBT " THEN -t.amount END), 0)"
                              " FROM transactions t LEFT JOIN categories c ON c.id = t.category_id"
                              " WHERE t.date BETWEEN ?1 AND ?2",
                              error);
  if (stmt == NULL)
    return FALSE;
  shore_ledger_bind_date (stmt, 1, from);
  shore_ledger_bind_date (stmt, 2, to);
  if (!shore_store_step (store, stmt, &has_row, error))
    return FALSE;

  *income = sqlite3_column_int64 (stmt, 0);
  *spending = sqlite3_column_int64 (stmt, 1);
  *debt_paid = sqlite3_column_int64 (stmt, 2);
  return TRUE;
}

/* What one month looks like by category, for budget lines and the summary. */
typedef struct
{
  GPtrArray  *categories;   /* expense categories, archived ones included */
  GHashTable *budgets;      /* id (0: overall) → Budget */
  GHashTable *own_spent;    /* id → fen */
  GHashTable *rolled_spent; /* top-level id → fen, subcategories included */
} MonthView;

static void
month_view_clear (MonthView *view)
{
  g_clear_pointer (&view->categories, g_ptr_array_unref);
  g_clear_pointer (&view->budgets, g_hash_table_unref);
  g_clear_pointer (&view->own_spent, g_hash_table_unref);
  g_clear_pointer (&view->rolled_spent, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MonthView, month_view_clear)

static gboolean
month_view_read (ShoreStore  *store,
                 int          year,
                 int          month,
                 MonthView   *view,
                 GError     **error)
{
  g_autofree char *month_id = month_text (year, month);
  GDate first, last;

  month_bounds (year, month, &first, &last);
  view->categories = shore_ledger_list_categories (store, SHORE_CATEGORY_EXPENSE, TRUE, error);
  if (view->categories == NULL)
    return FALSE;
  view->budgets = read_budgets (store, month_id, error);
  if (view->budgets == NULL)
    return FALSE;
  view->own_spent = read_category_spending (store, &first, &last, error);
  if (view->own_spent == NULL)
    return FALSE;

  view->rolled_spent = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < view->categories->len; i++)
    {
      ShoreCategory *category = g_ptr_array_index (view->categories, i);
      gint64 top = category->parent_id != 0 ? category->parent_id : category->id;
      gint64 sum = lookup_amount (view->rolled_spent, top) + lookup_amount (view->own_spent, category->id);

      g_hash_table_insert (view->rolled_spent, g_memdup2 (&top, sizeof top), g_memdup2 (&sum, sizeof sum));
    }

  return TRUE;
}

static const Budget *
view_budget (const MonthView *view,
             gint64           category_id)
{
  return g_hash_table_lookup (view->budgets, &category_id);
}

/* A top-level category's budget: its own, else the sum of its subcategories'. */
static gint64
top_budget (const MonthView     *view,
            const ShoreCategory *top)
{
  const Budget *own = view_budget (view, top->id);
  gint64 sum = 0;

  if (own != NULL)
    return own->amount;

  for (guint i = 0; i < view->categories->len; i++)
    {
      ShoreCategory *category = g_ptr_array_index (view->categories, i);
      const Budget *budget = view_budget (view, category->id);

      if (category->parent_id == top->id && budget != NULL)
        sum += budget->amount;
    }

  return sum;
}

static int
compare_budget_lines (gconstpointer a,
                      gconstpointer b)
{
  const ShoreBudgetLine *la = a;
  const ShoreBudgetLine *lb = b;

  if (la->spent != lb->spent)
    return la->spent > lb->spent ? -1 : 1;
  return g_utf8_collate (la->name, lb->name);
}

GArray *
shore_ledger_budget_lines (ShoreStore  *store,
                           int          year,
                           int          month,
                           GError     **error)
{
  g_auto(MonthView) view = { 0 };
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GArray) by_category = NULL;
  const Budget *overall;
  GDate first, last;

  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (month >= 1 && month <= 12 && year >= 1 && year <= 9999, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!month_view_read (store, year, month, &view, error))
    return NULL;

  lines = g_array_new (FALSE, TRUE, sizeof (ShoreBudgetLine));
  g_array_set_clear_func (lines, (GDestroyNotify) shore_budget_line_clear);
  by_category = g_array_new (FALSE, TRUE, sizeof (ShoreBudgetLine));

  overall = view_budget (&view, 0);
  if (overall != NULL)
    {
      ShoreBudgetLine line = { 0 };
      gint64 income = 0, debt = 0;

      month_bounds (year, month, &first, &last);
      if (!month_totals (store, &first, &last, &income, &line.spent, &debt, error))
        return NULL;
      line.name = g_strdup (_("All spending"));
      line.icon = g_strdup ("view-list-bullet-symbolic");
      line.amount = overall->amount;
      line.every_month = overall->every_month;
      g_array_append_val (lines, line);
    }

  for (guint i = 0; i < view.categories->len; i++)
    {
      ShoreCategory *category = g_ptr_array_index (view.categories, i);
      const Budget *budget = view_budget (&view, category->id);
      ShoreBudgetLine line = { 0 };

      line.spent = category->parent_id == 0 ? lookup_amount (view.rolled_spent, category->id)
                                            : lookup_amount (view.own_spent, category->id);
      /* Subcategories have a line of their own only with a budget */
      if (budget == NULL && (line.spent == 0 || category->parent_id != 0))
        continue;

      line.category_id = category->id;
      line.name = g_strdup (category->name);
      line.icon = g_strdup (category->icon);
      line.amount = budget != NULL ? budget->amount : 0;
      line.every_month = budget != NULL && budget->every_month;
      g_array_append_val (by_category, line);
    }

  g_array_sort (by_category, compare_budget_lines);
  g_array_append_vals (lines, by_category->data, by_category->len);

  return g_steal_pointer (&lines);
}

gboolean
shore_ledger_set_budget (ShoreStore  *store,
                         gint64       category_id,
                         int          year,
                         int          month,
                         gint64       amount,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *month_id = NULL;
  g_autoptr(ShoreCategory) category = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (month >= 0 && month <= 12, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (amount < 0)
    {
      shore_ledger_set_invalid (error, _("A budget cannot be less than zero."));
      return FALSE;
    }
  if (month != 0)
    month_id = month_text (year, month);

  if (!shore_store_begin (store, error))
    return FALSE;

  if (category_id != 0)
    {
      category = shore_ledger_find_category (store, category_id, &local_error);
      if (category == NULL)
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            shore_ledger_set_no_category_error (error);
          ok = FALSE;
        }
      else if (category->kind != SHORE_CATEGORY_EXPENSE)
        {
          shore_ledger_set_invalid (error, _("Budgets are for spending categories only."));
          ok = FALSE;
        }
    }

  if (ok)
    {
      stmt = shore_store_prepare (store,
                                  "DELETE FROM budgets WHERE category_id IS ?1 AND month IS ?2",
                                  error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      shore_ledger_bind_id_or_null (stmt, 1, category_id);
      if (month_id != NULL)
        shore_ledger_bind_text (stmt, 2, month_id);
      ok = shore_store_step_done (store, stmt, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (ok && amount > 0)
    {
      stmt = shore_store_prepare (store,
                                  "INSERT INTO budgets (category_id, month, amount) VALUES (?1, ?2, ?3)",
                                  error);
      ok = stmt != NULL;
      if (ok)
        {
          shore_ledger_bind_id_or_null (stmt, 1, category_id);
          if (month_id != NULL)
            shore_ledger_bind_text (stmt, 2, month_id);
          sqlite3_bind_int64 (stmt, 3, amount);
          ok = shore_store_step_done (store, stmt, error);
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  return shore_ledger_finish_write (store, ok, error);
}

/* ---- The month and reports ---------------------------------------------- */

/* Recurring income due in (today, end of its month], not yet posted. */
static gboolean
expected_income (ShoreStore   *store,
                 const GDate  *today,
                 gint64       *out,
                 GError      **error)
{
  g_autoptr(GArray) items = shore_ledger_read_recurring (store, 0, error);
  GDate first, last;

  if (items == NULL)
    return FALSE;
  month_bounds (g_date_get_year (today), g_date_get_month (today), &first, &last);

  *out = 0;
  for (guint i = 0; i < items->len; i++)
    {
      const ShoreRecurring *item = &g_array_index (items, ShoreRecurring, i);
      g_autoptr(GArray) dates = g_array_new (FALSE, FALSE, sizeof (GDate));

      if (item->kind != SHORE_RECURRING_INCOME)
        continue;
      shore_ledger_recurring_due_dates (item, today, &last, dates);
      for (guint d = 0; d < dates->len; d++)
        if (g_date_compare (&g_array_index (dates, GDate, d), today) > 0 &&
            !shore_money_add (*out, item->amount, out))
          *out = G_MAXINT64;
    }

  return TRUE;
}

static gboolean
debt_due_this_month (ShoreStore   *store,
                     const GDate  *today,
                     gint64       *out,
                     GError      **error)
{
  g_autoptr(GListModel) debts = shore_debts_list (store, today, error);
  guint n;

  if (debts == NULL)
    return FALSE;

  *out = 0;
  n = g_list_model_get_n_items (debts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (debts, i);
      const ShoreLoanStatus *status = shore_debt_get_status (debt);

      if (status->state != SHORE_LOAN_STATE_PAID_OFF && !shore_money_add (*out, status->due_this_month, out))
        *out = G_MAXINT64;
    }

  return TRUE;
}

gboolean
shore_ledger_month_summary (ShoreStore         *store,
                            const GDate        *today,
                            ShoreMonthSummary  *out,
                            GError            **error)
{
  g_auto(MonthView) view = { 0 };
  ShoreMonthSummary summary = { 0 };
  const Budget *overall;
  gint64 committed = 0, category_budgets = 0, categorised = 0;
  GDate first, last;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  summary.year = g_date_get_year (today);
  summary.month = g_date_get_month (today);
  month_bounds (summary.year, summary.month, &first, &last);

  if (!month_totals (store, &first, &last, &summary.income, &summary.spending, &summary.debt_paid, error) ||
      !month_view_read (store, summary.year, summary.month, &view, error) ||
      !expected_income (store, today, &summary.expected_income, error) ||
      !debt_due_this_month (store, today, &summary.debt_due, error))
    return FALSE;

  /* Per top-level spending category (debt repayments aside): the larger of
   * what was spent and what is budgeted. */
  for (guint i = 0; i < view.categories->len; i++)
    {
      ShoreCategory *category = g_ptr_array_index (view.categories, i);
      gint64 spent, budget;

      if (category->parent_id != 0 || g_strcmp0 (category->builtin_key, "debt") == 0)
        continue;
      spent = lookup_amount (view.rolled_spent, category->id);
      budget = top_budget (&view, category);
      categorised += spent;
      category_budgets += budget;
      committed += MAX (spent, budget);
    }
  /* Spending outside any spending category (uncategorised) counts as spent */
  committed += MAX (0, summary.spending - categorised);

  overall = view_budget (&view, 0);
  summary.budget_total = overall != NULL ? overall->amount : category_budgets;
  summary.budget_left = summary.budget_total - summary.spending;
  if (overall != NULL)
    committed = MAX (committed, overall->amount);

  summary.surplus_for_debt = MAX (summary.income, summary.income + summary.expected_income) - committed;

  *out = summary;
  return TRUE;
}

void
shore_category_total_clear (ShoreCategoryTotal *total)
{
  if (total == NULL)
    return;
  g_clear_pointer (&total->name, g_free);
  g_clear_pointer (&total->icon, g_free);
}

GArray *
shore_ledger_spending_by_category (ShoreStore   *store,
                                   const GDate  *from,
                                   const GDate  *to,
                                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) totals = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  totals = g_array_new (FALSE, TRUE, sizeof (ShoreCategoryTotal));
  g_array_set_clear_func (totals, (GDestroyNotify) shore_category_total_clear);

  stmt = shore_store_prepare (store,
                              "SELECT ifnull (top.id, 0), top.name, top.builtin_key, top.icon, -sum (t.amount) AS spent"
                              " FROM transactions t"
                              " LEFT JOIN categories c ON c.id = t.category_id"
                              " LEFT JOIN categories top ON top.id = ifnull (c.parent_id, c.id)"
                              " WHERE t.date BETWEEN ?1 AND ?2 AND t.amount < 0"
                              "   AND (c.id IS NULL OR c.kind = 'expense')"
                              " GROUP BY ifnull (top.id, 0) ORDER BY spent DESC, 1",
                              error);
  if (stmt == NULL)
    return NULL;
  shore_ledger_bind_date (stmt, 1, from);
  shore_ledger_bind_date (stmt, 2, to);

  while (shore_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      ShoreCategoryTotal total = { 0 };
      const char *icon = shore_ledger_column_text_or_null (stmt, 3);

      total.category_id = sqlite3_column_int64 (stmt, 0);
      if (total.category_id == 0)
        {
          total.name = g_strdup (_("Uncategorized"));
          total.icon = g_strdup (shore_ledger_default_category_icon (-1));
        }
      else
        {
          total.name = g_strdup (shore_ledger_category_display_name (shore_ledger_column_text_or_null (stmt, 2),
                                                                     shore_ledger_column_text (stmt, 1)));
          total.icon = g_strdup (icon != NULL && icon[0] != '\0' ? icon
                                 : shore_ledger_default_category_icon (SHORE_CATEGORY_EXPENSE));
        }
      total.amount = sqlite3_column_int64 (stmt, 4);
      g_array_append_val (totals, total);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&totals);
}

GArray *
shore_ledger_monthly_trend (ShoreStore  *store,
                            int          last_year,
                            int          last_month,
                            guint        n_months,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GError) local_error = NULL;
  GDate first, last, ignored;
  gboolean has_row = FALSE;
  int year, month;

  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (last_month >= 1 && last_month <= 12 && last_year >= 1 && last_year <= 9999, NULL);
  g_return_val_if_fail (n_months >= 1 && n_months <= 1200, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  months = g_array_sized_new (FALSE, TRUE, sizeof (ShoreMonthTotal), n_months);
  year = last_year;
  month = last_month;
  /* the first month of the range */
  for (guint i = 1; i < n_months; i++)
    if (--month == 0)
      {
        month = 12;
        year--;
      }
  g_return_val_if_fail (year >= 1, NULL);

  for (guint i = 0; i < n_months; i++)
    {
      ShoreMonthTotal total = { 0 };

      total.year = year;
      total.month = month;
      g_array_append_val (months, total);
      if (++month == 13)
        {
          month = 1;
          year++;
        }
    }

  month_bounds (g_array_index (months, ShoreMonthTotal, 0).year,
                g_array_index (months, ShoreMonthTotal, 0).month, &first, &ignored);
  month_bounds (last_year, last_month, &ignored, &last);

  stmt = shore_store_prepare (store,
                              "SELECT CAST (substr (t.date, 1, 4) AS INTEGER), CAST (substr (t.date, 6, 2) AS INTEGER),"
                              " ifnull (sum (CASE WHEN t.amount > 0 AND NOT " SHORE_LEDGER_IS_NEUTRAL " THEN t.amount END), 0),"
                              " ifnull (sum (CASE WHEN t.amount < 0 AND NOT " SHORE_LEDGER_IS_NEUTRAL " AND NOT " IS_DEBT
                              "  THEN -t.amount END), 0),"
                              " ifnull (sum (CASE WHEN " IS_DEBT " THEN -t.amount END), 0)"
                              " FROM transactions t LEFT JOIN categories c ON c.id = t.category_id"
                              " WHERE t.date BETWEEN ?1 AND ?2 GROUP BY substr (t.date, 1, 7)",
                              error);
  if (stmt == NULL)
    return NULL;
  shore_ledger_bind_date (stmt, 1, &first);
  shore_ledger_bind_date (stmt, 2, &last);

  while (shore_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      int y = sqlite3_column_int (stmt, 0);
      int m = sqlite3_column_int (stmt, 1);
      int index = (y - g_array_index (months, ShoreMonthTotal, 0).year) * 12 +
                  (m - g_array_index (months, ShoreMonthTotal, 0).month);
      ShoreMonthTotal *total;

      if (index < 0 || (guint) index >= n_months)
        continue;
      total = &g_array_index (months, ShoreMonthTotal, index);
      total->income = sqlite3_column_int64 (stmt, 2);
      total->spending = sqlite3_column_int64 (stmt, 3);
      total->debt_paid = sqlite3_column_int64 (stmt, 4);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&months);
}
