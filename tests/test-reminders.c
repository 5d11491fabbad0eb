/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pure reminder rules, at fixed times. */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "shore-i18n.h"
#include "shore-reminders.h"
#include "shore-schedule.h"
#include "shore-test-util.h"

/* The loan: 12 monthly installments from 2026-01-15, the first due 2026-02-15. */
#define DUE "2026-02-15"

static const ShoreReminderSettings defaults = { TRUE, 3, 22, 8 };

/* Local time, @days after the first due date, at @hour:@minute. */
static GDateTime *
at (int days,
    int hour,
    int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) due = g_date_time_new (tz, 2026, 2, 15, hour, minute, 0);

  return g_date_time_add_days (due, days);
}

static ShoreLoan *
make_loan (int lead_days,
           int grace_days)
{
  g_autoptr(GError) error = NULL;
  ShoreLoan *loan = shore_loan_new ();

  g_free (loan->lender);
  loan->lender = g_strdup ("微粒贷");
  loan->id = 1;
  loan->principal = 1200000;
  g_assert_true (shore_rate_parse ("annual:18%", &loan->rate, &error));
  g_assert_no_error (error);
  loan->term_months = 12;
  loan->start_date = shore_test_date ("2026-01-15");
  loan->reminder_lead_days = lead_days;
  loan->grace_days = grace_days;
  return loan;
}

static GPtrArray *
compute (const ShoreReminderSettings *settings,
         const ShoreLoan             *loan,
         const ShorePayment          *payments,
         guint                        n_payments,
         GHashTable                  *sent,
         GDateTime                   *now,
         GPtrArray                  **covered)
{
  ShoreReminderLoan in = { loan, payments, n_payments };

  return shore_reminders_compute (settings, &in, 1, NULL, 0, sent, now, covered);
}

static char *
keys_of (GPtrArray *reminders)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < reminders->len; i++)
    {
      const ShoreReminder *r = g_ptr_array_index (reminders, i);

      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, r->key);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static GHashTable *
key_set (const char *keys)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) parts = g_strsplit (keys, " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_hash_table_add (set, g_strdup (parts[i]));
  return set;
}

static void
add_keys (GHashTable *set,
          GPtrArray  *reminders)
{
  for (guint i = 0; i < reminders->len; i++)
    g_hash_table_add (set, g_strdup (((ShoreReminder *) g_ptr_array_index (reminders, i))->key));
}

/* One run on a loan with nothing paid */

typedef struct
{
  const char *name;
  int         day;          /* relative to the due date, at 12:00 */
  int         lead_days;    /* the loan's; -1: the setting's 3 */
  int         grace_days;
  const char *sent;         /* keys sent before */
  const char *shown;        /* keys expected */
  const char *covered;
  ShoreReminderUrgency urgency;
} LoanCase;

static const LoanCase loan_cases[] = {
  { "4-before-default",  -4, -1, 1, "", "", "", 0 },
  { "3-before-default",  -3, -1, 1, "", "due-soon:1:1", "", SHORE_REMINDER_URGENCY_LOW },
  { "1-before-default",  -1, -1, 1, "", "due-soon:1:1", "", SHORE_REMINDER_URGENCY_LOW },
  { "4-before-lead-5",   -4,  5, 1, "", "due-soon:1:1", "", SHORE_REMINDER_URGENCY_LOW },
  { "6-before-lead-5",   -6,  5, 1, "", "", "", 0 },
  { "3-before-lead-0",   -3,  0, 1, "", "", "", 0 },
  { "0-before-lead-0",    0,  0, 1, "", "due:1:1", "", SHORE_REMINDER_URGENCY_NORMAL },
  { "due-day",            0, -1, 1, "due-soon:1:1", "due:1:1", "", SHORE_REMINDER_URGENCY_NORMAL },
  { "grace-ends",         1, -1, 1, "due-soon:1:1 due:1:1", "grace-ends:1:1", "", SHORE_REMINDER_URGENCY_NORMAL },
  { "grace-3-not-yet",    2, -1, 3, "due-soon:1:1 due:1:1", "", "", 0 },
  { "grace-3-ends",       3, -1, 3, "due-soon:1:1 due:1:1", "grace-ends:1:1", "", SHORE_REMINDER_URGENCY_NORMAL },
  { "no-grace",           1, -1, 0, "due-soon:1:1 due:1:1", "", "", 0 },
  { "overdue-6",          6, -1, 1, "due-soon:1:1 due:1:1 grace-ends:1:1", "", "", 0 },
  { "overdue-7",          7, -1, 1, "due-soon:1:1 due:1:1 grace-ends:1:1", "overdue-7:1:1", "", SHORE_REMINDER_URGENCY_NORMAL },
  { "overdue-30",        30, -1, 1, "due-soon:1:1 due:1:1 grace-ends:1:1 overdue-7:1:1", "overdue-30:1:1", "", SHORE_REMINDER_URGENCY_CRITICAL },
  { "overdue-60",        60, -1, 1, "due-soon:1:1 due:1:1 grace-ends:1:1 overdue-7:1:1 overdue-30:1:1", "overdue-60:1:1", "", SHORE_REMINDER_URGENCY_CRITICAL },
  { "overdue-90",        90, -1, 1, "due-soon:1:1 due:1:1 grace-ends:1:1 overdue-7:1:1 overdue-30:1:1 overdue-60:1:1", "overdue-90:1:1", "", SHORE_REMINDER_URGENCY_CRITICAL },
  { "overdue-200-all-sent", 200, -1, 1, "due-soon:1:1 due:1:1 grace-ends:1:1 overdue-7:1:1 overdue-30:1:1 overdue-60:1:1 overdue-90:1:1", "", "", 0 },
  /* the computer was off: one reminder, the most advanced; the rest covered */
  { "10-days-off",       10, -1, 1, "due-soon:1:1", "overdue-7:1:1", "due:1:1 grace-ends:1:1", SHORE_REMINDER_URGENCY_NORMAL },
  { "first-run-overdue-95", 95, -1, 1, "", "overdue-90:1:1",
    "due-soon:1:1 due:1:1 grace-ends:1:1 overdue-7:1:1 overdue-30:1:1 overdue-60:1:1", SHORE_REMINDER_URGENCY_CRITICAL },
  /* a lower stage sent late is covered by a higher one already sent */
  { "lower-unsent-higher-sent", 31, -1, 1, "overdue-30:1:1", "", "due-soon:1:1 due:1:1 grace-ends:1:1 overdue-7:1:1", 0 },
};

static void
test_loan_case (gconstpointer data)
{
  const LoanCase *c = data;
  g_autoptr(ShoreLoan) loan = make_loan (c->lead_days, c->grace_days);
  g_autoptr(GHashTable) sent = key_set (c->sent);
  g_autoptr(GDateTime) now = at (c->day, 12, 0);
  g_autoptr(GPtrArray) covered = NULL;
  g_autoptr(GPtrArray) shown = compute (&defaults, loan, NULL, 0, sent, now, &covered);
  g_autofree char *shown_keys = keys_of (shown);
  g_autofree char *covered_keys = keys_of (covered);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) again_covered = NULL;

  g_assert_cmpstr (shown_keys, ==, c->shown);
  g_assert_cmpstr (covered_keys, ==, c->covered);

  for (guint i = 0; i < shown->len; i++)
    {
      const ShoreReminder *r = g_ptr_array_index (shown, i);
      GDate due = shore_test_date (DUE);

      g_assert_cmpint (r->urgency, ==, c->urgency);
      g_assert_cmpint (r->loan_id, ==, 1);
      g_assert_cmpint (r->period, ==, 1);
      g_assert_cmpint (r->category_id, ==, 0);
      g_assert_cmpint (g_date_compare (&r->due_date, &due), ==, 0);
      g_assert_true (g_str_has_prefix (r->key, shore_reminder_kind_to_string (r->kind)));
      g_assert_nonnull (strstr (r->title, "微粒贷"));
      g_assert_cmpuint (strlen (r->body), >, 20);
    }

  /* a second run with what was stored: nothing new */
  add_keys (sent, shown);
  add_keys (sent, covered);
  again = compute (&defaults, loan, NULL, 0, sent, now, &again_covered);
  g_assert_cmpuint (again->len, ==, 0);
  g_assert_cmpuint (again_covered->len, ==, 0);
}

/* The wording escalates: each stage says something of its own. */
static void
test_wording (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (-1, 1);
  static const struct { int day; const char *needle; } cases[] = {
    { -3, "due on 2026-02-15" },
    { -1, "due on 2026-02-15" },
    {  0, "due today" },
    {  1, "penalty interest" },
    {  7, "Art. 15" },
    { 30, "5 years" },
    { 60, "Negotiating" },
    { 90, "lawsuit" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) now = at (cases[i].day, 12, 0);
      g_autoptr(GPtrArray) shown = compute (&defaults, loan, NULL, 0, NULL, now, NULL);
      const ShoreReminder *r;

      g_assert_cmpuint (shown->len, ==, 1);
      r = g_ptr_array_index (shown, 0);
      if (strstr (r->body, cases[i].needle) == NULL)
        g_error ("day %d: “%s” not in “%s”", cases[i].day, cases[i].needle, r->body);
      if (cases[i].day == -3)
        g_assert_cmpstr (r->title, ==, "微粒贷: repayment due in 3 days");
      if (cases[i].day == -1)
        g_assert_cmpstr (r->title, ==, "微粒贷: repayment due in 1 day");
    }
}

static void
test_paid_installment (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (-1, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreSchedule) schedule = shore_schedule_compute (loan, &error);
  ShorePayment payment = { 0, shore_test_date ("2026-02-14"), 0 };
  static const int days[] = { 0, 1, 7, 20 };

  g_assert_no_error (error);
  payment.amount = g_array_index (schedule->installments, ShoreInstallment, 0).payment;

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GDateTime) now = at (days[i], 12, 0);
      g_autoptr(GPtrArray) covered = NULL;
      g_autoptr(GPtrArray) shown = compute (&defaults, loan, &payment, 1, NULL, now, &covered);

      g_assert_cmpuint (shown->len, ==, 0);
      g_assert_cmpuint (covered->len, ==, 0);
    }

  /* the next installment, 2026-03-15, three days before */
  {
    g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
    g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 3, 12, 9, 0, 0);
    g_autoptr(GPtrArray) shown = compute (&defaults, loan, &payment, 1, NULL, now, NULL);
    g_autofree char *keys = keys_of (shown);

    g_assert_cmpstr (keys, ==, "due-soon:1:2");
  }
}

static void
test_paid_off (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (-1, 1);
  ShorePayment payment = { 0, shore_test_date ("2026-01-20"), 2000000 };
  g_autoptr(GDateTime) now = at (0, 12, 0);
  g_autoptr(GPtrArray) covered = NULL;
  g_autoptr(GPtrArray) shown = compute (&defaults, loan, &payment, 1, NULL, now, &covered);

  g_assert_cmpuint (shown->len, ==, 0);
  g_assert_cmpuint (covered->len, ==, 0);
}

static void
test_disabled (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (-1, 1);
  ShoreReminderSettings settings = defaults;
  ShoreBudgetLine line = { 5, (char *) "Food", NULL, 100000, 200000, FALSE };
  ShoreReminderLoan in = { loan, NULL, 0 };
  g_autoptr(GDateTime) now = at (30, 12, 0);
  g_autoptr(GPtrArray) covered = NULL;
  g_autoptr(GPtrArray) shown = NULL;

  settings.enabled = FALSE;
  shown = shore_reminders_compute (&settings, &in, 1, &line, 1, NULL, now, &covered);
  g_assert_cmpuint (shown->len, ==, 0);
  g_assert_cmpuint (covered->len, ==, 0);
}

/* Quiet hours */

typedef struct
{
  int      start;
  int      end;
  int      hour;
  int      minute;
  gboolean quiet;
} QuietCase;

static const QuietCase quiet_cases[] = {
  { 22, 7, 23,  0, TRUE },
  { 22, 7,  6, 59, TRUE },
  { 22, 7,  7,  0, FALSE },
  { 22, 7, 21, 59, FALSE },
  { 22, 7, 22,  0, TRUE },
  { 22, 7,  0,  0, TRUE },
  { 22, 7, 12,  0, FALSE },
  {  1, 6,  0, 59, FALSE },   /* not wrapping */
  {  1, 6,  1,  0, TRUE },
  {  1, 6,  5, 59, TRUE },
  {  1, 6,  6,  0, FALSE },
  {  8, 8,  8,  0, FALSE },   /* start == end: none */
  {  0, 0,  3,  0, FALSE },
};

static void
test_quiet_hours (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (-1, 1);

  for (guint i = 0; i < G_N_ELEMENTS (quiet_cases); i++)
    {
      const QuietCase *c = &quiet_cases[i];
      ShoreReminderSettings settings = { TRUE, 3, c->start, c->end };
      g_autoptr(GDateTime) now = at (0, c->hour, c->minute);
      g_autoptr(GPtrArray) covered = NULL;
      g_autoptr(GPtrArray) shown = NULL;

      g_test_message ("quiet %d→%d at %02d:%02d", c->start, c->end, c->hour, c->minute);
      g_assert_cmpint (shore_reminders_in_quiet_hours (&settings, now), ==, c->quiet);

      /* while quiet nothing is computed; afterwards the reminder comes */
      shown = compute (&settings, loan, NULL, 0, NULL, now, &covered);
      g_assert_cmpuint (shown->len, ==, c->quiet ? 0 : 1);
    }
}

static void
test_snooze_until (void)
{
  g_autoptr(GDateTime) now = at (0, 23, 30);
  g_autoptr(GDateTime) until = shore_reminders_snooze_until (now);

  g_assert_cmpint (g_date_time_difference (until, now), ==, G_TIME_SPAN_DAY);
}

/* Budgets */

typedef struct
{
  gint64      category_id;
  gint64      amount;
  gint64      spent;
  const char *sent;
  const char *shown;
  const char *covered;
} BudgetCase;

static const BudgetCase budget_cases[] = {
  { 5, 100000,  89999, "", "", "" },
  { 5, 100000,  90000, "", "budget-90:5:2026-02", "" },
  { 5, 100000,  99999, "budget-90:5:2026-02", "", "" },
  { 5, 100000, 100000, "budget-90:5:2026-02", "budget-100:5:2026-02", "" },
  { 5, 100000, 150000, "", "budget-100:5:2026-02", "budget-90:5:2026-02" },
  { 5, 100000, 150000, "budget-90:5:2026-02 budget-100:5:2026-02", "", "" },
  { 5, 100000, 150000, "budget-100:5:2026-01", "budget-100:5:2026-02", "budget-90:5:2026-02" },  /* last month's */
  { 5,     15,     14, "", "budget-90:5:2026-02", "" },   /* 90 % of 15 is 13.5: 14 reaches it */
  { 5,     15,     13, "", "", "" },
  { 5,      0,  50000, "", "", "" },   /* no budget */
  { 0, 300000, 280000, "", "budget-90:0:2026-02", "" },   /* the overall budget */
};

static void
test_budget (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (budget_cases); i++)
    {
      const BudgetCase *c = &budget_cases[i];
      ShoreBudgetLine line = { c->category_id, (char *) "Food & Dining", NULL, c->amount, c->spent, FALSE };
      g_autoptr(GHashTable) sent = key_set (c->sent);
      g_autoptr(GDateTime) now = at (0, 12, 0);
      g_autoptr(GPtrArray) covered = NULL;
      g_autoptr(GPtrArray) shown = shore_reminders_compute (&defaults, NULL, 0, &line, 1, sent, now, &covered);
      g_autofree char *shown_keys = keys_of (shown);
      g_autofree char *covered_keys = keys_of (covered);

      g_test_message ("budget case %u", i);
      g_assert_cmpstr (shown_keys, ==, c->shown);
      g_assert_cmpstr (covered_keys, ==, c->covered);
      for (guint j = 0; j < shown->len; j++)
        {
          const ShoreReminder *r = g_ptr_array_index (shown, j);

          g_assert_cmpint (r->loan_id, ==, 0);
          g_assert_cmpint (r->category_id, ==, c->category_id);
          g_assert_false (g_date_valid (&r->due_date));
          g_assert_cmpuint (strlen (r->title), >, 0);
          g_assert_cmpuint (strlen (r->body), >, 0);
        }
    }
}

/* Several loans: each gets its own most advanced reminder. */
static void
test_several_loans (void)
{
  g_autoptr(ShoreLoan) a = make_loan (-1, 1);
  g_autoptr(ShoreLoan) b = make_loan (-1, 1);
  ShoreReminderLoan in[2] = { { a, NULL, 0 }, { b, NULL, 0 } };
  g_autoptr(GDateTime) now = at (8, 12, 0);
  g_autoptr(GPtrArray) covered = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autofree char *keys = NULL;

  b->id = 2;
  b->start_date = shore_test_date ("2026-01-26");   /* due 2026-02-26: 3 days ahead */
  shown = shore_reminders_compute (&defaults, in, 2, NULL, 0, NULL, now, &covered);
  keys = keys_of (shown);
  g_assert_cmpstr (keys, ==, "overdue-7:1:1 due-soon:2:1");
  g_assert_cmpuint (covered->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (loan_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/reminders/loan/%s", loan_cases[i].name);

      g_test_add_data_func (path, &loan_cases[i], test_loan_case);
    }
  g_test_add_func ("/reminders/wording", test_wording);
  g_test_add_func ("/reminders/paid-installment", test_paid_installment);
  g_test_add_func ("/reminders/paid-off", test_paid_off);
  g_test_add_func ("/reminders/disabled", test_disabled);
  g_test_add_func ("/reminders/quiet-hours", test_quiet_hours);
  g_test_add_func ("/reminders/snooze-until", test_snooze_until);
  g_test_add_func ("/reminders/budget", test_budget);
  g_test_add_func ("/reminders/several-loans", test_several_loans);

  return g_test_run ();
}
