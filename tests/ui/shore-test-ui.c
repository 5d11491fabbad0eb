/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "shore-test-ui.h"

static ShoreApplication *app;
static char *data_dir;
static gboolean animations = TRUE;

void
shore_test_setup (const char *data_dir_template,
                  gboolean    with_animations)
{
  data_dir = g_dir_make_tmp (data_dir_template, NULL);
  g_assert_nonnull (data_dir);
  animations = with_animations;
}

int
shore_test_run (void)
{
  int ret = g_test_run ();

  g_clear_object (&app);
  return ret;
}

const char *
shore_test_get_data_dir (void)
{
  return data_dir;
}

ShoreApplication *
shore_test_get_app (void)
{
  return app;
}

void
shore_test_clear_app (void)
{
  g_clear_object (&app);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

void
shore_test_wait_for (ShoreTestCondition  condition,
                     gpointer            data,
                     const char         *what)
{
  guint watchdog = g_timeout_add_seconds (10, on_timeout_cb, (gpointer) what);

  while (!condition (data))
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (watchdog);
}

static gboolean
idle_done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

void
shore_test_settle (void)
{
  gboolean done = FALSE;

  g_idle_add_full (G_PRIORITY_LOW, idle_done_cb, &done, NULL);
  shore_test_wait_for (flag_set, &done, "idle");
}

GtkWindow *
shore_test_find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = NULL;
  guint n;

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  n = g_list_model_get_n_items (toplevels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

gboolean
shore_test_toplevel_shown (gpointer data)
{
  GtkWindow *window = shore_test_find_toplevel ((GType) GPOINTER_TO_SIZE (data));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

gboolean
shore_test_toplevel_gone (gpointer data)
{
  return shore_test_find_toplevel ((GType) GPOINTER_TO_SIZE (data)) == NULL;
}

GtkWindow *
shore_test_wait_for_dialog (GType type)
{
  shore_test_wait_for (shore_test_toplevel_shown, GSIZE_TO_POINTER (type), g_type_name (type));
  shore_test_settle ();
  return shore_test_find_toplevel (type);
}

ShoreWindow *
shore_test_get_window (void)
{
  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      /* Reminders follow the wall clock (quiet hours end at 08:00, and a loan
       * in the sample data may fall due): with them on, what a test sees would
       * depend on when it runs. A test about reminders turns them on. */
      g_settings_set_boolean (settings, "reminders-enabled", FALSE);
      g_setenv ("SHORE_DATA_DIR", data_dir, TRUE);
      app = shore_application_new ();
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
      g_assert_no_error (error);
      /* Animations end at once, so the run does not depend on timing: libadwaita 1.2
       * frees a toast twice when it is dismissed during a 500 ms “replace” animation
       * (a tester can press Undo faster than a person). */
      if (!animations)
        g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
      g_application_activate (G_APPLICATION (app));
      shore_test_wait_for (shore_test_toplevel_shown, GSIZE_TO_POINTER (SHORE_TYPE_WINDOW), "the main window");
    }

  return SHORE_WINDOW (shore_test_find_toplevel (SHORE_TYPE_WINDOW));
}

gpointer
shore_test_child (gpointer    widget,
                  GType       type,
                  const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  if (object == NULL)
    g_error ("%s has no template child “%s”", g_type_name (type), name);
  return object;
}

GtkWidget *
shore_test_find_labelled (GtkWidget  *root,
                          GType       type,
                          const char *label)
{
  for (GtkWidget *widget = gtk_widget_get_first_child (root); widget != NULL;
       widget = gtk_widget_get_next_sibling (widget))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_visible (widget))
        {
          g_autofree char *text = NULL;

          g_object_get (widget, "label", &text, NULL);
          if (g_strcmp0 (text, label) == 0)
            return widget;
        }
      found = shore_test_find_labelled (widget, type, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
undo_button_shown (gpointer data)
{
  return shore_test_find_labelled (GTK_WIDGET (shore_test_get_window ()), GTK_TYPE_BUTTON, _("_Undo")) != NULL;
}

void
shore_test_click_undo (void)
{
  GtkWidget *undo;

  shore_test_wait_for (undo_button_shown, NULL, "the Undo button");
  undo = shore_test_find_labelled (GTK_WIDGET (shore_test_get_window ()), GTK_TYPE_BUTTON, _("_Undo"));
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
}
