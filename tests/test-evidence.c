/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The evidence log's rules, summary and sheet: pure, no store. */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "shore-evidence.h"
#include "shore-i18n.h"
#include "shore-loan.h"

/* Helpers */

static GDateTime *
parse_time (const char *iso)
{
  GDateTime *when = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (when);
  return when;
}

/* An array of ShoreContact that clears them */
static GArray *
contacts_new (void)
{
  GArray *contacts = g_array_new (FALSE, TRUE, sizeof (ShoreContact));

  g_array_set_clear_func (contacts, (GDestroyNotify) shore_contact_clear);
  return contacts;
}

static ShoreContact *
add_contact (GArray              *contacts,
             const char          *iso,
             ShoreContactChannel  channel,
             const char          *organization,
             gboolean             connected)
{
  ShoreContact contact;

  shore_contact_init (&contact);
  contact.occurred_at = parse_time (iso);
  contact.channel = channel;
  g_free (contact.organization);
  contact.organization = g_strdup (organization);
  contact.connected = connected;
  g_array_append_val (contacts, contact);

  return &g_array_index (contacts, ShoreContact, contacts->len - 1);
}

static GArray *
check (GArray                     *contacts,
       const ShoreEvidenceContext *ctx)
{
  GArray *flags = NULL;

  shore_evidence_check ((const ShoreContact *) (gpointer) contacts->data, contacts->len, ctx, &flags);
  g_assert_nonnull (flags);
  return flags;
}

static guint
count_rule (GArray            *flags,
            ShoreEvidenceRule  rule,
            int                contact)
{
  guint n = 0;

  for (guint i = 0; i < flags->len; i++)
    {
      const ShoreEvidenceFlag *flag = &g_array_index (flags, ShoreEvidenceFlag, i);

      if (flag->rule == rule && (contact < 0 || flag->contact == (guint) contact))
        n++;
    }
  return n;
}

static const ShoreEvidenceFlag *
find_flag (GArray            *flags,
           ShoreEvidenceRule  rule)
{
  for (guint i = 0; i < flags->len; i++)
    if (g_array_index (flags, ShoreEvidenceFlag, i).rule == rule)
      return &g_array_index (flags, ShoreEvidenceFlag, i);
  return NULL;
}

static void
assert_flag_well_formed (const ShoreEvidenceFlag *flag)
{
  g_assert_nonnull (flag->message);
  g_assert_cmpstr (flag->message, !=, "");
  g_assert_nonnull (flag->citation);
  g_assert_cmpuint (strlen (flag->citation), >, 40);
  g_assert_true (g_utf8_validate (flag->citation, -1, NULL));
  /* legal-facts.md: never cite clock hours to the 2018 convention */
  if (flag->rule == SHORE_EVIDENCE_RULE_NIGHT)
    g_assert_null (strstr (flag->citation, "自律公约"));
}

/* Night */

typedef struct
{
  const char *time;
  gboolean    night;
} NightCase;

static void
test_night_boundaries (void)
{
  static const NightCase cases[] = {
    { "2026-03-01T21:59:00+08:00", FALSE },
    { "2026-03-01T21:59:59+08:00", FALSE },
    { "2026-03-01T22:00:00+08:00", TRUE },
    { "2026-03-01T23:30:00+08:00", TRUE },
    { "2026-03-02T00:00:00+08:00", TRUE },   /* midnight */
    { "2026-03-02T03:00:00+08:00", TRUE },
    { "2026-03-02T07:59:00+08:00", TRUE },
    { "2026-03-02T07:59:59+08:00", TRUE },
    { "2026-03-02T08:00:00+08:00", FALSE },
    { "2026-03-02T12:00:00+08:00", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) contacts = contacts_new ();
      g_autoptr(GArray) flags = NULL;
      const ShoreEvidenceFlag *flag;

      g_test_message ("%s", cases[i].time);
      add_contact (contacts, cases[i].time, SHORE_CONTACT_SMS, "XX", TRUE);
      flags = check (contacts, NULL);
      g_assert_cmpuint (count_rule (flags, SHORE_EVIDENCE_RULE_NIGHT, 0), ==, cases[i].night ? 1 : 0);
      g_assert_cmpuint (flags->len, ==, cases[i].night ? 1 : 0);

      if (!cases[i].night)
        continue;
      flag = find_flag (flags, SHORE_EVIDENCE_RULE_NIGHT);
      assert_flag_well_formed (flag);
      g_assert_cmpint (flag->kind, ==, SHORE_EVIDENCE_KIND_INDUSTRY_CODE);
      g_assert_cmpint (flag->confidence, ==, SHORE_CONFIDENCE_SECONDARY);
      g_assert_nonnull (strstr (flag->citation, "《互联网金融贷后催收业务指引》"));
      g_assert_nonnull (strstr (flag->citation, "2026-01-30"));
    }
}

/* The hour is read in the offset the contact was recorded with, whatever
 * the TZ of the process (the tests run with Asia/Shanghai). */
static void
test_night_offset_kept (void)
{
  static const NightCase cases[] = {
    { "2026-03-01T14:30:00Z", FALSE },          /* 22:30 in Shanghai, but 14:30 where recorded */
    { "2026-03-01T22:30:00+08:00", TRUE },
    { "2026-03-01T23:00:00+09:00", TRUE },
    { "2026-03-01T07:30:00-05:00", TRUE },      /* 20:30 in Shanghai */
    { "2026-03-01T08:00:00-05:00", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) contacts = contacts_new ();
      g_autoptr(GArray) flags = NULL;

      g_test_message ("%s", cases[i].time);
      add_contact (contacts, cases[i].time, SHORE_CONTACT_CALL, "XX", TRUE);
      flags = check (contacts, NULL);
      g_assert_cmpuint (count_rule (flags, SHORE_EVIDENCE_RULE_NIGHT, 0), ==, cases[i].night ? 1 : 0);
    }
}

/* Calls a day */

typedef struct
{
  const char          *time;
  ShoreContactChannel  channel;
  const char          *organization;
  gboolean             connected;
  gboolean             flagged;       /* too many calls */
} CallRow;

typedef struct
{
  const char *name;
  CallRow     rows[8];
} CallCase;

#define CALL(t, org, conn, flag) { "2026-03-02T" t "+08:00", SHORE_CONTACT_CALL, org, conn, flag }

static const CallCase call_cases[] = {
  { "three-is-fine", {
      CALL ("09:00:00", "甲催收", TRUE, FALSE),
      CALL ("10:00:00", "甲催收", TRUE, FALSE),
      CALL ("11:00:00", "甲催收", TRUE, FALSE),
  } },
  { "fourth-flagged", {
      CALL ("09:00:00", "甲催收", TRUE, FALSE),
      CALL ("10:00:00", "甲催收", TRUE, FALSE),
      CALL ("11:00:00", "甲催收", TRUE, FALSE),
      CALL ("12:00:00", "甲催收", TRUE, TRUE),
      CALL ("13:00:00", "甲催收", TRUE, TRUE),
  } },
  { "unanswered-do-not-count", {
      CALL ("09:00:00", "甲催收", FALSE, FALSE),
      CALL ("09:05:00", "甲催收", TRUE, FALSE),
      CALL ("09:10:00", "甲催收", FALSE, FALSE),
      CALL ("10:00:00", "甲催收", TRUE, FALSE),
      CALL ("11:00:00", "甲催收", FALSE, FALSE),
      CALL ("12:00:00", "甲催收", TRUE, FALSE),
      CALL ("13:00:00", "甲催收", FALSE, FALSE),
  } },
  { "two-organizations", {
      CALL ("09:00:00", "甲催收", TRUE, FALSE),
      CALL ("09:30:00", "乙金融", TRUE, FALSE),
      CALL ("10:00:00", "甲催收", TRUE, FALSE),
      CALL ("10:30:00", "乙金融", TRUE, FALSE),
      CALL ("11:00:00", "甲催收", TRUE, FALSE),
      CALL ("11:30:00", "乙金融", TRUE, FALSE),
      CALL ("12:30:00", "乙金融", TRUE, TRUE),
  } },
  { "same-name-folded", {
      CALL ("09:00:00", "ABC Collection", TRUE, FALSE),
      CALL ("10:00:00", "abc collection", TRUE, FALSE),
      CALL ("11:00:00", " ABC  Collection ", TRUE, FALSE),
      CALL ("12:00:00", "ABCCOLLECTION", TRUE, TRUE),
  } },
  { "other-channels-do-not-count", {
      CALL ("09:00:00", "甲催收", TRUE, FALSE),
      { "2026-03-02T09:30:00+08:00", SHORE_CONTACT_SMS, "甲催收", TRUE, FALSE },
      CALL ("10:00:00", "甲催收", TRUE, FALSE),
      { "2026-03-02T10:30:00+08:00", SHORE_CONTACT_APP, "甲催收", TRUE, FALSE },
      { "2026-03-02T10:40:00+08:00", SHORE_CONTACT_THIRD_PARTY, "甲催收", TRUE, FALSE },
      CALL ("11:00:00", "甲催收", TRUE, FALSE),
  } },
  { "out-of-order", {
      CALL ("13:00:00", "甲催收", TRUE, TRUE),
      CALL ("09:00:00", "甲催收", TRUE, FALSE),
      CALL ("12:00:00", "甲催收", TRUE, FALSE),
      CALL ("10:00:00", "甲催收", TRUE, FALSE),
  } },
  { "local-days", {
      { "2026-03-01T21:00:00+08:00", SHORE_CONTACT_CALL, "甲催收", TRUE, FALSE },
      { "2026-03-01T21:30:00+08:00", SHORE_CONTACT_CALL, "甲催收", TRUE, FALSE },
      { "2026-03-01T21:59:00+08:00", SHORE_CONTACT_CALL, "甲催收", TRUE, FALSE },
      CALL ("08:00:00", "甲催收", TRUE, FALSE),  /* next day */
      /* 2026-03-02 in +08:00, though 2026-03-01 in UTC: counted by UTC
       * days, it would be the 4th call of 03-01 */
      { "2026-03-02T07:00:00+08:00", SHORE_CONTACT_CALL, "甲催收", TRUE, FALSE },
      CALL ("09:00:00", "甲催收", TRUE, FALSE),
  } },
};

static void
test_calls_a_day (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (call_cases); c++)
    {
      const CallCase *cc = &call_cases[c];
      g_autoptr(GArray) contacts = contacts_new ();
      g_autoptr(GArray) flags = NULL;
      guint n = 0;

      g_test_message ("case %s", cc->name);
      for (n = 0; n < G_N_ELEMENTS (cc->rows) && cc->rows[n].time != NULL; n++)
        add_contact (contacts, cc->rows[n].time, cc->rows[n].channel, cc->rows[n].organization,
                     cc->rows[n].connected);
      flags = check (contacts, NULL);

      for (guint i = 0; i < n; i++)
        {
          g_test_message ("  row %u", i);
          g_assert_cmpuint (count_rule (flags, SHORE_EVIDENCE_RULE_TOO_MANY_CALLS, (int) i), ==,
                            cc->rows[i].flagged ? 1 : 0);
        }
    }
}

static void
test_calls_citation (void)
{
  g_autoptr(GArray) contacts = contacts_new ();
  g_autoptr(GArray) flags = NULL;
  const ShoreEvidenceFlag *flag;

  for (int i = 0; i < 4; i++)
    {
      g_autofree char *time = g_strdup_printf ("2026-03-02T1%d:00:00+08:00", i);

      add_contact (contacts, time, SHORE_CONTACT_CALL, "甲催收", TRUE);
    }
  flags = check (contacts, NULL);
  flag = find_flag (flags, SHORE_EVIDENCE_RULE_TOO_MANY_CALLS);
  g_assert_nonnull (flag);
  g_assert_cmpuint (flag->contact, ==, 3);
  assert_flag_well_formed (flag);
  g_assert_cmpint (flag->kind, ==, SHORE_EVIDENCE_KIND_INDUSTRY_CODE);
  g_assert_nonnull (strstr (flag->citation, "《互联网金融贷后催收业务指引》"));
  g_assert_nonnull (strstr (flag->message, "4"));
}

/* Third parties */

typedef struct
{
  ShoreContactChannel  channel;
  const char          *third_parties;
  gboolean             flagged;
} ThirdPartyCase;

static void
test_third_party (void)
{
  static const ThirdPartyCase cases[] = {
    { SHORE_CONTACT_THIRD_PARTY, "", TRUE },
    { SHORE_CONTACT_CALL, "我妈妈、公司同事", TRUE },
    { SHORE_CONTACT_SMS, "我媽媽", TRUE },
    { SHORE_CONTACT_CALL, "", FALSE },
    { SHORE_CONTACT_CALL, "  \t ", FALSE },
    { SHORE_CONTACT_VISIT, "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) contacts = contacts_new ();
      g_autoptr(GArray) flags = NULL;
      ShoreContact *contact;
      const ShoreEvidenceFlag *flag;

      g_test_message ("case %u", i);
      contact = add_contact (contacts, "2026-03-02T10:00:00+08:00", cases[i].channel, "XX", TRUE);
      g_free (contact->third_parties);
      contact->third_parties = g_strdup (cases[i].third_parties);
      flags = check (contacts, NULL);
      g_assert_cmpuint (count_rule (flags, SHORE_EVIDENCE_RULE_THIRD_PARTY, 0), ==, cases[i].flagged ? 1 : 0);
      g_assert_cmpuint (flags->len, ==, cases[i].flagged ? 1 : 0);
      if (!cases[i].flagged)
        continue;

      flag = find_flag (flags, SHORE_EVIDENCE_RULE_THIRD_PARTY);
      assert_flag_well_formed (flag);
      g_assert_nonnull (strstr (flag->citation, "Article 1033"));
      g_assert_nonnull (strstr (flag->citation, "《金融机构个人消费类贷款催收工作指引（试行）》"));
      if (cases[i].third_parties[0] != '\0')
        g_assert_nonnull (strstr (flag->message, cases[i].third_parties));
    }
}

/* Wording */

typedef struct
{
  const char *text;
  int         rule;       /* -1: no flag */
} WordingCase;

static const WordingCase wording_cases[] = {
  /* threats */
  { "再不还钱你就等着坐牢吧", SHORE_EVIDENCE_RULE_THREAT },
  { "再不還錢你就等著坐牢吧", SHORE_EVIDENCE_RULE_THREAT },
  { "我们会让警方拘留你", -2 },                  /* threat and legal: checked below */
  { "小心我弄死你", SHORE_EVIDENCE_RULE_THREAT },
  { "你不得好死", SHORE_EVIDENCE_RULE_THREAT },
  { "你只有死路一条", SHORE_EVIDENCE_RULE_THREAT },
  { "你只有死路一條", SHORE_EVIDENCE_RULE_THREAT },
  { "殺了你", SHORE_EVIDENCE_RULE_THREAT },
  /* insults */
  { "你这个骗子", SHORE_EVIDENCE_RULE_INSULT },
  { "你這個騙子", SHORE_EVIDENCE_RULE_INSULT },
  { "你就是个老赖", SHORE_EVIDENCE_RULE_INSULT },
  { "你就是個老賴", SHORE_EVIDENCE_RULE_INSULT },
  { "你就是个垃圾", SHORE_EVIDENCE_RULE_INSULT },
  { "傻 B", SHORE_EVIDENCE_RULE_INSULT },
  { "不要臉", SHORE_EVIDENCE_RULE_INSULT },
  /* soft violence */
  { "再不还就爆你通讯录", SHORE_EVIDENCE_RULE_SOFT_VIOLENCE },
  { "再不還就爆你通訊錄", SHORE_EVIDENCE_RULE_SOFT_VIOLENCE },
  { "明天我们上门找你", SHORE_EVIDENCE_RULE_SOFT_VIOLENCE },
  { "明天我們上門找你", SHORE_EVIDENCE_RULE_SOFT_VIOLENCE },
  { "我们会通知你单位", SHORE_EVIDENCE_RULE_SOFT_VIOLENCE },
  { "我們會通知你單位", SHORE_EVIDENCE_RULE_SOFT_VIOLENCE },
  { "告訴你家人你欠錢", SHORE_EVIDENCE_RULE_SOFT_VIOLENCE },
  { "在你老家贴大字报", SHORE_EVIDENCE_RULE_SOFT_VIOLENCE },
  /* legal threats */
  { "我们已经起诉你了", SHORE_EVIDENCE_RULE_FAKE_LEGAL },
  { "我們已經起訴你了", SHORE_EVIDENCE_RULE_FAKE_LEGAL },
  { "律师函已经发出", SHORE_EVIDENCE_RULE_FAKE_LEGAL },
  { "律師函已經發出", SHORE_EVIDENCE_RULE_FAKE_LEGAL },
  { "法院传票下周到", SHORE_EVIDENCE_RULE_FAKE_LEGAL },
  { "法院傳票下週到", SHORE_EVIDENCE_RULE_FAKE_LEGAL },
  { "已经移交公安", SHORE_EVIDENCE_RULE_FAKE_LEGAL },
  { "已經移交經偵", SHORE_EVIDENCE_RULE_FAKE_LEGAL },
  /* no flag: polite reminders and near misses */
  { "您好，您在XX平台的借款已逾期3天，请尽快还款。如有困难可以联系我们协商还款计划。", -1 },
  { "您好，您的借款已逾期，請儘快還款，如有困難可與我們協商。", -1 },
  { "我手机死机了没接到", -1 },
  { "笑死我了", -1 },
  { "上门服务", -1 },
  { "请不要发垃圾短信", -1 },
  { "我不是骗子", -1 },
  { "", -1 },
};

static void
test_wording (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (wording_cases); i++)
    {
      const WordingCase *wc = &wording_cases[i];
      g_autoptr(GArray) flags = shore_evidence_flags_new ();
      g_autoptr(GDateTime) when = parse_time ("2026-03-02T10:00:00+08:00");

      g_test_message ("“%s”", wc->text);
      shore_evidence_check_wording (wc->text, when, flags);
      if (wc->rule == -1)
        {
          g_assert_cmpuint (flags->len, ==, 0);
        }
      else if (wc->rule == -2)
        {
          g_assert_cmpuint (flags->len, ==, 2);
          g_assert_cmpuint (count_rule (flags, SHORE_EVIDENCE_RULE_THREAT, 0), ==, 1);
          g_assert_cmpuint (count_rule (flags, SHORE_EVIDENCE_RULE_FAKE_LEGAL, 0), ==, 1);
        }
      else
        {
          const ShoreEvidenceFlag *flag;

          g_assert_cmpuint (flags->len, ==, 1);
          flag = &g_array_index (flags, ShoreEvidenceFlag, 0);
          g_assert_cmpint (flag->rule, ==, wc->rule);
          g_assert_nonnull (flag->matched);
          g_assert_nonnull (strstr (flag->message, flag->matched));
          assert_flag_well_formed (flag);
        }
    }
}

typedef struct
{
  const char             *time;
  const char             *article;
  ShoreEvidenceConfidence confidence;
} LawVersionCase;

/* The 2012 Public Security Administration Punishments Law (read) until
 * 2025-12-31; the 2025 revision (reported) from 2026-01-01, local time. */
static void
test_wording_law_version (void)
{
  static const LawVersionCase cases[] = {
    { "2025-12-31T23:59:00+08:00", "Article 42", SHORE_CONFIDENCE_PRIMARY },
    { "2026-01-01T00:00:00+08:00", "Article 50", SHORE_CONFIDENCE_SECONDARY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) contacts = contacts_new ();
      g_autoptr(GArray) flags = NULL;
      ShoreContact *contact = add_contact (contacts, cases[i].time, SHORE_CONTACT_CALL, "XX", TRUE);
      const ShoreEvidenceFlag *threat;
      const ShoreEvidenceFlag *insult;

      g_free (contact->summary);
      contact->summary = g_strdup ("你这个骗子，小心我弄死你");
      flags = check (contacts, NULL);
      threat = find_flag (flags, SHORE_EVIDENCE_RULE_THREAT);
      insult = find_flag (flags, SHORE_EVIDENCE_RULE_INSULT);
      g_assert_nonnull (threat);
      g_assert_nonnull (insult);
      g_assert_cmpint (threat->kind, ==, SHORE_EVIDENCE_KIND_LAW);
      g_assert_cmpint (threat->confidence, ==, cases[i].confidence);
      g_assert_nonnull (strstr (threat->citation, cases[i].article));
      g_assert_nonnull (strstr (threat->citation, "《刑法》 Article 293"));
      g_assert_nonnull (strstr (insult->citation, cases[i].article));
      g_assert_nonnull (strstr (insult->citation, "Article 246"));
    }
}

/* Amounts */

/* The flags on one answered call (2026-03-02 10:00) about the loan
 * @contact_loan, demanding @demanded, checked against @loan alone. */
static GArray *
check_one_call (const ShoreEvidenceLoan *loan,
                gint64                   contact_loan,
                gint64                   demanded)
{
  g_autoptr(GArray) contacts = contacts_new ();
  ShoreEvidenceContext ctx = { loan, 1 };
  ShoreContact *contact;

  contact = add_contact (contacts, "2026-03-02T10:00:00+08:00", SHORE_CONTACT_CALL, "XX", TRUE);
  contact->loan_id = contact_loan;
  contact->amount_demanded = demanded;
  return check (contacts, &ctx);
}

typedef struct
{
  gint64   owed;          /* -1 unknown */
  gint64   demanded;
  gint64   contact_loan;
  gboolean flagged;
} AmountCase;

static void
test_amount_above_records (void)
{
  static const AmountCase cases[] = {
    { 100000, 100000, 7, FALSE },
    { 100000, 100001, 7, TRUE },
    { 100000, 0, 7, FALSE },
    { 0, 1, 7, TRUE },
    { -1, 500000, 7, FALSE },      /* owed unknown */
    { 100000, 500000, 0, FALSE },  /* contact names no loan */
    { 100000, 500000, 8, FALSE },  /* a loan the context does not know */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) flags = NULL;
      ShoreEvidenceLoan loan;
      const ShoreEvidenceFlag *flag;

      g_test_message ("case %u", i);
      shore_evidence_loan_init (&loan);
      loan.loan_id = 7;
      loan.owed_total = cases[i].owed;
      flags = check_one_call (&loan, cases[i].contact_loan, cases[i].demanded);
      g_assert_cmpuint (count_rule (flags, SHORE_EVIDENCE_RULE_AMOUNT_ABOVE_RECORDS, 0), ==,
                        cases[i].flagged ? 1 : 0);
      g_assert_cmpuint (flags->len, ==, cases[i].flagged ? 1 : 0);
      if (!cases[i].flagged)
        continue;
      flag = find_flag (flags, SHORE_EVIDENCE_RULE_AMOUNT_ABOVE_RECORDS);
      assert_flag_well_formed (flag);
      g_assert_cmpint (flag->kind, ==, SHORE_EVIDENCE_KIND_INDUSTRY_CODE);
    }
}

typedef struct
{
  ShoreLenderType         lender_type;
  double                  apr;
  gboolean                flagged;
  ShoreEvidenceKind       kind;
  ShoreEvidenceConfidence confidence;
  const char             *cites;
} RateCase;

static void
test_rate_above_line (void)
{
  /* contract 2026-01-15: 1Y LPR 3.00 %, 4 × LPR = 12.00 % */
  static const RateCase cases[] = {
    { SHORE_LENDER_PRIVATE, 0.20, TRUE, SHORE_EVIDENCE_KIND_LAW, SHORE_CONFIDENCE_PRIMARY, "第二十五条" },
    { SHORE_LENDER_PRIVATE, 0.12, FALSE, 0, 0, NULL },
    { SHORE_LENDER_PRIVATE, 0.1201, TRUE, SHORE_EVIDENCE_KIND_LAW, SHORE_CONFIDENCE_PRIMARY, "第二十五条" },
    { SHORE_LENDER_BANK, 0.20, FALSE, 0, 0, NULL },
    { SHORE_LENDER_BANK, 0.24, FALSE, 0, 0, NULL },
    { SHORE_LENDER_MICROLENDER, 0.3558, TRUE, SHORE_EVIDENCE_KIND_REGULATION, SHORE_CONFIDENCE_SECONDARY,
      "金规〔2025〕9号" },
    { SHORE_LENDER_BANK, -1.0, FALSE, 0, 0, NULL },   /* rate unknown */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) flags = NULL;
      ShoreEvidenceLoan loan;
      const ShoreEvidenceFlag *flag;

      g_test_message ("case %u", i);
      shore_evidence_loan_init (&loan);
      loan.loan_id = 3;
      loan.lender_type = cases[i].lender_type;
      g_date_set_dmy (&loan.contract_date, 15, G_DATE_JANUARY, 2026);
      loan.apr = cases[i].apr;
      flags = check_one_call (&loan, 3, 100000);
      g_assert_cmpuint (count_rule (flags, SHORE_EVIDENCE_RULE_RATE_ABOVE_LINE, 0), ==, cases[i].flagged ? 1 : 0);
      if (!cases[i].flagged)
        continue;
      flag = find_flag (flags, SHORE_EVIDENCE_RULE_RATE_ABOVE_LINE);
      assert_flag_well_formed (flag);
      g_assert_cmpint (flag->kind, ==, cases[i].kind);
      g_assert_cmpint (flag->confidence, ==, cases[i].confidence);
      g_assert_nonnull (strstr (flag->citation, cases[i].cites));
    }
}

/* Without a demand, a loan above its line flags only its earliest contact. */
static void
test_rate_flagged_once (void)
{
  g_autoptr(GArray) contacts = contacts_new ();
  g_autoptr(GArray) flags = NULL;
  ShoreEvidenceLoan loans[2];
  ShoreEvidenceContext ctx = { loans, 2 };

  shore_evidence_loan_init (&loans[0]);
  loans[0].loan_id = 1;
  loans[0].lender_type = SHORE_LENDER_PLATFORM;
  loans[0].apr = 0.30;
  shore_evidence_loan_init (&loans[1]);
  loans[1].loan_id = 2;
  loans[1].lender_type = SHORE_LENDER_BANK;
  loans[1].apr = 0.10;

  add_contact (contacts, "2026-03-03T10:00:00+08:00", SHORE_CONTACT_SMS, "XX", TRUE)->loan_id = 1;
  add_contact (contacts, "2026-03-01T10:00:00+08:00", SHORE_CONTACT_SMS, "XX", TRUE)->loan_id = 1;
  add_contact (contacts, "2026-03-02T10:00:00+08:00", SHORE_CONTACT_SMS, "XX", TRUE)->loan_id = 2;
  add_contact (contacts, "2026-02-01T10:00:00+08:00", SHORE_CONTACT_SMS, "XX", TRUE);
  flags = check (contacts, &ctx);

  g_assert_cmpuint (flags->len, ==, 1);
  g_assert_cmpuint (count_rule (flags, SHORE_EVIDENCE_RULE_RATE_ABOVE_LINE, 1), ==, 1);
}

/* All the rules together: flags come sorted by contact, then rule. */
static void
test_flags_sorted (void)
{
  g_autoptr(GArray) contacts = contacts_new ();
  g_autoptr(GArray) flags = NULL;
  ShoreContact *contact;

  contact = add_contact (contacts, "2026-03-02T23:00:00+08:00", SHORE_CONTACT_THIRD_PARTY, "XX", TRUE);
  g_free (contact->summary);
  contact->summary = g_strdup ("告诉你妈你是老赖，明天上门");
  add_contact (contacts, "2026-03-02T12:00:00+08:00", SHORE_CONTACT_CALL, "XX", TRUE);
  contact = add_contact (contacts, "2026-03-02T06:00:00+08:00", SHORE_CONTACT_CALL, "XX", TRUE);
  g_free (contact->summary);
  contact->summary = g_strdup ("律师函");
  flags = check (contacts, NULL);

  g_assert_cmpuint (flags->len, ==, 6);
  for (guint i = 1; i < flags->len; i++)
    {
      const ShoreEvidenceFlag *a = &g_array_index (flags, ShoreEvidenceFlag, i - 1);
      const ShoreEvidenceFlag *b = &g_array_index (flags, ShoreEvidenceFlag, i);

      g_assert_true (a->contact < b->contact || (a->contact == b->contact && a->rule < b->rule));
    }
  g_assert_cmpuint (count_rule (flags, SHORE_EVIDENCE_RULE_NIGHT, 0), ==, 1);
  g_assert_cmpuint (count_rule (flags, SHORE_EVIDENCE_RULE_THIRD_PARTY, 0), ==, 1);
  g_assert_cmpuint (count_rule (flags, SHORE_EVIDENCE_RULE_INSULT, 0), ==, 1);
  g_assert_cmpuint (count_rule (flags, SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, 0), ==, 1);
  g_assert_cmpuint (count_rule (flags, SHORE_EVIDENCE_RULE_NIGHT, 2), ==, 1);
  g_assert_cmpuint (count_rule (flags, SHORE_EVIDENCE_RULE_FAKE_LEGAL, 2), ==, 1);
}

/* Summary */

static void
test_summary (void)
{
  g_autoptr(GArray) contacts = contacts_new ();
  g_autoptr(GArray) flags = NULL;
  ShoreEvidenceSummary summary;
  ShoreContact *contact;
  GDate expected;

  for (int i = 0; i < 5; i++)
    {
      g_autofree char *time = g_strdup_printf ("2026-03-02T1%d:00:00+08:00", i);

      add_contact (contacts, time, SHORE_CONTACT_CALL, "甲催收", TRUE);
    }
  add_contact (contacts, "2026-03-04T23:10:00+08:00", SHORE_CONTACT_SMS, "乙金融", TRUE);
  contact = add_contact (contacts, "2026-02-27T09:00:00+08:00", SHORE_CONTACT_THIRD_PARTY, "", TRUE);
  g_free (contact->phone);
  contact->phone = g_strdup ("138 0000 0000");
  flags = check (contacts, NULL);

  shore_evidence_summarize ((const ShoreContact *) (gpointer) contacts->data, contacts->len, flags, &summary);
  g_assert_cmpuint (summary.n_contacts, ==, 7);
  g_assert_cmpuint (summary.n_flagged_contacts, ==, 4);
  g_assert_cmpuint (summary.per_rule[SHORE_EVIDENCE_RULE_TOO_MANY_CALLS], ==, 2);
  g_assert_cmpuint (summary.per_rule[SHORE_EVIDENCE_RULE_NIGHT], ==, 1);
  g_assert_cmpuint (summary.per_rule[SHORE_EVIDENCE_RULE_THIRD_PARTY], ==, 1);
  g_assert_cmpuint (summary.per_channel[SHORE_CONTACT_CALL], ==, 5);
  g_assert_cmpuint (summary.per_channel[SHORE_CONTACT_SMS], ==, 1);
  g_assert_cmpuint (summary.n_night, ==, 1);
  g_assert_cmpuint (summary.max_calls_in_a_day, ==, 5);
  g_date_clear (&expected, 1);
  g_date_set_dmy (&expected, 2, G_DATE_MARCH, 2026);
  g_assert_cmpint (g_date_compare (&summary.max_calls_day, &expected), ==, 0);
  g_date_set_dmy (&expected, 27, G_DATE_FEBRUARY, 2026);
  g_assert_cmpint (g_date_compare (&summary.first_day, &expected), ==, 0);
  g_date_set_dmy (&expected, 4, G_DATE_MARCH, 2026);
  g_assert_cmpint (g_date_compare (&summary.last_day, &expected), ==, 0);

  g_assert_cmpuint (summary.n_organizations, ==, 3);
  g_assert_cmpstr (summary.organizations[0].name, ==, "甲催收");
  g_assert_cmpuint (summary.organizations[0].n_contacts, ==, 5);
  g_assert_cmpuint (summary.organizations[0].n_flags, ==, 2);
  g_assert_cmpuint (summary.organizations[1].n_contacts, ==, 1);
  g_assert_cmpuint (summary.organizations[2].n_contacts, ==, 1);
}

static void
test_summary_empty (void)
{
  ShoreEvidenceSummary summary;
  g_autoptr(GArray) flags = NULL;

  shore_evidence_check (NULL, 0, NULL, &flags);
  g_assert_cmpuint (flags->len, ==, 0);
  shore_evidence_summarize (NULL, 0, flags, &summary);
  g_assert_cmpuint (summary.n_contacts, ==, 0);
  g_assert_cmpuint (summary.max_calls_in_a_day, ==, 0);
  g_assert_false (g_date_valid (&summary.first_day));
  g_assert_cmpuint (summary.n_organizations, ==, 0);
}

/* The sheet */

static void
test_sheet (void)
{
  g_autoptr(GArray) contacts = contacts_new ();
  g_autoptr(GArray) flags = NULL;
  g_autofree char *sheet = NULL;
  ShoreContact *contact;
  GDate today;
  ShoreEvidenceSheetInfo info = { "张三", "我从2026年2月起逾期，每天被催收。", &today, };
  static const char * const expected[] = {
    "Record of debt collection contacts", "Borrower: 张三", "Prepared on 2026-03-05",
    "我从2026年2月起逾期，每天被催收。", "2 contacts recorded, from 2026-03-01 to 2026-03-02.",
    "1. 2026-03-01 22:15 (UTC+08:00), Phone call", "Organization: 甲催收", "Person: 工号 1234",
    "Number: 400-000-0000", "Answered: Yes", "Duration: 3 min 05 s", "Amount demanded: ",
    "What was said: 明天上门", "Attachments: evidence/call-1.m4a; /home/u/shot.png",
    "2. 2026-03-02 10:00 (UTC+09:00), Text message", "Others contacted: 我妈妈",
    "What was said: 第一行\n      第二行\n", "甲催收: contacts: 2, likely breaches: 3",
    "⚠ Contact at night: ", "《互联网金融贷后催收业务指引》", "Source (Industry code, known from reports and reprints)",
    "⚠ Soft violence: ", "⚠ Others contacted: ", "Where to complain", "12378", "12363", "12321", "110",
    "12368", "12348", "jubao.nifa.org.cn", "《征信业管理条例》 Article 26", "About the sources",
  };

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 5, G_DATE_MARCH, 2026);
  contact = add_contact (contacts, "2026-03-01T22:15:00+08:00", SHORE_CONTACT_CALL, "甲催收", TRUE);
  g_free (contact->person);
  contact->person = g_strdup ("工号 1234");
  g_free (contact->phone);
  contact->phone = g_strdup ("400-000-0000");
  contact->duration_seconds = 185;
  contact->amount_demanded = 1234567;
  g_free (contact->summary);
  contact->summary = g_strdup ("明天上门");
  g_ptr_array_add (contact->attachments, g_strdup ("evidence/call-1.m4a"));
  g_ptr_array_add (contact->attachments, g_strdup ("/home/u/shot.png"));
  contact = add_contact (contacts, "2026-03-02T10:00:00+09:00", SHORE_CONTACT_SMS, "甲催收", TRUE);
  g_free (contact->third_parties);
  contact->third_parties = g_strdup ("我妈妈");
  g_free (contact->summary);
  contact->summary = g_strdup ("第一行\n第二行");

  flags = check (contacts, NULL);
  sheet = shore_evidence_sheet_text ((const ShoreContact *) (gpointer) contacts->data, contacts->len, flags, &info);
  g_test_message ("%s", sheet);

  g_assert_true (g_utf8_validate (sheet, -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("expect “%s”", expected[i]);
      g_assert_nonnull (strstr (sheet, expected[i]));
    }
  g_assert_null (strstr (sheet, "(null)"));
  /* flags of contact 1 come after it, not before */
  g_assert_true (strstr (sheet, "⚠ Others contacted") > strstr (sheet, "2. 2026-03-02"));
  g_assert_true (strstr (sheet, "⚠ Contact at night") < strstr (sheet, "2. 2026-03-02"));
}

static void
test_sheet_empty (void)
{
  g_autofree char *sheet = shore_evidence_sheet_text (NULL, 0, NULL, NULL);

  g_assert_nonnull (strstr (sheet, "No contacts have been recorded."));
  g_assert_nonnull (strstr (sheet, "12378"));
  g_assert_null (strstr (sheet, "Borrower:"));
}

/* The value type */

static void
test_channel_names (void)
{
  for (guint i = 0; i < SHORE_N_CONTACT_CHANNELS; i++)
    {
      ShoreContactChannel back;

      g_assert_true (shore_contact_channel_from_string (shore_contact_channel_to_string (i), &back));
      g_assert_cmpint (back, ==, i);
      g_assert_cmpstr (shore_contact_channel_get_label (i), !=, "");
    }
  {
    ShoreContactChannel out;

    g_assert_false (shore_contact_channel_from_string ("fax", &out));
    g_assert_false (shore_contact_channel_from_string (NULL, &out));
  }
  g_assert_cmpstr (shore_contact_channel_to_string (SHORE_CONTACT_THIRD_PARTY), ==, "third-party");
}

typedef struct
{
  const char *name;
  void      (*spoil) (ShoreContact *contact);
} InvalidCase;

static void spoil_time (ShoreContact *c) { g_clear_pointer (&c->occurred_at, g_date_time_unref); }
static void spoil_channel (ShoreContact *c) { c->channel = (ShoreContactChannel) 42; }
static void spoil_duration (ShoreContact *c) { c->duration_seconds = -2; }
static void spoil_amount (ShoreContact *c) { c->amount_demanded = -1; }
static void spoil_empty_path (ShoreContact *c) { g_ptr_array_add (c->attachments, g_strdup ("")); }
static void
spoil_twice (ShoreContact *c)
{
  g_ptr_array_add (c->attachments, g_strdup ("a.png"));
  g_ptr_array_add (c->attachments, g_strdup ("a.png"));
}

static void
test_validate (void)
{
  static const InvalidCase cases[] = {
    { "no-time", spoil_time },
    { "channel", spoil_channel },
    { "duration", spoil_duration },
    { "amount", spoil_amount },
    { "empty-path", spoil_empty_path },
    { "same-path-twice", spoil_twice },
  };
  g_autoptr(ShoreContact) good = shore_contact_new ();
  g_autoptr(GError) error = NULL;

  good->occurred_at = parse_time ("2026-03-02T10:00:00+08:00");
  g_ptr_array_add (good->attachments, g_strdup ("a.png"));
  g_assert_true (shore_contact_validate (good, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ShoreContact) bad = shore_contact_copy (good);

      g_test_message ("case %s", cases[i].name);
      g_ptr_array_set_size (bad->attachments, 0);
      cases[i].spoil (bad);
      g_assert_false (shore_contact_validate (bad, &error));
      g_assert_error (error, SHORE_EVIDENCE_ERROR, SHORE_EVIDENCE_ERROR_INVALID);
      g_clear_error (&error);
    }
}

static void
test_copy (void)
{
  g_autoptr(ShoreContact) contact = shore_contact_new ();
  g_autoptr(ShoreContact) copy = NULL;

  contact->occurred_at = parse_time ("2026-03-02T10:00:00+08:00");
  contact->summary = (g_free (contact->summary), g_strdup ("说了什么"));
  g_ptr_array_add (contact->attachments, g_strdup ("a.png"));
  copy = shore_contact_copy (contact);
  g_assert_true (g_date_time_equal (copy->occurred_at, contact->occurred_at));
  g_assert_cmpstr (copy->summary, ==, "说了什么");
  g_assert_true (copy->summary != contact->summary);
  g_assert_cmpuint (copy->attachments->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (copy->attachments, 0), ==, "a.png");
  g_assert_cmpint (copy->duration_seconds, ==, -1);
  g_assert_true (copy->connected);
}

int
main (int   argc,
      char *argv[])
{
  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/evidence/night/boundaries", test_night_boundaries);
  g_test_add_func ("/evidence/night/offset-kept", test_night_offset_kept);
  g_test_add_func ("/evidence/calls/a-day", test_calls_a_day);
  g_test_add_func ("/evidence/calls/citation", test_calls_citation);
  g_test_add_func ("/evidence/third-party", test_third_party);
  g_test_add_func ("/evidence/wording/keywords", test_wording);
  g_test_add_func ("/evidence/wording/law-version", test_wording_law_version);
  g_test_add_func ("/evidence/amount/above-records", test_amount_above_records);
  g_test_add_func ("/evidence/amount/rate-above-line", test_rate_above_line);
  g_test_add_func ("/evidence/amount/rate-flagged-once", test_rate_flagged_once);
  g_test_add_func ("/evidence/flags-sorted", test_flags_sorted);
  g_test_add_func ("/evidence/summary", test_summary);
  g_test_add_func ("/evidence/summary/empty", test_summary_empty);
  g_test_add_func ("/evidence/sheet", test_sheet);
  g_test_add_func ("/evidence/sheet/empty", test_sheet_empty);
  g_test_add_func ("/evidence/contact/channel-names", test_channel_names);
  g_test_add_func ("/evidence/contact/validate", test_validate);
  g_test_add_func ("/evidence/contact/copy", test_copy);

  return g_test_run ();
}
