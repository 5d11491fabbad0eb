/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The letter and evidence handouts and the anonymized copy, from a real
 * database in a fresh folder per test: two loans, a month of transactions
 * and ten contacts, some at night, four answered calls in a day, one to
 * the borrower's mother, one threatening jail. */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "shore-debts.h"
#include "shore-evidence-store.h"
#include "shore-handout-private.h"
#include "shore-i18n.h"
#include "shore-intl.h"
#include "shore-ledger.h"
#include "shore-letters.h"
#include "shore-store.h"
#include "shore-test-util.h"

#define TODAY "2026-04-10"

static const char * const languages[] = { "zh_CN", "zh_TW", "en" };

/* What must never show in an anonymized handout. */
static const char * const secrets[] = {
  "微粒贷", "招联消费金融", "速回催收", "李经理", "王强", "13812345678", "1381234", "4001234567",
  "02166668888", "张三", "13900001111", "北京市朝阳区", "我的工资卡",
};

typedef struct
{
  char       *data_dir;
  ShoreStore *store;
  GDate       today;
} Fixture;

static char *tmp_root;   /* TMPDIR of this program: nothing else writes there */

static const struct
{
  const char          *when;
  ShoreContactChannel  channel;
  const char          *organization;
  const char          *person;
  const char          *phone;
  const char          *summary;
  const char          *third_parties;
} contacts[] = {
  { "2026-03-10T22:30:00+08:00", SHORE_CONTACT_CALL, "微粒贷", "李经理", "13812345678",
    "李经理催我今天还款，说可以回电13812345678", "" },
  { "2026-03-11T09:00:00+08:00", SHORE_CONTACT_CALL, "速回催收", "王强", "4001234567",
    "王强说再不还就让我坐牢", "" },
  { "2026-03-11T10:00:00+08:00", SHORE_CONTACT_CALL, "速回催收", "王强", "4001234567", "又打来催款", "" },
  { "2026-03-11T11:00:00+08:00", SHORE_CONTACT_CALL, "速回催收", "王强", "4001234567", "第三次催款", "" },
  { "2026-03-11T12:00:00+08:00", SHORE_CONTACT_CALL, "速回催收", "王强", "4001234567",
    "第四次，速回催收王强又打来", "" },
  { "2026-03-12T14:00:00+08:00", SHORE_CONTACT_THIRD_PARTY, "速回催收", "", "02166668888",
    "给我母亲打电话，说了我欠微粒贷的钱", "我的母亲" },
  { "2026-03-13T07:30:00+08:00", SHORE_CONTACT_SMS, "招联消费金融", "", "95188", "短信催还款", "" },
  { "2026-03-14T15:00:00+08:00", SHORE_CONTACT_APP, "招联消费金融", "客服小刘", "", "App 内消息提醒逾期", "" },
  { "2026-03-15T16:00:00+08:00", SHORE_CONTACT_CALL, "微粒贷", "李经理", "13812345678", "协商还款", "" },
  { "2026-03-16T23:10:00+08:00", SHORE_CONTACT_CALL, "速回催收", "王强", "4001234567", "深夜来电", "" },
};

static void
add_contacts (ShoreStore *store)
{
  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    {
      g_autoptr(ShoreContact) contact = shore_contact_new ();
      g_autoptr(GError) error = NULL;

      contact->occurred_at = g_date_time_new_from_iso8601 (contacts[i].when, NULL);
      contact->channel = contacts[i].channel;
      g_free (contact->organization);
      contact->organization = g_strdup (contacts[i].organization);
      g_free (contact->person);
      contact->person = g_strdup (contacts[i].person);
      g_free (contact->phone);
      contact->phone = g_strdup (contacts[i].phone);
      g_free (contact->summary);
      contact->summary = g_strdup (contacts[i].summary);
      g_free (contact->third_parties);
      contact->third_parties = g_strdup (contacts[i].third_parties);
      contact->connected = TRUE;
      contact->duration_seconds = 60;
      if (i == 0)
        {
          contact->attachments = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (contact->attachments, g_strdup ("/home/zhangsan/录音/李经理.m4a"));
        }
      g_assert_true (shore_evidence_store_add (store, contact, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreAccount) account = g_new0 (ShoreAccount, 1);
  gboolean full = GPOINTER_TO_INT (data);

  f->store = shore_test_store_new (&f->data_dir);
  f->today = shore_test_date (TODAY);
  if (!full)
    return;

  shore_test_add_loan (f->store, "微粒贷", SHORE_LENDER_BANK, 1000000, "2025-12-15");
  shore_test_add_loan (f->store, "招联消费金融", SHORE_LENDER_CONSUMER_FINANCE, 500000, "2026-02-20");

  account->name = g_strdup ("我的工资卡");
  account->kind = SHORE_ACCOUNT_BANK;
  g_assert_true (shore_ledger_add_account (f->store, account, &error));
  g_assert_no_error (error);
  shore_test_add_txn (f->store, "2026-03-05", 600000, account->id, "salary", "张三工资");
  shore_test_add_txn (f->store, "2026-03-06", -200000, account->id, "housing", "北京市朝阳区房东");
  shore_test_add_txn (f->store, "2026-03-12", -150000, account->id, "food", "超市");
  add_contacts (f->store);
  g_assert_true (shore_store_set_meta (f->store, "borrower.name", "张三", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  shore_test_store_free (&f->store, &f->data_dir);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, func, fixture_tear_down)
#define ADD_EMPTY(path, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, func, fixture_tear_down)

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, text);
}

static void
assert_lacks (const char *text,
              const char *needle)
{
  if (strstr (text, needle) != NULL)
    g_error ("“%s” found in:\n%s", needle, text);
}

static ShoreDocument *
build (Fixture             *f,
       ShoreHandoutOptions *options)
{
  g_autoptr(GError) error = NULL;
  ShoreDocument *doc = shore_handout_build (f->store, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* Renders @doc, checks it is a PDF of at least one page, keeps it when
 * SHORE_TEST_SHOTS is set. */
static void
render (ShoreDocument *doc,
        const char    *name)
{
  g_autoptr(GError) error = NULL;
  const char *shots = g_getenv ("SHORE_TEST_SHOTS");
  g_autofree char *path = g_build_filename (shots != NULL ? shots : tmp_root, name, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_cmpuint (shore_document_get_n_pages (doc, SHORE_DOCUMENT_A4_WIDTH, SHORE_DOCUMENT_A4_HEIGHT), >=, 1);
  g_assert_true (shore_document_render_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  if (shots == NULL)
    g_unlink (path);
}

static void
test_letters (Fixture       *f,
              gconstpointer  data)
{
  const char * const *ids = shore_letter_list_ids ();

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint i = 0; ids[i] != NULL; i++)
      for (int filled = 0; filled < 2; filled++)
        {
          ShoreHandoutOptions options;
          g_autoptr(ShoreDocument) doc = NULL;
          g_autofree char *text = NULL;
          g_autofree char *name = g_strdup_printf ("letter-%s-%s%s.pdf", ids[i], languages[l],
                                                   filled ? "" : "-form");

          shore_handout_options_init (&options, SHORE_HANDOUT_LETTER, languages[l], &f->today);
          options.letter = ids[i];
          if (filled)
            {
              options.borrower_name = "张三";
              options.borrower_phone = "13900001111";
              options.borrower_address = "北京市朝阳区某路1号";
            }
          doc = build (f, &options);
          text = shore_document_get_text (doc);
          if (filled)
            {
              assert_contains (text, "张三");
              assert_contains (text, "13900001111");
            }
          else
            {
              assert_lacks (text, "张三");
              assert_lacks (text, "13900001111");
            }
          /* the letter is about the real lender; its guidance is there */
          if (!g_str_equal (ids[i], "credit-dispute"))
            assert_contains (text, "微粒贷");
          render (doc, name);
        }
}

static void
test_letter_errors (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const needs_data[] = { "hardship", "complaint" };
  ShoreHandoutOptions options;

  for (guint i = 0; i < G_N_ELEMENTS (needs_data); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShoreDocument) doc = NULL;

      shore_handout_options_init (&options, SHORE_HANDOUT_LETTER, "zh_CN", &f->today);
      options.letter = needs_data[i];
      doc = shore_handout_build (f->store, &options, &error);
      g_assert_error (error, SHORE_HANDOUT_ERROR, SHORE_HANDOUT_ERROR_NO_DATA);
      g_assert_null (doc);
    }

  /* the other two are forms to fill in even with nothing known */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ShoreDocument) doc = NULL;

      shore_handout_options_init (&options, SHORE_HANDOUT_LETTER, "en", &f->today);
      options.letter = i == 0 ? "credit-dispute" : "stop-third-parties";
      doc = build (f, &options);
      render (doc, "letter-empty.pdf");
    }
}

static void
test_evidence (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree ShoreContact *flat = NULL;
  g_autoptr(GArray) flags = NULL;
  gboolean seen[SHORE_N_EVIDENCE_RULES] = { FALSE, };

  g_assert_true (shore_evidence_store_check (f->store, &f->today, &list, &flat, &flags, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (contacts));
  for (guint i = 0; i < flags->len; i++)
    seen[g_array_index (flags, ShoreEvidenceFlag, i).rule] = TRUE;
  g_assert_true (seen[SHORE_EVIDENCE_RULE_NIGHT]);
  g_assert_true (seen[SHORE_EVIDENCE_RULE_TOO_MANY_CALLS]);
  g_assert_true (seen[SHORE_EVIDENCE_RULE_THIRD_PARTY]);
  g_assert_true (seen[SHORE_EVIDENCE_RULE_THREAT]);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      ShoreHandoutOptions options;
      g_autoptr(ShoreDocument) doc = NULL;
      g_autoptr(GArray) local_flags = NULL;
      g_autofree char *text = NULL;
      g_autofree char *name = g_strdup_printf ("evidence-%s.pdf", languages[l]);
      const char *previous;

      shore_handout_options_init (&options, SHORE_HANDOUT_EVIDENCE, languages[l], &f->today);
      options.case_title = "Case 1";
      doc = build (f, &options);
      text = shore_document_get_text (doc);
      assert_contains (text, "Case 1");
      assert_contains (text, "13812345678");
      assert_contains (text, "速回催收");

      /* every rule flagged, with its citation, in the handout's language */
      previous = shore_i18n_set_thread_language (languages[l]);
      shore_evidence_check (flat, list->len, NULL, &local_flags);
      for (guint i = 0; i < local_flags->len; i++)
        {
          const ShoreEvidenceFlag *flag = &g_array_index (local_flags, ShoreEvidenceFlag, i);

          assert_contains (text, shore_evidence_rule_get_label (flag->rule));
          assert_contains (text, flag->citation);
          assert_contains (text, shore_evidence_kind_get_label (flag->kind));
        }
      shore_i18n_set_thread_language (previous);
      render (doc, name);
    }
}

static void
test_evidence_empty (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreDocument) doc = NULL;
  ShoreHandoutOptions options;

  shore_handout_options_init (&options, SHORE_HANDOUT_EVIDENCE, "zh_TW", &f->today);
  doc = shore_handout_build (f->store, &options, &error);
  g_assert_error (error, SHORE_HANDOUT_ERROR, SHORE_HANDOUT_ERROR_NO_DATA);
  g_assert_null (doc);

  /* anonymized too: the copy is made and removed */
  g_clear_error (&error);
  options.anonymize = TRUE;
  doc = shore_handout_build (f->store, &options, &error);
  g_assert_error (error, SHORE_HANDOUT_ERROR, SHORE_HANDOUT_ERROR_NO_DATA);
  g_assert_null (doc);
}

static GBytes *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return g_bytes_new (NULL, 0);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Only the fixture's own folder is left in this program's TMPDIR. */
static void
assert_no_copies_left (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_root, 0, NULL);
  g_autofree char *own = g_path_get_basename (f->data_dir);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, own))
      g_error ("%s was left in %s", name, tmp_root);
}

/* The labels keep their letter or number with the word before it. */
static char *
glued (char *label)
{
  const char *space = strrchr (label, ' ');
  char *out;

  if (space == NULL)
    return label;
  out = g_strdup_printf ("%.*s\u00a0%s", (int) (space - label), label, space + 1);
  g_free (label);
  return out;
}

static void
test_anonymized (Fixture       *f,
                 gconstpointer  data)
{
  const char * const *ids = shore_letter_list_ids ();
  g_autoptr(GBytes) db_before = read_file (f->data_dir, "shore.db");
  g_autoptr(GBytes) wal_before = read_file (f->data_dir, "shore.db-wal");
  g_autoptr(GBytes) db_after = NULL;
  g_autoptr(GBytes) wal_after = NULL;
  guint n_ids = g_strv_length ((char **) ids);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint i = 0; i <= n_ids; i++)
      {
        ShoreHandoutOptions options;
        g_autoptr(ShoreDocument) doc = NULL;
        g_autofree char *text = NULL;
        g_autofree char *lender_a = NULL;
        g_autofree char *agency_a = NULL;
        g_autofree char *collector_1 = NULL;
        g_autofree char *name = NULL;
        const char *previous;

        /* ids[i] == NULL: the evidence sheet */
        shore_handout_options_init (&options, ids[i] != NULL ? SHORE_HANDOUT_LETTER : SHORE_HANDOUT_EVIDENCE,
                                    languages[l], &f->today);
        options.letter = ids[i];
        options.anonymize = TRUE;
        options.borrower_name = "张三";
        options.borrower_phone = "13900001111";
        options.borrower_address = "北京市朝阳区某路1号";
        doc = build (f, &options);
        text = shore_document_get_text (doc);
        for (guint s = 0; s < G_N_ELEMENTS (secrets); s++)
          assert_lacks (text, secrets[s]);

        previous = shore_i18n_set_thread_language (languages[l]);
        lender_a = glued (g_strdup_printf (_("Lender %s"), "A"));
        agency_a = glued (g_strdup_printf (_("Collection agency %s"), "A"));
        collector_1 = glued (g_strdup_printf (_("Collector %u"), 1));
        shore_i18n_set_thread_language (previous);
        if (ids[i] == NULL)
          {
            assert_contains (text, lender_a);
            assert_contains (text, agency_a);
            assert_contains (text, collector_1);
            assert_contains (text, "138********");
          }
        else if (!g_str_equal (ids[i], "credit-dispute"))
          assert_contains (text, lender_a);

        name = g_strdup_printf ("anon-%s-%s.pdf", ids[i] != NULL ? ids[i] : "evidence", languages[l]);
        render (doc, name);
        assert_no_copies_left (f);
      }

  /* the store was only read */
  db_after = read_file (f->data_dir, "shore.db");
  wal_after = read_file (f->data_dir, "shore.db-wal");
  g_assert_true (g_bytes_equal (db_before, db_after));
  g_assert_true (g_bytes_equal (wal_before, wal_after));
}

/* The copy itself, field by field. */
static void
test_anonymized_copy (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreStore) copy = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GListModel) debts = NULL;
  g_autofree char *meta = NULL;
  const char *previous = shore_i18n_set_thread_language ("en");
  static const char * const expected[][4] = {
    /* organization, person, phone, summary */
    { "Lender\u00a0A", "Collector\u00a01", "138********", "Collector\u00a01催我今天还款，说可以回电138********" },
    { "Collection agency\u00a0A", "Collector\u00a02", "400*******", "Collector\u00a02说再不还就让我坐牢" },
    { "Collection agency\u00a0A", "Collector\u00a02", "400*******", "又打来催款" },
    { "Collection agency\u00a0A", "Collector\u00a02", "400*******", "第三次催款" },
    { "Collection agency\u00a0A", "Collector\u00a02", "400*******", "第四次，Collection agency\u00a0ACollector\u00a02又打来" },
    { "Collection agency\u00a0A", "", "021********", "给我母亲打电话，说了我欠Lender\u00a0A的钱" },
    { "Lender\u00a0B", "", "951**", "短信催还款" },
    { "Lender\u00a0B", "Collector\u00a03", "", "App 内消息提醒逾期" },
    { "Lender\u00a0A", "Collector\u00a01", "138********", "协商还款" },
    { "Collection agency\u00a0A", "Collector\u00a02", "400*******", "深夜来电" },
  };

  copy = shore_handout_anonymized_copy (f->store, &dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_true (g_str_has_prefix (dir, tmp_root));

  list = shore_evidence_store_list (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < list->len; i++)
    {
      const ShoreContact *contact = g_ptr_array_index (list, i);

      g_assert_cmpstr (contact->organization, ==, expected[i][0]);
      g_assert_cmpstr (contact->person, ==, expected[i][1]);
      g_assert_cmpstr (contact->phone, ==, expected[i][2]);
      g_assert_cmpstr (contact->summary, ==, expected[i][3]);
      g_assert_true (contact->attachments == NULL || contact->attachments->len == 0);
    }
  g_assert_cmpstr (((ShoreContact *) g_ptr_array_index (list, 5))->third_parties, ==, "我的母亲");

  debts = shore_debts_list (copy, &f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (debts), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (debts, i);
      const char *lender = shore_debt_get_loan (debt)->lender;

      g_assert_true (g_str_equal (lender, "Lender\u00a0A") || g_str_equal (lender, "Lender\u00a0B"));
    }

  accounts = shore_ledger_list_accounts (copy, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accounts->len, ==, 1);
  g_assert_cmpstr (((ShoreAccount *) g_ptr_array_index (accounts, 0))->name, ==,
                   shore_account_kind_get_label (SHORE_ACCOUNT_BANK));

  meta = shore_store_get_meta (copy, "borrower.name");
  g_assert_null (meta);

  g_clear_object (&copy);
  shore_handout_remove_dir (dir);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  shore_i18n_set_thread_language (previous);
}

int
main (int    argc,
      char **argv)
{
  const char *base = g_getenv ("TMPDIR");
  int status;

  /* A TMPDIR of our own, before GLib reads it, so that a copy left behind
   * shows. */
  tmp_root = g_build_filename (base != NULL && *base != '\0' ? base : "/tmp", "shore-papers-test-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (tmp_root));
  g_setenv ("TMPDIR", tmp_root, TRUE);

  g_test_init (&argc, &argv, NULL);
  shore_i18n_init ();

  ADD ("/handout-papers/letters", test_letters);
  ADD_EMPTY ("/handout-papers/letter-errors", test_letter_errors);
  ADD ("/handout-papers/evidence", test_evidence);
  ADD_EMPTY ("/handout-papers/evidence-empty", test_evidence_empty);
  ADD ("/handout-papers/anonymized", test_anonymized);
  ADD ("/handout-papers/anonymized-copy", test_anonymized_copy);

  status = g_test_run ();
  shore_test_rm_rf (tmp_root);
  g_free (tmp_root);
  return status;
}
