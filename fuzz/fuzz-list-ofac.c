/* fuzz-list-ofac.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "tarmac-fuzz-lists.h"

/* The OFAC SDN CSV loader, which reads sdn.csv and its companions alt.csv and add.csv from
 * one folder. The input is the three files, separated by the byte 0x1C (file separator):
 * sdn, then alt, then add; a missing part is a missing file. They are written to a folder
 * of the fuzzer's own. */

static char *folder;

static void
write_part (const char   *name,
            const guint8 *data,
            gsize         size,
            gboolean      present)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);

  if (!present)
    {
      g_remove (path);
      return;
    }
  if (!g_file_set_contents (path, (const char *) data, size, NULL))
    __builtin_trap ();
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char *const names[] = { "sdn.csv", "alt.csv", "add.csv" };
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacWatchlistData) list = NULL;
  g_autofree char *sdn = NULL;
  gsize start = 0;

  if (folder == NULL && (folder = g_dir_make_tmp ("tarmac-fuzz-ofac-XXXXXX", NULL)) == NULL)
    __builtin_trap ();

  for (guint part = 0; part < G_N_ELEMENTS (names); part++)
    {
      gsize end = start;

      while (end < size && data[end] != 0x1C)
        end++;
      write_part (names[part], data + MIN (start, size), end > start ? end - start : 0,
                  part == 0 || start < size);
      start = end + 1;
    }

  sdn = g_build_filename (folder, "sdn.csv", NULL);
  list = tarmac_watchlist_load_ofac (sdn, &error);
  tarmac_fuzz_check_list (list, error);
  return 0;
}
