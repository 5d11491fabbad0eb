/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shore-store.h"

G_BEGIN_DECLS

#define SHORE_TYPE_DEBTS_PAGE (shore_debts_page_get_type ())

G_DECLARE_FINAL_TYPE (ShoreDebtsPage, shore_debts_page, SHORE, DEBTS_PAGE, AdwBin)

void        shore_debts_page_set_store (ShoreDebtsPage *self,
                                        ShoreStore     *store);
/* The loans as of today (a GListStore of ShoreDebt). It stays the same object for
 * the page's life: every reload splices the new items into it, so whoever watches
 * "items-changed" (the overview) follows every change. */
GListModel *shore_debts_page_get_model (ShoreDebtsPage *self);
void        shore_debts_page_reload    (ShoreDebtsPage *self);

G_END_DECLS
