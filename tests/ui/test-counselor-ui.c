/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Counselor mode under Xvfb: a training case runs in a throw-away profile
 * (its own temporary folder, settings in memory), full-screen with large
 * text, and leaves nothing behind, not even on SIGTERM; the user's data is
 * never touched; an unknown case is refused in one line; the picker starts
 * `shore --counselor NAME` in the chosen language. Runs once per language
 * (LANGUAGE=C, zh_CN, zh_TW); any GTK warning aborts the run. */

#include "config.h"

#include <signal.h>
#include <glib/gstdio.h>

#include "shore-application.h"
#include "shore-counselor-dialog.h"
#include "shore-debts.h"
#include "shore-i18n.h"
#include "shore-paths.h"
#include "shore-store.h"
#include "shore-training.h"
#include "shore-window.h"

#include "shore-test-ui.h"

static GDate *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now),
                         (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

static const char * const sqlite_suffixes[] = { "", "-wal", "-shm", "-journal" };

/* Whether the training loader is still the placeholder that fails every load. */
static gboolean
loader_is_stub (void)
{
  g_autofree char *dir = g_dir_make_tmp ("shore-counselor-probe-XXXXXX", NULL);
  g_autoptr(ShoreStore) store = shore_store_open (dir, NULL);
  g_autoptr(GDate) date = today ();
  g_autoptr(GError) error = NULL;
  g_autofree char *db = shore_paths_database_file (dir);
  gboolean loaded;

  g_assert_nonnull (store);
  loaded = shore_training_load ("harassment", store, date, &error);
  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (sqlite_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (db, sqlite_suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);

  return !loaded && g_strcmp0 (error->message, "not built yet") == 0;
}

/* Every file under @dir with its contents, to compare before and after. */
static GHashTable *
snapshot (const char *dir)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_hash_table_insert (files, g_strdup (name), g_bytes_new_take (g_steal_pointer (&contents), length));
    }

  return files;
}

static void
assert_same_files (GHashTable *before,
                   GHashTable *after)
{
  GHashTableIter iter;
  gpointer name, bytes;

  g_assert_cmpuint (g_hash_table_size (before), ==, g_hash_table_size (after));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &name, &bytes))
    {
      GBytes *now = g_hash_table_lookup (after, name);

      g_assert_nonnull (now);
      g_assert_true (g_bytes_equal (bytes, now));
    }
}

/* A user's data folder with a database holding one loan. */
static char *
make_user_dir (void)
{
  char *dir = g_dir_make_tmp ("shore-counselor-user-XXXXXX", NULL);
  g_autoptr(ShoreStore) store = shore_store_open (dir, NULL);
  g_autoptr(ShoreLoan) loan = shore_loan_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (store);
  g_free (loan->lender);
  loan->lender = g_strdup ("User's own lender");
  loan->principal = 500000;
  loan->rate = (ShoreRate) { SHORE_RATE_MONTHLY, 0 };
  loan->term_months = 12;
  loan->method = SHORE_METHOD_EQUAL_INSTALLMENT;
  g_date_set_dmy (&loan->start_date, 1, 3, 2026);
  g_assert_true (shore_debts_add (store, loan, &error));
  g_assert_no_error (error);

  return dir;
}

static void
remove_user_dir (const char *dir)
{
  g_autofree char *db = shore_paths_database_file (dir);

  for (guint i = 0; i < G_N_ELEMENTS (sqlite_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (db, sqlite_suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

static GtkWidget *
find_widget (GtkWidget  *root,
             const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
window_is_fullscreen (gpointer data)
{
  return gtk_window_is_fullscreen (GTK_WINDOW (data));
}

static gboolean
app_has_window (gpointer data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (data));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

/* Runs inside the counselor application's main loop. */
static gboolean
check_session_cb (gpointer data)
{
  ShoreApplication *app = data;
  GtkWindow *window;
  ShoreStore *store;
  const char *dir = shore_application_get_data_dir (app);
  g_autofree char *basename = NULL;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  shore_test_wait_for (app_has_window, app, "the training window");
  shore_test_settle ();
  window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (g_str_has_prefix (dir, g_get_tmp_dir ()));
  basename = g_path_get_basename (dir);
  g_assert_true (g_str_has_prefix (basename, "shore-counselor-"));
  g_assert_cmpstr (shore_application_get_scenario (app), ==, "five-platforms");

  if (loader_is_stub ())
    {
      /* The case cannot be loaded: a message says so, and no window shows the empty store. */
      g_assert_true (ADW_IS_MESSAGE_DIALOG (window));
      g_assert_null (shore_application_get_store (app));
      g_assert_nonnull (shore_application_get_store_error (app));
      g_test_message ("the training loader is a stub: the window checks are skipped");
      gtk_window_close (window);
      return G_SOURCE_REMOVE;
    }

  g_assert_true (SHORE_IS_WINDOW (window));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "counselor"));
  g_assert_false (shore_window_is_showing_error (SHORE_WINDOW (window)));
  shore_test_wait_for (window_is_fullscreen, window, "full screen");

  {
    g_autoptr(ShoreTrainingScenario) scenario = shore_training_get ("five-platforms", NULL);
    GtkWidget *exit_button = find_widget (GTK_WIDGET (window), "counselor-exit-button");
    GtkWidget *bar;
    GtkWidget *label;

    g_assert_nonnull (scenario);
    g_assert_nonnull (exit_button);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (exit_button)), ==, "app.quit");
    bar = gtk_widget_get_parent (exit_button);
    g_assert_true (gtk_widget_has_css_class (bar, "shore-counselor-bar"));
    label = gtk_widget_get_first_child (bar);
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), scenario->title));
  }

  store = shore_application_get_store (app);
  g_assert_nonnull (store);
  g_assert_true (g_str_has_prefix (shore_store_get_path (store), dir));
  {
    g_autoptr(GDate) date = today ();
    g_autoptr(GListModel) debts = shore_debts_list (store, date, NULL);

    g_assert_nonnull (debts);
    g_assert_cmpuint (g_list_model_get_n_items (debts), >, 0);
    for (guint i = 0; i < g_list_model_get_n_items (debts); i++)
      {
        g_autoptr(ShoreDebt) debt = g_list_model_get_item (debts, i);

        g_assert_cmpstr (shore_debt_get_loan (debt)->lender, !=, "User's own lender");
      }
  }

  /* What the Exit button does. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
test_session (void)
{
  g_autofree char *user_dir = make_user_dir ();
  g_autoptr(GHashTable) before = snapshot (user_dir);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(ShoreApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  /* The user's folder, as the environment names it: counselor mode ignores it. */
  g_setenv ("SHORE_DATA_DIR", user_dir, TRUE);

  app = shore_application_new_counselor ("five-platforms", &error);
  g_assert_no_error (error);
  dir = g_strdup (shore_application_get_data_dir (app));
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));

  g_idle_add (check_session_cb, app);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);

  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  after = snapshot (user_dir);
  assert_same_files (before, after);

  g_unsetenv ("SHORE_DATA_DIR");
  remove_user_dir (user_dir);
}

static char *
shore_binary (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "shore", NULL);
}

/* Nothing is left in (or was put in) @dir. */
static void
assert_empty_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);

  g_assert_nonnull (d);
  g_assert_null (g_dir_read_name (d));
}

static void
test_refuses_unknown (void)
{
  static const char * const args[][3] = {
    { "--counselor", "nosuch", NULL },
    { "--counselor=nosuch", NULL, NULL },
    { "--counselor", NULL, NULL },
  };
  g_autofree char *binary = shore_binary ();
  g_autofree char *tmp = g_dir_make_tmp ("shore-counselor-tmp-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    {
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                           G_SUBPROCESS_FLAGS_STDERR_PIPE);
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_subprocess_launcher_setenv (launcher, "TMPDIR", tmp, TRUE);
      process = g_subprocess_launcher_spawn (launcher, &error, binary, args[i][0], args[i][1], NULL);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error));
      g_assert_no_error (error);

      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "shore: "));
      g_assert_true (g_str_has_suffix (err, "\n"));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);  /* one line */
      g_assert_nonnull (strstr (err, "five-platforms"));
      assert_empty_dir (tmp);
    }

  g_rmdir (tmp);
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* A training folder with its database in @data (a TMPDIR). */
static gboolean
training_db_exists (gpointer data)
{
  g_autoptr(GDir) d = g_dir_open (data, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *db = g_build_filename (data, name, "shore.db", NULL);

      if (g_str_has_prefix (name, "shore-counselor-") && g_file_test (db, G_FILE_TEST_EXISTS))
        return TRUE;
    }
  return FALSE;
}

static void
test_sigterm (void)
{
  g_autofree char *binary = shore_binary ();
  g_autofree char *tmp = g_dir_make_tmp ("shore-counselor-tmp-XXXXXX", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  guint tick;

  g_subprocess_launcher_setenv (launcher, "TMPDIR", tmp, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, binary, "--counselor", "harassment", NULL);
  g_assert_no_error (error);

  /* The database is made after the signal handlers are in place. */
  tick = g_timeout_add (20, tick_cb, NULL);
  shore_test_wait_for (training_db_exists, tmp, "the training database");
  g_source_remove (tick);

  g_subprocess_send_signal (process, SIGTERM);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  assert_empty_dir (tmp);

  g_rmdir (tmp);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* The picker lists the four cases, preselects the UI's script and starts
 * the program with the case and the language asked for. */
static void
test_picker (void)
{
  g_autofree char *dir = g_dir_make_tmp ("shore-counselor-exe-XXXXXX", NULL);
  g_autofree char *script = g_build_filename (dir, "fake-shore", NULL);
  g_autofree char *report = g_build_filename (dir, "report", NULL);
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  const char *language = g_getenv ("LANGUAGE");
  ShoreCounselorDialog *dialog;
  guint tick;

  text = g_strdup_printf ("#!/bin/sh\n{ printf '%%s\\n' \"$@\"; echo ---; env; } > '%1$s.part' && mv '%1$s.part' '%1$s'\n",
                          report);
  g_assert_true (g_file_set_contents (script, text, -1, NULL));
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  g_setenv ("SHORE_EXECUTABLE", script, TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shore_test_get_window ()), "app.counselor-mode", NULL));
  dialog = SHORE_COUNSELOR_DIALOG (shore_test_wait_for_dialog (SHORE_TYPE_COUNSELOR_DIALOG));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (shore_test_get_window ()));

  g_assert_cmpstr (shore_counselor_dialog_get_scenario (dialog), ==, "weilidai-overdue");
  g_assert_cmpstr (shore_counselor_dialog_get_language (dialog), ==,
                   g_strcmp0 (language, "zh_CN") == 0 ? "zh_CN" :
                   g_strcmp0 (language, "zh_TW") == 0 ? "zh_TW" : "en");
  {
    GtkListBox *list = shore_test_child (dialog, SHORE_TYPE_COUNSELOR_DIALOG, "scenario_list");
    guint n = 0;

    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL; row = gtk_widget_get_next_sibling (row))
      n++;
    g_assert_cmpuint (n, ==, g_strv_length ((char **) shore_training_list_names ()));
  }

  shore_counselor_dialog_set_scenario (dialog, "harassment");
  shore_counselor_dialog_set_language (dialog, "zh_TW");
  g_assert_cmpstr (shore_counselor_dialog_get_scenario (dialog), ==, "harassment");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "counselor.start", NULL));
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (SHORE_TYPE_COUNSELOR_DIALOG), "the picker to close");

  tick = g_timeout_add (20, tick_cb, NULL);
  shore_test_wait_for (file_exists, report, "the started program");
  g_source_remove (tick);

  g_assert_true (g_file_get_contents (report, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "--counselor");
  g_assert_cmpstr (lines[1], ==, "harassment");
  g_assert_cmpstr (lines[2], ==, "---");
  g_assert_true (g_strv_contains ((const char * const *) lines, "LANGUAGE=zh_TW"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "GSETTINGS_BACKEND=memory"));
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_false (g_str_has_prefix (lines[i], "SHORE_DATA_DIR="));

  /* The user's window stays. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shore_test_get_window ())));

  g_unsetenv ("SHORE_EXECUTABLE");
  g_unlink (report);
  g_unlink (script);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  shore_test_setup ("shore-counselor-ui-XXXXXX", FALSE);

  g_test_add_func ("/counselor/refuses-unknown", test_refuses_unknown);
  g_test_add_func ("/counselor/session", test_session);
  g_test_add_func ("/counselor/sigterm", test_sigterm);
  /* Last: it starts the user's own application, which lives until the end. */
  g_test_add_func ("/counselor/picker", test_picker);

  ret = shore_test_run ();
  remove_user_dir (shore_test_get_data_dir ());
  return ret;
}
