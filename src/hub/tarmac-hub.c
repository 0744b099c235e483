/* tarmac-hub.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-hub"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <stdio.h>

#include "tarmac-hub-commands.h"
#include "tarmac-hub-reply.h"
#include "tarmac-i18n.h"

/* tarmac-hub: the sync hub daemon. Its commands (init, site, enrol-code, device, serve)
 * are in tarmac-hub-commands.c. Without a command it serves only its health check, and
 * only on loopback, as the first version did: that mode has no TLS and no data. */

static char *opt_listen = NULL;
static int opt_port = 8787;
static gboolean opt_print_port = FALSE;
static gboolean opt_version = FALSE;

static const GOptionEntry entries[] = {
  { "listen", 'l', 0, G_OPTION_ARG_STRING, &opt_listen,
    N_("Loopback address to listen on: 127.0.0.1 (default) or ::1"), N_("ADDRESS") },
  { "port", 'p', 0, G_OPTION_ARG_INT, &opt_port,
    N_("TCP port to listen on (default 8787; 0 picks a free one)"), N_("PORT") },
  { "print-port", 0, 0, G_OPTION_ARG_NONE, &opt_print_port,
    N_("Print the port actually listened on, then serve"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, &opt_version,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static gint64 started_at;

static void
health_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *method = soup_server_message_get_method (msg);

  if (g_strcmp0 (method, "GET") != 0 && g_strcmp0 (method, "HEAD") != 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Allow", "GET, HEAD");
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ok");
  json_builder_set_member_name (builder, "service");
  json_builder_add_string_value (builder, "tarmac-hub");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_set_member_name (builder, "uptime_s");
  json_builder_add_int_value (builder,
                              (g_get_monotonic_time () - started_at) / G_USEC_PER_SEC);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  tarmac_hub_reply_json (msg, SOUP_STATUS_OK, root);
}

static void
not_found_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  g_autoptr(JsonNode) root = tarmac_hub_json_strings ("error", "not-found", NULL);

  tarmac_hub_reply_json (msg, SOUP_STATUS_NOT_FOUND, root);
}

static gboolean
quit_cb (gpointer user_data)
{
  GMainLoop *loop = user_data;

  g_message ("Stopping");
  g_main_loop_quit (loop);

  return G_SOURCE_REMOVE;
}

static GInetAddress *
parse_loopback (const char  *text,
                GError     **error)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (text);

  if (address == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an IP address"), text);
      return NULL;
    }

  if (!g_inet_address_get_is_loopback (address))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The hub serves only on loopback (127.0.0.1 or ::1) until TLS and "
                     "device authentication are configured; “%s” was refused"), text);
      return NULL;
    }

  return g_steal_pointer (&address);
}

static int
run_health_only (int   argc,
                 char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GInetAddress) address = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  GSList *uris;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("The Tarmac sync hub: without a command, only its health check, on loopback."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tarmac-hub: %s\n", error->message);
      return 2;
    }

  if (opt_version)
    {
      g_print ("tarmac-hub %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (opt_port < 0 || opt_port > 65535)
    {
      g_printerr ("tarmac-hub: %s\n", _("The port must be between 0 and 65535"));
      return 2;
    }

  if (!(address = parse_loopback (opt_listen ? opt_listen : "127.0.0.1", &error)))
    {
      g_printerr ("tarmac-hub: %s\n", error->message);
      return 2;
    }

  started_at = g_get_monotonic_time ();
  loop = g_main_loop_new (NULL, FALSE);

  server = soup_server_new ("server-header", "tarmac-hub", NULL);
  soup_server_add_handler (server, "/health", health_cb, NULL, NULL);
  soup_server_add_handler (server, NULL, not_found_cb, NULL, NULL);

  socket_address = g_inet_socket_address_new (address, opt_port);
  if (!soup_server_listen (server, socket_address, 0, &error))
    {
      g_printerr ("tarmac-hub: %s\n", error->message);
      return 1;
    }

  uris = soup_server_get_uris (server);
  for (GSList *l = uris; l != NULL; l = l->next)
    {
      g_autofree char *uri = g_uri_to_string (l->data);

      if (opt_print_port)
        {
          g_print ("%d\n", g_uri_get_port (l->data));
          fflush (stdout);
        }
      g_message ("Listening on %s", uri);
    }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);

  g_main_loop_run (loop);

  soup_server_disconnect (server);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  tarmac_i18n_init ();

  if (argc > 1 && argv[1][0] != '-')
    return tarmac_hub_run_command (argc - 1, argv + 1);

  return run_health_only (argc, argv);
}
