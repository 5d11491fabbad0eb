/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "shore-core-resources.h"
#include "shore-guide.h"
#include "shore-i18n.h"

#define GUIDE_RESOURCE "/io/github/shoreapp/Shore/core/guide.xml"

static ShoreGuide *
load_guide (void)
{
  g_autoptr(GError) error = NULL;
  ShoreGuide *guide = shore_guide_new (&error);

  g_assert_no_error (error);
  g_assert_nonnull (guide);
  return guide;
}

static char *
guide_source (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resource_lookup_data (shore_core_get_resource (), GUIDE_RESOURCE,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

static gboolean
is_ascii_id (const char *id)
{
  const char *p;

  if (id == NULL || *id == '\0')
    return FALSE;
  for (p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* ---- the shipped guide ---- */

static void
test_guide_parses (void)
{
  g_autoptr(ShoreGuide) guide = load_guide ();
  GPtrArray *sections = shore_guide_get_sections (guide);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint i;

  g_assert_cmpuint (sections->len, >=, 6);
  g_assert_cmpuint (shore_guide_get_articles (guide)->len, >=, 18);
  g_assert_true (g_date_valid (shore_guide_get_checked (guide)));

  for (i = 0; i < sections->len; i++)
    {
      ShoreGuideSection *section = sections->pdata[i];

      g_assert_true (is_ascii_id (section->id));
      g_assert_true (g_hash_table_add (ids, section->id));
      g_assert_cmpstr (section->title, !=, "");
      g_assert_cmpuint (section->articles->len, >=, 1);
    }
}

static void
test_guide_articles_complete (void)
{
  g_autoptr(ShoreGuide) guide = load_guide ();
  GPtrArray *articles = shore_guide_get_articles (guide);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint i, j;

  for (i = 0; i < articles->len; i++)
    {
      const ShoreGuideArticle *article = articles->pdata[i];

      g_test_message ("article %s", article->id);
      g_assert_true (is_ascii_id (article->id));
      g_assert_true (g_hash_table_add (ids, article->id));
      g_assert_true (shore_guide_lookup_article (guide, article->id) == article);
      g_assert_cmpstr (article->title, !=, "");
      g_assert_cmpstr (article->summary, !=, "");
      g_assert_true (g_date_valid (&article->checked));
      g_assert_cmpint (g_date_compare (&article->checked, shore_guide_get_checked (guide)), <=, 0);
      g_assert_cmpuint (article->blocks->len, >=, 1);
      g_assert_cmpuint (article->cites->len, >=, 1);
      g_assert_true (article->related == NULL
                     || g_strv_contains ((const char *const[]) { "simulator", "letters", "evidence", NULL },
                                         article->related));

      for (j = 0; j < article->cites->len; j++)
        {
          const ShoreGuideCite *cite = article->cites->pdata[j];

          g_assert_cmpstr (cite->text, !=, "");
          g_assert_true (is_ascii_id (cite->ref));
          g_assert_cmpint (cite->kind, >=, SHORE_GUIDE_CITE_LAW);
          g_assert_cmpint (cite->kind, <=, SHORE_GUIDE_CITE_PRACTICE);
          g_assert_nonnull (shore_guide_cite_kind_label (cite->kind));
          g_assert_nonnull (shore_guide_confidence_label (cite->confidence));
          /* a citation of an article names it: 第…条, or a hotline, practice or code */
          g_assert_true (cite->kind == SHORE_GUIDE_CITE_PRACTICE
                         || cite->kind == SHORE_GUIDE_CITE_INDUSTRY_CODE
                         || strstr (cite->text, "条") != NULL
                         || strstr (cite->text, "号") != NULL
                         || strstr (cite->text, "意见") != NULL
                         || strstr (cite->text, "指引") != NULL);
        }

      for (j = 0; j < article->blocks->len; j++)
        {
          const ShoreGuideBlock *block = article->blocks->pdata[j];

          g_assert_cmpstr (block->text, !=, "");
        }
    }
}

/* Every topic of the issue has its article. */
static void
test_guide_topics (void)
{
  static const char *const topics[] = {
    "calls", "third-parties", "contact-list", "threats-insults", "soft-violence",
    "fake-documents", "visits", "four-times-lpr", "licensed-lenders", "overdue-charges",
    "civil-matter", "lawsuit", "crime-lines", "credit-record", "free-reports",
    "credit-disputes", "personalised-instalments", "stop-interest", "record-evidence",
    "who-to-call", "legal-aid",
  };
  static const char *const hotlines[] = { "12378", "12363", "12321", "110", "12348", "12368" };
  g_autoptr(ShoreGuide) guide = load_guide ();
  const ShoreGuideArticle *who;
  guint i, j;

  for (i = 0; i < G_N_ELEMENTS (topics); i++)
    {
      g_test_message ("topic %s", topics[i]);
      g_assert_nonnull (shore_guide_lookup_article (guide, topics[i]));
    }

  /* each hotline has its own item saying what it is for */
  who = shore_guide_lookup_article (guide, "who-to-call");
  for (i = 0; i < G_N_ELEMENTS (hotlines); i++)
    {
      gboolean found = FALSE;

      for (j = 0; j < who->blocks->len; j++)
        {
          const ShoreGuideBlock *block = who->blocks->pdata[j];

          if (block->kind == SHORE_GUIDE_BLOCK_ITEM && g_str_has_prefix (block->text, hotlines[i])
              && block->cites->len == 1)
            found = TRUE;
        }
      g_test_message ("hotline %s", hotlines[i]);
      g_assert_true (found);
    }
}

static void
test_guide_disclaimer_once (void)
{
  g_autoptr(ShoreGuide) guide = load_guide ();
  g_autofree char *source = guide_source ();
  g_auto(GStrv) parts = g_strsplit (source, "<disclaimer>", -1);

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_assert_nonnull (strstr (shore_guide_get_disclaimer (guide), "not legal advice"));
}

/* Every citation that rests on a secondary source is labelled; an industry
 * code is never presented as law. */
static void
test_guide_industry_codes_not_law (void)
{
  g_autoptr(ShoreGuide) guide = load_guide ();
  GPtrArray *articles = shore_guide_get_articles (guide);
  guint i, j;

  for (i = 0; i < articles->len; i++)
    {
      const ShoreGuideArticle *article = articles->pdata[i];

      for (j = 0; j < article->cites->len; j++)
        {
          const ShoreGuideCite *cite = article->cites->pdata[j];

          /* an association's code (《…》), not its hotline or platform */
          if (strstr (cite->text, "协会") != NULL && strstr (cite->text, "《") != NULL)
            g_assert_cmpint (cite->kind, ==, SHORE_GUIDE_CITE_INDUSTRY_CODE);
          if (cite->kind == SHORE_GUIDE_CITE_INDUSTRY_CODE || cite->kind == SHORE_GUIDE_CITE_PRACTICE)
            g_assert_cmpint (cite->confidence, ==, SHORE_GUIDE_CONFIDENCE_SECONDARY);
        }
    }
}

/* ---- search ---- */

typedef struct
{
  const char *query;
  const char *first;          /* id of the best hit, NULL: no hit */
} SearchCase;

static const SearchCase english_cases[] = {
  { "credit report", "free-reports" },
  { "20 days", "credit-disputes" },
  { "LPR", "four-times-lpr" },
  { "lpr", "four-times-lpr" },
  { "ＬＰＲ", "four-times-lpr" },                 /* full-width */
  { "Soft   VIOLENCE", "soft-violence" },
  { "12348 legal aid", "legal-aid" },
  { "停息挂账", "stop-interest" },                  /* Chinese terms kept in the English text */
  { "停息掛帳", "stop-interest" },
  { "個性化分期", "personalised-instalments" },
  { "xylophone", NULL },
  { "lpr xylophone", NULL },                         /* every word must match */
};

static void
test_search_english (gconstpointer data)
{
  const SearchCase *c = data;
  g_autoptr(ShoreGuide) guide = load_guide ();
  g_autoptr(GPtrArray) hits = shore_guide_search (guide, c->query);

  if (c->first == NULL)
    {
      g_assert_cmpuint (hits->len, ==, 0);
      return;
    }
  g_assert_cmpuint (hits->len, >=, 1);
  g_assert_cmpstr (((ShoreGuideArticle *) hits->pdata[0])->id, ==, c->first);
}

static void
test_search_empty (void)
{
  g_autoptr(ShoreGuide) guide = load_guide ();
  g_autoptr(GPtrArray) all = shore_guide_search (guide, "");
  g_autoptr(GPtrArray) blank = shore_guide_search (guide, " \t　");
  GPtrArray *articles = shore_guide_get_articles (guide);
  guint i;

  g_assert_cmpuint (all->len, ==, articles->len);
  g_assert_cmpuint (blank->len, ==, articles->len);
  for (i = 0; i < articles->len; i++)
    g_assert_true (all->pdata[i] == articles->pdata[i]);
}

/* A tiny guide in Chinese, some articles in simplified and some in
 * traditional characters, as translations will be. */
static const char chinese_guide[] =
  "<guide checked='2026-11-24'>"
  "<disclaimer>本指南不构成法律意见。</disclaimer>"
  "<section id='s'><title>催收</title>"
  "<article id='hours' checked='2026-11-24'><title>催收时间</title>"
  "<summary>晚上十点到早上八点不得催收。</summary><p cite='c'>行业自律规定。</p>"
  "<cite kind='industry-code' confidence='S' ref='c'>中国银行业协会指引</cite></article>"
  "<article id='credit' checked='2026-11-24'><title>徵信異議</title>"
  "<summary>徵信機構應在20日內答覆。</summary><p cite='c'>可以提出異議。</p>"
  "<cite kind='regulation' confidence='P' ref='c'>《徵信業管理條例》第25條</cite></article>"
  "<article id='plan' checked='2026-11-24'><title>个性化分期是什么</title>"
  "<summary>信用卡困难时可以协商。</summary><p cite='c'>最长5年。</p>"
  "<cite kind='regulation' confidence='S' ref='c'>《商业银行信用卡业务监督管理办法》第70条</cite></article>"
  "<article id='stop' checked='2026-11-24'><title>停息掛帳不是權利</title>"
  "<summary>是否停息需要協商。</summary><p cite='c'>銀行「可以」同意。</p>"
  "<cite kind='regulation' confidence='S' ref='c'>《商業銀行信用卡業務監督管理辦法》第70條</cite></article>"
  "</section></guide>";

static const SearchCase script_cases[] = {
  { "催收", "hours" },
  { "催收時間", "hours" },
  { "征信", "credit" },
  { "徵信", "credit" },
  { "征信异议", "credit" },
  { "徵信異議", "credit" },
  { "个性化分期", "plan" },
  { "個性化分期", "plan" },
  { "停息挂账", "stop" },
  { "停息掛帳", "stop" },
  { "停息掛賬", "stop" },
  { "２０日", "credit" },                  /* full-width digits */
  { "第70条", "plan" },                    /* both articles cite it; title/order decides */
  { "银行业协会", "hours" },
  { "房贷", NULL },
};

static void
test_search_scripts (gconstpointer data)
{
  const SearchCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreGuide) guide = shore_guide_new_from_data (chinese_guide, -1, FALSE, &error);
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_no_error (error);
  hits = shore_guide_search (guide, c->query);
  if (c->first == NULL)
    {
      g_assert_cmpuint (hits->len, ==, 0);
      return;
    }
  g_assert_cmpuint (hits->len, >=, 1);
  g_assert_cmpstr (((ShoreGuideArticle *) hits->pdata[0])->id, ==, c->first);
}

static void
test_search_ranking (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreGuide) guide = shore_guide_new_from_data (chinese_guide, -1, FALSE, &error);
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_no_error (error);
  /* 协商 is in the summary of both 'plan' and 'stop': document order */
  hits = shore_guide_search (guide, "協商");
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpstr (((ShoreGuideArticle *) hits->pdata[0])->id, ==, "plan");
  g_assert_cmpstr (((ShoreGuideArticle *) hits->pdata[1])->id, ==, "stop");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* 信用卡 in plan's summary beats 信用卡 only in stop's citation */
  hits = shore_guide_search (guide, "信用卡");
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpstr (((ShoreGuideArticle *) hits->pdata[0])->id, ==, "plan");
}

static void
test_fold (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "  ＡＢＣ　ｄｅｆ  ", "abc def" },
    { "徵信異議", "征信异议" },
    { "停息掛帳", "停息挂账" },
    { "停息挂帐", "停息挂账" },
    { "個性化分期", "个性化分期" },
    { "Line\n\tbreak", "line break" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = shore_guide_fold (cases[i].in);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

/* ---- malformed guides are refused ---- */

#define ART_OPEN  "<guide checked='2026-01-01'><disclaimer>d</disclaimer><section id='s'><title>t</title>"
#define ART_CLOSE "</section></guide>"
#define GOOD_CITE "<cite kind='law' confidence='P' ref='c'>x</cite>"

static const char *const bad_guides[] = {
  "<notaguide/>",
  "<guide checked='2026-01-01'><section id='s'><title>t</title></section></guide>",       /* no disclaimer */
  "<guide checked='2026-01-01'><disclaimer>a</disclaimer><disclaimer>b</disclaimer></guide>",
  "<guide checked='yesterday'><disclaimer>d</disclaimer></guide>",
  ART_OPEN "<article id='a' checked='2026-01-01'><summary>s</summary>" GOOD_CITE "</article>" ART_CLOSE,
  ART_OPEN "<article id='a' checked='2026-01-01'><title>t</title>" GOOD_CITE "</article>" ART_CLOSE,
  ART_OPEN "<article id='a' checked='2026-13-01'><title>t</title><summary>s</summary>" GOOD_CITE "</article>" ART_CLOSE,
  ART_OPEN "<article id='a' checked='2026-01-01'><title>t</title><summary>s</summary>"
           "<cite kind='rumour' confidence='P' ref='c'>x</cite></article>" ART_CLOSE,
  ART_OPEN "<article id='a' checked='2026-01-01'><title>t</title><summary>s</summary>"
           "<cite kind='law' confidence='U' ref='c'>x</cite></article>" ART_CLOSE,
  ART_OPEN "<article id='a' checked='2026-01-01'><title>t</title><summary>s</summary>"
           "<p cite='nope'>p</p>" GOOD_CITE "</article>" ART_CLOSE,
  ART_OPEN "<article id='a' checked='2026-01-01'><title>t</title><summary>s</summary>" GOOD_CITE GOOD_CITE "</article>" ART_CLOSE,
  ART_OPEN "<article id='a' checked='2026-01-01'><title>t</title><summary>s</summary>" GOOD_CITE "</article>"
           "<article id='a' checked='2026-01-01'><title>t</title><summary>s</summary>" GOOD_CITE "</article>" ART_CLOSE,
  ART_OPEN "<article id='é' checked='2026-01-01'><title>t</title><summary>s</summary>" GOOD_CITE "</article>" ART_CLOSE,
  ART_OPEN "<article id='a' checked='2026-01-01'><title>t <b>bold</b></title><summary>s</summary>" GOOD_CITE "</article>" ART_CLOSE,
  ART_OPEN "<article id='a' checked='2026-01-01'><title>t</title><summary>s</summary>" GOOD_CITE "</article>",
};

static void
test_guide_refuses (gconstpointer data)
{
  const char *xml = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreGuide) guide = shore_guide_new_from_data (xml, -1, FALSE, &error);

  g_assert_null (guide);
  g_assert_nonnull (error);
  g_assert_true (error->domain == SHORE_GUIDE_ERROR || error->domain == G_MARKUP_ERROR);
}

static void
test_guide_whitespace (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreGuide) guide = shore_guide_new_from_data (
    ART_OPEN "<article id='a' checked='2026-01-01'><title>\n  two\n   lines  </title><summary>s</summary>"
    "<p>one &amp; two</p>" GOOD_CITE "</article>" ART_CLOSE, -1, FALSE, &error);
  const ShoreGuideArticle *article;

  g_assert_no_error (error);
  article = shore_guide_lookup_article (guide, "a");
  g_assert_cmpstr (article->title, ==, "two lines");
  g_assert_cmpstr (((ShoreGuideBlock *) article->blocks->pdata[0])->text, ==, "one & two");
  g_assert_cmpuint (((ShoreGuideBlock *) article->blocks->pdata[0])->cites->len, ==, 0);
}

/* ---- both translations ---- */

static gboolean
guide_in_potfiles (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "POTFILES.in", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint i;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return FALSE;
  lines = g_strsplit (text, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    if (g_str_equal (g_strstrip (lines[i]), "data/guide/guide.xml"))
      return TRUE;
  return FALSE;
}

static void
add_text (GPtrArray  *texts,
          const char *text)
{
  g_ptr_array_add (texts, (gpointer) text);
}

/* Every translatable string of the guide, as xgettext extracts it. */
static GPtrArray *
guide_msgids (ShoreGuide *guide)
{
  GPtrArray *texts = g_ptr_array_new ();
  GPtrArray *sections = shore_guide_get_sections (guide);
  guint i, j, k;

  add_text (texts, shore_guide_get_disclaimer (guide));
  for (i = 0; i < sections->len; i++)
    {
      ShoreGuideSection *section = sections->pdata[i];

      add_text (texts, section->title);
      for (j = 0; j < section->articles->len; j++)
        {
          ShoreGuideArticle *article = section->articles->pdata[j];

          add_text (texts, article->title);
          add_text (texts, article->summary);
          for (k = 0; k < article->blocks->len; k++)
            add_text (texts, ((ShoreGuideBlock *) article->blocks->pdata[k])->text);
          for (k = 0; k < article->cites->len; k++)
            add_text (texts, ((ShoreGuideCite *) article->cites->pdata[k])->text);
        }
    }
  return texts;
}

static void
use_language (const char *language)
{
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  /* setlocale makes gettext forget the translations it has cached */
  setlocale (LC_ALL, "");
}

static void
test_guide_translated (void)
{
  static const char *const languages[] = { "zh_CN", "zh_TW" };
  g_autofree char *source = NULL;
  g_autoptr(ShoreGuide) english = NULL;
  g_autoptr(GPtrArray) msgids = NULL;
  g_autoptr(GError) error = NULL;
  guint i, j;

  if (!guide_in_potfiles ())
    {
      g_test_skip ("data/guide/guide.xml is not in po/POTFILES.in yet, so the guide has no translations to check");
      return;
    }

  source = guide_source ();
  english = shore_guide_new_from_data (source, -1, FALSE, &error);
  g_assert_no_error (error);
  msgids = guide_msgids (english);

  for (i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      guint missing = 0;

      use_language (languages[i]);
      for (j = 0; j < msgids->len; j++)
        {
          const char *msgid = msgids->pdata[j];

          /* gettext hands back the msgid itself when the catalog lacks it;
           * a translation equal to the msgid (a law's name in zh_CN) is
           * still a different pointer, into the catalog. */
          if (dgettext (GETTEXT_PACKAGE, msgid) == msgid)
            {
              if (missing++ < 10)
                g_test_message ("%s has no translation for: %s", languages[i], msgid);
            }
        }
      g_test_message ("%s: %u of %u guide strings untranslated", languages[i], missing, msgids->len);
      g_assert_cmpuint (missing, ==, 0);

      {
        g_autoptr(ShoreGuide) translated = shore_guide_new (&error);

        g_assert_no_error (error);
        g_assert_cmpstr (shore_guide_get_disclaimer (translated), !=, shore_guide_get_disclaimer (english));
      }
    }
  use_language (NULL);
}

int
main (int   argc,
      char *argv[])
{
  guint i;

  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/guide/parses", test_guide_parses);
  g_test_add_func ("/guide/articles-complete", test_guide_articles_complete);
  g_test_add_func ("/guide/topics", test_guide_topics);
  g_test_add_func ("/guide/disclaimer-once", test_guide_disclaimer_once);
  g_test_add_func ("/guide/industry-codes-not-law", test_guide_industry_codes_not_law);
  g_test_add_func ("/guide/whitespace", test_guide_whitespace);
  g_test_add_func ("/guide/fold", test_fold);
  g_test_add_func ("/guide/search/empty", test_search_empty);
  g_test_add_func ("/guide/search/ranking", test_search_ranking);
  g_test_add_func ("/guide/translated", test_guide_translated);

  for (i = 0; i < G_N_ELEMENTS (english_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/guide/search/english/%02u", i);

      g_test_add_data_func (path, &english_cases[i], test_search_english);
    }
  for (i = 0; i < G_N_ELEMENTS (script_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/guide/search/scripts/%02u", i);

      g_test_add_data_func (path, &script_cases[i], test_search_scripts);
    }
  for (i = 0; i < G_N_ELEMENTS (bad_guides); i++)
    {
      g_autofree char *path = g_strdup_printf ("/guide/refuses/%02u", i);

      g_test_add_data_func (path, bad_guides[i], test_guide_refuses);
    }

  return g_test_run ();
}
