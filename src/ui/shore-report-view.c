/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-report-view"

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "shore-report-view.h"
#include "shore-ui-util.h"

/* The width asked for when nothing constrains it, and the least. */
#define NATURAL_WIDTH 480
#define MIN_WIDTH     200

typedef enum {
  MODE_NONE,
  MODE_CATEGORIES,
  MODE_TREND,
} Mode;

struct _ShoreReportView
{
  GtkWidget                   parent_instance;

  Mode                        mode;
  /* MODE_CATEGORIES: items with labels owned by @strings */
  GArray                     *items;       /* of ShoreReportCategory */
  ShoreReportCategoryOptions  category_options;
  /* MODE_TREND */
  GArray                     *months;      /* of ShoreReportMonth */
  ShoreReportTrendOptions     trend_options;

  GStringChunk               *strings;     /* every string above */
  char                       *label;
};

G_DEFINE_FINAL_TYPE (ShoreReportView, shore_report_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
keep (ShoreReportView *self,
      const char      *text)
{
  return text != NULL ? g_string_chunk_insert_const (self->strings, text) : NULL;
}

static void
reset (ShoreReportView *self)
{
  self->mode = MODE_NONE;
  g_array_set_size (self->items, 0);
  g_array_set_size (self->months, 0);
  memset (&self->category_options, 0, sizeof self->category_options);
  memset (&self->trend_options, 0, sizeof self->trend_options);
  g_string_chunk_clear (self->strings);
}

static double
natural_height (ShoreReportView *self,
                double           width)
{
  ShoreChartStyle style;

  shore_ui_chart_style_init (GTK_WIDGET (self), &style, width, 1);
  switch (self->mode)
    {
    case MODE_CATEGORIES:
      return shore_report_categories_natural_height (&style, self->items->len, &self->category_options);

    case MODE_TREND:
      return shore_report_trend_natural_height (&style, &self->trend_options);

    case MODE_NONE:
    default:
      return 0;
    }
}

static GtkSizeRequestMode
shore_report_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
shore_report_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  ShoreReportView *self = SHORE_REPORT_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      /* the chart's own height at this width: every bar at its natural
       * spacing, never squeezed */
      int width = for_size > 0 ? MAX (for_size, MIN_WIDTH) : NATURAL_WIDTH;

      *minimum = *natural = (int) ceil (natural_height (self, width));
    }
}

static void
shore_report_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  ShoreReportView *self = SHORE_REPORT_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  ShoreChartStyle style;
  cairo_t *cr;

  if (self->mode == MODE_NONE || width <= 0 || height <= 0)
    return;

  shore_ui_chart_style_init (GTK_WIDGET (self), &style, width, height);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->mode == MODE_CATEGORIES)
    shore_report_categories_draw (cr, &style, (const ShoreReportCategory *) (void *) self->items->data,
                                  self->items->len, &self->category_options);
  else
    shore_report_trend_draw (cr, &style, (const ShoreReportMonth *) (void *) self->months->data,
                             self->months->len, &self->trend_options);
  cairo_destroy (cr);
}

static void
shore_report_view_finalize (GObject *object)
{
  ShoreReportView *self = SHORE_REPORT_VIEW (object);

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->months, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (shore_report_view_parent_class)->finalize (object);
}

static void
shore_report_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ShoreReportView *self = SHORE_REPORT_VIEW (object);

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
shore_report_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ShoreReportView *self = SHORE_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      shore_report_view_set_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shore_report_view_class_init (ShoreReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = shore_report_view_finalize;
  object_class->get_property = shore_report_view_get_property;
  object_class->set_property = shore_report_view_set_property;

  widget_class->get_request_mode = shore_report_view_get_request_mode;
  widget_class->measure = shore_report_view_measure;
  widget_class->snapshot = shore_report_view_snapshot;

  /**
   * ShoreReportView:label:
   *
   * What screen readers say for the chart, already translated
   * (e.g. “Spending by category in November”).
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
shore_report_view_init (ShoreReportView *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (ShoreReportCategory));
  self->months = g_array_new (FALSE, TRUE, sizeof (ShoreReportMonth));
  self->strings = g_string_chunk_new (256);

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  shore_ui_chart_follow_dark (GTK_WIDGET (self));
}

/**
 * shore_report_view_new:
 *
 * Returns: (transfer floating): a new, empty #ShoreReportView
 */
GtkWidget *
shore_report_view_new (void)
{
  return g_object_new (SHORE_TYPE_REPORT_VIEW, NULL);
}

/**
 * shore_report_view_set_categories:
 * @self: a #ShoreReportView
 * @items: (array length=n_items) (nullable): the categories; copied
 * @n_items: how many
 * @options: the text and limits (see shore_report_categories_draw()); copied
 *
 * Shows a category breakdown, as tall as it needs at the width it gets.
 */
void
shore_report_view_set_categories (ShoreReportView                  *self,
                                  const ShoreReportCategory        *items,
                                  guint                             n_items,
                                  const ShoreReportCategoryOptions *options)
{
  g_return_if_fail (SHORE_IS_REPORT_VIEW (self));
  g_return_if_fail (items != NULL || n_items == 0);
  g_return_if_fail (options != NULL);

  reset (self);
  self->mode = MODE_CATEGORIES;
  for (guint i = 0; i < n_items; i++)
    {
      ShoreReportCategory item = items[i];

      item.label = keep (self, item.label);
      g_array_append_val (self->items, item);
    }
  self->category_options = *options;
  self->category_options.other_label = keep (self, options->other_label);
  self->category_options.budget_label = keep (self, options->budget_label);
  self->category_options.over_budget_label = keep (self, options->over_budget_label);
  self->category_options.empty_text = keep (self, options->empty_text);

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * shore_report_view_set_trend:
 * @self: a #ShoreReportView
 * @months: (array length=n_months) (nullable): the months, oldest first;
 *   copied
 * @n_months: how many
 * @options: the legend and the empty message; copied
 *
 * Shows a monthly trend (see shore_report_trend_draw()).
 */
void
shore_report_view_set_trend (ShoreReportView               *self,
                             const ShoreReportMonth        *months,
                             guint                          n_months,
                             const ShoreReportTrendOptions *options)
{
  g_return_if_fail (SHORE_IS_REPORT_VIEW (self));
  g_return_if_fail (months != NULL || n_months == 0);
  g_return_if_fail (options != NULL);

  reset (self);
  self->mode = MODE_TREND;
  for (guint i = 0; i < n_months; i++)
    {
      ShoreReportMonth month = months[i];

      month.label = keep (self, month.label);
      g_array_append_val (self->months, month);
    }
  self->trend_options.income_label = keep (self, options->income_label);
  self->trend_options.spending_label = keep (self, options->spending_label);
  self->trend_options.debt_label = keep (self, options->debt_label);
  self->trend_options.surplus_label = keep (self, options->surplus_label);
  self->trend_options.empty_text = keep (self, options->empty_text);

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * shore_report_view_clear:
 * @self: a #ShoreReportView
 *
 * Shows nothing and asks for no height.
 */
void
shore_report_view_clear (ShoreReportView *self)
{
  g_return_if_fail (SHORE_IS_REPORT_VIEW (self));

  reset (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * shore_report_view_set_label:
 * @self: a #ShoreReportView
 * @label: (nullable): the translated accessible label
 */
void
shore_report_view_set_label (ShoreReportView *self,
                             const char      *label)
{
  g_return_if_fail (SHORE_IS_REPORT_VIEW (self));

  if (shore_ui_chart_set_label (GTK_WIDGET (self), &self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

/**
 * shore_report_view_get_label:
 * @self: a #ShoreReportView
 *
 * Returns: (nullable): the accessible label
 */
const char *
shore_report_view_get_label (ShoreReportView *self)
{
  g_return_val_if_fail (SHORE_IS_REPORT_VIEW (self), NULL);

  return self->label;
}
