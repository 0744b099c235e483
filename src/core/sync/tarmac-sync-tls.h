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

G_END_DECLS
