/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "shore-i18n.h"

/* Documents are written in the language asked for, per thread, whatever the
 * process's language: the strings below are in both catalogs. */

typedef struct
{
  const char *language;
  const char *call;       /* “Phone call” */
  const char *avalanche;  /* C_("payoff strategy", …) */
  const char *overdue;    /* ngettext “Overdue %d day(s)” with 3 */
} Expected;

static const Expected expected[] = {
  { "zh_CN", "电话", "雪崩法（先还真实利率最高的）", "已逾期 %d 天" },
  { "zh_TW", "電話", "雪崩法（先還真實利率最高的）", "已逾期 %d 天" },
  { "en", "Phone call", "Avalanche (highest real rate first)", "Overdue %d days" },
};

static void
check_language (const Expected *e)
{
  const char *previous = shore_i18n_set_thread_language (e->language);

  g_assert_cmpstr (shore_i18n_get_thread_language (), ==, e->language);
  g_assert_cmpstr (shore_gettext ("Phone call"), ==, e->call);
  g_assert_cmpstr (shore_pgettext2 ("payoff strategy", "Avalanche (highest real rate first)"), ==,
                   e->avalanche);
  g_assert_cmpstr (shore_pgettext ("payoff strategy\004Avalanche (highest real rate first)",
                                   strlen ("payoff strategy") + 1), ==, e->avalanche);
  g_assert_cmpstr (shore_ngettext ("Overdue %d day", "Overdue %d days", 3), ==, e->overdue);
  /* Not in any catalog: the source string. */
  g_assert_cmpstr (shore_gettext ("No such string in Shore"), ==, "No such string in Shore");
  shore_i18n_set_thread_language (previous);
}

static void
test_languages (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    check_language (&expected[i]);

  /* Back to the process's language: C.UTF-8 with no LANGUAGE in the tests. */
  g_assert_null (shore_i18n_get_thread_language ());
  g_assert_cmpstr (shore_gettext ("Phone call"), ==, "Phone call");
  g_assert_cmpstr (shore_ngettext ("Overdue %d day", "Overdue %d days", 1), ==, "Overdue %d day");
}

static gpointer
translate_many (gpointer data)
{
  const Expected *e = data;

  for (guint i = 0; i < 2000; i++)
    check_language (e);
  return GINT_TO_POINTER (TRUE);
}

/* Threads in different languages at the same time do not see each other's. */
static void
test_threads (void)
{
  GThread *threads[G_N_ELEMENTS (expected)];

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    threads[i] = g_thread_new ("translate", translate_many, (gpointer) &expected[i]);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
  g_assert_null (shore_i18n_get_thread_language ());
}

static void
test_check (void)
{
  static const char *const bad[] = { "", "zh", "zh_HK", "fr", "zh_CN.UTF-8", "EN" };
  g_autoptr(GError) error = NULL;

  g_assert_false (shore_i18n_language_is_valid (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (shore_i18n_language_is_valid (bad[i]));
      g_assert_false (shore_i18n_language_check (bad[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, "zh_CN, zh_TW"));
      g_clear_error (&error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_true (shore_i18n_language_check (expected[i].language, &error));
      g_assert_no_error (error);
    }
}

/* The document language that matches the UI's, from LANGUAGE. */
static void
test_ui_language (void)
{
  static const struct { const char *env; const char *expected; } cases[] = {
    { "zh_CN", "zh_CN" },
    { "zh_TW", "zh_TW" },
    { "zh_HK:zh_TW", "zh_TW" },
    { "zh_SG", "zh_CN" },
    { "fr:en", "en" },
    { "en_GB:zh_CN", "en" },
    { "de", "en" },
  };
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_setenv ("LANGUAGE", cases[i].env, TRUE);
      g_assert_cmpstr (shore_i18n_ui_language (), ==, cases[i].expected);
    }
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

int
main (int    argc,
      char **argv)
{
  shore_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/i18n/languages", test_languages);
  g_test_add_func ("/i18n/threads", test_threads);
  g_test_add_func ("/i18n/check", test_check);
  g_test_add_func ("/i18n/ui-language", test_ui_language);

  return g_test_run ();
}
