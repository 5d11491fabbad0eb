/* SPDX-License-Identifier: GPL-3.0-or-later */
/* STUB: replaced by the training scenarios' author. */
#include "config.h"
#include "shore-intl.h"
#include "shore-training.h"

G_DEFINE_QUARK (shore-training-error-quark, shore_training_error)

static const char *const names[] = { "weilidai-overdue", "five-platforms", "high-cost", "harassment", NULL };

const char * const *
shore_training_list_names (void)
{
  return names;
}

gboolean
shore_training_name_is_valid (const char *name)
{
  return name != NULL && g_strv_contains (names, name);
}

ShoreTrainingScenario *
shore_training_get (const char *name, GError **error)
{
  g_set_error (error, SHORE_TRAINING_ERROR, SHORE_TRAINING_ERROR_UNKNOWN, "not built yet");
  return NULL;
}

void
shore_training_scenario_free (ShoreTrainingScenario *scenario)
{
  if (scenario == NULL)
    return;
  g_free (scenario->name);
  g_free (scenario->title);
  g_free (scenario->summary);
  g_free (scenario->borrower);
  g_free (scenario->phone);
  g_free (scenario->address);
  g_free (scenario);
}

gboolean
shore_training_load (const char *name, ShoreStore *store, const GDate *today, GError **error)
{
  g_set_error (error, SHORE_TRAINING_ERROR, SHORE_TRAINING_ERROR_UNKNOWN, "not built yet");
  return FALSE;
}
