/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (a program, not a test): importing a WeChat Pay bill of
 * 100,000 rows, as `shore import` does it: parse, then write in one
 * transaction. Prints each step and the total against the 2 s target. */

#include "config.h"

#include <stdio.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "shore-import.h"
#include "shore-ledger.h"
#include "shore-store.h"

#define N_ROWS 100000

static GBytes *
make_wechat_bill (void)
{
  GString *text = g_string_new (NULL);
  static const char * const payees[] = { "美团外卖", "滴滴出行", "某某超市", "房东李先生", "中国移动", "肯德基" };

  g_string_append (text,
                   "微信支付账单明细,,,,,,,,,,\n微信昵称：[小王],,,,,,,,,,\n"
                   "起始时间：[2020-01-01 00:00:00] 终止时间：[2026-10-31 23:59:59],,,,,,,,,,\n"
                   "导出类型：[全部],,,,,,,,,,\n导出时间：[2026-11-02 09:12:40],,,,,,,,,,\n,,,,,,,,,,\n"
                   "共100000笔记录,,,,,,,,,,\n收入：0笔 0.00元,,,,,,,,,,\n支出：100000笔 0.00元,,,,,,,,,,\n"
                   "中性交易：0笔 0.00元,,,,,,,,,,\n注：,,,,,,,,,,\n1. 说明,,,,,,,,,,\n2. 说明,,,,,,,,,,\n"
                   "3. 本明细仅供个人对账使用,,,,,,,,,,\n,,,,,,,,,,\n"
                   "----------------------微信支付账单明细列表--------------------,,,,,,,,,,\n"
                   "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n");
  for (guint i = 0; i < N_ROWS; i++)
    {
      GDate date;
      char iso[16];

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2020);
      g_date_add_days (&date, i / 40);
      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
      g_string_append_printf (text,
                              "%s %02u:%02u:%02u,商户消费,\"%s\",\"商品%u\",%s,¥%u.%02u,零钱,支付成功,42000026%012u\t,1000%08u\t,/\n",
                              iso, (i / 3600) % 24, (i / 60) % 60, i % 60,
                              payees[i % G_N_ELEMENTS (payees)], i,
                              i % 30 == 0 ? "收入" : "支出",
                              1 + (i * 7919u) % 500u, i % 100u, i, i);
    }

  return g_string_free_to_bytes (text);
}

int
main (void)
{
  g_autofree char *dir = g_dir_make_tmp ("shore-bench-import-XXXXXX", NULL);
  g_autoptr(GBytes) bill = make_wechat_bill ();
  g_autoptr(ShoreImportResult) result = NULL;
  g_autoptr(ShoreStore) store = NULL;
  g_autoptr(GError) error = NULL;
  ShoreImportSummary summary = { 0 };
  gint64 t0, t1, t2, t3;

  store = shore_store_open (dir, &error);
  g_assert_no_error (error);

  t0 = g_get_monotonic_time ();
  result = shore_import_parse (bill, SHORE_IMPORT_KIND_AUTO, NULL, NULL, NULL, NULL, &error);
  t1 = g_get_monotonic_time ();
  g_assert_no_error (error);
  g_assert_cmpuint (result->rows->len, ==, N_ROWS);

  if (!shore_ledger_import (store, result, 0, "bench.csv", TRUE, NULL, NULL, NULL, &summary, NULL, &error))
    g_error ("%s", error->message);
  t2 = g_get_monotonic_time ();
  if (!shore_ledger_import (store, result, 0, "bench.csv", FALSE, NULL, NULL, NULL, &summary, NULL, &error))
    g_error ("%s", error->message);
  t3 = g_get_monotonic_time ();
  g_assert_cmpuint (summary.transactions, ==, N_ROWS);

  printf ("import of a %d-row WeChat Pay bill (%.1f MB):\n", N_ROWS, g_bytes_get_size (bill) / 1e6);
  printf ("  parse:                 %7.1f ms\n", (t1 - t0) / 1000.0);
  printf ("  preview (dry run):     %7.1f ms\n", (t2 - t1) / 1000.0);
  printf ("  write (one transaction): %5.1f ms\n", (t3 - t2) / 1000.0);
  printf ("  parse + write:         %7.1f ms, ratio to the 2 s target %.3f\n",
          ((t1 - t0) + (t3 - t2)) / 1000.0, ((t1 - t0) + (t3 - t2)) / 2e6);

  g_clear_object (&store);
  {
    g_autofree char *db = g_build_filename (dir, "shore.db", NULL);
    g_autofree char *wal = g_build_filename (dir, "shore.db-wal", NULL);
    g_autofree char *shm = g_build_filename (dir, "shore.db-shm", NULL);

    g_unlink (db);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
  return 0;
}
