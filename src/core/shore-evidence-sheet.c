/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-evidence"

#include "config.h"

#include <string.h>

#include <glib.h>
#include "shore-intl.h"

#include "shore-evidence.h"
#include "shore-evidence-private.h"
#include "shore-loan.h"
#include "shore-money.h"

/* The summary view's numbers and the evidence sheet: a plain text for a
 * complaint, which the letters and the PDF handout build on. The complaint
 * channels come from ../shared/reference/legal-facts.md §5.
 */

/* Summary */

typedef struct
{
  char       *key;
  const char *name;
  guint       n_contacts;
  guint       n_flags;
} OrgCount;

static void
org_count_clear (gpointer data)
{
  OrgCount *org = data;

  g_free (org->key);
}

static gint
compare_orgs (gconstpointer a,
              gconstpointer b)
{
  const OrgCount *oa = a;
  const OrgCount *ob = b;

  if (oa->n_contacts != ob->n_contacts)
    return oa->n_contacts > ob->n_contacts ? -1 : 1;
  return g_utf8_collate (oa->name, ob->name);
}

static const char *
display_name (const ShoreContact *contact)
{
  if (contact->organization != NULL && contact->organization[0] != '\0')
    return contact->organization;
  return contact->phone != NULL ? contact->phone : "";
}

/* An array of OrgCount, and for each contact the index of its entry. */
static GArray *
count_organizations (const ShoreContact *contacts,
                     guint               n,
                     guint              *org_of)
{
  GArray *orgs = g_array_new (FALSE, TRUE, sizeof (OrgCount));
  guint i;
  guint j;

  g_array_set_clear_func (orgs, org_count_clear);
  for (i = 0; i < n; i++)
    {
      g_autofree char *key = shore_evidence_organization_key (&contacts[i]);

      for (j = 0; j < orgs->len; j++)
        if (g_str_equal (g_array_index (orgs, OrgCount, j).key, key))
          break;

      if (j == orgs->len)
        {
          OrgCount org = { g_steal_pointer (&key), display_name (&contacts[i]), 0, 0 };

          g_array_append_val (orgs, org);
        }
      g_array_index (orgs, OrgCount, j).n_contacts++;
      org_of[i] = j;
    }

  return orgs;
}

static void
summarize_days (const ShoreContact   *contacts,
                guint                 n,
                ShoreEvidenceSummary *out)
{
  g_autofree guint *rank = shore_evidence_rank_calls (contacts, n);
  guint i;

  for (i = 0; i < n; i++)
    {
      GDate day;

      if (contacts[i].occurred_at == NULL)
        continue;

      shore_evidence_local_date (contacts[i].occurred_at, &day);
      if (!g_date_valid (&out->first_day) || g_date_compare (&day, &out->first_day) < 0)
        out->first_day = day;
      if (!g_date_valid (&out->last_day) || g_date_compare (&day, &out->last_day) > 0)
        out->last_day = day;
      if (shore_evidence_is_night (contacts[i].occurred_at))
        out->n_night++;
      if (rank[i] > out->max_calls_in_a_day)
        {
          out->max_calls_in_a_day = rank[i];
          out->max_calls_day = day;
        }
    }
}

/**
 * shore_evidence_summarize:
 * @contacts: (array length=n): the log
 * @n: the number of contacts
 * @flags: (nullable) (element-type ShoreEvidenceFlag): the flags from
 *   shore_evidence_check() on the same contacts
 * @out: (out caller-allocates): the summary
 *
 * The numbers of the summary view: contacts per channel and organization,
 * flags per rule, the range of days, contacts at night, and the most
 * connected calls one organization made in one day.
 */
void
shore_evidence_summarize (const ShoreContact   *contacts,
                          guint                 n,
                          GArray               *flags,
                          ShoreEvidenceSummary *out)
{
  g_autofree guint *org_of = NULL;
  g_autofree gboolean *flagged = NULL;
  g_autoptr(GArray) orgs = NULL;
  guint i;

  g_return_if_fail (contacts != NULL || n == 0);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  g_date_clear (&out->first_day, 1);
  g_date_clear (&out->last_day, 1);
  g_date_clear (&out->max_calls_day, 1);
  out->n_contacts = n;

  org_of = g_new0 (guint, MAX (n, 1));
  flagged = g_new0 (gboolean, MAX (n, 1));
  orgs = count_organizations (contacts, n, org_of);

  for (i = 0; i < n; i++)
    if ((guint) contacts[i].channel < SHORE_N_CONTACT_CHANNELS)
      out->per_channel[contacts[i].channel]++;

  for (i = 0; flags != NULL && i < flags->len; i++)
    {
      const ShoreEvidenceFlag *flag = &g_array_index (flags, ShoreEvidenceFlag, i);

      if (flag->contact >= n)
        continue;
      out->per_rule[flag->rule]++;
      g_array_index (orgs, OrgCount, org_of[flag->contact]).n_flags++;
      if (!flagged[flag->contact])
        {
          flagged[flag->contact] = TRUE;
          out->n_flagged_contacts++;
        }
    }

  summarize_days (contacts, n, out);

  g_array_sort (orgs, compare_orgs);
  out->n_organizations = orgs->len;
  for (i = 0; i < orgs->len && i < SHORE_EVIDENCE_MAX_ORGANIZATIONS; i++)
    {
      const OrgCount *org = &g_array_index (orgs, OrgCount, i);

      out->organizations[i].name = org->name;
      out->organizations[i].n_contacts = org->n_contacts;
      out->organizations[i].n_flags = org->n_flags;
    }
}

/* The sheet */

static void
append_heading (GString    *sheet,
                const char *title)
{
  glong len = g_utf8_strlen (title, -1);
  glong i;

  g_string_append_printf (sheet, "\n%s\n", title);
  for (i = 0; i < len; i++)
    g_string_append (sheet, "─");
  g_string_append_c (sheet, '\n');
}

/* "label: value" on an indented line, the value's own lines indented
 * further; skipped when @value is empty. */
static void
append_field (GString    *sheet,
              const char *label,
              const char *value)
{
  g_autoptr(GString) indented = NULL;

  if (value == NULL || value[0] == '\0')
    return;

  indented = g_string_new (value);
  g_string_replace (indented, "\r\n", "\n", 0);
  g_string_replace (indented, "\n", "\n      ", 0);
  g_string_append (sheet, "   ");
  /* Translators: a field of the evidence sheet: the first %s is its name (“Organization”), the second its value */
  g_string_append_printf (sheet, _("%s: %s"), label, indented->str);
  g_string_append_c (sheet, '\n');
}

static char *
format_date (const GDate *date)
{
  return g_date_valid (date) ? shore_date_format_iso (date) : g_strdup ("");
}

static void
append_summary (GString                    *sheet,
                const ShoreEvidenceSummary *summary)
{
  g_autofree char *first = format_date (&summary->first_day);
  g_autofree char *last = format_date (&summary->last_day);
  g_autofree char *max_day = format_date (&summary->max_calls_day);
  guint i;

  /* Translators: a heading of the evidence sheet */
  append_heading (sheet, _("Summary"));
  if (summary->n_contacts == 0)
    {
      g_string_append_printf (sheet, "%s\n", _("No contacts have been recorded."));
      return;
    }

  g_string_append_printf (sheet,
                          shore_ngettext (
                                          /* Translators: %u is a number of contacts; both %s are dates as YYYY-MM-DD */
                                          "%u contact recorded, from %s to %s.",
                                          "%u contacts recorded, from %s to %s.",
                                          summary->n_contacts),
                          summary->n_contacts, first, last);
  g_string_append_c (sheet, '\n');
  g_string_append_printf (sheet,
                          shore_ngettext (
                                          /* Translators: %u is a number of contacts */
                                          "%u contact shows a likely breach.",
                                          "%u contacts show a likely breach.",
                                          summary->n_flagged_contacts),
                          summary->n_flagged_contacts);
  g_string_append_c (sheet, '\n');
  /* Translators: %u is a number of contacts */
  g_string_append_printf (sheet, _("Contacts between 22:00 and 08:00: %u."), summary->n_night);
  g_string_append_c (sheet, '\n');
  if (summary->max_calls_in_a_day > 0)
    {
      /* Translators: %u is a number of calls, %s a date as YYYY-MM-DD */
      g_string_append_printf (sheet, _("Most answered calls from one organization in one day: %u, on %s."),
                              summary->max_calls_in_a_day, max_day);
      g_string_append_c (sheet, '\n');
    }

  g_string_append_printf (sheet, "\n%s\n", _("Likely breaches by rule:"));
  for (i = 0; i < SHORE_N_EVIDENCE_RULES; i++)
    if (summary->per_rule[i] > 0)
      {
        g_autofree char *count = g_strdup_printf ("%u", summary->per_rule[i]);

        append_field (sheet, shore_evidence_rule_get_label ((ShoreEvidenceRule) i), count);
      }

  g_string_append_printf (sheet, "\n%s\n", _("By organization:"));
  for (i = 0; i < summary->n_organizations && i < SHORE_EVIDENCE_MAX_ORGANIZATIONS; i++)
    {
      const char *name = summary->organizations[i].name;
      /* Translators: how many contacts and likely breaches one organization accounts for */
      g_autofree char *counts = g_strdup_printf (_("contacts: %u, likely breaches: %u"),
                                                 summary->organizations[i].n_contacts,
                                                 summary->organizations[i].n_flags);

      /* Translators: an organization of the evidence sheet whose name was not recorded */
      append_field (sheet, name[0] != '\0' ? name : _("(not named)"), counts);
    }
}

static char *
format_duration (int seconds)
{
  if (seconds < 0)
    return g_strdup ("");
  /* Translators: the length of a call: minutes and seconds */
  return g_strdup_printf (_("%d min %02d s"), seconds / 60, seconds % 60);
}

static void
append_flag (GString                 *sheet,
             const ShoreEvidenceFlag *flag)
{
  g_string_append (sheet, "   ⚠ ");
  /* Translators: a likely breach on the evidence sheet: the rule’s name, then what was found */
  g_string_append_printf (sheet, _("%s: %s"), shore_evidence_rule_get_label (flag->rule), flag->message);
  g_string_append (sheet, "\n     ");
  /* Translators: the source of a likely breach: the kind of rule (“Industry code”), how sure
   * we are of it (“known from reports and reprints”), then the documents and articles */
  g_string_append_printf (sheet, _("Source (%s, %s): %s"),
                          shore_evidence_kind_get_label (flag->kind),
                          shore_evidence_confidence_get_label (flag->confidence),
                          flag->citation);
  g_string_append_c (sheet, '\n');
}

static char *
join_attachments (GPtrArray *paths)
{
  GString *joined = g_string_new (NULL);
  guint i;

  for (i = 0; paths != NULL && i < paths->len; i++)
    {
      if (i > 0)
        /* Translators: separates file names in a list on the evidence sheet */
        g_string_append (joined, _("; "));
      g_string_append (joined, g_ptr_array_index (paths, i));
    }

  return g_string_free (joined, FALSE);
}

static void
append_contact (GString            *sheet,
                guint               number,
                const ShoreContact *contact)
{
  g_autofree char *when = NULL;
  g_autofree char *offset = NULL;
  g_autofree char *duration = format_duration (contact->duration_seconds);
  g_autofree char *loan = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *attachments = NULL;

  if (contact->occurred_at != NULL)
    {
      when = g_date_time_format (contact->occurred_at, "%Y-%m-%d %H:%M");
      offset = g_date_time_format (contact->occurred_at, "%:z");
    }

  g_string_append_c (sheet, '\n');
  /* Translators: the first line of a contact on the evidence sheet: its number, the date and time,
   * the UTC offset (+08:00), and the channel (“Phone call”) */
  g_string_append_printf (sheet, _("%u. %s (UTC%s), %s"), number,
                          when != NULL ? when : "", offset != NULL ? offset : "",
                          shore_contact_channel_get_label (contact->channel));
  g_string_append_c (sheet, '\n');

  /* Translators: a field of a contact on the evidence sheet */
  append_field (sheet, _("Organization"), contact->organization);
  /* Translators: a field of a contact on the evidence sheet: the collector’s name or staff number */
  append_field (sheet, _("Person"), contact->person);
  /* Translators: a field of a contact on the evidence sheet: the phone number used */
  append_field (sheet, _("Number"), contact->phone);
  if (contact->channel == SHORE_CONTACT_CALL)
    /* Translators: a field of a contact on the evidence sheet; its value is “Yes” or “No” */
    append_field (sheet, _("Answered"), contact->connected ? _("Yes") : _("No"));
  /* Translators: a field of a contact on the evidence sheet: how long the call lasted */
  append_field (sheet, _("Duration"), duration);
  if (contact->loan_id > 0)
    {
      loan = g_strdup_printf ("%" G_GINT64_FORMAT, contact->loan_id);
      /* Translators: a field of a contact on the evidence sheet: the number of the loan in Shore */
      append_field (sheet, _("Loan"), loan);
    }
  if (contact->amount_demanded > 0)
    {
      amount = shore_money_format (contact->amount_demanded);
      /* Translators: a field of a contact on the evidence sheet */
      append_field (sheet, _("Amount demanded"), amount);
    }
  /* Translators: a field of a contact on the evidence sheet */
  append_field (sheet, _("What was said"), contact->summary);
  /* Translators: a field of a contact on the evidence sheet: relatives, employer… */
  append_field (sheet, _("Others contacted"), contact->third_parties);
  attachments = join_attachments (contact->attachments);
  /* Translators: a field of a contact on the evidence sheet: files of recordings and screenshots */
  append_field (sheet, _("Attachments"), attachments);
}

static const char *
sources_text (void)
{
  return _("A law binds everyone. A regulation binds the institutions a regulator supervises. An "
           "industry code is self-regulation that binds the members of an association; it is not "
           "a law. “Read in the text” means the article itself was read in a copy of the published "
           "text; “known from reports and reprints” means the rule is known from news reports or "
           "reprints. Check the official texts before relying on them.");
}

static const char *
intro_text (void)
{
  return _("The borrower recorded these contacts by lenders and debt collectors. Each "
           "mark is a likely breach of the rule cited with it, found by the Shore app "
           "from the record; it is not a legal finding.");
}

static void
append_sources (GString *sheet)
{
  /* Translators: a heading of the evidence sheet */
  append_heading (sheet, _("About the sources"));
  g_string_append (sheet, sources_text ());
  g_string_append_c (sheet, '\n');
}

/* legal-facts.md §5; hours and reply times only where the sources agree. */
static const char * const channels[] = {
  N_("12378: the banking and insurance consumer complaint hotline of the National Financial Regulatory "
     "Administration, for improper collection, excessive rates and credit-report errors by banks, consumer "
     "finance companies, microlenders and others; a reply usually comes within 15 working days (reported)."),
  N_("12363: the People’s Bank of China’s financial consumer hotline, the place for credit-report disputes. "
     "Complain to the lender first. It is answered locally on working days: add the area code to call "
     "another city (reported)."),
  N_("12321: the reporting centre for spam and harassing calls and messages (www.12321.cn; 010-12321 is "
     "mainly for enquiries), for call and message bombing (reported)."),
  N_("110: the police, for violence, threats, being held against your will, someone forcing their way into "
     "your home, or collectors harassing you on the spot."),
  N_("12368: the court service hotline, to check whether a case has really been filed against you and to "
     "contact the judge (reported)."),
  N_("12348: public legal services and legal aid from the justice bureaus; legal aid is free for people in "
     "financial hardship (《法律援助法》 Article 2)."),
  N_("jubao.nifa.org.cn: the reporting platform of the National Internet Finance Association of China, which "
     "takes real-name reports only, up to 5 a day, and passes them on to the regulators (reported)."),
  N_("A wrong credit record: complain to the local branch of the People’s Bank of China, which answers in "
     "writing within 30 days, or sue (《征信业管理条例》 Article 26). Misuse of your personal information: "
     "complain to the authority in charge (《个人信息保护法》 Article 65)."),
};

static void
append_channels (GString *sheet)
{
  guint i;

  /* Translators: a heading of the evidence sheet */
  append_heading (sheet, _("Where to complain"));
  for (i = 0; i < G_N_ELEMENTS (channels); i++)
    g_string_append_printf (sheet, "• %s\n", _(channels[i]));
}

const char *
shore_evidence_sheet_title (void)
{
  /* Translators: the title of the evidence sheet */
  return _("Record of debt collection contacts");
}

/**
 * shore_evidence_sheet_text:
 * @contacts: (array length=n): the log, in the order to list it
 * @n: the number of contacts
 * @flags: (nullable) (element-type ShoreEvidenceFlag): the flags from
 *   shore_evidence_check() on the same contacts
 * @info: (nullable): the borrower's name and statement, the date
 *
 * The evidence sheet for a complaint, as plain UTF-8 text in the language
 * of the current locale: the title, the borrower's statement, the summary,
 * every contact with its likely breaches and their sources, what the kinds
 * of sources mean, and where to complain.
 *
 * Returns: (transfer full): the text
 */
char *
shore_evidence_sheet_text (const ShoreContact           *contacts,
                           guint                         n,
                           GArray                       *flags,
                           const ShoreEvidenceSheetInfo *info)
{
  g_autoptr(GString) sheet = g_string_new (NULL);
  ShoreEvidenceSummary summary;
  guint f = 0;
  guint i;

  g_return_val_if_fail (contacts != NULL || n == 0, NULL);

  g_string_append_printf (sheet, "%s\n", shore_evidence_sheet_title ());
  if (info != NULL && info->borrower != NULL && info->borrower[0] != '\0')
    {
      /* Translators: %s is the borrower’s name */
      g_string_append_printf (sheet, _("Borrower: %s"), info->borrower);
      g_string_append_c (sheet, '\n');
    }
  if (info != NULL && info->generated_on != NULL && g_date_valid (info->generated_on))
    {
      g_autofree char *date = shore_date_format_iso (info->generated_on);

      /* Translators: %s is a date as YYYY-MM-DD */
      g_string_append_printf (sheet, _("Prepared on %s"), date);
      g_string_append_c (sheet, '\n');
    }
  g_string_append_printf (sheet, "\n%s\n", intro_text ());

  if (info != NULL && info->statement != NULL && info->statement[0] != '\0')
    {
      /* Translators: a heading of the evidence sheet: the borrower's own summary of the case */
      append_heading (sheet, _("The borrower’s account"));
      g_string_append_printf (sheet, "%s\n", info->statement);
    }

  shore_evidence_summarize (contacts, n, flags, &summary);
  append_summary (sheet, &summary);

  if (n > 0)
    {
      /* Translators: a heading of the evidence sheet */
      append_heading (sheet, _("Contacts"));
      for (i = 0; i < n; i++)
        {
          append_contact (sheet, i + 1, &contacts[i]);
          /* flags are sorted by contact */
          for (f = 0; flags != NULL && f < flags->len; f++)
            if (g_array_index (flags, ShoreEvidenceFlag, f).contact == i)
              append_flag (sheet, &g_array_index (flags, ShoreEvidenceFlag, f));
        }
    }

  append_sources (sheet);
  append_channels (sheet);

  return g_string_free (g_steal_pointer (&sheet), FALSE);
}

/* The sheet as a document */

#define SAID_MAX_CHARS 60

/* What was said, cut to SAID_MAX_CHARS characters; else who else was contacted. */
static char *
short_said (const ShoreContact *contact)
{
  const char *said = contact->summary != NULL && contact->summary[0] != '\0' ? contact->summary
                                                                             : contact->third_parties;
  g_autoptr(GString) text = g_string_new (said != NULL ? said : "");

  g_string_replace (text, "\r\n", " ", 0);
  g_string_replace (text, "\n", " ", 0);
  if (g_utf8_strlen (text->str, -1) > SAID_MAX_CHARS)
    {
      const char *end = g_utf8_offset_to_pointer (text->str, SAID_MAX_CHARS - 1);

      g_string_truncate (text, (gsize) (end - text->str));
      g_string_append (text, "…");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
rules_of (GArray *flags,
          guint   contact)
{
  GString *rules = g_string_new (NULL);

  for (guint i = 0; flags != NULL && i < flags->len; i++)
    {
      const ShoreEvidenceFlag *flag = &g_array_index (flags, ShoreEvidenceFlag, i);

      if (flag->contact != contact)
        continue;
      if (rules->len > 0)
        g_string_append_c (rules, '\n');
      g_string_append (rules, shore_evidence_rule_get_label (flag->rule));
    }
  return g_string_free (rules, FALSE);
}

static char **
row_new (guint n)
{
  return g_new0 (char *, n + 1);
}

static void
add_summary_to_document (ShoreDocument              *document,
                         const ShoreEvidenceSummary *summary)
{
  static const ShoreDocumentAlign count_aligns[] = {
    SHORE_DOCUMENT_ALIGN_START, SHORE_DOCUMENT_ALIGN_END, SHORE_DOCUMENT_ALIGN_END,
  };
  g_autofree char *first = format_date (&summary->first_day);
  g_autofree char *last = format_date (&summary->last_day);
  g_autofree char *max_day = format_date (&summary->max_calls_day);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) orgs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *rule_header[2];
  const char *org_header[3];

  /* Translators: a heading of the evidence sheet */
  shore_document_add_heading (document, _("Summary"));
  g_string_append_printf (lines,
                          shore_ngettext ("%u contact recorded, from %s to %s.",
                                          "%u contacts recorded, from %s to %s.", summary->n_contacts),
                          summary->n_contacts, first, last);
  g_string_append_c (lines, '\n');
  g_string_append_printf (lines,
                          shore_ngettext ("%u contact shows a likely breach.",
                                          "%u contacts show a likely breach.", summary->n_flagged_contacts),
                          summary->n_flagged_contacts);
  g_string_append_c (lines, '\n');
  g_string_append_printf (lines, _("Contacts between 22:00 and 08:00: %u."), summary->n_night);
  if (summary->max_calls_in_a_day > 0)
    {
      g_string_append_c (lines, '\n');
      g_string_append_printf (lines, _("Most answered calls from one organization in one day: %u, on %s."),
                              summary->max_calls_in_a_day, max_day);
    }
  shore_document_add_paragraph (document, lines->str);

  for (guint i = 0; i < SHORE_N_EVIDENCE_RULES; i++)
    if (summary->per_rule[i] > 0)
      {
        char **row = row_new (2);

        row[0] = g_strdup (shore_evidence_rule_get_label ((ShoreEvidenceRule) i));
        row[1] = g_strdup_printf ("%u", summary->per_rule[i]);
        g_ptr_array_add (rules, row);
      }
  if (rules->len > 0)
    {
      /* Translators: a column of the evidence sheet's table of likely breaches by rule */
      rule_header[0] = C_("evidence sheet", "Rule");
      /* Translators: a column of the evidence sheet's tables: a number of likely breaches */
      rule_header[1] = C_("evidence sheet", "Likely breaches");
      shore_document_add_table (document, rule_header, 2, rules, count_aligns);
    }

  for (guint i = 0; i < summary->n_organizations && i < SHORE_EVIDENCE_MAX_ORGANIZATIONS; i++)
    {
      char **row = row_new (3);
      const char *name = summary->organizations[i].name;

      row[0] = g_strdup (name[0] != '\0' ? name : _("(not named)"));
      row[1] = g_strdup_printf ("%u", summary->organizations[i].n_contacts);
      row[2] = g_strdup_printf ("%u", summary->organizations[i].n_flags);
      g_ptr_array_add (orgs, row);
    }
  /* Translators: a column of the evidence sheet's table of organizations */
  org_header[0] = C_("evidence sheet", "Organization");
  /* Translators: a column of the evidence sheet's table of organizations: a number of contacts */
  org_header[1] = C_("evidence sheet", "Contacts");
  org_header[2] = C_("evidence sheet", "Likely breaches");
  shore_document_add_table (document, org_header, 3, orgs, count_aligns);
}

static void
add_contacts_to_document (ShoreDocument      *document,
                          const ShoreContact *contacts,
                          guint               n,
                          GArray             *flags)
{
  static const ShoreDocumentAlign aligns[] = {
    SHORE_DOCUMENT_ALIGN_END, SHORE_DOCUMENT_ALIGN_START, SHORE_DOCUMENT_ALIGN_START,
    SHORE_DOCUMENT_ALIGN_START, SHORE_DOCUMENT_ALIGN_START, SHORE_DOCUMENT_ALIGN_START,
    SHORE_DOCUMENT_ALIGN_START,
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *header[G_N_ELEMENTS (aligns)];

  /* Translators: a column of the evidence sheet's table of contacts: the contact's number */
  header[0] = C_("evidence sheet", "No.");
  /* Translators: a column of the evidence sheet's table of contacts */
  header[1] = C_("evidence sheet", "When");
  /* Translators: a column of the evidence sheet's table of contacts: call, text message… */
  header[2] = C_("evidence sheet", "Channel");
  /* Translators: a column of the evidence sheet's table of contacts: the lender or agency,
   * then the collector's name or staff number */
  header[3] = C_("evidence sheet", "Organization / person");
  /* Translators: a column of the evidence sheet's table of contacts: the phone number used */
  header[4] = C_("evidence sheet", "Number");
  /* Translators: a column of the evidence sheet's table of contacts, cut short */
  header[5] = C_("evidence sheet", "What was said");
  /* Translators: a column of the evidence sheet's table of contacts: the rules likely broken */
  header[6] = C_("evidence sheet", "Likely breaches");

  for (guint i = 0; i < n; i++)
    {
      const ShoreContact *contact = &contacts[i];
      char **row = row_new (G_N_ELEMENTS (aligns));

      row[0] = g_strdup_printf ("%u", i + 1);
      row[1] = contact->occurred_at != NULL ? g_date_time_format (contact->occurred_at, "%Y-%m-%d\n%H:%M")
                                            : g_strdup ("");
      row[2] = g_strdup (shore_contact_channel_get_label (contact->channel));
      if (contact->organization[0] != '\0' && contact->person[0] != '\0')
        row[3] = g_strdup_printf ("%s\n%s", contact->organization, contact->person);
      else
        row[3] = g_strconcat (contact->organization, contact->person, NULL);
      row[4] = g_strdup (contact->phone);
      row[5] = short_said (contact);
      row[6] = rules_of (flags, i);
      g_ptr_array_add (rows, row);
    }

  /* Translators: a heading of the evidence sheet */
  shore_document_add_heading (document, _("Contacts"));
  shore_document_add_table (document, header, G_N_ELEMENTS (aligns), rows, aligns);
}

/* One paragraph per rule and source: the rule, the contacts it was found
 * on, and the source with its kind and confidence, said once. */
static void
add_flags_to_document (ShoreDocument *document,
                       GArray        *flags)
{
  g_autofree gboolean *done = NULL;

  if (flags == NULL || flags->len == 0)
    return;

  done = g_new0 (gboolean, flags->len);
  /* Translators: a heading of the evidence sheet */
  shore_document_add_heading (document, _("Likely breaches and their sources"));
  for (guint i = 0; i < flags->len; i++)
    {
      const ShoreEvidenceFlag *flag = &g_array_index (flags, ShoreEvidenceFlag, i);
      g_autoptr(GString) numbers = g_string_new (NULL);
      g_autofree char *found = NULL;
      g_autofree char *source = NULL;
      g_autofree char *paragraph = NULL;
      guint n = 0;

      if (done[i])
        continue;
      for (guint j = i; j < flags->len; j++)
        {
          const ShoreEvidenceFlag *other = &g_array_index (flags, ShoreEvidenceFlag, j);

          if (done[j] || other->rule != flag->rule || g_strcmp0 (other->citation, flag->citation) != 0)
            continue;
          done[j] = TRUE;
          if (n++ > 0)
            /* Translators: separates the numbers of contacts in a list on the evidence sheet */
            g_string_append (numbers, _(", "));
          g_string_append_printf (numbers, "%u", other->contact + 1);
        }

      found = g_strdup_printf (shore_ngettext (
                                 /* Translators: a likely breach on the evidence sheet: the rule's name, then
                                  * the number(s) of the contact(s) in the table (“1, 7, 10”) */
                                 "%s: contact %s", "%s: contacts %s", n),
                               shore_evidence_rule_get_label (flag->rule), numbers->str);
      source = g_strdup_printf (_("Source (%s, %s): %s"), shore_evidence_kind_get_label (flag->kind),
                                shore_evidence_confidence_get_label (flag->confidence), flag->citation);
      paragraph = g_strdup_printf ("%s\n%s", found, source);
      shore_document_add_paragraph (document, paragraph);
    }
}

/**
 * shore_evidence_sheet_add_to_document:
 * @document: a document, its title set by the caller
 * @contacts: (array length=n): the log, in the order to list it
 * @n: the number of contacts
 * @flags: (nullable) (element-type ShoreEvidenceFlag): the flags from
 *   shore_evidence_check() on the same contacts
 * @info: (nullable): the borrower's name and statement (the date is the
 *   caller's subtitle)
 *
 * Lays the evidence sheet out for print in the current locale's language.
 */
void
shore_evidence_sheet_add_to_document (ShoreDocument                *document,
                                      const ShoreContact           *contacts,
                                      guint                         n,
                                      GArray                       *flags,
                                      const ShoreEvidenceSheetInfo *info)
{
  ShoreEvidenceSummary summary;
  g_autoptr(GString) bullets = g_string_new (NULL);

  g_return_if_fail (document != NULL);
  g_return_if_fail (contacts != NULL || n == 0);

  if (info != NULL && info->borrower != NULL && info->borrower[0] != '\0')
    {
      g_autofree char *borrower = g_strdup_printf (_("Borrower: %s"), info->borrower);

      shore_document_add_paragraph (document, borrower);
    }
  shore_document_add_paragraph (document, intro_text ());
  if (info != NULL && info->statement != NULL && info->statement[0] != '\0')
    {
      shore_document_add_heading (document, _("The borrower’s account"));
      shore_document_add_paragraph (document, info->statement);
    }

  shore_evidence_summarize (contacts, n, flags, &summary);
  if (n == 0)
    {
      shore_document_add_heading (document, _("Summary"));
      shore_document_add_paragraph (document, _("No contacts have been recorded."));
    }
  else
    {
      add_summary_to_document (document, &summary);
      add_contacts_to_document (document, contacts, n, flags);
      add_flags_to_document (document, flags);
    }

  shore_document_add_heading (document, _("About the sources"));
  shore_document_add_paragraph (document, sources_text ());

  /* Translators: a heading of the evidence sheet */
  shore_document_add_heading (document, _("Where to complain"));
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    g_string_append_printf (bullets, "• %s\n\n", _(channels[i]));
  shore_document_add_paragraph (document, bullets->str);
}
