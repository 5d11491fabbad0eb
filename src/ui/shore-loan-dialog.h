/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shore-loan.h"
#include "shore-store.h"

G_BEGIN_DECLS

#define SHORE_TYPE_LOAN_DIALOG (shore_loan_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ShoreLoanDialog, shore_loan_dialog, SHORE, LOAN_DIALOG, AdwWindow)

/* Adds a loan (@loan NULL) or edits @loan. Saves through shore_debts_add/update,
 * emits "saved" (gint64 loan id) and closes; on bad input it stays open, shows
 * the reason and saves nothing. */
ShoreLoanDialog *shore_loan_dialog_new (GtkWindow       *parent,
                                        ShoreStore      *store,
                                        const ShoreLoan *loan);

/* The same form for a loan that is only simulated (@loan, if given, prefills it):
 * nothing is stored; on valid input it emits "loan-ready" (a const ShoreLoan *,
 * valid during the emission) and closes; on bad input it stays open. */
ShoreLoanDialog *shore_loan_dialog_new_for_simulation (GtkWindow       *parent,
                                                       const ShoreLoan *loan);

/* A rate as typed in a rate field beside a period chooser: "0.05", "0.05%", or a
 * whole quote such as "日利率0.05%" (its own period wins). Translated errors. */
gboolean shore_loan_dialog_parse_rate (const char      *text,
                                       ShoreRatePeriod  period,
                                       ShoreRate       *out,
                                       GError         **error);

G_END_DECLS
