/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Not a test: times each handout topic, built from the training scenario that
 * fits it and rendered to a PDF, in zh_CN, zh_TW and en, N_RUNS times each,
 * and prints the median time per handout against the one-second budget
 * (“well under a second”). Loading the scenario is not timed.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "shore-handout.h"
#include "shore-i18n.h"
#include "shore-store.h"
#include "shore-training.h"

#define N_RUNS    7
#define BUDGET_MS 1000.0

static const struct
{
  ShoreHandoutTopic  topic;
  const char        *letter;
  const char        *scenario;
} cases[] = {
  { SHORE_HANDOUT_RIGHTS,   NULL,        "harassment" },
  { SHORE_HANDOUT_OVERDUE,  NULL,        "weilidai-overdue" },
  { SHORE_HANDOUT_BUDGET,   NULL,        "five-platforms" },
  { SHORE_HANDOUT_PLAN,     NULL,        "five-platforms" },
  { SHORE_HANDOUT_LETTER,   "hardship",  "weilidai-overdue" },
  { SHORE_HANDOUT_LETTER,   "complaint", "harassment" },
  { SHORE_HANDOUT_EVIDENCE, NULL,        "harassment" },
};

static const char *const languages[] = { "zh_CN", "zh_TW", "en" };

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of N_RUNS build-and-render times in ms, or < 0 on failure. */
static double
time_handout (ShoreStore                *store,
              const ShoreHandoutOptions *options,
              const char                *pdf,
              guint                     *out_pages)
{
  double times[N_RUNS];

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(ShoreDocument) doc = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      doc = shore_handout_build (store, options, &error);
      if (doc == NULL || !shore_document_render_pdf (doc, pdf, &error))
        {
          fprintf (stderr, "  %s: %s\n", shore_handout_topic_to_string (options->topic), error->message);
          return -1;
        }
      times[run] = (double) (g_get_monotonic_time () - start) / 1000.0;
      *out_pages = shore_document_get_n_pages (doc, SHORE_DOCUMENT_A4_WIDTH, SHORE_DOCUMENT_A4_HEIGHT);
    }
  qsort (times, N_RUNS, sizeof times[0], compare_doubles);
  return times[N_RUNS / 2];
}

static gboolean
bench_language (const char  *language,
                const GDate *today,
                const char  *scenario,
                guint        c,
                double      *worst)
{
  g_autofree char *dir = g_dir_make_tmp ("shore-bench-handout-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autoptr(ShoreStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *previous;
  gboolean ok;
  ShoreHandoutOptions options;
  guint pages = 0;
  double median;

  store = shore_store_open (dir, &error);
  previous = shore_i18n_set_thread_language (language);
  ok = store != NULL && shore_training_load (scenario, store, today, &error);
  shore_i18n_set_thread_language (previous);
  if (!ok)
    {
      fprintf (stderr, "bench-handout: %s: %s\n", scenario, error->message);
      g_clear_object (&store);
      remove_tree (dir);
      return FALSE;
    }

  shore_handout_options_init (&options, cases[c].topic, language, today);
  options.letter = cases[c].letter;
  median = time_handout (store, &options, pdf, &pages);
  if (median >= 0)
    {
      printf ("%-20s %-6s %-17s %3u  %9.1f  %6.3f\n",
              cases[c].letter != NULL ? cases[c].letter : shore_handout_topic_to_string (cases[c].topic),
              language, scenario, pages, median, median / BUDGET_MS);
      *worst = MAX (*worst, median);
    }

  g_clear_object (&store);
  remove_tree (dir);
  return median >= 0;
}

int
main (void)
{
  GDate today;
  double worst = 0;
  guint failed = 0;

  shore_i18n_init ();
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 24, G_DATE_NOVEMBER, 2026);

  printf ("Handouts: build + render to PDF, median of %u runs per handout\n", N_RUNS);
  printf ("%-20s %-6s %-17s %3s  %9s  %6s\n", "handout", "lang", "scenario", "pp", "median ms", "/ 1 s");
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      failed += !bench_language (languages[l], &today, cases[c].scenario, c, &worst);

  printf ("Slowest: %.1f ms, %.0f%% of the one-second budget%s\n", worst, worst / BUDGET_MS * 100.0,
          failed > 0 ? " (some handouts failed, see above)" : "");
  return failed > 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
