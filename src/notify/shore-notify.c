/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-notify"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "shore-notify.h"

#define SHORE_NOTIFY_CATEGORY "x-shore.reminder"

struct _ShoreNotification
{
  GObject                parent_instance;

  NotifyNotification    *notification;
  char                  *id_hint;
  ShoreNotifyActionFunc  func;
  gpointer               data;
  gboolean               has_actions;
};

G_DEFINE_FINAL_TYPE (ShoreNotification, shore_notification, G_TYPE_OBJECT)

G_DEFINE_QUARK (shore-notify-error-quark, shore_notify_error)

/* Every ShoreNotification alive, so uninit can release them while libnotify still
 * has its proxy (a NotifyNotification finalized after notify_uninit() warns). */
static GList *live_notifications;

static NotifyUrgency
map_urgency (ShoreNotifyUrgency urgency)
{
  switch (urgency)
    {
    case SHORE_NOTIFY_URGENCY_LOW:
      return NOTIFY_URGENCY_LOW;
    case SHORE_NOTIFY_URGENCY_CRITICAL:
      return NOTIFY_URGENCY_CRITICAL;
    case SHORE_NOTIFY_URGENCY_NORMAL:
    default:
      return NOTIFY_URGENCY_NORMAL;
    }
}

#define NOTIFICATIONS_NAME  "org.freedesktop.Notifications"
#define NOTIFICATIONS_PATH  "/org/freedesktop/Notifications"
#define SERVER_TIMEOUT_MSEC 5000

/* Asks the server directly rather than through notify_get_server_caps(): that one
 * cannot report failure and libnotify logs its own warning when no server answers,
 * while the caller should log exactly one. */
static gboolean
query_server_actions (gboolean  *has_actions,
                      GError   **error)
{
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autofree const char **caps = NULL;
  g_autoptr(GError) local_error = NULL;

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &local_error);
  if (connection != NULL)
    reply = g_dbus_connection_call_sync (connection, NOTIFICATIONS_NAME, NOTIFICATIONS_PATH,
                                         NOTIFICATIONS_NAME, "GetCapabilities", NULL,
                                         G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE,
                                         SERVER_TIMEOUT_MSEC, NULL, &local_error);
  if (reply == NULL)
    {
      g_dbus_error_strip_remote_error (local_error);
      g_set_error (error, SHORE_NOTIFY_ERROR, SHORE_NOTIFY_ERROR_NO_SERVER,
                   "No notification server answered: %s", local_error->message);
      return FALSE;
    }

  g_variant_get (reply, "(^a&s)", &caps);
  *has_actions = g_strv_contains (caps, "actions");
  return TRUE;
}

static void
on_notification_action_cb (NotifyNotification *notification,
                           char               *action,
                           gpointer            user_data)
{
  ShoreNotification *self = SHORE_NOTIFICATION (user_data);
  const char *name = action;

  if (g_strcmp0 (action, "default") == 0)
    name = SHORE_NOTIFY_ACTION_OPEN;

  g_object_ref (self);
  if (self->func != NULL)
    self->func (self, name, self->id_hint, self->data);
  g_object_unref (self);
}

static void
on_notification_closed_cb (NotifyNotification *notification,
                           gpointer            user_data)
{
  ShoreNotification *self = SHORE_NOTIFICATION (user_data);

  /* The actions' references kept self alive while shown; dropping them may free self. */
  g_signal_handlers_disconnect_by_func (notification, on_notification_closed_cb, self);
  notify_notification_clear_actions (notification);
}

static void
add_actions (ShoreNotification *self)
{
  NotifyNotification *notification = self->notification;

  /* Each action's user data holds a reference to self, so self outlives the caller's
   * reference while the notification is shown; the "closed" signal breaks the cycle. */
  notify_notification_add_action (notification, "default", _("Open"),
                                  on_notification_action_cb,
                                  g_object_ref (self), g_object_unref);
  notify_notification_add_action (notification, SHORE_NOTIFY_ACTION_OPEN, _("Open"),
                                  on_notification_action_cb,
                                  g_object_ref (self), g_object_unref);
  notify_notification_add_action (notification, SHORE_NOTIFY_ACTION_MARK_PAID, _("Mark Paid"),
                                  on_notification_action_cb,
                                  g_object_ref (self), g_object_unref);
  /* Translators: a notification button that postpones the reminder by one day. */
  notify_notification_add_action (notification, SHORE_NOTIFY_ACTION_SNOOZE, _("Snooze 1 Day"),
                                  on_notification_action_cb,
                                  g_object_ref (self), g_object_unref);
  self->has_actions = TRUE;
}

static void
release_notification (ShoreNotification *self)
{
  NotifyNotification *notification = g_steal_pointer (&self->notification);

  if (notification == NULL)
    return;

  g_signal_handlers_disconnect_by_func (notification, on_notification_closed_cb, self);
  self->has_actions = FALSE;
  /* May drop the last reference to self. */
  notify_notification_clear_actions (notification);
  g_object_unref (notification);
}

static void
shore_notification_finalize (GObject *object)
{
  ShoreNotification *self = SHORE_NOTIFICATION (object);

  live_notifications = g_list_remove (live_notifications, self);
  g_clear_object (&self->notification);
  g_clear_pointer (&self->id_hint, g_free);

  G_OBJECT_CLASS (shore_notification_parent_class)->finalize (object);
}

static void
shore_notification_class_init (ShoreNotificationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shore_notification_finalize;
}

static void
shore_notification_init (ShoreNotification *self)
{
}

/**
 * shore_notify_init:
 * @app_name: the application name shown by the notification server
 *
 * Initializes libnotify. Does not talk to the bus yet.
 *
 * Returns: %TRUE on success
 */
gboolean
shore_notify_init (const char *app_name)
{
  g_return_val_if_fail (app_name != NULL, FALSE);

  if (notify_is_initted ())
    {
      notify_set_app_name (app_name);
      return TRUE;
    }

  return notify_init (app_name);
}

/**
 * shore_notify_uninit:
 *
 * Shuts libnotify down; safe to call when not initialized. Notifications still
 * alive stop delivering actions and shore_notification_close() fails on them.
 */
void
shore_notify_uninit (void)
{
  GList *live = g_list_copy (live_notifications);

  g_list_foreach (live, (GFunc) (void (*) (void)) g_object_ref, NULL);
  for (GList *l = live; l != NULL; l = l->next)
    release_notification (l->data);
  g_list_free_full (live, g_object_unref);

  if (notify_is_initted ())
    notify_uninit ();
}

/**
 * shore_notify_show:
 * @title: the summary line
 * @body: (nullable): the body text
 * @urgency: how urgent the reminder is
 * @id_hint: (nullable): what the notification is about (e.g. a loan id), passed back to @func
 * @with_actions: whether to offer Open, Mark Paid and Snooze 1 Day; only honoured when the
 *   server supports actions and the application is running to receive them
 * @func: (nullable): called with "open", "mark-paid" or "snooze"; needs a running main loop
 * @data: user data for @func
 * @error: return location for a #GError
 *
 * Sends a notification. When no server answers, returns %NULL and sets
 * %SHORE_NOTIFY_ERROR_NO_SERVER; the caller logs it once and carries on.
 *
 * Returns: (transfer full) (nullable): the notification
 */
ShoreNotification *
shore_notify_show (const char            *title,
                   const char            *body,
                   ShoreNotifyUrgency     urgency,
                   const char            *id_hint,
                   gboolean               with_actions,
                   ShoreNotifyActionFunc  func,
                   gpointer               data,
                   GError               **error)
{
  g_autoptr(ShoreNotification) self = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean server_actions = FALSE;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!notify_is_initted ())
    {
      g_set_error_literal (error, SHORE_NOTIFY_ERROR, SHORE_NOTIFY_ERROR_NOT_INITIALIZED,
                           "Notifications are not initialized");
      return NULL;
    }

  if (!query_server_actions (&server_actions, error))
    return NULL;

  self = g_object_new (SHORE_TYPE_NOTIFICATION, NULL);
  live_notifications = g_list_prepend (live_notifications, self);
  self->id_hint = g_strdup (id_hint);
  self->func = func;
  self->data = data;
  self->notification = notify_notification_new (title, body, APP_ID);

  notify_notification_set_urgency (self->notification, map_urgency (urgency));
  notify_notification_set_category (self->notification, SHORE_NOTIFY_CATEGORY);
  notify_notification_set_hint_string (self->notification, "desktop-entry", APP_ID);

  if (with_actions && server_actions)
    add_actions (self);

  if (!notify_notification_show (self->notification, &local_error))
    {
      /* Break the action references so self is freed. */
      notify_notification_clear_actions (self->notification);
      self->has_actions = FALSE;
      g_set_error (error, SHORE_NOTIFY_ERROR, SHORE_NOTIFY_ERROR_NO_SERVER,
                   "No notification server answered: %s", local_error->message);
      return NULL;
    }

  if (self->has_actions)
    g_signal_connect (self->notification, "closed",
                      G_CALLBACK (on_notification_closed_cb), self);

  return g_steal_pointer (&self);
}

/**
 * shore_notification_get_id_hint:
 * @self: a #ShoreNotification
 *
 * Returns: (nullable): the id hint given to shore_notify_show()
 */
const char *
shore_notification_get_id_hint (ShoreNotification *self)
{
  g_return_val_if_fail (SHORE_IS_NOTIFICATION (self), NULL);

  return self->id_hint;
}

/**
 * shore_notification_has_actions:
 * @self: a #ShoreNotification
 *
 * Returns: whether the notification was sent with actions
 */
gboolean
shore_notification_has_actions (ShoreNotification *self)
{
  g_return_val_if_fail (SHORE_IS_NOTIFICATION (self), FALSE);

  return self->has_actions;
}

/**
 * shore_notification_close:
 * @self: a #ShoreNotification
 * @error: return location for a #GError
 *
 * Asks the server to withdraw the notification.
 *
 * Returns: %TRUE on success
 */
gboolean
shore_notification_close (ShoreNotification  *self,
                          GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SHORE_IS_NOTIFICATION (self), FALSE);

  if (self->notification == NULL)
    {
      g_set_error_literal (error, SHORE_NOTIFY_ERROR, SHORE_NOTIFY_ERROR_NOT_INITIALIZED,
                           "Notifications were shut down");
      return FALSE;
    }

  if (!notify_notification_close (self->notification, &local_error))
    {
      g_set_error (error, SHORE_NOTIFY_ERROR, SHORE_NOTIFY_ERROR_NO_SERVER,
                   "No notification server answered: %s", local_error->message);
      return FALSE;
    }

  return TRUE;
}
