/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shore-chart.h"
#include "shore-handout-private.h"

G_BEGIN_DECLS

/* Shared by the budget and plan handouts (shore-handout-money.c). */

/* The width of the text on an A4 page, as ShoreDocument lays it out. */
#define SHORE_HANDOUT_MONEY_CONTENT_WIDTH (SHORE_DOCUMENT_A4_WIDTH - 2 * 56.0)

/* Charts print a little smaller than the screen's 12-unit text, next to
 * the 10.5-point body of the page. */
#define SHORE_HANDOUT_MONEY_CHART_FONT_SCALE 0.85

/* Adds a NULL-terminated row of cells, taking each (newly allocated) cell. */
void        shore_handout_money_add_row            (GPtrArray     *rows,
                                                    ...) G_GNUC_NULL_TERMINATED;
/* The cells as a GStrv, taking each. */
char      **shore_handout_money_strv               (char          *first,
                                                    ...) G_GNUC_NULL_TERMINATED;
/* Keeps @text in @strings (which frees it) and returns it. */
const char *shore_handout_money_keep               (GPtrArray     *strings,
                                                    char          *text);
void        shore_handout_money_add_paragraph_take (ShoreDocument *doc,
                                                    char          *text);
void        shore_handout_money_add_heading_printf (ShoreDocument *doc,
                                                    const char    *format,
                                                    ...) G_GNUC_PRINTF (2, 3);

/* A chart style for grayscale print at @width × @height points
 * (shore_handout_print_style() at SHORE_HANDOUT_MONEY_CHART_FONT_SCALE). */
void        shore_handout_money_print_style        (ShoreChartStyle *style,
                                                    double           width,
                                                    double           height,
                                                    const char      *language);

/* In the thread's language: “Nov” / “11月”, and “November 2026” / “2026年11月”. */
char       *shore_handout_money_month_label        (int            month) G_GNUC_WARN_UNUSED_RESULT;
char       *shore_handout_money_month_year         (const GDate   *date) G_GNUC_WARN_UNUSED_RESULT;

/* “《民法典》 Article 678; Law, read in the text itself”: a change of the
 * repayment terms needs the lender's agreement. */
char       *shore_handout_money_cite_678           (void) G_GNUC_WARN_UNUSED_RESULT;

/* The negotiating advice of both handouts, with its citation. */
char       *shore_handout_money_negotiate_text     (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
