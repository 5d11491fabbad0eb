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
