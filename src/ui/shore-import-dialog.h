/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shore-store.h"

G_BEGIN_DECLS

/* Import a WeChat Pay, Alipay or other CSV bill: choose the file (or take the one given),
 * parse it in a thread with a progress bar and Cancel, map the columns of a generic CSV,
 * preview (counts, totals, dates, duplicates, the account, the first rows), then write it
 * in one transaction. Emits "imported" (gint64 import_id, guint n_transactions) when rows
 * were written; the caller refreshes and offers Undo (shore_ledger_undo_import()). */
#define SHORE_TYPE_IMPORT_DIALOG (shore_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShoreImportDialog, shore_import_dialog, SHORE, IMPORT_DIALOG, AdwWindow)

ShoreImportDialog *shore_import_dialog_new (GtkWindow  *parent,
                                            ShoreStore *store,
                                            GFile      *file);   /* NULL: ask for one first */

G_END_DECLS
