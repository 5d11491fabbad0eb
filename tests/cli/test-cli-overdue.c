/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the real `shore` binary with no display (DISPLAY and WAYLAND_DISPLAY
 * unset) for `shore overdue`. Every case gets its own, empty data folder,
 * which the command must leave empty: it computes, it stores nothing. */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "shore-test-cli.h"

typedef void (*CheckFunc) (const char *out);
typedef void (*JsonCheckFunc) (JsonObject *object);

typedef struct
{
  const char   *name;
  const char   *args[40];
  int           exit_status;
  const char   *stdout_has;
  const char   *stderr_has;
  CheckFunc     check;        /* of stdout as text */
  JsonCheckFunc check_json;   /* of stdout parsed as JSON */
} CliCase;

/* The seed case: 10 000 at 0.05 % a day, equal principal over 10 months;
 * installment 1 (due 2026-09-15) and all after it unpaid. */
#define SEED_LOAN \
  "overdue", "--principal", "10000", "--rate", "daily:0.05%", "--term", "10", \
  "--method", "equal-principal", "--start", "2026-08-15", "--missed-from", "1"

#define SEED SEED_LOAN, "--as-of", "2026-10-25"
#define SEED_JSON SEED, "--format", "json"

/* Running the binary */
static guint
count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_cli_case (gconstpointer data)
{
  const CliCase *c = data;
  g_autofree char *data_dir = g_dir_make_tmp ("shore-cli-overdue-XXXXXX", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_nonnull (data_dir);
  status = shore_test_cli_spawn (c->args, NULL, data_dir, data_dir, &out, &err);

  g_assert_cmpuint (count_files (data_dir), ==, 0);
  shore_test_cli_assert_result (status, out, err, c->exit_status, c->stdout_has, c->stderr_has, TRUE);

  if (c->exit_status == 0)
    {
      if (c->check != NULL)
        c->check (out);
      if (c->check_json != NULL)
        {
          g_autoptr(JsonNode) root = shore_test_cli_parse_json (out);

          g_assert_nonnull (root);
          if (root != NULL)
            {
              g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
              c->check_json (json_node_get_object (root));
            }
        }
    }

  shore_test_cli_rm_rf (data_dir);
}

/* Checks of the output */

static JsonArray *
milestones (JsonObject *object)
{
  g_assert_true (json_object_has_member (object, "milestones"));
  return json_object_get_array_member (object, "milestones");
}

/* The first milestone of @kind, or NULL */
static JsonObject *
find_milestone (JsonObject *object,
                const char *kind)
{
  JsonArray *array = milestones (object);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *m = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (m, "kind"), kind) == 0)
        return m;
    }
  return NULL;
}

static void
check_seed (JsonObject *object)
{
  static const char * const keys[] = {
    "as_of", "days_overdue", "overdue_installments", "overdue_principal", "overdue_interest",
    "penalty_interest", "compound_interest", "late_fees", "total_overdue", "stage",
    "credit_status", "milestones", NULL
  };
  const char *status;

  shore_test_cli_assert_members_exactly (object, keys);
  shore_test_cli_assert_member (object, "as_of", "2026-10-25");
  shore_test_cli_assert_int_member (object, "days_overdue", 40);
  shore_test_cli_assert_int_member (object, "overdue_installments", 2);
  shore_test_cli_assert_member (object, "overdue_principal", "2000.00");
  shore_test_cli_assert_member (object, "overdue_interest", "285.00");
  shore_test_cli_assert_member (object, "penalty_interest", "37.50");
  shore_test_cli_assert_member (object, "compound_interest", "5.51");
  shore_test_cli_assert_member (object, "late_fees", "0.00");
  shore_test_cli_assert_member (object, "total_overdue", "2328.01");
  shore_test_cli_assert_member (object, "stage", "m2");
  status = json_object_get_string_member (object, "credit_status");
  g_assert_nonnull (status);
  if (status != NULL)
    {
      g_assert_cmpuint (strlen (status), ==, 24);
      g_assert_true (g_str_has_suffix (status, "N12"));
      g_assert_cmpstr (status, ==, "*********************N12");
    }
}

static void
check_seed_milestones (JsonObject *object)
{
  static const char * const keys[] = { "date", "day", "kind", "text", "basis", NULL };
  JsonArray *array = milestones (object);
  g_autofree char *previous = g_strdup ("");
  JsonObject *m;

  g_assert_cmpuint (json_array_get_length (array), ==, 9);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *date;
      const char *basis;

      m = json_array_get_object_element (array, i);
      shore_test_cli_assert_members_exactly (m, keys);
      date = json_object_get_string_member (m, "date");
      basis = json_object_get_string_member (m, "basis");
      /* ISO dates, sorted */
      g_assert_cmpuint (strlen (date), ==, 10);
      g_assert_cmpint (strcmp (previous, date), <=, 0);
      g_free (previous);
      previous = g_strdup (date);
      g_assert_true (g_str_equal (basis, "law") || g_str_equal (basis, "practice") ||
                     g_str_equal (basis, "contract"));
      g_assert_cmpstr (json_object_get_string_member (m, "text"), !=, "");
    }

  m = json_array_get_object_element (array, 0);
  shore_test_cli_assert_member (m, "kind", "penalty-starts");
  shore_test_cli_assert_member (m, "date", "2026-09-17");
  shore_test_cli_assert_int_member (m, "day", 2);
  shore_test_cli_assert_member (m, "basis", "contract");

  m = find_milestone (object, "credit-notice");
  g_assert_nonnull (m);
  if (m != NULL)
    {
      shore_test_cli_assert_member (m, "basis", "law");
      shore_test_cli_assert_member (m, "date", "2026-09-17");
    }

  m = find_milestone (object, "m2");
  g_assert_nonnull (m);
  if (m != NULL)
    {
      shore_test_cli_assert_member (m, "basis", "practice");
      shore_test_cli_assert_int_member (m, "day", 31);
      shore_test_cli_assert_member (m, "date", "2026-10-16");
      g_assert_true (g_str_has_prefix (json_object_get_string_member (m, "text"),
                                       "Typical practice, not law"));
    }

  m = find_milestone (object, "limitation");
  g_assert_nonnull (m);
  if (m != NULL)
    {
      shore_test_cli_assert_member (m, "basis", "law");
      shore_test_cli_assert_member (m, "date", "2030-06-15");
    }

  m = find_milestone (object, "record-kept");
  g_assert_nonnull (m);
  if (m != NULL)
    {
      shore_test_cli_assert_member (m, "basis", "law");
      shore_test_cli_assert_member (m, "date", "2031-10-25");
    }

  g_assert_null (find_milestone (object, "acceleration"));
}

static void
check_no_compound (JsonObject *object)
{
  shore_test_cli_assert_member (object, "penalty_interest", "37.50");
  shore_test_cli_assert_member (object, "compound_interest", "0.00");
  shore_test_cli_assert_member (object, "total_overdue", "2322.50");
  shore_test_cli_assert_member (object, "stage", "m2");
}

static void
check_in_grace (JsonObject *object)
{
  shore_test_cli_assert_int_member (object, "days_overdue", 1);
  shore_test_cli_assert_int_member (object, "overdue_installments", 1);
  shore_test_cli_assert_member (object, "penalty_interest", "0.00");
  shore_test_cli_assert_member (object, "compound_interest", "0.00");
  shore_test_cli_assert_member (object, "total_overdue", "1150.00");
  shore_test_cli_assert_member (object, "stage", "grace");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (object, "credit_status"), "NN"));
  /* not in default yet: no record to keep */
  g_assert_null (find_milestone (object, "record-kept"));
}

static void
check_grace_over (JsonObject *object)
{
  shore_test_cli_assert_int_member (object, "days_overdue", 2);
  shore_test_cli_assert_member (object, "penalty_interest", "1.50");
  shore_test_cli_assert_member (object, "compound_interest", "0.23");
  shore_test_cli_assert_member (object, "total_overdue", "1151.73");
  shore_test_cli_assert_member (object, "stage", "m1");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (object, "credit_status"), "N1"));
}

static void
check_grace_3_inside (JsonObject *object)
{
  JsonObject *m = find_milestone (object, "penalty-starts");

  shore_test_cli_assert_int_member (object, "days_overdue", 3);
  shore_test_cli_assert_member (object, "penalty_interest", "0.00");
  shore_test_cli_assert_member (object, "stage", "grace");
  g_assert_nonnull (m);
  if (m != NULL)
    {
      shore_test_cli_assert_member (m, "date", "2026-09-19");
      shore_test_cli_assert_int_member (m, "day", 4);
    }
}

static void
check_grace_3_over (JsonObject *object)
{
  shore_test_cli_assert_int_member (object, "days_overdue", 4);
  /* counted back to the due date: four days at 0.075 % on 1 000 */
  shore_test_cli_assert_member (object, "penalty_interest", "3.00");
  shore_test_cli_assert_member (object, "compound_interest", "0.45");
  shore_test_cli_assert_member (object, "total_overdue", "1153.45");
  shore_test_cli_assert_member (object, "stage", "m1");
}

static void
check_on_due_date (JsonObject *object)
{
  shore_test_cli_assert_int_member (object, "days_overdue", 0);
  shore_test_cli_assert_int_member (object, "overdue_installments", 0);
  shore_test_cli_assert_member (object, "total_overdue", "0.00");
  shore_test_cli_assert_member (object, "stage", "none");
}

static void
check_accelerated (JsonObject *object)
{
  JsonObject *m = find_milestone (object, "acceleration");

  shore_test_cli_assert_int_member (object, "overdue_installments", 10);
  shore_test_cli_assert_member (object, "overdue_principal", "10000.00");
  shore_test_cli_assert_member (object, "overdue_interest", "285.00");
  shore_test_cli_assert_member (object, "penalty_interest", "97.50");
  shore_test_cli_assert_member (object, "total_overdue", "10388.01");
  g_assert_nonnull (m);
  if (m != NULL)
    {
      shore_test_cli_assert_member (m, "date", "2026-10-15");
      shore_test_cli_assert_int_member (m, "day", 30);
      shore_test_cli_assert_member (m, "basis", "contract");
    }
}

static void
check_not_yet_accelerated (JsonObject *object)
{
  JsonObject *m = find_milestone (object, "acceleration");

  shore_test_cli_assert_int_member (object, "overdue_installments", 2);
  shore_test_cli_assert_member (object, "total_overdue", "2328.01");
  g_assert_nonnull (m);
  if (m != NULL)
    shore_test_cli_assert_member (m, "date", "2026-11-14");
}

static void
check_late_fee (JsonObject *object)
{
  shore_test_cli_assert_member (object, "late_fees", "28.68");
  shore_test_cli_assert_member (object, "total_overdue", "2356.69");
}

static void
check_markup_0 (JsonObject *object)
{
  shore_test_cli_assert_member (object, "penalty_interest", "25.00");
  shore_test_cli_assert_member (object, "compound_interest", "3.68");
  shore_test_cli_assert_member (object, "total_overdue", "2313.68");
}

static void
check_markup_100 (JsonObject *object)
{
  shore_test_cli_assert_member (object, "penalty_interest", "50.00");
  shore_test_cli_assert_member (object, "total_overdue", "2342.35");
}

static void
check_table (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n_milestones = 0;
  gboolean law_cited = FALSE;

  g_assert_nonnull (strstr (out, "Days overdue"));
  g_assert_nonnull (strstr (out, "M2 (31–60 days overdue)"));
  g_assert_nonnull (strstr (out, "¥2,328.01"));
  g_assert_nonnull (strstr (out, "¥37.50"));
  g_assert_nonnull (strstr (out, "¥5.51"));
  g_assert_nonnull (strstr (out, "*********************N12"));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}  \\(day \\d+\\)  \\[(law|practice|contract)\\]  \\S",
                                 lines[i], 0, 0))
        continue;
      n_milestones++;
      if (strstr (lines[i], "[law]") != NULL)
        {
          g_assert_nonnull (strstr (lines[i], "  — "));
          law_cited |= strstr (lines[i], "征信业管理条例") != NULL;
        }
      else
        g_assert_null (strstr (lines[i], "  — "));
    }

  g_assert_cmpuint (n_milestones, ==, 9);
  g_assert_true (law_cited);
  g_assert_nonnull (strstr (out, "2026-10-16  (day 31)  [practice]  Typical practice, not law"));
}

static void
check_help (const char *out)
{
  g_assert_true (g_str_has_prefix (out, "Usage: shore overdue"));
  for (guint i = 0; i < 8; i++)
    {
      static const char * const options[] = {
        "--missed-from", "--as-of", "--penalty-markup", "--grace-days", "--no-compound",
        "--late-fee-daily", "--accelerate-after", "--format",
      };

      g_assert_nonnull (strstr (out, options[i]));
    }
}

static void
check_verb_listed (const char *out)
{
  g_assert_nonnull (strstr (out, "  overdue "));
}

static const CliCase cases[] = {
  /* Results */
  { "seed-json", { SEED_JSON, NULL }, 0, NULL, NULL, NULL, check_seed },
  { "seed-milestones", { SEED_JSON, NULL }, 0, NULL, NULL, NULL, check_seed_milestones },
  { "seed-table", { SEED, NULL }, 0, NULL, NULL, check_table, NULL },
  { "seed-table-explicit", { SEED, "--format", "table", NULL }, 0, "¥2,328.01", NULL, NULL, NULL },
  { "seed-defaults-explicit",
    { SEED_JSON, "--penalty-markup", "50%", "--grace-days", "1", "--accelerate-after", "0", NULL },
    0, NULL, NULL, NULL, check_seed },
  { "no-compound", { SEED_JSON, "--no-compound", NULL }, 0, NULL, NULL, NULL, check_no_compound },
  { "grace/day-1-inside", { SEED_LOAN, "--as-of", "2026-09-16", "--format", "json", NULL },
    0, NULL, NULL, NULL, check_in_grace },
  { "grace/day-2-over", { SEED_LOAN, "--as-of", "2026-09-17", "--format", "json", NULL },
    0, NULL, NULL, NULL, check_grace_over },
  { "grace/3-days-inside", { SEED_LOAN, "--as-of", "2026-09-18", "--grace-days", "3", "--format", "json", NULL },
    0, NULL, NULL, NULL, check_grace_3_inside },
  { "grace/3-days-over", { SEED_LOAN, "--as-of", "2026-09-19", "--grace-days", "3", "--format", "json", NULL },
    0, NULL, NULL, NULL, check_grace_3_over },
  { "on-due-date", { SEED_LOAN, "--as-of", "2026-09-15", "--format", "json", NULL },
    0, NULL, NULL, NULL, check_on_due_date },
  { "accelerate/after-30", { SEED_JSON, "--accelerate-after", "30", NULL }, 0, NULL, NULL, NULL, check_accelerated },
  { "accelerate/after-60", { SEED_JSON, "--accelerate-after", "60", NULL }, 0, NULL, NULL, NULL, check_not_yet_accelerated },
  { "late-fee", { SEED_JSON, "--late-fee-daily", "0.05%", NULL }, 0, NULL, NULL, NULL, check_late_fee },
  { "markup-0", { SEED_JSON, "--penalty-markup", "0", NULL }, 0, NULL, NULL, NULL, check_markup_0 },
  { "markup-100", { SEED_JSON, "--penalty-markup", "100%", NULL }, 0, NULL, NULL, NULL, check_markup_100 },
  { "help", { "overdue", "--help", NULL }, 0, NULL, NULL, check_help, NULL },
  { "verb-listed", { "--help", NULL }, 0, NULL, NULL, check_verb_listed, NULL },

  /* Bad input: exit 1, one line on stderr, nothing on stdout */
  { "bad/as-of-before-start", { SEED_LOAN, "--as-of", "2026-08-14", NULL }, 1, NULL, "before the loan", NULL, NULL },
  { "bad/missed-from-beyond-term", { SEED_LOAN, "--as-of", "2026-10-25", "--missed-from", "11", NULL },
    1, NULL, "between 1 and 10", NULL, NULL },
  { "bad/missed-from-0", { SEED_LOAN, "--as-of", "2026-10-25", "--missed-from", "0", NULL }, 1, NULL, "--missed-from", NULL, NULL },
  { "bad/missed-from-text", { SEED_LOAN, "--as-of", "2026-10-25", "--missed-from", "first", NULL }, 1, NULL, "--missed-from", NULL, NULL },
  { "bad/missed-from-missing",
    { "overdue", "--principal", "10000", "--rate", "daily:0.05%", "--term", "10",
      "--method", "equal-principal", "--start", "2026-08-15", "--as-of", "2026-10-25", NULL },
    1, NULL, "--missed-from", NULL, NULL },
  { "bad/as-of-missing", { SEED_LOAN, NULL }, 1, NULL, "--as-of", NULL, NULL },
  { "bad/as-of-invalid", { SEED_LOAN, "--as-of", "2026-02-30", NULL }, 1, NULL, "--as-of", NULL, NULL },
  { "bad/as-of-text", { SEED_LOAN, "--as-of", "yesterday", NULL }, 1, NULL, "--as-of", NULL, NULL },
  { "bad/markup-negative", { SEED, "--penalty-markup", "-10%", NULL }, 1, NULL, "--penalty-markup", NULL, NULL },
  { "bad/markup-text", { SEED, "--penalty-markup", "lots", NULL }, 1, NULL, "--penalty-markup", NULL, NULL },
  { "bad/grace-negative", { SEED, "--grace-days", "-1", NULL }, 1, NULL, "--grace-days", NULL, NULL },
  { "bad/grace-too-many", { SEED, "--grace-days", "366", NULL }, 1, NULL, "--grace-days", NULL, NULL },
  { "bad/late-fee", { SEED, "--late-fee-daily", "abc", NULL }, 1, NULL, "--late-fee-daily", NULL, NULL },
  { "bad/accelerate", { SEED, "--accelerate-after", "x", NULL }, 1, NULL, "--accelerate-after", NULL, NULL },
  { "bad/accelerate-negative", { SEED, "--accelerate-after", "-5", NULL }, 1, NULL, "--accelerate-after", NULL, NULL },
  { "bad/format", { SEED, "--format", "csv", NULL }, 1, NULL, "--format", NULL, NULL },
  { "bad/principal", { SEED, "--principal", "abc", NULL }, 1, NULL, "--principal", NULL, NULL },
  { "bad/principal-missing",
    { "overdue", "--rate", "daily:0.05%", "--term", "10", "--method", "equal-principal",
      "--start", "2026-08-15", "--missed-from", "1", "--as-of", "2026-10-25", NULL },
    1, NULL, "--principal", NULL, NULL },
  { "bad/term", { SEED, "--term", "0", NULL }, 1, NULL, "--term", NULL, NULL },
  { "bad/method", { SEED, "--method", "whenever", NULL }, 1, NULL, "--method", NULL, NULL },
  { "bad/unknown-option", { SEED, "--colour", "red", NULL }, 1, NULL, "--colour", NULL, NULL },
  { "bad/extra-argument", { SEED, "loan-1", NULL }, 1, NULL, "loan-1", NULL, NULL },
  { "bad/missed-from-too-large", { SEED_LOAN, "--as-of", "2026-10-25", "--missed-from", "601", NULL }, 1, NULL, "--missed-from", NULL, NULL },
  { "bad/as-of-before-start-json", { SEED_LOAN, "--as-of", "2025-12-31", "--format", "json", NULL }, 1, NULL, "2026-08-15", NULL, NULL },
};

int
main (int    argc,
      char **argv)
{
  shore_test_cli_init (&argc, &argv);
  shore_test_cli_add_cases ("cli-overdue", cases, G_N_ELEMENTS (cases), sizeof cases[0], test_cli_case);

  return g_test_run ();
}
