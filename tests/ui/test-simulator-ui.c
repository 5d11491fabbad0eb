/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drives the Simulator page through its real widgets under Xvfb: the empty
 * register offers the example, which shows its figures, chart, credit line
 * and milestones; a loan already in the register is simulated; changing the
 * horizon rebuilds the chart, which also draws the “pay today” and
 * “negotiated plan” lines; the payoff section plans all the register's loans
 * for a monthly amount, says when it is too small and refuses bad input; a loan
 * typed in is simulated without being stored. Runs once per language (LANGUAGE=C, zh_CN,
 * zh_TW); any GTK warning aborts the run. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "shore-application.h"
#include "shore-chart-view.h"
#include "shore-debts.h"
#include "shore-debts-page.h"
#include "shore-i18n.h"
#include "shore-loan-dialog.h"
#include "shore-money.h"
#include "shore-overdue.h"
#include "shore-payoff-section.h"
#include "shore-simulator-page.h"
#include "shore-window.h"

#include "shore-test-ui.h"

static ShoreSimulatorPage *
get_simulator_page (void)
{
  return shore_test_child (shore_test_get_window (), SHORE_TYPE_WINDOW, "simulator_page");
}

static gpointer
sim_child (const char *name)
{
  return shore_test_child (get_simulator_page (), SHORE_TYPE_SIMULATOR_PAGE, name);
}

static const char *
sim_label (const char *name)
{
  return gtk_label_get_label (GTK_LABEL (sim_child (name)));
}

static gpointer
payoff_child (const char *name)
{
  return shore_test_child (sim_child ("payoff_section"), SHORE_TYPE_PAYOFF_SECTION, name);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *w = gtk_widget_get_first_child (widget); w != NULL; w = gtk_widget_get_next_sibling (w))
    n++;
  return n;
}

/* A label somewhere under @widget whose text starts with @prefix. */
static gboolean
has_label_with_prefix (GtkWidget  *widget,
                       const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix))
    return TRUE;
  for (GtkWidget *w = gtk_widget_get_first_child (widget); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (has_label_with_prefix (w, prefix))
      return TRUE;
  return FALSE;
}

static guint
chart_lines (void)
{
  ShoreChart *chart = shore_chart_view_get_chart (sim_child ("chart_view"));

  g_assert_nonnull (chart);
  return shore_chart_get_n_lines (chart);
}

static guint
chart_points (void)
{
  ShoreChart *chart = shore_chart_view_get_chart (sim_child ("chart_view"));

  g_assert_nonnull (chart);
  return shore_chart_get_n_points (chart);
}

/* A label with the citation style under some row of the milestones list. */
static gboolean
has_law_row_with_citation (void)
{
  GtkWidget *list = sim_child ("milestones_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (!gtk_widget_has_css_class (row, "shore-basis-law"))
        continue;
      for (GtkWidget *w = gtk_widget_get_first_child (row); w != NULL; )
        {
          if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "shore-citation")
              && strlen (gtk_label_get_label (GTK_LABEL (w))) > 0)
            return TRUE;
          /* depth-first walk inside the row */
          if (gtk_widget_get_first_child (w) != NULL)
            w = gtk_widget_get_first_child (w);
          else
            {
              while (w != row && gtk_widget_get_next_sibling (w) == NULL)
                w = gtk_widget_get_parent (w);
              w = w == row ? NULL : gtk_widget_get_next_sibling (w);
            }
        }
    }
  return FALSE;
}

static void
assert_figures_shown (void)
{
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sim_child ("stack")), ==, "simulation");
  g_assert_false (gtk_widget_get_visible (sim_child ("error_label")));
  g_assert_cmpuint (strlen (sim_label ("total_label")), >, 0);
  g_assert_cmpuint (strlen (sim_label ("stage_label")), >, 0);
  g_assert_cmpuint (chart_points (), >, 1);
  g_assert_nonnull (gtk_widget_get_first_child (sim_child ("waiting_list")));
  g_assert_nonnull (gtk_widget_get_first_child (sim_child ("credit_grid")));
  g_assert_nonnull (gtk_widget_get_first_child (sim_child ("compare_grid")));
  g_assert_true (has_law_row_with_citation ());
  /* pay today and the negotiated plan, over the stacked “keep waiting” */
  g_assert_cmpuint (chart_lines (), ==, 2);
}

static void
test_example (void)
{
  ShoreWindow *window = shore_test_get_window ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "simulator"));
  shore_test_settle ();
  g_assert_cmpstr (shore_window_get_visible_page (window), ==, "simulator");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sim_child ("stack")), ==, "empty");
  /* Beside the example, a loan can be typed in. */
  g_assert_true (gtk_widget_get_visible (sim_child ("type_button")));
  g_assert_cmpstr (gtk_actionable_get_action_name (sim_child ("type_button")), ==, "simulator.type-loan");

  g_signal_emit_by_name (sim_child ("example_button"), "clicked");
  shore_test_settle ();
  assert_figures_shown ();
  /* About 40 days overdue on 10,000: some ¥2,3xx, in the M2 bucket. */
  g_assert_nonnull (strstr (sim_label ("total_label"), "2,"));
  g_assert_cmpstr (sim_label ("stage_label"), ==, shore_overdue_stage_get_label (SHORE_OVERDUE_STAGE_M2));
  /* The example is not in the register: the payoff section has nothing to plan. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (payoff_child ("stack")), ==, "empty");
}

static void
test_horizon (void)
{
  AdwComboRow *horizon = sim_child ("horizon_row");
  guint before = chart_points ();
  guint after;

  adw_combo_row_set_selected (horizon, 0);   /* 30 days */
  shore_test_settle ();
  after = chart_points ();
  g_assert_cmpuint (after, <, before);
  adw_combo_row_set_selected (horizon, 5);   /* 3 years */
  shore_test_settle ();
  g_assert_cmpuint (chart_points (), >, before);
  assert_figures_shown ();

  /* A bad fee is refused in place; nothing is computed from it. */
  gtk_editable_set_text (sim_child ("fee_row"), "abc");
  g_assert_true (gtk_widget_has_css_class (sim_child ("fee_row"), "error"));
  gtk_editable_set_text (sim_child ("fee_row"), "100");
  g_assert_false (gtk_widget_has_css_class (sim_child ("fee_row"), "error"));
  g_assert_cmpuint (strlen (sim_label ("plan_note_label")), >, 0);
}

static guint
count_stored_loans (void)
{
  g_autoptr(GListModel) loans = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  loans = shore_debts_list (shore_application_get_store (shore_test_get_app ()), &today, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (loans);
}

static void
set_dialog_text (gpointer    dialog,
                 const char *name,
                 const char *text)
{
  gtk_editable_set_text (shore_test_child (dialog, SHORE_TYPE_LOAN_DIALOG, name), text);
}

/* A loan typed in is simulated at once, replaces the example and is never stored. */
static void
test_typed_loan (void)
{
  GType type = SHORE_TYPE_LOAN_DIALOG;
  AdwComboRow *loan_row = sim_child ("loan_row");
  GListModel *labels = adw_combo_row_get_model (loan_row);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_months (now, -3);
  g_autofree char *start_text = g_date_time_format (start, "%Y-%m-%d");
  g_autofree char *amount = shore_money_format (500000);
  g_autofree char *expected = g_strdup_printf (_("%s, %s (not saved)"), "测试贷", amount);
  g_autofree char *example_label = NULL;
  GtkWindow *dialog;

  g_assert_cmpuint (count_stored_loans (), ==, 0);
  example_label = g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (labels), adw_combo_row_get_selected (loan_row)));
  g_assert_true (gtk_widget_get_visible (sim_child ("type_loan_button")));
  g_signal_emit_by_name (sim_child ("type_loan_button"), "clicked");
  shore_test_wait_for (shore_test_toplevel_shown, GSIZE_TO_POINTER (type), "the loan dialog");
  shore_test_settle ();
  dialog = shore_test_find_toplevel (type);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, _("Try a Loan"));
  g_assert_cmpstr (gtk_button_get_label (shore_test_child (dialog, type, "save_button")), ==, _("_Simulate"));
  /* Prefilled with the example being simulated. */
  g_assert_cmpstr (gtk_editable_get_text (shore_test_child (dialog, type, "lender_row")), ==, "微粒贷");

  /* Bad input: shown in place, the dialog stays, nothing is loaded. */
  set_dialog_text (dialog, "lender_row", "测试贷");
  set_dialog_text (dialog, "principal_row", "abc");
  g_signal_emit_by_name (shore_test_child (dialog, type, "save_button"), "clicked");
  shore_test_settle ();
  g_assert_true (gtk_widget_get_visible (shore_test_child (dialog, type, "error_label")));
  g_assert_true (gtk_widget_has_css_class (shore_test_child (dialog, type, "principal_row"), "error"));
  g_assert_nonnull (shore_test_find_toplevel (type));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), adw_combo_row_get_selected (loan_row)), ==, example_label);
  g_assert_cmpuint (count_stored_loans (), ==, 0);

  set_dialog_text (dialog, "principal_row", "5000");
  adw_combo_row_set_selected (shore_test_child (dialog, type, "rate_kind_row"), 0);   /* daily */
  set_dialog_text (dialog, "rate_row", "0.05");
  gtk_spin_button_set_value (shore_test_child (dialog, type, "term_spin"), 6);
  adw_combo_row_set_selected (shore_test_child (dialog, type, "method_row"), SHORE_METHOD_EQUAL_INSTALLMENT);
  set_dialog_text (dialog, "start_row", start_text);
  gtk_spin_button_set_value (shore_test_child (dialog, type, "markup_spin"), 50);
  gtk_spin_button_set_value (shore_test_child (dialog, type, "grace_spin"), 3);
  g_signal_emit_by_name (shore_test_child (dialog, type, "save_button"), "clicked");
  shore_test_wait_for (shore_test_toplevel_gone, GSIZE_TO_POINTER (type), "the loan dialog to close");
  shore_test_settle ();

  assert_figures_shown ();
  g_assert_nonnull (strstr (sim_label ("total_label"), "¥"));
  /* It replaced the example: the only choice, selected, marked unsaved. */
  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (loan_row), ==, 0);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 0), ==, expected);
  g_assert_cmpuint (count_stored_loans (), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (payoff_child ("stack")), ==, "empty");

  /* The example is still there to try; it takes the place of the typed loan. */
  shore_simulator_page_load_example (get_simulator_page ());
  shore_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 0), ==, example_label);
}

/* In a fresh process: a loan put into the store before the window opens. */
static void
test_register_subprocess (void)
{
  g_autoptr(ShoreStore) store = NULL;
  g_autoptr(ShoreLoan) loan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  if (!g_test_subprocess ())
    {
      g_test_skip ("runs in a subprocess of /simulator-ui/register");
      return;
    }

  store = shore_store_open (shore_test_get_data_dir (), &error);
  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  loan = shore_simulator_example_loan (&today);
  g_free (loan->lender);
  loan->lender = g_strdup ("借呗");
  g_assert_true (shore_debts_add (store, loan, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shore_test_get_window ()), "win.show-page", "s", "simulator"));
  shore_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (adw_combo_row_get_model (sim_child ("loan_row")))), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (sim_child ("loan_row")), ==, 0);
  assert_figures_shown ();
  g_assert_nonnull (strstr (sim_label ("total_label"), "2,"));

  /* The first unpaid installment is the default; from the second one less is overdue. */
  {
    g_autofree char *first = g_strdup (sim_label ("total_label"));

    gtk_adjustment_set_value (sim_child ("missed_adjustment"), 2);
    shore_test_settle ();
    g_assert_cmpstr (sim_label ("total_label"), !=, first);
  }

  /* Paying off everything: the register's loan, 5,000 a month covers the minimums. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (payoff_child ("stack")), ==, "plan");
  g_assert_true (gtk_widget_get_visible (payoff_child ("prompt_label")));
  g_assert_false (gtk_widget_get_visible (payoff_child ("results_box")));
  gtk_editable_set_text (payoff_child ("amount_row"), "5000");
  shore_test_settle ();
  g_assert_false (gtk_widget_has_css_class (payoff_child ("amount_row"), "error"));
  g_assert_true (gtk_widget_get_visible (payoff_child ("results_box")));
  g_assert_false (gtk_widget_get_visible (payoff_child ("shortfall_box")));
  g_assert_true (has_label_with_prefix (payoff_child ("summary_list"), "20"));
  g_assert_cmpuint (count_children (payoff_child ("months_list")), >=, 1);
  g_assert_cmpuint (count_children (payoff_child ("months_list")), <=, 6);
  g_assert_cmpuint (count_children (payoff_child ("compare_list")), ==, 3);
  adw_combo_row_set_selected (payoff_child ("strategy_row"), 1);
  shore_test_settle ();
  g_assert_cmpuint (count_children (payoff_child ("compare_list")), ==, 3);
  g_assert_true (has_label_with_prefix (payoff_child ("summary_list"), "20"));

  /* Too little: the shortfall is said plainly, with the way to the Rights page. */
  gtk_editable_set_text (payoff_child ("amount_row"), "1");
  shore_test_settle ();
  g_assert_true (gtk_widget_get_visible (payoff_child ("shortfall_box")));
  g_assert_cmpuint (strlen (gtk_label_get_label (payoff_child ("shortfall_label"))), >, 0);
  g_assert_false (gtk_widget_get_visible (payoff_child ("results_box")));
  g_assert_cmpstr (gtk_actionable_get_action_name (payoff_child ("rights_button")), ==, "win.show-page");

  /* Not an amount: refused in place, nothing computed. */
  gtk_editable_set_text (payoff_child ("amount_row"), "abc");
  shore_test_settle ();
  g_assert_true (gtk_widget_has_css_class (payoff_child ("amount_row"), "error"));
  g_assert_true (gtk_widget_get_visible (payoff_child ("amount_error_label")));
  g_assert_false (gtk_widget_get_visible (payoff_child ("results_box")));
  g_assert_false (gtk_widget_get_visible (payoff_child ("shortfall_box")));
  g_assert_null (gtk_widget_get_first_child (payoff_child ("compare_list")));

  gtk_editable_set_text (payoff_child ("amount_row"), "5000");
  shore_test_settle ();
  g_assert_false (gtk_widget_has_css_class (payoff_child ("amount_row"), "error"));
  g_assert_true (gtk_widget_get_visible (payoff_child ("results_box")));

  /* The Rights button takes the user there. */
  g_signal_emit_by_name (payoff_child ("rights_button"), "clicked");
  shore_test_settle ();
  g_assert_cmpstr (shore_window_get_visible_page (shore_test_get_window ()), ==, "rights");
  shore_test_clear_app ();
}

static void
test_register (void)
{
  g_test_trap_subprocess ("/simulator-ui/register/subprocess", 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  shore_test_setup ("shore-sim-ui-XXXXXX", FALSE);

  g_test_add_func ("/simulator-ui/example", test_example);
  g_test_add_func ("/simulator-ui/horizon", test_horizon);
  g_test_add_func ("/simulator-ui/typed-loan", test_typed_loan);
  g_test_add_func ("/simulator-ui/register", test_register);
  g_test_add_func ("/simulator-ui/register/subprocess", test_register_subprocess);

  return shore_test_run ();
}
