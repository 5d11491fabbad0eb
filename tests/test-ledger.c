/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The ledger on a real database in a fresh folder per test. */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "shore-debts.h"
#include "shore-ledger.h"
#include "shore-ledger-private.h"
#include "shore-money.h"
#include "shore-store.h"
#include "shore-store-private.h"
#include "shore-test-util.h"

typedef struct
{
  char       *data_dir;
  ShoreStore *store;
  gint64      cash;
  gint64      bank;
} Fixture;

static gint64
add_account (ShoreStore       *store,
             const char       *name,
             ShoreAccountKind  kind)
{
  g_autoptr(GError) error = NULL;
  ShoreAccount account = { 0 };

  account.name = (char *) name;
  account.kind = kind;
  g_assert_true (shore_ledger_add_account (store, &account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (account.id, >, 0);
  return account.id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = shore_test_store_new (&f->data_dir);
  f->cash = add_account (f->store, "Wallet", SHORE_ACCOUNT_CASH);
  f->bank = add_account (f->store, "Bank", SHORE_ACCOUNT_BANK);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  shore_test_store_free (&f->store, &f->data_dir);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

static gint64
add_txn (Fixture    *f,
         const char *iso,
         gint64      amount,
         gint64      account_id,
         gint64      category_id,
         const char *payee)
{
  return shore_test_add_txn_id (f->store, iso, amount, account_id, category_id, payee);
}

static gint64
add_loan (Fixture    *f,
          const char *lender,
          gint64      principal,
          const char *start,
          int         term)
{
  g_autoptr(ShoreLoan) loan = shore_test_loan_new (lender, SHORE_LENDER_PLATFORM, principal, start);

  loan->rate = (ShoreRate) { SHORE_RATE_MONTHLY, 0 };
  loan->term_months = term;
  loan->method = SHORE_METHOD_EQUAL_PRINCIPAL;
  return shore_test_store_loan (f->store, loan);
}

/* ---- Accounts ---------------------------------------------------------- */

static void
test_accounts (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(ShoreAccount) got = NULL;
  ShoreAccount dup = { 0 };
  ShoreAccount update = { 0 };
  gint64 empty, wechat, again;

  /* names: unique, not empty */
  dup.name = (char *) "Wallet";
  g_assert_false (shore_ledger_add_account (f->store, &dup, &error));
  g_assert_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Wallet"));
  g_clear_error (&error);
  dup.name = (char *) "  ";
  g_assert_false (shore_ledger_add_account (f->store, &dup, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  update.id = f->bank;
  update.name = (char *) "Wallet";
  update.kind = SHORE_ACCOUNT_BANK;
  g_assert_false (shore_ledger_update_account (f->store, &update, &error));
  g_assert_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  update.name = (char *) "Salary card";
  update.opening_balance = 100000;
  g_assert_true (shore_ledger_update_account (f->store, &update, &error));
  g_assert_no_error (error);

  /* balance = opening + entries */
  add_txn (f, "2026-03-01", -2550, f->bank, 0, "x");
  got = shore_ledger_get_account (f->store, f->bank, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->name, ==, "Salary card");
  g_assert_cmpint (got->balance, ==, 100000 - 2550);

  /* remove: deleted when unused, archived when in use */
  empty = add_account (f->store, "Spare", SHORE_ACCOUNT_OTHER);
  g_assert_true (shore_ledger_remove_account (f->store, empty, &error));
  g_assert_no_error (error);
  g_assert_null (shore_ledger_get_account (f->store, empty, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (shore_ledger_remove_account (f->store, f->bank, &error));
  accounts = shore_ledger_list_accounts (f->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
  g_clear_pointer (&accounts, g_ptr_array_unref);
  accounts = shore_ledger_list_accounts (f->store, TRUE, &error);
  g_assert_cmpuint (accounts->len, ==, 2);
  g_assert_true (((ShoreAccount *) accounts->pdata[1])->archived);

  /* ensure: created once, with the kind's label */
  wechat = shore_ledger_ensure_account (f->store, SHORE_ACCOUNT_WECHAT, &error);
  g_assert_no_error (error);
  again = shore_ledger_ensure_account (f->store, SHORE_ACCOUNT_WECHAT, &error);
  g_assert_cmpint (wechat, ==, again);
  g_clear_pointer (&got, shore_account_free);
  got = shore_ledger_get_account (f->store, wechat, &error);
  g_assert_cmpstr (got->name, ==, "WeChat Pay");
  g_assert_cmpint (got->kind, ==, SHORE_ACCOUNT_WECHAT);
  g_assert_cmpint (shore_ledger_ensure_account (f->store, SHORE_ACCOUNT_CASH, &error), ==, f->cash);

  for (int k = SHORE_ACCOUNT_CASH; k <= SHORE_ACCOUNT_OTHER; k++)
    {
      ShoreAccountKind back;

      g_assert_true (shore_account_kind_from_string (shore_account_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
      g_assert_nonnull (shore_account_kind_get_icon (k));
    }
}

/* ---- Categories -------------------------------------------------------- */

static void
test_categories (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = shore_ledger_list_categories (f->store, -1, FALSE, &error);
  g_autoptr(GPtrArray) income = NULL;
  g_autoptr(ShoreCategory) food = NULL;
  const ShoreLedgerBuiltin *builtins;
  ShoreCategory sub = { 0 };
  ShoreCategory bad = { 0 };
  guint n;

  /* migration 2 created exactly the table of shore-ledger.c, in order */
  builtins = shore_ledger_get_builtins (&n);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, n);
  g_assert_cmpuint (n, ==, 22);
  for (guint i = 0; i < n; i++)
    {
      ShoreCategory *category = g_ptr_array_index (all, i);

      g_assert_cmpstr (category->builtin_key, ==, builtins[i].key);
      g_assert_cmpstr (category->name, ==, builtins[i].name);
      g_assert_cmpint (category->kind, ==, builtins[i].kind);
      g_assert_cmpstr (category->icon, ==, builtins[i].icon);
      g_assert_cmpint (shore_ledger_find_builtin (f->store, builtins[i].key, &error), ==, category->id);
    }
  g_assert_cmpint (shore_ledger_find_builtin (f->store, "nope", &error), ==, 0);
  g_assert_no_error (error);

  income = shore_ledger_list_categories (f->store, SHORE_CATEGORY_INCOME, FALSE, &error);
  g_assert_cmpuint (income->len, ==, 6);

  /* a built-in renamed shows the user's name; renamed back, the translation */
  food = shore_ledger_get_category (f->store, shore_test_builtin (f->store, "food"), &error);
  g_free (food->name);
  food->name = g_strdup ("Meals");
  g_assert_true (shore_ledger_update_category (f->store, food, &error));
  g_assert_no_error (error);
  g_clear_pointer (&food, shore_category_free);
  food = shore_ledger_get_category (f->store, shore_test_builtin (f->store, "food"), &error);
  g_assert_cmpstr (food->name, ==, "Meals");
  g_free (food->name);
  food->name = g_strdup ("Food & Dining");
  g_assert_true (shore_ledger_update_category (f->store, food, &error));
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM categories WHERE builtin_key = 'food'"
                              " AND name = 'Food & Dining'"), ==, 1);
  g_assert_cmpstr (shore_ledger_category_display_name ("food", "Food & Dining"), ==, "Food & Dining");
  g_assert_cmpstr (shore_ledger_category_display_name ("food", "Meals"), ==, "Meals");
  g_assert_cmpstr (shore_ledger_category_display_name (NULL, "Mine"), ==, "Mine");

  /* subcategories: same kind, one level */
  sub.name = (char *) "Takeaway";
  sub.kind = SHORE_CATEGORY_EXPENSE;
  sub.parent_id = food->id;
  g_assert_true (shore_ledger_add_category (f->store, &sub, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sub.icon, ==, "view-more-horizontal-symbolic");
  g_free (sub.icon);

  bad.name = (char *) "Tips";
  bad.kind = SHORE_CATEGORY_INCOME;
  bad.parent_id = food->id;
  g_assert_false (shore_ledger_add_category (f->store, &bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  bad.kind = SHORE_CATEGORY_EXPENSE;
  bad.parent_id = sub.id;
  g_assert_false (shore_ledger_add_category (f->store, &bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* a category in use keeps its kind */
  add_txn (f, "2026-03-01", -100, f->cash, sub.id, "x");
  sub.kind = SHORE_CATEGORY_INCOME;
  sub.parent_id = 0;
  g_assert_false (shore_ledger_update_category (f->store, &sub, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* archive hides it from pickers */
  g_assert_true (shore_ledger_archive_category (f->store, sub.id, &error));
  g_clear_pointer (&all, g_ptr_array_unref);
  all = shore_ledger_list_categories (f->store, -1, FALSE, &error);
  g_assert_cmpuint (all->len, ==, 22);
  g_assert_true (shore_ledger_unarchive_category (f->store, sub.id, &error));
  g_clear_pointer (&all, g_ptr_array_unref);
  all = shore_ledger_list_categories (f->store, -1, FALSE, &error);
  g_assert_cmpuint (all->len, ==, 23);
}

/* ---- Transactions ------------------------------------------------------ */

typedef struct
{
  const char *date;
  const char *time;
  gint64      amount;
  gboolean    good_account;
  const char *category;
  GQuark      (*domain) (void);
} InvalidCase;

static GQuark
io_quark (void)
{
  return G_IO_ERROR;
}

static void
test_transactions_validate (Fixture       *f,
                            gconstpointer  data)
{
  static const InvalidCase cases[] = {
    { "2026-03-01", "12:30", -100, TRUE, "food" },      /* fine */
    { NULL, NULL, -100, TRUE, NULL, io_quark },          /* no date */
    { "2026-03-01", NULL, 0, TRUE, NULL, io_quark },     /* zero */
    { "2026-03-01", NULL, -100, FALSE, NULL, io_quark }, /* no account */
    { "2026-03-01", NULL, 100, TRUE, "food", io_quark }, /* income in a spending category */
    { "2026-03-01", NULL, -100, TRUE, "salary", io_quark },
    { "2026-03-01", "24:00", -100, TRUE, NULL, io_quark },
    { "2026-03-01", "9:30", -100, TRUE, NULL, io_quark },
    { "2026-03-01", NULL, 100, TRUE, "transfer" },      /* neutral: either sign */
    { "2026-03-01", "23:59:59", 100, TRUE, "salary" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      ShoreTxnData txn = { 0 };

      g_test_message ("case %u", i);
      if (cases[i].date != NULL)
        txn.date = shore_test_date (cases[i].date);
      else
        g_date_clear (&txn.date, 1);
      txn.time = (char *) cases[i].time;
      txn.amount = cases[i].amount;
      txn.account_id = cases[i].good_account ? f->cash : 9999;
      txn.category_id = cases[i].category != NULL ? shore_test_builtin (f->store, cases[i].category) : 0;

      if (cases[i].domain == NULL)
        {
          g_assert_true (shore_ledger_add_transaction (f->store, &txn, &error));
          g_assert_no_error (error);
          g_assert_cmpint (txn.id, >, 0);
        }
      else
        {
          g_assert_false (shore_ledger_add_transaction (f->store, &txn, &error));
          g_assert_error (error, cases[i].domain (), G_IO_ERROR_INVALID_ARGUMENT);
        }
    }
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM transactions"), ==, 3);
}

static void
test_transactions_update (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_txn (f, "2026-03-01", -1250, f->cash, shore_test_builtin (f->store, "food"), "Noodles");
  ShoreTxnData got = { 0 };

  g_assert_true (shore_ledger_get_transaction (f->store, id, &got, &error));
  g_assert_cmpint (got.amount, ==, -1250);
  g_assert_cmpstr (got.payee, ==, "Noodles");
  g_assert_null (got.time);
  g_assert_null (got.import_source);

  got.amount = -1500;
  g_free (got.note);
  got.note = g_strdup ("with tea");
  g_assert_true (shore_ledger_update_transaction (f->store, &got, &error));
  g_assert_no_error (error);
  shore_txn_data_clear (&got);
  g_assert_true (shore_ledger_get_transaction (f->store, id, &got, &error));
  g_assert_cmpint (got.amount, ==, -1500);
  g_assert_cmpstr (got.note, ==, "with tea");

  got.amount = 1500;   /* positive in a spending category */
  g_assert_false (shore_ledger_update_transaction (f->store, &got, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  got.id = 123456;
  got.amount = -1;
  g_assert_false (shore_ledger_update_transaction (f->store, &got, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  shore_txn_data_clear (&got);

  g_assert_false (shore_ledger_get_transaction (f->store, 123456, &got, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
assert_same_txn (const ShoreTxnData *a,
                 const ShoreTxnData *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpint (g_date_compare (&a->date, &b->date), ==, 0);
  g_assert_cmpstr (a->time, ==, b->time);
  g_assert_cmpint (a->amount, ==, b->amount);
  g_assert_cmpint (a->account_id, ==, b->account_id);
  g_assert_cmpint (a->category_id, ==, b->category_id);
  g_assert_cmpstr (a->payee, ==, b->payee);
  g_assert_cmpstr (a->note, ==, b->note);
  g_assert_cmpint (a->loan_id, ==, b->loan_id);
  g_assert_cmpint (a->transfer_peer_id, ==, b->transfer_peer_id);
}

static void
test_transfer_delete_restore (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) deleted = NULL;
  g_autoptr(GArray) before = g_array_new (FALSE, TRUE, sizeof (ShoreTxnData));
  GDate day = shore_test_date ("2026-03-05");
  gint64 from_id = 0, to_id = 0, other;
  gint64 ids[2];

  g_array_set_clear_func (before, (GDestroyNotify) shore_txn_data_clear);

  g_assert_false (shore_ledger_add_transfer (f->store, &day, 5000, f->cash, f->cash, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (shore_ledger_add_transfer (f->store, &day, 5000, f->bank, f->cash, "ATM",
                                            &from_id, &to_id, &error));
  g_assert_no_error (error);
  other = add_txn (f, "2026-03-06", -300, f->cash, 0, "Bus");

  for (guint i = 0; i < 3; i++)
    {
      ShoreTxnData got = { 0 };

      g_assert_true (shore_ledger_get_transaction (f->store, i == 0 ? from_id : i == 1 ? to_id : other,
                                                   &got, &error));
      g_array_append_val (before, got);
    }
  g_assert_cmpint (g_array_index (before, ShoreTxnData, 0).amount, ==, -5000);
  g_assert_cmpint (g_array_index (before, ShoreTxnData, 0).account_id, ==, f->bank);
  g_assert_cmpint (g_array_index (before, ShoreTxnData, 0).transfer_peer_id, ==, to_id);
  g_assert_cmpint (g_array_index (before, ShoreTxnData, 1).amount, ==, 5000);
  g_assert_cmpint (g_array_index (before, ShoreTxnData, 1).transfer_peer_id, ==, from_id);
  g_assert_cmpint (g_array_index (before, ShoreTxnData, 1).category_id, ==, shore_test_builtin (f->store, "transfer"));

  /* deleting one half of a transfer takes the other with it */
  ids[0] = to_id;
  ids[1] = other;
  g_assert_true (shore_ledger_delete_transactions (f->store, ids, 2, &deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->len, ==, 3);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count (*) FROM transactions"), ==, 0);

  g_assert_true (shore_ledger_restore_transactions (f->store, deleted, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < before->len; i++)
    {
      const ShoreTxnData *want = &g_array_index (before, ShoreTxnData, i);
      ShoreTxnData got = { 0 };

      g_assert_true (shore_ledger_get_transaction (f->store, want->id, &got, &error));
      assert_same_txn (want, &got);
      shore_txn_data_clear (&got);
    }
}

/* ---- The paged list ---------------------------------------------------- */

#define N_ROWS 10000

static void
fill_rows (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  /* 10,000 rows over ~1 year, a few per day with times; every 7th
   * uncategorised, every 5th on the bank account, every 10th income */
  sql = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
    " INSERT INTO transactions (date, time, amount, account_id, category_id, payee, note)"
    " SELECT date ('2025-01-01', '+' || (i / 27) || ' days'), printf ('%%02d:%%02d', i %% 24, (i * 7) %% 60),"
    "  CASE WHEN i %% 10 = 0 THEN i * 10 ELSE -i END,"
    "  CASE WHEN i %% 5 = 0 THEN %" G_GINT64_FORMAT " ELSE %" G_GINT64_FORMAT " END,"
    "  CASE WHEN i %% 7 = 0 THEN NULL WHEN i %% 10 = 0 THEN %" G_GINT64_FORMAT " ELSE %" G_GINT64_FORMAT " END,"
    "  'Shop ' || (i %% 100), CASE WHEN i %% 1000 = 1 THEN 'needle' ELSE '' END FROM n",
    N_ROWS, f->bank, f->cash, shore_test_builtin (f->store, "salary"), shore_test_builtin (f->store, "food"));
  g_assert_true (shore_store_exec (f->store, sql, &error));
  g_assert_no_error (error);
}

static gint64
nth_id (Fixture    *f,
        const char *where,
        guint       n)
{
  g_autofree char *sql = g_strdup_printf ("SELECT t.id FROM transactions t %s"
                                          " ORDER BY t.date DESC, t.time DESC, t.id DESC LIMIT 1 OFFSET %u",
                                          where, n);

  return shore_test_query_int (f->store, sql);
}

static gint64
item_id (GListModel *model,
         guint       position)
{
  g_autoptr(ShoreTransaction) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return shore_transaction_get_data (item)->id;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  g_assert_cmpuint (position, ==, 0);
  calls[0]++;
  calls[1] = removed;
  calls[2] = added;
}

static void
test_list_paging (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ShoreTransactionList) list = NULL;
  GListModel *model;
  ShoreTxnFilter filter;
  guint calls[3] = { 0 };
  static const guint spots[] = { 0, 1, 255, 256, 257, 5000, 5001, 9743, N_ROWS - 1 };
  char *previous_key = NULL;
  gint64 previous_id = 0;

  fill_rows (f);
  list = shore_transaction_list_new (f->store, NULL);
  model = G_LIST_MODEL (list);
  g_assert_cmpuint (g_list_model_get_item_type (model), ==, SHORE_TYPE_TRANSACTION);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_ROWS);
  g_assert_null (g_list_model_get_item (model, N_ROWS));

  for (guint i = 0; i < G_N_ELEMENTS (spots); i++)
    g_assert_cmpint (item_id (model, spots[i]), ==, nth_id (f, "", spots[i]));

  /* the whole list: newest first (date, time, id descending); pages are
   * evicted and read again */
  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autoptr(ShoreTransaction) item = g_list_model_get_item (model, i);
      const ShoreTxnData *txn = shore_transaction_get_data (item);
      g_autofree char *day = shore_date_format_iso (&txn->date);
      char *key = g_strdup_printf ("%s %s", day, txn->time != NULL ? txn->time : "");

      if (previous_key != NULL)
        {
          int c = strcmp (key, previous_key);

          g_assert_true (c < 0 || (c == 0 && txn->id < previous_id));
        }
      g_free (previous_key);
      previous_key = key;
      previous_id = txn->id;
    }
  g_free (previous_key);
  g_assert_cmpint (item_id (model, 17), ==, nth_id (f, "", 17));

  /* filters */
  shore_txn_filter_init (&filter);
  filter.account_id = f->bank;
  shore_transaction_list_set_filter (list, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_ROWS / 5);
  g_assert_cmpint (item_id (model, 1000), ==, nth_id (f, "WHERE t.account_id = 2", 1000));

  shore_txn_filter_init (&filter);
  filter.category_id = -1;
  shore_transaction_list_set_filter (list, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_ROWS / 7);

  shore_txn_filter_init (&filter);
  filter.text = g_strdup ("NEEDLE");
  shore_transaction_list_set_filter (list, &filter);
  shore_txn_filter_clear (&filter);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10);
  g_assert_cmpint (shore_transaction_list_get_total (list), ==,
                   shore_test_query_int (f->store, "SELECT sum (amount) FROM transactions WHERE note = 'needle'"));

  shore_txn_filter_init (&filter);
  filter.flow = SHORE_FLOW_INCOME;
  filter.from = shore_test_date ("2025-06-01");
  filter.to = shore_test_date ("2025-06-30");
  shore_transaction_list_set_filter (list, &filter);
  g_assert_cmpint (g_list_model_get_n_items (model), ==,
                   shore_test_query_int (f->store, "SELECT count (*) FROM transactions WHERE amount > 0"
                              " AND date BETWEEN '2025-06-01' AND '2025-06-30'"));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  {
    g_autoptr(ShoreTransaction) item = g_list_model_get_item (model, 0);
    g_autofree char *amount_text = NULL;
    int flow = -1;

    g_object_get (item, "amount-text", &amount_text, "flow", &flow, NULL);
    g_assert_cmpint (flow, ==, SHORE_FLOW_INCOME);
    g_assert_true (g_str_has_prefix (amount_text, "+¥"));
  }

  /* reload: one items-changed for the whole list */
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), calls);
  add_txn (f, "2025-06-15", 100, f->cash, 0, "new");
  shore_transaction_list_reload (list);
  g_assert_cmpuint (calls[0], ==, 1);
  g_assert_cmpuint (calls[2], ==, calls[1] + 1);
}

static void
test_transaction_item (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ShoreTransactionList) list = NULL;
  g_autoptr(GError) error = NULL;
  GDate day = shore_test_date ("2026-11-24");

  add_txn (f, "2026-11-20", -1250, f->cash, shore_test_builtin (f->store, "food"), "");
  add_txn (f, "2026-11-21", 800000, f->bank, shore_test_builtin (f->store, "salary"), "ACME");
  g_assert_true (shore_ledger_add_transfer (f->store, &day, 30000, f->bank, f->cash, NULL, NULL, NULL, &error));

  list = shore_transaction_list_new (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);

  {
    static const struct
    {
      guint       position;
      const char *payee, *subtitle, *date, *amount, *icon;
      int         flow;
    } expect[] = {
      { 2, "ACME", "Salary · Bank", "2026-11-21", "+¥8,000.00", "applications-engineering-symbolic", SHORE_FLOW_INCOME },
      { 3, "Food & Dining", "Food & Dining · Wallet", "2026-11-20", "\u2212¥12.50", "emoji-food-symbolic", SHORE_FLOW_EXPENSE },
      { 0, "Transfers", "Transfers · Wallet", "2026-11-24", "¥300.00", "mail-send-receive-symbolic", SHORE_FLOW_NEUTRAL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
      {
        g_autoptr(ShoreTransaction) item = g_list_model_get_item (G_LIST_MODEL (list), expect[i].position);
        g_autofree char *payee = NULL, *subtitle = NULL, *date_text = NULL, *amount = NULL, *icon = NULL;
        int flow = -1;

        g_object_get (item, "payee", &payee, "subtitle", &subtitle, "date-text", &date_text,
                      "amount-text", &amount, "icon-name", &icon, "flow", &flow, NULL);
        g_assert_cmpstr (payee, ==, expect[i].payee);
        g_assert_cmpstr (subtitle, ==, expect[i].subtitle);
        g_assert_cmpstr (date_text, ==, expect[i].date);
        g_assert_cmpstr (amount, ==, expect[i].amount);
        g_assert_cmpstr (icon, ==, expect[i].icon);
        g_assert_cmpint (flow, ==, expect[i].flow);
        g_assert_cmpint (shore_transaction_get_flow (item), ==, expect[i].flow);
      }
  }
}

/* ---- Budgets and the month --------------------------------------------- */

static void
test_budgets (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lines = NULL;
  gint64 food = shore_test_builtin (f->store, "food");
  gint64 transport = shore_test_builtin (f->store, "transport");
  ShoreCategory sub = { 0 };
  const ShoreBudgetLine *line;

  sub.name = (char *) "Takeaway";
  sub.kind = SHORE_CATEGORY_EXPENSE;
  sub.parent_id = food;
  g_assert_true (shore_ledger_add_category (f->store, &sub, &error));
  g_free (sub.icon);

  g_assert_true (shore_ledger_set_budget (f->store, food, 0, 0, 150000, &error));
  g_assert_true (shore_ledger_set_budget (f->store, food, 2026, 2, 120000, &error));
  g_assert_true (shore_ledger_set_budget (f->store, 0, 0, 0, 300000, &error));
  g_assert_no_error (error);
  g_assert_false (shore_ledger_set_budget (f->store, shore_test_builtin (f->store, "salary"), 0, 0, 100, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  add_txn (f, "2026-02-03", -10000, f->cash, food, "a");
  add_txn (f, "2026-02-04", -5000, f->cash, sub.id, "b");
  add_txn (f, "2026-02-05", -40000, f->cash, transport, "c");
  add_txn (f, "2026-02-06", -99900, f->cash, shore_test_builtin (f->store, "debt"), "loan");
  add_txn (f, "2026-03-06", -7000, f->cash, food, "d");

  /* February: the month's own food budget */
  lines = shore_ledger_budget_lines (f->store, 2026, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 4);   /* overall, debt, transport, food */
  line = &g_array_index (lines, ShoreBudgetLine, 0);
  g_assert_cmpint (line->category_id, ==, 0);
  g_assert_cmpint (line->amount, ==, 300000);
  g_assert_cmpint (line->spent, ==, 55000);   /* debt repayments aside */
  g_assert_true (line->every_month);
  line = &g_array_index (lines, ShoreBudgetLine, 3);
  g_assert_cmpint (line->category_id, ==, food);
  g_assert_cmpint (line->amount, ==, 120000);
  g_assert_false (line->every_month);
  g_assert_cmpint (line->spent, ==, 15000);   /* with its subcategory */
  g_assert_cmpint (g_array_index (lines, ShoreBudgetLine, 2).category_id, ==, transport);
  g_assert_cmpint (g_array_index (lines, ShoreBudgetLine, 2).amount, ==, 0);
  g_clear_pointer (&lines, g_array_unref);

  /* March: the standing one */
  lines = shore_ledger_budget_lines (f->store, 2026, 3, &error);
  g_assert_cmpuint (lines->len, ==, 2);
  line = &g_array_index (lines, ShoreBudgetLine, 1);
  g_assert_cmpint (line->amount, ==, 150000);
  g_assert_true (line->every_month);
  g_assert_cmpint (line->spent, ==, 7000);
  g_clear_pointer (&lines, g_array_unref);

  /* amount 0 removes */
  g_assert_true (shore_ledger_set_budget (f->store, 0, 0, 0, 0, &error));
  lines = shore_ledger_budget_lines (f->store, 2026, 3, &error);
  g_assert_cmpuint (lines->len, ==, 1);
}

static void
test_month_summary (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ShoreMonthSummary summary;
  ShoreRecurring salary = { 0 };
  GDate today = shore_test_date ("2026-03-10");
  gint64 food = shore_test_builtin (f->store, "food");
  gint64 transport = shore_test_builtin (f->store, "transport");
  gint64 loan;

  /* March 2026, today the 10th:
   *   income received      3,000.00 (side income)
   *   food spent             400.00   budget 600.00 → counts 600.00
   *   transport spent        300.00   budget 200.00 → counts 300.00
   *   uncategorised spent     50.00                  → counts  50.00
   *   debt repayment         500.00 (not spending)
   *   transfer               999.00 (neutral, ignored)
   *   salary due the 25th  5,000.00 (recurring, still to come)
   *   loan 1,200.00 over 12 months from 2026-01-15 at 0 %: 100.00 due 03-15
   * spending = 750.00; budget_total = 800.00; left = 50.00
   * surplus = 3,000 + 5,000 − (600 + 300 + 50) = 7,050.00 */
  add_txn (f, "2026-03-01", 300000, f->bank, shore_test_builtin (f->store, "side-income"), "job");
  add_txn (f, "2026-03-02", -40000, f->cash, food, "food");
  add_txn (f, "2026-03-03", -30000, f->cash, transport, "bus");
  add_txn (f, "2026-03-04", -5000, f->cash, 0, "?");
  add_txn (f, "2026-03-05", -50000, f->cash, shore_test_builtin (f->store, "debt"), "lender");
  add_txn (f, "2026-02-05", -12345, f->cash, food, "last month");
  add_txn (f, "2026-03-06", -99900, f->bank, shore_test_builtin (f->store, "transfer"), "me");
  g_assert_true (shore_ledger_set_budget (f->store, food, 0, 0, 60000, &error));
  g_assert_true (shore_ledger_set_budget (f->store, transport, 2026, 3, 20000, &error));

  salary.kind = SHORE_RECURRING_INCOME;
  salary.amount = 500000;
  salary.account_id = f->bank;
  salary.category_id = shore_test_builtin (f->store, "salary");
  salary.payee = (char *) "ACME";
  salary.day_of_month = 25;
  salary.start_date = shore_test_date ("2026-01-01");
  g_date_clear (&salary.end_date, 1);
  salary.last_posted = shore_test_date ("2026-02-25");
  g_assert_true (shore_ledger_add_recurring (f->store, &salary, &error));
  g_assert_no_error (error);

  loan = add_loan (f, "微粒贷", 120000, "2026-01-15", 12);
  {
    ShorePayment paid = { 0 };

    paid.date = shore_test_date ("2026-02-15");
    paid.amount = 10000;   /* February's installment */
    g_assert_true (shore_debts_add_payment (f->store, loan, &paid, &error));
  }

  g_assert_true (shore_ledger_month_summary (f->store, &today, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summary.year, ==, 2026);
  g_assert_cmpint (summary.month, ==, 3);
  g_assert_cmpint (summary.income, ==, 300000);
  g_assert_cmpint (summary.spending, ==, 75000);
  g_assert_cmpint (summary.debt_paid, ==, 50000);
  g_assert_cmpint (summary.budget_total, ==, 80000);
  g_assert_cmpint (summary.budget_left, ==, 5000);
  g_assert_cmpint (summary.expected_income, ==, 500000);
  g_assert_cmpint (summary.debt_due, ==, 10000);
  g_assert_cmpint (summary.surplus_for_debt, ==, 705000);
}

static void
test_reports (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) totals = NULL;
  g_autoptr(GArray) trend = NULL;
  GDate from = shore_test_date ("2026-03-01"), to = shore_test_date ("2026-03-31");
  gint64 food = shore_test_builtin (f->store, "food");
  ShoreCategory sub = { 0 };
  const ShoreMonthTotal *m;

  sub.name = (char *) "Takeaway";
  sub.kind = SHORE_CATEGORY_EXPENSE;
  sub.parent_id = food;
  g_assert_true (shore_ledger_add_category (f->store, &sub, &error));
  g_free (sub.icon);

  add_txn (f, "2026-03-02", -1000, f->cash, food, "");
  add_txn (f, "2026-03-03", -2500, f->cash, sub.id, "");
  add_txn (f, "2026-03-04", -3000, f->cash, shore_test_builtin (f->store, "debt"), "");
  add_txn (f, "2026-03-05", -700, f->cash, 0, "");
  add_txn (f, "2026-03-06", -9999, f->cash, shore_test_builtin (f->store, "transfer"), "");
  add_txn (f, "2026-03-07", 8000, f->cash, shore_test_builtin (f->store, "salary"), "");
  add_txn (f, "2026-01-07", -100, f->cash, food, "");
  add_txn (f, "2025-12-31", 100, f->cash, shore_test_builtin (f->store, "salary"), "");

  totals = shore_ledger_spending_by_category (f->store, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (totals->len, ==, 3);
  g_assert_cmpint (g_array_index (totals, ShoreCategoryTotal, 0).category_id, ==, food);
  g_assert_cmpint (g_array_index (totals, ShoreCategoryTotal, 0).amount, ==, 3500);
  g_assert_cmpstr (g_array_index (totals, ShoreCategoryTotal, 0).name, ==, "Food & Dining");
  g_assert_cmpint (g_array_index (totals, ShoreCategoryTotal, 1).amount, ==, 3000);
  g_assert_cmpint (g_array_index (totals, ShoreCategoryTotal, 2).category_id, ==, 0);
  g_assert_cmpint (g_array_index (totals, ShoreCategoryTotal, 2).amount, ==, 700);
  g_assert_cmpstr (g_array_index (totals, ShoreCategoryTotal, 2).name, ==, "Uncategorized");

  trend = shore_ledger_monthly_trend (f->store, 2026, 3, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trend->len, ==, 4);
  m = &g_array_index (trend, ShoreMonthTotal, 0);
  g_assert_cmpint (m->year, ==, 2025);
  g_assert_cmpint (m->month, ==, 12);
  g_assert_cmpint (m->income, ==, 100);
  m = &g_array_index (trend, ShoreMonthTotal, 1);
  g_assert_cmpint (m->spending, ==, 100);
  m = &g_array_index (trend, ShoreMonthTotal, 2);
  g_assert_cmpint (m->income + m->spending + m->debt_paid, ==, 0);
  m = &g_array_index (trend, ShoreMonthTotal, 3);
  g_assert_cmpint (m->month, ==, 3);
  g_assert_cmpint (m->income, ==, 8000);
  g_assert_cmpint (m->spending, ==, 4200);
  g_assert_cmpint (m->debt_paid, ==, 3000);
}

/* ---- What is coming ---------------------------------------------------- */

static void
test_upcoming (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) upcoming = NULL;
  g_autoptr(GArray) payments = NULL;
  g_autoptr(GArray) after = NULL;
  ShoreRecurring rent = { 0 };
  GDate today = shore_test_date ("2026-02-20");
  ShoreTxnData txn = { 0 };
  const ShoreUpcoming *u;
  gint64 loan, txn_id = 0;

  rent.kind = SHORE_RECURRING_EXPENSE;
  rent.amount = 150000;
  rent.account_id = f->bank;
  rent.category_id = shore_test_builtin (f->store, "housing");
  rent.payee = (char *) "Landlord";
  rent.day_of_month = 31;
  rent.start_date = shore_test_date ("2026-01-01");
  g_date_clear (&rent.end_date, 1);
  g_date_clear (&rent.last_posted, 1);
  g_assert_true (shore_ledger_add_recurring (f->store, &rent, &error));
  g_assert_no_error (error);

  /* 300.00 over 3 months at 0 %: 100.00 on 02-15, 03-15, 04-15 */
  loan = add_loan (f, "微粒贷", 30000, "2026-01-15", 3);

  upcoming = shore_ledger_upcoming (f->store, &today, 30, &error);
  g_assert_no_error (error);
  /* rent 01-31 (overdue), loan 02-15 (overdue), rent 02-28 (clamped), loan 03-15 */
  g_assert_cmpuint (upcoming->len, ==, 4);
  u = &g_array_index (upcoming, ShoreUpcoming, 0);
  g_assert_cmpint (u->recurring_id, ==, rent.id);
  g_assert_cmpint (g_date_get_day (&u->date), ==, 31);
  g_assert_cmpint (u->amount, ==, -150000);
  g_assert_true (u->overdue);
  u = &g_array_index (upcoming, ShoreUpcoming, 1);
  g_assert_cmpint (u->loan_id, ==, loan);
  g_assert_cmpint (u->period, ==, 1);
  g_assert_cmpint (u->amount, ==, -10000);
  g_assert_cmpstr (u->payee, ==, "微粒贷");
  g_assert_true (u->overdue);
  u = &g_array_index (upcoming, ShoreUpcoming, 2);
  g_assert_cmpint (g_date_get_day (&u->date), ==, 28);
  g_assert_false (u->overdue);
  u = &g_array_index (upcoming, ShoreUpcoming, 3);
  g_assert_cmpint (u->period, ==, 2);

  /* recording the installment writes the entry and the loan payment */
  u = &g_array_index (upcoming, ShoreUpcoming, 1);
  g_assert_true (shore_ledger_record_upcoming (f->store, u, f->cash, &txn_id, &error));
  g_assert_no_error (error);
  g_assert_true (shore_ledger_get_transaction (f->store, txn_id, &txn, &error));
  g_assert_cmpint (txn.amount, ==, -10000);
  g_assert_cmpint (txn.loan_id, ==, loan);
  g_assert_cmpint (txn.category_id, ==, shore_test_builtin (f->store, "debt"));
  g_assert_cmpint (txn.account_id, ==, f->cash);
  shore_txn_data_clear (&txn);
  payments = shore_debts_get_payments (f->store, loan, &error);
  g_assert_cmpuint (payments->len, ==, 1);
  g_assert_cmpint (g_array_index (payments, ShorePayment, 0).amount, ==, 10000);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT transaction_id FROM payments"), ==, txn_id);

  /* recording the rent marks it posted (its own account when 0) */
  u = &g_array_index (upcoming, ShoreUpcoming, 0);
  g_assert_true (shore_ledger_record_upcoming (f->store, u, 0, &txn_id, &error));
  g_assert_true (shore_ledger_get_transaction (f->store, txn_id, &txn, &error));
  g_assert_cmpint (txn.account_id, ==, f->bank);
  shore_txn_data_clear (&txn);

  after = shore_ledger_upcoming (f->store, &today, 30, &error);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_cmpint (g_date_get_day (&g_array_index (after, ShoreUpcoming, 0).date), ==, 28);
  g_assert_cmpint (g_array_index (after, ShoreUpcoming, 1).period, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/ledger/accounts", test_accounts);
  ADD ("/ledger/categories", test_categories);
  ADD ("/ledger/transactions/validate", test_transactions_validate);
  ADD ("/ledger/transactions/update", test_transactions_update);
  ADD ("/ledger/transactions/transfer-delete-restore", test_transfer_delete_restore);
  ADD ("/ledger/list/paging", test_list_paging);
  ADD ("/ledger/list/item", test_transaction_item);
  ADD ("/ledger/budgets", test_budgets);
  ADD ("/ledger/month-summary", test_month_summary);
  ADD ("/ledger/reports", test_reports);
  ADD ("/ledger/upcoming", test_upcoming);

  return g_test_run ();
}
