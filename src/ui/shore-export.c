/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-export"

#include "config.h"

#include <glib/gi18n.h>

#include "shore-ledger.h"

#include "shore-export.h"
#include "shore-window.h"

/* ---- Export -------------------------------------------------------------------- */

gboolean
shore_export_transactions_to_file (ShoreStore  *store,
                                   GFile       *file,
                                   guint       *out_count,
                                   GError     **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abort = NULL;
  gboolean existed;
  guint count = 0;

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* g_file_replace() writes beside the old file and swaps them on close;
   * a failed write leaves the old file as it was, or no file at all */
  existed = g_file_query_exists (file, NULL);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL)
    return FALSE;

  if (shore_ledger_export_csv (store, NULL, G_OUTPUT_STREAM (stream), &count, NULL, error) &&
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    {
      if (out_count != NULL)
        *out_count = count;
      return TRUE;
    }

  abort = g_cancellable_new ();
  g_cancellable_cancel (abort);
  g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
  if (!existed)
    g_file_delete (file, NULL, NULL);
  return FALSE;
}

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               ShoreStore      *store)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);

  if (file != NULL && shore_export_transactions_to_file (store, file, &count, &error))
    {
      g_autofree char *title =
        /* Translators: a notification after saving transactions to a CSV file */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u transaction", "Exported %u transactions", count),
                         count);

      if (SHORE_IS_WINDOW (parent))
        shore_window_add_toast (SHORE_WINDOW (parent), title);
    }
  else if (file != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Export the Transactions"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }

  g_object_unref (chooser);   /* the reference from gtk_file_chooser_native_new() */
}

static void
unref_closure_data (gpointer  data,
                    GClosure *closure)
{
  g_object_unref (data);
}

void
shore_export_transactions (GtkWindow  *parent,
                           ShoreStore *store)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("shore-transactions-%s.csv", date);

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (SHORE_IS_STORE (store));

  chooser = gtk_file_chooser_native_new (_("Export Transactions"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  /* Translators: a file filter for comma-separated values files */
  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_export_chooser_response_cb),
                         g_object_ref (store), unref_closure_data, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
