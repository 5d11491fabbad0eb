/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shore-handout"

#include "config.h"

#include <string.h>

#include "../shore-guide.h"
#include "../shore-intl.h"
#include "shore-handout-private.h"

/* “Your rights when collectors call”: one or two pages a harassed borrower
 * keeps by the phone. Everything comes from the guide (loaded in the
 * handout's language): each row is an article's summary, or one of its
 * paragraphs, with the citations that carry that statement, each with its
 * kind (law, regulation, industry code, practice) and how sure the guide is.
 * The choice of rows and citations is the only editorial part. */

#define MAX_CITES 3

typedef struct
{
  const char *article;
  const char *block_cite;        /* the text is the first block resting on this
                                  * ref; NULL: the article's summary */
  guint       n_items;           /* then the article's first list items */
  const char *title;             /* N_(): instead of the article's title */
  const char *cites[MAX_CITES];  /* the refs shown; none: no citation */
} Row;

static const Row may_not[] = {
  { "calls",           NULL, 0, NULL, { "cba-2026", "nifa-2024" } },
  { "third-parties",   NULL, 0, NULL, { "cba-2026" } },
  { "contact-list",    NULL, 0, NULL, { "civil-1033", "pipl" } },
  { "threats-insults", NULL, 0, NULL, { "cc-68", "psa-42" } },
  { "soft-violence",   NULL, 0, NULL, { "soft-violence" } },
  { "fake-documents",  NULL, 0, NULL, { "cba-2026" } },
  { "visits",          NULL, 0, NULL, { "cba-2026-22", "crim-238" } },
};

static const Row can_do[] = {
  { "record-evidence", NULL,    1, NULL, { NULL } },
  /* Translators: a row of the rights handout: ask the lender or collector
   * to put the debt and any agreement in writing */
  { "fake-documents",  "cc-69", 0, N_("Ask for it in writing"), { "cc-69" } },
  { "loan-extensions", NULL,    0, NULL, { "civil-678" } },
  { "stop-interest",   NULL,    0, NULL, { "cc-70" } },
};

static const char *hotlines[] = { "12378", "12363", "12321", "110", "12368", "12348" };

static gboolean
block_rests_on (const ShoreGuideBlock *block,
                const char            *ref)
{
  for (guint i = 0; i < block->cites->len; i++)
    {
      const ShoreGuideCite *cite = g_ptr_array_index (block->cites, i);

      if (strcmp (cite->ref, ref) == 0)
        return TRUE;
    }
  return FALSE;
}

static const ShoreGuideBlock *
find_block (const ShoreGuideArticle *article,
            const char              *ref)
{
  for (guint i = 0; i < article->blocks->len; i++)
    {
      const ShoreGuideBlock *block = g_ptr_array_index (article->blocks, i);

      if (block_rests_on (block, ref))
        return block;
    }
  return NULL;
}

static const ShoreGuideCite *
find_cite (const ShoreGuideArticle *article,
           const char              *ref)
{
  for (guint i = 0; i < article->cites->len; i++)
    {
      const ShoreGuideCite *cite = g_ptr_array_index (article->cites, i);

      if (strcmp (cite->ref, ref) == 0)
        return cite;
    }
  return NULL;
}

/* “《民法典》第1033条 (Law · Checked against the text)” */
static char *
format_cite (const ShoreGuideCite *cite)
{
  /* Translators: a citation on the rights handout: %1$s the law and article
   * (《民法典》第1033条), %2$s what kind of rule it is (“Law”, “Industry
   * code”), %3$s how sure the guide is (“Reported”) */
  return g_strdup_printf (_("%1$s (%2$s · %3$s)"), cite->text,
                          shore_guide_cite_kind_label (cite->kind),
                          shore_guide_confidence_label (cite->confidence));
}

static char *
row_text (const ShoreGuideArticle *article,
          const Row               *row)
{
  const ShoreGuideBlock *block = row->block_cite != NULL ? find_block (article, row->block_cite) : NULL;
  GString *text = g_string_new (block != NULL ? block->text : article->summary);
  guint n = 0;

  for (guint i = 0; i < article->blocks->len && n < row->n_items; i++)
    {
      const ShoreGuideBlock *item = g_ptr_array_index (article->blocks, i);

      if (item->kind != SHORE_GUIDE_BLOCK_ITEM)
        continue;
      /* Translators: a bullet before an item of a list on a handout */
      g_string_append_printf (text, "\n%s%s", _("• "), item->text);
      n++;
    }
  return g_string_free (text, FALSE);
}

static char *
row_sources (const ShoreGuideArticle *article,
             const Row               *row)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < MAX_CITES && row->cites[i] != NULL; i++)
    {
      const ShoreGuideCite *cite = find_cite (article, row->cites[i]);

      if (cite != NULL)
        g_ptr_array_add (lines, format_cite (cite));
    }
  if (lines->len == 0)
    /* Translators: in the source column of the rights handout: practical
     * advice that rests on no rule */
    return g_strdup (_("Practical advice"));
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static void
add_rows (ShoreHandoutContext *ctx,
          ShoreGuide          *guide,
          const char          *first_header,
          const Row           *rows,
          guint                n_rows)
{
  static const ShoreDocumentAlign aligns[] = { SHORE_DOCUMENT_ALIGN_START, SHORE_DOCUMENT_ALIGN_START };
  const char *header[] = {
    first_header,
    /* Translators: a column of the rights handout: the law and article, its kind, how sure */
    _("Source"),
  };
  g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < n_rows; i++)
    {
      const ShoreGuideArticle *article = shore_guide_lookup_article (guide, rows[i].article);
      g_autofree char *text = NULL;
      char **cells;

      if (article == NULL)
        {
          g_warning ("The guide has no article “%s”", rows[i].article);
          continue;
        }
      text = row_text (article, &rows[i]);
      cells = g_new0 (char *, 3);
      /* Translators: a row of the rights handout: %1$s the subject (an
       * article's title), %2$s what the rules say about it */
      cells[0] = g_strdup_printf (_("%1$s: %2$s"), rows[i].title != NULL ? _(rows[i].title) : article->title, text);
      cells[1] = row_sources (article, &rows[i]);
      g_ptr_array_add (table, cells);
    }
  shore_document_add_table (ctx->doc, header, G_N_ELEMENTS (header), table, aligns);
}

/* The hotline items of the guide read “12378: what it is for”; the number
 * goes in its own column. */
static const char *
after_number (const char *text,
              const char *number)
{
  const char *rest;

  if (!g_str_has_prefix (text, number))
    return text;
  rest = text + strlen (number);
  if (g_str_has_prefix (rest, ":"))
    rest += strlen (":");
  else if (g_str_has_prefix (rest, "："))
    rest += strlen ("：");
  else
    return text;
  while (*rest == ' ')
    rest++;
  return rest;
}

static void
add_hotlines (ShoreHandoutContext *ctx,
              ShoreGuide          *guide)
{
  static const ShoreDocumentAlign aligns[] = { SHORE_DOCUMENT_ALIGN_START, SHORE_DOCUMENT_ALIGN_START };
  const ShoreGuideArticle *article = shore_guide_lookup_article (guide, "who-to-call");
  const char *header[] = {
    /* Translators: a column of the hotline table: the phone number */
    _("Call"),
    /* Translators: a column of the hotline table */
    _("What for"),
  };
  g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const ShoreGuideCite *source = NULL;

  if (article == NULL)
    {
      g_warning ("The guide has no article “who-to-call”");
      return;
    }

  shore_document_add_paragraph (ctx->doc, article->summary);
  for (guint i = 0; i < G_N_ELEMENTS (hotlines); i++)
    {
      g_autofree char *ref = g_strconcat ("hotline-", hotlines[i], NULL);

      for (guint j = 0; j < article->blocks->len; j++)
        {
          const ShoreGuideBlock *block = g_ptr_array_index (article->blocks, j);
          char **cells;

          if (block->kind != SHORE_GUIDE_BLOCK_ITEM || !block_rests_on (block, ref))
            continue;
          cells = g_new0 (char *, 3);
          cells[0] = g_strdup (hotlines[i]);
          cells[1] = g_strdup (after_number (block->text, hotlines[i]));
          g_ptr_array_add (table, cells);
          source = source != NULL ? source : find_cite (article, ref);
          break;
        }
    }
  shore_document_add_table (ctx->doc, header, G_N_ELEMENTS (header), table, aligns);

  if (source != NULL)
    {
      /* Translators: under the hotline table; %1$s is what the details rest
       * on (“Common practice”), %2$s how sure the guide is (“Reported”) */
      g_autofree char *note = g_strdup_printf (_("What each line handles: %1$s · %2$s."),
                                               shore_guide_cite_kind_label (source->kind),
                                               shore_guide_confidence_label (source->confidence));

      shore_document_add_paragraph (ctx->doc, note);
    }
}

static void
add_closing (ShoreHandoutContext *ctx,
             ShoreGuide          *guide)
{
  g_autofree char *checked = shore_handout_format_date (shore_guide_get_checked (guide));
  /* Translators: after the guide's disclaimer on the rights handout; %s is a date */
  g_autofree char *when = g_strdup_printf (_("The rules on this sheet were last checked against their sources on %s."),
                                           checked);
  /* Translators: joins the guide's disclaimer and the sentence that says when
   * it was checked; in Chinese without the space */
  g_autofree char *text = g_strdup_printf (_("%1$s %2$s"), shore_guide_get_disclaimer (guide), when);

  /* Translators: the last heading of the rights handout */
  shore_document_add_heading (ctx->doc, _("About this sheet"));
  shore_document_add_paragraph (ctx->doc, text);
}

/**
 * shore_handout_build_rights:
 * @ctx: the handout being built, in its language
 * @error: return location for an error
 *
 * Your rights when collectors call, from the guide.
 *
 * Returns: %TRUE on success
 */
gboolean
shore_handout_build_rights (ShoreHandoutContext *ctx,
                            GError             **error)
{
  g_autoptr(ShoreGuide) guide = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *subtitle = shore_handout_subtitle (ctx, NULL);

  /* Loaded now, while the thread speaks the handout's language. */
  guide = shore_guide_new (&local);
  if (guide == NULL)
    {
      /* Translators: %s says what is wrong with the guide's data */
      shore_handout_set_error (ctx, error, SHORE_HANDOUT_ERROR_NO_DATA,
                               N_("The rights guide could not be read: %s"), local->message);
      return FALSE;
    }

  shore_document_set_title (ctx->doc, shore_handout_topic_get_label (SHORE_HANDOUT_RIGHTS), subtitle);
  shore_document_add_paragraph (ctx->doc,
                                _("Owing money does not take away your rights. Each point below names its "
                                  "source: a law, a regulation, an industry code (which is not law) or "
                                  "common practice, and whether its text was checked or is only reported."));

  /* Translators: a heading of the rights handout */
  shore_document_add_heading (ctx->doc, _("What collectors may not do"));
  /* Translators: a column of the rights handout */
  add_rows (ctx, guide, _("What the rules say"), may_not, G_N_ELEMENTS (may_not));

  /* Translators: a heading of the rights handout */
  shore_document_add_heading (ctx->doc, _("What you can do"));
  /* Translators: a column of the rights handout: steps the borrower can take */
  add_rows (ctx, guide, _("Step"), can_do, G_N_ELEMENTS (can_do));

  /* Translators: a heading of the rights handout */
  shore_document_add_heading (ctx->doc, _("Who to call"));
  add_hotlines (ctx, guide);

  add_closing (ctx, guide);
  return TRUE;
}
