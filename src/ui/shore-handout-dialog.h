/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shore-document.h"
#include "shore-handout.h"
#include "shore-store.h"

G_BEGIN_DECLS

#define SHORE_TYPE_HANDOUT_DIALOG (shore_handout_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ShoreHandoutDialog, shore_handout_dialog, SHORE, HANDOUT_DIALOG, AdwWindow)

/* @scenario: the training scenario shown in counselor mode, or NULL. */
ShoreHandoutDialog *shore_handout_dialog_new          (GtkWindow          *parent,
                                                       ShoreStore         *store,
                                                       const char         *scenario);

/* Whether a handout is being built; the preview, export and print wait. */
gboolean            shore_handout_dialog_is_building  (ShoreHandoutDialog *self);
/* The handout shown, or NULL (building, or it could not be built). */
ShoreDocument      *shore_handout_dialog_get_document (ShoreHandoutDialog *self);
/* Why there is no handout, or NULL. */
const GError       *shore_handout_dialog_get_error    (ShoreHandoutDialog *self);
/* The language ("zh_CN", "zh_TW", "en") of the handout shown or being built. */
const char         *shore_handout_dialog_get_language (ShoreHandoutDialog *self);

/* Writes the handout shown to @file as a PDF, all or nothing. */
gboolean            shore_handout_dialog_save         (ShoreHandoutDialog *self,
                                                       GFile              *file,
                                                       GError            **error);

/* What the print operation's begin-print and draw-page do, for a page of
 * @width × @height points drawn from its top left corner. */
guint               shore_handout_dialog_print_begin  (ShoreHandoutDialog *self,
                                                       double              width,
                                                       double              height);
void                shore_handout_dialog_print_page   (ShoreHandoutDialog *self,
                                                       cairo_t            *cr,
                                                       guint               page,
                                                       double              width,
                                                       double              height);

G_END_DECLS
