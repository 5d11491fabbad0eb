/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shore-debts.h"
#include "shore-ledger.h"
#include "shore-money.h"

#include "shore-overview-page.h"
#include "shore-ui-util.h"

struct _ShoreOverviewPage
{
  AdwBin      parent_instance;

  GListModel *debts;

  GtkStack   *stack;
  GtkLabel   *total_owed_label;
  GtkLabel   *loans_label;
  GtkLabel   *due_month_label;
  GtkWidget  *overdue_card;
  GtkWidget  *overdue_icon;
  GtkLabel   *overdue_label;
  GtkLabel   *overdue_hint_label;
  GtkListBox *next_list;
  GtkWidget  *month_group;
  GtkWidget  *budget_left_row;
  GtkLabel   *income_label;
  GtkLabel   *spending_label;
  GtkLabel   *budget_left_label;
  GtkLabel   *surplus_label;
  GtkRevealer *reminders_revealer;
  GtkLabel   *reminders_label;
  GtkButton  *reminders_dismiss_button;

  gboolean    has_month;
};

G_DEFINE_FINAL_TYPE (ShoreOverviewPage, shore_overview_page, ADW_TYPE_BIN)

enum {
  SIGNAL_REMINDERS_DISMISSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
describe_due_date (const GDate *date)
{
  g_autofree char *iso = shore_date_format_iso (date);
  g_autofree char *when = NULL;
  GDate today;
  int days;

  shore_ui_get_today (&today);
  days = g_date_days_between (&today, date);

  if (days == 0)
    when = g_strdup (_("due today"));
  else if (days > 0)
    /* Translators: %d is a number of days */
    when = g_strdup_printf (ngettext ("in %d day", "in %d days", days), days);
  else
    /* Translators: %d is a number of days */
    when = g_strdup_printf (ngettext ("%d day overdue", "%d days overdue", -days), -days);

  /* Translators: a due date (2026-12-15), then how far away it is, such as “in 3 days” */
  return g_strdup_printf (_("%s, %s"), iso, when);
}

static GtkWidget *
create_next_row (const char  *lender,
                 const GDate *date,
                 gint64       amount)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *money = shore_money_format (amount);
  g_autofree char *when = describe_due_date (date);
  GDate today;

  shore_ui_get_today (&today);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lender != NULL ? lender : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);

  gtk_label_set_label (GTK_LABEL (label), money);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "heading");
  if (g_date_compare (date, &today) < 0)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      C_("loan state", "Overdue"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (label, "error");
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  return row;
}

static void
update (ShoreOverviewPage *self)
{
  ShoreDebtsSummary summary = { 0 };
  g_autofree char *total = NULL;
  g_autofree char *due = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *loans = NULL;
  GtkListBoxRow *row;
  guint n_items = self->debts != NULL ? g_list_model_get_n_items (self->debts) : 0;

  if (n_items == 0 && !self->has_month)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  shore_debts_summarize (self->debts, &summary);
  total = shore_money_format (summary.total_owed);
  due = shore_money_format (summary.due_this_month);
  overdue = g_strdup_printf ("%u", summary.n_overdue);
  /* Translators: %u is a number of loans not yet paid off */
  loans = g_strdup_printf (ngettext ("%u loan still open", "%u loans still open", summary.n_loans), summary.n_loans);

  gtk_label_set_label (self->total_owed_label, total);
  gtk_label_set_label (self->loans_label, loans);
  gtk_label_set_label (self->due_month_label, due);
  gtk_label_set_label (self->overdue_label, overdue);

  gtk_widget_set_visible (self->overdue_icon, summary.n_overdue > 0);
  if (summary.n_overdue > 0)
    {
      gtk_widget_add_css_class (self->overdue_card, "shore-alert");
      gtk_widget_add_css_class (GTK_WIDGET (self->overdue_label), "error");
      gtk_label_set_label (self->overdue_hint_label, _("Every day late adds penalty interest; see the Simulator"));
    }
  else
    {
      gtk_widget_remove_css_class (self->overdue_card, "shore-alert");
      gtk_widget_remove_css_class (GTK_WIDGET (self->overdue_label), "error");
      gtk_label_set_label (self->overdue_hint_label, _("None: keep it that way"));
    }

  while ((row = gtk_list_box_get_row_at_index (self->next_list, 0)) != NULL)
    gtk_list_box_remove (self->next_list, GTK_WIDGET (row));
  for (guint i = 0; i < summary.n_next && i < G_N_ELEMENTS (summary.next); i++)
    gtk_list_box_append (self->next_list,
                         create_next_row (summary.next[i].lender, &summary.next[i].date, summary.next[i].amount));

  gtk_stack_set_visible_child_name (self->stack, "summary");
}

static void
on_debts_items_changed_cb (ShoreOverviewPage *self,
                           guint              position,
                           guint              removed,
                           guint              added,
                           GListModel        *debts)
{
  update (self);
}

static void
on_reminders_dismiss_clicked_cb (ShoreOverviewPage *self)
{
  gtk_revealer_set_reveal_child (self->reminders_revealer, FALSE);
  g_signal_emit (self, signals[SIGNAL_REMINDERS_DISMISSED], 0);
}

static void
shore_overview_page_dispose (GObject *object)
{
  ShoreOverviewPage *self = SHORE_OVERVIEW_PAGE (object);

  /* The stack is both a template child and the bin's child: let the bin drop it
   * first, or it would unparent a widget the template has already unparented. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHORE_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->debts);

  G_OBJECT_CLASS (shore_overview_page_parent_class)->dispose (object);
}

static void
shore_overview_page_class_init (ShoreOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shore_overview_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/shore-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoreOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ShoreOverviewPage, total_owed_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreOverviewPage, loans_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreOverviewPage, due_month_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreOverviewPage, overdue_card);
  gtk_widget_class_bind_template_child (widget_class, ShoreOverviewPage, overdue_icon);
  gtk_widget_class_bind_template_child (widget_class, ShoreOverviewPage, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreOverviewPage, overdue_hint_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreOverviewPage, next_list);
  gtk_widget_class_bind_template_child (widget_class, ShoreOverviewPage, month_group);
  gtk_widget_class_bind_template_child (widget_class, ShoreOverviewPage, budget_left_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreOverviewPage, income_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreOverviewPage, spending_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreOverviewPage, budget_left_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreOverviewPage, surplus_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreOverviewPage, reminders_revealer);
  gtk_widget_class_bind_template_child (widget_class, ShoreOverviewPage, reminders_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreOverviewPage, reminders_dismiss_button);

  /* The reminders strip's Dismiss was clicked: the reminders it showed count as seen. */
  signals[SIGNAL_REMINDERS_DISMISSED] =
    g_signal_new ("reminders-dismissed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
shore_overview_page_init (ShoreOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->reminders_dismiss_button, "clicked",
                           G_CALLBACK (on_reminders_dismiss_clicked_cb), self, G_CONNECT_SWAPPED);
  update (self);
}

void
shore_overview_page_set_model (ShoreOverviewPage *self,
                               GListModel        *debts)
{
  g_return_if_fail (SHORE_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (debts == NULL || G_IS_LIST_MODEL (debts));

  if (self->debts == debts)
    {
      update (self);
      return;
    }

  if (self->debts != NULL)
    g_signal_handlers_disconnect_by_func (self->debts, on_debts_items_changed_cb, self);
  g_set_object (&self->debts, debts);
  if (self->debts != NULL)
    g_signal_connect_object (self->debts, "items-changed", G_CALLBACK (on_debts_items_changed_cb),
                             self, G_CONNECT_SWAPPED);
  update (self);
}

static void
set_money_label (GtkLabel *label,
                 gint64    fen,
                 gboolean  warn_if_negative)
{
  g_autofree char *text = shore_money_format (fen);

  gtk_label_set_label (label, text);
  if (warn_if_negative && fen < 0)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
}

/**
 * shore_overview_page_set_month:
 * @summary: (nullable): this month's budget figures, or %NULL when the
 *   budget holds nothing yet
 *
 * Shows this month's income, spending, budget left and what is available
 * for debt.
 */
void
shore_overview_page_set_month (ShoreOverviewPage       *self,
                               const ShoreMonthSummary *summary)
{
  g_return_if_fail (SHORE_IS_OVERVIEW_PAGE (self));

  self->has_month = summary != NULL;
  gtk_widget_set_visible (self->month_group, self->has_month);
  if (summary != NULL)
    {
      set_money_label (self->income_label, summary->income, FALSE);
      set_money_label (self->spending_label, summary->spending, FALSE);
      set_money_label (self->surplus_label, summary->surplus_for_debt, TRUE);
      gtk_widget_set_visible (self->budget_left_row, summary->budget_total > 0);
      set_money_label (self->budget_left_label, summary->budget_left, TRUE);
    }
  update (self);
}

/**
 * shore_overview_page_set_reminders:
 * @titles: (nullable) (array zero-terminated=1): the titles of reminders
 *   that could not be sent as notifications; %NULL or empty hides the strip
 *
 * Shows the reminders in a strip at the top of the page, with a Dismiss
 * button that emits "reminders-dismissed".
 */
void
shore_overview_page_set_reminders (ShoreOverviewPage  *self,
                                   const char * const *titles)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SHORE_IS_OVERVIEW_PAGE (self));

  if (titles == NULL || titles[0] == NULL)
    {
      gtk_revealer_set_reveal_child (self->reminders_revealer, FALSE);
      return;
    }

  text = g_strjoinv ("\n", (char **) titles);
  gtk_label_set_label (self->reminders_label, text);
  gtk_revealer_set_reveal_child (self->reminders_revealer, TRUE);
}

gboolean
shore_overview_page_get_reminders_shown (ShoreOverviewPage *self)
{
  g_return_val_if_fail (SHORE_IS_OVERVIEW_PAGE (self), FALSE);

  return gtk_revealer_get_reveal_child (self->reminders_revealer);
}
