/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drives the Budget page and its dialogs through their real widgets under
 * Xvfb, from a ledger prepared through the core API (two accounts, 50
 * transactions this month, a food budget, a recurring bill, a loan): the
 * summary, adding a transaction (bad input first), deleting it and Undo,
 * setting a budget, recording what is coming up. Runs once per language
 * (LANGUAGE=C, zh_CN, zh_TW); any GTK warning aborts the run. */

#include "config.h"

#include <glib/gi18n.h>

#include "shore-debts.h"
#include "shore-i18n.h"
#include "shore-ledger.h"
#include "shore-loan.h"
#include "shore-money.h"
#include "shore-rate.h"

#include "shore-budget-page.h"
#include "shore-budgets-dialog.h"
#include "shore-transaction-dialog.h"
#include "shore-window.h"

#include "shore-test-ui.h"

#define N_PREPARED 50

static void
get_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

static void
add_prepared_transaction (ShoreStore *store,
                          guint       i,
                          gint64      account_id,
                          gint64      food_id,
                          gint64      salary_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payee = g_strdup_printf ("商户 %u", i);
  ShoreTxnData data = { 0 };
  GDate today;

  get_today (&today);
  g_date_clear (&data.date, 1);
  /* Spread over the days of this month up to today. */
  g_date_set_dmy (&data.date, (GDateDay) (1 + i % g_date_get_day (&today)),
                  g_date_get_month (&today), g_date_get_year (&today));
  data.account_id = account_id;
  data.payee = payee;
  if (i % 10 == 0)
    {
      data.amount = 500000;
      data.category_id = salary_id;
    }
  else
    {
      data.amount = -(gint64) (1000 + i * 100);
      data.category_id = food_id;
    }
  g_assert_true (shore_ledger_add_transaction (store, &data, &error));
  g_assert_no_error (error);
}

static void
prepare_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreStore) store = shore_store_open (shore_test_get_data_dir (), &error);
  g_autoptr(ShoreLoan) loan = shore_loan_new ();
  ShoreAccount bank = { 0, (char *) "招商银行", SHORE_ACCOUNT_BANK, 0, 0, FALSE };
  ShoreAccount wechat = { 0, (char *) "微信零钱", SHORE_ACCOUNT_WECHAT, 0, 0, FALSE };
  ShoreRecurring rent = { 0 };
  gint64 food, salary;
  GDate today;

  g_assert_no_error (error);
  g_assert_true (shore_ledger_add_account (store, &bank, &error));
  g_assert_true (shore_ledger_add_account (store, &wechat, &error));
  food = shore_ledger_find_builtin (store, "food", &error);
  salary = shore_ledger_find_builtin (store, "salary", &error);
  g_assert_cmpint (food, >, 0);
  g_assert_cmpint (salary, >, 0);

  for (guint i = 0; i < N_PREPARED; i++)
    add_prepared_transaction (store, i, i % 2 ? bank.id : wechat.id, food, salary);

  g_assert_true (shore_ledger_set_budget (store, food, 0, 0, 200000, &error));
  g_assert_no_error (error);

  get_today (&today);
  rent.kind = SHORE_RECURRING_EXPENSE;
  rent.amount = 150000;
  rent.account_id = bank.id;
  rent.category_id = shore_ledger_find_builtin (store, "housing", NULL);
  rent.payee = (char *) "房租";
  rent.day_of_month = 1;
  g_date_clear (&rent.start_date, 1);
  g_date_set_dmy (&rent.start_date, 1, g_date_get_month (&today), g_date_get_year (&today));
  g_date_clear (&rent.end_date, 1);
  g_date_clear (&rent.last_posted, 1);
  g_assert_true (shore_ledger_add_recurring (store, &rent, &error));
  g_assert_no_error (error);

  g_free (loan->lender);
  loan->lender = g_strdup ("微粒贷");
  loan->principal = 1000000;
  loan->term_months = 12;
  g_assert_true (shore_rate_parse ("daily:0.05%", &loan->rate, &error));
  g_date_subtract_months (&loan->start_date, 2);
  g_assert_true (shore_debts_add (store, loan, &error));
  g_assert_no_error (error);
}

static ShoreBudgetPage *
get_page (void)
{
  return shore_test_child (shore_test_get_window (), SHORE_TYPE_WINDOW, "budget_page");
}

static ShoreStore *
get_store (void)
{
  return shore_application_get_store (shore_test_get_app ());
}

static const char *
get_label (gpointer    widget,
           GType       type,
           const char *name)
{
  return gtk_label_get_label (GTK_LABEL (shore_test_child (widget, type, name)));
}

static void
set_text (gpointer    dialog,
          GType       type,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (shore_test_child (dialog, type, name)), text);
}

static void
click (gpointer    dialog,
       GType       type,
       const char *name)
{
  g_signal_emit_by_name (shore_test_child (dialog, type, name), "clicked");
}

/* The transaction list shown by the page (its filter: the month shown),
 * on the Transactions section, where the list joins its model. */
static GListModel *
get_shown (void)
{
  GtkListView *view = shore_test_child (get_page (), SHORE_TYPE_BUDGET_PAGE, "transactions_view");
  GtkStack *sections = shore_test_child (get_page (), SHORE_TYPE_BUDGET_PAGE, "sections_stack");

  gtk_stack_set_visible_child_name (sections, "transactions");
  return G_LIST_MODEL (gtk_list_view_get_model (view));
}

static guint
count_all (void)
{
  g_autoptr(ShoreTransactionList) list = NULL;
  ShoreTxnFilter filter;

  shore_txn_filter_init (&filter);
  list = shore_transaction_list_new (get_store (), &filter);
  shore_txn_filter_clear (&filter);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static gboolean
shown_count_is (gpointer data)
{
  return g_list_model_get_n_items (get_shown ()) == GPOINTER_TO_UINT (data);
}

static void
assert_money_label (const char *name,
                    gint64      fen)
{
  g_autofree char *expected = shore_money_format (fen);

  g_assert_cmpstr (get_label (get_page (), SHORE_TYPE_BUDGET_PAGE, name), ==, expected);
}

static void
get_summary (ShoreMonthSummary *summary)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  get_today (&today);
  g_assert_true (shore_ledger_month_summary (get_store (), &today, summary, &error));
  g_assert_no_error (error);
}

static void
test_summary (void)
{
  ShoreWindow *window = shore_test_get_window ();
  ShoreMonthSummary summary;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *month = g_date_time_format (now, _("%B %Y"));

  g_assert_false (shore_window_is_showing_error (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "budget"));
  shore_test_settle ();
  g_assert_cmpstr (shore_window_get_visible_page (window), ==, "budget");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (shore_test_child (get_page (), SHORE_TYPE_BUDGET_PAGE, "stack")), ==, "content");
  g_assert_cmpstr (get_label (get_page (), SHORE_TYPE_BUDGET_PAGE, "month_label"), ==, month);

  get_summary (&summary);
  g_assert_cmpint (summary.income, ==, 5 * 500000);
  assert_money_label ("income_label", summary.income);
  assert_money_label ("spending_label", summary.spending);
  assert_money_label ("available_label", summary.surplus_for_debt);
  assert_money_label ("debt_due_label", summary.debt_due);
  /* The list is not measured for the first frame: no model until its section is shown. */
  g_assert_null (gtk_list_view_get_model (shore_test_child (get_page (), SHORE_TYPE_BUDGET_PAGE, "transactions_view")));
  g_assert_cmpuint (g_list_model_get_n_items (get_shown ()), ==, N_PREPARED);
  gtk_stack_set_visible_child_name (shore_test_child (get_page (), SHORE_TYPE_BUDGET_PAGE, "sections_stack"), "month");
  g_assert_nonnull (gtk_list_box_get_row_at_index (shore_test_child (get_page (), SHORE_TYPE_BUDGET_PAGE, "budgets_list"), 0));
}

static void
test_add_transaction (void)
{
  GType type = SHORE_TYPE_TRANSACTION_DIALOG;
  g_autoptr(GError) expected = NULL;
  ShoreMonthSummary before, after;
  GtkWindow *dialog;
  GtkWidget *error_label;

  get_summary (&before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shore_test_get_window ()), "win.add-transaction", NULL));
  dialog = shore_test_wait_for_dialog (type);

  /* Garbage is refused in the dialog, in the user's language. */
  set_text (dialog, type, "amount_row", "abc");
  click (dialog, type, "save_button");
  g_assert_false (shore_money_parse ("abc", NULL, &expected));
  error_label = shore_test_child (dialog, type, "error_label");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), ==, expected->message);
  g_assert_true (gtk_widget_has_css_class (shore_test_child (dialog, type, "amount_row"), "error"));
  g_assert_cmpuint (count_all (), ==, N_PREPARED);

  set_text (dialog, type, "amount_row", "12.50");
  g_assert_false (gtk_widget_get_visible (error_label));
  set_text (dialog, type, "payee_row", "便利店");
  click (dialog, type, "save_button");
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (type), "the transaction dialog to close");
  shore_test_wait_for (shown_count_is, GUINT_TO_POINTER (N_PREPARED + 1), "the new transaction");

  get_summary (&after);
  g_assert_cmpint (after.spending, ==, before.spending + 1250);
  assert_money_label ("spending_label", after.spending);
}

static guint
find_payee (const char *payee)
{
  GListModel *shown = get_shown ();

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (shown, i);
      g_autofree char *text = NULL;

      g_object_get (item, "payee", &text, NULL);
      if (g_strcmp0 (text, payee) == 0)
        return i;
    }
  g_assert_not_reached ();
}

static void
test_delete_and_undo (void)
{
  ShoreBudgetPage *page = get_page ();
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (get_shown ());

  gtk_selection_model_select_item (selection, find_payee ("便利店"), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "budget.delete-selected", NULL));
  shore_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (get_shown ()), ==, N_PREPARED);
  g_assert_cmpuint (count_all (), ==, N_PREPARED);

  shore_test_click_undo ();
  shore_test_wait_for (shown_count_is, GUINT_TO_POINTER (N_PREPARED + 1), "the transaction to come back");
  g_assert_cmpuint (count_all (), ==, N_PREPARED + 1);
  (void) find_payee ("便利店");
}

static void
test_set_budget (void)
{
  GType type = SHORE_TYPE_BUDGETS_DIALOG;
  g_autoptr(GArray) lines = NULL;
  ShoreMonthSummary summary;
  GtkWindow *dialog;
  GDate today;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page ()), "budget.set-budgets", NULL));
  dialog = shore_test_wait_for_dialog (type);

  set_text (dialog, type, "overall_row", "3,000.00.0");
  click (dialog, type, "save_button");
  g_assert_true (gtk_widget_get_visible (shore_test_child (dialog, type, "error_label")));
  g_assert_true (gtk_widget_has_css_class (shore_test_child (dialog, type, "overall_row"), "error"));

  set_text (dialog, type, "overall_row", "3000");
  click (dialog, type, "save_button");
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (type), "the budgets dialog to close");
  shore_test_settle ();

  get_today (&today);
  lines = shore_ledger_budget_lines (get_store (), g_date_get_year (&today), g_date_get_month (&today), NULL);
  g_assert_nonnull (lines);
  g_assert_cmpuint (lines->len, >=, 2);
  g_assert_cmpint (g_array_index (lines, ShoreBudgetLine, 0).category_id, ==, 0);
  g_assert_cmpint (g_array_index (lines, ShoreBudgetLine, 0).amount, ==, 300000);

  get_summary (&summary);
  g_assert_cmpint (summary.budget_total, ==, 300000);
  assert_money_label ("budget_left_label", summary.budget_left);
}

static gboolean
message_dialog_shown (gpointer data)
{
  return shore_test_toplevel_shown (GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_record_upcoming (void)
{
  g_autoptr(GArray) upcoming = NULL;
  GtkWindow *dialog;
  GDate today;
  guint before = count_all ();

  get_today (&today);
  upcoming = shore_ledger_upcoming (get_store (), &today, 30, NULL);
  g_assert_nonnull (upcoming);
  g_assert_cmpuint (upcoming->len, >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_page ()), "budget.record-upcoming", "u", 0));
  shore_test_wait_for (message_dialog_shown, NULL, "the record dialog");
  dialog = shore_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  /* What the Record button does: the response, then the dialog closes. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  gtk_window_close (dialog);
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the record dialog to close");
  shore_test_settle ();

  g_assert_cmpuint (count_all (), ==, before + 1);
  g_clear_pointer (&upcoming, g_array_unref);
  upcoming = shore_ledger_upcoming (get_store (), &today, 30, NULL);
  g_assert_nonnull (upcoming);
}

int
main (int    argc,
      char **argv)
{
  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  shore_test_setup ("shore-budget-ui-XXXXXX", FALSE);
  prepare_data ();

  /* In order: each case starts where the previous one left the database. */
  g_test_add_func ("/budget-ui/summary", test_summary);
  g_test_add_func ("/budget-ui/add-transaction", test_add_transaction);
  g_test_add_func ("/budget-ui/delete-undo", test_delete_and_undo);
  g_test_add_func ("/budget-ui/set-budget", test_set_budget);
  g_test_add_func ("/budget-ui/record-upcoming", test_record_upcoming);

  return shore_test_run ();
}
