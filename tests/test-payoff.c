/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The multi-debt planner: hand-checked tables, then invariants over
 * random debts (every balance reaches zero and never goes negative,
 * money is conserved, avalanche never costs more interest than snowball). */

#include "config.h"

#include <glib.h>

#include "shore-payoff.h"
#include "shore-rate.h"

#define N_RANDOM 200

static ShoreRate
monthly_bp (gint64 hundredths_of_percent)
{
  /* monthly rate in hundredths of a percent: 150 = 1.5 % a month */
  ShoreRate rate = { SHORE_RATE_MONTHLY, hundredths_of_percent * (SHORE_RATE_SCALE / 10000) };

  return rate;
}

static ShorePayoffDebt
debt (gint64 id,
      gint64 balance,
      gint64 rate_bp,
      gint64 minimum)
{
  ShorePayoffDebt d = { 0 };

  d.id = id;
  d.label = "x";
  d.balance = balance;
  d.rate = monthly_bp (rate_bp);
  d.real_rate = rate_bp * 12 / 10000.0;
  d.minimum = minimum;
  return d;
}

static void
start_date (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 15, G_DATE_JANUARY, 2026);
}

/* Checks every invariant of a finished plan. */
static void
assert_plan_sound (const ShorePayoffPlan *plan,
                   const ShorePayoffDebt *debts,
                   guint                  n,
                   gint64                 budget)
{
  gint64 initial = 0, paid = 0, interest = 0;

  g_assert_cmpint (plan->shortfall, ==, 0);
  for (guint i = 0; i < n; i++)
    initial += debts[i].balance;

  for (int m = 1; m <= plan->months; m++)
    {
      gint64 month_paid = 0, month_left = 0;

      for (guint i = 0; i < n; i++)
        {
          gint64 p = shore_payoff_plan_get_payment (plan, m, i);
          gint64 b = shore_payoff_plan_get_balance (plan, m, i);

          g_assert_cmpint (p, >=, 0);
          g_assert_cmpint (b, >=, 0);
          month_paid += p;
          month_left += b;
          interest += shore_payoff_plan_get_interest (plan, m, i);
        }
      g_assert_cmpint (month_paid, <=, budget);
      if (m < plan->months)
        g_assert_cmpint (month_left, >, 0);
      paid += month_paid;
    }

  for (guint i = 0; i < n && plan->months > 0; i++)
    {
      g_assert_cmpint (shore_payoff_plan_get_balance (plan, plan->months, i), ==, 0);
      if (debts[i].balance > 0)
        g_assert_cmpint (shore_payoff_plan_get_paid_off_month (plan, i), >=, 1);
    }

  g_assert_cmpint (paid, ==, plan->total_paid);
  g_assert_cmpint (interest, ==, plan->total_interest);
  g_assert_cmpint (plan->total_paid, ==, initial + plan->total_interest);
  g_assert_cmpint (plan->months, <=, SHORE_PAYOFF_MONTHS_MAX);
  g_assert_true (plan->months == 0 || g_date_valid (&plan->debt_free_date));
}

/* Hand-checked */

/* Two debts at 1 % and 2 % a month, 1000.00 each, minimum 100.00, budget 600.00:
 * month 1: interest 10.00 + 20.00; minimums 200; 400 extra to the target. */
static void
test_two_debts_avalanche (void)
{
  ShorePayoffDebt d[2] = { debt (1, 100000, 100, 10000), debt (2, 100000, 200, 10000) };
  g_autoptr(ShorePayoffPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  GDate start;

  start_date (&start);
  plan = shore_payoff_plan_compute (d, 2, 60000, SHORE_PAYOFF_AVALANCHE, &start, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  /* month 1: debt 2 = 1020.00 − 500.00 = 520.00; debt 1 = 1010.00 − 100.00 = 910.00 */
  g_assert_cmpint (shore_payoff_plan_get_payment (plan, 1, 1), ==, 50000);
  g_assert_cmpint (shore_payoff_plan_get_payment (plan, 1, 0), ==, 10000);
  g_assert_cmpint (shore_payoff_plan_get_balance (plan, 1, 1), ==, 52000);
  g_assert_cmpint (shore_payoff_plan_get_balance (plan, 1, 0), ==, 91000);
  /* month 2: debt 1 919.10 − 100.00 = 819.10; debt 2 530.40 − 500.00 = 30.40 */
  g_assert_cmpint (shore_payoff_plan_get_payment (plan, 2, 1), ==, 50000);
  g_assert_cmpint (shore_payoff_plan_get_balance (plan, 2, 0), ==, 81910);
  g_assert_cmpint (shore_payoff_plan_get_balance (plan, 2, 1), ==, 3040);
  /* month 3: debt 2 30.40 + 0.61 = 31.01, its minimum clears it; debt 1 819.10 + 8.19 − 568.99 = 258.30 */
  g_assert_cmpint (shore_payoff_plan_get_payment (plan, 3, 1), ==, 3101);
  g_assert_cmpint (shore_payoff_plan_get_paid_off_month (plan, 1), ==, 3);
  g_assert_cmpint (shore_payoff_plan_get_payment (plan, 3, 0), ==, 56899);
  /* month 4: 258.30 + 2.58 = 260.88 */
  g_assert_cmpint (plan->months, ==, 4);
  g_assert_cmpint (shore_payoff_plan_get_payment (plan, 4, 0), ==, 26088);
  g_assert_cmpint (plan->total_interest, ==, 1000 + 2000 + 910 + 1040 + 819 + 61 + 258);
  g_assert_cmpint (plan->total_paid, ==, 200000 + plan->total_interest);
  date = shore_date_format_iso (&plan->debt_free_date);
  g_assert_cmpstr (date, ==, "2026-04-15");
  assert_plan_sound (plan, d, 2, 60000);
}

static void
test_snowball_order (void)
{
  /* The small debt at the low rate goes first under snowball. */
  ShorePayoffDebt d[2] = { debt (1, 50000, 50, 5000), debt (2, 300000, 300, 10000) };
  g_autoptr(ShorePayoffPlan) snow = NULL;
  g_autoptr(ShorePayoffPlan) ava = NULL;
  GDate start;

  start_date (&start);
  snow = shore_payoff_plan_compute (d, 2, 50000, SHORE_PAYOFF_SNOWBALL, &start, NULL);
  ava = shore_payoff_plan_compute (d, 2, 50000, SHORE_PAYOFF_AVALANCHE, &start, NULL);
  g_assert_cmpint (shore_payoff_plan_get_payment (snow, 1, 0), ==, 40000);   /* 250 + 35000 + 5000 capped: 500.00 − 100.00 */
  g_assert_cmpint (shore_payoff_plan_get_payment (ava, 1, 0), ==, 5000);
  g_assert_cmpint (shore_payoff_plan_get_paid_off_month (snow, 0), <, shore_payoff_plan_get_paid_off_month (ava, 0));
  g_assert_cmpint (ava->total_interest, <, snow->total_interest);
  assert_plan_sound (snow, d, 2, 50000);
  assert_plan_sound (ava, d, 2, 50000);
}

static void
test_overdue_first (void)
{
  ShorePayoffDebt d[3] = { debt (1, 100000, 300, 10000), debt (2, 100000, 100, 10000), debt (3, 100000, 100, 10000) };
  g_autoptr(ShorePayoffPlan) plan = NULL;
  GDate start;

  d[1].overdue = 20000;
  d[1].days_overdue = 10;
  d[2].overdue = 20000;
  d[2].days_overdue = 40;
  start_date (&start);
  plan = shore_payoff_plan_compute (d, 3, 100000, SHORE_PAYOFF_OVERDUE_FIRST, &start, NULL);
  g_assert_nonnull (plan);
  /* month 1: minimums 100 + 300 + 300 = 700; extra 300 to debt 3 (most days overdue) */
  g_assert_cmpint (shore_payoff_plan_get_payment (plan, 1, 0), ==, 10000);
  g_assert_cmpint (shore_payoff_plan_get_payment (plan, 1, 1), ==, 30000);
  g_assert_cmpint (shore_payoff_plan_get_payment (plan, 1, 2), ==, 60000);
  g_assert_cmpint (shore_payoff_plan_get_paid_off_month (plan, 2), <=, shore_payoff_plan_get_paid_off_month (plan, 1));
  g_assert_cmpint (shore_payoff_plan_get_paid_off_month (plan, 1), <=, shore_payoff_plan_get_paid_off_month (plan, 0));
  assert_plan_sound (plan, d, 3, 100000);
}

static void
test_shortfall (void)
{
  ShorePayoffDebt d[2] = { debt (1, 100000, 100, 30000), debt (2, 100000, 100, 30000) };
  g_autoptr(ShorePayoffPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GDate start;

  d[1].overdue = 5000;
  start_date (&start);
  plan = shore_payoff_plan_compute (d, 2, 50000, SHORE_PAYOFF_AVALANCHE, &start, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->shortfall, ==, 65000 - 50000);
  g_assert_cmpint (plan->first_minimums, ==, 65000);
  g_assert_cmpint (plan->months, ==, 0);
  g_assert_cmpint (plan->total_paid, ==, 0);
  g_assert_false (g_date_valid (&plan->debt_free_date));
}

static void
test_budget_equals_minimums (void)
{
  ShorePayoffDebt d[2] = { debt (1, 100000, 0, 10000), debt (2, 50000, 0, 5000) };
  g_autoptr(ShorePayoffPlan) plan = NULL;
  GDate start;

  start_date (&start);
  plan = shore_payoff_plan_compute (d, 2, 15000, SHORE_PAYOFF_SNOWBALL, &start, NULL);
  g_assert_cmpint (plan->shortfall, ==, 0);
  g_assert_cmpint (plan->months, ==, 10);
  g_assert_cmpint (plan->total_interest, ==, 0);
  g_assert_cmpint (shore_payoff_plan_get_paid_off_month (plan, 1), ==, 10);
  assert_plan_sound (plan, d, 2, 15000);
  /* one fen less is a shortfall of one fen */
  g_clear_pointer (&plan, shore_payoff_plan_free);
  plan = shore_payoff_plan_compute (d, 2, 14999, SHORE_PAYOFF_SNOWBALL, &start, NULL);
  g_assert_cmpint (plan->shortfall, ==, 1);
}

static void
test_zero_rate (void)
{
  ShorePayoffDebt d[1] = { debt (1, 100000, 0, 0) };
  g_autoptr(ShorePayoffPlan) plan = NULL;
  GDate start;

  start_date (&start);
  plan = shore_payoff_plan_compute (d, 1, 30000, SHORE_PAYOFF_AVALANCHE, &start, NULL);
  g_assert_cmpint (plan->months, ==, 4);
  g_assert_cmpint (plan->total_interest, ==, 0);
  g_assert_cmpint (plan->total_paid, ==, 100000);
  g_assert_cmpint (shore_payoff_plan_get_payment (plan, 4, 0), ==, 10000);
  assert_plan_sound (plan, d, 1, 30000);
}

static void
test_one_debt (void)
{
  ShorePayoffDebt d[1] = { debt (7, 1000000, 150, 50000) };
  g_autoptr(ShorePayoffPlan) plan = NULL;
  GDate start;

  start_date (&start);
  plan = shore_payoff_plan_compute (d, 1, 100000, SHORE_PAYOFF_SNOWBALL, &start, NULL);
  g_assert_nonnull (plan);
  g_assert_cmpint (shore_payoff_plan_get_interest (plan, 1, 0), ==, 15000);
  g_assert_cmpint (plan->months, ==, 11);     /* n = −ln (1 − 0.15) / ln 1.015 ≈ 10.9 */
  assert_plan_sound (plan, d, 1, 100000);
}

static void
test_never (void)
{
  /* 3 % a month on 10,000.00 is 300.00; paying 300.00 never gets anywhere. */
  ShorePayoffDebt d[1] = { debt (1, 1000000, 300, 0) };
  g_autoptr(ShorePayoffPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GDate start;

  start_date (&start);
  plan = shore_payoff_plan_compute (d, 1, 30000, SHORE_PAYOFF_AVALANCHE, &start, &error);
  g_assert_null (plan);
  g_assert_error (error, SHORE_PAYOFF_ERROR, SHORE_PAYOFF_ERROR_NEVER);
}

static void
test_never_overflow (void)
{
  /* 80 % a month with nothing paid: the balance outgrows int64 before 600 months. */
  ShorePayoffDebt d[2] = { debt (1, 1000000, 8000, 0), debt (2, 100, 0, 0) };
  g_autoptr(ShorePayoffPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GDate start;

  start_date (&start);
  plan = shore_payoff_plan_compute (d, 2, 100, SHORE_PAYOFF_SNOWBALL, &start, &error);
  g_assert_null (plan);
  g_assert_error (error, SHORE_PAYOFF_ERROR, SHORE_PAYOFF_ERROR_NEVER);
}

static void
test_just_under_cap (void)
{
  /* No interest, 1.00 a month on 600.00: exactly 600 months; 600.01 is one too many. */
  ShorePayoffDebt d[1] = { debt (1, 60000, 0, 0) };
  g_autoptr(ShorePayoffPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GDate start;

  start_date (&start);
  plan = shore_payoff_plan_compute (d, 1, 100, SHORE_PAYOFF_AVALANCHE, &start, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plan->months, ==, 600);
  d[0].balance = 60001;
  g_clear_pointer (&plan, shore_payoff_plan_free);
  plan = shore_payoff_plan_compute (d, 1, 100, SHORE_PAYOFF_AVALANCHE, &start, &error);
  g_assert_null (plan);
  g_assert_error (error, SHORE_PAYOFF_ERROR, SHORE_PAYOFF_ERROR_NEVER);
}

static void
test_no_debts (void)
{
  ShorePayoffDebt d[1] = { debt (1, 0, 100, 100) };
  g_autoptr(ShorePayoffPlan) plan = NULL;
  g_autoptr(ShorePayoffPlan) none = NULL;
  GDate start;

  start_date (&start);
  plan = shore_payoff_plan_compute (d, 1, 100, SHORE_PAYOFF_AVALANCHE, &start, NULL);
  g_assert_cmpint (plan->months, ==, 0);
  g_assert_cmpint (plan->total_paid, ==, 0);
  g_assert_cmpint (shore_payoff_plan_get_paid_off_month (plan, 0), ==, 0);
  none = shore_payoff_plan_compute (NULL, 0, 0, SHORE_PAYOFF_SNOWBALL, &start, NULL);
  g_assert_cmpint (none->months, ==, 0);
}

static void
test_invalid (void)
{
  ShorePayoffDebt d[1] = { debt (1, -5, 100, 100) };
  g_autoptr(GError) error = NULL;
  GDate start;

  start_date (&start);
  g_assert_null (shore_payoff_plan_compute (d, 1, 100, SHORE_PAYOFF_AVALANCHE, &start, &error));
  g_assert_error (error, SHORE_PAYOFF_ERROR, SHORE_PAYOFF_ERROR_INVALID);
  g_clear_error (&error);
  d[0].balance = 5;
  g_assert_null (shore_payoff_plan_compute (d, 1, -1, SHORE_PAYOFF_AVALANCHE, &start, &error));
  g_assert_error (error, SHORE_PAYOFF_ERROR, SHORE_PAYOFF_ERROR_INVALID);
}

static void
test_dates_month_end (void)
{
  ShorePayoffDebt d[1] = { debt (1, 30000, 0, 0) };
  g_autoptr(ShorePayoffPlan) plan = NULL;
  g_autofree char *second = NULL;
  g_autofree char *last = NULL;
  GDate start;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 31, G_DATE_JANUARY, 2026);
  plan = shore_payoff_plan_compute (d, 1, 10000, SHORE_PAYOFF_AVALANCHE, &start, NULL);
  second = shore_date_format_iso (shore_payoff_plan_get_date (plan, 2));
  last = shore_date_format_iso (&plan->debt_free_date);
  g_assert_cmpstr (second, ==, "2026-02-28");
  g_assert_cmpstr (last, ==, "2026-03-31");
}

static void
test_monthly_fee (void)
{
  ShorePayoffDebt d[1] = { debt (1, 100000, 0, 0) };
  g_autoptr(ShorePayoffPlan) plan = NULL;
  GDate start;

  d[0].monthly_fee = 600;
  start_date (&start);
  plan = shore_payoff_plan_compute (d, 1, 50000, SHORE_PAYOFF_AVALANCHE, &start, NULL);
  /* 1006 − 500 = 506; 512 − 500 = 12; 18 */
  g_assert_cmpint (plan->months, ==, 3);
  g_assert_cmpint (plan->total_interest, ==, 1800);
  assert_plan_sound (plan, d, 1, 50000);
}

static void
test_compare (void)
{
  ShorePayoffDebt d[2] = { debt (1, 50000, 50, 5000), debt (2, 300000, 300, 10000) };
  ShorePayoffPlan *plans[SHORE_PAYOFF_N_STRATEGIES] = { NULL };
  GDate start;

  start_date (&start);
  g_assert_true (shore_payoff_compare (d, 2, 50000, &start, plans, NULL));
  for (guint s = 0; s < SHORE_PAYOFF_N_STRATEGIES; s++)
    {
      g_assert_cmpint (plans[s]->strategy, ==, s);
      assert_plan_sound (plans[s], d, 2, 50000);
      shore_payoff_plan_free (plans[s]);
    }
}

static void
test_strategy_strings (void)
{
  static const char * const names[] = { "avalanche", "snowball", "overdue-first" };
  ShorePayoffStrategy s;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (shore_payoff_strategy_from_string (names[i], &s));
      g_assert_cmpint (s, ==, i);
      g_assert_cmpstr (shore_payoff_strategy_to_string (s), ==, names[i]);
      g_assert_nonnull (shore_payoff_strategy_get_label (s));
    }
  g_assert_false (shore_payoff_strategy_from_string ("avalanche ", &s));
  g_assert_false (shore_payoff_strategy_from_string (NULL, &s));
}

static void
test_from_loan_current (void)
{
  g_autoptr(ShoreLoan) loan = shore_loan_new ();
  ShorePayoffDebt d;
  GDate as_of;

  loan->id = 3;
  g_free (loan->lender);
  loan->lender = g_strdup ("A");
  loan->principal = 1200000;
  g_assert_true (shore_rate_parse ("monthly:1%", &loan->rate, NULL));
  loan->term_months = 12;
  g_date_set_dmy (&loan->start_date, 15, G_DATE_JANUARY, 2026);
  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 1, G_DATE_FEBRUARY, 2026);
  g_assert_true (shore_payoff_debt_from_loan (loan, NULL, 0, &as_of, &d, NULL));
  g_assert_cmpint (d.id, ==, 3);
  g_assert_cmpint (d.balance, ==, 1200000);
  g_assert_cmpint (d.minimum, ==, 106619);
  g_assert_cmpint (d.overdue, ==, 0);
  g_assert_cmpint (d.days_overdue, ==, 0);
  g_assert_true (d.real_rate > 0.12 && d.real_rate < 0.13);
}

static void
test_from_loan_overdue (void)
{
  g_autoptr(ShoreLoan) loan = shore_loan_new ();
  ShorePayoffDebt d;
  GDate as_of;

  g_free (loan->lender);
  loan->lender = g_strdup ("A");
  loan->principal = 1200000;
  g_assert_true (shore_rate_parse ("monthly:1%", &loan->rate, NULL));
  loan->term_months = 12;
  g_date_set_dmy (&loan->start_date, 15, G_DATE_JANUARY, 2026);
  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 1, G_DATE_APRIL, 2026);
  /* Feb 15 and Mar 15 unpaid: 2 × 1066.19 overdue, 14 days */
  g_assert_true (shore_payoff_debt_from_loan (loan, NULL, 0, &as_of, &d, NULL));
  g_assert_cmpint (d.overdue, ==, 2 * 106619);
  g_assert_cmpint (d.days_overdue, ==, 45);
  g_assert_cmpint (d.balance, >, 1200000);   /* principal + the interest already due */
  g_assert_cmpint (d.minimum, ==, 106619);
}

/* Random debts */

static void
make_random (guint32          seed,
             ShorePayoffDebt *d,
             guint           *n,
             gint64          *budget,
             gboolean         integral_rates)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  gint64 minimums = 0;

  *n = (guint) g_rand_int_range (rand, 1, 7);
  for (guint i = 0; i < *n; i++)
    {
      gint64 balance = g_rand_int_range (rand, 1, 5000000);
      gint64 rate_bp = g_rand_boolean (rand) ? 0 : g_rand_int_range (rand, 1, 400);

      if (integral_rates)
        rate_bp = (rate_bp / 10) * 10 + i;   /* distinct rates */
      d[i] = debt (i + 1, balance, rate_bp, balance / g_rand_int_range (rand, 6, 37));
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          d[i].overdue = g_rand_int_range (rand, 0, (gint32) MIN (balance, 200000));
          d[i].days_overdue = g_rand_int_range (rand, 1, 200);
        }
      minimums += d[i].minimum + d[i].overdue + balance * rate_bp / 10000 + 1;
    }
  *budget = minimums + g_rand_int_range (rand, 0, 300000);
}

static void
test_random (gconstpointer data)
{
  guint32 seed = GPOINTER_TO_UINT (data);
  ShorePayoffDebt d[8];
  ShorePayoffPlan *plans[SHORE_PAYOFF_N_STRATEGIES] = { NULL };
  g_autoptr(GError) error = NULL;
  gint64 budget = 0;
  guint n = 0;
  GDate start;

  start_date (&start);
  make_random (seed, d, &n, &budget, seed % 2 == 0);
  if (!shore_payoff_compare (d, n, budget, &start, plans, &error))
    {
      /* only when interest outruns the budget for 50 years */
      g_assert_error (error, SHORE_PAYOFF_ERROR, SHORE_PAYOFF_ERROR_NEVER);
      return;
    }

  for (guint s = 0; s < SHORE_PAYOFF_N_STRATEGIES; s++)
    {
      g_assert_cmpint (plans[s]->shortfall, ==, 0);
      g_assert_cmpint (plans[s]->months, >=, 1);
      assert_plan_sound (plans[s], d, n, budget);
    }
  /* No overdue debt: overdue-first is avalanche. */
  if (plans[SHORE_PAYOFF_OVERDUE_FIRST]->total_interest != plans[SHORE_PAYOFF_AVALANCHE]->total_interest)
    {
      gboolean any_overdue = FALSE;

      for (guint i = 0; i < n; i++)
        any_overdue |= d[i].days_overdue > 0;
      g_assert_true (any_overdue);
    }
  g_assert_cmpint (plans[SHORE_PAYOFF_AVALANCHE]->total_interest, <=,
                   plans[SHORE_PAYOFF_SNOWBALL]->total_interest);

  for (guint s = 0; s < SHORE_PAYOFF_N_STRATEGIES; s++)
    shore_payoff_plan_free (plans[s]);
}

/* With the overdue debts first: the most overdue debt is cleared no later than any other debt. */
static void
test_random_overdue_first (gconstpointer data)
{
  guint32 seed = GPOINTER_TO_UINT (data);
  ShorePayoffDebt d[8];
  g_autoptr(ShorePayoffPlan) plan = NULL;
  gint64 budget = 0;
  guint n = 0, most = 0;
  GDate start;

  start_date (&start);
  make_random (seed, d, &n, &budget, TRUE);
  d[0].overdue = MIN (d[0].balance, 10000);
  d[0].days_overdue = 500;
  plan = shore_payoff_plan_compute (d, n, budget, SHORE_PAYOFF_OVERDUE_FIRST, &start, NULL);
  if (plan == NULL)
    return;
  assert_plan_sound (plan, d, n, budget);
  for (guint i = 1; i < n; i++)
    {
      /* a debt cleared earlier than the most overdue one got only its minimums */
      if (shore_payoff_plan_get_paid_off_month (plan, i) < shore_payoff_plan_get_paid_off_month (plan, most))
        {
          int m = shore_payoff_plan_get_paid_off_month (plan, i);

          for (int k = 1; k < m; k++)
            g_assert_cmpint (shore_payoff_plan_get_payment (plan, k, i), ==, MIN (d[i].minimum + (k == 1 ? d[i].overdue : 0),
                                                                                 shore_payoff_plan_get_payment (plan, k, i)));
        }
    }
  /* In month 1, all extra money went to the most overdue debt. */
  {
    gint64 expected = MIN (d[0].minimum + d[0].overdue, d[0].balance + shore_payoff_plan_get_interest (plan, 1, 0));

    if (shore_payoff_plan_get_balance (plan, 1, 0) > 0)
      for (guint i = 1; i < n; i++)
        g_assert_cmpint (shore_payoff_plan_get_payment (plan, 1, i), <=,
                         d[i].minimum + d[i].overdue);
    g_assert_cmpint (shore_payoff_plan_get_payment (plan, 1, 0), >=, expected);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/payoff/two-debts-avalanche", test_two_debts_avalanche);
  g_test_add_func ("/payoff/snowball-order", test_snowball_order);
  g_test_add_func ("/payoff/overdue-first", test_overdue_first);
  g_test_add_func ("/payoff/shortfall", test_shortfall);
  g_test_add_func ("/payoff/budget-equals-minimums", test_budget_equals_minimums);
  g_test_add_func ("/payoff/zero-rate", test_zero_rate);
  g_test_add_func ("/payoff/one-debt", test_one_debt);
  g_test_add_func ("/payoff/never", test_never);
  g_test_add_func ("/payoff/never-overflow", test_never_overflow);
  g_test_add_func ("/payoff/600-month-cap", test_just_under_cap);
  g_test_add_func ("/payoff/no-debts", test_no_debts);
  g_test_add_func ("/payoff/invalid", test_invalid);
  g_test_add_func ("/payoff/dates-month-end", test_dates_month_end);
  g_test_add_func ("/payoff/monthly-fee", test_monthly_fee);
  g_test_add_func ("/payoff/compare", test_compare);
  g_test_add_func ("/payoff/strategy-strings", test_strategy_strings);
  g_test_add_func ("/payoff/from-loan-current", test_from_loan_current);
  g_test_add_func ("/payoff/from-loan-overdue", test_from_loan_overdue);

  for (guint i = 0; i < N_RANDOM; i++)
    {
      g_autofree char *path = g_strdup_printf ("/payoff/random/%03u", i);

      g_test_add_data_func (path, GUINT_TO_POINTER (1000 + i), test_random);
    }
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *path = g_strdup_printf ("/payoff/random-overdue-first/%02u", i);

      g_test_add_data_func (path, GUINT_TO_POINTER (5000 + i), test_random_overdue_first);
    }

  return g_test_run ();
}
