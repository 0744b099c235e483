/* tarmac-sync-notify.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/**
 * TarmacSyncNotifyEvent:
 * @TARMAC_SYNC_NOTIFY_POKED: the hub said the site's inbox grew
 * @TARMAC_SYNC_NOTIFY_TIMEOUT: nothing was said in the time given
 * @TARMAC_SYNC_NOTIFY_CLOSED: the socket is closed (by the hub, the network or the watchdog)
 * @TARMAC_SYNC_NOTIFY_REVOKED: the hub closed it because this device was revoked
 * @TARMAC_SYNC_NOTIFY_CANCELLED: the wait was cancelled; the socket stays open
 */
typedef enum
{
  TARMAC_SYNC_NOTIFY_POKED,
  TARMAC_SYNC_NOTIFY_TIMEOUT,
  TARMAC_SYNC_NOTIFY_CLOSED,
  TARMAC_SYNC_NOTIFY_REVOKED,
  TARMAC_SYNC_NOTIFY_CANCELLED,
} TarmacSyncNotifyEvent;

/* What the client's socket sends every so often, and how long a silent hub is trusted
 * (libsoup 3.2 has no pong timeout: research/sync.md §2.2). */
#define TARMAC_SYNC_NOTIFY_KEEPALIVE_S   20
#define TARMAC_SYNC_NOTIFY_SILENCE_MS    (TARMAC_SYNC_NOTIFY_KEEPALIVE_S * 2500)
#define TARMAC_SYNC_NOTIFY_MAX_FRAME     4096

#define TARMAC_TYPE_SYNC_NOTIFY (tarmac_sync_notify_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSyncNotify, tarmac_sync_notify, TARMAC, SYNC_NOTIFY, GObject)

TarmacSyncNotify      *tarmac_sync_notify_new      (void);
gboolean               tarmac_sync_notify_open     (TarmacSyncNotify  *self,
                                                    SoupSession       *session,
                                                    SoupMessage       *msg,
                                                    guint              timeout_s,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
gboolean               tarmac_sync_notify_is_open  (TarmacSyncNotify  *self);
TarmacSyncNotifyEvent  tarmac_sync_notify_wait     (TarmacSyncNotify  *self,
                                                    guint              timeout_ms,
                                                    GCancellable      *cancellable,
                                                    gint64            *head,
                                                    gboolean          *urgent);
void                   tarmac_sync_notify_close    (TarmacSyncNotify  *self);

G_END_DECLS
