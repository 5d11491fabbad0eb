/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "shore-chart.h"

G_BEGIN_DECLS

/*< private >
 * The drawing state of shore-chart.c, which the report charts
 * (shore-report-chart.c) use too, so that every chart sets up its fonts,
 * colours and text alike.
 */

typedef struct
{
  double r, g, b;
} ShoreChartRgb;

/* Everything one draw needs. */
typedef struct
{
  cairo_t              *cr;
  PangoContext         *pango;
  PangoFontDescription *font;
  PangoFontDescription *small_font;
  PangoFontDescription *bold_font;
  PangoFontDescription *title_font;
  double                u;          /* one unit at this font scale */
  gboolean              print;
  gboolean              dark;
  ShoreChartRgb         bg;
  ShoreChartRgb         fg;
} ShoreChartDrawing;

/* Fonts in @style's language and scale (the bold one @bold_size units at
 * scale 1), colours for screen, dark or print. */
void shore_chart_drawing_init  (ShoreChartDrawing     *d,
                                cairo_t               *cr,
                                const ShoreChartStyle *style,
                                double                 bold_size);
void shore_chart_drawing_clear (ShoreChartDrawing     *d);

void shore_chart_layout_size   (PangoLayout           *layout,
                                double                *w,
                                double                *h);
/* Ellipsizes @layout at @width (at least one unit). */
void shore_chart_limit_width   (PangoLayout           *layout,
                                double                 width);
void shore_chart_show_layout   (ShoreChartDrawing     *d,
                                PangoLayout           *layout,
                                double                 x,
                                double                 y);

G_END_DECLS
