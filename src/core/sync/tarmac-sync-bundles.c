/* tarmac-sync-bundles.c
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
#include "tarmac-bundle.h"
#include "tarmac-sync-error.h"
#include "tarmac-sync-replica-private.h"

/* Air-gapped sites (research/sync.md §4.11): bundle export writes this workstation's
 * outbox — its notes, lookouts and the acknowledgements it owes — to a signed bundle
 * file (tarmac-bundle.c); bundle import applies a bundle carried in, written by another
 * workstation or by the hub, through the same verification and de-duplication as a pull.
 * A bundle is applied whole or not at all: a bundle whose signature fails, or holding one
 * envelope that fails its own checks, leaves the database as it was. Importing the same
 * bundle twice changes nothing. The outbox is left as it is: what was carried out is
 * pushed again when the link comes back, and the hub answers "duplicate". */

static void
sign_with_device (gpointer      user_data,
                  const guint8 *data,
                  gsize         length,
                  guint8       *signature)
{
  tarmac_device_keys_sign (user_data, data, length, signature);
}

/**
 * tarmac_sync_replica_export_bundle:
 * @path: the file to write (created 0600, replaced whole)
 * @n_exported: (out) (optional): how many versions it holds
 *
 * Writes the outbox to a signed bundle file.
 */
gboolean
tarmac_sync_replica_export_bundle (TarmacSyncReplica  *self,
                                   const char         *path,
                                   guint              *n_exported,
                                   GError            **error)
{
  TarmacStore *store;
  g_autoptr(GPtrArray) outbox = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) payload = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *detail = NULL;
  TarmacDeviceKeys *keys;
  gsize length = 0;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), FALSE);

  store = _tarmac_sync_replica_get_store (self);
  keys = tarmac_sync_replica_get_keys (self);
  if (keys == NULL)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_KEYS,
                   _("This workstation is not enrolled in a network"));
      return FALSE;
    }

  outbox = tarmac_sync_replica_list_outbox (self, TARMAC_BUNDLE_MAX_CHANGES, error);
  if (outbox == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "v");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, "device");
  json_builder_set_member_name (builder, "site");
  json_builder_add_string_value (builder, tarmac_sync_replica_get_site (self));
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_int_value (builder, tarmac_sync_replica_now_ms (self));
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < outbox->len; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "seq");
      json_builder_add_int_value (builder, 0);
      json_builder_set_member_name (builder, "env");
      json_builder_add_value (builder, tarmac_envelope_to_json (g_ptr_array_index (outbox, i), NULL));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);

  contents = tarmac_bundle_seal (payload, tarmac_device_keys_get_device_id (keys), sign_with_device,
                                 keys, &length);
  if (!g_file_set_contents_full (path, contents, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, error))
    return FALSE;

  detail = g_strdup_printf ("%u versions to %s", outbox->len, path);
  if (!tarmac_audit_append (store, "export", "bundle", NULL, detail, error))
    return FALSE;

  if (n_exported != NULL)
    *n_exported = outbox->len;
  return TRUE;
}

static gboolean
lookup_key (gpointer    user_data,
            const char *signer,
            guint8     *public_key)
{
  TarmacSyncReplica *self = user_data;
  TarmacStore *store = _tarmac_sync_replica_get_store (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (g_strcmp0 (signer, TARMAC_BUNDLE_HUB_SIGNER) == 0)
    {
      g_autofree char *pk64 = tarmac_sync_replica_dup_setting (self, "coordinator_pk");
      g_autofree guchar *pk = NULL;
      gsize pk_length = 0;

      if (pk64 == NULL)
        return FALSE;
      pk = g_base64_decode (pk64, &pk_length);
      if (pk_length != crypto_sign_PUBLICKEYBYTES)
        return FALSE;
      memcpy (public_key, pk, pk_length);
      return TRUE;
    }

  stmt = _tarmac_store_prepare (store,
                                "SELECT sign_pk FROM sync_device WHERE device_id = ?1 AND status = 'active'",
                                NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, signer, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_bytes (stmt, 0) != crypto_sign_PUBLICKEYBYTES)
    return FALSE;

  memcpy (public_key, sqlite3_column_blob (stmt, 0), crypto_sign_PUBLICKEYBYTES);
  return TRUE;
}

/**
 * tarmac_sync_replica_import_bundle:
 * @path: a bundle file
 * @n_new: (out) (optional): versions new here
 * @n_duplicate: (out) (optional): versions already here
 *
 * Applies a bundle carried in, whole or not at all. A bundle the hub wrote for this site
 * also moves the main lane's cursor when it starts where this site stopped.
 */
gboolean
tarmac_sync_replica_import_bundle (TarmacSyncReplica  *self,
                                   const char         *path,
                                   guint              *n_new,
                                   guint              *n_duplicate,
                                   GError            **error)
{
  TarmacStore *store;
  g_autoptr(JsonNode) payload = NULL;
  g_autoptr(GPtrArray) envelopes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *contents = NULL;
  g_autofree char *signer = NULL;
  g_autofree char *detail = NULL;
  JsonObject *object;
  JsonArray *changes;
  const char *lane = NULL;
  gint64 cursor = 0;
  gsize length = 0;
  guint added = 0;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), FALSE);

  store = _tarmac_sync_replica_get_store (self);
  if (!tarmac_sync_replica_is_enrolled (self))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_KEYS,
                   _("This workstation is not enrolled in a network"));
      return FALSE;
    }

  if (!tarmac_bundle_read_file (path, &contents, &length, error))
    return FALSE;

  payload = tarmac_bundle_open (contents, length, lookup_key, self, &signer, error);
  if (payload == NULL)
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }

  object = json_node_get_object (payload);
  changes = json_object_get_array_member (object, "changes");
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      JsonNode *env = change != NULL ? json_object_get_member (change, "env") : NULL;
      TarmacEnvelope *envelope;
      gint64 seq;

      if (env == NULL)
        {
          g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                       _("%s: change %u is not an envelope"), path, i + 1);
          return FALSE;
        }
      envelope = tarmac_envelope_new_from_json (env, error);
      if (envelope == NULL)
        {
          g_prefix_error (error, _("%s: change %u: "), path, i + 1);
          return FALSE;
        }
      seq = MAX (0, json_object_get_int_member_with_default (change, "seq", 0));
      g_ptr_array_add (envelopes, envelope);
      g_array_append_val (seqs, seq);
    }

  /* The hub's bundle of this site's inbox continues the pull when it starts where the
   * site's cursor is. */
  if (g_str_equal (signer, TARMAC_BUNDLE_HUB_SIGNER)
      && g_strcmp0 (json_object_get_string_member_with_default (object, "site", ""),
                    tarmac_sync_replica_get_site (self)) == 0
      && json_object_get_int_member_with_default (object, "since", -1)
         <= tarmac_sync_replica_get_cursor (self, "main")
      && json_object_get_int_member_with_default (object, "next", 0)
         > tarmac_sync_replica_get_cursor (self, "main"))
    {
      lane = "main";
      cursor = json_object_get_int_member_with_default (object, "next", 0);
    }

  detail = g_strdup_printf ("%u versions from %s (%s)", envelopes->len, signer, path);
  if (!tarmac_store_begin (store, error))
    return FALSE;
  if (!_tarmac_sync_replica_apply_all (self, envelopes, seqs, lane, cursor, &added, error)
      || !tarmac_audit_append (store, "import", "bundle", NULL, detail, error))
    {
      g_prefix_error (error, "%s: ", path);
      tarmac_store_rollback (store);
      return FALSE;
    }
  if (!tarmac_store_commit (store, error))
    return FALSE;

  if (n_new != NULL)
    *n_new = added;
  if (n_duplicate != NULL)
    *n_duplicate = envelopes->len - added;
  return TRUE;
}
