/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include "shore-intl.h"
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "shore-paths.h"
#include "shore-store.h"
#include "shore-store-private.h"

/* Migration 1 uses STRICT tables, so that a REAL can never slip into a
 * money column; they need sqlite 3.37.
 */
#if SQLITE_VERSION_NUMBER < 3037000
# error "Shore needs sqlite 3.37 or newer (STRICT tables)"
#endif

#define BUSY_TIMEOUT_MS 5000
#define SQLITE_HEADER_SIZE 100
#define SQLITE_MAGIC "SQLite format 3"

/* PRAGMA application_id, set by migration 1: 0x53484F52, "SHOR" */
#define SHORE_APPLICATION_ID 1397247826

struct _ShoreStore
{
  GObject  parent_instance;

  sqlite3 *db;
  char    *path;
  int      schema_version;
};

G_DEFINE_FINAL_TYPE (ShoreStore, shore_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (shore-store-error-quark, shore_store_error)

/* Schema
 *
 * Conventions, checked by the constraints below:
 * - money is INTEGER fen (分);
 * - rates are TEXT in shore-rate's canonical form, exact: 'daily:0.05%',
 *   'monthly:1.5%', 'annual:18%';
 * - dates are TEXT 'YYYY-MM-DD' (real calendar dates), months 'YYYY-MM';
 * - timestamps are TEXT ISO 8601 with seconds and an offset:
 *   '2026-01-15T09:30:00+08:00' or '2026-01-15T01:30:00Z';
 * - booleans are INTEGER 0 or 1;
 * - tables are STRICT, every table but meta has `id INTEGER PRIMARY KEY`.
 *
 * migrations[n] takes a database from user_version n − 1 to n, in one
 * transaction. To change the schema, append a string here and bump
 * SHORE_STORE_SCHEMA_VERSION; never edit a migration that has shipped.
 */
/* '+0 days' makes sqlite normalise the date, so that 02-30 is caught */
#define IS_DATE(c) "(date(" c ", '+0 days') IS " c ")"
#define IS_MONTH(c) "(date(" c " || '-01', '+0 days') IS " c " || '-01')"
#define IS_TIMESTAMP(c) \
  "(" c " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*'" \
  " AND (" c " GLOB '*Z' OR " c " GLOB '*[+-][0-9][0-9]:[0-9][0-9]')" \
  " AND julianday(" c ") IS NOT NULL)"
#define IS_RATE(c) \
  "(" c " GLOB 'daily:[0-9]*%' OR " c " GLOB 'monthly:[0-9]*%' OR " c " GLOB 'annual:[0-9]*%')"
#define IS_BOOL(c) "(" c " IN (0, 1))"
#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
#define CREATED_AT \
  "  created_at TEXT NOT NULL DEFAULT (" NOW ") CHECK (" IS_TIMESTAMP ("created_at") ")"

static const char migration_1[] =
  "-- Marks the file as Shore's; see SHORE_APPLICATION_ID.\n"
  "PRAGMA application_id = " G_STRINGIFY (SHORE_APPLICATION_ID) ";\n"
  "\n"
  "-- Small app state, e.g. 'reminders.last_run'.\n"
  "CREATE TABLE meta (\n"
  "  key   TEXT PRIMARY KEY NOT NULL,\n"
  "  value TEXT NOT NULL\n"
  ") STRICT;\n"
  "\n"
  "-- Debts, one row per loan, with the terms of its contract. The lender is\n"
  "-- kept by name; lender_type decides which legal rate line applies.\n"
  "CREATE TABLE loans (\n"
  "  id                    INTEGER PRIMARY KEY,\n"
  "  lender                TEXT NOT NULL CHECK (length(trim(lender)) > 0),\n"
  "  lender_type           TEXT NOT NULL DEFAULT 'platform' CHECK (lender_type IN\n"
  "                          ('bank', 'consumer-finance', 'microlender', 'platform', 'private', 'credit-card')),\n"
  "  name                  TEXT,  -- the user's label; NULL shows the lender\n"
  "  principal             INTEGER NOT NULL CHECK (principal > 0),\n"
  "  rate                  TEXT NOT NULL CHECK (" IS_RATE ("rate") "),\n"
  "  monthly_fee_rate      TEXT CHECK (" IS_RATE ("monthly_fee_rate") "),  -- 月费率 on the original principal\n"
  "  upfront_fee           INTEGER NOT NULL DEFAULT 0 CHECK (upfront_fee >= 0),\n"
  "  term_months           INTEGER NOT NULL CHECK (term_months >= 1),\n"
  "  method                TEXT NOT NULL CHECK (method IN\n"
  "                          ('equal-installment', 'equal-principal', 'interest-first', 'bullet')),\n"
  "  start_date            TEXT NOT NULL CHECK (" IS_DATE ("start_date") "),\n"
  "  -- The overdue model, editable per loan: penalty daily rate =\n"
  "  -- daily rate × (1 + penalty_markup_bp / 10000); 5000 is the usual 50%.\n"
  "  penalty_markup_bp     INTEGER NOT NULL DEFAULT 5000 CHECK (penalty_markup_bp >= 0),\n"
  "  grace_days            INTEGER NOT NULL DEFAULT 1 CHECK (grace_days >= 0),\n"
  "  compound              INTEGER NOT NULL DEFAULT 1 CHECK (" IS_BOOL ("compound") "),\n"
  "  late_fee_daily        TEXT CHECK (late_fee_daily GLOB 'daily:[0-9]*%'),  -- NULL: no late fee\n"
  "  accelerate_after_days INTEGER CHECK (accelerate_after_days >= 0),  -- NULL: no acceleration\n"
  "  reminder_lead_days    INTEGER CHECK (reminder_lead_days >= 0),  -- NULL: the app's setting\n"
  "  note                  TEXT NOT NULL DEFAULT '',\n"
  "  archived              INTEGER NOT NULL DEFAULT 0 CHECK (" IS_BOOL ("archived") "),\n"
  CREATED_AT "\n"
  ") STRICT;\n"
  "\n"
  "-- The schedule as the lender states it, when it differs from the one\n"
  "-- computed from the terms; a loan without rows here uses the computed one.\n"
  "CREATE TABLE installments (\n"
  "  id        INTEGER PRIMARY KEY,\n"
  "  loan_id   INTEGER NOT NULL REFERENCES loans (id) ON DELETE CASCADE,\n"
  "  period    INTEGER NOT NULL CHECK (period >= 1),\n"
  "  due_date  TEXT NOT NULL CHECK (" IS_DATE ("due_date") "),\n"
  "  principal INTEGER NOT NULL CHECK (principal >= 0),\n"
  "  interest  INTEGER NOT NULL CHECK (interest >= 0),\n"
  "  fee       INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),\n"
  "  UNIQUE (loan_id, period)\n"
  ") STRICT;\n"
  "\n"
  "-- Repayments made on a loan; transaction_id links the matching entry of\n"
  "-- the budget tracker, if any.\n"
  "CREATE TABLE payments (\n"
  "  id             INTEGER PRIMARY KEY,\n"
  "  loan_id        INTEGER NOT NULL REFERENCES loans (id) ON DELETE CASCADE,\n"
  "  date           TEXT NOT NULL CHECK (" IS_DATE ("date") "),\n"
  "  amount         INTEGER NOT NULL CHECK (amount > 0),\n"
  "  note           TEXT NOT NULL DEFAULT '',\n"
  "  transaction_id INTEGER REFERENCES transactions (id) ON DELETE SET NULL,\n"
  CREATED_AT "\n"
  ") STRICT;\n"
  "CREATE INDEX payments_by_loan ON payments (loan_id, date);\n"
  "CREATE INDEX payments_by_transaction ON payments (transaction_id);\n"
  "\n"
  "-- Where money is kept. opening_balance may be negative (a credit card).\n"
  "CREATE TABLE accounts (\n"
  "  id              INTEGER PRIMARY KEY,\n"
  "  name            TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),\n"
  "  kind            TEXT NOT NULL DEFAULT 'cash' CHECK (kind IN\n"
  "                    ('cash', 'bank', 'wechat', 'alipay', 'credit-card', 'other')),\n"
  "  opening_balance INTEGER NOT NULL DEFAULT 0,\n"
  "  sort            INTEGER NOT NULL DEFAULT 0,\n"
  "  archived        INTEGER NOT NULL DEFAULT 0 CHECK (" IS_BOOL ("archived") "),\n"
  CREATED_AT "\n"
  ") STRICT;\n"
  "\n"
  "-- Budget categories, one level of subcategories. A built-in category has\n"
  "-- a builtin_key ('food', 'rent'…) and is shown by the translation of that\n"
  "-- key; name is what the user typed or the name it was created with.\n"
  "CREATE TABLE categories (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  name        TEXT NOT NULL,\n"
  "  kind        TEXT NOT NULL CHECK (kind IN ('income', 'expense', 'neutral')),\n"
  "  icon        TEXT,  -- an icon name; NULL: the default for the kind\n"
  "  parent_id   INTEGER REFERENCES categories (id) ON DELETE SET NULL CHECK (parent_id != id),\n"
  "  builtin_key TEXT UNIQUE,\n"
  "  sort        INTEGER NOT NULL DEFAULT 0,\n"
  "  archived    INTEGER NOT NULL DEFAULT 0 CHECK (" IS_BOOL ("archived") "),\n"
  CREATED_AT "\n"
  ") STRICT;\n"
  "CREATE INDEX categories_by_parent ON categories (parent_id);\n"
  "\n"
  "-- One record per bill file imported, so that an import can be undone\n"
  "-- (delete its transactions) and a file imported twice recognised.\n"
  "CREATE TABLE imports (\n"
  "  id              INTEGER PRIMARY KEY,\n"
  "  file_name       TEXT NOT NULL,  -- the base name, for display\n"
  "  file_sha256     TEXT CHECK (length(file_sha256) = 64),\n"
  "  kind            TEXT NOT NULL CHECK (kind IN ('wechat', 'alipay', 'csv')),\n"
  "  account_id      INTEGER REFERENCES accounts (id) ON DELETE SET NULL,\n"
  "  imported_at     TEXT NOT NULL DEFAULT (" NOW ") CHECK (" IS_TIMESTAMP ("imported_at") "),\n"
  "  row_count       INTEGER NOT NULL DEFAULT 0 CHECK (row_count >= 0),\n"
  "  imported_count  INTEGER NOT NULL DEFAULT 0 CHECK (imported_count >= 0),\n"
  "  skipped_count   INTEGER NOT NULL DEFAULT 0 CHECK (skipped_count >= 0),\n"
  "  duplicate_count INTEGER NOT NULL DEFAULT 0 CHECK (duplicate_count >= 0)\n"
  ") STRICT;\n"
  "CREATE INDEX imports_by_account ON imports (account_id);\n"
  "\n"
  "-- The budget tracker's entries. amount is signed: income > 0, spending < 0.\n"
  "-- A transfer between own accounts is two rows pointing at each other.\n"
  "-- An account with entries cannot be deleted, only archived.\n"
  "-- (import_source, import_key) identifies a bill row, e.g. ('wechat',\n"
  "-- its 交易单号), so importing the same bill twice adds nothing.\n"
  "CREATE TABLE transactions (\n"
  "  id               INTEGER PRIMARY KEY,\n"
  "  date             TEXT NOT NULL CHECK (" IS_DATE ("date") "),\n"
  "  amount           INTEGER NOT NULL,\n"
  "  account_id       INTEGER NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,\n"
  "  category_id      INTEGER REFERENCES categories (id) ON DELETE SET NULL,\n"
  "  payee            TEXT NOT NULL DEFAULT '',\n"
  "  note             TEXT NOT NULL DEFAULT '',\n"
  "  transfer_peer_id INTEGER REFERENCES transactions (id) ON DELETE SET NULL\n"
  "                     CHECK (transfer_peer_id != id),\n"
  "  loan_id          INTEGER REFERENCES loans (id) ON DELETE SET NULL,  -- a repayment or a disbursement\n"
  "  import_id        INTEGER REFERENCES imports (id) ON DELETE SET NULL,\n"
  "  import_source    TEXT,\n"
  "  import_key       TEXT,\n"
  CREATED_AT ",\n"
  "  CHECK ((import_source IS NULL) = (import_key IS NULL)),\n"
  "  UNIQUE (import_source, import_key)\n"
  ") STRICT;\n"
  "CREATE INDEX transactions_by_date ON transactions (date);\n"
  "CREATE INDEX transactions_by_account ON transactions (account_id, date);\n"
  "CREATE INDEX transactions_by_category ON transactions (category_id, date);\n"
  "CREATE INDEX transactions_by_loan ON transactions (loan_id);\n"
  "CREATE INDEX transactions_by_peer ON transactions (transfer_peer_id);\n"
  "CREATE INDEX transactions_by_import ON transactions (import_id);\n"
  "\n"
  "-- Spending limits. category_id NULL: all spending; month NULL: the\n"
  "-- default for every month that has no row of its own.\n"
  "CREATE TABLE budgets (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  category_id INTEGER REFERENCES categories (id) ON DELETE CASCADE,\n"
  "  month       TEXT CHECK (" IS_MONTH ("month") "),\n"
  "  amount      INTEGER NOT NULL CHECK (amount >= 0),\n"
  CREATED_AT "\n"
  ") STRICT;\n"
  "CREATE UNIQUE INDEX budgets_by_category_month ON budgets (ifnull(category_id, 0), ifnull(month, ''));\n"
  "CREATE INDEX budgets_by_category ON budgets (category_id);\n"
  "\n"
  "-- Items that come back every month, on day_of_month (clamped to the\n"
  "-- month's last day). amount is positive; kind gives the sign. last_posted\n"
  "-- is the due date of the last entry made from it, so none is made twice.\n"
  "CREATE TABLE recurring (\n"
  "  id           INTEGER PRIMARY KEY,\n"
  "  kind         TEXT NOT NULL CHECK (kind IN ('income', 'expense', 'repayment')),\n"
  "  amount       INTEGER NOT NULL CHECK (amount > 0),\n"
  "  account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,\n"
  "  category_id  INTEGER REFERENCES categories (id) ON DELETE SET NULL,\n"
  "  loan_id      INTEGER REFERENCES loans (id) ON DELETE CASCADE,\n"
  "  payee        TEXT NOT NULL DEFAULT '',\n"
  "  note         TEXT NOT NULL DEFAULT '',\n"
  "  day_of_month INTEGER NOT NULL CHECK (day_of_month BETWEEN 1 AND 31),\n"
  "  start_date   TEXT NOT NULL CHECK (" IS_DATE ("start_date") "),\n"
  "  end_date     TEXT CHECK (" IS_DATE ("end_date") " AND end_date >= start_date),\n"
  "  last_posted  TEXT CHECK (" IS_DATE ("last_posted") "),\n"
  CREATED_AT ",\n"
  "  CHECK (kind != 'repayment' OR loan_id IS NOT NULL)\n"
  ") STRICT;\n"
  "CREATE INDEX recurring_by_account ON recurring (account_id);\n"
  "CREATE INDEX recurring_by_category ON recurring (category_id);\n"
  "CREATE INDEX recurring_by_loan ON recurring (loan_id);\n"
  "\n"
  "-- The evidence log: each contact by a lender or debt collector as the\n"
  "-- user recorded it. occurred_at keeps the local offset, so the rules on\n"
  "-- calling hours can be checked; connected is whether a call was answered.\n"
  "CREATE TABLE contacts (\n"
  "  id               INTEGER PRIMARY KEY,\n"
  "  occurred_at      TEXT NOT NULL CHECK (" IS_TIMESTAMP ("occurred_at") "),\n"
  "  channel          TEXT NOT NULL CHECK (channel IN\n"
  "                     ('call', 'sms', 'app', 'visit', 'third-party', 'other')),\n"
  "  loan_id          INTEGER REFERENCES loans (id) ON DELETE SET NULL,\n"
  "  organization     TEXT NOT NULL DEFAULT '',  -- the lender or collection agency named\n"
  "  person           TEXT NOT NULL DEFAULT '',  -- name or staff number given\n"
  "  phone            TEXT NOT NULL DEFAULT '',\n"
  "  duration_seconds INTEGER CHECK (duration_seconds >= 0),\n"
  "  connected        INTEGER NOT NULL DEFAULT 1 CHECK (" IS_BOOL ("connected") "),\n"
  "  summary          TEXT NOT NULL DEFAULT '',\n"
  "  third_parties    TEXT NOT NULL DEFAULT '',  -- relatives, employer… reached or named\n"
  CREATED_AT "\n"
  ") STRICT;\n"
  "CREATE INDEX contacts_by_time ON contacts (occurred_at);\n"
  "CREATE INDEX contacts_by_loan ON contacts (loan_id);\n"
  "\n"
  "-- Files kept as evidence of a contact (screenshots, recordings). path is\n"
  "-- relative to the data folder when the file was copied into it, else\n"
  "-- absolute; sha256 is taken when attached, to show it was not altered.\n"
  "CREATE TABLE contact_attachments (\n"
  "  id         INTEGER PRIMARY KEY,\n"
  "  contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,\n"
  "  path       TEXT NOT NULL CHECK (length(path) > 0),\n"
  "  sha256     TEXT CHECK (length(sha256) = 64),\n"
  CREATED_AT ",\n"
  "  UNIQUE (contact_id, path)\n"
  ") STRICT;\n"
  "\n"
  "-- Notifications already sent, so none is sent twice or lost across\n"
  "-- restarts. key says what for what, as core/reminders builds it (kind,\n"
  "-- loan, period, stage); snoozed_until asks for it again after that time.\n"
  "CREATE TABLE reminders_sent (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  key           TEXT NOT NULL UNIQUE,\n"
  "  loan_id       INTEGER REFERENCES loans (id) ON DELETE CASCADE,\n"
  "  sent_at       TEXT NOT NULL DEFAULT (" NOW ") CHECK (" IS_TIMESTAMP ("sent_at") "),\n"
  "  snoozed_until TEXT CHECK (snoozed_until IS NULL OR " IS_TIMESTAMP ("snoozed_until") ")\n"
  ") STRICT;\n"
  "CREATE INDEX reminders_sent_by_loan ON reminders_sent (loan_id);\n";

/* Migration 2: the budget tracker's ledger.
 * - the built-in categories; name is the English msgid, shown translated
 *   while unchanged (shore-ledger.c holds the same table for gettext);
 * - a time of day on transactions, for the order of a day's entries;
 * - indexes for the paged list (newest first), the filtered lists, and the
 *   lookup of the category last used for a payee. An index on (date, time)
 *   also orders by id, sqlite's rowid being its last key.
 */
static const char migration_2[] =
  "INSERT INTO categories (name, kind, icon, builtin_key, sort) VALUES\n"
  "  ('Food & Dining',         'expense', 'emoji-food-symbolic',              'food',          1),\n"
  "  ('Groceries',             'expense', 'emoji-nature-symbolic',            'groceries',     2),\n"
  "  ('Transport',             'expense', 'emoji-travel-symbolic',            'transport',     3),\n"
  "  ('Housing & Rent',        'expense', 'user-home-symbolic',               'housing',       4),\n"
  "  ('Utilities & Phone',     'expense', 'phone-symbolic',                   'utilities',     5),\n"
  "  ('Medical',               'expense', 'face-sick-symbolic',               'health',        6),\n"
  "  ('Education',             'expense', 'x-office-document-symbolic',       'education',     7),\n"
  "  ('Clothing',              'expense', 'emoji-body-symbolic',              'clothing',      8),\n"
  "  ('Family & Children',     'expense', 'avatar-default-symbolic',          'family',        9),\n"
  "  ('Social & Gifts',        'expense', 'emoji-people-symbolic',            'social',        10),\n"
  "  ('Entertainment',         'expense', 'emoji-activities-symbolic',        'entertainment', 11),\n"
  "  ('Shopping',              'expense', 'emoji-objects-symbolic',           'shopping',      12),\n"
  "  ('Debt Repayment',        'expense', 'send-to-symbolic',                 'debt',          13),\n"
  "  ('Fees & Interest',       'expense', 'emblem-important-symbolic',        'fees',          14),\n"
  "  ('Other Spending',        'expense', 'view-more-horizontal-symbolic',    'other-expense', 15),\n"
  "  ('Salary',                'income',  'applications-engineering-symbolic', 'salary',       1),\n"
  "  ('Side Income',           'income',  'starred-symbolic',                 'side-income',   2),\n"
  "  ('Red Envelopes & Gifts', 'income',  'emblem-favorite-symbolic',         'gifts',         3),\n"
  "  ('Refunds',               'income',  'edit-undo-symbolic',               'refunds',       4),\n"
  "  ('Borrowed Money',        'income',  'emblem-shared-symbolic',           'borrowing',     5),\n"
  "  ('Other Income',          'income',  'list-add-symbolic',                'other-income',  6),\n"
  "  ('Transfers',             'neutral', 'mail-send-receive-symbolic',       'transfer',      1);\n"
  "\n"
  "-- 'HH:MM', 'HH:MM:SS' or '' when the bill or the user gave none\n"
  "ALTER TABLE transactions ADD COLUMN time TEXT NOT NULL DEFAULT '' CHECK (time = ''\n"
  "  OR (time GLOB '[0-2][0-9]:[0-5][0-9]' AND time < '24')\n"
  "  OR (time GLOB '[0-2][0-9]:[0-5][0-9]:[0-5][0-9]' AND time < '24'));\n"
  "\n"
  "DROP INDEX transactions_by_date;\n"
  "DROP INDEX transactions_by_account;\n"
  "DROP INDEX transactions_by_category;\n"
  "CREATE INDEX transactions_by_day ON transactions (date, time);\n"
  "CREATE INDEX transactions_by_account ON transactions (account_id, date, time);\n"
  "CREATE INDEX transactions_by_category ON transactions (category_id, date, time);\n"
  "CREATE INDEX transactions_by_payee ON transactions (payee, date);\n";

/* Migration 3: the evidence log records the amount a collector demanded
 * (fen; 0: none stated), for the rule on amounts above the records.
 */
static const char migration_3[] =
  "ALTER TABLE contacts ADD COLUMN amount_demanded INTEGER NOT NULL DEFAULT 0\n"
  "  CHECK (amount_demanded >= 0);\n";

static const char * const migrations[] = {
  NULL,         /* user_version 0: a new, empty database */
  migration_1,
  migration_2,
  migration_3,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SHORE_STORE_SCHEMA_VERSION + 1);

static gboolean
errno_is_permission (int errsv)
{
  return errsv == EACCES || errsv == EPERM || errsv == EROFS;
}

static void
set_not_a_database_error (GError     **error,
                          const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_NOT_A_DATABASE,
               /* Translators: %s is a file path */
               _("The file “%s” is not a Shore database or is damaged."),
               display);
}

static void
set_too_new_error (GError     **error,
                   const char  *path,
                   int          version)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_TOO_NEW,
               /* Translators: %s is a file path; the first %d is the schema
                * version found in the file, the second the newest this
                * version of Shore knows, e.g. 3 and 1. */
               _("The database “%s” was written by a newer version of Shore: its schema version is %d, but this version supports only up to %d."),
               display, version, SHORE_STORE_SCHEMA_VERSION);
}

static void
set_permission_error (GError     **error,
                      const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_PERMISSION,
               /* Translators: %s is a file path */
               _("The database “%s” cannot be written; check the permissions of the file and its folder."),
               display);
}

static void
set_failed_error (GError     **error,
                  const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_FAILED,
               /* Translators: %s is a file path */
               _("Could not read or write the database “%s”."),
               display);
}

/* Turns an sqlite result code into a GError of our domain with a message
 * for the user; what sqlite said goes to the debug log only.
 */
static void
set_error_from_rc (GError     **error,
                   sqlite3     *db,
                   int          rc,
                   const char  *path)
{
  int errsv = db != NULL ? sqlite3_system_errno (db) : 0;

  g_debug ("%s: sqlite error %d (%s): %s%s%s", path, rc, sqlite3_errstr (rc),
           db != NULL ? sqlite3_errmsg (db) : "",
           errsv != 0 ? "; " : "", errsv != 0 ? g_strerror (errsv) : "");

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      set_not_a_database_error (error, path);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_BUSY,
                           _("The database is in use by another program; try again in a moment."));
      break;

    case SQLITE_CONSTRAINT:
      g_set_error_literal (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_CONSTRAINT,
                           _("The change was refused because it does not fit the data already saved."));
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      set_permission_error (error, path);
      break;

    case SQLITE_FULL:
      g_set_error_literal (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_FAILED,
                           _("The disk is full; the change was not saved."));
      break;

    case SQLITE_CANTOPEN:
      if (errno_is_permission (errsv))
        {
          set_permission_error (error, path);
          break;
        }
      G_GNUC_FALLTHROUGH;

    default:
      set_failed_error (error, path);
      break;
    }
}

/* Like g_mkdir_with_parents(), but each folder it creates is chmod-ed to
 * 0700 at once: the umask could otherwise leave a parent unwritable before
 * its child is made. Returns 0 or -1 with errno set.
 */
static int
make_private_dirs (const char *dir)
{
  g_autofree char *parent = NULL;

  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    return 0;

  parent = g_path_get_dirname (dir);
  if (g_strcmp0 (parent, dir) != 0 && make_private_dirs (parent) != 0)
    return -1;

  if (g_mkdir (dir, 0700) != 0)
    {
      if (errno == EEXIST && !g_file_test (dir, G_FILE_TEST_IS_DIR))
        errno = ENOTDIR;
      return errno == EEXIST ? 0 : -1;
    }

  return g_chmod (dir, 0700);
}

static gboolean
ensure_data_dir (const char  *data_dir,
                 GError     **error)
{
  g_autofree char *display = NULL;
  int errsv;

  if (make_private_dirs (data_dir) == 0)
    return TRUE;

  errsv = errno;
  display = g_filename_display_name (data_dir);
  g_set_error (error, SHORE_STORE_ERROR,
               errno_is_permission (errsv) ? SHORE_STORE_ERROR_PERMISSION : SHORE_STORE_ERROR_FAILED,
               /* Translators: the first %s is a folder path, the second the
                * system's reason, e.g. “Permission denied” */
               _("Could not create the folder “%s”: %s."),
               display, g_strerror (errsv));
  return FALSE;
}

/* Creates the database file 0600 before sqlite sees it: sqlite gives the
 * -wal and -shm files the permissions of the main file.
 */
static gboolean
ensure_file (const char  *path,
             gboolean    *out_created,
             GError     **error)
{
  g_autofree char *display = NULL;
  int fd;
  int errsv;

  *out_created = FALSE;
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      *out_created = TRUE;
      errsv = fchmod (fd, 0600) == 0 ? 0 : errno;
      g_close (fd, NULL);
      if (errsv == 0)
        return TRUE;
    }
  else
    {
      errsv = errno;
      if (errsv == EEXIST)
        return TRUE;
    }

  display = g_filename_display_name (path);
  g_set_error (error, SHORE_STORE_ERROR,
               errno_is_permission (errsv) ? SHORE_STORE_ERROR_PERMISSION : SHORE_STORE_ERROR_FAILED,
               /* Translators: the first %s is a file path, the second the
                * system's reason, e.g. “Permission denied” */
               _("Could not create the database “%s”: %s."),
               display, g_strerror (errsv));
  return FALSE;
}

/* Reads the start of the file ourselves, so that a file that is not sqlite
 * at all never reaches sqlite. Sets *out_empty for a zero-length file.
 */
static gboolean
check_header (const char  *path,
              gboolean    *out_empty,
              GError     **error)
{
  guint8 header[SQLITE_HEADER_SIZE];
  gsize filled = 0;
  int fd;
  int errsv = 0;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    errsv = errno;

  while (fd >= 0 && filled < sizeof header)
    {
      gssize n = read (fd, header + filled, sizeof header - filled);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        errsv = errno;
      if (n <= 0)
        break;
      filled += n;
    }

  if (fd >= 0)
    g_close (fd, NULL);

  if (errsv != 0)
    {
      g_debug ("%s: %s", path, g_strerror (errsv));
      if (errno_is_permission (errsv))
        set_permission_error (error, path);
      else
        set_failed_error (error, path);
      return FALSE;
    }

  *out_empty = filled == 0;
  if (filled == 0)
    return TRUE;

  if (filled < sizeof header || memcmp (header, SQLITE_MAGIC, sizeof SQLITE_MAGIC) != 0)
    {
      set_not_a_database_error (error, path);
      return FALSE;
    }

  return TRUE;
}

static sqlite3 *
open_read_only (const char  *path,
                gboolean    *out_immutable,
                GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = NULL;
  int rc;

  /* Without a -wal file nobody has the database open, and "immutable" makes
   * sqlite read the main file alone: no locks, no -wal or -shm created, so
   * a damaged file stays exactly as it was. With one, it is in use (or a
   * crash left it) and must be read through the WAL.
   */
  *out_immutable = !g_file_test (wal, G_FILE_TEST_EXISTS);
  if (!*out_immutable)
    uri = g_strdup (path);
  else
    {
      g_autofree char *file_uri = g_filename_to_uri (path, NULL, error);

      if (file_uri == NULL)
        return NULL;
      uri = g_strconcat (file_uri, "?immutable=1", NULL);
    }

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_rc (error, db, rc, path);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  return g_steal_pointer (&db);
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           int         *out_value,
           const char  *path,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_value = sqlite3_column_int (stmt, 0);
      return TRUE;
    }

  if (rc == SQLITE_DONE)
    rc = SQLITE_CORRUPT;
  set_error_from_rc (error, db, rc, path);
  return FALSE;
}

/* Runs the integrity quick check. Errors other than "damaged" (busy, out of
 * memory, I/O) are reported as they are.
 */
static gboolean
quick_check (sqlite3     *db,
             const char  *path,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *result;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      result = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (result, "ok") == 0)
        return TRUE;
      g_debug ("%s: quick_check: %s", path, result);
      rc = SQLITE_CORRUPT;
    }
  else if (rc == SQLITE_DONE || (rc & 0xff) == SQLITE_ERROR)
    rc = SQLITE_CORRUPT;   /* e.g. a malformed schema */

  set_error_from_rc (error, db, rc, path);
  return FALSE;
}

static gboolean
check_existing_once (const char  *path,
                     gboolean    *out_immutable,
                     GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  int version = 0;
  int n_objects = 0;
  int application_id = 0;

  db = open_read_only (path, out_immutable, error);
  if (db == NULL)
    return FALSE;

  if (!quick_check (db, path, error) ||
      !query_int (db, "PRAGMA user_version", &version, path, error))
    return FALSE;

  /* Version 0 with tables in it is some other program's database: running
   * migration 1 on it would mix our tables into it. From version 1 on, the
   * application id tells.
   */
  if (version == 0 &&
      !query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects, path, error))
    return FALSE;

  if (version != 0 &&
      !query_int (db, "PRAGMA application_id", &application_id, path, error))
    return FALSE;

  if (version < 0 || n_objects > 0 ||
      (version > 0 && application_id != SHORE_APPLICATION_ID))
    {
      g_debug ("%s: user_version %d, application_id %d, %d schema objects",
               path, version, application_id, n_objects);
      set_not_a_database_error (error, path);
      return FALSE;
    }

  if (version > SHORE_STORE_SCHEMA_VERSION)
    {
      set_too_new_error (error, path, version);
      return FALSE;
    }

  return TRUE;
}

/* Decides, without writing anything, whether an existing non-empty file is
 * a Shore database this version can open.
 */
static gboolean
check_existing (const char  *path,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *wal = NULL;
  gboolean immutable = FALSE;

  if (check_existing_once (path, &immutable, &local_error))
    return TRUE;

  /* Read without locks, the file may have changed under us if another copy
   * of Shore opened it meanwhile (it then has a -wal): look again, properly.
   */
  wal = g_strconcat (path, "-wal", NULL);
  if (immutable &&
      g_error_matches (local_error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_NOT_A_DATABASE) &&
      g_file_test (wal, G_FILE_TEST_EXISTS))
    return check_existing_once (path, &immutable, error);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
read_pragma_text (ShoreStore  *self,
                  const char  *sql,
                  char       **out_value,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = FALSE;

  stmt = shore_store_prepare (self, sql, error);
  if (stmt == NULL || !shore_store_step (self, stmt, &has_row, error))
    return FALSE;

  *out_value = has_row ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;
  return TRUE;
}

static gboolean
open_read_write (ShoreStore  *self,
                 GError     **error)
{
  g_autofree char *journal_mode = NULL;
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_rc (error, self->db, rc, self->path);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* sqlite falls back to read-only silently when it cannot write the file */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      set_permission_error (error, self->path);
      return FALSE;
    }

  if (!shore_store_exec (self, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL", error) ||
      !read_pragma_text (self, "PRAGMA journal_mode = WAL", &journal_mode, error))
    return FALSE;

  if (g_ascii_strcasecmp (journal_mode != NULL ? journal_mode : "", "wal") != 0)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);

      if (g_access (dir, W_OK) != 0)
        {
          set_permission_error (error, self->path);
          return FALSE;
        }

      /* A file system without shared memory: a rollback journal keeps every
       * transaction whole just as well, only readers wait for writers.
       */
      g_warning ("%s: cannot use write-ahead logging, journal mode is %s",
                 self->path, journal_mode);
    }

  return TRUE;
}

static gboolean
read_user_version (ShoreStore  *self,
                   int         *out_version,
                   GError     **error)
{
  return query_int (self->db, "PRAGMA user_version", out_version, self->path, error);
}

/* One step of migrate(), inside its transaction. The version is read
 * again here, so two copies of Shore starting together never run a
 * migration twice.
 */
static gboolean
migrate_once (ShoreStore  *self,
              gboolean    *out_done,
              GError     **error)
{
  g_autofree char *set_version = NULL;
  int version = 0;

  if (!read_user_version (self, &version, error))
    return FALSE;

  if (version > SHORE_STORE_SCHEMA_VERSION)
    {
      set_too_new_error (error, self->path, version);
      return FALSE;
    }

  self->schema_version = version;
  *out_done = version == SHORE_STORE_SCHEMA_VERSION;
  if (*out_done)
    return TRUE;

  g_debug ("%s: migrating from schema %d to %d", self->path, version, version + 1);
  set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

  return shore_store_exec (self, migrations[version + 1], error) &&
         shore_store_exec (self, set_version, error);
}

/* Brings the schema up to SHORE_STORE_SCHEMA_VERSION, one transaction per
 * version, so a crash leaves the database at one version or the next.
 */
static gboolean
migrate (ShoreStore  *self,
         GError     **error)
{
  gboolean done = FALSE;
  int version = 0;

  if (!read_user_version (self, &version, error))
    return FALSE;

  if (version == SHORE_STORE_SCHEMA_VERSION)
    {
      self->schema_version = version;
      return TRUE;
    }

  while (!done)
    {
      if (!shore_store_begin (self, error))
        return FALSE;

      if (!migrate_once (self, &done, error) ||
          !shore_store_commit (self, error))
        {
          shore_store_rollback (self);
          return FALSE;
        }
    }

  return TRUE;
}

static void
shore_store_finalize (GObject *object)
{
  ShoreStore *self = (ShoreStore *)object;

  /* The last connection to close checkpoints the WAL and removes it */
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (shore_store_parent_class)->finalize (object);
}

static void
shore_store_class_init (ShoreStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shore_store_finalize;
}

static void
shore_store_init (ShoreStore *self)
{
}

/**
 * shore_store_open:
 * @data_dir: (type filename): the data folder, from shore_paths_resolve_data_dir()
 * @error: return location for a #GError
 *
 * Opens the database `shore.db` in @data_dir, creating the folder (0700)
 * and the file (0600) if needed, and brings its schema up to
 * %SHORE_STORE_SCHEMA_VERSION.
 *
 * An existing file is first checked read-only: if it is not a Shore
 * database or is damaged the result is %SHORE_STORE_ERROR_NOT_A_DATABASE,
 * and if a newer Shore wrote it %SHORE_STORE_ERROR_TOO_NEW; in both cases
 * the file is left exactly as it was (see shore_store_set_aside()).
 *
 * Returns: (transfer full): the open store, or %NULL with @error set
 */
ShoreStore *
shore_store_open (const char  *data_dir,
                  GError     **error)
{
  g_autoptr(ShoreStore) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gboolean created = FALSE;
  gboolean empty = FALSE;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_canonicalize_filename (data_dir, NULL);
  path = shore_paths_database_file (dir);

  if (!ensure_data_dir (dir, error) ||
      !ensure_file (path, &created, error))
    return NULL;

  if (!created)
    {
      /* sqlite puts the -wal beside the file a symbolic link points to */
      g_autofree char *real_path = realpath (path, NULL);
      const char *checked = real_path != NULL ? real_path : path;

      if (!check_header (checked, &empty, error) ||
          (!empty && !check_existing (checked, error)))
        return NULL;
    }

  self = g_object_new (SHORE_TYPE_STORE, NULL);
  self->path = g_steal_pointer (&path);

  if (!open_read_write (self, error) ||
      !migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * shore_store_get_path:
 * @self: a #ShoreStore
 *
 * Returns: (type filename): the absolute path of the database file
 */
const char *
shore_store_get_path (ShoreStore *self)
{
  g_return_val_if_fail (SHORE_IS_STORE (self), NULL);

  return self->path;
}

/**
 * shore_store_get_schema_version:
 * @self: a #ShoreStore
 *
 * Returns: the schema version of the open database, which is always
 *   %SHORE_STORE_SCHEMA_VERSION once shore_store_open() succeeded
 */
int
shore_store_get_schema_version (ShoreStore *self)
{
  g_return_val_if_fail (SHORE_IS_STORE (self), 0);

  return self->schema_version;
}

/**
 * shore_store_begin:
 * @self: a #ShoreStore
 * @error: return location for a #GError
 *
 * Starts a write transaction (`BEGIN IMMEDIATE`: the write lock is taken
 * now, waiting up to the busy timeout). Transactions do not nest. End it
 * with shore_store_commit() or shore_store_rollback().
 *
 * Returns: %TRUE if the transaction started
 */
gboolean
shore_store_begin (ShoreStore  *self,
                   GError     **error)
{
  g_return_val_if_fail (SHORE_IS_STORE (self), FALSE);
  g_return_val_if_fail (!shore_store_in_transaction (self), FALSE);

  return shore_store_exec (self, "BEGIN IMMEDIATE", error);
}

/**
 * shore_store_commit:
 * @self: a #ShoreStore
 * @error: return location for a #GError
 *
 * Commits the transaction started by shore_store_begin(). If this fails the
 * transaction may still be open: call shore_store_rollback().
 *
 * Returns: %TRUE if the changes are saved
 */
gboolean
shore_store_commit (ShoreStore  *self,
                    GError     **error)
{
  g_return_val_if_fail (SHORE_IS_STORE (self), FALSE);
  g_return_val_if_fail (shore_store_in_transaction (self), FALSE);

  return shore_store_exec (self, "COMMIT", error);
}

/**
 * shore_store_rollback:
 * @self: a #ShoreStore
 *
 * Abandons the open transaction, if any; safe to call when none is open
 * (e.g. on every error path).
 */
void
shore_store_rollback (ShoreStore *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SHORE_IS_STORE (self));

  if (shore_store_in_transaction (self) &&
      !shore_store_exec (self, "ROLLBACK", &error))
    g_warning ("Could not roll back: %s", error->message);
}

/* Suffixes of the files that make up a database, companions first: the
 * main file must be the last to go, or sqlite would delete a stale -wal
 * beside the empty database created in its place.
 */
static const char * const database_suffixes[] = { "-wal", "-shm", "-journal", "" };

static gboolean
database_files_exist (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (database_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, database_suffixes[i], NULL);

      if (g_file_test (file, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
        return TRUE;
    }

  return FALSE;
}

static char *
find_set_aside_path (const char *data_dir)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint n = 1; n < 10000; n++)
    {
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if (n == 1)
        name = g_strdup_printf ("shore-damaged-%s.db", stamp);
      else
        name = g_strdup_printf ("shore-damaged-%s-%u.db", stamp, n);

      path = g_build_filename (data_dir, name, NULL);
      if (!database_files_exist (path))
        return g_steal_pointer (&path);
    }

  return NULL;
}

/**
 * shore_store_set_aside:
 * @data_dir: (type filename): the data folder
 * @error: return location for a #GError
 *
 * Moves a damaged `shore.db` and its `-wal`, `-shm` and `-journal`
 * companions aside, renaming them in the same folder to
 * `shore-damaged-YYYYMMDD-HHMMSS.db` (with `-2`, `-3`… if that is taken), so
 * that shore_store_open() can create a fresh database. The files are
 * renamed, never rewritten nor deleted. The store must not be open.
 *
 * Returns: (transfer full) (type filename): the new path of the damaged
 *   database, or %NULL with @error set
 */
char *
shore_store_set_aside (const char  *data_dir,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  g_autofree char *display = NULL;
  int errsv = 0;
  guint moved = 0;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_canonicalize_filename (data_dir, NULL);
  path = shore_paths_database_file (dir);
  display = g_filename_display_name (path);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_FAILED,
                   /* Translators: %s is a file path */
                   _("There is no database “%s” to keep under another name."),
                   display);
      return NULL;
    }

  target = find_set_aside_path (dir);
  if (target == NULL)
    errsv = EEXIST;

  for (; target != NULL && moved < G_N_ELEMENTS (database_suffixes); moved++)
    {
      g_autofree char *from = g_strconcat (path, database_suffixes[moved], NULL);
      g_autofree char *to = g_strconcat (target, database_suffixes[moved], NULL);

      if (!g_file_test (from, G_FILE_TEST_EXISTS))
        continue;

      if (g_rename (from, to) != 0)
        {
          errsv = errno;
          break;
        }
    }

  if (errsv == 0)
    return g_steal_pointer (&target);

  /* Put back what was moved, so the folder is as it was */
  while (target != NULL && moved-- > 0)
    {
      g_autofree char *from = g_strconcat (path, database_suffixes[moved], NULL);
      g_autofree char *to = g_strconcat (target, database_suffixes[moved], NULL);

      if (g_file_test (to, G_FILE_TEST_EXISTS) && g_rename (to, from) != 0)
        g_warning ("Could not move %s back to %s: %s", to, from, g_strerror (errno));
    }

  g_set_error (error, SHORE_STORE_ERROR,
               errno_is_permission (errsv) ? SHORE_STORE_ERROR_PERMISSION : SHORE_STORE_ERROR_FAILED,
               /* Translators: the first %s is a file path, the second the
                * system's reason, e.g. “Permission denied” */
               _("Could not rename the damaged database “%s”: %s."),
               display, g_strerror (errsv));
  return NULL;
}

static gboolean
is_same_file (const char *a,
              const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static void
set_backup_error (GError     **error,
                  const char  *dest_path,
                  int          errsv)
{
  g_autofree char *display = g_filename_display_name (dest_path);

  if (errsv != 0)
    g_set_error (error, SHORE_STORE_ERROR,
                 errno_is_permission (errsv) ? SHORE_STORE_ERROR_PERMISSION : SHORE_STORE_ERROR_FAILED,
                 /* Translators: the first %s is a file path, the second the
                  * system's reason, e.g. “No space left on device” */
                 _("Could not write the backup “%s”: %s."),
                 display, g_strerror (errsv));
  else
    g_set_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_FAILED,
                 /* Translators: %s is a file path */
                 _("Could not write the backup “%s”."),
                 display);
}

/* Copies the open database into the empty file at tmp_path. */
static gboolean
copy_database (ShoreStore  *self,
               const char  *tmp_path,
               const char  *dest_path,
               GError     **error)
{
  g_autoptr(sqlite3) dest = NULL;
  sqlite3_backup *backup = NULL;
  int errsv;
  int rc;

  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (dest, 1);
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      rc = backup != NULL ? SQLITE_OK : sqlite3_extended_errcode (dest);
    }

  if (backup != NULL)
    {
      /* -1: all pages in one step, under one read transaction */
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
      sqlite3_backup_finish (backup);
    }

  if (rc == SQLITE_OK)
    return TRUE;

  errsv = dest != NULL ? sqlite3_system_errno (dest) : 0;
  g_debug ("%s: backup failed: %s (%s)", dest_path, sqlite3_errstr (rc),
           dest != NULL ? sqlite3_errmsg (dest) : "");

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_FULL:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      /* the same messages as for the database itself */
      set_error_from_rc (error, NULL, rc, self->path);
      break;

    default:
      set_backup_error (error, dest_path, errsv);
      break;
    }

  return FALSE;
}

/**
 * shore_store_backup:
 * @self: a #ShoreStore
 * @dest_path: (type filename): where to write the backup
 * @error: return location for a #GError
 *
 * Writes a consistent copy of the database to @dest_path with sqlite's
 * online backup, while the store stays usable. The copy goes to a
 * temporary file in the destination folder and is renamed into place when
 * complete, so @dest_path is either the old file or the whole backup. The
 * backup is created 0600.
 *
 * Returns: %TRUE if the backup was written
 */
gboolean
shore_store_backup (ShoreStore  *self,
                    const char  *dest_path,
                    GError     **error)
{
  g_autofree char *dest = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *tmp_journal = NULL;
  int fd;

  g_return_val_if_fail (SHORE_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dest = g_canonicalize_filename (dest_path, NULL);
  if (is_same_file (dest, self->path))
    {
      g_set_error_literal (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_FAILED,
                           _("A backup cannot be written over the database itself."));
      return FALSE;
    }

  tmp_path = g_strconcat (dest, ".XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_backup_error (error, dest, errno);
      return FALSE;
    }
  g_close (fd, NULL);

  tmp_journal = g_strconcat (tmp_path, "-journal", NULL);

  if (!copy_database (self, tmp_path, dest, error))
    goto failed;

  if (g_chmod (tmp_path, 0600) != 0 || g_rename (tmp_path, dest) != 0)
    {
      set_backup_error (error, dest, errno);
      goto failed;
    }

  return TRUE;

failed:
  g_unlink (tmp_path);
  g_unlink (tmp_journal);
  return FALSE;
}

/**
 * shore_store_get_meta:
 * @self: a #ShoreStore
 * @key: the name of a setting, e.g. `reminders.last_run`
 *
 * Reads a small piece of app state from the meta table.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL if @key is not
 *   set (or could not be read, which is logged)
 */
char *
shore_store_get_meta (ShoreStore *self,
                      const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (SHORE_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = shore_store_prepare (self, "SELECT value FROM meta WHERE key = ?1", &error);
  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);

  if (stmt == NULL || !shore_store_step (self, stmt, &has_row, &error))
    {
      g_debug ("Could not read meta “%s”: %s", key, error->message);
      return NULL;
    }

  return has_row ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;
}

/**
 * shore_store_set_meta:
 * @self: a #ShoreStore
 * @key: the name of a setting
 * @value: (nullable): its new value, or %NULL to remove it
 * @error: return location for a #GError
 *
 * Stores a small piece of app state in the meta table.
 *
 * Returns: %TRUE if saved
 */
gboolean
shore_store_set_meta (ShoreStore  *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHORE_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (value == NULL)
    stmt = shore_store_prepare (self, "DELETE FROM meta WHERE key = ?1", error);
  else
    stmt = shore_store_prepare (self,
                                "INSERT INTO meta (key, value) VALUES (?1, ?2)"
                                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);

  return shore_store_step_done (self, stmt, error);
}

/* Private API for the store layer: see shore-store-private.h */

/**
 * shore_store_get_db: (skip)
 * @self: a #ShoreStore
 *
 * Returns: (transfer none): the sqlite connection
 */
sqlite3 *
shore_store_get_db (ShoreStore *self)
{
  g_return_val_if_fail (SHORE_IS_STORE (self), NULL);

  return self->db;
}

/**
 * shore_store_check: (skip)
 * @self: a #ShoreStore
 * @rc: a result code returned by an sqlite function on this connection
 * @error: return location for a #GError
 *
 * Turns a failing sqlite result code into a #ShoreStoreError with a
 * translated message; sqlite's own message goes to the debug log.
 * %SQLITE_OK, %SQLITE_ROW and %SQLITE_DONE are success.
 *
 * Returns: %TRUE if @rc is a success
 */
gboolean
shore_store_check (ShoreStore  *self,
                   int          rc,
                   GError     **error)
{
  g_return_val_if_fail (SHORE_IS_STORE (self), FALSE);

  if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;

  set_error_from_rc (error, self->db, rc, self->path);
  return FALSE;
}

/**
 * shore_store_exec: (skip)
 * @self: a #ShoreStore
 * @sql: one or more SQL statements without parameters
 * @error: return location for a #GError
 *
 * Returns: %TRUE if every statement ran
 */
gboolean
shore_store_exec (ShoreStore  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc;

  g_return_val_if_fail (SHORE_IS_STORE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  return shore_store_check (self, rc, error);
}

/**
 * shore_store_prepare: (skip)
 * @self: a #ShoreStore
 * @sql: one SQL statement, with `?1`… parameters
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the statement (free it with sqlite3_finalize(),
 *   or hold it in a `g_autoptr(sqlite3_stmt)`), or %NULL with @error set
 */
sqlite3_stmt *
shore_store_prepare (ShoreStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (SHORE_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (!shore_store_check (self, rc, error))
    {
      g_debug ("while preparing: %s", sql);
      return NULL;
    }

  return stmt;
}

/**
 * shore_store_step: (skip)
 * @self: a #ShoreStore
 * @stmt: a statement prepared on this store
 * @out_has_row: (out): set to %TRUE if a row is ready, %FALSE at the end
 * @error: return location for a #GError
 *
 * Advances @stmt by one row.
 *
 * Returns: %FALSE on error
 */
gboolean
shore_store_step (ShoreStore    *self,
                  sqlite3_stmt  *stmt,
                  gboolean      *out_has_row,
                  GError       **error)
{
  int rc;

  g_return_val_if_fail (SHORE_IS_STORE (self), FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);
  g_return_val_if_fail (out_has_row != NULL, FALSE);

  rc = sqlite3_step (stmt);
  *out_has_row = rc == SQLITE_ROW;

  return shore_store_check (self, rc, error);
}

/**
 * shore_store_step_done: (skip)
 * @self: a #ShoreStore
 * @stmt: a statement prepared on this store (INSERT, UPDATE, DELETE…)
 * @error: return location for a #GError
 *
 * Runs @stmt to its end, ignoring any rows it returns.
 *
 * Returns: %FALSE on error
 */
gboolean
shore_store_step_done (ShoreStore    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc;

  g_return_val_if_fail (SHORE_IS_STORE (self), FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);

  do
    rc = sqlite3_step (stmt);
  while (rc == SQLITE_ROW);

  return shore_store_check (self, rc, error);
}

/**
 * shore_store_in_transaction: (skip)
 * @self: a #ShoreStore
 *
 * Returns: %TRUE between shore_store_begin() and its commit or rollback
 */
gboolean
shore_store_in_transaction (ShoreStore *self)
{
  g_return_val_if_fail (SHORE_IS_STORE (self), FALSE);

  return self->db != NULL && !sqlite3_get_autocommit (self->db);
}
