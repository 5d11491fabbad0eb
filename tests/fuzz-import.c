/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the bill parsers: the first byte picks the kind
 * (and whether to go through the CSV table and mapping guess), the rest
 * is the file. Built and run by tests/run-fuzz.sh. */

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "shore-import.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_result (const ShoreImportResult *result)
{
  for (guint i = 0; i < result->rows->len; i++)
    {
      const ShoreImportRow *row = g_ptr_array_index (result->rows, i);

      if (!g_date_valid (&row->date) || row->amount <= 0 || row->fee < 0 || row->fee > row->amount ||
          row->refunded < 0 || row->payee == NULL || row->note == NULL || row->order_id == NULL)
        __builtin_trap ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const ShoreImportKind kinds[] = {
    SHORE_IMPORT_KIND_AUTO, SHORE_IMPORT_KIND_WECHAT, SHORE_IMPORT_KIND_ALIPAY, SHORE_IMPORT_KIND_CSV,
  };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreImportResult) result = NULL;
  ShoreImportKind kind;
  uint8_t selector;

  if (size < 1)
    return 0;
  selector = data[0];
  kind = kinds[selector % G_N_ELEMENTS (kinds)];
  bytes = g_bytes_new (data + 1, size - 1);

  if (selector & 0x80)
    {
      g_autoptr(ShoreCsvTable) table = shore_csv_table_parse (bytes, &error);
      ShoreCsvMapping mapping;

      if (table == NULL)
        {
          if (error == NULL || error->domain != SHORE_IMPORT_ERROR)
            __builtin_trap ();
          return 0;
        }
      if (shore_csv_mapping_guess (table, &mapping))
        result = shore_import_parse (bytes, SHORE_IMPORT_KIND_CSV, &mapping, NULL, NULL, NULL, &error);
    }
  else
    {
      shore_import_detect (bytes);
      result = shore_import_parse (bytes, kind, NULL, NULL, NULL, NULL, &error);
    }

  if (result != NULL)
    check_result (result);
  else if (error != NULL && error->domain != SHORE_IMPORT_ERROR)
    __builtin_trap ();
  return 0;
}
