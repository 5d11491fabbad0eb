/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-loan-dialog"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "shore-apr.h"
#include "shore-debts.h"
#include "shore-money.h"

#include "shore-loan-dialog.h"
#include "shore-ui-util.h"

/* The rows of rate_kind_row, in the order of the .ui. */
typedef enum {
  RATE_KIND_DAILY,
  RATE_KIND_MONTHLY,
  RATE_KIND_ANNUAL,
  RATE_KIND_MONTHLY_FEE,
} RateKind;

struct _ShoreLoanDialog
{
  AdwWindow       parent_instance;

  ShoreStore     *store;
  ShoreLoan      *original;       /* NULL when adding */
  gboolean        simulation;     /* no store: Save emits "loan-ready" */

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  GtkLabel       *error_label;
  AdwEntryRow    *lender_row;
  AdwComboRow    *lender_type_row;
  AdwEntryRow    *principal_row;
  AdwComboRow    *rate_kind_row;
  AdwEntryRow    *rate_row;
  AdwEntryRow    *fee_row;
  GtkSpinButton  *term_spin;
  AdwComboRow    *method_row;
  AdwEntryRow    *start_row;
  GtkMenuButton  *start_button;
  GtkCalendar    *start_calendar;
  GtkLabel       *apr_label;
  GtkSpinButton  *markup_spin;
  GtkSpinButton  *grace_spin;
  GtkSwitch      *compound_switch;
  AdwEntryRow    *late_fee_row;
  GtkSpinButton  *accelerate_spin;
  GtkWidget      *reminders_group;
  GtkSwitch      *reminder_default_switch;
  GtkSpinButton  *reminder_days_spin;
};

G_DEFINE_FINAL_TYPE (ShoreLoanDialog, shore_loan_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  LOAN_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* 0.05000000 → "0.05", 0.12345000 → "0.12345": the number people typed. */
static char *
format_rate_number (const ShoreRate *rate,
                    ShoreRatePeriod  period)
{
  char *text = shore_rate_format_percent (rate, period, 8);
  char *dot = strchr (text, '.');
  char *end;

  if (dot == NULL)
    return text;

  end = text + strlen (text);
  while (end > dot + 3 && end[-1] == '0')
    end--;
  *end = '\0';

  return text;
}

static void
clear_errors (ShoreLoanDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->lender_row), GTK_WIDGET (self->principal_row), GTK_WIDGET (self->rate_row),
    GTK_WIDGET (self->fee_row), GTK_WIDGET (self->start_row), GTK_WIDGET (self->late_fee_row),
  };

  shore_ui_clear_errors (self->error_label, rows, G_N_ELEMENTS (rows));
}

static void
show_problem (ShoreLoanDialog *self,
              const ShoreUiProblem   *problem)
{
  clear_errors (self);
  shore_ui_show_problem (self->error_label, problem);
}

gboolean
shore_loan_dialog_parse_rate (const char      *text,
                              ShoreRatePeriod  period,
                              ShoreRate       *out,
                              GError         **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *quote = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_percent;

  g_return_val_if_fail (text != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, SHORE_RATE_ERROR, SHORE_RATE_ERROR_INVALID,
                           _("The rate is empty; type a percentage such as 0.05"));
      return FALSE;
    }

  /* A whole quote such as “日利率0.05%” carries its own period. */
  if (shore_rate_parse (stripped, out, NULL))
    return TRUE;

  has_percent = g_str_has_suffix (stripped, "%") || g_str_has_suffix (stripped, "％");
  quote = g_strdup_printf ("%s:%s%s", shore_rate_period_to_string (period), stripped, has_percent ? "" : "%");
  if (shore_rate_parse (quote, out, &local_error))
    return TRUE;

  if (g_error_matches (local_error, SHORE_RATE_ERROR, SHORE_RATE_ERROR_OUT_OF_RANGE))
    g_set_error (error, SHORE_RATE_ERROR, SHORE_RATE_ERROR_OUT_OF_RANGE,
                 /* Translators: %s is what the person typed; %% is a percent sign */
                 _("“%s” comes to more than 1000%% a year; rates up to 1000%% a year are accepted"),
                 stripped);
  else
    g_set_error (error, SHORE_RATE_ERROR, SHORE_RATE_ERROR_INVALID,
                 /* Translators: %s is what the person typed */
                 _("“%s” is not a rate; type a percentage such as 0.05, zero or more, with at most eight decimals"),
                 stripped);

  return FALSE;
}

static gboolean
read_money (AdwEntryRow *row,
            gboolean     optional,
            gint64      *out,
            ShoreUiProblem     *problem)
{
  g_autofree char *text = shore_ui_get_stripped_text (GTK_EDITABLE (row));

  if (optional && is_blank (text))
    {
      *out = 0;
      return TRUE;
    }

  if (shore_money_parse (text, out, &problem->error))
    return TRUE;

  problem->row = GTK_WIDGET (row);
  return FALSE;
}

static gboolean
read_rates (ShoreLoanDialog *self,
            ShoreLoan       *loan,
            ShoreUiProblem         *problem)
{
  RateKind kind = adw_combo_row_get_selected (self->rate_kind_row);
  ShoreRatePeriod period;
  ShoreRate rate;

  switch (kind)
    {
    case RATE_KIND_DAILY:
      period = SHORE_RATE_DAILY;
      break;
    case RATE_KIND_ANNUAL:
      period = SHORE_RATE_ANNUAL;
      break;
    case RATE_KIND_MONTHLY:
    case RATE_KIND_MONTHLY_FEE:
    default:
      period = SHORE_RATE_MONTHLY;
      break;
    }

  if (!shore_loan_dialog_parse_rate (gtk_editable_get_text (GTK_EDITABLE (self->rate_row)),
                                     period, &rate, &problem->error))
    {
      problem->row = GTK_WIDGET (self->rate_row);
      return FALSE;
    }

  if (kind == RATE_KIND_MONTHLY_FEE)
    {
      /* A loan that had interest besides its fee keeps it: this form shows only the fee. */
      if (self->original == NULL || !self->original->has_monthly_fee_rate)
        loan->rate = (ShoreRate) { SHORE_RATE_MONTHLY, 0 };
      loan->has_monthly_fee_rate = TRUE;
      loan->monthly_fee_rate = rate;
    }
  else
    {
      loan->has_monthly_fee_rate = FALSE;
      loan->rate = rate;
    }

  return TRUE;
}

static gboolean
read_overdue_terms (ShoreLoanDialog *self,
                    ShoreLoan       *loan,
                    ShoreUiProblem         *problem)
{
  g_autofree char *late_fee = shore_ui_get_stripped_text (GTK_EDITABLE (self->late_fee_row));

  loan->penalty_markup_bp = (int) lround (gtk_spin_button_get_value (self->markup_spin) * 100.0);
  loan->grace_days = gtk_spin_button_get_value_as_int (self->grace_spin);
  loan->compound = gtk_switch_get_active (self->compound_switch);
  loan->accelerate_after_days = gtk_spin_button_get_value_as_int (self->accelerate_spin);
  loan->reminder_lead_days = gtk_switch_get_active (self->reminder_default_switch)
                             ? -1 : gtk_spin_button_get_value_as_int (self->reminder_days_spin);

  loan->has_late_fee = !is_blank (late_fee);
  if (loan->has_late_fee &&
      !shore_loan_dialog_parse_rate (late_fee, SHORE_RATE_DAILY, &loan->late_fee_daily, &problem->error))
    {
      problem->row = GTK_WIDGET (self->late_fee_row);
      return FALSE;
    }

  return TRUE;
}

/* The loan as entered, or NULL and the first problem, in the order of the form. */
static ShoreLoan *
read_loan (ShoreLoanDialog *self,
           ShoreUiProblem         *problem)
{
  g_autoptr(ShoreLoan) loan = self->original != NULL ? shore_loan_copy (self->original) : shore_loan_new ();
  g_autofree char *start = shore_ui_get_stripped_text (GTK_EDITABLE (self->start_row));

  g_free (loan->lender);
  loan->lender = shore_ui_get_stripped_text (GTK_EDITABLE (self->lender_row));
  loan->lender_type = (ShoreLenderType) adw_combo_row_get_selected (self->lender_type_row);
  loan->term_months = gtk_spin_button_get_value_as_int (self->term_spin);
  loan->method = (ShoreRepaymentMethod) adw_combo_row_get_selected (self->method_row);

  if (!read_money (self->principal_row, FALSE, &loan->principal, problem) ||
      !read_rates (self, loan, problem) ||
      !read_money (self->fee_row, TRUE, &loan->upfront_fee, problem))
    return NULL;

  if (!shore_date_parse (start, &loan->start_date, &problem->error))
    {
      problem->row = GTK_WIDGET (self->start_row);
      return NULL;
    }

  if (!read_overdue_terms (self, loan, problem) ||
      !shore_loan_validate (loan, &problem->error))
    return NULL;

  return g_steal_pointer (&loan);
}

static void
update_apr (ShoreLoanDialog *self)
{
  g_autoptr(ShoreLoan) loan = NULL;
  g_auto(ShoreUiProblem) problem = { 0 };
  ShoreTrueCost cost;

  loan = read_loan (self, &problem);
  if (loan != NULL && shore_apr_for_loan (loan, &cost, NULL))
    {
      g_autofree char *simple = shore_apr_format_percent (cost.apr_simple, 2);
      g_autofree char *compound = shore_apr_format_percent (cost.apr_compound, 2);
      g_autofree char *text = NULL;

      /* Translators: the real annual rate, simple then compound, e.g. “18.00% (compound 19.56%)”; %% is a percent sign */
      text = g_strdup_printf (_("%s%% (compound %s%%)"), simple, compound);
      gtk_label_set_text (self->apr_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->apr_label), "heading");
      gtk_widget_remove_css_class (GTK_WIDGET (self->apr_label), "dim-label");
    }
  else
    {
      gtk_label_set_text (self->apr_label, _("Fill in the amount, rate and term"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->apr_label), "heading");
      gtk_widget_add_css_class (GTK_WIDGET (self->apr_label), "dim-label");
    }
}

static void
on_field_changed_cb (ShoreLoanDialog *self)
{
  clear_errors (self);
  update_apr (self);
}

static void
on_start_calendar_day_selected_cb (ShoreLoanDialog *self,
                                   GtkCalendar     *calendar)
{
  shore_ui_calendar_to_entry (calendar, GTK_EDITABLE (self->start_row), self->start_button);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShoreLoanDialog *self = SHORE_LOAN_DIALOG (widget);
  g_autoptr(ShoreLoan) loan = NULL;
  g_auto(ShoreUiProblem) problem = { 0 };
  gboolean ok;

  loan = read_loan (self, &problem);
  if (loan == NULL)
    {
      show_problem (self, &problem);
      return;
    }

  if (self->simulation)
    {
      /* Nothing is stored: the loan is only lent to the handlers. */
      g_signal_emit (self, signals[LOAN_READY], 0, (gconstpointer) loan);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  if (self->original != NULL)
    ok = shore_debts_update (self->store, loan, &problem.error);
  else
    ok = shore_debts_add (self->store, loan, &problem.error);

  if (!ok)
    {
      show_problem (self, &problem);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, loan->id);
  gtk_window_close (GTK_WINDOW (self));
}

static GListModel *
create_lender_types (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (ShoreLenderType type = SHORE_LENDER_BANK; type <= SHORE_LENDER_CREDIT_CARD; type++)
    gtk_string_list_append (list, shore_lender_type_get_label (type));

  return G_LIST_MODEL (list);
}

static GListModel *
create_methods (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (ShoreRepaymentMethod method = SHORE_METHOD_EQUAL_INSTALLMENT; method <= SHORE_METHOD_BULLET; method++)
    gtk_string_list_append (list, shore_method_get_label (method));

  return G_LIST_MODEL (list);
}

static void
set_money_text (AdwEntryRow *row,
                gint64       fen)
{
  g_autofree char *text = shore_money_format_plain (fen);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Fills the form from @loan: a new loan's defaults, or the loan being edited. */
static void
load_loan (ShoreLoanDialog *self,
           const ShoreLoan *loan)
{
  g_autofree char *start = g_date_valid (&loan->start_date) ? shore_date_format_iso (&loan->start_date) : NULL;
  const ShoreRate *rate = loan->has_monthly_fee_rate ? &loan->monthly_fee_rate : &loan->rate;
  RateKind kind;

  gtk_editable_set_text (GTK_EDITABLE (self->lender_row), loan->lender != NULL ? loan->lender : "");
  adw_combo_row_set_selected (self->lender_type_row, loan->lender_type);
  adw_combo_row_set_selected (self->method_row, loan->method);
  if (loan->term_months >= 1)
    gtk_spin_button_set_value (self->term_spin, loan->term_months);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), start != NULL ? start : "");

  if (loan->has_monthly_fee_rate)
    kind = RATE_KIND_MONTHLY_FEE;
  else if (loan->rate.period == SHORE_RATE_DAILY)
    kind = RATE_KIND_DAILY;
  else if (loan->rate.period == SHORE_RATE_MONTHLY)
    kind = RATE_KIND_MONTHLY;
  else
    kind = RATE_KIND_ANNUAL;
  adw_combo_row_set_selected (self->rate_kind_row, kind);

  if (loan->principal > 0)
    {
      g_autofree char *number = format_rate_number (rate, kind == RATE_KIND_MONTHLY_FEE ? SHORE_RATE_MONTHLY : rate->period);

      set_money_text (self->principal_row, loan->principal);
      gtk_editable_set_text (GTK_EDITABLE (self->rate_row), number);
    }
  if (loan->upfront_fee > 0)
    set_money_text (self->fee_row, loan->upfront_fee);

  gtk_spin_button_set_digits (self->markup_spin, loan->penalty_markup_bp % 100 != 0 ? 2 : 0);
  gtk_spin_button_set_value (self->markup_spin, loan->penalty_markup_bp / 100.0);
  gtk_spin_button_set_value (self->grace_spin, loan->grace_days);
  gtk_switch_set_active (self->compound_switch, loan->compound);
  gtk_spin_button_set_value (self->accelerate_spin, loan->accelerate_after_days);
  gtk_switch_set_active (self->reminder_default_switch, loan->reminder_lead_days < 0);
  if (loan->reminder_lead_days >= 0)
    gtk_spin_button_set_value (self->reminder_days_spin, loan->reminder_lead_days);
  if (loan->has_late_fee)
    {
      g_autofree char *late_fee = format_rate_number (&loan->late_fee_daily, SHORE_RATE_DAILY);

      gtk_editable_set_text (GTK_EDITABLE (self->late_fee_row), late_fee);
    }

  if (g_date_valid (&loan->start_date))
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (&loan->start_date),
                                                        g_date_get_month (&loan->start_date),
                                                        g_date_get_day (&loan->start_date), 0, 0, 0);

      g_signal_handlers_block_by_func (self->start_calendar, on_start_calendar_day_selected_cb, self);
      gtk_calendar_select_day (self->start_calendar, day);
      g_signal_handlers_unblock_by_func (self->start_calendar, on_start_calendar_day_selected_cb, self);
    }

  clear_errors (self);
  update_apr (self);
}

static void
shore_loan_dialog_dispose (GObject *object)
{
  ShoreLoanDialog *self = SHORE_LOAN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHORE_TYPE_LOAN_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->original, shore_loan_free);

  G_OBJECT_CLASS (shore_loan_dialog_parent_class)->dispose (object);
}

static void
shore_loan_dialog_class_init (ShoreLoanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shore_loan_dialog_dispose;

  /**
   * ShoreLoanDialog::saved:
   * @loan_id: the id of the loan added or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * ShoreLoanDialog::loan-ready:
   * @loan: (type gpointer): the const ShoreLoan * entered, valid during the emission
   *
   * Emitted instead of saving when the dialog was made for a simulation.
   */
  signals[LOAN_READY] = g_signal_new ("loan-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/shore-loan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, lender_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, lender_type_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, principal_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, rate_kind_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, rate_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, fee_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, term_spin);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, start_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, start_calendar);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, apr_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, markup_spin);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, grace_spin);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, compound_switch);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, late_fee_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, accelerate_spin);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, reminders_group);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, reminder_default_switch);
  gtk_widget_class_bind_template_child (widget_class, ShoreLoanDialog, reminder_days_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_start_calendar_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "loan.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shore_loan_dialog_init (ShoreLoanDialog *self)
{
  g_autoptr(GListModel) lender_types = create_lender_types ();
  g_autoptr(GListModel) methods = create_methods ();

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (self->lender_type_row, lender_types);
  adw_combo_row_set_model (self->method_row, methods);
}

ShoreLoanDialog *
shore_loan_dialog_new (GtkWindow       *parent,
                       ShoreStore      *store,
                       const ShoreLoan *loan)
{
  ShoreLoanDialog *self;
  g_autoptr(ShoreLoan) fresh = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);

  self = g_object_new (SHORE_TYPE_LOAN_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);

  if (loan != NULL)
    {
      self->original = shore_loan_copy (loan);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Loan"));
      adw_window_title_set_title (self->window_title, _("Edit Loan"));
      gtk_button_set_label (self->save_button, _("_Save"));
      load_loan (self, loan);
    }
  else
    {
      fresh = shore_loan_new ();
      load_loan (self, fresh);
    }

  return self;
}

ShoreLoanDialog *
shore_loan_dialog_new_for_simulation (GtkWindow       *parent,
                                      const ShoreLoan *loan)
{
  ShoreLoanDialog *self;
  g_autoptr(ShoreLoan) fresh = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (SHORE_TYPE_LOAN_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->simulation = TRUE;
  /* A loan that is only tried out sends no reminders. */
  gtk_widget_set_visible (self->reminders_group, FALSE);
  gtk_window_set_title (GTK_WINDOW (self), _("Try a Loan"));
  adw_window_title_set_title (self->window_title, _("Try a Loan"));
  /* Translators: the button that simulates the loan typed in, without saving it */
  gtk_button_set_label (self->save_button, _("_Simulate"));

  if (loan != NULL)
    {
      self->original = shore_loan_copy (loan);
      load_loan (self, loan);
    }
  else
    {
      fresh = shore_loan_new ();
      load_loan (self, fresh);
    }

  return self;
}
