/* test-hub.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>

#include "tarmac-test-util.h"

/* The real tarmac-hub binary on a loopback port the kernel picks; nothing leaves the
 * machine. Every wait is bounded. */

typedef struct
{
  GSubprocess *hub;
  SoupSession *session;
  guint        port;
} HubFixture;

static void
hub_fixture_set_up (HubFixture    *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *hub_path = tarmac_test_build_path ("src/hub/tarmac-hub");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *line = NULL;
  const char *listen = user_data ? user_data : "127.0.0.1";

  fixture->hub = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                   G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                   &error,
                                   hub_path, "--listen", listen, "--port", "0", "--print-port",
                                   NULL);
  g_assert_no_error (error);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (fixture->hub));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);

  fixture->port = (guint) g_ascii_strtoull (line, NULL, 10);
  g_assert_cmpuint (fixture->port, >, 0);

  fixture->session = soup_session_new_with_options ("timeout", 10,
                                                    "idle-timeout", 10,
                                                    NULL);
}

static void
hub_fixture_tear_down (HubFixture    *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (fixture->hub, SIGTERM);
  g_subprocess_wait (fixture->hub, NULL, &error);
  g_assert_no_error (error);
  /* A clean stop on SIGTERM, not a crash. */
  g_assert_true (g_subprocess_get_if_exited (fixture->hub));
  g_assert_cmpint (g_subprocess_get_exit_status (fixture->hub), ==, 0);

  g_clear_object (&fixture->session);
  g_clear_object (&fixture->hub);
}

static GBytes *
get (HubFixture *fixture,
     const char *host,
     const char *path,
     const char *method,
     guint      *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *uri = g_strdup_printf ("http://%s:%u%s", host, fixture->port, path);
  GBytes *body;

  msg = soup_message_new (method, uri);
  body = soup_session_send_and_read (fixture->session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);

  return body;
}

static void
test_hub_health (HubFixture    *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *host = user_data ? "[::1]" : "127.0.0.1";
  JsonObject *object;
  guint status = 0;

  body = get (fixture, host, "/health", "GET", &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_OK);

  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                              g_bytes_get_size (body), &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member_with_default (object, "status", ""), ==, "ok");
  g_assert_cmpstr (json_object_get_string_member_with_default (object, "service", ""), ==,
                   "tarmac-hub");
  g_assert_cmpstr (json_object_get_string_member_with_default (object, "version", ""), ==,
                   PACKAGE_VERSION);
}

static void
test_hub_unknown_and_methods (HubFixture    *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GBytes) missing = NULL;
  g_autoptr(GBytes) posted = NULL;
  guint status = 0;

  missing = get (fixture, "127.0.0.1", "/sync/pull", "GET", &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_NOT_FOUND);

  posted = get (fixture, "127.0.0.1", "/health", "POST", &status);
  g_assert_cmpuint (status, ==, SOUP_STATUS_METHOD_NOT_ALLOWED);
}

static void
test_hub_refuses_public_address (void)
{
  g_autofree char *hub_path = tarmac_test_build_path ("src/hub/tarmac-hub");
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *argv[] = { hub_path, "--listen", "0.0.0.0", "--port", "0", NULL };

  /* Refused before any socket is opened: nothing listens beyond loopback. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_nonnull (strstr (err, "loopback"));
}

static gboolean
ipv6_loopback_available (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV6);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);

  socket = g_socket_new (G_SOCKET_FAMILY_IPV6, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         NULL);
  return socket != NULL && g_socket_bind (socket, address, TRUE, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/hub/health/ipv4", HubFixture, NULL,
              hub_fixture_set_up, test_hub_health, hub_fixture_tear_down);
  /* Some sandboxes have no IPv6 at all; the hub is tested on what the machine has. */
  if (ipv6_loopback_available ())
    g_test_add ("/hub/health/ipv6", HubFixture, "::1",
                hub_fixture_set_up, test_hub_health, hub_fixture_tear_down);
  g_test_add ("/hub/unknown-and-methods", HubFixture, NULL,
              hub_fixture_set_up, test_hub_unknown_and_methods, hub_fixture_tear_down);
  g_test_add_func ("/hub/refuses-public-address", test_hub_refuses_public_address);

  return g_test_run ();
}
