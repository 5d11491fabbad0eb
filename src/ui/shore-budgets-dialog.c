/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-budgets-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shore-ledger.h"
#include "shore-money.h"

#include "shore-budgets-dialog.h"
#include "shore-ui-util.h"

/* The rows of period_row. */
enum { PERIOD_THIS_MONTH, PERIOD_EVERY_MONTH };

typedef struct
{
  gint64       category_id;   /* 0: overall */
  gint64       amount;        /* as loaded */
  AdwEntryRow *row;
} BudgetField;

struct _ShoreBudgetsDialog
{
  AdwWindow             parent_instance;

  ShoreStore           *store;
  int                   year, month;
  GArray               *fields;     /* BudgetField */

  AdwWindowTitle       *window_title;
  GtkButton            *save_button;
  GtkLabel             *error_label;
  AdwComboRow          *period_row;
  AdwEntryRow          *overall_row;
  AdwPreferencesGroup  *categories_group;
};

G_DEFINE_FINAL_TYPE (ShoreBudgetsDialog, shore_budgets_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_errors (ShoreBudgetsDialog *self)
{
  for (guint i = 0; self->fields != NULL && i < self->fields->len; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (g_array_index (self->fields, BudgetField, i).row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
on_field_changed_cb (ShoreBudgetsDialog *self)
{
  clear_errors (self);
}

static void
show_error (ShoreBudgetsDialog *self,
            AdwEntryRow        *row,
            const GError       *error)
{
  clear_errors (self);
  shore_ui_show_error (self->error_label, row != NULL ? GTK_WIDGET (row) : NULL, error);
}

/* Empty is no budget (0). */
static gboolean
read_field (BudgetField *field,
            gint64      *out,
            GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->row))));

  *out = 0;
  if (*text == '\0')
    return TRUE;
  if (!shore_money_parse (text, out, error))
    return FALSE;
  if (*out < 0)
    {
      g_set_error_literal (error, SHORE_MONEY_ERROR, SHORE_MONEY_ERROR_INVALID,
                           _("A budget cannot be below zero; leave the field empty for no budget"));
      return FALSE;
    }
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShoreBudgetsDialog *self = SHORE_BUDGETS_DIALOG (widget);
  g_autoptr(GArray) amounts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gboolean every_month = adw_combo_row_get_selected (self->period_row) == PERIOD_EVERY_MONTH;

  /* Everything is checked before anything is written. */
  for (guint i = 0; i < self->fields->len; i++)
    {
      BudgetField *field = &g_array_index (self->fields, BudgetField, i);
      gint64 amount;

      if (!read_field (field, &amount, &error))
        {
          show_error (self, field->row, error);
          return;
        }
      g_array_append_val (amounts, amount);
    }

  for (guint i = 0; i < self->fields->len; i++)
    {
      BudgetField *field = &g_array_index (self->fields, BudgetField, i);
      gint64 amount = g_array_index (amounts, gint64, i);

      if (amount == field->amount && !every_month)
        continue;
      if (!shore_ledger_set_budget (self->store, field->category_id, self->year,
                                    every_month ? 0 : self->month, amount, &error))
        {
          show_error (self, field->row, error);
          return;
        }
    }

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static AdwEntryRow *
add_field (ShoreBudgetsDialog *self,
           gint64              category_id,
           AdwEntryRow        *row)
{
  BudgetField field = { category_id, 0, row };

  g_array_append_val (self->fields, field);
  return row;
}

static void
load_budgets (ShoreBudgetsDialog *self)
{
  g_autoptr(GPtrArray) categories = shore_ledger_list_categories (self->store, SHORE_CATEGORY_EXPENSE, FALSE, NULL);
  g_autoptr(GArray) lines = shore_ledger_budget_lines (self->store, self->year, self->month, NULL);
  gboolean every_month = FALSE;

  add_field (self, 0, self->overall_row);
  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      ShoreCategory *category = g_ptr_array_index (categories, i);
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (category->icon);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), category->name);
      adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
      adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), icon);
      g_signal_connect_object (row, "changed", G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->categories_group, row);
      add_field (self, category->id, ADW_ENTRY_ROW (row));
    }

  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      ShoreBudgetLine *line = &g_array_index (lines, ShoreBudgetLine, i);

      for (guint j = 0; line->amount > 0 && j < self->fields->len; j++)
        {
          BudgetField *field = &g_array_index (self->fields, BudgetField, j);
          g_autofree char *text = NULL;

          if (field->category_id != line->category_id)
            continue;
          field->amount = line->amount;
          text = shore_money_format_plain (line->amount);
          gtk_editable_set_text (GTK_EDITABLE (field->row), text);
          every_month = every_month || line->every_month;
        }
    }

  adw_combo_row_set_selected (self->period_row, every_month || lines == NULL || lines->len == 0
                              ? PERIOD_EVERY_MONTH : PERIOD_THIS_MONTH);
}

static void
shore_budgets_dialog_dispose (GObject *object)
{
  ShoreBudgetsDialog *self = SHORE_BUDGETS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHORE_TYPE_BUDGETS_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->fields, g_array_unref);

  G_OBJECT_CLASS (shore_budgets_dialog_parent_class)->dispose (object);
}

static void
shore_budgets_dialog_class_init (ShoreBudgetsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shore_budgets_dialog_dispose;

  /**
   * ShoreBudgetsDialog::saved:
   *
   * Emitted after the budgets were written.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/shore-budgets-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetsDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetsDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetsDialog, overall_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreBudgetsDialog, categories_group);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "budgets.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shore_budgets_dialog_init (ShoreBudgetsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_array_new (FALSE, FALSE, sizeof (BudgetField));
}

ShoreBudgetsDialog *
shore_budgets_dialog_new (GtkWindow  *parent,
                          ShoreStore *store,
                          int         year,
                          int         month)
{
  ShoreBudgetsDialog *self;
  g_autoptr(GtkStringList) periods = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autofree char *month_text = NULL;
  g_autofree char *this_month = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  self = g_object_new (SHORE_TYPE_BUDGETS_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->year = year;
  self->month = month;

  first = g_date_time_new_local (year, month, 1, 0, 0, 0);
  /* Translators: the month shown on the Budget page, a g_date_time_format() format such as
   * “%B %Y” (November 2026); Chinese uses “%Y年%-m月” (2026年11月). */
  month_text = g_date_time_format (first, _("%B %Y"));
  adw_window_title_set_subtitle (self->window_title, month_text);
  /* Translators: %s is a month such as “November 2026” */
  this_month = g_strdup_printf (_("%s only"), month_text);
  periods = gtk_string_list_new ((const char * const[]) { this_month, _("Every month"), NULL });
  adw_combo_row_set_model (self->period_row, G_LIST_MODEL (periods));

  load_budgets (self);
  clear_errors (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->overall_row));
  return self;
}
