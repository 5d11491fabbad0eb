/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "shore-cli.h"
#include "shore-cli-common.h"
#include "shore-import.h"
#include "shore-ledger.h"
#include "shore-money.h"
#include "shore-paths.h"
#include "shore-store.h"

/* `shore import FILE` and `shore export FILE.csv`: the bill importers and
 * the CSV export of the ledger, headless. FILE is the one argument the
 * shared option parser does not take, so it is picked out first. */

static char *
take_file_argument (int     *argc,
                    char   **argv)
{
  char *file = NULL;
  int j = 1;

  for (int i = 1; i < *argc; i++)
    {
      gboolean is_option = argv[i][0] == '-' && argv[i][1] != '\0';
      gboolean takes_value = is_option && strchr (argv[i], '=') == NULL &&
                             strcmp (argv[i], "--dry-run") != 0 &&
                             strcmp (argv[i], "--help") != 0 && strcmp (argv[i], "-h") != 0;

      if (!is_option && file == NULL)
        {
          file = argv[i];
          continue;
        }

      argv[j++] = argv[i];
      if (takes_value && i + 1 < *argc)
        argv[j++] = argv[++i];
    }

  *argc = j;
  argv[j] = NULL;
  return file;
}

static gboolean
find_account (ShoreStore  *store,
              const char  *name,
              gint64      *out_id,
              GError     **error)
{
  g_autoptr(GPtrArray) accounts = shore_ledger_list_accounts (store, FALSE, error);
  g_autoptr(GString) names = g_string_new (NULL);

  if (accounts == NULL)
    return FALSE;

  for (guint i = 0; i < accounts->len; i++)
    {
      ShoreAccount *account = g_ptr_array_index (accounts, i);

      if (g_strcmp0 (account->name, name) == 0)
        {
          *out_id = account->id;
          return TRUE;
        }
      if (names->len > 0)
        g_string_append (names, _(", "));
      g_string_append (names, account->name);
    }

  if (names->len == 0)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 /* Translators: %s is the account name the user typed after --account */
                 _("There is no account “%s”; leave out “--account” and the bill goes to the account for its kind"),
                 name);
  else
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 /* Translators: the first %s is the account name the user typed after --account, the second a list of account names */
                 _("There is no account “%s”; the accounts are: %s"),
                 name, names->str);
  return FALSE;
}

static void
print_summary_json (const ShoreImportSummary *summary,
                    gboolean                  dry_run)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *income = shore_cli_money_text (summary->income);
  g_autofree char *expense = shore_cli_money_text (summary->expense);
  g_autofree char *neutral = shore_cli_money_text (summary->neutral);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, shore_import_kind_to_string (summary->kind));
  json_builder_set_member_name (builder, "transactions");
  json_builder_add_int_value (builder, summary->transactions);
  json_builder_set_member_name (builder, "income");
  json_builder_add_string_value (builder, income);
  json_builder_set_member_name (builder, "expense");
  json_builder_add_string_value (builder, expense);
  json_builder_set_member_name (builder, "neutral");
  json_builder_add_string_value (builder, neutral);
  json_builder_set_member_name (builder, "skipped");
  json_builder_add_int_value (builder, summary->skipped);
  json_builder_set_member_name (builder, "duplicates");
  json_builder_add_int_value (builder, summary->duplicates);
  json_builder_set_member_name (builder, "linked_loans");
  json_builder_add_int_value (builder, summary->linked_loans);
  json_builder_set_member_name (builder, "dry_run");
  json_builder_add_boolean_value (builder, dry_run);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  shore_cli_print_json (root);
}

static void
print_summary_table (const ShoreImportSummary *summary,
                     const char               *account_name,
                     gboolean                  dry_run)
{
  g_autofree char *income = shore_money_format (summary->income);
  g_autofree char *expense = shore_money_format (summary->expense);
  g_autofree char *neutral = shore_money_format (summary->neutral);
  const char *kind = shore_import_kind_get_label (summary->kind);

  if (dry_run)
    printf (g_dngettext (GETTEXT_PACKAGE,
                         /* Translators: %s is the kind of bill (WeChat Pay, Alipay, CSV), %u a number of transactions */
                         "%s bill: %u new transaction would be imported into “%s”",
                         "%s bill: %u new transactions would be imported into “%s”",
                         summary->transactions),
            kind, summary->transactions, account_name);
  else
    printf (g_dngettext (GETTEXT_PACKAGE,
                         /* Translators: %s is the kind of bill (WeChat Pay, Alipay, CSV), %u a number of transactions */
                         "%s bill: imported %u new transaction into “%s”",
                         "%s bill: imported %u new transactions into “%s”",
                         summary->transactions),
            kind, summary->transactions, account_name);
  printf ("\n");

  /* Translators: a line of “shore import”; %u is a count, %s an amount of money */
  printf (_("  Income:   %u, %s"), summary->income_count, income);
  printf ("\n");
  /* Translators: a line of “shore import”; %u is a count, %s an amount of money */
  printf (_("  Spending: %u, %s"), summary->expense_count, expense);
  printf ("\n");
  /* Translators: a line of “shore import”; %u is a count, %s an amount of money. Neutral: moves between your own accounts */
  printf (_("  Neutral:  %u, %s"), summary->neutral_count, neutral);
  printf ("\n");
  /* Translators: a line of “shore import”; each %u is a count */
  printf (_("  Already imported: %u; skipped (closed or refunded): %u; linked to a loan: %u"),
          summary->duplicates, summary->skipped, summary->linked_loans);
  printf ("\n");

  if (dry_run)
    printf ("%s\n", _("Nothing was written (--dry-run)."));
}

int
shore_cli_import_run (int    argc,
                      char **argv)
{
  ShoreCliCommand cmd;
  ShoreCliFormat format;
  ShoreImportKind kind = SHORE_IMPORT_KIND_AUTO;
  ShoreImportSummary summary = { 0 };
  g_autoptr(ShoreStore) store = NULL;
  g_autoptr(ShoreImportResult) result = NULL;
  g_autoptr(ShoreAccount) account = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *account_name = NULL;
  g_autofree char *base_name = NULL;
  gboolean dry_run = FALSE;
  gint64 account_id = 0;
  const char *path;
  int status = SHORE_CLI_EXIT_OK;

  shore_cli_command_init (&cmd, "import",
                          "shore import FILE [--kind auto|wechat|alipay|csv] [--account NAME] [--dry-run] [--format table|json]",
                          N_("Import a WeChat Pay, Alipay or other CSV bill into the budget. A bill imported twice adds nothing."));
  shore_cli_command_add_option (&cmd, "kind", &kind_text, "KIND",
                                N_("What the file is: auto (the default), wechat, alipay or csv"));
  shore_cli_command_add_option (&cmd, "account", &account_name, "NAME",
                                N_("The account to import into (default: the account for the bill's kind)"));
  shore_cli_command_add_flag (&cmd, "dry-run", &dry_run,
                              N_("Show what would be imported without writing anything"));
  shore_cli_command_add_format (&cmd, FALSE);

  path = take_file_argument (&argc, argv);
  if (!shore_cli_command_parse (&cmd, argc, argv, &status))
    goto out;

  if (path == NULL)
    {
      status = shore_cli_fail (_("Name the bill to import, e.g. “shore import bill.csv”"));
      goto out;
    }

  if (!shore_cli_command_get_format (&cmd, FALSE, &format, &error))
    {
      status = shore_cli_fail_error (error);
      goto out;
    }

  if (kind_text != NULL && !shore_import_kind_from_string (kind_text, &kind))
    {
      /* Translators: %s is what the user typed after --kind; keep auto, wechat, alipay and csv as they are */
      status = shore_cli_fail (_("“%s” is not valid for “--kind”; use auto, wechat, alipay or csv"), kind_text);
      goto out;
    }

  /* The whole bill is read and parsed before the database is opened: a bad
   * file leaves no trace. */
  file = g_file_new_for_commandline_arg (path);
  bytes = shore_import_read_file (file, NULL, &error);
  if (bytes == NULL)
    {
      status = shore_cli_fail_error (error);
      goto out;
    }

  result = shore_import_parse (bytes, kind, NULL, NULL, NULL, NULL, &error);
  if (result == NULL)
    {
      status = shore_cli_fail_error (error);
      goto out;
    }

  data_dir = shore_paths_resolve_data_dir (cmd.data_dir);
  store = shore_store_open (data_dir, &error);
  if (store == NULL)
    {
      status = shore_cli_fail_error (error);
      goto out;
    }

  if (account_name != NULL && !find_account (store, account_name, &account_id, &error))
    {
      status = shore_cli_fail_error (error);
      goto out;
    }

  base_name = g_file_get_basename (file);
  if (!shore_ledger_import (store, result, account_id, base_name, dry_run, NULL, NULL, NULL,
                            &summary, NULL, &error))
    {
      status = shore_cli_fail_error (error);
      goto out;
    }

  if (summary.account_id != 0)
    account = shore_ledger_get_account (store, summary.account_id, NULL);

  if (format == SHORE_CLI_FORMAT_JSON)
    print_summary_json (&summary, dry_run);
  else
    print_summary_table (&summary,
                         account != NULL ? account->name :
                         account_name != NULL ? account_name : "",
                         dry_run);

out:
  shore_cli_command_clear (&cmd);
  return status;
}

static gboolean
parse_optional_date (const char  *option,
                     const char  *text,
                     GDate       *out,
                     GError     **error)
{
  if (text == NULL)
    return TRUE;
  return shore_cli_parse_date (option, text, out, error);
}

int
shore_cli_export_run (int    argc,
                      char **argv)
{
  ShoreCliCommand cmd;
  ShoreTxnFilter filter;
  g_autoptr(ShoreStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *account_name = NULL;
  const char *path;
  gboolean to_stdout;
  guint count = 0;
  int status = SHORE_CLI_EXIT_OK;

  shore_txn_filter_init (&filter);
  shore_cli_command_init (&cmd, "export",
                          "shore export FILE.csv [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--account NAME]",
                          N_("Write the budget's transactions to a CSV file (UTF-8, opens in spreadsheets). FILE “-” writes to standard output."));
  shore_cli_command_add_option (&cmd, "from", &from, "YYYY-MM-DD", N_("Only transactions on or after this day"));
  shore_cli_command_add_option (&cmd, "to", &to, "YYYY-MM-DD", N_("Only transactions on or before this day"));
  shore_cli_command_add_option (&cmd, "account", &account_name, "NAME", N_("Only the transactions of this account"));

  path = take_file_argument (&argc, argv);
  if (!shore_cli_command_parse (&cmd, argc, argv, &status))
    goto out;

  if (path == NULL)
    {
      status = shore_cli_fail (_("Name the file to write, e.g. “shore export transactions.csv”"));
      goto out;
    }

  if (!parse_optional_date ("--from", from, &filter.from, &error) ||
      !parse_optional_date ("--to", to, &filter.to, &error))
    {
      status = shore_cli_fail_error (error);
      goto out;
    }

  if (g_date_valid (&filter.from) && g_date_valid (&filter.to) &&
      g_date_compare (&filter.from, &filter.to) > 0)
    {
      status = shore_cli_fail (_("“--from” is after “--to”; nothing would be exported"));
      goto out;
    }

  data_dir = shore_paths_resolve_data_dir (cmd.data_dir);
  store = shore_store_open (data_dir, &error);
  if (store == NULL)
    {
      status = shore_cli_fail_error (error);
      goto out;
    }

  if (account_name != NULL && !find_account (store, account_name, &filter.account_id, &error))
    {
      status = shore_cli_fail_error (error);
      goto out;
    }

  to_stdout = strcmp (path, "-") == 0;
  if (to_stdout)
    stream = g_memory_output_stream_new_resizable ();
  else
    {
      /* g_file_replace() writes beside the file and renames at the end, so
       * a failure never leaves half a file (nor destroys an older one). */
      file = g_file_new_for_commandline_arg (path);
      stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, &error));
      if (stream == NULL)
        {
          status = shore_cli_fail_error (error);
          goto out;
        }
    }

  if (!shore_ledger_export_csv (store, &filter, stream, &count, NULL, &error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing a replace stream cancelled throws the temporary file away. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (stream, abandon, NULL);
      status = shore_cli_fail_error (error);
      goto out;
    }

  if (!g_output_stream_close (stream, NULL, &error))
    {
      status = shore_cli_fail_error (error);
      goto out;
    }

  if (to_stdout)
    {
      GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);

      fwrite (g_memory_output_stream_get_data (memory), 1,
              g_memory_output_stream_get_data_size (memory), stdout);
    }
  else
    {
      g_autofree char *display = g_file_get_parse_name (file);

      printf (g_dngettext (GETTEXT_PACKAGE,
                           /* Translators: %u is a number of transactions, %s a file name */
                           "Exported %u transaction to “%s”",
                           "Exported %u transactions to “%s”",
                           count),
              count, display);
      printf ("\n");
    }

out:
  shore_txn_filter_clear (&filter);
  shore_cli_command_clear (&cmd);
  return status;
}
