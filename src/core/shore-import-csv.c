/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-import"

#include "config.h"

#include <string.h>

#include "shore-intl.h"

#include "shore-import-private.h"

/* Any other CSV (or XLSX) table: the columns are guessed from the words in
 * a header row, or chosen by the person. */

/* Tables and mappings {{{1 */

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

ShoreCsvTable *
shore_csv_table_parse (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(ShoreImportGrid) grid = NULL;
  ShoreCsvTable *table;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  grid = shore_import_read_grid (bytes, NULL, NULL, NULL, error);
  if (grid == NULL)
    return NULL;

  table = g_new0 (ShoreCsvTable, 1);
  table->rows = g_ptr_array_ref (grid->rows);
  table->encoding = g_strdup (grid->encoding);
  table->n_columns = grid->n_columns;
  return table;
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

gboolean
shore_import_guess_mapping (GPtrArray       *rows,
                            ShoreCsvMapping *out)
{
  guint limit = MIN (rows->len, SHORE_IMPORT_HEADER_SEARCH_ROWS);

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

  return shore_import_guess_mapping (table->rows, out);
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
  return unescape_cell (shore_import_cell_at (cells, n, col));
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

  row = shore_import_row_new (line);
  if (!shore_import_parse_date (date, &row->date, &row->time))
    {
      shore_import_set_bad_date (error, line, date);
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
  if (!shore_import_parse_amount (amount, &fen) || fen == G_MININT64)
    {
      shore_import_set_bad_amount (error, line, amount);
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
  row->order_id = shore_import_dup_order_id (map_cell (cells, n, m->order_col));
  row->account = g_strdup (map_cell (cells, n, m->account_col));
  shore_import_row_fill_empty (row);
  row->loan_repayment = strstr (row->item, "还款") != NULL || strstr (row->category, "还款") != NULL ||
                        strstr (row->category, "還款") != NULL;

  *out = g_steal_pointer (&row);
  return TRUE;
}

ShoreImportResult *
shore_import_parse_csv (const ShoreImportGrid *grid,
                        const ShoreCsvMapping *m,
                        ShoreImportProgress    progress,
                        gpointer               progress_data,
                        GCancellable          *cancellable,
                        GError               **error)
{
  g_autoptr(ShoreImportResult) result = shore_import_result_new (SHORE_IMPORT_KIND_CSV);
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
              shore_import_set_cancelled (error);
              return NULL;
            }
          shore_import_report_progress (progress, progress_data, i, n_rows);
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
      shore_import_result_add_row (result, row);
    }

  if (result->rows->len == 0 && result->n_skipped == 0)
    {
      shore_import_set_no_rows (error);
      return NULL;
    }
  shore_import_report_progress (progress, progress_data, 1, 1);
  return g_steal_pointer (&result);
}
