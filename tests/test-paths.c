/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib.h>

#include "shore-paths.h"

/* GLib caches g_get_user_data_dir() for the life of the process, so each
 * resolution case runs in a subprocess that starts with the environment the
 * case sets up.
 */
typedef struct
{
  const char *name;
  const char *override;
  const char *shore_data_dir;  /* NULL: unset */
  const char *xdg_data_home;   /* NULL: unset */
  const char *expected;        /* relative: against the current folder */
} ResolveCase;

static const ResolveCase resolve_cases[] = {
  { "override-wins", "/srv/shore data", "/env/dir", "/xdg/home", "/srv/shore data" },
  { "override-relative", "my data", "/env/dir", NULL, "my data" },
  { "override-dot-dot", "/a/b/../c/./d/", NULL, NULL, "/a/c/d" },
  { "override-non-ascii", "/home/用户/上岸", NULL, NULL, "/home/用户/上岸" },
  { "override-empty-uses-env", "", "/env/dir", "/xdg/home", "/env/dir" },
  { "env", NULL, "/env/dir", "/xdg/home", "/env/dir" },
  { "env-relative", NULL, "env-rel/dir", "/xdg/home", "env-rel/dir" },
  { "env-empty-uses-xdg", NULL, "", "/xdg/home", "/xdg/home/shore" },
  { "xdg", NULL, NULL, "/xdg/home", "/xdg/home/shore" },
  { "xdg-empty-uses-home", NULL, NULL, "", "/home/tester/.local/share/shore" },
  { "home", NULL, NULL, NULL, "/home/tester/.local/share/shore" },
};

static void
set_or_unset (const char *variable,
              const char *value)
{
  if (value != NULL)
    g_setenv (variable, value, TRUE);
  else
    g_unsetenv (variable);
}

static void
test_resolve (gconstpointer data)
{
  const ResolveCase *rc = data;
  g_autofree char *result = NULL;
  g_autofree char *cwd = NULL;
  g_autofree char *expected = NULL;

  if (!g_test_subprocess ())
    {
      set_or_unset ("SHORE_DATA_DIR", rc->shore_data_dir);
      set_or_unset ("XDG_DATA_HOME", rc->xdg_data_home);
      g_setenv ("HOME", "/home/tester", TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  cwd = g_get_current_dir ();
  expected = g_path_is_absolute (rc->expected)
               ? g_strdup (rc->expected)
               : g_build_filename (cwd, rc->expected, NULL);

  result = shore_paths_resolve_data_dir (rc->override);
  g_assert_true (g_path_is_absolute (result));
  g_assert_cmpstr (result, ==, expected);
}

typedef struct
{
  const char *data_dir;
  const char *expected;
} DatabaseFileCase;

static void
test_database_file (void)
{
  static const DatabaseFileCase cases[] = {
    { "/home/u/.local/share/shore", "/home/u/.local/share/shore/shore.db" },
    { "/srv/data/", "/srv/data/shore.db" },
    { "/home/用户/上岸", "/home/用户/上岸/shore.db" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = shore_paths_database_file (cases[i].data_dir);

      g_assert_cmpstr (path, ==, cases[i].expected);
    }
}

/* The result of resolve feeds database_file directly */
static void
test_resolve_then_database_file (void)
{
  g_autofree char *dir = shore_paths_resolve_data_dir ("/tmp/x/../shore-test");
  g_autofree char *path = shore_paths_database_file (dir);

  g_assert_cmpstr (path, ==, "/tmp/shore-test/shore.db");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (resolve_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/paths/resolve/%s", resolve_cases[i].name);

      g_test_add_data_func (path, &resolve_cases[i], test_resolve);
    }

  g_test_add_func ("/paths/database-file", test_database_file);
  g_test_add_func ("/paths/resolve-then-database-file", test_resolve_then_database_file);

  return g_test_run ();
}
