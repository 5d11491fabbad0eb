/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-paths"

#include "config.h"

#include <glib.h>

#include "shore-paths.h"

#define DATABASE_FILE_NAME "shore.db"

/**
 * shore_paths_resolve_data_dir:
 * @override: (nullable): the folder given with `--data-dir`, or %NULL
 *
 * Decides which folder holds the user's data. The first of these that is
 * set and not empty wins: @override, the `SHORE_DATA_DIR` environment
 * variable, then `shore` inside g_get_user_data_dir() (usually
 * `~/.local/share/shore`).
 *
 * A relative path is made absolute against the current folder, and `.`
 * and `..` components are folded away, so the result can be shown to the
 * user and stored as is. Nothing is created on disk.
 *
 * Returns: (transfer full) (type filename): an absolute path
 */
char *
shore_paths_resolve_data_dir (const char *override)
{
  g_autofree char *fallback = NULL;
  const char *env;

  if (override != NULL && override[0] != '\0')
    return g_canonicalize_filename (override, NULL);

  env = g_getenv ("SHORE_DATA_DIR");
  if (env != NULL && env[0] != '\0')
    return g_canonicalize_filename (env, NULL);

  fallback = g_build_filename (g_get_user_data_dir (), "shore", NULL);

  return g_canonicalize_filename (fallback, NULL);
}

/**
 * shore_paths_database_file:
 * @data_dir: (type filename): a folder from shore_paths_resolve_data_dir()
 *
 * Returns: (transfer full) (type filename): the path of the database file
 *   inside @data_dir
 */
char *
shore_paths_database_file (const char *data_dir)
{
  g_return_val_if_fail (data_dir != NULL, NULL);

  return g_build_filename (data_dir, DATABASE_FILE_NAME, NULL);
}
