/* tarmac-cli-bench-names.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "tarmac-watchlist-entry.h"

G_BEGIN_DECLS

/* Synthetic list and traveller names for the screening benchmarks (bench match, bench
 * screen), drawn from the demo generator's name tables. */
typedef struct
{
  GPtrArray *given;       /* words */
  GPtrArray *surnames;
  guint      min_alter;   /* words shorter than this keep their letters */
} TarmacCliBenchNames;

void   tarmac_cli_bench_names_init    (TarmacCliBenchNames *names,
                                       guint                min_alter);
void   tarmac_cli_bench_names_clear   (TarmacCliBenchNames *names);
char  *tarmac_cli_bench_names_random  (TarmacCliBenchNames *names,
                                       GRand               *rand,
                                       gboolean             vary);
char  *tarmac_cli_bench_names_respell (TarmacCliBenchNames *names,
                                       GRand               *rand,
                                       const char          *name);
TarmacWatchlistEntry *
       tarmac_cli_bench_names_entry   (TarmacCliBenchNames *names,
                                       GRand               *rand,
                                       const char          *id,
                                       char               **name);
int    tarmac_cli_bench_compare_doubles (gconstpointer a,
                                         gconstpointer b);

G_END_DECLS
