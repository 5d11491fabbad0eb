/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shore-store.h"

G_BEGIN_DECLS

/* Asks where to save, then writes every transaction as CSV (shore_ledger_export_csv()),
 * reporting the result with a toast on @parent (a ShoreWindow) or an error dialog. */
void     shore_export_transactions (GtkWindow  *parent,
                                    ShoreStore *store);
/* The writing part of shore_export_transactions(), without asking: replaces @file only once
 * the whole CSV is written (a failure leaves the old file, or none); @out_count receives the
 * number of transactions. */
gboolean shore_export_transactions_to_file (ShoreStore  *store,
                                            GFile       *file,
                                            guint       *out_count,
                                            GError     **error);

G_END_DECLS
