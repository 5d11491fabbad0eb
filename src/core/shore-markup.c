/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "shore-markup.h"

char *
shore_markup_collapse_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean pending = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          pending = out->len > 0;
          continue;
        }
      if (pending)
        g_string_append_c (out, ' ');
      pending = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

char *
shore_markup_take_text (GString *text)
{
  char *collapsed = shore_markup_collapse_space (text->str);

  g_string_truncate (text, 0);
  return collapsed;
}

gboolean
shore_markup_error (GMarkupParseContext  *context,
                    GError              **error,
                    GQuark                domain,
                    int                   code,
                    const char           *file,
                    const char           *what)
{
  int line = 0;

  g_markup_parse_context_get_position (context, &line, NULL);
  g_set_error (error, domain, code, "%s:%d: %s", file, line, what);
  return FALSE;
}
