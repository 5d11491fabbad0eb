/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shore-chart.h"
#include "../shore-overdue.h"
#include "../shore-scenario.h"

G_BEGIN_DECLS

/* The chart of an overdue loan, day by day, built the same way for the
 * Simulator page and for the printed handout, so that screen and paper
 * show the same thing. */

void        shore_overdue_chart_range         (const ShoreLoan           *loan,
                                               const ShoreOverdueOptions *options,
                                               int                        horizon_days,
                                               GDate                     *out_from,
                                               int                       *out_n_days);
const char *shore_overdue_chart_marker_label  (ShoreMilestoneKind         kind);
ShoreChart *shore_overdue_chart_new           (const ShoreLoan           *loan,
                                               const ShoreOverdueOptions *options,
                                               const GDate               *from,
                                               int                        n_days,
                                               const ShoreNegotiation    *terms,
                                               GError                   **error);

G_END_DECLS
