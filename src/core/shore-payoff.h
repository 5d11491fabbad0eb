/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shore-loan.h"
#include "shore-rate.h"
#include "shore-schedule.h"

G_BEGIN_DECLS

#define SHORE_PAYOFF_ERROR (shore_payoff_error_quark ())

typedef enum {
  SHORE_PAYOFF_ERROR_INVALID,   /* a negative amount, a bad rate, no start month */
  SHORE_PAYOFF_ERROR_NEVER,     /* not paid off within SHORE_PAYOFF_MONTHS_MAX months */
} ShorePayoffError;

/* The plan gives up after 50 years. */
#define SHORE_PAYOFF_MONTHS_MAX 600

typedef enum {
  SHORE_PAYOFF_AVALANCHE,       /* highest real annual rate first */
  SHORE_PAYOFF_SNOWBALL,        /* smallest balance first */
  SHORE_PAYOFF_OVERDUE_FIRST,   /* overdue loans first, most days overdue first; then avalanche */
} ShorePayoffStrategy;

#define SHORE_PAYOFF_N_STRATEGIES 3

/**
 * ShorePayoffDebt:
 *
 * One debt as the planner sees it. All money in fen.
 *
 * Each month the planner adds `round (balance × rate per month)` plus
 * @monthly_fee to the balance, then pays @minimum (in the first month
 * @minimum + @overdue), never more than the balance; what is left of the
 * budget goes to the debts in the strategy's order.
 */
typedef struct
{
  gint64      id;             /* the loan's id, or its 1-based position */
  const char *label;          /* borrowed; may be NULL */
  gint64      balance;        /* what is owed and bears interest, ≥ 0 (0: ignored) */
  ShoreRate   rate;           /* periodic interest, applied monthly */
  gint64      monthly_fee;    /* a 月费率 fee charged every month a balance remains, ≥ 0 */
  double      real_rate;      /* the real annual rate, a fraction: for ordering only */
  gint64      minimum;        /* the regular payment of a month, ≥ 0 */
  gint64      overdue;        /* past due now: payable in month 1 on top of @minimum, ≥ 0 */
  int         days_overdue;   /* 0 when not overdue */
} ShorePayoffDebt;

/**
 * ShorePayoffPlan:
 *
 * A month-by-month plan. When the budget does not cover the first month's
 * minimum payments, @shortfall is what is missing, @months is 0 and the
 * plan is empty. Use the accessors for the per-month figures.
 */
typedef struct
{
  ShorePayoffStrategy strategy;
  guint   n_debts;
  int     months;             /* 0 when nothing is owed, or on a shortfall */
  GDate   debt_free_date;     /* the date of the last month; invalid when months == 0 */
  gint64  total_interest;     /* interest and fees added over the plan */
  gint64  total_paid;         /* = the initial balances + total_interest */
  gint64  shortfall;          /* the first month's minimums − the budget, or 0 */
  gint64  first_minimums;     /* what the first month's minimum payments add up to */
  /*< private >*/
  GArray *dates;              /* of GDate, one per month */
  GArray *payments;           /* months × n_debts gint64 */
  GArray *interest;           /* months × n_debts gint64 */
  GArray *balances;           /* months × n_debts gint64, after the month's payments */
  int    *paid_off_month;     /* n_debts; 0 = never owed anything */
} ShorePayoffPlan;

GQuark           shore_payoff_error_quark        (void);

ShorePayoffPlan *shore_payoff_plan_compute       (const ShorePayoffDebt *debts,
                                                  guint                  n_debts,
                                                  gint64                 budget,
                                                  ShorePayoffStrategy    strategy,
                                                  const GDate           *start,
                                                  GError               **error);
/* Runs every strategy; fills @out[SHORE_PAYOFF_N_STRATEGIES] in enum order, or nothing on failure. */
gboolean         shore_payoff_compare            (const ShorePayoffDebt *debts,
                                                  guint                  n_debts,
                                                  gint64                 budget,
                                                  const GDate           *start,
                                                  ShorePayoffPlan      **out,
                                                  GError               **error);
void             shore_payoff_plan_free          (ShorePayoffPlan       *plan);

/* @month is 1-based, @debt the index into the debts given. */
gint64           shore_payoff_plan_get_payment   (const ShorePayoffPlan *plan,
                                                  int                    month,
                                                  guint                  debt);
gint64           shore_payoff_plan_get_interest  (const ShorePayoffPlan *plan,
                                                  int                    month,
                                                  guint                  debt);
gint64           shore_payoff_plan_get_balance   (const ShorePayoffPlan *plan,
                                                  int                    month,
                                                  guint                  debt);
const GDate     *shore_payoff_plan_get_date      (const ShorePayoffPlan *plan,
                                                  int                    month);
/* The month in which @debt is cleared; 0 if it owed nothing. */
int              shore_payoff_plan_get_paid_off_month (const ShorePayoffPlan *plan,
                                                       guint                  debt);

/* The debt a loan is on @as_of, after @payments: balance = principal still
 * owed + interest of past-due installments not paid; minimum = the next
 * installment not yet due (interest only for interest-first and bullet
 * loans); overdue = what is past due. Sets id and label from @loan (label
 * borrowed). A paid-off loan gives a balance of 0. */
gboolean         shore_payoff_debt_from_loan     (const ShoreLoan       *loan,
                                                  const ShorePayment    *payments,
                                                  guint                  n_payments,
                                                  const GDate           *as_of,
                                                  ShorePayoffDebt       *out,
                                                  GError               **error);

const char      *shore_payoff_strategy_to_string   (ShorePayoffStrategy  strategy); /* "avalanche", … */
gboolean         shore_payoff_strategy_from_string (const char          *text,
                                                    ShorePayoffStrategy *out);
const char      *shore_payoff_strategy_get_label   (ShorePayoffStrategy  strategy); /* translated */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShorePayoffPlan, shore_payoff_plan_free)

G_END_DECLS
