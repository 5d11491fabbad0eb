/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shore-store.h"

G_BEGIN_DECLS

/* The collection evidence log: every contact by a lender or collector, the
 * rules each may break (core/shore-evidence), a summary, and the evidence
 * sheet for a complaint. */
#define SHORE_TYPE_EVIDENCE_WINDOW (shore_evidence_window_get_type ())
G_DECLARE_FINAL_TYPE (ShoreEvidenceWindow, shore_evidence_window, SHORE, EVIDENCE_WINDOW, AdwWindow)

ShoreEvidenceWindow *shore_evidence_window_new (GtkWindow  *parent,
                                                ShoreStore *store);

G_END_DECLS
