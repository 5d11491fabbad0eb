/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "shore-report-chart.h"

G_BEGIN_DECLS

#define SHORE_TYPE_REPORT_VIEW (shore_report_view_get_type ())

G_DECLARE_FINAL_TYPE (ShoreReportView, shore_report_view, SHORE, REPORT_VIEW, GtkWidget)

GtkWidget  *shore_report_view_new            (void);

void        shore_report_view_set_categories (ShoreReportView                  *self,
                                              const ShoreReportCategory        *items,
                                              guint                             n_items,
                                              const ShoreReportCategoryOptions *options);
void        shore_report_view_set_trend      (ShoreReportView                  *self,
                                              const ShoreReportMonth           *months,
                                              guint                             n_months,
                                              const ShoreReportTrendOptions    *options);
void        shore_report_view_clear          (ShoreReportView                  *self);

void        shore_report_view_set_label      (ShoreReportView                  *self,
                                              const char                       *label);
const char *shore_report_view_get_label      (ShoreReportView                  *self);

G_END_DECLS
