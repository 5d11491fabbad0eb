/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shore-ledger.h"

G_BEGIN_DECLS

#define SHORE_TYPE_OVERVIEW_PAGE (shore_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (ShoreOverviewPage, shore_overview_page, SHORE, OVERVIEW_PAGE, AdwBin)

/* Shows the summary of @debts (a GListModel of ShoreDebt) and follows its changes. */
void shore_overview_page_set_model (ShoreOverviewPage *self,
                                    GListModel        *debts);

void shore_overview_page_set_month (ShoreOverviewPage       *self,
                                    const ShoreMonthSummary *summary);

/* Reminders not sent as notifications, shown at the top of the page. Signal:
 * "reminders-dismissed" () when the user dismisses them. */
void     shore_overview_page_set_reminders       (ShoreOverviewPage  *self,
                                                  const char * const *titles);
gboolean shore_overview_page_get_reminders_shown (ShoreOverviewPage  *self);

G_END_DECLS
