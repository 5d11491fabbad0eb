/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-cli"

#include "config.h"

#include <stdio.h>

#include <glib.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "shore-cli.h"
#include "shore-cli-common.h"
#include "shore-debts.h"
#include "shore-ledger.h"
#include "shore-notify.h"
#include "shore-paths.h"
#include "shore-reminders-store.h"
#include "shore-reminders.h"
#include "shore-store.h"

/* `shore reminders`: sends the notifications that are due now and exits.
 * The XDG autostart entry runs it at login (with --autostart, which obeys
 * the "check at login" preference), so reminders arrive with the window
 * closed. Without a notification server nothing is marked sent: the app
 * shows them when it is next opened. */

static void
read_settings (ShoreReminderSettings *out,
               gboolean              *out_autostart)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  /* The schema may not be installed on this machine: its defaults then. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    settings = g_settings_new (APP_ID);

  shore_reminder_settings_read (out, settings);
  *out_autostart = settings != NULL ? g_settings_get_boolean (settings, "autostart-reminders") : TRUE;
}

static ShoreNotifyUrgency
urgency_for (ShoreReminderUrgency urgency)
{
  switch (urgency)
    {
    case SHORE_REMINDER_URGENCY_LOW:
      return SHORE_NOTIFY_URGENCY_LOW;
    case SHORE_REMINDER_URGENCY_CRITICAL:
      return SHORE_NOTIFY_URGENCY_CRITICAL;
    case SHORE_REMINDER_URGENCY_NORMAL:
    default:
      return SHORE_NOTIFY_URGENCY_NORMAL;
    }
}

int
shore_cli_reminders_run (int    argc,
                         char **argv)
{
  ShoreCliCommand cmd;
  ShoreReminderSettings settings;
  g_autoptr(ShoreStore) store = NULL;
  g_autoptr(GListModel) debts = NULL;
  g_autoptr(GArray) budget_lines = NULL;
  g_autoptr(GHashTable) sent = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) covered = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  gboolean dry_run = FALSE;
  gboolean autostart_run = FALSE;
  gboolean autostart = TRUE;
  gboolean notify_ready = FALSE;
  GDate today;
  int status = SHORE_CLI_EXIT_OK;

  shore_cli_command_init (&cmd, "reminders", "shore reminders [--dry-run] [--autostart]",
                          N_("Send the repayment and budget reminders that are due now, then exit. The autostart entry runs this at login."));
  shore_cli_command_add_flag (&cmd, "dry-run", &dry_run,
                              N_("Print the reminders that are due instead of sending them; nothing is marked as sent"));
  shore_cli_command_add_flag (&cmd, "autostart", &autostart_run,
                              N_("Run as the login check: do nothing when checking at login is turned off in Preferences"));

  if (!shore_cli_command_parse (&cmd, argc, argv, &status))
    goto out;

  read_settings (&settings, &autostart);
  if (autostart_run && !autostart)
    goto out;

  now = g_date_time_new_now_local ();
  shore_cli_today (&today);

  data_dir = shore_paths_resolve_data_dir (cmd.data_dir);
  store = shore_store_open (data_dir, &error);
  if (store == NULL)
    {
      status = shore_cli_fail_error (error);
      goto out;
    }

  debts = shore_debts_list (store, &today, &error);
  budget_lines = debts != NULL ? shore_ledger_budget_lines (store, g_date_get_year (&today),
                                                            g_date_get_month (&today), &error) : NULL;
  sent = budget_lines != NULL ? shore_reminders_store_load_sent (store, now, &error) : NULL;
  if (sent == NULL)
    {
      status = shore_cli_fail_error (error);
      goto out;
    }

  due = shore_reminders_compute_for_debts (&settings, debts, budget_lines, sent, now, &covered);
  shown = g_ptr_array_new ();

  if (!dry_run && due->len > 0)
    notify_ready = shore_notify_init (_("Shore"));

  for (guint i = 0; i < due->len; i++)
    {
      ShoreReminder *reminder = g_ptr_array_index (due, i);
      g_autoptr(ShoreNotification) notification = NULL;
      g_autoptr(GError) notify_error = NULL;

      if (dry_run)
        {
          printf ("%s\n%s\n\n", reminder->title, reminder->body);
          continue;
        }

      if (notify_ready)
        notification = shore_notify_show (reminder->title, reminder->body, urgency_for (reminder->urgency),
                                          reminder->key, FALSE, NULL, NULL, &notify_error);
      if (notification == NULL)
        {
          /* One warning; the reminders stay unsent, so the app shows them. */
          g_warning ("Could not show the reminders, they will be shown in Shore: %s",
                     notify_error != NULL ? notify_error->message : "libnotify could not start");
          break;
        }
      g_ptr_array_add (shown, reminder);
    }

  if (!dry_run && (shown->len > 0 || (due->len == 0 && covered != NULL && covered->len > 0)) &&
      !shore_reminders_store_mark_sent (store, shown, shown->len == due->len ? covered : NULL, now, &error))
    status = shore_cli_fail_error (error);

  if (notify_ready)
    shore_notify_uninit ();

out:
  shore_cli_command_clear (&cmd);
  return status;
}
