/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "shore-ledger.h"
#include "shore-store-private.h"
#include "shore-test-util.h"

void
shore_test_rm_rf (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          shore_test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

GBytes *
shore_test_read_data (const char *folder,
                      const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

void
shore_test_insert_bytes (GByteArray   *array,
                         guint         at,
                         const guint8 *bytes,
                         guint         n)
{
  guint old_len = array->len;

  g_byte_array_set_size (array, old_len + n);
  memmove (array->data + at + n, array->data + at, old_len - at);
  memcpy (array->data + at, bytes, n);
}

ShoreStore *
shore_test_store_new (char **data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_path_get_basename (g_get_prgname () != NULL ? g_get_prgname () : "test");
  g_autofree char *template = g_strdup_printf ("shore-%s-XXXXXX", program);
  ShoreStore *store;

  *data_dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  store = shore_store_open (*data_dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

void
shore_test_store_free (ShoreStore **store,
                       char       **data_dir)
{
  g_clear_object (store);
  if (*data_dir != NULL)
    shore_test_rm_rf (*data_dir);
  g_clear_pointer (data_dir, g_free);
}

void
shore_test_fixture_set_up (ShoreTestFixture *f,
                           gconstpointer     data)
{
  f->store = shore_test_store_new (&f->data_dir);
}

void
shore_test_fixture_tear_down (ShoreTestFixture *f,
                              gconstpointer     data)
{
  shore_test_store_free (&f->store, &f->data_dir);
}

GDate
shore_test_date (const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDate d;

  g_assert_true (shore_date_parse (iso, &d, &error));
  g_assert_no_error (error);
  return d;
}

ShoreLoan *
shore_test_loan_new (const char      *lender,
                     ShoreLenderType  type,
                     gint64           principal,
                     const char      *start)
{
  ShoreLoan *loan = shore_loan_new ();
  g_autoptr(GError) error = NULL;

  g_free (loan->lender);
  loan->lender = g_strdup (lender);
  loan->lender_type = type;
  loan->principal = principal;
  g_assert_true (shore_rate_parse ("daily:0.05%", &loan->rate, &error));
  g_assert_no_error (error);
  loan->term_months = 12;
  loan->method = SHORE_METHOD_EQUAL_INSTALLMENT;
  loan->start_date = shore_test_date (start);
  return loan;
}

gint64
shore_test_store_loan (ShoreStore *store,
                       ShoreLoan  *loan)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (shore_debts_add (store, loan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (loan->id, >, 0);
  return loan->id;
}

gint64
shore_test_add_loan (ShoreStore      *store,
                     const char      *lender,
                     ShoreLenderType  type,
                     gint64           principal,
                     const char      *start)
{
  g_autoptr(ShoreLoan) loan = shore_test_loan_new (lender, type, principal, start);

  return shore_test_store_loan (store, loan);
}

gint64
shore_test_builtin (ShoreStore *store,
                    const char *key)
{
  g_autoptr(GError) error = NULL;
  gint64 id = shore_ledger_find_builtin (store, key, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

gint64
shore_test_add_txn_id (ShoreStore *store,
                       const char *iso,
                       gint64      amount,
                       gint64      account_id,
                       gint64      category_id,
                       const char *payee)
{
  g_autoptr(GError) error = NULL;
  ShoreTxnData data = { 0 };

  data.date = shore_test_date (iso);
  data.amount = amount;
  data.account_id = account_id;
  data.category_id = category_id;
  data.payee = (char *) payee;
  g_assert_true (shore_ledger_add_transaction (store, &data, &error));
  g_assert_no_error (error);
  return data.id;
}

gint64
shore_test_add_txn (ShoreStore *store,
                    const char *iso,
                    gint64      amount,
                    gint64      account_id,
                    const char *category_key,
                    const char *payee)
{
  return shore_test_add_txn_id (store, iso, amount, account_id, shore_test_builtin (store, category_key), payee);
}

static sqlite3_stmt *
query (ShoreStore *store,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = shore_store_prepare (store, sql, &error);
  gboolean has_row = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (stmt);
  g_assert_true (shore_store_step (store, stmt, &has_row, &error));
  g_assert_no_error (error);
  g_assert_true (has_row);
  return g_steal_pointer (&stmt);
}

gint64
shore_test_query_int (ShoreStore *store,
                      const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = query (store, sql);

  return sqlite3_column_int64 (stmt, 0);
}

char *
shore_test_query_text (ShoreStore *store,
                       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = query (store, sql);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}
