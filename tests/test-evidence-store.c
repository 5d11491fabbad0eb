/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The evidence log on a real database in a fresh folder per test. */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "shore-debts.h"
#include "shore-evidence-store.h"
#include "shore-i18n.h"
#include "shore-store.h"
#include "shore-store-private.h"
#include "shore-test-util.h"

typedef ShoreTestFixture Fixture;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, shore_test_fixture_set_up, func, shore_test_fixture_tear_down)

/* Helpers */

static ShoreContact *
make_contact (const char          *iso,
              ShoreContactChannel  channel,
              const char          *organization)
{
  ShoreContact *contact = shore_contact_new ();

  contact->occurred_at = g_date_time_new_from_iso8601 (iso, NULL);
  g_assert_nonnull (contact->occurred_at);
  contact->channel = channel;
  g_free (contact->organization);
  contact->organization = g_strdup (organization);
  return contact;
}

/* Every field set, none at its default */
static ShoreContact *
make_full_contact (gint64 loan_id)
{
  ShoreContact *contact = make_contact ("2026-03-01T22:15:07+08:00", SHORE_CONTACT_CALL, "某某资产管理");

  g_free (contact->person);
  contact->person = g_strdup ("工号 8848");
  g_free (contact->phone);
  contact->phone = g_strdup ("+86 400-000-0000");
  contact->duration_seconds = 185;
  contact->connected = FALSE;
  g_free (contact->summary);
  contact->summary = g_strdup ("再不还就爆你通讯录，“律师函”明天到\n第二行");
  g_free (contact->third_parties);
  contact->third_parties = g_strdup ("我妈妈、公司同事");
  g_ptr_array_add (contact->attachments, g_strdup ("evidence/call-1.m4a"));
  g_ptr_array_add (contact->attachments, g_strdup ("/home/u/图片/截图 \"1\".png"));
  contact->loan_id = loan_id;
  contact->amount_demanded = 1234567;
  return contact;
}

static void
assert_same_contact (const ShoreContact *a,
                     const ShoreContact *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_true (g_date_time_equal (a->occurred_at, b->occurred_at));
  g_assert_cmpint (g_date_time_get_utc_offset (a->occurred_at), ==, g_date_time_get_utc_offset (b->occurred_at));
  g_assert_cmpint (a->channel, ==, b->channel);
  g_assert_cmpstr (a->organization, ==, b->organization);
  g_assert_cmpstr (a->person, ==, b->person);
  g_assert_cmpstr (a->phone, ==, b->phone);
  g_assert_cmpint (a->duration_seconds, ==, b->duration_seconds);
  g_assert_cmpint (a->connected, ==, b->connected);
  g_assert_cmpstr (a->summary, ==, b->summary);
  g_assert_cmpstr (a->third_parties, ==, b->third_parties);
  g_assert_cmpint (a->loan_id, ==, b->loan_id);
  g_assert_cmpint (a->amount_demanded, ==, b->amount_demanded);
  g_assert_cmpuint (a->attachments->len, ==, b->attachments->len);
  for (guint i = 0; i < a->attachments->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a->attachments, i), ==, g_ptr_array_index (b->attachments, i));
}

static gint64
add_loan (Fixture *f)
{
  g_autoptr(ShoreLoan) loan = shore_loan_new ();
  g_autoptr(GError) error = NULL;

  g_free (loan->lender);
  loan->lender = g_strdup ("微粒贷");
  loan->principal = 1000000;
  g_assert_true (shore_rate_parse ("daily:0.05%", &loan->rate, NULL));
  loan->term_months = 12;
  g_date_set_dmy (&loan->start_date, 15, G_DATE_JANUARY, 2026);
  g_assert_true (shore_debts_add (f->store, loan, &error));
  g_assert_no_error (error);
  return loan->id;
}

static gint64
add_ok (Fixture      *f,
        ShoreContact *contact)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (shore_evidence_store_add (f->store, contact, &error));
  g_assert_no_error (error);
  g_assert_cmpint (contact->id, >, 0);
  return contact->id;
}

static ShoreContact *
get_ok (Fixture *f,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  ShoreContact *contact = shore_evidence_store_get (f->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (contact);
  return contact;
}

/* Tests */

static void
test_add_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ShoreContact) contact = make_full_contact (add_loan (f));
  g_autoptr(ShoreContact) back = NULL;
  g_autofree char *stored = NULL;

  add_ok (f, contact);
  back = get_ok (f, contact->id);
  assert_same_contact (contact, back);

  /* the offset is stored as recorded */
  stored = shore_test_query_text (f->store, "SELECT occurred_at FROM contacts");
  g_assert_cmpstr (stored, ==, "2026-03-01T22:15:07+08:00");
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count(*) FROM contact_attachments"), ==, 2);
}

static void
test_add_defaults (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ShoreContact) contact = make_contact ("2026-03-01T02:00:00Z", SHORE_CONTACT_SMS, "");
  g_autoptr(ShoreContact) back = NULL;
  g_autofree char *stored = NULL;

  add_ok (f, contact);
  back = get_ok (f, contact->id);
  assert_same_contact (contact, back);
  g_assert_cmpint (back->duration_seconds, ==, -1);
  g_assert_cmpint (back->loan_id, ==, 0);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT duration_seconds IS NULL AND loan_id IS NULL FROM contacts"), ==, 1);
  stored = shore_test_query_text (f->store, "SELECT occurred_at FROM contacts");
  g_assert_cmpstr (stored, ==, "2026-03-01T02:00:00+00:00");
}

static void
test_add_invalid (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ShoreContact) no_time = shore_contact_new ();
  g_autoptr(ShoreContact) bad_loan = make_contact ("2026-03-01T10:00:00+08:00", SHORE_CONTACT_CALL, "X");
  g_autoptr(GError) error = NULL;

  g_assert_false (shore_evidence_store_add (f->store, no_time, &error));
  g_assert_error (error, SHORE_EVIDENCE_ERROR, SHORE_EVIDENCE_ERROR_INVALID);
  g_clear_error (&error);

  bad_loan->loan_id = 999;
  g_ptr_array_add (bad_loan->attachments, g_strdup ("a.png"));
  g_assert_false (shore_evidence_store_add (f->store, bad_loan, &error));
  g_assert_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (bad_loan->id, ==, 0);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count(*) FROM contacts"), ==, 0);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count(*) FROM contact_attachments"), ==, 0);
  g_assert_false (shore_store_in_transaction (f->store));
}

static void
test_list_order (Fixture       *f,
                 gconstpointer  data)
{
  /* by the instant, whatever the offset; ties in the order recorded */
  static const char * const times[] = {
    "2026-03-02T10:00:00+08:00",     /* 02:00Z → 3rd */
    "2026-03-02T01:30:00Z",          /* → 2nd */
    "2026-03-02T09:00:00+09:00",     /* 00:00Z → 1st */
    "2026-03-02T02:00:00Z",          /* same instant as the first → 4th */
  };
  static const guint expected[] = { 2, 1, 0, 3 };
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[G_N_ELEMENTS (times)];

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(ShoreContact) contact = make_contact (times[i], SHORE_CONTACT_CALL, "X");

      g_ptr_array_add (contact->attachments, g_strdup_printf ("shot-%u.png", i));
      ids[i] = add_ok (f, contact);
    }

  list = shore_evidence_store_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (times));
  for (guint i = 0; i < list->len; i++)
    {
      const ShoreContact *contact = g_ptr_array_index (list, i);
      g_autofree char *path = g_strdup_printf ("shot-%u.png", expected[i]);

      g_assert_cmpint (contact->id, ==, ids[expected[i]]);
      g_assert_cmpuint (contact->attachments->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (contact->attachments, 0), ==, path);
    }
}

static void
test_list_empty (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = shore_evidence_store_list (f->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_get_missing (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreContact) contact = shore_evidence_store_get (f->store, 42, &error);

  g_assert_null (contact);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ShoreContact) contact = make_full_contact (add_loan (f));
  g_autoptr(ShoreContact) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 ("2026-03-05T07:59:00-05:00", NULL);
  g_autofree char *kept_created = NULL;
  g_autofree char *kept_created_after = NULL;

  add_ok (f, contact);
  g_assert_true (shore_store_exec (f->store,
                                   "UPDATE contact_attachments SET sha256 = printf('%.64c', 'a'),"
                                   " created_at = '2026-01-01T00:00:00Z' WHERE path = 'evidence/call-1.m4a'",
                                   &error));
  g_assert_no_error (error);
  kept_created = shore_test_query_text (f->store, "SELECT created_at FROM contact_attachments WHERE path = 'evidence/call-1.m4a'");

  g_date_time_unref (contact->occurred_at);
  contact->occurred_at = g_date_time_ref (when);
  contact->channel = SHORE_CONTACT_VISIT;
  g_free (contact->summary);
  contact->summary = g_strdup ("礼貌提醒");
  contact->loan_id = 0;
  contact->amount_demanded = 0;
  contact->duration_seconds = -1;
  /* keep one, drop one, add one */
  g_ptr_array_remove_index (contact->attachments, 1);
  g_ptr_array_add (contact->attachments, g_strdup ("new.png"));

  g_assert_true (shore_evidence_store_update (f->store, contact, &error));
  g_assert_no_error (error);
  back = get_ok (f, contact->id);
  assert_same_contact (contact, back);

  /* the attachment kept is the same row, with its checksum */
  kept_created_after = shore_test_query_text (f->store,
                                   "SELECT created_at FROM contact_attachments WHERE path = 'evidence/call-1.m4a'");
  g_assert_cmpstr (kept_created, ==, kept_created_after);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count(*) FROM contact_attachments WHERE sha256 IS NOT NULL"), ==, 1);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count(*) FROM contact_attachments"), ==, 2);
}

static void
test_update_missing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ShoreContact) contact = make_contact ("2026-03-01T10:00:00+08:00", SHORE_CONTACT_CALL, "X");
  g_autoptr(GError) error = NULL;

  contact->id = 77;
  g_assert_false (shore_evidence_store_update (f->store, contact, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (shore_store_in_transaction (f->store));
}

static void
test_delete_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ShoreContact) contact = make_full_contact (add_loan (f));
  g_autoptr(ShoreContact) other = make_contact ("2026-03-03T10:00:00+08:00", SHORE_CONTACT_SMS, "Y");
  g_autoptr(ShoreContact) deleted = NULL;
  g_autoptr(ShoreContact) back = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *row_before = NULL;
  g_autofree char *row_after = NULL;
  const char *row_sql = "SELECT group_concat(id || occurred_at || channel || ifnull(loan_id, '-') || organization"
                        " || person || phone || ifnull(duration_seconds, '-') || connected || summary"
                        " || third_parties || amount_demanded, '|') FROM contacts";

  add_ok (f, contact);
  add_ok (f, other);
  row_before = shore_test_query_text (f->store, row_sql);

  g_assert_true (shore_evidence_store_delete (f->store, contact->id, &deleted, &error));
  g_assert_no_error (error);
  assert_same_contact (contact, deleted);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count(*) FROM contacts"), ==, 1);
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count(*) FROM contact_attachments"), ==, 0);

  g_assert_true (shore_evidence_store_restore (f->store, deleted, &error));
  g_assert_no_error (error);
  back = get_ok (f, contact->id);
  assert_same_contact (contact, back);
  row_after = shore_test_query_text (f->store, row_sql);
  g_assert_cmpstr (row_before, ==, row_after);

  list = shore_evidence_store_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((ShoreContact *) g_ptr_array_index (list, 0))->id, ==, contact->id);

  /* restoring twice: the id is taken, nothing changes */
  g_assert_false (shore_evidence_store_restore (f->store, deleted, &error));
  g_assert_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_CONSTRAINT);
  g_assert_false (shore_store_in_transaction (f->store));
  g_assert_cmpint (shore_test_query_int (f->store, "SELECT count(*) FROM contact_attachments"), ==, 2);
}

static void
test_delete_missing (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShoreContact) deleted = NULL;

  g_assert_false (shore_evidence_store_delete (f->store, 5, &deleted, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (deleted);
  g_assert_false (shore_store_in_transaction (f->store));
}

/* Deleting the loan keeps the contact, without the loan. */
static void
test_loan_deleted (Fixture       *f,
                   gconstpointer  data)
{
  gint64 loan_id = add_loan (f);
  g_autoptr(ShoreContact) contact = make_full_contact (loan_id);
  g_autoptr(ShoreContact) back = NULL;
  g_autoptr(ShoreLoan) loan = NULL;
  g_autoptr(GArray) payments = NULL;
  g_autoptr(GError) error = NULL;

  add_ok (f, contact);
  g_assert_true (shore_debts_delete (f->store, loan_id, &loan, &payments, &error));
  g_assert_no_error (error);
  back = get_ok (f, contact->id);
  g_assert_cmpint (back->loan_id, ==, 0);
  g_assert_cmpuint (back->attachments->len, ==, 2);
}

/* The "the evidence log survives a restart". */
static void
test_survives_reopen (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ShoreContact) first = make_full_contact (add_loan (f));
  g_autoptr(ShoreContact) second = make_contact ("2026-03-04T08:00:00+08:00", SHORE_CONTACT_THIRD_PARTY, "Z");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  add_ok (f, first);
  add_ok (f, second);
  g_clear_object (&f->store);

  f->store = shore_store_open (f->data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (shore_store_get_schema_version (f->store), ==, SHORE_STORE_SCHEMA_VERSION);
  list = shore_evidence_store_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  assert_same_contact (first, g_ptr_array_index (list, 0));
  assert_same_contact (second, g_ptr_array_index (list, 1));
}

/* A row written by hand with a broken channel is reported, not skipped. */
static void
test_damaged_row (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_true (shore_store_exec (f->store,
                                   "PRAGMA ignore_check_constraints = ON;"
                                   "INSERT INTO contacts (occurred_at, channel) VALUES ('2026-03-01T10:00:00+08:00', 'fax');"
                                   "PRAGMA ignore_check_constraints = OFF;",
                                   &error));
  g_assert_no_error (error);
  list = shore_evidence_store_list (f->store, &error);
  g_assert_null (list);
  g_assert_error (error, SHORE_STORE_ERROR, SHORE_STORE_ERROR_NOT_A_DATABASE);
}

int
main (int   argc,
      char *argv[])
{
  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  ADD ("/evidence-store/add/round-trip", test_add_round_trip);
  ADD ("/evidence-store/add/defaults", test_add_defaults);
  ADD ("/evidence-store/add/invalid", test_add_invalid);
  ADD ("/evidence-store/list/order", test_list_order);
  ADD ("/evidence-store/list/empty", test_list_empty);
  ADD ("/evidence-store/get/missing", test_get_missing);
  ADD ("/evidence-store/update/round-trip", test_update);
  ADD ("/evidence-store/update/missing", test_update_missing);
  ADD ("/evidence-store/delete/restore", test_delete_restore);
  ADD ("/evidence-store/delete/missing", test_delete_missing);
  ADD ("/evidence-store/loan-deleted", test_loan_deleted);
  ADD ("/evidence-store/survives-reopen", test_survives_reopen);
  ADD ("/evidence-store/damaged-row", test_damaged_row);

  return g_test_run ();
}
