/* tarmac-sync-auth.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tarmac-device-keys.h"

G_BEGIN_DECLS

#define TARMAC_SYNC_AUTH_HEADER  "X-Tarmac-Auth"
/* How far a request's time may be from the hub's. */
#define TARMAC_SYNC_AUTH_SKEW_MS (5 * 60 * 1000)

char     *tarmac_sync_auth_sign   (TarmacDeviceKeys  *keys,
                                   const char        *method,
                                   const char        *target,
                                   gint64             now_ms,
                                   const guint8      *body,
                                   gsize              body_length);
char     *tarmac_sync_auth_parse  (const char        *header,
                                   GError           **error);
gboolean  tarmac_sync_auth_verify (const char        *header,
                                   const char        *method,
                                   const char        *target,
                                   const guint8      *body,
                                   gsize              body_length,
                                   const guint8      *sign_pk,
                                   gint64             now_ms,
                                   GError           **error);

G_END_DECLS
