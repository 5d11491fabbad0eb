/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <cairo.h>
#include <cairo-pdf.h>

#include "shore-report-chart.h"
#include "shore-test-chart.h"

#define WIDTH  720
#define HEIGHT 420

#define LIGHT_BG   0xffffffu
#define DARK_BG    0x1e1e1eu
#define BAR        0x3584e4u
#define BAR_DARK   0x62a0eau
#define OVER       0xe01b24u
#define OTHER      0x9a9996u
#define INCOME     0x33d17au
#define SPENDING   0xff7800u
#define DEBT       0x9141acu
#define NEGATIVE   0xc01c28u

/* Data */

typedef struct
{
  const char *label;
  const char *label_tw;
  const char *label_en;
  gint64      amount;
  gint64      budget;
} SampleCategory;

static const SampleCategory sample_categories[] = {
  { "住房房租", "住房房租", "Housing and rent",   180000, 180000 },
  { "食品餐饮", "食品餐飲", "Food and dining",    123450, 100000 },
  { "债务还款", "債務還款", "Debt repayments",    96000,  0 },
  { "交通出行", "交通出行", "Transport",          32080,  40000 },
  { "通讯网费", "通訊網費", "Phone and internet", 12900,  15000 },
  { "医疗健康", "醫療健康", "Health",             8650,   0 },
  { "日用百货", "日用百貨", "Household goods",    7420,   10000 },
  { "服饰美容", "服飾美容", "Clothing",           6000,   5000 },
  { "人情往来", "人情往來", "Gifts",              5000,   0 },
  { "教育培训", "教育培訓", "Education",          3990,   0 },
  { "休闲娱乐", "休閒娛樂", "Leisure",            2580,   3000 },
};

typedef struct
{
  const char *zh_cn;
  const char *zh_tw;
  const char *en;
} Texts;

static const Texts other_text = { "其他", "其他", "Other" };
static const Texts budget_text = { "预算", "預算", "Budget" };
static const Texts over_text = { "超出预算", "超出預算", "Over budget" };
static const Texts empty_cat_text = { "本月还没有支出", "本月還沒有支出", "No spending this month" };
static const Texts income_text = { "收入", "收入", "Income" };
static const Texts spending_text = { "日常支出", "日常支出", "Spending" };
static const Texts debt_text = { "还债", "還債", "Debt repayments" };
static const Texts surplus_text = { "结余", "結餘", "Surplus" };
static const Texts empty_trend_text = { "还没有记账", "還沒有記帳", "No months recorded yet" };

static const char *
pick (const Texts *t,
      const char  *language)
{
  if (language == NULL || g_str_has_prefix (language, "en"))
    return t->en;
  if (strstr (language, "tw") || strstr (language, "TW"))
    return t->zh_tw;
  return t->zh_cn;
}

static const char *
category_label (const SampleCategory *c,
                const char           *language)
{
  Texts t = { c->label, c->label_tw, c->label_en };

  return pick (&t, language);
}

typedef enum {
  CATS_NONE,
  CATS_ALL_ZERO,
  CATS_ONE,
  CATS_REALISTIC,
  CATS_FIFTY,
  CATS_HUGE,
} CategoryFixture;

/* Fills @items (room for 50) and returns how many. */
static guint
make_categories (CategoryFixture      fixture,
                 const char          *language,
                 ShoreReportCategory *items,
                 char               **labels)
{
  switch (fixture)
    {
    case CATS_NONE:
      return 0;

    case CATS_ALL_ZERO:
      for (guint i = 0; i < 3; i++)
        items[i] = (ShoreReportCategory) { category_label (&sample_categories[i], language), 0, 0 };
      return 3;

    case CATS_ONE:
      items[0] = (ShoreReportCategory) { category_label (&sample_categories[1], language), 123450, 100000 };
      return 1;

    case CATS_REALISTIC:
      /* shuffled: the chart sorts */
      for (guint i = 0; i < G_N_ELEMENTS (sample_categories); i++)
        {
          const SampleCategory *c = &sample_categories[(i * 7) % G_N_ELEMENTS (sample_categories)];

          items[i] = (ShoreReportCategory) { category_label (c, language), c->amount, c->budget };
        }
      return G_N_ELEMENTS (sample_categories);

    case CATS_FIFTY:
      for (guint i = 0; i < 50; i++)
        {
          labels[i] = g_strdup_printf ("%s %u", category_label (&sample_categories[i % 11], language), i);
          items[i] = (ShoreReportCategory) { labels[i], (i * 37 % 50 + 1) * 1000, i % 3 == 0 ? 20000 : 0 };
        }
      return 50;

    case CATS_HUGE:
      items[0] = (ShoreReportCategory) { "A", G_MAXINT64, G_MAXINT64 };
      items[1] = (ShoreReportCategory) { "B", G_MAXINT64 - 1, 1 };
      items[2] = (ShoreReportCategory) { "C", G_MININT64, G_MININT64 };
      items[3] = (ShoreReportCategory) { "D", 1, 0 };
      return 4;

    default:
      g_assert_not_reached ();
    }
}

static void
category_options (ShoreReportCategoryOptions *options,
                  const char                 *language,
                  gboolean                    budgets)
{
  shore_report_category_options_init (options);
  options->other_label = pick (&other_text, language);
  options->empty_text = pick (&empty_cat_text, language);
  options->show_budgets = budgets;
  options->budget_label = pick (&budget_text, language);
  options->over_budget_label = pick (&over_text, language);
}

typedef enum {
  TREND_NONE,
  TREND_ONE,
  TREND_YEAR,
  TREND_NEGATIVE,
  TREND_HUGE,
  TREND_ZERO,
} TrendFixture;

static const char *const months_zh[] = { "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月" };
static const char *const months_en[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

static guint
make_months (TrendFixture      fixture,
             const char       *language,
             ShoreReportMonth *months)
{
  const char *const *names = language == NULL || g_str_has_prefix (language, "en") ? months_en : months_zh;

  switch (fixture)
    {
    case TREND_NONE:
      return 0;

    case TREND_ONE:
      months[0] = (ShoreReportMonth) { names[10], 650000, 380000, 150000 };
      return 1;

    case TREND_YEAR:
    case TREND_NEGATIVE:
      for (guint i = 0; i < 12; i++)
        {
          /* the realistic year dips below zero in spring and in autumn */
          gint64 income = 620000 + (i % 4) * 15000 - (i == 1 ? 200000 : 0);
          gint64 spending = 300000 + (i * 53 % 7) * 22000 + (i == 9 ? 180000 : 0);
          gint64 debt = 150000 + (i >= 6 ? 50000 : 0);

          if (fixture == TREND_NEGATIVE)
            income = 200000 + i * 1000;
          months[i] = (ShoreReportMonth) { names[(i + 4) % 12], income, spending, debt };
        }
      return 12;

    case TREND_HUGE:
      months[0] = (ShoreReportMonth) { names[0], G_MAXINT64, G_MAXINT64, G_MAXINT64 };
      months[1] = (ShoreReportMonth) { names[1], G_MININT64, G_MAXINT64, G_MAXINT64 };
      months[2] = (ShoreReportMonth) { names[2], G_MAXINT64, G_MININT64, 0 };
      return 3;

    case TREND_ZERO:
      for (guint i = 0; i < 3; i++)
        months[i] = (ShoreReportMonth) { names[i], 0, 0, 0 };
      return 3;

    default:
      g_assert_not_reached ();
    }
}

static void
trend_options (ShoreReportTrendOptions *options,
               const char              *language)
{
  options->income_label = pick (&income_text, language);
  options->spending_label = pick (&spending_text, language);
  options->debt_label = pick (&debt_text, language);
  options->surplus_label = pick (&surplus_text, language);
  options->empty_text = pick (&empty_trend_text, language);
}

/* Drawing */

typedef enum {
  KIND_CATEGORIES,
  KIND_TREND,
} Kind;

typedef struct
{
  const char *name;
  Kind        kind;
  int         fixture;
  const char *language;
  gboolean    dark;
  gboolean    print;
  gboolean    budgets;
  double      width;
  double      height;
} DrawCase;

static const DrawCase draw_cases[] = {
  { "categories/empty",       KIND_CATEGORIES, CATS_NONE,      "en",    FALSE, FALSE, TRUE,  WIDTH, HEIGHT },
  { "categories/all-zero",    KIND_CATEGORIES, CATS_ALL_ZERO,  "zh-cn", FALSE, FALSE, TRUE,  WIDTH, HEIGHT },
  { "categories/one",         KIND_CATEGORIES, CATS_ONE,       "zh-cn", FALSE, FALSE, TRUE,  WIDTH, HEIGHT },
  { "categories/zh-cn",       KIND_CATEGORIES, CATS_REALISTIC, "zh-cn", FALSE, FALSE, TRUE,  WIDTH, HEIGHT },
  { "categories/zh-tw",       KIND_CATEGORIES, CATS_REALISTIC, "zh_TW", FALSE, FALSE, TRUE,  WIDTH, HEIGHT },
  { "categories/en",          KIND_CATEGORIES, CATS_REALISTIC, "en",    FALSE, FALSE, FALSE, WIDTH, HEIGHT },
  { "categories/dark",        KIND_CATEGORIES, CATS_REALISTIC, "zh-cn", TRUE,  FALSE, TRUE,  WIDTH, HEIGHT },
  { "categories/print",       KIND_CATEGORIES, CATS_REALISTIC, "zh-tw", FALSE, TRUE,  TRUE,  WIDTH, HEIGHT },
  { "categories/fifty",       KIND_CATEGORIES, CATS_FIFTY,     "zh-cn", FALSE, FALSE, TRUE,  WIDTH, HEIGHT },
  { "categories/huge",        KIND_CATEGORIES, CATS_HUGE,      "en",    FALSE, FALSE, TRUE,  WIDTH, HEIGHT },
  { "categories/narrow",      KIND_CATEGORIES, CATS_REALISTIC, "zh-cn", FALSE, FALSE, TRUE,  280,   500 },
  { "categories/cramped",     KIND_CATEGORIES, CATS_FIFTY,     "en",    FALSE, FALSE, TRUE,  WIDTH, 60 },
  { "categories/tiny",        KIND_CATEGORIES, CATS_REALISTIC, "zh-cn", FALSE, FALSE, TRUE,  30,    20 },
  { "trend/empty",            KIND_TREND,      TREND_NONE,     "zh-cn", FALSE, FALSE, FALSE, WIDTH, HEIGHT },
  { "trend/one",              KIND_TREND,      TREND_ONE,      "en",    FALSE, FALSE, FALSE, WIDTH, HEIGHT },
  { "trend/zero",             KIND_TREND,      TREND_ZERO,     "en",    FALSE, FALSE, FALSE, WIDTH, HEIGHT },
  { "trend/zh-cn",            KIND_TREND,      TREND_YEAR,     "zh-cn", FALSE, FALSE, FALSE, WIDTH, HEIGHT },
  { "trend/zh-tw",            KIND_TREND,      TREND_YEAR,     "zh-tw", FALSE, FALSE, FALSE, WIDTH, HEIGHT },
  { "trend/en",               KIND_TREND,      TREND_YEAR,     "en",    FALSE, FALSE, FALSE, WIDTH, HEIGHT },
  { "trend/dark",             KIND_TREND,      TREND_YEAR,     "zh-cn", TRUE,  FALSE, FALSE, WIDTH, HEIGHT },
  { "trend/print",            KIND_TREND,      TREND_YEAR,     "zh-cn", FALSE, TRUE,  FALSE, WIDTH, HEIGHT },
  { "trend/negative",         KIND_TREND,      TREND_NEGATIVE, "zh-cn", FALSE, FALSE, FALSE, WIDTH, HEIGHT },
  { "trend/huge",             KIND_TREND,      TREND_HUGE,     "en",    FALSE, FALSE, FALSE, WIDTH, HEIGHT },
  { "trend/narrow",           KIND_TREND,      TREND_YEAR,     "zh-cn", FALSE, FALSE, FALSE, 260,   300 },
  { "trend/tiny",             KIND_TREND,      TREND_YEAR,     "zh-cn", FALSE, FALSE, FALSE, 30,    20 },
};

static const DrawCase *
find_case (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (draw_cases); i++)
    if (g_str_equal (draw_cases[i].name, name))
      return &draw_cases[i];
  g_assert_not_reached ();
}

static void
style_for_case (const DrawCase  *c,
                ShoreChartStyle *style)
{
  shore_test_chart_style (style, c->width, c->height, c->dark, c->print, c->language);
}

static void
draw_case (cairo_t               *cr,
           const ShoreChartStyle *style,
           gconstpointer          data)
{
  const DrawCase *c = data;

  if (c->kind == KIND_CATEGORIES)
    {
      ShoreReportCategory items[50];
      char *labels[50] = { NULL };
      ShoreReportCategoryOptions options;
      guint n = make_categories (c->fixture, c->language, items, labels);

      category_options (&options, c->language, c->budgets);
      shore_report_categories_draw (cr, style, items, n, &options);
      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        g_free (labels[i]);
    }
  else
    {
      ShoreReportMonth months[12];
      ShoreReportTrendOptions options;
      guint n = make_months (c->fixture, c->language, months);

      trend_options (&options, c->language);
      shore_report_trend_draw (cr, style, months, n, &options);
    }
}

static cairo_surface_t *
draw_image (const DrawCase        *c,
            const ShoreChartStyle *style)
{
  return shore_test_chart_image (style, draw_case, c);
}

static void
test_draw_image (gconstpointer data)
{
  const DrawCase *c = data;
  ShoreChartStyle style;
  cairo_surface_t *surface;
  guint32 bg;
  int w, h, n_bg;

  style_for_case (c, &style);
  surface = draw_image (c, &style);
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  bg = c->dark && !c->print ? DARK_BG : LIGHT_BG;

  /* the background covers the whole rectangle, the corners stay clear */
  g_assert_cmphex (shore_test_pixel (surface, 0, 0), ==, bg);
  g_assert_cmphex (shore_test_pixel (surface, w - 1, h - 1), ==, bg);
  /* and something was drawn on it, unless it is too small for anything */
  n_bg = shore_test_count_colour (surface, bg);
  if (c->width >= 100)
    g_assert_cmpint (n_bg, <, w * h);

  cairo_surface_destroy (surface);
}

static void
test_draw_pdf (gconstpointer data)
{
  const DrawCase *c = data;
  ShoreChartStyle style;

  /* as on an A4 handout: points, inside the margins, smaller type */
  style_for_case (c, &style);
  style.width = c->width * 515.0 / WIDTH;
  style.height = c->height * 515.0 / WIDTH;
  style.font_scale = 0.75;
  shore_test_chart_check_pdf ("shore-report-chart-XXXXXX", "report.pdf", 500, 40, 60, &style, draw_case, c);
}

/* Pixel checks: categories */

typedef struct
{
  int top;
  int bottom;
  int length;    /* the most bar pixels in one pixel row */
} Band;

/* Finds the horizontal bands of pixel rows holding @colour, top to bottom. */
static GArray *
find_bands (cairo_surface_t *surface,
            guint32          colour)
{
  GArray *bands = g_array_new (FALSE, TRUE, sizeof (Band));
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  Band *open = NULL;

  for (int y = 0; y < h; y++)
    {
      int n = 0;

      for (int x = 0; x < w; x++)
        n += shore_test_pixel (surface, x, y) == colour;
      if (n == 0)
        {
          open = NULL;
          continue;
        }
      if (open == NULL)
        {
          Band band = { y, y, 0 };

          g_array_append_val (bands, band);
          open = &g_array_index (bands, Band, bands->len - 1);
        }
      open->bottom = y;
      open->length = MAX (open->length, n);
    }

  return bands;
}

static void
test_categories_sorted (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  static const DrawCase c = { "sorted", KIND_CATEGORIES, CATS_REALISTIC, "zh-cn", FALSE, FALSE, FALSE, WIDTH, 500 };
  DrawCase dc = c;
  ShoreChartStyle style;
  cairo_surface_t *surface;
  g_autoptr(GArray) bands = NULL;

  dc.dark = dark;
  style_for_case (&dc, &style);
  surface = draw_image (&dc, &style);
  bands = find_bands (surface, dark ? BAR_DARK : BAR);

  /* no budgets: every bar is ordinary, the largest at the top, each
   * longer than the next in proportion to its amount; 11 categories make
   * 8 bars and "Other" */
  g_assert_cmpuint (bands->len, ==, SHORE_REPORT_DEFAULT_MAX_BARS);
  for (guint i = 1; i < bands->len; i++)
    {
      Band *above = &g_array_index (bands, Band, i - 1);
      Band *below = &g_array_index (bands, Band, i);

      g_assert_cmpint (above->bottom, <, below->top);
      g_assert_cmpint (above->length, >=, below->length);
    }
  /* 住房房租 ¥1,800 against 食品餐饮 ¥1,234.50: 0.686 of its length */
  {
    double ratio = (double) g_array_index (bands, Band, 1).length / g_array_index (bands, Band, 0).length;

    g_assert_cmpfloat_with_epsilon (ratio, 123450.0 / 180000.0, 0.02);
  }
  g_assert_cmpint (shore_test_count_colour (surface, OVER), ==, 0);

  cairo_surface_destroy (surface);
}

static void
test_categories_other (void)
{
  static const DrawCase c = { "other", KIND_CATEGORIES, CATS_FIFTY, "zh-cn", FALSE, FALSE, FALSE, WIDTH, 500 };
  ShoreChartStyle style;
  cairo_surface_t *surface;
  g_autoptr(GArray) bars = NULL;
  g_autoptr(GArray) others = NULL;

  style_for_case (&c, &style);
  surface = draw_image (&c, &style);
  bars = find_bands (surface, BAR);
  others = find_bands (surface, OTHER);

  /* 8 named bars and one "Other" at the bottom, longer than all: it holds
   * the remaining 42 categories */
  g_assert_cmpuint (bars->len, ==, SHORE_REPORT_DEFAULT_MAX_BARS);
  g_assert_cmpuint (others->len, ==, 1);
  g_assert_cmpint (g_array_index (others, Band, 0).top, >, g_array_index (bars, Band, bars->len - 1).bottom);
  g_assert_cmpint (g_array_index (others, Band, 0).length, >, g_array_index (bars, Band, 0).length);

  cairo_surface_destroy (surface);
}

static void
test_categories_one_left_over (void)
{
  ShoreReportCategory items[3] = {
    { "A", 300, 0 }, { "B", 200, 0 }, { "C", 100, 0 },
  };
  ShoreReportCategoryOptions options;
  ShoreChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, 300);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) bars = NULL;

  /* max 2 bars and 3 categories: "Other" for one category would hide its
   * name for nothing, so all three keep their bars */
  category_options (&options, "en", FALSE);
  options.max_bars = 2;
  shore_chart_style_init (&style, WIDTH, 300);
  shore_report_categories_draw (cr, &style, items, 3, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bars = find_bands (surface, BAR);
  g_assert_cmpuint (bars->len, ==, 3);
  g_assert_cmpint (shore_test_count_colour (surface, OTHER), ==, 0);
  cairo_surface_destroy (surface);
}

static void
test_categories_over_budget (void)
{
  ShoreReportCategory items[2] = {
    { "食品餐饮", 123450, 100000 },   /* over */
    { "交通出行", 32080, 40000 },     /* within */
  };
  ShoreReportCategoryOptions options;
  ShoreChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, 200);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) over = NULL;
  g_autoptr(GArray) within = NULL;

  category_options (&options, "zh-cn", TRUE);
  options.budget_label = NULL;
  options.over_budget_label = NULL;   /* no legend: only the bars are red */
  shore_chart_style_init (&style, WIDTH, 200);
  style.language = "zh-cn";
  shore_report_categories_draw (cr, &style, items, 2, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  over = find_bands (surface, OVER);
  within = find_bands (surface, BAR);
  g_assert_cmpuint (over->len, ==, 1);
  g_assert_cmpuint (within->len, ==, 1);
  g_assert_cmpint (g_array_index (over, Band, 0).bottom, <, g_array_index (within, Band, 0).top);
  /* the budget tick interrupts the red bar: it spans less than its row */
  cairo_surface_destroy (surface);

  /* without show_budgets the same data has no over-budget bar */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, 200);
  cr = cairo_create (surface);
  options.show_budgets = FALSE;
  shore_report_categories_draw (cr, &style, items, 2, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpint (shore_test_count_colour (surface, OVER), ==, 0);
  cairo_surface_destroy (surface);
}

/* A budget tick is a dark vertical line across its bar, at the budget. */
static void
test_categories_budget_tick (void)
{
  ShoreReportCategory items[1] = { { "X", 100000, 50000 } };
  ShoreReportCategoryOptions options;
  ShoreChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, 120);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) bands = NULL;
  int y, left = -1, right = -1, gap = 0;

  category_options (&options, "en", TRUE);
  options.budget_label = NULL;
  options.over_budget_label = NULL;
  shore_chart_style_init (&style, WIDTH, 120);
  shore_report_categories_draw (cr, &style, items, 1, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bands = find_bands (surface, OVER);
  g_assert_cmpuint (bands->len, ==, 1);
  y = (g_array_index (bands, Band, 0).top + g_array_index (bands, Band, 0).bottom) / 2;
  for (int x = 0; x < WIDTH; x++)
    if (shore_test_pixel (surface, x, y) == OVER)
      {
        if (left < 0)
          left = x;
        right = x;
      }
    else if (left >= 0)
      gap++;
  /* the tick sits half way along the bar and breaks it */
  g_assert_cmpint (left, >=, 0);
  {
    int tick_x = -1;

    for (int x = left; x <= right; x++)
      if (shore_test_pixel (surface, x, y) != OVER && tick_x < 0)
        tick_x = x;
    g_assert_cmpint (tick_x, >, 0);
    g_assert_cmpfloat_with_epsilon ((double) (tick_x - left) / (right - left), 0.5, 0.03);
  }
  g_assert_cmpint (gap, >, 0);

  cairo_surface_destroy (surface);
}

/* Pixel checks: both charts */

static void
test_print_gray (gconstpointer data)
{
  const DrawCase *base = data;
  DrawCase c = *base;
  ShoreChartStyle style;
  cairo_surface_t *surface;

  c.print = TRUE;
  c.dark = TRUE;   /* print wins: paper is white */
  style_for_case (&c, &style);
  surface = draw_image (&c, &style);
  g_assert_cmphex (shore_test_pixel (surface, 1, 1), ==, LIGHT_BG);
  /* only grays, and there is ink: outlines, text */
  g_assert_cmpint (shore_test_assert_gray (surface), >, 500);
  cairo_surface_destroy (surface);
}

/* Pixel checks: trend */

typedef struct
{
  int left, right;   /* columns */
  int top;           /* the highest row in them */
} Column;

/* Finds the vertical bars of @colour, left to right. */
static GArray *
find_columns (cairo_surface_t *surface,
              guint32          colour)
{
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (Column));
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  Column *open = NULL;

  for (int x = 0; x < w; x++)
    {
      int top = -1;

      for (int y = 0; y < h && top < 0; y++)
        if (shore_test_pixel (surface, x, y) == colour)
          top = y;
      if (top < 0)
        {
          open = NULL;
          continue;
        }
      if (open == NULL)
        {
          Column column = { x, x, top };

          g_array_append_val (columns, column);
          open = &g_array_index (columns, Column, columns->len - 1);
        }
      open->right = x;
      open->top = MIN (open->top, top);
    }

  return columns;
}

static cairo_surface_t *
draw_trend (const ShoreReportMonth *months,
            guint                   n_months,
            gboolean                dark)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  ShoreReportTrendOptions options;
  ShoreChartStyle style;

  /* no legend: its swatches would count as bars */
  memset (&options, 0, sizeof options);
  shore_chart_style_init (&style, WIDTH, HEIGHT);
  style.dark = dark;
  shore_report_trend_draw (cr, &style, months, n_months, &options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
test_trend_bars (void)
{
  ShoreReportMonth months[3] = {
    { "Jan", 100000, 50000, 0 },
    { "Feb", 200000, 50000, 50000 },
    { "Mar", 400000, 100000, 100000 },
  };
  cairo_surface_t *surface = draw_trend (months, 3, FALSE);
  g_autoptr(GArray) income = find_columns (surface, INCOME);
  g_autoptr(GArray) spending = find_columns (surface, SPENDING);
  g_autoptr(GArray) debt = find_columns (surface, DEBT);
  Column *i0, *i1, *i2, *s1, *d1;
  double zero, h1, h2;

  g_assert_cmpuint (income->len, ==, 3);
  g_assert_cmpuint (spending->len, ==, 3);
  g_assert_cmpuint (debt->len, ==, 2);   /* no debt paid in January */
  i0 = &g_array_index (income, Column, 0);
  i1 = &g_array_index (income, Column, 1);
  i2 = &g_array_index (income, Column, 2);
  s1 = &g_array_index (spending, Column, 1);
  d1 = &g_array_index (debt, Column, 0);

  /* side by side: income on the left, spending right of it, debt on it */
  g_assert_cmpint (i1->right, <, s1->left);
  g_assert_cmpint (d1->left, ==, s1->left);
  g_assert_cmpint (d1->top, <, s1->top);
  /* heights in proportion: 4 : 2 : 1 above the zero line. Find it as the
   * bottom of a bar: the lowest income pixel. */
  zero = 0;
  for (int y = HEIGHT - 1; y > 0 && zero == 0; y--)
    if (shore_test_pixel (surface, (i2->left + i2->right) / 2, y) == INCOME)
      zero = y + 1;
  h1 = zero - i1->top;
  h2 = zero - i2->top;
  g_assert_cmpfloat_with_epsilon (h2 / h1, 2.0, 0.05);
  g_assert_cmpfloat_with_epsilon ((zero - i0->top) / h1, 0.5, 0.05);
  /* no month ended short */
  g_assert_cmpint (shore_test_count_colour (surface, NEGATIVE), ==, 0);

  cairo_surface_destroy (surface);
}

static void
test_trend_negative (void)
{
  ShoreReportMonth months[12];
  cairo_surface_t *surface;
  g_autoptr(GArray) dots = NULL;
  g_autoptr(GArray) income = NULL;
  gint64 ticks[SHORE_CHART_MAX_TICKS];

  make_months (TREND_NEGATIVE, "en", months);
  surface = draw_trend (months, 12, FALSE);

  /* every month short: twelve red dots, all below the top of the income
   * bars (the zero line) */
  dots = find_columns (surface, NEGATIVE);
  income = find_columns (surface, INCOME);
  g_assert_cmpuint (dots->len, ==, 12);
  g_assert_cmpuint (income->len, ==, 12);
  for (guint i = 0; i < 12; i++)
    {
      Column *dot = &g_array_index (dots, Column, i);
      Column *bar = &g_array_index (income, Column, i);
      int bar_bottom = bar->top;

      while (shore_test_pixel (surface, (bar->left + bar->right) / 2, bar_bottom + 1) == INCOME)
        bar_bottom++;
      g_assert_cmpint (dot->top, >, bar_bottom);
    }
  cairo_surface_destroy (surface);

  /* and the axis goes below zero for it */
  g_assert_cmpuint (shore_report_nice_ticks (-300000, 500000, 8, ticks), >=, 3);
  g_assert_cmpint (ticks[0], <=, -300000);
}

static void
test_trend_huge (void)
{
  ShoreReportMonth months[3];
  cairo_surface_t *surface;

  make_months (TREND_HUGE, "en", months);
  surface = draw_trend (months, 3, FALSE);
  /* saturated, not wrapped around: income bars still stand up */
  g_assert_cmpint (shore_test_count_colour (surface, INCOME), >, 100);
  cairo_surface_destroy (surface);
}

/* Natural height */

static void
test_categories_natural_height (void)
{
  static const char *const languages[] = { "en", "zh-cn", "zh-tw" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (int budgets = 0; budgets < 2; budgets++)
      {
        ShoreReportCategoryOptions options;
        ShoreChartStyle style, narrow;
        double last = 0;

        category_options (&options, languages[l], budgets);
        shore_chart_style_init (&style, WIDTH, 1);
        style.language = languages[l];
        narrow = style;
        narrow.width = 260;

        for (guint n = 0; n <= 50; n++)
          {
            double h = shore_report_categories_natural_height (&style, n, &options);

            if (n == 1)
              g_assert_cmpfloat (h, ==, last);   /* the empty message takes one row */
            else if (n <= SHORE_REPORT_DEFAULT_MAX_BARS + 1)
              g_assert_cmpfloat (h, >, last);
            else
              g_assert_cmpfloat (h, ==, last);
            /* narrow puts the names above the bars: taller */
            if (n > 0)
              g_assert_cmpfloat (shore_report_categories_natural_height (&narrow, n, &options), >, h);
            last = h;
          }
        /* smaller type on paper: smaller */
        style.font_scale = 0.75;
        g_assert_cmpfloat (shore_report_categories_natural_height (&style, 5, &options), <,
                           shore_report_categories_natural_height (&narrow, 5, &options));
      }
}

/* Drawn at its natural height, the last bar is whole: the bottom padding is
 * empty and the row above it is not. */
static void
test_categories_natural_fits (gconstpointer data)
{
  gboolean narrow = GPOINTER_TO_INT (data);
  DrawCase c = { "fits", KIND_CATEGORIES, CATS_FIFTY, "zh-cn", FALSE, FALSE, TRUE, narrow ? 280 : WIDTH, 0 };
  ShoreReportCategoryOptions options;
  ShoreChartStyle style;
  cairo_surface_t *surface;
  g_autoptr(GArray) others = NULL;
  int h;

  category_options (&options, c.language, TRUE);
  style_for_case (&c, &style);
  c.height = style.height = shore_report_categories_natural_height (&style, 50, &options);
  surface = draw_image (&c, &style);
  h = cairo_image_surface_get_height (surface);

  others = find_bands (surface, OTHER);
  g_assert_cmpuint (others->len, ==, 1);
  g_assert_cmpint (g_array_index (others, Band, 0).bottom, <, h - 8);
  g_assert_cmpint (g_array_index (others, Band, 0).bottom, >, h - 40);
  for (int y = h - 8; y < h; y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      g_assert_cmphex (shore_test_pixel (surface, x, y), ==, LIGHT_BG);

  cairo_surface_destroy (surface);
}

static void
test_trend_natural_height (void)
{
  ShoreReportTrendOptions options;
  ShoreChartStyle wide, narrow;

  trend_options (&options, "zh-cn");
  shore_chart_style_init (&wide, WIDTH, 1);
  wide.language = "zh-cn";
  narrow = wide;
  narrow.width = 150;
  /* the legend wraps in a narrow chart */
  g_assert_cmpfloat (shore_report_trend_natural_height (&wide, &options), >, 200);
  g_assert_cmpfloat (shore_report_trend_natural_height (&narrow, &options), >,
                     shore_report_trend_natural_height (&wide, &options));
}

/* Ticks that may go below zero */

typedef struct
{
  const char *name;
  gint64      min;
  gint64      max;
  guint       max_ticks;
  gint64      first;
  gint64      last;
  gint64      step;
} TicksCase;

static const TicksCase ticks_cases[] = {
  { "zero",            0,        0,       6, 0,        100,     100 },
  { "positive",        0,        12345,   6, 0,        15000,   5000 },
  { "negative-only",   -12345,   0,       6, -15000,   0,       5000 },
  { "both",            -30000,   500000,  8, -100000,  500000,  100000 },
  { "both-three",      -1,       1,       3, -100,     100,     100 },
  { "balanced",        -250000,  250000,  6, -400000,  400000,  200000 },
  { "min-positive",    500,      100000,  6, 0,        100000,  20000 },
  { "max-negative",    -100000,  -500,    6, -100000,  0,       20000 },
  /* clamped to ±5 × 10¹⁷: three steps of 2 × 10¹⁷ each side */
  { "huge",            G_MININT64, G_MAXINT64, 8, -6 * SHORE_CHART_MAX_FEN / 10, 6 * SHORE_CHART_MAX_FEN / 10, SHORE_CHART_MAX_FEN / 5 },
};

static void
test_nice_ticks (gconstpointer data)
{
  const TicksCase *c = data;
  gint64 ticks[SHORE_CHART_MAX_TICKS];
  guint n;
  gboolean has_zero = FALSE;

  n = shore_report_nice_ticks (c->min, c->max, c->max_ticks, ticks);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpuint (n, <=, c->max_ticks);
  g_assert_cmpint (ticks[0], ==, c->first);
  g_assert_cmpint (ticks[n - 1], ==, c->last);
  g_assert_cmpint (ticks[1] - ticks[0], ==, c->step);
  for (guint i = 0; i < n; i++)
    {
      has_zero |= ticks[i] == 0;
      if (i > 0)
        g_assert_cmpint (ticks[i] - ticks[i - 1], ==, c->step);
    }
  g_assert_true (has_zero);
}

static void
test_nice_ticks_sweep (void)
{
  static const gint64 values[] = { 0, 1, 99, 100, 101, 12345, 99999, 1000000, 7777777,
                                   G_GINT64_CONSTANT (123456789012), SHORE_CHART_MAX_FEN / 2 };
  gint64 ticks[SHORE_CHART_MAX_TICKS];

  for (guint a = 0; a < G_N_ELEMENTS (values); a++)
    for (guint b = 0; b < G_N_ELEMENTS (values); b++)
      for (guint limit = 3; limit <= SHORE_CHART_MAX_TICKS; limit++)
        {
          guint n = shore_report_nice_ticks (-values[a], values[b], limit, ticks);

          g_assert_cmpuint (n, >=, 2);
          g_assert_cmpuint (n, <=, limit);
          g_assert_cmpint (ticks[0], <=, -values[a]);
          g_assert_cmpint (ticks[n - 1], >=, values[b]);
          for (guint i = 1; i < n; i++)
            g_assert_cmpint (ticks[i], >, ticks[i - 1]);
        }
}

static void
test_nice_ticks_bad_args (void)
{
  gint64 ticks[SHORE_CHART_MAX_TICKS];

  g_test_expect_message ("shore-report-chart", G_LOG_LEVEL_CRITICAL, "*max_ticks >= 3*");
  g_assert_cmpuint (shore_report_nice_ticks (-100, 100, 2, ticks), ==, 0);
  g_test_assert_expected_messages ();
}

static void
test_bad_args (void)
{
  ShoreReportCategoryOptions options;
  ShoreReportTrendOptions trend = { 0 };
  ShoreChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t *cr = cairo_create (surface);

  shore_report_category_options_init (&options);
  shore_chart_style_init (&style, 10, 10);

  g_test_expect_message ("shore-report-chart", G_LOG_LEVEL_CRITICAL, "*items != NULL*");
  shore_report_categories_draw (cr, &style, NULL, 3, &options);
  g_test_assert_expected_messages ();
  g_test_expect_message ("shore-report-chart", G_LOG_LEVEL_CRITICAL, "*months != NULL*");
  shore_report_trend_draw (cr, &style, NULL, 3, &trend);
  g_test_assert_expected_messages ();

  /* zero, negative and NaN sizes draw nothing and leave cr alone */
  style.width = 0;
  shore_report_categories_draw (cr, &style, NULL, 0, &options);
  style.width = NAN;
  shore_report_trend_draw (cr, &style, NULL, 0, &trend);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Samples: with SHORE_REPORT_SAMPLE_DIR set, writes PNGs and a PDF to look at. */

typedef struct
{
  const char *file;
  DrawCase    c;
} Sample;

static const Sample samples[] = {
  { "categories-zh-cn.png",        { NULL, KIND_CATEGORIES, CATS_REALISTIC, "zh-cn", FALSE, FALSE, TRUE,  WIDTH, 0 } },
  { "categories-zh-tw.png",        { NULL, KIND_CATEGORIES, CATS_REALISTIC, "zh-tw", FALSE, FALSE, TRUE,  WIDTH, 0 } },
  { "categories-en-dark.png",      { NULL, KIND_CATEGORIES, CATS_REALISTIC, "en",    TRUE,  FALSE, TRUE,  WIDTH, 0 } },
  { "categories-zh-cn-print.png",  { NULL, KIND_CATEGORIES, CATS_REALISTIC, "zh-cn", FALSE, TRUE,  TRUE,  WIDTH, 0 } },
  { "categories-zh-cn-narrow.png", { NULL, KIND_CATEGORIES, CATS_REALISTIC, "zh-cn", FALSE, FALSE, TRUE,  300,   0 } },
  { "categories-fifty.png",        { NULL, KIND_CATEGORIES, CATS_FIFTY,     "zh-cn", FALSE, FALSE, FALSE, WIDTH, 0 } },
  { "categories-empty.png",        { NULL, KIND_CATEGORIES, CATS_NONE,      "zh-cn", FALSE, FALSE, TRUE,  WIDTH, 0 } },
  { "trend-zh-cn.png",             { NULL, KIND_TREND,      TREND_YEAR,     "zh-cn", FALSE, FALSE, FALSE, WIDTH, 0 } },
  { "trend-zh-tw.png",             { NULL, KIND_TREND,      TREND_YEAR,     "zh-tw", FALSE, FALSE, FALSE, WIDTH, 0 } },
  { "trend-zh-cn-dark.png",        { NULL, KIND_TREND,      TREND_YEAR,     "zh-cn", TRUE,  FALSE, FALSE, WIDTH, 0 } },
  { "trend-zh-cn-print.png",       { NULL, KIND_TREND,      TREND_YEAR,     "zh-cn", FALSE, TRUE,  FALSE, WIDTH, 0 } },
  { "trend-en-negative.png",       { NULL, KIND_TREND,      TREND_NEGATIVE, "en",    FALSE, FALSE, FALSE, WIDTH, 0 } },
  { "trend-zh-cn-narrow.png",      { NULL, KIND_TREND,      TREND_YEAR,     "zh-cn", FALSE, FALSE, FALSE, 340,   0 } },
  { "trend-one.png",               { NULL, KIND_TREND,      TREND_ONE,      "en",    FALSE, FALSE, FALSE, WIDTH, 0 } },
};

static double
natural_height (const DrawCase        *c,
                const ShoreChartStyle *style)
{
  if (c->kind == KIND_CATEGORIES)
    {
      ShoreReportCategory items[50];
      char *labels[50] = { NULL };
      ShoreReportCategoryOptions options;
      guint n = make_categories (c->fixture, c->language, items, labels);
      double h;

      category_options (&options, c->language, c->budgets);
      h = shore_report_categories_natural_height (style, n, &options);
      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        g_free (labels[i]);
      return h;
    }
  else
    {
      ShoreReportTrendOptions options;

      trend_options (&options, c->language);
      return shore_report_trend_natural_height (style, &options);
    }
}

static void
write_sample_pdf (const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595.28, 841.89);
  cairo_t *cr = cairo_create (surface);
  double y = 60;

  for (guint i = 0; i < 2; i++)
    {
      DrawCase c = { NULL, i == 0 ? KIND_CATEGORIES : KIND_TREND, i == 0 ? CATS_REALISTIC : TREND_YEAR,
                     "zh-cn", FALSE, TRUE, TRUE, 515, 0 };
      ShoreChartStyle style;

      style_for_case (&c, &style);
      style.font_scale = 0.75;
      style.height = natural_height (&c, &style);
      cairo_save (cr);
      cairo_translate (cr, 40, y);
      draw_case (cr, &style, &c);
      cairo_restore (cr);
      y += style.height + 30;
    }
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_samples (void)
{
  const char *dir = g_getenv ("SHORE_REPORT_SAMPLE_DIR");

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      DrawCase c = samples[i].c;
      ShoreChartStyle style;
      cairo_surface_t *surface;

      style_for_case (&c, &style);
      c.height = style.height = natural_height (&c, &style);
      surface = draw_image (&c, &style);
      if (dir != NULL)
        {
          g_autofree char *path = g_build_filename (dir, samples[i].file, NULL);

          g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
        }
      cairo_surface_destroy (surface);
    }

  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, "report-a4.pdf", NULL);

      write_sample_pdf (path);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (draw_cases); i++)
    {
      g_autofree char *image = g_strdup_printf ("/report-chart/draw/image/%s", draw_cases[i].name);
      g_autofree char *pdf = g_strdup_printf ("/report-chart/draw/pdf/%s", draw_cases[i].name);

      g_test_add_data_func (image, &draw_cases[i], test_draw_image);
      g_test_add_data_func (pdf, &draw_cases[i], test_draw_pdf);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ticks_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/report-chart/nice-ticks/%s", ticks_cases[i].name);

      g_test_add_data_func (path, &ticks_cases[i], test_nice_ticks);
    }
  g_test_add_func ("/report-chart/nice-ticks/sweep", test_nice_ticks_sweep);
  g_test_add_func ("/report-chart/nice-ticks/bad-args", test_nice_ticks_bad_args);

  g_test_add_data_func ("/report-chart/categories/sorted-light", GINT_TO_POINTER (FALSE), test_categories_sorted);
  g_test_add_data_func ("/report-chart/categories/sorted-dark", GINT_TO_POINTER (TRUE), test_categories_sorted);
  g_test_add_func ("/report-chart/categories/other", test_categories_other);
  g_test_add_func ("/report-chart/categories/one-left-over", test_categories_one_left_over);
  g_test_add_func ("/report-chart/categories/over-budget", test_categories_over_budget);
  g_test_add_func ("/report-chart/categories/budget-tick", test_categories_budget_tick);
  g_test_add_func ("/report-chart/categories/natural-height", test_categories_natural_height);
  g_test_add_data_func ("/report-chart/categories/natural-fits-wide", GINT_TO_POINTER (FALSE), test_categories_natural_fits);
  g_test_add_data_func ("/report-chart/categories/natural-fits-narrow", GINT_TO_POINTER (TRUE), test_categories_natural_fits);
  g_test_add_data_func ("/report-chart/categories/print-only-gray", find_case ("categories/zh-cn"), test_print_gray);
  g_test_add_data_func ("/report-chart/trend/print-only-gray", find_case ("trend/negative"), test_print_gray);
  g_test_add_func ("/report-chart/trend/bars", test_trend_bars);
  g_test_add_func ("/report-chart/trend/negative", test_trend_negative);
  g_test_add_func ("/report-chart/trend/huge", test_trend_huge);
  g_test_add_func ("/report-chart/trend/natural-height", test_trend_natural_height);
  g_test_add_func ("/report-chart/api/bad-args", test_bad_args);
  g_test_add_func ("/report-chart/samples", test_samples);

  return g_test_run ();
}
