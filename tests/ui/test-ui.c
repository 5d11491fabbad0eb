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

static ShoreApplication *app;
static char *data_dir;

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

static gboolean
on_timeout_cb (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until the condition holds; a 10 s watchdog fails the test instead of hanging. */
static void
wait_for (Condition    condition,
          gpointer     data,
          const char  *what)
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

/* Lets pending layout and drawing happen: one low-priority idle runs after them. */
static void
settle (void)
{
  gboolean done = FALSE;

  g_idle_add_full (G_PRIORITY_LOW, idle_done_cb, &done, NULL);
  wait_for (flag_set, &done, "idle");
}

static GtkWindow *
find_toplevel (GType type)
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

static gboolean
toplevel_shown (gpointer data)
{
  GtkWindow *window = find_toplevel ((GType) GPOINTER_TO_SIZE (data));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static gboolean
toplevel_gone (gpointer data)
{
  return find_toplevel ((GType) GPOINTER_TO_SIZE (data)) == NULL;
}

static ShoreWindow *
get_window (void)
{
  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      g_setenv ("SHORE_DATA_DIR", data_dir, TRUE);
      app = shore_application_new ();
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
      g_assert_no_error (error);
      g_application_activate (G_APPLICATION (app));
      wait_for (toplevel_shown, GSIZE_TO_POINTER (SHORE_TYPE_WINDOW), "the main window");
    }

  return SHORE_WINDOW (find_toplevel (SHORE_TYPE_WINDOW));
}

static void
test_window_opens (void)
{
  ShoreWindow *window = get_window ();
  g_autofree char *db = shore_paths_database_file (data_dir);

  g_assert_nonnull (window);
  g_assert_false (shore_window_is_showing_error (window));
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (shore_application_get_store (app));
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
  ShoreWindow *window = get_window ();
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
  ShoreWindow *window = get_window ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page));
  settle ();
  g_assert_cmpstr (shore_window_get_visible_page (window), ==, page);
}

static void
open_and_close (const char *action,
                GtkWidget  *target,
                GType       type)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (target, action, NULL));
  wait_for (toplevel_shown, GSIZE_TO_POINTER (type), g_type_name (type));
  settle ();
  dialog = find_toplevel (type);
  g_assert_nonnull (dialog);
  gtk_window_close (dialog);
  wait_for (toplevel_gone, GSIZE_TO_POINTER (type), "the dialog to close");
}

static void
test_dialog_preferences (void)
{
  open_and_close ("app.preferences", GTK_WIDGET (get_window ()), SHORE_TYPE_PREFERENCES_WINDOW);
}

static void
test_dialog_shortcuts (void)
{
  open_and_close ("win.show-help-overlay", GTK_WIDGET (get_window ()), GTK_TYPE_SHORTCUTS_WINDOW);
}

static void
test_dialog_about (void)
{
  open_and_close ("app.about", GTK_WIDGET (get_window ()), ADW_TYPE_ABOUT_WINDOW);
}

static void
test_preferences_style (void)
{
  GSettings *settings = shore_application_get_settings (SHORE_APPLICATION (g_application_get_default ()));
  AdwStyleManager *style = adw_style_manager_get_default ();

  get_window ();
  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_set_string (settings, "color-scheme", "default");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_window_state_saved (void)
{
  ShoreWindow *window = get_window ();
  GSettings *settings = shore_application_get_settings (app);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "debts");
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  settle ();
  gtk_window_close (GTK_WINDOW (window));
  wait_for (toplevel_gone, GSIZE_TO_POINTER (SHORE_TYPE_WINDOW), "the window to close");

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_cmpstr (g_settings_get_string (settings, "last-page"), ==, "debts");

  /* A new window comes back on the page the user left. */
  g_application_activate (G_APPLICATION (app));
  wait_for (toplevel_shown, GSIZE_TO_POINTER (SHORE_TYPE_WINDOW), "the window to reopen");
  g_assert_cmpstr (shore_window_get_visible_page (get_window ()), ==, "debts");
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
      g_autofree char *db = shore_paths_database_file (data_dir);
      const char junk[] = "This is not a database, but it is somebody's file.\n";
      g_autofree char *after = NULL;
      g_autofree char *damaged = NULL;
      gsize length = 0;
      ShoreWindow *window;
      GDir *dir;
      const char *name;

      g_assert_true (g_file_set_contents (db, junk, -1, NULL));
      window = get_window ();
      g_assert_true (shore_window_is_showing_error (window));
      g_assert_null (shore_application_get_store (app));
      g_assert_true (g_file_get_contents (db, &after, &length, NULL));
      g_assert_cmpmem (after, length, junk, strlen (junk));

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-database", NULL));
      wait_for (showing_content, window, "the new database");
      g_assert_nonnull (shore_application_get_store (app));

      /* The damaged file is kept beside the new one, byte for byte. */
      dir = g_dir_open (data_dir, 0, NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          if (g_str_has_prefix (name, "shore-damaged-"))
            damaged = g_build_filename (data_dir, name, NULL);
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
  int ret;

  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  data_dir = g_dir_make_tmp ("shore-ui-XXXXXX", NULL);
  g_assert_nonnull (data_dir);

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

  ret = g_test_run ();

  g_clear_object (&app);
  return ret;
}
