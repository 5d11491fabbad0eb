/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "../shore-intl.h"
#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "shore-chart.h"
#include "shore-document.h"
#include "../shore-paths.h"

/* Geometry in points. The content area leaves ~20 mm at the sides and top;
 * the footer sits in the bottom margin under a hairline. */
#define MARGIN_X          56.0
#define MARGIN_TOP        56.0
#define CONTENT_BOTTOM    72.0   /* distance from the bottom edge */
#define FOOTER_RULE       60.0
#define FOOTER_TEXT       55.0

#define TITLE_SIZE        18.0
#define SUBTITLE_SIZE     10.5
#define HEADING_SIZE      12.5
#define BODY_SIZE         10.5
#define TABLE_SIZE         9.5
#define SMALL_SIZE         8.5

#define PARAGRAPH_GAP      7.0
#define HEADING_GAP_ABOVE 15.0
#define HEADING_GAP_BELOW  5.0
#define BLOCK_GAP         10.0
#define CELL_PAD_X         5.0
#define CELL_PAD_Y         3.5
#define COLUMN_GAP         4.0   /* at least this much between cell texts */
#define SIGNATURE_SPACE   38.0   /* room to sign above the line */
#define SIGNATURE_GAP     24.0   /* between the two columns */

#define INK        0.08
#define GRAY_TEXT  0.38
#define GRAY_RULE  0.72

typedef enum
{
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_TABLE,
  BLOCK_SIGNATURES,
  BLOCK_SPACER,
  BLOCK_DRAWING,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct
{
  BlockKind           kind;
  char               *text;
  ShoreDocumentAlign  align;
  gboolean            keep;       /* paragraphs: never split across pages */
  /* tables */
  guint               n_columns;
  GStrv               header;     /* nullable */
  GPtrArray          *rows;       /* of GStrv, each n_columns long */
  ShoreDocumentAlign *aligns;
  /* signature lines */
  GStrv               labels;
  /* spacers; drawings: their height */
  double              points;
  /* drawings */
  ShoreDocumentDrawFunc draw_func;
  gpointer            draw_data;
  GDestroyNotify      draw_destroy;
} Block;

/* A measured block: its layouts, already wrapped to the content width. */
typedef struct
{
  PangoLayout *layout;          /* headings, paragraphs */
  GArray      *tops;            /* double: line tops in @layout */
  GArray      *bottoms;         /* double: line bottoms */
  /* tables */
  double      *col_x;           /* n_columns + 1 offsets from the left margin */
  GPtrArray   *header_cells;    /* PangoLayout, nullable */
  double       header_height;
  GPtrArray   *cells;           /* PangoLayout, row-major */
  GArray      *row_heights;     /* double */
  /* signature lines */
  GPtrArray   *label_layouts;
  double       signature_row;
} Measure;

typedef enum
{
  FRAG_LINES,
  FRAG_RULE,
  FRAG_DRAWING,
} FragKind;

/* Something drawn on a page: some lines of a layout, or a rule. */
typedef struct
{
  FragKind     kind;
  guint        page;
  PangoLayout *layout;
  int          first_line;
  int          n_lines;
  double       gray;
  double       x;
  double       y;               /* the top of the first line / the rule's y */
  double       x2;              /* rules */
  double       line_width;
  const char  *outline;         /* headings: an entry in the PDF outline */
  const Block *block;           /* drawings */
} Frag;

struct _ShoreDocument
{
  char                 *language;
  const char           *family;
  PangoContext         *pango;
  PangoFontDescription *title_font;
  PangoFontDescription *subtitle_font;
  PangoFontDescription *heading_font;
  PangoFontDescription *body_font;
  PangoFontDescription *table_font;
  PangoFontDescription *table_bold_font;
  PangoFontDescription *small_font;
  double                body_spacing;
  double                table_spacing;

  char                 *title;
  char                 *subtitle;
  char                 *footer;
  char                 *page_format;
  GPtrArray            *blocks;

  /* The pagination for one page size, rebuilt when the size or the content
   * changes. */
  gboolean              laid_out;
  double                width;
  double                height;
  guint                 n_pages;
  GArray               *frags;
  Measure              *measures;
  guint                 n_measures;
};

typedef struct
{
  ShoreDocument *doc;
  double         left;
  double         right;
  double         top;
  double         bottom;
  double         y;
  guint          page;
  gboolean       page_empty;
} Cursor;

/* Blocks */

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_strfreev (block->header);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block->aligns);
  g_strfreev (block->labels);
  if (block->draw_destroy != NULL)
    block->draw_destroy (block->draw_data);
  g_free (block);
}

static void
measure_clear (Measure *m)
{
  g_clear_object (&m->layout);
  g_clear_pointer (&m->tops, g_array_unref);
  g_clear_pointer (&m->bottoms, g_array_unref);
  g_clear_pointer (&m->col_x, g_free);
  g_clear_pointer (&m->header_cells, g_ptr_array_unref);
  g_clear_pointer (&m->cells, g_ptr_array_unref);
  g_clear_pointer (&m->row_heights, g_array_unref);
  g_clear_pointer (&m->label_layouts, g_ptr_array_unref);
}

static void
invalidate (ShoreDocument *self)
{
  for (guint i = 0; i < self->n_measures; i++)
    measure_clear (&self->measures[i]);
  g_clear_pointer (&self->measures, g_free);
  self->n_measures = 0;

  if (self->frags != NULL)
    {
      for (guint i = 0; i < self->frags->len; i++)
        g_clear_object (&g_array_index (self->frags, Frag, i).layout);
      g_array_set_size (self->frags, 0);
    }
  self->laid_out = FALSE;
  self->n_pages = 0;
}

static PangoFontDescription *
make_font (const char *family,
           double      size,
           PangoWeight weight)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, family);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  return desc;
}

/* Pango's line spacing factor multiplies the font's own line height, which
 * differs a lot between fonts (Noto Sans CJK is tall). Ask for a distance
 * between baselines in ems instead. */
static double
spacing_factor (ShoreDocument              *self,
                const PangoFontDescription *font,
                double                      size,
                double                      em)
{
  PangoFontMetrics *metrics = pango_context_get_metrics (self->pango, font,
                                                         pango_context_get_language (self->pango));
  double height = (double) (pango_font_metrics_get_ascent (metrics)
                            + pango_font_metrics_get_descent (metrics)) / PANGO_SCALE;

  pango_font_metrics_unref (metrics);
  if (height <= 0)
    return 0;
  return em * size / height;
}

/**
 * shore_document_new:
 * @language: (nullable): the language the document is written in: "zh_CN",
 *   "zh_TW", "en" (locale names and "zh-tw"-style tags work too); it picks
 *   the glyphs (Noto Sans CJK SC or TC) and line breaking; %NULL for Pango's
 *   default language
 *
 * Returns: (transfer full): an empty document; free with shore_document_free()
 */
ShoreDocument *
shore_document_new (const char *language)
{
  ShoreDocument *self = g_new0 (ShoreDocument, 1);
  cairo_font_options_t *options;
  gboolean cjk;

  self->language = shore_chart_normalize_language (language);
  self->family = shore_chart_font_family (self->language);
  cjk = g_str_has_prefix (self->language, "zh");

  /* Measure without hinting or rounding so that the layout is the same on
   * every surface and at every resolution: a PDF, a printer, a preview. */
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_context_set_language (self->pango, pango_language_from_string (self->language));
  pango_context_set_round_glyph_positions (self->pango, FALSE);
  pango_cairo_context_set_resolution (self->pango, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->pango, options);
  cairo_font_options_destroy (options);

  self->title_font = make_font (self->family, TITLE_SIZE, PANGO_WEIGHT_BOLD);
  self->subtitle_font = make_font (self->family, SUBTITLE_SIZE, PANGO_WEIGHT_NORMAL);
  self->heading_font = make_font (self->family, HEADING_SIZE, PANGO_WEIGHT_BOLD);
  self->body_font = make_font (self->family, BODY_SIZE, PANGO_WEIGHT_NORMAL);
  self->table_font = make_font (self->family, TABLE_SIZE, PANGO_WEIGHT_NORMAL);
  self->table_bold_font = make_font (self->family, TABLE_SIZE, PANGO_WEIGHT_BOLD);
  self->small_font = make_font (self->family, SMALL_SIZE, PANGO_WEIGHT_NORMAL);

  /* Chinese reads best with more leading than Latin text. */
  self->body_spacing = spacing_factor (self, self->body_font, BODY_SIZE, cjk ? 1.7 : 1.45);
  self->table_spacing = spacing_factor (self, self->table_font, TABLE_SIZE, cjk ? 1.45 : 1.3);

  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->frags = g_array_new (FALSE, TRUE, sizeof (Frag));
  self->page_format = g_strdup ("%u / %u");

  return self;
}

/**
 * shore_document_free:
 * @self: (nullable): a document
 */
void
shore_document_free (ShoreDocument *self)
{
  if (self == NULL)
    return;

  invalidate (self);
  g_array_unref (self->frags);
  g_ptr_array_unref (self->blocks);
  g_object_unref (self->pango);
  pango_font_description_free (self->title_font);
  pango_font_description_free (self->subtitle_font);
  pango_font_description_free (self->heading_font);
  pango_font_description_free (self->body_font);
  pango_font_description_free (self->table_font);
  pango_font_description_free (self->table_bold_font);
  pango_font_description_free (self->small_font);
  g_free (self->language);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->footer);
  g_free (self->page_format);
  g_free (self);
}

/**
 * shore_document_set_title:
 * @self: a document
 * @title: (nullable): the title, big and bold at the top of page 1; also the
 *   title in the PDF's metadata
 * @subtitle: (nullable): a line under the title (a date, a case name)
 */
void
shore_document_set_title (ShoreDocument *self,
                          const char    *title,
                          const char    *subtitle)
{
  g_return_if_fail (self != NULL);

  g_free (self->title);
  g_free (self->subtitle);
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  invalidate (self);
}

/**
 * shore_document_set_footer:
 * @self: a document
 * @text: (nullable): one line at the bottom of every page, before the page
 *   number; it is cut with "…" when too long
 */
void
shore_document_set_footer (ShoreDocument *self,
                           const char    *text)
{
  g_return_if_fail (self != NULL);

  g_free (self->footer);
  self->footer = g_strdup (text);
  invalidate (self);
}

/**
 * shore_document_set_page_format:
 * @self: a document
 * @format: how the page number reads in the footer, translated by the
 *   caller: "%u" is replaced by the page number and a second "%u" by the
 *   number of pages ("%u / %u", "Page %u of %u", "第 %u 页，共 %u 页");
 *   "%1$u" and "%2$u" pick them in any order; "%%" is a percent sign.
 *   The default is "%u / %u".
 */
void
shore_document_set_page_format (ShoreDocument *self,
                                const char    *format)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (format != NULL);

  g_free (self->page_format);
  self->page_format = g_strdup (format);
}

static Block *
append_block (ShoreDocument *self,
              BlockKind      kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  invalidate (self);
  return block;
}

/**
 * shore_document_add_heading:
 * @self: a document
 * @text: a section heading; it always starts a page together with at least
 *   two lines of what follows it
 */
void
shore_document_add_heading (ShoreDocument *self,
                            const char    *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  append_block (self, BLOCK_HEADING)->text = g_strdup (text);
}

/**
 * shore_document_add_paragraph_aligned:
 * @self: a document
 * @text: plain text (no markup); a single newline breaks the line, a blank
 *   line starts a new paragraph
 * @align: how its lines are aligned (a date at the end of the line, say)
 */
void
shore_document_add_paragraph_aligned (ShoreDocument      *self,
                                      const char         *text,
                                      ShoreDocumentAlign  align)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) paragraph = g_string_new (NULL);

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; ; i++)
    {
      const char *line = lines[i];
      gboolean blank = line == NULL || line[strspn (line, " \t\r")] == '\0';

      if (blank)
        {
          if (paragraph->len > 0)
            {
              Block *block = append_block (self, BLOCK_PARAGRAPH);

              block->text = g_strdup (paragraph->str);
              block->align = align;
              g_string_truncate (paragraph, 0);
            }
          if (line == NULL)
            break;
          continue;
        }

      if (paragraph->len > 0)
        g_string_append_c (paragraph, '\n');
      g_string_append_len (paragraph, line, (gssize) strcspn (line, "\r"));
    }
}

/**
 * shore_document_add_paragraph_kept:
 * @self: a document
 * @text: plain text (no markup), one paragraph: single newlines break the line
 *
 * Adds a paragraph whose lines are never split across pages (a letter's
 * closing and signature block): it moves to the next page whole when it
 * does not fit.
 */
void
shore_document_add_paragraph_kept (ShoreDocument *self,
                                   const char    *text)
{
  Block *block;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  block = append_block (self, BLOCK_PARAGRAPH);
  block->text = g_strdup (text);
  block->align = SHORE_DOCUMENT_ALIGN_START;
  block->keep = TRUE;
}

/**
 * shore_document_add_paragraph:
 * @self: a document
 * @text: plain text (no markup); a single newline breaks the line, a blank
 *   line starts a new paragraph
 *
 * Adds body text, aligned to the start of the line.
 */
void
shore_document_add_paragraph (ShoreDocument *self,
                              const char    *text)
{
  shore_document_add_paragraph_aligned (self, text, SHORE_DOCUMENT_ALIGN_START);
}

/**
 * shore_document_add_table:
 * @self: a document
 * @header: (nullable) (array length=n_columns): the column titles, repeated
 *   at the top of every page the table continues on
 * @n_columns: the number of columns, at least 1
 * @rows: (element-type GStrv): the rows; a row shorter than @n_columns is
 *   padded with empty cells, extra cells are ignored; copied
 * @alignments: (nullable) (array length=n_columns): per column; %NULL aligns
 *   every column to the start
 *
 * Adds a table as wide as the text. Columns share the width by their
 * content; long cells wrap; a row never splits across pages.
 */
void
shore_document_add_table (ShoreDocument            *self,
                          const char *const        *header,
                          guint                     n_columns,
                          GPtrArray                *rows,
                          const ShoreDocumentAlign *alignments)
{
  Block *block;

  g_return_if_fail (self != NULL);
  g_return_if_fail (n_columns > 0);
  g_return_if_fail (rows != NULL);

  block = append_block (self, BLOCK_TABLE);
  block->n_columns = n_columns;
  block->aligns = g_new0 (ShoreDocumentAlign, n_columns);
  if (alignments != NULL)
    memcpy (block->aligns, alignments, n_columns * sizeof (ShoreDocumentAlign));
  if (header != NULL)
    {
      block->header = g_new0 (char *, n_columns + 1);
      for (guint c = 0; c < n_columns; c++)
        block->header[c] = g_strdup (header[c] != NULL ? header[c] : "");
    }

  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint r = 0; r < rows->len; r++)
    {
      char **src = g_ptr_array_index (rows, r);
      char **row = g_new0 (char *, n_columns + 1);
      gboolean ended = src == NULL;

      for (guint c = 0; c < n_columns; c++)
        {
          if (!ended && src[c] == NULL)
            ended = TRUE;
          row[c] = g_strdup (ended ? "" : src[c]);
        }
      g_ptr_array_add (block->rows, row);
    }
}

/**
 * shore_document_add_signature_lines:
 * @self: a document
 * @labels: (array zero-terminated=1): what each line is for ("Signature",
 *   "Date"); two lines per row, kept together on one page
 */
void
shore_document_add_signature_lines (ShoreDocument     *self,
                                    const char *const *labels)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (labels != NULL);

  if (labels[0] == NULL)
    return;
  append_block (self, BLOCK_SIGNATURES)->labels = g_strdupv ((char **) labels);
}

/**
 * shore_document_add_spacer:
 * @self: a document
 * @points: vertical space in points; dropped at the top of a page
 */
void
shore_document_add_spacer (ShoreDocument *self,
                           double         points)
{
  g_return_if_fail (self != NULL);

  append_block (self, BLOCK_SPACER)->points = MAX (points, 0);
}

/**
 * shore_document_add_drawing:
 * @self: a document
 * @height: the drawing's height in points (at most a page's content height)
 * @func: draws it: called with the origin at the drawing's top left corner,
 *   the content width and @height; it must draw the same thing every time
 *   (pages are drawn again when printed) and not translate strings then
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data with the document
 *
 * Adds a drawing (a chart) the full width of the text. It moves to the next
 * page whole when it does not fit; a heading just above moves with it.
 */
void
shore_document_add_drawing (ShoreDocument         *self,
                            double                 height,
                            ShoreDocumentDrawFunc  func,
                            gpointer               user_data,
                            GDestroyNotify         destroy)
{
  Block *block;

  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL);

  block = append_block (self, BLOCK_DRAWING);
  block->points = MAX (height, 1);
  block->draw_func = func;
  block->draw_data = user_data;
  block->draw_destroy = destroy;
}

/**
 * shore_document_add_page_break:
 * @self: a document
 *
 * What follows starts on a new page (nothing happens at the top of a page).
 */
void
shore_document_add_page_break (ShoreDocument *self)
{
  g_return_if_fail (self != NULL);

  append_block (self, BLOCK_PAGE_BREAK);
}

/* Measuring */

/* Debian 12's cairo 1.16 writes a broken outline for 如 (U+5982) when it
 * subsets Noto Sans CJK (a CFF font) for a PDF: the character comes out
 * blank (MuPDF: "broken file"). Every other GB2312 character was checked
 * and subsets cleanly; the JP face breaks the same way. Droid Sans Fallback
 * (fonts-droid-fallback) has TrueType outlines, which cairo subsets with
 * another code path, and a 如 close to Noto's, so 如 takes it in zh_CN. */
static void
work_around_broken_glyphs (ShoreDocument *self,
                           PangoLayout   *layout,
                           const char    *text)
{
  static const char broken[] = "\xe5\xa6\x82";   /* 如 */
  PangoAttrList *attrs = NULL;
  const char *at;

  if (g_strcmp0 (self->language, "zh-cn") != 0)
    return;

  for (at = strstr (text, broken); at != NULL; at = strstr (at + strlen (broken), broken))
    {
      PangoAttribute *family = pango_attr_family_new ("Droid Sans Fallback");

      family->start_index = (guint) (at - text);
      family->end_index = family->start_index + (guint) strlen (broken);
      if (attrs == NULL)
        attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, family);
    }

  if (attrs != NULL)
    {
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
}

static PangoLayout *
make_layout (ShoreDocument              *self,
             const char                 *text,
             const PangoFontDescription *font,
             double                      width,
             ShoreDocumentAlign          align,
             double                      spacing)
{
  PangoLayout *layout = pango_layout_new (self->pango);
  static const PangoAlignment alignments[] = {
    [SHORE_DOCUMENT_ALIGN_START] = PANGO_ALIGN_LEFT,
    [SHORE_DOCUMENT_ALIGN_CENTER] = PANGO_ALIGN_CENTER,
    [SHORE_DOCUMENT_ALIGN_END] = PANGO_ALIGN_RIGHT,
  };

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  work_around_broken_glyphs (self, layout, text);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* PANGO_ALIGN_LEFT follows the text direction (auto-dir is on). */
  pango_layout_set_alignment (layout, alignments[align <= SHORE_DOCUMENT_ALIGN_END ? align : 0]);
  if (spacing > 0)
    pango_layout_set_line_spacing (layout, (float) spacing);
  if (width > 0)
    pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
  return layout;
}

static void
line_bounds (PangoLayout *layout,
             GArray     **tops,
             GArray     **bottoms)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  *tops = g_array_new (FALSE, FALSE, sizeof (double));
  *bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  do
    {
      PangoRectangle logical;
      double top, bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      g_array_append_val (*tops, top);
      g_array_append_val (*bottoms, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/* Sizes the columns like an automatic HTML table: each column gets at least
 * its longest word, then the rest of the width goes to the columns whose
 * text would otherwise wrap, in proportion to how much they want. Short
 * columns (numbers, dates, amounts, and every header) do not wrap at all
 * when that leaves room for the others. */
static void
size_columns (const double *min_in,
              const double *nat,
              guint         n,
              double        width,
              double       *out)
{
  g_autofree double *min = g_new0 (double, n);
  double sum_min = 0, sum_nat = 0, sum_short = 0;

  for (guint c = 0; c < n; c++)
    sum_short += MAX (min_in[c], MIN (nat[c], width / 4));
  for (guint c = 0; c < n; c++)
    {
      min[c] = sum_short <= width ? MAX (min_in[c], MIN (nat[c], width / 4)) : min_in[c];
      sum_min += min[c];
      sum_nat += nat[c];
    }

  if (sum_nat <= width)
    {
      /* Everything fits on one line: spread the slack evenly. */
      double extra = (width - sum_nat) / n;

      for (guint c = 0; c < n; c++)
        out[c] = nat[c] + extra;
    }
  else if (sum_min >= width)
    {
      /* Even the longest words do not fit: shrink them, cells break anywhere. */
      for (guint c = 0; c < n; c++)
        out[c] = sum_min > 0 ? width * min[c] / sum_min : width / n;
    }
  else
    {
      double slack = width - sum_min, want = sum_nat - sum_min;

      for (guint c = 0; c < n; c++)
        out[c] = min[c] + (want > 0 ? slack * (nat[c] - min[c]) / want : 0);
    }
}

static void
measure_table (ShoreDocument *self,
               const Block   *block,
               Measure       *m,
               double         width)
{
  guint n = block->n_columns;
  g_autofree double *min = g_new0 (double, n);
  g_autofree double *nat = g_new0 (double, n);
  g_autofree double *widths = g_new0 (double, n);
  double pad = 2 * CELL_PAD_X;

  m->cells = g_ptr_array_new_with_free_func (g_object_unref);
  if (block->header != NULL)
    m->header_cells = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint c = 0; c < n; c++)
    {
      if (block->header != NULL)
        g_ptr_array_add (m->header_cells,
                         make_layout (self, block->header[c], self->table_bold_font, -1,
                                      block->aligns[c], self->table_spacing));
    }
  for (guint r = 0; r < block->rows->len; r++)
    {
      char **row = g_ptr_array_index (block->rows, r);

      for (guint c = 0; c < n; c++)
        g_ptr_array_add (m->cells,
                         make_layout (self, row[c], self->table_font, -1,
                                      block->aligns[c], self->table_spacing));
    }

  /* Natural width unwrapped; minimum width wrapped as narrow as it goes
   * (the longest word, or one CJK character). */
  for (guint i = 0; i < (m->header_cells ? m->header_cells->len : 0) + m->cells->len; i++)
    {
      gboolean in_header = m->header_cells != NULL && i < m->header_cells->len;
      guint k = in_header ? i : i - (m->header_cells ? m->header_cells->len : 0);
      PangoLayout *layout = g_ptr_array_index (in_header ? m->header_cells : m->cells, k);
      guint c = k % n;

      nat[c] = MAX (nat[c], layout_width (layout) + pad);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_width (layout, 1);
      min[c] = MAX (min[c], layout_width (layout) + pad);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }

  size_columns (min, nat, n, width, widths);
  m->col_x = g_new0 (double, n + 1);
  for (guint c = 0; c < n; c++)
    m->col_x[c + 1] = m->col_x[c] + widths[c];

  m->header_height = 0;
  if (m->header_cells != NULL)
    for (guint c = 0; c < n; c++)
      {
        PangoLayout *layout = g_ptr_array_index (m->header_cells, c);

        pango_layout_set_width (layout, (int) floor ((widths[c] - pad) * PANGO_SCALE));
        m->header_height = MAX (m->header_height, layout_height (layout) + 2 * CELL_PAD_Y);
      }

  m->row_heights = g_array_new (FALSE, TRUE, sizeof (double));
  for (guint r = 0; r < block->rows->len; r++)
    {
      double height = 0;

      for (guint c = 0; c < n; c++)
        {
          PangoLayout *layout = g_ptr_array_index (m->cells, r * n + c);

          pango_layout_set_width (layout, (int) floor ((widths[c] - pad) * PANGO_SCALE));
          height = MAX (height, layout_height (layout) + 2 * CELL_PAD_Y);
        }
      g_array_append_val (m->row_heights, height);
    }
}

static void
measure_signatures (ShoreDocument *self,
                    const Block   *block,
                    Measure       *m,
                    double         width)
{
  double column = (width - SIGNATURE_GAP) / 2;
  double label_height = 0;

  m->label_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; block->labels[i] != NULL; i++)
    {
      PangoLayout *layout = make_layout (self, block->labels[i], self->small_font, column,
                                         SHORE_DOCUMENT_ALIGN_START, 0);

      label_height = MAX (label_height, layout_height (layout));
      g_ptr_array_add (m->label_layouts, layout);
    }
  m->signature_row = SIGNATURE_SPACE + 4 + label_height;
}

static void
measure (ShoreDocument *self,
         double         width)
{
  self->n_measures = self->blocks->len;
  self->measures = g_new0 (Measure, self->n_measures);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = g_ptr_array_index (self->blocks, i);
      Measure *m = &self->measures[i];

      switch (block->kind)
        {
        case BLOCK_HEADING:
          m->layout = make_layout (self, block->text, self->heading_font, width,
                                   SHORE_DOCUMENT_ALIGN_START, 0);
          line_bounds (m->layout, &m->tops, &m->bottoms);
          break;
        case BLOCK_PARAGRAPH:
          m->layout = make_layout (self, block->text, self->body_font, width,
                                   block->align, self->body_spacing);
          line_bounds (m->layout, &m->tops, &m->bottoms);
          break;
        case BLOCK_TABLE:
          measure_table (self, block, m, width);
          break;
        case BLOCK_SIGNATURES:
          measure_signatures (self, block, m, width);
          break;
        case BLOCK_SPACER:
        case BLOCK_DRAWING:
        case BLOCK_PAGE_BREAK:
        default:
          break;
        }
    }
}

/* Placing */

static void
new_page (Cursor *c)
{
  c->page++;
  c->y = c->top;
  c->page_empty = TRUE;
}

static void
add_space (Cursor *c,
           double  points)
{
  if (!c->page_empty)
    c->y += points;
}

static Frag *
add_lines (Cursor      *c,
           PangoLayout *layout,
           int          first,
           int          n_lines,
           double       x,
           double       y,
           double       gray)
{
  Frag frag = { 0, };

  frag.kind = FRAG_LINES;
  frag.page = c->page;
  frag.layout = g_object_ref (layout);
  frag.first_line = first;
  frag.n_lines = n_lines;
  frag.x = x;
  frag.y = y;
  frag.gray = gray;
  g_array_append_val (c->doc->frags, frag);
  c->page_empty = FALSE;
  return &g_array_index (c->doc->frags, Frag, c->doc->frags->len - 1);
}

static void
add_rule (Cursor *c,
          double  x1,
          double  x2,
          double  y,
          double  line_width,
          double  gray)
{
  Frag frag = { 0, };

  frag.kind = FRAG_RULE;
  frag.page = c->page;
  frag.x = x1;
  frag.x2 = x2;
  frag.y = y;
  frag.line_width = line_width;
  frag.gray = gray;
  g_array_append_val (c->doc->frags, frag);
}

static double
lines_height (const Measure *m,
              guint          first,
              guint          n_lines)
{
  return g_array_index (m->bottoms, double, first + n_lines - 1)
         - g_array_index (m->tops, double, first);
}

/* How much of block @i must share a page with a heading just above it:
 * two lines of a paragraph, the header and first row of a table. */
static double
keep_with_heading (ShoreDocument *self,
                   guint          i)
{
  for (; i < self->blocks->len; i++)
    {
      const Block *block = g_ptr_array_index (self->blocks, i);
      const Measure *m = &self->measures[i];

      switch (block->kind)
        {
        case BLOCK_HEADING:
          return HEADING_GAP_ABOVE + lines_height (m, 0, m->tops->len);
        case BLOCK_PARAGRAPH:
          return lines_height (m, 0, MIN (2, m->tops->len));
        case BLOCK_TABLE:
          return m->header_height
                 + (m->row_heights->len > 0 ? g_array_index (m->row_heights, double, 0) : 0);
        case BLOCK_SIGNATURES:
          return m->signature_row;
        case BLOCK_DRAWING:
          return block->points;
        case BLOCK_PAGE_BREAK:
          return 0;
        case BLOCK_SPACER:
        default:
          break;
        }
    }
  return 0;
}

static void
place_heading (Cursor        *c,
               const Block   *block,
               const Measure *m,
               guint          index)
{
  double height = lines_height (m, 0, m->tops->len);
  double need = height + HEADING_GAP_BELOW + keep_with_heading (c->doc, index + 1);
  Frag *frag;

  add_space (c, HEADING_GAP_ABOVE);
  if (!c->page_empty && c->y + need > c->bottom)
    new_page (c);

  frag = add_lines (c, m->layout, 0, (int) m->tops->len, c->left,
                    c->y, INK);
  frag->outline = block->text;
  c->y += height + HEADING_GAP_BELOW;
}

static void
place_drawing (Cursor      *c,
               const Block *block)
{
  Frag frag = { 0, };
  double height = MIN (block->points, c->bottom - c->top);

  if (!c->page_empty && c->y + height > c->bottom)
    new_page (c);

  frag.kind = FRAG_DRAWING;
  frag.page = c->page;
  frag.x = c->left;
  frag.x2 = c->right;
  frag.y = c->y;
  frag.line_width = height;
  frag.block = block;
  g_array_append_val (c->doc->frags, frag);
  c->page_empty = FALSE;
  c->y += height + PARAGRAPH_GAP;
}

static void
place_paragraph (Cursor        *c,
                 const Block   *block,
                 const Measure *m)
{
  guint n = m->tops->len;
  guint i = 0;

  if (block->keep && n > 0 && !c->page_empty && lines_height (m, 0, n) > c->bottom - c->y)
    new_page (c);

  while (i < n)
    {
      double avail = c->bottom - c->y;
      guint left = n - i;
      guint k = 0;

      while (k < left && lines_height (m, i, k + 1) <= avail)
        k++;

      if (k < left)
        {
          /* Widows: never leave a single line on the next page. */
          if (left - k == 1 && k >= 3)
            k--;
          /* Orphans: never leave a single line at the bottom of a page. */
          if (k < 2 && !c->page_empty)
            k = 0;
          /* A line taller than a page goes where it must. */
          if (k == 0 && c->page_empty)
            k = 1;
        }

      if (k > 0)
        {
          add_lines (c, m->layout, (int) i, (int) k, c->left,
                     c->y, INK);
          c->y += lines_height (m, i, k);
          i += k;
        }
      if (i < n)
        new_page (c);
    }
  c->y += PARAGRAPH_GAP;
}

static void
place_table_header (Cursor        *c,
                    const Block   *block,
                    const Measure *m)
{
  add_rule (c, c->left, c->right, c->y, 0.9, INK);
  c->page_empty = FALSE;
  if (m->header_cells == NULL)
    return;

  for (guint col = 0; col < block->n_columns; col++)
    {
      PangoLayout *layout = g_ptr_array_index (m->header_cells, col);

      add_lines (c, layout, 0, pango_layout_get_line_count (layout),
                 c->left + m->col_x[col] + CELL_PAD_X, c->y + CELL_PAD_Y, INK);
    }
  c->y += m->header_height;
  add_rule (c, c->left, c->right, c->y, 0.6, INK);
}

static void
place_table (Cursor        *c,
             const Block   *block,
             const Measure *m)
{
  guint n_rows = block->rows->len;
  double first = m->header_height + (n_rows > 0 ? g_array_index (m->row_heights, double, 0) : 0);

  add_space (c, 3);
  if (!c->page_empty && c->y + first > c->bottom)
    new_page (c);
  place_table_header (c, block, m);

  for (guint r = 0; r < n_rows; r++)
    {
      double height = g_array_index (m->row_heights, double, r);

      if (r > 0)
        {
          if (c->y + height > c->bottom)
            {
              add_rule (c, c->left, c->right, c->y, 0.9, INK);
              new_page (c);
              place_table_header (c, block, m);
            }
          else
            {
              add_rule (c, c->left, c->right, c->y, 0.3, GRAY_RULE);
            }
        }

      for (guint col = 0; col < block->n_columns; col++)
        {
          PangoLayout *layout = g_ptr_array_index (m->cells, r * block->n_columns + col);

          add_lines (c, layout, 0, pango_layout_get_line_count (layout),
                     c->left + m->col_x[col] + CELL_PAD_X, c->y + CELL_PAD_Y, INK);
        }
      c->y += height;
    }
  add_rule (c, c->left, c->right, c->y, 0.9, INK);
  c->y += BLOCK_GAP;
}

static void
place_signatures (Cursor        *c,
                  const Measure *m)
{
  guint n = m->label_layouts->len;
  guint n_rows = (n + 1) / 2;
  double column = (c->right - c->left - SIGNATURE_GAP) / 2;
  double total = n_rows * m->signature_row + (n_rows - 1) * 8;

  add_space (c, BLOCK_GAP);
  if (!c->page_empty && c->y + total > c->bottom)
    new_page (c);

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *layout = g_ptr_array_index (m->label_layouts, i);
      double x = c->left + (i % 2) * (column + SIGNATURE_GAP);
      double y = c->y + (i / 2) * (m->signature_row + 8) + SIGNATURE_SPACE;

      add_rule (c, x, x + column, y, 0.6, INK);
      add_lines (c, layout, 0, pango_layout_get_line_count (layout), x, y + 4, GRAY_TEXT);
    }
  c->y += total + BLOCK_GAP;
}

static void
paginate (ShoreDocument *self,
          double         width,
          double         height)
{
  Cursor c = { 0, };

  if (self->laid_out && self->width == width && self->height == height)
    return;

  invalidate (self);
  self->width = width;
  self->height = height;

  c.doc = self;
  c.left = MARGIN_X;
  c.right = MAX (width - MARGIN_X, c.left + 72);
  c.top = MARGIN_TOP;
  c.bottom = MAX (height - CONTENT_BOTTOM, c.top + 72);
  c.page = 0;
  c.y = c.top;
  c.page_empty = TRUE;

  measure (self, c.right - c.left);

  if (self->title != NULL)
    {
      g_autoptr(PangoLayout) title = make_layout (self, self->title, self->title_font,
                                                  c.right - c.left, SHORE_DOCUMENT_ALIGN_START, 0);

      add_lines (&c, title, 0, pango_layout_get_line_count (title), c.left, c.y, 0.0);
      c.y += layout_height (title);
      if (self->subtitle != NULL)
        {
          g_autoptr(PangoLayout) subtitle = make_layout (self, self->subtitle, self->subtitle_font,
                                                         c.right - c.left,
                                                         SHORE_DOCUMENT_ALIGN_START, 0);

          c.y += 3;
          add_lines (&c, subtitle, 0, pango_layout_get_line_count (subtitle), c.left, c.y,
                     GRAY_TEXT);
          c.y += layout_height (subtitle);
        }
      c.y += 9;
      add_rule (&c, c.left, c.right, c.y, 0.8, INK);
      c.y += 14;
      /* The first heading sits right under the title rule. */
      c.page_empty = TRUE;
    }

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = g_ptr_array_index (self->blocks, i);
      const Measure *m = &self->measures[i];

      switch (block->kind)
        {
        case BLOCK_HEADING:
          place_heading (&c, block, m, i);
          break;
        case BLOCK_PARAGRAPH:
          place_paragraph (&c, block, m);
          break;
        case BLOCK_TABLE:
          place_table (&c, block, m);
          break;
        case BLOCK_SIGNATURES:
          place_signatures (&c, m);
          break;
        case BLOCK_SPACER:
          add_space (&c, block->points);
          break;
        case BLOCK_DRAWING:
          place_drawing (&c, block);
          break;
        case BLOCK_PAGE_BREAK:
          if (!c.page_empty)
            new_page (&c);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  self->n_pages = c.page + 1;
  self->laid_out = TRUE;
}

/* Drawing */

static char *
format_page_number (const char *format,
                    guint       page,
                    guint       n_pages)
{
  GString *out = g_string_new (NULL);
  const guint values[2] = { page, n_pages };
  guint next = 0;

  for (const char *p = format; *p != '\0'; p++)
    {
      if (p[0] != '%')
        g_string_append_c (out, p[0]);
      else if (p[1] == '%')
        {
          g_string_append_c (out, '%');
          p++;
        }
      else if (p[1] == 'u' || p[1] == 'd')
        {
          if (next < G_N_ELEMENTS (values))
            g_string_append_printf (out, "%u", values[next]);
          next++;
          p++;
        }
      else if ((p[1] == '1' || p[1] == '2') && p[2] == '$' && (p[3] == 'u' || p[3] == 'd'))
        {
          g_string_append_printf (out, "%u", values[p[1] - '1']);
          p += 3;
        }
      else
        g_string_append_c (out, '%');
    }
  return g_string_free (out, FALSE);
}

static void
draw_lines (cairo_t     *cr,
            const Frag  *frag)
{
  PangoLayoutIter *iter = pango_layout_get_iter (frag->layout);
  double offset = 0;
  int line = 0;

  cairo_set_source_rgb (cr, frag->gray, frag->gray, frag->gray);
  do
    {
      PangoRectangle logical;

      if (line >= frag->first_line + frag->n_lines)
        break;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (line == frag->first_line)
        offset = (double) logical.y / PANGO_SCALE;
      if (line >= frag->first_line)
        {
          double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

          cairo_move_to (cr, frag->x + (double) logical.x / PANGO_SCALE,
                         frag->y + baseline - offset);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_footer (ShoreDocument *self,
             cairo_t       *cr,
             guint          page)
{
  g_autofree char *number = format_page_number (self->page_format, page + 1, self->n_pages);
  g_autoptr(PangoLayout) number_layout = make_layout (self, number, self->small_font, -1,
                                                      SHORE_DOCUMENT_ALIGN_START, 0);
  double left = MARGIN_X, right = MAX (self->width - MARGIN_X, left + 72);
  double number_width = layout_width (number_layout);
  double y = self->height - FOOTER_TEXT;

  cairo_set_source_rgb (cr, GRAY_RULE, GRAY_RULE, GRAY_RULE);
  cairo_set_line_width (cr, 0.4);
  cairo_move_to (cr, left, self->height - FOOTER_RULE);
  cairo_line_to (cr, right, self->height - FOOTER_RULE);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, GRAY_TEXT, GRAY_TEXT, GRAY_TEXT);
  if (self->footer != NULL)
    {
      g_autoptr(PangoLayout) footer = make_layout (self, self->footer, self->small_font,
                                                   right - left - number_width - 18,
                                                   SHORE_DOCUMENT_ALIGN_START, 0);

      pango_layout_set_ellipsize (footer, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (footer, -1);
      cairo_move_to (cr, left, y);
      pango_cairo_show_layout (cr, footer);
    }
  cairo_move_to (cr, right - number_width, y);
  pango_cairo_show_layout (cr, number_layout);
}

static void
draw_page (ShoreDocument   *self,
           cairo_t         *cr,
           guint            page,
           cairo_surface_t *pdf)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_fill (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  for (guint i = 0; i < self->frags->len; i++)
    {
      const Frag *frag = &g_array_index (self->frags, Frag, i);

      if (frag->page != page)
        continue;

      switch (frag->kind)
        {
        case FRAG_LINES:
          if (pdf != NULL && frag->outline != NULL)
            {
              g_autofree char *link = g_strdup_printf ("page=%u pos=[%.1f %.1f]", page + 1,
                                                       frag->x, MAX (frag->y - 6, 0));

              cairo_pdf_surface_add_outline (pdf, CAIRO_PDF_OUTLINE_ROOT, frag->outline, link, 0);
            }
          draw_lines (cr, frag);
          break;
        case FRAG_RULE:
          cairo_set_source_rgb (cr, frag->gray, frag->gray, frag->gray);
          cairo_set_line_width (cr, frag->line_width);
          cairo_move_to (cr, frag->x, frag->y);
          cairo_line_to (cr, frag->x2, frag->y);
          cairo_stroke (cr);
          break;
        case FRAG_DRAWING:
          cairo_save (cr);
          cairo_translate (cr, frag->x, frag->y);
          cairo_rectangle (cr, 0, 0, frag->x2 - frag->x, frag->line_width);
          cairo_clip (cr);
          frag->block->draw_func (cr, frag->x2 - frag->x, frag->line_width,
                                  frag->block->draw_data);
          cairo_restore (cr);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  draw_footer (self, cr, page);
  cairo_restore (cr);
}

/**
 * shore_document_get_n_pages:
 * @self: a document
 * @width: the page width in points (a cairo context's user units)
 * @height: the page height
 *
 * Lays the document out for pages of this size (once; the result is kept
 * until the size or the content changes).
 *
 * Returns: the number of pages, at least 1
 */
guint
shore_document_get_n_pages (ShoreDocument *self,
                            double         width,
                            double         height)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  paginate (self, width, height);
  return self->n_pages;
}

/**
 * shore_document_draw_page:
 * @self: a document
 * @cr: where to draw, in points from the page's top left corner (for a
 *   GtkPrintOperation: set its unit to GTK_UNIT_POINTS)
 * @page: the page, from 0
 * @width: the page width in points
 * @height: the page height
 *
 * Draws one page (white paper, black ink), laying the document out first
 * if needed. Pages past the end draw nothing.
 */
void
shore_document_draw_page (ShoreDocument *self,
                          cairo_t       *cr,
                          guint          page,
                          double         width,
                          double         height)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 0 && height > 0);

  paginate (self, width, height);
  if (page >= self->n_pages)
    return;
  draw_page (self, cr, page, NULL);
}

static gboolean
set_cairo_error (cairo_status_t  status,
                 const char     *path,
                 GError        **error)
{
  g_autofree char *name = g_filename_display_name (path);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR,
               status == CAIRO_STATUS_WRITE_ERROR ? G_IO_ERROR_FAILED : G_IO_ERROR_INVALID_DATA,
               /* Translators: %s is a file name, then an English error message from the
                * drawing library */
               _("Could not write the PDF “%s”: %s"),
               name, cairo_status_to_string (status));
  return FALSE;
}

static gboolean
write_pdf (ShoreDocument *self,
           const char    *path,
           const char    *target,
           GError       **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;

  n_pages = shore_document_get_n_pages (self, SHORE_DOCUMENT_A4_WIDTH, SHORE_DOCUMENT_A4_HEIGHT);

  surface = cairo_pdf_surface_create (path, SHORE_DOCUMENT_A4_WIDTH, SHORE_DOCUMENT_A4_HEIGHT);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return set_cairo_error (status, target, error);
    }

  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Shore");

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      draw_page (self, cr, page, surface);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return set_cairo_error (status, target, error);
}

static gboolean
set_errno_error (int          saved_errno,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write the PDF “%s”: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

/**
 * shore_document_render_pdf:
 * @self: a document
 * @path: the PDF file to write (replaced if it exists)
 * @error: return location for a #GError (#G_IO_ERROR)
 *
 * Writes the document as an A4 PDF with its fonts embedded, the title as
 * the PDF's title and the headings as its outline.
 *
 * Returns: %TRUE on success
 */
gboolean
shore_document_render_pdf (ShoreDocument *self,
                           const char    *path,
                           GError       **error)
{
  g_autofree char *tmp = NULL;
  int saved_errno = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Written beside @path and renamed over it once complete: a full disk
   * or a crash never leaves half a PDF, and an old file stays whole. */
  tmp = shore_paths_make_temp_beside (path, &saved_errno);
  if (tmp == NULL)
    return set_errno_error (saved_errno, path, error);
  if (!write_pdf (self, tmp, path, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      return set_errno_error (saved_errno, path, error);
    }
  return TRUE;
}

/**
 * shore_document_get_text:
 * @self: a document
 *
 * Returns: (transfer full): every text the document shows, in order, one
 *   block or cell a line: the title, the subtitle, headings, paragraphs,
 *   table headers and cells, signature labels, the footer
 */
char *
shore_document_get_text (ShoreDocument *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_string_new (NULL);
  if (self->title != NULL)
    g_string_append_printf (text, "%s\n", self->title);
  if (self->subtitle != NULL)
    g_string_append_printf (text, "%s\n", self->subtitle);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = g_ptr_array_index (self->blocks, i);

      if (block->text != NULL)
        g_string_append_printf (text, "%s\n", block->text);
      for (guint c = 0; block->header != NULL && c < block->n_columns; c++)
        g_string_append_printf (text, "%s\n", block->header[c]);
      for (guint r = 0; block->rows != NULL && r < block->rows->len; r++)
        {
          char **row = g_ptr_array_index (block->rows, r);

          for (guint c = 0; c < block->n_columns; c++)
            g_string_append_printf (text, "%s\n", row[c]);
        }
      for (guint l = 0; block->labels != NULL && block->labels[l] != NULL; l++)
        g_string_append_printf (text, "%s\n", block->labels[l]);
    }
  if (self->footer != NULL)
    g_string_append_printf (text, "%s\n", self->footer);
  return g_string_free (text, FALSE);
}
