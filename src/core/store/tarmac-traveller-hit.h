/* tarmac-traveller-hit.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-types.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_TRAVELLER_HIT (tarmac_traveller_hit_get_type ())

G_DECLARE_FINAL_TYPE (TarmacTravellerHit, tarmac_traveller_hit, TARMAC, TRAVELLER_HIT, GObject)

gint64      tarmac_traveller_hit_get_id          (TarmacTravellerHit *self);
const char *tarmac_traveller_hit_get_source      (TarmacTravellerHit *self);
const char *tarmac_traveller_hit_get_status      (TarmacTravellerHit *self);
double      tarmac_traveller_hit_get_score       (TarmacTravellerHit *self);
const char *tarmac_traveller_hit_get_explanation (TarmacTravellerHit *self);
const char *tarmac_traveller_hit_get_created_at  (TarmacTravellerHit *self);

G_END_DECLS
