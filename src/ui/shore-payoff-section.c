/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-payoff-section"

#include "config.h"

#include <glib/gi18n.h>

#include "shore-debts.h"
#include "shore-money.h"
#include "shore-payoff.h"

#include "shore-payoff-section.h"
#include "shore-ui-util.h"

/* “Paying Off Everything” on the Simulator page: one monthly budget over
 * every loan of the register not yet paid off, planned by the core
 * (shore_payoff_compare); this file only reads the input and lays out the
 * figures. */

#define SHOWN_MONTHS 6

struct _ShorePayoffSection
{
  AdwBin       parent_instance;

  GListModel  *debts;

  GtkStack    *stack;
  AdwEntryRow *amount_row;
  AdwComboRow *strategy_row;
  GtkLabel    *amount_error_label;
  GtkWidget   *use_budget_button;
  GtkLabel    *budget_hint_label;
  gint64       budget_surplus;
  GtkLabel    *prompt_label;
  GtkWidget   *shortfall_box;
  GtkLabel    *shortfall_label;
  GtkWidget   *rights_button;
  GtkWidget   *results_box;
  GtkListBox  *summary_list;
  GtkListBox  *months_list;
  GtkListBox  *compare_list;
};

G_DEFINE_FINAL_TYPE (ShorePayoffSection, shore_payoff_section, ADW_TYPE_BIN)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (value != NULL)
    {
      GtkWidget *label = gtk_label_new (value);

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

static GtkWidget *
new_money_row (const char *title,
               const char *subtitle,
               gint64      fen)
{
  g_autofree char *money = shore_money_format (fen);

  return new_row (title, subtitle, money);
}

/* What is shown: the prompt, the input error, the shortfall or the plan. */
typedef enum { SHOW_PROMPT, SHOW_ERROR, SHOW_SHORTFALL, SHOW_PLAN } Showing;

static void
show (ShorePayoffSection *self,
      Showing             what)
{
  gtk_widget_set_visible (GTK_WIDGET (self->prompt_label), what == SHOW_PROMPT);
  gtk_widget_set_visible (GTK_WIDGET (self->amount_error_label), what == SHOW_ERROR);
  gtk_widget_set_visible (self->shortfall_box, what == SHOW_SHORTFALL);
  gtk_widget_set_visible (self->results_box, what == SHOW_PLAN);
  if (what != SHOW_PLAN)
    {
      clear_list (self->summary_list);
      clear_list (self->months_list);
      clear_list (self->compare_list);
    }
}

static void
show_error (ShorePayoffSection *self,
            const char         *message)
{
  gtk_label_set_label (self->amount_error_label, message);
  show (self, SHOW_ERROR);
}

static void
show_plan (ShorePayoffSection     *self,
           ShorePayoffPlan *const *plans,
           ShorePayoffStrategy     chosen)
{
  const ShorePayoffPlan *plan = plans[chosen];

  show (self, SHOW_PLAN);
  clear_list (self->summary_list);
  clear_list (self->months_list);
  clear_list (self->compare_list);

  {
    /* Translators: how long the plan takes */
    g_autofree char *months = g_strdup_printf (ngettext ("%d month", "%d months", plan->months), plan->months);
    g_autofree char *date = plan->months > 0 ? shore_date_format_iso (&plan->debt_free_date) : g_strdup ("—");
    GtkWidget *date_row = new_row (_("Debt-free on"), months, date);

    gtk_widget_set_name (date_row, "debt-free-row");
    gtk_list_box_append (self->summary_list, date_row);
    gtk_list_box_append (self->summary_list, new_money_row (_("Interest and fees"), NULL, plan->total_interest));
    gtk_list_box_append (self->summary_list, new_money_row (_("Total paid"), NULL, plan->total_paid));
  }

  for (int month = 1; month <= MIN (plan->months, SHOWN_MONTHS); month++)
    {
      g_autofree char *date = shore_date_format_iso (shore_payoff_plan_get_date (plan, month));
      g_autofree char *title = NULL;
      gint64 paid = 0;

      for (guint d = 0; d < plan->n_debts; d++)
        {
          if (!shore_money_add (paid, shore_payoff_plan_get_payment (plan, month, d), &paid))
            paid = G_MAXINT64;
        }
      /* Translators: %d is the month of the plan (1, 2, …), %s its date */
      title = g_strdup_printf (_("Month %d, %s"), month, date);
      gtk_list_box_append (self->months_list, new_money_row (title, NULL, paid));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->months_list), plan->months > 0);

  for (guint s = 0; s < SHORE_PAYOFF_N_STRATEGIES; s++)
    {
      const ShorePayoffPlan *p = plans[s];
      g_autofree char *interest = shore_money_format (p->total_interest);
      g_autofree char *date = p->months > 0 ? shore_date_format_iso (&p->debt_free_date) : g_strdup ("—");
      /* Translators: %1$s is the interest and fees of a plan, %2$s the date it ends */
      g_autofree char *subtitle = g_strdup_printf (_("%1$s interest and fees, debt-free on %2$s"), interest, date);
      GtkWidget *row = new_row (shore_payoff_strategy_get_label ((ShorePayoffStrategy) s), subtitle, NULL);

      if (s == chosen)
        {
          GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

          gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Chosen"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
        }
      gtk_list_box_append (self->compare_list, row);
    }
}

static void
recompute (ShorePayoffSection *self)
{
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) debts = g_array_new (FALSE, TRUE, sizeof (ShorePayoffDebt));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->amount_row))));
  ShorePayoffPlan *plans[SHORE_PAYOFF_N_STRATEGIES] = { NULL };
  guint n = self->debts != NULL ? g_list_model_get_n_items (self->debts) : 0;
  guint selected = adw_combo_row_get_selected (self->strategy_row);
  ShorePayoffStrategy chosen = selected < SHORE_PAYOFF_N_STRATEGIES ? (ShorePayoffStrategy) selected
                                                                    : SHORE_PAYOFF_AVALANCHE;
  gint64 budget = 0;
  GDate today;

  shore_ui_get_today (&today);
  for (guint i = 0; i < n; i++)
    {
      ShoreDebt *debt = g_list_model_get_item (self->debts, i);
      GArray *payments = shore_debt_get_payments (debt);
      ShorePayoffDebt out = { 0 };

      g_ptr_array_add (held, debt);   /* the labels are borrowed from the loans */
      if (shore_debt_get_status (debt)->state == SHORE_LOAN_STATE_PAID_OFF)
        continue;
      if (!shore_payoff_debt_from_loan (shore_debt_get_loan (debt),
                                        payments != NULL ? (const ShorePayment *) payments->data : NULL,
                                        payments != NULL ? payments->len : 0,
                                        &today, &out, &error))
        {
          gtk_stack_set_visible_child_name (self->stack, "plan");
          show_error (self, error->message);
          return;
        }
      if (out.balance > 0)
        g_array_append_val (debts, out);
    }

  gtk_stack_set_visible_child_name (self->stack, debts->len > 0 ? "plan" : "empty");
  gtk_widget_remove_css_class (GTK_WIDGET (self->amount_row), "error");
  if (debts->len == 0)
    return;

  if (text[0] == '\0')
    {
      show (self, SHOW_PROMPT);
      return;
    }
  if (!shore_money_parse (text, &budget, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->amount_row), "error");
      show_error (self, error->message);
      return;
    }

  if (!shore_payoff_compare ((const ShorePayoffDebt *) debts->data, debts->len, budget, &today, plans, &error))
    {
      show_error (self, error->message);
      return;
    }

  if (plans[chosen]->shortfall > 0)
    {
      g_autofree char *minimums = shore_money_format (plans[chosen]->first_minimums);
      g_autofree char *shortfall = shore_money_format (plans[chosen]->shortfall);
      /* Translators: %1$s is what the first month's minimum payments and overdue amounts add up to, %2$s what is missing */
      g_autofree char *message = g_strdup_printf (_("This does not cover the first month’s minimum payments, %1$s with what is overdue: %2$s is missing."),
                                                  minimums, shortfall);

      gtk_label_set_label (self->shortfall_label, message);
      show (self, SHOW_SHORTFALL);
    }
  else
    show_plan (self, plans, chosen);

  for (guint s = 0; s < SHORE_PAYOFF_N_STRATEGIES; s++)
    shore_payoff_plan_free (plans[s]);
}

static void
on_debts_items_changed_cb (ShorePayoffSection *self,
                           guint               position,
                           guint               removed,
                           guint               added,
                           GListModel         *debts)
{
  recompute (self);
}

static void
on_input_changed_cb (ShorePayoffSection *self)
{
  recompute (self);
}

static void
on_use_budget_clicked_cb (ShorePayoffSection *self)
{
  g_autofree char *text = shore_money_format_plain (self->budget_surplus);

  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), text);
}

static void
shore_payoff_section_dispose (GObject *object)
{
  ShorePayoffSection *self = SHORE_PAYOFF_SECTION (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHORE_TYPE_PAYOFF_SECTION);
  if (self->debts != NULL)
    g_signal_handlers_disconnect_by_func (self->debts, on_debts_items_changed_cb, self);
  g_clear_object (&self->debts);

  G_OBJECT_CLASS (shore_payoff_section_parent_class)->dispose (object);
}

static void
shore_payoff_section_class_init (ShorePayoffSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shore_payoff_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/shore-payoff-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ShorePayoffSection, stack);
  gtk_widget_class_bind_template_child (widget_class, ShorePayoffSection, amount_row);
  gtk_widget_class_bind_template_child (widget_class, ShorePayoffSection, strategy_row);
  gtk_widget_class_bind_template_child (widget_class, ShorePayoffSection, amount_error_label);
  gtk_widget_class_bind_template_child (widget_class, ShorePayoffSection, use_budget_button);
  gtk_widget_class_bind_template_child (widget_class, ShorePayoffSection, budget_hint_label);
  gtk_widget_class_bind_template_callback (widget_class, on_use_budget_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, ShorePayoffSection, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, ShorePayoffSection, shortfall_box);
  gtk_widget_class_bind_template_child (widget_class, ShorePayoffSection, shortfall_label);
  gtk_widget_class_bind_template_child (widget_class, ShorePayoffSection, rights_button);
  gtk_widget_class_bind_template_child (widget_class, ShorePayoffSection, results_box);
  gtk_widget_class_bind_template_child (widget_class, ShorePayoffSection, summary_list);
  gtk_widget_class_bind_template_child (widget_class, ShorePayoffSection, months_list);
  gtk_widget_class_bind_template_child (widget_class, ShorePayoffSection, compare_list);
}

static void
shore_payoff_section_init (ShorePayoffSection *self)
{
  g_autoptr(GtkStringList) strategies = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint s = 0; s < SHORE_PAYOFF_N_STRATEGIES; s++)
    gtk_string_list_append (strategies, shore_payoff_strategy_get_label ((ShorePayoffStrategy) s));
  adw_combo_row_set_model (self->strategy_row, G_LIST_MODEL (strategies));
  adw_combo_row_set_selected (self->strategy_row, SHORE_PAYOFF_AVALANCHE);

  g_signal_connect_swapped (self->amount_row, "changed", G_CALLBACK (on_input_changed_cb), self);
  g_signal_connect_swapped (self->strategy_row, "notify::selected", G_CALLBACK (on_input_changed_cb), self);

  recompute (self);
}

void
shore_payoff_section_set_model (ShorePayoffSection *self,
                                GListModel         *debts)
{
  g_return_if_fail (SHORE_IS_PAYOFF_SECTION (self));
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
  recompute (self);
}

/**
 * shore_payoff_section_set_budget_surplus:
 * @surplus: what the budget leaves for debt each month (ShoreMonthSummary.surplus_for_debt), fen
 * @has_budget: whether there is budget data at all
 *
 * Offers the budget's monthly surplus as the amount to plan with, and fills
 * it in while the amount is still empty.
 */
void
shore_payoff_section_set_budget_surplus (ShorePayoffSection *self,
                                         gint64              surplus,
                                         gboolean            has_budget)
{
  g_autofree char *money = NULL;
  g_autofree char *hint = NULL;
  const char *typed;

  g_return_if_fail (SHORE_IS_PAYOFF_SECTION (self));

  self->budget_surplus = surplus;
  gtk_widget_set_visible (self->use_budget_button, has_budget && surplus > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->budget_hint_label), has_budget);
  if (!has_budget)
    return;

  money = shore_money_format (surplus);
  if (surplus > 0)
    /* Translators: %s is an amount of money */
    hint = g_strdup_printf (_("Your budget leaves %s a month for debt: income minus spending and what is still budgeted."), money);
  else
    /* Translators: %s is an amount of money, zero or negative */
    hint = g_strdup_printf (_("Your budget leaves nothing for debt this month (%s). Cutting spending or negotiating with lenders are the ways out; see the Budget and Rights pages."), money);
  gtk_label_set_label (self->budget_hint_label, hint);

  typed = gtk_editable_get_text (GTK_EDITABLE (self->amount_row));
  if (surplus > 0 && (typed == NULL || typed[0] == '\0'))
    on_use_budget_clicked_cb (self);
}
