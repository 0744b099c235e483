/* tarmac-test-util.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

G_BEGIN_DECLS

/* A fresh directory per test; G_TEST_OPTION_ISOLATE_DIRS removes it afterwards. */
static inline char *
tarmac_test_db_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "tarmac-tests", NULL);

  g_mkdir_with_parents (dir, 0700);
  return g_build_filename (dir, name, NULL);
}

static inline char *
tarmac_test_file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static inline char *
tarmac_test_build_path (const char *relative)
{
  const char *builddir = g_getenv ("TARMAC_BUILDDIR");

  g_assert_nonnull (builddir);
  return g_build_filename (builddir, relative, NULL);
}

/* How long a test waits for something a thread, a subprocess, a timer or the display
 * does: far longer than it ever takes, so that a loaded machine (CI on two cores, the suite
 * beside builds) is slow but not failing, while a real hang still ends with a message. */
#define TARMAC_TEST_WAIT_SECONDS 30

/* One turn of the default main context without blocking, then a short sleep when nothing
 * was ready: a condition that a thread changes without waking the context is still seen. */
static inline void
tarmac_test_iterate (void)
{
  if (!g_main_context_iteration (NULL, FALSE))
    g_usleep (1000);
}

/* Fails the test, naming what it waited for and where. */
static inline void
tarmac_test_wait_failed (const char *file,
                         int         line,
                         const char *func,
                         const char *what)
{
  g_autofree char *message = g_strdup_printf ("timed out after %d s waiting for %s",
                                              TARMAC_TEST_WAIT_SECONDS, what);

  g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}

/* Runs the main context until @condition (an expression) holds, for at most
 * TARMAC_TEST_WAIT_SECONDS: wait for what is expected, never for a number of
 * milliseconds that a loaded machine may not meet. */
#define tarmac_test_wait_for(condition) \
  G_STMT_START { \
    gint64 tarmac_test_end_ = g_get_monotonic_time () + \
                              TARMAC_TEST_WAIT_SECONDS * G_TIME_SPAN_SECOND; \
    while (!(condition)) \
      { \
        if (g_get_monotonic_time () > tarmac_test_end_) \
          { \
            tarmac_test_wait_failed (__FILE__, __LINE__, G_STRFUNC, #condition); \
            break; \
          } \
        tarmac_test_iterate (); \
      } \
  } G_STMT_END

G_END_DECLS
