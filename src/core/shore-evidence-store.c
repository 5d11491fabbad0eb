/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-evidence"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib.h>
#include "shore-intl.h"
#include <sqlite3.h>

#include "shore-apr.h"
#include "shore-debts.h"
#include "shore-evidence-store.h"
#include "shore-store-private.h"

/* The evidence log is one of the store's domain files: it speaks SQL
 * through shore-store-private.h and hands the rest of the app plain
 * ShoreContact values. Times are kept as ISO 8601 with the offset they
 * were recorded with ('2026-03-01T22:15:00+08:00'), so the rules read the
 * borrower's local hours; the list is ordered by the instant.
 */

/* Columns of a contact row, in the order contact_from_row() reads them and
 * bind_contact() binds them (?1 … ?13). */
#define CONTACT_COLUMNS \
  "id, occurred_at, channel, loan_id, organization, person, phone," \
  " duration_seconds, connected, summary, third_parties, amount_demanded"

static void
set_damaged_error (GError **error,
                   gint64   contact_id)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, contact_id);

  g_set_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_NOT_A_DATABASE,
               /* Translators: %s is the number of a recorded collection contact */
               _("The saved contact %s cannot be read; the database may be damaged."),
               id);
}

static void
set_not_found_error (GError **error,
                     gint64   contact_id)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, contact_id);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               /* Translators: %s is the number of a recorded collection contact */
               _("There is no contact %s."),
               id);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static char *
format_timestamp (GDateTime *when)
{
  return g_date_time_format (when, "%Y-%m-%dT%H:%M:%S%:z");
}

static ShoreContact *
contact_from_row (sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(ShoreContact) contact = shore_contact_new ();
  const char *channel;

  contact->id = sqlite3_column_int64 (stmt, 0);
  contact->occurred_at = g_date_time_new_from_iso8601 (column_text (stmt, 1), NULL);
  channel = column_text (stmt, 2);
  contact->loan_id = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 3);
  g_free (contact->organization);
  contact->organization = g_strdup (column_text (stmt, 4));
  g_free (contact->person);
  contact->person = g_strdup (column_text (stmt, 5));
  g_free (contact->phone);
  contact->phone = g_strdup (column_text (stmt, 6));
  contact->duration_seconds = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 7);
  contact->connected = sqlite3_column_int (stmt, 8) != 0;
  g_free (contact->summary);
  contact->summary = g_strdup (column_text (stmt, 9));
  g_free (contact->third_parties);
  contact->third_parties = g_strdup (column_text (stmt, 10));
  contact->amount_demanded = sqlite3_column_int64 (stmt, 11);

  if (contact->occurred_at == NULL || !shore_contact_channel_from_string (channel, &contact->channel))
    {
      set_damaged_error (error, contact->id);
      return NULL;
    }

  return g_steal_pointer (&contact);
}

/* Binds ?2 … ?12 (not the id) of a statement whose parameters follow
 * CONTACT_COLUMNS. */
static void
bind_contact (sqlite3_stmt       *stmt,
              const ShoreContact *contact)
{
  sqlite3_bind_text (stmt, 2, format_timestamp (contact->occurred_at), -1, g_free);
  sqlite3_bind_text (stmt, 3, shore_contact_channel_to_string (contact->channel), -1, SQLITE_STATIC);
  if (contact->loan_id > 0)
    sqlite3_bind_int64 (stmt, 4, contact->loan_id);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_text (stmt, 5, contact->organization != NULL ? contact->organization : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, contact->person != NULL ? contact->person : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, contact->phone != NULL ? contact->phone : "", -1, SQLITE_TRANSIENT);
  if (contact->duration_seconds >= 0)
    sqlite3_bind_int (stmt, 8, contact->duration_seconds);
  else
    sqlite3_bind_null (stmt, 8);
  sqlite3_bind_int (stmt, 9, contact->connected ? 1 : 0);
  sqlite3_bind_text (stmt, 10, contact->summary != NULL ? contact->summary : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, contact->third_parties != NULL ? contact->third_parties : "", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 12, contact->amount_demanded);
}

/* Attachments */

/* The paths of a contact's attachments, in the order they were attached. */
static gboolean
read_attachments (ShoreStore    *store,
                  ShoreContact  *contact,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  stmt = shore_store_prepare (store,
                              "SELECT path FROM contact_attachments WHERE contact_id = ?1 ORDER BY id",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact->id);

  while (shore_store_step (store, stmt, &has_row, &local_error) && has_row)
    g_ptr_array_add (contact->attachments, g_strdup (column_text (stmt, 0)));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
insert_attachment (ShoreStore  *store,
                   gint64       contact_id,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shore_store_prepare (store,
                              "INSERT OR IGNORE INTO contact_attachments (contact_id, path) VALUES (?1, ?2)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  sqlite3_bind_text (stmt, 2, path, -1, SQLITE_TRANSIENT);

  return shore_store_step_done (store, stmt, error);
}

/* Makes the saved attachments of @contact its list: the rows of paths
 * still listed are kept (with their checksum and date), others deleted,
 * new ones added. */
static gboolean
write_attachments (ShoreStore          *store,
                   const ShoreContact  *contact,
                   GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) keep = g_string_new ("[");
  guint n = contact->attachments != NULL ? contact->attachments->len : 0;
  guint i;

  /* the list as a JSON array, so that one statement deletes the rest */
  for (i = 0; i < n; i++)
    {
      const char *path = g_ptr_array_index (contact->attachments, i);
      const char *p;

      g_string_append (keep, i > 0 ? ",\"" : "\"");
      for (p = path; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_printf (keep, "\\%c", *p);
          else if ((guchar) *p < 0x20)
            g_string_append_printf (keep, "\\u%04x", (guint) (guchar) *p);
          else
            g_string_append_c (keep, *p);
        }
      g_string_append_c (keep, '"');
    }
  g_string_append_c (keep, ']');

  stmt = shore_store_prepare (store,
                              "DELETE FROM contact_attachments WHERE contact_id = ?1"
                              " AND path NOT IN (SELECT value FROM json_each(?2))",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact->id);
  sqlite3_bind_text (stmt, 2, keep->str, (int) keep->len, SQLITE_TRANSIENT);
  if (!shore_store_step_done (store, stmt, error))
    return FALSE;

  for (i = 0; i < n; i++)
    if (!insert_attachment (store, contact->id, g_ptr_array_index (contact->attachments, i), error))
      return FALSE;

  return TRUE;
}

/* Rows */

/* @id 0: a new id */
static gboolean
insert_contact (ShoreStore          *store,
                const ShoreContact  *contact,
                gint64               id,
                gint64              *out_id,
                GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shore_store_prepare (store,
                              "INSERT INTO contacts (" CONTACT_COLUMNS ") VALUES"
                              " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                              error);
  if (stmt == NULL)
    return FALSE;

  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  else
    sqlite3_bind_null (stmt, 1);
  bind_contact (stmt, contact);

  if (!shore_store_step_done (store, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (shore_store_get_db (store));
  return TRUE;
}

/* NULL without error when there is no such contact. */
static ShoreContact *
find_contact (ShoreStore  *store,
              gint64       contact_id,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ShoreContact) contact = NULL;
  gboolean has_row = FALSE;

  stmt = shore_store_prepare (store, "SELECT " CONTACT_COLUMNS " FROM contacts WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contact_id);

  if (!shore_store_step (store, stmt, &has_row, error) || !has_row)
    return NULL;

  contact = contact_from_row (stmt, error);
  if (contact == NULL || !read_attachments (store, contact, error))
    return NULL;

  return g_steal_pointer (&contact);
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
 * shore_evidence_store_list:
 * @store: a #ShoreStore
 * @error: return location for a #GError
 *
 * Reads the whole evidence log with the attachments of each contact, in
 * time order: by the instant each contact happened (offsets taken into
 * account), then in the order they were recorded.
 *
 * Returns: (transfer full) (element-type ShoreContact): the contacts, or
 *   %NULL with @error set
 */
GPtrArray *
shore_evidence_store_list (ShoreStore  *store,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) shore_contact_free);
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;
  guint i;

  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = shore_store_prepare (store,
                              "SELECT " CONTACT_COLUMNS " FROM contacts ORDER BY julianday(occurred_at), id",
                              error);
  if (stmt == NULL)
    return NULL;

  while (shore_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      ShoreContact *contact = contact_from_row (stmt, error);

      if (contact == NULL)
        return NULL;
      g_ptr_array_add (contacts, contact);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (i = 0; i < contacts->len; i++)
    if (!read_attachments (store, g_ptr_array_index (contacts, i), error))
      return NULL;

  return g_steal_pointer (&contacts);
}

/**
 * shore_evidence_store_get:
 * @store: a #ShoreStore
 * @contact_id: the id of a contact
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the contact with its attachments, or %NULL
 *   with %G_IO_ERROR_NOT_FOUND if there is none with that id
 */
ShoreContact *
shore_evidence_store_get (ShoreStore  *store,
                          gint64       contact_id,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  ShoreContact *contact;

  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  contact = find_contact (store, contact_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (contact == NULL)
    set_not_found_error (error, contact_id);

  return contact;
}

/**
 * shore_evidence_store_add:
 * @store: a #ShoreStore
 * @contact: a new contact; its id is set when saved
 * @error: return location for a #GError
 *
 * Checks @contact with shore_contact_validate() and saves it with its
 * attachments, in one transaction. A @loan_id that names no loan is a
 * %SHORE_STORE_ERROR_CONSTRAINT.
 *
 * Returns: %TRUE if saved
 */
gboolean
shore_evidence_store_add (ShoreStore    *store,
                          ShoreContact  *contact,
                          GError       **error)
{
  ShoreContact saved;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (contact != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_contact_validate (contact, error) ||
      !shore_store_begin (store, error))
    return FALSE;

  ok = insert_contact (store, contact, 0, &id, error);
  if (ok)
    {
      saved = *contact;
      saved.id = id;
      ok = write_attachments (store, &saved, error);
    }
  if (!finish_write (store, ok, error))
    return FALSE;

  contact->id = id;
  return TRUE;
}

/**
 * shore_evidence_store_update:
 * @store: a #ShoreStore
 * @contact: the new record of a saved contact (its id says which)
 * @error: return location for a #GError
 *
 * Checks @contact with shore_contact_validate() and replaces the saved
 * record and its list of attachments, in one transaction.
 *
 * Returns: %TRUE if saved; %FALSE with %G_IO_ERROR_NOT_FOUND if the
 *   contact no longer exists
 */
gboolean
shore_evidence_store_update (ShoreStore          *store,
                             const ShoreContact  *contact,
                             GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (contact != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_contact_validate (contact, error) ||
      !shore_store_begin (store, error))
    return FALSE;

  stmt = shore_store_prepare (store,
                              "UPDATE contacts SET occurred_at = ?2, channel = ?3, loan_id = ?4,"
                              " organization = ?5, person = ?6, phone = ?7, duration_seconds = ?8,"
                              " connected = ?9, summary = ?10, third_parties = ?11, amount_demanded = ?12"
                              " WHERE id = ?1",
                              error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, contact->id);
      bind_contact (stmt, contact);
      ok = shore_store_step_done (store, stmt, error);
    }
  if (ok && sqlite3_changes (shore_store_get_db (store)) == 0)
    {
      set_not_found_error (error, contact->id);
      ok = FALSE;
    }
  if (ok)
    ok = write_attachments (store, contact, error);

  return finish_write (store, ok, error);
}

/**
 * shore_evidence_store_delete:
 * @store: a #ShoreStore
 * @contact_id: the id of a contact
 * @out_contact: (out) (optional) (transfer full): what was deleted, for
 *   shore_evidence_store_restore()
 * @error: return location for a #GError
 *
 * Deletes a contact and its attachments (the rows, not the files), in one
 * transaction.
 *
 * Returns: %TRUE if deleted; %FALSE with %G_IO_ERROR_NOT_FOUND if there
 *   was no such contact
 */
gboolean
shore_evidence_store_delete (ShoreStore     *store,
                             gint64          contact_id,
                             ShoreContact  **out_contact,
                             GError        **error)
{
  g_autoptr(ShoreContact) contact = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_store_begin (store, error))
    return FALSE;

  contact = shore_evidence_store_get (store, contact_id, error);
  ok = contact != NULL;
  if (ok)
    {
      /* the attachments go with it: ON DELETE CASCADE */
      stmt = shore_store_prepare (store, "DELETE FROM contacts WHERE id = ?1", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, contact_id);
      ok = shore_store_step_done (store, stmt, error);
    }
  if (!finish_write (store, ok, error))
    return FALSE;

  if (out_contact != NULL)
    *out_contact = g_steal_pointer (&contact);
  return TRUE;
}

/**
 * shore_evidence_store_restore:
 * @store: a #ShoreStore
 * @contact: a contact from shore_evidence_store_delete()
 * @error: return location for a #GError
 *
 * Saves a deleted contact again with the same id and attachments, in one
 * transaction (the Undo of a delete).
 *
 * Returns: %TRUE if restored; %SHORE_STORE_ERROR_CONSTRAINT if its id is
 *   taken again or its loan is gone
 */
gboolean
shore_evidence_store_restore (ShoreStore          *store,
                              const ShoreContact  *contact,
                              GError             **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (contact != NULL, FALSE);
  g_return_val_if_fail (contact->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_contact_validate (contact, error) ||
      !shore_store_begin (store, error))
    return FALSE;

  ok = insert_contact (store, contact, contact->id, &id, error) &&
       write_attachments (store, contact, error);

  return finish_write (store, ok, error);
}

/**
 * shore_evidence_store_loans:
 * @store: the data
 * @today: the day the balances are computed for
 * @loans: (element-type ShoreEvidenceLoan): where each loan is appended
 * @error: return location for a #GError
 *
 * Appends what the register knows of each loan (its balance, lender type,
 * contract date and real rate), for shore_evidence_check().
 *
 * Returns: %FALSE when the loans could not be read
 */
gboolean
shore_evidence_store_loans (ShoreStore   *store,
                            const GDate  *today,
                            GArray       *loans,
                            GError      **error)
{
  g_autoptr(GListModel) debts = NULL;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (loans != NULL, FALSE);

  debts = shore_debts_list (store, today, error);
  if (debts == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (debts); i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (debts, i);
      const ShoreLoan *loan = shore_debt_get_loan (debt);
      ShoreEvidenceLoan known;
      ShoreTrueCost cost;

      shore_evidence_loan_init (&known);
      known.loan_id = loan->id;
      known.owed_total = shore_debt_get_status (debt)->owed_total;
      known.lender_type = loan->lender_type;
      known.contract_date = loan->start_date;
      if (shore_apr_for_loan (loan, &cost, NULL))
        known.apr = cost.apr_simple;
      g_array_append_val (loans, known);
    }

  return TRUE;
}

/**
 * shore_evidence_store_check:
 * @store: a #ShoreStore
 * @today: the day the balances are read as of
 * @out_contacts: (out) (transfer full): the contacts, a GPtrArray of ShoreContact
 * @out_flat: (out) (transfer full): the same contacts in a plain array,
 *   sharing their strings with @out_contacts
 * @out_flags: (out) (transfer full): the flags, an array of ShoreEvidenceFlag
 * @error: return location for a #GError
 *
 * Reads the log and the register and runs the rules, as the evidence
 * window does.
 *
 * Returns: %FALSE with @error set if the store could not be read
 */
gboolean
shore_evidence_store_check (ShoreStore    *store,
                            const GDate   *today,
                            GPtrArray    **out_contacts,
                            ShoreContact **out_flat,
                            GArray       **out_flags,
                            GError       **error)
{
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GArray) loans = g_array_new (FALSE, TRUE, sizeof (ShoreEvidenceLoan));
  ShoreEvidenceContext ctx;
  ShoreContact *flat;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (out_contacts != NULL && out_flat != NULL && out_flags != NULL, FALSE);

  contacts = shore_evidence_store_list (store, error);
  if (contacts == NULL)
    return FALSE;
  if (!shore_evidence_store_loans (store, today, loans, error))
    return FALSE;

  flat = g_new0 (ShoreContact, MAX (contacts->len, 1));
  for (guint i = 0; i < contacts->len; i++)
    flat[i] = *(ShoreContact *) g_ptr_array_index (contacts, i);

  ctx.loans = (const ShoreEvidenceLoan *) (gpointer) loans->data;
  ctx.n_loans = loans->len;
  shore_evidence_check (flat, contacts->len, &ctx, out_flags);
  *out_flat = flat;
  *out_contacts = g_steal_pointer (&contacts);
  return TRUE;
}
