/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shore-loan.h"
#include "shore-schedule.h"

G_BEGIN_DECLS

#define SHORE_APR_ERROR (shore_apr_error_quark ())

typedef enum {
  SHORE_APR_ERROR_INVALID,       /* no cash flows, nothing received, payments do not exceed … */
  SHORE_APR_ERROR_NO_SOLUTION,   /* the IRR does not converge in (-100 %, 1000 % a month) */
} ShoreAprError;

/**
 * ShoreTrueCost:
 *
 * The real cost of a loan by the PBoC announcement 〔2021〕No. 3 method:
 * cash flows are what the borrower actually receives at month 0 (principal
 * minus upfront fees) and each monthly payment. Rates are fractions
 * (0.1358 = 13.58 %): they are ratios for display, never used for money.
 */
typedef struct
{
  double monthly_irr;     /* i */
  double apr_simple;      /* 12·i */
  double apr_compound;    /* (1+i)^12 − 1 */
  gint64 received;        /* principal − upfront fee */
  gint64 total_repaid;    /* sum of payments */
  gint64 total_cost;      /* total_repaid − received */
} ShoreTrueCost;

GQuark   shore_apr_error_quark          (void);
/* Monthly IRR of: +received at month 0, −payments[k] at month k+1. Bracketed Newton/bisection, |NPV| < 0.5 fen. */
gboolean shore_apr_irr                  (gint64          received,
                                         const gint64   *payments,
                                         guint           n_payments,
                                         double         *monthly_irr,
                                         GError        **error);
/* From a loan's terms (its computed schedule, its upfront fee, its monthly fee rate). */
gboolean shore_apr_for_loan             (const ShoreLoan *loan,
                                         ShoreTrueCost   *out,
                                         GError         **error);
/* "Pay X a month for N months on a principal of P, minus a fee F up front". */
gboolean shore_apr_for_payment          (gint64          principal,
                                         int             term_months,
                                         gint64          payment,
                                         gint64          upfront_fee,
                                         ShoreTrueCost  *out,
                                         GError        **error);
/* A fraction as a percentage string with @decimals places, half-up: 0.128 → "12.80". */
char    *shore_apr_format_percent       (double          fraction,
                                         guint           decimals);

G_END_DECLS
