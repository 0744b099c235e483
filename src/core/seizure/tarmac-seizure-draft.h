/* tarmac-seizure-draft.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-seizure.h"
#include "tarmac-store.h"

G_BEGIN_DECLS

/* A new record started from what the officer was looking at (a hit, a traveller, a
 * flight, or nothing), with the defaults of the desk: now, this airport, this officer's
 * agency, the flight's direction and route, the traveller as a non-nominal person. */
TarmacSeizure *tarmac_seizure_draft_new            (TarmacStore    *store,
                                                    gint64          hit_id,
                                                    gint64          traveller_id,
                                                    gint64          flight_id,
                                                    GError        **error);

/* Saves a record made from a hit and closes the hit's review as "controlled: positive",
 * in one transaction (the seizure is the outcome of the control). */
gboolean       tarmac_seizure_store_save_for_hit   (TarmacStore    *store,
                                                    TarmacSeizure  *seizure,
                                                    GError        **error);

const char    *tarmac_seizure_country_alpha2       (const char     *alpha3);
const char    *tarmac_seizure_age_band             (const char     *date_of_birth,
                                                    const char     *on_day);
char          *tarmac_seizure_store_airport_country (TarmacStore   *store,
                                                    const char     *airport);

G_END_DECLS
