/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shore-loan.h"
#include "shore-overdue.h"

G_BEGIN_DECLS

/**
 * SHORE_SCENARIO_ERROR:
 *
 * The error domain of the scenario functions. Errors of the loan and of the
 * overdue model come in %SHORE_LOAN_ERROR and %SHORE_OVERDUE_ERROR.
 */
#define SHORE_SCENARIO_ERROR (shore_scenario_error_quark ())

/**
 * ShoreScenarioError:
 * @SHORE_SCENARIO_ERROR_INVALID: a negotiated term is out of range
 *   (term, discount or fee); the message names it
 * @SHORE_SCENARIO_ERROR_OVERFLOW: the amounts do not fit in 64-bit fen
 *
 * Error codes in %SHORE_SCENARIO_ERROR; every message is translated.
 */
typedef enum {
  SHORE_SCENARIO_ERROR_INVALID,
  SHORE_SCENARIO_ERROR_OVERFLOW,
} ShoreScenarioError;

/**
 * ShoreNegotiation:
 * @term_months: the new term, 1 … %SHORE_LOAN_TERM_MAX
 * @interest_stops: %TRUE when the lender stops all interest (停息挂账);
 *   %FALSE to keep the loan's rate on the declining balance
 * @fee: a one-off fee, fen, ≥ 0, spread over the term
 * @discount_bp: a settlement discount on the principal, in hundredths of a
 *   percent: 0 … 10000 (10000 = 100 %)
 *
 * What a borrower may agree with the lender.
 */
typedef struct
{
  int      term_months;
  gboolean interest_stops;
  gint64   fee;
  int      discount_bp;
} ShoreNegotiation;

/**
 * ShoreScenario:
 * @total: everything paid under the scenario, fen
 * @now: what is paid at once, fen (the overdue total for “pay now”,
 *   0 for the others)
 * @monthly: the regular monthly payment, fen; 0 when there is none
 * @last_payment: the final monthly payment (it takes the rounding
 *   remainder); equals @monthly for a single month; 0 when there is none
 * @months: the number of monthly payments
 * @base: “negotiate” only: the principal the plan starts from, before the
 *   discount (overdue principal plus principal not yet due); 0 otherwise
 * @discount: “negotiate” only: the discount taken off @base
 * @worst_status: the worst mark of the credit report's 24-month line on the
 *   scenario's date: 'N' or '1' … '7'
 * @credit_status: that line, as in #ShoreOverdueResult
 *
 * The outcome of one way out of an overdue loan.
 */
typedef struct
{
  gint64 total;
  gint64 now;
  gint64 monthly;
  gint64 last_payment;
  int    months;
  gint64 base;
  gint64 discount;
  char   worst_status;
  char   credit_status[SHORE_OVERDUE_STATUS_MONTHS + 1];
} ShoreScenario;

GQuark   shore_scenario_error_quark    (void);

gboolean shore_scenario_pay_now        (const ShoreLoan        *loan,
                                        int                     missed_from,
                                        const GDate            *today,
                                        ShoreScenario          *out,
                                        GError                **error);
gboolean shore_scenario_keep_waiting   (const ShoreLoan        *loan,
                                        int                     missed_from,
                                        const GDate            *today,
                                        int                     horizon_days,
                                        ShoreScenario          *out,
                                        GError                **error);
gboolean shore_scenario_negotiate      (const ShoreLoan        *loan,
                                        int                     missed_from,
                                        const GDate            *today,
                                        const ShoreNegotiation *terms,
                                        ShoreScenario          *out,
                                        GError                **error);

gboolean shore_scenario_pay_now_series    (const ShoreLoan           *loan,
                                           const ShoreOverdueOptions *options,
                                           const GDate               *from,
                                           int                        n_days,
                                           gint64                    *out,
                                           GError                   **error);
gboolean shore_scenario_negotiate_series  (const ShoreLoan           *loan,
                                           const ShoreOverdueOptions *options,
                                           const GDate               *from,
                                           int                        n_days,
                                           const ShoreNegotiation    *terms,
                                           gint64                    *out,
                                           GError                   **error);

void     shore_scenario_split          (gint64                  total,
                                        int                     months,
                                        gint64                 *out_monthly,
                                        gint64                 *out_last);
char     shore_scenario_worst_status   (const char             *credit_status);

/* In the thread's language: “¥1,234.00 today, then 3 payments as scheduled”
 * for “pay now”, and “¥500.00 a month for 12 months” for its @monthly. */
char    *shore_scenario_describe_pay_now (const ShoreScenario  *now) G_GNUC_WARN_UNUSED_RESULT;
char    *shore_scenario_describe_monthly (const ShoreScenario  *scenario) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
