/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A minimal org.freedesktop.Notifications server for tests: it records every
 * Notify call as one JSON line and can answer each with ActionInvoked. */
#define G_LOG_DOMAIN "shore-test-notification-server"

#include <stdio.h>
#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='GetCapabilities'>"
  "      <arg type='as' name='capabilities' direction='out'/>"
  "    </method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' name='name' direction='out'/>"
  "      <arg type='s' name='vendor' direction='out'/>"
  "      <arg type='s' name='version' direction='out'/>"
  "      <arg type='s' name='spec_version' direction='out'/>"
  "    </method>"
  "    <method name='Notify'>"
  "      <arg type='s' name='app_name' direction='in'/>"
  "      <arg type='u' name='replaces_id' direction='in'/>"
  "      <arg type='s' name='app_icon' direction='in'/>"
  "      <arg type='s' name='summary' direction='in'/>"
  "      <arg type='s' name='body' direction='in'/>"
  "      <arg type='as' name='actions' direction='in'/>"
  "      <arg type='a{sv}' name='hints' direction='in'/>"
  "      <arg type='i' name='expire_timeout' direction='in'/>"
  "      <arg type='u' name='id' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'>"
  "      <arg type='u' name='id' direction='in'/>"
  "    </method>"
  "    <signal name='NotificationClosed'>"
  "      <arg type='u' name='id'/>"
  "      <arg type='u' name='reason'/>"
  "    </signal>"
  "    <signal name='ActionInvoked'>"
  "      <arg type='u' name='id'/>"
  "      <arg type='s' name='action_key'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

#define NOTIFICATIONS_PATH "/org/freedesktop/Notifications"
#define NOTIFICATIONS_IFACE "org.freedesktop.Notifications"

static char *log_path;
static char *invoke_action;
static gboolean no_actions;
static guint32 last_id;

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *value)
{
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
append_log_line (GVariant *parameters,
                 guint32   id)
{
  const char *app_name, *app_icon, *summary, *body;
  g_autofree const char **actions = NULL;
  g_autoptr(GVariant) hints = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  guint32 replaces_id;
  gint32 expire_timeout;
  guchar urgency = 1;
  const char *desktop_entry = NULL, *category = NULL;

  g_variant_get (parameters, "(&su&s&s&s^a&s@a{sv}i)",
                 &app_name, &replaces_id, &app_icon, &summary, &body,
                 &actions, &hints, &expire_timeout);
  g_variant_lookup (hints, "urgency", "y", &urgency);
  g_variant_lookup (hints, "desktop-entry", "&s", &desktop_entry);
  g_variant_lookup (hints, "category", "&s", &category);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  json_builder_set_member_name (builder, "app_name");
  json_builder_add_string_value (builder, app_name);
  json_builder_set_member_name (builder, "replaces_id");
  json_builder_add_int_value (builder, replaces_id);
  json_builder_set_member_name (builder, "app_icon");
  json_builder_add_string_value (builder, app_icon);
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, summary);
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, body);
  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  for (guint i = 0; actions[i] != NULL; i++)
    json_builder_add_string_value (builder, actions[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "hints");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "urgency");
  json_builder_add_int_value (builder, urgency);
  json_builder_set_member_name (builder, "desktop-entry");
  add_string_or_null (builder, desktop_entry);
  json_builder_set_member_name (builder, "category");
  add_string_or_null (builder, category);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "expire_timeout");
  json_builder_add_int_value (builder, expire_timeout);
  json_builder_end_object (builder);

  if (log_path == NULL)
    return;

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  line = g_strconcat (json, "\n", NULL);
  file = g_file_new_for_path (log_path);
  stream = g_file_append_to (file, G_FILE_CREATE_NONE, NULL, &error);
  if (stream == NULL ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (stream), line, strlen (line), NULL, NULL, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error))
    g_error ("Cannot write %s: %s", log_path, error->message);
}

static void
emit_signal (GDBusConnection *connection,
             const char      *destination,
             const char      *name,
             GVariant        *parameters)
{
  g_autoptr(GError) error = NULL;

  if (!g_dbus_connection_emit_signal (connection, destination, NOTIFICATIONS_PATH,
                                      NOTIFICATIONS_IFACE, name, parameters, &error))
    g_warning ("Cannot emit %s: %s", name, error->message);
}

static void
handle_method_call (GDBusConnection       *connection,
                    const char            *sender,
                    const char            *object_path,
                    const char            *interface_name,
                    const char            *method_name,
                    GVariant              *parameters,
                    GDBusMethodInvocation *invocation,
                    gpointer               user_data)
{
  if (g_strcmp0 (method_name, "GetCapabilities") == 0)
    {
      const char *with[] = { "body", "actions", NULL };
      const char *without[] = { "body", NULL };

      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(^as)", no_actions ? without : with));
    }
  else if (g_strcmp0 (method_name, "GetServerInformation") == 0)
    {
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(ssss)", "shore-test-notification-server",
                                                            "Shore", "1.0", "1.2"));
    }
  else if (g_strcmp0 (method_name, "Notify") == 0)
    {
      guint32 id = ++last_id;

      append_log_line (parameters, id);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", id));
      /* The reply goes out first, so the client knows the id the signals name. */
      if (invoke_action != NULL)
        {
          emit_signal (connection, sender, "ActionInvoked",
                       g_variant_new ("(us)", id, invoke_action));
          emit_signal (connection, sender, "NotificationClosed",
                       g_variant_new ("(uu)", id, 2));
        }
    }
  else if (g_strcmp0 (method_name, "CloseNotification") == 0)
    {
      guint32 id;

      g_variant_get (parameters, "(u)", &id);
      g_dbus_method_invocation_return_value (invocation, NULL);
      emit_signal (connection, NULL, "NotificationClosed", g_variant_new ("(uu)", id, 3));
    }
  else
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                             "Unknown method %s", method_name);
    }
}

static const GDBusInterfaceVTable vtable = { handle_method_call, NULL, NULL, { 0 } };

static void
on_bus_acquired_cb (GDBusConnection *connection,
                    const char      *name,
                    gpointer         user_data)
{
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (introspection_xml, NULL);
  g_autoptr(GError) error = NULL;

  if (g_dbus_connection_register_object (connection, NOTIFICATIONS_PATH, info->interfaces[0],
                                         &vtable, NULL, NULL, &error) == 0)
    g_error ("Cannot register object: %s", error->message);
}

static void
on_name_acquired_cb (GDBusConnection *connection,
                     const char      *name,
                     gpointer         user_data)
{
  g_print ("ready\n");
  fflush (stdout);
}

static void
on_name_lost_cb (GDBusConnection *connection,
                 const char      *name,
                 gpointer         user_data)
{
  /* Lost the name or the bus went away: nothing left to serve. */
  g_main_loop_quit (user_data);
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "log", 0, 0, G_OPTION_ARG_FILENAME, &log_path, "Append one JSON line per Notify call to FILE", "FILE" },
    { "invoke", 0, 0, G_OPTION_ARG_STRING, &invoke_action, "Emit ActionInvoked(id, ACTION) after each Notify", "ACTION" },
    { "no-actions", 0, 0, G_OPTION_ARG_NONE, &no_actions, "Do not advertise the actions capability", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- test notification server");
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint owner_id;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  owner_id = g_bus_own_name (G_BUS_TYPE_SESSION, NOTIFICATIONS_IFACE, G_BUS_NAME_OWNER_FLAGS_NONE,
                             on_bus_acquired_cb, on_name_acquired_cb, on_name_lost_cb,
                             loop, NULL);
  g_main_loop_run (loop);
  g_bus_unown_name (owner_id);

  return 0;
}
