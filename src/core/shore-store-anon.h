/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shore-store.h"

G_BEGIN_DECLS

/* Rewriting a (throw-away) copy of a store so that it names no one: for
 * training handouts. The store walks the rows and asks @func for each value
 * that can name or reach a person; what it rewrites and what it clears
 * without asking is listed at shore_store_anonymize(). */

typedef enum {
  SHORE_STORE_ANON_LENDER,        /* loans.lender; by loan id, before anything else */
  SHORE_STORE_ANON_ORGANIZATION,  /* contacts.organization; by contact id, after every lender */
  SHORE_STORE_ANON_PERSON,        /* contacts.person; by contact id */
  SHORE_STORE_ANON_PHONE,         /* contacts.phone; by contact id */
  SHORE_STORE_ANON_TEXT,          /* contacts.summary and third_parties; after every name and number */
  SHORE_STORE_ANON_ACCOUNT,       /* accounts.name by id: @value is a placeholder, @detail the kind
                                   * ("bank"); the new names must be unique */
} ShoreStoreAnonField;

/* Returns the new value (owned; non-empty where the old one was non-empty). */
typedef char *(*ShoreStoreAnonFunc) (ShoreStoreAnonField  field,
                                     const char          *value,
                                     const char          *detail,
                                     gpointer             user_data);

gboolean shore_store_anonymize (ShoreStore          *self,
                                ShoreStoreAnonFunc   func,
                                gpointer             user_data,
                                GError             **error);

G_END_DECLS
