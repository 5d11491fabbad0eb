/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void         shore_i18n_init                (void);

/* Languages a document can be written in, whatever the UI's: "zh_CN",
 * "zh_TW" and "en" (the source strings). */
gboolean     shore_i18n_language_is_valid   (const char *language);
/* The one of those that matches the process's (the UI's) language. */
const char  *shore_i18n_ui_language         (void);
gboolean     shore_i18n_language_check      (const char *language,
                                             GError    **error);

/* Translation in the calling thread only. @language NULL returns the thread
 * to the process's language (gettext, as set by the environment); otherwise
 * every core string translated in this thread comes from @language's
 * catalog until it is set back. Returns the previous setting (interned, or
 * NULL) so that callers can restore it. */
const char  *shore_i18n_set_thread_language (const char *language);
const char  *shore_i18n_get_thread_language (void);

const char  *shore_gettext                  (const char *msgid) G_GNUC_FORMAT (1);
const char  *shore_pgettext                 (const char *msgctxtid,
                                             gsize       msgidoffset) G_GNUC_FORMAT (1);
const char  *shore_pgettext2                (const char *context,
                                             const char *msgid) G_GNUC_FORMAT (2);
const char  *shore_ngettext                 (const char *msgid,
                                             const char *msgid_plural,
                                             gulong      n) G_GNUC_FORMAT (1) G_GNUC_FORMAT (2);

G_END_DECLS
