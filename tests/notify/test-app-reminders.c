/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The running app's reminders controller against a real session bus
 * (run-app-reminders-test.sh starts it under dbus-run-session with the
 * recording server answering every notification with "mark-paid"): a loan
 * due today gives one notification with actions, the action records a
 * payment of what is due, and a second check sends nothing new.
 * Usage: test-app-reminders --server | --no-server */

#include "config.h"


#include "shore-debts.h"
#include "shore-notify.h"
#include "shore-reminders-controller.h"
#include "shore-store.h"
#include "shore-test-util.h"

static gboolean with_server = TRUE;

typedef struct
{
  char       *dir;
  ShoreStore *store;
  gint64      loan_id;
  GDateTime  *noon;        /* today at 12:00, outside any quiet hours */
  GDate       today;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(ShoreLoan) loan = shore_loan_new ();

  f->store = shore_test_store_new (&f->dir);

  f->noon = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                   g_date_time_get_day_of_month (now), 12, 0, 0);
  g_date_clear (&f->today, 1);
  g_date_set_dmy (&f->today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));

  /* Started a month ago: the first installment is due today (or, at a
   * month's end, within the lead days). */
  g_free (loan->lender);
  loan->lender = g_strdup ("微粒贷");
  loan->principal = 500000;
  g_assert_true (shore_rate_parse ("daily:0.05%", &loan->rate, &error));
  g_assert_no_error (error);
  loan->term_months = 10;
  loan->method = SHORE_METHOD_EQUAL_INSTALLMENT;
  loan->start_date = f->today;
  g_date_subtract_months (&loan->start_date, 1);
  g_assert_true (shore_debts_add (f->store, loan, &error));
  g_assert_no_error (error);
  f->loan_id = loan->id;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->noon, g_date_time_unref);
  shore_test_store_free (&f->store, &f->dir);
}

static gint64
next_due_amount (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) debts = shore_debts_list (f->store, &f->today, &error);
  g_autoptr(ShoreDebt) debt = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (debts), ==, 1);
  debt = g_list_model_get_item (debts, 0);
  return shore_debt_get_status (debt)->next_due_amount;
}

static void
on_payment_recorded_cb (ShoreRemindersController *controller,
                        gint64                    loan_id,
                        gint64                    amount,
                        gint64                   *out_amount)
{
  *out_amount = amount;
}

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_mark_paid (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ShoreRemindersController) controller = shore_reminders_controller_new (f->store, NULL);
  g_autoptr(GArray) payments = NULL;
  g_autoptr(GError) error = NULL;
  gint64 due = next_due_amount (f);
  gint64 recorded = 0;
  gboolean timed_out = FALSE;
  guint watchdog;

  g_assert_cmpint (due, >, 0);
  g_signal_connect (controller, "payment-recorded", G_CALLBACK (on_payment_recorded_cb), &recorded);

  shore_reminders_controller_check (controller, f->noon);
  g_assert_cmpuint (shore_reminders_controller_get_n_shown (controller), ==, 1);
  g_assert_null (shore_reminders_controller_get_pending (controller));

  /* The server answers with ActionInvoked mark-paid over the bus. */
  watchdog = g_timeout_add_seconds (10, on_timeout_cb, &timed_out);
  while (recorded == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (watchdog);

  g_assert_cmpint (recorded, ==, due);
  payments = shore_debts_get_payments (f->store, f->loan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (payments->len, ==, 1);
  g_assert_cmpint (g_array_index (payments, ShorePayment, 0).amount, ==, due);
  g_assert_cmpint (g_date_compare (&g_array_index (payments, ShorePayment, 0).date, &f->today), ==, 0);

  /* Marked sent: the next check shows nothing new. */
  shore_reminders_controller_check (controller, f->noon);
  g_assert_cmpuint (shore_reminders_controller_get_n_shown (controller), ==, 1);

  shore_reminders_controller_stop (controller);
}

static void
on_open_requested_cb (ShoreRemindersController *controller,
                      gboolean                 *opened)
{
  *opened = TRUE;
}

static void
test_snooze_and_open (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ShoreRemindersController) controller = shore_reminders_controller_new (f->store, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) later = g_date_time_add_days (f->noon, 2);
  g_autofree char *key = NULL;
  gboolean opened = FALSE;

  g_signal_connect (controller, "open-requested", G_CALLBACK (on_open_requested_cb), &opened);
  g_assert_true (shore_reminders_controller_handle_action (controller, "open", "due:1:1", &error));
  g_assert_no_error (error);
  g_assert_true (opened);

  key = g_strdup_printf ("due:%" G_GINT64_FORMAT ":1", f->loan_id);
  g_assert_true (shore_reminders_controller_handle_action (controller, "snooze", key, &error));
  g_assert_no_error (error);
  g_assert_false (shore_reminders_controller_handle_action (controller, "mark-paid", "budget-90:0:2026-11", &error));
  g_assert_nonnull (error);
}

static void
test_no_server (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ShoreRemindersController) controller = shore_reminders_controller_new (f->store, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *pending;

  /* One warning for the session, not one per reminder. */
  g_test_expect_message ("shore-reminders", G_LOG_LEVEL_WARNING, "*shown in the window*");
  shore_reminders_controller_check (controller, f->noon);
  shore_reminders_controller_check (controller, f->noon);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (shore_reminders_controller_get_n_shown (controller), ==, 0);
  pending = shore_reminders_controller_get_pending (controller);
  g_assert_nonnull (pending);
  g_assert_cmpuint (pending->len, ==, 1);

  g_assert_true (shore_reminders_controller_dismiss_pending (controller, &error));
  g_assert_no_error (error);
  g_assert_null (shore_reminders_controller_get_pending (controller));
  shore_reminders_controller_check (controller, f->noon);
  g_assert_null (shore_reminders_controller_get_pending (controller));

  shore_reminders_controller_stop (controller);
}

int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--no-server") == 0)
        with_server = FALSE;
    }

  g_test_init (&argc, &argv, NULL);

  if (with_server)
    {
      g_test_add ("/app-reminders/mark-paid", Fixture, NULL, fixture_set_up, test_mark_paid, fixture_tear_down);
      g_test_add ("/app-reminders/snooze-and-open", Fixture, NULL, fixture_set_up, test_snooze_and_open, fixture_tear_down);
    }
  else
    {
      g_test_add ("/app-reminders/no-server", Fixture, NULL, fixture_set_up, test_no_server, fixture_tear_down);
    }

  return g_test_run ();
}
