/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The budget and repayment-plan handouts, built from a real store in a
 * fresh folder, in every handout language: the figures the ledger and the
 * payoff engine compute appear in the text, the pages stay few, the PDF is
 * written, and an empty store gives NO_DATA in the UI's language. */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "render/shore-handout.h"
#include "shore-debts.h"
#include "shore-i18n.h"
#include "shore-ledger.h"
#include "shore-ledger-private.h"
#include "shore-money.h"
#include "shore-payoff.h"
#include "shore-schedule.h"
#include "shore-store.h"
#include "shore-test-util.h"

#define TODAY "2026-11-24"

static const char *const languages[] = { "zh_CN", "zh_TW", "en" };

typedef struct
{
  char       *data_dir;
  ShoreStore *store;
  gint64      cash;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = shore_test_store_new (&f->data_dir);
  f->cash = shore_ledger_ensure_account (f->store, SHORE_ACCOUNT_CASH, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->cash, >, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  shore_test_store_free (&f->store, &f->data_dir);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

static void
add_txn (Fixture    *f,
         const char *iso,
         gint64      amount,
         const char *category,
         const char *payee)
{
  shore_test_add_txn (f->store, iso, amount, f->cash, category, payee);
}

/* A loan at a daily rate (in 10⁻⁸ percent units of ShoreRate), paid as
 * agreed before TODAY except from installment @missed_from on (0: none). */
static gint64
add_loan_full (Fixture              *f,
               ShoreRepaymentMethod  method,
               const char           *lender,
               ShoreLenderType       type,
               gint64                principal,
               gint64                daily_rate,
               int                   term,
               const char           *start,
               int                   missed_from)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreLoan) loan = shore_test_loan_new (lender, type, principal, start);
  g_autoptr(ShoreSchedule) schedule = NULL;
  GDate today = shore_test_date (TODAY);

  loan->rate = (ShoreRate) { SHORE_RATE_DAILY, daily_rate };
  loan->term_months = term;
  loan->method = method;
  shore_test_store_loan (f->store, loan);

  schedule = shore_schedule_compute (loan, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < schedule->installments->len; i++)
    {
      const ShoreInstallment *row = &g_array_index (schedule->installments, ShoreInstallment, i);
      ShorePayment payment = { 0, row->due_date, row->payment };

      if (g_date_compare (&row->due_date, &today) >= 0 || (missed_from > 0 && row->period >= missed_from))
        break;
      g_assert_true (shore_debts_add_payment (f->store, loan->id, &payment, &error));
      g_assert_no_error (error);
    }
  return loan->id;
}

#define add_loan(f, ...) add_loan_full (f, SHORE_METHOD_EQUAL_INSTALLMENT, __VA_ARGS__)

/* Three loans: two paid as agreed, one overdue since September. */
static void
add_three_loans (Fixture *f,
                 int      term)
{
  add_loan (f, "微粒贷", SHORE_LENDER_BANK, 1000000, 5000000, term, "2026-06-15", 0);
  add_loan (f, "借呗", SHORE_LENDER_PLATFORM, 600000, 4000000, term, "2026-08-03", 0);
  add_loan (f, "Card", SHORE_LENDER_CREDIT_CARD, 300000, 6000000, term, "2026-05-20", 5);
}

static void
add_budget_month (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  ShoreRecurring salary = { 0 };

  add_txn (f, "2026-09-05", 620000, "salary", "ACME");
  add_txn (f, "2026-09-12", -210000, "housing", "Landlord");
  add_txn (f, "2026-10-05", 620000, "salary", "ACME");
  add_txn (f, "2026-10-09", -250000, "housing", "Landlord");
  add_txn (f, "2026-10-20", -98000, "food", "Market");
  add_txn (f, "2026-10-25", -150000, "debt", "微粒贷");
  add_txn (f, "2026-11-05", 620000, "salary", "ACME");
  add_txn (f, "2026-11-06", -250000, "housing", "Landlord");
  add_txn (f, "2026-11-08", -123456, "food", "Market");
  add_txn (f, "2026-11-10", -30000, "transport", "Metro");
  add_txn (f, "2026-11-15", -100000, "debt", "借呗");
  g_assert_true (shore_ledger_set_budget (f->store, shore_test_builtin (f->store, "food"), 0, 0, 100000, &error));
  g_assert_true (shore_ledger_set_budget (f->store, shore_test_builtin (f->store, "transport"), 0, 0, 50000, &error));
  g_assert_true (shore_ledger_set_budget (f->store, shore_test_builtin (f->store, "housing"), 0, 0, 250000, &error));
  g_assert_no_error (error);

  salary.kind = SHORE_RECURRING_INCOME;
  salary.amount = 80000;
  salary.account_id = f->cash;
  salary.category_id = shore_test_builtin (f->store, "side-income");
  salary.payee = (char *) "Tutoring";
  salary.day_of_month = 28;
  salary.start_date = shore_test_date ("2026-01-01");
  g_date_clear (&salary.end_date, 1);
  salary.last_posted = shore_test_date ("2026-10-28");
  g_assert_true (shore_ledger_add_recurring (f->store, &salary, &error));
  g_assert_no_error (error);
}

static ShoreDocument *
build (Fixture            *f,
       ShoreHandoutTopic   topic,
       const char         *language,
       gint64              monthly,
       GError            **error)
{
  ShoreHandoutOptions options;
  GDate today = shore_test_date (TODAY);

  shore_handout_options_init (&options, topic, language, &today);
  options.monthly_budget = monthly;
  return shore_handout_build (f->store, &options, error);
}

/* build() that asserts the handout is built; returns its text. */
static char *
build_text (Fixture            *f,
            ShoreHandoutTopic   topic,
            const char         *language,
            gint64              monthly,
            ShoreDocument     **doc)
{
  g_autoptr(GError) error = NULL;

  *doc = build (f, topic, language, monthly, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*doc);
  return shore_document_get_text (*doc);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the handout:\n%s", needle, text);
}

static void
assert_money (const char *text,
              gint64      fen)
{
  g_autofree char *money = shore_money_format (fen);

  assert_contains (text, money);
}

/* 1–3 A4 pages, and a PDF that starts like one (kept in
 * $SHORE_TEST_SHOTS to be looked at). */
static void
assert_renders (Fixture       *f,
                ShoreDocument *doc,
                const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->data_dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint pages = shore_document_get_n_pages (doc, SHORE_DOCUMENT_A4_WIDTH, SHORE_DOCUMENT_A4_HEIGHT);
  const char *shots = g_getenv ("SHORE_TEST_SHOTS");

  g_assert_cmpuint (pages, >=, 1);
  g_assert_cmpuint (pages, <=, 3);
  g_assert_true (shore_document_render_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  if (shots != NULL && *shots != '\0')
    {
      g_autofree char *keep = g_build_filename (shots, name, NULL);

      g_assert_true (g_file_set_contents (keep, contents, (gssize) length, &error));
      g_assert_no_error (error);
    }
}

/* ---- Budget ---------------------------------------------------------------- */

static void
test_budget (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ShoreMonthSummary s = { 0 };
  GDate today = shore_test_date (TODAY);

  add_budget_month (f);
  add_three_loans (f, 12);
  g_assert_true (shore_ledger_month_summary (f->store, &today, &s, &error));
  g_assert_no_error (error);
  /* the fixture's month, as the ledger sums it up */
  g_assert_cmpint (s.income, ==, 620000);
  g_assert_cmpint (s.spending, ==, 403456);
  g_assert_cmpint (s.debt_paid, ==, 100000);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(ShoreDocument) doc = NULL;
      g_autofree char *text = build_text (f, SHORE_HANDOUT_BUDGET, languages[i], 0, &doc);
      g_autofree char *name = g_strdup_printf ("budget-%s.pdf", languages[i]);

      assert_money (text, s.income);
      assert_money (text, s.spending);
      assert_money (text, s.debt_paid);
      assert_money (text, s.debt_due);
      assert_money (text, s.expected_income);
      assert_money (text, s.surplus_for_debt);
      /* food: 1,234.56 spent of 1,000.00, over by 234.56; transport 200.00 left */
      assert_money (text, 123456);
      assert_money (text, 23456);
      assert_money (text, 20000);
      assert_contains (text, "Tutoring");
      assert_renders (f, doc, name);
    }
}

/* Spending beyond the income: the handout says nothing is left and
 * points to negotiating. */
static void
test_budget_deficit (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreDocument) doc = NULL;
  g_autofree char *text = NULL;
  ShoreMonthSummary s = { 0 };
  GDate today = shore_test_date (TODAY);

  add_txn (f, "2026-11-02", 300000, "salary", "ACME");
  add_txn (f, "2026-11-03", -280000, "housing", "Landlord");
  add_txn (f, "2026-11-04", -90000, "food", "Market");
  add_three_loans (f, 12);
  g_assert_true (shore_ledger_month_summary (f->store, &today, &s, &error));
  g_assert_cmpint (s.surplus_for_debt, ==, -70000);

  text = build_text (f, SHORE_HANDOUT_BUDGET, "en", 0, &doc);
  assert_money (text, 70000);
  assert_contains (text, "nothing is left for your debts this month");
  assert_contains (text, "Article 678");
  assert_renders (f, doc, "budget-deficit-en.pdf");
}

/* Categories are shown in the handout's language, whatever the thread's. */
static void
test_budget_categories_translated (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(ShoreDocument) en = NULL;
  g_autoptr(ShoreDocument) zh = NULL;
  g_autofree char *en_text = NULL;
  g_autofree char *zh_text = NULL;
  const char *previous;
  const char *food_zh;

  add_budget_month (f);
  en_text = build_text (f, SHORE_HANDOUT_BUDGET, "en", 0, &en);
  zh_text = build_text (f, SHORE_HANDOUT_BUDGET, "zh_CN", 0, &zh);
  assert_contains (en_text, "Food & Dining");

  previous = shore_i18n_set_thread_language ("zh_CN");
  food_zh = shore_gettext ("Food & Dining");
  shore_i18n_set_thread_language (previous);
  assert_contains (zh_text, food_zh);
}

/* ---- Plan ------------------------------------------------------------------ */

static void
compute_plan (Fixture          *f,
              gint64            monthly,
              ShorePayoffPlan **out)
{
  g_autoptr(GError) error = NULL;
  GDate today = shore_test_date (TODAY);
  g_autoptr(GListModel) list = shore_debts_list (f->store, &today, &error);
  g_autoptr(GArray) debts = g_array_new (FALSE, TRUE, sizeof (ShorePayoffDebt));

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ShoreDebt) item = g_list_model_get_item (list, i);
      GArray *payments = shore_debt_get_payments (item);
      ShorePayoffDebt debt = { 0 };

      g_assert_true (shore_payoff_debt_from_loan (shore_debt_get_loan (item),
                                                  payments != NULL ? (ShorePayment *) (gpointer) payments->data : NULL,
                                                  payments != NULL ? payments->len : 0, &today, &debt, &error));
      g_assert_no_error (error);
      if (debt.balance > 0)
        g_array_append_val (debts, debt);
    }
  g_assert_cmpuint (debts->len, ==, 3);
  g_assert_true (shore_payoff_compare ((ShorePayoffDebt *) (gpointer) debts->data, debts->len, monthly,
                                       &today, out, &error));
  g_assert_no_error (error);
}

static void
free_plans (ShorePayoffPlan **plans)
{
  for (guint s = 0; s < SHORE_PAYOFF_N_STRATEGIES; s++)
    shore_payoff_plan_free (plans[s]);
}

static void
test_plan (Fixture       *f,
           gconstpointer  data)
{
  ShorePayoffPlan *plans[SHORE_PAYOFF_N_STRATEGIES] = { NULL };
  const gint64 monthly = 450000;

  add_three_loans (f, 12);
  compute_plan (f, monthly, plans);
  g_assert_cmpint (plans[SHORE_PAYOFF_AVALANCHE]->shortfall, ==, 0);
  g_assert_cmpint (plans[SHORE_PAYOFF_AVALANCHE]->months, >, 1);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(ShoreDocument) doc = NULL;
      g_autofree char *text = build_text (f, SHORE_HANDOUT_PLAN, languages[i], monthly, &doc);
      g_autofree char *name = g_strdup_printf ("plan-%s.pdf", languages[i]);

      assert_money (text, monthly);
      for (guint s = 0; s < SHORE_PAYOFF_N_STRATEGIES; s++)
        {
          /* the months are a cell of their own: a line of the text */
          g_autofree char *months = g_strdup_printf ("\n%d\n", plans[s]->months);

          assert_contains (text, months);
          assert_money (text, plans[s]->total_interest);
          assert_money (text, plans[s]->total_paid);
        }
      assert_contains (text, "微粒贷");
      assert_contains (text, "借呗");
      assert_renders (f, doc, name);
    }
  free_plans (plans);
}

/* A long plan is condensed to a year a row and stays within 3 pages. */
static void
test_plan_long (Fixture       *f,
                gconstpointer  data)
{
  ShorePayoffPlan *plans[SHORE_PAYOFF_N_STRATEGIES] = { NULL };
  g_autoptr(ShoreDocument) doc = NULL;
  g_autofree char *text = NULL;
  gint64 monthly;

  add_three_loans (f, 60);
  compute_plan (f, G_MAXINT32, plans);
  monthly = plans[0]->first_minimums;
  free_plans (plans);
  compute_plan (f, monthly, plans);
  g_assert_cmpint (plans[SHORE_PAYOFF_AVALANCHE]->months, >, 24);

  text = build_text (f, SHORE_HANDOUT_PLAN, "en", monthly, &doc);
  assert_money (text, plans[SHORE_PAYOFF_AVALANCHE]->total_interest);
  assert_contains (text, "months a row");
  assert_renders (f, doc, "plan-long-en.pdf");
  free_plans (plans);
}

/* Too little to cover the minimums: the handout still renders and says
 * what is missing. */
static void
test_plan_short (Fixture       *f,
                 gconstpointer  data)
{
  ShorePayoffPlan *plans[SHORE_PAYOFF_N_STRATEGIES] = { NULL };
  const gint64 monthly = 20000;

  add_three_loans (f, 12);
  compute_plan (f, monthly, plans);
  g_assert_cmpint (plans[SHORE_PAYOFF_AVALANCHE]->shortfall, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(ShoreDocument) doc = NULL;
      g_autofree char *text = build_text (f, SHORE_HANDOUT_PLAN, languages[i], monthly, &doc);
      g_autofree char *name = g_strdup_printf ("plan-short-%s.pdf", languages[i]);

      assert_money (text, plans[SHORE_PAYOFF_AVALANCHE]->shortfall);
      assert_money (text, plans[SHORE_PAYOFF_AVALANCHE]->first_minimums);
      /* the credit-card hardship rule, cited in every language */
      assert_contains (text, "信用卡");
      assert_renders (f, doc, name);
    }
  free_plans (plans);
}

/* Paying only the interest of an interest-first loan never ends: the
 * handout says so and what would clear it in 60 months. */
static void
test_plan_never (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) never = NULL;
  g_autoptr(ShoreDocument) doc = NULL;
  g_autoptr(ShorePayoffPlan) plan = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(ShoreDebt) item = NULL;
  ShorePayoffDebt debt = { 0 };
  GArray *payments;
  GDate today = shore_test_date (TODAY);

  add_loan_full (f, SHORE_METHOD_INTEREST_FIRST, "Bullet", SHORE_LENDER_MICROLENDER, 2000000, 5000000, 36,
                 "2026-10-10", 0);
  list = shore_debts_list (f->store, &today, &error);
  g_assert_no_error (error);
  item = g_list_model_get_item (list, 0);
  payments = shore_debt_get_payments (item);
  g_assert_true (shore_payoff_debt_from_loan (shore_debt_get_loan (item), (ShorePayment *) (gpointer) payments->data,
                                              payments->len, &today, &debt, &error));
  g_assert_no_error (error);
  plan = shore_payoff_plan_compute (&debt, 1, debt.minimum, SHORE_PAYOFF_AVALANCHE, &today, &never);
  g_assert_null (plan);
  g_assert_error (never, SHORE_PAYOFF_ERROR, SHORE_PAYOFF_ERROR_NEVER);
  g_assert_cmpint (debt.overdue, ==, 0);

  text = build_text (f, SHORE_HANDOUT_PLAN, "en", debt.minimum, &doc);
  assert_contains (text, "would not be paid off within 50 years");
  assert_contains (text, "within 60 months");
  assert_renders (f, doc, "plan-never-en.pdf");
}

/* No amount given and a budget that leaves nothing: still a handout. */
static void
test_plan_from_budget (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreDocument) doc = NULL;
  g_autofree char *text = NULL;
  ShoreMonthSummary s = { 0 };
  GDate today = shore_test_date (TODAY);

  add_budget_month (f);
  add_three_loans (f, 12);
  g_assert_true (shore_ledger_month_summary (f->store, &today, &s, &error));
  g_assert_no_error (error);

  text = build_text (f, SHORE_HANDOUT_PLAN, "en", 0, &doc);
  assert_money (text, s.surplus_for_debt);
  assert_renders (f, doc, "plan-budget-en.pdf");
}

/* ---- No data ----------------------------------------------------------------- */

static void
test_no_data (Fixture       *f,
              gconstpointer  data)
{
  static const struct
  {
    ShoreHandoutTopic topic;
    const char       *message;
  } cases[] = {
    { SHORE_HANDOUT_BUDGET, "The budget holds nothing for this month or before: record some income "
                            "and spending, or set a budget, first." },
    { SHORE_HANDOUT_PLAN, "There are no loans to plan: add the loans still owed first." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(ShoreDocument) doc = NULL;
        const char *ui = shore_i18n_set_thread_language (l == 2 ? "zh_CN" : "en");
        char *expected = g_strdup (shore_gettext (cases[i].message));

        doc = build (f, cases[i].topic, languages[l], 0, &error);
        g_assert_null (doc);
        g_assert_error (error, SHORE_HANDOUT_ERROR, SHORE_HANDOUT_ERROR_NO_DATA);
        /* in the UI's language, not the handout's */
        g_assert_cmpstr (error->message, ==, expected);
        g_assert_cmpstr (shore_i18n_get_thread_language (), ==, l == 2 ? "zh_CN" : "en");
        shore_i18n_set_thread_language (ui);
        g_free (expected);
      }
}

/* Loans that are all paid off leave nothing to plan. */
static void
test_plan_paid_off (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreDocument) doc = NULL;

  add_loan (f, "Old", SHORE_LENDER_BANK, 100000, 5000000, 3, "2026-01-10", 0);
  doc = build (f, SHORE_HANDOUT_PLAN, "en", 100000, &error);
  g_assert_null (doc);
  g_assert_error (error, SHORE_HANDOUT_ERROR, SHORE_HANDOUT_ERROR_NO_DATA);
}

int
main (int   argc,
      char *argv[])
{
  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  ADD ("/handout-money/budget", test_budget);
  ADD ("/handout-money/budget/deficit", test_budget_deficit);
  ADD ("/handout-money/budget/categories-translated", test_budget_categories_translated);
  ADD ("/handout-money/plan", test_plan);
  ADD ("/handout-money/plan/long", test_plan_long);
  ADD ("/handout-money/plan/short", test_plan_short);
  ADD ("/handout-money/plan/never", test_plan_never);
  ADD ("/handout-money/plan/from-budget", test_plan_from_budget);
  ADD ("/handout-money/plan/paid-off", test_plan_paid_off);
  ADD ("/handout-money/no-data", test_no_data);

  return g_test_run ();
}
