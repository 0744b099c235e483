/* fuzz-list-national.c
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tarmac-fuzz-lists.h"

/* The national list CSV (Tarmac's own format) loader. */
int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TarmacWatchlistData) list = tarmac_watchlist_load_csv ((const char *) data, size,
                                                                   "fuzz.csv", "persons", &error);

  tarmac_fuzz_check_list (list, error);
  return 0;
}
