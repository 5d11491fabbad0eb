/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-reminders"

#include "config.h"

#include <glib.h>
#include <sqlite3.h>

#include "shore-reminders-store.h"
#include "shore-store-private.h"

/* What was sent, in the reminders_sent table: nothing is sent twice, and a
 * restart forgets nothing. Timestamps are UTC, "YYYY-MM-DDTHH:MM:SSZ".
 */

static char *
format_timestamp (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
finish_write (ShoreStore  *store,
              gboolean     ok,
              GError     **error)
{
  if (ok && shore_store_commit (store, error))
    return TRUE;

  shore_store_rollback (store);
  return FALSE;
}

/**
 * shore_reminders_store_load_sent:
 * @store: a #ShoreStore
 * @now: the current time
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a set of the keys sent and not due again, or
 *   %NULL on error
 */
GHashTable *
shore_reminders_store_load_sent (ShoreStore  *store,
                                 GDateTime   *now,
                                 GError     **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stamp = NULL;
  gboolean has_row = TRUE;

  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = shore_store_prepare (store,
                              "SELECT key FROM reminders_sent"
                              " WHERE snoozed_until IS NULL OR julianday (snoozed_until) > julianday (?1)",
                              error);
  if (stmt == NULL)
    return NULL;
  stamp = format_timestamp (now);
  sqlite3_bind_text (stmt, 1, stamp, -1, SQLITE_TRANSIENT);

  while (TRUE)
    {
      if (!shore_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      g_hash_table_add (keys, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }

  return g_steal_pointer (&keys);
}

static gboolean
upsert (ShoreStore    *store,
        sqlite3_stmt  *stmt,
        const char    *key,
        gint64         loan_id,
        const char    *stamp,
        GError       **error)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (loan_id > 0)
    sqlite3_bind_int64 (stmt, 2, loan_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, stamp, -1, SQLITE_TRANSIENT);
  return shore_store_step_done (store, stmt, error);
}

static gboolean
mark_array (ShoreStore    *store,
            sqlite3_stmt  *stmt,
            GPtrArray     *reminders,
            const char    *stamp,
            GError       **error)
{
  for (guint i = 0; reminders != NULL && i < reminders->len; i++)
    {
      const ShoreReminder *r = g_ptr_array_index (reminders, i);

      if (!upsert (store, stmt, r->key, r->loan_id, stamp, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * shore_reminders_store_mark_sent:
 * @store: a #ShoreStore
 * @shown: (element-type ShoreReminder) (nullable): the reminders shown
 * @covered: (element-type ShoreReminder) (nullable): the reminders left out
 * @now: the time they were sent
 * @error: return location for a #GError
 *
 * Records both arrays as sent, in one transaction: all or nothing.
 *
 * Returns: %TRUE if saved
 */
gboolean
shore_reminders_store_mark_sent (ShoreStore  *store,
                                 GPtrArray   *shown,
                                 GPtrArray   *covered,
                                 GDateTime   *now,
                                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stamp = NULL;
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_store_begin (store, error))
    return FALSE;

  stamp = format_timestamp (now);
  stmt = shore_store_prepare (store,
                              "INSERT INTO reminders_sent (key, loan_id, sent_at) VALUES (?1, ?2, ?3)"
                              " ON CONFLICT (key) DO UPDATE SET"
                              "   loan_id = excluded.loan_id, sent_at = excluded.sent_at, snoozed_until = NULL",
                              error);
  ok = stmt != NULL &&
       mark_array (store, stmt, shown, stamp, error) &&
       mark_array (store, stmt, covered, stamp, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  return finish_write (store, ok, error);
}

/**
 * shore_reminders_store_snooze:
 * @store: a #ShoreStore
 * @key: a reminder's key
 * @loan_id: its loan, 0 for none
 * @until: when it is to come back
 * @error: return location for a #GError
 *
 * Hides the reminder until @until; shore_reminders_store_load_sent() leaves
 * it out from then on, so that it is computed and shown again.
 *
 * Returns: %TRUE if saved
 */
gboolean
shore_reminders_store_snooze (ShoreStore  *store,
                              const char  *key,
                              gint64       loan_id,
                              GDateTime   *until,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (until != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = shore_store_prepare (store,
                              "INSERT INTO reminders_sent (key, loan_id, snoozed_until) VALUES (?1, ?2, ?3)"
                              " ON CONFLICT (key) DO UPDATE SET snoozed_until = excluded.snoozed_until",
                              error);
  if (stmt == NULL)
    return FALSE;

  stamp = format_timestamp (until);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (loan_id > 0)
    sqlite3_bind_int64 (stmt, 2, loan_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, stamp, -1, SQLITE_TRANSIENT);
  return shore_store_step_done (store, stmt, error);
}
