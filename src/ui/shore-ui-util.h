/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "shore-schedule.h"

G_BEGIN_DECLS

void shore_ui_set_state_pill (GtkLabel       *pill,
                              ShoreLoanState  state);

G_END_DECLS
