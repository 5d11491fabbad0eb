/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shore-document.h"
#include "../shore-payoff.h"
#include "../shore-store.h"

G_BEGIN_DECLS

/* Handouts: printable A4 pages for a counselor's session or for a borrower
 * to take home, built from a store (the user's own data, or a training
 * scenario loaded into a throw-away store) in the language asked for,
 * whatever the UI's. */

#define SHORE_HANDOUT_ERROR (shore_handout_error_quark ())

typedef enum {
  SHORE_HANDOUT_ERROR_INVALID,   /* a bad option (topic, language, letter); the message names it */
  SHORE_HANDOUT_ERROR_NO_DATA,   /* the store lacks what the topic needs (no loans, no overdue
                                  * loan, no budget month, no contacts); the message says what */
} ShoreHandoutError;

typedef enum {
  SHORE_HANDOUT_RIGHTS,     /* your rights when collectors call, 1–2 pages, from the guide */
  SHORE_HANDOUT_OVERDUE,    /* what overdue really costs: a loan's simulation, chart, milestones */
  SHORE_HANDOUT_BUDGET,     /* the month's budget summary and the surplus for debts */
  SHORE_HANDOUT_PLAN,       /* repayment / payoff plan across the loans */
  SHORE_HANDOUT_LETTER,     /* one of the letters (ShoreHandoutOptions.letter) */
  SHORE_HANDOUT_EVIDENCE,   /* the evidence sheet of the collection contacts */
  SHORE_HANDOUT_N_TOPICS
} ShoreHandoutTopic;

typedef struct
{
  ShoreHandoutTopic    topic;
  const char          *language;      /* "zh_CN", "zh_TW" or "en"; required */
  GDate                today;         /* the date the handout is as of; required (valid) */
  gboolean             anonymize;     /* names, numbers and lenders replaced (training) */
  const char          *case_title;    /* nullable: the training case's title, shown under
                                       * the handout's title unless anonymized (it
                                       * names the lender); already in @language */
  /* letter */
  const char          *letter;        /* a letter id (shore_letter_list_ids()); NULL: "hardship" */
  const char          *borrower_name; /* nullable: blank lines to fill in by hand when NULL */
  const char          *borrower_phone;
  const char          *borrower_address;
  /* overdue */
  gint64               loan_id;       /* 0: the loan overdue longest (else the largest) */
  /* plan */
  gint64               monthly_budget;/* fen; 0: the budget's “available for debt” this month */
  ShorePayoffStrategy  strategy;      /* the plan's strategy (avalanche by default: 0) */
} ShoreHandoutOptions;

GQuark              shore_handout_error_quark       (void);
void                shore_handout_options_init      (ShoreHandoutOptions *options,
                                                     ShoreHandoutTopic    topic,
                                                     const char          *language,
                                                     const GDate         *today);

/* "rights", "overdue", "budget", "plan", "letter", "evidence" */
const char         *shore_handout_topic_to_string   (ShoreHandoutTopic    topic);
gboolean            shore_handout_topic_from_string (const char          *text,
                                                     ShoreHandoutTopic   *out);
/* Translated (UI language): “Your rights when collectors call” … */
const char         *shore_handout_topic_get_label   (ShoreHandoutTopic    topic);
const char         *shore_handout_topic_get_description (ShoreHandoutTopic topic);

/* Builds the handout: every string in options->language (set for the
 * calling thread while building, then given back), pango's language set so
 * zh_TW takes TC glyphs. With @anonymize the store is copied to a temporary
 * one first and the copy's names, numbers and lenders replaced; @store is
 * never written. Thread-safe for different stores. */
ShoreDocument      *shore_handout_build             (ShoreStore                *store,
                                                     const ShoreHandoutOptions *options,
                                                     GError                   **error);

/* A file name for a handout: "overdue-zh_TW.pdf", "letter-hardship-en.pdf";
 * with @prefix (a scenario name) "weilidai-overdue-zh_TW.pdf". */
char               *shore_handout_file_name         (const ShoreHandoutOptions *options,
                                                     const char                *prefix) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
