/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "shore-test-chart.h"

#include <math.h>

#include <glib/gstdio.h>
#include <cairo-pdf.h>

void
shore_test_chart_style (ShoreChartStyle *style,
                        double           width,
                        double           height,
                        gboolean         dark,
                        gboolean         print,
                        const char      *language)
{
  shore_chart_style_init (style, width, height);
  style->dark = dark;
  style->print = print;
  style->language = language;
}

cairo_surface_t *
shore_test_chart_image (const ShoreChartStyle *style,
                        ShoreTestChartDraw     draw,
                        gconstpointer          data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) ceil (style->width),
                                                         (int) ceil (style->height));
  cairo_t *cr = cairo_create (surface);

  draw (cr, style, data);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  return surface;
}

void
shore_test_chart_write_pdf (const char            *path,
                            double                 x,
                            double                 y,
                            const ShoreChartStyle *style,
                            ShoreTestChartDraw     draw,
                            gconstpointer          data)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595.28, 841.89);
  cairo_t *cr = cairo_create (surface);

  cairo_translate (cr, x, y);
  draw (cr, style, data);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

void
shore_test_chart_check_pdf (const char            *tmp_template,
                            const char            *file,
                            gsize                  min_length,
                            double                 x,
                            double                 y,
                            const ShoreChartStyle *style,
                            ShoreTestChartDraw     draw,
                            gconstpointer          data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (tmp_template, &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  path = g_build_filename (dir, file, NULL);
  shore_test_chart_write_pdf (path, x, y, style, draw, data);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, min_length);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_unlink (path);
  g_rmdir (dir);
}

guint32
shore_test_pixel (cairo_surface_t *surface,
                  int              x,
                  int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  return *(const guint32 *) (data + (gsize) y * stride + (gsize) x * 4) & 0xffffffu;
}

int
shore_test_count_colour (cairo_surface_t *surface,
                         guint32          colour)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int n = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      n += shore_test_pixel (surface, x, y) == colour;
  return n;
}

int
shore_test_assert_gray (cairo_surface_t *surface)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int n_dark = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = shore_test_pixel (surface, x, y);
        guint r = p >> 16 & 0xff, g = p >> 8 & 0xff, b = p & 0xff;

        if (r != g || g != b)
          g_error ("colour pixel %06x at %d,%d in print mode", p, x, y);
        n_dark += r < 0x80;
      }
  return n_dark;
}

/* Read by LeakSanitizer in the sanitizer build, ignored otherwise; here so
 * that only the programs drawing charts get them. Two leaks are the
 * libraries' own and not reachable from the tests: fontconfig's parsed
 * configuration (freed only by FcFini) and a buffer cairo 1.16 loses while
 * finishing a PDF with subsetted CFF fonts. A surface or layout leaked by a
 * chart is allocated elsewhere and still reported. */
const char *__asan_default_options (void);
const char *__lsan_default_suppressions (void);

/* Full stacks for allocations, so that the suppressions below can see the
 * cairo call under the system libraries built without frame pointers. */
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\n"
         "leak:cairo_surface_finish\n";
}
