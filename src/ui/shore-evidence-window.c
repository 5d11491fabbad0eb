/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-evidence-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "shore-contact-dialog.h"
#include "shore-document.h"
#include "shore-handout.h"
#include "shore-i18n.h"
#include "shore-evidence-store.h"

#include "shore-evidence-window.h"
#include "shore-ui-util.h"

struct _ShoreEvidenceWindow
{
  AdwWindow            parent_instance;

  ShoreStore          *store;
  GPtrArray           *contacts;      /* of ShoreContact, in time order, as listed by the store */
  ShoreContact        *flat;          /* shallow copies of contacts, for the checks; borrowed strings */
  GArray              *loans;         /* of ShoreEvidenceLoan */
  GArray              *flags;         /* of ShoreEvidenceFlag */
  AdwToast            *last_toast;    /* weak */

  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  GtkListBox          *summary_list;
  AdwPreferencesGroup *rules_group;
  GtkListBox          *rules_list;
  GtkListBox          *organizations_list;
  GtkListBox          *contacts_list;
};

G_DEFINE_FINAL_TYPE (ShoreEvidenceWindow, shore_evidence_window, ADW_TYPE_WINDOW)

typedef struct
{
  ShoreEvidenceWindow *window;
  ShoreContact        *contact;
} UndoData;

static const char *
get_channel_icon (ShoreContactChannel channel)
{
  switch (channel)
    {
    case SHORE_CONTACT_CALL:
      return "call-start-symbolic";
    case SHORE_CONTACT_SMS:
      return "mail-unread-symbolic";
    case SHORE_CONTACT_APP:
      return "user-available-symbolic";
    case SHORE_CONTACT_VISIT:
      return "go-home-symbolic";
    case SHORE_CONTACT_THIRD_PARTY:
      return "system-users-symbolic";
    case SHORE_CONTACT_OTHER:
    default:
      return "dialog-information-symbolic";
    }
}

/* ---- Toasts -------------------------------------------------------------- */

/* A new toast replaces the previous one rather than queueing behind it. */
static void
add_toast (ShoreEvidenceWindow *self,
           AdwToast            *toast)
{
  if (self->last_toast != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->last_toast), (gpointer *) &self->last_toast);
      adw_toast_dismiss (self->last_toast);
    }
  self->last_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->last_toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_toast (ShoreEvidenceWindow *self,
            const char          *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  add_toast (self, adw_toast_new (escaped));
}

/* ---- The log and its checks ---------------------------------------------- */

/* What the register knows of each loan, for the amount and rate rules. */
static void
load_loans (ShoreEvidenceWindow *self)
{
  GDate today;

  g_array_set_size (self->loans, 0);
  shore_ui_get_today (&today);
  shore_evidence_store_loans (self->store, &today, self->loans, NULL);
}

static gboolean
load_log (ShoreEvidenceWindow *self,
          GError             **error)
{
  g_autoptr(GPtrArray) contacts = shore_evidence_store_list (self->store, error);
  ShoreEvidenceContext ctx;

  if (contacts == NULL)
    return FALSE;

  g_clear_pointer (&self->flags, g_array_unref);
  g_clear_pointer (&self->flat, g_free);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  self->contacts = g_steal_pointer (&contacts);

  self->flat = g_new0 (ShoreContact, MAX (self->contacts->len, 1));
  for (guint i = 0; i < self->contacts->len; i++)
    self->flat[i] = *(ShoreContact *) g_ptr_array_index (self->contacts, i);

  load_loans (self);
  ctx.loans = (const ShoreEvidenceLoan *) (gpointer) self->loans->data;
  ctx.n_loans = self->loans->len;
  shore_evidence_check (self->flat, self->contacts->len, &ctx, &self->flags);

  return TRUE;
}

/* The flags of contact @index, borrowed from self->flags (no clear func). */
static GArray *
get_contact_flags (ShoreEvidenceWindow *self,
                   guint                index)
{
  GArray *flags = g_array_new (FALSE, FALSE, sizeof (ShoreEvidenceFlag));

  for (guint i = 0; self->flags != NULL && i < self->flags->len; i++)
    {
      const ShoreEvidenceFlag *flag = &g_array_index (self->flags, ShoreEvidenceFlag, i);

      if (flag->contact == index)
        g_array_append_val (flags, *flag);
    }

  return flags;
}

/* ---- The summary --------------------------------------------------------- */

static void
add_summary_row (GtkListBox *list_box,
                 const char *title,
                 const char *subtitle,
                 const char *value,
                 gboolean    alert)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  if (subtitle != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
    }
  gtk_widget_add_css_class (label, alert ? "warning" : "dim-label");
  if (alert)
    gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (list_box, row);
}

static void
add_count_row (GtkListBox *list_box,
               const char *title,
               const char *subtitle,
               guint       count,
               gboolean    alert_if_any)
{
  g_autofree char *value = g_strdup_printf ("%u", count);

  add_summary_row (list_box, title, subtitle, value, alert_if_any && count > 0);
}

static void
update_summary_rows (ShoreEvidenceWindow        *self,
                     const ShoreEvidenceSummary *summary)
{
  g_autofree char *first = g_date_valid (&summary->first_day) ? shore_date_format_iso (&summary->first_day) : NULL;
  g_autofree char *last = g_date_valid (&summary->last_day) ? shore_date_format_iso (&summary->last_day) : NULL;
  g_autofree char *range = NULL;
  g_autofree char *most = NULL;

  shore_ui_remove_all_children (GTK_WIDGET (self->summary_list));
  add_count_row (self->summary_list, _("Contacts recorded"), NULL, summary->n_contacts, FALSE);
  add_count_row (self->summary_list, _("Contacts with likely breaches"), NULL, summary->n_flagged_contacts, TRUE);

  if (first != NULL && g_date_compare (&summary->first_day, &summary->last_day) != 0)
    /* Translators: the first and the last day of the contacts logged */
    range = g_strdup_printf (_("%s to %s"), first, last);
  else
    range = g_strdup (first != NULL ? first : "");
  add_summary_row (self->summary_list, _("Dates"), NULL, range, FALSE);

  add_count_row (self->summary_list, _("At night"), _("Between 22:00 and 08:00"), summary->n_night, TRUE);

  if (summary->max_calls_in_a_day > 0 && g_date_valid (&summary->max_calls_day))
    {
      g_autofree char *day = shore_date_format_iso (&summary->max_calls_day);

      /* Translators: the most answered calls from one organization in one day, then that day */
      most = g_strdup_printf (_("%u on %s"), summary->max_calls_in_a_day, day);
    }
  else
    most = g_strdup ("0");
  add_summary_row (self->summary_list, _("Most answered calls in one day"),
                   _("From one organization; more than three a day is too many"),
                   most, summary->max_calls_in_a_day > 3);
}

static void
update_rules_rows (ShoreEvidenceWindow        *self,
                   const ShoreEvidenceSummary *summary)
{
  gboolean any = FALSE;

  shore_ui_remove_all_children (GTK_WIDGET (self->rules_list));
  for (guint rule = 0; rule < SHORE_N_EVIDENCE_RULES; rule++)
    {
      if (summary->per_rule[rule] == 0)
        continue;
      add_count_row (self->rules_list, shore_evidence_rule_get_label ((ShoreEvidenceRule) rule), NULL,
                     summary->per_rule[rule], TRUE);
      any = TRUE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rules_group), any);
}

static void
update_organizations_rows (ShoreEvidenceWindow        *self,
                           const ShoreEvidenceSummary *summary)
{
  guint n = MIN (summary->n_organizations, SHORE_EVIDENCE_MAX_ORGANIZATIONS);

  shore_ui_remove_all_children (GTK_WIDGET (self->organizations_list));
  for (guint i = 0; i < n; i++)
    {
      const char *name = summary->organizations[i].name;
      guint n_contacts = summary->organizations[i].n_contacts;
      guint n_flags = summary->organizations[i].n_flags;
      g_autofree char *contacts = NULL;
      g_autofree char *flags = NULL;

      /* Translators: how many contacts an organization made */
      contacts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact", "%u contacts", n_contacts), n_contacts);
      /* Translators: how many likely breaches were found on an organization's contacts */
      flags = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u likely breach", "%u likely breaches", n_flags), n_flags);
      add_summary_row (self->organizations_list,
                       name != NULL && *name != '\0' ? name : _("No organization given"),
                       contacts, flags, n_flags > 0);
    }
}

/* ---- The contacts -------------------------------------------------------- */

static char *
describe_who (const ShoreContact *contact)
{
  gboolean has_org = *contact->organization != '\0';
  gboolean has_person = *contact->person != '\0';

  if (has_org && has_person)
    /* Translators: who made a contact: the organization, then the person */
    return g_strdup_printf (_("%s, %s"), contact->organization, contact->person);
  if (has_org || has_person)
    return g_strdup (has_org ? contact->organization : contact->person);
  if (*contact->phone != '\0')
    return g_strdup (contact->phone);

  return g_strdup (_("No name or number given"));
}

static char *
first_line (const char *text)
{
  const char *end = strchr (text, '\n');

  return end != NULL ? g_strndup (text, end - text) : g_strdup (text);
}

/* A plain label, not an icon beside a wrapping label: GTK 4.8 boxes measure
 * those inconsistently when the text mixes scripts. */
static GtkWidget *
create_flag_chip (const ShoreEvidenceFlag *flag)
{
  g_autofree char *text = NULL;
  GtkWidget *label;

  /* Translators: a likely breach on a contact: the rule, then what was found */
  text = g_strdup_printf (_("%s: %s"), shore_evidence_rule_get_label (flag->rule), flag->message);
  label = shore_ui_new_wrapped_label (text, "shore-evidence-flag");

  return label;
}

static GtkWidget *
create_contact_row (ShoreEvidenceWindow *self,
                    guint                index)
{
  const ShoreContact *contact = g_ptr_array_index (self->contacts, index);
  g_autoptr(GArray) flags = get_contact_flags (self, index);
  g_autofree char *when = g_date_time_format (contact->occurred_at, "%Y-%m-%d %H:%M");
  g_autofree char *heading = NULL;
  g_autofree char *who = describe_who (contact);
  g_autofree char *said = first_line (contact->summary);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name (get_channel_icon (contact->channel));
  GtkWidget *delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *said_label;

  /* Translators: a contact in the log: its date and time, then its channel (“Phone call”…) */
  heading = g_strdup_printf (_("%s · %s"), when, shore_contact_channel_get_label (contact->channel));

  gtk_widget_set_margin_top (hbox, 10);
  gtk_widget_set_margin_bottom (hbox, 10);
  gtk_widget_set_margin_start (hbox, 12);
  gtk_widget_set_margin_end (hbox, 8);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_box_append (GTK_BOX (hbox), icon);

  gtk_widget_set_hexpand (vbox, TRUE);
  gtk_box_append (GTK_BOX (vbox), shore_ui_new_wrapped_label (heading, "heading"));
  gtk_box_append (GTK_BOX (vbox), shore_ui_new_wrapped_label (who, NULL));
  if (*said != '\0')
    {
      said_label = gtk_label_new (said);
      gtk_label_set_xalign (GTK_LABEL (said_label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (said_label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (said_label, "dim-label");
      gtk_box_append (GTK_BOX (vbox), said_label);
    }
  for (guint i = 0; i < flags->len; i++)
    gtk_box_append (GTK_BOX (vbox), create_flag_chip (&g_array_index (flags, ShoreEvidenceFlag, i)));
  gtk_box_append (GTK_BOX (hbox), vbox);

  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete_button, "flat");
  gtk_widget_set_tooltip_text (delete_button, _("Delete Contact"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "evidence.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete_button), "x", contact->id);
  gtk_box_append (GTK_BOX (hbox), delete_button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), hbox);
  g_object_set_data (G_OBJECT (row), "contact-index", GUINT_TO_POINTER (index));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);

  return row;
}

static void
reload (ShoreEvidenceWindow *self)
{
  g_autoptr(GError) error = NULL;
  ShoreEvidenceSummary summary;

  if (!load_log (self, &error))
    {
      show_toast (self, error->message);
      return;
    }

  shore_evidence_summarize (self->flat, self->contacts->len, self->flags, &summary);
  update_summary_rows (self, &summary);
  update_rules_rows (self, &summary);
  update_organizations_rows (self, &summary);

  shore_ui_remove_all_children (GTK_WIDGET (self->contacts_list));
  for (guint i = self->contacts->len; i > 0; i--)
    gtk_list_box_append (self->contacts_list, create_contact_row (self, i - 1));

  gtk_stack_set_visible_child_name (self->stack, self->contacts->len > 0 ? "log" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.export-text", self->contacts->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.export-pdf", self->contacts->len > 0);
}

/* ---- Adding, editing, deleting ------------------------------------------- */

static void
on_contact_saved_cb (ShoreEvidenceWindow *self,
                     gint64               contact_id)
{
  reload (self);
}

static void
open_contact_dialog (ShoreEvidenceWindow *self,
                     const ShoreContact  *contact,
                     GArray              *flags)
{
  ShoreContactDialog *dialog = shore_contact_dialog_new (GTK_WINDOW (self), self->store, contact, flags);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_contact_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_contact_dialog (SHORE_EVIDENCE_WINDOW (widget), NULL, NULL);
}

static void
on_contacts_list_row_activated_cb (ShoreEvidenceWindow *self,
                                   GtkListBoxRow       *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "contact-index"));
  g_autoptr(GArray) flags = NULL;

  if (self->contacts == NULL || index >= self->contacts->len)
    return;

  flags = get_contact_flags (self, index);
  open_contact_dialog (self, g_ptr_array_index (self->contacts, index), flags);
}

static void
undo_data_free (gpointer  data,
                GClosure *closure)
{
  UndoData *undo = data;

  g_clear_object (&undo->window);
  g_clear_pointer (&undo->contact, shore_contact_free);
  g_free (undo);
}

static void
on_undo_button_clicked_cb (AdwToast *toast,
                           UndoData *undo)
{
  g_autoptr(GError) error = NULL;

  if (undo->window->store == NULL)
    return;

  if (!shore_evidence_store_restore (undo->window->store, undo->contact, &error))
    show_toast (undo->window, error->message);
  reload (undo->window);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShoreEvidenceWindow *self = SHORE_EVIDENCE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  ShoreContact *deleted = NULL;
  UndoData *undo;
  AdwToast *toast;

  if (!shore_evidence_store_delete (self->store, g_variant_get_int64 (parameter), &deleted, &error))
    {
      show_toast (self, error->message);
      return;
    }
  reload (self);

  undo = g_new0 (UndoData, 1);
  undo->window = g_object_ref (self);
  undo->contact = deleted;
  toast = adw_toast_new (_("Contact deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_button_clicked_cb),
                         undo, undo_data_free, 0);
  add_toast (self, toast);
}

/* ---- Export -------------------------------------------------------------- */

typedef enum {
  EXPORT_TEXT,
  EXPORT_PDF,
} ExportKind;

static char *
get_sheet_text (ShoreEvidenceWindow *self)
{
  ShoreEvidenceSheetInfo info = { NULL, NULL, NULL };
  GDate today;

  shore_ui_get_today (&today);
  info.generated_on = &today;
  return shore_evidence_sheet_text (self->flat, self->contacts->len, self->flags, &info);
}

static gboolean
write_text (ShoreEvidenceWindow *self,
            GFile               *file,
            GError             **error)
{
  g_autofree char *text = get_sheet_text (self);

  /* g_file_replace_contents() writes beside the old file and swaps them: a failure leaves the old one */
  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, NULL, error);
}

/* The PDF is the evidence-sheet handout in the UI's language: the same
 * tables and citations a counselor prints. */
static gboolean
write_pdf (ShoreEvidenceWindow *self,
           GFile               *file,
           GError             **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(ShoreDocument) document = NULL;
  ShoreHandoutOptions options;
  GDate today;

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("A PDF can only be saved in a folder on this computer"));
      return FALSE;
    }

  shore_ui_get_today (&today);
  shore_handout_options_init (&options, SHORE_HANDOUT_EVIDENCE, shore_i18n_ui_language (), &today);
  document = shore_handout_build (self->store, &options, error);
  return document != NULL && shore_document_render_pdf (document, path, error);
}

static void
on_export_chooser_response_cb (ShoreEvidenceWindow *self,
                               int                  response,
                               GtkNativeDialog     *chooser)
{
  ExportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "export-kind"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);   /* the reference from gtk_file_chooser_native_new() */

  if (file == NULL)
    return;

  ok = kind == EXPORT_PDF ? write_pdf (self, file, &error) : write_text (self, file, &error);
  if (ok)
    {
      show_toast (self, _("Evidence sheet saved"));
    }
  else
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save the Evidence Sheet"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
choose_export_file (ShoreEvidenceWindow *self,
                    ExportKind           kind)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf ("shore-evidence-%s.%s", date, kind == EXPORT_PDF ? "pdf" : "txt");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (kind == EXPORT_PDF ? _("Export Evidence Sheet as PDF")
                                                            : _("Export Evidence Sheet"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (kind == EXPORT_PDF)
    {
      /* Translators: a file filter */
      gtk_file_filter_set_name (filter, _("PDF Documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
    }
  else
    {
      /* Translators: a file filter */
      gtk_file_filter_set_name (filter, _("Text Files"));
      gtk_file_filter_add_mime_type (filter, "text/plain");
      gtk_file_filter_add_suffix (filter, "txt");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "export-kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_text_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_export_file (SHORE_EVIDENCE_WINDOW (widget), EXPORT_TEXT);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_export_file (SHORE_EVIDENCE_WINDOW (widget), EXPORT_PDF);
}

/* ---- GObject ------------------------------------------------------------- */

static void
shore_evidence_window_dispose (GObject *object)
{
  ShoreEvidenceWindow *self = SHORE_EVIDENCE_WINDOW (object);

  if (self->last_toast != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->last_toast), (gpointer *) &self->last_toast);
      self->last_toast = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SHORE_TYPE_EVIDENCE_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->flags, g_array_unref);
  g_clear_pointer (&self->flat, g_free);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->loans, g_array_unref);

  G_OBJECT_CLASS (shore_evidence_window_parent_class)->dispose (object);
}

static void
shore_evidence_window_class_init (ShoreEvidenceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shore_evidence_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/shore-evidence-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShoreEvidenceWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ShoreEvidenceWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ShoreEvidenceWindow, summary_list);
  gtk_widget_class_bind_template_child (widget_class, ShoreEvidenceWindow, rules_group);
  gtk_widget_class_bind_template_child (widget_class, ShoreEvidenceWindow, rules_list);
  gtk_widget_class_bind_template_child (widget_class, ShoreEvidenceWindow, organizations_list);
  gtk_widget_class_bind_template_child (widget_class, ShoreEvidenceWindow, contacts_list);
  gtk_widget_class_bind_template_callback (widget_class, on_contacts_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "evidence.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "evidence.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "evidence.export-text", NULL, export_text_action);
  gtk_widget_class_install_action (widget_class, "evidence.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "evidence.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
shore_evidence_window_init (ShoreEvidenceWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->loans = g_array_new (FALSE, FALSE, sizeof (ShoreEvidenceLoan));
}

ShoreEvidenceWindow *
shore_evidence_window_new (GtkWindow  *parent,
                           ShoreStore *store)
{
  ShoreEvidenceWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);

  self = g_object_new (SHORE_TYPE_EVIDENCE_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  reload (self);

  return self;
}
