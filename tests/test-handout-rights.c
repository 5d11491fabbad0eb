/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rights and overdue handouts, from a real database in a fresh folder
 * per test: a 10,000 元 loan from 微粒贷 with its first two installments
 * paid and the third 40 days overdue on TODAY, and a larger loan that is
 * not overdue. */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "shore-debts.h"
#include "shore-guide.h"
#include "shore-handout-private.h"
#include "shore-i18n.h"
#include "shore-intl.h"
#include "shore-money.h"
#include "shore-overdue.h"
#include "shore-scenario.h"
#include "shore-schedule.h"
#include "shore-store.h"
#include "shore-test-util.h"

#define TODAY        "2026-11-24"
#define WEILIDAI     "微粒贷"
#define OTHER_LENDER "招联消费金融"

typedef struct
{
  const char *language;
  const char *guide_text;   /* a sentence of the guide in that language */
  const char *kind_label;   /* a citation's kind and confidence as printed */
} LanguageCase;

static const LanguageCase languages[] = {
  { "zh_CN", "每条热线受理的问题各不相同", NULL },
  { "zh_TW", "每條熱線受理的問題各不相同", NULL },
  { "en", "Each hotline handles different problems", "《民法典》第1033条 (Law · Checked against the text)" },
};

static const char * const hotlines[] = { "12378", "12363", "12321", "110", "12368", "12348" };

typedef struct
{
  char       *data_dir;
  ShoreStore *store;
  GDate       today;
  gint64      weilidai_id;
  gint64      other_id;
} Fixture;

static char *out_dir;

/* Pays the first @n installments on their due dates. */
static void
pay_installments (ShoreStore      *store,
                  const ShoreLoan *loan,
                  int              n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreSchedule) schedule = shore_schedule_compute (loan, &error);

  g_assert_no_error (error);
  for (int i = 0; i < n; i++)
    {
      const ShoreInstallment *row = &g_array_index (schedule->installments, ShoreInstallment, i);
      ShorePayment payment = { 0, row->due_date, row->payment };

      g_assert_true (shore_debts_add_payment (store, loan->id, &payment, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreLoan) weilidai = NULL;
  g_autoptr(ShoreLoan) other = NULL;

  f->store = shore_test_store_new (&f->data_dir);
  f->today = shore_test_date (TODAY);

  if (data != NULL)
    return;   /* an empty store */

  /* Installments on the 15th: 3 is due 2026-10-15, 40 days before TODAY. */
  weilidai = shore_test_loan_new (WEILIDAI, SHORE_LENDER_BANK, 1000000, "2026-07-15");
  g_assert_true (shore_debts_add (f->store, weilidai, &error));
  g_assert_no_error (error);
  pay_installments (f->store, weilidai, 2);
  f->weilidai_id = weilidai->id;

  /* Larger, but nothing due yet. */
  other = shore_test_loan_new (OTHER_LENDER, SHORE_LENDER_CONSUMER_FINANCE, 2000000, "2026-11-01");
  g_assert_true (shore_debts_add (f->store, other, &error));
  g_assert_no_error (error);
  f->other_id = other->id;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  shore_test_store_free (&f->store, &f->data_dir);
}

static ShoreDocument *
build (Fixture           *f,
       ShoreHandoutTopic  topic,
       const char        *language,
       gint64             loan_id)
{
  g_autoptr(GError) error = NULL;
  ShoreHandoutOptions options;
  ShoreDocument *doc;

  shore_handout_options_init (&options, topic, language, &f->today);
  options.loan_id = loan_id;
  doc = shore_handout_build (f->store, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static guint
render (ShoreDocument *doc,
        const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (out_dir, name, NULL);
  guint pages = shore_document_get_n_pages (doc, SHORE_DOCUMENT_A4_WIDTH, SHORE_DOCUMENT_A4_HEIGHT);

  g_assert_true (shore_document_render_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (g_getenv ("SHORE_TEST_SHOTS") != NULL)
    {
      g_autofree char *shot = g_build_filename (g_getenv ("SHORE_TEST_SHOTS"), name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (shot, contents, (gssize) length, NULL));
    }
  return pages;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static char *
disclaimer_in (const char *language)
{
  const char *previous = shore_i18n_set_thread_language (language);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreGuide) guide = shore_guide_new (&error);

  g_assert_no_error (error);
  shore_i18n_set_thread_language (previous);
  return g_strdup (shore_guide_get_disclaimer (guide));
}

static void
test_rights (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *en_disclaimer = disclaimer_in ("en");

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const LanguageCase *lc = &languages[i];
      g_autoptr(ShoreDocument) doc = build (f, SHORE_HANDOUT_RIGHTS, lc->language, 0);
      g_autofree char *name = g_strdup_printf ("rights-%s.pdf", lc->language);
      g_autofree char *text = shore_document_get_text (doc);
      g_autofree char *disclaimer = disclaimer_in (lc->language);
      guint pages = render (doc, name);

      g_test_message ("rights, %s: %u pages", lc->language, pages);
      g_assert_cmpuint (pages, >=, 1);
      g_assert_cmpuint (pages, <=, 2);

      /* The guide in the handout's language, whatever the UI's. */
      g_assert_nonnull (strstr (text, lc->guide_text));
      g_assert_cmpuint (count (text, disclaimer), ==, 1);
      if (strcmp (lc->language, "en") != 0)
        {
          g_assert_cmpstr (disclaimer, !=, en_disclaimer);
          g_assert_null (strstr (text, en_disclaimer));
        }
      for (guint h = 0; h < G_N_ELEMENTS (hotlines); h++)
        g_assert_nonnull (strstr (text, hotlines[h]));
      /* Citations carry law and article, kind and confidence. */
      g_assert_nonnull (strstr (text, "《民法典》第1033"));
      g_assert_nonnull (strstr (text, "《刑法》第238"));
      if (lc->kind_label != NULL)
        {
          g_assert_nonnull (strstr (text, lc->kind_label));
          g_assert_nonnull (strstr (text, "(Industry code · Reported)"));
          g_assert_nonnull (strstr (text, "(Regulation · Reported)"));
        }
    }
}

typedef struct
{
  ShoreOverdueResult *result;
  ShoreScenario       now;
  ShoreScenario       wait;
  ShoreScenario       deal;
} Expected;

/* What the model says of the 微粒贷 loan on TODAY, computed here on its own. */
static void
expect (Fixture  *f,
        Expected *e)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreLoan) loan = shore_debts_get (f->store, f->weilidai_id, &error);
  ShoreOverdueOptions options = { 3, f->today };
  ShoreNegotiation terms = { 12, TRUE, 0, 0 };

  g_assert_no_error (error);
  g_assert_true (shore_overdue_compute (loan, &options, &e->result, &error));
  g_assert_no_error (error);
  g_assert_true (shore_scenario_pay_now (loan, 3, &f->today, &e->now, &error));
  g_assert_true (shore_scenario_keep_waiting (loan, 3, &f->today, 180, &e->wait, &error));
  g_assert_true (shore_scenario_negotiate (loan, 3, &f->today, &terms, &e->deal, &error));
  g_assert_no_error (error);
}

static void
assert_money (const char *text,
              gint64      fen)
{
  g_autofree char *money = shore_money_format (fen);

  if (strstr (text, money) == NULL)
    g_error ("%s is not in the handout:\n%s", money, text);
}

static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  Expected e = { 0 };

  expect (f, &e);
  g_assert_cmpint (e.result->days_overdue, ==, 40);
  g_assert_cmpint (e.result->total_overdue, >, 0);
  g_assert_cmpint (e.result->penalty_interest, >, 0);
  g_assert_cmpint (e.result->compound_interest, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const char *language = languages[i].language;
      g_autoptr(ShoreDocument) doc = build (f, SHORE_HANDOUT_OVERDUE, language, 0);
      g_autofree char *name = g_strdup_printf ("overdue-%s.pdf", language);
      g_autofree char *text = shore_document_get_text (doc);
      guint pages = render (doc, name);

      g_test_message ("overdue, %s: %u pages", language, pages);
      g_assert_cmpuint (pages, >=, 2);
      g_assert_cmpuint (pages, <=, 4);

      /* The loan overdue longest, not the larger one. */
      g_assert_nonnull (strstr (text, WEILIDAI));
      g_assert_null (strstr (text, OTHER_LENDER));
      g_assert_nonnull (strstr (text, "40"));

      assert_money (text, 1000000);
      assert_money (text, e.result->overdue_principal);
      assert_money (text, e.result->overdue_interest);
      assert_money (text, e.result->penalty_interest);
      assert_money (text, e.result->compound_interest);
      assert_money (text, e.result->total_overdue);
      assert_money (text, e.now.total);
      assert_money (text, e.wait.total);
      assert_money (text, e.deal.total);
      assert_money (text, e.deal.monthly);

      /* Every milestone, with its citation when it is law. */
      for (guint m = 0; m < e.result->milestones->len; m++)
        {
          const ShoreOverdueMilestone *ms = &g_array_index (e.result->milestones, ShoreOverdueMilestone, m);
          g_autofree char *iso = shore_date_format_iso (&ms->date);

          g_assert_nonnull (strstr (text, iso));
        }

      /* The Basis column says “typical practice”; the text does not repeat it. */
      {
        const char *previous = shore_i18n_set_thread_language (language);
        g_autofree char *label = g_strdup (shore_overdue_basis_get_label (SHORE_OVERDUE_BASIS_PRACTICE));
        g_autofree char *repeated = g_strconcat (label, g_str_equal (language, "en") ? ": " : "：", NULL);

        shore_i18n_set_thread_language (previous);
        g_assert_nonnull (strstr (text, label));
        g_assert_null (strstr (text, repeated));
      }
    }
  shore_overdue_result_free (e.result);
}

static void
test_overdue_loan_id (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ShoreDocument) doc = build (f, SHORE_HANDOUT_OVERDUE, "en", f->other_id);
  g_autofree char *text = shore_document_get_text (doc);

  g_assert_nonnull (strstr (text, OTHER_LENDER));
  g_assert_null (strstr (text, WEILIDAI));
  /* Not overdue: it says so, and shows what missing the next payment costs. */
  g_assert_nonnull (strstr (text, "None yet"));
  g_assert_nonnull (strstr (text, "1 December 2026"));
}

/* The error is for the person asking: in the UI's language, not the handout's. */
static void
test_no_data (Fixture       *f,
              gconstpointer  data)
{
  static const char *const ui_languages[] = { "en", "zh_CN", "zh_TW" };

  for (guint i = 0; i < G_N_ELEMENTS (ui_languages); i++)
    {
      const char *previous = shore_i18n_set_thread_language (ui_languages[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(ShoreDocument) doc = NULL;
      g_autofree char *expected = g_strdup (_("There is no loan to show what overdue costs: add a loan that is not "
                                              "paid off, or choose a training case"));
      ShoreHandoutOptions options;

      shore_handout_options_init (&options, SHORE_HANDOUT_OVERDUE, i == 0 ? "zh_CN" : "en", &f->today);
      doc = shore_handout_build (f->store, &options, &error);
      g_assert_null (doc);
      g_assert_error (error, SHORE_HANDOUT_ERROR, SHORE_HANDOUT_ERROR_NO_DATA);
      g_assert_cmpstr (error->message, ==, expected);
      g_assert_cmpstr (shore_i18n_get_thread_language (), ==, ui_languages[i]);
      shore_i18n_set_thread_language (previous);
    }

  /* An unknown loan is no data either. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ShoreDocument) doc = NULL;
    ShoreHandoutOptions options;

    shore_handout_options_init (&options, SHORE_HANDOUT_OVERDUE, "en", &f->today);
    options.loan_id = 42;
    doc = shore_handout_build (f->store, &options, &error);
    g_assert_null (doc);
    g_assert_error (error, SHORE_HANDOUT_ERROR, SHORE_HANDOUT_ERROR_NO_DATA);
    g_assert_nonnull (strstr (error->message, "42"));
  }
}

/* The training case's title shows under the handout's title, except in an
 * anonymized handout: titles name the lender. */
static void
test_case_title (Fixture       *f,
                 gconstpointer  data)
{
  static const char *const title = "Weilidai: 10,000 yuan, 40 days overdue";

  for (int anonymize = 0; anonymize <= 1; anonymize++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShoreDocument) doc = NULL;
      g_autofree char *text = NULL;
      ShoreHandoutOptions options;

      shore_handout_options_init (&options, SHORE_HANDOUT_OVERDUE, "en", &f->today);
      options.case_title = title;
      options.anonymize = anonymize;
      doc = shore_handout_build (f->store, &options, &error);
      g_assert_no_error (error);
      text = shore_document_get_text (doc);
      if (anonymize)
        {
          g_assert_null (strstr (text, title));
          g_assert_null (strstr (text, WEILIDAI));
        }
      else
        {
          g_assert_nonnull (strstr (text, title));
        }
    }
}

#define ADD(path, func, empty) \
  g_test_add (path, Fixture, (empty) ? "empty" : NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  shore_i18n_init ();

  out_dir = g_dir_make_tmp ("shore-handout-rights-pdf-XXXXXX", &error);
  g_assert_no_error (error);

  ADD ("/handout-rights/rights", test_rights, FALSE);
  ADD ("/handout-rights/overdue", test_overdue, FALSE);
  ADD ("/handout-rights/overdue-loan-id", test_overdue_loan_id, FALSE);
  ADD ("/handout-rights/no-data", test_no_data, TRUE);
  ADD ("/handout-rights/case-title", test_case_title, FALSE);

  status = g_test_run ();
  shore_test_rm_rf (out_dir);
  g_free (out_dir);
  return status;
}
