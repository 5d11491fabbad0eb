/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shore-import.h"
#include "shore-ledger.h"
#include "shore-loan.h"
#include "shore-money.h"

#include "shore-import-dialog-private.h"

/* Rows shown in the preview list; the counts cover the whole bill. */
#define PREVIEW_MAX_ROWS 200

/* ---- One row of the preview list ----------------------------------------- */

/* A small private item type for the preview list: only the texts it shows. */
#define SHORE_TYPE_IMPORT_PREVIEW_ITEM (shore_import_preview_item_get_type ())
G_DECLARE_FINAL_TYPE (ShoreImportPreviewItem, shore_import_preview_item, SHORE, IMPORT_PREVIEW_ITEM, GObject)

struct _ShoreImportPreviewItem
{
  GObject   parent_instance;
  char     *date;
  char     *payee;
  char     *category;
  char     *amount;
  gboolean  duplicate;
};

G_DEFINE_FINAL_TYPE (ShoreImportPreviewItem, shore_import_preview_item, G_TYPE_OBJECT)

static void
shore_import_preview_item_finalize (GObject *object)
{
  ShoreImportPreviewItem *self = SHORE_IMPORT_PREVIEW_ITEM (object);

  g_free (self->date);
  g_free (self->payee);
  g_free (self->category);
  g_free (self->amount);
  G_OBJECT_CLASS (shore_import_preview_item_parent_class)->finalize (object);
}

static void
shore_import_preview_item_class_init (ShoreImportPreviewItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shore_import_preview_item_finalize;
}

static void
shore_import_preview_item_init (ShoreImportPreviewItem *self)
{
}

/* ---- Work done in threads -------------------------------------------------- */

static void
progress_unref (gpointer data)
{
  Progress *progress = data;

  g_atomic_rc_box_release_full (progress, (GDestroyNotify) g_weak_ref_clear);
}

void
shore_import_dialog_job_free (Job *job)
{
  g_clear_pointer (&job->progress, progress_unref);
  g_clear_object (&job->file);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_object (&job->store);
  g_free (job->file_name);
  g_clear_pointer (&job->parsed, shore_import_result_free);
  g_clear_pointer (&job->table, shore_csv_table_free);
  g_clear_pointer (&job->accounts, g_ptr_array_unref);
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, shore_import_dialog_job_free)

G_DEFINE_FINAL_TYPE (ShoreImportDialog, shore_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_reading (ShoreImportDialog *self, GFile *file);

/* ---- Threads --------------------------------------------------------------- */

static gboolean
progress_idle_cb (gpointer data)
{
  Progress *progress = data;
  g_autoptr(ShoreImportDialog) self = g_weak_ref_get (&progress->dialog);

  g_atomic_int_set (&progress->pending, 0);
  if (self != NULL && !self->disposed && self->progress == progress)
    gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (&progress->permille) / 1000.0);

  return G_SOURCE_REMOVE;
}

/* Called from the worker thread. */
static void
on_job_progress (double   fraction,
                 gpointer user_data)
{
  Progress *progress = user_data;

  g_atomic_int_set (&progress->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
  if (g_atomic_int_compare_and_exchange (&progress->pending, 0, 1))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, progress_idle_cb,
                     g_atomic_rc_box_acquire (progress), progress_unref);
}

/* A file that is text in rows and columns, for the mapping page. */
static ShoreCsvTable *
read_table (GBytes *bytes)
{
  g_autoptr(ShoreCsvTable) table = shore_csv_table_parse (bytes, NULL);

  if (table == NULL || table->rows->len == 0 || table->n_columns < 2)
    return NULL;
  return g_steal_pointer (&table);
}

static gboolean
run_read (Job           *job,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  ShoreImportKind kind;

  job->bytes = shore_import_read_file (job->file, cancellable, error);
  if (job->bytes == NULL)
    return FALSE;

  kind = shore_import_detect (job->bytes);
  if (kind == SHORE_IMPORT_KIND_CSV)
    {
      job->table = shore_csv_table_parse (job->bytes, error);
      if (job->table == NULL)
        return FALSE;
      shore_csv_mapping_init (&job->mapping);
      job->guessed = shore_csv_mapping_guess (job->table, &job->mapping);
      return TRUE;
    }

  job->parsed = shore_import_parse (job->bytes, kind, NULL, on_job_progress, job->progress,
                                    cancellable, &local_error);
  if (job->parsed != NULL)
    return TRUE;

  /* Looked like a bill but its header was not found: a table may still be mapped by hand */
  if (kind != SHORE_IMPORT_KIND_AUTO &&
      g_error_matches (local_error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_NOT_A_BILL))
    {
      job->table = read_table (job->bytes);
      if (job->table != NULL)
        {
          shore_csv_mapping_init (&job->mapping);
          job->guessed = shore_csv_mapping_guess (job->table, &job->mapping);
          return TRUE;
        }
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static char *
format_signed_amount (const ShoreImportRow *row)
{
  g_autofree char *magnitude = shore_money_format (row->amount);

  switch (row->flow)
    {
    case SHORE_FLOW_EXPENSE:
      return g_strconcat ("\u2212", magnitude, NULL);
    case SHORE_FLOW_INCOME:
      return g_strconcat ("+", magnitude, NULL);
    case SHORE_FLOW_NEUTRAL:
    default:
      return g_steal_pointer (&magnitude);
    }
}

static GPtrArray *
build_items (const ShoreImportResult *result,
             GArray                  *plans,
             GHashTable              *category_names)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = MIN (result->rows->len, PREVIEW_MAX_ROWS);

  for (guint i = 0; i < n; i++)
    {
      const ShoreImportRow *row = g_ptr_array_index (result->rows, i);
      const ShoreImportPlan *plan = plans != NULL && i < plans->len ?
                                    &g_array_index (plans, ShoreImportPlan, i) : NULL;
      ShoreImportPreviewItem *item = g_object_new (SHORE_TYPE_IMPORT_PREVIEW_ITEM, NULL);
      const char *category = NULL;

      item->date = shore_date_format_iso (&row->date);
      item->payee = g_strdup (row->payee[0] != '\0' ? row->payee : row->item);
      item->amount = format_signed_amount (row);
      if (plan != NULL && plan->category_id != 0)
        category = g_hash_table_lookup (category_names, &plan->category_id);
      item->category = g_strdup (category != NULL ? category : _("Uncategorized"));
      item->duplicate = plan != NULL && plan->status == SHORE_IMPORT_ROW_DUPLICATE;
      g_ptr_array_add (items, item);
    }

  return items;
}

static gboolean
run_preview (Job           *job,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GArray) plans = NULL;

  job->accounts = shore_ledger_list_accounts (job->store, FALSE, error);
  if (job->accounts == NULL)
    return FALSE;
  categories = shore_ledger_list_categories (job->store, -1, TRUE, error);
  if (categories == NULL)
    return FALSE;
  if (!shore_ledger_import (job->store, job->result, 0, job->file_name, TRUE, on_job_progress, job->progress,
                            cancellable, &job->summary, &plans, error))
    return FALSE;

  names = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < categories->len; i++)
    {
      ShoreCategory *category = g_ptr_array_index (categories, i);

      g_hash_table_insert (names, &category->id, category->name);
    }
  job->items = build_items (job->result, plans, names);
  return TRUE;
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  switch (job->kind)
    {
    case JOB_READ:
      ok = run_read (job, cancellable, &error);
      break;
    case JOB_PARSE:
      job->parsed = shore_import_parse (job->bytes, SHORE_IMPORT_KIND_CSV, &job->mapping, on_job_progress,
                                        job->progress, cancellable, &error);
      ok = job->parsed != NULL;
      break;
    case JOB_PREVIEW:
      ok = run_preview (job, cancellable, &error);
      break;
    case JOB_WRITE:
      ok = shore_ledger_import (job->store, job->result, job->account_id, job->file_name, FALSE,
                                on_job_progress, job->progress, cancellable, &job->summary, NULL, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

gboolean
shore_import_dialog_is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, SHORE_IMPORT_ERROR, SHORE_IMPORT_ERROR_CANCELLED);
}

/* ---- Pages ----------------------------------------------------------------- */

void
shore_import_dialog_show_page (ShoreImportDialog *self,
                               const char        *name)
{
  gboolean progress = g_str_equal (name, "progress");
  gboolean mapping = g_str_equal (name, "mapping");
  gboolean preview = g_str_equal (name, "preview");
  GtkWidget *focus = NULL;

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), !progress);
  gtk_widget_set_visible (GTK_WIDGET (self->continue_button), mapping);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), preview);
  /* Nothing to cancel when nothing can be imported */
  gtk_button_set_label (self->cancel_button,
                        g_str_equal (name, "error") ||
                        (preview && !gtk_widget_get_sensitive (GTK_WIDGET (self->import_button))) ?
                        _("_Close") : _("_Cancel"));

  if (g_str_equal (name, "choose"))
    focus = GTK_WIDGET (self->choose_button);
  else if (g_str_equal (name, "error"))
    focus = GTK_WIDGET (self->choose_another_button);
  else if (mapping)
    focus = GTK_WIDGET (self->continue_button);
  else if (preview)
    focus = gtk_widget_get_sensitive (GTK_WIDGET (self->import_button)) ?
            GTK_WIDGET (self->import_button) : GTK_WIDGET (self->cancel_button);

  /* Enter (on the focused button) and Ctrl+Enter (the default) both do the page's main thing */
  gtk_window_set_default_widget (GTK_WINDOW (self), focus);
  if (focus != NULL && gtk_widget_get_sensitive (focus))
    gtk_widget_grab_focus (focus);
}

static void
show_error (ShoreImportDialog *self,
            const GError      *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  shore_import_dialog_show_page (self, "error");
}

void
shore_import_dialog_start_job (ShoreImportDialog   *self,
                               Job                 *job,
                               const char          *title,
                               GAsyncReadyCallback  callback)
{
  GTask *task;

  g_assert (self->cancellable == NULL);

  self->cancellable = g_cancellable_new ();
  self->job_kind = job->kind;
  g_clear_pointer (&self->progress, progress_unref);
  self->progress = g_atomic_rc_box_new0 (Progress);
  g_weak_ref_init (&self->progress->dialog, self);
  job->progress = g_atomic_rc_box_acquire (self->progress);

  gtk_label_set_label (self->progress_title, title);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->progress_cancel_button), TRUE);
  shore_import_dialog_show_page (self, "progress");

  task = g_task_new (self, self->cancellable, callback, NULL);
  g_task_set_source_tag (task, shore_import_dialog_start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) shore_import_dialog_job_free);
  g_task_run_in_thread (task, job_thread);
  g_object_unref (task);
}

/* Clears the running job. FALSE when the dialog went away meanwhile (the
 * caller then does nothing more). */
gboolean
shore_import_dialog_finish_job (ShoreImportDialog *self)
{
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->progress, progress_unref);

  if (self->disposed)
    return FALSE;
  if (self->close_pending)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return FALSE;
    }
  return TRUE;
}

/* The end of a job that yields only an error: its Job in @out_job, its
 * error in @error, and the job cleared as shore_import_dialog_finish_job()
 * does, with the same result. */
gboolean
shore_import_dialog_end_job (ShoreImportDialog  *self,
                             GAsyncResult       *result,
                             Job               **out_job,
                             GError            **error)
{
  *out_job = g_task_get_task_data (G_TASK (result));
  g_task_propagate_boolean (G_TASK (result), error);
  return shore_import_dialog_finish_job (self);
}

static char *
format_count_total (guint  count,
                    gint64 total)
{
  g_autofree char *money = shore_money_format (total);

  /* Translators: how many rows of a bill and their total, e.g. “3 · ¥1,234.00” */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u · %s", "%u · %s", count), count, money);
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (label, text);
}

static char *
format_date_range (const ShoreImportResult *result)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (!g_date_valid (&result->first_date) || !g_date_valid (&result->last_date))
    return NULL;
  first = shore_date_format_iso (&result->first_date);
  last = shore_date_format_iso (&result->last_date);
  if (g_date_compare (&result->first_date, &result->last_date) == 0)
    return g_steal_pointer (&first);
  /* Translators: a range of dates, from the first to the last */
  return g_strdup_printf (_("%s – %s"), first, last);
}

static ShoreAccountKind
account_kind_for (ShoreImportKind kind)
{
  switch (kind)
    {
    case SHORE_IMPORT_KIND_WECHAT:
      return SHORE_ACCOUNT_WECHAT;
    case SHORE_IMPORT_KIND_ALIPAY:
      return SHORE_ACCOUNT_ALIPAY;
    case SHORE_IMPORT_KIND_AUTO:
    case SHORE_IMPORT_KIND_CSV:
    default:
      return SHORE_ACCOUNT_OTHER;
    }
}

static void
update_account_subtitle (ShoreImportDialog *self)
{
  const char *subtitle = NULL;

  if (adw_combo_row_get_selected (self->account_row) == 0 && self->result != NULL)
    {
      if (self->result->kind == SHORE_IMPORT_KIND_CSV)
        subtitle = _("The account named in each row, else Cash");
      else
        subtitle = _("A new account for this kind of bill");
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->account_row), subtitle != NULL ? subtitle : "");
}

/* “Automatic”, then every account; the bill's own kind of account is chosen
 * when there is one. No account is created before Import. */
static void
fill_accounts (ShoreImportDialog *self,
               GPtrArray         *accounts)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  ShoreAccountKind wanted = account_kind_for (self->result->kind);
  guint selected = 0;
  gint64 automatic = 0;

  g_array_set_size (self->account_ids, 0);
  /* Translators: the account to import a bill into, chosen by Shore */
  gtk_string_list_append (names, _("Automatic"));
  g_array_append_val (self->account_ids, automatic);
  for (guint i = 0; i < accounts->len; i++)
    {
      const ShoreAccount *account = g_ptr_array_index (accounts, i);

      gtk_string_list_append (names, account->name);
      g_array_append_val (self->account_ids, account->id);
      if (selected == 0 && wanted != SHORE_ACCOUNT_OTHER && account->kind == wanted)
        selected = i + 1;
    }

  adw_combo_row_set_model (self->account_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->account_row, selected);
  update_account_subtitle (self);
}

static void
show_preview (ShoreImportDialog *self,
              Job               *job)
{
  const ShoreImportSummary *summary = &job->summary;
  g_autofree char *range = format_date_range (self->result);
  g_autofree char *income = format_count_total (summary->income_count, summary->income);
  g_autofree char *expense = format_count_total (summary->expense_count, summary->expense);
  g_autofree char *neutral = format_count_total (summary->neutral_count, summary->neutral);
  g_autofree char *title = NULL;
  g_autofree char *rows_title = NULL;
  gboolean nothing_new = summary->transactions == 0;

  /* Translators: a heading; %s is the kind of bill: “WeChat Pay”, “Alipay” or “CSV” */
  title = g_strdup_printf (_("%s Bill"), shore_import_kind_get_label (self->result->kind));
  adw_preferences_group_set_title (self->summary_group, title);
  adw_preferences_group_set_description (self->summary_group, range);
  gtk_label_set_label (self->income_label, income);
  gtk_label_set_label (self->expense_label, expense);
  gtk_label_set_label (self->neutral_label, neutral);
  set_count (self->duplicates_label, summary->duplicates);
  set_count (self->skipped_label, summary->skipped);
  set_count (self->loans_label, summary->linked_loans);

  fill_accounts (self, job->accounts);
  /* Spreadsheets rewrite dates and quoting: matters for the files the payment apps send */
  gtk_widget_set_visible (self->excel_warning_box, self->result->kind != SHORE_IMPORT_KIND_CSV);

  g_list_store_remove_all (self->items);
  g_list_store_splice (self->items, 0, 0, job->items->pdata, job->items->len);
  if (self->result->rows->len > PREVIEW_MAX_ROWS)
    /* Translators: a note under the list of a bill's rows; %u is a number of rows */
    rows_title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The first %u row of %u", "The first %u rows of %u",
                                               PREVIEW_MAX_ROWS),
                                  PREVIEW_MAX_ROWS, self->result->rows->len);
  adw_preferences_group_set_description (self->rows_group, rows_title);

  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), !nothing_new);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), nothing_new);
  if (nothing_new && summary->duplicates > 0)
    gtk_label_set_label (self->status_label, _("Everything in this bill is already imported."));
  else if (nothing_new)
    gtk_label_set_label (self->status_label, _("There is nothing to import in this bill."));

  shore_import_dialog_show_page (self, "preview");
}

static void
on_preview_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ShoreImportDialog *self = SHORE_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  Job *job;

  if (!shore_import_dialog_end_job (self, result, &job, &error))
    return;

  if (shore_import_dialog_is_cancelled (error))
    gtk_window_destroy (GTK_WINDOW (self));
  else if (error != NULL)
    show_error (self, error);
  else
    show_preview (self, job);
}

static char *
get_file_name (ShoreImportDialog *self)
{
  return self->file != NULL ? g_file_get_basename (self->file) : g_strdup ("");
}

void
shore_import_dialog_start_preview (ShoreImportDialog *self)
{
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_PREVIEW;
  job->store = g_object_ref (self->store);
  job->result = self->result;
  job->file_name = get_file_name (self);
  shore_import_dialog_start_job (self, job, _("Checking for Duplicates…"), on_preview_done_cb);
}

/* -- reading -- */

static void
on_read_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ShoreImportDialog *self = SHORE_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  Job *job;

  if (!shore_import_dialog_end_job (self, result, &job, &error))
    return;

  if (shore_import_dialog_is_cancelled (error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (error != NULL)
    {
      show_error (self, error);
      return;
    }

  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->bytes = g_steal_pointer (&job->bytes);
  if (job->table != NULL)
    {
      g_clear_pointer (&self->table, shore_csv_table_free);
      self->table = g_steal_pointer (&job->table);
      shore_import_dialog_show_mapping (self, &job->mapping);
      return;
    }

  g_clear_pointer (&self->result, shore_import_result_free);
  self->result = g_steal_pointer (&job->parsed);
  shore_import_dialog_start_preview (self);
}

static void
start_reading (ShoreImportDialog *self,
               GFile             *file)
{
  Job *job;
  g_autofree char *name = NULL;

  if (self->cancellable != NULL)
    return;

  g_set_object (&self->file, file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->table, shore_csv_table_free);
  g_clear_pointer (&self->result, shore_import_result_free);

  name = get_file_name (self);
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_label_set_label (self->progress_label, name);

  job = g_new0 (Job, 1);
  job->kind = JOB_READ;
  job->file = g_object_ref (file);
  shore_import_dialog_start_job (self, job, _("Reading the Bill…"), on_read_done_cb);
}

/* -- writing -- */

static void
on_write_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ShoreImportDialog *self = SHORE_IMPORT_DIALOG (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* Rows written count even when the dialog is closing meanwhile */
  if (ok && job->summary.transactions > 0 && !self->disposed)
    g_signal_emit (self, signals[IMPORTED], 0, job->summary.import_id, job->summary.transactions);

  if (!shore_import_dialog_finish_job (self))
    return;

  if (ok)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  /* Nothing was written: back to the preview, saying why */
  gtk_label_set_label (self->status_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  shore_import_dialog_show_page (self, "preview");
}

static void
on_import_clicked_cb (ShoreImportDialog *self)
{
  Job *job;
  guint selected;

  if (self->cancellable != NULL || self->result == NULL)
    return;

  selected = adw_combo_row_get_selected (self->account_row);
  job = g_new0 (Job, 1);
  job->kind = JOB_WRITE;
  job->store = g_object_ref (self->store);
  job->result = self->result;
  job->file_name = get_file_name (self);
  if (selected != GTK_INVALID_LIST_POSITION && selected < self->account_ids->len)
    job->account_id = g_array_index (self->account_ids, gint64, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  shore_import_dialog_start_job (self, job, _("Importing…"), on_write_done_cb);
}

/* ---- Choosing a file --------------------------------------------------------- */

static void
on_chooser_response_cb (ShoreImportDialog *self,
                        int                response,
                        GtkNativeDialog   *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (file != NULL)
    start_reading (self, file);
  else if (self->file == NULL)
    /* Cancelled before any file was chosen: there is nothing to import */
    gtk_window_destroy (GTK_WINDOW (self));
}

static GtkFileFilter *
create_filter (const char         *name,
               const char * const *suffixes)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  if (suffixes[0] == NULL)
    gtk_file_filter_add_pattern (filter, "*");
  return filter;
}

static void
choose_file (ShoreImportDialog *self)
{
  static const char * const bills[] = { "csv", "xlsx", NULL };
  static const char * const all[] = { NULL };
  g_autoptr(GtkFileFilter) bill_filter = NULL;
  g_autoptr(GtkFileFilter) all_filter = NULL;

  if (self->chooser != NULL || self->cancellable != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose a Bill"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* Translators: a file filter: WeChat Pay, Alipay and bank bills (.csv, .xlsx) */
  bill_filter = create_filter (_("Bills"), bills);
  all_filter = create_filter (_("All Files"), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), bill_filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all_filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), bill_filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_choose_clicked_cb (ShoreImportDialog *self)
{
  choose_file (self);
}

static gboolean
choose_file_idle_cb (gpointer data)
{
  ShoreImportDialog *self = data;

  if (!self->disposed && self->file == NULL)
    choose_file (self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_drop_cb (GtkDropTarget     *target,
            const GValue      *value,
            double             x,
            double             y,
            ShoreImportDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (!G_VALUE_HOLDS (value, G_TYPE_FILE) || self->cancellable != NULL ||
      !(g_str_equal (page, "choose") || g_str_equal (page, "error")))
    return FALSE;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  start_reading (self, g_value_get_object (value));
  return TRUE;
}

/* ---- Closing --------------------------------------------------------------- */

static void
on_cancel_clicked_cb (ShoreImportDialog *self)
{
  /* Cancelling the import goes back to the preview once the rollback is done */
  if (self->cancellable != NULL && self->job_kind == JOB_WRITE)
    {
      gtk_label_set_label (self->progress_title, _("Cancelling…"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->progress_cancel_button), FALSE);
      g_cancellable_cancel (self->cancellable);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
on_close_request_cb (ShoreImportDialog *self)
{
  if (self->cancellable == NULL)
    return FALSE;

  g_cancellable_cancel (self->cancellable);
  /* Reading touches no store: go now. A job on the store must end (and roll
   * back) before anyone else uses the store, so the dialog stays until then. */
  if (self->job_kind == JOB_READ || self->job_kind == JOB_PARSE)
    return FALSE;

  self->close_pending = TRUE;
  gtk_label_set_label (self->progress_title, _("Cancelling…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->progress_cancel_button), FALSE);
  return TRUE;
}

static void
on_account_selected_cb (ShoreImportDialog *self)
{
  update_account_subtitle (self);
}

/* ---- The preview list ---------------------------------------------------------- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *date = shore_import_dialog_create_cell_label (NULL, "numeric");
  GtkWidget *payee = shore_import_dialog_create_cell_label (NULL, NULL);
  GtkWidget *category = shore_import_dialog_create_cell_label (NULL, "dim-label");
  GtkWidget *tag = gtk_label_new (_("Duplicate"));
  GtkWidget *amount = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_valign (date, GTK_ALIGN_START);
  gtk_label_set_max_width_chars (GTK_LABEL (payee), 40);
  gtk_widget_add_css_class (category, "caption");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (tag, "caption-heading");
  gtk_widget_add_css_class (tag, "warning");
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (amount, "numeric");
  gtk_label_set_xalign (GTK_LABEL (amount), 1);

  gtk_box_append (GTK_BOX (text), payee);
  gtk_box_append (GTK_BOX (text), category);
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), tag);
  gtk_box_append (GTK_BOX (box), amount);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  ShoreImportPreviewItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *date = gtk_widget_get_first_child (box);
  GtkWidget *text = gtk_widget_get_next_sibling (date);
  GtkWidget *tag = gtk_widget_get_next_sibling (text);
  GtkWidget *amount = gtk_widget_get_next_sibling (tag);
  GtkWidget *payee = gtk_widget_get_first_child (text);

  gtk_label_set_label (GTK_LABEL (date), item->date);
  gtk_label_set_label (GTK_LABEL (payee), item->payee);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (payee)), item->category);
  gtk_widget_set_visible (tag, item->duplicate);
  gtk_label_set_label (GTK_LABEL (amount), item->amount);
  if (item->duplicate)
    gtk_widget_add_css_class (amount, "dim-label");
  else
    gtk_widget_remove_css_class (amount, "dim-label");
}

/* ---- GObject ------------------------------------------------------------------ */

static void
shore_import_dialog_dispose (GObject *object)
{
  ShoreImportDialog *self = SHORE_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SHORE_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (shore_import_dialog_parent_class)->dispose (object);
}

/* A running job holds a reference: what it reads is freed only after it ended. */
static void
shore_import_dialog_finalize (GObject *object)
{
  ShoreImportDialog *self = SHORE_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->table, shore_csv_table_free);
  g_clear_pointer (&self->result, shore_import_result_free);
  g_clear_object (&self->items);
  g_clear_pointer (&self->account_ids, g_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->progress, progress_unref);

  G_OBJECT_CLASS (shore_import_dialog_parent_class)->finalize (object);
}

static void
shore_import_dialog_map (GtkWidget *widget)
{
  ShoreImportDialog *self = SHORE_IMPORT_DIALOG (widget);

  GTK_WIDGET_CLASS (shore_import_dialog_parent_class)->map (widget);

  if (self->file == NULL && !self->asked_for_file)
    {
      self->asked_for_file = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, choose_file_idle_cb, g_object_ref (self), g_object_unref);
    }
}

static void
shore_import_dialog_class_init (ShoreImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shore_import_dialog_dispose;
  object_class->finalize = shore_import_dialog_finalize;
  widget_class->map = shore_import_dialog_map;

  /**
   * ShoreImportDialog::imported:
   * @import_id: the import, for shore_ledger_undo_import()
   * @n_transactions: the rows written
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/shore-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, continue_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, progress_title);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, progress_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, choose_another_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, header_spin);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, mapping_message);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, summary_group);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, income_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, expense_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, neutral_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, duplicates_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, skipped_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, loans_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, excel_warning_box);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, excel_warning);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, rows_group);
  gtk_widget_class_bind_template_child (widget_class, ShoreImportDialog, rows_view);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_account_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_request_cb);
  shore_import_dialog_class_init_mapping (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shore_import_dialog_init (ShoreImportDialog *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (SHORE_TYPE_IMPORT_PREVIEW_ITEM);
  self->account_ids = g_array_new (FALSE, TRUE, sizeof (gint64));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->rows_view, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_list_view_set_model (self->rows_view, GTK_SELECTION_MODEL (selection));

  shore_import_dialog_init_mapping (self);

  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->stack), GTK_EVENT_CONTROLLER (drop));

  shore_import_dialog_show_page (self, "choose");
}

/* ---- Public API ------------------------------------------------------------------ */

ShoreImportDialog *
shore_import_dialog_new (GtkWindow  *parent,
                         ShoreStore *store,
                         GFile      *file)
{
  ShoreImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (SHORE_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  if (file != NULL)
    start_reading (self, file);

  return self;
}
