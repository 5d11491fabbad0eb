/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drives the bill import dialog and the CSV export through their real widgets
 * under Xvfb, starting from an empty database: a small WeChat Pay bill
 * (preview counts, Import, the rows in the store), the same bill again (all
 * duplicates: Import disabled), a junk file (the error page), a generic CSV
 * (the column mapping, then the preview) and the export (BOM, count, no file
 * left by a failure). Runs once per language; any GTK warning aborts the run.
 *
 * `test-import-ui --shot PAGE FILE` opens the dialog on FILE and stays on
 * PAGE (preview, mapping, error; progress: wherever it is) for a screenshot
 * (/work/shared/tools/shot); FILE "-" opens it without a file (the chooser). */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "shore-i18n.h"
#include "shore-import.h"
#include "shore-ledger.h"
#include "shore-money.h"

#include "shore-export.h"
#include "shore-import-dialog.h"
#include "shore-window.h"

#include "shore-test-ui.h"

/* What the WeChat fixture holds (tests/data/ui/wechat-small.csv). */
#define WECHAT_INCOME_COUNT  2
#define WECHAT_INCOME        2820      /* ¥23.00 + ¥5.20 */
#define WECHAT_EXPENSE_COUNT 3
#define WECHAT_EXPENSE       154016    /* ¥1500.00 + ¥12.00 + ¥28.16 */
#define WECHAT_NEUTRAL_COUNT 1
#define WECHAT_ROWS          6

typedef struct
{
  gint64 import_id;
  guint  n;
  guint  emissions;
} Imported;

static ShoreStore *
get_store (void)
{
  shore_test_get_window ();
  return shore_application_get_store (shore_test_get_app ());
}

static GFile *
get_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui", name, NULL);

  return g_file_new_for_path (path);
}

static gpointer
child (ShoreImportDialog *dialog,
       const char        *name)
{
  return shore_test_child (dialog, SHORE_TYPE_IMPORT_DIALOG, name);
}

static const char *
get_label (ShoreImportDialog *dialog,
           const char        *name)
{
  return gtk_label_get_label (GTK_LABEL (child (dialog, name)));
}

static const char *
get_page (ShoreImportDialog *dialog)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (dialog, "stack")));
}

typedef struct
{
  ShoreImportDialog *dialog;
  const char        *page;
} PageWait;

static gboolean
page_is (gpointer data)
{
  PageWait *wait = data;

  return g_strcmp0 (get_page (wait->dialog), wait->page) == 0;
}

static void
wait_for_page (ShoreImportDialog *dialog,
               const char        *page)
{
  PageWait wait = { dialog, page };

  shore_test_wait_for (page_is, &wait, page);
  shore_test_settle ();
}

static void
on_imported_cb (ShoreImportDialog *dialog,
                gint64             import_id,
                guint              n,
                Imported          *imported)
{
  imported->import_id = import_id;
  imported->n = n;
  imported->emissions++;
}

static ShoreImportDialog *
open_dialog (const char *fixture,
             Imported   *imported)
{
  g_autoptr(GFile) file = g_path_is_absolute (fixture) ? g_file_new_for_path (fixture) : get_fixture (fixture);
  ShoreImportDialog *dialog = shore_import_dialog_new (GTK_WINDOW (shore_test_get_window ()), get_store (), file);

  if (imported != NULL)
    g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), imported);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
wait_until_closed (void)
{
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (SHORE_TYPE_IMPORT_DIALOG), "the dialog to close");
  shore_test_settle ();
}

static guint
count_transactions (ShoreStore *store)
{
  g_autoptr(ShoreTransactionList) list = NULL;
  ShoreTxnFilter filter;

  shore_txn_filter_init (&filter);
  list = shore_transaction_list_new (store, &filter);
  shore_txn_filter_clear (&filter);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static char *
format_count_total (guint  count,
                    gint64 total)
{
  g_autofree char *money = shore_money_format (total);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u · %s", "%u · %s", count), count, money);
}

static void
assert_count_total (ShoreImportDialog *dialog,
                    const char        *name,
                    guint              count,
                    gint64             total)
{
  g_autofree char *expected = format_count_total (count, total);

  g_assert_cmpstr (get_label (dialog, name), ==, expected);
}

/* The neutral total as the core computes it (the withdrawal fee may or may not be in it). */
static gint64
get_core_neutral_total (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = get_fixture ("wechat-small.csv");
  g_autoptr(GBytes) bytes = shore_import_read_file (file, NULL, &error);
  g_autoptr(ShoreImportResult) result = NULL;
  g_autoptr(ShoreStore) other = NULL;
  ShoreImportSummary summary = { 0 };

  g_assert_no_error (error);
  result = shore_import_parse (bytes, SHORE_IMPORT_KIND_AUTO, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* A second handle on the same database, used while the dialog is closed */
  other = shore_store_open (shore_test_get_data_dir (), &error);
  g_assert_no_error (error);
  g_assert_true (shore_ledger_import (other, result, 0, "wechat-small.csv", TRUE, NULL, NULL, NULL,
                                      &summary, NULL, &error));
  g_assert_no_error (error);
  return summary.neutral;
}

static void
test_wechat_import (void)
{
  Imported imported = { 0 };
  ShoreImportDialog *dialog;
  GtkWidget *import_button;
  GListModel *rows;
  gint64 neutral = get_core_neutral_total ();

  g_assert_cmpuint (count_transactions (get_store ()), ==, 0);

  dialog = open_dialog ("wechat-small.csv", &imported);
  wait_for_page (dialog, "preview");

  assert_count_total (dialog, "income_label", WECHAT_INCOME_COUNT, WECHAT_INCOME);
  assert_count_total (dialog, "expense_label", WECHAT_EXPENSE_COUNT, WECHAT_EXPENSE);
  assert_count_total (dialog, "neutral_label", WECHAT_NEUTRAL_COUNT, neutral);
  g_assert_cmpstr (get_label (dialog, "duplicates_label"), ==, "0");
  g_assert_cmpstr (get_label (dialog, "skipped_label"), ==, "0");
  g_assert_cmpstr (get_label (dialog, "loans_label"), ==, "0");
  g_assert_false (gtk_widget_get_visible (child (dialog, "status_label")));
  g_assert_true (gtk_widget_get_visible (child (dialog, "excel_warning_box")));

  rows = G_LIST_MODEL (gtk_list_view_get_model (child (dialog, "rows_view")));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, WECHAT_ROWS);

  /* Nothing written before Import; Enter (the focused default) imports */
  g_assert_cmpuint (count_transactions (get_store ()), ==, 0);
  import_button = child (dialog, "import_button");
  g_assert_true (gtk_widget_get_sensitive (import_button));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) == import_button);
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == import_button);

  g_signal_emit_by_name (import_button, "clicked");
  wait_until_closed ();

  g_assert_cmpuint (imported.emissions, ==, 1);
  g_assert_cmpint (imported.import_id, >, 0);
  g_assert_cmpuint (imported.n, ==, WECHAT_ROWS);
  g_assert_cmpuint (count_transactions (get_store ()), ==, WECHAT_ROWS);
}

static void
test_wechat_again (void)
{
  Imported imported = { 0 };
  ShoreImportDialog *dialog = open_dialog ("wechat-small.csv", &imported);
  g_autofree char *duplicates = g_strdup_printf ("%u", WECHAT_ROWS);

  wait_for_page (dialog, "preview");
  g_assert_cmpstr (get_label (dialog, "duplicates_label"), ==, duplicates);
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "import_button")));
  g_assert_true (gtk_widget_get_visible (child (dialog, "status_label")));
  g_assert_cmpstr (get_label (dialog, "status_label"), ==, _("Everything in this bill is already imported."));
  assert_count_total (dialog, "income_label", 0, 0);

  /* Escape */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  wait_until_closed ();
  g_assert_cmpuint (imported.emissions, ==, 0);
  g_assert_cmpuint (count_transactions (get_store ()), ==, WECHAT_ROWS);
}

static void
test_junk (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (shore_test_get_data_dir (), "junk.csv", NULL);
  static const char junk[] = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\xff\xfe\x00\x00garbage\x00\x03";
  ShoreImportDialog *dialog;
  const char *message;

  g_assert_true (g_file_set_contents (path, junk, sizeof junk, &error));
  g_assert_no_error (error);

  dialog = open_dialog (path, NULL);
  wait_for_page (dialog, "error");
  message = adw_status_page_get_description (child (dialog, "error_page"));
  g_assert_nonnull (message);
  g_assert_cmpstr (message, !=, "");
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) == child (dialog, "choose_another_button"));
  g_assert_false (gtk_widget_get_visible (child (dialog, "import_button")));

  g_signal_emit_by_name (child (dialog, "cancel_button"), "clicked");
  wait_until_closed ();
  g_assert_cmpuint (count_transactions (get_store ()), ==, WECHAT_ROWS);
}

static void
collect_combo_rows (GtkWidget *widget,
                    GPtrArray *rows)
{
  if (ADW_IS_COMBO_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_combo_rows (c, rows);
}

/* The combo row of a field on the mapping page, in the order of the page
 * (date, time, amount, …). */
static AdwComboRow *
get_field_row (ShoreImportDialog *dialog,
               guint              index)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_combo_rows (child (dialog, "columns_group"), rows);
  g_assert_cmpuint (index, <, rows->len);
  return g_ptr_array_index (rows, index);
}

static void
test_generic_csv (void)
{
  Imported imported = { 0 };
  ShoreImportDialog *dialog = open_dialog ("generic-small.csv", &imported);
  GtkWidget *continue_button;
  AdwComboRow *date_row, *amount_row;

  wait_for_page (dialog, "mapping");
  continue_button = child (dialog, "continue_button");
  date_row = get_field_row (dialog, 0);
  amount_row = get_field_row (dialog, 2);
  /* Guessed from the header 日期,摘要,金额,对方: items are “Not in the file”, then columns A… */
  g_assert_cmpuint (adw_combo_row_get_selected (date_row), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (amount_row), ==, 3);
  g_assert_true (gtk_widget_get_sensitive (continue_button));
  g_assert_false (gtk_widget_get_visible (child (dialog, "mapping_message")));

  /* Without a date column there is nothing to continue with */
  adw_combo_row_set_selected (date_row, 0);
  g_assert_false (gtk_widget_get_sensitive (continue_button));
  g_assert_true (gtk_widget_get_visible (child (dialog, "mapping_message")));
  adw_combo_row_set_selected (date_row, 1);
  g_assert_true (gtk_widget_get_sensitive (continue_button));

  g_signal_emit_by_name (continue_button, "clicked");
  wait_for_page (dialog, "preview");
  assert_count_total (dialog, "income_label", 1, 800000);
  assert_count_total (dialog, "expense_label", 2, 2950);
  assert_count_total (dialog, "neutral_label", 0, 0);
  g_assert_false (gtk_widget_get_visible (child (dialog, "excel_warning_box")));
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "import_button")));

  /* Cancel: nothing written */
  g_signal_emit_by_name (child (dialog, "cancel_button"), "clicked");
  wait_until_closed ();
  g_assert_cmpuint (imported.emissions, ==, 0);
  g_assert_cmpuint (count_transactions (get_store ()), ==, WECHAT_ROWS);
}

static void
assert_export_file (GFile *file,
                    guint  n_rows)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length;

  g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 3);
  g_assert_cmpmem (contents, 3, "\xEF\xBB\xBF", 3);
  lines = g_strsplit (contents, "\r\n", -1);
  /* header, the rows, then the empty string after the last CRLF */
  g_assert_cmpuint (g_strv_length (lines), ==, n_rows + 2);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_query_exists (G_FILE (data), NULL);
}

static void
test_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (shore_test_get_data_dir (), "export.csv", NULL);
  g_autofree char *bad_path = g_build_filename (shore_test_get_data_dir (), "no-such-dir", "x.csv", NULL);
  g_autofree char *chosen_path = g_build_filename (shore_test_get_data_dir (), "chosen.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) chosen = g_file_new_for_path (chosen_path);
  g_autoptr(GFile) folder = g_file_new_for_path (shore_test_get_data_dir ());
  GtkWindow *chooser;
  guint count = 0;

  g_assert_true (g_file_set_contents (path, "old", -1, &error));
  g_assert_true (shore_export_transactions_to_file (get_store (), file, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, WECHAT_ROWS);
  assert_export_file (file, WECHAT_ROWS);

  g_assert_false (shore_export_transactions_to_file (get_store (), bad, &count, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_query_exists (bad, NULL));

  /* Through the file chooser, as the menu does it */
  shore_export_transactions (GTK_WINDOW (shore_test_get_window ()), get_store ());
  chooser = shore_test_wait_for_dialog (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  g_assert_true (g_str_has_prefix (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)),
                                   "shore-transactions-"));
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "chosen.csv");
  shore_test_settle ();
  g_signal_emit_by_name (gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT), "clicked");
  shore_test_wait_for (file_exists, chosen, "the exported file");
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), "the chooser to close");
  assert_export_file (chosen, WECHAT_ROWS);
}

static void
test_choose_cancel (void)
{
  ShoreImportDialog *dialog = shore_import_dialog_new (GTK_WINDOW (shore_test_get_window ()), get_store (), NULL);
  GtkWindow *chooser;

  gtk_window_present (GTK_WINDOW (dialog));
  chooser = shore_test_wait_for_dialog (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_cmpstr (get_page (dialog), ==, "choose");
  g_assert_true (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_OPEN);

  /* Cancelling the chooser before any file was read closes the dialog */
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  wait_until_closed ();
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), "the chooser to close");
}

/* Stays on a page for a screenshot; never returns. */
static int
run_shot (const char *page,
          const char *path)
{
  ShoreImportDialog *dialog;

  shore_test_setup ("shore-import-shot-XXXXXX", FALSE);
  if (g_str_equal (path, "-"))
    {
      dialog = shore_import_dialog_new (GTK_WINDOW (shore_test_get_window ()), get_store (), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    {
      dialog = open_dialog (path, NULL);
      if (!g_str_equal (page, "progress"))
        wait_for_page (dialog, page);
    }
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *user_data = g_dir_make_tmp ("shore-import-ui-home-XXXXXX", NULL);

  /* The file chooser records what it opened: not in the real recent files */
  g_setenv ("XDG_DATA_HOME", user_data, TRUE);
  shore_i18n_init ();

  if (argc == 4 && g_str_equal (argv[1], "--shot"))
    {
      gtk_init ();
      return run_shot (argv[2], argv[3]);
    }

  g_test_init (&argc, &argv, NULL);
  shore_test_setup ("shore-import-ui-XXXXXX", FALSE);

  /* In order: each case starts where the previous one left the database. */
  g_test_add_func ("/import-ui/wechat", test_wechat_import);
  g_test_add_func ("/import-ui/wechat-again", test_wechat_again);
  g_test_add_func ("/import-ui/junk", test_junk);
  g_test_add_func ("/import-ui/generic-csv", test_generic_csv);
  g_test_add_func ("/import-ui/choose-cancel", test_choose_cancel);
  g_test_add_func ("/import-ui/export", test_export);

  return shore_test_run ();
}
