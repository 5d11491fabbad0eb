/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Shared by the files of the evidence log (shore-evidence*.c) only. */

#pragma once

#include "shore-evidence.h"

G_BEGIN_DECLS

/* The calendar day of @when in its own offset. */
void      shore_evidence_local_date        (GDateTime          *when,
                                            GDate              *out);
/* 22:00 ≤ t or t < 08:00 in @when's own offset. */
gboolean  shore_evidence_is_night          (GDateTime          *when);
/* "o:" + the organization folded, or "p:" + the digits of the number. */
char     *shore_evidence_organization_key  (const ShoreContact *contact);
/* n places: for each connected call its place among the connected calls
 * of its organization on its day (1, 2, …), 0 for other contacts. */
guint    *shore_evidence_rank_calls        (const ShoreContact *contacts,
                                            guint               n);

/* Appends a flag; takes @message and @citation. */
void      shore_evidence_add_flag          (GArray                  *flags,
                                            guint                    contact,
                                            ShoreEvidenceRule        rule,
                                            char                    *message,
                                            char                    *citation,
                                            ShoreEvidenceKind        kind,
                                            ShoreEvidenceConfidence  confidence,
                                            const char              *matched);
/* White space removed, Latin folded to lower case, NFKC. */
char     *shore_evidence_normalize_text    (const char              *text);
/* The wording rules on @text, flags with index @contact. */
void      shore_evidence_check_wording_at  (const char              *text,
                                            GDateTime               *when,
                                            guint                    contact,
                                            GArray                  *flags);

G_END_DECLS
