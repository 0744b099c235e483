/* tarmac-network-page.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "tarmac-page.h"
#include "tarmac-sync-service.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_NETWORK_PAGE (tarmac_network_page_get_type ())

G_DECLARE_FINAL_TYPE (TarmacNetworkPage, tarmac_network_page, TARMAC, NETWORK_PAGE, TarmacPage)

GListModel *tarmac_network_page_get_notes        (TarmacNetworkPage *self);
GtkWidget  *tarmac_network_page_get_key_changes  (TarmacNetworkPage *self);
void        tarmac_network_page_set_sync_service (TarmacNetworkPage *self,
                                                  TarmacSyncService *service);
void        tarmac_network_page_reveal_note      (TarmacNetworkPage *self,
                                                  const char        *uuid);
GListModel *_tarmac_network_page_order_threads   (GListModel        *notes);

G_END_DECLS
