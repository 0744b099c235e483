/* test-sync-replica.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tarmac-audit.h"
#include "tarmac-note.h"
#include "tarmac-store-private.h"
#include "tarmac-sync-error.h"
#include "tarmac-sync-replica.h"
#include "tarmac-test-util.h"

/* The local replica (tarmac-sync-replica.c) on three real databases, Dakar, Lomé and
 * Addis Ababa, with the hub's part played by hand: what Dakar saves is in its outbox; the
 * copy the hub would give Lomé (Lomé's wrap only) is applied at Lomé and shows on its
 * Network page; applied twice it is there once; Addis, not addressed, cannot read it; a
 * save that fails at its last step leaves nothing behind. */

typedef struct
{
  TarmacStore       *store;
  TarmacSyncReplica *replica;
} Site;

typedef struct
{
  Site dkr;
  Site lfw;
  Site add;
} Fixture;

static void
site_open (Site       *site,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strdup_printf ("%s.db", name);
  g_autofree char *path = tarmac_test_db_path (file);

  site->store = tarmac_store_open (path, &error);
  g_assert_no_error (error);
  site->replica = tarmac_sync_replica_new (site->store, &error);
  g_assert_no_error (error);
}

static void
site_close (Site *site)
{
  g_clear_object (&site->replica);
  g_clear_object (&site->store);
}

static void
site_enrol (Site       *site,
            const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacDeviceKeys) keys = tarmac_device_keys_generate ();

  g_assert_false (tarmac_sync_replica_is_enrolled (site->replica));
  g_assert_true (tarmac_sync_replica_set_identity (site->replica, code, keys, &error));
  g_assert_no_error (error);
  g_assert_true (tarmac_sync_replica_is_enrolled (site->replica));
}

/* What a verified roster would teach @site about @other. */
static void
site_learn (Site *site,
            Site *other)
{
  g_autoptr(GError) error = NULL;
  TarmacDeviceKeys *keys = tarmac_sync_replica_get_keys (other->replica);

  g_assert_true (tarmac_sync_replica_add_site (site->replica,
                                               tarmac_sync_replica_get_site (other->replica), "",
                                               tarmac_device_keys_get_site_box_pk (keys), &error));
  g_assert_no_error (error);
  g_assert_true (tarmac_sync_replica_add_device (site->replica,
                                                 tarmac_device_keys_get_device_id (keys),
                                                 tarmac_sync_replica_get_site (other->replica),
                                                 tarmac_device_keys_get_sign_pk (keys), &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  site_open (&f->dkr, "dkr");
  site_open (&f->lfw, "lfw");
  site_open (&f->add, "add");
  site_enrol (&f->dkr, "DKR");
  site_enrol (&f->lfw, "LFW");
  site_enrol (&f->add, "ADD");

  site_learn (&f->dkr, &f->lfw);
  site_learn (&f->dkr, &f->add);
  site_learn (&f->lfw, &f->dkr);
  site_learn (&f->lfw, &f->add);
  site_learn (&f->add, &f->dkr);
  site_learn (&f->add, &f->lfw);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  site_close (&f->dkr);
  site_close (&f->lfw);
  site_close (&f->add);
}

static gint64
count (Site       *site,
       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (site->store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
text (Site       *site,
      const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (site->store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup (_tarmac_store_column_text (stmt, 0));
}

static const char *alert_text = "Courier suspected on ET908 ADD-LFW, please check on arrival";

static TarmacNote *
send_alert (Site                *site,
            const char * const  *to)
{
  g_autoptr(GError) error = NULL;
  TarmacNoteDraft draft = {
    .kind = "alert",
    .priority = TARMAC_NOTE_PRIORITY_URGENT,
    .recipients = to,
    .author = "officer-17",
    .text = alert_text,
    .subject_type = "flight",
    .subject_ref = "ET908",
  };
  TarmacNote *note = tarmac_sync_replica_save_note (site->replica, &draft, &error);

  g_assert_no_error (error);
  g_assert_nonnull (note);
  return note;
}

/* The outbox as the hub would deliver it to @site: that site's wrap only. */
static GPtrArray *
hub_copy_for (Site       *from,
              const char *site)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outbox = tarmac_sync_replica_list_outbox (from->replica, 100, &error);
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_error (error);
  for (guint i = 0; i < outbox->len; i++)
    {
      g_autofree char *wire = tarmac_envelope_to_data (g_ptr_array_index (outbox, i), site);
      TarmacEnvelope *copy = tarmac_envelope_new_from_data (wire, strlen (wire), &error);

      g_assert_no_error (error);
      g_ptr_array_add (copies, copy);
    }

  return copies;
}

static GArray *
seqs_from (gint64 first,
           guint  n)
{
  GArray *seqs = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n; i++)
    {
      gint64 seq = first + i;
      g_array_append_val (seqs, seq);
    }

  return seqs;
}

static void
test_save_and_deliver (Fixture       *f,
                       gconstpointer  data)
{
  static const char * const to_lfw[] = { "LFW", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacNote) sent = send_alert (&f->dkr, to_lfw);
  g_autoptr(GPtrArray) for_lfw = NULL;
  g_autoptr(GArray) seqs = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(TarmacNote) received = NULL;
  g_autofree char *delivery = NULL;
  guint n_new = 99;

  /* At Dakar: the note, its version, its outbox row, its audit row. */
  g_assert_cmpstr (tarmac_note_get_body (sent), ==, alert_text);
  g_assert_cmpstr (tarmac_note_get_origin_site (sent), ==, "DKR");
  g_assert_cmpint (count (&f->dkr, "SELECT count (*) FROM versions WHERE state = 'local-pending'"), ==, 1);
  g_assert_cmpint (tarmac_sync_replica_count_pending (f->dkr.replica, NULL), ==, 1);
  g_assert_cmpint (count (&f->dkr, "SELECT count (*) FROM audit_log WHERE action = 'create'"
                                   " AND object_type = 'note'"), ==, 1);
  delivery = text (&f->dkr, "SELECT delivery FROM note");
  g_assert_cmpstr (delivery, ==, "pending");

  /* The stored text is not in the version: only ciphertext goes out. */
  g_assert_cmpint (count (&f->dkr, "SELECT count (*) FROM versions WHERE instr (body_ct, 'Courier') > 0"
                                   " OR instr (header, 'Courier') > 0"), ==, 0);

  /* At Lomé, through the hub. */
  for_lfw = hub_copy_for (&f->dkr, "LFW");
  g_assert_cmpuint (for_lfw->len, ==, 1);
  seqs = seqs_from (1, 1);
  g_assert_true (tarmac_sync_replica_apply_batch (f->lfw.replica, for_lfw, seqs, "main", 1, &n_new, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, 1);
  g_assert_cmpint (tarmac_sync_replica_get_cursor (f->lfw.replica, "main"), ==, 1);

  notes = tarmac_store_list_recent_notes (f->lfw.store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  received = g_list_model_get_item (notes, 0);
  g_assert_cmpstr (tarmac_note_get_uuid (received), ==, tarmac_note_get_uuid (sent));
  g_assert_cmpstr (tarmac_note_get_body (received), ==, alert_text);
  g_assert_cmpstr (tarmac_note_get_origin_site (received), ==, "DKR");
  g_assert_cmpstr (tarmac_note_get_author (received), ==, "officer-17");
  g_assert_cmpstr (tarmac_note_get_subject_ref (received), ==, "ET908");
  g_assert_cmpint (tarmac_note_get_priority (received), ==, TARMAC_NOTE_PRIORITY_URGENT);
  g_assert_cmpint (count (&f->lfw, "SELECT count (*) FROM audit_log WHERE action = 'receive'"), ==, 1);

  /* Delivered again (a retry, a duplicate pull): no change. */
  g_assert_true (tarmac_sync_replica_apply_batch (f->lfw.replica, for_lfw, seqs, "main", 1, &n_new, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, 0);
  g_assert_cmpint (count (&f->lfw, "SELECT count (*) FROM note"), ==, 1);
  g_assert_cmpint (count (&f->lfw, "SELECT count (*) FROM versions WHERE kind <> 'ack'"), ==, 1);
  /* One acknowledgement of delivery, for the first delivery only. */
  g_assert_cmpint (count (&f->lfw, "SELECT count (*) FROM versions WHERE kind = 'ack' AND state = 'local-pending'"), ==, 1);

  /* The hub acknowledged it: out of the outbox, marked sent. */
  {
    TarmacEnvelope *envelope = g_ptr_array_index (for_lfw, 0);

    g_assert_true (tarmac_sync_replica_mark_sent (f->dkr.replica,
                                                  tarmac_envelope_get_version_id (envelope), 1,
                                                  &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (tarmac_sync_replica_count_pending (f->dkr.replica, NULL), ==, 0);
  g_clear_pointer (&delivery, g_free);
  delivery = text (&f->dkr, "SELECT delivery FROM note");
  g_assert_cmpstr (delivery, ==, "sent");
  g_assert_cmpint (count (&f->dkr, "SELECT count (*) FROM versions WHERE state = 'synced'"
                                   " AND server_seq = 1"), ==, 1);

  g_assert_true (tarmac_audit_verify (f->lfw.store, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Addis Ababa was not addressed: even handed the envelope (with Lomé's wrap, all the hub
 * could leak), it has no key; the batch goes on and the refusal is audited. */
static void
test_not_recipient (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const to_lfw[] = { "LFW", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacNote) sent = send_alert (&f->dkr, to_lfw);
  g_autoptr(GPtrArray) leaked = hub_copy_for (&f->dkr, "LFW");
  g_autoptr(GArray) seqs = seqs_from (7, 1);
  guint n_new = 99;

  g_assert_cmpint (tarmac_sync_replica_apply (f->add.replica, g_ptr_array_index (leaked, 0), 7, &error),
                   ==, TARMAC_APPLY_REFUSED);
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_NOT_RECIPIENT);
  g_clear_error (&error);

  g_test_expect_message ("tarmac-sync-replica", G_LOG_LEVEL_WARNING, "Refused version*");
  g_assert_true (tarmac_sync_replica_apply_batch (f->add.replica, leaked, seqs, "main", 7, &n_new, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, 0);
  g_assert_cmpint (tarmac_sync_replica_get_cursor (f->add.replica, "main"), ==, 7);
  g_assert_cmpint (count (&f->add, "SELECT count (*) FROM note"), ==, 0);
  g_assert_cmpint (count (&f->add, "SELECT count (*) FROM versions"), ==, 0);
  g_assert_cmpint (count (&f->add, "SELECT count (*) FROM audit_log WHERE action = 'refuse'"), ==, 1);
}

/* A revoked device's versions are refused, those it queued before included. */
static void
test_revoked (Fixture       *f,
              gconstpointer  data)
{
  static const char * const to_lfw[] = { "LFW", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacNote) sent = send_alert (&f->dkr, to_lfw);
  g_autoptr(GPtrArray) for_lfw = hub_copy_for (&f->dkr, "LFW");
  TarmacDeviceKeys *dkr_keys = tarmac_sync_replica_get_keys (f->dkr.replica);

  g_assert_true (tarmac_sync_replica_revoke_device (f->lfw.replica,
                                                    tarmac_device_keys_get_device_id (dkr_keys),
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpint (tarmac_sync_replica_apply (f->lfw.replica, g_ptr_array_index (for_lfw, 0), 1, &error),
                   ==, TARMAC_APPLY_REFUSED);
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_REVOKED);
  g_assert_cmpint (count (&f->lfw, "SELECT count (*) FROM note"), ==, 0);
}

static void
assert_unchanged (Site *site)
{
  g_assert_cmpint (count (site, "SELECT count (*) FROM note"), ==, 0);
  g_assert_cmpint (count (site, "SELECT count (*) FROM versions"), ==, 0);
  g_assert_cmpint (count (site, "SELECT count (*) FROM outbox"), ==, 0);
  g_assert_cmpint (count (site, "SELECT count (*) FROM records"), ==, 0);
  g_assert_cmpint (count (site, "SELECT count (*) FROM audit_log WHERE action = 'create'"), ==, 0);
  g_assert_cmpint (count (site, "SELECT count (*) FROM sync_state WHERE key = 'device_seq'"), ==, 0);
}

/* A save that fails, at the first step (an unknown recipient) or at the last (the outbox
 * insert, here made to fail by a trigger), leaves the database as it was. */
static void
test_save_is_atomic (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const to_gru[] = { "LFW", "GRU", NULL };
  static const char * const to_lfw[] = { "LFW", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacNote) note = NULL;
  TarmacNoteDraft draft = {
    .kind = "note",
    .recipients = to_gru,
    .author = "officer-17",
    .text = "Seen at the transfer desk",
  };

  note = tarmac_sync_replica_save_note (f->dkr.replica, &draft, &error);
  g_assert_null (note);
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_KEYS);
  g_clear_error (&error);
  assert_unchanged (&f->dkr);

  g_assert_true (_tarmac_store_exec (f->dkr.store,
                                     "CREATE TEMP TRIGGER outbox_full BEFORE INSERT ON main.outbox"
                                     " BEGIN SELECT RAISE (ABORT, 'disk full'); END;", &error));
  g_assert_no_error (error);
  draft.recipients = to_lfw;
  note = tarmac_sync_replica_save_note (f->dkr.replica, &draft, &error);
  g_assert_null (note);
  g_assert_nonnull (error);
  g_clear_error (&error);
  assert_unchanged (&f->dkr);

  g_assert_true (_tarmac_store_exec (f->dkr.store, "DROP TRIGGER outbox_full", &error));
  note = tarmac_sync_replica_save_note (f->dkr.replica, &draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (note);
  g_assert_cmpint (count (&f->dkr, "SELECT device_seq FROM outbox"), ==, 1);
}

/* Identity, sequence and clock survive a restart; the keys come from the keystore. */
static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  static const char * const to_lfw[] = { "LFW", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacNote) first = send_alert (&f->dkr, to_lfw);
  g_autoptr(TarmacNote) second = NULL;
  g_autofree char *device_id = g_strdup (tarmac_device_keys_get_device_id (
                                           tarmac_sync_replica_get_keys (f->dkr.replica)));
  gint64 first_hlc = count (&f->dkr, "SELECT hlc FROM versions");

  site_close (&f->dkr);
  site_open (&f->dkr, "dkr");
  g_assert_true (tarmac_sync_replica_is_enrolled (f->dkr.replica));
  g_assert_cmpstr (tarmac_sync_replica_get_site (f->dkr.replica), ==, "DKR");
  g_assert_cmpstr (tarmac_device_keys_get_device_id (tarmac_sync_replica_get_keys (f->dkr.replica)),
                   ==, device_id);

  second = send_alert (&f->dkr, to_lfw);
  g_assert_cmpint (count (&f->dkr, "SELECT max (device_seq) FROM outbox"), ==, 2);
  g_assert_cmpint (count (&f->dkr, "SELECT max (hlc) FROM versions"), >, first_hlc);
  g_assert_cmpstr (tarmac_note_get_uuid (first), !=, tarmac_note_get_uuid (second));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/sync/replica/save-and-deliver", Fixture, NULL, fixture_set_up, test_save_and_deliver, fixture_tear_down);
  g_test_add ("/sync/replica/not-recipient", Fixture, NULL, fixture_set_up, test_not_recipient, fixture_tear_down);
  g_test_add ("/sync/replica/revoked", Fixture, NULL, fixture_set_up, test_revoked, fixture_tear_down);
  g_test_add ("/sync/replica/save-is-atomic", Fixture, NULL, fixture_set_up, test_save_is_atomic, fixture_tear_down);
  g_test_add ("/sync/replica/reopen", Fixture, NULL, fixture_set_up, test_reopen, fixture_tear_down);

  return g_test_run ();
}
