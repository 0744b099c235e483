/* tarmac-sync-tls.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sync-tls"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

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

static gboolean
capture_certificate_cb (SoupMessage          *msg,
                        GTlsCertificate      *certificate,
                        GTlsCertificateFlags  errors,
                        gpointer              user_data)
{
  GTlsCertificate **captured = user_data;

  g_set_object (captured, certificate);
  /* Nothing is sent to a hub nobody has checked yet: the handshake stops here. */
  return FALSE;
}

/**
 * tarmac_sync_tls_probe_fingerprint:
 * @hub_url: "https://host:port"
 *
 * Connects to the hub and reads its certificate's fingerprint, for the officer to compare
 * with the one its administrator reads out before enrolling (Preferences → Network). The
 * handshake is not completed and no request is sent.
 *
 * Returns: (transfer full): the fingerprint (tarmac_sync_tls_fingerprint()), or %NULL
 *   with @error set
 */
char *
tarmac_sync_tls_probe_fingerprint (const char    *hub_url,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *target = NULL;
  GTlsCertificate *peer;

  g_return_val_if_fail (hub_url != NULL, NULL);

  uri = g_uri_parse (hub_url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_strcmp0 (g_uri_get_scheme (uri), "https") != 0
      || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A hub address looks like https://hub.example.org:8443"));
      return NULL;
    }

  target = g_strconcat (hub_url, g_str_has_suffix (hub_url, "/") ? "" : "/", "v1/hello", NULL);
  msg = soup_message_new ("GET", target);
  if (msg == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A hub address looks like https://hub.example.org:8443"));
      return NULL;
    }

  session = soup_session_new_with_options ("timeout", 20, "user-agent", "tarmac/" PACKAGE_VERSION,
                                           NULL);
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (capture_certificate_cb), &certificate);
  body = soup_session_send_and_read (session, msg, cancellable, &local_error);

  /* A certificate from a CA the system trusts (a hub behind nginx) is not offered to
   * accept-certificate: the handshake completed, and the peer is on the message. */
  peer = soup_message_get_tls_peer_certificate (msg);
  if (certificate == NULL && peer != NULL)
    certificate = g_object_ref (peer);

  if (certificate == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, G_TLS_ERROR, G_TLS_ERROR_NOT_TLS,
                     _("The hub did not present a certificate"));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return tarmac_sync_tls_fingerprint (certificate);
}

static void
probe_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  GError *error = NULL;
  char *fingerprint;

  g_main_context_push_thread_default (context);
  fingerprint = tarmac_sync_tls_probe_fingerprint (task_data, cancellable, &error);
  g_main_context_pop_thread_default (context);

  if (fingerprint == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, fingerprint, g_free);
}

/* tarmac_sync_tls_probe_fingerprint() in a thread. */
void
tarmac_sync_tls_probe_fingerprint_async (const char          *hub_url,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (hub_url != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tarmac_sync_tls_probe_fingerprint_async);
  g_task_set_task_data (task, g_strstrip (g_strdup (hub_url)), g_free);
  g_task_run_in_thread (task, probe_thread);
}

/* Returns: (transfer full): the fingerprint, or %NULL with @error set */
char *
tarmac_sync_tls_probe_fingerprint_finish (GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
