/* tarmac-test-cli.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <stdarg.h>
#include <string.h>

#include "tarmac-test-util.h"

G_BEGIN_DECLS

/* tarmac-cli as the tests run it: the program just built, on one database, waited for.
 * What it prints on standard output and on standard error is kept only when asked for. */

static inline int   tarmac_test_cli         (const char  *db,
                                             char       **out,
                                             char       **err,
                                             const char  *first,
                                             ...) G_GNUC_NULL_TERMINATED;
static inline char *tarmac_test_cli_output  (const char  *db,
                                             const char  *first,
                                             ...) G_GNUC_NULL_TERMINATED;

/* Runs tarmac-cli --db @db and the arguments from @first on (%NULL-terminated, in @ap),
 * with @env changed first: each "NAME=VALUE" is set, each bare "NAME" unset (so that a
 * variable of the test's own environment does not reach the child). Fails the test if
 * the program cannot start or is killed rather than exits.
 *
 * Returns: its exit status; what it printed in @out and @err when they are set */
static inline int
tarmac_test_cli_valist (const char         *db,
                        const char * const *env,
                        char              **out,
                        char              **err,
                        const char         *first,
                        va_list             ap)
{
  g_autofree char *cli_path = tarmac_test_build_path ("src/cli/tarmac-cli");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocessFlags flags;

  g_ptr_array_add (args, cli_path);
  g_ptr_array_add (args, "--db");
  g_ptr_array_add (args, (gpointer) db);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  g_ptr_array_add (args, NULL);

  flags = (out != NULL ? G_SUBPROCESS_FLAGS_STDOUT_PIPE : G_SUBPROCESS_FLAGS_STDOUT_SILENCE) |
          (err != NULL ? G_SUBPROCESS_FLAGS_STDERR_PIPE : G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  launcher = g_subprocess_launcher_new (flags);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      const char *equals = strchr (env[i], '=');

      if (equals != NULL)
        {
          g_autofree char *name = g_strndup (env[i], equals - env[i]);

          g_subprocess_launcher_setenv (launcher, name, equals + 1, TRUE);
        }
      else
        g_subprocess_launcher_unsetenv (launcher, env[i]);
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

/* tarmac-cli --db @db ARGS…: its exit status, what it printed in @out and its errors in
 * @err when they are set. */
static inline int
tarmac_test_cli (const char  *db,
                 char       **out,
                 char       **err,
                 const char  *first,
                 ...)
{
  va_list ap;
  int status;

  va_start (ap, first);
  status = tarmac_test_cli_valist (db, NULL, out, err, first, ap);
  va_end (ap);
  return status;
}

/* tarmac-cli --db @db ARGS…, which must succeed: what it printed, without the white space
 * around it. A failure names the command and says what the program said. */
static inline char *
tarmac_test_cli_output (const char *db,
                        const char *first,
                        ...)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list ap;
  int status;

  va_start (ap, first);
  status = tarmac_test_cli_valist (db, NULL, &out, &err, first, ap);
  va_end (ap);
  if (status != 0)
    g_error ("tarmac-cli %s exited with status %d: %s", first, status, err);
  return g_strstrip (g_steal_pointer (&out));
}

G_END_DECLS
