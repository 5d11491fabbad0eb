/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *shore_paths_resolve_data_dir (const char *override) G_GNUC_WARN_UNUSED_RESULT;
char *shore_paths_database_file    (const char *data_dir) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
