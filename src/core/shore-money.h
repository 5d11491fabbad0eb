/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SHORE_MONEY_ERROR:
 *
 * Error domain for parsing amounts of money. Errors in this domain are
 * from the #ShoreMoneyError enumeration.
 */
#define SHORE_MONEY_ERROR (shore_money_error_quark ())

/**
 * ShoreMoneyError:
 * @SHORE_MONEY_ERROR_EMPTY: the text holds nothing but white space
 * @SHORE_MONEY_ERROR_INVALID: the text is not an amount of money
 * @SHORE_MONEY_ERROR_TOO_MANY_DECIMALS: more than two decimals (finer than one fen)
 * @SHORE_MONEY_ERROR_OVERFLOW: the amount is beyond ±%G_MAXINT64 fen
 *
 * Why shore_money_parse() refused its input.
 */
typedef enum {
  SHORE_MONEY_ERROR_EMPTY,
  SHORE_MONEY_ERROR_INVALID,
  SHORE_MONEY_ERROR_TOO_MANY_DECIMALS,
  SHORE_MONEY_ERROR_OVERFLOW,
} ShoreMoneyError;

GQuark   shore_money_error_quark  (void);

gboolean shore_money_parse        (const char *text,
                                   gint64     *out_fen,
                                   GError    **error);
char    *shore_money_format       (gint64      fen) G_GNUC_WARN_UNUSED_RESULT;
char    *shore_money_format_plain (gint64      fen) G_GNUC_WARN_UNUSED_RESULT;

gboolean shore_money_add          (gint64      a,
                                   gint64      b,
                                   gint64     *out) G_GNUC_WARN_UNUSED_RESULT;
gboolean shore_money_sub          (gint64      a,
                                   gint64      b,
                                   gint64     *out) G_GNUC_WARN_UNUSED_RESULT;
gboolean shore_money_mul_div      (gint64      a,
                                   gint64      b,
                                   gint64      c,
                                   gint64     *out) G_GNUC_WARN_UNUSED_RESULT;

/*< private >*/

/* Shared with shore-rate.c, not for the UI. */
gunichar shore_money_fold_char      (gunichar    c);
char    *shore_money_quote_input    (const char *text) G_GNUC_WARN_UNUSED_RESULT;

/* The one rounding rule of the core (half away from zero), on 128-bit
 * integers so that products of two gint64 never overflow before the
 * division.
 */
__extension__ typedef __int128 ShoreMoneyWide;

gboolean shore_money_wide_div_round (ShoreMoneyWide  num,
                                     ShoreMoneyWide  den,
                                     ShoreMoneyWide *out) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
