/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-letters"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib.h>
#include "shore-intl.h"

#include "shore-debts.h"
#include "shore-evidence.h"
#include "shore-evidence-store.h"
#include "shore-ledger.h"
#include "shore-letters.h"
#include "shore-loan.h"
#include "shore-money.h"

/* The four letters. Every legal statement here comes from
 * ../shared/reference/legal-facts.md and carries its kind (law,
 * regulation, industry code) and how sure we are (read in the text, or known
 * from reports), with the labels of the evidence log; nothing §8 lists as
 * unconfirmed is cited. 个性化分期 (credit cards only, 信用卡办法 第70条) is
 * asked for, never claimed as a right; no letter calls 停息挂账 a right.
 *
 * Translators see the letters as Chinese official letters (公文书信): a
 * title (…申请书), the recipient followed by a colon, 事由, the body in the
 * first person, 此致 敬礼, then 申请人 and the date.
 */

#define TABLE_SEPARATOR " | "
#define HARDSHIP_MONTHS_MAX 600
#define TREND_MONTHS 3

G_DEFINE_QUARK (shore-letters-error-quark, shore_letters_error)

typedef struct
{
  const char *id;
  const char *name;
  const char *description;
} LetterInfo;

static const LetterInfo letters[] = {
  /* Translators: the name of a letter in the list of letters */
  { "hardship", N_("Repayment plan request"),
    /* Translators: a one-line description of a letter in the list of letters */
    N_("Ask a lender for a plan you can afford, with your budget and debts") },
  /* Translators: the name of a letter in the list of letters */
  { "complaint", N_("Complaint about collection"),
    /* Translators: a one-line description of a letter in the list of letters */
    N_("Complain to the lender or to 12378, citing your evidence log") },
  /* Translators: the name of a letter in the list of letters */
  { "credit-dispute", N_("Credit report dispute"),
    /* Translators: a one-line description of a letter in the list of letters */
    N_("Object to wrong or missing information in your credit report") },
  /* Translators: the name of a letter in the list of letters */
  { "stop-third-parties", N_("Stop contacting others"),
    /* Translators: a one-line description of a letter in the list of letters */
    N_("Ask a lender to stop contacting your family, friends and colleagues") },
};

static const char * const letter_ids[] = {
  "hardship", "complaint", "credit-dispute", "stop-third-parties", NULL,
};

static const LetterInfo *
find_letter (const char *id)
{
  guint i;

  for (i = 0; id != NULL && i < G_N_ELEMENTS (letters); i++)
    if (g_str_equal (letters[i].id, id))
      return &letters[i];
  return NULL;
}

/* ---- Fields ------------------------------------------------------------ */

void
shore_letter_fields_init (ShoreLetterFields *fields)
{
  g_return_if_fail (fields != NULL);

  memset (fields, 0, sizeof *fields);
  fields->name = g_strdup ("");
  fields->id_number = g_strdup ("");
  fields->phone = g_strdup ("");
  fields->address = g_strdup ("");
  fields->recipient = g_strdup ("");
  fields->details = g_strdup ("");
}

void
shore_letter_fields_clear (ShoreLetterFields *fields)
{
  g_return_if_fail (fields != NULL);

  g_clear_pointer (&fields->name, g_free);
  g_clear_pointer (&fields->id_number, g_free);
  g_clear_pointer (&fields->phone, g_free);
  g_clear_pointer (&fields->address, g_free);
  g_clear_pointer (&fields->recipient, g_free);
  g_clear_pointer (&fields->details, g_free);
}

static gboolean
is_blank (const char *text)
{
  const char *p;

  for (p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
replace_string (char       **field,
                const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* A blank to fill in by hand on a printed letter form. */
static const char *
form_blank (void)
{
  /* Translators: a blank on a printed letter form, where the borrower writes by hand (a name, a
   * phone number, an amount); in Chinese full-width low lines read better: “＿＿＿＿＿＿” */
  return C_("letter form", "______________");
}

/* ---- What the data says ------------------------------------------------ */

typedef struct
{
  GListModel *debts;          /* of ShoreDebt, paid-off ones included */
  ShoreDebt  *loan;           /* the one the letter is about, or NULL; borrowed */
  gint64      total_owed;     /* loans not paid off */
  guint       n_trend;        /* months with entries among the last complete ones */
  GDate       trend_from;
  GDate       trend_to;
  gint64      avg_income;
  gint64      avg_spending;
  gint64      avg_debt_paid;
  gint64      surplus;        /* for debt a month, >= 0 */
} LetterData;

static void
letter_data_clear (LetterData *data)
{
  g_clear_object (&data->debts);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LetterData, letter_data_clear)

static gboolean
debt_is_open (ShoreDebt *debt)
{
  return shore_debt_get_status (debt)->state != SHORE_LOAN_STATE_PAID_OFF;
}

static gint64
average (gint64 sum,
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
read_trend (ShoreStore  *store,
            const GDate *today,
            LetterData  *data,
            GError     **error)
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

  data->avg_income = average (income, data->n_trend);
  data->avg_spending = average (spending, data->n_trend);
  data->avg_debt_paid = average (debt_paid, data->n_trend);
  return TRUE;
}

static gboolean
read_surplus (ShoreStore  *store,
              const GDate *today,
              LetterData  *data,
              GError     **error)
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

static gboolean
read_data (ShoreStore  *store,
           const GDate *today,
           gint64       loan_id,
           LetterData  *data,
           GError     **error)
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

      if (debt_is_open (debt))
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

/* ---- Prefill ----------------------------------------------------------- */

static ShoreDebt *
first_overdue_or_open (GListModel *debts)
{
  guint i, n = g_list_model_get_n_items (debts);
  ShoreDebt *open = NULL;

  /* shore_debts_list() puts overdue loans first */
  for (i = 0; i < n; i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (debts, i);

      if (debt_is_open (debt))
        {
          open = debt;
          break;
        }
    }
  return open;
}

static void
prefill_hardship (const LetterData  *data,
                  ShoreLetterFields *fields)
{
  gint64 owed = data->total_owed;
  gint64 monthly = data->surplus;

  /* the surplus split across the loans by what each is owed */
  if (data->loan != NULL && data->total_owed > 0)
    {
      owed = shore_debt_get_status (data->loan)->owed_total;
      if (!shore_money_mul_div (data->surplus, owed, data->total_owed, &monthly))
        monthly = 0;
    }

  fields->monthly_amount = MAX (monthly, 0);
  if (monthly > 0 && owed > 0)
    fields->months = (int) CLAMP ((owed + monthly - 1) / monthly, 1, HARDSHIP_MONTHS_MAX);
  else
    fields->months = 0;
}

/**
 * shore_letter_fields_prefill:
 * @store: a #ShoreStore
 * @id: a letter id
 * @today: the day the letter is written
 * @fields: (inout): fields from shore_letter_fields_init()
 * @error: return location for a #GError
 *
 * Suggests what the data can: the loan the letter is about (the first
 * overdue loan when none is set), the recipient, and for the hardship letter
 * a monthly amount and a number of months. The borrower's name, ID number,
 * phone and address are left as they are.
 *
 * Returns: %FALSE with @error set if the store could not be read
 */
gboolean
shore_letter_fields_prefill (ShoreStore        *store,
                             const char        *id,
                             const GDate       *today,
                             ShoreLetterFields *fields,
                             GError           **error)
{
  g_auto(LetterData) data = { 0 };

  g_return_val_if_fail (SHORE_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (find_letter (id) == NULL)
    {
      g_set_error (error, SHORE_LETTERS_ERROR, SHORE_LETTERS_ERROR_UNKNOWN,
                   /* Translators: %s is the id of a letter, e.g. “hardship” */
                   _("There is no letter called “%s”."), id != NULL ? id : "");
      return FALSE;
    }

  if (!read_data (store, today, fields->loan_id, &data, error))
    return FALSE;

  if (data.loan == NULL && !g_str_equal (id, "credit-dispute"))
    {
      data.loan = first_overdue_or_open (data.debts);
      if (data.loan != NULL)
        fields->loan_id = shore_debt_get_id (data.loan);
    }

  if (g_str_equal (id, "credit-dispute"))
    /* Translators: the default recipient of a credit report dispute (中国人民银行征信中心) */
    replace_string (&fields->recipient, _("Credit Reference Center of the People’s Bank of China"));
  else if (data.loan != NULL)
    replace_string (&fields->recipient, shore_debt_get_loan (data.loan)->lender);

  if (g_str_equal (id, "hardship"))
    prefill_hardship (&data, fields);

  return TRUE;
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

static void
add_paragraph (ShoreLetter *letter,
               char        *text)   /* takes it */
{
  ShoreLetterBlock *block = g_new0 (ShoreLetterBlock, 1);

  block->text = text;
  g_ptr_array_add (letter->blocks, block);
}

static ShoreLetterTable *
add_table (ShoreLetter *letter,
           const char  *caption,
           const char  *first_header,
           ...) G_GNUC_NULL_TERMINATED;

static ShoreLetterTable *
add_table (ShoreLetter *letter,
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
static void
table_add_row (ShoreLetterTable *table,
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
static char *
cite (const char              *source,
      ShoreEvidenceKind        kind,
      ShoreEvidenceConfidence  confidence)
{
  /* Translators: a legal source cited in a letter: the document and article, the kind of rule
   * (“Law”, “Regulation”, “Industry code”) and how sure we are of it (“read in the text itself”) */
  return g_strdup_printf (_("%s; %s, %s"), source,
                          shore_evidence_kind_get_label (kind),
                          shore_evidence_confidence_get_label (confidence));
}

static char *
lender_of (const LetterData        *data,
           const ShoreLetterFields *fields)
{
  if (data->loan != NULL)
    return g_strdup (shore_debt_get_loan (data->loan)->lender);
  return g_strdup (fields->recipient);
}

static ShoreLetter *
letter_new (const char              *id,
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

static void
add_signature (ShoreLetter             *letter,
               const ShoreLetterFields *fields)
{
  /* Translators: a signature line of a letter; %s is the borrower's name. In Chinese: “申请人：%s” */
  g_ptr_array_add (letter->signature, g_strdup_printf (_("Applicant: %s"), fields->name));
  if (!is_blank (fields->id_number))
    /* Translators: a signature line of a letter; %s is an ID card number (身份证号) */
    g_ptr_array_add (letter->signature, g_strdup_printf (_("ID number: %s"), fields->id_number));
  /* Translators: a signature line of a letter; %s is a phone number */
  g_ptr_array_add (letter->signature, g_strdup_printf (_("Phone: %s"), fields->phone));
  if (!is_blank (fields->address))
    /* Translators: a signature line of a letter; %s is a postal address */
    g_ptr_array_add (letter->signature, g_strdup_printf (_("Address: %s"), fields->address));
  /* Translators: a signature line of a letter: where the borrower signs by hand (签名) */
  g_ptr_array_add (letter->signature, g_strdup (_("Signature:")));
  /* Translators: a signature line of a letter; %s is the date. In Chinese: “日期：%s” */
  g_ptr_array_add (letter->signature, g_strdup_printf (_("Date: %s"), letter->date));
}

static void
add_common_guidance (ShoreLetter *letter)
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

static void
add_debts_table (ShoreLetter      *letter,
                 const LetterData *data,
                 ShoreDebt        *only)
{
  guint i, n = g_list_model_get_n_items (data->debts);
  ShoreLetterTable *table;

  table = add_table (letter,
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

      if ((only != NULL && debt != only) || (only == NULL && !debt_is_open (debt)))
        continue;
      table_add_row (table, g_strdup (loan->lender), shore_money_format (loan->principal),
                     shore_money_format (status->owed_total), format_days (status->days_overdue), NULL);
    }

  if (only == NULL)
    /* Translators: the last row of the debts table of a letter */
    table_add_row (table, g_strdup (_("Total")), g_strdup (""), shore_money_format (data->total_owed),
                   g_strdup (""), NULL);
}

static char *
format_month (const GDate *date)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), 1, 12, 0, 0);

  /* Translators: a month in a letter, as a strftime format; in Chinese “%Y年%-m月” */
  return g_date_time_format (when, _("%B %Y"));
}

static gboolean
add_budget_table (ShoreLetter      *letter,
                  ShoreStore       *store,
                  const LetterData *data,
                  GError          **error)
{
  g_autoptr(GArray) categories = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *caption = NULL;
  ShoreLetterTable *table;
  gint64 debt_category;
  guint i;

  if (data->n_trend == 0)
    return TRUE;

  categories = shore_ledger_spending_by_category (store, &data->trend_from, &data->trend_to, error);
  if (categories == NULL)
    return FALSE;
  debt_category = shore_ledger_find_builtin (store, "debt", NULL);

  from = format_month (&data->trend_from);
  to = format_month (&data->trend_to);
  caption = g_strdup_printf (shore_ngettext (
                                             /* Translators: above a table of a letter; %u is a number of
                                           * months (1 to 3), the first %s the first month (“March
                                           * 2026”), the second the last */
                                             "My income and expenses a month, on average over %u month (%s to %s):",
                                             "My income and expenses a month, on average over %u months (%s to %s):",
                                             data->n_trend),
                             data->n_trend, from, to);
  table = add_table (letter, caption,
                     /* Translators: a column of the income-and-expenses table of a letter */
                     C_("income and expenses table", "Item"),
                     /* Translators: a column of the income-and-expenses table of a letter */
                     _("A month"),
                     NULL);

  /* Translators: a row of the income-and-expenses table of a letter */
  table_add_row (table, g_strdup (_("Income")), shore_money_format (data->avg_income), NULL);
  for (i = 0; i < categories->len; i++)
    {
      const ShoreCategoryTotal *total = &g_array_index (categories, ShoreCategoryTotal, i);

      if (total->category_id == debt_category && debt_category != 0)
        continue;
      table_add_row (table,
                     /* Translators: a row of the income-and-expenses table of a letter: a spending category */
                     g_strdup_printf (_("Spending: %s"), total->name),
                     shore_money_format (average (total->amount, data->n_trend)), NULL);
    }
  /* Translators: a row of the income-and-expenses table of a letter */
  table_add_row (table, g_strdup (_("Total living expenses")), shore_money_format (data->avg_spending), NULL);
  /* Translators: a row of the income-and-expenses table of a letter */
  table_add_row (table, g_strdup (_("Debt repayments made")), shore_money_format (data->avg_debt_paid), NULL);
  /* Translators: a row of the income-and-expenses table of a letter: income minus living expenses */
  table_add_row (table, g_strdup (_("Left for all my debts")),
                 shore_money_format (data->avg_income - data->avg_spending), NULL);
  return TRUE;
}

/* ---- The hardship letter ----------------------------------------------- */

static gboolean
build_hardship (ShoreLetter             *letter,
                ShoreStore              *store,
                const ShoreLetterFields *fields,
                const LetterData        *data,
                GError                 **error)
{
  g_autofree char *lender = lender_of (data, fields);
  g_autofree char *monthly = fields->monthly_amount > 0 ? shore_money_format (fields->monthly_amount)
                                                        : g_strdup (form_blank ());
  g_autofree char *basis = NULL;

  /* Translators: the subject line of a letter (事由); in Chinese e.g. “事由：申请协商还款” */
  letter->subject = g_strdup (_("Subject: request for a repayment plan I can afford"));

  if (data->loan != NULL)
    {
      const ShoreLoan *loan = shore_debt_get_loan (data->loan);
      g_autofree char *start = shore_date_format_iso (&loan->start_date);
      g_autofree char *owed = shore_money_format (shore_debt_get_status (data->loan)->owed_total);

      add_paragraph (letter,
                     /* Translators: the opening of a letter in the borrower's voice: the first %s is the
                      * borrower's name, the second the lender, the third a date (YYYY-MM-DD), the fourth an
                      * amount (“¥8,000.00”) */
                     g_strdup_printf (_("I, %s, borrowed from %s on %s and still owe %s. My income no longer "
                                        "covers my living costs and all my repayments, so I cannot keep to the "
                                        "agreed schedule. I am not refusing to pay: I want to repay what I "
                                        "lawfully owe, at a pace I can keep up."),
                                      fields->name, lender, start, owed));
    }
  else
    add_paragraph (letter,
                   /* Translators: the opening of a letter in the borrower's voice; %s is the borrower's name */
                   g_strdup_printf (_("I, %s, can no longer keep up with the repayments of my loans: my income "
                                      "no longer covers my living costs and all my repayments. I am not refusing "
                                      "to pay: I want to repay what I lawfully owe, at a pace I can keep up."),
                                    fields->name));

  add_debts_table (letter, data, NULL);
  if (!add_budget_table (letter, store, data, error))
    return FALSE;

  if (fields->months < 1)
    add_paragraph (letter,
                   /* Translators: the proposal of a printed letter form: both %s are blanks to fill in
                    * by hand, the first for an amount, the second for a number of months */
                   g_strdup_printf (_("I propose to repay %s a month for %s months, starting next month. I ask "
                                      "you to consider reducing or waiving the penalty interest and fees while I "
                                      "keep to this plan, and to stop collection calls while I do."),
                                    monthly, form_blank ()));
  else
    add_paragraph (letter,
                   g_strdup_printf (shore_ngettext (
                                                    /* Translators: the proposal of a letter; %s is an amount
                                                     * (“¥500.00”), %d a number of months */
                                                    "I propose to repay %s a month for %d month, starting next month. "
                                                    "I ask you to consider reducing or waiving the penalty interest "
                                                    "and fees while I keep to this plan, and to stop collection "
                                                    "calls while I do.",
                                                    "I propose to repay %s a month for %d months, starting next month. "
                                                    "I ask you to consider reducing or waiving the penalty interest "
                                                    "and fees while I keep to this plan, and to stop collection "
                                                    "calls while I do.",
                                                    fields->months),
                                    monthly, fields->months));

  if (data->loan != NULL && shore_debt_get_loan (data->loan)->lender_type == SHORE_LENDER_CREDIT_CARD)
    {
      basis = cite (_("《商业银行信用卡业务监督管理办法》 Article 70"),
                    SHORE_EVIDENCE_KIND_REGULATION, SHORE_CONFIDENCE_SECONDARY);
      add_paragraph (letter,
                     /* Translators: %s is a citation: the document and article, the kind of rule and how
                      * sure we are of it. Art. 70 lets the bank agree (可以), it is not a right: keep it a request */
                     g_strdup_printf (_("The rules on banks’ credit card business allow a card issuer to agree "
                                        "an individual instalment plan of up to five years with a cardholder "
                                        "who cannot pay the debt but wants to (%s). I ask you to agree such a "
                                        "plan with me."), basis));
    }
  else
    {
      basis = cite (_("《民法典》 Article 678"), SHORE_EVIDENCE_KIND_LAW, SHORE_CONFIDENCE_PRIMARY);
      add_paragraph (letter,
                     /* Translators: %s is a citation: the document and article, the kind of rule and how
                      * sure we are of it */
                     g_strdup_printf (_("I understand that a change to the repayment terms needs your agreement "
                                        "(%s). I ask you to agree to this plan."), basis));
    }

  if (!is_blank (fields->details))
    add_paragraph (letter, g_strdup (fields->details));

  add_paragraph (letter,
                 g_strdup (_("Please reply to me in writing at the address or phone number below. Thank you "
                             "for considering my request.")));

  g_ptr_array_add (letter->guidance,
                   g_strdup (_("Offer only what you can really pay every month after rent, food and other "
                               "essentials: a plan you cannot keep makes things worse.")));
  g_ptr_array_add (letter->guidance,
                   g_strdup (_("A lender does not have to agree, and stopping interest (停息挂账) is not a right: "
                               "it is something to negotiate. Get any agreement in writing before you pay.")));
  return TRUE;
}

/* ---- The complaint ------------------------------------------------------- */

static GArray *
check_contacts (GPtrArray        *contacts,
                const LetterData *data,
                ShoreContact    **out_flat)
{
  g_autoptr(GArray) loans = g_array_new (FALSE, TRUE, sizeof (ShoreEvidenceLoan));
  ShoreEvidenceContext ctx;
  GArray *flags = NULL;
  guint i, n = g_list_model_get_n_items (data->debts);

  for (i = 0; i < n; i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (data->debts, i);
      ShoreEvidenceLoan loan;

      shore_evidence_loan_init (&loan);
      loan.loan_id = shore_debt_get_id (debt);
      loan.owed_total = shore_debt_get_status (debt)->owed_total;
      loan.lender_type = shore_debt_get_loan (debt)->lender_type;
      g_array_append_val (loans, loan);
    }

  /* the rules take a plain array of contacts; copy the structs, not their strings */
  *out_flat = g_new0 (ShoreContact, MAX (contacts->len, 1));
  for (i = 0; i < contacts->len; i++)
    (*out_flat)[i] = *(ShoreContact *) g_ptr_array_index (contacts, i);

  ctx.loans = (const ShoreEvidenceLoan *) loans->data;
  ctx.n_loans = loans->len;
  shore_evidence_check (*out_flat, contacts->len, &ctx, &flags);
  return flags;
}

static char *
format_when (const ShoreContact *contact)
{
  if (contact->occurred_at == NULL)
    return g_strdup ("");
  return g_date_time_format (contact->occurred_at, "%Y-%m-%d %H:%M");
}

static char *
rules_of_contact (GArray *flags,
                  guint   contact)
{
  GString *rules = g_string_new (NULL);
  guint i;

  for (i = 0; i < flags->len; i++)
    {
      const ShoreEvidenceFlag *flag = &g_array_index (flags, ShoreEvidenceFlag, i);

      if (flag->contact != contact)
        continue;
      if (rules->len > 0)
        /* Translators: separates the names of rules in a cell of a letter's table */
        g_string_append (rules, _("; "));
      g_string_append (rules, shore_evidence_rule_get_label (flag->rule));
    }
  return g_string_free (rules, FALSE);
}

static gboolean
has_flag (GArray            *flags,
          guint              contact,
          ShoreEvidenceRule  rule)
{
  guint i;

  for (i = 0; i < flags->len; i++)
    if (g_array_index (flags, ShoreEvidenceFlag, i).contact == contact &&
        g_array_index (flags, ShoreEvidenceFlag, i).rule == rule)
      return TRUE;
  return FALSE;
}

/* All contacts, or (@only_rule ≥ 0) those with a flag of that rule. */
static void
add_contacts_table (ShoreLetter        *letter,
                    const char         *caption,
                    const ShoreContact *contacts,
                    guint               n,
                    GArray             *flags,
                    int                 only_rule)
{
  ShoreLetterTable *table;
  guint i;

  table = add_table (letter, caption,
                     /* Translators: a column of the contacts table of a letter */
                     _("No."),
                     /* Translators: a column of the contacts table of a letter */
                     _("Date and time"),
                     /* Translators: a column of the contacts table of a letter: call, text message… */
                     _("Channel"),
                     /* Translators: a column of the contacts table of a letter: the lender or agency */
                     _("Organization"),
                     /* Translators: a column of the contacts table of a letter: the phone number used */
                     _("Number"),
                     /* Translators: a column of the contacts table of a letter: the rules likely broken */
                     _("Likely breaches"),
                     NULL);

  for (i = 0; i < n; i++)
    {
      char *rules;

      if (only_rule >= 0 && !has_flag (flags, i, (ShoreEvidenceRule) only_rule))
        continue;
      rules = rules_of_contact (flags, i);
      table_add_row (table, g_strdup_printf ("%u", i + 1), format_when (&contacts[i]),
                     g_strdup (shore_contact_channel_get_label (contacts[i].channel)),
                     g_strdup (contacts[i].organization), g_strdup (contacts[i].phone), rules, NULL);
    }
}

static void
add_flag_paragraphs (ShoreLetter        *letter,
                     const ShoreContact *contacts,
                     GArray             *flags,
                     int                 only_rule)
{
  guint i;

  for (i = 0; i < flags->len; i++)
    {
      const ShoreEvidenceFlag *flag = &g_array_index (flags, ShoreEvidenceFlag, i);
      g_autofree char *when = format_when (&contacts[flag->contact]);

      if (only_rule >= 0 && flag->rule != (ShoreEvidenceRule) only_rule)
        continue;
      add_paragraph (letter,
                     /* Translators: one likely breach in a letter: the contact's number in the table, its
                      * date and time, the rule's name, what was found; then on a new line the kind of rule
                      * (“Industry code”), how sure we are of it, and the documents and articles */
                     g_strdup_printf (_("Contact %u (%s), %s: %s\nSource (%s, %s): %s"),
                                      flag->contact + 1, when, shore_evidence_rule_get_label (flag->rule),
                                      flag->message, shore_evidence_kind_get_label (flag->kind),
                                      shore_evidence_confidence_get_label (flag->confidence),
                                      flag->citation));
    }
}

static gboolean
build_complaint (ShoreLetter             *letter,
                 ShoreStore              *store,
                 const ShoreLetterFields *fields,
                 const LetterData        *data,
                 GError                 **error)
{
  g_autoptr(GPtrArray) contacts = shore_evidence_store_list (store, error);
  g_autofree ShoreContact *flat = NULL;
  g_autoptr(GArray) flags = NULL;
  g_autofree char *lender = lender_of (data, fields);
  ShoreEvidenceSummary summary;

  if (contacts == NULL)
    return FALSE;
  if (contacts->len == 0 && is_blank (fields->details))
    {
      g_set_error (error, SHORE_LETTERS_ERROR, SHORE_LETTERS_ERROR_MISSING_FIELD,
                   _("The evidence log has no contacts to complain about. Record them in the log first, "
                     "or describe what happened under “What happened”."));
      return FALSE;
    }

  flags = check_contacts (contacts, data, &flat);
  shore_evidence_summarize (flat, contacts->len, flags, &summary);

  /* Translators: the subject line of a letter (事由); %s is the lender. In Chinese e.g. “事由：投诉%s不当催收” */
  letter->subject = g_strdup_printf (_("Subject: complaint about improper debt collection by %s"), lender);

  /* Translators: the opening of a complaint in the borrower's voice: the first %s is the
   * borrower's name, the second the lender */
  add_paragraph (letter, g_strdup_printf (_("I, %s, am a borrower of %s. I complain about the way my debt is "
                                            "being collected by the lender or by collectors acting for it."),
                                          fields->name, lender));

  if (contacts->len > 0)
    {
      g_autofree char *first = shore_date_format_iso (&summary.first_day);
      g_autofree char *last = shore_date_format_iso (&summary.last_day);
      g_autofree char *counts = g_strdup_printf (shore_ngettext (
                                                                 /* Translators: %u is a number of contacts, the
                                                               * two %s dates (YYYY-MM-DD) */
                                                                 "From %s to %s I recorded %u contact by them.",
                                                                 "From %s to %s I recorded %u contacts by them.",
                                                                 summary.n_contacts),
                                                 first, last, summary.n_contacts);
      g_autofree char *breaches = g_strdup_printf (shore_ngettext (
                                                                   /* Translators: %u is a number of contacts */
                                                                   "%u of them shows a likely breach of the rules on "
                                                                   "debt collection, as set out below.",
                                                                   "%u of them show a likely breach of the rules on "
                                                                   "debt collection, as set out below.",
                                                                   summary.n_flagged_contacts),
                                                   summary.n_flagged_contacts);

      /* Translators: two sentences of a letter joined: the count of contacts, then the count of breaches */
      add_paragraph (letter, g_strdup_printf (_("%s %s"), counts, breaches));
      add_contacts_table (letter, _("The contacts I recorded:"), flat, contacts->len, flags, -1);
      if (flags->len > 0)
        {
          add_paragraph (letter, g_strdup (_("The likely breaches and the rules they break:")));
          add_flag_paragraphs (letter, flat, flags, -1);
        }
    }

  if (!is_blank (fields->details))
    add_paragraph (letter, g_strdup (fields->details));

  add_paragraph (letter,
                 g_strdup (_("I ask you to look into these contacts, to see that the lender and any agency "
                             "collecting for it stop these practices, and to reply to me in writing. I do not "
                             "dispute what I lawfully owe and I am willing to discuss repaying it; I ask only "
                             "that collection keep to the rules. I keep recordings and screenshots of these "
                             "contacts and can provide them.")));

  g_ptr_array_add (letter->guidance,
                   g_strdup (_("You can send the complaint to the lender first, and to the regulator too: 12378 "
                               "is the banking and insurance consumer complaint hotline of the National "
                               "Financial Regulatory Administration, for improper collection by banks, consumer "
                               "finance companies, microlenders and others; a reply usually comes within 15 "
                               "working days (reported).")));
  g_ptr_array_add (letter->guidance,
                   g_strdup (_("Attach the evidence sheet from the evidence log, and keep the recordings and "
                               "screenshots themselves safe. For violence, threats or someone forcing their way "
                               "into your home, call the police on 110.")));
  return TRUE;
}

/* ---- The credit-report dispute ------------------------------------------ */

static gboolean
build_credit_dispute (ShoreLetter             *letter,
                      ShoreStore              *store,
                      const ShoreLetterFields *fields,
                      const LetterData        *data,
                      GError                 **error)
{
  g_autofree char *art25 = cite (_("《征信业管理条例》 Article 25"), SHORE_EVIDENCE_KIND_LAW, SHORE_CONFIDENCE_PRIMARY);
  g_autofree char *art15 = cite (_("《征信业管理条例》 Article 15"), SHORE_EVIDENCE_KIND_LAW, SHORE_CONFIDENCE_PRIMARY);
  g_autofree char *art26 = cite (_("《征信业管理条例》 Article 26"), SHORE_EVIDENCE_KIND_LAW, SHORE_CONFIDENCE_PRIMARY);

  /* Translators: the subject line of a letter (事由); in Chinese e.g. “事由：征信异议申请” */
  letter->subject = g_strdup (_("Subject: objection to wrong information in my credit report"));

  if (!is_blank (fields->id_number))
    add_paragraph (letter,
                   /* Translators: the opening of a credit report dispute: the first %s is the borrower's
                    * name, the second an ID card number */
                   g_strdup_printf (_("I, %s (ID number %s), have checked my personal credit report and "
                                      "believe the following information in it is wrong or missing:"),
                                    fields->name, fields->id_number));
  else
    add_paragraph (letter,
                   /* Translators: the opening of a credit report dispute; %s is the borrower's name */
                   g_strdup_printf (_("I, %s, have checked my personal credit report and believe the following "
                                      "information in it is wrong or missing:"), fields->name));
  add_paragraph (letter, g_strdup (fields->details));

  if (data->loan != NULL)
    add_debts_table (letter, data, data->loan);

  add_paragraph (letter,
                 /* Translators: %s is a citation: the document and article, the kind of rule and how sure
                  * we are of it. The 20 days are calendar days (20日内) */
                 g_strdup_printf (_("A person who believes information about them is wrong or missing may object "
                                    "to the credit reporting agency or to the provider of the information, which "
                                    "must mark it as disputed, check it and answer in writing within 20 days of "
                                    "receiving the objection, correcting what is wrong (%s)."), art25));
  add_paragraph (letter,
                 /* Translators: %s is a citation */
                 g_strdup_printf (_("If negative information about me was reported without telling me first, I ask "
                                    "you to check that too: a provider must tell the person before it reports "
                                    "negative information (%s)."), art15));
  add_paragraph (letter,
                 g_strdup (_("I ask you to mark this information as disputed, check it, correct it, and answer "
                             "me in writing within 20 days.")));
  add_paragraph (letter,
                 /* Translators: %s is a citation */
                 g_strdup_printf (_("If the matter is not resolved, I may complain to the local branch of the "
                                    "People’s Bank of China, which answers in writing within 30 days, or go to "
                                    "court (%s)."), art26));
  add_paragraph (letter,
                 g_strdup (_("Enclosed: a copy of my ID card and of the pages of my credit report concerned.")));

  g_ptr_array_add (letter->guidance,
                   g_strdup (_("Send the dispute to the credit reference centre or to the lender that reported "
                               "the information, with a copy of your ID card and of the report pages.")));
  g_ptr_array_add (letter->guidance,
                   g_strdup (_("Count 20 days from the day they receive it; keep the receipt that shows that "
                               "day. 12363, the People’s Bank of China’s financial consumer hotline, takes "
                               "credit-report complaints; complain to the lender first (reported).")));
  return TRUE;
}

/* ---- Stop contacting third parties -------------------------------------- */

static gboolean
build_stop_third_parties (ShoreLetter             *letter,
                          ShoreStore              *store,
                          const ShoreLetterFields *fields,
                          const LetterData        *data,
                          GError                 **error)
{
  g_autoptr(GPtrArray) contacts = shore_evidence_store_list (store, error);
  g_autofree ShoreContact *flat = NULL;
  g_autoptr(GArray) flags = NULL;
  g_autofree char *lender = lender_of (data, fields);
  g_autofree char *privacy = cite (_("《民法典》 Article 1033"), SHORE_EVIDENCE_KIND_LAW, SHORE_CONFIDENCE_PRIMARY);
  g_autofree char *code = cite (_("the China Banking Association’s guidelines on collecting personal consumer "
                                  "loans, 《金融机构个人消费类贷款催收工作指引（试行）》, 2026"),
                                SHORE_EVIDENCE_KIND_INDUSTRY_CODE, SHORE_CONFIDENCE_SECONDARY);
  guint i, n_third = 0;

  if (contacts == NULL)
    return FALSE;
  flags = check_contacts (contacts, data, &flat);
  for (i = 0; i < flags->len; i++)
    if (g_array_index (flags, ShoreEvidenceFlag, i).rule == SHORE_EVIDENCE_RULE_THIRD_PARTY)
      n_third++;

  /* Translators: the subject line of a letter (事由); in Chinese e.g. “事由：要求停止联系第三人” */
  letter->subject = g_strdup (_("Subject: stop contacting my family, friends, colleagues and other people"));

  /* Translators: the opening of a letter in the borrower's voice: the first %s is the borrower's
   * name, the second the lender */
  add_paragraph (letter, g_strdup_printf (_("I, %s, am a borrower of %s. You, or collectors acting for you, have "
                                            "contacted people I know about my debt."), fields->name, lender));
  if (n_third > 0)
    {
      add_contacts_table (letter, _("The contacts I recorded:"), flat, contacts->len, flags, SHORE_EVIDENCE_RULE_THIRD_PARTY);
      add_flag_paragraphs (letter, flat, flags, SHORE_EVIDENCE_RULE_THIRD_PARTY);
    }
  if (!is_blank (fields->details))
    add_paragraph (letter, g_strdup (fields->details));

  /* Translators: %s is the borrower's phone number */
  add_paragraph (letter, g_strdup_printf (_("You can reach me directly at %s. There is no need to contact anyone "
                                            "else about my debt."), fields->phone));
  add_paragraph (letter,
                 /* Translators: %s is a citation: the document and article, the kind of rule and how sure
                  * we are of it */
                 g_strdup_printf (_("Disturbing someone’s private life by calls, text messages or chat messages "
                                    "without their consent infringes their privacy (%s)."), privacy));
  add_paragraph (letter,
                 /* Translators: %s is a citation of an industry code (self-regulation, not a law) */
                 g_strdup_printf (_("Collectors must not collect from third parties unrelated to the debt, must "
                                    "never tell them about it, and must stop contacting anyone who asks them to "
                                    "(%s)."), code));
  if (data->loan != NULL && shore_debt_get_loan (data->loan)->lender_type == SHORE_LENDER_CREDIT_CARD)
    {
      g_autofree char *art68 = cite (_("《商业银行信用卡业务监督管理办法》 Article 68"),
                                     SHORE_EVIDENCE_KIND_REGULATION, SHORE_CONFIDENCE_SECONDARY);

      add_paragraph (letter,
                     /* Translators: %s is a citation */
                     g_strdup_printf (_("A card issuer must not collect from third parties unrelated to the debt "
                                        "(%s)."), art68));
    }
  add_paragraph (letter,
                 g_strdup (_("I ask you to stop contacting anyone but me about my debt, from now on; to tell any "
                             "agency collecting for you to do the same; and to confirm this to me in writing. If "
                             "it goes on, I will complain to 12378 and keep a record of every contact.")));

  g_ptr_array_add (letter->guidance,
                   g_strdup (_("Ask the people who were contacted to note the date, time and number, and to keep "
                               "screenshots; add each contact to your evidence log.")));
  return TRUE;
}

/* ---- Public API ---------------------------------------------------------- */

/**
 * shore_letter_list_ids:
 *
 * Returns: (transfer none): the letter ids in display order, %NULL-terminated
 */
const char * const *
shore_letter_list_ids (void)
{
  return letter_ids;
}

gboolean
shore_letter_id_is_valid (const char *id)
{
  return find_letter (id) != NULL;
}

const char *
shore_letter_get_name (const char *id)
{
  const LetterInfo *info = find_letter (id);

  g_return_val_if_fail (info != NULL, NULL);
  return _(info->name);
}

const char *
shore_letter_get_description (const char *id)
{
  const LetterInfo *info = find_letter (id);

  g_return_val_if_fail (info != NULL, NULL);
  return _(info->description);
}

static gboolean
missing (const char  *value,
         const char  *message,
         GError     **error)
{
  if (!is_blank (value))
    return FALSE;
  g_set_error_literal (error, SHORE_LETTERS_ERROR, SHORE_LETTERS_ERROR_MISSING_FIELD, message);
  return TRUE;
}

static gboolean
validate_fields (const char              *id,
                 const ShoreLetterFields *fields,
                 gboolean                 form,
                 GError                 **error)
{
  if (missing (fields->name, _("Enter your name: a letter must say who sends it."), error) ||
      missing (fields->phone, _("Enter your phone number, so that they can answer you."), error) ||
      missing (fields->recipient, _("Enter the recipient: the lender, 12378 or the credit reference centre."),
               error))
    return FALSE;

  if ((g_str_equal (id, "hardship") || g_str_equal (id, "credit-dispute")) &&
      missing (fields->address, _("Enter your address, so that they can answer you in writing."), error))
    return FALSE;

  if (g_str_equal (id, "credit-dispute") &&
      missing (fields->details, _("Describe what is wrong in your credit report: the lender, the account and "
                                  "what the record should say."), error))
    return FALSE;

  if (g_str_equal (id, "hardship") && fields->monthly_amount <= 0 && !form)
    {
      g_set_error_literal (error, SHORE_LETTERS_ERROR, SHORE_LETTERS_ERROR_MISSING_FIELD,
                           _("Enter the amount you can repay each month."));
      return FALSE;
    }
  if (g_str_equal (id, "hardship") && (fields->months < (form ? 0 : 1) || fields->months > HARDSHIP_MONTHS_MAX))
    {
      g_set_error (error, SHORE_LETTERS_ERROR, SHORE_LETTERS_ERROR_INVALID_FIELD,
                   /* Translators: %d is the largest number of months (600) */
                   _("The number of months must be between 1 and %d."), HARDSHIP_MONTHS_MAX);
      return FALSE;
    }
  return TRUE;
}

static const char *
letter_title (const char *id)
{
  if (g_str_equal (id, "hardship"))
    /* Translators: the title of a letter; in Chinese the official form “协商还款申请书” */
    return _("Application for a Repayment Plan");
  if (g_str_equal (id, "complaint"))
    /* Translators: the title of a letter; in Chinese e.g. “关于不当催收的投诉书” */
    return _("Complaint About Improper Debt Collection");
  if (g_str_equal (id, "credit-dispute"))
    /* Translators: the title of a letter; in Chinese the official form “征信异议申请书” */
    return _("Credit Report Dispute");
  /* Translators: the title of a letter; in Chinese e.g. “关于停止向第三人催收的函” */
  return _("Request to Stop Contacting Third Parties");
}

static ShoreLetter *build_letter (ShoreStore              *store,
                                  const char              *id,
                                  const ShoreLetterFields *fields,
                                  const GDate             *today,
                                  gboolean                 form,
                                  GError                 **error);

/**
 * shore_letter_build:
 * @store: a #ShoreStore
 * @id: a letter id
 * @fields: what the borrower filled in
 * @today: the date of the letter
 * @error: return location for a #GError
 *
 * Writes the letter in the current UI language from the register, the
 * budget and the evidence log.
 *
 * Returns: (transfer full): the letter, or %NULL with @error set: a
 *   #SHORE_LETTERS_ERROR naming a missing field, or a store error
 */
ShoreLetter *
shore_letter_build (ShoreStore              *store,
                    const char              *id,
                    const ShoreLetterFields *fields,
                    const GDate             *today,
                    GError                 **error)
{
  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return build_letter (store, id, fields, today, FALSE, error);
}

static char *
blank_if_empty (const char *value)
{
  return g_strdup (is_blank (value) ? form_blank () : value);
}

/**
 * shore_letter_build_form:
 * @store: a #ShoreStore
 * @id: a letter id
 * @fields: what is known; empty fields become blanks
 * @today: the date of the letter
 * @error: return location for a #GError
 *
 * Like shore_letter_build(), for a printed form: an empty name, phone,
 * address or recipient, a hardship letter's monthly amount or months of 0,
 * and a credit dispute's empty ID number and details print as blanks to
 * fill in by hand instead of being refused.
 *
 * Returns: (transfer full): the letter, or %NULL with @error set
 */
ShoreLetter *
shore_letter_build_form (ShoreStore              *store,
                         const char              *id,
                         const ShoreLetterFields *fields,
                         const GDate             *today,
                         GError                 **error)
{
  ShoreLetterFields form = *fields;
  g_autofree char *name = blank_if_empty (fields->name);
  g_autofree char *phone = blank_if_empty (fields->phone);
  g_autofree char *address = blank_if_empty (fields->address);
  g_autofree char *recipient = blank_if_empty (fields->recipient);
  g_autofree char *id_number = NULL;
  g_autofree char *details = NULL;

  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  form.name = name;
  form.phone = phone;
  form.address = address;
  form.recipient = recipient;
  if (g_strcmp0 (id, "credit-dispute") == 0)
    {
      id_number = blank_if_empty (fields->id_number);
      form.id_number = id_number;
      if (is_blank (fields->details))
        {
          /* three lines to write on */
          GString *lines = g_string_new (NULL);

          for (guint line = 0; line < 3; line++)
            {
              if (line > 0)
                g_string_append_c (lines, '\n');
              for (guint i = 0; i < 6; i++)
                g_string_append (lines, form_blank ());
            }
          details = g_string_free (lines, FALSE);
          form.details = details;
        }
    }
  return build_letter (store, id, &form, today, TRUE, error);
}

static ShoreLetter *
build_letter (ShoreStore              *store,
              const char              *id,
              const ShoreLetterFields *fields,
              const GDate             *today,
              gboolean                 form,
              GError                 **error)
{
  g_auto(LetterData) data = { 0 };
  g_autoptr(ShoreLetter) letter = NULL;
  gboolean ok;

  if (find_letter (id) == NULL)
    {
      g_set_error (error, SHORE_LETTERS_ERROR, SHORE_LETTERS_ERROR_UNKNOWN,
                   _("There is no letter called “%s”."), id != NULL ? id : "");
      return NULL;
    }
  if (!validate_fields (id, fields, form, error) || !read_data (store, today, fields->loan_id, &data, error))
    return NULL;

  letter = letter_new (id, letter_title (id), fields, today);
  if (g_str_equal (id, "hardship"))
    ok = build_hardship (letter, store, fields, &data, error);
  else if (g_str_equal (id, "complaint"))
    ok = build_complaint (letter, store, fields, &data, error);
  else if (g_str_equal (id, "credit-dispute"))
    ok = build_credit_dispute (letter, store, fields, &data, error);
  else
    ok = build_stop_third_parties (letter, store, fields, &data, error);
  if (!ok)
    return NULL;

  add_signature (letter, fields);
  add_common_guidance (letter);
  return g_steal_pointer (&letter);
}

/* ---- Text ---------------------------------------------------------------- */

static void
append_cells (GString            *text,
              const char * const *cells)
{
  guint i;

  for (i = 0; cells[i] != NULL; i++)
    {
      g_autoptr(GString) cell = g_string_new (cells[i]);

      /* a cell must not break the line or the columns */
      g_string_replace (cell, "\n", " ", 0);
      g_string_replace (cell, "|", "/", 0);
      if (i > 0)
        g_string_append (text, TABLE_SEPARATOR);
      g_string_append (text, cell->str);
    }
  g_string_append_c (text, '\n');
}

/**
 * shore_letter_to_text:
 * @letter: a letter
 *
 * Returns: (transfer full): the letter as plain text, for the borrower to edit
 */
char *
shore_letter_to_text (const ShoreLetter *letter)
{
  GString *text;
  guint i, j;

  g_return_val_if_fail (letter != NULL, NULL);

  text = g_string_new (NULL);
  g_string_append_printf (text, "%s\n\n%s\n\n%s\n", letter->title, letter->recipient, letter->subject);
  for (i = 0; i < letter->blocks->len; i++)
    {
      const ShoreLetterBlock *block = g_ptr_array_index (letter->blocks, i);

      g_string_append_c (text, '\n');
      if (block->table == NULL)
        {
          g_string_append_printf (text, "%s\n", block->text);
          continue;
        }
      if (block->table->caption != NULL)
        g_string_append_printf (text, "%s\n", block->table->caption);
      append_cells (text, (const char * const *) block->table->header);
      for (j = 0; j < block->table->rows->len; j++)
        append_cells (text, g_ptr_array_index (block->table->rows, j));
    }
  g_string_append_printf (text, "\n%s\n\n", letter->closing);
  for (i = 0; i < letter->signature->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (letter->signature, i));

  return g_string_free (text, FALSE);
}

char *
shore_letter_guidance_text (const ShoreLetter *letter)
{
  GString *text;
  guint i;

  g_return_val_if_fail (letter != NULL, NULL);

  text = g_string_new (NULL);
  for (i = 0; i < letter->guidance->len; i++)
    g_string_append_printf (text, "• %s\n", (const char *) g_ptr_array_index (letter->guidance, i));
  return g_string_free (text, FALSE);
}

gboolean
shore_letter_save_text (const char  *text,
                        const char  *path,
                        GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* g_file_set_contents() writes a temporary file and renames it over @path */
  return g_file_set_contents (path, text, -1, error);
}

/* ---- The document -------------------------------------------------------- */

static gboolean
looks_numeric (const char *cell)
{
  gunichar c = g_utf8_get_char (cell);

  return g_unichar_isdigit (c) || c == 0x00A5 /* ¥ */ || c == 0xFFE5 /* ￥ */ || c == '-' || c == 0x2212;
}

static void
add_text_table (ShoreDocument *document,
                char         **lines,
                guint          n)
{
  /* Cells never hold “|” (shore_letter_to_text replaces it), and an empty
   * last cell may have lost its trailing space: split on the bar alone. */
  g_auto(GStrv) header = g_strsplit (lines[0], "|", -1);
  guint n_columns = g_strv_length (header);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree ShoreDocumentAlign *align = g_new0 (ShoreDocumentAlign, MAX (n_columns, 1));
  guint i, c;

  for (c = 0; c < n_columns; c++)
    align[c] = SHORE_DOCUMENT_ALIGN_END;

  for (i = 1; i < n; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "|", -1);
      guint n_cells = g_strv_length (cells);
      char **row = g_new0 (char *, n_columns + 1);

      for (c = 0; c < n_columns; c++)
        {
          row[c] = g_strstrip (g_strdup (c < n_cells ? cells[c] : ""));
          if (row[c][0] != '\0' && !looks_numeric (row[c]))
            align[c] = SHORE_DOCUMENT_ALIGN_START;
        }
      g_ptr_array_add (rows, row);
    }
  for (c = 0; c < n_columns; c++)
    g_strstrip (header[c]);

  shore_document_add_table (document, (const char * const *) header, n_columns, rows, align);
}

/* One block of text between blank lines: a paragraph, or a caption and a
 * table, or a table. */
static void
add_text_block (ShoreDocument *document,
                const char    *block)
{
  g_auto(GStrv) lines = g_strsplit (block, "\n", -1);
  guint n = g_strv_length (lines);
  guint first_table = n;
  guint i;

  for (i = 0; i < n; i++)
    if (strstr (lines[i], TABLE_SEPARATOR) != NULL)
      {
        first_table = i;
        break;
      }
  for (i = first_table; i < n; i++)
    if (strstr (lines[i], TABLE_SEPARATOR) == NULL)
      {
        /* not a clean table: keep the text as it is */
        shore_document_add_paragraph (document, block);
        return;
      }

  if (first_table > 0)
    {
      char *table_start = lines[first_table];
      g_autofree char *before = NULL;

      lines[first_table] = NULL;
      before = g_strjoinv ("\n", lines);
      lines[first_table] = table_start;
      shore_document_add_paragraph (document, before);
    }
  if (first_table < n)
    add_text_table (document, lines + first_table, n - first_table);
}

/**
 * shore_letter_text_to_document:
 * @title: the letter's title, to recognise the first line
 * @text: the (edited) letter text
 * @language: the language of the text, for the fonts
 * @footer: (nullable): the footer line of every page
 *
 * Returns: (transfer full): a document to render as PDF or print
 */
ShoreDocument *
shore_letter_text_to_document (const char *title,
                               const char *text,
                               const char *language,
                               const char *footer)
{
  g_autoptr(GString) normalized = NULL;
  g_auto(GStrv) blocks = NULL;
  ShoreDocument *document;
  guint i;

  g_return_val_if_fail (text != NULL, NULL);

  normalized = g_string_new (text);
  g_string_replace (normalized, "\r\n", "\n", 0);
  blocks = g_regex_split_simple ("\\n[ \\t]*\\n", normalized->str, 0, 0);

  document = shore_document_new (language);
  if (footer != NULL)
    shore_document_set_footer (document, footer);

  for (i = 0; blocks[i] != NULL; i++)
    {
      g_autofree char *block = g_strstrip (g_strdup (blocks[i]));

      if (block[0] == '\0')
        continue;
      if (i == 0 && title != NULL && g_str_equal (block, title))
        {
          shore_document_set_title (document, block, NULL);
          continue;
        }
      add_text_block (document, block);
    }

  return document;
}
