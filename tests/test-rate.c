/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "shore-rate.h"

#define D SHORE_RATE_DAILY
#define M SHORE_RATE_MONTHLY
#define A SHORE_RATE_ANNUAL

/* Rates in units of 10⁻⁸ percent, as ShoreRate.value holds them */
#define PCT(whole) ((gint64) (whole) * 100000000)

#define SENTINEL G_GINT64_CONSTANT (424242)

typedef struct
{
  const char      *text;
  ShoreRatePeriod  period;
  gint64           value;
} ParseCase;

typedef struct
{
  const char     *text;
  ShoreRateError  code;
} InvalidCase;

typedef struct
{
  ShoreRate   rate;
  const char *canonical;
  const char *display;
} StringCase;

typedef struct
{
  ShoreRate       rate;
  ShoreRatePeriod target;
  gint64          num;
  gint64          den;
} PeriodCase;

typedef struct
{
  ShoreRate       rate;
  ShoreRatePeriod target;
  gint64          amount;
  gint64          times;
  gboolean        ok;
  gint64          expected;
} ApplyCase;

typedef struct
{
  ShoreRate        rate;
  ShoreRatePeriod  target;
  guint            decimals;
  const char      *expected;
} PercentCase;

typedef struct
{
  ShoreRate a;
  ShoreRate b;
  int       sign;
} CompareCase;

static const ParseCase parse_cases[] = {
  { "daily:0.05%", D, 5000000 },
  { "monthly:1.5%", M, 150000000 },
  { "annual:18%", A, PCT (18) },
  { "annual:15.4%", A, 1540000000 },
  { "DAILY:0.05%", D, 5000000 },
  { "Annual:18%", A, PCT (18) },
  { "MonThly:2%", M, PCT (2) },
  { "  annual : 18 %  ", A, PCT (18) },
  { "annual 24%", A, PCT (24) },
  { "日:0.05%", D, 5000000 },
  { "日利率：0.05％", D, 5000000 },
  { "日息0.1%", D, 10000000 },
  { "月：1.5%", M, 150000000 },
  { "月利率1.5%", M, 150000000 },
  { "月息2%", M, PCT (2) },
  { "年:24%", A, PCT (24) },
  { "年利率 18 %", A, PCT (18) },
  { "年化利率：36%", A, PCT (36) },
  { "年化15.4%", A, 1540000000 },
  { "年息10%", A, PCT (10) },
  { "\u3000年利率：１８．５％\u3000", A, 1850000000 },
  { "annual:0%", A, 0 },
  { "annual:+5%", A, PCT (5) },
  { "annual:.5%", A, 50000000 },
  { "annual:007%", A, PCT (7) },
  { "daily:0.00000001%", D, 1 },
  { "monthly:1.50000000%", M, 150000000 },
  { "annual:1000%", A, PCT (1000) },
  { "annual:1000.00000000%", A, PCT (1000) },
  { "monthly:83.33333333%", M, 8333333333 },
  { "daily:2.77777777%", D, 277777777 },
};

static const InvalidCase invalid_cases[] = {
  { "", SHORE_RATE_ERROR_INVALID },
  { " \u3000 ", SHORE_RATE_ERROR_INVALID },
  { "0.05%", SHORE_RATE_ERROR_INVALID },
  { "18", SHORE_RATE_ERROR_INVALID },
  { "daily:0.05", SHORE_RATE_ERROR_INVALID },
  { "daily:%", SHORE_RATE_ERROR_INVALID },
  { "daily:", SHORE_RATE_ERROR_INVALID },
  { "daily:-0.05%", SHORE_RATE_ERROR_INVALID },
  { "annual:-0%", SHORE_RATE_ERROR_INVALID },
  { "年利率－5%", SHORE_RATE_ERROR_INVALID },
  { "weekly:1%", SHORE_RATE_ERROR_INVALID },
  { "yearly:1%", SHORE_RATE_ERROR_INVALID },
  { "dailymonthly:1%", SHORE_RATE_ERROR_INVALID },
  { "daily::1%", SHORE_RATE_ERROR_INVALID },
  { "daily:0.05%%", SHORE_RATE_ERROR_INVALID },
  { "daily:1.5.2%", SHORE_RATE_ERROR_INVALID },
  { "daily:1,000%", SHORE_RATE_ERROR_INVALID },
  { "daily:1.%", SHORE_RATE_ERROR_INVALID },
  { "daily:1e2%", SHORE_RATE_ERROR_INVALID },
  { "annual:18% a year", SHORE_RATE_ERROR_INVALID },
  { "18% annual", SHORE_RATE_ERROR_INVALID },
  { "daily:0.000000001%", SHORE_RATE_ERROR_INVALID },
  { "月费率1%", SHORE_RATE_ERROR_INVALID },
  { "\xff", SHORE_RATE_ERROR_INVALID },
  { "annual:1\xc0%", SHORE_RATE_ERROR_INVALID },
  { "annual:1000.00000001%", SHORE_RATE_ERROR_OUT_OF_RANGE },
  { "annual:1001%", SHORE_RATE_ERROR_OUT_OF_RANGE },
  { "年利率1200%", SHORE_RATE_ERROR_OUT_OF_RANGE },
  { "daily:2.78%", SHORE_RATE_ERROR_OUT_OF_RANGE },
  { "daily:2.77777778%", SHORE_RATE_ERROR_OUT_OF_RANGE },
  { "monthly:83.33333334%", SHORE_RATE_ERROR_OUT_OF_RANGE },
  { "annual:99999999999999999999%", SHORE_RATE_ERROR_OUT_OF_RANGE },
  { "daily:92233720368.54775808%", SHORE_RATE_ERROR_OUT_OF_RANGE },
};

static const StringCase string_cases[] = {
  { { D, 5000000 }, "daily:0.05%", "0.05% a day" },
  { { M, 150000000 }, "monthly:1.5%", "1.50% a month" },
  { { A, PCT (18) }, "annual:18%", "18.00% a year" },
  { { A, 1540000000 }, "annual:15.4%", "15.40% a year" },
  { { M, 3330000 }, "monthly:0.0333%", "0.0333% a month" },
  { { D, 1 }, "daily:0.00000001%", "0.00000001% a day" },
  { { A, 0 }, "annual:0%", "0.00% a year" },
  { { A, PCT (1000) }, "annual:1000%", "1000.00% a year" },
  { { M, 8333333333 }, "monthly:83.33333333%", "83.33333333% a month" },
  { { A, 1000000 }, "annual:0.01%", "0.01% a year" },
  { { A, -150000000 }, "annual:-1.5%", "-1.50% a year" },
};

static const PeriodCase period_cases[] = {
  { { D, 5000000 }, D, 1, 2000 },
  { { D, 5000000 }, M, 3, 200 },
  { { D, 5000000 }, A, 9, 50 },
  { { M, 150000000 }, D, 1, 2000 },
  { { M, 150000000 }, A, 9, 50 },
  { { A, PCT (18) }, D, 1, 2000 },
  { { A, PCT (10) }, M, 1, 120 },
  { { A, PCT (10) }, D, 1, 3600 },
  { { A, PCT (10) }, A, 1, 10 },
  { { A, 1540000000 }, A, 77, 500 },
  { { A, 1540000000 }, M, 77, 6000 },
  { { A, 0 }, M, 0, 1 },
  { { A, -PCT (10) }, M, -1, 120 },
  { { D, 7 }, A, 63, 250000000 },
  { { D, SHORE_RATE_VALUE_MAX }, A, SHORE_RATE_VALUE_MAX / 5 * 9, 50000000 },
};

static const ApplyCase apply_cases[] = {
  /* 10,000 yuan at 1.5 % a month, the same rate three ways */
  { { M, 150000000 }, M, 1000000, 1, TRUE, 15000 },
  { { D, 5000000 }, D, 1000000, 30, TRUE, 15000 },
  { { D, 5000000 }, M, 1000000, 1, TRUE, 15000 },
  { { A, PCT (18) }, M, 1000000, 1, TRUE, 15000 },
  { { A, PCT (18) }, D, 1000000, 30, TRUE, 15000 },
  { { A, PCT (18) }, A, 1000000, 1, TRUE, 180000 },
  /* Rounded once, half away from zero */
  { { A, PCT (10) }, M, 100, 1, TRUE, 1 },
  { { A, PCT (10) }, M, 60, 1, TRUE, 1 },
  { { A, PCT (10) }, M, 59, 1, TRUE, 0 },
  { { A, PCT (10) }, M, -60, 1, TRUE, -1 },
  { { A, PCT (10) }, M, -59, 1, TRUE, 0 },
  { { M, 150000000 }, M, 12345, 1, TRUE, 185 },
  { { D, 5000000 }, D, 333333, 1, TRUE, 167 },
  { { D, 7500000 }, D, 500000, 45, TRUE, 16875 },
  { { A, 0 }, M, 1000000, 12, TRUE, 0 },
  { { M, 150000000 }, M, 1000000, 0, TRUE, 0 },
  { { M, 150000000 }, M, 1000000, -1, TRUE, -15000 },
  /* int64 edges */
  { { D, 5000000 }, D, G_MAXINT64, 2000, TRUE, G_MAXINT64 },
  { { D, 5000000 }, D, G_MININT64, 2000, TRUE, G_MININT64 },
  { { D, 5000000 }, D, G_MAXINT64, 2001, FALSE, 0 },
  { { A, PCT (1000) }, A, G_MAXINT64, 1, FALSE, 0 },
  { { A, PCT (18) }, D, G_MAXINT64, G_MAXINT64, FALSE, 0 },
  { { A, PCT (18) }, D, G_MININT64, G_MININT64, FALSE, 0 },
  { { D, SHORE_RATE_VALUE_MAX }, A, G_MAXINT64, G_MAXINT64, FALSE, 0 },
};

static const PercentCase percent_cases[] = {
  { { D, 5000000 }, A, 2, "18.00" },
  { { M, 150000000 }, D, 4, "0.0500" },
  { { M, 150000000 }, M, 1, "1.5" },
  { { M, PCT (1) }, A, 2, "12.00" },
  { { A, PCT (10) }, M, 4, "0.8333" },
  { { A, PCT (10) }, M, 2, "0.83" },
  { { A, PCT (10) }, M, 0, "1" },
  { { A, PCT (10) }, D, 6, "0.027778" },
  { { A, 1540000000 }, A, 2, "15.40" },
  { { A, 50000000 }, A, 0, "1" },
  { { A, 150000000 }, A, 0, "2" },
  { { A, 49999999 }, A, 0, "0" },
  { { A, 125000 }, A, 2, "0.00" },
  { { A, 500000 }, A, 2, "0.01" },
  { { A, PCT (1000) }, D, 8, "2.77777778" },
  { { A, -PCT (10) }, M, 2, "-0.83" },
  { { A, -100000 }, A, 2, "0.00" },
  { { D, 5000000 }, A, 16, "18.0000000000000000" },
  { { D, SHORE_RATE_VALUE_MAX }, A, 16, "92233720368.5477580000000000" },
};

static const CompareCase compare_cases[] = {
  { { D, 5000000 }, { M, 150000000 }, 0 },
  { { M, 150000000 }, { A, PCT (18) }, 0 },
  { { D, 5000000 }, { A, PCT (18) }, 0 },
  { { A, PCT (18) }, { D, 5000000 }, 0 },
  { { A, PCT (18) + 1 }, { M, 150000000 }, 1 },
  { { D, 4999999 }, { A, PCT (18) }, -1 },
  { { A, PCT (24) }, { M, PCT (2) }, 0 },
  { { A, PCT (36) }, { D, 10000000 }, 0 },
  { { D, 10000000 }, { A, PCT (36) + 1 }, -1 },
  { { A, 0 }, { D, 0 }, 0 },
  { { A, -1 }, { D, 0 }, -1 },
  { { D, SHORE_RATE_VALUE_MAX }, { A, SHORE_RATE_VALUE_MAX }, 1 },
  { { M, G_MAXINT64 }, { D, G_MAXINT64 }, -1 },
};

static void
add_rows (const char    *prefix,
          gconstpointer  rows,
          gsize          row_size,
          gsize          n_rows,
          GTestDataFunc  check)
{
  gsize i;

  for (i = 0; i < n_rows; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%02" G_GSIZE_FORMAT, prefix, i);

      g_test_add_data_func (path, (const guint8 *) rows + i * row_size, check);
    }
}

#define ADD_ROWS(prefix, table, check) \
  add_rows (prefix, table, sizeof table[0], G_N_ELEMENTS (table), check)

#define RUN_TABLE(table, check)                       \
  G_STMT_START {                                      \
    gsize i_;                                         \
    for (i_ = 0; i_ < G_N_ELEMENTS (table); i_++)     \
      check (&table[i_]);                             \
  } G_STMT_END

static void
describe (const char *text)
{
  g_autofree char *shown = g_utf8_make_valid (text, -1);

  g_test_message ("parsing “%s”", shown);
}

static void
assert_rate_equal (const ShoreRate *a,
                   const ShoreRate *b)
{
  g_assert_cmpint (a->period, ==, b->period);
  g_assert_cmpint (a->value, ==, b->value);
}

static void
check_parse (gconstpointer data)
{
  const ParseCase *c = data;
  const ShoreRate expected = { c->period, c->value };
  g_autoptr(GError) error = NULL;
  ShoreRate rate = { D, SENTINEL };

  describe (c->text);
  g_assert_true (shore_rate_parse (c->text, &rate, &error));
  g_assert_no_error (error);
  assert_rate_equal (&rate, &expected);
  g_assert_true (shore_rate_parse (c->text, NULL, NULL));
}

static void
check_invalid (gconstpointer data)
{
  const InvalidCase *c = data;
  g_autoptr(GError) error = NULL;
  ShoreRate rate = { M, SENTINEL };

  describe (c->text);
  g_assert_false (shore_rate_parse (c->text, &rate, &error));
  g_assert_error (error, SHORE_RATE_ERROR, (gint) c->code);
  g_assert_cmpint (rate.period, ==, M);
  g_assert_cmpint (rate.value, ==, SENTINEL);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_false (shore_rate_parse (c->text, NULL, NULL));
}

static void
check_strings (gconstpointer data)
{
  const StringCase *c = data;
  g_autofree char *canonical = shore_rate_to_string (&c->rate);
  g_autofree char *display = shore_rate_format (&c->rate);
  g_autoptr(GError) error = NULL;
  ShoreRate back = { D, SENTINEL };

  g_assert_cmpstr (canonical, ==, c->canonical);
  g_assert_cmpstr (display, ==, c->display);

  if (c->rate.value >= 0)
    {
      g_assert_true (shore_rate_parse (canonical, &back, &error));
      g_assert_no_error (error);
      assert_rate_equal (&back, &c->rate);
    }
}

static void
check_period (gconstpointer data)
{
  const PeriodCase *c = data;
  gint64 num = SENTINEL;
  gint64 den = SENTINEL;

  shore_rate_in_period (&c->rate, c->target, &num, &den);
  g_assert_cmpint (num, ==, c->num);
  g_assert_cmpint (den, ==, c->den);
}

static void
check_apply (gconstpointer data)
{
  const ApplyCase *c = data;
  gint64 out = SENTINEL;
  gboolean ok;

  ok = shore_rate_apply (&c->rate, c->target, c->amount, c->times, &out);
  g_assert_cmpint (ok, ==, c->ok);
  g_assert_cmpint (out, ==, c->ok ? c->expected : SENTINEL);
}

static void
check_percent (gconstpointer data)
{
  const PercentCase *c = data;
  g_autofree char *text = shore_rate_format_percent (&c->rate, c->target, c->decimals);

  g_assert_cmpstr (text, ==, c->expected);
}

static void
check_compare (gconstpointer data)
{
  const CompareCase *c = data;
  int forward = shore_rate_compare (&c->a, &c->b);
  int backward = shore_rate_compare (&c->b, &c->a);

  g_assert_cmpint (forward < 0 ? -1 : forward > 0, ==, c->sign);
  g_assert_cmpint (backward < 0 ? -1 : backward > 0, ==, -c->sign);
  g_assert_cmpint (shore_rate_compare (&c->a, &c->a), ==, 0);
}

static void
test_parse (void)
{
  RUN_TABLE (parse_cases, check_parse);
}

static void
test_invalid (void)
{
  RUN_TABLE (invalid_cases, check_invalid);
}

static void
test_strings (void)
{
  RUN_TABLE (string_cases, check_strings);
}

static void
test_period (void)
{
  RUN_TABLE (period_cases, check_period);
}

static void
test_apply (void)
{
  RUN_TABLE (apply_cases, check_apply);
}

static void
test_percent (void)
{
  RUN_TABLE (percent_cases, check_percent);
}

static void
test_compare (void)
{
  RUN_TABLE (compare_cases, check_compare);
}

static gint64
gcd (gint64 a,
     gint64 b)
{
  while (b != 0)
    {
      gint64 t = a % b;

      a = b;
      b = t;
    }

  return a < 0 ? -a : a;
}

/* Every parsable rate survives to_string → parse, its conversions are
 * reduced fractions, and converting to a period and back is exact.
 */
static void
test_round_trip_random (void)
{
  static const gint64 annual_max[] = { 277777777, 8333333333, PCT (1000) };
  gsize i;

  for (i = 0; i < 3000; i++)
    {
      ShoreRate rate = { D, 0 };
      ShoreRate back = { D, SENTINEL };
      ShoreRatePeriod target;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      rate.period = (ShoreRatePeriod) g_test_rand_int_range (D, A + 1);
      rate.value = (gint64) (g_test_rand_double () * (double) annual_max[rate.period]);
      if (g_test_rand_bit ())
        rate.value = rate.value / 1000000 * 1000000; /* fewer decimals */
      text = shore_rate_to_string (&rate);

      g_assert_true (shore_rate_parse (text, &back, &error));
      g_assert_no_error (error);
      assert_rate_equal (&back, &rate);

      for (target = D; target <= A; target++)
        {
          gint64 num;
          gint64 den;
          gint64 interest;

          shore_rate_in_period (&rate, target, &num, &den);
          g_assert_cmpint (den, >, 0);
          g_assert_cmpint (gcd (num, den), ==, num == 0 ? den : 1);

          /* interest on 10⁸ yuan for one target period */
          g_assert_true (shore_rate_apply (&rate, target, G_GINT64_CONSTANT (10000000000), 1, &interest));
          g_assert_cmpint (interest, >=, 0);
        }
    }
}

static void
test_range_limits (void)
{
  ShoreRate daily_max = { D, 277777777 };
  ShoreRate monthly_max = { M, 8333333333 };
  ShoreRate annual_max = { A, SHORE_RATE_ANNUAL_MAX };
  ShoreRate rate;

  g_assert_cmpint (SHORE_RATE_ANNUAL_MAX, ==, PCT (1000));
  g_assert_cmpint (shore_rate_compare (&daily_max, &annual_max), <, 0);
  g_assert_cmpint (shore_rate_compare (&monthly_max, &annual_max), <, 0);

  g_assert_true (shore_rate_parse ("daily:2.77777777%", &rate, NULL));
  g_assert_false (shore_rate_parse ("daily:2.77777778%", &rate, NULL));
  g_assert_true (shore_rate_parse ("annual:1000%", &rate, NULL));
  g_assert_cmpint (shore_rate_compare (&rate, &annual_max), ==, 0);
  g_assert_false (shore_rate_parse ("annual:1000.00000001%", &rate, NULL));
}

static void
test_annual_from_hundredths (void)
{
  static const struct {
    gint64      hundredths;
    const char *text;
  } cases[] = {
    { 1540, "annual:15.4%" },
    { 0, "annual:0%" },
    { 1, "annual:0.01%" },
    { 2400, "annual:24%" },
    { 3600, "annual:36%" },
    { 100000, "annual:1000%" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ShoreRate made = shore_rate_annual_from_hundredths (cases[i].hundredths);
      ShoreRate parsed;
      g_autofree char *text = shore_rate_to_string (&made);

      g_assert_true (shore_rate_parse (cases[i].text, &parsed, NULL));
      assert_rate_equal (&made, &parsed);
      g_assert_cmpstr (text, ==, cases[i].text);
    }

  g_assert_cmpint (shore_rate_annual_from_hundredths (1540).value, ==, 1540000000);
}

static void
test_period_names (void)
{
  static const char *const bad[] = { "Daily", "yearly", "", "daily ", "日", "annually" };
  ShoreRatePeriod period;
  gsize i;

  g_assert_cmpstr (shore_rate_period_to_string (D), ==, "daily");
  g_assert_cmpstr (shore_rate_period_to_string (M), ==, "monthly");
  g_assert_cmpstr (shore_rate_period_to_string (A), ==, "annual");

  for (period = D; period <= A; period++)
    {
      ShoreRatePeriod back = (ShoreRatePeriod) 99;

      g_assert_true (shore_rate_period_from_string (shore_rate_period_to_string (period), &back));
      g_assert_cmpint (back, ==, period);
    }

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      period = (ShoreRatePeriod) 99;
      g_assert_false (shore_rate_period_from_string (bad[i], &period));
      g_assert_cmpint (period, ==, 99);
    }
}

static void
test_error_messages (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (shore_rate_parse ("daily:-1%", NULL, &error));
  g_assert_error (error, SHORE_RATE_ERROR, SHORE_RATE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“daily:-1%”"));
  g_assert_nonnull (strstr (error->message, "negative"));
  g_clear_error (&error);

  g_assert_false (shore_rate_parse ("daily:2.78%", NULL, &error));
  g_assert_error (error, SHORE_RATE_ERROR, SHORE_RATE_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "1000% a year"));
  g_clear_error (&error);

  g_assert_false (shore_rate_parse ("monthly 1.5", NULL, &error));
  g_assert_nonnull (strstr (error->message, "monthly:1.5%"));
}

static void
test_preconditions (void)
{
  const ShoreRate bad_period = { (ShoreRatePeriod) 7, 1 };
  const ShoreRate too_large = { D, SHORE_RATE_VALUE_MAX + 1 };
  const ShoreRate fine = { D, 1 };
  gint64 num = SENTINEL;
  gint64 den = SENTINEL;

  g_test_expect_message ("shore-rate", G_LOG_LEVEL_CRITICAL, "*is_valid_rate*");
  shore_rate_in_period (&bad_period, A, &num, &den);
  g_test_assert_expected_messages ();
  g_assert_cmpint (num, ==, 0);
  g_assert_cmpint (den, ==, 1);

  g_test_expect_message ("shore-rate", G_LOG_LEVEL_CRITICAL, "*is_valid_rate*");
  g_assert_false (shore_rate_apply (&too_large, A, 1, 1, &num));
  g_test_assert_expected_messages ();

  g_test_expect_message ("shore-rate", G_LOG_LEVEL_CRITICAL, "*decimals*");
  g_assert_null (shore_rate_format_percent (&fine, A, 17));
  g_test_assert_expected_messages ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rate/parse/valid", test_parse);
  ADD_ROWS ("/rate/parse/valid", parse_cases, check_parse);
  g_test_add_func ("/rate/parse/invalid", test_invalid);
  ADD_ROWS ("/rate/parse/invalid", invalid_cases, check_invalid);
  g_test_add_func ("/rate/parse/range-limits", test_range_limits);
  g_test_add_func ("/rate/parse/error-messages", test_error_messages);
  g_test_add_func ("/rate/strings", test_strings);
  ADD_ROWS ("/rate/strings", string_cases, check_strings);
  g_test_add_func ("/rate/round-trip-random", test_round_trip_random);
  g_test_add_func ("/rate/in-period", test_period);
  ADD_ROWS ("/rate/in-period", period_cases, check_period);
  g_test_add_func ("/rate/apply", test_apply);
  ADD_ROWS ("/rate/apply", apply_cases, check_apply);
  g_test_add_func ("/rate/format-percent", test_percent);
  ADD_ROWS ("/rate/format-percent", percent_cases, check_percent);
  g_test_add_func ("/rate/compare", test_compare);
  ADD_ROWS ("/rate/compare", compare_cases, check_compare);
  g_test_add_func ("/rate/annual-from-hundredths", test_annual_from_hundredths);
  g_test_add_func ("/rate/period-names", test_period_names);
  g_test_add_func ("/rate/preconditions", test_preconditions);

  return g_test_run ();
}
