/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shore-store.h"

G_BEGIN_DECLS

#define SHORE_TYPE_LEDGER_SETTINGS (shore_ledger_settings_get_type ())

G_DECLARE_FINAL_TYPE (ShoreLedgerSettings, shore_ledger_settings, SHORE, LEDGER_SETTINGS, AdwPreferencesWindow)

/* Accounts (with balances; add, rename, change kind, remove) and categories
 * (add, rename, icon, archive with Undo). Emits "changed" after every write. */
ShoreLedgerSettings *shore_ledger_settings_new (GtkWindow  *parent,
                                                ShoreStore *store);

G_END_DECLS
