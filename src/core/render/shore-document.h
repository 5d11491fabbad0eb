/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <cairo.h>

G_BEGIN_DECLS

/**
 * SHORE_DOCUMENT_A4_WIDTH:
 *
 * The width of an A4 page in points (210 mm), rounded as PDF tools print it.
 */
#define SHORE_DOCUMENT_A4_WIDTH  595.28

/**
 * SHORE_DOCUMENT_A4_HEIGHT:
 *
 * The height of an A4 page in points (297 mm).
 */
#define SHORE_DOCUMENT_A4_HEIGHT 841.89

/**
 * ShoreDocument:
 *
 * A printable document (a letter, a handout): a title block, then headings,
 * paragraphs, tables, signature lines and spacers in the order they were
 * added, and a footer line on every page. It holds no strings of its own:
 * every text comes from the caller, already translated.
 *
 * The same pages go to a PDF file (shore_document_render_pdf()) and to any
 * other cairo context (shore_document_get_n_pages() and
 * shore_document_draw_page(), e.g. from a GtkPrintOperation). Pages are
 * laid out once per page size and cached.
 */
typedef struct _ShoreDocument ShoreDocument;

/**
 * ShoreDocumentAlign:
 * @SHORE_DOCUMENT_ALIGN_START: start of the line (left in LTR); text, names
 * @SHORE_DOCUMENT_ALIGN_CENTER: centred
 * @SHORE_DOCUMENT_ALIGN_END: end of the line (right in LTR); amounts, dates
 *
 * How a table column or a paragraph is aligned.
 */
typedef enum
{
  SHORE_DOCUMENT_ALIGN_START,
  SHORE_DOCUMENT_ALIGN_CENTER,
  SHORE_DOCUMENT_ALIGN_END,
} ShoreDocumentAlign;

/**
 * ShoreDocumentDrawFunc:
 * @cr: a cairo context, origin at the drawing's top left corner, clipped
 * @width: the drawing's width in points
 * @height: its height
 * @user_data: the data given with the drawing
 *
 * Draws a drawing of a document (see shore_document_add_drawing()).
 */
typedef void (*ShoreDocumentDrawFunc) (cairo_t *cr,
                                       double   width,
                                       double   height,
                                       gpointer user_data);

ShoreDocument *shore_document_new                 (const char               *language);
void           shore_document_free                (ShoreDocument            *self);

void           shore_document_set_title           (ShoreDocument            *self,
                                                   const char               *title,
                                                   const char               *subtitle);
void           shore_document_set_footer          (ShoreDocument            *self,
                                                   const char               *text);
void           shore_document_set_page_format     (ShoreDocument            *self,
                                                   const char               *format);

void           shore_document_add_heading         (ShoreDocument            *self,
                                                   const char               *text);
void           shore_document_add_paragraph       (ShoreDocument            *self,
                                                   const char               *text);
void           shore_document_add_paragraph_aligned (ShoreDocument          *self,
                                                   const char               *text,
                                                   ShoreDocumentAlign        align);
void           shore_document_add_paragraph_kept  (ShoreDocument            *self,
                                                   const char               *text);
void           shore_document_add_table           (ShoreDocument            *self,
                                                   const char *const        *header,
                                                   guint                     n_columns,
                                                   GPtrArray                *rows,
                                                   const ShoreDocumentAlign *alignments);
void           shore_document_add_signature_lines (ShoreDocument            *self,
                                                   const char *const        *labels);
void           shore_document_add_spacer          (ShoreDocument            *self,
                                                   double                    points);
void           shore_document_add_drawing         (ShoreDocument            *self,
                                                   double                    height,
                                                   ShoreDocumentDrawFunc     func,
                                                   gpointer                  user_data,
                                                   GDestroyNotify            destroy);
void           shore_document_add_page_break      (ShoreDocument            *self);

guint          shore_document_get_n_pages         (ShoreDocument            *self,
                                                   double                    width,
                                                   double                    height);
void           shore_document_draw_page           (ShoreDocument            *self,
                                                   cairo_t                  *cr,
                                                   guint                     page,
                                                   double                    width,
                                                   double                    height);
gboolean       shore_document_render_pdf          (ShoreDocument            *self,
                                                   const char               *path,
                                                   GError                  **error);
/* Every text of the document (title, subtitle, blocks, table cells,
 * signature labels, footer), one per line: for tests and search. */
char          *shore_document_get_text            (ShoreDocument            *self) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoreDocument, shore_document_free)

G_END_DECLS
