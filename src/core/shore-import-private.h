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

G_END_DECLS
