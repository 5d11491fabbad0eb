/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The overdue model of DESIGN.md ("Money, rates and conventions").
 *
 * Installments K … term are unpaid. For each unpaid installment i past its
 * due date u_i by d_i = t − u_i days, with p = the loan's daily rate ×
 * (1 + penalty_markup_bp / 10000), exactly as a fraction:
 *
 *   nothing while d_i ≤ grace_days; from day grace + 1 on, counted from u_i:
 *   penalty  = principal_i × p × d_i
 *   compound = interest_i  × p × d_i            (when the loan compounds)
 *   late fee = late_fee_daily × (principal_i + interest_i) × d_i (when it has one)
 *
 * Each of the three is computed exactly on 128 bits and rounded half away
 * from zero to fen once per installment (never per day), then summed.
 *
 * Modelling choices (documented in the header and the tests):
 *
 * - Acceleration (提前到期), accelerate_after_days = D > 0: on X = u_K + D,
 *   the day the oldest unpaid installment is D days overdue, every unpaid
 *   installment due after X becomes overdue. It counts as overdue from X
 *   itself, with its principal only: its scheduled interest (including the
 *   part of the running period before X) is dropped, since it no longer
 *   accrues on the schedule; the result is a lower bound where a contract
 *   claims interest accrued to X. Its charges count from X with no grace of
 *   their own: day X charges 0 days, X + 1 one day. Installments due on or
 *   before X keep their own due dates. If no installment is due after X,
 *   acceleration changes nothing and is not reported.
 * - A 月费率 loan: the penalty rate is the loan's interest rate (which may
 *   be 0) plus the markup, per DESIGN.md; the monthly fee is not a rate on
 *   the balance and gets no penalty. The fee sits in the schedule's
 *   interest column, so it is overdue interest and compounds like interest.
 * - The collection stage and the credit status use the days overdue of the
 *   oldest unpaid installment; grace days are 'N' and stage GRACE.
 */

#define G_LOG_DOMAIN "shore-overdue"

#include "config.h"

#include <string.h>

#include <glib.h>
#include "shore-intl.h"

#include "shore-loan-private.h"
#include "shore-money.h"
#include "shore-overdue.h"
#include "shore-schedule.h"

G_DEFINE_QUARK (shore-overdue-error-quark, shore_overdue_error)

#define MARKUP_ONE          10000
#define LIMITATION_YEARS    3
#define RECORD_YEARS        5

/* One unpaid installment, in Julian days */
typedef struct
{
  gint64  principal;
  gint64  interest;       /* 0 once accelerated */
  guint32 overdue_on;     /* first day it is overdue */
  guint32 counts_from;    /* d = t − counts_from */
  guint32 charged_on;     /* first day with charges */
} Item;

typedef struct
{
  ShoreMoneyWide pen_num;   /* p = pen_num / pen_den */
  ShoreMoneyWide pen_den;
  ShoreMoneyWide fee_num;   /* late fee daily rate, 0/1 when none */
  ShoreMoneyWide fee_den;
  gboolean       compound;
  guint32        first_due; /* u_K */
  guint32        last_due;  /* due of the last installment, or X when it is earlier */
  guint32        accel;     /* X, or 0 */
  Item          *items;
  guint          n_items;
} Model;

static void
model_clear (Model *model)
{
  g_clear_pointer (&model->items, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Model, model_clear)

static void
set_overflow (GError **error)
{
  g_set_error_literal (error, SHORE_OVERDUE_ERROR, SHORE_OVERDUE_ERROR_OVERFLOW,
                       _("The overdue charges are too large to compute"));
}

static gboolean
check_date (const ShoreLoan *loan,
            const GDate     *date,
            GError         **error)
{
  if (date == NULL || !g_date_valid (date))
    {
      g_set_error_literal (error, SHORE_OVERDUE_ERROR, SHORE_OVERDUE_ERROR_DATE,
                           _("The as-of date is not a valid date"));
      return FALSE;
    }
  if (g_date_compare (date, &loan->start_date) < 0)
    {
      g_autofree char *day = shore_date_format_iso (date);
      g_autofree char *start = shore_date_format_iso (&loan->start_date);

      g_set_error (error, SHORE_OVERDUE_ERROR, SHORE_OVERDUE_ERROR_DATE,
                   _("The date %s is before the loan’s start date %s"), day, start);
      return FALSE;
    }
  return TRUE;
}

static void
reduce (ShoreMoneyWide *num,
        ShoreMoneyWide *den)
{
  ShoreMoneyWide a = *num;
  ShoreMoneyWide b = *den;

  while (b != 0)
    {
      ShoreMoneyWide t = a % b;

      a = b;
      b = t;
    }
  if (a > 1)
    {
      *num /= a;
      *den /= a;
    }
}

static gboolean
model_init (Model                     *model,
            const ShoreLoan           *loan,
            const ShoreOverdueOptions *options,
            GError                   **error)
{
  g_autoptr(ShoreSchedule) schedule = NULL;
  gint64 num;
  gint64 den;
  guint i;

  memset (model, 0, sizeof *model);

  if (!shore_loan_validate_terms (loan, error))
    return FALSE;
  if (options->missed_from < 1 || options->missed_from > loan->term_months)
    {
      g_set_error (error, SHORE_OVERDUE_ERROR, SHORE_OVERDUE_ERROR_MISSED_FROM,
                   _("The first missed installment must be between 1 and %d"), loan->term_months);
      return FALSE;
    }

  schedule = shore_schedule_compute (loan, error);
  if (schedule == NULL)
    return FALSE;

  shore_rate_in_period (&loan->rate, SHORE_RATE_DAILY, &num, &den);
  model->pen_num = (ShoreMoneyWide) num * (MARKUP_ONE + loan->penalty_markup_bp);
  model->pen_den = (ShoreMoneyWide) den * MARKUP_ONE;
  model->fee_num = 0;
  model->fee_den = 1;
  if (loan->has_late_fee)
    {
      shore_rate_in_period (&loan->late_fee_daily, SHORE_RATE_DAILY, &num, &den);
      model->fee_num = num;
      model->fee_den = den;
    }
  model->compound = loan->compound;
  reduce (&model->pen_num, &model->pen_den);

  /* A bullet loan has one row, at the last period: rows are picked by period */
  model->items = g_new0 (Item, schedule->installments->len);
  for (i = 0; i < schedule->installments->len; i++)
    {
      const ShoreInstallment *row = &g_array_index (schedule->installments, ShoreInstallment, i);
      Item *item;
      guint32 due;

      if (row->period < options->missed_from)
        continue;
      item = &model->items[model->n_items];
      due = g_date_get_julian (&row->due_date);
      item->principal = row->principal;
      item->interest = row->interest;
      item->overdue_on = due + 1;
      item->counts_from = due;
      item->charged_on = due + (guint32) loan->grace_days + 1;
      if (model->n_items == 0)
        model->first_due = due;
      model->last_due = due;
      model->n_items++;
    }
  g_assert (model->n_items > 0);

  if (loan->accelerate_after_days > 0)
    {
      guint32 x = model->first_due + (guint32) loan->accelerate_after_days;

      for (i = 0; i < model->n_items; i++)
        {
          Item *item = &model->items[i];

          if (item->counts_from <= x)
            continue;
          model->accel = x;
          item->interest = 0;
          item->overdue_on = x;
          item->counts_from = x;
          item->charged_on = x + 1;
        }
      if (model->accel != 0)
        model->last_due = x;
    }

  return TRUE;
}

/* round (amount × num × days / den), FALSE on overflow */
static gboolean
charge (gint64          amount,
        ShoreMoneyWide  num,
        ShoreMoneyWide  den,
        gint64          days,
        gint64         *out)
{
  ShoreMoneyWide n;
  ShoreMoneyWide q;

  if (__builtin_mul_overflow ((ShoreMoneyWide) amount, num, &n)
      || __builtin_mul_overflow (n, (ShoreMoneyWide) days, &n)
      || !shore_money_wide_div_round (n, den, &q)
      || q > G_MAXINT64)
    return FALSE;
  *out = (gint64) q;
  return TRUE;
}

typedef struct
{
  gint64 principal;
  gint64 interest;
  gint64 penalty;
  gint64 compound;
  gint64 fees;
  gint64 total;
  int    installments;
} Totals;

static gboolean
model_totals (const Model *model,
              guint32      t,
              Totals      *out)
{
  guint i;

  memset (out, 0, sizeof *out);
  for (i = 0; i < model->n_items; i++)
    {
      const Item *item = &model->items[i];
      gint64 days;
      gint64 penalty = 0;
      gint64 compound = 0;
      gint64 fee = 0;

      if (t < item->overdue_on)
        continue;
      out->installments++;
      if (!shore_money_add (out->principal, item->principal, &out->principal)
          || !shore_money_add (out->interest, item->interest, &out->interest))
        return FALSE;
      if (t < item->charged_on)
        continue;
      days = (gint64) t - item->counts_from;
      if (!charge (item->principal, model->pen_num, model->pen_den, days, &penalty)
          || (model->compound
              && !charge (item->interest, model->pen_num, model->pen_den, days, &compound))
          || !charge (item->principal + item->interest, model->fee_num, model->fee_den, days, &fee)
          || !shore_money_add (out->penalty, penalty, &out->penalty)
          || !shore_money_add (out->compound, compound, &out->compound)
          || !shore_money_add (out->fees, fee, &out->fees))
        return FALSE;
    }

  return shore_money_add (out->principal, out->interest, &out->total)
         && shore_money_add (out->total, out->penalty, &out->total)
         && shore_money_add (out->total, out->compound, &out->total)
         && shore_money_add (out->total, out->fees, &out->total);
}

/**
 * shore_overdue_stage_for_days:
 * @days_overdue: days overdue of the oldest unpaid installment, ≥ 0
 * @grace_days: the loan's grace days
 *
 * Returns: the collection bucket: NONE for 0, GRACE up to @grace_days,
 *   then M1 up to 30, M2 up to 60, M3 up to 90, M4_PLUS beyond
 */
ShoreOverdueStage
shore_overdue_stage_for_days (int days_overdue,
                              int grace_days)
{
  if (days_overdue <= 0)
    return SHORE_OVERDUE_STAGE_NONE;
  if (days_overdue <= grace_days)
    return SHORE_OVERDUE_STAGE_GRACE;
  if (days_overdue <= 30)
    return SHORE_OVERDUE_STAGE_M1;
  if (days_overdue <= 60)
    return SHORE_OVERDUE_STAGE_M2;
  if (days_overdue <= 90)
    return SHORE_OVERDUE_STAGE_M3;
  return SHORE_OVERDUE_STAGE_M4_PLUS;
}

static int
days_overdue_on (const Model *model,
                 guint32      t)
{
  return t > model->first_due ? (int) (t - model->first_due) : 0;
}

static void
credit_status (const ShoreLoan *loan,
               const Model     *model,
               const GDate     *as_of,
               char            *out)
{
  int start_index = g_date_get_year (&loan->start_date) * 12 + (int) g_date_get_month (&loan->start_date) - 1;
  int last_index = g_date_get_year (as_of) * 12 + (int) g_date_get_month (as_of) - 1;
  int m;

  for (m = 0; m < SHORE_OVERDUE_STATUS_MONTHS; m++)
    {
      int index = last_index - (SHORE_OVERDUE_STATUS_MONTHS - 1) + m;
      int year = index / 12;
      GDateMonth month = (GDateMonth) (index % 12 + 1);
      guint32 end;
      int days;

      if (index < start_index)
        {
          out[m] = '*';
          continue;
        }
      if (index == last_index)
        end = g_date_get_julian (as_of);
      else
        {
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, g_date_get_days_in_month (month, (GDateYear) year), month, (GDateYear) year);
          end = g_date_get_julian (&date);
        }
      days = days_overdue_on (model, end);
      if (days <= loan->grace_days)
        out[m] = 'N';
      else
        out[m] = (char) ('0' + MIN (7, (days + 29) / 30));
    }
  out[SHORE_OVERDUE_STATUS_MONTHS] = '\0';
}

static void
add_milestone (GArray            *milestones,
               const Model       *model,
               guint32            julian,
               ShoreMilestoneKind kind,
               ShoreOverdueBasis  basis,
               const char        *text,
               const char        *citation)
{
  ShoreOverdueMilestone milestone = { 0 };

  g_date_clear (&milestone.date, 1);
  g_date_set_julian (&milestone.date, julian);
  milestone.day = (int) ((gint64) julian - model->first_due);
  milestone.kind = kind;
  milestone.basis = basis;
  milestone.text = text;
  milestone.citation = citation;
  g_array_append_val (milestones, milestone);
}

static gint
compare_milestones (gconstpointer a,
                    gconstpointer b)
{
  const ShoreOverdueMilestone *x = a;
  const ShoreOverdueMilestone *y = b;
  int by_date = g_date_compare (&x->date, &y->date);

  if (by_date != 0)
    return by_date;
  return (x->kind > y->kind) - (x->kind < y->kind);
}

/* Adds @years to a Julian day; 29 February becomes 28 February */
static guint32
add_years (guint32 julian,
           guint   years)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_add_years (&date, years);
  return g_date_get_julian (&date);
}

static void
add_bucket (GArray            *milestones,
            const Model       *model,
            int                first_day,
            int                last_day,
            int                grace_days,
            ShoreMilestoneKind kind,
            const char        *text)
{
  int day = MAX (first_day, grace_days + 1);

  if (day <= last_day)
    add_milestone (milestones, model, model->first_due + (guint32) day, kind,
                   SHORE_OVERDUE_BASIS_PRACTICE, text, NULL);
}

static GArray *
milestones_new (const ShoreLoan *loan,
                const Model     *model,
                const GDate     *as_of,
                int              days_overdue)
{
  GArray *milestones = g_array_new (FALSE, FALSE, sizeof (ShoreOverdueMilestone));
  int grace = loan->grace_days;
  guint32 first_charge = model->first_due + (guint32) grace + 1;

  add_milestone (milestones, model, first_charge, SHORE_MILESTONE_PENALTY_STARTS, SHORE_OVERDUE_BASIS_CONTRACT,
                 _("Under the loan’s terms, penalty interest is charged from now on, counted back to the "
                   "due date, because the grace days are over."),
                 NULL);
  add_milestone (milestones, model, first_charge, SHORE_MILESTONE_CREDIT_NOTICE, SHORE_OVERDUE_BASIS_LAW,
                 _("From now on the lender may report the missed payment to the credit reference system. "
                   "By law it must tell you before it reports negative information about you."),
                 _("Regulation on the Credit Reporting Industry (征信业管理条例), Article 15"));
  add_bucket (milestones, model, 1, 30, grace, SHORE_MILESTONE_M1,
              _("Typical practice, not law: M1 (up to 30 days overdue) usually means reminders by text "
                "message and phone."));
  add_bucket (milestones, model, 31, 60, grace, SHORE_MILESTONE_M2,
              _("Typical practice, not law: M2 (31–60 days) usually means more calls, possibly visits or "
                "lawyer’s letters; a repayment plan can often be negotiated."));
  add_bucket (milestones, model, 61, 90, grace, SHORE_MILESTONE_M3,
              _("Typical practice, not law: M3 (61–90 days) usually means the case goes to a legal team."));
  add_bucket (milestones, model, 91, G_MAXINT, grace, SHORE_MILESTONE_OUTSOURCED_COLLECTION,
              _("Typical practice, not law: after about 90 days lenders often hand the debt to an outside "
                "collection agency or a law firm. Lenders differ; there is no fixed day."));
  add_bucket (milestones, model, 91, G_MAXINT, grace, SHORE_MILESTONE_LAWSUIT_RISK,
              _("Typical practice, not law: from about now a lawsuit becomes a real risk. There is no fixed "
                "day."));
  if (model->accel != 0)
    add_milestone (milestones, model, model->accel, SHORE_MILESTONE_ACCELERATION, SHORE_OVERDUE_BASIS_CONTRACT,
                   _("Under the loan’s terms, the whole remaining principal becomes due today "
                     "(acceleration), and penalty interest runs on it from today."),
                   NULL);
  add_milestone (milestones, model, add_years (model->last_due, LIMITATION_YEARS),
                 SHORE_MILESTONE_LIMITATION, SHORE_OVERDUE_BASIS_LAW,
                 _("The three-year limitation period runs out, counted from the due date of the last "
                   "installment, unless it was interrupted (for example by a demand for payment), "
                   "which starts it again."),
                 _("Civil Code (民法典), Articles 188 and 189"));
  if (days_overdue > grace)
    add_milestone (milestones, model, add_years (g_date_get_julian (as_of), RECORD_YEARS),
                   SHORE_MILESTONE_RECORD_KEPT, SHORE_OVERDUE_BASIS_LAW,
                   _("If you repaid everything today, the negative record would be kept until this date: "
                     "five years from the day the default ends. The date moves with the day you repay."),
                   _("Regulation on the Credit Reporting Industry (征信业管理条例), Article 16"));

  g_array_sort (milestones, compare_milestones);
  return milestones;
}

/**
 * shore_overdue_compute:
 * @loan: a valid loan; its overdue terms drive the model
 * @options: the first missed installment and the as-of date
 * @out: (out) (transfer full): the result
 * @error: %SHORE_OVERDUE_ERROR or %SHORE_LOAN_ERROR, translated
 *
 * The overdue situation of @loan on @options->as_of when installments
 * @options->missed_from … term were never paid (DESIGN.md's overdue model;
 * see the top of shore-overdue.c for the modelling choices). Pure.
 *
 * Returns: %TRUE and *@out set, or %FALSE with @error set
 */
gboolean
shore_overdue_compute (const ShoreLoan           *loan,
                       const ShoreOverdueOptions *options,
                       ShoreOverdueResult       **out,
                       GError                   **error)
{
  g_auto(Model) model = { 0 };
  ShoreOverdueResult *result;
  guint32 t;
  Totals totals;

  g_return_val_if_fail (loan != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!model_init (&model, loan, options, error) || !check_date (loan, &options->as_of, error))
    return FALSE;

  t = g_date_get_julian (&options->as_of);
  if (!model_totals (&model, t, &totals))
    {
      set_overflow (error);
      return FALSE;
    }

  result = g_new0 (ShoreOverdueResult, 1);
  result->as_of = options->as_of;
  result->days_overdue = days_overdue_on (&model, t);
  result->overdue_installments = totals.installments;
  result->overdue_principal = totals.principal;
  result->overdue_interest = totals.interest;
  result->penalty_interest = totals.penalty;
  result->compound_interest = totals.compound;
  result->late_fees = totals.fees;
  result->total_overdue = totals.total;
  result->stage = shore_overdue_stage_for_days (result->days_overdue, loan->grace_days);
  g_date_clear (&result->acceleration_date, 1);
  if (model.accel != 0)
    {
      g_date_set_julian (&result->acceleration_date, model.accel);
      result->accelerated = t >= model.accel;
    }
  credit_status (loan, &model, &options->as_of, result->credit_status);
  result->milestones = milestones_new (loan, &model, &options->as_of, result->days_overdue);

  *out = result;
  return TRUE;
}

/**
 * shore_overdue_result_free:
 * @result: (nullable): a result
 *
 * Frees @result.
 */
void
shore_overdue_result_free (ShoreOverdueResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->milestones, g_array_unref);
  g_free (result);
}

/* round (amount × num × days / den) kept up to date day by day with additions
 * only: V = 2·amount·num·days + den over E = 2·den, q = floor (V / E). */
typedef struct
{
  ShoreMoneyWide q;
  ShoreMoneyWide r;
  ShoreMoneyWide step_q;
  ShoreMoneyWide step_r;
  ShoreMoneyWide e;
} Accrual;

static void
accrual_start (Accrual        *acc,
               gint64          amount,
               ShoreMoneyWide  num,
               ShoreMoneyWide  den,
               gint64          days)
{
  ShoreMoneyWide step = 2 * (ShoreMoneyWide) amount * num;
  ShoreMoneyWide v = step * days + den;

  acc->e = 2 * den;
  acc->q = v / acc->e;
  acc->r = v % acc->e;
  acc->step_q = step / acc->e;
  acc->step_r = step % acc->e;
}

static inline void
accrual_step (Accrual *acc)
{
  acc->q += acc->step_q;
  acc->r += acc->step_r;
  if (acc->r >= acc->e)
    {
      acc->r -= acc->e;
      acc->q++;
    }
}

typedef struct
{
  gboolean started;
  Accrual  penalty;
  Accrual  compound;
  Accrual  fee;
} ItemState;

/**
 * shore_overdue_series:
 * @loan: a valid loan
 * @options: the first missed installment; @options->as_of is not used
 * @from: the first day, not before the loan's start date
 * @n_days: 1 … %SHORE_OVERDUE_SERIES_MAX_DAYS
 * @out: (out) (transfer full): the amounts of every day
 * @error: %SHORE_OVERDUE_ERROR or %SHORE_LOAN_ERROR, translated
 *
 * The amounts shore_overdue_compute() gives as of each day @from … @from +
 * @n_days − 1, for a chart. Each day costs O(unpaid installments) additions:
 * the exact running fractions are carried from one day to the next, so the
 * result is identical to computing each day on its own.
 *
 * Returns: %TRUE and *@out set, or %FALSE with @error set
 */
gboolean
shore_overdue_series (const ShoreLoan           *loan,
                      const ShoreOverdueOptions *options,
                      const GDate               *from,
                      int                        n_days,
                      ShoreOverdueSeries       **out,
                      GError                   **error)
{
  g_auto(Model) model = { 0 };
  g_autofree ItemState *states = NULL;
  g_autoptr(ShoreOverdueSeries) series = NULL;
  Totals last;
  guint32 first;
  gboolean with_compound;
  gboolean with_fees;
  int j;

  g_return_val_if_fail (loan != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!model_init (&model, loan, options, error) || !check_date (loan, from, error))
    return FALSE;
  if (n_days < 1 || n_days > SHORE_OVERDUE_SERIES_MAX_DAYS)
    {
      g_set_error (error, SHORE_OVERDUE_ERROR, SHORE_OVERDUE_ERROR_RANGE,
                   _("A series must cover 1 to %d days"), SHORE_OVERDUE_SERIES_MAX_DAYS);
      return FALSE;
    }

  first = g_date_get_julian (from);
  /* Every amount only grows with time: if the last day fits, all do */
  if (first + (guint32) n_days - 1 > G_MAXUINT32 - 1
      || !model_totals (&model, first + (guint32) n_days - 1, &last))
    {
      set_overflow (error);
      return FALSE;
    }

  series = g_new0 (ShoreOverdueSeries, 1);
  series->n_days = n_days;
  series->from = *from;
  series->principal = g_new0 (gint64, n_days);
  series->interest = g_new0 (gint64, n_days);
  series->penalty = g_new0 (gint64, n_days);
  series->compound = g_new0 (gint64, n_days);
  series->fees = g_new0 (gint64, n_days);
  series->total = g_new0 (gint64, n_days);
  states = g_new0 (ItemState, model.n_items);   /* all accruals at 0 until started */
  with_compound = model.compound && model.pen_num != 0;
  with_fees = model.fee_num != 0;

  for (j = 0; j < n_days; j++)
    {
      guint32 t = first + (guint32) j;
      gint64 principal = 0;
      gint64 interest = 0;
      gint64 penalty = 0;
      gint64 compound = 0;
      gint64 fees = 0;
      guint i;

      for (i = 0; i < model.n_items; i++)
        {
          const Item *item = &model.items[i];
          ItemState *state = &states[i];

          if (t < item->overdue_on)
            continue;
          principal += item->principal;
          interest += item->interest;
          if (t < item->charged_on)
            continue;
          if (!state->started)
            {
              gint64 days = (gint64) t - item->counts_from;

              state->started = TRUE;
              accrual_start (&state->penalty, item->principal, model.pen_num, model.pen_den, days);
              if (with_compound)
                accrual_start (&state->compound, item->interest, model.pen_num, model.pen_den, days);
              if (with_fees)
                accrual_start (&state->fee, item->principal + item->interest,
                               model.fee_num, model.fee_den, days);
            }
          else
            {
              accrual_step (&state->penalty);
              if (with_compound)
                accrual_step (&state->compound);
              if (with_fees)
                accrual_step (&state->fee);
            }
          penalty += (gint64) state->penalty.q;
          compound += (gint64) state->compound.q;
          fees += (gint64) state->fee.q;
        }

      series->principal[j] = principal;
      series->interest[j] = interest;
      series->penalty[j] = penalty;
      series->compound[j] = compound;
      series->fees[j] = fees;
      series->total[j] = principal + interest + penalty + compound + fees;
    }

  *out = g_steal_pointer (&series);
  return TRUE;
}

/**
 * shore_overdue_series_free:
 * @series: (nullable): a series
 *
 * Frees @series.
 */
void
shore_overdue_series_free (ShoreOverdueSeries *series)
{
  if (series == NULL)
    return;
  g_free (series->principal);
  g_free (series->interest);
  g_free (series->penalty);
  g_free (series->compound);
  g_free (series->fees);
  g_free (series->total);
  g_free (series);
}

/**
 * shore_overdue_stage_to_string:
 * @stage: a stage
 *
 * Returns: the stage's stable name for JSON: "none", "grace", "m1", "m2",
 *   "m3" or "m4+"
 */
const char *
shore_overdue_stage_to_string (ShoreOverdueStage stage)
{
  switch (stage)
    {
    case SHORE_OVERDUE_STAGE_NONE:    return "none";
    case SHORE_OVERDUE_STAGE_GRACE:   return "grace";
    case SHORE_OVERDUE_STAGE_M1:      return "m1";
    case SHORE_OVERDUE_STAGE_M2:      return "m2";
    case SHORE_OVERDUE_STAGE_M3:      return "m3";
    case SHORE_OVERDUE_STAGE_M4_PLUS: return "m4+";
    default:                          g_return_val_if_reached (NULL);
    }
}

/**
 * shore_overdue_stage_get_label:
 * @stage: a stage
 *
 * Returns: the stage for people, translated
 */
const char *
shore_overdue_stage_get_label (ShoreOverdueStage stage)
{
  switch (stage)
    {
    case SHORE_OVERDUE_STAGE_NONE:    return _("Not overdue");
    case SHORE_OVERDUE_STAGE_GRACE:   return _("In the grace days");
    case SHORE_OVERDUE_STAGE_M1:      return _("M1 (1–30 days overdue)");
    case SHORE_OVERDUE_STAGE_M2:      return _("M2 (31–60 days overdue)");
    case SHORE_OVERDUE_STAGE_M3:      return _("M3 (61–90 days overdue)");
    case SHORE_OVERDUE_STAGE_M4_PLUS: return _("M4+ (more than 90 days overdue)");
    default:                          g_return_val_if_reached (NULL);
    }
}

/**
 * shore_overdue_basis_to_string:
 * @basis: a basis
 *
 * Returns: "law", "practice" or "contract"
 */
const char *
shore_overdue_basis_to_string (ShoreOverdueBasis basis)
{
  switch (basis)
    {
    case SHORE_OVERDUE_BASIS_LAW:      return "law";
    case SHORE_OVERDUE_BASIS_PRACTICE: return "practice";
    case SHORE_OVERDUE_BASIS_CONTRACT: return "contract";
    default:                           g_return_val_if_reached (NULL);
    }
}

/**
 * shore_overdue_basis_get_label:
 * @basis: a basis
 *
 * Returns: the basis for people, translated
 */
const char *
shore_overdue_basis_get_label (ShoreOverdueBasis basis)
{
  switch (basis)
    {
    case SHORE_OVERDUE_BASIS_LAW:      return _("Law");
    case SHORE_OVERDUE_BASIS_PRACTICE: return _("Typical practice, not law");
    case SHORE_OVERDUE_BASIS_CONTRACT: return _("Loan terms");
    default:                           g_return_val_if_reached (NULL);
    }
}

/**
 * shore_overdue_describe_credit_mark:
 * @mark: one character of #ShoreOverdueResult.credit_status
 *
 * Returns: (transfer full): what the mark means, such as “On time” or
 *   “2 months overdue”, in the thread's language
 */
char *
shore_overdue_describe_credit_mark (char mark)
{
  if (mark == '*')
    return g_strdup (_("Before the loan"));
  if (mark == 'N')
    return g_strdup (_("On time"));
  if (mark == '7')
    return g_strdup (_("More than 6 months overdue"));
  if (mark >= '1' && mark <= '6')
    /* Translators: one month of the credit report's repayment line */
    return g_strdup_printf (shore_ngettext ("%d month overdue", "%d months overdue", mark - '0'), mark - '0');
  return g_strdup ("?");
}

/**
 * shore_milestone_kind_to_string:
 * @kind: a kind
 *
 * Returns: the kind's stable name for JSON, e.g. "penalty-starts"
 */
const char *
shore_milestone_kind_to_string (ShoreMilestoneKind kind)
{
  switch (kind)
    {
    case SHORE_MILESTONE_PENALTY_STARTS:        return "penalty-starts";
    case SHORE_MILESTONE_CREDIT_NOTICE:         return "credit-notice";
    case SHORE_MILESTONE_M1:                    return "m1";
    case SHORE_MILESTONE_M2:                    return "m2";
    case SHORE_MILESTONE_M3:                    return "m3";
    case SHORE_MILESTONE_ACCELERATION:          return "acceleration";
    case SHORE_MILESTONE_OUTSOURCED_COLLECTION: return "outsourced-collection";
    case SHORE_MILESTONE_LAWSUIT_RISK:          return "lawsuit-risk";
    case SHORE_MILESTONE_LIMITATION:            return "limitation";
    case SHORE_MILESTONE_RECORD_KEPT:           return "record-kept";
    default:                                    g_return_val_if_reached (NULL);
    }
}
