/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Shared by the ledger's files (shore-ledger.c, shore-ledger-budget.c,
 * shore-ledger-import.c, shore-ledger-recurring.c,
 * shore-ledger-transactions.c), and read by the tests: the SQL-side helpers
 * of the ledger. Not for the UI.
 */

#pragma once

#include "shore-ledger.h"
#include "shore-store-private.h"

G_BEGIN_DECLS

/* A built-in category as migration 2 creates it; name is the English msgid. */
typedef struct
{
  const char        *key;
  const char        *name;
  ShoreCategoryKind  kind;
  const char        *icon;
} ShoreLedgerBuiltin;

const ShoreLedgerBuiltin *shore_ledger_get_builtins (guint *n_builtins);

/* The name to show: the translation of a built-in's English name while it
 * is unchanged, else @name as stored. */
const char  *shore_ledger_category_display_name (const char *builtin_key,
                                                 const char *name);
const char  *shore_category_kind_to_string      (ShoreCategoryKind kind);
gboolean     shore_category_kind_from_string    (const char        *text,
                                                 ShoreCategoryKind *out);
/* The icon of a category row: its own, else the one for its kind. */
const char  *shore_ledger_default_category_icon (int kind);   /* -1: uncategorised */

/* The columns of a transaction as shore_ledger_read_txn() reads them, from
 * a `transactions t`. */
#define SHORE_LEDGER_TXN_COLUMNS \
  "t.id, t.date, t.time, t.amount, t.account_id, ifnull(t.category_id, 0), t.payee, t.note," \
  " ifnull(t.loan_id, 0), ifnull(t.transfer_peer_id, 0), ifnull(t.import_id, 0)," \
  " t.import_source, t.import_key"
#define SHORE_LEDGER_N_TXN_COLUMNS 13

/* FALSE when the row holds something unreadable (a damaged database). */
gboolean     shore_ledger_read_txn   (sqlite3_stmt *stmt,
                                      int           first_column,
                                      ShoreTxnData *out);
void         shore_ledger_bind_date  (sqlite3_stmt *stmt,
                                      int           index,
                                      const GDate  *date);
gboolean     shore_ledger_read_date  (const char   *text,
                                      GDate        *out);

/* " WHERE …" over `transactions t LEFT JOIN categories c ON c.id = t.category_id`
 * (or "" for everything), with named parameters bound by
 * shore_ledger_bind_filter(). */
void         shore_ledger_append_filter (GString              *sql,
                                         const ShoreTxnFilter *filter);
void         shore_ledger_bind_filter   (sqlite3_stmt         *stmt,
                                         const ShoreTxnFilter *filter);

/* The first account of @kind (or the account named @name when not NULL),
 * created when missing; the caller holds a transaction. 0 with @error set
 * on failure. With @create FALSE, 0 and no error when there is none. */
gint64       shore_ledger_lookup_account (ShoreStore       *store,
                                          ShoreAccountKind  kind,
                                          const char       *name,
                                          gboolean          create,
                                          GError          **error);

/* Inserts @data as it is (no validation; @data->id 0: a new id), setting
 * data->id. @stmt_cache, when not NULL, keeps the prepared statement for
 * the next call (free it with sqlite3_finalize). */
gboolean     shore_ledger_insert_txn (ShoreStore    *store,
                                      ShoreTxnData  *data,
                                      sqlite3_stmt **stmt_cache,
                                      GError       **error);

/* Small helpers, defined in shore-ledger.c */

/* Never NULL: "" for a NULL column. */
const char  *shore_ledger_column_text         (sqlite3_stmt *stmt,
                                               int           column);
const char  *shore_ledger_column_text_or_null (sqlite3_stmt *stmt,
                                               int           column);
/* NULL binds "". */
void         shore_ledger_bind_text           (sqlite3_stmt *stmt,
                                               int           index,
                                               const char   *text);
/* An id of 0 or less binds NULL. */
void         shore_ledger_bind_id_or_null     (sqlite3_stmt *stmt,
                                               int           index,
                                               gint64        id);
/* G_IO_ERROR_INVALID_ARGUMENT with @message, already translated. */
void         shore_ledger_set_invalid         (GError      **error,
                                               const char   *message);
void         shore_ledger_set_damaged         (GError      **error);
/* Commits when @ok, else (or when the commit fails) rolls back. */
gboolean     shore_ledger_finish_write        (ShoreStore   *store,
                                               gboolean      ok,
                                               GError      **error);
/* Runs a statement with one int64 parameter that returns one integer. */
gboolean     shore_ledger_query_int64         (ShoreStore   *store,
                                               const char   *sql,
                                               gint64        param,
                                               gint64       *out,
                                               GError      **error);

void           shore_ledger_set_no_category_error (GError     **error);
/* NULL and no error when there is none */
ShoreCategory *shore_ledger_find_category         (ShoreStore  *store,
                                                   gint64       category_id,
                                                   GError     **error);

/* A neutral row (a transfer), over `transactions t LEFT JOIN categories c`. */
#define SHORE_LEDGER_IS_NEUTRAL "(c.kind IS 'neutral')"

/* Checks a row before it is written; the caller holds a transaction.
 * In shore-ledger-transactions.c. */
gboolean     shore_ledger_check_txn           (ShoreStore          *store,
                                               const ShoreTxnData  *data,
                                               GError             **error);

/* In shore-ledger-recurring.c: the recurring items (@only_id 0: all of
 * them), an array of ShoreRecurring; and the due dates of @item not yet
 * posted, up to @until, oldest first, appended to @out_dates (of GDate). */
GArray      *shore_ledger_read_recurring      (ShoreStore           *store,
                                               gint64                only_id,
                                               GError              **error);
void         shore_ledger_recurring_due_dates (const ShoreRecurring *item,
                                               const GDate          *today,
                                               const GDate          *until,
                                               GArray               *out_dates);

G_END_DECLS
