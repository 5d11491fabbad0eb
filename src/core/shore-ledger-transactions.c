/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-ledger"

#include "config.h"

#include <string.h>

#include <glib.h>
#include "shore-intl.h"
#include <gio/gio.h>
#include <sqlite3.h>

#include "shore-ledger.h"
#include "shore-ledger-private.h"
#include "shore-loan.h"
#include "shore-money.h"
#include "shore-store-private.h"

/* The ledger's transactions: adding, changing, deleting and restoring
 * entries, transfers, ShoreTransaction, filters and the paging
 * ShoreTransactionList. See shore-ledger.c for the errors they set.
 */

#define PAGE_SIZE 256
#define MAX_PAGES 8

static gboolean
time_is_valid (const char *time)
{
  gsize len;

  if (time == NULL || time[0] == '\0')
    return TRUE;

  len = strlen (time);
  if (len != 5 && len != 8)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      gboolean colon = i == 2 || i == 5;

      if (colon ? time[i] != ':' : !g_ascii_isdigit (time[i]))
        return FALSE;
    }

  return (time[0] - '0') * 10 + (time[1] - '0') < 24 &&
         time[3] < '6' && (len == 5 || time[6] < '6');
}

/* ---- Transactions: values ---------------------------------------------- */

void
shore_txn_data_clear (ShoreTxnData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->time, g_free);
  g_clear_pointer (&data->payee, g_free);
  g_clear_pointer (&data->note, g_free);
  g_clear_pointer (&data->import_source, g_free);
  g_clear_pointer (&data->import_key, g_free);
}

gboolean
shore_ledger_read_txn (sqlite3_stmt *stmt,
                       int           c,
                       ShoreTxnData *out)
{
  memset (out, 0, sizeof *out);
  out->id = sqlite3_column_int64 (stmt, c + 0);
  if (!shore_ledger_read_date (shore_ledger_column_text_or_null (stmt, c + 1), &out->date))
    return FALSE;
  out->time = shore_ledger_column_text (stmt, c + 2)[0] != '\0' ? g_strdup (shore_ledger_column_text (stmt, c + 2)) : NULL;
  out->amount = sqlite3_column_int64 (stmt, c + 3);
  out->account_id = sqlite3_column_int64 (stmt, c + 4);
  out->category_id = sqlite3_column_int64 (stmt, c + 5);
  out->payee = g_strdup (shore_ledger_column_text (stmt, c + 6));
  out->note = g_strdup (shore_ledger_column_text (stmt, c + 7));
  out->loan_id = sqlite3_column_int64 (stmt, c + 8);
  out->transfer_peer_id = sqlite3_column_int64 (stmt, c + 9);
  out->import_id = sqlite3_column_int64 (stmt, c + 10);
  out->import_source = g_strdup (shore_ledger_column_text_or_null (stmt, c + 11));
  out->import_key = g_strdup (shore_ledger_column_text_or_null (stmt, c + 12));

  return TRUE;
}

gboolean
shore_ledger_insert_txn (ShoreStore    *store,
                         ShoreTxnData  *data,
                         sqlite3_stmt **stmt_cache,
                         GError       **error)
{
  sqlite3_stmt *stmt = stmt_cache != NULL ? *stmt_cache : NULL;
  gboolean ok;

  if (stmt == NULL)
    {
      stmt = shore_store_prepare (store,
                                  "INSERT INTO transactions (id, date, time, amount, account_id, category_id,"
                                  " payee, note, loan_id, import_id, import_source, import_key)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                  error);
      if (stmt == NULL)
        return FALSE;
    }

  shore_ledger_bind_id_or_null (stmt, 1, data->id);
  shore_ledger_bind_date (stmt, 2, &data->date);
  shore_ledger_bind_text (stmt, 3, data->time);
  sqlite3_bind_int64 (stmt, 4, data->amount);
  sqlite3_bind_int64 (stmt, 5, data->account_id);
  shore_ledger_bind_id_or_null (stmt, 6, data->category_id);
  shore_ledger_bind_text (stmt, 7, data->payee);
  shore_ledger_bind_text (stmt, 8, data->note);
  shore_ledger_bind_id_or_null (stmt, 9, data->loan_id);
  shore_ledger_bind_id_or_null (stmt, 10, data->import_id);
  if (data->import_source != NULL && data->import_key != NULL)
    {
      shore_ledger_bind_text (stmt, 11, data->import_source);
      shore_ledger_bind_text (stmt, 12, data->import_key);
    }
  else
    {
      sqlite3_bind_null (stmt, 11);
      sqlite3_bind_null (stmt, 12);
    }

  ok = shore_store_step_done (store, stmt, error);
  if (ok)
    data->id = sqlite3_last_insert_rowid (shore_store_get_db (store));

  if (stmt_cache != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      *stmt_cache = stmt;
    }
  else
    sqlite3_finalize (stmt);

  return ok;
}

/* Checks a row before it is written; the caller holds a transaction. */
gboolean
shore_ledger_check_txn (ShoreStore          *store,
                        const ShoreTxnData  *data,
                        GError             **error)
{
  g_autoptr(ShoreCategory) category = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 exists = 0;

  if (!g_date_valid (&data->date))
    {
      shore_ledger_set_invalid (error, _("Choose the date of the entry."));
      return FALSE;
    }
  if (data->amount == 0)
    {
      shore_ledger_set_invalid (error, _("The amount cannot be zero."));
      return FALSE;
    }
  if (!time_is_valid (data->time))
    {
      shore_ledger_set_invalid (error, _("The time must be written as hours and minutes, such as 09:30."));
      return FALSE;
    }

  if (!shore_ledger_query_int64 (store, "SELECT count (*) FROM accounts WHERE id = ?1", data->account_id, &exists, error))
    return FALSE;
  if (!exists)
    {
      shore_ledger_set_invalid (error, _("Choose the account the money went out of or came into."));
      return FALSE;
    }

  if (data->loan_id != 0)
    {
      if (!shore_ledger_query_int64 (store, "SELECT count (*) FROM loans WHERE id = ?1", data->loan_id, &exists, error))
        return FALSE;
      if (!exists)
        {
          shore_ledger_set_invalid (error, _("The loan this entry belongs to no longer exists."));
          return FALSE;
        }
    }

  if (data->category_id == 0)
    return TRUE;

  category = shore_ledger_find_category (store, data->category_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (category == NULL)
    {
      shore_ledger_set_invalid (error, _("The category of the entry no longer exists; choose another."));
      return FALSE;
    }
  if (category->kind == SHORE_CATEGORY_EXPENSE && data->amount > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is the name of a spending category, e.g. “Groceries” */
                   _("“%s” is a spending category, but the amount is money received. Choose an income category, or enter the amount as spent."),
                   category->name);
      return FALSE;
    }
  if (category->kind == SHORE_CATEGORY_INCOME && data->amount < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is the name of an income category, e.g. “Salary” */
                   _("“%s” is an income category, but the amount is money spent. Choose a spending category, or enter the amount as received."),
                   category->name);
      return FALSE;
    }

  return TRUE;
}

gboolean
shore_ledger_add_transaction (ShoreStore    *store,
                              ShoreTxnData  *data,
                              GError       **error)
{
  ShoreTxnData copy;
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_store_begin (store, error))
    return FALSE;

  copy = *data;
  copy.id = 0;
  copy.transfer_peer_id = 0;
  ok = shore_ledger_check_txn (store, &copy, error) &&
       shore_ledger_insert_txn (store, &copy, NULL, error);

  if (!shore_ledger_finish_write (store, ok, error))
    return FALSE;

  data->id = copy.id;
  return TRUE;
}

static void
set_no_txn_error (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("This entry no longer exists."));
}

/* FALSE with no error when there is no such row */
static gboolean
read_txn_by_id (ShoreStore    *store,
                gint64         id,
                ShoreTxnData  *out,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = FALSE;

  stmt = shore_store_prepare (store, "SELECT " SHORE_LEDGER_TXN_COLUMNS " FROM transactions t WHERE t.id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!shore_store_step (store, stmt, &has_row, error) || !has_row)
    return FALSE;

  if (!shore_ledger_read_txn (stmt, 0, out))
    {
      shore_txn_data_clear (out);
      shore_ledger_set_damaged (error);
      return FALSE;
    }

  return TRUE;
}

gboolean
shore_ledger_get_transaction (ShoreStore    *store,
                              gint64         id,
                              ShoreTxnData  *out,
                              GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (read_txn_by_id (store, id, out, &local_error))
    return TRUE;

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    set_no_txn_error (error);
  return FALSE;
}

gboolean
shore_ledger_update_transaction (ShoreStore          *store,
                                 const ShoreTxnData  *data,
                                 GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_store_begin (store, error))
    return FALSE;

  ok = shore_ledger_check_txn (store, data, error);
  if (ok)
    {
      /* import_*, transfer_peer_id stay as they are */
      stmt = shore_store_prepare (store,
                                  "UPDATE transactions SET date = ?2, time = ?3, amount = ?4, account_id = ?5,"
                                  " category_id = ?6, payee = ?7, note = ?8, loan_id = ?9 WHERE id = ?1",
                                  error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, data->id);
      shore_ledger_bind_date (stmt, 2, &data->date);
      shore_ledger_bind_text (stmt, 3, data->time);
      sqlite3_bind_int64 (stmt, 4, data->amount);
      sqlite3_bind_int64 (stmt, 5, data->account_id);
      shore_ledger_bind_id_or_null (stmt, 6, data->category_id);
      shore_ledger_bind_text (stmt, 7, data->payee);
      shore_ledger_bind_text (stmt, 8, data->note);
      shore_ledger_bind_id_or_null (stmt, 9, data->loan_id);
      ok = shore_store_step_done (store, stmt, error);
    }
  if (ok && sqlite3_changes (shore_store_get_db (store)) == 0)
    {
      set_no_txn_error (error);
      ok = FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The other half of a transfer follows: same day, the opposite amount */
  if (ok)
    {
      stmt = shore_store_prepare (store,
                                  "UPDATE transactions SET date = ?2, time = ?3, amount = -?4"
                                  " WHERE id = (SELECT transfer_peer_id FROM transactions WHERE id = ?1)",
                                  error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, data->id);
      shore_ledger_bind_date (stmt, 2, &data->date);
      shore_ledger_bind_text (stmt, 3, data->time);
      sqlite3_bind_int64 (stmt, 4, data->amount);
      ok = shore_store_step_done (store, stmt, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  return shore_ledger_finish_write (store, ok, error);
}

static int
compare_txn_ids (gconstpointer a,
                 gconstpointer b)
{
  gint64 ia = ((const ShoreTxnData *) a)->id;
  gint64 ib = ((const ShoreTxnData *) b)->id;

  return ia < ib ? -1 : ia > ib;
}

static gboolean
delete_rows (ShoreStore    *store,
             const gint64  *ids,
             guint          n_ids,
             GArray        *deleted,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_vals (queue, ids, n_ids);
  for (guint i = 0; i < queue->len; i++)
    {
      gint64 id = g_array_index (queue, gint64, i);
      ShoreTxnData data;
      g_autoptr(GError) local_error = NULL;

      if (g_hash_table_contains (seen, &id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));

      if (!read_txn_by_id (store, id, &data, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          continue;   /* already gone: nothing to undo */
        }
      if (data.transfer_peer_id != 0)
        g_array_append_val (queue, data.transfer_peer_id);
      g_array_append_val (deleted, data);
    }

  stmt = shore_store_prepare (store, "DELETE FROM transactions WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < deleted->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (deleted, ShoreTxnData, i).id);
      if (!shore_store_step_done (store, stmt, error))
        return FALSE;
      sqlite3_reset (stmt);
    }

  g_array_sort (deleted, compare_txn_ids);
  return TRUE;
}

gboolean
shore_ledger_delete_transactions (ShoreStore    *store,
                                  const gint64  *ids,
                                  guint          n_ids,
                                  GArray       **out_deleted,
                                  GError       **error)
{
  g_autoptr(GArray) deleted = NULL;
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  deleted = g_array_new (FALSE, TRUE, sizeof (ShoreTxnData));
  g_array_set_clear_func (deleted, (GDestroyNotify) shore_txn_data_clear);

  if (!shore_store_begin (store, error))
    return FALSE;
  ok = delete_rows (store, ids, n_ids, deleted, error);
  if (!shore_ledger_finish_write (store, ok, error))
    return FALSE;

  if (out_deleted != NULL)
    *out_deleted = g_steal_pointer (&deleted);
  return TRUE;
}

gboolean
shore_ledger_restore_transactions (ShoreStore  *store,
                                   GArray      *deleted,
                                   GError     **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) link = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (deleted != NULL, FALSE);
  g_return_val_if_fail (g_array_get_element_size (deleted) == sizeof (ShoreTxnData), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_store_begin (store, error))
    return FALSE;

  /* Rows first, then the transfer links: a peer may come later in the array */
  for (guint i = 0; ok && i < deleted->len; i++)
    {
      ShoreTxnData copy = g_array_index (deleted, ShoreTxnData, i);

      ok = shore_ledger_insert_txn (store, &copy, &insert, error);
    }

  if (ok)
    {
      link = shore_store_prepare (store, "UPDATE transactions SET transfer_peer_id = ?2 WHERE id = ?1", error);
      ok = link != NULL;
    }
  for (guint i = 0; ok && i < deleted->len; i++)
    {
      const ShoreTxnData *data = &g_array_index (deleted, ShoreTxnData, i);

      if (data->transfer_peer_id == 0)
        continue;
      sqlite3_bind_int64 (link, 1, data->id);
      sqlite3_bind_int64 (link, 2, data->transfer_peer_id);
      ok = shore_store_step_done (store, link, error);
      sqlite3_reset (link);
    }
  g_clear_pointer (&insert, sqlite3_finalize);
  g_clear_pointer (&link, sqlite3_finalize);

  return shore_ledger_finish_write (store, ok, error);
}

gboolean
shore_ledger_add_transfer (ShoreStore   *store,
                           const GDate  *date,
                           gint64        amount,
                           gint64        from_account_id,
                           gint64        to_account_id,
                           const char   *note,
                           gint64       *out_from_id,
                           gint64       *out_to_id,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) link = NULL;
  ShoreTxnData from = { 0 };
  ShoreTxnData to = { 0 };
  gint64 transfer_id = 0;
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (amount <= 0)
    {
      shore_ledger_set_invalid (error, _("The amount to move must be more than zero."));
      return FALSE;
    }
  if (from_account_id == to_account_id)
    {
      shore_ledger_set_invalid (error, _("Choose two different accounts to move money between."));
      return FALSE;
    }

  if (!shore_store_begin (store, error))
    return FALSE;

  transfer_id = shore_ledger_find_builtin (store, "transfer", error);
  from.date = *date;
  from.amount = -amount;
  from.account_id = from_account_id;
  from.category_id = transfer_id;
  from.note = (char *) note;
  to = from;
  to.amount = amount;
  to.account_id = to_account_id;

  ok = (error == NULL || *error == NULL) &&
       shore_ledger_check_txn (store, &from, error) &&
       shore_ledger_check_txn (store, &to, error) &&
       shore_ledger_insert_txn (store, &from, NULL, error) &&
       shore_ledger_insert_txn (store, &to, NULL, error);
  if (ok)
    {
      link = shore_store_prepare (store,
                                  "UPDATE transactions SET transfer_peer_id ="
                                  " CASE id WHEN ?1 THEN ?2 ELSE ?1 END WHERE id IN (?1, ?2)",
                                  error);
      ok = link != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (link, 1, from.id);
      sqlite3_bind_int64 (link, 2, to.id);
      ok = shore_store_step_done (store, link, error);
    }
  g_clear_pointer (&link, sqlite3_finalize);

  if (!shore_ledger_finish_write (store, ok, error))
    return FALSE;

  if (out_from_id != NULL)
    *out_from_id = from.id;
  if (out_to_id != NULL)
    *out_to_id = to.id;
  return TRUE;
}

/* ---- ShoreTransaction -------------------------------------------------- */

struct _ShoreTransaction
{
  GObject       parent_instance;

  ShoreTxnData  data;
  char         *account_name;
  char         *category_name;
  char         *icon_name;
  ShoreFlow     flow;
  char         *payee_text;
  char         *subtitle;
  char         *date_text;
  char         *amount_text;
};

G_DEFINE_FINAL_TYPE (ShoreTransaction, shore_transaction, G_TYPE_OBJECT)

enum {
  TXN_PROP_0,
  TXN_PROP_PAYEE,
  TXN_PROP_SUBTITLE,
  TXN_PROP_DATE_TEXT,
  TXN_PROP_AMOUNT_TEXT,
  TXN_PROP_ICON_NAME,
  TXN_PROP_FLOW,
  TXN_N_PROPS
};

static GParamSpec *txn_properties[TXN_N_PROPS];

static void
shore_transaction_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ShoreTransaction *self = SHORE_TRANSACTION (object);

  switch (prop_id)
    {
    case TXN_PROP_PAYEE:
      g_value_set_string (value, self->payee_text);
      break;
    case TXN_PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case TXN_PROP_DATE_TEXT:
      g_value_set_string (value, self->date_text);
      break;
    case TXN_PROP_AMOUNT_TEXT:
      g_value_set_string (value, self->amount_text);
      break;
    case TXN_PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;
    case TXN_PROP_FLOW:
      g_value_set_int (value, self->flow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shore_transaction_finalize (GObject *object)
{
  ShoreTransaction *self = SHORE_TRANSACTION (object);

  shore_txn_data_clear (&self->data);
  g_free (self->account_name);
  g_free (self->category_name);
  g_free (self->icon_name);
  g_free (self->payee_text);
  g_free (self->subtitle);
  g_free (self->date_text);
  g_free (self->amount_text);

  G_OBJECT_CLASS (shore_transaction_parent_class)->finalize (object);
}

static void
shore_transaction_class_init (ShoreTransactionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = shore_transaction_get_property;
  object_class->finalize = shore_transaction_finalize;

  txn_properties[TXN_PROP_PAYEE] = g_param_spec_string ("payee", NULL, NULL, NULL, flags);
  txn_properties[TXN_PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  txn_properties[TXN_PROP_DATE_TEXT] = g_param_spec_string ("date-text", NULL, NULL, NULL, flags);
  txn_properties[TXN_PROP_AMOUNT_TEXT] = g_param_spec_string ("amount-text", NULL, NULL, NULL, flags);
  txn_properties[TXN_PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL, flags);
  txn_properties[TXN_PROP_FLOW] = g_param_spec_int ("flow", NULL, NULL,
                                                    SHORE_FLOW_EXPENSE, SHORE_FLOW_NEUTRAL,
                                                    SHORE_FLOW_EXPENSE, flags);

  g_object_class_install_properties (object_class, TXN_N_PROPS, txn_properties);
}

static void
shore_transaction_init (ShoreTransaction *self)
{
}

/* "−¥12.50", "+¥8,000.00", "¥300.00" (neutral) */
static char *
format_signed_amount (gint64    amount,
                      ShoreFlow flow)
{
  g_autofree char *magnitude = shore_money_format (amount < 0 && amount != G_MININT64 ? -amount : amount);

  if (flow == SHORE_FLOW_NEUTRAL || amount == 0)
    return g_steal_pointer (&magnitude);

  return g_strconcat (amount < 0 ? "\u2212" : "+", magnitude, NULL);
}

/* Columns after SHORE_LEDGER_TXN_COLUMNS: the account's name and the
 * category's name, builtin key, icon and kind. */
#define TXN_EXTRA_COLUMNS "a.name, c.name, c.builtin_key, c.icon, c.kind"

static ShoreTransaction *
transaction_from_row (sqlite3_stmt *stmt)
{
  ShoreTransaction *self = g_object_new (SHORE_TYPE_TRANSACTION, NULL);
  const int x = SHORE_LEDGER_N_TXN_COLUMNS;
  const char *kind_text = shore_ledger_column_text_or_null (stmt, x + 4);
  const char *icon = shore_ledger_column_text_or_null (stmt, x + 3);
  ShoreCategoryKind kind = SHORE_CATEGORY_EXPENSE;
  gboolean has_kind = shore_category_kind_from_string (kind_text, &kind);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *uncategorised = _("Uncategorized");

  if (!shore_ledger_read_txn (stmt, 0, &self->data))
    g_debug ("transaction %" G_GINT64_FORMAT ": unreadable date", self->data.id);

  self->account_name = g_strdup (shore_ledger_column_text (stmt, x + 0));
  self->category_name = g_strdup (has_kind ? shore_ledger_category_display_name (shore_ledger_column_text_or_null (stmt, x + 2),
                                                                                shore_ledger_column_text (stmt, x + 1))
                                           : "");
  if (has_kind && kind == SHORE_CATEGORY_NEUTRAL)
    self->flow = SHORE_FLOW_NEUTRAL;
  else
    self->flow = self->data.amount > 0 ? SHORE_FLOW_INCOME : SHORE_FLOW_EXPENSE;

  self->icon_name = g_strdup (icon != NULL && icon[0] != '\0' ? icon
                              : shore_ledger_default_category_icon (has_kind ? (int) kind : -1));
  self->payee_text = g_strdup (self->data.payee[0] != '\0' ? self->data.payee
                               : self->category_name[0] != '\0' ? self->category_name : uncategorised);

  g_ptr_array_add (parts, self->category_name[0] != '\0' ? self->category_name : (char *) uncategorised);
  g_ptr_array_add (parts, self->account_name);
  if (self->data.note[0] != '\0')
    g_ptr_array_add (parts, self->data.note);
  g_ptr_array_add (parts, NULL);
  self->subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  self->date_text = g_date_valid (&self->data.date) ? shore_date_format_iso (&self->data.date) : g_strdup ("");
  self->amount_text = format_signed_amount (self->data.amount, self->flow);

  return self;
}

const ShoreTxnData *
shore_transaction_get_data (ShoreTransaction *self)
{
  g_return_val_if_fail (SHORE_IS_TRANSACTION (self), NULL);

  return &self->data;
}

const char *
shore_transaction_get_account_name (ShoreTransaction *self)
{
  g_return_val_if_fail (SHORE_IS_TRANSACTION (self), NULL);

  return self->account_name;
}

const char *
shore_transaction_get_category_name (ShoreTransaction *self)
{
  g_return_val_if_fail (SHORE_IS_TRANSACTION (self), NULL);

  return self->category_name;
}

ShoreFlow
shore_transaction_get_flow (ShoreTransaction *self)
{
  g_return_val_if_fail (SHORE_IS_TRANSACTION (self), SHORE_FLOW_EXPENSE);

  return self->flow;
}

/* ---- Filters ------------------------------------------------------------ */

void
shore_txn_filter_init (ShoreTxnFilter *filter)
{
  g_return_if_fail (filter != NULL);

  memset (filter, 0, sizeof *filter);
  g_date_clear (&filter->from, 1);
  g_date_clear (&filter->to, 1);
  filter->flow = -1;
}

void
shore_txn_filter_clear (ShoreTxnFilter *filter)
{
  g_return_if_fail (filter != NULL);

  g_clear_pointer (&filter->text, g_free);
}

static void
filter_copy (const ShoreTxnFilter *from,
             ShoreTxnFilter       *to)
{
  if (from == NULL)
    {
      shore_txn_filter_init (to);
      return;
    }
  *to = *from;
  to->text = g_strdup (from->text);
}

void
shore_ledger_append_filter (GString              *sql,
                            const ShoreTxnFilter *filter)
{
  const char *and = " WHERE ";

#define ADD_CLAUSE(clause) G_STMT_START { \
    g_string_append (sql, and); \
    g_string_append (sql, clause); \
    and = " AND "; \
  } G_STMT_END

  if (filter == NULL)
    return;

  if (filter->text != NULL && filter->text[0] != '\0')
    ADD_CLAUSE ("(t.payee LIKE :text ESCAPE '\\' OR t.note LIKE :text ESCAPE '\\')");
  if (filter->account_id != 0)
    ADD_CLAUSE ("t.account_id = :account");
  if (filter->category_id > 0)
    ADD_CLAUSE ("t.category_id = :category");
  else if (filter->category_id < 0)
    ADD_CLAUSE ("t.category_id IS NULL");
  if (g_date_valid (&filter->from))
    ADD_CLAUSE ("t.date >= :from");
  if (g_date_valid (&filter->to))
    ADD_CLAUSE ("t.date <= :to");
  switch (filter->flow)
    {
    case SHORE_FLOW_EXPENSE:
      ADD_CLAUSE ("t.amount < 0 AND NOT " SHORE_LEDGER_IS_NEUTRAL);
      break;
    case SHORE_FLOW_INCOME:
      ADD_CLAUSE ("t.amount > 0 AND NOT " SHORE_LEDGER_IS_NEUTRAL);
      break;
    case SHORE_FLOW_NEUTRAL:
      ADD_CLAUSE (SHORE_LEDGER_IS_NEUTRAL);
      break;
    default:
      break;
    }

#undef ADD_CLAUSE
}

static void
bind_named_int64 (sqlite3_stmt *stmt,
                  const char   *name,
                  gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_named_date (sqlite3_stmt *stmt,
                 const char   *name,
                 const GDate  *date)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    shore_ledger_bind_date (stmt, index, date);
}

void
shore_ledger_bind_filter (sqlite3_stmt         *stmt,
                          const ShoreTxnFilter *filter)
{
  int index;

  if (filter == NULL)
    return;

  index = sqlite3_bind_parameter_index (stmt, ":text");
  if (index > 0 && filter->text != NULL)
    {
      GString *pattern = g_string_new ("%");

      for (const char *p = filter->text; *p != '\0'; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *p);
        }
      g_string_append_c (pattern, '%');
      sqlite3_bind_text (stmt, index, g_string_free (pattern, FALSE), -1, g_free);
    }
  bind_named_int64 (stmt, ":account", filter->account_id);
  bind_named_int64 (stmt, ":category", filter->category_id);
  bind_named_date (stmt, ":from", &filter->from);
  bind_named_date (stmt, ":to", &filter->to);
}

/* ---- ShoreTransactionList ----------------------------------------------- */

typedef struct
{
  guint      index;      /* page number */
  guint64    last_used;
  GPtrArray *items;      /* of ShoreTransaction */
} Page;

struct _ShoreTransactionList
{
  GObject         parent_instance;

  ShoreStore     *store;
  ShoreTxnFilter  filter;
  guint           n_items;
  gint64          total;
  gboolean        total_valid;  /* the sum reads every row: only when asked */
  GPtrArray      *pages;   /* of Page*, at most MAX_PAGES */
  guint64         clock;
};

static void shore_transaction_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ShoreTransactionList, shore_transaction_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, shore_transaction_list_model_init))

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

/* Runs "SELECT <what> FROM transactions t" with the filter, one row of
 * one integer. */
static gint64
query_filtered (ShoreTransactionList *self,
                const char           *what)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_row = FALSE;
  gint64 value = 0;

  g_string_printf (sql, "SELECT %s FROM transactions t", what);
  if (self->filter.flow >= 0)
    g_string_append (sql, " LEFT JOIN categories c ON c.id = t.category_id");
  shore_ledger_append_filter (sql, &self->filter);

  stmt = shore_store_prepare (self->store, sql->str, &error);
  if (stmt != NULL)
    {
      shore_ledger_bind_filter (stmt, &self->filter);
      if (shore_store_step (self->store, stmt, &has_row, &error) && has_row)
        value = sqlite3_column_int64 (stmt, 0);
    }
  if (error != NULL)
    g_warning ("Could not count the transactions: %s", error->message);
  return value;
}

/* Counts the filtered rows: an index scan, cheap even for 100,000 rows.
 * The total (which reads every row) waits until someone asks for it. */
static void
count_rows (ShoreTransactionList *self)
{
  self->n_items = (guint) CLAMP (query_filtered (self, "count (*)"), 0, G_MAXUINT);
  self->total = 0;
  self->total_valid = FALSE;
}

static Page *
load_page (ShoreTransactionList *self,
           guint                 index)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_row = FALSE;
  Page *page = g_new0 (Page, 1);

  page->index = index;
  page->items = g_ptr_array_new_full (PAGE_SIZE, g_object_unref);

  /* The ids of the page come from the index on (date, time); only those
   * rows are then read in full. */
  g_string_append (sql,
                   "SELECT " SHORE_LEDGER_TXN_COLUMNS ", " TXN_EXTRA_COLUMNS
                   " FROM (SELECT t.id FROM transactions t");
  if (self->filter.flow >= 0)
    g_string_append (sql, " LEFT JOIN categories c ON c.id = t.category_id");
  shore_ledger_append_filter (sql, &self->filter);
  g_string_append (sql,
                   " ORDER BY t.date DESC, t.time DESC, t.id DESC LIMIT :limit OFFSET :offset) AS p"
                   " JOIN transactions t ON t.id = p.id"
                   " JOIN accounts a ON a.id = t.account_id"
                   " LEFT JOIN categories c ON c.id = t.category_id"
                   " ORDER BY t.date DESC, t.time DESC, t.id DESC");

  stmt = shore_store_prepare (self->store, sql->str, &error);
  if (stmt != NULL)
    {
      shore_ledger_bind_filter (stmt, &self->filter);
      bind_named_int64 (stmt, ":limit", PAGE_SIZE);
      bind_named_int64 (stmt, ":offset", (gint64) index * PAGE_SIZE);
      while (shore_store_step (self->store, stmt, &has_row, &error) && has_row)
        g_ptr_array_add (page->items, transaction_from_row (stmt));
    }
  if (error != NULL)
    g_warning ("Could not read the transactions: %s", error->message);

  return page;
}

static Page *
get_page (ShoreTransactionList *self,
          guint                 index)
{
  Page *oldest = NULL;
  guint oldest_pos = 0;
  Page *page;

  for (guint i = 0; i < self->pages->len; i++)
    {
      page = g_ptr_array_index (self->pages, i);
      if (page->index == index)
        {
          page->last_used = ++self->clock;
          return page;
        }
      if (oldest == NULL || page->last_used < oldest->last_used)
        {
          oldest = page;
          oldest_pos = i;
        }
    }

  if (self->pages->len >= MAX_PAGES)
    g_ptr_array_remove_index_fast (self->pages, oldest_pos);

  page = load_page (self, index);
  page->last_used = ++self->clock;
  g_ptr_array_add (self->pages, page);
  return page;
}

static GType
shore_transaction_list_get_item_type (GListModel *model)
{
  return SHORE_TYPE_TRANSACTION;
}

static guint
shore_transaction_list_get_n_items (GListModel *model)
{
  return SHORE_TRANSACTION_LIST (model)->n_items;
}

static gpointer
shore_transaction_list_get_item (GListModel *model,
                                 guint       position)
{
  ShoreTransactionList *self = SHORE_TRANSACTION_LIST (model);
  Page *page;
  guint offset;

  if (position >= self->n_items)
    return NULL;

  page = get_page (self, position / PAGE_SIZE);
  offset = position % PAGE_SIZE;
  if (offset >= page->items->len)
    return NULL;   /* the database changed under us; reload() will tell */

  return g_object_ref (g_ptr_array_index (page->items, offset));
}

static void
shore_transaction_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = shore_transaction_list_get_item_type;
  iface->get_n_items = shore_transaction_list_get_n_items;
  iface->get_item = shore_transaction_list_get_item;
}

static void
shore_transaction_list_finalize (GObject *object)
{
  ShoreTransactionList *self = SHORE_TRANSACTION_LIST (object);

  g_clear_object (&self->store);
  shore_txn_filter_clear (&self->filter);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (shore_transaction_list_parent_class)->finalize (object);
}

static void
shore_transaction_list_class_init (ShoreTransactionListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shore_transaction_list_finalize;
}

static void
shore_transaction_list_init (ShoreTransactionList *self)
{
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  shore_txn_filter_init (&self->filter);
}

ShoreTransactionList *
shore_transaction_list_new (ShoreStore           *store,
                            const ShoreTxnFilter *filter)
{
  ShoreTransactionList *self;

  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);

  self = g_object_new (SHORE_TYPE_TRANSACTION_LIST, NULL);
  self->store = g_object_ref (store);
  filter_copy (filter, &self->filter);
  count_rows (self);

  return self;
}

void
shore_transaction_list_reload (ShoreTransactionList *self)
{
  guint old;

  g_return_if_fail (SHORE_IS_TRANSACTION_LIST (self));

  old = self->n_items;
  g_ptr_array_set_size (self->pages, 0);
  count_rows (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
}

void
shore_transaction_list_set_filter (ShoreTransactionList *self,
                                   const ShoreTxnFilter *filter)
{
  g_return_if_fail (SHORE_IS_TRANSACTION_LIST (self));

  shore_txn_filter_clear (&self->filter);
  filter_copy (filter, &self->filter);
  shore_transaction_list_reload (self);
}

gint64
shore_transaction_list_get_total (ShoreTransactionList *self)
{
  g_return_val_if_fail (SHORE_IS_TRANSACTION_LIST (self), 0);

  if (!self->total_valid)
    {
      self->total = query_filtered (self, "ifnull (sum (t.amount), 0)");
      self->total_valid = TRUE;
    }
  return self->total;
}

/**
 * shore_ledger_has_transactions:
 *
 * Whether the ledger holds any transaction at all (for the empty state);
 * reads one row.
 */
gboolean
shore_ledger_has_transactions (ShoreStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);

  stmt = shore_store_prepare (store, "SELECT 1 FROM transactions LIMIT 1", NULL);
  if (stmt == NULL || !shore_store_step (store, stmt, &has_row, NULL))
    return FALSE;
  return has_row;
}
