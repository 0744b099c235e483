/* tarmac-flight-row.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tarmac-flight.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_FLIGHT_ROW (tarmac_flight_row_get_type ())

G_DECLARE_FINAL_TYPE (TarmacFlightRow, tarmac_flight_row, TARMAC, FLIGHT_ROW, GtkListBoxRow)

GtkWidget    *tarmac_flight_row_new        (TarmacFlight    *flight);
TarmacFlight *tarmac_flight_row_get_flight (TarmacFlightRow *self);

G_END_DECLS
