/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-loan-view"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "shore-apr.h"
#include "shore-money.h"
#include "shore-schedule.h"

#include "shore-loan-view.h"
#include "shore-ui-util.h"

typedef enum {
  COLUMN_PERIOD,
  COLUMN_DUE_DATE,
  COLUMN_PAYMENT,
  COLUMN_PRINCIPAL,
  COLUMN_INTEREST,
  COLUMN_BALANCE,
} Column;

struct _ShoreLoanView
{
  AdwBin          parent_instance;

  ShoreDebt      *debt;
  ShoreSchedule  *schedule;

  GtkLabel       *title_label;
  AdwActionRow   *state_row;
  GtkLabel       *state_pill;
  GtkLabel       *next_due_value;
  GtkLabel       *owed_value;
  AdwActionRow   *overdue_row;
  GtkLabel       *overdue_value;
  GtkLabel       *paid_value;
  GtkLabel       *principal_value;
  GtkLabel       *rate_value;
  GtkLabel       *apr_value;
  GtkLabel       *method_value;
  GtkLabel       *lender_type_value;
  GtkLabel       *start_value;
  GtkColumnView  *schedule_view;
  GtkListBox     *payments_list;
};

G_DEFINE_FINAL_TYPE (ShoreLoanView, shore_loan_view, ADW_TYPE_BIN)

static char *
format_installment_cell (const ShoreInstallment *installment,
                         Column                  column)
{
  switch (column)
    {
    case COLUMN_PERIOD:
      return g_strdup_printf ("%d", installment->period);
    case COLUMN_DUE_DATE:
      return shore_date_format_iso (&installment->due_date);
    case COLUMN_PAYMENT:
      return shore_money_format (installment->payment);
    case COLUMN_PRINCIPAL:
      return shore_money_format (installment->principal);
    case COLUMN_INTEREST:
      return shore_money_format (installment->interest);
    case COLUMN_BALANCE:
      return shore_money_format (installment->balance);
    default:
      g_assert_not_reached ();
    }
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  ShoreLoanView            *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_DUE_DATE ? 0.0f : 1.0f);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 ShoreLoanView            *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  guint index = (guint) strtoul (gtk_string_object_get_string (item), NULL, 10);
  g_autofree char *text = NULL;

  if (self->schedule == NULL || index >= self->schedule->installments->len)
    return;

  text = format_installment_cell (&g_array_index (self->schedule->installments, ShoreInstallment, index), column);
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static void
add_column (ShoreLoanView *self,
            Column         column,
            const char    *title)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), self);

  view_column = gtk_column_view_column_new (title, factory);
  /* Titles sit at the start of their column: keeping the money columns
   * narrow keeps them above their right-aligned figures. */
  gtk_column_view_column_set_expand (view_column, column == COLUMN_DUE_DATE);
  gtk_column_view_append_column (self->schedule_view, view_column);
  g_object_unref (view_column);
}

static void
update_schedule (ShoreLoanView *self)
{
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  GtkNoSelection *selection;
  GArray *payments;

  g_clear_pointer (&self->schedule, shore_schedule_free);

  if (self->debt != NULL)
    {
      payments = shore_debt_get_payments (self->debt);
      self->schedule = shore_schedule_with_payments (shore_debt_get_loan (self->debt),
                                                     payments != NULL ? (const ShorePayment *) payments->data : NULL,
                                                     payments != NULL ? payments->len : 0,
                                                     &error);
      if (self->schedule == NULL)
        g_warning ("Could not compute the schedule of loan %" G_GINT64_FORMAT ": %s",
                   shore_debt_get_id (self->debt), error->message);
    }

  for (guint i = 0; self->schedule != NULL && i < self->schedule->installments->len; i++)
    {
      g_autofree char *index = g_strdup_printf ("%u", i);

      gtk_string_list_append (rows, index);
    }

  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (self->schedule_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

static GtkWidget *
create_payment_row (const ShorePayment *payment)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *amount = gtk_label_new (NULL);
  GtkWidget *delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *date = shore_date_format_iso (&payment->date);
  g_autofree char *money = shore_money_format (payment->amount);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
  gtk_label_set_label (GTK_LABEL (amount), money);
  gtk_widget_add_css_class (amount, "numeric");
  gtk_widget_set_valign (amount, GTK_ALIGN_CENTER);

  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete_button, "flat");
  gtk_widget_set_tooltip_text (delete_button, _("Delete This Payment"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete this payment"),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "debts.delete-payment");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete_button), "x", payment->id);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);

  return row;
}

static void
update_payments (ShoreLoanView *self)
{
  GtkListBoxRow *row;
  GArray *payments;

  while ((row = gtk_list_box_get_row_at_index (self->payments_list, 0)) != NULL)
    gtk_list_box_remove (self->payments_list, GTK_WIDGET (row));

  if (self->debt == NULL)
    return;

  /* Newest first: the one just recorded is the one people look for. */
  payments = shore_debt_get_payments (self->debt);
  for (guint i = payments != NULL ? payments->len : 0; i > 0; i--)
    gtk_list_box_append (self->payments_list, create_payment_row (&g_array_index (payments, ShorePayment, i - 1)));
}

static void
update_status (ShoreLoanView *self)
{
  const ShoreLoanStatus *status = shore_debt_get_status (self->debt);
  g_autofree char *summary = NULL;
  g_autofree char *owed = shore_money_format (status->owed_total);
  g_autofree char *paid = shore_money_format (status->paid_total);
  g_autofree char *overdue = shore_money_format (status->overdue_amount);
  g_autofree char *next = NULL;

  g_object_get (self->debt, "summary", &summary, NULL);
  adw_action_row_set_subtitle (self->state_row, summary != NULL ? summary : "");
  shore_ui_set_state_pill (self->state_pill, status->state);

  if (g_date_valid (&status->next_due_date))
    {
      g_autofree char *amount = shore_money_format (status->next_due_amount);
      g_autofree char *date = shore_date_format_iso (&status->next_due_date);

      /* Translators: the next payment; the first %s is an amount, the second a date (2026-12-15) */
      next = g_strdup_printf (_("%s on %s"), amount, date);
    }
  else
    next = g_strdup (C_("no next payment", "None"));
  gtk_label_set_label (self->next_due_value, next);

  gtk_label_set_label (self->owed_value, owed);
  gtk_label_set_label (self->paid_value, paid);
  gtk_label_set_label (self->overdue_value, overdue);

  if (status->overdue_installments > 0)
    {
      g_autofree char *subtitle = NULL;

      /* Translators: %d is a number of days */
      subtitle = g_strdup_printf (ngettext ("The oldest unpaid installment is %d day late",
                                            "The oldest unpaid installment is %d days late",
                                            status->days_overdue),
                                  status->days_overdue);
      adw_action_row_set_subtitle (self->overdue_row, subtitle);
      gtk_widget_add_css_class (GTK_WIDGET (self->overdue_value), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->overdue_value), "heading");
    }
  else
    {
      adw_action_row_set_subtitle (self->overdue_row, _("Nothing is overdue"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->overdue_value), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->overdue_value), "heading");
    }
}

static char *
describe_rate (const ShoreLoan *loan)
{
  g_autofree char *rate = shore_rate_format (&loan->rate);
  g_autofree char *fee = NULL;

  if (!loan->has_monthly_fee_rate)
    return g_steal_pointer (&rate);

  /* A fee is not an interest rate: show it as a fee, never through shore_rate_format(). */
  fee = shore_rate_format_percent (&loan->monthly_fee_rate, SHORE_RATE_MONTHLY, 2);
  if (loan->rate.value == 0)
    /* Translators: %s is a percentage number such as 0.60; the fee is charged every month on the original amount (月费率) */
    return g_strdup_printf (_("A monthly fee of %s%% on the amount borrowed"), fee);

  /* Translators: the first %s is an interest rate such as “0.05% a day”, the second a percentage number such as 0.60 (月费率) */
  return g_strdup_printf (_("%s, plus a monthly fee of %s%% on the amount borrowed"), rate, fee);
}

static void
update_terms (ShoreLoanView *self)
{
  const ShoreLoan *loan = shore_debt_get_loan (self->debt);
  g_autofree char *principal = shore_money_format (loan->principal);
  g_autofree char *rate = describe_rate (loan);
  g_autofree char *start = shore_date_format_iso (&loan->start_date);
  g_autofree char *apr = NULL;
  g_autoptr(GError) error = NULL;
  ShoreTrueCost cost;

  gtk_label_set_label (self->title_label, loan->lender);
  gtk_label_set_label (self->principal_value, principal);
  gtk_label_set_label (self->rate_value, rate);
  gtk_label_set_label (self->method_value, shore_method_get_label (loan->method));
  gtk_label_set_label (self->lender_type_value, shore_lender_type_get_label (loan->lender_type));
  gtk_label_set_label (self->start_value, start);

  if (shore_apr_for_loan (loan, &cost, &error))
    {
      g_autofree char *simple = shore_apr_format_percent (cost.apr_simple, 2);
      g_autofree char *compound = shore_apr_format_percent (cost.apr_compound, 2);

      /* Translators: the real annual rate, simple then compound, e.g. “18.00% (compound 19.56%)”; %% is a percent sign */
      apr = g_strdup_printf (_("%s%% (compound %s%%)"), simple, compound);
    }
  else
    apr = g_strdup (error->message);
  gtk_label_set_label (self->apr_value, apr);
}

static void
shore_loan_view_dispose (GObject *object)
{
  ShoreLoanView *self = SHORE_LOAN_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHORE_TYPE_LOAN_VIEW);
  g_clear_object (&self->debt);
  g_clear_pointer (&self->schedule, shore_schedule_free);

  G_OBJECT_CLASS (shore_loan_view_parent_class)->dispose (object);
}

static void
shore_loan_view_class_init (ShoreLoanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shore_loan_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/shore-loan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanView, title_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanView, state_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanView, state_pill);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanView, next_due_value);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanView, owed_value);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanView, overdue_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanView, overdue_value);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanView, paid_value);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanView, principal_value);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanView, rate_value);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanView, apr_value);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanView, method_value);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanView, lender_type_value);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanView, start_value);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanView, schedule_view);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanView, payments_list);
}

static void
shore_loan_view_init (ShoreLoanView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_column (self, COLUMN_PERIOD, C_("schedule column", "No."));
  add_column (self, COLUMN_DUE_DATE, C_("schedule column", "Due date"));
  add_column (self, COLUMN_PAYMENT, C_("schedule column", "Payment"));
  add_column (self, COLUMN_PRINCIPAL, C_("schedule column", "Principal"));
  add_column (self, COLUMN_INTEREST, C_("schedule column", "Interest"));
  add_column (self, COLUMN_BALANCE, C_("schedule column", "Balance"));
}

void
shore_loan_view_set_debt (ShoreLoanView *self,
                          ShoreDebt     *debt)
{
  g_return_if_fail (SHORE_IS_LOAN_VIEW (self));
  g_return_if_fail (debt == NULL || SHORE_IS_DEBT (debt));

  g_set_object (&self->debt, debt);
  if (self->debt != NULL)
    {
      update_terms (self);
      update_status (self);
    }
  update_schedule (self);
  update_payments (self);
}

ShoreDebt *
shore_loan_view_get_debt (ShoreLoanView *self)
{
  g_return_val_if_fail (SHORE_IS_LOAN_VIEW (self), NULL);

  return self->debt;
}
