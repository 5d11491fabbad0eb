/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-letter-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shore-letters.h"
#include "shore-money.h"

#include "shore-letter-dialog.h"
#include "shore-ui-util.h"

/* Three steps in a GtkStack (AdwNavigationView is newer than our floor):
 * choose the letter, fill in the fields, then edit the text and export it.
 * The letter.save-text and letter.save-pdf actions take a path and write
 * without asking: the export buttons reach them through a file chooser,
 * and the UI tests call them directly. */

struct _ShoreLetterDialog
{
  AdwWindow          parent_instance;

  ShoreStore        *store;
  char              *letter_id;
  char              *letter_title;
  ShoreLetterFields  fields;

  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  GtkButton         *back_button;
  GtkStack          *stack;
  AdwPreferencesGroup *letters_group;
  AdwEntryRow       *name_row;
  AdwEntryRow       *id_number_row;
  AdwEntryRow       *phone_row;
  AdwEntryRow       *address_row;
  AdwEntryRow       *recipient_row;
  AdwEntryRow       *amount_row;
  AdwEntryRow       *months_row;
  AdwEntryRow       *details_row;
  GtkButton         *write_button;
  GtkTextView       *text_view;
  GtkLabel          *guidance_label;
};

G_DEFINE_FINAL_TYPE (ShoreLetterDialog, shore_letter_dialog, ADW_TYPE_WINDOW)

/* ---- Helpers ------------------------------------------------------------- */

static void
show_error (ShoreLetterDialog *self,
            const char        *heading,
            const char        *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_toast (ShoreLetterDialog *self,
           const char        *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static char *
get_text (ShoreLetterDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The UI language as the document wants it: zh_CN, zh_TW or en. */
static const char *
ui_language (void)
{
  const char * const *names = g_get_language_names ();

  if (g_str_has_prefix (names[0], "zh_TW") || g_str_has_prefix (names[0], "zh_HK"))
    return "zh_TW";
  if (g_str_has_prefix (names[0], "zh"))
    return "zh_CN";
  return "en";
}

static void
set_step (ShoreLetterDialog *self,
          const char        *step)
{
  gtk_stack_set_visible_child_name (self->stack, step);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), !g_str_equal (step, "choose"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.copy", g_str_equal (step, "letter"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.export-text", g_str_equal (step, "letter"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "letter.export-pdf", g_str_equal (step, "letter"));
}

/* ---- Fields -------------------------------------------------------------- */

static void
set_row (AdwEntryRow *row,
         const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
show_fields (ShoreLetterDialog *self)
{
  gboolean hardship = g_str_equal (self->letter_id, "hardship");
  gboolean dispute = g_str_equal (self->letter_id, "credit-dispute");
  g_autofree char *amount = NULL;
  g_autofree char *months = NULL;

  adw_window_title_set_subtitle (self->window_title, shore_letter_get_name (self->letter_id));
  set_row (self->name_row, self->fields.name);
  set_row (self->id_number_row, self->fields.id_number);
  set_row (self->phone_row, self->fields.phone);
  set_row (self->address_row, self->fields.address);
  set_row (self->recipient_row, self->fields.recipient);
  set_row (self->details_row, self->fields.details);

  amount = self->fields.monthly_amount > 0 ? shore_money_format_plain (self->fields.monthly_amount) : g_strdup ("");
  months = self->fields.months > 0 ? g_strdup_printf ("%d", self->fields.months) : g_strdup ("");
  set_row (self->amount_row, amount);
  set_row (self->months_row, months);
  gtk_widget_set_visible (GTK_WIDGET (self->amount_row), hardship);
  gtk_widget_set_visible (GTK_WIDGET (self->months_row), hardship);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->address_row),
                                 hardship || dispute ? _("Postal address")
                                                     : _("Postal address (optional)"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->details_row),
                                 dispute ? _("What is wrong in the credit report")
                                         : _("Anything to add (optional)"));
  set_step (self, "fields");
}

static void
choose_letter (ShoreLetterDialog *self,
               const char        *id)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  g_free (self->letter_id);
  self->letter_id = g_strdup (id);
  self->fields.loan_id = 0;
  shore_ui_get_today (&today);
  if (!shore_letter_fields_prefill (self->store, id, &today, &self->fields, &error))
    {
      show_error (self, _("Could Not Read Your Data"), error->message);
      return;
    }
  show_fields (self);
}

static void
replace_field (char        **field,
               AdwEntryRow  *row)
{
  g_free (*field);
  *field = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* Reads the rows into self->fields; FALSE with @error on a bad amount or number. */
static gboolean
read_fields (ShoreLetterDialog  *self,
             GError            **error)
{
  replace_field (&self->fields.name, self->name_row);
  replace_field (&self->fields.id_number, self->id_number_row);
  replace_field (&self->fields.phone, self->phone_row);
  replace_field (&self->fields.address, self->address_row);
  replace_field (&self->fields.recipient, self->recipient_row);
  replace_field (&self->fields.details, self->details_row);

  if (g_str_equal (self->letter_id, "hardship"))
    {
      const char *months = gtk_editable_get_text (GTK_EDITABLE (self->months_row));
      guint64 n = 0;

      if (!shore_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)),
                              &self->fields.monthly_amount, error))
        return FALSE;
      if (!g_ascii_string_to_unsigned (months, 10, 1, 600, &n, NULL))
        {
          g_set_error (error, SHORE_LETTERS_ERROR, SHORE_LETTERS_ERROR_INVALID_FIELD,
                       /* Translators: %d is the largest number of months (600) */
                       _("The number of months must be between 1 and %d."), 600);
          return FALSE;
        }
      self->fields.months = (int) n;
    }
  return TRUE;
}

static void
on_write_button_clicked_cb (ShoreLetterDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreLetter) letter = NULL;
  g_autofree char *text = NULL;
  g_autofree char *guidance = NULL;
  GDate today;

  shore_ui_get_today (&today);
  if (read_fields (self, &error))
    letter = shore_letter_build (self->store, self->letter_id, &self->fields, &today, &error);
  if (letter == NULL)
    {
      show_error (self, _("The Letter Needs More Details"), error->message);
      return;
    }

  g_free (self->letter_title);
  self->letter_title = g_strdup (letter->title);
  text = shore_letter_to_text (letter);
  guidance = shore_letter_guidance_text (letter);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  gtk_label_set_label (self->guidance_label, guidance);
  set_step (self, "letter");
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
on_back_button_clicked_cb (ShoreLetterDialog *self)
{
  const char *step = gtk_stack_get_visible_child_name (self->stack);

  set_step (self, g_strcmp0 (step, "letter") == 0 ? "fields" : "choose");
}

static void
on_letter_row_activated_cb (AdwActionRow      *row,
                            ShoreLetterDialog *self)
{
  choose_letter (self, g_object_get_data (G_OBJECT (row), "letter-id"));
}

static void
add_letter_rows (ShoreLetterDialog *self)
{
  const char * const *ids = shore_letter_list_ids ();
  guint i;

  for (i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shore_letter_get_name (ids[i]));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shore_letter_get_description (ids[i]));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_name (row, ids[i]);
      g_object_set_data (G_OBJECT (row), "letter-id", (gpointer) ids[i]);
      g_signal_connect (row, "activated", G_CALLBACK (on_letter_row_activated_cb), self);
      adw_preferences_group_add (self->letters_group, row);
    }
}

/* ---- Export -------------------------------------------------------------- */

static gboolean
save_text (ShoreLetterDialog *self,
           const char        *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = get_text (self);

  if (!shore_letter_save_text (text, path, &error))
    {
      show_error (self, _("Could Not Save the Letter"), error->message);
      return FALSE;
    }
  add_toast (self, _("Letter saved as text"));
  return TRUE;
}

static gboolean
save_pdf (ShoreLetterDialog *self,
          const char        *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = get_text (self);
  g_autoptr(ShoreDocument) document = NULL;

  document = shore_letter_text_to_document (self->letter_title, text, ui_language (), NULL);
  if (!shore_document_render_pdf (document, path, &error))
    {
      show_error (self, _("Could Not Save the Letter"), error->message);
      return FALSE;
    }
  add_toast (self, _("Letter saved as PDF"));
  return TRUE;
}

static void
on_save_text_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  save_text (SHORE_LETTER_DIALOG (widget), g_variant_get_string (parameter, NULL));
}

static void
on_save_pdf_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  save_pdf (SHORE_LETTER_DIALOG (widget), g_variant_get_string (parameter, NULL));
}

static void
on_chooser_response_cb (GtkNativeDialog   *chooser,
                        int                response,
                        ShoreLetterDialog *self)
{
  gboolean pdf = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "pdf"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    {
      if (pdf)
        save_pdf (self, path);
      else
        save_text (self, path);
    }
  g_object_unref (chooser);
}

static void
ask_where (ShoreLetterDialog *self,
           gboolean           pdf)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (pdf ? _("Export the Letter as PDF") : _("Export the Letter as Text"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = g_strconcat (self->letter_title != NULL ? self->letter_title : "letter", pdf ? ".pdf" : ".txt", NULL);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "pdf", GINT_TO_POINTER (pdf));
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_export_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ask_where (SHORE_LETTER_DIALOG (widget), g_str_equal (action_name, "letter.export-pdf"));
}

static void
on_copy_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ShoreLetterDialog *self = SHORE_LETTER_DIALOG (widget);
  g_autofree char *text = get_text (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  add_toast (self, _("Letter copied"));
}

/* ---- GObject ------------------------------------------------------------- */

static void
shore_letter_dialog_finalize (GObject *object)
{
  ShoreLetterDialog *self = SHORE_LETTER_DIALOG (object);

  g_clear_object (&self->store);
  g_free (self->letter_id);
  g_free (self->letter_title);
  shore_letter_fields_clear (&self->fields);

  G_OBJECT_CLASS (shore_letter_dialog_parent_class)->finalize (object);
}

static void
shore_letter_dialog_class_init (ShoreLetterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = shore_letter_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shoreapp/Shore/shore-letter-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoreLetterDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ShoreLetterDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShoreLetterDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreLetterDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ShoreLetterDialog, letters_group);
  gtk_widget_class_bind_template_child (widget_class, ShoreLetterDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreLetterDialog, id_number_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreLetterDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreLetterDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreLetterDialog, recipient_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreLetterDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreLetterDialog, months_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreLetterDialog, details_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreLetterDialog, write_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreLetterDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, ShoreLetterDialog, guidance_label);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_write_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "letter.copy", NULL, on_copy_action_cb);
  gtk_widget_class_install_action (widget_class, "letter.export-text", NULL, on_export_action_cb);
  gtk_widget_class_install_action (widget_class, "letter.export-pdf", NULL, on_export_action_cb);
  gtk_widget_class_install_action (widget_class, "letter.save-text", "s", on_save_text_action_cb);
  gtk_widget_class_install_action (widget_class, "letter.save-pdf", "s", on_save_pdf_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shore_letter_dialog_init (ShoreLetterDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  shore_letter_fields_init (&self->fields);
  add_letter_rows (self);
  set_step (self, "choose");
}

/**
 * shore_letter_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store to fill the letter from
 * @letter_id: (nullable): the letter to open, or %NULL to choose one
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
ShoreLetterDialog *
shore_letter_dialog_new (GtkWindow  *parent,
                         ShoreStore *store,
                         const char *letter_id)
{
  ShoreLetterDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (letter_id == NULL || shore_letter_id_is_valid (letter_id), NULL);

  self = g_object_new (SHORE_TYPE_LETTER_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  if (letter_id != NULL)
    choose_letter (self, letter_id);
  return self;
}
