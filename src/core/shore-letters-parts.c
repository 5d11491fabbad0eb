/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-letters"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib.h>
#include "shore-intl.h"

#include "shore-debts.h"
#include "shore-evidence.h"
#include "shore-ledger.h"
#include "shore-letters.h"
#include "shore-letters-private.h"
#include "shore-loan.h"
#include "shore-money.h"

/* What the letters share: the data they read from the register and the
 * budget, and the pieces every letter is built of (paragraphs, tables,
 * citations, the signature, the guidance on sending it). */

#define TREND_MONTHS 3

/* ---- What the data says ------------------------------------------------ */

void
shore_letter_data_clear (ShoreLetterData *data)
{
  g_clear_object (&data->debts);
}

gboolean
shore_letters_debt_is_open (ShoreDebt *debt)
{
  return shore_debt_get_status (debt)->state != SHORE_LOAN_STATE_PAID_OFF;
}

gint64
shore_letters_average (gint64 sum,
                       guint  n)
{
  gint64 out = 0;

  if (n == 0 || !shore_money_mul_div (sum, 1, n, &out))
    return 0;
  return out;
}

/* The last TREND_MONTHS complete months before @today, averaged over the
 * months that have entries. */
static gboolean
read_trend (ShoreStore      *store,
            const GDate     *today,
            ShoreLetterData *data,
            GError         **error)
{
  g_autoptr(GArray) trend = NULL;
  GDate last = *today;
  gint64 income = 0, spending = 0, debt_paid = 0;
  guint i;

  g_date_set_day (&last, 1);
  g_date_subtract_days (&last, 1);
  trend = shore_ledger_monthly_trend (store, g_date_get_year (&last), g_date_get_month (&last),
                                      TREND_MONTHS, error);
  if (trend == NULL)
    return FALSE;

  g_date_clear (&data->trend_from, 1);
  g_date_clear (&data->trend_to, 1);
  for (i = 0; i < trend->len; i++)
    {
      const ShoreMonthTotal *month = &g_array_index (trend, ShoreMonthTotal, i);

      if (month->income == 0 && month->spending == 0 && month->debt_paid == 0)
        continue;
      if (!g_date_valid (&data->trend_from))
        g_date_set_dmy (&data->trend_from, 1, month->month, month->year);
      g_date_set_dmy (&data->trend_to, g_date_get_days_in_month (month->month, month->year),
                      month->month, month->year);
      data->n_trend++;
      income += month->income;
      spending += month->spending;
      debt_paid += month->debt_paid;
    }

  data->avg_income = shore_letters_average (income, data->n_trend);
  data->avg_spending = shore_letters_average (spending, data->n_trend);
  data->avg_debt_paid = shore_letters_average (debt_paid, data->n_trend);
  return TRUE;
}

static gboolean
read_surplus (ShoreStore      *store,
              const GDate     *today,
              ShoreLetterData *data,
              GError         **error)
{
  ShoreMonthSummary summary;

  if (!shore_ledger_month_summary (store, today, &summary, error))
    return FALSE;

  if (summary.surplus_for_debt > 0)
    data->surplus = summary.surplus_for_debt;
  else if (data->n_trend > 0 && data->avg_income > data->avg_spending)
    data->surplus = data->avg_income - data->avg_spending;
  else
    data->surplus = 0;
  return TRUE;
}

gboolean
shore_letters_read_data (ShoreStore      *store,
                         const GDate     *today,
                         gint64           loan_id,
                         ShoreLetterData *data,
                         GError         **error)
{
  guint i, n;

  memset (data, 0, sizeof *data);
  data->debts = shore_debts_list (store, today, error);
  if (data->debts == NULL)
    return FALSE;

  n = g_list_model_get_n_items (data->debts);
  for (i = 0; i < n; i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (data->debts, i);

      if (shore_letters_debt_is_open (debt))
        data->total_owed += shore_debt_get_status (debt)->owed_total;
      if (loan_id > 0 && shore_debt_get_id (debt) == loan_id)
        data->loan = debt;   /* the model keeps it */
    }

  if (loan_id > 0 && data->loan == NULL)
    {
      g_set_error (error, SHORE_LETTERS_ERROR, SHORE_LETTERS_ERROR_INVALID_FIELD,
                   _("The loan this letter is about is no longer in the register. Choose another one."));
      return FALSE;
    }

  return read_trend (store, today, data, error) && read_surplus (store, today, data, error);
}

/* ---- Building ---------------------------------------------------------- */

static void
letter_table_free (ShoreLetterTable *table)
{
  g_free (table->caption);
  g_strfreev (table->header);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
letter_block_free (gpointer data)
{
  ShoreLetterBlock *block = data;

  g_free (block->text);
  if (block->table != NULL)
    letter_table_free (block->table);
  g_free (block);
}

void
shore_letter_free (ShoreLetter *letter)
{
  if (letter == NULL)
    return;

  g_free (letter->id);
  g_free (letter->title);
  g_free (letter->recipient);
  g_free (letter->subject);
  g_free (letter->date);
  g_ptr_array_unref (letter->blocks);
  g_free (letter->closing);
  g_ptr_array_unref (letter->signature);
  g_ptr_array_unref (letter->guidance);
  g_free (letter);
}

void
shore_letter_add_paragraph (ShoreLetter *letter,
                            char        *text)   /* takes it */
{
  ShoreLetterBlock *block = g_new0 (ShoreLetterBlock, 1);

  block->text = text;
  g_ptr_array_add (letter->blocks, block);
}

ShoreLetterTable *
shore_letter_add_table (ShoreLetter *letter,
                        const char  *caption,
                        const char  *first_header,
                        ...)
{
  ShoreLetterBlock *block = g_new0 (ShoreLetterBlock, 1);
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();
  const char *column;
  va_list args;

  va_start (args, first_header);
  for (column = first_header; column != NULL; column = va_arg (args, const char *))
    g_strv_builder_add (header, column);
  va_end (args);

  block->table = g_new0 (ShoreLetterTable, 1);
  block->table->caption = g_strdup (caption);
  block->table->header = g_strv_builder_end (header);
  block->table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (letter->blocks, block);
  return block->table;
}

/* Appends a row of owned strings (NULL-terminated, as many as the header). */
void
shore_letter_table_add_row (ShoreLetterTable *table,
                            char             *first,
                            ...)
{
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  char *cell;
  va_list args;

  va_start (args, first);
  for (cell = first; cell != NULL; cell = va_arg (args, char *))
    {
      g_strv_builder_add (row, cell);
      g_free (cell);
    }
  va_end (args);

  g_ptr_array_add (table->rows, g_strv_builder_end (row));
}

/* Translators: the date line of a letter, as a strftime format. In Chinese
 * write the date the way official letters do: “%Y年%-m月%-d日”. */
#define DATE_FORMAT N_("%-d %B %Y")

static char *
format_letter_date (const GDate *date)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                     g_date_get_day (date), 12, 0, 0);

  return g_date_time_format (when, _(DATE_FORMAT));
}

/* “《民法典》 Article 1033; Law, read in the text itself” */
char *
shore_letters_cite (const char              *source,
                    ShoreEvidenceKind        kind,
                    ShoreEvidenceConfidence  confidence)
{
  /* Translators: a legal source cited in a letter: the document and article, the kind of rule
   * (“Law”, “Regulation”, “Industry code”) and how sure we are of it (“read in the text itself”) */
  return g_strdup_printf (_("%s; %s, %s"), source,
                          shore_evidence_kind_get_label (kind),
                          shore_evidence_confidence_get_label (confidence));
}

char *
shore_letters_lender_of (const ShoreLetterData   *data,
                         const ShoreLetterFields *fields)
{
  if (data->loan != NULL)
    return g_strdup (shore_debt_get_loan (data->loan)->lender);
  return g_strdup (fields->recipient);
}

ShoreLetter *
shore_letter_new (const char              *id,
                  const char              *title,
                  const ShoreLetterFields *fields,
                  const GDate             *today)
{
  ShoreLetter *letter = g_new0 (ShoreLetter, 1);

  letter->id = g_strdup (id);
  letter->title = g_strdup (title);
  /* Translators: the recipient line of a letter; %s is the lender or the authority. In a Chinese
   * official letter this is the name followed by a full-width colon: “%s：” */
  letter->recipient = g_strdup_printf (_("To: %s"), fields->recipient);
  letter->date = format_letter_date (today);
  letter->blocks = g_ptr_array_new_with_free_func (letter_block_free);
  letter->signature = g_ptr_array_new_with_free_func (g_free);
  letter->guidance = g_ptr_array_new_with_free_func (g_free);
  /* Translators: the closing of a letter, before the signature. In a Chinese official
   * letter write “此致\n敬礼！” (two lines) */
  letter->closing = g_strdup (_("Yours faithfully,"));
  return letter;
}

void
shore_letter_add_signature (ShoreLetter             *letter,
                            const ShoreLetterFields *fields)
{
  /* Translators: a signature line of a letter; %s is the borrower's name. In Chinese: “申请人：%s” */
  g_ptr_array_add (letter->signature, g_strdup_printf (_("Applicant: %s"), fields->name));
  if (!shore_letters_is_blank (fields->id_number))
    /* Translators: a signature line of a letter; %s is an ID card number (身份证号) */
    g_ptr_array_add (letter->signature, g_strdup_printf (_("ID number: %s"), fields->id_number));
  /* Translators: a signature line of a letter; %s is a phone number */
  g_ptr_array_add (letter->signature, g_strdup_printf (_("Phone: %s"), fields->phone));
  if (!shore_letters_is_blank (fields->address))
    /* Translators: a signature line of a letter; %s is a postal address */
    g_ptr_array_add (letter->signature, g_strdup_printf (_("Address: %s"), fields->address));
  /* Translators: a signature line of a letter: where the borrower signs by hand (签名) */
  g_ptr_array_add (letter->signature, g_strdup (_("Signature:")));
  /* Translators: a signature line of a letter; %s is the date. In Chinese: “日期：%s” */
  g_ptr_array_add (letter->signature, g_strdup_printf (_("Date: %s"), letter->date));
}

void
shore_letter_add_common_guidance (ShoreLetter *letter)
{
  g_ptr_array_add (letter->guidance,
                   g_strdup (_("Read the letter through and change anything that is not right: it speaks for you. "
                               "Sign and date it.")));
  g_ptr_array_add (letter->guidance,
                   g_strdup (_("Keep a copy of the letter exactly as you send it.")));
  g_ptr_array_add (letter->guidance,
                   g_strdup (_("Send it in a way that leaves proof: registered mail (挂号信) or EMS with a "
                               "receipt, or the complaint channel in the lender’s app, taking screenshots of "
                               "what you sent and of the confirmation.")));
  g_ptr_array_add (letter->guidance,
                   g_strdup (_("Keep the proof of sending (the receipt, the tracking number, the screenshots) "
                               "with your copy, and write down the date you sent it.")));
  g_ptr_array_add (letter->guidance,
                   g_strdup (_("Send copies of your ID card and documents, never the originals.")));
}

static char *
format_days (int days)
{
  return g_strdup_printf ("%d", MAX (days, 0));
}

void
shore_letter_add_debts_table (ShoreLetter           *letter,
                              const ShoreLetterData *data,
                              ShoreDebt             *only)
{
  guint i, n = g_list_model_get_n_items (data->debts);
  ShoreLetterTable *table;

  table = shore_letter_add_table (letter,
                                  only != NULL ? _("My own record of this loan:")
                                               : _("My debts at present, from my own records:"),
                                  /* Translators: a column of the debts table of a letter */
                                  _("Lender"),
                                  /* Translators: a column of the debts table of a letter: the amount borrowed */
                                  _("Principal"),
                                  /* Translators: a column of the debts table of a letter: what is still owed */
                                  _("Balance"),
                                  /* Translators: a column of the debts table of a letter */
                                  _("Days overdue"),
                                  NULL);

  for (i = 0; i < n; i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (data->debts, i);
      const ShoreLoan *loan = shore_debt_get_loan (debt);
      const ShoreLoanStatus *status = shore_debt_get_status (debt);

      if ((only != NULL && debt != only) || (only == NULL && !shore_letters_debt_is_open (debt)))
        continue;
      shore_letter_table_add_row (table, g_strdup (loan->lender), shore_money_format (loan->principal),
                                  shore_money_format (status->owed_total), format_days (status->days_overdue), NULL);
    }

  if (only == NULL)
    /* Translators: the last row of the debts table of a letter */
    shore_letter_table_add_row (table, g_strdup (_("Total")), g_strdup (""), shore_money_format (data->total_owed),
                                g_strdup (""), NULL);
}
