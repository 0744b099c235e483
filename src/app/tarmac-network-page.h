/* tarmac-network-page.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-page.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_NETWORK_PAGE (tarmac_network_page_get_type ())

G_DECLARE_FINAL_TYPE (TarmacNetworkPage, tarmac_network_page, TARMAC, NETWORK_PAGE, TarmacPage)

GListModel *tarmac_network_page_get_notes (TarmacNetworkPage *self);

G_END_DECLS
