/* tarmac-sync-replica.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sync-replica"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tarmac-audit.h"
#include "tarmac-envelope-verifier.h"
#include "tarmac-hlc.h"
#include "tarmac-note.h"
#include "tarmac-store-private.h"
#include "tarmac-sync-error.h"
#include "tarmac-sync-replica.h"
#include "tarmac-sync-replica-private.h"

/* This site's copy of the shared records (research/sync.md §4.3, §4.10), on the
 * workstation's own database:
 *
 *  - save_note() writes a new version: device sequence and clock tick, the envelope
 *    (encrypted to the recipients, signed), the versions row, the outbox row, the records
 *    row, the decoded note row and the audit row, all in one transaction committed with
 *    synchronous=FULL. After a crash at any point there is either all of it or none.
 *  - apply() stores a version received: verified against the roster (device, site,
 *    signature, clock, owner), de-duplicated by version_id, opened with this site's key,
 *    then made the record's shown version if it wins last-writer-wins on (hlc, device);
 *    a version that did not build on the one it replaces counts as a concurrent edit.
 *  - apply_batch() applies a pull and moves the lane's cursor in the same transaction, so
 *    a crash leaves the old cursor and the re-pull is harmless.
 *
 * The decoded text goes into note (note.uuid = record_id), which the Network page lists. */

struct _TarmacSyncReplica
{
  GObject                 parent_instance;

  TarmacStore            *store;
  TarmacDeviceKeys       *keys;       /* NULL until enrolled */
  char                   *site;
  TarmacHlc              *hlc;
  TarmacEnvelopeVerifier *verifier;
  GHashTable             *pending_acks;  /* site → record ids received, to acknowledge */
  guint                   batch_depth;
  gint64                  clock_skew_ms;  /* TARMAC_TEST_CLOCK_SKEW_MS: a wrong clock, for tests */
};

G_DEFINE_FINAL_TYPE (TarmacSyncReplica, tarmac_sync_replica, G_TYPE_OBJECT)

static const char * const priority_names[] = { "routine", "priority", "urgent" };

/* sync_state */

static char *
state_get (TarmacSyncReplica  *self,
           const char         *key,
           GError            **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  int rc;

  stmt = _tarmac_store_prepare_cached (self->store, "SELECT value FROM sync_state WHERE key = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup (_tarmac_store_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    _tarmac_store_set_error (self->store, rc, error);

  return NULL;
}

static gint64
state_get_int (TarmacSyncReplica *self,
               const char        *key)
{
  g_autofree char *value = state_get (self, key, NULL);

  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}

static gboolean
state_set (TarmacSyncReplica  *self,
           const char         *key,
           const char         *value,
           GError            **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;

  stmt = _tarmac_store_prepare_cached (self->store,
                                "INSERT INTO sync_state (key, value) VALUES (?1, ?2)"
                                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return _tarmac_store_step_done (self->store, stmt, error);
}

static gboolean
state_set_int (TarmacSyncReplica  *self,
               const char         *key,
               gint64              value,
               GError            **error)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  return state_set (self, key, text, error);
}

static gboolean
load_roster (TarmacSyncReplica  *self,
             GError            **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  int rc;

  stmt = _tarmac_store_prepare_cached (self->store,
                                "SELECT device_id, site, sign_pk, status FROM sync_device",
                                error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *device_id = _tarmac_store_column_text (stmt, 0);

      tarmac_envelope_verifier_add_device (self->verifier, device_id,
                                           _tarmac_store_column_text (stmt, 1),
                                           sqlite3_column_blob (stmt, 2));
      if (g_strcmp0 (_tarmac_store_column_text (stmt, 3), "revoked") == 0)
        tarmac_envelope_verifier_revoke_device (self->verifier, device_id);
    }

  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (self->store, rc, error);
      return FALSE;
    }

  return TRUE;
}

static void
tarmac_sync_replica_dispose (GObject *object)
{
  TarmacSyncReplica *self = (TarmacSyncReplica *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->keys);
  g_clear_object (&self->hlc);
  g_clear_object (&self->verifier);

  G_OBJECT_CLASS (tarmac_sync_replica_parent_class)->dispose (object);
}

static void
tarmac_sync_replica_finalize (GObject *object)
{
  TarmacSyncReplica *self = (TarmacSyncReplica *) object;

  g_clear_pointer (&self->site, g_free);
  g_clear_pointer (&self->pending_acks, g_hash_table_unref);

  G_OBJECT_CLASS (tarmac_sync_replica_parent_class)->finalize (object);
}

static void
tarmac_sync_replica_class_init (TarmacSyncReplicaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tarmac_sync_replica_dispose;
  object_class->finalize = tarmac_sync_replica_finalize;
}

/* This machine's clock, as wrong as TARMAC_TEST_CLOCK_SKEW_MS makes it: the tests of
 * research/sync.md §5.5 F4 (a workstation hours off) without faketime. */
gint64
_tarmac_sync_replica_wall_ms (TarmacSyncReplica *self)
{
  return g_get_real_time () / 1000 + self->clock_skew_ms;
}

static gint64
wall_clock (gpointer user_data)
{
  return _tarmac_sync_replica_wall_ms (user_data);
}

static void
tarmac_sync_replica_init (TarmacSyncReplica *self)
{
  const char *skew = g_getenv ("TARMAC_TEST_CLOCK_SKEW_MS");

  self->clock_skew_ms = skew != NULL ? g_ascii_strtoll (skew, NULL, 10) : 0;
  self->hlc = tarmac_hlc_new_with_clock (wall_clock, self);
  self->verifier = tarmac_envelope_verifier_new ();
  self->pending_acks = _tarmac_sync_replica_new_pending_acks ();
}

TarmacStore *
_tarmac_sync_replica_get_store (TarmacSyncReplica *self)
{
  return self->store;
}

/**
 * tarmac_sync_replica_new:
 * @store: the workstation's database
 *
 * Opens the shared records of @store. A database that was never enrolled opens too: it
 * can receive nothing and send nothing until tarmac_sync_replica_set_identity().
 */
TarmacSyncReplica *
tarmac_sync_replica_new (TarmacStore  *store,
                         GError      **error)
{
  g_autoptr(TarmacSyncReplica) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);

  self = g_object_new (TARMAC_TYPE_SYNC_REPLICA, NULL);
  self->store = g_object_ref (store);
  self->site = state_get (self, "site", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (self->site != NULL)
    {
      self->keys = tarmac_device_keys_load (tarmac_store_get_secrets (store), error);
      if (self->keys == NULL)
        return NULL;
    }

  tarmac_hlc_restore (self->hlc, (guint64) state_get_int (self, "hlc"));
  tarmac_hlc_set_offset_ms (self->hlc, state_get_int (self, "clock_offset_ms"));

  if (!load_roster (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
tarmac_sync_replica_is_enrolled (TarmacSyncReplica *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), FALSE);

  return self->keys != NULL;
}

/* (nullable): this workstation's site code */
const char *
tarmac_sync_replica_get_site (TarmacSyncReplica *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), NULL);

  return self->site;
}

/* (transfer none) (nullable) */
TarmacDeviceKeys *
tarmac_sync_replica_get_keys (TarmacSyncReplica *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), NULL);

  return self->keys;
}

/**
 * tarmac_sync_replica_set_identity:
 * @site: this workstation's site code
 * @keys: its new keys
 *
 * Makes this database a device of @site: the keys go into the keystore (sealed), and the
 * site and device into the local roster. Done once, at enrolment.
 */
gboolean
tarmac_sync_replica_set_identity (TarmacSyncReplica  *self,
                                  const char         *site,
                                  TarmacDeviceKeys   *keys,
                                  GError            **error)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), FALSE);
  g_return_val_if_fail (TARMAC_IS_DEVICE_KEYS (keys), FALSE);

  if (!tarmac_envelope_is_site_code (site))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("“%s” is not a site code: 2 to 8 capital letters or digits"), site);
      return FALSE;
    }

  if (!tarmac_store_begin (self->store, error))
    return FALSE;

  if (!tarmac_device_keys_save (keys, tarmac_store_get_secrets (self->store), error)
      || !state_set (self, "site", site, error)
      || !state_set (self, "device_id", tarmac_device_keys_get_device_id (keys), error)
      || (tarmac_device_keys_has_site_key (keys)
          && !tarmac_sync_replica_add_site (self, site, "", tarmac_device_keys_get_site_box_pk (keys), error))
      || !tarmac_sync_replica_add_device (self, tarmac_device_keys_get_device_id (keys), site,
                                          tarmac_device_keys_get_sign_pk (keys), error)
      || !tarmac_audit_append (self->store, "enrol", "device",
                               tarmac_device_keys_get_device_id (keys), site, error))
    {
      tarmac_store_rollback (self->store);
      return FALSE;
    }
  /* A failed commit ends its level itself. */
  if (!tarmac_store_commit (self->store, error))
    return FALSE;

  g_set_object (&self->keys, keys);
  g_free (self->site);
  self->site = g_strdup (site);
  return TRUE;
}

/**
 * tarmac_sync_replica_forget_identity:
 *
 * Leaves the network (Preferences → Network → Leave): the device's keys are deleted from
 * the keystore, the hub, the roster, the cursors and the device sequence are forgotten,
 * and versions that were never sent stay here but will never be sent (they were signed
 * by keys that no longer exist). Notes already here stay. A new enrolment starts afresh,
 * as a new device. One transaction: all of it or nothing.
 */
gboolean
tarmac_sync_replica_forget_identity (TarmacSyncReplica  *self,
                                     GError            **error)
{
  static const char * const statements[] = {
    /* The HLC stays: times written here never go backwards, even across enrolments. */
    "DELETE FROM sync_state WHERE key <> 'hlc'",
    "DELETE FROM sync_site",
    "DELETE FROM sync_device",
    "DELETE FROM held_wrap",
    "DELETE FROM outbox",
    "UPDATE versions SET state = 'rejected:left' WHERE state = 'local-pending'",
    "UPDATE note SET delivery = 'local' WHERE delivery = 'pending'",
  };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *device_id = NULL;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), FALSE);

  if (self->keys == NULL)
    return TRUE;

  device_id = g_strdup (tarmac_device_keys_get_device_id (self->keys));
  if (!tarmac_store_begin (self->store, error))
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr(TarmacCachedStmt) stmt = _tarmac_store_prepare_cached (self->store, statements[i], error);

      if (stmt == NULL || !_tarmac_store_step_done (self->store, stmt, error))
        {
          tarmac_store_rollback (self->store);
          return FALSE;
        }
    }

  if (!tarmac_secrets_delete (tarmac_store_get_secrets (self->store), TARMAC_DEVICE_KEYS_SECRET,
                              &local_error)
      && !g_error_matches (local_error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_NOT_FOUND))
    {
      tarmac_store_rollback (self->store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!tarmac_audit_append (self->store, "leave", "device", device_id, self->site, error))
    {
      tarmac_store_rollback (self->store);
      return FALSE;
    }
  /* A failed commit ends its level itself. */
  if (!tarmac_store_commit (self->store, error))
    return FALSE;

  g_clear_object (&self->keys);
  g_clear_pointer (&self->site, g_free);
  return TRUE;
}

/**
 * tarmac_sync_replica_add_site:
 * @code: the site's code
 * @name: its name, for display
 * @box_pk: its X25519 public key, 32 bytes, from the verified roster
 *
 * Adds or updates a site that notes can be sent to, trusting @box_pk: a key from the
 * roster goes through _tarmac_sync_replica_pin_site() first (tarmac-sync-pins.c).
 */
gboolean
tarmac_sync_replica_add_site (TarmacSyncReplica  *self,
                              const char         *code,
                              const char         *name,
                              const guint8       *box_pk,
                              GError            **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  g_autofree char *now = _tarmac_store_now ();

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), FALSE);
  g_return_val_if_fail (box_pk != NULL, FALSE);

  if (!tarmac_envelope_is_site_code (code))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("“%s” is not a site code: 2 to 8 capital letters or digits"), code);
      return FALSE;
    }

  stmt = _tarmac_store_prepare_cached (self->store,
                                "INSERT INTO sync_site (code, name, box_pk, pinned_at) VALUES (?1, ?2, ?3, ?4)"
                                " ON CONFLICT (code) DO UPDATE SET"
                                "  name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE name END,"
                                "  box_pk = excluded.box_pk",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name != NULL ? name : "", -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 3, box_pk, TARMAC_SYNC_KEY_BYTES, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  return _tarmac_store_step_done (self->store, stmt, error);
}

/**
 * tarmac_sync_replica_add_device:
 * @device_id: the device's UUID
 * @site: its site
 * @sign_pk: its Ed25519 public key, 32 bytes, from the verified roster
 *
 * Adds a device whose versions this site accepts.
 */
gboolean
tarmac_sync_replica_add_device (TarmacSyncReplica  *self,
                                const char         *device_id,
                                const char         *site,
                                const guint8       *sign_pk,
                                GError            **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), FALSE);
  g_return_val_if_fail (sign_pk != NULL, FALSE);

  if (device_id == NULL || !g_uuid_string_is_valid (device_id)
      || !tarmac_envelope_is_site_code (site))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("A device of the roster has no valid id or site"));
      return FALSE;
    }

  stmt = _tarmac_store_prepare_cached (self->store,
                                "INSERT INTO sync_device (device_id, site, sign_pk) VALUES (?1, ?2, ?3)"
                                " ON CONFLICT (device_id) DO UPDATE SET site = excluded.site,"
                                "  sign_pk = excluded.sign_pk",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, device_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, site, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 3, sign_pk, TARMAC_SYNC_KEY_BYTES, SQLITE_STATIC);
  if (!_tarmac_store_step_done (self->store, stmt, error))
    return FALSE;

  tarmac_envelope_verifier_add_device (self->verifier, device_id, site, sign_pk);
  return TRUE;
}

/**
 * tarmac_sync_replica_revoke_device:
 *
 * Refuses every version of @device_id from now on, even those already queued.
 */
gboolean
tarmac_sync_replica_revoke_device (TarmacSyncReplica  *self,
                                   const char         *device_id,
                                   GError            **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), FALSE);

  stmt = _tarmac_store_prepare_cached (self->store,
                                "UPDATE sync_device SET status = 'revoked' WHERE device_id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, device_id, -1, SQLITE_STATIC);
  if (!_tarmac_store_step_done (self->store, stmt, error))
    return FALSE;

  tarmac_envelope_verifier_revoke_device (self->verifier, device_id);
  return TRUE;
}

/* The box keys to seal to, by site: the pinned ones. A site whose key changed without
 * proof (pending_pk) gets this desk's own box key instead, and goes into @held: the
 * caller takes its wrap out (_tarmac_sync_replica_hold_wraps()) and keeps it until an
 * officer accepts the new key. */
static GHashTable *
lookup_box_keys (TarmacSyncReplica   *self,
                 const char * const  *sites,
                 GPtrArray           *held,
                 GError             **error)
{
  g_autoptr(GHashTable) keys = NULL;
  g_autoptr(TarmacCachedStmt) stmt = NULL;

  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  stmt = _tarmac_store_prepare_cached (self->store,
                                "SELECT box_pk, pending_pk IS NOT NULL FROM sync_site"
                                " WHERE code = ?1 AND status = 'active'",
                                error);
  if (stmt == NULL)
    return NULL;

  for (gsize i = 0; sites != NULL && sites[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, sites[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_KEYS,
                       _("%s is not an active site of the network"), sites[i]);
          return NULL;
        }
      if (sqlite3_column_int (stmt, 1) && self->keys != NULL)
        {
          if (held != NULL)
            g_ptr_array_add (held, g_strdup (sites[i]));
          g_hash_table_insert (keys, g_strdup (sites[i]),
                               g_bytes_new (tarmac_device_keys_get_box_pk (self->keys), TARMAC_SYNC_KEY_BYTES));
          continue;
        }
      g_hash_table_insert (keys, g_strdup (sites[i]),
                           g_bytes_new (sqlite3_column_blob (stmt, 0), TARMAC_SYNC_KEY_BYTES));
    }

  /* A desk still waiting for its airport's key seals to the key the roster gives, so the
   * airport's other desks read what it writes. */
  if (self->keys != NULL && !tarmac_device_keys_has_site_key (self->keys)
      && self->site != NULL && !g_hash_table_contains (keys, self->site))
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, self->site, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_KEYS,
                       _("%s is not an active site of the network"), self->site);
          return NULL;
        }
      if (sqlite3_column_int (stmt, 1))
        {
          if (held != NULL)
            g_ptr_array_add (held, g_strdup (self->site));
          g_hash_table_insert (keys, g_strdup (self->site),
                               g_bytes_new (tarmac_device_keys_get_box_pk (self->keys), TARMAC_SYNC_KEY_BYTES));
        }
      else
        g_hash_table_insert (keys, g_strdup (self->site),
                             g_bytes_new (sqlite3_column_blob (stmt, 0), TARMAC_SYNC_KEY_BYTES));
    }

  return g_steal_pointer (&keys);
}

static char *
wraps_to_json (GHashTable *wraps)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  GHashTableIter iter;
  gpointer key, value;

  json_builder_begin_object (builder);
  g_hash_table_iter_init (&iter, wraps);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *text = g_base64_encode (g_bytes_get_data (value, NULL),
                                               g_bytes_get_size (value));

      json_builder_set_member_name (builder, key);
      json_builder_add_string_value (builder, text);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static GHashTable *
wraps_from_json (const char *text)
{
  GHashTable *wraps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_bytes_unref);
  g_autoptr(JsonNode) root = json_from_string (text, NULL);
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return wraps;

  object = json_node_get_object (root);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      gsize length = 0;
      guchar *data = g_base64_decode (json_object_get_string_member_with_default (object, l->data, ""),
                                      &length);

      g_hash_table_insert (wraps, g_strdup (l->data), g_bytes_new_take (data, length));
    }

  return wraps;
}

static gboolean
insert_version (TarmacSyncReplica  *self,
                TarmacEnvelope     *envelope,
                GHashTable         *wraps,
                const char         *state,
                gint64              server_seq,
                GError            **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  g_autofree char *wraps_json = wraps_to_json (wraps);
  g_autofree char *now = _tarmac_store_now ();
  GBytes *header = tarmac_envelope_get_header (envelope);
  GBytes *ct = tarmac_envelope_get_ciphertext (envelope);
  GBytes *sig = tarmac_envelope_get_signature (envelope);

  stmt = _tarmac_store_prepare_cached (self->store,
                                "INSERT INTO versions (version_id, record_id, kind, origin_site,"
                                " origin_device, device_seq, hlc, prev_version, deleted, priority,"
                                " expires_at, header, body_ct, sig, wraps, server_seq, state,"
                                " received_at)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                "  ?14, ?15, ?16, ?17, ?18)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, tarmac_envelope_get_version_id (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, tarmac_envelope_get_record_id (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, tarmac_envelope_get_kind (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, tarmac_envelope_get_origin_site (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, tarmac_envelope_get_origin_device (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, (gint64) tarmac_envelope_get_device_seq (envelope));
  sqlite3_bind_int64 (stmt, 7, (gint64) tarmac_envelope_get_hlc (envelope));
  sqlite3_bind_text (stmt, 8, tarmac_envelope_get_prev_version (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, tarmac_envelope_get_deleted (envelope));
  sqlite3_bind_text (stmt, 10, priority_names[tarmac_envelope_get_priority (envelope)], -1, SQLITE_STATIC);
  if (tarmac_envelope_get_expires_at (envelope) > 0)
    sqlite3_bind_int64 (stmt, 11, tarmac_envelope_get_expires_at (envelope));
  sqlite3_bind_blob (stmt, 12, g_bytes_get_data (header, NULL), g_bytes_get_size (header), SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 13, g_bytes_get_data (ct, NULL), g_bytes_get_size (ct), SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 14, g_bytes_get_data (sig, NULL), g_bytes_get_size (sig), SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, wraps_json, -1, SQLITE_STATIC);
  if (server_seq > 0)
    sqlite3_bind_int64 (stmt, 16, server_seq);
  sqlite3_bind_text (stmt, 17, state, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 18, now, -1, SQLITE_STATIC);

  return _tarmac_store_step_done (self->store, stmt, error);
}

/* Parses the body a sender wrote: {"text", "subject_type", "subject_ref", "thread_root"}. */
static gboolean
parse_body (GBytes  *body,
            char   **text,
            char   **subject_type,
            char   **subject_ref,
            char   **thread_root)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *object;
  JsonNode *root;
  const char *value;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   (gssize) g_bytes_get_size (body), NULL))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;

  object = json_node_get_object (root);
  value = json_object_get_string_member_with_default (object, "text", NULL);
  if (value == NULL || *value == '\0' || strlen (value) > 65536)
    return FALSE;

  *text = g_strdup (value);
  value = json_object_get_string_member_with_default (object, "subject_type", NULL);
  if (value != NULL && g_strv_contains ((const char * const[]) { "flight", "traveller", "consignment",
                                                                 "seizure", NULL }, value))
    {
      *subject_type = g_strdup (value);
      *subject_ref = g_strdup (json_object_get_string_member_with_default (object, "subject_ref", ""));
    }

  value = json_object_get_string_member_with_default (object, "thread_root", NULL);
  if (value != NULL && g_uuid_string_is_valid (value))
    *thread_root = g_strdup (value);

  return TRUE;
}

static GBytes *
build_body (const TarmacNoteDraft *draft,
            const char            *thread_root)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, draft->text);
  if (draft->subject_type != NULL)
    {
      json_builder_set_member_name (builder, "subject_type");
      json_builder_add_string_value (builder, draft->subject_type);
      json_builder_set_member_name (builder, "subject_ref");
      json_builder_add_string_value (builder, draft->subject_ref != NULL ? draft->subject_ref : "");
    }
  /* The thread's first note travels too: a reply may arrive (urgent lane) before the
   * note it answers, or at a site that never saw that note. */
  if (thread_root != NULL)
    {
      json_builder_set_member_name (builder, "thread_root");
      json_builder_add_string_value (builder, thread_root);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  return g_bytes_new_take (text, strlen (text));
}

gboolean
_tarmac_sync_replica_upsert_note (TarmacSyncReplica  *self,
                                  TarmacEnvelope     *envelope,
                                  const char         *text,
                                  const char         *subject_type,
                                  const char         *subject_ref,
                                  const char         *thread_root,
                                  const char         *delivery,
                                  GError            **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  g_autofree char *now = _tarmac_store_now ();
  g_autofree char *retain_until = _tarmac_store_retain_until (self->store);
  g_autofree char *recipients = g_strjoinv (",", (GStrv) tarmac_envelope_get_recipients (envelope));
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *created_at = NULL;
  const char *kind = tarmac_envelope_get_kind (envelope);
  const char *reply_to = tarmac_envelope_get_ref_record_id (envelope);

  if (tarmac_envelope_get_deleted (envelope))
    {
      stmt = _tarmac_store_prepare_cached (self->store, "DELETE FROM note WHERE uuid = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, tarmac_envelope_get_record_id (envelope), -1, SQLITE_STATIC);
      return _tarmac_store_step_done (self->store, stmt, error);
    }

  /* The time the author wrote it (the clock's physical part), not when it arrived. */
  created = g_date_time_new_from_unix_utc (TARMAC_HLC_MS (tarmac_envelope_get_hlc (envelope)) / 1000);
  created_at = created != NULL ? g_date_time_format (created, "%Y-%m-%dT%H:%M:%SZ") : g_strdup (now);

  if (reply_to != NULL && thread_root == NULL)
    thread_root = reply_to;

  stmt = _tarmac_store_prepare_cached (self->store,
                                "INSERT INTO note (uuid, author, origin_site, priority, subject_type,"
                                " subject_ref, body, created_at, updated_at, retain_until, kind,"
                                " recipients, delivery, reply_to, thread_root)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
                                " ON CONFLICT (uuid) DO UPDATE SET priority = excluded.priority,"
                                "  subject_type = excluded.subject_type,"
                                "  subject_ref = excluded.subject_ref, body = excluded.body,"
                                "  updated_at = excluded.updated_at,"
                                "  recipients = excluded.recipients, delivery = excluded.delivery",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, tarmac_envelope_get_record_id (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, tarmac_envelope_get_author (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, tarmac_envelope_get_origin_site (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, priority_names[tarmac_envelope_get_priority (envelope)], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, subject_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, subject_ref, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, retain_until, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, g_str_equal (kind, "alert") || g_str_equal (kind, "lookout") ? kind : "note",
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, recipients, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, delivery, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, reply_to, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, thread_root, -1, SQLITE_STATIC);
  return _tarmac_store_step_done (self->store, stmt, error);
}

static TarmacNote *
load_note (TarmacSyncReplica  *self,
           const char         *uuid,
           GError            **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  int rc;

  stmt = _tarmac_store_prepare_cached (self->store, _TARMAC_NOTE_COLUMNS " WHERE uuid = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _tarmac_store_set_error (self->store, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, error);
      return NULL;
    }

  return _tarmac_store_note_from_row (stmt);
}

static gboolean
insert_record (TarmacSyncReplica  *self,
               TarmacEnvelope     *envelope,
               GError            **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;

  stmt = _tarmac_store_prepare_cached (self->store,
                                "INSERT INTO records (record_id, owner_site, kind, winner_version,"
                                " deleted) VALUES (?1, ?2, ?3, ?4, ?5)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, tarmac_envelope_get_record_id (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, tarmac_envelope_get_origin_site (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, tarmac_envelope_get_kind (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, tarmac_envelope_get_version_id (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, tarmac_envelope_get_deleted (envelope));
  return _tarmac_store_step_done (self->store, stmt, error);
}

/* Adds @site's wrap to @version_id if it still waits in the outbox: it then goes with
 * the version. (The hub gets it by PUT /v1/wraps as well, in case the push that carries
 * the version without it is already on its way.) */
gboolean
_tarmac_sync_replica_add_pending_wrap (TarmacSyncReplica  *self,
                                       const char         *version_id,
                                       const char         *site,
                                       GBytes             *wrap,
                                       GError            **error)
{
  g_autoptr(TarmacCachedStmt) select = NULL;
  g_autoptr(TarmacCachedStmt) update = NULL;
  g_autoptr(GHashTable) wraps = NULL;
  g_autofree char *json = NULL;
  int rc;

  select = _tarmac_store_prepare_cached (self->store, "SELECT wraps FROM versions WHERE version_id = ?1"
                                                      " AND state = 'local-pending'", error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_text (select, 1, version_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (select);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      _tarmac_store_set_error (self->store, rc, error);
      return FALSE;
    }

  wraps = wraps_from_json (_tarmac_store_column_text (select, 0));
  g_hash_table_replace (wraps, g_strdup (site), g_bytes_ref (wrap));
  json = wraps_to_json (wraps);
  g_clear_pointer (&select, _tarmac_store_release_cached);

  update = _tarmac_store_prepare_cached (self->store, "UPDATE versions SET wraps = ?2 WHERE version_id = ?1",
                                         error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, version_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 2, json, -1, SQLITE_STATIC);
  return _tarmac_store_step_done (self->store, update, error);
}

/* Whether @site is an active site of the roster, whose key versions can be sealed to. */
gboolean
_tarmac_sync_replica_has_site_key (TarmacSyncReplica *self,
                                   const char        *site)
{
  const char *sites[] = { site, NULL };
  g_autoptr(GHashTable) keys = lookup_box_keys (self, sites, NULL, NULL);

  return keys != NULL;
}

/**
 * _tarmac_sync_replica_save_record:
 * @draft: the record's kind, routing and plaintext body
 *
 * Writes a new record of this site: device sequence and clock tick, the envelope
 * (encrypted to the recipients, signed), the versions, records and outbox rows. The
 * caller holds the transaction, adds its own rows (note, lookout…) and the audit row.
 *
 * Returns: (transfer full): the envelope written
 */
TarmacEnvelope *
_tarmac_sync_replica_save_record (TarmacSyncReplica        *self,
                                  const TarmacRecordDraft  *draft,
                                  GError                  **error)
{
  g_autoptr(TarmacEnvelope) envelope = NULL;
  g_autoptr(GHashTable) box_keys = NULL;
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *record_id = NULL;
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  TarmacEnvelopeDraft envelope_draft = { 0 };
  gint64 device_seq;

  if (self->keys == NULL)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_KEYS,
                   _("This workstation is not enrolled in a network"));
      return NULL;
    }

  box_keys = lookup_box_keys (self, draft->recipients, held, error);
  if (box_keys == NULL)
    return NULL;

  device_seq = state_get_int (self, "device_seq") + 1;
  record_id = tarmac_envelope_new_record_id ();

  envelope_draft.kind = draft->kind;
  envelope_draft.record_id = record_id;
  envelope_draft.origin_site = self->site;
  envelope_draft.author = draft->author;
  envelope_draft.device_seq = (guint64) device_seq;
  envelope_draft.hlc = tarmac_hlc_tick (self->hlc);
  envelope_draft.ref_record_id = draft->ref_record_id;
  envelope_draft.recipients = draft->recipients;
  envelope_draft.priority = draft->priority;
  envelope_draft.expires_at = draft->expires_at;

  envelope = tarmac_envelope_seal (&envelope_draft, draft->body, self->keys, box_keys, error);
  if (envelope == NULL || !_tarmac_sync_replica_hold_wraps (self, envelope, held, error))
    return NULL;

  if (!state_set_int (self, "device_seq", device_seq, error)
      || !state_set_int (self, "hlc", (gint64) envelope_draft.hlc, error)
      || !insert_version (self, envelope, tarmac_envelope_get_wraps (envelope), "local-pending", 0, error)
      || !insert_record (self, envelope, error))
    return NULL;

  /* Even a record for this site only goes up: the other desks of the airport read it
   * through the hub. */
  stmt = _tarmac_store_prepare_cached (self->store,
                                "INSERT INTO outbox (device_seq, version_id) VALUES (?1, ?2)",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, device_seq);
  sqlite3_bind_text (stmt, 2, tarmac_envelope_get_version_id (envelope), -1, SQLITE_STATIC);
  if (!_tarmac_store_step_done (self->store, stmt, error))
    return NULL;

  return g_steal_pointer (&envelope);
}

/* The thread and the default recipients of a reply to @reply_to: everyone the note
 * went to, its writer included, but this site. */
static gboolean
lookup_parent (TarmacSyncReplica  *self,
               const char         *reply_to,
               char              **thread_root,
               char              **origin_site,
               GStrv              *recipients,
               GError            **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) sites = g_strv_builder_new ();
  g_auto(GStrv) listed = NULL;
  const char *origin;
  int rc;

  stmt = _tarmac_store_prepare_cached (self->store,
                                "SELECT coalesce (thread_root, uuid), origin_site, recipients"
                                " FROM note WHERE uuid = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, reply_to, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                     _("There is no note %s to reply to"), reply_to);
      else
        _tarmac_store_set_error (self->store, rc, error);
      return FALSE;
    }

  *thread_root = g_strdup (_tarmac_store_column_text (stmt, 0));
  origin = _tarmac_store_column_text (stmt, 1);
  *origin_site = g_strdup (origin);
  if (g_strcmp0 (origin, self->site) != 0)
    g_strv_builder_add (sites, origin);
  listed = g_strsplit (_tarmac_store_column_text (stmt, 2), ",", TARMAC_ENVELOPE_MAX_RECIPIENTS);
  for (gsize i = 0; listed[i] != NULL; i++)
    if (*listed[i] != '\0' && g_strcmp0 (listed[i], self->site) != 0
        && g_strcmp0 (listed[i], origin) != 0)
      g_strv_builder_add (sites, listed[i]);

  *recipients = g_strv_builder_end (sites);
  return TRUE;
}

/**
 * tarmac_sync_replica_save_note:
 * @draft: what the officer wrote
 *
 * Saves a note or an alert and queues it for sending, in one transaction. A reply
 * (@draft->reply_to) joins the thread of the note it answers and, when @draft->recipients
 * is %NULL, goes to everyone that note went to; the writer of that note always gets it.
 *
 * Returns: (transfer full): the note as the Network page lists it
 */
TarmacNote *
tarmac_sync_replica_save_note (TarmacSyncReplica      *self,
                               const TarmacNoteDraft  *draft,
                               GError                **error)
{
  g_autoptr(TarmacEnvelope) envelope = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GStrvBuilder) recipient_builder = g_strv_builder_new ();
  g_auto(GStrv) recipients = NULL;
  g_auto(GStrv) parent_recipients = NULL;
  g_autofree char *thread_root = NULL;
  g_autofree char *parent_origin = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *detail = NULL;
  TarmacRecordDraft record = { 0 };
  guint64 saved_hlc;
  gboolean local_only;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  if (self->keys == NULL)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_KEYS,
                   _("This workstation is not enrolled in a network"));
      return NULL;
    }

  if (draft->text == NULL || *draft->text == '\0' || strlen (draft->text) > 65536
      || !g_utf8_validate (draft->text, -1, NULL)
      || draft->author == NULL || *draft->author == '\0'
      || (g_strcmp0 (draft->kind, "note") != 0 && g_strcmp0 (draft->kind, "alert") != 0))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("A note needs an author and a text of 1 to 65,536 bytes"));
      return NULL;
    }

  if (!tarmac_store_begin (self->store, error))
    return NULL;

  saved_hlc = tarmac_hlc_get_last (self->hlc);

  if (draft->reply_to != NULL
      && !lookup_parent (self, draft->reply_to, &thread_root, &parent_origin, &parent_recipients,
                         error))
    goto fail;

  /* A reply always reaches the note's writer (research/sync.md §4.8: a reaction must be
   * visible to the owner of the record it is about). */
  if (draft->recipients != NULL)
    {
      for (gsize i = 0; draft->recipients[i] != NULL; i++)
        g_strv_builder_add (recipient_builder, draft->recipients[i]);
      if (parent_origin != NULL && g_strcmp0 (parent_origin, self->site) != 0
          && !g_strv_contains (draft->recipients, parent_origin))
        g_strv_builder_add (recipient_builder, parent_origin);
    }
  else if (parent_recipients != NULL)
    g_strv_builder_addv (recipient_builder, (const char **) parent_recipients);
  recipients = g_strv_builder_end (recipient_builder);

  body = build_body (draft, thread_root);
  record.kind = draft->kind;
  record.recipients = (const char * const *) recipients;
  record.author = draft->author;
  record.priority = draft->priority;
  record.ref_record_id = draft->reply_to;
  record.body = body;

  envelope = _tarmac_sync_replica_save_record (self, &record, error);
  if (envelope == NULL)
    goto fail;

  local_only = recipients[0] == NULL;
  joined = g_strjoinv (",", recipients);
  detail = g_strdup_printf ("%s to %s", draft->kind, local_only ? self->site : joined);

  if (!_tarmac_sync_replica_upsert_note (self, envelope, draft->text, draft->subject_type,
                                         draft->subject_ref, thread_root, "pending", error)
      || !tarmac_audit_append (self->store, "create", "note",
                               tarmac_envelope_get_record_id (envelope), detail, error))
    goto fail;

  if (!tarmac_store_commit (self->store, error))
    {
      tarmac_hlc_reset (self->hlc, saved_hlc);
      return NULL;
    }
  tarmac_sync_crash_point ("save.after_commit");

  return load_note (self, tarmac_envelope_get_record_id (envelope), error);

fail:
  tarmac_store_rollback (self->store);
  tarmac_hlc_reset (self->hlc, saved_hlc);
  return NULL;
}

static gboolean
version_exists (TarmacSyncReplica  *self,
                const char         *version_id,
                gboolean           *exists,
                GError            **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  int rc;

  stmt = _tarmac_store_prepare_cached (self->store, "SELECT 1 FROM versions WHERE version_id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, version_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (self->store, rc, error);
      return FALSE;
    }

  *exists = rc == SQLITE_ROW;
  return TRUE;
}

/* The checks that need the database: a sequence number already used by another version
 * of the same device, and a record owned by another site. */
static gboolean
check_against_store (TarmacSyncReplica  *self,
                     TarmacEnvelope     *envelope,
                     GError            **error)
{
  g_autoptr(TarmacCachedStmt) seq = NULL;
  g_autoptr(TarmacCachedStmt) owner = NULL;
  int rc;

  seq = _tarmac_store_prepare_cached (self->store,
                               "SELECT version_id FROM versions WHERE origin_device = ?1"
                               " AND device_seq = ?2",
                               error);
  if (seq == NULL)
    return FALSE;
  sqlite3_bind_text (seq, 1, tarmac_envelope_get_origin_device (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (seq, 2, (gint64) tarmac_envelope_get_device_seq (envelope));
  rc = sqlite3_step (seq);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_SEQ_REUSE,
                   _("Device %s already sent a different version numbered %llu"),
                   tarmac_envelope_get_origin_device (envelope),
                   (unsigned long long) tarmac_envelope_get_device_seq (envelope));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (self->store, rc, error);
      return FALSE;
    }

  owner = _tarmac_store_prepare_cached (self->store,
                                 "SELECT owner_site FROM records WHERE record_id = ?1", error);
  if (owner == NULL)
    return FALSE;
  sqlite3_bind_text (owner, 1, tarmac_envelope_get_record_id (envelope), -1, SQLITE_STATIC);
  rc = sqlite3_step (owner);
  if (rc == SQLITE_ROW
      && g_strcmp0 (_tarmac_store_column_text (owner, 0),
                    tarmac_envelope_get_origin_site (envelope)) != 0)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_ORIGIN_MISMATCH,
                   _("Record %s belongs to %s; only its owner may change it"),
                   tarmac_envelope_get_record_id (envelope), _tarmac_store_column_text (owner, 0));
      return FALSE;
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (self->store, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* Last-writer-wins on (hlc, origin_device); sets *wins when @envelope becomes the
 * record's shown version. */
static gboolean
update_record (TarmacSyncReplica  *self,
               TarmacEnvelope     *envelope,
               gboolean           *wins,
               GError            **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  g_autoptr(TarmacCachedStmt) update = NULL;
  g_autofree char *winner = NULL;
  g_autofree char *winner_device = NULL;
  gint64 winner_hlc;
  gint64 hlc = (gint64) tarmac_envelope_get_hlc (envelope);
  gboolean concurrent;
  int rc;

  stmt = _tarmac_store_prepare_cached (self->store,
                                "SELECT r.winner_version, v.hlc, v.origin_device FROM records r"
                                " JOIN versions v ON v.version_id = r.winner_version"
                                " WHERE r.record_id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, tarmac_envelope_get_record_id (envelope), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      *wins = TRUE;
      return insert_record (self, envelope, error);
    }
  if (rc != SQLITE_ROW)
    {
      _tarmac_store_set_error (self->store, rc, error);
      return FALSE;
    }

  winner = g_strdup (_tarmac_store_column_text (stmt, 0));
  winner_hlc = sqlite3_column_int64 (stmt, 1);
  winner_device = g_strdup (_tarmac_store_column_text (stmt, 2));

  /* A deleted record stays deleted: re-creating one needs a new record id. */
  *wins = (hlc > winner_hlc
           || (hlc == winner_hlc
               && g_strcmp0 (tarmac_envelope_get_origin_device (envelope), winner_device) > 0));
  concurrent = g_strcmp0 (tarmac_envelope_get_prev_version (envelope), winner) != 0;

  update = _tarmac_store_prepare_cached (self->store,
                                  "UPDATE records SET"
                                  "  winner_version = CASE WHEN ?2 AND deleted = 0 THEN ?3 ELSE winner_version END,"
                                  "  deleted = CASE WHEN ?2 AND deleted = 0 THEN ?4 ELSE deleted END,"
                                  "  conflict_count = conflict_count + ?5"
                                  " WHERE record_id = ?1 RETURNING deleted",
                                  error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, tarmac_envelope_get_record_id (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_int (update, 2, *wins);
  sqlite3_bind_text (update, 3, tarmac_envelope_get_version_id (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_int (update, 4, tarmac_envelope_get_deleted (envelope));
  sqlite3_bind_int (update, 5, concurrent ? 1 : 0);
  rc = sqlite3_step (update);
  if (rc != SQLITE_ROW)
    {
      _tarmac_store_set_error (self->store, rc, error);
      return FALSE;
    }
  sqlite3_reset (update);

  return TRUE;
}

/**
 * tarmac_sync_replica_apply:
 * @envelope: a version received (from a pull or a bundle)
 * @server_seq: the hub's sequence number for it, or 0
 *
 * Verifies and stores a received version, in one transaction.
 *
 * Returns: %TARMAC_APPLY_NEW, %TARMAC_APPLY_DUPLICATE, or %TARMAC_APPLY_REFUSED with
 *   @error set; a failure of the database is also %TARMAC_APPLY_REFUSED, with a
 *   %TARMAC_STORE_ERROR
 */
TarmacApplyResult
tarmac_sync_replica_apply (TarmacSyncReplica  *self,
                           TarmacEnvelope     *envelope,
                           gint64              server_seq,
                           GError            **error)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GHashTable) wraps = NULL;
  g_autofree char *text = NULL;
  g_autofree char *subject_type = NULL;
  g_autofree char *subject_ref = NULL;
  g_autofree char *thread_root = NULL;
  const char *kind;
  gboolean exists = FALSE;
  gboolean wins = FALSE;
  gboolean is_note, is_lookout;
  GBytes *wrap;
  gint64 now_ms;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), TARMAC_APPLY_REFUSED);
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (envelope), TARMAC_APPLY_REFUSED);

  if (self->keys == NULL)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_KEYS,
                   _("This workstation is not enrolled in a network"));
      return TARMAC_APPLY_REFUSED;
    }

  if (!version_exists (self, tarmac_envelope_get_version_id (envelope), &exists, error))
    return TARMAC_APPLY_REFUSED;
  if (exists)
    return TARMAC_APPLY_DUPLICATE;

  now_ms = tarmac_sync_replica_now_ms (self);
  if (!tarmac_envelope_verifier_check (self->verifier, envelope, NULL, now_ms, error)
      || !check_against_store (self, envelope, error))
    return TARMAC_APPLY_REFUSED;

  body = tarmac_envelope_open (envelope, self->site, self->keys, error);
  if (body == NULL)
    return TARMAC_APPLY_REFUSED;

  kind = tarmac_envelope_get_kind (envelope);
  is_note = g_str_equal (kind, "note") || g_str_equal (kind, "alert");
  is_lookout = g_str_equal (kind, "lookout");
  if (!is_note && !is_lookout && !g_str_equal (kind, "ack"))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("Version %.12s is a %s, which this version of Tarmac cannot read"),
                   tarmac_envelope_get_version_id (envelope), kind);
      return TARMAC_APPLY_REFUSED;
    }

  if (is_note && !tarmac_envelope_get_deleted (envelope)
      && !parse_body (body, &text, &subject_type, &subject_ref, &thread_root))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("Version %.12s holds no readable note"),
                   tarmac_envelope_get_version_id (envelope));
      return TARMAC_APPLY_REFUSED;
    }

  /* Only this site's wrap is kept: the others are of no use here. */
  wraps = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  wrap = tarmac_envelope_get_wrap (envelope, self->site);
  g_hash_table_insert (wraps, self->site, wrap);

  if (!tarmac_store_begin (self->store, error))
    return TARMAC_APPLY_REFUSED;

  if (!insert_version (self, envelope, wraps, "received", server_seq, error)
      || !update_record (self, envelope, &wins, error))
    goto fail;

  if (is_note)
    {
      if ((wins && !_tarmac_sync_replica_upsert_note (self, envelope, text, subject_type, subject_ref,
                                                      thread_root, "received", error))
          || !tarmac_audit_append (self->store, "receive", "note",
                                   tarmac_envelope_get_record_id (envelope),
                                   tarmac_envelope_get_origin_site (envelope), error))
        goto fail;
    }
  else if (is_lookout)
    {
      if (wins && !_tarmac_lookout_apply (self, envelope, body, error))
        goto fail;
    }
  else if (!_tarmac_sync_replica_apply_ack (self, envelope, body, error))
    goto fail;

  /* Outside a batch, the acknowledgement of delivery goes in the same transaction;
   * apply_batch() sends one for the whole batch. Acks are not acknowledged. */
  is_note = is_note || is_lookout;
  if (is_note && self->batch_depth == 0)
    {
      _tarmac_sync_replica_note_delivered (self, self->pending_acks, envelope);
      if (!_tarmac_sync_replica_send_delivered (self, self->pending_acks, error))
        goto fail;
    }

  if (!state_set_int (self, "hlc", (gint64) MAX (tarmac_hlc_get_last (self->hlc),
                                                 tarmac_envelope_get_hlc (envelope)), error))
    goto fail;

  /* A failed commit undoes the transaction itself. */
  if (!tarmac_store_commit (self->store, error))
    {
      if (self->batch_depth == 0)
        g_hash_table_remove_all (self->pending_acks);
      return TARMAC_APPLY_REFUSED;
    }

  if (is_note && self->batch_depth > 0)
    _tarmac_sync_replica_note_delivered (self, self->pending_acks, envelope);

  tarmac_hlc_observe (self->hlc, tarmac_envelope_get_hlc (envelope), NULL);
  return TARMAC_APPLY_NEW;

fail:
  tarmac_store_rollback (self->store);
  if (self->batch_depth == 0)
    g_hash_table_remove_all (self->pending_acks);
  return TARMAC_APPLY_REFUSED;
}

static gboolean apply_many (TarmacSyncReplica  *self,
                            GPtrArray          *envelopes,
                            GArray             *server_seqs,
                            const char         *lane,
                            gint64              cursor,
                            gboolean            strict,
                            guint              *n_new,
                            GError            **error);

static char *
cursor_key (const char *lane)
{
  return g_strdup_printf ("cursor:%s", lane != NULL ? lane : "main");
}

/**
 * tarmac_sync_replica_apply_batch:
 * @envelopes: (element-type TarmacEnvelope): a pulled batch, in the hub's order
 * @server_seqs: (element-type gint64): the hub's sequence number of each
 * @lane: "main" or "urgent"
 * @cursor: where the lane's cursor goes once the batch is applied
 * @n_new: (out) (optional): how many were new
 *
 * Applies a pulled batch and moves the cursor in one transaction. A version refused by
 * the rules is left out and audited, and does not stop the batch: it would never become
 * acceptable by pulling it again.
 */
gboolean
tarmac_sync_replica_apply_batch (TarmacSyncReplica  *self,
                                 GPtrArray          *envelopes,
                                 GArray             *server_seqs,
                                 const char         *lane,
                                 gint64              cursor,
                                 guint              *n_new,
                                 GError            **error)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), FALSE);
  g_return_val_if_fail (envelopes != NULL, FALSE);
  g_return_val_if_fail (server_seqs == NULL || server_seqs->len == envelopes->len, FALSE);

  return apply_many (self, envelopes, server_seqs, lane != NULL ? lane : "main", cursor, FALSE,
                     n_new, error);
}

/* apply_batch() for a bundle: all or nothing (a version refused refuses the whole), and
 * the cursor of @lane moved only when @lane is not %NULL. */
gboolean
_tarmac_sync_replica_apply_all (TarmacSyncReplica  *self,
                                GPtrArray          *envelopes,
                                GArray             *server_seqs,
                                const char         *lane,
                                gint64              cursor,
                                guint              *n_new,
                                GError            **error)
{
  return apply_many (self, envelopes, server_seqs, lane, cursor, TRUE, n_new, error);
}

static gboolean
apply_many (TarmacSyncReplica  *self,
            GPtrArray          *envelopes,
            GArray             *server_seqs,
            const char         *lane,
            gint64              cursor,
            gboolean            strict,
            guint              *n_new,
            GError            **error)
{
  g_autofree char *key = cursor_key (lane);
  guint added = 0;

  if (lane != NULL && cursor < tarmac_sync_replica_get_cursor (self, lane))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("The hub sent a cursor behind this site’s"));
      return FALSE;
    }

  if (!tarmac_store_begin (self->store, error))
    return FALSE;

  self->batch_depth++;
  for (guint i = 0; i < envelopes->len; i++)
    {
      g_autoptr(GError) local_error = NULL;
      TarmacEnvelope *envelope = g_ptr_array_index (envelopes, i);
      gint64 seq = server_seqs != NULL ? g_array_index (server_seqs, gint64, i) : 0;

      switch (tarmac_sync_replica_apply (self, envelope, seq, &local_error))
        {
        case TARMAC_APPLY_NEW:
          added++;
          break;

        case TARMAC_APPLY_DUPLICATE:
          break;

        case TARMAC_APPLY_REFUSED:
          if (local_error->domain != TARMAC_SYNC_ERROR || strict)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              goto fail;
            }
          g_warning ("Refused version %s: %s", tarmac_envelope_get_version_id (envelope),
                     local_error->message);
          if (!tarmac_audit_append (self->store, "refuse", "version",
                                    tarmac_envelope_get_version_id (envelope),
                                    tarmac_sync_error_code_name (local_error->code), error))
            goto fail;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* One acknowledgement of delivery per sending site for the whole batch, written with
   * the cursor: a crash before the commit re-pulls the batch and acknowledges it then. */
  self->batch_depth--;
  if (!_tarmac_sync_replica_send_delivered (self, self->pending_acks, error)
      || (lane != NULL && !state_set_int (self, key, cursor, error)))
    {
      g_hash_table_remove_all (self->pending_acks);
      tarmac_store_rollback (self->store);
      return FALSE;
    }
  if (lane != NULL)
    tarmac_sync_crash_point ("pull.before_commit");

  if (!tarmac_store_commit (self->store, error))
    {
      g_hash_table_remove_all (self->pending_acks);
      return FALSE;
    }

  if (n_new != NULL)
    *n_new = added;
  return TRUE;

fail:
  self->batch_depth--;
  g_hash_table_remove_all (self->pending_acks);
  tarmac_store_rollback (self->store);
  return FALSE;
}

/* The hub sequence number up to which @lane ("main" or "urgent") was applied. */
gint64
tarmac_sync_replica_get_cursor (TarmacSyncReplica *self,
                                const char        *lane)
{
  g_autofree char *key = cursor_key (lane);

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), 0);

  return state_get_int (self, key);
}

/**
 * tarmac_sync_replica_list_outbox:
 * @limit: the most to return
 *
 * Returns: (transfer full) (element-type TarmacEnvelope): the versions waiting to be
 *   sent, in device sequence order, with every wrap
 */
GPtrArray *
tarmac_sync_replica_list_outbox (TarmacSyncReplica  *self,
                                 guint               limit,
                                 GError            **error)
{
  g_autoptr(GPtrArray) envelopes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), NULL);

  stmt = _tarmac_store_prepare_cached (self->store,
                                "SELECT v.header, v.body_ct, v.sig, v.wraps FROM outbox o"
                                " JOIN versions v ON v.version_id = o.version_id"
                                " ORDER BY o.device_seq LIMIT ?1",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) header = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      g_autoptr(GBytes) ct = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
      g_autoptr(GBytes) sig = g_bytes_new (sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2));
      g_autoptr(GHashTable) wraps = wraps_from_json (_tarmac_store_column_text (stmt, 3));
      TarmacEnvelope *envelope = tarmac_envelope_new_from_parts (header, ct, sig, wraps, error);

      if (envelope == NULL)
        return NULL;
      g_ptr_array_add (envelopes, envelope);
    }

  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (self->store, rc, error);
      return NULL;
    }

  return g_steal_pointer (&envelopes);
}

/**
 * tarmac_sync_replica_mark_sent:
 * @version_id: a version the hub acknowledged (accepted or duplicate)
 * @server_seq: the hub's sequence number for it
 *
 * Takes the version out of the outbox, in one transaction with its new state.
 */
gboolean
tarmac_sync_replica_mark_sent (TarmacSyncReplica  *self,
                               const char         *version_id,
                               gint64              server_seq,
                               GError            **error)
{
  g_autoptr(TarmacCachedStmt) outbox = NULL;
  g_autoptr(TarmacCachedStmt) version = NULL;
  g_autoptr(TarmacCachedStmt) note = NULL;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), FALSE);

  if (!tarmac_store_begin (self->store, error))
    return FALSE;

  outbox = _tarmac_store_prepare_cached (self->store, "DELETE FROM outbox WHERE version_id = ?1", error);
  version = _tarmac_store_prepare_cached (self->store,
                                   "UPDATE versions SET state = 'synced', server_seq = ?2"
                                   " WHERE version_id = ?1",
                                   error);
  note = _tarmac_store_prepare_cached (self->store,
                                "UPDATE note SET delivery = 'sent' WHERE delivery = 'pending'"
                                " AND uuid = (SELECT record_id FROM versions WHERE version_id = ?1)",
                                error);
  if (outbox == NULL || version == NULL || note == NULL)
    goto fail;

  sqlite3_bind_text (outbox, 1, version_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (version, 1, version_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (version, 2, server_seq);
  sqlite3_bind_text (note, 1, version_id, -1, SQLITE_STATIC);
  if (!_tarmac_store_step_done (self->store, outbox, error)
      || !_tarmac_store_step_done (self->store, version, error)
      || !_tarmac_store_step_done (self->store, note, error))
    goto fail;

  /* A failed commit ends its level itself. */
  return tarmac_store_commit (self->store, error);

fail:
  tarmac_store_rollback (self->store);
  return FALSE;
}

/**
 * tarmac_sync_replica_mark_sent_many:
 * @version_ids: (element-type utf8): versions the hub acknowledged
 * @server_seqs: (element-type gint64): their sequence numbers
 *
 * tarmac_sync_replica_mark_sent() for a whole push batch, in one transaction (one fsync,
 * not one per note).
 */
gboolean
tarmac_sync_replica_mark_sent_many (TarmacSyncReplica  *self,
                                    GPtrArray          *version_ids,
                                    GArray             *server_seqs,
                                    GError            **error)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), FALSE);
  g_return_val_if_fail (version_ids->len == server_seqs->len, FALSE);

  if (!tarmac_store_begin (self->store, error))
    return FALSE;

  for (guint i = 0; i < version_ids->len; i++)
    if (!tarmac_sync_replica_mark_sent (self, g_ptr_array_index (version_ids, i),
                                        g_array_index (server_seqs, gint64, i), error))
      {
        tarmac_store_rollback (self->store);
        return FALSE;
      }

  return tarmac_store_commit (self->store, error);
}

/* How many versions wait to be sent (the header bar's count). -1 on error. */
gint64
tarmac_sync_replica_count_pending (TarmacSyncReplica  *self,
                                   GError            **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), -1);

  stmt = _tarmac_store_prepare_cached (self->store, "SELECT count (*) FROM outbox", error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

/* (transfer full) (nullable): a value of sync_state ("hub_url", "hub_fingerprint"…) */
char *
tarmac_sync_replica_dup_setting (TarmacSyncReplica *self,
                                 const char        *key)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), NULL);

  return state_get (self, key, NULL);
}

gboolean
tarmac_sync_replica_set_setting (TarmacSyncReplica  *self,
                                 const char         *key,
                                 const char         *value,
                                 GError            **error)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), FALSE);

  return state_set (self, key, value, error);
}

/**
 * tarmac_sync_replica_set_clock_offset:
 * @offset_ms: the hub's time minus this machine's, from the hub's last answer
 *
 * Versions are stamped with the corrected time, so a desk whose clock is wrong still
 * dates them sanely (research/sync.md §1.7).
 */
void
tarmac_sync_replica_set_clock_offset (TarmacSyncReplica *self,
                                      gint64             offset_ms)
{
  g_return_if_fail (TARMAC_IS_SYNC_REPLICA (self));

  /* Round trips make it jitter by milliseconds: store it (one fsync) only when it moved
   * by a second or more. */
  if (ABS (offset_ms - tarmac_hlc_get_offset_ms (self->hlc)) < 1000)
    return;

  tarmac_hlc_set_offset_ms (self->hlc, offset_ms);
  state_set_int (self, "clock_offset_ms", offset_ms, NULL);
}

/* This machine's time corrected by the learned offset, Unix milliseconds. */
gint64
tarmac_sync_replica_now_ms (TarmacSyncReplica *self)
{
  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), 0);

  return _tarmac_sync_replica_wall_ms (self) + tarmac_hlc_get_offset_ms (self->hlc);
}

/* Seals @envelope again, identical but for a new clock reading: the same record, device
 * sequence, recipients and body (opened with this site's own key). */
static TarmacEnvelope *
restamp_one (TarmacSyncReplica  *self,
             TarmacEnvelope     *envelope,
             GPtrArray          *held,
             GError            **error)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GHashTable) box_keys = NULL;
  TarmacEnvelopeDraft draft = { 0 };

  body = tarmac_envelope_open (envelope, self->site, self->keys, error);
  if (body == NULL)
    return NULL;
  box_keys = lookup_box_keys (self, tarmac_envelope_get_recipients (envelope), held, error);
  if (box_keys == NULL)
    return NULL;

  draft.kind = tarmac_envelope_get_kind (envelope);
  draft.record_id = tarmac_envelope_get_record_id (envelope);
  draft.origin_site = self->site;
  draft.author = tarmac_envelope_get_author (envelope);
  draft.device_seq = tarmac_envelope_get_device_seq (envelope);
  draft.hlc = tarmac_hlc_tick (self->hlc);
  draft.prev_version = tarmac_envelope_get_prev_version (envelope);
  draft.ref_record_id = tarmac_envelope_get_ref_record_id (envelope);
  draft.recipients = tarmac_envelope_get_recipients (envelope);
  draft.priority = tarmac_envelope_get_priority (envelope);
  draft.expires_at = tarmac_envelope_get_expires_at (envelope);
  draft.deleted = tarmac_envelope_get_deleted (envelope);

  return tarmac_envelope_seal (&draft, tarmac_envelope_get_deleted (envelope) ? NULL : body,
                               self->keys, box_keys, error);
}

static gboolean
replace_version (TarmacSyncReplica  *self,
                 TarmacEnvelope     *old,
                 TarmacEnvelope     *fresh,
                 GError            **error)
{
  static const char * const steps[] = {
    "DELETE FROM versions WHERE version_id = ?1",
    "UPDATE outbox SET version_id = ?2, attempts = 0, last_error = NULL WHERE version_id = ?1",
    "UPDATE records SET winner_version = ?2 WHERE winner_version = ?1",
  };
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (TARMAC_HLC_MS (tarmac_envelope_get_hlc (fresh)) / 1000);
  g_autofree char *created_at = g_date_time_format (created, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(TarmacCachedStmt) note = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(TarmacCachedStmt) stmt = _tarmac_store_prepare_cached (self->store, steps[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, tarmac_envelope_get_version_id (old), -1, SQLITE_STATIC);
      if (i > 0)
        sqlite3_bind_text (stmt, 2, tarmac_envelope_get_version_id (fresh), -1, SQLITE_STATIC);
      if (!_tarmac_store_step_done (self->store, stmt, error))
        return FALSE;
      /* The new row goes in once the old one (same device sequence) is out. */
      if (i == 0 && !insert_version (self, fresh, tarmac_envelope_get_wraps (fresh), "local-pending", 0, error))
        return FALSE;
    }

  note = _tarmac_store_prepare_cached (self->store, "UPDATE note SET created_at = ?2 WHERE uuid = ?1", error);
  if (note == NULL)
    return FALSE;
  sqlite3_bind_text (note, 1, tarmac_envelope_get_record_id (fresh), -1, SQLITE_STATIC);
  sqlite3_bind_text (note, 2, created_at, -1, SQLITE_STATIC);
  return _tarmac_store_step_done (self->store, note, error);
}

/**
 * _tarmac_sync_replica_restamp:
 * @n_restamped: (out) (optional): how many versions were sealed again
 *
 * The hub refused a version as dated too far ahead (research/sync.md §5.5 F4): this
 * machine's clock was wrong when it was written, and the hub's time has since corrected
 * it (set_clock_offset()). Every version still in the outbox that is dated too far ahead
 * of the corrected time is sealed again with a corrected clock reading, under the same
 * device sequence — the hub never stored it, so nothing else names it — in one
 * transaction. The clock itself is brought back from the future first.
 */
gboolean
_tarmac_sync_replica_restamp (TarmacSyncReplica  *self,
                              guint              *n_restamped,
                              GError            **error)
{
  g_autoptr(GPtrArray) outbox = NULL;
  g_autofree char *detail = NULL;
  gint64 now = tarmac_sync_replica_now_ms (self);
  guint64 saved_hlc = tarmac_hlc_get_last (self->hlc);
  guint done = 0;

  if (self->keys == NULL)
    return TRUE;

  /* A clock dragged into the future by this machine's own wrong time: nothing from
   * another site can be that far ahead (apply() refuses it), so it is safe to reset. */
  if (TARMAC_HLC_MS (saved_hlc) > now + TARMAC_HLC_MAX_AHEAD_MS / 2)
    tarmac_hlc_reset (self->hlc, TARMAC_HLC_MAKE (now, 0));

  outbox = tarmac_sync_replica_list_outbox (self, G_MAXUINT, error);
  if (outbox == NULL || !tarmac_store_begin (self->store, error))
    goto fail_clock;

  /* The outbox and the record point to the version replaced: checked at commit, once
   * they point to the new one. */
  if (!_tarmac_store_exec (self->store, "PRAGMA defer_foreign_keys = ON", error))
    goto fail;

  for (guint i = 0; i < outbox->len; i++)
    {
      TarmacEnvelope *old = g_ptr_array_index (outbox, i);
      g_autoptr(TarmacEnvelope) fresh = NULL;
      g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_free);

      if (TARMAC_HLC_MS (tarmac_envelope_get_hlc (old)) <= now + TARMAC_HLC_MAX_AHEAD_MS / 2)
        continue;

      fresh = restamp_one (self, old, held, error);
      if (fresh == NULL
          || !_tarmac_sync_replica_forget_held (self, tarmac_envelope_get_version_id (old), error)
          || !_tarmac_sync_replica_hold_wraps (self, fresh, held, error)
          || !replace_version (self, old, fresh, error))
        goto fail;
      done++;
    }

  detail = g_strdup_printf ("%u versions", done);
  if (!state_set_int (self, "hlc", (gint64) tarmac_hlc_get_last (self->hlc), error)
      || (done > 0 && !tarmac_audit_append (self->store, "restamp", "version", NULL, detail, error)))
    goto fail;
  if (!tarmac_store_commit (self->store, error))
    goto fail_clock;

  if (n_restamped != NULL)
    *n_restamped = done;
  return TRUE;

fail:
  tarmac_store_rollback (self->store);
fail_clock:
  tarmac_hlc_reset (self->hlc, saved_hlc);
  return FALSE;
}
