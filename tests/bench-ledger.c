/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Not a test: times the ledger on 100,000 transactions in a scratch
 * folder: a bill of 100,000 rows imported (one transaction), the paged
 * list's n_items and random get_item, the month summary. Prints figures.
 */

#include "config.h"

#include <stdio.h>

#include <gio/gio.h>
#include <glib.h>

#include "shore-import.h"
#include "shore-ledger.h"
#include "shore-store.h"
#include "shore-test-util.h"

#define N_ROWS   100000
#define N_LOOKUP 2000
#define SEED     20260115

static const char * const payees[] = {
  "美团外卖", "滴滴出行", "超市", "中国移动话费", "房东", "老王面馆", "拼多多", "公司工资", "微信红包", "医院",
};

static ShoreImportResult *
make_bill (GRand *rand)
{
  ShoreImportResult *result = g_new0 (ShoreImportResult, 1);

  result->kind = SHORE_IMPORT_KIND_WECHAT;
  result->rows = g_ptr_array_new_full (N_ROWS, (GDestroyNotify) shore_import_row_free);
  result->account_hint = g_strdup ("");
  for (guint i = 0; i < N_ROWS; i++)
    {
      ShoreImportRow *row = g_new0 (ShoreImportRow, 1);
      guint p = g_rand_int_range (rand, 0, G_N_ELEMENTS (payees));

      row->line = i + 18;
      g_date_clear (&row->date, 1);
      g_date_set_dmy (&row->date, 1, 1, 2021);
      g_date_add_days (&row->date, i / 55);   /* ~5 years */
      row->time = g_strdup_printf ("%02u:%02u:%02u", g_rand_int_range (rand, 0, 24),
                                   g_rand_int_range (rand, 0, 60), g_rand_int_range (rand, 0, 60));
      row->flow = p >= 7 && p <= 8 ? SHORE_FLOW_INCOME : g_rand_int_range (rand, 0, 20) == 0 ? SHORE_FLOW_NEUTRAL
                                                                                              : SHORE_FLOW_EXPENSE;
      row->amount = g_rand_int_range (rand, 100, 500000);
      row->payee = g_strdup (payees[p]);
      row->item = g_strdup ("商品");
      row->type = g_strdup ("商户消费");
      row->method = g_strdup ("零钱");
      row->status = g_strdup ("支付成功");
      row->order_id = g_strdup_printf ("42000%010u", i);
      row->merchant_order_id = g_strdup ("");
      row->note = g_strdup ("/");
      row->category = g_strdup ("");
      row->account = g_strdup ("");
      g_ptr_array_add (result->rows, row);
    }

  return result;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autofree char *dir = g_dir_make_tmp ("shore-bench-ledger-XXXXXX", &error);
  g_autoptr(ShoreStore) store = NULL;
  g_autoptr(ShoreTransactionList) list = NULL;
  ShoreImportResult *bill;
  ShoreImportSummary summary = { 0 };
  ShoreMonthSummary month = { 0 };
  GDate today;
  gint64 start, end, worst = 0;
  guint n_items;

  if (dir == NULL || (store = shore_store_open (dir, &error)) == NULL)
    {
      fprintf (stderr, "bench-ledger: %s\n", error->message);
      return 1;
    }

  bill = make_bill (rand);

  start = g_get_monotonic_time ();
  if (!shore_ledger_import (store, bill, 0, "bench.csv", TRUE, NULL, NULL, NULL, &summary, NULL, &error))
    goto failed;
  end = g_get_monotonic_time ();
  printf ("dry run of %u rows:            %8.1f ms\n", N_ROWS, (end - start) / 1000.0);

  start = g_get_monotonic_time ();
  if (!shore_ledger_import (store, bill, 0, "bench.csv", FALSE, NULL, NULL, NULL, &summary, NULL, &error))
    goto failed;
  end = g_get_monotonic_time ();
  printf ("import of %u rows (committed): %8.1f ms  (%u written)\n", N_ROWS, (end - start) / 1000.0,
          summary.transactions);

  start = g_get_monotonic_time ();
  if (!shore_ledger_import (store, bill, 0, "bench.csv", FALSE, NULL, NULL, NULL, &summary, NULL, &error))
    goto failed;
  end = g_get_monotonic_time ();
  printf ("re-import (all duplicates):      %8.1f ms  (%u duplicates)\n", (end - start) / 1000.0,
          summary.duplicates);

  start = g_get_monotonic_time ();
  list = shore_transaction_list_new (store, NULL);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  end = g_get_monotonic_time ();
  printf ("list of %u: new + n_items:     %8.2f ms\n", n_items, (end - start) / 1000.0);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_LOOKUP; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      GObject *item = g_list_model_get_item (G_LIST_MODEL (list), g_rand_int_range (rand, 0, n_items));

      g_clear_object (&item);
      worst = MAX (worst, g_get_monotonic_time () - t0);
    }
  end = g_get_monotonic_time ();
  printf ("random get_item (%u):          %8.3f ms mean, %.2f ms worst (a page read)\n", N_LOOKUP,
          (end - start) / 1000.0 / N_LOOKUP, worst / 1000.0);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < 256 * 4; i++)
    {
      GObject *item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_clear_object (&item);
    }
  end = g_get_monotonic_time ();
  printf ("scrolling the first 1024 items:  %8.2f ms\n", (end - start) / 1000.0);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, 6, 2023);
  start = g_get_monotonic_time ();
  if (!shore_ledger_month_summary (store, &today, &month, &error))
    goto failed;
  end = g_get_monotonic_time ();
  printf ("month summary:                   %8.2f ms  (spending %" G_GINT64_FORMAT " fen)\n",
          (end - start) / 1000.0, month.spending);

  shore_import_result_free (bill);
  g_clear_object (&list);
  g_clear_object (&store);
  shore_test_rm_rf (dir);
  return 0;

failed:
  fprintf (stderr, "bench-ledger: %s\n", error->message);
  g_clear_object (&store);
  shore_test_rm_rf (dir);
  return 1;
}
