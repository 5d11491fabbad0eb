/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-i18n"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib.h>
#include <glib/gi18n-lib.h>

#include "shore-i18n.h"

/**
 * shore_i18n_init:
 *
 * Sets the locale from the environment and binds the `shore` message catalogs.
 * Called once by main() and by every test program.
 */
void
shore_i18n_init (void)
{
  const char *messages;
  const char *localedir;

  setlocale (LC_ALL, "");

  /* gettext ignores LANGUAGE in the C locale, and a fresh machine often has no
   * LANG at all: fall back to C.UTF-8, which every Debian has, so that
   * LANGUAGE=zh_TW works anywhere. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0)
    setlocale (LC_ALL, "C.UTF-8");

  /* An uninstalled build (tests, `meson devenv`, build-aux/dev) points at its compiled catalogs. */
  localedir = g_getenv ("SHORE_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
