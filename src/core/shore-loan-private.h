/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shore-loan.h"

G_BEGIN_DECLS

/* Every rule of shore_loan_validate() except the one that needs the
 * schedule (its totals fit in int64). shore_schedule_compute() calls this
 * first, shore_loan_validate() calls it and then computes the schedule.
 */
gboolean shore_loan_validate_terms (const ShoreLoan *loan,
                                    GError         **error);

/* The message for SHORE_LOAN_ERROR_OVERFLOW, shared by loan, schedule and apr. */
void     shore_loan_set_overflow_error (GError **error);

G_END_DECLS
