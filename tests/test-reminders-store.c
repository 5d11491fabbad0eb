/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What was sent, on a real database in a fresh folder per test. */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "shore-debts.h"
#include "shore-i18n.h"
#include "shore-reminders-store.h"
#include "shore-reminders.h"
#include "shore-store.h"
#include "shore-test-util.h"

typedef struct
{
  char       *data_dir;
  ShoreStore *store;
  gint64      loan_id;
} Fixture;

static const ShoreReminderSettings defaults = { TRUE, 3, 22, 8 };

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreLoan) loan = shore_loan_new ();

  f->store = shore_test_store_new (&f->data_dir);

  g_free (loan->lender);
  loan->lender = g_strdup ("花呗");
  loan->principal = 600000;
  g_assert_true (shore_rate_parse ("annual:12%", &loan->rate, &error));
  loan->term_months = 6;
  loan->start_date = shore_test_date ("2026-01-15");
  g_assert_true (shore_debts_add (f->store, loan, &error));
  g_assert_no_error (error);
  f->loan_id = loan->id;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  shore_test_store_free (&f->store, &f->data_dir);
}

static GDateTime *
local (int month,
       int day,
       int hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

  return g_date_time_new (tz, 2026, month, day, hour, 0, 0);
}

static GHashTable *
load (Fixture   *f,
      GDateTime *now)
{
  g_autoptr(GError) error = NULL;
  GHashTable *sent = shore_reminders_store_load_sent (f->store, now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sent);
  return sent;
}

/* Compute from the store, store what was sent, return how many were shown. */
static guint
run (Fixture   *f,
     GDateTime *now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                           g_date_time_get_month (now),
                                           g_date_time_get_year (now));
  g_autoptr(GListModel) debts = shore_debts_list (f->store, today, &error);
  g_autoptr(GHashTable) sent = NULL;
  g_autoptr(GPtrArray) covered = NULL;
  g_autoptr(GPtrArray) shown = NULL;

  g_assert_no_error (error);
  sent = load (f, now);
  shown = shore_reminders_compute_for_debts (&defaults, debts, NULL, sent, now, &covered);
  g_assert_true (shore_reminders_store_mark_sent (f->store, shown, covered, now, &error));
  g_assert_no_error (error);
  return shown->len;
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = shore_store_open (f->data_dir, &error);
  g_assert_no_error (error);
}

static void
test_survives_reopening (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GDateTime) before = local (2, 12, 9);
  g_autoptr(GDateTime) later = local (2, 12, 18);
  g_autoptr(GDateTime) off = local (2, 25, 10);
  g_autoptr(GHashTable) sent = NULL;
  g_autofree char *soon = g_strdup_printf ("due-soon:%" G_GINT64_FORMAT ":1", f->loan_id);
  g_autofree char *due = g_strdup_printf ("due:%" G_GINT64_FORMAT ":1", f->loan_id);
  g_autofree char *week = g_strdup_printf ("overdue-7:%" G_GINT64_FORMAT ":1", f->loan_id);

  g_assert_cmpuint (run (f, before), ==, 1);
  reopen (f);
  sent = load (f, later);
  g_assert_cmpuint (g_hash_table_size (sent), ==, 1);
  g_assert_true (g_hash_table_contains (sent, soon));
  g_assert_cmpuint (run (f, later), ==, 0);

  /* ten days off: one reminder, the others stored as covered */
  g_assert_cmpuint (run (f, off), ==, 1);
  reopen (f);
  g_clear_pointer (&sent, g_hash_table_unref);
  sent = load (f, off);
  g_assert_true (g_hash_table_contains (sent, due));
  g_assert_true (g_hash_table_contains (sent, week));
  g_assert_cmpuint (g_hash_table_size (sent), ==, 4);
  g_assert_cmpuint (run (f, off), ==, 0);
}

static void
test_snooze (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = local (2, 12, 9);
  g_autoptr(GDateTime) until = shore_reminders_snooze_until (now);
  g_autoptr(GDateTime) hour_before = g_date_time_add_hours (until, -1);
  g_autoptr(GHashTable) sent = NULL;
  g_autofree char *due = g_strdup_printf ("due-soon:%" G_GINT64_FORMAT ":1", f->loan_id);

  g_assert_cmpuint (run (f, now), ==, 1);
  g_assert_true (shore_reminders_store_snooze (f->store, due, f->loan_id, until, &error));
  g_assert_no_error (error);
  reopen (f);

  /* hidden until the snooze ends */
  sent = load (f, hour_before);
  g_assert_true (g_hash_table_contains (sent, due));
  g_assert_cmpuint (run (f, hour_before), ==, 0);

  /* then it comes back, once */
  g_clear_pointer (&sent, g_hash_table_unref);
  sent = load (f, until);
  g_assert_false (g_hash_table_contains (sent, due));
  g_assert_cmpuint (run (f, until), ==, 1);
  g_clear_pointer (&sent, g_hash_table_unref);
  sent = load (f, until);
  g_assert_true (g_hash_table_contains (sent, due));
  g_assert_cmpuint (run (f, until), ==, 0);
}

static void
test_budget_keys (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = local (3, 10, 12);
  ShoreBudgetLine line = { 0, (char *) "", NULL, 100000, 120000, FALSE };
  g_autoptr(GPtrArray) covered = NULL;
  g_autoptr(GPtrArray) shown = shore_reminders_compute (&defaults, NULL, 0, &line, 1, NULL, now, &covered);
  g_autoptr(GHashTable) sent = NULL;

  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_true (shore_reminders_store_mark_sent (f->store, shown, covered, now, &error));
  g_assert_no_error (error);
  /* marking again is harmless */
  g_assert_true (shore_reminders_store_mark_sent (f->store, shown, NULL, now, &error));
  g_assert_no_error (error);
  sent = load (f, now);
  g_assert_true (g_hash_table_contains (sent, "budget-100:0:2026-03"));
  g_assert_true (g_hash_table_contains (sent, "budget-90:0:2026-03"));
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  ADD ("/reminders-store/survives-reopening", test_survives_reopening);
  ADD ("/reminders-store/snooze", test_snooze);
  ADD ("/reminders-store/budget-keys", test_budget_keys);

  return g_test_run ();
}
