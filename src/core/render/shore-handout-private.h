/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shore-chart.h"
#include "shore-handout.h"

G_BEGIN_DECLS

/* What every topic builder gets. The thread language is already set to
 * options->language: plain _() / C_() / ngettext give the handout's
 * language. The builder adds its title (shore_document_set_title(), the
 * subtitle carrying the date and ctx->options->case_title when set) and its
 * content; the footer and page-number format are set by the caller. */
typedef struct
{
  ShoreStore                *store;     /* the (possibly anonymized) data */
  const ShoreHandoutOptions *options;
  ShoreDocument             *doc;       /* new, empty, language set */
  const char                *ui_language; /* the thread's language before (NULL: the process's) */
} ShoreHandoutContext;

/* Errors are for the person asking for the handout: use this (with an
 * N_()-marked format) so the message is in the UI's language. */
void      shore_handout_set_error         (const ShoreHandoutContext *ctx,
                                           GError                   **error,
                                           ShoreHandoutError          code,
                                           const char                *format,
                                           ...) G_GNUC_PRINTF (4, 5);

/* A subtitle line "As of 24 November 2026 · Training case: …" in the
 * handout's language; free with g_free(). */
char     *shore_handout_subtitle          (const ShoreHandoutContext *ctx,
                                           const char                *extra) G_GNUC_WARN_UNUSED_RESULT;
/* The date in the handout's language: “2026年11月24日” / “24 November 2026”. */
char     *shore_handout_format_date       (const GDate               *date) G_GNUC_WARN_UNUSED_RESULT;

/* A chart style for grayscale print at @width × @height points, its text
 * @font_scale times the screen's, in the handout's @language. */
void      shore_handout_print_style       (ShoreChartStyle           *style,
                                           double                     width,
                                           double                     height,
                                           double                     font_scale,
                                           const char                *language);
/* Adds @chart (taken) to the handout, @height points high, drawn with
 * shore_handout_print_style(). */
void      shore_handout_add_chart         (const ShoreHandoutContext *ctx,
                                           ShoreChart                *chart,
                                           double                     height,
                                           double                     font_scale);

gboolean  shore_handout_build_rights      (ShoreHandoutContext *ctx, GError **error);
gboolean  shore_handout_build_overdue     (ShoreHandoutContext *ctx, GError **error);
gboolean  shore_handout_build_budget      (ShoreHandoutContext *ctx, GError **error);
gboolean  shore_handout_build_plan        (ShoreHandoutContext *ctx, GError **error);
gboolean  shore_handout_build_letter      (ShoreHandoutContext *ctx, GError **error);
gboolean  shore_handout_build_evidence    (ShoreHandoutContext *ctx, GError **error);

/* Copies @store into a new store in a fresh temporary folder and replaces,
 * in the copy, the lenders' names (“Lender A”, “Lender B” … in the thread's
 * language, by loan id), people's names, phone and ID numbers, payees and
 * organizations. *out_dir receives the folder, to be removed with
 * shore_handout_remove_dir() after the copy is closed. */
ShoreStore *shore_handout_anonymized_copy (ShoreStore  *store,
                                           char       **out_dir,
                                           GError     **error);
void        shore_handout_remove_dir      (const char  *dir);

G_END_DECLS
