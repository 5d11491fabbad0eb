/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shore-evidence.h"
#include "shore-store.h"

G_BEGIN_DECLS

/* The evidence log in the store: the contacts and contact_attachments
 * tables. Each write is one transaction; nothing is written on failure. */

/* Every contact in time order (by the instant, then by id). A GPtrArray of ShoreContact. */
GPtrArray    *shore_evidence_store_list     (ShoreStore          *store,
                                             GError             **error);
/* NULL with G_IO_ERROR_NOT_FOUND if there is no such contact. */
ShoreContact *shore_evidence_store_get      (ShoreStore          *store,
                                             gint64               contact_id,
                                             GError             **error);
/* Validates (shore_contact_validate) and inserts with its attachments; sets contact->id. */
gboolean      shore_evidence_store_add      (ShoreStore          *store,
                                             ShoreContact        *contact,
                                             GError             **error);
/* Replaces the saved contact (its id says which) and its list of attachments. */
gboolean      shore_evidence_store_update   (ShoreStore          *store,
                                             const ShoreContact  *contact,
                                             GError             **error);
/* Deletes a contact and its attachments; hands back what was deleted so Undo can restore it. */
gboolean      shore_evidence_store_delete   (ShoreStore          *store,
                                             gint64               contact_id,
                                             ShoreContact       **out_contact,
                                             GError             **error);
/* Re-inserts a deleted contact with the same id and attachments. */
gboolean      shore_evidence_store_restore  (ShoreStore          *store,
                                             const ShoreContact  *contact,
                                             GError             **error);

/* Appends to @loans (of ShoreEvidenceLoan) what the register knows of each
 * loan as of @today, for the amount and rate rules. */
gboolean      shore_evidence_store_loans    (ShoreStore          *store,
                                             const GDate         *today,
                                             GArray              *loans,
                                             GError             **error);

/* The log checked against the register as of @today (each loan's balance,
 * lender type, contract date and real rate): every contact (as
 * shore_evidence_store_list()), a plain array of them for the rules (the
 * structs copied, sharing their strings: free it with g_free() before the
 * list), and the flags from shore_evidence_check(). */
gboolean      shore_evidence_store_check    (ShoreStore          *store,
                                             const GDate         *today,
                                             GPtrArray          **out_contacts,
                                             ShoreContact       **out_flat,
                                             GArray             **out_flags,
                                             GError             **error);

G_END_DECLS
