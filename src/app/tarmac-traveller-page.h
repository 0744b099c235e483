/* tarmac-traveller-page.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-page.h"
#include "tarmac-traveller-detail.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_TRAVELLER_PAGE (tarmac_traveller_page_get_type ())

G_DECLARE_FINAL_TYPE (TarmacTravellerPage, tarmac_traveller_page, TARMAC, TRAVELLER_PAGE, TarmacPage)

void                   tarmac_traveller_page_load             (TarmacTravellerPage *self,
                                                               gint64               traveller_id);
gint64                 tarmac_traveller_page_get_traveller_id (TarmacTravellerPage *self);
TarmacTravellerDetail *tarmac_traveller_page_get_detail       (TarmacTravellerPage *self);

G_END_DECLS
