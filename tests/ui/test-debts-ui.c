/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drives the Debts and Overview pages and their dialogs through their real
 * widgets under Xvfb, starting from an empty database: add a loan, refuse bad
 * input, record a payment, delete and undo, check an offer. Runs once per
 * language (LANGUAGE=C, zh_CN, zh_TW); any GTK warning aborts the run. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "shore-application.h"
#include "shore-debts.h"
#include "shore-debts-page.h"
#include "shore-i18n.h"
#include "shore-legal-lines.h"
#include "shore-loan-dialog.h"
#include "shore-money.h"
#include "shore-offer-dialog.h"
#include "shore-overview-page.h"
#include "shore-payment-dialog.h"
#include "shore-window.h"

#include "shore-test-ui.h"

static ShoreDebtsPage *
get_debts_page (void)
{
  return shore_test_child (shore_test_get_window (), SHORE_TYPE_WINDOW, "debts_page");
}

static ShoreOverviewPage *
get_overview_page (void)
{
  return shore_test_child (shore_test_get_window (), SHORE_TYPE_WINDOW, "overview_page");
}

static const char *
visible_page_of (gpointer widget,
                 GType    type)
{
  return gtk_stack_get_visible_child_name (shore_test_child (widget, type, "stack"));
}

static GListModel *
get_debts (void)
{
  return shore_debts_page_get_model (get_debts_page ());
}

static ShoreDebt *
get_first_debt (void)
{
  g_autoptr(ShoreDebt) debt = g_list_model_get_item (get_debts (), 0);

  g_assert_nonnull (debt);
  return debt;   /* the model keeps it alive */
}

static void
set_text (gpointer    dialog,
          GType       type,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (shore_test_child (dialog, type, name)), text);
}

static const char *
get_label (gpointer    widget,
           GType       type,
           const char *name)
{
  return gtk_label_get_label (GTK_LABEL (shore_test_child (widget, type, name)));
}

static void
click (gpointer    dialog,
       GType       type,
       const char *name)
{
  g_signal_emit_by_name (shore_test_child (dialog, type, name), "clicked");
}

static char *
format_owed (ShoreDebt *debt)
{
  return shore_money_format (shore_debt_get_status (debt)->owed_total);
}

static void
test_empty_states (void)
{
  ShoreWindow *window = shore_test_get_window ();

  g_assert_false (shore_window_is_showing_error (window));
  g_assert_cmpuint (g_list_model_get_n_items (get_debts ()), ==, 0);
  g_assert_cmpstr (visible_page_of (get_overview_page (), SHORE_TYPE_OVERVIEW_PAGE), ==, "empty");
  g_assert_cmpstr (visible_page_of (get_debts_page (), SHORE_TYPE_DEBTS_PAGE), ==, "empty");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "debts"));
  shore_test_settle ();
  g_assert_cmpstr (shore_window_get_visible_page (window), ==, "debts");
}

static gboolean
debts_count_is (gpointer data)
{
  return g_list_model_get_n_items (get_debts ()) == GPOINTER_TO_UINT (data);
}

/* Bad input is shown in the dialog, in the user's language, and nothing is saved. */
static void
test_add_loan_bad_input (void)
{
  GType type = SHORE_TYPE_LOAN_DIALOG;
  g_autoptr(GError) expected = NULL;
  GtkWindow *dialog;
  GtkWidget *error_label;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shore_test_get_window ()), "win.show-page", "s", "overview"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shore_test_get_window ()), "win.add-loan", NULL));
  dialog = shore_test_wait_for_dialog (type);
  g_assert_cmpstr (shore_window_get_visible_page (shore_test_get_window ()), ==, "debts");

  set_text (dialog, type, "lender_row", "微粒贷");
  set_text (dialog, type, "principal_row", "abc");
  set_text (dialog, type, "rate_row", "0.05");
  click (dialog, type, "save_button");
  shore_test_settle ();

  g_assert_false (shore_money_parse ("abc", NULL, &expected));
  error_label = shore_test_child (dialog, type, "error_label");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), ==, expected->message);
  g_assert_true (gtk_widget_has_css_class (shore_test_child (dialog, type, "principal_row"), "error"));
  g_assert_nonnull (shore_test_find_toplevel (type));
  g_assert_cmpuint (g_list_model_get_n_items (get_debts ()), ==, 0);

  /* A bad rate is caught too, and typing clears the mark. */
  set_text (dialog, type, "principal_row", "10000");
  g_assert_false (gtk_widget_get_visible (error_label));
  set_text (dialog, type, "rate_row", "-1");
  click (dialog, type, "save_button");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_has_css_class (shore_test_child (dialog, type, "rate_row"), "error"));
  g_assert_cmpuint (g_list_model_get_n_items (get_debts ()), ==, 0);

  gtk_window_close (dialog);
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (type), "the loan dialog to close");
  g_assert_cmpuint (g_list_model_get_n_items (get_debts ()), ==, 0);
}

static void
test_add_loan (void)
{
  GType type = SHORE_TYPE_LOAN_DIALOG;
  ShoreDebtsPage *page = get_debts_page ();
  GtkListBox *list_box = shore_test_child (page, SHORE_TYPE_DEBTS_PAGE, "list_box");
  g_autofree char *owed = NULL;
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "debts.add-loan", NULL));
  dialog = shore_test_wait_for_dialog (type);

  /* The defaults: daily rate, 12 months, equal installments, received today. */
  set_text (dialog, type, "lender_row", "微粒贷");
  set_text (dialog, type, "principal_row", "10000");
  set_text (dialog, type, "rate_row", "0.05");
  g_assert_cmpfloat (gtk_spin_button_get_value (shore_test_child (dialog, type, "term_spin")), ==, 12);
  g_assert_cmpuint (adw_combo_row_get_selected (shore_test_child (dialog, type, "lender_type_row")), ==, SHORE_LENDER_PLATFORM);
  g_assert_cmpuint (adw_combo_row_get_selected (shore_test_child (dialog, type, "method_row")), ==, SHORE_METHOD_EQUAL_INSTALLMENT);
  g_assert_cmpfloat (gtk_spin_button_get_value (shore_test_child (dialog, type, "markup_spin")), ==, 50);
  g_assert_cmpfloat (gtk_spin_button_get_value (shore_test_child (dialog, type, "grace_spin")), ==, 1);
  g_assert_nonnull (strstr (get_label (dialog, type, "apr_label"), "18.00"));
  g_assert_nonnull (strstr (get_label (dialog, type, "apr_label"), "19.56"));

  click (dialog, type, "save_button");
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (type), "the loan dialog to close");
  shore_test_wait_for (debts_count_is, GUINT_TO_POINTER (1), "the new loan");
  shore_test_settle ();

  g_assert_cmpstr (visible_page_of (page, SHORE_TYPE_DEBTS_PAGE), ==, "list");
  g_assert_nonnull (gtk_list_box_get_row_at_index (list_box, 0));
  g_assert_null (gtk_list_box_get_row_at_index (list_box, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list_box, 0))),
                   ==, "微粒贷");

  owed = format_owed (get_first_debt ());
  g_assert_cmpstr (owed, !=, "¥0.00");
  g_assert_nonnull (shore_test_find_labelled (GTK_WIDGET (list_box), GTK_TYPE_LABEL, owed));
  g_assert_cmpstr (get_label (page, SHORE_TYPE_DEBTS_PAGE, "total_owed_label"), ==, owed);
  g_assert_cmpstr (visible_page_of (get_overview_page (), SHORE_TYPE_OVERVIEW_PAGE), ==, "summary");
  g_assert_cmpstr (get_label (get_overview_page (), SHORE_TYPE_OVERVIEW_PAGE, "total_owed_label"), ==, owed);
}

static void
open_first_loan (void)
{
  ShoreDebtsPage *page = get_debts_page ();
  GtkListBox *list_box = shore_test_child (page, SHORE_TYPE_DEBTS_PAGE, "list_box");

  g_signal_emit_by_name (list_box, "row-activated", gtk_list_box_get_row_at_index (list_box, 0));
  shore_test_settle ();
  g_assert_cmpstr (visible_page_of (page, SHORE_TYPE_DEBTS_PAGE), ==, "loan");
}

static void
test_edit_loan (void)
{
  GType type = SHORE_TYPE_LOAN_DIALOG;
  ShoreDebtsPage *page = get_debts_page ();
  GtkWindow *dialog;

  open_first_loan ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "debts.edit-loan", NULL));
  dialog = shore_test_wait_for_dialog (type);

  /* The form shows the loan as it was entered. */
  g_assert_cmpstr (gtk_editable_get_text (shore_test_child (dialog, type, "lender_row")), ==, "微粒贷");
  g_assert_cmpstr (gtk_editable_get_text (shore_test_child (dialog, type, "principal_row")), ==, "10000.00");
  g_assert_cmpstr (gtk_editable_get_text (shore_test_child (dialog, type, "rate_row")), ==, "0.05");

  set_text (dialog, type, "lender_row", "微粒贷 <WeBank> & Co");
  click (dialog, type, "save_button");
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (type), "the loan dialog to close");
  shore_test_settle ();

  g_assert_cmpuint (g_list_model_get_n_items (get_debts ()), ==, 1);
  g_assert_cmpstr (shore_debt_get_loan (get_first_debt ())->lender, ==, "微粒贷 <WeBank> & Co");
  /* Still on the loan, now under its new name. */
  g_assert_cmpstr (visible_page_of (page, SHORE_TYPE_DEBTS_PAGE), ==, "loan");
}

static void
test_record_payment (void)
{
  GType type = SHORE_TYPE_PAYMENT_DIALOG;
  ShoreDebtsPage *page = get_debts_page ();
  GtkListBox *list_box = shore_test_child (page, SHORE_TYPE_DEBTS_PAGE, "list_box");
  g_autofree char *owed_before = format_owed (get_first_debt ());
  g_autofree char *next_due = shore_money_format_plain (shore_debt_get_status (get_first_debt ())->next_due_amount);
  g_autofree char *owed_after = NULL;
  GtkWindow *dialog;

  open_first_loan ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "debts.record-payment", NULL));
  dialog = shore_test_wait_for_dialog (type);

  /* Proposed: the next installment, today. */
  g_assert_cmpstr (gtk_editable_get_text (shore_test_child (dialog, type, "amount_row")), ==, next_due);

  set_text (dialog, type, "amount_row", "abc");
  click (dialog, type, "save_button");
  g_assert_true (gtk_widget_get_visible (shore_test_child (dialog, type, "error_label")));
  g_assert_true (gtk_widget_has_css_class (shore_test_child (dialog, type, "amount_row"), "error"));
  g_assert_cmpuint (shore_debt_get_payments (get_first_debt ())->len, ==, 0);

  set_text (dialog, type, "amount_row", next_due);
  click (dialog, type, "save_button");
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (type), "the payment dialog to close");
  shore_test_settle ();

  g_assert_cmpuint (shore_debt_get_payments (get_first_debt ())->len, ==, 1);
  owed_after = format_owed (get_first_debt ());
  g_assert_cmpstr (owed_after, !=, owed_before);
  g_assert_cmpint (shore_debt_get_status (get_first_debt ())->paid_total, >, 0);
  g_assert_cmpstr (get_label (get_overview_page (), SHORE_TYPE_OVERVIEW_PAGE, "total_owed_label"), ==, owed_after);
  g_assert_cmpstr (get_label (page, SHORE_TYPE_DEBTS_PAGE, "total_owed_label"), ==, owed_after);
  g_assert_nonnull (shore_test_find_labelled (GTK_WIDGET (list_box), GTK_TYPE_LABEL, owed_after));
  g_assert_null (shore_test_find_labelled (GTK_WIDGET (list_box), GTK_TYPE_LABEL, owed_before));
}

static void
test_delete_and_undo (void)
{
  ShoreDebtsPage *page = get_debts_page ();
  g_autofree char *owed = format_owed (get_first_debt ());

  open_first_loan ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "debts.delete-loan", NULL));
  shore_test_settle ();

  g_assert_cmpuint (g_list_model_get_n_items (get_debts ()), ==, 0);
  g_assert_cmpstr (visible_page_of (page, SHORE_TYPE_DEBTS_PAGE), ==, "empty");
  g_assert_cmpstr (visible_page_of (get_overview_page (), SHORE_TYPE_OVERVIEW_PAGE), ==, "empty");

  /* The toast's own Undo button, as the user would press it. */
  shore_test_click_undo ();
  shore_test_wait_for (debts_count_is, GUINT_TO_POINTER (1), "the loan to come back");
  shore_test_settle ();

  g_assert_cmpstr (shore_debt_get_loan (get_first_debt ())->lender, ==, "微粒贷 <WeBank> & Co");
  g_assert_cmpuint (shore_debt_get_payments (get_first_debt ())->len, ==, 1);
  g_assert_cmpstr (visible_page_of (page, SHORE_TYPE_DEBTS_PAGE), ==, "list");
  g_assert_cmpstr (get_label (get_overview_page (), SHORE_TYPE_OVERVIEW_PAGE, "total_owed_label"), ==, owed);
}

static void
test_check_offer (void)
{
  GType type = SHORE_TYPE_OFFER_DIALOG;
  GtkWindow *dialog;
  GtkListBox *lines;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shore_test_get_window ()), "win.check-offer", NULL));
  dialog = shore_test_wait_for_dialog (type);
  g_assert_false (gtk_widget_get_visible (shore_test_child (dialog, type, "results_box")));

  set_text (dialog, type, "principal_row", "10000");
  set_text (dialog, type, "value_row", "0.05");
  shore_test_settle ();

  g_assert_true (gtk_widget_get_visible (shore_test_child (dialog, type, "results_box")));
  g_assert_nonnull (strstr (get_label (dialog, type, "apr_simple_label"), "18.00"));
  g_assert_nonnull (strstr (get_label (dialog, type, "apr_compound_label"), "19.56"));
  g_assert_nonnull (strstr (get_label (dialog, type, "note_label"), "18.00"));
  lines = shore_test_child (dialog, type, "lines_list");
  g_assert_nonnull (gtk_list_box_get_row_at_index (lines, SHORE_N_LEGAL_LINES - 1));
  g_assert_null (gtk_list_box_get_row_at_index (lines, SHORE_N_LEGAL_LINES));

  /* A Chinese quote in the rate field carries its own period. */
  set_text (dialog, type, "value_row", "月利率1.5%");
  g_assert_nonnull (strstr (get_label (dialog, type, "apr_simple_label"), "18.00"));

  /* A fixed installment: 916.80 a month for 12 months on 10,000 is the same loan. */
  adw_combo_row_set_selected (shore_test_child (dialog, type, "quote_kind_row"), 4);
  g_assert_false (gtk_widget_get_visible (shore_test_child (dialog, type, "method_row")));
  set_text (dialog, type, "value_row", "916.80");
  g_assert_true (gtk_widget_get_visible (shore_test_child (dialog, type, "results_box")));
  g_assert_nonnull (strstr (get_label (dialog, type, "apr_simple_label"), "18.0"));

  /* A monthly fee rate (月费率) costs far more than it looks. */
  adw_combo_row_set_selected (shore_test_child (dialog, type, "quote_kind_row"), 3);
  set_text (dialog, type, "value_row", "0.5");
  g_assert_true (gtk_widget_get_visible (shore_test_child (dialog, type, "results_box")));
  g_assert_nonnull (strstr (get_label (dialog, type, "note_label"), "6.00"));

  /* Garbage is refused in place; nothing is computed from it. */
  set_text (dialog, type, "principal_row", "abc");
  g_assert_false (gtk_widget_get_visible (shore_test_child (dialog, type, "results_box")));
  g_assert_true (gtk_widget_has_css_class (shore_test_child (dialog, type, "principal_row"), "error"));

  gtk_window_close (dialog);
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (type), "the offer dialog to close");
}

int
main (int    argc,
      char **argv)
{
  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  shore_test_setup ("shore-debts-ui-XXXXXX", FALSE);

  /* In order (one level of paths, so GTest keeps it): each case starts where
   * the previous one left the database. */
  g_test_add_func ("/debts-ui/empty", test_empty_states);
  g_test_add_func ("/debts-ui/bad-input", test_add_loan_bad_input);
  g_test_add_func ("/debts-ui/add-loan", test_add_loan);
  g_test_add_func ("/debts-ui/edit-loan", test_edit_loan);
  g_test_add_func ("/debts-ui/record-payment", test_record_payment);
  g_test_add_func ("/debts-ui/delete-undo", test_delete_and_undo);
  g_test_add_func ("/debts-ui/check-offer", test_check_offer);

  return shore_test_run ();
}
