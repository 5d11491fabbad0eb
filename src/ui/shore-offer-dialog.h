/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SHORE_TYPE_OFFER_DIALOG (shore_offer_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ShoreOfferDialog, shore_offer_dialog, SHORE, OFFER_DIALOG, AdwWindow)

/* "Check an offer": what a lender advertises, turned live into the real annual
 * rate and checked against the legal lines. Saves nothing. */
ShoreOfferDialog *shore_offer_dialog_new (GtkWindow *parent);

G_END_DECLS
