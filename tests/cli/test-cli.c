/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the real `shore` binary with no display at all (DISPLAY and
 * WAYLAND_DISPLAY unset) and checks exit codes, output and language. */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "shore-test-cli.h"

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
test_cli_case (gconstpointer data)
{
  const CliCase *c = data;
  g_autofree char *data_dir = g_dir_make_tmp ("shore-cli-XXXXXX", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  status = shore_test_cli_spawn (c->args, c->language, data_dir, data_dir, &out, &err);
  g_rmdir (data_dir);

  shore_test_cli_assert_result (status, out, err, c->exit_status, c->stdout_has, c->stderr_has, FALSE);
}

int
main (int    argc,
      char **argv)
{
  shore_test_cli_init (&argc, &argv);
  shore_test_cli_add_cases ("cli", cases, G_N_ELEMENTS (cases), sizeof cases[0], test_cli_case);

  return g_test_run ();
}
