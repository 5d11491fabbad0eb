/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-chart"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "../shore-money.h"

#include "shore-chart-private.h"

/* Layout constants, in user units at font scale 1 (pixels on screen). */
#define FONT_SIZE         12.0
#define SMALL_FONT_SIZE   11.0
#define TITLE_FONT_SIZE   14.0
#define PADDING           12.0
#define SPACING            6.0
#define SWATCH_WIDTH      18.0
#define SWATCH_HEIGHT     12.0
#define HATCH_SPACING      5.0
#define MAX_MARKER_ROWS    4
#define MARKER_LABEL_MAX 160.0
#define SHORT_SPAN_DAYS   62

typedef struct
{
  char   *label;
  gint64 *values;
} Series;

typedef struct
{
  guint    day;
  char    *label;
  gboolean emphasize;
} Marker;

/* A line drawn over the stacked areas (a scenario), not stacked. */
typedef struct
{
  char    *label;
  gint64  *values;
  gboolean dashed;
} Line;

struct _ShoreChart
{
  guint               n_points;
  GDate               start;
  char               *title;
  char               *axis_title;
  GPtrArray          *series;    /* of Series */
  GPtrArray          *lines;     /* of Line */
  GArray             *markers;   /* of Marker */
  ShoreChartGeometry  geometry;
  gboolean            has_geometry;
};

typedef ShoreChartRgb Rgb;

typedef enum {
  HATCH_NONE,
  HATCH_UP,
  HATCH_DOWN,
  HATCH_CROSS,
  HATCH_HORIZONTAL,
  HATCH_VERTICAL,
  HATCH_DOTS,
} Hatch;

typedef struct
{
  double gray;     /* the fill */
  Hatch  hatch;
  double ink;      /* the gray of the hatch lines */
} PrintFill;

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* GNOME palette: blue, green, orange, red, purple, yellow, brown, dark */
static const Rgb screen_fills[] = {
  RGB (0x3584e4), RGB (0x33d17a), RGB (0xff7800), RGB (0xe01b24),
  RGB (0x9141ac), RGB (0xf6d32d), RGB (0x986a44), RGB (0x5e5c64),
};
static const Rgb outlines_light[] = {
  RGB (0x1a5fb4), RGB (0x26a269), RGB (0xc64600), RGB (0xa51d2d),
  RGB (0x613583), RGB (0xe5a50a), RGB (0x63452c), RGB (0x241f31),
};
static const Rgb outlines_dark[] = {
  RGB (0x99c1f1), RGB (0x8ff0a4), RGB (0xffbe6f), RGB (0xf66151),
  RGB (0xdc8add), RGB (0xf9f06b), RGB (0xcdab8f), RGB (0xc0bfbc),
};

/* Neighbours always differ in both gray level and texture, so the layers stay
 * apart on a black-and-white photocopy; every layer also gets a black outline. */
static const PrintFill print_fills[] = {
  { 0.85, HATCH_NONE,       0.0 },
  { 1.00, HATCH_UP,         0.0 },
  { 0.55, HATCH_NONE,       0.0 },
  { 1.00, HATCH_CROSS,      0.0 },
  { 0.35, HATCH_HORIZONTAL, 1.0 },
  { 1.00, HATCH_DOWN,       0.0 },
  { 0.80, HATCH_VERTICAL,   0.0 },
  { 1.00, HATCH_DOTS,       0.0 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (screen_fills) == G_N_ELEMENTS (outlines_light));
G_STATIC_ASSERT (G_N_ELEMENTS (screen_fills) == G_N_ELEMENTS (outlines_dark));
G_STATIC_ASSERT (G_N_ELEMENTS (screen_fills) == G_N_ELEMENTS (print_fills));

typedef ShoreChartDrawing Drawing;

/* The plot rectangle and its scales. */
typedef struct
{
  double x, y, w, h;
  guint  n;
  gint64 y_max;
} Frame;

typedef struct
{
  guint  day;
  char  *label;
} XTick;

typedef struct
{
  const Marker *marker;
  double        x;
  PangoLayout  *layout;   /* NULL when the label did not fit anywhere */
  double        left, right;
  int           row;      /* -1: no label */
} Placed;

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->label);
  g_free (series->values);
  g_free (series);
}

static void
line_free (gpointer data)
{
  Line *line = data;

  g_free (line->label);
  g_free (line->values);
  g_free (line);
}

static void
marker_clear (gpointer data)
{
  Marker *marker = data;

  g_free (marker->label);
}

/* Helpers: colours and text */

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

static char *
normalize_language (const char *tag)
{
  char *norm;

  if (tag == NULL || *tag == '\0')
    tag = pango_language_to_string (pango_language_get_default ());

  norm = g_ascii_strdown (tag, -1);
  g_strdelimit (norm, "_", '-');
  /* "zh-cn.utf-8" and "zh-tw@xyz" come straight from locale names */
  norm[strcspn (norm, ".@")] = '\0';

  return norm;
}

static const char *
family_for_language (const char *norm)
{
  if (g_str_has_prefix (norm, "zh"))
    {
      if (strstr (norm, "tw") || strstr (norm, "hk") || strstr (norm, "mo") || strstr (norm, "hant"))
        return "Noto Sans CJK TC, Sans";
      return "Noto Sans CJK SC, Sans";
    }

  return "Cantarell, Noto Sans, Sans";
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

/* shore_chart_drawing_init:
 * @d: the state to set up
 * @cr: where to draw
 * @style: how to draw
 * @bold_size: the size of @d's bold font at font scale 1
 *
 * Sets @d up for @style: fonts in its language and scale, white or dark
 * gray behind the text on screen, black on white with gray antialiasing in
 * print. shore_chart_drawing_clear() frees what it holds. */
void
shore_chart_drawing_init (ShoreChartDrawing     *d,
                          cairo_t               *cr,
                          const ShoreChartStyle *style,
                          double                 bold_size)
{
  static const Rgb white = RGB (0xffffff);
  static const Rgb black = RGB (0x000000);
  static const Rgb dark_bg = RGB (0x1e1e1e);
  static const Rgb light_fg = RGB (0x333333);
  g_autofree char *lang = normalize_language (style->language);
  const char *family = family_for_language (lang);
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
  d->bold_font = make_font (family, bold_size * scale, PANGO_WEIGHT_BOLD);
  d->title_font = make_font (family, TITLE_FONT_SIZE * scale, PANGO_WEIGHT_BOLD);
}

void
shore_chart_drawing_clear (ShoreChartDrawing *d)
{
  g_clear_object (&d->pango);
  g_clear_pointer (&d->font, pango_font_description_free);
  g_clear_pointer (&d->small_font, pango_font_description_free);
  g_clear_pointer (&d->bold_font, pango_font_description_free);
  g_clear_pointer (&d->title_font, pango_font_description_free);
}

static PangoLayout *
make_layout (Drawing                    *d,
             const char                 *text,
             const PangoFontDescription *font)
{
  PangoLayout *layout = pango_layout_new (d->pango);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

void
shore_chart_layout_size (PangoLayout *layout,
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

void
shore_chart_limit_width (PangoLayout *layout,
                         double       width)
{
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
}

void
shore_chart_show_layout (ShoreChartDrawing *d,
                         PangoLayout       *layout,
                         double             x,
                         double             y)
{
  cairo_move_to (d->cr, x, y);
  pango_cairo_show_layout (d->cr, layout);
}

static double
text_height (Drawing                    *d,
             const PangoFontDescription *font)
{
  g_autoptr(PangoLayout) layout = make_layout (d, "0", font);
  double h;

  shore_chart_layout_size (layout, NULL, &h);
  return h;
}

/* Helpers: fills and hatching */

static void
draw_hatch (Drawing *d,
            Hatch    hatch,
            double   ink)
{
  cairo_t *cr = d->cr;
  double s = HATCH_SPACING * d->u;
  double cx1, cy1, cx2, cy2, h, x, y;

  cairo_clip_extents (cr, &cx1, &cy1, &cx2, &cy2);
  h = cy2 - cy1;
  set_gray (cr, ink);
  cairo_set_line_width (cr, 0.7 * d->u);
  cairo_set_dash (cr, NULL, 0, 0);

  switch (hatch)
    {
    case HATCH_NONE:
      return;

    case HATCH_UP:
    case HATCH_DOWN:
    case HATCH_CROSS:
      /* Anchored to a global grid so neighbouring shapes line up. */
      for (x = floor ((cx1 - h) / s) * s; x <= cx2; x += s)
        {
          if (hatch != HATCH_DOWN)
            {
              cairo_move_to (cr, x, cy2);
              cairo_line_to (cr, x + h, cy1);
            }
          if (hatch != HATCH_UP)
            {
              cairo_move_to (cr, x, cy1);
              cairo_line_to (cr, x + h, cy2);
            }
        }
      cairo_stroke (cr);
      break;

    case HATCH_HORIZONTAL:
      for (y = floor (cy1 / s) * s; y <= cy2; y += s)
        {
          cairo_move_to (cr, cx1, y);
          cairo_line_to (cr, cx2, y);
        }
      cairo_stroke (cr);
      break;

    case HATCH_VERTICAL:
      for (x = floor (cx1 / s) * s; x <= cx2; x += s)
        {
          cairo_move_to (cr, x, cy1);
          cairo_line_to (cr, x, cy2);
        }
      cairo_stroke (cr);
      break;

    case HATCH_DOTS:
      for (y = floor (cy1 / s) * s; y <= cy2; y += s)
        for (x = floor (cx1 / s) * s; x <= cx2; x += s)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, x, y, 0.8 * d->u, 0, 2 * G_PI);
          }
      cairo_fill (cr);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Fills the current path (and consumes it) the way series @k is filled. */
static void
fill_series (Drawing *d,
             guint    k)
{
  cairo_t *cr = d->cr;
  guint i = k % G_N_ELEMENTS (screen_fills);

  if (!d->print)
    {
      set_rgb (cr, &screen_fills[i], 1.0);
      cairo_fill (cr);
      return;
    }

  set_gray (cr, print_fills[i].gray);
  cairo_fill_preserve (cr);
  cairo_save (cr);
  cairo_clip (cr);
  draw_hatch (d, print_fills[i].hatch, print_fills[i].ink);
  cairo_restore (cr);
  cairo_new_path (cr);
}

static void
set_outline_source (Drawing *d,
                    guint    k)
{
  guint i = k % G_N_ELEMENTS (screen_fills);

  if (d->print)
    set_gray (d->cr, 0.0);
  else
    set_rgb (d->cr, d->dark ? &outlines_dark[i] : &outlines_light[i], 1.0);
}

/* Data */

static gint64 *
stack_series (ShoreChart *self,
              gint64     *out_max)
{
  guint n = self->n_points;
  guint n_series = self->series->len;
  gint64 *sums = g_new0 (gint64, (gsize) n * MAX (n_series, 1));
  gint64 max = 0;

  for (guint i = 0; i < n; i++)
    {
      gint64 acc = 0;

      for (guint s = 0; s < n_series; s++)
        {
          const Series *series = g_ptr_array_index (self->series, s);
          gint64 v = MAX (series->values[i], 0);

          if (!shore_money_add (acc, v, &acc) || acc > SHORE_CHART_MAX_FEN)
            acc = SHORE_CHART_MAX_FEN;
          sums[(gsize) s * n + i] = acc;
        }
      max = MAX (max, acc);
      for (guint l = 0; l < self->lines->len; l++)
        {
          const Line *line = g_ptr_array_index (self->lines, l);

          max = MAX (max, MIN (line->values[i], SHORE_CHART_MAX_FEN));
        }
    }

  *out_max = max;
  return sums;
}

static char *
format_tick (gint64 fen)
{
  char *text = shore_money_format (fen);

  /* Ticks are whole yuan: "¥12,000" reads better than "¥12,000.00". */
  if (g_str_has_suffix (text, ".00"))
    text[strlen (text) - 3] = '\0';

  return text;
}

static double
day_x (const Frame *f,
       guint        day)
{
  if (f->n <= 1)
    return f->x + f->w / 2;
  return f->x + (double) day * f->w / (double) (f->n - 1);
}

static double
value_y (const Frame *f,
         gint64       fen)
{
  return f->y + f->h - (double) fen / (double) f->y_max * f->h;
}

/* Adds a line through @values (NULL: the baseline) to the current path. */
static void
trace (Drawing      *d,
       const Frame  *f,
       const gint64 *values,
       gboolean      reverse,
       gboolean      start)
{
  guint n = f->n;

  if (n == 1)
    {
      double y = value_y (f, values ? values[0] : 0);
      double xa = reverse ? f->x + f->w : f->x;
      double xb = reverse ? f->x : f->x + f->w;

      if (start)
        cairo_move_to (d->cr, xa, y);
      else
        cairo_line_to (d->cr, xa, y);
      cairo_line_to (d->cr, xb, y);
      return;
    }

  for (guint j = 0; j < n; j++)
    {
      guint i = reverse ? n - 1 - j : j;
      double x = day_x (f, i);
      double y = value_y (f, values ? values[i] : 0);

      if (j == 0 && start)
        cairo_move_to (d->cr, x, y);
      else
        cairo_line_to (d->cr, x, y);
    }
}

/* Sections of the drawing, top to bottom */

static double
draw_title (Drawing    *d,
            const char *title,
            double      x,
            double      y,
            double      width)
{
  g_autoptr(PangoLayout) layout = NULL;
  double h;

  if (title == NULL || *title == '\0')
    return y;

  layout = make_layout (d, title, d->title_font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  shore_chart_layout_size (layout, NULL, &h);
  set_rgb (d->cr, &d->fg, 1.0);
  shore_chart_show_layout (d, layout, x, y);

  return y + h + SPACING * d->u;
}

static void
draw_swatch (Drawing *d,
             guint    k,
             double   x,
             double   y)
{
  double w = SWATCH_WIDTH * d->u, h = SWATCH_HEIGHT * d->u;

  cairo_rectangle (d->cr, x, y, w, h);
  fill_series (d, k);
  cairo_rectangle (d->cr, x + 0.5 * d->u, y + 0.5 * d->u, w - d->u, h - d->u);
  cairo_set_line_width (d->cr, d->u);
  if (d->print)
    set_gray (d->cr, 0.0);
  else
    set_outline_source (d, k);
  cairo_stroke (d->cr);
}

/* Strokes the current path as line @k: on screen a contrasting colour over a
 * halo of the background, dashed or solid; in print black, dashed or dotted. */
static void
stroke_line (Drawing *d,
             guint    k,
             gboolean dashed)
{
  cairo_t *cr = d->cr;
  double u = d->u;
  double dash[2];

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (!d->print)
    {
      /* the halo keeps the line readable over any fill */
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_width (cr, 5.5 * u);
      if (d->dark)
        cairo_set_source_rgba (cr, 0, 0, 0, 0.85);
      else
        cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_stroke_preserve (cr);
    }

  if (d->print)
    {
      set_gray (cr, 0.0);
      cairo_set_line_width (cr, 2.0 * u);
      if (dashed)
        {
          dash[0] = 7 * u;
          dash[1] = 4 * u;
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
        }
      else
        {
          dash[0] = 0;
          dash[1] = 4 * u;
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        }
      cairo_set_dash (cr, dash, 2, 0);
    }
  else
    {
      static const Rgb light[] = { RGB (0x241f31), RGB (0x813d9c) };
      static const Rgb dark[] = { RGB (0xffffff), RGB (0xf9f06b) };

      set_rgb (cr, d->dark ? &dark[k % 2] : &light[k % 2], 1.0);
      cairo_set_line_width (cr, 2.5 * u);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      if (dashed)
        {
          dash[0] = 8 * u;
          dash[1] = 4 * u;
          cairo_set_dash (cr, dash, 2, 0);
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_line_swatch (Drawing *d,
                  guint    k,
                  gboolean dashed,
                  double   x,
                  double   y)
{
  double w = SWATCH_WIDTH * d->u, h = SWATCH_HEIGHT * d->u;

  cairo_move_to (d->cr, x, y + h / 2);
  cairo_line_to (d->cr, x + w, y + h / 2);
  stroke_line (d, k, dashed);
}

/* A legend that wraps: swatch (fill and texture) + label for each series,
 * then a line swatch + label for each line. */
static double
draw_legend (ShoreChart *self,
             Drawing    *d,
             double      x0,
             double      y,
             double      width)
{
  double line_h = MAX (text_height (d, d->font), SWATCH_HEIGHT * d->u);
  double gap = 2 * PADDING * d->u;
  double x = x0;

  if (self->series->len == 0 && self->lines->len == 0)
    return y;

  for (guint k = 0; k < self->series->len + self->lines->len; k++)
    {
      gboolean is_line = k >= self->series->len;
      const Line *line = is_line ? g_ptr_array_index (self->lines, k - self->series->len) : NULL;
      const Series *series = is_line ? NULL : g_ptr_array_index (self->series, k);
      g_autoptr(PangoLayout) layout = make_layout (d, is_line ? line->label : series->label, d->font);
      double swatch = (SWATCH_WIDTH + SPACING) * d->u;
      double w, h;

      shore_chart_limit_width (layout, width - swatch);
      shore_chart_layout_size (layout, &w, &h);
      if (x > x0 && x + swatch + w > x0 + width)
        {
          x = x0;
          y += line_h + SPACING * d->u;
        }
      if (is_line)
        draw_line_swatch (d, k - self->series->len, line->dashed, x, y + (line_h - SWATCH_HEIGHT * d->u) / 2);
      else
        draw_swatch (d, k, x, y + (line_h - SWATCH_HEIGHT * d->u) / 2);
      set_rgb (d->cr, &d->fg, 1.0);
      shore_chart_show_layout (d, layout, x + swatch, y + (line_h - h) / 2);
      x += swatch + w + gap;
    }

  return y + line_h + SPACING * d->u;
}

/* How many marker lines would cross a label at @row from @left to @right,
 * counting this marker's line through lower labels too; -1 when it would
 * overlap another label. */
static int
count_crossings (const Placed *done,
                 guint         n_done,
                 double        x,
                 int           row,
                 double        left,
                 double        right,
                 double        gap,
                 double        clearance)
{
  int crossings = 0;

  for (guint i = 0; i < n_done; i++)
    {
      const Placed *q = &done[i];

      if (q->row < 0)
        continue;
      /* two labels in one row */
      if (q->row == row && left < q->right + gap && q->left < right + gap)
        return -1;
      /* a higher marker's line would run behind this label */
      if (q->row > row && q->x > left - clearance && q->x < right + clearance)
        crossings++;
      /* this marker's line would run behind a lower label */
      if (q->row < row && x > q->left - clearance && x < q->right + clearance)
        crossings++;
    }

  return crossings;
}

/* Puts @p's label where it overlaps no other label and hides the fewest
 * marker lines (labels are drawn on a background box, so a line that must
 * pass behind one is interrupted, not overprinted): the lowest row, right
 * of the line before left of it, a label on the left would hide the
 * markers still to come, which all lie further left. */
static gboolean
place_marker (Placed       *p,
              const Placed *done,
              guint         n_done,
              int           max_rows,
              double        min_x,
              double        max_x,
              double        pad)
{
  int best = G_MAXINT;
  double w;

  shore_chart_layout_size (p->layout, &w, NULL);
  for (int side = 0; side < 2 && best > 0; side++)
    for (int row = 0; row < max_rows && best > 0; row++)
      {
        double left = side == 0 ? p->x + pad : p->x - pad - w;
        double right = left + w;
        int crossings;

        if (left < min_x || right > max_x)
          continue;
        crossings = count_crossings (done, n_done, p->x, row, left, right, 2 * pad, pad / 3);
        if (crossings < 0 || crossings >= best)
          continue;

        best = crossings;
        p->row = row;
        p->left = left;
        p->right = right;
      }

  return best < G_MAXINT;
}

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *pa = a, *pb = b;

  /* "today" first so it gets the row next to the plot, then right to left */
  if (pa->marker->emphasize != pb->marker->emphasize)
    return pa->marker->emphasize ? -1 : 1;
  if (pa->x != pb->x)
    return pa->x > pb->x ? -1 : 1;
  return 0;
}

/* Assigns each marker label a row above the plot (0 = nearest) so that no
 * two labels overlap and no marker line crosses a label; labels that fit
 * nowhere are shortened with an ellipsis, or left out (the line stays).
 * Returns the number of rows used. */
static int
place_markers (ShoreChart  *self,
               Drawing     *d,
               const Frame *f,
               int          max_rows,
               double       max_x,
               Placed      *placed)
{
  static const double shrink[] = { 1.0, 0.75, 0.5, 0.33 };
  double pad = 3 * d->u;
  int rows = 0;

  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *m = &g_array_index (self->markers, Marker, i);

      placed[i].marker = m;
      placed[i].x = day_x (f, m->day);
      placed[i].row = -1;
    }
  if (self->markers->len > 1)
    qsort (placed, self->markers->len, sizeof (Placed), compare_placed);

  for (guint i = 0; i < self->markers->len; i++)
    {
      Placed *p = &placed[i];
      const char *label = p->marker->label;
      double full_w;

      if (label == NULL || *label == '\0')
        continue;

      p->layout = make_layout (d, label, p->marker->emphasize ? d->bold_font : d->small_font);
      shore_chart_layout_size (p->layout, &full_w, NULL);
      if (full_w > MARKER_LABEL_MAX * d->u)
        {
          shore_chart_limit_width (p->layout, MARKER_LABEL_MAX * d->u);
          shore_chart_layout_size (p->layout, &full_w, NULL);
        }

      for (guint s = 0; s < G_N_ELEMENTS (shrink) && p->row < 0; s++)
        {
          if (s > 0)
            {
              double w = full_w * shrink[s];

              if (w < 2 * SMALL_FONT_SIZE * d->u)
                break;
              shore_chart_limit_width (p->layout, w);
            }
          place_marker (p, placed, i, max_rows, f->x, max_x, pad);
        }

      if (p->row < 0)
        g_clear_object (&p->layout);
      else
        rows = MAX (rows, p->row + 1);
    }

  return rows;
}

static void
draw_markers (Drawing     *d,
              const Frame *f,
              Placed      *placed,
              guint        n_placed,
              double       band_bottom,
              double       row_h)
{
  cairo_t *cr = d->cr;
  double dash[] = { 4 * d->u, 3 * d->u };

  for (guint i = 0; i < n_placed; i++)
    {
      const Placed *p = &placed[i];
      gboolean strong = p->marker->emphasize;
      double width = (strong ? 2.0 : 1.0) * d->u;
      double x = floor (p->x) + 0.5;
      double top = p->row >= 0 ? band_bottom - (p->row + 1) * row_h : f->y;
      double bottom = f->y + f->h;

      /* A halo keeps the line visible on any fill. */
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, width + 2 * d->u);
      set_rgb (cr, &d->bg, 0.7);
      cairo_move_to (cr, x, f->y);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);

      cairo_set_line_width (cr, width);
      if (!strong)
        cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      set_rgb (cr, &d->fg, strong ? 1.0 : 0.85);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, bottom);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* Labels last, each on a box of background: a line that had to pass
   * behind one is interrupted rather than drawn through the text. */
  for (guint i = 0; i < n_placed; i++)
    {
      const Placed *p = &placed[i];
      double top;

      if (p->layout == NULL)
        continue;

      top = band_bottom - (p->row + 1) * row_h;
      cairo_rectangle (cr, p->left - d->u, top, p->right - p->left + 2 * d->u, row_h);
      set_rgb (cr, &d->bg, 1.0);
      cairo_fill (cr);
      set_rgb (cr, &d->fg, 1.0);
      shore_chart_show_layout (d, p->layout, p->left, top + d->u);
    }
}

static void
draw_y_axis (Drawing      *d,
             const Frame  *f,
             const gint64 *ticks,
             guint         n_ticks)
{
  cairo_t *cr = d->cr;

  cairo_set_line_width (cr, d->u);
  for (guint i = 0; i < n_ticks; i++)
    {
      double y = floor (value_y (f, ticks[i])) + 0.5;
      g_autofree char *text = format_tick (ticks[i]);
      g_autoptr(PangoLayout) layout = make_layout (d, text, d->small_font);
      double w, h;

      if (d->print)
        set_gray (cr, 0.75);
      else
        set_rgb (cr, &d->fg, 0.15);
      cairo_move_to (cr, f->x, y);
      cairo_line_to (cr, f->x + f->w, y);
      cairo_stroke (cr);

      shore_chart_layout_size (layout, &w, &h);
      set_rgb (cr, &d->fg, d->print ? 1.0 : 0.8);
      shore_chart_show_layout (d, layout, f->x - SPACING * d->u - w, y - h / 2);
    }
}

static void
draw_areas (ShoreChart   *self,
            Drawing      *d,
            const Frame  *f,
            const gint64 *sums)
{
  cairo_t *cr = d->cr;
  guint n = f->n;

  for (guint s = 0; s < self->series->len; s++)
    {
      trace (d, f, sums + (gsize) s * n, FALSE, TRUE);
      trace (d, f, s > 0 ? sums + (gsize) (s - 1) * n : NULL, TRUE, FALSE);
      cairo_close_path (cr);
      fill_series (d, s);
    }

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, (d->print ? 1.0 : 1.5) * d->u);
  for (guint s = 0; s < self->series->len; s++)
    {
      const Series *series = g_ptr_array_index (self->series, s);
      gboolean any = FALSE;

      /* An all-zero layer would only paint over the one below. */
      for (guint i = 0; i < n && !any; i++)
        any = series->values[i] > 0;
      if (!any)
        continue;

      trace (d, f, sums + (gsize) s * n, FALSE, TRUE);
      set_outline_source (d, s);
      cairo_stroke (cr);
    }
}

static void
draw_lines (ShoreChart  *self,
            Drawing     *d,
            const Frame *f)
{
  g_autofree gint64 *clamped = g_new0 (gint64, MAX (f->n, 1));

  cairo_save (d->cr);
  cairo_rectangle (d->cr, f->x - 3 * d->u, f->y - 3 * d->u, f->w + 6 * d->u, f->h + 6 * d->u);
  cairo_clip (d->cr);
  for (guint l = 0; l < self->lines->len; l++)
    {
      const Line *line = g_ptr_array_index (self->lines, l);

      for (guint i = 0; i < f->n; i++)
        clamped[i] = CLAMP (line->values[i], 0, f->y_max);
      trace (d, f, clamped, FALSE, TRUE);
      stroke_line (d, l, line->dashed);
    }
  cairo_restore (d->cr);
}

static void
draw_frame (Drawing     *d,
            const Frame *f)
{
  cairo_t *cr = d->cr;
  double x = floor (f->x) + 0.5, y = floor (f->y) + 0.5;
  double r = floor (f->x + f->w) + 0.5, b = floor (f->y + f->h) + 0.5;

  cairo_set_line_width (cr, d->u);
  if (d->print)
    set_gray (cr, 0.6);
  else
    set_rgb (cr, &d->fg, 0.3);
  cairo_rectangle (cr, x, y, r - x, b - y);
  cairo_stroke (cr);

  /* axes stronger than the frame */
  set_rgb (cr, &d->fg, d->print ? 1.0 : 0.7);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x, b);
  cairo_line_to (cr, r, b);
  cairo_stroke (cr);
}

static void
add_x_tick (GArray *ticks,
            guint   day,
            char   *label)
{
  XTick tick = { day, label };

  g_array_append_val (ticks, tick);
}

static guint
pick_step (const guint *steps,
           guint        n_steps,
           double       px_per_step_unit,
           double       min_px)
{
  for (guint i = 0; i < n_steps; i++)
    if (steps[i] * px_per_step_unit >= min_px)
      return steps[i];
  return steps[n_steps - 1];
}

/* Ticks along the days: month starts ("2026-10") over long spans, days
 * ("10-05") over short ones, day numbers when there is no start date. */
static GArray *
make_x_ticks (ShoreChart  *self,
              Drawing     *d,
              const Frame *f)
{
  static const guint number_steps[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 1000000 };
  static const guint day_steps[] = { 1, 2, 3, 7, 14, 28, 56 };
  static const guint month_steps[] = { 1, 2, 3, 6, 12, 24, 60, 120, 600, 1200 };
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (XTick));
  guint n = f->n;
  double ppd = f->w;
  double min_px;
  const char *sample;
  g_autoptr(PangoLayout) layout = NULL;
  double w;

  if (n == 0)
    return ticks;
  if (n > 1)
    ppd = f->w / (n - 1);

  if (!g_date_valid (&self->start))
    sample = n > 10000 ? "0000000" : "00000";
  else if (n - 1 <= SHORT_SPAN_DAYS)
    sample = "00-00";
  else
    sample = "0000-00";
  layout = make_layout (d, sample, d->small_font);
  shore_chart_layout_size (layout, &w, NULL);
  min_px = w + 2 * PADDING * d->u;

  if (!g_date_valid (&self->start))
    {
      guint step = pick_step (number_steps, G_N_ELEMENTS (number_steps), ppd, min_px);

      for (guint day = 0; day < n; day += step)
        {
          add_x_tick (ticks, day, g_strdup_printf ("%u", day));
          if (day > G_MAXUINT - step)
            break;
        }
    }
  else if (n - 1 <= SHORT_SPAN_DAYS)
    {
      guint step = pick_step (day_steps, G_N_ELEMENTS (day_steps), ppd, min_px);

      for (guint day = 0; day < n; day += step)
        {
          GDate date = self->start;

          g_date_add_days (&date, day);
          add_x_tick (ticks, day, g_strdup_printf ("%02d-%02d", g_date_get_month (&date), g_date_get_day (&date)));
        }
    }
  else
    {
      guint step = pick_step (month_steps, G_N_ELEMENTS (month_steps), ppd * 30.44, min_px);
      GDate month;
      guint32 first = g_date_get_julian (&self->start);

      g_date_clear (&month, 1);
      g_date_set_dmy (&month, 1, g_date_get_month (&self->start), g_date_get_year (&self->start));
      if (g_date_get_day (&self->start) != 1)
        g_date_add_months (&month, 1);

      while (g_date_get_julian (&month) - first < n)
        {
          guint month_index = g_date_get_year (&month) * 12u + g_date_get_month (&month) - 1;

          if (month_index % step == 0)
            add_x_tick (ticks, g_date_get_julian (&month) - first,
                        g_strdup_printf ("%04d-%02d", g_date_get_year (&month), g_date_get_month (&month)));
          if (g_date_get_year (&month) >= G_MAXUINT16 - 1)
            break;
          g_date_add_months (&month, 1);
        }
    }

  return ticks;
}

static void
draw_x_axis (ShoreChart  *self,
             Drawing     *d,
             const Frame *f,
             double       min_x,
             double       max_x)
{
  cairo_t *cr = d->cr;
  g_autoptr(GArray) ticks = make_x_ticks (self, d, f);
  double last_right = -G_MAXDOUBLE;
  double bottom = floor (f->y + f->h) + 0.5;

  cairo_set_line_width (cr, d->u);
  for (guint i = 0; i < ticks->len; i++)
    {
      XTick *tick = &g_array_index (ticks, XTick, i);
      double x = floor (day_x (f, tick->day)) + 0.5;
      g_autoptr(PangoLayout) layout = make_layout (d, tick->label, d->small_font);
      double w, left;

      set_rgb (cr, &d->fg, d->print ? 1.0 : 0.7);
      cairo_move_to (cr, x, bottom);
      cairo_line_to (cr, x, bottom + 4 * d->u);
      cairo_stroke (cr);

      shore_chart_layout_size (layout, &w, NULL);
      left = CLAMP (x - w / 2, min_x, max_x - w);
      if (left > last_right + SPACING * d->u)
        {
          set_rgb (cr, &d->fg, d->print ? 1.0 : 0.8);
          shore_chart_show_layout (d, layout, left, bottom + 5 * d->u);
          last_right = left + w;
        }
      g_free (tick->label);
    }
}

static void
draw_contents (ShoreChart            *self,
               Drawing               *d,
               const ShoreChartStyle *style)
{
  g_autofree gint64 *sums = NULL;
  g_autofree Placed *placed = NULL;
  gint64 ticks[SHORE_CHART_MAX_TICKS];
  double pad = PADDING * d->u;
  double x0 = pad, x1 = style->width - pad;
  double y = pad, bottom = style->height - pad;
  double small_h = text_height (d, d->small_font);
  double row_h = small_h + 2 * d->u;
  double x_axis_h = small_h + 5 * d->u;
  double label_w = 0, est_h;
  guint n_ticks, max_ticks;
  int rows, max_rows;
  gint64 max;
  Frame f = { 0 };

  if (x1 - x0 < 4 * pad || bottom - y < 4 * pad)
    return;

  y = draw_title (d, self->title, x0, y, x1 - x0);
  y = draw_legend (self, d, x0, y, x1 - x0);

  if (self->axis_title != NULL && *self->axis_title != '\0')
    {
      g_autoptr(PangoLayout) layout = make_layout (d, self->axis_title, d->small_font);
      double h;

      shore_chart_limit_width (layout, x1 - x0);
      shore_chart_layout_size (layout, NULL, &h);
      set_rgb (d->cr, &d->fg, d->print ? 1.0 : 0.8);
      shore_chart_show_layout (d, layout, x0, y);
      y += h + SPACING * d->u;
    }

  sums = stack_series (self, &max);

  /* Tick count from the height left, guessing one row of marker labels. */
  est_h = bottom - y - x_axis_h - (self->markers->len > 0 ? row_h : 0);
  max_ticks = (guint) CLAMP (est_h / (2.5 * small_h), 2, 8);
  n_ticks = shore_chart_nice_ticks (max, max_ticks, ticks);
  for (guint i = 0; i < n_ticks; i++)
    {
      g_autofree char *text = format_tick (ticks[i]);
      g_autoptr(PangoLayout) layout = make_layout (d, text, d->small_font);
      double w;

      shore_chart_layout_size (layout, &w, NULL);
      label_w = MAX (label_w, w);
    }

  f.n = self->n_points;
  f.y_max = ticks[n_ticks - 1];
  f.x = x0 + label_w + SPACING * d->u;
  f.w = x1 - f.x;

  /* Marker labels may take a third of the height left, in up to 4 rows. */
  placed = g_new0 (Placed, self->markers->len);
  max_rows = (int) CLAMP ((bottom - y - x_axis_h) / 3 / row_h, 1, MAX_MARKER_ROWS);
  if (f.w > pad)
    rows = place_markers (self, d, &f, max_rows, x1, placed);
  else
    rows = 0;
  if (rows > 0)
    y += small_h / 2;   /* room for the top y label */

  f.y = y + rows * row_h;
  f.h = bottom - x_axis_h - f.y;
  if (rows == 0)
    {
      /* the top y label sticks out half a line above the plot */
      f.y += small_h / 2;
      f.h -= small_h / 2;
    }

  if (f.w > pad && f.h > pad)
    {
      draw_y_axis (d, &f, ticks, n_ticks);
      if (f.n > 0)
        draw_areas (self, d, &f, sums);
      draw_frame (d, &f);
      if (f.n > 0)
        draw_lines (self, d, &f);
      draw_x_axis (self, d, &f, x0, x1);
      draw_markers (d, &f, placed, self->markers->len, f.y - 2 * d->u, row_h);

      self->geometry.plot = (cairo_rectangle_t) { f.x, f.y, f.w, f.h };
      self->geometry.y_max_fen = f.y_max;
      self->geometry.n_points = f.n;
      self->has_geometry = TRUE;
    }

  for (guint i = 0; i < self->markers->len; i++)
    g_clear_object (&placed[i].layout);
}

/* Public API */

/**
 * shore_chart_new:
 * @n_points: the number of days; day 0 is the start date
 *
 * Creates an empty chart: no series, no markers, no title.
 *
 * Returns: (transfer full): a new #ShoreChart, free with shore_chart_free()
 */
ShoreChart *
shore_chart_new (guint n_points)
{
  ShoreChart *self = g_new0 (ShoreChart, 1);

  self->n_points = n_points;
  g_date_clear (&self->start, 1);
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->lines = g_ptr_array_new_with_free_func (line_free);
  self->markers = g_array_new (FALSE, TRUE, sizeof (Marker));
  g_array_set_clear_func (self->markers, marker_clear);

  return self;
}

/**
 * shore_chart_free:
 * @self: (nullable): a #ShoreChart
 *
 * Frees @self and everything it holds.
 */
void
shore_chart_free (ShoreChart *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->axis_title);
  g_ptr_array_unref (self->series);
  g_ptr_array_unref (self->lines);
  g_array_unref (self->markers);
  g_free (self);
}

/**
 * shore_chart_get_n_points:
 * @self: a #ShoreChart
 *
 * Returns: the number of days, as given to shore_chart_new()
 */
guint
shore_chart_get_n_points (ShoreChart *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_points;
}

/**
 * shore_chart_get_n_series:
 * @self: a #ShoreChart
 *
 * Returns: the number of series added so far
 */
guint
shore_chart_get_n_series (ShoreChart *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->series->len;
}

/**
 * shore_chart_set_start_date:
 * @self: a #ShoreChart
 * @date: (nullable): the date of day 0, or %NULL (or an invalid date) to
 *   label the x axis with day numbers
 *
 * With a start date, the x axis shows months ("2026-10") over spans longer
 * than two months and days ("10-05") over shorter ones.
 */
void
shore_chart_set_start_date (ShoreChart  *self,
                            const GDate *date)
{
  g_return_if_fail (self != NULL);

  if (date != NULL && g_date_valid (date))
    self->start = *date;
  else
    g_date_clear (&self->start, 1);
}

/**
 * shore_chart_set_title:
 * @self: a #ShoreChart
 * @title: (nullable): a translated title drawn above the chart, or %NULL
 */
void
shore_chart_set_title (ShoreChart *self,
                       const char *title)
{
  g_return_if_fail (self != NULL);

  g_free (self->title);
  self->title = g_strdup (title);
}

/**
 * shore_chart_set_axis_title:
 * @self: a #ShoreChart
 * @title: (nullable): a translated title for the amount axis (e.g. "Amount
 *   owed"), or %NULL
 */
void
shore_chart_set_axis_title (ShoreChart *self,
                            const char *title)
{
  g_return_if_fail (self != NULL);

  g_free (self->axis_title);
  self->axis_title = g_strdup (title);
}

/**
 * shore_chart_add_series:
 * @self: a #ShoreChart
 * @label: the translated name shown in the legend
 * @values_fen: (array): one amount in fen per day, shore_chart_get_n_points()
 *   of them (may be %NULL when there are no points); copied. Negative
 *   amounts count as 0.
 *
 * Adds a layer on top of those added before (so add principal first).
 *
 * Returns: the index of the new series
 */
guint
shore_chart_add_series (ShoreChart   *self,
                        const char   *label,
                        const gint64 *values_fen)
{
  Series *series;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (label != NULL, 0);
  g_return_val_if_fail (values_fen != NULL || self->n_points == 0, 0);

  series = g_new0 (Series, 1);
  series->label = g_strdup (label);
  series->values = g_new0 (gint64, MAX (self->n_points, 1));
  if (self->n_points > 0)
    memcpy (series->values, values_fen, sizeof (gint64) * self->n_points);
  g_ptr_array_add (self->series, series);

  return self->series->len - 1;
}

/**
 * shore_chart_add_line:
 * @self: a #ShoreChart
 * @label: the translated name shown in the legend (with a line swatch)
 * @values_fen: (array): one amount in fen per day, shore_chart_get_n_points()
 *   of them (may be %NULL when there are no points); copied. Negative
 *   amounts draw at 0.
 * @dashed: %TRUE for a dashed line; otherwise solid on screen and dotted in
 *   print
 *
 * Adds a line drawn over the stacked areas, not stacked on them (another
 * scenario, say). On screen it is dark (light on a dark background) with a
 * halo; in print it is black. Lines count in the amount axis' maximum.
 *
 * Returns: the index of the new line
 */
guint
shore_chart_add_line (ShoreChart   *self,
                      const char   *label,
                      const gint64 *values_fen,
                      gboolean      dashed)
{
  Line *line;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (label != NULL, 0);
  g_return_val_if_fail (values_fen != NULL || self->n_points == 0, 0);

  line = g_new0 (Line, 1);
  line->label = g_strdup (label);
  line->dashed = dashed;
  line->values = g_new0 (gint64, MAX (self->n_points, 1));
  if (self->n_points > 0)
    memcpy (line->values, values_fen, sizeof (gint64) * self->n_points);
  g_ptr_array_add (self->lines, line);

  return self->lines->len - 1;
}

/**
 * shore_chart_get_n_lines:
 * @self: a #ShoreChart
 *
 * Returns: the number of lines added so far
 */
guint
shore_chart_get_n_lines (ShoreChart *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->lines->len;
}

/**
 * shore_chart_add_marker:
 * @self: a #ShoreChart
 * @day: the day index, below shore_chart_get_n_points()
 * @label: (nullable): a short translated label
 * @emphasize: %TRUE for "today": a solid, heavier line and a bold label
 *   that gets the place nearest the plot; others are dashed
 *
 * Adds a dated vertical line. Labels are staggered in rows above the plot
 * so that they never overlap; a label that cannot fit is shortened with an
 * ellipsis or, as a last resort, left out.
 */
void
shore_chart_add_marker (ShoreChart *self,
                        guint       day,
                        const char *label,
                        gboolean    emphasize)
{
  Marker marker;

  g_return_if_fail (self != NULL);
  g_return_if_fail (day < self->n_points);

  marker.day = day;
  marker.label = g_strdup (label);
  marker.emphasize = !!emphasize;
  g_array_append_val (self->markers, marker);
}

/**
 * shore_chart_style_init:
 * @style: (out caller-allocates): the style to fill
 * @width: the width in user units
 * @height: the height in user units
 *
 * Sets @style to a light screen style of the given size at font scale 1,
 * in Pango's default language.
 */
void
shore_chart_style_init (ShoreChartStyle *style,
                        double           width,
                        double           height)
{
  g_return_if_fail (style != NULL);

  memset (style, 0, sizeof *style);
  style->width = width;
  style->height = height;
  style->font_scale = 1.0;
}

/**
 * shore_chart_draw:
 * @self: a #ShoreChart
 * @cr: a cairo context; the chart fills the rectangle (0, 0)–(width, height)
 *   of its current user space, so translate or scale first to place it on
 *   a page
 * @style: how to draw
 *
 * Draws the background, title, legend, marker labels, axes, stacked areas
 * and markers. The same call draws on screen and into a PDF; it leaves the
 * state of @cr as it found it (apart from errors cairo records in it).
 */
void
shore_chart_draw (ShoreChart            *self,
                  cairo_t               *cr,
                  const ShoreChartStyle *style)
{
  Drawing d = { 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  self->has_geometry = FALSE;
  if (!(style->width > 0 && style->height > 0)
      || !isfinite (style->width) || !isfinite (style->height))
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  shore_chart_drawing_init (&d, cr, style, SMALL_FONT_SIZE);

  cairo_rectangle (cr, 0, 0, style->width, style->height);
  set_rgb (cr, &d.bg, 1.0);
  cairo_fill (cr);

  draw_contents (self, &d, style);

  shore_chart_drawing_clear (&d);
  cairo_restore (cr);
}

/**
 * shore_chart_get_geometry:
 * @self: a #ShoreChart
 * @out: (out caller-allocates): where the plot went
 *
 * Tells where the last shore_chart_draw() put the plot.
 *
 * Returns: %FALSE if the chart has not been drawn, or was too small for
 *   a plot; @out is then untouched
 */
gboolean
shore_chart_get_geometry (ShoreChart         *self,
                          ShoreChartGeometry *out)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!self->has_geometry)
    return FALSE;

  *out = self->geometry;
  return TRUE;
}

/**
 * shore_chart_nice_ticks:
 * @max_fen: the largest amount to cover; negative counts as 0, more than
 *   %SHORE_CHART_MAX_FEN as %SHORE_CHART_MAX_FEN
 * @max_ticks: the most ticks wanted, at least 2; more than
 *   %SHORE_CHART_MAX_TICKS counts as %SHORE_CHART_MAX_TICKS
 * @out_ticks: (out caller-allocates) (array): room for
 *   MIN (@max_ticks, %SHORE_CHART_MAX_TICKS) amounts
 *
 * Chooses round amounts for the amount axis: 0, then equal steps of 1, 2 or
 * 5 × 10ⁿ yuan (never less than ¥1), the smallest step that covers @max_fen
 * in at most @max_ticks ticks. The last tick is ≥ @max_fen; for 0 the ticks
 * are 0 and ¥1.
 *
 * Returns: the number of ticks written, between 2 and @max_ticks (0 on
 *   bad arguments)
 */
guint
shore_chart_nice_ticks (gint64  max_fen,
                        guint   max_ticks,
                        gint64 *out_ticks)
{
  static const gint64 multiples[] = { 1, 2, 5 };
  gint64 decade = 100;

  g_return_val_if_fail (max_ticks >= 2, 0);
  g_return_val_if_fail (out_ticks != NULL, 0);

  max_ticks = MIN (max_ticks, SHORE_CHART_MAX_TICKS);
  max_fen = CLAMP (max_fen, 0, SHORE_CHART_MAX_FEN);

  /* Ends by 10¹⁸ at the latest: one step then covers any capped amount.
   * No overflow on the way: max_fen + step < 10¹⁸ + 5 × 10¹⁸. */
  for (int exponent = 2; exponent <= 18; exponent++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (multiples); i++)
        {
          gint64 step = decade * multiples[i];
          gint64 intervals = max_fen == 0 ? 1 : (max_fen + step - 1) / step;

          if (intervals + 1 <= (gint64) max_ticks)
            {
              for (gint64 k = 0; k <= intervals; k++)
                out_ticks[k] = k * step;
              return (guint) intervals + 1;
            }
        }
      if (exponent < 18)
        decade *= 10;
    }

  g_assert_not_reached ();
}

/* Private helpers shared with the other charts in render/ */

/* shore_chart_normalize_language:
 * @tag: (nullable): a language tag or locale name; %NULL for Pango's default
 *
 * Returns: (transfer full): the tag in lower case with "-" separators and
 *   no codeset or modifier ("zh_TW.UTF-8" becomes "zh-tw") */
char *
shore_chart_normalize_language (const char *tag)
{
  return normalize_language (tag);
}

/* shore_chart_font_family:
 * @normalized: a tag from shore_chart_normalize_language()
 *
 * Returns: the font families for Pango: Noto Sans CJK TC for traditional
 *   Chinese, SC for simplified, Cantarell otherwise */
const char *
shore_chart_font_family (const char *normalized)
{
  g_return_val_if_fail (normalized != NULL, NULL);

  return family_for_language (normalized);
}

/* shore_chart_format_tick:
 * @fen: an amount
 *
 * Returns: (transfer full): the amount as an axis label: "¥12,000" for whole
 *   yuan, "¥12.50" otherwise */
char *
shore_chart_format_tick (gint64 fen)
{
  return format_tick (fen);
}
