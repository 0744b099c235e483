/* tarmac-co-traveller.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "tarmac-types.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_CO_TRAVELLER (tarmac_co_traveller_get_type ())

G_DECLARE_FINAL_TYPE (TarmacCoTraveller, tarmac_co_traveller, TARMAC, CO_TRAVELLER, GObject)

gint64                   tarmac_co_traveller_get_traveller_id (TarmacCoTraveller *self);
const char              *tarmac_co_traveller_get_full_name    (TarmacCoTraveller *self);
const char              *tarmac_co_traveller_get_flight_label (TarmacCoTraveller *self);
TarmacCoTravellerReason  tarmac_co_traveller_get_reason       (TarmacCoTraveller *self);
const char              *tarmac_co_traveller_get_detail       (TarmacCoTraveller *self);
gboolean                 tarmac_co_traveller_get_masked       (TarmacCoTraveller *self);

G_END_DECLS
