/* test-secrets.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsecret/secret.h>
#include <signal.h>
#include <string.h>

#include "tarmac-importer.h"
#include "tarmac-store-private.h"
#include "tarmac-test-util.h"

/* The keystore (tarmac-secrets.c): secrets sealed in the database, opened with the
 * passphrase fallback (the test environment sets TARMAC_PASSPHRASE and turns the keyring
 * off) or with a real Secret Service: a gnome-keyring-daemon this test starts on a
 * private D-Bus and stops again. And the card-hash key: never in the file in plain text,
 * the same after reopening, moved out of meta from an older database. */

#define PASSPHRASE "correct horse battery staple"
#define CARD "4111111111111111"

static char *
db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "secrets-test.db", NULL);
}

static TarmacStore *
open_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  TarmacStore *store = tarmac_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static gint64
count (TarmacStore *store,
       const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
text (TarmacStore *store,
      const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _tarmac_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup (_tarmac_store_column_text (stmt, 0));
}

static void
put_text (TarmacStore *store,
          const char  *name,
          const char  *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (value, strlen (value));

  gboolean ok = tarmac_secrets_put (tarmac_store_get_secrets (store), name, bytes, TRUE, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static char *
get_text (TarmacStore *store,
          const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = tarmac_secrets_get (tarmac_store_get_secrets (store), name, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
import_fixture (TarmacStore *store,
                const char  *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tarmac_import_file (store, path, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->result, ==, TARMAC_IMPORT_RESULT_IMPORTED);
}

/* Whether the database's files (main, WAL, shared memory) hold @needle anywhere. */
static gboolean
files_contain (const char   *path,
               const guint8 *needle,
               gsize         length)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize size = 0;

      if (!g_file_get_contents (file, &contents, &size, NULL))
        continue;
      for (gsize at = 0; size >= length && at <= size - length; at++)
        if (memcmp (contents + at, needle, length) == 0)
          return TRUE;
    }
  return FALSE;
}

static gboolean
files_contain_key (const char *path,
                   const char *hex)
{
  guint8 raw[32];

  g_assert_cmpint (strlen (hex), ==, 64);
  for (guint i = 0; i < 32; i++)
    raw[i] = (guint8) ((g_ascii_xdigit_value (hex[2 * i]) << 4) |
                       g_ascii_xdigit_value (hex[2 * i + 1]));
  return files_contain (path, (const guint8 *) hex, 64) ||
         files_contain (path, (const guint8 *) hex, 16) ||
         files_contain (path, raw, sizeof raw);
}

static void
test_passphrase (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  {
    g_autoptr(TarmacStore) store = open_path (path);
    TarmacSecrets *secrets = tarmac_store_get_secrets (store);
    g_autoptr(GBytes) missing = NULL;

    g_assert_null (tarmac_secrets_get_unlocked_by (secrets));
    missing = tarmac_secrets_get (secrets, "device-key", &error);
    g_assert_null (missing);
    g_assert_error (error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_NOT_FOUND);
    g_clear_error (&error);
    /* Keys made, nothing written yet. */
    g_assert_cmpstr (tarmac_secrets_get_unlocked_by (secrets), ==, "new");
    g_assert_cmpint (count (store, "SELECT count(*) FROM secret_wrap"), ==, 0);

    put_text (store, "device-key", "first device key value, 32 bytes");
    g_assert_cmpstr (tarmac_secrets_get_unlocked_by (secrets), ==, "passphrase");
    g_assert_cmpint (count (store, "SELECT count(*) FROM secret_wrap WHERE kind = 'passphrase'"
                                   " AND params LIKE 'argon2id13:%'"), ==, 1);
    g_assert_cmpint (count (store, "SELECT count(*) FROM meta WHERE key = 'database-id'"), ==, 1);
  }

  g_assert_false (files_contain (path, (const guint8 *) "first device key", 16));

  {
    g_autoptr(TarmacStore) store = open_path (path);

    value = get_text (store, "device-key");
    g_assert_cmpstr (value, ==, "first device key value, 32 bytes");
    g_assert_cmpstr (tarmac_secrets_get_unlocked_by (tarmac_store_get_secrets (store)), ==,
                     "passphrase");

    /* Replace, refuse to replace, delete. */
    put_text (store, "device-key", "second");
    g_clear_pointer (&value, g_free);
    value = get_text (store, "device-key");
    g_assert_cmpstr (value, ==, "second");
    {
      g_autoptr(GBytes) third = g_bytes_new_static ("third", 5);

      g_assert_false (tarmac_secrets_put (tarmac_store_get_secrets (store), "device-key", third,
                                          FALSE, &error));
      g_assert_error (error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_EXISTS);
      g_clear_error (&error);
    }
    g_assert_true (tarmac_secrets_delete (tarmac_store_get_secrets (store), "device-key",
                                          &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (store, "SELECT count(*) FROM secret"), ==, 0);
  }

  /* Another passphrase opens nothing. */
  g_setenv ("TARMAC_PASSPHRASE", "not the passphrase", TRUE);
  {
    g_autoptr(TarmacStore) store = open_path (path);
    g_autoptr(GBytes) none = tarmac_secrets_get (tarmac_store_get_secrets (store), "device-key",
                                                 &error);

    g_assert_null (none);
    g_assert_error (error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_LOCKED);
    g_clear_error (&error);
  }
  g_setenv ("TARMAC_PASSPHRASE", PASSPHRASE, TRUE);
}

/* A sealed value moved under another name, or altered, does not open. */
static void
test_tamper (void)
{
  g_autoptr(TarmacStore) store = open_path (":memory:");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) moved = NULL;

  put_text (store, "a", "value of a");
  put_text (store, "b", "value of b");
  g_assert_true (_tarmac_store_exec (store, "UPDATE secret SET box = (SELECT box FROM secret"
                                            " WHERE name = 'a') WHERE name = 'b'", &error));
  g_assert_no_error (error);
  moved = tarmac_secrets_get (tarmac_store_get_secrets (store), "b", &error);
  g_assert_null (moved);
  g_assert_error (error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_CORRUPT);
}

/* With neither keyring nor passphrase: nothing secret is written, cards keep their last
 * four digits and no hash, and the report says why. */
static void
test_unavailable (void)
{
  g_autoptr(TarmacStore) store = open_path (":memory:");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import",
                                                 "pnrgov-two-pnrs.edi", NULL);
  g_autoptr(TarmacImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean warned = FALSE;

  g_unsetenv ("TARMAC_PASSPHRASE");
  g_assert_false (tarmac_secrets_unlock (tarmac_store_get_secrets (store), &error));
  g_assert_error (error, TARMAC_SECRETS_ERROR, TARMAC_SECRETS_ERROR_UNAVAILABLE);
  g_clear_error (&error);

  g_assert_true (tarmac_import_file (store, path, &report, NULL, &error));
  g_assert_no_error (error);
  g_setenv ("TARMAC_PASSPHRASE", PASSPHRASE, TRUE);

  for (guint i = 0; i < report->warnings->len; i++)
    {
      const TarmacImportWarning *warning = g_ptr_array_index (report->warnings, i);

      if (g_strcmp0 (warning->code, "card-not-hashed") == 0)
        warned = TRUE;
    }
  g_assert_true (warned);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_payment WHERE card_last4 = '1111'"
                                 " AND card_hash IS NULL"), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM secret"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM secret_wrap"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM meta WHERE key LIKE '%key%'"), ==, 0);
}

/* The card-hash key: never in the files, the same hashes after reopening. */
static void
test_card_key_file (void)
{
  g_autofree char *path = db_path ();
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;

  {
    g_autoptr(TarmacStore) store = open_path (path);

    import_fixture (store, "pnrgov-two-pnrs.edi");
    key = get_text (store, "card-hash-key");
    hash = text (store, "SELECT card_hash FROM pnr_payment LIMIT 1");
    g_assert_cmpuint (strlen (hash), ==, 64);
  }
  g_assert_false (files_contain_key (path, key));

  {
    g_autoptr(TarmacStore) store = open_path (path);
    g_autofree char *again = get_text (store, "card-hash-key");

    g_assert_cmpstr (again, ==, key);
    import_fixture (store, "pnrgov-two-pnrs-later.edi");
    g_assert_cmpint (count (store, "SELECT count(DISTINCT card_hash) FROM pnr_payment"), ==, 1);
    g_assert_cmpint (count (store, "SELECT count(*) FROM pnr_payment"), ==, 4);
  }
  g_assert_false (files_contain_key (path, key));
  g_assert_false (files_contain (path, (const guint8 *) CARD, strlen (CARD)));
}

/* A database from before the keystore: its plain key is sealed at the next open, the row
 * overwritten and removed, and hashes made with it stay the same. */
static void
test_card_key_migrated (void)
{
  g_autofree char *path = db_path ();
  const char *old_key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  g_autofree char *expected = g_compute_hmac_for_string (G_CHECKSUM_SHA256,
                                                         (const guchar *) old_key,
                                                         strlen (old_key), CARD, -1);

  {
    g_autoptr(TarmacStore) store = open_path (path);
    g_autoptr(GError) error = NULL;

    g_assert_true (tarmac_store_set_meta (store, "card-hash-key", old_key, &error));
    g_assert_no_error (error);
  }
  g_assert_true (files_contain_key (path, old_key));

  {
    g_autoptr(TarmacStore) store = open_path (path);
    g_autofree char *sealed = get_text (store, "card-hash-key");
    g_autofree char *hash = NULL;

    g_assert_cmpint (count (store, "SELECT count(*) FROM meta WHERE key = 'card-hash-key'"),
                     ==, 0);
    g_assert_cmpstr (sealed, ==, old_key);
    import_fixture (store, "pnrgov-two-pnrs.edi");
    g_assert_cmpint (count (store, "SELECT count(DISTINCT card_hash) FROM pnr_payment"), ==, 1);
    hash = text (store, "SELECT card_hash FROM pnr_payment LIMIT 1");
    g_assert_cmpstr (hash, ==, expected);
  }
  g_assert_false (files_contain_key (path, old_key));

  /* Without a passphrase the plain key stays until one is there, and is not used. */
  {
    g_autofree char *other = g_build_filename (g_get_user_data_dir (), "old.db", NULL);
    g_autoptr(GError) error = NULL;

    {
      g_autoptr(TarmacStore) store = open_path (other);

      g_assert_true (tarmac_store_set_meta (store, "card-hash-key", old_key, &error));
    }
    g_unsetenv ("TARMAC_PASSPHRASE");
    {
      g_autoptr(TarmacStore) store = NULL;

      g_test_expect_message ("tarmac-store", G_LOG_LEVEL_MESSAGE, "*stays unsealed*");
      store = open_path (other);
      g_test_assert_expected_messages ();
      g_assert_cmpint (count (store, "SELECT count(*) FROM meta WHERE key = 'card-hash-key'"),
                       ==, 1);
    }
    g_setenv ("TARMAC_PASSPHRASE", PASSPHRASE, TRUE);
    {
      g_autoptr(TarmacStore) store = open_path (other);

      g_assert_cmpint (count (store, "SELECT count(*) FROM meta WHERE key = 'card-hash-key'"),
                       ==, 0);
    }
    g_assert_false (files_contain_key (other, old_key));
  }
}

/* The real thing: a Secret Service (gnome-keyring) on a private bus, started and stopped
 * here. A database set up with the keyring, then given a passphrase wrap too, still opens
 * when the keyring is gone. */
static GTestDBus *keyring_bus;

/* Until the daemon owns its name on the bus: 30 s at most, since a loaded machine may take
 * several seconds to start it. */
static gboolean
wait_for_secret_service (void)
{
  gint64 end = g_get_monotonic_time () + TARMAC_TEST_WAIT_SECONDS * G_TIME_SPAN_SECOND;

  while (g_get_monotonic_time () < end)
    {
      g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
      g_autoptr(GVariant) reply = NULL;
      gboolean owned = FALSE;

      if (bus != NULL)
        reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus",
                                             "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                             "NameHasOwner",
                                             g_variant_new ("(s)", "org.freedesktop.secrets"),
                                             G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                             1000, NULL, NULL);
      if (reply != NULL)
        g_variant_get (reply, "(b)", &owned);
      if (owned)
        return TRUE;
      g_usleep (100 * 1000);
    }
  return FALSE;
}

static void
test_keyring (void)
{
  g_autofree char *daemon = g_find_program_in_path ("gnome-keyring-daemon");
  g_autofree char *bus_daemon = g_find_program_in_path ("dbus-daemon");
  g_autofree char *path = db_path ();
  g_autofree char *control = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) keyring = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) password = g_bytes_new_static ("keyring-test-password", 21);

  if (daemon == NULL || bus_daemon == NULL)
    {
      g_test_skip ("gnome-keyring-daemon or dbus-daemon is not installed");
      return;
    }

  keyring_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (keyring_bus);
  control = g_build_filename (g_get_user_runtime_dir (), "keyring-test", NULL);
  g_mkdir_with_parents (control, 0700);

  /* Its keyrings in this test's own data directory, its chatter off our TAP output. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  keyring = g_subprocess_launcher_spawn (launcher, &error, daemon, "--foreground",
                                         "--components=secrets", "--unlock",
                                         "--control-directory", control, NULL);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (g_subprocess_get_stdin_pipe (keyring),
                                            g_bytes_get_data (password, NULL),
                                            g_bytes_get_size (password), NULL, NULL, &error));
  g_assert_true (g_output_stream_close (g_subprocess_get_stdin_pipe (keyring), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for_secret_service ());

  g_unsetenv ("TARMAC_KEYRING");
  g_unsetenv ("TARMAC_PASSPHRASE");
  {
    g_autoptr(TarmacStore) store = open_path (path);

    put_text (store, "device-key", "kept with the keyring's key");
    g_assert_cmpstr (tarmac_secrets_get_unlocked_by (tarmac_store_get_secrets (store)), ==,
                     "keyring");
    g_assert_cmpint (count (store, "SELECT count(*) FROM secret_wrap"), ==, 1);
    g_assert_cmpint (count (store, "SELECT count(*) FROM secret_wrap WHERE kind = 'keyring'"),
                     ==, 1);
  }
  {
    g_autoptr(TarmacStore) store = open_path (path);
    g_autofree char *value = get_text (store, "device-key");

    g_assert_cmpstr (value, ==, "kept with the keyring's key");
    g_assert_cmpstr (tarmac_secrets_get_unlocked_by (tarmac_store_get_secrets (store)), ==,
                     "keyring");
  }

  /* Opened with the keyring while a passphrase is set: a passphrase wrap is added. */
  g_setenv ("TARMAC_PASSPHRASE", PASSPHRASE, TRUE);
  {
    g_autoptr(TarmacStore) store = open_path (path);

    put_text (store, "site-key", "second secret");
    g_assert_cmpstr (tarmac_secrets_get_unlocked_by (tarmac_store_get_secrets (store)), ==,
                     "keyring");
    g_assert_cmpint (count (store, "SELECT count(*) FROM secret_wrap"), ==, 2);
  }

  /* libsecret's sync calls keep the bus connection referenced for good, so the bus is
   * stopped rather than taken down (which waits for that connection to go). */
  secret_service_disconnect ();
  g_subprocess_send_signal (keyring, SIGTERM);
  g_assert_true (g_subprocess_wait (keyring, NULL, &error));
  g_test_dbus_stop (keyring_bus);
  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");

  /* The keyring is gone: the passphrase opens the same keys. */
  g_setenv ("TARMAC_KEYRING", "0", TRUE);
  {
    g_autoptr(TarmacStore) store = open_path (path);
    g_autofree char *value = get_text (store, "device-key");

    g_assert_cmpstr (value, ==, "kept with the keyring's key");
    g_assert_cmpstr (tarmac_secrets_get_unlocked_by (tarmac_store_get_secrets (store)), ==,
                     "passphrase");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* Whatever the caller's environment, these tests choose their key sources. */
  g_setenv ("TARMAC_PASSPHRASE", PASSPHRASE, TRUE);
  g_setenv ("TARMAC_KEYRING", "0", TRUE);

  g_test_add_func ("/secrets/passphrase", test_passphrase);
  g_test_add_func ("/secrets/tamper", test_tamper);
  g_test_add_func ("/secrets/unavailable", test_unavailable);
  g_test_add_func ("/secrets/card-key-file", test_card_key_file);
  g_test_add_func ("/secrets/card-key-migrated", test_card_key_migrated);
  g_test_add_func ("/secrets/keyring", test_keyring);

  return g_test_run ();
}
