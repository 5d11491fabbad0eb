/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <cairo.h>

G_BEGIN_DECLS

/**
 * SHORE_CHART_MAX_FEN:
 *
 * The largest stacked total a chart shows (10¹⁸ fen). Stacked sums are
 * computed in checked #gint64 arithmetic and saturate here, so absurd
 * inputs draw at the top of the axis instead of overflowing.
 */
#define SHORE_CHART_MAX_FEN G_GINT64_CONSTANT (1000000000000000000)

/**
 * SHORE_CHART_MAX_TICKS:
 *
 * The largest @max_ticks that shore_chart_nice_ticks() honours; a buffer of
 * this many #gint64 is always large enough.
 */
#define SHORE_CHART_MAX_TICKS 32

/**
 * ShoreChart:
 *
 * A stacked area chart of amounts of money per day (what an overdue loan
 * costs over time), with dated vertical markers. It holds no strings of its
 * own: series names, marker labels and titles come from the caller, already
 * translated. Draw it with shore_chart_draw() on any cairo context (a widget,
 * a PDF page). Create with shore_chart_new(), free with shore_chart_free().
 */
typedef struct _ShoreChart ShoreChart;

/**
 * ShoreChartStyle:
 * @width: the width of the chart in @cr's user units (pixels on screen,
 *   points in a PDF)
 * @height: the height, same units
 * @dark: draw for a dark background (screen only; ignored when @print is set)
 * @print: draw for grayscale print: white paper, black ink, gray levels plus
 *   hatching and black outlines instead of colours
 * @font_scale: multiplies the font size (12 units at 1.0); 0 means 1.0
 * @language: a language tag for Pango and the font choice: "zh-cn" (Noto Sans
 *   CJK SC), "zh-tw" (Noto Sans CJK TC), "en" (Cantarell); "zh_CN"-style
 *   tags work too; %NULL for Pango's default language
 *
 * How to draw a #ShoreChart. Start from shore_chart_style_init().
 */
typedef struct
{
  double      width;
  double      height;
  gboolean    dark;
  gboolean    print;
  double      font_scale;
  const char *language;
} ShoreChartStyle;

/**
 * ShoreChartGeometry:
 * @plot: the rectangle the stacked areas fill, in the user units of the
 *   last draw; day d of n is at x = @plot.x + d × @plot.width / (n − 1)
 *   (a single day spans the whole width)
 * @y_max_fen: the amount at the top of @plot (its bottom is 0)
 * @n_points: the number of days
 *
 * Where the last shore_chart_draw() put things, for hit-testing and tests.
 */
typedef struct
{
  cairo_rectangle_t plot;
  gint64            y_max_fen;
  guint             n_points;
} ShoreChartGeometry;

ShoreChart *shore_chart_new             (guint                  n_points);
void        shore_chart_free            (ShoreChart            *self);

guint       shore_chart_get_n_points    (ShoreChart            *self);
guint       shore_chart_get_n_series    (ShoreChart            *self);

void        shore_chart_set_start_date  (ShoreChart            *self,
                                         const GDate           *date);
void        shore_chart_set_title       (ShoreChart            *self,
                                         const char            *title);
void        shore_chart_set_axis_title  (ShoreChart            *self,
                                         const char            *title);
guint       shore_chart_add_series      (ShoreChart            *self,
                                         const char            *label,
                                         const gint64          *values_fen);
guint       shore_chart_add_line        (ShoreChart            *self,
                                         const char            *label,
                                         const gint64          *values_fen,
                                         gboolean               dashed);
guint       shore_chart_get_n_lines     (ShoreChart            *self);
void        shore_chart_add_marker      (ShoreChart            *self,
                                         guint                  day,
                                         const char            *label,
                                         gboolean               emphasize);

void        shore_chart_style_init      (ShoreChartStyle       *style,
                                         double                 width,
                                         double                 height);
void        shore_chart_draw            (ShoreChart            *self,
                                         cairo_t               *cr,
                                         const ShoreChartStyle *style);
gboolean    shore_chart_get_geometry    (ShoreChart            *self,
                                         ShoreChartGeometry    *out);

guint       shore_chart_nice_ticks      (gint64                 max_fen,
                                         guint                  max_ticks,
                                         gint64                *out_ticks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoreChart, shore_chart_free)

/*< private >*/

/* Shared with the other charts in render/ so that they pick the same fonts
 * and write amounts the same way; not for the UI. */
char       *shore_chart_normalize_language (const char *tag) G_GNUC_WARN_UNUSED_RESULT;
const char *shore_chart_font_family        (const char *normalized);
char       *shore_chart_format_tick        (gint64      fen) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
