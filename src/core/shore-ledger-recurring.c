/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-ledger"

#include "config.h"

#include <string.h>

#include <glib.h>
#include "shore-intl.h"
#include <gio/gio.h>
#include <sqlite3.h>

#include "shore-debts.h"
#include "shore-ledger.h"
#include "shore-ledger-private.h"
#include "shore-loan.h"
#include "shore-money.h"
#include "shore-schedule.h"
#include "shore-store-private.h"

/* The ledger's repeating entries and what is coming: recurring items,
 * the upcoming list (with loan installments) and recording an upcoming
 * item as a transaction. See shore-ledger.c for the errors they set.
 */

/* How far back recurring items are caught up when never posted. */
#define MAX_CATCH_UP_MONTHS 24

/* @day clamped to the end of @year-@month */
static void
clamped_date (int    year,
              int    month,
              int    day,
              GDate *out)
{
  int last = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) MIN (day, last), (GDateMonth) month, (GDateYear) year);
}

/* ---- Recurring items ---------------------------------------------------- */

static const char * const recurring_kinds[] = {
  [SHORE_RECURRING_INCOME]    = "income",
  [SHORE_RECURRING_EXPENSE]   = "expense",
  [SHORE_RECURRING_REPAYMENT] = "repayment",
};

void
shore_recurring_clear (ShoreRecurring *item)
{
  if (item == NULL)
    return;
  g_clear_pointer (&item->payee, g_free);
  g_clear_pointer (&item->note, g_free);
}

#define RECURRING_COLUMNS \
  "id, kind, amount, account_id, ifnull (category_id, 0), ifnull (loan_id, 0), payee, note," \
  " day_of_month, start_date, end_date, last_posted"

static gboolean
recurring_from_row (sqlite3_stmt   *stmt,
                    ShoreRecurring *item)
{
  const char *kind = shore_ledger_column_text (stmt, 1);

  memset (item, 0, sizeof *item);
  item->id = sqlite3_column_int64 (stmt, 0);
  item->kind = SHORE_RECURRING_EXPENSE;
  for (guint i = 0; i < G_N_ELEMENTS (recurring_kinds); i++)
    if (strcmp (kind, recurring_kinds[i]) == 0)
      item->kind = (ShoreRecurringKind) i;
  item->amount = sqlite3_column_int64 (stmt, 2);
  item->account_id = sqlite3_column_int64 (stmt, 3);
  item->category_id = sqlite3_column_int64 (stmt, 4);
  item->loan_id = sqlite3_column_int64 (stmt, 5);
  item->payee = g_strdup (shore_ledger_column_text (stmt, 6));
  item->note = g_strdup (shore_ledger_column_text (stmt, 7));
  item->day_of_month = sqlite3_column_int (stmt, 8);
  shore_ledger_read_date (shore_ledger_column_text_or_null (stmt, 10), &item->end_date);
  shore_ledger_read_date (shore_ledger_column_text_or_null (stmt, 11), &item->last_posted);

  return shore_ledger_read_date (shore_ledger_column_text_or_null (stmt, 9), &item->start_date);
}

GArray *
shore_ledger_read_recurring (ShoreStore  *store,
                             gint64       only_id,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (ShoreRecurring));
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  g_array_set_clear_func (items, (GDestroyNotify) shore_recurring_clear);
  stmt = shore_store_prepare (store,
                              "SELECT " RECURRING_COLUMNS " FROM recurring WHERE ?1 = 0 OR id = ?1"
                              " ORDER BY day_of_month, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, only_id);

  while (shore_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      ShoreRecurring item;
      gboolean readable = recurring_from_row (stmt, &item);

      g_array_append_val (items, item);
      if (!readable)
        {
          shore_ledger_set_damaged (error);
          return NULL;
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&items);
}

GArray *
shore_ledger_list_recurring (ShoreStore  *store,
                             GError     **error)
{
  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return shore_ledger_read_recurring (store, 0, error);
}

static gboolean
check_recurring (ShoreStore            *store,
                 const ShoreRecurring  *item,
                 GError               **error)
{
  ShoreTxnData probe = { 0 };

  if (item->amount <= 0)
    {
      shore_ledger_set_invalid (error, _("The amount of a repeating entry must be more than zero."));
      return FALSE;
    }
  if (item->day_of_month < 1 || item->day_of_month > 31)
    {
      shore_ledger_set_invalid (error, _("The day of the month must be from 1 to 31."));
      return FALSE;
    }
  if (!g_date_valid (&item->start_date))
    {
      shore_ledger_set_invalid (error, _("Choose the day the repeating entry starts."));
      return FALSE;
    }
  if (g_date_valid (&item->end_date) && g_date_compare (&item->end_date, &item->start_date) < 0)
    {
      shore_ledger_set_invalid (error, _("A repeating entry cannot end before it starts."));
      return FALSE;
    }
  if (item->kind == SHORE_RECURRING_REPAYMENT && item->loan_id == 0)
    {
      shore_ledger_set_invalid (error, _("Choose the loan this repayment is for."));
      return FALSE;
    }

  /* The same checks as for the entries it will make */
  probe.date = item->start_date;
  probe.amount = item->kind == SHORE_RECURRING_INCOME ? item->amount : -item->amount;
  probe.account_id = item->account_id;
  probe.category_id = item->category_id;
  probe.loan_id = item->loan_id;
  return shore_ledger_check_txn (store, &probe, error);
}

static void
bind_recurring (sqlite3_stmt         *stmt,
                const ShoreRecurring *item)
{
  sqlite3_bind_text (stmt, 2, recurring_kinds[item->kind], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, item->amount);
  sqlite3_bind_int64 (stmt, 4, item->account_id);
  shore_ledger_bind_id_or_null (stmt, 5, item->category_id);
  shore_ledger_bind_id_or_null (stmt, 6, item->loan_id);
  shore_ledger_bind_text (stmt, 7, item->payee);
  shore_ledger_bind_text (stmt, 8, item->note);
  sqlite3_bind_int (stmt, 9, item->day_of_month);
  shore_ledger_bind_date (stmt, 10, &item->start_date);
  shore_ledger_bind_date (stmt, 11, &item->end_date);
  shore_ledger_bind_date (stmt, 12, &item->last_posted);
}

/* Checks @item and writes it in a transaction of its own: a new row, or
 * over the row of its id when @update. */
static gboolean
write_recurring (ShoreStore            *store,
                 const ShoreRecurring  *item,
                 gboolean               update,
                 GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  if (!shore_store_begin (store, error))
    return FALSE;

  ok = check_recurring (store, item, error);
  if (ok)
    {
      stmt = shore_store_prepare (store,
                                  update
                                  ? "UPDATE recurring SET kind = ?2, amount = ?3, account_id = ?4, category_id = ?5,"
                                    " loan_id = ?6, payee = ?7, note = ?8, day_of_month = ?9, start_date = ?10,"
                                    " end_date = ?11, last_posted = ?12 WHERE id = ?1"
                                  : "INSERT INTO recurring (id, kind, amount, account_id, category_id, loan_id, payee,"
                                    " note, day_of_month, start_date, end_date, last_posted)"
                                    " VALUES (NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                                  error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      if (update)
        sqlite3_bind_int64 (stmt, 1, item->id);
      bind_recurring (stmt, item);
      ok = shore_store_step_done (store, stmt, error);
    }
  if (ok && update && sqlite3_changes (shore_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("This repeating entry no longer exists."));
      ok = FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  return shore_ledger_finish_write (store, ok, error);
}

gboolean
shore_ledger_add_recurring (ShoreStore      *store,
                            ShoreRecurring  *item,
                            GError         **error)
{
  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (item != NULL && (guint) item->kind < G_N_ELEMENTS (recurring_kinds), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!write_recurring (store, item, FALSE, error))
    return FALSE;

  item->id = sqlite3_last_insert_rowid (shore_store_get_db (store));
  return TRUE;
}

gboolean
shore_ledger_update_recurring (ShoreStore            *store,
                               const ShoreRecurring  *item,
                               GError               **error)
{
  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (item != NULL && (guint) item->kind < G_N_ELEMENTS (recurring_kinds), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_recurring (store, item, TRUE, error);
}

gboolean
shore_ledger_delete_recurring (ShoreStore  *store,
                               gint64       id,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = shore_store_prepare (store, "DELETE FROM recurring WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return shore_store_step_done (store, stmt, error);
}

/* ---- What is coming ----------------------------------------------------- */

void
shore_upcoming_clear (ShoreUpcoming *item)
{
  if (item == NULL)
    return;
  g_clear_pointer (&item->payee, g_free);
}

static gint64
recurring_signed_amount (const ShoreRecurring *item)
{
  return item->kind == SHORE_RECURRING_INCOME ? item->amount : -item->amount;
}

/* The due dates of @item not yet posted, up to @until, oldest first. */
void
shore_ledger_recurring_due_dates (const ShoreRecurring *item,
                                  const GDate          *today,
                                  const GDate          *until,
                                  GArray               *out_dates)
{
  GDate floor;
  int year, month;

  if (g_date_valid (&item->last_posted))
    {
      year = g_date_get_year (&item->last_posted);
      month = g_date_get_month (&item->last_posted) + 1;
    }
  else
    {
      /* never posted: from its start, but no more than two years back */
      floor = *today;
      g_date_subtract_months (&floor, MAX_CATCH_UP_MONTHS);
      if (g_date_compare (&item->start_date, &floor) > 0)
        floor = item->start_date;
      year = g_date_get_year (&floor);
      month = g_date_get_month (&floor);
    }

  for (guint guard = 0; guard < 1200; guard++, month++)
    {
      GDate due;

      if (month > 12)
        {
          month = 1;
          year++;
        }
      clamped_date (year, month, item->day_of_month, &due);
      if (g_date_compare (&due, until) > 0 ||
          (g_date_valid (&item->end_date) && g_date_compare (&due, &item->end_date) > 0))
        break;
      if (g_date_compare (&due, &item->start_date) < 0 ||
          (g_date_valid (&item->last_posted) && g_date_compare (&due, &item->last_posted) <= 0))
        continue;
      g_array_append_val (out_dates, due);
    }
}

static gboolean
add_recurring_upcoming (ShoreStore   *store,
                        const GDate  *today,
                        const GDate  *until,
                        GArray       *out,
                        GError      **error)
{
  g_autoptr(GArray) items = shore_ledger_read_recurring (store, 0, error);

  if (items == NULL)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      const ShoreRecurring *item = &g_array_index (items, ShoreRecurring, i);
      g_autoptr(GArray) dates = g_array_new (FALSE, FALSE, sizeof (GDate));

      shore_ledger_recurring_due_dates (item, today, until, dates);
      for (guint d = 0; d < dates->len; d++)
        {
          ShoreUpcoming entry = { 0 };

          entry.date = g_array_index (dates, GDate, d);
          entry.amount = recurring_signed_amount (item);
          entry.payee = g_strdup (item->payee);
          entry.recurring_id = item->id;
          entry.loan_id = item->loan_id;
          entry.account_id = item->account_id;
          entry.category_id = item->category_id;
          entry.overdue = g_date_compare (&entry.date, today) < 0;
          g_array_append_val (out, entry);
        }
    }

  return TRUE;
}

static gint64
sum_payments (GArray *payments)
{
  gint64 sum = 0;

  for (guint i = 0; i < payments->len; i++)
    if (!shore_money_add (sum, g_array_index (payments, ShorePayment, i).amount, &sum))
      return G_MAXINT64;

  return sum;
}

/* The unpaid installments of every loan that is not paid off. What is
 * still due on an installment: the schedule (after the payments) summed up
 * to it, less everything paid, at most the installment itself. */
static gboolean
add_loan_upcoming (ShoreStore   *store,
                   const GDate  *today,
                   const GDate  *until,
                   GArray       *out,
                   GError      **error)
{
  g_autoptr(GListModel) debts = shore_debts_list (store, today, error);
  gint64 debt_id;
  guint n;

  if (debts == NULL)
    return FALSE;
  debt_id = shore_ledger_find_builtin (store, "debt", error);
  if (error != NULL && *error != NULL)
    return FALSE;

  n = g_list_model_get_n_items (debts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (debts, i);
      const ShoreLoan *loan = shore_debt_get_loan (debt);
      GArray *payments = shore_debt_get_payments (debt);
      g_autoptr(ShoreSchedule) schedule = NULL;
      gint64 paid, cumulative = 0;

      if (shore_debt_get_status (debt)->state == SHORE_LOAN_STATE_PAID_OFF)
        continue;

      schedule = shore_schedule_with_payments (loan, (const ShorePayment *) (gpointer) payments->data,
                                               payments->len, error);
      if (schedule == NULL)
        return FALSE;
      paid = sum_payments (payments);

      for (guint k = 0; k < schedule->installments->len; k++)
        {
          const ShoreInstallment *inst = &g_array_index (schedule->installments, ShoreInstallment, k);
          ShoreUpcoming entry = { 0 };
          gint64 remaining;

          if (!shore_money_add (cumulative, inst->payment, &cumulative))
            break;
          remaining = MIN (inst->payment, cumulative - MIN (paid, cumulative));
          if (remaining <= 0)
            continue;
          if (g_date_compare (&inst->due_date, until) > 0)
            break;

          entry.date = inst->due_date;
          entry.amount = -remaining;
          entry.payee = g_strdup (loan->lender);
          entry.loan_id = loan->id;
          entry.period = inst->period;
          entry.category_id = debt_id;
          entry.overdue = g_date_compare (&entry.date, today) < 0;
          g_array_append_val (out, entry);
        }
    }

  return TRUE;
}

static int
compare_upcoming (gconstpointer a,
                  gconstpointer b)
{
  const ShoreUpcoming *ua = a;
  const ShoreUpcoming *ub = b;
  int by_date = g_date_compare (&ua->date, &ub->date);

  if (by_date != 0)
    return by_date;
  if (ua->loan_id != ub->loan_id)
    return ua->loan_id < ub->loan_id ? -1 : 1;
  if (ua->recurring_id != ub->recurring_id)
    return ua->recurring_id < ub->recurring_id ? -1 : 1;
  return ua->period - ub->period;
}

GArray *
shore_ledger_upcoming (ShoreStore   *store,
                       const GDate  *today,
                       int           days,
                       GError      **error)
{
  g_autoptr(GArray) entries = NULL;
  GDate until;

  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (days >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  entries = g_array_new (FALSE, TRUE, sizeof (ShoreUpcoming));
  g_array_set_clear_func (entries, (GDestroyNotify) shore_upcoming_clear);
  until = *today;
  g_date_add_days (&until, (guint) days);

  if (!add_recurring_upcoming (store, today, &until, entries, error) ||
      !add_loan_upcoming (store, today, &until, entries, error))
    return NULL;

  g_array_sort (entries, compare_upcoming);
  return g_steal_pointer (&entries);
}

/* The loan payment that goes with a recorded installment; the same checks
 * as shore_debts_add_payment(), which cannot run inside our transaction. */
static gboolean
insert_loan_payment (ShoreStore   *store,
                     gint64        loan_id,
                     const GDate  *date,
                     gint64        amount,
                     gint64        transaction_id,
                     GError      **error)
{
  g_autoptr(ShoreLoan) loan = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  loan = shore_debts_get (store, loan_id, error);
  if (loan == NULL)
    return FALSE;
  if (amount <= 0)
    {
      shore_ledger_set_invalid (error, _("The amount of a payment must be more than zero."));
      return FALSE;
    }
  if (g_date_compare (date, &loan->start_date) < 0)
    {
      g_autofree char *start = shore_date_format_iso (&loan->start_date);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is the date the loan started, such as 2026-01-15 */
                   _("A payment cannot be dated before the loan started on %s."),
                   start);
      return FALSE;
    }

  stmt = shore_store_prepare (store,
                              "INSERT INTO payments (loan_id, date, amount, transaction_id) VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, loan_id);
  shore_ledger_bind_date (stmt, 2, date);
  sqlite3_bind_int64 (stmt, 3, amount);
  sqlite3_bind_int64 (stmt, 4, transaction_id);

  return shore_store_step_done (store, stmt, error);
}

static gboolean
record_upcoming (ShoreStore          *store,
                 const ShoreUpcoming *item,
                 gint64               account_id,
                 ShoreTxnData        *data,
                 GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  data->date = item->date;
  data->amount = item->amount;
  data->account_id = account_id != 0 ? account_id : item->account_id;
  data->category_id = item->category_id;
  data->loan_id = item->loan_id;
  data->payee = g_strdup (item->payee);

  if (item->recurring_id != 0)
    {
      g_autoptr(GArray) items = shore_ledger_read_recurring (store, item->recurring_id, error);

      if (items == NULL)
        return FALSE;
      if (items->len == 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("This repeating entry no longer exists."));
          return FALSE;
        }
      if (data->account_id == 0)
        data->account_id = g_array_index (items, ShoreRecurring, 0).account_id;
      data->note = g_strdup (g_array_index (items, ShoreRecurring, 0).note);
    }
  else if (item->loan_id != 0)
    {
      /* Translators: the note of a loan repayment entry; %d is the installment number */
      data->note = g_strdup_printf (_("Installment %d"), item->period);
      if (data->account_id == 0)
        data->account_id = shore_ledger_lookup_account (store, SHORE_ACCOUNT_CASH, NULL, TRUE, error);
      if (data->account_id == 0)
        return FALSE;
    }

  if (!shore_ledger_check_txn (store, data, error) ||
      !shore_ledger_insert_txn (store, data, NULL, error))
    return FALSE;

  if (item->recurring_id != 0)
    {
      stmt = shore_store_prepare (store,
                                  "UPDATE recurring SET last_posted = ?2"
                                  " WHERE id = ?1 AND (last_posted IS NULL OR last_posted < ?2)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, item->recurring_id);
      shore_ledger_bind_date (stmt, 2, &item->date);
      if (!shore_store_step_done (store, stmt, error))
        return FALSE;
    }

  if (item->loan_id != 0 && item->amount < 0 &&
      !insert_loan_payment (store, item->loan_id, &item->date, -item->amount, data->id, error))
    return FALSE;

  return TRUE;
}

gboolean
shore_ledger_record_upcoming (ShoreStore           *store,
                              const ShoreUpcoming  *item,
                              gint64                account_id,
                              gint64               *out_id,
                              GError              **error)
{
  ShoreTxnData data = { 0 };
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (item != NULL && g_date_valid (&item->date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_store_begin (store, error))
    return FALSE;

  ok = record_upcoming (store, item, account_id, &data, error);
  shore_txn_data_clear (&data);
  if (!shore_ledger_finish_write (store, ok, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = data.id;
  return TRUE;
}
