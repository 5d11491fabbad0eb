/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the UI tests: waiting on the main loop, finding toplevels,
 * and one application per run in its own temporary data directory. */

#pragma once

#include <gtk/gtk.h>

#include "shore-application.h"
#include "shore-window.h"

G_BEGIN_DECLS

typedef gboolean (*ShoreTestCondition) (gpointer data);

/* Makes the temporary data directory (from @data_dir_template); with
 * @animations FALSE, animations are turned off when the app starts. */
void              shore_test_setup            (const char         *data_dir_template,
                                               gboolean            animations);
/* Runs the tests, then drops the application. */
int               shore_test_run              (void);

const char       *shore_test_get_data_dir     (void);
/* The application, or NULL before shore_test_get_window() started it. */
ShoreApplication *shore_test_get_app          (void);
/* The main window, starting the application on first use. */
ShoreWindow      *shore_test_get_window       (void);
void              shore_test_clear_app        (void);

/* Runs the main loop until @condition holds; a 10 s watchdog fails the test instead of hanging. */
void              shore_test_wait_for         (ShoreTestCondition  condition,
                                               gpointer            data,
                                               const char         *what);
/* Lets pending layout and drawing happen: one low-priority idle runs after them. */
void              shore_test_settle           (void);

/* The visible toplevel of @type, or NULL. */
GtkWindow        *shore_test_find_toplevel    (GType               type);
/* Conditions for shore_test_wait_for(); @data is a GType in a pointer. */
gboolean          shore_test_toplevel_shown   (gpointer            data);
gboolean          shore_test_toplevel_gone    (gpointer            data);
/* Waits until a toplevel of @type is mapped and settled, and returns it. */
GtkWindow        *shore_test_wait_for_dialog  (GType               type);

/* The template child @name of @widget (declared by @type); aborts if missing. */
gpointer          shore_test_child            (gpointer            widget,
                                               GType               type,
                                               const char         *name);

/* The first visible widget under @root of @type whose "label" is @label,
 * or NULL. */
GtkWidget        *shore_test_find_labelled    (GtkWidget          *root,
                                               GType               type,
                                               const char         *label);
/* Waits for the Undo button of the window's toast and clicks it, as the
 * user would. */
void              shore_test_click_undo       (void);

G_END_DECLS
