/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shore-debts.h"

G_BEGIN_DECLS

#define SHORE_TYPE_PAYMENT_DIALOG (shore_payment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ShorePaymentDialog, shore_payment_dialog, SHORE, PAYMENT_DIALOG, AdwWindow)

/* Records a payment on @debt through shore_debts_add_payment, emits "saved" and closes. */
ShorePaymentDialog *shore_payment_dialog_new (GtkWindow  *parent,
                                              ShoreStore *store,
                                              ShoreDebt  *debt);

G_END_DECLS
