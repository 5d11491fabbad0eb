/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing parsed bills into the ledger, and the CSV export. The bills are
 * built by hand here: the parser has tests of its own. */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "shore-debts.h"
#include "shore-import.h"
#include "shore-ledger.h"
#include "shore-ledger-private.h"
#include "shore-store.h"
#include "shore-store-private.h"
#include "shore-test-util.h"

typedef ShoreTestFixture Fixture;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, shore_test_fixture_set_up, func, shore_test_fixture_tear_down)

/* ---- Building bills by hand -------------------------------------------- */

typedef struct
{
  const char *date;
  const char *time;
  ShoreFlow   flow;
  gint64      amount;
  gint64      fee;
  const char *payee;
  const char *item;
  const char *order_id;
  gboolean    loan_repayment;
  const char *category;
  const char *account;
  const char *note;
} Row;

static ShoreImportRow *
make_row (guint      line,
          const Row *spec)
{
  ShoreImportRow *row = g_new0 (ShoreImportRow, 1);

  row->line = line;
  g_assert_true (shore_ledger_read_date (spec->date, &row->date));
  row->time = g_strdup (spec->time != NULL ? spec->time : "");
  row->flow = spec->flow;
  row->amount = spec->amount;
  row->fee = spec->fee;
  row->payee = g_strdup (spec->payee != NULL ? spec->payee : "");
  row->item = g_strdup (spec->item != NULL ? spec->item : "");
  row->type = g_strdup ("");
  row->method = g_strdup ("");
  row->status = g_strdup ("");
  row->order_id = g_strdup (spec->order_id != NULL ? spec->order_id : "");
  row->merchant_order_id = g_strdup ("");
  row->note = g_strdup (spec->note != NULL ? spec->note : "");
  row->category = g_strdup (spec->category != NULL ? spec->category : "");
  row->account = g_strdup (spec->account != NULL ? spec->account : "");
  row->loan_repayment = spec->loan_repayment;
  return row;
}

typedef ShoreImportResult Bill;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Bill, shore_import_result_free)

static Bill *
make_bill (ShoreImportKind  kind,
           const Row       *rows,
           guint            n_rows,
           guint            n_skipped)
{
  Bill *bill = g_new0 (Bill, 1);

  bill->kind = kind;
  bill->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) shore_import_row_free);
  bill->n_skipped = n_skipped;
  bill->account_hint = g_strdup ("");
  g_date_clear (&bill->first_date, 1);
  g_date_clear (&bill->last_date, 1);
  for (guint i = 0; i < n_rows; i++)
    g_ptr_array_add (bill->rows, make_row (i + 2, &rows[i]));
  return bill;
}

static gboolean
import (Fixture            *f,
        const Bill         *bill,
        gboolean            dry_run,
        ShoreImportSummary *summary,
        GArray            **plan,
        GError            **error)
{
  return shore_ledger_import (f->store, bill, 0, "bill.csv", dry_run, NULL, NULL, NULL, summary, plan, error);
}

static const Row wechat_rows[] = {
  { "2026-03-01", "12:30:00", SHORE_FLOW_EXPENSE, 1250, 0, "美团外卖", "午饭", "4200001" },
  { "2026-03-02", "08:00:00", SHORE_FLOW_INCOME, 8800, 0, "老妈", "微信红包", "4200002" },
  { "2026-03-03", "09:15:00", SHORE_FLOW_NEUTRAL, 10000, 10, "/", "零钱提现", "4200003" },
  { "2026-03-04", "18:45:10", SHORE_FLOW_EXPENSE, 2300, 0, "滴滴出行", "快车", "4200004", FALSE, NULL, NULL, "加班" },
  { "2026-03-01", "12:30:00", SHORE_FLOW_EXPENSE, 1250, 0, "美团外卖", "午饭", "4200001" },   /* again in the file */
  { "2026-03-05", "20:00:00", SHORE_FLOW_EXPENSE, 500, 0, "小卖部", "/", "4200005" },
};

/* ---- Tests -------------------------------------------------------------- */

static void
test_import_counts (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(Bill) bill = make_bill (SHORE_IMPORT_KIND_WECHAT, wechat_rows, G_N_ELEMENTS (wechat_rows), 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) plan = NULL;
  g_autoptr(ShoreAccount) account = NULL;
  ShoreImportSummary summary = { 0 };
  ShoreTxnData txn = { 0 };
  static const struct { ShoreImportRowStatus status; const char *category; } expect[] = {
    { SHORE_IMPORT_ROW_NEW, "food" },
    { SHORE_IMPORT_ROW_NEW, "gifts" },
    { SHORE_IMPORT_ROW_NEW, "transfer" },
    { SHORE_IMPORT_ROW_NEW, "transport" },
    { SHORE_IMPORT_ROW_DUPLICATE, NULL },
    { SHORE_IMPORT_ROW_NEW, NULL },
  };

  g_assert_true (import (f, bill, FALSE, &summary, &plan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summary.kind, ==, SHORE_IMPORT_KIND_WECHAT);
  g_assert_cmpuint (summary.transactions, ==, 5);
  g_assert_cmpuint (summary.expense_count, ==, 3);
  g_assert_cmpuint (summary.income_count, ==, 1);
  g_assert_cmpuint (summary.neutral_count, ==, 1);
  g_assert_cmpint (summary.expense, ==, 1250 + 2300 + 500);
  g_assert_cmpint (summary.income, ==, 8800);
  g_assert_cmpint (summary.neutral, ==, 10000);   /* the fee is inside the billed amount */
  g_assert_cmpuint (summary.skipped, ==, 2);
  g_assert_cmpuint (summary.duplicates, ==, 1);
  g_assert_cmpuint (summary.linked_loans, ==, 0);
  g_assert_cmpint (summary.import_id, >, 0);

  account = shore_ledger_get_account (f->store, summary.account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (account->kind, ==, SHORE_ACCOUNT_WECHAT);
  g_assert_cmpint (account->balance, ==, -1250 + 8800 - 10000 - 2300 - 500);

  g_assert_cmpuint (plan->len, ==, G_N_ELEMENTS (expect));
  for (guint i = 0; i < plan->len; i++)
    {
      const ShoreImportPlan *p = &g_array_index (plan, ShoreImportPlan, i);

      g_test_message ("row %u", i);
      g_assert_cmpint (p->status, ==, expect[i].status);
      if (p->status == SHORE_IMPORT_ROW_NEW)
        g_assert_cmpint (p->category_id, ==, expect[i].category != NULL ? shore_test_builtin (f->store, expect[i].category) : 0);
    }

  g_assert_cmpint (shore_test_query_int (f->store, "SELECT row_count FROM imports"), ==, 8);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT imported_count FROM imports"), ==, 5);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT duplicate_count FROM imports"), ==, 1);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT skipped_count FROM imports"), ==, 2);

  /* what a row looks like in the ledger */
  g_assert_true (shore_ledger_get_transaction (f->store,
                                               shore_test_query_int (f->store, "SELECT id FROM transactions WHERE import_key = '4200004@2026-03-04T18:45:10'"),
                                               &txn, &error));
  g_assert_cmpint (txn.amount, ==, -2300);
  g_assert_cmpstr (txn.time, ==, "18:45:10");
  g_assert_cmpstr (txn.payee, ==, "滴滴出行");
  g_assert_cmpstr (txn.note, ==, "快车 · 加班");
  g_assert_cmpstr (txn.import_source, ==, "wechat");
  g_assert_cmpint (txn.import_id, ==, summary.import_id);
  shore_txn_data_clear (&txn);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM transactions WHERE payee = '' AND note = '零钱提现'"), ==, 1);
}

static void
test_reimport (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(Bill) bill = make_bill (SHORE_IMPORT_KIND_WECHAT, wechat_rows, G_N_ELEMENTS (wechat_rows), 0);
  g_autoptr(GError) error = NULL;
  ShoreImportSummary first = { 0 };
  ShoreImportSummary again = { 0 };

  g_assert_true (import (f, bill, FALSE, &first, NULL, &error));
  g_assert_true (import (f, bill, FALSE, &again, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (again.transactions, ==, 0);
  g_assert_cmpuint (again.duplicates, ==, G_N_ELEMENTS (wechat_rows));
  g_assert_cmpint (again.import_id, ==, 0);
  g_assert_cmpint (again.account_id, ==, first.account_id);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM transactions"), ==, 5);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM imports"), ==, 1);
}

static void
test_identical_rows (Fixture       *f,
                     gconstpointer  data)
{
  /* no order numbers: two identical rows are two coffees */
  static const Row rows[] = {
    { "2026-03-01", "", SHORE_FLOW_EXPENSE, 1500, 0, "Café" },
    { "2026-03-01", "", SHORE_FLOW_EXPENSE, 1500, 0, "Café" },
    { "2026-03-01", "", SHORE_FLOW_INCOME, 1500, 0, "Café" },
  };
  static const Row more[] = {
    { "2026-03-01", "", SHORE_FLOW_EXPENSE, 1500, 0, "Café" },
    { "2026-03-01", "", SHORE_FLOW_EXPENSE, 1500, 0, "Café" },
    { "2026-03-01", "", SHORE_FLOW_EXPENSE, 1500, 0, "Café" },
  };
  g_autoptr(Bill) bill = make_bill (SHORE_IMPORT_KIND_CSV, rows, G_N_ELEMENTS (rows), 0);
  g_autoptr(Bill) bigger = make_bill (SHORE_IMPORT_KIND_CSV, more, G_N_ELEMENTS (more), 0);
  g_autoptr(GError) error = NULL;
  ShoreImportSummary summary = { 0 };

  g_assert_true (import (f, bill, FALSE, &summary, NULL, &error));
  g_assert_cmpuint (summary.transactions, ==, 3);
  g_assert_true (import (f, bill, FALSE, &summary, NULL, &error));
  g_assert_cmpuint (summary.transactions, ==, 0);
  g_assert_cmpuint (summary.duplicates, ==, 3);
  /* a later bill with a third such row adds just that one */
  g_assert_true (import (f, bigger, FALSE, &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.transactions, ==, 1);
  g_assert_cmpuint (summary.duplicates, ==, 2);
}

static void
test_dry_run (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(Bill) bill = make_bill (SHORE_IMPORT_KIND_WECHAT, wechat_rows, G_N_ELEMENTS (wechat_rows), 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) plan = NULL;
  ShoreImportSummary dry = { 0 };
  ShoreImportSummary real = { 0 };

  g_assert_true (import (f, bill, TRUE, &dry, &plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (plan->len, ==, G_N_ELEMENTS (wechat_rows));
  g_assert_cmpint (dry.import_id, ==, 0);
  g_assert_cmpint (dry.account_id, ==, 0);   /* it would be created */
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM transactions"), ==, 0);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM accounts"), ==, 0);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM imports"), ==, 0);

  g_assert_true (import (f, bill, FALSE, &real, NULL, &error));
  g_assert_cmpuint (dry.transactions, ==, real.transactions);
  g_assert_cmpint (dry.expense, ==, real.expense);
  g_assert_cmpint (dry.income, ==, real.income);
  g_assert_cmpuint (dry.duplicates, ==, real.duplicates);
}

static void
on_progress_cancel (double   fraction,
                    gpointer user_data)
{
  GPtrArray *seen = user_data;

  g_ptr_array_add (seen, NULL);
  if (fraction > 0.2)
    g_cancellable_cancel (g_ptr_array_index (seen, 0));
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(Bill) bill = make_bill (SHORE_IMPORT_KIND_WECHAT, NULL, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  ShoreImportSummary summary = { 0 };

  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *order = g_strdup_printf ("T%05u", i);
      Row row = { "2026-03-01", "10:00", SHORE_FLOW_EXPENSE, 100 + i, 0, "shop", "", order };

      g_ptr_array_add (bill->rows, make_row (i + 2, &row));
    }

  g_ptr_array_add (seen, cancellable);
  g_assert_false (shore_ledger_import (f->store, bill, 0, "big.csv", FALSE, on_progress_cancel, seen,
                                       cancellable, &summary, NULL, &error));
  g_assert_error (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_CANCELLED);
  g_assert_cmpuint (seen->len, ==, 3);   /* the cancellable, then 0.2 and 0.4 */
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM transactions"), ==, 0);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM accounts"), ==, 0);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM imports"), ==, 0);
}

static void
test_bad_row_rolls_back (Fixture       *f,
                         gconstpointer  data)
{
  static const Row rows[] = {
    { "2026-03-01", "10:00", SHORE_FLOW_EXPENSE, 100, 0, "a", "", "1" },
    { "2026-03-02", "10:00", SHORE_FLOW_EXPENSE, 200, 0, "b", "", "2" },
    { "2026-03-03", "99:99", SHORE_FLOW_EXPENSE, 300, 0, "c", "", "3" },
    { "2026-03-04", "10:00", SHORE_FLOW_EXPENSE, 400, 0, "d", "", "4" },
  };
  g_autoptr(Bill) bill = make_bill (SHORE_IMPORT_KIND_ALIPAY, rows, G_N_ELEMENTS (rows), 0);
  g_autoptr(GError) error = NULL;
  ShoreImportSummary summary = { 0 };

  g_assert_false (import (f, bill, FALSE, &summary, NULL, &error));
  g_assert_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Line 4"));
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM transactions"), ==, 0);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM accounts"), ==, 0);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM imports"), ==, 0);
}

static void
test_loans_and_learning (Fixture       *f,
                         gconstpointer  data)
{
  static const Row rows[] = {
    { "2026-03-10", "", SHORE_FLOW_EXPENSE, 95000, 0, "微众银行", "微粒贷还款", "L1", TRUE },
    { "2026-03-11", "", SHORE_FLOW_INCOME, 500000, 0, "微粒贷", "借款", "L2" },
    { "2026-03-12", "", SHORE_FLOW_EXPENSE, 3000, 0, "老王面馆", "", "L3" },
    { "2026-03-13", "", SHORE_FLOW_INCOME, 3000, 0, "老王面馆", "", "L4" },
    { "2026-03-14", "", SHORE_FLOW_EXPENSE, 4000, 0, "某某公司", "信用卡还款", "L5", TRUE },
  };
  g_autoptr(Bill) bill = make_bill (SHORE_IMPORT_KIND_WECHAT, rows, G_N_ELEMENTS (rows), 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) plan = NULL;
  g_autoptr(ShoreLoan) loan = shore_loan_new ();
  ShoreImportSummary summary = { 0 };
  ShoreTxnData typed = { 0 };

  g_free (loan->lender);
  loan->lender = g_strdup ("微粒贷");
  loan->principal = 1000000;
  loan->term_months = 12;
  g_assert_true (shore_ledger_read_date ("2026-01-15", &loan->start_date));
  g_assert_true (shore_debts_add (f->store, loan, &error));
  g_assert_no_error (error);

  /* a noodle shop filed under groceries by the user earlier */
  typed.date = loan->start_date;
  typed.amount = -2000;
  typed.account_id = shore_ledger_ensure_account (f->store, SHORE_ACCOUNT_CASH, &error);
  typed.category_id = shore_test_builtin (f->store, "groceries");
  typed.payee = (char *) "老王面馆";
  g_assert_true (shore_ledger_add_transaction (f->store, &typed, &error));

  g_assert_true (import (f, bill, FALSE, &summary, &plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.linked_loans, ==, 2);

  g_assert_cmpint (g_array_index (plan, ShoreImportPlan, 0).loan_id, ==, loan->id);
  g_assert_cmpint (g_array_index (plan, ShoreImportPlan, 0).category_id, ==, shore_test_builtin (f->store, "debt"));
  g_assert_cmpint (g_array_index (plan, ShoreImportPlan, 1).loan_id, ==, loan->id);
  g_assert_cmpint (g_array_index (plan, ShoreImportPlan, 1).category_id, ==, shore_test_builtin (f->store, "borrowing"));
  g_assert_cmpint (g_array_index (plan, ShoreImportPlan, 2).category_id, ==, shore_test_builtin (f->store, "groceries"));
  g_assert_cmpint (g_array_index (plan, ShoreImportPlan, 3).category_id, ==, 0);   /* not an income category */
  g_assert_cmpint (g_array_index (plan, ShoreImportPlan, 4).loan_id, ==, 0);
  g_assert_cmpint (g_array_index (plan, ShoreImportPlan, 4).category_id, ==, shore_test_builtin (f->store, "debt"));
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM transactions WHERE loan_id IS NOT NULL"), ==, 2);
  /* The repayment is a payment of the loan too, linked to its row; money borrowed is not. */
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM payments p JOIN transactions t ON t.id = p.transaction_id"
                                        " WHERE p.loan_id = t.loan_id AND p.amount = -t.amount"), ==, 1);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM payments"), ==, 1);
  /* Undoing the import takes the payment away with it. */
  g_assert_true (shore_ledger_undo_import (f->store, summary.import_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM payments"), ==, 0);
}

static void
test_undo_import (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(Bill) bill = make_bill (SHORE_IMPORT_KIND_WECHAT, wechat_rows, G_N_ELEMENTS (wechat_rows), 0);
  g_autoptr(GError) error = NULL;
  ShoreImportSummary summary = { 0 };

  g_assert_true (import (f, bill, FALSE, &summary, NULL, &error));
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM transactions"), ==, 5);
  g_assert_true (shore_ledger_undo_import (f->store, summary.import_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM transactions"), ==, 0);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM imports"), ==, 0);
  g_assert_false (shore_ledger_undo_import (f->store, summary.import_id, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* and the bill imports again */
  g_assert_true (import (f, bill, FALSE, &summary, NULL, &error));
  g_assert_cmpuint (summary.transactions, ==, 5);
}

static char *
export_text (Fixture              *f,
             const ShoreTxnFilter *filter,
             guint                *count)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (out);

  g_assert_true (shore_ledger_export_csv (f->store, filter, out, count, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  return g_strdup (g_memory_output_stream_get_data (memory));
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  static const Row rows[] = {
    { "2026-03-02", "08:00:00", SHORE_FLOW_EXPENSE, 1250, 0, "美团外卖", "午饭", "4200001" },
  };
  g_autoptr(Bill) bill = make_bill (SHORE_IMPORT_KIND_WECHAT, rows, G_N_ELEMENTS (rows), 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  g_autofree char *bank_only = NULL;
  ShoreImportSummary summary = { 0 };
  ShoreAccount bank = { 0 };
  ShoreTxnData typed = { 0 };
  ShoreTxnFilter filter;
  guint count = 0;

  bank.name = (char *) "Bank, \"main\"";
  bank.kind = SHORE_ACCOUNT_BANK;
  g_assert_true (shore_ledger_add_account (f->store, &bank, &error));

  g_assert_true (import (f, bill, FALSE, &summary, NULL, &error));

  g_assert_true (shore_ledger_read_date ("2026-03-01", &typed.date));
  typed.amount = 800000;
  typed.account_id = bank.id;
  typed.category_id = shore_test_builtin (f->store, "salary");
  typed.payee = (char *) "=HYPERLINK(\"x\")";
  typed.note = (char *) "March\nbonus, net";
  g_assert_true (shore_ledger_add_transaction (f->store, &typed, &error));
  typed.amount = -99;
  typed.category_id = 0;
  typed.payee = (char *) "-minus";
  typed.note = (char *) "@home +1";
  typed.time = (char *) "23:05";
  g_assert_true (shore_ledger_add_transaction (f->store, &typed, &error));
  g_assert_no_error (error);

  all = export_text (f, NULL, &count);
  g_assert_cmpuint (count, ==, 3);
  g_assert_cmpstr (all, ==,
                   "\xEF\xBB\xBF" "Date,Time,Amount,Account,Category,Payee,Note,Order number\r\n"
                   "2026-03-01,,8000.00,\"Bank, \"\"main\"\"\",Salary,\"'=HYPERLINK(\"\"x\"\")\",\"March\nbonus, net\",\r\n"
                   "2026-03-01,23:05,-0.99,\"Bank, \"\"main\"\"\",,'-minus,'@home +1,\r\n"
                   "2026-03-02,08:00:00,-12.50,WeChat Pay,Food & Dining,美团外卖,午饭,wechat:4200001@2026-03-02T08:00:00\r\n");

  shore_txn_filter_init (&filter);
  filter.account_id = summary.account_id;
  bank_only = export_text (f, &filter, &count);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (g_str_has_suffix (bank_only, "wechat:4200001@2026-03-02T08:00:00\r\n"));
}

static void
test_csv_rows (Fixture       *f,
               gconstpointer  data)
{
  /* Shore's own export read back: accounts and categories by name, the
   * order number taken apart, transfers kept neutral */
  static const Row wechat[] = {
    { "2026-03-02", "08:00:00", SHORE_FLOW_EXPENSE, 1250, 0, "美团外卖", "午饭", "4200001" },
  };
  static const Row csv[] = {
    { "2026-03-02", "08:00:00", SHORE_FLOW_EXPENSE, 1250, 0, "美团外卖", "", "wechat:4200001@2026-03-02T08:00:00", FALSE, "Food & Dining", "WeChat Pay", "午饭" },
    { "2026-03-03", "", SHORE_FLOW_EXPENSE, 777, 0, "超市", "", "", FALSE, "Shopping", "Pocket" },
    { "2026-03-04", "", SHORE_FLOW_INCOME, 5000, 0, "", "", "", FALSE, "Transfers", "Pocket" },
    { "2026-03-05", "", SHORE_FLOW_EXPENSE, 100, 0, "?", "", "", FALSE, "No such thing", "" },
  };
  g_autoptr(Bill) first = make_bill (SHORE_IMPORT_KIND_WECHAT, wechat, G_N_ELEMENTS (wechat), 0);
  g_autoptr(Bill) bill = make_bill (SHORE_IMPORT_KIND_CSV, csv, G_N_ELEMENTS (csv), 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) plan = NULL;
  ShoreImportSummary summary = { 0 };

  g_assert_true (import (f, first, FALSE, &summary, NULL, &error));
  g_assert_true (import (f, bill, FALSE, &summary, &plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.duplicates, ==, 1);
  g_assert_cmpuint (summary.transactions, ==, 3);
  g_assert_cmpuint (summary.neutral_count, ==, 1);
  g_assert_cmpint (g_array_index (plan, ShoreImportPlan, 1).category_id, ==, shore_test_builtin (f->store, "shopping"));
  g_assert_cmpint (g_array_index (plan, ShoreImportPlan, 2).category_id, ==, shore_test_builtin (f->store, "transfer"));
  g_assert_cmpint (g_array_index (plan, ShoreImportPlan, 3).category_id, ==, 0);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM accounts WHERE name = 'Pocket'"), ==, 1);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT amount FROM transactions t JOIN categories c ON c.id = t.category_id"
                                        " WHERE c.builtin_key = 'transfer'"), ==, 5000);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM transactions t JOIN accounts a ON a.id = t.account_id"
                                        " WHERE a.kind = 'cash' AND t.payee = '?'"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/ledger-import/counts", test_import_counts);
  ADD ("/ledger-import/reimport", test_reimport);
  ADD ("/ledger-import/identical-rows", test_identical_rows);
  ADD ("/ledger-import/dry-run", test_dry_run);
  ADD ("/ledger-import/cancel", test_cancel);
  ADD ("/ledger-import/bad-row", test_bad_row_rolls_back);
  ADD ("/ledger-import/loans-and-learning", test_loans_and_learning);
  ADD ("/ledger-import/undo", test_undo_import);
  ADD ("/ledger-import/export", test_export);
  ADD ("/ledger-import/csv-rows", test_csv_rows);

  return g_test_run ();
}
