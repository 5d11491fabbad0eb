/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-i18n"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <libintl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "shore-i18n.h"

/* A document (a handout, a letter) is written in the language asked for,
 * whatever the UI's. glibc's gettext cannot do that per thread without the
 * target locale generated on the machine (uselocale() needs zh_TW.UTF-8 to
 * exist, and a fresh Debian has only C.UTF-8), and LANGUAGE in the
 * environment outranks it anyway. So a thread with a document language reads
 * that language's compiled catalog (shore.mo) itself: a hash of msgid →
 * msgstr, loaded once per language and kept for the life of the process. */

static char *localedir;

typedef struct
{
  GBytes     *data;
  GHashTable *strings;  /* msgid (with "context\004") → msgstr, both into @data */
} Catalog;

G_LOCK_DEFINE_STATIC (catalogs);
static GHashTable *catalogs;  /* language (interned) → Catalog*, or NULL when missing */

static _Thread_local const char *thread_language;

/**
 * shore_i18n_init:
 *
 * Sets the locale from the environment and binds the `shore` message catalogs.
 * Called once by main() and by every test program.
 */
void
shore_i18n_init (void)
{
  const char *messages;
  const char *dir;

  setlocale (LC_ALL, "");

  /* gettext ignores LANGUAGE in the C locale, and a fresh machine often has no
   * LANG at all: fall back to C.UTF-8, which every Debian has, so that
   * LANGUAGE=zh_TW works anywhere. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0)
    setlocale (LC_ALL, "C.UTF-8");

  /* An uninstalled build (tests, `meson devenv`, build-aux/dev) points at its compiled catalogs. */
  dir = g_getenv ("SHORE_LOCALEDIR");
  if (dir == NULL || *dir == '\0')
    dir = LOCALEDIR;

  G_LOCK (catalogs);
  if (localedir == NULL)
    localedir = g_strdup (dir);
  G_UNLOCK (catalogs);

  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * shore_i18n_ui_language:
 *
 * The document language that matches the process's (the UI's) language.
 *
 * Returns: "zh_TW" when the UI is in traditional Chinese, "zh_CN" in
 *   simplified Chinese, "en" otherwise
 */
const char *
shore_i18n_ui_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i];

      if (g_str_has_prefix (name, "zh"))
        {
          if (strstr (name, "TW") != NULL || strstr (name, "HK") != NULL ||
              strstr (name, "MO") != NULL || strstr (name, "Hant") != NULL)
            return "zh_TW";
          return "zh_CN";
        }
      if (g_str_has_prefix (name, "en") || strcmp (name, "C") == 0 || strcmp (name, "POSIX") == 0)
        return "en";
    }

  return "en";
}

/**
 * shore_i18n_language_is_valid:
 * @language: a language tag
 *
 * Returns: whether a document can be written in @language: "zh_CN", "zh_TW"
 *   or "en".
 */
gboolean
shore_i18n_language_is_valid (const char *language)
{
  return language != NULL &&
         (strcmp (language, "zh_CN") == 0 || strcmp (language, "zh_TW") == 0 ||
          strcmp (language, "en") == 0);
}

static guint32
read_u32 (const guint8 *p,
          gboolean      swap)
{
  guint32 v;

  memcpy (&v, p, 4);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

/* Parses a GNU .mo file; NULL when it is not one. */
static Catalog *
catalog_parse (GBytes *bytes)
{
  gsize size;
  const guint8 *p = g_bytes_get_data (bytes, &size);
  guint32 magic, n, orig, trans;
  gboolean swap;
  Catalog *catalog;

  if (size < 28)
    return NULL;
  memcpy (&magic, p, 4);
  if (magic == 0x950412de)
    swap = FALSE;
  else if (magic == 0xde120495)
    swap = TRUE;
  else
    return NULL;

  n = read_u32 (p + 8, swap);
  orig = read_u32 (p + 12, swap);
  trans = read_u32 (p + 16, swap);
  if (orig > size || trans > size || n > (size - orig) / 8 || n > (size - trans) / 8)
    return NULL;

  catalog = g_new0 (Catalog, 1);
  catalog->data = g_bytes_ref (bytes);
  catalog->strings = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = read_u32 (p + orig + 8 * i, swap);
      guint32 ooff = read_u32 (p + orig + 8 * i + 4, swap);
      guint32 tlen = read_u32 (p + trans + 8 * i, swap);
      guint32 toff = read_u32 (p + trans + 8 * i + 4, swap);

      /* Each string is NUL-terminated inside the file. */
      if (ooff >= size || olen >= size - ooff || toff >= size || tlen >= size - toff)
        continue;
      if (p[ooff + olen] != '\0' || p[toff + tlen] != '\0' || olen == 0)
        continue;  /* olen 0 is the header entry */
      /* A plural entry is "msgid\0msgid_plural": the key is the msgid; the
       * first msgstr is the only form Chinese has. */
      g_hash_table_insert (catalog->strings, (char *) p + ooff, (char *) p + toff);
    }
  return catalog;
}

static char *
catalog_path (const char *language)
{
  return g_build_filename (localedir != NULL ? localedir : LOCALEDIR,
                           language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
}

/* The catalog of @language, loaded on first use; NULL for "en" and when it
 * is not installed. */
static Catalog *
catalog_get (const char *language)
{
  Catalog *catalog;
  gpointer found;

  G_LOCK (catalogs);
  if (catalogs == NULL)
    catalogs = g_hash_table_new (NULL, NULL);
  if (g_hash_table_lookup_extended (catalogs, language, NULL, &found))
    {
      G_UNLOCK (catalogs);
      return found;
    }

  catalog = NULL;
  if (strcmp (language, "en") != 0)
    {
      g_autofree char *path = catalog_path (language);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_get_contents (path, &contents, &length, NULL))
        {
          g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
          catalog = catalog_parse (bytes);
        }
    }
  g_hash_table_insert (catalogs, (gpointer) language, catalog);
  G_UNLOCK (catalogs);
  return catalog;
}

/**
 * shore_i18n_language_check:
 * @language: a language tag
 * @error: return location for a %G_IO_ERROR
 *
 * Checks that documents can be written in @language: that it is one of
 * "zh_CN", "zh_TW" and "en", and that its translations are installed.
 *
 * Returns: %TRUE when they can
 */
gboolean
shore_i18n_language_check (const char  *language,
                           GError     **error)
{
  if (!shore_i18n_language_is_valid (language))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is what was given; keep zh_CN, zh_TW and en as they are */
                   _("Unknown language “%s”: use zh_CN, zh_TW or en"), language ? language : "");
      return FALSE;
    }
  if (strcmp (language, "en") != 0 && catalog_get (g_intern_string (language)) == NULL)
    {
      g_autofree char *path = catalog_path (language);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is a file path */
                   _("The translations for this language are not installed (%s)"), path);
      return FALSE;
    }
  return TRUE;
}

/**
 * shore_i18n_set_thread_language:
 * @language: (nullable): "zh_CN", "zh_TW", "en", or %NULL for the process's
 *
 * Sets the language of the strings core code translates in this thread.
 *
 * Returns: (nullable): the previous setting, to give back later
 */
const char *
shore_i18n_set_thread_language (const char *language)
{
  const char *previous = thread_language;

  g_return_val_if_fail (language == NULL || shore_i18n_language_is_valid (language), previous);
  thread_language = language != NULL ? g_intern_string (language) : NULL;
  return previous;
}

/**
 * shore_i18n_get_thread_language:
 *
 * Returns: (nullable): the language set for this thread, or %NULL
 */
const char *
shore_i18n_get_thread_language (void)
{
  return thread_language;
}

/* The translation of @key in the thread's language, or NULL to use the
 * source string. */
static const char *
lookup (const char *key)
{
  Catalog *catalog = catalog_get (thread_language);

  if (catalog == NULL)
    return NULL;
  return g_hash_table_lookup (catalog->strings, key);
}

const char *
shore_gettext (const char *msgid)
{
  const char *found;

  if (thread_language == NULL)
    return dgettext (GETTEXT_PACKAGE, msgid);
  found = lookup (msgid);
  return found != NULL && *found != '\0' ? found : msgid;
}

const char *
shore_pgettext (const char *msgctxtid,
                gsize       msgidoffset)
{
  const char *found;

  if (thread_language == NULL)
    return g_dpgettext (GETTEXT_PACKAGE, msgctxtid, msgidoffset);
  found = lookup (msgctxtid);
  return found != NULL && *found != '\0' ? found : msgctxtid + msgidoffset;
}

const char *
shore_pgettext2 (const char *context,
                 const char *msgid)
{
  g_autofree char *key = NULL;
  const char *found;

  if (thread_language == NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);
  key = g_strconcat (context, "\004", msgid, NULL);
  found = lookup (key);
  return found != NULL && *found != '\0' ? found : msgid;
}

const char *
shore_ngettext (const char *msgid,
                const char *msgid_plural,
                gulong      n)
{
  const char *found;

  if (thread_language == NULL)
    return dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  /* Chinese has one form (nplurals=1); English takes the source's. */
  found = lookup (msgid);
  if (found != NULL && *found != '\0')
    return found;
  return n == 1 ? msgid : msgid_plural;
}
