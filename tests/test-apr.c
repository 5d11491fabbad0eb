/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib.h>

#include "shore-apr.h"
#include "shore-i18n.h"
#include "shore-loan.h"

#define PCT_MILLI(thousandths) ((gint64) (thousandths) * 100000)   /* 1.5 % = PCT_MILLI (1500) */
#define RANDOM_GROUPS 20
#define FLOWS_PER_GROUP 10

static void
add_rows (const char    *prefix,
          gconstpointer  rows,
          gsize          row_size,
          gsize          n_rows,
          GTestDataFunc  check)
{
  gsize i;

  for (i = 0; i < n_rows; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%02" G_GSIZE_FORMAT, prefix, i);

      g_test_add_data_func (path, (const guint8 *) rows + i * row_size, check);
    }
}

#define ADD_ROWS(prefix, table, check) \
  add_rows (prefix, table, sizeof table[0], G_N_ELEMENTS (table), check)

/* An IRR written separately from the library's: plain bisection on the
 * net present value in long double, each discount factor by powl. */
static long double
reference_npv (gint64        received,
               const gint64 *payments,
               guint         n,
               long double   i)
{
  long double value = (long double) received;
  guint k;

  for (k = 0; k < n; k++)
    value -= (long double) payments[k] / powl (1.0L + i, (long double) (k + 1));

  return value;
}

static double
reference_irr (gint64        received,
               const gint64 *payments,
               guint         n)
{
  long double lo = -0.99L;
  long double hi = 10.0L;
  int step;

  g_assert_true (reference_npv (received, payments, n, lo) < 0);
  g_assert_true (reference_npv (received, payments, n, hi) > 0);

  for (step = 0; step < 200; step++)
    {
      long double mid = (lo + hi) / 2;

      if (reference_npv (received, payments, n, mid) < 0)
        lo = mid;
      else
        hi = mid;
    }

  return (double) ((lo + hi) / 2);
}

static ShoreLoan *
make_loan (gint64               principal,
           ShoreRatePeriod      period,
           gint64               value,
           int                  term,
           ShoreRepaymentMethod method,
           gint64               upfront_fee)
{
  ShoreLoan *loan = shore_loan_new ();

  g_free (loan->lender);
  loan->lender = g_strdup ("Lender");
  loan->principal = principal;
  loan->rate.period = period;
  loan->rate.value = value;
  loan->term_months = term;
  loan->method = method;
  loan->upfront_fee = upfront_fee;
  g_date_clear (&loan->start_date, 1);
  g_date_set_dmy (&loan->start_date, 15, G_DATE_JANUARY, 2026);
  return loan;
}

static void
assert_percent (double      fraction,
                guint       decimals,
                const char *expected)
{
  g_autofree char *text = shore_apr_format_percent (fraction, decimals);

  g_assert_cmpstr (text, ==, expected);
}

/* ---- the PBoC example ---- */

/* Announcement 〔2021〕No. 3: borrow 100,000, pay a 1,000 fee up front and
 * 12 installments of 8,833.30. Its published figures: simple 12.80 %,
 * IRR (compound) 13.58 %. */
static void
test_pboc_example (void)
{
  gint64 payments[12];
  ShoreTrueCost cost;
  g_autoptr(GError) error = NULL;
  guint k;

  g_assert_true (shore_apr_for_payment (10000000, 12, 883330, 100000, &cost, &error));
  g_assert_no_error (error);

  for (k = 0; k < 12; k++)
    payments[k] = 883330;
  g_assert_cmpfloat_with_epsilon (cost.monthly_irr, reference_irr (9900000, payments, 12), 1e-9);
  g_assert_cmpfloat_with_epsilon (cost.apr_simple, 12 * cost.monthly_irr, 1e-15);
  g_assert_cmpfloat_with_epsilon (cost.apr_compound, pow (1 + cost.monthly_irr, 12) - 1, 1e-12);
  g_assert_cmpint (cost.received, ==, 9900000);
  g_assert_cmpint (cost.total_repaid, ==, 10599960);
  g_assert_cmpint (cost.total_cost, ==, 699960);
  assert_percent (cost.apr_simple, 2, "12.80");
  assert_percent (cost.apr_compound, 2, "13.58");
  assert_percent (cost.monthly_irr, 4, "1.0670");
}

/* ---- loans ---- */

typedef struct
{
  const char          *name;
  gint64               principal;
  ShoreRatePeriod      period;
  gint64               value;
  int                  term;
  ShoreRepaymentMethod method;
  gint64               upfront_fee;
  gint64               fee_rate;      /* monthly, -1: none */
  const char          *simple;        /* two decimals */
  const char          *compound;
} LoanCase;

static const LoanCase loan_cases[] = {
  /* 0.05 % a day is 1.5 % a month: 18 % a year simple, whatever the method */
  { "daily-0.05-equal-installment", 1000000, SHORE_RATE_DAILY, PCT_MILLI (50), 12, SHORE_METHOD_EQUAL_INSTALLMENT, 0, -1, "18.00", "19.56" },
  { "daily-0.05-equal-principal", 1000000, SHORE_RATE_DAILY, PCT_MILLI (50), 12, SHORE_METHOD_EQUAL_PRINCIPAL, 0, -1, "18.00", "19.56" },
  { "daily-0.05-interest-first", 1000000, SHORE_RATE_DAILY, PCT_MILLI (50), 12, SHORE_METHOD_INTEREST_FIRST, 0, -1, "18.00", "19.56" },
  /* Bullet: 11,800 after 12 months is 18 % compounded once a year */
  { "daily-0.05-bullet", 1000000, SHORE_RATE_DAILY, PCT_MILLI (50), 12, SHORE_METHOD_BULLET, 0, -1, "16.67", "18.00" },
  /* “0.6 % a month looks like 7.2 % a year”: it is about 13 % */
  { "monthly-fee-0.6", 1000000, SHORE_RATE_DAILY, 0, 12, SHORE_METHOD_EQUAL_PRINCIPAL, 0, PCT_MILLI (600), "13.03", "13.84" },
  { "monthly-fee-0.6-upfront-2pct", 1000000, SHORE_RATE_DAILY, 0, 12, SHORE_METHOD_EQUAL_PRINCIPAL, 20000, PCT_MILLI (600), "16.90", "18.27" },
  { "daily-0.05-upfront-5pct", 1000000, SHORE_RATE_DAILY, PCT_MILLI (50), 12, SHORE_METHOD_EQUAL_INSTALLMENT, 50000, -1, "28.00", "31.89" },
  { "zero-rate", 1000000, SHORE_RATE_DAILY, 0, 12, SHORE_METHOD_EQUAL_INSTALLMENT, 0, -1, "0.00", "0.00" },
  { "zero-rate-upfront", 1000000, SHORE_RATE_DAILY, 0, 12, SHORE_METHOD_EQUAL_INSTALLMENT, 100000, -1, "19.91", "21.83" },
  { "annual-1000-term-1", 1000000, SHORE_RATE_ANNUAL, PCT_MILLI (1000000), 1, SHORE_METHOD_BULLET, 0, -1, "1000.00", "144077.09" },
  { "annual-24-term-600", 1000000, SHORE_RATE_ANNUAL, PCT_MILLI (24000), 600, SHORE_METHOD_EQUAL_INSTALLMENT, 0, -1, "24.00", "26.82" },
};

static void
check_loan (gconstpointer data)
{
  const LoanCase *c = data;
  g_autoptr(ShoreLoan) loan = make_loan (c->principal, c->period, c->value, c->term, c->method, c->upfront_fee);
  g_autoptr(ShoreSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *payments = NULL;
  ShoreTrueCost cost;
  guint k;

  if (c->fee_rate >= 0)
    {
      loan->has_monthly_fee_rate = TRUE;
      loan->monthly_fee_rate.period = SHORE_RATE_MONTHLY;
      loan->monthly_fee_rate.value = c->fee_rate;
    }

  g_assert_true (shore_apr_for_loan (loan, &cost, &error));
  g_assert_no_error (error);
  assert_percent (cost.apr_simple, 2, c->simple);
  assert_percent (cost.apr_compound, 2, c->compound);

  /* The same cash flows, by hand: month k pays the installment of period k */
  schedule = shore_schedule_compute (loan, NULL);
  payments = g_new0 (gint64, c->term);
  for (k = 0; k < schedule->installments->len; k++)
    {
      const ShoreInstallment *row = &g_array_index (schedule->installments, ShoreInstallment, k);

      payments[row->period - 1] = row->payment;
    }
  g_assert_cmpint (cost.received, ==, c->principal - c->upfront_fee);
  g_assert_cmpint (cost.total_repaid, ==, schedule->total_payment);
  g_assert_cmpint (cost.total_cost, ==, schedule->total_payment - cost.received);
  if (cost.monthly_irr > 0 || c->upfront_fee > 0)
    g_assert_cmpfloat_with_epsilon (cost.monthly_irr,
                                    reference_irr (cost.received, payments, (guint) c->term),
                                    1e-9 * fmax (1.0, cost.monthly_irr));
  else
    g_assert_cmpfloat (cost.monthly_irr, ==, 0.0);
}

/* Interest first at 1.5 % a month is exactly 1.5 % a month */
static void
test_interest_first_exact (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (1000000, SHORE_RATE_MONTHLY, PCT_MILLI (1500), 24, SHORE_METHOD_INTEREST_FIRST, 0);
  ShoreTrueCost cost;

  g_assert_true (shore_apr_for_loan (loan, &cost, NULL));
  g_assert_cmpfloat_with_epsilon (cost.monthly_irr, 0.015, 1e-13);
}

/* An upfront fee always raises the true rate */
static void
test_upfront_fee_raises (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (1000000, SHORE_RATE_DAILY, PCT_MILLI (30), 24, SHORE_METHOD_EQUAL_INSTALLMENT, 0);
  double previous = -1;
  gint64 fee;

  for (fee = 0; fee <= 500000; fee += 50000)
    {
      ShoreTrueCost cost;

      loan->upfront_fee = fee;
      g_assert_true (shore_apr_for_loan (loan, &cost, NULL));
      g_assert_cmpfloat (cost.apr_simple, >, previous);
      previous = cost.apr_simple;
    }
}

/* “Borrow 100,000, repay 400,000”: 300 % a month over one month; over a year */
static void
test_very_high_cost (void)
{
  gint64 once[] = { 40000000 };
  gint64 monthly[12];
  double i;
  guint k;

  g_assert_true (shore_apr_irr (10000000, once, 1, &i, NULL));
  g_assert_cmpfloat_with_epsilon (i, 3.0, 1e-12);

  for (k = 0; k < 12; k++)
    monthly[k] = 40000000 / 12;
  g_assert_true (shore_apr_irr (10000000, monthly, 12, &i, NULL));
  g_assert_cmpfloat_with_epsilon (i, reference_irr (10000000, monthly, 12), 1e-9);
  g_assert_cmpfloat (i, >, 0.3);

  /* Nine times the money back in a month: 800 % */
  once[0] = 90000000;
  g_assert_true (shore_apr_irr (10000000, once, 1, &i, NULL));
  g_assert_cmpfloat_with_epsilon (i, 8.0, 1e-12);
}

/* Less back than received: a negative rate, still in (−99 %, 1000 %) */
static void
test_negative_rate (void)
{
  gint64 half[] = { 50 };
  double i;

  g_assert_true (shore_apr_irr (100, half, 1, &i, NULL));
  g_assert_cmpfloat_with_epsilon (i, -0.5, 1e-12);
}

/* ---- random cash flows against the reference ---- */

static void
check_random (gconstpointer data)
{
  guint group = GPOINTER_TO_UINT (data);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260115 + group);
  guint flow;

  for (flow = 0; flow < FLOWS_PER_GROUP; flow++)
    {
      guint n = (guint) g_rand_int_range (rand, 1, 121);
      gint64 received = g_rand_int_range (rand, 1, 1000000) * (gint64) g_rand_int_range (rand, 1, 1000);
      double rate = g_rand_double_range (rand, 0.0005, flow % 3 == 0 ? 1.5 : 0.08);
      g_autofree gint64 *payments = g_new0 (gint64, n);
      gint64 total = 0;
      double expected;
      double i;
      guint k;

      /* An annuity at rate, with noise and months without payment */
      for (k = 0; k < n; k++)
        {
          double annuity = (double) received * rate / (1 - pow (1 + rate, -(double) n));

          if (g_rand_int_range (rand, 0, 5) == 0 && k + 1 < n)
            continue;
          payments[k] = (gint64) (annuity * g_rand_double_range (rand, 0.5, 2.0)) + 1;
          total += payments[k];
        }
      if (total <= received)
        payments[n - 1] += received - total + 1 + received / 10;

      expected = reference_irr (received, payments, n);
      g_assert_true (shore_apr_irr (received, payments, n, &i, NULL));
      g_assert_cmpfloat_with_epsilon (i, expected, 1e-9 * fmax (1.0, fabs (expected)));
    }
}

/* ---- bad input ---- */

typedef struct
{
  const char *name;
  gint64      principal;
  int         term;
  gint64      payment;
  gint64      fee;
  GQuark    (*domain) (void);
  int         code;
} PaymentErrorCase;

static const PaymentErrorCase payment_error_cases[] = {
  { "principal-zero", 0, 12, 100, 0, shore_loan_error_quark, SHORE_LOAN_ERROR_INVALID },
  { "term-zero", 100000, 0, 100, 0, shore_loan_error_quark, SHORE_LOAN_ERROR_INVALID },
  { "term-601", 100000, 601, 100, 0, shore_loan_error_quark, SHORE_LOAN_ERROR_INVALID },
  { "payment-zero", 100000, 12, 0, 0, shore_loan_error_quark, SHORE_LOAN_ERROR_INVALID },
  { "fee-negative", 100000, 12, 10000, -1, shore_loan_error_quark, SHORE_LOAN_ERROR_INVALID },
  { "fee-all", 100000, 12, 10000, 100000, shore_loan_error_quark, SHORE_LOAN_ERROR_INVALID },
  { "payments-too-small", 100000, 12, 8000, 0, shore_apr_error_quark, SHORE_APR_ERROR_INVALID },
  { "overflow", 100000, 600, G_MAXINT64 / 100, 0, shore_loan_error_quark, SHORE_LOAN_ERROR_OVERFLOW },
  { "beyond-1000-pct-a-month", 100, 1, 200000, 0, shore_apr_error_quark, SHORE_APR_ERROR_NO_SOLUTION },
};

static void
check_payment_error (gconstpointer data)
{
  const PaymentErrorCase *c = data;
  g_autoptr(GError) error = NULL;
  ShoreTrueCost cost;

  memset (&cost, 0x5a, sizeof cost);
  g_assert_false (shore_apr_for_payment (c->principal, c->term, c->payment, c->fee, &cost, &error));
  g_assert_error (error, c->domain (), c->code);
  g_assert_cmpint (cost.received, ==, 0x5a5a5a5a5a5a5a5a);
}

static void
test_irr_errors (void)
{
  gint64 payments[] = { 100, -1 };
  gint64 zeros[] = { 0, 0 };
  gint64 tiny[] = { 1 };
  GError *error = NULL;
  double i = 42;

  g_assert_false (shore_apr_irr (100, payments, 0, &i, &error));
  g_assert_error (error, SHORE_APR_ERROR, SHORE_APR_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (shore_apr_irr (100, payments, 2, &i, &error));
  g_assert_error (error, SHORE_APR_ERROR, SHORE_APR_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (shore_apr_irr (100, zeros, 2, &i, &error));
  g_assert_error (error, SHORE_APR_ERROR, SHORE_APR_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (shore_apr_irr (0, payments, 1, &i, &error));
  g_assert_error (error, SHORE_APR_ERROR, SHORE_APR_ERROR_INVALID);
  g_clear_error (&error);

  /* 1 back for 1,000: −99.9 % a month */
  g_assert_false (shore_apr_irr (1000, tiny, 1, &i, &error));
  g_assert_error (error, SHORE_APR_ERROR, SHORE_APR_ERROR_NO_SOLUTION);
  g_clear_error (&error);

  g_assert_cmpfloat (i, ==, 42);
}

static void
test_invalid_loan (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (1000000, SHORE_RATE_DAILY, PCT_MILLI (50), 12, SHORE_METHOD_BULLET, 1000000);
  g_autoptr(GError) error = NULL;
  ShoreTrueCost cost;

  g_assert_false (shore_apr_for_loan (loan, &cost, &error));
  g_assert_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID);
}

/* ---- formatting ---- */

typedef struct
{
  double      fraction;
  guint       decimals;
  const char *expected;
} FormatCase;

static const FormatCase format_cases[] = {
  { 0.128, 2, "12.80" },
  { 0.1358, 2, "13.58" },
  { 0.12805, 2, "12.81" },
  { 0.128049999, 2, "12.80" },
  { 0.12795, 2, "12.80" },
  { 0.18, 2, "18.00" },
  { 0.0, 2, "0.00" },
  { -0.0, 2, "0.00" },
  { -0.00000001, 2, "0.00" },
  { -0.05, 2, "-5.00" },
  { -0.00005, 2, "-0.01" },
  { 1.0, 2, "100.00" },
  { 0.00005, 2, "0.01" },
  { 0.000049, 2, "0.00" },
  { 0.125, 0, "13" },
  { 0.124999, 0, "12" },
  { 0.999995, 3, "100.000" },
  { 0.0106698349, 4, "1.0670" },
  { 9.99999, 2, "1000.00" },
  { 1439.7742, 2, "143977.42" },
};

static void
check_format (gconstpointer data)
{
  const FormatCase *c = data;

  assert_percent (c->fraction, c->decimals, c->expected);
}

int
main (int    argc,
      char **argv)
{
  gsize i;

  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/apr/pboc-example", test_pboc_example);
  for (i = 0; i < G_N_ELEMENTS (loan_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/apr/loan/%s", loan_cases[i].name);

      g_test_add_data_func (path, &loan_cases[i], check_loan);
    }
  g_test_add_func ("/apr/interest-first-exact", test_interest_first_exact);
  g_test_add_func ("/apr/upfront-fee-raises", test_upfront_fee_raises);
  g_test_add_func ("/apr/very-high-cost", test_very_high_cost);
  g_test_add_func ("/apr/negative-rate", test_negative_rate);
  for (i = 0; i < RANDOM_GROUPS; i++)
    {
      g_autofree char *path = g_strdup_printf ("/apr/random/%02" G_GSIZE_FORMAT, i);

      g_test_add_data_func (path, GUINT_TO_POINTER ((guint) i), check_random);
    }
  for (i = 0; i < G_N_ELEMENTS (payment_error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/apr/payment-error/%s", payment_error_cases[i].name);

      g_test_add_data_func (path, &payment_error_cases[i], check_payment_error);
    }
  g_test_add_func ("/apr/irr-errors", test_irr_errors);
  g_test_add_func ("/apr/invalid-loan", test_invalid_loan);
  ADD_ROWS ("/apr/format", format_cases, check_format);

  return g_test_run ();
}
