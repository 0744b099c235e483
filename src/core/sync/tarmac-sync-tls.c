/* tarmac-sync-tls.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sync-tls"

#include "config.h"

#include "tarmac-sync-tls.h"

/* The hub's certificate is self-signed; clients pin its fingerprint, read out by
 * `tarmac-hub init` and compared by phone at enrolment. */

/**
 * tarmac_sync_tls_fingerprint:
 *
 * Returns: (transfer full): the SHA-256 of the certificate's DER, as upper-case hex pairs
 *   separated by colons (what `openssl x509 -noout -fingerprint -sha256` prints)
 */
char *
tarmac_sync_tls_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  GString *out = g_string_new (NULL);
  guint8 digest[32];
  gsize length = sizeof digest;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  g_checksum_update (checksum, der->data, der->len);
  g_checksum_get_digest (checksum, digest, &length);
  for (gsize i = 0; i < length; i++)
    g_string_append_printf (out, "%s%02X", i > 0 ? ":" : "", digest[i]);

  return g_string_free (out, FALSE);
}

/* Compares two fingerprints ignoring case and separators (":", " "), so one typed from a
 * phone call matches. */
gboolean
tarmac_sync_tls_fingerprint_equal (const char *a,
                                   const char *b)
{
  GString *x, *y;
  gboolean equal;

  if (a == NULL || b == NULL)
    return FALSE;

  x = g_string_new (NULL);
  y = g_string_new (NULL);
  for (const char *p = a; *p; p++)
    if (g_ascii_isxdigit (*p))
      g_string_append_c (x, g_ascii_toupper (*p));
  for (const char *p = b; *p; p++)
    if (g_ascii_isxdigit (*p))
      g_string_append_c (y, g_ascii_toupper (*p));

  equal = x->len == 64 && g_str_equal (x->str, y->str);
  g_string_free (x, TRUE);
  g_string_free (y, TRUE);
  return equal;
}
