/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-paths"

#include "config.h"

#include <errno.h>
#include <fcntl.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

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

/**
 * shore_paths_make_temp_beside:
 * @target: (type filename): the file to be replaced
 * @out_errno: (out): the reason, when it fails
 *
 * Creates an empty hidden file (“.NAME.XXXXXX”) in @target's folder, with
 * the usual permissions (0666 & ~umask), to be written and then renamed
 * over @target, which rename() does atomically: a full disk or a crash never
 * leaves half a file.
 *
 * Returns: (transfer full) (type filename) (nullable): the new file's path,
 *   or %NULL with *@out_errno set
 */
char *
shore_paths_make_temp_beside (const char *target,
                              int        *out_errno)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  int fd;

  g_return_val_if_fail (target != NULL && out_errno != NULL, NULL);

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  name = g_strdup_printf (".%s.XXXXXX", base);
  path = g_build_filename (dir, name, NULL);
  fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      *out_errno = errno;
      return NULL;
    }
  g_close (fd, NULL);
  return g_steal_pointer (&path);
}

/**
 * shore_paths_remove_tree:
 * @path: (nullable) (type filename): a file or folder, or %NULL for nothing
 * @error: return location for a #GError, or %NULL
 *
 * Removes @path and, when it is a folder, everything under it; a symbolic
 * link is removed, never followed. A failure does not stop it: it removes
 * all it can, and reports the first failure in @error (in English, for the
 * log: it names the path and the reason).
 *
 * Returns: %TRUE when everything was removed
 */
gboolean
shore_paths_remove_tree (const char  *path,
                         GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gboolean ok = TRUE;
  int status;

  if (path == NULL)
    return TRUE;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK) && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          /* After a failure, the later ones are not reported. */
          if (!shore_paths_remove_tree (child, ok ? error : NULL))
            ok = FALSE;
        }
      status = g_rmdir (path);
    }
  else
    status = g_unlink (path);

  if (status != 0 && ok)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "Could not remove %s: %s", path, g_strerror (saved));
    }
  return ok && status == 0;
}
