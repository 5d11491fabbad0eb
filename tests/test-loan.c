/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "shore-i18n.h"
#include "shore-loan.h"

/* Rates in units of 10⁻⁸ percent, as ShoreRate.value holds them */
#define PCT_MILLI(thousandths) ((gint64) (thousandths) * 100000)   /* 1.5 % = PCT_MILLI (1500) */

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

/* A valid loan: 10,000.00 at 0.05 % a day over 12 months from 2026-01-15 */
static ShoreLoan *
valid_loan (void)
{
  ShoreLoan *loan = shore_loan_new ();

  g_free (loan->lender);
  loan->lender = g_strdup ("微众银行");
  loan->lender_type = SHORE_LENDER_BANK;
  loan->principal = 1000000;
  loan->rate.period = SHORE_RATE_DAILY;
  loan->rate.value = PCT_MILLI (50);
  loan->term_months = 12;
  g_date_clear (&loan->start_date, 1);
  g_date_set_dmy (&loan->start_date, 15, G_DATE_JANUARY, 2026);
  return loan;
}

/* ---- validation ---- */

typedef enum
{
  FIELD_NONE,
  FIELD_LENDER,
  FIELD_LENDER_TYPE,
  FIELD_METHOD,
  FIELD_PRINCIPAL,
  FIELD_TERM,
  FIELD_RATE,
  FIELD_FEE_RATE,
  FIELD_LATE_FEE,
  FIELD_UPFRONT_FEE,
  FIELD_START,
  FIELD_PENALTY,
  FIELD_GRACE,
  FIELD_ACCELERATE,
} Field;

typedef struct
{
  const char      *name;
  Field            field;
  const char      *text;       /* for FIELD_LENDER and FIELD_START (NULL: cleared date) */
  gint64           number;
  ShoreRatePeriod  period;     /* for the rates */
  gboolean         flag;       /* has_monthly_fee_rate / has_late_fee */
  gboolean         ok;
  int              code;
  const char      *message;    /* a part of the message, NULL: do not check */
} ValidateCase;

static const ValidateCase validate_cases[] = {
  { "valid", FIELD_NONE, NULL, 0, 0, FALSE, TRUE, 0, NULL },
  { "lender-empty", FIELD_LENDER, "", 0, 0, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "lender’s name is empty" },
  { "lender-blank", FIELD_LENDER, " \t\n ", 0, 0, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "lender’s name is empty" },
  { "lender-null", FIELD_LENDER, NULL, 0, 0, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "lender’s name is empty" },
  { "lender-bad-utf8", FIELD_LENDER, "\xff\xfe", 0, 0, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "not valid text" },
  { "lender-trimmed", FIELD_LENDER, "  借呗 ", 0, 0, FALSE, TRUE, 0, NULL },
  { "lender-type-unknown", FIELD_LENDER_TYPE, NULL, 99, 0, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "lender type" },
  { "method-unknown", FIELD_METHOD, NULL, 4, 0, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "repayment method" },
  { "principal-zero", FIELD_PRINCIPAL, NULL, 0, 0, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "principal must be more than zero" },
  { "principal-negative", FIELD_PRINCIPAL, NULL, -1, 0, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "principal" },
  { "principal-one-fen", FIELD_PRINCIPAL, NULL, 1, 0, FALSE, TRUE, 0, NULL },
  { "term-zero", FIELD_TERM, NULL, 0, 0, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "between 1 and 600 months" },
  { "term-601", FIELD_TERM, NULL, 601, 0, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "between 1 and 600 months" },
  { "term-1", FIELD_TERM, NULL, 1, 0, FALSE, TRUE, 0, NULL },
  { "term-600", FIELD_TERM, NULL, 600, 0, FALSE, TRUE, 0, NULL },
  { "rate-negative", FIELD_RATE, NULL, -1, SHORE_RATE_DAILY, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "interest rate must be between 0% and 1000% a year" },
  { "rate-zero", FIELD_RATE, NULL, 0, SHORE_RATE_DAILY, FALSE, TRUE, 0, NULL },
  { "rate-1000-annual", FIELD_RATE, NULL, PCT_MILLI (1000000), SHORE_RATE_ANNUAL, FALSE, TRUE, 0, NULL },
  { "rate-above-1000-annual", FIELD_RATE, NULL, PCT_MILLI (1000000) + 1, SHORE_RATE_ANNUAL, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "interest rate" },
  { "rate-daily-2.78", FIELD_RATE, NULL, PCT_MILLI (2780), SHORE_RATE_DAILY, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "interest rate" },
  { "rate-monthly-83.33", FIELD_RATE, NULL, PCT_MILLI (83330), SHORE_RATE_MONTHLY, FALSE, TRUE, 0, NULL },
  { "rate-bad-period", FIELD_RATE, NULL, 0, 7, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "interest rate" },
  { "fee-rate-too-high", FIELD_FEE_RATE, NULL, PCT_MILLI (83340), SHORE_RATE_MONTHLY, TRUE, FALSE, SHORE_LOAN_ERROR_INVALID, "monthly fee rate" },
  { "fee-rate-negative", FIELD_FEE_RATE, NULL, -5, SHORE_RATE_MONTHLY, TRUE, FALSE, SHORE_LOAN_ERROR_INVALID, "monthly fee rate" },
  { "fee-rate-unused", FIELD_FEE_RATE, NULL, -5, SHORE_RATE_MONTHLY, FALSE, TRUE, 0, NULL },
  { "fee-rate-ok", FIELD_FEE_RATE, NULL, PCT_MILLI (600), SHORE_RATE_MONTHLY, TRUE, TRUE, 0, NULL },
  { "late-fee-too-high", FIELD_LATE_FEE, NULL, PCT_MILLI (3000), SHORE_RATE_DAILY, TRUE, FALSE, SHORE_LOAN_ERROR_INVALID, "late fee rate" },
  { "late-fee-ok", FIELD_LATE_FEE, NULL, PCT_MILLI (50), SHORE_RATE_DAILY, TRUE, TRUE, 0, NULL },
  { "upfront-fee-negative", FIELD_UPFRONT_FEE, NULL, -1, 0, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "upfront fee" },
  { "upfront-fee-equal", FIELD_UPFRONT_FEE, NULL, 1000000, 0, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "less than the principal" },
  { "upfront-fee-below", FIELD_UPFRONT_FEE, NULL, 999999, 0, FALSE, TRUE, 0, NULL },
  { "start-cleared", FIELD_START, NULL, 0, 0, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "start date" },
  { "start-1899", FIELD_START, "1899-12-31", 0, 0, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "start date" },
  { "start-9999", FIELD_START, "9999-12-31", 0, 0, FALSE, TRUE, 0, NULL },
  { "penalty-negative", FIELD_PENALTY, NULL, -1, 0, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "penalty markup" },
  { "penalty-too-high", FIELD_PENALTY, NULL, 100001, 0, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "penalty markup" },
  { "penalty-max", FIELD_PENALTY, NULL, 100000, 0, FALSE, TRUE, 0, NULL },
  { "grace-negative", FIELD_GRACE, NULL, -1, 0, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "between 0 and 365 days" },
  { "grace-366", FIELD_GRACE, NULL, 366, 0, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "grace period" },
  { "grace-365", FIELD_GRACE, NULL, 365, 0, FALSE, TRUE, 0, NULL },
  { "accelerate-negative", FIELD_ACCELERATE, NULL, -1, 0, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "3650" },
  { "accelerate-3651", FIELD_ACCELERATE, NULL, 3651, 0, FALSE, FALSE, SHORE_LOAN_ERROR_INVALID, "0 means never" },
  { "accelerate-3650", FIELD_ACCELERATE, NULL, 3650, 0, FALSE, TRUE, 0, NULL },
  { "overflow", FIELD_PRINCIPAL, NULL, G_MAXINT64, 0, FALSE, FALSE, SHORE_LOAN_ERROR_OVERFLOW, "too large" },
};

static void
apply_field (ShoreLoan          *loan,
             const ValidateCase *c)
{
  switch (c->field)
    {
    case FIELD_NONE:
      break;
    case FIELD_LENDER:
      g_free (loan->lender);
      loan->lender = g_strdup (c->text);
      break;
    case FIELD_LENDER_TYPE:
      loan->lender_type = (ShoreLenderType) c->number;
      break;
    case FIELD_METHOD:
      loan->method = (ShoreRepaymentMethod) c->number;
      break;
    case FIELD_PRINCIPAL:
      loan->principal = c->number;
      break;
    case FIELD_TERM:
      loan->term_months = (int) c->number;
      break;
    case FIELD_RATE:
      loan->rate.period = c->period;
      loan->rate.value = c->number;
      break;
    case FIELD_FEE_RATE:
      loan->has_monthly_fee_rate = c->flag;
      loan->monthly_fee_rate.period = c->period;
      loan->monthly_fee_rate.value = c->number;
      break;
    case FIELD_LATE_FEE:
      loan->has_late_fee = c->flag;
      loan->late_fee_daily.period = c->period;
      loan->late_fee_daily.value = c->number;
      break;
    case FIELD_UPFRONT_FEE:
      loan->upfront_fee = c->number;
      break;
    case FIELD_START:
      /* Only the year of c->text matters: a date the parser would refuse */
      g_date_clear (&loan->start_date, 1);
      if (c->text != NULL)
        g_date_set_dmy (&loan->start_date, 31, G_DATE_DECEMBER, (GDateYear) atoi (c->text));
      break;
    case FIELD_PENALTY:
      loan->penalty_markup_bp = (int) c->number;
      break;
    case FIELD_GRACE:
      loan->grace_days = (int) c->number;
      break;
    case FIELD_ACCELERATE:
      loan->accelerate_after_days = (int) c->number;
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
check_validate (gconstpointer data)
{
  const ValidateCase *c = data;
  g_autoptr(ShoreLoan) loan = valid_loan ();
  g_autoptr(GError) error = NULL;

  apply_field (loan, c);

  /* The overflow row needs a rate high enough to overflow */
  if (c->code == SHORE_LOAN_ERROR_OVERFLOW)
    loan->rate.value = PCT_MILLI (100);

  if (c->ok)
    {
      g_assert_true (shore_loan_validate (loan, &error));
      g_assert_no_error (error);
      return;
    }

  g_assert_false (shore_loan_validate (loan, &error));
  g_assert_error (error, SHORE_LOAN_ERROR, c->code);
  if (c->message != NULL)
    g_assert_nonnull (strstr (error->message, c->message));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* ---- the rest of the value type ---- */

static void
test_init_defaults (void)
{
  ShoreLoan loan;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  shore_loan_init (&loan);
  g_assert_cmpstr (loan.lender, ==, "");
  g_assert_cmpint (loan.id, ==, 0);
  g_assert_cmpint (loan.lender_type, ==, SHORE_LENDER_PLATFORM);
  g_assert_cmpint (loan.method, ==, SHORE_METHOD_EQUAL_INSTALLMENT);
  g_assert_cmpint (loan.penalty_markup_bp, ==, 5000);
  g_assert_cmpint (loan.grace_days, ==, 1);
  g_assert_true (loan.compound);
  g_assert_false (loan.has_late_fee);
  g_assert_false (loan.has_monthly_fee_rate);
  g_assert_cmpint (loan.accelerate_after_days, ==, 0);
  g_assert_cmpint (loan.reminder_lead_days, ==, -1);
  g_assert_null (loan.note);
  g_assert_true (g_date_valid (&loan.start_date));
  g_assert_cmpint (g_date_get_year (&loan.start_date), ==, g_date_time_get_year (now));

  /* Only the lender and the principal are missing */
  g_assert_false (shore_loan_validate (&loan, NULL));
  g_free (loan.lender);
  loan.lender = g_strdup ("A");
  loan.principal = 100;
  g_assert_true (shore_loan_validate (&loan, NULL));

  shore_loan_clear (&loan);
  g_assert_null (loan.lender);
  shore_loan_clear (&loan);
}

static void
test_copy (void)
{
  g_autoptr(ShoreLoan) loan = valid_loan ();
  g_autoptr(ShoreLoan) copy = NULL;

  loan->note = g_strdup ("借了三次");
  loan->id = 42;
  copy = shore_loan_copy (loan);

  g_assert_true (copy->lender != loan->lender);
  g_assert_true (copy->note != loan->note);
  g_assert_cmpstr (copy->lender, ==, loan->lender);
  g_assert_cmpstr (copy->note, ==, "借了三次");
  g_assert_cmpint (copy->id, ==, 42);
  g_assert_cmpint (copy->principal, ==, loan->principal);
  g_assert_cmpint (g_date_compare (&copy->start_date, &loan->start_date), ==, 0);

  shore_loan_free (NULL);
}

/* ---- enums ---- */

typedef struct
{
  int         value;
  const char *name;
  const char *label;
} EnumCase;

static const EnumCase lender_cases[] = {
  { SHORE_LENDER_BANK, "bank", "Bank" },
  { SHORE_LENDER_CONSUMER_FINANCE, "consumer-finance", "Consumer finance company" },
  { SHORE_LENDER_MICROLENDER, "microlender", "Microlender" },
  { SHORE_LENDER_PLATFORM, "platform", "Online platform" },
  { SHORE_LENDER_PRIVATE, "private", "Private individual" },
  { SHORE_LENDER_CREDIT_CARD, "credit-card", "Credit card" },
};

static const EnumCase method_cases[] = {
  { SHORE_METHOD_EQUAL_INSTALLMENT, "equal-installment", "Equal installments" },
  { SHORE_METHOD_EQUAL_PRINCIPAL, "equal-principal", "Equal principal" },
  { SHORE_METHOD_INTEREST_FIRST, "interest-first", "Interest first, principal at the end" },
  { SHORE_METHOD_BULLET, "bullet", "Principal and interest at the end" },
};

static void
check_lender_type (gconstpointer data)
{
  const EnumCase *c = data;
  ShoreLenderType type = (ShoreLenderType) -1;

  g_assert_cmpstr (shore_lender_type_to_string ((ShoreLenderType) c->value), ==, c->name);
  g_assert_true (shore_lender_type_from_string (c->name, &type));
  g_assert_cmpint (type, ==, c->value);
  g_assert_cmpstr (shore_lender_type_get_label ((ShoreLenderType) c->value), ==, c->label);
}

static void
check_method (gconstpointer data)
{
  const EnumCase *c = data;
  ShoreRepaymentMethod method = (ShoreRepaymentMethod) -1;

  g_assert_cmpstr (shore_method_to_string ((ShoreRepaymentMethod) c->value), ==, c->name);
  g_assert_true (shore_method_from_string (c->name, &method));
  g_assert_cmpint (method, ==, c->value);
  g_assert_cmpstr (shore_method_get_label ((ShoreRepaymentMethod) c->value), ==, c->label);
}

static void
test_enum_unknown (void)
{
  static const char *const unknown[] = { "", "Bank", "bank ", "credit_card", "等额本息", "equal-installments" };
  ShoreLenderType type = SHORE_LENDER_BANK;
  ShoreRepaymentMethod method = SHORE_METHOD_BULLET;
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      g_assert_false (shore_lender_type_from_string (unknown[i], &type));
      g_assert_false (shore_method_from_string (unknown[i], &method));
    }
  g_assert_cmpint (type, ==, SHORE_LENDER_BANK);
  g_assert_cmpint (method, ==, SHORE_METHOD_BULLET);
  g_assert_true (shore_method_from_string ("bullet", NULL));
}

/* ---- dates ---- */

typedef struct
{
  const char *text;
  gboolean    ok;
  const char *message;     /* a part of the message */
} DateCase;

static const DateCase date_cases[] = {
  { "2026-01-15", TRUE, NULL },
  { "2028-02-29", TRUE, NULL },
  { "1900-01-01", TRUE, NULL },
  { "9999-12-31", TRUE, NULL },
  { "2026-12-31", TRUE, NULL },
  { "2026-02-30", FALSE, "not a day of the calendar" },
  { "2027-02-29", FALSE, "not a day of the calendar" },
  { "2026-04-31", FALSE, "not a day of the calendar" },
  { "2026-13-01", FALSE, "not a day of the calendar" },
  { "2026-00-10", FALSE, "not a day of the calendar" },
  { "2026-01-00", FALSE, "not a day of the calendar" },
  { "1899-12-31", FALSE, "years from 1900 to 9999" },
  { "0000-01-01", FALSE, "years from 1900 to 9999" },
  { "2026-2-3", FALSE, "YYYY-MM-DD" },
  { "2026-01-15x", FALSE, "YYYY-MM-DD" },
  { "2026-01-15 ", FALSE, "YYYY-MM-DD" },
  { " 2026-01-15", FALSE, "YYYY-MM-DD" },
  { "2026/01/15", FALSE, "YYYY-MM-DD" },
  { "20260115", FALSE, "YYYY-MM-DD" },
  { "", FALSE, "YYYY-MM-DD" },
  { "２０２６-01-15", FALSE, "YYYY-MM-DD" },
  { "+026-01-15", FALSE, "YYYY-MM-DD" },
  { "2026-01-1\xff", FALSE, "YYYY-MM-DD" },
};

static void
check_date (gconstpointer data)
{
  const DateCase *c = data;
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  if (c->ok)
    {
      g_autofree char *back = NULL;

      g_assert_true (shore_date_parse (c->text, &date, &error));
      g_assert_no_error (error);
      back = shore_date_format_iso (&date);
      g_assert_cmpstr (back, ==, c->text);
      return;
    }

  g_assert_false (shore_date_parse (c->text, &date, &error));
  g_assert_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, c->message));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_false (g_date_valid (&date));
}

static void
test_date_message_quotes_input (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (shore_date_parse ("2026-2-3", NULL, &error));
  g_assert_cmpstr (error->message, ==, "“2026-2-3” is not a date; type it as YYYY-MM-DD, for example 2026-01-15");
}

int
main (int    argc,
      char **argv)
{
  gsize i;

  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  for (i = 0; i < G_N_ELEMENTS (validate_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/loan/validate/%s", validate_cases[i].name);

      g_test_add_data_func (path, &validate_cases[i], check_validate);
    }
  g_test_add_func ("/loan/init-defaults", test_init_defaults);
  g_test_add_func ("/loan/copy", test_copy);
  ADD_ROWS ("/loan/lender-type", lender_cases, check_lender_type);
  ADD_ROWS ("/loan/method", method_cases, check_method);
  g_test_add_func ("/loan/enum-unknown", test_enum_unknown);
  ADD_ROWS ("/loan/date", date_cases, check_date);
  g_test_add_func ("/loan/date-message", test_date_message_quotes_input);

  return g_test_run ();
}
