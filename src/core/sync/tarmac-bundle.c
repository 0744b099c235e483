/* tarmac-bundle.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-bundle"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "tarmac-bundle.h"
#include "tarmac-sync-error.h"
#include "tarmac-sync-json.h"

/* A bundle file: the envelopes an air-gapped site carries on removable media instead of
 * pushing and pulling (research/sync.md §4.11, the "MIND" pattern). The envelopes are the
 * network's own (each signed by its device, its body encrypted); the bundle adds a
 * signature over the whole, so a file altered, cut short or with an envelope taken out
 * is refused whole:
 *
 *   {"tarmac_bundle": 1, "signer": DEVICE_ID or "hub", "payload": BASE64, "sig": BASE64}
 *
 * sig is Ed25519 over "tarmac-bundle-v1" ‖ the payload bytes, by the device (a site's
 * outbox) or by the network coordinator (a site's inbox written by the hub). The payload
 * is JSON: {"v": 1, "from": "device" or "hub", "site", "lane", "since", "next",
 * "created_at", "changes": [{"seq", "env"}]}, seq being the hub's sequence number (0 in
 * a site's outbox). Everything read here may be hostile: the size is capped before
 * reading, the JSON depth before parsing. */

#define DOMAIN "tarmac-bundle-v1"

static GByteArray *
signed_message (const guint8 *payload,
                gsize         length)
{
  GByteArray *message = g_byte_array_sized_new (strlen (DOMAIN) + length);

  g_byte_array_append (message, (const guint8 *) DOMAIN, strlen (DOMAIN));
  g_byte_array_append (message, payload, length);
  return message;
}

/**
 * tarmac_bundle_seal:
 * @payload: the payload object
 * @signer: the signing device's id, or %TARMAC_BUNDLE_HUB_SIGNER
 * @sign: signs with the signer's key
 * @length: (out): the file's length
 *
 * Returns: (transfer full): the bundle file's contents
 */
char *
tarmac_bundle_seal (JsonNode             *payload,
                    const char           *signer,
                    TarmacBundleSignFunc  sign,
                    gpointer              user_data,
                    gsize                *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GByteArray) message = NULL;
  g_autofree char *text = json_to_string (payload, FALSE);
  g_autofree char *payload64 = NULL;
  g_autofree char *sig64 = NULL;
  guint8 signature[crypto_sign_BYTES];
  char *out;

  message = signed_message ((const guint8 *) text, strlen (text));
  sign (user_data, message->data, message->len, signature);
  payload64 = g_base64_encode ((const guint8 *) text, strlen (text));
  sig64 = g_base64_encode (signature, sizeof signature);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "tarmac_bundle");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "signer");
  json_builder_add_string_value (builder, signer);
  json_builder_set_member_name (builder, "payload");
  json_builder_add_string_value (builder, payload64);
  json_builder_set_member_name (builder, "sig");
  json_builder_add_string_value (builder, sig64);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  out = json_to_string (root, FALSE);
  *length = strlen (out);
  return out;
}

/* A string member, or NULL when absent or of another type (hostile input). */
static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Absent, or an integer. */
static gboolean
int_member_ok (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node == NULL
         || (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64);
}

static GBytes *
decode_strict (const char *text,
               gsize       max_bytes)
{
  gsize text_length = strlen (text);
  gsize capacity = text_length / 4 * 3 + 3;
  g_autofree guint8 *out = NULL;
  const char *end = NULL;
  size_t length = 0;

  if (text_length / 4 * 3 > max_bytes + 2)
    return NULL;

  out = g_malloc (capacity);
  if (sodium_base642bin (out, capacity, text, text_length, NULL, &length, &end,
                         sodium_base64_VARIANT_ORIGINAL) != 0
      || end != text + text_length || length > max_bytes)
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&out), length);
}

/**
 * tarmac_bundle_open:
 * @lookup: finds the signer's public key
 * @signer: (out) (optional): who signed it
 *
 * Checks a bundle's signature and returns its payload. Nothing of the payload is
 * trusted before the signature is checked.
 *
 * Returns: (transfer full): the payload object, or %NULL with %TARMAC_SYNC_ERROR_MALFORMED,
 *   %TARMAC_SYNC_ERROR_TOO_LARGE, %TARMAC_SYNC_ERROR_UNKNOWN_DEVICE or
 *   %TARMAC_SYNC_ERROR_BAD_SIGNATURE
 */
JsonNode *
tarmac_bundle_open (const char           *data,
                    gsize                 length,
                    TarmacBundleKeyFunc   lookup,
                    gpointer              user_data,
                    char                **signer,
                    GError              **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GByteArray) message = NULL;
  g_autoptr(JsonNode) result = NULL;
  JsonObject *object;
  const char *who, *payload64, *sig64;
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];

  root = tarmac_sync_json_parse (data, length, (gsize) TARMAC_BUNDLE_MAX_BYTES, 4, error);
  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root)
      || json_object_get_int_member_with_default (json_node_get_object (root), "tarmac_bundle", 0) != 1)
    goto malformed;

  object = json_node_get_object (root);
  who = string_member (object, "signer");
  payload64 = string_member (object, "payload");
  sig64 = string_member (object, "sig");
  if (who == NULL || payload64 == NULL || sig64 == NULL)
    goto malformed;

  payload = decode_strict (payload64, (gsize) TARMAC_BUNDLE_MAX_BYTES);
  signature = decode_strict (sig64, crypto_sign_BYTES);
  if (payload == NULL || signature == NULL || g_bytes_get_size (signature) != crypto_sign_BYTES)
    goto malformed;

  if (!lookup (user_data, who, public_key))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_UNKNOWN_DEVICE,
                   _("The bundle was signed by %s, which is not an active device of the network"),
                   who);
      return NULL;
    }

  message = signed_message (g_bytes_get_data (payload, NULL), g_bytes_get_size (payload));
  if (crypto_sign_verify_detached (g_bytes_get_data (signature, NULL), message->data, message->len,
                                   public_key) != 0)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_BAD_SIGNATURE,
                   _("The bundle was altered: its signature does not match"));
      return NULL;
    }

  result = tarmac_sync_json_parse (g_bytes_get_data (payload, NULL), g_bytes_get_size (payload),
                                   (gsize) TARMAC_BUNDLE_MAX_BYTES, 8, error);
  if (result == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (result)
      || json_object_get_int_member_with_default (json_node_get_object (result), "v", 0) != 1
      || json_object_get_member (json_node_get_object (result), "changes") == NULL
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (result), "changes"))
      || json_array_get_length (json_object_get_array_member (json_node_get_object (result), "changes"))
         > TARMAC_BUNDLE_MAX_CHANGES)
    goto malformed;

  /* What the readers take for granted: changes are objects, the routing fields strings. */
  {
    JsonObject *payload_object = json_node_get_object (result);
    JsonArray *changes = json_object_get_array_member (payload_object, "changes");
    const char * const fields[] = { "from", "site", "lane" };
    const char * const numbers[] = { "since", "next", "created_at" };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      if (json_object_get_member (payload_object, fields[i]) != NULL
          && string_member (payload_object, fields[i]) == NULL)
        goto malformed;
    for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
      if (!int_member_ok (payload_object, numbers[i]))
        goto malformed;
    for (guint i = 0; i < json_array_get_length (changes); i++)
      {
        JsonNode *change = json_array_get_element (changes, i);
        JsonNode *env;

        if (!JSON_NODE_HOLDS_OBJECT (change)
            || !int_member_ok (json_node_get_object (change), "seq")
            || (env = json_object_get_member (json_node_get_object (change), "env")) == NULL
            || !JSON_NODE_HOLDS_OBJECT (env))
          goto malformed;
      }
  }

  if (signer != NULL)
    *signer = g_strdup (who);
  return g_steal_pointer (&result);

malformed:
  g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
               _("Not a Tarmac bundle, or a damaged one"));
  return NULL;
}

/**
 * tarmac_bundle_read_file:
 *
 * Reads a bundle file, refusing one larger than %TARMAC_BUNDLE_MAX_BYTES before reading it.
 */
gboolean
tarmac_bundle_read_file (const char  *path,
                         char       **contents,
                         gsize       *length,
                         GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            &local_error);
  if (info == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", path, local_error->message);
      return FALSE;
    }
  if (g_file_info_get_size (info) > TARMAC_BUNDLE_MAX_BYTES)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_TOO_LARGE,
                   _("%s: a bundle larger than %lld bytes"), path, (long long) TARMAC_BUNDLE_MAX_BYTES);
      return FALSE;
    }

  if (!g_file_get_contents (path, contents, length, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s", local_error->message);
      return FALSE;
    }

  return TRUE;
}
