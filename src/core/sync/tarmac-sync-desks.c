/* tarmac-sync-desks.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sync-replica"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "tarmac-audit.h"
#include "tarmac-site-desk.h"
#include "tarmac-site-handover.h"
#include "tarmac-sync-error.h"
#include "tarmac-sync-json.h"
#include "tarmac-sync-replica-private.h"

/* The desks of this workstation's airport and the handover of the airport's key to a new
 * one (tarmac-site-handover.c). The verified roster's devices of this site — with their
 * box keys and whether they wait for the key — are kept in sync_state ("site_desks", a
 * JSON array): they are public keys, and the roster they came from was checked against
 * the coordinator's signature. Every approval, refusal and received key is audited. */

#define SITE_DESKS "site_desks"
#define MAX_DESKS  1000

/**
 * _tarmac_sync_replica_set_site_desks:
 * @devices: the devices of a roster whose signature was verified
 *
 * Keeps this site's devices: {device_id, sign_pk, box_pk, status, key}.
 */
gboolean
_tarmac_sync_replica_set_site_desks (TarmacSyncReplica  *self,
                                     JsonArray          *devices,
                                     GError            **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  const char *site = tarmac_sync_replica_get_site (self);

  if (site == NULL)
    return TRUE;

  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (devices) && i < 10000; i++)
    {
      JsonObject *device = json_array_get_object_element (devices, i);
      const char *device_id;
      guint8 key[32];

      if (device == NULL
          || g_strcmp0 (json_object_get_string_member_with_default (device, "site", NULL), site) != 0
          || !tarmac_sync_json_get_bytes (device, "sign_pk", key, 32) || !tarmac_sync_json_get_bytes (device, "box_pk", key, 32))
        continue;
      device_id = json_object_get_string_member_with_default (device, "device_id", "");
      if (!g_uuid_string_is_valid (device_id))
        continue;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "device_id");
      json_builder_add_string_value (builder, device_id);
      json_builder_set_member_name (builder, "sign_pk");
      json_builder_add_string_value (builder, json_object_get_string_member (device, "sign_pk"));
      json_builder_set_member_name (builder, "box_pk");
      json_builder_add_string_value (builder, json_object_get_string_member (device, "box_pk"));
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder,
                                     json_object_get_string_member_with_default (device, "status", "active"));
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder,
                                     json_object_get_string_member_with_default (device, "key", "held"));
      if (tarmac_sync_json_get_bytes (device, "key_proof", key, 32))
        {
          json_builder_set_member_name (builder, "key_proof");
          json_builder_add_string_value (builder, json_object_get_string_member (device, "key_proof"));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);

  return tarmac_sync_replica_set_setting (self, SITE_DESKS, text, error);
}

/* (transfer full) (nullable): the array kept by _tarmac_sync_replica_set_site_desks() */
static JsonNode *
load_desks (TarmacSyncReplica *self)
{
  g_autofree char *text = tarmac_sync_replica_dup_setting (self, SITE_DESKS);
  g_autoptr(JsonParser) parser = NULL;

  if (text == NULL)
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, -1, NULL)
      || !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return NULL;

  return json_node_ref (json_parser_get_root (parser));
}

static JsonObject *
find_desk (JsonNode   *desks,
           const char *device_id)
{
  JsonArray *array = desks != NULL ? json_node_get_array (desks) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array) && i < MAX_DESKS; i++)
    {
      JsonObject *desk = json_array_get_object_element (array, i);

      if (desk != NULL
          && g_strcmp0 (json_object_get_string_member_with_default (desk, "device_id", NULL), device_id) == 0)
        return desk;
    }

  return NULL;
}

/**
 * tarmac_sync_replica_is_awaiting_key:
 *
 * Whether this desk is enrolled but does not hold its airport's key yet: it can send,
 * but reads nothing until a desk that holds the key approves it.
 */
gboolean
tarmac_sync_replica_is_awaiting_key (TarmacSyncReplica *self)
{
  TarmacDeviceKeys *keys;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), FALSE);

  keys = tarmac_sync_replica_get_keys (self);
  return keys != NULL && !tarmac_device_keys_has_site_key (keys);
}

/**
 * tarmac_sync_replica_dup_desk_code:
 *
 * This desk's confirmation code, which an officer compares with the one a desk that
 * holds the airport's key shows before approving it (an Argon2id: a fraction of a second).
 *
 * Returns: (transfer full) (nullable): "XXXXX-XXXXX", %NULL when not enrolled
 */
char *
tarmac_sync_replica_dup_desk_code (TarmacSyncReplica *self)
{
  TarmacDeviceKeys *keys;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), NULL);

  keys = tarmac_sync_replica_get_keys (self);
  if (keys == NULL)
    return NULL;

  return tarmac_handover_code (tarmac_sync_replica_get_site (self),
                               tarmac_device_keys_get_device_id (keys),
                               tarmac_device_keys_get_sign_pk (keys),
                               tarmac_device_keys_get_box_pk (keys));
}

/**
 * tarmac_sync_replica_list_desks:
 *
 * The desks of this airport, as the last verified roster lists them; a desk waiting for
 * the airport's key comes with its confirmation code.
 *
 * Returns: (transfer full): a list of #TarmacSiteDesk
 */
GListModel *
tarmac_sync_replica_list_desks (TarmacSyncReplica  *self,
                                GError            **error)
{
  g_autoptr(GListStore) store = g_list_store_new (TARMAC_TYPE_SITE_DESK);
  g_autoptr(JsonNode) desks = NULL;
  TarmacDeviceKeys *keys;
  JsonArray *array;
  const char *site;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), NULL);

  keys = tarmac_sync_replica_get_keys (self);
  site = tarmac_sync_replica_get_site (self);
  desks = load_desks (self);
  if (keys == NULL || desks == NULL)
    return G_LIST_MODEL (g_steal_pointer (&store));

  array = json_node_get_array (desks);
  for (guint i = 0; i < json_array_get_length (array) && i < MAX_DESKS; i++)
    {
      JsonObject *desk = json_array_get_object_element (array, i);
      g_autoptr(TarmacSiteDesk) item = NULL;
      g_autofree char *code = NULL;
      const char *device_id = json_object_get_string_member_with_default (desk, "device_id", "");
      const char *status = json_object_get_string_member_with_default (desk, "status", "active");
      gboolean waiting = g_strcmp0 (json_object_get_string_member_with_default (desk, "key", ""),
                                    "waiting") == 0 && g_strcmp0 (status, "active") == 0;
      guint8 sign_pk[32], box_pk[32];

      if (waiting && tarmac_sync_json_get_bytes (desk, "sign_pk", sign_pk, 32) && tarmac_sync_json_get_bytes (desk, "box_pk", box_pk, 32))
        code = tarmac_handover_code (site, device_id, sign_pk, box_pk);
      item = tarmac_site_desk_new (device_id, status, waiting,
                                   g_strcmp0 (device_id, tarmac_device_keys_get_device_id (keys)) == 0,
                                   code);
      g_list_store_append (store, item);
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * _tarmac_sync_replica_seal_handover:
 * @device_id: a desk of this airport waiting for its key
 * @code: the confirmation code the officer read at that desk
 * @sealed: (out) (transfer full): the airport's key(s), sealed to the desk
 * @sig: (out caller-allocates): %TARMAC_SYNC_SIGNATURE_BYTES bytes
 *
 * Checks @code against the desk's keys in the verified roster, then seals the airport's
 * key to the desk and signs it. A code that differs is refused (and audited): the keys
 * the hub listed are not that desk's.
 */
gboolean
_tarmac_sync_replica_seal_handover (TarmacSyncReplica  *self,
                                    const char         *device_id,
                                    const char         *code,
                                    GBytes            **sealed,
                                    guint8             *sig,
                                    GError            **error)
{
  g_autoptr(JsonNode) desks = load_desks (self);
  g_autoptr(GByteArray) message = NULL;
  g_autofree char *expected = NULL;
  TarmacDeviceKeys *keys = tarmac_sync_replica_get_keys (self);
  TarmacStore *store = _tarmac_sync_replica_get_store (self);
  const char *site = tarmac_sync_replica_get_site (self);
  JsonObject *desk;
  guint8 sign_pk[32], box_pk[32];

  if (keys == NULL)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_KEYS,
                   _("This workstation is not enrolled in a network"));
      return FALSE;
    }

  desk = find_desk (desks, device_id);
  if (desk == NULL || !tarmac_sync_json_get_bytes (desk, "sign_pk", sign_pk, 32) || !tarmac_sync_json_get_bytes (desk, "box_pk", box_pk, 32))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_UNKNOWN_DEVICE,
                   _("No desk %s of %s is in the roster"), device_id, site);
      return FALSE;
    }
  if (g_strcmp0 (json_object_get_string_member_with_default (desk, "status", ""), "active") != 0
      || g_strcmp0 (json_object_get_string_member_with_default (desk, "key", ""), "waiting") != 0)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_KEYS,
                   _("The desk %s does not wait for the airport’s key"), device_id);
      return FALSE;
    }

  expected = tarmac_handover_code (site, device_id, sign_pk, box_pk);
  if (!tarmac_handover_code_equal (code, expected))
    {
      tarmac_audit_append (store, "handover-refused", "device", device_id, "code differs", NULL);
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_BAD_CODE,
                   _("The code is not the one of the desk %s: do not approve it, and tell "
                     "the hub’s administrator"), device_id);
      return FALSE;
    }

  if (!_tarmac_sync_replica_site_key_is_current (self))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_AWAITING_KEY,
                   _("This desk does not hold its airport’s current key: it cannot hand it over"));
      return FALSE;
    }
  *sealed = tarmac_device_keys_seal_site_key (keys, box_pk, error);
  if (*sealed == NULL)
    return FALSE;

  message = tarmac_handover_signed_message (site, device_id, box_pk,
                                            tarmac_device_keys_get_site_box_pk (keys),
                                            g_bytes_get_data (*sealed, NULL), g_bytes_get_size (*sealed));
  tarmac_device_keys_sign (keys, message->data, message->len, sig);
  return tarmac_audit_append (store, "handover", "device", device_id, site, error);
}

static gboolean
lookup_blob (TarmacSyncReplica *self,
             const char        *sql,
             const char        *value,
             guint8            *out)
{
  TarmacStore *store = _tarmac_sync_replica_get_store (self);
  g_autoptr(TarmacCachedStmt) stmt = _tarmac_store_prepare_cached (store, sql, NULL);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, tarmac_sync_replica_get_site (self), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_bytes (stmt, 0) != 32)
    return FALSE;

  memcpy (out, sqlite3_column_blob (stmt, 0), 32);
  return TRUE;
}

/**
 * _tarmac_sync_replica_take_handover:
 * @approved_by: the desk that sealed it
 * @sealed: the airport's key sealed to this desk
 * @sig: @approved_by's signature (tarmac_handover_signed_message())
 *
 * Checks that @approved_by is an active desk of this airport in the verified roster and
 * that it signed this handover, for this desk and the airport's current public key;
 * opens it, checks it is that key's, and keeps it in the keystore (sealed), with an
 * audit row, in one transaction.
 */
gboolean
_tarmac_sync_replica_take_handover (TarmacSyncReplica  *self,
                                    const char         *approved_by,
                                    const guint8       *sealed,
                                    gsize               sealed_length,
                                    const guint8       *sig,
                                    gsize               sig_length,
                                    GError            **error)
{
  g_autoptr(GByteArray) message = NULL;
  TarmacDeviceKeys *keys = tarmac_sync_replica_get_keys (self);
  TarmacStore *store = _tarmac_sync_replica_get_store (self);
  const char *site = tarmac_sync_replica_get_site (self);
  guint8 approver_pk[32], site_pk[32];

  if (keys == NULL || _tarmac_sync_replica_site_key_is_current (self))
    return TRUE;

  if (!lookup_blob (self, "SELECT sign_pk FROM sync_device WHERE device_id = ?1 AND site = ?2"
                          " AND status = 'active'", approved_by, approver_pk))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_ORIGIN_MISMATCH,
                   _("The airport’s key was handed over by %s, which is not an active desk of %s"),
                   approved_by, site);
      return FALSE;
    }
  if (!lookup_blob (self, "SELECT box_pk FROM sync_site WHERE code = ?1 AND code = ?2",
                    site, site_pk))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_KEYS,
                   _("The roster gives no key for %s"), site);
      return FALSE;
    }

  if (!tarmac_handover_sealed_length_valid (sealed_length) || sig_length != TARMAC_SYNC_SIGNATURE_BYTES)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("The airport’s key handed to this desk is damaged"));
      return FALSE;
    }
  message = tarmac_handover_signed_message (site, tarmac_device_keys_get_device_id (keys),
                                            tarmac_device_keys_get_box_pk (keys), site_pk, sealed,
                                            sealed_length);
  if (crypto_sign_verify_detached (sig, message->data, message->len, approver_pk) != 0)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_BAD_SIGNATURE,
                   _("The airport’s key handed to this desk is not signed by %s"), approved_by);
      return FALSE;
    }

  if (!tarmac_store_begin (store, error))
    return FALSE;
  if (!tarmac_device_keys_take_site_key (keys, sealed, sealed_length, site_pk,
                                         tarmac_store_get_secrets (store), error)
      || !tarmac_audit_append (store, "site-key", "device", approved_by, site, error))
    {
      tarmac_store_rollback (store);
      tarmac_device_keys_forget_site_key (keys);
      return FALSE;
    }
  /* A failed commit ends its level itself. */
  if (!tarmac_store_commit (store, error))
    {
      tarmac_device_keys_forget_site_key (keys);
      return FALSE;
    }

  return TRUE;
}

/**
 * _tarmac_sync_replica_site_key_is_current:
 *
 * Whether this desk holds the key the verified roster gives for its airport: %FALSE
 * while it waits, and after another desk rotated the key until it takes the new one.
 */
gboolean
_tarmac_sync_replica_site_key_is_current (TarmacSyncReplica *self)
{
  TarmacDeviceKeys *keys = tarmac_sync_replica_get_keys (self);
  const char *site = tarmac_sync_replica_get_site (self);
  guint8 site_pk[32];

  if (keys == NULL || !tarmac_device_keys_has_site_key (keys))
    return FALSE;

  /* No key in the roster (a reset airport): the one held is the best there is. */
  if (!lookup_blob (self, "SELECT box_pk FROM sync_site WHERE code = ?1 AND code = ?2", site, site_pk))
    return TRUE;

  return sodium_memcmp (site_pk, tarmac_device_keys_get_site_box_pk (keys), 32) == 0;
}

/**
 * _tarmac_sync_replica_dup_key_proof:
 *
 * Returns: (transfer full) (nullable): {site_box_pk, proof} for PUT /v1/key-proof when the
 *   roster does not list this desk's proof of the current key yet, else %NULL
 */
JsonNode *
_tarmac_sync_replica_dup_key_proof (TarmacSyncReplica *self)
{
  g_autoptr(JsonNode) desks = load_desks (self);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *proof64 = NULL;
  g_autofree char *pk64 = NULL;
  TarmacDeviceKeys *keys = tarmac_sync_replica_get_keys (self);
  const char *device_id;
  JsonObject *desk;
  guint8 proof[32], listed[32];

  if (keys == NULL || !_tarmac_sync_replica_site_key_is_current (self))
    return NULL;

  device_id = tarmac_device_keys_get_device_id (keys);
  tarmac_device_keys_site_key_proof (keys, tarmac_sync_replica_get_site (self), device_id,
                                     tarmac_device_keys_get_sign_pk (keys),
                                     tarmac_device_keys_get_box_pk (keys), proof);
  desk = find_desk (desks, device_id);
  if (desk != NULL && tarmac_sync_json_get_bytes (desk, "key_proof", listed, 32) && sodium_memcmp (listed, proof, 32) == 0)
    return NULL;

  proof64 = g_base64_encode (proof, sizeof proof);
  pk64 = g_base64_encode (tarmac_device_keys_get_site_box_pk (keys), 32);
  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "site_box_pk");
  json_builder_add_string_value (builder, pk64);
  json_builder_set_member_name (builder, "proof");
  json_builder_add_string_value (builder, proof64);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * _tarmac_sync_replica_seal_rotation:
 * @n_sealed: (out): the desks the new key goes to, this one included
 * @n_left_out: (out): active desks of the airport that could not prove they hold the key
 *   (they will need an approval again)
 *
 * A new key for this airport (research/sync.md §3.3, after a desk was revoked): sealed
 * and signed, like an approval, to this desk and to every active desk of the airport
 * whose proof of the current key checks — a desk the hub listed but that never held the
 * key gets nothing. The new key is not kept here: this desk takes it from the hub like
 * the others, so a crash after the hub accepted it loses nothing.
 *
 * Returns: (transfer full): the body of PUT /v1/site-key
 */
JsonNode *
_tarmac_sync_replica_seal_rotation (TarmacSyncReplica  *self,
                                    guint              *n_sealed,
                                    guint              *n_left_out,
                                    GError            **error)
{
  g_autoptr(JsonNode) desks = load_desks (self);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *pk64 = NULL;
  g_autofree char *signer64 = NULL;
  g_autofree char *chain_sig64 = NULL;
  TarmacDeviceKeys *keys = tarmac_sync_replica_get_keys (self);
  TarmacStore *store = _tarmac_sync_replica_get_store (self);
  const char *site = tarmac_sync_replica_get_site (self);
  JsonArray *array;
  guint8 *seed;
  guint8 site_pk[32], signer[32], chain_sig[TARMAC_SYNC_SIGNATURE_BYTES];

  *n_sealed = *n_left_out = 0;
  if (keys == NULL || !_tarmac_sync_replica_site_key_is_current (self) || desks == NULL)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_AWAITING_KEY,
                   _("This desk does not hold its airport’s current key: it cannot change it"));
      return NULL;
    }

  seed = sodium_malloc (32);
  if (seed == NULL)
    g_error ("Out of locked memory for keys");
  tarmac_device_keys_new_site_seed (seed, site_pk);
  pk64 = g_base64_encode (site_pk, sizeof site_pk);

  /* The new key signed with the current one: the other airports take it without asking
   * an officer (tarmac-sync-pins.c). */
  if (!tarmac_device_keys_sign_site_key_change (keys, site, site_pk, signer, chain_sig, error))
    {
      sodium_free (seed);
      return NULL;
    }
  signer64 = g_base64_encode (signer, sizeof signer);
  chain_sig64 = g_base64_encode (chain_sig, sizeof chain_sig);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "box_pk");
  json_builder_add_string_value (builder, pk64);
  json_builder_set_member_name (builder, "chain");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "signer");
  json_builder_add_string_value (builder, signer64);
  json_builder_set_member_name (builder, "sig");
  json_builder_add_string_value (builder, chain_sig64);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "handovers");
  json_builder_begin_array (builder);
  array = json_node_get_array (desks);
  for (guint i = 0; i < json_array_get_length (array) && i < MAX_DESKS; i++)
    {
      JsonObject *desk = json_array_get_object_element (array, i);
      const char *device_id = json_object_get_string_member_with_default (desk, "device_id", "");
      g_autoptr(GByteArray) message = NULL;
      g_autofree char *sealed64 = NULL;
      g_autofree char *sig64 = NULL;
      guint8 sign_pk[32], box_pk[32], proof[32], listed[32];
      guint8 sealed[TARMAC_HANDOVER_SEALED_BYTES], sig[TARMAC_SYNC_SIGNATURE_BYTES];
      gboolean itself = g_strcmp0 (device_id, tarmac_device_keys_get_device_id (keys)) == 0;

      if (g_strcmp0 (json_object_get_string_member_with_default (desk, "status", ""), "active") != 0
          || g_strcmp0 (json_object_get_string_member_with_default (desk, "key", ""), "held") != 0
          || !tarmac_sync_json_get_bytes (desk, "sign_pk", sign_pk, 32) || !tarmac_sync_json_get_bytes (desk, "box_pk", box_pk, 32))
        continue;

      tarmac_device_keys_site_key_proof (keys, site, device_id, sign_pk, box_pk, proof);
      if (!itself && (!tarmac_sync_json_get_bytes (desk, "key_proof", listed, 32) || sodium_memcmp (listed, proof, 32) != 0))
        {
          (*n_left_out)++;
          continue;
        }

      if (crypto_box_seal (sealed, seed, 32, box_pk) != 0)
        {
          /* A box key of small order: nothing sealed; the desk is left out. */
          (*n_left_out)++;
          continue;
        }
      message = tarmac_handover_signed_message (site, device_id, box_pk, site_pk, sealed, sizeof sealed);
      tarmac_device_keys_sign (keys, message->data, message->len, sig);
      sealed64 = g_base64_encode (sealed, sizeof sealed);
      sig64 = g_base64_encode (sig, sizeof sig);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "device_id");
      json_builder_add_string_value (builder, device_id);
      json_builder_set_member_name (builder, "sealed");
      json_builder_add_string_value (builder, sealed64);
      json_builder_set_member_name (builder, "sig");
      json_builder_add_string_value (builder, sig64);
      json_builder_end_object (builder);
      (*n_sealed)++;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  sodium_free (seed);

  if (!tarmac_audit_append (store, "site-key-rotate", "site", site, "", error))
    return NULL;

  return json_builder_get_root (builder);
}
