/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-ledger-settings"

#include "config.h"

#include <glib/gi18n.h>

#include "shore-ledger.h"
#include "shore-money.h"

#include "shore-ledger-settings.h"

/* The icons a category can take: a small fixed set from the icon theme. */
static const char * const category_icons[] = {
  "emoji-food-symbolic", "emoji-travel-symbolic", "user-home-symbolic", "emoji-nature-symbolic",
  "face-sick-symbolic", "x-office-document-symbolic", "emoji-people-symbolic", "emoji-activities-symbolic",
  "emoji-objects-symbolic", "emoji-symbols-symbolic", "emoji-body-symbolic", "phone-symbolic",
  "applications-engineering-symbolic", "emblem-favorite-symbolic", "starred-symbolic", "folder-symbolic",
  "auth-smartcard-symbolic", "mail-send-receive-symbolic", "send-to-symbolic", "view-more-horizontal-symbolic",
};

struct _ShoreLedgerSettings
{
  AdwPreferencesWindow  parent_instance;

  ShoreStore           *store;
  GPtrArray            *account_groups;    /* AdwPreferencesGroup* on accounts_page */
  GPtrArray            *category_groups;   /* AdwPreferencesGroup* on categories_page */

  AdwPreferencesPage   *accounts_page;
  AdwPreferencesPage   *categories_page;
  AdwPreferencesGroup  *new_account_group;
  AdwEntryRow          *new_account_row;
  AdwComboRow          *new_account_kind_row;
};

G_DEFINE_FINAL_TYPE (ShoreLedgerSettings, shore_ledger_settings, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (ShoreLedgerSettings *self);

static void
show_toast (ShoreLedgerSettings *self,
            const char          *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

static void
report (ShoreLedgerSettings *self,
        gboolean             ok,
        const GError        *error)
{
  if (!ok)
    show_toast (self, error->message);
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static gint64
get_id (gpointer widget)
{
  gint64 *id = g_object_get_data (G_OBJECT (widget), "shore-id");

  return id != NULL ? *id : 0;
}

static void
set_id (gpointer widget,
        gint64   id)
{
  g_object_set_data_full (G_OBJECT (widget), "shore-id", g_memdup2 (&id, sizeof id), g_free);
}

/* ---- Accounts ---------------------------------------------------------- */

static void
on_account_apply_cb (ShoreLedgerSettings *self,
                     AdwEntryRow         *row)
{
  g_autoptr(ShoreAccount) account = shore_ledger_get_account (self->store, get_id (row), NULL);
  g_autoptr(GError) error = NULL;

  if (account == NULL)
    return;
  g_free (account->name);
  account->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  report (self, shore_ledger_update_account (self->store, account, &error), error);
}

static void
on_account_kind_selected_cb (ShoreLedgerSettings *self,
                             GParamSpec          *pspec,
                             GtkDropDown         *dropdown)
{
  g_autoptr(ShoreAccount) account = shore_ledger_get_account (self->store, get_id (dropdown), NULL);
  g_autoptr(GError) error = NULL;

  if (account == NULL || account->kind == (ShoreAccountKind) gtk_drop_down_get_selected (dropdown))
    return;
  account->kind = (ShoreAccountKind) gtk_drop_down_get_selected (dropdown);
  report (self, shore_ledger_update_account (self->store, account, &error), error);
}

static void
on_account_remove_clicked_cb (ShoreLedgerSettings *self,
                              GtkButton           *button)
{
  g_autoptr(GError) error = NULL;

  report (self, shore_ledger_remove_account (self->store, get_id (button), &error), error);
}

static GtkStringList *
create_account_kinds (void)
{
  GtkStringList *kinds = gtk_string_list_new (NULL);

  for (ShoreAccountKind kind = SHORE_ACCOUNT_CASH; kind <= SHORE_ACCOUNT_OTHER; kind++)
    gtk_string_list_append (kinds, shore_account_kind_get_label (kind));
  return kinds;
}

static GtkWidget *
create_account_row (ShoreLedgerSettings *self,
                    const ShoreAccount  *account)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *kind = gtk_drop_down_new (G_LIST_MODEL (create_account_kinds ()), NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *balance = shore_money_format (account->balance);
  g_autofree char *title = NULL;
  g_autofree char *tooltip = NULL;

  /* Translators: above an account's name: its balance, e.g. “Balance ¥1,200.00” */
  title = g_strdup_printf (_("Balance %s"), balance);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), account->name);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), gtk_image_new_from_icon_name (shore_account_kind_get_icon (account->kind)));
  set_id (row, account->id);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_account_apply_cb), self, G_CONNECT_SWAPPED);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), account->kind);
  gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind of account"), -1);
  set_id (kind, account->id);
  g_signal_connect_object (kind, "notify::selected", G_CALLBACK (on_account_kind_selected_cb), self, G_CONNECT_SWAPPED);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), kind);

  /* Translators: %s is an account's name */
  tooltip = g_strdup_printf (_("Remove “%s”; with transactions it is kept, hidden"), account->name);
  gtk_widget_set_tooltip_text (remove, tooltip);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  set_id (remove, account->id);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_account_remove_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  return row;
}

static void
on_new_account_apply_cb (ShoreLedgerSettings *self,
                         AdwEntryRow         *row)
{
  g_autoptr(GError) error = NULL;
  ShoreAccount account = { 0 };
  gboolean ok;

  account.name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  account.kind = (ShoreAccountKind) adw_combo_row_get_selected (self->new_account_kind_row);
  ok = shore_ledger_add_account (self->store, &account, &error);
  g_free (account.name);
  if (ok)
    gtk_editable_set_text (GTK_EDITABLE (row), "");
  report (self, ok, error);
}

/* ---- Categories -------------------------------------------------------- */

typedef struct
{
  ShoreLedgerSettings *self;
  gint64               id;
} UndoArchive;

static void
undo_archive_free (gpointer  data,
                   GClosure *closure)
{
  UndoArchive *undo = data;

  g_clear_object (&undo->self);
  g_free (undo);
}

static void
on_undo_archive_cb (AdwToast    *toast,
                    UndoArchive *undo)
{
  g_autoptr(GError) error = NULL;

  report (undo->self, shore_ledger_unarchive_category (undo->self->store, undo->id, &error), error);
}

static void
on_category_archive_clicked_cb (ShoreLedgerSettings *self,
                                GtkButton           *button)
{
  g_autoptr(GError) error = NULL;
  UndoArchive *undo;
  AdwToast *toast;

  if (!shore_ledger_archive_category (self->store, get_id (button), &error))
    {
      report (self, FALSE, error);
      return;
    }

  undo = g_new0 (UndoArchive, 1);
  undo->self = g_object_ref (self);
  undo->id = get_id (button);
  toast = adw_toast_new (_("Category archived"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_archive_cb), undo, undo_archive_free, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
  reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_category_apply_cb (ShoreLedgerSettings *self,
                      AdwEntryRow         *row)
{
  g_autoptr(ShoreCategory) category = shore_ledger_get_category (self->store, get_id (row), NULL);
  g_autoptr(GError) error = NULL;

  if (category == NULL)
    return;
  g_free (category->name);
  category->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  report (self, shore_ledger_update_category (self->store, category, &error), error);
}

static void
on_icon_clicked_cb (ShoreLedgerSettings *self,
                    GtkButton           *button)
{
  g_autoptr(ShoreCategory) category = shore_ledger_get_category (self->store, get_id (button), NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  if (category == NULL)
    return;
  g_free (category->icon);
  category->icon = g_strdup (gtk_button_get_icon_name (button));
  report (self, shore_ledger_update_category (self->store, category, &error), error);
}

static GtkWidget *
create_icon_chooser (ShoreLedgerSettings *self,
                     const ShoreCategory *category)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *grid = gtk_grid_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), category->icon);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose an Icon"));
  gtk_grid_set_row_spacing (GTK_GRID (grid), 3);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 3);

  for (guint i = 0; i < G_N_ELEMENTS (category_icons); i++)
    {
      GtkWidget *choice = gtk_button_new_from_icon_name (category_icons[i]);

      gtk_widget_add_css_class (choice, "flat");
      set_id (choice, category->id);
      g_signal_connect_object (choice, "clicked", G_CALLBACK (on_icon_clicked_cb), self, G_CONNECT_SWAPPED);
      gtk_grid_attach (GTK_GRID (grid), choice, (int) (i % 5), (int) (i / 5), 1, 1);
    }

  gtk_popover_set_child (GTK_POPOVER (popover), grid);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  return button;
}

static GtkWidget *
create_category_row (ShoreLedgerSettings *self,
                     const ShoreCategory *category)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *archive = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *tooltip = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (row), category->name);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), create_icon_chooser (self, category));
  set_id (row, category->id);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_category_apply_cb), self, G_CONNECT_SWAPPED);

  /* Translators: %s is a category's name */
  tooltip = g_strdup_printf (_("Archive “%s”: hidden from choices, its transactions keep it"), category->name);
  gtk_widget_set_tooltip_text (archive, tooltip);
  gtk_widget_set_valign (archive, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (archive, "flat");
  set_id (archive, category->id);
  g_signal_connect_object (archive, "clicked", G_CALLBACK (on_category_archive_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), archive);

  return row;
}

static void
on_new_category_apply_cb (ShoreLedgerSettings *self,
                          AdwEntryRow         *row)
{
  g_autoptr(GError) error = NULL;
  ShoreCategory category = { 0 };
  gboolean ok;

  category.name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  category.kind = (ShoreCategoryKind) get_id (row);
  category.icon = g_strdup ("view-more-horizontal-symbolic");
  ok = shore_ledger_add_category (self->store, &category, &error);
  g_free (category.name);
  g_free (category.icon);
  report (self, ok, error);
}

static const char *
get_category_kind_title (ShoreCategoryKind kind)
{
  switch (kind)
    {
    case SHORE_CATEGORY_EXPENSE:
      return _("Spending");
    case SHORE_CATEGORY_INCOME:
      return _("Income");
    case SHORE_CATEGORY_NEUTRAL:
      return _("Transfers and Other Moves");
    default:
      g_assert_not_reached ();
    }
}

/* ---- Loading ----------------------------------------------------------- */

static void
remove_groups (AdwPreferencesPage *page,
               GPtrArray          *groups)
{
  for (guint i = 0; i < groups->len; i++)
    adw_preferences_page_remove (page, g_ptr_array_index (groups, i));
  g_ptr_array_set_size (groups, 0);
}

static void
reload (ShoreLedgerSettings *self)
{
  g_autoptr(GPtrArray) accounts = shore_ledger_list_accounts (self->store, FALSE, NULL);
  GtkWidget *group;

  remove_groups (self->accounts_page, self->account_groups);
  remove_groups (self->categories_page, self->category_groups);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Your Accounts"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Rename an account and press Enter; an account with transactions is kept but hidden when removed."));
  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create_account_row (self, g_ptr_array_index (accounts, i)));
  adw_preferences_page_add (self->accounts_page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->account_groups, group);
  /* The form for a new account stays below the list. */
  g_object_ref (self->new_account_group);
  adw_preferences_page_remove (self->accounts_page, self->new_account_group);
  adw_preferences_page_add (self->accounts_page, self->new_account_group);
  g_object_unref (self->new_account_group);

  for (ShoreCategoryKind kind = SHORE_CATEGORY_EXPENSE; kind <= SHORE_CATEGORY_NEUTRAL; kind++)
    {
      g_autoptr(GPtrArray) categories = shore_ledger_list_categories (self->store, kind, FALSE, NULL);
      GtkWidget *add = adw_entry_row_new ();

      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), get_category_kind_title (kind));
      for (guint i = 0; categories != NULL && i < categories->len; i++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create_category_row (self, g_ptr_array_index (categories, i)));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add), _("Add a category"));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add), TRUE);
      adw_entry_row_add_prefix (ADW_ENTRY_ROW (add), gtk_image_new_from_icon_name ("list-add-symbolic"));
      set_id (add, kind);
      g_signal_connect_object (add, "apply", G_CALLBACK (on_new_category_apply_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), add);

      adw_preferences_page_add (self->categories_page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->category_groups, group);
    }
}

static void
shore_ledger_settings_dispose (GObject *object)
{
  ShoreLedgerSettings *self = SHORE_LEDGER_SETTINGS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHORE_TYPE_LEDGER_SETTINGS);
  g_clear_object (&self->store);
  g_clear_pointer (&self->account_groups, g_ptr_array_unref);
  g_clear_pointer (&self->category_groups, g_ptr_array_unref);

  G_OBJECT_CLASS (shore_ledger_settings_parent_class)->dispose (object);
}

static void
shore_ledger_settings_class_init (ShoreLedgerSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shore_ledger_settings_dispose;

  /**
   * ShoreLedgerSettings::changed:
   *
   * Emitted after an account or a category was written.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/shore-ledger-settings.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoreLedgerSettings, accounts_page);
  gtk_widget_class_bind_template_child (widget_class, ShoreLedgerSettings, categories_page);
  gtk_widget_class_bind_template_child (widget_class, ShoreLedgerSettings, new_account_group);
  gtk_widget_class_bind_template_child (widget_class, ShoreLedgerSettings, new_account_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreLedgerSettings, new_account_kind_row);
  gtk_widget_class_bind_template_callback (widget_class, on_new_account_apply_cb);
}

static void
shore_ledger_settings_init (ShoreLedgerSettings *self)
{
  g_autoptr(GtkStringList) kinds = create_account_kinds ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The groups are owned by their pages; these only remember which to remove. */
  self->account_groups = g_ptr_array_new ();
  self->category_groups = g_ptr_array_new ();
  adw_combo_row_set_model (self->new_account_kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->new_account_kind_row, SHORE_ACCOUNT_BANK);
}

ShoreLedgerSettings *
shore_ledger_settings_new (GtkWindow  *parent,
                           ShoreStore *store)
{
  ShoreLedgerSettings *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);

  self = g_object_new (SHORE_TYPE_LEDGER_SETTINGS,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  reload (self);
  return self;
}
