/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the CLI tests, which run the real `shore` binary from
 * $SHORE_BIN with no display. */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* g_test_init(), nonfatal assertions (every case reports on its own) and a
 * check that $SHORE_BIN is set. */
void        shore_test_cli_init               (int                 *argc,
                                               char              ***argv);

/* Adds "/@prefix/<name>" for each of @n_cases cases of @case_size bytes,
 * each of which starts with its `const char *name`. */
void        shore_test_cli_add_cases          (const char          *prefix,
                                               gconstpointer        cases,
                                               gsize                n_cases,
                                               gsize                case_size,
                                               GTestDataFunc        func);

/* Runs $SHORE_BIN @args ("@DIR@" stands for @data_dir) with DISPLAY and
 * WAYLAND_DISPLAY unset, LANGUAGE set to @language (or unset if NULL) and
 * SHORE_DATA_DIR=@env_data_dir; returns the exit status. */
int         shore_test_cli_spawn              (const char * const  *args,
                                               const char          *language,
                                               const char          *data_dir,
                                               const char          *env_data_dir,
                                               char               **out,
                                               char               **err);

/* The exit status and the expected text, then the contract: a failure is
 * one line on stderr (starting "shore: " if @shore_prefix) and nothing on
 * stdout; a success writes nothing on stderr. */
void        shore_test_cli_assert_result      (int                  status,
                                               const char          *out,
                                               const char          *err,
                                               int                  exit_status,
                                               const char          *stdout_has,
                                               const char          *stderr_has,
                                               gboolean             shore_prefix);

/* Runs @args on @data_dir, snapshotting its files before and after. When
 * the args name "@DIR@" (--data-dir), $SHORE_DATA_DIR points at a decoy
 * folder that must stay empty. Checks the result as
 * shore_test_cli_assert_result() does; a failure must leave @data_dir as it
 * was, and so must a success if @read_only. Returns stdout. */
char       *shore_test_cli_run_in_dir         (const char * const  *args,
                                               const char          *data_dir,
                                               int                  exit_status,
                                               const char          *stdout_has,
                                               const char          *stderr_has,
                                               gboolean             read_only);

/* name → contents of every file in the folder */
GHashTable *shore_test_cli_snapshot           (const char          *dir_path);
void        shore_test_cli_assert_same_files  (GHashTable          *before,
                                               GHashTable          *after);

/* Removes a flat folder and its files. */
void        shore_test_cli_rm_rf              (const char          *path);

/* The parsed document (free with json_node_unref()), or NULL after a failed assertion. */
JsonNode   *shore_test_cli_parse_json         (const char          *out);

void        shore_test_cli_assert_member          (JsonObject         *object,
                                                   const char         *name,
                                                   const char         *expected);
void        shore_test_cli_assert_int_member      (JsonObject         *object,
                                                   const char         *name,
                                                   gint64              expected);
/* @object has exactly the members @names (NULL-terminated). */
void        shore_test_cli_assert_members_exactly (JsonObject         *object,
                                                   const char * const *names);

G_END_DECLS
