/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shared by the readers of the XML data files (the guide, the training
 * scenarios), which GMarkup parses and xgettext extracts with ITS rules. */

/* Trims and collapses runs of white space to one space, as xgettext does
 * for ITS elements without preserved space: the result is the msgid. */
char     *shore_markup_collapse_space (const char          *text) G_GNUC_WARN_UNUSED_RESULT;

/* The element text gathered in @text, collapsed as above; empties @text. */
char     *shore_markup_take_text      (GString             *text) G_GNUC_WARN_UNUSED_RESULT;

/* Sets @error to “FILE:LINE: WHAT” at the parser's current line (a broken
 * data file is a bug: not translated). Returns %FALSE. */
gboolean  shore_markup_error          (GMarkupParseContext *context,
                                       GError             **error,
                                       GQuark               domain,
                                       int                  code,
                                       const char          *file,
                                       const char          *what);

G_END_DECLS
