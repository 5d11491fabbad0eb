/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Writes a training scenario into a store (shore_training_load() holds the
 * transaction). The domain APIs (debts, ledger, evidence store) each open
 * their own transaction and store transactions do not nest, so this is one
 * of the store's domain files: it writes the rows itself through
 * shore-store-private.h, after the same checks those APIs make
 * (shore_loan_validate, shore_ledger_check_txn, shore_contact_validate).
 */

#define G_LOG_DOMAIN "shore-training"

#include "config.h"

#include <gio/gio.h>
#include "shore-intl.h"

#include "shore-ledger-private.h"
#include "shore-schedule.h"
#include "shore-training-private.h"

/* Entries of the budget cover this many months up to the load day. */
#define LEDGER_MONTHS 3
/* The borrowers live in mainland China: contacts are recorded in UTC+8. */
#define CONTACT_UTC_OFFSET (8 * 3600)

typedef struct
{
  const ShoreTrainingCase *scenario;
  ShoreStore              *store;
  GDate                    today;
  GDate                    window_start;   /* entries fall after this day, up to today */
  gint64                  *account_ids;    /* parallel to scenario->accounts */
  gint64                  *loan_ids;       /* parallel to scenario->loans */
  gint64                   debt_category;
} Loader;

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->account_ids, g_free);
  g_clear_pointer (&loader->loan_ids, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

static gboolean
invalid (GError     **error,
         const char  *scenario,
         const char  *what)
{
  g_set_error (error, SHORE_TRAINING_ERROR, SHORE_TRAINING_ERROR_INVALID,
               /* Translators: %s is a technical detail, in English */
               _("The training cases cannot be read (%s)."), what);
  g_prefix_error (error, "%s: ", scenario);
  return FALSE;
}

static gint64
id_for_key (GPtrArray    *list,
            gsize         key_offset,
            const gint64 *ids,
            const char   *key)
{
  for (guint i = 0; key != NULL && i < list->len; i++)
    if (g_strcmp0 (G_STRUCT_MEMBER (char *, list->pdata[i], key_offset), key) == 0)
      return ids[i];
  return 0;
}

static gint64
account_id (Loader     *loader,
            const char *key)
{
  return id_for_key (loader->scenario->accounts, G_STRUCT_OFFSET (ShoreTrainingAccount, key), loader->account_ids, key);
}

static gboolean
in_window (Loader      *loader,
           const GDate *date)
{
  return g_date_compare (date, &loader->window_start) > 0 && g_date_compare (date, &loader->today) <= 0;
}

static gboolean
check_empty (ShoreStore  *store,
             GError     **error)
{
  gint64 used = 0;

  if (!shore_ledger_query_int64 (store,
                                 "SELECT EXISTS (SELECT 1 FROM loans) OR EXISTS (SELECT 1 FROM transactions)",
                                 0, &used, error))
    return FALSE;
  if (used)
    {
      g_set_error_literal (error, SHORE_TRAINING_ERROR, SHORE_TRAINING_ERROR_NOT_EMPTY,
                           _("This profile already holds loans or transactions. Load a training case "
                             "into a new, empty profile."));
      return FALSE;
    }
  return TRUE;
}

/* An account of the same name (a fresh profile may have one) is reused. */
static gboolean
write_accounts (Loader  *loader,
                GError **error)
{
  GPtrArray *accounts = loader->scenario->accounts;

  loader->account_ids = g_new0 (gint64, MAX (accounts->len, 1));
  for (guint i = 0; i < accounts->len; i++)
    {
      const ShoreTrainingAccount *account = accounts->pdata[i];
      g_autofree char *name = shore_training_translate (account->name);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      gboolean has_row = FALSE;

      stmt = shore_store_prepare (loader->store, "SELECT id FROM accounts WHERE name = ?1", error);
      if (stmt == NULL)
        return FALSE;
      shore_ledger_bind_text (stmt, 1, name);
      if (!shore_store_step (loader->store, stmt, &has_row, error))
        return FALSE;
      if (has_row)
        {
          loader->account_ids[i] = sqlite3_column_int64 (stmt, 0);
          continue;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);

      stmt = shore_store_prepare (loader->store,
                                  "INSERT INTO accounts (name, kind, opening_balance, sort) VALUES"
                                  " (?1, ?2, ?3, (SELECT ifnull (max (sort), 0) + 1 FROM accounts))",
                                  error);
      if (stmt == NULL)
        return FALSE;
      shore_ledger_bind_text (stmt, 1, name);
      sqlite3_bind_text (stmt, 2, shore_account_kind_to_string (account->kind), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, account->opening);
      if (!shore_store_step_done (loader->store, stmt, error))
        return FALSE;
      loader->account_ids[i] = sqlite3_last_insert_rowid (shore_store_get_db (loader->store));
    }
  return TRUE;
}

/* Validates and inserts one entry of the budget tracker; sets *out_id. */
static gboolean
write_txn (Loader       *loader,
           ShoreTxnData *data,
           GError      **error)
{
  return shore_ledger_check_txn (loader->store, data, error)
      && shore_ledger_insert_txn (loader->store, data, NULL, error);
}

/* Places the loan so that installment paid + 1 falls due exactly @due
 * days from the load day; sets its start date and the installments paid. */
static gboolean
anchor_loan (const ShoreTrainingLoan *loan,
             const GDate             *today,
             ShoreLoan               *terms,
             int                     *out_paid)
{
  GDate target = *today;

  if (loan->due < 0)
    g_date_subtract_days (&target, (guint) -loan->due);
  else
    g_date_add_days (&target, (guint) loan->due);

  for (int period = loan->paid + 1; period <= terms->term_months; period++)
    {
      GDate start = target, due;

      g_date_subtract_months (&start, (guint) period);
      shore_schedule_due_date (&start, period, &due);
      if (g_date_compare (&due, &target) == 0 && g_date_compare (&start, today) <= 0)
        {
          terms->start_date = start;
          *out_paid = period - 1;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
insert_loan (Loader          *loader,
             const ShoreLoan *terms,
             gint64          *out_id,
             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shore_store_prepare (loader->store,
                              "INSERT INTO loans (lender, lender_type, principal, rate, monthly_fee_rate,"
                              " upfront_fee, term_months, method, start_date, penalty_markup_bp, grace_days,"
                              " compound, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                              error);
  if (stmt == NULL)
    return FALSE;
  shore_ledger_bind_text (stmt, 1, terms->lender);
  sqlite3_bind_text (stmt, 2, shore_lender_type_to_string (terms->lender_type), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, terms->principal);
  sqlite3_bind_text (stmt, 4, shore_rate_to_string (&terms->rate), -1, g_free);
  if (terms->has_monthly_fee_rate)
    sqlite3_bind_text (stmt, 5, shore_rate_to_string (&terms->monthly_fee_rate), -1, g_free);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_int64 (stmt, 6, terms->upfront_fee);
  sqlite3_bind_int (stmt, 7, terms->term_months);
  sqlite3_bind_text (stmt, 8, shore_method_to_string (terms->method), -1, SQLITE_STATIC);
  shore_ledger_bind_date (stmt, 9, &terms->start_date);
  sqlite3_bind_int (stmt, 10, terms->penalty_markup_bp);
  sqlite3_bind_int (stmt, 11, terms->grace_days);
  sqlite3_bind_int (stmt, 12, terms->compound ? 1 : 0);
  shore_ledger_bind_text (stmt, 13, terms->note);
  if (!shore_store_step_done (loader->store, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (shore_store_get_db (loader->store));
  return TRUE;
}

/* A payment on its due date; within the budget's months also the matching
 * debt repayment of the budget tracker, linked to it. */
static gboolean
write_payment (Loader                   *loader,
               const ShoreTrainingLoan  *loan,
               const ShoreLoan          *terms,
               gint64                    loan_id,
               const ShoreInstallment   *installment,
               GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ShoreTxnData txn = { 0 };

  if (in_window (loader, &installment->due_date))
    {
      txn.date = installment->due_date;
      txn.amount = -installment->payment;
      txn.account_id = account_id (loader, loan->account);
      txn.category_id = loader->debt_category;
      txn.payee = terms->lender;
      txn.loan_id = loan_id;
      if (!write_txn (loader, &txn, error))
        return FALSE;
    }

  stmt = shore_store_prepare (loader->store,
                              "INSERT INTO payments (loan_id, date, amount, transaction_id) VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, loan_id);
  shore_ledger_bind_date (stmt, 2, &installment->due_date);
  sqlite3_bind_int64 (stmt, 3, installment->payment);
  shore_ledger_bind_id_or_null (stmt, 4, txn.id);
  return shore_store_step_done (loader->store, stmt, error);
}

static gboolean
write_loans (Loader  *loader,
             GError **error)
{
  GPtrArray *loans = loader->scenario->loans;

  loader->loan_ids = g_new0 (gint64, MAX (loans->len, 1));
  for (guint i = 0; i < loans->len; i++)
    {
      const ShoreTrainingLoan *loan = loans->pdata[i];
      g_autoptr(ShoreLoan) terms = shore_loan_copy (loan->loan);
      g_autoptr(ShoreSchedule) schedule = NULL;
      int paid = 0;

      g_free (terms->lender);
      terms->lender = shore_training_translate (loan->loan->lender);
      g_free (terms->note);
      terms->note = shore_training_translate (loan->loan->note);
      if (!anchor_loan (loan, &loader->today, terms, &paid))
        return invalid (error, loader->scenario->name, "a loan cannot fall due on its day");
      if (!shore_loan_validate (terms, error)
          || !insert_loan (loader, terms, &loader->loan_ids[i], error))
        return FALSE;

      schedule = shore_schedule_compute (terms, error);
      if (schedule == NULL)
        return FALSE;
      for (int k = 0; k < paid; k++)
        if (!write_payment (loader, loan, terms, loader->loan_ids[i],
                            &g_array_index (schedule->installments, ShoreInstallment, k), error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
write_recurring (Loader                    *loader,
                 const ShoreTrainingEntry  *entry,
                 ShoreTxnData              *first,
                 const GDate               *last,
                 GError                   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shore_store_prepare (loader->store,
                              "INSERT INTO recurring (kind, amount, account_id, category_id, payee, note,"
                              " day_of_month, start_date, last_posted) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entry->amount > 0 ? "income" : "expense", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, ABS (entry->amount));
  sqlite3_bind_int64 (stmt, 3, first->account_id);
  shore_ledger_bind_id_or_null (stmt, 4, first->category_id);
  shore_ledger_bind_text (stmt, 5, first->payee);
  shore_ledger_bind_text (stmt, 6, first->note);
  sqlite3_bind_int (stmt, 7, g_array_index (entry->days, int, 0));
  shore_ledger_bind_date (stmt, 8, &first->date);
  shore_ledger_bind_date (stmt, 9, last);
  return shore_store_step_done (loader->store, stmt, error);
}

/* The dates of a <monthly> entry in the budget's months, oldest first. */
static GArray *
monthly_dates (Loader                   *loader,
               const ShoreTrainingEntry *entry)
{
  GArray *dates = g_array_new (FALSE, TRUE, sizeof (GDate));

  for (int back = LEDGER_MONTHS; back >= 0; back--)
    {
      GDate month = loader->today;

      g_date_set_day (&month, 1);
      g_date_subtract_months (&month, (guint) back);
      for (guint d = 0; d < entry->days->len; d++)
        {
          GDateMonth m = g_date_get_month (&month);
          GDateYear y = g_date_get_year (&month);
          int day = MIN (g_array_index (entry->days, int, d), (int) g_date_get_days_in_month (m, y));
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, (GDateDay) day, m, y);
          if (in_window (loader, &date))
            g_array_append_val (dates, date);
        }
    }
  return dates;
}

static gint64
builtin_category (Loader      *loader,
                  const char  *key,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 id = shore_ledger_find_builtin (loader->store, key, &local_error);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (id == 0)
    invalid (error, loader->scenario->name, "a category is not a built-in one");
  return id;
}

static gboolean
write_entries (Loader  *loader,
               GError **error)
{
  GPtrArray *entries = loader->scenario->entries;

  for (guint i = 0; i < entries->len; i++)
    {
      const ShoreTrainingEntry *entry = entries->pdata[i];
      g_autofree char *payee = shore_training_translate (entry->payee);
      g_autofree char *note = shore_training_translate (entry->note);
      g_autoptr(GArray) dates = NULL;
      ShoreTxnData txn = { 0 };

      txn.amount = entry->amount;
      txn.account_id = account_id (loader, entry->account);
      txn.payee = payee;
      txn.note = note;
      txn.category_id = builtin_category (loader, entry->category, error);
      if (txn.category_id == 0)
        return FALSE;

      if (entry->days != NULL)
        dates = monthly_dates (loader, entry);
      else
        {
          dates = g_array_new (FALSE, TRUE, sizeof (GDate));
          g_array_set_size (dates, 1);
          g_date_clear (&g_array_index (dates, GDate, 0), 1);
          g_date_set_julian (&g_array_index (dates, GDate, 0),
                             g_date_get_julian (&loader->today) - (guint32) -entry->offset);
        }

      for (guint k = 0; k < dates->len; k++)
        {
          txn.id = 0;
          txn.date = g_array_index (dates, GDate, k);
          if (!write_txn (loader, &txn, error))
            return FALSE;
        }

      if (entry->recurring && dates->len > 0)
        {
          txn.date = g_array_index (dates, GDate, 0);
          if (!write_recurring (loader, entry, &txn, &g_array_index (dates, GDate, dates->len - 1), error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
is_expense_builtin (const char *key)
{
  guint n = 0;
  const ShoreLedgerBuiltin *builtins = shore_ledger_get_builtins (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (builtins[i].key, key))
      return builtins[i].kind == SHORE_CATEGORY_EXPENSE;
  return FALSE;
}

/* Standing budgets (every month), replacing any already set. */
static gboolean
write_budgets (Loader  *loader,
               GError **error)
{
  GPtrArray *budgets = loader->scenario->budgets;

  for (guint i = 0; i < budgets->len; i++)
    {
      const ShoreTrainingBudget *budget = budgets->pdata[i];
      g_autoptr(sqlite3_stmt) stmt = NULL;
      gint64 category;

      if (!is_expense_builtin (budget->category))
        return invalid (error, loader->scenario->name, "a budget is not for a spending category");
      category = builtin_category (loader, budget->category, error);
      if (category == 0)
        return FALSE;

      stmt = shore_store_prepare (loader->store,
                                  "DELETE FROM budgets WHERE category_id IS ?1 AND month IS NULL", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, category);
      if (!shore_store_step_done (loader->store, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, sqlite3_finalize);

      stmt = shore_store_prepare (loader->store,
                                  "INSERT INTO budgets (category_id, month, amount) VALUES (?1, NULL, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, category);
      sqlite3_bind_int64 (stmt, 2, budget->amount);
      if (!shore_store_step_done (loader->store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static ShoreContact *
make_contact (Loader                     *loader,
              const ShoreTrainingContact *contact,
              GTimeZone                  *zone)
{
  ShoreContact *out = shore_contact_new ();
  GDate day = loader->today;

  g_date_subtract_days (&day, (guint) -contact->offset);
  out->occurred_at = g_date_time_new (zone, g_date_get_year (&day), g_date_get_month (&day),
                                      g_date_get_day (&day), contact->hour, contact->minute, 0);
  out->channel = contact->channel;
  out->connected = contact->connected;
  out->duration_seconds = contact->duration;
  out->amount_demanded = contact->demanded;
  out->loan_id = id_for_key (loader->scenario->loans, G_STRUCT_OFFSET (ShoreTrainingLoan, key), loader->loan_ids,
                             contact->loan);
  g_free (out->organization);
  out->organization = shore_training_translate (contact->organization);
  g_free (out->person);
  out->person = shore_training_translate (contact->person);
  g_free (out->phone);
  out->phone = g_strdup (contact->phone);
  g_free (out->summary);
  out->summary = shore_training_translate (contact->said);
  if (contact->third_parties != NULL)
    {
      g_free (out->third_parties);
      out->third_parties = shore_training_translate (contact->third_parties);
    }
  return out;
}

static gboolean
write_contacts (Loader  *loader,
                GError **error)
{
  GPtrArray *contacts = loader->scenario->contacts;
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (CONTACT_UTC_OFFSET);

  for (guint i = 0; i < contacts->len; i++)
    {
      g_autoptr(ShoreContact) contact = make_contact (loader, contacts->pdata[i], zone);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *when = NULL;

      if (!shore_contact_validate (contact, error))
        return FALSE;
      stmt = shore_store_prepare (loader->store,
                                  "INSERT INTO contacts (occurred_at, channel, loan_id, organization, person,"
                                  " phone, duration_seconds, connected, summary, third_parties, amount_demanded)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      when = g_date_time_format (contact->occurred_at, "%Y-%m-%dT%H:%M:%S%:z");
      sqlite3_bind_text (stmt, 1, when, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, shore_contact_channel_to_string (contact->channel), -1, SQLITE_STATIC);
      shore_ledger_bind_id_or_null (stmt, 3, contact->loan_id);
      shore_ledger_bind_text (stmt, 4, contact->organization);
      shore_ledger_bind_text (stmt, 5, contact->person);
      shore_ledger_bind_text (stmt, 6, contact->phone);
      if (contact->duration_seconds >= 0)
        sqlite3_bind_int (stmt, 7, contact->duration_seconds);
      else
        sqlite3_bind_null (stmt, 7);
      sqlite3_bind_int (stmt, 8, contact->connected ? 1 : 0);
      shore_ledger_bind_text (stmt, 9, contact->summary);
      shore_ledger_bind_text (stmt, 10, contact->third_parties);
      sqlite3_bind_int64 (stmt, 11, contact->amount_demanded);
      if (!shore_store_step_done (loader->store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * shore_training_write_case: (skip)
 * @scenario: a parsed scenario
 * @store: a store, inside a transaction the caller holds
 * @today: the load day
 * @error: return location for a #GError
 *
 * Writes everything of @scenario; on failure the caller rolls back.
 *
 * Returns: %TRUE on success
 */
gboolean
shore_training_write_case (const ShoreTrainingCase  *scenario,
                           ShoreStore               *store,
                           const GDate              *today,
                           GError                  **error)
{
  g_auto(Loader) loader = { 0 };

  loader.scenario = scenario;
  loader.store = store;
  loader.today = *today;
  loader.window_start = *today;
  g_date_subtract_months (&loader.window_start, LEDGER_MONTHS);

  if (!check_empty (store, error))
    return FALSE;
  loader.debt_category = builtin_category (&loader, "debt", error);
  return loader.debt_category != 0
      && write_accounts (&loader, error)
      && write_loans (&loader, error)
      && write_entries (&loader, error)
      && write_budgets (&loader, error)
      && write_contacts (&loader, error);
}

