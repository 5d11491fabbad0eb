/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-money"

#include "config.h"

#include <string.h>

#include <glib.h>
#include "shore-intl.h"

#include "shore-money.h"
#include "shore-scanner.h"

#define YEN_SIGN        0x00A5 /* ¥; the full-width ￥ folds to it */
#define YUAN_SIGN       0x5143 /* 元 */
#define MAX_QUOTED      40     /* characters of the input repeated in a message */

__extension__ typedef unsigned __int128 UWide;

#define WIDE_MAX ((ShoreMoneyWide) (((UWide) 1 << 127) - 1))

G_DEFINE_QUARK (shore-money-error-quark, shore_money_error)

/**
 * shore_money_fold_char: (skip)
 * @c: a character
 *
 * Folds the full-width forms that Chinese input methods produce (digits,
 * punctuation, letters, ￥) and the minus sign U+2212 to the plain
 * characters the parsers expect. Bills copied from apps mix both widths.
 *
 * Returns: the folded character
 */
gunichar
shore_money_fold_char (gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E) /* ！ to ～, the full-width ASCII block */
    return c - 0xFEE0;

  switch (c)
    {
    case 0x2212: /* − MINUS SIGN */
      return '-';
    case 0xFFE5: /* ￥ FULLWIDTH YEN SIGN */
      return YEN_SIGN;
    default:
      return c;
    }
}

/**
 * shore_money_quote_input: (skip)
 * @text: what a person typed, possibly invalid UTF-8
 *
 * Returns: (transfer full): @text as it may appear inside an error
 *   message: valid UTF-8, trimmed, and short enough for a toast
 */
char *
shore_money_quote_input (const char *text)
{
  g_autofree char *valid = NULL;
  const char *start;
  const char *end;
  GString *quoted;
  glong n;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  start = valid;
  end = valid + strlen (valid);
  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);

      if (prev == NULL || !g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  n = g_utf8_strlen (start, end - start);
  if (n <= MAX_QUOTED)
    return g_strndup (start, end - start);

  quoted = g_string_new_len (start, g_utf8_offset_to_pointer (start, MAX_QUOTED - 1) - start);
  g_string_append (quoted, "…");
  return g_string_free (quoted, FALSE);
}

static gboolean
fail (GError          **error,
      ShoreMoneyError   code,
      const char       *text)
{
  g_autofree char *quoted = NULL;
  g_autofree char *limit = NULL;

  switch (code)
    {
    case SHORE_MONEY_ERROR_EMPTY:
      g_set_error_literal (error, SHORE_MONEY_ERROR, code,
                           _("The amount is empty; type a number such as 1,234.56"));
      break;

    case SHORE_MONEY_ERROR_INVALID:
      quoted = shore_money_quote_input (text);
      g_set_error (error, SHORE_MONEY_ERROR, code,
                   /* Translators: %s is what the person typed */
                   _("“%s” is not an amount of money; type a number such as 1,234.56"),
                   quoted);
      break;

    case SHORE_MONEY_ERROR_TOO_MANY_DECIMALS:
      quoted = shore_money_quote_input (text);
      g_set_error (error, SHORE_MONEY_ERROR, code,
                   /* Translators: %s is what the person typed; a fen is 0.01 yuan */
                   _("“%s” has more than two decimals; amounts go down to the fen, such as 12.34"),
                   quoted);
      break;

    case SHORE_MONEY_ERROR_OVERFLOW:
      quoted = shore_money_quote_input (text);
      limit = shore_money_format (G_MAXINT64);
      g_set_error (error, SHORE_MONEY_ERROR, code,
                   /* Translators: the first %s is what the person typed, the second is ¥92,233,720,368,547,758.07 */
                   _("“%s” is too large; amounts must lie within ±%s"),
                   quoted, limit);
      break;

    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

static gboolean
accept_sign (ShoreScanner  *s,
             gboolean *negative)
{
  gunichar c = shore_scanner_peek (s);

  if (c != '-' && c != '+')
    return FALSE;

  *negative = (c == '-');
  s->pos++;
  return TRUE;
}

static gboolean
accept_currency_prefix (ShoreScanner *s)
{
  if (shore_scanner_peek (s) == YEN_SIGN)
    {
      s->pos++;
      return TRUE;
    }

  return shore_scanner_accept_word (s, "RMB") || shore_scanner_accept_word (s, "CNY");
}

static gboolean
accept_currency_suffix (ShoreScanner *s)
{
  if (shore_scanner_peek (s) == YUAN_SIGN)
    {
      s->pos++;
      return TRUE;
    }

  return shore_scanner_accept_word (s, "CNY") || shore_scanner_accept_word (s, "RMB");
}

/* Appends one decimal digit to @value; FALSE once it passes %G_MAXINT64 */
static gboolean
push_digit (guint64 *value,
            guint    digit)
{
  if (*value > ((guint64) G_MAXINT64 - digit) / 10)
    return FALSE;

  *value = *value * 10 + digit;
  return TRUE;
}

/* Reads the integer part: plain digits, or groups of three separated by
 * commas. Leaves overflow to the caller through @in_range.
 */
static gboolean
scan_integer_part (ShoreScanner  *s,
                   guint64  *yuan,
                   gboolean *in_range,
                   guint    *n_digits)
{
  guint group = 0;

  *n_digits = 0;
  while (shore_scanner_at_digit (s))
    {
      *in_range = push_digit (yuan, shore_scanner_peek (s) - '0') && *in_range;
      (*n_digits)++;
      group++;
      s->pos++;
    }

  if (shore_scanner_peek (s) != ',')
    return TRUE;

  if (group == 0 || group > 3)
    return FALSE;

  while (shore_scanner_peek (s) == ',')
    {
      s->pos++;
      for (group = 0; shore_scanner_at_digit (s); group++, s->pos++)
        {
          *in_range = push_digit (yuan, shore_scanner_peek (s) - '0') && *in_range;
          (*n_digits)++;
        }
      if (group != 3)
        return FALSE;
    }

  return TRUE;
}

/**
 * shore_money_parse:
 * @text: what a person typed or a bill contains, in UTF-8
 * @out_fen: (out) (optional): where to store the amount in fen
 * @error: return location for a #ShoreMoneyError
 *
 * Reads an amount of money in yuan, such as “1,234.56”, “¥12”, “12.5元”,
 * “－¥3” or “１２３．４５”, into fen (1 yuan = 100 fen).
 *
 * White space (including the ideographic space U+3000) may surround the
 * amount and follow a currency prefix or precede a suffix. A sign (+, -,
 * −, ＋, －) may stand before or after a currency prefix (¥, ￥, RMB or
 * CNY, any case); a suffix may be 元, CNY or RMB. Thousands separators (,
 * or ，) must separate groups of exactly three digits. The fraction has
 * one or two digits after . or ．; a leading point (“.5”) is accepted.
 * Full-width digits are accepted. The amount must lie within
 * ±%G_MAXINT64 fen.
 *
 * On failure @out_fen is left untouched.
 *
 * Returns: %TRUE if @text was an amount
 */
gboolean
shore_money_parse (const char  *text,
                   gint64      *out_fen,
                   GError     **error)
{
  g_auto(ShoreScanner) s = { NULL, 0, 0 };
  gboolean negative = FALSE;
  gboolean in_range = TRUE;
  guint64 value = 0;
  guint64 fraction = 0;
  guint n_integer = 0;
  guint n_fraction = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!shore_scanner_init (&s, text))
    return fail (error, SHORE_MONEY_ERROR_INVALID, text);
  if (shore_scanner_at_end (&s))
    return fail (error, SHORE_MONEY_ERROR_EMPTY, text);

  /* “-¥ 3”, “¥ -3”, “RMB 3”; a sign touches what follows it, so “- 3” is
   * refused like “1 000”.
   */
  if (accept_sign (&s, &negative))
    {
      if (accept_currency_prefix (&s))
        shore_scanner_skip_space (&s);
    }
  else if (accept_currency_prefix (&s))
    {
      shore_scanner_skip_space (&s);
      accept_sign (&s, &negative);
    }

  if (!scan_integer_part (&s, &value, &in_range, &n_integer))
    return fail (error, SHORE_MONEY_ERROR_INVALID, text);

  if (shore_scanner_peek (&s) == '.')
    {
      s.pos++;
      for (; shore_scanner_at_digit (&s); s.pos++, n_fraction++)
        if (n_fraction < 2)
          fraction = fraction * 10 + (shore_scanner_peek (&s) - '0');
      if (n_fraction == 0)
        return fail (error, SHORE_MONEY_ERROR_INVALID, text);
    }
  if (n_integer == 0 && n_fraction == 0)
    return fail (error, SHORE_MONEY_ERROR_INVALID, text);

  shore_scanner_skip_space (&s);
  accept_currency_suffix (&s);
  if (s.pos != s.end)
    return fail (error, SHORE_MONEY_ERROR_INVALID, text);

  if (n_fraction > 2)
    return fail (error, SHORE_MONEY_ERROR_TOO_MANY_DECIMALS, text);

  if (n_fraction == 1)
    fraction *= 10;
  in_range = in_range
             && push_digit (&value, fraction / 10)
             && push_digit (&value, fraction % 10);
  if (!in_range)
    return fail (error, SHORE_MONEY_ERROR_OVERFLOW, text);

  if (out_fen != NULL)
    *out_fen = negative ? -(gint64) value : (gint64) value;

  return TRUE;
}

static char *
format_fen (gint64      fen,
            const char *symbol,
            gboolean    grouped)
{
  /* Magnitude through unsigned arithmetic, so that G_MININT64 works */
  guint64 magnitude = fen < 0 ? 0 - (guint64) fen : (guint64) fen;
  char digits[32];
  GString *str = g_string_sized_new (32);
  gsize n;
  gsize i;

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude / 100);
  n = strlen (digits);

  if (fen < 0)
    g_string_append_c (str, '-');
  g_string_append (str, symbol);
  for (i = 0; i < n; i++)
    {
      if (grouped && i > 0 && (n - i) % 3 == 0)
        g_string_append_c (str, ',');
      g_string_append_c (str, digits[i]);
    }
  g_string_append_printf (str, ".%02u", (guint) (magnitude % 100));

  return g_string_free (str, FALSE);
}

/**
 * shore_money_format:
 * @fen: an amount in fen, any #gint64
 *
 * Formats an amount for people: “¥1,234.56”, “-¥3.00”, “¥0.00”. Thousands
 * are grouped with commas and there are always two decimals. The result
 * parses back to @fen, except for %G_MININT64 which is outside what
 * shore_money_parse() accepts.
 *
 * Returns: (transfer full): a newly allocated string
 */
char *
shore_money_format (gint64 fen)
{
  return format_fen (fen, "¥", TRUE);
}

/**
 * shore_money_format_plain:
 * @fen: an amount in fen, any #gint64
 *
 * Formats an amount for files (JSON, CSV): “1234.56”, “-3.00”; no currency
 * symbol, no grouping, always two decimals.
 *
 * Returns: (transfer full): a newly allocated string
 */
char *
shore_money_format_plain (gint64 fen)
{
  return format_fen (fen, "", FALSE);
}

/**
 * shore_money_add:
 * @a: an amount in fen
 * @b: an amount in fen
 * @out: (out): where to store @a + @b
 *
 * Adds without overflowing; @out is left untouched on overflow.
 *
 * Returns: %FALSE if the sum does not fit in a #gint64
 */
gboolean
shore_money_add (gint64  a,
                 gint64  b,
                 gint64 *out)
{
  gint64 sum;

  g_return_val_if_fail (out != NULL, FALSE);

  if (__builtin_add_overflow (a, b, &sum))
    return FALSE;

  *out = sum;
  return TRUE;
}

/**
 * shore_money_sub:
 * @a: an amount in fen
 * @b: an amount in fen
 * @out: (out): where to store @a - @b
 *
 * Subtracts without overflowing; @out is left untouched on overflow.
 *
 * Returns: %FALSE if the difference does not fit in a #gint64
 */
gboolean
shore_money_sub (gint64  a,
                 gint64  b,
                 gint64 *out)
{
  gint64 difference;

  g_return_val_if_fail (out != NULL, FALSE);

  if (__builtin_sub_overflow (a, b, &difference))
    return FALSE;

  *out = difference;
  return TRUE;
}

/**
 * shore_money_wide_div_round: (skip)
 * @num: numerator
 * @den: denominator, not zero
 * @out: (out): where to store the rounded quotient
 *
 * Divides and rounds half away from zero: 5/2 → 3, -5/2 → -3, 149/100 → 1,
 * 150/100 → 2. This is the rounding rule of every computation on money.
 *
 * Returns: %FALSE if the quotient does not fit, which only happens when
 *   the most negative #ShoreMoneyWide is divided by -1
 */
gboolean
shore_money_wide_div_round (ShoreMoneyWide  num,
                            ShoreMoneyWide  den,
                            ShoreMoneyWide *out)
{
  gboolean negative;
  UWide unum;
  UWide uden;
  UWide quotient;
  UWide remainder;

  g_return_val_if_fail (den != 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  negative = (num < 0) != (den < 0);
  unum = num < 0 ? 0 - (UWide) num : (UWide) num;
  uden = den < 0 ? 0 - (UWide) den : (UWide) den;
  quotient = unum / uden;
  remainder = unum % uden;

  /* remainder / den ≥ ½, written so that nothing can overflow */
  if (remainder >= uden - remainder)
    quotient++;

  if (quotient > (UWide) WIDE_MAX + (negative ? 1 : 0))
    return FALSE;

  if (negative && quotient != 0)
    *out = -(ShoreMoneyWide) (quotient - 1) - 1;
  else
    *out = (ShoreMoneyWide) quotient;

  return TRUE;
}

/**
 * shore_money_mul_div:
 * @a: a factor, often an amount in fen
 * @b: another factor
 * @c: the divisor, not zero
 * @out: (out): where to store the result
 *
 * Computes @a × @b / @c rounded half away from zero, without overflow in
 * the intermediate product. @out is left untouched on failure.
 *
 * Returns: %FALSE if the result does not fit in a #gint64
 */
gboolean
shore_money_mul_div (gint64  a,
                     gint64  b,
                     gint64  c,
                     gint64 *out)
{
  ShoreMoneyWide quotient;

  g_return_val_if_fail (c != 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!shore_money_wide_div_round ((ShoreMoneyWide) a * b, c, &quotient))
    return FALSE;
  if (quotient < G_MININT64 || quotient > G_MAXINT64)
    return FALSE;

  *out = (gint64) quotient;
  return TRUE;
}
