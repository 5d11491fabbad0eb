/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the real `shore` binary with no display for `shore import` and
 * `shore export`: the JSON of DESIGN.md, re-import adds nothing, bad input
 * (junk, empty, missing file, wrong options) exits 1 with one translated
 * line and writes nothing, and import → export → import is the identity. */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "shore-test-cli.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "cli", name, NULL);
}

static char *
make_data_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("shore-cli-import-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Creates the database with one loan (微粒贷, whose repayments the WeChat
 * bill holds), so that later read-only runs compare like with like. */
static void
create_database (const char *data_dir)
{
  const char *args[] = { "loan", "add", "--lender", "微粒贷", "--principal", "3000", "--rate", "daily:0.05%",
                         "--term", "10", "--method", "equal-principal", "--start", "2026-08-15",
                         "--data-dir", "@DIR@", NULL };
  g_autofree char *out = shore_test_cli_run_in_dir (args, data_dir, 0, NULL, NULL, FALSE);
}

static JsonObject *
import_json (const char *data_dir,
             const char *file,
             gboolean    dry_run,
             JsonNode  **out_root)
{
  const char *args[] = { "import", file, "--format", "json", "--data-dir", "@DIR@",
                         dry_run ? "--dry-run" : NULL, NULL };
  g_autofree char *out = shore_test_cli_run_in_dir (args, data_dir, 0, NULL, NULL, dry_run);

  *out_root = shore_test_cli_parse_json (out);
  g_assert_nonnull (*out_root);
  return json_node_get_object (*out_root);
}

static void
test_wechat_json (void)
{
  g_autofree char *dir = make_data_dir ();
  g_autofree char *bill = fixture ("wechat.csv");
  static const char * const members[] = { "kind", "transactions", "income", "expense", "neutral",
                                          "skipped", "duplicates", "linked_loans", "dry_run", NULL };
  g_autoptr(JsonNode) dry = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) again = NULL;
  JsonObject *object;

  create_database (dir);

  /* A dry run reports and writes nothing (checked by run_in_dir). */
  object = import_json (dir, bill, TRUE, &dry);
  shore_test_cli_assert_members_exactly (object, members);
  shore_test_cli_assert_member (object, "kind", "wechat");
  shore_test_cli_assert_int_member (object, "transactions", 6);
  shore_test_cli_assert_member (object, "income", "6500.00");
  shore_test_cli_assert_member (object, "expense", "1873.50");
  shore_test_cli_assert_int_member (object, "duplicates", 0);
  g_assert_true (json_object_get_boolean_member (object, "dry_run"));

  object = import_json (dir, bill, FALSE, &first);
  shore_test_cli_assert_int_member (object, "transactions", 6);
  shore_test_cli_assert_member (object, "expense", "1873.50");
  shore_test_cli_assert_member (object, "neutral", "100.10");
  /* 微粒贷还款 is linked to the 微粒贷 loan. */
  shore_test_cli_assert_int_member (object, "linked_loans", 1);
  g_assert_false (json_object_get_boolean_member (object, "dry_run"));

  /* The same bill again adds nothing. */
  object = import_json (dir, bill, FALSE, &again);
  shore_test_cli_assert_int_member (object, "transactions", 0);
  shore_test_cli_assert_int_member (object, "duplicates", 6);
  shore_test_cli_assert_member (object, "income", "0.00");

  shore_test_cli_rm_rf (dir);
}

static void
test_alipay_gb18030 (void)
{
  g_autofree char *dir = make_data_dir ();
  g_autofree char *bill = fixture ("alipay.csv");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  object = import_json (dir, bill, FALSE, &root);
  shore_test_cli_assert_member (object, "kind", "alipay");
  /* Five rows; the closed trade is skipped. */
  shore_test_cli_assert_int_member (object, "transactions", 4);
  shore_test_cli_assert_int_member (object, "skipped", 1);
  shore_test_cli_assert_member (object, "expense", "468.40");
  shore_test_cli_assert_member (object, "neutral", "1200.00");

  shore_test_cli_rm_rf (dir);
}

static void
test_table_output (void)
{
  g_autofree char *dir = make_data_dir ();
  g_autofree char *bill = fixture ("wechat.csv");
  const char *args[] = { "import", bill, "--data-dir", "@DIR@", NULL };
  g_autofree char *out = shore_test_cli_run_in_dir (args, dir, 0, "¥1,873.50", NULL, FALSE);

  g_assert_nonnull (strstr (out, "6"));
  shore_test_cli_rm_rf (dir);
}

typedef struct
{
  const char *name;
  const char *file;          /* a fixture, or NULL for a file that does not exist */
  const char *extra[4];
  const char *language;
  const char *stderr_has;
} BadCase;

static const BadCase bad_cases[] = {
  { "junk", "junk.bin", { NULL }, NULL, "shore: " },
  { "empty", "empty.csv", { NULL }, NULL, "shore: " },
  { "missing", NULL, { NULL }, NULL, "shore: " },
  { "bad-kind", "wechat.csv", { "--kind", "bank", NULL }, NULL, "--kind" },
  { "unknown-account", "wechat.csv", { "--account", "没有这个账户", NULL }, NULL, "没有这个账户" },
  { "wrong-kind", "wechat.csv", { "--kind", "alipay", NULL }, NULL, "shore: " },
  { "bad-format", "wechat.csv", { "--format", "xml", NULL }, NULL, "xml" },
  { "junk-zh-tw", "junk.bin", { NULL }, "zh_TW", "shore: " },
  { "junk-zh-cn", "junk.bin", { NULL }, "zh_CN", "shore: " },
};

static void
test_bad_input (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *dir = make_data_dir ();
  g_autofree char *path = c->file != NULL ? fixture (c->file) : g_build_filename (dir, "no-such-bill.csv", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  /* A database with one bill in it: a failing import must leave it as it is. */
  create_database (dir);

  g_ptr_array_add (args, (gpointer) "import");
  g_ptr_array_add (args, path);
  for (guint i = 0; c->extra[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) c->extra[i]);
  g_ptr_array_add (args, NULL);

  before = shore_test_cli_snapshot (dir);
  status = shore_test_cli_spawn ((const char * const *) args->pdata, c->language, dir, dir, &out, &err);
  after = shore_test_cli_snapshot (dir);

  shore_test_cli_assert_result (status, out, err, 1, NULL, c->stderr_has, TRUE);
  shore_test_cli_assert_same_files (before, after);

  /* The message is in the language asked for: no ASCII-only English sentence. */
  if (c->language != NULL)
    {
      gboolean has_han = FALSE;

      for (const char *p = err; *p != '\0'; p = g_utf8_next_char (p))
        has_han |= g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN;
      g_assert_true (has_han);
    }

  shore_test_cli_rm_rf (dir);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_round_trip (void)
{
  g_autofree char *dir_a = make_data_dir ();
  g_autofree char *dir_b = make_data_dir ();
  g_autofree char *out_dir = make_data_dir ();
  g_autofree char *wechat = fixture ("wechat.csv");
  g_autofree char *alipay = fixture ("alipay.csv");
  g_autofree char *first = g_build_filename (out_dir, "first.csv", NULL);
  g_autofree char *second = g_build_filename (out_dir, "second.csv", NULL);
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(JsonNode) c = NULL;
  g_autoptr(JsonNode) again = NULL;
  JsonObject *object;

  import_json (dir_a, wechat, FALSE, &a);
  import_json (dir_a, alipay, FALSE, &b);

  {
    const char *args[] = { "export", first, "--data-dir", "@DIR@", NULL };
    g_autofree char *out = shore_test_cli_run_in_dir (args, dir_a, 0, "10", NULL, TRUE);
  }
  first_text = read_text (first);
  g_assert_true (g_str_has_prefix (first_text, "\xEF\xBB\xBF"));

  /* The export read back into an empty ledger… */
  object = import_json (dir_b, first, FALSE, &c);
  shore_test_cli_assert_member (object, "kind", "csv");
  shore_test_cli_assert_int_member (object, "transactions", 10);

  /* …gives the same transactions: exported again, the same bytes. */
  {
    const char *args[] = { "export", second, "--data-dir", "@DIR@", NULL };
    g_autofree char *out = shore_test_cli_run_in_dir (args, dir_b, 0, NULL, NULL, TRUE);
  }
  second_text = read_text (second);
  g_assert_cmpstr (first_text, ==, second_text);

  /* And importing the export into the ledger it came from adds nothing. */
  object = import_json (dir_a, first, FALSE, &again);
  shore_test_cli_assert_int_member (object, "transactions", 0);
  shore_test_cli_assert_int_member (object, "duplicates", 10);

  shore_test_cli_rm_rf (dir_a);
  shore_test_cli_rm_rf (dir_b);
  shore_test_cli_rm_rf (out_dir);
}

static void
test_export_stdout_and_errors (void)
{
  g_autofree char *dir = make_data_dir ();
  g_autofree char *wechat = fixture ("wechat.csv");
  g_autoptr(JsonNode) root = NULL;

  import_json (dir, wechat, FALSE, &root);

  {
    const char *args[] = { "export", "-", "--from", "2026-10-20", "--data-dir", "@DIR@", NULL };
    g_autofree char *out = shore_test_cli_run_in_dir (args, dir, 0, "1500.00", NULL, TRUE);

    /* 2026-10-20, -25 and -31 only. */
    g_assert_null (strstr (out, "6500.00"));
  }
  {
    const char *args[] = { "export", "-", "--from", "2026-10-20", "--to", "2026-10-01", "--data-dir", "@DIR@", NULL };
    g_autofree char *out = shore_test_cli_run_in_dir (args, dir, 1, NULL, "--from", TRUE);
  }
  {
    const char *args[] = { "export", "--data-dir", "@DIR@", NULL };
    g_autofree char *out = shore_test_cli_run_in_dir (args, dir, 1, NULL, "shore: ", TRUE);
  }
  {
    g_autofree char *target = g_build_filename (dir, "no-such-folder", "out.csv", NULL);
    const char *args[] = { "export", target, "--data-dir", "@DIR@", NULL };
    g_autofree char *out = shore_test_cli_run_in_dir (args, dir, 1, NULL, "shore: ", TRUE);
  }

  shore_test_cli_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  shore_test_cli_init (&argc, &argv);

  g_test_add_func ("/cli-import/wechat-json", test_wechat_json);
  g_test_add_func ("/cli-import/alipay-gb18030", test_alipay_gb18030);
  g_test_add_func ("/cli-import/table", test_table_output);
  shore_test_cli_add_cases ("cli-import/bad", bad_cases, G_N_ELEMENTS (bad_cases),
                            sizeof bad_cases[0], test_bad_input);
  g_test_add_func ("/cli-import/round-trip", test_round_trip);
  g_test_add_func ("/cli-import/export", test_export_stdout_and_errors);

  return g_test_run ();
}
