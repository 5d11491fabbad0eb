/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-evidence"

#include "config.h"

#include <string.h>

#include <glib.h>
#include "shore-intl.h"

#include "shore-apr.h"
#include "shore-evidence.h"
#include "shore-evidence-private.h"
#include "shore-legal-lines.h"
#include "shore-money.h"

/* The rules that flag likely breaches in a borrower's log of collection
 * contacts. Every statement cites ../shared/reference/legal-facts.md §4
 * and says what kind of rule it is: law, regulation, or an industry code
 * (self-regulation that binds an association's members), and how sure we
 * are of the text (P: read in the primary text, S: reported).
 */

#define NIGHT_FROM_HOUR   22
#define NIGHT_UNTIL_HOUR  8
#define CALLS_A_DAY_MAX   3

typedef struct
{
  const char *name;
  const char *label;
} EnumName;

/* Indexed by ShoreContactChannel */
static const EnumName channels[] = {
  /* Translators: a channel of a collection contact */
  { "call", N_("Phone call") },
  /* Translators: a channel of a collection contact */
  { "sms", N_("Text message") },
  /* Translators: a channel of a collection contact: WeChat, the lender's app… */
  { "app", N_("App message") },
  /* Translators: a channel of a collection contact */
  { "visit", N_("Visit") },
  /* Translators: a channel of a collection contact: the collector contacted the borrower's relatives, employer, contacts */
  { "third-party", N_("Contact with others") },
  /* Translators: a channel of a collection contact */
  { "other", N_("Other") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (channels) == SHORE_N_CONTACT_CHANNELS);

/* Indexed by ShoreEvidenceRule */
static const char * const rule_labels[] = {
  N_("Contact at night"),
  N_("More than 3 calls a day"),
  N_("Others contacted"),
  N_("Threats"),
  N_("Insults"),
  N_("Soft violence"),
  N_("Legal threats"),
  N_("More than your records show"),
  N_("Rate above the legal line"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (rule_labels) == SHORE_N_EVIDENCE_RULES);

G_DEFINE_QUARK (shore-evidence-error-quark, shore_evidence_error)

/* The ShoreContact value type */

/**
 * shore_contact_init:
 * @contact: a contact to fill
 *
 * Fills @contact with an empty record: a connected call of unknown
 * duration, no time, empty strings and no attachments.
 */
void
shore_contact_init (ShoreContact *contact)
{
  g_return_if_fail (contact != NULL);

  memset (contact, 0, sizeof *contact);
  contact->channel = SHORE_CONTACT_CALL;
  contact->organization = g_strdup ("");
  contact->person = g_strdup ("");
  contact->phone = g_strdup ("");
  contact->duration_seconds = -1;
  contact->connected = TRUE;
  contact->summary = g_strdup ("");
  contact->third_parties = g_strdup ("");
  contact->attachments = g_ptr_array_new_with_free_func (g_free);
}

/**
 * shore_contact_clear:
 * @contact: a contact
 *
 * Frees what @contact owns and sets the pointers to %NULL.
 */
void
shore_contact_clear (ShoreContact *contact)
{
  g_return_if_fail (contact != NULL);

  g_clear_pointer (&contact->occurred_at, g_date_time_unref);
  g_clear_pointer (&contact->organization, g_free);
  g_clear_pointer (&contact->person, g_free);
  g_clear_pointer (&contact->phone, g_free);
  g_clear_pointer (&contact->summary, g_free);
  g_clear_pointer (&contact->third_parties, g_free);
  g_clear_pointer (&contact->attachments, g_ptr_array_unref);
}

/**
 * shore_contact_new:
 *
 * Returns: (transfer full): a contact filled by shore_contact_init()
 */
ShoreContact *
shore_contact_new (void)
{
  ShoreContact *contact = g_new0 (ShoreContact, 1);

  shore_contact_init (contact);
  return contact;
}

static char *
dup_or_empty (const char *text)
{
  return g_strdup (text != NULL ? text : "");
}

/**
 * shore_contact_copy:
 * @contact: a contact
 *
 * Returns: (transfer full): a deep copy of @contact
 */
ShoreContact *
shore_contact_copy (const ShoreContact *contact)
{
  ShoreContact *copy;
  guint i;

  g_return_val_if_fail (contact != NULL, NULL);

  copy = g_new0 (ShoreContact, 1);
  *copy = *contact;
  copy->occurred_at = contact->occurred_at != NULL ? g_date_time_ref (contact->occurred_at) : NULL;
  copy->organization = dup_or_empty (contact->organization);
  copy->person = dup_or_empty (contact->person);
  copy->phone = dup_or_empty (contact->phone);
  copy->summary = dup_or_empty (contact->summary);
  copy->third_parties = dup_or_empty (contact->third_parties);
  copy->attachments = g_ptr_array_new_with_free_func (g_free);
  for (i = 0; contact->attachments != NULL && i < contact->attachments->len; i++)
    g_ptr_array_add (copy->attachments, g_strdup (g_ptr_array_index (contact->attachments, i)));

  return copy;
}

/**
 * shore_contact_free:
 * @contact: (nullable): a contact from shore_contact_new() or shore_contact_copy()
 */
void
shore_contact_free (ShoreContact *contact)
{
  if (contact == NULL)
    return;

  shore_contact_clear (contact);
  g_free (contact);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, SHORE_EVIDENCE_ERROR, SHORE_EVIDENCE_ERROR_INVALID, message);
  return FALSE;
}

/**
 * shore_contact_validate:
 * @contact: a contact
 * @error: return location for a #ShoreEvidenceError
 *
 * Checks what every entry point (dialog, store) requires of a contact.
 *
 * Returns: whether @contact can be saved; %FALSE with a translated message
 *   saying what is wrong
 */
gboolean
shore_contact_validate (const ShoreContact  *contact,
                        GError             **error)
{
  guint i;
  guint j;

  g_return_val_if_fail (contact != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (contact->occurred_at == NULL)
    return invalid (error, _("Enter when the contact happened."));
  if (g_date_time_get_year (contact->occurred_at) < 1900 || g_date_time_get_year (contact->occurred_at) > 9999)
    return invalid (error, _("The date of the contact is not a valid date."));
  if ((guint) contact->channel >= SHORE_N_CONTACT_CHANNELS)
    return invalid (error, _("Choose how the contact was made."));
  if (contact->duration_seconds < -1)
    return invalid (error, _("The length of a call cannot be negative."));
  if (contact->amount_demanded < 0)
    return invalid (error, _("The amount demanded cannot be negative."));
  if (contact->loan_id < 0)
    return invalid (error, _("The loan of the contact does not exist."));

  for (i = 0; contact->attachments != NULL && i < contact->attachments->len; i++)
    {
      const char *path = g_ptr_array_index (contact->attachments, i);

      if (path == NULL || path[0] == '\0')
        return invalid (error, _("An attachment has no file name."));
      for (j = 0; j < i; j++)
        if (g_str_equal (path, g_ptr_array_index (contact->attachments, j)))
          return invalid (error, _("The same file is attached twice."));
    }

  return TRUE;
}

/**
 * shore_contact_channel_to_string:
 * @channel: a channel
 *
 * Returns: the name the store and the command line use: "call", "sms",
 *   "app", "visit", "third-party" or "other"
 */
const char *
shore_contact_channel_to_string (ShoreContactChannel channel)
{
  g_return_val_if_fail ((guint) channel < SHORE_N_CONTACT_CHANNELS, NULL);

  return channels[channel].name;
}

/**
 * shore_contact_channel_from_string:
 * @text: a name from shore_contact_channel_to_string()
 * @out: (out): the channel
 *
 * Returns: whether @text names a channel
 */
gboolean
shore_contact_channel_from_string (const char          *text,
                                   ShoreContactChannel *out)
{
  guint i;

  g_return_val_if_fail (out != NULL, FALSE);

  for (i = 0; text != NULL && i < G_N_ELEMENTS (channels); i++)
    if (g_str_equal (text, channels[i].name))
      {
        *out = (ShoreContactChannel) i;
        return TRUE;
      }

  return FALSE;
}

/**
 * shore_contact_channel_get_label:
 * @channel: a channel
 *
 * Returns: the translated name of @channel, for people
 */
const char *
shore_contact_channel_get_label (ShoreContactChannel channel)
{
  g_return_val_if_fail ((guint) channel < SHORE_N_CONTACT_CHANNELS, NULL);

  return _(channels[channel].label);
}

/**
 * shore_evidence_rule_get_label:
 * @rule: a rule
 *
 * Returns: the translated short name of @rule
 */
const char *
shore_evidence_rule_get_label (ShoreEvidenceRule rule)
{
  g_return_val_if_fail ((guint) rule < SHORE_N_EVIDENCE_RULES, NULL);

  return _(rule_labels[rule]);
}

/**
 * shore_evidence_kind_get_label:
 * @kind: a kind of rule
 *
 * Returns: the translated name of @kind
 */
const char *
shore_evidence_kind_get_label (ShoreEvidenceKind kind)
{
  switch (kind)
    {
    case SHORE_EVIDENCE_KIND_LAW:
      /* Translators: the kind of rule a flag cites: a statute or a judicial interpretation */
      return _("Law");
    case SHORE_EVIDENCE_KIND_REGULATION:
      /* Translators: the kind of rule a flag cites: a regulator's rule */
      return _("Regulation");
    case SHORE_EVIDENCE_KIND_INDUSTRY_CODE:
      /* Translators: the kind of rule a flag cites: self-regulation of an industry association */
      return _("Industry code");
    case SHORE_EVIDENCE_KIND_PRACTICE:
    default:
      /* Translators: the kind of rule a flag cites: what usually happens, not a rule */
      return _("Typical practice");
    }
}

/**
 * shore_evidence_confidence_get_label:
 * @confidence: how sure the source is
 *
 * Returns: the translated description of @confidence
 */
const char *
shore_evidence_confidence_get_label (ShoreEvidenceConfidence confidence)
{
  switch (confidence)
    {
    case SHORE_CONFIDENCE_PRIMARY:
      /* Translators: how sure a legal source is */
      return _("read in the text itself");
    case SHORE_CONFIDENCE_SECONDARY:
      /* Translators: how sure a legal source is */
      return _("known from reports and reprints");
    case SHORE_CONFIDENCE_SECONDARY_LOW:
    default:
      /* Translators: how sure a legal source is */
      return _("from one weak source, unconfirmed");
    }
}

/* Flags */

static void
flag_clear (gpointer data)
{
  ShoreEvidenceFlag *flag = data;

  g_clear_pointer (&flag->message, g_free);
  g_clear_pointer (&flag->citation, g_free);
}

/**
 * shore_evidence_flags_new:
 *
 * Returns: (transfer full) (element-type ShoreEvidenceFlag): an empty
 *   array that frees its flags' strings
 */
GArray *
shore_evidence_flags_new (void)
{
  GArray *flags = g_array_new (FALSE, TRUE, sizeof (ShoreEvidenceFlag));

  g_array_set_clear_func (flags, flag_clear);
  return flags;
}

/* Takes @message and @citation. */
void
shore_evidence_add_flag (GArray                  *flags,
                         guint                    contact,
                         ShoreEvidenceRule        rule,
                         char                    *message,
                         char                    *citation,
                         ShoreEvidenceKind        kind,
                         ShoreEvidenceConfidence  confidence,
                         const char              *matched)
{
  ShoreEvidenceFlag flag = { contact, rule, message, citation, kind, confidence, matched };

  g_array_append_val (flags, flag);
}

/* Citations */

static const char *
night_citation (void)
{
  return _("Industry codes: the National Internet Finance Association of China’s guidelines on post-loan "
           "collection (《互联网金融贷后催收业务指引》, 2024-05-15) forbid collection from 22:00 to 08:00 "
           "unless agreed in advance, and the China Banking Association’s guidelines on collecting personal "
           "consumer loans (《金融机构个人消费类贷款催收工作指引（试行）》, 2026-01-30) forbid calls, visits "
           "and any other collection from 22:00 to 08:00 without the debtor’s consent. Both are "
           "self-regulation binding the associations’ members, not laws; we know them from press reports "
           "and could not confirm the article numbers.");
}

static const char *
calls_citation (void)
{
  return _("Industry code: the National Internet Finance Association of China’s guidelines on post-loan "
           "collection (《互联网金融贷后催收业务指引》, 2024-05-15): when collecting by phone, one lender and "
           "the agencies working for it together should not connect more than 3 calls a day to one "
           "debtor. Self-regulation, not a law; known from press reports, article number not confirmed. "
           "Shore counts each organization as named in your log separately, so the real total may be "
           "higher.");
}

static const char *
third_party_citation (void)
{
  return _("Industry code: the China Banking Association’s guidelines on collecting personal consumer loans "
           "(《金融机构个人消费类贷款催收工作指引（试行）》, 2026-01-30) forbid collecting from unrelated third "
           "parties: they may be contacted only when the debtor cannot be reached, only to get contact "
           "details or pass on a message, never told about the debt, and not again once they ask to be "
           "left alone (known from press reports). For credit cards, regulation: the rules on banks’ "
           "credit card business (《商业银行信用卡业务监督管理办法》, Article 68) forbid collecting from third "
           "parties unrelated to the debt (known from reprints). Law: disturbing someone’s private life "
           "by calls or messages without consent infringes their privacy (《民法典》 Article 1033, read in "
           "the text); that this covers calls to your contacts is our reading.");
}

static const char *
amount_citation (void)
{
  return _("Industry codes: the China Banking Association’s 2026 guidelines forbid charging extra fees in "
           "the name of collection, and the National Internet Finance Association of China’s 2018 "
           "convention says that the part of interest, penalties and fees above the legal limit must not "
           "be collected (both known from press reports). For credit cards, regulation: a collection "
           "letter must state the balance owed and how to dispute it, and a dispute must be checked "
           "(《商业银行信用卡业务监督管理办法》 Article 69, known from reprints). Ask for a written breakdown.");
}

/* Time rules */

void
shore_evidence_local_date (GDateTime *when,
                           GDate     *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  (GDateDay) g_date_time_get_day_of_month (when),
                  (GDateMonth) g_date_time_get_month (when),
                  (GDateYear) g_date_time_get_year (when));
}

gboolean
shore_evidence_is_night (GDateTime *when)
{
  int hour = g_date_time_get_hour (when);

  return hour >= NIGHT_FROM_HOUR || hour < NIGHT_UNTIL_HOUR;
}

/* Groups contacts of one organization: its name folded, or the digits of
 * the number when no name was given. */
char *
shore_evidence_organization_key (const ShoreContact *contact)
{
  g_autofree char *name = shore_evidence_normalize_text (contact->organization != NULL ? contact->organization : "");
  GString *digits;
  const char *p;

  if (name[0] != '\0')
    return g_strconcat ("o:", name, NULL);

  digits = g_string_new ("p:");
  for (p = contact->phone != NULL ? contact->phone : ""; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);

  return g_string_free (digits, FALSE);
}

typedef struct
{
  guint      index;
  char      *key;
  GDate      day;
  GDateTime *when;
} CallEntry;

static void
call_entry_clear (gpointer data)
{
  CallEntry *entry = data;

  g_free (entry->key);
}

static gint
compare_calls (gconstpointer a,
               gconstpointer b)
{
  const CallEntry *ca = a;
  const CallEntry *cb = b;
  int by;

  if ((by = strcmp (ca->key, cb->key)) != 0)
    return by;
  if ((by = g_date_compare (&ca->day, &cb->day)) != 0)
    return by;
  if ((by = g_date_time_compare (ca->when, cb->when)) != 0)
    return by;
  return ca->index < cb->index ? -1 : ca->index > cb->index;
}

static gboolean
counts_as_call (const ShoreContact *contact)
{
  return contact->channel == SHORE_CONTACT_CALL && contact->connected && contact->occurred_at != NULL;
}

/* Connected calls grouped by organization and local day, in time order:
 * (*out_rank)[i] is the place of contact i in its group (1 for the first
 * call of the day), 0 for contacts that are not connected calls. */
guint *
shore_evidence_rank_calls (const ShoreContact *contacts,
                           guint               n)
{
  g_autoptr(GArray) calls = g_array_new (FALSE, TRUE, sizeof (CallEntry));
  guint *rank = g_new0 (guint, MAX (n, 1));
  guint i;

  g_array_set_clear_func (calls, call_entry_clear);
  for (i = 0; i < n; i++)
    {
      CallEntry entry = { i, NULL, { 0 }, NULL };

      if (!counts_as_call (&contacts[i]))
        continue;
      entry.key = shore_evidence_organization_key (&contacts[i]);
      entry.when = contacts[i].occurred_at;
      shore_evidence_local_date (entry.when, &entry.day);
      g_array_append_val (calls, entry);
    }
  g_array_sort (calls, compare_calls);

  for (i = 0; i < calls->len; i++)
    {
      const CallEntry *entry = &g_array_index (calls, CallEntry, i);
      const CallEntry *prev = i > 0 ? &g_array_index (calls, CallEntry, i - 1) : NULL;
      gboolean same_group = prev != NULL && g_str_equal (prev->key, entry->key) &&
                            g_date_compare (&prev->day, &entry->day) == 0;

      rank[entry->index] = same_group ? rank[prev->index] + 1 : 1;
    }

  return rank;
}

static char *
format_local_time (GDateTime *when)
{
  return g_date_time_format (when, "%Y-%m-%d %H:%M");
}

static void
check_time_rules (const ShoreContact *contacts,
                  guint               n,
                  GArray             *flags)
{
  g_autofree guint *rank = shore_evidence_rank_calls (contacts, n);
  guint i;

  for (i = 0; i < n; i++)
    {
      GDateTime *when = contacts[i].occurred_at;
      g_autofree char *time = NULL;

      if (when == NULL)
        continue;
      time = format_local_time (when);

      if (shore_evidence_is_night (when))
        shore_evidence_add_flag (flags, i, SHORE_EVIDENCE_RULE_NIGHT,
                  /* Translators: %s is a date and time such as 2026-03-01 22:15 */
                  g_strdup_printf (_("Contacted at %s, between 22:00 and 08:00 local time."), time),
                  g_strdup (night_citation ()), SHORE_EVIDENCE_KIND_INDUSTRY_CODE,
                  SHORE_CONFIDENCE_SECONDARY, NULL);

      if (rank[i] > CALLS_A_DAY_MAX)
        shore_evidence_add_flag (flags, i, SHORE_EVIDENCE_RULE_TOO_MANY_CALLS,
                  /* Translators: %u is a number (4 or more), %s a date and time such as 2026-03-01 22:15 */
                  g_strdup_printf (_("Connected call number %u from this organization on the same day (%s); "
                                     "the limit is 3 a day."), rank[i], time),
                  g_strdup (calls_citation ()), SHORE_EVIDENCE_KIND_INDUSTRY_CODE,
                  SHORE_CONFIDENCE_SECONDARY, NULL);
    }
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return TRUE;

  return FALSE;
}

static void
check_third_party (const ShoreContact *contact,
                   guint               index,
                   GArray             *flags)
{
  g_autofree char *who = NULL;
  char *message;

  if (contact->channel != SHORE_CONTACT_THIRD_PARTY && !has_text (contact->third_parties))
    return;

  if (has_text (contact->third_parties))
    {
      who = g_strstrip (g_strdup (contact->third_parties));
      /* Translators: %s is who else was contacted, as the borrower wrote it (e.g. 我妈妈、公司同事) */
      message = g_strdup_printf (_("Someone other than you was contacted about your debt: %s."), who);
    }
  else
    message = g_strdup (_("Someone other than you was contacted about your debt."));

  shore_evidence_add_flag (flags, index, SHORE_EVIDENCE_RULE_THIRD_PARTY, message,
            g_strdup (third_party_citation ()), SHORE_EVIDENCE_KIND_INDUSTRY_CODE,
            SHORE_CONFIDENCE_SECONDARY, NULL);
}

/* Amount rules */

static const ShoreEvidenceLoan *
find_loan (const ShoreEvidenceContext *ctx,
           gint64                      loan_id)
{
  guint i;

  if (ctx == NULL || loan_id <= 0)
    return NULL;

  for (i = 0; i < ctx->n_loans; i++)
    if (ctx->loans[i].loan_id == loan_id)
      return &ctx->loans[i];

  return NULL;
}

static void
check_amount (const ShoreContact         *contact,
              guint                       index,
              const ShoreEvidenceContext *ctx,
              GArray                     *flags)
{
  const ShoreEvidenceLoan *loan = find_loan (ctx, contact->loan_id);
  g_autofree char *demanded = NULL;
  g_autofree char *owed = NULL;

  if (loan == NULL || loan->owed_total < 0 || contact->amount_demanded <= loan->owed_total)
    return;

  demanded = shore_money_format (contact->amount_demanded);
  owed = shore_money_format (loan->owed_total);
  shore_evidence_add_flag (flags, index, SHORE_EVIDENCE_RULE_AMOUNT_ABOVE_RECORDS,
            /* Translators: both %s are amounts of money such as ¥1,234.56 */
            g_strdup_printf (_("Demands %s, more than the %s your records show is owed on this loan."),
                             demanded, owed),
            g_strdup (amount_citation ()), SHORE_EVIDENCE_KIND_INDUSTRY_CODE,
            SHORE_CONFIDENCE_SECONDARY, NULL);
}

/* The line that applies to @loan if its rate is above it, else NULL. */
static gboolean
loan_above_line (const ShoreEvidenceLoan *loan,
                 ShoreLegalLine           lines[SHORE_N_LEGAL_LINES],
                 const ShoreLegalLine   **out_line)
{
  guint k;

  *out_line = NULL;
  if (loan->apr < 0)
    return FALSE;

  shore_legal_lines_for (loan->lender_type,
                         g_date_valid (&loan->contract_date) ? &loan->contract_date : NULL,
                         lines);
  for (k = 0; k < SHORE_N_LEGAL_LINES; k++)
    if (lines[k].applies && shore_legal_line_crossed (&lines[k], loan->apr))
      {
        *out_line = &lines[k];
        return TRUE;
      }

  return FALSE;
}

static void
add_rate_flag (const ShoreEvidenceLoan *loan,
               const ShoreLegalLine    *line,
               guint                    index,
               GArray                  *flags)
{
  g_autofree char *rate = shore_apr_format_percent (loan->apr, 2);
  g_autofree char *limit = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d",
                                            line->annual_hundredths / 100,
                                            (int) (line->annual_hundredths % 100));
  gboolean law = line->basis == SHORE_BASIS_LAW;

  shore_evidence_add_flag (flags, index, SHORE_EVIDENCE_RULE_RATE_ABOVE_LINE,
            /* Translators: the first two %s are percentages such as 18.25, the last the name of the
             * line such as “Four times the LPR”; %% is a percent sign */
            g_strdup_printf (_("Collecting on a loan whose real annual rate, %s%%, is above the %s%% line that "
                               "applies to it (%s)."), rate, limit, line->title),
            g_strjoin (" ",
                       _("Industry code: the National Internet Finance Association of China’s 2018 "
                         "convention says that the part of the all-in cost above the legal limit must not "
                         "be collected (known from press reports)."),
                       line->explanation, NULL),
            law ? SHORE_EVIDENCE_KIND_LAW : SHORE_EVIDENCE_KIND_REGULATION,
            law ? SHORE_CONFIDENCE_PRIMARY : SHORE_CONFIDENCE_SECONDARY, NULL);
}

/* A loan above its line flags the contacts that demand money on it, or,
 * when none does, its earliest contact: once is enough to make the point. */
static void
check_rates (const ShoreContact         *contacts,
             guint                       n,
             const ShoreEvidenceContext *ctx,
             GArray                     *flags)
{
  guint l;

  for (l = 0; ctx != NULL && l < ctx->n_loans; l++)
    {
      const ShoreEvidenceLoan *loan = &ctx->loans[l];
      ShoreLegalLine lines[SHORE_N_LEGAL_LINES];
      const ShoreLegalLine *line;
      gboolean any_demand = FALSE;
      gint earliest = -1;
      guint i;

      if (loan->loan_id <= 0 || !loan_above_line (loan, lines, &line))
        continue;

      for (i = 0; i < n; i++)
        {
          if (contacts[i].loan_id != loan->loan_id)
            continue;
          if (contacts[i].amount_demanded > 0)
            {
              any_demand = TRUE;
              add_rate_flag (loan, line, i, flags);
            }
          if (earliest < 0 ||
              (contacts[i].occurred_at != NULL && contacts[earliest].occurred_at != NULL &&
               g_date_time_compare (contacts[i].occurred_at, contacts[earliest].occurred_at) < 0))
            earliest = (gint) i;
        }

      if (!any_demand && earliest >= 0)
        add_rate_flag (loan, line, (guint) earliest, flags);
    }
}

static gint
compare_flags (gconstpointer a,
               gconstpointer b)
{
  const ShoreEvidenceFlag *fa = a;
  const ShoreEvidenceFlag *fb = b;

  if (fa->contact != fb->contact)
    return fa->contact < fb->contact ? -1 : 1;
  return (int) fa->rule - (int) fb->rule;
}

/**
 * shore_evidence_loan_init:
 * @loan: a loan's facts to fill
 *
 * Fills @loan with "nothing known": no id, owed total and rate unknown,
 * no contract date.
 */
void
shore_evidence_loan_init (ShoreEvidenceLoan *loan)
{
  g_return_if_fail (loan != NULL);

  memset (loan, 0, sizeof *loan);
  loan->owed_total = -1;
  loan->lender_type = SHORE_LENDER_PLATFORM;
  g_date_clear (&loan->contract_date, 1);
  loan->apr = -1.0;
}

/**
 * shore_evidence_check:
 * @contacts: (array length=n): the log
 * @n: the number of contacts
 * @ctx: (nullable): what the register knows of the loans, for the amount
 *   rules
 * @out_flags: (out) (transfer full) (element-type ShoreEvidenceFlag): the
 *   flags, by contact and rule
 *
 * Checks the log against the collection rules and flags likely breaches:
 *
 * - contact from 22:00 to 07:59 in the contact's own local time;
 * - the 4th and later connected call of one calendar day from the same
 *   organization (unanswered calls and other channels do not count);
 * - someone other than the borrower contacted (channel third-party, or
 *   who else was contacted filled in);
 * - threats, insults, soft violence and legal threats in what was said,
 *   from keyword lists in simplified and traditional Chinese;
 * - an amount demanded above what the register says is owed;
 * - collecting on a loan whose real annual rate is above the line that
 *   applies to it (shore_legal_lines_for()).
 *
 * A flag is a likely breach, for the borrower to look at; not a finding.
 */
void
shore_evidence_check (const ShoreContact         *contacts,
                      guint                       n,
                      const ShoreEvidenceContext *ctx,
                      GArray                    **out_flags)
{
  g_autoptr(GArray) flags = shore_evidence_flags_new ();
  guint i;

  g_return_if_fail (contacts != NULL || n == 0);
  g_return_if_fail (out_flags != NULL);

  check_time_rules (contacts, n, flags);
  for (i = 0; i < n; i++)
    {
      check_third_party (&contacts[i], i, flags);
      if (contacts[i].summary != NULL)
        shore_evidence_check_wording_at (contacts[i].summary, contacts[i].occurred_at, i, flags);
      check_amount (&contacts[i], i, ctx, flags);
    }
  check_rates (contacts, n, ctx, flags);

  g_array_sort (flags, compare_flags);
  *out_flags = g_steal_pointer (&flags);
}
