/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of every verb: 0 on success, 1 on bad input or failure. */
#define SHORE_CLI_EXIT_OK     0
#define SHORE_CLI_EXIT_FAILED 1

typedef int (*ShoreCliVerbFunc) (int argc, char **argv);

typedef struct
{
  const char       *name;
  /* Untranslated; shown through gettext in --help. */
  const char       *summary;
  ShoreCliVerbFunc  run;
} ShoreCliVerb;

gboolean  shore_cli_wants        (int          argc,
                                  char       **argv);
int       shore_cli_run          (int          argc,
                                  char       **argv);
const ShoreCliVerb *shore_cli_lookup_verb (const char *name);
int       shore_cli_fail         (const char  *format,
                                  ...) G_GNUC_PRINTF (1, 2);
int       shore_cli_fail_error   (const GError *error);

G_END_DECLS
