/* tarmac-hub-bundle.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-hub"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "tarmac-bundle.h"
#include "tarmac-hub-bundle.h"
#include "tarmac-sync-error.h"

/* The hub's side of air-gapped sites (research/sync.md §4.11): a bundle an air-gapped
 * workstation exported (its outbox, signed by the device) is carried to the hub and
 * imported as if the device had pushed it — the same checks, batch by batch, and a
 * second import answers "duplicate"; and the hub writes a site's inbox since a cursor to
 * a bundle signed by the network coordinator, to be carried to the site and imported
 * there. Sites on the network see what was imported at their next pull. */

#define CHUNK 200

static gboolean
lookup_device (gpointer    user_data,
               const char *signer,
               guint8     *public_key)
{
  g_autoptr(TarmacHubDevice) device = tarmac_hub_db_get_device (user_data, signer, NULL);

  if (device == NULL || device->revoked)
    return FALSE;
  memcpy (public_key, device->sign_pk, 32);
  return TRUE;
}

/**
 * tarmac_hub_bundle_import:
 * @path: a bundle a workstation exported
 * @n_accepted, @n_duplicate: (out): what the hub did with its versions
 *
 * Returns: %FALSE with @error set when the bundle is refused (signature, form) or a
 *   version of it is (as for a push: the batches before it stay, as pushed)
 */
gboolean
tarmac_hub_bundle_import (TarmacHubDb  *db,
                          const char   *path,
                          guint        *n_accepted,
                          guint        *n_duplicate,
                          GError      **error)
{
  g_autoptr(JsonNode) payload = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *signer = NULL;
  JsonArray *changes;
  gsize length = 0;

  *n_accepted = *n_duplicate = 0;

  if (!tarmac_bundle_read_file (path, &contents, &length, error))
    return FALSE;
  payload = tarmac_bundle_open (contents, length, lookup_device, db, &signer, error);
  if (payload == NULL)
    return FALSE;
  if (g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (payload), "from", ""),
                 "device") != 0)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("Only a bundle exported by a workstation can be imported into the hub"));
      return FALSE;
    }

  changes = json_object_get_array_member (json_node_get_object (payload), "changes");
  for (guint first = 0; first < json_array_get_length (changes); first += CHUNK)
    {
      g_autoptr(TarmacHubDevice) device = tarmac_hub_db_get_device (db, signer, error);
      g_autoptr(JsonArray) chunk = json_array_new ();
      g_autoptr(JsonNode) answer = NULL;
      /* A fresh batch each time: a version already here is answered "duplicate" by its
       * version_id, as for a push. */
      g_autofree char *batch_id = g_uuid_string_random ();
      JsonArray *results;
      gboolean urgent = FALSE;

      if (device == NULL)
        return FALSE;

      for (guint i = first; i < MIN (first + CHUNK, json_array_get_length (changes)); i++)
        {
          JsonObject *change = json_array_get_object_element (changes, i);
          JsonNode *env = change != NULL ? json_object_get_member (change, "env") : NULL;

          if (env == NULL)
            {
              g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                           _("Change %u of the bundle is not an envelope"), i + 1);
              return FALSE;
            }
          json_array_add_element (chunk, json_node_copy (env));
        }

      answer = tarmac_hub_db_push (db, device, batch_id, chunk, NULL, &urgent, error);
      if (answer == NULL)
        return FALSE;

      results = json_object_get_array_member (json_node_get_object (answer), "results");
      for (guint i = 0; results != NULL && i < json_array_get_length (results); i++)
        {
          JsonObject *result = json_array_get_object_element (results, i);
          const char *status = json_object_get_string_member_with_default (result, "status", "");

          if (g_str_equal (status, "accepted"))
            (*n_accepted)++;
          else if (g_str_equal (status, "duplicate"))
            (*n_duplicate)++;
          else
            {
              g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                           _("The hub refused version %.12s of the bundle: %s"),
                           json_object_get_string_member_with_default (result, "version_id", ""),
                           json_object_get_string_member_with_default (result, "code", "?"));
              return FALSE;
            }
        }
    }

  return TRUE;
}

static void
sign_with_seed (gpointer      user_data,
                const guint8 *data,
                gsize         length,
                guint8       *signature)
{
  guint8 pk[crypto_sign_PUBLICKEYBYTES];
  guint8 sk[crypto_sign_SECRETKEYBYTES];

  crypto_sign_seed_keypair (pk, sk, user_data);
  crypto_sign_detached (signature, NULL, data, length, sk);
  sodium_memzero (sk, sizeof sk);
}

/**
 * tarmac_hub_bundle_export:
 * @coordinator_seed: the coordinator's Ed25519 seed, 32 bytes (it signs the bundle)
 * @site: the site the bundle is for
 * @since: the site's cursor (its last pull, or the last bundle's "next")
 * @path: the file to write (0600)
 * @n_exported: (out): versions written
 * @next: (out): the cursor after them
 */
gboolean
tarmac_hub_bundle_export (TarmacHubDb   *db,
                          const guint8  *coordinator_seed,
                          const char    *site,
                          gint64         since,
                          const char    *path,
                          guint         *n_exported,
                          gint64        *next,
                          GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) payload = NULL;
  g_autofree char *contents = NULL;
  gint64 cursor = MAX (0, since);
  gsize length = 0;
  guint count = 0;
  gboolean more = TRUE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "v");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, "hub");
  json_builder_set_member_name (builder, "site");
  json_builder_add_string_value (builder, site);
  json_builder_set_member_name (builder, "lane");
  json_builder_add_string_value (builder, "main");
  json_builder_set_member_name (builder, "since");
  json_builder_add_int_value (builder, cursor);
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_int_value (builder, g_get_real_time () / 1000);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  while (more && count < TARMAC_BUNDLE_MAX_CHANGES)
    {
      g_autoptr(JsonNode) answer = tarmac_hub_db_changes (db, site, "main", cursor,
                                                          MIN (TARMAC_HUB_MAX_PULL,
                                                               TARMAC_BUNDLE_MAX_CHANGES - count),
                                                          error);
      JsonObject *object;
      JsonArray *changes;

      if (answer == NULL)
        return FALSE;
      object = json_node_get_object (answer);
      changes = json_object_get_array_member (object, "changes");
      for (guint i = 0; i < json_array_get_length (changes); i++)
        json_builder_add_value (builder, json_node_copy (json_array_get_element (changes, i)));
      count += json_array_get_length (changes);
      cursor = json_object_get_int_member_with_default (object, "next", cursor);
      more = json_object_get_boolean_member_with_default (object, "more", FALSE);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "next");
  json_builder_add_int_value (builder, cursor);
  json_builder_end_object (builder);
  payload = json_builder_get_root (builder);

  contents = tarmac_bundle_seal (payload, TARMAC_BUNDLE_HUB_SIGNER, sign_with_seed,
                                 (gpointer) coordinator_seed, &length);
  if (!g_file_set_contents_full (path, contents, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, error))
    return FALSE;

  *n_exported = count;
  *next = cursor;
  return tarmac_hub_db_audit (db, "hub", "export", site, path, error);
}
