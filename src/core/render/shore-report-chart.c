/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-report-chart"

#include "config.h"

#include <math.h>

#include "shore-report-chart-private.h"

/* Drawing helpers shared by the category breakdown
 * (shore-report-categories.c) and the monthly trend (shore-report-trend.c),
 * and the axis ticks of the trend. */

/* Layout constants, in user units at font scale 1 (pixels on screen). */
#define BOLD_FONT_SIZE   12.0
#define SWATCH_WIDTH     18.0
#define SWATCH_HEIGHT    12.0
#define HATCH_SPACING     4.0
#define DOT_RADIUS        3.5

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

typedef enum {
  HATCH_NONE,
  HATCH_UP,
  HATCH_CROSS,
} Hatch;

typedef struct
{
  ShoreReportRgb light;
  ShoreReportRgb dark;
  double         gray;     /* print: the fill */
  Hatch          hatch;    /* print: black lines over it */
} FillStyle;

/* GNOME palette on screen; in print, gray levels and textures that stay
 * apart on a black-and-white photocopy, each shape outlined in black. */
static const FillStyle fills[N_FILLS] = {
  [FILL_BAR]      = { RGB (0x3584e4), RGB (0x62a0ea), 0.62, HATCH_NONE },
  [FILL_OVER]     = { RGB (0xe01b24), RGB (0xf66151), 1.00, HATCH_UP },
  [FILL_OTHER]    = { RGB (0x9a9996), RGB (0x77767b), 0.88, HATCH_NONE },
  [FILL_INCOME]   = { RGB (0x33d17a), RGB (0x57e389), 0.85, HATCH_NONE },
  [FILL_SPENDING] = { RGB (0xff7800), RGB (0xffa348), 0.45, HATCH_NONE },
  [FILL_DEBT]     = { RGB (0x9141ac), RGB (0xc061cb), 1.00, HATCH_CROSS },
};

const ShoreReportRgb shore_report_negative_light = RGB (0xc01c28);
const ShoreReportRgb shore_report_negative_dark = RGB (0xff7b63);
static const ShoreReportRgb line_light = RGB (0x241f31);
static const ShoreReportRgb line_dark = RGB (0xffffff);

/* Helpers: drawing state and text */

void
shore_report_set_rgb (cairo_t              *cr,
                      const ShoreReportRgb *c,
                      double                alpha)
{
  if (alpha >= 1.0)
    cairo_set_source_rgb (cr, c->r, c->g, c->b);
  else
    cairo_set_source_rgba (cr, c->r, c->g, c->b, alpha);
}

void
shore_report_set_gray (cairo_t *cr,
                       double   gray)
{
  cairo_set_source_rgb (cr, gray, gray, gray);
}

/* The report charts' bold font is as large as the regular one (12). */
void
shore_report_drawing_init (ShoreReportDrawing    *d,
                           cairo_t               *cr,
                           const ShoreChartStyle *style)
{
  shore_chart_drawing_init (d, cr, style, BOLD_FONT_SIZE);
}

/* Saves @cr, clips it to @style's size, sets @d up and paints the
 * background; shore_report_drawing_end() clears @d and restores @cr. */
void
shore_report_drawing_begin (ShoreReportDrawing    *d,
                            cairo_t               *cr,
                            const ShoreChartStyle *style)
{
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, 0, 0, style->width, style->height);
  cairo_clip (cr);
  shore_report_drawing_init (d, cr, style);
  shore_report_set_rgb (cr, &d->bg, 1.0);
  cairo_paint (cr);
}

void
shore_report_drawing_end (ShoreReportDrawing *d)
{
  cairo_t *cr = d->cr;

  shore_chart_drawing_clear (d);
  cairo_restore (cr);
}

gboolean
shore_report_style_is_drawable (const ShoreChartStyle *style)
{
  return style->width > 0 && style->height > 0
         && isfinite (style->width) && isfinite (style->height);
}

/* Measuring needs a cairo context too; this one matches an image surface. */
cairo_t *
shore_report_create_measuring_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

PangoLayout *
shore_report_make_layout (ShoreReportDrawing         *d,
                          const char                 *text,
                          const PangoFontDescription *font)
{
  PangoLayout *layout = pango_layout_new (d->pango);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

/* Figures in columns line up when every digit is as wide as the others. */
PangoLayout *
shore_report_make_number_layout (ShoreReportDrawing         *d,
                                 const char                 *text,
                                 const PangoFontDescription *font)
{
  PangoLayout *layout = shore_report_make_layout (d, text, font);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

double
shore_report_text_height (ShoreReportDrawing         *d,
                          const PangoFontDescription *font)
{
  /* a CJK sample: Noto Sans CJK lines are taller than Latin ones */
  g_autoptr(PangoLayout) layout = shore_report_make_layout (d, "0\xe4\xb8\x80", font);
  double h;

  shore_chart_layout_size (layout, NULL, &h);
  return h;
}

double
shore_report_text_width (ShoreReportDrawing         *d,
                         const char                 *text,
                         const PangoFontDescription *font)
{
  g_autoptr(PangoLayout) layout = shore_report_make_number_layout (d, text, font);
  double w;

  shore_chart_layout_size (layout, &w, NULL);
  return w;
}

void
shore_report_set_text_source (ShoreReportDrawing *d,
                              gboolean            dim)
{
  /* print stays black: gray text photocopies badly */
  shore_report_set_rgb (d->cr, &d->fg, dim && !d->print ? 0.7 : 1.0);
}

void
shore_report_draw_empty (ShoreReportDrawing    *d,
                         const ShoreChartStyle *style,
                         const char            *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  double w, h, pad = PADDING * d->u;

  if (text == NULL || *text == '\0')
    return;

  layout = shore_report_make_layout (d, text, d->font);
  pango_layout_set_width (layout, (int) (MAX (style->width - 2 * pad, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  shore_chart_layout_size (layout, &w, &h);
  shore_report_set_text_source (d, TRUE);
  shore_chart_show_layout (d, layout, pad, MAX ((style->height - h) / 2, 0));
}

/* Helpers: fills */

static void
draw_hatch (ShoreReportDrawing *d,
            Hatch               hatch)
{
  cairo_t *cr = d->cr;
  double s = HATCH_SPACING * d->u;
  double cx1, cy1, cx2, cy2, h;

  if (hatch == HATCH_NONE)
    return;

  cairo_clip_extents (cr, &cx1, &cy1, &cx2, &cy2);
  h = cy2 - cy1;
  shore_report_set_gray (cr, 0.0);
  cairo_set_line_width (cr, 0.7 * d->u);
  /* anchored to a global grid so neighbouring shapes line up */
  for (double x = floor ((cx1 - h) / s) * s; x <= cx2; x += s)
    {
      cairo_move_to (cr, x, cy2);
      cairo_line_to (cr, x + h, cy1);
      if (hatch == HATCH_CROSS)
        {
          cairo_move_to (cr, x, cy1);
          cairo_line_to (cr, x + h, cy2);
        }
    }
  cairo_stroke (cr);
}

static const ShoreReportRgb *
fill_rgb (ShoreReportDrawing *d,
          ShoreReportFill     fill)
{
  return d->dark ? &fills[fill].dark : &fills[fill].light;
}

/* Fills the current path (and consumes it) in @fill's style. */
void
shore_report_fill_path (ShoreReportDrawing *d,
                        ShoreReportFill     fill)
{
  cairo_t *cr = d->cr;

  if (!d->print)
    {
      shore_report_set_rgb (cr, fill_rgb (d, fill), 1.0);
      cairo_fill (cr);
      return;
    }

  shore_report_set_gray (cr, fills[fill].gray);
  cairo_fill_preserve (cr);
  cairo_save (cr);
  cairo_clip_preserve (cr);
  draw_hatch (d, fills[fill].hatch);
  cairo_restore (cr);
  shore_report_set_gray (cr, 0.0);
  cairo_set_line_width (cr, (fill == FILL_OVER ? 1.4 : 0.8) * d->u);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_stroke (cr);
}

/* A vertical line across a bar: the budget. A halo of background keeps it
 * visible over any bar. */
void
shore_report_draw_tick (ShoreReportDrawing *d,
                        double              x,
                        double              top,
                        double              bottom)
{
  cairo_t *cr = d->cr;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to (cr, x, top);
  cairo_line_to (cr, x, bottom);
  shore_report_set_rgb (cr, &d->bg, 1.0);
  cairo_set_line_width (cr, 4.5 * d->u);
  cairo_stroke_preserve (cr);
  shore_report_set_rgb (cr, &d->fg, 1.0);
  cairo_set_line_width (cr, 2 * d->u);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
shore_report_stroke_surplus_line (ShoreReportDrawing *d)
{
  cairo_t *cr = d->cr;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  shore_report_set_rgb (cr, &d->bg, d->print ? 1.0 : 0.9);
  cairo_set_line_width (cr, 5.5 * d->u);
  cairo_stroke_preserve (cr);
  if (d->print)
    shore_report_set_gray (cr, 0.0);
  else
    shore_report_set_rgb (cr, d->dark ? &line_dark : &line_light, 1.0);
  cairo_set_line_width (cr, 2 * d->u);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A dot of the surplus line: filled when the month ended with money left,
 * hollow (print) or red (screen) when it ended short. */
void
shore_report_draw_dot (ShoreReportDrawing *d,
                       double              x,
                       double              y,
                       gboolean            negative)
{
  cairo_t *cr = d->cr;
  double r = DOT_RADIUS * d->u;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r + 1.5 * d->u, 0, 2 * G_PI);
  shore_report_set_rgb (cr, &d->bg, 1.0);
  cairo_fill (cr);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  if (d->print)
    {
      shore_report_set_gray (cr, negative ? 1.0 : 0.0);
      cairo_fill_preserve (cr);
      shore_report_set_gray (cr, 0.0);
      cairo_set_line_width (cr, 1.5 * d->u);
      cairo_stroke (cr);
    }
  else
    {
      if (negative)
        shore_report_set_rgb (cr, d->dark ? &shore_report_negative_dark : &shore_report_negative_light, 1.0);
      else
        shore_report_set_rgb (cr, d->dark ? &line_dark : &line_light, 1.0);
      cairo_fill (cr);
    }
}

static void
draw_swatch (ShoreReportDrawing           *d,
             const ShoreReportLegendEntry *entry,
             double                        x,
             double                        y)
{
  double w = SWATCH_WIDTH * d->u, h = SWATCH_HEIGHT * d->u;

  switch (entry->kind)
    {
    case SWATCH_FILL:
      cairo_rectangle (d->cr, x, y, w, h);
      shore_report_fill_path (d, entry->fill);
      break;

    case SWATCH_TICK:
      cairo_rectangle (d->cr, x, y + 2 * d->u, w, h - 4 * d->u);
      shore_report_fill_path (d, FILL_BAR);
      shore_report_draw_tick (d, x + w * 0.6, y - d->u, y + h + d->u);
      break;

    case SWATCH_LINE:
      cairo_move_to (d->cr, x + d->u, y + h / 2);
      cairo_line_to (d->cr, x + w - d->u, y + h / 2);
      shore_report_stroke_surplus_line (d);
      shore_report_draw_dot (d, x + w / 2, y + h / 2, FALSE);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* A legend that wraps; returns the y below it. With @measure_only nothing
 * is drawn. */
double
shore_report_draw_legend (ShoreReportDrawing           *d,
                          const ShoreReportLegendEntry *entries,
                          guint                         n_entries,
                          double                        x0,
                          double                        y,
                          double                        width,
                          gboolean                      measure_only)
{
  double line_h = MAX (shore_report_text_height (d, d->font), SWATCH_HEIGHT * d->u);
  double swatch = (SWATCH_WIDTH + SPACING) * d->u;
  double gap = 2 * PADDING * d->u;
  double x = x0;
  gboolean any = FALSE;

  for (guint k = 0; k < n_entries; k++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double w, h;

      if (entries[k].label == NULL || *entries[k].label == '\0')
        continue;

      layout = shore_report_make_layout (d, entries[k].label, d->font);
      shore_chart_limit_width (layout, width - swatch);
      shore_chart_layout_size (layout, &w, &h);
      if (x > x0 && x + swatch + w > x0 + width)
        {
          x = x0;
          y += line_h + SPACING * d->u;
        }
      if (!measure_only)
        {
          draw_swatch (d, &entries[k], x, y + (line_h - SWATCH_HEIGHT * d->u) / 2);
          shore_report_set_text_source (d, FALSE);
          shore_chart_show_layout (d, layout, x + swatch, y + (line_h - h) / 2);
        }
      x += swatch + w + gap;
      any = TRUE;
    }

  return any ? y + line_h + 2 * SPACING * d->u : y;
}

/* Public API */

/**
 * shore_report_nice_ticks:
 * @min_fen: the lowest amount to cover; positive counts as 0
 * @max_fen: the highest amount to cover; negative counts as 0
 * @max_ticks: the most ticks wanted, at least 3; more than
 *   %SHORE_CHART_MAX_TICKS counts as %SHORE_CHART_MAX_TICKS
 * @out_ticks: (out caller-allocates) (array): room for
 *   MIN (@max_ticks, %SHORE_CHART_MAX_TICKS) amounts
 *
 * Like shore_chart_nice_ticks() for an axis that may go below zero: equal
 * steps of 1, 2 or 5 × 10ⁿ yuan from at most @min_fen to at least @max_fen,
 * in ascending order, always through 0. Each end is clamped to
 * ±%SHORE_CHART_MAX_FEN / 2.
 *
 * Returns: the number of ticks written, between 2 and @max_ticks (0 on bad
 *   arguments)
 */
guint
shore_report_nice_ticks (gint64  min_fen,
                         gint64  max_fen,
                         guint   max_ticks,
                         gint64 *out_ticks)
{
  gint64 tmp[SHORE_CHART_MAX_TICKS];
  gint64 span;

  g_return_val_if_fail (max_ticks >= 3, 0);
  g_return_val_if_fail (out_ticks != NULL, 0);

  max_ticks = MIN (max_ticks, SHORE_CHART_MAX_TICKS);
  min_fen = CLAMP (min_fen, -TREND_LIMIT, 0);
  max_fen = CLAMP (max_fen, 0, TREND_LIMIT);

  if (min_fen == 0)
    return shore_chart_nice_ticks (max_fen, max_ticks, out_ticks);

  span = max_fen - min_fen;
  /* Try the finest steps first; with m = 2 the step covers the whole span,
   * so each side needs one interval and 3 ticks always fit. */
  for (guint m = max_ticks; m >= 2; m--)
    {
      guint n = shore_chart_nice_ticks (span, m, tmp);
      gint64 step = tmp[1] - tmp[0];
      gint64 below = (-min_fen + step - 1) / step;
      gint64 above = (max_fen + step - 1) / step;

      g_assert (n >= 2);
      if (below + above + 1 <= (gint64) max_ticks)
        {
          guint k = 0;

          for (gint64 i = -below; i <= above; i++)
            out_ticks[k++] = i * step;
          return k;
        }
    }

  g_assert_not_reached ();
}
