/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-letters"

#include "config.h"

#include <string.h>

#include <glib.h>

#include "render/shore-document.h"
#include "shore-letters.h"
#include "shore-letters-private.h"

/* ---- The document -------------------------------------------------------- */

static gboolean
looks_numeric (const char *cell)
{
  gunichar c = g_utf8_get_char (cell);

  return g_unichar_isdigit (c) || c == 0x00A5 /* ¥ */ || c == 0xFFE5 /* ￥ */ || c == '-' || c == 0x2212;
}

static void
add_text_table (ShoreDocument *document,
                char         **lines,
                guint          n)
{
  /* Cells never hold “|” (shore_letter_to_text replaces it), and an empty
   * last cell may have lost its trailing space: split on the bar alone. */
  g_auto(GStrv) header = g_strsplit (lines[0], "|", -1);
  guint n_columns = g_strv_length (header);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree ShoreDocumentAlign *align = g_new0 (ShoreDocumentAlign, MAX (n_columns, 1));
  guint i, c;

  for (c = 0; c < n_columns; c++)
    align[c] = SHORE_DOCUMENT_ALIGN_END;

  for (i = 1; i < n; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "|", -1);
      guint n_cells = g_strv_length (cells);
      char **row = g_new0 (char *, n_columns + 1);

      for (c = 0; c < n_columns; c++)
        {
          row[c] = g_strstrip (g_strdup (c < n_cells ? cells[c] : ""));
          if (row[c][0] != '\0' && !looks_numeric (row[c]))
            align[c] = SHORE_DOCUMENT_ALIGN_START;
        }
      g_ptr_array_add (rows, row);
    }
  for (c = 0; c < n_columns; c++)
    g_strstrip (header[c]);

  shore_document_add_table (document, (const char * const *) header, n_columns, rows, align);
}

/* One block of text between blank lines: a paragraph, or a caption and a
 * table, or a table. */
static void
add_text_block (ShoreDocument *document,
                const char    *block)
{
  g_auto(GStrv) lines = g_strsplit (block, "\n", -1);
  guint n = g_strv_length (lines);
  guint first_table = n;
  guint i;

  for (i = 0; i < n; i++)
    if (strstr (lines[i], SHORE_LETTERS_TABLE_SEPARATOR) != NULL)
      {
        first_table = i;
        break;
      }
  for (i = first_table; i < n; i++)
    if (strstr (lines[i], SHORE_LETTERS_TABLE_SEPARATOR) == NULL)
      {
        /* not a clean table: keep the text as it is */
        shore_document_add_paragraph (document, block);
        return;
      }

  if (first_table > 0)
    {
      char *table_start = lines[first_table];
      g_autofree char *before = NULL;

      lines[first_table] = NULL;
      before = g_strjoinv ("\n", lines);
      lines[first_table] = table_start;
      shore_document_add_paragraph (document, before);
    }
  if (first_table < n)
    add_text_table (document, lines + first_table, n - first_table);
}

/**
 * shore_letter_text_to_document:
 * @title: the letter's title, to recognise the first line
 * @text: the (edited) letter text
 * @language: the language of the text, for the fonts
 * @footer: (nullable): the footer line of every page
 *
 * Returns: (transfer full): a document to render as PDF or print
 */
ShoreDocument *
shore_letter_text_to_document (const char *title,
                               const char *text,
                               const char *language,
                               const char *footer)
{
  g_autoptr(GString) normalized = NULL;
  g_auto(GStrv) blocks = NULL;
  ShoreDocument *document;
  guint i;

  g_return_val_if_fail (text != NULL, NULL);

  normalized = g_string_new (text);
  g_string_replace (normalized, "\r\n", "\n", 0);
  blocks = g_regex_split_simple ("\\n[ \\t]*\\n", normalized->str, 0, 0);

  document = shore_document_new (language);
  if (footer != NULL)
    shore_document_set_footer (document, footer);

  for (i = 0; blocks[i] != NULL; i++)
    {
      g_autofree char *block = g_strstrip (g_strdup (blocks[i]));

      if (block[0] == '\0')
        continue;
      if (i == 0 && title != NULL && g_str_equal (block, title))
        {
          shore_document_set_title (document, block, NULL);
          continue;
        }
      add_text_block (document, block);
    }

  return document;
}
