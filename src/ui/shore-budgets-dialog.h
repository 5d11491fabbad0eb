/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shore-store.h"

G_BEGIN_DECLS

#define SHORE_TYPE_BUDGETS_DIALOG (shore_budgets_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ShoreBudgetsDialog, shore_budgets_dialog, SHORE, BUDGETS_DIALOG, AdwWindow)

/* Sets the overall monthly budget and one per expense category, for
 * @year-@month only or for every month. Emits "saved" and closes. */
ShoreBudgetsDialog *shore_budgets_dialog_new (GtkWindow  *parent,
                                              ShoreStore *store,
                                              int         year,
                                              int         month);

G_END_DECLS
