/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the real `shore` binary with no display at all (DISPLAY and
 * WAYLAND_DISPLAY unset) and checks exit codes, output and language. */

#include "config.h"

#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sys/wait.h>

typedef struct
{
  const char *name;
  const char *language;
  const char *args[6];
  int         exit_status;
  const char *stdout_has;
  const char *stderr_has;
} CliCase;

static const CliCase cases[] = {
  { "help",             "C",     { "--help", NULL },        0, "Usage: shore", NULL },
  { "help-short",       "C",     { "-h", NULL },            0, "--data-dir", NULL },
  { "help-verb",        "C",     { "help", NULL },          0, "Usage: shore", NULL },
  { "help-zh_CN",       "zh_CN", { "--help", NULL },        0, "用法", NULL },
  { "help-zh_TW",       "zh_TW", { "--help", NULL },        0, "用法", NULL },
  { "version",          "C",     { "--version", NULL },     0, "shore " PACKAGE_VERSION, NULL },
  { "unknown-verb",     "C",     { "frobnicate", NULL },    1, NULL, "shore: “frobnicate” is not a command" },
  { "unknown-zh_CN",    "zh_CN", { "frobnicate", NULL },    1, NULL, "不是" },
  { "unknown-zh_TW",    "zh_TW", { "frobnicate", NULL },    1, NULL, "不是" },
};

static void
run_shore (const CliCase *c,
           char         **out,
           char         **err,
           int           *status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *data_dir = g_dir_make_tmp ("shore-cli-XXXXXX", NULL);
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("SHORE_BIN"));
  for (guint i = 0; c->args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) c->args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "LANGUAGE", c->language, TRUE);
  envp = g_environ_setenv (envp, "SHORE_DATA_DIR", data_dir, TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                               NULL, NULL, out, err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  *status = WEXITSTATUS (wait_status);
  g_rmdir (data_dir);
}

static void
test_cli_case (gconstpointer data)
{
  const CliCase *c = data;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  run_shore (c, &out, &err, &status);

  g_assert_cmpint (status, ==, c->exit_status);
  if (c->stdout_has != NULL)
    g_assert_nonnull (strstr (out, c->stdout_has));
  if (c->stderr_has != NULL)
    g_assert_nonnull (strstr (err, c->stderr_has));
  if (c->exit_status != 0)
    {
      /* Failures are one line on stderr and nothing on stdout. */
      g_assert_cmpstr (out, ==, "");
      const char *newline = strchr (err, '\n');

      g_assert_nonnull (newline);
      if (newline != NULL)
        g_assert_cmpstr (newline + 1, ==, "");
    }
  else
    {
      g_assert_cmpstr (err, ==, "");
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* Every case reports on its own instead of the first failure ending the run. */
  g_test_set_nonfatal_assertions ();

  g_assert_nonnull (g_getenv ("SHORE_BIN"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_cli_case);
    }

  return g_test_run ();
}
