/* tarmac-hub-server.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-hub-server"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <sodium.h>
#include <string.h>

#include "tarmac-hub-reply.h"
#include "tarmac-hub-server.h"
#include "tarmac-sync-auth.h"
#include "tarmac-sync-error.h"
#include "tarmac-sync-json.h"

/* The hub's HTTP side (research/sync.md §4.6) on libsoup 3.2 with TLS:
 *
 *   GET  /health                    liveness, no authentication
 *   POST /v1/enrol                  a device enrols with a one-time code
 *   GET  /v1/roster                 sites and devices, signed by the coordinator's key
 *   GET  /v1/hello                  the device's last sequence number, the hub's time
 *   PUT  /v1/push/{batch_id}        up to 200 envelopes; idempotent by batch id
 *   GET  /v1/changes?since&limit&lane&wait   the site's inbox; long-polls up to 25 s
 *   WS   /v1/notify                 {"t":"head","seq":N,"urgent":b} when the inbox grows
 *
 * Every /v1 request but enrol carries the device's signature (tarmac-sync-auth.c); the
 * device is read from the database on each request, so a revocation counts at once, and
 * a timer closes the notification sockets of revoked devices within a second.
 *
 * libsoup 3.2's server has no body limit and no protection of its own (sync.md §2.3):
 * bodies must have a Content-Length of at most 2 MiB (413 before the body is read),
 * chunked bodies are refused (411) and so is Content-Length with Transfer-Encoding (400);
 * JSON goes through the depth pre-scan; each device gets a token bucket (429); the
 * WebSocket deflate extension is removed and client frames are capped at 4 KiB. For the
 * internet, nginx goes in front (README).
 *
 * Group commit: pushes and pulls write (versions, the audit row of a pull), and
 * synchronous=FULL makes each commit an fsync. The requests handled in one pass of the
 * main loop share one transaction (tarmac_hub_db_group_begin()); their answers are held
 * (the message paused) until an idle callback commits it, then sent, and only then are
 * the sites poked. Nothing is answered before it is on disk; thirty-five sites pulling
 * the same note cost one fsync. */

#define RATE_PER_S  50.0
#define RATE_BURST  200.0

typedef struct
{
  double tokens;
  gint64 at;
} Bucket;

typedef struct
{
  TarmacHubServer   *self;
  SoupServerMessage *msg;
  char              *site;
  char              *lane;
  gint64             since;
  guint              limit;
  guint              timeout_id;
} Waiter;

typedef struct
{
  SoupWebsocketConnection *conn;
  char                    *device_id;
  char                    *site;
} Listener;

struct _TarmacHubServer
{
  GObject          parent_instance;

  SoupServer      *server;
  TarmacHubDb     *db;
  guint8           coordinator_sk[crypto_sign_SECRETKEYBYTES];
  guint8           coordinator_pk[crypto_sign_PUBLICKEYBYTES];
  GHashTable      *buckets;     /* device_id → Bucket */
  GList           *waiters;     /* of Waiter */
  GList           *listeners;   /* of Listener */
  GPtrArray       *held;        /* SoupServerMessage answered, waiting for the group's commit */
  GHashTable      *held_sites;  /* site whose inbox grew in the group → the one device whose
                                 * own push grew it, or "" */
  gboolean         held_urgent;
  guint            flush_id;
  guint            revocation_id;
  guint            expiry_id;
  guint            port;
};

G_DEFINE_FINAL_TYPE (TarmacHubServer, tarmac_hub_server, G_TYPE_OBJECT)

static gint64
now_ms (void)
{
  return g_get_real_time () / 1000;
}

static void
send_error (SoupServerMessage *msg,
            guint              status,
            const char        *code)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "server_time");
  json_builder_add_int_value (builder, now_ms ());
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  tarmac_hub_reply_json (msg, status, node);
}

static guint
status_for (int code)
{
  switch (code)
    {
    case TARMAC_SYNC_ERROR_TOO_LARGE:
      return SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE;
    case TARMAC_SYNC_ERROR_REVOKED:
    case TARMAC_SYNC_ERROR_ORIGIN_MISMATCH:
    case TARMAC_SYNC_ERROR_UNKNOWN_DEVICE:
      return SOUP_STATUS_FORBIDDEN;
    case TARMAC_SYNC_ERROR_BAD_SIGNATURE:
      return SOUP_STATUS_UNAUTHORIZED;
    case TARMAC_SYNC_ERROR_CLOCK_SKEW:
      return SOUP_STATUS_UNPROCESSABLE_ENTITY;
    default:
      return SOUP_STATUS_BAD_REQUEST;
    }
}

static char *
target_of (SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *query = g_uri_get_query (uri);

  return query != NULL ? g_strdup_printf ("%s?%s", g_uri_get_path (uri), query)
                       : g_strdup (g_uri_get_path (uri));
}

static gboolean
take_token (TarmacHubServer *self,
            const char      *device_id)
{
  Bucket *bucket = g_hash_table_lookup (self->buckets, device_id);
  gint64 now = g_get_monotonic_time ();

  if (bucket == NULL)
    {
      bucket = g_new0 (Bucket, 1);
      bucket->tokens = RATE_BURST;
      bucket->at = now;
      g_hash_table_insert (self->buckets, g_strdup (device_id), bucket);
    }

  bucket->tokens = MIN (RATE_BURST, bucket->tokens + (now - bucket->at) / 1e6 * RATE_PER_S);
  bucket->at = now;
  if (bucket->tokens < 1.0)
    return FALSE;

  bucket->tokens -= 1.0;
  return TRUE;
}

/* The device that signed @msg, or NULL after answering it with the refusal. */
static TarmacHubDevice *
authenticate (TarmacHubServer   *self,
              SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *auth = soup_message_headers_get_one (headers, TARMAC_SYNC_AUTH_HEADER);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacHubDevice) device = NULL;
  g_autofree char *device_id = NULL;
  g_autofree char *target = NULL;

  device_id = tarmac_sync_auth_parse (auth, &error);
  if (device_id == NULL)
    {
      send_error (msg, SOUP_STATUS_UNAUTHORIZED, "unauthenticated");
      return NULL;
    }

  device = tarmac_hub_db_get_device (self->db, device_id, NULL);
  if (device == NULL)
    {
      send_error (msg, SOUP_STATUS_FORBIDDEN, "unknown_device");
      return NULL;
    }

  target = target_of (msg);
  if (!tarmac_sync_auth_verify (auth, soup_server_message_get_method (msg), target,
                                (const guint8 *) body->data, body->length, device->sign_pk,
                                now_ms (), &error))
    {
      send_error (msg, status_for (error->code), tarmac_sync_error_code_name (error->code));
      return NULL;
    }

  if (device->revoked)
    {
      tarmac_hub_db_audit (self->db, device_id, "refuse", "request", "revoked", NULL);
      send_error (msg, SOUP_STATUS_FORBIDDEN, "revoked");
      return NULL;
    }

  if (!take_token (self, device_id))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", "1");
      send_error (msg, 429, "rate_limited");
      return NULL;
    }

  return g_steal_pointer (&device);
}

static JsonNode *
parse_body (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  node = tarmac_sync_json_parse (body->data, body->length, TARMAC_HUB_MAX_BODY,
                                 TARMAC_SYNC_JSON_MAX_DEPTH, &error);
  if (node == NULL)
    send_error (msg, status_for (error->code), tarmac_sync_error_code_name (error->code));
  else if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      send_error (msg, SOUP_STATUS_BAD_REQUEST, "malformed");
      g_clear_pointer (&node, json_node_unref);
    }

  return node;
}

static gboolean
method_is (SoupServerMessage *msg,
           const char        *method)
{
  if (g_strcmp0 (soup_server_message_get_method (msg), method) == 0)
    return TRUE;

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", method);
  send_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed");
  return FALSE;
}

static void
internal_error (SoupServerMessage *msg,
                GError            *error)
{
  g_warning ("%s", error != NULL ? error->message : "internal error");
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "5");
  send_error (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable");
}

/* What the database answered with its status, or that it could not answer (@error). */
static void
send_answer (SoupServerMessage *msg,
             guint              status,
             JsonNode          *response,
             GError            *error)
{
  if (response == NULL)
    internal_error (msg, error);
  else
    tarmac_hub_reply_json (msg, status, response);
}

static void notify_sites (TarmacHubServer *self,
                          GHashTable      *sites,
                          gboolean         urgent);

/* Commits the group, answers what it held (or says it failed), then pokes the sites. */
static void
flush (TarmacHubServer *self)
{
  g_autoptr(GPtrArray) held = g_steal_pointer (&self->held);
  g_autoptr(GHashTable) sites = g_steal_pointer (&self->held_sites);
  g_autoptr(GError) error = NULL;
  gboolean urgent = self->held_urgent;
  gboolean ok;

  g_clear_handle_id (&self->flush_id, g_source_remove);
  self->held = g_ptr_array_new_with_free_func (g_object_unref);
  self->held_sites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->held_urgent = FALSE;

  ok = tarmac_hub_db_group_commit (self->db, &error);
  for (guint i = 0; i < held->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (held, i);

      if (!ok)
        internal_error (msg, error);
      soup_server_message_unpause (msg);
    }

  /* After the commit: a poke lost in a crash here is made up by the next pull. */
  if (ok && g_hash_table_size (sites) > 0)
    notify_sites (self, sites, urgent);
}

static gboolean
flush_cb (gpointer user_data)
{
  TarmacHubServer *self = user_data;

  self->flush_id = 0;
  flush (self);
  return G_SOURCE_REMOVE;
}

/* Holds @msg, answered, until the group commits; @sites grew, by a push of @pusher.
 * The pushing device knows what it sent: its own socket is not told, unless something
 * else grew its site's inbox in the group (another desk of the same airport is). */
static void
hold (TarmacHubServer   *self,
      SoupServerMessage *msg,
      GPtrArray         *sites,
      gboolean           urgent,
      TarmacHubDevice   *pusher)
{
  soup_server_message_pause (msg);
  g_ptr_array_add (self->held, g_object_ref (msg));
  for (guint i = 0; sites != NULL && i < sites->len; i++)
    {
      const char *site = g_ptr_array_index (sites, i);
      const char *by = pusher != NULL && g_str_equal (site, pusher->site) ? pusher->device_id : "";
      const char *before = g_hash_table_lookup (self->held_sites, site);

      if (before == NULL)
        g_hash_table_insert (self->held_sites, g_strdup (site), g_strdup (by));
      else if (!g_str_equal (before, by))
        g_hash_table_insert (self->held_sites, g_strdup (site), g_strdup (""));
    }
  self->held_urgent = self->held_urgent || urgent;

  /* Idle: after every request already readable in this pass. */
  if (self->flush_id == 0)
    self->flush_id = g_idle_add (flush_cb, self);
}

/* Setting a status here would still let libsoup read the whole body into memory before
 * answering: take the connection over, answer 413 and close it, unread. */
static void
refuse_unread (SoupServerMessage *msg)
{
  static const char answer[] = "HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\n"
                               "Content-Type: application/json\r\nContent-Length: 21\r\n\r\n"
                               "{\"error\":\"too_large\"}";
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

  if (stream == NULL)
    return;

  g_output_stream_write_all (g_io_stream_get_output_stream (stream), answer, strlen (answer),
                             NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

/* libsoup 3.2 reads any body it is sent: refuse what is too big, or unbounded, before. */
static void
got_headers_cb (SoupServerMessage *msg,
                gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupEncoding encoding = soup_message_headers_get_encoding (headers);

  if (soup_message_headers_get_one (headers, "Transfer-Encoding") != NULL
      && soup_message_headers_get_one (headers, "Content-Length") != NULL)
    send_error (msg, SOUP_STATUS_BAD_REQUEST, "malformed");
  else if (encoding == SOUP_ENCODING_CHUNKED || encoding == SOUP_ENCODING_EOF)
    send_error (msg, SOUP_STATUS_LENGTH_REQUIRED, "length_required");
  else if (encoding == SOUP_ENCODING_CONTENT_LENGTH
           && soup_message_headers_get_content_length (headers) > TARMAC_HUB_MAX_BODY)
    refuse_unread (msg);
}

static void
request_started_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  g_signal_connect (msg, "got-headers", G_CALLBACK (got_headers_cb), NULL);
}

static void
health_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ok");
  json_builder_set_member_name (builder, "service");
  json_builder_add_string_value (builder, "tarmac-hub");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  tarmac_hub_reply_json (msg, SOUP_STATUS_OK, node);
}

static void
enrol_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  TarmacHubServer *self = user_data;
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(JsonNode) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *coordinator = NULL;
  guint status = 500;

  if (!method_is (msg, "POST") || (request = parse_body (msg)) == NULL)
    return;

  /* The one open endpoint: a tight limit, shared by everyone. */
  if (!take_token (self, "enrol"))
    {
      send_error (msg, 429, "rate_limited");
      return;
    }

  flush (self);   /* enrolment is a transaction of its own */
  response = tarmac_hub_db_enrol (self->db, json_node_get_object (request), &status, &error);
  if (response == NULL)
    {
      internal_error (msg, error);
      return;
    }

  if (status == 200)
    {
      coordinator = g_base64_encode (self->coordinator_pk, sizeof self->coordinator_pk);
      json_object_set_string_member (json_node_get_object (response), "coordinator_pk", coordinator);
    }
  tarmac_hub_reply_json (msg, status, response);
}

static JsonNode *
signed_roster (TarmacHubServer  *self,
               GError          **error)
{
  g_autoptr(JsonNode) roster = tarmac_hub_db_roster (self->db, error);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *text = NULL;
  g_autofree char *text64 = NULL;
  g_autofree char *sig64 = NULL;
  guint8 sig[crypto_sign_BYTES];

  if (roster == NULL)
    return NULL;

  text = json_to_string (roster, FALSE);
  crypto_sign_detached (sig, NULL, (const guint8 *) text, strlen (text), self->coordinator_sk);
  text64 = g_base64_encode ((const guchar *) text, strlen (text));
  sig64 = g_base64_encode (sig, sizeof sig);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "roster");
  json_builder_add_string_value (builder, text64);
  json_builder_set_member_name (builder, "sig");
  json_builder_add_string_value (builder, sig64);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
roster_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  TarmacHubServer *self = user_data;
  g_autoptr(TarmacHubDevice) device = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  if (!method_is (msg, "GET") || (device = authenticate (self, msg)) == NULL)
    return;

  node = signed_roster (self, &error);
  if (node == NULL)
    internal_error (msg, error);
  else
    tarmac_hub_reply_json (msg, SOUP_STATUS_OK, node);
}

static void
hello_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  TarmacHubServer *self = user_data;
  g_autoptr(TarmacHubDevice) device = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) node = NULL;

  if (!method_is (msg, "GET") || (device = authenticate (self, msg)) == NULL)
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "device_id");
  json_builder_add_string_value (builder, device->device_id);
  json_builder_set_member_name (builder, "site");
  json_builder_add_string_value (builder, device->site);
  json_builder_set_member_name (builder, "last_device_seq");
  json_builder_add_int_value (builder, device->last_seq);
  json_builder_set_member_name (builder, "head");
  json_builder_add_int_value (builder, tarmac_hub_db_head (self->db, device->site, "main"));
  json_builder_set_member_name (builder, "roster_version");
  json_builder_add_int_value (builder, tarmac_hub_db_roster_version (self->db));
  json_builder_set_member_name (builder, "max_push");
  json_builder_add_int_value (builder, TARMAC_HUB_MAX_PUSH);
  json_builder_set_member_name (builder, "max_pull");
  json_builder_add_int_value (builder, TARMAC_HUB_MAX_PULL);
  json_builder_set_member_name (builder, "server_time");
  json_builder_add_int_value (builder, now_ms ());
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  tarmac_hub_reply_json (msg, SOUP_STATUS_OK, node);
}

/* PUT /v1/handover/{device_id}: a desk hands its site's key to a new desk, sealed;
 * GET /v1/handover: a new desk asks for its own (tarmac-site-handover.c). */
static void
handover_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  TarmacHubServer *self = user_data;
  g_autoptr(TarmacHubDevice) device = NULL;
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(JsonNode) response = NULL;
  g_autoptr(GError) error = NULL;
  const char *method = soup_server_message_get_method (msg);
  guint status = 500;

  if (g_str_equal (path, "/v1/handover"))
    {
      if (!method_is (msg, "GET") || (device = authenticate (self, msg)) == NULL)
        return;
      response = tarmac_hub_db_get_handover (self->db, device, &status, &error);
    }
  else
    {
      const char *device_id = path + strlen ("/v1/handover/");

      if (g_strcmp0 (method, "PUT") != 0 || !g_str_has_prefix (path, "/v1/handover/"))
        {
          method_is (msg, "PUT");
          return;
        }
      if ((device = authenticate (self, msg)) == NULL)
        return;
      if (!g_uuid_string_is_valid (device_id))
        {
          send_error (msg, SOUP_STATUS_NOT_FOUND, "not_found");
          return;
        }
      if ((request = parse_body (msg)) == NULL)
        return;
      flush (self);   /* a handover is a transaction of its own */
      response = tarmac_hub_db_store_handover (self->db, device, device_id,
                                               json_node_get_object (request), &status, &error);
    }

  send_answer (msg, status, response, error);
}

/* PUT /v1/site-key: a desk rotates its site's key (tarmac_hub_db_rotate_site_key());
 * PUT /v1/key-proof: a desk proves it holds the current one. */
static void
site_key_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  TarmacHubServer *self = user_data;
  g_autoptr(TarmacHubDevice) device = NULL;
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(JsonNode) response = NULL;
  g_autoptr(GError) error = NULL;
  guint status = 500;

  if (!method_is (msg, "PUT") || (device = authenticate (self, msg)) == NULL
      || (request = parse_body (msg)) == NULL)
    return;

  flush (self);   /* transactions of their own */
  if (g_str_equal (path, "/v1/site-key"))
    response = tarmac_hub_db_rotate_site_key (self->db, device, json_node_get_object (request),
                                              &status, &error);
  else
    response = tarmac_hub_db_store_key_proof (self->db, device, json_node_get_object (request),
                                              &status, &error);

  send_answer (msg, status, response, error);
}

/* PUT /v1/wraps: a desk sends the record keys of versions it held back from an airport
 * whose new key an officer has now accepted (tarmac_hub_db_add_wraps()). */
static void
wraps_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  TarmacHubServer *self = user_data;
  g_autoptr(TarmacHubDevice) device = NULL;
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(JsonNode) response = NULL;
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) poke = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  JsonNode *wraps;
  gboolean urgent = FALSE;
  guint status = 500;

  if (!method_is (msg, "PUT") || (device = authenticate (self, msg)) == NULL
      || (request = parse_body (msg)) == NULL)
    return;

  wraps = json_object_get_member (json_node_get_object (request), "wraps");
  if (wraps == NULL || !JSON_NODE_HOLDS_ARRAY (wraps))
    {
      send_error (msg, SOUP_STATUS_BAD_REQUEST, "malformed");
      return;
    }

  flush (self);   /* a transaction of its own */
  response = tarmac_hub_db_add_wraps (self->db, device, json_node_get_array (wraps), sites, &urgent,
                                      &status, &error);
  if (response == NULL)
    {
      internal_error (msg, error);
      return;
    }

  tarmac_hub_reply_json (msg, status, response);
  for (guint i = 0; i < sites->len; i++)
    g_hash_table_insert (poke, g_strdup (g_ptr_array_index (sites, i)), g_strdup (""));
  if (g_hash_table_size (poke) > 0)
    notify_sites (self, poke, urgent);
}

static void
waiter_free (Waiter *waiter)
{
  g_clear_handle_id (&waiter->timeout_id, g_source_remove);
  g_clear_object (&waiter->msg);
  g_free (waiter->site);
  g_free (waiter->lane);
  g_free (waiter);
}

/* Answers a long-poll now (data arrived or the wait is over). */
static void
waiter_answer (Waiter *waiter)
{
  TarmacHubServer *self = waiter->self;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  self->waiters = g_list_remove (self->waiters, waiter);
  if (!tarmac_hub_db_group_begin (self->db, &error)
      || (node = tarmac_hub_db_changes (self->db, waiter->site, waiter->lane, waiter->since,
                                        waiter->limit, &error)) == NULL)
    {
      internal_error (waiter->msg, error);
      soup_server_message_unpause (waiter->msg);
    }
  else
    {
      tarmac_hub_reply_json (waiter->msg, SOUP_STATUS_OK, node);
      hold (self, waiter->msg, NULL, FALSE, NULL);
    }
  waiter_free (waiter);
}

static gboolean
waiter_timeout_cb (gpointer user_data)
{
  Waiter *waiter = user_data;

  waiter->timeout_id = 0;
  waiter_answer (waiter);
  return G_SOURCE_REMOVE;
}

static gboolean
parse_int (GHashTable *query,
           const char *name,
           gint64      fallback,
           gint64      max,
           gint64     *out)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, name) : NULL;

  if (text == NULL)
    {
      *out = fallback;
      return TRUE;
    }

  return g_ascii_string_to_signed (text, 10, 0, max, out, NULL);
}

static void
changes_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  TarmacHubServer *self = user_data;
  g_autoptr(TarmacHubDevice) device = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  const char *lane;
  gint64 since, limit, wait;
  Waiter *waiter;

  if (!method_is (msg, "GET") || (device = authenticate (self, msg)) == NULL)
    return;

  lane = query != NULL ? g_hash_table_lookup (query, "lane") : NULL;
  lane = lane != NULL ? lane : "main";
  if ((!g_str_equal (lane, "main") && !g_str_equal (lane, "urgent"))
      || !parse_int (query, "since", 0, G_MAXINT64, &since)
      || !parse_int (query, "limit", 500, TARMAC_HUB_MAX_PULL, &limit)
      || !parse_int (query, "wait", 0, TARMAC_HUB_MAX_WAIT, &wait)
      || limit < 1)
    {
      send_error (msg, SOUP_STATUS_BAD_REQUEST, "malformed");
      return;
    }

  if (wait == 0 || tarmac_hub_db_head (self->db, device->site, lane) > since)
    {
      /* The pull's audit row goes in the group: the answer waits for its commit. */
      if (!tarmac_hub_db_group_begin (self->db, &error)
          || (node = tarmac_hub_db_changes (self->db, device->site, lane, since, (guint) limit,
                                            &error)) == NULL)
        internal_error (msg, error);
      else
        {
          tarmac_hub_reply_json (msg, SOUP_STATUS_OK, node);
          hold (self, msg, NULL, FALSE, NULL);
        }
      return;
    }

  waiter = g_new0 (Waiter, 1);
  waiter->self = self;
  waiter->msg = g_object_ref (msg);
  waiter->site = g_strdup (device->site);
  waiter->lane = g_strdup (lane);
  waiter->since = since;
  waiter->limit = (guint) limit;
  waiter->timeout_id = g_timeout_add_seconds ((guint) wait, waiter_timeout_cb, waiter);
  self->waiters = g_list_prepend (self->waiters, waiter);
  soup_server_message_pause (msg);
}

/* @sites: site → the only device whose push grew it (not told), or "" */
static void
notify_sites (TarmacHubServer *self,
              GHashTable      *sites,
              gboolean         urgent)
{
  GList *l, *next;

  for (l = self->waiters; l != NULL; l = next)
    {
      Waiter *waiter = l->data;

      next = l->next;
      if (g_hash_table_contains (sites, waiter->site))
        waiter_answer (waiter);
    }

  for (l = self->listeners; l != NULL; l = l->next)
    {
      Listener *listener = l->data;
      const char *by = g_hash_table_lookup (sites, listener->site);
      g_autofree char *frame = NULL;

      if (by == NULL || g_str_equal (by, listener->device_id)
          || soup_websocket_connection_get_state (listener->conn) != SOUP_WEBSOCKET_STATE_OPEN)
        continue;

      frame = g_strdup_printf ("{\"t\":\"head\",\"seq\":%" G_GINT64_FORMAT ",\"urgent\":%s}",
                               tarmac_hub_db_head (self->db, listener->site, "main"),
                               urgent ? "true" : "false");
      soup_websocket_connection_send_text (listener->conn, frame);
    }
}

static void
push_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  TarmacHubServer *self = user_data;
  g_autoptr(TarmacHubDevice) device = NULL;
  g_autoptr(JsonNode) request = NULL;
  g_autoptr(JsonNode) response = NULL;
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *batch_id = path + strlen ("/v1/push/");
  JsonNode *envelopes;
  gboolean urgent = FALSE;

  if (!method_is (msg, "PUT") || (device = authenticate (self, msg)) == NULL)
    return;

  if (!g_uuid_string_is_valid (batch_id))
    {
      send_error (msg, SOUP_STATUS_NOT_FOUND, "not_found");
      return;
    }

  if ((request = parse_body (msg)) == NULL)
    return;

  envelopes = json_object_get_member (json_node_get_object (request), "envelopes");
  if (envelopes == NULL || !JSON_NODE_HOLDS_ARRAY (envelopes))
    {
      send_error (msg, SOUP_STATUS_BAD_REQUEST, "malformed");
      return;
    }
  if (json_array_get_length (json_node_get_array (envelopes)) > TARMAC_HUB_MAX_PUSH)
    {
      send_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_large");
      return;
    }

  if (!tarmac_hub_db_group_begin (self->db, &error))
    {
      internal_error (msg, error);
      return;
    }

  response = tarmac_hub_db_push (self->db, device, batch_id, json_node_get_array (envelopes),
                                 sites, &urgent, &error);
  if (response == NULL)
    {
      if (error != NULL && error->domain == TARMAC_SYNC_ERROR)
        send_error (msg, SOUP_STATUS_CONFLICT, tarmac_sync_error_code_name (error->code));
      else
        internal_error (msg, error);
      return;
    }

  /* Answered, and the sites poked, once the group is on disk. */
  tarmac_hub_reply_json (msg, SOUP_STATUS_OK, response);
  hold (self, msg, sites, urgent, device);
}

static void
listener_free (Listener *listener)
{
  g_clear_object (&listener->conn);
  g_free (listener->device_id);
  g_free (listener->site);
  g_free (listener);
}

static void
ws_closed_cb (SoupWebsocketConnection *conn,
              gpointer                 user_data)
{
  TarmacHubServer *self = user_data;

  for (GList *l = self->listeners; l != NULL; l = l->next)
    {
      Listener *listener = l->data;

      if (listener->conn == conn)
        {
          self->listeners = g_list_delete_link (self->listeners, l);
          listener_free (listener);
          return;
        }
    }
}

/* A client says nothing but pings; anything else closes the socket. */
static void
ws_message_cb (SoupWebsocketConnection *conn,
               gint                     type,
               GBytes                  *message,
               gpointer                 user_data)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (message, &length);

  if (type != SOUP_WEBSOCKET_DATA_TEXT || length != strlen ("{\"t\":\"ping\"}")
      || memcmp (data, "{\"t\":\"ping\"}", length) != 0)
    soup_websocket_connection_close (conn, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, NULL);
}

/* The handshake is authenticated here, before the upgrade. */
static void
notify_early_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  TarmacHubServer *self = user_data;
  TarmacHubDevice *device = authenticate (self, msg);

  if (device != NULL)
    g_object_set_data_full (G_OBJECT (msg), "tarmac-device", device,
                            (GDestroyNotify) tarmac_hub_device_free);
}

static void
notify_cb (SoupServer              *server,
           SoupServerMessage       *msg,
           const char              *path,
           SoupWebsocketConnection *conn,
           gpointer                 user_data)
{
  TarmacHubServer *self = user_data;
  TarmacHubDevice *device = g_object_get_data (G_OBJECT (msg), "tarmac-device");
  Listener *listener;

  if (device == NULL)
    {
      soup_websocket_connection_close (conn, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, NULL);
      return;
    }

  listener = g_new0 (Listener, 1);
  listener->conn = g_object_ref (conn);
  listener->device_id = g_strdup (device->device_id);
  listener->site = g_strdup (device->site);
  self->listeners = g_list_prepend (self->listeners, listener);

  soup_websocket_connection_set_max_incoming_payload_size (conn, 4096);
  soup_websocket_connection_set_keepalive_interval (conn, 20);
  g_signal_connect (conn, "message", G_CALLBACK (ws_message_cb), self);
  g_signal_connect (conn, "closed", G_CALLBACK (ws_closed_cb), self);
}

/* A revocation made by `tarmac-hub device revoke` closes live sockets within a second. */
static gboolean
check_revocations_cb (gpointer user_data)
{
  TarmacHubServer *self = user_data;
  g_autoptr(GPtrArray) revoked = NULL;

  if (self->listeners == NULL)
    return G_SOURCE_CONTINUE;

  revoked = tarmac_hub_db_list_revoked (self->db, NULL);
  if (revoked == NULL)
    return G_SOURCE_CONTINUE;

  for (GList *l = self->listeners; l != NULL; l = l->next)
    {
      Listener *listener = l->data;

      if (g_ptr_array_find_with_equal_func (revoked, listener->device_id, g_str_equal, NULL)
          && soup_websocket_connection_get_state (listener->conn) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (listener->conn, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION,
                                         "revoked");
    }

  return G_SOURCE_CONTINUE;
}

/* Expired lookouts leave the hub as they leave every site: at their expiry, unannounced. */
static gboolean
expire_cb (gpointer user_data)
{
  TarmacHubServer *self = user_data;
  g_autoptr(GError) error = NULL;

  flush (self);   /* expiry is a transaction of its own */
  if (!tarmac_hub_db_expire (self->db, g_get_real_time () / 1000, NULL, &error))
    g_warning ("Could not drop expired versions: %s", error->message);

  return G_SOURCE_CONTINUE;
}

static void
not_found_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  send_error (msg, SOUP_STATUS_NOT_FOUND, "not_found");
}

static void
tarmac_hub_server_dispose (GObject *object)
{
  TarmacHubServer *self = (TarmacHubServer *) object;

  g_clear_handle_id (&self->revocation_id, g_source_remove);
  g_clear_handle_id (&self->expiry_id, g_source_remove);
  if (self->held != NULL && self->db != NULL)
    flush (self);
  g_clear_handle_id (&self->flush_id, g_source_remove);
  g_list_free_full (g_steal_pointer (&self->waiters), (GDestroyNotify) waiter_free);
  g_list_free_full (g_steal_pointer (&self->listeners), (GDestroyNotify) listener_free);
  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_object (&self->db);
  g_clear_pointer (&self->buckets, g_hash_table_unref);
  g_clear_pointer (&self->held, g_ptr_array_unref);
  g_clear_pointer (&self->held_sites, g_hash_table_unref);
  sodium_memzero (self->coordinator_sk, sizeof self->coordinator_sk);

  G_OBJECT_CLASS (tarmac_hub_server_parent_class)->dispose (object);
}

static void
tarmac_hub_server_class_init (TarmacHubServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tarmac_hub_server_dispose;
}

static void
tarmac_hub_server_init (TarmacHubServer *self)
{
  self->buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->held = g_ptr_array_new_with_free_func (g_object_unref);
  self->held_sites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * tarmac_hub_server_new:
 * @db: the hub's database
 * @certificate: its TLS certificate, with the private key
 * @coordinator_seed: the coordinator's Ed25519 seed (32 bytes), which signs the roster
 */
TarmacHubServer *
tarmac_hub_server_new (TarmacHubDb     *db,
                       GTlsCertificate *certificate,
                       GBytes          *coordinator_seed)
{
  TarmacHubServer *self = g_object_new (TARMAC_TYPE_HUB_SERVER, NULL);

  g_return_val_if_fail (g_bytes_get_size (coordinator_seed) == crypto_sign_SEEDBYTES, self);

  self->db = g_object_ref (db);
  crypto_sign_seed_keypair (self->coordinator_pk, self->coordinator_sk,
                            g_bytes_get_data (coordinator_seed, NULL));

  self->server = soup_server_new ("server-header", "tarmac-hub",
                                  "tls-certificate", certificate,
                                  NULL);
  soup_server_remove_websocket_extension (self->server, SOUP_TYPE_WEBSOCKET_EXTENSION_DEFLATE);
  g_signal_connect (self->server, "request-started", G_CALLBACK (request_started_cb), self);

  soup_server_add_handler (self->server, "/health", health_cb, self, NULL);
  soup_server_add_handler (self->server, "/v1/enrol", enrol_cb, self, NULL);
  soup_server_add_handler (self->server, "/v1/roster", roster_cb, self, NULL);
  soup_server_add_handler (self->server, "/v1/hello", hello_cb, self, NULL);
  soup_server_add_handler (self->server, "/v1/handover", handover_cb, self, NULL);
  soup_server_add_handler (self->server, "/v1/site-key", site_key_cb, self, NULL);
  soup_server_add_handler (self->server, "/v1/key-proof", site_key_cb, self, NULL);
  soup_server_add_handler (self->server, "/v1/wraps", wraps_cb, self, NULL);
  soup_server_add_handler (self->server, "/v1/push/", push_cb, self, NULL);
  soup_server_add_handler (self->server, "/v1/changes", changes_cb, self, NULL);
  /* TARMAC_HUB_NO_NOTIFY=1 plays a proxy that does not upgrade (404), for the tests of the
   * clients' long-poll fallback. */
  if (g_strcmp0 (g_getenv ("TARMAC_HUB_NO_NOTIFY"), "1") != 0)
    {
      soup_server_add_early_handler (self->server, "/v1/notify", notify_early_cb, self, NULL);
      soup_server_add_websocket_handler (self->server, "/v1/notify", NULL, NULL, notify_cb, self, NULL);
    }
  soup_server_add_handler (self->server, NULL, not_found_cb, self, NULL);

  self->revocation_id = g_timeout_add (500, check_revocations_cb, self);
  expire_cb (self);
  self->expiry_id = g_timeout_add_seconds (60, expire_cb, self);
  return self;
}

gboolean
tarmac_hub_server_listen (TarmacHubServer  *self,
                          GInetAddress     *address,
                          guint             port,
                          GError          **error)
{
  g_autoptr(GSocketAddress) socket_address = g_inet_socket_address_new (address, port);
  GSList *uris;

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("TLS is not available: install glib-networking"));
      return FALSE;
    }

  if (!soup_server_listen (self->server, socket_address, SOUP_SERVER_LISTEN_HTTPS, error))
    return FALSE;

  uris = soup_server_get_uris (self->server);
  if (uris != NULL)
    self->port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return TRUE;
}

guint
tarmac_hub_server_get_port (TarmacHubServer *self)
{
  return self->port;
}
