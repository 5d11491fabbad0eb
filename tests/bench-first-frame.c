/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (a program, not a test): how much later the window's first
 * frame comes with 100,000 transactions than with an empty database, the
 * window opening on the Budget page. Runs the real `shore` (argv[1]) with
 * SHORE_BENCH_FIRST_FRAME, which prints the monotonic time of the first
 * painted frame and quits. Needs a display (build-aux/dev bench runs it
 * under xvfb-run). Prints the medians and their ratio. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "shore-import.h"
#include "shore-ledger.h"
#include "shore-store.h"

#define N_ROWS 100000
#define N_RUNS 7

static void
fill (const char *data_dir)
{
  g_autoptr(ShoreStore) store = NULL;
  g_autoptr(GError) error = NULL;
  ShoreImportResult result = { 0 };
  ShoreImportSummary summary = { 0 };
  static const char * const payees[] = { "美团外卖", "滴滴出行", "某某超市", "房东", "中国移动", "肯德基", "工资" };

  store = shore_store_open (data_dir, &error);
  g_assert_no_error (error);

  result.kind = SHORE_IMPORT_KIND_CSV;
  result.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) shore_import_row_free);
  result.account_hint = g_strdup ("");
  for (guint i = 0; i < N_ROWS; i++)
    {
      ShoreImportRow *row = g_new0 (ShoreImportRow, 1);

      row->line = i + 2;
      g_date_clear (&row->date, 1);
      g_date_set_dmy (&row->date, 1, G_DATE_JANUARY, 2020);
      g_date_add_days (&row->date, i / 40);
      row->time = g_strdup_printf ("%02u:%02u:00", (i / 60) % 24, i % 60);
      row->flow = i % 30 == 0 ? SHORE_FLOW_INCOME : SHORE_FLOW_EXPENSE;
      row->amount = 100 + (gint64) ((i * 7919u) % 50000u);
      row->payee = g_strdup (payees[i % G_N_ELEMENTS (payees)]);
      row->item = g_strdup ("");
      row->type = g_strdup ("");
      row->method = g_strdup ("");
      row->status = g_strdup ("");
      row->order_id = g_strdup_printf ("bench-%u", i);
      row->merchant_order_id = g_strdup ("");
      row->note = g_strdup ("");
      row->category = g_strdup ("");
      row->account = g_strdup ("");
      g_ptr_array_add (result.rows, row);
    }

  if (!shore_ledger_import (store, &result, 0, "bench.csv", FALSE, NULL, NULL, NULL, &summary, NULL, &error))
    g_error ("import failed: %s", error->message);
  g_assert_cmpuint (summary.transactions, ==, N_ROWS);
  g_ptr_array_unref (result.rows);
  g_free (result.account_hint);
}

static void
make_empty (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreStore) store = shore_store_open (data_dir, &error);

  g_assert_no_error (error);
}

/* Microseconds from spawn to the first painted frame. */
static gint64
run_once (const char *shore,
          const char *data_dir,
          const char *config_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { shore, NULL };
  const char *line;
  gint64 start, frame;
  int status;

  env = g_environ_setenv (env, "SHORE_DATA_DIR", data_dir, TRUE);
  env = g_environ_setenv (env, "SHORE_BENCH_FIRST_FRAME", "1", TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config_dir, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "keyfile", TRUE);
  env = g_environ_setenv (env, "GTK_A11Y", "none", TRUE);

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error))
    g_error ("%s", error->message);
  line = out != NULL ? strstr (out, "first-frame ") : NULL;
  if (line == NULL)
    g_error ("shore printed no first frame (exit status %d)", status);
  frame = g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10);
  return frame - start;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *empty_dir = g_dir_make_tmp ("shore-bench-empty-XXXXXX", NULL);
  g_autofree char *full_dir = g_dir_make_tmp ("shore-bench-full-XXXXXX", NULL);
  g_autofree char *config_dir = g_dir_make_tmp ("shore-bench-config-XXXXXX", NULL);
  g_autofree char *settings_dir = g_build_filename (config_dir, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  gint64 empty[N_RUNS], full[N_RUNS];
  gint64 fill_start, fill_end;

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-first-frame PATH-TO-SHORE\n");
      return 2;
    }

  g_mkdir_with_parents (settings_dir, 0700);
  /* Open on the Budget page, where the 100,000 rows are listed. */
  g_file_set_contents (keyfile, "[io/github/shoreapp/Shore]\nlast-page='budget'\n", -1, NULL);

  make_empty (empty_dir);
  fill_start = g_get_monotonic_time ();
  fill (full_dir);
  fill_end = g_get_monotonic_time ();

  /* One warm-up each (font caches, page cache), then alternate. */
  run_once (argv[1], empty_dir, config_dir);
  run_once (argv[1], full_dir, config_dir);
  for (guint i = 0; i < N_RUNS; i++)
    {
      empty[i] = run_once (argv[1], empty_dir, config_dir);
      full[i] = run_once (argv[1], full_dir, config_dir);
    }
  qsort (empty, N_RUNS, sizeof empty[0], compare_gint64);
  qsort (full, N_RUNS, sizeof full[0], compare_gint64);

  printf ("first frame, Budget page, median of %d runs:\n", N_RUNS);
  printf ("  empty database:          %7.1f ms\n", empty[N_RUNS / 2] / 1000.0);
  printf ("  %d transactions:    %7.1f ms\n", N_ROWS, full[N_RUNS / 2] / 1000.0);
  printf ("  ratio full / empty:      %7.3f (limit 1.20)\n", (double) full[N_RUNS / 2] / (double) empty[N_RUNS / 2]);
  printf ("  (filling the database through shore_ledger_import: %.0f ms)\n", (fill_end - fill_start) / 1000.0);

  return 0;
}
