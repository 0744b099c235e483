/* tarmac-sync-tls.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *tarmac_sync_tls_fingerprint       (GTlsCertificate *certificate);
gboolean  tarmac_sync_tls_fingerprint_equal (const char      *a,
                                             const char      *b);
char     *tarmac_sync_tls_probe_fingerprint (const char      *hub_url,
                                             GCancellable    *cancellable,
                                             GError         **error);
void      tarmac_sync_tls_probe_fingerprint_async  (const char          *hub_url,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
char     *tarmac_sync_tls_probe_fingerprint_finish (GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
