/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "shore-chart.h"
#include "shore-test-chart.h"

#define WIDTH  800
#define HEIGHT 400

#define LIGHT_BG   0xffffffu
#define DARK_BG    0x1e1e1eu
#define PRINCIPAL  0x3584e4u
#define INTEREST   0x33d17au

/* Nice ticks */

typedef struct
{
  const char *name;
  gint64      max_fen;
  guint       max_ticks;
  guint       n_expected;
  gint64      last_expected;
} TicksCase;

static const TicksCase ticks_cases[] = {
  { "zero",          0,                                    6,   2, 100 },
  { "one-fen",       1,                                    6,   2, 100 },
  { "99-fen",        99,                                   6,   2, 100 },
  { "12345-fen",     12345,                                6,   4, 15000 },
  { "1e6",           1000000,                              6,   6, 1000000 },
  { "1e6-eleven",    1000000,                              11, 11, 1000000 },
  { "1e12",          G_GINT64_CONSTANT (1000000000000),    6,   6, G_GINT64_CONSTANT (1000000000000) },
  { "1e12-two",      G_GINT64_CONSTANT (1000000000000),    2,   2, G_GINT64_CONSTANT (1000000000000) },
  { "1e15",          G_GINT64_CONSTANT (1000000000000000), 7,   6, G_GINT64_CONSTANT (1000000000000000) },
  { "cap",           SHORE_CHART_MAX_FEN,                  8,   6, SHORE_CHART_MAX_FEN },
  { "maxint64",      G_MAXINT64,                           5,   3, SHORE_CHART_MAX_FEN },
  { "negative",      -5,                                   4,   2, 100 },
  { "12345-two",     12345,                                2,   2, 20000 },
  { "many-clamped",  12345,                                100, 26, 12500 },
};

static gboolean
is_nice_step (gint64 step)
{
  if (step < 100)
    return FALSE;
  while (step % 10 == 0)
    step /= 10;
  return step == 1 || step == 2 || step == 5;
}

static gint64
smaller_nice_step (gint64 step)
{
  gint64 decade = 1;

  while (step / decade >= 10)
    decade *= 10;
  switch (step / decade)
    {
    case 1: return decade / 2;
    case 2: return decade;
    default: return 2 * decade;
    }
}

static void
test_nice_ticks (gconstpointer data)
{
  const TicksCase *c = data;
  gint64 ticks[SHORE_CHART_MAX_TICKS];
  gint64 covered = CLAMP (c->max_fen, 0, SHORE_CHART_MAX_FEN);
  guint limit = MIN (c->max_ticks, SHORE_CHART_MAX_TICKS);
  guint n;
  gint64 step;

  memset (ticks, 0xab, sizeof ticks);
  n = shore_chart_nice_ticks (c->max_fen, c->max_ticks, ticks);

  g_assert_cmpuint (n, ==, c->n_expected);
  g_assert_cmpint (ticks[n - 1], ==, c->last_expected);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpuint (n, <=, limit);
  g_assert_cmpint (ticks[0], ==, 0);
  g_assert_cmpint (ticks[n - 1], >=, covered);

  step = ticks[1] - ticks[0];
  g_assert_true (is_nice_step (step));
  for (guint i = 1; i < n; i++)
    {
      g_assert_cmpint (ticks[i], >, ticks[i - 1]);
      g_assert_cmpint (ticks[i] - ticks[i - 1], ==, step);
    }
  /* the last tick is needed: the one before does not cover yet */
  if (covered > 0)
    g_assert_cmpint (ticks[n - 2], <, covered);
  /* minimal: the next smaller nice step would need too many ticks */
  if (step > 100)
    {
      gint64 smaller = smaller_nice_step (step);
      gint64 intervals = covered == 0 ? 1 : (covered + smaller - 1) / smaller;

      g_assert_cmpint (intervals + 1, >, (gint64) limit);
    }
}

static void
test_nice_ticks_sweep (void)
{
  gint64 ticks[SHORE_CHART_MAX_TICKS];
  gint64 max = 1;

  /* every magnitude, every limit: monotonic, covering, within the limit */
  for (int e = 0; e < 19; e++, max = e < 19 ? max * 10 : max)
    for (gint64 f = 1; f <= 9; f += 4)
      for (guint limit = 2; limit <= SHORE_CHART_MAX_TICKS; limit++)
        {
          gint64 value = max <= SHORE_CHART_MAX_FEN / f ? max * f : SHORE_CHART_MAX_FEN;
          guint n = shore_chart_nice_ticks (value, limit, ticks);

          g_assert_cmpuint (n, >=, 2);
          g_assert_cmpuint (n, <=, limit);
          g_assert_cmpint (ticks[n - 1], >=, value);
          for (guint i = 1; i < n; i++)
            g_assert_cmpint (ticks[i], >, ticks[i - 1]);
        }
}

static void
test_nice_ticks_bad_args (void)
{
  gint64 ticks[SHORE_CHART_MAX_TICKS];

  g_test_expect_message ("shore-chart", G_LOG_LEVEL_CRITICAL, "*max_ticks >= 2*");
  g_assert_cmpuint (shore_chart_nice_ticks (100, 1, ticks), ==, 0);
  g_test_assert_expected_messages ();
}

/* Fixtures */

typedef enum {
  FIXTURE_EMPTY,
  FIXTURE_NO_POINTS,
  FIXTURE_ALL_ZERO,
  FIXTURE_ONE_SERIES,
  FIXTURE_FIVE_SERIES,
  FIXTURE_CLOSE_MARKERS,
  FIXTURE_HUGE,
  FIXTURE_SINGLE_POINT,
  FIXTURE_SHORT_SPAN,
  FIXTURE_NO_DATE,
  FIXTURE_LONG_LABELS,
  FIXTURE_NEGATIVE,
} Fixture;

typedef struct
{
  const char *name;
  Fixture     fixture;
  gboolean    dark;
  gboolean    print;
  const char *language;
  double      width;
  double      height;
  gboolean    has_plot;
} DrawCase;

static const DrawCase draw_cases[] = {
  { "empty",          FIXTURE_EMPTY,         FALSE, FALSE, "en",    WIDTH, HEIGHT, TRUE },
  { "no-points",      FIXTURE_NO_POINTS,     FALSE, FALSE, "en",    WIDTH, HEIGHT, TRUE },
  { "all-zero",       FIXTURE_ALL_ZERO,      FALSE, FALSE, "en",    WIDTH, HEIGHT, TRUE },
  { "one-series",     FIXTURE_ONE_SERIES,    FALSE, FALSE, "en",    WIDTH, HEIGHT, TRUE },
  { "five-series",    FIXTURE_FIVE_SERIES,   FALSE, FALSE, "zh-cn", WIDTH, HEIGHT, TRUE },
  { "close-markers",  FIXTURE_CLOSE_MARKERS, FALSE, FALSE, "zh-cn", WIDTH, HEIGHT, TRUE },
  { "huge",           FIXTURE_HUGE,          FALSE, FALSE, "en",    WIDTH, HEIGHT, TRUE },
  { "dark",           FIXTURE_FIVE_SERIES,   TRUE,  FALSE, "zh-cn", WIDTH, HEIGHT, TRUE },
  { "print",          FIXTURE_FIVE_SERIES,   FALSE, TRUE,  "zh-cn", WIDTH, HEIGHT, TRUE },
  { "print-dark",     FIXTURE_FIVE_SERIES,   TRUE,  TRUE,  "zh-tw", WIDTH, HEIGHT, TRUE },
  { "zh-tw",          FIXTURE_FIVE_SERIES,   FALSE, FALSE, "zh_TW", WIDTH, HEIGHT, TRUE },
  { "single-point",   FIXTURE_SINGLE_POINT,  FALSE, FALSE, "en",    WIDTH, HEIGHT, TRUE },
  { "short-span",     FIXTURE_SHORT_SPAN,    FALSE, FALSE, "en",    WIDTH, HEIGHT, TRUE },
  { "no-date",        FIXTURE_NO_DATE,       FALSE, FALSE, NULL,    WIDTH, HEIGHT, TRUE },
  { "long-labels",    FIXTURE_LONG_LABELS,   FALSE, FALSE, "en",    WIDTH, HEIGHT, TRUE },
  { "negative",       FIXTURE_NEGATIVE,      FALSE, FALSE, "en",    WIDTH, HEIGHT, TRUE },
  { "narrow",         FIXTURE_FIVE_SERIES,   FALSE, FALSE, "zh-cn", 240,   200,    TRUE },
  { "tiny",           FIXTURE_FIVE_SERIES,   FALSE, FALSE, "zh-cn", 40,    30,     FALSE },
};

static const char *const labels_zh_cn[] = { "本金", "利息", "罚息", "复利", "费用" };
static const char *const labels_zh_tw[] = { "本金", "利息", "罰息", "複利", "費用" };

static void
set_date (ShoreChart *chart,
          int         year,
          int         month,
          int         day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  shore_chart_set_start_date (chart, &date);
}

/* A made-up but plausible overdue loan: ¥10,000 over 12 months, missed from
 * the first installment, accelerated after 90 days, penalty and compound
 * interest at 0.075% a day, a ¥50 late fee per missed installment. */
static ShoreChart *
make_overdue_chart (guint               n,
                    const char *const  *labels,
                    gboolean            markers_zh)
{
  ShoreChart *chart = shore_chart_new (n);
  g_autofree gint64 *principal = g_new0 (gint64, n);
  g_autofree gint64 *interest = g_new0 (gint64, n);
  g_autofree gint64 *penalty = g_new0 (gint64, n);
  g_autofree gint64 *compound = g_new0 (gint64, n);
  g_autofree gint64 *fees = g_new0 (gint64, n);
  gint64 pen = 0, comp = 0;

  for (guint d = 0; d < n; d++)
    {
      guint k = MIN (d / 30 + 1, 12);

      principal[d] = d >= 90 ? 1000000 : k * 83333;
      interest[d] = k * 15000;
      pen += principal[d] * 75 / 100000;
      comp += interest[d] * 75 / 100000;
      penalty[d] = d >= 1 ? pen : 0;
      compound[d] = d >= 1 ? comp : 0;
      fees[d] = k * 5000;
    }

  set_date (chart, 2026, 1, 15);
  shore_chart_add_series (chart, labels[0], principal);
  shore_chart_add_series (chart, labels[1], interest);
  shore_chart_add_series (chart, labels[2], penalty);
  shore_chart_add_series (chart, labels[3], compound);
  shore_chart_add_series (chart, labels[4], fees);

  if (markers_zh)
    {
      shore_chart_set_title (chart, "逾期不还的代价");
      shore_chart_set_axis_title (chart, "欠款总额");
      shore_chart_add_marker (chart, MIN (1, n - 1), "罚息开始", FALSE);
      shore_chart_add_marker (chart, MIN (30, n - 1), "M1", FALSE);
      shore_chart_add_marker (chart, MIN (60, n - 1), "M2", FALSE);
      shore_chart_add_marker (chart, MIN (90, n - 1), "M3", FALSE);
      shore_chart_add_marker (chart, MIN (90, n - 1), "提前到期", FALSE);
      shore_chart_add_marker (chart, MIN (180, n - 1), "可能委外催收", FALSE);
      shore_chart_add_marker (chart, MIN (365, n - 1), "可能被起诉", FALSE);
      shore_chart_add_marker (chart, MIN (200, n - 1), "今天", TRUE);
      shore_chart_add_marker (chart, n - 1, "诉讼时效届满", FALSE);
    }
  else
    {
      shore_chart_set_title (chart, "What waiting costs");
      shore_chart_set_axis_title (chart, "Amount owed");
      shore_chart_add_marker (chart, MIN (1, n - 1), "Penalty starts", FALSE);
      shore_chart_add_marker (chart, MIN (30, n - 1), "M1", FALSE);
      shore_chart_add_marker (chart, MIN (90, n - 1), "Accelerated", FALSE);
      shore_chart_add_marker (chart, MIN (200, n - 1), "Today", TRUE);
    }

  return chart;
}

static ShoreChart *
make_ramp_chart (guint  n,
                 gint64 top)
{
  ShoreChart *chart = shore_chart_new (n);
  g_autofree gint64 *values = g_new0 (gint64, n);

  for (guint i = 0; i < n; i++)
    values[i] = n > 1 ? top * i / (n - 1) : top;
  shore_chart_add_series (chart, "Principal", values);

  return chart;
}

static ShoreChart *
make_fixture (Fixture     fixture,
              const char *language)
{
  gboolean zh = language != NULL && g_str_has_prefix (language, "zh");
  const char *const *labels = language && (g_str_has_prefix (language, "zh-tw") || g_str_has_prefix (language, "zh_TW"))
                              ? labels_zh_tw : labels_zh_cn;
  static const char *const labels_en[] = { "Principal", "Interest", "Penalty interest", "Compound interest", "Fees" };
  ShoreChart *chart;

  if (!zh)
    labels = labels_en;

  switch (fixture)
    {
    case FIXTURE_EMPTY:
      return shore_chart_new (30);

    case FIXTURE_NO_POINTS:
      chart = shore_chart_new (0);
      shore_chart_add_series (chart, labels[0], NULL);
      return chart;

    case FIXTURE_ALL_ZERO:
      {
        gint64 zeros[40] = { 0 };

        chart = shore_chart_new (G_N_ELEMENTS (zeros));
        shore_chart_add_series (chart, labels[0], zeros);
        shore_chart_add_series (chart, labels[1], zeros);
        shore_chart_add_marker (chart, 10, labels[2], TRUE);
        return chart;
      }

    case FIXTURE_ONE_SERIES:
      chart = make_ramp_chart (365, 1000000);
      set_date (chart, 2026, 3, 1);
      return chart;

    case FIXTURE_FIVE_SERIES:
      return make_overdue_chart (1096, labels, zh);

    case FIXTURE_CLOSE_MARKERS:
      chart = make_overdue_chart (1096, labels, zh);
      for (guint d = 400; d < 410; d++)
        {
          g_autofree char *text = g_strdup_printf ("里程碑 %u", d);

          shore_chart_add_marker (chart, d, text, d == 405);
        }
      shore_chart_add_marker (chart, 1095, "最后一天的一个很长的标签", FALSE);
      shore_chart_add_marker (chart, 0, "第一天", FALSE);
      return chart;

    case FIXTURE_HUGE:
      {
        gint64 values[100];

        chart = shore_chart_new (G_N_ELEMENTS (values));
        for (guint i = 0; i < G_N_ELEMENTS (values); i++)
          values[i] = G_GINT64_CONSTANT (999999999999999) - i;
        for (guint s = 0; s < 5; s++)
          shore_chart_add_series (chart, labels[s], values);
        for (guint i = 0; i < G_N_ELEMENTS (values); i++)
          values[i] = G_MAXINT64 - i;
        shore_chart_add_series (chart, "max", values);
        shore_chart_add_series (chart, "max again", values);
        shore_chart_add_marker (chart, 50, "huge", TRUE);
        return chart;
      }

    case FIXTURE_SINGLE_POINT:
      {
        gint64 one = 123456;

        chart = shore_chart_new (1);
        set_date (chart, 2026, 10, 5);
        shore_chart_add_series (chart, labels[0], &one);
        shore_chart_add_marker (chart, 0, labels[1], TRUE);
        return chart;
      }

    case FIXTURE_SHORT_SPAN:
      chart = make_ramp_chart (30, 250000);
      set_date (chart, 2026, 12, 20);
      shore_chart_add_marker (chart, 12, "New year", FALSE);
      return chart;

    case FIXTURE_NO_DATE:
      chart = make_ramp_chart (500, 99);
      shore_chart_add_marker (chart, 250, "Half", FALSE);
      return chart;

    case FIXTURE_LONG_LABELS:
      chart = make_overdue_chart (400, labels, FALSE);
      shore_chart_set_title (chart, "A very long title that will certainly have to wrap onto a second line "
                                    "because it goes on and on about what waiting costs");
      for (guint s = 0; s < 6; s++)
        {
          gint64 values[400] = { 0 };

          values[399] = 100;
          shore_chart_add_series (chart, "Another series with a long descriptive name", values);
        }
      shore_chart_add_marker (chart, 399, "A marker label that is far too long to fit anywhere sensible at all", FALSE);
      return chart;

    case FIXTURE_NEGATIVE:
      {
        gint64 values[20];

        chart = shore_chart_new (G_N_ELEMENTS (values));
        for (guint i = 0; i < G_N_ELEMENTS (values); i++)
          values[i] = (i % 2 ? -1 : 1) * 10000 * (gint64) i;
        shore_chart_add_series (chart, labels[0], values);
        values[3] = G_MININT64;
        shore_chart_add_series (chart, labels[1], values);
        return chart;
      }

    default:
      g_assert_not_reached ();
    }
}

static void
style_for_case (const DrawCase  *c,
                ShoreChartStyle *style)
{
  shore_test_chart_style (style, c->width, c->height, c->dark, c->print, c->language);
}

static void
draw_chart (cairo_t               *cr,
            const ShoreChartStyle *style,
            gconstpointer          data)
{
  shore_chart_draw ((ShoreChart *) data, cr, style);
}

static cairo_surface_t *
draw_image (ShoreChart            *chart,
            const ShoreChartStyle *style)
{
  return shore_test_chart_image (style, draw_chart, chart);
}

static void
test_draw_image (gconstpointer data)
{
  const DrawCase *c = data;
  g_autoptr(ShoreChart) chart = make_fixture (c->fixture, c->language);
  ShoreChartStyle style;
  ShoreChartGeometry geometry;
  cairo_surface_t *surface;

  style_for_case (c, &style);
  surface = draw_image (chart, &style);

  g_assert_cmpint (shore_chart_get_geometry (chart, &geometry), ==, c->has_plot);
  if (c->has_plot)
    {
      g_assert_cmpfloat (geometry.plot.x, >, 0);
      g_assert_cmpfloat (geometry.plot.y, >, 0);
      g_assert_cmpfloat (geometry.plot.width, >, 0);
      g_assert_cmpfloat (geometry.plot.height, >, 0);
      g_assert_cmpfloat (geometry.plot.x + geometry.plot.width, <=, c->width);
      g_assert_cmpfloat (geometry.plot.y + geometry.plot.height, <=, c->height);
      g_assert_cmpint (geometry.y_max_fen, >=, 100);
      g_assert_cmpint (geometry.y_max_fen, <=, SHORE_CHART_MAX_FEN);
      g_assert_cmpuint (geometry.n_points, ==, shore_chart_get_n_points (chart));
    }

  cairo_surface_destroy (surface);
}

static void
test_draw_pdf (gconstpointer data)
{
  const DrawCase *c = data;
  g_autoptr(ShoreChart) chart = make_fixture (c->fixture, c->language);
  ShoreChartStyle style;

  /* As on an A4 handout: points, placed inside the page margins, smaller type. */
  style_for_case (c, &style);
  style.width = c->width * 515.0 / WIDTH;
  style.height = c->height * 515.0 / WIDTH;
  style.font_scale = 0.75;
  shore_test_chart_check_pdf ("shore-chart-XXXXXX", "chart.pdf", 500, 40, 60, &style, draw_chart, chart);
}

/* Pixel checks */

static double
plot_x (const ShoreChartGeometry *g,
        guint                     day)
{
  return g->plot.x + (double) day * g->plot.width / (double) (g->n_points - 1);
}

static double
plot_y (const ShoreChartGeometry *g,
        double                    fen)
{
  return g->plot.y + g->plot.height - fen / (double) g->y_max_fen * g->plot.height;
}

static void
test_pixel_principal (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  g_autoptr(ShoreChart) chart = shore_chart_new (100);
  gint64 principal[100], interest[100];
  ShoreChartStyle style;
  ShoreChartGeometry g;
  cairo_surface_t *surface;
  int x;

  for (guint i = 0; i < 100; i++)
    {
      principal[i] = 600000;
      interest[i] = 400000;
    }
  shore_chart_add_series (chart, "Principal", principal);
  shore_chart_add_series (chart, "Interest", interest);
  shore_chart_style_init (&style, WIDTH, HEIGHT);
  style.dark = dark;
  surface = draw_image (chart, &style);
  g_assert_true (shore_chart_get_geometry (chart, &g));

  x = (int) plot_x (&g, 50);
  /* stacked in the order added: principal at the bottom, interest above */
  g_assert_cmphex (shore_test_pixel (surface, x, (int) plot_y (&g, 300000)), ==, PRINCIPAL);
  g_assert_cmphex (shore_test_pixel (surface, x, (int) plot_y (&g, 800000)), ==, INTEREST);
  /* the corner is background */
  g_assert_cmphex (shore_test_pixel (surface, 2, 2), ==, dark ? DARK_BG : LIGHT_BG);
  g_assert_cmphex (shore_test_pixel (surface, WIDTH - 2, HEIGHT - 2), ==, dark ? DARK_BG : LIGHT_BG);

  cairo_surface_destroy (surface);
}

static void
test_pixel_background (void)
{
  g_autoptr(ShoreChart) chart = make_ramp_chart (100, 1000000);
  ShoreChartStyle style;
  ShoreChartGeometry g;
  cairo_surface_t *surface;
  int x, top, bottom, n_bg = 0;

  shore_chart_style_init (&style, WIDTH, HEIGHT);
  surface = draw_image (chart, &style);
  g_assert_true (shore_chart_get_geometry (chart, &g));

  /* above a low value the plot is empty: background, a few grid lines */
  x = (int) plot_x (&g, 10);
  top = (int) g.plot.y + 3;
  bottom = (int) plot_y (&g, 0.5 * g.y_max_fen);
  for (int y = top; y < bottom; y++)
    {
      guint32 p = shore_test_pixel (surface, x, y);

      g_assert_cmphex (p, !=, PRINCIPAL);
      n_bg += p == LIGHT_BG;
    }
  g_assert_cmpint (n_bg, >, (bottom - top) * 3 / 4);
  /* and below the ramp it is filled */
  g_assert_cmphex (shore_test_pixel (surface, (int) plot_x (&g, 90), (int) plot_y (&g, 0.3 * g.y_max_fen)), ==, PRINCIPAL);

  cairo_surface_destroy (surface);
}

static int
count_not (cairo_surface_t *surface,
           int              x,
           int              y0,
           int              y1,
           guint32          bg)
{
  int n = 0;

  for (int y = y0; y < y1; y++)
    n += shore_test_pixel (surface, x, y) != bg;
  return n;
}

static void
test_pixel_marker (gconstpointer data)
{
  gboolean emphasize = GPOINTER_TO_INT (data);
  g_autoptr(ShoreChart) chart = shore_chart_new (100);
  gint64 values[100] = { 0 };
  ShoreChartStyle style;
  ShoreChartGeometry g;
  cairo_surface_t *surface;
  int x, x_ref, y0, y1, on, ref, ink = 0;

  for (guint i = 60; i < 100; i++)
    values[i] = 500000;
  shore_chart_add_series (chart, "Principal", values);
  shore_chart_add_marker (chart, 20, "Marker", emphasize);
  shore_chart_style_init (&style, WIDTH, HEIGHT);
  surface = draw_image (chart, &style);
  g_assert_true (shore_chart_get_geometry (chart, &g));

  x = (int) floor (plot_x (&g, 20));
  x_ref = (int) floor (plot_x (&g, 40));
  y0 = (int) g.plot.y + 3;
  y1 = (int) (g.plot.y + g.plot.height) - 3;
  on = count_not (surface, x, y0, y1, LIGHT_BG);
  ref = count_not (surface, x_ref, y0, y1, LIGHT_BG);

  /* a dashed line covers more than half the column, a solid one all of it */
  g_assert_cmpint (on, >, ref + (y1 - y0) * (emphasize ? 9 : 5) / 10);
  /* its label sits above the plot, next to the line */
  for (int lx = x + 2; lx < x + 40; lx++)
    ink += count_not (surface, lx, (int) g.plot.y - 18, (int) g.plot.y - 1, LIGHT_BG);
  g_assert_cmpint (ink, >, 10);

  cairo_surface_destroy (surface);
}

static void
test_pixel_print_gray (void)
{
  g_autoptr(ShoreChart) chart = make_fixture (FIXTURE_FIVE_SERIES, "zh-cn");
  ShoreChartStyle style;
  cairo_surface_t *surface;

  shore_chart_style_init (&style, WIDTH, HEIGHT);
  style.print = TRUE;
  style.dark = TRUE;   /* print wins: paper is white */
  style.language = "zh-cn";
  surface = draw_image (chart, &style);

  g_assert_cmphex (shore_test_pixel (surface, 2, 2), ==, LIGHT_BG);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, HEIGHT);
  shore_test_assert_gray (surface);

  cairo_surface_destroy (surface);
}

typedef struct
{
  double mean;
  double stddev;
} Texture;

/* In print each layer must look different from its neighbours: another gray
 * level or another texture. */
static void
test_pixel_print_layers (void)
{
  g_autoptr(ShoreChart) chart = shore_chart_new (50);
  gint64 values[50];
  Texture tex[5];
  ShoreChartStyle style;
  ShoreChartGeometry g;
  cairo_surface_t *surface;

  for (guint i = 0; i < 50; i++)
    values[i] = 1000000;
  for (guint s = 0; s < 5; s++)
    shore_chart_add_series (chart, labels_zh_cn[s], values);
  shore_chart_style_init (&style, WIDTH, 600);
  style.print = TRUE;
  surface = draw_image (chart, &style);
  g_assert_true (shore_chart_get_geometry (chart, &g));

  for (guint s = 0; s < 5; s++)
    {
      int ya = (int) ceil (plot_y (&g, (s + 1) * 1000000.0)) + 3;
      int yb = (int) floor (plot_y (&g, s * 1000000.0)) - 3;
      int xa = (int) plot_x (&g, 20), xb = (int) plot_x (&g, 30);
      double sum = 0, sum2 = 0;
      int n = 0;

      g_assert_cmpint (yb - ya, >, 10);
      for (int y = ya; y < yb; y++)
        for (int x = xa; x < xb; x++)
          {
            double v = (shore_test_pixel (surface, x, y) & 0xff) / 255.0;

            sum += v;
            sum2 += v * v;
            n++;
          }
      tex[s].mean = sum / n;
      tex[s].stddev = sqrt (MAX (sum2 / n - tex[s].mean * tex[s].mean, 0));
    }

  for (guint s = 0; s < 5; s++)
    for (guint t = s + 1; t < 5; t++)
      {
        gboolean differ = fabs (tex[s].mean - tex[t].mean) > 0.08
                          || fabs (tex[s].stddev - tex[t].stddev) > 0.08;

        if (!differ)
          g_error ("print layers %u and %u look alike (%.2f±%.2f, %.2f±%.2f)",
                   s, t, tex[s].mean, tex[s].stddev, tex[t].mean, tex[t].stddev);
      }

  cairo_surface_destroy (surface);
}

static void
test_pixel_huge_reaches_top (void)
{
  g_autoptr(ShoreChart) chart = make_fixture (FIXTURE_HUGE, "en");
  ShoreChartStyle style;
  ShoreChartGeometry g;
  cairo_surface_t *surface;
  guint32 p;

  shore_chart_style_init (&style, WIDTH, HEIGHT);
  surface = draw_image (chart, &style);
  g_assert_true (shore_chart_get_geometry (chart, &g));

  g_assert_cmpint (g.y_max_fen, ==, SHORE_CHART_MAX_FEN);
  /* capped at the top tick: filled right up to the frame */
  p = shore_test_pixel (surface, (int) plot_x (&g, 25), (int) g.plot.y + 4);
  g_assert_cmphex (p, !=, LIGHT_BG);

  cairo_surface_destroy (surface);
}

/* API */

/* Lines: drawn over the areas, not stacked, counted in the axis maximum. */
static ShoreChart *
make_line_chart (gboolean with_lines)
{
  ShoreChart *chart = shore_chart_new (100);
  gint64 principal[100], line[100], falling[100];

  for (guint i = 0; i < 100; i++)
    {
      principal[i] = 400000;
      line[i] = 700000;
      falling[i] = 600000 - 5000 * (gint64) i;
    }
  shore_chart_add_series (chart, "Principal", principal);
  if (with_lines)
    {
      g_assert_cmpuint (shore_chart_add_line (chart, "If you pay today", line, FALSE), ==, 0);
      g_assert_cmpuint (shore_chart_add_line (chart, "Negotiated plan", falling, TRUE), ==, 1);
    }
  return chart;
}

static void
test_line_pixel (void)
{
  g_autoptr(ShoreChart) chart = make_line_chart (TRUE);
  ShoreChartStyle style;
  ShoreChartGeometry g;
  cairo_surface_t *surface;
  int x, y;

  g_assert_cmpuint (shore_chart_get_n_lines (chart), ==, 2);
  g_assert_cmpuint (shore_chart_get_n_series (chart), ==, 1);
  shore_chart_style_init (&style, WIDTH, HEIGHT);
  surface = draw_image (chart, &style);
  g_assert_true (shore_chart_get_geometry (chart, &g));

  /* the line's 7,000 sets the axis, not the 4,000 of the area */
  g_assert_cmpint (g.y_max_fen, >=, 700000);
  g_assert_cmpint (g.y_max_fen, <, 1400000);
  x = (int) plot_x (&g, 50);
  y = (int) floor (plot_y (&g, 700000));
  /* dark ink on the line, background a few pixels off it, the area below untouched */
  g_assert_cmphex (shore_test_pixel (surface, x, y), ==, 0x241f31u);
  g_assert_cmphex (shore_test_pixel (surface, x, y - 5), ==, LIGHT_BG);
  g_assert_cmphex (shore_test_pixel (surface, x, (int) plot_y (&g, 200000)), ==, PRINCIPAL);
  cairo_surface_destroy (surface);
}

static void
test_line_print (void)
{
  g_autoptr(ShoreChart) chart = make_line_chart (TRUE);
  ShoreChartStyle style;
  ShoreChartGeometry g;
  cairo_surface_t *surface;
  guint32 p;

  shore_chart_style_init (&style, WIDTH, HEIGHT);
  style.print = TRUE;

  /* on an image: black ink, no colour */
  surface = draw_image (chart, &style);
  g_assert_true (shore_chart_get_geometry (chart, &g));
  {
    guint darkest = 0xff;

    /* dotted: the darkest pixel of a few along the line */
    for (int dx = 0; dx < 12; dx++)
      {
        p = shore_test_pixel (surface, (int) plot_x (&g, 50) + dx, (int) floor (plot_y (&g, 700000)));
        g_assert_cmphex (p >> 16 & 0xff, ==, p & 0xff);
        g_assert_cmphex (p >> 8 & 0xff, ==, p & 0xff);
        darkest = MIN (darkest, p & 0xff);
      }
    g_assert_cmpuint (darkest, <, 0x40);
  }
  cairo_surface_destroy (surface);

  /* and in a PDF */
  shore_test_chart_check_pdf ("shore-chart-XXXXXX", "lines.pdf", 0, 0, 0, &style, draw_chart, chart);
}

/* The legend gains a swatch and a label for each line. */
static void
test_line_legend (void)
{
  g_autoptr(ShoreChart) with = make_line_chart (TRUE);
  g_autoptr(ShoreChart) without = make_line_chart (FALSE);
  ShoreChartStyle style;
  ShoreChartGeometry g_with, g_without;
  cairo_surface_t *a, *b;
  int ink_with = 0, ink_without = 0;

  shore_chart_style_init (&style, WIDTH, HEIGHT);
  a = draw_image (with, &style);
  b = draw_image (without, &style);
  g_assert_true (shore_chart_get_geometry (with, &g_with));
  g_assert_true (shore_chart_get_geometry (without, &g_without));

  /* the legend is the band above the plot (same height: one legend row) */
  for (int x = 0; x < WIDTH; x += 1)
    {
      ink_with += count_not (a, x, 0, (int) g_with.plot.y - 8, LIGHT_BG);
      ink_without += count_not (b, x, 0, (int) g_without.plot.y - 8, LIGHT_BG);
    }
  g_assert_cmpint (ink_with, >, ink_without + 100);

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_geometry_before_draw (void)
{
  g_autoptr(ShoreChart) chart = shore_chart_new (10);
  ShoreChartGeometry g = { { 1, 2, 3, 4 }, 5, 6 };

  g_assert_false (shore_chart_get_geometry (chart, &g));
  g_assert_cmpint (g.y_max_fen, ==, 5);
  g_assert_cmpuint (shore_chart_get_n_points (chart), ==, 10);
  g_assert_cmpuint (shore_chart_get_n_series (chart), ==, 0);
}

static void
test_series_copied (void)
{
  g_autoptr(ShoreChart) chart = shore_chart_new (3);
  gint64 values[3] = { 100, 200, 300 };
  ShoreChartStyle style;
  ShoreChartGeometry g;
  cairo_surface_t *surface;

  g_assert_cmpuint (shore_chart_add_series (chart, "a", values), ==, 0);
  g_assert_cmpuint (shore_chart_add_series (chart, "b", values), ==, 1);
  values[2] = G_GINT64_CONSTANT (1000000000000);   /* must not affect the chart */
  shore_chart_style_init (&style, WIDTH, HEIGHT);
  surface = draw_image (chart, &style);
  g_assert_true (shore_chart_get_geometry (chart, &g));
  g_assert_cmpint (g.y_max_fen, ==, 600);
  cairo_surface_destroy (surface);
}

static void
test_marker_out_of_range (void)
{
  g_autoptr(ShoreChart) chart = shore_chart_new (10);

  g_test_expect_message ("shore-chart", G_LOG_LEVEL_CRITICAL, "*day < self->n_points*");
  shore_chart_add_marker (chart, 10, "late", FALSE);
  g_test_assert_expected_messages ();
}

static void
test_zero_size (void)
{
  g_autoptr(ShoreChart) chart = make_fixture (FIXTURE_FIVE_SERIES, "en");
  ShoreChartStyle style;
  ShoreChartGeometry g;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);

  shore_chart_style_init (&style, 0, 0);
  shore_chart_draw (chart, cr, &style);
  style.width = NAN;
  style.height = 100;
  shore_chart_draw (chart, cr, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_false (shore_chart_get_geometry (chart, &g));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Sample pictures to look at: SHORE_CHART_SAMPLE_DIR=/tmp writes
 * chart-*.png and chart-a4.pdf there; without it they are drawn and dropped. */

typedef struct
{
  const char *file;
  Fixture     fixture;
  const char *language;
  gboolean    dark;
  gboolean    print;
  double      width, height;
} Sample;

static const Sample samples[] = {
  { "chart-zh-cn-light.png",     FIXTURE_FIVE_SERIES,   "zh-cn", FALSE, FALSE, 800, 400 },
  { "chart-zh-cn-dark.png",      FIXTURE_FIVE_SERIES,   "zh-cn", TRUE,  FALSE, 800, 400 },
  { "chart-zh-tw-print.png",     FIXTURE_FIVE_SERIES,   "zh-tw", FALSE, TRUE,  800, 400 },
  { "chart-zh-cn-markers.png",   FIXTURE_CLOSE_MARKERS, "zh-cn", FALSE, FALSE, 800, 400 },
  { "chart-en-long-labels.png",  FIXTURE_LONG_LABELS,   "en",    FALSE, FALSE, 800, 400 },
  { "chart-en-short-span.png",   FIXTURE_SHORT_SPAN,    "en",    FALSE, FALSE, 600, 300 },
  { "chart-zh-cn-narrow.png",    FIXTURE_FIVE_SERIES,   "zh-cn", FALSE, FALSE, 360, 280 },
  { "chart-empty.png",           FIXTURE_EMPTY,         "en",    FALSE, FALSE, 600, 300 },
  { "chart-huge.png",            FIXTURE_HUGE,          "en",    FALSE, FALSE, 800, 400 },
};

static void
test_samples (void)
{
  const char *dir = g_getenv ("SHORE_CHART_SAMPLE_DIR");

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const Sample *s = &samples[i];
      g_autoptr(ShoreChart) chart = make_fixture (s->fixture, s->language);
      ShoreChartStyle style;
      cairo_surface_t *surface;

      shore_test_chart_style (&style, s->width, s->height, s->dark, s->print, s->language);
      surface = draw_image (chart, &style);
      if (dir != NULL)
        {
          g_autofree char *path = g_build_filename (dir, s->file, NULL);

          g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
        }
      cairo_surface_destroy (surface);
    }

  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, "chart-a4.pdf", NULL);
      g_autoptr(ShoreChart) chart = make_fixture (FIXTURE_FIVE_SERIES, "zh-cn");
      ShoreChartStyle style;

      shore_chart_style_init (&style, 515, 300);
      style.language = "zh-cn";
      style.print = TRUE;
      style.font_scale = 0.75;
      shore_test_chart_write_pdf (path, 40, 60, &style, draw_chart, chart);
    }
}

/* The sanitizer settings for the libraries' own leaks come with
 * shore-test-chart.c. */

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (ticks_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chart/nice-ticks/%s", ticks_cases[i].name);

      g_test_add_data_func (path, &ticks_cases[i], test_nice_ticks);
    }
  g_test_add_func ("/chart/nice-ticks/sweep", test_nice_ticks_sweep);
  g_test_add_func ("/chart/nice-ticks/bad-args", test_nice_ticks_bad_args);

  for (guint i = 0; i < G_N_ELEMENTS (draw_cases); i++)
    {
      g_autofree char *image = g_strdup_printf ("/chart/draw/image/%s", draw_cases[i].name);
      g_autofree char *pdf = g_strdup_printf ("/chart/draw/pdf/%s", draw_cases[i].name);

      g_test_add_data_func (image, &draw_cases[i], test_draw_image);
      g_test_add_data_func (pdf, &draw_cases[i], test_draw_pdf);
    }

  g_test_add_data_func ("/chart/pixel/principal-light", GINT_TO_POINTER (FALSE), test_pixel_principal);
  g_test_add_data_func ("/chart/pixel/principal-dark", GINT_TO_POINTER (TRUE), test_pixel_principal);
  g_test_add_func ("/chart/pixel/background", test_pixel_background);
  g_test_add_func ("/chart/line/pixel", test_line_pixel);
  g_test_add_func ("/chart/line/print-pdf", test_line_print);
  g_test_add_func ("/chart/line/legend", test_line_legend);
  g_test_add_data_func ("/chart/pixel/marker-dashed", GINT_TO_POINTER (FALSE), test_pixel_marker);
  g_test_add_data_func ("/chart/pixel/marker-today", GINT_TO_POINTER (TRUE), test_pixel_marker);
  g_test_add_func ("/chart/pixel/print-only-gray", test_pixel_print_gray);
  g_test_add_func ("/chart/pixel/print-layers-differ", test_pixel_print_layers);
  g_test_add_func ("/chart/pixel/huge-reaches-top", test_pixel_huge_reaches_top);

  g_test_add_func ("/chart/api/geometry-before-draw", test_geometry_before_draw);
  g_test_add_func ("/chart/api/series-copied", test_series_copied);
  g_test_add_func ("/chart/api/marker-out-of-range", test_marker_out_of_range);
  g_test_add_func ("/chart/api/zero-size", test_zero_size);
  g_test_add_func ("/chart/samples", test_samples);

  status = g_test_run ();

  /* No cairo_debug_reset_static_data() here: it asserts whenever a cached font is
   * still alive, which depends on malloc patterns (MALLOC_PERTURB_). The caches stay
   * reachable, so LeakSanitizer does not count them. */
  return status;
}
