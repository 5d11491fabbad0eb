/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-offer-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shore-apr.h"
#include "shore-legal-lines.h"
#include "shore-money.h"

#include "shore-loan-dialog.h"
#include "shore-offer-dialog.h"

/* The rows of quote_kind_row, in the order of the .ui. */
typedef enum {
  QUOTE_DAILY,
  QUOTE_MONTHLY,
  QUOTE_ANNUAL,
  QUOTE_MONTHLY_FEE,
  QUOTE_INSTALLMENT,
} QuoteKind;

struct _ShoreOfferDialog
{
  AdwWindow      parent_instance;

  AdwEntryRow   *principal_row;
  GtkSpinButton *term_spin;
  AdwComboRow   *quote_kind_row;
  AdwEntryRow   *value_row;
  AdwComboRow   *method_row;
  AdwEntryRow   *fee_row;
  AdwComboRow   *lender_type_row;
  AdwEntryRow   *date_row;
  GtkLabel      *hint_label;
  GtkWidget     *results_box;
  GtkLabel      *apr_simple_label;
  GtkLabel      *apr_compound_label;
  GtkLabel      *repaid_label;
  GtkLabel      *cost_label;
  GtkLabel      *note_label;
  GtkListBox    *lines_list;
};

G_DEFINE_FINAL_TYPE (ShoreOfferDialog, shore_offer_dialog, ADW_TYPE_WINDOW)

/* The offer as typed, once every field reads. */
typedef struct
{
  QuoteKind        kind;
  gint64           principal;
  int              term_months;
  ShoreRate        rate;
  gint64           installment;
  gint64           upfront_fee;
  ShoreLenderType  lender_type;
  GDate            date;
  ShoreTrueCost    cost;
} Offer;

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

static const char *
get_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
mark_row (GtkWidget *row,
          gboolean   bad)
{
  if (bad)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static ShoreRatePeriod
get_quote_period (QuoteKind kind)
{
  switch (kind)
    {
    case QUOTE_DAILY:
      return SHORE_RATE_DAILY;
    case QUOTE_ANNUAL:
      return SHORE_RATE_ANNUAL;
    case QUOTE_MONTHLY:
    case QUOTE_MONTHLY_FEE:
    case QUOTE_INSTALLMENT:
    default:
      return SHORE_RATE_MONTHLY;
    }
}

static gboolean
compute_cost (ShoreOfferDialog  *self,
              Offer             *offer,
              GError           **error)
{
  g_autoptr(ShoreLoan) loan = NULL;

  if (offer->kind == QUOTE_INSTALLMENT)
    return shore_apr_for_payment (offer->principal, offer->term_months, offer->installment,
                                  offer->upfront_fee, &offer->cost, error);

  loan = shore_loan_new ();
  g_free (loan->lender);
  loan->lender = g_strdup ("offer");   /* never shown; the rules want a name */
  loan->lender_type = offer->lender_type;
  loan->principal = offer->principal;
  loan->upfront_fee = offer->upfront_fee;
  loan->term_months = offer->term_months;
  loan->method = (ShoreRepaymentMethod) adw_combo_row_get_selected (self->method_row);
  loan->start_date = offer->date;
  if (offer->kind == QUOTE_MONTHLY_FEE)
    {
      loan->rate = (ShoreRate) { SHORE_RATE_MONTHLY, 0 };
      loan->has_monthly_fee_rate = TRUE;
      loan->monthly_fee_rate = offer->rate;
    }
  else
    loan->rate = offer->rate;

  return shore_loan_validate (loan, error) && shore_apr_for_loan (loan, &offer->cost, error);
}

/* Reads every field. FALSE with @error NULL means something is still blank. */
static gboolean
read_offer (ShoreOfferDialog  *self,
            Offer             *offer,
            GError           **error)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->principal_row), GTK_WIDGET (self->value_row),
    GTK_WIDGET (self->fee_row), GTK_WIDGET (self->date_row),
  };
  const char *fee = get_text (self->fee_row);
  g_autofree char *date = g_strstrip (g_strdup (get_text (self->date_row)));
  GtkWidget *bad = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    mark_row (rows[i], FALSE);

  offer->kind = adw_combo_row_get_selected (self->quote_kind_row);
  offer->term_months = gtk_spin_button_get_value_as_int (self->term_spin);
  offer->lender_type = (ShoreLenderType) adw_combo_row_get_selected (self->lender_type_row);
  g_date_clear (&offer->date, 1);

  if (is_blank (get_text (self->principal_row)) || is_blank (get_text (self->value_row)))
    return FALSE;

  if (!shore_money_parse (get_text (self->principal_row), &offer->principal, error))
    bad = GTK_WIDGET (self->principal_row);
  else if (offer->kind == QUOTE_INSTALLMENT &&
           !shore_money_parse (get_text (self->value_row), &offer->installment, error))
    bad = GTK_WIDGET (self->value_row);
  else if (offer->kind != QUOTE_INSTALLMENT &&
           !shore_loan_dialog_parse_rate (get_text (self->value_row), get_quote_period (offer->kind),
                                          &offer->rate, error))
    bad = GTK_WIDGET (self->value_row);
  else if (!is_blank (fee) && !shore_money_parse (fee, &offer->upfront_fee, error))
    bad = GTK_WIDGET (self->fee_row);
  else if (!shore_date_parse (date, &offer->date, error))
    bad = GTK_WIDGET (self->date_row);

  if (bad != NULL)
    {
      mark_row (bad, TRUE);
      return FALSE;
    }

  return compute_cost (self, offer, error);
}

static char *
format_percent (double fraction)
{
  g_autofree char *number = shore_apr_format_percent (fraction, 2);

  /* Translators: a percentage; %s is a number such as 18.00, %% a percent sign */
  return g_strdup_printf (_("%s%%"), number);
}

static GtkWidget *
create_line_row (const ShoreLegalLine *line,
                 double                apr)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *icon;
  GtkWidget *title;
  GtkWidget *verdict;
  GtkWidget *explanation;
  g_autofree char *percent = shore_apr_format_percent (line->annual_hundredths / 10000.0, 2);
  g_autofree char *heading = NULL;
  g_autofree char *verdict_text = NULL;
  gboolean known = line->annual_hundredths > 0;
  gboolean crossed = known && shore_legal_line_crossed (line, apr);
  const char *icon_name;
  const char *style;

  /* The 24 % and 36 % lines name their rate already; four times the LPR depends on the date. */
  if (known && line->kind == SHORE_LEGAL_LINE_4LPR)
    /* Translators: a legal limit; the first %s is its name, the second a percentage number such as 12.00 */
    heading = g_strdup_printf (_("%s: %s%% a year"), line->title, percent);
  else
    heading = g_strdup (line->title);

  if (!known)
    verdict_text = g_strdup (_("No LPR had been published by the contract date"));
  else if (crossed && line->applies)
    verdict_text = g_strdup (_("Above the limit that applies to this lender"));
  else if (crossed)
    verdict_text = g_strdup (_("Above this limit, which does not apply to this lender"));
  else if (line->applies)
    verdict_text = g_strdup (_("Within the limit that applies to this lender"));
  else
    verdict_text = g_strdup (_("Within this limit"));

  if (!known)
    {
      icon_name = "dialog-information-symbolic";
      style = "dim-label";
    }
  else if (crossed)
    {
      icon_name = "dialog-warning-symbolic";
      style = line->applies ? "error" : "warning";
    }
  else
    {
      icon_name = "emblem-ok-symbolic";
      style = "success";
    }

  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, verdict_text, -1);

  title = gtk_label_new (heading);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_widget_add_css_class (title, "heading");

  verdict = gtk_label_new (verdict_text);
  gtk_label_set_wrap (GTK_LABEL (verdict), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (verdict), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (verdict), 0.0f);
  gtk_widget_add_css_class (verdict, style);
  if (line->applies)
    gtk_widget_add_css_class (verdict, "heading");

  explanation = gtk_label_new (line->explanation);
  gtk_label_set_wrap (GTK_LABEL (explanation), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (explanation), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (explanation), 0.0f);
  gtk_label_set_selectable (GTK_LABEL (explanation), TRUE);
  gtk_widget_add_css_class (explanation, "dim-label");
  gtk_widget_add_css_class (explanation, "body");

  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), verdict);
  if (known && line->kind == SHORE_LEGAL_LINE_4LPR && g_date_valid (&line->lpr_date))
    {
      g_autofree char *lpr = shore_apr_format_percent (line->lpr_hundredths / 10000.0, 2);
      g_autofree char *date = shore_date_format_iso (&line->lpr_date);
      g_autofree char *basis = NULL;
      GtkWidget *basis_label;

      /* Translators: the first %s is a percentage number such as 3.00, the second a date (2026-01-20) */
      basis = g_strdup_printf (_("Four times the one-year LPR of %s%% in force since %s"), lpr, date);
      basis_label = gtk_label_new (basis);
      gtk_label_set_wrap (GTK_LABEL (basis_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (basis_label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (basis_label), 0.0f);
      gtk_widget_add_css_class (basis_label, "caption");
      gtk_box_append (GTK_BOX (text), basis_label);
    }
  gtk_box_append (GTK_BOX (text), explanation);
  gtk_widget_set_hexpand (text, TRUE);

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
update_lines (ShoreOfferDialog *self,
              const Offer      *offer)
{
  ShoreLegalLine lines[SHORE_N_LEGAL_LINES];
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->lines_list, 0)) != NULL)
    gtk_list_box_remove (self->lines_list, GTK_WIDGET (row));

  shore_legal_lines_for (offer->lender_type, &offer->date, lines);
  for (guint i = 0; i < SHORE_N_LEGAL_LINES; i++)
    gtk_list_box_append (self->lines_list, create_line_row (&lines[i], offer->cost.apr_simple));
}

/* Plain words on what the quoted figure hides, one sentence per line. */
static char *
describe_offer (const Offer *offer)
{
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *real = shore_apr_format_percent (offer->cost.apr_simple, 2);

  if (offer->kind == QUOTE_DAILY || offer->kind == QUOTE_MONTHLY)
    {
      g_autofree char *quoted = shore_rate_format (&offer->rate);
      g_autofree char *annual = shore_rate_format_percent (&offer->rate, SHORE_RATE_ANNUAL, 2);

      /* Translators: the first %s is a rate as quoted, such as “0.05% a day”; the second a percentage number such as 18.00 */
      g_ptr_array_add (sentences, g_strdup_printf (_("A rate of %s is %s%% a year."), quoted, annual));
    }
  else if (offer->kind == QUOTE_MONTHLY_FEE)
    {
      g_autofree char *quoted = shore_rate_format_percent (&offer->rate, SHORE_RATE_MONTHLY, 2);
      g_autofree char *annual = shore_rate_format_percent (&offer->rate, SHORE_RATE_ANNUAL, 2);

      /* Translators: both %s are percentage numbers: the monthly fee (月费率) such as 0.60, and it times 12 such as 7.20 */
      g_ptr_array_add (sentences, g_strdup_printf (_("A monthly fee of %s%% looks like %s%% a year, but it is charged on the whole amount borrowed every month, even after you have repaid most of it."),
                                                   quoted, annual));
    }
  else
    {
      g_autofree char *repaid = shore_money_format (offer->cost.total_repaid);
      g_autofree char *received = shore_money_format (offer->cost.received);

      /* Translators: both %s are amounts of money */
      g_ptr_array_add (sentences, g_strdup_printf (_("You repay %s in all for the %s you receive."), repaid, received));
    }

  if (offer->upfront_fee > 0)
    {
      g_autofree char *fee = shore_money_format (offer->upfront_fee);
      g_autofree char *received = shore_money_format (offer->cost.received);

      /* Translators: the first %s is a fee, the second the amount actually received */
      g_ptr_array_add (sentences, g_strdup_printf (_("The upfront fee of %s leaves you only %s, but you repay as if you had received the whole amount."),
                                                   fee, received));
    }

  /* Translators: %s is a percentage number such as 18.00; %% is a percent sign */
  g_ptr_array_add (sentences, g_strdup_printf (_("Counting how and when you repay, the real annual rate is %s%%."), real));
  g_ptr_array_add (sentences, NULL);

  return g_strjoinv ("\n", (char **) sentences->pdata);
}

static void
show_offer (ShoreOfferDialog *self,
            const Offer      *offer)
{
  g_autofree char *simple_text = format_percent (offer->cost.apr_simple);
  g_autofree char *compound_text = format_percent (offer->cost.apr_compound);
  g_autofree char *repaid = shore_money_format (offer->cost.total_repaid);
  g_autofree char *cost = shore_money_format (offer->cost.total_cost);
  g_autofree char *note = describe_offer (offer);

  gtk_label_set_text (self->apr_simple_label, simple_text);
  gtk_label_set_text (self->apr_compound_label, compound_text);
  gtk_label_set_text (self->repaid_label, repaid);
  gtk_label_set_text (self->cost_label, cost);
  gtk_label_set_text (self->note_label, note);
  update_lines (self, offer);
}

static void
update (ShoreOfferDialog *self)
{
  g_autoptr(GError) error = NULL;
  Offer offer = { 0 };

  if (read_offer (self, &offer, &error))
    {
      show_offer (self, &offer);
      gtk_widget_set_visible (self->results_box, TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->hint_label), FALSE);
      return;
    }

  gtk_widget_set_visible (self->results_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), TRUE);
  if (error != NULL)
    {
      gtk_label_set_text (self->hint_label, error->message);
      gtk_widget_remove_css_class (GTK_WIDGET (self->hint_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "error");
    }
  else
    {
      gtk_label_set_text (self->hint_label,
                          _("Fill in the amount, the rate or installment, and the term to see what the loan really costs."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->hint_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->hint_label), "dim-label");
    }
}

static void
on_field_changed_cb (ShoreOfferDialog *self)
{
  update (self);
}

static void
on_quote_kind_changed_cb (ShoreOfferDialog *self)
{
  gboolean installment = adw_combo_row_get_selected (self->quote_kind_row) == QUOTE_INSTALLMENT;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row),
                                 installment ? _("_Installment each month (¥)") : _("_Rate in %"));
  gtk_widget_set_visible (GTK_WIDGET (self->method_row), !installment);
  update (self);
}

static void
shore_offer_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SHORE_TYPE_OFFER_DIALOG);

  G_OBJECT_CLASS (shore_offer_dialog_parent_class)->dispose (object);
}

static void
shore_offer_dialog_class_init (ShoreOfferDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shore_offer_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/shore-offer-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoreOfferDialog, principal_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreOfferDialog, term_spin);
  gtk_widget_class_bind_template_child (widget_class, ShoreOfferDialog, quote_kind_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreOfferDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreOfferDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreOfferDialog, fee_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreOfferDialog, lender_type_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreOfferDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreOfferDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreOfferDialog, results_box);
  gtk_widget_class_bind_template_child (widget_class, ShoreOfferDialog, apr_simple_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreOfferDialog, apr_compound_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreOfferDialog, repaid_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreOfferDialog, cost_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreOfferDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreOfferDialog, lines_list);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_quote_kind_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shore_offer_dialog_init (ShoreOfferDialog *self)
{
  g_autoptr(GtkStringList) lender_types = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  gtk_widget_init_template (GTK_WIDGET (self));

  for (ShoreLenderType type = SHORE_LENDER_BANK; type <= SHORE_LENDER_CREDIT_CARD; type++)
    gtk_string_list_append (lender_types, shore_lender_type_get_label (type));
  for (ShoreRepaymentMethod method = SHORE_METHOD_EQUAL_INSTALLMENT; method <= SHORE_METHOD_BULLET; method++)
    gtk_string_list_append (methods, shore_method_get_label (method));

  adw_combo_row_set_model (self->lender_type_row, G_LIST_MODEL (lender_types));
  adw_combo_row_set_selected (self->lender_type_row, SHORE_LENDER_PLATFORM);
  adw_combo_row_set_model (self->method_row, G_LIST_MODEL (methods));
  adw_combo_row_set_selected (self->method_row, SHORE_METHOD_EQUAL_INSTALLMENT);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
}

ShoreOfferDialog *
shore_offer_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (SHORE_TYPE_OFFER_DIALOG,
                       "transient-for", parent,
                       NULL);
}
