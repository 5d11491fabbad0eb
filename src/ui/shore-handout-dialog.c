/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-handout-dialog"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "shore-i18n.h"
#include "shore-letters.h"
#include "shore-training.h"

#include "shore-handout-dialog.h"

/* Choose a handout, its language and options; the preview shows its pages as
 * they will print. Every change builds the handout again in a worker thread
 * (shore_handout_build() may copy and anonymize the whole database), one
 * build at a time: a change during a build marks the result stale and starts
 * the next build when it ends. The worker opens its own connection to the
 * database, kept between builds, so the window's connection is never shared
 * between threads. While a build runs nothing draws the previous handout:
 * the document's fonts belong to the thread that built it. */

#define PREVIEW_MARGIN 18.0

typedef struct
{
  const char *id;
  const char *name;   /* an autonym: never translated */
} Language;

static const Language languages[] = {
  { "zh_CN", "简体中文" },
  { "zh_TW", "繁體中文" },
  { "en", "English" },
};

struct _ShoreHandoutDialog
{
  AdwWindow           parent_instance;

  char               *data_dir;       /* the database's folder, for the worker's connection */
  ShoreStore         *build_store;    /* that connection between builds; NULL while a build has it */
  char               *scenario;
  GCancellable       *cancellable;    /* cancelled when the dialog goes away */

  ShoreDocument      *document;       /* the handout shown, or NULL */
  GError             *error;          /* why there is none */
  ShoreHandoutTopic   built_topic;    /* the options @document was built with */
  char               *built_language;
  char               *built_letter;
  gboolean            built_anonymize;
  guint               page;
  guint               n_pages;
  gboolean            building;
  gboolean            stale;          /* the options changed during the build */
  gboolean            printing;

  GtkPageSetup       *page_setup;
  GtkPrintSettings   *print_settings;

  AdwToastOverlay    *toast_overlay;
  AdwWindowTitle     *window_title;
  AdwPreferencesPage *options_page;
  AdwActionRow       *topic_rows[SHORE_HANDOUT_N_TOPICS];
  GtkCheckButton     *topic_checks[SHORE_HANDOUT_N_TOPICS];
  AdwComboRow        *letter_row;
  AdwComboRow        *language_row;
  GtkSwitch          *anonymize_switch;
  GtkStack           *preview_stack;
  GtkSpinner         *spinner;
  GtkDrawingArea     *preview_area;
  AdwStatusPage      *status_page;
  GtkLabel           *page_label;
};

G_DEFINE_FINAL_TYPE (ShoreHandoutDialog, shore_handout_dialog, ADW_TYPE_WINDOW)

static void start_build (ShoreHandoutDialog *self);

/* ---- Helpers ------------------------------------------------------------- */

static void
show_error (ShoreHandoutDialog *self,
            const char         *heading,
            const char         *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The UI's script, the handout's language unless the user picks another. */
static guint
ui_language_index (void)
{
  const char *language = shore_i18n_ui_language ();

  if (g_str_equal (language, "zh_TW"))
    return 1;
  if (g_str_equal (language, "zh_CN"))
    return 0;
  return 2;
}

static ShoreHandoutTopic
get_topic (ShoreHandoutDialog *self)
{
  for (guint i = 0; i < SHORE_HANDOUT_N_TOPICS; i++)
    if (gtk_check_button_get_active (self->topic_checks[i]))
      return (ShoreHandoutTopic) i;
  return SHORE_HANDOUT_RIGHTS;
}

static const char *
get_language (ShoreHandoutDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  return languages[MIN (selected, G_N_ELEMENTS (languages) - 1)].id;
}

static const char *
get_letter (ShoreHandoutDialog *self)
{
  const char * const *ids = shore_letter_list_ids ();
  guint selected = adw_combo_row_get_selected (self->letter_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length ((char **) ids))
    return NULL;
  return ids[selected];
}

static void
get_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

/* ---- Preview ------------------------------------------------------------- */

static void
update_actions (ShoreHandoutDialog *self)
{
  gboolean ready = self->document != NULL && !self->building;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "handout.export", ready && !self->printing);
  gtk_widget_action_set_enabled (widget, "handout.print", ready && !self->printing);
  gtk_widget_action_set_enabled (widget, "handout.previous-page", ready && self->page > 0);
  gtk_widget_action_set_enabled (widget, "handout.next-page", ready && self->page + 1 < self->n_pages);
}

static void
update_page_label (ShoreHandoutDialog *self)
{
  g_autofree char *text = NULL;

  if (self->document != NULL && !self->building)
    /* Translators: under the handout preview: %1$u is the page shown, %2$u the number of pages */
    text = g_strdup_printf (_("Page %1$u of %2$u"), self->page + 1, self->n_pages);
  gtk_label_set_label (self->page_label, text != NULL ? text : "");
  update_actions (self);
}

static void
set_page (ShoreHandoutDialog *self,
          guint               page)
{
  if (self->document == NULL || self->building || page >= self->n_pages || page == self->page)
    return;
  self->page = page;
  update_page_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview_area));
}

static void
draw_preview_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  ShoreHandoutDialog *self = user_data;
  double scale, page_w, page_h, x, y;

  if (self->document == NULL || self->building)
    return;

  scale = MIN ((width - 2 * PREVIEW_MARGIN) / SHORE_DOCUMENT_A4_WIDTH,
               (height - 2 * PREVIEW_MARGIN) / SHORE_DOCUMENT_A4_HEIGHT);
  if (scale <= 0)
    return;
  page_w = SHORE_DOCUMENT_A4_WIDTH * scale;
  page_h = SHORE_DOCUMENT_A4_HEIGHT * scale;
  x = floor ((width - page_w) / 2);
  y = floor ((height - page_h) / 2);

  /* the sheet's edge and a soft shadow, then the page itself */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.12);
  cairo_rectangle (cr, x + 1, y + 2, page_w + 1, page_h + 1);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_rectangle (cr, x - 0.5, y - 0.5, page_w + 1, page_h + 1);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rectangle (cr, 0, 0, page_w, page_h);
  cairo_clip (cr);
  cairo_scale (cr, scale, scale);
  shore_document_draw_page (self->document, cr, self->page,
                            SHORE_DOCUMENT_A4_WIDTH, SHORE_DOCUMENT_A4_HEIGHT);
  cairo_restore (cr);
}

static void
show_build_error (ShoreHandoutDialog *self)
{
  gboolean no_data = g_error_matches (self->error, SHORE_HANDOUT_ERROR, SHORE_HANDOUT_ERROR_NO_DATA);

  adw_status_page_set_icon_name (self->status_page, no_data ? "x-office-document-symbolic"
                                                            : "dialog-warning-symbolic");
  adw_status_page_set_title (self->status_page, no_data ? _("Nothing to Show Yet")
                                                        : _("Could Not Prepare the Handout"));
  adw_status_page_set_description (self->status_page, self->error->message);
  gtk_stack_set_visible_child_name (self->preview_stack, "error");
}

static void
show_result (ShoreHandoutDialog *self)
{
  gtk_spinner_stop (self->spinner);
  if (self->document != NULL)
    {
      gtk_stack_set_visible_child_name (self->preview_stack, "preview");
      gtk_widget_queue_draw (GTK_WIDGET (self->preview_area));
    }
  else
    show_build_error (self);
  update_page_label (self);
}

/* ---- Building ------------------------------------------------------------ */

typedef struct
{
  char               *data_dir;
  ShoreStore         *store;          /* the worker's connection: in and out */
  char               *scenario;
  ShoreHandoutTopic   topic;
  char               *language;
  char               *letter;
  gboolean            anonymize;
  GDate               today;
  guint               n_pages;        /* out */
} BuildData;

static void
build_data_free (gpointer data)
{
  BuildData *build = data;

  g_free (build->data_dir);
  g_clear_object (&build->store);
  g_free (build->scenario);
  g_free (build->language);
  g_free (build->letter);
  g_free (build);
}

/* The training case's texts in the handout's language (not the UI's): the
 * worker sets its thread language around shore_training_get(). */
static ShoreTrainingScenario *
get_scenario (const char *name,
              const char *language)
{
  g_autoptr(GError) error = NULL;
  const char *previous = shore_i18n_set_thread_language (language);
  ShoreTrainingScenario *scenario = shore_training_get (name, &error);

  shore_i18n_set_thread_language (previous);
  if (scenario == NULL)
    g_warning ("Could not read the training case “%s”: %s", name, error->message);
  return scenario;
}

static void
build_thread_cb (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  BuildData *build = task_data;
  g_autoptr(ShoreTrainingScenario) scenario = NULL;
  g_autoptr(ShoreDocument) document = NULL;
  GError *error = NULL;
  ShoreHandoutOptions options;

  if (build->store == NULL)
    build->store = shore_store_open (build->data_dir, &error);
  if (build->store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  shore_handout_options_init (&options, build->topic, build->language, &build->today);
  options.anonymize = build->anonymize;
  options.letter = build->letter;
  if (build->scenario != NULL)
    scenario = get_scenario (build->scenario, build->language);
  if (scenario != NULL)
    {
      options.case_title = scenario->title;
      options.borrower_name = scenario->borrower;
      options.borrower_phone = scenario->phone;
      options.borrower_address = scenario->address;
    }

  document = shore_handout_build (build->store, &options, &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* lay it out here rather than on the first draw */
  build->n_pages = shore_document_get_n_pages (document, SHORE_DOCUMENT_A4_WIDTH, SHORE_DOCUMENT_A4_HEIGHT);
  g_task_return_pointer (task, g_steal_pointer (&document), (GDestroyNotify) shore_document_free);
}

static void
keep_built_options (ShoreHandoutDialog *self,
                    BuildData          *build)
{
  self->built_topic = build->topic;
  g_free (self->built_language);
  self->built_language = g_strdup (build->language);
  g_free (self->built_letter);
  self->built_letter = g_strdup (build->letter);
  self->built_anonymize = build->anonymize;
}

static void
on_build_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ShoreHandoutDialog *self = SHORE_HANDOUT_DIALOG (source);
  GTask *task = G_TASK (result);
  BuildData *build = g_task_get_task_data (task);
  g_autoptr(ShoreDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  self->building = FALSE;
  if (self->build_store == NULL)
    self->build_store = g_steal_pointer (&build->store);
  document = g_task_propagate_pointer (task, &error);

  if (self->stale)
    {
      start_build (self);
      return;
    }

  g_clear_pointer (&self->document, shore_document_free);
  g_clear_error (&self->error);
  self->document = g_steal_pointer (&document);
  self->error = g_steal_pointer (&error);
  self->n_pages = self->document != NULL ? build->n_pages : 0;
  self->page = 0;
  keep_built_options (self, build);
  show_result (self);
}

static void
start_build (ShoreHandoutDialog *self)
{
  g_autoptr(GTask) task = NULL;
  BuildData *build;

  if (self->building)
    {
      self->stale = TRUE;
      return;
    }

  build = g_new0 (BuildData, 1);
  build->data_dir = g_strdup (self->data_dir);
  build->store = g_steal_pointer (&self->build_store);
  build->scenario = g_strdup (self->scenario);
  build->topic = get_topic (self);
  build->language = g_strdup (get_language (self));
  build->letter = g_strdup (get_letter (self));
  build->anonymize = gtk_switch_get_active (self->anonymize_switch);
  get_today (&build->today);

  self->building = TRUE;
  self->stale = FALSE;
  gtk_stack_set_visible_child_name (self->preview_stack, "building");
  gtk_spinner_start (self->spinner);
  update_page_label (self);

  task = g_task_new (self, NULL, on_build_done_cb, NULL);
  g_task_set_source_tag (task, start_build);
  g_task_set_task_data (task, build, build_data_free);
  g_task_run_in_thread (task, build_thread_cb);
}

/* ---- Options ------------------------------------------------------------- */

static void
on_option_changed_cb (ShoreHandoutDialog *self)
{
  /* template callbacks may run while the template is still being built */
  if (self->cancellable == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->letter_row), get_topic (self) == SHORE_HANDOUT_LETTER);
  adw_window_title_set_subtitle (self->window_title, shore_handout_topic_get_label (get_topic (self)));
  start_build (self);
}

static void
on_topic_toggled_cb (ShoreHandoutDialog *self,
                     GtkCheckButton     *check)
{
  /* the button turned off is followed by the one turned on */
  if (gtk_check_button_get_active (check))
    on_option_changed_cb (self);
}

static void
setup_rows (ShoreHandoutDialog *self)
{
  g_autoptr(GtkStringList) letters = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char * const *ids = shore_letter_list_ids ();

  for (guint i = 0; i < SHORE_HANDOUT_N_TOPICS; i++)
    {
      const char *label = shore_handout_topic_get_label ((ShoreHandoutTopic) i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->topic_rows[i]), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->topic_checks[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      adw_action_row_set_subtitle (self->topic_rows[i],
                                   shore_handout_topic_get_description ((ShoreHandoutTopic) i));
    }
  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (letters, shore_letter_get_name (ids[i]));
  adw_combo_row_set_model (self->letter_row, G_LIST_MODEL (letters));
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    gtk_string_list_append (names, languages[i].name);
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
}

/* ---- Export -------------------------------------------------------------- */

static char *
suggested_file_name (ShoreHandoutDialog *self)
{
  ShoreHandoutOptions options;
  GDate today;

  get_today (&today);
  shore_handout_options_init (&options, self->built_topic, self->built_language, &today);
  options.letter = self->built_letter;
  options.anonymize = self->built_anonymize;
  return shore_handout_file_name (&options, self->scenario);
}

static void
export_to (ShoreHandoutDialog *self,
           GFile              *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;

  if (!shore_handout_dialog_save (self, file, &error))
    {
      show_error (self, _("Could Not Export the Handout"), error->message);
      return;
    }
  /* Translators: a notification after exporting a handout; %s is the file's name */
  title = g_strdup_printf (_("Saved to “%s”"), basename);
  escaped = g_markup_escape_text (title, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static void
on_chooser_response_cb (GtkNativeDialog    *chooser,
                        int                 response,
                        ShoreHandoutDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  if (file != NULL)
    export_to (self, file);
  g_object_unref (chooser);   /* the reference from gtk_file_chooser_native_new() */
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShoreHandoutDialog *self = SHORE_HANDOUT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_file_name (self);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export the Handout as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  /* Translators: a file filter */
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Printing ------------------------------------------------------------ */

static void
on_begin_print_cb (GtkPrintOperation  *operation,
                   GtkPrintContext    *context,
                   ShoreHandoutDialog *self)
{
  guint n_pages = shore_handout_dialog_print_begin (self, gtk_print_context_get_width (context),
                                                    gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
on_draw_page_cb (GtkPrintOperation  *operation,
                 GtkPrintContext    *context,
                 int                 page,
                 ShoreHandoutDialog *self)
{
  shore_handout_dialog_print_page (self, gtk_print_context_get_cairo_context (context), (guint) page,
                                   gtk_print_context_get_width (context),
                                   gtk_print_context_get_height (context));
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  ShoreHandoutDialog      *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR && !g_object_get_data (G_OBJECT (operation), "reported"))
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      g_object_set_data (G_OBJECT (operation), "reported", GINT_TO_POINTER (TRUE));
      show_error (self, _("Could Not Print the Handout"),
                  error != NULL ? error->message : _("The printing system failed."));
    }

  /* the options stay put while the pages are being sent */
  self->printing = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->options_page), TRUE);
  update_actions (self);
}

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ShoreHandoutDialog *self = SHORE_HANDOUT_DIALOG (widget);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = suggested_file_name (self);
  GtkPrintOperationResult result;

  if (self->document == NULL || self->building || self->printing)
    return;

  gtk_print_operation_set_job_name (operation, name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_default_page_setup (operation, self->page_setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_current_page (operation, (int) self->page);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (on_begin_print_cb), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);
  /* the pages may be sent after the dialog closed: keep the document until then */
  g_object_set_data_full (G_OBJECT (operation), "dialog", g_object_ref (self), g_object_unref);

  self->printing = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->options_page), FALSE);
  update_actions (self);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && !g_object_get_data (G_OBJECT (operation), "reported"))
    {
      g_object_set_data (G_OBJECT (operation), "reported", GINT_TO_POINTER (TRUE));
      show_error (self, _("Could Not Print the Handout"),
                  error != NULL ? error->message : _("The printing system failed."));
    }
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
        g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
      self->printing = FALSE;
      gtk_widget_set_sensitive (GTK_WIDGET (self->options_page), TRUE);
      update_actions (self);
    }
}

/* ---- Pages --------------------------------------------------------------- */

static void
page_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShoreHandoutDialog *self = SHORE_HANDOUT_DIALOG (widget);

  if (g_str_equal (action_name, "handout.previous-page"))
    set_page (self, self->page > 0 ? self->page - 1 : 0);
  else if (g_str_equal (action_name, "handout.next-page"))
    set_page (self, self->page + 1);
  else if (g_str_equal (action_name, "handout.first-page"))
    set_page (self, 0);
  else if (self->n_pages > 0)
    set_page (self, self->n_pages - 1);
}

/* Arrows flip pages when the preview has the focus; elsewhere they move it. */
static gboolean
on_preview_key_pressed_cb (GtkEventControllerKey *controller,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           ShoreHandoutDialog    *self)
{
  const char *action = NULL;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Left || keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Left || keyval == GDK_KEY_KP_Up)
    action = "handout.previous-page";
  else if (keyval == GDK_KEY_Right || keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Right ||
           keyval == GDK_KEY_KP_Down)
    action = "handout.next-page";
  if (action == NULL)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
  return TRUE;
}

static void
on_preview_pressed_cb (GtkGestureClick    *gesture,
                       int                 n_press,
                       double              x,
                       double              y,
                       ShoreHandoutDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->preview_area));
}

/* ---- GObject ------------------------------------------------------------- */

static void
shore_handout_dialog_dispose (GObject *object)
{
  ShoreHandoutDialog *self = SHORE_HANDOUT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHORE_TYPE_HANDOUT_DIALOG);

  G_OBJECT_CLASS (shore_handout_dialog_parent_class)->dispose (object);
}

static void
shore_handout_dialog_finalize (GObject *object)
{
  ShoreHandoutDialog *self = SHORE_HANDOUT_DIALOG (object);

  g_free (self->data_dir);
  g_clear_object (&self->build_store);
  g_free (self->scenario);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->document, shore_document_free);
  g_clear_error (&self->error);
  g_free (self->built_language);
  g_free (self->built_letter);
  g_clear_object (&self->page_setup);
  g_clear_object (&self->print_settings);

  G_OBJECT_CLASS (shore_handout_dialog_parent_class)->finalize (object);
}

static void
shore_handout_dialog_class_init (ShoreHandoutDialogClass *klass)
{
  static const char * const topic_names[SHORE_HANDOUT_N_TOPICS] = {
    "rights", "overdue", "budget", "plan", "letter", "evidence",
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shore_handout_dialog_dispose;
  object_class->finalize = shore_handout_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/shore-handout-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoreHandoutDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ShoreHandoutDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShoreHandoutDialog, options_page);
  gtk_widget_class_bind_template_child (widget_class, ShoreHandoutDialog, letter_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreHandoutDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreHandoutDialog, anonymize_switch);
  gtk_widget_class_bind_template_child (widget_class, ShoreHandoutDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, ShoreHandoutDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, ShoreHandoutDialog, preview_area);
  gtk_widget_class_bind_template_child (widget_class, ShoreHandoutDialog, status_page);
  gtk_widget_class_bind_template_child (widget_class, ShoreHandoutDialog, page_label);
  /* not kept, but reachable by name (the UI tests look at them) */
  gtk_widget_class_bind_template_child_full (widget_class, "export_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "print_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "previous_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "next_button", FALSE, 0);
  for (guint i = 0; i < SHORE_HANDOUT_N_TOPICS; i++)
    {
      g_autofree char *row = g_strconcat (topic_names[i], "_topic_row", NULL);
      g_autofree char *check = g_strconcat (topic_names[i], "_check", NULL);

      g_assert (g_str_equal (topic_names[i], shore_handout_topic_to_string ((ShoreHandoutTopic) i)));
      gtk_widget_class_bind_template_child_full (widget_class, row, FALSE,
                                                 G_STRUCT_OFFSET (ShoreHandoutDialog, topic_rows) +
                                                 i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, check, FALSE,
                                                 G_STRUCT_OFFSET (ShoreHandoutDialog, topic_checks) +
                                                 i * sizeof (gpointer));
    }
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_topic_toggled_cb);

  gtk_widget_class_install_action (widget_class, "handout.export", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "handout.print", NULL, print_action_cb);
  gtk_widget_class_install_action (widget_class, "handout.previous-page", NULL, page_action_cb);
  gtk_widget_class_install_action (widget_class, "handout.next-page", NULL, page_action_cb);
  gtk_widget_class_install_action (widget_class, "handout.first-page", NULL, page_action_cb);
  gtk_widget_class_install_action (widget_class, "handout.last-page", NULL, page_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "handout.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "handout.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "handout.first-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "handout.last-page", NULL);
}

/* Page Up and Page Down flip the preview wherever the focus is: the
 * option lists are too short to need them. */
static void
add_page_keys (ShoreHandoutDialog *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Up, 0),
                                                          gtk_named_action_new ("handout.previous-page")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Down, 0),
                                                          gtk_named_action_new ("handout.next-page")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
shore_handout_dialog_init (ShoreHandoutDialog *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_widget_init_template (GTK_WIDGET (self));
  add_page_keys (self);

  self->page_setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size_and_default_margins (self->page_setup, a4);
  gtk_paper_size_free (a4);

  setup_rows (self);
  adw_combo_row_set_selected (self->language_row, ui_language_index ());
  gtk_drawing_area_set_draw_func (self->preview_area, draw_preview_cb, self, NULL);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_preview_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->preview_area), keys);
  g_signal_connect (click, "pressed", G_CALLBACK (on_preview_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->preview_area), GTK_EVENT_CONTROLLER (click));
  update_actions (self);
}

ShoreHandoutDialog *
shore_handout_dialog_new (GtkWindow  *parent,
                          ShoreStore *store,
                          const char *scenario)
{
  ShoreHandoutDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);

  self = g_object_new (SHORE_TYPE_HANDOUT_DIALOG, "transient-for", parent, NULL);
  self->data_dir = g_path_get_dirname (shore_store_get_path (store));
  self->scenario = g_strdup (scenario);
  /* a training case is shown to others: hide its names by default */
  gtk_switch_set_active (self->anonymize_switch, scenario != NULL);
  gtk_check_button_set_active (self->topic_checks[SHORE_HANDOUT_RIGHTS], TRUE);

  self->cancellable = g_cancellable_new ();
  on_option_changed_cb (self);
  return self;
}

/* ---- Public API ---------------------------------------------------------- */

gboolean
shore_handout_dialog_is_building (ShoreHandoutDialog *self)
{
  g_return_val_if_fail (SHORE_IS_HANDOUT_DIALOG (self), FALSE);

  return self->building;
}

ShoreDocument *
shore_handout_dialog_get_document (ShoreHandoutDialog *self)
{
  g_return_val_if_fail (SHORE_IS_HANDOUT_DIALOG (self), NULL);

  return self->building ? NULL : self->document;
}

const GError *
shore_handout_dialog_get_error (ShoreHandoutDialog *self)
{
  g_return_val_if_fail (SHORE_IS_HANDOUT_DIALOG (self), NULL);

  return self->building ? NULL : self->error;
}

const char *
shore_handout_dialog_get_language (ShoreHandoutDialog *self)
{
  g_return_val_if_fail (SHORE_IS_HANDOUT_DIALOG (self), NULL);

  return get_language (self);
}

gboolean
shore_handout_dialog_save (ShoreHandoutDialog  *self,
                           GFile               *file,
                           GError             **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (SHORE_IS_HANDOUT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->document != NULL && !self->building, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Choose a folder on this computer to save the handout."));
      return FALSE;
    }
  /* Written beside @path and renamed over it: never half a handout. */
  return shore_document_render_pdf (self->document, path, error);
}

guint
shore_handout_dialog_print_begin (ShoreHandoutDialog *self,
                                  double              width,
                                  double              height)
{
  g_return_val_if_fail (SHORE_IS_HANDOUT_DIALOG (self), 0);
  g_return_val_if_fail (self->document != NULL, 0);

  return shore_document_get_n_pages (self->document, width, height);
}

void
shore_handout_dialog_print_page (ShoreHandoutDialog *self,
                                 cairo_t            *cr,
                                 guint               page,
                                 double              width,
                                 double              height)
{
  g_return_if_fail (SHORE_IS_HANDOUT_DIALOG (self));
  g_return_if_fail (self->document != NULL);

  shore_document_draw_page (self->document, cr, page, width, height);
}
