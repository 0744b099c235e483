/* tarmac-audit.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-audit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tarmac-audit.h"
#include "tarmac-store-private.h"

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"
#define MAX_DETAIL_LENGTH 4096
#define AUDIT_HEAD_KEY "audit-head"

/* Each field goes in with its length first, so no two different rows can be made to
 * hash the same by moving bytes from one field to the next. NULL and "" differ too. */
static void
hash_field (GChecksum  *checksum,
            const char *value)
{
  guchar prefix[5];
  gsize len;

  if (value == NULL)
    {
      prefix[0] = 0;
      g_checksum_update (checksum, prefix, 1);
      return;
    }

  len = strlen (value);
  prefix[0] = 1;
  prefix[1] = (len >> 24) & 0xff;
  prefix[2] = (len >> 16) & 0xff;
  prefix[3] = (len >> 8) & 0xff;
  prefix[4] = len & 0xff;
  g_checksum_update (checksum, prefix, sizeof prefix);
  g_checksum_update (checksum, (const guchar *) value, len);
}

static char *
compute_hash (gint64      id,
              const char *at,
              const char *actor,
              const char *action,
              const char *object_type,
              const char *object_id,
              const char *detail,
              const char *prev_hash)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char id_text[32];

  g_snprintf (id_text, sizeof id_text, "%" G_GINT64_FORMAT, id);

  hash_field (checksum, "tarmac-audit-v1");
  hash_field (checksum, id_text);
  hash_field (checksum, at);
  hash_field (checksum, actor);
  hash_field (checksum, action);
  hash_field (checksum, object_type);
  hash_field (checksum, object_id);
  hash_field (checksum, detail);
  hash_field (checksum, prev_hash);

  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * tarmac_audit_append:
 * @store: a #TarmacStore
 * @action: what was done: "view", "search", "create", "update", "delete", "import", "export"…
 * @object_type: the kind of record: "traveller", "flight", "hit"…
 * @object_id: (nullable): the record's id
 * @detail: (nullable): free text, at most 4096 bytes (longer is cut)
 * @error: return location for a #GError
 *
 * Appends one row for the store's actor. It runs in a savepoint, so it joins the
 * caller's transaction when there is one and stands alone otherwise.
 *
 * Returns: %TRUE on success
 */
gboolean
tarmac_audit_append (TarmacStore  *store,
                     const char   *action,
                     const char   *object_type,
                     const char   *object_id,
                     const char   *detail,
                     GError      **error)
{
  g_autoptr(TarmacCachedStmt) last = NULL;
  g_autoptr(TarmacCachedStmt) insert = NULL;
  g_autofree char *at = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *bounded_detail = NULL;
  g_autofree char *head = NULL;
  gint64 id = 1;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (object_type != NULL, FALSE);

  if (detail != NULL && strlen (detail) > MAX_DETAIL_LENGTH)
    {
      const char *end = detail + MAX_DETAIL_LENGTH;

      /* Cut on a character boundary so the row stays valid UTF-8. */
      end = g_utf8_find_prev_char (detail, end + 1);
      bounded_detail = g_strndup (detail, end - detail);
      detail = bounded_detail;
    }

  if (!tarmac_store_begin (store, error))
    return FALSE;

  last = _tarmac_store_prepare_cached (store,
                                       "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
                                       error);
  if (last == NULL)
    goto failed;

  rc = sqlite3_step (last);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (last, 0) + 1;
      prev_hash = g_strdup (_tarmac_store_column_text (last, 1));
    }
  else if (rc == SQLITE_DONE)
    prev_hash = g_strdup (GENESIS_HASH);
  else
    {
      _tarmac_store_set_error (store, rc, error);
      goto failed;
    }

  at = _tarmac_store_now ();
  hash = compute_hash (id, at, tarmac_store_get_actor (store), action, object_type,
                       object_id, detail, prev_hash);

  insert = _tarmac_store_prepare_cached (store,
                                         "INSERT INTO audit_log (id, at, actor, action, object_type,"
                                         " object_id, detail, prev_hash, hash)"
                                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                         error);
  if (insert == NULL)
    goto failed;

  sqlite3_bind_int64 (insert, 1, id);
  sqlite3_bind_text (insert, 2, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, tarmac_store_get_actor (store), -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, object_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, object_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 7, detail, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 8, prev_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 9, hash, -1, SQLITE_STATIC);

  if (!_tarmac_store_step_done (store, insert, error))
    goto failed;

  /* The head (last id and hash) is kept apart from the rows, in the same transaction,
   * so removing rows from the end of the chain no longer leaves a valid chain behind. */
  head = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", id, hash);
  if (!tarmac_store_set_meta (store, AUDIT_HEAD_KEY, head, error))
    goto failed;

  return tarmac_store_commit (store, error);

failed:
  tarmac_store_rollback (store);
  g_prefix_error (error, _("Could not write to the audit log: "));
  return FALSE;
}

/* The chain must end where the head record says the last append ended. */
static gboolean
verify_head (TarmacStore  *store,
             gint64        last_id,
             const char   *last_hash,
             gint64       *first_broken_id,
             GError      **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  g_autofree char *head = NULL;
  g_autofree char *expected = NULL;
  gint64 head_id = 0;
  int rc;

  /* A read that fails is an error, never "the head is missing": that would accuse a
   * sound log of tampering. */
  stmt = _tarmac_store_prepare_cached (store, "SELECT value FROM meta WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, AUDIT_HEAD_KEY, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    head = g_strdup (_tarmac_store_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }

  if (head == NULL && last_id == 0)
    return TRUE;

  if (head != NULL)
    head_id = g_ascii_strtoll (head, NULL, 10);

  expected = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", last_id, last_hash);
  if (g_strcmp0 (head, expected) == 0)
    return TRUE;

  if (first_broken_id != NULL)
    *first_broken_id = last_id + 1;

  if (head == NULL)
    g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_AUDIT_BROKEN,
                 _("The audit log’s head record is missing: it cannot be shown that no row "
                   "after row %lld was removed"), (long long) last_id);
  else if (head_id > last_id)
    g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_AUDIT_BROKEN,
                 _("The audit log is broken at row %lld: the log ends at row %lld, but row "
                   "%lld was written (rows were removed from the end)"),
                 (long long) last_id + 1, (long long) last_id, (long long) head_id);
  else
    g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_AUDIT_BROKEN,
                 _("The audit log is broken at row %lld: its last row does not match the "
                   "head record"), (long long) last_id + 1);

  return FALSE;
}

/**
 * tarmac_audit_verify:
 * @store: a #TarmacStore
 * @n_rows: (out) (optional): how many rows were checked
 * @first_broken_id: (out) (optional): the id of the first row that does not verify,
 *   or 0 when the chain is whole
 * @error: return location for a #GError
 *
 * Recomputes the chain from the first row. An edited row fails its own hash; a removed
 * or inserted row breaks the link of the row after it; a gap in the ids is reported at
 * the row after the gap; rows removed from the end no longer match the head record.
 *
 * What this cannot show on its own: someone with write access to the file who rewrites
 * every row after an edit *and* the head. That needs an anchor outside the file (signed
 * checkpoints sent to the hub), which comes with sync.
 *
 * Returns: %TRUE when the whole chain verifies; %FALSE with %TARMAC_STORE_ERROR_AUDIT_BROKEN
 *   (naming the row) or another error
 */
static gboolean verify_chain (TarmacStore  *store,
                              guint64      *n_rows,
                              gint64       *first_broken_id,
                              GError      **error);

gboolean
tarmac_audit_verify (TarmacStore  *store,
                     guint64      *n_rows,
                     gint64       *first_broken_id,
                     GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);

  /* The rows and the head are read in one snapshot: another connection (the retention
   * job, the CLI beside the app) appending between the two reads must not look like rows
   * removed from the end. Inside a caller's transaction the snapshot is already one. */
  if (sqlite3_get_autocommit (_tarmac_store_get_db (store)))
    {
      if (!_tarmac_store_exec (store, "BEGIN DEFERRED", error))
        return FALSE;
      ok = verify_chain (store, n_rows, first_broken_id, error);
      _tarmac_store_exec (store, "COMMIT", NULL);
      return ok;
    }

  return verify_chain (store, n_rows, first_broken_id, error);
}

static gboolean
verify_chain (TarmacStore  *store,
              guint64      *n_rows,
              gint64       *first_broken_id,
              GError      **error)
{
  g_autoptr(TarmacCachedStmt) stmt = NULL;
  g_autofree char *expected_prev = g_strdup (GENESIS_HASH);
  gint64 expected_id = 1;
  guint64 count = 0;
  int rc;

  g_return_val_if_fail (TARMAC_IS_STORE (store), FALSE);

  if (n_rows != NULL)
    *n_rows = 0;
  if (first_broken_id != NULL)
    *first_broken_id = 0;

  stmt = _tarmac_store_prepare_cached (store,
                                       "SELECT id, at, actor, action, object_type, object_id, detail,"
                                       " prev_hash, hash FROM audit_log ORDER BY id",
                                       error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *prev_hash = _tarmac_store_column_text (stmt, 7);
      const char *stored_hash = _tarmac_store_column_text (stmt, 8);
      g_autofree char *hash = NULL;
      const char *reason = NULL;

      hash = compute_hash (id,
                           _tarmac_store_column_text (stmt, 1),
                           _tarmac_store_column_text (stmt, 2),
                           _tarmac_store_column_text (stmt, 3),
                           _tarmac_store_column_text (stmt, 4),
                           _tarmac_store_column_text (stmt, 5),
                           _tarmac_store_column_text (stmt, 6),
                           prev_hash);

      if (id != expected_id)
        reason = _("rows before it are missing");
      else if (g_strcmp0 (prev_hash, expected_prev) != 0)
        reason = _("it does not follow the row before it (a row was removed or inserted)");
      else if (g_strcmp0 (hash, stored_hash) != 0)
        reason = _("its content was changed after it was written");

      if (reason != NULL)
        {
          if (first_broken_id != NULL)
            *first_broken_id = id;
          if (n_rows != NULL)
            *n_rows = count;
          g_set_error (error, TARMAC_STORE_ERROR, TARMAC_STORE_ERROR_AUDIT_BROKEN,
                       _("The audit log is broken at row %lld: %s"),
                       (long long) id, reason);
          return FALSE;
        }

      g_free (expected_prev);
      expected_prev = g_strdup (stored_hash);
      expected_id = id + 1;
      count++;
    }

  if (rc != SQLITE_DONE)
    {
      _tarmac_store_set_error (store, rc, error);
      return FALSE;
    }

  if (n_rows != NULL)
    *n_rows = count;

  return verify_head (store, expected_id - 1, expected_prev, first_broken_id, error);
}
