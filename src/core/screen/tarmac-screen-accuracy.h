/* tarmac-screen-accuracy.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "tarmac-screen-variants.h"
#include "tarmac-watchlist-data.h"

G_BEGIN_DECLS

/* One run of the accuracy benchmark (research/screening.md §5.3–5.4): planted variants of
 * a list's persons and synthetic travellers, matched against the list. */
typedef struct
{
  GPtrArray *probes;        /* (element-type TarmacScreenProbe) */
  double    *scores;        /* per probe: the planted entry's score (0 when not found), or a
                             * traveller's best score against any entry */
  double    *exhaustive;    /* per planted probe: the entry's score when every name is
                             * compared (NULL when not measured) */
  guint      n_names;
  guint      n_persons;
  double     seconds;       /* matching the probes through the index */
  double     exhaustive_seconds;
  guint      threads;
} TarmacScreenAccuracy;

TarmacScreenAccuracy *tarmac_screen_accuracy_run          (const TarmacWatchlistData *list,
                                                           guint64                    seed,
                                                           guint                      n_travellers,
                                                           gboolean                   exhaustive,
                                                           guint                      n_threads);
void                  tarmac_screen_accuracy_free         (TarmacScreenAccuracy      *accuracy);
double                tarmac_screen_accuracy_recall       (const TarmacScreenAccuracy *accuracy,
                                                           TarmacVariantClass         klass,
                                                           double                     threshold,
                                                           guint                     *n);
double                tarmac_screen_accuracy_recall_named (const TarmacScreenAccuracy *accuracy,
                                                           double                     threshold);
double                tarmac_screen_accuracy_alerts_per_1000 (const TarmacScreenAccuracy *accuracy,
                                                           double                     threshold);
double                tarmac_screen_accuracy_blocking_recall (const TarmacScreenAccuracy *accuracy,
                                                           double                     threshold,
                                                           guint                     *n);
JsonNode             *tarmac_screen_accuracy_to_json      (const TarmacScreenAccuracy *accuracy,
                                                           double                     alert,
                                                           double                     review);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TarmacScreenAccuracy, tarmac_screen_accuracy_free)

G_END_DECLS
