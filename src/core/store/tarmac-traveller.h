/* tarmac-traveller.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "tarmac-types.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_TRAVELLER (tarmac_traveller_get_type ())

G_DECLARE_FINAL_TYPE (TarmacTraveller, tarmac_traveller, TARMAC, TRAVELLER, GObject)

gint64               tarmac_traveller_get_id              (TarmacTraveller *self);
gint64               tarmac_traveller_get_flight_id       (TarmacTraveller *self);
TarmacTravellerKind  tarmac_traveller_get_kind            (TarmacTraveller *self);
const char          *tarmac_traveller_get_surname         (TarmacTraveller *self);
const char          *tarmac_traveller_get_given_names     (TarmacTraveller *self);
const char          *tarmac_traveller_get_full_name       (TarmacTraveller *self);
const char          *tarmac_traveller_get_sex             (TarmacTraveller *self);
const char          *tarmac_traveller_get_date_of_birth   (TarmacTraveller *self);
const char          *tarmac_traveller_get_nationality     (TarmacTraveller *self);
const char          *tarmac_traveller_get_seat            (TarmacTraveller *self);
const char          *tarmac_traveller_get_document_type   (TarmacTraveller *self);
const char          *tarmac_traveller_get_document_number (TarmacTraveller *self);
const char          *tarmac_traveller_get_flight_label    (TarmacTraveller *self);

G_END_DECLS
