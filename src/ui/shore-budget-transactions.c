/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-budget-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shore-ledger.h"
#include "shore-money.h"

#include "shore-budget-page-private.h"
#include "shore-export.h"
#include "shore-import-dialog.h"
#include "shore-transaction-dialog.h"

/* The Transactions section of the Budget page: the list of the ledger's
 * transactions with its filters, search and footer, and the actions that add,
 * delete, import and export transactions. */

/* The rows of period_dropdown and flow_dropdown, in the order of the .ui. */
enum { PERIOD_MONTH, PERIOD_ALL };
enum { FLOW_ALL, FLOW_SPENDING, FLOW_INCOME, FLOW_NEUTRAL };

/* ---- Transactions ------------------------------------------------------ */

static void
read_filter (ShoreBudgetPage *self,
             ShoreTxnFilter  *filter)
{
  guint account = gtk_drop_down_get_selected (self->account_dropdown);
  guint category = gtk_drop_down_get_selected (self->category_dropdown);

  shore_txn_filter_init (filter);
  filter->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (self->filter_accounts != NULL && account < self->filter_accounts->len)
    filter->account_id = g_array_index (self->filter_accounts, gint64, account);
  if (self->filter_categories != NULL && category < self->filter_categories->len)
    filter->category_id = g_array_index (self->filter_categories, gint64, category);

  switch (gtk_drop_down_get_selected (self->flow_dropdown))
    {
    case FLOW_SPENDING:
      filter->flow = SHORE_FLOW_EXPENSE;
      break;
    case FLOW_INCOME:
      filter->flow = SHORE_FLOW_INCOME;
      break;
    case FLOW_NEUTRAL:
      filter->flow = SHORE_FLOW_NEUTRAL;
      break;
    default:
      filter->flow = -1;
      break;
    }

  if (gtk_drop_down_get_selected (self->period_dropdown) == PERIOD_MONTH)
    shore_budget_page_get_month_bounds (self, &filter->from, &filter->to);
}

static void
update_footer (ShoreBudgetPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->transactions));
  g_autofree char *total = shore_money_format (shore_transaction_list_get_total (self->transactions));
  g_autofree char *text = NULL;
  gboolean filtered;

  /* Translators: the footer of the transaction list: how many are shown and their sum */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u transaction, together %s",
                                       "%u transactions, together %s", n), n, total);
  gtk_label_set_label (self->footer_label, text);
  gtk_stack_set_visible_child_name (self->transactions_stack, n > 0 ? "list" : "no-results");

  filtered = gtk_drop_down_get_selected (self->account_dropdown) > 0 ||
             gtk_drop_down_get_selected (self->category_dropdown) > 0 ||
             gtk_drop_down_get_selected (self->flow_dropdown) > 0;
  if (filtered)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
}

static void
apply_filter (ShoreBudgetPage *self)
{
  ShoreTxnFilter filter;

  if (self->transactions == NULL || self->loading_filters)
    return;

  read_filter (self, &filter);
  shore_transaction_list_set_filter (self->transactions, &filter);
  shore_txn_filter_clear (&filter);
  /* The footer's total reads every matching row: only when it is seen. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->sections_stack), "transactions") == 0)
    update_footer (self);
  else
    self->filter_choices_stale = TRUE;
}

static void
on_filter_changed_cb (ShoreBudgetPage *self)
{
  apply_filter (self);
}

static void
on_search_stop_cb (ShoreBudgetPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static guint
find_id (GArray *ids,
         gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) == id)
        return i;
    }
  return 0;
}

/* Fills the account and category filters, keeping what was chosen. */
static void
update_filter_choices (ShoreBudgetPage *self)
{
  g_autoptr(GPtrArray) accounts = shore_ledger_list_accounts (self->store, TRUE, NULL);
  g_autoptr(GPtrArray) categories = shore_ledger_list_categories (self->store, -1, TRUE, NULL);
  g_autoptr(GtkStringList) account_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) category_names = gtk_string_list_new (NULL);
  gint64 account = 0, category = 0, value;

  if (self->filter_accounts != NULL)
    account = g_array_index (self->filter_accounts, gint64, MIN (gtk_drop_down_get_selected (self->account_dropdown), self->filter_accounts->len - 1));
  if (self->filter_categories != NULL)
    category = g_array_index (self->filter_categories, gint64, MIN (gtk_drop_down_get_selected (self->category_dropdown), self->filter_categories->len - 1));

  g_clear_pointer (&self->filter_accounts, g_array_unref);
  g_clear_pointer (&self->filter_categories, g_array_unref);
  self->filter_accounts = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->filter_categories = g_array_new (FALSE, FALSE, sizeof (gint64));

  value = 0;
  g_array_append_val (self->filter_accounts, value);
  gtk_string_list_append (account_names, _("All accounts"));
  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      ShoreAccount *a = g_ptr_array_index (accounts, i);

      g_array_append_val (self->filter_accounts, a->id);
      gtk_string_list_append (account_names, a->name);
    }

  g_array_append_val (self->filter_categories, value);
  gtk_string_list_append (category_names, _("All categories"));
  value = -1;
  g_array_append_val (self->filter_categories, value);
  gtk_string_list_append (category_names, _("Uncategorised"));
  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      ShoreCategory *c = g_ptr_array_index (categories, i);

      g_array_append_val (self->filter_categories, c->id);
      gtk_string_list_append (category_names, c->name);
    }

  self->loading_filters = TRUE;
  gtk_drop_down_set_model (self->account_dropdown, G_LIST_MODEL (account_names));
  gtk_drop_down_set_selected (self->account_dropdown, find_id (self->filter_accounts, account));
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (category_names));
  gtk_drop_down_set_selected (self->category_dropdown, find_id (self->filter_categories, category));
  self->loading_filters = FALSE;
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *figures = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *payee = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *amount = gtk_label_new (NULL);
  GtkWidget *date = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "shore-transaction-row");
  gtk_widget_add_css_class (icon, "shore-category-icon");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (payee), 0);
  gtk_label_set_ellipsize (GTK_LABEL (payee), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (texts), payee);
  gtk_box_append (GTK_BOX (texts), subtitle);

  gtk_widget_set_valign (figures, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (amount), 1);
  gtk_label_set_xalign (GTK_LABEL (date), 1);
  gtk_widget_add_css_class (amount, "numeric");
  gtk_widget_add_css_class (amount, "heading");
  gtk_widget_add_css_class (date, "caption");
  gtk_widget_add_css_class (date, "dim-label");
  gtk_widget_add_css_class (date, "numeric");
  gtk_box_append (GTK_BOX (figures), amount);
  gtk_box_append (GTK_BOX (figures), date);

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), figures);
  gtk_list_item_set_child (item, box);
}

/* Only from the item: rows are recycled as the list scrolls through any number of them. */
static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  ShoreTransaction *transaction = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (icon);
  GtkWidget *figures = gtk_widget_get_next_sibling (texts);
  GtkWidget *amount = gtk_widget_get_first_child (figures);
  g_autofree char *icon_name = NULL;
  g_autofree char *payee = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *date_text = NULL;
  ShoreFlow flow;

  if (transaction == NULL)
    return;

  g_object_get (transaction,
                "icon-name", &icon_name,
                "payee", &payee,
                "subtitle", &subtitle,
                "amount-text", &amount_text,
                "date-text", &date_text,
                NULL);
  flow = shore_transaction_get_flow (transaction);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (texts)), payee);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (texts)), subtitle);
  gtk_label_set_label (GTK_LABEL (amount), amount_text);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (figures)), date_text);

  gtk_widget_remove_css_class (amount, "shore-income");
  gtk_widget_remove_css_class (amount, "dim-label");
  if (flow == SHORE_FLOW_INCOME)
    gtk_widget_add_css_class (amount, "shore-income");
  else if (flow == SHORE_FLOW_NEUTRAL)
    gtk_widget_add_css_class (amount, "dim-label");
}

static void
open_transaction_dialog (ShoreBudgetPage *self,
                         gint64           id);

static void
on_transactions_view_activate_cb (ShoreBudgetPage *self,
                                  guint            position,
                                  GtkListView     *view)
{
  g_autoptr(ShoreTransaction) transaction = g_list_model_get_item (G_LIST_MODEL (self->transactions), position);

  if (transaction != NULL)
    open_transaction_dialog (self, shore_transaction_get_data (transaction)->id);
}

static gboolean
transactions_shown (ShoreBudgetPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->sections_stack), "transactions") == 0;
}

void
shore_budget_page_update_transactions (ShoreBudgetPage *self)
{
  gboolean empty;

  /* The filter choices (accounts with their balances) wait until they are seen. */
  self->filter_choices_stale = TRUE;
  if (transactions_shown (self))
    {
      update_filter_choices (self);
      self->filter_choices_stale = FALSE;
    }
  empty = !shore_ledger_has_transactions (self->store);
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "content");

  /* The filter may follow the month; setting it reloads the list. */
  apply_filter (self);
}

/* The list view joins its model when the Transactions section is first
 * shown: measuring a list of 100,000 rows is work the first frame of the
 * window need not wait for. */
void
shore_budget_page_attach_list_if_shown (ShoreBudgetPage *self)
{
  if (self->selection == NULL ||
      gtk_list_view_get_model (self->transactions_view) == GTK_SELECTION_MODEL (self->selection))
    return;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->sections_stack), "transactions") != 0)
    return;

  gtk_list_view_set_model (self->transactions_view, GTK_SELECTION_MODEL (self->selection));
}

static void
on_sections_stack_visible_child_cb (ShoreBudgetPage *self)
{
  shore_budget_page_attach_list_if_shown (self);
  if (self->filter_choices_stale && self->store != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->sections_stack), "transactions") == 0)
    {
      self->filter_choices_stale = FALSE;
      update_filter_choices (self);
      apply_filter (self);
    }
}

/* ---- Actions ----------------------------------------------------------- */

static void
on_transaction_saved_cb (ShoreBudgetPage *self,
                         gint64           id)
{
  shore_budget_page_notify_changed (self);
  shore_budget_page_show_toast (self, _("Transaction saved"));
}

static void
open_transaction_dialog (ShoreBudgetPage *self,
                         gint64           id)
{
  ShoreTransactionDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = shore_transaction_dialog_new (shore_budget_page_get_parent_window (self), self->store, id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_transaction_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_transaction_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  open_transaction_dialog (SHORE_BUDGET_PAGE (widget), 0);
}

static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ShoreBudgetPage *self = SHORE_BUDGET_PAGE (widget);
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkBitsetIter iter;
  UndoData *undo;
  guint position;

  if (self->store == NULL)
    return;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(ShoreTransaction) transaction = g_list_model_get_item (G_LIST_MODEL (self->transactions), position);

      if (transaction != NULL)
        g_array_append_val (ids, shore_transaction_get_data (transaction)->id);
    }
  if (ids->len == 0)
    return;

  undo = g_new0 (UndoData, 1);
  undo->kind = UNDO_DELETE_TRANSACTIONS;
  if (!shore_ledger_delete_transactions (self->store, (const gint64 *) ids->data, ids->len, &undo->deleted, &error))
    {
      shore_budget_page_undo_data_free (undo, NULL);
      shore_budget_page_show_error_toast (self, error);
      return;
    }

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  shore_budget_page_notify_changed (self);
  /* Translators: a toast after deleting transactions, with an Undo button */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u transaction deleted", "%u transactions deleted", ids->len),
                           ids->len);
  shore_budget_page_add_undo_toast (self, title, undo);
}

static void
on_imported_cb (ShoreBudgetPage *self,
                gint64           import_id,
                guint            n)
{
  g_autofree char *title = NULL;
  UndoData *undo = g_new0 (UndoData, 1);

  undo->kind = UNDO_IMPORT;
  undo->import_id = import_id;
  shore_budget_page_notify_changed (self);
  /* Translators: a toast after importing a bill, with an Undo button */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u transaction", "Imported %u transactions", n), n);
  shore_budget_page_add_undo_toast (self, title, undo);
}

static void
import_bill_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ShoreBudgetPage *self = SHORE_BUDGET_PAGE (widget);
  ShoreImportDialog *dialog;

  if (self->store == NULL)
    return;

  dialog = shore_import_dialog_new (shore_budget_page_get_parent_window (self), self->store, NULL);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_transactions_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  ShoreBudgetPage *self = SHORE_BUDGET_PAGE (widget);

  if (self->store != NULL)
    shore_export_transactions (shore_budget_page_get_parent_window (self), self->store);
}

/* ---- Set-up, from shore-budget-page.c ---------------------------------- */

void
shore_budget_page_class_init_transactions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_transactions_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "budget.add-transaction", NULL, add_transaction_action);
  gtk_widget_class_install_action (widget_class, "budget.delete-selected", NULL, delete_selected_action);
  gtk_widget_class_install_action (widget_class, "budget.import-bill", NULL, import_bill_action);
  gtk_widget_class_install_action (widget_class, "budget.export-transactions", NULL, export_transactions_action);
}

void
shore_budget_page_init_transactions (ShoreBudgetPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect_object (self->sections_stack, "notify::visible-child-name",
                           G_CALLBACK (on_sections_stack_visible_child_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (factory, "setup", G_CALLBACK (on_row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_row_bind_cb), NULL);
  gtk_list_view_set_factory (self->transactions_view, factory);
}
