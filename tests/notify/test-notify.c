/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Run by run-notify-test.sh under dbus-run-session with shore-test-notification-server. */
#include "config.h"

#include <json-glib/json-glib.h>

#include "shore-notify.h"

#define ACTION_TIMEOUT_SECONDS 10

static JsonObject *
read_last_notify (const char *env_name)
{
  const char *path = g_getenv (env_name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  guint n;

  g_assert_nonnull (path);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_strchomp (contents);
  lines = g_strsplit (contents, "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, >, 0);
  json_parser_load_from_data (parser, lines[n - 1], -1, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static char *
join_actions (JsonObject *notify)
{
  JsonArray *actions = json_object_get_array_member (notify, "actions");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < json_array_get_length (actions); i++)
    g_strv_builder_add (builder, json_array_get_string_element (actions, i));
  strv = g_strv_builder_end (builder);

  return g_strjoinv ("|", strv);
}

static void
use_bus (const char *env_name)
{
  const char *address = g_getenv (env_name);

  g_assert_nonnull (address);
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
}

static const char all_actions[] =
  "default|Open|open|Open|mark-paid|Mark Paid|snooze|Snooze 1 Day";

static void
test_notify_show (void)
{
  static const struct {
    ShoreNotifyUrgency  urgency;
    gboolean            with_actions;
    gint64              wire_urgency;
    const char         *actions;
  } cases[] = {
    { SHORE_NOTIFY_URGENCY_LOW, FALSE, 0, "" },
    { SHORE_NOTIFY_URGENCY_NORMAL, TRUE, 1, all_actions },
    { SHORE_NOTIFY_URGENCY_CRITICAL, TRUE, 2, all_actions },
    { SHORE_NOTIFY_URGENCY_CRITICAL, FALSE, 2, "" },
  };

  g_assert_true (shore_notify_init ("Shore"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ShoreNotification) notification = NULL;
      g_autoptr(JsonObject) notify = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *title = g_strdup_printf ("Repayment due %u", i);
      g_autofree char *actions = NULL;
      JsonObject *hints;

      notification = shore_notify_show (title, "¥1,234.00 is due today.", cases[i].urgency,
                                        "loan-7", cases[i].with_actions, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (notification);
      g_assert_cmpint (shore_notification_has_actions (notification), ==, cases[i].with_actions);
      g_assert_cmpstr (shore_notification_get_id_hint (notification), ==, "loan-7");

      notify = read_last_notify ("SHORE_TEST_NOTIFY_LOG");
      g_assert_cmpstr (json_object_get_string_member (notify, "app_name"), ==, "Shore");
      g_assert_cmpstr (json_object_get_string_member (notify, "app_icon"), ==, APP_ID);
      g_assert_cmpstr (json_object_get_string_member (notify, "summary"), ==, title);
      g_assert_cmpstr (json_object_get_string_member (notify, "body"), ==, "¥1,234.00 is due today.");
      g_assert_cmpint (json_object_get_int_member (notify, "replaces_id"), ==, 0);
      actions = join_actions (notify);
      g_assert_cmpstr (actions, ==, cases[i].actions);
      hints = json_object_get_object_member (notify, "hints");
      g_assert_cmpint (json_object_get_int_member (hints, "urgency"), ==, cases[i].wire_urgency);
      g_assert_cmpstr (json_object_get_string_member (hints, "desktop-entry"), ==, APP_ID);
      g_assert_cmpstr (json_object_get_string_member (hints, "category"), ==, "x-shore.reminder");
    }

  shore_notify_uninit ();
}

typedef struct {
  GMainLoop *loop;
  char      *action;
  char      *id_hint;
  guint      calls;
  gboolean   timed_out;
  gpointer   weak;
} ActionData;

static void
on_action (ShoreNotification *notification,
           const char        *action,
           const char        *id_hint,
           gpointer           user_data)
{
  ActionData *data = user_data;

  data->calls++;
  g_free (data->action);
  data->action = g_strdup (action);
  g_free (data->id_hint);
  data->id_hint = g_strdup (id_hint);
  g_main_loop_quit (data->loop);
}

static gboolean
on_timeout (gpointer user_data)
{
  ActionData *data = user_data;

  data->timed_out = TRUE;
  g_main_loop_quit (data->loop);
  return G_SOURCE_REMOVE;
}

static gboolean
quit_when_finalized (gpointer user_data)
{
  ActionData *data = user_data;

  if (data->weak == NULL)
    {
      g_main_loop_quit (data->loop);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
test_notify_action (void)
{
  ActionData data = { g_main_loop_new (NULL, FALSE), NULL, NULL, 0, FALSE, NULL };
  ShoreNotification *notification;
  g_autoptr(GError) error = NULL;
  guint timeout_id;

  g_assert_true (shore_notify_init ("Shore"));

  notification = shore_notify_show ("Repayment due", "Pay today.", SHORE_NOTIFY_URGENCY_NORMAL,
                                    "loan-42", TRUE, on_action, &data, &error);
  g_assert_no_error (error);
  g_assert_nonnull (notification);
  g_assert_true (shore_notification_has_actions (notification));
  /* The caller's reference may go at once: the shown notification keeps itself alive. */
  data.weak = notification;
  g_object_add_weak_pointer (G_OBJECT (notification), &data.weak);
  g_object_unref (notification);
  g_assert_nonnull (data.weak);

  timeout_id = g_timeout_add_seconds (ACTION_TIMEOUT_SECONDS, on_timeout, &data);
  g_main_loop_run (data.loop);
  g_assert_false (data.timed_out);
  g_assert_cmpuint (data.calls, ==, 1);
  g_assert_cmpstr (data.action, ==, "mark-paid");
  g_assert_cmpstr (data.id_hint, ==, "loan-42");

  /* The server closes it after the action; then it is freed. */
  g_idle_add (quit_when_finalized, &data);
  g_main_loop_run (data.loop);
  g_assert_false (data.timed_out);
  g_assert_null (data.weak);

  g_source_remove (timeout_id);
  g_main_loop_unref (data.loop);
  g_free (data.action);
  g_free (data.id_hint);
  shore_notify_uninit ();
}

static void
test_notify_close (void)
{
  g_autoptr(ShoreNotification) notification = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (shore_notify_init ("Shore"));
  notification = shore_notify_show ("Repayment due", "Pay today.", SHORE_NOTIFY_URGENCY_LOW,
                                    NULL, FALSE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (shore_notification_close (notification, &error));
  g_assert_no_error (error);

  /* Still held by the caller across uninit: released quietly, then refuses to close. */
  shore_notify_uninit ();
  g_assert_false (shore_notification_close (notification, &error));
  g_assert_error (error, SHORE_NOTIFY_ERROR, SHORE_NOTIFY_ERROR_NOT_INITIALIZED);
}

static void
test_notify_no_actions_capability (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(ShoreNotification) notification = NULL;
      g_autoptr(JsonObject) notify = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *actions = NULL;

      use_bus ("SHORE_TEST_NOTIFY_NO_ACTIONS_BUS");
      g_assert_true (shore_notify_init ("Shore"));
      notification = shore_notify_show ("Repayment due", "Pay today.", SHORE_NOTIFY_URGENCY_NORMAL,
                                        "loan-1", TRUE, on_action, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (notification);
      g_assert_false (shore_notification_has_actions (notification));
      notify = read_last_notify ("SHORE_TEST_NOTIFY_NO_ACTIONS_LOG");
      actions = join_actions (notify);
      g_assert_cmpstr (actions, ==, "");
      shore_notify_uninit ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_notify_no_server (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(ShoreNotification) notification = NULL;
      g_autoptr(GError) error = NULL;

      use_bus ("SHORE_TEST_NOTIFY_EMPTY_BUS");
      g_assert_true (shore_notify_init ("Shore"));
      notification = shore_notify_show ("Repayment due", "Pay today.", SHORE_NOTIFY_URGENCY_CRITICAL,
                                        "loan-1", TRUE, on_action, NULL, &error);
      g_assert_null (notification);
      g_assert_error (error, SHORE_NOTIFY_ERROR, SHORE_NOTIFY_ERROR_NO_SERVER);
      g_print ("error: %s\n", error->message);
      shore_notify_uninit ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*error: No notification server answered*");
  /* Logging is the caller's job: the library itself stays quiet. */
  g_test_trap_assert_stderr_unmatched ("*WARNING*");
}

static void
test_notify_not_initialized (void)
{
  g_autoptr(ShoreNotification) notification = NULL;
  g_autoptr(GError) error = NULL;

  notification = shore_notify_show ("Repayment due", NULL, SHORE_NOTIFY_URGENCY_LOW,
                                    NULL, FALSE, NULL, NULL, &error);
  g_assert_null (notification);
  g_assert_error (error, SHORE_NOTIFY_ERROR, SHORE_NOTIFY_ERROR_NOT_INITIALIZED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notify/not-initialized", test_notify_not_initialized);
  g_test_add_func ("/notify/show", test_notify_show);
  g_test_add_func ("/notify/action", test_notify_action);
  g_test_add_func ("/notify/close", test_notify_close);
  g_test_add_func ("/notify/no-actions-capability", test_notify_no_actions_capability);
  g_test_add_func ("/notify/no-server", test_notify_no_server);

  return g_test_run ();
}
