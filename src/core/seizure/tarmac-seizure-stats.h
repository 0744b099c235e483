/* tarmac-seizure-stats.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-chart.h"
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

/**
 * TarmacSeizureStatsFilter:
 * @airport: (nullable): only records of this airport (IATA code)
 * @category: (nullable): only seizures with an item of this category, and only those
 *   items in the figures
 * @agency: (nullable): only seizures this agency took part in, in any role
 *
 * %NULL (or "") for any. Referrals and activities follow the airport; they belong to no
 * category or agency, so a category or agency filter leaves them out of the sheet, and
 * the hit rate too under a category (a negative control has no commodity).
 */
typedef struct
{
  const char *airport;
  const char *category;
  const char *agency;
} TarmacSeizureStatsFilter;

TarmacSeizureStats *tarmac_seizure_stats_compute        (TarmacStore         *store,
                                                         const char          *from_day,
                                                         const char          *to_day,
                                                         gboolean             shared,
                                                         const char          *language,
                                                         GError             **error);
TarmacSeizureStats *tarmac_seizure_stats_compute_filtered (TarmacStore                    *store,
                                                         const char                     *from_day,
                                                         const char                     *to_day,
                                                         const TarmacSeizureStatsFilter *filter,
                                                         gboolean                        shared,
                                                         const char                     *language,
                                                         GError                        **error);
const char         *tarmac_seizure_stats_get_airport    (TarmacSeizureStats  *self);
const char         *tarmac_seizure_stats_get_category   (TarmacSeizureStats  *self);
const char         *tarmac_seizure_stats_get_agency     (TarmacSeizureStats  *self);
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
char               *tarmac_seizure_stats_table_to_csv   (TarmacSeizureStats  *self,
                                                         const char          *name);
GBytes             *tarmac_seizure_stats_to_pdf         (TarmacSeizureStats  *self,
                                                         const char          *airport,
                                                         GError             **error);
TarmacChartData    *tarmac_seizure_stats_get_chart      (TarmacSeizureStats  *self,
                                                         const char          *name,
                                                         TarmacChartKind     *kind);
gboolean            tarmac_seizure_stats_audit_export   (TarmacSeizureStats  *self,
                                                         TarmacStore         *store,
                                                         const char          *what,
                                                         const char          *destination,
                                                         GError             **error);

/* The choices of the filters: airports and agencies found in the records, sorted. */
GStrv               tarmac_seizure_stats_list_airports  (TarmacStore         *store,
                                                         GError             **error);
GStrv               tarmac_seizure_stats_list_agencies  (TarmacStore         *store,
                                                         GError             **error);

/* This month so far, for an overview: validated seizures and the category with the
 * most of them (%NULL when none). Not audited: a count, like the day's counts. */
gboolean            tarmac_seizure_stats_month_summary  (TarmacStore         *store,
                                                         const char          *day,
                                                         gint64              *seizures,
                                                         char               **top_category,
                                                         GError             **error);

G_END_DECLS
