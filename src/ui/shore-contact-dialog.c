/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-contact-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "shore-debts.h"
#include "shore-evidence-store.h"
#include "shore-money.h"

#include "shore-contact-dialog.h"
#include "shore-ui-util.h"

#define DURATION_MAX_MINUTES (24 * 60)

struct _ShoreContactDialog
{
  AdwWindow             parent_instance;

  ShoreStore           *store;
  ShoreContact         *original;      /* NULL when adding */
  GPtrArray            *attachments;   /* of char *: paths, in the order added */
  GArray               *loan_ids;      /* of gint64, one per row of loan_row; 0: none */
  GtkFileChooserNative *chooser;

  AdwWindowTitle       *window_title;
  GtkButton            *save_button;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *flags_group;
  GtkListBox           *flags_list;
  AdwEntryRow          *date_row;
  GtkMenuButton        *date_button;
  GtkCalendar          *date_calendar;
  AdwEntryRow          *time_row;
  AdwComboRow          *channel_row;
  AdwEntryRow          *organization_row;
  AdwEntryRow          *person_row;
  AdwEntryRow          *phone_row;
  AdwActionRow         *connected_row;
  GtkSwitch            *connected_switch;
  AdwEntryRow          *duration_row;
  GtkTextView          *summary_view;
  GtkBox               *hints_box;
  AdwEntryRow          *third_parties_row;
  AdwEntryRow          *amount_row;
  AdwComboRow          *loan_row;
  GtkListBox           *attachments_list;
};

G_DEFINE_FINAL_TYPE (ShoreContactDialog, shore_contact_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_errors (ShoreContactDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->date_row), GTK_WIDGET (self->time_row), GTK_WIDGET (self->duration_row),
    GTK_WIDGET (self->amount_row), GTK_WIDGET (self->channel_row),
  };

  shore_ui_clear_errors (self->error_label, rows, G_N_ELEMENTS (rows));
}

static void
show_problem (ShoreContactDialog *self,
              const ShoreUiProblem      *problem)
{
  clear_errors (self);
  shore_ui_show_problem (self->error_label, problem);
}

/* "21:30", "9:05" or "21：30" (a full-width colon, as Chinese input methods type it). */
static gboolean
parse_time (const char *text,
            int        *out_hour,
            int        *out_minute,
            GError    **error)
{
  g_autofree char *normal = NULL;
  g_auto(GStrv) parts = NULL;
  guint64 hour, minute;

  normal = g_strstrip (g_strdup (text));
  if (*normal != '\0')
    {
      g_autoptr(GString) colon = g_string_new (normal);

      g_string_replace (colon, "：", ":", 0);
      g_free (normal);
      normal = g_string_free (g_steal_pointer (&colon), FALSE);
      parts = g_strsplit (normal, ":", -1);
    }

  if (parts != NULL && g_strv_length (parts) == 2 &&
      strlen (parts[0]) >= 1 && strlen (parts[0]) <= 2 && strlen (parts[1]) == 2 &&
      g_ascii_string_to_unsigned (parts[0], 10, 0, 23, &hour, NULL) &&
      g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &minute, NULL))
    {
      *out_hour = (int) hour;
      *out_minute = (int) minute;
      return TRUE;
    }

  if (*normal == '\0')
    g_set_error_literal (error, SHORE_EVIDENCE_ERROR, SHORE_EVIDENCE_ERROR_INVALID,
                         _("Enter the time of the contact, such as 21:30"));
  else
    g_set_error (error, SHORE_EVIDENCE_ERROR, SHORE_EVIDENCE_ERROR_INVALID,
                 /* Translators: %s is what the person typed */
                 _("“%s” is not a time; type hours and minutes on a 24-hour clock, such as 21:30"),
                 normal);
  return FALSE;
}

static char *
format_occurred (GDateTime  *when,
                 const char *format)
{
  return g_date_time_format (when, format);
}

/* The instant typed, or NULL and a problem. Unchanged text keeps the
 * original instant, with its seconds and the offset it was recorded in. */
static GDateTime *
read_occurred_at (ShoreContactDialog *self,
                  ShoreUiProblem            *problem)
{
  g_autofree char *date_text = shore_ui_get_stripped_text (GTK_EDITABLE (self->date_row));
  g_autofree char *time_text = shore_ui_get_stripped_text (GTK_EDITABLE (self->time_row));
  GDateTime *when;
  GDate date;
  int hour, minute;

  if (!shore_date_parse (date_text, &date, &problem->error))
    {
      problem->row = GTK_WIDGET (self->date_row);
      return NULL;
    }
  if (!parse_time (time_text, &hour, &minute, &problem->error))
    {
      problem->row = GTK_WIDGET (self->time_row);
      return NULL;
    }

  if (self->original != NULL && self->original->occurred_at != NULL)
    {
      g_autofree char *old_date = format_occurred (self->original->occurred_at, "%Y-%m-%d");
      g_autofree char *old_time = format_occurred (self->original->occurred_at, "%H:%M");
      int old_hour, old_minute;

      if (g_strcmp0 (old_date, date_text) == 0 &&
          parse_time (old_time, &old_hour, &old_minute, NULL) &&
          old_hour == hour && old_minute == minute)
        return g_date_time_ref (self->original->occurred_at);
    }

  when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), hour, minute, 0);
  if (when == NULL)
    {
      g_set_error_literal (&problem->error, SHORE_EVIDENCE_ERROR, SHORE_EVIDENCE_ERROR_INVALID,
                           _("This time does not exist on that day in your time zone"));
      problem->row = GTK_WIDGET (self->time_row);
    }

  return when;
}

static gboolean
read_duration (ShoreContactDialog *self,
               ShoreContact       *contact,
               ShoreUiProblem            *problem)
{
  g_autofree char *text = shore_ui_get_stripped_text (GTK_EDITABLE (self->duration_row));
  guint64 minutes;

  if (*text == '\0')
    {
      contact->duration_seconds = -1;
      return TRUE;
    }

  /* Whole minutes as shown when editing: keep the seconds recorded before. */
  if (self->original != NULL && self->original->duration_seconds >= 0)
    {
      g_autofree char *old = g_strdup_printf ("%d", self->original->duration_seconds / 60);

      if (g_strcmp0 (old, text) == 0)
        {
          contact->duration_seconds = self->original->duration_seconds;
          return TRUE;
        }
    }

  if (!g_ascii_string_to_unsigned (text, 10, 0, DURATION_MAX_MINUTES, &minutes, NULL))
    {
      g_set_error (&problem->error, SHORE_EVIDENCE_ERROR, SHORE_EVIDENCE_ERROR_INVALID,
                   /* Translators: %s is what the person typed, %d the most minutes accepted */
                   _("“%s” is not a number of minutes; type a whole number from 0 to %d, or leave it empty"),
                   text, DURATION_MAX_MINUTES);
      problem->row = GTK_WIDGET (self->duration_row);
      return FALSE;
    }

  contact->duration_seconds = (int) minutes * 60;
  return TRUE;
}

static char *
get_summary_text (ShoreContactDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The contact as entered, or NULL and the first problem, in the order of the form. */
static ShoreContact *
read_contact (ShoreContactDialog *self,
              ShoreUiProblem            *problem)
{
  g_autoptr(ShoreContact) contact = self->original != NULL ? shore_contact_copy (self->original) : shore_contact_new ();
  g_autofree char *amount = shore_ui_get_stripped_text (GTK_EDITABLE (self->amount_row));
  guint loan_index = adw_combo_row_get_selected (self->loan_row);

  g_clear_pointer (&contact->occurred_at, g_date_time_unref);
  contact->occurred_at = read_occurred_at (self, problem);
  if (contact->occurred_at == NULL)
    return NULL;

  contact->channel = (ShoreContactChannel) adw_combo_row_get_selected (self->channel_row);
  g_free (contact->organization);
  contact->organization = shore_ui_get_stripped_text (GTK_EDITABLE (self->organization_row));
  g_free (contact->person);
  contact->person = shore_ui_get_stripped_text (GTK_EDITABLE (self->person_row));
  g_free (contact->phone);
  contact->phone = shore_ui_get_stripped_text (GTK_EDITABLE (self->phone_row));
  contact->connected = contact->channel == SHORE_CONTACT_CALL && gtk_switch_get_active (self->connected_switch);
  g_free (contact->summary);
  contact->summary = g_strstrip (get_summary_text (self));
  g_free (contact->third_parties);
  contact->third_parties = shore_ui_get_stripped_text (GTK_EDITABLE (self->third_parties_row));
  contact->loan_id = loan_index < self->loan_ids->len ? g_array_index (self->loan_ids, gint64, loan_index) : 0;

  g_ptr_array_set_size (contact->attachments, 0);
  for (guint i = 0; i < self->attachments->len; i++)
    g_ptr_array_add (contact->attachments, g_strdup (g_ptr_array_index (self->attachments, i)));

  if (!read_duration (self, contact, problem))
    return NULL;

  if (*amount == '\0')
    contact->amount_demanded = 0;
  else if (!shore_money_parse (amount, &contact->amount_demanded, &problem->error))
    {
      problem->row = GTK_WIDGET (self->amount_row);
      return NULL;
    }

  if (!shore_contact_validate (contact, &problem->error))
    return NULL;

  return g_steal_pointer (&contact);
}

/* ---- Live hints on what was said ---------------------------------------- */

static void
update_hints (ShoreContactDialog *self)
{
  g_autofree char *text = get_summary_text (self);
  g_autoptr(GArray) flags = shore_evidence_flags_new ();
  g_auto(ShoreUiProblem) problem = { 0 };
  g_autoptr(GDateTime) when = read_occurred_at (self, &problem);
  GtkWidget *heading;

  shore_evidence_check_wording (text, when, flags);
  shore_ui_remove_all_children (GTK_WIDGET (self->hints_box));
  gtk_widget_set_visible (GTK_WIDGET (self->hints_box), flags->len > 0);
  if (flags->len == 0)
    return;

  heading = shore_ui_new_wrapped_label (_("This wording may break the collection rules:"), "heading");
  gtk_box_append (self->hints_box, heading);

  for (guint i = 0; i < flags->len; i++)
    {
      const ShoreEvidenceFlag *flag = &g_array_index (flags, ShoreEvidenceFlag, i);
      g_autofree char *line = NULL;

      /* Translators: a live hint under “What was said”: the rule, then what was found */
      line = g_strdup_printf (_("%s: %s"), shore_evidence_rule_get_label (flag->rule), flag->message);
      gtk_box_append (self->hints_box, shore_ui_new_wrapped_label (line, "shore-evidence-hint"));
    }
}

/* ---- Flags of the saved contact ------------------------------------------ */

static GtkWidget *
create_flag_row (const ShoreEvidenceFlag *flag)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *citation;
  g_autofree char *meta = NULL;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_box_append (GTK_BOX (box), shore_ui_new_wrapped_label (shore_evidence_rule_get_label (flag->rule), "heading"));
  gtk_box_append (GTK_BOX (box), shore_ui_new_wrapped_label (flag->message, NULL));

  citation = shore_ui_new_wrapped_label (flag->citation, "caption");
  gtk_label_set_selectable (GTK_LABEL (citation), TRUE);
  gtk_box_append (GTK_BOX (box), citation);

  /* Translators: under a finding: the kind of rule cited (“Law”, “Industry code”…), then how sure the source is */
  meta = g_strdup_printf (_("Kind of rule: %s · Confidence: %s"),
                          shore_evidence_kind_get_label (flag->kind),
                          shore_evidence_confidence_get_label (flag->confidence));
  gtk_box_append (GTK_BOX (box), shore_ui_new_wrapped_label (meta, "dim-label"));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
load_flags (ShoreContactDialog *self,
            GArray             *flags)
{
  guint n = 0;

  for (guint i = 0; flags != NULL && i < flags->len; i++)
    {
      gtk_list_box_append (self->flags_list,
                           create_flag_row (&g_array_index (flags, ShoreEvidenceFlag, i)));
      n++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->flags_group), n > 0);
}

/* ---- Attachments --------------------------------------------------------- */

static GtkWidget *
create_attachment_button (const char *icon_name,
                          const char *tooltip,
                          const char *action,
                          const char *path)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", path);

  return button;
}

static void
update_attachments (ShoreContactDialog *self)
{
  shore_ui_remove_all_children (GTK_WIDGET (self->attachments_list));

  for (guint i = 0; i < self->attachments->len; i++)
    {
      const char *path = g_ptr_array_index (self->attachments, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *title = g_markup_escape_text (base, -1);
      g_autofree char *subtitle = g_markup_escape_text (path, -1);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 create_attachment_button ("document-open-symbolic", _("Open"),
                                                           "contact.open-attachment", path));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 create_attachment_button ("list-remove-symbolic", _("Remove"),
                                                           "contact.remove-attachment", path));
      gtk_list_box_append (self->attachments_list, row);
    }
}

gboolean
shore_contact_dialog_add_attachment (ShoreContactDialog *self,
                                     const char         *path)
{
  g_return_val_if_fail (SHORE_IS_CONTACT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);

  for (guint i = 0; i < self->attachments->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->attachments, i), path) == 0)
        return FALSE;
    }

  g_ptr_array_add (self->attachments, g_strdup (path));
  update_attachments (self);
  return TRUE;
}

static void
on_chooser_response_cb (ShoreContactDialog *self,
                        int                 response,
                        GtkNativeDialog    *chooser)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        shore_contact_dialog_add_attachment (self, path);
    }
}

static void
add_attachments_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ShoreContactDialog *self = SHORE_CONTACT_DIALOG (widget);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Attach Recordings or Screenshots"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
remove_attachment_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ShoreContactDialog *self = SHORE_CONTACT_DIALOG (widget);
  const char *path = g_variant_get_string (parameter, NULL);

  for (guint i = 0; i < self->attachments->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->attachments, i), path) == 0)
        {
          g_ptr_array_remove_index (self->attachments, i);
          break;
        }
    }
  update_attachments (self);
}

static void
on_launch_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ShoreContactDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_auto(ShoreUiProblem) problem = { NULL, NULL };

      problem.error = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                                   /* Translators: %s is the reason given by the system */
                                   _("Could not open the file: %s"), error->message);
      show_problem (self, &problem);
    }
}

static void
open_attachment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ShoreContactDialog *self = SHORE_CONTACT_DIALOG (widget);
  g_autofree char *uri = g_filename_to_uri (g_variant_get_string (parameter, NULL), NULL, NULL);
  g_autoptr(GdkAppLaunchContext) context = NULL;

  if (uri == NULL)
    return;

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           on_launch_done_cb, g_object_ref (self));
}

/* ---- The form ----------------------------------------------------------- */

static void
on_field_changed_cb (ShoreContactDialog *self)
{
  clear_errors (self);
}

static void
on_summary_changed_cb (ShoreContactDialog *self)
{
  clear_errors (self);
  update_hints (self);
}

static void
on_channel_changed_cb (ShoreContactDialog *self)
{
  ShoreContactChannel channel = (ShoreContactChannel) adw_combo_row_get_selected (self->channel_row);

  gtk_widget_set_visible (GTK_WIDGET (self->connected_row), channel == SHORE_CONTACT_CALL);
  clear_errors (self);
}

static void
on_date_calendar_day_selected_cb (ShoreContactDialog *self,
                                  GtkCalendar        *calendar)
{
  shore_ui_calendar_to_entry (calendar, GTK_EDITABLE (self->date_row), self->date_button);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShoreContactDialog *self = SHORE_CONTACT_DIALOG (widget);
  g_autoptr(ShoreContact) contact = NULL;
  g_auto(ShoreUiProblem) problem = { 0 };
  gboolean ok;

  contact = read_contact (self, &problem);
  if (contact == NULL)
    {
      show_problem (self, &problem);
      return;
    }

  if (self->original != NULL)
    ok = shore_evidence_store_update (self->store, contact, &problem.error);
  else
    ok = shore_evidence_store_add (self->store, contact, &problem.error);

  if (!ok)
    {
      show_problem (self, &problem);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, contact->id);
  gtk_window_close (GTK_WINDOW (self));
}

static GListModel *
create_channels (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint channel = 0; channel < SHORE_N_CONTACT_CHANNELS; channel++)
    gtk_string_list_append (list, shore_contact_channel_get_label ((ShoreContactChannel) channel));

  return G_LIST_MODEL (list);
}

/* "None" and every loan of the register; loan_ids maps the rows back. */
static void
load_loans (ShoreContactDialog *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GListModel) debts = NULL;
  GDate today;
  gint64 none = 0;

  shore_ui_get_today (&today);

  /* Translators: the loan of a contact: none chosen */
  gtk_string_list_append (list, C_("loan", "None"));
  g_array_append_val (self->loan_ids, none);

  debts = shore_debts_list (self->store, &today, NULL);
  for (guint i = 0; debts != NULL && i < g_list_model_get_n_items (debts); i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (debts, i);
      const ShoreLoan *loan = shore_debt_get_loan (debt);
      g_autofree char *principal = shore_money_format (loan->principal);
      g_autofree char *start = shore_date_format_iso (&loan->start_date);
      g_autofree char *label = NULL;
      gint64 id = loan->id;

      /* Translators: a loan in a list: the lender, the amount borrowed, the date received */
      label = g_strdup_printf (_("%s — %s, %s"), loan->lender, principal, start);
      gtk_string_list_append (list, label);
      g_array_append_val (self->loan_ids, id);
    }

  adw_combo_row_set_model (self->loan_row, G_LIST_MODEL (list));
}

static void
select_calendar_day (ShoreContactDialog *self,
                     GDateTime          *when)
{
  g_signal_handlers_block_by_func (self->date_calendar, on_date_calendar_day_selected_cb, self);
  gtk_calendar_select_day (self->date_calendar, when);
  g_signal_handlers_unblock_by_func (self->date_calendar, on_date_calendar_day_selected_cb, self);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* Fills the form from @contact: a new contact (now, a call) or the one being edited. */
static void
load_contact (ShoreContactDialog *self,
              const ShoreContact *contact)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDateTime *when = contact->occurred_at != NULL ? contact->occurred_at : now;
  g_autofree char *date = format_occurred (when, "%Y-%m-%d");
  g_autofree char *time = format_occurred (when, "%H:%M");

  set_entry (self->date_row, date);
  set_entry (self->time_row, time);
  select_calendar_day (self, when);
  adw_combo_row_set_selected (self->channel_row, contact->channel);
  set_entry (self->organization_row, contact->organization);
  set_entry (self->person_row, contact->person);
  set_entry (self->phone_row, contact->phone);
  gtk_switch_set_active (self->connected_switch, self->original == NULL || contact->connected);
  if (contact->duration_seconds >= 0)
    {
      g_autofree char *minutes = g_strdup_printf ("%d", contact->duration_seconds / 60);

      set_entry (self->duration_row, minutes);
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view),
                            contact->summary != NULL ? contact->summary : "", -1);
  set_entry (self->third_parties_row, contact->third_parties);
  if (contact->amount_demanded > 0)
    {
      g_autofree char *amount = shore_money_format_plain (contact->amount_demanded);

      set_entry (self->amount_row, amount);
    }
  for (guint i = 0; i < self->loan_ids->len; i++)
    {
      if (contact->loan_id != 0 && g_array_index (self->loan_ids, gint64, i) == contact->loan_id)
        adw_combo_row_set_selected (self->loan_row, i);
    }
  for (guint i = 0; contact->attachments != NULL && i < contact->attachments->len; i++)
    g_ptr_array_add (self->attachments, g_strdup (g_ptr_array_index (contact->attachments, i)));

  update_attachments (self);
  on_channel_changed_cb (self);
  update_hints (self);
  clear_errors (self);
}

static void
shore_contact_dialog_dispose (GObject *object)
{
  ShoreContactDialog *self = SHORE_CONTACT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHORE_TYPE_CONTACT_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->original, shore_contact_free);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);
  g_clear_pointer (&self->loan_ids, g_array_unref);

  G_OBJECT_CLASS (shore_contact_dialog_parent_class)->dispose (object);
}

static void
shore_contact_dialog_class_init (ShoreContactDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shore_contact_dialog_dispose;

  /**
   * ShoreContactDialog::saved:
   * @contact_id: the id of the contact added or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/shore-contact-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, flags_group);
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, flags_list);
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, organization_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, connected_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, connected_switch);
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, summary_view);
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, hints_box);
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, third_parties_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, loan_row);
  gtk_widget_class_bind_template_child (widget_class, ShoreContactDialog, attachments_list);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_channel_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_calendar_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "contact.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "contact.add-attachments", NULL, add_attachments_action);
  gtk_widget_class_install_action (widget_class, "contact.open-attachment", "s", open_attachment_action);
  gtk_widget_class_install_action (widget_class, "contact.remove-attachment", "s", remove_attachment_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shore_contact_dialog_init (ShoreContactDialog *self)
{
  g_autoptr(GListModel) channels = create_channels ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->attachments = g_ptr_array_new_with_free_func (g_free);
  self->loan_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  adw_combo_row_set_model (self->channel_row, channels);
  g_signal_connect_object (gtk_text_view_get_buffer (self->summary_view), "changed",
                           G_CALLBACK (on_summary_changed_cb), self, G_CONNECT_SWAPPED);
}

ShoreContactDialog *
shore_contact_dialog_new (GtkWindow          *parent,
                          ShoreStore         *store,
                          const ShoreContact *contact,
                          GArray             *flags)
{
  ShoreContactDialog *self;
  g_autoptr(ShoreContact) fresh = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);

  self = g_object_new (SHORE_TYPE_CONTACT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  load_loans (self);

  if (contact != NULL)
    {
      self->original = shore_contact_copy (contact);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Contact"));
      adw_window_title_set_title (self->window_title, _("Edit Contact"));
      gtk_button_set_label (self->save_button, _("_Save"));
      load_contact (self, contact);
      load_flags (self, flags);
    }
  else
    {
      fresh = shore_contact_new ();
      load_contact (self, fresh);
    }

  return self;
}
