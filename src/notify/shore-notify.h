/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SHORE_NOTIFY_ERROR (shore_notify_error_quark ())

typedef enum {
  SHORE_NOTIFY_ERROR_NOT_INITIALIZED,
  SHORE_NOTIFY_ERROR_NO_SERVER,
} ShoreNotifyError;

/* Reminder stages map onto these; the caller decides which stage is which. */
typedef enum {
  SHORE_NOTIFY_URGENCY_LOW,
  SHORE_NOTIFY_URGENCY_NORMAL,
  SHORE_NOTIFY_URGENCY_CRITICAL,
} ShoreNotifyUrgency;

/* Action names passed to ShoreNotifyActionFunc ("default" arrives as "open"). */
#define SHORE_NOTIFY_ACTION_OPEN      "open"
#define SHORE_NOTIFY_ACTION_MARK_PAID "mark-paid"
#define SHORE_NOTIFY_ACTION_SNOOZE    "snooze"

#define SHORE_TYPE_NOTIFICATION (shore_notification_get_type ())
G_DECLARE_FINAL_TYPE (ShoreNotification, shore_notification, SHORE, NOTIFICATION, GObject)

typedef void (*ShoreNotifyActionFunc) (ShoreNotification *notification,
                                       const char        *action,
                                       const char        *id_hint,
                                       gpointer           user_data);

GQuark             shore_notify_error_quark   (void);

gboolean           shore_notify_init          (const char             *app_name);
void               shore_notify_uninit        (void);
ShoreNotification *shore_notify_show          (const char             *title,
                                               const char             *body,
                                               ShoreNotifyUrgency      urgency,
                                               const char             *id_hint,
                                               gboolean                with_actions,
                                               ShoreNotifyActionFunc   func,
                                               gpointer                data,
                                               GError                **error);

const char        *shore_notification_get_id_hint (ShoreNotification *self);
gboolean           shore_notification_has_actions (ShoreNotification *self);
gboolean           shore_notification_close       (ShoreNotification  *self,
                                                   GError            **error);

G_END_DECLS
