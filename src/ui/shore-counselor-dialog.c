/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-counselor-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "shore-counselor-dialog.h"
#include "shore-i18n.h"
#include "shore-training.h"

/* The Presentation language row, in the order of its model. */
static const char * const languages[] = { "zh_CN", "zh_TW", "en" };

struct _ShoreCounselorDialog
{
  AdwWindow     parent_instance;

  GtkLabel     *error_label;
  GtkListBox   *scenario_list;
  AdwComboRow  *language_row;

  GPtrArray    *checks;       /* GtkCheckButton per scenario, in list order */
};

G_DEFINE_FINAL_TYPE (ShoreCounselorDialog, shore_counselor_dialog, ADW_TYPE_WINDOW)

static void
show_error (ShoreCounselorDialog *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* A row per training case: its title and summary in the UI's language. */
static void
add_scenario_row (ShoreCounselorDialog *self,
                  const char           *name)
{
  g_autoptr(ShoreTrainingScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;
  GtkWidget *check;

  scenario = shore_training_get (name, &error);
  if (scenario == NULL)
    g_message ("No texts for the training case %s: %s", name, error->message);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), scenario != NULL ? scenario->title : name);
  if (scenario != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), scenario->summary);

  check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (self->checks->len > 0)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), g_ptr_array_index (self->checks, 0));
  else
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_object_set_data_full (G_OBJECT (check), "scenario", g_strdup (name), g_free);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_ptr_array_add (self->checks, check);

  gtk_list_box_append (self->scenario_list, row);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ShoreCounselorDialog *self = SHORE_COUNSELOR_DIALOG (widget);
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autoptr(GError) error = NULL;
  const char *scenario = shore_counselor_dialog_get_scenario (self);

  if (scenario == NULL)
    return;

  subprocess = shore_counselor_launch (scenario, shore_counselor_dialog_get_language (self), &error);
  if (subprocess == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason, from the system */
      message = g_strdup_printf (_("Could not start the training case: %s"), error->message);
      show_error (self, message);
      return;
    }

  /* The training window lives on its own; this one is done. */
  gtk_window_close (GTK_WINDOW (self));
}

static void
shore_counselor_dialog_dispose (GObject *object)
{
  ShoreCounselorDialog *self = SHORE_COUNSELOR_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHORE_TYPE_COUNSELOR_DIALOG);

  G_OBJECT_CLASS (shore_counselor_dialog_parent_class)->dispose (object);
}

static void
shore_counselor_dialog_finalize (GObject *object)
{
  ShoreCounselorDialog *self = SHORE_COUNSELOR_DIALOG (object);

  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (shore_counselor_dialog_parent_class)->finalize (object);
}

static void
shore_counselor_dialog_class_init (ShoreCounselorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shore_counselor_dialog_dispose;
  object_class->finalize = shore_counselor_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/shore-counselor-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoreCounselorDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreCounselorDialog, scenario_list);
  gtk_widget_class_bind_template_child (widget_class, ShoreCounselorDialog, language_row);

  gtk_widget_class_install_action (widget_class, "counselor.start", NULL, start_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shore_counselor_dialog_init (ShoreCounselorDialog *self)
{
  const char * const *names = shore_training_list_names ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->checks = g_ptr_array_new ();
  for (guint i = 0; names[i] != NULL; i++)
    add_scenario_row (self, names[i]);

  shore_counselor_dialog_set_language (self, shore_i18n_ui_language ());
}

ShoreCounselorDialog *
shore_counselor_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (SHORE_TYPE_COUNSELOR_DIALOG,
                       "transient-for", parent,
                       NULL);
}

const char *
shore_counselor_dialog_get_scenario (ShoreCounselorDialog *self)
{
  g_return_val_if_fail (SHORE_IS_COUNSELOR_DIALOG (self), NULL);

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);

      if (gtk_check_button_get_active (check))
        return g_object_get_data (G_OBJECT (check), "scenario");
    }

  return NULL;
}

void
shore_counselor_dialog_set_scenario (ShoreCounselorDialog *self,
                                     const char           *scenario)
{
  g_return_if_fail (SHORE_IS_COUNSELOR_DIALOG (self));

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "scenario"), scenario) == 0)
        {
          gtk_check_button_set_active (check, TRUE);
          return;
        }
    }

  g_warning ("No training case called “%s”", scenario);
}

const char *
shore_counselor_dialog_get_language (ShoreCounselorDialog *self)
{
  guint selected;

  g_return_val_if_fail (SHORE_IS_COUNSELOR_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->language_row);
  return selected < G_N_ELEMENTS (languages) ? languages[selected] : languages[0];
}

void
shore_counselor_dialog_set_language (ShoreCounselorDialog *self,
                                     const char           *language)
{
  g_return_if_fail (SHORE_IS_COUNSELOR_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      if (g_strcmp0 (languages[i], language) == 0)
        {
          adw_combo_row_set_selected (self->language_row, i);
          return;
        }
    }

  g_warning ("“%s” is not a presentation language", language);
}

/* This program, wherever it was started from (an uninstalled build too). */
static char *
find_executable (void)
{
  const char *env = g_getenv ("SHORE_EXECUTABLE");
  g_autofree char *self_exe = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  /* A rebuilt or upgraded binary reads as "… (deleted)": look it up by name then. */
  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe != NULL && g_file_test (self_exe, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&self_exe);

  return g_find_program_in_path ("shore");
}

/**
 * shore_counselor_launch:
 * @scenario: a training case name
 * @language: "zh_CN", "zh_TW" or "en"
 * @error: return location for a #GSpawnError or a %G_IO_ERROR
 *
 * Starts `shore --counselor SCENARIO` as a process of its own, with its
 * messages in @language and its settings in memory. It makes its own
 * throw-away data folder and never sees the user's.
 *
 * Returns: (transfer full) (nullable): the process
 */
GSubprocess *
shore_counselor_launch (const char  *scenario,
                        const char  *language,
                        GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *executable = NULL;

  g_return_val_if_fail (shore_training_name_is_valid (scenario), NULL);
  g_return_val_if_fail (g_strv_contains (languages, language), NULL);

  executable = find_executable ();
  if (executable == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("Shore’s program file could not be found"));
      return NULL;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "SHORE_DATA_DIR");

  return g_subprocess_launcher_spawn (launcher, error, executable, "--counselor", scenario, NULL);
}
