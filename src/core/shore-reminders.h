/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shore-ledger.h"
#include "shore-loan.h"
#include "shore-schedule.h"

G_BEGIN_DECLS

/**
 * ShoreReminderKind:
 *
 * What a reminder is about, loan kinds in the order they escalate.
 */
typedef enum {
  SHORE_REMINDER_DUE_SOON,      /* the lead days before the due date */
  SHORE_REMINDER_DUE_TODAY,
  SHORE_REMINDER_GRACE_ENDS,    /* the last grace day: penalty interest from tomorrow */
  SHORE_REMINDER_OVERDUE_7,
  SHORE_REMINDER_OVERDUE_30,
  SHORE_REMINDER_OVERDUE_60,
  SHORE_REMINDER_OVERDUE_90,
  SHORE_REMINDER_BUDGET_90,     /* a budget is 90 % spent */
  SHORE_REMINDER_BUDGET_100,    /* a budget is used up */
} ShoreReminderKind;

typedef enum {
  SHORE_REMINDER_URGENCY_LOW,
  SHORE_REMINDER_URGENCY_NORMAL,
  SHORE_REMINDER_URGENCY_CRITICAL,
} ShoreReminderUrgency;

/**
 * ShoreReminderSettings:
 * @enabled: the "reminders-enabled" key
 * @lead_days: the "reminder-lead-days" key, 0 … 30
 * @quiet_start_hour: "quiet-hours-start", 0 … 23
 * @quiet_end_hour: "quiet-hours-end", 0 … 23; equal to the start: no quiet
 *   hours; smaller than the start: quiet hours run past midnight
 */
typedef struct
{
  gboolean enabled;
  int      lead_days;
  int      quiet_start_hour;
  int      quiet_end_hour;
} ShoreReminderSettings;

/**
 * ShoreReminderLoan:
 *
 * One loan as input: its terms and its payments (borrowed, not copied).
 */
typedef struct
{
  const ShoreLoan    *loan;
  const ShorePayment *payments;
  guint               n_payments;
} ShoreReminderLoan;

/**
 * ShoreReminder:
 * @key: stable identity: "due-soon:<loan>:<period>", "due:…", "grace-ends:…",
 *   "overdue-7:…", "overdue-30:…", "overdue-60:…", "overdue-90:…",
 *   "budget-90:<category>:<YYYY-MM>", "budget-100:…"
 * @loan_id: 0 for budget reminders
 * @period: the installment, 0 for budget reminders
 * @category_id: budget reminders: the category, 0 for the overall budget
 * @title: translated, one line
 * @body: translated, says what happens next
 * @due_date: the installment's due date; invalid for budget reminders
 *
 * Free with shore_reminder_free().
 */
typedef struct
{
  char                 *key;
  ShoreReminderKind     kind;
  gint64                loan_id;
  int                   period;
  gint64                category_id;
  ShoreReminderUrgency  urgency;
  char                 *title;
  char                 *body;
  GDate                 due_date;
} ShoreReminder;

void        shore_reminder_free              (ShoreReminder               *reminder);
const char *shore_reminder_kind_to_string    (ShoreReminderKind            kind); /* "due-soon", "due", … "budget-100" */

/* The reminder keys of the app's @settings; %NULL: the schema's defaults. */
void        shore_reminder_settings_read     (ShoreReminderSettings       *out,
                                              GSettings                   *settings);

gboolean    shore_reminders_in_quiet_hours   (const ShoreReminderSettings *settings,
                                              GDateTime                   *now);
/* @now plus one day. */
GDateTime  *shore_reminders_snooze_until     (GDateTime                   *now);

/* What is due at @now (local time) and not in @sent (keys, may be NULL).
 * Per loan only its most advanced pending reminder is returned; the others
 * pending for that loan (and a pending budget-90 beside a budget-100) go to
 * @out_covered, to be stored as sent without being shown. Nothing while
 * disabled or in quiet hours. Loans that cannot be computed are skipped with
 * a warning. Both arrays own their ShoreReminders. */
GPtrArray  *shore_reminders_compute          (const ShoreReminderSettings *settings,
                                              const ShoreReminderLoan     *loans,
                                              guint                        n_loans,
                                              const ShoreBudgetLine       *budget_lines,
                                              guint                        n_budget_lines,
                                              GHashTable                  *sent,
                                              GDateTime                   *now,
                                              GPtrArray                  **out_covered);
/* The same from a GListModel of ShoreDebt (shore_debts_list()) and a GArray
 * of ShoreBudgetLine of the current month (may be NULL). */
GPtrArray  *shore_reminders_compute_for_debts (const ShoreReminderSettings *settings,
                                               GListModel                  *debts,
                                               GArray                      *budget_lines,
                                               GHashTable                  *sent,
                                               GDateTime                   *now,
                                               GPtrArray                  **out_covered);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoreReminder, shore_reminder_free)

G_END_DECLS
