/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shore-store.h"

G_BEGIN_DECLS

/* Training scenarios for counselors (data/scenarios/scenarios.xml, compiled
 * into the core resources): invented borrowers with their loans, payments,
 * a few months of budget, and, for the harassment case, a log of collection
 * contacts. Texts (names, lenders, notes, what collectors said) are English
 * in the file and translated through the po files like the guide; dates are
 * relative to the day the scenario is loaded, so “40 days overdue” holds on
 * any day. */

#define SHORE_TRAINING_ERROR (shore_training_error_quark ())

typedef enum {
  SHORE_TRAINING_ERROR_UNKNOWN,   /* no scenario of that name; the message lists the names */
  SHORE_TRAINING_ERROR_NOT_EMPTY, /* the store already holds loans or transactions */
  SHORE_TRAINING_ERROR_INVALID,   /* the scenario file is broken (a bug; tests catch it) */
} ShoreTrainingError;

typedef struct
{
  char *name;          /* "weilidai-overdue", "five-platforms", "high-cost", "harassment" */
  char *title;         /* translated (thread language): “Weilidai: ¥10,000, 40 days overdue” */
  char *summary;       /* translated: two or three sentences for the counselor */
  char *borrower;      /* translated: the invented borrower's name */
  char *phone;         /* an invented number, e.g. "138 0013 8000" */
  char *address;       /* translated */
} ShoreTrainingScenario;

GQuark                 shore_training_error_quark (void);

/* The scenario names in display order, NULL-terminated. */
const char * const    *shore_training_list_names  (void);
gboolean               shore_training_name_is_valid (const char *name);

/* The scenario's texts in the calling thread's language (see
 * shore_i18n_set_thread_language()); NULL with an error for an unknown name. */
ShoreTrainingScenario *shore_training_get         (const char             *name,
                                                   GError                **error);
void                   shore_training_scenario_free (ShoreTrainingScenario *scenario);

/* Writes the scenario into @store (which must hold no loans and no
 * transactions) as of @today, in one transaction: accounts, loans with
 * their payments, transactions, budgets, recurring items, contacts. Names
 * and texts are written in the calling thread's language. */
gboolean               shore_training_load        (const char             *name,
                                                   ShoreStore             *store,
                                                   const GDate            *today,
                                                   GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShoreTrainingScenario, shore_training_scenario_free)

G_END_DECLS
