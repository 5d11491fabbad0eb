/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reminder preferences under Xvfb: the Preferences window's reminder rows are
 * bound to their GSettings keys, the loan dialog stores a loan's own days of
 * notice, and the debts page follows the app's setting for "due soon". Runs
 * once per language (LANGUAGE=C, zh_CN, zh_TW); any GTK warning aborts the run. */

#include "config.h"

#include <glib/gi18n.h>

#include "shore-application.h"
#include "shore-debts.h"
#include "shore-debts-page.h"
#include "shore-i18n.h"
#include "shore-loan-dialog.h"
#include "shore-preferences-window.h"
#include "shore-window.h"

#include "shore-test-ui.h"

static GSettings *
get_settings (void)
{
  shore_test_get_window ();
  return shore_application_get_settings (shore_test_get_app ());
}

static GtkWindow *
open_preferences (void)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shore_test_get_window ()), "app.preferences", NULL));
  return shore_test_wait_for_dialog (SHORE_TYPE_PREFERENCES_WINDOW);
}

static void
close_window (GtkWindow *window,
              GType      type)
{
  gtk_window_close (window);
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (type), "the window to close");
}

typedef struct
{
  const char *key;
  const char *spin;
  int         value;
} SpinBinding;

static const SpinBinding spin_bindings[] = {
  { "reminder-lead-days", "lead_days_spin", 7 },
  { "quiet-hours-start", "quiet_start_spin", 23 },
  { "quiet-hours-end", "quiet_end_spin", 6 },
};

static void
test_preferences_spins (void)
{
  GSettings *settings = get_settings ();
  GType type = SHORE_TYPE_PREFERENCES_WINDOW;
  GtkWindow *prefs = open_preferences ();

  for (guint i = 0; i < G_N_ELEMENTS (spin_bindings); i++)
    {
      const SpinBinding *b = &spin_bindings[i];
      GtkSpinButton *spin = shore_test_child (prefs, type, b->spin);

      /* The widget starts from the stored value, writes through and follows the key. */
      g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, g_settings_get_int (settings, b->key));
      gtk_spin_button_set_value (spin, b->value);
      g_assert_cmpint (g_settings_get_int (settings, b->key), ==, b->value);
      g_settings_set_int (settings, b->key, 0);
      g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 0);
      g_settings_reset (settings, b->key);
    }

  close_window (prefs, type);
}

static void
test_preferences_switches (void)
{
  static const char * const dependent_rows[] = {
    "lead_days_row", "quiet_start_row", "quiet_end_row", "autostart_row",
  };
  GSettings *settings = get_settings ();
  GType type = SHORE_TYPE_PREFERENCES_WINDOW;
  GtkWindow *prefs = NULL;
  GtkSwitch *reminders;
  GtkSwitch *autostart;

  /* The harness turns reminders off; the schema's default is on. */
  g_settings_reset (settings, "reminders-enabled");
  g_assert_true (g_settings_get_boolean (settings, "reminders-enabled"));
  prefs = open_preferences ();
  reminders = shore_test_child (prefs, type, "reminders_switch");
  autostart = shore_test_child (prefs, type, "autostart_switch");

  g_assert_true (gtk_switch_get_active (reminders));
  g_assert_true (gtk_switch_get_active (autostart));

  gtk_switch_set_active (autostart, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "autostart-reminders"));
  gtk_switch_set_active (autostart, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "autostart-reminders"));

  /* Turning reminders off writes the key and greys out the other rows. */
  gtk_switch_set_active (reminders, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "reminders-enabled"));
  for (guint i = 0; i < G_N_ELEMENTS (dependent_rows); i++)
    g_assert_false (gtk_widget_get_sensitive (shore_test_child (prefs, type, dependent_rows[i])));

  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  g_assert_true (gtk_switch_get_active (reminders));
  for (guint i = 0; i < G_N_ELEMENTS (dependent_rows); i++)
    g_assert_true (gtk_widget_get_sensitive (shore_test_child (prefs, type, dependent_rows[i])));

  close_window (prefs, type);
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  g_settings_reset (settings, "autostart-reminders");
}

static void
on_saved_cb (ShoreLoanDialog *dialog,
             gint64           loan_id,
             gpointer         user_data)
{
  *(gint64 *) user_data = loan_id;
}

/* Saves the dialog and returns the stored loan. */
static ShoreLoan *
save_loan_dialog (ShoreLoanDialog *dialog)
{
  ShoreStore *store = shore_application_get_store (shore_test_get_app ());
  g_autoptr(GError) error = NULL;
  gint64 loan_id = 0;
  ShoreLoan *loan;

  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved_cb), &loan_id);
  g_signal_emit_by_name (shore_test_child (dialog, SHORE_TYPE_LOAN_DIALOG, "save_button"), "clicked");
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (SHORE_TYPE_LOAN_DIALOG), "the loan dialog to close");
  g_assert_cmpint (loan_id, >, 0);

  loan = shore_debts_get (store, loan_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loan);
  return loan;
}

static void
test_loan_dialog_override (void)
{
  GType type = SHORE_TYPE_LOAN_DIALOG;
  ShoreWindow *window = shore_test_get_window ();
  ShoreStore *store = shore_application_get_store (shore_test_get_app ());
  g_autoptr(ShoreLoan) added = NULL;
  g_autoptr(ShoreLoan) edited = NULL;
  ShoreLoanDialog *dialog;
  GtkSwitch *use_default;
  GtkSpinButton *days;

  /* A new loan follows the app's setting. */
  dialog = shore_loan_dialog_new (GTK_WINDOW (window), store, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  shore_test_wait_for_dialog (type);
  use_default = shore_test_child (dialog, type, "reminder_default_switch");
  days = shore_test_child (dialog, type, "reminder_days_spin");
  g_assert_true (gtk_switch_get_active (use_default));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (days)));

  gtk_editable_set_text (GTK_EDITABLE (shore_test_child (dialog, type, "lender_row")), "花呗");
  gtk_editable_set_text (GTK_EDITABLE (shore_test_child (dialog, type, "principal_row")), "5000");
  gtk_editable_set_text (GTK_EDITABLE (shore_test_child (dialog, type, "rate_row")), "0.05");
  gtk_switch_set_active (use_default, FALSE);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (days)));
  gtk_spin_button_set_value (days, 5);

  added = save_loan_dialog (dialog);
  g_assert_cmpint (added->reminder_lead_days, ==, 5);

  /* Editing shows the loan's own number; going back to the app setting stores -1. */
  dialog = shore_loan_dialog_new (GTK_WINDOW (window), store, added);
  gtk_window_present (GTK_WINDOW (dialog));
  shore_test_wait_for_dialog (type);
  use_default = shore_test_child (dialog, type, "reminder_default_switch");
  days = shore_test_child (dialog, type, "reminder_days_spin");
  g_assert_false (gtk_switch_get_active (use_default));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (days), ==, 5);
  gtk_switch_set_active (use_default, TRUE);

  edited = save_loan_dialog (dialog);
  g_assert_cmpint (edited->id, ==, added->id);
  g_assert_cmpint (edited->reminder_lead_days, ==, -1);
}

static ShoreDebt *
find_debt (GListModel *debts,
           const char *lender)
{
  guint n = g_list_model_get_n_items (debts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (debts, i);

      if (g_strcmp0 (shore_debt_get_loan (debt)->lender, lender) == 0)
        return debt;   /* the model keeps it alive */
    }

  g_assert_not_reached ();
}

/* The debts page counts a loan that follows the app's setting as due soon
 * within the configured days of notice. */
static void
test_debts_page_lead_days (void)
{
  GSettings *settings = get_settings ();
  ShoreDebtsPage *page = shore_test_child (shore_test_get_window (), SHORE_TYPE_WINDOW, "debts_page");
  ShoreStore *store = shore_application_get_store (shore_test_get_app ());
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(ShoreLoan) loan = shore_loan_new ();
  g_autoptr(GError) error = NULL;
  GDate due;
  int offset;

  /* A first due date 5–8 days from now, on a day every month has. */
  for (offset = 5; offset <= 8; offset++)
    {
      g_date_clear (&due, 1);
      g_date_set_dmy (&due, (GDateDay) g_date_time_get_day_of_month (now),
                      (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
      g_date_add_days (&due, (guint) offset);
      if (g_date_get_day (&due) <= 28)
        break;
    }
  g_assert_cmpint (g_date_get_day (&due), <=, 28);

  g_free (loan->lender);
  loan->lender = g_strdup ("Lead days");
  loan->principal = 1200000;
  loan->rate = (ShoreRate) { SHORE_RATE_MONTHLY, 0 };
  loan->term_months = 12;
  loan->method = SHORE_METHOD_EQUAL_INSTALLMENT;
  loan->start_date = due;
  g_date_subtract_months (&loan->start_date, 1);
  g_assert_true (shore_debts_add (store, loan, &error));
  g_assert_no_error (error);

  g_settings_set_int (settings, "reminder-lead-days", 10);
  shore_debts_page_reload (page);
  g_assert_cmpint (shore_debt_get_status (find_debt (shore_debts_page_get_model (page), "Lead days"))->state,
                   ==, SHORE_LOAN_STATE_DUE_SOON);

  /* The page reloads by itself when the setting changes. */
  g_settings_set_int (settings, "reminder-lead-days", 2);
  g_assert_cmpint (shore_debt_get_status (find_debt (shore_debts_page_get_model (page), "Lead days"))->state,
                   ==, SHORE_LOAN_STATE_CURRENT);

  g_settings_reset (settings, "reminder-lead-days");
}

int
main (int    argc,
      char **argv)
{
  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  shore_test_setup ("shore-prefs-ui-XXXXXX", FALSE);

  g_test_add_func ("/prefs/reminders/spins", test_preferences_spins);
  g_test_add_func ("/prefs/reminders/switches", test_preferences_switches);
  g_test_add_func ("/prefs/loan-dialog/override", test_loan_dialog_override);
  g_test_add_func ("/prefs/debts-page/lead-days", test_debts_page_lead_days);

  return shore_test_run ();
}
