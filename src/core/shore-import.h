/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Bill importers: WeChat Pay (CSV and XLSX), Alipay (GB18030 CSV, the
 * current and the pre-2023 layouts) and any CSV through a column mapping.
 *
 * Parsing is pure: bytes in, rows out, no store, no I/O beyond
 * shore_import_read_file(). Writing the rows into the ledger (duplicates,
 * categories, loan links, one transaction) is shore_ledger_import() in
 * shore-ledger.h. Formats: feature-anchors.md §2.
 */

#define SHORE_IMPORT_ERROR (shore_import_error_quark ())

typedef enum {
  SHORE_IMPORT_ERROR_FAILED,
  SHORE_IMPORT_ERROR_EMPTY,         /* an empty file, or a bill with no rows */
  SHORE_IMPORT_ERROR_TOO_LARGE,     /* larger than SHORE_IMPORT_MAX_BYTES */
  SHORE_IMPORT_ERROR_ENCODING,      /* neither UTF-8 nor GB18030 text */
  SHORE_IMPORT_ERROR_NOT_A_BILL,    /* binary junk, or no header row found */
  SHORE_IMPORT_ERROR_TRUNCATED,     /* a row cut short, an XLSX zip cut off */
  SHORE_IMPORT_ERROR_BAD_ROW,       /* a date or an amount that does not parse; message names the row */
  SHORE_IMPORT_ERROR_CANCELLED,
} ShoreImportError;

/* A bill larger than this is refused before it is read (100k rows of a
 * WeChat bill are about 25 MB). */
#define SHORE_IMPORT_MAX_BYTES (G_GINT64_CONSTANT (256) * 1024 * 1024)

typedef enum {
  SHORE_IMPORT_KIND_AUTO,
  SHORE_IMPORT_KIND_WECHAT,
  SHORE_IMPORT_KIND_ALIPAY,
  SHORE_IMPORT_KIND_CSV,
} ShoreImportKind;

typedef enum {
  SHORE_FLOW_EXPENSE,
  SHORE_FLOW_INCOME,
  SHORE_FLOW_NEUTRAL,   /* WeChat "/", Alipay 不计收支: moves between own accounts */
} ShoreFlow;

/* One bill row as the ledger will store it. Strings are never NULL (may be ""). */
typedef struct
{
  guint     line;          /* 1-based row in the file (XLSX: sheet row), for messages */
  GDate     date;
  char     *time;          /* "HH:MM:SS", "HH:MM" or "" */
  ShoreFlow flow;
  gint64    amount;        /* fen, > 0; the sign comes from flow */
  gint64    fee;           /* fen, >= 0: a service fee named in the note (服务费¥0.10) */
  char     *payee;         /* 交易对方 */
  char     *item;          /* 商品 / 商品说明 */
  char     *type;          /* 交易类型 / 交易分类 as in the bill */
  char     *method;        /* 支付方式 / 收/付款方式 */
  char     *status;        /* 当前状态 / 交易状态 */
  char     *order_id;      /* 交易单号 / 交易订单号, tabs and spaces stripped; "" when none */
  char     *merchant_order_id;
  char     *note;          /* 备注 */
  char     *category;      /* generic CSV: the category column as written; else "" */
  char     *account;       /* generic CSV: the account column as written; else "" */
  gboolean  loan_repayment;/* 信用借还, 信用卡还款, 还款 to a lender: a repayment */
  gint64    refunded;      /* fen already refunded for this order (partial refund matched to it) */
} ShoreImportRow;

void            shore_import_row_free   (ShoreImportRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoreImportRow, shore_import_row_free)

/* Column mapping for a generic CSV; -1 = not present. */
typedef struct
{
  guint header_row;        /* 0-based row holding the column names; data follows */
  int   date_col;          /* required: the date, optionally with a time */
  int   time_col;
  int   amount_col;        /* required */
  int   flow_col;          /* 收/支-like column (收入/支出/income/expense/in/out, +/-); -1: the amount's sign decides */
  int   payee_col;
  int   item_col;
  int   category_col;
  int   note_col;
  int   order_col;
  int   account_col;       /* an account name per row (Shore's own export) */
} ShoreCsvMapping;

void            shore_csv_mapping_init  (ShoreCsvMapping *mapping);   /* all -1, header_row 0 */

/* A decoded CSV as a grid of cells, for the mapping dialog's preview. */
typedef struct
{
  GPtrArray *rows;          /* of GStrv (one per row; rows may differ in length) */
  char      *encoding;      /* "UTF-8" or "GB18030" */
  guint      n_columns;     /* the widest row */
} ShoreCsvTable;

void            shore_csv_table_free    (ShoreCsvTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoreCsvTable, shore_csv_table_free)

/* Decodes (UTF-8 with or without BOM, else GB18030) and splits with libcsv.
 * Errors as shore_import_parse(). */
ShoreCsvTable  *shore_csv_table_parse   (GBytes           *bytes,
                                         GError          **error);
/* Guesses a mapping from header names (日期/交易时间/date, 金额/amount, 收/支, 交易对方/payee, …);
 * FALSE when no date or amount column is recognised. */
gboolean        shore_csv_mapping_guess (const ShoreCsvTable *table,
                                         ShoreCsvMapping     *out);

typedef struct
{
  ShoreImportKind kind;         /* what was parsed: never AUTO */
  GPtrArray      *rows;         /* of ShoreImportRow*, file order */
  guint           n_skipped;    /* closed trades, fully refunded orders with their refunds, failed payouts */
  char           *account_hint; /* "WeChat", "Alipay" or "" : the account the bill belongs to */
  GDate           first_date;   /* of the rows; invalid when no rows */
  GDate           last_date;
} ShoreImportResult;

void            shore_import_result_free (ShoreImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoreImportResult, shore_import_result_free)

/* Called every few thousand rows with the fraction done (0…1), from the
 * parsing thread. */
typedef void  (*ShoreImportProgress) (double   fraction,
                                      gpointer user_data);

GQuark          shore_import_error_quark (void);

/* Reads a whole file, refusing (SHORE_IMPORT_ERROR_TOO_LARGE, before reading)
 * one over SHORE_IMPORT_MAX_BYTES and (EMPTY) one of zero bytes. */
GBytes         *shore_import_read_file  (GFile            *file,
                                         GCancellable     *cancellable,
                                         GError          **error);

/* What the bytes look like: WECHAT (CSV or XLSX), ALIPAY, CSV, or AUTO when
 * it is none of them (binary junk, not text). */
ShoreImportKind shore_import_detect     (GBytes           *bytes);

/* Parses a bill. kind AUTO detects; CSV needs @mapping (NULL: guessed, and
 * NOT_A_BILL when the guess fails). All or nothing: on error no result.
 * Refunds are matched to their orders; closed trades skipped. */
ShoreImportResult *shore_import_parse   (GBytes                *bytes,
                                         ShoreImportKind        kind,
                                         const ShoreCsvMapping *mapping,
                                         ShoreImportProgress    progress,
                                         gpointer               progress_data,
                                         GCancellable          *cancellable,
                                         GError               **error);

/* "wechat", "alipay", "csv" (for the store and the JSON), and back. */
const char     *shore_import_kind_to_string   (ShoreImportKind kind);
gboolean        shore_import_kind_from_string (const char      *text,
                                               ShoreImportKind *out);

/* The translated name of a bill kind: "WeChat Pay", "Alipay", "CSV". */
const char     *shore_import_kind_get_label   (ShoreImportKind kind);

G_END_DECLS
