/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-transaction-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shore-debts.h"
#include "shore-ledger.h"
#include "shore-loan.h"
#include "shore-money.h"

#include "shore-transaction-dialog.h"
#include "shore-ui-util.h"

typedef enum {
  KIND_SPENDING,
  KIND_INCOME,
  KIND_TRANSFER,
} Kind;

struct _ShoreTransactionDialog
{
  AdwWindow        parent_instance;

  ShoreStore      *store;
  ShoreTxnData     original;       /* id 0 when adding */
  gint64           peer_id;        /* the other half of a transfer being edited */
  GPtrArray       *accounts;       /* ShoreAccount*, the rows of account_row and to_account_row */
  GPtrArray       *categories;     /* ShoreCategory*, of the kind shown; category_row is "None" + these */
  GArray          *loan_ids;       /* gint64; loan_row is "None" + these */
  gint64           debt_category_id;

  AdwWindowTitle  *window_title;
  GtkButton       *save_button;
  GtkLabel        *error_label;
  GtkToggleButton *spending_button;
  GtkToggleButton *income_button;
  GtkToggleButton *transfer_button;
  AdwEntryRow     *amount_row;
  AdwEntryRow     *date_row;
  GtkMenuButton   *date_button;
  GtkCalendar     *date_calendar;
  AdwComboRow     *account_row;
  AdwComboRow     *to_account_row;
  AdwComboRow     *category_row;
  AdwEntryRow     *payee_row;
  AdwEntryRow     *note_row;
  AdwComboRow     *loan_row;
};

G_DEFINE_FINAL_TYPE (ShoreTransactionDialog, shore_transaction_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static Kind
get_kind (ShoreTransactionDialog *self)
{
  if (gtk_toggle_button_get_active (self->income_button))
    return KIND_INCOME;
  if (gtk_toggle_button_get_active (self->transfer_button))
    return KIND_TRANSFER;
  return KIND_SPENDING;
}

static void
clear_errors (ShoreTransactionDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->amount_row), GTK_WIDGET (self->date_row),
    GTK_WIDGET (self->account_row), GTK_WIDGET (self->to_account_row), GTK_WIDGET (self->category_row),
  };

  shore_ui_clear_errors (self->error_label, rows, G_N_ELEMENTS (rows));
}

static void
show_error (ShoreTransactionDialog *self,
            GtkWidget              *row,
            const GError           *error)
{
  clear_errors (self);
  shore_ui_show_error (self->error_label, row, error);
}

static gint64
get_account_id (ShoreTransactionDialog *self,
                AdwComboRow            *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->accounts->len)
    return 0;
  return ((ShoreAccount *) g_ptr_array_index (self->accounts, selected))->id;
}

static void
select_account (ShoreTransactionDialog *self,
                AdwComboRow            *row,
                gint64                  account_id)
{
  for (guint i = 0; i < self->accounts->len; i++)
    {
      if (((ShoreAccount *) g_ptr_array_index (self->accounts, i))->id == account_id)
        adw_combo_row_set_selected (row, i);
    }
}

static gint64
get_category_id (ShoreTransactionDialog *self)
{
  return shore_ui_category_row_get_selected (self->category_row, self->categories);
}

static void
select_category (ShoreTransactionDialog *self,
                 gint64                  category_id)
{
  shore_ui_category_row_select (self->category_row, self->categories, category_id);
}

static gint64
get_loan_id (ShoreTransactionDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->loan_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > self->loan_ids->len)
    return 0;
  return g_array_index (self->loan_ids, gint64, selected - 1);
}

static void
select_loan (ShoreTransactionDialog *self,
             gint64                  loan_id)
{
  adw_combo_row_set_selected (self->loan_row, 0);
  for (guint i = 0; i < self->loan_ids->len; i++)
    {
      if (g_array_index (self->loan_ids, gint64, i) == loan_id)
        adw_combo_row_set_selected (self->loan_row, i + 1);
    }
}

/* Fills category_row with the categories that fit the kind, keeping the choice if it still fits. */
static void
load_categories (ShoreTransactionDialog *self)
{
  gint64 selected = get_category_id (self);
  Kind kind = get_kind (self);

  g_clear_pointer (&self->categories, g_ptr_array_unref);
  if (kind == KIND_TRANSFER)
    self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) shore_category_free);
  else
    self->categories = shore_ledger_list_categories (self->store,
                                                     kind == KIND_INCOME ? SHORE_CATEGORY_INCOME : SHORE_CATEGORY_EXPENSE,
                                                     FALSE, NULL);
  if (self->categories == NULL)
    self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) shore_category_free);

  /* Translators: no category chosen for a transaction */
  shore_ui_category_row_set_model (self->category_row, self->categories, C_("category", "None"));
  select_category (self, selected);
}

static void
update_kind (ShoreTransactionDialog *self)
{
  Kind kind = get_kind (self);

  gtk_widget_set_visible (GTK_WIDGET (self->to_account_row), kind == KIND_TRANSFER);
  gtk_widget_set_visible (GTK_WIDGET (self->category_row), kind != KIND_TRANSFER);
  gtk_widget_set_visible (GTK_WIDGET (self->payee_row), kind != KIND_TRANSFER);
  gtk_widget_set_visible (GTK_WIDGET (self->loan_row), kind != KIND_TRANSFER && self->loan_ids->len > 0);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row),
                                 kind == KIND_TRANSFER ? _("_From account") : _("Acc_ount"));
  load_categories (self);
  clear_errors (self);
}

static void
on_kind_toggled_cb (ShoreTransactionDialog *self,
                    GtkToggleButton        *button)
{
  if (gtk_toggle_button_get_active (button))
    update_kind (self);
}

static void
on_field_changed_cb (ShoreTransactionDialog *self)
{
  clear_errors (self);
}

/* A repayment to a loan goes under “Debt repayments” unless a category was chosen. */
static void
on_loan_selected_cb (ShoreTransactionDialog *self)
{
  clear_errors (self);
  if (get_loan_id (self) != 0 && get_kind (self) == KIND_SPENDING && get_category_id (self) == 0)
    select_category (self, self->debt_category_id);
}

static void
on_date_calendar_day_selected_cb (ShoreTransactionDialog *self,
                                  GtkCalendar            *calendar)
{
  shore_ui_calendar_to_entry (calendar, GTK_EDITABLE (self->date_row), self->date_button);
}

static void
set_date (ShoreTransactionDialog *self,
          const GDate            *date)
{
  g_autofree char *text = shore_date_format_iso (date);
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                    g_date_get_day (date), 0, 0, 0);

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  g_signal_handlers_block_by_func (self->date_calendar, on_date_calendar_day_selected_cb, self);
  gtk_calendar_select_day (self->date_calendar, day);
  g_signal_handlers_unblock_by_func (self->date_calendar, on_date_calendar_day_selected_cb, self);
}

static gboolean
read_amount (ShoreTransactionDialog *self,
             gint64                 *out,
             GError                **error)
{
  g_autofree char *text = shore_ui_get_stripped_text (GTK_EDITABLE (self->amount_row));

  if (!shore_money_parse (text, out, error))
    return FALSE;
  if (*out <= 0)
    {
      g_set_error_literal (error, SHORE_MONEY_ERROR, SHORE_MONEY_ERROR_INVALID,
                           _("Type an amount above zero; choose Spending or Income for its direction"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_transfer (ShoreTransactionDialog *self,
               const GDate            *date,
               gint64                  amount,
               gint64                 *out_id,
               GError                **error)
{
  g_autofree char *note = shore_ui_get_stripped_text (GTK_EDITABLE (self->note_row));
  gint64 from = get_account_id (self, self->account_row);
  gint64 to = get_account_id (self, self->to_account_row);
  g_autoptr(GArray) deleted = NULL;

  if (self->original.id != 0)
    {
      gint64 ids[] = { self->original.id };

      /* A transfer is two rows: it is replaced whole, and put back if the new one fails. */
      if (!shore_ledger_delete_transactions (self->store, ids, 1, &deleted, error))
        return FALSE;
    }

  if (!shore_ledger_add_transfer (self->store, date, amount, from, to, note, out_id, NULL, error))
    {
      if (deleted != NULL)
        shore_ledger_restore_transactions (self->store, deleted, NULL);
      return FALSE;
    }

  return TRUE;
}

static gboolean
save_entry (ShoreTransactionDialog *self,
            const GDate            *date,
            gint64                  amount,
            gint64                 *out_id,
            GError                **error)
{
  ShoreTxnData data = self->original;
  gboolean ok;

  data.date = *date;
  data.amount = get_kind (self) == KIND_INCOME ? amount : -amount;
  data.account_id = get_account_id (self, self->account_row);
  data.category_id = get_category_id (self);
  data.loan_id = get_loan_id (self);
  data.payee = shore_ui_get_stripped_text (GTK_EDITABLE (self->payee_row));
  data.note = shore_ui_get_stripped_text (GTK_EDITABLE (self->note_row));

  if (self->original.id != 0)
    ok = shore_ledger_update_transaction (self->store, &data, error);
  else
    ok = shore_ledger_add_transaction (self->store, &data, error);
  *out_id = data.id;

  g_free (data.payee);
  g_free (data.note);
  return ok;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShoreTransactionDialog *self = SHORE_TRANSACTION_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *date_text = shore_ui_get_stripped_text (GTK_EDITABLE (self->date_row));
  gint64 amount = 0;
  gint64 id = 0;
  GDate date;
  gboolean ok;

  if (!read_amount (self, &amount, &error))
    {
      show_error (self, GTK_WIDGET (self->amount_row), error);
      return;
    }
  if (!shore_date_parse (date_text, &date, &error))
    {
      show_error (self, GTK_WIDGET (self->date_row), error);
      return;
    }
  if (get_account_id (self, self->account_row) == 0)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Choose an account"));
      show_error (self, GTK_WIDGET (self->account_row), error);
      return;
    }

  if (get_kind (self) == KIND_TRANSFER)
    {
      if (get_account_id (self, self->account_row) == get_account_id (self, self->to_account_row))
        {
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("A transfer needs two different accounts"));
          show_error (self, GTK_WIDGET (self->to_account_row), error);
          return;
        }
      ok = save_transfer (self, &date, amount, &id, &error);
    }
  else
    ok = save_entry (self, &date, amount, &id, &error);

  if (!ok)
    {
      show_error (self, NULL, error);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

/* Category rows show their icon: the combo's items are strings, the icons come from self->categories. */
static void
on_category_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_label_set_ellipsize (GTK_LABEL (gtk_widget_get_last_child (box)), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, box);
}

static void
on_category_bind_cb (ShoreTransactionDialog *self,
                     GtkListItem            *item,
                     GtkSignalListItemFactory *factory)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkStringObject *string = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);
  const char *icon = NULL;

  if (position >= 1 && position <= self->categories->len)
    icon = ((ShoreCategory *) g_ptr_array_index (self->categories, position - 1))->icon;

  gtk_image_set_from_icon_name (GTK_IMAGE (gtk_widget_get_first_child (box)), icon);
  gtk_widget_set_visible (gtk_widget_get_first_child (box), icon != NULL);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)), gtk_string_object_get_string (string));
}

static void
load_accounts (ShoreTransactionDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->accounts = shore_ui_list_accounts (self->store, names);
  adw_combo_row_set_model (self->account_row, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->to_account_row, G_LIST_MODEL (names));
  if (self->accounts->len > 1)
    adw_combo_row_set_selected (self->to_account_row, 1);
}

static void
load_loans (ShoreTransactionDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  /* Translators: no loan linked to a transaction */
  gtk_string_list_append (names, C_("loan", "None"));
  self->loan_ids = shore_ui_list_loans (self->store, names);
  adw_combo_row_set_model (self->loan_row, G_LIST_MODEL (names));
}

static void
load_transaction (ShoreTransactionDialog *self,
                  gint64                  id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *amount = NULL;
  ShoreTxnData peer = { 0 };

  if (!shore_ledger_get_transaction (self->store, id, &self->original, &error))
    {
      show_error (self, NULL, error);
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
      return;
    }

  amount = shore_money_format_plain (ABS (self->original.amount));
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
  set_date (self, &self->original.date);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), self->original.note != NULL ? self->original.note : "");

  if (self->original.transfer_peer_id != 0 &&
      shore_ledger_get_transaction (self->store, self->original.transfer_peer_id, &peer, NULL))
    {
      gboolean outgoing = self->original.amount < 0;

      gtk_toggle_button_set_active (self->transfer_button, TRUE);
      select_account (self, self->account_row, outgoing ? self->original.account_id : peer.account_id);
      select_account (self, self->to_account_row, outgoing ? peer.account_id : self->original.account_id);
      shore_txn_data_clear (&peer);
      return;
    }

  gtk_toggle_button_set_active (self->income_button, self->original.amount > 0);
  gtk_toggle_button_set_active (self->spending_button, self->original.amount < 0);
  update_kind (self);
  select_account (self, self->account_row, self->original.account_id);
  select_category (self, self->original.category_id);
  select_loan (self, self->original.loan_id);
  gtk_editable_set_text (GTK_EDITABLE (self->payee_row), self->original.payee != NULL ? self->original.payee : "");
}

static void
shore_transaction_dialog_dispose (GObject *object)
{
  ShoreTransactionDialog *self = SHORE_TRANSACTION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHORE_TYPE_TRANSACTION_DIALOG);
  g_clear_object (&self->store);
  shore_txn_data_clear (&self->original);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->loan_ids, g_array_unref);

  G_OBJECT_CLASS (shore_transaction_dialog_parent_class)->dispose (object);
}

static void
shore_transaction_dialog_class_init (ShoreTransactionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shore_transaction_dialog_dispose;

  /**
   * ShoreTransactionDialog::saved:
   * @id: the id of the transaction added or changed (of a transfer: its outgoing half)
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/shore-transaction-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoreTransactionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShoreTransactionDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreTransactionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreTransactionDialog, spending_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreTransactionDialog, income_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreTransactionDialog, transfer_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreTransactionDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreTransactionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreTransactionDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreTransactionDialog, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, ShoreTransactionDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreTransactionDialog, to_account_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreTransactionDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreTransactionDialog, payee_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreTransactionDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreTransactionDialog, loan_row);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_loan_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_calendar_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "transaction.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shore_transaction_dialog_init (ShoreTransactionDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (on_category_setup_cb), NULL);
  g_signal_connect_swapped (factory, "bind", G_CALLBACK (on_category_bind_cb), self);
  adw_combo_row_set_factory (self->category_row, factory);
}

ShoreTransactionDialog *
shore_transaction_dialog_new (GtkWindow  *parent,
                              ShoreStore *store,
                              gint64      transaction_id)
{
  ShoreTransactionDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);

  self = g_object_new (SHORE_TYPE_TRANSACTION_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->debt_category_id = shore_ledger_find_builtin (store, "debt", NULL);

  load_accounts (self);
  load_loans (self);
  update_kind (self);

  if (transaction_id != 0)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Transaction"));
      adw_window_title_set_title (self->window_title, _("Edit Transaction"));
      gtk_button_set_label (self->save_button, _("_Save"));
      load_transaction (self, transaction_id);
    }
  else
    {
      GDate today;

      shore_ui_get_today (&today);
      set_date (self, &today);
    }

  clear_errors (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
  return self;
}
