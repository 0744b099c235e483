/* tarmac-sync-replica.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-device-keys.h"
#include "tarmac-envelope.h"
#include "tarmac-store.h"

G_BEGIN_DECLS

/**
 * TarmacNoteDraft:
 * @kind: "note" or "alert"
 * @priority: the priority
 * @recipients: the sites to send it to, %NULL-terminated; %NULL or empty keeps it local
 *   to this site's desks
 * @author: the officer writing
 * @text: the text, 1 to 65,536 bytes
 * @subject_type: (nullable): "flight", "traveller", "consignment" or "seizure"
 * @subject_ref: (nullable): what it is about, as the subject type names it
 * @reply_to: (nullable): the note (uuid) this one answers
 *
 * A note or an alert as the officer writes it.
 */
typedef struct
{
  const char          *kind;
  TarmacNotePriority   priority;
  const char * const  *recipients;
  const char          *author;
  const char          *text;
  const char          *subject_type;
  const char          *subject_ref;
  const char          *reply_to;
} TarmacNoteDraft;

/**
 * TarmacLookoutDraft:
 * @traveller_id: the traveller flagged (traveller.id in this database)
 * @recipients: the airports to send it to, %NULL-terminated, at least one
 * @expires_at: Unix milliseconds, in the future and within 90 days
 * @reason: (nullable): why, in a few words (at most 1,024 bytes)
 * @author: the officer sending it
 *
 * A lookout as the officer sends it.
 */
typedef struct
{
  gint64               traveller_id;
  const char * const  *recipients;
  gint64               expires_at;
  const char          *reason;
  const char          *author;
} TarmacLookoutDraft;

/**
 * TarmacApplyResult:
 * @TARMAC_APPLY_NEW: stored, and shown if it is the record's latest version
 * @TARMAC_APPLY_DUPLICATE: already here; nothing changed
 * @TARMAC_APPLY_REFUSED: refused (the error says why); nothing changed
 */
typedef enum
{
  TARMAC_APPLY_NEW,
  TARMAC_APPLY_DUPLICATE,
  TARMAC_APPLY_REFUSED,
} TarmacApplyResult;

#define TARMAC_TYPE_SYNC_REPLICA (tarmac_sync_replica_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSyncReplica, tarmac_sync_replica, TARMAC, SYNC_REPLICA, GObject)

TarmacSyncReplica *tarmac_sync_replica_new               (TarmacStore             *store,
                                                          GError                 **error);
gboolean           tarmac_sync_replica_is_enrolled       (TarmacSyncReplica       *self);
const char        *tarmac_sync_replica_get_site          (TarmacSyncReplica       *self);
TarmacDeviceKeys  *tarmac_sync_replica_get_keys          (TarmacSyncReplica       *self);
gboolean           tarmac_sync_replica_set_identity      (TarmacSyncReplica       *self,
                                                          const char              *site,
                                                          TarmacDeviceKeys        *keys,
                                                          GError                 **error);
gboolean           tarmac_sync_replica_forget_identity   (TarmacSyncReplica       *self,
                                                          GError                 **error);
gboolean           tarmac_sync_replica_add_site          (TarmacSyncReplica       *self,
                                                          const char              *code,
                                                          const char              *name,
                                                          const guint8            *box_pk,
                                                          GError                 **error);
gboolean           tarmac_sync_replica_add_device        (TarmacSyncReplica       *self,
                                                          const char              *device_id,
                                                          const char              *site,
                                                          const guint8            *sign_pk,
                                                          GError                 **error);
gboolean           tarmac_sync_replica_revoke_device     (TarmacSyncReplica       *self,
                                                          const char              *device_id,
                                                          GError                 **error);
gboolean           tarmac_sync_replica_is_awaiting_key   (TarmacSyncReplica       *self);
char              *tarmac_sync_replica_dup_desk_code     (TarmacSyncReplica       *self);
GListModel        *tarmac_sync_replica_list_desks        (TarmacSyncReplica       *self,
                                                          GError                 **error);

GListModel        *tarmac_sync_replica_list_key_changes  (TarmacSyncReplica       *self,
                                                          GError                 **error);
gboolean           tarmac_sync_replica_trust_key         (TarmacSyncReplica       *self,
                                                          const char              *subject,
                                                          const char              *code,
                                                          GError                 **error);
gint64             tarmac_sync_replica_count_held        (TarmacSyncReplica       *self,
                                                          const char              *site);
char              *tarmac_sync_replica_dup_site_key_code (TarmacSyncReplica       *self);
char              *tarmac_sync_replica_dup_sign_key_code (TarmacSyncReplica       *self);
char              *tarmac_sync_dup_held_sites            (TarmacStore             *store,
                                                          const char              *record_id);

TarmacNote        *tarmac_sync_replica_save_note         (TarmacSyncReplica       *self,
                                                          const TarmacNoteDraft   *draft,
                                                          GError                 **error);
char              *tarmac_sync_replica_send_lookout      (TarmacSyncReplica       *self,
                                                          const TarmacLookoutDraft *draft,
                                                          GError                 **error);
gboolean           tarmac_sync_replica_expire_lookouts   (TarmacSyncReplica       *self,
                                                          guint                   *n_expired,
                                                          GError                 **error);
gboolean           tarmac_sync_replica_export_bundle     (TarmacSyncReplica       *self,
                                                          const char              *path,
                                                          guint                   *n_exported,
                                                          GError                 **error);
gboolean           tarmac_sync_replica_import_bundle     (TarmacSyncReplica       *self,
                                                          const char              *path,
                                                          guint                   *n_new,
                                                          guint                   *n_duplicate,
                                                          GError                 **error);
gboolean           tarmac_sync_replica_mark_read         (TarmacSyncReplica       *self,
                                                          const char              *uuid,
                                                          const char              *reader,
                                                          GError                 **error);
gint64             tarmac_sync_replica_count_unread      (TarmacSyncReplica       *self,
                                                          GError                 **error);
GListModel        *tarmac_sync_replica_list_receipts     (TarmacSyncReplica       *self,
                                                          const char              *uuid,
                                                          GError                 **error);
GListModel        *tarmac_sync_replica_list_thread       (TarmacSyncReplica       *self,
                                                          const char              *uuid,
                                                          GError                 **error);
TarmacApplyResult  tarmac_sync_replica_apply             (TarmacSyncReplica       *self,
                                                          TarmacEnvelope          *envelope,
                                                          gint64                   server_seq,
                                                          GError                 **error);
gboolean           tarmac_sync_replica_apply_batch       (TarmacSyncReplica       *self,
                                                          GPtrArray               *envelopes,
                                                          GArray                  *server_seqs,
                                                          const char              *lane,
                                                          gint64                   cursor,
                                                          guint                   *n_new,
                                                          GError                 **error);
gint64             tarmac_sync_replica_get_cursor        (TarmacSyncReplica       *self,
                                                          const char              *lane);

GPtrArray         *tarmac_sync_replica_list_outbox       (TarmacSyncReplica       *self,
                                                          guint                    limit,
                                                          GError                 **error);
gboolean           tarmac_sync_replica_mark_sent         (TarmacSyncReplica       *self,
                                                          const char              *version_id,
                                                          gint64                   server_seq,
                                                          GError                 **error);
gboolean           tarmac_sync_replica_mark_sent_many    (TarmacSyncReplica       *self,
                                                          GPtrArray               *version_ids,
                                                          GArray                  *server_seqs,
                                                          GError                 **error);
gint64             tarmac_sync_replica_count_pending     (TarmacSyncReplica       *self,
                                                          GError                 **error);

char              *tarmac_sync_replica_dup_setting       (TarmacSyncReplica       *self,
                                                          const char              *key);
gboolean           tarmac_sync_replica_set_setting       (TarmacSyncReplica       *self,
                                                          const char              *key,
                                                          const char              *value,
                                                          GError                 **error);
void               tarmac_sync_replica_set_clock_offset  (TarmacSyncReplica       *self,
                                                          gint64                   offset_ms);
gint64             tarmac_sync_replica_now_ms            (TarmacSyncReplica       *self);

G_END_DECLS
