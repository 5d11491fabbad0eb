/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-report-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "../shore-money.h"

#include "shore-report-chart.h"

/* Layout constants, in user units at font scale 1 (pixels on screen). */
#define FONT_SIZE        12.0
#define SMALL_FONT_SIZE  11.0
#define PADDING          12.0
#define SPACING           6.0
#define SWATCH_WIDTH     18.0
#define SWATCH_HEIGHT    12.0
#define HATCH_SPACING     4.0
#define BAR_HEIGHT       14.0
#define ROW_GAP          10.0
#define NARROW_WIDTH    360.0   /* below this the label goes above its bar */
#define TREND_PLOT_HEIGHT 220.0
#define DOT_RADIUS        3.5

/* The trend's axis covers at most ±this; bars and the line saturate there,
 * so the span stays within what shore_chart_nice_ticks() handles. */
#define TREND_LIMIT (SHORE_CHART_MAX_FEN / 2)

typedef struct
{
  double r, g, b;
} Rgb;

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

typedef enum {
  HATCH_NONE,
  HATCH_UP,
  HATCH_CROSS,
} Hatch;

/* Every way a bar or swatch is filled. */
typedef enum {
  FILL_BAR,
  FILL_OVER,
  FILL_OTHER,
  FILL_INCOME,
  FILL_SPENDING,
  FILL_DEBT,
  N_FILLS
} Fill;

typedef struct
{
  Rgb    light;
  Rgb    dark;
  double gray;     /* print: the fill */
  Hatch  hatch;    /* print: black lines over it */
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

static const Rgb negative_light = RGB (0xc01c28);
static const Rgb negative_dark = RGB (0xff7b63);
static const Rgb line_light = RGB (0x241f31);
static const Rgb line_dark = RGB (0xffffff);

/* Everything one draw needs. */
typedef struct
{
  cairo_t              *cr;
  PangoContext         *pango;
  PangoFontDescription *font;
  PangoFontDescription *small_font;
  PangoFontDescription *bold_font;
  double                u;          /* one unit at this font scale */
  gboolean              print;
  gboolean              dark;
  Rgb                   bg;
  Rgb                   fg;
} Drawing;

typedef enum {
  SWATCH_FILL,
  SWATCH_TICK,
  SWATCH_LINE,
} SwatchKind;

typedef struct
{
  SwatchKind  kind;
  Fill        fill;
  const char *label;
} LegendEntry;

/* A bar of the category breakdown, after sorting and gathering. */
typedef struct
{
  const char *label;
  gint64      amount;
  gint64      budget;    /* 0: none */
  gboolean    other;
} Row;

/* Helpers: drawing state and text */

static void
set_rgb (cairo_t   *cr,
         const Rgb *c,
         double     alpha)
{
  if (alpha >= 1.0)
    cairo_set_source_rgb (cr, c->r, c->g, c->b);
  else
    cairo_set_source_rgba (cr, c->r, c->g, c->b, alpha);
}

static void
set_gray (cairo_t *cr,
          double   gray)
{
  cairo_set_source_rgb (cr, gray, gray, gray);
}

static PangoFontDescription *
make_font (const char *family,
           double      size,
           PangoWeight weight)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, family);
  /* Absolute: one size in user units whether the target is pixels or points. */
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);

  return font;
}

static void
drawing_init (Drawing               *d,
              cairo_t               *cr,
              const ShoreChartStyle *style)
{
  static const Rgb white = RGB (0xffffff);
  static const Rgb black = RGB (0x000000);
  static const Rgb dark_bg = RGB (0x1e1e1e);
  static const Rgb light_fg = RGB (0x333333);
  g_autofree char *lang = shore_chart_normalize_language (style->language);
  const char *family = shore_chart_font_family (lang);
  double scale = style->font_scale > 0 ? style->font_scale : 1.0;

  d->cr = cr;
  d->u = scale;
  d->print = style->print;
  d->dark = style->dark && !style->print;
  d->bg = d->dark ? dark_bg : white;
  d->fg = d->print ? black : d->dark ? white : light_fg;

  d->pango = pango_cairo_create_context (cr);
  pango_context_set_language (d->pango, pango_language_from_string (lang));
  if (d->print)
    {
      /* Gray antialiasing: no colour fringes from subpixel rendering on paper. */
      cairo_font_options_t *options = cairo_font_options_create ();

      cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
      pango_cairo_context_set_font_options (d->pango, options);
      cairo_font_options_destroy (options);
    }

  d->font = make_font (family, FONT_SIZE * scale, PANGO_WEIGHT_NORMAL);
  d->small_font = make_font (family, SMALL_FONT_SIZE * scale, PANGO_WEIGHT_NORMAL);
  d->bold_font = make_font (family, FONT_SIZE * scale, PANGO_WEIGHT_BOLD);
}

static void
drawing_clear (Drawing *d)
{
  g_clear_object (&d->pango);
  g_clear_pointer (&d->font, pango_font_description_free);
  g_clear_pointer (&d->small_font, pango_font_description_free);
  g_clear_pointer (&d->bold_font, pango_font_description_free);
}

static gboolean
style_is_drawable (const ShoreChartStyle *style)
{
  return style->width > 0 && style->height > 0
         && isfinite (style->width) && isfinite (style->height);
}

/* Measuring needs a cairo context too; this one matches an image surface. */
static cairo_t *
create_measuring_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

static PangoLayout *
make_layout (Drawing                    *d,
             const char                 *text,
             const PangoFontDescription *font)
{
  PangoLayout *layout = pango_layout_new (d->pango);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

/* Figures in columns line up when every digit is as wide as the others. */
static PangoLayout *
make_number_layout (Drawing                    *d,
                    const char                 *text,
                    const PangoFontDescription *font)
{
  PangoLayout *layout = make_layout (d, text, font);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *w,
             double      *h)
{
  int pw, ph;

  pango_layout_get_size (layout, &pw, &ph);
  if (w)
    *w = (double) pw / PANGO_SCALE;
  if (h)
    *h = (double) ph / PANGO_SCALE;
}

static void
limit_width (PangoLayout *layout,
             double       width)
{
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
}

static void
show_layout (Drawing     *d,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (d->cr, x, y);
  pango_cairo_show_layout (d->cr, layout);
}

static double
text_height (Drawing                    *d,
             const PangoFontDescription *font)
{
  /* a CJK sample: Noto Sans CJK lines are taller than Latin ones */
  g_autoptr(PangoLayout) layout = make_layout (d, "0\xe4\xb8\x80", font);
  double h;

  layout_size (layout, NULL, &h);
  return h;
}

static double
text_width (Drawing                    *d,
            const char                 *text,
            const PangoFontDescription *font)
{
  g_autoptr(PangoLayout) layout = make_number_layout (d, text, font);
  double w;

  layout_size (layout, &w, NULL);
  return w;
}

static void
set_text_source (Drawing *d,
                 gboolean dim)
{
  /* print stays black: gray text photocopies badly */
  set_rgb (d->cr, &d->fg, dim && !d->print ? 0.7 : 1.0);
}

static void
draw_empty (Drawing               *d,
            const ShoreChartStyle *style,
            const char            *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  double w, h, pad = PADDING * d->u;

  if (text == NULL || *text == '\0')
    return;

  layout = make_layout (d, text, d->font);
  pango_layout_set_width (layout, (int) (MAX (style->width - 2 * pad, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  layout_size (layout, &w, &h);
  set_text_source (d, TRUE);
  show_layout (d, layout, pad, MAX ((style->height - h) / 2, 0));
}

/* Helpers: fills */

static void
draw_hatch (Drawing *d,
            Hatch    hatch)
{
  cairo_t *cr = d->cr;
  double s = HATCH_SPACING * d->u;
  double cx1, cy1, cx2, cy2, h;

  if (hatch == HATCH_NONE)
    return;

  cairo_clip_extents (cr, &cx1, &cy1, &cx2, &cy2);
  h = cy2 - cy1;
  set_gray (cr, 0.0);
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

static const Rgb *
fill_rgb (Drawing *d,
          Fill     fill)
{
  return d->dark ? &fills[fill].dark : &fills[fill].light;
}

/* Fills the current path (and consumes it) in @fill's style. */
static void
fill_path (Drawing *d,
           Fill     fill)
{
  cairo_t *cr = d->cr;

  if (!d->print)
    {
      set_rgb (cr, fill_rgb (d, fill), 1.0);
      cairo_fill (cr);
      return;
    }

  set_gray (cr, fills[fill].gray);
  cairo_fill_preserve (cr);
  cairo_save (cr);
  cairo_clip_preserve (cr);
  draw_hatch (d, fills[fill].hatch);
  cairo_restore (cr);
  set_gray (cr, 0.0);
  cairo_set_line_width (cr, (fill == FILL_OVER ? 1.4 : 0.8) * d->u);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_stroke (cr);
}

/* A rectangle whose right end is rounded on screen (bars grow to the right);
 * square in print, where the outline already separates it. */
static void
bar_path (Drawing *d,
          double   x,
          double   y,
          double   w,
          double   h)
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

/* A vertical line across a bar: the budget. A halo of background keeps it
 * visible over any bar. */
static void
draw_tick (Drawing *d,
           double   x,
           double   top,
           double   bottom)
{
  cairo_t *cr = d->cr;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to (cr, x, top);
  cairo_line_to (cr, x, bottom);
  set_rgb (cr, &d->bg, 1.0);
  cairo_set_line_width (cr, 4.5 * d->u);
  cairo_stroke_preserve (cr);
  set_rgb (cr, &d->fg, 1.0);
  cairo_set_line_width (cr, 2 * d->u);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
stroke_surplus_line (Drawing *d)
{
  cairo_t *cr = d->cr;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  set_rgb (cr, &d->bg, d->print ? 1.0 : 0.9);
  cairo_set_line_width (cr, 5.5 * d->u);
  cairo_stroke_preserve (cr);
  if (d->print)
    set_gray (cr, 0.0);
  else
    set_rgb (cr, d->dark ? &line_dark : &line_light, 1.0);
  cairo_set_line_width (cr, 2 * d->u);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A dot of the surplus line: filled when the month ended with money left,
 * hollow (print) or red (screen) when it ended short. */
static void
draw_dot (Drawing *d,
          double   x,
          double   y,
          gboolean negative)
{
  cairo_t *cr = d->cr;
  double r = DOT_RADIUS * d->u;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r + 1.5 * d->u, 0, 2 * G_PI);
  set_rgb (cr, &d->bg, 1.0);
  cairo_fill (cr);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  if (d->print)
    {
      set_gray (cr, negative ? 1.0 : 0.0);
      cairo_fill_preserve (cr);
      set_gray (cr, 0.0);
      cairo_set_line_width (cr, 1.5 * d->u);
      cairo_stroke (cr);
    }
  else
    {
      if (negative)
        set_rgb (cr, d->dark ? &negative_dark : &negative_light, 1.0);
      else
        set_rgb (cr, d->dark ? &line_dark : &line_light, 1.0);
      cairo_fill (cr);
    }
}

static void
draw_swatch (Drawing           *d,
             const LegendEntry *entry,
             double             x,
             double             y)
{
  double w = SWATCH_WIDTH * d->u, h = SWATCH_HEIGHT * d->u;

  switch (entry->kind)
    {
    case SWATCH_FILL:
      cairo_rectangle (d->cr, x, y, w, h);
      fill_path (d, entry->fill);
      break;

    case SWATCH_TICK:
      cairo_rectangle (d->cr, x, y + 2 * d->u, w, h - 4 * d->u);
      fill_path (d, FILL_BAR);
      draw_tick (d, x + w * 0.6, y - d->u, y + h + d->u);
      break;

    case SWATCH_LINE:
      cairo_move_to (d->cr, x + d->u, y + h / 2);
      cairo_line_to (d->cr, x + w - d->u, y + h / 2);
      stroke_surplus_line (d);
      draw_dot (d, x + w / 2, y + h / 2, FALSE);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* A legend that wraps; returns the y below it. With @measure_only nothing
 * is drawn. */
static double
draw_legend (Drawing           *d,
             const LegendEntry *entries,
             guint              n_entries,
             double             x0,
             double             y,
             double             width,
             gboolean           measure_only)
{
  double line_h = MAX (text_height (d, d->font), SWATCH_HEIGHT * d->u);
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

      layout = make_layout (d, entries[k].label, d->font);
      limit_width (layout, width - swatch);
      layout_size (layout, &w, &h);
      if (x > x0 && x + swatch + w > x0 + width)
        {
          x = x0;
          y += line_h + SPACING * d->u;
        }
      if (!measure_only)
        {
          draw_swatch (d, &entries[k], x, y + (line_h - SWATCH_HEIGHT * d->u) / 2);
          set_text_source (d, FALSE);
          show_layout (d, layout, x + swatch, y + (line_h - h) / 2);
        }
      x += swatch + w + gap;
      any = TRUE;
    }

  return any ? y + line_h + 2 * SPACING * d->u : y;
}

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
                               LegendEntry                      *entries)
{
  if (!options->show_budgets)
    return 0;

  entries[0] = (LegendEntry) { SWATCH_TICK, FILL_BAR, options->budget_label };
  entries[1] = (LegendEntry) { SWATCH_FILL, FILL_OVER, options->over_budget_label };
  return 2;
}

static void
measure_categories (Drawing                          *d,
                    const ShoreChartStyle            *style,
                    const ShoreReportCategoryOptions *options,
                    CategoryMetrics                  *m)
{
  LegendEntry entries[2];
  guint n_entries = legend_entries_for_categories (options, entries);
  double content_w;

  m->pad = PADDING * d->u;
  m->text_h = text_height (d, d->font);
  m->bar_h = BAR_HEIGHT * d->u;
  m->row_gap = ROW_GAP * d->u;
  content_w = style->width - 2 * m->pad;
  m->narrow = content_w < NARROW_WIDTH * d->u;
  if (m->narrow)
    m->pitch = m->text_h + 2 * d->u + m->bar_h + m->row_gap;
  else
    m->pitch = MAX (m->text_h, m->bar_h) + m->row_gap;
  m->legend_bottom = draw_legend (d, entries, n_entries, m->pad, m->pad, content_w, TRUE);
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
plan_columns (Drawing               *d,
              const ShoreChartStyle *style,
              const CategoryMetrics *m,
              const Row             *rows,
              guint                  n_rows,
              Columns               *c)
{
  double content_w = style->width - 2 * m->pad;
  double gap = 2 * SPACING * d->u;
  double label_w = 0, amount_w = 0, values_w;

  c->share_w = text_width (d, "100.0%", d->small_font);
  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *amount = shore_money_format (rows[r].amount);
      g_autoptr(PangoLayout) layout = make_layout (d, rows[r].label, d->font);
      double w;

      layout_size (layout, &w, NULL);
      label_w = MAX (label_w, w);
      amount_w = MAX (amount_w, text_width (d, amount, d->font));
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

static void
draw_category_row (Drawing               *d,
                   const CategoryMetrics *m,
                   const Columns         *c,
                   const Row             *row,
                   gint64                 total,
                   gint64                 scale_max,
                   double                 top)
{
  g_autofree char *amount = shore_money_format (row->amount);
  g_autofree char *share = format_share (row->amount, total);
  g_autoptr(PangoLayout) label = make_layout (d, row->label, d->font);
  gboolean over = row->budget > 0 && row->amount > row->budget;
  g_autoptr(PangoLayout) amount_layout = make_number_layout (d, amount, over ? d->bold_font : d->font);
  g_autoptr(PangoLayout) share_layout = make_number_layout (d, share, d->small_font);
  double line_h = m->narrow ? m->text_h : MAX (m->text_h, m->bar_h);
  double bar_y = m->narrow ? top + m->text_h + 2 * d->u : top + (line_h - m->bar_h) / 2;
  double w, h, len;
  Fill fill = row->other ? FILL_OTHER : over ? FILL_OVER : FILL_BAR;

  /* the name */
  limit_width (label, c->label_w);
  layout_size (label, NULL, &h);
  set_text_source (d, row->other);
  show_layout (d, label, c->label_x, top + (line_h - h) / 2);

  /* the amount and its share */
  layout_size (amount_layout, &w, &h);
  if (over && !d->print)
    set_rgb (d->cr, d->dark ? &negative_dark : &negative_light, 1.0);
  else
    set_text_source (d, FALSE);
  show_layout (d, amount_layout, c->amount_right - w, top + (line_h - h) / 2);
  layout_size (share_layout, &w, &h);
  set_text_source (d, TRUE);
  show_layout (d, share_layout, c->share_right - w, top + (line_h - h) / 2);

  /* a faint track shows the full scale on screen */
  if (!d->print)
    {
      bar_path (d, c->bar_x, bar_y, c->bar_w, m->bar_h);
      set_rgb (d->cr, &d->fg, d->dark ? 0.08 : 0.06);
      cairo_fill (d->cr);
    }

  len = (double) row->amount / (double) scale_max * c->bar_w;
  if (row->amount > 0)
    {
      len = MAX (len, 2 * d->u);
      bar_path (d, c->bar_x, bar_y, len, m->bar_h);
      fill_path (d, fill);
    }

  if (row->budget > 0)
    {
      double x = c->bar_x + (double) row->budget / (double) scale_max * c->bar_w;

      x = CLAMP (x, c->bar_x + d->u, c->bar_x + c->bar_w - d->u);
      draw_tick (d, x, bar_y - 3 * d->u, bar_y + m->bar_h + 3 * d->u);
    }
}

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
draw_trend_grid (Drawing      *d,
                 const Plot   *p,
                 const gint64 *ticks,
                 guint         n_ticks)
{
  cairo_t *cr = d->cr;

  cairo_set_line_width (cr, d->u);
  for (guint i = 0; i < n_ticks; i++)
    {
      double y = floor (plot_y (p, ticks[i])) + 0.5;
      g_autofree char *text = shore_chart_format_tick (ticks[i]);
      g_autoptr(PangoLayout) layout = make_number_layout (d, text, d->small_font);
      double w, h;

      if (ticks[i] == 0)
        continue;   /* the zero line comes over the bars */
      if (d->print)
        set_gray (cr, 0.8);
      else
        set_rgb (cr, &d->fg, 0.12);
      cairo_move_to (cr, p->x, y);
      cairo_line_to (cr, p->x + p->w, y);
      cairo_stroke (cr);

      layout_size (layout, &w, &h);
      set_text_source (d, TRUE);
      show_layout (d, layout, p->x - SPACING * d->u - w, y - h / 2);
    }
}

static void
draw_zero_line (Drawing    *d,
                const Plot *p)
{
  g_autofree char *text = shore_chart_format_tick (0);
  g_autoptr(PangoLayout) layout = make_number_layout (d, text, d->small_font);
  double y = floor (plot_y (p, 0)) + 0.5;
  double w, h;

  cairo_set_line_width (d->cr, d->u);
  set_rgb (d->cr, &d->fg, d->print ? 1.0 : 0.6);
  cairo_move_to (d->cr, p->x, y);
  cairo_line_to (d->cr, p->x + p->w, y);
  cairo_stroke (d->cr);

  layout_size (layout, &w, &h);
  set_text_source (d, TRUE);
  show_layout (d, layout, p->x - SPACING * d->u - w, y - h / 2);
}

static void
draw_trend_bars (Drawing           *d,
                 const Plot        *p,
                 const MonthValues *values,
                 guint              n_months)
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
          fill_path (d, FILL_INCOME);
        }
      if (v->spending > 0)
        {
          cairo_rectangle (d->cr, xs, ys, bar_w, MAX (y0 - ys, 0.5 * d->u));
          fill_path (d, FILL_SPENDING);
        }
      if (v->stacked > v->spending)
        {
          cairo_rectangle (d->cr, xs, yd, bar_w, MAX (ys - yd, 0.5 * d->u));
          fill_path (d, FILL_DEBT);
        }
    }
}

static void
draw_surplus (Drawing           *d,
              const Plot        *p,
              const MonthValues *values,
              guint              n_months)
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
    stroke_surplus_line (d);
  cairo_new_path (d->cr);

  for (guint i = 0; i < n_months; i++)
    draw_dot (d, p->x + (i + 0.5) * group, plot_y (p, values[i].surplus), values[i].surplus < 0);
}

static void
draw_month_labels (Drawing                *d,
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
      g_autoptr(PangoLayout) layout = make_layout (d, months[i].label, d->small_font);
      double w;

      layout_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  /* every month when they fit, else every 2nd, 3rd, … */
  while (step < n_months && step * group < widest + 2 * SPACING * d->u)
    step++;

  for (guint i = 0; i < n_months; i += step)
    {
      g_autoptr(PangoLayout) layout = make_layout (d, months[i].label, d->small_font);
      double cx = p->x + (i + 0.5) * group;
      double w;

      limit_width (layout, step * group - SPACING * d->u);
      layout_size (layout, &w, NULL);
      set_text_source (d, FALSE);
      show_layout (d, layout, cx - w / 2, top);
    }
}

static guint
legend_entries_for_trend (const ShoreReportTrendOptions *options,
                          LegendEntry                   *entries)
{
  entries[0] = (LegendEntry) { SWATCH_FILL, FILL_INCOME, options->income_label };
  entries[1] = (LegendEntry) { SWATCH_FILL, FILL_SPENDING, options->spending_label };
  entries[2] = (LegendEntry) { SWATCH_FILL, FILL_DEBT, options->debt_label };
  entries[3] = (LegendEntry) { SWATCH_LINE, FILL_BAR, options->surplus_label };
  return 4;
}

static void
draw_trend_contents (Drawing                       *d,
                     const ShoreChartStyle         *style,
                     const ShoreReportMonth        *months,
                     guint                          n_months,
                     const ShoreReportTrendOptions *options)
{
  LegendEntry entries[4];
  guint n_entries = legend_entries_for_trend (options, entries);
  g_autofree MonthValues *values = NULL;
  gint64 ticks[SHORE_CHART_MAX_TICKS];
  double pad = PADDING * d->u;
  double small_h = text_height (d, d->small_font);
  double label_w = 0, top, bottom;
  guint n_ticks, max_ticks;
  gint64 min, max;
  Plot p;

  top = draw_legend (d, entries, n_entries, pad, pad, style->width - 2 * pad, TRUE);
  /* the top and bottom labels stick out half a line */
  top += small_h / 2;
  bottom = style->height - pad - small_h - SPACING * d->u;
  if (bottom - top < 2 * small_h || style->width < 8 * pad)
    return;   /* too small for anything readable */

  draw_legend (d, entries, n_entries, pad, pad, style->width - 2 * pad, FALSE);
  values = make_month_values (months, n_months, &min, &max);
  max_ticks = (guint) CLAMP ((bottom - top) / (2 * small_h), 3, 8);
  n_ticks = shore_report_nice_ticks (min, max, max_ticks, ticks);
  for (guint i = 0; i < n_ticks; i++)
    {
      g_autofree char *text = shore_chart_format_tick (ticks[i]);

      label_w = MAX (label_w, text_width (d, text, d->small_font));
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
  LegendEntry entries[2];
  guint n_entries, n_rows;
  CategoryMetrics m;
  Columns c;
  gint64 total, scale_max = 0;
  double pitch;
  Drawing d = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (items != NULL || n_items == 0);
  g_return_if_fail (options != NULL);

  if (!style_is_drawable (style))
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, 0, 0, style->width, style->height);
  cairo_clip (cr);
  drawing_init (&d, cr, style);
  set_rgb (cr, &d.bg, 1.0);
  cairo_paint (cr);

  rows = make_rows (items, n_items, options, &n_rows, &total);
  for (guint r = 0; r < n_rows; r++)
    scale_max = MAX (scale_max, MAX (rows[r].amount, rows[r].budget));

  measure_categories (&d, style, options, &m);
  if (total == 0)
    {
      draw_empty (&d, style, options->empty_text);
    }
  else if (style->width >= 8 * m.pad && style->height >= m.pad + m.text_h)
    {
      n_entries = legend_entries_for_categories (options, entries);
      draw_legend (&d, entries, n_entries, m.pad, m.pad, style->width - 2 * m.pad, FALSE);
      plan_columns (&d, style, &m, rows, n_rows, &c);

      pitch = MIN (m.pitch, (style->height - m.pad - m.legend_bottom + m.row_gap) / n_rows);
      for (guint r = 0; r < n_rows; r++)
        draw_category_row (&d, &m, &c, &rows[r], total, scale_max, m.legend_bottom + r * pitch);
    }

  drawing_clear (&d);
  cairo_restore (cr);
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
  Drawing d = { 0 };
  cairo_t *cr;
  double height;

  g_return_val_if_fail (style != NULL, 0);
  g_return_val_if_fail (options != NULL, 0);

  cr = create_measuring_context ();
  drawing_init (&d, cr, style);
  measure_categories (&d, style, options, &m);
  height = ceil (categories_height (&m, count_rows (n_items, options)));
  drawing_clear (&d);
  cairo_destroy (cr);

  return height;
}

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
  Drawing d = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (months != NULL || n_months == 0);
  g_return_if_fail (options != NULL);

  if (!style_is_drawable (style))
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, 0, 0, style->width, style->height);
  cairo_clip (cr);
  drawing_init (&d, cr, style);
  set_rgb (cr, &d.bg, 1.0);
  cairo_paint (cr);

  if (n_months == 0)
    draw_empty (&d, style, options->empty_text);
  else
    draw_trend_contents (&d, style, months, n_months, options);

  drawing_clear (&d);
  cairo_restore (cr);
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
  LegendEntry entries[4];
  guint n_entries;
  Drawing d = { 0 };
  cairo_t *cr;
  double pad, top, height;

  g_return_val_if_fail (style != NULL, 0);
  g_return_val_if_fail (options != NULL, 0);

  cr = create_measuring_context ();
  drawing_init (&d, cr, style);
  pad = PADDING * d.u;
  n_entries = legend_entries_for_trend (options, entries);
  top = draw_legend (&d, entries, n_entries, pad, pad, style->width - 2 * pad, TRUE);
  height = ceil (top + TREND_PLOT_HEIGHT * d.u + text_height (&d, d.small_font) * 1.5
                 + SPACING * d.u + pad);
  drawing_clear (&d);
  cairo_destroy (cr);

  return height;
}

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
