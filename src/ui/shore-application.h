/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shore-store.h"

G_BEGIN_DECLS

#define SHORE_TYPE_APPLICATION (shore_application_get_type ())

G_DECLARE_FINAL_TYPE (ShoreApplication, shore_application, SHORE, APPLICATION, AdwApplication)

ShoreApplication *shore_application_new             (void);
ShoreApplication *shore_application_new_counselor   (const char        *scenario,
                                                     GError           **error);
GSettings        *shore_application_get_settings    (ShoreApplication  *self);
const char       *shore_application_get_data_dir    (ShoreApplication  *self);
ShoreStore       *shore_application_get_store       (ShoreApplication  *self);
const GError     *shore_application_get_store_error (ShoreApplication  *self);
gboolean          shore_application_start_new_database (ShoreApplication  *self,
                                                        char             **out_damaged_path,
                                                        GError           **error);

/* Counselor mode: the training scenario this process presents (a
 * throw-away profile), or NULL for the user's own data. */
const char       *shore_application_get_scenario    (ShoreApplication  *self);

G_END_DECLS
