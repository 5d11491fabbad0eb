/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-report-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "../shore-money.h"

#include "shore-report-chart-private.h"

/* The category breakdown: one horizontal bar per category, largest first. */

/* Layout constants, in user units at font scale 1 (pixels on screen). */
#define BAR_HEIGHT       14.0
#define ROW_GAP          10.0
#define NARROW_WIDTH    360.0   /* below this the label goes above its bar */

/* A bar of the category breakdown, after sorting and gathering. */
typedef struct
{
  const char *label;
  gint64      amount;
  gint64      budget;    /* 0: none */
  gboolean    other;
} Row;

/* Category breakdown: data */

static gint64
clamp_amount (gint64 fen)
{
  return CLAMP (fen, 0, SHORE_CHART_MAX_FEN);
}

static gint64
add_saturated (gint64 a,
               gint64 b)
{
  gint64 sum;

  /* both are within 0 … SHORE_CHART_MAX_FEN, so this cannot overflow */
  sum = a + b;
  return MIN (sum, SHORE_CHART_MAX_FEN);
}

static int
compare_categories (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const ShoreReportCategory *items = user_data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  gint64 va = clamp_amount (items[ia].amount_fen);
  gint64 vb = clamp_amount (items[ib].amount_fen);

  /* largest first; equal amounts keep the caller's order */
  if (va != vb)
    return va > vb ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

static guint
max_bars_of (const ShoreReportCategoryOptions *options)
{
  return options->max_bars > 0 ? options->max_bars : SHORE_REPORT_DEFAULT_MAX_BARS;
}

/* How many bars @n_items categories make: all of them when at most one
 * would be left over, else the largest max_bars and "Other". */
static guint
count_rows (guint                             n_items,
            const ShoreReportCategoryOptions *options)
{
  guint max_bars = max_bars_of (options);

  return n_items <= max_bars + 1 ? n_items : max_bars + 1;
}

static Row *
make_rows (const ShoreReportCategory        *items,
           guint                             n_items,
           const ShoreReportCategoryOptions *options,
           guint                            *out_n_rows,
           gint64                           *out_total)
{
  g_autofree guint *order = g_new (guint, MAX (n_items, 1));
  guint n_rows = count_rows (n_items, options);
  Row *rows = g_new0 (Row, MAX (n_rows, 1));
  gint64 total = 0;

  for (guint i = 0; i < n_items; i++)
    {
      order[i] = i;
      total = add_saturated (total, clamp_amount (items[i].amount_fen));
    }
  g_qsort_with_data (order, (gint) n_items, sizeof (guint), compare_categories, (gpointer) items);

  for (guint r = 0; r < n_rows; r++)
    {
      const ShoreReportCategory *item = &items[order[r]];

      rows[r].label = item->label;
      rows[r].amount = clamp_amount (item->amount_fen);
      rows[r].budget = options->show_budgets ? clamp_amount (item->budget_fen) : 0;
    }
  if (n_rows < n_items)
    {
      Row *other = &rows[n_rows - 1];

      other->label = options->other_label;
      other->budget = 0;
      other->other = TRUE;
      for (guint r = n_rows; r < n_items; r++)
        other->amount = add_saturated (other->amount, clamp_amount (items[order[r]].amount_fen));
    }

  *out_n_rows = n_rows;
  *out_total = total;
  return rows;
}

/* "12.3%": the share in tenths of a percent, rounded half up, in integers. */
static char *
format_share (gint64 amount,
              gint64 total)
{
  gint64 tenths = 0;

  if (total > 0 && !shore_money_mul_div (amount, 1000, total, &tenths))
    tenths = 0;
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%d%%", tenths / 10, (int) (tenths % 10));
}

/* Category breakdown: layout */

typedef struct
{
  double   pad;
  double   text_h;
  double   bar_h;
  double   pitch;      /* from one row to the next */
  double   row_gap;    /* the part of the pitch between two rows */
  gboolean narrow;     /* label and figures above the bar */
  double   legend_bottom;
} CategoryMetrics;

static guint
legend_entries_for_categories (const ShoreReportCategoryOptions *options,
                               ShoreReportLegendEntry           *entries)
{
  if (!options->show_budgets)
    return 0;

  entries[0] = (ShoreReportLegendEntry) { SWATCH_TICK, FILL_BAR, options->budget_label };
  entries[1] = (ShoreReportLegendEntry) { SWATCH_FILL, FILL_OVER, options->over_budget_label };
  return 2;
}

static void
measure_categories (ShoreReportDrawing               *d,
                    const ShoreChartStyle            *style,
                    const ShoreReportCategoryOptions *options,
                    CategoryMetrics                  *m)
{
  ShoreReportLegendEntry entries[2];
  guint n_entries = legend_entries_for_categories (options, entries);
  double content_w;

  m->pad = PADDING * d->u;
  m->text_h = shore_report_text_height (d, d->font);
  m->bar_h = BAR_HEIGHT * d->u;
  m->row_gap = ROW_GAP * d->u;
  content_w = style->width - 2 * m->pad;
  m->narrow = content_w < NARROW_WIDTH * d->u;
  if (m->narrow)
    m->pitch = m->text_h + 2 * d->u + m->bar_h + m->row_gap;
  else
    m->pitch = MAX (m->text_h, m->bar_h) + m->row_gap;
  m->legend_bottom = shore_report_draw_legend (d, entries, n_entries, m->pad, m->pad, content_w, TRUE);
}

static double
categories_height (const CategoryMetrics *m,
                   guint                  n_rows)
{
  /* an empty chart keeps the room of one bar for its message, so that the
   * height never falls as categories come */
  n_rows = MAX (n_rows, 1);
  return m->legend_bottom + n_rows * m->pitch - m->row_gap + m->pad;
}

/* Where the parts of a row go, left to right. */
typedef struct
{
  double label_x, label_w;
  double bar_x, bar_w;
  double amount_right;    /* right edge of the amount */
  double share_right;     /* right edge of the share */
  double share_w;
} Columns;

static void
plan_columns (ShoreReportDrawing    *d,
              const ShoreChartStyle *style,
              const CategoryMetrics *m,
              const Row             *rows,
              guint                  n_rows,
              Columns               *c)
{
  double content_w = style->width - 2 * m->pad;
  double gap = 2 * SPACING * d->u;
  double label_w = 0, amount_w = 0, values_w;

  c->share_w = shore_report_text_width (d, "100.0%", d->small_font);
  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *amount = shore_money_format (rows[r].amount);
      g_autoptr(PangoLayout) layout = shore_report_make_layout (d, rows[r].label, d->font);
      double w;

      shore_chart_layout_size (layout, &w, NULL);
      label_w = MAX (label_w, w);
      amount_w = MAX (amount_w, shore_report_text_width (d, amount, d->font));
    }
  values_w = amount_w + gap + c->share_w;

  c->share_right = m->pad + content_w;
  c->amount_right = c->share_right - c->share_w - gap;
  if (m->narrow)
    {
      c->label_x = m->pad;
      c->label_w = MAX (content_w - values_w - gap, content_w / 3);
      c->bar_x = m->pad;
      c->bar_w = content_w;
      return;
    }

  /* the names may take 30% of the width; longer ones are shortened */
  c->label_x = m->pad;
  c->label_w = MIN (label_w, 0.3 * content_w);
  c->bar_x = c->label_x + c->label_w + gap;
  c->bar_w = MAX (c->amount_right - amount_w - gap - c->bar_x, 1.0);
}

/* A rectangle whose right end is rounded on screen (bars grow to the right);
 * square in print, where the outline already separates it. */
static void
bar_path (ShoreReportDrawing *d,
          double              x,
          double              y,
          double              w,
          double              h)
{
  double r = MIN (3 * d->u, MIN (w, h / 2));

  if (d->print || r < 1)
    {
      cairo_rectangle (d->cr, x, y, w, h);
      return;
    }
  cairo_new_sub_path (d->cr);
  cairo_move_to (d->cr, x, y);
  cairo_arc (d->cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (d->cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_line_to (d->cr, x, y + h);
  cairo_close_path (d->cr);
}

static void
draw_category_row (ShoreReportDrawing    *d,
                   const CategoryMetrics *m,
                   const Columns         *c,
                   const Row             *row,
                   gint64                 total,
                   gint64                 scale_max,
                   double                 top)
{
  g_autofree char *amount = shore_money_format (row->amount);
  g_autofree char *share = format_share (row->amount, total);
  g_autoptr(PangoLayout) label = shore_report_make_layout (d, row->label, d->font);
  gboolean over = row->budget > 0 && row->amount > row->budget;
  g_autoptr(PangoLayout) amount_layout = shore_report_make_number_layout (d, amount, over ? d->bold_font : d->font);
  g_autoptr(PangoLayout) share_layout = shore_report_make_number_layout (d, share, d->small_font);
  double line_h = m->narrow ? m->text_h : MAX (m->text_h, m->bar_h);
  double bar_y = m->narrow ? top + m->text_h + 2 * d->u : top + (line_h - m->bar_h) / 2;
  double w, h, len;
  ShoreReportFill fill = row->other ? FILL_OTHER : over ? FILL_OVER : FILL_BAR;

  /* the name */
  shore_chart_limit_width (label, c->label_w);
  shore_chart_layout_size (label, NULL, &h);
  shore_report_set_text_source (d, row->other);
  shore_chart_show_layout (d, label, c->label_x, top + (line_h - h) / 2);

  /* the amount and its share */
  shore_chart_layout_size (amount_layout, &w, &h);
  if (over && !d->print)
    shore_report_set_rgb (d->cr, d->dark ? &shore_report_negative_dark : &shore_report_negative_light, 1.0);
  else
    shore_report_set_text_source (d, FALSE);
  shore_chart_show_layout (d, amount_layout, c->amount_right - w, top + (line_h - h) / 2);
  shore_chart_layout_size (share_layout, &w, &h);
  shore_report_set_text_source (d, TRUE);
  shore_chart_show_layout (d, share_layout, c->share_right - w, top + (line_h - h) / 2);

  /* a faint track shows the full scale on screen */
  if (!d->print)
    {
      bar_path (d, c->bar_x, bar_y, c->bar_w, m->bar_h);
      shore_report_set_rgb (d->cr, &d->fg, d->dark ? 0.08 : 0.06);
      cairo_fill (d->cr);
    }

  len = (double) row->amount / (double) scale_max * c->bar_w;
  if (row->amount > 0)
    {
      len = MAX (len, 2 * d->u);
      bar_path (d, c->bar_x, bar_y, len, m->bar_h);
      shore_report_fill_path (d, fill);
    }

  if (row->budget > 0)
    {
      double x = c->bar_x + (double) row->budget / (double) scale_max * c->bar_w;

      x = CLAMP (x, c->bar_x + d->u, c->bar_x + c->bar_w - d->u);
      shore_report_draw_tick (d, x, bar_y - 3 * d->u, bar_y + m->bar_h + 3 * d->u);
    }
}

/* Public API */

/**
 * shore_report_category_options_init:
 * @options: (out caller-allocates): the options to fill
 *
 * Sets @options to %SHORE_REPORT_DEFAULT_MAX_BARS bars, no budgets and no
 * text.
 */
void
shore_report_category_options_init (ShoreReportCategoryOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->max_bars = SHORE_REPORT_DEFAULT_MAX_BARS;
}

/**
 * shore_report_categories_draw:
 * @cr: a cairo context; the chart fills (0, 0)–(width, height) of its
 *   current user space
 * @style: how to draw
 * @items: (array length=n_items) (nullable): the categories, in any order
 * @n_items: how many
 * @options: the text and limits
 *
 * Draws horizontal bars, largest first, one per category: its name on the
 * left, its amount and share of the total on the right; past
 * @options.max_bars the rest share one bar. Sums are exact and saturate at
 * %SHORE_CHART_MAX_FEN. With no categories, or nothing spent in any, it
 * draws @options.empty_text instead. Rows keep their natural spacing (see
 * shore_report_categories_natural_height()) and close up when @style is
 * shorter. Leaves the state of @cr as it found it.
 */
void
shore_report_categories_draw (cairo_t                          *cr,
                              const ShoreChartStyle            *style,
                              const ShoreReportCategory        *items,
                              guint                             n_items,
                              const ShoreReportCategoryOptions *options)
{
  g_autofree Row *rows = NULL;
  ShoreReportLegendEntry entries[2];
  guint n_entries, n_rows;
  CategoryMetrics m;
  Columns c;
  gint64 total, scale_max = 0;
  double pitch;
  ShoreReportDrawing d = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (items != NULL || n_items == 0);
  g_return_if_fail (options != NULL);

  if (!shore_report_style_is_drawable (style))
    return;

  shore_report_drawing_begin (&d, cr, style);

  rows = make_rows (items, n_items, options, &n_rows, &total);
  for (guint r = 0; r < n_rows; r++)
    scale_max = MAX (scale_max, MAX (rows[r].amount, rows[r].budget));

  measure_categories (&d, style, options, &m);
  if (total == 0)
    {
      shore_report_draw_empty (&d, style, options->empty_text);
    }
  else if (style->width >= 8 * m.pad && style->height >= m.pad + m.text_h)
    {
      n_entries = legend_entries_for_categories (options, entries);
      shore_report_draw_legend (&d, entries, n_entries, m.pad, m.pad, style->width - 2 * m.pad, FALSE);
      plan_columns (&d, style, &m, rows, n_rows, &c);

      pitch = MIN (m.pitch, (style->height - m.pad - m.legend_bottom + m.row_gap) / n_rows);
      for (guint r = 0; r < n_rows; r++)
        draw_category_row (&d, &m, &c, &rows[r], total, scale_max, m.legend_bottom + r * pitch);
    }

  shore_report_drawing_end (&d);
}

/**
 * shore_report_categories_natural_height:
 * @style: the width, font scale and language to measure with (its height
 *   is ignored)
 * @n_items: the number of categories
 * @options: the options the chart will be drawn with
 *
 * How tall a breakdown of @n_items categories is at @style's width: for
 * laying out a PDF page or sizing a widget. It never falls as @n_items
 * grows (it stops growing once the rest share the "Other" bar); with no
 * categories it is the height of one bar, for the empty message.
 *
 * Returns: the height in @style's user units
 */
double
shore_report_categories_natural_height (const ShoreChartStyle            *style,
                                        guint                             n_items,
                                        const ShoreReportCategoryOptions *options)
{
  CategoryMetrics m;
  ShoreReportDrawing d = { 0 };
  cairo_t *cr;
  double height;

  g_return_val_if_fail (style != NULL, 0);
  g_return_val_if_fail (options != NULL, 0);

  cr = shore_report_create_measuring_context ();
  shore_report_drawing_init (&d, cr, style);
  measure_categories (&d, style, options, &m);
  height = ceil (categories_height (&m, count_rows (n_items, options)));
  shore_chart_drawing_clear (&d);
  cairo_destroy (cr);

  return height;
}
