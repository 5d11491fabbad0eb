/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shore-store.h"

G_BEGIN_DECLS

/* Write one of the letters (core/shore-letters): choose it, fill in what
 * the app cannot know, edit the text, export it as PDF or plain text, with
 * guidance on sending it. */
#define SHORE_TYPE_LETTER_DIALOG (shore_letter_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShoreLetterDialog, shore_letter_dialog, SHORE, LETTER_DIALOG, AdwWindow)

/* @letter_id: "hardship", "complaint", "credit-dispute", "stop-third-parties", or NULL to choose */
ShoreLetterDialog *shore_letter_dialog_new (GtkWindow  *parent,
                                            ShoreStore *store,
                                            const char *letter_id);

G_END_DECLS
