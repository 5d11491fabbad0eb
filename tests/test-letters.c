/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The letters, built from a real database in a fresh folder per test: two
 * loans, a month of transactions and three contacts, one of them at 22:30. */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "shore-debts.h"
#include "shore-evidence-store.h"
#include "shore-i18n.h"
#include "shore-ledger.h"
#include "shore-letters.h"
#include "shore-money.h"
#include "shore-store.h"
#include "shore-test-util.h"

#define TODAY "2026-04-10"

typedef struct
{
  char       *data_dir;
  ShoreStore *store;
  gint64      weilidai_id;
  gint64      zhaolian_id;
  GDate       today;
  ShoreLetterFields fields;
} Fixture;

static void
add_contact (ShoreStore          *store,
             const char          *iso,
             ShoreContactChannel  channel,
             const char          *organization,
             const char          *third_parties)
{
  g_autoptr(ShoreContact) contact = shore_contact_new ();
  g_autoptr(GError) error = NULL;

  contact->occurred_at = g_date_time_new_from_iso8601 (iso, NULL);
  contact->channel = channel;
  g_free (contact->organization);
  contact->organization = g_strdup (organization);
  g_free (contact->phone);
  contact->phone = g_strdup ("95188");
  g_free (contact->third_parties);
  contact->third_parties = g_strdup (third_parties);
  contact->connected = TRUE;
  g_assert_true (shore_evidence_store_add (store, contact, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 account;

  f->store = shore_test_store_new (&f->data_dir);
  f->today = shore_test_date (TODAY);

  f->weilidai_id = shore_test_add_loan (f->store, "微粒贷", SHORE_LENDER_BANK, 1000000, "2025-12-15");
  f->zhaolian_id = shore_test_add_loan (f->store, "招联消费金融", SHORE_LENDER_CONSUMER_FINANCE, 500000, "2026-02-20");

  account = shore_ledger_ensure_account (f->store, SHORE_ACCOUNT_BANK, &error);
  g_assert_no_error (error);
  shore_test_add_txn (f->store, "2026-03-05", 600000, account, "salary", "工资");
  shore_test_add_txn (f->store, "2026-03-06", -200000, account, "housing", "房租");
  shore_test_add_txn (f->store, "2026-03-12", -150000, account, "food", "超市");

  add_contact (f->store, "2026-03-10T22:30:00+08:00", SHORE_CONTACT_CALL, "微粒贷", "");
  add_contact (f->store, "2026-03-11T10:00:00+08:00", SHORE_CONTACT_CALL, "微粒贷", "");
  add_contact (f->store, "2026-03-12T14:00:00+08:00", SHORE_CONTACT_THIRD_PARTY, "微粒贷", "我的母亲");

  shore_letter_fields_init (&f->fields);
  g_free (f->fields.name);
  f->fields.name = g_strdup ("张三");
  g_free (f->fields.phone);
  f->fields.phone = g_strdup ("13800000000");
  g_free (f->fields.address);
  f->fields.address = g_strdup ("北京市朝阳区某路1号");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  shore_letter_fields_clear (&f->fields);
  shore_test_store_free (&f->store, &f->data_dir);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

static char *
build_text_full (Fixture    *f,
                 const char *id,
                 gboolean    prefill)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreLetter) letter = NULL;

  if (prefill)
    g_assert_true (shore_letter_fields_prefill (f->store, id, &f->today, &f->fields, &error));
  g_assert_no_error (error);
  letter = shore_letter_build (f->store, id, &f->fields, &f->today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (letter);
  g_assert_cmpstr (letter->id, ==, id);
  g_assert_cmpuint (letter->guidance->len, >=, 3);
  if (g_getenv ("SHORE_LETTERS_DUMP") != NULL)
    {
      g_autofree char *guidance = shore_letter_guidance_text (letter);
      g_autofree char *dump = shore_letter_to_text (letter);

      g_test_message ("%s\n%s", dump, guidance);
    }
  return shore_letter_to_text (letter);
}

static char *
build_text (Fixture    *f,
            const char *id)
{
  return build_text_full (f, id, TRUE);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, text);
}

static gint64
owed (Fixture *f,
      gint64   loan_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) debts = shore_debts_list (f->store, &f->today, &error);
  guint i;

  g_assert_no_error (error);
  for (i = 0; i < g_list_model_get_n_items (debts); i++)
    {
      g_autoptr(ShoreDebt) debt = g_list_model_get_item (debts, i);

      if (shore_debt_get_id (debt) == loan_id)
        return shore_debt_get_status (debt)->owed_total;
    }
  g_assert_not_reached ();
}

/* The surplus (March: 6,000 − 3,500 = 2,500 a month, as April has no entries yet) split by
 * what each loan is owed; the loan overdue longest is the one chosen. */
static void
test_prefill_hardship (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 weilidai = owed (f, f->weilidai_id);
  gint64 total = weilidai + owed (f, f->zhaolian_id);
  gint64 expected = 0;

  g_assert_true (shore_letter_fields_prefill (f->store, "hardship", &f->today, &f->fields, &error));
  g_assert_no_error (error);
  g_assert_cmpint (f->fields.loan_id, ==, f->weilidai_id);
  g_assert_cmpstr (f->fields.recipient, ==, "微粒贷");
  g_assert_true (shore_money_mul_div (250000, weilidai, total, &expected));
  g_assert_cmpint (f->fields.monthly_amount, ==, expected);
  g_assert_cmpint (f->fields.months, ==, (weilidai + expected - 1) / expected);
  g_assert_cmpstr (f->fields.name, ==, "张三");

  g_assert_true (shore_letter_fields_prefill (f->store, "credit-dispute", &f->today, &f->fields, &error));
  g_assert_cmpstr (f->fields.recipient, ==, "Credit Reference Center of the People’s Bank of China");
}

static void
test_hardship (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *text = build_text (f, "hardship");
  g_autofree char *monthly = shore_money_format (f->fields.monthly_amount);
  g_autofree char *owed_text = shore_money_format (owed (f, f->weilidai_id));
  g_autofree char *months = g_strdup_printf ("for %d months", f->fields.months);

  assert_contains (text, "Application for a Repayment Plan");
  assert_contains (text, "To: 微粒贷");
  assert_contains (text, "I, 张三, borrowed from 微粒贷 on 2025-12-15");
  assert_contains (text, owed_text);
  /* the debts table: both lenders, their principal, overdue days */
  assert_contains (text, "Lender | Principal | Balance | Days overdue");
  assert_contains (text, "微粒贷 | ¥10,000.00 | ");
  assert_contains (text, "招联消费金融 | ¥5,000.00 | ");
  /* the budget: March only, as it is the one complete month with entries */
  assert_contains (text, "on average over 1 month (March 2026 to March 2026)");
  assert_contains (text, "Income | ¥6,000.00");
  assert_contains (text, "Total living expenses | ¥3,500.00");
  assert_contains (text, "Left for all my debts | ¥2,500.00");
  /* the proposal and its basis: a loan, not a card, so no Article 70 */
  assert_contains (text, monthly);
  assert_contains (text, months);
  assert_contains (text, "《民法典》 Article 678; Law, read in the text itself");
  g_assert_null (strstr (text, "Article 70"));
  assert_contains (text, "Applicant: 张三");
  assert_contains (text, "Phone: 13800000000");
  assert_contains (text, "Date: 10 April 2026");
  g_assert_null (strstr (text, "ID number"));
}

static void
test_complaint (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = shore_evidence_store_list (f->store, &error);
  g_autofree ShoreContact *flat = g_new0 (ShoreContact, contacts->len);
  g_autoptr(GArray) flags = NULL;
  g_autofree char *text = NULL;
  gboolean night = FALSE;
  guint i;

  /* the suggested recipient is the lender; the borrower writes to 12378 instead */
  g_assert_true (shore_letter_fields_prefill (f->store, "complaint", &f->today, &f->fields, &error));
  g_assert_cmpstr (f->fields.recipient, ==, "微粒贷");
  g_free (f->fields.recipient);
  f->fields.recipient = g_strdup ("12378");
  text = build_text_full (f, "complaint", FALSE);
  assert_contains (text, "To: 12378");
  assert_contains (text, "Complaint About Improper Debt Collection");
  assert_contains (text, "I, 张三, am a borrower of 微粒贷");
  assert_contains (text, "From 2026-03-10 to 2026-03-12 I recorded 3 contacts by them.");
  assert_contains (text, "1 | 2026-03-10 22:30 | Phone call | 微粒贷 | 95188 | Contact at night");

  /* every flag of the log is there with its citation */
  for (i = 0; i < contacts->len; i++)
    flat[i] = *(ShoreContact *) g_ptr_array_index (contacts, i);
  shore_evidence_check (flat, contacts->len, NULL, &flags);
  g_assert_cmpuint (flags->len, >=, 2);
  for (i = 0; i < flags->len; i++)
    {
      const ShoreEvidenceFlag *flag = &g_array_index (flags, ShoreEvidenceFlag, i);

      assert_contains (text, flag->citation);
      assert_contains (text, flag->message);
      night |= flag->rule == SHORE_EVIDENCE_RULE_NIGHT && flag->contact == 0;
    }
  g_assert_true (night);
  assert_contains (text, "Contact 1 (2026-03-10 22:30), Contact at night:");
}

static void
test_credit_dispute (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreLetter) letter = NULL;
  g_autofree char *text = NULL;

  g_assert_true (shore_letter_fields_prefill (f->store, "credit-dispute", &f->today, &f->fields, &error));
  letter = shore_letter_build (f->store, "credit-dispute", &f->fields, &f->today, &error);
  g_assert_error (error, SHORE_LETTERS_ERROR, SHORE_LETTERS_ERROR_MISSING_FIELD);
  g_assert_null (letter);
  g_clear_error (&error);

  g_free (f->fields.details);
  f->fields.details = g_strdup ("微粒贷 reports the loan as 90 days overdue; I repaid it on 2026-03-01.");
  g_free (f->fields.id_number);
  f->fields.id_number = g_strdup ("110101199001011234");
  f->fields.loan_id = f->weilidai_id;
  text = build_text (f, "credit-dispute");
  assert_contains (text, "Credit Report Dispute");
  assert_contains (text, "To: Credit Reference Center of the People’s Bank of China");
  assert_contains (text, "I, 张三 (ID number 110101199001011234)");
  assert_contains (text, f->fields.details);
  assert_contains (text, "within 20 days of receiving the objection");
  assert_contains (text, "《征信业管理条例》 Article 25; Law, read in the text itself");
  assert_contains (text, "微粒贷 | ¥10,000.00 | ");
  g_assert_null (strstr (text, "招联消费金融"));
}

static void
test_stop_third_parties (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *text = build_text (f, "stop-third-parties");

  assert_contains (text, "Request to Stop Contacting Third Parties");
  assert_contains (text, "I, 张三, am a borrower of 微粒贷");
  assert_contains (text, "3 | 2026-03-12 14:00 | Contact with others | 微粒贷");
  /* only the contact with others is listed */
  g_assert_null (strstr (text, "2026-03-10 22:30"));
  assert_contains (text, "You can reach me directly at 13800000000.");
  assert_contains (text, "《民法典》 Article 1033; Law, read in the text itself");
  assert_contains (text, "Industry code, known from reports and reprints");
}

static void
test_missing_fields (Fixture       *f,
                     gconstpointer  data)
{
  static const struct {
    const char *id;
    const char *field;
    int         code;
  } cases[] = {
    { "hardship", "name", SHORE_LETTERS_ERROR_MISSING_FIELD },
    { "complaint", "phone", SHORE_LETTERS_ERROR_MISSING_FIELD },
    { "credit-dispute", "address", SHORE_LETTERS_ERROR_MISSING_FIELD },
    { "stop-third-parties", "recipient", SHORE_LETTERS_ERROR_MISSING_FIELD },
    { "hardship", "amount", SHORE_LETTERS_ERROR_MISSING_FIELD },
    { "hardship", "months", SHORE_LETTERS_ERROR_INVALID_FIELD },
    { "hardship", "loan", SHORE_LETTERS_ERROR_INVALID_FIELD },
    { "no-such-letter", "", SHORE_LETTERS_ERROR_UNKNOWN },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShoreLetter) letter = NULL;
      ShoreLetterFields fields;

      shore_letter_fields_init (&fields);
      fields.name = (g_free (fields.name), g_strdup ("张三"));
      fields.phone = (g_free (fields.phone), g_strdup ("13800000000"));
      fields.address = (g_free (fields.address), g_strdup ("北京"));
      fields.recipient = (g_free (fields.recipient), g_strdup ("微粒贷"));
      fields.details = (g_free (fields.details), g_strdup ("wrong record"));
      fields.monthly_amount = 50000;
      fields.months = 12;

      if (g_str_equal (cases[i].field, "name"))
        fields.name = (g_free (fields.name), g_strdup ("  "));
      else if (g_str_equal (cases[i].field, "phone"))
        fields.phone = (g_free (fields.phone), g_strdup (""));
      else if (g_str_equal (cases[i].field, "address"))
        fields.address = (g_free (fields.address), g_strdup (""));
      else if (g_str_equal (cases[i].field, "recipient"))
        fields.recipient = (g_free (fields.recipient), g_strdup (""));
      else if (g_str_equal (cases[i].field, "amount"))
        fields.monthly_amount = 0;
      else if (g_str_equal (cases[i].field, "months"))
        fields.months = 601;
      else if (g_str_equal (cases[i].field, "loan"))
        fields.loan_id = 999;

      letter = shore_letter_build (f->store, cases[i].id, &fields, &f->today, &error);
      g_assert_null (letter);
      g_assert_error (error, SHORE_LETTERS_ERROR, cases[i].code);
      g_assert_cmpuint (strlen (error->message), >, 10);
      if (g_str_equal (cases[i].field, "name"))
        g_assert_nonnull (strstr (error->message, "name"));
      shore_letter_fields_clear (&fields);
    }
}

static void
test_list (void)
{
  const char * const *ids = shore_letter_list_ids ();

  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 4);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_assert_true (shore_letter_id_is_valid (ids[i]));
      g_assert_cmpstr (shore_letter_get_name (ids[i]), !=, "");
      g_assert_cmpstr (shore_letter_get_description (ids[i]), !=, "");
    }
  g_assert_false (shore_letter_id_is_valid ("nope"));
  g_assert_false (shore_letter_id_is_valid (NULL));
}

static char *
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The edited text becomes a PDF: at least one page, the table cells there. */
static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreDocument) document = NULL;
  g_autofree char *text = build_text (f, "hardship");
  g_autofree char *edited = g_strconcat (text, "\nP.S. I can also pay a lump sum in June.\n", NULL);
  g_autofree char *path = g_build_filename (f->data_dir, "letter.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *pdf_text = NULL;
  g_autofree char *pdfinfo_path = NULL;
  g_autofree char *pdftotext_path = NULL;
  const char *pages;

  document = shore_letter_text_to_document ("Application for a Repayment Plan", edited, "en", "Shore");
  g_assert_nonnull (document);
  g_assert_cmpuint (shore_document_get_n_pages (document, SHORE_DOCUMENT_A4_WIDTH, SHORE_DOCUMENT_A4_HEIGHT), >=, 1);
  g_assert_true (shore_document_render_pdf (document, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  pdfinfo_path = g_find_program_in_path ("pdfinfo");
  pdftotext_path = g_find_program_in_path ("pdftotext");
  if (pdfinfo_path == NULL || pdftotext_path == NULL)
    {
      g_test_skip ("pdfinfo or pdftotext (poppler-utils) is not installed");
      return;
    }
  info = run ((const char * const[]) { "pdfinfo", path, NULL });
  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  g_assert_cmpint (atoi (pages + strlen ("Pages:")), >=, 1);

  pdf_text = run ((const char * const[]) { "pdftotext", "-enc", "UTF-8", path, "-", NULL });
  assert_contains (pdf_text, "¥10,000.00");
  assert_contains (pdf_text, "lump sum in June");
}

static void
test_save_text (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = build_text (f, "stop-third-parties");
  g_autofree char *path = g_build_filename (f->data_dir, "letter.txt", NULL);
  g_autofree char *back = NULL;

  g_assert_true (shore_letter_save_text (text, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &back, NULL, &error));
  g_assert_cmpstr (back, ==, text);

  g_assert_false (shore_letter_save_text (text, "/nonexistent-dir/letter.txt", &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/letters/list", test_list);
  ADD ("/letters/prefill/hardship", test_prefill_hardship);
  ADD ("/letters/build/hardship", test_hardship);
  ADD ("/letters/build/complaint", test_complaint);
  ADD ("/letters/build/credit-dispute", test_credit_dispute);
  ADD ("/letters/build/stop-third-parties", test_stop_third_parties);
  ADD ("/letters/build/missing-fields", test_missing_fields);
  ADD ("/letters/text/save", test_save_text);
  ADD ("/letters/pdf", test_pdf);

  return g_test_run ();
}
