/* tarmac-hub-tls.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-hub-tls"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <sodium.h>
#include <string.h>

#include "tarmac-hub-tls.h"

/* The hub's own TLS certificate: self-signed (ECDSA P-256, SHA-256, 10 years), for the
 * names and addresses it is reached by. Clients do not trust it through a CA: they pin
 * its SHA-256 fingerprint, which the officer compares by phone at enrolment
 * (research/sync.md §3.4). GnuTLS is what glib-networking uses on Debian 12. */

static gboolean
gnutls_failed (int      rc,
               GError **error)
{
  if (rc >= 0)
    return FALSE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make the TLS certificate: %s"),
               gnutls_strerror (rc));
  return TRUE;
}

/**
 * tarmac_hub_tls_generate:
 * @names: host names and IP addresses for the certificate
 * @cert_pem: (out): the certificate, PEM
 * @key_pem: (out): its private key, PEM (PKCS #8), in memory that is wiped when the
 *   bytes go: the caller seals it (tarmac-hub-kek.c), it never reaches the disk in clear
 */
gboolean
tarmac_hub_tls_generate (const char * const  *names,
                         GBytes             **cert_pem_out,
                         GBytes             **key_pem_out,
                         GError             **error)
{
  gnutls_x509_privkey_t key = NULL;
  gnutls_x509_crt_t crt = NULL;
  gnutls_datum_t cert_pem = { NULL, 0 };
  gnutls_datum_t key_pem = { NULL, 0 };
  guint8 serial[16];
  time_t now = time (NULL);
  gboolean ok = FALSE;

  randombytes_buf (serial, sizeof serial);
  serial[0] &= 0x7f;

  if (gnutls_failed (gnutls_x509_privkey_init (&key), error)
      || gnutls_failed (gnutls_x509_privkey_generate (key, GNUTLS_PK_ECDSA,
                                                      GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1), 0), error)
      || gnutls_failed (gnutls_x509_crt_init (&crt), error)
      || gnutls_failed (gnutls_x509_crt_set_version (crt, 3), error)
      || gnutls_failed (gnutls_x509_crt_set_serial (crt, serial, sizeof serial), error)
      || gnutls_failed (gnutls_x509_crt_set_activation_time (crt, now - 3600), error)
      || gnutls_failed (gnutls_x509_crt_set_expiration_time (crt, now + 10 * 365 * 24 * 3600), error)
      || gnutls_failed (gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0,
                                                       "tarmac-hub", strlen ("tarmac-hub")), error)
      || gnutls_failed (gnutls_x509_crt_set_key (crt, key), error)
      || gnutls_failed (gnutls_x509_crt_set_basic_constraints (crt, 0, -1), error)
      || gnutls_failed (gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE), error)
      || gnutls_failed (gnutls_x509_crt_set_key_purpose_oid (crt, GNUTLS_KP_TLS_WWW_SERVER, 0), error))
    goto out;

  for (gsize i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(GInetAddress) address = g_inet_address_new_from_string (names[i]);
      int rc;

      if (address != NULL)
        rc = gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_IPADDRESS,
                                                   g_inet_address_to_bytes (address),
                                                   g_inet_address_get_native_size (address),
                                                   GNUTLS_FSAN_APPEND);
      else
        rc = gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_DNSNAME, names[i],
                                                   strlen (names[i]), GNUTLS_FSAN_APPEND);
      if (gnutls_failed (rc, error))
        goto out;
    }

  if (gnutls_failed (gnutls_x509_crt_sign2 (crt, crt, key, GNUTLS_DIG_SHA256, 0), error)
      || gnutls_failed (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &cert_pem), error)
      || gnutls_failed (gnutls_x509_privkey_export2_pkcs8 (key, GNUTLS_X509_FMT_PEM, NULL,
                                                           GNUTLS_PKCS_PLAIN, &key_pem), error))
    goto out;

  {
    guint8 *key_copy = sodium_malloc (key_pem.size);

    if (key_copy == NULL)
      g_error ("Out of locked memory for keys");
    memcpy (key_copy, key_pem.data, key_pem.size);
    *key_pem_out = g_bytes_new_with_free_func (key_copy, key_pem.size, sodium_free, key_copy);
    *cert_pem_out = g_bytes_new (cert_pem.data, cert_pem.size);
    ok = TRUE;
  }

out:
  if (key_pem.data != NULL)
    {
      sodium_memzero (key_pem.data, key_pem.size);
      gnutls_free (key_pem.data);
    }
  gnutls_free (cert_pem.data);
  if (crt != NULL)
    gnutls_x509_crt_deinit (crt);
  if (key != NULL)
    gnutls_x509_privkey_deinit (key);
  return ok;
}
