/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drives the evidence log window and the contact dialog through their real
 * widgets under Xvfb: a log with a contact at night and a polite one, a
 * contact added through the dialog (with bad input refused and live hints),
 * the flags with their citations, delete and Undo, the evidence sheet
 * exported through the file chooser, and the log kept across windows.
 * Runs once per language (LANGUAGE=C, zh_CN, zh_TW); any GTK warning aborts
 * the run. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "shore-contact-dialog.h"
#include "shore-evidence-store.h"
#include "shore-evidence-window.h"
#include "shore-i18n.h"

#include "shore-test-ui.h"

#define NIGHT_ORGANIZATION "催收公司 <Night> & Co"
#define POLITE_ORGANIZATION "某某消费金融"
#define ADDED_ORGANIZATION "早安催收"

static ShoreEvidenceWindow *window;

static ShoreStore *
get_store (void)
{
  shore_test_get_window ();
  return shore_application_get_store (shore_test_get_app ());
}

static void
add_prepared_contact (ShoreStore          *store,
                      int                  day,
                      int                  hour,
                      int                  minute,
                      const char          *organization,
                      const char          *summary)
{
  g_autoptr(ShoreContact) contact = shore_contact_new ();
  g_autoptr(GTimeZone) china = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GError) error = NULL;

  contact->occurred_at = g_date_time_new (china, 2026, 11, day, hour, minute, 0);
  g_free (contact->organization);
  contact->organization = g_strdup (organization);
  g_free (contact->summary);
  contact->summary = g_strdup (summary);
  g_free (contact->phone);
  contact->phone = g_strdup ("021-12345678");
  g_assert_true (shore_evidence_store_add (store, contact, &error));
  g_assert_no_error (error);
}

static void
prepare_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreStore) store = shore_store_open (shore_test_get_data_dir (), &error);

  g_assert_no_error (error);
  add_prepared_contact (store, 10, 22, 30, NIGHT_ORGANIZATION, "催还款");
  add_prepared_contact (store, 11, 14, 0, POLITE_ORGANIZATION, "您好，温馨提醒您按时还款。\n第二行");
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  return shore_test_child (widget, type, name);
}

static guint
count_rows (GtkListBox *list_box)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row))
        n++;
    }

  return n;
}

static GtkListBoxRow *
get_contact_row (guint index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (child (window, SHORE_TYPE_EVIDENCE_WINDOW, "contacts_list"),
                                                      (int) index);

  g_assert_nonnull (row);
  return row;
}

/* The texts of the labels under @root that carry @css_class or sit in a widget that does. */
static void
collect_labels (GtkWidget  *root,
                const char *css_class,
                gboolean    inside,
                GPtrArray  *out)
{
  for (GtkWidget *widget = gtk_widget_get_first_child (root); widget != NULL;
       widget = gtk_widget_get_next_sibling (widget))
    {
      gboolean in = inside || gtk_widget_has_css_class (widget, css_class);

      if (in && GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
        g_ptr_array_add (out, g_strdup (gtk_label_get_label (GTK_LABEL (widget))));
      collect_labels (widget, css_class, in, out);
    }
}

static GPtrArray *
get_flag_texts (GtkWidget *root)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  collect_labels (root, "shore-evidence-flag", FALSE, texts);
  return texts;
}

static gboolean
has_text_with_prefix (GPtrArray  *texts,
                      const char *prefix)
{
  for (guint i = 0; i < texts->len; i++)
    {
      if (g_str_has_prefix (g_ptr_array_index (texts, i), prefix))
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_text_containing (GtkWidget  *root,
                     const char *needle)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_labels (root, "", TRUE, texts);
  for (guint i = 0; i < texts->len; i++)
    {
      if (strstr (g_ptr_array_index (texts, i), needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
open_window (void)
{
  window = shore_evidence_window_new (GTK_WINDOW (shore_test_get_window ()), get_store ());
  gtk_window_present (GTK_WINDOW (window));
  shore_test_wait_for (shore_test_toplevel_shown, GSIZE_TO_POINTER (SHORE_TYPE_EVIDENCE_WINDOW), "the log");
  shore_test_settle ();
}

static void
test_open (void)
{
  const char *night = shore_evidence_rule_get_label (SHORE_EVIDENCE_RULE_NIGHT);
  g_autoptr(GPtrArray) polite_flags = NULL;
  g_autoptr(GPtrArray) night_flags = NULL;

  open_window ();

  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (window, SHORE_TYPE_EVIDENCE_WINDOW, "stack")), ==, "log");
  g_assert_cmpuint (count_rows (child (window, SHORE_TYPE_EVIDENCE_WINDOW, "contacts_list")), ==, 2);

  /* Newest first: the polite one has no flag, the one at 22:30 the night rule's */
  polite_flags = get_flag_texts (GTK_WIDGET (get_contact_row (0)));
  night_flags = get_flag_texts (GTK_WIDGET (get_contact_row (1)));
  g_assert_cmpuint (polite_flags->len, ==, 0);
  g_assert_true (has_text_with_prefix (night_flags, night));
  g_assert_true (has_text_containing (GTK_WIDGET (get_contact_row (1)), NIGHT_ORGANIZATION));
  g_assert_true (has_text_containing (GTK_WIDGET (get_contact_row (0)), "您好，温馨提醒您按时还款。"));
  g_assert_false (has_text_containing (GTK_WIDGET (get_contact_row (0)), "第二行"));

  /* The summary counts it, and the rule is listed */
  g_assert_true (gtk_widget_get_visible (child (window, SHORE_TYPE_EVIDENCE_WINDOW, "rules_group")));
  g_assert_true (has_text_containing (child (window, SHORE_TYPE_EVIDENCE_WINDOW, "rules_list"), night));
  g_assert_true (has_text_containing (child (window, SHORE_TYPE_EVIDENCE_WINDOW, "organizations_list"),
                                      POLITE_ORGANIZATION));
}

/* Opening a flagged contact shows each flag with its citation, kind and confidence. */
static void
test_flag_details (void)
{
  g_autoptr(GPtrArray) contacts = shore_evidence_store_list (get_store (), NULL);
  g_autoptr(GArray) flags = NULL;
  const ShoreEvidenceFlag *flag;
  GtkWindow *dialog;
  GtkWidget *flags_list;
  ShoreContact flat[2];

  g_assert_cmpuint (contacts->len, ==, 2);
  flat[0] = *(ShoreContact *) g_ptr_array_index (contacts, 0);
  flat[1] = *(ShoreContact *) g_ptr_array_index (contacts, 1);
  shore_evidence_check (flat, 2, NULL, &flags);
  g_assert_cmpuint (flags->len, >=, 1);
  flag = &g_array_index (flags, ShoreEvidenceFlag, 0);
  g_assert_cmpuint (flag->contact, ==, 0);

  g_signal_emit_by_name (child (window, SHORE_TYPE_EVIDENCE_WINDOW, "contacts_list"), "row-activated",
                         get_contact_row (1));
  dialog = shore_test_wait_for_dialog (SHORE_TYPE_CONTACT_DIALOG);
  flags_list = child (dialog, SHORE_TYPE_CONTACT_DIALOG, "flags_list");
  g_assert_true (gtk_widget_get_visible (child (dialog, SHORE_TYPE_CONTACT_DIALOG, "flags_group")));
  g_assert_cmpuint (count_rows (GTK_LIST_BOX (flags_list)), ==, flags->len);
  g_assert_true (has_text_containing (flags_list, flag->citation));
  g_assert_true (has_text_containing (flags_list, shore_evidence_kind_get_label (flag->kind)));
  g_assert_true (has_text_containing (flags_list, shore_evidence_confidence_get_label (flag->confidence)));
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, SHORE_TYPE_CONTACT_DIALOG, "time_row")), ==, "22:30");

  gtk_window_close (dialog);
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (SHORE_TYPE_CONTACT_DIALOG), "the dialog to close");
}

static void
set_text (gpointer    dialog,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, SHORE_TYPE_CONTACT_DIALOG, name)), text);
}

static gboolean
contacts_count_is (gpointer data)
{
  return count_rows (child (window, SHORE_TYPE_EVIDENCE_WINDOW, "contacts_list")) == GPOINTER_TO_UINT (data);
}

static void
test_add_contact (void)
{
  GType type = SHORE_TYPE_CONTACT_DIALOG;
  g_autoptr(GError) expected = NULL;
  g_autoptr(GPtrArray) added_flags = NULL;
  GtkTextView *summary_view;
  GtkWidget *error_label;
  GtkWindow *dialog;
  g_autofree char *path = g_build_filename (shore_test_get_data_dir (), "recording.m4a", NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "evidence.add", NULL));
  dialog = shore_test_wait_for_dialog (type);
  error_label = child (dialog, type, "error_label");

  set_text (dialog, "date_row", "2026-11-12");
  set_text (dialog, "organization_row", ADDED_ORGANIZATION);
  set_text (dialog, "person_row", "工号 007");

  /* A time that does not exist is refused in the user's language; nothing is saved */
  set_text (dialog, "time_row", "25:00");
  g_signal_emit_by_name (child (dialog, type, "save_button"), "clicked");
  shore_test_settle ();
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_has_css_class (child (dialog, type, "time_row"), "error"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "25:00"));
  g_assert_cmpuint (count_rows (child (window, SHORE_TYPE_EVIDENCE_WINDOW, "contacts_list")), ==, 2);

  /* Live hints for threatening wording */
  summary_view = child (dialog, type, "summary_view");
  g_assert_false (gtk_widget_get_visible (child (dialog, type, "hints_box")));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (summary_view), "再不还钱就弄死你", -1);
  g_assert_true (gtk_widget_get_visible (child (dialog, type, "hints_box")));
  g_assert_true (has_text_containing (child (dialog, type, "hints_box"),
                                      shore_evidence_rule_get_label (SHORE_EVIDENCE_RULE_THREAT)));

  g_assert_true (shore_contact_dialog_add_attachment (SHORE_CONTACT_DIALOG (dialog), path));
  g_assert_false (shore_contact_dialog_add_attachment (SHORE_CONTACT_DIALOG (dialog), path));
  g_assert_cmpuint (count_rows (child (dialog, type, "attachments_list")), ==, 1);

  set_text (dialog, "time_row", "07:59");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_signal_emit_by_name (child (dialog, type, "save_button"), "clicked");
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (type), "the dialog to close");
  shore_test_wait_for (contacts_count_is, GUINT_TO_POINTER (3), "the new contact");
  shore_test_settle ();

  g_assert_true (has_text_containing (GTK_WIDGET (get_contact_row (0)), ADDED_ORGANIZATION));
  added_flags = get_flag_texts (GTK_WIDGET (get_contact_row (0)));
  g_assert_true (has_text_with_prefix (added_flags, shore_evidence_rule_get_label (SHORE_EVIDENCE_RULE_NIGHT)));
  g_assert_true (has_text_with_prefix (added_flags, shore_evidence_rule_get_label (SHORE_EVIDENCE_RULE_THREAT)));
}

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  for (GtkWidget *widget = gtk_widget_get_first_child (root); widget != NULL;
       widget = gtk_widget_get_next_sibling (widget))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
        return widget;

      found = find_button_labelled (widget, label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
undo_button_shown (gpointer data)
{
  return find_button_labelled (GTK_WIDGET (window), _("_Undo")) != NULL;
}

static void
test_delete_and_undo (void)
{
  g_autoptr(GPtrArray) contacts = shore_evidence_store_list (get_store (), NULL);
  const ShoreContact *added = g_ptr_array_index (contacts, contacts->len - 1);
  g_autoptr(ShoreContact) restored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (added->organization, ==, ADDED_ORGANIZATION);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "evidence.delete", "x", added->id));
  shore_test_settle ();
  g_assert_cmpuint (count_rows (child (window, SHORE_TYPE_EVIDENCE_WINDOW, "contacts_list")), ==, 2);
  g_assert_null (shore_evidence_store_get (get_store (), added->id, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  /* The toast's own Undo button, as the user would press it */
  shore_test_wait_for (undo_button_shown, NULL, "the Undo button");
  g_signal_emit_by_name (find_button_labelled (GTK_WIDGET (window), _("_Undo")), "clicked");
  shore_test_wait_for (contacts_count_is, GUINT_TO_POINTER (3), "the contact to come back");

  restored = shore_evidence_store_get (get_store (), added->id, NULL);
  g_assert_nonnull (restored);
  g_assert_cmpstr (restored->organization, ==, ADDED_ORGANIZATION);
  g_assert_cmpuint (restored->attachments->len, ==, 1);
  g_assert_true (has_text_containing (GTK_WIDGET (get_contact_row (0)), ADDED_ORGANIZATION));
}

static gboolean
file_exists (gpointer data)
{
  return g_file_query_exists (G_FILE (data), NULL);
}

static void
test_export_sheet (void)
{
  g_autoptr(GPtrArray) contacts = shore_evidence_store_list (get_store (), NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (shore_test_get_data_dir ());
  g_autoptr(GFile) sheet_file = g_file_get_child (folder, "sheet.txt");
  g_autoptr(GArray) flags = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sheet = NULL;
  ShoreContact *flat = g_newa (ShoreContact, contacts->len);
  GtkWindow *chooser;

  for (guint i = 0; i < contacts->len; i++)
    flat[i] = *(ShoreContact *) g_ptr_array_index (contacts, i);
  shore_evidence_check (flat, contacts->len, NULL, &flags);
  g_assert_cmpuint (flags->len, >=, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "evidence.export-text", NULL));
  chooser = shore_test_wait_for_dialog (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_true (g_str_has_prefix (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), "shore-evidence-"));
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "sheet.txt");
  shore_test_settle ();
  g_signal_emit_by_name (gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT), "clicked");
  shore_test_wait_for (file_exists, sheet_file, "the evidence sheet");
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), "the chooser to close");

  g_assert_true (g_file_load_contents (sheet_file, NULL, &sheet, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (sheet, -1, NULL));
  g_assert_nonnull (strstr (sheet, NIGHT_ORGANIZATION));
  g_assert_nonnull (strstr (sheet, ADDED_ORGANIZATION));
  for (guint i = 0; i < flags->len; i++)
    g_assert_nonnull (strstr (sheet, g_array_index (flags, ShoreEvidenceFlag, i).citation));
}

/* The same sheet as an A4 PDF */
static void
test_export_pdf (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path (shore_test_get_data_dir ());
  g_autoptr(GFile) pdf_file = g_file_get_child (folder, "sheet.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  gsize length = 0;
  GtkWindow *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "evidence.export-pdf", NULL));
  chooser = shore_test_wait_for_dialog (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_true (g_str_has_suffix (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ".pdf"));
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "sheet.pdf");
  shore_test_settle ();
  g_signal_emit_by_name (gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT), "clicked");
  shore_test_wait_for (file_exists, pdf_file, "the PDF");
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), "the chooser to close");

  g_assert_true (g_file_load_contents (pdf_file, NULL, &pdf, &length, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
}

static void
test_reopen (void)
{
  gtk_window_close (GTK_WINDOW (window));
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (SHORE_TYPE_EVIDENCE_WINDOW), "the log to close");
  window = NULL;

  open_window ();
  g_assert_cmpuint (count_rows (child (window, SHORE_TYPE_EVIDENCE_WINDOW, "contacts_list")), ==, 3);
  g_assert_true (has_text_containing (GTK_WIDGET (get_contact_row (0)), ADDED_ORGANIZATION));
  g_assert_true (has_text_containing (GTK_WIDGET (get_contact_row (2)), NIGHT_ORGANIZATION));

  /* Ctrl+N's action opens the dialog here too */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "evidence.add", NULL));
  gtk_window_close (shore_test_wait_for_dialog (SHORE_TYPE_CONTACT_DIALOG));
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (SHORE_TYPE_CONTACT_DIALOG), "the dialog to close");
  gtk_window_close (GTK_WINDOW (window));
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (SHORE_TYPE_EVIDENCE_WINDOW), "the log to close");
}

int
main (int    argc,
      char **argv)
{
  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  shore_test_setup ("shore-evidence-ui-XXXXXX", FALSE);
  prepare_data ();

  /* In order: each case starts where the previous one left the log. */
  g_test_add_func ("/evidence-ui/open", test_open);
  g_test_add_func ("/evidence-ui/flag-details", test_flag_details);
  g_test_add_func ("/evidence-ui/add-contact", test_add_contact);
  g_test_add_func ("/evidence-ui/delete-undo", test_delete_and_undo);
  g_test_add_func ("/evidence-ui/export-sheet", test_export_sheet);
  g_test_add_func ("/evidence-ui/export-pdf", test_export_pdf);
  g_test_add_func ("/evidence-ui/reopen", test_reopen);

  return shore_test_run ();
}
