/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "shore-cli.h"
#include "shore-cli-common.h"
#include "shore-money.h"
#include "shore-overdue.h"

static void
add_money_member (JsonBuilder *builder,
                  const char  *name,
                  gint64       fen)
{
  g_autofree char *text = shore_cli_money_text (fen);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static void
print_json (const ShoreOverdueResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *as_of = shore_date_format_iso (&result->as_of);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "as_of");
  json_builder_add_string_value (builder, as_of);
  json_builder_set_member_name (builder, "days_overdue");
  json_builder_add_int_value (builder, result->days_overdue);
  json_builder_set_member_name (builder, "overdue_installments");
  json_builder_add_int_value (builder, result->overdue_installments);
  add_money_member (builder, "overdue_principal", result->overdue_principal);
  add_money_member (builder, "overdue_interest", result->overdue_interest);
  add_money_member (builder, "penalty_interest", result->penalty_interest);
  add_money_member (builder, "compound_interest", result->compound_interest);
  add_money_member (builder, "late_fees", result->late_fees);
  add_money_member (builder, "total_overdue", result->total_overdue);
  json_builder_set_member_name (builder, "stage");
  json_builder_add_string_value (builder, shore_overdue_stage_to_string (result->stage));
  json_builder_set_member_name (builder, "credit_status");
  json_builder_add_string_value (builder, result->credit_status);

  json_builder_set_member_name (builder, "milestones");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->milestones->len; i++)
    {
      const ShoreOverdueMilestone *m = &g_array_index (result->milestones, ShoreOverdueMilestone, i);
      g_autofree char *date = shore_date_format_iso (&m->date);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, date);
      json_builder_set_member_name (builder, "day");
      json_builder_add_int_value (builder, m->day);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, shore_milestone_kind_to_string (m->kind));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, m->text);
      json_builder_set_member_name (builder, "basis");
      json_builder_add_string_value (builder, shore_overdue_basis_to_string (m->basis));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  shore_cli_print_json (root);
}

static void
print_table (const ShoreOverdueResult *result)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *days = g_strdup_printf ("%d", result->days_overdue);
  g_autofree char *installments = g_strdup_printf ("%d", result->overdue_installments);
  g_autofree char *principal = shore_money_format (result->overdue_principal);
  g_autofree char *interest = shore_money_format (result->overdue_interest);
  g_autofree char *penalty = shore_money_format (result->penalty_interest);
  g_autofree char *compound = shore_money_format (result->compound_interest);
  g_autofree char *fees = shore_money_format (result->late_fees);
  g_autofree char *total = shore_money_format (result->total_overdue);
  /* Translators: labels of the summary of “shore overdue” */
  const char *labels[] = {
    _("Days overdue"),
    _("Stage"),
    _("Overdue installments"),
    _("Overdue principal"),
    _("Overdue interest"),
    _("Penalty interest (罚息)"),
    _("Compound interest (复利)"),
    _("Late fees"),
    _("Total overdue"),
  };
  const char *values[] = {
    days, shore_overdue_stage_get_label (result->stage), installments,
    principal, interest, penalty, compound, fees, total,
  };
  int width = 0;

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == G_N_ELEMENTS (values));

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    width = MAX (width, shore_cli_text_width (labels[i]));

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      shore_cli_append_padded (out, labels[i], width, FALSE);
      g_string_append_printf (out, "  %s\n", values[i]);
    }

  g_string_append_c (out, '\n');
  /* Translators: %s is 24 characters such as ******NNNN12, one a month */
  g_string_append_printf (out, _("Credit report, last 24 months: %s"), result->credit_status);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, "%s\n",
                          /* Translators: the legend of the credit report line; keep *, N and 1–7 as they are */
                          _("Oldest month first: * before the loan, N normal, 1–7 months overdue at the month’s end."));

  if (result->milestones->len > 0)
    g_string_append_c (out, '\n');

  for (guint i = 0; i < result->milestones->len; i++)
    {
      const ShoreOverdueMilestone *m = &g_array_index (result->milestones, ShoreOverdueMilestone, i);
      g_autofree char *date = shore_date_format_iso (&m->date);
      /* Translators: %d is the number of days since the first missed due date */
      g_autofree char *day = g_strdup_printf (_("(day %d)"), m->day);

      g_string_append_printf (out, "%s  %s  [%s]  %s", date, day,
                              shore_overdue_basis_to_string (m->basis), m->text);
      if (m->citation != NULL)
        g_string_append_printf (out, "  — %s", m->citation);
      g_string_append_c (out, '\n');
    }

  fputs (out->str, stdout);
}

/**
 * shore_cli_overdue_run:
 *
 * `shore overdue LOAN --missed-from K --as-of YYYY-MM-DD [--penalty-markup P%]
 * [--grace-days G] [--no-compound] [--late-fee-daily R%] [--accelerate-after D]
 * [--format table|json]`: what missing installments K … term costs by the
 * as-of date, and the dated consequences.
 *
 * Returns: the exit status
 */
int
shore_cli_overdue_run (int    argc,
                       char **argv)
{
  const ShoreCliLoanOptions which = SHORE_CLI_LOAN_TERMS | SHORE_CLI_LOAN_OVERDUE;
  ShoreCliCommand cmd;
  ShoreCliLoanArgs args = { 0 };
  g_autofree char *missed_from = NULL;
  g_autofree char *as_of = NULL;
  gboolean no_compound = FALSE;
  g_autoptr(ShoreLoan) loan = shore_loan_new ();
  g_autoptr(ShoreOverdueResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ShoreCliFormat format = SHORE_CLI_FORMAT_TABLE;
  ShoreOverdueOptions options;
  int status = SHORE_CLI_EXIT_OK;

  memset (&options, 0, sizeof options);
  g_date_clear (&options.as_of, 1);

  shore_cli_command_init (&cmd, "overdue",
                          "shore overdue --principal A --rate R --term N --method M --start YYYY-MM-DD --missed-from K --as-of YYYY-MM-DD [--penalty-markup P%] [--grace-days G] [--no-compound] [--late-fee-daily R%] [--accelerate-after D] [--format table|json]",
                          N_("Work out what unpaid installments cost by a given day, from installment K on, and what happens next."));
  shore_cli_command_add_loan (&cmd, &args, which);
  {
    GOptionEntry entry = { "no-compound", 0, 0, G_OPTION_ARG_NONE, &no_compound,
                           N_("No penalty interest on unpaid interest (复利)"), NULL };

    g_array_append_val (cmd.entries, entry);
  }
  shore_cli_command_add_option (&cmd, "missed-from", &missed_from, "K",
                                N_("The first installment not paid, such as 1; all later ones are unpaid too"));
  shore_cli_command_add_option (&cmd, "as-of", &as_of, "YYYY-MM-DD",
                                N_("The day to work it out for, such as 2026-10-25"));
  shore_cli_command_add_format (&cmd, FALSE);

  if (shore_cli_command_parse (&cmd, argc, argv, &status))
    {
      if (shore_cli_command_get_format (&cmd, FALSE, &format, &error) &&
          shore_cli_loan_args_apply (&args, &cmd, which, loan, &error) &&
          shore_cli_require (&cmd, "--missed-from", missed_from, &error) &&
          shore_cli_parse_int ("--missed-from", missed_from, 1, SHORE_LOAN_TERM_MAX,
                               &options.missed_from, &error) &&
          shore_cli_require (&cmd, "--as-of", as_of, &error) &&
          shore_cli_parse_date ("--as-of", as_of, &options.as_of, &error))
        {
          if (no_compound)
            loan->compound = FALSE;
          shore_overdue_compute (loan, &options, &result, &error);
        }

      if (result == NULL)
        status = shore_cli_fail_error (error);
    }

  if (result != NULL)
    {
      if (format == SHORE_CLI_FORMAT_JSON)
        print_json (result);
      else
        print_table (result);
    }

  shore_cli_loan_args_clear (&args);
  shore_cli_command_clear (&cmd);

  return status;
}
