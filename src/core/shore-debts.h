/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shore-loan.h"
#include "shore-schedule.h"
#include "shore-store.h"

G_BEGIN_DECLS

/**
 * ShoreDebt:
 *
 * One loan of the register with its payments and its status on a given day:
 * the item type of the debts GListModel the UI shows.
 */
#define SHORE_TYPE_DEBT (shore_debt_get_type ())
G_DECLARE_FINAL_TYPE (ShoreDebt, shore_debt, SHORE, DEBT, GObject)

const ShoreLoan       *shore_debt_get_loan       (ShoreDebt *self);
/* Array of ShorePayment in date order. */
GArray                *shore_debt_get_payments   (ShoreDebt *self);
const ShoreLoanStatus *shore_debt_get_status     (ShoreDebt *self);
gint64                 shore_debt_get_id         (ShoreDebt *self);
/* Properties for binding in list rows: "lender" (string), "summary" (translated one-line
 * state: "Overdue 12 days", "Due in 3 days", "Paid off", "Next due 2026-12-15"),
 * "balance-text" (formatted owed_total), "state" (int ShoreLoanState). */

typedef struct
{
  guint  n_loans;              /* not paid off */
  guint  n_overdue;
  gint64 total_owed;
  gint64 due_this_month;
  guint  n_next;               /* up to 3 */
  struct {
    gint64 loan_id;
    GDate  date;
    gint64 amount;
    char  *lender;             /* borrowed from the loan; valid while the model lives */
  } next[3];                   /* the next three due dates across loans, soonest first */
} ShoreDebtsSummary;

/* All loans, each with its payments and status as of @today, sorted by next due date
 * (overdue first, paid off last). A GListStore of ShoreDebt. */
GListModel *shore_debts_list          (ShoreStore          *store,
                                       const GDate         *today,
                                       GError             **error);
/* The same, with @default_lead_days (>= 0) of notice deciding "due soon" for loans
 * whose reminder_lead_days is -1 (shore_debts_list uses 3). */
GListModel *shore_debts_list_full     (ShoreStore          *store,
                                       const GDate         *today,
                                       int                  default_lead_days,
                                       GError             **error);
void        shore_debts_summarize     (GListModel          *debts,
                                       ShoreDebtsSummary   *out);
ShoreLoan  *shore_debts_get           (ShoreStore          *store,
                                       gint64               loan_id,
                                       GError             **error);
/* Validates (shore_loan_validate) and inserts; sets loan->id. One transaction. */
gboolean    shore_debts_add           (ShoreStore          *store,
                                       ShoreLoan           *loan,
                                       GError             **error);
gboolean    shore_debts_update        (ShoreStore          *store,
                                       const ShoreLoan     *loan,
                                       GError             **error);
/* Deletes a loan and its payments; hands back what was deleted so Undo can restore it. */
gboolean    shore_debts_delete        (ShoreStore          *store,
                                       gint64               loan_id,
                                       ShoreLoan          **out_loan,
                                       GArray             **out_payments,
                                       GError             **error);
/* Re-inserts a deleted loan with the same id and its payments, in one transaction. */
gboolean    shore_debts_restore       (ShoreStore          *store,
                                       const ShoreLoan     *loan,
                                       GArray              *payments,
                                       GError             **error);
GArray     *shore_debts_get_payments  (ShoreStore          *store,
                                       gint64               loan_id,
                                       GError             **error);
/* amount > 0, date valid and not before the loan's start; sets payment->id. */
gboolean    shore_debts_add_payment   (ShoreStore          *store,
                                       gint64               loan_id,
                                       ShorePayment        *payment,
                                       GError             **error);
gboolean    shore_debts_delete_payment (ShoreStore         *store,
                                        gint64              payment_id,
                                        GError            **error);

G_END_DECLS
