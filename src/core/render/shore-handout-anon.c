/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-handout"

#include "config.h"

#include <string.h>

#include "../shore-intl.h"
#include "../shore-ledger.h"
#include "../shore-paths.h"
#include "../shore-store-anon.h"
#include "shore-handout-private.h"

/* Training handouts show a real case with no one in it: the lenders become
 * “Lender A”, “Lender B” (by loan id), the collection agencies “Collection
 * agency A”, the people “Collector 1”, numbers keep their first three
 * digits, and what was said has those names and any long number replaced. */

#define KEEP_DIGITS 3
#define MIN_DIGIT_RUN 5
#define MIN_NAME_CHARS 2

typedef struct
{
  char *original;
  char *label;
} Replacement;

typedef struct
{
  GHashTable *lenders;      /* folded name → label */
  GHashTable *agencies;     /* folded name → label */
  GHashTable *people;       /* folded name → label */
  GHashTable *accounts;     /* label → count, GUINT_TO_POINTER */
  GPtrArray  *replacements; /* of Replacement, for the free texts */
} Anonymizer;

static void
replacement_free (gpointer data)
{
  Replacement *r = data;

  g_free (r->original);
  g_free (r->label);
  g_free (r);
}

static void
anonymizer_init (Anonymizer *anon)
{
  anon->lenders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  anon->agencies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  anon->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  anon->accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  anon->replacements = g_ptr_array_new_with_free_func (replacement_free);
}

static void
anonymizer_clear (Anonymizer *anon)
{
  g_clear_pointer (&anon->lenders, g_hash_table_unref);
  g_clear_pointer (&anon->agencies, g_hash_table_unref);
  g_clear_pointer (&anon->people, g_hash_table_unref);
  g_clear_pointer (&anon->accounts, g_hash_table_unref);
  g_clear_pointer (&anon->replacements, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Anonymizer, anonymizer_clear)

static char *
fold (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  return g_utf8_casefold (stripped, -1);
}

/* 0 → “A”, 25 → “Z”, 26 → “AA” */
static char *
letters_of (guint index)
{
  char buffer[8];
  int i = G_N_ELEMENTS (buffer) - 1;

  buffer[i] = '\0';
  do
    {
      buffer[--i] = (char) ('A' + index % 26);
      index = index / 26;
    }
  while (index-- > 0 && i > 0);
  return g_strdup (buffer + i);
}

static void
remember (Anonymizer *anon,
          const char *original,
          const char *label)
{
  g_autofree char *stripped = g_strstrip (g_strdup (original));
  Replacement *r;

  if (g_utf8_strlen (stripped, -1) < MIN_NAME_CHARS || g_str_equal (stripped, label))
    return;
  for (guint i = 0; i < anon->replacements->len; i++)
    if (g_str_equal (((Replacement *) g_ptr_array_index (anon->replacements, i))->original, stripped))
      return;
  r = g_new0 (Replacement, 1);
  r->original = g_steal_pointer (&stripped);
  r->label = g_strdup (label);
  g_ptr_array_add (anon->replacements, r);
}

/* The label of @name in @table, made with @make from the table's size on first sight. */
static const char *
label_for (Anonymizer  *anon,
           GHashTable  *table,
           const char  *name,
           char      *(*make) (guint index))
{
  g_autofree char *key = fold (name);
  const char *label = g_hash_table_lookup (table, key);

  if (label == NULL)
    {
      char *made = make (g_hash_table_size (table));

      g_hash_table_insert (table, g_steal_pointer (&key), made);
      label = made;
    }
  remember (anon, name, label);
  return label;
}

/* “Collection agency A” must not wrap before its letter in a narrow table
 * column: the last space becomes a no-break space. Takes @label. */
static char *
glue_last_space (char *label)
{
  char *space = strrchr (label, ' ');
  GString *glued;

  if (space == NULL || space == label || space[1] == '\0')
    return label;
  glued = g_string_new_len (label, space - label);
  g_string_append (glued, "\u00a0");
  g_string_append (glued, space + 1);
  g_free (label);
  return g_string_free (glued, FALSE);
}

static char *
make_lender (guint index)
{
  g_autofree char *letter = letters_of (index);

  /* Translators: a lender whose name is hidden on a training handout; %s is a capital letter
   * (A, B, C…). In Chinese e.g. “平台%s” */
  return glue_last_space (g_strdup_printf (_("Lender %s"), letter));
}

static char *
make_agency (guint index)
{
  g_autofree char *letter = letters_of (index);

  /* Translators: a debt collection agency whose name is hidden on a training handout; %s is a
   * capital letter (A, B, C…). In Chinese e.g. “催收公司%s” */
  return glue_last_space (g_strdup_printf (_("Collection agency %s"), letter));
}

static char *
make_collector (guint index)
{
  /* Translators: a debt collector whose name is hidden on a training handout; %u is a number
   * (1, 2, 3…). In Chinese e.g. “催收员%u” */
  return glue_last_space (g_strdup_printf (_("Collector %u"), index + 1));
}

/* Keeps the first digits of a number and stars the rest: “138********”. */
static char *
mask_number (const char *number,
             guint       keep)
{
  GString *out = g_string_new (NULL);
  guint digits = 0;

  for (const char *p = number; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) && digits++ >= keep)
        g_string_append_c (out, '*');
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static const Replacement *
match_at (Anonymizer *anon,
          const char *p)
{
  const Replacement *best = NULL;

  for (guint i = 0; i < anon->replacements->len; i++)
    {
      const Replacement *r = g_ptr_array_index (anon->replacements, i);

      if (g_str_has_prefix (p, r->original) &&
          (best == NULL || strlen (r->original) > strlen (best->original)))
        best = r;
    }
  return best;
}

/* The names and numbers met so far replaced by their labels (longest first,
 * in one pass), then every run of MIN_DIGIT_RUN digits or more masked. */
static char *
anonymize_text (Anonymizer *anon,
                const char *text)
{
  g_autoptr(GString) named = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      const Replacement *r = match_at (anon, p);

      if (r != NULL)
        {
          g_string_append (named, r->label);
          p += strlen (r->original);
          continue;
        }
      g_string_append_len (named, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }

  for (p = named->str; *p != '\0';)
    {
      size_t run = strspn (p, "0123456789");

      if (run >= MIN_DIGIT_RUN)
        {
          g_autofree char *digits = g_strndup (p, run);
          g_autofree char *masked = mask_number (digits, KEEP_DIGITS);

          g_string_append (out, masked);
          p += run;
        }
      else if (run > 0)
        {
          g_string_append_len (out, p, (gssize) run);
          p += run;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static char *
account_label (Anonymizer *anon,
               const char *kind_text)
{
  ShoreAccountKind kind = SHORE_ACCOUNT_OTHER;
  const char *label;
  guint count;

  if (kind_text == NULL || !shore_account_kind_from_string (kind_text, &kind))
    kind = SHORE_ACCOUNT_OTHER;
  label = shore_account_kind_get_label (kind);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (anon->accounts, label)) + 1;
  g_hash_table_insert (anon->accounts, g_strdup (label), GUINT_TO_POINTER (count));
  if (count == 1)
    return g_strdup (label);
  /* Translators: the second, third… account of one kind on a training handout: %1$s is the
   * kind (“Bank Card”), %2$u a number */
  return g_strdup_printf (_("%1$s %2$u"), label, count);
}

static char *
rewrite (ShoreStoreAnonField  field,
         const char          *value,
         const char          *detail,
         gpointer             user_data)
{
  Anonymizer *anon = user_data;
  g_autofree char *key = NULL;
  const char *lender;

  if (field != SHORE_STORE_ANON_ACCOUNT && value[strspn (value, " \t\r\n")] == '\0')
    return g_strdup ("");

  switch (field)
    {
    case SHORE_STORE_ANON_LENDER:
      return g_strdup (label_for (anon, anon->lenders, value, make_lender));
    case SHORE_STORE_ANON_ORGANIZATION:
      key = fold (value);
      lender = g_hash_table_lookup (anon->lenders, key);
      if (lender != NULL)
        return g_strdup (lender);
      return g_strdup (label_for (anon, anon->agencies, value, make_agency));
    case SHORE_STORE_ANON_PERSON:
      return g_strdup (label_for (anon, anon->people, value, make_collector));
    case SHORE_STORE_ANON_PHONE:
      {
        char *masked = mask_number (value, KEEP_DIGITS);

        remember (anon, value, masked);
        return masked;
      }
    case SHORE_STORE_ANON_TEXT:
      return anonymize_text (anon, value);
    case SHORE_STORE_ANON_ACCOUNT:
      return account_label (anon, detail);
    default:
      g_assert_not_reached ();
    }
}

/**
 * shore_handout_remove_dir:
 * @dir: (nullable): a folder from shore_handout_anonymized_copy()
 *
 * Removes the folder and the database files in it.
 */
void
shore_handout_remove_dir (const char *dir)
{
  g_autoptr(GError) error = NULL;

  if (!shore_paths_remove_tree (dir, &error))
    g_warning ("%s", error->message);
}

/**
 * shore_handout_anonymized_copy:
 * @store: the data, only read
 * @out_dir: (out): the folder of the copy, for shore_handout_remove_dir()
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the anonymized copy
 */
ShoreStore *
shore_handout_anonymized_copy (ShoreStore  *store,
                               char       **out_dir,
                               GError     **error)
{
  g_auto(Anonymizer) anon = { 0, };
  g_autoptr(ShoreStore) copy = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (SHORE_IS_STORE (store), NULL);
  g_return_val_if_fail (out_dir != NULL, NULL);

  *out_dir = NULL;
  dir = g_dir_make_tmp ("shore-handout-XXXXXX", error);
  if (dir == NULL)
    return NULL;

  anonymizer_init (&anon);
  path = g_build_filename (dir, "shore.db", NULL);
  if (!shore_store_backup (store, path, error) ||
      (copy = shore_store_open (dir, error)) == NULL ||
      !shore_store_anonymize (copy, rewrite, &anon, error))
    {
      g_clear_object (&copy);
      shore_handout_remove_dir (dir);
      return NULL;
    }

  *out_dir = g_steal_pointer (&dir);
  return g_steal_pointer (&copy);
}
