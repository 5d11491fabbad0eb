/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shore-debts.h"

G_BEGIN_DECLS

#define SHORE_TYPE_LOAN_VIEW (shore_loan_view_get_type ())

G_DECLARE_FINAL_TYPE (ShoreLoanView, shore_loan_view, SHORE, LOAN_VIEW, AdwBin)

/* Its buttons activate the debts page's actions (debts.back, debts.record-payment,
 * debts.edit-loan, debts.delete-loan, debts.delete-payment), so it lives inside a
 * ShoreDebtsPage. */
void       shore_loan_view_set_debt (ShoreLoanView *self,
                                     ShoreDebt     *debt);
ShoreDebt *shore_loan_view_get_debt (ShoreLoanView *self);

G_END_DECLS
