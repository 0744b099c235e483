/* test-hub-pins.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sodium.h>
#include <sqlite3.h>
#include <string.h>

#include "tarmac-envelope.h"
#include "tarmac-hlc.h"
#include "tarmac-key-change.h"
#include "tarmac-key-continuity.h"
#include "tarmac-note.h"
#include "tarmac-store-private.h"
#include "tarmac-sync-client.h"
#include "tarmac-sync-error.h"
#include "tarmac-test-cli.h"
#include "tarmac-test-desk.h"
#include "tarmac-test-store.h"
#include "tarmac-test-hub.h"

/* Key continuity (tarmac-sync-pins.c) with the real tarmac-hub on loopback and real
 * client databases — Dakar, Lomé and Abidjan:
 *
 *  - first contact pins every airport's key and every desk's signing key;
 *  - a rotation by a desk of Dakar carries the new key signed with the old one: Lomé
 *    follows it silently, even two rotations it missed, and its notes reach Dakar;
 *  - a hub that forges a roster (the test writes the hub's database, as an intruder on
 *    the hub could, and the hub signs it with the coordinator's key) cannot get a note
 *    sealed to a key of its own: Lomé keeps sealing nothing to it, holds the note, lists
 *    the change with both codes, sends the rest of a note to several airports at once,
 *    refuses a wrong code, and sends the held note only once the officer accepts;
 *  - a hub that forges the key and then gives the real one again: the held note goes to
 *    the pinned key;
 *  - the coordinator's `site reset-key` looks the same from Lomé, and once the officer
 *    accepts the code Dakar's new desk reads out, the held note is read there;
 *  - a desk's signing key changed in the roster: its versions are refused until accepted;
 *  - the same through tarmac-cli (sync keys, note send, sync trust). */

typedef TarmacTestDesk Desk;

typedef struct
{
  TarmacTestHub hub;
  Desk          dkr;
  Desk          lfw;
  Desk          abj;
} Fixture;

/* The roster afresh, as the next round that sees the hub's roster version would. */
static void
desk_refresh (Desk *desk)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = tarmac_sync_client_refresh_desks (desk->client, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static guint
count_notes (Desk       *desk,
             const char *text)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM note WHERE body = '%s'", text);

  return (guint) tarmac_test_count (desk->store, sql);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  tarmac_test_hub_init (&f->hub, "DKR", "Dakar", "LFW", "Lomé", "ABJ", "Abidjan", NULL);

  tarmac_test_desk_open (&f->dkr, "dkr");
  tarmac_test_desk_open (&f->lfw, "lfw");
  tarmac_test_desk_open (&f->abj, "abj");
  tarmac_test_desk_enrol (&f->hub, &f->dkr, "DKR");
  tarmac_test_desk_enrol (&f->hub, &f->lfw, "LFW");
  tarmac_test_desk_enrol (&f->hub, &f->abj, "ABJ");
  tarmac_test_desk_sync (&f->dkr);
  tarmac_test_desk_sync (&f->lfw);
  tarmac_test_desk_sync (&f->abj);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  tarmac_test_desk_close (&f->dkr);
  tarmac_test_desk_close (&f->lfw);
  tarmac_test_desk_close (&f->abj);
  tarmac_test_hub_clear (&f->hub);
}

/* The key @desk pinned for @site (32 bytes into @out). */
static void
pinned_key (Desk       *desk,
            const char *site,
            guint8     *out)
{
  g_autoptr(TarmacCachedStmt) stmt = _tarmac_store_prepare_cached (desk->store,
                                                                   "SELECT box_pk FROM sync_site WHERE code = ?1",
                                                                   NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, site, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_bytes (stmt, 0), ==, 32);
  memcpy (out, sqlite3_column_blob (stmt, 0), 32);
}

static const guint8 *
site_key_of (Desk *desk)
{
  return tarmac_device_keys_get_site_box_pk (tarmac_sync_replica_get_keys (desk->replica));
}

static guint
n_changes (Desk *desk)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) changes = tarmac_sync_replica_list_key_changes (desk->replica, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (changes);
}

/* Runs @sql on the hub's database while it serves, as an intruder on the hub could: the
 * hub then signs what it finds there with the coordinator's key. */
static void
hub_write (Fixture      *f,
           const char   *sql,
           const guint8 *key,
           const char   *text)
{
  g_autofree char *path = g_build_filename (f->hub.data, "hub.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 30000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, key, 32, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE meta SET value = value + 1 WHERE key = 'roster_version'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static int
hub_count (Fixture    *f,
           const char *sql,
           const char *text)
{
  g_autofree char *path = g_build_filename (f->hub.data, "hub.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 30000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* First contact: each workstation pins what the first verified roster gives. */
static void
test_first_contact (Fixture       *f,
                    gconstpointer  data)
{
  guint8 pinned[32];

  pinned_key (&f->lfw, "DKR", pinned);
  g_assert_cmpmem (pinned, 32, site_key_of (&f->dkr), 32);
  pinned_key (&f->dkr, "LFW", pinned);
  g_assert_cmpmem (pinned, 32, site_key_of (&f->lfw), 32);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM audit_log WHERE action = 'key-pin'"
                                                    " AND object_id IN ('DKR', 'ABJ')"), ==, 2);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM sync_site WHERE pinned_at IS NULL"
                                                    " OR pending_pk IS NOT NULL"), ==, 0);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM sync_device"), ==, 3);
  /* The other airports' desks are pinned at first sight, each audited with its airport
   * and code (this desk's own was not seen in a roster first). */
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM audit_log WHERE action = 'key-pin'"
                                                    " AND object_type = 'device'"
                                                    " AND (detail LIKE 'DKR _____-_____-_____-_____'"
                                                    "      OR detail LIKE 'ABJ _____-_____-_____-_____')"), ==, 2);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM audit_log WHERE action = 'key-pin'"
                                                    " AND object_type = 'device'"), ==, 2);
  g_assert_cmpuint (n_changes (&f->lfw), ==, 0);
}

/* Dakar rotates its key twice while Lomé looks away: the roster's chain of proofs
 * takes Lomé from the key it pinned to the newest, without an officer. */
static void
test_rotate_proven (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *to_dkr[] = { "DKR", NULL };
  guint8 pinned[32], first[32];

  memcpy (first, site_key_of (&f->dkr), 32);
  for (int i = 0; i < 2; i++)
    {
      g_assert_true (tarmac_sync_client_rotate_site_key (f->dkr.client, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (memcmp (first, site_key_of (&f->dkr), 32) != 0);
  g_assert_cmpint (hub_count (f, "SELECT count (*) FROM site_key_chain WHERE site = ?1", "DKR"), ==, 2);

  desk_refresh (&f->lfw);
  pinned_key (&f->lfw, "DKR", pinned);
  g_assert_cmpmem (pinned, 32, site_key_of (&f->dkr), 32);
  g_assert_cmpuint (n_changes (&f->lfw), ==, 0);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM audit_log WHERE action = 'key-change'"
                                                    " AND object_id = 'DKR'"), ==, 1);

  tarmac_test_desk_send_note (&f->lfw, "After two rotations", to_dkr);
  g_assert_cmpint (tarmac_sync_replica_count_held (f->lfw.replica, NULL), ==, 0);
  tarmac_test_desk_sync (&f->lfw);
  tarmac_test_desk_sync (&f->dkr);
  g_assert_cmpuint (count_notes (&f->dkr, "After two rotations"), ==, 1);
}

/* A hub that forges Dakar's key: Lomé seals nothing to it until an officer accepts it. */
static void
test_forged_roster (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(TarmacKeyChange) change = NULL;
  g_autofree char *real_code = tarmac_key_code ("DKR", site_key_of (&f->dkr));
  g_autofree char *forged_code = NULL;
  g_autofree char *version_id = NULL;
  const char *to_both[] = { "DKR", "ABJ", NULL };
  guint8 forged_pk[32], forged_sk[32], pinned[32], record_key[32];
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *hub_db = g_build_filename (f->hub.data, "hub.db", NULL);

  crypto_box_keypair (forged_pk, forged_sk);
  forged_code = tarmac_key_code ("DKR", forged_pk);
  hub_write (f, "UPDATE sites SET box_pk = ?1 WHERE code = 'DKR' AND ?2 IS NULL", forged_pk, NULL);

  /* Lomé takes the roster (the coordinator did sign it) but not the key. */
  desk_refresh (&f->lfw);
  pinned_key (&f->lfw, "DKR", pinned);
  g_assert_cmpmem (pinned, 32, site_key_of (&f->dkr), 32);
  changes = tarmac_sync_replica_list_key_changes (f->lfw.replica, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
  change = g_list_model_get_item (changes, 0);
  g_assert_true (tarmac_key_change_get_is_site (change));
  g_assert_cmpstr (tarmac_key_change_get_subject (change), ==, "DKR");
  g_assert_cmpstr (tarmac_key_change_get_old_code (change), ==, real_code);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM audit_log"
                                                    " WHERE action = 'key-change-unproven' AND object_id = 'DKR'"), ==, 1);
  /* Nothing an officer at Lomé can read gives the new key's code to copy. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM audit_log WHERE instr (detail, '%s')",
                                            forged_code);

    g_assert_cmpint (tarmac_test_count (f->lfw.store, sql), ==, 0);
  }

  /* A note to Dakar and Abidjan: Abidjan gets it at once, Dakar's part is held. */
  tarmac_test_desk_send_note (&f->lfw, "Courier on ET908 tonight", to_both);
  g_assert_cmpint (tarmac_sync_replica_count_held (f->lfw.replica, "DKR"), ==, 1);
  version_id = tarmac_test_query_text (f->lfw.store, "SELECT version_id FROM held_wrap WHERE site = 'DKR'");
  tarmac_test_desk_sync (&f->lfw);
  tarmac_test_desk_sync (&f->abj);
  tarmac_test_desk_sync (&f->dkr);
  g_assert_cmpuint (count_notes (&f->abj, "Courier on ET908 tonight"), ==, 1);
  g_assert_cmpuint (count_notes (&f->dkr, "Courier on ET908 tonight"), ==, 0);

  /* The hub holds the version, with no key sealed for Dakar and nothing in its inbox. */
  g_assert_cmpint (hub_count (f, "SELECT count (*) FROM versions WHERE version_id = ?1", version_id), ==, 1);
  g_assert_cmpint (hub_count (f, "SELECT count (*) FROM wraps WHERE version_id = ?1 AND site = 'DKR'",
                              version_id), ==, 0);
  g_assert_cmpint (hub_count (f, "SELECT count (*) FROM inbox i JOIN versions v"
                                 " ON v.server_seq = coalesce (i.ver_seq, i.server_seq)"
                                 " WHERE v.version_id = ?1 AND i.site = 'DKR'", version_id), ==, 0);
  g_assert_cmpint (tarmac_sync_replica_count_held (f->lfw.replica, "DKR"), ==, 1);

  /* The officer calls Dakar, whose officer reads out the code of Dakar's key: it is not
   * the new key's, so it is refused, and audited. */
  {
    g_autofree char *read_out = tarmac_sync_replica_dup_site_key_code (f->dkr.replica);

    g_assert_cmpstr (read_out, ==, real_code);
    g_assert_false (tarmac_sync_replica_trust_key (f->lfw.replica, "DKR", read_out, &error));
  }
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_BAD_CODE);
  g_clear_error (&error);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM audit_log"
                                                    " WHERE action = 'key-trust-refused'"), ==, 1);
  g_assert_cmpint (tarmac_sync_replica_count_held (f->lfw.replica, "DKR"), ==, 1);

  /* An officer who accepts the forged key (its code, typed in lower case) lets the
   * note go to it: the hub then holds Dakar's wrap, sealed to the forged key. */
  {
    g_autofree char *typed = g_ascii_strdown (forged_code, -1);

    g_assert_true (tarmac_sync_replica_trust_key (f->lfw.replica, "DKR", typed, &error));
    g_assert_no_error (error);
  }
  tarmac_test_desk_sync (&f->lfw);
  g_assert_cmpint (tarmac_sync_replica_count_held (f->lfw.replica, NULL), ==, 0);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM held_wrap"), ==, 0);
  g_assert_cmpint (hub_count (f, "SELECT count (*) FROM inbox i JOIN versions v"
                                 " ON v.server_seq = coalesce (i.ver_seq, i.server_seq)"
                                 " WHERE v.version_id = ?1 AND i.site = 'DKR'", version_id), ==, 1);
  g_assert_cmpint (sqlite3_open_v2 (hub_db, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT wrap FROM wraps WHERE version_id = ?1 AND site = 'DKR'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, version_id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (crypto_box_seal_open (record_key, sqlite3_column_blob (stmt, 0),
                                         (unsigned long long) sqlite3_column_bytes (stmt, 0), forged_pk,
                                         forged_sk), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM audit_log WHERE action = 'key-trust'"
                                                    " AND object_id = 'DKR'"), ==, 1);
}

/* A hub that forges Dakar's key and then gives the real one again: the note Lomé held
 * meanwhile goes to the key it pinned, and Dakar reads it, with no officer involved. */
static void
test_forged_withdrawn (Fixture       *f,
                       gconstpointer  data)
{
  const char *to_dkr[] = { "DKR", NULL };
  guint8 forged_pk[32], forged_sk[32], real_pk[32];

  memcpy (real_pk, site_key_of (&f->dkr), 32);
  crypto_box_keypair (forged_pk, forged_sk);
  hub_write (f, "UPDATE sites SET box_pk = ?1 WHERE code = 'DKR' AND ?2 IS NULL", forged_pk, NULL);
  desk_refresh (&f->lfw);
  g_assert_cmpuint (n_changes (&f->lfw), ==, 1);
  tarmac_test_desk_send_note (&f->lfw, "Held while forged", to_dkr);
  g_assert_cmpint (tarmac_sync_replica_count_held (f->lfw.replica, "DKR"), ==, 1);
  tarmac_test_desk_sync (&f->lfw);
  tarmac_test_desk_sync (&f->dkr);
  g_assert_cmpuint (count_notes (&f->dkr, "Held while forged"), ==, 0);

  hub_write (f, "UPDATE sites SET box_pk = ?1 WHERE code = 'DKR' AND ?2 IS NULL", real_pk, NULL);
  desk_refresh (&f->lfw);
  g_assert_cmpuint (n_changes (&f->lfw), ==, 0);
  g_assert_cmpint (tarmac_sync_replica_count_held (f->lfw.replica, NULL), ==, 0);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM audit_log"
                                                    " WHERE action = 'key-change-withdrawn' AND object_id = 'DKR'"), ==, 1);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM audit_log WHERE action = 'release'"), ==, 1);
  tarmac_test_desk_sync (&f->lfw);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM held_wrap"), ==, 0);
  tarmac_test_desk_sync (&f->dkr);
  g_assert_cmpuint (count_notes (&f->dkr, "Held while forged"), ==, 1);
}

/* The coordinator resets Dakar's key after its only desk was lost; the next desk of
 * Dakar brings a new one. Lomé holds its note until the officer accepts the code that
 * desk reads out (tarmac-cli sync keys), then Dakar reads it. */
static void
test_reset_key (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *new_code = NULL;
  const char *to_dkr[] = { "DKR", NULL };
  Desk dkr2 = { NULL };

  g_free (tarmac_test_hub_run (&f->hub, "device", "revoke",
                               tarmac_device_keys_get_device_id (tarmac_sync_replica_get_keys (f->dkr.replica)),
                               NULL));
  g_free (tarmac_test_hub_run (&f->hub, "site", "reset-key", "DKR", NULL));
  tarmac_test_desk_open (&dkr2, "dkr2");
  tarmac_test_desk_enrol (&f->hub, &dkr2, "DKR");
  g_assert_false (tarmac_sync_replica_is_awaiting_key (dkr2.replica));
  tarmac_test_desk_sync (&dkr2);
  new_code = tarmac_sync_replica_dup_site_key_code (dkr2.replica);

  desk_refresh (&f->lfw);
  g_assert_cmpuint (n_changes (&f->lfw), ==, 1);
  tarmac_test_desk_send_note (&f->lfw, "Seized 4 kg at gate 12", to_dkr);
  tarmac_test_desk_sync (&f->lfw);
  /* Abidjan, which took no side, writes meanwhile: Dakar's cursor moves past the note
   * held back, which must reach it all the same once its wrap comes. */
  desk_refresh (&f->abj);
  g_assert_true (tarmac_sync_replica_trust_key (f->abj.replica, "DKR", new_code, &error));
  g_assert_no_error (error);
  tarmac_test_desk_send_note (&f->abj, "Meanwhile in Abidjan", to_dkr);
  tarmac_test_desk_sync (&f->abj);
  tarmac_test_desk_sync (&dkr2);
  g_assert_cmpuint (count_notes (&dkr2, "Meanwhile in Abidjan"), ==, 1);
  g_assert_cmpuint (count_notes (&dkr2, "Seized 4 kg at gate 12"), ==, 0);

  g_assert_true (tarmac_sync_replica_trust_key (f->lfw.replica, "DKR", new_code, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changes (&f->lfw), ==, 0);
  tarmac_test_desk_sync (&f->lfw);
  tarmac_test_desk_sync (&dkr2);
  g_assert_cmpuint (count_notes (&dkr2, "Seized 4 kg at gate 12"), ==, 1);

  /* From now on Lomé seals to the accepted key directly. */
  tarmac_test_desk_send_note (&f->lfw, "And a second one", to_dkr);
  g_assert_cmpint (tarmac_sync_replica_count_held (f->lfw.replica, NULL), ==, 0);
  tarmac_test_desk_sync (&f->lfw);
  tarmac_test_desk_sync (&dkr2);
  g_assert_cmpuint (count_notes (&dkr2, "And a second one"), ==, 1);
  tarmac_test_desk_close (&dkr2);
}

/* The roster gives Dakar's desk another signing key: Lomé keeps the pinned one, so a
 * version signed with the new key is refused until an officer accepts it. */
static void
test_device_key (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacDeviceKeys) forger = NULL;
  g_autoptr(TarmacEnvelope) envelope = NULL;
  g_autoptr(GHashTable) box_keys = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(TarmacKeyChange) change = NULL;
  g_autofree char *record_id = tarmac_envelope_new_record_id ();
  const char *device_id = tarmac_device_keys_get_device_id (tarmac_sync_replica_get_keys (f->dkr.replica));
  const char *to_lfw[] = { "LFW", NULL };
  const char body_text[] = "{\"text\":\"Signed by someone else\"}";
  g_autoptr(GBytes) body = g_bytes_new_static (body_text, strlen (body_text));
  guint8 seeds[3][32];
  TarmacEnvelopeDraft draft = { 0 };

  for (int i = 0; i < 3; i++)
    randombytes_buf (seeds[i], 32);
  forger = tarmac_device_keys_new_from_seeds (device_id, seeds[0], seeds[1], seeds[2]);
  hub_write (f, "UPDATE devices SET sign_pk = ?1 WHERE device_id = ?2", tarmac_device_keys_get_sign_pk (forger),
             device_id);
  desk_refresh (&f->lfw);

  changes = tarmac_sync_replica_list_key_changes (f->lfw.replica, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
  change = g_list_model_get_item (changes, 0);
  g_assert_false (tarmac_key_change_get_is_site (change));
  g_assert_cmpstr (tarmac_key_change_get_subject (change), ==, device_id);
  g_assert_cmpstr (tarmac_key_change_get_site (change), ==, "DKR");

  box_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  g_hash_table_insert (box_keys, g_strdup ("LFW"), g_bytes_new (site_key_of (&f->lfw), 32));
  draft.kind = "note";
  draft.record_id = record_id;
  draft.origin_site = "DKR";
  draft.author = "intruder";
  draft.device_seq = 1000;
  draft.hlc = TARMAC_HLC_MAKE (g_get_real_time () / 1000, 0);
  draft.recipients = to_lfw;
  draft.priority = TARMAC_NOTE_PRIORITY_URGENT;
  envelope = tarmac_envelope_seal (&draft, body, forger, box_keys, &error);
  g_assert_no_error (error);

  g_assert_cmpint (tarmac_sync_replica_apply (f->lfw.replica, envelope, 1, &error), ==, TARMAC_APPLY_REFUSED);
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_BAD_SIGNATURE);
  g_clear_error (&error);
  g_assert_cmpuint (count_notes (&f->lfw, "Signed by someone else"), ==, 0);

  /* The code Dakar's desk reads out is its own key's: refused. The code a desk that holds
   * the new key would read out (tarmac-cli sync keys there) is accepted. */
  {
    g_autofree char *read_out = tarmac_sync_replica_dup_sign_key_code (f->dkr.replica);
    g_autofree char *forger_code = tarmac_key_code (device_id, tarmac_device_keys_get_sign_pk (forger));

    g_assert_cmpstr (tarmac_key_change_get_old_code (change), ==, read_out);
    g_assert_false (tarmac_sync_replica_trust_key (f->lfw.replica, device_id, read_out, &error));
    g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_BAD_CODE);
    g_clear_error (&error);
    g_assert_true (tarmac_sync_replica_trust_key (f->lfw.replica, device_id, forger_code, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (tarmac_sync_replica_apply (f->lfw.replica, envelope, 1, &error), ==, TARMAC_APPLY_NEW);
  g_assert_no_error (error);
  g_assert_cmpuint (count_notes (&f->lfw, "Signed by someone else"), ==, 1);
}

/* Reads what `tarmac-cli sync keys --json` prints for @db_path. */
static JsonObject *
cli_keys (const char *db_path,
          JsonParser *parser,
          char      **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (tarmac_test_cli (db_path, out, &err, "sync", "keys", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, *out, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* Asserts that `tarmac-cli sync keys`, with or without --json, says at @db_path that the
 * key of Dakar changed and gives the key known there, but never @new_code, the code an
 * officer must get by phone from Dakar (on standard error neither: the roster is fetched
 * then, and the change logged). */
static void
assert_keys_hide (const char *db_path,
                  const char *known_code,
                  const char *new_code)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *keys, *change;

  keys = cli_keys (db_path, parser, &out);
  g_assert_cmpstr (json_object_get_string_member (keys, "site"), ==, "LFW");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (keys, "changes")), ==, 1);
  change = json_array_get_object_element (json_object_get_array_member (keys, "changes"), 0);
  g_assert_cmpstr (json_object_get_string_member (change, "kind"), ==, "site");
  g_assert_cmpstr (json_object_get_string_member (change, "subject"), ==, "DKR");
  g_assert_cmpstr (json_object_get_string_member (change, "pinned_code"), ==, known_code);
  g_assert_false (json_object_has_member (change, "new_code"));
  g_assert_null (strstr (out, new_code));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (tarmac_test_cli (db_path, &out, &err, "sync", "keys", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "The key of airport DKR changed"));
  g_assert_nonnull (strstr (out, known_code));
  g_assert_null (strstr (out, new_code));
  g_assert_null (strstr (err, new_code));
}

/* The same through tarmac-cli, as officers do it: sync keys says that Dakar's key changed
 * and gives the key known here, not the new one's code; note send says the note is held;
 * the code Dakar's officer reads out (sync keys there) does not match a key the hub forged,
 * so sync trust refuses it. Then Dakar loses its desk, the coordinator resets its key and
 * a new desk brings one: Lomé accepts the code that desk reads out, and sync sends the
 * note. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *lfw_db = tarmac_test_db_path ("lfw.db");
  g_autofree char *dkr_db = tarmac_test_db_path ("dkr.db");
  g_autofree char *dkr2_db = tarmac_test_db_path ("dkr2.db");
  g_autofree char *real_code = tarmac_key_code ("DKR", site_key_of (&f->dkr));
  g_autofree char *forged_code = NULL;
  g_autofree char *read_out = NULL;
  g_autofree char *new_code = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  guint8 forged_pk[32], forged_sk[32];
  Desk dkr2 = { NULL };

  /* Dakar reads out the code of its key. */
  g_assert_cmpint (tarmac_test_cli (dkr_db, &out, NULL, "sync", "keys", NULL), ==, 0);
  g_assert_nonnull (strstr (out, real_code));
  g_clear_pointer (&out, g_free);

  crypto_box_keypair (forged_pk, forged_sk);
  forged_code = tarmac_key_code ("DKR", forged_pk);
  hub_write (f, "UPDATE sites SET box_pk = ?1 WHERE code = 'DKR' AND ?2 IS NULL", forged_pk, NULL);
  assert_keys_hide (lfw_db, real_code, forged_code);

  g_assert_cmpint (tarmac_test_cli (lfw_db, &out, &err, "note", "send", "--to", "DKR",
                                    "--text", "Via the CLI", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "Held for DKR"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  read_out = g_strdup (json_object_get_string_member (cli_keys (dkr_db, parser, &out), "site_key_code"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpstr (read_out, ==, real_code);
  g_assert_cmpint (tarmac_test_cli (lfw_db, NULL, NULL, "sync", "trust", "DKR", read_out, NULL), ==, 1);
  g_assert_cmpint (tarmac_sync_replica_count_held (f->lfw.replica, "DKR"), ==, 1);

  /* A key Dakar's desks really hold, after a reset: Lomé gets its code from Dakar only. */
  g_free (tarmac_test_hub_run (&f->hub, "device", "revoke",
                               tarmac_device_keys_get_device_id (tarmac_sync_replica_get_keys (f->dkr.replica)),
                               NULL));
  g_free (tarmac_test_hub_run (&f->hub, "site", "reset-key", "DKR", NULL));
  tarmac_test_desk_open (&dkr2, "dkr2");
  tarmac_test_desk_enrol (&f->hub, &dkr2, "DKR");
  tarmac_test_desk_sync (&dkr2);
  new_code = g_strdup (json_object_get_string_member (cli_keys (dkr2_db, parser, &out), "site_key_code"));
  g_clear_pointer (&out, g_free);
  g_assert_nonnull (new_code);
  g_assert_cmpstr (new_code, !=, real_code);
  assert_keys_hide (lfw_db, real_code, new_code);

  g_assert_cmpint (tarmac_test_cli (lfw_db, &out, NULL, "sync", "trust", "DKR", new_code, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "1 held note"));
  g_assert_cmpint (tarmac_test_cli (lfw_db, NULL, NULL, "sync", NULL), ==, 0);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM held_wrap"), ==, 0);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM audit_log WHERE action = 'key-trust'"), ==, 1);
  tarmac_test_desk_sync (&dkr2);
  g_assert_cmpuint (count_notes (&dkr2, "Via the CLI"), ==, 1);
  tarmac_test_desk_close (&dkr2);
}

/* Signing with an X25519 key and checking it as Ed25519 (tarmac-key-continuity.c). */
static void
test_site_signature (void)
{
  for (int i = 0; i < 64; i++)
    {
      guint8 seed[32], old_pk[32], old_sk[32], new_pk[32], new_sk[32], signer[32], sig[64];
      g_autoptr(GByteArray) message = NULL;

      randombytes_buf (seed, sizeof seed);
      crypto_box_seed_keypair (old_pk, old_sk, seed);
      crypto_box_keypair (new_pk, new_sk);
      message = tarmac_site_key_change_message ("DKR", old_pk, new_pk);
      tarmac_x25519_sign (old_sk, message->data, message->len, signer, sig);

      g_assert_true (tarmac_site_key_change_verify ("DKR", old_pk, new_pk, signer, sig));
      /* Another airport, the keys swapped (a link replayed backwards), a bit flipped, or
       * a signer that is not the old key: all refused. */
      g_assert_false (tarmac_site_key_change_verify ("LFW", old_pk, new_pk, signer, sig));
      g_assert_false (tarmac_site_key_change_verify ("DKR", new_pk, old_pk, signer, sig));
      sig[i % 64] ^= 1;
      g_assert_false (tarmac_site_key_change_verify ("DKR", old_pk, new_pk, signer, sig));
      sig[i % 64] ^= 1;
      g_assert_false (tarmac_site_key_change_verify ("DKR", new_pk, new_pk, signer, sig));
    }

  {
    guint8 pk[32] = { 1, 2, 3 };
    g_autofree char *code = tarmac_key_code ("DKR", pk);
    g_autofree char *other = tarmac_key_code ("LFW", pk);
    g_autofree char *typed = g_ascii_strdown (code, -1);

    /* XXXXX-XXXXX-XXXXX-XXXXX: 100 bits, bound to the airport. */
    g_assert_cmpuint (strlen (code), ==, 23);
    g_assert_true (tarmac_key_code_equal (typed, code));
    g_assert_false (tarmac_key_code_equal (other, code));
    g_assert_false (tarmac_key_code_equal ("", code));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hub-pins/site-signature", test_site_signature);
  g_test_add ("/hub-pins/first-contact", Fixture, NULL, fixture_set_up, test_first_contact, fixture_tear_down);
  g_test_add ("/hub-pins/rotate-proven", Fixture, NULL, fixture_set_up, test_rotate_proven, fixture_tear_down);
  g_test_add ("/hub-pins/forged-roster", Fixture, NULL, fixture_set_up, test_forged_roster, fixture_tear_down);
  g_test_add ("/hub-pins/forged-withdrawn", Fixture, NULL, fixture_set_up, test_forged_withdrawn,
              fixture_tear_down);
  g_test_add ("/hub-pins/reset-key", Fixture, NULL, fixture_set_up, test_reset_key, fixture_tear_down);
  g_test_add ("/hub-pins/device-key", Fixture, NULL, fixture_set_up, test_device_key, fixture_tear_down);
  g_test_add ("/hub-pins/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}
