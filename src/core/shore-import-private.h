/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shore-import.h"

G_BEGIN_DECLS

/*< private >
 * ShoreImportGrid:
 *
 * A bill as a grid of trimmed UTF-8 cells, whatever it came from (CSV or
 * an XLSX sheet), with the line (CSV) or sheet row (XLSX) of each row so
 * that messages point where the person can look.
 */
typedef struct
{
  GPtrArray  *rows;       /* of GStrv */
  GArray     *lines;      /* of guint, 1-based, parallel to rows */
  const char *encoding;   /* static: "UTF-8", "GB18030" or "XLSX" */
  guint       n_columns;  /* the widest row */
  guint64     n_cells;
} ShoreImportGrid;

/* Limits that keep junk from eating all memory: no bill comes close. */
#define SHORE_IMPORT_MAX_COLUMNS 1024
#define SHORE_IMPORT_MAX_CELLS   (G_GUINT64_CONSTANT (32) * 1024 * 1024)

/* How often (rows) progress is reported and cancellation checked. */
#define SHORE_IMPORT_PROGRESS_ROWS 4096

ShoreImportGrid *shore_import_grid_new      (void);
void             shore_import_grid_free     (ShoreImportGrid *grid);
/* Takes @cells (a NULL-terminated GStrv); FALSE (NOT_A_BILL) past the limits. */
gboolean         shore_import_grid_add_row  (ShoreImportGrid *grid,
                                             char           **cells,
                                             guint            line,
                                             GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoreImportGrid, shore_import_grid_free)

/* Trims ASCII white space, U+00A0 and U+3000 at both ends; a new string. */
char            *shore_import_trim_cell     (const char      *text,
                                             gsize            len);

/* TRUE when the bytes start like a zip archive (an XLSX workbook). */
gboolean         shore_import_is_zip        (GBytes          *bytes);

/* Reads the first worksheet of an XLSX workbook. Numeric cells keep their
 * stored decimal text (float artefacts rounded to 6 decimals); dates
 * stored as serial numbers stay numbers (the date parser reads them). */
ShoreImportGrid *shore_import_xlsx_read     (GBytes          *bytes,
                                             GCancellable    *cancellable,
                                             GError         **error);

/* Date parsing shared by all formats: YYYY-MM-DD, YYYY/M/D, YYYY.MM.DD,
 * YYYY年M月D日, optionally followed by a time, or an Excel serial number.
 * @time_out (optional) receives "HH:MM:SS", "HH:MM" or "". */
gboolean         shore_import_parse_date    (const char      *text,
                                             GDate           *date,
                                             char           **time_out);

/* Rows scanned for a header row, in bills and other tables. */
#define SHORE_IMPORT_HEADER_SEARCH_ROWS 200

/* shore-import.c: reading, cells and results, shared by the readers. */

/* Sets SHORE_IMPORT_ERROR_CANCELLED and returns FALSE. */
gboolean           shore_import_set_cancelled    (GError                     **error);
/* Bytes to a grid: XLSX, or decoded and split CSV. */
ShoreImportGrid   *shore_import_read_grid        (GBytes                      *bytes,
                                                  ShoreImportProgress          progress,
                                                  gpointer                     progress_data,
                                                  GCancellable                *cancellable,
                                                  GError                     **error);
/* Skips @word at *@p and returns TRUE, else leaves *@p and returns FALSE. */
gboolean           shore_import_accept           (const char                 **p,
                                                  const char                  *word);
gboolean           shore_import_parse_amount     (const char                  *text,
                                                  gint64                      *out);
void               shore_import_set_bad_date     (GError                     **error,
                                                  guint                        line,
                                                  const char                  *cell);
void               shore_import_set_bad_amount   (GError                     **error,
                                                  guint                        line,
                                                  const char                  *cell);
char              *shore_import_dup_order_id     (const char                  *cell);
/* The cell in column @col of a row of @n cells; "" when there is none. */
const char        *shore_import_cell_at          (char                       **cells,
                                                  guint                        n,
                                                  int                          col);
ShoreImportRow    *shore_import_row_new          (guint                        line);
/* Sets the text fields still NULL to "". */
void               shore_import_row_fill_empty   (ShoreImportRow              *row);
void               shore_import_report_progress  (ShoreImportProgress          progress,
                                                  gpointer                     progress_data,
                                                  guint                        done,
                                                  guint                        total);
void               shore_import_result_add_row   (ShoreImportResult           *result,
                                                  ShoreImportRow              *row);
ShoreImportResult *shore_import_result_new       (ShoreImportKind              kind);
/* Sets SHORE_IMPORT_ERROR_EMPTY (no transactions) and returns FALSE. */
gboolean           shore_import_set_no_rows      (GError                     **error);

/* shore-import-bills.c: WeChat Pay and Alipay bills. */

#define SHORE_IMPORT_N_BILL_COLS 11

typedef struct
{
  ShoreImportKind kind;
  guint           header;          /* index of the header row in the grid */
  int             col[SHORE_IMPORT_N_BILL_COLS];
} ShoreImportBillLayout;

gboolean           shore_import_find_bill_layout (const ShoreImportGrid       *grid,
                                                  ShoreImportBillLayout       *layout);
ShoreImportResult *shore_import_parse_bill       (const ShoreImportGrid       *grid,
                                                  const ShoreImportBillLayout *layout,
                                                  ShoreImportProgress          progress,
                                                  gpointer                     progress_data,
                                                  GCancellable                *cancellable,
                                                  GError                     **error);

/* shore-import-csv.c: any other table, read through a column mapping. */

gboolean           shore_import_guess_mapping    (GPtrArray                   *rows,
                                                  ShoreCsvMapping             *out);
ShoreImportResult *shore_import_parse_csv        (const ShoreImportGrid       *grid,
                                                  const ShoreCsvMapping       *m,
                                                  ShoreImportProgress          progress,
                                                  gpointer                     progress_data,
                                                  GCancellable                *cancellable,
                                                  GError                     **error);

G_END_DECLS
