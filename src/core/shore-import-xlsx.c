/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-import"

#include "config.h"

#include <string.h>

#include "shore-intl.h"
#include <gsf/gsf.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include "shore-import-private.h"

/* XLSX (Office Open XML) workbooks, as WeChat Pay sends its bill since
 * 2025: a zip holding xl/workbook.xml, its relationships, the shared
 * strings and one XML file per sheet. Only the first sheet is read. */

#define READ_CHUNK 65536

/* libgsf 1.14 declares no autoptr cleanups for its types. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

static void
set_truncated (GError **error)
{
  g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_TRUNCATED,
                       _("The spreadsheet is incomplete; it was probably cut short while downloading, so download the bill again."));
}

static void
set_not_a_sheet (GError **error)
{
  g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_NOT_A_BILL,
                       _("The file is a zip archive but not a spreadsheet that holds a bill."));
}

static void
init_xml_once (void)
{
  static gsize done = 0;

  /* libxml2 wants its global tables set up once before threads use it. */
  if (g_once_init_enter (&done))
    {
      xmlInitParser ();
      g_once_init_leave (&done, 1);
    }
}

static void
on_xml_error_cb (void                   *arg,
                 const char             *msg,
                 xmlParserSeverities     severity,
                 xmlTextReaderLocatorPtr locator)
{
  /* Errors are reported through the reader's return value; keep stderr quiet. */
}

/* Reads a whole zip member, in chunks so that a lying size header cannot
 * make us allocate more than the data really holds. */
static GBytes *
read_member (GsfInfile   *zip,
             const char  *path,
             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GByteArray) data = NULL;
  gsf_off_t remaining;

  input = gsf_infile_child_by_aname (zip, (const char **) parts);
  if (input == NULL)
    return NULL;

  remaining = gsf_input_size (input);
  if (remaining < 0 || remaining > SHORE_IMPORT_MAX_BYTES)
    {
      set_not_a_sheet (error);
      return NULL;
    }

  data = g_byte_array_new ();
  while (remaining > 0)
    {
      gsize n = MIN ((gsf_off_t) READ_CHUNK, remaining);
      const guint8 *chunk = gsf_input_read (input, n, NULL);

      if (chunk == NULL)
        {
          set_truncated (error);
          return NULL;
        }
      g_byte_array_append (data, chunk, n);
      remaining -= n;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static xmlTextReaderPtr
new_reader (GBytes *xml)
{
  gsize len;
  const char *data = g_bytes_get_data (xml, &len);
  xmlTextReaderPtr reader;

  if (len > G_MAXINT)
    return NULL;
  reader = xmlReaderForMemory (data != NULL ? data : "", (int) len, NULL, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader != NULL)
    xmlTextReaderSetErrorHandler (reader, on_xml_error_cb, NULL);
  return reader;
}

static gboolean
is_element (xmlTextReaderPtr reader,
            const char      *name)
{
  const xmlChar *local = xmlTextReaderConstLocalName (reader);

  return local != NULL && strcmp ((const char *) local, name) == 0;
}

static char *
get_attribute (xmlTextReaderPtr reader,
               const char      *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* The first sheet of the workbook, as a path inside the zip. */
static char *
find_first_sheet (GsfInfile *zip)
{
  g_autoptr(GBytes) workbook = read_member (zip, "xl/workbook.xml", NULL);
  g_autoptr(GBytes) rels = NULL;
  g_autofree char *rel_id = NULL;
  xmlTextReaderPtr reader;
  char *path = NULL;

  if (workbook == NULL || (reader = new_reader (workbook)) == NULL)
    return NULL;
  while (rel_id == NULL && xmlTextReaderRead (reader) == 1)
    if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT && is_element (reader, "sheet"))
      rel_id = get_attribute (reader, "r:id");
  xmlFreeTextReader (reader);

  rels = read_member (zip, "xl/_rels/workbook.xml.rels", NULL);
  if (rel_id == NULL || rels == NULL || (reader = new_reader (rels)) == NULL)
    return NULL;
  while (path == NULL && xmlTextReaderRead (reader) == 1)
    {
      g_autofree char *id = NULL;
      g_autofree char *target = NULL;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT || !is_element (reader, "Relationship"))
        continue;
      id = get_attribute (reader, "Id");
      target = get_attribute (reader, "Target");
      if (g_strcmp0 (id, rel_id) != 0 || target == NULL || strstr (target, "..") != NULL)
        continue;
      if (target[0] == '/')
        path = g_strdup (target + 1);
      else
        path = g_strconcat ("xl/", target, NULL);
    }
  xmlFreeTextReader (reader);

  return path;
}

static gboolean
read_shared_strings (GBytes     *xml,
                     GPtrArray  *strings,
                     GError    **error)
{
  xmlTextReaderPtr reader = new_reader (xml);
  GString *current = NULL;
  int in_phonetic = 0;
  gboolean in_text = FALSE;
  int status;

  if (reader == NULL)
    {
      set_not_a_sheet (error);
      return FALSE;
    }

  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      gboolean empty = xmlTextReaderIsEmptyElement (reader);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          if (is_element (reader, "si"))
            {
              if (current != NULL)
                g_ptr_array_add (strings, g_string_free (current, FALSE));
              current = g_string_new (NULL);
              if (empty)
                {
                  g_ptr_array_add (strings, g_string_free (current, FALSE));
                  current = NULL;
                }
            }
          else if (is_element (reader, "rPh") && !empty)
            in_phonetic++;
          else if (is_element (reader, "t") && !empty)
            in_text = TRUE;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (is_element (reader, "si") && current != NULL)
            {
              g_ptr_array_add (strings, g_string_free (current, FALSE));
              current = NULL;
            }
          else if (is_element (reader, "rPh") && in_phonetic > 0)
            in_phonetic--;
          else if (is_element (reader, "t"))
            in_text = FALSE;
        }
      else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE) &&
               in_text && in_phonetic == 0 && current != NULL)
        {
          const xmlChar *value = xmlTextReaderConstValue (reader);

          if (value != NULL)
            g_string_append (current, (const char *) value);
        }
    }
  if (current != NULL)
    g_string_free (current, TRUE);
  xmlFreeTextReader (reader);

  if (status != 0)
    {
      set_truncated (error);
      return FALSE;
    }
  return TRUE;
}

/* "C19" → 2; -1 when the reference has no column letters. */
static int
column_of_ref (const char *ref)
{
  int col = 0;
  int n = 0;

  if (ref == NULL)
    return -1;
  for (; g_ascii_isalpha (*ref) && n < 4; ref++, n++)
    col = col * 26 + (g_ascii_toupper (*ref) - 'A' + 1);
  if (n == 0 || n == 4)
    return -1;
  return col - 1;
}

/* Keeps the decimal text of a number but cuts binary float artefacts
 * (28.159999999999997) to 6 decimals, rounding half up, without floats. */
static char *
tidy_number (const char *text)
{
  const char *dot = strchr (text, '.');
  g_autoptr(GString) out = NULL;
  gboolean carry;
  gssize i;

  if (dot == NULL || strlen (dot + 1) <= 6 || strspn (dot + 1, "0123456789") != strlen (dot + 1))
    return g_strdup (text);
  for (const char *p = text; p < dot; p++)
    if (!g_ascii_isdigit (*p) && !(p == text && *p == '-'))
      return g_strdup (text);

  out = g_string_new_len (text, dot - text + 1 + 6);
  carry = dot[7] >= '5';
  for (i = (gssize) out->len - 1; carry && i >= 0; i--)
    {
      if (out->str[i] == '.' || out->str[i] == '-')
        continue;
      if (out->str[i] == '9')
        out->str[i] = '0';
      else
        {
          out->str[i]++;
          carry = FALSE;
        }
    }
  if (carry)
    g_string_insert_c (out, out->str[0] == '-' ? 1 : 0, '1');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  GPtrArray *shared;      /* of char* */
  GPtrArray *cells;       /* the current row, of char* (NULL = empty) */
  guint      row_number;
  int        column;
  char      *type;        /* t attribute of the current cell */
  GString   *value;       /* <v> or inline <t> text */
  gboolean   in_value;
} SheetState;

static char *
resolve_cell (SheetState *st)
{
  const char *v = st->value->str;

  if (g_strcmp0 (st->type, "s") == 0)
    {
      guint64 index;

      if (!g_ascii_string_to_unsigned (v, 10, 0, G_MAXUINT, &index, NULL) || index >= st->shared->len)
        return g_strdup ("");
      return shore_import_trim_cell (g_ptr_array_index (st->shared, index), -1);
    }
  if (st->type == NULL || g_strcmp0 (st->type, "n") == 0)
    {
      g_autofree char *trimmed = shore_import_trim_cell (v, -1);

      return tidy_number (trimmed);
    }
  /* inlineStr, str (formula result), b, e, d: the text as written */
  return shore_import_trim_cell (v, -1);
}

static gboolean
place_cell (SheetState  *st,
            char        *text,
            GError     **error)
{
  if (st->column < 0 || st->column >= SHORE_IMPORT_MAX_COLUMNS)
    {
      g_free (text);
      g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_NOT_A_BILL,
                           _("The spreadsheet has far more columns than any bill."));
      return FALSE;
    }
  while (st->cells->len <= (guint) st->column)
    g_ptr_array_add (st->cells, NULL);
  g_free (g_ptr_array_index (st->cells, st->column));
  g_ptr_array_index (st->cells, st->column) = text;
  return TRUE;
}

static gboolean
finish_row (SheetState       *st,
            ShoreImportGrid  *grid,
            GError          **error)
{
  char **cells = g_new0 (char *, st->cells->len + 1);

  for (guint i = 0; i < st->cells->len; i++)
    {
      char *text = g_ptr_array_index (st->cells, i);

      cells[i] = text != NULL ? text : g_strdup ("");
      g_ptr_array_index (st->cells, i) = NULL;
    }
  g_ptr_array_set_size (st->cells, 0);
  return shore_import_grid_add_row (grid, cells, st->row_number, error);
}

static gboolean
handle_element (SheetState       *st,
                xmlTextReaderPtr  reader,
                ShoreImportGrid  *grid,
                GError          **error)
{
  gboolean empty = xmlTextReaderIsEmptyElement (reader);

  if (is_element (reader, "row"))
    {
      g_autofree char *r = get_attribute (reader, "r");
      guint64 number;

      if (r != NULL && g_ascii_string_to_unsigned (r, 10, 1, G_MAXUINT, &number, NULL))
        st->row_number = (guint) number;
      else
        st->row_number++;
      st->column = -1;
      g_ptr_array_set_size (st->cells, 0);
      if (empty)
        return finish_row (st, grid, error);
    }
  else if (is_element (reader, "c"))
    {
      g_autofree char *ref = get_attribute (reader, "r");
      int col = column_of_ref (ref);

      st->column = col >= 0 ? col : st->column + 1;
      g_free (st->type);
      st->type = get_attribute (reader, "t");
      g_string_truncate (st->value, 0);
      if (empty)
        return place_cell (st, g_strdup (""), error);
    }
  else if ((is_element (reader, "v") || is_element (reader, "t")) && !empty)
    st->in_value = TRUE;

  return TRUE;
}

static gboolean
read_sheet (GBytes           *xml,
            GPtrArray        *shared,
            ShoreImportGrid  *grid,
            GCancellable     *cancellable,
            GError          **error)
{
  xmlTextReaderPtr reader = new_reader (xml);
  SheetState st = { shared, g_ptr_array_new_with_free_func (g_free), 0, -1, NULL, g_string_new (NULL), FALSE };
  gboolean ok = TRUE;
  int status = 0;

  if (reader == NULL)
    {
      set_not_a_sheet (error);
      ok = FALSE;
    }

  while (ok && (status = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_ELEMENT)
        ok = handle_element (&st, reader, grid, error);
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (is_element (reader, "v") || is_element (reader, "t"))
            st.in_value = FALSE;
          else if (is_element (reader, "c"))
            ok = place_cell (&st, resolve_cell (&st), error);
          else if (is_element (reader, "row"))
            {
              ok = finish_row (&st, grid, error);
              if (ok && grid->rows->len % SHORE_IMPORT_PROGRESS_ROWS == 0 &&
                  g_cancellable_is_cancelled (cancellable))
                {
                  g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_CANCELLED,
                                       _("The import was cancelled."));
                  ok = FALSE;
                }
            }
        }
      else if (st.in_value && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                               type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE))
        {
          const xmlChar *value = xmlTextReaderConstValue (reader);

          if (value != NULL)
            g_string_append (st.value, (const char *) value);
        }
    }
  if (ok && status != 0)
    {
      set_truncated (error);
      ok = FALSE;
    }

  if (reader != NULL)
    xmlFreeTextReader (reader);
  g_ptr_array_unref (st.cells);
  g_free (st.type);
  g_string_free (st.value, TRUE);
  return ok;
}

gboolean
shore_import_is_zip (GBytes *bytes)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  return len >= 4 && memcmp (data, "PK\003\004", 4) == 0;
}

ShoreImportGrid *
shore_import_xlsx_read (GBytes        *bytes,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GsfInfile) zip = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) strings_xml = NULL;
  g_autoptr(GBytes) sheet_xml = NULL;
  g_autoptr(GPtrArray) shared = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ShoreImportGrid) grid = NULL;
  g_autofree char *sheet_path = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);

  init_xml_once ();

  input = gsf_input_memory_new (data, (gsf_off_t) len, FALSE);
  zip = gsf_infile_zip_new (input, &local_error);
  if (zip == NULL)
    {
      /* A zip is read from its end (the central directory): a download
       * cut short loses it first. */
      set_truncated (error);
      return NULL;
    }

  sheet_path = find_first_sheet (zip);
  if (sheet_path != NULL)
    sheet_xml = read_member (zip, sheet_path, &local_error);
  if (sheet_xml == NULL && local_error == NULL)
    sheet_xml = read_member (zip, "xl/worksheets/sheet1.xml", &local_error);
  if (sheet_xml == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_not_a_sheet (error);
      return NULL;
    }

  strings_xml = read_member (zip, "xl/sharedStrings.xml", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (strings_xml != NULL && !read_shared_strings (strings_xml, shared, error))
    return NULL;

  grid = shore_import_grid_new ();
  grid->encoding = "XLSX";
  if (!read_sheet (sheet_xml, shared, grid, cancellable, error))
    return NULL;

  return g_steal_pointer (&grid);
}
