/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bills mutated at random, parsed and written into a real store: whatever
 * the damage, the import either fails and the ledger is exactly as it was,
 * or it succeeds and the ledger grew by exactly the rows it reported —
 * never half a bill. Complements test-import-mutate (parser only). */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "shore-import.h"
#include "shore-ledger.h"
#include "shore-store.h"
#include "shore-test-util.h"

#define N_MUTATIONS 150

static const char * const fixtures[] = { "wechat.csv", "alipay.csv" };

static GBytes *
mutate (GBytes *original,
        GRand  *rand)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (original, &len);
  GByteArray *out = g_byte_array_sized_new (len + 64);
  guint n_edits = 1 + g_rand_int_range (rand, 0, 8);

  g_byte_array_append (out, data, len);
  for (guint e = 0; e < n_edits && out->len > 0; e++)
    {
      guint at = g_rand_int_range (rand, 0, out->len);

      switch (g_rand_int_range (rand, 0, 6))
        {
        case 0:   /* flip a byte */
          out->data[at] ^= (guint8) g_rand_int_range (rand, 1, 256);
          break;
        case 1:   /* truncate */
          g_byte_array_set_size (out, at);
          break;
        case 2:   /* delete a run */
          {
            guint n = (guint) g_rand_int_range (rand, 1, 40);

            g_byte_array_remove_range (out, at, MIN (out->len - at, n));
          }
          break;
        case 3:   /* insert a structural character */
          {
            static const guint8 specials[] = { ',', '"', '\n', '\r', '\t', 0, 0xff, '/', '-', '.' };
            guint8 c = specials[g_rand_int_range (rand, 0, G_N_ELEMENTS (specials))];

            shore_test_insert_bytes (out, at, &c, 1);
          }
          break;
        case 4:   /* duplicate a run (often a whole line) */
          {
            guint want = (guint) g_rand_int_range (rand, 1, 200);
            guint n = MIN (out->len - at, want);
            g_autofree guint8 *copy = g_memdup2 (out->data + at, n);

            shore_test_insert_bytes (out, at, copy, n);
          }
          break;
        default:  /* change a digit, so dates and amounts go wrong */
          for (guint i = at; i < out->len; i++)
            if (out->data[i] >= '0' && out->data[i] <= '9')
              {
                out->data[i] = (guint8) ('0' + g_rand_int_range (rand, 0, 10));
                break;
              }
          break;
        }
    }

  return g_byte_array_free_to_bytes (out);
}

static guint
count_transactions (ShoreStore *store)
{
  g_autoptr(ShoreTransactionList) list = shore_transaction_list_new (store, NULL);

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_mutated_bills (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = g_dir_make_tmp ("shore-import-store-XXXXXX", NULL);
  g_autoptr(GBytes) original = shore_test_read_data ("cli", name);
  g_autoptr(ShoreStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_str_hash (name));
  guint ok = 0, refused = 0;

  store = shore_store_open (dir, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_MUTATIONS; i++)
    {
      g_autoptr(GBytes) bytes = mutate (original, rand);
      g_autoptr(ShoreImportResult) result = NULL;
      g_autoptr(GError) parse_error = NULL;
      g_autoptr(GError) import_error = NULL;
      ShoreImportSummary summary = { 0 };
      guint before = count_transactions (store);

      result = shore_import_parse (bytes, SHORE_IMPORT_KIND_AUTO, NULL, NULL, NULL, NULL, &parse_error);
      if (result == NULL)
        {
          g_assert_nonnull (parse_error);
          g_assert_true (parse_error->domain == SHORE_IMPORT_ERROR);
          refused++;
          continue;
        }

      for (guint r = 0; r < result->rows->len; r++)
        {
          ShoreImportRow *row = g_ptr_array_index (result->rows, r);

          g_assert_true (g_date_valid (&row->date));
          g_assert_cmpint (row->amount, >, 0);
        }

      if (shore_ledger_import (store, result, 0, name, FALSE, NULL, NULL, NULL, &summary, NULL, &import_error))
        {
          g_assert_cmpuint (count_transactions (store), ==, before + summary.transactions);
          ok++;
        }
      else
        {
          /* Refused whole: nothing of it is in the ledger. */
          g_assert_cmpuint (count_transactions (store), ==, before);
          refused++;
        }
    }

  g_test_message ("%s: %u imported, %u refused", name, ok, refused);
  g_assert_cmpuint (ok + refused, ==, N_MUTATIONS);

  g_clear_object (&store);
  shore_test_rm_rf (dir);
}

/* Cancelling an import half way leaves nothing behind. */
static void
on_progress_cancel (double   fraction,
                    gpointer user_data)
{
  if (fraction > 0.2)
    g_cancellable_cancel (user_data);
}

static void
test_cancel_writes_nothing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("shore-import-cancel-XXXXXX", NULL);
  g_autoptr(ShoreStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) text = g_string_new ("日期,金额,交易对方\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ShoreImportResult) result = NULL;
  ShoreImportSummary summary = { 0 };

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "2026-%02u-%02u,-%u.50,商户%u\n", 1 + i % 12, 1 + i % 28, 1 + i % 900, i);
  bytes = g_bytes_new (text->str, text->len);

  store = shore_store_open (dir, &error);
  g_assert_no_error (error);
  result = shore_import_parse (bytes, SHORE_IMPORT_KIND_CSV, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->rows->len, ==, 20000);

  g_assert_false (shore_ledger_import (store, result, 0, "big.csv", FALSE, on_progress_cancel, cancellable,
                                       cancellable, &summary, NULL, &error));
  g_assert_error (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_CANCELLED);
  g_assert_cmpuint (count_transactions (store), ==, 0);

  g_clear_object (&store);
  shore_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import-store/mutated/%s", fixtures[i]);

      g_test_add_data_func (path, fixtures[i], test_mutated_bills);
    }
  g_test_add_func ("/import-store/cancel", test_cancel_writes_nothing);

  return g_test_run ();
}
