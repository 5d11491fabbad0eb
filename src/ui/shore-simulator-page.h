/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shore-loan.h"

G_BEGIN_DECLS

#define SHORE_TYPE_SIMULATOR_PAGE (shore_simulator_page_get_type ())

G_DECLARE_FINAL_TYPE (ShoreSimulatorPage, shore_simulator_page, SHORE, SIMULATOR_PAGE, AdwBin)

/* Offers the loans of @debts (a GListModel of ShoreDebt) and follows its changes. */
void       shore_simulator_page_set_model    (ShoreSimulatorPage *self,
                                              GListModel         *debts);
/* Loads the example case (never saved) and selects it. */
void       shore_simulator_page_load_example (ShoreSimulatorPage *self);
/* The example loan as of @today: 微粒贷, 10,000 元, 0.05 % a day, 10 months of
 * equal principal, taken 2 months and 10 days before @today. */
ShoreLoan *shore_simulator_example_loan      (const GDate        *today);

void shore_simulator_page_set_budget_surplus (ShoreSimulatorPage *self,
                                              gint64              surplus,
                                              gboolean            has_budget);

G_END_DECLS
