/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The legal-rights guide (core/shore-guide): its sections and articles in a
 * sidebar with a search, an article with its sources beside it, and the way
 * to the evidence log and the letters. */
#define SHORE_TYPE_RIGHTS_PAGE (shore_rights_page_get_type ())

G_DECLARE_FINAL_TYPE (ShoreRightsPage, shore_rights_page, SHORE, RIGHTS_PAGE, AdwBin)

/* Shows the article @article_id (a guide id such as "calls"); FALSE if the
 * guide has no such article. */
gboolean    shore_rights_page_show_article (ShoreRightsPage *self,
                                            const char      *article_id);
/* The id of the article shown, or NULL while the start pane is shown. */
const char *shore_rights_page_get_article  (ShoreRightsPage *self);

G_END_DECLS
