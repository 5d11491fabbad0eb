/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drawing charts in tests: on an image to read its pixels back, or on an A4
 * PDF page as a handout does. Linking this also links the sanitizer
 * settings that fontconfig's and cairo's own leaks need (see the .c file). */

#pragma once

#include <glib.h>
#include <cairo.h>

#include "shore-chart.h"

G_BEGIN_DECLS

/* Draws the test's chart on @cr in @style; @data is the test's. */
typedef void (*ShoreTestChartDraw) (cairo_t               *cr,
                                    const ShoreChartStyle *style,
                                    gconstpointer          data);

/* shore_chart_style_init() with the given colours and language. */
void             shore_test_chart_style     (ShoreChartStyle       *style,
                                             double                 width,
                                             double                 height,
                                             gboolean               dark,
                                             gboolean               print,
                                             const char            *language);

/* An ARGB32 image of @style's size (rounded up) with @draw on it; asserts
 * cairo reports no error. */
cairo_surface_t *shore_test_chart_image     (const ShoreChartStyle *style,
                                             ShoreTestChartDraw     draw,
                                             gconstpointer          data);

/* Writes a one-page A4 PDF at @path with @draw at (@x, @y) in @style;
 * asserts cairo reports no error. */
void             shore_test_chart_write_pdf (const char            *path,
                                             double                 x,
                                             double                 y,
                                             const ShoreChartStyle *style,
                                             ShoreTestChartDraw     draw,
                                             gconstpointer          data);

/* The same in a new temporary folder (@tmp_template, as g_dir_make_tmp()
 * takes it) under the name @file; asserts the file read back is a PDF
 * longer than @min_length bytes, then removes it and the folder. */
void             shore_test_chart_check_pdf (const char            *tmp_template,
                                             const char            *file,
                                             gsize                  min_length,
                                             double                 x,
                                             double                 y,
                                             const ShoreChartStyle *style,
                                             ShoreTestChartDraw     draw,
                                             gconstpointer          data);

/* The 0xRRGGBB colour of the pixel at (@x, @y); asserts it is inside. */
guint32          shore_test_pixel           (cairo_surface_t       *surface,
                                             int                    x,
                                             int                    y);

/* How many pixels of @surface are @colour. */
int              shore_test_count_colour    (cairo_surface_t       *surface,
                                             guint32                colour);

/* Fails on the first pixel of @surface that is not a gray (print mode);
 * returns how many are darker than middle gray. */
int              shore_test_assert_gray     (cairo_surface_t       *surface);

G_END_DECLS
