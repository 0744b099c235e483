/* tarmac-envelope.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-envelope"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "tarmac-envelope.h"
#include "tarmac-envelope-private.h"
#include "tarmac-hlc.h"
#include "tarmac-sync-error.h"
#include "tarmac-sync-json.h"

/* One immutable version of a shared record, as it travels and as it is stored
 * (research/sync.md §3.2, §4.5):
 *
 *   h  the header: compact JSON written once by the author, signed, not encrypted, so the
 *      hub can route and check it without reading the body;
 *   c  the body (zlib, then XChaCha20-Poly1305 under a fresh 32-byte key K, with h as
 *      associated data, so a ciphertext cannot be moved under another header);
 *   s  Ed25519 over  "tarmac-envelope-v1" ‖ u32be(len h) ‖ h ‖ c  — the length keeps the
 *      boundary between h and c fixed;
 *   w  K sealed (crypto_box_seal) to each recipient site's box key and to the origin's.
 *      Not signed: a swapped wrap yields a key that fails the commitment or the AEAD, and
 *      the hub can hand each site its own wrap only.
 *
 * The header carries key_commit = BLAKE2b-256 keyed with K over a fixed label: Poly1305
 * is not key-committing, and without it an author could craft a ciphertext that opens to
 * different texts under the keys given to different sites.
 *
 * version_id = BLAKE2b-256 of the signed message, in hex: the de-duplication and replay
 * key. Nothing is ever re-serialised: h, c and s are kept as the exact bytes received.
 *
 * Everything parsed here may come from a hostile peer: sizes are capped before decoding,
 * base64 is decoded strictly, and every header field is type-checked. */

#define DOMAIN          "tarmac-envelope-v1"
#define COMMIT_LABEL    "tarmac-key-commit-v1"
#define KEY_BYTES       crypto_aead_xchacha20poly1305_ietf_KEYBYTES
#define NONCE_BYTES     crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_BYTES       crypto_aead_xchacha20poly1305_ietf_ABYTES
#define COMMIT_BYTES    32
#define ID_BYTES        32
#define HEADER_VERSION  1
#define MAX_TEXT_FIELD  128

struct _TarmacEnvelope
{
  GObject              parent_instance;

  /* The exact bytes */
  GBytes              *header;
  GBytes              *ciphertext;
  GBytes              *signature;
  GHashTable          *wraps;          /* site code → GBytes */

  /* Parsed from the header */
  char                *version_id;
  char                *kind;
  char                *record_id;
  char                *origin_site;
  char                *origin_device;
  char                *author;
  guint64              device_seq;
  guint64              hlc;
  char                *prev_version;
  char                *ref_record_id;
  GStrv                recipients;
  TarmacNotePriority   priority;
  gint64               expires_at;
  gboolean             deleted;
  guint8               nonce[NONCE_BYTES];
  guint8               key_commit[COMMIT_BYTES];
};

G_DEFINE_FINAL_TYPE (TarmacEnvelope, tarmac_envelope, G_TYPE_OBJECT)

static const char * const kinds[] = { "note", "alert", "lookout", "comment", "ack", "hit", NULL };
static const char * const priorities[] = { "routine", "priority", "urgent", NULL };

G_STATIC_ASSERT (TARMAC_NOTE_PRIORITY_ROUTINE == 0);
G_STATIC_ASSERT (TARMAC_NOTE_PRIORITY_URGENT == 2);

static GError *
malformed (const char *what)
{
  return g_error_new (TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                      _("Malformed envelope: %s"), what);
}

static gboolean
is_hex_id (const char *text)
{
  if (text == NULL || strlen (text) != 2 * ID_BYTES)
    return FALSE;

  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;

  return TRUE;
}

/**
 * tarmac_envelope_is_site_code:
 *
 * Whether @code can name a site: 2 to 8 capital letters or digits (an IATA code "DKR", or
 * a longer code for a site that is not an airport).
 */
gboolean
tarmac_envelope_is_site_code (const char *code)
{
  gsize length;

  if (code == NULL)
    return FALSE;

  length = strlen (code);
  if (length < 2 || length > 8)
    return FALSE;

  for (const char *p = code; *p; p++)
    if (!g_ascii_isupper (*p) && !g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/**
 * tarmac_envelope_new_record_id:
 *
 * A new record id: a UUID version 7 (48 bits of Unix milliseconds, then random bits), made
 * offline and ordered by time, so indexes on it stay compact.
 */
char *
tarmac_envelope_new_record_id (void)
{
  guint8 b[16];
  guint64 ms = (guint64) (g_get_real_time () / 1000);

  randombytes_buf (b, sizeof b);
  for (int i = 0; i < 6; i++)
    b[i] = (guint8) (ms >> (8 * (5 - i)));
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                          b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

static char *
to_base64 (const guint8 *data,
           gsize         length)
{
  gsize size = sodium_base64_ENCODED_LEN (length, sodium_base64_VARIANT_ORIGINAL);
  char *out = g_malloc (size);

  sodium_bin2base64 (out, size, data, length, sodium_base64_VARIANT_ORIGINAL);
  return out;
}

/* Strict: padding required, no whitespace, nothing after; at most @max_bytes decoded. */
static GBytes *
from_base64 (const char *text,
             gsize       max_bytes)
{
  gsize text_length = strlen (text);
  gsize capacity = text_length / 4 * 3 + 3;
  g_autofree guint8 *out = NULL;
  const char *end = NULL;
  size_t length = 0;

  /* Padding takes at most 2 bytes off the 3 of each final group. */
  if (text_length / 4 * 3 > max_bytes + 2)
    return NULL;

  out = g_malloc (capacity);
  if (sodium_base642bin (out, capacity, text, text_length, NULL, &length, &end,
                         sodium_base64_VARIANT_ORIGINAL) != 0
      || end != text + text_length
      || length > max_bytes)
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&out), length);
}

static void
append_u32be (GByteArray *array,
              guint32     value)
{
  guint8 b[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (array, b, sizeof b);
}

static GByteArray *
signed_message (GBytes *header,
                GBytes *ciphertext)
{
  GByteArray *message = g_byte_array_new ();
  gsize hlen, clen;
  const guint8 *h = g_bytes_get_data (header, &hlen);
  const guint8 *c = g_bytes_get_data (ciphertext, &clen);

  g_byte_array_append (message, (const guint8 *) DOMAIN, strlen (DOMAIN));
  append_u32be (message, (guint32) hlen);
  g_byte_array_append (message, h, hlen);
  g_byte_array_append (message, c, clen);
  return message;
}

static void
compute_commit (const guint8 *key,
                guint8       *commit)
{
  crypto_generichash (commit, COMMIT_BYTES, (const guint8 *) COMMIT_LABEL,
                      strlen (COMMIT_LABEL), key, KEY_BYTES);
}

/* Runs @converter over all of @data, refusing output larger than @max_out. */
static GBytes *
convert_all (GConverter    *converter,
             const guint8  *data,
             gsize          length,
             gsize          max_out,
             GError       **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 buffer[16 * 1024];
  gsize read_total = 0;

  for (;;)
    {
      gsize bytes_read = 0;
      gsize bytes_written = 0;
      GConverterResult result;

      result = g_converter_convert (converter, data + read_total, length - read_total,
                                    buffer, sizeof buffer, G_CONVERTER_INPUT_AT_END,
                                    &bytes_read, &bytes_written, error);
      if (result == G_CONVERTER_ERROR)
        return NULL;

      read_total += bytes_read;
      if (out->len + bytes_written > max_out)
        {
          g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_TOO_LARGE,
                       _("A record body larger than %zu bytes"), (size_t) max_out);
          return NULL;
        }
      g_byte_array_append (out, buffer, bytes_written);

      if (result == G_CONVERTER_FINISHED)
        break;

      if (bytes_read == 0 && bytes_written == 0)
        {
          g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                       _("A record body that ends too soon"));
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static GBytes *
build_header (const TarmacEnvelopeDraft *draft,
              const char                *origin_device,
              const guint8              *nonce,
              const guint8              *commit)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *nonce64 = to_base64 (nonce, NONCE_BYTES);
  g_autofree char *commit64 = to_base64 (commit, COMMIT_BYTES);
  gsize length = 0;
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "v");
  json_builder_add_int_value (builder, HEADER_VERSION);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, draft->kind);
  json_builder_set_member_name (builder, "record_id");
  json_builder_add_string_value (builder, draft->record_id);
  json_builder_set_member_name (builder, "origin_site");
  json_builder_add_string_value (builder, draft->origin_site);
  json_builder_set_member_name (builder, "origin_device");
  json_builder_add_string_value (builder, origin_device);
  json_builder_set_member_name (builder, "author");
  json_builder_add_string_value (builder, draft->author);
  json_builder_set_member_name (builder, "device_seq");
  json_builder_add_int_value (builder, (gint64) draft->device_seq);
  json_builder_set_member_name (builder, "hlc");
  json_builder_add_int_value (builder, (gint64) draft->hlc);
  json_builder_set_member_name (builder, "prev_version");
  if (draft->prev_version != NULL)
    json_builder_add_string_value (builder, draft->prev_version);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "ref_record_id");
  if (draft->ref_record_id != NULL)
    json_builder_add_string_value (builder, draft->ref_record_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "recipients");
  json_builder_begin_array (builder);
  for (gsize i = 0; draft->recipients != NULL && draft->recipients[i] != NULL; i++)
    json_builder_add_string_value (builder, draft->recipients[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "priority");
  json_builder_add_string_value (builder, priorities[draft->priority]);
  json_builder_set_member_name (builder, "expires_at");
  if (draft->expires_at > 0)
    json_builder_add_int_value (builder, draft->expires_at);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "deleted");
  json_builder_add_boolean_value (builder, draft->deleted);
  json_builder_set_member_name (builder, "enc");
  json_builder_add_string_value (builder, "zlib");
  json_builder_set_member_name (builder, "nonce");
  json_builder_add_string_value (builder, nonce64);
  json_builder_set_member_name (builder, "key_commit");
  json_builder_add_string_value (builder, commit64);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

static void
tarmac_envelope_finalize (GObject *object)
{
  TarmacEnvelope *self = (TarmacEnvelope *) object;

  g_clear_pointer (&self->header, g_bytes_unref);
  g_clear_pointer (&self->ciphertext, g_bytes_unref);
  g_clear_pointer (&self->signature, g_bytes_unref);
  g_clear_pointer (&self->wraps, g_hash_table_unref);
  g_clear_pointer (&self->version_id, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->record_id, g_free);
  g_clear_pointer (&self->origin_site, g_free);
  g_clear_pointer (&self->origin_device, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->prev_version, g_free);
  g_clear_pointer (&self->ref_record_id, g_free);
  g_clear_pointer (&self->recipients, g_strfreev);

  G_OBJECT_CLASS (tarmac_envelope_parent_class)->finalize (object);
}

static void
tarmac_envelope_class_init (TarmacEnvelopeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_envelope_finalize;
}

static void
tarmac_envelope_init (TarmacEnvelope *self)
{
  self->wraps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_bytes_unref);
}

/* The helpers below return FALSE and set *error on the first bad field. */

static gboolean
get_string (JsonObject  *object,
            const char  *name,
            gboolean     nullable,
            char       **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *value;

  if (node != NULL && nullable && JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *what = g_strdup_printf ("\"%s\"", name);
      g_propagate_error (error, malformed (what));
      return FALSE;
    }

  value = json_node_get_string (node);
  if (strlen (value) > MAX_TEXT_FIELD)
    {
      g_autofree char *what = g_strdup_printf ("\"%s\"", name);
      g_propagate_error (error, malformed (what));
      return FALSE;
    }

  *out = g_strdup (value);
  return TRUE;
}

static gboolean
get_int (JsonObject  *object,
         const char  *name,
         gboolean     nullable,
         gint64       min,
         gint64      *out,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *out = 0;
      return TRUE;
    }

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64
      || json_node_get_int (node) < min)
    {
      g_autofree char *what = g_strdup_printf ("\"%s\"", name);
      g_propagate_error (error, malformed (what));
      return FALSE;
    }

  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
get_fixed (JsonObject  *object,
           const char  *name,
           guint8      *out,
           gsize        length,
           GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!get_string (object, name, FALSE, &text, error))
    return FALSE;

  bytes = from_base64 (text, length);
  if (bytes == NULL || g_bytes_get_size (bytes) != length)
    {
      g_autofree char *what = g_strdup_printf ("\"%s\"", name);
      g_propagate_error (error, malformed (what));
      return FALSE;
    }

  memcpy (out, g_bytes_get_data (bytes, NULL), length);
  return TRUE;
}

static gboolean
parse_recipients (TarmacEnvelope  *self,
                  JsonObject      *object,
                  GError         **error)
{
  JsonNode *node = json_object_get_member (object, "recipients");
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array;
  guint length;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_propagate_error (error, malformed ("\"recipients\""));
      return FALSE;
    }

  array = json_node_get_array (node);
  length = json_array_get_length (array);
  if (length > TARMAC_ENVELOPE_MAX_RECIPIENTS)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_TOO_LARGE,
                   _("More than %d recipients"), TARMAC_ENVELOPE_MAX_RECIPIENTS);
      return FALSE;
    }

  for (guint i = 0; i < length; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const char *site;

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        {
          g_propagate_error (error, malformed ("\"recipients\""));
          return FALSE;
        }

      site = json_node_get_string (item);
      if (!tarmac_envelope_is_site_code (site)
          || g_strcmp0 (site, self->origin_site) == 0
          || g_ptr_array_find_with_equal_func (sites, site, g_str_equal, NULL))
        {
          g_propagate_error (error, malformed ("\"recipients\""));
          return FALSE;
        }

      g_ptr_array_add (sites, g_strdup (site));
    }

  g_ptr_array_add (sites, NULL);
  self->recipients = (GStrv) g_ptr_array_free (g_steal_pointer (&sites), FALSE);
  return TRUE;
}

static gboolean
parse_header (TarmacEnvelope  *self,
              GError         **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *priority = NULL;
  JsonObject *object;
  JsonNode *deleted;
  gsize length = 0;
  const char *data = g_bytes_get_data (self->header, &length);
  gint64 version = 0, device_seq = 0, hlc = 0, expires_at = 0;
  gint found;

  root = tarmac_sync_json_parse (data, length, TARMAC_ENVELOPE_MAX_HEADER, 4, error);
  if (root == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_propagate_error (error, malformed (_("the header is not an object")));
      return FALSE;
    }
  object = json_node_get_object (root);

  if (!get_int (object, "v", FALSE, 1, &version, error))
    return FALSE;
  if (version != HEADER_VERSION)
    {
      g_propagate_error (error, malformed (_("an unknown header version")));
      return FALSE;
    }

  if (!get_string (object, "kind", FALSE, &self->kind, error)
      || !get_string (object, "record_id", FALSE, &self->record_id, error)
      || !get_string (object, "origin_site", FALSE, &self->origin_site, error)
      || !get_string (object, "origin_device", FALSE, &self->origin_device, error)
      || !get_string (object, "author", FALSE, &self->author, error)
      || !get_int (object, "device_seq", FALSE, 1, &device_seq, error)
      || !get_int (object, "hlc", FALSE, 1, &hlc, error)
      || !get_string (object, "prev_version", TRUE, &self->prev_version, error)
      || !get_string (object, "ref_record_id", TRUE, &self->ref_record_id, error)
      || !get_string (object, "priority", FALSE, &priority, error)
      || !get_int (object, "expires_at", TRUE, 1, &expires_at, error)
      || !get_fixed (object, "nonce", self->nonce, NONCE_BYTES, error)
      || !get_fixed (object, "key_commit", self->key_commit, COMMIT_BYTES, error))
    return FALSE;

  if (!g_strv_contains (kinds, self->kind))
    {
      g_propagate_error (error, malformed ("\"kind\""));
      return FALSE;
    }
  if (!g_uuid_string_is_valid (self->record_id))
    {
      g_propagate_error (error, malformed ("\"record_id\""));
      return FALSE;
    }
  if (!tarmac_envelope_is_site_code (self->origin_site))
    {
      g_propagate_error (error, malformed ("\"origin_site\""));
      return FALSE;
    }
  if (!g_uuid_string_is_valid (self->origin_device))
    {
      g_propagate_error (error, malformed ("\"origin_device\""));
      return FALSE;
    }
  if (self->prev_version != NULL && !is_hex_id (self->prev_version))
    {
      g_propagate_error (error, malformed ("\"prev_version\""));
      return FALSE;
    }
  if (self->ref_record_id != NULL && !g_uuid_string_is_valid (self->ref_record_id))
    {
      g_propagate_error (error, malformed ("\"ref_record_id\""));
      return FALSE;
    }

  found = -1;
  for (int i = 0; priorities[i] != NULL; i++)
    if (g_str_equal (priority, priorities[i]))
      found = i;
  if (found < 0)
    {
      g_propagate_error (error, malformed ("\"priority\""));
      return FALSE;
    }
  self->priority = (TarmacNotePriority) found;

  deleted = json_object_get_member (object, "deleted");
  if (deleted == NULL || !JSON_NODE_HOLDS_VALUE (deleted)
      || json_node_get_value_type (deleted) != G_TYPE_BOOLEAN)
    {
      g_propagate_error (error, malformed ("\"deleted\""));
      return FALSE;
    }
  self->deleted = json_node_get_boolean (deleted);

  if (g_strcmp0 (json_object_get_string_member_with_default (object, "enc", ""), "zlib") != 0)
    {
      g_propagate_error (error, malformed ("\"enc\""));
      return FALSE;
    }

  self->device_seq = (guint64) device_seq;
  self->hlc = (guint64) hlc;
  self->expires_at = expires_at;

  if (!parse_recipients (self, object, error))
    return FALSE;

  /* A lookout names a person: only to named airports, and never for more than 90 days
   * from when it was written (research/sync.md §4.3, §4.8). */
  if (g_str_equal (self->kind, "lookout") && !self->deleted
      && (self->recipients[0] == NULL || self->expires_at <= TARMAC_HLC_MS (self->hlc)
          || self->expires_at - TARMAC_HLC_MS (self->hlc) > TARMAC_LOOKOUT_MAX_MS))
    {
      g_propagate_error (error, malformed (_("a lookout needs recipients and an expiry within 90 days")));
      return FALSE;
    }

  return TRUE;
}

/**
 * tarmac_envelope_new_from_parts:
 * @header: the signed header bytes
 * @ciphertext: the encrypted body
 * @signature: 64 bytes
 * @wraps: (nullable) (element-type utf8 GBytes): the sealed keys by site, copied
 *
 * An envelope from its stored or received parts. Checks sizes and the header's form, not
 * the signature (tarmac_envelope_verify_signature()).
 */
TarmacEnvelope *
tarmac_envelope_new_from_parts (GBytes      *header,
                                GBytes      *ciphertext,
                                GBytes      *signature,
                                GHashTable  *wraps,
                                GError     **error)
{
  g_autoptr(TarmacEnvelope) self = NULL;
  g_autoptr(GByteArray) message = NULL;
  guint8 id[ID_BYTES];
  char hex[2 * ID_BYTES + 1];

  g_return_val_if_fail (header != NULL && ciphertext != NULL && signature != NULL, NULL);

  if (g_bytes_get_size (header) > TARMAC_ENVELOPE_MAX_HEADER
      || g_bytes_get_size (ciphertext) > TARMAC_ENVELOPE_MAX_CIPHERTEXT)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_TOO_LARGE,
                   _("An envelope larger than allowed"));
      return NULL;
    }

  if (g_bytes_get_size (signature) != TARMAC_SYNC_SIGNATURE_BYTES
      || g_bytes_get_size (ciphertext) < TAG_BYTES)
    {
      g_propagate_error (error, malformed (_("a signature or ciphertext of the wrong size")));
      return NULL;
    }

  self = g_object_new (TARMAC_TYPE_ENVELOPE, NULL);
  self->header = g_bytes_ref (header);
  self->ciphertext = g_bytes_ref (ciphertext);
  self->signature = g_bytes_ref (signature);

  if (!parse_header (self, error))
    return NULL;

  if (wraps != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      if (g_hash_table_size (wraps) > TARMAC_ENVELOPE_MAX_RECIPIENTS + 1)
        {
          g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_TOO_LARGE,
                       _("More than %d recipients"), TARMAC_ENVELOPE_MAX_RECIPIENTS);
          return NULL;
        }

      g_hash_table_iter_init (&iter, wraps);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          if (!tarmac_envelope_is_visible_to (self, key)
              || g_bytes_get_size (value) != TARMAC_SYNC_WRAP_BYTES)
            {
              g_propagate_error (error, malformed (_("a key sealed to a site that is not a recipient")));
              return NULL;
            }
          g_hash_table_insert (self->wraps, g_strdup (key), g_bytes_ref (value));
        }
    }

  message = signed_message (header, ciphertext);
  crypto_generichash (id, sizeof id, message->data, message->len, NULL, 0);
  sodium_bin2hex (hex, sizeof hex, id, sizeof id);
  self->version_id = g_strdup (hex);

  return g_steal_pointer (&self);
}

TarmacEnvelope *
_tarmac_envelope_seal_fixed (const TarmacEnvelopeDraft  *draft,
                             GBytes                     *body,
                             TarmacDeviceKeys           *keys,
                             GHashTable                 *site_box_keys,
                             const guint8               *record_key,
                             const guint8               *nonce,
                             GError                    **error)
{
  g_autoptr(GZlibCompressor) compressor = NULL;
  g_autoptr(GBytes) compressed = NULL;
  g_autoptr(GBytes) header = NULL;
  g_autoptr(GBytes) ciphertext = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GByteArray) message = NULL;
  g_autoptr(GHashTable) wraps = NULL;
  guint8 commit[COMMIT_BYTES];
  guint8 *ct;
  guint8 *sig;
  unsigned long long ct_length = 0;
  gsize body_length = 0;
  const guint8 *body_data;
  const char *own_site;

  g_return_val_if_fail (draft != NULL, NULL);
  g_return_val_if_fail (TARMAC_IS_DEVICE_KEYS (keys), NULL);
  g_return_val_if_fail (draft->priority <= TARMAC_NOTE_PRIORITY_URGENT, NULL);

  own_site = draft->origin_site;
  body_data = body != NULL ? g_bytes_get_data (body, &body_length) : NULL;
  if (body_length > TARMAC_ENVELOPE_MAX_BODY)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_TOO_LARGE,
                   _("A record body larger than %zu bytes"), (size_t) TARMAC_ENVELOPE_MAX_BODY);
      return NULL;
    }

  /* The same rule parse_recipients() applies, checked before any key is looked up. */
  for (gsize i = 0; draft->recipients != NULL && draft->recipients[i] != NULL; i++)
    if (!tarmac_envelope_is_site_code (draft->recipients[i])
        || g_strcmp0 (draft->recipients[i], own_site) == 0)
      {
        g_propagate_error (error, malformed ("\"recipients\""));
        return NULL;
      }

  compute_commit (record_key, commit);
  header = build_header (draft, tarmac_device_keys_get_device_id (keys), nonce, commit);

  compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 6);
  compressed = convert_all (G_CONVERTER (compressor), body_data, body_length,
                            TARMAC_ENVELOPE_MAX_CIPHERTEXT - TAG_BYTES, error);
  if (compressed == NULL)
    return NULL;

  ct = g_malloc (g_bytes_get_size (compressed) + TAG_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt (ct, &ct_length,
                                              g_bytes_get_data (compressed, NULL),
                                              g_bytes_get_size (compressed),
                                              g_bytes_get_data (header, NULL),
                                              g_bytes_get_size (header),
                                              NULL, nonce, record_key);
  ciphertext = g_bytes_new_take (ct, ct_length);

  message = signed_message (header, ciphertext);
  sig = g_malloc (TARMAC_SYNC_SIGNATURE_BYTES);
  tarmac_device_keys_sign (keys, message->data, message->len, sig);
  signature = g_bytes_new_take (sig, TARMAC_SYNC_SIGNATURE_BYTES);

  /* The origin site's own wrap, so the other desks of the airport can read it too. */
  wraps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  for (gsize i = 0; ; i++)
    {
      const char *site = i == 0 ? own_site : draft->recipients ? draft->recipients[i - 1] : NULL;
      GBytes *box_key;
      const guint8 *pk;
      guint8 *wrap;

      if (site == NULL)
        break;

      box_key = site_box_keys != NULL ? g_hash_table_lookup (site_box_keys, site) : NULL;
      if (box_key != NULL && g_bytes_get_size (box_key) == TARMAC_SYNC_KEY_BYTES)
        pk = g_bytes_get_data (box_key, NULL);
      else if (i == 0)
        pk = tarmac_device_keys_get_site_box_pk (keys);
      else
        {
          g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_KEYS,
                       _("No encryption key is known for the site %s"), site);
          return NULL;
        }

      /* crypto_box_seal() refuses a key of small order (the shared secret would be
       * known) and then leaves all but the first 32 bytes unwritten: what the wrap
       * held before must not go to the hub. */
      wrap = g_malloc (TARMAC_SYNC_WRAP_BYTES);
      if (crypto_box_seal (wrap, record_key, KEY_BYTES, pk) != 0)
        {
          g_free (wrap);
          g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_KEYS,
                       _("The key of the site %s is not a valid key: nothing can be sealed to it"), site);
          return NULL;
        }
      g_hash_table_insert (wraps, g_strdup (site),
                           g_bytes_new_take (wrap, TARMAC_SYNC_WRAP_BYTES));
    }

  /* Parsing what we wrote checks the draft by the same rules a receiver applies. */
  return tarmac_envelope_new_from_parts (header, ciphertext, signature, wraps, error);
}

/**
 * tarmac_envelope_seal:
 * @draft: what the header states
 * @body: (nullable): the plaintext body (JSON), empty for a tombstone
 * @keys: the writing device's keys
 * @site_box_keys: (element-type utf8 GBytes): the box public key of every recipient site;
 *   the origin site's may be left out (the device holds it)
 *
 * Writes a new version: compresses and encrypts the body under a fresh key, signs, and
 * seals the key to each recipient site and to the origin site.
 *
 * Returns: (transfer full): the envelope, or %NULL with %TARMAC_SYNC_ERROR_KEYS when a
 *   recipient's key is unknown, %TARMAC_SYNC_ERROR_MALFORMED when the draft breaks a rule
 */
TarmacEnvelope *
tarmac_envelope_seal (const TarmacEnvelopeDraft  *draft,
                      GBytes                     *body,
                      TarmacDeviceKeys           *keys,
                      GHashTable                 *site_box_keys,
                      GError                    **error)
{
  guint8 *key = sodium_malloc (KEY_BYTES);
  guint8 nonce[NONCE_BYTES];
  TarmacEnvelope *envelope;

  if (key == NULL)
    g_error ("Out of locked memory for keys");

  crypto_aead_xchacha20poly1305_ietf_keygen (key);
  randombytes_buf (nonce, sizeof nonce);
  envelope = _tarmac_envelope_seal_fixed (draft, body, keys, site_box_keys, key, nonce, error);
  sodium_free (key);

  return envelope;
}

/**
 * tarmac_envelope_new_from_json:
 * @node: the wire form: {"h", "c", "s", "w"}
 *
 * Reads an envelope received from a peer.
 */
TarmacEnvelope *
tarmac_envelope_new_from_json (JsonNode  *node,
                               GError   **error)
{
  g_autoptr(GBytes) header = NULL;
  g_autoptr(GBytes) ciphertext = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GHashTable) wraps = NULL;
  JsonObject *object;
  JsonNode *w;
  const char *h64, *c64, *s64;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_propagate_error (error, malformed (_("not an object")));
      return NULL;
    }

  object = json_node_get_object (node);
  h64 = json_object_get_string_member_with_default (object, "h", NULL);
  c64 = json_object_get_string_member_with_default (object, "c", NULL);
  s64 = json_object_get_string_member_with_default (object, "s", NULL);
  if (h64 == NULL || c64 == NULL || s64 == NULL)
    {
      g_propagate_error (error, malformed (_("\"h\", \"c\" or \"s\" missing")));
      return NULL;
    }

  header = from_base64 (h64, TARMAC_ENVELOPE_MAX_HEADER);
  ciphertext = from_base64 (c64, TARMAC_ENVELOPE_MAX_CIPHERTEXT);
  signature = from_base64 (s64, TARMAC_SYNC_SIGNATURE_BYTES);
  if (header == NULL || ciphertext == NULL || signature == NULL)
    {
      g_propagate_error (error, malformed (_("bad or oversized base64")));
      return NULL;
    }

  wraps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  w = json_object_get_member (object, "w");
  if (w != NULL)
    {
      JsonObject *wrap_object;
      g_autoptr(GList) members = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (w))
        {
          g_propagate_error (error, malformed ("\"w\""));
          return NULL;
        }

      wrap_object = json_node_get_object (w);
      if (json_object_get_size (wrap_object) > TARMAC_ENVELOPE_MAX_RECIPIENTS + 1)
        {
          g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_TOO_LARGE,
                       _("More than %d recipients"), TARMAC_ENVELOPE_MAX_RECIPIENTS);
          return NULL;
        }

      members = json_object_get_members (wrap_object);
      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *site = l->data;
          const char *wrap64 = json_object_get_string_member_with_default (wrap_object, site, NULL);
          GBytes *wrap = wrap64 != NULL ? from_base64 (wrap64, TARMAC_SYNC_WRAP_BYTES) : NULL;

          if (wrap == NULL || !tarmac_envelope_is_site_code (site))
            {
              g_clear_pointer (&wrap, g_bytes_unref);
              g_propagate_error (error, malformed ("\"w\""));
              return NULL;
            }
          g_hash_table_insert (wraps, g_strdup (site), wrap);
        }
    }

  return tarmac_envelope_new_from_parts (header, ciphertext, signature, wraps, error);
}

/**
 * tarmac_envelope_new_from_data:
 *
 * Reads an envelope from JSON text, under the size and depth limits of untrusted input.
 */
TarmacEnvelope *
tarmac_envelope_new_from_data (const char  *data,
                               gsize        length,
                               GError     **error)
{
  g_autoptr(JsonNode) root = NULL;

  root = tarmac_sync_json_parse (data, length, TARMAC_ENVELOPE_MAX_JSON, 4, error);
  if (root == NULL)
    return NULL;

  return tarmac_envelope_new_from_json (root, error);
}

static void
add_base64_member (JsonBuilder *builder,
                   const char  *name,
                   GBytes      *bytes)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  g_autofree char *text = to_base64 (data, length);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

/**
 * tarmac_envelope_to_json:
 * @only_site: (nullable): keep only this site's wrap (what the hub sends it), or %NULL
 *   for all of them (what the author pushes)
 *
 * Returns: (transfer full): the wire form
 */
JsonNode *
tarmac_envelope_to_json (TarmacEnvelope *self,
                         const char     *only_site)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GList) sites = NULL;

  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), NULL);

  json_builder_begin_object (builder);
  add_base64_member (builder, "h", self->header);
  add_base64_member (builder, "c", self->ciphertext);
  add_base64_member (builder, "s", self->signature);
  json_builder_set_member_name (builder, "w");
  json_builder_begin_object (builder);
  sites = g_hash_table_get_keys (self->wraps);
  sites = g_list_sort (sites, (GCompareFunc) g_strcmp0);
  for (GList *l = sites; l != NULL; l = l->next)
    if (only_site == NULL || g_str_equal (only_site, l->data))
      add_base64_member (builder, l->data, g_hash_table_lookup (self->wraps, l->data));
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * tarmac_envelope_to_data:
 * @only_site: (nullable): as for tarmac_envelope_to_json()
 *
 * Returns: (transfer full): the wire form as compact JSON text
 */
char *
tarmac_envelope_to_data (TarmacEnvelope *self,
                         const char     *only_site)
{
  g_autoptr(JsonNode) root = tarmac_envelope_to_json (self, only_site);

  return json_to_string (root, FALSE);
}

/**
 * tarmac_envelope_verify_signature:
 * @sign_pk: the Ed25519 public key the roster lists for the origin device
 *
 * Checks that the origin device signed exactly these header and ciphertext bytes. A
 * version altered in any byte, or signed again by another key, is refused with
 * %TARMAC_SYNC_ERROR_BAD_SIGNATURE.
 */
gboolean
tarmac_envelope_verify_signature (TarmacEnvelope  *self,
                                  const guint8    *sign_pk,
                                  GError         **error)
{
  g_autoptr(GByteArray) message = NULL;

  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), FALSE);
  g_return_val_if_fail (sign_pk != NULL, FALSE);

  message = signed_message (self->header, self->ciphertext);
  if (crypto_sign_verify_detached (g_bytes_get_data (self->signature, NULL),
                                   message->data, message->len, sign_pk) != 0)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_BAD_SIGNATURE,
                   _("The signature of version %.12s does not match its device %s"),
                   self->version_id, self->origin_device);
      return FALSE;
    }

  return TRUE;
}

/**
 * tarmac_envelope_open:
 * @site: the reading site
 * @keys: the reading device's keys (its site key opens the wrap)
 *
 * Decrypts the body. The signature must have been checked first: this only proves that
 * the key was sealed to @site, that it is the key the author committed to, and that the
 * ciphertext belongs to this header.
 *
 * Returns: (transfer full): the plaintext body, or %NULL with %TARMAC_SYNC_ERROR_NOT_RECIPIENT
 *   (no key for @site) or %TARMAC_SYNC_ERROR_TAMPERED
 */
GBytes *
tarmac_envelope_open (TarmacEnvelope    *self,
                      const char        *site,
                      TarmacDeviceKeys  *keys,
                      GError           **error)
{
  g_autoptr(GZlibDecompressor) decompressor = NULL;
  guint8 *key = NULL;
  guint8 commit[COMMIT_BYTES];
  g_autofree guint8 *plain = NULL;
  unsigned long long plain_length = 0;
  GBytes *wrap;
  gsize wrap_length = 0;
  const guint8 *wrap_data;
  gboolean ok;

  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), NULL);
  g_return_val_if_fail (TARMAC_IS_DEVICE_KEYS (keys), NULL);

  wrap = tarmac_envelope_is_visible_to (self, site) ? g_hash_table_lookup (self->wraps, site) : NULL;
  if (wrap == NULL)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_NOT_RECIPIENT,
                   _("Version %.12s is not addressed to %s"), self->version_id, site);
      return NULL;
    }

  key = sodium_malloc (KEY_BYTES);
  if (key == NULL)
    g_error ("Out of locked memory for keys");

  wrap_data = g_bytes_get_data (wrap, &wrap_length);
  ok = tarmac_device_keys_open_site_wrap (keys, wrap_data, wrap_length, key, error);
  if (ok)
    {
      compute_commit (key, commit);
      ok = sodium_memcmp (commit, self->key_commit, COMMIT_BYTES) == 0;
      if (ok)
        {
          gsize ct_length = 0;
          const guint8 *ct = g_bytes_get_data (self->ciphertext, &ct_length);

          plain = g_malloc (ct_length);
          ok = crypto_aead_xchacha20poly1305_ietf_decrypt (plain, &plain_length, NULL,
                                                           ct, ct_length,
                                                           g_bytes_get_data (self->header, NULL),
                                                           g_bytes_get_size (self->header),
                                                           self->nonce, key) == 0;
        }

      if (!ok)
        g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_TAMPERED,
                     _("Version %.12s was altered: its body does not decrypt"), self->version_id);
    }
  sodium_free (key);

  if (!ok)
    return NULL;

  decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  return convert_all (G_CONVERTER (decompressor), plain, plain_length,
                      TARMAC_ENVELOPE_MAX_BODY, error);
}

/* The digest that names this version: 64 hexadecimal digits. */
const char *
tarmac_envelope_get_version_id (TarmacEnvelope *self)
{
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), NULL);
  return self->version_id;
}

const char *
tarmac_envelope_get_kind (TarmacEnvelope *self)
{
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), NULL);
  return self->kind;
}

const char *
tarmac_envelope_get_record_id (TarmacEnvelope *self)
{
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), NULL);
  return self->record_id;
}

const char *
tarmac_envelope_get_origin_site (TarmacEnvelope *self)
{
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), NULL);
  return self->origin_site;
}

const char *
tarmac_envelope_get_origin_device (TarmacEnvelope *self)
{
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), NULL);
  return self->origin_device;
}

const char *
tarmac_envelope_get_author (TarmacEnvelope *self)
{
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), NULL);
  return self->author;
}

guint64
tarmac_envelope_get_device_seq (TarmacEnvelope *self)
{
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), 0);
  return self->device_seq;
}

guint64
tarmac_envelope_get_hlc (TarmacEnvelope *self)
{
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), 0);
  return self->hlc;
}

const char *
tarmac_envelope_get_prev_version (TarmacEnvelope *self)
{
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), NULL);
  return self->prev_version;
}

const char *
tarmac_envelope_get_ref_record_id (TarmacEnvelope *self)
{
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), NULL);
  return self->ref_record_id;
}

/* The sites the author addressed, the origin site not included. */
const char * const *
tarmac_envelope_get_recipients (TarmacEnvelope *self)
{
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), NULL);
  return (const char * const *) self->recipients;
}

/* Visibility = recipients ∪ {origin site}, fixed by the signed header (sync.md §4.8). */
gboolean
tarmac_envelope_is_visible_to (TarmacEnvelope *self,
                               const char     *site)
{
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), FALSE);

  if (site == NULL)
    return FALSE;

  return g_str_equal (site, self->origin_site)
         || g_strv_contains ((const char * const *) self->recipients, site);
}

TarmacNotePriority
tarmac_envelope_get_priority (TarmacEnvelope *self)
{
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), TARMAC_NOTE_PRIORITY_ROUTINE);
  return self->priority;
}

/* Unix milliseconds, or 0 for a version that does not expire. */
gint64
tarmac_envelope_get_expires_at (TarmacEnvelope *self)
{
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), 0);
  return self->expires_at;
}

gboolean
tarmac_envelope_get_deleted (TarmacEnvelope *self)
{
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), FALSE);
  return self->deleted;
}

/* (transfer none) */
GBytes *
tarmac_envelope_get_header (TarmacEnvelope *self)
{
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), NULL);
  return self->header;
}

/* (transfer none) */
GBytes *
tarmac_envelope_get_ciphertext (TarmacEnvelope *self)
{
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), NULL);
  return self->ciphertext;
}

/* (transfer none) */
GBytes *
tarmac_envelope_get_signature (TarmacEnvelope *self)
{
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), NULL);
  return self->signature;
}

/* (transfer none) (nullable): the record key sealed to @site */
GBytes *
tarmac_envelope_get_wrap (TarmacEnvelope *self,
                          const char     *site)
{
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), NULL);
  return site != NULL ? g_hash_table_lookup (self->wraps, site) : NULL;
}

/* (transfer none) (element-type utf8 GBytes) */
GHashTable *
tarmac_envelope_get_wraps (TarmacEnvelope *self)
{
  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), NULL);
  return self->wraps;
}

/**
 * tarmac_envelope_steal_wrap:
 * @site: a site whose wrap the envelope carries
 *
 * Takes @site's wrap out of the envelope: what the hub gets then carries no key for
 * @site, which receives the version only once its wrap is added (PUT /v1/wraps). The
 * signed parts and the version id do not change: wraps are not signed.
 *
 * Returns: (transfer full) (nullable): the wrap, or %NULL if there was none
 */
GBytes *
tarmac_envelope_steal_wrap (TarmacEnvelope *self,
                            const char     *site)
{
  gpointer key = NULL, value = NULL;

  g_return_val_if_fail (TARMAC_IS_ENVELOPE (self), NULL);

  if (site == NULL || !g_hash_table_steal_extended (self->wraps, site, &key, &value))
    return NULL;

  g_free (key);
  return value;
}
