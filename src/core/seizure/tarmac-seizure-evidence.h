/* tarmac-seizure-evidence.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-seizure-custody-event.h"
#include "tarmac-seizure-exhibit.h"
#include "tarmac-seizure-lab-result.h"
#include "tarmac-store.h"

G_BEGIN_DECLS

/* The evidence of a seizure (research/seizures.md §6.3, §8.4): exhibits, their chain of
 * custody and their lab results. Evidence belongs to the record's series, so custody goes
 * on after the record is validated. Each write is one transaction with its audit row;
 * custody events are append-only (the database refuses to change or delete them). */

GListModel *tarmac_seizure_store_list_exhibits     (TarmacStore                *store,
                                                    gint64                      series_id,
                                                    GError                    **error);
GListModel *tarmac_seizure_store_list_custody      (TarmacStore                *store,
                                                    gint64                      exhibit_id,
                                                    GError                    **error);
GListModel *tarmac_seizure_store_list_lab_results  (TarmacStore                *store,
                                                    gint64                      exhibit_id,
                                                    GError                    **error);
gboolean    tarmac_seizure_store_add_exhibit       (TarmacStore                *store,
                                                    TarmacSeizureExhibit       *exhibit,
                                                    GError                    **error);
gboolean    tarmac_seizure_store_add_custody_event (TarmacStore                *store,
                                                    TarmacSeizureCustodyEvent  *event,
                                                    GError                    **error);
gboolean    tarmac_seizure_store_add_lab_result    (TarmacStore                *store,
                                                    TarmacSeizureLabResult     *result,
                                                    GError                    **error);

G_END_DECLS
