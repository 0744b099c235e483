/* tarmac-test-hub.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <signal.h>
#include <sys/prctl.h>

#include "tarmac-test-util.h"

G_BEGIN_DECLS

/* A real tarmac-hub on a loopback port the kernel picks, with its data in the test's
 * private data dir, for the tests of the app's sync service and windows. */

typedef struct
{
  char        *data;
  char        *fingerprint;
  char        *url;
  char        *credentials;   /* $CREDENTIALS_DIRECTORY of the hub's processes, or NULL */
  GSubprocess *process;
  guint        port;
} TarmacTestHub;

static inline char *
tarmac_test_hub_run (TarmacTestHub *hub,
                     const char    *first,
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
  g_ptr_array_add (args, hub->data);
  g_ptr_array_add (args, NULL);

  {
    g_autoptr(GSubprocessLauncher) launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);

    if (hub->credentials != NULL)
      g_subprocess_launcher_setenv (launcher, "CREDENTIALS_DIRECTORY", hub->credentials, TRUE);
    process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  }
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return g_strstrip (g_steal_pointer (&out));
}

/* A test that fails aborts without its tear-down: the hub goes with it rather than
 * linger on its port. */
static inline void
tarmac_test_hub_child_setup (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* Starts the hub; after a stop, on the same port, so enrolled addresses stay right.
 * With @crash_point, the hub kills itself there (TARMAC_HUB_CRASH, for the crash tests). */
static inline void
tarmac_test_hub_start_crashing (TarmacTestHub *hub,
                                const char    *crash_point)
{
  g_autofree char *hub_path = tarmac_test_build_path ("src/hub/tarmac-hub");
  g_autofree char *listen = g_strdup_printf ("127.0.0.1:%u", hub->port);
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);

  g_subprocess_launcher_set_child_setup (launcher, tarmac_test_hub_child_setup, NULL, NULL);
  if (hub->credentials != NULL)
    g_subprocess_launcher_setenv (launcher, "CREDENTIALS_DIRECTORY", hub->credentials, TRUE);
  if (crash_point != NULL)
    g_subprocess_launcher_setenv (launcher, "TARMAC_HUB_CRASH", crash_point, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "TARMAC_HUB_CRASH");
  hub->process = g_subprocess_launcher_spawn (launcher, &error, hub_path, "serve", "--data", hub->data,
                                              "--listen", listen, "--print-port", NULL);
  g_assert_no_error (error);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (hub->process));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  hub->port = (guint) g_ascii_strtoull (line, NULL, 10);
  g_assert_cmpuint (hub->port, >, 0);
  g_clear_pointer (&hub->url, g_free);
  hub->url = g_strdup_printf ("https://127.0.0.1:%u", hub->port);
}

static inline void
tarmac_test_hub_start (TarmacTestHub *hub)
{
  tarmac_test_hub_start_crashing (hub, NULL);
}

/* Sends @signal to the hub (none if 0: it is about to end on its own) and waits for it. */
static inline void
tarmac_test_hub_end (TarmacTestHub *hub,
                     int            signal)
{
  g_autoptr(GError) error = NULL;

  if (hub->process == NULL)
    return;

  if (signal != 0)
    g_subprocess_send_signal (hub->process, signal);
  g_subprocess_wait (hub->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&hub->process);
}

static inline void
tarmac_test_hub_stop (TarmacTestHub *hub)
{
  tarmac_test_hub_end (hub, SIGTERM);
}

/* The hub's key-encryption key as systemd would hand it (LoadCredentialEncrypted=): a
 * file in $CREDENTIALS_DIRECTORY, here a directory beside the hub's data, given to every
 * hub process this test starts (in their environment only: setenv in a test that has
 * threads is not safe). */
static inline void
tarmac_test_hub_set_credential (TarmacTestHub *hub)
{
  g_autofree char *parent = g_path_get_dirname (hub->data);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_free (hub->credentials);
  hub->credentials = g_build_filename (parent, "credentials", NULL);
  path = g_build_filename (hub->credentials, "tarmac-hub-kek", NULL);
  g_assert_cmpint (g_mkdir_with_parents (hub->credentials, 0700), ==, 0);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_file_set_contents_full (path, "test key-encryption key of 32 b", 32,
                                G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
      g_assert_no_error (error);
    }
}

/* A hub with the sites given as CODE, NAME pairs, running. */
static inline void
tarmac_test_hub_init (TarmacTestHub *hub,
                      const char    *first_code,
                      ...)
{
  g_autofree char *out = NULL;
  va_list ap;

  /* A caller without G_TEST_OPTION_ISOLATE_DIRS (gtk_test_init) names its own. */
  if (hub->data == NULL)
    hub->data = g_build_filename (g_get_user_data_dir (), "hub", NULL);
  tarmac_test_hub_set_credential (hub);
  out = tarmac_test_hub_run (hub, "init", NULL);

  va_start (ap, first_code);
  for (const char *code = first_code; code != NULL; code = va_arg (ap, const char *))
    {
      const char *name = va_arg (ap, const char *);

      g_free (out);
      out = tarmac_test_hub_run (hub, "site", "add", code, "--name", name, NULL);
    }
  va_end (ap);

  hub->fingerprint = tarmac_test_hub_run (hub, "fingerprint", NULL);
  tarmac_test_hub_start (hub);
}

static inline void
tarmac_test_hub_clear (TarmacTestHub *hub)
{
  tarmac_test_hub_stop (hub);
  g_clear_pointer (&hub->data, g_free);
  g_clear_pointer (&hub->fingerprint, g_free);
  g_clear_pointer (&hub->url, g_free);
  g_clear_pointer (&hub->credentials, g_free);
}

/* Removes a test's temporary directory and everything in it. */
static inline void
tarmac_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        tarmac_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Iterates the main context until @done returns TRUE or @seconds pass. */
static inline gboolean
tarmac_test_wait_until (gboolean (*done) (gpointer data),
                        gpointer   data,
                        guint      seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_TIME_SPAN_SECOND;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }

  return TRUE;
}

G_END_DECLS
