/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "shore-budget-page.h"
#include "shore-debts-page.h"
#include "shore-evidence-window.h"
#include "shore-handout-dialog.h"
#include "shore-letter-dialog.h"
#include "shore-offer-dialog.h"
#include "shore-ledger.h"
#include "shore-overview-page.h"
#include "shore-rights-page.h"
#include "shore-simulator-page.h"
#include "shore-window.h"

struct _ShoreWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  ShoreOverviewPage    *overview_page;
  ShoreBudgetPage      *budget_page;
  ShoreDebtsPage       *debts_page;
  ShoreSimulatorPage   *simulator_page;
  ShoreRightsPage      *rights_page;
  AdwStatusPage        *database_error_page;
  GtkButton            *new_database_button;
};

G_DEFINE_FINAL_TYPE (ShoreWindow, shore_window, ADW_TYPE_APPLICATION_WINDOW)

/* The pages in the order of the view switcher and of Ctrl+1…5. */
static const char * const page_names[] = { "overview", "budget", "debts", "simulator", "rights" };

static ShoreApplication *
get_application (ShoreWindow *self)
{
  return SHORE_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static gboolean
is_known_page (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      if (g_strcmp0 (page_names[i], name) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
show_database_error (ShoreWindow  *self,
                     const GError *error)
{
  ShoreApplication *app = get_application (self);
  g_autofree char *description = NULL;
  g_autofree char *folder = NULL;
  gboolean can_start_new;

  can_start_new = g_error_matches (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_NOT_A_DATABASE);
  folder = g_markup_escape_text (shore_application_get_data_dir (app), -1);

  if (can_start_new)
    {
      g_autofree char *message = g_markup_escape_text (error->message, -1);

      /* Translators: %s is the reason, %s the data folder. */
      description = g_strdup_printf (_("%s\n\nThe file will not be changed. Shore can keep it, untouched, beside a new empty database in %s."),
                                     message, folder);
    }
  else
    {
      g_autofree char *message = g_markup_escape_text (error->message, -1);

      /* Translators: %s is the reason, %s the data folder. */
      description = g_strdup_printf (_("%s\n\nNothing in %s has been changed."), message, folder);
    }

  adw_status_page_set_description (self->database_error_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->new_database_button), can_start_new);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-database", can_start_new);
  /* The evidence log and the letters keep their data in the store. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.evidence-log", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.write-letter", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.handouts", FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "database-error");
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_title), FALSE);
}

/* The Overview shows this month's budget and the Simulator's payoff plan
 * starts from what it leaves for debt: both follow every budget change. */
static void
update_month_figures (ShoreWindow *self)
{
  ShoreStore *store = shore_application_get_store (get_application (self));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  ShoreMonthSummary summary = { 0 };
  gboolean has_data;
  GDate today;

  if (store == NULL)
    return;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  if (!shore_ledger_month_summary (store, &today, &summary, &error))
    {
      g_warning ("Could not sum up this month's budget: %s", error->message);
      return;
    }

  has_data = summary.income != 0 || summary.spending != 0 || summary.budget_total != 0 ||
             summary.expected_income != 0 || summary.debt_paid != 0;
  shore_overview_page_set_month (self->overview_page, has_data ? &summary : NULL);
  shore_simulator_page_set_budget_surplus (self->simulator_page, summary.surplus_for_debt, has_data);
}

/* Both pages show the same loans: the debts page owns the model and reloads it
 * after every change, the overview follows it. */
static void
connect_pages (ShoreWindow *self)
{
  ShoreStore *store = shore_application_get_store (get_application (self));

  shore_debts_page_set_store (self->debts_page, store);
  shore_overview_page_set_model (self->overview_page, shore_debts_page_get_model (self->debts_page));
  shore_simulator_page_set_model (self->simulator_page, shore_debts_page_get_model (self->debts_page));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-loan", store != NULL);

  /* The budget records repayments: the loans follow it. */
  shore_budget_page_set_store (self->budget_page, store);
  g_signal_handlers_disconnect_by_func (self->budget_page, shore_debts_page_reload, self->debts_page);
  g_signal_connect_object (self->budget_page, "changed", G_CALLBACK (shore_debts_page_reload),
                           self->debts_page, G_CONNECT_SWAPPED);
  g_signal_handlers_disconnect_by_func (self->budget_page, update_month_figures, self);
  g_signal_connect_object (self->budget_page, "changed", G_CALLBACK (update_month_figures),
                           self, G_CONNECT_SWAPPED);
  update_month_figures (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-transaction", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-bill", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-transactions", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.evidence-log", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.write-letter", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.handouts", store != NULL);
}

static void
show_content (ShoreWindow *self)
{
  connect_pages (self);
  gtk_stack_set_visible_child_name (self->main_stack, "content");
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_title), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-database", FALSE);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShoreWindow *self = SHORE_WINDOW (widget);

  shore_window_set_visible_page (self, g_variant_get_string (parameter, NULL));
}

static void
add_loan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ShoreWindow *self = SHORE_WINDOW (widget);

  shore_window_set_visible_page (self, "debts");
  gtk_widget_activate_action (GTK_WIDGET (self->debts_page), "debts.add-loan", NULL);
}

/* The budget's actions: shown on the Budget page, done by it. */
static void
budget_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShoreWindow *self = SHORE_WINDOW (widget);
  g_autofree char *page_action = g_strconcat ("budget.", action_name + strlen ("win."), NULL);

  shore_window_set_visible_page (self, "budget");
  gtk_widget_activate_action (GTK_WIDGET (self->budget_page), page_action, NULL);
}

/* Keys that only mean something on the Budget page: Ctrl+Page Up/Down. */
static void
budget_key_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ShoreWindow *self = SHORE_WINDOW (widget);

  if (g_strcmp0 (shore_window_get_visible_page (self), "budget") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->budget_page), g_variant_get_string (parameter, NULL), NULL);
}

/* Ctrl+F searches whatever the visible page shows. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShoreWindow *self = SHORE_WINDOW (widget);
  const char *page = shore_window_get_visible_page (self);

  if (g_strcmp0 (page, "budget") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->budget_page), "budget.search", NULL);
  else if (g_strcmp0 (page, "rights") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->rights_page), "rights.search", NULL);
}

static void
evidence_log_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ShoreWindow *self = SHORE_WINDOW (widget);
  ShoreStore *store = shore_application_get_store (get_application (self));

  g_return_if_fail (store != NULL);
  gtk_window_present (GTK_WINDOW (shore_evidence_window_new (GTK_WINDOW (self), store)));
}

/* @parameter: a letter id, or "" to let the user choose. */
static void
write_letter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ShoreWindow *self = SHORE_WINDOW (widget);
  ShoreStore *store = shore_application_get_store (get_application (self));
  const char *id = g_variant_get_string (parameter, NULL);

  g_return_if_fail (store != NULL);
  gtk_window_present (GTK_WINDOW (shore_letter_dialog_new (GTK_WINDOW (self), store, id[0] != '\0' ? id : NULL)));
}

static void
handouts_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ShoreWindow *self = SHORE_WINDOW (widget);
  ShoreApplication *app = get_application (self);
  ShoreStore *store = shore_application_get_store (app);

  g_return_if_fail (store != NULL);
  gtk_window_present (GTK_WINDOW (shore_handout_dialog_new (GTK_WINDOW (self), store,
                                                            shore_application_get_scenario (app))));
}

static void
check_offer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (shore_offer_dialog_new (GTK_WINDOW (widget))));
}

static void
new_database_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ShoreWindow *self = SHORE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *toast = NULL;

  if (!shore_application_start_new_database (get_application (self), &damaged, &error))
    {
      show_database_error (self, error);
      return;
    }

  show_content (self);
  basename = g_markup_escape_text (strrchr (damaged, G_DIR_SEPARATOR) ? strrchr (damaged, G_DIR_SEPARATOR) + 1 : damaged, -1);
  /* Translators: %s is a file name such as shore-damaged-20261124-180000.db */
  toast = g_strdup_printf (_("Started a new database; the damaged one was kept as “%s”"), basename);
  shore_window_add_toast (self, toast);
}

static gboolean
shore_window_close_request (GtkWindow *window)
{
  ShoreWindow *self = SHORE_WINDOW (window);
  int width, height;

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      if (gtk_stack_get_visible_child_name (self->main_stack) != NULL &&
          g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "content") == 0)
        g_settings_set_string (self->settings, "last-page", shore_window_get_visible_page (self));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (shore_window_parent_class)->close_request (window);
}

/* Called once the window belongs to the application ("application" is not a
 * construct property, so this cannot happen in constructed). */
static void
restore_state (ShoreWindow *self)
{
  ShoreApplication *app = get_application (self);
  g_autofree char *last_page = NULL;

  self->settings = g_object_ref (shore_application_get_settings (app));
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_page = g_settings_get_string (self->settings, "last-page");
  if (is_known_page (last_page))
    adw_view_stack_set_visible_child_name (self->view_stack, last_page);

  if (shore_application_get_store (app) != NULL)
    show_content (self);
  else
    show_database_error (self, shore_application_get_store_error (app));
}

static void
shore_window_dispose (GObject *object)
{
  ShoreWindow *self = SHORE_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHORE_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (shore_window_parent_class)->dispose (object);
}

static void
shore_window_class_init (ShoreWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = shore_window_dispose;
  window_class->close_request = shore_window_close_request;

  g_type_ensure (SHORE_TYPE_OVERVIEW_PAGE);
  g_type_ensure (SHORE_TYPE_BUDGET_PAGE);
  g_type_ensure (SHORE_TYPE_DEBTS_PAGE);
  g_type_ensure (SHORE_TYPE_SIMULATOR_PAGE);
  g_type_ensure (SHORE_TYPE_RIGHTS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/shore-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoreWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ShoreWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ShoreWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ShoreWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ShoreWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, ShoreWindow, budget_page);
  gtk_widget_class_bind_template_child (widget_class, ShoreWindow, debts_page);
  gtk_widget_class_bind_template_child (widget_class, ShoreWindow, simulator_page);
  gtk_widget_class_bind_template_child (widget_class, ShoreWindow, rights_page);
  gtk_widget_class_bind_template_child (widget_class, ShoreWindow, database_error_page);
  gtk_widget_class_bind_template_child (widget_class, ShoreWindow, new_database_button);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.add-loan", NULL, add_loan_action);
  gtk_widget_class_install_action (widget_class, "win.check-offer", NULL, check_offer_action);
  gtk_widget_class_install_action (widget_class, "win.add-transaction", NULL, budget_action);
  gtk_widget_class_install_action (widget_class, "win.import-bill", NULL, budget_action);
  gtk_widget_class_install_action (widget_class, "win.export-transactions", NULL, budget_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-transaction", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-bill", NULL);
  gtk_widget_class_install_action (widget_class, "win.evidence-log", NULL, evidence_log_action);
  gtk_widget_class_install_action (widget_class, "win.write-letter", "s", write_letter_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.evidence-log", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.write-letter", "s", "");
  gtk_widget_class_install_action (widget_class, "win.handouts", NULL, handouts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.handouts", NULL);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_install_action (widget_class, "win.budget-key", "s", budget_key_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "win.budget-key", "s", "budget.previous-month");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "win.budget-key", "s", "budget.next-month");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-transactions", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-page", "s", page_names[i]);
}

static void
shore_window_init (ShoreWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ShoreWindow *
shore_window_new (ShoreApplication *application)
{
  ShoreWindow *self;

  g_return_val_if_fail (SHORE_IS_APPLICATION (application), NULL);

  self = g_object_new (SHORE_TYPE_WINDOW,
                       "application", application,
                       NULL);
  restore_state (self);

  return self;
}

const char *
shore_window_get_visible_page (ShoreWindow *self)
{
  g_return_val_if_fail (SHORE_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
shore_window_set_visible_page (ShoreWindow *self,
                               const char  *name)
{
  g_return_if_fail (SHORE_IS_WINDOW (self));

  if (!is_known_page (name))
    {
      g_warning ("No page called “%s”", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

gboolean
shore_window_is_showing_error (ShoreWindow *self)
{
  g_return_val_if_fail (SHORE_IS_WINDOW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "database-error") == 0;
}

void
shore_window_add_toast (ShoreWindow *self,
                        const char  *title)
{
  g_return_if_fail (SHORE_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}
