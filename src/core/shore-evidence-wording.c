/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-evidence"

#include "config.h"

#include <string.h>

#include <glib.h>
#include "shore-intl.h"

#include "shore-evidence.h"
#include "shore-evidence-private.h"

/* The wording rules of the evidence log: threats, insults, soft violence
 * and legal threats found by keyword in what a collector said, each cited
 * to ../shared/reference/legal-facts.md §4 with its kind and confidence.
 */

/* Whether the 2025 revision of the Public Security Administration
 * Punishments Law was in force at @when (it is from 2026-01-01, local
 * time); %NULL is now. */
static gboolean
public_order_law_2025_applies (GDateTime *when)
{
  g_autoptr(GDateTime) now = NULL;

  if (when == NULL)
    when = now = g_date_time_new_now_local ();

  return g_date_time_get_year (when) >= 2026;
}

/* legal-facts.md §4: the 2012 text of Art. 42 was read (P); the 2025
 * revision's Art. 50 is known from a secondary copy (S, and §8 item 11). */
static const char *
public_order_law_sentence (GDateTime *when)
{
  if (public_order_law_2025_applies (when))
    return _("Law: under the Public Security Administration Punishments Law as revised in 2025, in force "
             "since 2026-01-01 (《治安管理处罚法》, reported as Article 50), threats, repeated insulting or "
             "threatening messages, and harassing, pestering or stalking someone so as to disturb their "
             "normal life are punished with detention of up to 5 days or a fine of up to ¥1,000, 5 to 10 "
             "days if serious, and the police may order the person to stay away from the victim. We know "
             "this article from a secondary copy, not the official text.");

  return _("Law: under the Public Security Administration Punishments Law (《治安管理处罚法》, 2012 text, "
           "Article 42), threatening someone’s personal safety, insulting them in public, or repeatedly "
           "sending insulting or threatening messages that disturb their normal life is punished with "
           "detention of up to 5 days or a fine of up to ¥500, 5 to 10 days if serious (read in the "
           "text).");
}

static char *
threat_citation (GDateTime *when)
{
  return g_strjoin (" ",
                    public_order_law_sentence (when),
                    _("Law: picking quarrels, including insulting or intimidating others in flagrant "
                      "cases, is a crime (《刑法》 Article 293), and holding someone to collect any debt "
                      "is false imprisonment (《刑法》 Article 238); for threats to your safety call the "
                      "police on 110 (read in the text)."),
                    NULL);
}

static char *
insult_citation (GDateTime *when)
{
  return g_strjoin (" ",
                    public_order_law_sentence (when),
                    _("Law: insulting someone in public, if serious, is a crime (《刑法》 Article 246, "
                      "read in the text). Industry code: the National Internet Finance Association of "
                      "China’s 2018 self-regulatory convention on collection (《互联网金融逾期债务催收自律公约（试行）》) "
                      "forbids intimidating, threatening or insulting debtors (known from press reports)."),
                    NULL);
}

static char *
soft_violence_citation (GDateTime *when)
{
  return g_strjoin (" ",
                    _("Law: an opinion of the Supreme People’s Court, the Supreme People’s Procuratorate, "
                      "the Ministry of Public Security and the Ministry of Justice (《关于办理实施“软暴力”的"
                      "刑事案件若干问题的意见》, 2019-04-09) describes soft violence: harassing, pestering or "
                      "making scenes that put a person in fear, such as stalking, threatening to expose "
                      "private matters, posting notices, wreaths or funeral music, or blocking doors, also "
                      "by phone or online (known from reprints). Disturbing someone’s private life by calls "
                      "or messages without consent infringes their privacy (《民法典》 Article 1033, read in the "
                      "text). A visit is not forbidden in itself, but the China Banking Association’s 2026 "
                      "guidelines require at least two collectors (Article 22) and no visits from 22:00 to "
                      "08:00 (industry code, known from press reports)."),
                    public_order_law_sentence (when),
                    NULL);
}

static const char *
fake_legal_citation (void)
{
  return _("Industry code: the China Banking Association’s guidelines on collecting personal consumer loans "
           "(《金融机构个人消费类贷款催收工作指引（试行）》, 2026-01-30) forbid fraud, intimidation and threats, "
           "and posting collection notices or lawyer’s letters in public (known from press reports). A "
           "lender may take a lawful debt to court; whether a case has really been filed you can check "
           "with the court service hotline 12368 (case look-up).");
}

/* Keywords */

/* Each keyword in simplified and, where it differs, traditional Chinese.
 * A keyword found inside one of its exceptions does not count: "上门服务"
 * (a home service) is not a threatened visit. The lists favour phrases
 * over single characters (no bare 死, which is in 死机, 笑死…), and the
 * texts are matched with white space removed and Latin letters folded.
 */
typedef struct
{
  ShoreEvidenceRule         rule;
  const char               *hans;
  const char               *hant;    /* NULL: the same */
  const char * const       *except;  /* NULL-terminated, or NULL */
} Keyword;

#define EXCEPT(...) ((const char * const []) { __VA_ARGS__, NULL })

static const Keyword keywords[] = {
  /* Threats: violence, death, jail for a debt */
  { SHORE_EVIDENCE_RULE_THREAT, "弄死", NULL, NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "打死", NULL, EXCEPT ("打死也", "打死都", "打死不") },
  { SHORE_EVIDENCE_RULE_THREAT, "整死", NULL, NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "砍死", NULL, NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "去死", NULL, NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "死全家", NULL, NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "全家死", NULL, NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "不得好死", NULL, NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "死定了", NULL, NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "死路一条", "死路一條", NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "杀了你", "殺了你", NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "砍你", NULL, NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "打断你的腿", "打斷你的腿", NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "要你命", NULL, NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "要你的命", NULL, NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "弄残", "弄殘", NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "让你好看", "讓你好看", NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "坐牢", NULL, NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "蹲监狱", "蹲監獄", NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "进监狱", "進監獄", NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "吃牢饭", "吃牢飯", NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "拘留", NULL, NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "逮捕", NULL, NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "抓你", NULL, NULL },
  { SHORE_EVIDENCE_RULE_THREAT, "判刑", NULL, NULL },

  /* Insults */
  { SHORE_EVIDENCE_RULE_INSULT, "骗子", "騙子", EXCEPT ("不是骗子", "不是騙子") },
  { SHORE_EVIDENCE_RULE_INSULT, "老赖", "老賴", NULL },
  { SHORE_EVIDENCE_RULE_INSULT, "废物", "廢物", EXCEPT ("废物利用", "廢物利用") },
  { SHORE_EVIDENCE_RULE_INSULT, "畜生", NULL, NULL },
  { SHORE_EVIDENCE_RULE_INSULT, "畜牲", NULL, NULL },
  { SHORE_EVIDENCE_RULE_INSULT, "王八蛋", NULL, NULL },
  { SHORE_EVIDENCE_RULE_INSULT, "混蛋", NULL, NULL },
  { SHORE_EVIDENCE_RULE_INSULT, "傻逼", NULL, NULL },
  { SHORE_EVIDENCE_RULE_INSULT, "傻b", NULL, NULL },
  { SHORE_EVIDENCE_RULE_INSULT, "煞笔", "煞筆", NULL },
  { SHORE_EVIDENCE_RULE_INSULT, "贱人", "賤人", NULL },
  { SHORE_EVIDENCE_RULE_INSULT, "婊子", NULL, NULL },
  { SHORE_EVIDENCE_RULE_INSULT, "狗东西", "狗東西", NULL },
  { SHORE_EVIDENCE_RULE_INSULT, "不要脸", "不要臉", NULL },
  { SHORE_EVIDENCE_RULE_INSULT, "人渣", NULL, NULL },
  { SHORE_EVIDENCE_RULE_INSULT, "败类", "敗類", NULL },
  { SHORE_EVIDENCE_RULE_INSULT, "白眼狼", NULL, NULL },
  { SHORE_EVIDENCE_RULE_INSULT, "无赖", "無賴", NULL },
  { SHORE_EVIDENCE_RULE_INSULT, "垃圾", NULL,
    EXCEPT ("垃圾短信", "垃圾簡訊", "垃圾邮件", "垃圾郵件", "垃圾分类", "垃圾分類", "垃圾桶") },
  { SHORE_EVIDENCE_RULE_INSULT, "他妈的", "他媽的", NULL },
  { SHORE_EVIDENCE_RULE_INSULT, "你妈的", "你媽的", NULL },
  { SHORE_EVIDENCE_RULE_INSULT, "操你", NULL, NULL },

  /* Soft violence: the contact list, family and employer, visits, exposure */
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "通讯录", "通訊錄", NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "通知你单位", "通知你單位", NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "联系你单位", "聯繫你單位", NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "找你单位", "找你單位", NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "去你单位", "去你單位", NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "到你单位", "到你單位", NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "你公司领导", "你公司領導", NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "告诉你领导", "告訴你領導", NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "通知你领导", "通知你領導", NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "通知你家人", NULL, NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "告诉你家人", "告訴你家人", NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "联系你家人", "聯繫你家人", NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "找你家人", NULL, NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "通知你父母", NULL, NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "告诉你父母", "告訴你父母", NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "找你父母", NULL, NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "上门", "上門", EXCEPT ("上门服务", "上門服務") },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "去你家", NULL, NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "到你家", NULL, NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "你老家", NULL, NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "曝光", NULL, NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "社死", NULL, NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "大字报", "大字報", NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "发朋友圈", "發朋友圈", NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "群发", "群發", NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "喷漆", "噴漆", NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "花圈", NULL, NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "哀乐", "哀樂", NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "堵门", "堵門", NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "呼死你", NULL, NULL },
  { SHORE_EVIDENCE_RULE_SOFT_VIOLENCE, "轰炸", "轟炸", NULL },

  /* Legal threats: lawsuits, court papers, lawyer's letters, the police */
  { SHORE_EVIDENCE_RULE_FAKE_LEGAL, "起诉你", "起訴你", NULL },
  { SHORE_EVIDENCE_RULE_FAKE_LEGAL, "律师函", "律師函", NULL },
  { SHORE_EVIDENCE_RULE_FAKE_LEGAL, "传票", "傳票", NULL },
  { SHORE_EVIDENCE_RULE_FAKE_LEGAL, "立案", NULL, NULL },
  { SHORE_EVIDENCE_RULE_FAKE_LEGAL, "公安", NULL, NULL },
  { SHORE_EVIDENCE_RULE_FAKE_LEGAL, "警察", NULL, NULL },
  { SHORE_EVIDENCE_RULE_FAKE_LEGAL, "警方", NULL, NULL },
  { SHORE_EVIDENCE_RULE_FAKE_LEGAL, "派出所", NULL, NULL },
  { SHORE_EVIDENCE_RULE_FAKE_LEGAL, "经侦", "經偵", NULL },
  { SHORE_EVIDENCE_RULE_FAKE_LEGAL, "协查函", "協查函", NULL },
  { SHORE_EVIDENCE_RULE_FAKE_LEGAL, "通缉", "通緝", NULL },
  { SHORE_EVIDENCE_RULE_FAKE_LEGAL, "刑事", NULL, NULL },
  { SHORE_EVIDENCE_RULE_FAKE_LEGAL, "诈骗罪", "詐騙罪", NULL },
  { SHORE_EVIDENCE_RULE_FAKE_LEGAL, "法院判决", "法院判決", NULL },
};

/* White space removed (ASCII, ideographic and no-break), Latin folded to
 * lower case, full-width forms to ASCII (NFKC). */
char *
shore_evidence_normalize_text (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = NULL;
  GString *out;
  const char *p;

  if (nfkc == NULL)
    return g_strdup ("");

  folded = g_utf8_strdown (nfkc, -1);
  out = g_string_new (NULL);
  for (p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x200B && c != 0xFEFF)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Whether the match of a keyword at [start, start + len) lies inside an
 * occurrence of @except in @text. */
static gboolean
inside (const char *text,
        const char *start,
        gsize       len,
        const char *except)
{
  gsize except_len = strlen (except);
  const char *q;

  for (q = strstr (text, except); q != NULL; q = strstr (q + 1, except))
    if (q <= start && q + except_len >= start + len)
      return TRUE;

  return FALSE;
}

static gboolean
find_one (const char         *text,
          const char         *word,
          const char * const *except)
{
  gsize len = strlen (word);
  const char *p;

  for (p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    {
      gboolean excepted = FALSE;
      guint i;

      for (i = 0; except != NULL && except[i] != NULL && !excepted; i++)
        excepted = inside (text, p, len, except[i]);

      if (!excepted)
        return TRUE;
    }

  return FALSE;
}

/* The first keyword of @rule found in normalized @text, or NULL. */
static const char *
find_keyword (const char        *text,
              ShoreEvidenceRule  rule)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (keywords); i++)
    {
      const Keyword *kw = &keywords[i];

      if (kw->rule != rule)
        continue;
      if (find_one (text, kw->hans, kw->except))
        return kw->hans;
      if (kw->hant != NULL && find_one (text, kw->hant, kw->except))
        return kw->hant;
    }

  return NULL;
}

void
shore_evidence_check_wording_at (const char *text,
                                 GDateTime  *when,
                                 guint       contact,
                                 GArray     *flags)
{
  g_autofree char *norm = shore_evidence_normalize_text (text);
  const char *word;

  if (norm[0] == '\0')
    return;

  if ((word = find_keyword (norm, SHORE_EVIDENCE_RULE_THREAT)) != NULL)
    shore_evidence_add_flag (flags, contact, SHORE_EVIDENCE_RULE_THREAT,
              /* Translators: %s is the threatening word found in what the collector said */
              g_strdup_printf (_("Threatening words: “%s”."), word),
              threat_citation (when), SHORE_EVIDENCE_KIND_LAW,
              public_order_law_2025_applies (when) ? SHORE_CONFIDENCE_SECONDARY : SHORE_CONFIDENCE_PRIMARY,
              word);

  if ((word = find_keyword (norm, SHORE_EVIDENCE_RULE_INSULT)) != NULL)
    shore_evidence_add_flag (flags, contact, SHORE_EVIDENCE_RULE_INSULT,
              /* Translators: %s is the insult found in what the collector said */
              g_strdup_printf (_("Insulting words: “%s”."), word),
              insult_citation (when), SHORE_EVIDENCE_KIND_LAW,
              public_order_law_2025_applies (when) ? SHORE_CONFIDENCE_SECONDARY : SHORE_CONFIDENCE_PRIMARY,
              word);

  if ((word = find_keyword (norm, SHORE_EVIDENCE_RULE_SOFT_VIOLENCE)) != NULL)
    shore_evidence_add_flag (flags, contact, SHORE_EVIDENCE_RULE_SOFT_VIOLENCE,
              /* Translators: %s is the word found in what the collector said, e.g. 通讯录 or 上门 */
              g_strdup_printf (_("Pressure through your contacts, family, workplace or home: “%s”."), word),
              soft_violence_citation (when), SHORE_EVIDENCE_KIND_LAW, SHORE_CONFIDENCE_SECONDARY,
              word);

  if ((word = find_keyword (norm, SHORE_EVIDENCE_RULE_FAKE_LEGAL)) != NULL)
    shore_evidence_add_flag (flags, contact, SHORE_EVIDENCE_RULE_FAKE_LEGAL,
              /* Translators: %s is the word found in what the collector said, e.g. 律师函 or 公安 */
              g_strdup_printf (_("Talk of a lawsuit, court papers, a lawyer’s letter or the police: “%s”. "
                                 "Check whether it is real before you act on it."), word),
              g_strdup (fake_legal_citation ()), SHORE_EVIDENCE_KIND_INDUSTRY_CODE,
              SHORE_CONFIDENCE_SECONDARY, word);
}

/**
 * shore_evidence_check_wording:
 * @text: what a collector said or wrote
 * @when: (nullable): when it was said, for the version of the law in force;
 *   %NULL: now
 * @flags: (element-type ShoreEvidenceFlag): an array from
 *   shore_evidence_flags_new() to append to
 *
 * Runs the wording rules (threats, insults, soft violence, legal threats)
 * on @text, in simplified or traditional Chinese, and appends a flag with
 * contact index 0 for each rule that matches.
 */
void
shore_evidence_check_wording (const char *text,
                              GDateTime  *when,
                              GArray     *flags)
{
  g_return_if_fail (text != NULL);
  g_return_if_fail (flags != NULL);

  shore_evidence_check_wording_at (text, when, 0, flags);
}
