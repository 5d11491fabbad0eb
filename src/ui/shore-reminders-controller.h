/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shore-reminders.h"
#include "shore-store.h"

G_BEGIN_DECLS

/* How often the running app looks for reminders that have come due. */
#define SHORE_REMINDERS_CONTROLLER_INTERVAL_SECONDS (15 * 60)

#define SHORE_TYPE_REMINDERS_CONTROLLER (shore_reminders_controller_get_type ())
G_DECLARE_FINAL_TYPE (ShoreRemindersController, shore_reminders_controller, SHORE, REMINDERS_CONTROLLER, GObject)

/* Signals:
 *   "open-requested" ()                      the "open" action: show the debts
 *   "payment-recorded" (gint64 loan_id, gint64 amount)   after "mark-paid"
 *   "pending-changed" ()                     shore_reminders_controller_get_pending() changed
 */

/* @settings (nullable): the app's GSettings for the reminder keys; NULL uses
 * the schema defaults. */
ShoreRemindersController *shore_reminders_controller_new          (ShoreStore               *store,
                                                                   GSettings                *settings);
/* Initialises libnotify, checks at once, then every 15 minutes and when the day changes. */
void                      shore_reminders_controller_start        (ShoreRemindersController *self);
/* Stops the timer and uninitialises libnotify. */
void                      shore_reminders_controller_stop         (ShoreRemindersController *self);
/* One check at @now (NULL: the current time): shows what is due, marks it
 * sent. Without a notification server the reminders become pending instead. */
void                      shore_reminders_controller_check        (ShoreRemindersController *self,
                                                                   GDateTime                *now);
/* Handles a notification action ("open", "mark-paid", "snooze") for the
 * reminder with key @id_hint. */
gboolean                  shore_reminders_controller_handle_action (ShoreRemindersController *self,
                                                                    const char               *action,
                                                                    const char               *id_hint,
                                                                    GError                  **error);
/* Reminders that could not be sent as notifications (of ShoreReminder), to
 * show in the window; not yet marked sent. */
GPtrArray                *shore_reminders_controller_get_pending  (ShoreRemindersController *self);
/* Marks the pending reminders as sent and forgets them. */
gboolean                  shore_reminders_controller_dismiss_pending (ShoreRemindersController *self,
                                                                      GError                  **error);
/* How many notifications were shown since creation (for tests). */
guint                     shore_reminders_controller_get_n_shown  (ShoreRemindersController *self);

G_END_DECLS
