/* tarmac-sync-receipts.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-sync-replica"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tarmac-audit.h"
#include "tarmac-note.h"
#include "tarmac-note-receipt.h"
#include "tarmac-sync-error.h"
#include "tarmac-sync-replica-private.h"

/* Acknowledgements (research/sync.md §4.3, kind "ack"): each site tells the writer of a
 * note, and its other recipients, how far the note got there.
 *
 *  - delivered: written by the replica itself, in the transaction that applies a pulled
 *    batch (or a bundle), one ack per sending site naming every note of the batch, so a
 *    broadcast of 500 notes costs each recipient one record, not 500;
 *  - read: written when an officer opens the note (tarmac_sync_replica_mark_read()), once
 *    per site, to the writer and the other recipients ("read at DKR 14:02").
 *
 * An ack is a record like any other (signed, encrypted, owned by the acknowledging site),
 * so the hub learns nothing but that one site wrote to another. Acks are never
 * acknowledged. Received acks fill note_receipt; a read ack from another desk of this
 * site marks the note read here too. */

static char *
iso_from_ms (gint64 ms)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (ms / 1000);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

GHashTable *
_tarmac_sync_replica_new_pending_acks (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) g_ptr_array_unref);
}

/* Remembers that the first version of a note from another site arrived, to be
 * acknowledged by _tarmac_sync_replica_send_delivered(). */
void
_tarmac_sync_replica_note_delivered (TarmacSyncReplica *self,
                                     GHashTable        *pending,
                                     TarmacEnvelope    *envelope)
{
  const char *origin = tarmac_envelope_get_origin_site (envelope);
  GPtrArray *records;

  if (g_strcmp0 (origin, tarmac_sync_replica_get_site (self)) == 0
      || tarmac_envelope_get_prev_version (envelope) != NULL
      || tarmac_envelope_get_deleted (envelope))
    return;

  records = g_hash_table_lookup (pending, origin);
  if (records == NULL)
    {
      records = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (pending, g_strdup (origin), records);
    }
  g_ptr_array_add (records, g_strdup (tarmac_envelope_get_record_id (envelope)));
}

static GBytes *
build_ack_body (const char  *state,
                const char  *by,
                GPtrArray   *records,
                guint        first,
                guint        count,
                gint64       at_ms)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, state);
  if (by != NULL)
    {
      json_builder_set_member_name (builder, "by");
      json_builder_add_string_value (builder, by);
    }
  json_builder_set_member_name (builder, "at");
  json_builder_add_int_value (builder, at_ms);
  json_builder_set_member_name (builder, "records");
  json_builder_begin_array (builder);
  for (guint i = first; i < first + count; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (records, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  return g_bytes_new_take (text, strlen (text));
}

static gboolean
save_ack (TarmacSyncReplica   *self,
          const char          *state,
          const char          *by,
          const char * const  *recipients,
          GPtrArray           *records,
          GError             **error)
{
  gint64 now = tarmac_sync_replica_now_ms (self);

  for (guint first = 0; first < records->len; first += TARMAC_ACK_MAX_RECORDS)
    {
      guint count = MIN (records->len - first, TARMAC_ACK_MAX_RECORDS);
      g_autoptr(GBytes) body = build_ack_body (state, by, records, first, count, now);
      g_autoptr(TarmacEnvelope) envelope = NULL;
      g_autofree char *detail = NULL;
      g_autofree char *to = g_strjoinv (",", (GStrv) recipients);
      TarmacRecordDraft draft = {
        .kind = "ack",
        .recipients = recipients,
        .author = by != NULL ? by : "tarmac",
        .priority = TARMAC_NOTE_PRIORITY_ROUTINE,
        .ref_record_id = count == 1 ? g_ptr_array_index (records, first) : NULL,
        .body = body,
      };

      envelope = _tarmac_sync_replica_save_record (self, &draft, error);
      detail = g_strdup_printf ("%s %u to %s", state, count, to);
      if (envelope == NULL
          || !tarmac_audit_append (_tarmac_sync_replica_get_store (self), "create", "ack",
                                   tarmac_envelope_get_record_id (envelope), detail, error))
        return FALSE;
    }

  return TRUE;
}

/* Writes the acknowledgements of delivery remembered in @pending, in the caller's
 * transaction, and forgets them. */
gboolean
_tarmac_sync_replica_send_delivered (TarmacSyncReplica  *self,
                                     GHashTable         *pending,
                                     GError            **error)
{
  g_autoptr(GList) sites = g_list_sort (g_hash_table_get_keys (pending), (GCompareFunc) g_strcmp0);

  for (GList *l = sites; l != NULL; l = l->next)
    {
      const char *recipients[] = { l->data, NULL };

      /* A site revoked since it wrote gets nothing more. */
      if (!_tarmac_sync_replica_has_site_key (self, l->data))
        continue;
      if (!save_ack (self, "delivered", NULL, recipients, g_hash_table_lookup (pending, l->data), error))
        return FALSE;
    }

  g_hash_table_remove_all (pending);
  return TRUE;
}

static gboolean
set_receipt (TarmacSyncReplica  *self,
             const char         *note_uuid,
             const char         *site,
             gboolean            read,
             const char         *at,
             const char         *by,
             GError            **error)
{
  TarmacStore *store = _tarmac_sync_replica_get_store (self);
  g_autoptr(TarmacCachedStmt) stmt = NULL;

  stmt = _tarmac_store_prepare_cached (store,
                                "INSERT INTO note_receipt (note_uuid, site, delivered_at, read_at, read_by)"
                                " VALUES (?1, ?2, ?3, CASE WHEN ?4 THEN ?3 END, CASE WHEN ?4 THEN ?5 END)"
                                " ON CONFLICT (note_uuid, site) DO UPDATE SET"
                                "  delivered_at = coalesce (delivered_at, excluded.delivered_at),"
                                "  read_at = coalesce (read_at, excluded.read_at),"
                                "  read_by = coalesce (read_by, excluded.read_by)",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, note_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, site, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, at, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, read);
  sqlite3_bind_text (stmt, 5, by, -1, SQLITE_STATIC);
  return _tarmac_store_step_done (store, stmt, error);
}

static gboolean
set_read_here (TarmacSyncReplica  *self,
               const char         *note_uuid,
               const char         *at,
               GError            **error)
{
  TarmacStore *store = _tarmac_sync_replica_get_store (self);
  g_autoptr(TarmacCachedStmt) stmt = NULL;

  stmt = _tarmac_store_prepare_cached (store,
                                "UPDATE note SET read_at = ?2 WHERE uuid = ?1 AND read_at IS NULL",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, note_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
  return _tarmac_store_step_done (store, stmt, error);
}

/* Records a received ack; called by apply() inside its transaction. */
gboolean
_tarmac_sync_replica_apply_ack (TarmacSyncReplica  *self,
                                TarmacEnvelope     *envelope,
                                GBytes             *body,
                                GError            **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *at = NULL;
  const char *site = tarmac_envelope_get_origin_site (envelope);
  const char *state, *by;
  gboolean read, from_here;
  JsonObject *object;
  JsonArray *records;
  JsonNode *root;

  if (tarmac_envelope_get_deleted (envelope))
    return TRUE;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   (gssize) g_bytes_get_size (body), NULL)
      || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto malformed;

  object = json_node_get_object (root);
  state = json_object_get_string_member_with_default (object, "state", "");
  by = json_object_get_string_member_with_default (object, "by", NULL);
  records = json_object_get_array_member (object, "records");
  if ((!g_str_equal (state, "delivered") && !g_str_equal (state, "read"))
      || records == NULL || json_array_get_length (records) > TARMAC_ACK_MAX_RECORDS
      || (by != NULL && strlen (by) > 128))
    goto malformed;

  at = iso_from_ms (json_object_get_int_member_with_default (object, "at", 0));
  if (at == NULL)
    goto malformed;

  read = g_str_equal (state, "read");
  from_here = g_strcmp0 (site, tarmac_sync_replica_get_site (self)) == 0;
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      const char *uuid = json_array_get_string_element (records, i);

      if (uuid == NULL || !g_uuid_string_is_valid (uuid))
        goto malformed;

      /* Another desk of this airport read it: it is read here too. */
      if (from_here)
        {
          if (read && !set_read_here (self, uuid, at, error))
            return FALSE;
        }
      else if (!set_receipt (self, uuid, site, read, at, by, error))
        return FALSE;
    }

  return TRUE;

malformed:
  g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
               _("Version %.12s holds no readable acknowledgement"),
               tarmac_envelope_get_version_id (envelope));
  return FALSE;
}

/**
 * tarmac_sync_replica_mark_read:
 * @uuid: the note shown to the officer
 * @reader: the officer
 *
 * Marks a note read at this site and, the first time, tells its writer and its other
 * recipients (an ack record queued with the audit row, in one transaction). Call it when
 * the note is shown; calling it again does nothing.
 *
 * Returns: %FALSE with @error set if there is no such note or the database failed
 */
gboolean
tarmac_sync_replica_mark_read (TarmacSyncReplica  *self,
                               const char         *uuid,
                               const char         *reader,
                               GError            **error)
{
  TarmacStore *store;
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) listed = NULL;
  g_auto(GStrv) recipients = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *origin = NULL;
  g_autofree char *now = NULL;
  const char *site;
  int rc;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  store = _tarmac_sync_replica_get_store (self);
  site = tarmac_sync_replica_get_site (self);
  if (reader == NULL || *reader == '\0')
    reader = g_get_user_name ();

  if (!tarmac_store_begin (store, error))
    return FALSE;

  stmt = _tarmac_store_prepare_cached (store,
                                "SELECT origin_site, recipients, read_at FROM note WHERE uuid = ?1",
                                error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                     _("There is no note %s"), uuid);
      else
        _tarmac_store_set_error (store, rc, error);
      goto fail;
    }

  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    {
      tarmac_store_rollback (store);
      return TRUE;
    }

  origin = g_strdup (_tarmac_store_column_text (stmt, 0));
  listed = g_strsplit (_tarmac_store_column_text (stmt, 1), ",", 0);
  g_clear_pointer (&stmt, _tarmac_store_release_cached);

  now = _tarmac_store_now ();
  if (!set_read_here (self, uuid, now, error)
      || !tarmac_audit_append (store, "read", "note", uuid, reader, error))
    goto fail;

  /* A note of this site was written here or at another desk: nobody else to tell. */
  if (site != NULL && g_strcmp0 (origin, site) != 0)
    {
      g_strv_builder_add (builder, origin);
      for (gsize i = 0; listed[i] != NULL; i++)
        if (*listed[i] != '\0' && g_strcmp0 (listed[i], site) != 0
            && g_strcmp0 (listed[i], origin) != 0
            && _tarmac_sync_replica_has_site_key (self, listed[i]))
          g_strv_builder_add (builder, listed[i]);
      recipients = g_strv_builder_end (builder);

      g_ptr_array_add (records, g_strdup (uuid));
      if (_tarmac_sync_replica_has_site_key (self, origin)
          && !save_ack (self, "read", reader, (const char * const *) recipients, records, error))
        goto fail;
    }

  return tarmac_store_commit (store, error);

fail:
  tarmac_store_rollback (store);
  return FALSE;
}

/* How many notes from other sites nobody here has read yet; -1 on error. */
gint64
tarmac_sync_replica_count_unread (TarmacSyncReplica  *self,
                                  GError            **error)
{
  TarmacStore *store;
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), -1);

  store = _tarmac_sync_replica_get_store (self);
  stmt = _tarmac_store_prepare_cached (store,
                                "SELECT count (*) FROM note WHERE read_at IS NULL"
                                " AND origin_site <> ?1",
                                error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, tarmac_sync_replica_get_site (self) != NULL
                              ? tarmac_sync_replica_get_site (self) : "", -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _tarmac_store_set_error (store, rc, error);
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}

/**
 * tarmac_sync_replica_list_receipts:
 * @uuid: a note
 *
 * Where the note stands at each of its recipient sites (its writer's too, when it came
 * from elsewhere), in the order it was addressed.
 *
 * Returns: (transfer full): a #GListModel of #TarmacNoteReceipt, or %NULL with @error set
 */
GListModel *
tarmac_sync_replica_list_receipts (TarmacSyncReplica  *self,
                                   const char         *uuid,
                                   GError            **error)
{
  TarmacStore *store;
  g_autoptr(TarmacCachedStmt) note = NULL;
  g_autoptr(TarmacCachedStmt) receipt = NULL;
  g_autoptr(GListStore) receipts = g_list_store_new (TARMAC_TYPE_NOTE_RECEIPT);
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) listed = NULL;
  g_autofree char *delivery = NULL;
  const char *here;
  int rc;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), NULL);

  store = _tarmac_sync_replica_get_store (self);
  here = tarmac_sync_replica_get_site (self);
  note = _tarmac_store_prepare_cached (store, "SELECT origin_site, recipients, delivery FROM note WHERE uuid = ?1",
                                error);
  if (note == NULL)
    return NULL;
  sqlite3_bind_text (note, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (note);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                     _("There is no note %s"), uuid);
      else
        _tarmac_store_set_error (store, rc, error);
      return NULL;
    }

  if (g_strcmp0 (_tarmac_store_column_text (note, 0), here) != 0)
    g_ptr_array_add (sites, g_strdup (_tarmac_store_column_text (note, 0)));
  listed = g_strsplit (_tarmac_store_column_text (note, 1), ",", 0);
  for (gsize i = 0; listed[i] != NULL; i++)
    if (*listed[i] != '\0' && g_strcmp0 (listed[i], here) != 0)
      g_ptr_array_add (sites, g_strdup (listed[i]));
  delivery = g_strdup (_tarmac_store_column_text (note, 2));

  receipt = _tarmac_store_prepare_cached (store,
                                   "SELECT delivered_at, read_at, read_by FROM note_receipt"
                                   " WHERE note_uuid = ?1 AND site = ?2",
                                   error);
  if (receipt == NULL)
    return NULL;

  for (guint i = 0; i < sites->len; i++)
    {
      g_autoptr(TarmacNoteReceipt) item = NULL;
      const char *site = g_ptr_array_index (sites, i);

      sqlite3_reset (receipt);
      sqlite3_bind_text (receipt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (receipt, 2, site, -1, SQLITE_STATIC);
      rc = sqlite3_step (receipt);
      if (rc == SQLITE_ROW && sqlite3_column_type (receipt, 1) != SQLITE_NULL)
        item = tarmac_note_receipt_new (site, "read", _tarmac_store_column_text (receipt, 1),
                                        _tarmac_store_column_text (receipt, 2));
      else if (rc == SQLITE_ROW)
        item = tarmac_note_receipt_new (site, "delivered", _tarmac_store_column_text (receipt, 0), NULL);
      else if (rc == SQLITE_DONE)
        /* A note that came from elsewhere went through the hub to get here. */
        item = tarmac_note_receipt_new (site, g_strcmp0 (delivery, "pending") == 0 ? "pending" : "sent",
                                        NULL, NULL);
      else
        {
          _tarmac_store_set_error (store, rc, error);
          return NULL;
        }
      g_list_store_append (receipts, item);
    }

  return G_LIST_MODEL (g_steal_pointer (&receipts));
}

/**
 * tarmac_sync_replica_list_thread:
 * @uuid: any note of the thread
 *
 * The thread @uuid belongs to: its first note and every reply, oldest first. Audited as
 * a view of notes.
 *
 * Returns: (transfer full): a #GListModel of #TarmacNote, or %NULL with @error set
 */
GListModel *
tarmac_sync_replica_list_thread (TarmacSyncReplica  *self,
                                 const char         *uuid,
                                 GError            **error)
{
  TarmacStore *store;
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  g_autoptr(GListStore) notes = g_list_store_new (TARMAC_TYPE_NOTE);
  int rc;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), NULL);

  store = _tarmac_sync_replica_get_store (self);
  stmt = _tarmac_store_prepare_cached (store,
                                _TARMAC_NOTE_COLUMNS
                                " WHERE uuid = ?1 OR thread_root = ?1"
                                " ORDER BY created_at, id",
                                error);
  if (stmt == NULL)
    return NULL;

  /* The thread's root: the note itself, or the one it hangs from. */
  {
    g_autoptr(TarmacCachedStmt) root = _tarmac_store_prepare_cached (store,
                                                          "SELECT coalesce (thread_root, uuid) FROM note"
                                                          " WHERE uuid = ?1",
                                                          error);
    g_autofree char *root_uuid = NULL;

    if (root == NULL)
      return NULL;
    sqlite3_bind_text (root, 1, uuid, -1, SQLITE_STATIC);
    root_uuid = g_strdup (sqlite3_step (root) == SQLITE_ROW ? _tarmac_store_column_text (root, 0) : uuid);
    sqlite3_bind_text (stmt, 1, root_uuid, -1, SQLITE_TRANSIENT);
  }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TarmacNote) note = _tarmac_store_note_from_row (stmt);

      g_list_store_append (notes, note);
    }
  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return NULL;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (notes)) > 0
      && !tarmac_audit_append (store, "view", "note", uuid, "thread", error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&notes));
}
