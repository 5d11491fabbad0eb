/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The debts register on a real database in a fresh folder per test. */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "shore-debts.h"
#include "shore-i18n.h"
#include "shore-money.h"
#include "shore-store.h"
#include "shore-store-private.h"
#include "shore-test-util.h"

typedef ShoreTestFixture Fixture;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, shore_test_fixture_set_up, func, shore_test_fixture_tear_down)
#define ADD_DATA(path, data, func) \
  g_test_add (path, Fixture, data, shore_test_fixture_set_up, func, shore_test_fixture_tear_down)

/* Helpers */

static ShoreRate
rate (const char *text)
{
  g_autoptr(GError) error = NULL;
  ShoreRate r = { SHORE_RATE_DAILY, 0 };

  shore_rate_parse (text, &r, &error);
  g_assert_no_error (error);
  return r;
}

static ShoreLoan *
make_loan (const char           *lender,
           gint64                principal,
           const char           *rate_text,
           int                   term,
           ShoreRepaymentMethod  method,
           const char           *start)
{
  ShoreLoan *loan = shore_loan_new ();

  g_free (loan->lender);
  loan->lender = g_strdup (lender);
  loan->principal = principal;
  loan->rate = rate (rate_text);
  loan->term_months = term;
  loan->method = method;
  loan->start_date = shore_test_date (start);
  return loan;
}

static gint64
add_ok (Fixture    *f,
        const char *lender,
        gint64      principal,
        const char *rate_text,
        int         term,
        ShoreRepaymentMethod method,
        const char *start)
{
  g_autoptr(ShoreLoan) loan = make_loan (lender, principal, rate_text, term, method, start);
  g_autoptr(GError) error = NULL;

  g_assert_true (shore_debts_add (f->store, loan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (loan->id, >, 0);
  return loan->id;
}

static gint64
pay_ok (Fixture    *f,
        gint64      loan_id,
        const char *day,
        gint64      amount)
{
  g_autoptr(GError) error = NULL;
  ShorePayment payment = { 0, shore_test_date (day), amount };

  g_assert_true (shore_debts_add_payment (f->store, loan_id, &payment, &error));
  g_assert_no_error (error);
  g_assert_cmpint (payment.id, >, 0);
  return payment.id;
}

static gint64
count_loans (Fixture *f)
{
  return shore_test_query_int (f->store, "SELECT count(*) FROM loans");
}

static gint64
count_payments (Fixture *f)
{
  return shore_test_query_int (f->store, "SELECT count(*) FROM payments");
}

static void
assert_rate_equal (const ShoreRate *a,
                   const ShoreRate *b)
{
  g_assert_cmpint (a->period, ==, b->period);
  g_assert_cmpint (a->value, ==, b->value);
}

static void
assert_loans_equal (const ShoreLoan *a,
                    const ShoreLoan *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpstr (a->lender, ==, b->lender);
  g_assert_cmpint (a->lender_type, ==, b->lender_type);
  g_assert_cmpint (a->principal, ==, b->principal);
  assert_rate_equal (&a->rate, &b->rate);
  g_assert_cmpint (a->has_monthly_fee_rate, ==, b->has_monthly_fee_rate);
  if (a->has_monthly_fee_rate)
    assert_rate_equal (&a->monthly_fee_rate, &b->monthly_fee_rate);
  g_assert_cmpint (a->upfront_fee, ==, b->upfront_fee);
  g_assert_cmpint (a->term_months, ==, b->term_months);
  g_assert_cmpint (a->method, ==, b->method);
  g_assert_cmpint (g_date_compare (&a->start_date, &b->start_date), ==, 0);
  g_assert_cmpint (a->penalty_markup_bp, ==, b->penalty_markup_bp);
  g_assert_cmpint (a->grace_days, ==, b->grace_days);
  g_assert_cmpint (!!a->compound, ==, !!b->compound);
  g_assert_cmpint (a->has_late_fee, ==, b->has_late_fee);
  if (a->has_late_fee)
    assert_rate_equal (&a->late_fee_daily, &b->late_fee_daily);
  g_assert_cmpint (a->accelerate_after_days, ==, b->accelerate_after_days);
  g_assert_cmpint (a->reminder_lead_days, ==, b->reminder_lead_days);
  g_assert_cmpstr (a->note != NULL ? a->note : "", ==, b->note != NULL ? b->note : "");
}

static ShoreLoan *
full_loan (void)
{
  ShoreLoan *loan = make_loan ("微粒贷", 1234567, "monthly:1.5%", 24,
                               SHORE_METHOD_INTEREST_FIRST, "2026-01-31");

  loan->lender_type = SHORE_LENDER_CREDIT_CARD;
  loan->has_monthly_fee_rate = TRUE;
  loan->monthly_fee_rate = rate ("monthly:0.6%");
  loan->upfront_fee = 30000;
  loan->penalty_markup_bp = 3000;
  loan->grace_days = 3;
  loan->compound = FALSE;
  loan->has_late_fee = TRUE;
  loan->late_fee_daily = rate ("daily:0.05%");
  loan->accelerate_after_days = 90;
  loan->reminder_lead_days = 5;
  g_free (loan->note);
  loan->note = g_strdup ("合同编号 A-1");
  return loan;
}

/* Adding and reading */

static void
test_add_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ShoreLoan) loan = full_loan ();
  g_autoptr(ShoreLoan) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (shore_debts_add (f->store, loan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (loan->id, ==, 1);

  back = shore_debts_get (f->store, loan->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  assert_loans_equal (loan, back);
}

static void
test_add_defaults_round_trip (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(ShoreLoan) loan = make_loan ("Bank", 500000, "annual:18%", 12,
                                         SHORE_METHOD_EQUAL_INSTALLMENT, "2026-03-15");
  g_autoptr(ShoreLoan) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (shore_debts_add (f->store, loan, &error));
  g_assert_no_error (error);

  back = shore_debts_get (f->store, loan->id, &error);
  g_assert_no_error (error);
  assert_loans_equal (loan, back);
  g_assert_false (back->has_monthly_fee_rate);
  g_assert_false (back->has_late_fee);
  g_assert_cmpint (back->reminder_lead_days, ==, -1);
  g_assert_cmpint (back->accelerate_after_days, ==, 0);
  g_assert_null (back->note);
}

static void
test_add_stored_text (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ShoreLoan) loan = full_loan ();
  g_autoptr(GError) error = NULL;
  struct { const char *sql; const char *expected; } checks[] = {
    { "SELECT rate FROM loans", "monthly:1.5%" },
    { "SELECT monthly_fee_rate FROM loans", "monthly:0.6%" },
    { "SELECT late_fee_daily FROM loans", "daily:0.05%" },
    { "SELECT lender_type FROM loans", "credit-card" },
    { "SELECT method FROM loans", "interest-first" },
    { "SELECT start_date FROM loans", "2026-01-31" },
    { "SELECT principal FROM loans", "1234567" },
    { "SELECT typeof (principal) FROM loans", "integer" },
    { "SELECT reminder_lead_days FROM loans", "5" },
  };

  g_assert_true (shore_debts_add (f->store, loan, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autofree char *text = shore_test_query_text (f->store, checks[i].sql);

      g_assert_cmpstr (text, ==, checks[i].expected);
    }
}

static void
test_add_nulls (Fixture       *f,
                gconstpointer  data)
{
  add_ok (f, "A", 100000, "daily:0.05%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");

  g_assert_cmpint (shore_test_query_int (f->store,
                              "SELECT monthly_fee_rate IS NULL AND late_fee_daily IS NULL"
                              " AND accelerate_after_days IS NULL AND reminder_lead_days IS NULL"
                              " AND note = '' FROM loans"), ==, 1);
}

static void
test_add_ids (Fixture       *f,
              gconstpointer  data)
{
  gint64 a = add_ok (f, "A", 100000, "daily:0.05%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");
  gint64 b = add_ok (f, "B", 200000, "daily:0.05%", 6, SHORE_METHOD_BULLET, "2026-01-15");

  g_assert_cmpint (a, !=, b);
  g_assert_cmpint (count_loans (f), ==, 2);
}

static void
test_add_late_fee_converted (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(ShoreLoan) loan = make_loan ("A", 100000, "daily:0.05%", 12,
                                         SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");
  g_autoptr(ShoreLoan) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ShoreRate expected = rate ("daily:0.1%");

  loan->has_late_fee = TRUE;
  loan->late_fee_daily = rate ("monthly:3%");
  g_assert_true (shore_debts_add (f->store, loan, &error));
  g_assert_no_error (error);

  text = shore_test_query_text (f->store, "SELECT late_fee_daily FROM loans");
  g_assert_cmpstr (text, ==, "daily:0.1%");
  back = shore_debts_get (f->store, loan->id, &error);
  g_assert_no_error (error);
  assert_rate_equal (&back->late_fee_daily, &expected);
}

static void
test_add_late_fee_inexact (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(ShoreLoan) loan = make_loan ("A", 100000, "daily:0.05%", 12,
                                         SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");
  g_autoptr(GError) error = NULL;

  loan->has_late_fee = TRUE;
  loan->late_fee_daily = rate ("monthly:1%");
  g_assert_false (shore_debts_add (f->store, loan, &error));
  g_assert_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID);
  g_assert_cmpint (count_loans (f), ==, 0);
  g_assert_false (shore_store_in_transaction (f->store));
}

static void
test_get_missing (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ShoreLoan) loan = NULL;
  g_autoptr(GError) error = NULL;

  loan = shore_debts_get (f->store, 42, &error);
  g_assert_null (loan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "42"));
}

/* Bad loans: nothing is written */

typedef struct
{
  const char *name;
  void      (*spoil) (ShoreLoan *loan);
} BadLoan;

static void spoil_lender (ShoreLoan *loan) { g_free (loan->lender); loan->lender = g_strdup ("  "); }
static void spoil_principal (ShoreLoan *loan) { loan->principal = 0; }
static void spoil_negative (ShoreLoan *loan) { loan->principal = -100; }
static void spoil_term_0 (ShoreLoan *loan) { loan->term_months = 0; }
static void spoil_term_601 (ShoreLoan *loan) { loan->term_months = 601; }
static void spoil_fee (ShoreLoan *loan) { loan->upfront_fee = loan->principal; }
static void spoil_rate (ShoreLoan *loan) { loan->rate.period = SHORE_RATE_DAILY; loan->rate.value = SHORE_RATE_SCALE / 100 * 3; }
static void spoil_date (ShoreLoan *loan) { g_date_clear (&loan->start_date, 1); }

static const BadLoan bad_loans[] = {
  { "empty-lender", spoil_lender },
  { "zero-principal", spoil_principal },
  { "negative-principal", spoil_negative },
  { "term-0", spoil_term_0 },
  { "term-601", spoil_term_601 },
  { "fee-not-below-principal", spoil_fee },
  { "rate-above-1000", spoil_rate },
  { "invalid-date", spoil_date },
};

static void
test_add_invalid (Fixture       *f,
                  gconstpointer  data)
{
  const BadLoan *bad = data;
  g_autoptr(ShoreLoan) loan = make_loan ("A", 100000, "daily:0.05%", 12,
                                         SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");
  g_autoptr(GError) error = NULL;

  add_ok (f, "Existing", 100000, "daily:0.05%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");
  bad->spoil (loan);

  g_assert_false (shore_debts_add (f->store, loan, &error));
  g_assert_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID);
  g_assert_cmpint (loan->id, ==, 0);
  g_assert_cmpint (count_loans (f), ==, 1);
  g_assert_false (shore_store_in_transaction (f->store));
}

static void
test_update_invalid (Fixture       *f,
                     gconstpointer  data)
{
  const BadLoan *bad = data;
  gint64 id = add_ok (f, "A", 100000, "daily:0.05%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");
  g_autoptr(ShoreLoan) loan = NULL;
  g_autoptr(ShoreLoan) back = NULL;
  g_autoptr(ShoreLoan) before = NULL;
  g_autoptr(GError) error = NULL;

  before = shore_debts_get (f->store, id, &error);
  g_assert_no_error (error);
  loan = shore_loan_copy (before);
  bad->spoil (loan);

  g_assert_false (shore_debts_update (f->store, loan, &error));
  g_assert_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID);
  g_clear_error (&error);

  back = shore_debts_get (f->store, id, &error);
  g_assert_no_error (error);
  assert_loans_equal (before, back);
}

/* Update */

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  gint64 id = add_ok (f, "A", 100000, "daily:0.05%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");
  g_autoptr(ShoreLoan) loan = full_loan ();
  g_autoptr(ShoreLoan) back = NULL;
  g_autoptr(GArray) payments = NULL;
  g_autoptr(GError) error = NULL;

  pay_ok (f, id, "2026-02-15", 5000);
  loan->id = id;
  g_assert_true (shore_debts_update (f->store, loan, &error));
  g_assert_no_error (error);

  back = shore_debts_get (f->store, id, &error);
  g_assert_no_error (error);
  assert_loans_equal (loan, back);

  /* payments stay */
  payments = shore_debts_get_payments (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (payments->len, ==, 1);
  g_assert_cmpint (count_loans (f), ==, 1);
}

static void
test_update_clears_optional (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(ShoreLoan) loan = full_loan ();
  g_autoptr(ShoreLoan) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (shore_debts_add (f->store, loan, &error));
  g_assert_no_error (error);

  loan->has_monthly_fee_rate = FALSE;
  loan->has_late_fee = FALSE;
  loan->reminder_lead_days = -1;
  loan->accelerate_after_days = 0;
  g_clear_pointer (&loan->note, g_free);
  g_assert_true (shore_debts_update (f->store, loan, &error));
  g_assert_no_error (error);

  back = shore_debts_get (f->store, loan->id, &error);
  g_assert_no_error (error);
  assert_loans_equal (loan, back);
}

static void
test_update_missing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ShoreLoan) loan = make_loan ("A", 100000, "daily:0.05%", 12,
                                         SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");
  g_autoptr(GError) error = NULL;

  loan->id = 7;
  g_assert_false (shore_debts_update (f->store, loan, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpint (count_loans (f), ==, 0);
  g_assert_false (shore_store_in_transaction (f->store));
}

/* Delete and restore */

static void
test_delete_restore (Fixture       *f,
                     gconstpointer  data)
{
  gint64 other = add_ok (f, "Other", 100000, "daily:0.05%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");
  g_autoptr(ShoreLoan) loan = full_loan ();
  g_autoptr(ShoreLoan) deleted = NULL;
  g_autoptr(ShoreLoan) back = NULL;
  g_autoptr(GArray) payments = NULL;
  g_autoptr(GArray) payments_back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 p1, p2;

  g_assert_true (shore_debts_add (f->store, loan, &error));
  g_assert_no_error (error);
  p2 = pay_ok (f, loan->id, "2026-03-31", 40000);
  p1 = pay_ok (f, loan->id, "2026-02-28", 30000);
  pay_ok (f, other, "2026-02-15", 1000);

  g_assert_true (shore_debts_delete (f->store, loan->id, &deleted, &payments, &error));
  g_assert_no_error (error);
  assert_loans_equal (loan, deleted);
  g_assert_cmpuint (payments->len, ==, 2);
  g_assert_cmpint (g_array_index (payments, ShorePayment, 0).id, ==, p1);
  g_assert_cmpint (g_array_index (payments, ShorePayment, 1).id, ==, p2);
  g_assert_cmpint (count_loans (f), ==, 1);
  g_assert_cmpint (count_payments (f), ==, 1);
  g_assert_null (shore_debts_get (f->store, loan->id, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (shore_debts_restore (f->store, deleted, payments, &error));
  g_assert_no_error (error);

  back = shore_debts_get (f->store, loan->id, &error);
  g_assert_no_error (error);
  assert_loans_equal (loan, back);

  payments_back = shore_debts_get_payments (f->store, loan->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (payments_back->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const ShorePayment *a = &g_array_index (payments, ShorePayment, i);
      const ShorePayment *b = &g_array_index (payments_back, ShorePayment, i);

      g_assert_cmpint (a->id, ==, b->id);
      g_assert_cmpint (a->amount, ==, b->amount);
      g_assert_cmpint (g_date_compare (&a->date, &b->date), ==, 0);
    }
  g_assert_cmpint (count_payments (f), ==, 3);
}

static void
test_delete_missing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ShoreLoan *loan = NULL;
  GArray *payments = NULL;

  add_ok (f, "A", 100000, "daily:0.05%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");
  g_assert_false (shore_debts_delete (f->store, 99, &loan, &payments, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (loan);
  g_assert_null (payments);
  g_assert_cmpint (count_loans (f), ==, 1);
  g_assert_false (shore_store_in_transaction (f->store));
}

static void
test_restore_id_taken (Fixture       *f,
                       gconstpointer  data)
{
  gint64 id = add_ok (f, "A", 100000, "daily:0.05%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");
  g_autoptr(ShoreLoan) loan = make_loan ("B", 200000, "daily:0.05%", 12,
                                         SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");
  g_autoptr(ShoreLoan) back = NULL;
  g_autoptr(GError) error = NULL;

  loan->id = id;
  g_assert_false (shore_debts_restore (f->store, loan, NULL, &error));
  g_assert_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  back = shore_debts_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->lender, ==, "A");
  g_assert_cmpint (count_loans (f), ==, 1);
}

/* The loan goes in, then the second payment fails: all of it is undone. */
static void
test_restore_rollback (Fixture       *f,
                       gconstpointer  data)
{
  gint64 id = add_ok (f, "A", 100000, "daily:0.05%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");
  g_autoptr(ShoreLoan) deleted = NULL;
  g_autoptr(GArray) payments = NULL;
  g_autoptr(GError) error = NULL;
  ShorePayment twin;

  pay_ok (f, id, "2026-02-15", 1000);
  g_assert_true (shore_debts_delete (f->store, id, &deleted, &payments, &error));
  g_assert_no_error (error);

  twin = g_array_index (payments, ShorePayment, 0);
  twin.date = shore_test_date ("2026-03-15");
  g_array_append_val (payments, twin);

  g_assert_false (shore_debts_restore (f->store, deleted, payments, &error));
  g_assert_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (count_loans (f), ==, 0);
  g_assert_cmpint (count_payments (f), ==, 0);
  g_assert_false (shore_store_in_transaction (f->store));
}

static void
test_restore_invalid_payment (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(ShoreLoan) loan = make_loan ("A", 100000, "daily:0.05%", 12,
                                         SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");
  g_autoptr(GArray) payments = g_array_new (FALSE, TRUE, sizeof (ShorePayment));
  g_autoptr(GError) error = NULL;
  ShorePayment bad = { 5, shore_test_date ("2025-12-31"), 1000 };

  loan->id = 3;
  g_array_append_val (payments, bad);
  g_assert_false (shore_debts_restore (f->store, loan, payments, &error));
  g_assert_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID);
  g_assert_cmpint (count_loans (f), ==, 0);
  g_assert_cmpint (count_payments (f), ==, 0);
}

/* Payments */

static void
test_payments_order (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = add_ok (f, "A", 100000, "daily:0.05%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");
  g_autoptr(GArray) payments = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "2026-01-15", "2026-02-15", "2026-03-15" };

  pay_ok (f, id, "2026-03-15", 300);
  pay_ok (f, id, "2026-01-15", 100);
  pay_ok (f, id, "2026-02-15", 200);

  payments = shore_debts_get_payments (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (payments->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const ShorePayment *p = &g_array_index (payments, ShorePayment, i);
      g_autofree char *iso = shore_date_format_iso (&p->date);

      g_assert_cmpstr (iso, ==, expected[i]);
      g_assert_cmpint (p->amount, ==, (i + 1) * 100);
    }
}

static void
test_payments_none (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GArray) payments = NULL;
  g_autoptr(GError) error = NULL;

  payments = shore_debts_get_payments (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (payments);
  g_assert_cmpuint (payments->len, ==, 0);
}

static void
test_payments_delete (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = add_ok (f, "A", 100000, "daily:0.05%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");
  gint64 p1 = pay_ok (f, id, "2026-02-15", 100);
  gint64 p2 = pay_ok (f, id, "2026-03-15", 200);
  g_autoptr(GArray) payments = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (shore_debts_delete_payment (f->store, p1, &error));
  g_assert_no_error (error);

  payments = shore_debts_get_payments (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (payments->len, ==, 1);
  g_assert_cmpint (g_array_index (payments, ShorePayment, 0).id, ==, p2);

  g_assert_false (shore_debts_delete_payment (f->store, p1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpint (count_payments (f), ==, 1);
  g_assert_false (shore_store_in_transaction (f->store));
}

typedef struct
{
  const char *name;
  const char *date;      /* NULL: an invalid date */
  gint64      amount;
} BadPayment;

static const BadPayment bad_payments[] = {
  { "zero", "2026-02-15", 0 },
  { "negative", "2026-02-15", -100 },
  { "invalid-date", NULL, 100 },
  { "before-start", "2026-01-14", 100 },
};

static void
test_payments_invalid (Fixture       *f,
                       gconstpointer  data)
{
  const BadPayment *bad = data;
  gint64 id = add_ok (f, "A", 100000, "daily:0.05%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");
  g_autoptr(GError) error = NULL;
  ShorePayment payment = { 0 };

  g_date_clear (&payment.date, 1);
  if (bad->date != NULL)
    payment.date = shore_test_date (bad->date);
  payment.amount = bad->amount;

  g_assert_false (shore_debts_add_payment (f->store, id, &payment, &error));
  g_assert_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID);
  g_assert_cmpint (payment.id, ==, 0);
  g_assert_cmpint (count_payments (f), ==, 0);
  g_assert_false (shore_store_in_transaction (f->store));
}

static void
test_payments_on_start_day (Fixture       *f,
                            gconstpointer  data)
{
  gint64 id = add_ok (f, "A", 100000, "daily:0.05%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");

  pay_ok (f, id, "2026-01-15", 1);
  g_assert_cmpint (count_payments (f), ==, 1);
}

static void
test_payments_missing_loan (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ShorePayment payment = { 0, shore_test_date ("2026-02-15"), 100 };

  g_assert_false (shore_debts_add_payment (f->store, 5, &payment, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpint (count_payments (f), ==, 0);
}

/* The list */

typedef struct
{
  const char     *lender;
  ShoreLoanState  state;
  const char     *summary;
} ListRow;

static void
assert_list (GListModel    *list,
             const ListRow *rows,
             guint          n_rows)
{
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (list, i);
      g_autofree char *lender = NULL;
      g_autofree char *summary = NULL;
      int state = -1;

      g_object_get (debt, "lender", &lender, "summary", &summary, "state", &state, NULL);
      g_assert_cmpstr (lender, ==, rows[i].lender);
      g_assert_cmpint (state, ==, rows[i].state);
      g_assert_cmpint (shore_debt_get_status (debt)->state, ==, rows[i].state);
      g_assert_cmpstr (summary, ==, rows[i].summary);
    }
}

static GListModel *
list_ok (Fixture    *f,
         const char *today)
{
  g_autoptr(GError) error = NULL;
  GDate day = shore_test_date (today);
  GListModel *list = shore_debts_list (f->store, &day, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  g_assert_true (g_list_model_get_item_type (list) == SHORE_TYPE_DEBT);
  return list;
}

static void
test_list_order (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  gint64 paid;
  static const ListRow expected[] = {
    { "Overdue long", SHORE_LOAN_STATE_OVERDUE, "Overdue 139 days" },
    { "Overdue 5", SHORE_LOAN_STATE_OVERDUE, "Overdue 5 days" },
    { "Overdue 1", SHORE_LOAN_STATE_OVERDUE, "Overdue 1 day" },
    { "Due today", SHORE_LOAN_STATE_DUE_SOON, "Due today" },
    { "Due tomorrow", SHORE_LOAN_STATE_DUE_SOON, "Due in 1 day" },
    { "Due soon", SHORE_LOAN_STATE_DUE_SOON, "Due in 2 days" },
    { "Current", SHORE_LOAN_STATE_CURRENT, "Next due 2026-07-10" },
    { "Paid", SHORE_LOAN_STATE_PAID_OFF, "Paid off" },
  };

  /* added in a muddled order; today is 2026-06-20 */
  paid = add_ok (f, "Paid", 1200000, "monthly:1%", 1, SHORE_METHOD_BULLET, "2026-01-10");
  pay_ok (f, paid, "2026-02-10", 1212000);
  add_ok (f, "Current", 1200000, "monthly:1%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-06-10");
  add_ok (f, "Due soon", 1200000, "monthly:1%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-05-22");
  add_ok (f, "Overdue 1", 1200000, "monthly:1%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-05-19");
  add_ok (f, "Due today", 1200000, "monthly:1%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-05-20");
  add_ok (f, "Overdue 5", 1200000, "monthly:1%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-05-15");
  add_ok (f, "Due tomorrow", 1200000, "monthly:1%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-05-21");
  add_ok (f, "Overdue long", 1200000, "monthly:1%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-01");

  list = list_ok (f, "2026-06-20");
  assert_list (list, expected, G_N_ELEMENTS (expected));
}

static void
test_list_empty (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GListModel) list = list_ok (f, "2026-06-20");
  ShoreDebtsSummary summary;

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  shore_debts_summarize (list, &summary);
  g_assert_cmpuint (summary.n_loans, ==, 0);
  g_assert_cmpuint (summary.n_overdue, ==, 0);
  g_assert_cmpint (summary.total_owed, ==, 0);
  g_assert_cmpint (summary.due_this_month, ==, 0);
  g_assert_cmpuint (summary.n_next, ==, 0);
}

/* A loan's own reminder lead days decide what is due soon. */
static void
test_list_lead_days (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ShoreLoan) loan = make_loan ("Early", 1200000, "monthly:1%", 12,
                                         SHORE_METHOD_EQUAL_INSTALLMENT, "2026-05-27");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  static const ListRow expected[] = {
    { "Early", SHORE_LOAN_STATE_DUE_SOON, "Due in 7 days" },
    { "Default", SHORE_LOAN_STATE_CURRENT, "Next due 2026-06-27" },
  };

  loan->reminder_lead_days = 10;
  g_assert_true (shore_debts_add (f->store, loan, &error));
  g_assert_no_error (error);
  add_ok (f, "Default", 1200000, "monthly:1%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-05-27");

  list = list_ok (f, "2026-06-20");
  assert_list (list, expected, G_N_ELEMENTS (expected));
}

/* Loans that follow the app's setting use the lead days given to
 * shore_debts_list_full(); a loan's own number still wins. Today is 2026-06-20. */
typedef struct
{
  int     default_lead_days;
  ListRow rows[4];
} DefaultLeadCase;

static const DefaultLeadCase default_lead_cases[] = {
  { 5, {
      { "Own 0", SHORE_LOAN_STATE_CURRENT, "Next due 2026-06-21" },
      { "In 4", SHORE_LOAN_STATE_DUE_SOON, "Due in 4 days" },
      { "In 5", SHORE_LOAN_STATE_DUE_SOON, "Due in 5 days" },
      { "In 6", SHORE_LOAN_STATE_CURRENT, "Next due 2026-06-26" },
    } },
  { 0, {
      { "Own 0", SHORE_LOAN_STATE_CURRENT, "Next due 2026-06-21" },
      { "In 4", SHORE_LOAN_STATE_CURRENT, "Next due 2026-06-24" },
      { "In 5", SHORE_LOAN_STATE_CURRENT, "Next due 2026-06-25" },
      { "In 6", SHORE_LOAN_STATE_CURRENT, "Next due 2026-06-26" },
    } },
  { 30, {
      { "Own 0", SHORE_LOAN_STATE_CURRENT, "Next due 2026-06-21" },
      { "In 4", SHORE_LOAN_STATE_DUE_SOON, "Due in 4 days" },
      { "In 5", SHORE_LOAN_STATE_DUE_SOON, "Due in 5 days" },
      { "In 6", SHORE_LOAN_STATE_DUE_SOON, "Due in 6 days" },
    } },
};

static void
test_list_default_lead_days (Fixture       *f,
                             gconstpointer  data)
{
  const DefaultLeadCase *test = data;
  g_autoptr(ShoreLoan) own = make_loan ("Own 0", 1200000, "monthly:1%", 12,
                                        SHORE_METHOD_EQUAL_INSTALLMENT, "2026-05-21");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) plain = NULL;
  g_autoptr(ShoreDebt) in_4 = NULL;
  g_autoptr(GError) error = NULL;
  GDate today = shore_test_date ("2026-06-20");

  own->reminder_lead_days = 0;
  g_assert_true (shore_debts_add (f->store, own, &error));
  g_assert_no_error (error);
  add_ok (f, "In 4", 1200000, "monthly:1%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-05-24");
  add_ok (f, "In 5", 1200000, "monthly:1%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-05-25");
  add_ok (f, "In 6", 1200000, "monthly:1%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-05-26");

  list = shore_debts_list_full (f->store, &today, test->default_lead_days, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);
  assert_list (list, test->rows, G_N_ELEMENTS (test->rows));

  /* shore_debts_list() keeps its 3 days: the loan due in 4 days is not due soon. */
  plain = list_ok (f, "2026-06-20");
  in_4 = g_list_model_get_item (plain, 1);
  g_assert_cmpstr (shore_debt_get_loan (in_4)->lender, ==, "In 4");
  g_assert_cmpint (shore_debt_get_status (in_4)->state, ==, SHORE_LOAN_STATE_CURRENT);
}

static void
test_list_item (Fixture       *f,
                gconstpointer  data)
{
  gint64 id = add_ok (f, "A", 1200000, "monthly:0%", 12, SHORE_METHOD_EQUAL_PRINCIPAL, "2026-05-27");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(ShoreDebt) debt = NULL;
  g_autofree char *balance = NULL;
  g_autofree char *expected = shore_money_format (1100000);
  GArray *payments;

  pay_ok (f, id, "2026-06-01", 100000);
  list = list_ok (f, "2026-06-20");
  debt = g_list_model_get_item (list, 0);

  g_assert_cmpint (shore_debt_get_id (debt), ==, id);
  g_assert_cmpstr (shore_debt_get_loan (debt)->lender, ==, "A");
  payments = shore_debt_get_payments (debt);
  g_assert_cmpuint (payments->len, ==, 1);
  g_assert_cmpint (g_array_index (payments, ShorePayment, 0).amount, ==, 100000);
  g_assert_cmpint (shore_debt_get_status (debt)->principal_remaining, ==, 1100000);
  g_assert_cmpint (shore_debt_get_status (debt)->owed_total, ==, 1100000);
  g_object_get (debt, "balance-text", &balance, NULL);
  g_assert_cmpstr (balance, ==, expected);
}

static void
test_list_archived (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  add_ok (f, "Kept", 100000, "daily:0.05%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");
  add_ok (f, "Archived", 100000, "daily:0.05%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");
  shore_store_exec (f->store, "UPDATE loans SET archived = 1 WHERE lender = 'Archived'", &error);
  g_assert_no_error (error);

  list = list_ok (f, "2026-06-20");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
}

/* A row the schema lets through but Shore cannot read: an error, not a crash. */
static void
test_damaged_row (Fixture       *f,
                  gconstpointer  data)
{
  gint64 id = add_ok (f, "A", 100000, "daily:0.05%", 12, SHORE_METHOD_EQUAL_INSTALLMENT, "2026-01-15");
  g_autoptr(GListModel) list = NULL;
  g_autoptr(ShoreLoan) loan = NULL;
  g_autoptr(GError) error = NULL;
  GDate today = shore_test_date ("2026-06-20");

  shore_store_exec (f->store, "UPDATE loans SET rate = 'daily:1x%'", &error);
  g_assert_no_error (error);

  list = shore_debts_list (f->store, &today, &error);
  g_assert_null (list);
  g_assert_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);

  loan = shore_debts_get (f->store, id, &error);
  g_assert_null (loan);
  g_assert_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_NOT_A_DATABASE);
}

/* Summary */

static void
test_summarize (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  ShoreDebtsSummary summary;
  gint64 paid;
  gint64 l1, l2, l3;
  const char *dates[] = { "2026-04-25", "2026-06-21", "2026-07-01" };

  /* interest-free, so that every amount is easy to check by hand; today is 2026-06-20 */
  l1 = add_ok (f, "L1", 1200000, "monthly:0%", 12, SHORE_METHOD_EQUAL_PRINCIPAL, "2026-03-25");
  l2 = add_ok (f, "L2", 600000, "monthly:0%", 6, SHORE_METHOD_EQUAL_PRINCIPAL, "2026-06-01");
  l3 = add_ok (f, "L3", 240000, "monthly:0%", 12, SHORE_METHOD_EQUAL_PRINCIPAL, "2026-05-21");
  add_ok (f, "L4", 300000, "monthly:0%", 3, SHORE_METHOD_EQUAL_PRINCIPAL, "2026-06-05");
  paid = add_ok (f, "L5", 100000, "monthly:0%", 1, SHORE_METHOD_BULLET, "2026-01-10");
  pay_ok (f, paid, "2026-02-10", 100000);

  list = list_ok (f, "2026-06-20");
  shore_debts_summarize (list, &summary);

  g_assert_cmpuint (summary.n_loans, ==, 4);
  g_assert_cmpuint (summary.n_overdue, ==, 1);
  g_assert_cmpint (summary.total_owed, ==, 1200000 + 600000 + 240000 + 300000);
  /* L1: April and May overdue and June's; L3: June 21 */
  g_assert_cmpint (summary.due_this_month, ==, 300000 + 20000);
  g_assert_cmpuint (summary.n_next, ==, 3);

  g_assert_cmpint (summary.next[0].loan_id, ==, l1);
  g_assert_cmpint (summary.next[0].amount, ==, 100000);
  g_assert_cmpstr (summary.next[0].lender, ==, "L1");
  g_assert_cmpint (summary.next[1].loan_id, ==, l3);
  g_assert_cmpint (summary.next[1].amount, ==, 20000);
  g_assert_cmpint (summary.next[2].loan_id, ==, l2);
  g_assert_cmpint (summary.next[2].amount, ==, 100000);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *iso = shore_date_format_iso (&summary.next[i].date);

      g_assert_cmpstr (iso, ==, dates[i]);
    }
}

static void
test_summarize_fewer_than_three (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  ShoreDebtsSummary summary;
  gint64 l2 = add_ok (f, "Later", 600000, "monthly:0%", 6, SHORE_METHOD_EQUAL_PRINCIPAL, "2026-06-10");
  gint64 l1 = add_ok (f, "Sooner", 600000, "monthly:0%", 6, SHORE_METHOD_EQUAL_PRINCIPAL, "2026-06-05");

  list = list_ok (f, "2026-06-20");
  shore_debts_summarize (list, &summary);

  g_assert_cmpuint (summary.n_loans, ==, 2);
  g_assert_cmpuint (summary.n_overdue, ==, 0);
  g_assert_cmpint (summary.due_this_month, ==, 0);
  g_assert_cmpuint (summary.n_next, ==, 2);
  g_assert_cmpint (summary.next[0].loan_id, ==, l1);
  g_assert_cmpint (summary.next[1].loan_id, ==, l2);
}

int
main (int   argc,
      char *argv[])
{
  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  ADD ("/debts/add/round-trip", test_add_round_trip);
  ADD ("/debts/add/defaults-round-trip", test_add_defaults_round_trip);
  ADD ("/debts/add/stored-text", test_add_stored_text);
  ADD ("/debts/add/nulls", test_add_nulls);
  ADD ("/debts/add/ids", test_add_ids);
  ADD ("/debts/add/late-fee-converted", test_add_late_fee_converted);
  ADD ("/debts/add/late-fee-inexact", test_add_late_fee_inexact);
  ADD ("/debts/get/missing", test_get_missing);
  for (guint i = 0; i < G_N_ELEMENTS (bad_loans); i++)
    {
      g_autofree char *add_path = g_strdup_printf ("/debts/add/invalid/%s", bad_loans[i].name);
      g_autofree char *update_path = g_strdup_printf ("/debts/update/invalid/%s", bad_loans[i].name);

      ADD_DATA (add_path, &bad_loans[i], test_add_invalid);
      ADD_DATA (update_path, &bad_loans[i], test_update_invalid);
    }

  ADD ("/debts/update/round-trip", test_update);
  ADD ("/debts/update/clears-optional", test_update_clears_optional);
  ADD ("/debts/update/missing", test_update_missing);

  ADD ("/debts/delete/restore", test_delete_restore);
  ADD ("/debts/delete/missing", test_delete_missing);
  ADD ("/debts/restore/id-taken", test_restore_id_taken);
  ADD ("/debts/restore/rollback", test_restore_rollback);
  ADD ("/debts/restore/invalid-payment", test_restore_invalid_payment);

  ADD ("/debts/payments/order", test_payments_order);
  ADD ("/debts/payments/none", test_payments_none);
  ADD ("/debts/payments/delete", test_payments_delete);
  ADD ("/debts/payments/on-start-day", test_payments_on_start_day);
  ADD ("/debts/payments/missing-loan", test_payments_missing_loan);
  for (guint i = 0; i < G_N_ELEMENTS (bad_payments); i++)
    {
      g_autofree char *path = g_strdup_printf ("/debts/payments/invalid/%s", bad_payments[i].name);

      ADD_DATA (path, &bad_payments[i], test_payments_invalid);
    }

  ADD ("/debts/list/order", test_list_order);
  ADD ("/debts/list/empty", test_list_empty);
  ADD ("/debts/list/lead-days", test_list_lead_days);
  for (guint i = 0; i < G_N_ELEMENTS (default_lead_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/debts/list/default-lead-days/%d",
                                               default_lead_cases[i].default_lead_days);

      ADD_DATA (path, &default_lead_cases[i], test_list_default_lead_days);
    }
  ADD ("/debts/list/item", test_list_item);
  ADD ("/debts/list/archived", test_list_archived);
  ADD ("/debts/list/damaged-row", test_damaged_row);

  ADD ("/debts/summarize/totals", test_summarize);
  ADD ("/debts/summarize/fewer-than-three", test_summarize_fewer_than_three);

  return g_test_run ();
}
