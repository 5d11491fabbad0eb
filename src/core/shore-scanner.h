/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*< private >
 * ShoreScanner:
 *
 * Reads what people type (money, rates) one character at a time, after
 * full-width forms are folded to ASCII (shore_money_fold_char()) and the
 * surrounding white space is trimmed. Core parsers only.
 */
typedef struct
{
  gunichar *chars;
  glong     pos;
  glong     end;
} ShoreScanner;

/* FALSE if @text is not valid UTF-8; the scanner is then empty. */
gboolean  shore_scanner_init         (ShoreScanner *s,
                                      const char   *text);
void      shore_scanner_clear        (ShoreScanner *s);
gboolean  shore_scanner_at_end       (const ShoreScanner *s);
gunichar  shore_scanner_peek         (const ShoreScanner *s);
gboolean  shore_scanner_at_digit     (const ShoreScanner *s);
void      shore_scanner_skip_space   (ShoreScanner *s);
/* Matches @word (UTF-8), ASCII letters in any case, and moves past it. */
gboolean  shore_scanner_accept_word  (ShoreScanner *s,
                                      const char   *word);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ShoreScanner, shore_scanner_clear)

G_END_DECLS
