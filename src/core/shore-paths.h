/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *shore_paths_resolve_data_dir (const char *override) G_GNUC_WARN_UNUSED_RESULT;
char *shore_paths_database_file    (const char *data_dir) G_GNUC_WARN_UNUSED_RESULT;
char    *shore_paths_make_temp_beside (const char *target,
                                       int        *out_errno) G_GNUC_WARN_UNUSED_RESULT;
gboolean shore_paths_remove_tree   (const char  *path,
                                    GError     **error);

G_END_DECLS
