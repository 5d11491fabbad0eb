/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-budget-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shore-ledger.h"
#include "shore-money.h"

#include "shore-budget-page-private.h"
#include "shore-budgets-dialog.h"
#include "shore-ledger-settings.h"
#include "shore-recurring-dialog.h"
#include "shore-report-view.h"
#include "shore-ui-util.h"

/* How far ahead “Coming up” looks from today. */
#define UPCOMING_DAYS 30

G_DEFINE_FINAL_TYPE (ShoreBudgetPage, shore_budget_page, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Helpers ----------------------------------------------------------- */

GtkWindow *
shore_budget_page_get_parent_window (ShoreBudgetPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
shore_budget_page_get_month_bounds (ShoreBudgetPage *self,
                                    GDate           *first,
                                    GDate           *last)
{
  g_date_clear (first, 1);
  g_date_set_dmy (first, 1, (GDateMonth) self->month, (GDateYear) self->year);
  g_date_clear (last, 1);
  g_date_set_dmy (last, g_date_get_days_in_month ((GDateMonth) self->month, (GDateYear) self->year),
                  (GDateMonth) self->month, (GDateYear) self->year);
}

/* The day the month's summary is taken on: today in this month, its last day for a
 * month gone by, its first for one to come. */
static void
get_summary_day (ShoreBudgetPage *self,
                 GDate           *day)
{
  GDate first, last;

  shore_ui_get_today (day);
  shore_budget_page_get_month_bounds (self, &first, &last);
  if (g_date_compare (day, &last) > 0)
    *day = last;
  else if (g_date_compare (day, &first) < 0)
    *day = first;
}

static void
set_money_label (GtkLabel *label,
                 gint64    fen)
{
  g_autofree char *text = shore_money_format (fen);

  gtk_label_set_label (label, text);
}

static void
clear_list_box (GtkListBox *list_box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list_box))) != NULL)
    gtk_list_box_remove (list_box, child);
}

/* A new toast replaces the page's previous one rather than queueing behind it
 * (as on the Debts page, and not with ADW_TOAST_PRIORITY_HIGH for libadwaita 1.2). */
static void
add_toast (ShoreBudgetPage *self,
           AdwToast        *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_object_unref (g_object_ref_sink (toast));
      return;
    }

  if (self->last_toast != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->last_toast), (gpointer *) &self->last_toast);
      adw_toast_dismiss (self->last_toast);
    }
  self->last_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->last_toast);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
shore_budget_page_show_error_toast (ShoreBudgetPage *self,
                                    const GError    *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  add_toast (self, adw_toast_new (escaped));
}

void
shore_budget_page_show_toast (ShoreBudgetPage *self,
                              const char      *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  add_toast (self, adw_toast_new (escaped));
}

/* Everything changed by this page may show elsewhere (loans paid, the overview). */
void
shore_budget_page_notify_changed (ShoreBudgetPage *self)
{
  shore_budget_page_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- Undo -------------------------------------------------------------- */

void
shore_budget_page_undo_data_free (gpointer  data,
                                  GClosure *closure)
{
  UndoData *undo = data;

  g_clear_object (&undo->page);
  g_clear_pointer (&undo->deleted, g_array_unref);
  shore_recurring_clear (&undo->recurring);
  g_free (undo);
}

static void
on_undo_button_clicked_cb (AdwToast *toast,
                           UndoData *undo)
{
  ShoreBudgetPage *self = undo->page;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (self->store == NULL)
    return;

  switch (undo->kind)
    {
    case UNDO_DELETE_TRANSACTIONS:
      ok = shore_ledger_restore_transactions (self->store, undo->deleted, &error);
      break;
    case UNDO_IMPORT:
      ok = shore_ledger_undo_import (self->store, undo->import_id, &error);
      break;
    case UNDO_DELETE_RECURRING:
      undo->recurring.id = 0;
      ok = shore_ledger_add_recurring (self->store, &undo->recurring, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  shore_budget_page_notify_changed (self);
  if (!ok)
    shore_budget_page_show_error_toast (self, error);
}

void
shore_budget_page_add_undo_toast (ShoreBudgetPage *self,
                                  const char      *title,
                                  UndoData        *undo)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  undo->page = g_object_ref (self);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_button_clicked_cb),
                         undo, shore_budget_page_undo_data_free, 0);
  add_toast (self, toast);
}

/* ---- The month --------------------------------------------------------- */

static void
update_month_label (ShoreBudgetPage *self)
{
  g_autoptr(GDateTime) first = g_date_time_new_local (self->year, self->month, 1, 0, 0, 0);
  /* Translators: the month shown on the Budget page, a g_date_time_format() format such as
   * “%B %Y” (November 2026); Chinese uses “%Y年%-m月” (2026年11月). */
  g_autofree char *text = g_date_time_format (first, _("%B %Y"));

  gtk_label_set_label (self->month_label, text);
}

static void
update_summary (ShoreBudgetPage *self)
{
  ShoreMonthSummary summary = { 0 };
  g_autoptr(GError) error = NULL;
  GDate day;

  get_summary_day (self, &day);
  if (!shore_ledger_month_summary (self->store, &day, &summary, &error))
    {
      shore_budget_page_show_error_toast (self, error);
      return;
    }

  set_money_label (self->income_label, summary.income);
  set_money_label (self->spending_label, summary.spending);
  set_money_label (self->debt_paid_label, summary.debt_paid);
  set_money_label (self->debt_due_label, summary.debt_due);
  set_money_label (self->available_label, summary.surplus_for_debt);

  if (summary.budget_total > 0)
    set_money_label (self->budget_left_label, summary.budget_left);
  else
    /* Translators: in the “Budget left” card when no budget is set */
    gtk_label_set_label (self->budget_left_label, C_("budget", "None set"));

  if (summary.budget_total > 0 && summary.budget_left < 0)
    gtk_widget_add_css_class (self->budget_left_card, "shore-alert");
  else
    gtk_widget_remove_css_class (self->budget_left_card, "shore-alert");

  if (summary.surplus_for_debt < 0)
    {
      gtk_label_set_label (self->available_note_label,
                           _("Spending and budgets come to more than the income this month: nothing is left for repayments."));
      gtk_widget_add_css_class (self->available_card, "shore-alert");
    }
  else
    {
      gtk_label_set_label (self->available_note_label,
                           _("Income, less what each kind of spending takes or is budgeted: what can go to your debts this month."));
      gtk_widget_remove_css_class (self->available_card, "shore-alert");
    }

  if (summary.debt_due > 0)
    gtk_widget_add_css_class (self->debt_due_card, "shore-warn");
  else
    gtk_widget_remove_css_class (self->debt_due_card, "shore-warn");
}

static GtkWidget *
create_budget_row (const ShoreBudgetLine *line)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *bar = gtk_progress_bar_new ();
  g_autofree char *spent = shore_money_format (line->spent);
  g_autofree char *subtitle = NULL;
  gint64 percent = 0;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (line->category_id == 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("All spending"));
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line->name);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), line->category_id == 0 ? "accessories-calculator-symbolic" : line->icon);

  if (line->amount > 0)
    {
      g_autofree char *budget = shore_money_format (line->amount);

      /* Integer percent for the bar only; money stays in fen. */
      percent = line->spent >= G_MAXINT64 / 100 ? 1000 : line->spent * 100 / line->amount;
      if (line->spent > line->amount)
        {
          g_autofree char *over = shore_money_format (line->spent - line->amount);

          /* Translators: spent, budget and how much beyond it, e.g. “¥1,200.00 of ¥1,000.00 — ¥200.00 over” */
          subtitle = g_strdup_printf (_("%s of %s — %s over"), spent, budget, over);
        }
      else
        /* Translators: spent of the budget, e.g. “¥800.00 of ¥1,000.00” */
        subtitle = g_strdup_printf (_("%s of %s"), spent, budget);
    }
  else
    /* Translators: %s is what was spent in a category without a budget */
    subtitle = g_strdup_printf (_("%s spent, no budget"), spent);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 120, -1);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), MIN (percent, 100) / 100.0);
  gtk_widget_set_visible (bar, line->amount > 0);
  gtk_widget_add_css_class (bar, "shore-budget-bar");
  if (percent > 100)
    gtk_widget_add_css_class (bar, "shore-over");
  else if (percent >= 90)
    gtk_widget_add_css_class (bar, "shore-near");
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, subtitle, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);

  return row;
}

static GtkWidget *
create_placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
update_budgets (ShoreBudgetPage *self)
{
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GError) error = NULL;

  clear_list_box (self->budgets_list);
  lines = shore_ledger_budget_lines (self->store, self->year, self->month, &error);
  if (lines == NULL)
    {
      shore_budget_page_show_error_toast (self, error);
      return;
    }

  for (guint i = 0; i < lines->len; i++)
    gtk_list_box_append (self->budgets_list, create_budget_row (&g_array_index (lines, ShoreBudgetLine, i)));
  if (lines->len == 0)
    gtk_list_box_append (self->budgets_list,
                         create_placeholder_row (_("No spending and no budgets this month")));
}

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                    g_date_get_day (date), 0, 0, 0);

  /* Translators: a date in lists, a g_date_time_format() format; Chinese uses “%-m月%-d日” */
  return g_date_time_format (day, _("%b %-d"));
}

static GtkWidget *
create_upcoming_row (ShoreBudgetPage     *self,
                     const ShoreUpcoming *item,
                     guint                index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *amount = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Record"));
  g_autofree char *amount_text = shore_money_format (item->amount);
  g_autofree char *date = format_date (&item->date);
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->payee != NULL ? item->payee : "");
  if (item->overdue)
    /* Translators: %s is a date; the payment was due then and is not recorded */
    subtitle = g_strdup_printf (_("Overdue since %s"), date);
  else if (item->period > 0)
    /* Translators: %s is a date, %d the installment number */
    subtitle = g_strdup_printf (_("%s · installment %d"), date, item->period);
  else
    subtitle = g_strdup (date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), item->overdue ? "dialog-warning-symbolic"
                                : item->loan_id != 0 ? "view-list-ordered-symbolic" : "view-refresh-symbolic");
  if (item->overdue)
    gtk_widget_add_css_class (row, "shore-overdue");

  gtk_label_set_label (GTK_LABEL (amount), amount_text);
  gtk_widget_add_css_class (amount, "numeric");
  gtk_widget_add_css_class (amount, item->amount > 0 ? "shore-income" : "shore-expense");
  gtk_widget_set_valign (amount, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);

  /* Translators: %s is a payee or lender */
  tooltip = g_strdup_printf (_("Record the payment to or from %s as done"), item->payee != NULL ? item->payee : "");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "budget.record-upcoming");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
update_upcoming (ShoreBudgetPage *self)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  clear_list_box (self->upcoming_list);
  g_clear_pointer (&self->upcoming, g_array_unref);
  shore_ui_get_today (&today);
  self->upcoming = shore_ledger_upcoming (self->store, &today, UPCOMING_DAYS, &error);
  if (self->upcoming == NULL)
    {
      shore_budget_page_show_error_toast (self, error);
      return;
    }

  for (guint i = 0; i < self->upcoming->len; i++)
    gtk_list_box_append (self->upcoming_list,
                         create_upcoming_row (self, &g_array_index (self->upcoming, ShoreUpcoming, i), i));
  if (self->upcoming->len == 0)
    gtk_list_box_append (self->upcoming_list, create_placeholder_row (_("Nothing due in the next 30 days")));
}

static const char *
get_recurring_kind_label (ShoreRecurringKind kind)
{
  switch (kind)
    {
    case SHORE_RECURRING_INCOME:
      return _("Income");
    case SHORE_RECURRING_EXPENSE:
      return _("Spending");
    case SHORE_RECURRING_REPAYMENT:
      return _("Loan repayment");
    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
create_recurring_row (const ShoreRecurring *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *amount = gtk_label_new (NULL);
  g_autofree char *amount_text = shore_money_format (item->amount);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 item->payee != NULL && *item->payee != '\0' ? item->payee : get_recurring_kind_label (item->kind));
  /* Translators: the kind of a recurring item and its day, e.g. “Income · every month on day 15” */
  subtitle = g_strdup_printf (_("%s · every month on day %d"), get_recurring_kind_label (item->kind), item->day_of_month);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_label_set_label (GTK_LABEL (amount), amount_text);
  gtk_widget_add_css_class (amount, "numeric");
  if (item->kind == SHORE_RECURRING_INCOME)
    gtk_widget_add_css_class (amount, "shore-income");
  gtk_widget_set_valign (amount, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

static void
update_recurring (ShoreBudgetPage *self)
{
  g_autoptr(GError) error = NULL;

  clear_list_box (self->recurring_list);
  g_clear_pointer (&self->recurring, g_array_unref);
  self->recurring = shore_ledger_list_recurring (self->store, &error);
  if (self->recurring == NULL)
    {
      shore_budget_page_show_error_toast (self, error);
      return;
    }

  for (guint i = 0; i < self->recurring->len; i++)
    gtk_list_box_append (self->recurring_list,
                         create_recurring_row (&g_array_index (self->recurring, ShoreRecurring, i)));
  if (self->recurring->len == 0)
    gtk_list_box_append (self->recurring_list,
                         create_placeholder_row (_("No recurring items: add your salary, rent or a repayment")));
}

static void
update_category_report (ShoreBudgetPage *self,
                        GArray          *budget_lines)
{
  g_autoptr(GArray) totals = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (ShoreReportCategory));
  g_autoptr(GError) error = NULL;
  ShoreReportCategoryOptions options;
  GDate first, last;

  shore_budget_page_get_month_bounds (self, &first, &last);
  totals = shore_ledger_spending_by_category (self->store, &first, &last, &error);
  if (totals == NULL)
    {
      shore_budget_page_show_error_toast (self, error);
      return;
    }

  for (guint i = 0; i < totals->len; i++)
    {
      ShoreCategoryTotal *total = &g_array_index (totals, ShoreCategoryTotal, i);
      ShoreReportCategory item = { total->name != NULL ? total->name : _("Uncategorised"), total->amount, 0 };

      for (guint j = 0; budget_lines != NULL && j < budget_lines->len; j++)
        {
          ShoreBudgetLine *line = &g_array_index (budget_lines, ShoreBudgetLine, j);

          if (line->category_id != 0 && line->category_id == total->category_id)
            item.budget_fen = line->amount;
        }
      g_array_append_val (items, item);
    }

  shore_report_category_options_init (&options);
  /* Translators: the bar gathering the smaller categories in the spending chart */
  options.other_label = C_("chart", "Other");
  options.show_budgets = TRUE;
  options.budget_label = _("Budget");
  options.over_budget_label = _("Over budget");
  options.empty_text = _("No spending this month");
  shore_report_view_set_categories (self->category_report, (ShoreReportCategory *) (gpointer) items->data,
                                    items->len, &options);
}

static void
update_trend_report (ShoreBudgetPage *self)
{
  g_autoptr(GArray) totals = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) months = g_array_new (FALSE, TRUE, sizeof (ShoreReportMonth));
  g_autoptr(GError) error = NULL;
  ShoreReportTrendOptions options = { 0 };

  totals = shore_ledger_monthly_trend (self->store, self->year, self->month, 12, &error);
  if (totals == NULL)
    {
      shore_budget_page_show_error_toast (self, error);
      return;
    }

  for (guint i = 0; i < totals->len; i++)
    {
      ShoreMonthTotal *total = &g_array_index (totals, ShoreMonthTotal, i);
      g_autoptr(GDateTime) first = g_date_time_new_local (total->year, total->month, 1, 0, 0, 0);
      /* Translators: a month under the trend chart, a g_date_time_format() format; Chinese uses “%-m月” */
      char *label = g_date_time_format (first, _("%b"));
      ShoreReportMonth month = { label, total->income, total->spending, total->debt_paid };

      g_ptr_array_add (labels, label);
      g_array_append_val (months, month);
    }

  options.income_label = _("Income");
  options.spending_label = _("Spending");
  options.debt_label = _("Debt repayments");
  options.surplus_label = _("Left over");
  options.empty_text = _("Nothing recorded in these months");
  shore_report_view_set_trend (self->trend_report, (ShoreReportMonth *) (gpointer) months->data, months->len, &options);
}

static void
update_reports (ShoreBudgetPage *self)
{
  g_autoptr(GArray) lines = shore_ledger_budget_lines (self->store, self->year, self->month, NULL);

  update_category_report (self, lines);
  update_trend_report (self);
}

static gboolean
update_reports_idle (gpointer data)
{
  ShoreBudgetPage *self = data;

  self->reports_idle = 0;
  if (self->store != NULL)
    update_reports (self);
  return G_SOURCE_REMOVE;
}

/* ---- Actions ----------------------------------------------------------- */

static void
on_budgets_saved_cb (ShoreBudgetPage *self)
{
  shore_budget_page_notify_changed (self);
  shore_budget_page_show_toast (self, _("Budgets saved"));
}

static void
set_budgets_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ShoreBudgetPage *self = SHORE_BUDGET_PAGE (widget);
  ShoreBudgetsDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = shore_budgets_dialog_new (shore_budget_page_get_parent_window (self), self->store, self->year, self->month);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_budgets_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_recurring_saved_cb (ShoreBudgetPage *self,
                       gint64           id)
{
  shore_budget_page_notify_changed (self);
  shore_budget_page_show_toast (self, _("Recurring item saved"));
}

static void
on_recurring_deleted_cb (ShoreBudgetPage      *self,
                         const ShoreRecurring *item)
{
  UndoData *undo = g_new0 (UndoData, 1);

  undo->kind = UNDO_DELETE_RECURRING;
  undo->recurring = *item;
  undo->recurring.payee = g_strdup (item->payee);
  undo->recurring.note = g_strdup (item->note);
  shore_budget_page_notify_changed (self);
  shore_budget_page_add_undo_toast (self, _("Recurring item deleted"), undo);
}

static void
open_recurring_dialog (ShoreBudgetPage      *self,
                       const ShoreRecurring *item)
{
  ShoreRecurringDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = shore_recurring_dialog_new (shore_budget_page_get_parent_window (self), self->store, item);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_recurring_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "deleted", G_CALLBACK (on_recurring_deleted_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_recurring_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_recurring_dialog (SHORE_BUDGET_PAGE (widget), NULL);
}

static void
on_recurring_list_row_activated_cb (ShoreBudgetPage *self,
                                    GtkListBoxRow   *row,
                                    GtkListBox      *list_box)
{
  int index = gtk_list_box_row_get_index (row);

  if (self->recurring != NULL && index >= 0 && (guint) index < self->recurring->len)
    open_recurring_dialog (self, &g_array_index (self->recurring, ShoreRecurring, index));
}

/* Record dialog: which account the money went from or to. */
typedef struct
{
  ShoreBudgetPage *page;
  ShoreUpcoming    item;
  GPtrArray       *accounts;
  GtkDropDown     *dropdown;
} RecordData;

static void
record_data_free (RecordData *data)
{
  g_clear_object (&data->page);
  g_free (data->item.payee);
  g_clear_pointer (&data->accounts, g_ptr_array_unref);
  g_free (data);
}

static void
on_record_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       RecordData       *data)
{
  ShoreBudgetPage *self = data->page;
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (data->dropdown);
  gint64 account_id = 0;
  gint64 id = 0;

  if (g_strcmp0 (response, "record") != 0 || self->store == NULL)
    return;

  if (selected < data->accounts->len)
    account_id = ((ShoreAccount *) g_ptr_array_index (data->accounts, selected))->id;
  if (!shore_ledger_record_upcoming (self->store, &data->item, account_id, &id, &error))
    {
      shore_budget_page_show_error_toast (self, error);
      return;
    }

  shore_budget_page_notify_changed (self);
  shore_budget_page_show_toast (self, _("Recorded"));
}

static void
record_upcoming_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ShoreBudgetPage *self = SHORE_BUDGET_PAGE (widget);
  guint index = g_variant_get_uint32 (parameter);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *date = NULL;
  const ShoreUpcoming *item;
  GtkWidget *dialog;
  RecordData *data;

  if (self->store == NULL || self->upcoming == NULL || index >= self->upcoming->len)
    return;

  item = &g_array_index (self->upcoming, ShoreUpcoming, index);
  data = g_new0 (RecordData, 1);
  data->page = g_object_ref (self);
  data->item = *item;
  data->item.payee = g_strdup (item->payee);
  data->accounts = shore_ledger_list_accounts (self->store, FALSE, NULL);
  if (data->accounts == NULL)
    data->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) shore_account_free);

  for (guint i = 0; i < data->accounts->len; i++)
    gtk_string_list_append (names, ((ShoreAccount *) g_ptr_array_index (data->accounts, i))->name);
  data->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Account"), -1);
  for (guint i = 0; i < data->accounts->len; i++)
    {
      if (((ShoreAccount *) g_ptr_array_index (data->accounts, i))->id == item->account_id)
        gtk_drop_down_set_selected (data->dropdown, i);
    }

  amount = shore_money_format (item->amount);
  date = format_date (&item->date);
  /* Translators: %s is a payee or a lender */
  heading = g_strdup_printf (_("Record “%s”?"), item->payee != NULL ? item->payee : "");
  /* Translators: an amount and the date it is due, then a question */
  body = g_strdup_printf (_("%s due on %s. Which account did the money go from or to?"), amount, date);

  dialog = adw_message_dialog_new (shore_budget_page_get_parent_window (self), heading, body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (data->dropdown));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "record", _("_Record"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_record_response_cb), data,
                         (GClosureNotify) (void (*) (void)) record_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ledger_settings_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ShoreBudgetPage *self = SHORE_BUDGET_PAGE (widget);
  ShoreLedgerSettings *settings;

  if (self->store == NULL)
    return;

  settings = shore_ledger_settings_new (shore_budget_page_get_parent_window (self), self->store);
  g_signal_connect_object (settings, "changed", G_CALLBACK (shore_budget_page_notify_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (settings));
}

static void
move_month (ShoreBudgetPage *self,
            int              delta)
{
  int index = self->year * 12 + (self->month - 1) + delta;

  shore_budget_page_set_month (self, index / 12, index % 12 + 1);
}

static void
previous_month_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  move_month (SHORE_BUDGET_PAGE (widget), -1);
}

static void
next_month_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_month (SHORE_BUDGET_PAGE (widget), 1);
}

static void
this_month_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GDate today;

  shore_ui_get_today (&today);
  shore_budget_page_set_month (SHORE_BUDGET_PAGE (widget), g_date_get_year (&today), g_date_get_month (&today));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShoreBudgetPage *self = SHORE_BUDGET_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "content") != 0)
    return;
  gtk_stack_set_visible_child_name (self->sections_stack, "transactions");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The actions that write need a store. */
static void
update_actions (ShoreBudgetPage *self)
{
  static const char * const actions[] = {
    "budget.add-transaction", "budget.delete-selected", "budget.import-bill", "budget.export-transactions",
    "budget.set-budgets", "budget.add-recurring", "budget.record-upcoming", "budget.ledger-settings",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], self->store != NULL);
}

/* ---- GObject ----------------------------------------------------------- */

static void
shore_budget_page_dispose (GObject *object)
{
  ShoreBudgetPage *self = SHORE_BUDGET_PAGE (object);

  g_clear_handle_id (&self->reports_idle, g_source_remove);
  if (self->last_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->last_toast), (gpointer *) &self->last_toast);
  self->last_toast = NULL;
  /* As on the Debts page: the bin drops the stack before the template does. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHORE_TYPE_BUDGET_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->transactions);
  g_clear_object (&self->store);
  g_clear_pointer (&self->upcoming, g_array_unref);
  g_clear_pointer (&self->recurring, g_array_unref);
  g_clear_pointer (&self->filter_accounts, g_array_unref);
  g_clear_pointer (&self->filter_categories, g_array_unref);

  G_OBJECT_CLASS (shore_budget_page_parent_class)->dispose (object);
}

static void
shore_budget_page_class_init (ShoreBudgetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shore_budget_page_dispose;

  /**
   * ShoreBudgetPage::changed:
   *
   * Emitted after the page wrote to the store (loans may have been paid).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (SHORE_TYPE_REPORT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/shore-budget-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, sections_stack);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, month_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, income_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, spending_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, budget_left_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, budget_left_card);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, available_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, available_note_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, available_card);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, debt_paid_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, debt_due_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, debt_due_card);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, budgets_list);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, recurring_list);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, reports_box);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, category_report);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, trend_report);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, account_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, flow_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, transactions_stack);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, transactions_view);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetPage, footer_label);
  shore_budget_page_class_init_transactions (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, on_recurring_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "budget.set-budgets", NULL, set_budgets_action);
  gtk_widget_class_install_action (widget_class, "budget.add-recurring", NULL, add_recurring_action);
  gtk_widget_class_install_action (widget_class, "budget.record-upcoming", "u", record_upcoming_action);
  gtk_widget_class_install_action (widget_class, "budget.ledger-settings", NULL, ledger_settings_action);
  gtk_widget_class_install_action (widget_class, "budget.previous-month", NULL, previous_month_action);
  gtk_widget_class_install_action (widget_class, "budget.next-month", NULL, next_month_action);
  gtk_widget_class_install_action (widget_class, "budget.this-month", NULL, this_month_action);
  gtk_widget_class_install_action (widget_class, "budget.search", NULL, search_action);
}

static void
shore_budget_page_init (ShoreBudgetPage *self)
{
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));

  shore_ui_get_today (&today);
  self->year = g_date_get_year (&today);
  self->month = g_date_get_month (&today);
  update_month_label (self);

  shore_report_view_set_label (self->category_report, _("Spending by category this month"));
  shore_report_view_set_label (self->trend_report, _("Income, spending and debt repayments in the last 12 months"));

  shore_budget_page_init_transactions (self);

  gtk_stack_set_visible_child_name (self->stack, "content");
  update_actions (self);
}

/* ---- Public API -------------------------------------------------------- */

void
shore_budget_page_set_store (ShoreBudgetPage *self,
                             ShoreStore      *store)
{
  ShoreTxnFilter everything;

  g_return_if_fail (SHORE_IS_BUDGET_PAGE (self));
  g_return_if_fail (store == NULL || SHORE_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  gtk_list_view_set_model (self->transactions_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->transactions);

  if (store != NULL)
    {
      shore_txn_filter_init (&everything);
      self->transactions = shore_transaction_list_new (store, &everything);
      shore_txn_filter_clear (&everything);
      self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->transactions)));
      shore_budget_page_attach_list_if_shown (self);
    }

  update_actions (self);

  shore_budget_page_reload (self);
}

void
shore_budget_page_reload (ShoreBudgetPage *self)
{
  g_return_if_fail (SHORE_IS_BUDGET_PAGE (self));

  update_month_label (self);
  if (self->store == NULL)
    return;

  update_summary (self);
  update_budgets (self);
  update_upcoming (self);
  update_recurring (self);
  /* The charts are below the fold: they follow once the page has been drawn. */
  if (self->reports_idle == 0)
    self->reports_idle = g_idle_add_full (G_PRIORITY_LOW, update_reports_idle, self, NULL);
  shore_budget_page_update_transactions (self);
}

void
shore_budget_page_set_month (ShoreBudgetPage *self,
                             int              year,
                             int              month)
{
  g_return_if_fail (SHORE_IS_BUDGET_PAGE (self));
  g_return_if_fail (month >= 1 && month <= 12);
  g_return_if_fail (year >= 1 && year <= 9999);

  if (self->year == year && self->month == month)
    return;

  self->year = year;
  self->month = month;
  shore_budget_page_reload (self);
}
