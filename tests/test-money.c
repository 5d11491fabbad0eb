/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "shore-money.h"

#define SENTINEL G_GINT64_CONSTANT (424242)

typedef struct
{
  const char *text;
  gint64      fen;
} ValidCase;

typedef struct
{
  const char      *text;
  ShoreMoneyError  code;
} InvalidCase;

typedef struct
{
  gint64      fen;
  const char *formatted;
  const char *plain;
} FormatCase;

typedef struct
{
  gboolean subtract;
  gint64   a;
  gint64   b;
  gboolean ok;
  gint64   expected;
} AddSubCase;

typedef struct
{
  gint64   a;
  gint64   b;
  gint64   c;
  gboolean ok;
  gint64   expected;
} MulDivCase;

static const ValidCase valid_cases[] = {
  { "0", 0 },
  { "1,234.56", 123456 },
  { "¥12", 1200 },
  { "12.5元", 1250 },
  { "-3.00", -300 },
  { "－¥3", -300 },
  { "１２３．４５", 12345 },
  { "¥-1.5", -150 },
  { " 0.01 ", 1 },
  { ".5", 50 },
  { "-.5", -50 },
  { "\u3000\t12.34\u3000", 1234 },
  { "1\u00a0", 100 },
  { "+7", 700 },
  { "\u22127", -700 },
  { "＋7", 700 },
  { "￥1,000", 100000 },
  { "RMB 1,234.56", 123456 },
  { "rmb1", 100 },
  { "CNY-2.5", -250 },
  { "-CNY 2.5", -250 },
  { "Cny 8", 800 },
  { "ＲＭＢ５", 500 },
  { "12 元", 1200 },
  { "12CNY", 1200 },
  { "12 cny", 1200 },
  { "100 RMB", 10000 },
  { "¥12元", 1200 },
  { "¥ -3", -300 },
  { "-¥ 3", -300 },
  { "1,234,567.8", 123456780 },
  { "1，234，567．89", 123456789 },
  { "１,２３４", 123400 },
  { "999", 99900 },
  { "007", 700 },
  { "0.1", 10 },
  { "-0", 0 },
  { "92233720368547758.07", G_MAXINT64 },
  { "-92233720368547758.07", -G_MAXINT64 },
  { "92,233,720,368,547,758.07", G_MAXINT64 },
  { "¥92,233,720,368,547,758.07元", G_MAXINT64 },
};

static const InvalidCase invalid_cases[] = {
  { "", SHORE_MONEY_ERROR_EMPTY },
  { "   ", SHORE_MONEY_ERROR_EMPTY },
  { "\u3000\t\n", SHORE_MONEY_ERROR_EMPTY },
  { "abc", SHORE_MONEY_ERROR_INVALID },
  { "1..2", SHORE_MONEY_ERROR_INVALID },
  { "1.2.3", SHORE_MONEY_ERROR_INVALID },
  { "12元元", SHORE_MONEY_ERROR_INVALID },
  { "12元 元", SHORE_MONEY_ERROR_INVALID },
  { "¥", SHORE_MONEY_ERROR_INVALID },
  { "-", SHORE_MONEY_ERROR_INVALID },
  { "元", SHORE_MONEY_ERROR_INVALID },
  { "RMB", SHORE_MONEY_ERROR_INVALID },
  { ".", SHORE_MONEY_ERROR_INVALID },
  { "-.", SHORE_MONEY_ERROR_INVALID },
  { "1e5", SHORE_MONEY_ERROR_INVALID },
  { "1.234e5", SHORE_MONEY_ERROR_INVALID },
  { "0x10", SHORE_MONEY_ERROR_INVALID },
  { "1.", SHORE_MONEY_ERROR_INVALID },
  { "1.,5", SHORE_MONEY_ERROR_INVALID },
  { "1 000", SHORE_MONEY_ERROR_INVALID },
  { "1,23", SHORE_MONEY_ERROR_INVALID },
  { "12,34.5", SHORE_MONEY_ERROR_INVALID },
  { "1234,567", SHORE_MONEY_ERROR_INVALID },
  { ",123", SHORE_MONEY_ERROR_INVALID },
  { "1,,234", SHORE_MONEY_ERROR_INVALID },
  { "1,234,", SHORE_MONEY_ERROR_INVALID },
  { "1,2345", SHORE_MONEY_ERROR_INVALID },
  { "¥1,23", SHORE_MONEY_ERROR_INVALID },
  { "--1", SHORE_MONEY_ERROR_INVALID },
  { "+-1", SHORE_MONEY_ERROR_INVALID },
  { "1-", SHORE_MONEY_ERROR_INVALID },
  { "- 3", SHORE_MONEY_ERROR_INVALID },
  { "¥- 3", SHORE_MONEY_ERROR_INVALID },
  { "- ¥3", SHORE_MONEY_ERROR_INVALID },
  { "¥¥1", SHORE_MONEY_ERROR_INVALID },
  { "¥12¥", SHORE_MONEY_ERROR_INVALID },
  { "USD 12", SHORE_MONEY_ERROR_INVALID },
  { "1/2", SHORE_MONEY_ERROR_INVALID },
  { "NaN", SHORE_MONEY_ERROR_INVALID },
  { "inf", SHORE_MONEY_ERROR_INVALID },
  { "\u0661\u0662\u0663", SHORE_MONEY_ERROR_INVALID },
  { "\xff", SHORE_MONEY_ERROR_INVALID },
  { "12\xe4\xb8", SHORE_MONEY_ERROR_INVALID },
  { "1\xc0\xaf", SHORE_MONEY_ERROR_INVALID },
  { "1.234", SHORE_MONEY_ERROR_TOO_MANY_DECIMALS },
  { "0.001", SHORE_MONEY_ERROR_TOO_MANY_DECIMALS },
  { "1,234.567", SHORE_MONEY_ERROR_TOO_MANY_DECIMALS },
  { "¥-0.125元", SHORE_MONEY_ERROR_TOO_MANY_DECIMALS },
  { "92233720368547758.08", SHORE_MONEY_ERROR_OVERFLOW },
  { "-92233720368547758.08", SHORE_MONEY_ERROR_OVERFLOW },
  { "92233720368547759", SHORE_MONEY_ERROR_OVERFLOW },
  { "184467440737095516.16", SHORE_MONEY_ERROR_OVERFLOW },
  { "99999999999999999999999999", SHORE_MONEY_ERROR_OVERFLOW },
  { "100,000,000,000,000,000", SHORE_MONEY_ERROR_OVERFLOW },
};

static const FormatCase format_cases[] = {
  { 0, "¥0.00", "0.00" },
  { 5, "¥0.05", "0.05" },
  { 99, "¥0.99", "0.99" },
  { 100, "¥1.00", "1.00" },
  { 1000, "¥10.00", "10.00" },
  { 99999, "¥999.99", "999.99" },
  { 100000, "¥1,000.00", "1000.00" },
  { 123456, "¥1,234.56", "1234.56" },
  { 123456789, "¥1,234,567.89", "1234567.89" },
  { 12345678900, "¥123,456,789.00", "123456789.00" },
  { 100000000000, "¥1,000,000,000.00", "1000000000.00" },
  { -5, "-¥0.05", "-0.05" },
  { -300, "-¥3.00", "-3.00" },
  { -100000, "-¥1,000.00", "-1000.00" },
  { -123456789, "-¥1,234,567.89", "-1234567.89" },
  { G_MAXINT64, "¥92,233,720,368,547,758.07", "92233720368547758.07" },
  { -G_MAXINT64, "-¥92,233,720,368,547,758.07", "-92233720368547758.07" },
  { G_MININT64, "-¥92,233,720,368,547,758.08", "-92233720368547758.08" },
};

static const AddSubCase add_sub_cases[] = {
  { FALSE, 1, 2, TRUE, 3 },
  { FALSE, -5, 5, TRUE, 0 },
  { FALSE, G_MAXINT64, 0, TRUE, G_MAXINT64 },
  { FALSE, G_MAXINT64, 1, FALSE, 0 },
  { FALSE, G_MININT64, -1, FALSE, 0 },
  { FALSE, G_MININT64, G_MAXINT64, TRUE, -1 },
  { FALSE, G_MAXINT64, G_MAXINT64, FALSE, 0 },
  { TRUE, 10, 3, TRUE, 7 },
  { TRUE, -1, G_MAXINT64, TRUE, G_MININT64 },
  { TRUE, 0, G_MININT64, FALSE, 0 },
  { TRUE, G_MININT64, 1, FALSE, 0 },
  { TRUE, G_MAXINT64, -1, FALSE, 0 },
  { TRUE, G_MININT64, G_MININT64, TRUE, 0 },
};

static const MulDivCase mul_div_cases[] = {
  { 5, 1, 2, TRUE, 3 },
  { -5, 1, 2, TRUE, -3 },
  { 5, -1, 2, TRUE, -3 },
  { 5, 1, -2, TRUE, -3 },
  { -5, -1, 2, TRUE, 3 },
  { -5, 1, -2, TRUE, 3 },
  { 149, 1, 100, TRUE, 1 },
  { 150, 1, 100, TRUE, 2 },
  { 151, 1, 100, TRUE, 2 },
  { -149, 1, 100, TRUE, -1 },
  { -150, 1, 100, TRUE, -2 },
  { 1, 1, 3, TRUE, 0 },
  { 2, 1, 3, TRUE, 1 },
  { 0, 123, 7, TRUE, 0 },
  { 1000000, 150000000, 10000000000, TRUE, 15000 },
  { 12345, 3, 200, TRUE, 185 },
  { G_MAXINT64, G_MAXINT64, G_MAXINT64, TRUE, G_MAXINT64 },
  { G_MAXINT64, 2, 2, TRUE, G_MAXINT64 },
  { G_MAXINT64, 2, 1, FALSE, 0 },
  { G_MAXINT64, 3, 2, FALSE, 0 },
  { G_MAXINT64, 1, -1, TRUE, -G_MAXINT64 },
  { G_MININT64, 1, 1, TRUE, G_MININT64 },
  { G_MININT64, -1, 1, FALSE, 0 },
  { G_MININT64, 1, -1, FALSE, 0 },
  { G_MININT64, G_MININT64, G_MININT64, TRUE, G_MININT64 },
  { G_MININT64, G_MININT64, 1, FALSE, 0 },
  { G_MININT64, G_MININT64, G_MAXINT64, FALSE, 0 },
  { G_MININT64, G_MAXINT64, G_MAXINT64, TRUE, G_MININT64 },
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

/* TAP output must stay valid UTF-8 */
static void
describe (const char *text)
{
  g_autofree char *shown = g_utf8_make_valid (text, -1);

  g_test_message ("parsing “%s”", shown);
}

static void
check_valid (gconstpointer data)
{
  const ValidCase *c = data;
  g_autoptr(GError) error = NULL;
  gint64 fen = SENTINEL;

  describe (c->text);
  g_assert_true (shore_money_parse (c->text, &fen, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fen, ==, c->fen);

  /* Validation alone, without a place for the result */
  g_assert_true (shore_money_parse (c->text, NULL, NULL));
}

static void
check_invalid (gconstpointer data)
{
  const InvalidCase *c = data;
  g_autoptr(GError) error = NULL;
  gint64 fen = SENTINEL;

  describe (c->text);
  g_assert_false (shore_money_parse (c->text, &fen, &error));
  g_assert_error (error, SHORE_MONEY_ERROR, (gint) c->code);
  g_assert_cmpint (fen, ==, SENTINEL);

  /* The message is shown to people: valid UTF-8, never empty */
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (c->code != SHORE_MONEY_ERROR_EMPTY)
    g_assert_nonnull (strstr (error->message, "“"));

  g_assert_false (shore_money_parse (c->text, NULL, NULL));
}

static void
check_format (gconstpointer data)
{
  const FormatCase *c = data;
  g_autofree char *formatted = shore_money_format (c->fen);
  g_autofree char *plain = shore_money_format_plain (c->fen);

  g_assert_cmpstr (formatted, ==, c->formatted);
  g_assert_cmpstr (plain, ==, c->plain);
}

static void
check_add_sub (gconstpointer data)
{
  const AddSubCase *c = data;
  gint64 out = SENTINEL;
  gboolean ok;

  if (c->subtract)
    ok = shore_money_sub (c->a, c->b, &out);
  else
    ok = shore_money_add (c->a, c->b, &out);

  g_assert_cmpint (ok, ==, c->ok);
  g_assert_cmpint (out, ==, c->ok ? c->expected : SENTINEL);
}

static void
check_mul_div (gconstpointer data)
{
  const MulDivCase *c = data;
  gint64 out = SENTINEL;
  gboolean ok;

  ok = shore_money_mul_div (c->a, c->b, c->c, &out);
  g_assert_cmpint (ok, ==, c->ok);
  g_assert_cmpint (out, ==, c->ok ? c->expected : SENTINEL);
}

static void
test_parse_valid (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    check_valid (&valid_cases[i]);
}

static void
test_parse_invalid (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    check_invalid (&invalid_cases[i]);
}

static void
test_format (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (format_cases); i++)
    check_format (&format_cases[i]);
}

static void
test_add_sub (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (add_sub_cases); i++)
    check_add_sub (&add_sub_cases[i]);
}

static void
test_mul_div (void)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (mul_div_cases); i++)
    check_mul_div (&mul_div_cases[i]);
}

static void
assert_round_trip (gint64 fen)
{
  g_autofree char *formatted = shore_money_format (fen);
  g_autofree char *plain = shore_money_format_plain (fen);
  g_autoptr(GError) error = NULL;
  gint64 back = SENTINEL;

  g_assert_true (shore_money_parse (formatted, &back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (back, ==, fen);

  back = SENTINEL;
  g_assert_true (shore_money_parse (plain, &back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (back, ==, fen);
}

static void
test_round_trip (void)
{
  static const gint64 values[] = {
    0, 1, -1, 5, 99, 100, 101, 999, 1000, 99999, 100000, 123456, 123456789,
    G_MAXINT32, G_MININT32, G_MAXINT64, -G_MAXINT64, G_MAXINT64 - 1, -G_MAXINT64 + 1,
    G_MAXINT64 / 100 * 100, G_GINT64_CONSTANT (1000000000000000000),
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *min = NULL;
  gint64 fen = SENTINEL;
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (values); i++)
    {
      assert_round_trip (values[i]);
      assert_round_trip (-values[i]);
    }

  for (i = 0; i < 2000; i++)
    {
      guint64 bits = ((guint64) (guint32) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();
      gint64 value = (gint64) bits;

      if (value == G_MININT64)
        continue;
      assert_round_trip (value);
      assert_round_trip (value / ((gint64) 1 << g_test_rand_int_range (0, 63)));
    }

  /* G_MININT64 formats, but is one fen beyond what parsing accepts */
  min = shore_money_format (G_MININT64);
  g_assert_false (shore_money_parse (min, &fen, &error));
  g_assert_error (error, SHORE_MONEY_ERROR, SHORE_MONEY_ERROR_OVERFLOW);
  g_assert_cmpint (fen, ==, SENTINEL);
}

/* Random bytes and random decorations of numbers: no crash, a definite
 * answer, and an error message that is valid UTF-8.
 */
static void
test_parse_fuzz (void)
{
  static const char *const pieces[] = {
    "1", "0", "9", ",", "，", ".", "．", "-", "－", "+", "¥", "￥", "元", "RMB",
    " ", "\u3000", "e", "\xff", "\xe4", "１", "CNY",
  };
  gsize i;

  for (i = 0; i < 5000; i++)
    {
      g_autoptr(GError) error = NULL;
      GString *text = g_string_new (NULL);
      g_autofree char *owned = NULL;
      gint64 fen = SENTINEL;
      gint n = g_test_rand_int_range (0, 12);
      gint j;

      for (j = 0; j < n; j++)
        {
          if (g_test_rand_bit ())
            g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
          else
            g_string_append_c (text, (char) g_test_rand_int_range (1, 256));
        }
      owned = g_string_free (text, FALSE);

      if (shore_money_parse (owned, &fen, &error))
        {
          g_assert_no_error (error);
          g_assert_cmpint (fen, !=, G_MININT64);
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == SHORE_MONEY_ERROR);
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          g_assert_cmpint (fen, ==, SENTINEL);
        }
    }
}

static void
test_error_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *quoted = NULL;
  gint64 fen = SENTINEL;

  g_assert_false (shore_money_parse ("  12,34 ", &fen, &error));
  g_assert_error (error, SHORE_MONEY_ERROR, SHORE_MONEY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“12,34”"));
  g_clear_error (&error);

  g_assert_false (shore_money_parse ("92233720368547758.08", &fen, &error));
  g_assert_error (error, SHORE_MONEY_ERROR, SHORE_MONEY_ERROR_OVERFLOW);
  g_assert_nonnull (strstr (error->message, "¥92,233,720,368,547,758.07"));
  g_clear_error (&error);

  /* Long pasted text is cut short, invalid UTF-8 replaced */
  quoted = shore_money_quote_input ("  0123456789012345678901234567890123456789012345 ");
  g_assert_cmpstr (quoted, ==, "012345678901234567890123456789012345678…");
  g_clear_pointer (&quoted, g_free);
  quoted = shore_money_quote_input ("\u3000¥1\xff\u3000");
  g_assert_cmpstr (quoted, ==, "¥1\uFFFD");
}

static void
test_fold_char (void)
{
  g_assert_cmpuint (shore_money_fold_char (0xFF10), ==, '0');
  g_assert_cmpuint (shore_money_fold_char (0xFF19), ==, '9');
  g_assert_cmpuint (shore_money_fold_char (0xFF0C), ==, ',');
  g_assert_cmpuint (shore_money_fold_char (0xFF0E), ==, '.');
  g_assert_cmpuint (shore_money_fold_char (0xFF05), ==, '%');
  g_assert_cmpuint (shore_money_fold_char (0xFF1A), ==, ':');
  g_assert_cmpuint (shore_money_fold_char (0x2212), ==, '-');
  g_assert_cmpuint (shore_money_fold_char (0xFFE5), ==, 0x00A5);
  g_assert_cmpuint (shore_money_fold_char (0x5143), ==, 0x5143);
  g_assert_cmpuint (shore_money_fold_char ('7'), ==, '7');
}

static void
test_wide_div_round (void)
{
  const ShoreMoneyWide max = (ShoreMoneyWide) (((unsigned __int128) 1 << 127) - 1);
  const ShoreMoneyWide min = -max - 1;
  ShoreMoneyWide out = 42;

  g_assert_true (shore_money_wide_div_round (7, 2, &out));
  g_assert_true (out == 4);
  g_assert_true (shore_money_wide_div_round (-7, 2, &out));
  g_assert_true (out == -4);
  g_assert_true (shore_money_wide_div_round (max, max, &out));
  g_assert_true (out == 1);
  g_assert_true (shore_money_wide_div_round (min, 1, &out));
  g_assert_true (out == min);
  g_assert_true (shore_money_wide_div_round (min, 2, &out));
  g_assert_true (out == min / 2);
  g_assert_true (shore_money_wide_div_round (max, -2, &out));
  g_assert_true (out == -(max / 2) - 1);

  out = 42;
  g_assert_false (shore_money_wide_div_round (min, -1, &out));
  g_assert_true (out == 42);
}

/* Preconditions are checked, not undefined behaviour */
static void
test_preconditions (void)
{
  gint64 out = SENTINEL;

  g_test_expect_message ("shore-money", G_LOG_LEVEL_CRITICAL, "*c != 0*");
  g_assert_false (shore_money_mul_div (1, 1, 0, &out));
  g_test_assert_expected_messages ();
  g_assert_cmpint (out, ==, SENTINEL);

  g_test_expect_message ("shore-money", G_LOG_LEVEL_CRITICAL, "*text != NULL*");
  g_assert_false (shore_money_parse (NULL, &out, NULL));
  g_test_assert_expected_messages ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse/valid", test_parse_valid);
  ADD_ROWS ("/money/parse/valid", valid_cases, check_valid);
  g_test_add_func ("/money/parse/invalid", test_parse_invalid);
  ADD_ROWS ("/money/parse/invalid", invalid_cases, check_invalid);
  g_test_add_func ("/money/parse/round-trip", test_round_trip);
  g_test_add_func ("/money/parse/fuzz", test_parse_fuzz);
  g_test_add_func ("/money/parse/error-message", test_error_message);
  g_test_add_func ("/money/parse/fold-char", test_fold_char);
  g_test_add_func ("/money/format", test_format);
  ADD_ROWS ("/money/format", format_cases, check_format);
  g_test_add_func ("/money/add-sub", test_add_sub);
  ADD_ROWS ("/money/add-sub", add_sub_cases, check_add_sub);
  g_test_add_func ("/money/mul-div", test_mul_div);
  ADD_ROWS ("/money/mul-div", mul_div_cases, check_mul_div);
  g_test_add_func ("/money/wide-div-round", test_wide_div_round);
  g_test_add_func ("/money/preconditions", test_preconditions);

  return g_test_run ();
}
