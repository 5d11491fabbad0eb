/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SHORE_GUIDE_ERROR (shore_guide_error_quark ())

typedef enum {
  SHORE_GUIDE_ERROR_DATA,         /* the guide XML is malformed or breaks the schema below */
} ShoreGuideError;

/* What a statement rests on. Never show an industry code or a practice as law. */
typedef enum {
  SHORE_GUIDE_CITE_LAW,           /* a statute or judicial interpretation */
  SHORE_GUIDE_CITE_REGULATION,    /* a State Council regulation or a regulator's rule */
  SHORE_GUIDE_CITE_INDUSTRY_CODE, /* a self-regulatory code of an industry association */
  SHORE_GUIDE_CITE_PRACTICE,      /* how things usually go (collection stages, hotlines) */
} ShoreGuideCiteKind;

typedef enum {
  SHORE_GUIDE_CONFIDENCE_PRIMARY,   /* "P": the article text itself was read */
  SHORE_GUIDE_CONFIDENCE_SECONDARY, /* "S": reported by a secondary source */
} ShoreGuideConfidence;

typedef enum {
  SHORE_GUIDE_BLOCK_PARAGRAPH,
  SHORE_GUIDE_BLOCK_ITEM,         /* one bullet of a list */
} ShoreGuideBlockKind;

typedef struct _ShoreGuide        ShoreGuide;
typedef struct _ShoreGuideSection ShoreGuideSection;

/* All strings are owned by the guide and already translated (unless the
 * guide was made with translate = FALSE). */
typedef struct
{
  char                 *ref;         /* stable ASCII id, unique within its article */
  ShoreGuideCiteKind    kind;
  ShoreGuideConfidence  confidence;
  char                 *text;        /* e.g. 《民法典》第1033条 */
} ShoreGuideCite;

typedef struct
{
  ShoreGuideBlockKind   kind;
  char                 *text;
  GPtrArray            *cites;       /* ShoreGuideCite*, borrowed from the article; may be empty */
} ShoreGuideBlock;

typedef struct
{
  char                 *id;          /* stable ASCII id, unique in the guide */
  char                 *title;
  char                 *summary;
  GDate                 checked;     /* when the article was last checked against the sources */
  char                 *related;     /* an app place ("simulator", "letters", "evidence") or NULL */
  GPtrArray            *blocks;      /* ShoreGuideBlock*, in order */
  GPtrArray            *cites;       /* ShoreGuideCite*, at least one */
  ShoreGuideSection    *section;
} ShoreGuideArticle;

struct _ShoreGuideSection
{
  char                 *id;
  char                 *title;
  GPtrArray            *articles;    /* ShoreGuideArticle* */
};

GQuark                   shore_guide_error_quark     (void);

/* The guide bundled in the core GResource, each text translated with
 * g_dgettext (GETTEXT_PACKAGE) at load: load it under uselocale() (or with
 * LANGUAGE set) to get another language. */
ShoreGuide              *shore_guide_new             (GError       **error);
/* A guide from XML text. With translate = FALSE the texts stay as written
 * (whitespace collapsed the way xgettext does: they are the msgids). */
ShoreGuide              *shore_guide_new_from_data   (const char    *data,
                                                      gssize         length,
                                                      gboolean       translate,
                                                      GError       **error);
ShoreGuide              *shore_guide_ref             (ShoreGuide    *guide);
void                     shore_guide_unref           (ShoreGuide    *guide);

const char              *shore_guide_get_disclaimer  (ShoreGuide    *guide);
const GDate             *shore_guide_get_checked     (ShoreGuide    *guide);
/* ShoreGuideSection*, in order; borrowed. */
GPtrArray               *shore_guide_get_sections    (ShoreGuide    *guide);
/* Every ShoreGuideArticle* in document order; borrowed. */
GPtrArray               *shore_guide_get_articles    (ShoreGuide    *guide);
const ShoreGuideArticle *shore_guide_lookup_article  (ShoreGuide    *guide,
                                                      const char    *id);

/* Articles matching every word of @query, best first (title over summary
 * over body over citations; ties in document order). Simplified and
 * traditional characters, case and full-width/half-width forms all match
 * each other. An empty query gives every article. A new array of borrowed
 * ShoreGuideArticle*. */
GPtrArray               *shore_guide_search          (ShoreGuide    *guide,
                                                      const char    *query);

/* The form search compares: NFKC, case-folded, traditional to simplified
 * (OpenCC t2s) and a few variant characters unified, whitespace collapsed. */
char                    *shore_guide_fold            (const char    *text);

/* Translated labels for the UI and handouts, e.g. "Industry code", "Reported". */
const char              *shore_guide_cite_kind_label  (ShoreGuideCiteKind   kind);
const char              *shore_guide_confidence_label (ShoreGuideConfidence confidence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoreGuide, shore_guide_unref)

G_END_DECLS
