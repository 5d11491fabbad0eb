/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the real `shore` binary with no display for `shore payoff`: loans
 * typed with --loan, and the loans of a data folder added with
 * `shore loan add`. Every case gets its own data folder; a failing command
 * must leave it exactly as it was, and payoff itself never writes. */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

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

static int
spawn_shore (const char * const  *args,
             const char          *data_dir,
             const char          *env_data_dir,
             char               **out,
             char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  int wait_status = 0;

  g_ptr_array_add (argv, g_strdup (g_getenv ("SHORE_BIN")));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strcmp0 (args[i], "@DIR@") == 0 ? g_strdup (data_dir) : g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  envp = g_environ_setenv (envp, "SHORE_DATA_DIR", env_data_dir, TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT,
                               NULL, NULL, out, err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

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

  g_assert_cmpint (spawn_shore (args, data_dir, data_dir, &out, &err), ==, 0);
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

/* name → contents of every file in the folder */
static GHashTable *
snapshot (const char *dir_path)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        contents = g_strdup ("(unreadable)");
      g_hash_table_insert (files, g_strdup (name), g_bytes_new_take (contents, length));
    }

  return files;
}

static void
assert_same_files (GHashTable *before,
                   GHashTable *after)
{
  GHashTableIter iter;
  gpointer name, bytes;

  g_assert_cmpuint (g_hash_table_size (after), ==, g_hash_table_size (before));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &name, &bytes))
    {
      GBytes *now = g_hash_table_lookup (after, name);

      g_assert_nonnull (now);
      if (now != NULL)
        g_assert_true (g_bytes_equal (bytes, now));
    }
}

static void
rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static JsonNode *
parse_json (const char *out)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  if (error != NULL || json_parser_get_root (parser) == NULL)
    return NULL;
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_cli_case (gconstpointer data)
{
  const CliCase *c = data;
  g_autofree char *data_dir = g_dir_make_tmp ("shore-cli-payoff-XXXXXX", NULL);
  g_autofree char *decoy_dir = g_dir_make_tmp ("shore-cli-decoy-XXXXXX", NULL);
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GHashTable) decoy = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gboolean uses_option = FALSE;
  int status;

  for (guint i = 0; c->args[i] != NULL; i++)
    uses_option |= g_strcmp0 (c->args[i], "@DIR@") == 0;

  set_up (c->setup, data_dir);
  before = snapshot (data_dir);

  /* With --data-dir, $SHORE_DATA_DIR points elsewhere and must stay untouched. */
  status = spawn_shore (c->args, data_dir, uses_option ? decoy_dir : data_dir, &out, &err);
  after = snapshot (data_dir);
  decoy = snapshot (decoy_dir);

  g_assert_cmpint (status, ==, c->exit_status);
  g_assert_cmpuint (g_hash_table_size (decoy), ==, 0);
  if (c->stdout_has != NULL)
    g_assert_nonnull (strstr (out, c->stdout_has));
  if (c->stderr_has != NULL)
    g_assert_nonnull (strstr (err, c->stderr_has));

  if (c->exit_status != 0)
    {
      const char *newline = strchr (err, '\n');

      /* One line on stderr, nothing on stdout, nothing written. */
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "shore: "));
      g_assert_nonnull (newline);
      if (newline != NULL)
        g_assert_cmpstr (newline + 1, ==, "");
      assert_same_files (before, after);
    }
  else
    {
      g_assert_cmpstr (err, ==, "");
      /* Planning reads; it never writes. */
      assert_same_files (before, after);
      if (c->check != NULL)
        c->check (out);
      if (c->check_json != NULL)
        {
          g_autoptr(JsonNode) root = parse_json (out);

          g_assert_nonnull (root);
          if (root != NULL)
            c->check_json (root);
        }
    }

  rm_rf (data_dir);
  rm_rf (decoy_dir);
}

/* Checks of the output */

static void
assert_member (JsonObject *object,
               const char *name,
               const char *expected)
{
  g_assert_true (json_object_has_member (object, name));
  if (json_object_has_member (object, name))
    g_assert_cmpstr (json_object_get_string_member (object, name), ==, expected);
}

static void
assert_members_exactly (JsonObject         *object,
                        const char * const *names)
{
  guint n = 0;

  for (; names[n] != NULL; n++)
    g_assert_true (json_object_has_member (object, names[n]));
  g_assert_cmpuint (json_object_get_size (object), ==, n);
}

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

      assert_members_exactly (p, keys);
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

  assert_members_exactly (object, plan_keys);
  assert_member (object, "strategy", strategy);
  g_assert_cmpint (json_object_get_int_member (object, "months"), ==, 4);
  assert_member (object, "debt_free_date", "2026-04-15");
  /* 10.00 + 20.00 + 9.00 + 10.60 + 7.99 + 1.01 + 2.59 */
  assert_member (object, "total_interest", "61.19");
  assert_member (object, "total_paid", "2061.19");
  assert_member (object, "shortfall", "0.00");
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

  assert_members_exactly (object, plan_keys);
  g_assert_cmpint (json_object_get_int_member (object, "months"), ==, 0);
  g_assert_true (json_object_get_null_member (object, "debt_free_date"));
  /* 110.00 + 120.00 − 200.00 */
  assert_member (object, "shortfall", "30.00");
  assert_member (object, "total_paid", "0.00");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "plan")), ==, 0);
}

static void
check_empty (JsonNode *root)
{
  JsonObject *object = json_node_get_object (root);

  assert_members_exactly (object, plan_keys);
  g_assert_cmpint (json_object_get_int_member (object, "months"), ==, 0);
  g_assert_true (json_object_get_null_member (object, "debt_free_date"));
  assert_member (object, "shortfall", "0.00");
}

static void
check_data_overdue_first (JsonNode *root)
{
  JsonObject *object = json_node_get_object (root);

  assert_member (object, "strategy", "overdue-first");
  assert_member (object, "shortfall", "0.00");
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
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_assert_nonnull (g_getenv ("SHORE_BIN"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli-payoff/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_cli_case);
    }

  return g_test_run ();
}
