/* tarmac-sync-replica-private.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-store-private.h"
#include "tarmac-sync-replica.h"

G_BEGIN_DECLS

/* The most records one acknowledgement names: a pull batch is 500. */
#define TARMAC_ACK_MAX_RECORDS 500

/* Any kind of record this site writes; the kinds' own files (receipts, lookouts) build
 * the body. */
typedef struct
{
  const char          *kind;
  const char * const  *recipients;
  const char          *author;
  TarmacNotePriority   priority;
  const char          *ref_record_id;
  gint64               expires_at;
  GBytes              *body;
} TarmacRecordDraft;

TarmacStore    *_tarmac_sync_replica_get_store         (TarmacSyncReplica        *self);
gint64          _tarmac_sync_replica_wall_ms           (TarmacSyncReplica        *self);
gboolean        _tarmac_sync_replica_restamp           (TarmacSyncReplica        *self,
                                                        guint                    *n_restamped,
                                                        GError                  **error);
TarmacEnvelope *_tarmac_sync_replica_save_record       (TarmacSyncReplica        *self,
                                                        const TarmacRecordDraft  *draft,
                                                        GError                  **error);
gboolean        _tarmac_sync_replica_upsert_note       (TarmacSyncReplica        *self,
                                                        TarmacEnvelope           *envelope,
                                                        const char               *text,
                                                        const char               *subject_type,
                                                        const char               *subject_ref,
                                                        const char               *thread_root,
                                                        const char               *delivery,
                                                        GError                  **error);
gboolean        _tarmac_sync_replica_apply_all         (TarmacSyncReplica        *self,
                                                        GPtrArray                *envelopes,
                                                        GArray                   *server_seqs,
                                                        const char               *lane,
                                                        gint64                    cursor,
                                                        guint                    *n_new,
                                                        GError                  **error);
gboolean        _tarmac_sync_replica_has_site_key      (TarmacSyncReplica        *self,
                                                        const char               *site);

/* tarmac-sync-receipts.c */
gboolean        _tarmac_sync_replica_apply_ack         (TarmacSyncReplica        *self,
                                                        TarmacEnvelope           *envelope,
                                                        GBytes                   *body,
                                                        GError                  **error);
void            _tarmac_sync_replica_note_delivered    (TarmacSyncReplica        *self,
                                                        GHashTable               *pending,
                                                        TarmacEnvelope           *envelope);
gboolean        _tarmac_sync_replica_send_delivered    (TarmacSyncReplica        *self,
                                                        GHashTable               *pending,
                                                        GError                  **error);
GHashTable     *_tarmac_sync_replica_new_pending_acks  (void);

/* tarmac-sync-desks.c */
gboolean        _tarmac_sync_replica_set_site_desks    (TarmacSyncReplica        *self,
                                                        JsonArray                *devices,
                                                        GError                  **error);
gboolean        _tarmac_sync_replica_seal_handover     (TarmacSyncReplica        *self,
                                                        const char               *device_id,
                                                        const char               *code,
                                                        GBytes                  **sealed,
                                                        guint8                   *sig,
                                                        GError                  **error);
gboolean        _tarmac_sync_replica_take_handover     (TarmacSyncReplica        *self,
                                                        const char               *approved_by,
                                                        const guint8             *sealed,
                                                        gsize                     sealed_length,
                                                        const guint8             *sig,
                                                        gsize                     sig_length,
                                                        GError                  **error);

gboolean        _tarmac_sync_replica_site_key_is_current (TarmacSyncReplica      *self);
JsonNode       *_tarmac_sync_replica_dup_key_proof     (TarmacSyncReplica        *self);
JsonNode       *_tarmac_sync_replica_seal_rotation     (TarmacSyncReplica        *self,
                                                        guint                    *n_sealed,
                                                        guint                    *n_left_out,
                                                        GError                  **error);

gboolean        _tarmac_sync_replica_add_pending_wrap  (TarmacSyncReplica        *self,
                                                        const char               *version_id,
                                                        const char               *site,
                                                        GBytes                   *wrap,
                                                        GError                  **error);

/* tarmac-sync-pins.c */
gboolean        _tarmac_sync_replica_pin_site          (TarmacSyncReplica        *self,
                                                        const char               *code,
                                                        const char               *name,
                                                        const guint8             *box_pk,
                                                        JsonArray                *chain,
                                                        GError                  **error);
gboolean        _tarmac_sync_replica_pin_device        (TarmacSyncReplica        *self,
                                                        const char               *device_id,
                                                        const char               *site,
                                                        const guint8             *sign_pk,
                                                        GError                  **error);
gboolean        _tarmac_sync_replica_hold_wraps        (TarmacSyncReplica        *self,
                                                        TarmacEnvelope           *envelope,
                                                        GPtrArray                *held,
                                                        GError                  **error);
gboolean        _tarmac_sync_replica_forget_held       (TarmacSyncReplica        *self,
                                                        const char               *version_id,
                                                        GError                  **error);
gboolean        _tarmac_sync_replica_release_held      (TarmacSyncReplica        *self,
                                                        const char               *site,
                                                        const guint8             *box_pk,
                                                        GError                  **error);
JsonNode       *_tarmac_sync_replica_list_ready_wraps  (TarmacSyncReplica        *self,
                                                        guint                     limit);
gboolean        _tarmac_sync_replica_wraps_sent        (TarmacSyncReplica        *self,
                                                        JsonArray                *results,
                                                        guint                    *n_sent,
                                                        GError                  **error);

/* tarmac-sync-lookouts.c */
gboolean        _tarmac_lookout_apply                  (TarmacSyncReplica        *self,
                                                        TarmacEnvelope           *envelope,
                                                        GBytes                   *body,
                                                        GError                  **error);

G_END_DECLS
