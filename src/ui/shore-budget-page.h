/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shore-store.h"

G_BEGIN_DECLS

#define SHORE_TYPE_BUDGET_PAGE (shore_budget_page_get_type ())

G_DECLARE_FINAL_TYPE (ShoreBudgetPage, shore_budget_page, SHORE, BUDGET_PAGE, AdwBin)

/* The Budget page: a month (summary, budgets, what is coming up, reports) and
 * the ledger's transactions. Its actions (budget.add-transaction,
 * budget.import-bill, budget.export-transactions, …) back the window's. */
void        shore_budget_page_set_store (ShoreBudgetPage *self,
                                         ShoreStore      *store);
/* Reads everything again from the store: after a write made elsewhere. */
void        shore_budget_page_reload    (ShoreBudgetPage *self);
/* The month shown; @month is 1…12. */
void        shore_budget_page_set_month (ShoreBudgetPage *self,
                                         int              year,
                                         int              month);

G_END_DECLS
