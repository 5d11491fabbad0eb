/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shore-store.h"

G_BEGIN_DECLS

#define SHORE_TYPE_TRANSACTION_DIALOG (shore_transaction_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ShoreTransactionDialog, shore_transaction_dialog, SHORE, TRANSACTION_DIALOG, AdwWindow)

/* Adds a transaction (@transaction_id 0) or edits the stored one: spending,
 * income or a transfer between two accounts. Saves through the ledger, emits
 * "saved" (gint64 id) and closes; on bad input it stays open and shows why. */
ShoreTransactionDialog *shore_transaction_dialog_new (GtkWindow  *parent,
                                                      ShoreStore *store,
                                                      gint64      transaction_id);

G_END_DECLS
