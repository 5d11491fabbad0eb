/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <cairo.h>

#include "shore-chart.h"

G_BEGIN_DECLS

/**
 * SHORE_REPORT_DEFAULT_MAX_BARS:
 *
 * How many categories a breakdown shows before it gathers the rest into
 * one "Other" bar, when #ShoreReportCategoryOptions.max_bars is 0.
 */
#define SHORE_REPORT_DEFAULT_MAX_BARS 8

/**
 * ShoreReportCategory:
 * @label: the translated name of the category
 * @amount_fen: what was spent in it; negative counts as 0
 * @budget_fen: its budget for the period, or 0 for none
 *
 * One category of a budget report.
 */
typedef struct
{
  const char *label;
  gint64      amount_fen;
  gint64      budget_fen;
} ShoreReportCategory;

/**
 * ShoreReportCategoryOptions:
 * @max_bars: the most categories shown by name; when there are more, the
 *   largest @max_bars are shown and the rest share one bar labelled
 *   @other_label (a single leftover category keeps its own bar). 0 means
 *   %SHORE_REPORT_DEFAULT_MAX_BARS
 * @other_label: the translated label of the bar gathering the rest
 *   (e.g. "Other")
 * @show_budgets: draw each budget as a tick across its bar and bars beyond
 *   their budget in the over-budget style, with a legend
 * @budget_label: (nullable): the legend text for the budget tick
 *   (e.g. "Budget")
 * @over_budget_label: (nullable): the legend text for the over-budget
 *   style (e.g. "Over budget")
 * @empty_text: (nullable): drawn in the middle when there is nothing to
 *   show (e.g. "No spending this month")
 *
 * What a category breakdown says besides its data; all text is translated
 * by the caller. Start from shore_report_category_options_init().
 */
typedef struct
{
  guint       max_bars;
  const char *other_label;
  gboolean    show_budgets;
  const char *budget_label;
  const char *over_budget_label;
  const char *empty_text;
} ShoreReportCategoryOptions;

/**
 * ShoreReportMonth:
 * @label: the translated name of the month on the x axis ("11月", "Nov")
 * @income_fen: income in the month
 * @spending_fen: ordinary spending in the month
 * @debt_fen: debt repayments in the month
 *
 * One month of a budget trend. Negative amounts count as 0 in the bars; the
 * surplus is @income_fen − @spending_fen − @debt_fen and may be negative.
 */
typedef struct
{
  const char *label;
  gint64      income_fen;
  gint64      spending_fen;
  gint64      debt_fen;
} ShoreReportMonth;

/**
 * ShoreReportTrendOptions:
 * @income_label: legend text for the income bars
 * @spending_label: legend text for the spending part of the second bar
 * @debt_label: legend text for the debt repayments stacked on it
 * @surplus_label: legend text for the surplus line
 * @empty_text: (nullable): drawn in the middle when there are no months
 *
 * The legend and messages of a monthly trend, translated by the caller.
 */
typedef struct
{
  const char *income_label;
  const char *spending_label;
  const char *debt_label;
  const char *surplus_label;
  const char *empty_text;
} ShoreReportTrendOptions;

void   shore_report_category_options_init    (ShoreReportCategoryOptions       *options);

void   shore_report_categories_draw          (cairo_t                          *cr,
                                              const ShoreChartStyle            *style,
                                              const ShoreReportCategory        *items,
                                              guint                             n_items,
                                              const ShoreReportCategoryOptions *options);
double shore_report_categories_natural_height (const ShoreChartStyle           *style,
                                              guint                             n_items,
                                              const ShoreReportCategoryOptions *options);

void   shore_report_trend_draw               (cairo_t                          *cr,
                                              const ShoreChartStyle            *style,
                                              const ShoreReportMonth           *months,
                                              guint                             n_months,
                                              const ShoreReportTrendOptions    *options);
double shore_report_trend_natural_height     (const ShoreChartStyle            *style,
                                              const ShoreReportTrendOptions    *options);

guint  shore_report_nice_ticks               (gint64                            min_fen,
                                              gint64                            max_fen,
                                              guint                             max_ticks,
                                              gint64                           *out_ticks);

G_END_DECLS
