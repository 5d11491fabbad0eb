/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Core code includes this instead of <glib/gi18n-lib.h>: the same macros,
 * but translated through shore_gettext() so that a thread can write a
 * document in another language than the UI's (shore_i18n_set_thread_language()). */

#include <string.h>
#include <glib/gi18n-lib.h>

#include "shore-i18n.h"

#undef _
#define _(String) ((char *) shore_gettext (String))
#undef C_
#define C_(Context, String) ((char *) shore_pgettext (Context "\004" String, strlen (Context) + 1))
#undef Q_
#define Q_(String) g_dpgettext (GETTEXT_PACKAGE, String, 0)
