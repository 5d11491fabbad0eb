/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shore-application.h"

G_BEGIN_DECLS

#define SHORE_TYPE_PREFERENCES_WINDOW (shore_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (ShorePreferencesWindow, shore_preferences_window, SHORE, PREFERENCES_WINDOW, AdwPreferencesWindow)

ShorePreferencesWindow *shore_preferences_window_new (ShoreApplication *application);

G_END_DECLS
