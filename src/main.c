/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore"

#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>

#include "shore-cli.h"
#include "shore-i18n.h"

#if SHORE_WITH_UI
# include "shore-application.h"
#endif

int
main (int    argc,
      char **argv)
{
  shore_i18n_init ();

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
