/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-debts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shore-debts.h"
#include "shore-money.h"

#include "shore-application.h"
#include "shore-debts-page.h"
#include "shore-ui-util.h"
#include "shore-loan-dialog.h"
#include "shore-loan-view.h"
#include "shore-offer-dialog.h"
#include "shore-payment-dialog.h"

struct _ShoreDebtsPage
{
  AdwBin         parent_instance;

  ShoreStore    *store;
  GListStore    *debts;
  AdwToast      *last_toast;    /* weak */

  GtkStack      *stack;
  GtkListBox    *list_box;
  GtkLabel      *total_owed_label;
  GtkLabel      *due_month_label;
  GtkLabel      *overdue_label;
  GtkWidget     *overdue_card;
  ShoreLoanView *loan_view;

  gboolean       watching_lead_days;
};

G_DEFINE_FINAL_TYPE (ShoreDebtsPage, shore_debts_page, ADW_TYPE_BIN)

/* What Undo needs to put back a deleted loan or payment. */
typedef struct
{
  ShoreDebtsPage *page;
  ShoreLoan      *loan;          /* a deleted loan, or NULL */
  GArray         *payments;
  gint64          loan_id;       /* a deleted payment's loan */
  ShorePayment    payment;
} UndoData;

static void
undo_data_free (gpointer  data,
                GClosure *closure)
{
  UndoData *undo = data;

  g_clear_object (&undo->page);
  g_clear_pointer (&undo->loan, shore_loan_free);
  g_clear_pointer (&undo->payments, g_array_unref);
  g_free (undo);
}

static GtkWindow *
get_parent_window (ShoreDebtsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The app's "reminder-lead-days" setting, or 3 when the page is not (yet) in
 * a window of the application. */
static int
get_default_lead_days (ShoreDebtsPage *self)
{
  GtkWindow *window = get_parent_window (self);
  GtkApplication *app = window != NULL ? gtk_window_get_application (window) : NULL;
  GSettings *settings;

  if (!SHORE_IS_APPLICATION (app))
    return 3;

  settings = shore_application_get_settings (SHORE_APPLICATION (app));
  if (settings == NULL)
    return 3;

  /* What counts as due soon changes with the setting. */
  if (!self->watching_lead_days)
    {
      self->watching_lead_days = TRUE;
      g_signal_connect_object (settings, "changed::reminder-lead-days",
                               G_CALLBACK (shore_debts_page_reload), self, G_CONNECT_SWAPPED);
    }

  return MAX (g_settings_get_int (settings, "reminder-lead-days"), 0);
}

/* A new toast replaces the page's previous one rather than queueing behind it.
 * (Not with ADW_TOAST_PRIORITY_HIGH: libadwaita 1.2 asserts when a toast it
 * pushed back is shown again while its old widget is still fading out.) */
static void
add_toast (ShoreDebtsPage *self,
           AdwToast       *toast)
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

static void
show_error_toast (ShoreDebtsPage *self,
                  const GError   *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  add_toast (self, adw_toast_new (escaped));
}

static GtkWidget *
create_debt_row (gpointer item,
                 gpointer user_data)
{
  ShoreDebt *debt = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *balance = gtk_label_new (NULL);
  GtkWidget *pill = gtk_label_new (NULL);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  /* Lender names are the user's text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_bind_property (debt, "lender", row, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (debt, "summary", row, "subtitle", G_BINDING_SYNC_CREATE);

  g_object_bind_property (debt, "balance-text", balance, "label", G_BINDING_SYNC_CREATE);
  gtk_widget_add_css_class (balance, "numeric");
  gtk_widget_add_css_class (balance, "heading");
  gtk_widget_set_valign (balance, GTK_ALIGN_CENTER);

  shore_ui_set_state_pill (GTK_LABEL (pill), shore_debt_get_status (debt)->state);
  gtk_widget_add_css_class (pill, "shore-pill");
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);

  gtk_widget_add_css_class (arrow, "dim-label");

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), balance);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  return row;
}

static void
update_summary (ShoreDebtsPage *self)
{
  ShoreDebtsSummary summary = { 0 };
  g_autofree char *total = NULL;
  g_autofree char *due = NULL;
  g_autofree char *overdue = NULL;

  shore_debts_summarize (G_LIST_MODEL (self->debts), &summary);
  total = shore_money_format (summary.total_owed);
  due = shore_money_format (summary.due_this_month);
  overdue = g_strdup_printf ("%u", summary.n_overdue);

  gtk_label_set_label (self->total_owed_label, total);
  gtk_label_set_label (self->due_month_label, due);
  gtk_label_set_label (self->overdue_label, overdue);
  if (summary.n_overdue > 0)
    gtk_widget_add_css_class (self->overdue_card, "shore-alert");
  else
    gtk_widget_remove_css_class (self->overdue_card, "shore-alert");
}

static ShoreDebt *
find_debt (ShoreDebtsPage *self,
           gint64          loan_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->debts));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (G_LIST_MODEL (self->debts), i);

      if (shore_debt_get_id (debt) == loan_id)
        return debt;
    }

  return NULL;
}

static void
update_actions (ShoreDebtsPage *self)
{
  ShoreDebt *debt = shore_loan_view_get_debt (self->loan_view);
  gboolean showing_loan = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loan") == 0;
  gboolean has_loan = showing_loan && debt != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "debts.add-loan", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "debts.back", showing_loan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "debts.edit-loan", has_loan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "debts.delete-loan", has_loan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "debts.delete-payment", has_loan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "debts.record-payment",
                                 has_loan && shore_debt_get_status (debt)->state != SHORE_LOAN_STATE_PAID_OFF);
}

static void
show_list (ShoreDebtsPage *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->debts)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
  shore_loan_view_set_debt (self->loan_view, NULL);
  update_actions (self);
}

static void
show_loan (ShoreDebtsPage *self,
           ShoreDebt      *debt)
{
  gboolean entering = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loan") != 0;

  shore_loan_view_set_debt (self->loan_view, debt);
  gtk_stack_set_visible_child_name (self->stack, "loan");
  update_actions (self);
  /* Keyboard users land on the view's first button (Back), not on a row far below. */
  if (entering)
    gtk_widget_child_focus (GTK_WIDGET (self->loan_view), GTK_DIR_TAB_FORWARD);
}

void
shore_debts_page_reload (ShoreDebtsPage *self)
{
  g_autoptr(GListModel) fresh = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  ShoreDebt *shown;
  gint64 shown_id = 0;
  GDate today;
  guint n;

  g_return_if_fail (SHORE_IS_DEBTS_PAGE (self));

  shown = shore_loan_view_get_debt (self->loan_view);
  if (shown != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loan") == 0)
    shown_id = shore_debt_get_id (shown);

  if (self->store != NULL)
    {
      shore_ui_get_today (&today);
      fresh = shore_debts_list_full (self->store, &today, get_default_lead_days (self), &error);
      if (fresh == NULL)
        {
          show_error_toast (self, error);
          return;
        }

      n = g_list_model_get_n_items (fresh);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, g_list_model_get_item (fresh, i));
    }

  g_list_store_splice (self->debts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->debts)),
                       items->pdata, items->len);
  update_summary (self);

  if (shown_id != 0 && find_debt (self, shown_id) != NULL)
    show_loan (self, find_debt (self, shown_id));
  else
    show_list (self);
}

static void
on_list_box_row_activated_cb (ShoreDebtsPage *self,
                              GtkListBoxRow  *row,
                              GtkListBox     *list_box)
{
  g_autoptr(ShoreDebt) debt = NULL;

  debt = g_list_model_get_item (G_LIST_MODEL (self->debts), (guint) gtk_list_box_row_get_index (row));
  if (debt != NULL)
    show_loan (self, debt);
}

static void
on_loan_dialog_saved_cb (ShoreDebtsPage *self,
                         gint64          loan_id)
{
  shore_debts_page_reload (self);
}

static void
on_payment_dialog_saved_cb (ShoreDebtsPage *self,
                            gint64          payment_id)
{
  shore_debts_page_reload (self);
  add_toast (self, adw_toast_new (_("Payment recorded")));
}

static void
open_loan_dialog (ShoreDebtsPage  *self,
                  const ShoreLoan *loan)
{
  ShoreLoanDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = shore_loan_dialog_new (get_parent_window (self), self->store, loan);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_loan_dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_loan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_loan_dialog (SHORE_DEBTS_PAGE (widget), NULL);
}

static void
edit_loan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShoreDebtsPage *self = SHORE_DEBTS_PAGE (widget);
  ShoreDebt *debt = shore_loan_view_get_debt (self->loan_view);

  if (debt != NULL)
    open_loan_dialog (self, shore_debt_get_loan (debt));
}

static void
check_offer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ShoreDebtsPage *self = SHORE_DEBTS_PAGE (widget);

  gtk_window_present (GTK_WINDOW (shore_offer_dialog_new (get_parent_window (self))));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  show_list (SHORE_DEBTS_PAGE (widget));
}

static void
record_payment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ShoreDebtsPage *self = SHORE_DEBTS_PAGE (widget);
  ShoreDebt *debt = shore_loan_view_get_debt (self->loan_view);
  ShorePaymentDialog *dialog;

  if (debt == NULL || self->store == NULL)
    return;

  dialog = shore_payment_dialog_new (get_parent_window (self), self->store, debt);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_payment_dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_undo_button_clicked_cb (AdwToast *toast,
                           UndoData *undo)
{
  ShoreDebtsPage *self = undo->page;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->store == NULL)
    return;

  if (undo->loan != NULL)
    ok = shore_debts_restore (self->store, undo->loan, undo->payments, &error);
  else
    {
      ShorePayment payment = undo->payment;

      payment.id = 0;
      ok = shore_debts_add_payment (self->store, undo->loan_id, &payment, &error);
    }

  if (!ok)
    show_error_toast (self, error);
  shore_debts_page_reload (self);
}

static void
add_undo_toast (ShoreDebtsPage *self,
                const char     *title,
                UndoData       *undo)
{
  AdwToast *toast = adw_toast_new (title);

  undo->page = g_object_ref (self);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_button_clicked_cb),
                         undo, undo_data_free, 0);
  add_toast (self, toast);
}

static void
delete_loan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ShoreDebtsPage *self = SHORE_DEBTS_PAGE (widget);
  ShoreDebt *debt = shore_loan_view_get_debt (self->loan_view);
  g_autoptr(GError) error = NULL;
  UndoData *undo;

  if (debt == NULL || self->store == NULL)
    return;

  undo = g_new0 (UndoData, 1);
  if (!shore_debts_delete (self->store, shore_debt_get_id (debt), &undo->loan, &undo->payments, &error))
    {
      undo_data_free (undo, NULL);
      show_error_toast (self, error);
      return;
    }

  show_list (self);
  shore_debts_page_reload (self);
  add_undo_toast (self, _("Loan deleted"), undo);
}

static void
delete_payment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ShoreDebtsPage *self = SHORE_DEBTS_PAGE (widget);
  ShoreDebt *debt = shore_loan_view_get_debt (self->loan_view);
  gint64 payment_id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  GArray *payments;
  UndoData *undo = NULL;

  if (debt == NULL || self->store == NULL)
    return;

  payments = shore_debt_get_payments (debt);
  for (guint i = 0; payments != NULL && i < payments->len; i++)
    {
      if (g_array_index (payments, ShorePayment, i).id == payment_id)
        {
          undo = g_new0 (UndoData, 1);
          undo->loan_id = shore_debt_get_id (debt);
          undo->payment = g_array_index (payments, ShorePayment, i);
        }
    }
  if (undo == NULL)
    return;

  if (!shore_debts_delete_payment (self->store, payment_id, &error))
    {
      undo_data_free (undo, NULL);
      show_error_toast (self, error);
      return;
    }

  shore_debts_page_reload (self);
  add_undo_toast (self, _("Payment deleted"), undo);
}

static void
shore_debts_page_dispose (GObject *object)
{
  ShoreDebtsPage *self = SHORE_DEBTS_PAGE (object);

  /* The stack is both a template child and the bin's child: let the bin drop it
   * first, or it would unparent a widget the template has already unparented. */
  if (self->last_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->last_toast), (gpointer *) &self->last_toast);
  self->last_toast = NULL;
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHORE_TYPE_DEBTS_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->debts);

  G_OBJECT_CLASS (shore_debts_page_parent_class)->dispose (object);
}

static void
shore_debts_page_class_init (ShoreDebtsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shore_debts_page_dispose;

  g_type_ensure (SHORE_TYPE_LOAN_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/shore-debts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoreDebtsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ShoreDebtsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, ShoreDebtsPage, total_owed_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreDebtsPage, due_month_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreDebtsPage, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreDebtsPage, overdue_card);
  gtk_widget_class_bind_template_child (widget_class, ShoreDebtsPage, loan_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "debts.add-loan", NULL, add_loan_action);
  gtk_widget_class_install_action (widget_class, "debts.check-offer", NULL, check_offer_action);
  gtk_widget_class_install_action (widget_class, "debts.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "debts.record-payment", NULL, record_payment_action);
  gtk_widget_class_install_action (widget_class, "debts.edit-loan", NULL, edit_loan_action);
  gtk_widget_class_install_action (widget_class, "debts.delete-loan", NULL, delete_loan_action);
  gtk_widget_class_install_action (widget_class, "debts.delete-payment", "x", delete_payment_action);
}

/* Ctrl+N and Alt+← work while the page is on screen: a shortcut controller in
 * the window's scope only runs for mapped widgets. */
static void
add_shortcuts (ShoreDebtsPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("debts.add-loan")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Left, GDK_ALT_MASK),
                                                          gtk_named_action_new ("debts.back")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
shore_debts_page_init (ShoreDebtsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->debts = g_list_store_new (SHORE_TYPE_DEBT);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->debts), create_debt_row, self, NULL);
  add_shortcuts (self);
  update_summary (self);
  show_list (self);
}

void
shore_debts_page_set_store (ShoreDebtsPage *self,
                            ShoreStore     *store)
{
  g_return_if_fail (SHORE_IS_DEBTS_PAGE (self));
  g_return_if_fail (store == NULL || SHORE_IS_STORE (store));

  g_set_object (&self->store, store);
  shore_debts_page_reload (self);
}

GListModel *
shore_debts_page_get_model (ShoreDebtsPage *self)
{
  g_return_val_if_fail (SHORE_IS_DEBTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->debts);
}
