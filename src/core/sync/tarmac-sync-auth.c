/* tarmac-sync-auth.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sync-auth"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "tarmac-sync-auth.h"
#include "tarmac-sync-error.h"

/* How a device proves who it is to the hub: every request carries
 *
 *   X-Tarmac-Auth: device=<uuid>;ts=<unix ms>;sig=<base64>
 *
 * where sig is the device's Ed25519 signature over
 *
 *   "tarmac-request-v1\n" METHOD "\n" TARGET "\n" TS "\n" hex(BLAKE2b-256(body))
 *
 * TARGET being the path and query as sent. The hub looks the device up in its roster on
 * every request, so a revocation takes effect on the next request of a connection that
 * is already open. The time bounds replays to five minutes, and what could be replayed
 * is idempotent by design (a push of the same batch, a pull).
 *
 * This replaces the client certificates of research/sync.md §2.1 in this version: the
 * device's signing key is already in the roster, no CA or CSR is needed, and the same
 * header passes through nginx unchanged. The hub's own identity is its TLS certificate,
 * pinned by fingerprint at enrolment. */

#define DOMAIN "tarmac-request-v1\n"

static char *
message_for (const char   *method,
             const char   *target,
             gint64        ts,
             const guint8 *body,
             gsize         body_length)
{
  guint8 digest[32];
  char hex[65];

  crypto_generichash (digest, sizeof digest, body, body_length, NULL, 0);
  sodium_bin2hex (hex, sizeof hex, digest, sizeof digest);
  return g_strdup_printf (DOMAIN "%s\n%s\n%" G_GINT64_FORMAT "\n%s", method, target, ts, hex);
}

/**
 * tarmac_sync_auth_sign:
 * @keys: the device's keys
 * @method: "GET", "PUT"…
 * @target: the path and query, as sent
 * @now_ms: the time, Unix milliseconds (corrected by the learned offset)
 * @body: (nullable): the request body
 *
 * Returns: (transfer full): the value of the %TARMAC_SYNC_AUTH_HEADER header
 */
char *
tarmac_sync_auth_sign (TarmacDeviceKeys *keys,
                       const char       *method,
                       const char       *target,
                       gint64            now_ms,
                       const guint8     *body,
                       gsize             body_length)
{
  g_autofree char *message = message_for (method, target, now_ms, body, body_length);
  guint8 sig[TARMAC_SYNC_SIGNATURE_BYTES];
  char sig64[sodium_base64_ENCODED_LEN (TARMAC_SYNC_SIGNATURE_BYTES, sodium_base64_VARIANT_ORIGINAL)];

  g_return_val_if_fail (TARMAC_IS_DEVICE_KEYS (keys), NULL);

  tarmac_device_keys_sign (keys, (const guint8 *) message, strlen (message), sig);
  sodium_bin2base64 (sig64, sizeof sig64, sig, sizeof sig, sodium_base64_VARIANT_ORIGINAL);

  return g_strdup_printf ("device=%s;ts=%" G_GINT64_FORMAT ";sig=%s",
                          tarmac_device_keys_get_device_id (keys), now_ms, sig64);
}

static gboolean
split (const char  *header,
       char       **device,
       gint64      *ts,
       guint8      *sig)
{
  g_auto(GStrv) parts = NULL;
  size_t sig_length = 0;

  if (header == NULL || strlen (header) > 512)
    return FALSE;

  parts = g_strsplit (header, ";", 4);
  if (g_strv_length (parts) != 3
      || !g_str_has_prefix (parts[0], "device=")
      || !g_str_has_prefix (parts[1], "ts=")
      || !g_str_has_prefix (parts[2], "sig="))
    return FALSE;

  if (!g_uuid_string_is_valid (parts[0] + 7)
      || !g_ascii_string_to_signed (parts[1] + 3, 10, 0, G_MAXINT64, ts, NULL))
    return FALSE;

  if (sig != NULL
      && (sodium_base642bin (sig, TARMAC_SYNC_SIGNATURE_BYTES, parts[2] + 4, strlen (parts[2] + 4),
                             NULL, &sig_length, NULL, sodium_base64_VARIANT_ORIGINAL) != 0
          || sig_length != TARMAC_SYNC_SIGNATURE_BYTES))
    return FALSE;

  *device = g_strdup (parts[0] + 7);
  return TRUE;
}

/**
 * tarmac_sync_auth_parse:
 * @header: (nullable): the header's value
 *
 * Returns: (transfer full): the device id the request claims, or %NULL with
 *   %TARMAC_SYNC_ERROR_MALFORMED
 */
char *
tarmac_sync_auth_parse (const char  *header,
                        GError     **error)
{
  char *device = NULL;
  guint8 sig[TARMAC_SYNC_SIGNATURE_BYTES];
  gint64 ts = 0;

  if (!split (header, &device, &ts, sig))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("The request does not say which device sends it"));
      return NULL;
    }

  return device;
}

/**
 * tarmac_sync_auth_verify:
 * @sign_pk: the claimed device's key, from the roster
 * @now_ms: the hub's time
 *
 * Checks the signature and the time of a request.
 */
gboolean
tarmac_sync_auth_verify (const char    *header,
                         const char    *method,
                         const char    *target,
                         const guint8  *body,
                         gsize          body_length,
                         const guint8  *sign_pk,
                         gint64         now_ms,
                         GError       **error)
{
  g_autofree char *device = NULL;
  g_autofree char *message = NULL;
  guint8 sig[TARMAC_SYNC_SIGNATURE_BYTES];
  gint64 ts = 0;

  if (!split (header, &device, &ts, sig))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("The request does not say which device sends it"));
      return FALSE;
    }

  if (ts > now_ms + TARMAC_SYNC_AUTH_SKEW_MS || ts < now_ms - TARMAC_SYNC_AUTH_SKEW_MS)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_CLOCK_SKEW,
                   _("The request is dated %lld seconds away from the hub’s time"),
                   (long long) ((ts - now_ms) / 1000));
      return FALSE;
    }

  message = message_for (method, target, ts, body, body_length);
  if (crypto_sign_verify_detached (sig, (const guint8 *) message, strlen (message), sign_pk) != 0)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_BAD_SIGNATURE,
                   _("The request’s signature does not match device %s"), device);
      return FALSE;
    }

  return TRUE;
}
