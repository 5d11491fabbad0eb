/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shore-loan.h"

G_BEGIN_DECLS

/* One row of a repayment schedule. For a 月费率 loan, @interest holds the fee. */
typedef struct
{
  int    period;      /* 1-based */
  GDate  due_date;
  gint64 payment;     /* principal + interest */
  gint64 principal;
  gint64 interest;
  gint64 balance;     /* principal outstanding after this payment */
} ShoreInstallment;

typedef struct
{
  GArray *installments;    /* of ShoreInstallment */
  gint64  total_payment;
  gint64  total_interest;
} ShoreSchedule;

/* Due date of @period (1-based): start + period months, on the start's day of
 * month clamped to the month's last day (Jan 31 → Feb 28/29 → Mar 31). */
void           shore_schedule_due_date   (const GDate     *start,
                                          int              period,
                                          GDate           *out);
/* The contractual schedule, exactly per DESIGN.md (rounding and last period). */
ShoreSchedule *shore_schedule_compute    (const ShoreLoan *loan,
                                          GError         **error);
void           shore_schedule_free       (ShoreSchedule   *schedule);

/* A payment the borrower made. */
typedef struct
{
  gint64 id;        /* 0 until stored */
  GDate  date;
  gint64 amount;    /* fen, > 0 */
} ShorePayment;

typedef enum {
  SHORE_LOAN_STATE_CURRENT,     /* nothing due within the lead days */
  SHORE_LOAN_STATE_DUE_SOON,    /* an installment is due in days_until_due days (0 = today) */
  SHORE_LOAN_STATE_OVERDUE,     /* an installment is unpaid past its due date */
  SHORE_LOAN_STATE_PAID_OFF,
} ShoreLoanState;

/**
 * ShoreLoanStatus:
 *
 * Where a loan stands on a given day, after the payments recorded.
 * Payments are applied in date order, each to the oldest unpaid installment,
 * interest before principal. Money paid beyond what is due on that day repays
 * principal early; from then on interest runs only on the principal still in
 * use (民法典 第677条), and the remaining installments are recomputed on the
 * reduced balance over the remaining periods (same method, same due dates).
 */
typedef struct
{
  ShoreLoanState state;
  gint64 paid_total;
  gint64 principal_remaining;     /* principal still owed */
  gint64 owed_total;              /* principal_remaining + interest of the remaining (recomputed) installments */
  gint64 next_due_amount;         /* what is still unpaid of the next unpaid installment; 0 when paid off */
  GDate  next_due_date;           /* invalid (g_date_valid() == FALSE) when paid off */
  int    next_period;
  int    days_until_due;          /* next_due_date − today; negative when overdue */
  int    days_overdue;            /* of the oldest unpaid installment; 0 if none */
  int    overdue_installments;
  gint64 overdue_amount;          /* unpaid principal + interest of installments past due */
  gint64 due_this_month;          /* unpaid amount of installments due in today's calendar month (overdue ones included) */
} ShoreLoanStatus;

/* The schedule as it now stands, after payments (early repayment recomputed). */
ShoreSchedule *shore_schedule_with_payments (const ShoreLoan    *loan,
                                             const ShorePayment *payments,
                                             guint               n_payments,
                                             GError            **error);
gboolean       shore_loan_status_compute    (const ShoreLoan    *loan,
                                             const ShorePayment *payments,
                                             guint               n_payments,
                                             const GDate        *today,
                                             int                 due_soon_days,
                                             ShoreLoanStatus    *out,
                                             GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoreSchedule, shore_schedule_free)

G_END_DECLS
