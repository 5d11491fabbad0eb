/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "shore-paths.h"
#include "shore-store.h"
#include "shore-store-private.h"
#include "shore-test-util.h"

#define NOBODY 65534

/* Fixture: a fresh temporary folder; the data folder inside it is not
 * created, so that shore_store_open() has to.
 */
typedef struct
{
  char *tmp;
  char *data_dir;
  char *db_path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->tmp = g_dir_make_tmp ("shore-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->data_dir = g_build_filename (f->tmp, "data", NULL);
  f->db_path = shore_paths_database_file (f->data_dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  shore_test_rm_rf (f->tmp);
  g_assert_false (g_file_test (f->tmp, G_FILE_TEST_EXISTS));
  g_free (f->tmp);
  g_free (f->data_dir);
  g_free (f->db_path);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_DATA(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

/* Helpers */

static ShoreStore *
open_ok (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  ShoreStore *store = shore_store_open (data_dir, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
exec_ok (ShoreStore *store,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  shore_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

static int
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static char *
companion (const char *path,
           const char *suffix)
{
  return g_strconcat (path, suffix, NULL);
}

static void
assert_no_companions (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = companion (path, suffixes[i]);

      if (g_file_test (file, G_FILE_TEST_EXISTS))
        g_error ("%s should not exist", file);
    }
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_bytes (const char   *path,
             const guint8 *data,
             gsize         length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents_full (path, (const char *) data, length,
                            G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
}

static void
make_data_dir (Fixture *f)
{
  g_assert_cmpint (g_mkdir_with_parents (f->data_dir, 0700), ==, 0);
}

/* A record of a file's bytes and modification time. The time is first set
 * to a fixed moment in the past, so that any write would show.
 */
typedef struct
{
  GBytes *bytes;
  gint64  mtime_sec;
  long    mtime_nsec;
} Snapshot;

static void
snapshot_take (const char *path,
               Snapshot   *snap)
{
  const struct timespec times[2] = { { 1700000000, 123456789 }, { 1700000000, 123456789 } };
  GStatBuf st;

  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  snap->bytes = read_bytes (path);
  snap->mtime_sec = st.st_mtim.tv_sec;
  snap->mtime_nsec = st.st_mtim.tv_nsec;
}

static void
snapshot_assert_unchanged (const char *path,
                           Snapshot   *snap)
{
  g_autoptr(GBytes) now = read_bytes (path);
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpmem (g_bytes_get_data (now, NULL), g_bytes_get_size (now),
                   g_bytes_get_data (snap->bytes, NULL), g_bytes_get_size (snap->bytes));
  g_assert_cmpint (st.st_mtim.tv_sec, ==, snap->mtime_sec);
  g_assert_cmpint (st.st_mtim.tv_nsec, ==, snap->mtime_nsec);
  g_clear_pointer (&snap->bytes, g_bytes_unref);
}

/* A little of everything, all valid */
static const char sample_sql[] =
  "INSERT INTO loans (id, lender, lender_type, principal, rate, term_months, method, start_date)"
  "  VALUES (1, '微粒贷', 'bank', 1000000, 'daily:0.05%', 12, 'equal-installment', '2026-01-15');"
  "INSERT INTO installments (loan_id, period, due_date, principal, interest)"
  "  VALUES (1, 1, '2026-02-15', 80000, 15000);"
  "INSERT INTO accounts (id, name, kind) VALUES (1, 'Wallet', 'cash');"
  "INSERT INTO categories (id, name, kind) VALUES (101, 'Food', 'expense');"
  "INSERT INTO categories (id, name, kind, parent_id) VALUES (102, 'Takeaway', 'expense', 101);"
  "INSERT INTO imports (id, file_name, kind, account_id) VALUES (1, 'bill.csv', 'wechat', 1);"
  "INSERT INTO transactions (id, date, amount, account_id, category_id, loan_id, import_id, import_source, import_key)"
  "  VALUES (1, '2026-02-15', -95000, 1, 2, 1, 1, 'wechat', 'T0001');"
  "INSERT INTO payments (id, loan_id, date, amount, transaction_id) VALUES (1, 1, '2026-02-15', 95000, 1);"
  "INSERT INTO budgets (category_id, month, amount) VALUES (101, NULL, 150000), (101, '2026-02', 120000), (NULL, NULL, 300000);"
  "INSERT INTO recurring (kind, amount, account_id, loan_id, day_of_month, start_date)"
  "  VALUES ('repayment', 95000, 1, 1, 15, '2026-02-15');"
  "INSERT INTO contacts (id, occurred_at, channel, loan_id, organization, connected)"
  "  VALUES (1, '2026-03-01T22:15:00+08:00', 'call', 1, 'XX Collection', 1);"
  "INSERT INTO contact_attachments (contact_id, path) VALUES (1, 'evidence/call-1.m4a');"
  "INSERT INTO reminders_sent (key, loan_id) VALUES ('due:loan=1:period=1:before-3', 1);"
  "INSERT INTO meta (key, value) VALUES ('reminders.last_run', '2026-03-01T09:00:00+08:00');";

/* A real, closed Shore database of some size at @path's folder, made in a
 * scratch folder and copied there. Returns its page size.
 */
static int
make_real_database (Fixture *f,
                    int      user_version)
{
  g_autofree char *scratch = g_build_filename (f->tmp, "scratch", NULL);
  g_autofree char *scratch_db = shore_paths_database_file (scratch);
  g_autoptr(ShoreStore) store = open_ok (scratch);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *set_version = NULL;
  int page_size;

  exec_ok (store, sample_sql);
  exec_ok (store,
           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)"
           " INSERT INTO meta (key, value) SELECT 'key' || i, printf('%.500c', 'x') FROM n");
  if (user_version != SHORE_STORE_SCHEMA_VERSION)
    {
      set_version = g_strdup_printf ("PRAGMA user_version = %d", user_version);
      exec_ok (store, set_version);
    }
  page_size = shore_test_query_int (store, "PRAGMA page_size");
  g_clear_object (&store);

  /* closing the last connection folds the WAL back into the file */
  assert_no_companions (scratch_db);
  bytes = read_bytes (scratch_db);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 40 * page_size);

  make_data_dir (f);
  write_bytes (f->db_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  shore_test_rm_rf (scratch);

  return page_size;
}

/* Opening a fresh database */

static void
test_open_fresh_permissions (Fixture       *f,
                             gconstpointer  data)
{
  mode_t mask = GPOINTER_TO_UINT (data);
  g_autoptr(ShoreStore) store = NULL;
  g_autofree char *parent = g_build_filename (f->tmp, "a", NULL);
  g_autofree char *deep = g_build_filename (parent, "b", NULL);
  g_autofree char *db = shore_paths_database_file (deep);
  g_autofree char *wal = companion (db, "-wal");
  g_autofree char *shm = companion (db, "-shm");
  mode_t old_mask = umask (mask);

  store = open_ok (deep);
  umask (old_mask);

  g_assert_cmpstr (shore_store_get_path (store), ==, db);
  g_assert_cmpint (file_mode (parent), ==, 0700);
  g_assert_cmpint (file_mode (deep), ==, 0700);
  g_assert_cmpint (file_mode (db), ==, 0600);
  exec_ok (store, "INSERT INTO meta (key, value) VALUES ('k', 'v')");
  g_assert_cmpint (file_mode (wal), ==, 0600);
  g_assert_cmpint (file_mode (shm), ==, 0600);
}

static void
test_open_pragmas (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ShoreStore) store = open_ok (f->data_dir);
  g_autofree char *journal_mode = shore_test_query_text (store, "PRAGMA journal_mode");

  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (shore_test_query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (shore_test_query_int (store, "PRAGMA busy_timeout"), ==, 5000);
  g_assert_cmpint (shore_test_query_int (store, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (shore_test_query_int (store, "PRAGMA application_id"), ==, 0x53484F52);
}

static void
test_open_schema_version (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(ShoreStore) store = open_ok (f->data_dir);

  g_assert_cmpint (shore_store_get_schema_version (store), ==, SHORE_STORE_SCHEMA_VERSION);
  g_assert_cmpint (shore_test_query_int (store, "PRAGMA user_version"), ==, SHORE_STORE_SCHEMA_VERSION);
  g_assert_false (shore_store_in_transaction (store));
}

/* Migration 3 on a database of version 2: the contacts gain
 * amount_demanded, 0 for those recorded before. The version-2 file is
 * made from a current one by undoing migration 3 by hand.
 */
static void
test_open_migrate_2_to_3 (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(ShoreStore) store = NULL;
  g_autoptr(sqlite3) db = NULL;

  make_real_database (f, SHORE_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE contacts DROP COLUMN amount_demanded;"
                                     "PRAGMA user_version = 2;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&db, sqlite3_close_v2);

  store = open_ok (f->data_dir);
  g_assert_cmpint (shore_store_get_schema_version (store), ==, 3);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM contacts WHERE amount_demanded = 0"), ==, 1);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM contact_attachments"), ==, 1);
  exec_ok (store, "UPDATE contacts SET amount_demanded = 150000");
}

static void
test_open_reopen (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ShoreStore) store = open_ok (f->data_dir);
  g_autofree char *schema = shore_test_query_text (store, "SELECT group_concat(sql, ';') FROM sqlite_schema");
  g_autofree char *schema_again = NULL;

  exec_ok (store, sample_sql);
  g_clear_object (&store);
  assert_no_companions (f->db_path);

  for (int i = 0; i < 3; i++)
    {
      store = open_ok (f->data_dir);
      g_assert_cmpint (shore_store_get_schema_version (store), ==, SHORE_STORE_SCHEMA_VERSION);
      g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM loans"), ==, 1);
      g_clear_object (&store);
    }

  store = open_ok (f->data_dir);
  schema_again = shore_test_query_text (store, "SELECT group_concat(sql, ';') FROM sqlite_schema");
  g_assert_cmpstr (schema, ==, schema_again);
}

static void
test_open_two_connections (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(ShoreStore) first = open_ok (f->data_dir);
  g_autoptr(ShoreStore) second = NULL;

  exec_ok (first, sample_sql);
  /* with a -wal present the check reads through it */
  second = open_ok (f->data_dir);
  g_assert_cmpint (shore_test_query_int (second, "SELECT count(*) FROM loans"), ==, 1);
}

static void
test_open_existing_folder_kept (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(ShoreStore) store = NULL;

  g_assert_cmpint (g_mkdir (f->data_dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (f->data_dir, 0755), ==, 0);
  store = open_ok (f->data_dir);
  g_assert_cmpint (file_mode (f->data_dir), ==, 0755);
  g_assert_cmpint (file_mode (f->db_path), ==, 0600);
}

static void
test_open_empty_file (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ShoreStore) store = NULL;

  make_data_dir (f);
  write_bytes (f->db_path, (const guint8 *) "", 0);
  store = open_ok (f->data_dir);
  g_assert_cmpint (shore_store_get_schema_version (store), ==, SHORE_STORE_SCHEMA_VERSION);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM sqlite_schema WHERE name = 'loans'"), ==, 1);
}

static void
test_open_relative_dir (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(ShoreStore) store = NULL;
  g_autofree char *expected = g_build_filename (f->tmp, "rel", "shore.db", NULL);

  g_assert_cmpint (g_chdir (f->tmp), ==, 0);
  store = open_ok ("rel");
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  g_assert_true (g_path_is_absolute (shore_store_get_path (store)));
  g_assert_cmpstr (shore_store_get_path (store), ==, expected);
}

static void
test_open_dir_is_file (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreStore) store = NULL;

  write_bytes (f->data_dir, (const guint8 *) "x", 1);
  store = shore_store_open (f->data_dir, &error);
  g_assert_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_FAILED);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, f->data_dir));
}

/* A data folder whose shore.db links to the real file elsewhere */
static void
test_open_symlinked_file (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *elsewhere = g_build_filename (f->tmp, "elsewhere", NULL);
  g_autofree char *real_db = shore_paths_database_file (elsewhere);
  g_autofree char *real_wal = companion (real_db, "-wal");
  g_autoptr(ShoreStore) store = open_ok (elsewhere);
  g_autoptr(ShoreStore) linked = NULL;

  exec_ok (store, sample_sql);
  g_assert_true (g_file_test (real_wal, G_FILE_TEST_EXISTS));
  make_data_dir (f);
  g_assert_cmpint (symlink (real_db, f->db_path), ==, 0);

  linked = open_ok (f->data_dir);
  g_assert_cmpint (shore_test_query_int (linked, "SELECT count(*) FROM loans"), ==, 1);
  exec_ok (linked, "DELETE FROM loans");
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM loans"), ==, 0);
}

/* Schema */

static const char * const expected_tables[] = {
  "accounts", "budgets", "categories", "contact_attachments", "contacts",
  "imports", "installments", "loans", "meta", "payments", "recurring",
  "reminders_sent", "transactions",
};

static void
test_schema_tables (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ShoreStore) store = open_ok (f->data_dir);
  g_autofree char *names = NULL;
  g_autofree char *expected = g_strjoinv (",", (char **) expected_tables);

  for (guint i = 0; i < G_N_ELEMENTS (expected_tables); i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '%s'",
                         expected_tables[i]);
      g_autofree char *select = g_strdup_printf ("SELECT count(*) FROM %s", expected_tables[i]);

      g_test_message ("table %s", expected_tables[i]);
      g_assert_cmpint (shore_test_query_int (store, sql), ==, 1);
      /* migration 2 seeds the built-in categories */
      g_assert_cmpint (shore_test_query_int (store, select), ==, g_str_equal (expected_tables[i], "categories") ? 22 : 0);
    }

  names = shore_test_query_text (store,
                      "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema"
                      " WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name)");
  g_assert_cmpstr (names, ==, expected);

  /* STRICT everywhere, so that money stays INTEGER */
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM pragma_table_list"
                                     " WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' AND strict = 0"), ==, 0);
}

typedef struct
{
  const char *table;
  const char *columns;
} IndexCase;

static void
test_schema_indexes (Fixture       *f,
                     gconstpointer  data)
{
  static const IndexCase cases[] = {
    { "transactions", "date,time" },
    { "transactions", "account_id,date,time" },
    { "transactions", "category_id,date,time" },
    { "transactions", "payee,date" },
    { "transactions", "loan_id" },
    { "transactions", "import_source,import_key" },
    { "payments", "loan_id,date" },
    { "contacts", "occurred_at" },
    { "contact_attachments", "contact_id,path" },
    { "installments", "loan_id,period" },
    { "reminders_sent", "key" },
  };
  g_autoptr(ShoreStore) store = open_ok (f->data_dir);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("SELECT count(*) FROM pragma_index_list('%s') AS l"
                         " WHERE (SELECT group_concat(name, ',') FROM"
                         "         (SELECT name FROM pragma_index_info(l.name) ORDER BY seqno)) = '%s'",
                         cases[i].table, cases[i].columns);

      g_test_message ("index on %s (%s)", cases[i].table, cases[i].columns);
      g_assert_cmpint (shore_test_query_int (store, sql), >=, 1);
    }
}

static void
test_schema_valid_rows (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ShoreStore) store = open_ok (f->data_dir);
  g_autofree char *created_at = NULL;

  exec_ok (store, sample_sql);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM budgets"), ==, 3);
  g_assert_cmpint (shore_test_query_int (store, "SELECT amount FROM transactions WHERE id = 1"), ==, -95000);
  g_assert_cmpint (shore_test_query_int (store, "SELECT penalty_markup_bp FROM loans"), ==, 5000);
  g_assert_cmpint (shore_test_query_int (store, "SELECT grace_days FROM loans"), ==, 1);

  created_at = shore_test_query_text (store, "SELECT created_at FROM loans");
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", created_at, 0, 0));

  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'"), ==, 0);
}

/* A statement that must fail on a constraint next to its twin that differs
 * only in the value under test and must succeed, so that the failure is
 * known to come from that value. '@' in the template is replaced.
 */
typedef struct
{
  const char *name;
  const char *template;
  const char *good;
  const char *bad;
} ConstraintCase;

static const ConstraintCase check_cases[] = {
  { "loan-lender-type",
    "INSERT INTO loans (lender, lender_type, principal, rate, term_months, method, start_date)"
    " VALUES ('X', @, 100, 'daily:0.05%', 3, 'bullet', '2026-01-01')", "'consumer-finance'", "'loan-shark'" },
  { "loan-lender-blank",
    "INSERT INTO loans (lender, principal, rate, term_months, method, start_date)"
    " VALUES (@, 100, 'daily:0.05%', 3, 'bullet', '2026-01-01')", "'Y'", "'  '" },
  { "loan-principal-positive",
    "INSERT INTO loans (lender, principal, rate, term_months, method, start_date)"
    " VALUES ('X', @, 'daily:0.05%', 3, 'bullet', '2026-01-01')", "1", "0" },
  { "loan-principal-integer",
    "INSERT INTO loans (lender, principal, rate, term_months, method, start_date)"
    " VALUES ('X', @, 'daily:0.05%', 3, 'bullet', '2026-01-01')", "100", "100.5" },
  { "loan-rate-form",
    "INSERT INTO loans (lender, principal, rate, term_months, method, start_date)"
    " VALUES ('X', 100, @, 3, 'bullet', '2026-01-01')", "'annual:18%'", "'18%'" },
  { "loan-method",
    "INSERT INTO loans (lender, principal, rate, term_months, method, start_date)"
    " VALUES ('X', 100, 'daily:0.05%', 3, @, '2026-01-01')", "'interest-first'", "'balloon'" },
  { "loan-start-date",
    "INSERT INTO loans (lender, principal, rate, term_months, method, start_date)"
    " VALUES ('X', 100, 'daily:0.05%', 3, 'bullet', @)", "'2028-02-29'", "'2026-02-30'" },
  { "loan-term",
    "INSERT INTO loans (lender, principal, rate, term_months, method, start_date)"
    " VALUES ('X', 100, 'daily:0.05%', @, 'bullet', '2026-01-01')", "1", "0" },
  { "loan-compound-bool",
    "INSERT INTO loans (lender, principal, rate, term_months, method, start_date, compound)"
    " VALUES ('X', 100, 'daily:0.05%', 3, 'bullet', '2026-01-01', @)", "0", "2" },
  { "loan-late-fee-daily",
    "INSERT INTO loans (lender, principal, rate, term_months, method, start_date, late_fee_daily)"
    " VALUES ('X', 100, 'daily:0.05%', 3, 'bullet', '2026-01-01', @)", "'daily:0.1%'", "'monthly:3%'" },
  { "payment-amount",
    "INSERT INTO payments (loan_id, date, amount) VALUES (1, '2026-03-01', @)", "1", "-1" },
  { "transaction-date",
    "INSERT INTO transactions (date, amount, account_id) VALUES (@, -100, 1)", "'2026-03-01'", "'2026/03/01'" },
  { "transaction-import-pair",
    "INSERT INTO transactions (date, amount, account_id, import_source, import_key)"
    " VALUES ('2026-03-01', -100, 1, @)", "'csv', 'k9'", "'csv', NULL" },
  { "transaction-import-unique",
    "INSERT INTO transactions (date, amount, account_id, import_source, import_key)"
    " VALUES ('2026-03-01', -100, 1, @)", "'alipay', 'T0001'", "'wechat', 'T0001'" },
  { "account-kind",
    "INSERT INTO accounts (name, kind) VALUES ('A2', @)", "'alipay'", "'bitcoin'" },
  { "account-name-unique",
    "INSERT INTO accounts (name) VALUES (@)", "'Wallet 2'", "'Wallet'" },
  { "category-kind",
    "INSERT INTO categories (name, kind) VALUES ('C', @)", "'neutral'", "'transfer'" },
  { "budget-month",
    "INSERT INTO budgets (category_id, month, amount) VALUES (102, @, 100)", "'2026-12'", "'2026-13'" },
  { "budget-amount",
    "INSERT INTO budgets (category_id, month, amount) VALUES (102, NULL, @)", "0", "-100" },
  { "budget-one-default",
    "INSERT INTO budgets (category_id, month, amount) VALUES (@, NULL, 100)", "102", "101" },
  { "recurring-day",
    "INSERT INTO recurring (kind, amount, account_id, day_of_month, start_date)"
    " VALUES ('expense', 100, 1, @, '2026-01-01')", "31", "32" },
  { "recurring-repayment-loan",
    "INSERT INTO recurring (kind, amount, account_id, loan_id, day_of_month, start_date)"
    " VALUES ('repayment', 100, 1, @, 1, '2026-01-01')", "1", "NULL" },
  { "recurring-end-after-start",
    "INSERT INTO recurring (kind, amount, account_id, day_of_month, start_date, end_date)"
    " VALUES ('income', 100, 1, 1, '2026-01-01', @)", "'2026-12-31'", "'2025-12-31'" },
  { "contact-channel",
    "INSERT INTO contacts (occurred_at, channel) VALUES ('2026-03-01T08:00:00+08:00', @)", "'third-party'", "'fax'" },
  { "contact-timestamp-offset",
    "INSERT INTO contacts (occurred_at, channel) VALUES (@, 'call')", "'2026-03-01T08:00:00.5+08:00'", "'2026-03-01T08:00:00'" },
  { "contact-connected-bool",
    "INSERT INTO contacts (occurred_at, channel, connected) VALUES ('2026-03-01T08:00:00Z', 'call', @)", "0", "2" },
  { "contact-amount-demanded",
    "INSERT INTO contacts (occurred_at, channel, amount_demanded) VALUES ('2026-03-01T08:00:00Z', 'call', @)", "0", "-1" },
  { "reminder-key-unique",
    "INSERT INTO reminders_sent (key) VALUES (@)", "'due:loan=1:period=2:before-3'", "'due:loan=1:period=1:before-3'" },
  { "reminder-snoozed-until",
    "INSERT INTO reminders_sent (key, snoozed_until) VALUES ('k2', @)", "NULL", "'tomorrow'" },
  { "import-kind",
    "INSERT INTO imports (file_name, kind) VALUES ('b.csv', @)", "'alipay'", "'paypal'" },
  /* foreign keys */
  { "fk-payment-loan",
    "INSERT INTO payments (loan_id, date, amount) VALUES (@, '2026-03-01', 100)", "1", "999" },
  { "fk-transaction-account",
    "INSERT INTO transactions (date, amount, account_id) VALUES ('2026-03-01', -100, @)", "1", "999" },
  { "fk-transaction-category",
    "INSERT INTO transactions (date, amount, account_id, category_id) VALUES ('2026-03-01', -100, 1, @)", "102", "999" },
  { "fk-attachment-contact",
    "INSERT INTO contact_attachments (contact_id, path) VALUES (@, 'x.png')", "1", "999" },
  { "fk-budget-category",
    "INSERT INTO budgets (category_id, month, amount) VALUES (@, '2030-01', 100)", "102", "999" },
};

static char *
fill_template (const char *template,
               const char *value)
{
  GString *sql = g_string_new (template);

  g_string_replace (sql, "@", value, 1);
  return g_string_free (sql, FALSE);
}

static void
test_constraint (Fixture       *f,
                 gconstpointer  data)
{
  const ConstraintCase *cc = data;
  g_autoptr(ShoreStore) store = open_ok (f->data_dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;

  exec_ok (store, sample_sql);
  good = fill_template (cc->template, cc->good);
  bad = fill_template (cc->template, cc->bad);

  g_assert_false (shore_store_exec (store, bad, &error));
  g_assert_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_CONSTRAINT);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_assert_null (strstr (error->message, "constraint failed"));
  g_clear_error (&error);

  exec_ok (store, good);
}

static void
test_schema_cascade (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ShoreStore) store = open_ok (f->data_dir);

  exec_ok (store, sample_sql);
  exec_ok (store, "DELETE FROM loans WHERE id = 1");

  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM payments"), ==, 0);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM installments"), ==, 0);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM recurring"), ==, 0);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM reminders_sent"), ==, 0);
  /* the budget entry and the evidence stay, without the loan */
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM transactions WHERE loan_id IS NULL"), ==, 1);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM contacts WHERE loan_id IS NULL"), ==, 1);

  exec_ok (store, "DELETE FROM contacts");
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM contact_attachments"), ==, 0);

  exec_ok (store, "DELETE FROM categories WHERE id = 101");
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM categories WHERE id = 102 AND parent_id IS NULL"), ==, 1);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM budgets"), ==, 1);
}

static void
test_schema_account_restrict (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(ShoreStore) store = open_ok (f->data_dir);
  g_autoptr(GError) error = NULL;

  exec_ok (store, sample_sql);
  g_assert_false (shore_store_exec (store, "DELETE FROM accounts WHERE id = 1", &error));
  g_assert_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM accounts"), ==, 1);
}

/* Transactions */

static void
test_transaction_rollback (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(ShoreStore) store = open_ok (f->data_dir);
  g_autoptr(GError) error = NULL;

  shore_store_begin (store, &error);
  g_assert_no_error (error);
  g_assert_true (shore_store_in_transaction (store));
  exec_ok (store, sample_sql);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM loans"), ==, 1);
  shore_store_rollback (store);
  g_assert_false (shore_store_in_transaction (store));

  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM loans"), ==, 0);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM meta"), ==, 0);

  /* harmless without a transaction */
  shore_store_rollback (store);
  g_clear_object (&store);

  store = open_ok (f->data_dir);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM transactions"), ==, 0);
}

static void
test_transaction_commit (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ShoreStore) store = open_ok (f->data_dir);
  g_autoptr(GError) error = NULL;

  shore_store_begin (store, &error);
  g_assert_no_error (error);
  exec_ok (store, sample_sql);
  shore_store_commit (store, &error);
  g_assert_no_error (error);
  g_assert_false (shore_store_in_transaction (store));
  g_clear_object (&store);

  store = open_ok (f->data_dir);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM loans"), ==, 1);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM transactions"), ==, 1);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM contact_attachments"), ==, 1);
}

static void
test_transaction_busy (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ShoreStore) first = open_ok (f->data_dir);
  g_autoptr(ShoreStore) second = open_ok (f->data_dir);
  g_autoptr(GError) error = NULL;

  sqlite3_busy_timeout (shore_store_get_db (second), 50);

  shore_store_begin (first, &error);
  g_assert_no_error (error);
  g_assert_false (shore_store_begin (second, &error));
  g_assert_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_BUSY);
  g_clear_error (&error);
  shore_store_rollback (first);

  shore_store_begin (second, &error);
  g_assert_no_error (error);
  shore_store_rollback (second);
}

/* A process that dies without closing leaves a -wal behind: the next open
 * must see every committed transaction and nothing of an open one.
 */
static void
test_crash (Fixture       *f,
            gconstpointer  data)
{
  gboolean commit = GPOINTER_TO_INT (data);
  g_autoptr(ShoreStore) store = NULL;
  g_autofree char *wal = companion (f->db_path, "-wal");
  int status = 0;
  pid_t pid;

  store = open_ok (f->data_dir);
  g_clear_object (&store);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      ShoreStore *child = shore_store_open (f->data_dir, NULL);

      if (child == NULL ||
          !shore_store_begin (child, NULL) ||
          !shore_store_exec (child, sample_sql, NULL) ||
          (commit && !shore_store_commit (child, NULL)))
        _exit (1);
      _exit (0);  /* no close, no checkpoint */
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  store = open_ok (f->data_dir);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM loans"), ==, commit ? 1 : 0);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM transactions"), ==, commit ? 1 : 0);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM pragma_quick_check WHERE quick_check != 'ok'"), ==, 0);
}

/* Files that must be refused and left alone */

typedef void (*MakeFile) (Fixture *f);

typedef struct
{
  const char      *name;
  MakeFile         make;
  ShoreStoreError  code;
} RefuseCase;

static void
make_random_bytes (Fixture *f)
{
  guint8 data[8192];

  for (guint i = 0; i < sizeof data; i++)
    data[i] = g_test_rand_int_range (0, 256);
  make_data_dir (f);
  write_bytes (f->db_path, data, sizeof data);
}

static void
make_text_file (Fixture *f)
{
  static const char text[] = "日期,金额,备注\n2026-03-01,-12.50,午饭\nThis is not a database.\n";

  make_data_dir (f);
  write_bytes (f->db_path, (const guint8 *) text, strlen (text));
}

static void
make_header_then_garbage (Fixture *f)
{
  guint8 data[4096];

  for (guint i = 0; i < sizeof data; i++)
    data[i] = g_test_rand_int_range (0, 256);
  memcpy (data, "SQLite format 3", 16);
  make_data_dir (f);
  write_bytes (f->db_path, data, sizeof data);
}

static void
truncate_to (const char *path,
             gsize       length)
{
  g_autoptr(GBytes) bytes = read_bytes (path);

  g_assert_cmpuint (length, <, g_bytes_get_size (bytes));
  write_bytes (path, g_bytes_get_data (bytes, NULL), length);
}

static void
make_truncated_header (Fixture *f)
{
  make_real_database (f, SHORE_STORE_SCHEMA_VERSION);
  truncate_to (f->db_path, 60);
}

static void
make_truncated_database (Fixture *f)
{
  int page_size = make_real_database (f, SHORE_STORE_SCHEMA_VERSION);
  g_autoptr(GBytes) bytes = read_bytes (f->db_path);
  gsize n_pages = g_bytes_get_size (bytes) / page_size;

  truncate_to (f->db_path, (n_pages / 2) * page_size);
}

static void
make_corrupt_page (Fixture *f)
{
  int page_size = make_real_database (f, SHORE_STORE_SCHEMA_VERSION);
  g_autoptr(GBytes) bytes = read_bytes (f->db_path);
  gsize size = g_bytes_get_size (bytes);
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
  gsize n_pages = size / page_size;
  gsize page = n_pages - 3;

  /* one page near the end, among the meta rows, overwritten */
  memset (data + page * page_size, 0xA5, page_size);
  write_bytes (f->db_path, data, size);
}

static void
make_foreign_database (Fixture *f)
{
  g_autoptr(sqlite3) db = NULL;

  make_data_dir (f);
  g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                                     "INSERT INTO notes (text) VALUES ('hello')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
make_other_app_database_version (Fixture *f,
                                 int      version)
{
  g_autoptr(sqlite3) db = NULL;
  g_autofree char *sql =
    g_strdup_printf ("CREATE TABLE meta (key TEXT, value TEXT); PRAGMA user_version = %d", version);

  make_data_dir (f);
  g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
make_other_app_database (Fixture *f)
{
  make_other_app_database_version (f, 1);
}

/* not "too new": it is not ours at all */
static void
make_other_app_database_99 (Fixture *f)
{
  make_other_app_database_version (f, 99);
}

static void
make_too_new (Fixture *f)
{
  make_real_database (f, 99);
}

static const RefuseCase refuse_cases[] = {
  { "random-bytes", make_random_bytes, SHORE_STORE_ERROR_NOT_A_DATABASE },
  { "text-file", make_text_file, SHORE_STORE_ERROR_NOT_A_DATABASE },
  { "header-then-garbage", make_header_then_garbage, SHORE_STORE_ERROR_NOT_A_DATABASE },
  { "truncated-header", make_truncated_header, SHORE_STORE_ERROR_NOT_A_DATABASE },
  { "truncated-database", make_truncated_database, SHORE_STORE_ERROR_NOT_A_DATABASE },
  { "corrupt-page", make_corrupt_page, SHORE_STORE_ERROR_NOT_A_DATABASE },
  { "other-sqlite-database", make_foreign_database, SHORE_STORE_ERROR_NOT_A_DATABASE },
  { "other-app-database", make_other_app_database, SHORE_STORE_ERROR_NOT_A_DATABASE },
  { "other-app-database-99", make_other_app_database_99, SHORE_STORE_ERROR_NOT_A_DATABASE },
  { "too-new", make_too_new, SHORE_STORE_ERROR_TOO_NEW },
};

static void
test_refuse (Fixture       *f,
             gconstpointer  data)
{
  const RefuseCase *rc = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreStore) store = NULL;
  Snapshot snap = { 0 };

  rc->make (f);
  assert_no_companions (f->db_path);
  snapshot_take (f->db_path, &snap);

  for (int attempt = 0; attempt < 2; attempt++)
    {
      store = shore_store_open (f->data_dir, &error);
      g_assert_error (error, SHORE_STORE_ERROR, (int) rc->code);
      g_assert_null (store);
      g_assert_nonnull (strstr (error->message, f->db_path));
      if (rc->code == SHORE_STORE_ERROR_TOO_NEW)
        {
          g_autofree char *supported = g_strdup_printf (" %d.", SHORE_STORE_SCHEMA_VERSION);

          g_assert_nonnull (strstr (error->message, "newer version of Shore"));
          g_assert_nonnull (strstr (error->message, " 99,"));
          g_assert_true (g_str_has_suffix (error->message, supported));
        }
      g_clear_error (&error);
    }

  assert_no_companions (f->db_path);
  snapshot_assert_unchanged (f->db_path, &snap);
}

/* Setting a damaged database aside */

static void
test_set_aside (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreStore) store = NULL;
  g_autoptr(GBytes) wal_bytes = NULL;
  g_autoptr(GBytes) moved_wal = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *aside_wal = NULL;
  g_autofree char *wal = companion (f->db_path, "-wal");
  g_autofree char *base = NULL;
  Snapshot snap = { 0 };

  make_random_bytes (f);
  write_bytes (wal, (const guint8 *) "stale wal", 9);
  wal_bytes = read_bytes (wal);
  snapshot_take (f->db_path, &snap);

  aside = shore_store_set_aside (f->data_dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (aside);

  base = g_path_get_basename (aside);
  g_assert_true (g_regex_match_simple ("^shore-damaged-\\d{8}-\\d{6}\\.db$", base, 0, 0));
  g_assert_true (g_str_has_prefix (aside, f->data_dir));
  g_assert_false (g_file_test (f->db_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  snapshot_assert_unchanged (aside, &snap);

  aside_wal = companion (aside, "-wal");
  moved_wal = read_bytes (aside_wal);
  g_assert_true (g_bytes_equal (moved_wal, wal_bytes));

  store = open_ok (f->data_dir);
  exec_ok (store, sample_sql);
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
}

static void
test_set_aside_numbering (Fixture       *f,
                          gconstpointer  data)
{
  /* the names share a second, unless the clock ticks in between: retry */
  for (int attempt = 0; attempt < 5; attempt++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      g_autofree char *third = NULL;
      g_autofree char *stem = NULL;
      g_autofree char *expected_second = NULL;
      g_autofree char *expected_third = NULL;

      make_text_file (f);
      first = shore_store_set_aside (f->data_dir, &error);
      g_assert_no_error (error);
      make_text_file (f);
      second = shore_store_set_aside (f->data_dir, &error);
      g_assert_no_error (error);
      make_text_file (f);
      third = shore_store_set_aside (f->data_dir, &error);
      g_assert_no_error (error);

      g_assert_cmpstr (first, !=, second);
      g_assert_cmpstr (second, !=, third);
      g_assert_true (g_file_test (first, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_test (third, G_FILE_TEST_EXISTS));

      stem = g_strndup (first, strlen (first) - strlen (".db"));
      expected_second = g_strconcat (stem, "-2.db", NULL);
      expected_third = g_strconcat (stem, "-3.db", NULL);
      if (g_strcmp0 (second, expected_second) == 0)
        {
          g_assert_cmpstr (third, ==, expected_third);
          return;
        }
      g_test_message ("the clock ticked between %s and %s; again", first, second);
    }

  g_assert_not_reached ();
}

static void
test_set_aside_missing (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;

  make_data_dir (f);
  aside = shore_store_set_aside (f->data_dir, &error);
  g_assert_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_FAILED);
  g_assert_null (aside);
}

/* The whole path of recovery: refused, set aside, fresh start */
static void
test_set_aside_after_refusal (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreStore) store = NULL;
  g_autofree char *aside = NULL;
  Snapshot snap = { 0 };

  make_corrupt_page (f);
  snapshot_take (f->db_path, &snap);
  store = shore_store_open (f->data_dir, &error);
  g_assert_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);

  aside = shore_store_set_aside (f->data_dir, &error);
  g_assert_no_error (error);
  snapshot_assert_unchanged (aside, &snap);

  store = open_ok (f->data_dir);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM meta"), ==, 0);
}

/* Backups */

static void
test_backup_roundtrip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ShoreStore) store = open_ok (f->data_dir);
  g_autoptr(ShoreStore) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *restore_dir = g_build_filename (f->tmp, "restore", NULL);
  g_autofree char *dest = shore_paths_database_file (restore_dir);
  g_autofree char *name_list = NULL;
  g_autofree char *value = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  exec_ok (store, sample_sql);
  exec_ok (store, "INSERT INTO meta (key, value) VALUES ('backup.test', '上岸')");

  g_assert_cmpint (g_mkdir (restore_dir, 0700), ==, 0);
  shore_store_backup (store, dest, &error);
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (dest), ==, 0600);

  dir = g_dir_open (restore_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_add (names, NULL);
  name_list = g_strjoinv (",", (char **) names->pdata);
  g_ptr_array_unref (names);
  g_assert_cmpstr (name_list, ==, "shore.db");

  /* the source is still usable */
  exec_ok (store, "INSERT INTO meta (key, value) VALUES ('after', 'x')");

  restored = open_ok (restore_dir);
  g_assert_cmpint (shore_store_get_schema_version (restored), ==, SHORE_STORE_SCHEMA_VERSION);
  for (guint i = 0; i < G_N_ELEMENTS (expected_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", expected_tables[i]);

      g_assert_cmpint (shore_test_query_int (restored, sql), ==,
                       shore_test_query_int (store, sql) - (g_str_equal (expected_tables[i], "meta") ? 1 : 0));
    }
  value = shore_store_get_meta (restored, "backup.test");
  g_assert_cmpstr (value, ==, "上岸");
  g_assert_null (shore_store_get_meta (restored, "after"));
}

static void
test_backup_replaces (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ShoreStore) store = open_ok (f->data_dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3) db = NULL;
  g_autofree char *dest = g_build_filename (f->tmp, "backup.shore", NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  write_bytes (dest, (const guint8 *) "old backup", 10);
  exec_ok (store, sample_sql);
  shore_store_backup (store, dest, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open_v2 (dest, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT lender FROM loans", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "微粒贷");
}

static void
test_backup_onto_itself (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ShoreStore) store = open_ok (f->data_dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *other_spelling = g_build_filename (f->data_dir, ".", "shore.db", NULL);

  exec_ok (store, sample_sql);
  g_assert_false (shore_store_backup (store, other_spelling, &error));
  g_assert_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_FAILED);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM loans"), ==, 1);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM pragma_quick_check WHERE quick_check != 'ok'"), ==, 0);
}

static void
test_backup_missing_folder (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(ShoreStore) store = open_ok (f->data_dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = g_build_filename (f->tmp, "no-such-folder", "b.db", NULL);

  g_assert_false (shore_store_backup (store, dest, &error));
  g_assert_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, dest));
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
}

/* Meta */

static void
test_meta (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(ShoreStore) store = open_ok (f->data_dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_null (shore_store_get_meta (store, "reminders.last_run"));

  shore_store_set_meta (store, "reminders.last_run", "2026-03-01T09:00:00+08:00", &error);
  g_assert_no_error (error);
  value = shore_store_get_meta (store, "reminders.last_run");
  g_assert_cmpstr (value, ==, "2026-03-01T09:00:00+08:00");
  g_clear_pointer (&value, g_free);

  shore_store_set_meta (store, "reminders.last_run", "2026-03-02T09:00:00+08:00", &error);
  g_assert_no_error (error);
  shore_store_set_meta (store, "ui.name", "上岸 \"quoted\" 'x'", &error);
  g_assert_no_error (error);
  shore_store_set_meta (store, "empty", "", &error);
  g_assert_no_error (error);
  g_assert_cmpint (shore_test_query_int (store, "SELECT count(*) FROM meta"), ==, 3);
  g_clear_object (&store);

  store = open_ok (f->data_dir);
  value = shore_store_get_meta (store, "reminders.last_run");
  g_assert_cmpstr (value, ==, "2026-03-02T09:00:00+08:00");
  g_clear_pointer (&value, g_free);
  value = shore_store_get_meta (store, "ui.name");
  g_assert_cmpstr (value, ==, "上岸 \"quoted\" 'x'");
  g_clear_pointer (&value, g_free);
  value = shore_store_get_meta (store, "empty");
  g_assert_cmpstr (value, ==, "");
  g_clear_pointer (&value, g_free);

  shore_store_set_meta (store, "ui.name", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (shore_store_get_meta (store, "ui.name"));
  /* removing what is not there is fine */
  shore_store_set_meta (store, "never.set", NULL, &error);
  g_assert_no_error (error);
}

/* Result codes become errors of our domain, never sqlite's words */

typedef struct
{
  int      rc;
  gboolean ok;
  int      code;
} MappingCase;

static void
test_error_mapping (Fixture       *f,
                    gconstpointer  data)
{
  static const MappingCase cases[] = {
    { SQLITE_OK, TRUE, 0 },
    { SQLITE_ROW, TRUE, 0 },
    { SQLITE_DONE, TRUE, 0 },
    { SQLITE_BUSY, FALSE, SHORE_STORE_ERROR_BUSY },
    { SQLITE_BUSY_SNAPSHOT, FALSE, SHORE_STORE_ERROR_BUSY },
    { SQLITE_LOCKED, FALSE, SHORE_STORE_ERROR_BUSY },
    { SQLITE_CONSTRAINT_UNIQUE, FALSE, SHORE_STORE_ERROR_CONSTRAINT },
    { SQLITE_CONSTRAINT_FOREIGNKEY, FALSE, SHORE_STORE_ERROR_CONSTRAINT },
    { SQLITE_CORRUPT, FALSE, SHORE_STORE_ERROR_NOT_A_DATABASE },
    { SQLITE_NOTADB, FALSE, SHORE_STORE_ERROR_NOT_A_DATABASE },
    { SQLITE_READONLY, FALSE, SHORE_STORE_ERROR_PERMISSION },
    { SQLITE_PERM, FALSE, SHORE_STORE_ERROR_PERMISSION },
    { SQLITE_FULL, FALSE, SHORE_STORE_ERROR_FAILED },
    { SQLITE_IOERR_WRITE, FALSE, SHORE_STORE_ERROR_FAILED },
    { SQLITE_ERROR, FALSE, SHORE_STORE_ERROR_FAILED },
    { SQLITE_NOMEM, FALSE, SHORE_STORE_ERROR_FAILED },
  };
  g_autoptr(ShoreStore) store = open_ok (f->data_dir);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = shore_store_check (store, cases[i].rc, &error);

      g_test_message ("rc %d", cases[i].rc);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_assert_no_error (error);
          continue;
        }
      g_assert_error (error, SHORE_STORE_ERROR, cases[i].code);
      g_assert_null (strstr (error->message, sqlite3_errstr (cases[i].rc)));
      g_assert_true (g_str_has_suffix (error->message, "."));
    }
}

static void
test_error_message_from_sql (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(ShoreStore) store = open_ok (f->data_dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shore_store_prepare (store, "SELECT * FROM no_such_table", &error);
  g_assert_null (stmt);
  g_assert_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_FAILED);
  g_assert_null (strstr (error->message, "no_such_table"));
  g_assert_null (strstr (error->message, "no such table"));
}

/* Permissions. Root ignores them, so as root each case runs in a
 * subprocess that first becomes "nobody"; if that is impossible the case
 * is skipped.
 */

typedef enum {
  PERM_PARENT_READ_ONLY,
  PERM_FOLDER_READ_ONLY,
  PERM_FOLDER_READ_ONLY_EXISTING,
  PERM_FILE_READ_ONLY,
  PERM_FILE_UNREADABLE,
} PermissionSetup;

typedef struct
{
  const char      *name;
  PermissionSetup  setup;
} PermissionCase;

static const PermissionCase permission_cases[] = {
  { "parent-read-only", PERM_PARENT_READ_ONLY },
  { "folder-read-only", PERM_FOLDER_READ_ONLY },
  { "folder-read-only-existing-database", PERM_FOLDER_READ_ONLY_EXISTING },
  { "file-read-only", PERM_FILE_READ_ONLY },
  { "file-unreadable", PERM_FILE_UNREADABLE },
};

static gboolean
become_nobody (void)
{
  return setgroups (0, NULL) == 0 && setgid (NOBODY) == 0 && setuid (NOBODY) == 0;
}

static gboolean
can_become_nobody (void)
{
  int status = 0;
  pid_t pid = fork ();

  if (pid == 0)
    _exit (become_nobody () ? 0 : 1);

  return pid > 0 && waitpid (pid, &status, 0) == pid &&
         WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

static void
run_permission_case (const PermissionCase *pc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreStore) store = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *db_path = NULL;
  Snapshot snap = { 0 };
  gboolean have_file = FALSE;

  tmp = g_dir_make_tmp ("shore-perm-XXXXXX", &error);
  g_assert_no_error (error);
  data_dir = g_build_filename (tmp, "data", NULL);
  db_path = shore_paths_database_file (data_dir);

  switch (pc->setup)
    {
    case PERM_PARENT_READ_ONLY:
      g_assert_cmpint (g_chmod (tmp, 0500), ==, 0);
      break;

    case PERM_FOLDER_READ_ONLY:
      g_assert_cmpint (g_mkdir (data_dir, 0500), ==, 0);
      break;

    case PERM_FOLDER_READ_ONLY_EXISTING:
      store = open_ok (data_dir);
      exec_ok (store, sample_sql);
      g_clear_object (&store);
      g_assert_cmpint (g_chmod (data_dir, 0500), ==, 0);
      have_file = TRUE;
      break;

    case PERM_FILE_READ_ONLY:
    case PERM_FILE_UNREADABLE:
      store = open_ok (data_dir);
      g_clear_object (&store);
      g_assert_cmpint (g_chmod (db_path, pc->setup == PERM_FILE_READ_ONLY ? 0400 : 0200), ==, 0);
      have_file = pc->setup == PERM_FILE_READ_ONLY;
      break;

    default:
      g_assert_not_reached ();
    }

  if (have_file)
    snapshot_take (db_path, &snap);

  store = shore_store_open (data_dir, &error);
  g_assert_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_PERMISSION);
  g_assert_null (store);
  g_test_message ("%s", error->message);

  if (have_file)
    {
      snapshot_assert_unchanged (db_path, &snap);
      assert_no_companions (db_path);
    }

  shore_test_rm_rf (tmp);
}

static void
test_permission (gconstpointer data)
{
  const PermissionCase *pc = data;

  if (g_test_subprocess ())
    {
      if (geteuid () == 0)
        {
          g_assert_true (become_nobody ());
          /* changing user makes the process undumpable, which the leak
           * sanitizer needs it to be */
          prctl (PR_SET_DUMPABLE, 1);
        }
      run_permission_case (pc);
      return;
    }

  if (geteuid () == 0 && !can_become_nobody ())
    {
      g_test_skip ("Running as root, which ignores permissions, and cannot become nobody");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  umask (022);
  g_test_init (&argc, &argv, NULL);

  ADD_DATA ("/store/open/fresh-permissions/umask-022", GUINT_TO_POINTER (022), test_open_fresh_permissions);
  ADD_DATA ("/store/open/fresh-permissions/umask-000", GUINT_TO_POINTER (0), test_open_fresh_permissions);
  ADD_DATA ("/store/open/fresh-permissions/umask-277", GUINT_TO_POINTER (0277), test_open_fresh_permissions);
  ADD ("/store/open/pragmas", test_open_pragmas);
  ADD ("/store/open/schema-version", test_open_schema_version);
  ADD ("/store/open/reopen", test_open_reopen);
  ADD ("/store/open/migrate-2-to-3", test_open_migrate_2_to_3);
  ADD ("/store/open/two-connections", test_open_two_connections);
  ADD ("/store/open/existing-folder-kept", test_open_existing_folder_kept);
  ADD ("/store/open/empty-file", test_open_empty_file);
  ADD ("/store/open/relative-dir", test_open_relative_dir);
  ADD ("/store/open/dir-is-a-file", test_open_dir_is_file);
  ADD ("/store/open/symlinked-file", test_open_symlinked_file);

  ADD ("/store/schema/tables", test_schema_tables);
  ADD ("/store/schema/indexes", test_schema_indexes);
  ADD ("/store/schema/valid-rows", test_schema_valid_rows);
  ADD ("/store/schema/cascade", test_schema_cascade);
  ADD ("/store/schema/account-restrict", test_schema_account_restrict);
  for (guint i = 0; i < G_N_ELEMENTS (check_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/constraint/%s", check_cases[i].name);

      ADD_DATA (path, &check_cases[i], test_constraint);
    }

  ADD ("/store/transaction/rollback", test_transaction_rollback);
  ADD ("/store/transaction/commit-persists", test_transaction_commit);
  ADD ("/store/transaction/busy", test_transaction_busy);
  ADD_DATA ("/store/crash/committed", GINT_TO_POINTER (TRUE), test_crash);
  ADD_DATA ("/store/crash/uncommitted", GINT_TO_POINTER (FALSE), test_crash);

  for (guint i = 0; i < G_N_ELEMENTS (refuse_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/refuse/%s", refuse_cases[i].name);

      ADD_DATA (path, &refuse_cases[i], test_refuse);
    }

  ADD ("/store/set-aside/rename", test_set_aside);
  ADD ("/store/set-aside/numbering", test_set_aside_numbering);
  ADD ("/store/set-aside/missing", test_set_aside_missing);
  ADD ("/store/set-aside/after-refusal", test_set_aside_after_refusal);

  ADD ("/store/backup/roundtrip", test_backup_roundtrip);
  ADD ("/store/backup/replaces", test_backup_replaces);
  ADD ("/store/backup/onto-itself", test_backup_onto_itself);
  ADD ("/store/backup/missing-folder", test_backup_missing_folder);

  ADD ("/store/meta/get-set", test_meta);

  ADD ("/store/error/mapping", test_error_mapping);
  ADD ("/store/error/no-sqlite-words", test_error_message_from_sql);

  for (guint i = 0; i < G_N_ELEMENTS (permission_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/permission/%s", permission_cases[i].name);

      g_test_add_data_func (path, &permission_cases[i], test_permission);
    }

  return g_test_run ();
}
