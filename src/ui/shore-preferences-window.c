/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "shore-paths.h"
#include "shore-preferences-window.h"

struct _ShorePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  ShoreApplication     *application;

  AdwComboRow          *style_row;
  GtkSwitch            *reminders_switch;
  GtkSpinButton        *lead_days_spin;
  GtkSpinButton        *quiet_start_spin;
  GtkSpinButton        *quiet_end_spin;
  GtkSwitch            *autostart_switch;
  GtkWidget            *lead_days_row;
  GtkWidget            *quiet_start_row;
  GtkWidget            *quiet_end_row;
  GtkWidget            *autostart_row;
  AdwActionRow         *data_folder_row;
  AdwActionRow         *database_row;
};

G_DEFINE_FINAL_TYPE (ShorePreferencesWindow, shore_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SHORE_APPLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Positions in the style row's model, matched to the color-scheme key's values. */
static const char * const style_values[] = { "default", "light", "dark" };

static void
on_style_selected_cb (ShorePreferencesWindow *self,
                      GParamSpec             *pspec,
                      AdwComboRow            *row)
{
  GSettings *settings = shore_application_get_settings (self->application);
  guint selected = adw_combo_row_get_selected (row);

  if (selected < G_N_ELEMENTS (style_values))
    g_settings_set_string (settings, "color-scheme", style_values[selected]);
}

static void
on_open_folder_clicked_cb (ShorePreferencesWindow *self)
{
  g_autoptr(GFile) folder = g_file_new_for_path (shore_application_get_data_dir (self->application));
  g_autofree char *uri = g_file_get_uri (folder);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
bind_reminders (ShorePreferencesWindow *self,
                GSettings              *settings)
{
  GtkWidget *dependent_rows[] = {
    self->lead_days_row, self->quiet_start_row, self->quiet_end_row, self->autostart_row,
  };

  g_settings_bind (settings, "reminders-enabled", self->reminders_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "reminder-lead-days",
                   gtk_spin_button_get_adjustment (self->lead_days_spin), "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "quiet-hours-start",
                   gtk_spin_button_get_adjustment (self->quiet_start_spin), "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "quiet-hours-end",
                   gtk_spin_button_get_adjustment (self->quiet_end_spin), "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "autostart-reminders", self->autostart_switch, "active", G_SETTINGS_BIND_DEFAULT);

  /* The other rows mean nothing while reminders are off. */
  for (guint i = 0; i < G_N_ELEMENTS (dependent_rows); i++)
    g_object_bind_property (self->reminders_switch, "active", dependent_rows[i], "sensitive",
                            G_BINDING_SYNC_CREATE);
}

static void
shore_preferences_window_constructed (GObject *object)
{
  ShorePreferencesWindow *self = SHORE_PREFERENCES_WINDOW (object);
  GSettings *settings = shore_application_get_settings (self->application);
  const char *data_dir = shore_application_get_data_dir (self->application);
  g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");
  g_autofree char *database = shore_paths_database_file (data_dir);

  G_OBJECT_CLASS (shore_preferences_window_parent_class)->constructed (object);

  for (guint i = 0; i < G_N_ELEMENTS (style_values); i++)
    {
      if (g_strcmp0 (scheme, style_values[i]) == 0)
        adw_combo_row_set_selected (self->style_row, i);
    }
  g_signal_connect_object (self->style_row, "notify::selected",
                           G_CALLBACK (on_style_selected_cb), self, G_CONNECT_SWAPPED);

  bind_reminders (self, settings);

  adw_action_row_set_subtitle (self->data_folder_row, data_dir);
  adw_action_row_set_subtitle (self->database_row, database);
}

static void
shore_preferences_window_dispose (GObject *object)
{
  ShorePreferencesWindow *self = SHORE_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHORE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (shore_preferences_window_parent_class)->dispose (object);
}

static void
shore_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  ShorePreferencesWindow *self = SHORE_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHORE_APPLICATION:
      self->application = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shore_preferences_window_class_init (ShorePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = shore_preferences_window_constructed;
  object_class->dispose = shore_preferences_window_dispose;
  object_class->set_property = shore_preferences_window_set_property;

  properties[PROP_SHORE_APPLICATION] =
    g_param_spec_object ("shore-application", NULL, NULL,
                         SHORE_TYPE_APPLICATION,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/shore-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShorePreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, ShorePreferencesWindow, data_folder_row);
  gtk_widget_class_bind_template_child (widget_class, ShorePreferencesWindow, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, ShorePreferencesWindow, lead_days_spin);
  gtk_widget_class_bind_template_child (widget_class, ShorePreferencesWindow, quiet_start_spin);
  gtk_widget_class_bind_template_child (widget_class, ShorePreferencesWindow, quiet_end_spin);
  gtk_widget_class_bind_template_child (widget_class, ShorePreferencesWindow, autostart_switch);
  gtk_widget_class_bind_template_child (widget_class, ShorePreferencesWindow, lead_days_row);
  gtk_widget_class_bind_template_child (widget_class, ShorePreferencesWindow, quiet_start_row);
  gtk_widget_class_bind_template_child (widget_class, ShorePreferencesWindow, quiet_end_row);
  gtk_widget_class_bind_template_child (widget_class, ShorePreferencesWindow, autostart_row);
  gtk_widget_class_bind_template_child (widget_class, ShorePreferencesWindow, database_row);
  gtk_widget_class_bind_template_callback (widget_class, on_open_folder_clicked_cb);
}

static void
shore_preferences_window_init (ShorePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ShorePreferencesWindow *
shore_preferences_window_new (ShoreApplication *application)
{
  g_return_val_if_fail (SHORE_IS_APPLICATION (application), NULL);

  return g_object_new (SHORE_TYPE_PREFERENCES_WINDOW,
                       "shore-application", application,
                       NULL);
}
