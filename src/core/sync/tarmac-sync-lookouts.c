/* tarmac-sync-lookouts.c
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
#include "tarmac-lookout-screen.h"
#include "tarmac-sync-error.h"
#include "tarmac-sync-replica-private.h"
#include "tarmac-watchlist-data.h"

/* Lookouts (issue 6 §6, research/sync.md §4.3): a flagged traveller sent to named
 * airports with an expiry of at most 90 days. The body carries only what screening needs
 * (names, date of birth, nationality, sex, one document) and the reason; the envelope
 * rules (tarmac-envelope.c) refuse a lookout without recipients or with a longer life.
 *
 * At each receiving airport the lookout is kept in the lookout table, shown in the feed as
 * a note of kind 'lookout', and screened at once against the travellers of recent and
 * coming flights (tarmac-lookout-screen.c); travellers imported later are screened
 * against every active lookout by the importer. At expiry every airport drops the
 * lookout, its note, its stored version and the hits nobody has looked at yet, without a
 * message; the hub drops its ciphertext (tarmac-hub-db.c). */

#define MAX_REASON 1024

static char *
summary_text (JsonObject *object,
              gint64      expires_at)
{
  g_autoptr(GDateTime) until = g_date_time_new_from_unix_utc (expires_at / 1000);
  g_autofree char *until_text = until != NULL ? g_date_time_format (until, "%Y-%m-%d %H:%M UTC") : g_strdup ("");
  GString *text = g_string_new (NULL);
  const char *dob = json_object_get_string_member_with_default (object, "date_of_birth", NULL);
  const char *nationality = json_object_get_string_member_with_default (object, "nationality", NULL);
  const char *document = json_object_get_string_member_with_default (object, "document_number", NULL);
  const char *reason = json_object_get_string_member_with_default (object, "reason", "");

  /* Translators: the feed's line for a lookout received: the traveller's surname and
   * given names */
  g_string_append_printf (text, _("Lookout: %s, %s"),
                          json_object_get_string_member_with_default (object, "surname", ""),
                          json_object_get_string_member_with_default (object, "given_names", ""));
  if (dob != NULL)
    g_string_append_printf (text, _(", born %s"), dob);
  if (nationality != NULL)
    g_string_append_printf (text, ", %s", nationality);
  if (document != NULL)
    g_string_append_printf (text, _(", document %s"), document);
  if (*reason != '\0')
    g_string_append_printf (text, " — %s", reason);
  g_string_append_printf (text, _(". Until %s."), until_text);
  return g_string_free (text, FALSE);
}

static gboolean
optional_string (JsonObject  *object,
                 const char  *name,
                 gsize        max_length)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         && strlen (json_node_get_string (node)) <= max_length
         && g_utf8_validate (json_node_get_string (node), -1, NULL);
}

/* The body as the author wrote it, checked against the lookout table's rules. */
static JsonNode *
parse_lookout_body (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *object;
  JsonNode *root;
  const char *surname, *nationality, *sex;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   (gssize) g_bytes_get_size (body), NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  surname = json_object_get_string_member_with_default (object, "surname", NULL);
  nationality = json_object_get_string_member_with_default (object, "nationality", NULL);
  sex = json_object_get_string_member_with_default (object, "sex", NULL);
  if (surname == NULL || *surname == '\0' || !optional_string (object, "surname", 256)
      || !optional_string (object, "given_names", 256)
      || !optional_string (object, "date_of_birth", 10)
      || !optional_string (object, "nationality", 3)
      || (nationality != NULL && strlen (nationality) != 3)
      || !optional_string (object, "sex", 1)
      || (sex != NULL && !g_strv_contains ((const char * const[]) { "M", "F", "X", "U", NULL }, sex))
      || !optional_string (object, "document_number", 35)
      || !optional_string (object, "reason", MAX_REASON))
    return NULL;

  return json_node_copy (root);
}

static gboolean
insert_lookout (TarmacSyncReplica  *self,
                TarmacEnvelope     *envelope,
                JsonObject         *object,
                gint64             *lookout_id,
                GError            **error)
{
  TarmacStore *store = _tarmac_sync_replica_get_store (self);
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  g_autofree char *now = _tarmac_store_now ();
  g_autofree char *retain_until = _tarmac_store_retain_until (store);
  g_autofree char *recipients = g_strjoinv (",", (GStrv) tarmac_envelope_get_recipients (envelope));
  g_autofree char *normalised = NULL;
  const char *document = json_object_get_string_member_with_default (object, "document_number", NULL);
  int rc;

  if (document != NULL)
    normalised = tarmac_document_normalise (document);

  stmt = _tarmac_store_prepare_cached (store,
                                "INSERT INTO lookout (record_id, origin_site, author, surname, given_names,"
                                " date_of_birth, nationality, sex, document_number, document_normalised,"
                                " reason, recipients, expires_at, created_at, retain_until)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
                                " ON CONFLICT (record_id) DO NOTHING RETURNING id",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, tarmac_envelope_get_record_id (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, tarmac_envelope_get_origin_site (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, tarmac_envelope_get_author (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, json_object_get_string_member_with_default (object, "surname", ""), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, json_object_get_string_member_with_default (object, "given_names", ""), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, json_object_get_string_member_with_default (object, "date_of_birth", NULL), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, json_object_get_string_member_with_default (object, "nationality", NULL), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, json_object_get_string_member_with_default (object, "sex", NULL), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, document, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, normalised, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, json_object_get_string_member_with_default (object, "reason", ""), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, recipients, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 13, tarmac_envelope_get_expires_at (envelope));
  sqlite3_bind_text (stmt, 14, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, retain_until, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *lookout_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }

  return TRUE;
}

/* A lookout received (or written at another desk of this site); called by apply() in its
 * transaction, after the version is stored. */
gboolean
_tarmac_lookout_apply (TarmacSyncReplica  *self,
                       TarmacEnvelope     *envelope,
                       GBytes             *body,
                       GError            **error)
{
  TarmacStore *store = _tarmac_sync_replica_get_store (self);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  gint64 lookout_id = 0;
  guint n_hits = 0;

  if (tarmac_envelope_get_deleted (envelope))
    return TRUE;

  root = parse_lookout_body (body);
  if (root == NULL)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("Version %.12s holds no readable lookout"),
                   tarmac_envelope_get_version_id (envelope));
      return FALSE;
    }

  /* Already expired (a site that was offline past the expiry): nothing to keep. */
  if (tarmac_envelope_get_expires_at (envelope) <= tarmac_sync_replica_now_ms (self))
    return TRUE;

  object = json_node_get_object (root);
  text = summary_text (object, tarmac_envelope_get_expires_at (envelope));
  if (!insert_lookout (self, envelope, object, &lookout_id, error)
      || !_tarmac_sync_replica_upsert_note (self, envelope, text, "traveller", NULL, NULL,
                                            "received", error)
      || !tarmac_audit_append (store, "receive", "lookout", tarmac_envelope_get_record_id (envelope),
                               tarmac_envelope_get_origin_site (envelope), error))
    return FALSE;

  /* Screen this airport's travellers now; those imported later are screened then. */
  if (lookout_id > 0
      && g_strcmp0 (tarmac_envelope_get_origin_site (envelope), tarmac_sync_replica_get_site (self)) != 0
      && !tarmac_lookout_screen (store, lookout_id, NULL, &n_hits, error))
    return FALSE;

  return TRUE;
}

static JsonNode *
traveller_body (TarmacStore  *store,
                gint64        traveller_id,
                const char   *reason,
                GError      **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  const char *names[] = { "surname", "given_names", "date_of_birth", "nationality", "sex",
                          "document_number" };
  int rc;

  stmt = _tarmac_store_prepare_cached (store,
                                "SELECT t.surname, t.given_names, t.date_of_birth, t.nationality, t.sex,"
                                " (SELECT d.number FROM travel_document d WHERE d.traveller_id = t.id"
                                "  ORDER BY d.id LIMIT 1), t.masked"
                                " FROM traveller t WHERE t.id = ?1",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, traveller_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW || sqlite3_column_int (stmt, 6) != 0)
    {
      if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                     _("There is no traveller %lld to flag (or their data was masked)"),
                     (long long) traveller_id);
      else
        _tarmac_store_set_error (store, rc, error);
      return NULL;
    }

  json_builder_begin_object (builder);
  for (int i = 0; i < (int) G_N_ELEMENTS (names); i++)
    if (sqlite3_column_type (stmt, i) != SQLITE_NULL && *_tarmac_store_column_text (stmt, i) != '\0')
      {
        json_builder_set_member_name (builder, names[i]);
        json_builder_add_string_value (builder, _tarmac_store_column_text (stmt, i));
      }
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, reason != NULL ? reason : "");
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * tarmac_sync_replica_send_lookout:
 * @draft: the traveller, the airports, the expiry and the reason
 *
 * Flags a traveller of this database to other airports: a lookout record (the traveller's
 * names, date of birth, nationality, sex and first document, nothing more), kept here
 * too and queued for the hub with its audit row, in one transaction.
 *
 * Returns: (transfer full): the lookout's record id, or %NULL with @error set
 */
char *
tarmac_sync_replica_send_lookout (TarmacSyncReplica          *self,
                                  const TarmacLookoutDraft   *draft,
                                  GError                    **error)
{
  TarmacStore *store;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(TarmacEnvelope) envelope = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *body_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *to = NULL;
  g_autofree char *detail = NULL;
  TarmacRecordDraft record = { 0 };
  gint64 now, lookout_id = 0;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  store = _tarmac_sync_replica_get_store (self);
  now = tarmac_sync_replica_now_ms (self);
  if (draft->recipients == NULL || draft->recipients[0] == NULL)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("A lookout goes to named airports: give at least one"));
      return NULL;
    }
  if (draft->expires_at <= now || draft->expires_at - now > TARMAC_LOOKOUT_MAX_MS - 60 * 1000)
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("A lookout expires in the future, within 90 days"));
      return NULL;
    }
  if (draft->reason != NULL && (strlen (draft->reason) > MAX_REASON || !g_utf8_validate (draft->reason, -1, NULL)))
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("A lookout’s reason is at most 1,024 bytes"));
      return NULL;
    }
  if (draft->author == NULL || *draft->author == '\0')
    {
      g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED,
                   _("A lookout needs an author"));
      return NULL;
    }

  if (!tarmac_store_begin (store, error))
    return NULL;

  root = traveller_body (store, draft->traveller_id, draft->reason, error);
  if (root == NULL)
    goto fail;
  body_text = json_to_string (root, FALSE);
  body = g_bytes_new (body_text, strlen (body_text));

  record.kind = "lookout";
  record.recipients = draft->recipients;
  record.author = draft->author;
  record.priority = TARMAC_NOTE_PRIORITY_URGENT;
  record.expires_at = draft->expires_at;
  record.body = body;
  envelope = _tarmac_sync_replica_save_record (self, &record, error);
  if (envelope == NULL)
    goto fail;

  text = summary_text (json_node_get_object (root), draft->expires_at);
  to = g_strjoinv (",", (GStrv) draft->recipients);
  detail = g_strdup_printf ("traveller %" G_GINT64_FORMAT " to %s", draft->traveller_id, to);
  if (!insert_lookout (self, envelope, json_node_get_object (root), &lookout_id, error)
      || !_tarmac_sync_replica_upsert_note (self, envelope, text, "traveller", NULL, NULL,
                                            "pending", error)
      || !tarmac_audit_append (store, "create", "lookout", tarmac_envelope_get_record_id (envelope),
                               detail, error))
    goto fail;

  /* A failed commit undoes the transaction itself. */
  if (!tarmac_store_commit (store, error))
    return NULL;

  return g_strdup (tarmac_envelope_get_record_id (envelope));

fail:
  tarmac_store_rollback (store);
  return NULL;
}

/**
 * tarmac_sync_replica_expire_lookouts:
 * @n_expired: (out) (optional): how many lookouts were dropped
 *
 * Drops every lookout past its expiry, without a message: its row, its note in the feed,
 * its stored version (unless still waiting to be sent: the hub needs every device
 * sequence number) and its hits that nobody has looked at yet (reviewed hits stay, with
 * the lookout's record id in their explanation). Cheap when there is nothing to do.
 */
gboolean
tarmac_sync_replica_expire_lookouts (TarmacSyncReplica  *self,
                                     guint              *n_expired,
                                     GError            **error)
{
  static const char * const steps[] = {
    "DELETE FROM hit WHERE status = 'new' AND lookout_id IN"
    " (SELECT id FROM lookout WHERE expires_at <= ?1)",
    "DELETE FROM note WHERE uuid IN (SELECT record_id FROM lookout WHERE expires_at <= ?1)",
    "DELETE FROM lookout WHERE expires_at <= ?1",
    "DELETE FROM records WHERE kind = 'lookout' AND record_id IN"
    " (SELECT v.record_id FROM versions v WHERE v.kind = 'lookout' AND v.expires_at <= ?1)"
    " AND NOT EXISTS (SELECT 1 FROM outbox o JOIN versions v ON v.version_id = o.version_id"
    "   WHERE v.record_id = records.record_id)",
    "DELETE FROM versions WHERE kind = 'lookout' AND expires_at <= ?1"
    " AND NOT EXISTS (SELECT 1 FROM records r WHERE r.record_id = versions.record_id)"
    " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.version_id = versions.version_id)",
  };
  TarmacStore *store;
  g_autofree char *detail = NULL;
  gint64 now;
  guint dropped = 0;

  g_return_val_if_fail (TARMAC_IS_SYNC_REPLICA (self), FALSE);

  if (n_expired != NULL)
    *n_expired = 0;

  store = _tarmac_sync_replica_get_store (self);
  now = tarmac_sync_replica_now_ms (self);

  {
    g_autoptr(TarmacCachedStmt) any = _tarmac_store_prepare_cached (store,
                                                         "SELECT count (*) FROM versions"
                                                         " WHERE kind = 'lookout' AND expires_at <= ?1",
                                                         error);

    if (any == NULL)
      return FALSE;
    sqlite3_bind_int64 (any, 1, now);
    if (sqlite3_step (any) != SQLITE_ROW || sqlite3_column_int64 (any, 0) == 0)
      return TRUE;
  }

  if (!tarmac_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(TarmacCachedStmt) stmt = _tarmac_store_prepare_cached (store, steps[i], error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, now);
      if (!_tarmac_store_step_done (store, stmt, error))
        goto fail;
      if (i == 2)
        dropped = (guint) sqlite3_changes (_tarmac_store_get_db (store));
    }

  detail = g_strdup_printf ("%u expired", dropped);
  if (!tarmac_audit_append (store, "expire", "lookout", NULL, detail, error))
    goto fail;
  if (!tarmac_store_commit (store, error))
    return FALSE;

  if (n_expired != NULL)
    *n_expired = dropped;
  return TRUE;

fail:
  tarmac_store_rollback (store);
  return FALSE;
}
