/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-recurring-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shore-debts.h"
#include "shore-loan.h"
#include "shore-money.h"

#include "shore-recurring-dialog.h"
#include "shore-ui-util.h"

struct _ShoreRecurringDialog
{
  AdwWindow       parent_instance;

  ShoreStore     *store;
  ShoreRecurring  original;      /* id 0 when adding */
  GPtrArray      *accounts;      /* ShoreAccount*: the rows of account_row */
  GPtrArray      *categories;    /* ShoreCategory*: category_row is "None" + these */
  GArray         *loan_ids;      /* gint64: the rows of loan_row */
  ShoreCategoryKind category_kind;

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  GtkButton      *delete_button;
  GtkLabel       *error_label;
  AdwComboRow    *kind_row;
  AdwEntryRow    *amount_row;
  GtkSpinButton  *day_spin;
  AdwComboRow    *loan_row;
  AdwComboRow    *account_row;
  AdwComboRow    *category_row;
  AdwEntryRow    *payee_row;
  AdwEntryRow    *note_row;
  AdwEntryRow    *start_row;
  AdwEntryRow    *end_row;
};

G_DEFINE_FINAL_TYPE (ShoreRecurringDialog, shore_recurring_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_date_text (AdwEntryRow *row,
               const GDate *date)
{
  g_autofree char *text = g_date_valid (date) ? shore_date_format_iso (date) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
clear_errors (ShoreRecurringDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->amount_row), GTK_WIDGET (self->account_row), GTK_WIDGET (self->loan_row),
    GTK_WIDGET (self->start_row), GTK_WIDGET (self->end_row),
  };

  shore_ui_clear_errors (self->error_label, rows, G_N_ELEMENTS (rows));
}

static void
show_error (ShoreRecurringDialog *self,
            GtkWidget            *row,
            const GError         *error)
{
  clear_errors (self);
  shore_ui_show_error (self->error_label, row, error);
}

static ShoreRecurringKind
get_kind (ShoreRecurringDialog *self)
{
  return (ShoreRecurringKind) adw_combo_row_get_selected (self->kind_row);
}

static gint64
get_category_id (ShoreRecurringDialog *self)
{
  return shore_ui_category_row_get_selected (self->category_row, self->categories);
}

static void
load_categories (ShoreRecurringDialog *self)
{
  ShoreCategoryKind kind = get_kind (self) == SHORE_RECURRING_INCOME ? SHORE_CATEGORY_INCOME : SHORE_CATEGORY_EXPENSE;
  gint64 selected;

  if (self->categories != NULL && kind == self->category_kind)
    return;

  selected = get_category_id (self);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  self->category_kind = kind;
  self->categories = shore_ledger_list_categories (self->store, kind, FALSE, NULL);
  if (self->categories == NULL)
    self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) shore_category_free);

  /* Translators: no category chosen */
  shore_ui_category_row_set_model (self->category_row, self->categories, C_("category", "None"));
  shore_ui_category_row_select (self->category_row, self->categories, selected);
}

static void
on_field_changed_cb (ShoreRecurringDialog *self)
{
  gboolean repayment = get_kind (self) == SHORE_RECURRING_REPAYMENT;

  clear_errors (self);
  if (self->store == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->loan_row), repayment);
  load_categories (self);
}

static gboolean
read_item (ShoreRecurringDialog *self,
           ShoreRecurring       *item,
           GtkWidget           **row,
           GError              **error)
{
  g_autofree char *amount = shore_ui_get_stripped_text (GTK_EDITABLE (self->amount_row));
  g_autofree char *start = shore_ui_get_stripped_text (GTK_EDITABLE (self->start_row));
  g_autofree char *end = shore_ui_get_stripped_text (GTK_EDITABLE (self->end_row));
  guint account = adw_combo_row_get_selected (self->account_row);
  guint loan = adw_combo_row_get_selected (self->loan_row);

  item->id = self->original.id;
  item->last_posted = self->original.last_posted;
  item->kind = get_kind (self);
  item->day_of_month = gtk_spin_button_get_value_as_int (self->day_spin);
  item->payee = shore_ui_get_stripped_text (GTK_EDITABLE (self->payee_row));
  item->note = shore_ui_get_stripped_text (GTK_EDITABLE (self->note_row));
  item->category_id = get_category_id (self);
  item->account_id = account < self->accounts->len ? ((ShoreAccount *) g_ptr_array_index (self->accounts, account))->id : 0;
  item->loan_id = item->kind == SHORE_RECURRING_REPAYMENT && loan < self->loan_ids->len
                  ? g_array_index (self->loan_ids, gint64, loan) : 0;

  *row = GTK_WIDGET (self->amount_row);
  if (!shore_money_parse (amount, &item->amount, error))
    return FALSE;
  if (item->amount <= 0)
    {
      g_set_error_literal (error, SHORE_MONEY_ERROR, SHORE_MONEY_ERROR_INVALID, _("Type an amount above zero"));
      return FALSE;
    }

  *row = GTK_WIDGET (self->account_row);
  if (item->account_id == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Choose an account"));
      return FALSE;
    }

  *row = GTK_WIDGET (self->loan_row);
  if (item->kind == SHORE_RECURRING_REPAYMENT && item->loan_id == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A repayment needs a loan: add the loan on the Debts page first"));
      return FALSE;
    }

  *row = GTK_WIDGET (self->start_row);
  if (!shore_date_parse (start, &item->start_date, error))
    return FALSE;

  *row = GTK_WIDGET (self->end_row);
  g_date_clear (&item->end_date, 1);
  if (*end != '\0')
    {
      if (!shore_date_parse (end, &item->end_date, error))
        return FALSE;
      if (g_date_compare (&item->end_date, &item->start_date) < 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("The end date is before the start date"));
          return FALSE;
        }
    }

  *row = NULL;
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShoreRecurringDialog *self = SHORE_RECURRING_DIALOG (widget);
  ShoreRecurring item = { 0 };
  g_autoptr(GError) error = NULL;
  GtkWidget *row = NULL;
  gboolean ok;

  ok = read_item (self, &item, &row, &error);
  if (ok)
    {
      if (item.id != 0)
        ok = shore_ledger_update_recurring (self->store, &item, &error);
      else
        ok = shore_ledger_add_recurring (self->store, &item, &error);
    }

  if (!ok)
    {
      show_error (self, row, error);
      shore_recurring_clear (&item);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, item.id);
  shore_recurring_clear (&item);
  gtk_window_close (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShoreRecurringDialog *self = SHORE_RECURRING_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (self->original.id == 0)
    return;

  if (!shore_ledger_delete_recurring (self->store, self->original.id, &error))
    {
      show_error (self, NULL, error);
      return;
    }

  g_signal_emit (self, signals[DELETED], 0, (gconstpointer) &self->original);
  gtk_window_close (GTK_WINDOW (self));
}

static void
load_choices (ShoreRecurringDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) accounts = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) loans = gtk_string_list_new (NULL);
  GDate today;

  /* In the order of ShoreRecurringKind. */
  gtk_string_list_append (kinds, _("Income"));
  gtk_string_list_append (kinds, _("Spending"));
  gtk_string_list_append (kinds, _("Loan repayment"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  self->accounts = shore_ui_list_accounts (self->store, accounts);
  adw_combo_row_set_model (self->account_row, G_LIST_MODEL (accounts));

  self->loan_ids = shore_ui_list_loans (self->store, loans);
  adw_combo_row_set_model (self->loan_row, G_LIST_MODEL (loans));

  shore_ui_get_today (&today);

  set_date_text (self->start_row, &today);
  gtk_spin_button_set_value (self->day_spin, g_date_get_day (&today));
  adw_combo_row_set_selected (self->kind_row, SHORE_RECURRING_EXPENSE);
}

static void
load_item (ShoreRecurringDialog *self,
           const ShoreRecurring *item)
{
  g_autofree char *amount = shore_money_format_plain (item->amount);

  self->original = *item;
  self->original.payee = g_strdup (item->payee);
  self->original.note = g_strdup (item->note);

  adw_combo_row_set_selected (self->kind_row, item->kind);
  on_field_changed_cb (self);
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
  gtk_spin_button_set_value (self->day_spin, item->day_of_month);
  for (guint i = 0; i < self->accounts->len; i++)
    {
      if (((ShoreAccount *) g_ptr_array_index (self->accounts, i))->id == item->account_id)
        adw_combo_row_set_selected (self->account_row, i);
    }
  for (guint i = 0; i < self->loan_ids->len; i++)
    {
      if (g_array_index (self->loan_ids, gint64, i) == item->loan_id)
        adw_combo_row_set_selected (self->loan_row, i);
    }
  shore_ui_category_row_select (self->category_row, self->categories, item->category_id);
  gtk_editable_set_text (GTK_EDITABLE (self->payee_row), item->payee != NULL ? item->payee : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), item->note != NULL ? item->note : "");
  set_date_text (self->start_row, &item->start_date);
  set_date_text (self->end_row, &item->end_date);
}

static void
shore_recurring_dialog_dispose (GObject *object)
{
  ShoreRecurringDialog *self = SHORE_RECURRING_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHORE_TYPE_RECURRING_DIALOG);
  g_clear_object (&self->store);
  shore_recurring_clear (&self->original);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->loan_ids, g_array_unref);

  G_OBJECT_CLASS (shore_recurring_dialog_parent_class)->dispose (object);
}

static void
shore_recurring_dialog_class_init (ShoreRecurringDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shore_recurring_dialog_dispose;

  /**
   * ShoreRecurringDialog::saved:
   * @id: the id of the recurring item added or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * ShoreRecurringDialog::deleted:
   * @item: (type gpointer): the const ShoreRecurring * deleted, valid during the emission
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/shore-recurring-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoreRecurringDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShoreRecurringDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreRecurringDialog, delete_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreRecurringDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreRecurringDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreRecurringDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreRecurringDialog, day_spin);
  gtk_widget_class_bind_template_child (widget_class, ShoreRecurringDialog, loan_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreRecurringDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreRecurringDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreRecurringDialog, payee_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreRecurringDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreRecurringDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreRecurringDialog, end_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "recurring.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "recurring.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shore_recurring_dialog_init (ShoreRecurringDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_date_clear (&self->original.start_date, 1);
  g_date_clear (&self->original.end_date, 1);
  g_date_clear (&self->original.last_posted, 1);
}

ShoreRecurringDialog *
shore_recurring_dialog_new (GtkWindow            *parent,
                            ShoreStore           *store,
                            const ShoreRecurring *item)
{
  ShoreRecurringDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);

  self = g_object_new (SHORE_TYPE_RECURRING_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  load_choices (self);
  on_field_changed_cb (self);

  if (item != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Recurring Item"));
      adw_window_title_set_title (self->window_title, _("Edit Recurring Item"));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_widget_set_visible (GTK_WIDGET (self->delete_button), TRUE);
      load_item (self, item);
    }

  clear_errors (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
  return self;
}
