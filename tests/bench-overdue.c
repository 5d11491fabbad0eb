/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Not a test: times shore_overdue_series () on 20 random valid loans (fixed
 * seed; all four methods; terms 1–60 months; daily rates 0.01–0.1 %; random
 * overdue terms), a five-year (1826-day) daily series each, from the loan's
 * start date, and prints the time in total and per loan.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

#include "shore-loan.h"
#include "shore-overdue.h"

#define N_LOANS 20
#define N_DAYS  1826
#define SEED    20260815

static ShoreLoan *
random_loan (GRand *rand)
{
  ShoreLoan *loan = shore_loan_new ();

  g_free (loan->lender);
  loan->lender = g_strdup ("bench");
  loan->principal = (gint64) g_rand_int_range (rand, 50000, 30000000);         /* 500 … 300,000 yuan */
  loan->rate.period = SHORE_RATE_DAILY;
  loan->rate.value = (gint64) g_rand_int_range (rand, 1000, 10001) * 1000;      /* 0.01 … 0.1 % a day */
  loan->term_months = g_rand_int_range (rand, 1, 61);
  loan->method = (ShoreRepaymentMethod) g_rand_int_range (rand, 0, 4);
  loan->penalty_markup_bp = g_rand_int_range (rand, 0, 10001);
  loan->grace_days = g_rand_int_range (rand, 0, 4);
  loan->compound = g_rand_boolean (rand);
  loan->has_late_fee = g_rand_boolean (rand);
  loan->late_fee_daily.period = SHORE_RATE_DAILY;
  loan->late_fee_daily.value = (gint64) g_rand_int_range (rand, 1000, 10001) * 1000;
  loan->accelerate_after_days = g_rand_boolean (rand) ? g_rand_int_range (rand, 30, 181) : 0;
  g_date_clear (&loan->start_date, 1);
  g_date_set_dmy (&loan->start_date,
                  (GDateDay) g_rand_int_range (rand, 1, 32 - 3),
                  (GDateMonth) g_rand_int_range (rand, 1, 13),
                  (GDateYear) g_rand_int_range (rand, 2020, 2027));
  return loan;
}

int
main (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GPtrArray) loans = g_ptr_array_new_with_free_func ((GDestroyNotify) shore_loan_free);
  int missed_from[N_LOANS];
  gint64 start;
  gint64 elapsed;
  gint64 checksum = 0;
  guint i;

  for (i = 0; i < N_LOANS; i++)
    {
      ShoreLoan *loan = random_loan (rand);

      missed_from[i] = g_rand_int_range (rand, 1, loan->term_months + 1);
      g_ptr_array_add (loans, loan);
    }

  start = g_get_monotonic_time ();
  for (i = 0; i < N_LOANS; i++)
    {
      const ShoreLoan *loan = g_ptr_array_index (loans, i);
      ShoreOverdueOptions options = { .missed_from = missed_from[i] };
      g_autoptr(GError) error = NULL;
      g_autoptr(ShoreOverdueSeries) series = NULL;

      if (!shore_overdue_series (loan, &options, &loan->start_date, N_DAYS, &series, &error))
        {
          fprintf (stderr, "bench-overdue: loan %u: %s\n", i, error->message);
          return EXIT_FAILURE;
        }
      checksum += series->total[N_DAYS - 1];
    }
  elapsed = g_get_monotonic_time () - start;

  printf ("%d loans × %d-day overdue series: %.3f ms in total, %.3f ms per loan\n",
          N_LOANS, N_DAYS, (double) elapsed / 1000.0, (double) elapsed / 1000.0 / N_LOANS);
  printf ("checksum %" G_GINT64_FORMAT "\n", checksum);

  return EXIT_SUCCESS;
}
