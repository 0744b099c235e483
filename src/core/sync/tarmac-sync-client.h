/* tarmac-sync-client.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "tarmac-sync-replica.h"

G_BEGIN_DECLS

/**
 * TarmacSyncStats:
 * @pushed: versions the hub took (new or already had)
 * @pulled: new versions applied here
 * @requests: HTTP requests made
 * @bytes_up: request bodies sent
 * @bytes_down: response bodies received
 */
typedef struct
{
  guint  pushed;
  guint  pulled;
  guint  requests;
  gsize  bytes_up;
  gsize  bytes_down;
} TarmacSyncStats;

#define TARMAC_TYPE_SYNC_CLIENT (tarmac_sync_client_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSyncClient, tarmac_sync_client, TARMAC, SYNC_CLIENT, GObject)

TarmacSyncClient *tarmac_sync_client_new   (TarmacSyncReplica  *replica);
gboolean          tarmac_sync_client_enrol (TarmacSyncClient   *self,
                                            const char         *hub_url,
                                            const char         *code,
                                            const char         *fingerprint,
                                            GError            **error);
gboolean          tarmac_sync_client_sync  (TarmacSyncClient   *self,
                                            TarmacSyncStats    *stats,
                                            GError            **error);
gboolean          tarmac_sync_client_approve (TarmacSyncClient *self,
                                            const char         *device_id,
                                            const char         *code,
                                            GError            **error);
gboolean          tarmac_sync_client_rotate_site_key (TarmacSyncClient *self,
                                            guint              *n_sealed,
                                            guint              *n_left_out,
                                            GError            **error);
gboolean          tarmac_sync_client_refresh_desks (TarmacSyncClient *self,
                                            GError            **error);
gboolean          tarmac_sync_client_wait  (TarmacSyncClient   *self,
                                            guint               seconds,
                                            gboolean           *more,
                                            GError            **error);
void              tarmac_sync_client_set_cancellable
                                           (TarmacSyncClient   *self,
                                            GCancellable       *cancellable);
void              tarmac_sync_client_set_notify
                                           (TarmacSyncClient   *self,
                                            gboolean            enabled);
gboolean          tarmac_sync_client_get_notify_open
                                           (TarmacSyncClient   *self);
guint             tarmac_sync_client_get_notified
                                           (TarmacSyncClient   *self);
guint             tarmac_sync_client_get_long_polls
                                           (TarmacSyncClient   *self);
guint64           tarmac_sync_client_get_applied
                                           (TarmacSyncClient   *self);

G_END_DECLS
