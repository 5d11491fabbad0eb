/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-ui-util"

#include "config.h"

#include <glib/gi18n.h>

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
shore_ui_show_problem (GtkLabel             *error_label,
                       const ShoreUiProblem *problem)
{
  gtk_label_set_text (error_label, problem->error->message);
  gtk_widget_set_visible (GTK_WIDGET (error_label), TRUE);

  if (problem->row != NULL)
    {
      gtk_widget_add_css_class (problem->row, "error");
      gtk_widget_grab_focus (problem->row);
    }
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
