/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-scanner"

#include "config.h"

#include "shore-money.h"
#include "shore-scanner.h"

gboolean
shore_scanner_init (ShoreScanner *s,
                    const char   *text)
{
  glong len = 0;

  s->chars = NULL;
  s->pos = s->end = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  s->chars = g_utf8_to_ucs4_fast (text, -1, &len);
  for (glong i = 0; i < len; i++)
    s->chars[i] = shore_money_fold_char (s->chars[i]);

  s->end = len;
  shore_scanner_skip_space (s);
  while (s->end > s->pos && g_unichar_isspace (s->chars[s->end - 1]))
    s->end--;

  return TRUE;
}

void
shore_scanner_clear (ShoreScanner *s)
{
  g_clear_pointer (&s->chars, g_free);
  s->pos = s->end = 0;
}

gboolean
shore_scanner_at_end (const ShoreScanner *s)
{
  return s->pos >= s->end;
}

gunichar
shore_scanner_peek (const ShoreScanner *s)
{
  return s->pos < s->end ? s->chars[s->pos] : 0;
}

gboolean
shore_scanner_at_digit (const ShoreScanner *s)
{
  gunichar c = shore_scanner_peek (s);

  return c >= '0' && c <= '9';
}

void
shore_scanner_skip_space (ShoreScanner *s)
{
  while (s->pos < s->end && g_unichar_isspace (s->chars[s->pos]))
    s->pos++;
}

gboolean
shore_scanner_accept_word (ShoreScanner *s,
                           const char   *word)
{
  glong pos = s->pos;

  for (; *word != '\0'; word = g_utf8_next_char (word), pos++)
    {
      gunichar w = g_utf8_get_char (word);
      gunichar c;

      if (pos >= s->end)
        return FALSE;
      c = s->chars[pos];
      if (w < 0x80 && c < 0x80)
        {
          if (g_ascii_tolower ((char) c) != g_ascii_tolower ((char) w))
            return FALSE;
        }
      else if (c != w)
        return FALSE;
    }

  s->pos = pos;
  return TRUE;
}
