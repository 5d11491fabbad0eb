/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The training scenarios, loaded into a fresh store per case on fixed days. */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "shore-apr.h"
#include "shore-debts.h"
#include "shore-evidence-store.h"
#include "shore-i18n.h"
#include "shore-ledger.h"
#include "shore-payoff.h"
#include "shore-store-private.h"
#include "shore-test-util.h"
#include "shore-training.h"

/* Two load days: a month's end after a 30-day month's due dates, a
 * leap day, and an ordinary day. */
static const char *const load_days[] = { "2026-03-31", "2026-11-24", "2028-02-29" };

typedef ShoreTestFixture TempStore;

static gint64
count_rows (ShoreStore *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", table);

  return shore_test_query_int (store, sql);
}

static GListModel *
load (TempStore  *t,
      const char *name,
      const GDate *today)
{
  g_autoptr(GError) error = NULL;
  GListModel *debts;

  t->store = shore_test_store_new (&t->data_dir);
  g_assert_true (shore_training_load (name, t->store, today, &error));
  g_assert_no_error (error);
  debts = shore_debts_list (t->store, today, &error);
  g_assert_no_error (error);
  return debts;
}

static ShoreDebt *
find_debt (GListModel *debts,
           const char *lender)
{
  for (guint i = 0; i < g_list_model_get_n_items (debts); i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (debts, i);

      if (g_str_equal (shore_debt_get_loan (debt)->lender, lender))
        return debt;       /* the model keeps a reference */
    }
  g_assert_not_reached ();
}

/* ---- every scenario ---- */

static void
test_describe (void)
{
  const char * const *names = shore_training_list_names ();
  guint n = 0;

  for (; names[n] != NULL; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShoreTrainingScenario) scenario = shore_training_get (names[n], &error);

      g_assert_no_error (error);
      g_assert_true (shore_training_name_is_valid (names[n]));
      g_assert_cmpstr (scenario->name, ==, names[n]);
      g_assert_cmpuint (strlen (scenario->title), >, 10);
      g_assert_cmpuint (strlen (scenario->summary), >, 200);
      g_assert_cmpuint (strlen (scenario->borrower), >, 3);
      g_assert_cmpuint (strlen (scenario->address), >, 10);
      g_assert_true (g_regex_match_simple ("^1[3-9][0-9] [0-9]{4} [0-9]{4}$", scenario->phone, 0, 0));
    }
  g_assert_cmpuint (n, ==, 4);
}

static void
test_unknown (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreTrainingScenario) scenario = shore_training_get ("weilidai", &error);
  TempStore t = { 0 };
  GDate today;

  g_assert_null (scenario);
  g_assert_error (error, SHORE_TRAINING_ERROR, SHORE_TRAINING_ERROR_UNKNOWN);
  for (const char * const *name = shore_training_list_names (); *name != NULL; name++)
    g_assert_nonnull (strstr (error->message, *name));
  g_clear_error (&error);
  g_assert_false (shore_training_name_is_valid (NULL));

  today = shore_test_date (load_days[0]);
  t.store = shore_test_store_new (&t.data_dir);
  g_assert_false (shore_training_load ("no-such-case", t.store, &today, &error));
  g_assert_error (error, SHORE_TRAINING_ERROR, SHORE_TRAINING_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "harassment"));
  g_assert_cmpint (count_rows (t.store, "accounts"), ==, 0);
  shore_test_store_free (&t.store, &t.data_dir);
}

/* Loads every scenario on every load day and checks what any handout
 * needs: loans, three months of entries, budgets, repeating items. */
static void
test_load_all (void)
{
  for (guint d = 0; d < G_N_ELEMENTS (load_days); d++)
    for (const char * const *name = shore_training_list_names (); *name != NULL; name++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GListModel) debts = NULL;
        g_autoptr(GArray) budget = NULL;
        g_autoptr(GArray) recurring = NULL;
        TempStore t = { 0 };
        ShoreMonthSummary summary;
        GDate today;

        g_test_message ("%s on %s", *name, load_days[d]);
        today = shore_test_date (load_days[d]);
        debts = load (&t, *name, &today);
        g_assert_cmpuint (g_list_model_get_n_items (debts), >=, 1);
        g_assert_true (shore_ledger_has_transactions (t.store));
        g_assert_cmpint (count_rows (t.store, "transactions"), >=, 30);
        g_assert_cmpint (count_rows (t.store, "payments"), >=, 2);

        budget = shore_ledger_budget_lines (t.store, g_date_get_year (&today), g_date_get_month (&today), &error);
        g_assert_no_error (error);
        g_assert_cmpuint (budget->len, >=, 5);
        recurring = shore_ledger_list_recurring (t.store, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (recurring->len, >=, 3);

        g_assert_true (shore_ledger_month_summary (t.store, &today, &summary, &error));
        g_assert_no_error (error);
        g_assert_cmpint (summary.income + summary.expected_income, >, 0);

        /* the budget's entries cover the three months up to the load day */
        {
          g_autoptr(sqlite3_stmt) stmt = NULL;
          g_autofree char *iso = shore_date_format_iso (&today);
          g_autofree char *from_iso = NULL;
          gboolean has_row = FALSE;
          GDate from = today;

          g_date_subtract_months (&from, 3);
          from_iso = shore_date_format_iso (&from);
          stmt = shore_store_prepare (t.store, "SELECT max (date), min (date) FROM transactions", &error);
          g_assert_true (shore_store_step (t.store, stmt, &has_row, &error));
          g_assert_no_error (error);
          g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), <=, iso);
          g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), >, from_iso);
        }
        shore_test_store_free (&t.store, &t.data_dir);
      }
}

/* ---- the four cases ---- */

static void
test_weilidai (void)
{
  for (guint d = 0; d < G_N_ELEMENTS (load_days); d++)
    {
      g_autoptr(GListModel) debts = NULL;
      TempStore t = { 0 };
      const ShoreLoanStatus *status;
      const ShoreLoan *loan;
      ShoreDebt *debt;
      GDate today;

      today = shore_test_date (load_days[d]);
      debts = load (&t, "weilidai-overdue", &today);
      g_assert_cmpuint (g_list_model_get_n_items (debts), ==, 1);
      debt = find_debt (debts, "Weilidai");
      loan = shore_debt_get_loan (debt);
      status = shore_debt_get_status (debt);

      g_assert_cmpint (loan->principal, ==, 1000000);
      g_assert_cmpint (loan->lender_type, ==, SHORE_LENDER_BANK);
      g_assert_cmpint (loan->method, ==, SHORE_METHOD_EQUAL_PRINCIPAL);
      g_assert_cmpint (loan->term_months, ==, 10);
      g_assert_cmpint (status->state, ==, SHORE_LOAN_STATE_OVERDUE);
      g_assert_cmpint (status->days_overdue, ==, 40);
      g_assert_cmpuint (shore_debt_get_payments (debt)->len, >=, 2);
      shore_test_store_free (&t.store, &t.data_dir);
    }
}

static void
test_five_platforms (void)
{
  for (guint d = 0; d < G_N_ELEMENTS (load_days); d++)
    {
      g_autoptr(GListModel) debts = NULL;
      g_autoptr(GArray) payoff = g_array_new (FALSE, TRUE, sizeof (ShorePayoffDebt));
      g_autoptr(ShorePayoffPlan) plan = NULL;
      g_autoptr(GError) error = NULL;
      ShoreDebtsSummary totals;
      ShoreMonthSummary month;
      TempStore t = { 0 };
      guint above_24 = 0, overdue_12 = 0, overdue_65 = 0;
      GDate today;

      today = shore_test_date (load_days[d]);
      debts = load (&t, "five-platforms", &today);
      shore_debts_summarize (debts, &totals);
      g_assert_cmpuint (totals.n_loans, ==, 5);
      g_assert_cmpuint (totals.n_overdue, ==, 2);

      for (guint i = 0; i < g_list_model_get_n_items (debts); i++)
        {
          g_autoptr(ShoreDebt) debt = g_list_model_get_item (debts, i);
          GArray *payments = shore_debt_get_payments (debt);
          const ShoreLoan *loan = shore_debt_get_loan (debt);
          ShoreTrueCost cost;
          ShorePayoffDebt item;

          g_assert_true (shore_apr_for_loan (loan, &cost, &error));
          g_assert_no_error (error);
          g_assert_cmpfloat (cost.apr_simple, <, 0.36);
          above_24 += cost.apr_simple > 0.24;
          g_assert_cmpint (loan->principal, >=, 300000);
          g_assert_cmpint (loan->principal, <=, 2000000);
          overdue_12 += shore_debt_get_status (debt)->days_overdue == 12;
          overdue_65 += shore_debt_get_status (debt)->days_overdue == 65;

          g_assert_true (shore_payoff_debt_from_loan (loan, (const ShorePayment *) payments->data, payments->len,
                                                      &today, &item, &error));
          g_assert_no_error (error);
          g_array_append_val (payoff, item);
        }
      g_assert_cmpuint (above_24, ==, 2);
      g_assert_cmpuint (overdue_12, ==, 1);
      g_assert_cmpuint (overdue_65, ==, 1);

      /* The budget leaves a small surplus: a long plan, but one that ends. */
      g_assert_true (shore_ledger_month_summary (t.store, &today, &month, &error));
      g_assert_no_error (error);
      g_assert_cmpint (month.surplus_for_debt, >, 0);
      g_assert_cmpint (month.surplus_for_debt, <, 400000);
      plan = shore_payoff_plan_compute ((const ShorePayoffDebt *) payoff->data, payoff->len,
                                        month.surplus_for_debt, SHORE_PAYOFF_AVALANCHE, &today, &error);
      g_assert_no_error (error);
      g_test_message ("five-platforms on %s: surplus %" G_GINT64_FORMAT " fen, first minimums %" G_GINT64_FORMAT
                      ", debt-free in %d months", load_days[d], month.surplus_for_debt, plan->first_minimums,
                      plan->months);
      g_assert_cmpint (plan->shortfall, ==, 0);
      g_assert_cmpint (plan->months, >=, 12);
      g_assert_cmpint (plan->months, <, 60);
      shore_test_store_free (&t.store, &t.data_dir);
    }
}

static void
test_high_cost (void)
{
  for (guint d = 0; d < G_N_ELEMENTS (load_days); d++)
    {
      g_autoptr(GListModel) debts = NULL;
      g_autoptr(ShoreSchedule) schedule = NULL;
      g_autoptr(GError) error = NULL;
      const ShoreLoan *loan;
      ShoreTrueCost cost;
      TempStore t = { 0 };
      ShoreDebt *debt;
      GDate today;

      today = shore_test_date (load_days[d]);
      debts = load (&t, "high-cost", &today);
      g_assert_cmpuint (g_list_model_get_n_items (debts), ==, 1);
      debt = find_debt (debts, "Fuyuan Quick Loan");
      loan = shore_debt_get_loan (debt);

      /* 借10万还40万 */
      g_assert_cmpint (loan->principal, ==, 10000000);
      schedule = shore_schedule_compute (loan, &error);
      g_assert_no_error (error);
      g_assert_cmpint (schedule->total_payment, ==, 40000000);

      g_assert_true (shore_apr_for_loan (loan, &cost, &error));
      g_assert_no_error (error);
      g_assert_cmpint (cost.received, ==, 8000000);
      g_assert_cmpint (cost.total_repaid, ==, 40000000);
      g_assert_cmpfloat (cost.apr_simple, >, 0.36);
      g_test_message ("high-cost: real annual rate %.2f%% (simple), %.2f%% (compound)",
                      cost.apr_simple * 100, cost.apr_compound * 100);

      g_assert_cmpint (shore_debt_get_status (debt)->days_overdue, ==, 10);
      g_assert_cmpuint (shore_debt_get_payments (debt)->len, >=, 8);
      shore_test_store_free (&t.store, &t.data_dir);
    }
}

static guint
count_flags (GArray            *flags,
             ShoreEvidenceRule  rule)
{
  guint n = 0;

  for (guint i = 0; i < flags->len; i++)
    n += g_array_index (flags, ShoreEvidenceFlag, i).rule == rule;
  return n;
}

/* The contacts of the harassment case and the flags the evidence check
 * gives them, with what the register knows of the loans. */
static GArray *
check_harassment (const GDate *today,
                  GPtrArray  **out_contacts)
{
  g_autoptr(GListModel) debts = NULL;
  g_autoptr(GArray) loans = g_array_new (FALSE, TRUE, sizeof (ShoreEvidenceLoan));
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GArray) packed = g_array_new (FALSE, TRUE, sizeof (ShoreContact));
  g_autoptr(GError) error = NULL;
  ShoreEvidenceContext ctx;
  TempStore t = { 0 };
  GArray *flags = NULL;

  debts = load (&t, "harassment", today);
  g_assert_cmpuint (g_list_model_get_n_items (debts), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (debts); i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (debts, i);
      ShoreEvidenceLoan loan;

      g_assert_cmpint (shore_debt_get_status (debt)->state, ==, SHORE_LOAN_STATE_OVERDUE);
      shore_evidence_loan_init (&loan);
      loan.loan_id = shore_debt_get_id (debt);
      loan.owed_total = shore_debt_get_status (debt)->owed_total;
      loan.lender_type = shore_debt_get_loan (debt)->lender_type;
      g_array_append_val (loans, loan);
    }
  ctx.loans = (const ShoreEvidenceLoan *) loans->data;
  ctx.n_loans = loans->len;

  contacts = shore_evidence_store_list (t.store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < contacts->len; i++)
    g_array_append_val (packed, *(ShoreContact *) contacts->pdata[i]);
  shore_evidence_check ((const ShoreContact *) packed->data, packed->len, &ctx, &flags);

  shore_test_store_free (&t.store, &t.data_dir);
  *out_contacts = g_steal_pointer (&contacts);
  return flags;
}

static void
test_harassment (void)
{
  for (guint d = 0; d < G_N_ELEMENTS (load_days); d++)
    {
      g_autoptr(GPtrArray) contacts = NULL;
      g_autoptr(GArray) flags = NULL;
      GDate today, first, last;

      today = shore_test_date (load_days[d]);
      flags = check_harassment (&today, &contacts);
      g_assert_cmpuint (contacts->len, >=, 12);

      /* two weeks, all before the load day */
      g_date_clear (&first, 1);
      g_date_clear (&last, 1);
      g_date_set_dmy (&first, (GDateDay) g_date_time_get_day_of_month (((ShoreContact *) contacts->pdata[0])->occurred_at),
                      (GDateMonth) g_date_time_get_month (((ShoreContact *) contacts->pdata[0])->occurred_at),
                      (GDateYear) g_date_time_get_year (((ShoreContact *) contacts->pdata[0])->occurred_at));
      g_date_set_dmy (&last, (GDateDay) g_date_time_get_day_of_month (((ShoreContact *) contacts->pdata[contacts->len - 1])->occurred_at),
                      (GDateMonth) g_date_time_get_month (((ShoreContact *) contacts->pdata[contacts->len - 1])->occurred_at),
                      (GDateYear) g_date_time_get_year (((ShoreContact *) contacts->pdata[contacts->len - 1])->occurred_at));
      g_assert_cmpint (g_date_days_between (&first, &today), ==, 14);
      g_assert_cmpint (g_date_days_between (&last, &today), >=, 1);

      g_assert_cmpuint (count_flags (flags, SHORE_EVIDENCE_RULE_NIGHT), ==, 2);
      g_assert_cmpuint (count_flags (flags, SHORE_EVIDENCE_RULE_TOO_MANY_CALLS), ==, 1);
      g_assert_cmpuint (count_flags (flags, SHORE_EVIDENCE_RULE_THIRD_PARTY), ==, 2);
      g_assert_cmpuint (count_flags (flags, SHORE_EVIDENCE_RULE_AMOUNT_ABOVE_RECORDS), ==, 1);
      /* the English texts hold none of the Chinese keywords */
      g_assert_cmpuint (count_flags (flags, SHORE_EVIDENCE_RULE_INSULT), ==, 0);
    }
}

/* In zh_CN and zh_TW, what the collectors said trips the wording rules
 * (the translations carry the words the rules look for). */
static void
test_harassment_wording (void)
{
  static const char *msgid = "Said: “We will send a message to everyone in your phone’s contact list.”";
  static const char *const languages[] = { "zh_CN", "zh_TW" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autoptr(GPtrArray) contacts = NULL;
      g_autoptr(GArray) flags = NULL;
      const char *previous = shore_i18n_set_thread_language (languages[i]);
      GDate today;

      /* The catalogs are built with the tests: an untranslated text is a failure. */
      g_assert_cmpstr (shore_gettext (msgid), !=, msgid);

      today = shore_test_date (load_days[1]);
      flags = check_harassment (&today, &contacts);
      shore_i18n_set_thread_language (previous);

      g_test_message ("%s", languages[i]);
      g_assert_cmpuint (count_flags (flags, SHORE_EVIDENCE_RULE_SOFT_VIOLENCE), >=, 2);
      g_assert_cmpuint (count_flags (flags, SHORE_EVIDENCE_RULE_INSULT), >=, 1);
      g_assert_cmpuint (count_flags (flags, SHORE_EVIDENCE_RULE_FAKE_LEGAL), >=, 1);
      g_assert_cmpuint (count_flags (flags, SHORE_EVIDENCE_RULE_THREAT), >=, 2);
    }
}

/* ---- refusing and rolling back ---- */

static void
assert_nothing_written (ShoreStore *store,
                        gint64      accounts,
                        gint64      transactions,
                        gint64      loans)
{
  g_assert_cmpint (count_rows (store, "accounts"), ==, accounts);
  g_assert_cmpint (count_rows (store, "transactions"), ==, transactions);
  g_assert_cmpint (count_rows (store, "loans"), ==, loans);
  g_assert_cmpint (count_rows (store, "payments"), ==, 0);
  g_assert_cmpint (count_rows (store, "budgets"), ==, 0);
  g_assert_cmpint (count_rows (store, "recurring"), ==, 0);
  g_assert_cmpint (count_rows (store, "contacts"), ==, 0);
}

static void
test_not_empty (void)
{
  g_autoptr(GError) error = NULL;
  TempStore t = { 0 };
  ShoreTxnData txn = { 0 };
  g_autoptr(ShoreLoan) loan = shore_loan_new ();
  GDate today;

  today = shore_test_date (load_days[1]);

  /* one transaction */
  t.store = shore_test_store_new (&t.data_dir);
  txn.date = today;
  txn.amount = -1250;
  txn.account_id = shore_ledger_ensure_account (t.store, SHORE_ACCOUNT_CASH, &error);
  g_assert_no_error (error);
  g_assert_true (shore_ledger_add_transaction (t.store, &txn, &error));
  g_assert_no_error (error);
  for (const char * const *name = shore_training_list_names (); *name != NULL; name++)
    {
      g_assert_false (shore_training_load (*name, t.store, &today, &error));
      g_assert_error (error, SHORE_TRAINING_ERROR, SHORE_TRAINING_ERROR_NOT_EMPTY);
      g_clear_error (&error);
    }
  assert_nothing_written (t.store, 1, 1, 0);
  shore_test_store_free (&t.store, &t.data_dir);

  /* one loan */
  t.store = shore_test_store_new (&t.data_dir);
  g_free (loan->lender);
  loan->lender = g_strdup ("花呗");
  loan->principal = 100000;
  loan->start_date = today;
  g_assert_true (shore_debts_add (t.store, loan, &error));
  g_assert_no_error (error);
  g_assert_false (shore_training_load ("harassment", t.store, &today, &error));
  g_assert_error (error, SHORE_TRAINING_ERROR, SHORE_TRAINING_ERROR_NOT_EMPTY);
  assert_nothing_written (t.store, 0, 0, 1);
  shore_test_store_free (&t.store, &t.data_dir);
}

/* A failure on the last rows written (the contacts) leaves nothing behind. */
static void
test_rollback (void)
{
  g_autoptr(GError) error = NULL;
  TempStore t = { 0 };
  GDate today;

  today = shore_test_date (load_days[0]);
  t.store = shore_test_store_new (&t.data_dir);
  g_assert_true (shore_store_exec (t.store,
                                   "CREATE TEMP TRIGGER refuse_contacts BEFORE INSERT ON main.contacts"
                                   " BEGIN SELECT RAISE (ABORT, 'refused by the test'); END",
                                   &error));
  g_assert_no_error (error);
  g_assert_false (shore_training_load ("harassment", t.store, &today, &error));
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  assert_nothing_written (t.store, 0, 0, 0);
  g_clear_error (&error);

  /* and the store still works */
  g_assert_true (shore_store_exec (t.store, "DROP TRIGGER temp.refuse_contacts", &error));
  g_assert_true (shore_training_load ("harassment", t.store, &today, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (t.store, "contacts"), >=, 12);
  shore_test_store_free (&t.store, &t.data_dir);
}

/* ---- the texts reach the po files ---- */

static void
add_msgid (GHashTable *texts,
           const char *text)
{
  if (text != NULL && text[0] != '\0')
    g_hash_table_add (texts, g_strdup (text));
}

static void
add_column (GHashTable *texts,
            ShoreStore *store,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_row = FALSE;

  stmt = shore_store_prepare (store, sql, &error);
  g_assert_no_error (error);
  while (shore_store_step (store, stmt, &has_row, &error) && has_row)
    add_msgid (texts, (const char *) sqlite3_column_text (stmt, 0));
  g_assert_no_error (error);
}

/* The msgids of a pot file written with --no-wrap. */
static GHashTable *
read_pot (const char *path)
{
  GHashTable *msgids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "msgid \"") && g_str_has_suffix (lines[i], "\""))
      {
        g_autofree char *quoted = g_strndup (lines[i] + 6, strlen (lines[i]) - 6);

        g_hash_table_add (msgids, g_shell_unquote (quoted, NULL));
      }
  return msgids;
}

static void
test_extracted (void)
{
  g_autofree char *xgettext = g_find_program_in_path ("xgettext");
  g_autofree char *srcdir = g_test_build_filename (G_TEST_DIST, "..", NULL);
  g_autofree char *xml = g_build_filename (srcdir, "data", "scenarios", "scenarios.xml", NULL);
  g_autofree char *its = g_build_filename (srcdir, "data", "scenarios", NULL);
  g_autofree char *tmp = NULL;
  g_autofree char *pot = NULL;
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) msgids = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = NULL;
  GHashTableIter iter;
  const char *text;
  int status = 0;
  GDate today;

  if (xgettext == NULL)
    {
      g_test_skip ("xgettext is not installed");
      return;
    }

  /* every text a scenario writes or describes, untranslated (C locale) */
  today = shore_test_date (load_days[1]);
  for (const char * const *name = shore_training_list_names (); *name != NULL; name++)
    {
      g_autoptr(ShoreTrainingScenario) scenario = shore_training_get (*name, &error);
      g_autoptr(GListModel) debts = NULL;
      TempStore t = { 0 };

      g_assert_no_error (error);
      add_msgid (texts, scenario->title);
      add_msgid (texts, scenario->summary);
      add_msgid (texts, scenario->borrower);
      add_msgid (texts, scenario->address);
      debts = load (&t, *name, &today);
      add_column (texts, t.store, "SELECT name FROM accounts");
      add_column (texts, t.store, "SELECT lender FROM loans UNION SELECT note FROM loans");
      add_column (texts, t.store, "SELECT payee FROM transactions UNION SELECT note FROM transactions");
      add_column (texts, t.store, "SELECT organization FROM contacts UNION SELECT person FROM contacts"
                                  " UNION SELECT summary FROM contacts UNION SELECT third_parties FROM contacts");
      shore_test_store_free (&t.store, &t.data_dir);
    }

  tmp = g_dir_make_tmp ("shore-training-pot-XXXXXX", &error);
  g_assert_no_error (error);
  pot = g_build_filename (tmp, "scenarios.pot", NULL);
  env = g_environ_setenv (g_get_environ (), "GETTEXTDATADIRS", its, TRUE);
  {
    const char *argv[] = { xgettext, "--from-code=UTF-8", "--add-comments", "--no-wrap", "-o", pot, xml, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
  }
  msgids = read_pot (pot);
  shore_test_rm_rf (tmp);

  /* the header's empty msgid aside, each msgid is a text the scenarios use */
  g_test_message ("%u texts written, %u msgids extracted", g_hash_table_size (texts), g_hash_table_size (msgids) - 1);
  g_assert_cmpuint (g_hash_table_size (msgids) - 1, ==, g_hash_table_size (texts));
  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, (gpointer *) &text, NULL))
    if (!g_hash_table_contains (msgids, text))
      {
        g_test_message ("not extracted: %s", text);
        g_test_fail ();
      }
}

int
main (int   argc,
      char *argv[])
{
  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/training/describe", test_describe);
  g_test_add_func ("/training/unknown", test_unknown);
  g_test_add_func ("/training/load-all", test_load_all);
  g_test_add_func ("/training/weilidai-overdue", test_weilidai);
  g_test_add_func ("/training/five-platforms", test_five_platforms);
  g_test_add_func ("/training/high-cost", test_high_cost);
  g_test_add_func ("/training/harassment", test_harassment);
  g_test_add_func ("/training/harassment-wording", test_harassment_wording);
  g_test_add_func ("/training/not-empty", test_not_empty);
  g_test_add_func ("/training/rollback", test_rollback);
  g_test_add_func ("/training/extracted", test_extracted);

  return g_test_run ();
}
