/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shore-application.h"

G_BEGIN_DECLS

#define SHORE_TYPE_WINDOW (shore_window_get_type ())

G_DECLARE_FINAL_TYPE (ShoreWindow, shore_window, SHORE, WINDOW, AdwApplicationWindow)

ShoreWindow *shore_window_new               (ShoreApplication *application);
const char  *shore_window_get_visible_page  (ShoreWindow      *self);
void         shore_window_set_visible_page  (ShoreWindow      *self,
                                             const char       *name);
gboolean     shore_window_is_showing_error  (ShoreWindow      *self);
void         shore_window_add_toast         (ShoreWindow      *self,
                                             const char       *title);

G_END_DECLS
