/* tarmac-demo.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-store.h"

G_BEGIN_DECLS

/* The meta key that marks a database as generated demo data, and the day it was made for. */
#define TARMAC_DEMO_META_KEY        "demo"
#define TARMAC_DEMO_META_ANCHOR_DAY "demo-anchor-day"

/**
 * TarmacDemoOptions:
 * @seed: the generator's seed; the same seed and anchor give the same database
 * @anchor_day: the middle day of the generated week, "YYYY-MM-DD" (the local date)
 * @days: how many days of flights, centred on @anchor_day
 * @scale: multiplies the number of flights per day (1.0 is a realistic day at the hub;
 *   benchmarks raise it to reach millions of travellers)
 * @results: also thirteen months of seizures, referrals and activities at the airport,
 *   and a watchlist of invented people with its hits (%TRUE by default)
 */
typedef struct
{
  guint32  seed;
  char     anchor_day[11];
  guint    days;
  double   scale;
  gboolean results;
} TarmacDemoOptions;

typedef struct
{
  guint flights;
  guint passengers;
  guint crew;
  guint documents;
  guint pnrs;
  guint notes;
} TarmacDemoStats;

void         tarmac_demo_options_init      (TarmacDemoOptions        *options);
gboolean     tarmac_demo_generate          (TarmacStore              *store,
                                            const TarmacDemoOptions  *options,
                                            TarmacDemoStats          *stats,
                                            GError                  **error);
char        *tarmac_demo_get_default_path  (void);
TarmacStore *tarmac_demo_open              (const char               *path,
                                            GError                  **error);
gboolean     tarmac_store_is_demo          (TarmacStore              *store);

G_END_DECLS
