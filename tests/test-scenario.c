/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pay now, keep waiting, negotiate: hand-checked tables in exact fen.
 *
 * The loan of every case: 12,000 元 at 12 % a year (1 % a month, 0.05 % a
 * day with the 50 % markup), equal principal over 12 months from
 * 2026-01-15. Its schedule: 1,000 principal a month, interest 120, 110, …,
 * 10, so the payments are 1,120 … 1,010 and add up to 12,780. */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "shore-i18n.h"
#include "shore-scenario.h"

typedef enum { PAY_NOW, WAIT, NEGOTIATE } Kind;

typedef struct
{
  const char *name;
  Kind        kind;
  int         missed_from;
  const char *today;
  int         horizon;          /* WAIT */
  int         term;             /* NEGOTIATE */
  gboolean    stops;
  gint64      fee;
  int         discount_bp;
  /* expected */
  gint64      total;
  gint64      now;
  gint64      monthly;
  gint64      last;
  int         months;
  char        worst;
} Case;

static const Case cases[] = {
  /* Nothing due yet: the schedule itself. */
  { "pay-now-nothing-due", PAY_NOW, 1, "2026-01-20", 0, 0, FALSE, 0, 0,
    1278000, 0, 112000, 101000, 12, 'N' },
  /* 10 days late on 1,000 + 120: penalty 5.00, compound 0.60; then 1,110 … 1,010. */
  { "pay-now-10-days", PAY_NOW, 1, "2026-02-25", 0, 0, FALSE, 0, 0,
    1278560, 112560, 111000, 101000, 11, '1' },
  /* Within the grace day: no charge, and the record stays normal. */
  { "pay-now-grace", PAY_NOW, 1, "2026-02-16", 0, 0, FALSE, 0, 0,
    1278000, 112000, 111000, 101000, 11, 'N' },
  /* Installments 1 and 2 paid; 3 (1,000 + 100) is 5 days late: 2.50 + 0.25. */
  { "pay-now-k3", PAY_NOW, 3, "2026-04-20", 0, 0, FALSE, 0, 0,
    1055275, 110275, 109000, 101000, 9, '1' },
  { "wait-0-days", WAIT, 1, "2026-01-20", 0, 0, FALSE, 0, 0,
    1278000, 0, 0, 0, 0, 'N' },
  { "wait-10-days", WAIT, 1, "2026-02-15", 10, 0, FALSE, 0, 0,
    1278560, 0, 0, 0, 0, '1' },
  /* 40 days: installment 1 charges 20.00 + 2.40, installment 2 (12 days) 6.00 + 0.66. */
  { "wait-40-days", WAIT, 1, "2026-02-15", 40, 0, FALSE, 0, 0,
    1280906, 0, 0, 0, 0, '2' },
  /* Interest stopped: the 12,000 principal over 12 months. */
  { "negotiate-stop-12", NEGOTIATE, 1, "2026-02-25", 0, 12, TRUE, 0, 0,
    1200000, 0, 100000, 100000, 12, '1' },
  { "negotiate-discount-100", NEGOTIATE, 1, "2026-02-25", 0, 12, TRUE, 0, 10000,
    0, 0, 0, 0, 12, '1' },
  /* Only the fee is left: 12.01 over 12 months, the last takes the remainder. */
  { "negotiate-discount-100-fee", NEGOTIATE, 1, "2026-02-25", 0, 12, TRUE, 1201, 10000,
    1201, 0, 100, 101, 12, '1' },
  { "negotiate-term-1-discount-25", NEGOTIATE, 1, "2026-02-25", 0, 1, TRUE, 0, 2500,
    900000, 0, 900000, 900000, 1, '1' },
  /* 1,200,000 / 7 = 171,428 rest 4. */
  { "negotiate-stop-7", NEGOTIATE, 1, "2026-02-25", 0, 7, TRUE, 0, 0,
    1200000, 0, 171428, 171432, 7, '1' },
  /* Equal installments at 1 %: 1,066.19 a month, the last 1,066.14; plus 1.00 of fee a month. */
  { "negotiate-interest-12-fee", NEGOTIATE, 1, "2026-01-20", 0, 12, FALSE, 1200, 0,
    1280623, 0, 106719, 106714, 12, 'N' },
  { "negotiate-interest-term-1", NEGOTIATE, 1, "2026-02-25", 0, 1, FALSE, 0, 0,
    1212000, 0, 1212000, 1212000, 1, '1' },
  { "negotiate-interest-discount-50", NEGOTIATE, 1, "2026-02-25", 0, 1, FALSE, 0, 5000,
    606000, 0, 606000, 606000, 1, '1' },
  /* Nothing left to bear interest: only the fee, 5.00 over 3 months. */
  { "negotiate-interest-discount-100", NEGOTIATE, 1, "2026-02-25", 0, 3, FALSE, 500, 10000,
    500, 0, 166, 168, 3, '1' },
  /* Installments 1 and 2 were paid: 10,000 principal left. */
  { "negotiate-k3-stop-10", NEGOTIATE, 3, "2026-04-20", 0, 10, TRUE, 0, 0,
    1000000, 0, 100000, 100000, 10, '1' },
};

static ShoreLoan *
make_loan (void)
{
  ShoreLoan *loan = shore_loan_new ();
  g_autoptr(GError) error = NULL;

  g_free (loan->lender);
  loan->lender = g_strdup ("Test");
  loan->principal = 1200000;
  g_assert_true (shore_rate_parse ("annual:12%", &loan->rate, &error));
  g_assert_no_error (error);
  loan->term_months = 12;
  loan->method = SHORE_METHOD_EQUAL_PRINCIPAL;
  g_date_clear (&loan->start_date, 1);
  g_date_set_dmy (&loan->start_date, 15, G_DATE_JANUARY, 2026);
  return loan;
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(ShoreLoan) loan = make_loan ();
  g_autoptr(GError) error = NULL;
  ShoreScenario out;
  ShoreNegotiation terms = { c->term, c->stops, c->fee, c->discount_bp };
  GDate today;
  gboolean ok = FALSE;

  g_assert_true (shore_date_parse (c->today, &today, NULL));
  switch (c->kind)
    {
    case PAY_NOW:
      ok = shore_scenario_pay_now (loan, c->missed_from, &today, &out, &error);
      break;
    case WAIT:
      ok = shore_scenario_keep_waiting (loan, c->missed_from, &today, c->horizon, &out, &error);
      break;
    case NEGOTIATE:
      ok = shore_scenario_negotiate (loan, c->missed_from, &today, &terms, &out, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (out.total, ==, c->total);
  g_assert_cmpint (out.now, ==, c->now);
  g_assert_cmpint (out.monthly, ==, c->monthly);
  g_assert_cmpint (out.last_payment, ==, c->last);
  g_assert_cmpint (out.months, ==, c->months);
  g_assert_cmpint (out.worst_status, ==, c->worst);
  g_assert_cmpuint (strlen (out.credit_status), ==, SHORE_OVERDUE_STATUS_MONTHS);
  if (c->kind == NEGOTIATE)
    {
      /* The payments add up to the total. */
      g_assert_cmpint (out.monthly * (out.months - 1) + out.last_payment, ==, out.total);
      g_assert_cmpint (out.discount, ==, out.base * c->discount_bp / 10000);
    }
}

typedef struct
{
  const char *name;
  int         term;
  gint64      fee;
  int         discount_bp;
  int         horizon;
} BadCase;

static const BadCase bad_cases[] = {
  { "term-0", 0, 0, 0, 0 },
  { "term-601", SHORE_LOAN_TERM_MAX + 1, 0, 0, 0 },
  { "discount-negative", 12, 0, -1, 0 },
  { "discount-over-100", 12, 0, 10001, 0 },
  { "fee-negative", 12, -1, 0, 0 },
  { "horizon-negative", 12, 0, 0, -1 },
  { "horizon-too-long", 12, 0, 0, SHORE_OVERDUE_SERIES_MAX_DAYS + 1 },
};

static void
test_bad (gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr(ShoreLoan) loan = make_loan ();
  g_autoptr(GError) error = NULL;
  ShoreNegotiation terms = { c->term, TRUE, c->fee, c->discount_bp };
  ShoreScenario out;
  GDate today;

  g_assert_true (shore_date_parse ("2026-02-25", &today, NULL));
  if (c->horizon != 0)
    g_assert_false (shore_scenario_keep_waiting (loan, 1, &today, c->horizon, &out, &error));
  else
    g_assert_false (shore_scenario_negotiate (loan, 1, &today, &terms, &out, &error));
  g_assert_error (error, SHORE_SCENARIO_ERROR, SHORE_SCENARIO_ERROR_INVALID);
  g_assert_nonnull (error->message);
}

static void
test_errors_of_the_model (void)
{
  g_autoptr(ShoreLoan) loan = make_loan ();
  g_autoptr(GError) error = NULL;
  ShoreScenario out;
  GDate today;

  /* Before the loan began. */
  g_assert_true (shore_date_parse ("2025-12-31", &today, NULL));
  g_assert_false (shore_scenario_pay_now (loan, 1, &today, &out, &error));
  g_assert_error (error, SHORE_OVERDUE_ERROR, SHORE_OVERDUE_ERROR_DATE);
  g_clear_error (&error);

  /* No installment 13. */
  g_assert_true (shore_date_parse ("2026-02-25", &today, NULL));
  g_assert_false (shore_scenario_pay_now (loan, 13, &today, &out, &error));
  g_assert_error (error, SHORE_OVERDUE_ERROR, SHORE_OVERDUE_ERROR_MISSED_FROM);
}

static void
test_split (void)
{
  static const struct { gint64 total; int months; gint64 monthly, last; } splits[] = {
    { 0, 1, 0, 0 },
    { 5, 8, 0, 5 },
    { 100, 3, 33, 34 },
    { 99, 3, 33, 33 },
    { 1, 1, 1, 1 },
    { G_MAXINT64, 2, G_MAXINT64 / 2, G_MAXINT64 / 2 + 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (splits); i++)
    {
      gint64 monthly, last;

      shore_scenario_split (splits[i].total, splits[i].months, &monthly, &last);
      g_assert_cmpint (monthly, ==, splits[i].monthly);
      g_assert_cmpint (last, ==, splits[i].last);
    }
}

static void
test_worst_status (void)
{
  static const struct { const char *line; char worst; } lines[] = {
    { "************************", 'N' },
    { "**********NNNNNNNNNNNNNN", 'N' },
    { "**********NNNNNNNNNN1234", '4' },
    { "NNNNN7NNNNNNNNNNNNNN1NNN", '7' },
    { "", 'N' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    g_assert_cmpint (shore_scenario_worst_status (lines[i].line), ==, lines[i].worst);
}

/* Day-by-day series: what is still owed under "pay now" and "negotiate".
 * Day 0 of most cases is 2026-02-15 (installment 1 due); day 10 is
 * 2026-02-25, day 28 2026-03-15, day 38 2026-03-25, day 59 2026-04-15,
 * day 69 2026-04-25. */
typedef struct
{
  int    day;
  gint64 owed;
} Point;

typedef struct
{
  const char *name;
  Kind        kind;             /* PAY_NOW or NEGOTIATE */
  int         missed_from;
  const char *today;
  const char *from;
  int         n_days;
  int         term;
  gboolean    stops;
  int         discount_bp;
  Point       points[6];        /* ends at day -1 */
} SeriesCase;

static const SeriesCase series_cases[] = {
  /* Before today nothing is paid: the overdue total (1,120 on 02-16). Today
   * the 11 installments left (1,110 … 1,010 = 11,660); each due date takes
   * one off: 1,110 on 03-15, 1,100 on 04-15. */
  { "pay-now", PAY_NOW, 1, "2026-02-25", "2026-02-15", 60, 0, FALSE, 0,
    { { 1, 112000 }, { 10, 1166000 }, { 27, 1166000 }, { 28, 1055000 }, { 59, 945000 }, { -1, 0 } } },
  /* Only installment 12 (1,010, due 2027-01-15, day 26) is left; then nothing. */
  { "pay-now-last", PAY_NOW, 12, "2026-12-20", "2026-12-20", 40, 0, FALSE, 0,
    { { 0, 101000 }, { 25, 101000 }, { 26, 0 }, { 39, 0 }, { -1, 0 } } },
  /* Interest stopped: 12,000 over 12 months from 2026-02-25, 1,000 on each 25th. */
  { "negotiate-stop-12", NEGOTIATE, 1, "2026-02-25", "2026-02-15", 70, 12, TRUE, 0,
    { { 1, 112000 }, { 10, 1200000 }, { 37, 1200000 }, { 38, 1100000 }, { 69, 1000000 }, { -1, 0 } } },
  /* One payment of 9,000 on 2026-03-25, then nothing is owed. */
  { "negotiate-term-1", NEGOTIATE, 1, "2026-02-25", "2026-02-15", 70, 1, TRUE, 2500,
    { { 10, 900000 }, { 37, 900000 }, { 38, 0 }, { 69, 0 }, { -1, 0 } } },
};

static void
test_series (gconstpointer data)
{
  const SeriesCase *c = data;
  g_autoptr(ShoreLoan) loan = make_loan ();
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *out = g_new0 (gint64, c->n_days);
  ShoreNegotiation terms = { c->term, c->stops, 0, c->discount_bp };
  ShoreOverdueOptions options = { c->missed_from };
  GDate from;
  gboolean ok;

  g_assert_true (shore_date_parse (c->today, &options.as_of, NULL));
  g_assert_true (shore_date_parse (c->from, &from, NULL));
  if (c->kind == PAY_NOW)
    ok = shore_scenario_pay_now_series (loan, &options, &from, c->n_days, out, &error);
  else
    ok = shore_scenario_negotiate_series (loan, &options, &from, c->n_days, &terms, out, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  for (guint i = 0; c->points[i].day >= 0; i++)
    {
      if (out[c->points[i].day] != c->points[i].owed)
        g_error ("day %d: %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                 c->points[i].day, out[c->points[i].day], c->points[i].owed);
    }
  /* never rises from today on */
  for (int d = 11; d < c->n_days; d++)
    g_assert_cmpint (out[d], <=, out[d - 1]);
}

/* Today's value agrees with the scenario: pay now's total − now. */
static void
test_series_agrees (void)
{
  g_autoptr(ShoreLoan) loan = make_loan ();
  ShoreOverdueOptions options = { 3 };
  ShoreScenario now;
  gint64 out[5];
  GDate from;

  g_assert_true (shore_date_parse ("2026-04-20", &options.as_of, NULL));
  from = options.as_of;
  g_assert_true (shore_scenario_pay_now (loan, 3, &options.as_of, &now, NULL));
  g_assert_true (shore_scenario_pay_now_series (loan, &options, &from, 5, out, NULL));
  g_assert_cmpint (out[0], ==, now.total - now.now);
}

static void
test_series_bad (void)
{
  g_autoptr(ShoreLoan) loan = make_loan ();
  g_autoptr(GError) error = NULL;
  ShoreNegotiation terms = { 0, TRUE, 0, 0 };
  ShoreOverdueOptions options = { 1 };
  gint64 out[5];
  GDate from;

  g_assert_true (shore_date_parse ("2026-02-25", &options.as_of, NULL));
  from = options.as_of;
  g_assert_false (shore_scenario_pay_now_series (loan, &options, &from, 0, out, &error));
  g_assert_error (error, SHORE_SCENARIO_ERROR, SHORE_SCENARIO_ERROR_INVALID);
  g_clear_error (&error);
  /* a term of 0 months */
  g_assert_false (shore_scenario_negotiate_series (loan, &options, &from, 5, &terms, out, &error));
  g_assert_error (error, SHORE_SCENARIO_ERROR, SHORE_SCENARIO_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/scenario/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/scenario/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }
  for (guint i = 0; i < G_N_ELEMENTS (series_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/scenario/series/%s", series_cases[i].name);

      g_test_add_data_func (path, &series_cases[i], test_series);
    }
  g_test_add_func ("/scenario/series/agrees", test_series_agrees);
  g_test_add_func ("/scenario/series/bad", test_series_bad);
  g_test_add_func ("/scenario/model-errors", test_errors_of_the_model);
  g_test_add_func ("/scenario/split", test_split);
  g_test_add_func ("/scenario/worst-status", test_worst_status);

  return g_test_run ();
}
