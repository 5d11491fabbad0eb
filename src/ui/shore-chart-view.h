/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "shore-chart.h"

G_BEGIN_DECLS

#define SHORE_TYPE_CHART_VIEW (shore_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (ShoreChartView, shore_chart_view, SHORE, CHART_VIEW, GtkDrawingArea)

GtkWidget  *shore_chart_view_new       (void);

void        shore_chart_view_set_chart (ShoreChartView *self,
                                        ShoreChart     *chart);
ShoreChart *shore_chart_view_get_chart (ShoreChartView *self);

void        shore_chart_view_set_label (ShoreChartView *self,
                                        const char     *label);
const char *shore_chart_view_get_label (ShoreChartView *self);

G_END_DECLS
