/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-overdue-chart"

#include "config.h"

#include "../shore-intl.h"
#include "../shore-schedule.h"

#include "shore-overdue-chart.h"

/**
 * shore_overdue_chart_range:
 * @loan: the loan
 * @options: the scenario (first missed installment, as-of date)
 * @horizon_days: how far past the as-of date to look, ≥ 0
 * @out_from: (out): the chart's first day: the first missed due date
 * @out_n_days: (out): its number of days, at most
 *   %SHORE_OVERDUE_SERIES_MAX_DAYS
 *
 * The days a chart of the scenario covers: from the first missed due date to
 * @horizon_days after the as-of date (or after that due date when it is
 * still to come).
 */
void
shore_overdue_chart_range (const ShoreLoan           *loan,
                           const ShoreOverdueOptions *options,
                           int                        horizon_days,
                           GDate                     *out_from,
                           int                       *out_n_days)
{
  GDate end;

  g_return_if_fail (loan != NULL && options != NULL);
  g_return_if_fail (out_from != NULL && out_n_days != NULL);

  shore_schedule_due_date (&loan->start_date, options->missed_from, out_from);
  end = g_date_compare (&options->as_of, out_from) > 0 ? options->as_of : *out_from;
  g_date_add_days (&end, (guint) MAX (horizon_days, 0));
  *out_n_days = MIN (g_date_days_between (out_from, &end) + 1, SHORE_OVERDUE_SERIES_MAX_DAYS);
}

/**
 * shore_overdue_chart_marker_label:
 * @kind: a milestone
 *
 * Returns: the milestone's short label on a chart, translated
 */
const char *
shore_overdue_chart_marker_label (ShoreMilestoneKind kind)
{
  switch (kind)
    {
    case SHORE_MILESTONE_PENALTY_STARTS:         return C_("chart marker", "Penalty");
    case SHORE_MILESTONE_CREDIT_NOTICE:          return C_("chart marker", "Credit report");
    case SHORE_MILESTONE_M1:                     return "M1";
    case SHORE_MILESTONE_M2:                     return "M2";
    case SHORE_MILESTONE_M3:                     return "M3";
    case SHORE_MILESTONE_ACCELERATION:           return C_("chart marker", "All due");
    case SHORE_MILESTONE_OUTSOURCED_COLLECTION:  return C_("chart marker", "Agency");
    case SHORE_MILESTONE_LAWSUIT_RISK:           return C_("chart marker", "Lawsuit risk");
    case SHORE_MILESTONE_LIMITATION:             return C_("chart marker", "Limitation");
    case SHORE_MILESTONE_RECORD_KEPT:            return C_("chart marker", "Record kept");
    default:                                     break;
    }
  g_return_val_if_reached (NULL);
}

static void
add_lines (ShoreChart                *chart,
           const ShoreLoan           *loan,
           const ShoreOverdueOptions *options,
           const GDate               *from,
           int                        n_days,
           const ShoreNegotiation    *terms)
{
  g_autofree gint64 *line = g_new0 (gint64, n_days);

  if (shore_scenario_pay_now_series (loan, options, from, n_days, line, NULL))
    shore_chart_add_line (chart, _("If you pay today"), line, FALSE);
  if (terms != NULL && shore_scenario_negotiate_series (loan, options, from, n_days, terms, line, NULL))
    shore_chart_add_line (chart, _("Negotiated plan"), line, TRUE);
}

static gboolean
add_markers (ShoreChart                *chart,
             const ShoreLoan           *loan,
             const ShoreOverdueOptions *options,
             const GDate               *from,
             int                        n_days,
             GError                   **error)
{
  g_autoptr(ShoreOverdueResult) result = NULL;

  if (!shore_overdue_compute (loan, options, &result, error))
    return FALSE;

  for (guint i = 0; i < result->milestones->len; i++)
    {
      const ShoreOverdueMilestone *m = &g_array_index (result->milestones, ShoreOverdueMilestone, i);
      int day = g_date_days_between (from, &m->date);

      if (day >= 0 && day < n_days)
        shore_chart_add_marker (chart, (guint) day, shore_overdue_chart_marker_label (m->kind), FALSE);
    }
  if (g_date_compare (&options->as_of, from) >= 0)
    {
      int today = g_date_days_between (from, &options->as_of);

      if (today < n_days)
        shore_chart_add_marker (chart, (guint) today, C_("chart marker", "Today"), TRUE);
    }
  return TRUE;
}

/**
 * shore_overdue_chart_new:
 * @loan: the loan
 * @options: the scenario (first missed installment, as-of date)
 * @from: the chart's first day (see shore_overdue_chart_range())
 * @n_days: its number of days, 1 … %SHORE_OVERDUE_SERIES_MAX_DAYS
 * @terms: (nullable): a negotiated plan to draw as a dashed line
 * @error: return location for an error of the overdue model
 *
 * Builds the chart of what is owed day by day if nothing is paid: the
 * overdue principal, interest, penalty interest, compound interest and fees
 * stacked, what is still owed after paying on the as-of date (and under
 * @terms) as lines, and the milestones and today as markers. Every string is
 * translated now, in the calling thread's language, so that drawing it
 * translates nothing.
 *
 * Returns: (transfer full) (nullable): the chart, or %NULL with @error set
 */
ShoreChart *
shore_overdue_chart_new (const ShoreLoan           *loan,
                         const ShoreOverdueOptions *options,
                         const GDate               *from,
                         int                        n_days,
                         const ShoreNegotiation    *terms,
                         GError                   **error)
{
  g_autoptr(ShoreOverdueSeries) series = NULL;
  g_autoptr(ShoreChart) chart = NULL;

  g_return_val_if_fail (loan != NULL && options != NULL && from != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!shore_overdue_series (loan, options, from, n_days, &series, error))
    return NULL;

  chart = shore_chart_new ((guint) n_days);
  shore_chart_set_start_date (chart, from);
  shore_chart_add_series (chart, _("Principal"), series->principal);
  shore_chart_add_series (chart, _("Interest"), series->interest);
  shore_chart_add_series (chart, _("Penalty interest"), series->penalty);
  shore_chart_add_series (chart, _("Compound interest"), series->compound);
  shore_chart_add_series (chart, _("Fees"), series->fees);
  shore_chart_set_axis_title (chart, _("Shaded: what is overdue if you keep waiting. Lines: what is still owed if you pay today or negotiate."));
  add_lines (chart, loan, options, from, n_days, terms);
  if (!add_markers (chart, loan, options, from, n_days, error))
    return NULL;

  return g_steal_pointer (&chart);
}
