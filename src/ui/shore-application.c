/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "shore-application.h"
#include "shore-counselor-dialog.h"
#include "shore-debts-page.h"
#include "shore-money.h"
#include "shore-overview-page.h"
#include "shore-resources.h"
#include "shore-paths.h"
#include "shore-preferences-window.h"
#include "shore-reminders-controller.h"
#include "shore-training.h"
#include "shore-window.h"

struct _ShoreApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *data_dir_override;
  char           *data_dir;
  ShoreStore     *store;
  GError         *store_error;
  GThread        *opener;     /* opening the store while the window is built */

  ShoreRemindersController *reminders;
  guint          reminders_idle_id;

  /* Counselor mode: a training case in a throw-away folder. */
  char          *scenario;
  char          *counselor_dir;
  guint          sigterm_id;
  guint          sigint_id;
};

G_DEFINE_FINAL_TYPE (ShoreApplication, shore_application, ADW_TYPE_APPLICATION)

static void
apply_color_scheme (ShoreApplication *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");

  if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
on_color_scheme_changed_cb (ShoreApplication *self,
                            const char       *key,
                            GSettings        *settings)
{
  apply_color_scheme (self);
}

/* In counselor mode the fresh store gets the training case before any page
 * reads it. The thread has no language of its own, so the names are written
 * in the UI's language, the one the case is presented in. */
static void
load_scenario (ShoreApplication *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  if (!shore_training_load (self->scenario, self->store, &today, &self->store_error))
    {
      g_message ("Could not load the training case %s: %s", self->scenario, self->store_error->message);
      g_clear_object (&self->store);
    }
}

/* Runs in the opener thread or the main thread; touches only store and store_error. */
static gpointer
open_store_func (gpointer data)
{
  ShoreApplication *self = data;

  self->store = shore_store_open (self->data_dir, &self->store_error);
  if (self->store == NULL)
    g_message ("Could not open the database in %s: %s", self->data_dir, self->store_error->message);
  else if (self->scenario != NULL)
    load_scenario (self);
  return NULL;
}

static void
wait_for_store (ShoreApplication *self)
{
  if (self->opener != NULL)
    g_thread_join (g_steal_pointer (&self->opener));
}

static void
open_store (ShoreApplication *self)
{
  wait_for_store (self);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);

  if (self->data_dir == NULL)
    self->data_dir = shore_paths_resolve_data_dir (self->data_dir_override);

  open_store_func (self);
}

/* Opening checks the whole file (quick_check reads every page), which takes
 * longer the more the ledger holds: it runs in a thread while the window's
 * widgets are built, and the first shore_application_get_store() waits for it. */
static void
start_opening_store (ShoreApplication *self)
{
  g_assert (self->opener == NULL);

  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  if (self->data_dir == NULL)
    self->data_dir = shore_paths_resolve_data_dir (self->data_dir_override);

  self->opener = g_thread_new ("shore-open-store", open_store_func, self);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ShoreApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close windows first so they can save their state. */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  ShoreApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  ShorePreferencesWindow *preferences;

  preferences = shore_preferences_window_new (self);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  ShoreApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "Shore developers", NULL };
  g_autofree char *release_notes = NULL;
  GtkWidget *about;

  release_notes = g_strdup_printf ("<p>%s</p><ul><li>%s</li><li>%s</li><li>%s</li></ul>",
                                   _("The first release lays the ground for everything Shore will do."),
                                   _("A window with a page for each part: overview, budget, debts, simulator and rights"),
                                   _("Your data stays on your computer, in one file that is never half-written"),
                                   _("Simplified and traditional Chinese throughout"));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-icon", APP_ID,
                        /* Translators: the app's name; 上岸 is what people say when they are out of debt. */
                        "application-name", _("Shore"),
                        "developer-name", _("Shore developers"),
                        "version", PACKAGE_VERSION,
                        "release-notes-version", PACKAGE_VERSION,
                        "release-notes", release_notes,
                        "comments", _("A budget, every loan in one place, what being overdue really costs, and your rights when collectors call. Everything stays on your computer."),
                        "website", "https://github.com/shoreapp/shore",
                        "issue-url", "https://github.com/shoreapp/shore/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: replace with your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
counselor_mode_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  ShoreApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (shore_counselor_dialog_new (parent)));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "about", .activate = about_action },
  { .name = "counselor-mode", .activate = counselor_mode_action },
};

/* The first widget of @type under @root (the window's pages are private to it). */
static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  if (root == NULL || G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static ShoreWindow *
get_main_window (ShoreApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (SHORE_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static void
on_reminders_open_requested_cb (ShoreApplication         *self,
                                ShoreRemindersController *reminders)
{
  ShoreWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = get_main_window (self);
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "debts");
}

static void
on_reminders_payment_recorded_cb (ShoreApplication         *self,
                                  gint64                    loan_id,
                                  gint64                    amount,
                                  ShoreRemindersController *reminders)
{
  ShoreWindow *window = get_main_window (self);
  GtkWidget *debts_page;
  g_autofree char *money = NULL;
  g_autofree char *toast = NULL;

  if (window == NULL)
    return;

  debts_page = find_descendant (GTK_WIDGET (window), SHORE_TYPE_DEBTS_PAGE);
  if (debts_page != NULL)
    shore_debts_page_reload (SHORE_DEBTS_PAGE (debts_page));

  money = shore_money_format (amount);
  /* Translators: %s is an amount of money, such as ¥1,234.56; the user chose “Mark as Paid” on a reminder */
  toast = g_strdup_printf (_("Recorded a payment of %s"), money);
  shore_window_add_toast (window, toast);
}

static ShoreOverviewPage *
get_overview_page (ShoreApplication *self)
{
  ShoreWindow *window = get_main_window (self);

  if (window == NULL)
    return NULL;

  return (ShoreOverviewPage *) find_descendant (GTK_WIDGET (window), SHORE_TYPE_OVERVIEW_PAGE);
}

/* No notification server: the reminders are shown in the window instead. */
static void
on_reminders_pending_changed_cb (ShoreApplication         *self,
                                 ShoreRemindersController *reminders)
{
  ShoreOverviewPage *overview = get_overview_page (self);
  GPtrArray *pending = shore_reminders_controller_get_pending (reminders);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  if (overview == NULL)
    return;

  for (guint i = 0; pending != NULL && i < pending->len; i++)
    g_ptr_array_add (titles, ((ShoreReminder *) g_ptr_array_index (pending, i))->title);
  g_ptr_array_add (titles, NULL);

  shore_overview_page_set_reminders (overview, (const char * const *) titles->pdata);
}

static void
on_reminders_dismissed_cb (ShoreApplication  *self,
                           ShoreOverviewPage *overview)
{
  g_autoptr(GError) error = NULL;

  if (self->reminders != NULL && !shore_reminders_controller_dismiss_pending (self->reminders, &error))
    g_warning ("Could not mark the reminders as seen: %s", error->message);
}

static void
stop_reminders (ShoreApplication *self)
{
  g_clear_handle_id (&self->reminders_idle_id, g_source_remove);
  if (self->reminders != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->reminders, self);
      shore_reminders_controller_stop (self->reminders);
    }
  g_clear_object (&self->reminders);
}

/* After the window is up and the store is open: check now, then every 15 minutes. */
static gboolean
start_reminders_cb (gpointer user_data)
{
  ShoreApplication *self = user_data;
  ShoreStore *store = shore_application_get_store (self);
  ShoreOverviewPage *overview = get_overview_page (self);

  self->reminders_idle_id = 0;
  if (store == NULL || self->reminders != NULL)
    return G_SOURCE_REMOVE;

  if (overview != NULL)
    {
      g_signal_handlers_disconnect_by_func (overview, on_reminders_dismissed_cb, self);
      g_signal_connect_object (overview, "reminders-dismissed",
                               G_CALLBACK (on_reminders_dismissed_cb), self, G_CONNECT_SWAPPED);
    }

  self->reminders = shore_reminders_controller_new (store, self->settings);
  g_signal_connect_swapped (self->reminders, "open-requested",
                            G_CALLBACK (on_reminders_open_requested_cb), self);
  g_signal_connect_swapped (self->reminders, "payment-recorded",
                            G_CALLBACK (on_reminders_payment_recorded_cb), self);
  g_signal_connect_swapped (self->reminders, "pending-changed",
                            G_CALLBACK (on_reminders_pending_changed_cb), self);
  shore_reminders_controller_start (self->reminders);

  return G_SOURCE_REMOVE;
}

static void
schedule_reminders (ShoreApplication *self)
{
  /* A training case is invented: nothing of it is ever due for real. */
  if (self->reminders != NULL || self->reminders_idle_id != 0 || self->scenario != NULL ||
      g_getenv ("SHORE_BENCH_FIRST_FRAME") != NULL)
    return;

  self->reminders_idle_id = g_idle_add_full (G_PRIORITY_LOW, start_reminders_cb, self, NULL);
}

/* Counselor mode */

static gboolean
on_quit_signal_cb (gpointer user_data)
{
  quit_action (NULL, NULL, user_data);
  return G_SOURCE_CONTINUE;
}

/* The training case's folder (its database, -wal and -shm) goes with it. */
static void
remove_counselor_dir (ShoreApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (self->counselor_dir == NULL)
    return;

  if (!shore_paths_remove_tree (self->counselor_dir, &error))
    g_message ("%s", error->message);
  g_clear_pointer (&self->counselor_dir, g_free);
}

/* The case could not be loaded: say why, and end when the user has read it. */
static void
show_counselor_error (ShoreApplication *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("Could Not Start the Training Case"),
                                   self->store_error != NULL ? self->store_error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  /* The dialog keeps the application running; closing it ends the process. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
toggle_fullscreen_cb (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
  return TRUE;
}

static gboolean
leave_fullscreen_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  if (!gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    return FALSE;

  gtk_window_unfullscreen (GTK_WINDOW (widget));
  return TRUE;
}

/* The line that says, all the time, that this is a training case. */
static GtkWidget *
create_counselor_bar (ShoreApplication *self)
{
  g_autoptr(ShoreTrainingScenario) scenario = shore_training_get (self->scenario, NULL);
  g_autofree char *text = NULL;
  GtkWidget *bar;
  GtkWidget *label;
  GtkWidget *button;

  /* Translators: %s is the training case's title, such as “Weilidai: ¥10,000, 40 days overdue” */
  text = g_strdup_printf (_("Training case: %s — nothing here is saved"),
                          scenario != NULL ? scenario->title : self->scenario);

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (bar, "shore-counselor-bar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (bar), label);

  button = gtk_button_new_with_mnemonic (_("E_xit Counselor Mode"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.quit");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, "counselor-exit-button");
  gtk_box_append (GTK_BOX (bar), button);

  return bar;
}

/* The window template is the user's window: the bar goes under its header
 * bar, or above the whole content if the header bar is not where it was. */
static void
add_counselor_bar (ShoreApplication *self,
                   GtkWindow        *window)
{
  GtkWidget *bar = create_counselor_bar (self);
  GtkWidget *header_bar = find_descendant (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  GtkWidget *parent = header_bar != NULL ? gtk_widget_get_parent (header_bar) : NULL;

  if (GTK_IS_BOX (parent))
    {
      gtk_box_insert_child_after (GTK_BOX (parent), bar, header_bar);
    }
  else
    {
      g_autoptr(GtkWidget) content = g_object_ref (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), NULL);
      gtk_box_append (GTK_BOX (box), bar);
      gtk_box_append (GTK_BOX (box), content);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
    }
}

/* Full screen, large text, the training bar, F11 and Escape. */
static void
dress_counselor_window (ShoreApplication *self,
                        GtkWindow        *window)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  g_autoptr(GdkMonitor) monitor = NULL;
  GListModel *monitors;

  gtk_widget_add_css_class (GTK_WIDGET (window), "counselor");
  add_counselor_bar (self, window);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F11, 0),
                                                          gtk_callback_action_new (toggle_fullscreen_cb, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (leave_fullscreen_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (window), shortcuts);

  /* The size of the screen, so that leaving full screen (or a session
   * without a window manager) still shows the case large. */
  monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (window)));
  monitor = g_list_model_get_item (monitors, 0);
  if (monitor != NULL)
    {
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      gtk_window_set_default_size (window, geometry.width, geometry.height);
    }

  gtk_window_fullscreen (window);
}

static gint
shore_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  ShoreApplication *self = SHORE_APPLICATION (application);
  const char *data_dir = NULL;

  /* A training case never goes anywhere but its own throw-away folder. */
  if (self->scenario == NULL && g_variant_dict_lookup (options, "data-dir", "^&ay", &data_dir))
    self->data_dir_override = g_strdup (data_dir);

  return G_APPLICATION_CLASS (shore_application_parent_class)->handle_local_options (application, options);
}

static void
shore_application_startup (GApplication *application)
{
  ShoreApplication *self = SHORE_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (shore_application_parent_class)->startup (application);

  /* Before the database exists, so that a signal never leaves it behind. */
  if (self->scenario != NULL)
    {
      self->sigterm_id = g_unix_signal_add (SIGTERM, on_quit_signal_cb, self);
      self->sigint_id = g_unix_signal_add (SIGINT, on_quit_signal_cb, self);
    }

  /* The database is opened (and checked) while GTK starts and the window is built. */
  start_opening_store (self);

  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (on_color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  /* One training case per process: a new one starts from the user's window. */
  if (self->scenario != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "counselor-mode")),
                                 FALSE);
}

/* For bench-first-frame: with SHORE_BENCH_FIRST_FRAME set, print the
 * monotonic time of the window's first painted frame and quit. */
static void
on_first_frame_cb (GdkFrameClock *clock,
                   GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_cb, window);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (g_application_get_default ());
}

static void
on_window_map_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_first_frame_cb), window);
}

static void
shore_application_activate (GApplication *application)
{
  ShoreApplication *self = SHORE_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      if (self->store == NULL && self->opener == NULL)
        start_opening_store (self);
      if (self->scenario != NULL && shore_application_get_store (self) == NULL)
        {
          show_counselor_error (self);
          return;
        }
      window = GTK_WINDOW (shore_window_new (self));
      if (self->scenario != NULL)
        dress_counselor_window (self, window);
      if (g_getenv ("SHORE_BENCH_FIRST_FRAME") != NULL)
        g_signal_connect (window, "map", G_CALLBACK (on_window_map_cb), NULL);
    }

  gtk_window_present (window);
  schedule_reminders (self);
}

static void
shore_application_shutdown (GApplication *application)
{
  ShoreApplication *self = SHORE_APPLICATION (application);
  GList *windows;

  stop_reminders (self);

  if (self->counselor_dir != NULL)
    {
      /* The pages hold the store: close it before its folder goes. */
      while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
        gtk_window_destroy (windows->data);
      wait_for_store (self);
      g_clear_object (&self->store);
      remove_counselor_dir (self);
    }
  g_clear_handle_id (&self->sigterm_id, g_source_remove);
  g_clear_handle_id (&self->sigint_id, g_source_remove);

  G_APPLICATION_CLASS (shore_application_parent_class)->shutdown (application);
}

static void
shore_application_dispose (GObject *object)
{
  ShoreApplication *self = SHORE_APPLICATION (object);

  stop_reminders (self);
  wait_for_store (self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (shore_application_parent_class)->dispose (object);
}

static void
shore_application_finalize (GObject *object)
{
  ShoreApplication *self = SHORE_APPLICATION (object);

  /* Not run (a test that only registered it): the folder goes all the same. */
  remove_counselor_dir (self);
  g_clear_pointer (&self->scenario, g_free);
  g_clear_pointer (&self->data_dir_override, g_free);
  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (shore_application_parent_class)->finalize (object);
}

static void
shore_application_class_init (ShoreApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* The resource lives in a static library, where its constructor would be dropped by the linker. */
  g_resources_register (shore_get_resource ());

  object_class->dispose = shore_application_dispose;
  object_class->finalize = shore_application_finalize;

  app_class->handle_local_options = shore_application_handle_local_options;
  app_class->startup = shore_application_startup;
  app_class->activate = shore_application_activate;
  app_class->shutdown = shore_application_shutdown;
}

static void
shore_application_init (ShoreApplication *self)
{
  static const GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Keep data in DIR (default: $SHORE_DATA_DIR if set, otherwise $XDG_DATA_HOME/shore)"), "DIR" },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

ShoreApplication *
shore_application_new (void)
{
  return g_object_new (SHORE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/**
 * shore_application_new_counselor:
 * @scenario: the name of a training case (shore_training_list_names())
 * @error: return location for a %SHORE_TRAINING_ERROR or a #GFileError
 *
 * The application for `shore --counselor NAME`: its data lives in a new
 * private temporary folder, removed when the application shuts down (or,
 * if it never ran, when it is finalized); its settings stay in memory; it
 * sends no reminders; its window is full-screen with large text. Call it
 * before anything reads a setting: it sets `GSETTINGS_BACKEND=memory`.
 * Like every Shore window it does not hand over to a running instance.
 *
 * Returns: (transfer full) (nullable): the application, or %NULL (and
 *   nothing created) for an unknown @scenario
 */
ShoreApplication *
shore_application_new_counselor (const char  *scenario,
                                 GError     **error)
{
  g_autoptr(ShoreTrainingScenario) found = NULL;
  g_autofree char *dir = NULL;
  ShoreApplication *self;

  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* An unknown name: the message lists the cases. */
  found = shore_training_get (scenario, error);
  if (found == NULL)
    return NULL;

  /* The user's window size, last page and reminder choices stay as they are. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  dir = g_dir_make_tmp ("shore-counselor-XXXXXX", error);
  if (dir == NULL)
    return NULL;

  self = shore_application_new ();
  self->scenario = g_strdup (scenario);
  self->counselor_dir = g_strdup (dir);
  self->data_dir_override = g_steal_pointer (&dir);

  return self;
}

GSettings *
shore_application_get_settings (ShoreApplication *self)
{
  g_return_val_if_fail (SHORE_IS_APPLICATION (self), NULL);

  return self->settings;
}

const char *
shore_application_get_data_dir (ShoreApplication *self)
{
  g_return_val_if_fail (SHORE_IS_APPLICATION (self), NULL);

  if (self->data_dir == NULL)
    self->data_dir = shore_paths_resolve_data_dir (self->data_dir_override);

  return self->data_dir;
}

ShoreStore *
shore_application_get_store (ShoreApplication *self)
{
  g_return_val_if_fail (SHORE_IS_APPLICATION (self), NULL);

  wait_for_store (self);
  return self->store;
}

const GError *
shore_application_get_store_error (ShoreApplication *self)
{
  g_return_val_if_fail (SHORE_IS_APPLICATION (self), NULL);

  wait_for_store (self);
  return self->store_error;
}

/**
 * shore_application_start_new_database:
 * @out_damaged_path: (out): where the damaged file now is
 *
 * Moves a damaged database aside, byte for byte, and opens a fresh one in its place.
 */
gboolean
shore_application_start_new_database (ShoreApplication  *self,
                                      char             **out_damaged_path,
                                      GError           **error)
{
  g_autofree char *damaged = NULL;

  g_return_val_if_fail (SHORE_IS_APPLICATION (self), FALSE);

  damaged = shore_store_set_aside (shore_application_get_data_dir (self), error);
  if (damaged == NULL)
    return FALSE;

  stop_reminders (self);
  open_store (self);
  if (self->store == NULL)
    {
      g_propagate_error (error, g_error_copy (self->store_error));
      return FALSE;
    }
  schedule_reminders (self);

  if (out_damaged_path != NULL)
    *out_damaged_path = g_steal_pointer (&damaged);

  return TRUE;
}

/**
 * shore_application_get_scenario:
 * @self: the application
 *
 * Returns: (nullable): the name of the training scenario loaded in counselor
 *   mode, or %NULL when the window shows the user's own data
 */
const char *
shore_application_get_scenario (ShoreApplication *self)
{
  g_return_val_if_fail (SHORE_IS_APPLICATION (self), NULL);

  return self->scenario;
}
