/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-chart-view"

#include "config.h"

#include <adwaita.h>

#include "shore-chart-view.h"
#include "shore-ui-util.h"

/* Height of the chart when the page gives it nothing more. */
#define MIN_HEIGHT 280

struct _ShoreChartView
{
  GtkDrawingArea  parent_instance;

  ShoreChart     *chart;
  char           *label;
};

G_DEFINE_FINAL_TYPE (ShoreChartView, shore_chart_view, GTK_TYPE_DRAWING_AREA)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  ShoreChartView *self = SHORE_CHART_VIEW (area);
  ShoreChartStyle style;

  if (self->chart == NULL)
    return;

  shore_ui_chart_style_init (GTK_WIDGET (area), &style, width, height);
  shore_chart_draw (self->chart, cr, &style);
}

static void
shore_chart_view_finalize (GObject *object)
{
  ShoreChartView *self = SHORE_CHART_VIEW (object);

  g_clear_pointer (&self->chart, shore_chart_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (shore_chart_view_parent_class)->finalize (object);
}

static void
shore_chart_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ShoreChartView *self = SHORE_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shore_chart_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ShoreChartView *self = SHORE_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      shore_chart_view_set_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shore_chart_view_class_init (ShoreChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = shore_chart_view_finalize;
  object_class->get_property = shore_chart_view_get_property;
  object_class->set_property = shore_chart_view_set_property;

  /**
   * ShoreChartView:label:
   *
   * What screen readers say for the chart, already translated
   * (e.g. “Chart of what is owed over time”).
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
shore_chart_view_init (ShoreChartView *self)
{
  gtk_widget_set_size_request (GTK_WIDGET (self), -1, MIN_HEIGHT);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);

  shore_ui_chart_follow_dark (GTK_WIDGET (self));
}

/**
 * shore_chart_view_new:
 *
 * Returns: (transfer floating): a new, empty #ShoreChartView
 */
GtkWidget *
shore_chart_view_new (void)
{
  return g_object_new (SHORE_TYPE_CHART_VIEW, NULL);
}

/**
 * shore_chart_view_set_chart:
 * @self: a #ShoreChartView
 * @chart: (nullable) (transfer full): the chart to show
 *
 * Shows @chart, taking ownership of it; %NULL shows nothing.
 */
void
shore_chart_view_set_chart (ShoreChartView *self,
                            ShoreChart     *chart)
{
  g_return_if_fail (SHORE_IS_CHART_VIEW (self));

  if (self->chart == chart)
    return;

  g_clear_pointer (&self->chart, shore_chart_free);
  self->chart = chart;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * shore_chart_view_get_chart:
 * @self: a #ShoreChartView
 *
 * Returns: (nullable) (transfer none): the chart shown
 */
ShoreChart *
shore_chart_view_get_chart (ShoreChartView *self)
{
  g_return_val_if_fail (SHORE_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

/**
 * shore_chart_view_set_label:
 * @self: a #ShoreChartView
 * @label: (nullable): the translated accessible label
 */
void
shore_chart_view_set_label (ShoreChartView *self,
                            const char     *label)
{
  g_return_if_fail (SHORE_IS_CHART_VIEW (self));

  if (shore_ui_chart_set_label (GTK_WIDGET (self), &self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

/**
 * shore_chart_view_get_label:
 * @self: a #ShoreChartView
 *
 * Returns: (nullable): the accessible label
 */
const char *
shore_chart_view_get_label (ShoreChartView *self)
{
  g_return_val_if_fail (SHORE_IS_CHART_VIEW (self), NULL);

  return self->label;
}
