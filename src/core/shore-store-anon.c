/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-store"

#include "config.h"

#include "shore-store-anon.h"
#include "shore-store-private.h"

/* The columns asked about, in the order promised in shore-store-anon.h.
 * Table and column names are fixed here, never from input. */
static const struct
{
  ShoreStoreAnonField field;
  const char         *table;
  const char         *column;
  const char         *detail;   /* nullable: a column passed as @detail */
} asked[] = {
  { SHORE_STORE_ANON_LENDER, "loans", "lender", NULL },
  { SHORE_STORE_ANON_ORGANIZATION, "contacts", "organization", NULL },
  { SHORE_STORE_ANON_PERSON, "contacts", "person", NULL },
  { SHORE_STORE_ANON_PHONE, "contacts", "phone", NULL },
  { SHORE_STORE_ANON_TEXT, "contacts", "summary", NULL },
  { SHORE_STORE_ANON_TEXT, "contacts", "third_parties", NULL },
  { SHORE_STORE_ANON_ACCOUNT, "accounts", "name", "kind" },
};

/* Cleared without asking: free texts and file names that may name anyone,
 * the attachments' paths, and the app state in meta. Account names are
 * first made unique placeholders so that the new names never collide with
 * old ones while they are written. */
static const char cleared[] =
  "UPDATE loans SET name = NULL, note = '';\n"
  "UPDATE payments SET note = '';\n"
  "UPDATE transactions SET payee = '', note = '';\n"
  "UPDATE transactions SET import_key = 'anon:' || id WHERE import_key IS NOT NULL;\n"
  "UPDATE recurring SET payee = '', note = '';\n"
  "UPDATE imports SET file_name = '', file_sha256 = NULL;\n"
  "DELETE FROM contact_attachments;\n"
  "DELETE FROM meta;\n";

typedef struct
{
  gint64  id;
  char   *value;
  char   *detail;
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->value);
  g_free (row->detail);
}

static GArray *
read_rows (ShoreStore  *self,
           guint        i,
           GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id, %s, %s FROM %s ORDER BY id", asked[i].column,
                                          asked[i].detail != NULL ? asked[i].detail : "NULL",
                                          asked[i].table);
  g_autoptr(sqlite3_stmt) stmt = shore_store_prepare (self, sql, error);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  gboolean has_row = TRUE;

  if (stmt == NULL)
    return NULL;
  g_array_set_clear_func (rows, row_clear);
  while (TRUE)
    {
      Row row = { 0, };

      if (!shore_store_step (self, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      row.id = sqlite3_column_int64 (stmt, 0);
      row.value = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row.detail = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_array_append_val (rows, row);
    }
  return g_steal_pointer (&rows);
}

static gboolean
rewrite_column (ShoreStore          *self,
                guint                i,
                ShoreStoreAnonFunc   func,
                gpointer             user_data,
                GError             **error)
{
  g_autoptr(GArray) rows = read_rows (self, i, error);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (rows == NULL)
    return FALSE;
  sql = g_strdup_printf ("UPDATE %s SET %s = ?2 WHERE id = ?1", asked[i].table, asked[i].column);
  stmt = shore_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  for (guint r = 0; r < rows->len; r++)
    {
      const Row *row = &g_array_index (rows, Row, r);
      g_autofree char *value = func (asked[i].field, row->value != NULL ? row->value : "", row->detail,
                                     user_data);

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, row->id);
      sqlite3_bind_text (stmt, 2, value != NULL ? value : "", -1, SQLITE_TRANSIENT);
      if (!shore_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * shore_store_anonymize:
 * @self: a #ShoreStore, a copy made for the purpose
 * @func: gives the new value of each field asked about
 * @user_data: for @func
 * @error: return location for a #GError
 *
 * In one transaction: asks @func for the new lender of each loan, then the
 * organization, person and number of each contact, then their texts (what
 * was said, who else was contacted), then each account's name (with its
 * kind); and clears without asking the loans' own names and notes, the
 * notes of payments, the payees and notes of transactions and recurring
 * items, the bill rows' keys and the imported files' names, every
 * attachment, and the meta table.
 *
 * Returns: %FALSE with @error set if the store could not be rewritten
 *   (then nothing was)
 */
gboolean
shore_store_anonymize (ShoreStore          *self,
                       ShoreStoreAnonFunc   func,
                       gpointer             user_data,
                       GError             **error)
{
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_store_begin (self, error))
    return FALSE;

  ok = shore_store_exec (self, cleared, error) &&
       shore_store_exec (self, "UPDATE accounts SET name = '#anon' || id;", error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (asked); i++)
    ok = rewrite_column (self, i, func, user_data, error);

  if (ok && shore_store_commit (self, error))
    return TRUE;
  shore_store_rollback (self);
  return FALSE;
}
