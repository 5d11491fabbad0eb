/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-report-chart"

#include "config.h"

#include <math.h>

#include "../shore-money.h"

#include "shore-report-chart-private.h"

/* The monthly trend: income and spending bars, the debt repayments stacked
 * on the spending, and a line for the surplus. */

/* Layout constants, in user units at font scale 1 (pixels on screen). */
#define TREND_PLOT_HEIGHT 220.0

/* Trend: data */

typedef struct
{
  gint64 income;
  gint64 spending;
  gint64 stacked;    /* spending + debt */
  gint64 surplus;
} MonthValues;

static gint64
clamp_trend (gint64 fen)
{
  return CLAMP (fen, 0, TREND_LIMIT);
}

static MonthValues *
make_month_values (const ShoreReportMonth *months,
                   guint                   n_months,
                   gint64                 *out_min,
                   gint64                 *out_max)
{
  MonthValues *values = g_new0 (MonthValues, MAX (n_months, 1));
  gint64 min = 0, max = 0;

  for (guint i = 0; i < n_months; i++)
    {
      MonthValues *v = &values[i];
      gint64 surplus;

      v->income = clamp_trend (months[i].income_fen);
      v->spending = clamp_trend (months[i].spending_fen);
      v->stacked = MIN (v->spending + clamp_trend (months[i].debt_fen), TREND_LIMIT);

      /* the real surplus, saturating, then brought into the axis' range */
      if (!shore_money_sub (months[i].income_fen, months[i].spending_fen, &surplus)
          || !shore_money_sub (surplus, months[i].debt_fen, &surplus))
        surplus = months[i].income_fen >= 0 ? G_MAXINT64 : G_MININT64;
      v->surplus = CLAMP (surplus, -TREND_LIMIT, TREND_LIMIT);

      max = MAX (max, MAX (v->income, v->stacked));
      max = MAX (max, v->surplus);
      min = MIN (min, v->surplus);
    }

  *out_min = min;
  *out_max = max;
  return values;
}

typedef struct
{
  double x, y, w, h;
  gint64 lo, hi;     /* the amounts at the bottom and top */
} Plot;

static double
plot_y (const Plot *p,
        gint64      fen)
{
  fen = CLAMP (fen, p->lo, p->hi);
  return p->y + p->h - (double) (fen - p->lo) / (double) (p->hi - p->lo) * p->h;
}

static void
draw_trend_grid (ShoreReportDrawing *d,
                 const Plot         *p,
                 const gint64       *ticks,
                 guint               n_ticks)
{
  cairo_t *cr = d->cr;

  cairo_set_line_width (cr, d->u);
  for (guint i = 0; i < n_ticks; i++)
    {
      double y = floor (plot_y (p, ticks[i])) + 0.5;
      g_autofree char *text = shore_chart_format_tick (ticks[i]);
      g_autoptr(PangoLayout) layout = shore_report_make_number_layout (d, text, d->small_font);
      double w, h;

      if (ticks[i] == 0)
        continue;   /* the zero line comes over the bars */
      if (d->print)
        shore_report_set_gray (cr, 0.8);
      else
        shore_report_set_rgb (cr, &d->fg, 0.12);
      cairo_move_to (cr, p->x, y);
      cairo_line_to (cr, p->x + p->w, y);
      cairo_stroke (cr);

      shore_chart_layout_size (layout, &w, &h);
      shore_report_set_text_source (d, TRUE);
      shore_chart_show_layout (d, layout, p->x - SPACING * d->u - w, y - h / 2);
    }
}

static void
draw_zero_line (ShoreReportDrawing *d,
                const Plot         *p)
{
  g_autofree char *text = shore_chart_format_tick (0);
  g_autoptr(PangoLayout) layout = shore_report_make_number_layout (d, text, d->small_font);
  double y = floor (plot_y (p, 0)) + 0.5;
  double w, h;

  cairo_set_line_width (d->cr, d->u);
  shore_report_set_rgb (d->cr, &d->fg, d->print ? 1.0 : 0.6);
  cairo_move_to (d->cr, p->x, y);
  cairo_line_to (d->cr, p->x + p->w, y);
  cairo_stroke (d->cr);

  shore_chart_layout_size (layout, &w, &h);
  shore_report_set_text_source (d, TRUE);
  shore_chart_show_layout (d, layout, p->x - SPACING * d->u - w, y - h / 2);
}

static void
draw_trend_bars (ShoreReportDrawing *d,
                 const Plot         *p,
                 const MonthValues  *values,
                 guint               n_months)
{
  double group = p->w / n_months;
  double bar_w = MIN (group * 0.32, 26 * d->u);
  double gap = MIN (2 * d->u, group * 0.04);
  double y0 = plot_y (p, 0);

  for (guint i = 0; i < n_months; i++)
    {
      const MonthValues *v = &values[i];
      double cx = p->x + (i + 0.5) * group;
      double xi = cx - gap / 2 - bar_w, xs = cx + gap / 2;
      double yi = plot_y (p, v->income), ys = plot_y (p, v->spending), yd = plot_y (p, v->stacked);

      if (v->income > 0)
        {
          cairo_rectangle (d->cr, xi, yi, bar_w, MAX (y0 - yi, 0.5 * d->u));
          shore_report_fill_path (d, FILL_INCOME);
        }
      if (v->spending > 0)
        {
          cairo_rectangle (d->cr, xs, ys, bar_w, MAX (y0 - ys, 0.5 * d->u));
          shore_report_fill_path (d, FILL_SPENDING);
        }
      if (v->stacked > v->spending)
        {
          cairo_rectangle (d->cr, xs, yd, bar_w, MAX (ys - yd, 0.5 * d->u));
          shore_report_fill_path (d, FILL_DEBT);
        }
    }
}

static void
draw_surplus (ShoreReportDrawing *d,
              const Plot         *p,
              const MonthValues  *values,
              guint               n_months)
{
  double group = p->w / n_months;

  for (guint i = 0; i < n_months; i++)
    {
      double x = p->x + (i + 0.5) * group;
      double y = plot_y (p, values[i].surplus);

      if (i == 0)
        cairo_move_to (d->cr, x, y);
      else
        cairo_line_to (d->cr, x, y);
    }
  if (n_months > 1)
    shore_report_stroke_surplus_line (d);
  cairo_new_path (d->cr);

  for (guint i = 0; i < n_months; i++)
    shore_report_draw_dot (d, p->x + (i + 0.5) * group, plot_y (p, values[i].surplus), values[i].surplus < 0);
}

static void
draw_month_labels (ShoreReportDrawing     *d,
                   const Plot             *p,
                   const ShoreReportMonth *months,
                   guint                   n_months,
                   double                  top)
{
  double group = p->w / n_months;
  double widest = 0;
  guint step = 1;

  for (guint i = 0; i < n_months; i++)
    {
      g_autoptr(PangoLayout) layout = shore_report_make_layout (d, months[i].label, d->small_font);
      double w;

      shore_chart_layout_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  /* every month when they fit, else every 2nd, 3rd, … */
  while (step < n_months && step * group < widest + 2 * SPACING * d->u)
    step++;

  for (guint i = 0; i < n_months; i += step)
    {
      g_autoptr(PangoLayout) layout = shore_report_make_layout (d, months[i].label, d->small_font);
      double cx = p->x + (i + 0.5) * group;
      double w;

      shore_chart_limit_width (layout, step * group - SPACING * d->u);
      shore_chart_layout_size (layout, &w, NULL);
      shore_report_set_text_source (d, FALSE);
      shore_chart_show_layout (d, layout, cx - w / 2, top);
    }
}

static guint
legend_entries_for_trend (const ShoreReportTrendOptions *options,
                          ShoreReportLegendEntry        *entries)
{
  entries[0] = (ShoreReportLegendEntry) { SWATCH_FILL, FILL_INCOME, options->income_label };
  entries[1] = (ShoreReportLegendEntry) { SWATCH_FILL, FILL_SPENDING, options->spending_label };
  entries[2] = (ShoreReportLegendEntry) { SWATCH_FILL, FILL_DEBT, options->debt_label };
  entries[3] = (ShoreReportLegendEntry) { SWATCH_LINE, FILL_BAR, options->surplus_label };
  return 4;
}

static void
draw_trend_contents (ShoreReportDrawing            *d,
                     const ShoreChartStyle         *style,
                     const ShoreReportMonth        *months,
                     guint                          n_months,
                     const ShoreReportTrendOptions *options)
{
  ShoreReportLegendEntry entries[4];
  guint n_entries = legend_entries_for_trend (options, entries);
  g_autofree MonthValues *values = NULL;
  gint64 ticks[SHORE_CHART_MAX_TICKS];
  double pad = PADDING * d->u;
  double small_h = shore_report_text_height (d, d->small_font);
  double label_w = 0, top, bottom;
  guint n_ticks, max_ticks;
  gint64 min, max;
  Plot p;

  top = shore_report_draw_legend (d, entries, n_entries, pad, pad, style->width - 2 * pad, TRUE);
  /* the top and bottom labels stick out half a line */
  top += small_h / 2;
  bottom = style->height - pad - small_h - SPACING * d->u;
  if (bottom - top < 2 * small_h || style->width < 8 * pad)
    return;   /* too small for anything readable */

  shore_report_draw_legend (d, entries, n_entries, pad, pad, style->width - 2 * pad, FALSE);
  values = make_month_values (months, n_months, &min, &max);
  max_ticks = (guint) CLAMP ((bottom - top) / (2 * small_h), 3, 8);
  n_ticks = shore_report_nice_ticks (min, max, max_ticks, ticks);
  for (guint i = 0; i < n_ticks; i++)
    {
      g_autofree char *text = shore_chart_format_tick (ticks[i]);

      label_w = MAX (label_w, shore_report_text_width (d, text, d->small_font));
    }

  p.x = pad + label_w + SPACING * d->u;
  p.w = style->width - pad - p.x;
  p.y = top;
  p.h = bottom - top;
  p.lo = ticks[0];
  p.hi = ticks[n_ticks - 1];
  if (p.w < 2 * pad)
    return;

  draw_trend_grid (d, &p, ticks, n_ticks);
  draw_trend_bars (d, &p, values, n_months);
  draw_zero_line (d, &p);
  draw_surplus (d, &p, values, n_months);
  draw_month_labels (d, &p, months, n_months, bottom + SPACING * d->u);
}

/* Public API */

/**
 * shore_report_trend_draw:
 * @cr: a cairo context; the chart fills (0, 0)–(width, height) of its
 *   current user space
 * @style: how to draw
 * @months: (array length=n_months) (nullable): the months, oldest first
 * @n_months: how many
 * @options: the legend and the empty message
 *
 * Draws, for each month, an income bar and next to it a spending bar with
 * the debt repayments stacked on top, and a line with a dot per month for
 * the surplus (income − spending − debt), which may fall below the zero
 * line; months that ended short have a red (screen) or hollow (print) dot.
 * Amounts beyond ±%SHORE_CHART_MAX_FEN / 2 saturate. With no months it
 * draws @options.empty_text instead. Leaves the state of @cr as it found
 * it.
 */
void
shore_report_trend_draw (cairo_t                       *cr,
                         const ShoreChartStyle         *style,
                         const ShoreReportMonth        *months,
                         guint                          n_months,
                         const ShoreReportTrendOptions *options)
{
  ShoreReportDrawing d = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (months != NULL || n_months == 0);
  g_return_if_fail (options != NULL);

  if (!shore_report_style_is_drawable (style))
    return;

  shore_report_drawing_begin (&d, cr, style);

  if (n_months == 0)
    shore_report_draw_empty (&d, style, options->empty_text);
  else
    draw_trend_contents (&d, style, months, n_months, options);

  shore_report_drawing_end (&d);
}

/**
 * shore_report_trend_natural_height:
 * @style: the width, font scale and language to measure with (its height
 *   is ignored)
 * @options: the options the chart will be drawn with (the legend wraps)
 *
 * Returns: how tall a trend looks best at @style's width, in its user units
 */
double
shore_report_trend_natural_height (const ShoreChartStyle         *style,
                                   const ShoreReportTrendOptions *options)
{
  ShoreReportLegendEntry entries[4];
  guint n_entries;
  ShoreReportDrawing d = { 0 };
  cairo_t *cr;
  double pad, top, height;

  g_return_val_if_fail (style != NULL, 0);
  g_return_val_if_fail (options != NULL, 0);

  cr = shore_report_create_measuring_context ();
  shore_report_drawing_init (&d, cr, style);
  pad = PADDING * d.u;
  n_entries = legend_entries_for_trend (options, entries);
  top = shore_report_draw_legend (&d, entries, n_entries, pad, pad, style->width - 2 * pad, TRUE);
  height = ceil (top + TREND_PLOT_HEIGHT * d.u + shore_report_text_height (&d, d.small_font) * 1.5
                 + SPACING * d.u + pad);
  shore_chart_drawing_clear (&d);
  cairo_destroy (cr);

  return height;
}
