/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shore-rate.h"

G_BEGIN_DECLS

#define SHORE_LOAN_ERROR (shore_loan_error_quark ())

typedef enum {
  SHORE_LOAN_ERROR_INVALID,      /* a term is out of range; the message names it */
  SHORE_LOAN_ERROR_OVERFLOW,     /* amounts beyond what int64 fen can hold */
} ShoreLoanError;

typedef enum {
  SHORE_LENDER_BANK,
  SHORE_LENDER_CONSUMER_FINANCE,
  SHORE_LENDER_MICROLENDER,
  SHORE_LENDER_PLATFORM,
  SHORE_LENDER_PRIVATE,
  SHORE_LENDER_CREDIT_CARD,
} ShoreLenderType;

typedef enum {
  SHORE_METHOD_EQUAL_INSTALLMENT,   /* 等额本息 */
  SHORE_METHOD_EQUAL_PRINCIPAL,     /* 等额本金 */
  SHORE_METHOD_INTEREST_FIRST,      /* 先息后本 */
  SHORE_METHOD_BULLET,              /* 到期还本付息 */
} ShoreRepaymentMethod;

/* Limits every entry point enforces (dialogs, command line, store). */
#define SHORE_LOAN_TERM_MAX 600

/**
 * ShoreLoan:
 *
 * The terms of one loan, as the borrower entered them. A plain value type:
 * copy with shore_loan_copy(), free with shore_loan_free().
 *
 * Interest: @rate is the quoted interest rate (daily, monthly or annual).
 * A loan quoted as a monthly fee rate (月费率: a fee on the ORIGINAL principal
 * every month) has @has_monthly_fee_rate set; its @rate is then usually 0 and
 * the fee is charged on top of any interest.
 */
typedef struct
{
  gint64               id;                  /* 0 until stored */
  char                *lender;              /* never NULL once valid */
  ShoreLenderType      lender_type;
  gint64               principal;           /* fen, > 0 */
  ShoreRate            rate;
  gboolean             has_monthly_fee_rate;
  ShoreRate            monthly_fee_rate;
  gint64               upfront_fee;         /* fen, >= 0, < principal: deducted when the money is paid out */
  int                  term_months;         /* 1 … SHORE_LOAN_TERM_MAX */
  ShoreRepaymentMethod method;
  GDate                start_date;          /* the day the money was received; dues fall on its day of month */

  /* The overdue model (DESIGN.md); defaults from shore_loan_init(). */
  int                  penalty_markup_bp;   /* 5000 = +50 % */
  int                  grace_days;          /* 1 */
  gboolean             compound;            /* TRUE */
  gboolean             has_late_fee;
  ShoreRate            late_fee_daily;      /* daily rate on (principal_i + interest_i) */
  int                  accelerate_after_days; /* 0 = never */
  int                  reminder_lead_days;  /* -1 = the app's setting */
  char                *note;
} ShoreLoan;

GQuark       shore_loan_error_quark          (void);
/* Fills defaults: lender "", platform, method equal-installment, start today, overdue defaults. */
void         shore_loan_init                 (ShoreLoan         *loan);
void         shore_loan_clear                (ShoreLoan         *loan);
ShoreLoan   *shore_loan_new                  (void);
ShoreLoan   *shore_loan_copy                 (const ShoreLoan   *loan);
void         shore_loan_free                 (ShoreLoan         *loan);
/* Every rule of issue #3's "bad input": lender non-empty, principal > 0, 1 ≤ term ≤ 600,
 * rate ≥ 0 and ≤ 1000 % a year, fee < principal, valid start date, and the schedule's
 * totals fit in int64. The GError message is translated and names the field. */
gboolean     shore_loan_validate             (const ShoreLoan   *loan,
                                              GError           **error);

const char  *shore_lender_type_to_string     (ShoreLenderType    type);   /* "bank", "consumer-finance", … */
gboolean     shore_lender_type_from_string   (const char        *text,
                                              ShoreLenderType   *out);
const char  *shore_lender_type_get_label     (ShoreLenderType    type);   /* translated, for people */
const char  *shore_method_to_string          (ShoreRepaymentMethod method); /* "equal-installment", … */
gboolean     shore_method_from_string        (const char        *text,
                                              ShoreRepaymentMethod *out);
const char  *shore_method_get_label          (ShoreRepaymentMethod method); /* translated: "Equal installments (等额本息)" */

/* Strict ISO date "YYYY-MM-DD" that exists (2026-02-30 is rejected), translated error. */
gboolean     shore_date_parse                (const char        *text,
                                              GDate             *out,
                                              GError           **error);
char        *shore_date_format_iso           (const GDate       *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoreLoan, shore_loan_free)

G_END_DECLS
