/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shore-reminders.h"
#include "shore-store.h"

G_BEGIN_DECLS

/* The keys of reminders already sent, as a set of strings, for
 * shore_reminders_compute(). A snoozed key whose time has come (snoozed
 * until @now or earlier) is left out, so that it is shown again. */
GHashTable *shore_reminders_store_load_sent (ShoreStore  *store,
                                             GDateTime   *now,
                                             GError     **error);
/* Records @shown and @covered (both nullable, of ShoreReminder) as sent at
 * @now, in one transaction; a key sent again (after a snooze) is updated and
 * its snooze cleared. */
gboolean    shore_reminders_store_mark_sent (ShoreStore  *store,
                                             GPtrArray   *shown,
                                             GPtrArray   *covered,
                                             GDateTime   *now,
                                             GError     **error);
/* Hides @key until @until (see shore_reminders_snooze_until()). */
gboolean    shore_reminders_store_snooze    (ShoreStore  *store,
                                             const char  *key,
                                             gint64       loan_id,
                                             GDateTime   *until,
                                             GError     **error);

G_END_DECLS
