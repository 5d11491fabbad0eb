/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-letters"

#include "config.h"

#include <gio/gio.h>
#include <glib.h>
#include "shore-intl.h"

#include "shore-debts.h"
#include "shore-evidence.h"
#include "shore-evidence-store.h"
#include "shore-letters.h"
#include "shore-letters-private.h"
#include "shore-loan.h"

/* The letters that assert the borrower's rights: the complaint about
 * improper collection, the credit-report dispute and the request to stop
 * contacting third parties. See shore-letters.c on where their legal
 * statements come from. */

/* ---- The complaint ------------------------------------------------------- */

static GArray *
check_contacts (GPtrArray             *contacts,
                const ShoreLetterData *data,
                ShoreContact         **out_flat)
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

  table = shore_letter_add_table (letter, caption,
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
      shore_letter_table_add_row (table, g_strdup_printf ("%u", i + 1), format_when (&contacts[i]),
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
      shore_letter_add_paragraph (letter,
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

gboolean
shore_letters_build_complaint (ShoreLetter             *letter,
                               ShoreStore              *store,
                               const ShoreLetterFields *fields,
                               const ShoreLetterData   *data,
                               GError                 **error)
{
  g_autoptr(GPtrArray) contacts = shore_evidence_store_list (store, error);
  g_autofree ShoreContact *flat = NULL;
  g_autoptr(GArray) flags = NULL;
  g_autofree char *lender = shore_letters_lender_of (data, fields);
  ShoreEvidenceSummary summary;

  if (contacts == NULL)
    return FALSE;
  if (contacts->len == 0 && shore_letters_is_blank (fields->details))
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
  shore_letter_add_paragraph (letter, g_strdup_printf (_("I, %s, am a borrower of %s. I complain about the way my debt is "
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
      shore_letter_add_paragraph (letter, g_strdup_printf (_("%s %s"), counts, breaches));
      add_contacts_table (letter, _("The contacts I recorded:"), flat, contacts->len, flags, -1);
      if (flags->len > 0)
        {
          shore_letter_add_paragraph (letter, g_strdup (_("The likely breaches and the rules they break:")));
          add_flag_paragraphs (letter, flat, flags, -1);
        }
    }

  if (!shore_letters_is_blank (fields->details))
    shore_letter_add_paragraph (letter, g_strdup (fields->details));

  shore_letter_add_paragraph (letter,
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

gboolean
shore_letters_build_credit_dispute (ShoreLetter             *letter,
                                    ShoreStore              *store,
                                    const ShoreLetterFields *fields,
                                    const ShoreLetterData   *data,
                                    GError                 **error)
{
  g_autofree char *art25 = shore_letters_cite (_("《征信业管理条例》 Article 25"), SHORE_EVIDENCE_KIND_LAW, SHORE_CONFIDENCE_PRIMARY);
  g_autofree char *art15 = shore_letters_cite (_("《征信业管理条例》 Article 15"), SHORE_EVIDENCE_KIND_LAW, SHORE_CONFIDENCE_PRIMARY);
  g_autofree char *art26 = shore_letters_cite (_("《征信业管理条例》 Article 26"), SHORE_EVIDENCE_KIND_LAW, SHORE_CONFIDENCE_PRIMARY);

  /* Translators: the subject line of a letter (事由); in Chinese e.g. “事由：征信异议申请” */
  letter->subject = g_strdup (_("Subject: objection to wrong information in my credit report"));

  if (!shore_letters_is_blank (fields->id_number))
    shore_letter_add_paragraph (letter,
                                /* Translators: the opening of a credit report dispute: the first %s is the borrower's
                                 * name, the second an ID card number */
                                g_strdup_printf (_("I, %s (ID number %s), have checked my personal credit report and "
                                                   "believe the following information in it is wrong or missing:"),
                                                 fields->name, fields->id_number));
  else
    shore_letter_add_paragraph (letter,
                                /* Translators: the opening of a credit report dispute; %s is the borrower's name */
                                g_strdup_printf (_("I, %s, have checked my personal credit report and believe the following "
                                                   "information in it is wrong or missing:"), fields->name));
  shore_letter_add_paragraph (letter, g_strdup (fields->details));

  if (data->loan != NULL)
    shore_letter_add_debts_table (letter, data, data->loan);

  shore_letter_add_paragraph (letter,
                              /* Translators: %s is a citation: the document and article, the kind of rule and how sure
                               * we are of it. The 20 days are calendar days (20日内) */
                              g_strdup_printf (_("A person who believes information about them is wrong or missing may object "
                                                 "to the credit reporting agency or to the provider of the information, which "
                                                 "must mark it as disputed, check it and answer in writing within 20 days of "
                                                 "receiving the objection, correcting what is wrong (%s)."), art25));
  shore_letter_add_paragraph (letter,
                              /* Translators: %s is a citation */
                              g_strdup_printf (_("If negative information about me was reported without telling me first, I ask "
                                                 "you to check that too: a provider must tell the person before it reports "
                                                 "negative information (%s)."), art15));
  shore_letter_add_paragraph (letter,
                              g_strdup (_("I ask you to mark this information as disputed, check it, correct it, and answer "
                                          "me in writing within 20 days.")));
  shore_letter_add_paragraph (letter,
                              /* Translators: %s is a citation */
                              g_strdup_printf (_("If the matter is not resolved, I may complain to the local branch of the "
                                                 "People’s Bank of China, which answers in writing within 30 days, or go to "
                                                 "court (%s)."), art26));
  shore_letter_add_paragraph (letter,
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

gboolean
shore_letters_build_stop_third_parties (ShoreLetter             *letter,
                                        ShoreStore              *store,
                                        const ShoreLetterFields *fields,
                                        const ShoreLetterData   *data,
                                        GError                 **error)
{
  g_autoptr(GPtrArray) contacts = shore_evidence_store_list (store, error);
  g_autofree ShoreContact *flat = NULL;
  g_autoptr(GArray) flags = NULL;
  g_autofree char *lender = shore_letters_lender_of (data, fields);
  g_autofree char *privacy = shore_letters_cite (_("《民法典》 Article 1033"), SHORE_EVIDENCE_KIND_LAW, SHORE_CONFIDENCE_PRIMARY);
  g_autofree char *code = shore_letters_cite (_("the China Banking Association’s guidelines on collecting personal consumer "
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
  shore_letter_add_paragraph (letter, g_strdup_printf (_("I, %s, am a borrower of %s. You, or collectors acting for you, have "
                                                         "contacted people I know about my debt."), fields->name, lender));
  if (n_third > 0)
    {
      add_contacts_table (letter, _("The contacts I recorded:"), flat, contacts->len, flags, SHORE_EVIDENCE_RULE_THIRD_PARTY);
      add_flag_paragraphs (letter, flat, flags, SHORE_EVIDENCE_RULE_THIRD_PARTY);
    }
  if (!shore_letters_is_blank (fields->details))
    shore_letter_add_paragraph (letter, g_strdup (fields->details));

  /* Translators: %s is the borrower's phone number */
  shore_letter_add_paragraph (letter, g_strdup_printf (_("You can reach me directly at %s. There is no need to contact anyone "
                                                         "else about my debt."), fields->phone));
  shore_letter_add_paragraph (letter,
                              /* Translators: %s is a citation: the document and article, the kind of rule and how sure
                               * we are of it */
                              g_strdup_printf (_("Disturbing someone’s private life by calls, text messages or chat messages "
                                                 "without their consent infringes their privacy (%s)."), privacy));
  shore_letter_add_paragraph (letter,
                              /* Translators: %s is a citation of an industry code (self-regulation, not a law) */
                              g_strdup_printf (_("Collectors must not collect from third parties unrelated to the debt, must "
                                                 "never tell them about it, and must stop contacting anyone who asks them to "
                                                 "(%s)."), code));
  if (data->loan != NULL && shore_debt_get_loan (data->loan)->lender_type == SHORE_LENDER_CREDIT_CARD)
    {
      g_autofree char *art68 = shore_letters_cite (_("《商业银行信用卡业务监督管理办法》 Article 68"),
                                                   SHORE_EVIDENCE_KIND_REGULATION, SHORE_CONFIDENCE_SECONDARY);

      shore_letter_add_paragraph (letter,
                                  /* Translators: %s is a citation */
                                  g_strdup_printf (_("A card issuer must not collect from third parties unrelated to the debt "
                                                     "(%s)."), art68));
    }
  shore_letter_add_paragraph (letter,
                              g_strdup (_("I ask you to stop contacting anyone but me about my debt, from now on; to tell any "
                                          "agency collecting for you to do the same; and to confirm this to me in writing. If "
                                          "it goes on, I will complain to 12378 and keep a record of every contact.")));

  g_ptr_array_add (letter->guidance,
                   g_strdup (_("Ask the people who were contacted to note the date, time and number, and to keep "
                               "screenshots; add each contact to your evidence log.")));
  return TRUE;
}
