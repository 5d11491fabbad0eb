/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-debts"

#include "config.h"

#include <string.h>

#include <glib.h>
#include "shore-intl.h"
#include <gio/gio.h>
#include <sqlite3.h>

#include "shore-debts.h"
#include "shore-money.h"
#include "shore-rate.h"
#include "shore-store-private.h"

/* The debts register is one of the store's domain files: it speaks SQL
 * through the helpers of shore-store-private.h and hands the rest of the
 * app plain values and GListModels.
 */

#define DUE_SOON_DAYS_DEFAULT 3

struct _ShoreDebt
{
  GObject          parent_instance;

  ShoreLoan       *loan;
  GArray          *payments;     /* of ShorePayment, date order */
  ShoreLoanStatus  status;
  char            *summary;
  char            *balance_text;
};

G_DEFINE_FINAL_TYPE (ShoreDebt, shore_debt, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LENDER,
  PROP_SUMMARY,
  PROP_BALANCE_TEXT,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Columns of a loan row, in the order loan_from_row() reads them. */
#define LOAN_COLUMNS \
  "id, lender, lender_type, principal, rate, monthly_fee_rate, upfront_fee," \
  " term_months, method, start_date, penalty_markup_bp, grace_days, compound," \
  " late_fee_daily, accelerate_after_days, reminder_lead_days, note"

static char *
build_summary (const ShoreLoanStatus *status)
{
  g_autofree char *date = NULL;

  switch (status->state)
    {
    case SHORE_LOAN_STATE_OVERDUE:
      return g_strdup_printf (shore_ngettext (
                                              /* Translators: the state of a loan in the list of debts; %d is a number of days */
                                              "Overdue %d day",
                                              "Overdue %d days",
                                              status->days_overdue),
                              status->days_overdue);

    case SHORE_LOAN_STATE_DUE_SOON:
      if (status->days_until_due <= 0)
        return g_strdup (_("Due today"));
      return g_strdup_printf (shore_ngettext (
                                              /* Translators: the state of a loan in the list of debts; %d is a number of days */
                                              "Due in %d day",
                                              "Due in %d days",
                                              status->days_until_due),
                              status->days_until_due);

    case SHORE_LOAN_STATE_PAID_OFF:
      return g_strdup (_("Paid off"));

    case SHORE_LOAN_STATE_CURRENT:
    default:
      if (!g_date_valid (&status->next_due_date))
        return g_strdup ("");
      date = shore_date_format_iso (&status->next_due_date);
      /* Translators: the state of a loan in the list of debts; %s is a date such as 2026-12-15 */
      return g_strdup_printf (_("Next due %s"), date);
    }
}

static void
shore_debt_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ShoreDebt *self = SHORE_DEBT (object);

  switch (prop_id)
    {
    case PROP_LENDER:
      g_value_set_string (value, self->loan != NULL ? self->loan->lender : NULL);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_BALANCE_TEXT:
      g_value_set_string (value, self->balance_text);
      break;

    case PROP_STATE:
      g_value_set_int (value, self->status.state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shore_debt_finalize (GObject *object)
{
  ShoreDebt *self = SHORE_DEBT (object);

  g_clear_pointer (&self->loan, shore_loan_free);
  g_clear_pointer (&self->payments, g_array_unref);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->balance_text, g_free);

  G_OBJECT_CLASS (shore_debt_parent_class)->finalize (object);
}

static void
shore_debt_class_init (ShoreDebtClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = shore_debt_get_property;
  object_class->finalize = shore_debt_finalize;

  properties[PROP_LENDER] =
    g_param_spec_string ("lender", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BALANCE_TEXT] =
    g_param_spec_string ("balance-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      SHORE_LOAN_STATE_CURRENT, SHORE_LOAN_STATE_PAID_OFF, SHORE_LOAN_STATE_CURRENT,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shore_debt_init (ShoreDebt *self)
{
  self->payments = g_array_new (FALSE, TRUE, sizeof (ShorePayment));
}

/* Takes @payments (date order). */
static ShoreDebt *
debt_new (ShoreLoan   *loan,
          GArray      *payments,
          const GDate *today,
          int          default_lead_days,
          GError     **error)
{
  g_autoptr(ShoreDebt) self = g_object_new (SHORE_TYPE_DEBT, NULL);
  int due_soon_days;

  g_array_unref (self->payments);
  self->loan = loan;
  self->payments = payments;

  due_soon_days = loan->reminder_lead_days >= 0 ? loan->reminder_lead_days : default_lead_days;
  if (!shore_loan_status_compute (loan,
                                  (const ShorePayment *) (gpointer) payments->data, payments->len,
                                  today, due_soon_days, &self->status, error))
    return NULL;

  self->summary = build_summary (&self->status);
  self->balance_text = shore_money_format (self->status.owed_total);

  return g_steal_pointer (&self);
}

/**
 * shore_debt_get_loan:
 * @self: a #ShoreDebt
 *
 * Returns: (transfer none): the terms of the loan
 */
const ShoreLoan *
shore_debt_get_loan (ShoreDebt *self)
{
  g_return_val_if_fail (SHORE_IS_DEBT (self), NULL);

  return self->loan;
}

/**
 * shore_debt_get_payments:
 * @self: a #ShoreDebt
 *
 * Returns: (transfer none) (element-type ShorePayment): the payments
 *   recorded on the loan, in date order
 */
GArray *
shore_debt_get_payments (ShoreDebt *self)
{
  g_return_val_if_fail (SHORE_IS_DEBT (self), NULL);

  return self->payments;
}

/**
 * shore_debt_get_status:
 * @self: a #ShoreDebt
 *
 * Returns: (transfer none): where the loan stands on the day the list was
 *   made (the @today of shore_debts_list())
 */
const ShoreLoanStatus *
shore_debt_get_status (ShoreDebt *self)
{
  g_return_val_if_fail (SHORE_IS_DEBT (self), NULL);

  return &self->status;
}

/**
 * shore_debt_get_id:
 * @self: a #ShoreDebt
 *
 * Returns: the id of the loan in the store
 */
gint64
shore_debt_get_id (ShoreDebt *self)
{
  g_return_val_if_fail (SHORE_IS_DEBT (self), 0);

  return self->loan->id;
}

/* Reading and writing rows */

static void
set_damaged_error (GError **error,
                   gint64   loan_id)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, loan_id);

  g_set_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_NOT_A_DATABASE,
               /* Translators: %s is the number of a loan */
               _("The saved loan %s cannot be read; the database may be damaged."),
               id);
}

static void
set_no_loan_error (GError **error,
                   gint64   loan_id)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, loan_id);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               /* Translators: %s is the number of a loan */
               _("There is no loan %s."),
               id);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static gboolean
read_rate (const char *text,
           ShoreRate  *out)
{
  return text != NULL && shore_rate_parse (text, out, NULL);
}

static gboolean
read_date (const char *text,
           GDate      *out)
{
  return text != NULL && shore_date_parse (text, out, NULL);
}

static ShoreLoan *
loan_from_row (sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(ShoreLoan) loan = shore_loan_new ();
  const char *note;
  gboolean ok;

  loan->id = sqlite3_column_int64 (stmt, 0);
  g_free (loan->lender);
  loan->lender = g_strdup (column_text (stmt, 1));
  loan->principal = sqlite3_column_int64 (stmt, 3);
  loan->upfront_fee = sqlite3_column_int64 (stmt, 6);
  loan->term_months = sqlite3_column_int (stmt, 7);
  loan->penalty_markup_bp = sqlite3_column_int (stmt, 10);
  loan->grace_days = sqlite3_column_int (stmt, 11);
  loan->compound = sqlite3_column_int (stmt, 12) != 0;
  loan->accelerate_after_days = sqlite3_column_int (stmt, 14);
  loan->reminder_lead_days = sqlite3_column_type (stmt, 15) == SQLITE_NULL
                             ? -1 : sqlite3_column_int (stmt, 15);
  note = column_text (stmt, 16);
  g_free (loan->note);
  loan->note = note != NULL && note[0] != '\0' ? g_strdup (note) : NULL;

  loan->has_monthly_fee_rate = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
  loan->has_late_fee = sqlite3_column_type (stmt, 13) != SQLITE_NULL;

  ok = loan->lender != NULL &&
       column_text (stmt, 2) != NULL &&
       shore_lender_type_from_string (column_text (stmt, 2), &loan->lender_type) &&
       read_rate (column_text (stmt, 4), &loan->rate) &&
       (!loan->has_monthly_fee_rate || read_rate (column_text (stmt, 5), &loan->monthly_fee_rate)) &&
       column_text (stmt, 8) != NULL &&
       shore_method_from_string (column_text (stmt, 8), &loan->method) &&
       read_date (column_text (stmt, 9), &loan->start_date) &&
       (!loan->has_late_fee || read_rate (column_text (stmt, 13), &loan->late_fee_daily));
  if (!ok)
    {
      set_damaged_error (error, loan->id);
      return NULL;
    }

  return g_steal_pointer (&loan);
}

static void
bind_rate (sqlite3_stmt    *stmt,
           int              index,
           const ShoreRate *rate)
{
  if (rate == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, shore_rate_to_string (rate), -1, g_free);
}

static void
bind_date (sqlite3_stmt *stmt,
           int           index,
           const GDate  *date)
{
  sqlite3_bind_text (stmt, index, shore_date_format_iso (date), -1, g_free);
}

/* The schema keeps the late fee as a daily rate; one quoted for a longer
 * period is converted when that is exact.
 */
static gboolean
late_fee_as_daily (const ShoreRate  *rate,
                   ShoreRate        *out,
                   GError          **error)
{
  gint64 num;
  gint64 den;

  shore_rate_in_period (rate, SHORE_RATE_DAILY, &num, &den);
  if (SHORE_RATE_SCALE % den != 0)
    {
      g_set_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID,
                   _("The late fee must be given as a rate a day, such as daily:0.05%%."));
      return FALSE;
    }

  out->period = SHORE_RATE_DAILY;
  out->value = num * (SHORE_RATE_SCALE / den);
  return TRUE;
}

/* Binds every column but id (parameter 1) of an INSERT or UPDATE whose
 * parameters follow LOAN_COLUMNS.
 */
static gboolean
bind_loan (sqlite3_stmt     *stmt,
           const ShoreLoan  *loan,
           GError          **error)
{
  ShoreRate late_fee = { SHORE_RATE_DAILY, 0 };

  if (loan->has_late_fee && !late_fee_as_daily (&loan->late_fee_daily, &late_fee, error))
    return FALSE;

  sqlite3_bind_text (stmt, 2, loan->lender, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, shore_lender_type_to_string (loan->lender_type), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, loan->principal);
  bind_rate (stmt, 5, &loan->rate);
  bind_rate (stmt, 6, loan->has_monthly_fee_rate ? &loan->monthly_fee_rate : NULL);
  sqlite3_bind_int64 (stmt, 7, loan->upfront_fee);
  sqlite3_bind_int (stmt, 8, loan->term_months);
  sqlite3_bind_text (stmt, 9, shore_method_to_string (loan->method), -1, SQLITE_STATIC);
  bind_date (stmt, 10, &loan->start_date);
  sqlite3_bind_int (stmt, 11, loan->penalty_markup_bp);
  sqlite3_bind_int (stmt, 12, loan->grace_days);
  sqlite3_bind_int (stmt, 13, loan->compound ? 1 : 0);
  bind_rate (stmt, 14, loan->has_late_fee ? &late_fee : NULL);
  if (loan->accelerate_after_days > 0)
    sqlite3_bind_int (stmt, 15, loan->accelerate_after_days);
  else
    sqlite3_bind_null (stmt, 15);
  if (loan->reminder_lead_days >= 0)
    sqlite3_bind_int (stmt, 16, loan->reminder_lead_days);
  else
    sqlite3_bind_null (stmt, 16);
  sqlite3_bind_text (stmt, 17, loan->note != NULL ? loan->note : "", -1, SQLITE_TRANSIENT);

  return TRUE;
}

/* @id 0: a new id */
static gboolean
insert_loan (ShoreStore       *store,
             const ShoreLoan  *loan,
             gint64            id,
             gint64           *out_id,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shore_store_prepare (store,
                              "INSERT INTO loans (" LOAN_COLUMNS ") VALUES"
                              " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                              error);
  if (stmt == NULL || !bind_loan (stmt, loan, error))
    return FALSE;

  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  else
    sqlite3_bind_null (stmt, 1);

  if (!shore_store_step_done (store, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (shore_store_get_db (store));
  return TRUE;
}

static gboolean
check_payment (const ShoreLoan     *loan,
               const ShorePayment  *payment,
               GError             **error)
{
  g_autofree char *start = NULL;

  if (payment->amount <= 0)
    {
      g_set_error_literal (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID,
                           _("The amount of a payment must be more than zero."));
      return FALSE;
    }

  if (!g_date_valid (&payment->date))
    {
      g_set_error_literal (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID,
                           _("The date of the payment is not a valid date."));
      return FALSE;
    }

  if (g_date_compare (&payment->date, &loan->start_date) < 0)
    {
      start = shore_date_format_iso (&loan->start_date);
      g_set_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID,
                   /* Translators: %s is the date the loan started, such as 2026-01-15 */
                   _("A payment cannot be dated before the loan started on %s."),
                   start);
      return FALSE;
    }

  return TRUE;
}

/* @id 0: a new id */
static gboolean
insert_payment (ShoreStore          *store,
                gint64               loan_id,
                const ShorePayment  *payment,
                gint64               id,
                gint64              *out_id,
                GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shore_store_prepare (store,
                              "INSERT INTO payments (id, loan_id, date, amount) VALUES (?1, ?2, ?3, ?4)",
                              error);
  if (stmt == NULL)
    return FALSE;

  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, loan_id);
  bind_date (stmt, 3, &payment->date);
  sqlite3_bind_int64 (stmt, 4, payment->amount);

  if (!shore_store_step_done (store, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (shore_store_get_db (store));
  return TRUE;
}

static GArray *
read_payments (ShoreStore  *store,
               gint64       loan_id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) payments = g_array_new (FALSE, TRUE, sizeof (ShorePayment));
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  stmt = shore_store_prepare (store,
                              "SELECT id, date, amount FROM payments WHERE loan_id = ?1"
                              " ORDER BY date, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, loan_id);

  while (shore_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      ShorePayment payment = { 0 };

      payment.id = sqlite3_column_int64 (stmt, 0);
      payment.amount = sqlite3_column_int64 (stmt, 2);
      if (!read_date (column_text (stmt, 1), &payment.date))
        {
          set_damaged_error (error, loan_id);
          return NULL;
        }
      g_array_append_val (payments, payment);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&payments);
}

/* Like shore_debts_get() but with a NULL result and no error when the loan
 * does not exist.
 */
static ShoreLoan *
find_loan (ShoreStore  *store,
           gint64       loan_id,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row = FALSE;

  stmt = shore_store_prepare (store, "SELECT " LOAN_COLUMNS " FROM loans WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, loan_id);

  if (!shore_store_step (store, stmt, &has_row, error) || !has_row)
    return NULL;

  return loan_from_row (stmt, error);
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

/* The list */

static int
sort_group (const ShoreLoanStatus *status)
{
  switch (status->state)
    {
    case SHORE_LOAN_STATE_OVERDUE:
      return 0;
    case SHORE_LOAN_STATE_PAID_OFF:
      return 2;
    case SHORE_LOAN_STATE_CURRENT:
    case SHORE_LOAN_STATE_DUE_SOON:
    default:
      return 1;
    }
}

static gint
compare_debts (gconstpointer a,
               gconstpointer b)
{
  ShoreDebt *da = *(ShoreDebt * const *) a;
  ShoreDebt *db = *(ShoreDebt * const *) b;
  int ga = sort_group (&da->status);
  int gb = sort_group (&db->status);

  if (ga != gb)
    return ga - gb;

  if (ga == 0 && da->status.days_overdue != db->status.days_overdue)
    return db->status.days_overdue - da->status.days_overdue;

  if (ga != 2 &&
      g_date_valid (&da->status.next_due_date) && g_date_valid (&db->status.next_due_date))
    {
      int by_date = g_date_compare (&da->status.next_due_date, &db->status.next_due_date);

      if (by_date != 0)
        return by_date;
    }

  return da->loan->id < db->loan->id ? -1 : da->loan->id > db->loan->id;
}

/**
 * shore_debts_list:
 * @store: a #ShoreStore
 * @today: the day to compute each loan's status for
 * @error: return location for a #GError
 *
 * Like shore_debts_list_full() with 3 days of notice for loans that follow
 * the app's setting.
 *
 * Returns: (transfer full): a #GListStore of #ShoreDebt, or %NULL with
 *   @error set
 */
GListModel *
shore_debts_list (ShoreStore   *store,
                  const GDate  *today,
                  GError      **error)
{
  return shore_debts_list_full (store, today, DUE_SOON_DAYS_DEFAULT, error);
}

/**
 * shore_debts_list_full:
 * @store: a #ShoreStore
 * @today: the day to compute each loan's status for
 * @default_lead_days: days of notice (0–30) for loans that follow the app's
 *   setting (reminder_lead_days < 0)
 * @error: return location for a #GError
 *
 * Reads every loan that is not archived, with its payments, and works out
 * where it stands on @today (a loan's reminder lead days, or
 * @default_lead_days when it follows the app's setting, decide what counts
 * as due soon).
 *
 * The list is sorted for the debts page: overdue loans first, those
 * overdue longest at the top; then by next due date; paid-off loans last.
 *
 * Returns: (transfer full): a #GListStore of #ShoreDebt, or %NULL with
 *   @error set
 */
GListModel *
shore_debts_list_full (ShoreStore   *store,
                       const GDate  *today,
                       int           default_lead_days,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) debts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (default_lead_days >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = shore_store_prepare (store,
                              "SELECT " LOAN_COLUMNS " FROM loans WHERE archived = 0 ORDER BY id",
                              error);
  if (stmt == NULL)
    return NULL;

  while (shore_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      ShoreLoan *loan = loan_from_row (stmt, error);
      GArray *payments;
      ShoreDebt *debt;

      if (loan == NULL)
        return NULL;

      payments = read_payments (store, loan->id, error);
      if (payments == NULL)
        {
          shore_loan_free (loan);
          return NULL;
        }

      debt = debt_new (loan, payments, today, default_lead_days, error);
      if (debt == NULL)
        return NULL;
      g_ptr_array_add (debts, debt);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  g_ptr_array_sort (debts, compare_debts);

  list = g_list_store_new (SHORE_TYPE_DEBT);
  g_list_store_splice (list, 0, 0, debts->pdata, debts->len);

  return G_LIST_MODEL (g_steal_pointer (&list));
}

static gint64
add_saturated (gint64 a,
               gint64 b)
{
  gint64 sum;

  if (shore_money_add (a, b, &sum))
    return sum;
  return b > 0 ? G_MAXINT64 : G_MININT64;
}

static void
insert_next (ShoreDebtsSummary *out,
             ShoreDebt         *debt)
{
  const ShoreLoanStatus *status = &debt->status;
  guint pos = out->n_next;

  /* Sorted insertion into at most three slots: soonest first, ties by id. */
  while (pos > 0 &&
         (g_date_compare (&status->next_due_date, &out->next[pos - 1].date) < 0 ||
          (g_date_compare (&status->next_due_date, &out->next[pos - 1].date) == 0 &&
           debt->loan->id < out->next[pos - 1].loan_id)))
    {
      if (pos < G_N_ELEMENTS (out->next))
        out->next[pos] = out->next[pos - 1];
      pos--;
    }

  if (pos >= G_N_ELEMENTS (out->next))
    return;

  out->next[pos].loan_id = debt->loan->id;
  out->next[pos].date = status->next_due_date;
  out->next[pos].amount = status->next_due_amount;
  out->next[pos].lender = debt->loan->lender;
  if (out->n_next < G_N_ELEMENTS (out->next))
    out->n_next++;
}

/**
 * shore_debts_summarize:
 * @debts: a list from shore_debts_list()
 * @out: (out caller-allocates): the summary
 *
 * Sums up the list for the top of the debts page: how many loans are still
 * running and how many are overdue, the total owed, what falls due in the
 * current month (overdue amounts included) and the next three due dates
 * across loans (each loan's next unpaid installment), soonest first.
 */
void
shore_debts_summarize (GListModel        *debts,
                       ShoreDebtsSummary *out)
{
  guint n;

  g_return_if_fail (G_IS_LIST_MODEL (debts));
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  n = g_list_model_get_n_items (debts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (debts, i);
      const ShoreLoanStatus *status;

      g_return_if_fail (SHORE_IS_DEBT (debt));
      status = &debt->status;

      out->total_owed = add_saturated (out->total_owed, status->owed_total);
      out->due_this_month = add_saturated (out->due_this_month, status->due_this_month);

      if (status->state == SHORE_LOAN_STATE_PAID_OFF)
        continue;

      out->n_loans++;
      if (status->state == SHORE_LOAN_STATE_OVERDUE)
        out->n_overdue++;
      if (g_date_valid (&status->next_due_date))
        insert_next (out, debt);
    }
}

/* Reading and writing loans */

/**
 * shore_debts_get:
 * @store: a #ShoreStore
 * @loan_id: the id of a loan
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the terms of the loan, or %NULL with @error set
 *   (%G_IO_ERROR_NOT_FOUND if there is no such loan)
 */
ShoreLoan *
shore_debts_get (ShoreStore  *store,
                 gint64       loan_id,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  ShoreLoan *loan;

  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  loan = find_loan (store, loan_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (loan == NULL)
    set_no_loan_error (error, loan_id);

  return loan;
}

/**
 * shore_debts_add:
 * @store: a #ShoreStore
 * @loan: the terms of a new loan; its id is ignored and set on success
 * @error: return location for a #GError
 *
 * Checks @loan with shore_loan_validate() and saves it, in one transaction.
 * Nothing is written if it fails.
 *
 * Returns: %TRUE if the loan was saved
 */
gboolean
shore_debts_add (ShoreStore  *store,
                 ShoreLoan   *loan,
                 GError     **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (loan != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_loan_validate (loan, error) ||
      !shore_store_begin (store, error))
    return FALSE;

  ok = insert_loan (store, loan, 0, &id, error);
  if (!finish_write (store, ok, error))
    return FALSE;

  loan->id = id;
  return TRUE;
}

/**
 * shore_debts_update:
 * @store: a #ShoreStore
 * @loan: the new terms of a saved loan (its id says which)
 * @error: return location for a #GError
 *
 * Checks @loan with shore_loan_validate() and replaces the saved terms, in
 * one transaction; payments are kept. Nothing is written if it fails.
 *
 * Returns: %TRUE if saved; %FALSE with %G_IO_ERROR_NOT_FOUND if the loan no
 *   longer exists
 */
gboolean
shore_debts_update (ShoreStore       *store,
                    const ShoreLoan  *loan,
                    GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (loan != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_loan_validate (loan, error) ||
      !shore_store_begin (store, error))
    return FALSE;

  stmt = shore_store_prepare (store,
                              "UPDATE loans SET lender = ?2, lender_type = ?3, principal = ?4,"
                              " rate = ?5, monthly_fee_rate = ?6, upfront_fee = ?7,"
                              " term_months = ?8, method = ?9, start_date = ?10,"
                              " penalty_markup_bp = ?11, grace_days = ?12, compound = ?13,"
                              " late_fee_daily = ?14, accelerate_after_days = ?15,"
                              " reminder_lead_days = ?16, note = ?17"
                              " WHERE id = ?1",
                              error);
  ok = stmt != NULL && bind_loan (stmt, loan, error);
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, loan->id);
      ok = shore_store_step_done (store, stmt, error);
    }
  if (ok && sqlite3_changes (shore_store_get_db (store)) == 0)
    {
      set_no_loan_error (error, loan->id);
      ok = FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  return finish_write (store, ok, error);
}

/**
 * shore_debts_delete:
 * @store: a #ShoreStore
 * @loan_id: the id of a loan
 * @out_loan: (out) (optional) (transfer full): the deleted loan
 * @out_payments: (out) (optional) (transfer full) (element-type ShorePayment):
 *   its payments, in date order
 * @error: return location for a #GError
 *
 * Deletes a loan and its payments in one transaction, and hands back what
 * was deleted so that shore_debts_restore() can undo it.
 *
 * Returns: %TRUE if deleted; %FALSE with %G_IO_ERROR_NOT_FOUND if there is
 *   no such loan
 */
gboolean
shore_debts_delete (ShoreStore  *store,
                    gint64       loan_id,
                    ShoreLoan  **out_loan,
                    GArray     **out_payments,
                    GError     **error)
{
  g_autoptr(ShoreLoan) loan = NULL;
  g_autoptr(GArray) payments = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_store_begin (store, error))
    return FALSE;

  loan = shore_debts_get (store, loan_id, error);
  ok = loan != NULL;
  if (ok)
    {
      payments = read_payments (store, loan_id, error);
      ok = payments != NULL;
    }
  if (ok)
    {
      stmt = shore_store_prepare (store, "DELETE FROM payments WHERE loan_id = ?1", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, loan_id);
      ok = shore_store_step_done (store, stmt, error);
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  if (ok)
    {
      stmt = shore_store_prepare (store, "DELETE FROM loans WHERE id = ?1", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, loan_id);
      ok = shore_store_step_done (store, stmt, error);
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  if (!finish_write (store, ok, error))
    return FALSE;

  if (out_loan != NULL)
    *out_loan = g_steal_pointer (&loan);
  if (out_payments != NULL)
    *out_payments = g_steal_pointer (&payments);
  return TRUE;
}

/**
 * shore_debts_restore:
 * @store: a #ShoreStore
 * @loan: a loan handed back by shore_debts_delete()
 * @payments: (nullable) (element-type ShorePayment): its payments
 * @error: return location for a #GError
 *
 * Puts a deleted loan back with the same id, and its payments with their
 * ids, in one transaction: either all of it is saved or nothing.
 *
 * Returns: %TRUE if restored
 */
gboolean
shore_debts_restore (ShoreStore       *store,
                     const ShoreLoan  *loan,
                     GArray           *payments,
                     GError          **error)
{
  gint64 id = 0;
  gboolean ok;
  guint n = payments != NULL ? payments->len : 0;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (loan != NULL, FALSE);
  g_return_val_if_fail (loan->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_loan_validate (loan, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!check_payment (loan, &g_array_index (payments, ShorePayment, i), error))
      return FALSE;

  if (!shore_store_begin (store, error))
    return FALSE;

  ok = insert_loan (store, loan, loan->id, &id, error);
  for (guint i = 0; ok && i < n; i++)
    {
      const ShorePayment *payment = &g_array_index (payments, ShorePayment, i);

      ok = insert_payment (store, loan->id, payment, payment->id, &id, error);
    }

  return finish_write (store, ok, error);
}

/**
 * shore_debts_get_payments:
 * @store: a #ShoreStore
 * @loan_id: the id of a loan
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type ShorePayment): the payments on the
 *   loan in date order (empty if none, or if there is no such loan), or
 *   %NULL with @error set
 */
GArray *
shore_debts_get_payments (ShoreStore  *store,
                          gint64       loan_id,
                          GError     **error)
{
  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_payments (store, loan_id, error);
}

/**
 * shore_debts_add_payment:
 * @store: a #ShoreStore
 * @loan_id: the id of a loan
 * @payment: the payment; its id is ignored and set on success
 * @error: return location for a #GError
 *
 * Records a payment on a loan, in one transaction. The amount must be more
 * than zero and the date a valid one, not before the loan started
 * (%SHORE_LOAN_ERROR_INVALID with a message for the user).
 *
 * Returns: %TRUE if saved
 */
gboolean
shore_debts_add_payment (ShoreStore    *store,
                         gint64         loan_id,
                         ShorePayment  *payment,
                         GError       **error)
{
  g_autoptr(ShoreLoan) loan = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (payment != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_store_begin (store, error))
    return FALSE;

  loan = shore_debts_get (store, loan_id, error);
  ok = loan != NULL &&
       check_payment (loan, payment, error) &&
       insert_payment (store, loan_id, payment, 0, &id, error);

  if (!finish_write (store, ok, error))
    return FALSE;

  payment->id = id;
  return TRUE;
}

/**
 * shore_debts_delete_payment:
 * @store: a #ShoreStore
 * @payment_id: the id of a payment
 * @error: return location for a #GError
 *
 * Deletes one payment, in one transaction.
 *
 * Returns: %TRUE if deleted; %FALSE with %G_IO_ERROR_NOT_FOUND if there is
 *   no such payment
 */
gboolean
shore_debts_delete_payment (ShoreStore  *store,
                            gint64       payment_id,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_store_begin (store, error))
    return FALSE;

  stmt = shore_store_prepare (store, "DELETE FROM payments WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, payment_id);
      ok = shore_store_step_done (store, stmt, error);
    }
  if (ok && sqlite3_changes (shore_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("This payment no longer exists."));
      ok = FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  return finish_write (store, ok, error);
}
