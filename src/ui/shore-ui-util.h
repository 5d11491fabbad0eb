/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shore-chart.h"
#include "shore-ledger.h"
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

/* A chart widget's style for drawing @width × @height: dark when the
 * desktop is, its text scaled as shore_ui_font_scale() says. */
void  shore_ui_chart_style_init (GtkWidget       *widget,
                                 ShoreChartStyle *style,
                                 double           width,
                                 double           height);
/* Redraws @widget whenever the desktop turns dark or light. */
void  shore_ui_chart_follow_dark (GtkWidget *widget);
/* Sets *@label_slot to @label and @widget's accessible label; FALSE when
 * nothing changed (the caller notifies its property otherwise). */
gboolean shore_ui_chart_set_label (GtkWidget   *widget,
                                   char       **label_slot,
                                   const char  *label);

/* A day chosen in a calendar popover: written into @entry as YYYY-MM-DD,
 * and the popover closed. */
void  shore_ui_calendar_to_entry (GtkCalendar   *calendar,
                                  GtkEditable   *entry,
                                  GtkMenuButton *button);

/* Today in local time. */
void  shore_ui_get_today (GDate *today);

/* A left-aligned label that wraps, with @css_class (may be NULL). */
GtkWidget *shore_ui_new_wrapped_label (const char *text,
                                       const char *css_class);

/* The open accounts, never NULL; a cash account is made first when there is
 * none, so a form always has somewhere to put money. Their names are
 * appended to @names. */
GPtrArray *shore_ui_list_accounts (ShoreStore    *store,
                                   GtkStringList *names) G_GNUC_WARN_UNUSED_RESULT;

/* The ids (gint64) of the loans of the register as of today; their lenders
 * are appended to @names. */
GArray    *shore_ui_list_loans    (ShoreStore    *store,
                                   GtkStringList *names) G_GNUC_WARN_UNUSED_RESULT;

/* A category drop-down is @none_label followed by @categories (ShoreCategory*). */
void   shore_ui_category_row_set_model    (AdwComboRow *row,
                                           GPtrArray   *categories,
                                           const char  *none_label);
/* The id of the chosen category, 0 for none. */
gint64 shore_ui_category_row_get_selected (AdwComboRow *row,
                                           GPtrArray   *categories);
/* Chooses category @id, or none when it is not among @categories. */
void   shore_ui_category_row_select       (AdwComboRow *row,
                                           GPtrArray   *categories,
                                           gint64       id);

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
/* Shows @error's message in @error_label, marks and focuses @row (may be NULL). */
void  shore_ui_show_error   (GtkLabel             *error_label,
                             GtkWidget            *row,
                             const GError         *error);
/* Shows the problem's message in @error_label, marks and focuses its row. */
void  shore_ui_show_problem (GtkLabel             *error_label,
                             const ShoreUiProblem *problem);

G_END_DECLS
