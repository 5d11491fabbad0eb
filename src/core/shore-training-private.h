/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the files of the training scenarios only: shore-training.c
 * reads data/scenarios/scenarios.xml into these structs (texts kept as
 * untranslated msgids), shore-training-load.c writes one into a store. */

#include <glib.h>

#include "shore-evidence.h"
#include "shore-ledger.h"
#include "shore-loan.h"
#include "shore-training.h"

G_BEGIN_DECLS

typedef struct
{
  char             *key;
  ShoreAccountKind  kind;
  gint64            opening;
  char             *name;           /* msgid */
} ShoreTrainingAccount;

typedef struct
{
  char      *key;
  ShoreLoan *loan;                  /* lender and note are msgids; start_date unset */
  int        paid;
  int        due;                   /* days from the load day to installment paid + 1 */
  char      *account;
} ShoreTrainingLoan;

typedef struct
{
  GArray   *days;                   /* of int: days of the month; NULL for a one-off entry */
  int       offset;                 /* one-off: days from the load day */
  gint64    amount;
  char     *category;
  char     *account;
  gboolean  recurring;
  char     *payee;                  /* msgid */
  char     *note;                   /* msgid or NULL */
} ShoreTrainingEntry;

typedef struct
{
  char   *category;
  gint64  amount;
} ShoreTrainingBudget;

typedef struct
{
  int                  offset;
  int                  hour;
  int                  minute;
  ShoreContactChannel  channel;
  gboolean             connected;
  int                  duration;
  char                *loan;
  gint64               demanded;
  char                *phone;
  char                *organization; /* msgids */
  char                *person;
  char                *said;
  char                *third_parties;
} ShoreTrainingContact;

typedef struct
{
  char      *name;
  char      *title;                 /* msgids */
  char      *summary;
  char      *borrower;
  char      *phone;
  char      *address;
  GPtrArray *accounts;
  GPtrArray *loans;
  GPtrArray *entries;
  GPtrArray *budgets;
  GPtrArray *contacts;
} ShoreTrainingCase;

/* A msgid in the calling thread's language; NULL stays NULL. */
char     *shore_training_translate  (const char               *msgid);

/* Writes @scenario into @store as of @today inside the caller's
 * transaction; the caller commits or rolls back. */
gboolean  shore_training_write_case (const ShoreTrainingCase  *scenario,
                                     ShoreStore               *store,
                                     const GDate              *today,
                                     GError                  **error);

G_END_DECLS
