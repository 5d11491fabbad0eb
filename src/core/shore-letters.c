/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-letters"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib.h>
#include "shore-intl.h"

#include "shore-debts.h"
#include "shore-letters.h"
#include "shore-letters-private.h"
#include "shore-loan.h"
#include "shore-money.h"

/* The four letters; their bodies are in shore-letters-hardship.c and
 * shore-letters-rights.c. Every legal statement in them comes from
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

#define HARDSHIP_MONTHS_MAX 600

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

gboolean
shore_letters_is_blank (const char *text)
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
const char *
shore_letters_form_blank (void)
{
  /* Translators: a blank on a printed letter form, where the borrower writes by hand (a name, a
   * phone number, an amount); in Chinese full-width low lines read better: “＿＿＿＿＿＿” */
  return C_("letter form", "______________");
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

      if (shore_letters_debt_is_open (debt))
        {
          open = debt;
          break;
        }
    }
  return open;
}

static void
prefill_hardship (const ShoreLetterData *data,
                  ShoreLetterFields     *fields)
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
  g_auto(ShoreLetterData) data = { 0 };

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

  if (!shore_letters_read_data (store, today, fields->loan_id, &data, error))
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
  if (!shore_letters_is_blank (value))
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
  return g_strdup (shore_letters_is_blank (value) ? shore_letters_form_blank () : value);
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
      if (shore_letters_is_blank (fields->details))
        {
          /* three lines to write on */
          GString *lines = g_string_new (NULL);

          for (guint line = 0; line < 3; line++)
            {
              if (line > 0)
                g_string_append_c (lines, '\n');
              for (guint i = 0; i < 6; i++)
                g_string_append (lines, shore_letters_form_blank ());
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
  g_auto(ShoreLetterData) data = { 0 };
  g_autoptr(ShoreLetter) letter = NULL;
  gboolean ok;

  if (find_letter (id) == NULL)
    {
      g_set_error (error, SHORE_LETTERS_ERROR, SHORE_LETTERS_ERROR_UNKNOWN,
                   _("There is no letter called “%s”."), id != NULL ? id : "");
      return NULL;
    }
  if (!validate_fields (id, fields, form, error) || !shore_letters_read_data (store, today, fields->loan_id, &data, error))
    return NULL;

  letter = shore_letter_new (id, letter_title (id), fields, today);
  if (g_str_equal (id, "hardship"))
    ok = shore_letters_build_hardship (letter, store, fields, &data, error);
  else if (g_str_equal (id, "complaint"))
    ok = shore_letters_build_complaint (letter, store, fields, &data, error);
  else if (g_str_equal (id, "credit-dispute"))
    ok = shore_letters_build_credit_dispute (letter, store, fields, &data, error);
  else
    ok = shore_letters_build_stop_third_parties (letter, store, fields, &data, error);
  if (!ok)
    return NULL;

  shore_letter_add_signature (letter, fields);
  shore_letter_add_common_guidance (letter);
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
        g_string_append (text, SHORE_LETTERS_TABLE_SEPARATOR);
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
