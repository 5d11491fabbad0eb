/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-ui-util"

#include "config.h"

#include <glib/gi18n.h>

#include "shore-debts.h"
#include "shore-ui-util.h"

/* A word and a style for the state, so it never rests on color alone. */
void
shore_ui_set_state_pill (GtkLabel       *pill,
                         ShoreLoanState  state)
{
  static const char * const classes[] = { "error", "warning", "success", "neutral" };
  const char *label = NULL;
  const char *css = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (pill), classes[i]);

  switch (state)
    {
    case SHORE_LOAN_STATE_OVERDUE:
      label = C_("loan state", "Overdue");
      css = "error";
      break;
    case SHORE_LOAN_STATE_DUE_SOON:
      label = C_("loan state", "Due soon");
      css = "warning";
      break;
    case SHORE_LOAN_STATE_PAID_OFF:
      label = C_("loan state", "Paid off");
      css = "success";
      break;
    case SHORE_LOAN_STATE_CURRENT:
    default:
      label = C_("loan state", "On track");
      css = "neutral";
      break;
    }

  gtk_label_set_label (pill, label);
  gtk_widget_add_css_class (GTK_WIDGET (pill), css);
}

char *
shore_ui_get_stripped_text (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

void
shore_ui_remove_all_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else if (GTK_IS_GRID (parent))
        gtk_grid_remove (GTK_GRID (parent), child);
      else if (GTK_IS_BOX (parent))
        gtk_box_remove (GTK_BOX (parent), child);
      else
        g_assert_not_reached ();
    }
}

void
shore_ui_calendar_to_entry (GtkCalendar   *calendar,
                            GtkEditable   *entry,
                            GtkMenuButton *button)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (entry, text);
  gtk_menu_button_popdown (button);
}

void
shore_ui_get_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

GtkWidget *
shore_ui_new_wrapped_label (const char *text,
                            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

GPtrArray *
shore_ui_list_accounts (ShoreStore    *store,
                        GtkStringList *names)
{
  GPtrArray *accounts = shore_ledger_list_accounts (store, FALSE, NULL);

  if (accounts != NULL && accounts->len == 0)
    {
      /* A first entry needs somewhere to go: a cash account. */
      g_clear_pointer (&accounts, g_ptr_array_unref);
      shore_ledger_ensure_account (store, SHORE_ACCOUNT_CASH, NULL);
      accounts = shore_ledger_list_accounts (store, FALSE, NULL);
    }
  if (accounts == NULL)
    accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) shore_account_free);

  for (guint i = 0; i < accounts->len; i++)
    gtk_string_list_append (names, ((ShoreAccount *) g_ptr_array_index (accounts, i))->name);
  return accounts;
}

GArray *
shore_ui_list_loans (ShoreStore    *store,
                     GtkStringList *names)
{
  GArray *loan_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GListModel) debts = NULL;
  GDate today;

  shore_ui_get_today (&today);
  debts = shore_debts_list (store, &today, NULL);
  for (guint i = 0; debts != NULL && i < g_list_model_get_n_items (debts); i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (debts, i);
      gint64 id = shore_debt_get_id (debt);

      g_array_append_val (loan_ids, id);
      gtk_string_list_append (names, shore_debt_get_loan (debt)->lender);
    }
  return loan_ids;
}

void
shore_ui_category_row_set_model (AdwComboRow *row,
                                 GPtrArray   *categories,
                                 const char  *none_label)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, none_label);
  for (guint i = 0; i < categories->len; i++)
    gtk_string_list_append (names, ((ShoreCategory *) g_ptr_array_index (categories, i))->name);
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
}

gint64
shore_ui_category_row_get_selected (AdwComboRow *row,
                                    GPtrArray   *categories)
{
  guint selected = adw_combo_row_get_selected (row);

  if (categories == NULL || selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > categories->len)
    return 0;
  return ((ShoreCategory *) g_ptr_array_index (categories, selected - 1))->id;
}

void
shore_ui_category_row_select (AdwComboRow *row,
                              GPtrArray   *categories,
                              gint64       id)
{
  adw_combo_row_set_selected (row, 0);
  for (guint i = 0; i < categories->len; i++)
    {
      if (((ShoreCategory *) g_ptr_array_index (categories, i))->id == id)
        adw_combo_row_set_selected (row, i + 1);
    }
}

void
shore_ui_problem_clear (ShoreUiProblem *problem)
{
  g_clear_error (&problem->error);
  problem->row = NULL;
}

void
shore_ui_clear_errors (GtkLabel   *error_label,
                       GtkWidget **rows,
                       guint       n_rows)
{
  for (guint i = 0; i < n_rows; i++)
    gtk_widget_remove_css_class (rows[i], "error");
  gtk_widget_set_visible (GTK_WIDGET (error_label), FALSE);
}

void
shore_ui_show_error (GtkLabel     *error_label,
                     GtkWidget    *row,
                     const GError *error)
{
  gtk_label_set_text (error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (error_label), TRUE);

  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

void
shore_ui_show_problem (GtkLabel             *error_label,
                       const ShoreUiProblem *problem)
{
  shore_ui_show_error (error_label, problem->row, problem->error);
}

void
shore_ui_chart_style_init (GtkWidget       *widget,
                           ShoreChartStyle *style,
                           double           width,
                           double           height)
{
  shore_chart_style_init (style, width, height);
  style->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  style->font_scale = shore_ui_font_scale (widget);
  /* language NULL: Pango's default, which follows the UI locale */
}

static void
on_style_manager_dark_changed_cb (GtkWidget       *widget,
                                  GParamSpec      *pspec,
                                  AdwStyleManager *manager)
{
  gtk_widget_queue_draw (widget);
}

void
shore_ui_chart_follow_dark (GtkWidget *widget)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_manager_dark_changed_cb), widget,
                           G_CONNECT_SWAPPED);
}

gboolean
shore_ui_chart_set_label (GtkWidget   *widget,
                          char       **label_slot,
                          const char  *label)
{
  if (g_strcmp0 (*label_slot, label) == 0)
    return FALSE;

  g_free (*label_slot);
  *label_slot = g_strdup (label);

  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_PROPERTY_LABEL);
  return TRUE;
}

/**
 * shore_ui_font_scale:
 * @widget: a widget
 *
 * Returns: the text scale of @widget's window: larger in counselor mode
 */
double
shore_ui_font_scale (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root != NULL && gtk_widget_has_css_class (GTK_WIDGET (root), "counselor"))
    return 1.35;
  return 1.0;
}
