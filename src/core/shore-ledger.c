/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-ledger"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>
#include "shore-intl.h"
#include <gio/gio.h>
#include <sqlite3.h>

#include "shore-ledger.h"
#include "shore-ledger-private.h"
#include "shore-store-private.h"

/* The ledger is one of the store's domain files: it speaks SQL through
 * shore-store-private.h and hands out plain structs and GListModels.
 *
 * Errors: bad input is G_IO_ERROR_INVALID_ARGUMENT, a missing row
 * G_IO_ERROR_NOT_FOUND, a name already taken SHORE_STORE_ERROR_CONSTRAINT;
 * every message is translated and fit to show.
 *
 * Deleting a transaction linked to a loan payment (record_upcoming) keeps
 * the payment in the debts register: payments are managed there.
 *
 * This file holds accounts, categories and the helpers the others share
 * (through shore-ledger-private.h); transactions and the transaction list
 * are in shore-ledger-transactions.c, repeating entries and what is coming
 * in shore-ledger-recurring.c, budgets and reports in shore-ledger-budget.c.
 */

/* The built-in categories, as migration 2 of shore-store.c creates them;
 * N_() so that gettext extracts their names. */
static const ShoreLedgerBuiltin builtins[] = {
  { "food",          N_("Food & Dining"),         SHORE_CATEGORY_EXPENSE, "emoji-food-symbolic" },
  { "groceries",     N_("Groceries"),             SHORE_CATEGORY_EXPENSE, "emoji-nature-symbolic" },
  { "transport",     N_("Transport"),             SHORE_CATEGORY_EXPENSE, "emoji-travel-symbolic" },
  { "housing",       N_("Housing & Rent"),        SHORE_CATEGORY_EXPENSE, "user-home-symbolic" },
  { "utilities",     N_("Utilities & Phone"),     SHORE_CATEGORY_EXPENSE, "phone-symbolic" },
  { "health",        N_("Medical"),               SHORE_CATEGORY_EXPENSE, "face-sick-symbolic" },
  { "education",     N_("Education"),             SHORE_CATEGORY_EXPENSE, "x-office-document-symbolic" },
  { "clothing",      N_("Clothing"),              SHORE_CATEGORY_EXPENSE, "emoji-body-symbolic" },
  { "family",        N_("Family & Children"),     SHORE_CATEGORY_EXPENSE, "avatar-default-symbolic" },
  { "social",        N_("Social & Gifts"),        SHORE_CATEGORY_EXPENSE, "emoji-people-symbolic" },
  { "entertainment", N_("Entertainment"),         SHORE_CATEGORY_EXPENSE, "emoji-activities-symbolic" },
  { "shopping",      N_("Shopping"),              SHORE_CATEGORY_EXPENSE, "emoji-objects-symbolic" },
  { "debt",          N_("Debt Repayment"),        SHORE_CATEGORY_EXPENSE, "send-to-symbolic" },
  { "fees",          N_("Fees & Interest"),       SHORE_CATEGORY_EXPENSE, "emblem-important-symbolic" },
  { "other-expense", N_("Other Spending"),        SHORE_CATEGORY_EXPENSE, "view-more-horizontal-symbolic" },
  { "salary",        N_("Salary"),                SHORE_CATEGORY_INCOME,  "applications-engineering-symbolic" },
  { "side-income",   N_("Side Income"),           SHORE_CATEGORY_INCOME,  "starred-symbolic" },
  { "gifts",         N_("Red Envelopes & Gifts"), SHORE_CATEGORY_INCOME,  "emblem-favorite-symbolic" },
  { "refunds",       N_("Refunds"),               SHORE_CATEGORY_INCOME,  "edit-undo-symbolic" },
  { "borrowing",     N_("Borrowed Money"),        SHORE_CATEGORY_INCOME,  "emblem-shared-symbolic" },
  { "other-income",  N_("Other Income"),          SHORE_CATEGORY_INCOME,  "list-add-symbolic" },
  { "transfer",      N_("Transfers"),             SHORE_CATEGORY_NEUTRAL, "mail-send-receive-symbolic" },
};

/* ---- Small helpers ----------------------------------------------------- */

const char *
shore_ledger_column_text (sqlite3_stmt *stmt,
                          int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

const char *
shore_ledger_column_text_or_null (sqlite3_stmt *stmt,
                                  int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

void
shore_ledger_bind_text (sqlite3_stmt *stmt,
                        int           index,
                        const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

void
shore_ledger_bind_id_or_null (sqlite3_stmt *stmt,
                              int           index,
                              gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

void
shore_ledger_set_invalid (GError     **error,
                          const char  *message)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, message);
}

void
shore_ledger_set_damaged (GError **error)
{
  g_set_error_literal (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_NOT_A_DATABASE,
                       _("A saved entry of the budget cannot be read; the database may be damaged."));
}

gboolean
shore_ledger_finish_write (ShoreStore  *store,
                           gboolean     ok,
                           GError     **error)
{
  if (ok && shore_store_commit (store, error))
    return TRUE;

  shore_store_rollback (store);
  return FALSE;
}

/* Runs a statement with one int64 parameter that returns one integer. */
gboolean
shore_ledger_query_int64 (ShoreStore  *store,
                          const char  *sql,
                          gint64       param,
                          gint64      *out,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = shore_store_prepare (store, sql, error);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, param);
  if (!shore_store_step (store, stmt, &has_row, error))
    return FALSE;

  *out = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

void
shore_ledger_bind_date (sqlite3_stmt *stmt,
                        int           index,
                        const GDate  *date)
{
  char text[16];

  if (date == NULL || !g_date_valid (date))
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  g_snprintf (text, sizeof text, "%04d-%02d-%02d",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

gboolean
shore_ledger_read_date (const char *text,
                        GDate      *out)
{
  unsigned y, m, d;

  g_date_clear (out, 1);
  if (text == NULL || strlen (text) != 10 || sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;

  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

/* ---- Accounts ---------------------------------------------------------- */

static const struct
{
  const char *id;
  const char *label;
  const char *icon;
} account_kinds[] = {
  [SHORE_ACCOUNT_CASH]        = { "cash",        N_("Cash"),        "emoji-symbols-symbolic" },
  [SHORE_ACCOUNT_BANK]        = { "bank",        N_("Bank Card"),   "auth-smartcard-symbolic" },
  [SHORE_ACCOUNT_WECHAT]      = { "wechat",      N_("WeChat Pay"),  "phone-symbolic" },
  [SHORE_ACCOUNT_ALIPAY]      = { "alipay",      N_("Alipay"),      "phone-symbolic" },
  [SHORE_ACCOUNT_CREDIT_CARD] = { "credit-card", N_("Credit Card"), "auth-smartcard-symbolic" },
  [SHORE_ACCOUNT_OTHER]       = { "other",       N_("Other"),       "folder-symbolic" },
};

void
shore_account_free (ShoreAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->name);
  g_free (account);
}

const char *
shore_account_kind_to_string (ShoreAccountKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (account_kinds), NULL);

  return account_kinds[kind].id;
}

gboolean
shore_account_kind_from_string (const char       *text,
                                ShoreAccountKind *out)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (account_kinds); i++)
    if (strcmp (text, account_kinds[i].id) == 0)
      {
        if (out != NULL)
          *out = (ShoreAccountKind) i;
        return TRUE;
      }

  return FALSE;
}

const char *
shore_account_kind_get_label (ShoreAccountKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (account_kinds), NULL);

  return _(account_kinds[kind].label);
}

const char *
shore_account_kind_get_icon (ShoreAccountKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (account_kinds), NULL);

  return account_kinds[kind].icon;
}

#define ACCOUNT_COLUMNS \
  "a.id, a.name, a.kind, a.opening_balance, a.archived," \
  " a.opening_balance + ifnull((SELECT sum (amount) FROM transactions WHERE account_id = a.id), 0)"

static ShoreAccount *
account_from_row (sqlite3_stmt *stmt)
{
  ShoreAccount *account = g_new0 (ShoreAccount, 1);

  account->id = sqlite3_column_int64 (stmt, 0);
  account->name = g_strdup (shore_ledger_column_text (stmt, 1));
  if (!shore_account_kind_from_string (shore_ledger_column_text (stmt, 2), &account->kind))
    account->kind = SHORE_ACCOUNT_OTHER;
  account->opening_balance = sqlite3_column_int64 (stmt, 3);
  account->archived = sqlite3_column_int (stmt, 4) != 0;
  account->balance = sqlite3_column_int64 (stmt, 5);

  return account;
}

GPtrArray *
shore_ledger_list_accounts (ShoreStore  *store,
                            gboolean     include_archived,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) shore_account_free);
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = shore_store_prepare (store,
                              "SELECT " ACCOUNT_COLUMNS " FROM accounts a"
                              " WHERE ?1 OR a.archived = 0 ORDER BY a.sort, a.name, a.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_archived ? 1 : 0);

  while (shore_store_step (store, stmt, &has_row, &local_error) && has_row)
    g_ptr_array_add (accounts, account_from_row (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&accounts);
}

static void
set_no_account_error (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("This account no longer exists."));
}

ShoreAccount *
shore_ledger_get_account (ShoreStore  *store,
                          gint64       account_id,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = shore_store_prepare (store, "SELECT " ACCOUNT_COLUMNS " FROM accounts a WHERE a.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  if (!shore_store_step (store, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      set_no_account_error (error);
      return NULL;
    }

  return account_from_row (stmt);
}

/* Checks the name of an account; @except_id is the account being renamed. */
static gboolean
check_account_name (ShoreStore  *store,
                    const char  *name,
                    gint64       except_id,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  gboolean has_row = FALSE;

  if (stripped[0] == '\0')
    {
      shore_ledger_set_invalid (error, _("Give the account a name."));
      return FALSE;
    }

  stmt = shore_store_prepare (store, "SELECT 1 FROM accounts WHERE name = ?1 AND id != ?2", error);
  if (stmt == NULL)
    return FALSE;
  shore_ledger_bind_text (stmt, 1, name);
  sqlite3_bind_int64 (stmt, 2, except_id);
  if (!shore_store_step (store, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    {
      g_set_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_CONSTRAINT,
                   /* Translators: %s is the name of an account, e.g. “WeChat Pay” */
                   _("There is already an account named “%s”; choose another name."),
                   name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
insert_account (ShoreStore   *store,
                ShoreAccount *account,
                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!check_account_name (store, account->name, 0, error))
    return FALSE;

  stmt = shore_store_prepare (store,
                              "INSERT INTO accounts (name, kind, opening_balance, archived,"
                              " sort) VALUES (?1, ?2, ?3, ?4, (SELECT ifnull (max (sort), 0) + 1 FROM accounts))",
                              error);
  if (stmt == NULL)
    return FALSE;
  shore_ledger_bind_text (stmt, 1, account->name);
  sqlite3_bind_text (stmt, 2, shore_account_kind_to_string (account->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, account->opening_balance);
  sqlite3_bind_int (stmt, 4, account->archived ? 1 : 0);
  if (!shore_store_step_done (store, stmt, error))
    return FALSE;

  account->id = sqlite3_last_insert_rowid (shore_store_get_db (store));
  return TRUE;
}

gboolean
shore_ledger_add_account (ShoreStore    *store,
                          ShoreAccount  *account,
                          GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (account != NULL, FALSE);
  g_return_val_if_fail ((guint) account->kind < G_N_ELEMENTS (account_kinds), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_store_begin (store, error))
    return FALSE;
  ok = insert_account (store, account, error);

  return shore_ledger_finish_write (store, ok, error);
}

gboolean
shore_ledger_update_account (ShoreStore          *store,
                             const ShoreAccount  *account,
                             GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (account != NULL, FALSE);
  g_return_val_if_fail ((guint) account->kind < G_N_ELEMENTS (account_kinds), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_store_begin (store, error))
    return FALSE;

  ok = check_account_name (store, account->name, account->id, error);
  if (ok)
    {
      stmt = shore_store_prepare (store,
                                  "UPDATE accounts SET name = ?2, kind = ?3, opening_balance = ?4,"
                                  " archived = ?5 WHERE id = ?1",
                                  error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, account->id);
      shore_ledger_bind_text (stmt, 2, account->name);
      sqlite3_bind_text (stmt, 3, shore_account_kind_to_string (account->kind), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, account->opening_balance);
      sqlite3_bind_int (stmt, 5, account->archived ? 1 : 0);
      ok = shore_store_step_done (store, stmt, error);
    }
  if (ok && sqlite3_changes (shore_store_get_db (store)) == 0)
    {
      set_no_account_error (error);
      ok = FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  return shore_ledger_finish_write (store, ok, error);
}

gboolean
shore_ledger_remove_account (ShoreStore  *store,
                             gint64       account_id,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 in_use = 0;
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_store_begin (store, error))
    return FALSE;

  /* Recurring items would go with the account (ON DELETE CASCADE): keep it. */
  ok = shore_ledger_query_int64 (store,
                                 "SELECT EXISTS (SELECT 1 FROM transactions WHERE account_id = ?1)"
                                 " OR EXISTS (SELECT 1 FROM recurring WHERE account_id = ?1)",
                                 account_id, &in_use, error);
  if (ok)
    {
      stmt = shore_store_prepare (store,
                                  in_use ? "UPDATE accounts SET archived = 1 WHERE id = ?1"
                                         : "DELETE FROM accounts WHERE id = ?1",
                                  error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, account_id);
      ok = shore_store_step_done (store, stmt, error);
    }
  if (ok && sqlite3_changes (shore_store_get_db (store)) == 0)
    {
      set_no_account_error (error);
      ok = FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  return shore_ledger_finish_write (store, ok, error);
}

gint64
shore_ledger_lookup_account (ShoreStore        *store,
                             ShoreAccountKind   kind,
                             const char        *name,
                             gboolean           create,
                             GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ShoreAccount) account = NULL;
  gboolean has_row = FALSE;

  if (name != NULL)
    {
      stmt = shore_store_prepare (store, "SELECT id FROM accounts WHERE name = ?1", error);
      if (stmt != NULL)
        shore_ledger_bind_text (stmt, 1, name);
    }
  else
    {
      stmt = shore_store_prepare (store,
                                  "SELECT id FROM accounts WHERE kind = ?1 ORDER BY archived, sort, id LIMIT 1",
                                  error);
      if (stmt != NULL)
        sqlite3_bind_text (stmt, 1, shore_account_kind_to_string (kind), -1, SQLITE_STATIC);
    }
  if (stmt == NULL || !shore_store_step (store, stmt, &has_row, error))
    return 0;
  if (has_row)
    return sqlite3_column_int64 (stmt, 0);
  if (!create)
    return 0;

  account = g_new0 (ShoreAccount, 1);
  account->kind = kind;
  if (name != NULL)
    account->name = g_strdup (name);
  else
    {
      /* The kind's label, numbered when an account of another kind has it */
      for (guint n = 1; n < 100 && account->name == NULL; n++)
        {
          g_autofree char *candidate = NULL;
          gint64 taken = 0;

          if (n == 1)
            candidate = g_strdup (shore_account_kind_get_label (kind));
          else
            /* Translators: a default account name when the plain one is taken: “WeChat Pay 2” */
            candidate = g_strdup_printf (C_("account name", "%s %u"), shore_account_kind_get_label (kind), n);

          g_clear_pointer (&stmt, sqlite3_finalize);
          stmt = shore_store_prepare (store, "SELECT count (*) FROM accounts WHERE name = ?1", error);
          if (stmt == NULL)
            return 0;
          shore_ledger_bind_text (stmt, 1, candidate);
          if (!shore_store_step (store, stmt, &has_row, error))
            return 0;
          taken = sqlite3_column_int64 (stmt, 0);
          if (taken == 0)
            account->name = g_steal_pointer (&candidate);
        }
    }

  if (account->name == NULL || !insert_account (store, account, error))
    {
      if (error != NULL && *error == NULL)
        shore_ledger_set_invalid (error, _("Could not create an account for the bill."));
      return 0;
    }

  return account->id;
}

gint64
shore_ledger_ensure_account (ShoreStore        *store,
                             ShoreAccountKind   kind,
                             GError           **error)
{
  gint64 id = 0;

  g_return_val_if_fail (SHORE_IS_STORE (store), 0);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (account_kinds), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!shore_store_begin (store, error))
    return 0;

  id = shore_ledger_lookup_account (store, kind, NULL, TRUE, error);
  if (!shore_ledger_finish_write (store, id != 0, error))
    return 0;

  return id;
}

/* ---- Categories -------------------------------------------------------- */

static const char * const category_kinds[] = {
  [SHORE_CATEGORY_EXPENSE] = "expense",
  [SHORE_CATEGORY_INCOME]  = "income",
  [SHORE_CATEGORY_NEUTRAL] = "neutral",
};

const ShoreLedgerBuiltin *
shore_ledger_get_builtins (guint *n_builtins)
{
  if (n_builtins != NULL)
    *n_builtins = G_N_ELEMENTS (builtins);
  return builtins;
}

const char *
shore_category_kind_to_string (ShoreCategoryKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (category_kinds), NULL);

  return category_kinds[kind];
}

gboolean
shore_category_kind_from_string (const char        *text,
                                 ShoreCategoryKind *out)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (category_kinds); i++)
    if (strcmp (text, category_kinds[i]) == 0)
      {
        *out = (ShoreCategoryKind) i;
        return TRUE;
      }

  return FALSE;
}

const char *
shore_ledger_default_category_icon (int kind)
{
  switch (kind)
    {
    case SHORE_CATEGORY_EXPENSE:
      return "view-more-horizontal-symbolic";
    case SHORE_CATEGORY_INCOME:
      return "list-add-symbolic";
    case SHORE_CATEGORY_NEUTRAL:
      return "mail-send-receive-symbolic";
    default:
      return "dialog-question-symbolic";
    }
}

static const ShoreLedgerBuiltin *
find_builtin (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (builtins); i++)
    if (strcmp (builtins[i].key, key) == 0)
      return &builtins[i];

  return NULL;
}

const char *
shore_ledger_category_display_name (const char *builtin_key,
                                    const char *name)
{
  const ShoreLedgerBuiltin *builtin = find_builtin (builtin_key);

  if (builtin != NULL && g_strcmp0 (name, builtin->name) == 0)
    return _(builtin->name);

  return name != NULL ? name : "";
}

void
shore_category_free (ShoreCategory *category)
{
  if (category == NULL)
    return;
  g_free (category->name);
  g_free (category->icon);
  g_free (category->builtin_key);
  g_free (category);
}

#define CATEGORY_COLUMNS "id, name, kind, icon, ifnull (parent_id, 0), builtin_key, archived"

static ShoreCategory *
category_from_row (sqlite3_stmt *stmt)
{
  ShoreCategory *category = g_new0 (ShoreCategory, 1);
  const char *icon = shore_ledger_column_text_or_null (stmt, 3);

  category->id = sqlite3_column_int64 (stmt, 0);
  category->builtin_key = g_strdup (shore_ledger_column_text_or_null (stmt, 5));
  category->name = g_strdup (shore_ledger_category_display_name (category->builtin_key,
                                                                 shore_ledger_column_text (stmt, 1)));
  if (!shore_category_kind_from_string (shore_ledger_column_text (stmt, 2), &category->kind))
    category->kind = SHORE_CATEGORY_EXPENSE;
  category->icon = g_strdup (icon != NULL && icon[0] != '\0' ? icon
                             : shore_ledger_default_category_icon (category->kind));
  category->parent_id = sqlite3_column_int64 (stmt, 4);
  category->archived = sqlite3_column_int (stmt, 6) != 0;

  return category;
}

GPtrArray *
shore_ledger_list_categories (ShoreStore  *store,
                              int          kind,
                              gboolean     include_archived,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func ((GDestroyNotify) shore_category_free);
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (kind >= -1 && kind < (int) G_N_ELEMENTS (category_kinds), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = shore_store_prepare (store,
                              "SELECT " CATEGORY_COLUMNS " FROM categories"
                              " WHERE (?1 IS NULL OR kind = ?1) AND (?2 OR archived = 0)"
                              " ORDER BY CASE kind WHEN 'expense' THEN 0 WHEN 'income' THEN 1 ELSE 2 END,"
                              " sort, name, id",
                              error);
  if (stmt == NULL)
    return NULL;
  if (kind >= 0)
    sqlite3_bind_text (stmt, 1, category_kinds[kind], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, include_archived ? 1 : 0);

  while (shore_store_step (store, stmt, &has_row, &local_error) && has_row)
    g_ptr_array_add (categories, category_from_row (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&categories);
}

void
shore_ledger_set_no_category_error (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("This category no longer exists."));
}

/* NULL and no error when there is none */
ShoreCategory *
shore_ledger_find_category (ShoreStore  *store,
                            gint64       category_id,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = FALSE;

  stmt = shore_store_prepare (store, "SELECT " CATEGORY_COLUMNS " FROM categories WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, category_id);
  if (!shore_store_step (store, stmt, &has_row, error) || !has_row)
    return NULL;

  return category_from_row (stmt);
}

ShoreCategory *
shore_ledger_get_category (ShoreStore  *store,
                           gint64       category_id,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  ShoreCategory *category;

  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  category = shore_ledger_find_category (store, category_id, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (category == NULL)
    shore_ledger_set_no_category_error (error);

  return category;
}

gint64
shore_ledger_find_builtin (ShoreStore  *store,
                           const char  *builtin_key,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (SHORE_IS_STORE (store), 0);
  g_return_val_if_fail (builtin_key != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  stmt = shore_store_prepare (store, "SELECT id FROM categories WHERE builtin_key = ?1", error);
  if (stmt == NULL)
    return 0;
  shore_ledger_bind_text (stmt, 1, builtin_key);
  if (!shore_store_step (store, stmt, &has_row, error) || !has_row)
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

/* The name to store: a built-in keeps its English name while the user
 * leaves the shown (translated) one as it is. */
static const char *
name_to_store (const ShoreCategory *category,
               const ShoreCategory *old)
{
  const ShoreLedgerBuiltin *builtin = old != NULL ? find_builtin (old->builtin_key) : NULL;

  if (builtin != NULL &&
      (g_strcmp0 (category->name, _(builtin->name)) == 0 ||
       g_strcmp0 (category->name, builtin->name) == 0))
    return builtin->name;

  return category->name;
}

static gboolean
check_category (ShoreStore           *store,
                const ShoreCategory  *category,
                const ShoreCategory  *old,
                GError              **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (category->name != NULL ? category->name : ""));
  g_autoptr(ShoreCategory) parent = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 n_children = 0;

  if (stripped[0] == '\0')
    {
      shore_ledger_set_invalid (error, _("Give the category a name."));
      return FALSE;
    }

  if (category->parent_id == 0)
    return TRUE;

  parent = shore_ledger_find_category (store, category->parent_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (parent == NULL || parent->id == category->id)
    {
      shore_ledger_set_invalid (error, _("The category chosen as the parent does not exist."));
      return FALSE;
    }
  if (parent->parent_id != 0)
    {
      shore_ledger_set_invalid (error, _("A subcategory cannot have subcategories of its own."));
      return FALSE;
    }
  if (parent->kind != category->kind)
    {
      shore_ledger_set_invalid (error, _("A subcategory must be of the same kind as its parent: spending under spending, income under income."));
      return FALSE;
    }
  if (old != NULL &&
      !shore_ledger_query_int64 (store, "SELECT count (*) FROM categories WHERE parent_id = ?1",
                                 old->id, &n_children, error))
    return FALSE;
  if (n_children > 0)
    {
      shore_ledger_set_invalid (error, _("This category has subcategories, so it cannot become a subcategory itself."));
      return FALSE;
    }

  return TRUE;
}

gboolean
shore_ledger_add_category (ShoreStore     *store,
                           ShoreCategory  *category,
                           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (category != NULL, FALSE);
  g_return_val_if_fail ((guint) category->kind < G_N_ELEMENTS (category_kinds), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_store_begin (store, error))
    return FALSE;

  ok = check_category (store, category, NULL, error);
  if (ok)
    {
      stmt = shore_store_prepare (store,
                                  "INSERT INTO categories (name, kind, icon, parent_id, archived, sort)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5,"
                                  " (SELECT ifnull (max (sort), 0) + 1 FROM categories WHERE kind = ?2))",
                                  error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      g_autofree char *name = g_strstrip (g_strdup (category->name));

      shore_ledger_bind_text (stmt, 1, name);
      sqlite3_bind_text (stmt, 2, category_kinds[category->kind], -1, SQLITE_STATIC);
      if (category->icon != NULL && category->icon[0] != '\0')
        shore_ledger_bind_text (stmt, 3, category->icon);
      shore_ledger_bind_id_or_null (stmt, 4, category->parent_id);
      sqlite3_bind_int (stmt, 5, category->archived ? 1 : 0);
      ok = shore_store_step_done (store, stmt, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!shore_ledger_finish_write (store, ok, error))
    return FALSE;

  category->id = sqlite3_last_insert_rowid (shore_store_get_db (store));
  if (category->icon == NULL)
    category->icon = g_strdup (shore_ledger_default_category_icon (category->kind));
  return TRUE;
}

gboolean
shore_ledger_update_category (ShoreStore           *store,
                              const ShoreCategory  *category,
                              GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ShoreCategory) old = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  gint64 in_use = 0;
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (category != NULL, FALSE);
  g_return_val_if_fail ((guint) category->kind < G_N_ELEMENTS (category_kinds), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_store_begin (store, error))
    return FALSE;

  old = shore_ledger_find_category (store, category->id, &local_error);
  ok = old != NULL;
  if (!ok)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        shore_ledger_set_no_category_error (error);
    }

  ok = ok && check_category (store, category, old, error);
  if (ok && old->kind != category->kind)
    {
      ok = shore_ledger_query_int64 (store,
                                     "SELECT EXISTS (SELECT 1 FROM transactions WHERE category_id = ?1)"
                                     " OR EXISTS (SELECT 1 FROM recurring WHERE category_id = ?1)"
                                     " OR EXISTS (SELECT 1 FROM categories WHERE parent_id = ?1)"
                                     " OR ?1 IN (SELECT id FROM categories WHERE builtin_key IS NOT NULL)",
                                     category->id, &in_use, error);
      if (ok && in_use)
        {
          shore_ledger_set_invalid (error, _("This category is in use, so it cannot change between spending, income and transfers."));
          ok = FALSE;
        }
    }
  if (ok)
    {
      name = g_strstrip (g_strdup (name_to_store (category, old)));
      stmt = shore_store_prepare (store,
                                  "UPDATE categories SET name = ?2, kind = ?3, icon = ?4, parent_id = ?5,"
                                  " archived = ?6 WHERE id = ?1",
                                  error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, category->id);
      shore_ledger_bind_text (stmt, 2, name);
      sqlite3_bind_text (stmt, 3, category_kinds[category->kind], -1, SQLITE_STATIC);
      if (category->icon != NULL && category->icon[0] != '\0')
        shore_ledger_bind_text (stmt, 4, category->icon);
      shore_ledger_bind_id_or_null (stmt, 5, category->parent_id);
      sqlite3_bind_int (stmt, 6, category->archived ? 1 : 0);
      ok = shore_store_step_done (store, stmt, error);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  return shore_ledger_finish_write (store, ok, error);
}

static gboolean
set_category_archived (ShoreStore  *store,
                       gint64       category_id,
                       gboolean     archived,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = shore_store_prepare (store, "UPDATE categories SET archived = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, category_id);
  sqlite3_bind_int (stmt, 2, archived ? 1 : 0);
  if (!shore_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (shore_store_get_db (store)) == 0)
    {
      shore_ledger_set_no_category_error (error);
      return FALSE;
    }

  return TRUE;
}

gboolean
shore_ledger_archive_category (ShoreStore  *store,
                               gint64       category_id,
                               GError     **error)
{
  return set_category_archived (store, category_id, TRUE, error);
}

gboolean
shore_ledger_unarchive_category (ShoreStore  *store,
                                 gint64       category_id,
                                 GError     **error)
{
  return set_category_archived (store, category_id, FALSE, error);
}
