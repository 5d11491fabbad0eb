/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "shore-test-cli.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

void
shore_test_cli_init (int    *argc,
                     char ***argv)
{
  g_test_init (argc, argv, NULL);
  /* Every case reports on its own instead of the first failure ending the run. */
  g_test_set_nonfatal_assertions ();

  g_assert_nonnull (g_getenv ("SHORE_BIN"));
}

void
shore_test_cli_add_cases (const char    *prefix,
                          gconstpointer  cases,
                          gsize          n_cases,
                          gsize          case_size,
                          GTestDataFunc  func)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      gconstpointer c = (const char *) cases + i * case_size;
      const char *name = *(const char * const *) c;
      g_autofree char *path = g_strdup_printf ("/%s/%s", prefix, name);

      g_test_add_data_func (path, c, func);
    }
}

int
shore_test_cli_spawn (const char * const  *args,
                      const char          *language,
                      const char          *data_dir,
                      const char          *env_data_dir,
                      char               **out,
                      char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  int wait_status = 0;

  g_ptr_array_add (argv, g_strdup (g_getenv ("SHORE_BIN")));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strcmp0 (args[i], "@DIR@") == 0 ? g_strdup (data_dir) : g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  if (language != NULL)
    envp = g_environ_setenv (envp, "LANGUAGE", language, TRUE);
  else
    envp = g_environ_unsetenv (envp, "LANGUAGE");
  envp = g_environ_setenv (envp, "SHORE_DATA_DIR", env_data_dir, TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                               NULL, NULL, out, err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

void
shore_test_cli_assert_result (int         status,
                              const char *out,
                              const char *err,
                              int         exit_status,
                              const char *stdout_has,
                              const char *stderr_has,
                              gboolean    shore_prefix)
{
  g_assert_cmpint (status, ==, exit_status);
  if (stdout_has != NULL)
    g_assert_nonnull (strstr (out, stdout_has));
  if (stderr_has != NULL)
    g_assert_nonnull (strstr (err, stderr_has));

  if (exit_status != 0)
    {
      const char *newline = strchr (err, '\n');

      /* One line on stderr, nothing on stdout. */
      g_assert_cmpstr (out, ==, "");
      if (shore_prefix)
        g_assert_true (g_str_has_prefix (err, "shore: "));
      g_assert_nonnull (newline);
      if (newline != NULL)
        g_assert_cmpstr (newline + 1, ==, "");
    }
  else
    {
      g_assert_cmpstr (err, ==, "");
    }
}

GHashTable *
shore_test_cli_snapshot (const char *dir_path)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        contents = g_strdup ("(unreadable)");
      g_hash_table_insert (files, g_strdup (name), g_bytes_new_take (contents, length));
    }

  return files;
}

void
shore_test_cli_assert_same_files (GHashTable *before,
                                  GHashTable *after)
{
  GHashTableIter iter;
  gpointer name, bytes;

  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &name, &bytes))
    {
      GBytes *now = g_hash_table_lookup (after, name);

      g_assert_nonnull (now);
      if (now != NULL)
        g_assert_true (g_bytes_equal (bytes, now));
    }
}

void
shore_test_cli_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

char *
shore_test_cli_run_in_dir (const char * const *args,
                           const char         *data_dir,
                           int                 exit_status,
                           const char         *stdout_has,
                           const char         *stderr_has,
                           gboolean            read_only)
{
  g_autofree char *decoy_dir = g_dir_make_tmp ("shore-cli-decoy-XXXXXX", NULL);
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GHashTable) decoy = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  gboolean uses_option = FALSE;
  int status;

  for (guint i = 0; args[i] != NULL; i++)
    uses_option |= g_strcmp0 (args[i], "@DIR@") == 0;

  before = shore_test_cli_snapshot (data_dir);

  /* With --data-dir, $SHORE_DATA_DIR points elsewhere and must stay untouched. */
  status = shore_test_cli_spawn (args, NULL, data_dir, uses_option ? decoy_dir : data_dir, &out, &err);
  after = shore_test_cli_snapshot (data_dir);
  decoy = shore_test_cli_snapshot (decoy_dir);

  g_assert_cmpuint (g_hash_table_size (decoy), ==, 0);
  shore_test_cli_assert_result (status, out, err, exit_status, stdout_has, stderr_has, TRUE);
  /* A failure writes nothing. */
  if (exit_status != 0 || read_only)
    shore_test_cli_assert_same_files (before, after);

  shore_test_cli_rm_rf (decoy_dir);
  return out;
}

JsonNode *
shore_test_cli_parse_json (const char *out)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  if (error != NULL || json_parser_get_root (parser) == NULL)
    return NULL;
  return json_node_copy (json_parser_get_root (parser));
}

void
shore_test_cli_assert_member (JsonObject *object,
                              const char *name,
                              const char *expected)
{
  g_assert_true (json_object_has_member (object, name));
  if (json_object_has_member (object, name))
    g_assert_cmpstr (json_object_get_string_member (object, name), ==, expected);
}

void
shore_test_cli_assert_int_member (JsonObject *object,
                                  const char *name,
                                  gint64      expected)
{
  g_assert_true (json_object_has_member (object, name));
  if (json_object_has_member (object, name))
    g_assert_cmpint (json_object_get_int_member (object, name), ==, expected);
}

void
shore_test_cli_assert_members_exactly (JsonObject         *object,
                                       const char * const *names)
{
  guint n = 0;

  for (; names[n] != NULL; n++)
    g_assert_true (json_object_has_member (object, names[n]));
  g_assert_cmpuint (json_object_get_size (object), ==, n);
}
