/* SPDX-License-Identifier: GPL-3.0-or-later */
/* STUB: replaced by the letter, evidence and anonymizing author. */
#include "config.h"
#include "../shore-intl.h"
#include "shore-handout-private.h"

gboolean
shore_handout_build_letter (ShoreHandoutContext *ctx, GError **error)
{
  shore_handout_set_error (ctx, error, SHORE_HANDOUT_ERROR_NO_DATA, "not built yet");
  return FALSE;
}

gboolean
shore_handout_build_evidence (ShoreHandoutContext *ctx, GError **error)
{
  shore_handout_set_error (ctx, error, SHORE_HANDOUT_ERROR_NO_DATA, "not built yet");
  return FALSE;
}

ShoreStore *
shore_handout_anonymized_copy (ShoreStore *store, char **out_dir, GError **error)
{
  *out_dir = NULL;
  g_set_error (error, SHORE_HANDOUT_ERROR, SHORE_HANDOUT_ERROR_INVALID, "not built yet");
  return NULL;
}

void
shore_handout_remove_dir (const char *dir)
{
}
