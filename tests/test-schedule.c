/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "shore-i18n.h"
#include "shore-loan.h"
#include "shore-schedule.h"

#define RATE_D SHORE_RATE_DAILY
#define RATE_M SHORE_RATE_MONTHLY
#define RATE_A SHORE_RATE_ANNUAL
#define EI     SHORE_METHOD_EQUAL_INSTALLMENT
#define EP     SHORE_METHOD_EQUAL_PRINCIPAL
#define IF     SHORE_METHOD_INTEREST_FIRST
#define BU     SHORE_METHOD_BULLET
#define NO_FEE (-1)

/* Rates in units of 10⁻⁸ percent, as ShoreRate.value holds them */
#define PCT_MILLI(thousandths) ((gint64) (thousandths) * 100000)   /* 1.5 % = PCT_MILLI (1500) */

/* ---- helpers ---- */

static GDate
date_of (const char *iso)
{
  GDate date;

  g_assert_true (shore_date_parse (iso, &date, NULL));
  return date;
}

static ShoreLoan *
make_loan (gint64               principal,
           ShoreRatePeriod      period,
           gint64               value,
           int                  term,
           ShoreRepaymentMethod method,
           gint64               fee_value,
           const char          *start)
{
  ShoreLoan *loan = shore_loan_new ();

  g_free (loan->lender);
  loan->lender = g_strdup ("微众银行");
  loan->principal = principal;
  loan->rate.period = period;
  loan->rate.value = value;
  loan->term_months = term;
  loan->method = method;
  if (fee_value >= 0)
    {
      loan->has_monthly_fee_rate = TRUE;
      loan->monthly_fee_rate.period = SHORE_RATE_MONTHLY;
      loan->monthly_fee_rate.value = fee_value;
    }
  loan->start_date = date_of (start);
  return loan;
}

static const ShoreInstallment *
row_at (const ShoreSchedule *schedule,
        guint                i)
{
  g_assert_cmpuint (i, <, schedule->installments->len);
  return &g_array_index (schedule->installments, ShoreInstallment, i);
}

static const ShoreInstallment *
last_row (const ShoreSchedule *schedule)
{
  g_assert_cmpuint (schedule->installments->len, >, 0);
  return row_at (schedule, schedule->installments->len - 1);
}

static void
assert_date (const GDate *date,
             const char  *iso)
{
  g_autofree char *text = shore_date_format_iso (date);

  g_assert_cmpstr (text, ==, iso);
}

/* What every schedule must satisfy; @complete: it runs to the last period
 * (a schedule after payments may end early when the loan is paid off) */
static void
check_invariants (const ShoreLoan     *loan,
                  const ShoreSchedule *schedule,
                  gboolean             complete)
{
  gint64 balance = loan->principal;
  gint64 total = 0;
  gint64 interest = 0;
  int previous_period = 0;
  guint i;

  for (i = 0; i < schedule->installments->len; i++)
    {
      const ShoreInstallment *row = row_at (schedule, i);
      GDate due;

      g_assert_cmpint (row->period, >, previous_period);
      g_assert_cmpint (row->period, <=, loan->term_months);
      previous_period = row->period;
      g_assert_cmpint (row->principal, >=, 0);
      g_assert_cmpint (row->interest, >=, 0);
      g_assert_cmpint (row->payment, ==, row->principal + row->interest);
      g_assert_cmpint (row->principal, <=, balance);
      balance -= row->principal;
      g_assert_cmpint (row->balance, ==, balance);
      shore_schedule_due_date (&loan->start_date, row->period, &due);
      g_assert_cmpint (g_date_compare (&due, &row->due_date), ==, 0);
      total += row->payment;
      interest += row->interest;
    }

  g_assert_cmpint (balance, ==, 0);
  if (complete)
    g_assert_cmpint (previous_period, ==, loan->term_months);
  g_assert_cmpint (schedule->total_payment, ==, total);
  g_assert_cmpint (schedule->total_interest, ==, interest);
  g_assert_cmpint (total - interest, ==, loan->principal);
}

#define assert_invariants(loan, schedule) check_invariants (loan, schedule, TRUE)

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

/* ---- due dates ---- */

typedef struct
{
  const char *start;
  int         period;
  const char *due;
} DueCase;

static const DueCase due_cases[] = {
  { "2026-01-15", 0, "2026-01-15" },
  { "2026-01-15", 1, "2026-02-15" },
  { "2026-01-15", 12, "2027-01-15" },
  { "2026-01-31", 1, "2026-02-28" },
  { "2026-01-31", 2, "2026-03-31" },
  { "2026-01-31", 3, "2026-04-30" },
  { "2026-01-31", 13, "2027-02-28" },
  { "2028-01-31", 1, "2028-02-29" },
  { "2028-02-29", 1, "2028-03-29" },
  { "2028-02-29", 12, "2029-02-28" },
  { "2028-02-29", 48, "2032-02-29" },
  { "2027-12-31", 1, "2028-01-31" },
  { "2027-12-31", 2, "2028-02-29" },
  { "2027-12-31", 4, "2028-04-30" },
  { "2027-12-31", 14, "2029-02-28" },
  { "2026-08-30", 6, "2027-02-28" },
  { "9999-12-31", 600, "10049-12-31" },
};

static void
check_due (gconstpointer data)
{
  const DueCase *c = data;
  GDate start = date_of (c->start);
  GDate due;

  shore_schedule_due_date (&start, c->period, &due);
  g_assert_true (g_date_valid (&due));
  assert_date (&due, c->due);
}

/* ---- schedules worked out by hand ---- */

/* 12,000.00 at 1 % a month over 12 months, equal installments:
 * A = 120 × 1.01¹² / (1.01¹² − 1) = 1,066.1855… → 1,066.19.
 * Period 1: interest 12,000 × 1 % = 120.00, principal 946.19, balance 11,053.81.
 * Period 12: balance 1,055.58, interest 10.5558 → 10.56, payment 1,066.14.
 */
static void
test_hand_equal_installment (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (1200000, RATE_M, PCT_MILLI (1000), 12, EI, NO_FEE, "2026-01-15");
  g_autoptr(ShoreSchedule) schedule = shore_schedule_compute (loan, NULL);
  const ShoreInstallment *row;
  guint i;

  g_assert_nonnull (schedule);
  g_assert_cmpuint (schedule->installments->len, ==, 12);

  row = row_at (schedule, 0);
  g_assert_cmpint (row->period, ==, 1);
  assert_date (&row->due_date, "2026-02-15");
  g_assert_cmpint (row->payment, ==, 106619);
  g_assert_cmpint (row->interest, ==, 12000);
  g_assert_cmpint (row->principal, ==, 94619);
  g_assert_cmpint (row->balance, ==, 1105381);

  row = row_at (schedule, 1);
  g_assert_cmpint (row->interest, ==, 11054);     /* 110.5381 */
  g_assert_cmpint (row->principal, ==, 95565);

  for (i = 0; i < 11; i++)
    g_assert_cmpint (row_at (schedule, i)->payment, ==, 106619);

  row = last_row (schedule);
  g_assert_cmpint (row->period, ==, 12);
  assert_date (&row->due_date, "2027-01-15");
  g_assert_cmpint (row->principal, ==, 105558);
  g_assert_cmpint (row->interest, ==, 1056);
  g_assert_cmpint (row->payment, ==, 106614);
  g_assert_cmpint (row->balance, ==, 0);

  g_assert_cmpint (schedule->total_payment, ==, 1279423);
  g_assert_cmpint (schedule->total_interest, ==, 79423);
  assert_invariants (loan, schedule);
}

/* 10,000.00 at 0.05 % a day (1.5 % a month), equal principal:
 * principal 10,000 / 12 = 833.33, the last 833.37; interest on the balance.
 */
static void
test_hand_equal_principal (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (1000000, RATE_D, PCT_MILLI (50), 12, EP, NO_FEE, "2026-01-15");
  g_autoptr(ShoreSchedule) schedule = shore_schedule_compute (loan, NULL);
  const ShoreInstallment *row;

  g_assert_nonnull (schedule);
  g_assert_cmpuint (schedule->installments->len, ==, 12);

  row = row_at (schedule, 0);
  g_assert_cmpint (row->principal, ==, 83333);
  g_assert_cmpint (row->interest, ==, 15000);
  g_assert_cmpint (row->payment, ==, 98333);
  g_assert_cmpint (row->balance, ==, 916667);

  row = row_at (schedule, 1);
  g_assert_cmpint (row->interest, ==, 13750);     /* 9,166.67 × 1.5 % = 137.50005 */
  g_assert_cmpint (row->payment, ==, 97083);

  row = last_row (schedule);
  g_assert_cmpint (row->principal, ==, 83337);
  g_assert_cmpint (row->interest, ==, 1250);      /* 833.37 × 1.5 % = 12.50055 */
  g_assert_cmpint (row->payment, ==, 84587);

  g_assert_cmpint (schedule->total_interest, ==, 97500);
  g_assert_cmpint (schedule->total_payment, ==, 1097500);
  assert_invariants (loan, schedule);
}

/* 10,000.00 at 18 % a year, interest first: 150.00 a month, then the principal */
static void
test_hand_interest_first (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (1000000, RATE_A, PCT_MILLI (18000), 12, IF, NO_FEE, "2026-01-15");
  g_autoptr(ShoreSchedule) schedule = shore_schedule_compute (loan, NULL);
  guint i;

  g_assert_nonnull (schedule);
  g_assert_cmpuint (schedule->installments->len, ==, 12);
  for (i = 0; i < 11; i++)
    {
      g_assert_cmpint (row_at (schedule, i)->interest, ==, 15000);
      g_assert_cmpint (row_at (schedule, i)->principal, ==, 0);
      g_assert_cmpint (row_at (schedule, i)->balance, ==, 1000000);
    }
  g_assert_cmpint (last_row (schedule)->payment, ==, 1015000);
  g_assert_cmpint (schedule->total_interest, ==, 180000);
  assert_invariants (loan, schedule);
}

/* 10,000.00 at 1.5 % a month, bullet: one payment of 11,800.00 after 12 months */
static void
test_hand_bullet (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (1000000, RATE_M, PCT_MILLI (1500), 12, BU, NO_FEE, "2026-01-31");
  g_autoptr(ShoreSchedule) schedule = shore_schedule_compute (loan, NULL);
  const ShoreInstallment *row;

  g_assert_nonnull (schedule);
  g_assert_cmpuint (schedule->installments->len, ==, 1);
  row = row_at (schedule, 0);
  g_assert_cmpint (row->period, ==, 12);
  assert_date (&row->due_date, "2027-01-31");
  g_assert_cmpint (row->principal, ==, 1000000);
  g_assert_cmpint (row->interest, ==, 180000);
  g_assert_cmpint (row->payment, ==, 1180000);
  g_assert_cmpint (row->balance, ==, 0);
  assert_invariants (loan, schedule);
}

/* 10,000.00 with a 0.6 % monthly fee (月费率) and no interest: 833.33 of
 * principal and 60.00 of fee a month; the last period repays 833.37. */
static void
test_hand_monthly_fee (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (1000000, RATE_D, 0, 12, EI, PCT_MILLI (600), "2026-01-15");
  g_autoptr(ShoreSchedule) schedule = shore_schedule_compute (loan, NULL);
  guint i;

  g_assert_nonnull (schedule);
  g_assert_cmpuint (schedule->installments->len, ==, 12);
  for (i = 0; i < 11; i++)
    {
      g_assert_cmpint (row_at (schedule, i)->principal, ==, 83333);
      g_assert_cmpint (row_at (schedule, i)->interest, ==, 6000);
      g_assert_cmpint (row_at (schedule, i)->payment, ==, 89333);
    }
  g_assert_cmpint (last_row (schedule)->principal, ==, 83337);
  g_assert_cmpint (last_row (schedule)->interest, ==, 6000);
  g_assert_cmpint (schedule->total_interest, ==, 72000);
  assert_invariants (loan, schedule);
}

/* A fee and interest together: the fee on the original principal plus
 * interest on the balance. 12,000 at 1 % a month and 0.5 % fee, 3 months. */
static void
test_hand_fee_and_interest (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (1200000, RATE_M, PCT_MILLI (1000), 3, BU, PCT_MILLI (500), "2026-01-15");
  g_autoptr(ShoreSchedule) schedule = shore_schedule_compute (loan, NULL);

  g_assert_nonnull (schedule);
  g_assert_cmpuint (schedule->installments->len, ==, 3);
  g_assert_cmpint (row_at (schedule, 0)->interest, ==, 6000 + 12000);
  g_assert_cmpint (row_at (schedule, 1)->interest, ==, 6000 + 8000);
  g_assert_cmpint (row_at (schedule, 2)->interest, ==, 6000 + 4000);
  g_assert_cmpint (row_at (schedule, 0)->principal, ==, 400000);
  assert_invariants (loan, schedule);
}

/* r = 0: A = round (P / n), the last period takes the rest */
static void
test_zero_rate (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (1000000, RATE_D, 0, 600, EI, NO_FEE, "2026-01-15");
  g_autoptr(ShoreSchedule) schedule = shore_schedule_compute (loan, NULL);

  g_assert_nonnull (schedule);
  g_assert_cmpuint (schedule->installments->len, ==, 600);
  g_assert_cmpint (row_at (schedule, 0)->payment, ==, 1667);
  g_assert_cmpint (last_row (schedule)->payment, ==, 1000000 - 599 * 1667);
  g_assert_cmpint (schedule->total_interest, ==, 0);
  assert_invariants (loan, schedule);
}

/* 600 months at 1.5 % a month: A = 150.02 on 10,000 */
static void
test_term_600 (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (1000000, RATE_M, PCT_MILLI (1500), 600, EI, NO_FEE, "2027-12-31");
  g_autoptr(ShoreSchedule) schedule = shore_schedule_compute (loan, NULL);

  g_assert_nonnull (schedule);
  g_assert_cmpuint (schedule->installments->len, ==, 600);
  g_assert_cmpint (row_at (schedule, 0)->payment, ==, 15002);
  g_assert_cmpint (last_row (schedule)->payment, ==, 23845);
  g_assert_cmpint (last_row (schedule)->interest, ==, 352);
  g_assert_cmpint (schedule->total_payment, ==, 9010043);
  assert_date (&row_at (schedule, 1)->due_date, "2028-02-29");
  assert_date (&last_row (schedule)->due_date, "2077-12-31");
  assert_invariants (loan, schedule);
}

/* n = 1: one payment of principal plus one month of interest; exactly ½ fen rounds up */
static void
test_term_1 (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (100, RATE_M, PCT_MILLI (500), 1, EI, NO_FEE, "2028-02-29");
  g_autoptr(ShoreSchedule) schedule = shore_schedule_compute (loan, NULL);

  g_assert_nonnull (schedule);
  g_assert_cmpuint (schedule->installments->len, ==, 1);
  g_assert_cmpint (row_at (schedule, 0)->interest, ==, 1);     /* 0.5 fen → 1 */
  g_assert_cmpint (row_at (schedule, 0)->payment, ==, 101);
  assert_date (&row_at (schedule, 0)->due_date, "2028-03-29");
  assert_invariants (loan, schedule);
}

/* A = 9P/10 at 50 % a month over 2 months: exactly half a fen rounds up */
static void
test_exact_half (void)
{
  g_autoptr(ShoreLoan) loan5 = make_loan (5, RATE_M, PCT_MILLI (50000), 2, EI, NO_FEE, "2026-01-15");
  g_autoptr(ShoreLoan) loan15 = make_loan (15, RATE_M, PCT_MILLI (50000), 2, EI, NO_FEE, "2026-01-15");
  g_autoptr(ShoreSchedule) s5 = shore_schedule_compute (loan5, NULL);
  g_autoptr(ShoreSchedule) s15 = shore_schedule_compute (loan15, NULL);

  g_assert_nonnull (s5);
  g_assert_nonnull (s15);
  g_assert_cmpint (row_at (s5, 0)->payment, ==, 5);     /* 4.5 */
  g_assert_cmpint (row_at (s15, 0)->payment, ==, 14);   /* 13.5 */
  assert_invariants (loan5, s5);
  assert_invariants (loan15, s15);
}

/* Rounding would repay the loan early: later rows carry no principal, none is negative */
static void
test_no_negative_principal (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (900, RATE_D, 0, 600, EP, NO_FEE, "2026-01-15");
  g_autoptr(ShoreSchedule) schedule = shore_schedule_compute (loan, NULL);

  g_assert_nonnull (schedule);
  g_assert_cmpuint (schedule->installments->len, ==, 600);
  g_assert_cmpint (row_at (schedule, 0)->principal, ==, 2);
  g_assert_cmpint (row_at (schedule, 449)->balance, ==, 0);
  g_assert_cmpint (row_at (schedule, 450)->principal, ==, 0);
  g_assert_cmpint (last_row (schedule)->payment, ==, 0);
  assert_invariants (loan, schedule);
}

/* ---- independent reference: every method, random terms (tests/ref: Python, exact fractions) ---- */

typedef struct
{
  gint64               principal;
  ShoreRatePeriod      period;
  gint64               value;
  int                  term;
  ShoreRepaymentMethod method;
  gint64               fee;
  guint                n_rows;
  gint64               first_payment;
  gint64               first_principal;
  gint64               first_interest;
  gint64               last_payment;
  gint64               last_interest;
  gint64               total_payment;
  gint64               total_interest;
} RefCase;

/* Computed by a separate Python implementation of DESIGN.md's rules with
 * exact rational arithmetic (fractions.Fraction), seed 20260115. */
static const RefCase ref_cases[] = {
  { 4087, RATE_M, 0, 2, EI, NO_FEE, 2, 2044, 2044, 0, 2043, 0, 4087, 0 },
  { 9908957551419, RATE_D, 87852000, 2, EP, NO_FEE, 2, 7566043992132, 4954478775710, 2611565216422, 6260261383920, 1305782608211, 13826305376052, 3917347824633 },
  { 76535168, RATE_A, 92300000000, 491, IF, NO_FEE, 491, 58868300, 0, 58868300, 135403468, 58868300, 28980870468, 28904335300 },
  { 1013678, RATE_D, 103000, 393, BU, 206000000, 393, 23774, 2579, 21195, 23593, 20883, 9282017, 8268339 },
  { 4911, RATE_M, 3948800000, 5, EI, NO_FEE, 5, 2392, 453, 1939, 2394, 678, 11962, 7051 },
  { 1482474406863, RATE_D, 13800000, 12, EP, NO_FEE, 12, 184913974349, 123539533905, 61374440444, 128654070612, 5114536704, 1881408269749, 398933862886 },
  { 62174364, RATE_D, 43200000, 577, IF, NO_FEE, 577, 8057798, 0, 8057798, 70232162, 8057798, 4711523810, 4649349446 },
  { 456, RATE_D, 57063000, 1, BU, NO_FEE, 1, 534, 456, 78, 534, 78, 534, 78 },
  { 7454, RATE_A, 69800000000, 2, EI, NO_FEE, 2, 7223, 2887, 4336, 7223, 2656, 14446, 6992 },
  { 899463834457, RATE_D, 142204000, 24, EP, NO_FEE, 24, 421199725114, 37477659769, 383722065345, 53466079160, 15988419390, 5695989651280, 4796525816823 },
  { 57220357, RATE_D, 44178000, 253, IF, 17000000, 253, 7907085, 226167, 7680918, 353537, 127264, 1044955337, 987734980 },
  { 47105643, RATE_M, 0, 5, BU, NO_FEE, 1, 47105643, 47105643, 0, 47105643, 0, 47105643, 0 },
  { 4898684730066, RATE_M, 7954500000, 204, EI, NO_FEE, 204, 3896658768531, 0, 3896658768531, 8795343498597, 3896658768531, 799817073510390, 794918388780324 },
  { 31330545, RATE_D, 222525000, 31, EP, NO_FEE, 31, 21926152, 1010663, 20915489, 1685343, 674688, 365978282, 334647737 },
  { 55800375, RATE_A, 53500000000, 58, IF, NO_FEE, 58, 24877667, 0, 24877667, 80678042, 24877667, 1498705061, 1442904686 },
  { 4157398127647, RATE_M, 7847300000, 11, BU, NO_FEE, 1, 40044183487440, 4157398127647, 35886785359793, 40044183487440, 35886785359793, 40044183487440, 35886785359793 },
  { 8873958164677, RATE_D, 230499000, 36, EI, NO_FEE, 36, 6136315486165, 37165, 6136315449000, 6136439010089, 2508623524700, 220907481025864, 212033522861187 },
  { 2088273377814, RATE_M, 3146300000, 2, EP, 204000000, 2, 1743770918676, 1044136688907, 699634229769, 1415254192245, 371117503338, 3159025110921, 1070751733107 },
  { 95801344, RATE_M, 8039800000, 2, IF, NO_FEE, 2, 77022365, 0, 77022365, 172823709, 77022365, 249846074, 154044730 },
  { 8308, RATE_A, 2100000000, 58, BU, NO_FEE, 1, 16741, 8308, 8433, 16741, 8433, 16741, 8433 },
  { 66156686, RATE_D, 223891000, 5, EI, NO_FEE, 5, 48121923, 3686263, 44435660, 48121921, 19335238, 240609613, 174452927 },
  { 902, RATE_M, 6743600000, 12, EP, NO_FEE, 12, 683, 75, 608, 129, 52, 4864, 3962 },
  { 9346786506862, RATE_M, 0, 332, IF, NO_FEE, 332, 0, 0, 0, 9346786506862, 0, 9346786506862, 0 },
  { 3797, RATE_A, 83500000000, 2, BU, NO_FEE, 1, 9081, 3797, 5284, 9081, 5284, 9081, 5284 },
  { 586849439205, RATE_M, 7896500000, 12, EI, 199000000, 12, 523988083442, 48904119934, 475083963508, 99199562075, 50295442144, 3739125873115, 3152276433910 },
  { 2969, RATE_M, 5840800000, 5, EP, NO_FEE, 5, 2328, 594, 1734, 939, 346, 8169, 5200 },
  { 3048, RATE_M, 7773300000, 15, IF, NO_FEE, 15, 2369, 0, 2369, 5417, 2369, 38583, 35535 },
  { 55110177, RATE_M, 4575300000, 451, BU, NO_FEE, 1, 11426876414, 55110177, 11371766237, 11426876414, 11371766237, 11426876414, 11371766237 },
  { 56859340, RATE_A, 68500000000, 24, EI, NO_FEE, 24, 32457844, 637, 32457207, 32443208, 11789707, 778973620, 722114280 },
  { 6467052881413, RATE_D, 114183000, 36, EP, NO_FEE, 36, 2394922855292, 179640357817, 2215282497475, 241175982748, 61535624930, 47449779084708, 40982726203295 },
  { 67425656, RATE_M, 4024000000, 12, IF, NO_FEE, 12, 27132084, 0, 27132084, 94557740, 27132084, 393010664, 325585008 },
  { 3285, RATE_A, 48900000000, 2, BU, 236000000, 2, 3060, 1643, 1417, 2389, 747, 5449, 2164 },
  { 1465054320464, RATE_A, 86800000000, 3, EI, NO_FEE, 3, 1317056191707, 257333566571, 1059722625136, 1317056191706, 552806950871, 3951168575120, 2486114254656 },
  { 92334757, RATE_D, 0, 36, EP, NO_FEE, 36, 2564854, 2564854, 0, 2564867, 0, 92334757, 0 },
  { 46443769, RATE_D, 160846000, 43, IF, NO_FEE, 43, 22410883, 0, 22410883, 68854652, 22410883, 1010111738, 963667969 },
  { 85293076, RATE_A, 35800000000, 24, BU, NO_FEE, 1, 695991500, 85293076, 610698424, 695991500, 610698424, 695991500, 610698424 },
  { 2345628334439, RATE_M, 7819100000, 36, EI, NO_FEE, 36, 1834070252685, 1704, 1834070250981, 1834631626163, 805044483062, 66027090470138, 63681462135699 },
  { 4371407947303, RATE_D, 150531000, 1, EP, NO_FEE, 1, 6345505176449, 4371407947303, 1974097229146, 6345505176449, 1974097229146, 6345505176449, 1974097229146 },
  { 4995480078076, RATE_D, 202011000, 3, IF, 95000000, 3, 4740042864924, 1665160026025, 3074882838899, 2721759012821, 1056598986795, 11192702816617, 6197222738541 },
  { 36043441, RATE_D, 106118000, 5, BU, NO_FEE, 1, 93416309, 36043441, 57372868, 93416309, 57372868, 93416309, 57372868 },
  { 6416255252309, RATE_A, 83600000000, 6, EI, NO_FEE, 6, 4665571727939, 195580568830, 4469991159109, 4665571727929, 1915725915790, 27993430367624, 21577175115315 },
  { 73072901, RATE_A, 16200000000, 176, EP, NO_FEE, 176, 10280029, 415187, 9864842, 471225, 56049, 946111255, 873038354 },
  { 1489286302849, RATE_D, 82139000, 5, IF, NO_FEE, 5, 366985462889, 0, 366985462889, 1856271765738, 366985462889, 3324213617294, 1834927314445 },
  { 1956696, RATE_M, 496600000, 36, BU, NO_FEE, 1, 5454799, 1956696, 3498103, 5454799, 3498103, 5454799, 3498103 },
  { 6147064707833, RATE_M, 0, 158, EI, NO_FEE, 158, 38905472834, 38905472834, 0, 38905472895, 0, 6147064707833, 0 },
  { 43032862, RATE_A, 1900000000, 6, EP, 46000000, 6, 8051449, 7172144, 879305, 7483652, 311510, 46605307, 3572445 },
  { 2383973, RATE_M, 245400000, 568, IF, NO_FEE, 568, 58503, 0, 58503, 2442476, 58503, 35613677, 33229704 },
  { 2991, RATE_D, 210707000, 1, BU, NO_FEE, 1, 4882, 2991, 1891, 4882, 1891, 4882, 1891 },
};

static void
check_ref (gconstpointer data)
{
  const RefCase *c = data;
  g_autoptr(ShoreLoan) loan = make_loan (c->principal, c->period, c->value, c->term, c->method, c->fee, "2026-01-31");
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreSchedule) schedule = shore_schedule_compute (loan, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (schedule->installments->len, ==, c->n_rows);
  g_assert_cmpint (row_at (schedule, 0)->payment, ==, c->first_payment);
  g_assert_cmpint (row_at (schedule, 0)->principal, ==, c->first_principal);
  g_assert_cmpint (row_at (schedule, 0)->interest, ==, c->first_interest);
  g_assert_cmpint (last_row (schedule)->payment, ==, c->last_payment);
  g_assert_cmpint (last_row (schedule)->interest, ==, c->last_interest);
  g_assert_cmpint (schedule->total_payment, ==, c->total_payment);
  g_assert_cmpint (schedule->total_interest, ==, c->total_interest);
  assert_invariants (loan, schedule);
}

/* ---- the equal installment within a hair of half a fen ---- */

typedef struct
{
  gint64          principal;
  ShoreRatePeriod period;
  gint64          value;
  int             term;
  gint64          installment;
} HalfCase;

/* Principals chosen (continued fractions, exact) so that A* lies within
 * 10⁻⁵ … 10⁻¹¹ fen of a half: floating point alone cannot round these. */
static const HalfCase half_cases[] = {
  { 70481250, RATE_D, 5000000, 12, 6461721 },  /* A* − ⌊A*⌋ − ½ = +2.215e-05 */
  { 146630, RATE_D, 3000000, 24, 6821 },  /* A* − ⌊A*⌋ − ½ = +2.616e-06 */
  { 12762211, RATE_M, 150000000, 36, 461384 },  /* A* − ⌊A*⌋ − ½ = -1.517e-05 */
  { 60555768, RATE_A, 1800000000, 60, 1537719 },  /* A* − ⌊A*⌋ − ½ = +8.549e-07 */
  { 28508740, RATE_D, 1000000, 6, 4801471 },  /* A* − ⌊A*⌋ − ½ = -2.206e-07 */
  { 30100376, RATE_M, 99000000, 3, 10232774 },  /* A* − ⌊A*⌋ − ½ = +1.296e-05 */
  { 61954032, RATE_A, 2400000000, 120, 1365969 },  /* A* − ⌊A*⌋ − ½ = +3.997e-06 */
  { 6067908, RATE_D, 7777000, 600, 141570 },  /* A* − ⌊A*⌋ − ½ = -1.522e-06 */
  { 83158499, RATE_M, 10000, 240, 346535 },  /* A* − ⌊A*⌋ − ½ = -7.153e-06 */
  { 6, RATE_D, 1, 12, 1 },  /* A* − ⌊A*⌋ − ½ = +9.750e-09 */
  { 163778699320409, RATE_D, 5000000, 12, 15015229991887 },  /* A* − ⌊A*⌋ − ½ = +4.722e-11 */
  { 622499839096356, RATE_D, 3000000, 24, 28955603588522 },  /* A* − ⌊A*⌋ − ½ = -1.770e-09 */
  { 454060081595232, RATE_M, 150000000, 36, 16415359666902 },  /* A* − ⌊A*⌋ − ½ = +5.002e-09 */
  { 155661209176500, RATE_A, 1800000000, 60, 3952771618439 },  /* A* − ⌊A*⌋ − ½ = -1.761e-09 */
  { 486695204240480, RATE_D, 1000000, 6, 81969710073025 },  /* A* − ⌊A*⌋ − ½ = +1.581e-09 */
  { 358588962340155, RATE_M, 99000000, 3, 121904112800169 },  /* A* − ⌊A*⌋ − ½ = +7.045e-09 */
  { 522441142973475, RATE_A, 2400000000, 120, 11518832937424 },  /* A* − ⌊A*⌋ − ½ = -6.035e-09 */
  { 12149710955360, RATE_D, 7777000, 600, 283465183517 },  /* A* − ⌊A*⌋ − ½ = -3.414e-09 */
  { 645715757823442, RATE_M, 10000, 240, 2690806540299 },  /* A* − ⌊A*⌋ − ½ = +7.091e-09 */
  { 307692312, RATE_D, 1, 12, 25641027 },  /* A* − ⌊A*⌋ − ½ = +9.750e-09 */
};

static void
check_half (gconstpointer data)
{
  const HalfCase *c = data;
  g_autoptr(ShoreLoan) loan = make_loan (c->principal, c->period, c->value, c->term, EI, NO_FEE, "2026-03-31");
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreSchedule) schedule = shore_schedule_compute (loan, &error);

  g_assert_no_error (error);
  g_assert_cmpint (row_at (schedule, 0)->payment, ==, c->installment);
  assert_invariants (loan, schedule);
}

/* ---- amounts too large ---- */

typedef struct
{
  gint64               principal;
  ShoreRatePeriod      period;
  gint64               value;
  int                  term;
  ShoreRepaymentMethod method;
  gboolean             ok;
} LimitCase;

static const LimitCase limit_cases[] = {
  { G_MAXINT64, RATE_D, 0, 1, BU, TRUE },
  { G_MAXINT64, RATE_D, 0, 600, EI, TRUE },
  { G_MAXINT64, RATE_D, 0, 600, EP, TRUE },
  { G_MAXINT64, RATE_D, 1, 1, BU, FALSE },
  { G_MAXINT64, RATE_A, PCT_MILLI (1000000), 600, EI, FALSE },
  { G_MAXINT64, RATE_A, PCT_MILLI (1000000), 600, IF, FALSE },
  { G_MAXINT64 / 2, RATE_M, PCT_MILLI (1000), 1, EI, TRUE },
  { G_MAXINT64 / 2, RATE_M, PCT_MILLI (20000), 12, EI, FALSE },
  { G_MAXINT64 / 2, RATE_M, PCT_MILLI (1000), 12, EI, TRUE },
  { G_MAXINT64 / 1000, RATE_A, PCT_MILLI (1000000), 600, BU, TRUE },
  { G_MAXINT64 / 1000, RATE_A, PCT_MILLI (1000000), 600, EI, TRUE },
  { G_MAXINT64 / 400, RATE_A, PCT_MILLI (1000000), 600, EI, FALSE },
  { G_MAXINT64 / 400, RATE_A, PCT_MILLI (1000000), 600, BU, FALSE },
};

static void
check_limit (gconstpointer data)
{
  const LimitCase *c = data;
  g_autoptr(ShoreLoan) loan = make_loan (c->principal, c->period, c->value, c->term, c->method, NO_FEE, "2026-01-15");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) validate_error = NULL;
  g_autoptr(ShoreSchedule) schedule = shore_schedule_compute (loan, &error);

  if (c->ok)
    {
      g_assert_no_error (error);
      assert_invariants (loan, schedule);
      g_assert_true (shore_loan_validate (loan, NULL));
    }
  else
    {
      g_assert_null (schedule);
      g_assert_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_OVERFLOW);
      g_assert_false (shore_loan_validate (loan, &validate_error));
      g_assert_error (validate_error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_OVERFLOW);
    }
}

static void
test_invalid_loan (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (1000000, RATE_D, 0, 601, EI, NO_FEE, "2026-01-15");
  g_autoptr(GError) error = NULL;

  g_assert_null (shore_schedule_compute (loan, &error));
  g_assert_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID);
}

/* ---- status and payments ---- */

#define MAX_PAYMENTS 14

typedef struct
{
  const char *date;
  gint64      amount;
} PaymentSpec;

typedef struct
{
  const char    *name;
  char           loan;               /* which loan of make_status_loan () */
  PaymentSpec    payments[MAX_PAYMENTS];
  const char    *today;
  int            due_soon_days;
  ShoreLoanState state;
  const char    *next_due_date;      /* NULL when paid off */
  gint64         next_due_amount;
  int            next_period;
  int            days_until_due;
  int            days_overdue;
  int            overdue_installments;
  gint64         overdue_amount;
  gint64         due_this_month;
  gint64         principal_remaining;
  gint64         owed_total;
  gint64         paid_total;
} StatusCase;

#define CUR SHORE_LOAN_STATE_CURRENT
#define SOON SHORE_LOAN_STATE_DUE_SOON
#define LATE SHORE_LOAN_STATE_OVERDUE
#define DONE SHORE_LOAN_STATE_PAID_OFF

/* A: 12,000 at 1 % a month, equal installments of 1,066.19 from 2026-02-15
 *    (interest 120.00 then 110.54, …); total 12,794.23.
 * B: 10,000 at 1.5 % a month, bullet: 11,800.00 on 2027-01-15.
 * C: 10,000 at 1.5 % a month, interest first: 150.00 a month.
 * D: 10,000 with a 0.6 % monthly fee: 893.33 a month.
 * E: 10,000 at 1.5 % a month, equal principal: 983.33, 970.83, …
 */
static ShoreLoan *
make_status_loan (char which)
{
  switch (which)
    {
    case 'A':
      return make_loan (1200000, RATE_M, PCT_MILLI (1000), 12, EI, NO_FEE, "2026-01-15");
    case 'B':
      return make_loan (1000000, RATE_M, PCT_MILLI (1500), 12, BU, NO_FEE, "2026-01-15");
    case 'C':
      return make_loan (1000000, RATE_M, PCT_MILLI (1500), 12, IF, NO_FEE, "2026-01-15");
    case 'D':
      return make_loan (1000000, RATE_D, 0, 12, EP, PCT_MILLI (600), "2026-01-15");
    case 'E':
      return make_loan (1000000, RATE_M, PCT_MILLI (1500), 12, EP, NO_FEE, "2026-01-15");
    default:
      g_assert_not_reached ();
    }
}

/* Eleven installments of A paid on their due dates */
#define A_ON_TIME_11 \
  { "2026-02-15", 106619 }, { "2026-03-15", 106619 }, { "2026-04-15", 106619 }, \
  { "2026-05-15", 106619 }, { "2026-06-15", 106619 }, { "2026-07-15", 106619 }, \
  { "2026-08-15", 106619 }, { "2026-09-15", 106619 }, { "2026-10-15", 106619 }, \
  { "2026-11-15", 106619 }, { "2026-12-15", 106619 }

static const StatusCase status_cases[] = {
  { "before-first-due", 'A', { { NULL, 0 } }, "2026-01-20", 3,
    CUR, "2026-02-15", 106619, 1, 26, 0, 0, 0, 0, 1200000, 1279423, 0 },
  { "due-this-month", 'A', { { NULL, 0 } }, "2026-02-01", 3,
    CUR, "2026-02-15", 106619, 1, 14, 0, 0, 0, 106619, 1200000, 1279423, 0 },
  { "due-in-2-days", 'A', { { NULL, 0 } }, "2026-02-13", 3,
    SOON, "2026-02-15", 106619, 1, 2, 0, 0, 0, 106619, 1200000, 1279423, 0 },
  { "due-tomorrow-lead-0", 'A', { { NULL, 0 } }, "2026-02-14", 0,
    CUR, "2026-02-15", 106619, 1, 1, 0, 0, 0, 106619, 1200000, 1279423, 0 },
  { "due-today", 'A', { { NULL, 0 } }, "2026-02-15", 0,
    SOON, "2026-02-15", 106619, 1, 0, 0, 0, 0, 106619, 1200000, 1279423, 0 },
  { "overdue-1-day", 'A', { { NULL, 0 } }, "2026-02-16", 3,
    LATE, "2026-02-15", 106619, 1, -1, 1, 1, 106619, 106619, 1200000, 1279423, 0 },
  { "overdue-2-installments", 'A', { { NULL, 0 } }, "2026-03-20", 3,
    LATE, "2026-02-15", 106619, 1, -33, 33, 2, 213238, 213238, 1200000, 1279423, 0 },
  { "overdue-next-month-not-yet", 'A', { { NULL, 0 } }, "2026-03-01", 3,
    LATE, "2026-02-15", 106619, 1, -14, 14, 1, 106619, 213238, 1200000, 1279423, 0 },
  /* 500.00 pays the 120.00 of interest, then 380.00 of principal */
  { "partial-payment", 'A', { { "2026-02-15", 50000 } }, "2026-02-16", 3,
    LATE, "2026-02-15", 56619, 1, -1, 1, 1, 56619, 56619, 1162000, 1229423, 50000 },
  { "full-payment", 'A', { { "2026-02-15", 106619 } }, "2026-02-16", 3,
    CUR, "2026-03-15", 106619, 2, 27, 0, 0, 0, 0, 1105381, 1172804, 106619 },
  /* Paid five days early: the installment is paid, nothing is recomputed */
  { "paid-early", 'A', { { "2026-02-10", 106619 } }, "2026-02-12", 3,
    CUR, "2026-03-15", 106619, 2, 31, 0, 0, 0, 0, 1105381, 1172804, 106619 },
  { "paid-late", 'A', { { "2026-02-20", 106619 } }, "2026-02-21", 3,
    CUR, "2026-03-15", 106619, 2, 22, 0, 0, 0, 0, 1105381, 1172804, 106619 },
  { "two-paid-together-late", 'A', { { "2026-03-20", 213238 } }, "2026-03-21", 3,
    CUR, "2026-04-15", 106619, 3, 25, 0, 0, 0, 0, 1009816, 1066185, 213238 },
  /* 5,000.00 beyond installment 2 repays principal: 10,098.16 − 5,000 = 5,098.16
   * left over 10 periods, A = 538.27 (interest 50.98 first), the last 538.33;
   * the interest still to come falls from 563.69 to 284.60. */
  { "prepayment-recomputes", 'A', { { "2026-02-15", 106619 }, { "2026-03-01", 606619 } }, "2026-03-02", 3,
    CUR, "2026-04-15", 53827, 3, 44, 0, 0, 0, 0, 509816, 538276, 713238 },
  /* Everything on 2026-03-01: installment 2's interest (110.54) and the whole balance */
  { "pay-off-early", 'A', { { "2026-02-15", 106619 }, { "2026-03-01", 1116435 } }, "2026-03-02", 3,
    DONE, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1223054 },
  /* In the first month: one month of interest, 120.00 */
  { "pay-off-first-month", 'A', { { "2026-01-20", 1212000 } }, "2026-01-21", 3,
    DONE, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1212000 },
  /* On a due date the period ends that day: the excess joins installment 1,
   * no interest for month 2. 5,000.00 extra leaves 6,053.81 over 11 periods. */
  { "prepay-on-due-date", 'A', { { "2026-02-15", 606619 } }, "2026-02-16", 3,
    CUR, "2026-03-15", 58391, 2, 27, 0, 0, 0, 0, 605381, 642306, 606619 },
  { "pay-off-on-due-date", 'A', { { "2026-02-15", 1212000 } }, "2026-02-16", 3,
    DONE, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1212000 },
  /* One fen short of paying off: the installment is paid, the fen left is
   * recomputed over the 10 periods after it (A = 0.00) and falls due last */
  { "pay-off-one-fen-short", 'A', { { "2026-02-15", 106619 }, { "2026-03-01", 1116434 } }, "2026-03-02", 3,
    CUR, "2027-01-15", 1, 12, 319, 0, 0, 0, 0, 1, 1, 1223053 },
  { "payments-out-of-order", 'A', { { "2026-03-01", 606619 }, { "2026-02-15", 106619 } }, "2026-03-02", 3,
    CUR, "2026-04-15", 53827, 3, 44, 0, 0, 0, 0, 509816, 538276, 713238 },
  { "last-installment-overdue", 'A', { A_ON_TIME_11 }, "2027-01-20", 3,
    LATE, "2027-01-15", 106614, 12, -5, 5, 1, 106614, 106614, 105558, 106614, 1172809 },
  { "all-on-time", 'A', { A_ON_TIME_11, { "2027-01-15", 106614 } }, "2027-01-16", 3,
    DONE, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1279423 },
  { "all-after-final-due", 'A', { { "2027-02-01", 1279423 } }, "2027-02-02", 3,
    DONE, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1279423 },
  { "overpaid-after-final-due", 'A', { { "2027-02-01", 1300000 } }, "2027-02-02", 3,
    DONE, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1300000 },
  { "short-after-final-due", 'A', { { "2027-02-01", 1200000 } }, "2027-02-02", 3,
    LATE, "2027-01-15", 79423, 12, -18, 18, 1, 79423, 79423, 79423, 79423, 1200000 },
  /* Bullet: 5,600.00 in month 4 pays 4 months of interest (600.00) and 5,000.00
   * of principal; the 8 months left run on 5,000.00: 600.00 more. */
  { "bullet-before-due", 'B', { { NULL, 0 } }, "2026-06-01", 3,
    CUR, "2027-01-15", 1180000, 12, 228, 0, 0, 0, 0, 1000000, 1180000, 0 },
  { "bullet-prepayment", 'B', { { "2026-04-20", 560000 } }, "2026-04-21", 3,
    CUR, "2027-01-15", 560000, 12, 269, 0, 0, 0, 0, 500000, 560000, 560000 },
  { "bullet-interest-only", 'B', { { "2026-04-20", 40000 } }, "2026-04-21", 3,
    CUR, "2027-01-15", 1140000, 12, 269, 0, 0, 0, 0, 1000000, 1140000, 40000 },
  /* Then 2,225.00 in month 7: 3 more months on 5,000.00 (225.00), 2,000.00 of
   * principal; 5 months left on 3,000.00: 225.00 */
  { "bullet-two-prepayments", 'B', { { "2026-04-20", 560000 }, { "2026-07-20", 222500 } }, "2026-07-21", 3,
    CUR, "2027-01-15", 322500, 12, 178, 0, 0, 0, 0, 300000, 322500, 782500 },
  /* On a due day the month ends: 5,450.00 on 2026-04-15 pays 3 months of
   * interest (450.00) and 5,000.00; 9 months on 5,000.00 follow (675.00) */
  { "bullet-prepay-on-due-date", 'B', { { "2026-04-15", 545000 } }, "2026-04-16", 3,
    CUR, "2027-01-15", 567500, 12, 274, 0, 0, 0, 0, 500000, 567500, 545000 },
  { "bullet-pay-off-month-1", 'B', { { "2026-02-01", 1015000 } }, "2026-02-02", 3,
    DONE, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1015000 },
  { "bullet-overdue", 'B', { { NULL, 0 } }, "2027-01-25", 3,
    LATE, "2027-01-15", 1180000, 12, -10, 10, 1, 1180000, 1180000, 1000000, 1180000, 0 },
  /* Interest first: 4,000.00 prepaid in month 2 → 90.00 of interest a month after */
  { "interest-first-prepayment", 'C', { { "2026-02-15", 15000 }, { "2026-03-01", 415000 } }, "2026-03-02", 3,
    CUR, "2026-04-15", 9000, 3, 44, 0, 0, 0, 0, 600000, 690000, 430000 },
  /* 月费率: paying the balance in month 2 drops the fees of the later months */
  { "monthly-fee-pay-off", 'D', { { "2026-02-15", 89333 }, { "2026-03-01", 89333 + 833334 } }, "2026-03-02", 3,
    DONE, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1012000 },
  { "monthly-fee-prepayment", 'D', { { "2026-02-15", 89333 }, { "2026-03-01", 89333 + 333334 } }, "2026-03-02", 3,
    CUR, "2026-04-15", 56000, 3, 44, 0, 0, 0, 0, 500000, 560000, 512000 },
  /* Equal principal: 5,000.00 beyond installment 2 leaves 3,333.34 over 10 periods */
  { "equal-principal-prepayment", 'E', { { "2026-02-15", 98333 }, { "2026-03-01", 97083 + 500000 } }, "2026-03-02", 3,
    CUR, "2026-04-15", 38333, 3, 44, 0, 0, 0, 0, 333334, 360834, 695416 },
};

static void
payments_from_spec (const StatusCase *c,
                    ShorePayment     *payments,
                    guint            *n)
{
  guint i;

  for (i = 0; i < MAX_PAYMENTS && c->payments[i].date != NULL; i++)
    {
      memset (&payments[i], 0, sizeof payments[i]);
      payments[i].date = date_of (c->payments[i].date);
      payments[i].amount = c->payments[i].amount;
    }
  *n = i;
}

static void
check_status (gconstpointer data)
{
  const StatusCase *c = data;
  g_autoptr(ShoreLoan) loan = make_status_loan (c->loan);
  g_autoptr(ShoreSchedule) now = NULL;
  g_autoptr(GError) error = NULL;
  ShorePayment payments[MAX_PAYMENTS];
  ShoreLoanStatus status;
  GDate today = date_of (c->today);
  gint64 unpaid_check = 0;
  guint n;
  guint i;

  payments_from_spec (c, payments, &n);
  g_assert_true (shore_loan_status_compute (loan, payments, n, &today, c->due_soon_days, &status, &error));
  g_assert_no_error (error);

  g_assert_cmpint (status.state, ==, c->state);
  g_assert_cmpint (status.paid_total, ==, c->paid_total);
  g_assert_cmpint (status.principal_remaining, ==, c->principal_remaining);
  g_assert_cmpint (status.owed_total, ==, c->owed_total);
  g_assert_cmpint (status.next_due_amount, ==, c->next_due_amount);
  if (c->next_due_date != NULL)
    assert_date (&status.next_due_date, c->next_due_date);
  else
    g_assert_false (g_date_valid (&status.next_due_date));
  g_assert_cmpint (status.next_period, ==, c->next_period);
  g_assert_cmpint (status.days_until_due, ==, c->days_until_due);
  g_assert_cmpint (status.days_overdue, ==, c->days_overdue);
  g_assert_cmpint (status.overdue_installments, ==, c->overdue_installments);
  g_assert_cmpint (status.overdue_amount, ==, c->overdue_amount);
  g_assert_cmpint (status.due_this_month, ==, c->due_this_month);

  /* The schedule as it stands: every principal adds up to the loan's, and
   * what is owed is what it says minus what went to it. */
  now = shore_schedule_with_payments (loan, payments, n, &error);
  g_assert_no_error (error);
  check_invariants (loan, now, c->state != DONE);
  for (i = 0; i < now->installments->len; i++)
    unpaid_check += row_at (now, i)->payment;
  g_assert_cmpint (unpaid_check, ==, now->total_payment);
  g_assert_cmpint (now->total_payment - status.owed_total, <=, status.paid_total);
  if (status.paid_total <= now->total_payment)
    g_assert_cmpint (now->total_payment - status.owed_total, ==, status.paid_total);
}

/* The prepayment lowers the installments after it and the interest in total */
static void
test_prepayment_rows (void)
{
  g_autoptr(ShoreLoan) loan = make_status_loan ('A');
  g_autoptr(ShoreSchedule) before = shore_schedule_compute (loan, NULL);
  g_autoptr(ShoreSchedule) after = NULL;
  ShorePayment payments[2];

  memset (payments, 0, sizeof payments);
  payments[0].date = date_of ("2026-02-15");
  payments[0].amount = 106619;
  payments[1].date = date_of ("2026-03-01");
  payments[1].amount = 606619;

  after = shore_schedule_with_payments (loan, payments, 2, NULL);
  g_assert_nonnull (after);
  g_assert_cmpuint (after->installments->len, ==, 12);

  /* Installment 2 keeps the interest of its month, on the balance before */
  g_assert_cmpint (row_at (after, 1)->interest, ==, 11054);
  g_assert_cmpint (row_at (after, 1)->principal, ==, 95565 + 500000);
  g_assert_cmpint (row_at (after, 1)->balance, ==, 509816);
  assert_date (&row_at (after, 2)->due_date, "2026-04-15");
  g_assert_cmpint (row_at (after, 2)->payment, ==, 53827);
  g_assert_cmpint (row_at (after, 2)->interest, ==, 5098);
  g_assert_cmpint (last_row (after)->payment, ==, 53833);
  g_assert_cmpint (after->total_interest, ==, 12000 + 11054 + 28460);
  g_assert_cmpint (after->total_interest, <, before->total_interest);
  assert_invariants (loan, after);
}

static void
test_pay_off_drops_rows (void)
{
  g_autoptr(ShoreLoan) loan = make_status_loan ('A');
  g_autoptr(ShoreSchedule) after = NULL;
  ShorePayment payment;

  memset (&payment, 0, sizeof payment);
  payment.date = date_of ("2026-01-20");
  payment.amount = 1212000;

  after = shore_schedule_with_payments (loan, &payment, 1, NULL);
  g_assert_nonnull (after);
  g_assert_cmpuint (after->installments->len, ==, 1);
  g_assert_cmpint (row_at (after, 0)->principal, ==, 1200000);
  g_assert_cmpint (row_at (after, 0)->interest, ==, 12000);
  g_assert_cmpint (after->total_payment, ==, 1212000);
}

typedef struct
{
  const char *date;
  gint64      amount;
} BadPaymentCase;

static const BadPaymentCase bad_payment_cases[] = {
  { "2026-02-15", 0 },
  { "2026-02-15", -100 },
  { NULL, 100 },
};

static void
check_bad_payment (gconstpointer data)
{
  const BadPaymentCase *c = data;
  g_autoptr(ShoreLoan) loan = make_status_loan ('A');
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  ShorePayment payment;
  ShoreLoanStatus status;
  GDate today = date_of ("2026-03-01");

  memset (&payment, 0, sizeof payment);
  g_date_clear (&payment.date, 1);
  if (c->date != NULL)
    payment.date = date_of (c->date);
  payment.amount = c->amount;

  g_assert_null (shore_schedule_with_payments (loan, &payment, 1, &error));
  g_assert_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID);
  g_assert_false (shore_loan_status_compute (loan, &payment, 1, &today, 3, &status, &error2));
  g_assert_error (error2, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID);
}

static void
test_payments_overflow (void)
{
  g_autoptr(ShoreLoan) loan = make_status_loan ('A');
  g_autoptr(GError) error = NULL;
  ShorePayment payments[2];

  memset (payments, 0, sizeof payments);
  payments[0].date = date_of ("2026-02-15");
  payments[0].amount = G_MAXINT64;
  payments[1].date = date_of ("2026-03-15");
  payments[1].amount = 1;

  g_assert_null (shore_schedule_with_payments (loan, payments, 2, &error));
  g_assert_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_OVERFLOW);
}

int
main (int    argc,
      char **argv)
{
  gsize i;

  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  ADD_ROWS ("/schedule/due-date", due_cases, check_due);
  g_test_add_func ("/schedule/hand/equal-installment", test_hand_equal_installment);
  g_test_add_func ("/schedule/hand/equal-principal", test_hand_equal_principal);
  g_test_add_func ("/schedule/hand/interest-first", test_hand_interest_first);
  g_test_add_func ("/schedule/hand/bullet", test_hand_bullet);
  g_test_add_func ("/schedule/hand/monthly-fee", test_hand_monthly_fee);
  g_test_add_func ("/schedule/hand/fee-and-interest", test_hand_fee_and_interest);
  g_test_add_func ("/schedule/zero-rate", test_zero_rate);
  g_test_add_func ("/schedule/term-600", test_term_600);
  g_test_add_func ("/schedule/term-1", test_term_1);
  g_test_add_func ("/schedule/exact-half", test_exact_half);
  g_test_add_func ("/schedule/no-negative-principal", test_no_negative_principal);
  ADD_ROWS ("/schedule/reference", ref_cases, check_ref);
  ADD_ROWS ("/schedule/near-half", half_cases, check_half);
  ADD_ROWS ("/schedule/limit", limit_cases, check_limit);
  g_test_add_func ("/schedule/invalid-loan", test_invalid_loan);
  for (i = 0; i < G_N_ELEMENTS (status_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/schedule/status/%s", status_cases[i].name);

      g_test_add_data_func (path, &status_cases[i], check_status);
    }
  g_test_add_func ("/schedule/payments/prepayment-rows", test_prepayment_rows);
  g_test_add_func ("/schedule/payments/pay-off-drops-rows", test_pay_off_drops_rows);
  ADD_ROWS ("/schedule/payments/invalid", bad_payment_cases, check_bad_payment);
  g_test_add_func ("/schedule/payments/overflow", test_payments_overflow);

  return g_test_run ();
}
