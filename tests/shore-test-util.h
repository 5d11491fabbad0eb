/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Set-up shared by the core tests: a store in a fresh temporary folder,
 * fixed dates, loans and transactions added with every step asserted,
 * one-value SQL queries, and the data files under tests/data. */

#pragma once

#include <glib.h>

#include "shore-debts.h"
#include "shore-store.h"

G_BEGIN_DECLS

/* Removes @path and everything below it, without following links; makes
 * read-only folders writable first. Nothing happens if @path is missing. */
void        shore_test_rm_rf            (const char       *path);

/* The contents of tests/data/@folder/@name; asserts it is read. */
GBytes     *shore_test_read_data        (const char       *folder,
                                         const char       *name);

/* Inserts @n bytes of @bytes into @array before byte @at. */
void        shore_test_insert_bytes     (GByteArray       *array,
                                         guint             at,
                                         const guint8     *bytes,
                                         guint             n);

/* Opens a store in a new temporary folder named after the test program;
 * stores the folder in @data_dir (free it with shore_test_store_free()). */
ShoreStore *shore_test_store_new        (char            **data_dir);

/* Closes *@store, removes *@data_dir and clears both. */
void        shore_test_store_free       (ShoreStore      **store,
                                         char            **data_dir);

/* The fixture of a test that needs a store and nothing else. */
typedef struct
{
  char       *data_dir;
  ShoreStore *store;
} ShoreTestFixture;

void        shore_test_fixture_set_up   (ShoreTestFixture *f,
                                         gconstpointer     data);
void        shore_test_fixture_tear_down (ShoreTestFixture *f,
                                         gconstpointer     data);

/* @iso (YYYY-MM-DD) as a GDate; asserts it parses. */
GDate       shore_test_date             (const char       *iso);

/* A 12-month equal-installment loan at 0.05% a day from @lender, not yet
 * stored. */
ShoreLoan  *shore_test_loan_new         (const char       *lender,
                                         ShoreLenderType   type,
                                         gint64            principal,
                                         const char       *start);

/* Adds @loan to @store (setting its id) and returns its id. */
gint64      shore_test_store_loan       (ShoreStore       *store,
                                         ShoreLoan        *loan);

/* Stores shore_test_loan_new() and returns its id. */
gint64      shore_test_add_loan         (ShoreStore       *store,
                                         const char       *lender,
                                         ShoreLenderType   type,
                                         gint64            principal,
                                         const char       *start);

/* The id of the built-in category @key; asserts it exists. */
gint64      shore_test_builtin          (ShoreStore       *store,
                                         const char       *key);

/* Adds a transaction in the category @category_id (0: none) and returns
 * its id. */
gint64      shore_test_add_txn_id       (ShoreStore       *store,
                                         const char       *iso,
                                         gint64            amount,
                                         gint64            account_id,
                                         gint64            category_id,
                                         const char       *payee);

/* The same in the built-in category @category_key. */
gint64      shore_test_add_txn          (ShoreStore       *store,
                                         const char       *iso,
                                         gint64            amount,
                                         gint64            account_id,
                                         const char       *category_key,
                                         const char       *payee);

/* The first column of the first row of @sql; asserts there is a row. */
gint64      shore_test_query_int        (ShoreStore       *store,
                                         const char       *sql);
char       *shore_test_query_text       (ShoreStore       *store,
                                         const char       *sql);

G_END_DECLS
