/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "shore-i18n.h"
#include "shore-loan.h"
#include "shore-overdue.h"
#include "shore-schedule.h"

#define EI SHORE_METHOD_EQUAL_INSTALLMENT
#define EP SHORE_METHOD_EQUAL_PRINCIPAL
#define IF SHORE_METHOD_INTEREST_FIRST
#define BU SHORE_METHOD_BULLET
#define NONE (-1)

/* Rates in units of 10⁻⁸ percent, as ShoreRate.value holds them */
#define PCT_MILLI(thousandths) ((gint64) (thousandths) * 100000)   /* 0.05 % = PCT_MILLI (50) */

#define ST_NONE  SHORE_OVERDUE_STAGE_NONE
#define ST_GRACE SHORE_OVERDUE_STAGE_GRACE
#define ST_M1    SHORE_OVERDUE_STAGE_M1
#define ST_M2    SHORE_OVERDUE_STAGE_M2
#define ST_M3    SHORE_OVERDUE_STAGE_M3
#define ST_M4    SHORE_OVERDUE_STAGE_M4_PLUS

/* ---- loans ---- */

typedef struct
{
  ShoreRepaymentMethod method;
  gint64               principal;   /* fen */
  gint64               daily;       /* daily rate, PCT_MILLI */
  int                  term;
  const char          *start;
  int                  markup_bp;
  int                  grace;
  gboolean             compound;
  gint64               late_fee;    /* daily, PCT_MILLI, or NONE */
  int                  accelerate;
  gint64               monthly_fee; /* PCT_MILLI, or NONE */
} LoanSpec;

/* The seed case: 微粒贷-style, 10,000 元 at 0.05 % a day, 10 installments of
 * equal principal, from 2026-08-15, with the default overdue terms
 * (+50 %, 1 grace day, compounding, no late fee, no acceleration).
 *
 * Monthly rate 0.05 % × 30 = 1.5 %; principal 1,000 元 (100000 fen) a period;
 * interest_1 = 1,000,000 × 1.5 % = 15000, interest_2 = 900,000 × 1.5 % = 13500,
 * interest_3 = 12000 … Dues: 2026-09-15, 2026-10-15, 2026-11-15, …, 2027-06-15.
 * Penalty daily rate p = 0.05 % × 1.5 = 0.075 % = 0.00075. */
static const LoanSpec seed = { EP, 1000000, PCT_MILLI (50), 10, "2026-08-15", 5000, 1, TRUE, NONE, 0, NONE };
static const LoanSpec seed_grace0 = { EP, 1000000, PCT_MILLI (50), 10, "2026-08-15", 5000, 0, TRUE, NONE, 0, NONE };
static const LoanSpec seed_grace3 = { EP, 1000000, PCT_MILLI (50), 10, "2026-08-15", 5000, 3, TRUE, NONE, 0, NONE };
static const LoanSpec seed_simple = { EP, 1000000, PCT_MILLI (50), 10, "2026-08-15", 5000, 1, FALSE, NONE, 0, NONE };
static const LoanSpec seed_late = { EP, 1000000, PCT_MILLI (50), 10, "2026-08-15", 5000, 1, TRUE, PCT_MILLI (100), 0, NONE };
static const LoanSpec seed_markup0 = { EP, 1000000, PCT_MILLI (50), 10, "2026-08-15", 0, 1, TRUE, NONE, 0, NONE };
static const LoanSpec seed_markup30 = { EP, 1000000, PCT_MILLI (50), 10, "2026-08-15", 3000, 1, TRUE, NONE, 0, NONE };
static const LoanSpec seed_accel30 = { EP, 1000000, PCT_MILLI (50), 10, "2026-08-15", 5000, 1, TRUE, NONE, 30, NONE };
static const LoanSpec seed_accel45 = { EP, 1000000, PCT_MILLI (50), 10, "2026-08-15", 5000, 1, TRUE, NONE, 45, NONE };
/* 3,000 元, 3 periods from 2028-01-31: dues 2028-02-29, 2028-03-31, 2028-04-30;
 * principal 100000 each, interest_1 = 300,000 × 1.5 % = 4500 */
static const LoanSpec month_end = { EP, 300000, PCT_MILLI (50), 3, "2028-01-31", 5000, 1, TRUE, NONE, 0, NONE };
/* 12,000 元, 12 periods from 2028-02-29: the last due is 2029-02-28;
 * principal 100000 each, interest_12 = 100,000 × 1.5 % = 1500 */
static const LoanSpec leap_start = { EP, 1200000, PCT_MILLI (50), 12, "2028-02-29", 5000, 1, TRUE, NONE, 0, NONE };
/* 10,000 元 bullet over 3 months: one row due 2026-11-15, interest 1,000,000 × 1.5 % × 3 = 45000 */
static const LoanSpec bullet = { BU, 1000000, PCT_MILLI (50), 3, "2026-08-15", 5000, 1, TRUE, NONE, 0, NONE };
/* 月费率 1 % on 10,000 元 with no interest: fee 10000 a period, penalty rate 0 */
static const LoanSpec fee_only = { EP, 1000000, 0, 10, "2026-08-15", 5000, 1, TRUE, PCT_MILLI (100), 0, PCT_MILLI (1000) };
static const LoanSpec annuity = { EI, 5000000, PCT_MILLI (30), 24, "2026-01-31", 5000, 1, TRUE, PCT_MILLI (50), 60, NONE };
static const LoanSpec interest_first = { IF, 2000000, PCT_MILLI (40), 12, "2026-03-31", 5000, 2, TRUE, NONE, 90, NONE };

static GDate
date_of (const char *iso)
{
  GDate date;

  g_assert_true (shore_date_parse (iso, &date, NULL));
  return date;
}

static ShoreLoan *
make_loan (const LoanSpec *spec)
{
  ShoreLoan *loan = shore_loan_new ();

  g_free (loan->lender);
  loan->lender = g_strdup ("微众银行");
  loan->principal = spec->principal;
  loan->rate.period = SHORE_RATE_DAILY;
  loan->rate.value = spec->daily;
  loan->term_months = spec->term;
  loan->method = spec->method;
  loan->start_date = date_of (spec->start);
  loan->penalty_markup_bp = spec->markup_bp;
  loan->grace_days = spec->grace;
  loan->compound = spec->compound;
  loan->has_late_fee = spec->late_fee != NONE;
  loan->late_fee_daily.period = SHORE_RATE_DAILY;
  loan->late_fee_daily.value = spec->late_fee != NONE ? spec->late_fee : 0;
  loan->accelerate_after_days = spec->accelerate;
  if (spec->monthly_fee != NONE)
    {
      loan->has_monthly_fee_rate = TRUE;
      loan->monthly_fee_rate.period = SHORE_RATE_MONTHLY;
      loan->monthly_fee_rate.value = spec->monthly_fee;
    }
  g_assert_no_error (NULL);
  g_assert_true (shore_loan_validate (loan, NULL));
  return loan;
}

static ShoreOverdueResult *
compute (const LoanSpec *spec,
         int             missed_from,
         const char     *as_of)
{
  g_autoptr(ShoreLoan) loan = make_loan (spec);
  g_autoptr(GError) error = NULL;
  ShoreOverdueOptions options = { .missed_from = missed_from, .as_of = date_of (as_of) };
  ShoreOverdueResult *result = NULL;

  g_assert_true (shore_overdue_compute (loan, &options, &result, &error));
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

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

/* ---- charges ---- */

typedef struct
{
  const char     *what;
  const LoanSpec *loan;
  int             missed_from;
  const char     *as_of;
  int             days;
  int             installments;
  gint64          principal;
  gint64          interest;
  gint64          penalty;
  gint64          compound;
  gint64          fees;
  ShoreOverdueStage stage;
  gboolean        accelerated;
} ChargeCase;

static const ChargeCase charge_cases[] = {
  /* Nothing is due yet, then the due day itself is not overdue */
  { "before the first due", &seed, 1, "2026-09-01", 0, 0, 0, 0, 0, 0, 0, ST_NONE, FALSE },
  { "the due day", &seed, 1, "2026-09-15", 0, 0, 0, 0, 0, 0, 0, ST_NONE, FALSE },
  /* Grace 1: day 1 is the last free day, day 2 charges 2 days:
   * 100000 × 0.00075 × 2 = 150; 15000 × 0.00075 × 2 = 22.5 → 23 */
  { "grace 1, last free day", &seed, 1, "2026-09-16", 1, 1, 100000, 15000, 0, 0, 0, ST_GRACE, FALSE },
  { "grace 1, first charged day", &seed, 1, "2026-09-17", 2, 1, 100000, 15000, 150, 23, 0, ST_M1, FALSE },
  /* Grace 0: day 1 charges 75 and 11.25 → 11 */
  { "grace 0, day 1", &seed_grace0, 1, "2026-09-16", 1, 1, 100000, 15000, 75, 11, 0, ST_M1, FALSE },
  /* Grace 3: day 3 free, day 4 charges 300 and 45 */
  { "grace 3, last free day", &seed_grace3, 1, "2026-09-18", 3, 1, 100000, 15000, 0, 0, 0, ST_GRACE, FALSE },
  { "grace 3, first charged day", &seed_grace3, 1, "2026-09-19", 4, 1, 100000, 15000, 300, 45, 0, ST_M1, FALSE },
  /* The seed case, 40 days after the first missed due date (2026-10-25):
   * installment 1, 40 days: penalty 100000 × 0.00075 × 40 = 3000,
   *                          compound 15000 × 0.00075 × 40 = 450;
   * installment 2, 10 days: penalty 100000 × 0.00075 × 10 = 750,
   *                          compound 13500 × 0.00075 × 10 = 101.25 → 101.
   * principal 200000, interest 28500, penalty 3750, compound 551:
   * total 232801 fen = 2,328.01 元; 40 days is M2. */
  { "seed case, day 40", &seed, 1, "2026-10-25", 40, 2, 200000, 28500, 3750, 551, 0, ST_M2, FALSE },
  /* Compounding off: the same, without the 551 */
  { "no compounding", &seed_simple, 1, "2026-10-25", 40, 2, 200000, 28500, 3750, 0, 0, ST_M2, FALSE },
  /* Late fee 0.1 % a day on principal + interest:
   * 115000 × 0.001 × 40 = 4600, 113500 × 0.001 × 10 = 1135 */
  { "late fee", &seed_late, 1, "2026-10-25", 40, 2, 200000, 28500, 3750, 551, 5735, ST_M2, FALSE },
  /* Markup 0: p = 0.0005: 2000 + 500; 300 + 67.5 → 68 */
  { "no markup", &seed_markup0, 1, "2026-10-25", 40, 2, 200000, 28500, 2500, 368, 0, ST_M2, FALSE },
  /* Markup 30 %: p = 0.00065: 2600 + 650; 390 + 87.75 → 88 */
  { "markup 30%", &seed_markup30, 1, "2026-10-25", 40, 2, 200000, 28500, 3250, 478, 0, ST_M2, FALSE },
  /* Missed from 3: dues 2026-11-15 (40 days on 2026-12-25) and 2026-12-15 (10 days);
   * interest_3 = 12000, interest_4 = 10500: 3000 + 750; 360 + 78.75 → 79 */
  { "missed from 3", &seed, 3, "2026-12-25", 40, 2, 200000, 22500, 3750, 439, 0, ST_M2, FALSE },
  /* Acceleration after 30 days: X = 2026-10-15.
   * The day before: installment 1 at 29 days: 2175 and 326.25 → 326 */
  { "acceleration, day before", &seed_accel30, 1, "2026-10-14", 29, 1, 100000, 15000, 2175, 326, 0, ST_M1, FALSE },
  /* On X: installments 3–10 (800000 principal, their interest dropped) are overdue,
   * charged 0 days; installment 2 is due that very day, not overdue yet;
   * installment 1 at 30 days: 2250 and 337.5 → 338 */
  { "acceleration, on the day", &seed_accel30, 1, "2026-10-15", 30, 9, 900000, 15000, 2250, 338, 0, ST_M1, TRUE },
  /* Ten days after X: 3000 + 750 + 8 × (100000 × 0.00075 × 10 = 750) = 9750; compound 551 */
  { "acceleration, 10 days after", &seed_accel30, 1, "2026-10-25", 40, 10, 1000000, 28500, 9750, 551, 0, ST_M2, TRUE },
  /* After 45 days: not yet on day 40, identical to the seed case */
  { "acceleration not yet", &seed_accel45, 1, "2026-10-25", 40, 2, 200000, 28500, 3750, 551, 0, ST_M2, FALSE },
  /* Month end: due 2028-02-29 (leap day), 31 days on 2028-03-31:
   * 100000 × 0.00075 × 31 = 2325; 4500 × 0.00075 × 31 = 104.625 → 105;
   * installment 2 is due that day */
  { "month end, leap February", &month_end, 1, "2028-03-31", 31, 1, 100000, 4500, 2325, 105, 0, ST_M2, FALSE },
  { "leap day due, grace day", &month_end, 1, "2028-03-01", 1, 1, 100000, 4500, 0, 0, 0, ST_GRACE, FALSE },
  /* 2 days: 150; 4500 × 0.00075 × 2 = 6.75 → 7 */
  { "leap day due, first charge", &month_end, 1, "2028-03-02", 2, 1, 100000, 4500, 150, 7, 0, ST_M1, FALSE },
  /* Last due clamped to 2029-02-28: 2 days on 2029-03-02: 150; 1500 × 0.00075 × 2 = 2.25 → 2 */
  { "clamped due, grace day", &leap_start, 12, "2029-03-01", 1, 1, 100000, 1500, 0, 0, 0, ST_GRACE, FALSE },
  { "clamped due, first charge", &leap_start, 12, "2029-03-02", 2, 1, 100000, 1500, 150, 2, 0, ST_M1, FALSE },
  /* Bullet, missed from 1: the one row is due 2026-11-15; 10 days:
   * 1000000 × 0.00075 × 10 = 7500; 45000 × 0.00075 × 10 = 337.5 → 338 */
  { "bullet", &bullet, 1, "2026-11-25", 10, 1, 1000000, 45000, 7500, 338, 0, ST_M1, FALSE },
  { "bullet, missed from 2", &bullet, 2, "2026-11-25", 10, 1, 1000000, 45000, 7500, 338, 0, ST_M1, FALSE },
  /* 月费率 with no interest: the penalty rate is 0; the late fee runs on
   * principal + fee: 110000 × 0.001 × 40 = 4400, 110000 × 0.001 × 10 = 1100 */
  { "monthly fee, zero rate", &fee_only, 1, "2026-10-25", 40, 2, 200000, 20000, 0, 0, 5500, ST_M2, FALSE },
};

static void
check_charge (gconstpointer data)
{
  const ChargeCase *c = data;
  g_autoptr(ShoreOverdueResult) r = compute (c->loan, c->missed_from, c->as_of);

  g_test_message ("%s", c->what);
  g_assert_cmpint (r->days_overdue, ==, c->days);
  g_assert_cmpint (r->overdue_installments, ==, c->installments);
  g_assert_cmpint (r->overdue_principal, ==, c->principal);
  g_assert_cmpint (r->overdue_interest, ==, c->interest);
  g_assert_cmpint (r->penalty_interest, ==, c->penalty);
  g_assert_cmpint (r->compound_interest, ==, c->compound);
  g_assert_cmpint (r->late_fees, ==, c->fees);
  g_assert_cmpint (r->total_overdue, ==, c->principal + c->interest + c->penalty + c->compound + c->fees);
  g_assert_cmpint (r->stage, ==, c->stage);
  g_assert_cmpint (r->accelerated, ==, c->accelerated);
  {
    GDate as_of = date_of (c->as_of);

    g_assert_cmpint (g_date_compare (&r->as_of, &as_of), ==, 0);
  }
}

static void
test_seed_total (void)
{
  g_autoptr(ShoreOverdueResult) r = compute (&seed, 1, "2026-10-25");
  g_autofree char *as_of = shore_date_format_iso (&r->as_of);

  g_assert_cmpstr (as_of, ==, "2026-10-25");
  g_assert_cmpint (r->total_overdue, ==, 232801);   /* 2,328.01 元 */
  g_assert_cmpstr (r->credit_status, ==, "*********************N12");
}

static void
test_acceleration_date (void)
{
  g_autoptr(ShoreOverdueResult) r = compute (&seed_accel30, 1, "2026-10-01");
  g_autoptr(ShoreOverdueResult) none = compute (&seed, 1, "2026-10-01");
  g_autofree char *x = NULL;

  g_assert_true (g_date_valid (&r->acceleration_date));
  x = shore_date_format_iso (&r->acceleration_date);
  g_assert_cmpstr (x, ==, "2026-10-15");
  g_assert_false (r->accelerated);
  g_assert_false (g_date_valid (&none->acceleration_date));
}

/* Acceleration after 400 days: every installment is already due then */
static void
test_acceleration_moot (void)
{
  LoanSpec spec = seed;
  g_autoptr(ShoreOverdueResult) r = NULL;
  guint i;

  spec.accelerate = 400;
  r = compute (&spec, 1, "2028-01-01");
  g_assert_false (g_date_valid (&r->acceleration_date));
  g_assert_false (r->accelerated);
  for (i = 0; i < r->milestones->len; i++)
    g_assert_cmpint (g_array_index (r->milestones, ShoreOverdueMilestone, i).kind, !=, SHORE_MILESTONE_ACCELERATION);
}

/* ---- stages ---- */

typedef struct
{
  int days;
  int grace;
  ShoreOverdueStage stage;
} StageCase;

static const StageCase stage_cases[] = {
  { 0, 1, ST_NONE }, { 1, 1, ST_GRACE }, { 2, 1, ST_M1 }, { 30, 1, ST_M1 }, { 31, 1, ST_M2 },
  { 60, 1, ST_M2 }, { 61, 1, ST_M3 }, { 90, 1, ST_M3 }, { 91, 1, ST_M4 }, { 400, 1, ST_M4 },
  { 0, 0, ST_NONE }, { 1, 0, ST_M1 }, { 5, 10, ST_GRACE }, { 35, 40, ST_GRACE },
};

static void
check_stage (gconstpointer data)
{
  const StageCase *c = data;

  g_assert_cmpint (shore_overdue_stage_for_days (c->days, c->grace), ==, c->stage);
  g_assert_nonnull (shore_overdue_stage_to_string (c->stage));
  g_assert_nonnull (shore_overdue_stage_get_label (c->stage));
}

/* Through shore_overdue_compute (): the first due is 2026-09-15 */
typedef struct
{
  const char *as_of;
  int days;
  ShoreOverdueStage stage;
} StageDateCase;

static const StageDateCase stage_date_cases[] = {
  { "2026-10-15", 30, ST_M1 }, { "2026-10-16", 31, ST_M2 }, { "2026-11-14", 60, ST_M2 },
  { "2026-11-15", 61, ST_M3 }, { "2026-12-14", 90, ST_M3 }, { "2026-12-15", 91, ST_M4 },
};

static void
check_stage_date (gconstpointer data)
{
  const StageDateCase *c = data;
  g_autoptr(ShoreOverdueResult) r = compute (&seed, 1, c->as_of);

  g_assert_cmpint (r->days_overdue, ==, c->days);
  g_assert_cmpint (r->stage, ==, c->stage);
}

/* ---- the credit report's status line ---- */

typedef struct
{
  const LoanSpec *loan;
  int missed_from;
  const char *as_of;
  const char *status;
} CreditCase;

static const CreditCase credit_cases[] = {
  /* The start month is the last of the 24 */
  { &seed, 1, "2026-08-20", "***********************N" },
  /* One grace day on 2026-09-16 is still normal */
  { &seed, 1, "2026-09-16", "**********************NN" },
  /* 2026-09-30: 15 days ('1'); 2026-10-25: 40 days ('2') */
  { &seed, 1, "2026-10-25", "*********************N12" },
  /* Month ends: 15, 46, 76, 107, 138, 166 days, then 186 on 2027-03-20 */
  { &seed, 1, "2027-03-20", "****************N1234567" },
  /* Missed from 3 (due 2026-11-15): 15 days at November's end, 35 on 2026-12-20 */
  { &seed, 3, "2026-12-20", "*******************NNN12" },
  /* February 2027 ends at 166 days ('6'), then 181+ is '7' */
  { &seed, 1, "2029-01-15", "677777777777777777777777" },
  /* 180 days exactly is still '6' (2027-03-14) */
  { &seed, 1, "2027-03-14", "****************N1234566" },
};

static void
check_credit (gconstpointer data)
{
  const CreditCase *c = data;
  g_autoptr(ShoreOverdueResult) r = compute (c->loan, c->missed_from, c->as_of);

  g_assert_cmpuint (strlen (r->credit_status), ==, SHORE_OVERDUE_STATUS_MONTHS);
  g_assert_cmpstr (r->credit_status, ==, c->status);
}

/* ---- milestones ---- */

typedef struct
{
  const char        *date;
  ShoreMilestoneKind kind;
  ShoreOverdueBasis  basis;
} ExpectedMilestone;

static void
assert_milestones (const ShoreOverdueResult *r,
                   const ExpectedMilestone  *expected,
                   guint                     n)
{
  guint i;

  g_assert_cmpuint (r->milestones->len, ==, n);
  for (i = 0; i < n; i++)
    {
      const ShoreOverdueMilestone *m = &g_array_index (r->milestones, ShoreOverdueMilestone, i);
      g_autofree char *date = shore_date_format_iso (&m->date);

      g_assert_cmpstr (date, ==, expected[i].date);
      g_assert_cmpint (m->kind, ==, expected[i].kind);
      g_assert_cmpint (m->basis, ==, expected[i].basis);
    }
}

#define LAW      SHORE_OVERDUE_BASIS_LAW
#define PRACTICE SHORE_OVERDUE_BASIS_PRACTICE
#define CONTRACT SHORE_OVERDUE_BASIS_CONTRACT

static void
test_milestones_seed (void)
{
  /* First missed due 2026-09-15, one grace day: charges from day 2;
   * limitation 3 years after the last due (2027-06-15); the record 5 years
   * after today (2026-10-25) if repaid today. */
  static const ExpectedMilestone expected[] = {
    { "2026-09-17", SHORE_MILESTONE_PENALTY_STARTS, CONTRACT },
    { "2026-09-17", SHORE_MILESTONE_CREDIT_NOTICE, LAW },
    { "2026-09-17", SHORE_MILESTONE_M1, PRACTICE },
    { "2026-10-16", SHORE_MILESTONE_M2, PRACTICE },
    { "2026-11-15", SHORE_MILESTONE_M3, PRACTICE },
    { "2026-12-15", SHORE_MILESTONE_OUTSOURCED_COLLECTION, PRACTICE },
    { "2026-12-15", SHORE_MILESTONE_LAWSUIT_RISK, PRACTICE },
    { "2030-06-15", SHORE_MILESTONE_LIMITATION, LAW },
    { "2031-10-25", SHORE_MILESTONE_RECORD_KEPT, LAW },
  };
  g_autoptr(ShoreOverdueResult) r = compute (&seed, 1, "2026-10-25");

  assert_milestones (r, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (g_array_index (r->milestones, ShoreOverdueMilestone, 0).day, ==, 2);
  g_assert_cmpint (g_array_index (r->milestones, ShoreOverdueMilestone, 3).day, ==, 31);
  g_assert_cmpint (g_array_index (r->milestones, ShoreOverdueMilestone, 5).day, ==, 91);
}

static void
test_milestones_acceleration (void)
{
  /* Acceleration on 2026-10-15 moves the limitation's start there */
  static const ExpectedMilestone expected[] = {
    { "2026-09-17", SHORE_MILESTONE_PENALTY_STARTS, CONTRACT },
    { "2026-09-17", SHORE_MILESTONE_CREDIT_NOTICE, LAW },
    { "2026-09-17", SHORE_MILESTONE_M1, PRACTICE },
    { "2026-10-15", SHORE_MILESTONE_ACCELERATION, CONTRACT },
    { "2026-10-16", SHORE_MILESTONE_M2, PRACTICE },
    { "2026-11-15", SHORE_MILESTONE_M3, PRACTICE },
    { "2026-12-15", SHORE_MILESTONE_OUTSOURCED_COLLECTION, PRACTICE },
    { "2026-12-15", SHORE_MILESTONE_LAWSUIT_RISK, PRACTICE },
    { "2029-10-15", SHORE_MILESTONE_LIMITATION, LAW },
    { "2031-10-25", SHORE_MILESTONE_RECORD_KEPT, LAW },
  };
  g_autoptr(ShoreOverdueResult) r = compute (&seed_accel30, 1, "2026-10-25");

  assert_milestones (r, expected, G_N_ELEMENTS (expected));
}

static void
test_milestones_in_grace (void)
{
  /* Within the grace days there is no record yet, so no "record kept" */
  static const ExpectedMilestone expected[] = {
    { "2026-09-17", SHORE_MILESTONE_PENALTY_STARTS, CONTRACT },
    { "2026-09-17", SHORE_MILESTONE_CREDIT_NOTICE, LAW },
    { "2026-09-17", SHORE_MILESTONE_M1, PRACTICE },
    { "2026-10-16", SHORE_MILESTONE_M2, PRACTICE },
    { "2026-11-15", SHORE_MILESTONE_M3, PRACTICE },
    { "2026-12-15", SHORE_MILESTONE_OUTSOURCED_COLLECTION, PRACTICE },
    { "2026-12-15", SHORE_MILESTONE_LAWSUIT_RISK, PRACTICE },
    { "2030-06-15", SHORE_MILESTONE_LIMITATION, LAW },
  };
  g_autoptr(ShoreOverdueResult) r = compute (&seed, 1, "2026-09-16");

  assert_milestones (r, expected, G_N_ELEMENTS (expected));
}

static void
test_milestones_long_grace (void)
{
  /* 40 grace days: M1 never shows; M2 starts with the charges on day 41 */
  LoanSpec spec = seed;
  static const ExpectedMilestone expected[] = {
    { "2026-10-26", SHORE_MILESTONE_PENALTY_STARTS, CONTRACT },
    { "2026-10-26", SHORE_MILESTONE_CREDIT_NOTICE, LAW },
    { "2026-10-26", SHORE_MILESTONE_M2, PRACTICE },
    { "2026-11-15", SHORE_MILESTONE_M3, PRACTICE },
    { "2026-12-15", SHORE_MILESTONE_OUTSOURCED_COLLECTION, PRACTICE },
    { "2026-12-15", SHORE_MILESTONE_LAWSUIT_RISK, PRACTICE },
    { "2030-06-15", SHORE_MILESTONE_LIMITATION, LAW },
  };
  g_autoptr(ShoreOverdueResult) r = NULL;

  spec.grace = 40;
  r = compute (&spec, 1, "2026-10-01");
  g_assert_cmpint (r->days_overdue, ==, 16);
  g_assert_cmpint (r->stage, ==, ST_GRACE);
  g_assert_cmpint (r->penalty_interest, ==, 0);
  assert_milestones (r, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (g_array_index (r->milestones, ShoreOverdueMilestone, 2).day, ==, 41);
}

/* Properties every scenario keeps */
typedef struct
{
  const LoanSpec *loan;
  int missed_from;
  const char *as_of;
} ScenarioCase;

static const ScenarioCase scenario_cases[] = {
  { &seed, 1, "2026-10-25" },
  { &seed, 10, "2027-09-01" },
  { &seed_accel30, 2, "2027-01-01" },
  { &month_end, 1, "2028-12-31" },
  { &leap_start, 12, "2029-03-02" },
  { &bullet, 1, "2026-08-15" },
  { &fee_only, 4, "2027-02-01" },
  { &annuity, 5, "2027-02-28" },
  { &interest_first, 3, "2026-12-31" },
};

static void
check_milestone_properties (gconstpointer data)
{
  const ScenarioCase *c = data;
  g_autoptr(ShoreOverdueResult) r = compute (c->loan, c->missed_from, c->as_of);
  g_autoptr(ShoreLoan) loan = make_loan (c->loan);
  g_autoptr(ShoreSchedule) schedule = shore_schedule_compute (loan, NULL);
  GDate first_due;
  guint i;

  g_date_clear (&first_due, 1);
  for (i = 0; i < schedule->installments->len; i++)
    {
      const ShoreInstallment *row = &g_array_index (schedule->installments, ShoreInstallment, i);

      if (row->period >= c->missed_from)
        {
          first_due = row->due_date;
          break;
        }
    }
  g_assert_true (g_date_valid (&first_due));

  g_assert_cmpuint (r->milestones->len, >=, 5);
  for (i = 0; i < r->milestones->len; i++)
    {
      const ShoreOverdueMilestone *m = &g_array_index (r->milestones, ShoreOverdueMilestone, i);

      g_assert_true (g_date_valid (&m->date));
      g_assert_cmpint (m->day, ==, g_date_days_between (&first_due, &m->date));
      g_assert_nonnull (m->text);
      g_assert_cmpuint (strlen (m->text), >, 20);
      g_assert_nonnull (shore_milestone_kind_to_string (m->kind));
      g_assert_nonnull (shore_overdue_basis_to_string (m->basis));
      g_assert_nonnull (shore_overdue_basis_get_label (m->basis));
      if (m->basis == LAW)
        {
          g_assert_nonnull (m->citation);
          g_assert_cmpuint (strlen (m->citation), >, 0);
        }
      else
        g_assert_null (m->citation);
      /* Practice is never stated as law */
      if (m->basis == PRACTICE)
        g_assert_true (g_str_has_prefix (m->text, "Typical practice, not law"));
      if (i > 0)
        {
          const ShoreOverdueMilestone *prev = &g_array_index (r->milestones, ShoreOverdueMilestone, i - 1);
          int order = g_date_compare (&prev->date, &m->date);

          g_assert_cmpint (order, <=, 0);
          if (order == 0)
            g_assert_cmpint (prev->kind, <, m->kind);
        }
    }

  g_assert_cmpint (r->total_overdue, ==, r->overdue_principal + r->overdue_interest + r->penalty_interest
                                           + r->compound_interest + r->late_fees);
}

/* ---- the series equals the one-day computation every day ---- */

static void
check_series (gconstpointer data)
{
  const ScenarioCase *c = data;
  g_autoptr(ShoreLoan) loan = make_loan (c->loan);
  g_autoptr(ShoreOverdueSeries) series = NULL;
  g_autoptr(GError) error = NULL;
  ShoreOverdueOptions options = { .missed_from = c->missed_from };
  GDate from = loan->start_date;
  int n_days = 1096;
  int j;

  g_assert_true (shore_overdue_series (loan, &options, &from, n_days, &series, &error));
  g_assert_no_error (error);
  g_assert_cmpint (series->n_days, ==, n_days);

  for (j = 0; j < n_days; j++)
    {
      g_autoptr(ShoreOverdueResult) r = NULL;

      options.as_of = from;
      g_date_add_days (&options.as_of, (guint) j);
      g_assert_true (shore_overdue_compute (loan, &options, &r, NULL));
      g_assert_cmpint (series->principal[j], ==, r->overdue_principal);
      g_assert_cmpint (series->interest[j], ==, r->overdue_interest);
      g_assert_cmpint (series->penalty[j], ==, r->penalty_interest);
      g_assert_cmpint (series->compound[j], ==, r->compound_interest);
      g_assert_cmpint (series->fees[j], ==, r->late_fees);
      g_assert_cmpint (series->total[j], ==, r->total_overdue);
    }
}

/* A series may start in the middle of the charges */
static void
test_series_late_start (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (&seed_late);
  g_autoptr(ShoreOverdueSeries) series = NULL;
  g_autoptr(ShoreOverdueResult) r = NULL;
  ShoreOverdueOptions options = { .missed_from = 1, .as_of = date_of ("2026-10-25") };
  GDate from = date_of ("2026-10-01");

  g_assert_true (shore_overdue_series (loan, &options, &from, 30, &series, NULL));
  g_assert_true (shore_overdue_compute (loan, &options, &r, NULL));
  g_assert_cmpint (series->total[24], ==, r->total_overdue);   /* 2026-10-25 */
  g_assert_cmpint (series->total[24], ==, 232801 + 5735);
}

/* ---- errors ---- */

typedef struct
{
  const char *what;
  int         missed_from;
  const char *as_of;        /* NULL: an invalid GDate */
  int         markup_bp;
  int         grace;
  GQuark    (*domain) (void);
  int         code;
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "as-of before the start", 1, "2026-08-14", 5000, 1, shore_overdue_error_quark, SHORE_OVERDUE_ERROR_DATE },
  { "as-of invalid", 1, NULL, 5000, 1, shore_overdue_error_quark, SHORE_OVERDUE_ERROR_DATE },
  { "missed from 0", 0, "2026-10-25", 5000, 1, shore_overdue_error_quark, SHORE_OVERDUE_ERROR_MISSED_FROM },
  { "missed from -1", -1, "2026-10-25", 5000, 1, shore_overdue_error_quark, SHORE_OVERDUE_ERROR_MISSED_FROM },
  { "missed beyond the term", 11, "2026-10-25", 5000, 1, shore_overdue_error_quark, SHORE_OVERDUE_ERROR_MISSED_FROM },
  { "negative markup", 1, "2026-10-25", -1, 1, shore_loan_error_quark, SHORE_LOAN_ERROR_INVALID },
  { "negative grace", 1, "2026-10-25", 5000, -1, shore_loan_error_quark, SHORE_LOAN_ERROR_INVALID },
};

static void
check_error (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autoptr(ShoreLoan) loan = make_loan (&seed);
  g_autoptr(GError) error = NULL;
  ShoreOverdueOptions options = { .missed_from = c->missed_from };
  ShoreOverdueResult *result = NULL;

  g_test_message ("%s", c->what);
  loan->penalty_markup_bp = c->markup_bp;
  loan->grace_days = c->grace;
  if (c->as_of != NULL)
    options.as_of = date_of (c->as_of);
  else
    g_date_clear (&options.as_of, 1);

  g_assert_false (shore_overdue_compute (loan, &options, &result, &error));
  g_assert_null (result);
  g_assert_error (error, c->domain (), c->code);
  g_assert_cmpuint (strlen (error->message), >, 0);
}

static void
test_series_errors (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (&seed);
  ShoreOverdueOptions options = { .missed_from = 1 };
  ShoreOverdueSeries *series = NULL;
  GDate from = loan->start_date;
  GDate before = date_of ("2026-08-01");
  GError *error = NULL;

  g_assert_false (shore_overdue_series (loan, &options, &from, 0, &series, &error));
  g_assert_error (error, SHORE_OVERDUE_ERROR, SHORE_OVERDUE_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_false (shore_overdue_series (loan, &options, &from, SHORE_OVERDUE_SERIES_MAX_DAYS + 1, &series, &error));
  g_assert_error (error, SHORE_OVERDUE_ERROR, SHORE_OVERDUE_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_false (shore_overdue_series (loan, &options, &before, 10, &series, &error));
  g_assert_error (error, SHORE_OVERDUE_ERROR, SHORE_OVERDUE_ERROR_DATE);
  g_clear_error (&error);
  options.missed_from = 11;
  g_assert_false (shore_overdue_series (loan, &options, &from, 10, &series, &error));
  g_assert_error (error, SHORE_OVERDUE_ERROR, SHORE_OVERDUE_ERROR_MISSED_FROM);
  g_clear_error (&error);
  g_assert_null (series);
}

/* The charges of a huge loan far in the future overflow cleanly */
static void
test_overflow (void)
{
  g_autoptr(ShoreLoan) loan = make_loan (&seed);
  g_autoptr(GError) error = NULL;
  ShoreOverdueOptions options = { .missed_from = 1, .as_of = date_of ("9999-12-31") };
  ShoreOverdueResult *result = NULL;

  loan->principal = G_MAXINT64 / 4;
  loan->term_months = 1;
  loan->rate.value = PCT_MILLI (2000);
  loan->penalty_markup_bp = 100000;
  if (!shore_loan_validate (loan, NULL))
    {
      g_test_skip ("the loan limits reject this loan already");
      return;
    }
  g_assert_false (shore_overdue_compute (loan, &options, &result, &error));
  g_assert_null (result);
  g_assert_true (error->domain == SHORE_OVERDUE_ERROR || error->domain == SHORE_LOAN_ERROR);
}

static void
test_names (void)
{
  g_assert_cmpstr (shore_overdue_stage_to_string (ST_M4), ==, "m4+");
  g_assert_cmpstr (shore_overdue_basis_to_string (LAW), ==, "law");
  g_assert_cmpstr (shore_overdue_basis_to_string (PRACTICE), ==, "practice");
  g_assert_cmpstr (shore_overdue_basis_to_string (CONTRACT), ==, "contract");
  g_assert_cmpstr (shore_milestone_kind_to_string (SHORE_MILESTONE_RECORD_KEPT), ==, "record-kept");
  g_assert_cmpstr (shore_milestone_kind_to_string (SHORE_MILESTONE_PENALTY_STARTS), ==, "penalty-starts");
}

int
main (int    argc,
      char **argv)
{
  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  ADD_ROWS ("/overdue/charges", charge_cases, check_charge);
  g_test_add_func ("/overdue/seed-total", test_seed_total);
  g_test_add_func ("/overdue/acceleration/date", test_acceleration_date);
  g_test_add_func ("/overdue/acceleration/moot", test_acceleration_moot);
  ADD_ROWS ("/overdue/stage/days", stage_cases, check_stage);
  ADD_ROWS ("/overdue/stage/dates", stage_date_cases, check_stage_date);
  ADD_ROWS ("/overdue/credit-status", credit_cases, check_credit);
  g_test_add_func ("/overdue/milestones/seed", test_milestones_seed);
  g_test_add_func ("/overdue/milestones/acceleration", test_milestones_acceleration);
  g_test_add_func ("/overdue/milestones/in-grace", test_milestones_in_grace);
  g_test_add_func ("/overdue/milestones/long-grace", test_milestones_long_grace);
  ADD_ROWS ("/overdue/milestones/properties", scenario_cases, check_milestone_properties);
  ADD_ROWS ("/overdue/series/equals-compute", scenario_cases, check_series);
  g_test_add_func ("/overdue/series/late-start", test_series_late_start);
  g_test_add_func ("/overdue/series/errors", test_series_errors);
  ADD_ROWS ("/overdue/errors", error_cases, check_error);
  g_test_add_func ("/overdue/overflow", test_overflow);
  g_test_add_func ("/overdue/names", test_names);

  return g_test_run ();
}
