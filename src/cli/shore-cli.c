/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib.h>
#include <glib/gi18n-lib.h>

#include "shore-cli.h"
#include "shore-cli-common.h"

/* Verbs arrive with the parts that own them; each lives in its own shore-cli-<verb>.c. */
static const ShoreCliVerb verbs[] = {
  { "apr", N_("Work out the true annual rate of a loan offer"), shore_cli_apr_run },
  { "export", N_("Write the budget's transactions to a CSV file"), shore_cli_export_run },
  { "handout", N_("Write print-ready handouts as PDF, from your data or a training case"), shore_cli_handout_run },
  { "import", N_("Import a WeChat Pay, Alipay or other CSV bill into the budget"), shore_cli_import_run },
  { "loan", N_("Add a loan to your list, or list your loans"), shore_cli_loan_run },
  { "overdue", N_("Show what being overdue on a loan costs and what happens next"), shore_cli_overdue_run },
  { "payoff", N_("Plan how to pay off several debts with a monthly amount"), shore_cli_payoff_run },
#if SHORE_WITH_UI
  { "reminders", N_("Send the reminders that are due now (run at login)"), shore_cli_reminders_run },
#endif
  { "schedule", N_("Show the repayment schedule of a loan"), shore_cli_schedule_run },
  { NULL, NULL, NULL }
};

const ShoreCliVerb *
shore_cli_lookup_verb (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; verbs[i].name != NULL; i++)
    {
      if (strcmp (verbs[i].name, name) == 0)
        return &verbs[i];
    }

  return NULL;
}

/**
 * shore_cli_wants:
 *
 * Whether the command line asks for the headless command-line interface:
 * a verb (any first argument that is not an option), `--help` or `--version`.
 * Everything else opens the app.
 */
gboolean
shore_cli_wants (int    argc,
                 char **argv)
{
  const char *first;

  if (argc < 2)
    return FALSE;

  first = argv[1];
  if (first[0] != '-')
    return TRUE;

  return strcmp (first, "--help") == 0 ||
         strcmp (first, "-h") == 0 ||
         strcmp (first, "-?") == 0 ||
         strcmp (first, "--version") == 0;
}

int
shore_cli_fail (const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* One line on stderr, so scripts can show it as it is. */
  g_strdelimit (message, "\r\n", ' ');
  fprintf (stderr, "shore: %s\n", message);

  return SHORE_CLI_EXIT_FAILED;
}

int
shore_cli_fail_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, SHORE_CLI_EXIT_FAILED);

  return shore_cli_fail ("%s", error->message);
}

static void
print_help (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: the first line of “shore --help”. */
  g_string_append_printf (text, "%s\n", _("Usage: shore [VERB] [OPTION…]"));
  g_string_append_printf (text, "\n%s\n", _("Shore helps you get out of debt: a budget, every loan in one place, what being overdue really costs, and your rights when collectors call."));
  g_string_append_printf (text, "\n%s\n", _("Without a verb, Shore opens its window."));

  if (verbs[0].name != NULL)
    {
      g_string_append_printf (text, "\n%s\n", _("Verbs:"));
      for (guint i = 0; verbs[i].name != NULL; i++)
        g_string_append_printf (text, "  %-12s %s\n", verbs[i].name, _(verbs[i].summary));
    }

  g_string_append_printf (text, "\n%s\n", _("Options:"));
  g_string_append_printf (text, "  %-22s %s\n", "--data-dir DIR",
                          _("Keep data in DIR (default: $SHORE_DATA_DIR if set, otherwise $XDG_DATA_HOME/shore)"));
#if SHORE_WITH_UI
  g_string_append_printf (text, "  %-22s %s\n", "--counselor NAME",
                          _("Present a training case full-screen in a throw-away profile (counselor mode); "
                            "“shore handout --list-scenarios” lists the cases"));
#endif
  g_string_append_printf (text, "  %-22s %s\n", "-h, --help", _("Show this help"));
  g_string_append_printf (text, "  %-22s %s\n", "--version", _("Show the version"));
  g_string_append_printf (text, "\n%s\n", _("Run “shore VERB --help” for the options of a verb."));

  fputs (text->str, stdout);
}

/**
 * shore_cli_run:
 *
 * Runs the command line. Never touches a display.
 *
 * Returns: the process exit status
 */
int
shore_cli_run (int    argc,
               char **argv)
{
  const ShoreCliVerb *verb;
  const char *first;

  g_return_val_if_fail (argc >= 2, SHORE_CLI_EXIT_FAILED);

  first = argv[1];

  if (strcmp (first, "--version") == 0)
    {
      printf ("shore %s\n", PACKAGE_VERSION);
      return SHORE_CLI_EXIT_OK;
    }

  if (strcmp (first, "--help") == 0 || strcmp (first, "-h") == 0 ||
      strcmp (first, "-?") == 0 || strcmp (first, "help") == 0)
    {
      print_help ();
      return SHORE_CLI_EXIT_OK;
    }

  verb = shore_cli_lookup_verb (first);
  if (verb == NULL)
    {
      /* Translators: %s is what the user typed after “shore”. */
      return shore_cli_fail (_("“%s” is not a command; run “shore --help” to see the commands"), first);
    }

  return verb->run (argc - 1, argv + 1);
}
