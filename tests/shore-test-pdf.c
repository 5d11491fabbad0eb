/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "shore-test-pdf.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <opencc.h>

gboolean
shore_test_pdf_have_poppler (void)
{
  static const char *const tools[] = { "pdfinfo", "pdffonts", "pdftotext" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);

      if (path == NULL)
        return FALSE;
    }
  return TRUE;
}

char *
shore_test_pdf_run_tool (const char *tool,
                         const char *pdf,
                         const char *extra)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[6];
  guint n = 0;
  int status = 0;

  argv[n++] = tool;
  if (extra != NULL)
    argv[n++] = extra;
  argv[n++] = pdf;
  if (g_str_equal (tool, "pdftotext"))
    argv[n++] = "-";
  argv[n] = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  if (error != NULL)
    g_printerr ("%s: %s\n", tool, err);
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

void
shore_test_pdf_keep_shot (const char *pdf,
                          const char *name)
{
  const char *dir = g_getenv ("SHORE_TEST_SHOTS");
  g_autofree char *dest = NULL;
  g_autoptr(GFile) src = NULL;
  g_autoptr(GFile) dst = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;
  g_mkdir_with_parents (dir, 0755);
  dest = g_build_filename (dir, name, NULL);
  src = g_file_new_for_path (pdf);
  dst = g_file_new_for_path (dest);
  g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

char *
shore_test_pdf_squeeze (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

GPtrArray *
shore_test_pdf_page_texts (const char *pdf)
{
  g_autofree char *text = shore_test_pdf_run_tool ("pdftotext", pdf, NULL);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; pages[i] != NULL; i++)
    {
      char *page = shore_test_pdf_squeeze (pages[i]);

      /* pdftotext ends the last page with a form feed too */
      if (pages[i + 1] == NULL && *page == '\0')
        {
          g_free (page);
          break;
        }
      g_ptr_array_add (out, page);
    }
  return out;
}

char *
shore_test_pdf_info_field (const char *info,
                           const char *field)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], field) && lines[i][strlen (field)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (field) + 1));
  return NULL;
}

guint
shore_test_pdf_n_pages (const char *pdf)
{
  g_autofree char *info = shore_test_pdf_run_tool ("pdfinfo", pdf, NULL);
  g_autofree char *pages = shore_test_pdf_info_field (info, "Pages");

  g_assert_nonnull (pages);
  return pages != NULL ? (guint) g_ascii_strtoull (pages, NULL, 10) : 0;
}

char *
shore_test_pdf_page_size (const char *pdf)
{
  g_autofree char *info = shore_test_pdf_run_tool ("pdfinfo", pdf, NULL);

  return shore_test_pdf_info_field (info, "Page size");
}

static void
font_free (ShoreTestPdfFont *font)
{
  g_free (font->line);
  g_free (font->name);
  g_free (font);
}

GPtrArray *
shore_test_pdf_fonts (const char *pdf)
{
  g_autofree char *out = shore_test_pdf_run_tool ("pdffonts", pdf, NULL);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GPtrArray *fonts = g_ptr_array_new_with_free_func ((GDestroyNotify) font_free);
  const char *emb;
  gsize emb_at;

  /* name type encoding emb sub uni object ID, then a rule, then a row per font */
  g_assert_nonnull (lines[0]);
  emb = strstr (lines[0], "emb");
  g_assert_nonnull (emb);
  if (emb == NULL)
    return fonts;
  emb_at = (gsize) (emb - lines[0]);

  for (guint i = 1; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      ShoreTestPdfFont *font;

      if (*line == '\0' || g_str_has_prefix (line, "---"))
        continue;
      g_assert_cmpuint (strlen (line), >, emb_at + 3);
      font = g_new0 (ShoreTestPdfFont, 1);
      font->line = g_strdup (line);
      font->name = g_strndup (line, strcspn (line, " "));
      font->embedded = strlen (line) > emb_at + 3 && strncmp (line + emb_at, "yes", 3) == 0;
      g_ptr_array_add (fonts, font);
    }
  return fonts;
}

static opencc_t
converter_for (const char *language)
{
  static gsize once = 0;
  static opencc_t t2s = (opencc_t) -1;
  static opencc_t s2tw = (opencc_t) -1;

  if (g_once_init_enter (&once))
    {
      t2s = opencc_open ("t2s.json");
      s2tw = opencc_open ("s2tw.json");
      g_once_init_leave (&once, 1);
    }
  return g_str_equal (language, "zh_CN") ? t2s : s2tw;
}

char *
shore_test_pdf_script_leftovers (const char *text,
                                 const char *language)
{
  g_autoptr(GString) bad = g_string_new (NULL);
  opencc_t converter;
  char *converted;
  const char *a, *b;

  g_assert_true (g_utf8_validate (text, -1, NULL));
  if (g_str_equal (language, "en"))
    return NULL;

  converter = converter_for (language);
  if (converter == (opencc_t) -1)
    g_error ("OpenCC cannot open its %s configuration: %s",
             g_str_equal (language, "zh_CN") ? "t2s" : "s2tw", opencc_error ());
  converted = opencc_convert_utf8 (converter, text, strlen (text));
  g_assert_nonnull (converted);

  /* Phrases convert character for character; should the lengths differ,
   * each character is converted alone. */
  if (g_utf8_strlen (converted, -1) != g_utf8_strlen (text, -1))
    {
      opencc_convert_utf8_free (converted);
      converted = NULL;
    }

  for (a = text, b = converted; *a != '\0'; a = g_utf8_next_char (a))
    {
      gunichar c = g_utf8_get_char (a);
      gunichar d;

      if (converted == NULL)
        {
          char one[8] = { 0 };
          char *alone;

          g_unichar_to_utf8 (c, one);
          alone = opencc_convert_utf8 (converter, one, strlen (one));
          d = g_utf8_get_char (alone);
          opencc_convert_utf8_free (alone);
        }
      else
        {
          d = g_utf8_get_char (b);
          b = g_utf8_next_char (b);
        }

      if (c != d && g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
        {
          g_string_append_unichar (bad, c);
          g_string_append (bad, "→");
          g_string_append_unichar (bad, d);
          g_string_append_c (bad, ' ');
        }
    }
  if (converted != NULL)
    opencc_convert_utf8_free (converted);

  return bad->len > 0 ? g_string_free (g_steal_pointer (&bad), FALSE) : NULL;
}
