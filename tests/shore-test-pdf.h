/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading PDFs back in tests, with poppler's command-line tools
 * (poppler-utils: pdfinfo, pdffonts, pdftotext), and checking that Chinese
 * text is written in one script with OpenCC. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A4 as pdfinfo prints it. */
#define SHORE_TEST_PDF_A4 "595.28 x 841.89 pts"

/* Whether pdfinfo, pdffonts and pdftotext are installed. */
gboolean    shore_test_pdf_have_poppler (void);

/* Runs @tool (with @extra, an option, if not NULL) on @pdf and returns its
 * standard output; asserts it ran and succeeded. pdftotext writes to stdout. */
char       *shore_test_pdf_run_tool     (const char  *tool,
                                         const char  *pdf,
                                         const char  *extra);

/* Copies @pdf to $SHORE_TEST_SHOTS/@name (to look at), if that is set. */
void        shore_test_pdf_keep_shot    (const char  *pdf,
                                         const char  *name);

/* @text without any ASCII white space, so that CJK text compares whatever
 * spacing poppler guesses. */
char       *shore_test_pdf_squeeze      (const char  *text);

/* The text of each page (squeezed), from pdftotext's form feeds. */
GPtrArray  *shore_test_pdf_page_texts   (const char  *pdf);

/* The value of "@field:" in pdfinfo's output, or NULL. */
char       *shore_test_pdf_info_field   (const char  *info,
                                         const char  *field);

/* The page count and the first page's size ("595.28 x 841.89 pts (A4)"). */
guint       shore_test_pdf_n_pages      (const char  *pdf);
char       *shore_test_pdf_page_size    (const char  *pdf);

typedef struct
{
  char     *line;       /* pdffonts' whole row */
  char     *name;       /* the font's name, e.g. "ABCDEF+NotoSansCJKtc-Regular" */
  gboolean  embedded;
} ShoreTestPdfFont;

/* The fonts of @pdf, one per pdffonts row (of ShoreTestPdfFont). */
GPtrArray  *shore_test_pdf_fonts        (const char  *pdf);

/* The Han characters of @text that are not in @language's script ("zh_CN":
 * changed by OpenCC t2s; "zh_TW": changed by s2tw; the whole text is
 * converted, so phrases decide as they do in tests/check-po.py), as
 * "X→Y X→Y…", or NULL when there are none. "en" has no script to check. */
char       *shore_test_pdf_script_leftovers (const char *text,
                                             const char *language);

G_END_DECLS
