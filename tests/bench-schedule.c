/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Not a test: times shore_schedule_compute () and shore_apr_for_loan () on
 * 10,000 random valid loans (fixed seed; all four methods; terms 1–60
 * months; daily rates 0.01–0.1 %) and prints the time per loan.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

#include "shore-apr.h"
#include "shore-loan.h"
#include "shore-schedule.h"

#define N_LOANS 10000
#define SEED    20260115

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
  loan->upfront_fee = g_rand_int_range (rand, 0, 4) == 0 ? loan->principal / 50 : 0;
  g_date_clear (&loan->start_date, 1);
  g_date_set_dmy (&loan->start_date,
                  (GDateDay) g_rand_int_range (rand, 1, 29),
                  (GDateMonth) g_rand_int_range (rand, 1, 13),
                  (GDateYear) g_rand_int_range (rand, 2020, 2027));
  return loan;
}

int
main (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GPtrArray) loans = g_ptr_array_new_with_free_func ((GDestroyNotify) shore_loan_free);
  gint64 start;
  gint64 elapsed;
  gint64 checksum = 0;
  double apr_sum = 0;
  guint i;

  for (i = 0; i < N_LOANS; i++)
    g_ptr_array_add (loans, random_loan (rand));

  start = g_get_monotonic_time ();
  for (i = 0; i < N_LOANS; i++)
    {
      const ShoreLoan *loan = g_ptr_array_index (loans, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(ShoreSchedule) schedule = shore_schedule_compute (loan, &error);
      ShoreTrueCost cost;

      if (schedule == NULL || !shore_apr_for_loan (loan, &cost, &error))
        {
          fprintf (stderr, "bench-schedule: loan %u: %s\n", i, error->message);
          return EXIT_FAILURE;
        }
      checksum += schedule->total_payment;
      apr_sum += cost.apr_simple;
    }
  elapsed = g_get_monotonic_time () - start;

  printf ("%d loans (schedule + APR): %.3f ms in total, %.2f µs per loan\n",
          N_LOANS, (double) elapsed / 1000.0, (double) elapsed / N_LOANS);
  printf ("checksum %" G_GINT64_FORMAT ", mean simple APR %.4f %%\n",
          checksum, 100.0 * apr_sum / N_LOANS);

  return EXIT_SUCCESS;
}
