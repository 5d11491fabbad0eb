/* SPDX-License-Identifier: GPL-3.0-or-later */
/* STUB: replaced by the rights topic's author. */
#include "config.h"
#include "../shore-intl.h"
#include "shore-handout-private.h"

gboolean
shore_handout_build_rights (ShoreHandoutContext *ctx, GError **error)
{
  shore_handout_set_error (ctx, error, SHORE_HANDOUT_ERROR_NO_DATA, "not built yet");
  return FALSE;
}

gboolean
shore_handout_build_overdue (ShoreHandoutContext *ctx, GError **error)
{
  shore_handout_set_error (ctx, error, SHORE_HANDOUT_ERROR_NO_DATA, "not built yet");
  return FALSE;
}
