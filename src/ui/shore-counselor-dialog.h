/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SHORE_TYPE_COUNSELOR_DIALOG (shore_counselor_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ShoreCounselorDialog, shore_counselor_dialog, SHORE, COUNSELOR_DIALOG, AdwWindow)

ShoreCounselorDialog *shore_counselor_dialog_new          (GtkWindow            *parent);
/* The chosen training case and presentation language ("zh_CN", "zh_TW", "en"). */
const char           *shore_counselor_dialog_get_scenario (ShoreCounselorDialog *self);
void                  shore_counselor_dialog_set_scenario (ShoreCounselorDialog *self,
                                                           const char           *scenario);
const char           *shore_counselor_dialog_get_language (ShoreCounselorDialog *self);
void                  shore_counselor_dialog_set_language (ShoreCounselorDialog *self,
                                                           const char           *language);

/* The presentation language that matches the UI's script. */
/* Starts `shore --counselor SCENARIO` in LANGUAGE as a process of its own
 * (the executable is $SHORE_EXECUTABLE if set, else this one). */
GSubprocess          *shore_counselor_launch              (const char           *scenario,
                                                           const char           *language,
                                                           GError              **error);

G_END_DECLS
