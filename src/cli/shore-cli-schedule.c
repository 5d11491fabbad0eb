/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-cli"

#include "config.h"

#include <stdio.h>

#include <glib.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "shore-cli.h"
#include "shore-cli-common.h"
#include "shore-money.h"
#include "shore-schedule.h"

#define N_COLUMNS 6

static JsonNode *
schedule_to_json (const ShoreSchedule *schedule)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *total_payment = shore_cli_money_text (schedule->total_payment);
  g_autofree char *total_interest = shore_cli_money_text (schedule->total_interest);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "installments");
  json_builder_begin_array (builder);

  for (guint i = 0; i < schedule->installments->len; i++)
    {
      const ShoreInstallment *row = &g_array_index (schedule->installments, ShoreInstallment, i);
      g_autofree char *due_date = shore_date_format_iso (&row->due_date);
      g_autofree char *payment = shore_cli_money_text (row->payment);
      g_autofree char *principal = shore_cli_money_text (row->principal);
      g_autofree char *interest = shore_cli_money_text (row->interest);
      g_autofree char *balance = shore_cli_money_text (row->balance);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "period");
      json_builder_add_int_value (builder, row->period);
      json_builder_set_member_name (builder, "due_date");
      json_builder_add_string_value (builder, due_date);
      json_builder_set_member_name (builder, "payment");
      json_builder_add_string_value (builder, payment);
      json_builder_set_member_name (builder, "principal");
      json_builder_add_string_value (builder, principal);
      json_builder_set_member_name (builder, "interest");
      json_builder_add_string_value (builder, interest);
      json_builder_set_member_name (builder, "balance");
      json_builder_add_string_value (builder, balance);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "total_payment");
  json_builder_add_string_value (builder, total_payment);
  json_builder_set_member_name (builder, "total_interest");
  json_builder_add_string_value (builder, total_interest);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_csv (const ShoreSchedule *schedule)
{
  g_autoptr(GString) out = g_string_new ("period,due_date,payment,principal,interest,balance\n");

  for (guint i = 0; i < schedule->installments->len; i++)
    {
      const ShoreInstallment *row = &g_array_index (schedule->installments, ShoreInstallment, i);
      g_autofree char *due_date = shore_date_format_iso (&row->due_date);
      g_autofree char *payment = shore_cli_money_text (row->payment);
      g_autofree char *principal = shore_cli_money_text (row->principal);
      g_autofree char *interest = shore_cli_money_text (row->interest);
      g_autofree char *balance = shore_cli_money_text (row->balance);

      g_string_append_printf (out, "%d,%s,%s,%s,%s,%s\n",
                              row->period, due_date, payment, principal, interest, balance);
    }

  fputs (out->str, stdout);
}

/* Rows of cells; the widest cell of each column sets its width. */
static void
append_rows (GString   *out,
             GPtrArray *rows)
{
  int widths[N_COLUMNS] = { 0 };

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);

      for (guint c = 0; c < N_COLUMNS && cells[c] != NULL; c++)
        widths[c] = MAX (widths[c], shore_cli_text_width (cells[c]));
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      GString *line = g_string_new (NULL);

      for (guint c = 0; c < N_COLUMNS && cells[c] != NULL; c++)
        {
          if (c > 0)
            g_string_append (line, "  ");
          /* the period and the date read from the left, amounts from the right */
          shore_cli_append_padded (line, cells[c], widths[c], c >= 2);
        }

      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append_printf (out, "%s\n", line->str);
      g_string_free (line, TRUE);
    }
}

static void
print_table (const ShoreSchedule *schedule)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) out = g_string_new (NULL);
  char **cells;
  gint64 total_principal = 0;

  cells = g_new0 (char *, N_COLUMNS + 1);
  /* Translators: column headings of the repayment schedule */
  cells[0] = g_strdup (C_("schedule", "Period"));
  cells[1] = g_strdup (C_("schedule", "Due date"));
  cells[2] = g_strdup (C_("schedule", "Payment"));
  cells[3] = g_strdup (C_("schedule", "Principal"));
  cells[4] = g_strdup (C_("schedule", "Interest"));
  cells[5] = g_strdup (C_("schedule", "Balance"));
  g_ptr_array_add (rows, cells);

  for (guint i = 0; i < schedule->installments->len; i++)
    {
      const ShoreInstallment *row = &g_array_index (schedule->installments, ShoreInstallment, i);

      cells = g_new0 (char *, N_COLUMNS + 1);
      cells[0] = g_strdup_printf ("%d", row->period);
      cells[1] = shore_date_format_iso (&row->due_date);
      cells[2] = shore_money_format (row->payment);
      cells[3] = shore_money_format (row->principal);
      cells[4] = shore_money_format (row->interest);
      cells[5] = shore_money_format (row->balance);
      g_ptr_array_add (rows, cells);

      if (!shore_money_add (total_principal, row->principal, &total_principal))
        total_principal = G_MAXINT64;
    }

  cells = g_new0 (char *, N_COLUMNS + 1);
  /* Translators: the last row of the repayment schedule, with the sums */
  cells[0] = g_strdup (C_("schedule", "Total"));
  cells[1] = g_strdup ("");
  cells[2] = shore_money_format (schedule->total_payment);
  cells[3] = shore_money_format (total_principal);
  cells[4] = shore_money_format (schedule->total_interest);
  cells[5] = g_strdup ("");
  g_ptr_array_add (rows, cells);

  append_rows (out, rows);
  fputs (out->str, stdout);
}

/**
 * shore_cli_schedule_run:
 *
 * `shore schedule LOAN [--format table|json|csv]`: the repayment schedule of
 * a loan, computed from its terms.
 *
 * Returns: the exit status
 */
int
shore_cli_schedule_run (int    argc,
                        char **argv)
{
  ShoreCliCommand cmd;
  ShoreCliLoanArgs args = { 0 };
  g_autoptr(ShoreLoan) loan = shore_loan_new ();
  g_autoptr(ShoreSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  ShoreCliFormat format = SHORE_CLI_FORMAT_TABLE;
  int status = SHORE_CLI_EXIT_OK;

  shore_cli_command_init (&cmd, "schedule",
                          "shore schedule --principal A --rate R --term N --method M --start YYYY-MM-DD [--monthly-fee-rate R] [--upfront-fee F] [--format table|json|csv]",
                          N_("Show the repayment schedule of a loan, period by period."));
  shore_cli_command_add_loan (&cmd, &args, SHORE_CLI_LOAN_TERMS);
  shore_cli_command_add_format (&cmd, TRUE);

  if (shore_cli_command_parse (&cmd, argc, argv, &status))
    {
      if (shore_cli_command_get_format (&cmd, TRUE, &format, &error) &&
          shore_cli_loan_args_apply (&args, &cmd, SHORE_CLI_LOAN_TERMS, loan, &error))
        schedule = shore_schedule_compute (loan, &error);

      if (schedule == NULL)
        status = shore_cli_fail_error (error);
    }

  if (schedule != NULL)
    {
      switch (format)
        {
        case SHORE_CLI_FORMAT_JSON:
          {
            g_autoptr(JsonNode) root = schedule_to_json (schedule);

            shore_cli_print_json (root);
          }
          break;

        case SHORE_CLI_FORMAT_CSV:
          print_csv (schedule);
          break;

        case SHORE_CLI_FORMAT_TABLE:
        default:
          print_table (schedule);
          break;
        }
    }

  shore_cli_loan_args_clear (&args);
  shore_cli_command_clear (&cmd);

  return status;
}
