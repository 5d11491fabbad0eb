/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "shore-schedule.h"

G_BEGIN_DECLS

void shore_ui_set_state_pill (GtkLabel       *pill,
                              ShoreLoanState  state);

/* How much larger text is drawn in @widget's window: 1.35 in counselor
 * mode (the window has the "counselor" style class), else 1. Charts scale
 * their labels with it, as labels do through style.css. */
double shore_ui_font_scale (GtkWidget *widget);

/* The text of an entry row without surrounding white space (free it). */
char *shore_ui_get_stripped_text (GtkEditable *editable) G_GNUC_WARN_UNUSED_RESULT;

/* Removes every child of a GtkBox, GtkListBox or GtkGrid. */
void  shore_ui_remove_all_children (GtkWidget *parent);

/* A day chosen in a calendar popover: written into @entry as YYYY-MM-DD,
 * and the popover closed. */
void  shore_ui_calendar_to_entry (GtkCalendar   *calendar,
                                  GtkEditable   *entry,
                                  GtkMenuButton *button);

/* Where a form found a problem: the row to mark (NULL: the whole form) and why. */
typedef struct
{
  GtkWidget *row;
  GError    *error;
} ShoreUiProblem;

void  shore_ui_problem_clear (ShoreUiProblem *problem);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ShoreUiProblem, shore_ui_problem_clear)

/* Unmarks @rows and hides @error_label. */
void  shore_ui_clear_errors (GtkLabel   *error_label,
                             GtkWidget **rows,
                             guint       n_rows);
/* Shows the problem's message in @error_label, marks and focuses its row. */
void  shore_ui_show_problem (GtkLabel             *error_label,
                             const ShoreUiProblem *problem);

G_END_DECLS
