/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shore-chart-private.h"
#include "shore-report-chart.h"

G_BEGIN_DECLS

/*< private >
 * What the category breakdown (shore-report-categories.c) and the monthly
 * trend (shore-report-trend.c) share: the drawing state, text, fills and
 * the legend, all in shore-report-chart.c.
 */

/* Layout constants, in user units at font scale 1 (pixels on screen). */
#define PADDING          12.0
#define SPACING           6.0

/* The trend's axis covers at most ±this; bars and the line saturate there,
 * so the span stays within what shore_chart_nice_ticks() handles. */
#define TREND_LIMIT (SHORE_CHART_MAX_FEN / 2)

typedef ShoreChartRgb ShoreReportRgb;

/* Every way a bar or swatch is filled. */
typedef enum {
  FILL_BAR,
  FILL_OVER,
  FILL_OTHER,
  FILL_INCOME,
  FILL_SPENDING,
  FILL_DEBT,
  N_FILLS
} ShoreReportFill;

typedef ShoreChartDrawing ShoreReportDrawing;

typedef enum {
  SWATCH_FILL,
  SWATCH_TICK,
  SWATCH_LINE,
} ShoreReportSwatchKind;

typedef struct
{
  ShoreReportSwatchKind  kind;
  ShoreReportFill        fill;
  const char            *label;
} ShoreReportLegendEntry;

/* The colour of a figure over its budget, on screen. */
extern const ShoreReportRgb shore_report_negative_light;
extern const ShoreReportRgb shore_report_negative_dark;

/* Drawing state and text */
void          shore_report_set_rgb                  (cairo_t                      *cr,
                                                     const ShoreReportRgb         *c,
                                                     double                        alpha);
void          shore_report_set_gray                 (cairo_t                      *cr,
                                                     double                        gray);
void          shore_report_drawing_init             (ShoreReportDrawing           *d,
                                                     cairo_t                      *cr,
                                                     const ShoreChartStyle        *style);
/* A whole chart: saves @cr, clips it to @style and paints the background;
 * the end clears @d and restores @cr. */
void          shore_report_drawing_begin            (ShoreReportDrawing           *d,
                                                     cairo_t                      *cr,
                                                     const ShoreChartStyle        *style);
void          shore_report_drawing_end              (ShoreReportDrawing           *d);
gboolean      shore_report_style_is_drawable        (const ShoreChartStyle        *style);
/* Measuring needs a cairo context too; this one matches an image surface. */
cairo_t      *shore_report_create_measuring_context (void);
PangoLayout  *shore_report_make_layout              (ShoreReportDrawing           *d,
                                                     const char                   *text,
                                                     const PangoFontDescription   *font);
/* Figures in columns line up when every digit is as wide as the others. */
PangoLayout  *shore_report_make_number_layout       (ShoreReportDrawing           *d,
                                                     const char                   *text,
                                                     const PangoFontDescription   *font);
double        shore_report_text_height              (ShoreReportDrawing           *d,
                                                     const PangoFontDescription   *font);
double        shore_report_text_width               (ShoreReportDrawing           *d,
                                                     const char                   *text,
                                                     const PangoFontDescription   *font);
void          shore_report_set_text_source          (ShoreReportDrawing           *d,
                                                     gboolean                      dim);
void          shore_report_draw_empty               (ShoreReportDrawing           *d,
                                                     const ShoreChartStyle        *style,
                                                     const char                   *text);

/* Fills and marks */
/* Fills the current path (and consumes it) in @fill's style. */
void          shore_report_fill_path                (ShoreReportDrawing           *d,
                                                     ShoreReportFill               fill);
/* A vertical line across a bar: the budget. */
void          shore_report_draw_tick                (ShoreReportDrawing           *d,
                                                     double                        x,
                                                     double                        top,
                                                     double                        bottom);
void          shore_report_stroke_surplus_line      (ShoreReportDrawing           *d);
/* A dot of the surplus line. */
void          shore_report_draw_dot                 (ShoreReportDrawing           *d,
                                                     double                        x,
                                                     double                        y,
                                                     gboolean                      negative);
/* A legend that wraps; returns the y below it. With @measure_only nothing
 * is drawn. */
double        shore_report_draw_legend              (ShoreReportDrawing           *d,
                                                     const ShoreReportLegendEntry *entries,
                                                     guint                         n_entries,
                                                     double                        x0,
                                                     double                        y,
                                                     double                        width,
                                                     gboolean                      measure_only);

G_END_DECLS
