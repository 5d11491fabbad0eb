/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shore-evidence.h"
#include "shore-store.h"

G_BEGIN_DECLS

#define SHORE_TYPE_CONTACT_DIALOG (shore_contact_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ShoreContactDialog, shore_contact_dialog, SHORE, CONTACT_DIALOG, AdwWindow)

/* Adds a contact to the evidence log (@contact NULL) or edits @contact.
 * @flags (an array of ShoreEvidenceFlag, may be NULL) are the flags the
 * whole log raised on @contact: shown with their citations, kinds and
 * confidence. Saves through shore_evidence_store_add/update, emits "saved"
 * (gint64 contact id) and closes; on bad input it stays open, shows the
 * reason and saves nothing. */
ShoreContactDialog *shore_contact_dialog_new            (GtkWindow          *parent,
                                                         ShoreStore         *store,
                                                         const ShoreContact *contact,
                                                         GArray             *flags);
/* Adds a file to the attachments, as "Add Files…" does; FALSE if it is already listed. */
gboolean            shore_contact_dialog_add_attachment (ShoreContactDialog *self,
                                                         const char         *path);

G_END_DECLS
