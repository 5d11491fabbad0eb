/* SPDX-License-Identifier: GPL-3.0-or-later */

/* For the files of the Budget page only: shore-budget-page.c (the month, the
 * template and the class) and shore-budget-transactions.c (the Transactions
 * section and its actions).
 */

#pragma once

#include "shore-ledger.h"

#include "shore-budget-page.h"
#include "shore-report-view.h"

G_BEGIN_DECLS


struct _ShoreBudgetPage
{
  AdwBin                parent_instance;

  ShoreStore           *store;
  int                   year, month;
  guint                 reports_idle;     /* the reports are drawn after the first frame */
  ShoreTransactionList *transactions;   /* filtered, behind transactions_view */
  GtkMultiSelection    *selection;
  GArray               *upcoming;       /* ShoreUpcoming, the rows of upcoming_list */
  GArray               *recurring;      /* ShoreRecurring, the rows of recurring_list */
  GArray               *filter_accounts;   /* gint64 per account_dropdown row (0: all) */
  GArray               *filter_categories; /* gint64 per category_dropdown row (0: all, -1: none) */
  gboolean              loading_filters;
  AdwToast             *last_toast;     /* weak */

  GtkStack             *stack;
  GtkStack             *sections_stack;
  gboolean              filter_choices_stale;
  GtkLabel             *month_label;
  GtkLabel             *income_label;
  GtkLabel             *spending_label;
  GtkLabel             *budget_left_label;
  GtkWidget            *budget_left_card;
  GtkLabel             *available_label;
  GtkLabel             *available_note_label;
  GtkWidget            *available_card;
  GtkLabel             *debt_paid_label;
  GtkLabel             *debt_due_label;
  GtkWidget            *debt_due_card;
  GtkListBox           *budgets_list;
  GtkListBox           *upcoming_list;
  GtkListBox           *recurring_list;
  GtkBox               *reports_box;
  ShoreReportView      *category_report;
  ShoreReportView      *trend_report;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *period_dropdown;
  GtkDropDown          *account_dropdown;
  GtkDropDown          *category_dropdown;
  GtkDropDown          *flow_dropdown;
  GtkMenuButton        *filter_button;
  GtkStack             *transactions_stack;
  GtkListView          *transactions_view;
  GtkLabel             *footer_label;
};

typedef enum {
  UNDO_DELETE_TRANSACTIONS,
  UNDO_IMPORT,
  UNDO_DELETE_RECURRING,
} UndoKind;

typedef struct
{
  ShoreBudgetPage *page;
  UndoKind         kind;
  GArray          *deleted;     /* UNDO_DELETE_TRANSACTIONS */
  gint64           import_id;   /* UNDO_IMPORT */
  ShoreRecurring   recurring;   /* UNDO_DELETE_RECURRING */
} UndoData;

/* shore-budget-page.c */
GtkWindow *shore_budget_page_get_parent_window         (ShoreBudgetPage *self);
void       shore_budget_page_get_month_bounds          (ShoreBudgetPage *self,
                                                        GDate           *first,
                                                        GDate           *last);
void       shore_budget_page_show_error_toast          (ShoreBudgetPage *self,
                                                        const GError    *error);
void       shore_budget_page_show_toast                (ShoreBudgetPage *self,
                                                        const char      *title);
void       shore_budget_page_notify_changed            (ShoreBudgetPage *self);
void       shore_budget_page_undo_data_free            (gpointer         data,
                                                        GClosure        *closure);
void       shore_budget_page_add_undo_toast            (ShoreBudgetPage *self,
                                                        const char      *title,
                                                        UndoData        *undo);

/* shore-budget-transactions.c */
void       shore_budget_page_update_transactions       (ShoreBudgetPage *self);
void       shore_budget_page_attach_list_if_shown      (ShoreBudgetPage *self);
void       shore_budget_page_class_init_transactions   (GtkWidgetClass  *widget_class);
void       shore_budget_page_init_transactions         (ShoreBudgetPage *self);

G_END_DECLS
