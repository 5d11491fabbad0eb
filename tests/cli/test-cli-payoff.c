/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the real `shore` binary with no display for `shore payoff`: loans
 * typed with --loan, and the loans of a data folder added with
 * `shore loan add`. Every case gets its own data folder; a failing command
 * must leave it exactly as it was, and payoff itself never writes. */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "shore-test-cli.h"

/* What is in the data folder before the command runs. */
typedef enum {
  SETUP_EMPTY,
  SETUP_LOANS,       /* an overdue loan and a current one, added by `shore loan add` */
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

/* Two small loans, nothing due yet on 2026-01-15: 1,000.00 at 1 % and at 2 %
 * a month, equal principal over 10 months (minimums 110.00 and 120.00). */
#define TWO_LOANS \
  "--as-of", "2026-01-15", \
  "--loan", "principal=1000,rate=monthly:1%,term=10,method=equal-principal,start=2026-01-15", \
  "--loan", "principal=1000,rate=monthly:2%,term=10,method=equal-principal,start=2026-01-15,lender=花呗"

/* A small loan at a low rate and a larger one at a high rate: the strategies differ. */
#define SMALL_AND_DEAR \
  "--as-of", "2026-01-15", \
  "--loan", "principal=500,rate=monthly:1%,term=10,method=equal-principal,start=2026-01-15", \
  "--loan", "principal=1000,rate=monthly:2%,term=10,method=equal-principal,start=2026-01-15"

#define AS_OF_DATA "--as-of", "2026-01-20"

/* Running the binary */

static void
add_loan (const char *data_dir,
          const char *lender,
          const char *principal,
          const char *rate,
          const char *term,
          const char *start)
{
  const char * const args[] = {
    "loan", "add", "--lender", lender, "--principal", principal, "--rate", rate, "--term", term,
    "--method", "equal-installment", "--start", start, NULL
  };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (shore_test_cli_spawn (args, NULL, data_dir, data_dir, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
}

static void
set_up (Setup       setup,
        const char *data_dir)
{
  switch (setup)
    {
    case SETUP_EMPTY:
      break;

    case SETUP_LOANS:
      /* Loan 1: three installments of 1,066.19 unpaid on 2026-01-20 (66 days overdue). */
      add_loan (data_dir, "微粒贷", "12000", "monthly:1%", "12", "2025-10-15");
      /* Loan 2: nothing due yet. */
      add_loan (data_dir, "花呗", "3000", "monthly:1.5%", "6", "2026-01-10");
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
test_cli_case (gconstpointer data)
{
  const CliCase *c = data;
  g_autofree char *data_dir = g_dir_make_tmp ("shore-cli-payoff-XXXXXX", NULL);
  g_autofree char *out = NULL;

  set_up (c->setup, data_dir);
  out = shore_test_cli_run_in_dir (c->args, data_dir, c->exit_status, c->stdout_has, c->stderr_has, TRUE);

  if (c->exit_status == 0)
    {
      /* Planning reads; it never writes (checked by shore_test_cli_run_in_dir). */
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

static const char * const plan_keys[] = {
  "strategy", "months", "debt_free_date", "total_interest", "total_paid", "shortfall", "plan", NULL
};

/* The amount paid to @loan in @month (1-based), or NULL if nothing. */
static const char *
payment_of (JsonObject *object,
            guint       month,
            gint64      loan)
{
  JsonArray *plan = json_object_get_array_member (object, "plan");
  JsonObject *row;
  JsonArray *payments;

  if (month < 1 || month > json_array_get_length (plan))
    return NULL;
  row = json_array_get_object_element (plan, month - 1);
  g_assert_cmpint (json_object_get_int_member (row, "month"), ==, month);
  payments = json_object_get_array_member (row, "payments");
  for (guint i = 0; i < json_array_get_length (payments); i++)
    {
      JsonObject *p = json_array_get_object_element (payments, i);
      static const char * const keys[] = { "loan", "amount", NULL };

      shore_test_cli_assert_members_exactly (p, keys);
      if (json_object_get_int_member (p, "loan") == loan)
        return json_object_get_string_member (p, "amount");
    }
  return NULL;
}

static void
check_two_loans (JsonNode   *root,
                 const char *strategy)
{
  JsonObject *object = json_node_get_object (root);

  shore_test_cli_assert_members_exactly (object, plan_keys);
  shore_test_cli_assert_member (object, "strategy", strategy);
  g_assert_cmpint (json_object_get_int_member (object, "months"), ==, 4);
  shore_test_cli_assert_member (object, "debt_free_date", "2026-04-15");
  /* 10.00 + 20.00 + 9.00 + 10.60 + 7.99 + 1.01 + 2.59 */
  shore_test_cli_assert_member (object, "total_interest", "61.19");
  shore_test_cli_assert_member (object, "total_paid", "2061.19");
  shore_test_cli_assert_member (object, "shortfall", "0.00");
  g_assert_cmpstr (payment_of (object, 1, 1), ==, "110.00");
  g_assert_cmpstr (payment_of (object, 1, 2), ==, "490.00");
  g_assert_cmpstr (payment_of (object, 2, 2), ==, "490.00");
  g_assert_cmpstr (payment_of (object, 3, 1), ==, "548.39");
  g_assert_cmpstr (payment_of (object, 3, 2), ==, "51.61");
  g_assert_cmpstr (payment_of (object, 4, 1), ==, "261.19");
  g_assert_null (payment_of (object, 4, 2));
}

static void
check_two_avalanche (JsonNode *root)
{
  check_two_loans (root, "avalanche");
}

/* Equal balances: snowball breaks the tie by rate, so the plan is the same. */
static void
check_two_snowball (JsonNode *root)
{
  check_two_loans (root, "snowball");
}

/* Nothing overdue: overdue-first is avalanche. */
static void
check_two_overdue_first (JsonNode *root)
{
  check_two_loans (root, "overdue-first");
}

static void
check_small_avalanche (JsonNode *root)
{
  JsonObject *object = json_node_get_object (root);

  /* minimums 55.00 and 120.00; the 425.00 left goes to the 2 % loan */
  g_assert_cmpstr (payment_of (object, 1, 1), ==, "55.00");
  g_assert_cmpstr (payment_of (object, 1, 2), ==, "545.00");
}

static void
check_small_snowball (JsonNode *root)
{
  JsonObject *object = json_node_get_object (root);

  /* the 500.00 loan gets all but the other's minimum */
  g_assert_cmpstr (payment_of (object, 1, 1), ==, "480.00");
  g_assert_cmpstr (payment_of (object, 1, 2), ==, "120.00");
}

static void
check_shortfall (JsonNode *root)
{
  JsonObject *object = json_node_get_object (root);

  shore_test_cli_assert_members_exactly (object, plan_keys);
  g_assert_cmpint (json_object_get_int_member (object, "months"), ==, 0);
  g_assert_true (json_object_get_null_member (object, "debt_free_date"));
  /* 110.00 + 120.00 − 200.00 */
  shore_test_cli_assert_member (object, "shortfall", "30.00");
  shore_test_cli_assert_member (object, "total_paid", "0.00");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "plan")), ==, 0);
}

static void
check_empty (JsonNode *root)
{
  JsonObject *object = json_node_get_object (root);

  shore_test_cli_assert_members_exactly (object, plan_keys);
  g_assert_cmpint (json_object_get_int_member (object, "months"), ==, 0);
  g_assert_true (json_object_get_null_member (object, "debt_free_date"));
  shore_test_cli_assert_member (object, "shortfall", "0.00");
}

static void
check_data_overdue_first (JsonNode *root)
{
  JsonObject *object = json_node_get_object (root);

  shore_test_cli_assert_member (object, "strategy", "overdue-first");
  shore_test_cli_assert_member (object, "shortfall", "0.00");
  /* loan 1: 3 × 1,066.19 overdue + 1,066.19 due, plus all that is left of the 6,000.00 */
  g_assert_cmpstr (payment_of (object, 1, 1), ==, "5473.42");
  g_assert_cmpstr (payment_of (object, 1, 2), ==, "526.58");
}

static void
check_data_avalanche (JsonNode *root)
{
  JsonObject *object = json_node_get_object (root);

  /* the 1.5 % loan gets the extra; the overdue one only what is due */
  g_assert_cmpstr (payment_of (object, 1, 1), ==, "4264.76");
  g_assert_cmpstr (payment_of (object, 1, 2), ==, "1735.24");
}

static void
check_table_short (const char *out)
{
  g_assert_nonnull (strstr (out, "Strategy: Avalanche"));
  g_assert_nonnull (strstr (out, "2026-04-15  ¥261.19"));
  g_assert_nonnull (strstr (out, "Debt-free on 2026-04-15, in 4 months"));
  g_assert_nonnull (strstr (out, "Total interest and fees: ¥61.19"));
  g_assert_nonnull (strstr (out, "Total paid: ¥2,061.19"));
  g_assert_nonnull (strstr (out, "Compare: avalanche ¥61.19 interest"));
  g_assert_null (strstr (out, "…"));
}

/* A long plan shows 12 months, an ellipsis and the last. */
static void
check_table_long (const char *out)
{
  g_assert_nonnull (strstr (out, "2026-12-15"));
  g_assert_null (strstr (out, "2027-01-15"));
  g_assert_nonnull (strstr (out, "2027-08-15  ¥100.00"));
  g_assert_nonnull (strstr (out, "…\n"));
  g_assert_nonnull (strstr (out, "in 20 months"));
}

static const CliCase cases[] = {
  /* loans on the command line */
  { "spec/avalanche-json", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "600", "--strategy", "avalanche", TWO_LOANS, "--format", "json", NULL },
    0, NULL, NULL, NULL, check_two_avalanche },
  { "spec/snowball-json", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "600", "--strategy", "snowball", TWO_LOANS, "--format", "json", NULL },
    0, NULL, NULL, NULL, check_two_snowball },
  { "spec/overdue-first-json", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "600", "--strategy", "overdue-first", TWO_LOANS, "--format", "json", NULL },
    0, NULL, NULL, NULL, check_two_overdue_first },
  { "spec/small-avalanche", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "600", "--strategy", "avalanche", SMALL_AND_DEAR, "--format", "json", NULL },
    0, NULL, NULL, NULL, check_small_avalanche },
  { "spec/small-snowball", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "600", "--strategy", "snowball", SMALL_AND_DEAR, "--format", "json", NULL },
    0, NULL, NULL, NULL, check_small_snowball },
  { "spec/table", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "600", "--strategy", "avalanche", TWO_LOANS, NULL },
    0, "花呗", NULL, check_table_short },
  { "spec/table-long", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "100", "--strategy", "snowball", "--as-of", "2026-01-15",
      "--loan", "principal=2000,rate=monthly:0%,term=20,method=equal-principal,start=2026-01-15", NULL },
    0, NULL, NULL, check_table_long },
  { "spec/shortfall-json", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "200", "--strategy", "avalanche", TWO_LOANS, "--format", "json", NULL },
    0, NULL, NULL, NULL, check_shortfall },
  { "spec/shortfall-table", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "200", "--strategy", "avalanche", TWO_LOANS, NULL },
    0, "does not cover the minimum payments: ¥30.00 short", NULL, NULL },
  { "spec/defaults", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "1000", "--strategy", "avalanche", "--as-of", "2026-01-15",
      "--loan", "principal=1000,rate=daily:0.05%,term=12", "--format", "json", NULL },
    0, "\"debt_free_date\" : \"2026-02-15\"", NULL, NULL },
  { "spec/fee-only", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "2000", "--strategy", "avalanche", "--as-of", "2026-01-15",
      "--loan", "principal=1000,fee=0.6%,term=12,upfront=50", "--format", "json", NULL },
    0, "\"total_interest\" : \"6.00\"", NULL, NULL },
  { "spec/missed-from", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "2000", "--strategy", "overdue-first", "--as-of", "2026-05-01",
      "--loan", "principal=1200,rate=monthly:1%,term=12,start=2026-01-15,missed-from=3", "--format", "json", NULL },
    0, "\"months\" : 1", NULL, NULL },
  { "spec/paid-off", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "100", "--strategy", "avalanche", "--as-of", "2027-06-01",
      "--loan", "principal=1200,rate=monthly:1%,term=12,start=2026-01-15", NULL },
    0, "No loans to plan", NULL, NULL },
  { "spec/data-dir-ignored", SETUP_LOANS,
    { "payoff", "--monthly-budget", "600", "--strategy", "avalanche", TWO_LOANS, "--format", "json", NULL },
    0, NULL, NULL, NULL, check_two_avalanche },
  { "help", SETUP_EMPTY, { "payoff", "--help", NULL }, 0, "--monthly-budget", NULL, NULL },

  /* the loans of the data folder */
  { "data/overdue-first", SETUP_LOANS,
    { "payoff", "--monthly-budget", "6000", "--strategy", "overdue-first", AS_OF_DATA, "--format", "json", NULL },
    0, NULL, NULL, NULL, check_data_overdue_first },
  { "data/avalanche", SETUP_LOANS,
    { "payoff", "--monthly-budget", "6000", "--strategy", "avalanche", AS_OF_DATA, "--format", "json", NULL },
    0, NULL, NULL, NULL, check_data_avalanche },
  { "data/data-dir-option", SETUP_LOANS,
    { "payoff", "--monthly-budget", "6000", "--strategy", "avalanche", AS_OF_DATA, "--format", "json",
      "--data-dir", "@DIR@", NULL }, 0, NULL, NULL, NULL, check_data_avalanche },
  { "data/table", SETUP_LOANS,
    { "payoff", "--monthly-budget", "6000", "--strategy", "overdue-first", AS_OF_DATA, NULL },
    0, "微粒贷", NULL, NULL },
  { "data/shortfall", SETUP_LOANS,
    { "payoff", "--monthly-budget", "1000", "--strategy", "overdue-first", AS_OF_DATA, "--format", "json", NULL },
    0, "\"shortfall\" : \"3791.34\"", NULL, NULL },
  { "data/none-table", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "1000", "--strategy", "avalanche", NULL },
    0, "No loans to plan; add them with “shore loan add”.", NULL, NULL },
  { "data/none-json", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "1000", "--strategy", "avalanche", "--format", "json", NULL },
    0, NULL, NULL, NULL, check_empty },

  /* bad input */
  { "bad/no-budget", SETUP_EMPTY, { "payoff", "--strategy", "avalanche", TWO_LOANS, NULL },
    1, NULL, "“--monthly-budget” is missing", NULL },
  { "bad/budget-zero", SETUP_EMPTY, { "payoff", "--monthly-budget", "0", "--strategy", "avalanche", TWO_LOANS, NULL },
    1, NULL, "--monthly-budget", NULL },
  { "bad/budget-abc", SETUP_EMPTY, { "payoff", "--monthly-budget", "abc", "--strategy", "avalanche", TWO_LOANS, NULL },
    1, NULL, "--monthly-budget", NULL },
  { "bad/no-strategy", SETUP_EMPTY, { "payoff", "--monthly-budget", "600", TWO_LOANS, NULL },
    1, NULL, "“--strategy” is missing", NULL },
  { "bad/strategy", SETUP_EMPTY, { "payoff", "--monthly-budget", "600", "--strategy", "random", TWO_LOANS, NULL },
    1, NULL, "“random” is not valid for “--strategy”", NULL },
  { "bad/as-of", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "600", "--strategy", "avalanche", "--as-of", "2026-02-30", NULL },
    1, NULL, "--as-of", NULL },
  { "bad/format", SETUP_EMPTY, { "payoff", "--monthly-budget", "600", "--strategy", "avalanche", TWO_LOANS, "--format", "csv", NULL },
    1, NULL, "--format", NULL },
  { "bad/spec-principal", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "600", "--strategy", "avalanche", "--loan", "principal=abc,rate=monthly:1%,term=12", NULL },
    1, NULL, "Problem with “principal” in “--loan", NULL },
  { "bad/spec-rate", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "600", "--strategy", "avalanche", "--loan", "principal=100,rate=lots,term=12", NULL },
    1, NULL, "Problem with “rate”", NULL },
  { "bad/spec-term", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "600", "--strategy", "avalanche", "--loan", "principal=100,rate=monthly:1%,term=601", NULL },
    1, NULL, "Problem with “term”", NULL },
  { "bad/spec-method", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "600", "--strategy", "avalanche", "--loan", "principal=100,rate=monthly:1%,term=6,method=balloon", NULL },
    1, NULL, "Problem with “method”", NULL },
  { "bad/spec-start", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "600", "--strategy", "avalanche", "--loan", "principal=100,rate=monthly:1%,term=6,start=2026-02-30", NULL },
    1, NULL, "Problem with “start”", NULL },
  { "bad/spec-unknown-key", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "600", "--strategy", "avalanche", "--loan", "principal=100,rate=monthly:1%,term=6,colour=red", NULL },
    1, NULL, "Problem with “colour”", NULL },
  { "bad/spec-missing-principal", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "600", "--strategy", "avalanche", "--loan", "rate=monthly:1%,term=6", NULL },
    1, NULL, "Problem with “principal”", NULL },
  { "bad/spec-missing-rate", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "600", "--strategy", "avalanche", "--loan", "principal=100,term=6", NULL },
    1, NULL, "Problem with “rate”", NULL },
  { "bad/spec-twice", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "600", "--strategy", "avalanche", "--loan", "principal=100,principal=200,rate=monthly:1%,term=6", NULL },
    1, NULL, "given twice", NULL },
  { "bad/spec-no-equals", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "600", "--strategy", "avalanche", "--loan", "principal=100,rate=monthly:1%,term", NULL },
    1, NULL, "key=value", NULL },
  { "bad/spec-upfront", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "600", "--strategy", "avalanche", "--loan", "principal=100,rate=monthly:1%,term=6,upfront=100", NULL },
    1, NULL, "fee", NULL },
  { "bad/spec-second-loan", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "600", "--strategy", "avalanche", "--loan", "principal=100,rate=monthly:1%,term=6",
      "--loan", "principal=-1,rate=monthly:1%,term=6", NULL },
    1, NULL, "principal", NULL },
  { "bad/never", SETUP_EMPTY,
    { "payoff", "--monthly-budget", "100", "--strategy", "avalanche", "--as-of", "2026-01-15",
      "--loan", "principal=10000,rate=monthly:1%,term=12,method=bullet", NULL },
    1, NULL, "would not be paid off", NULL },
  { "bad/extra-argument", SETUP_EMPTY, { "payoff", "--monthly-budget", "600", "--strategy", "avalanche", "loans.txt", NULL },
    1, NULL, "“loans.txt”", NULL },
  { "bad/unknown-option", SETUP_EMPTY, { "payoff", "--monthly-budget", "600", "--strategy", "avalanche", "--budget", "5", NULL },
    1, NULL, "--budget", NULL },
};

int
main (int    argc,
      char **argv)
{
  shore_test_cli_init (&argc, &argv);
  shore_test_cli_add_cases ("cli-payoff", cases, G_N_ELEMENTS (cases), sizeof cases[0], test_cli_case);

  return g_test_run ();
}
