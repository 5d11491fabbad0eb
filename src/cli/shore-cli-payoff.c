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
#include "shore-payoff.h"
#include "shore-store.h"

/* The table shows every month of a short plan, else the first ones and the last. */
#define TABLE_HEAD_MONTHS 12
#define N_COLUMNS 5

typedef struct
{
  GPtrArray *loans;     /* of ShoreLoan: owns the labels the debts borrow */
  GArray    *debts;     /* of ShorePayoffDebt, only those with a balance */
} Debts;

static void
debts_clear (Debts *d)
{
  g_clear_pointer (&d->loans, g_ptr_array_unref);
  g_clear_pointer (&d->debts, g_array_unref);
}

/* SPEC: key=value pairs separated by commas */

static void
set_spec_error (GError     **error,
                const char  *key,
                const char  *spec,
                const char  *reason)
{
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* Translators: the first %s is a key such as “principal”, the second what the user typed after “--loan”, the third says what is wrong */
               _("Problem with “%s” in “--loan %s”: %s"), key, spec, reason);
}

static gboolean
apply_spec_pair (ShoreLoan   *loan,
                 const char  *key,
                 const char  *value,
                 int         *missed_from,
                 GError     **error)
{
  if (strcmp (key, "principal") == 0)
    return shore_cli_parse_money (key, value, FALSE, &loan->principal, error);
  if (strcmp (key, "rate") == 0)
    return shore_cli_parse_rate (key, value, NULL, &loan->rate, error);
  if (strcmp (key, "fee") == 0)
    {
      loan->has_monthly_fee_rate = TRUE;
      return shore_cli_parse_rate (key, value, "monthly", &loan->monthly_fee_rate, error);
    }
  if (strcmp (key, "upfront") == 0)
    return shore_cli_parse_money (key, value, TRUE, &loan->upfront_fee, error);
  if (strcmp (key, "term") == 0)
    return shore_cli_parse_int (key, value, 1, SHORE_LOAN_TERM_MAX, &loan->term_months, error);
  if (strcmp (key, "missed-from") == 0)
    return shore_cli_parse_int (key, value, 1, SHORE_LOAN_TERM_MAX, missed_from, error);
  if (strcmp (key, "start") == 0)
    return shore_cli_parse_date (key, value, &loan->start_date, error);
  if (strcmp (key, "method") == 0)
    {
      if (shore_method_from_string (value, &loan->method))
        return TRUE;
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: the first %s is what the user typed, the second the key “method”; keep the method names as they are */
                   _("“%s” is not valid for “%s”; use equal-installment, equal-principal, interest-first or bullet"),
                   value, key);
      return FALSE;
    }
  if (strcmp (key, "lender") == 0)
    {
      g_free (loan->lender);
      loan->lender = g_strstrip (g_strdup (value));
      return TRUE;
    }

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               /* Translators: %s is what the user typed before “=”; keep the key names as they are */
               _("“%s” is not a key of “--loan”; use principal, rate, term, method, start, fee, upfront, lender or missed-from"),
               key);
  return FALSE;
}

/* Fills @loan (initialized) from @spec; start defaults to @as_of, method to
 * equal installments, rate to 0 when there is a fee. */
static gboolean
parse_spec (const char   *spec,
            const GDate  *as_of,
            ShoreLoan    *loan,
            int          *missed_from,
            GError      **error)
{
  g_auto(GStrv) pairs = g_strsplit (spec, ",", -1);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  static const char * const required[] = { "principal", "term", NULL };

  g_free (loan->lender);
  loan->lender = g_strdup ("-");
  loan->start_date = *as_of;
  loan->method = SHORE_METHOD_EQUAL_INSTALLMENT;
  *missed_from = 0;

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_autoptr(GError) reason = NULL;
      char *pair = g_strstrip (pairs[i]);
      char *eq = strchr (pair, '=');

      if (eq == NULL || eq == pair)
        {
          set_spec_error (error, pair, spec, _("write each pair as key=value, such as principal=10000"));
          return FALSE;
        }
      *eq = '\0';
      g_strstrip (pair);
      if (g_hash_table_contains (seen, pair))
        {
          set_spec_error (error, pair, spec, _("the key is given twice"));
          return FALSE;
        }
      g_hash_table_add (seen, pair);
      if (!apply_spec_pair (loan, pair, g_strstrip (eq + 1), missed_from, &reason))
        {
          set_spec_error (error, pair, spec, reason->message);
          return FALSE;
        }
    }

  for (guint i = 0; required[i] != NULL; i++)
    if (!g_hash_table_contains (seen, required[i]))
      {
        set_spec_error (error, required[i], spec, _("the key is missing"));
        return FALSE;
      }
  if (!g_hash_table_contains (seen, "rate") && !loan->has_monthly_fee_rate)
    {
      set_spec_error (error, "rate", spec, _("the key is missing"));
      return FALSE;
    }
  if (*missed_from > loan->term_months)
    {
      set_spec_error (error, "missed-from", spec, _("it is after the last installment"));
      return FALSE;
    }

  return shore_loan_validate (loan, error);
}

/* A loan typed on the command line was paid as agreed up to @as_of, except
 * the installments from “missed-from” on. */
static GArray *
assumed_payments (const ShoreLoan  *loan,
                  int               missed_from,
                  const GDate      *as_of,
                  GError          **error)
{
  g_autoptr(ShoreSchedule) schedule = shore_schedule_compute (loan, error);
  g_autoptr(GArray) payments = g_array_new (FALSE, TRUE, sizeof (ShorePayment));

  if (schedule == NULL)
    return NULL;

  for (guint i = 0; i < schedule->installments->len; i++)
    {
      const ShoreInstallment *row = &g_array_index (schedule->installments, ShoreInstallment, i);
      ShorePayment payment = { 0, row->due_date, row->payment };

      if (g_date_compare (&row->due_date, as_of) >= 0 || (missed_from > 0 && row->period >= missed_from))
        break;
      if (row->payment > 0)
        g_array_append_val (payments, payment);
    }

  return g_steal_pointer (&payments);
}

static gboolean
add_debt (Debts               *d,
          ShoreLoan           *loan,       /* taken */
          const ShorePayment  *payments,
          guint                n_payments,
          const GDate         *as_of,
          GError             **error)
{
  ShorePayoffDebt debt;

  g_ptr_array_add (d->loans, loan);
  if (!shore_payoff_debt_from_loan (loan, payments, n_payments, as_of, &debt, error))
    return FALSE;
  if (debt.balance > 0)
    g_array_append_val (d->debts, debt);
  return TRUE;
}

static gboolean
debts_from_specs (Debts        *d,
                  char        **specs,
                  const GDate  *as_of,
                  GError      **error)
{
  for (guint i = 0; specs[i] != NULL; i++)
    {
      g_autoptr(ShoreLoan) loan = shore_loan_new ();
      g_autoptr(GArray) payments = NULL;
      int missed_from = 0;

      if (!parse_spec (specs[i], as_of, loan, &missed_from, error))
        return FALSE;
      loan->id = i + 1;
      if (strcmp (loan->lender, "-") == 0)
        {
          g_free (loan->lender);
          /* Translators: the name of a loan typed with “--loan”; %u is its position, from 1 */
          loan->lender = g_strdup_printf (_("Loan %u"), i + 1);
        }
      payments = assumed_payments (loan, missed_from, as_of, error);
      if (payments == NULL ||
          !add_debt (d, g_steal_pointer (&loan), (const ShorePayment *) (gpointer) payments->data,
                     payments->len, as_of, error))
        return FALSE;
    }

  return TRUE;
}

/* The loans of the data folder; reading creates nothing. */
static gboolean
debts_from_store (Debts        *d,
                  const char   *data_dir_option,
                  const GDate  *as_of,
                  GError      **error)
{
  g_autofree char *data_dir = shore_paths_resolve_data_dir (data_dir_option);
  g_autofree char *db_path = shore_paths_database_file (data_dir);
  g_autoptr(ShoreStore) store = NULL;
  g_autoptr(GListModel) list = NULL;

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    return TRUE;

  store = shore_store_open (data_dir, error);
  if (store != NULL)
    list = shore_debts_list (store, as_of, error);
  if (list == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ShoreDebt) item = g_list_model_get_item (list, i);
      GArray *payments = shore_debt_get_payments (item);

      if (!add_debt (d, shore_loan_copy (shore_debt_get_loan (item)),
                     payments != NULL ? (const ShorePayment *) (gpointer) payments->data : NULL,
                     payments != NULL ? payments->len : 0, as_of, error))
        return FALSE;
    }

  return TRUE;
}

/* Output */

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
print_json (const ShorePayoffPlan *plan,
            const GArray          *debts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "strategy");
  json_builder_add_string_value (builder, shore_payoff_strategy_to_string (plan->strategy));
  json_builder_set_member_name (builder, "months");
  json_builder_add_int_value (builder, plan->months);
  json_builder_set_member_name (builder, "debt_free_date");
  if (g_date_valid (&plan->debt_free_date))
    {
      g_autofree char *date = shore_date_format_iso (&plan->debt_free_date);

      json_builder_add_string_value (builder, date);
    }
  else
    json_builder_add_null_value (builder);
  add_money_member (builder, "total_interest", plan->total_interest);
  add_money_member (builder, "total_paid", plan->total_paid);
  add_money_member (builder, "shortfall", plan->shortfall);

  json_builder_set_member_name (builder, "plan");
  json_builder_begin_array (builder);
  for (int m = 1; m <= plan->months; m++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "month");
      json_builder_add_int_value (builder, m);
      json_builder_set_member_name (builder, "payments");
      json_builder_begin_array (builder);
      for (guint i = 0; i < debts->len; i++)
        {
          gint64 amount = shore_payoff_plan_get_payment (plan, m, i);

          if (amount == 0)
            continue;
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "loan");
          json_builder_add_int_value (builder, g_array_index (debts, ShorePayoffDebt, i).id);
          add_money_member (builder, "amount", amount);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  shore_cli_print_json (root);
}

static char **
month_row (const ShorePayoffPlan *plan,
           const GArray          *debts,
           int                    m)
{
  char **cells = g_new0 (char *, N_COLUMNS + 1);
  g_autoptr(GString) cleared = g_string_new (NULL);
  gint64 paid = 0, interest = 0, left = 0;

  for (guint i = 0; i < debts->len; i++)
    {
      paid += shore_payoff_plan_get_payment (plan, m, i);
      interest += shore_payoff_plan_get_interest (plan, m, i);
      left += shore_payoff_plan_get_balance (plan, m, i);
      if (shore_payoff_plan_get_paid_off_month (plan, i) == m)
        g_string_append_printf (cleared, "%s%s", cleared->len > 0 ? ", " : "",
                                g_array_index (debts, ShorePayoffDebt, i).label);
    }

  cells[0] = shore_date_format_iso (shore_payoff_plan_get_date (plan, m));
  cells[1] = shore_money_format (paid);
  cells[2] = shore_money_format (interest);
  cells[3] = shore_money_format (left);
  cells[4] = g_strdup (cleared->str);
  return cells;
}

static void
append_rows (GString   *out,
             GPtrArray *rows)
{
  int widths[N_COLUMNS] = { 0 };

  /* A row of NULLs stands for the months left out. */
  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c < N_COLUMNS; c++)
      {
        const char *cell = ((char **) g_ptr_array_index (rows, r))[c];

        if (cell != NULL)
          widths[c] = MAX (widths[c], shore_cli_text_width (cell));
      }

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      if (row[0] == NULL)
        {
          g_string_append (out, "…\n");
          continue;
        }
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (c == N_COLUMNS - 1)
            {
              if (*row[c] != '\0')
                g_string_append_printf (out, "  %s", row[c]);
              continue;
            }
          if (c > 0)
            g_string_append (out, "  ");
          shore_cli_append_padded (out, row[c], widths[c], c >= 1);
        }
      g_string_append_c (out, '\n');
    }
}

static char *
compare_line (ShorePayoffPlan **plans)
{
  g_autofree char *a_interest = shore_money_format (plans[SHORE_PAYOFF_AVALANCHE]->total_interest);
  g_autofree char *a_date = shore_date_format_iso (&plans[SHORE_PAYOFF_AVALANCHE]->debt_free_date);
  g_autofree char *s_interest = shore_money_format (plans[SHORE_PAYOFF_SNOWBALL]->total_interest);
  g_autofree char *s_date = shore_date_format_iso (&plans[SHORE_PAYOFF_SNOWBALL]->debt_free_date);
  g_autofree char *o_interest = shore_money_format (plans[SHORE_PAYOFF_OVERDUE_FIRST]->total_interest);
  g_autofree char *o_date = shore_date_format_iso (&plans[SHORE_PAYOFF_OVERDUE_FIRST]->debt_free_date);

  /* Translators: each pair of %s is the total interest of a strategy and the date the debts are paid off; keep the order */
  return g_strdup_printf (_("Compare: avalanche %s interest, debt-free %s; snowball %s, debt-free %s; overdue first %s, debt-free %s."),
                          a_interest, a_date, s_interest, s_date, o_interest, o_date);
}

static void
print_table (const ShorePayoffPlan  *plan,
             ShorePayoffPlan       **plans,
             const GArray           *debts)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *interest = shore_money_format (plan->total_interest);
  g_autofree char *paid = shore_money_format (plan->total_paid);
  g_autofree char *date = shore_date_format_iso (&plan->debt_free_date);
  g_autofree char *compare = compare_line (plans);
  gboolean all = plan->months <= TABLE_HEAD_MONTHS + 1;
  char **cells = g_new0 (char *, N_COLUMNS + 1);

  /* Translators: %s is a strategy, such as “Avalanche (highest real rate first)” */
  g_string_append_printf (out, _("Strategy: %s"), shore_payoff_strategy_get_label (plan->strategy));
  g_string_append (out, "\n\n");

  /* Translators: column headings of “shore payoff” */
  cells[0] = g_strdup (C_("payoff", "Date"));
  cells[1] = g_strdup (C_("payoff", "Paid"));
  cells[2] = g_strdup (C_("payoff", "Interest"));
  cells[3] = g_strdup (C_("payoff", "Still owed"));
  cells[4] = g_strdup (C_("payoff", "Paid off"));
  g_ptr_array_add (rows, cells);

  for (int m = 1; m <= plan->months; m++)
    {
      if (!all && m == TABLE_HEAD_MONTHS + 1)
        {
          g_ptr_array_add (rows, g_new0 (char *, N_COLUMNS + 1));
          m = plan->months;
        }
      g_ptr_array_add (rows, month_row (plan, debts, m));
    }
  append_rows (out, rows);

  g_string_append_c (out, '\n');
  /* Translators: %s is a date, %d the number of months until then */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "Debt-free on %s, in %d month", "Debt-free on %s, in %d months",
                                            (gulong) plan->months), date, plan->months);
  g_string_append_c (out, '\n');
  /* Translators: %s is an amount of money */
  g_string_append_printf (out, _("Total interest and fees: %s"), interest);
  g_string_append_c (out, '\n');
  /* Translators: %s is an amount of money */
  g_string_append_printf (out, _("Total paid: %s"), paid);
  g_string_append_printf (out, "\n%s\n", compare);

  fputs (out->str, stdout);
}

static void
print_shortfall (const ShorePayoffPlan *plan)
{
  g_autofree char *missing = shore_money_format (plan->shortfall);

  /* Translators: %s is the amount missing each month */
  printf (_("Your monthly amount does not cover the minimum payments: %s short. Talk to your lenders about a repayment plan, and see the Rights page."),
          missing);
  printf ("\n");
}

/* Options */

typedef struct
{
  char  *budget;
  char  *strategy;
  char  *as_of;
  char **loans;
} PayoffArgs;

static gboolean
parse_args (ShoreCliCommand      *cmd,
            PayoffArgs           *args,
            gint64               *budget,
            ShorePayoffStrategy  *strategy,
            GDate                *as_of,
            ShoreCliFormat       *format,
            GError              **error)
{
  if (!shore_cli_command_get_format (cmd, FALSE, format, error) ||
      !shore_cli_require (cmd, "--monthly-budget", args->budget, error) ||
      !shore_cli_parse_money ("--monthly-budget", args->budget, FALSE, budget, error) ||
      !shore_cli_require (cmd, "--strategy", args->strategy, error))
    return FALSE;

  if (!shore_payoff_strategy_from_string (args->strategy, strategy))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: the first %s is what the user typed, the second the option “--strategy”; keep the strategy names as they are */
                   _("“%s” is not valid for “%s”; use avalanche, snowball or overdue-first"),
                   args->strategy, "--strategy");
      return FALSE;
    }

  if (args->as_of == NULL)
    shore_cli_today (as_of);
  else if (!shore_cli_parse_date ("--as-of", args->as_of, as_of, error))
    return FALSE;

  return TRUE;
}

static int
run (ShoreCliCommand *cmd,
     PayoffArgs      *args)
{
  Debts d = { g_ptr_array_new_with_free_func ((GDestroyNotify) shore_loan_free),
              g_array_new (FALSE, TRUE, sizeof (ShorePayoffDebt)) };
  ShorePayoffPlan *plans[SHORE_PAYOFF_N_STRATEGIES] = { NULL };
  g_autoptr(GError) error = NULL;
  ShorePayoffStrategy strategy = SHORE_PAYOFF_AVALANCHE;
  ShoreCliFormat format = SHORE_CLI_FORMAT_TABLE;
  gint64 budget = 0;
  GDate as_of;
  int status = SHORE_CLI_EXIT_OK;

  g_date_clear (&as_of, 1);
  if (!parse_args (cmd, args, &budget, &strategy, &as_of, &format, &error) ||
      !(args->loans != NULL ? debts_from_specs (&d, args->loans, &as_of, &error)
                            : debts_from_store (&d, cmd->data_dir, &as_of, &error)) ||
      !shore_payoff_compare ((const ShorePayoffDebt *) (gpointer) d.debts->data, d.debts->len,
                             budget, &as_of, plans, &error))
    {
      status = shore_cli_fail_error (error);
      goto out;
    }

  if (format == SHORE_CLI_FORMAT_JSON)
    print_json (plans[strategy], d.debts);
  else if (d.debts->len == 0)
    printf ("%s\n", _("No loans to plan; add them with “shore loan add”."));
  else if (plans[strategy]->shortfall > 0)
    print_shortfall (plans[strategy]);
  else
    print_table (plans[strategy], plans, d.debts);

out:
  for (guint s = 0; s < SHORE_PAYOFF_N_STRATEGIES; s++)
    shore_payoff_plan_free (plans[s]);
  debts_clear (&d);
  return status;
}

/**
 * shore_cli_payoff_run:
 *
 * `shore payoff --monthly-budget A --strategy S [--loan SPEC]… [--as-of D]`:
 * a month-by-month plan to pay off several debts, and how the three
 * strategies compare. Without --loan, the loans of the data folder.
 *
 * Returns: the exit status
 */
int
shore_cli_payoff_run (int    argc,
                      char **argv)
{
  ShoreCliCommand cmd;
  PayoffArgs args = { NULL, NULL, NULL, NULL };
  int status = SHORE_CLI_EXIT_OK;

  shore_cli_command_init (&cmd, "payoff",
                          "shore payoff --monthly-budget A --strategy avalanche|snowball|overdue-first [--loan SPEC]… [--as-of YYYY-MM-DD] [--format table|json]",
                          N_("Plan how to pay off several debts with a monthly amount, and compare the strategies."));
  shore_cli_command_add_option (&cmd, "monthly-budget", &args.budget, "A",
                                N_("What you can pay towards your debts every month, such as 3000"));
  shore_cli_command_add_option (&cmd, "strategy", &args.strategy, "S",
                                N_("Which debt gets the money beyond the minimums: avalanche, snowball or overdue-first"));
  shore_cli_command_add_option_array (&cmd, "loan", &args.loans, "SPEC",
                                      /* xgettext:no-c-format */
                                      N_("A loan as key=value pairs, such as principal=10000,rate=daily:0.05%,term=12,start=2026-01-15 (keys: principal, rate, term, method, start, fee, upfront, lender, missed-from); repeat for each loan. Without it, the plan uses the loans in your list"));
  shore_cli_command_add_option (&cmd, "as-of", &args.as_of, "YYYY-MM-DD",
                                N_("The day the plan starts (default: today)"));
  shore_cli_command_add_format (&cmd, FALSE);

  if (shore_cli_command_parse (&cmd, argc, argv, &status))
    status = run (&cmd, &args);

  g_free (args.budget);
  g_free (args.strategy);
  g_free (args.as_of);
  g_strfreev (args.loans);
  shore_cli_command_clear (&cmd);
  return status;
}
