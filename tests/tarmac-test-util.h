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

G_END_DECLS
