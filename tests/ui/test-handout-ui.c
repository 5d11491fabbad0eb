/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drives the Handouts dialog through its real widgets under Xvfb on a
 * database with one loan: open it from the window, build the rights
 * handout and see its preview, switch the language (and switch it twice in
 * a row: only the last one counts), export a PDF without a chooser, run the
 * print callbacks on a cairo PDF surface, show a topic with no data, close
 * it with Escape. Runs once per language; any GTK warning aborts the run. */

#include "config.h"

#include <string.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "shore-application.h"
#include "shore-debts.h"
#include "shore-handout-dialog.h"
#include "shore-i18n.h"
#include "shore-window.h"

#include "shore-test-ui.h"

#define TYPE SHORE_TYPE_HANDOUT_DIALOG

static ShoreHandoutDialog *dialog;

static ShoreStore *
get_store (void)
{
  shore_test_get_window ();
  return shore_application_get_store (shore_test_get_app ());
}

static void
add_loan (void)
{
  ShoreStore *store = get_store ();
  g_autoptr(ShoreLoan) loan = shore_loan_new ();
  g_autoptr(GError) error = NULL;

  g_free (loan->lender);
  loan->lender = g_strdup ("微粒贷");
  loan->principal = 1000000;
  g_assert_true (shore_rate_parse ("daily:0.05%", &loan->rate, &error));
  loan->term_months = 12;
  g_date_clear (&loan->start_date, 1);
  g_date_set_dmy (&loan->start_date, 15, G_DATE_JANUARY, 2026);
  g_assert_true (shore_debts_add (store, loan, &error));
  g_assert_no_error (error);
}

static gboolean
build_done (gpointer data)
{
  return !shore_handout_dialog_is_building (SHORE_HANDOUT_DIALOG (data));
}

static void
wait_for_build (void)
{
  shore_test_wait_for (build_done, dialog, "the handout to be built");
  shore_test_settle ();
}

/* The language the UI runs in, as a handout language. */
static const char *
expected_language (void)
{
  const char *language = g_getenv ("LANGUAGE");

  if (g_strcmp0 (language, "zh_CN") == 0 || g_strcmp0 (language, "zh_TW") == 0)
    return language;
  return "en";
}

static void
choose_topic (const char *name)
{
  g_autofree char *check = g_strconcat (name, "_check", NULL);

  gtk_check_button_set_active (shore_test_child (dialog, TYPE, check), TRUE);
}

static const char *
preview_child (void)
{
  return gtk_stack_get_visible_child_name (shore_test_child (dialog, TYPE, "preview_stack"));
}

static gboolean
button_sensitive (const char *name)
{
  return gtk_widget_get_sensitive (shore_test_child (dialog, TYPE, name));
}

static guint
a4_pages (void)
{
  ShoreDocument *document = shore_handout_dialog_get_document (dialog);

  g_assert_nonnull (document);
  return shore_document_get_n_pages (document, SHORE_DOCUMENT_A4_WIDTH, SHORE_DOCUMENT_A4_HEIGHT);
}

static void
assert_preview (void)
{
  const char *label = gtk_label_get_label (shore_test_child (dialog, TYPE, "page_label"));
  g_autofree char *count = NULL;

  g_assert_no_error ((GError *) shore_handout_dialog_get_error (dialog));
  count = g_strdup_printf ("%u", a4_pages ());
  g_assert_cmpuint (a4_pages (), >=, 1);
  g_assert_cmpstr (preview_child (), ==, "preview");
  g_assert_nonnull (strstr (label, count));
  g_assert_true (button_sensitive ("export_button"));
  g_assert_true (button_sensitive ("print_button"));
}

static void
test_open (void)
{
  add_loan ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shore_test_get_window ()), "win.handouts", NULL));
  dialog = SHORE_HANDOUT_DIALOG (shore_test_wait_for_dialog (TYPE));
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* the UI's script by default, and the letter choice only for letters */
  g_assert_cmpstr (shore_handout_dialog_get_language (dialog), ==, expected_language ());
  g_assert_false (gtk_widget_get_visible (shore_test_child (dialog, TYPE, "letter_row")));
  g_assert_false (gtk_switch_get_active (shore_test_child (dialog, TYPE, "anonymize_switch")));
  wait_for_build ();
}

static void
test_rights (void)
{
  choose_topic ("budget");
  g_assert_true (shore_handout_dialog_is_building (dialog));
  g_assert_cmpstr (preview_child (), ==, "building");
  g_assert_false (button_sensitive ("export_button"));
  wait_for_build ();

  choose_topic ("rights");
  g_assert_true (shore_handout_dialog_is_building (dialog));
  wait_for_build ();
  assert_preview ();
}

static void
test_pages (void)
{
  guint n = a4_pages ();
  GtkLabel *label = shore_test_child (dialog, TYPE, "page_label");
  g_autofree char *first = g_strdup (gtk_label_get_label (label));

  g_assert_false (button_sensitive ("previous_button"));
  g_assert_true (button_sensitive ("next_button") == (n > 1));
  if (n < 2)
    {
      g_test_message ("one page only: nothing to flip");
      return;
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handout.next-page", NULL));
  g_assert_cmpstr (gtk_label_get_label (label), !=, first);
  g_assert_true (button_sensitive ("previous_button"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handout.previous-page", NULL));
  g_assert_cmpstr (gtk_label_get_label (label), ==, first);
}

static void
test_language (void)
{
  AdwComboRow *row = shore_test_child (dialog, TYPE, "language_row");
  guint selected = adw_combo_row_get_selected (row);
  const char *before = shore_handout_dialog_get_language (dialog);

  /* one change rebuilds */
  adw_combo_row_set_selected (row, (selected + 1) % 3);
  g_assert_true (shore_handout_dialog_is_building (dialog));
  wait_for_build ();
  g_assert_cmpstr (shore_handout_dialog_get_language (dialog), !=, before);
  assert_preview ();

  /* two changes during one build: the handout shown is the last one asked for */
  adw_combo_row_set_selected (row, (selected + 2) % 3);
  adw_combo_row_set_selected (row, selected);
  wait_for_build ();
  g_assert_cmpstr (shore_handout_dialog_get_language (dialog), ==, before);
  assert_preview ();
}

static guint
count_pdf_pages (const char *pdf,
                 gsize       length)
{
  const char *end = pdf + length;
  guint n = 0;

  /* cairo writes each page object as “/Type /Page” (the tree is “/Type /Pages”) */
  /* memmem, not g_strstr_len: compressed streams hold NUL bytes */
  for (const char *p = pdf; (p = memmem (p, end - p, "/Type /Page", 11)) != NULL; p++)
    if (p + 11 < end && p[11] != 's')
      n++;
  return n;
}

static void
assert_no_leftovers (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".handout.pdf-"));
}

static void
test_export (void)
{
  g_autofree char *path = g_build_filename (shore_test_get_data_dir (), "handout.pdf", NULL);
  g_autofree char *missing = g_build_filename (shore_test_get_data_dir (), "no-such-folder", "handout.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  gsize length = 0;

  /* twice: the second replaces the first */
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (shore_handout_dialog_save (dialog, file, &error));
      g_assert_no_error (error);
    }
  g_assert_true (g_file_get_contents (path, &pdf, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (pdf, "%PDF"));
  g_assert_cmpuint (count_pdf_pages (pdf, length), ==, a4_pages ());
  assert_no_leftovers (shore_test_get_data_dir ());

  /* a folder that does not exist: an error, and no file */
  g_assert_false (shore_handout_dialog_save (dialog, nowhere, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static cairo_status_t
write_to_array_cb (void                *closure,
                   const unsigned char *data,
                   unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* What the print operation does, on A4 and on US Letter paper. */
static void
test_print (void)
{
  static const struct { double width, height; } papers[] = { { 595.28, 841.89 }, { 612, 792 } };

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_to_array_cb, bytes,
                                                                      papers[i].width, papers[i].height);
      cairo_t *cr = cairo_create (surface);
      guint n = shore_handout_dialog_print_begin (dialog, papers[i].width, papers[i].height);

      g_assert_cmpuint (n, >=, 1);
      if (i == 0)
        g_assert_cmpuint (n, ==, a4_pages ());
      for (guint page = 0; page < n; page++)
        {
          shore_handout_dialog_print_page (dialog, cr, page, papers[i].width, papers[i].height);
          cairo_show_page (cr);
        }
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
      g_assert_cmpuint (bytes->len, >, 1000);
      g_assert_cmpuint (count_pdf_pages ((const char *) bytes->data, bytes->len), ==, n);
    }

  /* the preview still shows A4 pages afterwards */
  assert_preview ();
}

/* No contacts logged: the evidence sheet has nothing to show, and says so. */
static void
test_no_data (void)
{
  const GError *error;

  choose_topic ("evidence");
  wait_for_build ();
  error = shore_handout_dialog_get_error (dialog);
  g_assert_null (shore_handout_dialog_get_document (dialog));
  g_assert_error ((GError *) error, SHORE_HANDOUT_ERROR, SHORE_HANDOUT_ERROR_NO_DATA);
  g_assert_cmpstr (preview_child (), ==, "error");
  g_assert_cmpstr (adw_status_page_get_description (shore_test_child (dialog, TYPE, "status_page")), ==,
                   error->message);
  g_assert_false (button_sensitive ("export_button"));
  g_assert_false (button_sensitive ("print_button"));
  g_assert_cmpstr (gtk_label_get_label (shore_test_child (dialog, TYPE, "page_label")), ==, "");

  /* the letter choice shows for letters only */
  choose_topic ("letter");
  g_assert_true (gtk_widget_get_visible (shore_test_child (dialog, TYPE, "letter_row")));
  wait_for_build ();
  choose_topic ("rights");
  g_assert_false (gtk_widget_get_visible (shore_test_child (dialog, TYPE, "letter_row")));
  wait_for_build ();
}

static gboolean
dialog_freed (gpointer data)
{
  return dialog == NULL;
}

static void
test_close (void)
{
  /* Escape is bound to window.close */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (TYPE), "the handouts dialog to close");
  /* and it is freed: nothing (a build, a print job) keeps it alive */
  shore_test_wait_for (dialog_freed, NULL, "the handouts dialog to be freed");
}

/* Counselor mode: a training case's handouts hide names unless asked not to. */
static void
test_scenario (void)
{
  ShoreHandoutDialog *training = shore_handout_dialog_new (GTK_WINDOW (shore_test_get_window ()), get_store (),
                                                           "weilidai-overdue");

  dialog = training;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (training));
  shore_test_wait_for_dialog (TYPE);
  g_assert_true (gtk_switch_get_active (shore_test_child (dialog, TYPE, "anonymize_switch")));
  wait_for_build ();
  assert_preview ();

  gtk_window_close (GTK_WINDOW (training));
  shore_test_wait_for (dialog_freed, NULL, "the handouts dialog to be freed");
}

int
main (int    argc,
      char **argv)
{
  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  shore_test_setup ("shore-handout-ui-XXXXXX", FALSE);

  g_test_add_func ("/handout-ui/open", test_open);
  g_test_add_func ("/handout-ui/rights", test_rights);
  g_test_add_func ("/handout-ui/pages", test_pages);
  g_test_add_func ("/handout-ui/language", test_language);
  g_test_add_func ("/handout-ui/export", test_export);
  g_test_add_func ("/handout-ui/print", test_print);
  g_test_add_func ("/handout-ui/no-data", test_no_data);
  g_test_add_func ("/handout-ui/close", test_close);
  g_test_add_func ("/handout-ui/scenario", test_scenario);

  return shore_test_run ();
}
