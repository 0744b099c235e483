/* test-hub-keys.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tarmac-hub-kek.h"
#include "tarmac-test-hub.h"

/* The hub's keys at rest (tarmac-hub-kek.c), with the real tarmac-hub: sealed under a
 * systemd credential or a passphrase, never in plain text on disk; a missing or wrong
 * key-encryption key refused in words; a hub with plain key files (made before they were
 * sealed) sealed and shredded by `init --encrypt-keys` or at its next start. */

typedef struct
{
  TarmacTestHub hub;
  char         *credentials;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->hub.data = g_build_filename (g_get_user_data_dir (), "hub", NULL);
  f->credentials = g_build_filename (g_get_user_data_dir (), "credentials", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  tarmac_test_hub_clear (&f->hub);
  g_free (f->credentials);
}

/* Runs tarmac-hub with stdin closed (no terminal to prompt at); returns its exit status
 * and its standard error. */
static int
run_hub (Fixture     *f,
         char       **err,
         const char  *first,
         ...)
{
  g_autofree char *hub_path = tarmac_test_build_path ("src/hub/tarmac-hub");
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  va_list ap;

  g_ptr_array_add (args, hub_path);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, "--data");
  g_ptr_array_add (args, f->hub.data);
  g_ptr_array_add (args, NULL);

  {
    g_autoptr(GSubprocessLauncher) launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                 | G_SUBPROCESS_FLAGS_STDERR_PIPE);

    if (f->hub.credentials != NULL)
      g_subprocess_launcher_setenv (launcher, "CREDENTIALS_DIRECTORY", f->hub.credentials, TRUE);
    else
      g_subprocess_launcher_unsetenv (launcher, "CREDENTIALS_DIRECTORY");
    process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  }
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

static void
assert_no_plain_keys (Fixture *f)
{
  static const char * const roles[] = { "tls.key", "coordinator.key" };

  for (gsize i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *plain = g_build_filename (f->hub.data, roles[i], NULL);
      g_autofree char *sealed_name = g_strconcat (roles[i], ".sealed", NULL);
      g_autofree char *sealed = g_build_filename (f->hub.data, sealed_name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_false (g_file_test (plain, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_get_contents (sealed, &contents, &length, NULL));
      g_assert_null (g_strstr_len (contents, length, "PRIVATE KEY"));
    }
}

static void
write_credential (Fixture    *f,
                  const char *secret)
{
  g_autofree char *path = g_build_filename (f->credentials, TARMAC_HUB_KEK_CREDENTIAL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (f->credentials, 0700), ==, 0);
  g_file_set_contents_full (path, secret, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
  g_free (f->hub.credentials);
  f->hub.credentials = g_strdup (f->credentials);
}

static char *
write_passphrase (const char *name,
                  const char *passphrase)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_file_set_contents_full (path, passphrase, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_credential (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *fingerprint = NULL;

  write_credential (f, "0123456789abcdef0123456789abcdef");
  g_assert_cmpint (run_hub (f, &err, "init", NULL), ==, 0);
  assert_no_plain_keys (f);

  /* The fingerprint needs only the certificate: no key, so no credential. */
  g_clear_pointer (&f->hub.credentials, g_free);
  fingerprint = tarmac_test_hub_run (&f->hub, "fingerprint", NULL);
  g_assert_cmpuint (strlen (fingerprint), ==, 95);

  /* Without the credential the hub does not start, and says why. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_hub (f, &err, "serve", "--listen", "127.0.0.1:0", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "tarmac-hub-kek"));

  /* With another credential neither. */
  write_credential (f, "another credential, not the one the keys were sealed under");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_hub (f, &err, "serve", "--listen", "127.0.0.1:0", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "does not open"));
  g_assert_nonnull (strstr (err, "credential"));

  /* With the right one it serves. */
  write_credential (f, "0123456789abcdef0123456789abcdef");
  tarmac_test_hub_start (&f->hub);
  g_assert_cmpuint (f->hub.port, >, 0);
  assert_no_plain_keys (f);
}

static void
test_passphrase (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *right = write_passphrase ("right", "correct horse battery staple\n");
  g_autofree char *wrong = write_passphrase ("wrong", "incorrect horse battery staple\n");
  g_autofree char *err = NULL;

  g_assert_cmpint (run_hub (f, &err, "init", "--passphrase-file", right, NULL), ==, 0);
  assert_no_plain_keys (f);

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_hub (f, &err, "serve", "--listen", "127.0.0.1:0",
                            "--passphrase-file", wrong, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "passphrase is wrong"));

  /* No passphrase file and no terminal: refused, not a hang at a prompt. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_hub (f, &err, "bundle", "export", "DKR", "/dev/null", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "passphrase"));

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_hub (f, &err, "site", "add", "DKR", NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_hub (f, &err, "bundle", "export", "DKR", "/dev/null",
                            "--passphrase-file", right, NULL), ==, 0);
}

/* Turns a sealed hub back into one of before: plain tls.key and coordinator.key, 0600. */
static void
unseal_to_plain (Fixture *f)
{
  g_autoptr(TarmacHubKek) kek = tarmac_hub_kek_new (NULL);
  static const char * const roles[] = { "tls.key", "coordinator.key" };

  tarmac_hub_kek_set_credentials_directory (kek, f->hub.credentials);
  for (gsize i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *plain = g_build_filename (f->hub.data, roles[i], NULL);
      g_autofree char *sealed_name = g_strconcat (roles[i], ".sealed", NULL);
      g_autofree char *sealed = g_build_filename (f->hub.data, sealed_name, NULL);
      g_autoptr(GBytes) key = NULL;
      g_autoptr(GError) error = NULL;

      key = tarmac_hub_kek_open_file (kek, sealed, roles[i], &error);
      g_assert_no_error (error);
      g_file_set_contents_full (plain, g_bytes_get_data (key, NULL), g_bytes_get_size (key),
                                G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_unlink (sealed), ==, 0);
    }
}

static void
test_migrate (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  write_credential (f, "0123456789abcdef0123456789abcdef");
  g_assert_cmpint (run_hub (f, &err, "init", NULL), ==, 0);
  unseal_to_plain (f);

  /* Commands that need a key say how to seal them. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_hub (f, &err, "bundle", "export", "DKR", "/dev/null", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "--encrypt-keys"));

  out = tarmac_test_hub_run (&f->hub, "init", "--encrypt-keys", NULL);
  g_assert_nonnull (strstr (out, "Sealed 2"));
  assert_no_plain_keys (f);

  /* At the next start, as systemd would start it after an upgrade. */
  unseal_to_plain (f);
  tarmac_test_hub_start (&f->hub);
  g_assert_cmpuint (f->hub.port, >, 0);
  assert_no_plain_keys (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/hub-keys/credential", Fixture, NULL, fixture_set_up, test_credential, fixture_tear_down);
  g_test_add ("/hub-keys/passphrase", Fixture, NULL, fixture_set_up, test_passphrase, fixture_tear_down);
  g_test_add ("/hub-keys/migrate", Fixture, NULL, fixture_set_up, test_migrate, fixture_tear_down);

  return g_test_run ();
}
