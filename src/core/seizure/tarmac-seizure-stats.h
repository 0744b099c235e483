/* tarmac-seizure-stats.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-stat-row.h"
#include "tarmac-store.h"

G_BEGIN_DECLS

/* The AIRCOP-style period results (research/seizures.md §9), computed from the latest
 * validated version of each record whose date falls in the period. Each table is a list
 * of #TarmacStatRow: "headline", "commodities", "agencies", "monthly", "routes",
 * "concealment", "selection". Totals count each seizure once, however many agencies
 * took part. Shared reports hide figures below 3 (DESIGN.md §8). Non-nominal throughout. */

#define TARMAC_TYPE_SEIZURE_STATS (tarmac_seizure_stats_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSeizureStats, tarmac_seizure_stats, TARMAC, SEIZURE_STATS, GObject)

#define TARMAC_STATS_MIN_SHARED_COUNT 3

TarmacSeizureStats *tarmac_seizure_stats_compute        (TarmacStore         *store,
                                                         const char          *from_day,
                                                         const char          *to_day,
                                                         gboolean             shared,
                                                         const char          *language,
                                                         GError             **error);
const char         *tarmac_seizure_stats_get_from       (TarmacSeizureStats  *self);
const char         *tarmac_seizure_stats_get_to         (TarmacSeizureStats  *self);
gboolean            tarmac_seizure_stats_get_shared     (TarmacSeizureStats  *self);
const char         *tarmac_seizure_stats_get_language   (TarmacSeizureStats  *self);
GListModel         *tarmac_seizure_stats_get_table      (TarmacSeizureStats  *self,
                                                         const char          *name);
TarmacStatRow      *tarmac_seizure_stats_get_headline   (TarmacSeizureStats  *self,
                                                         const char          *key);
const char * const *tarmac_seizure_stats_get_table_names (void);

/* Exports of the same figures (non-nominal): JSON, and CSV with one row per table row. */
char               *tarmac_seizure_stats_to_json        (TarmacSeizureStats  *self);
char               *tarmac_seizure_stats_to_csv         (TarmacSeizureStats  *self);
GBytes             *tarmac_seizure_stats_to_pdf         (TarmacSeizureStats  *self,
                                                         const char          *airport,
                                                         GError             **error);

G_END_DECLS
