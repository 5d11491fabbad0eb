/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-reminders"

#include "config.h"

#include <glib.h>
#include "shore-intl.h"
#include <gio/gio.h>

#include "shore-debts.h"
#include "shore-money.h"
#include "shore-reminders.h"

/* Pure: what reminders are due, from the loans, the budgets, what was
 * already sent and the time. Sending and storing are the caller's. The legal
 * wording follows legal-facts.md §2, §3 and §6 and stays short: reminders
 * point the way, the guide explains.
 */

#define N_LOAN_KINDS (SHORE_REMINDER_OVERDUE_90 + 1)

void
shore_reminder_free (ShoreReminder *reminder)
{
  if (reminder == NULL)
    return;

  g_free (reminder->key);
  g_free (reminder->title);
  g_free (reminder->body);
  g_free (reminder);
}

/**
 * shore_reminder_kind_to_string:
 * @kind: a #ShoreReminderKind
 *
 * Returns: the kind's part of a reminder key
 */
const char *
shore_reminder_kind_to_string (ShoreReminderKind kind)
{
  switch (kind)
    {
    case SHORE_REMINDER_DUE_SOON:   return "due-soon";
    case SHORE_REMINDER_DUE_TODAY:  return "due";
    case SHORE_REMINDER_GRACE_ENDS: return "grace-ends";
    case SHORE_REMINDER_OVERDUE_7:  return "overdue-7";
    case SHORE_REMINDER_OVERDUE_30: return "overdue-30";
    case SHORE_REMINDER_OVERDUE_60: return "overdue-60";
    case SHORE_REMINDER_OVERDUE_90: return "overdue-90";
    case SHORE_REMINDER_BUDGET_90:  return "budget-90";
    case SHORE_REMINDER_BUDGET_100: return "budget-100";
    default:
      g_return_val_if_reached ("");
    }
}

static ShoreReminderUrgency
urgency_for_kind (ShoreReminderKind kind)
{
  switch (kind)
    {
    case SHORE_REMINDER_DUE_SOON:
    case SHORE_REMINDER_BUDGET_90:
      return SHORE_REMINDER_URGENCY_LOW;
    case SHORE_REMINDER_DUE_TODAY:
    case SHORE_REMINDER_GRACE_ENDS:
    case SHORE_REMINDER_OVERDUE_7:
    case SHORE_REMINDER_BUDGET_100:
      return SHORE_REMINDER_URGENCY_NORMAL;
    case SHORE_REMINDER_OVERDUE_30:
    case SHORE_REMINDER_OVERDUE_60:
    case SHORE_REMINDER_OVERDUE_90:
    default:
      return SHORE_REMINDER_URGENCY_CRITICAL;
    }
}

/**
 * shore_reminder_settings_read:
 * @out: (out): the settings
 * @settings: (nullable): the application's #GSettings, or %NULL where its
 *   schema is not installed
 *
 * Reads the reminder keys of @settings; without @settings, the schema's
 * defaults.
 */
void
shore_reminder_settings_read (ShoreReminderSettings *out,
                              GSettings             *settings)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  /* The schema's defaults. */
  out->enabled = TRUE;
  out->lead_days = 3;
  out->quiet_start_hour = 22;
  out->quiet_end_hour = 8;

  if (settings == NULL)
    return;

  out->enabled = g_settings_get_boolean (settings, "reminders-enabled");
  out->lead_days = g_settings_get_int (settings, "reminder-lead-days");
  out->quiet_start_hour = g_settings_get_int (settings, "quiet-hours-start");
  out->quiet_end_hour = g_settings_get_int (settings, "quiet-hours-end");
}

/**
 * shore_reminders_in_quiet_hours:
 * @settings: the reminder settings
 * @now: the local time
 *
 * Returns: %TRUE if @now falls in the quiet hours [start, end), which may
 *   run past midnight; never when start equals end
 */
gboolean
shore_reminders_in_quiet_hours (const ShoreReminderSettings *settings,
                                GDateTime                   *now)
{
  int hour;

  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  hour = g_date_time_get_hour (now);
  if (settings->quiet_start_hour == settings->quiet_end_hour)
    return FALSE;
  if (settings->quiet_start_hour < settings->quiet_end_hour)
    return hour >= settings->quiet_start_hour && hour < settings->quiet_end_hour;
  return hour >= settings->quiet_start_hour || hour < settings->quiet_end_hour;
}

/**
 * shore_reminders_snooze_until:
 * @now: the time of snoozing
 *
 * Returns: (transfer full): when a snoozed reminder comes back: a day later
 */
GDateTime *
shore_reminders_snooze_until (GDateTime *now)
{
  g_return_val_if_fail (now != NULL, NULL);

  return g_date_time_add_days (now, 1);
}

/* Wording */

static void
word_loan (ShoreReminder *r,
           const char    *lender,
           gint64         amount,
           int            days_until_due)
{
  g_autofree char *money = shore_money_format (amount);
  g_autofree char *date = shore_date_format_iso (&r->due_date);

  switch (r->kind)
    {
    case SHORE_REMINDER_DUE_SOON:
      r->title = g_strdup_printf (shore_ngettext (
                                                  /* Translators: a reminder's title; %1$s is a lender, %2$d a number of days */
                                                  "%1$s: repayment due in %2$d day",
                                                  "%1$s: repayment due in %2$d days",
                                                  days_until_due),
                                  lender, days_until_due);
      /* Translators: a reminder; %1$s is an amount of money, %2$s a date such as 2026-12-15 */
      r->body = g_strdup_printf (_("%1$s is due on %2$s. Setting the money aside now keeps the payment on time."),
                                 money, date);
      break;

    case SHORE_REMINDER_DUE_TODAY:
      /* Translators: a reminder's title; %s is a lender */
      r->title = g_strdup_printf (_("%s: repayment due today"), lender);
      /* Translators: a reminder; %s is an amount of money */
      r->body = g_strdup_printf (_("%s is due today. If you cannot pay it all, pay what you can and tell the lender today: from tomorrow the installment is overdue."),
                                 money);
      break;

    case SHORE_REMINDER_GRACE_ENDS:
      /* Translators: a reminder's title; %s is a lender */
      r->title = g_strdup_printf (_("%s: grace period ends today"), lender);
      /* Translators: a reminder; %1$s is an amount of money, %2$s a date such as 2026-12-15 */
      r->body = g_strdup_printf (_("%1$s due on %2$s is still unpaid. From tomorrow penalty interest is charged on it, counted from the due date, at the rate in your contract (banks usually add 30–50 %% to the loan rate)."),
                                 money, date);
      break;

    case SHORE_REMINDER_OVERDUE_7:
      /* Translators: a reminder's title; %s is a lender */
      r->title = g_strdup_printf (_("%s: 7 days overdue"), lender);
      /* Translators: a reminder; %1$s is an amount of money, %2$s a date such as 2026-12-15 */
      r->body = g_strdup_printf (_("%1$s due on %2$s is a week overdue and penalty interest grows every day. By law the lender must tell you before reporting it to the credit bureau (Credit Reporting Regulation, Art. 15). Contacting the lender now about a plan is the cheapest way out."),
                                 money, date);
      break;

    case SHORE_REMINDER_OVERDUE_30:
      /* Translators: a reminder's title; %s is a lender */
      r->title = g_strdup_printf (_("%s: 30 days overdue"), lender);
      /* Translators: a reminder; %1$s is an amount of money, %2$s a date such as 2026-12-15 */
      r->body = g_strdup_printf (_("%1$s due on %2$s is a month overdue. Lenders typically move to phone collection now (practice, not law). Once reported, a missed payment stays on your credit record for 5 years after the debt is cleared (law). You can still ask for an installment plan."),
                                 money, date);
      break;

    case SHORE_REMINDER_OVERDUE_60:
      /* Translators: a reminder's title; %s is a lender */
      r->title = g_strdup_printf (_("%s: 60 days overdue"), lender);
      /* Translators: a reminder; %1$s is an amount of money, %2$s a date such as 2026-12-15 */
      r->body = g_strdup_printf (_("%1$s due on %2$s is two months overdue. Letters, visits or a lawyer’s letter are common at this stage (practice, not law). Negotiating is still possible; keep a record of every contact."),
                                 money, date);
      break;

    case SHORE_REMINDER_OVERDUE_90:
      /* Translators: a reminder's title; %s is a lender */
      r->title = g_strdup_printf (_("%s: 90 days overdue"), lender);
      /* Translators: a reminder; %1$s is an amount of money, %2$s a date such as 2026-12-15 */
      r->body = g_strdup_printf (_("%1$s due on %2$s is three months overdue. Lenders often hand the debt to an outside agency or consider a lawsuit now (practice, not law). See the guide for your rights and for where to get help."),
                                 money, date);
      break;

    case SHORE_REMINDER_BUDGET_90:
    case SHORE_REMINDER_BUDGET_100:
    default:
      g_assert_not_reached ();
    }
}

static void
word_budget (ShoreReminder         *r,
             const ShoreBudgetLine *line)
{
  g_autofree char *budget = shore_money_format (line->amount);
  g_autofree char *spent = shore_money_format (line->spent);
  const char *name = line->name != NULL ? line->name : "";

  if (r->kind == SHORE_REMINDER_BUDGET_90)
    {
      if (line->category_id == 0)
        /* Translators: a reminder's title; %d is a percentage (90), %% the percent sign */
        r->title = g_strdup_printf (_("Monthly budget %d %% spent"), 90);
      else
        /* Translators: a reminder's title; %1$s is a budget category such as “Food & Dining”, %2$d a percentage (90) */
        r->title = g_strdup_printf (_("%1$s: budget %2$d %% spent"), name, 90);
      /* Translators: a reminder; %1$s and %2$s are amounts of money */
      r->body = g_strdup_printf (_("You have spent %1$s of %2$s this month. What is left has to last until the month ends."),
                                 spent, budget);
    }
  else
    {
      if (line->category_id == 0)
        r->title = g_strdup (_("Monthly budget used up"));
      else
        /* Translators: a reminder's title; %s is a budget category such as “Food & Dining” */
        r->title = g_strdup_printf (_("%s: budget used up"), name);
      /* Translators: a reminder; %1$s and %2$s are amounts of money */
      r->body = g_strdup_printf (_("You have spent %1$s of %2$s this month. Further spending comes out of money for repayments and essentials."),
                                 spent, budget);
    }
}

/* Computation */

static ShoreReminder *
reminder_new (ShoreReminderKind  kind,
              const char        *key)
{
  ShoreReminder *r = g_new0 (ShoreReminder, 1);

  r->kind = kind;
  r->key = g_strdup (key);
  r->urgency = urgency_for_kind (kind);
  g_date_clear (&r->due_date, 1);
  return r;
}

static gboolean
was_sent (GHashTable *sent,
          const char *key)
{
  return sent != NULL && g_hash_table_contains (sent, key);
}

/* Days after the due date at which each loan kind triggers; FALSE when the
 * kind does not apply to this loan. */
static gboolean
trigger_offset (ShoreReminderKind  kind,
                int                lead_days,
                int                grace_days,
                int               *out)
{
  switch (kind)
    {
    case SHORE_REMINDER_DUE_SOON:   *out = -lead_days; return lead_days > 0;
    case SHORE_REMINDER_DUE_TODAY:  *out = 0; return TRUE;
    case SHORE_REMINDER_GRACE_ENDS: *out = grace_days; return grace_days > 0 && grace_days < 7;
    case SHORE_REMINDER_OVERDUE_7:  *out = 7; return TRUE;
    case SHORE_REMINDER_OVERDUE_30: *out = 30; return TRUE;
    case SHORE_REMINDER_OVERDUE_60: *out = 60; return TRUE;
    case SHORE_REMINDER_OVERDUE_90: *out = 90; return TRUE;
    case SHORE_REMINDER_BUDGET_90:
    case SHORE_REMINDER_BUDGET_100:
    default:
      return FALSE;
    }
}

static void
compute_loan (const ShoreReminderSettings *settings,
              const ShoreReminderLoan     *in,
              const GDate                 *today,
              GHashTable                  *sent,
              GPtrArray                   *out,
              GPtrArray                   *covered)
{
  g_autoptr(GError) error = NULL;
  const ShoreLoan *loan = in->loan;
  ShoreLoanStatus status;
  gboolean triggered[N_LOAN_KINDS] = { FALSE, };
  int highest = -1;
  int lead_days;
  int days;

  lead_days = loan->reminder_lead_days >= 0 ? loan->reminder_lead_days : settings->lead_days;
  if (!shore_loan_status_compute (loan, in->payments, in->n_payments, today,
                                  lead_days, &status, &error))
    {
      g_warning ("No reminders for loan %" G_GINT64_FORMAT ": %s", loan->id, error->message);
      return;
    }
  if (status.state == SHORE_LOAN_STATE_PAID_OFF || !g_date_valid (&status.next_due_date))
    return;

  days = g_date_days_between (&status.next_due_date, today);
  for (int k = 0; k < N_LOAN_KINDS; k++)
    {
      int offset;

      if (trigger_offset (k, lead_days, loan->grace_days, &offset) && days >= offset)
        {
          triggered[k] = TRUE;
          highest = k;
        }
    }

  for (int k = 0; k < N_LOAN_KINDS; k++)
    {
      g_autofree char *key = NULL;
      ShoreReminder *r;

      if (!triggered[k])
        continue;
      key = g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%d",
                             shore_reminder_kind_to_string (k), loan->id, status.next_period);
      if (was_sent (sent, key))
        continue;

      r = reminder_new (k, key);
      r->loan_id = loan->id;
      r->period = status.next_period;
      r->due_date = status.next_due_date;
      word_loan (r, loan->lender != NULL ? loan->lender : "", status.next_due_amount, -days);
      g_ptr_array_add (k == highest ? out : covered, r);
    }
}

static void
compute_budget (const ShoreBudgetLine *line,
                const char            *month,
                GHashTable            *sent,
                GPtrArray             *out,
                GPtrArray             *covered)
{
  /* amount − ⌊amount / 10⌋ is ⌈0.9 × amount⌉, without overflow */
  gboolean at_90 = line->spent >= line->amount - line->amount / 10;
  gboolean at_100 = line->spent >= line->amount;

  if (line->amount <= 0 || !at_90)
    return;

  for (int k = SHORE_REMINDER_BUDGET_90; k <= SHORE_REMINDER_BUDGET_100; k++)
    {
      g_autofree char *key = NULL;
      ShoreReminder *r;

      if (k == SHORE_REMINDER_BUDGET_100 && !at_100)
        break;
      key = g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%s",
                             shore_reminder_kind_to_string (k), line->category_id, month);
      if (was_sent (sent, key))
        continue;

      r = reminder_new (k, key);
      r->category_id = line->category_id;
      word_budget (r, line);
      g_ptr_array_add (k == SHORE_REMINDER_BUDGET_90 && at_100 ? covered : out, r);
    }
}

/**
 * shore_reminders_compute:
 * @settings: the reminder settings
 * @loans: (array length=n_loans): the loans with their payments
 * @n_loans: their number
 * @budget_lines: (array length=n_budget_lines) (nullable): the budgets of
 *   @now's month
 * @n_budget_lines: their number
 * @sent: (nullable): keys already sent (a set of strings)
 * @now: the local time
 * @out_covered: (out) (optional): pending reminders left out because a more
 *   advanced one of the same loan (or budget) is returned; store them as sent
 *
 * For each loan, the reminders of its oldest unpaid installment whose day has
 * come (the lead days before the due date — the loan's own or the setting's —
 * the due day, the last grace day, 7, 30, 60 and 90 days overdue) and that
 * were not sent; of those only the most advanced is returned, so that after
 * days with the computer off one reminder catches up instead of a flood.
 * For each budget with an amount, 90 % and 100 % spent, once a month.
 *
 * Returns: (transfer full) (element-type ShoreReminder): the reminders to
 *   show now; empty when disabled or in quiet hours
 */
GPtrArray *
shore_reminders_compute (const ShoreReminderSettings *settings,
                         const ShoreReminderLoan     *loans,
                         guint                        n_loans,
                         const ShoreBudgetLine       *budget_lines,
                         guint                        n_budget_lines,
                         GHashTable                  *sent,
                         GDateTime                   *now,
                         GPtrArray                  **out_covered)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) shore_reminder_free);
  g_autoptr(GPtrArray) covered = g_ptr_array_new_with_free_func ((GDestroyNotify) shore_reminder_free);
  g_autofree char *month = NULL;
  GDate today;

  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (loans != NULL || n_loans == 0, NULL);
  g_return_val_if_fail (budget_lines != NULL || n_budget_lines == 0, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (settings->enabled && !shore_reminders_in_quiet_hours (settings, now))
    {
      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
      month = g_date_time_format (now, "%Y-%m");

      for (guint i = 0; i < n_loans; i++)
        compute_loan (settings, &loans[i], &today, sent, out, covered);
      for (guint i = 0; i < n_budget_lines; i++)
        compute_budget (&budget_lines[i], month, sent, out, covered);
    }

  if (out_covered != NULL)
    *out_covered = g_steal_pointer (&covered);
  return g_steal_pointer (&out);
}

/**
 * shore_reminders_compute_for_debts:
 * @settings: the reminder settings
 * @debts: a #GListModel of #ShoreDebt
 * @budget_lines: (element-type ShoreBudgetLine) (nullable): the budgets of
 *   @now's month
 * @sent: (nullable): keys already sent
 * @now: the local time
 * @out_covered: (out) (optional): see shore_reminders_compute()
 *
 * shore_reminders_compute() on the debts register.
 *
 * Returns: (transfer full) (element-type ShoreReminder): the reminders to show
 */
GPtrArray *
shore_reminders_compute_for_debts (const ShoreReminderSettings *settings,
                                   GListModel                  *debts,
                                   GArray                      *budget_lines,
                                   GHashTable                  *sent,
                                   GDateTime                   *now,
                                   GPtrArray                  **out_covered)
{
  g_autoptr(GArray) loans = g_array_new (FALSE, TRUE, sizeof (ShoreReminderLoan));
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (debts), NULL);

  n = g_list_model_get_n_items (debts);
  for (guint i = 0; i < n; i++)
    {
      ShoreDebt *debt = g_list_model_get_item (debts, i);
      GArray *payments = shore_debt_get_payments (debt);
      ShoreReminderLoan in = {
        .loan = shore_debt_get_loan (debt),
        .payments = payments != NULL ? (const ShorePayment *) (gpointer) payments->data : NULL,
        .n_payments = payments != NULL ? payments->len : 0,
      };

      g_ptr_array_add (keep, debt);
      g_array_append_val (loans, in);
    }

  return shore_reminders_compute (settings,
                                  (const ShoreReminderLoan *) (gpointer) loans->data, loans->len,
                                  budget_lines != NULL ? (const ShoreBudgetLine *) (gpointer) budget_lines->data : NULL,
                                  budget_lines != NULL ? budget_lines->len : 0,
                                  sent, now, out_covered);
}
