/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-import"

#include "config.h"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "shore-import-private.h"
#include "shore-money.h"

/* Bill parsers. A bill is first turned into a grid of cells (CSV through
 * libcsv after decoding, XLSX through shore-import-xlsx.c); the header row
 * is then found by its content and each data row read by column name, so
 * that the moved header of 2026-03 and the old Alipay column order need
 * no special case. */

#define HEADER_SEARCH_ROWS 200  /* rows scanned for a header */
#define DETECT_PREFIX      (64 * 1024)
#define REFUND_WINDOW_DAYS 90

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
shore_csv_mapping_init (ShoreCsvMapping *mapping)
{
  g_return_if_fail (mapping != NULL);

  mapping->header_row = 0;
  mapping->date_col = -1;
  mapping->time_col = -1;
  mapping->amount_col = -1;
  mapping->flow_col = -1;
  mapping->payee_col = -1;
  mapping->item_col = -1;
  mapping->category_col = -1;
  mapping->note_col = -1;
  mapping->order_col = -1;
  mapping->account_col = -1;
}

void
shore_csv_table_free (ShoreCsvTable *table)
{
  if (table == NULL)
    return;
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table->encoding);
  g_free (table);
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

static gboolean
set_cancelled (GError **error)
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
        set_cancelled (error);
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
              set_cancelled (&st.error);
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
static ShoreImportGrid *
read_grid (GBytes               *bytes,
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

ShoreCsvTable *
shore_csv_table_parse (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(ShoreImportGrid) grid = NULL;
  ShoreCsvTable *table;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  grid = read_grid (bytes, NULL, NULL, NULL, error);
  if (grid == NULL)
    return NULL;

  table = g_new0 (ShoreCsvTable, 1);
  table->rows = g_ptr_array_ref (grid->rows);
  table->encoding = g_strdup (grid->encoding);
  table->n_columns = grid->n_columns;
  return table;
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

static gboolean
accept (const char **p,
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

  if (accept (&p, "年"))
    {
      if (!read_number (&p, 1, 2, &month) || !accept (&p, "月") || !read_number (&p, 1, 2, &day))
        return FALSE;
      accept (&p, "日");
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
static gboolean
parse_amount (const char *text,
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

static void
set_bad_date (GError     **error,
              guint        line,
              const char  *cell)
{
  g_autofree char *quoted = shore_money_quote_input (cell);

  g_set_error (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_BAD_ROW,
               /* Translators: %u is a row number in the bill, %s what the row holds instead of a date */
               _("Row %u of the bill has “%s” where a date should be."),
               line, quoted);
}

static void
set_bad_amount (GError     **error,
                guint        line,
                const char  *cell)
{
  g_autofree char *quoted = shore_money_quote_input (cell);

  g_set_error (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_BAD_ROW,
               /* Translators: %u is a row number in the bill, %s what the row holds instead of an amount */
               _("Row %u of the bill has “%s” where an amount of money should be."),
               line, quoted);
}

/* "/" stands for nothing in both bills. */
static char *
dup_value (const char *cell)
{
  return g_strdup (strcmp (cell, "/") == 0 ? "" : cell);
}

/* Order numbers: the tabs the bills append (so that spreadsheets keep
 * them as text) go, wherever they are; spaces inside stay. */
static char *
dup_order_id (const char *cell)
{
  g_autoptr(GString) id = g_string_new (NULL);

  for (const char *p = cell; *p != '\0'; p++)
    if (*p != '\t')
      g_string_append_c (id, *p);
  if (strcmp (id->str, "/") == 0)
    return g_strdup ("");
  return shore_import_trim_cell (id->str, id->len);
}

/* "服务费¥0.10" in a WeChat note: the fee the amount includes. */
static gint64
fee_from_note (const char *note)
{
  const char *p = strstr (note, "服务费");
  g_autofree char *number = NULL;
  gint64 fee = 0;
  gsize n;

  if (p == NULL)
    return 0;
  p += strlen ("服务费");
  while (accept (&p, "¥") || accept (&p, "￥") || accept (&p, ":") || accept (&p, "：") || accept (&p, " "))
    ;
  n = strspn (p, "0123456789.,");
  number = g_strndup (p, n);
  if (n == 0 || !shore_money_parse (number, &fee, NULL) || fee < 0)
    return 0;
  return fee;
}

static ShoreImportRow *
row_new (guint line)
{
  ShoreImportRow *row = g_new0 (ShoreImportRow, 1);

  row->line = line;
  g_date_clear (&row->date, 1);
  return row;
}

static void
row_fill_empty (ShoreImportRow *row)
{
  char **fields[] = {
    &row->time, &row->payee, &row->item, &row->type, &row->method, &row->status,
    &row->order_id, &row->merchant_order_id, &row->note, &row->category, &row->account,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (*fields[i] == NULL)
      *fields[i] = g_strdup ("");
}

/* Bills: WeChat Pay and Alipay {{{1 */

typedef enum {
  COL_DATE, COL_TYPE, COL_PAYEE, COL_ITEM, COL_FLOW, COL_AMOUNT,
  COL_METHOD, COL_STATUS, COL_ORDER, COL_MERCHANT, COL_NOTE,
  N_BILL_COLS
} BillCol;

/* Column titles of both bills, all layouts; an entry ending in '*'
 * matches as a prefix (金额(元), 金额（元）). */
static const char * const bill_titles[N_BILL_COLS][4] = {
  [COL_DATE] = { "交易时间", "交易创建时间", "付款时间", NULL },
  [COL_TYPE] = { "交易类型", "交易分类", "类型", NULL },
  [COL_PAYEE] = { "交易对方", NULL },
  [COL_ITEM] = { "商品", "商品说明", "商品名称", NULL },
  [COL_FLOW] = { "收/支", "收支", NULL },
  [COL_AMOUNT] = { "金额*", NULL },
  [COL_METHOD] = { "支付方式", "收/付款方式", NULL },
  [COL_STATUS] = { "当前状态", "交易状态", NULL },
  [COL_ORDER] = { "交易单号", "交易订单号", "交易号", NULL },
  [COL_MERCHANT] = { "商户单号", "商家订单号", NULL },
  [COL_NOTE] = { "备注", NULL },
};

typedef struct
{
  ShoreImportKind kind;
  guint           header;          /* index of the header row in the grid */
  int             col[N_BILL_COLS];
} BillLayout;

static gboolean
title_matches (const char *cell,
               const char *title)
{
  gsize n = strlen (title);

  if (title[n - 1] == '*')
    return strncmp (cell, title, n - 1) == 0;
  return strcmp (cell, title) == 0;
}

static gboolean
row_has (char       **cells,
         const char  *title)
{
  for (; *cells != NULL; cells++)
    if (strcmp (*cells, title) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
grid_first_line_has (const ShoreImportGrid *grid,
                     const char            *word)
{
  if (grid->rows->len == 0)
    return FALSE;
  for (char **cell = g_ptr_array_index (grid->rows, 0); *cell != NULL; cell++)
    if (strstr (*cell, word) != NULL)
      return TRUE;
  return FALSE;
}

/* Finds the header row by its content: 交易时间 + 交易类型 (WeChat Pay),
 * 交易时间 + 交易分类 (Alipay), or the old Alipay layout that starts with
 * 收/支 under a first line naming 支付宝. */
static gboolean
find_bill_layout (const ShoreImportGrid *grid,
                  BillLayout            *layout)
{
  guint limit = MIN (grid->rows->len, HEADER_SEARCH_ROWS);

  for (guint i = 0; i < limit; i++)
    {
      char **cells = g_ptr_array_index (grid->rows, i);
      ShoreImportKind kind = SHORE_IMPORT_KIND_AUTO;

      if (row_has (cells, "交易时间") && row_has (cells, "交易类型"))
        kind = SHORE_IMPORT_KIND_WECHAT;
      else if (row_has (cells, "交易时间") && row_has (cells, "交易分类"))
        kind = SHORE_IMPORT_KIND_ALIPAY;
      else if (cells[0] != NULL && strcmp (cells[0], "收/支") == 0 &&
               grid_first_line_has (grid, "支付宝"))
        kind = SHORE_IMPORT_KIND_ALIPAY;
      if (kind == SHORE_IMPORT_KIND_AUTO)
        continue;

      layout->kind = kind;
      layout->header = i;
      for (guint c = 0; c < N_BILL_COLS; c++)
        {
          layout->col[c] = -1;
          for (guint k = 0; cells[k] != NULL && layout->col[c] < 0; k++)
            for (guint t = 0; bill_titles[c][t] != NULL; t++)
              if (title_matches (cells[k], bill_titles[c][t]))
                {
                  layout->col[c] = (int) k;
                  break;
                }
        }
      if (layout->col[COL_DATE] >= 0 && layout->col[COL_AMOUNT] >= 0)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  ShoreImportRow *row;
  gboolean        refund;   /* a refund row, to match to its order */
  gboolean        closed;   /* Alipay 交易关闭 */
  gboolean        skip;
} BillEntry;

static const char *
cell_at (char      **cells,
         guint       n,
         int         col)
{
  return col >= 0 && (guint) col < n ? cells[col] : "";
}

static gboolean
is_refund_row (ShoreImportKind       kind,
               const ShoreImportRow *row)
{
  if (kind == SHORE_IMPORT_KIND_ALIPAY)
    return strcmp (row->type, "退款") == 0 || g_str_has_prefix (row->item, "退款-") ||
           (strcmp (row->status, "退款成功") == 0 && row->flow != SHORE_FLOW_EXPENSE);

  /* WeChat: "美团-退款"; the original order says 已全额退款 or
   * 已退款(￥5.00) too, but it is the expense, not the refund. */
  return g_str_has_suffix (row->type, "-退款") || strcmp (row->type, "退款") == 0 ||
         ((g_str_has_prefix (row->status, "已全额退款") || g_str_has_prefix (row->status, "已退款")) &&
          row->flow == SHORE_FLOW_INCOME);
}

static gboolean
mentions_repayment (const ShoreImportRow *row)
{
  return strcmp (row->type, "信用借还") == 0 ||
         strstr (row->type, "还款") != NULL || strstr (row->item, "还款") != NULL;
}

/* One data row of a bill; *out NULL (and TRUE) for a row to ignore
 * (blank lines, end markers). */
static gboolean
read_bill_row (const BillLayout  *layout,
               char             **cells,
               guint              line,
               gboolean           last,
               BillEntry         *out,
               GError           **error)
{
  g_autoptr(ShoreImportRow) row = NULL;
  guint n = g_strv_length (cells);
  guint n_filled = 0;
  const char *flow;
  const char *amount;
  gint64 fen;

  for (guint i = 0; i < n; i++)
    if (cells[i][0] != '\0')
      n_filled++;
  out->row = NULL;
  if (n_filled < 3 || g_str_has_prefix (cells[0], "---"))
    return TRUE;
  if ((guint) layout->col[COL_AMOUNT] >= n || (layout->col[COL_FLOW] >= 0 && (guint) layout->col[COL_FLOW] >= n))
    {
      if (last)
        g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_TRUNCATED,
                             _("The last row of the bill is cut short; download the bill again."));
      else
        g_set_error (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_BAD_ROW,
                     /* Translators: %u is a row number in the bill */
                     _("Row %u of the bill has too few cells."), line);
      return FALSE;
    }

  row = row_new (line);
  if (!shore_import_parse_date (cell_at (cells, n, layout->col[COL_DATE]), &row->date, &row->time))
    {
      set_bad_date (error, line, cell_at (cells, n, layout->col[COL_DATE]));
      return FALSE;
    }
  amount = cell_at (cells, n, layout->col[COL_AMOUNT]);
  if (!parse_amount (amount, &fen) || fen < 0)
    {
      set_bad_amount (error, line, amount);
      return FALSE;
    }
  row->amount = fen;

  flow = cell_at (cells, n, layout->col[COL_FLOW]);
  if (strcmp (flow, "收入") == 0)
    row->flow = SHORE_FLOW_INCOME;
  else if (strcmp (flow, "支出") == 0)
    row->flow = SHORE_FLOW_EXPENSE;
  else  /* "/", 不计收支, or nothing: moves between the person's own accounts */
    row->flow = SHORE_FLOW_NEUTRAL;

  row->type = g_strdup (cell_at (cells, n, layout->col[COL_TYPE]));
  row->payee = dup_value (cell_at (cells, n, layout->col[COL_PAYEE]));
  row->item = dup_value (cell_at (cells, n, layout->col[COL_ITEM]));
  row->method = dup_value (cell_at (cells, n, layout->col[COL_METHOD]));
  row->status = g_strdup (cell_at (cells, n, layout->col[COL_STATUS]));
  row->order_id = dup_order_id (cell_at (cells, n, layout->col[COL_ORDER]));
  row->merchant_order_id = dup_order_id (cell_at (cells, n, layout->col[COL_MERCHANT]));
  row->note = dup_value (cell_at (cells, n, layout->col[COL_NOTE]));
  row_fill_empty (row);
  row->fee = MIN (fee_from_note (row->note), row->amount);
  row->loan_repayment = mentions_repayment (row);

  out->refund = is_refund_row (layout->kind, row);
  out->closed = strcmp (row->status, "交易关闭") == 0;
  /* 提现失败，已退回零钱; 对方已退还: the money never left. */
  out->skip = strstr (row->status, "失败") != NULL || strstr (row->status, "已退还") != NULL ||
              row->amount == 0;
  out->row = g_steal_pointer (&row);
  return TRUE;
}

static gboolean
can_take_refund (const BillEntry *original,
                 const BillEntry *refund)
{
  return original != refund && !original->refund && !original->skip &&
         original->row->amount >= refund->row->amount;
}

/* The original order of a refund: its order number begins with the
 * original's, or both share a merchant order number; else the same payee
 * and amount within 90 days. NULL when none. */
static BillEntry *
find_original (BillEntry  *entries,
               guint       n_entries,
               GHashTable *by_order,
               GHashTable *by_merchant,
               BillEntry  *refund)
{
  const ShoreImportRow *r = refund->row;
  gsize len = strlen (r->order_id);

  for (gsize prefix = len; prefix > 0; prefix--)
    {
      g_autofree char *key = g_strndup (r->order_id, prefix);
      GArray *list = g_hash_table_lookup (by_order, key);

      for (guint i = 0; list != NULL && i < list->len; i++)
        if (can_take_refund (&entries[g_array_index (list, guint, i)], refund))
          return &entries[g_array_index (list, guint, i)];
    }

  if (r->merchant_order_id[0] != '\0')
    {
      GArray *list = g_hash_table_lookup (by_merchant, r->merchant_order_id);

      for (guint i = 0; list != NULL && i < list->len; i++)
        if (can_take_refund (&entries[g_array_index (list, guint, i)], refund))
          return &entries[g_array_index (list, guint, i)];
    }

  if (r->payee[0] == '\0')
    return NULL;
  for (guint i = 0; i < n_entries; i++)
    {
      BillEntry *e = &entries[i];
      int days;

      if (!can_take_refund (e, refund) || e->row->flow != SHORE_FLOW_EXPENSE ||
          e->row->amount != r->amount || strcmp (e->row->payee, r->payee) != 0)
        continue;
      days = g_date_days_between (&e->row->date, &r->date);
      if (days >= 0 && days <= REFUND_WINDOW_DAYS)
        return e;
    }
  return NULL;
}

static void
index_orders (BillEntry  *entries,
              guint       n_entries,
              GHashTable *by_order,
              GHashTable *by_merchant)
{
  for (guint i = 0; i < n_entries; i++)
    {
      const ShoreImportRow *row = entries[i].row;
      const char *keys[2] = { row->order_id, row->merchant_order_id };
      GHashTable *tables[2] = { by_order, by_merchant };

      if (entries[i].refund)
        continue;
      for (guint k = 0; k < 2; k++)
        {
          GArray *list;

          if (keys[k][0] == '\0')
            continue;
          list = g_hash_table_lookup (tables[k], keys[k]);
          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (tables[k], (gpointer) keys[k], list);
            }
          g_array_append_val (list, i);
        }
    }
}

static void
match_refunds (BillEntry *entries,
               guint      n_entries)
{
  g_autoptr(GHashTable) by_order = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) by_merchant = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  gboolean any = FALSE;

  for (guint i = 0; i < n_entries && !any; i++)
    any = entries[i].refund && !entries[i].skip;
  if (!any)
    return;

  index_orders (entries, n_entries, by_order, by_merchant);
  for (guint i = 0; i < n_entries; i++)
    {
      BillEntry *refund = &entries[i];
      BillEntry *original;

      if (!refund->refund || refund->skip)
        continue;
      original = find_original (entries, n_entries, by_order, by_merchant, refund);
      if (original == NULL)
        {
          /* Its order lies outside this bill: money that came back. */
          refund->row->flow = SHORE_FLOW_INCOME;
          continue;
        }

      refund->skip = TRUE;
      if (original->closed)
        continue;
      original->row->amount -= refund->row->amount;
      original->row->refunded += refund->row->amount;
      original->row->fee = MIN (original->row->fee, original->row->amount);
      if (original->row->amount == 0)
        original->skip = TRUE;
    }
}

static void
report_progress (ShoreImportProgress progress,
                 gpointer            progress_data,
                 guint               done,
                 guint               total)
{
  if (progress != NULL)
    progress (0.5 + 0.5 * (double) done / (double) MAX (total, 1), progress_data);
}

static void
add_result_row (ShoreImportResult *result,
                ShoreImportRow    *row)
{
  if (!g_date_valid (&result->first_date) || g_date_compare (&row->date, &result->first_date) < 0)
    result->first_date = row->date;
  if (!g_date_valid (&result->last_date) || g_date_compare (&row->date, &result->last_date) > 0)
    result->last_date = row->date;
  g_ptr_array_add (result->rows, row);
}

static ShoreImportResult *
result_new (ShoreImportKind kind)
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

static gboolean
set_no_rows (GError **error)
{
  g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_EMPTY,
                       _("The bill holds no transactions."));
  return FALSE;
}

static void
free_entries (BillEntry *entries,
              guint      n)
{
  for (guint i = 0; i < n; i++)
    shore_import_row_free (entries[i].row);
  g_free (entries);
}

static ShoreImportResult *
parse_bill (const ShoreImportGrid *grid,
            const BillLayout      *layout,
            ShoreImportProgress    progress,
            gpointer               progress_data,
            GCancellable          *cancellable,
            GError               **error)
{
  g_autoptr(ShoreImportResult) result = result_new (layout->kind);
  guint n_rows = grid->rows->len;
  BillEntry *entries = g_new0 (BillEntry, n_rows);
  guint n_entries = 0;
  gboolean any_data = FALSE;

  for (guint i = layout->header + 1; i < n_rows; i++)
    {
      BillEntry *entry = &entries[n_entries];

      if ((i - layout->header) % SHORE_IMPORT_PROGRESS_ROWS == 0)
        {
          if (g_cancellable_is_cancelled (cancellable))
            {
              free_entries (entries, n_entries);
              set_cancelled (error);
              return NULL;
            }
          report_progress (progress, progress_data, i, n_rows);
        }
      if (!read_bill_row (layout, g_ptr_array_index (grid->rows, i), g_array_index (grid->lines, guint, i),
                          i + 1 == n_rows, entry, error))
        {
          free_entries (entries, n_entries);
          return NULL;
        }
      if (entry->row != NULL)
        n_entries++;
    }

  match_refunds (entries, n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      any_data = TRUE;
      if (entries[i].skip || entries[i].closed)
        {
          result->n_skipped++;
          shore_import_row_free (entries[i].row);
        }
      else
        add_result_row (result, entries[i].row);
    }
  g_free (entries);

  if (!any_data)
    {
      set_no_rows (error);
      return NULL;
    }
  report_progress (progress, progress_data, 1, 1);
  return g_steal_pointer (&result);
}

/* Generic CSV {{{1 */

typedef enum {
  FIELD_DATE, FIELD_TIME, FIELD_AMOUNT, FIELD_FLOW, FIELD_PAYEE, FIELD_ITEM,
  FIELD_CATEGORY, FIELD_NOTE, FIELD_ORDER, FIELD_ACCOUNT, FIELD_IGNORE,
  N_FIELDS
} Field;

/* Header words, checked in this order so that 商户单号 is an order number
 * before it is a merchant, 对方账号 nothing before it is a payee. Words
 * match inside the title; English ones ignore case. Shore's own export
 * writes Date,Time,Amount,Account,Category,Payee,Note,Order ID and, in
 * Chinese, 日期,时间,金额,账户,分类,收付对象,备注,订单号 (zh_CN) or
 * 日期,時間,金額,帳戶,分類,收付對象,備註,訂單號 (zh_TW). */
static const struct
{
  Field       field;
  const char *words[10];
} header_words[] = {
  { FIELD_IGNORE,   { "账号", "帳號", "賬號", "余额", "餘額", "balance", NULL } },
  { FIELD_ORDER,    { "订单号", "訂單號", "单号", "單號", "交易号", "order", "reference", NULL } },
  { FIELD_ACCOUNT,  { "账户", "帳戶", "賬戶", "account", NULL } },
  { FIELD_FLOW,     { "收/支", "收支", "收/付", "direction", "income/expense", "in/out", NULL } },
  { FIELD_AMOUNT,   { "金额", "金額", "amount", "sum", NULL } },
  { FIELD_DATE,     { "日期", "date", NULL } },
  { FIELD_TIME,     { "时间", "時間", "time", NULL } },
  { FIELD_PAYEE,    { "对方", "對方", "收付对象", "收付對象", "payee", "merchant", "商户", "商戶", "counterparty", NULL } },
  { FIELD_ITEM,     { "商品", "item", "description", "摘要", "说明", "說明", NULL } },
  { FIELD_CATEGORY, { "分类", "分類", "category", NULL } },
  { FIELD_NOTE,     { "备注", "備註", "備注", "note", "memo", "remark", NULL } },
};

static Field
field_of_title (const char *title)
{
  g_autofree char *lower = g_utf8_strdown (title, -1);

  if (lower[0] == '\0')
    return FIELD_IGNORE;
  /* "type" alone is the 收/支 column of many bank exports */
  if (strcmp (lower, "type") == 0 || strcmp (lower, "flow") == 0)
    return FIELD_FLOW;
  for (guint i = 0; i < G_N_ELEMENTS (header_words); i++)
    for (guint w = 0; header_words[i].words[w] != NULL; w++)
      if (strstr (lower, header_words[i].words[w]) != NULL)
        return header_words[i].field;
  return FIELD_IGNORE;
}

static int *
mapping_slot (ShoreCsvMapping *m,
              Field            field)
{
  switch (field)
    {
    case FIELD_DATE: return &m->date_col;
    case FIELD_TIME: return &m->time_col;
    case FIELD_AMOUNT: return &m->amount_col;
    case FIELD_FLOW: return &m->flow_col;
    case FIELD_PAYEE: return &m->payee_col;
    case FIELD_ITEM: return &m->item_col;
    case FIELD_CATEGORY: return &m->category_col;
    case FIELD_NOTE: return &m->note_col;
    case FIELD_ORDER: return &m->order_col;
    case FIELD_ACCOUNT: return &m->account_col;
    case FIELD_IGNORE:
    case N_FIELDS:
    default:
      return NULL;
    }
}

static gboolean
guess_mapping (GPtrArray       *rows,
               ShoreCsvMapping *out)
{
  guint limit = MIN (rows->len, HEADER_SEARCH_ROWS);

  for (guint r = 0; r < limit; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      ShoreCsvMapping m;

      shore_csv_mapping_init (&m);
      m.header_row = r;
      for (guint c = 0; cells[c] != NULL && c < SHORE_IMPORT_MAX_COLUMNS; c++)
        {
          int *slot = mapping_slot (&m, field_of_title (cells[c]));

          if (slot != NULL && *slot < 0)
            *slot = (int) c;
        }
      /* 交易时间 alone: a date with its time */
      if (m.date_col < 0 && m.time_col >= 0)
        {
          m.date_col = m.time_col;
          m.time_col = -1;
        }
      if (m.date_col >= 0 && m.amount_col >= 0)
        {
          *out = m;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
shore_csv_mapping_guess (const ShoreCsvTable *table,
                         ShoreCsvMapping     *out)
{
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return guess_mapping (table->rows, out);
}

/* Shore's export writes '=1 for a cell starting with = + - @ so that
 * spreadsheets do not run it. */
static const char *
unescape_cell (const char *cell)
{
  if (cell[0] == '\'' && cell[1] != '\0' && strchr ("=+-@", cell[1]) != NULL)
    return cell + 1;
  return cell;
}

static const char *
map_cell (char      **cells,
          guint       n,
          int         col)
{
  return unescape_cell (cell_at (cells, n, col));
}

static gboolean
flow_of_text (const char *text,
              ShoreFlow  *out)
{
  static const char * const income[] = { "收入", "收", "入", "存入", "转入", "income", "in", "credit", "+", NULL };
  static const char * const expense[] = { "支出", "支", "出", "转出", "expense", "out", "debit", "-", NULL };
  static const char * const neutral[] = { "不计收支", "中性交易", "中性", "/", "neutral", "transfer", NULL };

  if (g_strv_contains (income, text) || g_ascii_strcasecmp (text, "income") == 0)
    *out = SHORE_FLOW_INCOME;
  else if (g_strv_contains (expense, text) || g_ascii_strcasecmp (text, "expense") == 0)
    *out = SHORE_FLOW_EXPENSE;
  else if (g_strv_contains (neutral, text) || g_ascii_strcasecmp (text, "neutral") == 0)
    *out = SHORE_FLOW_NEUTRAL;
  else
    return FALSE;
  return TRUE;
}

static gboolean
read_csv_row (const ShoreCsvMapping  *m,
              char                  **cells,
              guint                   line,
              ShoreImportRow        **out,
              GError                **error)
{
  g_autoptr(ShoreImportRow) row = NULL;
  guint n = g_strv_length (cells);
  const char *date = map_cell (cells, n, m->date_col);
  const char *amount = map_cell (cells, n, m->amount_col);
  gint64 fen;
  ShoreFlow flow;

  *out = NULL;
  if (date[0] == '\0' && amount[0] == '\0')
    return TRUE;

  row = row_new (line);
  if (!shore_import_parse_date (date, &row->date, &row->time))
    {
      set_bad_date (error, line, date);
      return FALSE;
    }
  if (row->time[0] == '\0' && m->time_col >= 0)
    {
      const char *time = map_cell (cells, n, m->time_col);
      g_autofree char *probe = g_strconcat ("2000-01-01 ", time, NULL);
      GDate unused;
      char *parsed = NULL;

      if (time[0] != '\0' && shore_import_parse_date (probe, &unused, &parsed))
        {
          g_free (row->time);
          row->time = parsed;
        }
    }
  if (!parse_amount (amount, &fen) || fen == G_MININT64)
    {
      set_bad_amount (error, line, amount);
      return FALSE;
    }

  if (m->flow_col >= 0 && flow_of_text (map_cell (cells, n, m->flow_col), &flow))
    row->flow = flow;
  else
    row->flow = fen < 0 ? SHORE_FLOW_EXPENSE : SHORE_FLOW_INCOME;
  row->amount = ABS (fen);

  row->payee = g_strdup (map_cell (cells, n, m->payee_col));
  row->item = g_strdup (map_cell (cells, n, m->item_col));
  row->category = g_strdup (map_cell (cells, n, m->category_col));
  row->note = g_strdup (map_cell (cells, n, m->note_col));
  row->order_id = dup_order_id (map_cell (cells, n, m->order_col));
  row->account = g_strdup (map_cell (cells, n, m->account_col));
  row_fill_empty (row);
  row->loan_repayment = strstr (row->item, "还款") != NULL || strstr (row->category, "还款") != NULL ||
                        strstr (row->category, "還款") != NULL;

  *out = g_steal_pointer (&row);
  return TRUE;
}

static ShoreImportResult *
parse_generic (const ShoreImportGrid *grid,
               const ShoreCsvMapping *m,
               ShoreImportProgress    progress,
               gpointer               progress_data,
               GCancellable          *cancellable,
               GError               **error)
{
  g_autoptr(ShoreImportResult) result = result_new (SHORE_IMPORT_KIND_CSV);
  guint n_rows = grid->rows->len;

  if (m->date_col < 0 || m->amount_col < 0)
    {
      g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_NOT_A_BILL,
                           _("Choose the columns that hold the date and the amount."));
      return NULL;
    }

  for (guint i = m->header_row + 1; i < n_rows; i++)
    {
      ShoreImportRow *row;

      if ((i - m->header_row) % SHORE_IMPORT_PROGRESS_ROWS == 0)
        {
          if (g_cancellable_is_cancelled (cancellable))
            {
              set_cancelled (error);
              return NULL;
            }
          report_progress (progress, progress_data, i, n_rows);
        }
      if (!read_csv_row (m, g_ptr_array_index (grid->rows, i), g_array_index (grid->lines, guint, i), &row, error))
        return NULL;
      if (row == NULL)
        continue;
      if (row->amount == 0)
        {
          result->n_skipped++;
          shore_import_row_free (row);
          continue;
        }
      add_result_row (result, row);
    }

  if (result->rows->len == 0 && result->n_skipped == 0)
    {
      set_no_rows (error);
      return NULL;
    }
  report_progress (progress, progress_data, 1, 1);
  return g_steal_pointer (&result);
}

/* Public entry points {{{1 */

static ShoreImportKind
kind_of_grid (const ShoreImportGrid *grid)
{
  BillLayout layout;
  ShoreCsvMapping mapping;

  if (find_bill_layout (grid, &layout))
    return layout.kind;
  if (guess_mapping (grid->rows, &mapping))
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

  grid = read_grid (prefix != NULL ? prefix : bytes, NULL, NULL, NULL, NULL);
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
  BillLayout layout;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_is_cancelled (cancellable))
    {
      set_cancelled (error);
      return NULL;
    }
  grid = read_grid (bytes, progress, progress_data, cancellable, error);
  if (grid == NULL)
    return NULL;

  if (kind != SHORE_IMPORT_KIND_CSV)
    {
      if (find_bill_layout (grid, &layout) && (kind == SHORE_IMPORT_KIND_AUTO || kind == layout.kind))
        return parse_bill (grid, &layout, progress, progress_data, cancellable, error);

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
      if (!guess_mapping (grid->rows, &guessed))
        {
          g_set_error_literal (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_NOT_A_BILL,
                               _("The file is not a bill: no columns for the date and the amount were found."));
          return NULL;
        }
      mapping = &guessed;
    }
  return parse_generic (grid, mapping, progress, progress_data, cancellable, error);
}
