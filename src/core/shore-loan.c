/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-loan"

#include "config.h"

#include <string.h>

#include <glib.h>
#include "shore-intl.h"

#include "shore-loan.h"
#include "shore-loan-private.h"
#include "shore-money.h"
#include "shore-schedule.h"

#define PENALTY_MARKUP_BP_MAX      100000   /* +1000 % */
#define GRACE_DAYS_MAX             365
#define ACCELERATE_AFTER_DAYS_MAX  3650
#define DATE_YEAR_MIN              1900
#define DATE_YEAR_MAX              9999

typedef struct
{
  const char *name;
  const char *label;
} EnumName;

/* Indexed by ShoreLenderType */
static const EnumName lender_types[] = {
  { "bank", N_("Bank") },
  { "consumer-finance", N_("Consumer finance company") },
  { "microlender", N_("Microlender") },
  { "platform", N_("Online platform") },
  { "private", N_("Private individual") },
  { "credit-card", N_("Credit card") },
};

/* Indexed by ShoreRepaymentMethod */
static const EnumName methods[] = {
  /* Translators: the repayment method 等额本息 */
  { "equal-installment", N_("Equal installments") },
  /* Translators: the repayment method 等额本金 */
  { "equal-principal", N_("Equal principal") },
  /* Translators: the repayment method 先息后本 */
  { "interest-first", N_("Interest first, principal at the end") },
  /* Translators: the repayment method 到期还本付息 */
  { "bullet", N_("Principal and interest at the end") },
};

G_DEFINE_QUARK (shore-loan-error-quark, shore_loan_error)

static gboolean
lookup_name (const EnumName *names,
             gsize           n_names,
             const char     *text,
             int            *out)
{
  gsize i;

  for (i = 0; i < n_names; i++)
    if (strcmp (text, names[i].name) == 0)
      {
        *out = (int) i;
        return TRUE;
      }

  return FALSE;
}

static gboolean
is_lender_type (ShoreLenderType type)
{
  return (guint) type < G_N_ELEMENTS (lender_types);
}

static gboolean
is_method (ShoreRepaymentMethod method)
{
  return (guint) method < G_N_ELEMENTS (methods);
}

/* 0 ≤ rate ≤ 1000 % a year, in a period shore-rate knows */
static gboolean
is_rate_in_range (const ShoreRate *rate)
{
  ShoreRate max = { SHORE_RATE_ANNUAL, SHORE_RATE_ANNUAL_MAX };

  if (rate->period != SHORE_RATE_DAILY
      && rate->period != SHORE_RATE_MONTHLY
      && rate->period != SHORE_RATE_ANNUAL)
    return FALSE;
  if (rate->value < 0 || rate->value > SHORE_RATE_VALUE_MAX)
    return FALSE;

  return shore_rate_compare (rate, &max) <= 0;
}

static gboolean
is_lender_valid (const char  *lender,
                 GError     **error)
{
  g_autofree char *trimmed = NULL;

  if (lender != NULL && !g_utf8_validate (lender, -1, NULL))
    {
      g_set_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID,
                   _("The lender’s name is not valid text; type who lent the money"));
      return FALSE;
    }

  trimmed = g_strstrip (g_strdup (lender != NULL ? lender : ""));
  if (*trimmed == '\0')
    {
      g_set_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID,
                   _("The lender’s name is empty; type who lent the money"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_start_date_valid (const GDate *date)
{
  return g_date_valid (date)
         && g_date_get_year (date) >= DATE_YEAR_MIN
         && g_date_get_year (date) <= DATE_YEAR_MAX;
}

static gboolean invalid (GError     **error,
                         const char  *format,
                         ...) G_GNUC_PRINTF (2, 3);

/* Sets a %SHORE_LOAN_ERROR_INVALID error; always returns %FALSE */
static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;
  GError *local;

  va_start (args, format);
  local = g_error_new_valist (SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID, format, args);
  va_end (args);

  g_propagate_error (error, local);
  return FALSE;
}

/* The rates and the overdue model */
static gboolean
validate_rates (const ShoreLoan  *loan,
                GError          **error)
{
  if (!is_rate_in_range (&loan->rate))
    return invalid (error,
                    /* Translators: %% is a percent sign */
                    _("The interest rate must be between 0%% and 1000%% a year"));

  if (loan->has_monthly_fee_rate && !is_rate_in_range (&loan->monthly_fee_rate))
    return invalid (error,
                    /* Translators: %% is a percent sign; 月费率 */
                    _("The monthly fee rate must be between 0%% and 1000%% a year (at most 83.33%% a month)"));

  if (loan->has_late_fee && !is_rate_in_range (&loan->late_fee_daily))
    return invalid (error,
                    /* Translators: %% is a percent sign */
                    _("The late fee rate must be between 0%% and 1000%% a year"));

  if (loan->penalty_markup_bp < 0 || loan->penalty_markup_bp > PENALTY_MARKUP_BP_MAX)
    return invalid (error,
                    /* Translators: the markup on the interest rate for overdue money (罚息上浮); %% is a percent sign */
                    _("The penalty markup must be between 0%% and 1000%%"));

  if (loan->grace_days < 0 || loan->grace_days > GRACE_DAYS_MAX)
    return invalid (error,
                    /* Translators: %d is the longest grace period, 365 */
                    _("The grace period must be between 0 and %d days"),
                    GRACE_DAYS_MAX);

  if (loan->accelerate_after_days < 0 || loan->accelerate_after_days > ACCELERATE_AFTER_DAYS_MAX)
    return invalid (error,
                    /* Translators: acceleration (提前到期): the lender declares the whole loan due; %d is 3650 */
                    _("The days overdue before the whole loan falls due must be between 0 and %d; 0 means never"),
                    ACCELERATE_AFTER_DAYS_MAX);

  return TRUE;
}

/*< private >
 * shore_loan_validate_terms:
 *
 * Every rule of shore_loan_validate() but the schedule's totals.
 */
gboolean
shore_loan_validate_terms (const ShoreLoan  *loan,
                           GError          **error)
{
  g_return_val_if_fail (loan != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_lender_valid (loan->lender, error))
    return FALSE;

  if (!is_lender_type (loan->lender_type))
    return invalid (error, _("The lender type is unknown; choose one from the list"));

  if (!is_method (loan->method))
    return invalid (error, _("The repayment method is unknown; choose one from the list"));

  if (loan->principal <= 0)
    return invalid (error, _("The principal must be more than zero"));

  if (loan->term_months < 1 || loan->term_months > SHORE_LOAN_TERM_MAX)
    return invalid (error,
                    /* Translators: %d is the longest term in months, 600 */
                    _("The term must be between 1 and %d months"),
                    SHORE_LOAN_TERM_MAX);

  if (loan->upfront_fee < 0 || loan->upfront_fee >= loan->principal)
    return invalid (error, _("The upfront fee must be zero or more and less than the principal"));

  if (!is_start_date_valid (&loan->start_date))
    return invalid (error, _("The start date is not a valid date between the years 1900 and 9999"));

  return validate_rates (loan, error);
}

/*< private >
 * shore_loan_set_overflow_error:
 *
 * Sets %SHORE_LOAN_ERROR_OVERFLOW with its one message.
 */
void
shore_loan_set_overflow_error (GError **error)
{
  g_set_error_literal (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_OVERFLOW,
                       _("The amounts are too large to compute; enter a smaller principal, rate or term"));
}

/**
 * shore_loan_init:
 * @loan: (out caller-allocates): the loan to fill
 *
 * Fills @loan with defaults: lender “” (which does not validate), an
 * online platform, equal installments over 12 months at 0 % a day,
 * starting today (local time), and the overdue model of DESIGN.md
 * (+50 % penalty, 1 grace day, compound interest, no late fee, no
 * acceleration, the app’s reminder setting).
 *
 * Any previous contents are overwritten, not freed.
 */
void
shore_loan_init (ShoreLoan *loan)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (loan != NULL);

  memset (loan, 0, sizeof *loan);
  loan->lender = g_strdup ("");
  loan->lender_type = SHORE_LENDER_PLATFORM;
  loan->rate.period = SHORE_RATE_DAILY;
  loan->monthly_fee_rate.period = SHORE_RATE_MONTHLY;
  loan->term_months = 12;
  loan->method = SHORE_METHOD_EQUAL_INSTALLMENT;

  now = g_date_time_new_now_local ();
  g_date_clear (&loan->start_date, 1);
  g_date_set_dmy (&loan->start_date,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));

  loan->penalty_markup_bp = 5000;
  loan->grace_days = 1;
  loan->compound = TRUE;
  loan->late_fee_daily.period = SHORE_RATE_DAILY;
  loan->reminder_lead_days = -1;
}

/**
 * shore_loan_clear:
 * @loan: a loan
 *
 * Frees the strings @loan owns and sets them to %NULL. The loan can be
 * initialized again or dropped.
 */
void
shore_loan_clear (ShoreLoan *loan)
{
  g_return_if_fail (loan != NULL);

  g_clear_pointer (&loan->lender, g_free);
  g_clear_pointer (&loan->note, g_free);
}

/**
 * shore_loan_new:
 *
 * Returns: (transfer full): a new loan filled by shore_loan_init()
 */
ShoreLoan *
shore_loan_new (void)
{
  ShoreLoan *loan = g_new (ShoreLoan, 1);

  shore_loan_init (loan);
  return loan;
}

/**
 * shore_loan_copy:
 * @loan: a loan
 *
 * Returns: (transfer full): a deep copy of @loan
 */
ShoreLoan *
shore_loan_copy (const ShoreLoan *loan)
{
  ShoreLoan *copy;

  g_return_val_if_fail (loan != NULL, NULL);

  copy = g_new (ShoreLoan, 1);
  *copy = *loan;
  copy->lender = g_strdup (loan->lender);
  copy->note = g_strdup (loan->note);

  return copy;
}

/**
 * shore_loan_free:
 * @loan: (nullable): a loan from shore_loan_new() or shore_loan_copy()
 *
 * Frees @loan and its strings.
 */
void
shore_loan_free (ShoreLoan *loan)
{
  if (loan == NULL)
    return;

  shore_loan_clear (loan);
  g_free (loan);
}

/**
 * shore_loan_validate:
 * @loan: a loan
 * @error: return location for a #ShoreLoanError
 *
 * Checks every rule a loan must meet before it is stored or computed: a
 * lender name that is not blank, a known lender type and method, principal
 * above zero, a term of 1 to %SHORE_LOAN_TERM_MAX months, interest, monthly
 * fee and late fee rates from 0 to 1000 % a year, an upfront fee from zero
 * to below the principal, a start date in the years 1900–9999, a penalty
 * markup of 0–1000 %, 0–365 grace days and 0–3650 days before acceleration.
 * Then the schedule is computed: if its amounts do not fit in 64-bit fen,
 * the error is %SHORE_LOAN_ERROR_OVERFLOW.
 *
 * The message is translated and names the field and what is accepted.
 *
 * Returns: %TRUE if @loan is valid
 */
gboolean
shore_loan_validate (const ShoreLoan  *loan,
                     GError          **error)
{
  g_autoptr(ShoreSchedule) schedule = NULL;

  g_return_val_if_fail (loan != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  schedule = shore_schedule_compute (loan, error);
  return schedule != NULL;
}

/**
 * shore_lender_type_to_string:
 * @type: a lender type
 *
 * Returns: the stable machine name: “bank”, “consumer-finance”,
 *   “microlender”, “platform”, “private” or “credit-card”
 */
const char *
shore_lender_type_to_string (ShoreLenderType type)
{
  g_return_val_if_fail (is_lender_type (type), NULL);

  return lender_types[type].name;
}

/**
 * shore_lender_type_from_string:
 * @text: a name from shore_lender_type_to_string()
 * @out: (out) (optional): where to store the type
 *
 * Only the exact machine names are accepted.
 *
 * Returns: %TRUE if @text names a lender type
 */
gboolean
shore_lender_type_from_string (const char      *text,
                               ShoreLenderType *out)
{
  int index;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!lookup_name (lender_types, G_N_ELEMENTS (lender_types), text, &index))
    return FALSE;

  if (out != NULL)
    *out = (ShoreLenderType) index;
  return TRUE;
}

/**
 * shore_lender_type_get_label:
 * @type: a lender type
 *
 * Returns: the lender type for people, translated: “Bank”
 */
const char *
shore_lender_type_get_label (ShoreLenderType type)
{
  g_return_val_if_fail (is_lender_type (type), NULL);

  return _(lender_types[type].label);
}

/**
 * shore_method_to_string:
 * @method: a repayment method
 *
 * Returns: the stable machine name: “equal-installment”,
 *   “equal-principal”, “interest-first” or “bullet”
 */
const char *
shore_method_to_string (ShoreRepaymentMethod method)
{
  g_return_val_if_fail (is_method (method), NULL);

  return methods[method].name;
}

/**
 * shore_method_from_string:
 * @text: a name from shore_method_to_string()
 * @out: (out) (optional): where to store the method
 *
 * Only the exact machine names are accepted.
 *
 * Returns: %TRUE if @text names a repayment method
 */
gboolean
shore_method_from_string (const char           *text,
                          ShoreRepaymentMethod *out)
{
  int index;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!lookup_name (methods, G_N_ELEMENTS (methods), text, &index))
    return FALSE;

  if (out != NULL)
    *out = (ShoreRepaymentMethod) index;
  return TRUE;
}

/**
 * shore_method_get_label:
 * @method: a repayment method
 *
 * Returns: the method for people, translated: “Equal installments”
 *   (等额本息 in Chinese)
 */
const char *
shore_method_get_label (ShoreRepaymentMethod method)
{
  g_return_val_if_fail (is_method (method), NULL);

  return _(methods[method].label);
}

static int
digits_value (const char *text,
              guint       n)
{
  int value = 0;
  guint i;

  for (i = 0; i < n; i++)
    value = value * 10 + (text[i] - '0');

  return value;
}

static gboolean
is_iso_shape (const char *text)
{
  static const char shape[] = "dddd-dd-dd";
  guint i;

  for (i = 0; i < sizeof shape - 1; i++)
    {
      if (shape[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != shape[i])
        return FALSE;
    }

  return text[sizeof shape - 1] == '\0';
}

/**
 * shore_date_parse:
 * @text: a date as “YYYY-MM-DD”
 * @out: (out caller-allocates) (optional): where to store the date
 * @error: return location for a %SHORE_LOAN_ERROR_INVALID error
 *
 * Reads a strict ISO 8601 calendar date: four-digit year from 1900 to
 * 9999, two-digit month and day, no spaces, nothing after it. The day
 * must exist: 2026-02-30 and 2026-2-3 are refused. On failure @out is
 * left untouched.
 *
 * Returns: %TRUE if @text is such a date
 */
gboolean
shore_date_parse (const char  *text,
                  GDate       *out,
                  GError     **error)
{
  g_autofree char *quoted = NULL;
  int year;
  int month;
  int day;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_iso_shape (text))
    {
      quoted = shore_money_quote_input (text);
      g_set_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID,
                   /* Translators: %s is what the person typed; keep YYYY-MM-DD and the example as they are */
                   _("“%s” is not a date; type it as YYYY-MM-DD, for example 2026-01-15"),
                   quoted);
      return FALSE;
    }

  year = digits_value (text, 4);
  month = digits_value (text + 5, 2);
  day = digits_value (text + 8, 2);

  if (year < DATE_YEAR_MIN || year > DATE_YEAR_MAX)
    {
      g_set_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID,
                   /* Translators: %s is what the person typed */
                   _("“%s” is out of range; years from 1900 to 9999 are accepted"),
                   text);
      return FALSE;
    }

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, SHORE_LOAN_ERROR, SHORE_LOAN_ERROR_INVALID,
                   /* Translators: %s is what the person typed, such as 2026-02-30 */
                   _("“%s” is not a day of the calendar; type a date that exists, as YYYY-MM-DD"),
                   text);
      return FALSE;
    }

  if (out != NULL)
    {
      g_date_clear (out, 1);
      g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    }

  return TRUE;
}

/**
 * shore_date_format_iso:
 * @date: a valid date
 *
 * Returns: (transfer full): @date as “YYYY-MM-DD”
 */
char *
shore_date_format_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}
