/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shore-import.h"
#include "shore-store.h"

G_BEGIN_DECLS

/* The budget tracker's ledger: accounts, categories, transactions,
 * transfers, monthly budgets, recurring items, the month's summary, report
 * queries, bill import and CSV export. A domain file of the store: it speaks
 * SQL through shore-store-private.h, every multi-row write is one
 * transaction, and it hands out plain structs and GListModels.
 *
 * Money is signed gint64 fen in transactions: income > 0, spending < 0.
 * Neutral moves (transfers, WeChat "/", Alipay 不计收支) carry a category of
 * kind NEUTRAL and count as neither income nor spending.
 */

/* ---- Accounts ---------------------------------------------------------- */

typedef enum {
  SHORE_ACCOUNT_CASH,
  SHORE_ACCOUNT_BANK,
  SHORE_ACCOUNT_WECHAT,
  SHORE_ACCOUNT_ALIPAY,
  SHORE_ACCOUNT_CREDIT_CARD,
  SHORE_ACCOUNT_OTHER,
} ShoreAccountKind;

typedef struct
{
  gint64           id;
  char            *name;
  ShoreAccountKind kind;
  gint64           opening_balance;  /* fen */
  gint64           balance;          /* opening + all its transactions (filled by list) */
  gboolean         archived;
} ShoreAccount;

void         shore_account_free            (ShoreAccount *account);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoreAccount, shore_account_free)

const char  *shore_account_kind_to_string  (ShoreAccountKind kind);       /* "cash", "bank", "wechat", … */
gboolean     shore_account_kind_from_string (const char *text, ShoreAccountKind *out);
const char  *shore_account_kind_get_label  (ShoreAccountKind kind);       /* translated: "Cash", "Bank Card", "WeChat Pay"… */
const char  *shore_account_kind_get_icon   (ShoreAccountKind kind);       /* a symbolic icon name */

/* GPtrArray of ShoreAccount*, by sort then name; archived ones only when asked. */
GPtrArray   *shore_ledger_list_accounts    (ShoreStore   *store,
                                            gboolean      include_archived,
                                            GError      **error);
ShoreAccount *shore_ledger_get_account     (ShoreStore   *store,
                                            gint64        account_id,
                                            GError      **error);
/* Name must be non-empty and unique (CONSTRAINT error, translated, otherwise); sets account->id. */
gboolean     shore_ledger_add_account      (ShoreStore   *store,
                                            ShoreAccount *account,
                                            GError      **error);
gboolean     shore_ledger_update_account   (ShoreStore         *store,
                                            const ShoreAccount *account,
                                            GError            **error);
/* An account with transactions is archived, one without is deleted. */
gboolean     shore_ledger_remove_account   (ShoreStore   *store,
                                            gint64        account_id,
                                            GError      **error);
/* The first account of @kind, created with its translated default name when there is none.
 * Returns its id, 0 on error. */
gint64       shore_ledger_ensure_account   (ShoreStore       *store,
                                            ShoreAccountKind  kind,
                                            GError          **error);

/* ---- Categories -------------------------------------------------------- */

typedef enum {
  SHORE_CATEGORY_EXPENSE,
  SHORE_CATEGORY_INCOME,
  SHORE_CATEGORY_NEUTRAL,
} ShoreCategoryKind;

typedef struct
{
  gint64            id;
  char             *name;         /* for display: the translation of a built-in one's name unless renamed */
  ShoreCategoryKind kind;
  char             *icon;         /* a symbolic icon name, never NULL */
  gint64            parent_id;    /* 0: top level */
  char             *builtin_key;  /* "food", "debt", … or NULL */
  gboolean          archived;
} ShoreCategory;

void           shore_category_free         (ShoreCategory *category);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoreCategory, shore_category_free)

/* Built-in categories (schema migration 2 creates them; shown translated):
 * expense: food, groceries, transport, housing, utilities, health, education,
 *   clothing, family, social, entertainment, shopping, debt (repayments), fees, other-expense;
 * income: salary, side-income, gifts, refunds, borrowing, other-income;
 * neutral: transfer. */

/* GPtrArray of ShoreCategory*, by kind, sort, name. kind -1: all kinds. */
GPtrArray     *shore_ledger_list_categories (ShoreStore   *store,
                                             int           kind,
                                             gboolean      include_archived,
                                             GError      **error);
ShoreCategory *shore_ledger_get_category    (ShoreStore   *store,
                                             gint64        category_id,
                                             GError      **error);
/* id of the built-in category with @builtin_key (even if archived); 0 when none. */
gint64         shore_ledger_find_builtin    (ShoreStore   *store,
                                             const char   *builtin_key,
                                             GError      **error);
gboolean       shore_ledger_add_category    (ShoreStore    *store,
                                             ShoreCategory *category,
                                             GError       **error);
/* Rename, icon, parent; the kind of a category in use cannot change. */
gboolean       shore_ledger_update_category (ShoreStore          *store,
                                             const ShoreCategory *category,
                                             GError             **error);
/* Archives (hidden from pickers; its transactions keep it). Undo: shore_ledger_unarchive_category(). */
gboolean       shore_ledger_archive_category   (ShoreStore *store, gint64 category_id, GError **error);
gboolean       shore_ledger_unarchive_category (ShoreStore *store, gint64 category_id, GError **error);

/* ---- Transactions ------------------------------------------------------ */

/* What is written; for add, update and Undo. Strings may be NULL (= ""). */
typedef struct
{
  gint64  id;              /* 0 until stored */
  GDate   date;
  char   *time;            /* "HH:MM[:SS]" or NULL */
  gint64  amount;          /* signed fen, != 0 */
  gint64  account_id;      /* required */
  gint64  category_id;     /* 0: uncategorised */
  char   *payee;
  char   *note;
  gint64  loan_id;         /* 0: none; set: a repayment to (or money from) that loan */
  gint64  transfer_peer_id;/* the other half of a transfer; 0: none */
  gint64  import_id;
  char   *import_source;   /* with import_key: identifies a bill row; both NULL for typed entries */
  char   *import_key;
} ShoreTxnData;

void          shore_txn_data_clear (ShoreTxnData *data);  /* frees strings; for g_array_set_clear_func */

/**
 * ShoreTransaction:
 * One stored transaction, the item of the paged list. Properties for list rows:
 * "payee" (payee, else the category name), "subtitle" (category · account · note),
 * "date-text" (localized, e.g. 2026-11-24), "amount-text" (signed, "+¥8,000.00" / "−¥12.50"),
 * "icon-name" (the category icon), "flow" (int ShoreFlow).
 */
#define SHORE_TYPE_TRANSACTION (shore_transaction_get_type ())
G_DECLARE_FINAL_TYPE (ShoreTransaction, shore_transaction, SHORE, TRANSACTION, GObject)

const ShoreTxnData *shore_transaction_get_data          (ShoreTransaction *self);
const char         *shore_transaction_get_account_name  (ShoreTransaction *self);
const char         *shore_transaction_get_category_name (ShoreTransaction *self); /* "" when uncategorised */
ShoreFlow           shore_transaction_get_flow          (ShoreTransaction *self);

typedef struct
{
  char   *text;          /* matched in payee and note (LIKE, case-insensitive); NULL or "": all */
  gint64  account_id;    /* 0: all */
  gint64  category_id;   /* 0: all; -1: uncategorised */
  GDate   from;          /* invalid: open */
  GDate   to;            /* inclusive; invalid: open */
  int     flow;          /* -1: all; else a ShoreFlow */
} ShoreTxnFilter;

void          shore_txn_filter_init  (ShoreTxnFilter *filter);   /* everything */
void          shore_txn_filter_clear (ShoreTxnFilter *filter);

/**
 * ShoreTransactionList:
 * A GListModel of ShoreTransaction, newest first (date, time, id descending), that reads
 * pages of rows from sqlite on demand and keeps only a few pages in memory: smooth with
 * 100,000 rows. Call shore_transaction_list_reload() after a write; it emits one
 * items-changed for the whole list.
 */
#define SHORE_TYPE_TRANSACTION_LIST (shore_transaction_list_get_type ())
G_DECLARE_FINAL_TYPE (ShoreTransactionList, shore_transaction_list, SHORE, TRANSACTION_LIST, GObject)

ShoreTransactionList *shore_transaction_list_new        (ShoreStore           *store,
                                                         const ShoreTxnFilter *filter);
void                  shore_transaction_list_set_filter (ShoreTransactionList *self,
                                                         const ShoreTxnFilter *filter);
void                  shore_transaction_list_reload     (ShoreTransactionList *self);
/* Sum of the filtered rows (fen), for a footer. */
gint64                shore_transaction_list_get_total  (ShoreTransactionList *self);

gboolean      shore_ledger_has_transactions   (ShoreStore         *store);

/* Validates (date valid, amount != 0, account exists, category kind matches the sign unless
 * neutral) and inserts; sets data->id. */
gboolean      shore_ledger_add_transaction    (ShoreStore         *store,
                                               ShoreTxnData       *data,
                                               GError            **error);
gboolean      shore_ledger_update_transaction (ShoreStore         *store,
                                               const ShoreTxnData *data,
                                               GError            **error);
gboolean      shore_ledger_get_transaction    (ShoreStore         *store,
                                               gint64              id,
                                               ShoreTxnData       *out,
                                               GError            **error);
/* Deletes the rows (and the other half of any transfer) in one transaction; hands back what
 * was deleted (GArray of ShoreTxnData with clear func) for Undo. */
gboolean      shore_ledger_delete_transactions (ShoreStore   *store,
                                                const gint64 *ids,
                                                guint         n_ids,
                                                GArray      **out_deleted,
                                                GError      **error);
/* Re-inserts deleted rows with their ids (transfer peers relinked). */
gboolean      shore_ledger_restore_transactions (ShoreStore  *store,
                                                 GArray      *deleted,
                                                 GError     **error);
/* Two linked rows: −amount from @from_account, +amount to @to_account, category "transfer". */
gboolean      shore_ledger_add_transfer       (ShoreStore   *store,
                                               const GDate  *date,
                                               gint64        amount,
                                               gint64        from_account_id,
                                               gint64        to_account_id,
                                               const char   *note,
                                               gint64       *out_from_id,
                                               gint64       *out_to_id,
                                               GError      **error);

/* ---- Budgets ----------------------------------------------------------- */

typedef struct
{
  gint64  category_id;   /* 0: the overall monthly budget */
  char   *name;          /* category name (translated built-in) */
  char   *icon;
  gint64  amount;        /* the budget for the month, fen; 0 when none is set */
  gint64  spent;         /* spending in that category (and its subcategories) that month, fen >= 0 */
  gboolean every_month;  /* the amount is the standing budget, not one set for this month */
} ShoreBudgetLine;

void          shore_budget_line_clear (ShoreBudgetLine *line);

/* Budgets for @year-@month: the overall line first (category_id 0, when set), then each
 * expense category with a budget or with spending, by spending descending. GArray of
 * ShoreBudgetLine (clear func set). */
GArray       *shore_ledger_budget_lines  (ShoreStore  *store,
                                          int          year,
                                          int          month,
                                          GError     **error);
/* month 0: the standing budget for every month; else only for @year-@month. amount 0 removes. */
gboolean      shore_ledger_set_budget    (ShoreStore  *store,
                                          gint64       category_id,
                                          int          year,
                                          int          month,
                                          gint64       amount,
                                          GError     **error);

/* ---- Recurring items and what is coming ------------------------------- */

typedef enum {
  SHORE_RECURRING_INCOME,
  SHORE_RECURRING_EXPENSE,
  SHORE_RECURRING_REPAYMENT,   /* linked to a loan */
} ShoreRecurringKind;

typedef struct
{
  gint64             id;
  ShoreRecurringKind kind;
  gint64             amount;        /* fen > 0 */
  gint64             account_id;
  gint64             category_id;   /* 0: none */
  gint64             loan_id;       /* REPAYMENT only */
  char              *payee;
  char              *note;
  int                day_of_month;  /* 1…31, clamped to the month's end */
  GDate              start_date;
  GDate              end_date;      /* invalid: open */
  GDate              last_posted;   /* invalid: never */
} ShoreRecurring;

void          shore_recurring_clear       (ShoreRecurring *item);
GArray       *shore_ledger_list_recurring (ShoreStore *store, GError **error);   /* of ShoreRecurring */
gboolean      shore_ledger_add_recurring  (ShoreStore *store, ShoreRecurring *item, GError **error);
gboolean      shore_ledger_update_recurring (ShoreStore *store, const ShoreRecurring *item, GError **error);
gboolean      shore_ledger_delete_recurring (ShoreStore *store, gint64 id, GError **error);

/* One expected entry: from a recurring item or from a loan's schedule (an unpaid
 * installment of a loan in the register; its amount is what is still due). */
typedef struct
{
  GDate   date;
  gint64  amount;          /* signed fen as it would be recorded */
  char   *payee;           /* the recurring payee or the loan's lender */
  gint64  recurring_id;    /* 0 when from a loan */
  gint64  loan_id;         /* 0 when not a repayment */
  int     period;          /* the installment, 1-based; 0 when not from a loan */
  gint64  account_id;      /* the recurring item's account; 0 for loans */
  gint64  category_id;
  gboolean overdue;        /* the date is before @today and it is not recorded */
} ShoreUpcoming;

void          shore_upcoming_clear        (ShoreUpcoming *item);
/* Entries due from the earliest unrecorded one up to @today + @days, date order: recurring
 * items not yet posted and the unpaid installments of every loan not paid off. */
GArray       *shore_ledger_upcoming       (ShoreStore  *store,
                                           const GDate *today,
                                           int          days,
                                           GError     **error);
/* Records an expected entry as a transaction on @account_id (for a recurring item, 0 uses
 * its own account) and marks it posted; for a loan installment also records the loan
 * payment (shore_debts_add_payment) — in one transaction. Sets *out_id. */
gboolean      shore_ledger_record_upcoming (ShoreStore          *store,
                                            const ShoreUpcoming *item,
                                            gint64               account_id,
                                            gint64              *out_id,
                                            GError             **error);

/* ---- The month and reports -------------------------------------------- */

typedef struct
{
  int     year, month;
  gint64  income;           /* income that month, fen >= 0 */
  gint64  spending;         /* spending that is not a debt repayment, fen >= 0 */
  gint64  debt_paid;        /* repayments that month: category "debt" or linked to a loan, fen >= 0 */
  gint64  budget_total;     /* the overall budget, else the sum of category budgets; 0: none */
  gint64  budget_left;      /* budget_total − spending (may be < 0) */
  gint64  expected_income;  /* recurring income still to come this month (after @today) */
  gint64  debt_due;         /* loan installments due this month (from the schedules), unpaid */
  /* What can go to debt each month: income (or, if larger, income received plus
   * expected_income) minus, for each expense category, the larger of what was spent and
   * what is budgeted — debt repayments not counted. May be negative. */
  gint64  surplus_for_debt;
} ShoreMonthSummary;

gboolean      shore_ledger_month_summary  (ShoreStore        *store,
                                           const GDate       *today,
                                           ShoreMonthSummary *out,
                                           GError           **error);

typedef struct
{
  gint64  category_id;    /* 0: uncategorised */
  char   *name;
  char   *icon;
  gint64  amount;         /* fen >= 0 */
} ShoreCategoryTotal;

void          shore_category_total_clear      (ShoreCategoryTotal *total);
/* Spending (expense kind, debt included) in [from, to] by top-level category, largest first. */
GArray       *shore_ledger_spending_by_category (ShoreStore  *store,
                                                 const GDate *from,
                                                 const GDate *to,
                                                 GError     **error);

typedef struct
{
  int     year, month;
  gint64  income;
  gint64  spending;       /* not counting debt repayments */
  gint64  debt_paid;
} ShoreMonthTotal;

/* @n_months months ending with @last_year-@last_month, oldest first; months without
 * entries are zero. GArray of ShoreMonthTotal. */
GArray       *shore_ledger_monthly_trend   (ShoreStore  *store,
                                            int          last_year,
                                            int          last_month,
                                            guint        n_months,
                                            GError     **error);

/* ---- Import and export ------------------------------------------------- */

typedef enum {
  SHORE_IMPORT_ROW_NEW,
  SHORE_IMPORT_ROW_DUPLICATE,   /* already in the ledger (order number, else date + amount + payee) or earlier in this file */
} ShoreImportRowStatus;

/* What shore_ledger_import() will do (did) with each row; GArray parallel to result->rows. */
typedef struct
{
  ShoreImportRowStatus status;
  gint64               category_id;  /* guessed: the category last used for the payee, else by keywords, else 0 */
  gint64               loan_id;      /* a repayment matched to a loan in the register; 0: none */
} ShoreImportPlan;

typedef struct
{
  ShoreImportKind kind;
  guint   transactions;    /* rows written (dry run: would be written) */
  guint   income_count, expense_count, neutral_count;
  gint64  income;          /* totals of the new rows, fen >= 0 */
  gint64  expense;
  gint64  neutral;
  guint   skipped;         /* from the parser: closed, refunded, failed */
  guint   duplicates;
  guint   linked_loans;    /* rows linked to a loan */
  gint64  import_id;       /* 0 on a dry run */
  gint64  account_id;      /* the account the rows went to */
} ShoreImportSummary;

/* Writes the parsed rows into @account_id (0: the account for the bill's kind, created if
 * needed: WeChat → a WeChat account, Alipay → an Alipay one; CSV rows with an account name
 * go to that account, created if needed, else cash). One transaction: all rows or none.
 * @dry_run plans without writing. @out_plan (optional) receives a GArray of ShoreImportPlan.
 * Cancelling rolls back. */
gboolean      shore_ledger_import       (ShoreStore               *store,
                                         const ShoreImportResult  *result,
                                         gint64                    account_id,
                                         const char               *file_name,
                                         gboolean                  dry_run,
                                         ShoreImportProgress       progress,
                                         gpointer                  progress_data,
                                         GCancellable             *cancellable,
                                         ShoreImportSummary       *out_summary,
                                         GArray                  **out_plan,
                                         GError                  **error);
/* Deletes the transactions of an import (Undo of a whole import). */
gboolean      shore_ledger_undo_import  (ShoreStore  *store,
                                         gint64       import_id,
                                         GError     **error);

/* Writes the filtered transactions (NULL: all), oldest first, as CSV: UTF-8 with a BOM,
 * CRLF, header Date,Time,Amount,Account,Category,Payee,Note,Order number in the current
 * UI language; amounts plain signed decimals ("-12.50"); a cell beginning with = + - @
 * (other than an amount) gets a leading ' so spreadsheets do not run it. Reading the file
 * back with the generic CSV importer gives the same transactions. */
gboolean      shore_ledger_export_csv   (ShoreStore           *store,
                                         const ShoreTxnFilter *filter,
                                         GOutputStream        *out,
                                         guint                *out_count,
                                         GCancellable         *cancellable,
                                         GError              **error);

G_END_DECLS
