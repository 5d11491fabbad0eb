/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-import"

#include "config.h"

#include <string.h>

#include <csv.h>
#include "shore-intl.h"

#include "shore-import-private.h"
#include "shore-money.h"

/* Bill parsers. A bill is first turned into a grid of cells (CSV through
 * libcsv after decoding, XLSX through shore-import-xlsx.c); the header row
 * is then found by its content and each data row read by column name, so
 * that the moved header of 2026-03 and the old Alipay column order need
 * no special case. This file holds the grid, the cells and the entry
 * points; WeChat Pay and Alipay bills are read in shore-import-bills.c,
 * any other table in shore-import-csv.c. */

#define DETECT_PREFIX (64 * 1024)

G_DEFINE_QUARK (shore-import-error-quark, shore_import_error)

/* Grid {{{1 */

ShoreImportGrid *
shore_import_grid_new (void)
{
  ShoreImportGrid *grid = g_new0 (ShoreImportGrid, 1);

  grid->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  grid->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  grid->encoding = "UTF-8";
  return grid;
}

void
shore_import_grid_free (ShoreImportGrid *grid)
{
  if (grid == NULL)
    return;
  g_ptr_array_unref (grid->rows);
  g_array_unref (grid->lines);
  g_free (grid);
}

gboolean
shore_import_grid_add_row (ShoreImportGrid  *grid,
                           char            **cells,
                           guint             line,
                           GError          **error)
{
  guint n = g_strv_length (cells);

  grid->n_cells += n;
  if (n > SHORE_IMPORT_MAX_COLUMNS || grid->n_cells > SHORE_IMPORT_MAX_CELLS)
    {
      g_strfreev (cells);
      g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_NOT_A_BILL,
                           _("The file has far more cells than any bill; it is not a bill."));
      return FALSE;
    }
  grid->n_columns = MAX (grid->n_columns, n);
  g_ptr_array_add (grid->rows, cells);
  g_array_append_val (grid->lines, line);
  return TRUE;
}

static gboolean
is_trim_space (const char *p,
               const char *end,
               gsize      *len)
{
  guchar c = (guchar) *p;

  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f')
    *len = 1;
  else if (c == 0xC2 && end - p >= 2 && (guchar) p[1] == 0xA0)
    *len = 2;
  else if (c == 0xE3 && end - p >= 3 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0x80)
    *len = 3;
  else
    return FALSE;
  return TRUE;
}

char *
shore_import_trim_cell (const char *text,
                        gsize       len)
{
  const char *start = text;
  const char *end;
  gsize n;

  if (len == (gsize) -1)
    len = strlen (text);
  end = text + len;

  while (start < end && is_trim_space (start, end, &n))
    start += n;
  while (end > start)
    {
      if (end - start >= 1 && strchr (" \t\r\n\v\f", end[-1]) != NULL && end[-1] != '\0')
        end--;
      else if (end - start >= 2 && (guchar) end[-2] == 0xC2 && (guchar) end[-1] == 0xA0)
        end -= 2;
      else if (end - start >= 3 && (guchar) end[-3] == 0xE3 && (guchar) end[-2] == 0x80 && (guchar) end[-1] == 0x80)
        end -= 3;
      else
        break;
    }
  return g_strndup (start, end - start);
}

/* Small public types {{{1 */

void
shore_import_row_free (ShoreImportRow *row)
{
  if (row == NULL)
    return;
  g_free (row->time);
  g_free (row->payee);
  g_free (row->item);
  g_free (row->type);
  g_free (row->method);
  g_free (row->status);
  g_free (row->order_id);
  g_free (row->merchant_order_id);
  g_free (row->note);
  g_free (row->category);
  g_free (row->account);
  g_free (row);
}

void
shore_import_result_free (ShoreImportResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_free (result->account_hint);
  g_free (result);
}

const char *
shore_import_kind_to_string (ShoreImportKind kind)
{
  switch (kind)
    {
    case SHORE_IMPORT_KIND_WECHAT:
      return "wechat";
    case SHORE_IMPORT_KIND_ALIPAY:
      return "alipay";
    case SHORE_IMPORT_KIND_CSV:
      return "csv";
    case SHORE_IMPORT_KIND_AUTO:
    default:
      return "auto";
    }
}

gboolean
shore_import_kind_from_string (const char      *text,
                               ShoreImportKind *out)
{
  static const ShoreImportKind kinds[] = {
    SHORE_IMPORT_KIND_AUTO, SHORE_IMPORT_KIND_WECHAT, SHORE_IMPORT_KIND_ALIPAY, SHORE_IMPORT_KIND_CSV,
  };

  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_ascii_strcasecmp (text, shore_import_kind_to_string (kinds[i])) == 0)
      {
        *out = kinds[i];
        return TRUE;
      }
  return FALSE;
}

const char *
shore_import_kind_get_label (ShoreImportKind kind)
{
  switch (kind)
    {
    case SHORE_IMPORT_KIND_WECHAT:
      return _("WeChat Pay");
    case SHORE_IMPORT_KIND_ALIPAY:
      return _("Alipay");
    case SHORE_IMPORT_KIND_CSV:
      return _("CSV");
    case SHORE_IMPORT_KIND_AUTO:
    default:
      /* Translators: the kind of a bill file, when it is detected from its content */
      return _("Automatic");
    }
}

/* Reading and decoding {{{1 */

gboolean
shore_import_set_cancelled (GError **error)
{
  g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_CANCELLED,
                       _("The import was cancelled."));
  return FALSE;
}

static void
set_too_large (GError **error)
{
  g_set_error (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_TOO_LARGE,
               /* Translators: %u is a size in megabytes, such as 256 */
               _("The file is larger than %u MB, far too large to be a bill."),
               (guint) (SHORE_IMPORT_MAX_BYTES / (1024 * 1024)));
}

GBytes *
shore_import_read_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info != NULL && g_file_info_get_size (info) > SHORE_IMPORT_MAX_BYTES)
    {
      set_too_large (error);
      return NULL;
    }
  if (info != NULL && !g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    g_clear_object (&info);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        shore_import_set_cancelled (error);
      else
        g_set_error (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_FAILED,
                     /* Translators: %s is the system's reason, such as “No such file or directory” */
                     _("The file could not be read: %s."), local_error->message);
      return NULL;
    }
  if (length > SHORE_IMPORT_MAX_BYTES)  /* it grew after we looked */
    {
      set_too_large (error);
      return NULL;
    }
  if (length == 0)
    {
      g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_EMPTY,
                           _("The file is empty."));
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* UTF-8 (with or without BOM), else GB18030. */
static char *
decode_text (const char  *data,
             gsize        len,
             const char **encoding,
             gsize       *out_len,
             GError     **error)
{
  g_autoptr(GError) convert_error = NULL;
  gboolean bom = FALSE;
  gsize n_control = 0;
  char *text;

  if (len == 0)
    {
      g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }
  if (len >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                   ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_ENCODING,
                           _("The file is saved as UTF-16 text; save it again as UTF-8 and retry."));
      return NULL;
    }
  if (memchr (data, '\0', len) != NULL)
    {
      g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_NOT_A_BILL,
                           _("The file is neither a text nor a spreadsheet bill."));
      return NULL;
    }
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
      bom = TRUE;
    }

  if (g_utf8_validate_len (data, len, NULL))
    {
      text = g_strndup (data, len);
      *out_len = len;
      *encoding = "UTF-8";
    }
  else if (!bom && (text = g_convert (data, len, "UTF-8", "GB18030", NULL, out_len, &convert_error)) != NULL)
    *encoding = "GB18030";
  else if (g_error_matches (convert_error, G_CONVERT_ERROR, G_CONVERT_ERROR_PARTIAL_INPUT))
    {
      g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_TRUNCATED,
                           _("The file ends in the middle of a character; it was probably cut short, so download the bill again."));
      return NULL;
    }
  else
    {
      g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_ENCODING,
                           _("The text of the file is neither UTF-8 nor GB18030; save it again as UTF-8 and retry."));
      return NULL;
    }

  for (gsize i = 0; i < *out_len; i++)
    {
      guchar c = (guchar) text[i];

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
        n_control++;
    }
  if (n_control > 8 && n_control * 100 > *out_len)
    {
      g_free (text);
      g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_NOT_A_BILL,
                           _("The file is neither a text nor a spreadsheet bill."));
      return NULL;
    }

  return text;
}

/* CSV splitting {{{1 */

typedef struct
{
  ShoreImportGrid *grid;
  GPtrArray       *cells;     /* the row being read, of char* */
  guint            line;      /* the line being fed */
  guint            row_line;  /* the line where the current row began */
  GError          *error;
} SplitState;

static void
on_csv_field_cb (void   *field,
                 size_t  len,
                 void   *data)
{
  SplitState *st = data;

  if (st->error != NULL)
    return;
  if (st->cells->len == 0)
    st->row_line = st->line;
  if (st->cells->len >= SHORE_IMPORT_MAX_COLUMNS)
    {
      g_set_error_literal (&st->error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_NOT_A_BILL,
                           _("The file has far more cells than any bill; it is not a bill."));
      return;
    }
  g_ptr_array_add (st->cells, shore_import_trim_cell (field != NULL ? field : "", field != NULL ? len : 0));
}

static void
on_csv_row_cb (int   c,
               void *data)
{
  SplitState *st = data;
  char **cells;

  if (st->error != NULL)
    {
      g_ptr_array_set_size (st->cells, 0);
      return;
    }
  g_ptr_array_add (st->cells, NULL);
  cells = (char **) g_ptr_array_free (st->cells, FALSE);
  st->cells = g_ptr_array_new_with_free_func (g_free);
  shore_import_grid_add_row (st->grid, cells, st->row_line, &st->error);
}

/* libcsv state values (libcsv.c): a field begun inside quotes and never
 * closed when the input ends. CSV_STRICT_FINI reports it only in strict
 * mode, which refuses the stray quotes real bills contain. */
#define LIBCSV_FIELD_BEGUN 2

static ShoreImportGrid *
split_csv (const char           *text,
           gsize                 len,
           ShoreImportProgress   progress,
           gpointer              progress_data,
           GCancellable         *cancellable,
           GError              **error)
{
  g_autoptr(ShoreImportGrid) grid = shore_import_grid_new ();
  SplitState st = { grid, g_ptr_array_new_with_free_func (g_free), 0, 1, NULL };
  struct csv_parser parser;
  const char *p = text;
  const char *end = text + len;
  gboolean open_quote;

  if (csv_init (&parser, CSV_APPEND_NULL) != 0)
    g_error ("libcsv could not start");

  /* Fed a line at a time so that each row knows its line number. */
  while (p < end && st.error == NULL)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *next = nl != NULL ? nl + 1 : end;

      st.line++;
      if (csv_parse (&parser, p, next - p, on_csv_field_cb, on_csv_row_cb, &st) != (size_t) (next - p))
        g_error ("libcsv ran out of memory");
      p = next;

      if (st.line % SHORE_IMPORT_PROGRESS_ROWS == 0)
        {
          if (g_cancellable_is_cancelled (cancellable))
            {
              g_clear_error (&st.error);
              shore_import_set_cancelled (&st.error);
            }
          else if (progress != NULL)
            progress (0.5 * (double) (p - text) / (double) len, progress_data);
        }
    }

  open_quote = parser.quoted && parser.pstate == LIBCSV_FIELD_BEGUN;
  if (st.error == NULL)
    csv_fini (&parser, on_csv_field_cb, on_csv_row_cb, &st);
  csv_free (&parser);
  g_ptr_array_unref (st.cells);

  if (st.error == NULL && open_quote)
    g_set_error_literal (&st.error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_TRUNCATED,
                         _("The file ends inside a quoted cell; it was probably cut short, so download the bill again."));
  if (st.error != NULL)
    {
      g_propagate_error (error, st.error);
      return NULL;
    }

  return g_steal_pointer (&grid);
}

static gboolean
grid_is_blank (const ShoreImportGrid *grid)
{
  for (guint i = 0; i < grid->rows->len; i++)
    for (char **cell = g_ptr_array_index (grid->rows, i); *cell != NULL; cell++)
      if (**cell != '\0')
        return FALSE;
  return TRUE;
}

/* Bytes to a grid: XLSX, or decoded and split CSV. */
ShoreImportGrid *
shore_import_read_grid (GBytes               *bytes,
                        ShoreImportProgress   progress,
                        gpointer              progress_data,
                        GCancellable         *cancellable,
                        GError              **error)
{
  g_autoptr(ShoreImportGrid) grid = NULL;
  g_autofree char *text = NULL;
  const char *encoding = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (len == 0)
    {
      g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }
  if (shore_import_is_zip (bytes))
    grid = shore_import_xlsx_read (bytes, cancellable, error);
  else if ((text = decode_text (data, len, &encoding, &len, error)) != NULL &&
           (grid = split_csv (text, len, progress, progress_data, cancellable, error)) != NULL)
    grid->encoding = encoding;
  if (grid == NULL)
    return NULL;

  if (grid_is_blank (grid))
    {
      g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }
  return g_steal_pointer (&grid);
}

/* Cells: dates and amounts {{{1 */

static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             guint       *out)
{
  guint value = 0;
  guint n = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      value = value * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }
  *out = value;
  return n >= min_digits && !g_ascii_isdigit (**p);
}

gboolean
shore_import_accept (const char **p,
                     const char  *word)
{
  gsize n = strlen (word);

  if (strncmp (*p, word, n) != 0)
    return FALSE;
  *p += n;
  return TRUE;
}

static gboolean
parse_excel_serial (const char *text,
                    GDate      *date,
                    char      **time_out)
{
  guint64 days;
  const char *dot = strchr (text, '.');
  g_autofree char *whole = g_strndup (text, dot != NULL ? (gsize) (dot - text) : strlen (text));
  guint seconds = 0;

  if (!g_ascii_string_to_unsigned (whole, 10, 61, 2958465, &days, NULL))
    return FALSE;
  if (dot != NULL)
    {
      double fraction;

      if (dot[1] == '\0' || strspn (dot + 1, "0123456789") != strlen (dot + 1))
        return FALSE;
      /* A date, not money: a float is fine here. */
      fraction = g_ascii_strtod (dot, NULL);
      seconds = (guint) (fraction * 86400.0 + 0.5);
      if (seconds >= 86400)
        seconds = 86399;
    }

  g_date_set_dmy (date, 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (date, (guint) days);
  if (time_out != NULL)
    *time_out = dot != NULL ? g_strdup_printf ("%02u:%02u:%02u", seconds / 3600, seconds / 60 % 60, seconds % 60)
                            : g_strdup ("");
  return TRUE;
}

gboolean
shore_import_parse_date (const char  *text,
                         GDate       *date,
                         char       **time_out)
{
  const char *p = text;
  guint year, month, day, hour = 0, minute = 0, second = 0;
  gboolean has_time = FALSE, has_seconds = FALSE;
  char sep;

  g_date_clear (date, 1);
  if (time_out != NULL)
    *time_out = NULL;

  if (!read_number (&p, 4, 4, &year))
    return parse_excel_serial (text, date, time_out);

  if (shore_import_accept (&p, "年"))
    {
      if (!read_number (&p, 1, 2, &month) || !shore_import_accept (&p, "月") || !read_number (&p, 1, 2, &day))
        return FALSE;
      shore_import_accept (&p, "日");
    }
  else
    {
      sep = *p;
      if (sep != '-' && sep != '/' && sep != '.')
        return FALSE;
      p++;
      if (!read_number (&p, 1, 2, &month) || *p != sep)
        return FALSE;
      p++;
      if (!read_number (&p, 1, 2, &day))
        return FALSE;
    }

  if (*p == ' ' || *p == 'T')
    {
      while (*p == ' ' || *p == 'T')
        p++;
      if (!read_number (&p, 1, 2, &hour) || *p != ':')
        return FALSE;
      p++;
      if (!read_number (&p, 2, 2, &minute))
        return FALSE;
      if (*p == ':')
        {
          p++;
          if (!read_number (&p, 2, 2, &second))
            return FALSE;
          has_seconds = TRUE;
          if (*p == '.')  /* fractions of a second */
            for (p++; g_ascii_isdigit (*p); p++)
              ;
        }
      has_time = TRUE;
    }
  if (*p != '\0')
    return FALSE;
  if (year < 1900 || year > 2200 || !g_date_valid_dmy (day, month, year) ||
      hour > 23 || minute > 59 || second > 59)
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  if (time_out != NULL)
    {
      if (!has_time)
        *time_out = g_strdup ("");
      else if (has_seconds)
        *time_out = g_strdup_printf ("%02u:%02u:%02u", hour, minute, second);
      else
        *time_out = g_strdup_printf ("%02u:%02u", hour, minute);
    }
  return TRUE;
}

/* Removes ¥ and ￥ and trailing zeros past the second decimal (numbers
 * from spreadsheets), then reads the amount. */
gboolean
shore_import_parse_amount (const char *text,
                           gint64     *out)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  const char *dot;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_str_has_prefix (p, "¥"))
        p += strlen ("¥") - 1;
      else if (g_str_has_prefix (p, "￥"))
        p += strlen ("￥") - 1;
      else
        g_string_append_c (clean, *p);
    }
  dot = strchr (clean->str, '.');
  if (dot != NULL)
    {
      gsize keep = dot - clean->str + 3;

      while (clean->len > keep && clean->str[clean->len - 1] == '0')
        g_string_truncate (clean, clean->len - 1);
    }

  return shore_money_parse (clean->str, out, NULL);
}

void
shore_import_set_bad_date (GError     **error,
                           guint        line,
                           const char  *cell)
{
  g_autofree char *quoted = shore_money_quote_input (cell);

  g_set_error (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_BAD_ROW,
               /* Translators: %u is a row number in the bill, %s what the row holds instead of a date */
               _("Row %u of the bill has “%s” where a date should be."),
               line, quoted);
}

void
shore_import_set_bad_amount (GError     **error,
                             guint        line,
                             const char  *cell)
{
  g_autofree char *quoted = shore_money_quote_input (cell);

  g_set_error (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_BAD_ROW,
               /* Translators: %u is a row number in the bill, %s what the row holds instead of an amount */
               _("Row %u of the bill has “%s” where an amount of money should be."),
               line, quoted);
}

/* Order numbers: the tabs the bills append (so that spreadsheets keep
 * them as text) go, wherever they are; spaces inside stay. */
char *
shore_import_dup_order_id (const char *cell)
{
  g_autoptr(GString) id = g_string_new (NULL);

  for (const char *p = cell; *p != '\0'; p++)
    if (*p != '\t')
      g_string_append_c (id, *p);
  if (strcmp (id->str, "/") == 0)
    return g_strdup ("");
  return shore_import_trim_cell (id->str, id->len);
}

const char *
shore_import_cell_at (char      **cells,
                      guint       n,
                      int         col)
{
  return col >= 0 && (guint) col < n ? cells[col] : "";
}

ShoreImportRow *
shore_import_row_new (guint line)
{
  ShoreImportRow *row = g_new0 (ShoreImportRow, 1);

  row->line = line;
  g_date_clear (&row->date, 1);
  return row;
}

void
shore_import_row_fill_empty (ShoreImportRow *row)
{
  char **fields[] = {
    &row->time, &row->payee, &row->item, &row->type, &row->method, &row->status,
    &row->order_id, &row->merchant_order_id, &row->note, &row->category, &row->account,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (*fields[i] == NULL)
      *fields[i] = g_strdup ("");
}

/* Results {{{1 */

void
shore_import_report_progress (ShoreImportProgress progress,
                              gpointer            progress_data,
                              guint               done,
                              guint               total)
{
  if (progress != NULL)
    progress (0.5 + 0.5 * (double) done / (double) MAX (total, 1), progress_data);
}

void
shore_import_result_add_row (ShoreImportResult *result,
                             ShoreImportRow    *row)
{
  if (!g_date_valid (&result->first_date) || g_date_compare (&row->date, &result->first_date) < 0)
    result->first_date = row->date;
  if (!g_date_valid (&result->last_date) || g_date_compare (&row->date, &result->last_date) > 0)
    result->last_date = row->date;
  g_ptr_array_add (result->rows, row);
}

ShoreImportResult *
shore_import_result_new (ShoreImportKind kind)
{
  ShoreImportResult *result = g_new0 (ShoreImportResult, 1);

  result->kind = kind;
  result->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) shore_import_row_free);
  g_date_clear (&result->first_date, 1);
  g_date_clear (&result->last_date, 1);
  switch (kind)
    {
    case SHORE_IMPORT_KIND_WECHAT:
      result->account_hint = g_strdup ("WeChat");
      break;
    case SHORE_IMPORT_KIND_ALIPAY:
      result->account_hint = g_strdup ("Alipay");
      break;
    case SHORE_IMPORT_KIND_CSV:
    case SHORE_IMPORT_KIND_AUTO:
    default:
      result->account_hint = g_strdup ("");
      break;
    }
  return result;
}

gboolean
shore_import_set_no_rows (GError **error)
{
  g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_EMPTY,
                       _("The bill holds no transactions."));
  return FALSE;
}

/* Public entry points {{{1 */

static ShoreImportKind
kind_of_grid (const ShoreImportGrid *grid)
{
  ShoreImportBillLayout layout;
  ShoreCsvMapping mapping;

  if (shore_import_find_bill_layout (grid, &layout))
    return layout.kind;
  if (shore_import_guess_mapping (grid->rows, &mapping))
    return SHORE_IMPORT_KIND_CSV;
  return SHORE_IMPORT_KIND_AUTO;
}

ShoreImportKind
shore_import_detect (GBytes *bytes)
{
  g_autoptr(ShoreImportGrid) grid = NULL;
  g_autoptr(GBytes) prefix = NULL;
  gsize len;
  const char *data;

  g_return_val_if_fail (bytes != NULL, SHORE_IMPORT_KIND_AUTO);

  data = g_bytes_get_data (bytes, &len);
  /* Text: the first lines are enough. A cut at a newline is safe in
   * GB18030 too, whose second bytes are never 0x0A. */
  if (!shore_import_is_zip (bytes) && len > DETECT_PREFIX)
    {
      gsize cut = DETECT_PREFIX;

      while (cut > 0 && data[cut - 1] != '\n')
        cut--;
      if (cut > 0)
        prefix = g_bytes_new_from_bytes (bytes, 0, cut);
    }

  grid = shore_import_read_grid (prefix != NULL ? prefix : bytes, NULL, NULL, NULL, NULL);
  if (grid == NULL)
    return SHORE_IMPORT_KIND_AUTO;
  return kind_of_grid (grid);
}

ShoreImportResult *
shore_import_parse (GBytes                *bytes,
                    ShoreImportKind        kind,
                    const ShoreCsvMapping *mapping,
                    ShoreImportProgress    progress,
                    gpointer               progress_data,
                    GCancellable          *cancellable,
                    GError               **error)
{
  g_autoptr(ShoreImportGrid) grid = NULL;
  ShoreCsvMapping guessed;
  ShoreImportBillLayout layout;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_is_cancelled (cancellable))
    {
      shore_import_set_cancelled (error);
      return NULL;
    }
  grid = shore_import_read_grid (bytes, progress, progress_data, cancellable, error);
  if (grid == NULL)
    return NULL;

  if (kind != SHORE_IMPORT_KIND_CSV)
    {
      if (shore_import_find_bill_layout (grid, &layout) && (kind == SHORE_IMPORT_KIND_AUTO || kind == layout.kind))
        return shore_import_parse_bill (grid, &layout, progress, progress_data, cancellable, error);

      if (kind == SHORE_IMPORT_KIND_WECHAT)
        g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_NOT_A_BILL,
                             _("The file is not a WeChat Pay bill: its column titles were not found."));
      else if (kind == SHORE_IMPORT_KIND_ALIPAY)
        g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_NOT_A_BILL,
                             _("The file is not an Alipay bill: its column titles were not found."));
      if (kind != SHORE_IMPORT_KIND_AUTO)
        return NULL;
    }

  if (mapping == NULL)
    {
      if (!shore_import_guess_mapping (grid->rows, &guessed))
        {
          g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_NOT_A_BILL,
                               _("The file is not a bill: no columns for the date and the amount were found."));
          return NULL;
        }
      mapping = &guessed;
    }
  return shore_import_parse_csv (grid, mapping, progress, progress_data, cancellable, error);
}
