/* tarmac-flight-page.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-page.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_FLIGHT_PAGE (tarmac_flight_page_get_type ())

G_DECLARE_FINAL_TYPE (TarmacFlightPage, tarmac_flight_page, TARMAC, FLIGHT_PAGE, TarmacPage)

TarmacFlight *tarmac_flight_page_get_flight     (TarmacFlightPage *self);
void          tarmac_flight_page_set_flight     (TarmacFlightPage *self,
                                                 TarmacFlight     *flight);
void          tarmac_flight_page_set_filter     (TarmacFlightPage *self,
                                                 const char       *text);
GListModel   *tarmac_flight_page_get_travellers (TarmacFlightPage *self);

G_END_DECLS
