/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SHORE_STORE_ERROR:
 *
 * Error domain for the database. Errors in this domain are from the
 * #ShoreStoreError enumeration; their messages are translated and fit to
 * be shown to the user as they are.
 */
#define SHORE_STORE_ERROR (shore_store_error_quark ())

/**
 * ShoreStoreError:
 * @SHORE_STORE_ERROR_FAILED: any other failure (input/output error, full disk…)
 * @SHORE_STORE_ERROR_NOT_A_DATABASE: the file is not a Shore database, or it
 *   is damaged (not sqlite, corrupt, or failing the integrity check)
 * @SHORE_STORE_ERROR_TOO_NEW: the database was written by a newer version of
 *   Shore (its schema version is above %SHORE_STORE_SCHEMA_VERSION)
 * @SHORE_STORE_ERROR_PERMISSION: the folder or the file cannot be created or
 *   written
 * @SHORE_STORE_ERROR_BUSY: another program holds the database locked for
 *   longer than the busy timeout
 * @SHORE_STORE_ERROR_CONSTRAINT: a write broke a constraint of the schema
 *   (foreign key, CHECK, UNIQUE, NOT NULL)
 *
 * Why a store operation failed.
 */
typedef enum {
  SHORE_STORE_ERROR_FAILED,
  SHORE_STORE_ERROR_NOT_A_DATABASE,
  SHORE_STORE_ERROR_TOO_NEW,
  SHORE_STORE_ERROR_PERMISSION,
  SHORE_STORE_ERROR_BUSY,
  SHORE_STORE_ERROR_CONSTRAINT,
} ShoreStoreError;

/**
 * SHORE_STORE_SCHEMA_VERSION:
 *
 * The newest schema this build can read and write; stored in the
 * database as `PRAGMA user_version`.
 */
#define SHORE_STORE_SCHEMA_VERSION 3

#define SHORE_TYPE_STORE (shore_store_get_type ())

G_DECLARE_FINAL_TYPE (ShoreStore, shore_store, SHORE, STORE, GObject)

GQuark      shore_store_error_quark        (void);

ShoreStore *shore_store_open               (const char  *data_dir,
                                            GError     **error) G_GNUC_WARN_UNUSED_RESULT;
const char *shore_store_get_path           (ShoreStore  *self);
int         shore_store_get_schema_version (ShoreStore  *self);

gboolean    shore_store_begin              (ShoreStore  *self,
                                            GError     **error);
gboolean    shore_store_commit             (ShoreStore  *self,
                                            GError     **error);
void        shore_store_rollback           (ShoreStore  *self);

char       *shore_store_set_aside          (const char  *data_dir,
                                            GError     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    shore_store_backup             (ShoreStore  *self,
                                            const char  *dest_path,
                                            GError     **error);

char       *shore_store_get_meta           (ShoreStore  *self,
                                            const char  *key) G_GNUC_WARN_UNUSED_RESULT;
gboolean    shore_store_set_meta           (ShoreStore  *self,
                                            const char  *key,
                                            const char  *value,
                                            GError     **error);

G_END_DECLS
