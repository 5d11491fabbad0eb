/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drives the letter dialog through its real widgets under Xvfb on a prepared
 * database: open the hardship letter, see it prefilled, refuse a letter
 * without a name, write it, export it as text and as PDF. Runs once per
 * language; any GTK warning aborts the run. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "shore-application.h"
#include "shore-debts.h"
#include "shore-evidence-store.h"
#include "shore-i18n.h"
#include "shore-ledger.h"
#include "shore-letter-dialog.h"
#include "shore-window.h"

#include "shore-test-ui.h"

#define LENDER "微粒贷"

static ShoreStore *
get_store (void)
{
  shore_test_get_window ();
  return shore_application_get_store (shore_test_get_app ());
}

static GDate
days_ago (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, g_date_time_get_day_of_month (then), g_date_time_get_month (then),
                  g_date_time_get_year (then));
  return d;
}

/* An overdue loan, last month's income and spending, a contact at night. */
static void
prepare_store (void)
{
  ShoreStore *store = get_store ();
  g_autoptr(ShoreLoan) loan = shore_loan_new ();
  g_autoptr(ShoreContact) contact = shore_contact_new ();
  g_autoptr(GError) error = NULL;
  ShoreTxnData data = { 0 };
  GDate last_month = days_ago (0);
  gint64 account;

  g_free (loan->lender);
  loan->lender = g_strdup (LENDER);
  loan->principal = 1000000;
  g_assert_true (shore_rate_parse ("daily:0.05%", &loan->rate, &error));
  loan->term_months = 12;
  loan->start_date = days_ago (100);
  g_assert_true (shore_debts_add (store, loan, &error));
  g_assert_no_error (error);

  account = shore_ledger_ensure_account (store, SHORE_ACCOUNT_BANK, &error);
  g_assert_no_error (error);
  g_date_set_day (&last_month, 1);
  g_date_subtract_months (&last_month, 1);
  data.date = last_month;
  data.amount = 600000;
  data.account_id = account;
  data.category_id = shore_ledger_find_builtin (store, "salary", &error);
  g_assert_true (shore_ledger_add_transaction (store, &data, &error));
  g_assert_no_error (error);
  data.id = 0;
  data.amount = -250000;
  data.category_id = shore_ledger_find_builtin (store, "housing", &error);
  g_assert_true (shore_ledger_add_transaction (store, &data, &error));
  g_assert_no_error (error);

  contact->occurred_at = g_date_time_new_from_iso8601 ("2026-03-10T22:30:00+08:00", NULL);
  g_free (contact->organization);
  contact->organization = g_strdup (LENDER);
  g_assert_true (shore_evidence_store_add (store, contact, &error));
  g_assert_no_error (error);
}

static const char *
row_text (gpointer    dialog,
          const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (shore_test_child (dialog, SHORE_TYPE_LETTER_DIALOG, name)));
}

static void
set_row (gpointer    dialog,
         const char *name,
         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (shore_test_child (dialog, SHORE_TYPE_LETTER_DIALOG, name)), text);
}

static const char *
step_of (gpointer dialog)
{
  return gtk_stack_get_visible_child_name (shore_test_child (dialog, SHORE_TYPE_LETTER_DIALOG, "stack"));
}

static char *
letter_text (gpointer dialog)
{
  GtkTextView *view = shore_test_child (dialog, SHORE_TYPE_LETTER_DIALOG, "text_view");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_choose (void)
{
  GType type = SHORE_TYPE_LETTER_DIALOG;
  ShoreLetterDialog *dialog = shore_letter_dialog_new (GTK_WINDOW (shore_test_get_window ()), get_store (), NULL);

  gtk_window_present (GTK_WINDOW (dialog));
  shore_test_wait_for_dialog (type);
  g_assert_cmpstr (step_of (dialog), ==, "choose");
  g_assert_false (gtk_widget_get_visible (shore_test_child (dialog, type, "back_button")));

  gtk_window_close (GTK_WINDOW (dialog));
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (type), "the letter dialog to close");
}

static void
test_hardship (void)
{
  GType type = SHORE_TYPE_LETTER_DIALOG;
  ShoreLetterDialog *dialog;
  GtkWindow *message;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text_path = g_build_filename (shore_test_get_data_dir (), "letter.txt", NULL);
  g_autofree char *pdf_path = g_build_filename (shore_test_get_data_dir (), "letter.pdf", NULL);
  gsize pdf_len = 0;

  prepare_store ();
  dialog = shore_letter_dialog_new (GTK_WINDOW (shore_test_get_window ()), get_store (), "hardship");
  gtk_window_present (GTK_WINDOW (dialog));
  shore_test_wait_for_dialog (type);

  /* prefilled from the data: the overdue loan's lender, an amount, months */
  g_assert_cmpstr (step_of (dialog), ==, "fields");
  g_assert_cmpstr (row_text (dialog, "recipient_row"), ==, LENDER);
  g_assert_cmpstr (row_text (dialog, "amount_row"), !=, "");
  g_assert_cmpstr (row_text (dialog, "months_row"), !=, "");
  g_assert_true (gtk_widget_get_visible (shore_test_child (dialog, type, "amount_row")));
  g_assert_cmpstr (row_text (dialog, "name_row"), ==, "");

  /* no name: an error dialog, and the fields stay */
  g_signal_emit_by_name (shore_test_child (dialog, type, "write_button"), "clicked");
  message = shore_test_wait_for_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (step_of (dialog), ==, "fields");
  gtk_window_close (message);
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the error to close");

  set_row (dialog, "name_row", "张三");
  set_row (dialog, "phone_row", "13800000000");
  set_row (dialog, "address_row", "北京市朝阳区某路1号");
  g_signal_emit_by_name (shore_test_child (dialog, type, "write_button"), "clicked");
  shore_test_settle ();
  g_assert_cmpstr (step_of (dialog), ==, "letter");
  text = letter_text (dialog);
  g_assert_nonnull (strstr (text, LENDER));
  g_assert_nonnull (strstr (text, "张三"));
  g_assert_nonnull (strstr (text, "¥10,000.00"));
  g_assert_cmpstr (gtk_label_get_label (shore_test_child (dialog, type, "guidance_label")), !=, "");

  /* the borrower edits, then exports */
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (shore_test_child (dialog, type, "text_view")),
                                    "P.S. 六月可一次性还款。\n", -1);
  g_free (text);
  text = letter_text (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "letter.save-text", "s", text_path));
  g_assert_true (g_file_get_contents (text_path, &saved, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (saved, ==, text);
  g_assert_nonnull (strstr (saved, "六月可一次性还款"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "letter.save-pdf", "s", pdf_path));
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &pdf_len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_len, >, 1000);
  g_assert_true (g_str_has_prefix (pdf, "%PDF"));

  /* back goes to the fields, with what was typed */
  g_signal_emit_by_name (shore_test_child (dialog, type, "back_button"), "clicked");
  g_assert_cmpstr (step_of (dialog), ==, "fields");
  g_assert_cmpstr (row_text (dialog, "name_row"), ==, "张三");

  gtk_window_close (GTK_WINDOW (dialog));
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (type), "the letter dialog to close");
}

int
main (int    argc,
      char **argv)
{
  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  shore_test_setup ("shore-letters-ui-XXXXXX", FALSE);

  g_test_add_func ("/letters-ui/choose", test_choose);
  g_test_add_func ("/letters-ui/hardship", test_hardship);

  return shore_test_run ();
}
