/* tarmac-flight.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "tarmac-types.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_FLIGHT (tarmac_flight_get_type ())

G_DECLARE_FINAL_TYPE (TarmacFlight, tarmac_flight, TARMAC, FLIGHT, GObject)

gint64           tarmac_flight_get_id                  (TarmacFlight *self);
const char      *tarmac_flight_get_carrier             (TarmacFlight *self);
const char      *tarmac_flight_get_number              (TarmacFlight *self);
const char      *tarmac_flight_get_designator          (TarmacFlight *self);
const char      *tarmac_flight_get_flight_date         (TarmacFlight *self);
const char      *tarmac_flight_get_origin              (TarmacFlight *self);
const char      *tarmac_flight_get_destination         (TarmacFlight *self);
const char      *tarmac_flight_get_scheduled_departure (TarmacFlight *self);
const char      *tarmac_flight_get_scheduled_arrival   (TarmacFlight *self);
TarmacDirection  tarmac_flight_get_direction           (TarmacFlight *self);
guint            tarmac_flight_get_passenger_count     (TarmacFlight *self);
guint            tarmac_flight_get_crew_count          (TarmacFlight *self);
guint            tarmac_flight_get_open_hit_count      (TarmacFlight *self);
gboolean         tarmac_flight_get_manifest_complete   (TarmacFlight *self);
const char      *tarmac_flight_get_manifest_parts      (TarmacFlight *self);
guint            tarmac_flight_get_manifest_last_part  (TarmacFlight *self);

G_END_DECLS
