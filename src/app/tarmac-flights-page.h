/* tarmac-flights-page.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-page.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_FLIGHTS_PAGE (tarmac_flights_page_get_type ())

G_DECLARE_FINAL_TYPE (TarmacFlightsPage, tarmac_flights_page, TARMAC, FLIGHTS_PAGE, TarmacPage)

const char *tarmac_flights_page_get_day     (TarmacFlightsPage *self);
void        tarmac_flights_page_set_day     (TarmacFlightsPage *self,
                                             const char        *day);
GListModel *tarmac_flights_page_get_flights (TarmacFlightsPage *self);

G_END_DECLS
