/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <glib.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "shore-cli.h"
#include "shore-cli-common.h"
#include "shore-money.h"

/* Options are parsed by GOptionContext with its own help switched off:
 * its errors are one line (“Unknown option --x”, already translated by
 * GLib), which we print the same way as ours; help is ours, translated. */

#define HELP_COLUMN 30
#define PERCENT_BP_MAX 100000     /* 1000 % */
#define GRACE_DAYS_MAX 365      /* as shore_loan_validate() */
#define ACCELERATE_DAYS_MAX 3650

/* Options */

static void
add_entry (ShoreCliCommand *cmd,
           const char      *long_name,
           char             short_name,
           GOptionArg       arg,
           gpointer         arg_data,
           const char      *arg_description,
           const char      *description)
{
  GOptionEntry entry = { long_name, short_name, 0, arg, arg_data, description, arg_description };

  g_array_append_val (cmd->entries, entry);
}

void
shore_cli_command_init (ShoreCliCommand *cmd,
                        const char      *command,
                        const char      *synopsis,
                        const char      *summary)
{
  memset (cmd, 0, sizeof *cmd);
  cmd->command = command;
  cmd->synopsis = synopsis;
  cmd->summary = summary;
  cmd->entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
}

void
shore_cli_command_clear (ShoreCliCommand *cmd)
{
  g_clear_pointer (&cmd->entries, g_array_unref);
  g_clear_pointer (&cmd->data_dir, g_free);
  g_clear_pointer (&cmd->format, g_free);
}

void
shore_cli_command_add_option (ShoreCliCommand  *cmd,
                              const char       *long_name,
                              char            **arg_data,
                              const char       *arg_description,
                              const char       *description)
{
  add_entry (cmd, long_name, 0, G_OPTION_ARG_STRING, arg_data, arg_description, description);
}

void
shore_cli_command_add_flag (ShoreCliCommand  *cmd,
                            const char       *long_name,
                            gboolean         *arg_data,
                            const char       *description)
{
  add_entry (cmd, long_name, 0, G_OPTION_ARG_NONE, arg_data, NULL, description);
}

void
shore_cli_command_add_option_array (ShoreCliCommand   *cmd,
                                    const char        *long_name,
                                    char            ***arg_data,
                                    const char        *arg_description,
                                    const char        *description)
{
  add_entry (cmd, long_name, 0, G_OPTION_ARG_STRING_ARRAY, arg_data, arg_description, description);
}

void
shore_cli_command_add_format (ShoreCliCommand *cmd,
                              gboolean         with_csv)
{
  shore_cli_command_add_option (cmd, "format", &cmd->format, "FORMAT",
                                with_csv ? N_("Output format: table, json or csv")
                                         : N_("Output format: table or json"));
}

void
shore_cli_command_add_loan (ShoreCliCommand     *cmd,
                            ShoreCliLoanArgs    *args,
                            ShoreCliLoanOptions  which)
{
  if (which & SHORE_CLI_LOAN_LENDER)
    {
      shore_cli_command_add_option (cmd, "lender", &args->lender, "NAME",
                                    N_("Who lent the money"));
      shore_cli_command_add_option (cmd, "lender-type", &args->lender_type, "TYPE",
                                    N_("The kind of lender: bank, consumer-finance, microlender, platform, private or credit-card"));
    }

  if (which & SHORE_CLI_LOAN_TERMS)
    {
      shore_cli_command_add_option (cmd, "principal", &args->principal, "A",
                                    N_("The amount borrowed, such as 10000 or 10,000.00"));
      shore_cli_command_add_option (cmd, "rate", &args->rate, "R",
                                    /* xgettext:no-c-format */
                                    N_("The interest rate as quoted, such as daily:0.05%, monthly:1.5% or annual:18%"));
      shore_cli_command_add_option (cmd, "monthly-fee-rate", &args->monthly_fee_rate, "R",
                                    /* xgettext:no-c-format */
                                    N_("A fee charged every month on the original principal, such as 0.6%"));
      shore_cli_command_add_option (cmd, "upfront-fee", &args->upfront_fee, "F",
                                    N_("A fee taken out of the money when it is paid out, such as 300"));
      shore_cli_command_add_option (cmd, "term", &args->term, "N",
                                    N_("The number of months, from 1 to 600"));
      shore_cli_command_add_option (cmd, "method", &args->method, "M",
                                    N_("How it is repaid: equal-installment, equal-principal, interest-first or bullet"));
      shore_cli_command_add_option (cmd, "start", &args->start, "YYYY-MM-DD",
                                    N_("The day the money was received, such as 2026-01-15"));
    }

  if (which & SHORE_CLI_LOAN_OVERDUE)
    {
      shore_cli_command_add_option (cmd, "penalty-markup", &args->penalty_markup, "P%",
                                    /* xgettext:no-c-format */
                                    N_("How much higher the penalty rate is than the loan’s rate, such as 50% (the default)"));
      shore_cli_command_add_option (cmd, "grace-days", &args->grace_days, "G",
                                    N_("Days after a due date before penalty interest is charged (default 1)"));
      shore_cli_command_add_option (cmd, "late-fee-daily", &args->late_fee_daily, "R%",
                                    /* xgettext:no-c-format */
                                    N_("A late fee a day on each overdue installment, such as 0.05%"));
      shore_cli_command_add_option (cmd, "accelerate-after", &args->accelerate_after, "D",
                                    N_("Days overdue after which the whole loan falls due (0: never, the default)"));
    }
}

static void
print_help (ShoreCliCommand *cmd)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const GOptionEntry *entries = (const GOptionEntry *) (gpointer) cmd->entries->data;

  /* Translators: %s is the command's syntax, such as “shore schedule LOAN [--format table|json|csv]”; keep it as it is */
  g_string_append_printf (text, _("Usage: %s"), cmd->synopsis);
  g_string_append_printf (text, "\n\n%s\n\n%s\n", _(cmd->summary), _("Options:"));

  for (guint i = 0; i < cmd->entries->len; i++)
    {
      g_autofree char *left = NULL;

      if (entries[i].short_name != 0)
        left = g_strdup_printf ("-%c, --%s", entries[i].short_name, entries[i].long_name);
      else if (entries[i].arg_description != NULL)
        left = g_strdup_printf ("--%s %s", entries[i].long_name, entries[i].arg_description);
      else
        left = g_strdup_printf ("--%s", entries[i].long_name);

      g_string_append (text, "  ");
      shore_cli_append_padded (text, left, HELP_COLUMN, FALSE);
      g_string_append_printf (text, " %s\n", _(entries[i].description));
    }

  fputs (text->str, stdout);
}

gboolean
shore_cli_command_parse (ShoreCliCommand  *cmd,
                         int               argc,
                         char            **argv,
                         int              *out_status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char **args = g_new0 (char *, argc + 1);
  int n_args = argc;

  memcpy (args, argv, sizeof (char *) * argc);

  add_entry (cmd, "data-dir", 0, G_OPTION_ARG_FILENAME, &cmd->data_dir, "DIR",
             N_("Keep data in DIR (default: $SHORE_DATA_DIR if set, otherwise $XDG_DATA_HOME/shore)"));
  add_entry (cmd, "help", 'h', G_OPTION_ARG_NONE, &cmd->help, NULL, N_("Show this help"));

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, (const GOptionEntry *) (gpointer) cmd->entries->data,
                                     GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &n_args, &args, &error))
    {
      *out_status = shore_cli_fail_error (error);
      return FALSE;
    }

  if (cmd->help)
    {
      print_help (cmd);
      *out_status = SHORE_CLI_EXIT_OK;
      return FALSE;
    }

  /* args[0] is the verb; no command takes other arguments. */
  if (n_args > 1)
    {
      /* Translators: the first %s is what the user typed, the second a command such as “schedule” or “loan add” */
      *out_status = shore_cli_fail (_("Unexpected argument “%s”; run “shore %s --help” for the options"),
                                    args[1], cmd->command);
      return FALSE;
    }

  return TRUE;
}

/**
 * shore_cli_set_bad_value:
 * @error: return location for a #GError
 * @format: the message, translated
 *
 * Sets a %G_OPTION_ERROR_BAD_VALUE error, as the value parsers do.
 */
void
shore_cli_set_bad_value (GError     **error,
                         const char  *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, message);
}

gboolean
shore_cli_command_get_format (ShoreCliCommand  *cmd,
                              gboolean          with_csv,
                              ShoreCliFormat   *out,
                              GError          **error)
{
  if (cmd->format == NULL || strcmp (cmd->format, "table") == 0)
    *out = SHORE_CLI_FORMAT_TABLE;
  else if (strcmp (cmd->format, "json") == 0)
    *out = SHORE_CLI_FORMAT_JSON;
  else if (with_csv && strcmp (cmd->format, "csv") == 0)
    *out = SHORE_CLI_FORMAT_CSV;
  else if (with_csv)
    {
      shore_cli_set_bad_value (error,
                               /* Translators: the first %s is what the user typed, the second the option “--format”; keep table, json and csv as they are */
                               _("“%s” is not valid for “%s”; use table, json or csv"),
                               cmd->format, "--format");
      return FALSE;
    }
  else
    {
      shore_cli_set_bad_value (error,
                               /* Translators: the first %s is what the user typed, the second the option “--format”; keep table and json as they are */
                               _("“%s” is not valid for “%s”; use table or json"),
                               cmd->format, "--format");
      return FALSE;
    }

  return TRUE;
}

/* Values */

static void
prefix_option (GError     **error,
               GError      *reason,
               const char  *option)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* Translators: the first %s is a command-line option such as “--principal”, the second says what is wrong with its value */
               _("Bad value for “%s”: %s"),
               option, reason->message);
}

gboolean
shore_cli_require (const ShoreCliCommand  *cmd,
                   const char             *option,
                   const char             *value,
                   GError                **error)
{
  if (value != NULL)
    return TRUE;

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
               /* Translators: the first %s is a command-line option such as “--principal”, the second a command such as “schedule” or “loan add” */
               _("The option “%s” is missing; run “shore %s --help” for the options"),
               option, cmd->command);
  return FALSE;
}

gboolean
shore_cli_parse_money (const char  *option,
                       const char  *text,
                       gboolean     allow_zero,
                       gint64      *out,
                       GError     **error)
{
  g_autoptr(GError) reason = NULL;
  gint64 fen = 0;

  if (!shore_money_parse (text, &fen, &reason))
    {
      prefix_option (error, reason, option);
      return FALSE;
    }

  if (fen < 0 || (fen == 0 && !allow_zero))
    {
      if (fen < 0)
        shore_cli_set_bad_value (error,
                                 /* Translators: the first %s is what the user typed, the second a command-line option such as “--upfront-fee” */
                                 _("“%s” is not valid for “%s”; the amount cannot be negative"),
                                 text, option);
      else
        shore_cli_set_bad_value (error,
                                 /* Translators: the first %s is what the user typed, the second a command-line option such as “--principal” */
                                 _("“%s” is not valid for “%s”; the amount must be more than zero"),
                                 text, option);
      return FALSE;
    }

  *out = fen;
  return TRUE;
}

gboolean
shore_cli_parse_rate (const char  *option,
                      const char  *text,
                      const char  *bare_period,
                      ShoreRate   *out,
                      GError     **error)
{
  g_autoptr(GError) reason = NULL;
  g_autoptr(GError) bare_reason = NULL;
  g_autofree char *with_period = NULL;

  if (shore_rate_parse (text, out, &reason))
    return TRUE;

  /* “0.6%” for a monthly fee: the option already says the period */
  if (bare_period != NULL && g_error_matches (reason, SHORE_RATE_ERROR, SHORE_RATE_ERROR_INVALID))
    {
      with_period = g_strconcat (bare_period, ":", text, NULL);
      if (shore_rate_parse (with_period, out, &bare_reason))
        return TRUE;
      /* “1001%”: say it is too high rather than that it lacks a period */
      if (g_error_matches (bare_reason, SHORE_RATE_ERROR, SHORE_RATE_ERROR_OUT_OF_RANGE))
        {
          g_clear_error (&reason);
          reason = g_steal_pointer (&bare_reason);
        }
    }

  prefix_option (error, reason, option);
  return FALSE;
}

gboolean
shore_cli_parse_int (const char  *option,
                     const char  *text,
                     int          min,
                     int          max,
                     int         *out,
                     GError     **error)
{
  gint64 value = 0;

  if (!g_ascii_string_to_signed (text, 10, min, max, &value, NULL))
    {
      shore_cli_set_bad_value (error,
                               /* Translators: the first %s is what the user typed, the second a command-line option such as “--term”; %d are the smallest and largest numbers allowed */
                               _("“%s” is not valid for “%s”; give a whole number from %d to %d"),
                               text, option, min, max);
      return FALSE;
    }

  *out = (int) value;
  return TRUE;
}

gboolean
shore_cli_parse_date (const char  *option,
                      const char  *text,
                      GDate       *out,
                      GError     **error)
{
  g_autoptr(GError) reason = NULL;

  if (!shore_date_parse (text, out, &reason))
    {
      prefix_option (error, reason, option);
      return FALSE;
    }

  return TRUE;
}

/* “50%”, “50”, “12.5%” → basis points; at most two decimals. */
static gboolean
parse_percent_bp (const char  *option,
                  const char  *text,
                  int         *out,
                  GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize len = strlen (copy);
  gint64 bp = 0;
  guint decimals = 0;
  gboolean point = FALSE;
  gboolean digits = FALSE;

  if (len > 0 && copy[len - 1] == '%')
    copy[--len] = '\0';

  for (const char *p = copy; *p != '\0'; p++)
    {
      if (*p == '.' && !point)
        point = TRUE;
      else if (g_ascii_isdigit (*p) && (!point || decimals < 2) && bp <= PERCENT_BP_MAX)
        {
          bp = bp * 10 + (*p - '0');
          digits = TRUE;
          decimals += point;
        }
      else
        {
          digits = FALSE;
          break;
        }
    }

  for (; decimals < 2; decimals++)
    bp *= 10;

  if (!digits || bp > PERCENT_BP_MAX)
    {
      shore_cli_set_bad_value (error,
                               /* Translators: the first %s is what the user typed, the second a command-line option such as “--penalty-markup” */
                               _("“%s” is not valid for “%s”; give a percentage from 0%% to 1000%%, such as 50%%"),
                               text, option);
      return FALSE;
    }

  *out = (int) bp;
  return TRUE;
}

void
shore_cli_loan_args_clear (ShoreCliLoanArgs *args)
{
  g_clear_pointer (&args->principal, g_free);
  g_clear_pointer (&args->rate, g_free);
  g_clear_pointer (&args->monthly_fee_rate, g_free);
  g_clear_pointer (&args->upfront_fee, g_free);
  g_clear_pointer (&args->term, g_free);
  g_clear_pointer (&args->method, g_free);
  g_clear_pointer (&args->start, g_free);
  g_clear_pointer (&args->lender, g_free);
  g_clear_pointer (&args->lender_type, g_free);
  g_clear_pointer (&args->penalty_markup, g_free);
  g_clear_pointer (&args->grace_days, g_free);
  g_clear_pointer (&args->late_fee_daily, g_free);
  g_clear_pointer (&args->accelerate_after, g_free);
}

static gboolean
apply_lender (const ShoreCliLoanArgs  *args,
              const ShoreCliCommand   *cmd,
              ShoreLoan               *loan,
              GError                 **error)
{
  if (!shore_cli_require (cmd, "--lender", args->lender, error))
    return FALSE;

  g_free (loan->lender);
  loan->lender = g_strdup (args->lender);

  if (args->lender_type != NULL &&
      !shore_lender_type_from_string (args->lender_type, &loan->lender_type))
    {
      shore_cli_set_bad_value (error,
                               /* Translators: the first %s is what the user typed, the second the option “--lender-type”; keep the kinds of lender as they are */
                               _("“%s” is not valid for “%s”; use bank, consumer-finance, microlender, platform, private or credit-card"),
                               args->lender_type, "--lender-type");
      return FALSE;
    }

  return TRUE;
}

static gboolean
apply_terms (const ShoreCliLoanArgs  *args,
             const ShoreCliCommand   *cmd,
             ShoreLoan               *loan,
             GError                 **error)
{
  if (!shore_cli_require (cmd, "--principal", args->principal, error) ||
      !shore_cli_parse_money ("--principal", args->principal, FALSE, &loan->principal, error) ||
      !shore_cli_require (cmd, "--rate", args->rate, error) ||
      !shore_cli_parse_rate ("--rate", args->rate, NULL, &loan->rate, error))
    return FALSE;

  if (args->monthly_fee_rate != NULL)
    {
      if (!shore_cli_parse_rate ("--monthly-fee-rate", args->monthly_fee_rate, "monthly",
                                 &loan->monthly_fee_rate, error))
        return FALSE;
      loan->has_monthly_fee_rate = TRUE;
    }

  if (args->upfront_fee != NULL &&
      !shore_cli_parse_money ("--upfront-fee", args->upfront_fee, TRUE, &loan->upfront_fee, error))
    return FALSE;

  if (!shore_cli_require (cmd, "--term", args->term, error) ||
      !shore_cli_parse_int ("--term", args->term, 1, SHORE_LOAN_TERM_MAX, &loan->term_months, error) ||
      !shore_cli_require (cmd, "--method", args->method, error))
    return FALSE;

  if (!shore_method_from_string (args->method, &loan->method))
    {
      shore_cli_set_bad_value (error,
                               /* Translators: the first %s is what the user typed, the second the option “--method”; keep the method names as they are */
                               _("“%s” is not valid for “%s”; use equal-installment, equal-principal, interest-first or bullet"),
                               args->method, "--method");
      return FALSE;
    }

  return shore_cli_require (cmd, "--start", args->start, error) &&
         shore_cli_parse_date ("--start", args->start, &loan->start_date, error);
}

static gboolean
apply_overdue (const ShoreCliLoanArgs  *args,
               ShoreLoan               *loan,
               GError                 **error)
{
  if (args->penalty_markup != NULL &&
      !parse_percent_bp ("--penalty-markup", args->penalty_markup, &loan->penalty_markup_bp, error))
    return FALSE;

  if (args->grace_days != NULL &&
      !shore_cli_parse_int ("--grace-days", args->grace_days, 0, GRACE_DAYS_MAX, &loan->grace_days, error))
    return FALSE;

  if (args->late_fee_daily != NULL)
    {
      if (!shore_cli_parse_rate ("--late-fee-daily", args->late_fee_daily, "daily",
                                 &loan->late_fee_daily, error))
        return FALSE;
      loan->has_late_fee = TRUE;
    }

  return args->accelerate_after == NULL ||
         shore_cli_parse_int ("--accelerate-after", args->accelerate_after, 0, ACCELERATE_DAYS_MAX,
                              &loan->accelerate_after_days, error);
}

gboolean
shore_cli_loan_args_apply (const ShoreCliLoanArgs  *args,
                           const ShoreCliCommand   *cmd,
                           ShoreCliLoanOptions      which,
                           ShoreLoan               *loan,
                           GError                 **error)
{
  if (which & SHORE_CLI_LOAN_LENDER)
    {
      if (!apply_lender (args, cmd, loan, error))
        return FALSE;
    }
  else
    {
      /* A loan needs a lender to be valid; schedule and apr have none. */
      g_free (loan->lender);
      loan->lender = g_strdup ("-");
    }

  if ((which & SHORE_CLI_LOAN_TERMS) && !apply_terms (args, cmd, loan, error))
    return FALSE;

  if ((which & SHORE_CLI_LOAN_OVERDUE) && !apply_overdue (args, loan, error))
    return FALSE;

  return shore_loan_validate (loan, error);
}

/* Output */

void
shore_cli_today (GDate *out)
{
  g_date_clear (out, 1);
  g_date_set_time_t (out, time (NULL));
}

char *
shore_cli_money_text (gint64 fen)
{
  return shore_money_format_plain (fen);
}

void
shore_cli_print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);

  fputs (data, stdout);
  fputc ('\n', stdout);
}

/* Columns on a terminal: CJK characters take two. */
int
shore_cli_text_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

void
shore_cli_append_padded (GString    *out,
                         const char *text,
                         int         width,
                         gboolean    align_right)
{
  int pad = width - shore_cli_text_width (text);

  if (align_right)
    for (int i = 0; i < pad; i++)
      g_string_append_c (out, ' ');

  g_string_append (out, text);

  if (!align_right)
    for (int i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
}
