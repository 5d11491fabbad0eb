/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "shore-import-dialog-private.h"

/* The column mapping page of the import dialog: a generic CSV whose columns
 * the user names, shown with the rows under the chosen header row. */

/* Rows of the file shown under the header row on the mapping page. */
#define MAPPING_PREVIEW_ROWS 8
#define MAPPING_PREVIEW_COLUMNS 16

static const struct
{
  const char *title;
  const char *subtitle;
  gsize       offset;   /* of the int column in ShoreCsvMapping */
} fields[N_FIELDS] = {
  [FIELD_DATE] = { N_("Date"), N_("Required; it may hold the time too"), G_STRUCT_OFFSET (ShoreCsvMapping, date_col) },
  [FIELD_TIME] = { N_("Time"), NULL, G_STRUCT_OFFSET (ShoreCsvMapping, time_col) },
  [FIELD_AMOUNT] = { N_("Amount"), N_("Required"), G_STRUCT_OFFSET (ShoreCsvMapping, amount_col) },
  [FIELD_FLOW] = { N_("Income or spending"),
                   N_("A column saying 收入 or 支出; without one, a minus sign marks spending"),
                   G_STRUCT_OFFSET (ShoreCsvMapping, flow_col) },
  [FIELD_PAYEE] = { N_("Payee"), NULL, G_STRUCT_OFFSET (ShoreCsvMapping, payee_col) },
  [FIELD_ITEM] = { N_("Item"), NULL, G_STRUCT_OFFSET (ShoreCsvMapping, item_col) },
  [FIELD_CATEGORY] = { N_("Category"), NULL, G_STRUCT_OFFSET (ShoreCsvMapping, category_col) },
  [FIELD_NOTE] = { N_("Note"), NULL, G_STRUCT_OFFSET (ShoreCsvMapping, note_col) },
  [FIELD_ORDER] = { N_("Order number"), NULL, G_STRUCT_OFFSET (ShoreCsvMapping, order_col) },
  [FIELD_ACCOUNT] = { N_("Account"), NULL, G_STRUCT_OFFSET (ShoreCsvMapping, account_col) },
};

static char *
column_letter (guint column)
{
  GString *name = g_string_new (NULL);

  /* A, B, … Z, AA, AB, … as in a spreadsheet */
  column++;
  while (column > 0)
    {
      column--;
      g_string_prepend_c (name, 'A' + (char) (column % 26));
      column /= 26;
    }
  return g_string_free (name, FALSE);
}

static const char *
get_cell (const ShoreCsvTable *table,
          guint                row,
          guint                column)
{
  GStrv cells;

  if (row >= table->rows->len)
    return "";
  cells = g_ptr_array_index (table->rows, row);
  if (column >= g_strv_length (cells))
    return "";
  return cells[column];
}

static guint
get_header_row (ShoreImportDialog *self)
{
  return (guint) gtk_spin_button_get_value_as_int (self->header_spin) - 1;
}

GtkWidget *
shore_import_dialog_create_cell_label (const char *text,
                                       const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static void
fill_preview_grid (ShoreImportDialog *self)
{
  GtkWidget *child;
  guint header = get_header_row (self);
  guint n_columns = MIN (self->table->n_columns, MAPPING_PREVIEW_COLUMNS);
  guint last = MIN (self->table->rows->len, header + 1 + MAPPING_PREVIEW_ROWS);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);

  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *letter = column_letter (c);

      gtk_grid_attach (self->preview_grid, shore_import_dialog_create_cell_label (letter, "dim-label"), (int) c + 1, 0, 1, 1);
    }
  for (guint r = header; r < last; r++)
    {
      g_autofree char *number = g_strdup_printf ("%u", r + 1);

      gtk_grid_attach (self->preview_grid, shore_import_dialog_create_cell_label (number, "dim-label"), 0, (int) (r - header) + 1, 1, 1);
      for (guint c = 0; c < n_columns; c++)
        gtk_grid_attach (self->preview_grid,
                         shore_import_dialog_create_cell_label (get_cell (self->table, r, c), r == header ? "heading" : NULL),
                         (int) c + 1, (int) (r - header) + 1, 1, 1);
    }
}

static GListModel *
create_column_names (ShoreImportDialog *self)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  guint header = get_header_row (self);

  /* Translators: in the list of a CSV file's columns: this kind of data is not in the file */
  gtk_string_list_append (names, _("Not in the file"));
  for (guint c = 0; c < self->table->n_columns; c++)
    {
      g_autofree char *letter = column_letter (c);
      g_autofree char *name = g_strstrip (g_strdup (get_cell (self->table, header, c)));
      g_autofree char *text = NULL;

      if (name[0] == '\0')
        /* Translators: a column of a CSV file without a name; %s is its letter, A, B, C… */
        text = g_strdup_printf (_("Column %s"), letter);
      else
        /* Translators: a column of a CSV file: its letter (A, B, C…), then its name from the file */
        text = g_strdup_printf (_("%s · %s"), letter, name);
      gtk_string_list_append (names, text);
    }

  return G_LIST_MODEL (names);
}

static gboolean
read_mapping (ShoreImportDialog *self,
              ShoreCsvMapping   *mapping)
{
  shore_csv_mapping_init (mapping);
  mapping->header_row = get_header_row (self);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      guint selected = adw_combo_row_get_selected (self->field_rows[i]);
      int *column = G_STRUCT_MEMBER_P (mapping, fields[i].offset);

      *column = selected == GTK_INVALID_LIST_POSITION || selected == 0 ? -1 : (int) selected - 1;
    }

  return mapping->date_col >= 0 && mapping->amount_col >= 0;
}

static void
update_mapping_state (ShoreImportDialog *self)
{
  ShoreCsvMapping mapping;
  gboolean complete = read_mapping (self, &mapping);

  gtk_widget_set_sensitive (GTK_WIDGET (self->continue_button), complete);
  if (!complete)
    gtk_label_set_label (self->mapping_message, _("Choose the columns that hold the date and the amount."));
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_message), !complete);
}

static void
on_field_selected_cb (ShoreImportDialog *self)
{
  update_mapping_state (self);
}

/* Column names come from the header row, so the lists follow it; the choices stay. */
static void
fill_field_models (ShoreImportDialog *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autoptr(GListModel) names = create_column_names (self);
      guint selected = adw_combo_row_get_selected (self->field_rows[i]);

      g_signal_handlers_block_by_func (self->field_rows[i], on_field_selected_cb, self);
      adw_combo_row_set_model (self->field_rows[i], names);
      adw_combo_row_set_selected (self->field_rows[i], selected == GTK_INVALID_LIST_POSITION ? 0 : selected);
      g_signal_handlers_unblock_by_func (self->field_rows[i], on_field_selected_cb, self);
    }
}

static void
on_header_row_changed_cb (ShoreImportDialog *self)
{
  if (self->table == NULL)
    return;
  fill_preview_grid (self);
  fill_field_models (self);
  update_mapping_state (self);
}

void
shore_import_dialog_show_mapping (ShoreImportDialog     *self,
                                  const ShoreCsvMapping *mapping)
{
  guint n_rows = MAX (self->table->rows->len, 1);

  g_signal_handlers_block_by_func (self->header_spin, on_header_row_changed_cb, self);
  gtk_spin_button_set_range (self->header_spin, 1, n_rows);
  gtk_spin_button_set_value (self->header_spin, MIN (mapping->header_row, n_rows - 1) + 1);
  g_signal_handlers_unblock_by_func (self->header_spin, on_header_row_changed_cb, self);

  fill_preview_grid (self);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      const int *column = G_STRUCT_MEMBER_P (mapping, fields[i].offset);
      g_autoptr(GListModel) names = create_column_names (self);

      g_signal_handlers_block_by_func (self->field_rows[i], on_field_selected_cb, self);
      adw_combo_row_set_model (self->field_rows[i], names);
      adw_combo_row_set_selected (self->field_rows[i],
                                  *column >= 0 && (guint) *column < self->table->n_columns ? (guint) *column + 1 : 0);
      g_signal_handlers_unblock_by_func (self->field_rows[i], on_field_selected_cb, self);
    }

  update_mapping_state (self);
  shore_import_dialog_show_page (self, "mapping");
}

static void
on_parse_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ShoreImportDialog *self = SHORE_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  Job *job;

  if (!shore_import_dialog_end_job (self, result, &job, &error))
    return;

  if (error != NULL)
    {
      /* Back to the columns: a wrong column is the likely cause, and the message names the row */
      if (!shore_import_dialog_is_cancelled (error))
        {
          gtk_label_set_label (self->mapping_message, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->mapping_message), TRUE);
        }
      shore_import_dialog_show_page (self, "mapping");
      return;
    }

  g_clear_pointer (&self->result, shore_import_result_free);
  self->result = g_steal_pointer (&job->parsed);
  shore_import_dialog_start_preview (self);
}

static void
on_continue_clicked_cb (ShoreImportDialog *self)
{
  Job *job;

  if (self->cancellable != NULL || self->bytes == NULL)
    return;

  job = g_new0 (Job, 1);
  job->kind = JOB_PARSE;
  job->bytes = g_bytes_ref (self->bytes);
  if (!read_mapping (self, &job->mapping))
    {
      shore_import_dialog_job_free (job);
      update_mapping_state (self);
      return;
    }
  shore_import_dialog_start_job (self, job, _("Reading the Bill…"), on_parse_done_cb);
}

static void
create_field_rows (ShoreImportDialog *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[i].title));
      if (fields[i].subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(fields[i].subtitle));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_field_selected_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      self->field_rows[i] = row;
    }
}

/* ---- Set-up, from shore-import-dialog.c ----------------------------------- */

void
shore_import_dialog_class_init_mapping (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_continue_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_header_row_changed_cb);
}

void
shore_import_dialog_init_mapping (ShoreImportDialog *self)
{
  create_field_rows (self);
}
