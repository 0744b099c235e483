/* test-sync-service.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tarmac-note.h"
#include "tarmac-note-receipt.h"
#include "tarmac-sync-tls.h"
#include "tarmac-sync-client.h"
#include "tarmac-sync-service.h"
#include "tarmac-test-hub.h"
#include "tarmac-test-store.h"

/* The app's sync service against a real tarmac-hub on loopback: Dakar runs the service
 * (as the app does), Lomé is a headless desk driven directly. Every wait is bounded. */

typedef struct
{
  TarmacTestHub      hub;
  TarmacSyncService *service;
  char              *dkr_path;
  TarmacStore       *lfw_store;
  TarmacSyncReplica *lfw_replica;
  TarmacSyncClient  *lfw_client;

  /* what the service reported */
  guint              arrived;
  TarmacNotePriority arrived_priority;
  char              *arrived_uuid;
  gboolean           done;
  GError            *error;
  TarmacNote        *saved;
} Fixture;

static void
test_backoff_bounded (void)
{
  guint32 randoms[] = { 0, 1, 12345, G_MAXUINT32 / 2, G_MAXUINT32 };
  guint previous_ceiling = 0;

  for (guint failures = 1; failures <= 200; failures++)
    {
      guint low = G_MAXUINT, high = 0;

      for (gsize i = 0; i < G_N_ELEMENTS (randoms); i++)
        {
          guint delay = tarmac_sync_backoff_ms (failures, randoms[i]);

          low = MIN (low, delay);
          high = MAX (high, delay);
          /* Never nothing, never past the cap. */
          g_assert_cmpuint (delay, >=, TARMAC_SYNC_BACKOFF_BASE_MS / 2);
          g_assert_cmpuint (delay, <=, TARMAC_SYNC_BACKOFF_MAX_MS);
        }

      /* Jitter: the same failure count does not always wait the same. */
      g_assert_cmpuint (low, <, high);
      /* It grows until the cap, and stays there. */
      g_assert_cmpuint (high, >=, previous_ceiling);
      previous_ceiling = high;
    }

  g_assert_cmpuint (tarmac_sync_backoff_ms (1, G_MAXUINT32), <=, 1000);
  g_assert_cmpuint (tarmac_sync_backoff_ms (3, 0), ==, 2000);
  g_assert_cmpuint (tarmac_sync_backoff_ms (200, 0), ==, TARMAC_SYNC_BACKOFF_MAX_MS / 2);
}

static void
on_notes_arrived_cb (TarmacSyncService  *service,
                     guint               n_notes,
                     TarmacNotePriority  priority,
                     const char         *uuid,
                     const char         *origin_site,
                     Fixture            *f)
{
  f->arrived += n_notes;
  f->arrived_priority = priority;
  g_free (f->arrived_uuid);
  f->arrived_uuid = g_strdup (uuid);
  g_assert_cmpstr (origin_site, ==, "LFW");
}

static void
on_done_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fixture *f = user_data;

  if (g_task_get_source_tag (G_TASK (result)) == tarmac_sync_service_save_note_async)
    f->saved = tarmac_sync_service_save_note_finish (TARMAC_SYNC_SERVICE (object), result, &f->error);
  else if (g_task_get_source_tag (G_TASK (result)) == tarmac_sync_service_mark_read_async)
    tarmac_sync_service_mark_read_finish (TARMAC_SYNC_SERVICE (object), result, &f->error);
  else
    tarmac_sync_service_enrol_finish (TARMAC_SYNC_SERVICE (object), result, &f->error);
  f->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((Fixture *) data)->done;
}

static gboolean
is_online (gpointer data)
{
  Fixture *f = data;

  return tarmac_sync_service_get_state (f->service) == TARMAC_SYNC_STATE_ONLINE
         && tarmac_sync_service_get_pending (f->service) == 0;
}

static gboolean
is_offline (gpointer data)
{
  Fixture *f = data;

  return tarmac_sync_service_get_state (f->service) == TARMAC_SYNC_STATE_OFFLINE;
}

static gboolean
has_sites (gpointer data)
{
  Fixture *f = data;
  g_auto(GStrv) codes = tarmac_sync_service_dup_sites (f->service, NULL);

  return g_strv_length (codes) > 0;
}

/* @expect_pulled: -1 for any (Dakar's acknowledgements may or may not be there yet) */
static void
lfw_sync (Fixture *f,
          int      expect_pulled)
{
  g_autoptr(GError) error = NULL;
  TarmacSyncStats stats;

  g_assert_true (tarmac_sync_client_sync (f->lfw_client, &stats, &error));
  g_assert_no_error (error);
  if (expect_pulled >= 0)
    g_assert_cmpuint (stats.pulled, ==, (guint) expect_pulled);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lfw_path = tarmac_test_db_path ("lfw.db");
  g_autofree char *code = NULL;
  g_autoptr(TarmacStore) dkr = NULL;

  tarmac_test_hub_init (&f->hub, "DKR", "Dakar", "LFW", "Lomé", NULL);

  /* Lomé, headless. */
  f->lfw_store = tarmac_store_open (lfw_path, &error);
  g_assert_no_error (error);
  f->lfw_replica = tarmac_sync_replica_new (f->lfw_store, &error);
  g_assert_no_error (error);
  f->lfw_client = tarmac_sync_client_new (f->lfw_replica);
  code = tarmac_test_hub_run (&f->hub, "enrol-code", "LFW", NULL);
  g_assert_true (tarmac_sync_client_enrol (f->lfw_client, f->hub.url, code, f->hub.fingerprint, &error));
  g_assert_no_error (error);
  g_clear_pointer (&code, g_free);

  /* Dakar, through the service, as Preferences → Network does it. */
  f->dkr_path = tarmac_test_db_path ("dkr.db");
  dkr = tarmac_store_open (f->dkr_path, &error);
  g_assert_no_error (error);
  tarmac_store_close (dkr);

  f->service = tarmac_sync_service_new (f->dkr_path, "officer-17");
  g_signal_connect (f->service, "notes-arrived", G_CALLBACK (on_notes_arrived_cb), f);
  tarmac_sync_service_start (f->service);
  g_assert_false (tarmac_sync_service_get_enrolled (f->service));

  code = tarmac_test_hub_run (&f->hub, "enrol-code", "DKR", NULL);
  tarmac_sync_service_enrol_async (f->service, f->hub.url, code, f->hub.fingerprint, NULL,
                                   on_done_cb, f);
  g_assert_true (tarmac_test_wait_until (is_done, f, 30));
  g_assert_no_error (f->error);
  g_assert_true (tarmac_test_wait_until (is_online, f, 30));
  g_assert_true (tarmac_sync_service_get_enrolled (f->service));
  g_assert_cmpstr (tarmac_sync_service_get_site (f->service), ==, "DKR");
  g_assert_nonnull (tarmac_sync_service_get_last_sync (f->service));

  /* Lomé learns Dakar's keys; Dakar learns Lomé from the roster it already had. */
  lfw_sync (f, 0);
  g_assert_true (tarmac_test_wait_until (has_sites, f, TARMAC_TEST_WAIT_SECONDS));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  tarmac_sync_service_stop (f->service);
  g_clear_object (&f->service);
  g_clear_object (&f->lfw_client);
  g_clear_object (&f->lfw_replica);
  g_clear_object (&f->lfw_store);
  tarmac_test_hub_clear (&f->hub);
  g_clear_pointer (&f->dkr_path, g_free);
  g_clear_pointer (&f->arrived_uuid, g_free);
  g_clear_object (&f->saved);
  g_clear_error (&f->error);
}

static void
save_note (Fixture            *f,
           const char         *text,
           TarmacNotePriority  priority)
{
  const char *to[] = { "LFW", NULL };
  TarmacNoteDraft draft = {
    .kind = priority == TARMAC_NOTE_PRIORITY_URGENT ? "alert" : "note",
    .priority = priority,
    .recipients = to,
    .author = "officer-17",
    .text = text,
  };

  f->done = FALSE;
  g_clear_object (&f->saved);
  tarmac_sync_service_save_note_async (f->service, &draft, NULL, on_done_cb, f);
  g_assert_true (tarmac_test_wait_until (is_done, f, 30));
  g_assert_no_error (f->error);
  g_assert_nonnull (f->saved);
}

static gboolean
pending_is_three (gpointer data)
{
  return tarmac_sync_service_get_pending (((Fixture *) data)->service) == 3;
}

/* The hub goes away for a while: notes saved meanwhile wait, counted; the state says
 * offline with a reason; the hub comes back and they go, once. */
static void
test_offline_then_back (Fixture       *f,
                        gconstpointer  data)
{
  tarmac_test_hub_stop (&f->hub);
  tarmac_sync_service_sync_now (f->service);
  g_assert_true (tarmac_test_wait_until (is_offline, f, 30));
  g_assert_nonnull (tarmac_sync_service_get_reason (f->service));
  g_assert_cmpuint (tarmac_sync_service_get_failures (f->service), >=, 1);

  save_note (f, "Cash courier on ET 908, 14:05", TARMAC_NOTE_PRIORITY_ROUTINE);
  save_note (f, "Second bag tagged on the same ticket", TARMAC_NOTE_PRIORITY_PRIORITY);
  save_note (f, "Courier boarded, check on arrival", TARMAC_NOTE_PRIORITY_URGENT);
  g_assert_true (tarmac_test_wait_until (pending_is_three, f, 30));
  g_assert_cmpint (tarmac_sync_service_get_state (f->service), !=, TARMAC_SYNC_STATE_ONLINE);

  tarmac_test_hub_start (&f->hub);
  tarmac_sync_service_sync_now (f->service);
  g_assert_true (tarmac_test_wait_until (is_online, f, 30));
  g_assert_null (tarmac_sync_service_get_reason (f->service));
  g_assert_cmpuint (tarmac_sync_service_get_failures (f->service), ==, 0);

  /* Lomé gets the three, once. */
  lfw_sync (f, 3);
  lfw_sync (f, 0);
  g_assert_cmpint (tarmac_test_count (f->lfw_store, "SELECT count (*) FROM note"
                                                    " WHERE origin_site = 'DKR'"), ==, 3);
}

static gboolean
has_arrived (gpointer data)
{
  return ((Fixture *) data)->arrived > 0;
}

static gboolean
was_notified (gpointer data)
{
  return tarmac_sync_service_get_notified (((Fixture *) data)->service) > 0;
}

static gboolean
has_two_arrived (gpointer data)
{
  return ((Fixture *) data)->arrived >= 2;
}

static gboolean
is_never (gpointer data)
{
  return FALSE;
}

/* An urgent alert from Lomé reaches the waiting service without anyone asking. */
static void
test_alert_arrives (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacNote) note = NULL;
  const char *to[] = { "DKR", NULL };
  TarmacNoteDraft draft = {
    .kind = "alert",
    .priority = TARMAC_NOTE_PRIORITY_URGENT,
    .recipients = to,
    .author = "officer-3",
    .text = "Courier suspected on ET908 ADD-LFW-DKR",
  };

  /* The service is in its long-poll by now (online, nothing pending). */
  g_assert_true (tarmac_test_wait_until (is_online, f, 30));
  g_assert_cmpuint (f->arrived, ==, 0);

  note = tarmac_sync_replica_save_note (f->lfw_replica, &draft, &error);
  g_assert_no_error (error);
  lfw_sync (f, -1);

  g_assert_true (tarmac_test_wait_until (has_arrived, f, 30));
  g_assert_cmpuint (f->arrived, ==, 1);
  g_assert_cmpint (f->arrived_priority, ==, TARMAC_NOTE_PRIORITY_URGENT);
  g_assert_cmpstr (f->arrived_uuid, ==, tarmac_note_get_uuid (note));

  /* The service opened the hub's notification socket at its first wait, before that
   * alert was shown: the next one is announced on it (an urgent announcement always
   * starts a pull, even of what a round already brought). */
  g_clear_object (&note);
  note = tarmac_sync_replica_save_note (f->lfw_replica, &draft, &error);
  g_assert_no_error (error);
  lfw_sync (f, -1);
  g_assert_true (tarmac_test_wait_until (was_notified, f, 30));
  g_assert_true (tarmac_test_wait_until (has_two_arrived, f, 30));
}

static gboolean
is_stopped_revoked (gpointer data)
{
  Fixture *f = data;

  return tarmac_sync_service_get_state (f->service) == TARMAC_SYNC_STATE_ERROR
         && tarmac_sync_service_get_failures (f->service) > 0;
}

/* The hub's administrator revokes this workstation while the service waits on the
 * notification socket: the hub closes it, the service says why and stops knocking. */
static void
test_revoked_stops (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *device_id = NULL;

  g_assert_true (tarmac_test_wait_until (is_online, f, 30));
  device_id = g_strdup (tarmac_sync_service_get_device_id (f->service));
  out = tarmac_test_hub_run (&f->hub, "device", "revoke", device_id, NULL);

  g_assert_true (tarmac_test_wait_until (is_stopped_revoked, f, 30));
  g_assert_nonnull (tarmac_sync_service_get_reason (f->service));

  /* No backoff loop: a loop fails again after 0.5–1 s, then after 1–2 s more, so it
   * would be at three failures within 5 s. One more is allowed: the network monitor may
   * say the link changed, which is worth one try (on_network_changed_cb). */
  tarmac_test_wait_until (is_never, f, 5);
  g_assert_cmpuint (tarmac_sync_service_get_failures (f->service), <=, 2);
}

static gboolean
unread_is_zero (gpointer data)
{
  return tarmac_sync_service_get_unread (((Fixture *) data)->service) == 0;
}

static void
on_receipts_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GHashTable **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = tarmac_sync_service_list_receipts_finish (TARMAC_SYNC_SERVICE (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

/* An alert shown here is marked read: the unread count drops, and Lomé learns it was
 * read at Dakar; a note Dakar sent shows where it got. */
static void
test_read_and_receipts (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacNote) note = NULL;
  g_autoptr(GHashTable) receipts = NULL;
  const char *to[] = { "DKR", NULL };
  TarmacNoteDraft draft = {
    .kind = "alert",
    .priority = TARMAC_NOTE_PRIORITY_URGENT,
    .recipients = to,
    .author = "officer-3",
    .text = "Please confirm the courier was stopped",
  };
  const char *uuids[2] = { NULL, NULL };
  GListModel *list;
  g_autoptr(TarmacNoteReceipt) receipt = NULL;

  note = tarmac_sync_replica_save_note (f->lfw_replica, &draft, &error);
  g_assert_no_error (error);
  lfw_sync (f, -1);
  g_assert_true (tarmac_test_wait_until (has_arrived, f, 30));
  g_assert_cmpuint (tarmac_sync_service_get_unread (f->service), ==, 1);

  uuids[0] = tarmac_note_get_uuid (note);
  f->done = FALSE;
  tarmac_sync_service_mark_read_async (f->service, uuids, NULL, on_done_cb, f);
  g_assert_true (tarmac_test_wait_until (is_done, f, 30));
  g_assert_true (tarmac_test_wait_until (unread_is_zero, f, 30));

  /* The acknowledgement goes up with the next round, which the job started. */
  g_assert_true (tarmac_test_wait_until (is_online, f, 30));
  lfw_sync (f, -1);
  g_assert_cmpint (tarmac_test_count (f->lfw_store, "SELECT count (*) FROM note_receipt"
                                                    " WHERE site = 'DKR' AND read_at IS NOT NULL"), ==, 1);

  /* Dakar's own note: delivered at Lomé once Lomé pulled it (its acknowledgement goes up
   * with Lomé's next round, and comes down to the waiting service by itself). */
  save_note (f, "Stopped at the gate, 3 kg", TARMAC_NOTE_PRIORITY_ROUTINE);
  g_assert_true (tarmac_test_wait_until (is_online, f, 30));
  lfw_sync (f, -1);
  lfw_sync (f, -1);

  uuids[0] = tarmac_note_get_uuid (f->saved);
  for (guint attempt = 0; attempt < 300; attempt++)
    {
      g_clear_pointer (&receipts, g_hash_table_unref);
      g_clear_object (&receipt);
      tarmac_sync_service_list_receipts_async (f->service, uuids, NULL, on_receipts_cb, &receipts);
      g_assert_true (tarmac_test_wait_until (is_set, &receipts, 30));
      list = g_hash_table_lookup (receipts, uuids[0]);
      g_assert_nonnull (list);
      g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
      receipt = g_list_model_get_item (list, 0);
      g_assert_cmpstr (tarmac_note_receipt_get_site (receipt), ==, "LFW");
      if (g_strcmp0 (tarmac_note_receipt_get_state (receipt), "delivered") == 0)
        break;
      g_usleep (100 * 1000);
    }
  g_assert_cmpstr (tarmac_note_receipt_get_state (receipt), ==, "delivered");
}

/* The hub's certificate as the officer reads it before enrolling: the one `tarmac-hub
 * fingerprint` prints. */
static void
test_probe_fingerprint (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;

  fingerprint = tarmac_sync_tls_probe_fingerprint (f->hub.url, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tarmac_sync_tls_fingerprint_equal (fingerprint, f->hub.fingerprint));

  g_clear_pointer (&fingerprint, g_free);
  fingerprint = tarmac_sync_tls_probe_fingerprint ("http://127.0.0.1:1", NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (fingerprint);
  g_clear_error (&error);

  /* Nothing listens there (the hub is stopped): an error, not a hang. */
  tarmac_test_hub_stop (&f->hub);
  fingerprint = tarmac_sync_tls_probe_fingerprint (f->hub.url, NULL, &error);
  g_assert_nonnull (error);
  g_assert_null (fingerprint);
}

/* Stopping while the worker is in a long-poll does not wait for the hub's 25 s. */
static void
test_stop_is_prompt (Fixture       *f,
                     gconstpointer  data)
{
  gint64 start;

  g_assert_true (tarmac_test_wait_until (is_online, f, 30));
  g_usleep (200 * 1000);

  /* Well under the hub's 25 s, with room for a loaded machine. */
  start = g_get_monotonic_time ();
  tarmac_sync_service_stop (f->service);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 15 * G_TIME_SPAN_SECOND);

  /* A note saved after the stop is refused, not lost in a queue nobody reads. */
  {
    const char *to[] = { "LFW", NULL };
    TarmacNoteDraft draft = { .kind = "note", .recipients = to, .author = "x", .text = "late" };

    f->done = FALSE;
    tarmac_sync_service_save_note_async (f->service, &draft, NULL, on_done_cb, f);
    g_assert_true (tarmac_test_wait_until (is_done, f, TARMAC_TEST_WAIT_SECONDS));
    g_assert_error (f->error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED);
  }
}

/* Leaving forgets the identity: not enrolled, no keys, nothing left to send. */
static void
test_leave (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(TarmacStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tarmac_test_wait_until (is_online, f, 30));
  tarmac_sync_service_leave_async (f->service, NULL, NULL, NULL);

  /* Not enrolled any more, once the job ran. */
  tarmac_test_wait_for (!tarmac_sync_service_get_enrolled (f->service));
  g_assert_null (tarmac_sync_service_get_site (f->service));

  tarmac_sync_service_stop (f->service);
  store = tarmac_store_open (f->dkr_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count (*) FROM sync_state"
                                             " WHERE key IN ('site', 'device_id', 'hub_url')"), ==, 0);
  g_assert_cmpint (tarmac_test_count (store, "SELECT count (*) FROM outbox"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sync-service/backoff", test_backoff_bounded);
  g_test_add ("/sync-service/offline-then-back", Fixture, NULL,
              fixture_set_up, test_offline_then_back, fixture_tear_down);
  g_test_add ("/sync-service/alert-arrives", Fixture, NULL,
              fixture_set_up, test_alert_arrives, fixture_tear_down);
  g_test_add ("/sync-service/read-and-receipts", Fixture, NULL,
              fixture_set_up, test_read_and_receipts, fixture_tear_down);
  g_test_add ("/sync-service/probe-fingerprint", Fixture, NULL,
              fixture_set_up, test_probe_fingerprint, fixture_tear_down);
  g_test_add ("/sync-service/stop", Fixture, NULL,
              fixture_set_up, test_stop_is_prompt, fixture_tear_down);
  g_test_add ("/sync-service/leave", Fixture, NULL,
              fixture_set_up, test_leave, fixture_tear_down);
  g_test_add ("/sync-service/revoked-stops", Fixture, NULL,
              fixture_set_up, test_revoked_stops, fixture_tear_down);

  return g_test_run ();
}
