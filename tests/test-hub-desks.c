/* test-hub-desks.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <sodium.h>
#include <string.h>

#include "tarmac-note.h"
#include "tarmac-site-desk.h"
#include "tarmac-site-handover.h"
#include "tarmac-store-private.h"
#include "tarmac-sync-auth.h"
#include "tarmac-sync-client.h"
#include "tarmac-sync-error.h"
#include "tarmac-test-cli.h"
#include "tarmac-test-desk.h"
#include "tarmac-test-store.h"
#include "tarmac-test-hub.h"

/* Several desks at one airport (tarmac-site-handover.c), with the real tarmac-hub and
 * real client databases: a second desk of Dakar enrols without the airport's key, says
 * why it cannot read, is refused with a wrong code, cannot be approved by a desk of
 * another airport, and once approved with its code reads the notes Lomé sent Dakar —
 * those sent before the approval too; the hub holds only the sealed key. */

#define NOTE_TEXT "Two travellers with sequential tickets on ET908, same sponsor"

typedef TarmacTestDesk Desk;

typedef struct
{
  TarmacTestHub hub;
  Desk          dkr1;
  Desk          dkr2;
  Desk          lfw;
} Fixture;

static void
send_note (Desk       *desk,
           const char *text,
           const char *to)
{
  const char *recipients[] = { to, NULL };

  tarmac_test_desk_send_note (desk, text, to != NULL ? recipients : NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  tarmac_test_hub_init (&f->hub, "DKR", "Dakar", "LFW", "Lomé", NULL);

  tarmac_test_desk_open (&f->dkr1, "dkr1");
  tarmac_test_desk_open (&f->dkr2, "dkr2");
  tarmac_test_desk_open (&f->lfw, "lfw");
  tarmac_test_desk_enrol (&f->hub, &f->dkr1, "DKR");
  tarmac_test_desk_enrol (&f->hub, &f->lfw, "LFW");
  tarmac_test_desk_sync (&f->dkr1);
  tarmac_test_desk_sync (&f->lfw);

  /* The second desk of Dakar: enrolled, but without the airport's key. */
  tarmac_test_desk_enrol (&f->hub, &f->dkr2, "DKR");
  g_assert_true (tarmac_sync_replica_is_awaiting_key (f->dkr2.replica));
  g_assert_false (tarmac_sync_replica_is_awaiting_key (f->dkr1.replica));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  tarmac_test_desk_close (&f->dkr1);
  tarmac_test_desk_close (&f->dkr2);
  tarmac_test_desk_close (&f->lfw);
  tarmac_test_hub_clear (&f->hub);
}

/* The desk of dkr2 as dkr1 lists it, with its code. */
static TarmacSiteDesk *
find_waiting (Desk       *desk,
              const char *device_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) desks = NULL;

  g_assert_true (tarmac_sync_client_refresh_desks (desk->client, &error));
  g_assert_no_error (error);
  desks = tarmac_sync_replica_list_desks (desk->replica, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (desks); i++)
    {
      g_autoptr(TarmacSiteDesk) item = g_list_model_get_item (desks, i);

      if (g_str_equal (tarmac_site_desk_get_device_id (item), device_id))
        return g_steal_pointer (&item);
    }

  return NULL;
}

static gboolean
file_contains (const char   *path,
               const guint8 *needle,
               gsize         needle_length)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (contents + i, needle, needle_length) == 0)
      return TRUE;

  return FALSE;
}

/* The airport's secret seed, as dkr1's keystore holds it ("TDK1", the device id, the
 * signing, box and site seeds): what must never reach the hub in clear. */
static GBytes *
site_seed_of (Desk *desk)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) blob = tarmac_secrets_get (tarmac_store_get_secrets (desk->store),
                                               TARMAC_DEVICE_KEYS_SECRET, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (blob), ==, 4 + 36 + 3 * 32);
  g_assert_cmpmem (g_bytes_get_data (blob, NULL), 4, "TDK1", 4);
  return g_bytes_new_from_bytes (blob, 4 + 36 + 2 * 32, 32);
}

static void
test_two_desks (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacSiteDesk) waiting = NULL;
  g_autoptr(GBytes) seed = NULL;
  g_autofree char *code = NULL;
  g_autofree char *hub_db = g_build_filename (f->hub.data, "hub.db", NULL);
  g_autofree char *hub_wal = g_build_filename (f->hub.data, "hub.db-wal", NULL);
  g_autofree char *dkr2_id = g_strdup (tarmac_device_keys_get_device_id (tarmac_sync_replica_get_keys (f->dkr2.replica)));
  const char *dkr1_id = tarmac_device_keys_get_device_id (tarmac_sync_replica_get_keys (f->dkr1.replica));
  sqlite3 *hub = NULL;
  sqlite3_stmt *stmt = NULL;

  /* Lomé writes to Dakar before the second desk is approved. */
  tarmac_test_desk_sync (&f->lfw);
  send_note (&f->lfw, NOTE_TEXT, "DKR");
  tarmac_test_desk_sync (&f->lfw);

  tarmac_test_desk_sync (&f->dkr1);
  g_assert_cmpint (tarmac_test_count (f->dkr1.store, "SELECT count (*) FROM note WHERE body = '" NOTE_TEXT "'"), ==, 1);

  /* The second desk cannot read yet, and says why, with its code. */
  code = tarmac_sync_replica_dup_desk_code (f->dkr2.replica);
  g_assert_cmpuint (strlen (code), ==, 11);
  g_assert_false (tarmac_sync_client_sync (f->dkr2.client, NULL, &error));
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_AWAITING_KEY);
  g_assert_nonnull (strstr (error->message, code));
  g_clear_error (&error);
  g_assert_cmpint (tarmac_test_count (f->dkr2.store, "SELECT count (*) FROM note"), ==, 0);

  /* The first desk sees it waiting, with the same code. */
  waiting = find_waiting (&f->dkr1, dkr2_id);
  g_assert_nonnull (waiting);
  g_assert_true (tarmac_site_desk_get_waiting (waiting));
  g_assert_false (tarmac_site_desk_get_this_desk (waiting));
  g_assert_cmpstr (tarmac_site_desk_get_code (waiting), ==, code);

  /* A wrong code is refused, and nothing reaches the hub. */
  g_assert_false (tarmac_sync_client_approve (f->dkr1.client, dkr2_id, "AAAAA-AAAAA", &error));
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_BAD_CODE);
  g_clear_error (&error);
  g_assert_false (tarmac_sync_client_sync (f->dkr2.client, NULL, &error));
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_AWAITING_KEY);
  g_clear_error (&error);

  /* A desk of another airport does not have it to approve. */
  g_assert_false (tarmac_sync_client_approve (f->lfw.client, dkr2_id, code, &error));
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_UNKNOWN_DEVICE);
  g_clear_error (&error);

  /* The right code, typed in lower case with spaces, hands the key over. */
  {
    g_autofree char *typed = g_ascii_strdown (code, -1);

    typed[5] = ' ';
    g_assert_true (tarmac_sync_client_approve (f->dkr1.client, dkr2_id, typed, &error));
    g_assert_no_error (error);
  }

  /* The hub holds the key sealed to the second desk, signed by the first, never in clear. */
  seed = site_seed_of (&f->dkr1);
  g_assert_false (file_contains (hub_db, g_bytes_get_data (seed, NULL), 32));
  g_assert_false (file_contains (hub_wal, g_bytes_get_data (seed, NULL), 32));
  g_assert_cmpint (sqlite3_open_v2 (hub_db, &hub, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (hub, "SELECT length (sealed), approved_by FROM key_handovers"
                                            " WHERE device_id = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, dkr2_id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, TARMAC_HANDOVER_SEALED_BYTES);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, dkr1_id);
  sqlite3_finalize (stmt);
  sqlite3_close (hub);

  /* The second desk takes it and reads what Lomé sent before. */
  tarmac_test_desk_sync (&f->dkr2);
  g_assert_false (tarmac_sync_replica_is_awaiting_key (f->dkr2.replica));
  g_assert_cmpint (tarmac_test_count (f->dkr2.store, "SELECT count (*) FROM note WHERE body = '" NOTE_TEXT "'"), ==, 1);
  g_assert_cmpint (tarmac_test_count (f->dkr2.store, "SELECT count (*) FROM audit_log WHERE action = 'site-key'"), ==, 1);

  /* And what comes after, as does the first desk. */
  send_note (&f->lfw, "Second note to Dakar", "DKR");
  tarmac_test_desk_sync (&f->lfw);
  tarmac_test_desk_sync (&f->dkr1);
  tarmac_test_desk_sync (&f->dkr2);
  g_assert_cmpint (tarmac_test_count (f->dkr1.store, "SELECT count (*) FROM note WHERE origin_site = 'LFW'"), ==, 2);
  g_assert_cmpint (tarmac_test_count (f->dkr2.store, "SELECT count (*) FROM note WHERE origin_site = 'LFW'"), ==, 2);

  /* The key is kept (sealed in the keystore): it is still there after a restart. */
  tarmac_test_desk_close (&f->dkr2);
  tarmac_test_desk_open (&f->dkr2, "dkr2");
  g_assert_false (tarmac_sync_replica_is_awaiting_key (f->dkr2.replica));
  g_clear_object (&waiting);
  waiting = find_waiting (&f->dkr1, dkr2_id);
  g_assert_false (tarmac_site_desk_get_waiting (waiting));
}

/* A note written by the waiting desk is readable by the airport's first desk. */
static void
test_waiting_desk_writes (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  send_note (&f->dkr2, "From the new desk", NULL);
  g_assert_false (tarmac_sync_client_sync (f->dkr2.client, NULL, &error));
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_AWAITING_KEY);
  g_assert_cmpint (tarmac_test_count (f->dkr2.store, "SELECT count (*) FROM outbox"), ==, 0);

  tarmac_test_desk_sync (&f->dkr1);
  g_assert_cmpint (tarmac_test_count (f->dkr1.store, "SELECT count (*) FROM note WHERE body = 'From the new desk'"), ==, 1);
}

static gboolean
accept_any_cb (SoupMessage          *msg,
               GTlsCertificate      *certificate,
               GTlsCertificateFlags  errors,
               gpointer              user_data)
{
  return TRUE;
}

/* A handover sent straight to the hub by a desk of another airport (a hostile or broken
 * client, past the checks of its own workstation) is refused by the hub. */
static void
test_other_site_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 20, NULL);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) response = NULL;
  g_autoptr(GBytes) body_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *auth = NULL;
  g_autofree char *body = NULL;
  g_autofree char *sealed64 = NULL;
  g_autofree char *sig64 = NULL;
  TarmacDeviceKeys *lfw_keys = tarmac_sync_replica_get_keys (f->lfw.replica);
  TarmacDeviceKeys *dkr2_keys = tarmac_sync_replica_get_keys (f->dkr2.replica);
  const char *dkr2_id = tarmac_device_keys_get_device_id (dkr2_keys);
  g_autoptr(GBytes) sealed = NULL;
  guint8 sig[64];
  g_autoptr(GByteArray) message = NULL;

  /* Lomé seals its own key to the Dakar desk and signs it properly. */
  sealed = tarmac_device_keys_seal_site_key (lfw_keys, tarmac_device_keys_get_box_pk (dkr2_keys), &error);
  g_assert_no_error (error);
  message = tarmac_handover_signed_message ("LFW", dkr2_id, tarmac_device_keys_get_box_pk (dkr2_keys),
                                            tarmac_device_keys_get_site_box_pk (lfw_keys),
                                            g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed));
  tarmac_device_keys_sign (lfw_keys, message->data, message->len, sig);
  sealed64 = g_base64_encode (g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed));
  sig64 = g_base64_encode (sig, sizeof sig);
  body = g_strdup_printf ("{\"sealed\":\"%s\",\"sig\":\"%s\"}", sealed64, sig64);

  target = g_strconcat ("/v1/handover/", dkr2_id, NULL);
  uri = g_strconcat (f->hub.url, target, NULL);
  msg = soup_message_new ("PUT", uri);
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_any_cb), NULL);
  body_bytes = g_bytes_new (body, strlen (body));
  soup_message_set_request_body_from_bytes (msg, "application/json", body_bytes);
  auth = tarmac_sync_auth_sign (lfw_keys, "PUT", target, g_get_real_time () / 1000,
                                (const guint8 *) body, strlen (body));
  soup_message_headers_replace (soup_message_get_request_headers (msg), TARMAC_SYNC_AUTH_HEADER, auth);
  response = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_FORBIDDEN);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (response, NULL), g_bytes_get_size (response),
                                  "origin_mismatch"));

  /* Still waiting. */
  g_assert_false (tarmac_sync_client_sync (f->dkr2.client, NULL, &error));
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_AWAITING_KEY);
}

/* Runs tarmac-hub; returns its exit status. */
static int
hub_status (Fixture    *f,
            const char *first,
            ...)
{
  g_autofree char *hub_path = tarmac_test_build_path ("src/hub/tarmac-hub");
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list ap;

  g_ptr_array_add (args, hub_path);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, "--data");
  g_ptr_array_add (args, f->hub.data);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                               &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

/* The airport's only key holder is gone (revoked): the hub's administrator resets the
 * airport's key, the next desk to enrol brings a new one and approves the desk that
 * waited, and both read what Lomé sends from then on. Refused while a desk holds it. */
static void
test_reset_key (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dkr2_id = g_strdup (tarmac_device_keys_get_device_id (tarmac_sync_replica_get_keys (f->dkr2.replica)));
  g_autofree char *code = tarmac_sync_replica_dup_desk_code (f->dkr2.replica);
  Desk dkr3 = { NULL };

  g_assert_cmpint (hub_status (f, "site", "reset-key", "DKR", NULL), ==, 1);
  g_assert_cmpint (hub_status (f, "device", "revoke",
                               tarmac_device_keys_get_device_id (tarmac_sync_replica_get_keys (f->dkr1.replica)),
                               NULL), ==, 0);
  g_assert_cmpint (hub_status (f, "site", "reset-key", "DKR", NULL), ==, 0);

  tarmac_test_desk_open (&dkr3, "dkr3");
  tarmac_test_desk_enrol (&f->hub, &dkr3, "DKR");
  g_assert_false (tarmac_sync_replica_is_awaiting_key (dkr3.replica));
  tarmac_test_desk_sync (&dkr3);
  g_assert_true (tarmac_sync_client_approve (dkr3.client, dkr2_id, code, &error));
  g_assert_no_error (error);

  /* Lomé cannot tell a reset from a hub that forged the key: it holds the note until an
   * officer accepts the key whose code Dakar reads out (test-hub-pins.c says more). */
  tarmac_test_desk_sync (&f->lfw);
  send_note (&f->lfw, "After the new key", "DKR");
  tarmac_test_desk_sync (&f->lfw);
  tarmac_test_desk_sync (&dkr3);
  g_assert_cmpint (tarmac_test_count (dkr3.store, "SELECT count (*) FROM note WHERE body = 'After the new key'"), ==, 0);
  g_assert_cmpint (tarmac_sync_replica_count_held (f->lfw.replica, "DKR"), ==, 1);
  {
    g_autofree char *dkr_code = tarmac_sync_replica_dup_site_key_code (dkr3.replica);

    g_assert_true (tarmac_sync_replica_trust_key (f->lfw.replica, "DKR", dkr_code, &error));
    g_assert_no_error (error);
  }
  tarmac_test_desk_sync (&f->lfw);
  tarmac_test_desk_sync (&dkr3);
  tarmac_test_desk_sync (&f->dkr2);
  g_assert_cmpint (tarmac_test_count (dkr3.store, "SELECT count (*) FROM note WHERE body = 'After the new key'"), ==, 1);
  g_assert_cmpint (tarmac_test_count (f->dkr2.store, "SELECT count (*) FROM note WHERE body = 'After the new key'"), ==, 1);
  tarmac_test_desk_close (&dkr3);
}

static void
approve_desk (Desk *approver,
              Desk *desk)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = tarmac_sync_replica_dup_desk_code (desk->replica);
  const char *device_id = tarmac_device_keys_get_device_id (tarmac_sync_replica_get_keys (desk->replica));

  g_assert_true (tarmac_sync_client_approve (approver->client, device_id, code, &error));
  g_assert_no_error (error);
}

/* After a desk is revoked, a desk rotates the airport's key: the desks that prove they
 * hold it get the new one, the revoked desk does not, a desk that never proved it must be
 * approved again; Lomé seals to the new key, and every desk still reads what was sealed
 * to the old one. */
static void
test_rotate (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hub_db = g_build_filename (f->hub.data, "hub.db", NULL);
  Desk dkr3 = { NULL }, dkr4 = { NULL };
  guint sealed = 0, left_out = 0;
  sqlite3 *hub = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *dkr3_id = NULL;

  approve_desk (&f->dkr1, &f->dkr2);
  tarmac_test_desk_sync (&f->dkr2);
  tarmac_test_desk_open (&dkr3, "dkr3");
  tarmac_test_desk_enrol (&f->hub, &dkr3, "DKR");
  tarmac_test_desk_sync (&f->dkr1);
  approve_desk (&f->dkr1, &dkr3);
  tarmac_test_desk_sync (&dkr3);
  dkr3_id = g_strdup (tarmac_device_keys_get_device_id (tarmac_sync_replica_get_keys (dkr3.replica)));

  /* A desk approved but never synced since: it never proved it holds the key. */
  tarmac_test_desk_open (&dkr4, "dkr4");
  tarmac_test_desk_enrol (&f->hub, &dkr4, "DKR");
  tarmac_test_desk_sync (&f->dkr1);
  approve_desk (&f->dkr1, &dkr4);

  g_assert_cmpint (hub_status (f, "device", "revoke", dkr3_id, NULL), ==, 0);

  /* Lomé writes to Dakar before the rotation. */
  tarmac_test_desk_sync (&f->lfw);
  send_note (&f->lfw, "Sealed to the old key", "DKR");
  tarmac_test_desk_sync (&f->lfw);

  tarmac_test_desk_sync (&f->dkr1);
  g_assert_true (tarmac_sync_client_rotate_site_key (f->dkr1.client, &sealed, &left_out, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sealed, ==, 2);     /* dkr1 and dkr2 */
  g_assert_cmpuint (left_out, ==, 1);   /* dkr4; dkr3 is revoked */

  /* The hub sent the new key to dkr1 and dkr2 only. */
  g_assert_cmpint (sqlite3_open_v2 (hub_db, &hub, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (hub, "SELECT count (*) FROM key_handovers WHERE approved_at ="
                                            " (SELECT max (approved_at) FROM key_handovers)"
                                            " AND device_id <> ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, dkr3_id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  sqlite3_finalize (stmt);
  sqlite3_close (hub);

  tarmac_test_desk_sync (&f->lfw);
  send_note (&f->lfw, "Sealed to the new key", "DKR");
  tarmac_test_desk_sync (&f->lfw);

  tarmac_test_desk_sync (&f->dkr1);
  tarmac_test_desk_sync (&f->dkr2);
  g_assert_cmpint (tarmac_test_count (f->dkr1.store, "SELECT count (*) FROM note WHERE body LIKE 'Sealed to the % key'"), ==, 2);
  g_assert_cmpint (tarmac_test_count (f->dkr2.store, "SELECT count (*) FROM note WHERE body LIKE 'Sealed to the % key'"), ==, 2);

  /* The old key is kept across a restart. */
  tarmac_test_desk_close (&f->dkr2);
  tarmac_test_desk_open (&f->dkr2, "dkr2");
  g_assert_false (tarmac_sync_replica_is_awaiting_key (f->dkr2.replica));
  tarmac_test_desk_sync (&f->dkr2);

  /* dkr4 was left out: it waits for an approval again. Approved, it gets the current key
   * and the old one (sealed with it), and reads both notes. */
  g_assert_false (tarmac_sync_client_sync (dkr4.client, NULL, &error));
  g_assert_error (error, TARMAC_SYNC_ERROR, TARMAC_SYNC_ERROR_AWAITING_KEY);
  g_clear_error (&error);
  approve_desk (&f->dkr2, &dkr4);
  tarmac_test_desk_sync (&dkr4);
  g_assert_cmpint (tarmac_test_count (dkr4.store, "SELECT count (*) FROM note WHERE body LIKE 'Sealed to the % key'"), ==, 2);

  tarmac_test_desk_close (&dkr3);
  tarmac_test_desk_close (&dkr4);
}

/* The same through tarmac-cli: sync enrol shows the code, sync devices lists the desk
 * with it, sync approve refuses a wrong code and takes the right one. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *db1 = tarmac_test_db_path ("dkr1.db");
  g_autofree char *db3 = tarmac_test_db_path ("dkr3.db");
  g_autofree char *enrol_code = tarmac_test_hub_run (&f->hub, "enrol-code", "DKR", NULL);
  g_autofree char *out = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *code, *device_id = NULL, *listed_code = NULL;
  JsonArray *desks;

  g_assert_cmpint (tarmac_test_cli (db3, &out, NULL, "sync", "enrol", "--hub", f->hub.url,
                                    "--code", enrol_code, "--fingerprint", f->hub.fingerprint,
                                    NULL), ==, 0);
  code = strstr (out, "Code to read to them: ");
  g_assert_nonnull (code);
  code += strlen ("Code to read to them: ");

  /* Waiting: sync fails and says why. */
  g_assert_cmpint (tarmac_test_cli (db3, NULL, NULL, "sync", NULL), !=, 0);

  g_assert_cmpint (tarmac_test_cli (db1, &listing, NULL, "sync", "devices", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, listing, -1, &error));
  g_assert_no_error (error);
  desks = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (desks); i++)
    {
      JsonObject *desk = json_array_get_object_element (desks, i);

      /* dkr2 of the fixture waits too, with a code of its own. */
      if (g_str_equal (json_object_get_string_member (desk, "key"), "waiting")
          && strncmp (json_object_get_string_member (desk, "code"), code, 11) == 0)
        {
          device_id = json_object_get_string_member (desk, "device_id");
          listed_code = json_object_get_string_member (desk, "code");
        }
    }
  g_assert_nonnull (device_id);
  g_assert_cmpint (strncmp (code, listed_code, 11), ==, 0);

  g_assert_cmpint (tarmac_test_cli (db1, NULL, NULL, "sync", "approve", device_id,
                                    "--code", "ZZZZZ-ZZZZZ", NULL), ==, 1);
  g_assert_cmpint (tarmac_test_cli (db3, NULL, NULL, "sync", NULL), !=, 0);
  g_assert_cmpint (tarmac_test_cli (db1, NULL, NULL, "sync", "approve", device_id,
                                    "--code", listed_code, NULL), ==, 0);
  g_assert_cmpint (tarmac_test_cli (db3, NULL, NULL, "sync", NULL), ==, 0);
}

/* The code depends on every public key and on the site: a hub that lists other keys for
 * the desk shows another code. */
static void
test_code (void)
{
  guint8 sign_pk[32] = { 1 }, box_pk[32] = { 2 };
  g_autofree char *a = tarmac_handover_code ("DKR", "0b7c1a0e-3f3a-4d6b-9a53-2f1f3f0c9a11", sign_pk, box_pk);
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  g_assert_cmpuint (strlen (a), ==, 11);
  g_assert_cmpint (a[5], ==, '-');
  box_pk[31] ^= 1;
  b = tarmac_handover_code ("DKR", "0b7c1a0e-3f3a-4d6b-9a53-2f1f3f0c9a11", sign_pk, box_pk);
  box_pk[31] ^= 1;
  c = tarmac_handover_code ("LFW", "0b7c1a0e-3f3a-4d6b-9a53-2f1f3f0c9a11", sign_pk, box_pk);
  g_assert_cmpstr (a, !=, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_true (tarmac_handover_code_equal (a, a));
  g_assert_false (tarmac_handover_code_equal (b, a));
  g_assert_false (tarmac_handover_code_equal ("", a));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hub-desks/code", test_code);
  g_test_add ("/hub-desks/two-desks", Fixture, NULL, fixture_set_up, test_two_desks, fixture_tear_down);
  g_test_add ("/hub-desks/waiting-desk-writes", Fixture, NULL, fixture_set_up,
              test_waiting_desk_writes, fixture_tear_down);
  g_test_add ("/hub-desks/other-site-refused", Fixture, NULL, fixture_set_up,
              test_other_site_refused, fixture_tear_down);
  g_test_add ("/hub-desks/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add ("/hub-desks/reset-key", Fixture, NULL, fixture_set_up, test_reset_key, fixture_tear_down);
  g_test_add ("/hub-desks/rotate", Fixture, NULL, fixture_set_up, test_rotate, fixture_tear_down);

  return g_test_run ();
}
