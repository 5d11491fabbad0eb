/* SPDX-License-Identifier: GPL-3.0-or-later */

/* For the files of the import dialog only: shore-import-dialog.c (reading,
 * the preview, writing) and shore-import-mapping.c (the column mapping page
 * of a generic CSV).
 */

#pragma once

#include "shore-import.h"
#include "shore-ledger.h"

#include "shore-import-dialog.h"

G_BEGIN_DECLS

/* Progress from a worker thread, handed to the main loop by an idle; several
 * reports in a row share one idle. */
typedef struct
{
  GWeakRef dialog;
  int      permille;   /* atomic */
  int      pending;    /* atomic: an idle is queued */
} Progress;

typedef enum {
  JOB_READ,      /* read, detect, parse (or prepare the mapping) */
  JOB_PARSE,     /* parse a generic CSV with the mapping */
  JOB_PREVIEW,   /* dry run: what would be written */
  JOB_WRITE,     /* the import itself */
} JobKind;

typedef struct
{
  JobKind             kind;
  Progress           *progress;
  /* in */
  GFile              *file;
  GBytes             *bytes;
  ShoreCsvMapping     mapping;
  ShoreStore         *store;
  ShoreImportResult  *result;   /* JOB_PREVIEW and JOB_WRITE: borrowed from the dialog */
  gint64              account_id;
  char               *file_name;
  /* out */
  ShoreImportResult  *parsed;
  ShoreCsvTable      *table;
  gboolean            guessed;
  ShoreImportSummary  summary;
  GPtrArray          *accounts;
  GPtrArray          *items;
} Job;

typedef enum {
  FIELD_DATE,
  FIELD_TIME,
  FIELD_AMOUNT,
  FIELD_FLOW,
  FIELD_PAYEE,
  FIELD_ITEM,
  FIELD_CATEGORY,
  FIELD_NOTE,
  FIELD_ORDER,
  FIELD_ACCOUNT,
  N_FIELDS
} Field;

struct _ShoreImportDialog
{
  AdwWindow          parent_instance;

  AdwWindowTitle    *window_title;
  GtkButton         *cancel_button;
  GtkButton         *import_button;
  GtkButton         *continue_button;
  GtkStack          *stack;
  GtkButton         *choose_button;
  GtkLabel          *progress_title;
  GtkProgressBar    *progress_bar;
  GtkLabel          *progress_label;
  GtkButton         *progress_cancel_button;
  AdwStatusPage     *error_page;
  GtkButton         *choose_another_button;
  GtkGrid           *preview_grid;
  AdwPreferencesGroup *columns_group;
  GtkSpinButton     *header_spin;
  GtkLabel          *mapping_message;
  GtkLabel          *status_label;
  AdwPreferencesGroup *summary_group;
  GtkLabel          *income_label;
  GtkLabel          *expense_label;
  GtkLabel          *neutral_label;
  GtkLabel          *duplicates_label;
  GtkLabel          *skipped_label;
  GtkLabel          *loans_label;
  AdwComboRow       *account_row;
  GtkWidget         *excel_warning_box;
  GtkLabel          *excel_warning;
  AdwPreferencesGroup *rows_group;
  GtkListView       *rows_view;
  AdwComboRow       *field_rows[N_FIELDS];

  ShoreStore        *store;
  GFile             *file;
  GBytes            *bytes;
  ShoreCsvTable     *table;
  ShoreImportResult *result;
  GListStore        *items;
  GArray            *account_ids;     /* gint64, parallel to account_row's items */
  GtkFileChooserNative *chooser;

  /* The running job, if any */
  GCancellable      *cancellable;
  Progress          *progress;
  JobKind            job_kind;
  gboolean           close_pending;   /* closing waits for a job that uses the store */
  gboolean           asked_for_file;
  gboolean           disposed;
};

/* shore-import-dialog.c */
void       shore_import_dialog_job_free           (Job                   *job);
gboolean   shore_import_dialog_is_cancelled       (const GError          *error);
void       shore_import_dialog_show_page          (ShoreImportDialog     *self,
                                                   const char            *name);
void       shore_import_dialog_start_job          (ShoreImportDialog     *self,
                                                   Job                   *job,
                                                   const char            *title,
                                                   GAsyncReadyCallback    callback);
gboolean   shore_import_dialog_finish_job         (ShoreImportDialog     *self);
gboolean   shore_import_dialog_end_job            (ShoreImportDialog     *self,
                                                   GAsyncResult          *result,
                                                   Job                  **out_job,
                                                   GError               **error);
void       shore_import_dialog_start_preview      (ShoreImportDialog     *self);

/* shore-import-mapping.c */
GtkWidget *shore_import_dialog_create_cell_label  (const char            *text,
                                                   const char            *style);
void       shore_import_dialog_show_mapping       (ShoreImportDialog     *self,
                                                   const ShoreCsvMapping *mapping);
void       shore_import_dialog_class_init_mapping (GtkWidgetClass        *widget_class);
void       shore_import_dialog_init_mapping       (ShoreImportDialog     *self);

G_END_DECLS
