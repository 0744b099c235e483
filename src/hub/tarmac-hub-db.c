/* tarmac-hub-db.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tarmac-hub-db"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "tarmac-envelope-verifier.h"
#include "tarmac-envelope.h"
#include "tarmac-hub-db.h"
#include "tarmac-hub-reply.h"
#include "tarmac-key-continuity.h"
#include "tarmac-site-handover.h"
#include "tarmac-sync-error.h"

/* The hub's database (research/sync.md §4.7): SQLite in WAL with synchronous=FULL, so a
 * push is answered only once it is on disk. It holds ciphertext only: the headers the
 * authors signed, the encrypted bodies, and per recipient site the record key sealed to
 * that site, which the hub cannot open. Fan-out happens on write: one inbox row per
 * visible site (and lane), so a pull is a range scan.
 *
 * The audit log is hash-chained: hash = BLAKE2b-256 (prev_hash ‖ the row's fields), so an
 * edited, removed or inserted row breaks the chain (tarmac_hub_db_verify_audit()). */

struct _TarmacHubDb
{
  GObject     parent_instance;

  sqlite3    *db;
  GHashTable *statements;  /* SQL text → prepared statement, for the push and pull paths */
  gboolean    in_group;    /* a group commit is open (tarmac_hub_db_group_begin()) */
  gboolean    group_pushed;
};

G_DEFINE_FINAL_TYPE (TarmacHubDb, tarmac_hub_db, G_TYPE_OBJECT)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static const char schema[] =
  "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;"
  "CREATE TABLE IF NOT EXISTS sites ("
  "  code TEXT PRIMARY KEY, name TEXT NOT NULL, box_pk BLOB,"
  "  status TEXT NOT NULL DEFAULT 'active', created_at INTEGER NOT NULL) STRICT;"
  "CREATE TABLE IF NOT EXISTS devices ("
  "  device_id TEXT PRIMARY KEY, site TEXT NOT NULL REFERENCES sites (code),"
  "  sign_pk BLOB NOT NULL, box_pk BLOB NOT NULL, status TEXT NOT NULL DEFAULT 'active',"
  "  last_seq INTEGER NOT NULL DEFAULT 0, enrolled_at INTEGER NOT NULL,"
  "  revoked_at INTEGER) STRICT;"
  "CREATE TABLE IF NOT EXISTS enrol_codes ("
  "  code_id TEXT PRIMARY KEY, site TEXT NOT NULL REFERENCES sites (code),"
  "  code_key BLOB NOT NULL, expires_at INTEGER NOT NULL, used_at INTEGER,"
  "  device_id TEXT) STRICT;"
  "CREATE TABLE IF NOT EXISTS versions ("
  "  server_seq INTEGER PRIMARY KEY AUTOINCREMENT, version_id TEXT NOT NULL UNIQUE,"
  "  record_id TEXT NOT NULL, owner_site TEXT NOT NULL, origin_device TEXT NOT NULL,"
  "  device_seq INTEGER NOT NULL, hlc INTEGER NOT NULL, kind TEXT NOT NULL,"
  "  priority TEXT NOT NULL, expires_at INTEGER, deleted INTEGER NOT NULL,"
  "  header BLOB NOT NULL, body_ct BLOB NOT NULL, sig BLOB NOT NULL,"
  "  received_at INTEGER NOT NULL, UNIQUE (origin_device, device_seq)) STRICT;"
  "CREATE INDEX IF NOT EXISTS versions_expires ON versions (expires_at)"
  "  WHERE expires_at IS NOT NULL;"
  "CREATE TABLE IF NOT EXISTS records ("
  "  record_id TEXT PRIMARY KEY, owner_site TEXT NOT NULL) STRICT, WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS wraps ("
  "  version_id TEXT NOT NULL, site TEXT NOT NULL, wrap BLOB NOT NULL,"
  "  PRIMARY KEY (version_id, site)) STRICT, WITHOUT ROWID;"
  /* server_seq orders a site's inbox (its cursor); it is the version's own, but for a
   * version delivered late (its wrap came after it, tarmac_hub_db_add_wraps()), which gets
   * a new one past every cursor and names its version in ver_seq. */
  "CREATE TABLE IF NOT EXISTS inbox ("
  "  site TEXT NOT NULL, lane TEXT NOT NULL, server_seq INTEGER NOT NULL, ver_seq INTEGER,"
  "  PRIMARY KEY (site, lane, server_seq)) STRICT, WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS push_batches ("
  "  batch_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, response TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL) STRICT;"
  /* A desk that enrolled into a site that already had a key waits for a desk of the site
   * to hand it over: sealed to the desk's box key and signed by the approving desk, which
   * the hub keeps and relays and cannot open (tarmac-site-handover.c). */
  "CREATE TABLE IF NOT EXISTS key_handovers ("
  "  device_id TEXT PRIMARY KEY REFERENCES devices (device_id), site TEXT NOT NULL,"
  "  requested_at INTEGER NOT NULL, sealed BLOB, sig BLOB, approved_by TEXT,"
  "  approved_at INTEGER) STRICT;"
  /* A desk's proof that it holds its site's current key (a keyed hash only the key's
   * holders can make): the desk that rotates the key seals the new one only to desks
   * that prove it, so the hub cannot slip in a desk of its own. */
  "CREATE TABLE IF NOT EXISTS key_proofs ("
  "  device_id TEXT PRIMARY KEY REFERENCES devices (device_id), site_box_pk BLOB NOT NULL,"
  "  proof BLOB NOT NULL) STRICT;"
  /* Each rotation's proof: the new key signed with the old one (tarmac-key-continuity.c),
   * which the roster lists so that the other airports take the new key without asking
   * an officer. The hub cannot make one: it never holds an airport's key. */
  "CREATE TABLE IF NOT EXISTS site_key_chain ("
  "  seq INTEGER PRIMARY KEY, site TEXT NOT NULL REFERENCES sites (code),"
  "  prev_pk BLOB NOT NULL, box_pk BLOB NOT NULL, signer BLOB NOT NULL, sig BLOB NOT NULL,"
  "  made_by TEXT NOT NULL, made_at INTEGER NOT NULL) STRICT;"
  "CREATE TABLE IF NOT EXISTS audit ("
  "  seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, actor TEXT NOT NULL,"
  "  action TEXT NOT NULL, object TEXT NOT NULL, detail TEXT NOT NULL,"
  "  prev_hash BLOB NOT NULL, hash BLOB NOT NULL) STRICT;"
  "CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;";

static gint64
now_ms (void)
{
  return g_get_real_time () / 1000;
}

static gboolean
set_error (TarmacHubDb  *self,
           GError      **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Hub database error: %s"),
               sqlite3_errmsg (self->db));
  return FALSE;
}

static sqlite3_stmt *
prepare (TarmacHubDb  *self,
         const char   *sql,
         GError      **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_error (self, error);
      return NULL;
    }

  return stmt;
}

/* A statement of the cache: reset, not finalized, when it goes out of scope. Each SQL
 * text is used by one caller at a time (the daemon has one thread). Preparing again for
 * every envelope cost more than verifying its signature. */
typedef sqlite3_stmt HubStmt;

static void
hub_stmt_release (HubStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubStmt, hub_stmt_release)

static HubStmt *
cached (TarmacHubDb  *self,
        const char   *sql,
        GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      stmt = prepare (self, sql, error);
      if (stmt == NULL)
        return NULL;
      g_hash_table_insert (self->statements, (gpointer) sql, stmt);
    }

  return stmt;
}

static gboolean
exec (TarmacHubDb  *self,
      const char   *sql,
      GError      **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_error (self, error);

  return TRUE;
}

static gboolean
step_done (TarmacHubDb   *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_error (self, error);

  return TRUE;
}

/* Adds @column to @table of a hub made by an older version (CREATE TABLE IF NOT EXISTS
 * leaves an existing table as it was). */
static gboolean
add_column (TarmacHubDb  *self,
            const char   *table,
            const char   *column,
            const char   *type,
            GError      **error)
{
  g_autofree char *query = g_strdup_printf ("SELECT 1 FROM pragma_table_info ('%s') WHERE name = '%s'",
                                            table, column);
  g_autofree char *alter = g_strdup_printf ("ALTER TABLE %s ADD COLUMN %s %s", table, column, type);
  sqlite3_stmt *stmt = NULL;
  gboolean present;

  if (sqlite3_prepare_v2 (self->db, query, -1, &stmt, NULL) != SQLITE_OK)
    return set_error (self, error);
  present = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);

  return present || exec (self, alter, error);
}

/* Commits a change to the roster with a new roster version, so that the desks fetch it
 * again. */
static gboolean
commit_roster_change (TarmacHubDb  *self,
                      GError      **error)
{
  return exec (self, "UPDATE meta SET value = value + 1 WHERE key = 'roster_version'; COMMIT",
               error);
}

static void
rollback (TarmacHubDb *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

void
tarmac_hub_device_free (TarmacHubDevice *device)
{
  g_free (device->device_id);
  g_free (device->site);
  g_free (device);
}

static void
tarmac_hub_db_finalize (GObject *object)
{
  TarmacHubDb *self = (TarmacHubDb *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);

  G_OBJECT_CLASS (tarmac_hub_db_parent_class)->finalize (object);
}

static void
tarmac_hub_db_class_init (TarmacHubDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tarmac_hub_db_finalize;
}

static void
statement_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
tarmac_hub_db_init (TarmacHubDb *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, statement_free);
}

TarmacHubDb *
tarmac_hub_db_open (const char  *path,
                    GError     **error)
{
  g_autoptr(TarmacHubDb) self = g_object_new (TARMAC_TYPE_HUB_DB, NULL);

  if (sodium_init () < 0)
    g_error ("libsodium cannot start");

  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      set_error (self, error);
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);
  if (!exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                   " PRAGMA foreign_keys = ON;", error)
      || !exec (self, schema, error)
      || !add_column (self, "inbox", "ver_seq", "INTEGER", error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
hash_row (const guint8 *prev,
          gint64        seq,
          gint64        ts,
          const char   *actor,
          const char   *action,
          const char   *object,
          const char   *detail,
          guint8       *out)
{
  crypto_generichash_state state;
  g_autofree char *numbers = g_strdup_printf ("%" G_GINT64_FORMAT "\n%" G_GINT64_FORMAT "\n", seq, ts);

  crypto_generichash_init (&state, NULL, 0, 32);
  crypto_generichash_update (&state, prev, 32);
  crypto_generichash_update (&state, (const guint8 *) numbers, strlen (numbers));
  crypto_generichash_update (&state, (const guint8 *) actor, strlen (actor) + 1);
  crypto_generichash_update (&state, (const guint8 *) action, strlen (action) + 1);
  crypto_generichash_update (&state, (const guint8 *) object, strlen (object) + 1);
  crypto_generichash_update (&state, (const guint8 *) detail, strlen (detail) + 1);
  crypto_generichash_final (&state, out, 32);
}

/**
 * tarmac_hub_db_audit:
 *
 * Appends a row to the hash-chained audit log, inside the caller's transaction if any.
 */
gboolean
tarmac_hub_db_audit (TarmacHubDb  *self,
                     const char   *actor,
                     const char   *action,
                     const char   *object,
                     const char   *detail,
                     GError      **error)
{
  g_autoptr(HubStmt) last = NULL;
  g_autoptr(HubStmt) insert = NULL;
  guint8 prev[32] = { 0 };
  guint8 hash[32];
  gint64 seq = 1;
  gint64 ts = now_ms ();

  last = cached (self, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", error);
  if (last == NULL)
    return FALSE;
  if (sqlite3_step (last) == SQLITE_ROW)
    {
      seq = sqlite3_column_int64 (last, 0) + 1;
      memcpy (prev, sqlite3_column_blob (last, 1), 32);
    }

  actor = actor ? actor : "";
  object = object ? object : "";
  detail = detail ? detail : "";
  hash_row (prev, seq, ts, actor, action, object, detail, hash);

  insert = cached (self, "INSERT INTO audit (seq, ts, actor, action, object, detail, prev_hash, hash)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, seq);
  sqlite3_bind_int64 (insert, 2, ts);
  sqlite3_bind_text (insert, 3, actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, object, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, detail, -1, SQLITE_STATIC);
  sqlite3_bind_blob (insert, 7, prev, 32, SQLITE_STATIC);
  sqlite3_bind_blob (insert, 8, hash, 32, SQLITE_STATIC);
  return step_done (self, insert, error);
}

/**
 * tarmac_hub_db_verify_audit:
 * @n_rows: (out) (optional): the rows checked
 *
 * Recomputes the whole chain.
 */
gboolean
tarmac_hub_db_verify_audit (TarmacHubDb  *self,
                            gint64       *n_rows,
                            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint8 prev[32] = { 0 };
  gint64 rows = 0;
  int rc;

  stmt = prepare (self, "SELECT seq, ts, actor, action, object, detail, prev_hash, hash"
                        " FROM audit ORDER BY seq", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint8 hash[32];
      gint64 seq = sqlite3_column_int64 (stmt, 0);

      hash_row (prev, seq, sqlite3_column_int64 (stmt, 1),
                (const char *) sqlite3_column_text (stmt, 2),
                (const char *) sqlite3_column_text (stmt, 3),
                (const char *) sqlite3_column_text (stmt, 4),
                (const char *) sqlite3_column_text (stmt, 5), hash);
      if (seq != rows + 1
          || sqlite3_column_bytes (stmt, 6) != 32 || memcmp (sqlite3_column_blob (stmt, 6), prev, 32) != 0
          || sqlite3_column_bytes (stmt, 7) != 32 || memcmp (sqlite3_column_blob (stmt, 7), hash, 32) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The hub’s audit log is broken at row %lld"), (long long) rows + 1);
          return FALSE;
        }
      memcpy (prev, hash, 32);
      rows++;
    }

  if (rc != SQLITE_DONE)
    return set_error (self, error);

  if (n_rows != NULL)
    *n_rows = rows;
  return TRUE;
}

gboolean
tarmac_hub_db_add_site (TarmacHubDb  *self,
                        const char   *code,
                        const char   *name,
                        GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!tarmac_envelope_is_site_code (code))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a site code: 2 to 8 capital letters or digits"), code);
      return FALSE;
    }

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  stmt = prepare (self, "INSERT INTO sites (code, name, created_at) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name ? name : code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, now_ms ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("The site %s already exists"), code);
      goto fail;
    }

  if (!tarmac_hub_db_audit (self, "admin", "site-add", code, name ? name : "", error)
      || !exec (self, "UPDATE meta SET value = value + 1 WHERE key = 'roster_version';"
                      "INSERT OR IGNORE INTO meta (key, value) VALUES ('roster_version', 1);"
                      "COMMIT", error))
    goto fail;

  return TRUE;

fail:
  rollback (self);
  return FALSE;
}

/**
 * tarmac_hub_db_reset_site_key:
 * @code: a site none of whose active desks holds its key any more
 *
 * Forgets the site's public key, so that the next desk to enrol brings a new one (and
 * approves the desks that wait). For an airport whose key is lost — its only desk left the
 * network, or every desk that held it was revoked; refused while an active desk still
 * holds it. What was sealed to the old key stays unreadable.
 */
gboolean
tarmac_hub_db_reset_site_key (TarmacHubDb  *self,
                              const char   *code,
                              GError      **error)
{
  g_autoptr(sqlite3_stmt) holders = NULL;
  g_autoptr(sqlite3_stmt) reset = NULL;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  holders = prepare (self, "SELECT count (*) FROM devices d LEFT JOIN key_handovers h USING (device_id)"
                           " WHERE d.site = ?1 AND d.status = 'active'"
                           "  AND (h.device_id IS NULL OR h.sealed IS NOT NULL)", error);
  reset = prepare (self, "UPDATE sites SET box_pk = NULL WHERE code = ?1", error);
  if (holders == NULL || reset == NULL)
    goto fail;
  sqlite3_bind_text (holders, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (holders) != SQLITE_ROW)
    {
      set_error (self, error);
      goto fail;
    }
  if (sqlite3_column_int64 (holders, 0) > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Active desks of %s still hold its key: let them approve new desks, or "
                     "revoke them first"), code);
      goto fail;
    }

  sqlite3_bind_text (reset, 1, code, -1, SQLITE_STATIC);
  if (!step_done (self, reset, error))
    goto fail;
  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No site %s"), code);
      goto fail;
    }

  if (!tarmac_hub_db_audit (self, "admin", "site-reset-key", code, "", error)
      || !commit_roster_change (self, error))
    goto fail;

  return TRUE;

fail:
  rollback (self);
  return FALSE;
}

static void
code_key_of (const char *code,
             guint8     *key)
{
  crypto_generichash (key, 32, (const guint8 *) code, strlen (code),
                      (const guint8 *) "tarmac-enrol-v1", 15);
}

/**
 * tarmac_hub_db_new_enrol_code:
 * @site: the site the code enrols a device of
 *
 * A one-time code, valid 72 hours: an id (so the hub finds it without the secret being
 * sent) and 120 random bits, in base32 groups to read over the phone. Only a key derived
 * from it is stored.
 *
 * Returns: (transfer full): the code, "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
 */
char *
tarmac_hub_db_new_enrol_code (TarmacHubDb  *self,
                              const char   *site,
                              GError      **error)
{
  static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) code = g_string_new (NULL);
  g_autofree char *code_id = NULL;
  guint8 key[32];

  for (int i = 0; i < 32; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (code, '-');
      g_string_append_c (code, alphabet[randombytes_uniform (32)]);
    }
  code_id = g_strndup (code->str, 9);
  code_key_of (code->str, key);

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return NULL;

  stmt = prepare (self, "INSERT INTO enrol_codes (code_id, site, code_key, expires_at)"
                        " SELECT ?1, code, ?2, ?3 FROM sites WHERE code = ?4 AND status = 'active'",
                  error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, code_id, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 2, key, 32, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, now_ms () + TARMAC_HUB_CODE_TTL_MS);
  sqlite3_bind_text (stmt, 4, site, -1, SQLITE_STATIC);
  if (!step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No active site %s"), site);
      goto fail;
    }

  if (!tarmac_hub_db_audit (self, "admin", "enrol-code", site, code_id, error)
      || !exec (self, "COMMIT", error))
    goto fail;

  sodium_memzero (key, sizeof key);
  return g_string_free (g_steal_pointer (&code), FALSE);

fail:
  rollback (self);
  return NULL;
}

static gboolean
get_key (JsonObject  *object,
         const char  *name,
         guint8      *out,
         gsize        length)
{
  const char *text = json_object_get_string_member_with_default (object, name, NULL);
  size_t got = 0;

  return text != NULL
         && sodium_base642bin (out, length, text, strlen (text), NULL, &got, NULL,
                               sodium_base64_VARIANT_ORIGINAL) == 0
         && got == length;
}

/* A refusal with its status, as the client sees it. */
static JsonNode *
refusal (guint      *status,
         guint       code,
         const char *name)
{
  *status = code;
  return tarmac_hub_json_strings ("error", name, NULL);
}

/**
 * tarmac_hub_db_enrol:
 * @request: {code_id, proof, device_id, sign_pk, box_pk, site_box_pk}
 * @status: (out): the HTTP status to answer with
 *
 * Enrols a device with a one-time code. The proof is BLAKE2b-256 keyed with the code's
 * key over device_id ‖ sign_pk ‖ box_pk ‖ site_box_pk, so the code never travels and the
 * keys cannot be swapped on the way.
 */
JsonNode *
tarmac_hub_db_enrol (TarmacHubDb  *self,
                     JsonObject   *request,
                     guint        *status,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) code = NULL;
  g_autoptr(sqlite3_stmt) site_key = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) waiting = NULL;
  crypto_generichash_state state;
  const char *code_id = json_object_get_string_member_with_default (request, "code_id", NULL);
  const char *device_id = json_object_get_string_member_with_default (request, "device_id", NULL);
  g_autofree char *site = NULL;
  guint8 sign_pk[32], box_pk[32], site_box_pk[32], proof[32], expected[32], key[32];
  gboolean holds_key;

  if (code_id == NULL || device_id == NULL || strlen (code_id) > 16
      || !g_uuid_string_is_valid (device_id)
      || !get_key (request, "sign_pk", sign_pk, 32) || !get_key (request, "box_pk", box_pk, 32)
      || !get_key (request, "site_box_pk", site_box_pk, 32) || !get_key (request, "proof", proof, 32))
    return refusal (status, 400, "malformed");

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return NULL;

  /* The code names the site: the device learns which airport it belongs to from it. */
  code = prepare (self, "SELECT code_key, site FROM enrol_codes WHERE code_id = ?1"
                        " AND used_at IS NULL AND expires_at > ?2", error);
  if (code == NULL)
    goto fail;
  sqlite3_bind_text (code, 1, code_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (code, 2, now_ms ());
  if (sqlite3_step (code) != SQLITE_ROW)
    {
      rollback (self);
      tarmac_hub_db_audit (self, "enrol", "enrol-refused", "", code_id, NULL);
      return refusal (status, 403, "bad_code");
    }
  memcpy (key, sqlite3_column_blob (code, 0), 32);
  site = g_strdup ((const char *) sqlite3_column_text (code, 1));

  crypto_generichash_init (&state, key, 32, 32);
  crypto_generichash_update (&state, (const guint8 *) device_id, strlen (device_id));
  crypto_generichash_update (&state, sign_pk, 32);
  crypto_generichash_update (&state, box_pk, 32);
  crypto_generichash_update (&state, site_box_pk, 32);
  crypto_generichash_final (&state, expected, 32);
  if (sodium_memcmp (expected, proof, 32) != 0)
    {
      rollback (self);
      tarmac_hub_db_audit (self, "enrol", "enrol-refused", site, "bad proof", NULL);
      return refusal (status, 403, "bad_code");
    }

  /* The first device of a site brings the site's box key. A later one keeps its own keys
   * and waits: a desk of the site hands the key over, sealed to it (research/sync.md
   * §3.3, tarmac-site-handover.c); its candidate key is never used. */
  site_key = prepare (self, "UPDATE sites SET box_pk = ?2 WHERE code = ?1"
                            " AND (box_pk IS NULL OR box_pk = ?2)", error);
  if (site_key == NULL)
    goto fail;
  sqlite3_bind_text (site_key, 1, site, -1, SQLITE_STATIC);
  sqlite3_bind_blob (site_key, 2, site_box_pk, 32, SQLITE_STATIC);
  if (!step_done (self, site_key, error))
    goto fail;
  holds_key = sqlite3_changes (self->db) == 1;

  insert = prepare (self, "INSERT INTO devices (device_id, site, sign_pk, box_pk, enrolled_at)"
                          " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (insert == NULL)
    goto fail;
  sqlite3_bind_text (insert, 1, device_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, site, -1, SQLITE_STATIC);
  sqlite3_bind_blob (insert, 3, sign_pk, 32, SQLITE_STATIC);
  sqlite3_bind_blob (insert, 4, box_pk, 32, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 5, now_ms ());
  if (sqlite3_step (insert) != SQLITE_DONE)
    {
      rollback (self);
      return refusal (status, 409, "device_exists");
    }

  if (!holds_key)
    {
      waiting = prepare (self, "INSERT INTO key_handovers (device_id, site, requested_at)"
                               " VALUES (?1, ?2, ?3)", error);
      if (waiting == NULL)
        goto fail;
      sqlite3_bind_text (waiting, 1, device_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (waiting, 2, site, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (waiting, 3, now_ms ());
      if (!step_done (self, waiting, error))
        goto fail;
    }

  g_clear_pointer (&code, sqlite3_finalize);
  code = prepare (self, "UPDATE enrol_codes SET used_at = ?2, device_id = ?3 WHERE code_id = ?1", error);
  if (code == NULL)
    goto fail;
  sqlite3_bind_text (code, 1, code_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (code, 2, now_ms ());
  sqlite3_bind_text (code, 3, device_id, -1, SQLITE_STATIC);
  if (!step_done (self, code, error)
      || !tarmac_hub_db_audit (self, device_id, "enrol", site, code_id, error)
      || !commit_roster_change (self, error))
    goto fail;

  *status = 200;
  return tarmac_hub_json_strings ("device_id", device_id, "site", site, "status", "active",
                                  "site_key", holds_key ? "yours" : "waiting", NULL);

fail:
  rollback (self);
  return NULL;
}

/**
 * tarmac_hub_db_get_device:
 *
 * Reads a device afresh, so a revocation made by `tarmac-hub device revoke` in another
 * process counts from the next request.
 *
 * Returns: (transfer full) (nullable): the device, %NULL if unknown
 */
TarmacHubDevice *
tarmac_hub_db_get_device (TarmacHubDb  *self,
                          const char   *device_id,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  TarmacHubDevice *device;

  stmt = prepare (self, "SELECT site, sign_pk, status, last_seq FROM devices WHERE device_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, device_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  device = g_new0 (TarmacHubDevice, 1);
  device->device_id = g_strdup (device_id);
  device->site = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  memcpy (device->sign_pk, sqlite3_column_blob (stmt, 1), 32);
  device->revoked = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "revoked") == 0;
  device->last_seq = sqlite3_column_int64 (stmt, 3);
  return device;
}

/* (transfer full): [{device_id, site, status, last_seq, fingerprint, key}] */
JsonNode *
tarmac_hub_db_list_devices (TarmacHubDb  *self,
                            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  stmt = prepare (self, "SELECT d.device_id, d.site, d.status, d.last_seq, d.sign_pk,"
                        "  h.device_id IS NOT NULL AND h.sealed IS NULL"
                        " FROM devices d LEFT JOIN key_handovers h USING (device_id)"
                        " ORDER BY d.site, d.enrolled_at", error);
  if (stmt == NULL)
    return NULL;

  json_builder_begin_array (builder);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint8 digest[16];
      char hex[33];

      crypto_generichash (digest, sizeof digest, sqlite3_column_blob (stmt, 4), 32, NULL, 0);
      sodium_bin2hex (hex, sizeof hex, digest, sizeof digest);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "device_id");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 0));
      json_builder_set_member_name (builder, "site");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 1));
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 2));
      json_builder_set_member_name (builder, "last_seq");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 3));
      json_builder_set_member_name (builder, "fingerprint");
      json_builder_add_string_value (builder, hex);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, sqlite3_column_int (stmt, 5) ? "waiting" : "held");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

gboolean
tarmac_hub_db_revoke_device (TarmacHubDb  *self,
                             const char   *device_id,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  stmt = prepare (self, "UPDATE devices SET status = 'revoked', revoked_at = ?2"
                        " WHERE device_id = ?1 AND status = 'active'", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, device_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now_ms ());
  if (!step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No active device %s"), device_id);
      goto fail;
    }

  if (!tarmac_hub_db_audit (self, "admin", "revoke", device_id, "", error)
      || !commit_roster_change (self, error))
    goto fail;

  return TRUE;

fail:
  rollback (self);
  return FALSE;
}

static void
add_base64 (JsonBuilder  *builder,
            const char   *name,
            const void   *data,
            gsize         length)
{
  g_autofree char *text = g_base64_encode (data, length);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

/**
 * tarmac_hub_db_store_handover:
 * @approver: the device that sealed the key (authenticated)
 * @device_id: the desk it is for
 * @sealed: the site's key sealed to that desk's box key
 * @sig: @approver's signature over it (tarmac_handover_signed_message())
 * @status: (out): the HTTP status to answer with
 *
 * Keeps a handed-over site key for @device_id. Only an active desk of the same site that
 * is not itself waiting may hand it over, and only to a desk that waits; the signature is
 * checked with the approver's key, so garbage is refused here rather than at the desk.
 * The hub cannot open @sealed. Storing the same handover again is answered 200.
 *
 * Returns: (transfer full): the answer, %NULL on a database error
 */
JsonNode *
tarmac_hub_db_store_handover (TarmacHubDb     *self,
                              TarmacHubDevice *approver,
                              const char      *device_id,
                              JsonObject      *request,
                              guint           *status,
                              GError         **error)
{
  g_autoptr(sqlite3_stmt) target = NULL;
  g_autoptr(sqlite3_stmt) self_waiting = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(GByteArray) message = NULL;
  const char *sealed64 = json_object_get_string_member_with_default (request, "sealed", "");
  const char *sig64 = json_object_get_string_member_with_default (request, "sig", "");
  guint8 sealed[TARMAC_HANDOVER_SEALED_MAX], sig[crypto_sign_BYTES], box_pk[32], site_pk[32];
  size_t sealed_length = 0, sig_length = 0;
  gboolean same;

  if (sodium_base642bin (sealed, sizeof sealed, sealed64, strlen (sealed64), NULL, &sealed_length,
                         NULL, sodium_base64_VARIANT_ORIGINAL) != 0
      || !tarmac_handover_sealed_length_valid (sealed_length)
      || sodium_base642bin (sig, sizeof sig, sig64, strlen (sig64), NULL, &sig_length,
                            NULL, sodium_base64_VARIANT_ORIGINAL) != 0
      || sig_length != sizeof sig)
    return refusal (status, 400, "malformed");

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return NULL;

  target = prepare (self, "SELECT d.site, d.box_pk, d.status, h.sealed, s.box_pk"
                          " FROM key_handovers h JOIN devices d USING (device_id)"
                          " JOIN sites s ON s.code = d.site WHERE h.device_id = ?1", error);
  self_waiting = prepare (self, "SELECT 1 FROM key_handovers WHERE device_id = ?1 AND sealed IS NULL",
                          error);
  if (target == NULL || self_waiting == NULL)
    goto fail;
  sqlite3_bind_text (target, 1, device_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (self_waiting, 1, approver->device_id, -1, SQLITE_STATIC);
  if (sqlite3_step (target) != SQLITE_ROW
      || g_strcmp0 ((const char *) sqlite3_column_text (target, 2), "active") != 0)
    {
      rollback (self);
      return refusal (status, 404, "not_waiting");
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (target, 0), approver->site) != 0)
    {
      rollback (self);
      tarmac_hub_db_audit (self, approver->device_id, "handover-refused", device_id, "other site", NULL);
      return refusal (status, 403, "origin_mismatch");
    }
  if (sqlite3_step (self_waiting) == SQLITE_ROW || sqlite3_column_bytes (target, 4) != 32)
    {
      rollback (self);
      return refusal (status, 403, "awaiting_key");
    }

  memcpy (box_pk, sqlite3_column_blob (target, 1), 32);
  memcpy (site_pk, sqlite3_column_blob (target, 4), 32);
  message = tarmac_handover_signed_message (approver->site, device_id, box_pk, site_pk, sealed,
                                            sealed_length);
  if (crypto_sign_verify_detached (sig, message->data, message->len, approver->sign_pk) != 0)
    {
      rollback (self);
      return refusal (status, 400, "bad_signature");
    }

  if (sqlite3_column_type (target, 3) != SQLITE_NULL)
    {
      same = (gsize) sqlite3_column_bytes (target, 3) == sealed_length
             && memcmp (sqlite3_column_blob (target, 3), sealed, sealed_length) == 0;
      rollback (self);
      if (!same)
        return refusal (status, 409, "already_approved");
    }
  else
    {
      update = prepare (self, "UPDATE key_handovers SET sealed = ?2, sig = ?3, approved_by = ?4,"
                              " approved_at = ?5 WHERE device_id = ?1", error);
      if (update == NULL)
        goto fail;
      sqlite3_bind_text (update, 1, device_id, -1, SQLITE_STATIC);
      sqlite3_bind_blob (update, 2, sealed, sealed_length, SQLITE_STATIC);
      sqlite3_bind_blob (update, 3, sig, sizeof sig, SQLITE_STATIC);
      sqlite3_bind_text (update, 4, approver->device_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (update, 5, now_ms ());
      if (!step_done (self, update, error)
          || !tarmac_hub_db_audit (self, approver->device_id, "handover", device_id, approver->site, error)
          || !commit_roster_change (self, error))
        goto fail;
    }

  *status = 200;
  return tarmac_hub_json_strings ("device_id", device_id, "status", "approved", NULL);

fail:
  rollback (self);
  return NULL;
}

/**
 * tarmac_hub_db_store_key_proof:
 * @device: the desk (authenticated)
 * @request: {site_box_pk, proof}
 *
 * Keeps a desk's proof that it holds its site's current key (tarmac-site-handover.c);
 * the roster lists it. The hub cannot check it; the desks that rotate the key do.
 */
JsonNode *
tarmac_hub_db_store_key_proof (TarmacHubDb     *self,
                               TarmacHubDevice *device,
                               JsonObject      *request,
                               guint           *status,
                               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint8 site_pk[32], proof[32];

  if (!get_key (request, "site_box_pk", site_pk, 32) || !get_key (request, "proof", proof, 32))
    return refusal (status, 400, "malformed");

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return NULL;

  stmt = prepare (self, "INSERT INTO key_proofs (device_id, site_box_pk, proof)"
                        " SELECT ?1, ?2, ?3 FROM sites WHERE code = ?4 AND box_pk = ?2"
                        " ON CONFLICT (device_id) DO UPDATE SET site_box_pk = excluded.site_box_pk,"
                        "  proof = excluded.proof"
                        " WHERE site_box_pk <> excluded.site_box_pk OR proof <> excluded.proof", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, device->device_id, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 2, site_pk, 32, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 3, proof, 32, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, device->site, -1, SQLITE_STATIC);
  if (!step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) > 0
      && !exec (self, "UPDATE meta SET value = value + 1 WHERE key = 'roster_version'", error))
    goto fail;
  if (!exec (self, "COMMIT", error))
    goto fail;

  *status = 200;
  return tarmac_hub_json_strings ("status", "ok", NULL);

fail:
  rollback (self);
  return NULL;
}

/**
 * tarmac_hub_db_rotate_site_key:
 * @device: the desk that made the new key (authenticated, holding the current one)
 * @request: {box_pk, handovers: [{device_id, sealed, sig}]}
 *
 * A new key for the device's site: its public key replaces the old one in the roster,
 * each handover (sealed to a desk of the site and signed by @device, checked here as for
 * an approval) is kept for its desk to take, and the active desks of the site left out
 * wait again for a desk's approval, with their code. The old key's proofs go.
 */
JsonNode *
tarmac_hub_db_rotate_site_key (TarmacHubDb     *self,
                               TarmacHubDevice *device,
                               JsonObject      *request,
                               guint           *status,
                               GError         **error)
{
  g_autoptr(sqlite3_stmt) holder = NULL;
  g_autoptr(sqlite3_stmt) target = NULL;
  g_autoptr(sqlite3_stmt) upsert = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonBuilder) builder = NULL;
  JsonArray *handovers = json_object_has_member (request, "handovers")
                         && JSON_NODE_HOLDS_ARRAY (json_object_get_member (request, "handovers"))
                         ? json_object_get_array_member (request, "handovers") : NULL;
  JsonObject *chain = json_object_has_member (request, "chain")
                      && JSON_NODE_HOLDS_OBJECT (json_object_get_member (request, "chain"))
                      ? json_object_get_object_member (request, "chain") : NULL;
  gint64 now = now_ms ();
  guint8 site_pk[32];
  guint n;

  if (!get_key (request, "box_pk", site_pk, 32) || handovers == NULL
      || json_array_get_length (handovers) == 0 || json_array_get_length (handovers) > 1000)
    return refusal (status, 400, "malformed");

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return NULL;

  holder = prepare (self, "SELECT 1 FROM key_handovers WHERE device_id = ?1 AND sealed IS NULL", error);
  target = prepare (self, "SELECT box_pk FROM devices WHERE device_id = ?1 AND site = ?2"
                          " AND status = 'active'", error);
  upsert = prepare (self, "INSERT INTO key_handovers (device_id, site, requested_at, sealed, sig,"
                          "  approved_by, approved_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?3)"
                          " ON CONFLICT (device_id) DO UPDATE SET sealed = excluded.sealed,"
                          "  sig = excluded.sig, approved_by = excluded.approved_by,"
                          "  approved_at = excluded.approved_at", error);
  if (holder == NULL || target == NULL || upsert == NULL)
    goto fail;

  sqlite3_bind_text (holder, 1, device->device_id, -1, SQLITE_STATIC);
  if (sqlite3_step (holder) == SQLITE_ROW)
    {
      rollback (self);
      return refusal (status, 403, "awaiting_key");
    }

  n = json_array_get_length (handovers);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *handover = json_array_get_object_element (handovers, i);
      const char *device_id = handover != NULL
                              ? json_object_get_string_member_with_default (handover, "device_id", "") : "";
      g_autoptr(GByteArray) message = NULL;
      guint8 sealed[TARMAC_HANDOVER_SEALED_BYTES], sig[crypto_sign_BYTES], box_pk[32];
      const char *sealed64, *sig64;
      size_t sealed_length = 0, sig_length = 0;

      if (handover == NULL || !g_uuid_string_is_valid (device_id)
          || g_hash_table_contains (seen, device_id))
        goto malformed;
      sealed64 = json_object_get_string_member_with_default (handover, "sealed", "");
      sig64 = json_object_get_string_member_with_default (handover, "sig", "");
      if (sodium_base642bin (sealed, sizeof sealed, sealed64, strlen (sealed64), NULL, &sealed_length,
                             NULL, sodium_base64_VARIANT_ORIGINAL) != 0
          || sealed_length != sizeof sealed
          || sodium_base642bin (sig, sizeof sig, sig64, strlen (sig64), NULL, &sig_length,
                                NULL, sodium_base64_VARIANT_ORIGINAL) != 0
          || sig_length != sizeof sig)
        goto malformed;
      g_hash_table_add (seen, g_strdup (device_id));

      sqlite3_reset (target);
      sqlite3_bind_text (target, 1, device_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (target, 2, device->site, -1, SQLITE_STATIC);
      if (sqlite3_step (target) != SQLITE_ROW)
        {
          rollback (self);
          return refusal (status, 403, "origin_mismatch");
        }
      memcpy (box_pk, sqlite3_column_blob (target, 0), 32);

      message = tarmac_handover_signed_message (device->site, device_id, box_pk, site_pk, sealed,
                                                sizeof sealed);
      if (crypto_sign_verify_detached (sig, message->data, message->len, device->sign_pk) != 0)
        {
          rollback (self);
          return refusal (status, 400, "bad_signature");
        }

      sqlite3_reset (upsert);
      sqlite3_bind_text (upsert, 1, device_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (upsert, 2, device->site, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (upsert, 3, now);
      sqlite3_bind_blob (upsert, 4, sealed, sizeof sealed, SQLITE_TRANSIENT);
      sqlite3_bind_blob (upsert, 5, sig, sizeof sig, SQLITE_TRANSIENT);
      sqlite3_bind_text (upsert, 6, device->device_id, -1, SQLITE_STATIC);
      if (!step_done (self, upsert, error))
        goto fail;
    }

  if (!g_hash_table_contains (seen, device->device_id))
    goto malformed;

  /* The new key signed with the old one, which the hub keeps for the roster; a desk of
   * an older version sends none (the other airports then ask an officer). */
  if (chain != NULL)
    {
      g_autoptr(sqlite3_stmt) current = NULL;
      g_autoptr(sqlite3_stmt) link = NULL;
      guint8 prev_pk[32], signer[32], sig[crypto_sign_BYTES];

      current = prepare (self, "SELECT box_pk FROM sites WHERE code = ?1", error);
      if (current == NULL)
        goto fail;
      sqlite3_bind_text (current, 1, device->site, -1, SQLITE_STATIC);
      if (sqlite3_step (current) != SQLITE_ROW || sqlite3_column_bytes (current, 0) != 32
          || !get_key (chain, "signer", signer, 32) || !get_key (chain, "sig", sig, sizeof sig))
        goto malformed;
      memcpy (prev_pk, sqlite3_column_blob (current, 0), 32);
      if (!tarmac_site_key_change_verify (device->site, prev_pk, site_pk, signer, sig))
        {
          rollback (self);
          return refusal (status, 400, "bad_signature");
        }

      link = prepare (self, "INSERT INTO site_key_chain (site, prev_pk, box_pk, signer, sig, made_by,"
                            " made_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
      if (link == NULL)
        goto fail;
      sqlite3_bind_text (link, 1, device->site, -1, SQLITE_STATIC);
      sqlite3_bind_blob (link, 2, prev_pk, 32, SQLITE_STATIC);
      sqlite3_bind_blob (link, 3, site_pk, 32, SQLITE_STATIC);
      sqlite3_bind_blob (link, 4, signer, 32, SQLITE_STATIC);
      sqlite3_bind_blob (link, 5, sig, sizeof sig, SQLITE_STATIC);
      sqlite3_bind_text (link, 6, device->device_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (link, 7, now);
      if (!step_done (self, link, error))
        goto fail;
    }

  /* The site's new key; the desks left out wait for an approval again; the proofs were
   * of the old key. */
  stmt = prepare (self, "UPDATE sites SET box_pk = ?2 WHERE code = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, device->site, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 2, site_pk, 32, SQLITE_STATIC);
  if (!step_done (self, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = prepare (self, "INSERT INTO key_handovers (device_id, site, requested_at)"
                        " SELECT d.device_id, d.site, ?2 FROM devices d"
                        " WHERE d.site = ?1 AND d.status = 'active'"
                        "  AND NOT EXISTS (SELECT 1 FROM key_handovers h WHERE h.device_id = d.device_id"
                        "                  AND h.approved_at >= ?2)"
                        " ON CONFLICT (device_id) DO UPDATE SET sealed = NULL, sig = NULL,"
                        "  approved_by = NULL, approved_at = NULL, requested_at = excluded.requested_at",
                  error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, device->site, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now);
  if (!step_done (self, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = prepare (self, "DELETE FROM key_proofs WHERE device_id IN"
                        " (SELECT device_id FROM devices WHERE site = ?1)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, device->site, -1, SQLITE_STATIC);
  if (!step_done (self, stmt, error)
      || !tarmac_hub_db_audit (self, device->device_id, "site-key-rotate", device->site, "", error)
      || !commit_roster_change (self, error))
    goto fail;

  *status = 200;
  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "rotated");
  json_builder_set_member_name (builder, "handovers");
  json_builder_add_int_value (builder, n);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);

malformed:
  rollback (self);
  return refusal (status, 400, "malformed");

fail:
  rollback (self);
  return NULL;
}

/**
 * tarmac_hub_db_get_handover:
 * @device: the desk asking for its site's key (authenticated)
 * @status: (out): 200, or 404 while no desk approved it
 *
 * Returns: (transfer full): {sealed, sig, approved_by}, or the refusal
 */
JsonNode *
tarmac_hub_db_get_handover (TarmacHubDb      *self,
                            TarmacHubDevice  *device,
                            guint            *status,
                            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = NULL;

  stmt = prepare (self, "SELECT sealed, sig, approved_by FROM key_handovers"
                        " WHERE device_id = ?1 AND sealed IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, device->device_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return refusal (status, 404, "awaiting_key");

  *status = 200;
  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  add_base64 (builder, "sealed", sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  add_base64 (builder, "sig", sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
  json_builder_set_member_name (builder, "approved_by");
  json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 2));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* (transfer full) (element-type utf8): the ids of revoked devices */
GPtrArray *
tarmac_hub_db_list_revoked (TarmacHubDb  *self,
                            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *ids;

  stmt = prepare (self, "SELECT device_id FROM devices WHERE status = 'revoked'", error);
  if (stmt == NULL)
    return NULL;

  ids = g_ptr_array_new_with_free_func (g_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));

  return ids;
}

/* (transfer full): the roster's content (the server signs it) */
JsonNode *
tarmac_hub_db_roster (TarmacHubDb  *self,
                      GError      **error)
{
  g_autoptr(sqlite3_stmt) version = NULL;
  g_autoptr(sqlite3_stmt) sites = NULL;
  g_autoptr(sqlite3_stmt) chain = NULL;
  g_autoptr(sqlite3_stmt) devices = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  version = prepare (self, "SELECT value FROM meta WHERE key = 'roster_version'", error);
  sites = prepare (self, "SELECT code, name, box_pk, status FROM sites ORDER BY code", error);
  chain = prepare (self, "SELECT prev_pk, box_pk, signer, sig FROM"
                         " (SELECT * FROM site_key_chain WHERE site = ?1 ORDER BY seq DESC LIMIT ?2)"
                         " ORDER BY seq", error);
  devices = prepare (self, "SELECT d.device_id, d.site, d.sign_pk, d.status, d.box_pk,"
                          "  h.device_id IS NOT NULL AND h.sealed IS NULL, p.proof"
                          " FROM devices d LEFT JOIN key_handovers h USING (device_id)"
                          " LEFT JOIN key_proofs p USING (device_id)"
                          " ORDER BY d.device_id", error);
  if (version == NULL || sites == NULL || chain == NULL || devices == NULL)
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "roster_version");
  json_builder_add_int_value (builder, sqlite3_step (version) == SQLITE_ROW
                                       ? sqlite3_column_int64 (version, 0) : 0);
  json_builder_set_member_name (builder, "issued_at");
  json_builder_add_int_value (builder, now_ms ());
  json_builder_set_member_name (builder, "sites");
  json_builder_begin_array (builder);
  while (sqlite3_step (sites) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (sites, 0));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (sites, 1));
      if (sqlite3_column_bytes (sites, 2) == 32)
        add_base64 (builder, "box_pk", sqlite3_column_blob (sites, 2), 32);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (sites, 3));
      /* The last rotations' proofs, oldest first: a workstation follows them from the
       * key it pinned (tarmac-key-continuity.c). */
      sqlite3_reset (chain);
      sqlite3_bind_text (chain, 1, (const char *) sqlite3_column_text (sites, 0), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (chain, 2, TARMAC_KEY_CHAIN_MAX);
      json_builder_set_member_name (builder, "key_chain");
      json_builder_begin_array (builder);
      while (sqlite3_step (chain) == SQLITE_ROW)
        {
          json_builder_begin_object (builder);
          add_base64 (builder, "prev_pk", sqlite3_column_blob (chain, 0), 32);
          add_base64 (builder, "box_pk", sqlite3_column_blob (chain, 1), 32);
          add_base64 (builder, "signer", sqlite3_column_blob (chain, 2), 32);
          add_base64 (builder, "sig", sqlite3_column_blob (chain, 3), crypto_sign_BYTES);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "devices");
  json_builder_begin_array (builder);
  while (sqlite3_step (devices) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "device_id");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (devices, 0));
      json_builder_set_member_name (builder, "site");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (devices, 1));
      add_base64 (builder, "sign_pk", sqlite3_column_blob (devices, 2), 32);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (devices, 3));
      /* Its box key, and whether it waits for its site's key: what a desk of the site
       * needs to hand it over (tarmac-site-handover.c). */
      add_base64 (builder, "box_pk", sqlite3_column_blob (devices, 4), 32);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, sqlite3_column_int (devices, 5) ? "waiting" : "held");
      if (sqlite3_column_bytes (devices, 6) == 32)
        add_base64 (builder, "key_proof", sqlite3_column_blob (devices, 6), 32);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
add_result (JsonBuilder *builder,
            const char  *version_id,
            const char  *status,
            gint64       server_seq,
            const char  *code)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version_id");
  json_builder_add_string_value (builder, version_id);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, status);
  if (server_seq > 0)
    {
      json_builder_set_member_name (builder, "server_seq");
      json_builder_add_int_value (builder, server_seq);
    }
  if (code != NULL)
    {
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, code);
    }
  json_builder_end_object (builder);
}

static const char * const priority_names[] = { "routine", "priority", "urgent" };

/* Stores one verified envelope with its wraps and inbox rows; returns its server_seq. */
static gint64
store_envelope (TarmacHubDb     *self,
                TarmacEnvelope  *envelope,
                GPtrArray       *touched_sites,
                gboolean        *urgent,
                GError         **error)
{
  g_autoptr(HubStmt) version = NULL;
  g_autoptr(HubStmt) record = NULL;
  g_autoptr(HubStmt) wrap = NULL;
  g_autoptr(HubStmt) inbox = NULL;
  g_autoptr(HubStmt) device = NULL;
  g_autoptr(GPtrArray) visible = g_ptr_array_new ();
  const char * const *recipients = tarmac_envelope_get_recipients (envelope);
  GBytes *h = tarmac_envelope_get_header (envelope);
  GBytes *c = tarmac_envelope_get_ciphertext (envelope);
  GBytes *s = tarmac_envelope_get_signature (envelope);
  const char *kind = tarmac_envelope_get_kind (envelope);
  gboolean is_urgent;
  gint64 seq;

  g_ptr_array_add (visible, (gpointer) tarmac_envelope_get_origin_site (envelope));
  for (gsize i = 0; recipients[i] != NULL; i++)
    g_ptr_array_add (visible, (gpointer) recipients[i]);

  version = cached (self, "INSERT INTO versions (version_id, record_id, owner_site, origin_device,"
                           " device_seq, hlc, kind, priority, expires_at, deleted, header, body_ct,"
                           " sig, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                           " ?11, ?12, ?13, ?14)", error);
  if (version == NULL)
    return 0;
  sqlite3_bind_text (version, 1, tarmac_envelope_get_version_id (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_text (version, 2, tarmac_envelope_get_record_id (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_text (version, 3, tarmac_envelope_get_origin_site (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_text (version, 4, tarmac_envelope_get_origin_device (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (version, 5, (gint64) tarmac_envelope_get_device_seq (envelope));
  sqlite3_bind_int64 (version, 6, (gint64) tarmac_envelope_get_hlc (envelope));
  sqlite3_bind_text (version, 7, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (version, 8, priority_names[tarmac_envelope_get_priority (envelope)], -1, SQLITE_STATIC);
  if (tarmac_envelope_get_expires_at (envelope) > 0)
    sqlite3_bind_int64 (version, 9, tarmac_envelope_get_expires_at (envelope));
  sqlite3_bind_int (version, 10, tarmac_envelope_get_deleted (envelope));
  sqlite3_bind_blob (version, 11, g_bytes_get_data (h, NULL), g_bytes_get_size (h), SQLITE_STATIC);
  sqlite3_bind_blob (version, 12, g_bytes_get_data (c, NULL), g_bytes_get_size (c), SQLITE_STATIC);
  sqlite3_bind_blob (version, 13, g_bytes_get_data (s, NULL), g_bytes_get_size (s), SQLITE_STATIC);
  sqlite3_bind_int64 (version, 14, now_ms ());
  if (!step_done (self, version, error))
    return 0;
  seq = sqlite3_last_insert_rowid (self->db);

  record = cached (self, "INSERT OR IGNORE INTO records (record_id, owner_site) VALUES (?1, ?2)", error);
  wrap = cached (self, "INSERT INTO wraps (version_id, site, wrap) VALUES (?1, ?2, ?3)", error);
  inbox = cached (self, "INSERT INTO inbox (site, lane, server_seq) VALUES (?1, ?2, ?3)", error);
  device = cached (self, "UPDATE devices SET last_seq = ?2 WHERE device_id = ?1", error);
  if (record == NULL || wrap == NULL || inbox == NULL || device == NULL)
    return 0;

  sqlite3_bind_text (record, 1, tarmac_envelope_get_record_id (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_text (record, 2, tarmac_envelope_get_origin_site (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_text (device, 1, tarmac_envelope_get_origin_device (envelope), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (device, 2, (gint64) tarmac_envelope_get_device_seq (envelope));
  if (!step_done (self, record, error) || !step_done (self, device, error))
    return 0;

  is_urgent = g_str_equal (kind, "alert") || g_str_equal (kind, "lookout")
              || tarmac_envelope_get_priority (envelope) == TARMAC_NOTE_PRIORITY_URGENT;
  *urgent = *urgent || is_urgent;

  for (guint i = 0; i < visible->len; i++)
    {
      const char *site = g_ptr_array_index (visible, i);
      GBytes *sealed = tarmac_envelope_get_wrap (envelope, site);

      /* A recipient the sender holds the note back from (its key changed without a
       * proof, and no officer accepted it yet): it gets the note when the sender adds
       * its wrap (tarmac_hub_db_add_wraps()), not before. */
      if (sealed == NULL)
        continue;

      sqlite3_reset (wrap);
      sqlite3_bind_text (wrap, 1, tarmac_envelope_get_version_id (envelope), -1, SQLITE_STATIC);
      sqlite3_bind_text (wrap, 2, site, -1, SQLITE_STATIC);
      sqlite3_bind_blob (wrap, 3, g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed), SQLITE_STATIC);
      if (!step_done (self, wrap, error))
        return 0;

      for (int lane = 0; lane < (is_urgent ? 2 : 1); lane++)
        {
          sqlite3_reset (inbox);
          sqlite3_bind_text (inbox, 1, site, -1, SQLITE_STATIC);
          sqlite3_bind_text (inbox, 2, lane == 0 ? "main" : "urgent", -1, SQLITE_STATIC);
          sqlite3_bind_int64 (inbox, 3, seq);
          if (!step_done (self, inbox, error))
            return 0;
        }

      if (touched_sites != NULL
          && !g_ptr_array_find_with_equal_func (touched_sites, site, g_str_equal, NULL))
        g_ptr_array_add (touched_sites, g_strdup (site));
    }

  return seq;
}

static gboolean
owner_of (TarmacHubDb  *self,
          const char   *record_id,
          char        **owner)
{
  g_autoptr(HubStmt) stmt = cached (self, "SELECT owner_site FROM records WHERE record_id = ?1", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, record_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *owner = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  return TRUE;
}

/* The crash points of the tests (research/sync.md §5.5 F1): before the commit,
 * everything is written but not committed, and a kill must lose the whole batch (its
 * group) and nothing else; after it, the batch is there and its answer was not sent. */
static void
crash_point (const char *point)
{
  if (g_strcmp0 (g_getenv ("TARMAC_HUB_CRASH"), point) == 0)
    _exit (137);
}

/* A push is a transaction of its own, or a savepoint inside the server's group commit:
 * a push that fails then undoes itself, not the others of its group. */
static gboolean
push_begin (TarmacHubDb  *self,
            GError      **error)
{
  return exec (self, self->in_group ? "SAVEPOINT push" : "BEGIN IMMEDIATE", error);
}

static void
push_abort (TarmacHubDb *self)
{
  if (self->in_group)
    sqlite3_exec (self->db, "ROLLBACK TO push; RELEASE push", NULL, NULL, NULL);
  else
    rollback (self);
}

static gboolean
push_end (TarmacHubDb  *self,
          GError      **error)
{
  if (self->in_group)
    {
      self->group_pushed = TRUE;
      return exec (self, "RELEASE push", error);
    }

  crash_point ("push.before_commit");
  if (!exec (self, "COMMIT", error))
    return FALSE;
  crash_point ("push.after_commit");
  return TRUE;
}

/**
 * tarmac_hub_db_group_begin:
 *
 * Opens a group commit, unless one is open: the pushes and pulls that follow share one
 * transaction, and so one fsync, until tarmac_hub_db_group_commit(). The server opens
 * one for the requests of one pass of its main loop and answers them after the commit,
 * so nothing is acknowledged before it is on disk (synchronous=FULL still), but
 * thirty-five sites pulling or acknowledging the same note at once cost one fsync, not
 * thirty-five. Functions with transactions of their own (enrol, revoke, expire) must
 * not be called while a group is open.
 */
gboolean
tarmac_hub_db_group_begin (TarmacHubDb  *self,
                           GError      **error)
{
  g_return_val_if_fail (TARMAC_IS_HUB_DB (self), FALSE);

  if (self->in_group)
    return TRUE;
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_group = TRUE;
  self->group_pushed = FALSE;
  return TRUE;
}

/* Whether a group commit is open. */
gboolean
tarmac_hub_db_in_group (TarmacHubDb *self)
{
  g_return_val_if_fail (TARMAC_IS_HUB_DB (self), FALSE);

  return self->in_group;
}

/**
 * tarmac_hub_db_group_commit:
 *
 * Commits the open group (nothing to do if none is open). On failure everything of the
 * group is undone.
 */
gboolean
tarmac_hub_db_group_commit (TarmacHubDb  *self,
                            GError      **error)
{
  gboolean pushed;

  g_return_val_if_fail (TARMAC_IS_HUB_DB (self), FALSE);

  if (!self->in_group)
    return TRUE;

  self->in_group = FALSE;
  pushed = self->group_pushed;
  if (pushed)
    crash_point ("push.before_commit");
  if (!exec (self, "COMMIT", error))
    {
      rollback (self);
      return FALSE;
    }
  if (pushed)
    crash_point ("push.after_commit");
  return TRUE;
}

/**
 * tarmac_hub_db_add_wraps:
 * @device: the authenticated device
 * @wraps: [{version_id, site, wrap}], at most 500
 * @touched_sites: (element-type utf8): receives the sites whose inbox grew
 * @urgent: (out): whether one of those versions goes on the urgent lane
 *
 * A desk sends a recipient the record key of versions it held back from it (the
 * recipient's key had changed without proof until an officer accepted it): each wrap is
 * kept, and the version goes into the recipient's inbox, in one transaction. Only a
 * desk of the version's own airport may add one, only for a recipient the signed header
 * names, and only once (the same wrap again is a duplicate; another one is refused).
 *
 * Returns: (transfer full): {results: [{version_id, site, status, code?}]}
 */
JsonNode *
tarmac_hub_db_add_wraps (TarmacHubDb      *self,
                         TarmacHubDevice  *device,
                         JsonArray        *wraps,
                         GPtrArray        *touched_sites,
                         gboolean         *urgent,
                         guint            *status,
                         GError          **error)
{
  g_autoptr(sqlite3_stmt) version = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) inbox = NULL;
  g_autoptr(sqlite3_stmt) sequence = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  guint n = json_array_get_length (wraps);

  if (n > 500)
    return refusal (status, 413, "too_large");
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return NULL;

  version = prepare (self, "SELECT server_seq, header, body_ct, sig FROM versions WHERE version_id = ?1",
                     error);
  insert = prepare (self, "INSERT INTO wraps (version_id, site, wrap) VALUES (?1, ?2, ?3)"
                          " ON CONFLICT DO NOTHING", error);
  inbox = prepare (self, "INSERT INTO inbox (site, lane, server_seq, ver_seq) VALUES (?1, ?2, ?3, ?4)",
                   error);
  /* A number past every cursor, from the versions' own sequence, so that the site pulls
   * the version now even if it pulled later ones before. */
  sequence = prepare (self, "UPDATE sqlite_sequence SET seq = seq + 1 WHERE name = 'versions' RETURNING seq",
                      error);
  if (version == NULL || insert == NULL || inbox == NULL || sequence == NULL)
    goto fail;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *item = json_array_get_object_element (wraps, i);
      const char *version_id = item != NULL
                               ? json_object_get_string_member_with_default (item, "version_id", "") : "";
      const char *site = item != NULL ? json_object_get_string_member_with_default (item, "site", "") : "";
      g_autoptr(GBytes) header = NULL;
      g_autoptr(GBytes) ct = NULL;
      g_autoptr(GBytes) sig = NULL;
      g_autoptr(TarmacEnvelope) envelope = NULL;
      guint8 wrap[TARMAC_SYNC_WRAP_BYTES];
      const char *code = NULL;
      const char *state = "added";
      gint64 seq = 0;

      if (item == NULL || !tarmac_envelope_is_site_code (site)
          || !get_key (item, "wrap", wrap, sizeof wrap))
        code = "malformed";
      else
        {
          sqlite3_reset (version);
          sqlite3_bind_text (version, 1, version_id, -1, SQLITE_STATIC);
          if (sqlite3_step (version) != SQLITE_ROW)
            code = "not_found";   /* never pushed, or expired and dropped */
        }

      if (code == NULL)
        {
          seq = sqlite3_column_int64 (version, 0);
          header = g_bytes_new (sqlite3_column_blob (version, 1), sqlite3_column_bytes (version, 1));
          ct = g_bytes_new (sqlite3_column_blob (version, 2), sqlite3_column_bytes (version, 2));
          sig = g_bytes_new (sqlite3_column_blob (version, 3), sqlite3_column_bytes (version, 3));
          envelope = tarmac_envelope_new_from_parts (header, ct, sig, NULL, NULL);
          if (envelope == NULL)
            code = "malformed";
          else if (g_strcmp0 (tarmac_envelope_get_origin_site (envelope), device->site) != 0)
            code = "origin_mismatch";
          else if (!tarmac_envelope_is_visible_to (envelope, site))
            code = "not_recipient";
        }

      if (code == NULL)
        {
          sqlite3_reset (insert);
          sqlite3_bind_text (insert, 1, version_id, -1, SQLITE_STATIC);
          sqlite3_bind_text (insert, 2, site, -1, SQLITE_STATIC);
          sqlite3_bind_blob (insert, 3, wrap, sizeof wrap, SQLITE_STATIC);
          if (!step_done (self, insert, error))
            goto fail;
          if (sqlite3_changes (self->db) == 0)
            state = "duplicate";
        }

      if (code == NULL && g_str_equal (state, "added"))
        {
          const char *kind = tarmac_envelope_get_kind (envelope);
          gboolean is_urgent = g_str_equal (kind, "alert") || g_str_equal (kind, "lookout")
                               || tarmac_envelope_get_priority (envelope) == TARMAC_NOTE_PRIORITY_URGENT;
          gint64 delivery;

          sqlite3_reset (sequence);
          if (sqlite3_step (sequence) != SQLITE_ROW)
            {
              set_error (self, error);
              goto fail;
            }
          delivery = sqlite3_column_int64 (sequence, 0);
          while (sqlite3_step (sequence) == SQLITE_ROW)
            ;
          for (int lane = 0; lane < (is_urgent ? 2 : 1); lane++)
            {
              sqlite3_reset (inbox);
              sqlite3_bind_text (inbox, 1, site, -1, SQLITE_STATIC);
              sqlite3_bind_text (inbox, 2, lane == 0 ? "main" : "urgent", -1, SQLITE_STATIC);
              sqlite3_bind_int64 (inbox, 3, delivery);
              sqlite3_bind_int64 (inbox, 4, seq);
              if (!step_done (self, inbox, error))
                goto fail;
            }
          *urgent = *urgent || is_urgent;
          if (!g_ptr_array_find_with_equal_func (touched_sites, site, g_str_equal, NULL))
            g_ptr_array_add (touched_sites, g_strdup (site));
          if (!tarmac_hub_db_audit (self, device->device_id, "wrap-added", version_id, site, error))
            goto fail;
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "version_id");
      json_builder_add_string_value (builder, version_id);
      json_builder_set_member_name (builder, "site");
      json_builder_add_string_value (builder, site);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, code != NULL ? "rejected" : state);
      if (code != NULL)
        {
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, code);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (!exec (self, "COMMIT", error))
    goto fail;

  *status = 200;
  return json_builder_get_root (builder);

fail:
  rollback (self);
  return NULL;
}

/**
 * tarmac_hub_db_push:
 * @device: the authenticated device
 * @batch_id: the batch's id, from the URL
 * @envelopes: the envelopes, in device sequence order
 * @touched_sites: (element-type utf8): receives the sites whose inbox grew
 * @urgent: (out): whether an urgent version was accepted
 *
 * Stores a push batch in one transaction (research/sync.md §4.7): each envelope is
 * checked (form, roster, signature, clock, owner, sequence), de-duplicated by version_id
 * and stored with its wraps and inbox rows; the batch stops at the first refusal, since
 * what follows would leave a gap. The response is stored with the batch, so a retry of
 * the same batch gets the same answer.
 */
JsonNode *
tarmac_hub_db_push (TarmacHubDb      *self,
                    TarmacHubDevice  *device,
                    const char       *batch_id,
                    JsonArray        *envelopes,
                    GPtrArray        *touched_sites,
                    gboolean         *urgent,
                    GError          **error)
{
  g_autoptr(HubStmt) stored = NULL;
  g_autoptr(HubStmt) save = NULL;
  g_autoptr(HubStmt) existing = NULL;
  g_autoptr(TarmacEnvelopeVerifier) verifier = tarmac_envelope_verifier_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) response = NULL;
  g_autofree char *text = NULL;
  guint accepted = 0, duplicates = 0;
  gboolean stop = FALSE;

  *urgent = FALSE;

  if (!push_begin (self, error))
    return NULL;

  stored = cached (self, "SELECT device_id, response FROM push_batches WHERE batch_id = ?1", error);
  if (stored == NULL)
    goto fail;
  sqlite3_bind_text (stored, 1, batch_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stored) == SQLITE_ROW)
    {
      JsonNode *again = NULL;

      if (g_strcmp0 ((const char *) sqlite3_column_text (stored, 0), device->device_id) == 0)
        again = json_from_string ((const char *) sqlite3_column_text (stored, 1), NULL);
      push_abort (self);
      if (again == NULL)
        g_set_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_ORIGIN_MISMATCH,
                     _("Batch %s belongs to another device"), batch_id);
      return again;
    }

  tarmac_envelope_verifier_add_device (verifier, device->device_id, device->site, device->sign_pk);
  tarmac_envelope_verifier_set_last_seq (verifier, device->device_id, (guint64) device->last_seq);
  tarmac_envelope_verifier_set_contiguous (verifier, TRUE);

  existing = cached (self, "SELECT server_seq FROM versions WHERE version_id = ?1", error);
  if (existing == NULL)
    goto fail;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (envelopes); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(TarmacEnvelope) envelope = NULL;
      g_autofree char *owner = NULL;
      gint64 seq;

      if (stop)
        break;

      envelope = tarmac_envelope_new_from_json (json_array_get_element (envelopes, i), &local_error);
      if (envelope == NULL)
        {
          add_result (builder, "", "rejected", 0, tarmac_sync_error_code_name (local_error->code));
          stop = TRUE;
          continue;
        }

      sqlite3_reset (existing);
      sqlite3_bind_text (existing, 1, tarmac_envelope_get_version_id (envelope), -1, SQLITE_STATIC);
      if (sqlite3_step (existing) == SQLITE_ROW)
        {
          add_result (builder, tarmac_envelope_get_version_id (envelope), "duplicate",
                      sqlite3_column_int64 (existing, 0), NULL);
          duplicates++;
          continue;
        }

      /* Only the authenticated device's own versions: A's envelope from B is refused. */
      if (g_strcmp0 (tarmac_envelope_get_origin_device (envelope), device->device_id) != 0)
        g_set_error (&local_error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_ORIGIN_MISMATCH, "sender");
      else if (!tarmac_envelope_verifier_check (verifier, envelope, device->device_id, now_ms (), &local_error))
        ;
      else if (!owner_of (self, tarmac_envelope_get_record_id (envelope), &owner))
        goto fail;
      else if (owner != NULL && g_strcmp0 (owner, device->site) != 0)
        g_set_error (&local_error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_ORIGIN_MISMATCH,
                     "not the owner");
      else
        {
          /* The origin's own desks must be able to read it. A recipient without a wrap is
           * one the sender holds it back from (its key changed without proof): it gets
           * the version when its wrap comes (tarmac_hub_db_add_wraps()). */
          if (tarmac_envelope_get_wrap (envelope, device->site) == NULL)
            g_set_error (&local_error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED, "wrap");
        }

      if (local_error != NULL)
        {
          add_result (builder, tarmac_envelope_get_version_id (envelope), "rejected", 0,
                      tarmac_sync_error_code_name (local_error->code));
          if (!tarmac_hub_db_audit (self, device->device_id, "reject",
                                    tarmac_envelope_get_version_id (envelope),
                                    tarmac_sync_error_code_name (local_error->code), error))
            goto fail;
          stop = TRUE;
          continue;
        }

      seq = store_envelope (self, envelope, touched_sites, urgent, error);
      if (seq == 0
          || !tarmac_hub_db_audit (self, device->device_id, "accept",
                                   tarmac_envelope_get_version_id (envelope),
                                   tarmac_envelope_get_record_id (envelope), error))
        goto fail;

      tarmac_envelope_verifier_remember (verifier, envelope);
      add_result (builder, tarmac_envelope_get_version_id (envelope), "accepted", seq, NULL);
      accepted++;
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "server_time");
  json_builder_add_int_value (builder, now_ms ());
  json_builder_set_member_name (builder, "roster_version");
  json_builder_add_int_value (builder, tarmac_hub_db_roster_version (self));
  json_builder_end_object (builder);

  response = json_builder_get_root (builder);
  text = json_to_string (response, FALSE);

  save = cached (self, "INSERT INTO push_batches (batch_id, device_id, response, created_at)"
                        " VALUES (?1, ?2, ?3, ?4)", error);
  if (save == NULL)
    goto fail;
  sqlite3_bind_text (save, 1, batch_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (save, 2, device->device_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (save, 3, text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (save, 4, now_ms ());
  if (!step_done (self, save, error))
    goto fail;

  if (!push_end (self, error))
    goto fail;

  return g_steal_pointer (&response);

fail:
  push_abort (self);
  return NULL;
}

/**
 * tarmac_hub_db_changes:
 * @site: the pulling site
 * @lane: "main" or "urgent"
 * @since: the site's cursor
 * @limit: the most to return
 *
 * The site's inbox after @since, each envelope with the site's own wrap only.
 */
JsonNode *
tarmac_hub_db_changes (TarmacHubDb  *self,
                       const char   *site,
                       const char   *lane,
                       gint64        since,
                       guint         limit,
                       GError      **error)
{
  g_autoptr(HubStmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  gint64 next = since;
  guint count = 0;
  gboolean more = FALSE;

  stmt = cached (self, "SELECT i.server_seq, v.header, v.body_ct, v.sig, w.wrap FROM inbox i"
                        " JOIN versions v ON v.server_seq = coalesce (i.ver_seq, i.server_seq)"
                        " JOIN wraps w ON w.version_id = v.version_id AND w.site = i.site"
                        " WHERE i.site = ?1 AND i.lane = ?2 AND i.server_seq > ?3"
                        " ORDER BY i.server_seq LIMIT ?4", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, site, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, lane, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, since);
  sqlite3_bind_int64 (stmt, 4, (gint64) limit + 1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (count == limit)
        {
          more = TRUE;
          break;
        }

      next = sqlite3_column_int64 (stmt, 0);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "seq");
      json_builder_add_int_value (builder, next);
      json_builder_set_member_name (builder, "env");
      json_builder_begin_object (builder);
      add_base64 (builder, "h", sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
      add_base64 (builder, "c", sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2));
      add_base64 (builder, "s", sqlite3_column_blob (stmt, 3), sqlite3_column_bytes (stmt, 3));
      json_builder_set_member_name (builder, "w");
      json_builder_begin_object (builder);
      add_base64 (builder, site, sqlite3_column_blob (stmt, 4), sqlite3_column_bytes (stmt, 4));
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      count++;
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, count);
  json_builder_set_member_name (builder, "next");
  json_builder_add_int_value (builder, next);
  json_builder_set_member_name (builder, "more");
  json_builder_add_boolean_value (builder, more);
  json_builder_set_member_name (builder, "server_time");
  json_builder_add_int_value (builder, now_ms ());
  json_builder_set_member_name (builder, "roster_version");
  json_builder_add_int_value (builder, tarmac_hub_db_roster_version (self));
  json_builder_end_object (builder);

  if (count > 0)
    {
      g_autofree char *detail = g_strdup_printf ("%s %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT " (%u)",
                                                 lane, since + 1, next, count);

      if (!tarmac_hub_db_audit (self, site, "pull", site, detail, error))
        return NULL;
    }

  return json_builder_get_root (builder);
}

/* The last sequence number in @site's @lane, 0 if empty. */
gint64
tarmac_hub_db_head (TarmacHubDb *self,
                    const char  *site,
                    const char  *lane)
{
  g_autoptr(HubStmt) stmt = cached (self, "SELECT max (server_seq) FROM inbox"
                                          " WHERE site = ?1 AND lane = ?2", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, site, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, lane, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* The roster's version: it moves with every site, enrolment and revocation. */
gint64
tarmac_hub_db_roster_version (TarmacHubDb *self)
{
  g_autoptr(HubStmt) stmt = cached (self, "SELECT value FROM meta WHERE key = 'roster_version'", NULL);

  if (stmt == NULL)
    return 0;
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/**
 * tarmac_hub_db_expire:
 * @now: Unix milliseconds
 * @n_expired: (out) (optional): how many versions were dropped
 *
 * Drops what expired (lookouts): the ciphertext, the sealed keys and the inbox rows go;
 * the signed header stays, for the audit and so that a replay is still known
 * (research/sync.md §4.3). No site is told: each drops its copy at the same time.
 */
gboolean
tarmac_hub_db_expire (TarmacHubDb  *self,
                      gint64        now,
                      guint        *n_expired,
                      GError      **error)
{
  static const char * const steps[] = {
    "DELETE FROM inbox WHERE coalesce (ver_seq, server_seq) IN (SELECT server_seq FROM versions"
    " WHERE expires_at <= ?1 AND length (body_ct) > 0)",
    "DELETE FROM wraps WHERE version_id IN (SELECT version_id FROM versions"
    " WHERE expires_at <= ?1 AND length (body_ct) > 0)",
    "UPDATE versions SET body_ct = x'' WHERE expires_at <= ?1 AND length (body_ct) > 0",
  };
  g_autofree char *detail = NULL;
  guint dropped = 0;

  if (n_expired != NULL)
    *n_expired = 0;

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = prepare (self, steps[i], error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, now);
      if (!step_done (self, stmt, error))
        goto fail;
      if (i == 2)
        dropped = (guint) sqlite3_changes (self->db);
    }

  if (dropped == 0)
    {
      rollback (self);
      return TRUE;
    }

  detail = g_strdup_printf ("%u versions", dropped);
  if (!tarmac_hub_db_audit (self, "hub", "expire", "versions", detail, error)
      || !exec (self, "COMMIT", error))
    goto fail;

  if (n_expired != NULL)
    *n_expired = dropped;
  return TRUE;

fail:
  rollback (self);
  return FALSE;
}
