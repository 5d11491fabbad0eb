/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the real `shore` binary with no display (DISPLAY and WAYLAND_DISPLAY
 * unset) for the Debts verbs: schedule, apr, loan add, loan list. Every
 * case gets its own data folder; a failing command must leave it exactly
 * as it was. */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "shore-test-cli.h"
#include <sqlite3.h>

/* What is in the data folder before the command runs. */
typedef enum {
  SETUP_EMPTY,
  SETUP_LOAN,        /* one loan added by `shore loan add` */
  SETUP_DAMAGED,     /* a shore.db that is not a database */
  SETUP_TOO_NEW,     /* a Shore database with a newer schema version */
} Setup;

typedef void (*CheckFunc) (const char *out);
typedef void (*JsonCheckFunc) (JsonNode *root);

typedef struct
{
  const char *name;
  Setup       setup;
  const char *args[32];       /* "@DIR@" stands for the data folder */
  int         exit_status;
  const char *stdout_has;
  const char *stderr_has;
  CheckFunc     check;        /* of stdout as text */
  JsonCheckFunc check_json;   /* of stdout parsed as JSON */
} CliCase;

#define LOAN_12000 \
  "--principal", "12000", "--rate", "monthly:1%", "--term", "12", \
  "--method", "equal-installment", "--start", "2026-01-15"

#define LOAN_ADD \
  "loan", "add", "--lender", "微粒贷", "--principal", "12000", "--rate", "monthly:1%", \
  "--term", "12", "--method", "equal-installment", "--start", "2099-01-15"

/* Running the binary */

static void
add_seed_loan (const char *data_dir)
{
  static const char * const args[] = { LOAN_ADD, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (shore_test_cli_spawn (args, NULL, data_dir, data_dir, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
}

static void
make_too_new (const char *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, "shore.db", NULL);
  sqlite3 *db = NULL;

  add_seed_loan (data_dir);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
set_up (Setup       setup,
        const char *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, "shore.db", NULL);
  g_autoptr(GError) error = NULL;

  switch (setup)
    {
    case SETUP_EMPTY:
      break;

    case SETUP_LOAN:
      add_seed_loan (data_dir);
      break;

    case SETUP_DAMAGED:
      g_file_set_contents (path, "this is not a database, just some text\n", -1, &error);
      g_assert_no_error (error);
      break;

    case SETUP_TOO_NEW:
      make_too_new (data_dir);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
test_cli_case (gconstpointer data)
{
  const CliCase *c = data;
  g_autofree char *data_dir = g_dir_make_tmp ("shore-cli-debts-XXXXXX", NULL);
  g_autofree char *out = NULL;

  set_up (c->setup, data_dir);
  out = shore_test_cli_run_in_dir (c->args, data_dir, c->exit_status, c->stdout_has, c->stderr_has, FALSE);

  if (c->exit_status == 0)
    {
      if (c->check != NULL)
        c->check (out);
      if (c->check_json != NULL)
        {
          g_autoptr(JsonNode) root = shore_test_cli_parse_json (out);

          g_assert_nonnull (root);
          if (root != NULL)
            c->check_json (root);
        }
    }

  shore_test_cli_rm_rf (data_dir);
}

/* Checks of the output */

static void
check_schedule_json (JsonNode *root)
{
  static const char * const keys[] = { "installments", "total_payment", "total_interest", NULL };
  static const char * const row_keys[] = { "period", "due_date", "payment", "principal", "interest", "balance", NULL };
  JsonObject *object = json_node_get_object (root);
  JsonArray *rows = json_object_get_array_member (object, "installments");
  JsonObject *first = json_array_get_object_element (rows, 0);
  JsonObject *last = json_array_get_object_element (rows, 11);

  shore_test_cli_assert_members_exactly (object, keys);
  g_assert_cmpuint (json_array_get_length (rows), ==, 12);
  shore_test_cli_assert_members_exactly (first, row_keys);
  g_assert_cmpint (json_object_get_int_member (first, "period"), ==, 1);
  shore_test_cli_assert_member (first, "due_date", "2026-02-15");
  shore_test_cli_assert_member (first, "payment", "1066.19");
  shore_test_cli_assert_member (first, "principal", "946.19");
  shore_test_cli_assert_member (first, "interest", "120.00");
  shore_test_cli_assert_member (first, "balance", "11053.81");
  g_assert_cmpint (json_object_get_int_member (last, "period"), ==, 12);
  shore_test_cli_assert_member (last, "due_date", "2027-01-15");
  shore_test_cli_assert_member (last, "payment", "1066.14");
  shore_test_cli_assert_member (last, "balance", "0.00");
  shore_test_cli_assert_member (object, "total_payment", "12794.23");
  shore_test_cli_assert_member (object, "total_interest", "794.23");
}

static void
check_schedule_month_end (JsonNode *root)
{
  JsonArray *rows = json_object_get_array_member (json_node_get_object (root), "installments");
  static const char * const dates[] = { "2026-02-28", "2026-03-31", "2026-04-30" };

  g_assert_cmpuint (json_array_get_length (rows), ==, 3);
  for (guint i = 0; i < 3; i++)
    shore_test_cli_assert_member (json_array_get_object_element (rows, i), "due_date", dates[i]);
}

static void
check_schedule_equal_principal (JsonNode *root)
{
  JsonObject *object = json_node_get_object (root);
  JsonArray *rows = json_object_get_array_member (object, "installments");
  JsonObject *first = json_array_get_object_element (rows, 0);

  shore_test_cli_assert_member (first, "payment", "1120.00");
  shore_test_cli_assert_member (first, "principal", "1000.00");
  shore_test_cli_assert_member (first, "interest", "120.00");
  shore_test_cli_assert_member (object, "total_interest", "780.00");
}

static void
check_schedule_csv (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 14);    /* header, 12 rows, "" after the last newline */
  if (g_strv_length (lines) != 14)
    return;
  g_assert_cmpstr (lines[0], ==, "period,due_date,payment,principal,interest,balance");
  g_assert_cmpstr (lines[1], ==, "1,2026-02-15,1066.19,946.19,120.00,11053.81");
  g_assert_cmpstr (lines[12], ==, "12,2027-01-15,1066.14,1055.58,10.56,0.00");
  g_assert_cmpstr (lines[13], ==, "");
}

static void
check_apr (JsonNode   *root,
           const char *apr_simple,
           const char *apr_compound,
           const char *monthly_irr,
           const char *total_cost,
           int         above_4lpr,    /* -1: null */
           gboolean    above_24,
           gboolean    above_36)
{
  static const char * const keys[] = {
    "apr_simple", "apr_compound", "monthly_irr", "total_cost", "above_4lpr", "above_24", "above_36", NULL
  };
  JsonObject *object = json_node_get_object (root);

  shore_test_cli_assert_members_exactly (object, keys);
  shore_test_cli_assert_member (object, "apr_simple", apr_simple);
  shore_test_cli_assert_member (object, "apr_compound", apr_compound);
  shore_test_cli_assert_member (object, "monthly_irr", monthly_irr);
  shore_test_cli_assert_member (object, "total_cost", total_cost);
  if (above_4lpr < 0)
    g_assert_true (json_object_get_null_member (object, "above_4lpr"));
  else
    g_assert_cmpint (json_object_get_boolean_member (object, "above_4lpr"), ==, above_4lpr);
  g_assert_cmpint (json_object_get_boolean_member (object, "above_24"), ==, above_24);
  g_assert_cmpint (json_object_get_boolean_member (object, "above_36"), ==, above_36);
}

static void
check_apr_daily (JsonNode *root)
{
  check_apr (root, "18.00", "19.56", "1.5000", "1001.61", TRUE, FALSE, FALSE);
}

static void
check_apr_monthly_fee (JsonNode *root)
{
  check_apr (root, "13.03", "13.84", "1.0862", "720.00", TRUE, FALSE, FALSE);
}

static void
check_apr_payment (JsonNode *root)
{
  check_apr (root, "18.00", "19.56", "1.5000", "1001.60", TRUE, FALSE, FALSE);
}

static void
check_apr_fee_above_24 (JsonNode *root)
{
  check_apr (root, "28.00", "31.89", "2.3332", "1501.60", TRUE, TRUE, FALSE);
}

static void
check_apr_above_36 (JsonNode *root)
{
  check_apr (root, "54.64", "70.63", "4.5532", "3200.00", TRUE, TRUE, TRUE);
}

static void
check_apr_before_lpr (JsonNode *root)
{
  check_apr (root, "18.00", "19.56", "1.5000", "1001.60", -1, FALSE, FALSE);
}

static void
check_list_one (JsonNode *root)
{
  static const char * const keys[] = {
    "id", "lender", "principal", "balance", "next_due_date", "days_overdue", NULL
  };
  JsonArray *list = json_node_get_array (root);
  JsonObject *loan = json_array_get_object_element (list, 0);

  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  shore_test_cli_assert_members_exactly (loan, keys);
  g_assert_cmpint (json_object_get_int_member (loan, "id"), ==, 1);
  shore_test_cli_assert_member (loan, "lender", "微粒贷");
  shore_test_cli_assert_member (loan, "principal", "12000.00");
  shore_test_cli_assert_member (loan, "balance", "12000.00");
  shore_test_cli_assert_member (loan, "next_due_date", "2099-02-15");
  g_assert_cmpint (json_object_get_int_member (loan, "days_overdue"), ==, 0);
}

static void
check_list_empty (JsonNode *root)
{

  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 0);
}

static const CliCase cases[] = {
  /* schedule */
  { "schedule/json", SETUP_EMPTY, { "schedule", LOAN_12000, "--format", "json", NULL }, 0, NULL, NULL, NULL, check_schedule_json },
  { "schedule/csv", SETUP_EMPTY, { "schedule", LOAN_12000, "--format", "csv", NULL }, 0, NULL, NULL, check_schedule_csv },
  { "schedule/table", SETUP_EMPTY, { "schedule", LOAN_12000, NULL }, 0, "¥1,066.19", NULL, NULL },
  { "schedule/table-headers", SETUP_EMPTY, { "schedule", LOAN_12000, "--format", "table", NULL }, 0, "Due date", NULL, NULL },
  { "schedule/table-total", SETUP_EMPTY, { "schedule", LOAN_12000, NULL }, 0, "¥12,794.23", NULL, NULL },
  { "schedule/equal-principal", SETUP_EMPTY,
    { "schedule", "--principal", "12000", "--rate", "monthly:1%", "--term", "12", "--method", "equal-principal",
      "--start", "2026-01-15", "--format", "json", NULL }, 0, NULL, NULL, NULL, check_schedule_equal_principal },
  { "schedule/month-end", SETUP_EMPTY,
    { "schedule", "--principal", "12000", "--rate", "monthly:1%", "--term", "3", "--method", "equal-installment",
      "--start", "2026-01-31", "--format=json", NULL }, 0, NULL, NULL, NULL, check_schedule_month_end },
  { "schedule/help", SETUP_EMPTY, { "schedule", "--help", NULL }, 0, "Usage: shore schedule", NULL, NULL },
  { "schedule/help-short", SETUP_EMPTY, { "schedule", "-h", NULL }, 0, "--principal", NULL, NULL },
  { "schedule/data-dir", SETUP_EMPTY, { "schedule", LOAN_12000, "--data-dir", "@DIR@", NULL }, 0, "Total", NULL, NULL },

  /* schedule: bad input */
  { "schedule/principal-abc", SETUP_EMPTY,
    { "schedule", "--principal", "abc", "--rate", "monthly:1%", "--term", "12", "--method", "equal-installment", "--start", "2026-01-15", NULL },
    1, NULL, "--principal", NULL },
  { "schedule/principal-negative", SETUP_EMPTY,
    { "schedule", "--principal", "-5", "--rate", "monthly:1%", "--term", "12", "--method", "equal-installment", "--start", "2026-01-15", NULL },
    1, NULL, "“-5” is not valid for “--principal”", NULL },
  { "schedule/principal-zero", SETUP_EMPTY,
    { "schedule", "--principal", "0", "--rate", "monthly:1%", "--term", "12", "--method", "equal-installment", "--start", "2026-01-15", NULL },
    1, NULL, "more than zero", NULL },
  { "schedule/principal-decimals", SETUP_EMPTY,
    { "schedule", "--principal", "1.234", "--rate", "monthly:1%", "--term", "12", "--method", "equal-installment", "--start", "2026-01-15", NULL },
    1, NULL, "two decimals", NULL },
  { "schedule/principal-overflow", SETUP_EMPTY,
    { "schedule", "--principal", "99999999999999999999", "--rate", "monthly:1%", "--term", "12", "--method", "equal-installment", "--start", "2026-01-15", NULL },
    1, NULL, "--principal", NULL },
  { "schedule/term-0", SETUP_EMPTY,
    { "schedule", "--principal", "12000", "--rate", "monthly:1%", "--term", "0", "--method", "equal-installment", "--start", "2026-01-15", NULL },
    1, NULL, "“0” is not valid for “--term”", NULL },
  { "schedule/term-601", SETUP_EMPTY,
    { "schedule", "--principal", "12000", "--rate", "monthly:1%", "--term", "601", "--method", "equal-installment", "--start", "2026-01-15", NULL },
    1, NULL, "from 1 to 600", NULL },
  { "schedule/term-x", SETUP_EMPTY,
    { "schedule", "--principal", "12000", "--rate", "monthly:1%", "--term", "x", "--method", "equal-installment", "--start", "2026-01-15", NULL },
    1, NULL, "--term", NULL },
  { "schedule/rate-above-1000", SETUP_EMPTY,
    { "schedule", "--principal", "12000", "--rate", "daily:3%", "--term", "12", "--method", "equal-installment", "--start", "2026-01-15", NULL },
    1, NULL, "--rate", NULL },
  { "schedule/rate-garbage", SETUP_EMPTY,
    { "schedule", "--principal", "12000", "--rate", "lots", "--term", "12", "--method", "equal-installment", "--start", "2026-01-15", NULL },
    1, NULL, "--rate", NULL },
  { "schedule/date-feb-30", SETUP_EMPTY,
    { "schedule", "--principal", "12000", "--rate", "monthly:1%", "--term", "12", "--method", "equal-installment", "--start", "2026-02-30", NULL },
    1, NULL, "--start", NULL },
  { "schedule/method-unknown", SETUP_EMPTY,
    { "schedule", "--principal", "12000", "--rate", "monthly:1%", "--term", "12", "--method", "balloon", "--start", "2026-01-15", NULL },
    1, NULL, "“balloon” is not valid for “--method”", NULL },
  { "schedule/format-unknown", SETUP_EMPTY, { "schedule", LOAN_12000, "--format", "xml", NULL }, 1, NULL, "--format", NULL },
  { "schedule/unknown-option", SETUP_EMPTY, { "schedule", LOAN_12000, "--frobnicate", NULL }, 1, NULL, "--frobnicate", NULL },
  { "schedule/missing-principal", SETUP_EMPTY,
    { "schedule", "--rate", "monthly:1%", "--term", "12", "--method", "equal-installment", "--start", "2026-01-15", NULL },
    1, NULL, "“--principal” is missing", NULL },
  { "schedule/missing-start", SETUP_EMPTY,
    { "schedule", "--principal", "12000", "--rate", "monthly:1%", "--term", "12", "--method", "equal-installment", NULL },
    1, NULL, "“--start” is missing", NULL },
  { "schedule/missing-value", SETUP_EMPTY, { "schedule", "--principal", NULL }, 1, NULL, "--principal", NULL },
  { "schedule/extra-argument", SETUP_EMPTY, { "schedule", LOAN_12000, "loan.txt", NULL }, 1, NULL, "“loan.txt”", NULL },
  { "schedule/fee-not-below-principal", SETUP_EMPTY, { "schedule", LOAN_12000, "--upfront-fee", "12000", NULL }, 1, NULL, "fee", NULL },
  { "schedule/fee-negative", SETUP_EMPTY, { "schedule", LOAN_12000, "--upfront-fee", "-1", NULL }, 1, NULL, "--upfront-fee", NULL },

  /* apr */
  { "apr/daily-rate", SETUP_EMPTY,
    { "apr", "--principal", "10000", "--term", "12", "--rate", "daily:0.05%", "--method", "equal-installment",
      "--start", "2026-01-15", "--format", "json", NULL }, 0, NULL, NULL, NULL, check_apr_daily },
  { "apr/monthly-fee-rate", SETUP_EMPTY,
    { "apr", "--principal", "10000", "--term", "12", "--monthly-fee-rate", "0.6%", "--start", "2026-01-15", "--format", "json", NULL },
    0, NULL, NULL, NULL, check_apr_monthly_fee },
  { "apr/monthly-fee-rate-with-period", SETUP_EMPTY,
    { "apr", "--principal", "10000", "--term", "12", "--monthly-fee-rate", "monthly:0.6%", "--start", "2026-01-15", "--format", "json", NULL },
    0, NULL, NULL, NULL, check_apr_monthly_fee },
  { "apr/payment", SETUP_EMPTY,
    { "apr", "--principal", "10000", "--term", "12", "--payment", "916.80", "--start", "2026-01-15", "--format", "json", NULL },
    0, NULL, NULL, NULL, check_apr_payment },
  { "apr/payment-today", SETUP_EMPTY,
    { "apr", "--principal", "10000", "--term", "12", "--payment", "916.80", "--format", "json", NULL },
    0, "\"apr_simple\" : \"18.00\"", NULL, NULL },
  { "apr/upfront-fee", SETUP_EMPTY,
    { "apr", "--principal", "10000", "--term", "12", "--payment", "916.80", "--upfront-fee", "500", "--start", "2026-01-15",
      "--format", "json", NULL }, 0, NULL, NULL, NULL, check_apr_fee_above_24 },
  { "apr/above-36", SETUP_EMPTY,
    { "apr", "--principal", "10000", "--term", "12", "--payment", "1100", "--start", "2026-01-15", "--format", "json", NULL },
    0, NULL, NULL, NULL, check_apr_above_36 },
  { "apr/before-lpr", SETUP_EMPTY,
    { "apr", "--principal", "10000", "--term", "12", "--payment", "916.80", "--start", "2019-01-01", "--format", "json", NULL },
    0, NULL, NULL, NULL, check_apr_before_lpr },
  { "apr/table", SETUP_EMPTY,
    { "apr", "--principal", "10000", "--term", "12", "--payment", "916.80", "--start", "2026-01-15", NULL },
    0, "18.00%", NULL, NULL },
  { "apr/table-legal-lines", SETUP_EMPTY,
    { "apr", "--principal", "10000", "--term", "12", "--payment", "1100", "--start", "2026-01-15", NULL },
    0, "The rate is above 36% a year.", NULL, NULL },
  { "apr/help", SETUP_EMPTY, { "apr", "--help", NULL }, 0, "--monthly-fee-rate", NULL, NULL },

  /* apr: bad input */
  { "apr/no-repayment", SETUP_EMPTY, { "apr", "--principal", "10000", "--term", "12", NULL }, 1, NULL, "--payment", NULL },
  { "apr/payment-and-rate", SETUP_EMPTY,
    { "apr", "--principal", "10000", "--term", "12", "--payment", "916.80", "--rate", "daily:0.05%", NULL },
    1, NULL, "cannot be combined", NULL },
  { "apr/rate-without-method", SETUP_EMPTY,
    { "apr", "--principal", "10000", "--term", "12", "--rate", "daily:0.05%", NULL }, 1, NULL, "“--method” is missing", NULL },
  { "apr/payment-zero", SETUP_EMPTY,
    { "apr", "--principal", "10000", "--term", "12", "--payment", "0", NULL }, 1, NULL, "--payment", NULL },
  { "apr/payment-abc", SETUP_EMPTY,
    { "apr", "--principal", "10000", "--term", "12", "--payment", "abc", NULL }, 1, NULL, "--payment", NULL },
  { "apr/principal-abc", SETUP_EMPTY,
    { "apr", "--principal", "abc", "--term", "12", "--payment", "916.80", NULL }, 1, NULL, "--principal", NULL },
  { "apr/term-601", SETUP_EMPTY,
    { "apr", "--principal", "10000", "--term", "601", "--payment", "916.80", NULL }, 1, NULL, "--term", NULL },
  { "apr/missing-term", SETUP_EMPTY,
    { "apr", "--principal", "10000", "--payment", "916.80", NULL }, 1, NULL, "“--term” is missing", NULL },
  { "apr/fee-rate-above-1000", SETUP_EMPTY,
    { "apr", "--principal", "10000", "--term", "12", "--monthly-fee-rate", "90%", NULL }, 1, NULL, "--monthly-fee-rate", NULL },
  { "apr/format-csv", SETUP_EMPTY,
    { "apr", "--principal", "10000", "--term", "12", "--payment", "916.80", "--format", "csv", NULL }, 1, NULL, "table or json", NULL },
  { "apr/start-feb-30", SETUP_EMPTY,
    { "apr", "--principal", "10000", "--term", "12", "--payment", "916.80", "--start", "2026-02-30", NULL }, 1, NULL, "--start", NULL },

  /* loan add and list */
  { "loan/add", SETUP_EMPTY, { LOAN_ADD, NULL }, 0, "Added loan 1 (微粒贷)", NULL, NULL },
  { "loan/add-second", SETUP_LOAN, { LOAN_ADD, "--lender-type", "bank", NULL }, 0, "Added loan 2 (微粒贷)", NULL, NULL },
  { "loan/add-overdue-terms", SETUP_EMPTY,
    { LOAN_ADD, "--penalty-markup", "50%", "--grace-days", "3", "--late-fee-daily", "0.05%", "--accelerate-after", "90",
      "--monthly-fee-rate", "0.5%", "--upfront-fee", "100", NULL }, 0, "Added loan 1", NULL, NULL },
  { "loan/add-data-dir", SETUP_EMPTY, { LOAN_ADD, "--data-dir", "@DIR@", NULL }, 0, "Added loan 1", NULL, NULL },
  { "loan/list-json", SETUP_LOAN, { "loan", "list", "--format", "json", NULL }, 0, NULL, NULL, NULL, check_list_one },
  { "loan/list-table", SETUP_LOAN, { "loan", "list", NULL }, 0, "2099-02-15", NULL, NULL },
  { "loan/list-data-dir", SETUP_LOAN, { "loan", "list", "--format", "json", "--data-dir", "@DIR@", NULL }, 0, NULL, NULL, NULL, check_list_one },
  { "loan/list-empty-json", SETUP_EMPTY, { "loan", "list", "--format", "json", NULL }, 0, NULL, NULL, NULL, check_list_empty },
  { "loan/list-empty-table", SETUP_EMPTY, { "loan", "list", NULL }, 0, "No loans yet", NULL, NULL },
  { "loan/help", SETUP_EMPTY, { "loan", "--help", NULL }, 0, "shore loan add", NULL, NULL },
  { "loan/add-help", SETUP_EMPTY, { "loan", "add", "--help", NULL }, 0, "--lender-type", NULL, NULL },

  /* loan: bad input and bad databases */
  { "loan/no-subcommand", SETUP_EMPTY, { "loan", NULL }, 1, NULL, "shore loan add", NULL },
  { "loan/unknown-subcommand", SETUP_EMPTY, { "loan", "remove", NULL }, 1, NULL, "“remove”", NULL },
  { "loan/add-missing-lender", SETUP_EMPTY, { "loan", "add", LOAN_12000, NULL }, 1, NULL, "“--lender” is missing", NULL },
  { "loan/add-empty-lender", SETUP_EMPTY, { "loan", "add", "--lender", " ", LOAN_12000, NULL }, 1, NULL, "lender", NULL },
  { "loan/add-lender-type", SETUP_EMPTY, { LOAN_ADD, "--lender-type", "loan-shark", NULL }, 1, NULL, "--lender-type", NULL },
  { "loan/add-principal-abc", SETUP_EMPTY,
    { "loan", "add", "--lender", "A", "--principal", "abc", "--rate", "monthly:1%", "--term", "12",
      "--method", "equal-installment", "--start", "2026-01-15", NULL }, 1, NULL, "--principal", NULL },
  { "loan/add-term-0", SETUP_EMPTY,
    { "loan", "add", "--lender", "A", "--principal", "100", "--rate", "monthly:1%", "--term", "0",
      "--method", "equal-installment", "--start", "2026-01-15", NULL }, 1, NULL, "--term", NULL },
  { "loan/add-date-feb-30", SETUP_EMPTY,
    { "loan", "add", "--lender", "A", "--principal", "100", "--rate", "monthly:1%", "--term", "12",
      "--method", "equal-installment", "--start", "2026-02-30", NULL }, 1, NULL, "--start", NULL },
  { "loan/add-penalty-markup", SETUP_EMPTY, { LOAN_ADD, "--penalty-markup", "lots", NULL }, 1, NULL, "--penalty-markup", NULL },
  { "loan/add-grace-days", SETUP_EMPTY, { LOAN_ADD, "--grace-days", "-1", NULL }, 1, NULL, "--grace-days", NULL },
  { "loan/add-late-fee", SETUP_EMPTY, { LOAN_ADD, "--late-fee-daily", "abc", NULL }, 1, NULL, "--late-fee-daily", NULL },
  { "loan/add-accelerate", SETUP_EMPTY, { LOAN_ADD, "--accelerate-after", "x", NULL }, 1, NULL, "--accelerate-after", NULL },
  { "loan/add-unknown-option", SETUP_EMPTY, { LOAN_ADD, "--colour", "red", NULL }, 1, NULL, "--colour", NULL },
  { "loan/add-bad-keeps-database", SETUP_LOAN, { LOAN_ADD, "--term", "601", NULL }, 1, NULL, "--term", NULL },
  { "loan/add-damaged", SETUP_DAMAGED, { LOAN_ADD, NULL }, 1, NULL, "not a Shore database", NULL },
  { "loan/add-too-new", SETUP_TOO_NEW, { LOAN_ADD, NULL }, 1, NULL, "newer version of Shore", NULL },
  { "loan/list-damaged", SETUP_DAMAGED, { "loan", "list", NULL }, 1, NULL, "not a Shore database", NULL },
  { "loan/list-too-new", SETUP_TOO_NEW, { "loan", "list", "--format", "json", NULL }, 1, NULL, "newer version of Shore", NULL },
  { "loan/list-format", SETUP_LOAN, { "loan", "list", "--format", "csv", NULL }, 1, NULL, "--format", NULL },
};

int
main (int    argc,
      char **argv)
{
  shore_test_cli_init (&argc, &argv);
  shore_test_cli_add_cases ("cli-debts", cases, G_N_ELEMENTS (cases), sizeof cases[0], test_cli_case);

  return g_test_run ();
}
