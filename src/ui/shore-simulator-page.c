/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-simulator-page"

#include "config.h"

#include <glib/gi18n.h>

#include "shore-chart-view.h"
#include "shore-debts.h"
#include "shore-loan-dialog.h"
#include "shore-money.h"
#include "shore-overdue.h"
#include "shore-overdue-chart.h"
#include "shore-payoff-section.h"
#include "shore-scenario.h"
#include "shore-schedule.h"

#include "shore-simulator-page.h"
#include "shore-ui-util.h"

/* What the page shows: every loan of the register not paid off, then the
 * example when it was asked for. Everything shown is computed by the core
 * (shore-overdue, shore-scenario); this file only lays it out. */
typedef struct
{
  ShoreLoan *loan;
  int        first_unpaid;
  gboolean   example;
} Choice;

struct _ShoreSimulatorPage
{
  AdwBin          parent_instance;

  GListModel     *debts;
  ShoreLoan      *example;        /* the unsaved loan: the example or one typed in */
  gboolean        example_typed;  /* self->example was typed in, not the built-in example */
  GArray         *choices;        /* of Choice */
  GtkStringList  *choice_labels;
  gboolean        rebuilding;

  GtkStack       *stack;
  GtkWidget      *example_button;
  GtkWidget      *type_button;
  GtkWidget      *type_loan_button;
  AdwComboRow    *loan_row;
  GtkAdjustment  *missed_adjustment;
  AdwComboRow    *horizon_row;
  GtkLabel       *error_label;
  GtkWidget      *results_box;
  GtkLabel       *total_label;
  GtkLabel       *days_label;
  GtkLabel       *stage_label;
  GtkListBox     *breakdown_list;
  ShoreChartView *chart_view;
  GtkLabel       *plan_note_label;
  GtkListBox     *waiting_list;
  GtkGrid        *credit_grid;
  GtkLabel       *credit_legend_label;
  GtkListBox     *milestones_list;
  GtkAdjustment  *term_adjustment;
  GtkSwitch      *stops_switch;
  AdwEntryRow    *fee_row;
  GtkAdjustment  *discount_adjustment;
  GtkGrid        *compare_grid;
  GtkLabel       *record_note_label;
  ShorePayoffSection *payoff_section;
};

G_DEFINE_FINAL_TYPE (ShoreSimulatorPage, shore_simulator_page, ADW_TYPE_BIN)

static const int horizons[] = { 30, 90, 180, 365, 730, 1095 };
#define DEFAULT_HORIZON 3
static const int waiting_days[] = { 0, 7, 30, 90 };

static void
clear_choice (gpointer data)
{
  Choice *choice = data;

  g_clear_pointer (&choice->loan, shore_loan_free);
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
new_money_row (const char *title,
               const char *subtitle,
               gint64      fen)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *money = shore_money_format (fen);
  GtkWidget *value = new_label (money, "numeric");

  gtk_label_set_wrap (GTK_LABEL (value), FALSE);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (value, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (value, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  return row;
}

static const char *
basis_css_class (ShoreOverdueBasis basis)
{
  switch (basis)
    {
    case SHORE_OVERDUE_BASIS_LAW:      return "shore-basis-law";
    case SHORE_OVERDUE_BASIS_PRACTICE: return "shore-basis-practice";
    case SHORE_OVERDUE_BASIS_CONTRACT: return "shore-basis-contract";
    default:                           break;
    }
  g_assert_not_reached ();
  return NULL;
}

static const Choice *
get_choice (ShoreSimulatorPage *self)
{
  guint selected = adw_combo_row_get_selected (self->loan_row);

  if (self->choices->len == 0 || selected == GTK_INVALID_LIST_POSITION || selected >= self->choices->len)
    return NULL;
  return &g_array_index (self->choices, Choice, selected);
}

static void
show_error (ShoreSimulatorPage *self,
            const char         *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  gtk_widget_set_visible (self->results_box, message == NULL);
}

static void
update_today (ShoreSimulatorPage       *self,
              const ShoreOverdueResult *result)
{
  g_autofree char *total = shore_money_format (result->total_overdue);
  g_autofree char *days = g_strdup_printf ("%d", result->days_overdue);
  const struct { const char *title; gint64 fen; } parts[] = {
    { _("Principal"), result->overdue_principal },
    { _("Interest"), result->overdue_interest },
    { _("Penalty interest"), result->penalty_interest },
    { _("Compound interest"), result->compound_interest },
    { _("Fees"), result->late_fees },
  };

  gtk_label_set_label (self->total_label, total);
  gtk_label_set_label (self->days_label, days);
  gtk_label_set_label (self->stage_label, shore_overdue_stage_get_label (result->stage));

  shore_ui_remove_all_children (GTK_WIDGET (self->breakdown_list));
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    gtk_list_box_append (self->breakdown_list, new_money_row (parts[i].title, NULL, parts[i].fen));
}

static gboolean read_negotiation (ShoreSimulatorPage *self,
                                  ShoreNegotiation   *terms,
                                  GError            **error);

static void
update_chart (ShoreSimulatorPage        *self,
              const ShoreLoan           *loan,
              const ShoreOverdueOptions *options,
              int                        horizon)
{
  g_autoptr(ShoreOverdueResult) last = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  ShoreOverdueOptions end = *options;
  ShoreNegotiation terms;
  ShoreChart *chart;
  GDate from;
  int n;

  shore_overdue_chart_range (loan, options, horizon, &from, &n);
  chart = shore_overdue_chart_new (loan, options, &from, n,
                                   read_negotiation (self, &terms, NULL) ? &terms : NULL, &error);
  if (chart == NULL)
    {
      shore_chart_view_set_chart (self->chart_view, NULL);
      g_warning ("No chart: %s", error->message);
      return;
    }
  shore_chart_view_set_chart (self->chart_view, chart);

  /* The last day of the chart, for its accessible description. */
  end.as_of = from;
  g_date_add_days (&end.as_of, (guint) (n - 1));
  if (shore_overdue_compute (loan, &end, &last, NULL))
    {
      g_autofree char *total = shore_money_format (last->total_overdue);

      /* Translators: the accessible description of the chart; %d is a number of days, %s an amount */
      label = g_strdup_printf (ngettext ("Chart of what is owed over %d day, reaching %s",
                                         "Chart of what is owed over %d days, reaching %s", n),
                               n, total);
      shore_chart_view_set_label (self->chart_view, label);
    }
}

static void
update_waiting (ShoreSimulatorPage       *self,
                const ShoreLoan          *loan,
                const ShoreOverdueOptions *today_options,
                const ShoreOverdueResult *today_result)
{
  shore_ui_remove_all_children (GTK_WIDGET (self->waiting_list));
  for (guint i = 0; i < G_N_ELEMENTS (waiting_days); i++)
    {
      ShoreOverdueOptions options = *today_options;
      g_autoptr(ShoreOverdueResult) result = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *date = NULL;
      int days = waiting_days[i];

      g_date_add_days (&options.as_of, (guint) days);
      if (!shore_overdue_compute (loan, &options, &result, NULL))
        continue;

      date = shore_date_format_iso (&options.as_of);
      if (days == 0)
        {
          title = g_strdup (_("Pay today"));
          subtitle = g_strdup (date);
        }
      else
        {
          g_autofree char *more = shore_money_format (result->total_overdue - today_result->total_overdue);

          /* Translators: %d is a number of days from today */
          title = g_strdup_printf (ngettext ("Pay in %d day", "Pay in %d days", days), days);
          /* Translators: a date (2026-12-24), then how much more than paying today, such as “¥123.45” */
          subtitle = g_strdup_printf (_("%s, %s more than today"), date, more);
        }
      gtk_list_box_append (self->waiting_list, new_money_row (title, subtitle, result->total_overdue));
    }
}

static void
update_credit (ShoreSimulatorPage       *self,
               const ShoreOverdueResult *result)
{
  GDate month;

  shore_ui_remove_all_children (GTK_WIDGET (self->credit_grid));
  g_date_clear (&month, 1);
  g_date_set_dmy (&month, 1, g_date_get_month (&result->as_of), g_date_get_year (&result->as_of));
  g_date_subtract_months (&month, SHORE_OVERDUE_STATUS_MONTHS - 1);

  for (int i = 0; i < SHORE_OVERDUE_STATUS_MONTHS; i++, g_date_add_months (&month, 1))
    {
      char mark = result->credit_status[i];
      char text[2] = { mark, '\0' };
      g_autofree char *month_text = g_strdup_printf ("%04u-%02u", g_date_get_year (&month), g_date_get_month (&month));
      g_autofree char *meaning = shore_overdue_describe_credit_mark (mark);
      g_autofree char *description = NULL;
      GtkWidget *cell = gtk_label_new (text);

      gtk_widget_add_css_class (cell, "shore-credit-cell");
      gtk_widget_add_css_class (cell, "numeric");
      if (mark >= '1' && mark <= '7')
        gtk_widget_add_css_class (cell, "shore-credit-late");
      else if (mark == 'N')
        gtk_widget_add_css_class (cell, "shore-credit-ok");
      /* Translators: a month (2026-10) and what the credit report shows for it, such as “1 month overdue” */
      description = g_strdup_printf (_("%s: %s"), month_text, meaning);
      gtk_widget_set_tooltip_text (cell, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
      gtk_grid_attach (self->credit_grid, cell, i, 1, 1, 1);

      if (i % 6 == 0 || i == SHORE_OVERDUE_STATUS_MONTHS - 1)
        {
          GtkWidget *label = new_label (month_text, "caption");

          gtk_label_set_wrap (GTK_LABEL (label), FALSE);
          gtk_widget_add_css_class (label, "dim-label");
          if (i == SHORE_OVERDUE_STATUS_MONTHS - 1)
            {
              gtk_label_set_xalign (GTK_LABEL (label), 1);
              gtk_grid_attach (self->credit_grid, label, i - 2, 0, 3, 1);
            }
          else
            gtk_grid_attach (self->credit_grid, label, i, 0, 3, 1);
        }
    }

  gtk_label_set_label (self->credit_legend_label,
                       _("N = paid on time · 1 to 7 = months overdue at the end of the month (7: more than six) · * = before the loan began"));
}

static GtkWidget *
new_milestone_row (const ShoreOverdueMilestone *m)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *when = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *what = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *tag = gtk_label_new (shore_overdue_basis_get_label (m->basis));
  g_autofree char *date = shore_date_format_iso (&m->date);
  /* Translators: %d counts the days since the first missed due date */
  g_autofree char *day = g_strdup_printf (_("day %d"), m->day);
  GtkWidget *date_label = new_label (date, "numeric");
  GtkWidget *day_label = new_label (day, "caption");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, basis_css_class (m->basis));
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_widget_set_size_request (when, 96, -1);
  gtk_widget_add_css_class (date_label, "heading");
  gtk_widget_add_css_class (day_label, "dim-label");
  gtk_box_append (GTK_BOX (when), date_label);
  gtk_box_append (GTK_BOX (when), day_label);

  gtk_widget_set_hexpand (what, TRUE);
  gtk_widget_set_valign (what, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (what), new_label (m->text, NULL));
  if (m->citation != NULL)
    {
      GtkWidget *citation = new_label (m->citation, "caption");

      gtk_widget_add_css_class (citation, "dim-label");
      gtk_widget_add_css_class (citation, "shore-citation");
      gtk_label_set_selectable (GTK_LABEL (citation), TRUE);
      gtk_box_append (GTK_BOX (what), citation);
    }

  gtk_widget_add_css_class (tag, "shore-pill");
  gtk_widget_add_css_class (tag, basis_css_class (m->basis));
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_label_set_wrap (GTK_LABEL (tag), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (tag), 14);
  /* Wide enough that a short tag such as 法律规定 stays on one line beside the expanding text. */
  gtk_label_set_width_chars (GTK_LABEL (tag), 12);
  gtk_label_set_justify (GTK_LABEL (tag), GTK_JUSTIFY_CENTER);

  gtk_box_append (GTK_BOX (box), when);
  gtk_box_append (GTK_BOX (box), what);
  gtk_box_append (GTK_BOX (box), tag);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
update_milestones (ShoreSimulatorPage       *self,
                   const ShoreOverdueResult *result)
{
  shore_ui_remove_all_children (GTK_WIDGET (self->milestones_list));
  gtk_label_set_label (self->record_note_label, "");
  for (guint i = 0; i < result->milestones->len; i++)
    {
      const ShoreOverdueMilestone *m = &g_array_index (result->milestones, ShoreOverdueMilestone, i);

      gtk_list_box_append (self->milestones_list, new_milestone_row (m));
      if (m->kind == SHORE_MILESTONE_RECORD_KEPT)
        {
          g_autofree char *date = shore_date_format_iso (&m->date);
          /* Translators: a date, what happens then, and the law it comes from */
          g_autofree char *note = g_strdup_printf (_("%s: %s (%s)"), date, m->text,
                                                   m->citation != NULL ? m->citation : "");

          gtk_label_set_label (self->record_note_label, note);
        }
    }
}

static void
attach_cell (GtkGrid    *grid,
             const char *text,
             int         column,
             int         row,
             const char *css_class)
{
  GtkWidget *label = new_label (text, css_class);

  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static gboolean
read_negotiation (ShoreSimulatorPage *self,
                  ShoreNegotiation   *terms,
                  GError            **error)
{
  const char *fee_text = gtk_editable_get_text (GTK_EDITABLE (self->fee_row));
  g_autofree char *copy = g_strstrip (g_strdup (fee_text));

  terms->term_months = (int) gtk_adjustment_get_value (self->term_adjustment);
  terms->interest_stops = gtk_switch_get_active (self->stops_switch);
  terms->discount_bp = (int) gtk_adjustment_get_value (self->discount_adjustment) * 100;
  terms->fee = 0;
  /* An empty field means no fee. */
  return copy[0] == '\0' || shore_money_parse (copy, &terms->fee, error);
}

static void
update_scenarios (ShoreSimulatorPage *self,
                  const ShoreLoan    *loan,
                  int                 missed_from,
                  const GDate        *today,
                  int                 horizon)
{
  g_autoptr(GError) error = NULL;
  ShoreScenario now, wait, deal;
  ShoreNegotiation terms;
  g_autofree char *text = NULL;
  g_autofree char *wait_header = NULL;
  GtkGrid *grid = self->compare_grid;

  shore_ui_remove_all_children (GTK_WIDGET (grid));
  gtk_label_set_label (self->plan_note_label, "");

  if (!read_negotiation (self, &terms, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->fee_row), "error");
      attach_cell (grid, error->message, 0, 0, NULL);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->fee_row), "error");

  if (!shore_scenario_pay_now (loan, missed_from, today, &now, &error)
      || !shore_scenario_keep_waiting (loan, missed_from, today, horizon, &wait, &error)
      || !shore_scenario_negotiate (loan, missed_from, today, &terms, &deal, &error))
    {
      attach_cell (grid, error->message, 0, 0, NULL);
      return;
    }

  /* Translators: a column header; %d is the number of days looked ahead */
  wait_header = g_strdup_printf (ngettext ("Wait %d day", "Wait %d days", horizon), horizon);
  attach_cell (grid, _("Pay now"), 1, 0, "heading");
  attach_cell (grid, wait_header, 2, 0, "heading");
  attach_cell (grid, _("Negotiate"), 3, 0, "heading");
  attach_cell (grid, _("Total paid"), 0, 1, "dim-label");
  attach_cell (grid, _("Monthly payment"), 0, 2, "dim-label");
  attach_cell (grid, _("Credit record"), 0, 3, "dim-label");

  {
    g_autofree char *a = shore_money_format (now.total);
    g_autofree char *b = shore_money_format (wait.total);
    g_autofree char *c = shore_money_format (deal.total);

    attach_cell (grid, a, 1, 1, "title-4");
    attach_cell (grid, b, 2, 1, "title-4");
    attach_cell (grid, c, 3, 1, "title-4");
  }
  {
    g_autofree char *a = shore_scenario_describe_pay_now (&now);
    g_autofree char *c = shore_scenario_describe_monthly (&deal);

    attach_cell (grid, a, 1, 2, NULL);
    attach_cell (grid, _("Nothing paid; what you owe keeps growing"), 2, 2, NULL);
    attach_cell (grid, c, 3, 2, NULL);
  }
  {
    g_autofree char *a = shore_overdue_describe_credit_mark (now.worst_status);
    g_autofree char *b = shore_overdue_describe_credit_mark (wait.worst_status);
    g_autofree char *worst = shore_overdue_describe_credit_mark (deal.worst_status);
    g_autofree char *c = NULL;

    /* Translators: %s is the worst mark on the credit report so far, such as “2 months overdue” */
    c = g_strdup_printf (_("%s so far; later months depend on how the lender reports the plan"), worst);
    attach_cell (grid, a, 1, 3, NULL);
    attach_cell (grid, b, 2, 3, NULL);
    attach_cell (grid, c, 3, 3, NULL);
  }

  {
    g_autofree char *monthly = shore_money_format (deal.monthly);
    g_autofree char *total = shore_money_format (deal.total);
    g_autofree char *waiting = shore_money_format (wait.total);

    /* Translators: %1$s a monthly amount, %2$d a number of months, %3$s the total of the plan, %4$s what waiting costs */
    text = g_strdup_printf (ngettext ("Negotiated plan: %1$s a month for %2$d month, %3$s in all; waiting costs %4$s.",
                                      "Negotiated plan: %1$s a month for %2$d months, %3$s in all; waiting costs %4$s.",
                                      deal.months),
                            monthly, deal.months, total, waiting);
    gtk_label_set_label (self->plan_note_label, text);
  }
}

static void
recompute (ShoreSimulatorPage *self)
{
  const Choice *choice = get_choice (self);
  g_autoptr(ShoreOverdueResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ShoreOverdueOptions options = { 0 };
  guint horizon_index;
  int horizon;

  if (choice == NULL || self->rebuilding)
    return;

  horizon_index = adw_combo_row_get_selected (self->horizon_row);
  horizon = horizons[horizon_index < G_N_ELEMENTS (horizons) ? horizon_index : DEFAULT_HORIZON];
  options.missed_from = (int) gtk_adjustment_get_value (self->missed_adjustment);
  shore_ui_get_today (&options.as_of);

  if (!shore_overdue_compute (choice->loan, &options, &result, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);

  update_today (self, result);
  update_chart (self, choice->loan, &options, horizon);
  update_waiting (self, choice->loan, &options, result);
  update_credit (self, result);
  update_milestones (self, result);
  update_scenarios (self, choice->loan, options.missed_from, &options.as_of, horizon);
}

static void
select_loan (ShoreSimulatorPage *self)
{
  const Choice *choice = get_choice (self);

  if (choice == NULL)
    return;

  self->rebuilding = TRUE;
  gtk_adjustment_set_upper (self->missed_adjustment, choice->loan->term_months);
  gtk_adjustment_set_value (self->missed_adjustment, choice->first_unpaid);
  self->rebuilding = FALSE;
  recompute (self);
}

static void
add_choice (ShoreSimulatorPage *self,
            const ShoreLoan    *loan,
            int                 first_unpaid,
            gboolean            example,
            const char         *label)
{
  Choice choice = { shore_loan_copy (loan), CLAMP (first_unpaid, 1, loan->term_months), example };

  g_array_append_val (self->choices, choice);
  gtk_string_list_append (self->choice_labels, label);
}

/* Rebuilds the loan choices from the register, keeping the selected loan. */
static void
rebuild_choices (ShoreSimulatorPage *self)
{
  const Choice *old = get_choice (self);
  gint64 old_id = old != NULL && !old->example ? old->loan->id : 0;
  gboolean old_example = old != NULL && old->example;
  guint n = self->debts != NULL ? g_list_model_get_n_items (self->debts) : 0;
  guint selected = 0;

  self->rebuilding = TRUE;
  g_array_set_size (self->choices, 0);
  gtk_string_list_splice (self->choice_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->choice_labels)), NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (self->debts, i);
      const ShoreLoanStatus *status = shore_debt_get_status (debt);
      const ShoreLoan *loan = shore_debt_get_loan (debt);
      g_autofree char *principal = NULL;
      g_autofree char *label = NULL;

      if (status->state == SHORE_LOAN_STATE_PAID_OFF)
        continue;
      principal = shore_money_format (loan->principal);
      /* Translators: a lender and the amount borrowed, such as “微粒贷, ¥10,000.00” */
      label = g_strdup_printf (_("%s, %s"), loan->lender, principal);
      if (loan->id == old_id)
        selected = self->choices->len;
      add_choice (self, loan, status->next_period, FALSE, label);
    }

  if (self->example != NULL)
    {
      g_autofree char *principal = shore_money_format (self->example->principal);
      g_autofree char *label = NULL;

      if (self->example_typed)
        /* Translators: a loan typed in to simulate, in the list of loans; a lender and an amount */
        label = g_strdup_printf (_("%s, %s (not saved)"), self->example->lender, principal);
      else
        /* Translators: the example loan in the list of loans; a lender and an amount */
        label = g_strdup_printf (_("Example: %s, %s (not saved)"), self->example->lender, principal);

      if (old_example || (old_id == 0 && self->choices->len == 0))
        selected = self->choices->len;
      add_choice (self, self->example, 1, TRUE, label);
    }

  adw_combo_row_set_selected (self->loan_row, selected);
  self->rebuilding = FALSE;

  gtk_stack_set_visible_child_name (self->stack, self->choices->len > 0 ? "simulation" : "empty");
  select_loan (self);
}

static void
on_debts_items_changed_cb (ShoreSimulatorPage *self,
                           guint               position,
                           guint               removed,
                           guint               added,
                           GListModel         *debts)
{
  rebuild_choices (self);
}

static void
on_loan_selected_cb (ShoreSimulatorPage *self)
{
  if (!self->rebuilding)
    select_loan (self);
}

static void
on_input_changed_cb (ShoreSimulatorPage *self)
{
  recompute (self);
}

static void
try_example_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  shore_simulator_page_load_example (SHORE_SIMULATOR_PAGE (widget));
}

/* Simulates the loan typed in, as the unsaved loan of the page; nothing is stored. */
static void
on_loan_ready_cb (ShoreSimulatorPage *self,
                  gconstpointer       loan)
{
  g_clear_pointer (&self->example, shore_loan_free);
  self->example = shore_loan_copy (loan);
  self->example_typed = TRUE;
  rebuild_choices (self);
  adw_combo_row_set_selected (self->loan_row, self->choices->len - 1);
}

static void
type_loan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShoreSimulatorPage *self = SHORE_SIMULATOR_PAGE (widget);
  const Choice *choice = get_choice (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  ShoreLoanDialog *dialog;

  dialog = shore_loan_dialog_new_for_simulation (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                 choice != NULL && choice->example ? choice->loan : NULL);
  g_signal_connect_object (dialog, "loan-ready", G_CALLBACK (on_loan_ready_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fill_horizons (ShoreSimulatorPage *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (horizons); i++)
    {
      g_autofree char *text = NULL;
      int days = horizons[i];

      if (days % 365 == 0)
        /* Translators: how far the simulation looks ahead */
        text = g_strdup_printf (ngettext ("%d year", "%d years", days / 365), days / 365);
      else
        /* Translators: how far the simulation looks ahead */
        text = g_strdup_printf (ngettext ("%d day", "%d days", days), days);
      gtk_string_list_append (list, text);
    }
  adw_combo_row_set_model (self->horizon_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->horizon_row, DEFAULT_HORIZON);
}

static void
shore_simulator_page_dispose (GObject *object)
{
  ShoreSimulatorPage *self = SHORE_SIMULATOR_PAGE (object);

  /* As in the overview page: the stack is the bin's child and a template child. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHORE_TYPE_SIMULATOR_PAGE);
  if (self->debts != NULL)
    g_signal_handlers_disconnect_by_func (self->debts, on_debts_items_changed_cb, self);
  g_clear_object (&self->debts);
  g_clear_object (&self->choice_labels);

  G_OBJECT_CLASS (shore_simulator_page_parent_class)->dispose (object);
}

static void
shore_simulator_page_finalize (GObject *object)
{
  ShoreSimulatorPage *self = SHORE_SIMULATOR_PAGE (object);

  g_clear_pointer (&self->choices, g_array_unref);
  g_clear_pointer (&self->example, shore_loan_free);

  G_OBJECT_CLASS (shore_simulator_page_parent_class)->finalize (object);
}

static void
shore_simulator_page_class_init (ShoreSimulatorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shore_simulator_page_dispose;
  object_class->finalize = shore_simulator_page_finalize;

  g_type_ensure (SHORE_TYPE_CHART_VIEW);
  g_type_ensure (SHORE_TYPE_PAYOFF_SECTION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/shore-simulator-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, example_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, type_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, type_loan_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, loan_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, missed_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, horizon_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, results_box);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, days_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, stage_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, breakdown_list);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, plan_note_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, waiting_list);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, credit_grid);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, credit_legend_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, milestones_list);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, term_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, stops_switch);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, fee_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, discount_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, compare_grid);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, record_note_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreSimulatorPage, payoff_section);

  gtk_widget_class_install_action (widget_class, "simulator.try-example", NULL, try_example_action);
  gtk_widget_class_install_action (widget_class, "simulator.type-loan", NULL, type_loan_action);
}

static void
shore_simulator_page_init (ShoreSimulatorPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->choices = g_array_new (FALSE, TRUE, sizeof (Choice));
  g_array_set_clear_func (self->choices, clear_choice);
  self->choice_labels = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->loan_row, G_LIST_MODEL (self->choice_labels));
  fill_horizons (self);

  g_signal_connect_swapped (self->loan_row, "notify::selected", G_CALLBACK (on_loan_selected_cb), self);
  g_signal_connect_swapped (self->horizon_row, "notify::selected", G_CALLBACK (on_input_changed_cb), self);
  g_signal_connect_swapped (self->missed_adjustment, "value-changed", G_CALLBACK (on_input_changed_cb), self);
  g_signal_connect_swapped (self->term_adjustment, "value-changed", G_CALLBACK (on_input_changed_cb), self);
  g_signal_connect_swapped (self->discount_adjustment, "value-changed", G_CALLBACK (on_input_changed_cb), self);
  g_signal_connect_swapped (self->stops_switch, "notify::active", G_CALLBACK (on_input_changed_cb), self);
  g_signal_connect_swapped (self->fee_row, "changed", G_CALLBACK (on_input_changed_cb), self);

  rebuild_choices (self);
}

void
shore_simulator_page_set_model (ShoreSimulatorPage *self,
                                GListModel         *debts)
{
  g_return_if_fail (SHORE_IS_SIMULATOR_PAGE (self));
  g_return_if_fail (debts == NULL || G_IS_LIST_MODEL (debts));

  if (self->debts != debts)
    {
      if (self->debts != NULL)
        g_signal_handlers_disconnect_by_func (self->debts, on_debts_items_changed_cb, self);
      g_set_object (&self->debts, debts);
      if (self->debts != NULL)
        g_signal_connect_object (self->debts, "items-changed", G_CALLBACK (on_debts_items_changed_cb),
                                 self, G_CONNECT_SWAPPED);
    }
  shore_payoff_section_set_model (self->payoff_section, debts);
  rebuild_choices (self);
}

void
shore_simulator_page_load_example (ShoreSimulatorPage *self)
{
  GDate today;

  g_return_if_fail (SHORE_IS_SIMULATOR_PAGE (self));

  shore_ui_get_today (&today);
  g_clear_pointer (&self->example, shore_loan_free);
  self->example = shore_simulator_example_loan (&today);
  self->example_typed = FALSE;
  rebuild_choices (self);
  adw_combo_row_set_selected (self->loan_row, self->choices->len - 1);
}

ShoreLoan *
shore_simulator_example_loan (const GDate *today)
{
  ShoreLoan *loan;

  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  loan = shore_loan_new ();
  g_free (loan->lender);
  loan->lender = g_strdup ("微粒贷");
  loan->lender_type = SHORE_LENDER_BANK;
  loan->principal = 1000000;
  if (!shore_rate_parse ("daily:0.05%", &loan->rate, NULL))
    g_assert_not_reached ();
  loan->term_months = 10;
  loan->method = SHORE_METHOD_EQUAL_PRINCIPAL;
  loan->start_date = *today;
  g_date_subtract_months (&loan->start_date, 2);
  g_date_subtract_days (&loan->start_date, 10);
  return loan;
}

/* What the budget leaves for debt each month, for the payoff plan. */
void
shore_simulator_page_set_budget_surplus (ShoreSimulatorPage *self,
                                         gint64              surplus,
                                         gboolean            has_budget)
{
  g_return_if_fail (SHORE_IS_SIMULATOR_PAGE (self));

  shore_payoff_section_set_budget_surplus (self->payoff_section, surplus, has_budget);
}
