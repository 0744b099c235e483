/* tarmac-sync-service.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-sync-replica.h"
#include "tarmac-types.h"

G_BEGIN_DECLS

/* Backoff after failed rounds (research/sync.md §4.6): 1 s × 2ⁿ, at most 5 minutes. */
#define TARMAC_SYNC_BACKOFF_BASE_MS 1000
#define TARMAC_SYNC_BACKOFF_MAX_MS  (5 * 60 * 1000)

#define TARMAC_TYPE_SYNC_SERVICE (tarmac_sync_service_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSyncService, tarmac_sync_service, TARMAC, SYNC_SERVICE, GObject)

guint              tarmac_sync_backoff_ms                  (guint                  failures,
                                                            guint32                random);

TarmacSyncService *tarmac_sync_service_new                 (const char            *path,
                                                            const char            *actor);
void               tarmac_sync_service_start               (TarmacSyncService     *self);
void               tarmac_sync_service_stop                (TarmacSyncService     *self);
void               tarmac_sync_service_sync_now            (TarmacSyncService     *self);

TarmacSyncState    tarmac_sync_service_get_state           (TarmacSyncService     *self);
const char        *tarmac_sync_service_get_reason          (TarmacSyncService     *self);
guint              tarmac_sync_service_get_pending         (TarmacSyncService     *self);
guint              tarmac_sync_service_get_unread          (TarmacSyncService     *self);
GDateTime         *tarmac_sync_service_get_last_sync       (TarmacSyncService     *self);
guint              tarmac_sync_service_get_failures        (TarmacSyncService     *self);
guint              tarmac_sync_service_get_notified        (TarmacSyncService     *self);
gboolean           tarmac_sync_service_get_enrolled        (TarmacSyncService     *self);
const char        *tarmac_sync_service_get_site            (TarmacSyncService     *self);
const char        *tarmac_sync_service_get_device_id       (TarmacSyncService     *self);
const char        *tarmac_sync_service_get_site_key_code   (TarmacSyncService     *self);
const char        *tarmac_sync_service_get_hub_url         (TarmacSyncService     *self);
GStrv              tarmac_sync_service_dup_sites           (TarmacSyncService     *self,
                                                            GStrv                 *names);

void               tarmac_sync_service_save_note_async     (TarmacSyncService     *self,
                                                            const TarmacNoteDraft *draft,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
TarmacNote        *tarmac_sync_service_save_note_finish    (TarmacSyncService     *self,
                                                            GAsyncResult          *result,
                                                            GError               **error);
void               tarmac_sync_service_enrol_async         (TarmacSyncService     *self,
                                                            const char            *hub_url,
                                                            const char            *code,
                                                            const char            *fingerprint,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
gboolean           tarmac_sync_service_enrol_finish        (TarmacSyncService     *self,
                                                            GAsyncResult          *result,
                                                            GError               **error);
void               tarmac_sync_service_list_desks_async    (TarmacSyncService     *self,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
GListModel        *tarmac_sync_service_list_desks_finish   (TarmacSyncService     *self,
                                                            GAsyncResult          *result,
                                                            GError               **error);
void               tarmac_sync_service_approve_async       (TarmacSyncService     *self,
                                                            const char            *device_id,
                                                            const char            *code,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
gboolean           tarmac_sync_service_approve_finish      (TarmacSyncService     *self,
                                                            GAsyncResult          *result,
                                                            GError               **error);
void               tarmac_sync_service_rotate_site_key_async (TarmacSyncService   *self,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
gboolean           tarmac_sync_service_rotate_site_key_finish (TarmacSyncService  *self,
                                                            GAsyncResult          *result,
                                                            guint                 *n_sealed,
                                                            guint                 *n_left_out,
                                                            GError               **error);
void               tarmac_sync_service_leave_async         (TarmacSyncService     *self,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
gboolean           tarmac_sync_service_leave_finish        (TarmacSyncService     *self,
                                                            GAsyncResult          *result,
                                                            GError               **error);
void               tarmac_sync_service_mark_read_async     (TarmacSyncService     *self,
                                                            const char * const    *uuids,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
gboolean           tarmac_sync_service_mark_read_finish    (TarmacSyncService     *self,
                                                            GAsyncResult          *result,
                                                            GError               **error);
void               tarmac_sync_service_list_receipts_async (TarmacSyncService     *self,
                                                            const char * const    *uuids,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
GHashTable        *tarmac_sync_service_list_receipts_finish (TarmacSyncService    *self,
                                                            GAsyncResult          *result,
                                                            GError               **error);
void               tarmac_sync_service_list_key_changes_async (TarmacSyncService  *self,
                                                               GCancellable       *cancellable,
                                                               GAsyncReadyCallback callback,
                                                               gpointer            user_data);
GListModel        *tarmac_sync_service_list_key_changes_finish (TarmacSyncService *self,
                                                               GAsyncResult      *result,
                                                               GError           **error);
void               tarmac_sync_service_trust_key_async     (TarmacSyncService     *self,
                                                            const char            *subject,
                                                            const char            *code,
                                                            GCancellable          *cancellable,
                                                            GAsyncReadyCallback    callback,
                                                            gpointer               user_data);
gboolean           tarmac_sync_service_trust_key_finish    (TarmacSyncService     *self,
                                                            GAsyncResult          *result,
                                                            GError               **error);

G_END_DECLS
