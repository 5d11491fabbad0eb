/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "shore-apr.h"
#include "shore-cli.h"
#include "shore-cli-common.h"
#include "shore-legal-lines.h"
#include "shore-money.h"

typedef struct
{
  ShoreTrueCost  cost;
  GDate          contract_date;
  ShoreLegalLine lines[SHORE_N_LEGAL_LINES];
} AprResult;

/* “Pay X a month for N months” */
static gboolean
compute_for_payment (const ShoreCliCommand  *cmd,
                     const ShoreCliLoanArgs *args,
                     const char             *payment_text,
                     AprResult              *result,
                     GError                **error)
{
  gint64 principal = 0;
  gint64 payment = 0;
  gint64 upfront_fee = 0;
  int term = 0;

  if (args->rate != NULL || args->method != NULL || args->monthly_fee_rate != NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           /* Translators: keep the options as they are */
                           _("“--payment” cannot be combined with “--rate”, “--method” or “--monthly-fee-rate”"));
      return FALSE;
    }

  return shore_cli_require (cmd, "--principal", args->principal, error) &&
         shore_cli_parse_money ("--principal", args->principal, FALSE, &principal, error) &&
         (args->upfront_fee == NULL ||
          shore_cli_parse_money ("--upfront-fee", args->upfront_fee, TRUE, &upfront_fee, error)) &&
         shore_cli_require (cmd, "--term", args->term, error) &&
         shore_cli_parse_int ("--term", args->term, 1, SHORE_LOAN_TERM_MAX, &term, error) &&
         shore_cli_parse_money ("--payment", payment_text, FALSE, &payment, error) &&
         (args->start == NULL ||
          shore_cli_parse_date ("--start", args->start, &result->contract_date, error)) &&
         shore_apr_for_payment (principal, term, payment, upfront_fee, &result->cost, error);
}

/* From the terms: “--rate R --method M”, or a monthly fee rate */
static gboolean
compute_for_terms (const ShoreCliCommand *cmd,
                   ShoreCliLoanArgs      *args,
                   AprResult             *result,
                   GError               **error)
{
  g_autoptr(ShoreLoan) loan = shore_loan_new ();

  /* A 月费率 offer has no interest rate of its own, and usually repays the
   * principal in equal parts. */
  if (args->rate == NULL && args->monthly_fee_rate != NULL)
    {
      args->rate = g_strdup ("monthly:0%");
      if (args->method == NULL)
        args->method = g_strdup ("equal-principal");
    }
  if (args->start == NULL)
    args->start = shore_date_format_iso (&result->contract_date);

  if (!shore_cli_loan_args_apply (args, cmd, SHORE_CLI_LOAN_TERMS, loan, error) ||
      !shore_apr_for_loan (loan, &result->cost, error))
    return FALSE;

  result->contract_date = loan->start_date;
  return TRUE;
}

static char *
hundredths_text (gint64 hundredths)
{
  if (hundredths % 100 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, hundredths / 100);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", hundredths / 100, (int) (hundredths % 100));
}

static gboolean
has_lpr_line (const AprResult *result)
{
  return result->lines[SHORE_LEGAL_LINE_4LPR].annual_hundredths > 0;
}

static gboolean
crossed (const AprResult    *result,
         ShoreLegalLineKind  kind)
{
  return shore_legal_line_crossed (&result->lines[kind], result->cost.apr_simple);
}

static void
print_json (const AprResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *apr_simple = shore_apr_format_percent (result->cost.apr_simple, 2);
  g_autofree char *apr_compound = shore_apr_format_percent (result->cost.apr_compound, 2);
  g_autofree char *monthly_irr = shore_apr_format_percent (result->cost.monthly_irr, 4);
  g_autofree char *total_cost = shore_cli_money_text (result->cost.total_cost);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "apr_simple");
  json_builder_add_string_value (builder, apr_simple);
  json_builder_set_member_name (builder, "apr_compound");
  json_builder_add_string_value (builder, apr_compound);
  json_builder_set_member_name (builder, "monthly_irr");
  json_builder_add_string_value (builder, monthly_irr);
  json_builder_set_member_name (builder, "total_cost");
  json_builder_add_string_value (builder, total_cost);
  /* null: there was no LPR yet on the contract date, so no such line */
  json_builder_set_member_name (builder, "above_4lpr");
  if (has_lpr_line (result))
    json_builder_add_boolean_value (builder, crossed (result, SHORE_LEGAL_LINE_4LPR));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "above_24");
  json_builder_add_boolean_value (builder, crossed (result, SHORE_LEGAL_LINE_24));
  json_builder_set_member_name (builder, "above_36");
  json_builder_add_boolean_value (builder, crossed (result, SHORE_LEGAL_LINE_36));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  shore_cli_print_json (root);
}

static void
append_legal_line (GString         *out,
                   const AprResult *result,
                   ShoreLegalLineKind kind)
{
  const ShoreLegalLine *line = &result->lines[kind];
  g_autofree char *figure = hundredths_text (line->annual_hundredths);
  g_autofree char *date = shore_date_format_iso (&result->contract_date);
  gboolean above = crossed (result, kind);

  if (kind == SHORE_LEGAL_LINE_4LPR && !has_lpr_line (result))
    /* Translators: %s is the date of the contract, such as 2019-01-15 */
    g_string_append_printf (out, _("There was no LPR yet on %s, so the line of four times the LPR does not apply."), date);
  else if (kind == SHORE_LEGAL_LINE_4LPR && above)
    /* Translators: the first %s is a percentage such as 13.80, the second the date of the contract */
    g_string_append_printf (out, _("The rate is above %s%% a year, four times the one-year LPR on %s."), figure, date);
  else if (kind == SHORE_LEGAL_LINE_4LPR)
    /* Translators: the first %s is a percentage such as 13.80, the second the date of the contract */
    g_string_append_printf (out, _("The rate is not above %s%% a year, four times the one-year LPR on %s."), figure, date);
  else if (above)
    /* Translators: %s is a percentage such as 24 or 36 */
    g_string_append_printf (out, _("The rate is above %s%% a year."), figure);
  else
    /* Translators: %s is a percentage such as 24 or 36 */
    g_string_append_printf (out, _("The rate is not above %s%% a year."), figure);

  g_string_append_c (out, '\n');
}

static void
print_table (const AprResult *result)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *apr_simple = shore_apr_format_percent (result->cost.apr_simple, 2);
  g_autofree char *apr_compound = shore_apr_format_percent (result->cost.apr_compound, 2);
  g_autofree char *monthly_irr = shore_apr_format_percent (result->cost.monthly_irr, 4);
  g_autofree char *received = shore_money_format (result->cost.received);
  g_autofree char *total_repaid = shore_money_format (result->cost.total_repaid);
  g_autofree char *total_cost = shore_money_format (result->cost.total_cost);
  g_autofree char *simple_text = g_strdup_printf ("%s%%", apr_simple);
  g_autofree char *compound_text = g_strdup_printf ("%s%%", apr_compound);
  g_autofree char *irr_text = g_strdup_printf ("%s%%", monthly_irr);
  const char *labels[] = {
    _("Annual rate (simple, 12 × monthly)"),
    _("Annual rate (compound)"),
    _("Monthly rate (IRR)"),
    _("Money received"),
    _("Total repaid"),
    _("Total cost"),
  };
  const char *values[] = { simple_text, compound_text, irr_text, received, total_repaid, total_cost };
  int width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    width = MAX (width, shore_cli_text_width (labels[i]));

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      shore_cli_append_padded (out, labels[i], width, FALSE);
      g_string_append_printf (out, "  %s\n", values[i]);
    }

  g_string_append_c (out, '\n');
  for (int kind = 0; kind < SHORE_N_LEGAL_LINES; kind++)
    append_legal_line (out, result, kind);

  fputs (out->str, stdout);
}

/**
 * shore_cli_apr_run:
 *
 * `shore apr --principal A --term N (--payment X | --rate R --method M |
 * --monthly-fee-rate R) [--upfront-fee F] [--format table|json]`: the true
 * annual rate of an offer, checked against the legal lines.
 *
 * Returns: the exit status
 */
int
shore_cli_apr_run (int    argc,
                   char **argv)
{
  ShoreCliCommand cmd;
  ShoreCliLoanArgs args = { 0 };
  g_autofree char *payment = NULL;
  g_autoptr(GError) error = NULL;
  ShoreCliFormat format = SHORE_CLI_FORMAT_TABLE;
  AprResult result;
  int status = SHORE_CLI_EXIT_OK;
  gboolean ok = FALSE;

  memset (&result, 0, sizeof result);
  shore_cli_today (&result.contract_date);

  shore_cli_command_init (&cmd, "apr",
                          "shore apr --principal A --term N (--payment X | --rate R --method M | --monthly-fee-rate R) [--upfront-fee F] [--start YYYY-MM-DD] [--format table|json]",
                          N_("Work out the true annual rate of a loan offer (the PBoC method) and compare it with the legal lines. The contract date, for the LPR, is --start or today."));
  shore_cli_command_add_loan (&cmd, &args, SHORE_CLI_LOAN_TERMS);
  shore_cli_command_add_option (&cmd, "payment", &payment, "X",
                                N_("The amount paid each month, such as 916.80"));
  shore_cli_command_add_format (&cmd, FALSE);

  if (shore_cli_command_parse (&cmd, argc, argv, &status))
    {
      ok = shore_cli_command_get_format (&cmd, FALSE, &format, &error);

      if (ok && payment != NULL)
        ok = compute_for_payment (&cmd, &args, payment, &result, &error);
      else if (ok && (args.rate != NULL || args.monthly_fee_rate != NULL))
        ok = compute_for_terms (&cmd, &args, &result, &error);
      else if (ok)
        {
          g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                               /* Translators: keep the options as they are */
                               _("Say how the loan is repaid: give “--payment”, or “--rate” with “--method”, or “--monthly-fee-rate”"));
          ok = FALSE;
        }

      if (!ok)
        status = shore_cli_fail_error (error);
    }

  if (ok)
    {
      shore_legal_lines_for (SHORE_LENDER_PLATFORM, &result.contract_date, result.lines);

      if (format == SHORE_CLI_FORMAT_JSON)
        print_json (&result);
      else
        print_table (&result);
    }

  shore_cli_loan_args_clear (&args);
  shore_cli_command_clear (&cmd);

  return status;
}
