/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-handout"

#include "config.h"

#include "../shore-apr.h"
#include "../shore-debts.h"
#include "../shore-guide.h"
#include "../shore-intl.h"
#include "../shore-legal-lines.h"
#include "../shore-money.h"
#include "../shore-overdue.h"
#include "../shore-scenario.h"
#include "../shore-schedule.h"
#include "shore-chart.h"
#include "shore-handout-private.h"
#include "shore-overdue-chart.h"

/* “What overdue really costs”: one loan of the store as of the handout's
 * date, computed by the overdue model (shore-overdue, shore-scenario) and
 * laid out for paper. Nothing is computed here but the choice of the loan. */

#define HORIZON_DAYS     180   /* the chart and “keep waiting” look this far ahead */
#define NEGOTIATE_MONTHS 12
#define CHART_HEIGHT     260.0
#define CHART_FONT_SCALE 0.72

typedef struct
{
  ShoreHandoutContext *ctx;
  const ShoreLoan     *loan;
  ShoreOverdueOptions  options;
  ShoreOverdueResult  *result;
} Case;

/* The loan: the one asked for, else the one overdue longest, else the
 * largest balance; loans paid off do not count. */
static ShoreDebt *
choose_debt (GListModel *debts,
             gint64      loan_id)
{
  g_autoptr(ShoreDebt) best = NULL;
  guint n = g_list_model_get_n_items (debts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (debts, i);
      const ShoreLoanStatus *status = shore_debt_get_status (debt);
      const ShoreLoanStatus *old = best != NULL ? shore_debt_get_status (best) : NULL;

      if (loan_id != 0)
        {
          if (shore_debt_get_id (debt) == loan_id)
            return g_steal_pointer (&debt);
          continue;
        }
      if (status->state == SHORE_LOAN_STATE_PAID_OFF)
        continue;
      if (old == NULL || status->days_overdue > old->days_overdue ||
          (status->days_overdue == old->days_overdue && status->owed_total > old->owed_total))
        g_set_object (&best, debt);
    }
  return g_steal_pointer (&best);
}

static void
add_pair (GPtrArray  *rows,
          const char *key,
          char       *value)
{
  char **cells = g_new0 (char *, 3);

  cells[0] = g_strdup (key);
  cells[1] = value;
  g_ptr_array_add (rows, cells);
}

static char *
describe_rate (const ShoreLoan *loan)
{
  g_autofree char *quoted = shore_rate_format (&loan->rate);
  g_autofree char *annual = shore_rate_format_percent (&loan->rate, SHORE_RATE_ANNUAL, 2);
  g_autofree char *fee = NULL;

  if (!loan->has_monthly_fee_rate)
    /* Translators: the first %s is a rate as quoted, such as “0.05% a day”; the second a percentage number such as 18.00 */
    return g_strdup_printf (_("A rate of %s is %s%% a year."), quoted, annual);
  fee = shore_rate_format_percent (&loan->monthly_fee_rate, SHORE_RATE_MONTHLY, 2);
  if (loan->rate.value == 0)
    /* Translators: %s is a percentage number such as 0.60; the fee is charged every month on the original amount (月费率) */
    return g_strdup_printf (_("A monthly fee of %s%% on the amount borrowed"), fee);
  /* Translators: the first %s is an interest rate such as “0.05% a day”, the second a percentage number such as 0.60 (月费率) */
  return g_strdup_printf (_("%s, plus a monthly fee of %s%% on the amount borrowed"), quoted, fee);
}

static char *
describe_legal_line (const ShoreLoan     *loan,
                     const ShoreTrueCost *cost)
{
  ShoreLegalLine lines[SHORE_N_LEGAL_LINES];

  shore_legal_lines_for (loan->lender_type, &loan->start_date, lines);
  for (guint i = 0; i < SHORE_N_LEGAL_LINES; i++)
    {
      const ShoreLegalLine *line = &lines[i];
      g_autofree char *percent = NULL;
      g_autofree char *name = NULL;
      const char *verdict;
      const char *kind;

      if (!line->applies || line->annual_hundredths <= 0)
        continue;
      percent = shore_apr_format_percent (line->annual_hundredths / 10000.0, 2);
      if (line->kind == SHORE_LEGAL_LINE_4LPR)
        /* Translators: a legal limit; the first %s is its name, the second a percentage number such as 12.00 */
        name = g_strdup_printf (_("%s: %s%% a year"), line->title, percent);
      else
        name = g_strdup (line->title);
      verdict = shore_legal_line_crossed (line, cost->apr_simple)
                ? _("Above the limit that applies to this lender")
                : _("Within the limit that applies to this lender");
      kind = shore_guide_cite_kind_label (line->basis == SHORE_BASIS_LAW ? SHORE_GUIDE_CITE_LAW
                                                                          : SHORE_GUIDE_CITE_REGULATION);
      /* Translators: on the overdue handout: %1$s a legal limit (“24% a
       * year”), %2$s whether the loan is within it, %3$s what the limit
       * rests on (“Law”, “Regulation”) */
      return g_strdup_printf (_("%1$s — %2$s (%3$s)"), name, verdict, kind);
    }
  return NULL;
}

static void
add_loan (Case *c)
{
  static const ShoreDocumentAlign aligns[] = { SHORE_DOCUMENT_ALIGN_START, SHORE_DOCUMENT_ALIGN_START };
  const ShoreLoan *loan = c->loan;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *principal = shore_money_format (loan->principal);
  g_autofree char *start = shore_handout_format_date (&loan->start_date);
  g_autofree char *missed = NULL;
  ShoreTrueCost cost;
  GDate first_missed;

  /* Translators: on the overdue handout: the lender's name and its kind (“Bank”) */
  add_pair (rows, _("Lender"), g_strdup_printf (_("%1$s (%2$s)"), loan->lender,
                                                shore_lender_type_get_label (loan->lender_type)));
  /* Translators: on the overdue handout: the amount, the number of months, how it is repaid, the start date */
  add_pair (rows, _("Borrowed"),
            g_strdup_printf (shore_ngettext ("%1$s for %2$d month, %3$s, from %4$s",
                                             "%1$s for %2$d months, %3$s, from %4$s", loan->term_months),
                             principal, loan->term_months, shore_method_get_label (loan->method), start));
  add_pair (rows, _("Interest rate"), describe_rate (loan));
  if (shore_apr_for_loan (loan, &cost, NULL))
    {
      g_autofree char *simple = shore_apr_format_percent (cost.apr_simple, 2);
      g_autofree char *compound = shore_apr_format_percent (cost.apr_compound, 2);
      char *line = describe_legal_line (loan, &cost);

      /* Translators: the real annual rate, simple then compound, e.g. “18.00% (compound 19.56%)”; %% is a percent sign */
      add_pair (rows, _("True annual rate"), g_strdup_printf (_("%s%% (compound %s%%)"), simple, compound));
      if (line != NULL)
        add_pair (rows, _("Legal limit"), line);
    }

  shore_schedule_due_date (&loan->start_date, c->options.missed_from, &first_missed);
  missed = shore_handout_format_date (&first_missed);
  if (c->result->days_overdue > 0)
    /* Translators: on the overdue handout: %1$d days, %2$s the date of the
     * first missed payment, %3$s the collection stage (“M2”) */
    add_pair (rows, _("Days overdue"),
              g_strdup_printf (shore_ngettext ("%1$d day, since the payment due on %2$s; stage %3$s",
                                               "%1$d days, since the payment due on %2$s; stage %3$s",
                                               c->result->days_overdue),
                               c->result->days_overdue, missed,
                               shore_overdue_stage_get_label (c->result->stage)));
  else
    /* Translators: on the overdue handout, for a loan not yet overdue; %s is a date */
    add_pair (rows, _("Days overdue"),
              g_strdup_printf (_("None yet: the figures below show what happens if the payment due on %s is missed"),
                               missed));

  /* Translators: a heading of the overdue handout */
  shore_document_add_heading (c->ctx->doc, _("The loan"));
  shore_document_add_table (c->ctx->doc, NULL, 2, rows, aligns);
}

static void
append_sentence (GString    *text,
                 const char *sentence)
{
  g_autofree char *joined = NULL;

  /* Translators: joins two sentences; in Chinese without the space */
  joined = g_strdup_printf (_("%1$s %2$s"), text->str, sentence);
  g_string_assign (text, joined);
}

static void
add_owed (Case *c)
{
  static const ShoreDocumentAlign aligns[] = { SHORE_DOCUMENT_ALIGN_START, SHORE_DOCUMENT_ALIGN_END };
  const ShoreOverdueResult *r = c->result;
  const struct { const char *title; gint64 fen; } parts[] = {
    { _("Overdue principal"), r->overdue_principal },
    { _("Interest"), r->overdue_interest },
    { _("Penalty interest"), r->penalty_interest },
    { _("Compound interest"), r->compound_interest },
    { _("Fees"), r->late_fees },
    /* Translators: the last row of the table of what is overdue */
    { _("Total overdue now"), r->total_overdue },
  };
  const char *header[] = {
    /* Translators: a column of the overdue handout's table of charges */
    _("What"),
    /* Translators: a column of the overdue handout's table of charges */
    _("Amount"),
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *penalty_rate = NULL;
  g_autoptr(GString) how = NULL;
  ShoreRate daily = c->loan->rate;
  ShoreMoneyWide value;
  gint64 num, den;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    add_pair (rows, parts[i].title, shore_money_format (parts[i].fen));

  /* The penalty rate as the model applies it: the daily rate plus the
   * markup, rounded to the rate's own precision for display. */
  shore_rate_in_period (&c->loan->rate, SHORE_RATE_DAILY, &num, &den);
  if (!shore_money_wide_div_round ((ShoreMoneyWide) num * SHORE_RATE_SCALE * (10000 + c->loan->penalty_markup_bp),
                                   (ShoreMoneyWide) den * 10000, &value)
      || value > SHORE_RATE_VALUE_MAX)
    value = SHORE_RATE_VALUE_MAX;
  daily.period = SHORE_RATE_DAILY;
  daily.value = (gint64) value;
  penalty_rate = shore_rate_format (&daily);
  /* Translators: on the overdue handout, under the charges: %1$s a daily
   * rate (“0.075% a day”), %2$d the loan's grace days */
  how = g_string_new (NULL);
  g_string_printf (how, shore_ngettext ("Penalty interest is %1$s on the overdue principal, counted from the due date once %2$d day of grace has passed.",
                                        "Penalty interest is %1$s on the overdue principal, counted from the due date once %2$d days of grace have passed.",
                                        c->loan->grace_days),
                   penalty_rate, c->loan->grace_days);
  if (c->loan->compound)
    append_sentence (how, _("Compound interest is charged at the same rate on the overdue interest."));
  if (c->loan->has_late_fee)
    {
      g_autofree char *fee = shore_rate_format (&c->loan->late_fee_daily);
      g_autofree char *sentence = NULL;

      /* Translators: on the overdue handout; %s is a daily rate (“0.10% a day”) */
      sentence = g_strdup_printf (_("A late fee of %s is charged on each overdue installment."), fee);
      append_sentence (how, sentence);
    }
  if (c->loan->accelerate_after_days > 0)
    {
      g_autofree char *sentence = NULL;

      /* Translators: on the overdue handout; %d is a number of days */
      sentence = g_strdup_printf (shore_ngettext ("After %d day overdue, the whole remaining loan falls due.",
                                                  "After %d days overdue, the whole remaining loan falls due.",
                                                  c->loan->accelerate_after_days),
                                  c->loan->accelerate_after_days);
      append_sentence (how, sentence);
    }
  append_sentence (how, _("These are the terms entered for this loan; the contract itself decides."));

  /* Translators: a heading of the overdue handout; %s is a date */
  {
    g_autofree char *today = shore_handout_format_date (&c->options.as_of);
    g_autofree char *heading = g_strdup_printf (_("What is overdue on %s"), today);

    shore_document_add_heading (c->ctx->doc, heading);
  }
  shore_document_add_table (c->ctx->doc, header, 2, rows, aligns);
  shore_document_add_paragraph (c->ctx->doc, how->str);
}

static void
add_credit (Case *c)
{
  static const ShoreDocumentAlign aligns[] = { SHORE_DOCUMENT_ALIGN_START, SHORE_DOCUMENT_ALIGN_START };
  const char *status = c->result->credit_status;
  const char *header[] = {
    /* Translators: a column of the credit-report table of the overdue handout */
    _("Months"),
    /* Translators: a column of the credit-report table: what the report shows */
    _("The report shows"),
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GDate month, last;

  g_date_clear (&month, 1);
  g_date_set_dmy (&month, 1, g_date_get_month (&c->result->as_of), g_date_get_year (&c->result->as_of));
  g_date_subtract_months (&month, SHORE_OVERDUE_STATUS_MONTHS - 1);

  /* One row per run of equal marks; the months before the loan are left out. */
  for (int i = 0; i < SHORE_OVERDUE_STATUS_MONTHS;)
    {
      int j = i;
      g_autofree char *first = NULL;
      char *months;

      while (j + 1 < SHORE_OVERDUE_STATUS_MONTHS && status[j + 1] == status[i])
        j++;
      first = g_strdup_printf ("%04u-%02u", g_date_get_year (&month), g_date_get_month (&month));
      last = month;
      g_date_add_months (&last, (guint) (j - i));
      if (j == i)
        months = g_steal_pointer (&first);
      else
        /* Translators: a range of months on the overdue handout, such as “2026-01 – 2026-09” */
        months = g_strdup_printf (_("%1$s – %2$04u-%3$02u"), first, g_date_get_year (&last), g_date_get_month (&last));
      if (status[i] != '*')
        add_pair (rows, months, shore_overdue_describe_credit_mark (status[i]));
      g_free (months);
      g_date_add_months (&month, (guint) (j - i + 1));
      i = j + 1;
    }

  /* Translators: a heading of the overdue handout */
  shore_document_add_heading (c->ctx->doc, _("Your credit report"));
  shore_document_add_paragraph (c->ctx->doc,
                                _("What the repayment line of your credit report shows for this loan, month "
                                  "by month, if nothing more is paid:"));
  shore_document_add_table (c->ctx->doc, header, 2, rows, aligns);
}

static gboolean
add_chart (Case                   *c,
           const ShoreNegotiation *terms,
           GError                **error)
{
  ShoreChart *chart;
  GDate from;
  int n;

  shore_overdue_chart_range (c->loan, &c->options, HORIZON_DAYS, &from, &n);
  chart = shore_overdue_chart_new (c->loan, &c->options, &from, n, terms, error);
  if (chart == NULL)
    return FALSE;

  /* Translators: a heading of the overdue handout */
  shore_document_add_heading (c->ctx->doc, _("If you keep waiting"));
  shore_handout_add_chart (c->ctx, chart, CHART_HEIGHT, CHART_FONT_SCALE);
  return TRUE;
}

/* A milestone's text may open with its basis (“Typical practice, not law:
 * …”), which the Basis column already says: the table leaves it out. */
static char *
strip_basis (const char *text,
             const char *label)
{
  static const char *const colons[] = { ": ", "：" };

  if (g_str_has_prefix (text, label))
    for (guint i = 0; i < G_N_ELEMENTS (colons); i++)
      if (g_str_has_prefix (text + strlen (label), colons[i]))
        return g_strdup (text + strlen (label) + strlen (colons[i]));
  return g_strdup (text);
}

static void
add_milestones (Case *c)
{
  static const ShoreDocumentAlign aligns[] = {
    SHORE_DOCUMENT_ALIGN_START, SHORE_DOCUMENT_ALIGN_END,
    SHORE_DOCUMENT_ALIGN_START, SHORE_DOCUMENT_ALIGN_START,
  };
  const char *header[] = {
    /* Translators: a column of the milestones table */
    _("Date"),
    /* Translators: a column of the milestones table: days since the first missed due date */
    _("Day"),
    /* Translators: a column of the milestones table */
    _("What happens"),
    /* Translators: a column of the milestones table: law, typical practice or the loan's terms */
    _("Basis"),
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < c->result->milestones->len; i++)
    {
      const ShoreOverdueMilestone *m = &g_array_index (c->result->milestones, ShoreOverdueMilestone, i);
      char **cells = g_new0 (char *, 5);

      cells[0] = shore_date_format_iso (&m->date);
      cells[1] = g_strdup_printf ("%d", m->day);
      cells[2] = strip_basis (m->text, shore_overdue_basis_get_label (m->basis));
      if (m->citation != NULL)
        cells[3] = g_strdup_printf ("%s\n%s", shore_overdue_basis_get_label (m->basis), m->citation);
      else
        cells[3] = g_strdup (shore_overdue_basis_get_label (m->basis));
      g_ptr_array_add (rows, cells);
    }

  /* Translators: a heading of the overdue handout */
  shore_document_add_heading (c->ctx->doc, _("What happens when"));
  shore_document_add_table (c->ctx->doc, header, G_N_ELEMENTS (header), rows, aligns);
}

static char **
scenario_row (const char *title,
              char       *a,
              char       *b,
              char       *d)
{
  char **cells = g_new0 (char *, 5);

  cells[0] = g_strdup (title);
  cells[1] = a;
  cells[2] = b;
  cells[3] = d;
  return cells;
}

static gboolean
add_ways_out (Case                   *c,
              const ShoreNegotiation *terms,
              GError                **error)
{
  static const ShoreDocumentAlign aligns[] = {
    SHORE_DOCUMENT_ALIGN_START, SHORE_DOCUMENT_ALIGN_START,
    SHORE_DOCUMENT_ALIGN_START, SHORE_DOCUMENT_ALIGN_START,
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *wait_header = NULL;
  g_autofree char *deal_header = NULL;
  g_autofree char *worst = NULL;
  ShoreScenario now, wait, deal;
  int k = c->options.missed_from;
  const GDate *today = &c->options.as_of;

  if (!shore_scenario_pay_now (c->loan, k, today, &now, error)
      || !shore_scenario_keep_waiting (c->loan, k, today, HORIZON_DAYS, &wait, error)
      || !shore_scenario_negotiate (c->loan, k, today, terms, &deal, error))
    return FALSE;

  /* Translators: a column header; %d is the number of days looked ahead */
  wait_header = g_strdup_printf (shore_ngettext ("Wait %d day", "Wait %d days", HORIZON_DAYS), HORIZON_DAYS);
  /* Translators: a column header of the overdue handout; %d is a number of months */
  deal_header = g_strdup_printf (shore_ngettext ("Negotiate %d month, interest stopped",
                                                 "Negotiate %d months, interest stopped", terms->term_months),
                                 terms->term_months);
  {
    const char *header[] = { "", _("Pay now"), wait_header, deal_header };

    g_ptr_array_add (rows, scenario_row (_("Total paid"), shore_money_format (now.total),
                                         shore_money_format (wait.total), shore_money_format (deal.total)));

    g_ptr_array_add (rows, scenario_row (_("Monthly payment"), shore_scenario_describe_pay_now (&now),
                                         g_strdup (_("Nothing paid; what you owe keeps growing")),
                                         shore_scenario_describe_monthly (&deal)));

    worst = shore_overdue_describe_credit_mark (deal.worst_status);
    g_ptr_array_add (rows, scenario_row (_("Credit record"), shore_overdue_describe_credit_mark (now.worst_status),
                                         shore_overdue_describe_credit_mark (wait.worst_status),
                                         /* Translators: %s is the worst mark on the credit report so far, such as “2 months overdue” */
                                         g_strdup_printf (_("%s so far; later months depend on how the lender reports the plan"),
                                                          worst)));

    /* Translators: a heading of the overdue handout */
    shore_document_add_heading (c->ctx->doc, _("Three ways out"));
    {
      /* Translators: on the overdue handout, above the table of the three
       * ways out; %d is the number of days of waiting */
      g_autofree char *explain = g_strdup_printf (shore_ngettext ("Pay now: what is overdue today, then the rest as scheduled. "
                                                                  "Wait: nothing paid for %d day; the total is what is owed then. "
                                                                  "Negotiate: equal monthly payments with the interest stopped, "
                                                                  "which happens only if the lender agrees.",
                                                                  "Pay now: what is overdue today, then the rest as scheduled. "
                                                                  "Wait: nothing paid for %d days; the total is what is owed then. "
                                                                  "Negotiate: equal monthly payments with the interest stopped, "
                                                                  "which happens only if the lender agrees.",
                                                                  HORIZON_DAYS),
                                                  HORIZON_DAYS);

      shore_document_add_paragraph (c->ctx->doc, explain);
    }
    shore_document_add_table (c->ctx->doc, header, G_N_ELEMENTS (header), rows, aligns);
  }
  return TRUE;
}

static void
add_advice (Case *c)
{
  g_autoptr(ShoreGuide) guide = shore_guide_new (NULL);
  const ShoreGuideArticle *article = guide != NULL ? shore_guide_lookup_article (guide, "stop-interest") : NULL;
  g_autofree char *text = NULL;

  /* Translators: a heading of the overdue handout */
  shore_document_add_heading (c->ctx->doc, _("What you can do"));
  if (article != NULL && article->cites->len > 0)
    {
      const ShoreGuideCite *cite = g_ptr_array_index (article->cites, 0);
      /* Translators: on the overdue handout: %1$s a statement of the rights
       * guide, %2$s its source (《…》第70条), %3$s the kind of rule, %4$s how sure */
      g_autofree char *note = g_strdup_printf (_("%1$s (%2$s; %3$s · %4$s)"), article->summary, cite->text,
                                               shore_guide_cite_kind_label (cite->kind),
                                               shore_guide_confidence_label (cite->confidence));

      shore_document_add_paragraph (c->ctx->doc, note);
    }
  /* Translators: on the overdue handout; %s is the title of the rights handout */
  text = g_strdup_printf (_("Talk to the lender before the next date in the table above: explain what you can "
                            "pay each month and ask for any plan in writing. Keep a record of every call and "
                            "message. Being overdue does not take away your rights: collectors must still keep "
                            "to the rules in the handout “%s”. For free legal help, call 12348."),
                          shore_handout_topic_get_label (SHORE_HANDOUT_RIGHTS));
  shore_document_add_paragraph (c->ctx->doc, text);
}

static gboolean
build (Case    *c,
       GError **error)
{
  ShoreNegotiation terms = { NEGOTIATE_MONTHS, TRUE, 0, 0 };
  g_autofree char *subtitle = shore_handout_subtitle (c->ctx, c->loan->lender);

  if (!shore_overdue_compute (c->loan, &c->options, &c->result, error))
    return FALSE;

  shore_document_set_title (c->ctx->doc, shore_handout_topic_get_label (SHORE_HANDOUT_OVERDUE), subtitle);
  add_loan (c);
  add_owed (c);
  add_credit (c);
  if (!add_chart (c, &terms, error))
    return FALSE;
  add_milestones (c);
  if (!add_ways_out (c, &terms, error))
    return FALSE;
  add_advice (c);
  return TRUE;
}

/**
 * shore_handout_build_overdue:
 * @ctx: the handout being built, in its language
 * @error: return location for an error
 *
 * What overdue really costs, for one loan of the store.
 *
 * Returns: %TRUE on success
 */
gboolean
shore_handout_build_overdue (ShoreHandoutContext *ctx,
                             GError             **error)
{
  const ShoreHandoutOptions *options = ctx->options;
  g_autoptr(GListModel) debts = NULL;
  g_autoptr(ShoreDebt) debt = NULL;
  g_autoptr(GError) local = NULL;
  const ShoreLoanStatus *status;
  Case c = { ctx, NULL, { 0 }, NULL };
  gboolean ok;

  debts = shore_debts_list (ctx->store, &options->today, &local);
  if (debts == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  debt = choose_debt (debts, options->loan_id);
  if (debt == NULL && options->loan_id != 0)
    {
      /* Translators: %lld is the loan's number */
      shore_handout_set_error (ctx, error, SHORE_HANDOUT_ERROR_NO_DATA,
                               N_("There is no loan number %lld"), (long long) options->loan_id);
      return FALSE;
    }
  if (debt == NULL)
    {
      shore_handout_set_error (ctx, error, SHORE_HANDOUT_ERROR_NO_DATA,
                               N_("There is no loan to show what overdue costs: add a loan that is not "
                                  "paid off, or choose a training case"));
      return FALSE;
    }

  status = shore_debt_get_status (debt);
  c.loan = shore_debt_get_loan (debt);
  c.options.missed_from = CLAMP (status->next_period, 1, c.loan->term_months);
  c.options.as_of = options->today;

  ok = build (&c, &local);
  g_clear_pointer (&c.result, shore_overdue_result_free);
  if (!ok)
    {
      /* Translators: %s says why the overdue model could not run */
      shore_handout_set_error (ctx, error, SHORE_HANDOUT_ERROR_NO_DATA,
                               N_("The loan cannot be simulated: %s"), local->message);
      return FALSE;
    }
  return TRUE;
}
