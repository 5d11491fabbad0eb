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
#include "shore-debts.h"
#include "shore-money.h"
#include "shore-paths.h"
#include "shore-store.h"

#define N_LIST_COLUMNS 6

static int
loan_add (int    argc,
          char **argv)
{
  ShoreCliCommand cmd;
  ShoreCliLoanArgs args = { 0 };
  ShoreCliLoanOptions which = SHORE_CLI_LOAN_LENDER | SHORE_CLI_LOAN_TERMS | SHORE_CLI_LOAN_OVERDUE;
  g_autoptr(ShoreLoan) loan = shore_loan_new ();
  g_autoptr(ShoreStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *id = NULL;
  int status = SHORE_CLI_EXIT_OK;

  shore_cli_command_init (&cmd, "loan add",
                          "shore loan add --lender NAME [--lender-type TYPE] --principal A --rate R --term N --method M --start YYYY-MM-DD [--monthly-fee-rate R] [--upfront-fee F] [--penalty-markup P%] [--grace-days G] [--late-fee-daily R%] [--accelerate-after D]",
                          N_("Add a loan to your list of debts."));
  shore_cli_command_add_loan (&cmd, &args, which);

  if (!shore_cli_command_parse (&cmd, argc, argv, &status))
    goto out;

  /* Everything is checked before the database is opened, so bad input
   * leaves no trace. */
  if (!shore_cli_loan_args_apply (&args, &cmd, which, loan, &error))
    {
      status = shore_cli_fail_error (error);
      goto out;
    }

  data_dir = shore_paths_resolve_data_dir (cmd.data_dir);
  store = shore_store_open (data_dir, &error);
  if (store == NULL || !shore_debts_add (store, loan, &error))
    {
      status = shore_cli_fail_error (error);
      goto out;
    }

  id = g_strdup_printf ("%" G_GINT64_FORMAT, loan->id);
  /* Translators: the first %s is the number of the new loan, the second its lender */
  printf (_("Added loan %s (%s)"), id, loan->lender);
  printf ("\n");

out:
  shore_cli_loan_args_clear (&args);
  shore_cli_command_clear (&cmd);
  return status;
}

static void
print_list_json (GListModel *debts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n = g_list_model_get_n_items (debts);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (debts, i);
      const ShoreLoan *loan = shore_debt_get_loan (debt);
      const ShoreLoanStatus *status = shore_debt_get_status (debt);
      g_autofree char *principal = shore_cli_money_text (loan->principal);
      g_autofree char *balance = shore_cli_money_text (status->principal_remaining);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, loan->id);
      json_builder_set_member_name (builder, "lender");
      json_builder_add_string_value (builder, loan->lender);
      json_builder_set_member_name (builder, "principal");
      json_builder_add_string_value (builder, principal);
      json_builder_set_member_name (builder, "balance");
      json_builder_add_string_value (builder, balance);
      json_builder_set_member_name (builder, "next_due_date");
      if (g_date_valid (&status->next_due_date))
        {
          g_autofree char *date = shore_date_format_iso (&status->next_due_date);

          json_builder_add_string_value (builder, date);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "days_overdue");
      json_builder_add_int_value (builder, status->days_overdue);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  shore_cli_print_json (root);
}

static void
print_list_table (GListModel *debts)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) out = g_string_new (NULL);
  int widths[N_LIST_COLUMNS] = { 0 };
  guint n = g_list_model_get_n_items (debts);
  char **cells;

  if (n == 0)
    {
      printf ("%s\n", _("No loans yet. Add one with “shore loan add”."));
      return;
    }

  cells = g_new0 (char *, N_LIST_COLUMNS + 1);
  /* Translators: column headings of “shore loan list” */
  cells[0] = g_strdup (C_("loan list", "No."));
  cells[1] = g_strdup (C_("loan list", "Lender"));
  cells[2] = g_strdup (C_("loan list", "Principal"));
  cells[3] = g_strdup (C_("loan list", "Balance"));
  cells[4] = g_strdup (C_("loan list", "Next due"));
  cells[5] = g_strdup (C_("loan list", "Status"));
  g_ptr_array_add (rows, cells);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (debts, i);
      const ShoreLoan *loan = shore_debt_get_loan (debt);
      const ShoreLoanStatus *status = shore_debt_get_status (debt);

      cells = g_new0 (char *, N_LIST_COLUMNS + 1);
      cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, loan->id);
      cells[1] = g_strdup (loan->lender);
      cells[2] = shore_money_format (loan->principal);
      cells[3] = shore_money_format (status->principal_remaining);
      cells[4] = g_date_valid (&status->next_due_date) ? shore_date_format_iso (&status->next_due_date)
                                                        : g_strdup ("");
      g_object_get (debt, "summary", &cells[5], NULL);
      g_ptr_array_add (rows, cells);
    }

  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c < N_LIST_COLUMNS; c++)
      widths[c] = MAX (widths[c], shore_cli_text_width (((char **) g_ptr_array_index (rows, r))[c]));

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < N_LIST_COLUMNS; c++)
        {
          if (c > 0)
            g_string_append (out, "  ");
          if (c == N_LIST_COLUMNS - 1)
            g_string_append (out, row[c]);
          else
            shore_cli_append_padded (out, row[c], widths[c], c == 0 || c == 2 || c == 3);
        }
      g_string_append_c (out, '\n');
    }

  fputs (out->str, stdout);
}

static int
loan_list (int    argc,
           char **argv)
{
  ShoreCliCommand cmd;
  g_autoptr(ShoreStore) store = NULL;
  g_autoptr(GListModel) debts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *db_path = NULL;
  ShoreCliFormat format = SHORE_CLI_FORMAT_TABLE;
  GDate today;
  int status = SHORE_CLI_EXIT_OK;

  shore_cli_command_init (&cmd, "loan list", "shore loan list [--format table|json]",
                          N_("List your loans: what is left to repay and when the next payment is due."));
  shore_cli_command_add_format (&cmd, FALSE);

  if (!shore_cli_command_parse (&cmd, argc, argv, &status))
    goto out;

  if (!shore_cli_command_get_format (&cmd, FALSE, &format, &error))
    {
      status = shore_cli_fail_error (error);
      goto out;
    }

  shore_cli_today (&today);
  data_dir = shore_paths_resolve_data_dir (cmd.data_dir);
  db_path = shore_paths_database_file (data_dir);

  /* Listing creates nothing: without a database there are no loans. */
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      store = shore_store_open (data_dir, &error);
      if (store != NULL)
        debts = shore_debts_list (store, &today, &error);
      if (debts == NULL)
        {
          status = shore_cli_fail_error (error);
          goto out;
        }
    }
  else
    debts = G_LIST_MODEL (g_list_store_new (SHORE_TYPE_DEBT));

  if (format == SHORE_CLI_FORMAT_JSON)
    print_list_json (debts);
  else
    print_list_table (debts);

out:
  shore_cli_command_clear (&cmd);
  return status;
}

static void
print_loan_help (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: %s is the command's syntax; keep it as it is */
  g_string_append_printf (text, _("Usage: %s"), "shore loan add|list [OPTION…]");
  g_string_append_printf (text, "\n\n%s\n\n", _("Add loans to your list of debts, or list them."));
  g_string_append_printf (text, "  %-8s %s\n", "add", _("Add a loan to your list of debts."));
  g_string_append_printf (text, "  %-8s %s\n", "list",
                          _("List your loans: what is left to repay and when the next payment is due."));
  g_string_append_printf (text, "\n%s\n", _("Run “shore loan add --help” or “shore loan list --help” for their options."));

  fputs (text->str, stdout);
}

/**
 * shore_cli_loan_run:
 *
 * `shore loan add LOAN --lender NAME [--lender-type TYPE]` and
 * `shore loan list [--format table|json]`: the register of debts in the
 * data folder.
 *
 * Returns: the exit status
 */
int
shore_cli_loan_run (int    argc,
                    char **argv)
{
  const char *sub = argc >= 2 ? argv[1] : NULL;

  if (sub != NULL && strcmp (sub, "add") == 0)
    return loan_add (argc - 1, argv + 1);

  if (sub != NULL && strcmp (sub, "list") == 0)
    return loan_list (argc - 1, argv + 1);

  if (sub != NULL && (strcmp (sub, "--help") == 0 || strcmp (sub, "-h") == 0))
    {
      print_loan_help ();
      return SHORE_CLI_EXIT_OK;
    }

  if (sub == NULL)
    return shore_cli_fail (_("Say what to do with loans: “shore loan add” or “shore loan list”"));

  /* Translators: %s is what the user typed after “shore loan” */
  return shore_cli_fail (_("“%s” is not a loan command; use “shore loan add” or “shore loan list”"), sub);
}
