/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-reminders"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "shore-debts.h"
#include "shore-ledger.h"
#include "shore-notify.h"
#include "shore-reminders-store.h"

#include "shore-reminders-controller.h"

/* The running app's side of the reminders: the same computation as the login
 * check (`shore reminders`), repeated every 15 minutes and at midnight, with
 * the notifications' actions answered while the app runs. */

struct _ShoreRemindersController
{
  GObject     parent_instance;

  ShoreStore *store;
  GSettings  *settings;

  guint       interval_id;
  guint       midnight_id;
  gboolean    notify_ready;
  gboolean    warned;           /* the no-server warning, once per session */
  guint       n_shown;

  GPtrArray  *pending;          /* of ShoreReminder: no server, shown in the window */
  GPtrArray  *pending_covered;
};

G_DEFINE_FINAL_TYPE (ShoreRemindersController, shore_reminders_controller, G_TYPE_OBJECT)

enum {
  SIGNAL_OPEN_REQUESTED,
  SIGNAL_PAYMENT_RECORDED,
  SIGNAL_PENDING_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static void
date_from_date_time (GDateTime *now,
                     GDate     *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

/* The loan of a reminder key ("due:<loan>:<period>"); 0 for budget keys. */
static gint64
loan_id_from_key (const char *key)
{
  g_auto(GStrv) parts = NULL;

  if (key == NULL || g_str_has_prefix (key, "budget-"))
    return 0;

  parts = g_strsplit (key, ":", 3);
  if (g_strv_length (parts) < 3)
    return 0;

  return g_ascii_strtoll (parts[1], NULL, 10);
}

static void
on_notification_action_cb (ShoreNotification *notification,
                           const char        *action,
                           const char        *id_hint,
                           gpointer           user_data)
{
  ShoreRemindersController *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!shore_reminders_controller_handle_action (self, action, id_hint, &error))
    g_warning ("Could not handle the reminder action “%s” for %s: %s", action, id_hint, error->message);
}

static void
set_pending (ShoreRemindersController *self,
             GPtrArray                *pending,
             GPtrArray                *covered)
{
  gboolean changed = (self->pending != NULL && self->pending->len > 0) ||
                     (pending != NULL && pending->len > 0);

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->pending_covered, g_ptr_array_unref);
  self->pending = pending != NULL ? g_ptr_array_ref (pending) : NULL;
  self->pending_covered = covered != NULL ? g_ptr_array_ref (covered) : NULL;

  if (changed)
    g_signal_emit (self, signals[SIGNAL_PENDING_CHANGED], 0);
}

void
shore_reminders_controller_check (ShoreRemindersController *self,
                                  GDateTime                *now)
{
  ShoreReminderSettings settings;
  g_autoptr(GDateTime) now_local = NULL;
  g_autoptr(GListModel) debts = NULL;
  g_autoptr(GArray) budget_lines = NULL;
  g_autoptr(GHashTable) sent = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) covered = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  g_return_if_fail (SHORE_IS_REMINDERS_CONTROLLER (self));

  now_local = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_local ();
  date_from_date_time (now_local, &today);
  shore_reminder_settings_read (&settings, self->settings);

  debts = shore_debts_list (self->store, &today, &error);
  budget_lines = debts != NULL ? shore_ledger_budget_lines (self->store, g_date_get_year (&today),
                                                            g_date_get_month (&today), &error) : NULL;
  sent = budget_lines != NULL ? shore_reminders_store_load_sent (self->store, now_local, &error) : NULL;
  if (sent == NULL)
    {
      g_warning ("Could not look for reminders: %s", error->message);
      return;
    }

  due = shore_reminders_compute_for_debts (&settings, debts, budget_lines, sent, now_local, &covered);
  shown = g_ptr_array_new ();

  if (due->len > 0 && !self->notify_ready)
    self->notify_ready = shore_notify_init (_("Shore"));

  for (guint i = 0; i < due->len; i++)
    {
      ShoreReminder *reminder = g_ptr_array_index (due, i);
      g_autoptr(ShoreNotification) notification = NULL;
      g_autoptr(GError) notify_error = NULL;

      if (self->notify_ready)
        notification = shore_notify_show (reminder->title, reminder->body, urgency_for (reminder->urgency),
                                          reminder->key, TRUE, on_notification_action_cb, self,
                                          &notify_error);
      if (notification == NULL)
        {
          if (!self->warned)
            {
              g_autofree char *bus = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, NULL);
              const char *why = notify_error != NULL ? notify_error->message : "libnotify could not start";

              /* A desktop without a notification server is worth a warning;
               * no session bus at all (headless, the UI tests) is not. */
              if (bus != NULL)
                g_warning ("Could not show the reminders as notifications, they are shown in the window: %s", why);
              else
                g_message ("No session bus: the reminders are shown in the window (%s)", why);
            }
          self->warned = TRUE;
          break;
        }
      g_ptr_array_add (shown, reminder);
      self->n_shown++;
    }

  if ((shown->len > 0 || (due->len == 0 && covered != NULL && covered->len > 0)) &&
      !shore_reminders_store_mark_sent (self->store, shown, shown->len == due->len ? covered : NULL,
                                        now_local, &error))
    g_warning ("Could not mark the reminders as sent: %s", error->message);

  if (shown->len < due->len)
    {
      /* What could not be sent waits in the window. */
      g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) shore_reminder_free);

      for (guint i = shown->len; i < due->len; i++)
        g_ptr_array_add (pending, g_steal_pointer (&g_ptr_array_index (due, i)));
      g_ptr_array_set_size (due, shown->len);
      set_pending (self, pending, covered);
    }
  else
    {
      set_pending (self, NULL, NULL);
    }
}

static gboolean
on_interval_cb (gpointer user_data)
{
  shore_reminders_controller_check (user_data, NULL);
  return G_SOURCE_CONTINUE;
}

static void schedule_midnight (ShoreRemindersController *self);

static gboolean
on_midnight_cb (gpointer user_data)
{
  ShoreRemindersController *self = user_data;

  self->midnight_id = 0;
  shore_reminders_controller_check (self, NULL);
  schedule_midnight (self);
  return G_SOURCE_REMOVE;
}

/* A check just after the day changes, whatever the 15-minute timer says. */
static void
schedule_midnight (ShoreRemindersController *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);
  GTimeSpan until = g_date_time_difference (tomorrow, now);
  guint seconds = (guint) (until / G_TIME_SPAN_SECOND) + 1;

  g_clear_handle_id (&self->midnight_id, g_source_remove);
  self->midnight_id = g_timeout_add_seconds (seconds, on_midnight_cb, self);
}

void
shore_reminders_controller_start (ShoreRemindersController *self)
{
  g_return_if_fail (SHORE_IS_REMINDERS_CONTROLLER (self));

  if (self->interval_id != 0)
    return;

  if (!self->notify_ready)
    self->notify_ready = shore_notify_init (_("Shore"));
  shore_reminders_controller_check (self, NULL);
  self->interval_id = g_timeout_add_seconds (SHORE_REMINDERS_CONTROLLER_INTERVAL_SECONDS, on_interval_cb, self);
  schedule_midnight (self);
}

void
shore_reminders_controller_stop (ShoreRemindersController *self)
{
  g_return_if_fail (SHORE_IS_REMINDERS_CONTROLLER (self));

  g_clear_handle_id (&self->interval_id, g_source_remove);
  g_clear_handle_id (&self->midnight_id, g_source_remove);
  if (self->notify_ready)
    shore_notify_uninit ();
  self->notify_ready = FALSE;
}

static gboolean
record_payment (ShoreRemindersController  *self,
                gint64                     loan_id,
                GError                   **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GListModel) debts = NULL;
  ShorePayment payment = { 0 };
  const ShoreLoanStatus *status = NULL;
  GDate today;

  date_from_date_time (now, &today);
  debts = shore_debts_list (self->store, &today, error);
  if (debts == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (debts); i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (debts, i);

      if (shore_debt_get_id (debt) == loan_id)
        {
          status = shore_debt_get_status (debt);
          payment.amount = status->next_due_amount;
          break;
        }
    }

  if (status == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No loan %" G_GINT64_FORMAT, loan_id);
      return FALSE;
    }
  if (payment.amount <= 0)
    return TRUE;   /* already paid: nothing to record */

  payment.date = today;
  if (!shore_debts_add_payment (self->store, loan_id, &payment, error))
    return FALSE;

  g_signal_emit (self, signals[SIGNAL_PAYMENT_RECORDED], 0, loan_id, payment.amount);
  return TRUE;
}

gboolean
shore_reminders_controller_handle_action (ShoreRemindersController  *self,
                                          const char                *action,
                                          const char                *id_hint,
                                          GError                   **error)
{
  gint64 loan_id;

  g_return_val_if_fail (SHORE_IS_REMINDERS_CONTROLLER (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  loan_id = loan_id_from_key (id_hint);

  if (g_strcmp0 (action, SHORE_NOTIFY_ACTION_OPEN) == 0)
    {
      g_signal_emit (self, signals[SIGNAL_OPEN_REQUESTED], 0);
      return TRUE;
    }
  else if (g_strcmp0 (action, SHORE_NOTIFY_ACTION_MARK_PAID) == 0)
    {
      if (loan_id <= 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "Not a loan reminder: %s", id_hint);
          return FALSE;
        }
      return record_payment (self, loan_id, error);
    }
  else if (g_strcmp0 (action, SHORE_NOTIFY_ACTION_SNOOZE) == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) until = shore_reminders_snooze_until (now);

      return shore_reminders_store_snooze (self->store, id_hint, loan_id, until, error);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Unknown action %s", action);
  return FALSE;
}

GPtrArray *
shore_reminders_controller_get_pending (ShoreRemindersController *self)
{
  g_return_val_if_fail (SHORE_IS_REMINDERS_CONTROLLER (self), NULL);

  return self->pending;
}

gboolean
shore_reminders_controller_dismiss_pending (ShoreRemindersController  *self,
                                            GError                   **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (SHORE_IS_REMINDERS_CONTROLLER (self), FALSE);

  if (self->pending == NULL || self->pending->len == 0)
    return TRUE;

  if (!shore_reminders_store_mark_sent (self->store, self->pending, self->pending_covered, now, error))
    return FALSE;

  set_pending (self, NULL, NULL);
  return TRUE;
}

guint
shore_reminders_controller_get_n_shown (ShoreRemindersController *self)
{
  g_return_val_if_fail (SHORE_IS_REMINDERS_CONTROLLER (self), 0);

  return self->n_shown;
}

static void
shore_reminders_controller_dispose (GObject *object)
{
  ShoreRemindersController *self = SHORE_REMINDERS_CONTROLLER (object);

  shore_reminders_controller_stop (self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->pending_covered, g_ptr_array_unref);

  G_OBJECT_CLASS (shore_reminders_controller_parent_class)->dispose (object);
}

static void
shore_reminders_controller_class_init (ShoreRemindersControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = shore_reminders_controller_dispose;

  signals[SIGNAL_OPEN_REQUESTED] =
    g_signal_new ("open-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_PAYMENT_RECORDED] =
    g_signal_new ("payment-recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[SIGNAL_PENDING_CHANGED] =
    g_signal_new ("pending-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
shore_reminders_controller_init (ShoreRemindersController *self)
{
}

ShoreRemindersController *
shore_reminders_controller_new (ShoreStore *store,
                                GSettings  *settings)
{
  ShoreRemindersController *self;

  g_return_val_if_fail (store != NULL, NULL);

  self = g_object_new (SHORE_TYPE_REMINDERS_CONTROLLER, NULL);
  self->store = g_object_ref (store);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  return self;
}
