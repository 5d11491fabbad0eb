/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-payment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shore-money.h"

#include "shore-payment-dialog.h"
#include "shore-ui-util.h"

struct _ShorePaymentDialog
{
  AdwWindow             parent_instance;

  ShoreStore           *store;
  gint64                loan_id;

  AdwWindowTitle       *window_title;
  GtkButton            *save_button;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *group;
  AdwEntryRow          *amount_row;
  AdwEntryRow          *date_row;
  GtkMenuButton        *date_button;
  GtkCalendar          *date_calendar;
};

G_DEFINE_FINAL_TYPE (ShorePaymentDialog, shore_payment_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_errors (ShorePaymentDialog *self)
{
  GtkWidget *rows[] = { GTK_WIDGET (self->amount_row), GTK_WIDGET (self->date_row) };

  shore_ui_clear_errors (self->error_label, rows, G_N_ELEMENTS (rows));
}

static void
show_error (ShorePaymentDialog *self,
            GtkWidget          *row,
            const GError       *error)
{
  clear_errors (self);
  shore_ui_show_error (self->error_label, row, error);
}

static void
on_field_changed_cb (ShorePaymentDialog *self)
{
  clear_errors (self);
}

static void
on_date_calendar_day_selected_cb (ShorePaymentDialog *self,
                                  GtkCalendar        *calendar)
{
  shore_ui_calendar_to_entry (calendar, GTK_EDITABLE (self->date_row), self->date_button);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShorePaymentDialog *self = SHORE_PAYMENT_DIALOG (widget);
  g_autofree char *amount = shore_ui_get_stripped_text (GTK_EDITABLE (self->amount_row));
  g_autofree char *date = shore_ui_get_stripped_text (GTK_EDITABLE (self->date_row));
  g_autoptr(GError) error = NULL;
  ShorePayment payment = { 0 };

  if (!shore_money_parse (amount, &payment.amount, &error))
    {
      show_error (self, GTK_WIDGET (self->amount_row), error);
      return;
    }

  if (!shore_date_parse (date, &payment.date, &error))
    {
      show_error (self, GTK_WIDGET (self->date_row), error);
      return;
    }

  if (!shore_debts_add_payment (self->store, self->loan_id, &payment, &error))
    {
      show_error (self, NULL, error);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, payment.id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
shore_payment_dialog_dispose (GObject *object)
{
  ShorePaymentDialog *self = SHORE_PAYMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHORE_TYPE_PAYMENT_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (shore_payment_dialog_parent_class)->dispose (object);
}

static void
shore_payment_dialog_class_init (ShorePaymentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shore_payment_dialog_dispose;

  /**
   * ShorePaymentDialog::saved:
   * @payment_id: the id of the payment recorded
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/shore-payment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShorePaymentDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShorePaymentDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ShorePaymentDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShorePaymentDialog, group);
  gtk_widget_class_bind_template_child (widget_class, ShorePaymentDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, ShorePaymentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ShorePaymentDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, ShorePaymentDialog, date_calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_calendar_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "payment.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shore_payment_dialog_init (ShorePaymentDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
}

ShorePaymentDialog *
shore_payment_dialog_new (GtkWindow  *parent,
                          ShoreStore *store,
                          ShoreDebt  *debt)
{
  ShorePaymentDialog *self;
  const ShoreLoanStatus *status;
  const ShoreLoan *loan;
  g_autofree char *description = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (SHORE_IS_DEBT (debt), NULL);

  self = g_object_new (SHORE_TYPE_PAYMENT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->loan_id = shore_debt_get_id (debt);
  status = shore_debt_get_status (debt);
  loan = shore_debt_get_loan (debt);

  adw_window_title_set_subtitle (self->window_title, loan->lender);

  if (status->next_due_amount > 0 && g_date_valid (&status->next_due_date))
    {
      g_autofree char *amount = shore_money_format (status->next_due_amount);
      g_autofree char *plain = shore_money_format_plain (status->next_due_amount);
      g_autofree char *date = shore_date_format_iso (&status->next_due_date);
      g_autofree char *text = NULL;

      /* Translators: the first %s is an amount, the second a date (2026-12-15) */
      text = g_strdup_printf (_("The next installment is %s, due on %s. Paying more repays principal early, so less interest runs from then on."),
                              amount, date);
      description = g_markup_escape_text (text, -1);
      gtk_editable_set_text (GTK_EDITABLE (self->amount_row), plain);
    }
  if (description != NULL)
    adw_preferences_group_set_description (self->group, description);

  return self;
}
