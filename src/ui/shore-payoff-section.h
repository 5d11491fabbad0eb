/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SHORE_TYPE_PAYOFF_SECTION (shore_payoff_section_get_type ())

G_DECLARE_FINAL_TYPE (ShorePayoffSection, shore_payoff_section, SHORE, PAYOFF_SECTION, AdwBin)

/* Plans paying off every loan of @debts (a GListModel of ShoreDebt) not yet
 * paid off, and follows its changes. */
void shore_payoff_section_set_model (ShorePayoffSection *self,
                                     GListModel         *debts);

void shore_payoff_section_set_budget_surplus (ShorePayoffSection *self,
                                              gint64              surplus,
                                              gboolean            has_budget);

G_END_DECLS
