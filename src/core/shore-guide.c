/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "shore-guide"

#include "config.h"

#include <libintl.h>
#include <string.h>

#include <gio/gio.h>
#include "shore-intl.h"
#include <opencc.h>

#include "shore-core-resources.h"
#include "shore-guide.h"
#include "shore-markup.h"
#include "shore-loan.h"

#define GUIDE_RESOURCE "/io/github/shoreapp/Shore/core/guide.xml"

/* Search weights per field, per matching word */
#define WEIGHT_TITLE    8
#define WEIGHT_SUMMARY  4
#define WEIGHT_BODY     2
#define WEIGHT_CITE     1
#define WEIGHT_SECTION  1

typedef struct
{
  char *title;
  char *summary;
  char *body;
  char *cites;
  char *section;
} ArticleIndex;

struct _ShoreGuide
{
  gatomicrefcount  ref_count;
  char            *disclaimer;
  GDate            checked;
  GPtrArray       *sections;        /* ShoreGuideSection* (owned) */
  GPtrArray       *articles;        /* ShoreGuideArticle* (borrowed from sections) */
  GHashTable      *by_id;           /* id → ShoreGuideArticle* */
  GMutex           index_lock;
  GArray          *index;           /* ArticleIndex per article; built on first search */
};

typedef enum {
  IN_NOTHING,
  IN_GUIDE,
  IN_DISCLAIMER,
  IN_SECTION,
  IN_SECTION_TITLE,
  IN_ARTICLE,
  IN_ARTICLE_TEXT,                  /* title, summary, p, item or cite of an article */
} ParseWhere;

typedef struct
{
  ShoreGuide        *guide;
  gboolean           translate;
  ParseWhere         where;
  ShoreGuideSection *section;
  ShoreGuideArticle *article;
  GPtrArray         *block_refs;    /* GStrv per block of the current article */
  GString           *text;
  char             **text_out;      /* where the finished text goes */
  GHashTable        *section_ids;
} ParseState;

G_DEFINE_QUARK (shore-guide-error-quark, shore_guide_error)

/* ---- freeing ---- */

static void
cite_free (gpointer data)
{
  ShoreGuideCite *cite = data;

  g_free (cite->ref);
  g_free (cite->text);
  g_free (cite);
}

static void
block_free (gpointer data)
{
  ShoreGuideBlock *block = data;

  g_free (block->text);
  g_ptr_array_unref (block->cites);
  g_free (block);
}

static void
article_free (gpointer data)
{
  ShoreGuideArticle *article = data;

  g_free (article->id);
  g_free (article->title);
  g_free (article->summary);
  g_free (article->related);
  g_ptr_array_unref (article->blocks);
  g_ptr_array_unref (article->cites);
  g_free (article);
}

static void
section_free (gpointer data)
{
  ShoreGuideSection *section = data;

  g_free (section->id);
  g_free (section->title);
  g_ptr_array_unref (section->articles);
  g_free (section);
}

static void
article_index_clear (gpointer data)
{
  ArticleIndex *index = data;

  g_free (index->title);
  g_free (index->summary);
  g_free (index->body);
  g_free (index->cites);
  g_free (index->section);
}

/* ---- parsing ---- */

static char *
finish_text (ParseState *state)
{
  g_autofree char *msgid = shore_markup_take_text (state->text);

  if (!state->translate || *msgid == '\0')
    return g_steal_pointer (&msgid);
  /* In the thread's document language, if one is set (handouts). */
  return g_strdup (shore_gettext (msgid));
}

static gboolean
data_error (GMarkupParseContext  *context,
            GError              **error,
            const char           *what)
{
  return shore_markup_error (context, error, SHORE_GUIDE_ERROR, SHORE_GUIDE_ERROR_DATA,
                             "guide.xml", what);
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  return text != NULL && shore_date_parse (text, date, NULL);
}

static gboolean
is_ascii_id (const char *id)
{
  const char *p;

  if (id == NULL || *id == '\0')
    return FALSE;
  for (p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
start_guide (GMarkupParseContext  *context,
             ParseState           *state,
             const char          **names,
             const char          **values,
             GError              **error)
{
  const char *checked = NULL;
  const char *version = NULL;

  if (!g_markup_collect_attributes ("guide", names, values, error,
                                    G_MARKUP_COLLECT_STRING, "checked", &checked,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "version", &version,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;
  if (!parse_date (checked, &state->guide->checked))
    return data_error (context, error, "<guide checked> is not a date");
  state->where = IN_GUIDE;
  return TRUE;
}

static gboolean
start_section (GMarkupParseContext  *context,
               ParseState           *state,
               const char          **names,
               const char          **values,
               GError              **error)
{
  const char *id = NULL;
  ShoreGuideSection *section;

  if (!g_markup_collect_attributes ("section", names, values, error,
                                    G_MARKUP_COLLECT_STRING, "id", &id,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;
  if (!is_ascii_id (id) || !g_hash_table_add (state->section_ids, g_strdup (id)))
    return data_error (context, error, "a section id is not ASCII or not unique");

  section = g_new0 (ShoreGuideSection, 1);
  section->id = g_strdup (id);
  section->articles = g_ptr_array_new_with_free_func (article_free);
  g_ptr_array_add (state->guide->sections, section);
  state->section = section;
  state->where = IN_SECTION;
  return TRUE;
}

static gboolean
start_article (GMarkupParseContext  *context,
               ParseState           *state,
               const char          **names,
               const char          **values,
               GError              **error)
{
  const char *id = NULL, *checked = NULL, *related = NULL;
  ShoreGuideArticle *article;

  if (!g_markup_collect_attributes ("article", names, values, error,
                                    G_MARKUP_COLLECT_STRING, "id", &id,
                                    G_MARKUP_COLLECT_STRING, "checked", &checked,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "related", &related,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;
  if (!is_ascii_id (id) || g_hash_table_contains (state->guide->by_id, id))
    return data_error (context, error, "an article id is not ASCII or not unique");

  article = g_new0 (ShoreGuideArticle, 1);
  article->id = g_strdup (id);
  article->related = g_strdup (related);
  article->blocks = g_ptr_array_new_with_free_func (block_free);
  article->cites = g_ptr_array_new_with_free_func (cite_free);
  article->section = state->section;
  g_ptr_array_add (state->section->articles, article);
  g_ptr_array_add (state->guide->articles, article);
  g_hash_table_insert (state->guide->by_id, article->id, article);
  state->article = article;
  state->where = IN_ARTICLE;

  if (!parse_date (checked, &article->checked))
    return data_error (context, error, "<article checked> is not a date");

  g_ptr_array_set_size (state->block_refs, 0);
  return TRUE;
}

static gboolean
start_block (GMarkupParseContext  *context,
             ParseState           *state,
             ShoreGuideBlockKind   kind,
             const char           *element,
             const char          **names,
             const char          **values,
             GError              **error)
{
  const char *refs = NULL;
  ShoreGuideBlock *block;

  if (!g_markup_collect_attributes (element, names, values, error,
                                    G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "cite", &refs,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;

  block = g_new0 (ShoreGuideBlock, 1);
  block->kind = kind;
  block->cites = g_ptr_array_new ();
  g_ptr_array_add (state->article->blocks, block);
  g_ptr_array_add (state->block_refs, g_strsplit_set (refs != NULL ? refs : "", " ", -1));
  state->text_out = &block->text;
  state->where = IN_ARTICLE_TEXT;
  return TRUE;
}

static gboolean
start_cite (GMarkupParseContext  *context,
            ParseState           *state,
            const char          **names,
            const char          **values,
            GError              **error)
{
  const char *kind = NULL, *confidence = NULL, *ref = NULL;
  static const char *const kinds[] = { "law", "regulation", "industry-code", "practice" };
  ShoreGuideCite *cite;
  guint i;

  if (!g_markup_collect_attributes ("cite", names, values, error,
                                    G_MARKUP_COLLECT_STRING, "kind", &kind,
                                    G_MARKUP_COLLECT_STRING, "confidence", &confidence,
                                    G_MARKUP_COLLECT_STRING, "ref", &ref,
                                    G_MARKUP_COLLECT_INVALID))
    return FALSE;

  cite = g_new0 (ShoreGuideCite, 1);
  cite->ref = g_strdup (ref);
  g_ptr_array_add (state->article->cites, cite);
  state->text_out = &cite->text;
  state->where = IN_ARTICLE_TEXT;

  for (i = 0; i < G_N_ELEMENTS (kinds) && g_strcmp0 (kind, kinds[i]) != 0; i++)
    ;
  if (i == G_N_ELEMENTS (kinds))
    return data_error (context, error, "<cite kind> is not law, regulation, industry-code or practice");
  cite->kind = (ShoreGuideCiteKind) i;

  if (g_strcmp0 (confidence, "P") == 0)
    cite->confidence = SHORE_GUIDE_CONFIDENCE_PRIMARY;
  else if (g_strcmp0 (confidence, "S") == 0)
    cite->confidence = SHORE_GUIDE_CONFIDENCE_SECONDARY;
  else
    return data_error (context, error, "<cite confidence> is not P or S");

  if (!is_ascii_id (ref))
    return data_error (context, error, "<cite ref> is not an ASCII id");
  for (i = 0; i + 1 < state->article->cites->len; i++)
    if (g_str_equal (((ShoreGuideCite *) state->article->cites->pdata[i])->ref, ref))
      return data_error (context, error, "<cite ref> appears twice in one article");
  return TRUE;
}

static void
on_start_element_cb (GMarkupParseContext  *context,
                     const char           *element,
                     const char          **names,
                     const char          **values,
                     gpointer              user_data,
                     GError              **error)
{
  ParseState *state = user_data;

  switch (state->where)
    {
    case IN_NOTHING:
      if (g_str_equal (element, "guide"))
        {
          start_guide (context, state, names, values, error);
          return;
        }
      break;

    case IN_GUIDE:
      if (g_str_equal (element, "disclaimer") && state->guide->disclaimer == NULL
          && g_markup_collect_attributes (element, names, values, error, G_MARKUP_COLLECT_INVALID, NULL))
        {
          state->text_out = &state->guide->disclaimer;
          state->where = IN_DISCLAIMER;
          return;
        }
      if (g_str_equal (element, "section"))
        {
          start_section (context, state, names, values, error);
          return;
        }
      break;

    case IN_SECTION:
      if (g_str_equal (element, "title") && state->section->title == NULL)
        {
          state->text_out = &state->section->title;
          state->where = IN_SECTION_TITLE;
          return;
        }
      if (g_str_equal (element, "article"))
        {
          start_article (context, state, names, values, error);
          return;
        }
      break;

    case IN_ARTICLE:
      if (g_str_equal (element, "title") && state->article->title == NULL)
        {
          state->text_out = &state->article->title;
          state->where = IN_ARTICLE_TEXT;
          return;
        }
      if (g_str_equal (element, "summary") && state->article->summary == NULL)
        {
          state->text_out = &state->article->summary;
          state->where = IN_ARTICLE_TEXT;
          return;
        }
      if (g_str_equal (element, "p"))
        {
          start_block (context, state, SHORE_GUIDE_BLOCK_PARAGRAPH, element, names, values, error);
          return;
        }
      if (g_str_equal (element, "item"))
        {
          start_block (context, state, SHORE_GUIDE_BLOCK_ITEM, element, names, values, error);
          return;
        }
      if (g_str_equal (element, "cite"))
        {
          start_cite (context, state, names, values, error);
          return;
        }
      break;

    case IN_DISCLAIMER:
    case IN_SECTION_TITLE:
    case IN_ARTICLE_TEXT:
      break;
    }

  if (error != NULL && *error == NULL)
    {
      g_autofree char *what = g_strdup_printf ("unexpected or repeated <%s>", element);

      data_error (context, error, what);
    }
}

static gboolean
resolve_cites (ParseState *state)
{
  ShoreGuideArticle *article = state->article;
  guint i, j, k;

  for (i = 0; i < article->blocks->len; i++)
    {
      ShoreGuideBlock *block = article->blocks->pdata[i];
      GStrv refs = state->block_refs->pdata[i];

      for (j = 0; refs[j] != NULL; j++)
        {
          ShoreGuideCite *found = NULL;

          if (*refs[j] == '\0')
            continue;
          for (k = 0; k < article->cites->len && found == NULL; k++)
            if (g_str_equal (((ShoreGuideCite *) article->cites->pdata[k])->ref, refs[j]))
              found = article->cites->pdata[k];
          if (found == NULL)
            return FALSE;
          g_ptr_array_add (block->cites, found);
        }
    }
  return TRUE;
}

static void
on_end_element_cb (GMarkupParseContext  *context,
                   const char           *element,
                   gpointer              user_data,
                   GError              **error)
{
  ParseState *state = user_data;

  switch (state->where)
    {
    case IN_DISCLAIMER:
    case IN_SECTION_TITLE:
    case IN_ARTICLE_TEXT:
      *state->text_out = finish_text (state);
      state->text_out = NULL;
      state->where = state->where == IN_ARTICLE_TEXT ? IN_ARTICLE
                   : state->where == IN_SECTION_TITLE ? IN_SECTION : IN_GUIDE;
      break;

    case IN_ARTICLE:
      if (state->article->title == NULL || state->article->summary == NULL)
        data_error (context, error, "an article has no title or no summary");
      else if (!resolve_cites (state))
        data_error (context, error, "a <p cite> or <item cite> names a ref the article does not cite");
      state->article = NULL;
      state->where = IN_SECTION;
      break;

    case IN_SECTION:
      if (state->section->title == NULL)
        data_error (context, error, "a section has no title");
      state->section = NULL;
      state->where = IN_GUIDE;
      break;

    case IN_GUIDE:
      if (state->guide->disclaimer == NULL)
        data_error (context, error, "the guide has no disclaimer");
      state->where = IN_NOTHING;
      break;

    case IN_NOTHING:
      break;
    }
}

static void
on_text_cb (GMarkupParseContext  *context,
            const char           *text,
            gsize                 length,
            gpointer              user_data,
            GError              **error)
{
  ParseState *state = user_data;

  if (state->text_out != NULL)
    g_string_append_len (state->text, text, length);
}

static const GMarkupParser guide_parser = {
  on_start_element_cb,
  on_end_element_cb,
  on_text_cb,
  NULL,
  NULL,
};

/* ---- folding and search ---- */

static opencc_t
t2s_converter (void)
{
  static gsize once = 0;
  static opencc_t converter = (opencc_t) -1;

  if (g_once_init_enter (&once))
    {
      converter = opencc_open ("t2s.json");
      if (converter == (opencc_t) -1)
        g_debug ("OpenCC t2s.json: %s; search will not match across scripts", opencc_error ());
      g_once_init_leave (&once, 1);
    }
  return converter;
}

/* Simplified characters t2s leaves apart that readers treat as one:
 * 帳 becomes 帐, while mainland text writes 账 (停息挂账). */
static const struct {
  const char *from;
  const char *to;
} variants[] = {
  { "帐", "账" },
  { "著", "着" },
};

char *
shore_guide_fold (const char *text)
{
  static GMutex convert_lock;
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *simplified = NULL;
  opencc_t converter;
  guint i;

  g_return_val_if_fail (text != NULL, NULL);

  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (normal == NULL)       /* not UTF-8: matches nothing */
    return g_strdup ("");
  folded = g_utf8_casefold (normal, -1);

  converter = t2s_converter ();
  if (converter != (opencc_t) -1)
    {
      char *converted;

      g_mutex_lock (&convert_lock);
      converted = opencc_convert_utf8 (converter, folded, strlen (folded));
      g_mutex_unlock (&convert_lock);
      if (converted != NULL)
        {
          simplified = g_strdup (converted);
          opencc_convert_utf8_free (converted);
        }
    }
  if (simplified == NULL)
    simplified = g_steal_pointer (&folded);

  for (i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      if (strstr (simplified, variants[i].from) != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (simplified, variants[i].from, -1);

          g_free (simplified);
          simplified = g_strjoinv (variants[i].to, parts);
        }
    }

  return shore_markup_collapse_space (simplified);
}

static char *
fold_joined (GPtrArray *texts)
{
  g_autoptr(GString) all = g_string_new (NULL);
  guint i;

  for (i = 0; i < texts->len; i++)
    {
      g_string_append (all, texts->pdata[i]);
      g_string_append_c (all, '\n');
    }
  return shore_guide_fold (all->str);
}

static void
ensure_index (ShoreGuide *guide)
{
  guint i, j;

  g_mutex_lock (&guide->index_lock);
  if (guide->index != NULL)
    {
      g_mutex_unlock (&guide->index_lock);
      return;
    }

  guide->index = g_array_sized_new (FALSE, TRUE, sizeof (ArticleIndex), guide->articles->len);
  g_array_set_clear_func (guide->index, article_index_clear);
  for (i = 0; i < guide->articles->len; i++)
    {
      ShoreGuideArticle *article = guide->articles->pdata[i];
      g_autoptr(GPtrArray) body = g_ptr_array_new ();
      g_autoptr(GPtrArray) cites = g_ptr_array_new ();
      ArticleIndex index;

      for (j = 0; j < article->blocks->len; j++)
        g_ptr_array_add (body, ((ShoreGuideBlock *) article->blocks->pdata[j])->text);
      for (j = 0; j < article->cites->len; j++)
        g_ptr_array_add (cites, ((ShoreGuideCite *) article->cites->pdata[j])->text);

      index.title = shore_guide_fold (article->title);
      index.summary = shore_guide_fold (article->summary);
      index.body = fold_joined (body);
      index.cites = fold_joined (cites);
      index.section = shore_guide_fold (article->section->title);
      g_array_append_val (guide->index, index);
    }
  g_mutex_unlock (&guide->index_lock);
}

static guint
score_word (const ArticleIndex *index,
            const char         *word)
{
  guint score = 0;

  if (strstr (index->title, word) != NULL)
    score += WEIGHT_TITLE;
  if (strstr (index->summary, word) != NULL)
    score += WEIGHT_SUMMARY;
  if (strstr (index->body, word) != NULL)
    score += WEIGHT_BODY;
  if (strstr (index->cites, word) != NULL)
    score += WEIGHT_CITE;
  if (strstr (index->section, word) != NULL)
    score += WEIGHT_SECTION;
  return score;
}

typedef struct
{
  guint score;
  guint position;
} Hit;

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return x->position < y->position ? -1 : x->position > y->position;
}

GPtrArray *
shore_guide_search (ShoreGuide *guide,
                    const char *query)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  GPtrArray *result;
  guint i, j;

  g_return_val_if_fail (guide != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  ensure_index (guide);
  folded = shore_guide_fold (query);
  words = g_strsplit (folded, " ", -1);

  for (i = 0; i < guide->articles->len; i++)
    {
      const ArticleIndex *index = &g_array_index (guide->index, ArticleIndex, i);
      Hit hit = { 0, i };

      for (j = 0; words[j] != NULL; j++)
        {
          guint score;

          if (*words[j] == '\0')
            continue;
          score = score_word (index, words[j]);
          if (score == 0)
            break;
          hit.score += score;
        }
      if (words[j] == NULL)
        g_array_append_val (hits, hit);
    }

  g_array_sort (hits, compare_hits);
  result = g_ptr_array_sized_new (hits->len);
  for (i = 0; i < hits->len; i++)
    g_ptr_array_add (result, guide->articles->pdata[g_array_index (hits, Hit, i).position]);
  return result;
}

/* ---- public API ---- */

ShoreGuide *
shore_guide_new_from_data (const char  *data,
                           gssize       length,
                           gboolean     translate,
                           GError     **error)
{
  g_autoptr(ShoreGuide) guide = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GPtrArray) block_refs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GHashTable) section_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  ParseState state = { 0 };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  guide = g_new0 (ShoreGuide, 1);
  g_atomic_ref_count_init (&guide->ref_count);
  guide->sections = g_ptr_array_new_with_free_func (section_free);
  guide->articles = g_ptr_array_new ();
  guide->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_mutex_init (&guide->index_lock);

  state.guide = guide;
  state.translate = translate;
  state.block_refs = block_refs;
  state.text = text;
  state.section_ids = section_ids;

  context = g_markup_parse_context_new (&guide_parser, G_MARKUP_PREFIX_ERROR_POSITION, &state, NULL);
  if (!g_markup_parse_context_parse (context, data, length, error)
      || !g_markup_parse_context_end_parse (context, error))
    return NULL;

  if (guide->disclaimer == NULL)
    {
      g_set_error (error, SHORE_GUIDE_ERROR, SHORE_GUIDE_ERROR_DATA, "guide.xml: there is no <guide>");
      return NULL;
    }

  return g_steal_pointer (&guide);
}

ShoreGuide *
shore_guide_new (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Looked up in the GResource itself, so it works whether or not the
   * resource's constructor ran. */
  bytes = g_resource_lookup_data (shore_core_get_resource (), GUIDE_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  return shore_guide_new_from_data (data, (gssize) size, TRUE, error);
}

ShoreGuide *
shore_guide_ref (ShoreGuide *guide)
{
  g_return_val_if_fail (guide != NULL, NULL);

  g_atomic_ref_count_inc (&guide->ref_count);
  return guide;
}

void
shore_guide_unref (ShoreGuide *guide)
{
  g_return_if_fail (guide != NULL);

  if (!g_atomic_ref_count_dec (&guide->ref_count))
    return;

  g_free (guide->disclaimer);
  g_clear_pointer (&guide->index, g_array_unref);
  g_mutex_clear (&guide->index_lock);
  g_hash_table_unref (guide->by_id);
  g_ptr_array_unref (guide->articles);
  g_ptr_array_unref (guide->sections);
  g_free (guide);
}

const char *
shore_guide_get_disclaimer (ShoreGuide *guide)
{
  g_return_val_if_fail (guide != NULL, NULL);

  return guide->disclaimer;
}

const GDate *
shore_guide_get_checked (ShoreGuide *guide)
{
  g_return_val_if_fail (guide != NULL, NULL);

  return &guide->checked;
}

GPtrArray *
shore_guide_get_sections (ShoreGuide *guide)
{
  g_return_val_if_fail (guide != NULL, NULL);

  return guide->sections;
}

GPtrArray *
shore_guide_get_articles (ShoreGuide *guide)
{
  g_return_val_if_fail (guide != NULL, NULL);

  return guide->articles;
}

const ShoreGuideArticle *
shore_guide_lookup_article (ShoreGuide *guide,
                            const char *id)
{
  g_return_val_if_fail (guide != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (guide->by_id, id);
}

const char *
shore_guide_cite_kind_label (ShoreGuideCiteKind kind)
{
  switch (kind)
    {
    case SHORE_GUIDE_CITE_LAW:
      /* Translators: what a statement in the legal guide rests on: a statute or judicial interpretation */
      return _("Law");
    case SHORE_GUIDE_CITE_REGULATION:
      /* Translators: what a statement in the legal guide rests on: a State Council or regulator's rule */
      return _("Regulation");
    case SHORE_GUIDE_CITE_INDUSTRY_CODE:
      /* Translators: what a statement in the legal guide rests on: a self-regulatory code, not law */
      return _("Industry code");
    case SHORE_GUIDE_CITE_PRACTICE:
      /* Translators: what a statement in the legal guide rests on: how things usually go, not a rule */
      return _("Common practice");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
shore_guide_confidence_label (ShoreGuideConfidence confidence)
{
  switch (confidence)
    {
    case SHORE_GUIDE_CONFIDENCE_PRIMARY:
      /* Translators: a citation in the legal guide whose article text we read ourselves */
      return _("Checked against the text");
    case SHORE_GUIDE_CONFIDENCE_SECONDARY:
      /* Translators: a citation in the legal guide known only from news or reprints */
      return _("Reported");
    default:
      g_return_val_if_reached (NULL);
    }
}
