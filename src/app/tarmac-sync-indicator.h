/* tarmac-sync-indicator.h
 *
 * Copyright 2026 The Tarmac authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "tarmac-sync-service.h"

G_BEGIN_DECLS

#define TARMAC_TYPE_SYNC_INDICATOR (tarmac_sync_indicator_get_type ())

G_DECLARE_FINAL_TYPE (TarmacSyncIndicator, tarmac_sync_indicator, TARMAC, SYNC_INDICATOR, GtkWidget)

GtkWidget         *tarmac_sync_indicator_new         (void);
TarmacSyncService *tarmac_sync_indicator_get_service (TarmacSyncIndicator *self);
void               tarmac_sync_indicator_set_service (TarmacSyncIndicator *self,
                                                      TarmacSyncService   *service);
const char        *tarmac_sync_indicator_get_text    (TarmacSyncIndicator *self);

G_END_DECLS
