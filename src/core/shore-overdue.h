/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shore-loan.h"

G_BEGIN_DECLS

/**
 * SHORE_OVERDUE_ERROR:
 *
 * The error domain of shore_overdue_compute() and shore_overdue_series().
 * Errors about the loan itself come in %SHORE_LOAN_ERROR.
 */
#define SHORE_OVERDUE_ERROR (shore_overdue_error_quark ())

/**
 * ShoreOverdueError:
 * @SHORE_OVERDUE_ERROR_DATE: the as-of date (or the series' first day) is
 *   invalid or before the loan's start date
 * @SHORE_OVERDUE_ERROR_MISSED_FROM: the first missed installment is not
 *   between 1 and the term
 * @SHORE_OVERDUE_ERROR_RANGE: the series length is out of range
 * @SHORE_OVERDUE_ERROR_OVERFLOW: the charges do not fit in 64-bit fen
 *
 * Error codes in %SHORE_OVERDUE_ERROR; every message is translated.
 */
typedef enum {
  SHORE_OVERDUE_ERROR_DATE,
  SHORE_OVERDUE_ERROR_MISSED_FROM,
  SHORE_OVERDUE_ERROR_RANGE,
  SHORE_OVERDUE_ERROR_OVERFLOW,
} ShoreOverdueError;

/**
 * SHORE_OVERDUE_SERIES_MAX_DAYS:
 *
 * The longest series shore_overdue_series() computes (ten years).
 */
#define SHORE_OVERDUE_SERIES_MAX_DAYS 3653

/**
 * ShoreOverdueStage:
 * @SHORE_OVERDUE_STAGE_NONE: nothing is past due
 * @SHORE_OVERDUE_STAGE_GRACE: past due, but within the loan's grace days
 * @SHORE_OVERDUE_STAGE_M1: 1–30 days overdue (after the grace days)
 * @SHORE_OVERDUE_STAGE_M2: 31–60 days
 * @SHORE_OVERDUE_STAGE_M3: 61–90 days
 * @SHORE_OVERDUE_STAGE_M4_PLUS: more than 90 days
 *
 * The industry's collection buckets (legal-facts §6: practice, not law),
 * from the days overdue of the oldest unpaid installment.
 */
typedef enum {
  SHORE_OVERDUE_STAGE_NONE,
  SHORE_OVERDUE_STAGE_GRACE,
  SHORE_OVERDUE_STAGE_M1,
  SHORE_OVERDUE_STAGE_M2,
  SHORE_OVERDUE_STAGE_M3,
  SHORE_OVERDUE_STAGE_M4_PLUS,
} ShoreOverdueStage;

/**
 * ShoreOverdueBasis:
 * @SHORE_OVERDUE_BASIS_LAW: a rule of law; the milestone has a citation
 * @SHORE_OVERDUE_BASIS_PRACTICE: what lenders typically do; not law, no citation
 * @SHORE_OVERDUE_BASIS_CONTRACT: follows from the loan's own terms
 *
 * Why a milestone happens.
 */
typedef enum {
  SHORE_OVERDUE_BASIS_LAW,
  SHORE_OVERDUE_BASIS_PRACTICE,
  SHORE_OVERDUE_BASIS_CONTRACT,
} ShoreOverdueBasis;

/**
 * ShoreMilestoneKind:
 * @SHORE_MILESTONE_PENALTY_STARTS: the grace days are over; penalty
 *   interest is charged, counted from the due date (contract)
 * @SHORE_MILESTONE_CREDIT_NOTICE: from now on the missed payment may be
 *   reported; the lender must tell you first (law)
 * @SHORE_MILESTONE_M1: the M1 bucket begins (practice)
 * @SHORE_MILESTONE_M2: the M2 bucket begins, day 31 (practice)
 * @SHORE_MILESTONE_M3: the M3 bucket begins, day 61 (practice)
 * @SHORE_MILESTONE_ACCELERATION: the remaining principal becomes due (contract)
 * @SHORE_MILESTONE_OUTSOURCED_COLLECTION: typical hand-over to an outside
 *   agency, day 91 (practice)
 * @SHORE_MILESTONE_LAWSUIT_RISK: a lawsuit becomes a real risk, day 91 (practice)
 * @SHORE_MILESTONE_LIMITATION: the three-year limitation period runs out
 *   unless interrupted (law)
 * @SHORE_MILESTONE_RECORD_KEPT: if everything were repaid on the as-of
 *   date, the negative record would be kept until this date (law)
 *
 * The kinds of #ShoreOverdueMilestone, in their order on a shared date.
 */
typedef enum {
  SHORE_MILESTONE_PENALTY_STARTS,
  SHORE_MILESTONE_CREDIT_NOTICE,
  SHORE_MILESTONE_M1,
  SHORE_MILESTONE_M2,
  SHORE_MILESTONE_M3,
  SHORE_MILESTONE_ACCELERATION,
  SHORE_MILESTONE_OUTSOURCED_COLLECTION,
  SHORE_MILESTONE_LAWSUIT_RISK,
  SHORE_MILESTONE_LIMITATION,
  SHORE_MILESTONE_RECORD_KEPT,
} ShoreMilestoneKind;

/**
 * ShoreOverdueMilestone:
 * @date: when it happens
 * @day: days after the first missed due date (@date minus that date)
 * @kind: what happens
 * @basis: law, typical practice or the loan's terms
 * @text: translated, one or two sentences; says plainly whether it is law
 *   or practice
 * @citation: (nullable): translated citation when @basis is
 *   %SHORE_OVERDUE_BASIS_LAW, %NULL otherwise
 *
 * One dated consequence of not paying. The strings are static.
 */
typedef struct
{
  GDate              date;
  int                day;
  ShoreMilestoneKind kind;
  ShoreOverdueBasis  basis;
  const char        *text;
  const char        *citation;
} ShoreOverdueMilestone;

/**
 * ShoreOverdueOptions:
 * @missed_from: K, 1-based: installments before K were paid on time,
 *   installments K … term are all unpaid
 * @as_of: the day to compute the situation on
 *
 * The scenario. The overdue terms (markup, grace, compounding, late fee,
 * acceleration) come from the #ShoreLoan.
 */
typedef struct
{
  int   missed_from;
  GDate as_of;
} ShoreOverdueOptions;

/**
 * SHORE_OVERDUE_STATUS_MONTHS:
 *
 * The length of the credit report's repayment status line.
 */
#define SHORE_OVERDUE_STATUS_MONTHS 24

/**
 * ShoreOverdueResult:
 * @as_of: the as-of date
 * @days_overdue: as-of minus the due date of the oldest unpaid installment
 *   past due; 0 when none is past due
 * @overdue_installments: unpaid installments past due, accelerated ones included
 * @overdue_principal: their principal, fen
 * @overdue_interest: their scheduled interest (the fee for a 月费率 loan), fen;
 *   accelerated installments contribute none
 * @penalty_interest: 罚息 on the overdue principal, fen
 * @compound_interest: 复利 on the overdue interest, fen (0 when the loan
 *   does not compound)
 * @late_fees: the daily late fee (0 when the loan has none), fen
 * @total_overdue: the sum of the six amounts above
 * @stage: the collection bucket
 * @accelerated: %TRUE when acceleration has happened by @as_of
 * @acceleration_date: that day; invalid when the loan has no acceleration
 *   term or it would change nothing
 * @credit_status: 24 characters and a NUL, oldest month first, the last one
 *   the as-of month: '*' before the loan's start month, 'N' normal (grace
 *   days included), '1'…'7' for the months overdue at the month's end
 *   (or the as-of date): 1–30 days '1', 31–60 '2', … 151–180 '6', more '7'
 * @milestones: (element-type ShoreOverdueMilestone): sorted by date, then kind
 *
 * The situation on @as_of, see shore_overdue_compute().
 * Free with shore_overdue_result_free().
 */
typedef struct
{
  GDate             as_of;
  int               days_overdue;
  int               overdue_installments;
  gint64            overdue_principal;
  gint64            overdue_interest;
  gint64            penalty_interest;
  gint64            compound_interest;
  gint64            late_fees;
  gint64            total_overdue;
  ShoreOverdueStage stage;
  gboolean          accelerated;
  GDate             acceleration_date;
  char              credit_status[SHORE_OVERDUE_STATUS_MONTHS + 1];
  GArray           *milestones;
} ShoreOverdueResult;

/**
 * ShoreOverdueSeries:
 * @n_days: the number of days
 * @from: the first day
 * @principal: (array length=n_days): overdue principal on each day
 * @interest: (array length=n_days): overdue scheduled interest
 * @penalty: (array length=n_days): penalty interest
 * @compound: (array length=n_days): compound interest
 * @fees: (array length=n_days): late fees
 * @total: (array length=n_days): the sum of the five
 *
 * Day-by-day amounts for a chart: day j is @from + j, and each entry equals
 * the matching field of shore_overdue_compute() as of that day.
 * Free with shore_overdue_series_free().
 */
typedef struct
{
  int     n_days;
  GDate   from;
  gint64 *principal;
  gint64 *interest;
  gint64 *penalty;
  gint64 *compound;
  gint64 *fees;
  gint64 *total;
} ShoreOverdueSeries;

GQuark      shore_overdue_error_quark        (void);

gboolean    shore_overdue_compute            (const ShoreLoan           *loan,
                                              const ShoreOverdueOptions *options,
                                              ShoreOverdueResult       **out,
                                              GError                   **error);
void        shore_overdue_result_free        (ShoreOverdueResult        *result);

gboolean    shore_overdue_series             (const ShoreLoan           *loan,
                                              const ShoreOverdueOptions *options,
                                              const GDate               *from,
                                              int                        n_days,
                                              ShoreOverdueSeries       **out,
                                              GError                   **error);
void        shore_overdue_series_free        (ShoreOverdueSeries        *series);

ShoreOverdueStage shore_overdue_stage_for_days (int days_overdue,
                                                int grace_days);

const char *shore_overdue_stage_to_string    (ShoreOverdueStage          stage);   /* "none", "grace", "m1", … "m4+" */
const char *shore_overdue_stage_get_label    (ShoreOverdueStage          stage);   /* translated */
const char *shore_overdue_basis_to_string    (ShoreOverdueBasis          basis);   /* "law", "practice", "contract" */
const char *shore_overdue_basis_get_label    (ShoreOverdueBasis          basis);   /* translated */
const char *shore_milestone_kind_to_string   (ShoreMilestoneKind         kind);    /* "penalty-starts", … */
char       *shore_overdue_describe_credit_mark (char                     mark) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoreOverdueResult, shore_overdue_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoreOverdueSeries, shore_overdue_series_free)

G_END_DECLS
