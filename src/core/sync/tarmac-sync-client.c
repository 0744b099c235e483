/* tarmac-sync-client.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sync-client"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <sodium.h>
#include <string.h>

#include "tarmac-site-handover.h"
#include "tarmac-sync-auth.h"
#include "tarmac-sync-client.h"
#include "tarmac-sync-error.h"
#include "tarmac-sync-json.h"
#include "tarmac-sync-notify.h"
#include "tarmac-sync-replica-private.h"
#include "tarmac-sync-service.h"
#include "tarmac-sync-tls.h"

/* The client side of research/sync.md §4.6 and §4.10, synchronous (the CLI and the tests
 * call it; the app runs it on its own thread with its own GMainContext, §2.3):
 *
 *  - enrol: new keys, a proof keyed with the one-time code (the code never travels), the
 *    hub's certificate pinned by the fingerprint read out by phone;
 *  - sync: hello (learn the clock offset; a hub that has seen more of this device than
 *    the device itself means a restored or cloned database: stop), the signed roster
 *    (never an older one), push the outbox in device order in batches of 200 (PUT, so
 *    libsoup reuses the connection; a retry of anything is harmless), then pull the
 *    urgent lane and the main lane, each batch applied with its cursor in one
 *    transaction, its count checked against what arrived;
 *  - wait: news from the hub's notification socket (WS /v1/notify, tarmac-sync-notify.c),
 *    then a pull; when the socket cannot be opened (a proxy that does not upgrade, a hub
 *    that refuses) or drops, a long-poll on the main lane instead, and another try at the
 *    socket after 1 s × 2ⁿ with jitter, so thirty-five airports do not all knock at once.
 *    A hub that closes the socket because the device was revoked ends the wait with
 *    TARMAC_SYNC_ERROR_REVOKED: the callers stop, they do not loop.
 *
 * Every loop has a bound. */

#define PUSH_BATCH        200
#define PULL_BATCH        500
#define MAX_ROUNDS        10000
#define MAX_RESPONSE      (16 * 1024 * 1024)
#define NOTIFY_OPEN_S     20

struct _TarmacSyncClient
{
  GObject            parent_instance;

  TarmacSyncReplica *replica;
  SoupSession       *session;
  GCancellable      *cancellable;   /* of every request, or NULL */
  char              *hub_url;
  char              *fingerprint;
  TarmacSyncStats    stats;
  gint64             hub_roster_version;
  gint64             greeted_at;      /* monotonic µs of the last hello, 0 for none yet */

  TarmacSyncNotify  *notify;
  gboolean           notify_disabled;
  guint              notify_failures; /* socket openings that failed in a row */
  gint64             notify_retry_at; /* monotonic µs: no new try at the socket before */
  guint              notified;        /* pulls the socket's news started */
  guint              long_polls;      /* waits made as long-polls */
  guint64            applied;         /* new versions pulled and applied, since created */
};

G_DEFINE_FINAL_TYPE (TarmacSyncClient, tarmac_sync_client, G_TYPE_OBJECT)

static void
tarmac_sync_client_dispose (GObject *object)
{
  TarmacSyncClient *self = (TarmacSyncClient *) object;

  g_clear_object (&self->notify);
  g_clear_object (&self->replica);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (tarmac_sync_client_parent_class)->dispose (object);
}

static void
tarmac_sync_client_finalize (GObject *object)
{
  TarmacSyncClient *self = (TarmacSyncClient *) object;

  g_clear_pointer (&self->hub_url, g_free);
  g_clear_pointer (&self->fingerprint, g_free);

  G_OBJECT_CLASS (tarmac_sync_client_parent_class)->finalize (object);
}

static void
tarmac_sync_client_class_init (TarmacSyncClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tarmac_sync_client_dispose;
  object_class->finalize = tarmac_sync_client_finalize;
}

static void
tarmac_sync_client_init (TarmacSyncClient *self)
{
  self->session = soup_session_new_with_options ("timeout", 60,
                                                 "idle-timeout", 55,
                                                 "user-agent", "tarmac/" PACKAGE_VERSION,
                                                 NULL);
  /* No SoupWebsocketExtensionManager is added to the session: the notification socket
   * never offers compression, whose inflating has no output cap in libsoup 3.2
   * (research/sync.md §2.2). */
  self->notify = tarmac_sync_notify_new ();
}

TarmacSyncClient *
tarmac_sync_client_new (TarmacSyncReplica *replica)
{
  TarmacSyncClient *self;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (replica), NULL);

  self = g_object_new (TARMAC_TYPE_SYNC_CLIENT, NULL);
  self->replica = g_object_ref (replica);
  self->hub_url = tarmac_sync_replica_dup_setting (replica, "hub_url");
  self->fingerprint = tarmac_sync_replica_dup_setting (replica, "hub_fingerprint");
  return self;
}

static gboolean
accept_certificate_cb (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  TarmacSyncClient *self = user_data;
  g_autofree char *fingerprint = tarmac_sync_tls_fingerprint (certificate);

  return tarmac_sync_tls_fingerprint_equal (fingerprint, self->fingerprint);
}

static void learn_clock (TarmacSyncClient *self,
                         JsonNode         *node);

/* A certificate valid for the system's CAs (a hub behind nginx) skips accept-certificate:
 * the pin is checked after the exchange too. */
static gboolean
check_pin (TarmacSyncClient  *self,
           SoupMessage       *msg,
           GError           **error)
{
  GTlsCertificate *peer = soup_message_get_tls_peer_certificate (msg);
  g_autofree char *fingerprint = NULL;

  if (peer == NULL)
    return TRUE;

  fingerprint = tarmac_sync_tls_fingerprint (peer);
  if (tarmac_sync_tls_fingerprint_equal (fingerprint, self->fingerprint))
    return TRUE;

  g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_BAD_SIGNATURE,
               _("The hub’s certificate is not the one enrolled with"));
  return FALSE;
}

/* One request; returns the parsed JSON body of any answer, and its status. */
static JsonNode *
request_once (TarmacSyncClient  *self,
         const char        *method,
         const char        *target,
         JsonNode          *body,
         gboolean           sign,
         guint             *status,
         GError           **error)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) response = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  if (self->hub_url == NULL || self->fingerprint == NULL)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_KEYS,
                   _("This workstation is not enrolled in a network"));
      return NULL;
    }

  uri = g_strconcat (self->hub_url, target, NULL);
  msg = soup_message_new (method, uri);
  if (msg == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a hub address"), self->hub_url);
      return NULL;
    }
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), self);

  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = NULL;

      text = json_to_string (body, FALSE);
      length = strlen (text);
      bytes = g_bytes_new (text, length);
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
      self->stats.bytes_up += length;
    }

  if (sign)
    {
      g_autofree char *auth = tarmac_sync_auth_sign (tarmac_sync_replica_get_keys (self->replica),
                                                     method, target,
                                                     tarmac_sync_replica_now_ms (self->replica),
                                                     (const guint8 *) text, length);

      soup_message_headers_replace (soup_message_get_request_headers (msg),
                                    TARMAC_SYNC_AUTH_HEADER, auth);
    }

  self->stats.requests++;
  response = soup_session_send_and_read (self->session, msg, self->cancellable, error);
  if (response == NULL)
    return NULL;

  if (!check_pin (self, msg, error))
    return NULL;

  *status = soup_message_get_status (msg);
  self->stats.bytes_down += g_bytes_get_size (response);
  return tarmac_sync_json_parse (g_bytes_get_data (response, NULL), g_bytes_get_size (response),
                                 MAX_RESPONSE, TARMAC_SYNC_JSON_MAX_DEPTH, error);
}

/* request_once(), asked again once when the hub refused the request's date: this
 * machine's clock is off (hours, days), and the refusal carries the hub's time. */
static JsonNode *
request (TarmacSyncClient  *self,
         const char        *method,
         const char        *target,
         JsonNode          *body,
         gboolean           sign,
         guint             *status,
         GError           **error)
{
  JsonNode *answer = request_once (self, method, target, body, sign, status, error);

  if (answer != NULL && sign && *status == SOUP_STATUS_UNPROCESSABLE_ENTITY
      && JSON_NODE_HOLDS_OBJECT (answer)
      && g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (answer), "error", NULL),
                    tarmac_sync_error_code_name (TARMAC_SYNC_ERROR_CLOCK_SKEW)) == 0)
    {
      learn_clock (self, answer);
      json_node_unref (answer);
      answer = request_once (self, method, target, body, sign, status, error);
    }

  return answer;
}

/* A refusal of the hub as an error, its code kept when it is one of ours. */
static void
set_refusal (GError     **error,
             guint        status,
             JsonNode    *node)
{
  const char *code = NULL;
  int value = TARMAC_SYNC_ERROR_MALFORMED;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    code = json_object_get_string_member_with_default (json_node_get_object (node), "error", NULL);

  for (int i = 0; i <= TARMAC_SYNC_ERROR_LAST; i++)
    if (g_strcmp0 (code, tarmac_sync_error_code_name (i)) == 0)
      value = i;

  g_set_error (error, TARMAC_SYNC_ERROR, value, _("The hub refused: %u %s"), status,
               code != NULL ? code : "");
}

static void
learn_clock (TarmacSyncClient *self,
             JsonNode         *node)
{
  gint64 server_time;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;

  /* Every answer says which roster the hub holds: the next round fetches a newer one. */
  if (json_object_has_member (json_node_get_object (node), "roster_version"))
    self->hub_roster_version = json_object_get_int_member_with_default (json_node_get_object (node),
                                                                       "roster_version", -1);

  server_time = json_object_get_int_member_with_default (json_node_get_object (node), "server_time", 0);
  if (server_time > 0)
    tarmac_sync_replica_set_clock_offset (self->replica,
                                          server_time - _tarmac_sync_replica_wall_ms (self->replica));
}

/* Verifies the coordinator's signature and the version, then teaches the replica. */
static gboolean
apply_roster (TarmacSyncClient  *self,
              JsonNode          *signed_node,
              GError           **error)
{
  g_autofree char *pk64 = tarmac_sync_replica_dup_setting (self->replica, "coordinator_pk");
  g_autofree char *held = tarmac_sync_replica_dup_setting (self->replica, "roster_version");
  g_autofree guchar *roster_text = NULL;
  g_autofree guchar *sig = NULL;
  g_autofree guchar *pk = NULL;
  g_autoptr(JsonNode) roster = NULL;
  g_autofree char *version_text = NULL;
  JsonObject *object;
  JsonArray *sites, *devices;
  TarmacStore *store;
  gsize roster_length = 0, sig_length = 0, pk_length = 0;
  gint64 version;

  if (!JSON_NODE_HOLDS_OBJECT (signed_node) || pk64 == NULL)
    goto bad;

  object = json_node_get_object (signed_node);
  roster_text = g_base64_decode (json_object_get_string_member_with_default (object, "roster", ""),
                                 &roster_length);
  sig = g_base64_decode (json_object_get_string_member_with_default (object, "sig", ""), &sig_length);
  pk = g_base64_decode (pk64, &pk_length);
  if (sig_length != crypto_sign_BYTES || pk_length != crypto_sign_PUBLICKEYBYTES
      || crypto_sign_verify_detached (sig, roster_text, roster_length, pk) != 0)
    goto bad;

  roster = tarmac_sync_json_parse ((const char *) roster_text, roster_length, MAX_RESPONSE, 8, error);
  if (roster == NULL || !JSON_NODE_HOLDS_OBJECT (roster))
    goto bad;

  object = json_node_get_object (roster);
  version = json_object_get_int_member_with_default (object, "roster_version", 0);
  if (held != NULL && version < g_ascii_strtoll (held, NULL, 10))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("The hub sent an older roster than the one held here"));
      return FALSE;
    }

  sites = json_object_get_array_member (object, "sites");
  devices = json_object_get_array_member (object, "devices");
  if (sites == NULL || devices == NULL)
    goto bad;

  /* The keys it gives are checked against those pinned here (tarmac-sync-pins.c): the
   * coordinator's signature says only that the hub sent it. One transaction. */
  store = _tarmac_sync_replica_get_store (self->replica);
  if (!tarmac_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (sites) && i < 1000; i++)
    {
      JsonObject *site = json_array_get_object_element (sites, i);
      JsonNode *chain = site != NULL ? json_object_get_member (site, "key_chain") : NULL;
      guint8 box_pk[32];

      if (site != NULL && tarmac_sync_json_get_bytes (site, "box_pk", box_pk, 32)
          && !_tarmac_sync_replica_pin_site (self->replica,
                                             json_object_get_string_member_with_default (site, "code", ""),
                                             json_object_get_string_member_with_default (site, "name", ""),
                                             box_pk,
                                             chain != NULL && JSON_NODE_HOLDS_ARRAY (chain)
                                             ? json_node_get_array (chain) : NULL,
                                             error))
        goto fail;
    }

  for (guint i = 0; i < json_array_get_length (devices) && i < 10000; i++)
    {
      JsonObject *device = json_array_get_object_element (devices, i);
      const char *device_id;
      guint8 sign_pk[32];

      if (device == NULL || !tarmac_sync_json_get_bytes (device, "sign_pk", sign_pk, 32))
        continue;

      device_id = json_object_get_string_member_with_default (device, "device_id", "");
      if (!_tarmac_sync_replica_pin_device (self->replica, device_id,
                                            json_object_get_string_member_with_default (device, "site", ""),
                                            sign_pk, error))
        goto fail;
      if (g_strcmp0 (json_object_get_string_member_with_default (device, "status", ""), "revoked") == 0
          && !tarmac_sync_replica_revoke_device (self->replica, device_id, error))
        goto fail;
    }

  version_text = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  if (!_tarmac_sync_replica_set_site_desks (self->replica, devices, error)
      || !tarmac_sync_replica_set_setting (self->replica, "roster_version", version_text, error))
    goto fail;

  /* A failed commit ends its level itself. */
  return tarmac_store_commit (store, error);

fail:
  tarmac_store_rollback (store);
  return FALSE;

bad:
  if (error != NULL && *error == NULL)
    g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_BAD_SIGNATURE,
                 _("The roster is not signed by the network’s coordinator"));
  return FALSE;
}

static gboolean
fetch_roster (TarmacSyncClient  *self,
              GError           **error)
{
  g_autoptr(JsonNode) node = NULL;
  guint status = 0;

  node = request (self, "GET", "/v1/roster", NULL, TRUE, &status, error);
  if (node == NULL)
    return FALSE;
  if (status != 200)
    {
      set_refusal (error, status, node);
      return FALSE;
    }

  return apply_roster (self, node, error);
}

/* The roster is fetched again only when the hub says its version moved. */
static gboolean
refresh_roster (TarmacSyncClient  *self,
                GError           **error)
{
  g_autofree char *held = tarmac_sync_replica_dup_setting (self->replica, "roster_version");

  if (held != NULL && self->hub_roster_version >= 0
      && g_ascii_strtoll (held, NULL, 10) == self->hub_roster_version)
    return TRUE;

  return fetch_roster (self, error);
}

/**
 * tarmac_sync_client_enrol:
 * @hub_url: "https://host:port"
 * @code: the one-time code `tarmac-hub enrol-code` printed
 * @fingerprint: the hub certificate's SHA-256, as `tarmac-hub init` printed it
 *
 * Makes this database a device of the site the code was made for.
 */
gboolean
tarmac_sync_client_enrol (TarmacSyncClient  *self,
                          const char        *hub_url,
                          const char        *code,
                          const char        *fingerprint,
                          GError           **error)
{
  g_autoptr(TarmacDeviceKeys) keys = tarmac_device_keys_generate ();
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *code_id = NULL;
  g_autofree char *upper = NULL;
  crypto_generichash_state state;
  const char *device_id = tarmac_device_keys_get_device_id (keys);
  const char *site;
  const char *coordinator;
  guint8 code_key[32], proof[32];
  guint status = 0;

  g_return_val_if_fail (TARMAC_IS_SYNC_CLIENT (self), FALSE);

  if (tarmac_sync_replica_is_enrolled (self->replica))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_KEYS,
                   _("This workstation is already enrolled"));
      return FALSE;
    }

  upper = g_ascii_strup (code, -1);
  g_strstrip (upper);
  if (strlen (upper) != 39)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("An enrolment code is 8 groups of 4 characters"));
      return FALSE;
    }

  g_free (self->hub_url);
  self->hub_url = g_strdup (hub_url);
  while (g_str_has_suffix (self->hub_url, "/"))
    self->hub_url[strlen (self->hub_url) - 1] = '\0';
  g_free (self->fingerprint);
  self->fingerprint = g_strdup (fingerprint);

  code_id = g_strndup (upper, 9);
  crypto_generichash (code_key, 32, (const guint8 *) upper, strlen (upper),
                      (const guint8 *) "tarmac-enrol-v1", 15);
  crypto_generichash_init (&state, code_key, 32, 32);
  crypto_generichash_update (&state, (const guint8 *) device_id, strlen (device_id));
  crypto_generichash_update (&state, tarmac_device_keys_get_sign_pk (keys), 32);
  crypto_generichash_update (&state, tarmac_device_keys_get_box_pk (keys), 32);
  crypto_generichash_update (&state, tarmac_device_keys_get_site_box_pk (keys), 32);
  crypto_generichash_final (&state, proof, 32);
  sodium_memzero (code_key, sizeof code_key);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code_id");
  json_builder_add_string_value (builder, code_id);
  json_builder_set_member_name (builder, "device_id");
  json_builder_add_string_value (builder, device_id);
  {
    struct { const char *name; const guint8 *data; } keys_out[] = {
      { "sign_pk", tarmac_device_keys_get_sign_pk (keys) },
      { "box_pk", tarmac_device_keys_get_box_pk (keys) },
      { "site_box_pk", tarmac_device_keys_get_site_box_pk (keys) },
      { "proof", proof },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (keys_out); i++)
      {
        g_autofree char *text = g_base64_encode (keys_out[i].data, 32);

        json_builder_set_member_name (builder, keys_out[i].name);
        json_builder_add_string_value (builder, text);
      }
  }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  answer = request (self, "POST", "/v1/enrol", body, FALSE, &status, error);
  if (answer == NULL)
    return FALSE;
  if (status != 200 || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      set_refusal (error, status, answer);
      return FALSE;
    }

  site = json_object_get_string_member_with_default (json_node_get_object (answer), "site", NULL);
  coordinator = json_object_get_string_member_with_default (json_node_get_object (answer),
                                                            "coordinator_pk", NULL);
  if (site == NULL || coordinator == NULL)
    {
      set_refusal (error, status, answer);
      return FALSE;
    }

  /* The airport already has a key: this desk drops the one it made and waits for a desk
   * that holds it to hand it over (tarmac-site-handover.c). */
  if (g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (answer),
                                                             "site_key", "yours"), "waiting") == 0)
    tarmac_device_keys_forget_site_key (keys);

  if (!tarmac_sync_replica_set_identity (self->replica, site, keys, error)
      || !tarmac_sync_replica_set_setting (self->replica, "hub_url", self->hub_url, error)
      || !tarmac_sync_replica_set_setting (self->replica, "hub_fingerprint", fingerprint, error)
      || !tarmac_sync_replica_set_setting (self->replica, "coordinator_pk", coordinator, error))
    return FALSE;

  return fetch_roster (self, error);
}

static gboolean
hello (TarmacSyncClient  *self,
       GError           **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *local = NULL;
  guint status = 0;
  gint64 hub_seq;

  node = request (self, "GET", "/v1/hello", NULL, TRUE, &status, error);
  if (node == NULL)
    return FALSE;
  learn_clock (self, node);
  if (status != 200 || !JSON_NODE_HOLDS_OBJECT (node))
    {
      set_refusal (error, status, node);
      return FALSE;
    }

  /* The hub holds versions of this device that this database never wrote: it was
   * restored from a backup or copied. Pushing would reuse their numbers. */
  self->hub_roster_version = json_object_get_int_member_with_default (json_node_get_object (node),
                                                                     "roster_version", -1);
  hub_seq = json_object_get_int_member_with_default (json_node_get_object (node), "last_device_seq", 0);
  local = tarmac_sync_replica_dup_setting (self->replica, "device_seq");
  if (hub_seq > (local != NULL ? g_ascii_strtoll (local, NULL, 10) : 0))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_SEQ_REUSE,
                   _("The hub has seen more of this workstation than it remembers: it was "
                     "restored or copied, and must be enrolled again"));
      return FALSE;
    }

  return TRUE;
}

/* A desk that holds its airport's current key proves it (PUT /v1/key-proof) once the
 * roster does not list the proof yet: a desk that rotates the key seals the new one only
 * to desks that prove they hold it. */
static gboolean
publish_key_proof (TarmacSyncClient  *self,
                   GError           **error)
{
  g_autoptr(JsonNode) body = _tarmac_sync_replica_dup_key_proof (self->replica);
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  if (body == NULL)
    return TRUE;

  answer = request (self, "PUT", "/v1/key-proof", body, TRUE, &status, error);
  if (answer == NULL)
    return FALSE;
  if (status != 200)
    {
      set_refusal (error, status, answer);
      return FALSE;
    }

  return TRUE;
}

/* A desk waiting for its airport's key, or whose key another desk replaced (a
 * rotation), asks the hub whether a desk handed the current one over. */
static gboolean
receive_site_key (TarmacSyncClient  *self,
                  GError           **error)
{
  g_autoptr(JsonNode) answer = NULL;
  g_autofree guchar *sealed = NULL;
  g_autofree guchar *sig = NULL;
  JsonObject *object;
  const char *approved_by;
  gsize sealed_length = 0, sig_length = 0;
  guint status = 0;

  if (tarmac_sync_replica_get_keys (self->replica) == NULL
      || _tarmac_sync_replica_site_key_is_current (self->replica))
    return publish_key_proof (self, error);

  answer = request (self, "GET", "/v1/handover", NULL, TRUE, &status, error);
  if (answer == NULL)
    return FALSE;
  if (status == SOUP_STATUS_NOT_FOUND)
    {
      g_autofree char *code = tarmac_sync_replica_dup_desk_code (self->replica);

      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_AWAITING_KEY,
                   _("This desk cannot read notes yet: a desk of %s that already reads them "
                     "must approve it with the code %s (Preferences → Network, or tarmac-cli "
                     "sync approve)"),
                   tarmac_sync_replica_get_site (self->replica), code);
      return FALSE;
    }
  if (status != 200 || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      set_refusal (error, status, answer);
      return FALSE;
    }

  /* The roster must list the desk that approved: the hub bumped its version. */
  object = json_node_get_object (answer);
  approved_by = json_object_get_string_member_with_default (object, "approved_by", "");
  sealed = g_base64_decode (json_object_get_string_member_with_default (object, "sealed", ""),
                            &sealed_length);
  sig = g_base64_decode (json_object_get_string_member_with_default (object, "sig", ""), &sig_length);
  if (!fetch_roster (self, error)
      || !_tarmac_sync_replica_take_handover (self->replica, approved_by, sealed, sealed_length,
                                              sig, sig_length, error))
    return FALSE;

  if (!_tarmac_sync_replica_site_key_is_current (self->replica))
    {
      g_autofree char *code = tarmac_sync_replica_dup_desk_code (self->replica);

      /* A rotation left this desk out (the hub lists no proof that it held the key). */
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_AWAITING_KEY,
                   _("This desk cannot read notes yet: a desk of %s that already reads them "
                     "must approve it with the code %s (Preferences → Network, or tarmac-cli "
                     "sync approve)"),
                   tarmac_sync_replica_get_site (self->replica), code);
      return FALSE;
    }

  return publish_key_proof (self, error);
}

/**
 * tarmac_sync_client_rotate_site_key:
 * @n_sealed: (out) (optional): the desks that get the new key, this one included
 * @n_left_out: (out) (optional): active desks that must be approved again
 *
 * Replaces this airport's key (after a desk was revoked, research/sync.md §3.3): a new
 * key, sealed to every active desk of the airport that proves it holds the current one;
 * senders seal to the new key once they have the roster, every desk keeps the old keys to
 * read what came before, and the revoked desk never gets the new one.
 */
gboolean
tarmac_sync_client_rotate_site_key (TarmacSyncClient  *self,
                                    guint             *n_sealed,
                                    guint             *n_left_out,
                                    GError           **error)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  guint sealed = 0, left_out = 0, status = 0;

  g_return_val_if_fail (TARMAC_IS_SYNC_CLIENT (self), FALSE);

  if (!fetch_roster (self, error))
    return FALSE;
  body = _tarmac_sync_replica_seal_rotation (self->replica, &sealed, &left_out, error);
  if (body == NULL)
    return FALSE;

  answer = request (self, "PUT", "/v1/site-key", body, TRUE, &status, error);
  if (answer == NULL)
    return FALSE;
  if (status != 200)
    {
      set_refusal (error, status, answer);
      return FALSE;
    }

  if (n_sealed != NULL)
    *n_sealed = sealed;
  if (n_left_out != NULL)
    *n_left_out = left_out;

  /* This desk takes the new key from the hub like the others. */
  return fetch_roster (self, error) && receive_site_key (self, error);
}

/**
 * tarmac_sync_client_approve:
 * @device_id: a desk of this airport that waits for the airport's key
 * @code: the confirmation code shown at that desk, as the officer read it
 *
 * Hands the airport's key to @device_id: the roster is fetched afresh, the desk's keys in
 * it are checked against @code, and the key goes to the hub sealed to that desk and
 * signed by this one (tarmac-site-handover.c). The hub never sees it in clear.
 */
gboolean
tarmac_sync_client_approve (TarmacSyncClient  *self,
                            const char        *device_id,
                            const char        *code,
                            GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *target = NULL;
  g_autofree char *sealed64 = NULL;
  g_autofree char *sig64 = NULL;
  g_autoptr(GBytes) sealed = NULL;
  guint8 sig[TARMAC_SYNC_SIGNATURE_BYTES];
  guint status = 0;

  g_return_val_if_fail (TARMAC_IS_SYNC_CLIENT (self), FALSE);
  g_return_val_if_fail (device_id != NULL && code != NULL, FALSE);

  if (!g_uuid_string_is_valid (device_id))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("“%s” is not a device id"), device_id);
      return FALSE;
    }

  if (!fetch_roster (self, error)
      || !_tarmac_sync_replica_seal_handover (self->replica, device_id, code, &sealed, sig, error))
    return FALSE;

  sealed64 = g_base64_encode (g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed));
  sig64 = g_base64_encode (sig, sizeof sig);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sealed");
  json_builder_add_string_value (builder, sealed64);
  json_builder_set_member_name (builder, "sig");
  json_builder_add_string_value (builder, sig64);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  target = g_strconcat ("/v1/handover/", device_id, NULL);
  answer = request (self, "PUT", target, body, TRUE, &status, error);
  if (answer == NULL)
    return FALSE;
  if (status != 200)
    {
      set_refusal (error, status, answer);
      return FALSE;
    }

  return fetch_roster (self, error);
}

/**
 * tarmac_sync_client_refresh_desks:
 *
 * Fetches the roster afresh, so tarmac_sync_replica_list_desks() shows the desks that
 * enrolled since.
 */
gboolean
tarmac_sync_client_refresh_desks (TarmacSyncClient  *self,
                                  GError           **error)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_CLIENT (self), FALSE);

  return fetch_roster (self, error) && receive_site_key (self, error);
}

static gboolean
push (TarmacSyncClient  *self,
      GError           **error)
{
  gboolean restamped = FALSE;

  for (guint round = 0; round < MAX_ROUNDS; round++)
    {
      g_autoptr(GPtrArray) outbox = tarmac_sync_replica_list_outbox (self->replica, PUSH_BATCH, error);
      g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
      g_autoptr(JsonNode) body = NULL;
      g_autoptr(JsonNode) answer = NULL;
      g_autofree char *batch_id = g_uuid_string_random ();
      g_autofree char *target = g_strconcat ("/v1/push/", batch_id, NULL);
      g_autoptr(GPtrArray) sent = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GError) refused = NULL;
      JsonArray *results;
      guint status = 0;

      if (outbox == NULL)
        return FALSE;
      if (outbox->len == 0)
        return TRUE;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "envelopes");
      json_builder_begin_array (builder);
      for (guint i = 0; i < outbox->len; i++)
        json_builder_add_value (builder, tarmac_envelope_to_json (g_ptr_array_index (outbox, i), NULL));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      body = json_builder_get_root (builder);

      answer = request (self, "PUT", target, body, TRUE, &status, error);
      if (answer == NULL)
        return FALSE;
      learn_clock (self, answer);
      if (status != 200 || !JSON_NODE_HOLDS_OBJECT (answer)
          || (results = json_object_get_array_member (json_node_get_object (answer), "results")) == NULL)
        {
          set_refusal (error, status, answer);
          return FALSE;
        }

      for (guint i = 0; i < json_array_get_length (results); i++)
        {
          JsonObject *result = json_array_get_object_element (results, i);
          const char *state = result ? json_object_get_string_member_with_default (result, "status", "") : "";
          const char *version_id = result ? json_object_get_string_member_with_default (result, "version_id", "") : "";
          gint64 seq = result ? json_object_get_int_member_with_default (result, "server_seq", 0) : 0;
          const char *code = result ? json_object_get_string_member_with_default (result, "code", "") : "";

          if (g_str_equal (state, "accepted") || g_str_equal (state, "duplicate"))
            {
              g_ptr_array_add (sent, g_strdup (version_id));
              g_array_append_val (seqs, seq);
            }
          else if (!restamped
                   && g_strcmp0 (code, tarmac_sync_error_code_name (TARMAC_SYNC_ERROR_CLOCK_SKEW)) == 0)
            {
              /* Written while this machine's clock was ahead; the hub's time (learnt just
               * now) corrects it: seal those versions again and push them once more. */
              restamped = TRUE;
              break;
            }
          else
            {
              g_set_error (&refused, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                           _("The hub refused version %.12s: %s"), version_id,
                           json_object_get_string_member_with_default (result, "code", "?"));
              break;
            }
        }

      tarmac_sync_crash_point ("push.after_reply");

      /* What the hub took is marked even when a later version was refused. */
      if (!tarmac_sync_replica_mark_sent_many (self->replica, sent, seqs, error))
        return FALSE;
      if (restamped && refused == NULL && sent->len < json_array_get_length (results))
        {
          if (!_tarmac_sync_replica_restamp (self->replica, NULL, error))
            return FALSE;
          continue;
        }
      self->stats.pushed += sent->len;
      if (refused != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&refused));
          return FALSE;
        }

      if (json_array_get_length (results) == 0)
        return TRUE;
    }

  return TRUE;
}

/* The record keys of notes held back from an airport whose new key an officer accepted
 * since (tarmac_sync_replica_trust_key()), once the hub has the notes themselves. */
static gboolean
push_wraps (TarmacSyncClient  *self,
            GError           **error)
{
  for (guint round = 0; round < MAX_ROUNDS; round++)
    {
      g_autoptr(JsonNode) body = _tarmac_sync_replica_list_ready_wraps (self->replica, 500);
      g_autoptr(JsonNode) answer = NULL;
      JsonArray *results;
      guint status = 0, sent = 0;

      if (body == NULL)
        return TRUE;

      answer = request (self, "PUT", "/v1/wraps", body, TRUE, &status, error);
      if (answer == NULL)
        return FALSE;
      if (status != 200 || !JSON_NODE_HOLDS_OBJECT (answer)
          || (results = json_object_get_array_member (json_node_get_object (answer), "results")) == NULL)
        {
          set_refusal (error, status, answer);
          return FALSE;
        }

      if (!_tarmac_sync_replica_wraps_sent (self->replica, results, &sent, error))
        return FALSE;
      self->stats.pushed += sent;
      if (sent == 0)
        return TRUE;   /* only refusals: do not ask again in this round */
    }

  return TRUE;
}

static gboolean
pull_lane (TarmacSyncClient  *self,
           const char        *lane,
           guint              wait,
           gboolean          *got,
           GError           **error)
{
  for (guint round = 0; round < MAX_ROUNDS; round++)
    {
      g_autoptr(JsonNode) answer = NULL;
      g_autoptr(GPtrArray) envelopes = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GArray) seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autofree char *target = NULL;
      JsonObject *object;
      JsonArray *changes;
      gint64 cursor = tarmac_sync_replica_get_cursor (self->replica, lane);
      guint status = 0, n_new = 0;

      target = g_strdup_printf ("/v1/changes?since=%" G_GINT64_FORMAT "&limit=%d&lane=%s&wait=%u",
                                cursor, PULL_BATCH, lane, round == 0 ? wait : 0);
      answer = request (self, "GET", target, NULL, TRUE, &status, error);
      if (answer == NULL)
        return FALSE;
      learn_clock (self, answer);
      if (status != 200 || !JSON_NODE_HOLDS_OBJECT (answer))
        {
          set_refusal (error, status, answer);
          return FALSE;
        }

      object = json_node_get_object (answer);
      changes = json_object_get_array_member (object, "changes");
      if (changes == NULL
          || json_object_get_int_member_with_default (object, "count", -1) != json_array_get_length (changes))
        {
          g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                       _("The hub’s answer was cut short"));
          return FALSE;
        }

      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *change = json_array_get_object_element (changes, i);
          JsonNode *env = change ? json_object_get_member (change, "env") : NULL;
          TarmacEnvelope *envelope = env ? tarmac_envelope_new_from_json (env, error) : NULL;
          gint64 seq = change ? json_object_get_int_member_with_default (change, "seq", 0) : 0;

          if (envelope == NULL)
            {
              if (error != NULL && *error == NULL)
                g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                             _("The hub sent a change that is not an envelope"));
              return FALSE;
            }
          g_ptr_array_add (envelopes, envelope);
          g_array_append_val (seqs, seq);
        }

      /* A batch may hold versions of a desk that enrolled since this workstation's roster
       * was fetched (a new desk of an airport writes at once), or sealed to a key of this
       * airport that another desk made since (a rotation): the answer says which roster
       * the hub holds, so take it, and the new key, first, or they would be refused. */
      if (envelopes->len > 0 && (!refresh_roster (self, error) || !receive_site_key (self, error)))
        return FALSE;

      if (envelopes->len > 0
          && !tarmac_sync_replica_apply_batch (self->replica, envelopes, seqs, lane,
                                               json_object_get_int_member_with_default (object, "next", cursor),
                                               &n_new, error))
        return FALSE;
      if (envelopes->len > 0)
        tarmac_sync_crash_point ("pull.after_commit");

      self->stats.pulled += n_new;
      self->applied += n_new;
      if (got != NULL && n_new > 0)
        *got = TRUE;
      if (!json_object_get_boolean_member_with_default (object, "more", FALSE))
        return TRUE;
    }

  return TRUE;
}

/* Whether a round must pull, and the urgent lane too: always when it has no notification
 * socket, or must talk to the hub anyway (@always: it greets the hub, once a minute, so
 * news lost in a crash of the hub is made up; or it sent nothing, and every round learns
 * the hub's time and roster version from an answer); else only when the socket brought
 * news not yet pulled. A workstation on the socket then sends what it wrote — a note,
 * its acknowledgements — in one request. */
static gboolean
needs_pull (TarmacSyncClient *self,
            gboolean          always,
            gboolean         *urgent)
{
  gint64 head = 0;

  *urgent = TRUE;
  if (always || !tarmac_sync_notify_is_open (self->notify))
    return TRUE;

  switch (tarmac_sync_notify_wait (self->notify, 0, NULL, &head, urgent))
    {
    case TARMAC_SYNC_NOTIFY_POKED:
      if (!*urgent && head <= tarmac_sync_replica_get_cursor (self->replica, "main"))
        return FALSE;
      /* News read here rather than in a wait: the pull is the socket's all the same. */
      self->notified++;
      return TRUE;

    case TARMAC_SYNC_NOTIFY_TIMEOUT:
      return FALSE;

    default:
      /* Closed: pull, and the hub says why if it is a refusal. */
      *urgent = TRUE;
      return TRUE;
    }
}

/**
 * tarmac_sync_client_sync:
 * @stats: (out) (optional): what was done
 *
 * One round: expired lookouts dropped, hello (once a minute), roster, push, pull (urgent
 * first; with the notification socket open and something pushed, only when the socket
 * announced something or the round greets the hub).
 */
gboolean
tarmac_sync_client_sync (TarmacSyncClient  *self,
                         TarmacSyncStats   *stats,
                         GError           **error)
{
  gboolean ok, greet, urgent = TRUE;
  guint requests;

  g_return_val_if_fail (TARMAC_IS_SYNC_CLIENT (self), FALSE);

  memset (&self->stats, 0, sizeof self->stats);

  /* hello once a minute, not every round: a note saved then goes to the hub in one
   * request. The checks it makes (a restored or cloned database) matter when a session
   * starts; the clock and the roster's version come with every answer. */
  greet = self->greeted_at == 0 || g_get_monotonic_time () - self->greeted_at > 60 * G_USEC_PER_SEC;
  ok = tarmac_sync_replica_expire_lookouts (self->replica, NULL, error)
       && (!greet || hello (self, error))
       && refresh_roster (self, error);
  requests = self->stats.requests;
  ok = ok && push (self, error) && push_wraps (self, error) && receive_site_key (self, error);
  if (ok && needs_pull (self, greet || self->stats.requests == requests, &urgent))
    ok = (!urgent || pull_lane (self, "urgent", 0, NULL, error))
         && pull_lane (self, "main", 0, NULL, error);
  ok = ok && refresh_roster (self, error);
  if (ok && greet)
    self->greeted_at = g_get_monotonic_time ();
  else if (!ok)
    self->greeted_at = 0;

  if (stats != NULL)
    *stats = self->stats;
  return ok;
}

/* Opens the notification socket, signed like any request and pinned like them. */
static gboolean
open_notify (TarmacSyncClient  *self,
             GError           **error)
{
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *auth = NULL;

  if (self->hub_url == NULL || self->fingerprint == NULL)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_KEYS,
                   _("This workstation is not enrolled in a network"));
      return FALSE;
    }

  uri = g_strconcat (self->hub_url, "/v1/notify", NULL);
  msg = soup_message_new ("GET", uri);
  if (msg == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a hub address"), self->hub_url);
      return FALSE;
    }
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), self);
  auth = tarmac_sync_auth_sign (tarmac_sync_replica_get_keys (self->replica), "GET", "/v1/notify",
                                tarmac_sync_replica_now_ms (self->replica), NULL, 0);
  soup_message_headers_replace (soup_message_get_request_headers (msg), TARMAC_SYNC_AUTH_HEADER, auth);

  self->stats.requests++;
  if (!tarmac_sync_notify_open (self->notify, self->session, msg, NOTIFY_OPEN_S, self->cancellable, error))
    return FALSE;

  if (!check_pin (self, msg, error))
    {
      tarmac_sync_notify_close (self->notify);
      return FALSE;
    }

  return TRUE;
}

/* The next try at the socket, after 1 s × 2ⁿ with jitter (tarmac_sync_backoff_ms()). */
static void
defer_notify (TarmacSyncClient *self)
{
  guint delay;

  self->notify_failures = MIN (self->notify_failures + 1, 64);
  delay = tarmac_sync_backoff_ms (self->notify_failures, randombytes_random ());
  self->notify_retry_at = g_get_monotonic_time () + (gint64) delay * G_TIME_SPAN_MILLISECOND;
}

/* The pull that news asks for: the urgent lane first when it says so. */
static gboolean
pull_news (TarmacSyncClient  *self,
           gboolean           urgent,
           gboolean          *more,
           GError           **error)
{
  return (!urgent || pull_lane (self, "urgent", 0, more, error))
         && pull_lane (self, "main", 0, more, error);
}

/**
 * tarmac_sync_client_wait:
 * @seconds: how long to wait for news (at most 25)
 * @more: (out): whether something arrived (and was applied)
 *
 * Waits for the hub to have something for this site, and pulls it: on the notification
 * socket when it can be held (opened here the first time), else as a long-poll on the
 * main lane. Returns as soon as something was applied, or after @seconds. Fails with
 * %TARMAC_SYNC_ERROR_REVOKED when the hub closed the socket because this device was
 * revoked.
 */
gboolean
tarmac_sync_client_wait (TarmacSyncClient  *self,
                         guint              seconds,
                         gboolean          *more,
                         GError           **error)
{
  gint64 deadline;

  g_return_val_if_fail (TARMAC_IS_SYNC_CLIENT (self), FALSE);

  *more = FALSE;
  /* A desk that waits for its airport's key reads nothing yet (and says why). */
  if (!receive_site_key (self, error))
    return FALSE;

  seconds = MIN (seconds, 25);
  deadline = g_get_monotonic_time () + seconds * G_TIME_SPAN_SECOND;

  if (!self->notify_disabled && !tarmac_sync_notify_is_open (self->notify)
      && g_get_monotonic_time () >= self->notify_retry_at)
    {
      g_autoptr(GError) local_error = NULL;

      if (open_notify (self, &local_error))
        {
          /* What came before the socket listened is not announced: pull it now. */
          self->notify_failures = 0;
          if (!pull_news (self, TRUE, more, error))
            return FALSE;
          if (*more)
            return TRUE;
        }
      else
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }

          defer_notify (self);
          g_debug ("No notification socket (%s): long-polls for now", local_error->message);
        }
    }

  while (tarmac_sync_notify_is_open (self->notify))
    {
      gint64 now = g_get_monotonic_time ();
      gint64 head = 0;
      gboolean urgent = FALSE;

      switch (tarmac_sync_notify_wait (self->notify,
                                       (guint) (MAX (0, deadline - now) / G_TIME_SPAN_MILLISECOND),
                                       self->cancellable, &head, &urgent))
        {
        case TARMAC_SYNC_NOTIFY_POKED:
          /* News of what a pull already brought (several pushes, one pull) is old news. */
          if (!urgent && head <= tarmac_sync_replica_get_cursor (self->replica, "main"))
            continue;
          self->notified++;
          return pull_news (self, urgent, more, error);

        case TARMAC_SYNC_NOTIFY_TIMEOUT:
          return TRUE;

        case TARMAC_SYNC_NOTIFY_CANCELLED:
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
          return FALSE;

        case TARMAC_SYNC_NOTIFY_REVOKED:
          g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_REVOKED,
                       _("The hub’s administrator revoked this workstation: it must be "
                         "enrolled again"));
          return FALSE;

        case TARMAC_SYNC_NOTIFY_CLOSED:
        default:
          /* Lost (the hub restarted, the network went): this wait long-polls, the
           * socket is tried again later. */
          defer_notify (self);
          break;
        }
    }

  self->long_polls++;
  return pull_lane (self, "main", (guint) (MAX (0, deadline - g_get_monotonic_time ()) / G_TIME_SPAN_SECOND),
                    more, error);
}

/**
 * tarmac_sync_client_set_notify:
 * @enabled: whether tarmac_sync_client_wait() may use the notification socket
 *
 * On by default; off, the client only long-polls (and closes the socket if open).
 */
void
tarmac_sync_client_set_notify (TarmacSyncClient *self,
                               gboolean          enabled)
{
  g_return_if_fail (TARMAC_IS_SYNC_CLIENT (self));

  self->notify_disabled = !enabled;
  if (!enabled)
    tarmac_sync_notify_close (self->notify);
}

/* Whether the notification socket is open now. */
gboolean
tarmac_sync_client_get_notify_open (TarmacSyncClient *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_CLIENT (self), FALSE);

  return tarmac_sync_notify_is_open (self->notify);
}

/* How many pulls the socket's news started. */
guint
tarmac_sync_client_get_notified (TarmacSyncClient *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_CLIENT (self), 0);

  return self->notified;
}

/* How many new versions this client pulled and applied, in rounds and waits. */
guint64
tarmac_sync_client_get_applied (TarmacSyncClient *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_CLIENT (self), 0);

  return self->applied;
}

/* How many waits were long-polls (no socket). */
guint
tarmac_sync_client_get_long_polls (TarmacSyncClient *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_CLIENT (self), 0);

  return self->long_polls;
}

/**
 * tarmac_sync_client_set_cancellable:
 * @cancellable: (nullable): cancels the requests made from now on
 *
 * The app's sync service stops a long-poll with it when the officer saves a note or
 * closes the window; cancelling it from another thread is safe (GCancellable is). Call
 * it from the thread that uses the client.
 */
void
tarmac_sync_client_set_cancellable (TarmacSyncClient *self,
                                    GCancellable     *cancellable)
{
  g_return_if_fail (TARMAC_IS_SYNC_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  g_set_object (&self->cancellable, cancellable);
}
