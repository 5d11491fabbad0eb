/* SPDX-License-Identifier: GPL-3.0-or-later */

/* For the files of the store layer only (shore-store-*.c): the rest of the
 * app goes through domain APIs and never sees SQL.
 */

#pragma once

#include <sqlite3.h>

#include "shore-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close_v2)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

sqlite3      *shore_store_get_db         (ShoreStore    *self);

gboolean      shore_store_check          (ShoreStore    *self,
                                          int            rc,
                                          GError       **error);
gboolean      shore_store_exec           (ShoreStore    *self,
                                          const char    *sql,
                                          GError       **error);
sqlite3_stmt *shore_store_prepare        (ShoreStore    *self,
                                          const char    *sql,
                                          GError       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean      shore_store_step           (ShoreStore    *self,
                                          sqlite3_stmt  *stmt,
                                          gboolean      *out_has_row,
                                          GError       **error);
gboolean      shore_store_step_done      (ShoreStore    *self,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);
gboolean      shore_store_in_transaction (ShoreStore    *self);

G_END_DECLS
