/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opens the real window under Xvfb, visits every page and dialog, and checks
 * the language. Runs once per language (LANGUAGE=C, zh_CN, zh_TW); any GTK
 * warning or critical aborts the run (G_DEBUG=fatal-warnings). */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>

#include "shore-application.h"
#include "shore-i18n.h"
#include "shore-paths.h"
#include "shore-preferences-window.h"
#include "shore-window.h"

#include "shore-test-ui.h"

typedef struct
{
  const char *language;
  const char *overview;
  const char *debts;
  const char *rights;
} Expected;

/* What the switcher must read in each language: proof the catalogs load. */
static const Expected expectations[] = {
  { "C",     "Overview", "Debts", "Rights" },
  { "zh_CN", "概览",     "债务",   "权益" },
  { "zh_TW", "概覽",     "債務",   "權益" },
};

static const Expected *
get_expected (void)
{
  const char *language = g_getenv ("LANGUAGE");

  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    {
      if (g_strcmp0 (language, expectations[i].language) == 0)
        return &expectations[i];
    }

  return &expectations[0];
}

static void
test_window_opens (void)
{
  ShoreWindow *window = shore_test_get_window ();
  g_autofree char *db = shore_paths_database_file (shore_test_get_data_dir ());

  g_assert_nonnull (window);
  g_assert_false (shore_window_is_showing_error (window));
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (shore_application_get_store (shore_test_get_app ()));
}

static void
collect_page_titles (GtkWidget  *widget,
                     GPtrArray  *titles)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_VIEW_STACK (child))
        {
          GtkSelectionModel *pages = adw_view_stack_get_pages (ADW_VIEW_STACK (child));
          guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

          for (guint i = 0; i < n; i++)
            {
              g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

              g_ptr_array_add (titles, g_strdup (adw_view_stack_page_get_title (page)));
            }
          g_object_unref (pages);
        }
      collect_page_titles (child, titles);
    }
}

static void
test_window_language (void)
{
  ShoreWindow *window = shore_test_get_window ();
  const Expected *expected = get_expected ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  collect_page_titles (GTK_WIDGET (window), titles);
  g_assert_cmpuint (titles->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, expected->overview);
  g_assert_cmpstr (g_ptr_array_index (titles, 2), ==, expected->debts);
  g_assert_cmpstr (g_ptr_array_index (titles, 4), ==, expected->rights);
}

static void
test_window_pages (gconstpointer data)
{
  const char *page = data;
  ShoreWindow *window = shore_test_get_window ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page));
  shore_test_settle ();
  g_assert_cmpstr (shore_window_get_visible_page (window), ==, page);
}

static void
open_and_close (const char *action,
                GtkWidget  *target,
                GType       type)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (target, action, NULL));
  dialog = shore_test_wait_for_dialog (type);
  g_assert_nonnull (dialog);
  gtk_window_close (dialog);
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (type), "the dialog to close");
}

static void
test_dialog_preferences (void)
{
  open_and_close ("app.preferences", GTK_WIDGET (shore_test_get_window ()), SHORE_TYPE_PREFERENCES_WINDOW);
}

static void
test_dialog_shortcuts (void)
{
  open_and_close ("win.show-help-overlay", GTK_WIDGET (shore_test_get_window ()), GTK_TYPE_SHORTCUTS_WINDOW);
}

static void
test_dialog_about (void)
{
  open_and_close ("app.about", GTK_WIDGET (shore_test_get_window ()), ADW_TYPE_ABOUT_WINDOW);
}

static void
test_preferences_style (void)
{
  GSettings *settings = shore_application_get_settings (SHORE_APPLICATION (g_application_get_default ()));
  AdwStyleManager *style = adw_style_manager_get_default ();

  shore_test_get_window ();
  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_set_string (settings, "color-scheme", "default");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_window_state_saved (void)
{
  ShoreWindow *window = shore_test_get_window ();
  GSettings *settings = shore_application_get_settings (shore_test_get_app ());

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "debts");
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  shore_test_settle ();
  gtk_window_close (GTK_WINDOW (window));
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (SHORE_TYPE_WINDOW), "the window to close");

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_cmpstr (g_settings_get_string (settings, "last-page"), ==, "debts");

  /* A new window comes back on the page the user left. */
  g_application_activate (G_APPLICATION (shore_test_get_app ()));
  shore_test_wait_for (shore_test_toplevel_shown, GSIZE_TO_POINTER (SHORE_TYPE_WINDOW), "the window to reopen");
  g_assert_cmpstr (shore_window_get_visible_page (shore_test_get_window ()), ==, "debts");
}

static gboolean
showing_content (gpointer data)
{
  return !shore_window_is_showing_error (SHORE_WINDOW (data));
}

/* A damaged database is shown as an error page, never changed, and the user
 * can start a new one beside it. Runs in a subprocess with its own data dir. */
static void
test_database_damaged (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *db = shore_paths_database_file (shore_test_get_data_dir ());
      const char junk[] = "This is not a database, but it is somebody's file.\n";
      g_autofree char *after = NULL;
      g_autofree char *damaged = NULL;
      gsize length = 0;
      ShoreWindow *window;
      GDir *dir;
      const char *name;

      g_assert_true (g_file_set_contents (db, junk, -1, NULL));
      window = shore_test_get_window ();
      g_assert_true (shore_window_is_showing_error (window));
      g_assert_null (shore_application_get_store (shore_test_get_app ()));
      g_assert_true (g_file_get_contents (db, &after, &length, NULL));
      g_assert_cmpmem (after, length, junk, strlen (junk));

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-database", NULL));
      shore_test_wait_for (showing_content, window, "the new database");
      g_assert_nonnull (shore_application_get_store (shore_test_get_app ()));

      /* The damaged file is kept beside the new one, byte for byte. */
      dir = g_dir_open (shore_test_get_data_dir (), 0, NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          if (g_str_has_prefix (name, "shore-damaged-"))
            damaged = g_build_filename (shore_test_get_data_dir (), name, NULL);
        }
      g_dir_close (dir);
      g_assert_nonnull (damaged);
      g_clear_pointer (&after, g_free);
      g_assert_true (g_file_get_contents (damaged, &after, &length, NULL));
      g_assert_cmpmem (after, length, junk, strlen (junk));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  static const char * const pages[] = { "overview", "budget", "debts", "simulator", "rights" };

  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  shore_test_setup ("shore-ui-XXXXXX", TRUE);

  g_test_add_func ("/ui/window/opens", test_window_opens);
  g_test_add_func ("/ui/window/language", test_window_language);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/window/page/%s", pages[i]);

      g_test_add_data_func (path, pages[i], test_window_pages);
    }
  g_test_add_func ("/ui/dialog/preferences", test_dialog_preferences);
  g_test_add_func ("/ui/dialog/shortcuts", test_dialog_shortcuts);
  g_test_add_func ("/ui/dialog/about", test_dialog_about);
  g_test_add_func ("/ui/preferences/style", test_preferences_style);
  g_test_add_func ("/ui/window/state-saved", test_window_state_saved);
  g_test_add_func ("/ui/database/damaged", test_database_damaged);

  return shore_test_run ();
}
