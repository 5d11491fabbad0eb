/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the real `shore` binary with no display for `shore handout`, then
 * reads the PDFs back with poppler (page count, A4, fonts embedded and of
 * the right script, the text) and checks their script with OpenCC. What
 * the scenarios hold (lenders, phone numbers, the borrower) comes from
 * loading the same scenario here, in the same language, so the checks hold
 * whatever the translations say. Bad input must write nothing. */

#include "config.h"

#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "shore-debts.h"
#include "shore-evidence-store.h"
#include "shore-i18n.h"
#include "shore-store.h"
#include "shore-test-cli.h"
#include "shore-test-pdf.h"
#include "shore-training.h"

#define AS_OF "2026-11-24"

static const char *const languages[] = { "zh_CN", "zh_TW", "en" };

/* Where the binary makes its temporary folders ($TMPDIR): must be empty
 * after every command. */
static char *child_tmp;

/* What a scenario holds, in one language */

typedef struct
{
  GPtrArray *lenders;   /* squeezed */
  GPtrArray *phones;    /* digits only */
  char      *borrower;  /* squeezed */
} Facts;

static void
facts_free (Facts *f)
{
  g_ptr_array_unref (f->lenders);
  g_ptr_array_unref (f->phones);
  g_free (f->borrower);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Facts, facts_free)

static char *
digits_of (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

static void
add_unique (GPtrArray  *array,
            char       *text)
{
  if (*text == '\0' || g_ptr_array_find_with_equal_func (array, text, g_str_equal, NULL))
    g_free (text);
  else
    g_ptr_array_add (array, text);
}

static void
as_of (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_parse (date, AS_OF);
  g_assert_true (g_date_valid (date));
}

static Facts *
load_facts (const char *scenario,
            const char *language)
{
  g_autofree char *dir = g_dir_make_tmp ("shore-cli-handout-facts-XXXXXX", NULL);
  g_autoptr(ShoreStore) store = NULL;
  g_autoptr(ShoreTrainingScenario) texts = NULL;
  g_autoptr(GListModel) debts = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  Facts *f = NULL;
  const char *previous;
  GDate today;

  as_of (&today);
  store = shore_store_open (dir, &error);
  g_assert_no_error (error);
  previous = shore_i18n_set_thread_language (language);
  if (shore_training_load (scenario, store, &today, &error))
    texts = shore_training_get (scenario, &error);
  shore_i18n_set_thread_language (previous);
  g_assert_no_error (error);
  if (texts == NULL)
    goto out;

  f = g_new0 (Facts, 1);
  f->lenders = g_ptr_array_new_with_free_func (g_free);
  f->phones = g_ptr_array_new_with_free_func (g_free);
  f->borrower = shore_test_pdf_squeeze (texts->borrower);
  add_unique (f->phones, digits_of (texts->phone));

  debts = shore_debts_list (store, &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; debts != NULL && i < g_list_model_get_n_items (debts); i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (debts, i);

      add_unique (f->lenders, shore_test_pdf_squeeze (shore_debt_get_loan (debt)->lender));
    }
  contacts = shore_evidence_store_list (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      const ShoreContact *contact = g_ptr_array_index (contacts, i);

      add_unique (f->phones, digits_of (contact->phone));
    }

out:
  g_clear_object (&store);
  shore_test_cli_rm_rf (dir);
  return f;
}

/* Running the command */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
assert_no_temp_left (void)
{
  g_autoptr(GHashTable) left = shore_test_cli_snapshot (child_tmp);

  if (g_hash_table_size (left) > 0)
    {
      g_autoptr(GList) names = g_hash_table_get_keys (left);

      g_test_fail_printf ("a temporary file or folder was left behind: %s", (char *) names->data);
    }
}

/* Runs `shore handout @args` with an empty data folder passed as
 * --data-dir, which must stay empty. */
static void
run_handout (const char * const *args,
             Result             *r)
{
  g_autofree char *data_dir = g_dir_make_tmp ("shore-cli-handout-data-XXXXXX", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GHashTable) after = NULL;

  g_ptr_array_add (argv, (gpointer) "handout");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, (gpointer) "--data-dir");
  g_ptr_array_add (argv, (gpointer) "@DIR@");
  g_ptr_array_add (argv, NULL);

  r->status = shore_test_cli_spawn ((const char * const *) argv->pdata, NULL, data_dir, data_dir,
                                    &r->out, &r->err);
  after = shore_test_cli_snapshot (data_dir);
  g_assert_cmpuint (g_hash_table_size (after), ==, 0);
  assert_no_temp_left ();
  shore_test_cli_rm_rf (data_dir);
}

/* The PDF */

typedef struct
{
  const char *topic;
  const char *letter;       /* NULL: not a letter */
  const char *scenario;
  guint       max_pages;    /* 0: any */
  gboolean    shows_lender;
  gboolean    shows_borrower;
  const char *has[4];       /* figures that do not depend on translation */
} TopicCase;

/* The figures come from data/scenarios/scenarios.xml as of AS_OF. */
static const TopicCase topic_cases[] = {
  { "rights",   NULL,        "weilidai-overdue", 2, FALSE, FALSE, { NULL } },
  /* ¥10,000 borrowed, 40 days overdue */
  { "overdue",  NULL,        "weilidai-overdue", 0, TRUE,  FALSE, { "10,000.00", "40", NULL } },
  /* ¥6,000 earned; ¥2,950 left for debts */
  { "budget",   NULL,        "five-platforms",   0, FALSE, FALSE, { "6,000.00", "2,950.00", NULL } },
  /* ¥2,950 a month; Jiebei's ¥20,000 still owed (interest first) */
  { "plan",     NULL,        "five-platforms",   0, TRUE,  FALSE, { "2,950.00", "20,000.00", NULL } },
  /* ¥10,000 borrowed, ¥8,540 still owed */
  { "letter",   "hardship",  "weilidai-overdue", 0, TRUE,  TRUE,  { "10,000.00", "8,540.00", NULL } },
  /* the first contact, from 170 2135 6609 */
  { "letter",   "complaint", "harassment",       0, TRUE,  TRUE,  { "2026-11-10", "17021356609", NULL } },
  { "evidence", NULL,        "harassment",       0, TRUE,  FALSE, { "2026-11-10", "17021356609", NULL } },
};

typedef struct
{
  const TopicCase *topic;
  const char      *language;
} PdfCase;

static void
check_fonts (const char *pdf,
             const char *language)
{
  g_autoptr(GPtrArray) fonts = shore_test_pdf_fonts (pdf);
  const char *want = g_str_equal (language, "zh_TW") ? "notosanscjktc" : "notosanscjksc";
  const char *avoid = g_str_equal (language, "zh_TW") ? "notosanscjksc" : "notosanscjktc";
  guint n_want = 0;

  g_assert_cmpuint (fonts->len, >, 0);
  for (guint i = 0; i < fonts->len; i++)
    {
      const ShoreTestPdfFont *font = g_ptr_array_index (fonts, i);
      g_autofree char *lower = g_ascii_strdown (font->name, -1);

      if (!font->embedded)
        g_test_fail_printf ("font not embedded: %s", font->line);
      if (g_str_equal (language, "en"))
        continue;
      n_want += strstr (lower, want) != NULL;
      if (strstr (lower, avoid) != NULL)
        g_test_fail_printf ("%s handout uses a font of the other script: %s", language, font->line);
    }
  if (!g_str_equal (language, "en") && n_want == 0)
    g_test_fail_printf ("%s handout has no %s font", language, want);
}

static void
check_text (const char      *pdf,
            const char      *language,
            const TopicCase *c,
            const Facts     *facts)
{
  g_autofree char *raw = shore_test_pdf_run_tool ("pdftotext", pdf, NULL);
  g_autofree char *text = shore_test_pdf_squeeze (raw);
  g_autofree char *leftovers = shore_test_pdf_script_leftovers (text, language);
  gboolean any_lender = FALSE;

  for (guint i = 0; c->has[i] != NULL; i++)
    if (strstr (text, c->has[i]) == NULL)
      g_test_fail_printf ("the %s handout lacks “%s”", language, c->has[i]);

  for (guint i = 0; i < facts->lenders->len; i++)
    any_lender |= strstr (text, g_ptr_array_index (facts->lenders, i)) != NULL;
  if (c->shows_lender && !any_lender)
    g_test_fail_printf ("the %s handout names none of the scenario's lenders (%s…)", language,
                        (char *) g_ptr_array_index (facts->lenders, 0));
  if (c->shows_borrower && strstr (text, facts->borrower) == NULL)
    g_test_fail_printf ("the %s handout lacks the borrower “%s”", language, facts->borrower);

  if (leftovers != NULL)
    g_test_fail_printf ("the %s handout has characters of the other script: %s", language, leftovers);
}

static void
test_topic (gconstpointer data)
{
  const PdfCase *p = data;
  const TopicCase *c = p->topic;
  g_autofree char *dir = g_dir_make_tmp ("shore-cli-handout-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *size = NULL;
  g_autofree char *shot = NULL;
  g_autoptr(Facts) facts = NULL;
  g_auto(Result) r = { 0, };
  const char *args[] = {
    "--topic", c->topic, "--lang", p->language, "--scenario", c->scenario, "--as-of", AS_OF,
    "-o", pdf, c->letter != NULL ? "--letter" : NULL, c->letter, NULL
  };
  guint n_pages;

  if (!shore_test_pdf_have_poppler ())
    {
      g_test_skip ("poppler-utils (pdfinfo, pdffonts, pdftotext) is not installed");
      goto out;
    }

  run_handout (args, &r);
  shore_test_cli_assert_result (r.status, r.out, r.err, 0, NULL, NULL, TRUE);
  if (r.status != 0)
    goto out;

  facts = load_facts (c->scenario, p->language);
  g_assert_nonnull (facts);
  shot = g_strdup_printf ("handout-%s-%s%s%s.pdf", c->topic, c->letter != NULL ? c->letter : "",
                          c->letter != NULL ? "-" : "", p->language);
  shore_test_pdf_keep_shot (pdf, shot);

  n_pages = shore_test_pdf_n_pages (pdf);
  g_assert_cmpuint (n_pages, >=, 1);
  if (c->max_pages > 0)
    g_assert_cmpuint (n_pages, <=, c->max_pages);
  size = shore_test_pdf_page_size (pdf);
  g_assert_nonnull (size);
  if (size != NULL)
    g_assert_true (g_str_has_prefix (size, SHORE_TEST_PDF_A4));

  check_fonts (pdf, p->language);
  if (facts != NULL)
    check_text (pdf, p->language, c, facts);

out:
  g_unlink (pdf);
  g_rmdir (dir);
}

/* The batch: one scenario in two languages */

static void
test_batch (void)
{
  static const char *const expected_topics[] = {
    "rights", "overdue", "budget", "plan", "letter-hardship", "letter-credit-dispute",
    "letter-stop-third-parties", NULL
  };
  g_autofree char *dir = g_dir_make_tmp ("shore-cli-handout-all-XXXXXX", NULL);
  g_autoptr(GHashTable) files = NULL;
  g_auto(Result) r = { 0, };
  g_auto(GStrv) lines = NULL;
  g_autofree char *count = NULL;
  const char *args[] = {
    "--all", "--lang", "zh_CN,zh_TW", "--scenario", "weilidai-overdue", "--as-of", AS_OF, "-o", dir, NULL
  };
  guint n_expected = 0, n_wrote = 0;

  run_handout (args, &r);
  shore_test_cli_assert_result (r.status, r.out, r.err, 0, NULL, NULL, TRUE);

  /* Every topic and letter in both languages; the evidence sheet and the
   * complaint are skipped: this case has no collection contacts. */
  files = shore_test_cli_snapshot (dir);
  for (guint t = 0; expected_topics[t] != NULL; t++)
    for (guint l = 0; l < 2; l++)
      {
        g_autofree char *name = g_strdup_printf ("weilidai-overdue-%s-%s.pdf", expected_topics[t], languages[l]);
        GBytes *bytes = g_hash_table_lookup (files, name);

        n_expected++;
        if (bytes == NULL)
          g_test_fail_printf ("%s was not written", name);
        else
          g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "%PDF-"));
      }
  g_assert_cmpuint (g_hash_table_size (files), ==, n_expected);

  /* A line per file, one per topic skipped, then the count */
  lines = g_strsplit (r.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    n_wrote += g_str_has_prefix (lines[i], "Wrote ");
  g_assert_cmpuint (n_wrote, ==, n_expected);
  g_assert_nonnull (strstr (r.out, "Skipped weilidai-overdue-evidence: "));
  g_assert_nonnull (strstr (r.out, "Skipped weilidai-overdue-letter-complaint: "));
  count = g_strdup_printf ("%u handouts written to %s\n", n_expected, dir);
  g_assert_true (g_str_has_suffix (r.out, count));

  shore_test_cli_rm_rf (dir);
}

/* Anonymized: none of the scenario's lenders or phone numbers */

typedef struct
{
  const char *topic;
  const char *scenario;
} AnonCase;

static const AnonCase anon_cases[] = {
  { "overdue",  "weilidai-overdue" },
  { "plan",     "five-platforms" },
  { "evidence", "harassment" },
};

static void
test_anonymize (gconstpointer data)
{
  const AnonCase *c = data;
  g_autofree char *dir = g_dir_make_tmp ("shore-cli-handout-anon-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "anon.pdf", NULL);

  if (!shore_test_pdf_have_poppler ())
    {
      g_test_skip ("poppler-utils (pdftotext) is not installed");
      goto out;
    }

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      const char *args[] = {
        "--topic", c->topic, "--lang", languages[l], "--scenario", c->scenario, "--anonymize",
        "--as-of", AS_OF, "-o", pdf, NULL
      };
      g_auto(Result) r = { 0, };
      g_autoptr(Facts) facts = NULL;
      g_autofree char *raw = NULL;
      g_autofree char *text = NULL;
      g_autofree char *digits = NULL;

      run_handout (args, &r);
      shore_test_cli_assert_result (r.status, r.out, r.err, 0, NULL, NULL, TRUE);
      if (r.status != 0)
        continue;

      facts = load_facts (c->scenario, languages[l]);
      g_assert_nonnull (facts);
      if (facts == NULL)
        continue;
      raw = shore_test_pdf_run_tool ("pdftotext", pdf, NULL);
      text = shore_test_pdf_squeeze (raw);
      digits = digits_of (raw);
      g_assert_cmpuint (facts->lenders->len, >, 0);
      for (guint i = 0; i < facts->lenders->len; i++)
        if (strstr (text, g_ptr_array_index (facts->lenders, i)) != NULL)
          g_test_fail_printf ("%s: the lender “%s” is still there", languages[l],
                              (char *) g_ptr_array_index (facts->lenders, i));
      for (guint i = 0; i < facts->phones->len; i++)
        if (strstr (digits, g_ptr_array_index (facts->phones, i)) != NULL)
          g_test_fail_printf ("%s: the phone number %s is still there", languages[l],
                              (char *) g_ptr_array_index (facts->phones, i));
      if (strstr (text, facts->borrower) != NULL)
        g_test_fail_printf ("%s: the borrower “%s” is still there", languages[l], facts->borrower);
    }

out:
  g_unlink (pdf);
  g_rmdir (dir);
}

/* Bad input: exit 1, one line, the output untouched */

#define OUT_FILE   "@OUT@/keep.pdf"
#define OUT_NEW    "@OUT@/new.pdf"
#define GOOD       "--lang", "en", "--as-of", AS_OF

typedef struct
{
  const char *name;
  const char *args[20];     /* "@OUT@" stands for the output folder */
  const char *stderr_has;
} BadCase;

static const BadCase bad_cases[] = {
  { "unknown-topic", { "--topic", "nope", GOOD, "-o", OUT_NEW, NULL }, "“nope” is not valid for “--topic”" },
  { "unknown-language", { "--topic", "rights", "--lang", "fr", "-o", OUT_NEW, NULL }, "“fr” is not valid for “--lang”" },
  { "two-languages", { "--topic", "rights", "--lang", "zh_CN,zh_TW", "-o", OUT_NEW, NULL }, "--lang" },
  { "unknown-scenario", { "--topic", "rights", GOOD, "--scenario", "nope", "-o", OUT_NEW, NULL }, "“nope” is not a training case" },
  { "two-scenarios", { "--topic", "rights", GOOD, "--scenario", "harassment,high-cost", "-o", OUT_NEW, NULL }, "--scenario" },
  { "unknown-letter", { "--topic", "letter", "--letter", "nope", GOOD, "-o", OUT_NEW, NULL }, "“nope” is not valid for “--letter”" },
  { "letter-without-topic", { "--topic", "rights", "--letter", "hardship", GOOD, "-o", OUT_NEW, NULL }, "--letter" },
  { "unknown-strategy", { "--topic", "plan", "--strategy", "nope", GOOD, "-o", OUT_NEW, NULL }, "“nope” is not valid for “--strategy”" },
  { "bad-date", { "--topic", "rights", "--lang", "en", "--as-of", "2026-13-01", "-o", OUT_NEW, NULL }, "--as-of" },
  { "bad-amount", { "--topic", "plan", "--monthly-budget", "12.345", GOOD, "-o", OUT_NEW, NULL }, "--monthly-budget" },
  { "negative-amount", { "--topic", "plan", "--monthly-budget", "-5", GOOD, "-o", OUT_NEW, NULL }, "--monthly-budget" },
  { "bad-loan", { "--topic", "overdue", "--loan", "x", GOOD, "-o", OUT_NEW, NULL }, "--loan" },
  { "missing-output", { "--topic", "rights", GOOD, NULL }, "“-o” is missing" },
  { "missing-topic", { GOOD, "-o", OUT_NEW, NULL }, "“--topic” is missing" },
  { "missing-language", { "--topic", "rights", "-o", OUT_NEW, NULL }, "“--lang” is missing" },
  { "missing-folder", { "--topic", "rights", GOOD, "-o", "@OUT@/missing/new.pdf", NULL }, "does not exist" },
  { "output-is-folder", { "--topic", "rights", GOOD, "-o", "@OUT@", NULL }, "is a folder" },
  { "all-into-file", { "--all", GOOD, "-o", OUT_FILE, NULL }, "is not a folder" },
  { "all-with-topic", { "--all", "--topic", "rights", GOOD, "-o", "@OUT@", NULL }, "“--topic” cannot be used with “--all”" },
  { "unknown-option", { "--topic", "rights", GOOD, "--nope", "-o", OUT_NEW, NULL }, "--nope" },
  /* The data lacks what the topic needs: the existing file stays as it was. */
  { "no-data", { "--topic", "overdue", GOOD, "-o", OUT_FILE, NULL }, NULL },
  { "no-contacts", { "--topic", "evidence", GOOD, "--scenario", "weilidai-overdue", "-o", OUT_FILE, NULL }, NULL },
};

static void
test_bad (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *out_dir = g_dir_make_tmp ("shore-cli-handout-out-XXXXXX", NULL);
  g_autofree char *keep = g_build_filename (out_dir, "keep.pdf", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Result) r = { 0, };

  g_file_set_contents (keep, "%PDF-1.5 an earlier handout\n", -1, &error);
  g_assert_no_error (error);
  for (guint i = 0; c->args[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (c->args[i], "@OUT@", -1);

      g_ptr_array_add (args, g_strjoinv (out_dir, parts));
    }
  g_ptr_array_add (args, NULL);

  before = shore_test_cli_snapshot (out_dir);
  run_handout ((const char * const *) args->pdata, &r);
  after = shore_test_cli_snapshot (out_dir);

  shore_test_cli_assert_result (r.status, r.out, r.err, 1, NULL, c->stderr_has, TRUE);
  shore_test_cli_assert_same_files (before, after);
  g_assert_false (g_file_test (keep, G_FILE_TEST_IS_DIR));

  shore_test_cli_rm_rf (out_dir);
}

/* Without --scenario and without data, the rights still print. */
static void
test_rights_without_data (void)
{
  g_autofree char *dir = g_dir_make_tmp ("shore-cli-handout-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "rights.pdf", NULL);
  const char *args[] = { "--topic", "rights", "--lang", "zh_TW", "--as-of", AS_OF, "-o", pdf, NULL };
  g_auto(Result) r = { 0, };

  run_handout (args, &r);
  shore_test_cli_assert_result (r.status, r.out, r.err, 0, "rights.pdf", NULL, TRUE);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_unlink (pdf);
  g_rmdir (dir);
}

/* From the user's data: read, never written. */
static void
test_user_data (void)
{
  g_autofree char *data_dir = g_dir_make_tmp ("shore-cli-handout-data-XXXXXX", NULL);
  g_autofree char *dir = g_dir_make_tmp ("shore-cli-handout-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "overdue.pdf", NULL);
  const char * const add[] = {
    "loan", "add", "--lender", "微粒贷", "--principal", "12000", "--rate", "daily:0.05%", "--term", "12",
    "--method", "equal-installment", "--start", "2026-06-15", NULL
  };
  const char * const args[] = {
    "handout", "--topic", "overdue", "--lang", "zh_CN", "--as-of", AS_OF, "-o", pdf,
    "--data-dir", "@DIR@", NULL
  };
  g_autofree char *out = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_auto(Result) r = { 0, };

  r.status = shore_test_cli_spawn (add, NULL, data_dir, data_dir, &r.out, &r.err);
  shore_test_cli_assert_result (r.status, r.out, r.err, 0, NULL, NULL, TRUE);

  /* Checks that the data folder is left as it was. */
  out = shore_test_cli_run_in_dir (args, data_dir, 0, "overdue.pdf", NULL, TRUE);
  assert_no_temp_left ();
  if (shore_test_pdf_have_poppler ())
    {
      raw = shore_test_pdf_run_tool ("pdftotext", pdf, NULL);
      text = shore_test_pdf_squeeze (raw);
      g_assert_nonnull (strstr (text, "微粒贷"));
      g_assert_nonnull (strstr (text, "12,000.00"));
    }

  g_unlink (pdf);
  g_rmdir (dir);
  shore_test_cli_rm_rf (data_dir);
}

static void
test_list_scenarios (void)
{
  const char *args[] = { "--list-scenarios", NULL };
  const char * const *names = shore_training_list_names ();
  g_auto(Result) r = { 0, };
  g_auto(GStrv) lines = NULL;

  run_handout (args, &r);
  shore_test_cli_assert_result (r.status, r.out, r.err, 0, NULL, NULL, TRUE);
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);   /* four, and the last newline */
  for (guint i = 0; i < 4 && lines[i] != NULL; i++)
    {
      g_autoptr(ShoreTrainingScenario) scenario = shore_training_get (names[i], NULL);
      const char *line = lines[i];

      g_assert_true (g_str_has_prefix (line, names[i]));
      g_assert_nonnull (scenario);
      if (scenario != NULL)
        g_assert_true (g_str_has_suffix (line, scenario->title));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) pdf_cases = g_ptr_array_new_with_free_func (g_free);
  int status;

  shore_test_cli_init (&argc, &argv);
  shore_i18n_init ();
  child_tmp = g_dir_make_tmp ("shore-cli-handout-tmp-XXXXXX", NULL);
  g_setenv ("TMPDIR", child_tmp, TRUE);

  for (guint t = 0; t < G_N_ELEMENTS (topic_cases); t++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      {
        PdfCase *p = g_new0 (PdfCase, 1);
        g_autofree char *path = NULL;

        p->topic = &topic_cases[t];
        p->language = languages[l];
        path = g_strdup_printf ("/handout/%s%s%s/%s", topic_cases[t].topic,
                                topic_cases[t].letter != NULL ? "-" : "",
                                topic_cases[t].letter != NULL ? topic_cases[t].letter : "", languages[l]);
        g_test_add_data_func (path, p, test_topic);
        g_ptr_array_add (pdf_cases, p);
      }
  g_test_add_func ("/handout/batch", test_batch);
  for (guint i = 0; i < G_N_ELEMENTS (anon_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/handout/anonymize/%s", anon_cases[i].topic);

      g_test_add_data_func (path, &anon_cases[i], test_anonymize);
    }
  shore_test_cli_add_cases ("handout/bad", bad_cases, G_N_ELEMENTS (bad_cases), sizeof bad_cases[0], test_bad);
  g_test_add_func ("/handout/rights-without-data", test_rights_without_data);
  g_test_add_func ("/handout/user-data", test_user_data);
  g_test_add_func ("/handout/list-scenarios", test_list_scenarios);

  status = g_test_run ();
  shore_test_cli_rm_rf (child_tmp);
  g_free (child_tmp);
  return status;
}
