/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore"

#include "config.h"

#include <string.h>
#include <glib.h>
#include <glib/gi18n.h>

#include "shore-cli.h"
#include "shore-i18n.h"

#if SHORE_WITH_UI
# include "shore-application.h"
# include "shore-training.h"

/* `shore --counselor NAME [OPTION…]` (or `--counselor=NAME`): a training
 * case, full-screen, in a throw-away profile. Returns FALSE when the command
 * line is something else; otherwise sets *out_status. */
static gboolean
run_counselor (int    argc,
               char **argv,
               int   *out_status)
{
  g_autoptr(ShoreApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rest = NULL;
  const char *name;
  int skip;

  if (argc < 2)
    return FALSE;
  if (strcmp (argv[1], "--counselor") == 0)
    {
      name = argc > 2 ? argv[2] : NULL;
      skip = 3;
    }
  else if (g_str_has_prefix (argv[1], "--counselor="))
    {
      name = argv[1] + strlen ("--counselor=");
      skip = 2;
    }
  else
    return FALSE;

  if (name == NULL || *name == '\0')
    {
      g_autofree char *names = g_strjoinv (", ", (char **) shore_training_list_names ());

      /* Translators: %s is the list of training case names */
      *out_status = shore_cli_fail (_("“--counselor” needs the name of a training case: %s"), names);
      return TRUE;
    }

  app = shore_application_new_counselor (name, &error);
  if (app == NULL)
    {
      *out_status = shore_cli_fail_error (error);
      return TRUE;
    }

  /* GApplication sees the rest of the command line (--display and the like). */
  rest = g_ptr_array_new ();
  g_ptr_array_add (rest, argv[0]);
  for (int i = skip; i < argc; i++)
    g_ptr_array_add (rest, argv[i]);
  g_ptr_array_add (rest, NULL);

  *out_status = g_application_run (G_APPLICATION (app), (int) rest->len - 1, (char **) rest->pdata);
  return TRUE;
}
#endif

int
main (int    argc,
      char **argv)
{
  shore_i18n_init ();

#if SHORE_WITH_UI
  {
    int status;

    if (run_counselor (argc, argv, &status))
      return status;
  }
#endif

  if (shore_cli_wants (argc, argv))
    return shore_cli_run (argc, argv);

#if SHORE_WITH_UI
  {
    g_autoptr(ShoreApplication) app = shore_application_new ();

    return g_application_run (G_APPLICATION (app), argc, argv);
  }
#else
  return shore_cli_fail (_("This copy of Shore was built without its window; run “shore --help” for the commands"));
#endif
}
