/* test-hub-sync.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>

#include "tarmac-hit.h"
#include "tarmac-lookout.h"
#include "tarmac-lookout-screen.h"
#include "tarmac-note.h"
#include "tarmac-screener.h"
#include "tarmac-note-receipt.h"
#include "tarmac-store-private.h"
#include "tarmac-sync-auth.h"
#include "tarmac-sync-client.h"
#include "tarmac-sync-error.h"
#include "tarmac-test-desk.h"
#include "tarmac-test-store.h"
#include "tarmac-test-hub.h"

/* The real tarmac-hub (init, site add, enrol-code, device revoke, serve with TLS on a
 * loopback port the kernel picks) and three real client databases — Dakar, Lomé, Addis
 * Ababa — enrolled through it (research/sync.md §5): delivery, a site that is not a
 * recipient, ciphertext only on the hub, a replayed and a tampered envelope, a revoked
 * device, hostile bodies, and kill -9 of the hub before and after its commit. Every wait
 * is bounded. */

#define ALERT "Courier suspected on ET908 ADD-LFW, please check on arrival"

/* The life of the lookout that test_lookout watches expire: long enough for everything
 * it checks while the lookout holds (three syncs, screening) on a loaded machine, which
 * took 4 s at a load of 14 on two cores; the test then waits for the rest of it. */
#define LOOKOUT_LIFE_MS 15000

typedef TarmacTestDesk Desk;

typedef struct
{
  TarmacTestHub hub;
  Desk          dkr;
  Desk          lfw;
  Desk          add;
} Fixture;




static TarmacSyncStats
desk_sync (Desk *desk)
{
  g_autoptr(GError) error = NULL;
  TarmacSyncStats stats;

  g_assert_true (tarmac_sync_client_sync (desk->client, &stats, &error));
  g_assert_no_error (error);
  return stats;
}


static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  tarmac_test_hub_init (&f->hub, "DKR", "Dakar", "LFW", "Lomé", "ADD", "Addis Ababa", NULL);

  tarmac_test_desk_open (&f->dkr, "dkr");
  tarmac_test_desk_open (&f->lfw, "lfw");
  tarmac_test_desk_open (&f->add, "add");
  tarmac_test_desk_enrol (&f->hub, &f->dkr, "DKR");
  tarmac_test_desk_enrol (&f->hub, &f->lfw, "LFW");
  tarmac_test_desk_enrol (&f->hub, &f->add, "ADD");

  /* Everyone learns everyone's keys from the roster. */
  desk_sync (&f->dkr);
  desk_sync (&f->lfw);
  desk_sync (&f->add);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  tarmac_test_desk_close (&f->dkr);
  tarmac_test_desk_close (&f->lfw);
  tarmac_test_desk_close (&f->add);
  tarmac_test_hub_clear (&f->hub);
}

static void
send_alert (Desk       *desk,
            const char *text,
            const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacNote) note = NULL;
  const char *recipients[] = { to, NULL };
  TarmacNoteDraft draft = {
    .kind = "alert",
    .priority = TARMAC_NOTE_PRIORITY_URGENT,
    .recipients = recipients,
    .author = "officer-17",
    .text = text,
  };

  note = tarmac_sync_replica_save_note (desk->replica, &draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (note);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  for (gsize i = 0; i + strlen (needle) <= length; i++)
    if (memcmp (contents + i, needle, strlen (needle)) == 0)
      return TRUE;

  return FALSE;
}

static void
test_delivery (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *hub_db = g_build_filename (f->hub.data, "hub.db", NULL);
  g_autofree char *hub_wal = g_build_filename (f->hub.data, "hub.db-wal", NULL);
  TarmacSyncStats stats;

  send_alert (&f->dkr, ALERT, "LFW");
  stats = desk_sync (&f->dkr);
  g_assert_cmpuint (stats.pushed, ==, 1);
  g_assert_cmpint (tarmac_test_count (f->dkr.store, "SELECT count (*) FROM outbox"), ==, 0);
  g_assert_cmpint (tarmac_test_count (f->dkr.store, "SELECT count (*) FROM note WHERE delivery = 'sent'"), ==, 1);

  stats = desk_sync (&f->lfw);
  g_assert_cmpuint (stats.pulled, ==, 1);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM note WHERE origin_site = 'DKR'"
                                   " AND kind = 'alert' AND priority = 'urgent'"
                                   " AND body = '" ALERT "'"), ==, 1);

  /* Again: nothing new, nothing twice. */
  stats = desk_sync (&f->lfw);
  g_assert_cmpuint (stats.pulled, ==, 0);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM note"), ==, 1);

  /* Addis Ababa was not addressed: nothing arrives there. */
  stats = desk_sync (&f->add);
  g_assert_cmpuint (stats.pulled, ==, 0);
  g_assert_cmpint (tarmac_test_count (f->add.store, "SELECT count (*) FROM note"), ==, 0);

  /* The hub holds ciphertext only. */
  g_assert_false (file_contains (hub_db, "Courier"));
  g_assert_false (file_contains (hub_wal, "Courier"));
}

static gboolean
accept_any_cb (SoupMessage          *msg,
               GTlsCertificate      *certificate,
               GTlsCertificateFlags  errors,
               gpointer              user_data)
{
  return TRUE;
}

/* A raw signed request, as a hostile or broken client would send it. */
static guint
raw_request (Fixture     *f,
             Desk        *desk,
             const char  *method,
             const char  *target,
             const char  *body,
             gsize        body_length,
             char       **answer)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 20, NULL);
  g_autofree char *uri = g_strconcat (f->hub.url, target, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_any_cb), NULL);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, body_length);

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
      /* A large body waits for the go-ahead, so the refusal is read, not raced with a
       * reset of the connection the hub closes without reading. */
      if (body_length > 64 * 1024)
        soup_message_headers_set_expectations (soup_message_get_request_headers (msg),
                                               SOUP_EXPECTATION_CONTINUE);
    }
  if (desk != NULL)
    {
      g_autofree char *auth = tarmac_sync_auth_sign (tarmac_sync_replica_get_keys (desk->replica),
                                                     method, target, g_get_real_time () / 1000,
                                                     (const guint8 *) body, body_length);

      soup_message_headers_replace (soup_message_get_request_headers (msg),
                                    TARMAC_SYNC_AUTH_HEADER, auth);
    }

  response = soup_session_send_and_read (session, msg, NULL, &error);
  if (response == NULL)
    return 0;

  if (answer != NULL)
    *answer = g_strndup (g_bytes_get_data (response, NULL), g_bytes_get_size (response));
  return soup_message_get_status (msg);
}

static char *
push_body (TarmacEnvelope *envelope)
{
  g_autofree char *wire = tarmac_envelope_to_data (envelope, NULL);

  return g_strdup_printf ("{\"envelopes\":[%s]}", wire);
}

static guint
push_raw (Fixture    *f,
          Desk       *desk,
          const char *body,
          char      **answer)
{
  g_autofree char *batch = g_uuid_string_random ();
  g_autofree char *target = g_strconcat ("/v1/push/", batch, NULL);

  return raw_request (f, desk, "PUT", target, body, strlen (body), answer);
}

/* The same envelope pushed again under a new batch id is a duplicate; one altered byte
 * of the header fails the signature; Dakar's envelope pushed from Lomé's connection is
 * refused; a retry of the same batch gets the same answer. */
static void
test_replay_and_tamper (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outbox = NULL;
  g_autofree char *body = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *tampered = NULL;
  TarmacEnvelope *envelope;
  char *h;

  send_alert (&f->dkr, ALERT, "LFW");
  outbox = tarmac_sync_replica_list_outbox (f->dkr.replica, 10, &error);
  g_assert_no_error (error);
  envelope = g_ptr_array_index (outbox, 0);
  body = push_body (envelope);

  /* From Lomé's device: not its envelope. */
  g_assert_cmpuint (push_raw (f, &f->lfw, body, &answer), ==, 200);
  g_assert_nonnull (strstr (answer, "\"origin_mismatch\""));
  g_clear_pointer (&answer, g_free);

  g_assert_cmpuint (push_raw (f, &f->dkr, body, &answer), ==, 200);
  g_assert_nonnull (strstr (answer, "\"accepted\""));
  g_clear_pointer (&answer, g_free);

  g_assert_cmpuint (push_raw (f, &f->dkr, body, &answer), ==, 200);
  g_assert_nonnull (strstr (answer, "\"duplicate\""));
  g_clear_pointer (&answer, g_free);

  /* Flip one base64 character inside "h" (after {"envelopes":[{"h":"). */
  tampered = g_strdup (body);
  h = strstr (tampered, "\"h\":\"") + 10;
  *h = *h == 'A' ? 'B' : 'A';
  g_assert_cmpuint (push_raw (f, &f->dkr, tampered, &answer), ==, 200);
  g_assert_true (strstr (answer, "\"bad_signature\"") != NULL || strstr (answer, "\"malformed\"") != NULL);
  g_assert_null (strstr (answer, "\"accepted\""));
  g_clear_pointer (&answer, g_free);

  /* The client's own sync now meets a duplicate, and clears its outbox. */
  desk_sync (&f->dkr);
  g_assert_cmpint (tarmac_test_count (f->dkr.store, "SELECT count (*) FROM outbox"), ==, 0);
  desk_sync (&f->lfw);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM note"), ==, 1);
}

static void
test_revoked (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *device_id = tarmac_device_keys_get_device_id (tarmac_sync_replica_get_keys (f->dkr.replica));

  out = tarmac_test_hub_run (&f->hub, "device", "revoke", device_id, NULL);
  send_alert (&f->dkr, ALERT, "LFW");
  g_assert_false (tarmac_sync_client_sync (f->dkr.client, NULL, &error));
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_REVOKED);
  g_assert_cmpint (tarmac_test_count (f->dkr.store, "SELECT count (*) FROM outbox"), ==, 1);

  /* The others learn it from the roster, and would refuse its versions too. */
  desk_sync (&f->lfw);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM sync_device WHERE status = 'revoked'"), ==, 1);
}

static void
test_hostile_input (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *big = g_strnfill (3 * 1024 * 1024, ' ');
  g_autofree char *deep = g_strnfill (100000, '[');
  g_autofree char *answer = NULL;

  g_assert_cmpuint (push_raw (f, &f->dkr, big, NULL), ==, 413);
  g_assert_cmpuint (push_raw (f, &f->dkr, deep, NULL), ==, 413);
  g_assert_cmpuint (push_raw (f, &f->dkr, "{\"envelopes\":", NULL), ==, 400);
  g_assert_cmpuint (push_raw (f, &f->dkr, "{\"envelopes\":[{\"h\":1}]}", &answer), ==, 200);
  g_assert_nonnull (strstr (answer, "\"malformed\""));
  g_assert_cmpuint (push_raw (f, NULL, "{}", NULL), ==, 401);
  g_assert_cmpuint (raw_request (f, NULL, "POST", "/v1/enrol", deep, strlen (deep), NULL), ==, 413);
  g_assert_cmpuint (raw_request (f, NULL, "POST", "/v1/enrol", "{\"code_id\":\"X\"}", 15, NULL), ==, 400);

  /* Still serving. */
  desk_sync (&f->dkr);
}

/* A hub whose certificate is not the one read out by phone is not talked to. */
static void
test_wrong_fingerprint (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = tarmac_test_hub_run (&f->hub, "enrol-code", "ADD", NULL);
  g_autofree char *wrong = g_strdup (f->hub.fingerprint);
  Desk other = { NULL };

  wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
  tarmac_test_desk_open (&other, "other");
  g_assert_false (tarmac_sync_client_enrol (other.client, f->hub.url, code, wrong, &error));
  g_assert_nonnull (error);
  g_assert_false (tarmac_sync_replica_is_enrolled (other.replica));
  tarmac_test_desk_close (&other);
}

/* kill -9 of the hub just before its commit loses the batch whole; just after, the
 * retry is answered as a duplicate. Either way Lomé gets each alert exactly once. */
static void
test_hub_killed (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (int round = 0; round < 2; round++)
    {
      const char *point = round == 0 ? "push.before_commit" : "push.after_commit";
      g_autofree char *text = g_strdup_printf ("%s (%s)", ALERT, point);

      tarmac_test_hub_stop (&f->hub);
      tarmac_test_hub_start_crashing (&f->hub, point);

      send_alert (&f->dkr, text, "LFW");
      g_assert_false (tarmac_sync_client_sync (f->dkr.client, NULL, &error));
      g_clear_error (&error);
      tarmac_test_hub_end (&f->hub, 0);
      g_assert_cmpint (tarmac_test_count (f->dkr.store, "SELECT count (*) FROM outbox"), ==, 1);

      tarmac_test_hub_start (&f->hub);
      desk_sync (&f->dkr);
      g_assert_cmpint (tarmac_test_count (f->dkr.store, "SELECT count (*) FROM outbox"), ==, 0);
      desk_sync (&f->lfw);
      g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM note"), ==, round + 1);
      g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM versions WHERE kind <> 'ack'"), ==, round + 1);
    }
}

static TarmacNote *
find_note (Desk       *desk,
           const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) notes = tarmac_store_list_recent_notes (desk->store, 100, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(TarmacNote) note = g_list_model_get_item (notes, i);

      if (g_str_equal (tarmac_note_get_uuid (note), uuid))
        return g_steal_pointer (&note);
    }

  return NULL;
}

static char *
receipt_state (Desk       *desk,
               const char *uuid,
               const char *site)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) receipts = tarmac_sync_replica_list_receipts (desk->replica, uuid, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (receipts); i++)
    {
      g_autoptr(TarmacNoteReceipt) receipt = g_list_model_get_item (receipts, i);

      if (g_str_equal (tarmac_note_receipt_get_site (receipt), site))
        return g_strdup (tarmac_note_receipt_get_state (receipt));
    }

  return NULL;
}

/* An alert to Lomé and Addis Ababa; Lomé replies to all and reads it; the replies join the
 * alert's thread everywhere, and Dakar sees where its alert stands at each airport:
 * delivered when a site applied it, read with the reader's name, one ack per state. */
static void
test_replies_and_receipts (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacNote) alert = NULL;
  g_autoptr(TarmacNote) reply = NULL;
  g_autoptr(TarmacNote) seen = NULL;
  g_autoptr(GListModel) thread = NULL;
  g_autofree char *state = NULL;
  const char *to[] = { "LFW", "ADD", NULL };
  TarmacNoteDraft draft = {
    .kind = "alert",
    .priority = TARMAC_NOTE_PRIORITY_URGENT,
    .recipients = to,
    .author = "officer-17",
    .text = ALERT,
  };
  TarmacNoteDraft answer = {
    .kind = "note",
    .author = "officer-3",
    .text = "Seen him at the gate, searching now",
  };

  alert = tarmac_sync_replica_save_note (f->dkr.replica, &draft, &error);
  g_assert_no_error (error);
  state = receipt_state (&f->dkr, tarmac_note_get_uuid (alert), "LFW");
  g_assert_cmpstr (state, ==, "pending");
  g_clear_pointer (&state, g_free);
  desk_sync (&f->dkr);
  state = receipt_state (&f->dkr, tarmac_note_get_uuid (alert), "LFW");
  g_assert_cmpstr (state, ==, "sent");
  g_clear_pointer (&state, g_free);

  /* Lomé: one unread alert; pulling it queued one delivery ack. */
  g_assert_cmpuint (desk_sync (&f->lfw).pulled, ==, 1);
  g_assert_cmpint (tarmac_sync_replica_count_unread (f->lfw.replica, NULL), ==, 1);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM versions WHERE kind = 'ack'"), ==, 1);
  seen = find_note (&f->lfw, tarmac_note_get_uuid (alert));
  g_assert_nonnull (seen);
  g_assert_true (tarmac_note_get_unread (seen));
  g_assert_cmpstr (tarmac_note_get_kind (seen), ==, "alert");
  g_assert_cmpstr (tarmac_note_get_recipients (seen), ==, "LFW,ADD");

  /* A reply to all: Dakar (the writer) and Addis Ababa, not Lomé itself. */
  answer.reply_to = tarmac_note_get_uuid (alert);
  reply = tarmac_sync_replica_save_note (f->lfw.replica, &answer, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tarmac_note_get_reply_to (reply), ==, tarmac_note_get_uuid (alert));
  g_assert_cmpstr (tarmac_note_get_thread_root (reply), ==, tarmac_note_get_uuid (alert));
  g_assert_cmpstr (tarmac_note_get_recipients (reply), ==, "DKR,ADD");

  /* Read twice: one read ack only. */
  g_assert_true (tarmac_sync_replica_mark_read (f->lfw.replica, tarmac_note_get_uuid (alert), "officer-3", &error));
  g_assert_no_error (error);
  g_assert_true (tarmac_sync_replica_mark_read (f->lfw.replica, tarmac_note_get_uuid (alert), "officer-3", &error));
  g_assert_no_error (error);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM versions WHERE kind = 'ack'"), ==, 2);
  g_assert_cmpint (tarmac_sync_replica_count_unread (f->lfw.replica, NULL), ==, 0);
  g_assert_false (tarmac_sync_replica_mark_read (f->lfw.replica, "0190aaaa-0000-7000-8000-000000000000",
                                                 "officer-3", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  desk_sync (&f->lfw);

  /* Dakar: read at Lomé by officer-3; Addis Ababa has not pulled yet. */
  desk_sync (&f->dkr);
  state = receipt_state (&f->dkr, tarmac_note_get_uuid (alert), "LFW");
  g_assert_cmpstr (state, ==, "read");
  g_clear_pointer (&state, g_free);
  state = receipt_state (&f->dkr, tarmac_note_get_uuid (alert), "ADD");
  g_assert_cmpstr (state, ==, "sent");
  g_clear_pointer (&state, g_free);
  g_assert_cmpint (tarmac_test_count (f->dkr.store, "SELECT count (*) FROM note_receipt WHERE site = 'LFW'"
                                   " AND read_by = 'officer-3' AND read_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (tarmac_sync_replica_count_unread (f->dkr.replica, NULL), ==, 1);
  thread = tarmac_sync_replica_list_thread (f->dkr.replica, tarmac_note_get_uuid (reply), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (thread), ==, 2);
  g_clear_object (&thread);

  /* Addis Ababa gets the alert, the reply (in its thread) and Lomé's read ack; Dakar then
   * learns it was delivered there. */
  g_assert_cmpuint (desk_sync (&f->add).pulled, ==, 3);
  thread = tarmac_sync_replica_list_thread (f->add.replica, tarmac_note_get_uuid (alert), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (thread), ==, 2);
  state = receipt_state (&f->add, tarmac_note_get_uuid (alert), "LFW");
  g_assert_cmpstr (state, ==, "read");
  g_clear_pointer (&state, g_free);
  desk_sync (&f->add);
  desk_sync (&f->dkr);
  state = receipt_state (&f->dkr, tarmac_note_get_uuid (alert), "ADD");
  g_assert_cmpstr (state, ==, "delivered");
  g_clear_pointer (&state, g_free);

  /* Acks are not acknowledged: a further round everywhere moves nothing. */
  desk_sync (&f->lfw);
  g_assert_cmpuint (desk_sync (&f->dkr).pushed, ==, 0);
  g_assert_cmpuint (desk_sync (&f->lfw).pushed, ==, 0);
  g_assert_cmpuint (desk_sync (&f->add).pushed, ==, 0);
}

/* A traveller on a flight of today at @desk's airport; returns their id. */
static gint64
add_traveller (Desk       *desk,
               const char *surname,
               const char *given_names,
               const char *dob,
               const char *nationality,
               const char *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *sql = NULL;
  gint64 id;

  sql = g_strdup_printf ("INSERT OR IGNORE INTO flight (carrier, number, flight_date, origin, destination,"
                         " direction, created_at) VALUES ('ET', '908', '%s', 'ADD', 'LFW', 'inbound', 'now');"
                         "INSERT INTO traveller (flight_id, kind, surname, given_names, sex, date_of_birth,"
                         " nationality, created_at, retain_until)"
                         " SELECT id, 'passenger', '%s', '%s', 'M', '%s', '%s', 'now', '2099-01-01'"
                         " FROM flight WHERE flight_date = '%s';",
                         today, surname, given_names, dob, nationality, today);
  g_assert_true (_tarmac_store_exec (desk->store, sql, &error));
  g_assert_no_error (error);
  id = tarmac_test_count (desk->store, "SELECT max (id) FROM traveller");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO travel_document (traveller_id, type, number, number_normalised,"
                         " retain_until) VALUES (%" G_GINT64_FORMAT ", 'P', '%s', '%s', '2099-01-01')",
                         id, document, document);
  g_assert_true (_tarmac_store_exec (desk->store, sql, &error));
  g_assert_no_error (error);
  return id;
}

/* Dakar flags a courier to Lomé for a few seconds: Lomé screens its manifest at once (a
 * misspelt name with the same date of birth and passport hits; a stranger does not),
 * screens a traveller imported later, never doubles a hit nor re-opens a reviewed one;
 * Addis Ababa, not addressed, gets nothing. At expiry every site and the hub drop it
 * without a message. */
static void
test_lookout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) imported = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GListModel) lookouts = NULL;
  g_autofree char *record_id = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *hub_db = g_build_filename (f->hub.data, "hub.db", NULL);
  const char *to[] = { "LFW", NULL };
  gint64 flagged, courier, stranger, later;
  guint n_hits = 0;
  sqlite3 *hub = NULL;
  sqlite3_stmt *stmt = NULL;
  TarmacLookoutDraft draft = {
    .recipients = to,
    .reason = "suspected cocaine courier",
    .author = "officer-17",
  };

  flagged = add_traveller (&f->dkr, "DIALLO", "Mamadou", "1985-03-02", "GIN", "A1234567");
  courier = add_traveller (&f->lfw, "DIALO", "Mamadou", "1985-03-02", "GIN", "A1234567");
  stranger = add_traveller (&f->lfw, "KOFFI", "Ama", "1990-01-01", "TGO", "B7654321");

  /* The rules: named airports, a life of at most 90 days. */
  draft.traveller_id = flagged;
  draft.expires_at = g_get_real_time () / 1000 + 91 * 24 * 3600 * G_GINT64_CONSTANT (1000);
  g_assert_null (tarmac_sync_replica_send_lookout (f->dkr.replica, &draft, &error));
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_MALFORMED);
  g_clear_error (&error);

  draft.expires_at = g_get_real_time () / 1000 + LOOKOUT_LIFE_MS;
  record_id = tarmac_sync_replica_send_lookout (f->dkr.replica, &draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record_id);
  desk_sync (&f->dkr);

  g_assert_cmpuint (desk_sync (&f->lfw).pulled, ==, 1);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM lookout WHERE surname = 'DIALLO'"
                                   " AND document_number = 'A1234567' AND origin_site = 'DKR'"), ==, 1);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM note WHERE kind = 'lookout'"), ==, 1);
  sql = g_strdup_printf ("SELECT count (*) FROM hit WHERE source = 'lookout' AND traveller_id = %"
                         G_GINT64_FORMAT " AND lookout_record = '%s' AND status = 'new'"
                         " AND lookout_id = (SELECT id FROM lookout)", courier, record_id);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, sql), ==, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count (*) FROM hit WHERE traveller_id = %" G_GINT64_FORMAT, stranger);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, sql), ==, 0);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM audit_log WHERE action = 'screen'"
                                   " AND object_type = 'lookout'"), ==, 1);
  lookouts = tarmac_lookout_list (f->lfw.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lookouts), ==, 1);
  g_clear_object (&lookouts);

  /* The review queue names the sending airport and the person flagged, as it names a list
   * and its entry for a list's hit. */
  {
    g_autoptr(GListModel) hits = tarmac_hit_list (f->lfw.store, TARMAC_HIT_FILTER_OPEN, 10, &error);
    g_autoptr(TarmacHit) hit = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
    hit = g_list_model_get_item (hits, 0);
    g_assert_cmpstr (tarmac_hit_get_source (hit), ==, "lookout");
    g_assert_cmpstr (tarmac_hit_get_list_name (hit), ==, "Lookout from DKR");
    g_assert_cmpstr (tarmac_hit_get_entry_name (hit), ==, "DIALLO, Mamadou");
    g_assert_true (g_str_has_prefix (tarmac_hit_get_entry_ref (hit), "until 20"));
  }
  {
    g_autoptr(JsonNode) hits = tarmac_hit_list_json (f->lfw.store, NULL, NULL, 10, &error);
    JsonObject *lookout;

    g_assert_no_error (error);
    lookout = json_object_get_object_member (json_array_get_object_element (json_node_get_array (hits), 0),
                                             "lookout");
    g_assert_nonnull (lookout);
    g_assert_cmpstr (json_object_get_string_member (lookout, "record_id"), ==, record_id);
    g_assert_cmpstr (json_object_get_string_member (lookout, "origin_site"), ==, "DKR");
    g_assert_cmpstr (json_object_get_string_member (lookout, "reason"), ==, "suspected cocaine courier");
    g_assert_cmpint (json_object_get_int_member (lookout, "expires_at"), ==, draft.expires_at);
  }

  /* Screening again doubles nothing. */
  g_assert_true (tarmac_lookout_screen (f->lfw.store, 0, NULL, &n_hits, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_hits, ==, 0);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM hit"), ==, 1);

  /* A manifest imported later: the screener of imports screens its travellers against
   * the lookouts held too. */
  later = add_traveller (&f->lfw, "DIALLO", "Mamadu", "1985-03-02", "GIN", "A1234567");
  {
    g_autoptr(TarmacScreener) screener = tarmac_screener_new ();
    g_auto(TarmacScreenReport) report = { 0 };
    TarmacScreenScope scope = { .kind = TARMAC_SCREEN_FLIGHT };

    scope.id = tarmac_test_count (f->lfw.store, "SELECT max (id) FROM flight");
    g_assert_true (tarmac_screener_screen (screener, f->lfw.store, &scope, &report, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (report.added, ==, 1);
  }
  g_array_append_val (imported, later);
  g_assert_true (tarmac_lookout_screen (f->lfw.store, 0, imported, &n_hits, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_hits, ==, 0);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM hit WHERE source = 'lookout'"), ==, 2);

  /* An officer reviews the first hit: screening leaves it alone. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE hit SET status = 'referred' WHERE traveller_id = %" G_GINT64_FORMAT, courier);
  g_assert_true (_tarmac_store_exec (f->lfw.store, sql, &error));
  g_assert_true (tarmac_lookout_screen (f->lfw.store, 0, NULL, &n_hits, &error));
  g_assert_cmpuint (n_hits, ==, 0);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM hit WHERE status = 'referred'"), ==, 1);

  /* Addis Ababa was not addressed. */
  desk_sync (&f->add);
  g_assert_cmpint (tarmac_test_count (f->add.store, "SELECT count (*) FROM lookout"), ==, 0);

  /* Everything above saw the lookout alive: had it expired on the way, the checks would
   * have failed for the wrong reason. */
  g_test_message ("lookout checked %lld ms before its expiry",
                  (long long) (draft.expires_at - g_get_real_time () / 1000));
  g_assert_cmpint (g_get_real_time () / 1000, <, draft.expires_at);

  /* Expiry: the hub (at its next start) and each site (at its next sync) drop it. */
  while (g_get_real_time () / 1000 <= draft.expires_at + 100)
    g_usleep (50 * 1000);
  tarmac_test_hub_stop (&f->hub);
  tarmac_test_hub_start (&f->hub);
  desk_sync (&f->lfw);
  desk_sync (&f->dkr);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM lookout"), ==, 0);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM note WHERE kind = 'lookout'"), ==, 0);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM versions WHERE kind = 'lookout'"), ==, 0);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM hit WHERE status = 'new'"), ==, 0);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM hit WHERE status = 'referred'"
                                   " AND lookout_id IS NULL"), ==, 1);
  g_assert_cmpint (tarmac_test_count (f->dkr.store, "SELECT count (*) FROM lookout"), ==, 0);
  g_assert_cmpint (tarmac_test_count (f->dkr.store, "SELECT count (*) FROM versions WHERE kind = 'lookout'"), ==, 0);

  g_assert_cmpint (sqlite3_open_v2 (hub_db, &hub, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (hub, "SELECT count (*), sum (length (body_ct)),"
                                            " (SELECT count (*) FROM wraps w WHERE w.version_id = v.version_id)"
                                            " FROM versions v WHERE kind = 'lookout'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (hub);
}

/* Addis Ababa is air-gapped: its alert to Dakar travels on a bundle file, to Dakar
 * directly and to the hub; Dakar's answer comes back on the hub's bundle of Addis Ababa's
 * inbox. The same checks and de-duplication as the network: importing twice changes
 * nothing, a tampered bundle is refused whole, and when the link comes back nothing is
 * sent or received twice. */
static void
test_bundles (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *outbox = g_build_filename (g_get_user_data_dir (), "add-outbox.tarmac-bundle", NULL);
  g_autofree char *tampered = g_build_filename (g_get_user_data_dir (), "tampered.tarmac-bundle", NULL);
  g_autofree char *inbox = g_build_filename (g_get_user_data_dir (), "add-inbox.tarmac-bundle", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  gsize length = 0;
  guint added = 0, duplicate = 0, exported = 0;
  gint64 versions, audit;

  send_alert (&f->add, "Air-gapped: two couriers on ET908 tonight", "DKR");
  g_assert_true (tarmac_sync_replica_export_bundle (f->add.replica, outbox, &exported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (exported, ==, 1);
  g_assert_cmpint (tarmac_test_count (f->add.store, "SELECT count (*) FROM outbox"), ==, 1);

  /* Carried to Dakar: applied once, then a no-op. */
  g_assert_true (tarmac_sync_replica_import_bundle (f->dkr.replica, outbox, &added, &duplicate, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpint (tarmac_test_count (f->dkr.store, "SELECT count (*) FROM note WHERE origin_site = 'ADD'"
                                   " AND body LIKE 'Air-gapped%'"), ==, 1);
  g_assert_true (tarmac_sync_replica_import_bundle (f->dkr.replica, outbox, &added, &duplicate, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (duplicate, ==, 1);

  /* One byte changed: refused whole, nothing written (not even to the audit log). */
  g_assert_true (g_file_get_contents (outbox, &contents, &length, NULL));
  contents[length / 2] = contents[length / 2] == 'A' ? 'B' : 'A';
  g_assert_true (g_file_set_contents (tampered, contents, length, NULL));
  versions = tarmac_test_count (f->lfw.store, "SELECT count (*) FROM versions");
  audit = tarmac_test_count (f->lfw.store, "SELECT count (*) FROM audit_log");
  g_assert_false (tarmac_sync_replica_import_bundle (f->lfw.replica, tampered, &added, &duplicate, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM versions"), ==, versions);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM audit_log"), ==, audit);

  /* Hostile files: mistyped fields, deep nesting, not JSON at all. */
  {
    g_autofree char *deep = g_strnfill (100000, '[');
    const char *hostile[] = {
      "{\"tarmac_bundle\":1,\"signer\":{},\"payload\":[],\"sig\":7}",
      deep,
      "\x89PNG\r\n",
    };

    for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
      {
        g_assert_true (g_file_set_contents (tampered, hostile[i], -1, NULL));
        g_assert_false (tarmac_sync_replica_import_bundle (f->lfw.replica, tampered, &added, &duplicate, &error));
        g_assert_nonnull (error);
        g_assert_true (error->domain == TARMAC_SYNC_ERROR);
        g_clear_error (&error);
      }
    g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM versions"), ==, versions);
  }

  /* Carried to the hub: accepted as if pushed, then a duplicate. */
  out = tarmac_test_hub_run (&f->hub, "bundle", "import", outbox, "--json", NULL);
  g_assert_cmpstr (out, ==, "{\"accepted\":1,\"duplicate\":0}");
  g_clear_pointer (&out, g_free);
  out = tarmac_test_hub_run (&f->hub, "bundle", "import", outbox, "--json", NULL);
  g_assert_cmpstr (out, ==, "{\"accepted\":0,\"duplicate\":1}");
  g_clear_pointer (&out, g_free);

  /* Dakar, online, finds it already there; its delivery ack goes up. */
  g_assert_cmpuint (desk_sync (&f->dkr).pulled, ==, 0);
  g_assert_cmpint (tarmac_test_count (f->dkr.store, "SELECT count (*) FROM note WHERE origin_site = 'ADD'"), ==, 1);

  /* Dakar answers; the hub writes Addis Ababa's inbox to a bundle. */
  send_alert (&f->dkr, "Received, team waiting at the gate", "ADD");
  desk_sync (&f->dkr);
  out = tarmac_test_hub_run (&f->hub, "bundle", "export", "ADD", inbox, "--since", "0", "--json", NULL);
  g_assert_true (g_str_has_prefix (out, "{\"exported\":"));
  g_assert_true (tarmac_sync_replica_import_bundle (f->add.replica, inbox, &added, &duplicate, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tarmac_test_count (f->add.store, "SELECT count (*) FROM note WHERE origin_site = 'DKR'"
                                   " AND body = 'Received, team waiting at the gate'"), ==, 1);
  g_assert_cmpint (tarmac_sync_replica_get_cursor (f->add.replica, "main"), >, 0);

  /* The link comes back: nothing twice either way. */
  desk_sync (&f->add);
  g_assert_cmpint (tarmac_test_count (f->add.store, "SELECT count (*) FROM outbox"), ==, 0);
  g_assert_cmpint (tarmac_test_count (f->add.store, "SELECT count (*) FROM note WHERE origin_site = 'DKR'"), ==, 1);
  desk_sync (&f->dkr);
  g_assert_cmpint (tarmac_test_count (f->dkr.store, "SELECT count (*) FROM note WHERE origin_site = 'ADD'"), ==, 1);
}

typedef struct
{
  Desk     *desk;
  gboolean  more;
  gboolean  ok;
  gint64    elapsed_us;
} Waiting;

static gpointer
wait_thread (gpointer user_data)
{
  Waiting *waiting = user_data;
  gint64 start = g_get_monotonic_time ();

  waiting->ok = tarmac_sync_client_wait (waiting->desk->client, 20, &waiting->more, NULL);
  waiting->elapsed_us = g_get_monotonic_time () - start;
  return NULL;
}

/* A long-poll held by the hub returns as soon as a note for the site arrives, applied. */
static void
test_long_poll (Fixture       *f,
                gconstpointer  data)
{
  Waiting waiting = { &f->lfw, FALSE, FALSE, 0 };
  GThread *thread;

  thread = g_thread_new ("wait", wait_thread, &waiting);
  g_usleep (500 * 1000);
  send_alert (&f->dkr, ALERT, "LFW");
  desk_sync (&f->dkr);
  g_thread_join (thread);

  g_assert_true (waiting.ok);
  g_assert_true (waiting.more);
  g_assert_cmpint (waiting.elapsed_us, <, 15 * G_USEC_PER_SEC);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM note"), ==, 1);
}

typedef struct
{
  SoupWebsocketConnection *conn;
  GError                  *error;
  char                    *frame;
  gboolean                 closed;
} Socket;

static void
ws_connected_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Socket *socket = user_data;

  socket->conn = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &socket->error);
}

static void
ws_message_cb (SoupWebsocketConnection *conn,
               gint                     type,
               GBytes                  *message,
               gpointer                 user_data)
{
  Socket *socket = user_data;

  g_free (socket->frame);
  socket->frame = g_strndup (g_bytes_get_data (message, NULL), g_bytes_get_size (message));
}

static void
ws_closed_cb (SoupWebsocketConnection *conn,
              gpointer                 user_data)
{
  ((Socket *) user_data)->closed = TRUE;
}

/* The notification socket: authenticated at the handshake, a "head" frame when the site's
 * inbox grows, and closed within a second or two when its device is revoked. */
static void
test_notify_socket (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strconcat (f->hub.url, "/v1/notify", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  g_autoptr(SoupMessage) anonymous = soup_message_new ("GET", uri);
  g_autofree char *auth = NULL;
  g_autofree char *out = NULL;
  Socket socket = { NULL };
  Socket refused = { NULL };
  const char *device_id = tarmac_device_keys_get_device_id (tarmac_sync_replica_get_keys (f->lfw.replica));
  gint64 revoked_at;

  /* Without a signature: no upgrade. */
  g_signal_connect (anonymous, "accept-certificate", G_CALLBACK (accept_any_cb), NULL);
  soup_session_websocket_connect_async (session, anonymous, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        ws_connected_cb, &refused);
  while (refused.conn == NULL && refused.error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (refused.conn);
  g_clear_error (&refused.error);

  auth = tarmac_sync_auth_sign (tarmac_sync_replica_get_keys (f->lfw.replica), "GET", "/v1/notify",
                                g_get_real_time () / 1000, NULL, 0);
  soup_message_headers_replace (soup_message_get_request_headers (msg), TARMAC_SYNC_AUTH_HEADER, auth);
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_any_cb), NULL);
  soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        ws_connected_cb, &socket);
  while (socket.conn == NULL && socket.error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (socket.error);
  g_signal_connect (socket.conn, "message", G_CALLBACK (ws_message_cb), &socket);
  g_signal_connect (socket.conn, "closed", G_CALLBACK (ws_closed_cb), &socket);

  send_alert (&f->dkr, ALERT, "LFW");
  desk_sync (&f->dkr);
  tarmac_test_wait_for (socket.frame != NULL || socket.closed);
  g_assert_nonnull (socket.frame);
  g_assert_true (g_str_has_prefix (socket.frame, "{\"t\":\"head\",\"seq\":"));
  g_assert_nonnull (strstr (socket.frame, "\"urgent\":true"));

  /* The hub looks every half second; a loaded machine may take longer to get there. */
  out = tarmac_test_hub_run (&f->hub, "device", "revoke", device_id, NULL);
  revoked_at = g_get_monotonic_time ();
  tarmac_test_wait_for (socket.closed);
  g_test_message ("socket closed %lld ms after the revocation",
                  (long long) (g_get_monotonic_time () - revoked_at) / 1000);

  g_clear_object (&socket.conn);
  g_free (socket.frame);
}

/* The client's own notification socket: open after a first wait, news of a note for the
 * site starts the pull that brings it, and no long-poll is made. Single-threaded and
 * without timing: the hub's frame waits in the socket until the second wait reads it. */
static void
test_notify_delivery (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean more = TRUE;

  /* Opens the socket, pulls what came before it (nothing), waits no longer. */
  g_assert_true (tarmac_sync_client_wait (f->lfw.client, 0, &more, &error));
  g_assert_no_error (error);
  g_assert_false (more);
  g_assert_true (tarmac_sync_client_get_notify_open (f->lfw.client));

  send_alert (&f->dkr, ALERT, "LFW");
  desk_sync (&f->dkr);

  g_assert_true (tarmac_sync_client_wait (f->lfw.client, 20, &more, &error));
  g_assert_no_error (error);
  g_assert_true (more);
  g_assert_cmpuint (tarmac_sync_client_get_notified (f->lfw.client), ==, 1);
  g_assert_cmpuint (tarmac_sync_client_get_long_polls (f->lfw.client), ==, 0);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM note WHERE origin_site = 'DKR'"), ==, 1);
  g_assert_true (tarmac_sync_client_get_notify_open (f->lfw.client));

  /* A routine note (main lane only) the same way; Addis, not a recipient, hears nothing. */
  {
    g_autoptr(TarmacNote) note = NULL;
    const char *to[] = { "LFW", NULL };
    TarmacNoteDraft draft = {
      .kind = "note",
      .priority = TARMAC_NOTE_PRIORITY_ROUTINE,
      .recipients = to,
      .author = "officer-17",
      .text = "Second bag on the same ticket",
    };

    g_assert_true (tarmac_sync_client_wait (f->add.client, 0, &more, &error));
    g_assert_no_error (error);
    note = tarmac_sync_replica_save_note (f->dkr.replica, &draft, &error);
    g_assert_no_error (error);
    desk_sync (&f->dkr);
  }
  g_assert_true (tarmac_sync_client_wait (f->lfw.client, 20, &more, &error));
  g_assert_no_error (error);
  g_assert_true (more);
  g_assert_cmpuint (tarmac_sync_client_get_notified (f->lfw.client), ==, 2);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM note WHERE origin_site = 'DKR'"), ==, 2);

  g_assert_true (tarmac_sync_client_wait (f->add.client, 1, &more, &error));
  g_assert_no_error (error);
  g_assert_false (more);
  g_assert_cmpuint (tarmac_sync_client_get_notified (f->add.client), ==, 0);
  g_assert_cmpint (tarmac_test_count (f->add.store, "SELECT count (*) FROM note WHERE origin_site = 'DKR'"), ==, 0);
}

/* A hub (or a proxy) that will not upgrade: the client long-polls instead, and the note
 * still arrives. */
static void
test_notify_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean more = TRUE;

  tarmac_test_hub_stop (&f->hub);
  g_setenv ("TARMAC_HUB_NO_NOTIFY", "1", TRUE);
  tarmac_test_hub_start (&f->hub);
  g_unsetenv ("TARMAC_HUB_NO_NOTIFY");

  g_assert_true (tarmac_sync_client_wait (f->lfw.client, 0, &more, &error));
  g_assert_no_error (error);
  g_assert_false (more);
  g_assert_false (tarmac_sync_client_get_notify_open (f->lfw.client));
  g_assert_cmpuint (tarmac_sync_client_get_long_polls (f->lfw.client), ==, 1);

  send_alert (&f->dkr, ALERT, "LFW");
  desk_sync (&f->dkr);

  g_assert_true (tarmac_sync_client_wait (f->lfw.client, 20, &more, &error));
  g_assert_no_error (error);
  g_assert_true (more);
  g_assert_cmpuint (tarmac_sync_client_get_notified (f->lfw.client), ==, 0);
  g_assert_cmpuint (tarmac_sync_client_get_long_polls (f->lfw.client), ==, 2);
  g_assert_cmpint (tarmac_test_count (f->lfw.store, "SELECT count (*) FROM note WHERE origin_site = 'DKR'"), ==, 1);
}

/* The hub closes a revoked device's socket: the wait fails as revoked, and so does every
 * wait after it (no loop of reconnections that could ever succeed). */
static void
test_notify_revoked (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gboolean more = TRUE;
  const char *device_id = tarmac_device_keys_get_device_id (tarmac_sync_replica_get_keys (f->lfw.replica));

  g_assert_true (tarmac_sync_client_wait (f->lfw.client, 0, &more, &error));
  g_assert_no_error (error);
  g_assert_true (tarmac_sync_client_get_notify_open (f->lfw.client));

  out = tarmac_test_hub_run (&f->hub, "device", "revoke", device_id, NULL);
  g_assert_false (tarmac_sync_client_wait (f->lfw.client, 20, &more, &error));
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_REVOKED);
  g_assert_false (tarmac_sync_client_get_notify_open (f->lfw.client));
  g_clear_error (&error);

  g_assert_false (tarmac_sync_client_wait (f->lfw.client, 20, &more, &error));
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_REVOKED);
}

static void
on_cli_exited_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

/* `tarmac-cli sync --watch` of a device revoked while it watches ends (status 1) instead
 * of knocking again for ever. A loop would only end at the bound, and fail the test. */
static void
test_watch_stops_when_revoked (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *cli = tarmac_test_build_path ("src/cli/tarmac-cli");
  g_autofree char *db = tarmac_test_db_path ("lfw.db");
  g_autofree char *out = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) watch = NULL;
  g_autoptr(GError) error = NULL;
  const char *device_id = tarmac_device_keys_get_device_id (tarmac_sync_replica_get_keys (f->lfw.replica));
  gboolean exited = FALSE;
  gint64 end;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                        | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, tarmac_test_hub_child_setup, NULL, NULL);
  watch = g_subprocess_launcher_spawn (launcher, &error, cli, "--db", db, "sync", "--watch", NULL);
  g_assert_no_error (error);

  out = tarmac_test_hub_run (&f->hub, "device", "revoke", device_id, NULL);
  g_subprocess_wait_async (watch, NULL, on_cli_exited_cb, &exited);
  end = g_get_monotonic_time () + 90 * G_TIME_SPAN_SECOND;
  while (!exited && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10000);

  if (!exited)
    g_subprocess_force_exit (watch);
  g_assert_true (exited);
  g_assert_true (g_subprocess_get_if_exited (watch));
  g_assert_cmpint (g_subprocess_get_exit_status (watch), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/hub-sync/delivery", Fixture, NULL, fixture_set_up, test_delivery, fixture_tear_down);
  g_test_add ("/hub-sync/replay-and-tamper", Fixture, NULL, fixture_set_up, test_replay_and_tamper, fixture_tear_down);
  g_test_add ("/hub-sync/revoked", Fixture, NULL, fixture_set_up, test_revoked, fixture_tear_down);
  g_test_add ("/hub-sync/hostile-input", Fixture, NULL, fixture_set_up, test_hostile_input, fixture_tear_down);
  g_test_add ("/hub-sync/wrong-fingerprint", Fixture, NULL, fixture_set_up, test_wrong_fingerprint, fixture_tear_down);
  g_test_add ("/hub-sync/long-poll", Fixture, NULL, fixture_set_up, test_long_poll, fixture_tear_down);
  g_test_add ("/hub-sync/notify-socket", Fixture, NULL, fixture_set_up, test_notify_socket, fixture_tear_down);
  g_test_add ("/hub-sync/notify-delivery", Fixture, NULL, fixture_set_up, test_notify_delivery, fixture_tear_down);
  g_test_add ("/hub-sync/notify-refused", Fixture, NULL, fixture_set_up, test_notify_refused, fixture_tear_down);
  g_test_add ("/hub-sync/notify-revoked", Fixture, NULL, fixture_set_up, test_notify_revoked, fixture_tear_down);
  g_test_add ("/hub-sync/watch-stops-when-revoked", Fixture, NULL, fixture_set_up, test_watch_stops_when_revoked, fixture_tear_down);
  g_test_add ("/hub-sync/replies-and-receipts", Fixture, NULL, fixture_set_up, test_replies_and_receipts, fixture_tear_down);
  g_test_add ("/hub-sync/lookout", Fixture, NULL, fixture_set_up, test_lookout, fixture_tear_down);
  g_test_add ("/hub-sync/bundles", Fixture, NULL, fixture_set_up, test_bundles, fixture_tear_down);
  g_test_add ("/hub-sync/hub-killed", Fixture, NULL, fixture_set_up, test_hub_killed, fixture_tear_down);

  return g_test_run ();
}
