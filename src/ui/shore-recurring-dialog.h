/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shore-ledger.h"

G_BEGIN_DECLS

#define SHORE_TYPE_RECURRING_DIALOG (shore_recurring_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ShoreRecurringDialog, shore_recurring_dialog, SHORE, RECURRING_DIALOG, AdwWindow)

/* Adds a recurring item (@item NULL) or edits @item: income, spending or a
 * repayment to a loan, each month on a day. Emits "saved" (gint64 id) and
 * closes; when editing, Delete emits "deleted" (a const ShoreRecurring *
 * of what was deleted, valid during the emission) for an Undo. */
ShoreRecurringDialog *shore_recurring_dialog_new (GtkWindow            *parent,
                                                  ShoreStore           *store,
                                                  const ShoreRecurring *item);

G_END_DECLS
