/* tarmac-lookout-screen.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-store.h"

G_BEGIN_DECLS

/* How far back a lookout received now looks: travellers of flights from this many days
 * ago onwards (arrived, and still to come). */
#define TARMAC_LOOKOUT_SCREEN_DAYS_BACK 3

gboolean tarmac_lookout_screen (TarmacStore   *store,
                                gint64         lookout_id,
                                GArray        *traveller_ids,
                                guint         *n_hits,
                                GError       **error);

G_END_DECLS
