/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-letters"

#include "config.h"

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

/* The request for a repayment plan ("hardship"): the debts, the budget
 * and a plan the borrower can keep. See shore-letters.c on where its legal
 * statements come from. */

static char *
format_month (const GDate *date)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), 1, 12, 0, 0);

  /* Translators: a month in a letter, as a strftime format; in Chinese “%Y年%-m月” */
  return g_date_time_format (when, _("%B %Y"));
}

static gboolean
add_budget_table (ShoreLetter           *letter,
                  ShoreStore            *store,
                  const ShoreLetterData *data,
                  GError               **error)
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
  table = shore_letter_add_table (letter, caption,
                                  /* Translators: a column of the income-and-expenses table of a letter */
                                  C_("income and expenses table", "Item"),
                                  /* Translators: a column of the income-and-expenses table of a letter */
                                  _("A month"),
                                  NULL);

  /* Translators: a row of the income-and-expenses table of a letter */
  shore_letter_table_add_row (table, g_strdup (_("Income")), shore_money_format (data->avg_income), NULL);
  for (i = 0; i < categories->len; i++)
    {
      const ShoreCategoryTotal *total = &g_array_index (categories, ShoreCategoryTotal, i);

      if (total->category_id == debt_category && debt_category != 0)
        continue;
      shore_letter_table_add_row (table,
                                  /* Translators: a row of the income-and-expenses table of a letter: a spending category */
                                  g_strdup_printf (_("Spending: %s"), total->name),
                                  shore_money_format (shore_letters_average (total->amount, data->n_trend)), NULL);
    }
  /* Translators: a row of the income-and-expenses table of a letter */
  shore_letter_table_add_row (table, g_strdup (_("Total living expenses")), shore_money_format (data->avg_spending), NULL);
  /* Translators: a row of the income-and-expenses table of a letter */
  shore_letter_table_add_row (table, g_strdup (_("Debt repayments made")), shore_money_format (data->avg_debt_paid), NULL);
  /* Translators: a row of the income-and-expenses table of a letter: income minus living expenses */
  shore_letter_table_add_row (table, g_strdup (_("Left for all my debts")),
                              shore_money_format (data->avg_income - data->avg_spending), NULL);
  return TRUE;
}

/* ---- The hardship letter ----------------------------------------------- */

gboolean
shore_letters_build_hardship (ShoreLetter             *letter,
                              ShoreStore              *store,
                              const ShoreLetterFields *fields,
                              const ShoreLetterData   *data,
                              GError                 **error)
{
  g_autofree char *lender = shore_letters_lender_of (data, fields);
  g_autofree char *monthly = fields->monthly_amount > 0 ? shore_money_format (fields->monthly_amount)
                                                        : g_strdup (shore_letters_form_blank ());
  g_autofree char *basis = NULL;

  /* Translators: the subject line of a letter (事由); in Chinese e.g. “事由：申请协商还款” */
  letter->subject = g_strdup (_("Subject: request for a repayment plan I can afford"));

  if (data->loan != NULL)
    {
      const ShoreLoan *loan = shore_debt_get_loan (data->loan);
      g_autofree char *start = shore_date_format_iso (&loan->start_date);
      g_autofree char *owed = shore_money_format (shore_debt_get_status (data->loan)->owed_total);

      shore_letter_add_paragraph (letter,
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
    shore_letter_add_paragraph (letter,
                                /* Translators: the opening of a letter in the borrower's voice; %s is the borrower's name */
                                g_strdup_printf (_("I, %s, can no longer keep up with the repayments of my loans: my income "
                                                   "no longer covers my living costs and all my repayments. I am not refusing "
                                                   "to pay: I want to repay what I lawfully owe, at a pace I can keep up."),
                                                 fields->name));

  shore_letter_add_debts_table (letter, data, NULL);
  if (!add_budget_table (letter, store, data, error))
    return FALSE;

  if (fields->months < 1)
    shore_letter_add_paragraph (letter,
                                /* Translators: the proposal of a printed letter form: both %s are blanks to fill in
                                 * by hand, the first for an amount, the second for a number of months */
                                g_strdup_printf (_("I propose to repay %s a month for %s months, starting next month. I ask "
                                                   "you to consider reducing or waiving the penalty interest and fees while I "
                                                   "keep to this plan, and to stop collection calls while I do."),
                                                 monthly, shore_letters_form_blank ()));
  else
    shore_letter_add_paragraph (letter,
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
      basis = shore_letters_cite (_("《商业银行信用卡业务监督管理办法》 Article 70"),
                                  SHORE_EVIDENCE_KIND_REGULATION, SHORE_CONFIDENCE_SECONDARY);
      shore_letter_add_paragraph (letter,
                                  /* Translators: %s is a citation: the document and article, the kind of rule and how
                                   * sure we are of it. Art. 70 lets the bank agree (可以), it is not a right: keep it a request */
                                  g_strdup_printf (_("The rules on banks’ credit card business allow a card issuer to agree "
                                                     "an individual instalment plan of up to five years with a cardholder "
                                                     "who cannot pay the debt but wants to (%s). I ask you to agree such a "
                                                     "plan with me."), basis));
    }
  else
    {
      basis = shore_letters_cite (_("《民法典》 Article 678"), SHORE_EVIDENCE_KIND_LAW, SHORE_CONFIDENCE_PRIMARY);
      shore_letter_add_paragraph (letter,
                                  /* Translators: %s is a citation: the document and article, the kind of rule and how
                                   * sure we are of it */
                                  g_strdup_printf (_("I understand that a change to the repayment terms needs your agreement "
                                                     "(%s). I ask you to agree to this plan."), basis));
    }

  if (!shore_letters_is_blank (fields->details))
    shore_letter_add_paragraph (letter, g_strdup (fields->details));

  shore_letter_add_paragraph (letter,
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
