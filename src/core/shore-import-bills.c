/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-import"

#include "config.h"

#include <string.h>

#include "shore-intl.h"

#include "shore-import-private.h"
#include "shore-money.h"

/* WeChat Pay and Alipay bills: the header row is found by its content and
 * each data row read by column title; refunds are matched to the orders
 * they give money back for. */

#define REFUND_WINDOW_DAYS 90

/* Bills: WeChat Pay and Alipay {{{1 */

typedef enum {
  COL_DATE, COL_TYPE, COL_PAYEE, COL_ITEM, COL_FLOW, COL_AMOUNT,
  COL_METHOD, COL_STATUS, COL_ORDER, COL_MERCHANT, COL_NOTE,
  N_BILL_COLS
} BillCol;

G_STATIC_ASSERT (N_BILL_COLS == SHORE_IMPORT_N_BILL_COLS);

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
gboolean
shore_import_find_bill_layout (const ShoreImportGrid *grid,
                               ShoreImportBillLayout *layout)
{
  guint limit = MIN (grid->rows->len, SHORE_IMPORT_HEADER_SEARCH_ROWS);

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

/* "/" stands for nothing in both bills. */
static char *
dup_value (const char *cell)
{
  return g_strdup (strcmp (cell, "/") == 0 ? "" : cell);
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
  while (shore_import_accept (&p, "¥") || shore_import_accept (&p, "￥") || shore_import_accept (&p, ":") || shore_import_accept (&p, "：") || shore_import_accept (&p, " "))
    ;
  n = strspn (p, "0123456789.,");
  number = g_strndup (p, n);
  if (n == 0 || !shore_money_parse (number, &fee, NULL) || fee < 0)
    return 0;
  return fee;
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
read_bill_row (const ShoreImportBillLayout  *layout,
               char                        **cells,
               guint                         line,
               gboolean                      last,
               BillEntry                    *out,
               GError                      **error)
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

  row = shore_import_row_new (line);
  if (!shore_import_parse_date (shore_import_cell_at (cells, n, layout->col[COL_DATE]), &row->date, &row->time))
    {
      shore_import_set_bad_date (error, line, shore_import_cell_at (cells, n, layout->col[COL_DATE]));
      return FALSE;
    }
  amount = shore_import_cell_at (cells, n, layout->col[COL_AMOUNT]);
  if (!shore_import_parse_amount (amount, &fen) || fen < 0)
    {
      shore_import_set_bad_amount (error, line, amount);
      return FALSE;
    }
  row->amount = fen;

  flow = shore_import_cell_at (cells, n, layout->col[COL_FLOW]);
  if (strcmp (flow, "收入") == 0)
    row->flow = SHORE_FLOW_INCOME;
  else if (strcmp (flow, "支出") == 0)
    row->flow = SHORE_FLOW_EXPENSE;
  else  /* "/", 不计收支, or nothing: moves between the person's own accounts */
    row->flow = SHORE_FLOW_NEUTRAL;

  row->type = g_strdup (shore_import_cell_at (cells, n, layout->col[COL_TYPE]));
  row->payee = dup_value (shore_import_cell_at (cells, n, layout->col[COL_PAYEE]));
  row->item = dup_value (shore_import_cell_at (cells, n, layout->col[COL_ITEM]));
  row->method = dup_value (shore_import_cell_at (cells, n, layout->col[COL_METHOD]));
  row->status = g_strdup (shore_import_cell_at (cells, n, layout->col[COL_STATUS]));
  row->order_id = shore_import_dup_order_id (shore_import_cell_at (cells, n, layout->col[COL_ORDER]));
  row->merchant_order_id = shore_import_dup_order_id (shore_import_cell_at (cells, n, layout->col[COL_MERCHANT]));
  row->note = dup_value (shore_import_cell_at (cells, n, layout->col[COL_NOTE]));
  shore_import_row_fill_empty (row);
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
free_entries (BillEntry *entries,
              guint      n)
{
  for (guint i = 0; i < n; i++)
    shore_import_row_free (entries[i].row);
  g_free (entries);
}

ShoreImportResult *
shore_import_parse_bill (const ShoreImportGrid       *grid,
                         const ShoreImportBillLayout *layout,
                         ShoreImportProgress          progress,
                         gpointer                     progress_data,
                         GCancellable                *cancellable,
                         GError                     **error)
{
  g_autoptr(ShoreImportResult) result = shore_import_result_new (layout->kind);
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
              shore_import_set_cancelled (error);
              return NULL;
            }
          shore_import_report_progress (progress, progress_data, i, n_rows);
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
        shore_import_result_add_row (result, entries[i].row);
    }
  g_free (entries);

  if (!any_data)
    {
      shore_import_set_no_rows (error);
      return NULL;
    }
  shore_import_report_progress (progress, progress_data, 1, 1);
  return g_steal_pointer (&result);
}
