/* tarmac-sync-pins.c
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
#include "tarmac-key-change.h"
#include "tarmac-key-continuity.h"
#include "tarmac-sync-error.h"
#include "tarmac-sync-json.h"
#include "tarmac-sync-replica-private.h"

/* Key continuity, as SSH and Signal keep it: the roster is signed by the network's
 * coordinator, whose key lives on the hub, so a hub taken over could sign a roster that
 * gives an airport a box key of its own and read what is sealed to it. This workstation
 * therefore pins the keys it saw first — sync_site.box_pk, sync_device.sign_pk, which
 * seal and verify — and moves a pin only
 *
 *  - silently, for an airport's key, when the roster carries the rotation's proof: the
 *    new key signed with the pinned one (tarmac-key-continuity.c), which only the desks
 *    of the airport can make — followed link by link when rotations were missed;
 *  - or when an officer accepts the new key after comparing its code by phone with the
 *    airport (tarmac_sync_replica_trust_key()): the coordinator's `site reset-key`
 *    after the airport lost every desk, or a hub forging one, look the same from here.
 *
 * Until then the new key waits in pending_pk: notes to that airport keep their record
 * key in held_wrap, sealed to this desk's own box key, and go to it once the key is
 * accepted; a desk whose signing key changed has its versions refused (the verifier
 * keeps the pinned key). Every pin, change and acceptance is audited. */

static gboolean
same_key (const void *a,
          int         a_length,
          const guint8 *b)
{
  return a != NULL && a_length == 32 && sodium_memcmp (a, b, 32) == 0;
}

/* Whether @chain leads from @pinned to @box_pk, each link signed with the key before. */
static gboolean
chain_proves (const char   *site,
              JsonArray    *chain,
              const guint8 *pinned,
              const guint8 *box_pk)
{
  guint8 current[32];
  guint n = chain != NULL ? MIN (json_array_get_length (chain), TARMAC_KEY_CHAIN_MAX) : 0;

  memcpy (current, pinned, 32);
  for (guint step = 0; step < n; step++)
    {
      gboolean moved = FALSE;

      for (guint i = 0; i < n && !moved; i++)
        {
          JsonNode *node = json_array_get_element (chain, i);
          JsonObject *link = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          guint8 prev_pk[32], new_pk[32], signer[32], sig[crypto_sign_BYTES];

          if (link == NULL || !tarmac_sync_json_get_bytes (link, "prev_pk", prev_pk, 32) || !tarmac_sync_json_get_bytes (link, "box_pk", new_pk, 32)
              || !tarmac_sync_json_get_bytes (link, "signer", signer, 32) || !tarmac_sync_json_get_bytes (link, "sig", sig, crypto_sign_BYTES)
              || sodium_memcmp (prev_pk, current, 32) != 0
              || !tarmac_site_key_change_verify (site, prev_pk, new_pk, signer, sig))
            continue;

          memcpy (current, new_pk, 32);
          moved = TRUE;
        }

      if (!moved)
        return FALSE;
      if (sodium_memcmp (current, box_pk, 32) == 0)
        return TRUE;
    }

  return FALSE;
}

/* "OLD -> NEW" for a change proven by the airport's desks. For a change that waits for
 * an officer (@new_pk %NULL) the new key's code is left out: the officer must type the
 * code the airport reads out by phone, and a code printed here (in the audit log, or on
 * the terminal that runs the sync) could be copied instead, which would let a forged key
 * through. tarmac_sync_replica_trust_key() audits the code once it is accepted. */
static char *
change_detail (const char   *subject,
               const guint8 *old_pk,
               const guint8 *new_pk)
{
  g_autofree char *old_code = tarmac_key_code (subject, old_pk);
  g_autofree char *new_code = new_pk != NULL ? tarmac_key_code (subject, new_pk) : NULL;

  return g_strdup_printf ("%s -> %s", old_code, new_code != NULL ? new_code : "unproven");
}

/* Runs @sql with ?1 = @subject, ?2 = @pk and ?3 = the time now, those it names (SQLite
 * ignores a binding of a parameter the statement does not have). */
static gboolean
exec_bound (TarmacSyncReplica  *self,
            const char         *sql,
            const char         *subject,
            const guint8       *pk,
            GError            **error)
{
  TarmacStore *store = _tarmac_sync_replica_get_store (self);
  g_autoptr(TarmacCachedStmt) stmt = _tarmac_store_prepare_cached (store, sql, error);
  g_autofree char *now = _tarmac_store_now ();

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, subject, -1, SQLITE_STATIC);
  if (pk != NULL)
    sqlite3_bind_blob (stmt, 2, pk, 32, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  return _tarmac_store_step_done (store, stmt, error);
}

/* Whether a pin was set for @subject by @sql (its key, then its pending key): the pinned
 * key into @pinned, and whether a change waits and is @candidate. %FALSE on first sight;
 * @error is set on failure only. */
static gboolean
read_pin (TarmacStore   *store,
          const char    *sql,
          const char    *subject,
          const guint8  *candidate,
          guint8        *pinned,
          gboolean      *has_pending,
          gboolean      *pending_same,
          GError       **error)
{
  g_autoptr(TarmacCachedStmt) stmt = _tarmac_store_prepare_cached (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, subject, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }

  memcpy (pinned, sqlite3_column_blob (stmt, 0), 32);
  *has_pending = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
  *pending_same = same_key (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1),
                            candidate);
  return TRUE;
}

/**
 * _tarmac_sync_replica_pin_site:
 * @box_pk: the airport's key as a verified roster gives it
 * @chain: (nullable): the roster's proofs of the airport's last rotations
 *
 * First contact pins @box_pk; a key that follows from the pinned one by @chain moves the
 * pin (and sends what was held back from the airport); any other key waits for an
 * officer. The caller holds the transaction.
 */
gboolean
_tarmac_sync_replica_pin_site (TarmacSyncReplica  *self,
                               const char         *code,
                               const char         *name,
                               const guint8       *box_pk,
                               JsonArray          *chain,
                               GError            **error)
{
  TarmacStore *store = _tarmac_sync_replica_get_store (self);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *detail = NULL;
  guint8 pinned[32];
  gboolean has_pending, pending_same;

  if (!read_pin (store, "SELECT box_pk, pending_pk FROM sync_site WHERE code = ?1", code,
                 box_pk, pinned, &has_pending, &pending_same, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* First contact: trust on first use, like SSH's known_hosts. */
      detail = tarmac_key_code (code, box_pk);
      return tarmac_sync_replica_add_site (self, code, name, box_pk, error)
             && tarmac_audit_append (store, "key-pin", "site", code, detail, error);
    }

  /* A desk that waits for its own airport's key has nothing to pin it with: it follows
   * the roster until a desk of the airport hands the key over (checked then against
   * that desk's signature, tarmac-site-handover.c), and pins the key it holds from then. */
  if (g_strcmp0 (code, tarmac_sync_replica_get_site (self)) == 0
      && tarmac_sync_replica_is_awaiting_key (self))
    return tarmac_sync_replica_add_site (self, code, name, box_pk, error)
           && (!has_pending
               || exec_bound (self, "UPDATE sync_site SET pending_pk = NULL, pending_since = NULL"
                                    " WHERE code = ?1", code, NULL, error));

  if (sodium_memcmp (pinned, box_pk, 32) == 0)
    {
      /* The same key (the name may have changed); a change seen before was withdrawn:
       * what was held back meanwhile goes to the pinned key, which is trusted (held, it
       * would wait for an acceptance that no longer can come). */
      if (!tarmac_sync_replica_add_site (self, code, name, box_pk, error))
        return FALSE;
      if (!has_pending)
        return TRUE;
      return exec_bound (self, "UPDATE sync_site SET pending_pk = NULL, pending_since = NULL"
                               " WHERE code = ?1", code, NULL, error)
             && tarmac_audit_append (store, "key-change-withdrawn", "site", code, "", error)
             && _tarmac_sync_replica_release_held (self, code, pinned, error);
    }

  if (chain_proves (code, chain, pinned, box_pk))
    {
      detail = change_detail (code, pinned, box_pk);
      g_debug ("The key of %s changed with its desks' proof: %s", code, detail);
      return tarmac_sync_replica_add_site (self, code, name, box_pk, error)
             && exec_bound (self, "UPDATE sync_site SET pending_pk = NULL, pending_since = NULL,"
                                  " pinned_at = ?3 WHERE code = ?1", code, NULL, error)
             && tarmac_audit_append (store, "key-change", "site", code, detail, error)
             && _tarmac_sync_replica_release_held (self, code, box_pk, error);
    }

  if (pending_same)
    return TRUE;

  detail = change_detail (code, pinned, NULL);
  g_message ("The key of %s changed without proof from its desks: %s", code, detail);
  return exec_bound (self, "UPDATE sync_site SET pending_pk = ?2, pending_since = ?3 WHERE code = ?1",
                     code, box_pk, error)
         && tarmac_audit_append (store, "key-change-unproven", "site", code, detail, error);
}

/**
 * _tarmac_sync_replica_pin_device:
 * @sign_pk: the desk's signing key as a verified roster gives it
 *
 * First contact pins @sign_pk (and the desk's airport); a desk's signing key never
 * changes (a desk that enrols again is a new device), so another one waits for an
 * officer, and the desk's versions are refused meanwhile. The caller holds the
 * transaction.
 */
gboolean
_tarmac_sync_replica_pin_device (TarmacSyncReplica  *self,
                                 const char         *device_id,
                                 const char         *site,
                                 const guint8       *sign_pk,
                                 GError            **error)
{
  TarmacStore *store = _tarmac_sync_replica_get_store (self);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *detail = NULL;
  guint8 pinned[32];
  gboolean has_pending, pending_same;

  if (!read_pin (store, "SELECT sign_pk, pending_pk FROM sync_device WHERE device_id = ?1",
                 device_id, sign_pk, pinned, &has_pending, &pending_same, &local_error))
    {
      g_autofree char *code = NULL;

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* First sight, trusted as the roster says (README "what still relies on the hub"):
       * audited with the key's code, so that a desk the hub slipped into an airport can
       * be found afterwards, and when. */
      code = tarmac_key_code (device_id, sign_pk);
      detail = g_strdup_printf ("%s %s", site, code);
      return tarmac_sync_replica_add_device (self, device_id, site, sign_pk, error)
             && tarmac_audit_append (store, "key-pin", "device", device_id, detail, error);
    }

  if (sodium_memcmp (pinned, sign_pk, 32) == 0)
    {
      if (!has_pending)
        return TRUE;
      return exec_bound (self, "UPDATE sync_device SET pending_pk = NULL, pending_since = NULL"
                               " WHERE device_id = ?1", device_id, NULL, error)
             && tarmac_audit_append (store, "key-change-withdrawn", "device", device_id, "", error);
    }

  if (pending_same)
    return TRUE;

  detail = change_detail (device_id, pinned, NULL);
  g_message ("The signing key of desk %s changed: %s", device_id, detail);
  return exec_bound (self, "UPDATE sync_device SET pending_pk = ?2, pending_since = ?3 WHERE device_id = ?1",
                     device_id, sign_pk, error)
         && tarmac_audit_append (store, "key-change-unproven", "device", device_id, detail, error);
}

/**
 * _tarmac_sync_replica_hold_wraps:
 * @envelope: a version just sealed, with the wraps of @held sealed to this desk's box key
 * @held: (element-type utf8): the recipients whose key changed without proof
 *
 * Takes those wraps out of @envelope (the hub gets none for them) and keeps them.
 */
gboolean
_tarmac_sync_replica_hold_wraps (TarmacSyncReplica  *self,
                                 TarmacEnvelope     *envelope,
                                 GPtrArray          *held,
                                 GError            **error)
{
  TarmacStore *store = _tarmac_sync_replica_get_store (self);
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  g_autofree char *now = NULL;

  if (held == NULL || held->len == 0)
    return TRUE;

  now = _tarmac_store_now ();
  stmt = _tarmac_store_prepare_cached (store, "INSERT OR REPLACE INTO held_wrap (version_id, site, own_wrap,"
                                              " held_at) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < held->len; i++)
    {
      const char *site = g_ptr_array_index (held, i);
      g_autoptr(GBytes) wrap = tarmac_envelope_steal_wrap (envelope, site);

      if (wrap == NULL)
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, tarmac_envelope_get_version_id (envelope), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, site, -1, SQLITE_STATIC);
      sqlite3_bind_blob (stmt, 3, g_bytes_get_data (wrap, NULL), g_bytes_get_size (wrap), SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
      if (!_tarmac_store_step_done (store, stmt, error)
          || !tarmac_audit_append (store, "hold", "version", tarmac_envelope_get_version_id (envelope),
                                   site, error))
        return FALSE;
    }

  return TRUE;
}

/* Forgets what was held of @version_id (it is being replaced by a restamped copy). */
gboolean
_tarmac_sync_replica_forget_held (TarmacSyncReplica  *self,
                                  const char         *version_id,
                                  GError            **error)
{
  return exec_bound (self, "DELETE FROM held_wrap WHERE version_id = ?1",
                     version_id, NULL, error);
}

/**
 * _tarmac_sync_replica_release_held:
 * @site: an airport whose new key is now trusted
 * @box_pk: that key
 *
 * Seals the record key of every version held back from @site to @box_pk. A version still
 * in the outbox takes the wrap with it; every one is also sent by PUT /v1/wraps
 * (_tarmac_sync_replica_list_ready_wraps()), which the hub answers "duplicate" for one
 * that came with its version. The caller holds the transaction.
 */
gboolean
_tarmac_sync_replica_release_held (TarmacSyncReplica  *self,
                                   const char         *site,
                                   const guint8       *box_pk,
                                   GError            **error)
{
  TarmacStore *store = _tarmac_sync_replica_get_store (self);
  TarmacDeviceKeys *keys = tarmac_sync_replica_get_keys (self);
  g_autoptr(TarmacCachedStmt) select = NULL;
  g_autoptr(TarmacCachedStmt) update = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) wraps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  int rc;

  if (keys == NULL)
    return TRUE;

  select = _tarmac_store_prepare_cached (store, "SELECT version_id, own_wrap FROM held_wrap"
                                                " WHERE site = ?1 AND wrap IS NULL", error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_text (select, 1, site, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      guint8 *record_key = sodium_malloc (TARMAC_SYNC_KEY_BYTES);
      guint8 *wrap = g_malloc (TARMAC_SYNC_WRAP_BYTES);
      g_autoptr(GError) local_error = NULL;

      if (record_key == NULL)
        g_error ("Out of locked memory for keys");
      if (!tarmac_device_keys_open_own_wrap (keys, sqlite3_column_blob (select, 1),
                                             (gsize) sqlite3_column_bytes (select, 1), record_key,
                                             &local_error))
        {
          /* Held by this desk's keys before it left and enrolled again: lost. */
          g_warning ("Held version %s: %s", _tarmac_store_column_text (select, 0), local_error->message);
          sodium_free (record_key);
          g_free (wrap);
          continue;
        }
      if (crypto_box_seal (wrap, record_key, TARMAC_SYNC_KEY_BYTES, box_pk) != 0)
        {
          /* A key of small order (crypto_box_seal() wrote nothing past the first 32
           * bytes): the note stays held rather than go with a wrap of leftover memory. */
          g_warning ("Held version %s: the key of %s cannot be sealed to",
                     _tarmac_store_column_text (select, 0), site);
          sodium_free (record_key);
          g_free (wrap);
          continue;
        }
      sodium_free (record_key);
      g_ptr_array_add (ids, g_strdup (_tarmac_store_column_text (select, 0)));
      g_ptr_array_add (wraps, g_bytes_new_take (wrap, TARMAC_SYNC_WRAP_BYTES));
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }
  g_clear_pointer (&select, _tarmac_store_release_cached);

  update = _tarmac_store_prepare_cached (store, "UPDATE held_wrap SET wrap = ?3 WHERE version_id = ?1"
                                                " AND site = ?2", error);
  if (update == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      GBytes *wrap = g_ptr_array_index (wraps, i);

      sqlite3_reset (update);
      sqlite3_bind_text (update, 1, g_ptr_array_index (ids, i), -1, SQLITE_STATIC);
      sqlite3_bind_text (update, 2, site, -1, SQLITE_STATIC);
      sqlite3_bind_blob (update, 3, g_bytes_get_data (wrap, NULL), TARMAC_SYNC_WRAP_BYTES, SQLITE_STATIC);
      if (!_tarmac_store_step_done (store, update, error)
          || !_tarmac_sync_replica_add_pending_wrap (self, g_ptr_array_index (ids, i), site, wrap, error)
          || !tarmac_audit_append (store, "release", "version", g_ptr_array_index (ids, i), site, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _tarmac_sync_replica_list_ready_wraps:
 * @limit: the most to return
 *
 * Returns: (transfer full) (nullable): the body of PUT /v1/wraps, {wraps: [{version_id,
 *   site, wrap}]}, for released wraps of versions the hub already has; %NULL when none
 */
JsonNode *
_tarmac_sync_replica_list_ready_wraps (TarmacSyncReplica *self,
                                       guint              limit)
{
  TarmacStore *store = _tarmac_sync_replica_get_store (self);
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  guint n = 0;

  stmt = _tarmac_store_prepare_cached (store, "SELECT h.version_id, h.site, h.wrap FROM held_wrap h"
                                              " JOIN versions v USING (version_id)"
                                              " WHERE h.wrap IS NOT NULL AND v.state <> 'local-pending'"
                                              " ORDER BY v.device_seq LIMIT ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, (int) limit);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "wraps");
  json_builder_begin_array (builder);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *wrap64 = g_base64_encode (sqlite3_column_blob (stmt, 2),
                                                 (gsize) sqlite3_column_bytes (stmt, 2));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "version_id");
      json_builder_add_string_value (builder, _tarmac_store_column_text (stmt, 0));
      json_builder_set_member_name (builder, "site");
      json_builder_add_string_value (builder, _tarmac_store_column_text (stmt, 1));
      json_builder_set_member_name (builder, "wrap");
      json_builder_add_string_value (builder, wrap64);
      json_builder_end_object (builder);
      n++;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return n > 0 ? json_builder_get_root (builder) : NULL;
}

/**
 * _tarmac_sync_replica_wraps_sent:
 * @results: the hub's answer to PUT /v1/wraps
 * @n_sent: (out): how many the hub took (added, or had already)
 *
 * Forgets the wraps the hub took, or whose version it no longer has (an expired
 * lookout), in one transaction.
 */
gboolean
_tarmac_sync_replica_wraps_sent (TarmacSyncReplica  *self,
                                 JsonArray          *results,
                                 guint              *n_sent,
                                 GError            **error)
{
  TarmacStore *store = _tarmac_sync_replica_get_store (self);

  *n_sent = 0;
  if (!tarmac_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (results) && i < 1000; i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      const char *status, *code, *version_id, *site;
      g_autoptr(TarmacCachedStmt) stmt = NULL;

      if (result == NULL)
        continue;
      status = json_object_get_string_member_with_default (result, "status", "");
      code = json_object_get_string_member_with_default (result, "code", "");
      version_id = json_object_get_string_member_with_default (result, "version_id", "");
      site = json_object_get_string_member_with_default (result, "site", "");
      if (!g_str_equal (status, "added") && !g_str_equal (status, "duplicate")
          && !g_str_equal (code, "not_found"))
        {
          g_warning ("The hub refused the key of version %.12s for %s: %s", version_id, site, code);
          continue;
        }

      stmt = _tarmac_store_prepare_cached (store, "DELETE FROM held_wrap WHERE version_id = ?1 AND site = ?2",
                                           error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, version_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, site, -1, SQLITE_STATIC);
      if (!_tarmac_store_step_done (store, stmt, error))
        goto fail;
      if (!g_str_equal (code, "not_found"))
        (*n_sent)++;
    }

  return tarmac_store_commit (store, error);

fail:
  tarmac_store_rollback (store);
  return FALSE;
}

/**
 * tarmac_sync_replica_count_held:
 * @site: (nullable): an airport, or %NULL for all
 *
 * Returns: how many notes wait for an officer to accept @site's new key; -1 on error
 */
gint64
tarmac_sync_replica_count_held (TarmacSyncReplica *self,
                                const char        *site)
{
  TarmacStore *store;
  g_autoptr(TarmacCachedStmt) stmt = NULL;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), -1);

  store = _tarmac_sync_replica_get_store (self);
  /* A held lookout that expired meanwhile is gone with its version: not counted. */
  stmt = _tarmac_store_prepare_cached (store, "SELECT count (*) FROM held_wrap h JOIN versions v USING (version_id)"
                                              " WHERE h.wrap IS NULL AND (?1 IS NULL OR h.site = ?1)", NULL);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, site, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * tarmac_sync_replica_list_key_changes:
 *
 * The keys the roster changed without proof, waiting for an officer: airports (notes to
 * them are held) and desks (their versions are refused).
 *
 * Returns: (transfer full): a list of #TarmacKeyChange
 */
GListModel *
tarmac_sync_replica_list_key_changes (TarmacSyncReplica  *self,
                                      GError            **error)
{
  g_autoptr(GListStore) list = g_list_store_new (TARMAC_TYPE_KEY_CHANGE);
  g_autoptr(TarmacCachedStmt) sites = NULL;
  g_autoptr(TarmacCachedStmt) devices = NULL;
  TarmacStore *store;
  int rc;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), NULL);

  store = _tarmac_sync_replica_get_store (self);
  sites = _tarmac_store_prepare_cached (store,
                                        "SELECT code, box_pk, pending_since,"
                                        "  (SELECT count (*) FROM held_wrap h JOIN versions v USING (version_id)"
                                        "   WHERE h.site = s.code AND h.wrap IS NULL)"
                                        " FROM sync_site s WHERE pending_pk IS NOT NULL ORDER BY code", error);
  if (sites == NULL)
    return NULL;
  while ((rc = sqlite3_step (sites)) == SQLITE_ROW)
    {
      const char *code = _tarmac_store_column_text (sites, 0);
      g_autofree char *old_code = tarmac_key_code (code, sqlite3_column_blob (sites, 1));
      g_autoptr(TarmacKeyChange) change = tarmac_key_change_new (TRUE, code, code, old_code,
                                                                 _tarmac_store_column_text (sites, 2),
                                                                 (guint) sqlite3_column_int (sites, 3));

      g_list_store_append (list, change);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }

  devices = _tarmac_store_prepare_cached (store,
                                          "SELECT device_id, site, sign_pk, pending_since"
                                          " FROM sync_device WHERE pending_pk IS NOT NULL ORDER BY site, device_id",
                                          error);
  if (devices == NULL)
    return NULL;
  while ((rc = sqlite3_step (devices)) == SQLITE_ROW)
    {
      const char *device_id = _tarmac_store_column_text (devices, 0);
      g_autofree char *old_code = tarmac_key_code (device_id, sqlite3_column_blob (devices, 2));
      g_autoptr(TarmacKeyChange) change = tarmac_key_change_new (FALSE, device_id,
                                                                 _tarmac_store_column_text (devices, 1),
                                                                 old_code,
                                                                 _tarmac_store_column_text (devices, 3), 0);

      g_list_store_append (list, change);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

static gboolean
lookup_pending (TarmacSyncReplica *self,
                const char        *sql,
                const char        *subject,
                guint8            *pending,
                char             **site)
{
  TarmacStore *store = _tarmac_sync_replica_get_store (self);
  g_autoptr(TarmacCachedStmt) stmt = _tarmac_store_prepare_cached (store, sql, NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, subject, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_bytes (stmt, 0) != 32)
    return FALSE;

  memcpy (pending, sqlite3_column_blob (stmt, 0), 32);
  *site = g_strdup (_tarmac_store_column_text (stmt, 1));
  return TRUE;
}

/**
 * tarmac_sync_replica_trust_key:
 * @subject: an airport's code, or a desk's device id, whose key changed without proof
 * @code: the new key's code as the airport read it out by phone
 *
 * Accepts the new key when @code is its code: an airport's key is then sealed to, and
 * the notes held back from it go at the next sync; a desk's versions are accepted again.
 * A code that differs is refused and audited: the key the roster gives is not the one
 * the airport holds. One transaction.
 */
gboolean
tarmac_sync_replica_trust_key (TarmacSyncReplica  *self,
                               const char         *subject,
                               const char         *code,
                               GError            **error)
{
  TarmacStore *store;
  g_autofree char *site = NULL;
  g_autofree char *expected = NULL;
  gboolean is_site;
  guint8 pending[32];

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), FALSE);
  g_return_val_if_fail (subject != NULL && code != NULL, FALSE);

  store = _tarmac_sync_replica_get_store (self);
  is_site = !g_uuid_string_is_valid (subject);
  if (!(is_site
        ? lookup_pending (self, "SELECT pending_pk, code FROM sync_site WHERE code = ?1", subject, pending, &site)
        : lookup_pending (self, "SELECT pending_pk, site FROM sync_device WHERE device_id = ?1", subject,
                          pending, &site)))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_KEYS,
                   is_site ? _("The key of %s did not change: there is nothing to accept")
                           : _("The signing key of the desk %s did not change: there is nothing to accept"),
                   subject);
      return FALSE;
    }

  expected = tarmac_key_code (subject, pending);
  if (!tarmac_key_code_equal (code, expected))
    {
      tarmac_audit_append (store, "key-trust-refused", is_site ? "site" : "device", subject,
                           "code differs", NULL);
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_BAD_CODE,
                   _("The code is not the one of the new key of %s: do not accept it, and tell "
                     "the network’s coordinator"), subject);
      return FALSE;
    }

  if (!tarmac_store_begin (store, error))
    return FALSE;

  if (is_site)
    {
      if (!tarmac_sync_replica_add_site (self, subject, NULL, pending, error)
          || !exec_bound (self, "UPDATE sync_site SET pending_pk = NULL, pending_since = NULL,"
                                " pinned_at = ?3 WHERE code = ?1", subject, NULL, error)
          || !_tarmac_sync_replica_release_held (self, subject, pending, error))
        goto fail;
    }
  else if (!tarmac_sync_replica_add_device (self, subject, site, pending, error)
           || !exec_bound (self, "UPDATE sync_device SET pending_pk = NULL, pending_since = NULL"
                                 " WHERE device_id = ?1", subject, NULL, error))
    goto fail;

  if (!tarmac_audit_append (store, "key-trust", is_site ? "site" : "device", subject, expected, error))
    goto fail;

  /* A failed commit ends its level itself. */
  return tarmac_store_commit (store, error);

fail:
  tarmac_store_rollback (store);
  return FALSE;
}

/**
 * tarmac_sync_replica_dup_site_key_code:
 *
 * The code of this airport's key, which an officer reads out to another airport that
 * asks before accepting it (that airport saw it change without proof).
 *
 * Returns: (transfer full) (nullable): "XXXXX-XXXXX-XXXXX-XXXXX", %NULL while this desk
 *   does not hold the key
 */
char *
tarmac_sync_replica_dup_site_key_code (TarmacSyncReplica *self)
{
  TarmacDeviceKeys *keys;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), NULL);

  keys = tarmac_sync_replica_get_keys (self);
  if (keys == NULL || !tarmac_device_keys_has_site_key (keys))
    return NULL;

  return tarmac_key_code (tarmac_sync_replica_get_site (self), tarmac_device_keys_get_site_box_pk (keys));
}

/**
 * tarmac_sync_replica_dup_sign_key_code:
 *
 * Returns: (transfer full) (nullable): the code of this desk's signing key, %NULL when
 *   not enrolled
 */
char *
tarmac_sync_replica_dup_sign_key_code (TarmacSyncReplica *self)
{
  TarmacDeviceKeys *keys;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), NULL);

  keys = tarmac_sync_replica_get_keys (self);
  if (keys == NULL)
    return NULL;

  return tarmac_key_code (tarmac_device_keys_get_device_id (keys), tarmac_device_keys_get_sign_pk (keys));
}

/**
 * tarmac_sync_dup_held_sites:
 * @store: a workstation's database (any connection to it)
 * @record_id: a note (its uuid) or lookout written here
 *
 * Returns: (transfer full) (nullable): the airports, comma-separated, that the record is
 *   held back from because their key changed without proof; %NULL when none
 */
char *
tarmac_sync_dup_held_sites (TarmacStore *store,
                            const char  *record_id)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;

  g_return_val_if_fail (TARMAC_IS_STORE (store), NULL);
  g_return_val_if_fail (record_id != NULL, NULL);

  stmt = _tarmac_store_prepare_cached (store, "SELECT group_concat (DISTINCT h.site) FROM held_wrap h"
                                              " JOIN versions v USING (version_id)"
                                              " WHERE v.record_id = ?1 AND h.wrap IS NULL", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, record_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;

  return g_strdup (_tarmac_store_column_text (stmt, 0));
}
